package maisky

import (
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Validate checks the document against the rules of the model and returns
// a *ValidationError listing the problems with their paths (the first
// MaxProblems, and how many more), or nil:
//
//   - the document has an id; people have a name; the date is a real date;
//   - versions have a known kind, a BCP 47 language tag and at most one of
//     each kind;
//   - headings have a level from 1 to 6; footnote anchors and page breaks
//     stand at the top level of a block's content; emphasis and footnotes
//     hold only text and emphasis;
//   - every footnote anchor resolves, every footnote is anchored exactly once,
//     footnote ids are unique, numbers increase in reading order and the
//     footnotes are listed in that order;
//   - text nodes are not empty and never adjacent (merge them);
//   - page numbers are positive and consecutive, and StartPage, if set
//     where there are page breaks, is the page before the first one; text
//     before a first page break 1 (a partial page 0) is refused;
//   - all text is valid UTF-8 in NFC without characters XML 1.0 forbids.
func (d *Document) Validate() error {
	var v validator
	v.document(d, "")
	return v.err()
}

// Validate checks the volume: an id and a title, unique table-of-contents
// ids with labels and valid dates, valid people.
func (vol *Volume) Validate() error {
	var v validator
	v.volume(vol, "")
	return v.err()
}

// Validate checks the volume and every document (see Document.Validate),
// that document ids are unique and, in a volume file, that every document is
// in the table of contents, in its order, and names the volume if it names
// one.
func (f *File) Validate() error {
	var v validator
	if f.Volume != nil {
		v.volume(f.Volume, "volume")
	}
	seen := make(map[string]int, len(f.Documents))
	last := -1
	for i, d := range f.Documents {
		p := "document"
		if f.Volume != nil || len(f.Documents) != 1 {
			p = "documents[" + strconv.Itoa(i) + "]"
		}
		if d == nil {
			v.add(p, "missing document")
			continue
		}
		v.document(d, p)
		if j, dup := seen[d.ID]; dup && d.ID != "" {
			v.add(p+".id", "duplicate document id "+strconv.Quote(d.ID)+" (also documents["+strconv.Itoa(j)+"])")
		}
		seen[d.ID] = i
		if f.Volume != nil {
			if d.Volume != "" && d.Volume != f.Volume.ID {
				v.add(p+".volume", "names volume "+strconv.Quote(d.Volume)+", not "+strconv.Quote(f.Volume.ID))
			}
			k := f.Volume.Index(d.ID)
			switch {
			case k < 0:
				v.add(p+".id", "document "+strconv.Quote(d.ID)+" is not in the table of contents")
			case k < last:
				v.add(p+".id", "document "+strconv.Quote(d.ID)+" is out of table-of-contents order")
			default:
				last = k
			}
		}
	}
	return v.err()
}

// MaxProblems is the most problems a ValidationError lists; it counts the
// rest.
const MaxProblems = 100

type validator struct {
	problems []Problem
	more     int
}

func (v *validator) add(path, msg string) {
	if len(v.problems) >= MaxProblems {
		v.more++
		return
	}
	v.problems = append(v.problems, Problem{Path: path, Msg: msg})
}

func (v *validator) err() error {
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems, More: v.more}
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func index(prefix string, i int) string {
	return prefix + "[" + strconv.Itoa(i) + "]"
}

// text checks that s is valid UTF-8, NFC and free of characters that XML 1.0
// forbids.
func (v *validator) text(path, s string) {
	if msg := textProblem(s); msg != "" {
		v.add(path, msg)
	}
}

// textNodeProblem returns what is wrong with the text node content[i]: its
// text, or its being empty or next to another text node. Text nodes are
// maximal, so that every model has one form and formats that merge adjacent
// text (XML) read back the same model.
func textNodeProblem(t *Text, content []Inline, i int) string {
	if t.Value == "" {
		return "empty text node"
	}
	if i > 0 {
		if _, ok := content[i-1].(*Text); ok {
			return "text node next to another text node; merge them"
		}
	}
	return textProblem(t.Value)
}

// textProblem returns what is wrong with s, or "".
func textProblem(s string) string {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			ascii = false
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "invalid UTF-8 at byte " + strconv.Itoa(i)
			}
		}
		if !xmlChar(r) {
			return "character U+" + strconv.FormatInt(int64(r), 16) + " is not allowed in XML 1.0 (offset " + strconv.Itoa(utf8.RuneCountInString(s[:i])) + ")"
		}
		i += size
	}
	if !ascii && !norm.NFC.IsNormalString(s) {
		return "text is not in Unicode normalization form C"
	}
	return ""
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

