package maisky

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// PlainText is a version's text as annotations count it: exactly what
// WriteText writes with OmitNotes (blocks separated by a blank line, a
// final newline, no footnote markers, page breaks adding nothing), in NFC.
// Annotation positions are offsets in Unicode code points of Text, and
// PageAt and Pages give the print page of any offset.
type PlainText struct {
	// Text is the plain text, NFC.
	Text string
	// runes is the length of Text in code points.
	runes int
	// first is the page of offset 0, 0 when the version has no pages.
	first int
	// breaks are the page breaks in offset order.
	breaks []textBreak
}

type textBreak struct {
	offset, page int
}

// PlainText returns the version's plain text with its page breaks.
func (v *Version) PlainText() *PlainText {
	t := &PlainText{}
	if r, ok := v.Span(); ok {
		t.first = r.First
	}
	buf := make([]byte, 0, 4096)
	type mark struct{ byteOff, page int }
	var marks []mark
	for i, b := range v.Blocks {
		if i > 0 {
			buf = append(buf, '\n', '\n')
		}
		for _, in := range b.Inlines() {
			if pb, ok := in.(*PageBreak); ok {
				marks = append(marks, mark{len(buf), pb.Page})
				continue
			}
			buf = appendInlineText(buf, in, nil, TextOptions{OmitNotes: true})
		}
	}
	if len(v.Blocks) > 0 {
		buf = append(buf, '\n')
	}
	t.breaks = make([]textBreak, len(marks))
	if norm.NFC.IsNormal(buf) {
		t.Text = string(buf)
		prev, n := 0, 0
		for i, m := range marks {
			n += utf8.RuneCount(buf[prev:m.byteOff])
			prev = m.byteOff
			t.breaks[i] = textBreak{n, m.page}
		}
		t.runes = n + utf8.RuneCount(buf[prev:])
		return t
	}
	// Text built in Go need not be NFC: count each break's offset in the
	// normalized text before it.
	t.Text = norm.NFC.String(string(buf))
	t.runes = utf8.RuneCountInString(t.Text)
	for i, m := range marks {
		t.breaks[i] = textBreak{utf8.RuneCount(norm.NFC.Bytes(buf[:m.byteOff])), m.page}
	}
	return t
}

// Len returns the length of the text in code points.
func (t *PlainText) Len() int { return t.runes }

// PageAt returns the print page that the code point at offset lies on (a
// page break at an offset starts its page there; of two breaks at the same
// offset, around a plate, the later holds the text). It returns 0 when the
// version has no pages. Offsets outside the text are clamped to it.
func (t *PlainText) PageAt(offset int) int {
	i := sort.Search(len(t.breaks), func(i int) bool { return t.breaks[i].offset > offset })
	if i == 0 {
		return t.first
	}
	return t.breaks[i-1].page
}

// Pages returns the print pages that the span of code points [start, end)
// lies on; the zero PageRange when the version has no pages.
func (t *PlainText) Pages(start, end int) PageRange {
	if t.first == 0 && len(t.breaks) == 0 {
		return PageRange{}
	}
	last := end - 1
	if last < start {
		last = start
	}
	return PageRange{First: t.PageAt(start), Last: t.PageAt(last)}
}
