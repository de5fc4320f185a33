package tei

import (
	"bufio"
	"io"

	"github.com/beevik/etree"

	"github.com/maisky-lib/maisky/maisky"
)

const (
	xmlDecl  = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	xmlModel = "<?xml-model href=\"https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
)

// writeSettings escape &, < and > in text, &, <, " and tab, newline and
// carriage return in attributes, so that every string reads back as
// written. Characters XML 1.0 forbids, which the model's validation
// rejects, would be replaced by U+FFFD: the output is always well-formed.
func writeSettings() *etree.WriteSettings {
	return &etree.WriteSettings{CanonicalText: true, CanonicalAttrVal: true}
}

// Write writes doc as one TEI document: an XML declaration and a TEI
// element with its teiHeader, its text (the translation and the
// transcription as sibling divisions; an empty version is left out) and,
// when opts has annotations on doc, a standOff with them.
//
// Write refuses a document that fails (*maisky.Document).Validate with a
// *ModelError (errors.Is ErrInvalid and maisky.ErrInvalid), and an
// annotation it cannot place with an *AnnotationError; nothing is written
// then. The same document and options always give the same bytes.
func Write(w io.Writer, doc *maisky.Document, opts Options) error {
	if err := checkDocument(doc); err != nil {
		return err
	}
	if opts.Volume != nil {
		if err := opts.Volume.Validate(); err != nil {
			return &ModelError{Msg: "volume in options", Err: err}
		}
	}
	dw := &docWriter{doc: doc, vol: opts.Volume, eid: entryBase(doc.Date, doc.ID), opts: &opts}
	for i := range opts.Annotations {
		a := &opts.Annotations[i]
		if a.Document != doc.ID {
			return &AnnotationError{Document: a.Document, Index: i, ID: a.ID, Msg: "not on the document written (" + doc.ID + ")"}
		}
		dw.anns = append(dw.anns, indexedAnnotation{i, a})
	}
	el, err := dw.element()
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	bw.WriteString(xmlDecl)
	bw.WriteString(xmlModel)
	writeElement(bw, el, 0)
	bw.WriteByte('\n')
	return bw.Flush()
}

func checkDocument(doc *maisky.Document) error {
	if doc == nil {
		return &ModelError{Msg: "nil document"}
	}
	if err := doc.Validate(); err != nil {
		return &ModelError{Document: doc.ID, Err: err}
	}
	return nil
}

// writeElement serializes el at the given depth: block containers are
// indented, two spaces a level, everything else (mixed content) is written
// by etree as is.
func writeElement(w etree.Writer, el *etree.Element, depth int) {
	serialize(w, el, depth, writeSettings())
}

func serialize(w etree.Writer, el *etree.Element, depth int, s *etree.WriteSettings) {
	if !indented(el) {
		el.WriteTo(w, s)
		return
	}
	w.WriteByte('<')
	w.WriteString(el.FullTag())
	for i := range el.Attr {
		w.WriteByte(' ')
		el.Attr[i].WriteTo(w, s)
	}
	w.WriteByte('>')
	for _, c := range el.Child {
		newline(w, depth+1)
		serialize(w, c.(*etree.Element), depth+1, s)
	}
	newline(w, depth)
	w.WriteString("</")
	w.WriteString(el.FullTag())
	w.WriteByte('>')
}

func newline(w etree.Writer, depth int) {
	w.WriteByte('\n')
	for range depth {
		w.WriteString("  ")
	}
}

// indented reports whether el is a block container with element children
// only: the only elements whose children are put on lines of their own.
func indented(el *etree.Element) bool {
	if !blockContainer(el.Tag) || len(el.Child) == 0 {
		return false
	}
	for _, c := range el.Child {
		if _, ok := c.(*etree.Element); !ok {
			return false
		}
	}
	return true
}

// blockContainer reports whether elements named tag have element-only
// content in TEI. Mixed content (p, head, note, hi, title, persName, date,
// creation…) is never indented, since whitespace there is text.
func blockContainer(tag string) bool {
	switch tag {
	case "TEI", "teiCorpus", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability",
		"sourceDesc", "biblStruct", "analytic", "monogr", "imprint", "listBibl", "msDesc", "msIdentifier",
		"encodingDesc", "appInfo", "application", "editorialDecl", "profileDesc", "abstract",
		"langUsage", "textClass", "keywords", "correspDesc", "correspAction", "respStmt",
		"text", "body", "div", "standOff", "listAnnotation", "annotation", "revisionDesc":
		return true
	}
	return false
}
