package tei

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/maisky-lib/maisky/maisky"
)

// langEntry is a language of langUsage that names a version.
type langEntry struct {
	kind  maisky.VersionKind
	lang  string
	empty bool
}

// document reads a TEI element.
func (rd *reader) document(tei *node, vol *maisky.Volume) *maisky.Document {
	doc := &maisky.Document{}
	h := tei.child("teiHeader")
	if h == nil {
		rd.fail(tei, "TEI without teiHeader")
		return nil
	}
	rd.noText(tei)
	var langs []langEntry
	var body *node
	for _, c := range tei.elements() {
		switch {
		case c.is("teiHeader"):
			if c != h {
				rd.skip(c)
				continue
			}
			langs = rd.header(h, doc)
		case c.is("text"):
			if body != nil {
				rd.skip(c)
				continue
			}
			rd.noText(c)
			for _, t := range c.elements() {
				switch {
				case t.is("body") && body == nil:
					body = t
				default:
					rd.skip(t)
				}
			}
		case c.is("standOff"):
			rd.warn(c, "stand-off annotations skipped: they are not part of the document model")
		default:
			rd.skip(c)
		}
	}
	if doc.ID == "" {
		doc.ID = tei.xmlAttr("id")
	}
	if doc.Title == "" {
		doc.Title = norm.NFC.String(tei.attr("n"))
	}
	if doc.ID == "" {
		// Foreign TEI without any id: one from the title, so that the
		// model validates.
		doc.ID = "doc"
		if s := slug(doc.Title); s != "" {
			doc.ID += "-" + s
		}
	}
	var versions []*maisky.Version
	if body != nil {
		versions = rd.body(body, doc)
	}
	doc.Versions = mergeVersions(langs, versions)
	return doc
}

// mergeVersions puts the versions read from the body in langUsage order,
// with the empty versions langUsage records (usage="0").
func mergeVersions(langs []langEntry, versions []*maisky.Version) []*maisky.Version {
	if len(langs) == 0 {
		return versions
	}
	var out []*maisky.Version
	used := make([]bool, len(versions))
	// next[k] is where to look for the next version of kind k.
	next := map[maisky.VersionKind]int{}
	for _, l := range langs {
		if l.empty {
			out = append(out, &maisky.Version{Kind: l.kind, Lang: l.lang})
			continue
		}
		i := next[l.kind]
		for i < len(versions) && versions[i].Kind != l.kind {
			i++
		}
		if i < len(versions) {
			used[i] = true
			out = append(out, versions[i])
			i++
		}
		next[l.kind] = i
	}
	for i, v := range versions {
		if !used[i] {
			out = append(out, v)
		}
	}
	return out
}

// header reads a document's teiHeader; it returns the versions langUsage
// names.
func (rd *reader) header(h *node, doc *maisky.Document) []langEntry {
	var langs []langEntry
	rd.noText(h)
	for _, c := range h.elements() {
		switch {
		case c.is("fileDesc"):
			rd.fileDesc(c, doc)
		case c.is("encodingDesc"):
		case c.is("profileDesc"):
			langs = rd.profileDesc(c, doc)
		default:
			rd.skip(c)
		}
	}
	return langs
}

