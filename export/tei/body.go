package tei

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/maisky-lib/maisky/maisky"
)

// docWriter builds the TEI element of one document.
type docWriter struct {
	doc      *maisky.Document
	vol      *maisky.Volume // nil if unknown
	inCorpus bool
	eid      string
	opts     *Options
	// anns are the annotations on this document, with their index in
	// opts.Annotations.
	anns []indexedAnnotation
}

type indexedAnnotation struct {
	index int
	a     *Annotation
}

// anchor is an annotation anchor to place in a version's text.
type anchor struct {
	offset int
	end    bool
	ann    int // position in docWriter.anns
	id     string
}

// element builds the document's TEI element.
func (dw *docWriter) element() (*etree.Element, error) {
	doc := dw.doc
	tei := etree.NewElement("TEI")
	if !dw.inCorpus {
		tei.CreateAttr("xmlns", teiNS)
	}
	tei.CreateAttr("xml:id", dw.eid)
	if doc.Title != "" {
		tei.CreateAttr("n", doc.Title)
	}
	tei.CreateAttr("xml:lang", "en")
	tei.AddChild(dw.header())

	anchors, whole, err := dw.anchors()
	if err != nil {
		return nil, err
	}
	body := tei.CreateElement("text").CreateElement("body")
	var written []*maisky.Version
	for _, v := range doc.Versions {
		if !v.IsEmpty() {
			written = append(written, v)
		}
	}
	for _, v := range written {
		ids := idsFor(dw.eid, v.Kind)
		div := body.CreateElement("div")
		div.CreateAttr("type", v.Kind.String())
		div.CreateAttr("xml:lang", v.Lang)
		div.CreateAttr("xml:id", ids.div)
		for _, o := range written {
			if o != v {
				div.CreateAttr("corresp", "#"+idsFor(dw.eid, o.Kind).div)
				break
			}
		}
		vw := &versionWriter{v: v, ids: ids, date: doc.Date, anchors: anchors[v.Kind]}
		vw.write(div)
	}
	if len(written) == 0 {
		body.CreateElement("ab")
	}
	if len(dw.anns) > 0 {
		dw.standOff(tei, whole)
	}
	return tei, nil
}

// anchors checks the document's annotations and returns the anchors to
// place in each version, and which annotations target the whole document.
func (dw *docWriter) anchors() (map[maisky.VersionKind][]anchor, map[int]bool, error) {
	out := make(map[maisky.VersionKind][]anchor)
	whole := make(map[int]bool)
	for i, ia := range dw.anns {
		a := ia.a
		fail := func(msg string) error {
			return &AnnotationError{Document: dw.doc.ID, Index: ia.index, ID: a.ID, Msg: msg}
		}
		if a.Motivation != "" && !knownMotivation(a.Motivation) {
			return nil, nil, fail("unknown motivation " + strconv.Quote(a.Motivation) + "; use a W3C motivation such as commenting, tagging or bookmarking")
		}
		if a.Start == a.End && a.Start >= 0 {
			whole[i] = true
			continue
		}
		kind := a.Version
		if kind == 0 {
			kind = maisky.Translation
		}
		v := dw.doc.Translation()
		if kind == maisky.Transcription {
			v = dw.doc.Transcription()
		} else if kind != maisky.Translation {
			return nil, nil, fail("unknown version kind " + kind.String())
		}
		if v == nil || v.IsEmpty() {
			return nil, nil, fail("the document has no " + kind.String() + " text to annotate")
		}
		starts, ends := blockBounds(v)
		total := ends[len(ends)-1]
		if a.Start < 0 || a.End < a.Start || a.End > total+1 {
			return nil, nil, fail("range " + strconv.Itoa(a.Start) + "–" + strconv.Itoa(a.End) +
				" is outside the text (0–" + strconv.Itoa(total) + ")")
		}
		s, e := a.Start, min(a.End, total)
		for k := range starts {
			if s >= ends[k] && k+1 < len(starts) && s < starts[k+1] {
				s = starts[k+1]
			}
			if k+1 < len(starts) && e > ends[k] && e <= starts[k+1] {
				e = ends[k]
			}
		}
		if e < s {
			e = s
		}
		id := dw.eid + "-ua" + strconv.Itoa(i+1)
		out[kind] = append(out[kind], anchor{offset: s, ann: i, id: id + "-s"}, anchor{offset: e, end: true, ann: i, id: id + "-e"})
	}
	for k := range out {
		slices.SortStableFunc(out[k], func(x, y anchor) int {
			if c := cmp.Compare(x.offset, y.offset); c != 0 {
				return c
			}
			if x.end != y.end {
				if x.end {
					return -1
				}
				return 1
			}
			return cmp.Compare(x.ann, y.ann)
		})
	}
	return out, whole, nil
}

