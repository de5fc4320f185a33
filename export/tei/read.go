package tei

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/internal/input"

	"golang.org/x/text/unicode/norm"

	"github.com/maisky-lib/maisky/maisky"
)

// Read reads a TEI document (a TEI element: a File with one document) or a
// teiCorpus (a File with the volume and its documents), as Write and
// WriteVolume write them, into the model.
//
// Input that is not well-formed fails with a *ReadError that unwraps to
// ErrSyntax, XML that is not TEI (another root, a TEI without teiHeader)
// with a *ReadError that unwraps to ErrMalformed; both give the line and
// column. If the input holds elements the model has no place for, Read
// returns the File read from the rest together with a *SkipError (errors.Is
// ErrSkipped) listing them: a caller that only accepts a lossless read
// treats it as any error, a lenient one uses the File. Read does not
// validate the model: call Validate.
func Read(r io.Reader) (*maisky.File, error) {
	data, err := input.ReadAll(r, maxInput)
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, &ReadError{Msg: "input larger than 256 MiB, the most Read accepts", Err: maisky.ErrTooLarge}
	}
	data, err = decodeInput(data)
	if err != nil {
		return nil, err
	}
	root, perr := parse(data)
	if perr != nil {
		return nil, perr
	}
	rd := &reader{data: data, collapse: !ours(root)}
	var f *maisky.File
	switch {
	case root.is("TEI"):
		doc := rd.document(root, nil)
		if rd.err != nil {
			return nil, rd.err
		}
		f = &maisky.File{Documents: []*maisky.Document{doc}}
	case root.is("teiCorpus"):
		f = rd.corpus(root)
		if rd.err != nil {
			return nil, rd.err
		}
	default:
		return nil, rd.fail(root, "the root element is <"+root.name.Local+">; want <TEI> or <teiCorpus> in the TEI namespace")
	}
	if len(rd.warnings) > 0 {
		return f, &SkipError{Warnings: rd.positioned(), More: rd.more}
	}
	return f, nil
}

// reader maps the parsed tree to the model. The first fatal error stops it;
// what it does not understand it adds to warnings.
type reader struct {
	data []byte
	// warnings are positioned in one pass over the input at the end.
	warnings []pendingWarning
	// more counts the warnings past MaxWarnings.
	more  int
	paths pathCache
	err   *ReadError
	// collapse is set for TEI this package did not write: its whitespace
	// runs are collapsed, as TEI renderers do.
	collapse bool
}

// s returns n's text: verbatim in NFC, or collapsed and trimmed for
// foreign TEI.
func (rd *reader) s(n *node) string {
	if rd.collapse {
		return strings.TrimSpace(collapseText(str(n)))
	}
	return str(n)
}

// ours reports whether root was written by this package: its header names
// this exporter in encodingDesc/appInfo.
func ours(root *node) bool {
	h := root.child("teiHeader")
	if h == nil {
		return false
	}
	ed := h.child("encodingDesc")
	if ed == nil {
		return false
	}
	for _, ai := range ed.elements() {
		if !ai.is("appInfo") {
			continue
		}
		for _, app := range ai.elements() {
			if app.is("application") && app.attr("ident") == appIdent {
				return true
			}
		}
	}
	return false
}

func (rd *reader) fail(n *node, msg string) *ReadError {
	line, col := lineCol(rd.data, n.offset)
	e := &ReadError{Path: rd.paths.path(n), Line: line, Column: col, Msg: msg}
	if rd.err == nil {
		rd.err = e
	}
	return e
}

type pendingWarning struct {
	n   *node
	msg string
}

func (rd *reader) warn(n *node, msg string) {
	if len(rd.warnings) >= MaxWarnings {
		rd.more++
		return
	}
	rd.warnings = append(rd.warnings, pendingWarning{n, msg})
}

// positioned returns the warnings with their paths, lines and columns,
// computed in one pass over the input.
func (rd *reader) positioned() []Warning {
	order := make([]int, len(rd.warnings))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(rd.warnings[a].n.offset, rd.warnings[b].n.offset)
	})
	out := make([]Warning, len(rd.warnings))
	line, col := 1, 1
	var pos int64
	for _, i := range order {
		w := rd.warnings[i]
		for pos < w.n.offset && pos < int64(len(rd.data)) {
			c, size := utf8.DecodeRune(rd.data[pos:])
			if c == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			pos += int64(size)
		}
		out[i] = Warning{Path: rd.paths.path(w.n), Line: line, Column: col, Msg: w.msg}
	}
	return out
}

// skip reports an element skipped with all it holds.
func (rd *reader) skip(n *node) {
	if !n.tei() {
		rd.warn(n, "element {"+n.name.Space+"}"+n.name.Local+" of another namespace skipped")
		return
	}
	rd.warn(n, "element <"+n.name.Local+"> skipped: the model has no place for it")
}