func (rd *reader) fileDesc(fd *node, doc *maisky.Document) {
	for _, c := range fd.elements() {
		switch {
		case c.is("titleStmt"):
			for _, t := range c.elements() {
				switch {
				case t.is("title") && t.attr("type") == "main":
					doc.Title = rd.s(t)
				case t.is("title") && !t.hasAttr("type") && doc.Title == "":
					doc.Title = trimmed(t)
				case t.is("title"), t.is("editor"), t.is("respStmt"):
				case t.is("author"):
					doc.Authors = append(doc.Authors, rd.persons(t)...)
				default:
					rd.skip(t)
				}
			}
		case c.is("publicationStmt"):
			for _, p := range c.elements() {
				switch {
				case p.is("idno") && p.attr("type") == "URI":
					doc.Permalink = rd.s(p)
				case p.is("idno") && p.attr("type") == "local":
					doc.ID = rd.s(p)
				case p.is("authority"), p.is("publisher"), p.is("distributor"), p.is("availability"), p.is("date"), p.is("p"), p.is("pubPlace"):
				default:
					rd.skip(p)
				}
			}
		case c.is("sourceDesc"):
			for _, s := range c.elements() {
				switch {
				case s.is("biblStruct"):
					for _, b := range s.elements() {
						switch {
						case b.is("analytic"):
						case b.is("monogr"):
							for _, m := range b.elements() {
								if m.is("idno") && m.attr("type") == "local" {
									doc.Volume = rd.s(m)
								}
							}
						default:
							rd.skip(b)
						}
					}
				case s.is("bibl"):
					for _, b := range s.elements() {
						switch {
						case b.is("idno") && b.attr("type") == "local":
							doc.Volume = rd.s(b)
						case b.is("biblScope"), b.is("title"):
						default:
							rd.skip(b)
						}
					}
				case s.is("msDesc"):
					for _, m := range s.elements() {
						if !m.is("msIdentifier") {
							rd.skip(m)
							continue
						}
						for _, i := range m.elements() {
							switch {
							case i.is("repository"):
								doc.Repository = rd.s(i)
							case i.is("idno"):
								doc.ArchiveID = rd.s(i)
							default:
								rd.skip(i)
							}
						}
					}
				case s.is("p"):
				default:
					rd.skip(s)
				}
			}
		default:
			rd.skip(c)
		}
	}
}

func (rd *reader) profileDesc(pd *node, doc *maisky.Document) []langEntry {
	var langs []langEntry
	for _, c := range pd.elements() {
		switch {
		case c.is("abstract"):
			var paras []string
			for _, p := range c.elements() {
				if p.is("p") {
					paras = append(paras, rd.s(p))
				} else {
					rd.skip(p)
				}
			}
			if len(paras) == 0 {
				doc.Description = trimmed(c)
			} else {
				doc.Description = strings.Join(paras, "\n\n")
			}
		case c.is("creation"):
			for _, d := range c.elements() {
				if d.is("date") {
					doc.Date = rd.date(d)
				} else {
					rd.skip(d)
				}
			}
		case c.is("langUsage"):
			for _, l := range c.elements() {
				if !l.is("language") {
					rd.skip(l)
					continue
				}
				var k maisky.VersionKind
				switch l.attr("n") {
				case "translation":
					k = maisky.Translation
				case "transcription":
					k = maisky.Transcription
				default:
					continue
				}
				langs = append(langs, langEntry{kind: k, lang: l.attr("ident"), empty: l.attr("usage") == "0"})
			}
		case c.is("textClass"):
			for _, t := range c.elements() {
				if !t.is("keywords") {
					rd.skip(t)
					continue
				}
				for _, k := range t.elements() {
					if k.is("term") {
						doc.Keywords = append(doc.Keywords, rd.s(k))
					} else {
						rd.skip(k)
					}
				}
			}
		case c.is("correspDesc"):
			for _, a := range c.elements() {
				switch {
				case a.is("correspAction") && a.attr("type") == "received":
					doc.Recipients = append(doc.Recipients, rd.persons(a)...)
				case a.is("correspAction") && a.attr("type") == "sent":
				default:
					rd.skip(a)
				}
			}
		default:
			rd.skip(c)
		}
	}
	return langs
}

