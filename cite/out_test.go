package cite

import (
	"math/rand/v2"
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

// emptyElemOps drives the builder through random nested groups, elements,
// terms, values and punctuation from seed. Where a variable is empty it
// either opens an element for it and closes it (the full path) or, with
// fast, records only the empty call (the shortcut of tv and names); it
// returns the text and marks built.
func emptyElemOps(seed uint64, fast bool) (string, []mark) {
	r := rand.New(rand.NewPCG(seed, 7))
	affixes := []string{"", "", ", ", ". ", " ", "(", ")", ": ", "."}
	pick := func() string { return affixes[r.IntN(len(affixes))] }
	var o out
	o.reset()
	depth := 0
	for step := 0; step < 60; step++ {
		switch k := r.IntN(8); {
		case k <= 1 && depth < 30:
			o.group(pick(), pick(), pick())
			depth++
		case k == 2 && depth > 0:
			o.end()
			depth--
		case k == 3:
			// an empty variable
			prefix, suffix, f, quotes := pick(), pick(), Decoration(r.IntN(3)), r.IntN(4) == 0
			if fast {
				o.attempt()
			} else {
				o.elem(prefix, suffix, f, quotes)
				o.attempt()
				o.end()
			}
		case k == 4:
			o.elem(pick(), pick(), Decoration(r.IntN(3)), r.IntN(4) == 0)
			o.success()
			o.open()
			o.buf = append(o.buf, "word"...)
			o.end()
		case k == 5:
			o.elem(pick(), pick(), 0, false)
			o.lit("term")
			o.end()
		case k == 6:
			o.punct(pick())
		default:
			o.elem("", "", Italic, true)
			o.lit("Why?")
			o.end()
		}
	}
	for ; depth > 0; depth-- {
		o.end()
	}
	return string(o.buf), o.marks
}

// TestEmptyElementShortcut: recording an empty variable's call without
// opening and closing its element (tv, names) builds the same text and
// marks as the full path, on random nestings of groups and elements.
func TestEmptyElementShortcut(t *testing.T) {
	for seed := uint64(0); seed < 3000; seed++ {
		slowText, slowMarks := emptyElemOps(seed, false)
		fastText, fastMarks := emptyElemOps(seed, true)
		require.Equal(t, slowText, fastText, "seed %d", seed)
		require.Equal(t, slowMarks, fastMarks, "seed %d", seed)
	}
}

// soleChildOps drives the builder through random nested groups, elements,
// terms and punctuation from seed, as emptyElemOps does; with wrap, every
// group it opens is wrapped in a group without delimiter and affixes that
// holds it alone.
func soleChildOps(seed uint64, wrap bool) (string, []mark) {
	r := rand.New(rand.NewPCG(seed, 11))
	affixes := []string{"", "", ", ", ". ", " ", "(", ")", ": ", "."}
	pick := func() string { return affixes[r.IntN(len(affixes))] }
	var o out
	o.reset()
	depth := 0
	for step := 0; step < 60; step++ {
		switch k := r.IntN(9); {
		case k <= 1 && depth < 20:
			if wrap {
				o.group("", "", "")
			}
			o.group(pick(), pick(), pick())
			depth++
		case k == 2 && depth > 0:
			o.end()
			if wrap {
				o.end()
			}
			depth--
		case k == 3:
			o.attempt()
		case k == 4:
			o.elem(pick(), pick(), Decoration(r.IntN(3)), r.IntN(4) == 0)
			o.success()
			o.open()
			o.buf = append(o.buf, "word"...)
			o.end()
		case k == 5:
			o.elem(pick(), pick(), 0, false)
			o.lit("term")
			o.end()
		case k == 6:
			o.punct(pick())
		case k == 7:
			o.success() // a variable present that prints nothing
		default:
			o.elem("", "", Italic, true)
			o.lit("Why?")
			o.end()
		}
	}
	for ; depth > 0; depth-- {
		o.end()
		if wrap {
			o.end()
		}
	}
	return string(o.buf), o.marks
}

// TestSoleChildGroup: a group without delimiter and affixes that holds
// one group alone renders as that group (dropped or kept, opened or not,
// with the same flags passed up), on random contents.
func TestSoleChildGroup(t *testing.T) {
	for seed := uint64(0); seed < 3000; seed++ {
		text, marks := soleChildOps(seed, false)
		wrappedText, wrappedMarks := soleChildOps(seed, true)
		require.Equal(t, text, wrappedText, "seed %d", seed)
		require.Equal(t, marks, wrappedMarks, "seed %d", seed)
	}
}
