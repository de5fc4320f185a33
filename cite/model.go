package cite

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/maisky-lib/maisky/maisky"
)

// Form chooses what a document's Item cites: the printed edition or the
// online archive.
type Form int

const (
	// Print cites a diary entry as a chapter of the printed, edited volume
	// (editor, translators, volume, the entry's pages, publisher, place,
	// year). It is the default; a document without a volume falls back to
	// Archive.
	Print Form = iota
	// Archive cites the document as read in the online archive: a diary
	// entry as a manuscript (genre "diary entry"), a letter as a personal
	// communication (genre "letter"), with the archive's name, the
	// permalink and the access date.
	Archive
)

// ParseForm parses "print" or "archive".
func ParseForm(s string) (Form, error) {
	switch s {
	case "print", "":
		return Print, nil
	case "archive":
		return Archive, nil
	}
	return 0, &ParseError{What: "form", Value: s, Allowed: "print, archive"}
}

// Options tune FromDocument and FromVolume. The zero value cites the
// printed edition under the names readers know.
type Options struct {
	// Form is Print (the default) or Archive.
	Form Form
	// ArchiveNames cites people in the archive's form, "Liakhovetsky, Ivan
	// Mikhailovich (Maisky)", instead of the name readers know ("Maisky,
	// Ivan").
	ArchiveNames bool
	// Accessed is the day the archive was consulted (Archive form); the
	// zero time leaves it out. Only its date counts, in its own location.
	Accessed time.Time
	// ArchiveName names the online archive when the document's volume does
	// not ("Stalin Digital Archive").
	ArchiveName string
}

// ErrNoDocument reports a nil document given to FromDocument.
var ErrNoDocument = errors.New("cite: no document")

// FromDocument returns the citation data of a document: the one mapping
// from the model to citation data that every output of the module shares
// (citations, CSL-JSON, RIS, the TEI header's source description, the PDF
// footer). vol is the volume the document belongs to (nil if unknown; a
// volume whose ID is not the document's Volume is ignored); see Options and
// the package documentation for the mapping. The Item's ID is the
// document's ID. A nil document is ErrNoDocument.
//
// Besides what the styles print, the Item holds what a reference manager
// keeps: the language of the version its title is in ("language"), the
// document's keywords ("keyword", separated by "; "), its description
// ("abstract") and, when the document names its original, "Original:
// repository, reference" ("note"). The styles print none of these.
//
// Its text is single-line, as every output carries it (a RIS line, the TEI
// header, a PDF footer): in each value taken from the model, control
// characters and the line and paragraph separators become spaces, runs of
// spaces one space, white space at both ends is removed, the text is NFC;
// a keyword is split at its semicolons, the keyword separator.
func FromDocument(doc *maisky.Document, vol *maisky.Volume, opts Options) (Item, error) {
	if doc == nil {
		return Item{}, ErrNoDocument
	}
	return fromDocument(doc, vol, opts), nil
}

func fromDocument(doc *maisky.Document, vol *maisky.Volume, opts Options) Item {
	it := mapDocument(doc, vol, opts)
	oneLineItem(&it)
	return it
}

