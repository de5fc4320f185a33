package tei

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"

	"github.com/maisky-lib/maisky/maisky"
)

// CorpusWriter writes a volume as a teiCorpus, streaming: the corpus header
// (the book, the archive, the table of contents, the shared encoding
// description), then one TEI element per document as Write is called, each
// serialized and flushed before the next is built, then the closing tag on
// Close. Memory grows with one document, not with the volume.
//
// Documents must come in table-of-contents order. A teiCorpus holds at
// least one TEI, so nothing is written before the first document.
type CorpusWriter struct {
	w    *bufio.Writer
	vol  *maisky.Volume
	opts Options
	ids  map[string]string // document id -> entry xml:id
	anns map[string][]indexedAnnotation
	// index is the contents position of each document id; annotated
	// records the annotated documents written.
	index     map[string]int
	annotated map[string]bool
	// last is the contents index of the last document written, n how many
	// were written.
	last, n int
	closed  bool
}

// NewCorpusWriter returns a CorpusWriter for vol. It fails with a
// *ModelError if the volume does not validate.
func NewCorpusWriter(w io.Writer, vol *maisky.Volume, opts Options) (*CorpusWriter, error) {
	if vol == nil {
		return nil, &ModelError{Msg: "nil volume"}
	}
	if err := vol.Validate(); err != nil {
		return nil, &ModelError{Msg: "volume", Err: err}
	}
	c := &CorpusWriter{w: bufio.NewWriterSize(w, 32<<10), vol: vol, opts: opts, ids: entryIDs(vol), last: -1}
	c.opts.Volume = vol
	c.anns = make(map[string][]indexedAnnotation)
	c.annotated = make(map[string]bool)
	c.index = make(map[string]int, len(vol.Contents))
	for i, e := range vol.Contents {
		if _, dup := c.index[e.ID]; !dup {
			c.index[e.ID] = i
		}
	}
	for i := range opts.Annotations {
		a := &opts.Annotations[i]
		c.anns[a.Document] = append(c.anns[a.Document], indexedAnnotation{i, a})
	}
	return c, nil
}

// place returns the contents index of doc, or an error if doc cannot come
// after the document at index last.
func (c *CorpusWriter) place(doc *maisky.Document, last int) (int, error) {
	k, ok := c.index[doc.ID]
	switch {
	case !ok:
		return 0, &ModelError{Document: doc.ID, Msg: "not in the table of contents of volume " + strconv.Quote(c.vol.ID)}
	case k <= last:
		return 0, &ModelError{Document: doc.ID, Msg: "out of table-of-contents order (or written twice)"}
	}
	return k, nil
}

// Write writes the next document of the volume as a TEI element. A document
// that does not validate, is not in the table of contents or comes out of
// its order is refused with a *ModelError, and nothing is written for it.
func (c *CorpusWriter) Write(doc *maisky.Document) error {
	if c.closed {
		return &ModelError{Msg: "Write after Close"}
	}
	if err := checkDocument(doc); err != nil {
		return err
	}
	k, err := c.place(doc, c.last)
	if err != nil {
		return err
	}
	return c.write(doc, k)
}

// write writes doc, validated, at contents index k.
func (c *CorpusWriter) write(doc *maisky.Document, k int) error {
	dw := &docWriter{doc: doc, vol: c.vol, inCorpus: true, eid: c.ids[doc.ID], opts: &c.opts, anns: c.anns[doc.ID]}
	el, err := dw.element()
	if err != nil {
		return err
	}
	if c.n == 0 {
		c.w.WriteString(xmlDecl)
		c.w.WriteString(xmlModel)
		c.w.WriteString("<teiCorpus xmlns=\"" + teiNS + "\" xml:lang=\"en\">\n  ")
		writeElement(c.w, corpusHeader(c.vol, &c.opts), 1)
		c.w.WriteByte('\n')
	}
	c.w.WriteString("  ")
	writeElement(c.w, el, 1)
	c.w.WriteByte('\n')
	c.last, c.n = k, c.n+1
	if len(dw.anns) > 0 {
		c.annotated[doc.ID] = true
	}
	return c.w.Flush()
}

// Close writes the end of the teiCorpus. It fails with a *ModelError if no
// document was written (a teiCorpus needs one), and with an
// *AnnotationError if an annotation named a document that was not written.
func (c *CorpusWriter) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	if c.n == 0 {
		return &ModelError{Msg: "volume " + strconv.Quote(c.vol.ID) + " has no document to write; a teiCorpus needs at least one"}
	}
	c.w.WriteString("</teiCorpus>\n")
	if err := c.w.Flush(); err != nil {
		return err
	}
	for i := range c.opts.Annotations {
		a := &c.opts.Annotations[i]
		if !c.annotated[a.Document] {
			return &AnnotationError{Document: a.Document, Index: i, ID: a.ID, Msg: "the document is not in the corpus written"}
		}
	}
	return nil
}

func (c *CorpusWriter) position(id string) int {
	if k, ok := c.index[id]; ok {
		return k
	}
	return -1
}

// WriteVolume writes vol as a teiCorpus holding docs, in table-of-contents
// order (docs may come in any order). Every document is checked before
// anything is written: a document that does not validate or is not in the
// table of contents fails with a *ModelError, and so does an empty docs.
// Then the corpus is streamed document by document (see CorpusWriter).
func WriteVolume(w io.Writer, vol *maisky.Volume, docs []*maisky.Document, opts Options) error {
	c, err := NewCorpusWriter(w, vol, opts)
	if err != nil {
		return err
	}
	order := slices.Clone(docs)
	for _, d := range order {
		if err := checkDocument(d); err != nil {
			return err
		}
	}
	slices.SortStableFunc(order, func(a, b *maisky.Document) int {
		return cmp.Compare(c.position(a.ID), c.position(b.ID))
	})
	places := make([]int, len(order))
	last := -1
	for i, d := range order {
		k, err := c.place(d, last)
		if err != nil {
			return err
		}
		places[i], last = k, k
	}
	if len(order) == 0 {
		return c.Close()
	}
	for i := range opts.Annotations {
		a := &opts.Annotations[i]
		if !slices.ContainsFunc(order, func(d *maisky.Document) bool { return d.ID == a.Document }) {
			return &AnnotationError{Document: a.Document, Index: i, ID: a.ID, Msg: "the document is not in the volume written"}
		}
	}
	for i, d := range order {
		if err := c.write(d, places[i]); err != nil {
			return err
		}
	}
	return c.Close()
}
