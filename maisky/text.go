package maisky

import (
	"io"
	"strconv"
	"strings"
)

// InlineText returns the plain text of inline content: the text of Text and
// Emphasis nodes, without footnote markers or page breaks. It suits titles,
// headings used as labels and footnote bodies.
func InlineText(content []Inline) string {
	if len(content) == 1 {
		if t, ok := content[0].(*Text); ok {
			return t.Value
		}
	}
	var b strings.Builder
	appendInlines(&b, content)
	return b.String()
}

func appendInlines(b *strings.Builder, content []Inline) {
	for _, in := range content {
		switch in := in.(type) {
		case *Text:
			b.WriteString(in.Value)
		case *Emphasis:
			appendInlines(b, in.Content)
		}
	}
}

// TextOptions tunes WriteText. The zero value writes footnote markers as
// "[n]" and lists the notes after the text.
type TextOptions struct {
	// OmitNotes leaves out footnote markers and the list of notes.
	OmitNotes bool
}

// AppendBlockText appends the plain text of one block to dst: its text, with
// each footnote anchor written as "[n]" with the note's printed number
// (looked up in notes; "[?]" if it is not there). Page breaks add nothing.
func AppendBlockText(dst []byte, b Block, notes []*Footnote, opts TextOptions) []byte {
	for _, in := range b.Inlines() {
		dst = appendInlineText(dst, in, notes, opts)
	}
	return dst
}

func appendInlineText(dst []byte, in Inline, notes []*Footnote, opts TextOptions) []byte {
	switch in := in.(type) {
	case *Text:
		dst = append(dst, in.Value...)
	case *Emphasis:
		for _, c := range in.Content {
			dst = appendInlineText(dst, c, notes, opts)
		}
	case *NoteRef:
		if opts.OmitNotes {
			break
		}
		dst = append(dst, '[')
		if n := noteNumber(notes, in.ID); n > 0 {
			dst = strconv.AppendInt(dst, int64(n), 10)
		} else {
			dst = append(dst, '?')
		}
		dst = append(dst, ']')
	}
	return dst
}

func noteNumber(notes []*Footnote, id string) int {
	for _, f := range notes {
		if f != nil && f.ID == id {
			return f.Number
		}
	}
	return 0
}

// WriteText writes the plain text of blocks to w, the one plain-text form
// every exporter reuses for search and previews: one block per paragraph,
// separated by blank lines, footnote anchors as "[n]", then the notes that
// blocks reference, one per line as "[n] text", after a blank line.
func WriteText(w io.Writer, blocks []Block, notes []*Footnote, opts TextOptions) error {
	buf := make([]byte, 0, 1024)
	for i, b := range blocks {
		if i > 0 {
			buf = append(buf, '\n', '\n')
		}
		buf = AppendBlockText(buf, b, notes, opts)
		if len(buf) >= 8192 {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if len(blocks) > 0 {
		buf = append(buf, '\n')
	}
	if !opts.OmitNotes {
		referenced := make(map[string]bool)
		for _, b := range blocks {
			for _, in := range b.Inlines() {
				if r, ok := in.(*NoteRef); ok {
					referenced[r.ID] = true
				}
			}
		}
		first := true
		for _, f := range notes {
			if f == nil || !referenced[f.ID] {
				continue
			}
			if first {
				buf = append(buf, '\n')
				first = false
			}
			buf = append(buf, '[')
			buf = strconv.AppendInt(buf, int64(f.Number), 10)
			buf = append(buf, "] "...)
			for _, in := range f.Content {
				buf = appendInlineText(buf, in, nil, opts)
			}
			buf = append(buf, '\n')
		}
	}
	_, err := w.Write(buf)
	return err
}

// WriteText writes the version's plain text (see the function WriteText).
func (v *Version) WriteText(w io.Writer, opts TextOptions) error {
	return WriteText(w, v.Blocks, v.Footnotes, opts)
}

// WriteText writes the page's plain text: its blocks and the notes anchored
// on it (see the function WriteText).
func (p *Page) WriteText(w io.Writer, opts TextOptions) error {
	return WriteText(w, p.Blocks, p.Footnotes, opts)
}

// Words counts the words of blocks, as a page summary shows them: runs of
// non-space characters within each text node (footnote bodies excluded).
func Words(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		_ = Walk(b, func(nd Node, entering bool) (WalkStatus, error) {
			if t, ok := nd.(*Text); ok && entering {
				n += len(strings.Fields(t.Value))
			}
			return WalkContinue, nil
		})
	}
	return n
}
