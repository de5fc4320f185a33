package cite

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// nest renders, at every level from level to depth, a group "[…]" that
// holds a rendered word, a group whose variables are all empty (dropped
// with its affixes), and the next level, joined by ", "; it returns what
// that must print.
func nest(o *out, level, depth int) string {
	if level == depth {
		return ""
	}
	o.group(", ", "[", "]")
	o.elem("", "", 0, false)
	o.success()
	o.open()
	word := "w" + strings.Repeat("i", level%3)
	o.buf = append(o.buf, word...)
	o.end()
	o.group("", "<", ">") // empty: dropped
	o.elem("", "", 0, false)
	o.attempt()
	o.end()
	o.end()
	inner := nest(o, level+1, depth)
	o.end()
	if inner == "" {
		return "[" + word + "]"
	}
	return "[" + word + ", " + inner + "]"
}

// TestOutDeepSiblings: frames past the builder's array keep their own
// delimiters, affixes and flags at every depth, including when a deeper
// rendering reuses the spilled frames of an earlier one and when a
// shallower one follows a deeper one.
func TestOutDeepSiblings(t *testing.T) {
	var o out
	for _, depth := range []int{1, 23, 24, 25, 26, 60, 30, 100, 3} {
		o.reset()
		want := nest(&o, 0, depth)
		require.Zero(t, o.n, "depth %d: frames left open", depth)
		require.Equal(t, want, string(o.buf), "depth %d", depth)
		require.Equal(t, depth, strings.Count(want, "["))
	}
}

// A group dropped after its delimiter moved a period inside the closing
// quotation mark before it gives the buffer back as it was: the mark
// whole, the period gone.
func TestOutDroppedGroupAfterQuote(t *testing.T) {
	var o out
	o.reset()
	o.group(", ", "", "")
	o.elem("", "", 0, true)
	o.open()
	o.lit("Why war?")
	o.success()
	o.end()
	o.group("", "", "")
	o.attempt() // a variable of the group was empty
	o.elem(".", "", 0, false)
	o.lit("x") // writes ", " after the quote: the comma moves inside
	o.end()
	o.end() // the group is dropped
	o.end()
	if got := string(o.buf); got != "“Why war?”" {
		t.Fatalf("buffer %q, want %q", got, "“Why war?”")
	}
	o.punct(".")
	if got := string(o.buf); got != "“Why war?.”" && got != "“Why war?”" {
		t.Fatalf("after a period: %q", got)
	}
	if !utf8.Valid(o.buf) {
		t.Fatalf("invalid UTF-8: %q", o.buf)
	}
}