func mapDocument(doc *maisky.Document, vol *maisky.Volume, opts Options) Item {
	it := Item{ID: doc.ID}
	if vol != nil && doc.Volume != "" && doc.Volume != vol.ID {
		vol = nil
	}
	authors := people(doc.Authors, opts.ArchiveNames)
	it.Language = docLanguage(doc)
	it.Abstract = doc.Description
	if doc.Repository != "" || doc.ArchiveID != "" {
		it.Note = "Original: " + joinNonEmpty(", ", doc.Repository, doc.ArchiveID)
	}
	if kw := keywords(doc.Keywords); kw != "" {
		it.Extra = map[string]string{"keyword": kw}
	}
	if opts.Form == Print && vol != nil {
		it.Type = "chapter"
		it.Title = chapterTitle(doc)
		it.Author = authors
		it.ContainerTitle = vol.Title
		it.Volume = vol.Number
		it.Editor = people(vol.Editors, opts.ArchiveNames)
		it.Translator = people(vol.Translators, opts.ArchiveNames)
		it.Publisher = vol.Publisher
		it.PublisherPlace = vol.Place
		if vol.Year != 0 {
			it.Issued = Date{From: DateParts{Year: vol.Year}}
		}
		if r, ok := doc.PageSpan(); ok {
			it.Page = strconv.Itoa(r.First)
			if r.Last != r.First {
				it.Page += "-" + strconv.Itoa(r.Last)
			}
		}
		it.ISBN = vol.ISBN
		return it
	}
	it.Author = authors
	it.Issued = fromDate(doc.Date)
	it.URL = doc.Permalink
	it.Archive = opts.ArchiveName
	if vol != nil && vol.Archive.Name != "" {
		it.Archive = vol.Archive.Name
	}
	if !opts.Accessed.IsZero() {
		y, m, d := opts.Accessed.Date()
		it.Accessed = Date{From: DateParts{Year: y, Month: int(m), Day: d}}
	}
	if len(doc.Recipients) > 0 {
		// A letter: described by genre and recipient ("letter to Maxim
		// Litvinov"); the archive's descriptive title would repeat them.
		it.Type = "personal_communication"
		it.Genre = "letter"
		it.Recipient = people(doc.Recipients, opts.ArchiveNames)
		return it
	}
	it.Type = "manuscript"
	it.Genre = "diary entry"
	it.Title = doc.Title
	return it
}

// docLanguage is the language of the version a document's title and
// citation come from: the translation's, else the first version's that
// names one.
func docLanguage(doc *maisky.Document) string {
	if v := doc.Translation(); v != nil && v.Lang != "" {
		return v.Lang
	}
	for _, v := range doc.Versions {
		if v != nil && v.Lang != "" {
			return v.Lang
		}
	}
	return ""
}

func joinNonEmpty(sep string, parts ...string) string {
	n := 0
	var b strings.Builder
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if n > 0 {
			b.WriteString(sep)
		}
		b.WriteString(p)
		n++
	}
	return b.String()
}

// FromVolume returns the citation data of a volume of the edition as a
// book: the authors of its diaries (pass the document authors; nil leads
// with the editor), title, volume number, editors, translators, publisher,
// place, year and ISBN.
func FromVolume(vol *maisky.Volume, authors []maisky.Person, opts Options) Item {
	it := Item{
		ID:             vol.ID,
		Type:           "book",
		Title:          vol.Title,
		Author:         people(authors, opts.ArchiveNames),
		Volume:         vol.Number,
		Editor:         people(vol.Editors, opts.ArchiveNames),
		Translator:     people(vol.Translators, opts.ArchiveNames),
		Publisher:      vol.Publisher,
		PublisherPlace: vol.Place,
		ISBN:           vol.ISBN,
	}
	if vol.Year != 0 {
		it.Issued = Date{From: DateParts{Year: vol.Year}}
	}
	return it
}

// people maps persons to CSL names: the name readers know (pseudonym as
// family name, the first given name without the patronymic), or the
// archive's form as a literal name.
func people(ps []maisky.Person, archiveForm bool) []Name {
	if len(ps) == 0 {
		return nil
	}
	out := make([]Name, 0, len(ps))
	for _, p := range ps {
		// The name parts one line each; the original-script name, a
		// last resort, only where it is used.
		p = maisky.Person{Family: oneLine(p.Family), Given: oneLine(p.Given), Pseudonym: oneLine(p.Pseudonym), Original: p.Original}
		if archiveForm {
			n := archiveName(p)
			if n.Literal = oneLine(n.Literal); n != (Name{}) {
				out = append(out, n)
			}
			continue
		}
		k := p.KnownAs()
		given, _, _ := strings.Cut(k.Given, " ")
		switch {
		case k.Family == "" && given == "":
			if s := oneLine(p.DisplayName()); s != "" {
				out = append(out, Name{Literal: s})
			}
		case k.Family == "":
			out = append(out, Name{Literal: given})
		default:
			out = append(out, Name{Family: k.Family, Given: given})
		}
	}
	return out
}