// blockBounds returns where each block's text starts and ends in the
// version's plain text (code points; blocks separated by two newlines).
func blockBounds(v *maisky.Version) (starts, ends []int) {
	pos := 0
	for i, b := range v.Blocks {
		if i > 0 {
			pos += 2
		}
		starts = append(starts, pos)
		pos += inlineLen(b.Inlines())
		ends = append(ends, pos)
	}
	return starts, ends
}

func inlineLen(content []maisky.Inline) int {
	n := 0
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			n += utf8.RuneCountInString(in.Value)
		case *maisky.Emphasis:
			n += inlineLen(in.Content)
		}
	}
	return n
}

func (dw *docWriter) standOff(tei *etree.Element, whole map[int]bool) {
	la := tei.CreateElement("standOff").CreateElement("listAnnotation")
	for i, ia := range dw.anns {
		a := ia.a
		id := dw.eid + "-ua" + strconv.Itoa(i+1)
		an := la.CreateElement("annotation")
		an.CreateAttr("xml:id", id)
		if a.ID != "" {
			an.CreateAttr("n", a.ID)
		}
		m := a.Motivation
		if m == "" {
			m = "commenting"
		}
		an.CreateAttr("motivation", m)
		if whole[i] {
			an.CreateAttr("target", "#"+dw.eid)
		} else {
			an.CreateAttr("target", "#range("+id+"-s,"+id+"-e)")
		}
		if a.Creator != "" {
			rs := an.CreateElement("respStmt")
			textElem(rs, "resp", "annotation")
			textElem(rs, "name", a.Creator)
		}
		if !a.Created.IsZero() {
			ch := textElem(an.CreateElement("revisionDesc"), "change", "created")
			ch.CreateAttr("when", a.Created.Format(time.RFC3339))
		}
		if a.Body != "" {
			textElem(an, "note", a.Body)
		}
	}
}

// versionWriter writes one version's blocks into its division.
type versionWriter struct {
	v    *maisky.Version
	ids  versionIDs
	date maisky.Date
	// anchors are the annotation anchors to place, by offset; next is the
	// first not yet placed and pos the offset of the text written so far.
	anchors []anchor
	next    int
	pos     int

	sections, comments int
	notes              map[string]*maisky.Footnote
}

type openDiv struct {
	el    *etree.Element
	level int
}