// body reads the versions: div type="translation" and "transcription". A
// body without them is read as the translation.
func (rd *reader) body(body *node, doc *maisky.Document) []*maisky.Version {
	var out []*maisky.Version
	typed := false
	for _, c := range body.elements() {
		if c.is("div") && (c.attr("type") == "translation" || c.attr("type") == "transcription") {
			typed = true
		}
	}
	if !typed {
		els := body.elements()
		if len(els) == 1 && els[0].is("ab") && len(els[0].kids) == 0 {
			return nil // written for a document without text
		}
		if len(els) == 0 {
			return nil
		}
		v := rd.version(body, maisky.Translation, doc)
		return []*maisky.Version{v}
	}
	rd.noText(body)
	for _, c := range body.elements() {
		switch {
		case c.is("div") && c.attr("type") == "translation":
			out = append(out, rd.version(c, maisky.Translation, doc))
		case c.is("div") && c.attr("type") == "transcription":
			out = append(out, rd.version(c, maisky.Transcription, doc))
		default:
			rd.skip(c)
		}
	}
	return out
}

// versionReader reads the blocks of one version.
type versionReader struct {
	rd *reader
	v  *maisky.Version
	// eid and ids give the footnote id scheme of the version.
	eid string
	ids versionIDs
	// pending holds page breaks met between blocks, for the next block.
	pending []maisky.Inline
	notes   map[string]bool
}

func (rd *reader) version(div *node, kind maisky.VersionKind, doc *maisky.Document) *maisky.Version {
	lang := div.lang()
	if lang == "" {
		lang = "und"
		rd.warn(div, "no xml:lang: the version's language is recorded as \"und\"")
	}
	v := &maisky.Version{Kind: kind, Lang: lang}
	eid := ""
	for e := div; e != nil; e = e.parent {
		if e.is("TEI") {
			eid = e.xmlAttr("id")
		}
	}
	vr := &versionReader{rd: rd, v: v, eid: eid, ids: idsFor(eid, kind), notes: make(map[string]bool)}
	vr.container(div, 1, true)
	if len(vr.pending) > 0 {
		if n := len(v.Blocks); n > 0 {
			b := v.Blocks[n-1]
			switch b := b.(type) {
			case *maisky.Heading:
				b.Content = append(b.Content, vr.pending...)
			case *maisky.Paragraph:
				b.Content = append(b.Content, vr.pending...)
			case *maisky.Commentary:
				b.Content = append(b.Content, vr.pending...)
			}
		} else {
			v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: vr.pending})
		}
		vr.pending = nil
	}
	return v
}

// take returns the pending page breaks followed by content (with its
// whitespace collapsed, for foreign TEI).
func (vr *versionReader) take(content []maisky.Inline) []maisky.Inline {
	if vr.rd.collapse {
		content = collapseSpace(content, true)
	}
	if len(vr.pending) == 0 {
		if content == nil {
			return []maisky.Inline{}
		}
		return content
	}
	out := append(vr.pending, content...)
	vr.pending = nil
	return out
}

// container reads the blocks of a division whose heading has level.
func (vr *versionReader) container(div *node, level int, top bool) {
	rd := vr.rd
	rd.noText(div)
	for _, c := range div.elements() {
		switch {
		case c.is("fw") && c.attr("type") == "pageNum" && top && len(vr.v.Blocks) == 0 && vr.v.StartPage == 0 && len(vr.pending) == 0:
			n, err := strconv.Atoi(strings.TrimSpace(c.text()))
			if err != nil || n < 1 {
				rd.warn(c, "page number "+strconv.Quote(clip(c.text()))+" not understood")
				continue
			}
			vr.v.StartPage = n
		case c.is("pb"):
			if pb := vr.pageBreak(c); pb != nil {
				vr.pending = append(vr.pending, pb)
			}
		case c.is("head"):
			vr.v.Blocks = append(vr.v.Blocks, &maisky.Heading{Level: min(level, 6), Content: vr.take(vr.content(c, false))})
		case c.is("p"):
			part := c.attr("part")
			vr.v.Blocks = append(vr.v.Blocks, &maisky.Paragraph{Content: vr.take(vr.content(c, false)), Continued: part == "F" || part == "M"})
		case c.is("note") && c.attr("type") == "commentary":
			vr.commentary(c)
		case c.is("div"):
			l := level + 1
			if s, ok := strings.CutPrefix(c.attr("subtype"), "level"); ok {
				if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= 6 {
					l = n
				}
			}
			vr.container(c, l, false)
		case c.is("anchor"):
		case c.is("ab"), c.is("dateline"), c.is("salute"), c.is("signed"), c.is("byline"), c.is("closer"), c.is("opener"), c.is("postscript"):
			rd.warn(c, "<"+c.name.Local+"> read as a paragraph")
			vr.v.Blocks = append(vr.v.Blocks, &maisky.Paragraph{Content: vr.take(vr.content(c, false))})
		default:
			rd.skip(c)
		}
	}
}

