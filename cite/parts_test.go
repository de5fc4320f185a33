package cite

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLocatorText checks the locator rule of citeproc-js that the built-in
// styles share: page ranges in the style's format, other locators
// en-dashed only when they are numbers or lists of numbers (the values
// below as citeproc-js 1.4.61 renders them with the Chicago files).
func TestLocatorText(t *testing.T) {
	for _, c := range []struct {
		label, value, want string
	}{
		{"page", "321-328", "321–28"},
		{"", "321-328", "321–28"},
		{"section", "2-3", "2–3"},
		{"paragraph", "3-4", "3–4"},
		{"line", "1.1-7", "1.1-7"},
		{"chapter", "3.18", "3.18"},
		{"section", "2(1)", "2(1)"},
		{"page", "", ""},
	} {
		var r renderer
		it := Item{Type: "book"}
		r.init(&it, posFirst, Locator{Label: c.label, Value: c.value})
		r.o.group("", "", "")
		r.locatorText(rangeChicago16)
		r.o.end()
		require.Equal(t, c.want, string(r.o.buf), "%s %q", c.label, c.value)
	}
}

// TestNumberList checks which values citeproc-js reads as several
// numbers (a plural label, en-dashed ranges).
func TestNumberList(t *testing.T) {
	for s, want := range map[string]bool{
		"2-3": true, "12, 14": true, "3 & 4": true, "L2-L5": true, "ii-iv": true, "3 and 5": true,
		"12": false, "1.1-7": false, "a-b": false, "": false, "12a": false,
	} {
		require.Equal(t, want, numberList(s), s)
	}
}