func (v *validator) person(path string, p Person) {
	if p.Family == "" && p.Given == "" && p.Pseudonym == "" && p.Original == "" {
		v.add(path, "person without a name")
	}
	v.text(join(path, "family"), p.Family)
	v.text(join(path, "given"), p.Given)
	v.text(join(path, "pseudonym"), p.Pseudonym)
	v.text(join(path, "original"), p.Original)
}

func (v *validator) people(path string, ps []Person) {
	for i, p := range ps {
		v.person(index(path, i), p)
	}
}

func (v *validator) date(path string, d Date) {
	if !d.Valid() {
		v.add(path, "not a valid date: year "+strconv.Itoa(d.Year)+", month "+strconv.Itoa(d.Month)+", day "+strconv.Itoa(d.Day))
	}
}

func (v *validator) volume(vol *Volume, p string) {
	if vol.ID == "" {
		v.add(join(p, "id"), "missing volume id")
	}
	if vol.Title == "" {
		v.add(join(p, "title"), "missing volume title")
	}
	for _, f := range [...]struct{ name, s string }{{"id", vol.ID}, {"title", vol.Title}, {"number", vol.Number}, {"publisher", vol.Publisher}, {"place", vol.Place}, {"isbn", vol.ISBN}, {"archive.name", vol.Archive.Name}, {"archive.publisher", vol.Archive.Publisher}, {"archive.url", vol.Archive.URL}} {
		v.text(join(p, f.name), f.s)
	}
	v.people(join(p, "editors"), vol.Editors)
	v.people(join(p, "translators"), vol.Translators)
	if vol.Year < 0 || vol.Year > 9999 {
		v.add(join(p, "year"), "year out of range")
	}
	seen := make(map[string]bool, len(vol.Contents))
	for i, e := range vol.Contents {
		ep := index(join(p, "contents"), i)
		if e.ID == "" {
			v.add(join(ep, "id"), "missing entry id")
		} else if seen[e.ID] {
			v.add(join(ep, "id"), "duplicate entry id "+strconv.Quote(e.ID))
		}
		seen[e.ID] = true
		if e.Label == "" {
			v.add(join(ep, "label"), "missing label")
		}
		v.text(join(ep, "id"), e.ID)
		v.text(join(ep, "label"), e.Label)
		v.date(join(ep, "date"), e.Date)
	}
}

func (v *validator) document(d *Document, p string) {
	if d.ID == "" {
		v.add(join(p, "id"), "missing document id")
	}
	for _, f := range [...]struct{ name, s string }{{"id", d.ID}, {"title", d.Title}, {"repository", d.Repository}, {"archiveId", d.ArchiveID}, {"description", d.Description}, {"volume", d.Volume}, {"permalink", d.Permalink}} {
		v.text(join(p, f.name), f.s)
	}
	v.people(join(p, "authors"), d.Authors)
	v.people(join(p, "recipients"), d.Recipients)
	v.date(join(p, "date"), d.Date)
	for i, k := range d.Keywords {
		v.text(index(join(p, "keywords"), i), k)
	}
	kinds := map[VersionKind]bool{}
	for i, ver := range d.Versions {
		vp := index(join(p, "versions"), i)
		if ver == nil {
			v.add(vp, "missing version")
			continue
		}
		if ver.Kind != Translation && ver.Kind != Transcription {
			v.add(join(vp, "kind"), "unknown version kind")
		} else if kinds[ver.Kind] {
			v.add(join(vp, "kind"), "a second "+ver.Kind.String())
		}
		kinds[ver.Kind] = true
		v.version(ver, vp)
	}
}