func (vr *versionReader) pageBreak(c *node) *maisky.PageBreak {
	n, err := strconv.Atoi(strings.TrimSpace(c.attr("n")))
	if err != nil || n < 1 {
		vr.rd.warn(c, "page break without a page number (n="+strconv.Quote(c.attr("n"))+") skipped")
		return nil
	}
	return &maisky.PageBreak{Page: n}
}

// commentary reads a note of type commentary: one Commentary per p, or one
// from the note's own content when it has no p.
func (vr *versionReader) commentary(c *node) {
	hasP := false
	for _, p := range c.elements() {
		if p.is("p") {
			hasP = true
		}
	}
	if !hasP {
		vr.v.Blocks = append(vr.v.Blocks, &maisky.Commentary{Content: vr.take(vr.content(c, false))})
		return
	}
	vr.rd.noText(c)
	for _, p := range c.elements() {
		if !p.is("p") {
			vr.rd.skip(p)
			continue
		}
		part := p.attr("part")
		vr.v.Blocks = append(vr.v.Blocks, &maisky.Commentary{Content: vr.take(vr.content(p, false)), Continued: part == "F" || part == "M"})
	}
}

// content reads mixed content into inlines. In a footnote, notes and page
// breaks are skipped; elsewhere they stand at the top level (an emphasis
// they fall into is split around them).
func (vr *versionReader) content(n *node, footnote bool) []maisky.Inline {
	var acc inlines
	vr.into(&acc, n, footnote)
	return acc.result()
}

// inlines accumulates inline content, merging adjacent text: each Text is
// built once and normalized to NFC once, so reading stays linear.
type inlines struct {
	out  []maisky.Inline
	text strings.Builder
}

func (a *inlines) addText(s string) { a.text.WriteString(s) }

func (a *inlines) add(in maisky.Inline) {
	if t, ok := in.(*maisky.Text); ok {
		a.text.WriteString(t.Value)
		return
	}
	a.flush()
	a.out = append(a.out, in)
}

func (a *inlines) empty() bool { return len(a.out) == 0 && a.text.Len() == 0 }

func (a *inlines) flush() {
	if a.text.Len() > 0 {
		a.out = append(a.out, &maisky.Text{Value: norm.NFC.String(a.text.String())})
		a.text.Reset()
	}
}

func (a *inlines) result() []maisky.Inline {
	a.flush()
	return a.out
}

// into reads the children of n into acc.
func (vr *versionReader) into(acc *inlines, n *node, footnote bool) {
	for _, k := range n.kids {
		switch k := k.(type) {
		case string:
			acc.addText(k)
		case *node:
			vr.inline(acc, k, footnote)
		}
	}
}

