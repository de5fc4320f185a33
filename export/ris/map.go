package ris

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// Kind chooses the reference type of a document's record.
type Kind int

const (
	// KindAuto, the default, writes the item of the form Options.Form
	// chooses (see cite.FromDocument): a chapter of the printed edition
	// (CHAP) when the volume is known, else the document as the online
	// archive holds it: a letter (PCOMM) or a manuscript (MANSCPT).
	KindAuto Kind = iota
	// KindChapter writes the document as a chapter of the printed edition
	// (CHAP) whatever Options.Form says; without its volume it is written
	// as KindAuto writes it.
	KindChapter
	// KindManuscript writes the archive's document (cite.Archive) as a
	// manuscript (MANSCPT), a letter too; a letter's recipients are then
	// left out, since no reader takes a MANSCPT's A2 for recipients.
	KindManuscript
	// KindLetter writes the archive's document (cite.Archive) as a letter
	// (PCOMM).
	KindLetter
)

// NameForm chooses how people are written.
type NameForm int

const (
	// NameKnownAs, the default, writes the name readers know: the
	// pseudonym as family name with the first given name ("Maisky, Ivan"),
	// as the edition's title page and the literature cite him.
	NameKnownAs NameForm = iota
	// NameArchive writes the archive's form, the pseudonym kept:
	// "Liakhovetsky, Ivan Mikhailovich (Maisky)" (cite.Options.ArchiveNames).
	NameArchive
)

// Options tunes the mapping from the model to records. The zero value is
// the default: documents as printed chapters (as the online archive's
// documents when their volume is not given), people as readers know them,
// the volume as BOOK, no access date, no extra notes.
type Options struct {
	// Kind chooses the record type of a document.
	Kind Kind
	// Form chooses what a document's record cites, as cite.Options.Form
	// does: the printed edition (the default) or the online archive.
	Form cite.Form
	// Names chooses the form of people's names.
	Names NameForm
	// ArchiveName names the online archive when the document's volume does
	// not (cite.Options.ArchiveName), for records of the archive's form.
	ArchiveName string
	// EditedBook writes a volume as EDBOOK with its editors as AU, instead
	// of BOOK with its editors as A3.
	EditedBook bool
	// Accessed is the access date written as Y2 ("2024/05/01/"), in its
	// own location; the zero time writes no Y2. A document's record has it
	// where its citation item has it: in the archive's form.
	Accessed time.Time
	// Notes are written as extra N1 lines after the record's own.
	Notes []string
}

// CiteOptions returns the options of cite.FromDocument that give a
// document's record its item.
func (o Options) CiteOptions() cite.Options {
	c := cite.Options{
		Form:         o.Form,
		ArchiveNames: o.Names == NameArchive,
		Accessed:     o.Accessed,
		ArchiveName:  o.ArchiveName,
	}
	switch o.Kind {
	case KindChapter:
		c.Form = cite.Print
	case KindManuscript, KindLetter:
		c.Form = cite.Archive
	}
	return c
}

// Write writes one record per document of f (see DocumentRecord; a
// volume file's volume gives each document its book), in order, and
// flushes.
func Write(w io.Writer, f *maisky.File, opts Options) error {
	if f == nil {
		return ErrNoDocument
	}
	rw := NewWriter(w)
	for _, d := range f.Documents {
		rec, err := DocumentRecord(d, f.Volume, opts)
		if err != nil {
			return err
		}
		if err := rw.Write(rec); err != nil {
			return err
		}
	}
	rw.Flush()
	return rw.Error()
}

// DocumentRecord maps a document to a record: the record of its citation
// item, cite.FromDocument(d, vol, opts.CiteOptions()), as ItemRecord writes
// it, so that the record holds what the citation, the CSL-JSON and the TEI
// header hold and nothing else; vol is the volume it belongs to (nil if
// unknown; a volume whose ID is not the document's Volume is ignored).
//
// A chapter of the printed edition (CHAP) has: ID the document's id; TI
// the entry's title with its year ("31 December 1934"); AU the authors;
// A2 the volume's editors; A4 its translators; T2 the book's title; VL its
// number; PY its year; SP and EP the entry's print pages; PB, CY, SN the
// book's publisher, place and ISBN; LA the translation's language; KW the
// keywords; N1 "Original: " with the repository and archive ID; AB the
// description.
//
// The archive's document (a document without its volume, or Options.Form
// cite.Archive) is a manuscript (MANSCPT, M3 "diary entry") or a letter
// (PCOMM, M3 "letter", A2 the recipients, no TI): ID, TI, AU; PY and DA
// the document's date ("1934/12/31/", "approximate" after the last slash
// for an approximate or uncertain date); DB the archive's name; UR the
// permalink; Y2 the access date; LA, KW, N1, AB as above.
//
// Options.Notes follow the record's own N1.
func DocumentRecord(d *maisky.Document, vol *maisky.Volume, opts Options) (Record, error) {
	if d == nil {
		return Record{}, ErrNoDocument
	}
	it, err := cite.FromDocument(d, vol, opts.CiteOptions())
	if err != nil {
		return Record{}, err
	}
	switch opts.Kind {
	case KindManuscript:
		it.Type = "manuscript"
	case KindLetter:
		it.Type = "personal_communication"
	}
	return itemRecord(&it, opts, false), nil
}