func (v *validator) version(ver *Version, p string) {
	if ver.Lang == "" {
		v.add(join(p, "lang"), "missing language tag")
	} else if _, err := language.Parse(ver.Lang); err != nil {
		v.add(join(p, "lang"), "not a BCP 47 language tag: "+strconv.Quote(ver.Lang))
	}
	if ver.StartPage < 0 {
		v.add(join(p, "startPage"), "negative page")
	}
	notes := make(map[string]int, len(ver.Footnotes))
	byID := make(map[string]*Footnote, len(ver.Footnotes))
	prevNumber := 0
	for i, f := range ver.Footnotes {
		fp := index(join(p, "footnotes"), i)
		if f == nil {
			v.add(fp, "missing footnote")
			continue
		}
		if f.ID == "" {
			v.add(join(fp, "id"), "missing footnote id")
		} else if _, dup := notes[f.ID]; dup {
			v.add(join(fp, "id"), "duplicate footnote id "+strconv.Quote(f.ID))
		}
		v.text(join(fp, "id"), f.ID)
		notes[f.ID] = 0
		if _, dup := byID[f.ID]; !dup {
			byID[f.ID] = f
		}
		if f.Number < 1 {
			v.add(join(fp, "n"), "footnote numbers start at 1")
		} else if f.Number <= prevNumber {
			v.add(join(fp, "n"), "footnotes are listed in the order of their numbers: "+strconv.Itoa(f.Number)+" after "+strconv.Itoa(prevNumber))
		}
		prevNumber = max(prevNumber, f.Number)
		v.inlines(f.Content, join(fp, "content"))
	}
	lastPage, lastNote := 0, 0
	firstBreak := true
	textBefore := false // content precedes the first page break
	for bi, b := range ver.Blocks {
		bp := index(join(p, "blocks"), bi)
		if b == nil {
			v.add(bp, "missing block")
			continue
		}
		if h, ok := b.(*Heading); ok && (h.Level < 1 || h.Level > 6) {
			v.add(join(bp, "level"), "heading level must be 1 to 6")
		}
		content := b.Inlines()
		for ii, in := range content {
			if _, ok := in.(*PageBreak); !ok && in != nil && firstBreak {
				textBefore = true
			}
			if t, ok := in.(*Text); ok {
				if msg := textNodeProblem(t, content, ii); msg != "" {
					v.add(index(join(bp, "content"), ii), msg)
				}
				continue
			}
			ip := index(join(bp, "content"), ii)
			switch in := in.(type) {
			case *PageBreak:
				switch {
				case in.Page < 1:
					v.add(ip, "page numbers start at 1")
				case !firstBreak && in.Page != lastPage+1:
					v.add(ip, "page "+strconv.Itoa(in.Page)+" does not follow page "+strconv.Itoa(lastPage)+": print pages are consecutive (an empty page is two breaks in a row)")
				}
				if firstBreak && ver.StartPage > 0 && ver.StartPage != in.Page-1 {
					v.add(join(p, "startPage"), "start page "+strconv.Itoa(ver.StartPage)+" is not the page before the first page break "+strconv.Itoa(in.Page))
				}
				if firstBreak && textBefore && in.Page == 1 && ver.StartPage == 0 {
					v.add(ip, "text before the first page break, page 1, would be on a partial page 0: print pages start at 1 (number the first break 2 or more, or put the break before the text)")
				}
				firstBreak = false
				lastPage = max(lastPage, in.Page)
			case *NoteRef:
				count, ok := notes[in.ID]
				switch {
				case !ok:
					v.add(ip, "footnote "+strconv.Quote(in.ID)+" does not exist")
				case count > 0:
					v.add(ip, "footnote "+strconv.Quote(in.ID)+" is anchored twice")
				default:
					if f := byID[in.ID]; f != nil {
						if f.Number <= lastNote {
							v.add(ip, "footnote "+strconv.Quote(in.ID)+" is numbered "+strconv.Itoa(f.Number)+" after note "+strconv.Itoa(lastNote))
						}
						lastNote = max(lastNote, f.Number)
					}
				}
				if ok {
					notes[in.ID] = count + 1
				}
			case nil:
				v.add(ip, "missing inline")
			default:
				v.inlineAt(in, ip)
			}
		}
	}
	for i, f := range ver.Footnotes {
		if f != nil && f.ID != "" && notes[f.ID] == 0 {
			v.add(index(join(p, "footnotes"), i), "footnote "+strconv.Quote(f.ID)+" is never anchored")
		}
	}
}

// inlineAt checks a top-level Text or Emphasis at path.
func (v *validator) inlineAt(in Inline, path string) {
	switch in := in.(type) {
	case *Text:
		v.text(path, in.Value)
	case *Emphasis:
		v.inlines(in.Content, join(path, "emph"))
	}
}

// inlines checks content that may hold only Text and Emphasis (inside
// emphasis and footnotes).
func (v *validator) inlines(content []Inline, path string) {
	for i, in := range content {
		if t, ok := in.(*Text); ok {
			if msg := textNodeProblem(t, content, i); msg != "" {
				v.add(index(path, i), msg)
			}
			continue
		}
		ip := index(path, i)
		switch in := in.(type) {
		case *Text:
			v.text(ip, in.Value)
		case *Emphasis:
			v.inlines(in.Content, join(ip, "emph"))
		case *NoteRef:
			v.add(ip, "a footnote anchor may stand only at the top level of a block")
		case *PageBreak:
			v.add(ip, "a page break may stand only at the top level of a block")
		default:
			v.add(ip, "missing inline")
		}
	}
}
