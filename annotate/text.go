package annotate

import (
	"index/suffixarray"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
	"golang.org/x/text/unicode/norm"
)

// Text is a version's plain text prepared for anchoring: the NFC text that
// annotation positions count in (code points), and its print pages.
// A Text is immutable and safe for concurrent use.
type Text struct {
	s     string
	runes []rune
	// byteOf[i] is the byte offset of code point i (len(runes)+1 entries);
	// nil when the text is ASCII and offsets agree.
	byteOf []int32
	plain  *maisky.PlainText

	// index is a suffix array of s, built on first use, to find every
	// occurrence of a quote without scanning the text.
	indexOnce sync.Once
	index     *suffixarray.Index
}

// occurrences returns the byte offsets of every occurrence of sub in the
// text (in no particular order), at most limit (all when limit < 0).
func (t *Text) occurrences(sub string, limit int) []int {
	t.indexOnce.Do(func() { t.index = suffixarray.New([]byte(t.s)) })
	return t.index.Lookup([]byte(sub), limit)
}

// NewText prepares a text for anchoring; it is normalized to NFC first.
// It has no print pages.
func NewText(s string) *Text {
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // invalid bytes become U+FFFD
	}
	return newText(norm.NFC.String(s), nil)
}

// PlainTextOf prepares a version's plain text (maisky.Version.PlainText)
// for anchoring, with its print pages.
func PlainTextOf(v *maisky.Version) *Text {
	pt := v.PlainText()
	return newText(pt.Text, pt)
}

// DocumentText prepares the plain text of a document's version (kind 0 is
// the translation). A document without that version is a *NotFoundError.
func DocumentText(d *maisky.Document, kind maisky.VersionKind) (*Text, error) {
	if kind == 0 {
		kind = maisky.Translation
	}
	if d != nil {
		for _, v := range d.Versions {
			if v != nil && v.Kind == kind {
				return PlainTextOf(v), nil
			}
		}
	}
	return nil, &NotFoundError{Kind: "version"}
}

func newText(s string, pt *maisky.PlainText) *Text {
	t := &Text{s: s, runes: []rune(s), plain: pt}
	if len(t.runes) != len(s) {
		t.byteOf = make([]int32, 0, len(t.runes)+1)
		for i := range s {
			t.byteOf = append(t.byteOf, int32(i))
		}
		t.byteOf = append(t.byteOf, int32(len(s)))
	}
	return t
}

// String returns the text.
func (t *Text) String() string { return t.s }

// Len returns the text's length in code points.
func (t *Text) Len() int { return len(t.runes) }

// Slice returns the code points [start, end) of the text, clamped to it.
func (t *Text) Slice(start, end int) string {
	start = max(0, min(start, len(t.runes)))
	end = max(start, min(end, len(t.runes)))
	return t.s[t.byteAt(start):t.byteAt(end)]
}

// Pages returns the print pages of the span [start, end): the zero range
// for a text without pages.
func (t *Text) Pages(start, end int) maisky.PageRange {
	if t.plain == nil {
		return maisky.PageRange{}
	}
	return t.plain.Pages(start, end)
}

func (t *Text) byteAt(i int) int {
	if t.byteOf == nil {
		return i
	}
	return int(t.byteOf[i])
}

// runeAt returns the code point offset of byte offset b (b at a code point
// boundary).
func (t *Text) runeAt(b int) int {
	if t.byteOf == nil {
		return b
	}
	lo, hi := 0, len(t.byteOf)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if int(t.byteOf[mid]) < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// isMark reports a combining mark, which belongs with the code point
// before it: a passage never starts or ends between them.
func isMark(r rune) bool { return unicode.Is(unicode.M, r) }

// clusterStart moves i back to the start of its base character.
func (t *Text) clusterStart(i int) int {
	for i > 0 && i < len(t.runes) && isMark(t.runes[i]) {
		i--
	}
	return i
}

// clusterEnd moves i forward past the combining marks at i.
func (t *Text) clusterEnd(i int) int {
	for i > 0 && i < len(t.runes) && isMark(t.runes[i]) {
		i++
	}
	return i
}

// FileText prepares the plain text of a version (kind 0 is the
// translation) of the document with the given id in a file. An unknown
// document or a missing version is a *NotFoundError.
func FileText(f *maisky.File, document string, kind maisky.VersionKind) (*Text, error) {
	if f != nil {
		for _, d := range f.Documents {
			if d != nil && d.ID == document {
				return DocumentText(d, kind)
			}
		}
	}
	return nil, &NotFoundError{Kind: "document"}
}
