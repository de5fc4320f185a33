package cite

import (
	"strings"
	"unicode"
)

// CapitalizeParts capitalizes a number variable that is not numeric as
// citeproc-js does under text-case="capitalize-first": it splits the value
// at its joiners (a hyphen, an en dash, "&", ", " and "; ") and
// capitalizes the first letter of each part ("doi-key-1" → "Doi-Key-1",
// "a, b" → "A, B").
func CapitalizeParts(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := true
	prev := rune(0)
	for _, c := range s {
		switch {
		case c == '-' || c == '–' || c == '&':
			start = true
		case c == ' ' && (prev == ',' || prev == ';'):
			start = true
		case c == ' ' || c == ',' || c == ';':
		case start:
			start = false
			c = unicode.ToUpper(c)
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}