func (vw *versionWriter) write(div *etree.Element) {
	v := vw.v
	vw.notes = make(map[string]*maisky.Footnote, len(v.Footnotes))
	for _, f := range v.Footnotes {
		if f != nil {
			vw.notes[f.ID] = f
		}
	}
	if v.StartPage > 0 {
		fw := textElem(div, "fw", strconv.Itoa(v.StartPage))
		fw.CreateAttr("type", "pageNum")
	}
	stack := []openDiv{{div, 1}}
	for bi, b := range v.Blocks {
		if bi > 0 {
			vw.pos += 2
		}
		content := b.Inlines()
		lead := 0
		for lead < len(content) {
			if _, ok := content[lead].(*maisky.PageBreak); !ok {
				break
			}
			lead++
		}
		var el *etree.Element // where the block's inline content goes
		switch b := b.(type) {
		case *maisky.Heading:
			parent := div
			if bi > 0 || b.Level != 1 {
				for len(stack) > 1 && stack[len(stack)-1].level >= b.Level {
					stack = stack[:len(stack)-1]
				}
				top := stack[len(stack)-1]
				vw.sections++
				parent = top.el.CreateElement("div")
				parent.CreateAttr("type", "section")
				if b.Level != top.level+1 {
					parent.CreateAttr("subtype", "level"+strconv.Itoa(b.Level))
				}
				parent.CreateAttr("xml:id", vw.ids.section+strconv.Itoa(vw.sections))
				stack = append(stack, openDiv{parent, b.Level})
			}
			pageBreaks(parent, content[:lead])
			el = parent.CreateElement("head")
			if b.Level == 1 && dateHeading(content[lead:], vw.date) {
				el = el.CreateElement("date")
				setDateAttrs(el, vw.date)
			}
		case *maisky.Paragraph:
			parent := stack[len(stack)-1].el
			pageBreaks(parent, content[:lead])
			el = parent.CreateElement("p")
			if b.Continued {
				el.CreateAttr("part", "F")
			}
		case *maisky.Commentary:
			parent := stack[len(stack)-1].el
			pageBreaks(parent, content[:lead])
			vw.comments++
			note := parent.CreateElement("note")
			note.CreateAttr("type", "commentary")
			note.CreateAttr("place", "inline")
			note.CreateAttr("xml:id", vw.ids.comment+strconv.Itoa(vw.comments))
			el = note.CreateElement("p")
			if b.Continued {
				el.CreateAttr("part", "F")
			}
		}
		vw.inlines(el, content[lead:])
		for vw.next < len(vw.anchors) && vw.anchors[vw.next].offset <= vw.pos {
			anchorElem(el, vw.anchors[vw.next].id)
			vw.next++
		}
	}
}

func pageBreaks(parent *etree.Element, breaks []maisky.Inline) {
	for _, in := range breaks {
		parent.CreateElement("pb").CreateAttr("n", strconv.Itoa(in.(*maisky.PageBreak).Page))
	}
}

func anchorElem(parent *etree.Element, id string) {
	parent.CreateElement("anchor").CreateAttr("xml:id", id)
}

// inlines writes a block's content into el, placing annotation anchors.
func (vw *versionWriter) inlines(el *etree.Element, content []maisky.Inline) {
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			vw.text(el, in.Value)
		case *maisky.Emphasis:
			vw.inlines(hi(el), in.Content)
		case *maisky.PageBreak:
			el.CreateElement("pb").CreateAttr("n", strconv.Itoa(in.Page))
		case *maisky.NoteRef:
			f := vw.notes[in.ID]
			if f == nil {
				continue // Validate rules this out.
			}
			note := el.CreateElement("note")
			note.CreateAttr("type", "editorial")
			note.CreateAttr("place", "bottom")
			note.CreateAttr("n", strconv.Itoa(f.Number))
			note.CreateAttr("xml:id", footnoteID(vw.ids.notes, f))
			plainInlines(note, f.Content)
		}
	}
}

func hi(parent *etree.Element) *etree.Element {
	h := parent.CreateElement("hi")
	h.CreateAttr("rend", "italic")
	return h
}

// text writes s, split where annotation anchors fall inside it.
func (vw *versionWriter) text(el *etree.Element, s string) {
	n := utf8.RuneCountInString(s)
	for vw.next < len(vw.anchors) && vw.anchors[vw.next].offset < vw.pos+n {
		a := vw.anchors[vw.next]
		cut := a.offset - vw.pos
		if cut > 0 {
			b := byteOffset(s, cut)
			el.CreateText(s[:b])
			s = s[b:]
			vw.pos += cut
			n -= cut
		}
		anchorElem(el, a.id)
		vw.next++
	}
	if s != "" {
		el.CreateText(s)
	}
	vw.pos += n
}

func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

// plainInlines writes footnote content: text and emphasis.
func plainInlines(el *etree.Element, content []maisky.Inline) {
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			if in.Value != "" {
				el.CreateText(in.Value)
			}
		case *maisky.Emphasis:
			plainInlines(hi(el), in.Content)
		}
	}
}

// dateHeading reports whether a level-1 heading is the entry's date as
// printed ("31 December", "18 декабря", "PS 1 October"): a short heading
// with the day of the document's date as one of its words. Only such a
// heading is wrapped in a date element; a memo's title is not.
func dateHeading(content []maisky.Inline, d maisky.Date) bool {
	if d.Day == 0 {
		return false
	}
	words := strings.FieldsFunc(maisky.InlineText(content), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	return slices.Contains(words, strconv.Itoa(d.Day))
}