// noText reports character data other than whitespace directly in n, an
// element whose content the reader takes as elements only.
func (rd *reader) noText(n *node) {
	for _, k := range n.kids {
		if s, ok := k.(string); ok && strings.TrimSpace(s) != "" {
			rd.warn(n, "text "+strconv.Quote(clip(strings.TrimSpace(s)))+" directly in <"+n.name.Local+"> skipped")
			return
		}
	}
}

func clip(s string) string {
	if len(s) > 40 {
		i := 40
		for i > 0 && !isRuneStart(s[i]) {
			i--
		}
		return s[:i] + "…"
	}
	return s
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// str returns n's text in NFC.
func str(n *node) string { return norm.NFC.String(n.text()) }

// trimmed returns n's text with surrounding whitespace removed, in NFC.
func trimmed(n *node) string { return strings.TrimSpace(str(n)) }

func (rd *reader) corpus(root *node) *maisky.File {
	f := &maisky.File{}
	rd.noText(root)
	for _, c := range root.elements() {
		switch {
		case c.is("teiHeader"):
			f.Volume = rd.volume(c)
		case c.is("TEI"):
			if d := rd.document(c, f.Volume); d != nil {
				f.Documents = append(f.Documents, d)
			}
		default:
			rd.skip(c)
		}
		if rd.err != nil {
			return nil
		}
	}
	if f.Volume == nil {
		rd.fail(root, "teiCorpus without teiHeader")
		return nil
	}
	// A corpus this package did not write may lack the volume id and the
	// table of contents: take the corpus' xml:id (or a slug of its title)
	// and list the documents it holds.
	vol := f.Volume
	if vol.ID == "" {
		vol.ID = root.xmlAttr("id")
	}
	if vol.ID == "" {
		vol.ID = slug(vol.Title)
	}
	if len(vol.Contents) == 0 {
		for _, d := range f.Documents {
			label := d.Title
			if label == "" {
				label = d.ID
			}
			vol.Contents = append(vol.Contents, maisky.Entry{ID: d.ID, Label: label, Date: d.Date})
		}
	}
	return f
}

// volume reads a corpus header.
func (rd *reader) volume(h *node) *maisky.Volume {
	vol := &maisky.Volume{}
	fullTitle := ""
	for _, c := range h.elements() {
		switch {
		case c.is("fileDesc"):
			for _, fc := range c.elements() {
				switch {
				case fc.is("titleStmt"):
					for _, t := range fc.elements() {
						switch {
						case t.is("title"):
							if fullTitle == "" {
								fullTitle = trimmed(t)
							}
						case t.is("editor"), t.is("respStmt"), t.is("author"):
							// The volume's editors are read from monogr.
						default:
							rd.skip(t)
						}
					}
				case fc.is("publicationStmt"):
					rd.corpusPublication(fc, vol)
				case fc.is("sourceDesc"):
					for _, s := range fc.elements() {
						switch {
						case s.is("biblStruct"):
							for _, b := range s.elements() {
								if b.is("monogr") {
									rd.monogr(b, vol)
								} else {
									rd.skip(b)
								}
							}
						case s.is("listBibl") && s.attr("type") == "contents":
							rd.contents(s, vol)
						case s.is("p"):
						default:
							rd.skip(s)
						}
					}
				case fc.is("extent"):
				default:
					rd.skip(fc)
				}
			}
		case c.is("encodingDesc"):
		case c.is("profileDesc"):
			for _, p := range c.elements() {
				if !p.is("langUsage") {
					rd.skip(p)
				}
			}
		default:
			rd.skip(c)
		}
	}
	if vol.Title == "" {
		vol.Title = fullTitle
	}
	return vol
}

func (rd *reader) corpusPublication(ps *node, vol *maisky.Volume) {
	for _, c := range ps.elements() {
		switch {
		case c.is("authority"):
			vol.Archive.Name = rd.s(c)
		case c.is("publisher"):
			vol.Archive.Publisher = rd.s(c)
		case c.is("idno") && c.attr("type") == "URI":
			vol.Archive.URL = rd.s(c)
		case c.is("availability"), c.is("date"), c.is("p"), c.is("idno"), c.is("pubPlace"), c.is("distributor"):
		default:
			rd.skip(c)
		}
	}
}

func (rd *reader) monogr(m *node, vol *maisky.Volume) {
	for _, c := range m.elements() {
		switch {
		case c.is("title"):
			if vol.Title == "" {
				vol.Title = rd.s(c)
			}
		case c.is("idno") && c.attr("type") == "ISBN":
			vol.ISBN = rd.s(c)
		case c.is("idno") && c.attr("type") == "local":
			vol.ID = rd.s(c)
		case c.is("editor") && c.attr("role") == "translator":
			vol.Translators = append(vol.Translators, rd.persons(c)...)
		case c.is("editor"):
			vol.Editors = append(vol.Editors, rd.persons(c)...)
		case c.is("imprint"):
			for _, i := range c.elements() {
				switch {
				case i.is("pubPlace"):
					vol.Place = rd.s(i)
				case i.is("publisher"):
					vol.Publisher = rd.s(i)
				case i.is("date"):
					y := i.attr("when")
					if y == "" {
						y = trimmed(i)
					}
					if n, err := strconv.Atoi(y); err == nil && n >= 0 && n <= 9999 {
						vol.Year = n
					} else {
						rd.warn(i, "publication year "+strconv.Quote(y)+" not understood")
					}
				default:
					rd.skip(i)
				}
			}
		case c.is("biblScope") && c.attr("unit") == "volume":
			vol.Number = rd.s(c)
		default:
			rd.skip(c)
		}
	}
}

func (rd *reader) contents(lb *node, vol *maisky.Volume) {
	rd.noText(lb)
	for _, b := range lb.elements() {
		if !b.is("bibl") {
			rd.skip(b)
			continue
		}
		var e maisky.Entry
		for _, c := range b.elements() {
			switch {
			case c.is("title"):
				e.Label = rd.s(c)
			case c.is("idno"):
				e.ID = rd.s(c)
			case c.is("date"):
				e.Date = rd.date(c)
			default:
				rd.skip(c)
			}
		}
		vol.Contents = append(vol.Contents, e)
	}
}

// date reads a date: @when (ISO 8601: a year, a month or a day; a time
// part is ignored) with precision="low" for an approximate date and
// cert="low" for an uncertain one; without @when, the archive's form in the
// text ("1934 Dec 31").
func (rd *reader) date(n *node) maisky.Date {
	when := strings.TrimSpace(n.attr("when"))
	if when == "" {
		d, err := maisky.ParseDate(trimmed(n))
		if err != nil {
			rd.warn(n, "date "+strconv.Quote(clip(trimmed(n)))+" not understood: no @when and not in the form 1934 Dec 31")
			return maisky.Date{}
		}
		return d
	}
	if i := strings.IndexByte(when, 'T'); i >= 0 {
		when = when[:i]
	}
	d, err := maisky.ParseEDTF(when)
	if err != nil || strings.ContainsAny(when, "~?%") {
		rd.warn(n, "date @when="+strconv.Quote(when)+" not understood")
		return maisky.Date{}
	}
	d.Approximate = n.attr("precision") == "low"
	d.Uncertain = n.attr("cert") == "low"
	return d
}

// persons reads the people named in n (author, editor, correspAction): one
// per persName, the persName of type "original" that follows one giving its
// name in original script. An element with text only is parsed as the
// archive's form of a name.
func (rd *reader) persons(n *node) []maisky.Person {
	var out []maisky.Person
	canTakeOriginal := false
	hasElems := false
	for _, c := range n.elements() {
		hasElems = true
		switch {
		case c.is("persName") && c.attr("type") == "original":
			if canTakeOriginal {
				out[len(out)-1].Original = rd.s(c)
			} else {
				out = append(out, maisky.Person{Original: rd.s(c)})
			}
			canTakeOriginal = false
		case c.is("persName"), c.is("name"):
			out = append(out, rd.person(c))
			canTakeOriginal = true
		case c.is("date") && n.is("correspAction"):
			canTakeOriginal = false
		default:
			rd.skip(c)
			canTakeOriginal = false
		}
	}
	if !hasElems {
		if s := trimmed(n); s != "" {
			out = append(out, rd.plainPerson(n, s))
		}
	}
	return out
}

// person reads a persName: surname, forename(s) and addName type
// "pseudonym"; a persName of text only is parsed as the archive's form.
func (rd *reader) person(n *node) maisky.Person {
	var p maisky.Person
	var family, given []string
	structured := false
	for _, c := range n.elements() {
		structured = true
		switch {
		case c.is("surname"):
			family = append(family, rd.s(c))
		case c.is("forename"):
			given = append(given, rd.s(c))
		case c.is("addName") && c.attr("type") == "pseudonym":
			p.Pseudonym = rd.s(c)
		default:
			rd.skip(c)
		}
	}
	if !structured {
		if s := trimmed(n); s != "" {
			return rd.plainPerson(n, s)
		}
		return p
	}
	p.Family = strings.Join(family, " ")
	p.Given = strings.Join(given, " ")
	return p
}

func (rd *reader) plainPerson(n *node, s string) maisky.Person {
	p, err := maisky.ParsePerson(s)
	if err != nil {
		rd.warn(n, "name "+strconv.Quote(clip(s))+" kept as a family name: "+err.Error())
		return maisky.Person{Family: s}
	}
	return p
}

// slug returns s in lower case with runs of other characters than letters
// and digits turned into "-": "The Diaries: Volume 1" -> "the-diaries-volume-1".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
