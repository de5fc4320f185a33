package cite

import (
	"strings"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// rangeFormat is a CSL page-range-format.
type rangeFormat uint8

const (
	rangeExpanded   rangeFormat = iota // all digits: 321–328
	rangeChicago16                     // Chicago 16th–18th: 321–28, 1496–504, 103–4
	rangeMinimalTwo                    // at least two digits: 321–28, 101–08
)

// appendRange appends a page or locator value with its ranges reformatted:
// hyphens between numbers become en dashes and the second number of each
// range is abbreviated by f, as citeproc-js does.
func appendRange(dst []byte, s string, f rangeFormat) []byte {
	i := 0
	for i < len(s) {
		// find the next "number - number" range
		a0, a1, b0, b1, ok := nextRange(s, i)
		if !ok {
			break
		}
		dst = appendDashes(dst, s[i:a0])
		dst = appendOneRange(dst, s[a0:a1], s[b0:b1], f)
		i = b1
	}
	return appendDashes(dst, s[i:])
}

// appendDashes appends s with its hyphens turned into en dashes (a
// backslash-escaped hyphen stays).
func appendDashes(dst []byte, s string) []byte {
	i := 0
	for j := 0; j < len(s); j++ {
		if s[j] == '-' && (j == 0 || s[j-1] != '\\') {
			dst = append(dst, s[i:j]...)
			dst = append(dst, "–"...)
			i = j + 1
		}
	}
	return append(dst, s[i:]...)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// nextRange finds digits[-–]digits at or after i (allowing spaces around the
// dash); it returns the two numbers' byte ranges.
func nextRange(s string, i int) (a0, a1, b0, b1 int, ok bool) {
	for j := i; j < len(s); j++ {
		if !isDigit(s[j]) || (j > 0 && isDigit(s[j-1]) && j != i) {
			continue
		}
		a0 = j
		a1 = j
		for a1 < len(s) && isDigit(s[a1]) {
			a1++
		}
		k := a1
		for k < len(s) && s[k] == ' ' {
			k++
		}
		switch {
		case k < len(s) && s[k] == '-':
			k++
		case strings.HasPrefix(s[k:], "–"):
			k += len("–")
		default:
			j = a1 - 1
			continue
		}
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k >= len(s) || !isDigit(s[k]) {
			j = a1 - 1
			continue
		}
		b0 = k
		b1 = k
		for b1 < len(s) && isDigit(s[b1]) {
			b1++
		}
		// a letter glued to the numbers makes it something else (A12-B14)
		if b1 < len(s) && isLetter(s[b1]) || a0 > 0 && isLetter(s[a0-1]) {
			j = b1 - 1
			continue
		}
		return a0, a1, b0, b1, true
	}
	return 0, 0, 0, 0, false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// rangeFormatNames are the CSL names of the range formats.
var rangeFormatNames = [...]string{rangeExpanded: "expanded", rangeChicago16: "chicago-16", rangeMinimalTwo: "minimal-two"}

// appendOneRange appends the range a–b with b in the format f
// (cslcore.RangeEnd, the CSL processor's).
func appendOneRange(dst []byte, a, b string, f rangeFormat) []byte {
	dst = append(dst, a...)
	dst = append(dst, "–"...)
	return append(dst, cslcore.RangeEnd(a, b, rangeFormatNames[f])...)
}

// isNumeric reports whether a number variable is numeric as citeproc-js
// decides it: every element between joiners ("-", "–", ",", ";", "&",
// "and") is a number or a lower-case roman numeral of i, v and x, with
// optional trailing letters ("12", "12a", "xii"; not "II" or "A12").
func isNumeric(s string) bool {
	seen := false
	for i := 0; i < len(s); {
		if n := joinerLen(s[i:]); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(s) && joinerLen(s[j:]) == 0 {
			j++
		}
		if !numericElement(s[i:j]) {
			return false
		}
		seen = true
		i = j
	}
	return seen
}

// joinerLen is the length of the number joiner that s starts with ("-",
// "–", "&", ",", ";" or a space), or 0.
func joinerLen(s string) int {
	switch s[0] {
	case '-', '&', ',', ';', ' ':
		return 1
	}
	if strings.HasPrefix(s, "–") {
		return len("–")
	}
	return 0
}

// numericElement reports whether f is a number with optional trailing
// letters, a lower-case roman numeral of i, v and x, or "and".
func numericElement(f string) bool {
	if f == "and" {
		return true
	}
	i := 0
	for i < len(f) && isDigit(f[i]) {
		i++
	}
	if i == 0 {
		for i < len(f) && (f[i] == 'i' || f[i] == 'v' || f[i] == 'x') {
			i++
		}
		return i > 0 && i == len(f)
	}
	for ; i < len(f); i++ {
		if !isLetter(f[i]) && f[i] != ':' {
			return false
		}
	}
	return true
}

// isPlural reports whether a numeric value names more than one thing
// ("59-72", "3, 5", "2 & 4").
func isPlural(s string) bool {
	return strings.ContainsAny(s, "-–,&") || strings.Contains(s, " and ")
}