// VolumeRecord maps a whole volume to a record: BOOK with the editors as
// A3 (EDBOOK with the editors as AU if opts.EditedBook); TI the title
// without the number; A4 the translators; VL the number; PY the year; PB,
// CY, SN; DB and DP the archive's name and publisher; UR the archive's URL;
// Y2 the access date; N1 Options.Notes.
func VolumeRecord(vol *maisky.Volume, opts Options) (Record, error) {
	if vol == nil {
		return Record{}, ErrNoDocument
	}
	rec := Record{Type: TypeBook}
	rec.Add("TI", vol.Title)
	if opts.EditedBook {
		rec.Type = TypeEditedBook
		addPeople(&rec, "AU", vol.Editors, opts.Names)
	} else {
		addPeople(&rec, "A3", vol.Editors, opts.Names)
	}
	addPeople(&rec, "A4", vol.Translators, opts.Names)
	rec.Add("VL", vol.Number)
	if vol.Year > 0 {
		rec.Add("PY", strconv.Itoa(vol.Year))
	}
	rec.Add("PB", vol.Publisher)
	rec.Add("CY", vol.Place)
	rec.Add("SN", vol.ISBN)
	rec.Add("DB", vol.Archive.Name)
	rec.Add("DP", vol.Archive.Publisher)
	rec.Add("UR", vol.Archive.URL)
	rec.Add("Y2", accessDate(opts.Accessed))
	for _, n := range opts.Notes {
		rec.Add("N1", n)
	}
	return rec, nil
}

// FileName returns a safe ASCII file name for a document's RIS file: its ID
// with every character other than ASCII letters, digits, "." , "_" and "-"
// replaced by "-" (runs collapsed, at most 100 characters), then ".ris";
// "document.ris" if nothing is left.
func FileName(d *maisky.Document) string {
	id := ""
	if d != nil {
		id = d.ID
	}
	return safeName(id, "document") + Extension
}

func safeName(s, fallback string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s) && len(b) < 100; i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
			b = append(b, c)
		case c == '.' || c == '-':
			if len(b) > 0 && b[len(b)-1] != '-' && b[len(b)-1] != '.' {
				b = append(b, c)
			}
		default:
			if len(b) > 0 && b[len(b)-1] != '-' && b[len(b)-1] != '.' {
				b = append(b, '-')
			}
		}
	}
	name := strings.Trim(string(b), "-.")
	if name == "" {
		return fallback
	}
	return name
}

func addPeople(rec *Record, tag string, people []maisky.Person, form NameForm) {
	for _, p := range people {
		rec.Add(tag, personName(p, form))
	}
}

// personName writes a person as "Family, Given". A person with a family
// name only (or an institution) is "Family"; with a given name only,
// "Given"; with neither, the pseudonym or the original-script name.
func personName(p maisky.Person, form NameForm) string {
	if form == NameKnownAs {
		q := p.KnownAs()
		if q.Family == "" && q.Given == "" {
			q.Family = p.Original
		}
		p = q
	} else if p.Family == "" && p.Given == "" {
		p.Family = p.Pseudonym
		if p.Family == "" {
			p.Family = p.Original
		}
	}
	switch {
	case p.Family == "":
		return p.Given
	case p.Given == "":
		return p.Family
	}
	return p.Family + ", " + p.Given
}

// accessDate formats t as RIS Y2: "2024/05/01/"; "" for the zero time.
func accessDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	b := make([]byte, 0, 11)
	b = appendPad(b, y, 4)
	b = append(b, '/')
	b = appendPad(b, int(m), 2)
	b = append(b, '/')
	b = appendPad(b, d, 2)
	b = append(b, '/')
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	if n < 0 {
		n = 0
	}
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
