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

// TestNumberNumeric checks is-numeric="number" against what citeproc-js
// 1.4.61 decides for these values (a "No." label before the number of a
// legal case or report).
func TestNumberNumeric(t *testing.T) {
	for _, c := range []struct {
		s             string
		docket, numer bool
	}{
		{"1938/77", true, true}, {"12/12/12", false, true}, {"12/a", false, false}, {"a/12", false, false},
		{"1938 77", false, false}, {"12-345", true, true}, {"12-345", false, true}, {"x-y-1", true, false},
		{"x-y-1", false, true}, {"doi-key-1", false, false}, {"A-12", true, false}, {"A-12", false, false},
		{"12a", true, true}, {"abc12", true, true}, {"CA 1964/12", true, false}, {"No. 44", true, false},
		{"12.3", true, false}, {"IV", true, false}, {"iv", true, true}, {"xii", true, true},
		{"12, 14", true, true}, {"3 & 4", true, true}, {"L2", true, true}, {"12:3", true, false},
		{"S-12", true, false}, {"12b-c", true, true}, {"ab-cd", true, false}, {"2020-1", true, true},
		{"a1-b2", true, false}, {"1-a", true, true},
	} {
		require.Equal(t, c.numer, numberNumeric(c.s, c.docket), "%q docket %v", c.s, c.docket)
	}
}

// TestCapitalizeParts checks the capital citeproc-js gives each part of a
// number it splits ("Tabular Data Doi-Key-1", "Pub. L. No. C. 12"), by the
// same rule for letters of other scripts.
func TestCapitalizeParts(t *testing.T) {
	for in, want := range map[string]string{
		"doi-key-1": "Doi-Key-1", "c. 12": "C. 12", "abc12": "Abc12", "a, b": "A, B", "ёж-уж": "Ёж-Уж", "": "",
	} {
		require.Equal(t, want, CapitalizeParts(in), in)
	}
}