func (vr *versionReader) inline(acc *inlines, c *node, footnote bool) {
	rd := vr.rd
	switch {
	case !c.tei():
		rd.skip(c)
	case c.is("hi"), c.is("emph"), c.is("title"), c.is("foreign"):
		if c.is("hi") {
			if r := c.attr("rend"); r != "" && r != "italic" && r != "italics" && r != "i" {
				rd.warn(c, "<hi rend="+strconv.Quote(r)+"> read as emphasis")
			}
		}
		for _, in := range emphasize(vr.content(c, footnote)) {
			acc.add(in)
		}
	case c.is("note"):
		if footnote {
			rd.warn(c, "a note inside a footnote skipped")
			return
		}
		if c.attr("type") == "commentary" {
			rd.warn(c, "a commentary note inside a paragraph read as a footnote")
		}
		acc.add(vr.footnote(c))
	case c.is("pb"):
		if footnote {
			rd.warn(c, "a page break inside a footnote skipped")
			return
		}
		if pb := vr.pageBreak(c); pb != nil {
			acc.add(pb)
		}
	case c.is("anchor"):
	case c.is("date") && c.parent != nil && c.parent.is("head"):
		vr.into(acc, c, footnote)
	case c.is("p") && footnote:
		if !acc.empty() {
			acc.addText("\n\n")
		}
		vr.into(acc, c, footnote)
	default:
		rd.warn(c, "<"+c.name.Local+"> read as its text: its markup is not part of the model")
		vr.into(acc, c, footnote)
	}
}

// emphasize wraps content in emphasis; notes and page breaks in it stay
// outside, splitting it.
func emphasize(content []maisky.Inline) []maisky.Inline {
	var out []maisky.Inline
	run := []maisky.Inline{}
	flush := func(force bool) {
		if len(run) > 0 || force {
			out = append(out, &maisky.Emphasis{Content: run})
		}
		run = []maisky.Inline{}
	}
	split := false
	for _, in := range content {
		switch in.(type) {
		case *maisky.NoteRef, *maisky.PageBreak:
			flush(false)
			out = append(out, in)
			split = true
		default:
			run = append(run, in)
		}
	}
	flush(!split)
	return out
}

// footnote reads an editorial note: the footnote joins the version and a
// NoteRef takes its place.
func (vr *versionReader) footnote(c *node) *maisky.NoteRef {
	number := len(vr.v.Footnotes) + 1
	if last := len(vr.v.Footnotes); last > 0 {
		number = vr.v.Footnotes[last-1].Number + 1
	}
	if s := strings.TrimSpace(c.attr("n")); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 1 {
			number = n
		} else {
			vr.rd.warn(c, "footnote number "+strconv.Quote(s)+" not understood; numbered "+strconv.Itoa(number))
		}
	}
	xmlID := c.xmlAttr("id")
	id, ok := parseFootnoteID(vr.ids.notes, xmlID, number)
	if !ok {
		id = xmlID
	}
	if id == "" || vr.notes[id] {
		id = "n" + strconv.Itoa(number)
		for k := 2; vr.notes[id]; k++ {
			id = "n" + strconv.Itoa(number) + "-" + strconv.Itoa(k)
		}
	}
	vr.notes[id] = true
	content := vr.content(c, true)
	if vr.rd.collapse {
		content = collapseSpace(content, true)
	}
	if content == nil {
		content = []maisky.Inline{}
	}
	vr.v.Footnotes = append(vr.v.Footnotes, &maisky.Footnote{ID: id, Number: number, Content: content})
	return &maisky.NoteRef{ID: id}
}

// collapseSpace replaces every run of XML whitespace in the text of content
// with one space, as TEI renderers do, and with trim drops the whitespace
// at the edges of a block. It is applied to TEI that this package did not
// write, whose text is usually indented; our own is read verbatim.
func collapseSpace(content []maisky.Inline, trim bool) []maisky.Inline {
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			in.Value = collapseText(in.Value)
		case *maisky.Emphasis:
			in.Content = collapseSpace(in.Content, false)
		}
	}
	if !trim {
		return content
	}
	if n := len(content); n > 0 {
		if t, ok := content[n-1].(*maisky.Text); ok {
			t.Value = strings.TrimRight(t.Value, " ")
			if t.Value == "" {
				content = content[:n-1]
			}
		}
	}
	if len(content) > 0 {
		if t, ok := content[0].(*maisky.Text); ok {
			t.Value = strings.TrimLeft(t.Value, " ")
			if t.Value == "" {
				content = content[1:]
			}
		}
	}
	return content
}

func collapseText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
