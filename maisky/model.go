package maisky

import "strconv"

// Volume is a volume of the printed edition as the online archive publishes
// it: "The Complete Maisky Diaries: Volume 1".
type Volume struct {
	// ID identifies the volume within the archive ("maisky-diaries-1").
	ID string
	// Title is the title of the book, without the volume number.
	Title string
	// Number is the volume number as printed ("1").
	Number      string
	Editors     []Person
	Translators []Person
	Publisher   string
	// Place is the place of publication.
	Place string
	// Year is the year of publication; 0 if unknown.
	Year int
	ISBN string
	// Archive is the online archive that publishes the volume.
	Archive Archive
	// Contents is the table of contents in reading order.
	Contents []Entry
}

// Archive is an online archive that publishes documents.
type Archive struct {
	Name      string
	Publisher string
	// URL is the archive's base URL.
	URL string
}

// Entry is an item of a volume's table of contents.
type Entry struct {
	// ID is the document's ID.
	ID string
	// Label is the label as the table of contents displays it. Labels repeat
	// ("29 July") or carry a disambiguator ("1 March (1)").
	Label string
	// Date is the document's date, if known: a label alone never gives the
	// year.
	Date Date
}

// FullTitle returns the volume's title with its number, as the archive
// displays it: "The Complete Maisky Diaries: Volume 1".
func (v *Volume) FullTitle() string {
	if v.Number == "" {
		return v.Title
	}
	return v.Title + ": Volume " + v.Number
}

// Index returns the position of the document id in the table of contents,
// or -1.
func (v *Volume) Index(id string) int {
	for i := range v.Contents {
		if v.Contents[i].ID == id {
			return i
		}
	}
	return -1
}

// Entry returns the table-of-contents entry of the document id.
func (v *Volume) Entry(id string) (Entry, bool) {
	if i := v.Index(id); i >= 0 {
		return v.Contents[i], true
	}
	return Entry{}, false
}

// Prev returns the entry before the document id, as the archive's
// "Previous document" link does; false at the first entry or for an unknown
// id.
func (v *Volume) Prev(id string) (Entry, bool) {
	if i := v.Index(id); i > 0 {
		return v.Contents[i-1], true
	}
	return Entry{}, false
}

// Next returns the entry after the document id ("Next document"); false at
// the last entry or for an unknown id.
func (v *Volume) Next(id string) (Entry, bool) {
	if i := v.Index(id); i >= 0 && i+1 < len(v.Contents) {
		return v.Contents[i+1], true
	}
	return Entry{}, false
}

// Document is a document of the archive: a diary entry, a memo or a letter.
// Empty strings stand for what the archive prints as "N/A".
type Document struct {
	ID string
	// Title is the title as the archive displays it ("31 December",
	// "1 March (2)").
	Title      string
	Authors    []Person
	Recipients []Person
	// Repository holds the original, if known.
	Repository string
	// ArchiveID is the original's reference in its repository.
	ArchiveID   string
	Description string
	Date        Date
	// Volume is the ID of the volume the document belongs to.
	Volume string
	// Permalink is the document's stable URL in the online archive.
	Permalink string
	// Keywords are subject terms.
	Keywords []string
	// Versions holds the translation and the transcription.
	Versions []*Version
}

// VersionKind tells a translation from a transcription.
type VersionKind int

const (
	// Translation is the edition's English translation.
	Translation VersionKind = iota + 1
	// Transcription is the text in its original language.
	Transcription
)

// String returns "translation" or "transcription".
func (k VersionKind) String() string {
	switch k {
	case Translation:
		return "translation"
	case Transcription:
		return "transcription"
	}
	return "VersionKind(" + strconv.Itoa(int(k)) + ")"
}

// Version is one text of a document: the translation or the transcription.
type Version struct {
	Kind VersionKind
	// Lang is a BCP 47 language tag ("en", "ru").
	Lang string
	// StartPage is the print page on which a text without any page break
	// begins (a single-page entry). Zero means "the first break minus one";
	// where there are breaks, a StartPage must be that page.
	StartPage int
	// Blocks is the body. A transcription may be empty.
	Blocks []Block
	// Footnotes are the editor's notes, in reading order of their anchors.
	Footnotes []*Footnote
}

// Footnote is an editorial footnote.
type Footnote struct {
	ID string
	// Number is the note's number as printed: notes are numbered in reading
	// order within the document, and an extract keeps the book's numbers.
	Number int
	// Content holds *Text and *Emphasis nodes only.
	Content []Inline
}

// Translation returns the document's translation, or nil.
func (d *Document) Translation() *Version { return d.version(Translation) }

// Transcription returns the document's transcription, or nil.
func (d *Document) Transcription() *Version { return d.version(Transcription) }

func (d *Document) version(k VersionKind) *Version {
	for _, v := range d.Versions {
		if v != nil && v.Kind == k {
			return v
		}
	}
	return nil
}

// PagedVersion returns the version that carries the print edition's pages:
// the translation, else the first version with text; nil if there is none.
// Pages, PageSpan and print extracts follow it.
func (d *Document) PagedVersion() *Version {
	if t := d.Translation(); t != nil {
		return t
	}
	for _, v := range d.Versions {
		if v != nil && len(v.Blocks) > 0 {
			return v
		}
	}
	return nil
}

// noteFinder resolves footnote anchors met in reading order. Notes are
// listed in the order of their anchors (Validate checks it), so the next
// anchor is almost always the next note: a lookup costs O(1) then, and falls
// back to a search of the list otherwise. Resolving every anchor of a
// version is linear, without building an index.
type noteFinder struct {
	notes []*Footnote
	next  int
}

func (nf *noteFinder) find(id string) *Footnote {
	if nf.next < len(nf.notes) {
		if f := nf.notes[nf.next]; f != nil && f.ID == id {
			nf.next++
			return f
		}
	}
	for i, f := range nf.notes {
		if f != nil && f.ID == id {
			nf.next = i + 1
			return f
		}
	}
	return nil
}

// Footnote returns the footnote with the given id, or nil.
func (v *Version) Footnote(id string) *Footnote {
	for _, f := range v.Footnotes {
		if f != nil && f.ID == id {
			return f
		}
	}
	return nil
}

// IsEmpty reports whether the version has no text, as a transcription that
// the archive shows as "/ 0".
func (v *Version) IsEmpty() bool { return len(v.Blocks) == 0 }
