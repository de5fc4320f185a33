package cite

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestAppendQuoted: quotation marks take the marks of their nesting level
// (inside the quotes around a field, any quote is single first),
// apostrophes curl, an unpaired mark stays as it is, everything else
// (invalid UTF-8 and a curly mark cut short included) is copied as it is,
// whether the text is a string or bytes.
func TestAppendQuoted(t *testing.T) {
	for _, c := range []struct {
		in    string
		depth int
		want  string
	}{
		{"plain text", 0, "plain text"},
		{`The "Big" Three`, 0, "The “Big” Three"},
		{`The "Big" Three`, 1, "The ‘Big’ Three"},
		{"Maisky's “diary” and ‘notes’", 0, "Maisky’s “diary” and ‘notes’"},
		{"“outer” and ‘inner’", 1, "‘outer’ and ‘inner’"},
		{"“outer” and ‘inner’", 0, "“outer” and ‘inner’"},
		{"A “new ‘course’” in London", 1, "A ‘new “course”’ in London"},
		{"'Peace' and \"war\"", 0, "“Peace” and ‘war’"},
		{"Maisky's 'London' diary of the '30s", 0, "Maisky’s “London” diary of the ’30s"},
		{"a\xe2\x80 b\xff'", 0, "a\xe2\x80 b\xff’"},
		{"Дневник \"Майского\"", 0, "Дневник “Майского”"},
		{`x" y`, 0, `x" y`},
	} {
		var a, b out
		a.quoteDepth, b.quoteDepth = c.depth, c.depth
		appendQuoted(&a, c.in)
		appendQuoted(&b, []byte(c.in))
		require.Equal(t, c.want, string(a.buf), c.in)
		require.Equal(t, c.want, string(b.buf), c.in)
	}
	// a text ending with a closing mark: punctuation written next goes
	// inside it
	var o out
	o.reset()
	appendQuoted(&o, `the "Big Three"`)
	o.punct(".")
	require.Equal(t, "the “Big Three.”", string(o.buf))
}

// TestWriteFieldAllocations: title-casing a field writes it without
// allocating.
func TestWriteFieldAllocations(t *testing.T) {
	var r renderer
	it := Item{Title: `the "big" three`}
	r.init(&it, posBib, Locator{})
	allocs := testing.AllocsPerRun(100, func() {
		r.o.reset()
		r.writeField(it.Title, tcTitle)
	})
	require.Equal(t, "The “Big” Three", string(r.o.buf))
	require.Zero(t, allocs)
}

// TestEdgeSpace checks edgeSpace's ASCII shortcut against isJSSpace on the
// first and last rune.
func TestEdgeSpace(t *testing.T) {
	var cases []string
	for r := rune(0); r < 0x3100; r++ {
		cases = append(cases, string(r), string(r)+"a", "a"+string(r), "ab"+string(r)+"c")
	}
	cases = append(cases, "\ufeffx", "x\ufeff", "\xff", "a\xff", "\xffa", "Maisky", " Ivan", "Ivan ")
	for _, s := range cases {
		first, _ := utf8.DecodeRuneInString(s)
		last, _ := utf8.DecodeLastRuneInString(s)
		want := isJSSpace(first) || isJSSpace(last)
		if got := edgeSpace(s); got != want {
			t.Errorf("edgeSpace(%q) = %v, want %v", s, got, want)
		}
	}
}