// archiveName is a person in the archive's form: the family name as
// family, the given names with the pseudonym in parentheses as given
// ("Liakhovetsky", "Ivan Mikhailovich (Maisky)"), so that a bibliography
// prints the archive's "Liakhovetsky, Ivan Mikhailovich (Maisky)" while
// short notes and in-text citations give the family name alone. A person
// without a family name is a literal name.
func archiveName(p maisky.Person) Name {
	if p.Family == "" {
		switch {
		case p.Given != "":
			return Name{Literal: p.String()}
		case p.Pseudonym != "":
			return Name{Literal: p.Pseudonym}
		}
		return Name{Literal: p.Original}
	}
	given := p.Given
	if p.Pseudonym != "" {
		given = joinNonEmpty(" ", given, "("+p.Pseudonym+")")
	}
	return Name{Family: p.Family, Given: given}
}

// fromDate maps a document date; approximate and uncertain dates are circa.
func fromDate(d maisky.Date) Date {
	if d.IsZero() {
		return Date{}
	}
	return Date{
		From:  DateParts{Year: d.Year, Month: d.Month, Day: d.Day},
		Circa: d.Approximate || d.Uncertain,
	}
}

// chapterTitle is the title of an entry in the printed volume: a label
// that is the entry's day and month ("31 December", "1 March (1)") gets its
// year ("31 December 1934", "1 March 1935 (1)"), since entries run across
// years; other titles stay as they are.
func chapterTitle(doc *maisky.Document) string {
	t := oneLine(doc.Title)
	d := doc.Date
	if d.IsZero() || d.Day == 0 || d.Month < 1 || d.Month > 12 {
		return t
	}
	label := strconv.Itoa(d.Day) + " " + time.Month(d.Month).String()
	if t != label && !strings.HasPrefix(t, label+" (") {
		return t
	}
	return label + " " + strconv.Itoa(d.Year) + t[len(label):]
}

// keywords joins keywords with "; " (the "keyword" variable), each made
// one line and then split at its semicolons (after NFC, which turns
// U+037E GREEK QUESTION MARK into a semicolon), empty ones dropped.
func keywords(kws []string) string {
	n := 0
	for _, k := range kws {
		n += len(k) + 2
	}
	var b strings.Builder
	b.Grow(n)
	for _, k := range kws {
		k = oneLine(k)
		for more := true; more; {
			var part string
			part, k, more = strings.Cut(k, ";")
			if part = oneLine(part); part != "" {
				if b.Len() > 0 {
					b.WriteString("; ")
				}
				b.WriteString(part)
			}
		}
	}
	return b.String()
}

// oneLineItem makes the text values of a document's item one line (see
// oneLine); names and keywords are made so as they are mapped.
func oneLineItem(it *Item) {
	for _, s := range []*string{&it.Title, &it.ContainerTitle, &it.Volume, &it.Publisher, &it.PublisherPlace,
		&it.ISBN, &it.Language, &it.Abstract, &it.Note, &it.Archive, &it.URL} {
		*s = oneLine(*s)
	}
}

// oneLine returns s as a single line of text: invalid UTF-8 becomes
// U+FFFD, control characters (C0, DEL, C1) and U+2028, U+2029 become
// spaces, runs of spaces one space, white space (and U+FEFF) at both ends
// is removed, and the result is NFC. It is what a RIS line holds of s
// (ris.Fold), so every output of the item shows the same text.
func oneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	t := strings.TrimFunc(b.String(), func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
	return norm.NFC.String(t)
}

// isOneLine reports whether oneLine leaves s as it is, without allocating.
func isOneLine(s string) bool {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' ') {
				return false
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r <= 0x9f || r == '\u2028' || r == '\u2029' ||
			(i == 0 || i+n == len(s)) && (unicode.IsSpace(r) || r == '\ufeff') {
			return false
		}
		i += n
	}
	return ascii || norm.NFC.IsNormalString(s)
}
