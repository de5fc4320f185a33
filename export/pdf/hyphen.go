package pdf

import (
	_ "embed"
	"strings"
	"sync"
)

// hyphenTeX is Knuth's hyphen.tex, the hyphenation patterns of plain TeX
// for English (Liang's patterns), embedded unmodified as its notice asks.
//
//go:embed hyphen.tex
var hyphenTeX string

// Hyphenation limits as TeX's: at least two letters before a hyphen and
// three after it; words of fewer than five letters are not hyphenated.
const (
	leftHyphenMin  = 2
	rightHyphenMin = 3
	maxHyphenWord  = 48 // longer letter runs are not hyphenated
)

// hyphenator applies TeX's patterns by Liang's algorithm.
type hyphenator struct {
	// patterns maps the letters of a pattern (with "." at a word's edge)
	// to its values, one per gap: len(letters)+1 digits.
	patterns map[string][]uint8
	// exceptions maps a word to its hyphen positions (byte offsets).
	exceptions map[string][]int
	maxLen     int
}

// hyphenation returns the shared hyphenator, built from the patterns on
// first use and read-only afterwards.
var hyphenation = sync.OnceValue(func() *hyphenator {
	h := &hyphenator{patterns: make(map[string][]uint8, 4500), exceptions: map[string][]int{}}
	body := hyphenTeX
	if i := strings.Index(body, `\patterns{`); i >= 0 {
		body = body[i+len(`\patterns{`):]
	}
	pats, rest, _ := strings.Cut(body, "}")
	for _, p := range strings.Fields(stripComments(pats)) {
		h.addPattern(p)
	}
	if i := strings.Index(rest, `\hyphenation{`); i >= 0 {
		exc, _, _ := strings.Cut(rest[i+len(`\hyphenation{`):], "}")
		for _, e := range strings.Fields(stripComments(exc)) {
			var pos []int
			n := 0
			for j := 0; j < len(e); j++ {
				if e[j] == '-' {
					pos = append(pos, n)
					continue
				}
				n++
			}
			h.exceptions[strings.ReplaceAll(e, "-", "")] = pos
		}
	}
	return h
})

func stripComments(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		if i := strings.IndexByte(line, '%'); i >= 0 {
			line = line[:i] + "\n"
		}
		b.WriteString(line)
	}
	return b.String()
}

func (h *hyphenator) addPattern(p string) {
	letters := make([]byte, 0, len(p))
	vals := make([]uint8, 0, len(p)+1)
	pending := uint8(0)
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c >= '0' && c <= '9' {
			pending = c - '0'
			continue
		}
		vals = append(vals, pending)
		pending = 0
		letters = append(letters, c)
	}
	vals = append(vals, pending)
	h.patterns[string(letters)] = vals
	h.maxLen = max(h.maxLen, len(letters))
}

// points appends to dst the byte offsets in word (ASCII letters only) before
// which a hyphen may fall, in increasing order. Words with other characters,
// and words shorter than five letters, have none.
func (h *hyphenator) points(word string, dst []int) []int {
	n := len(word)
	if n < leftHyphenMin+rightHyphenMin || n > maxHyphenWord {
		return dst
	}
	var buf [maxHyphenWord + 2]byte
	buf[0] = '.'
	for i := 0; i < n; i++ {
		c := word[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			return dst
		}
		buf[i+1] = c
	}
	buf[n+1] = '.'
	w := buf[:n+2]
	if pos, ok := h.exceptions[string(w[1:n+1])]; ok {
		return append(dst, pos...)
	}
	var vals [maxHyphenWord + 3]uint8
	for i := 0; i < len(w); i++ {
		for j := i + 1; j <= len(w) && j-i <= h.maxLen; j++ {
			p, ok := h.patterns[string(w[i:j])]
			if !ok {
				continue
			}
			for k, v := range p {
				if v > vals[i+k] {
					vals[i+k] = v
				}
			}
		}
	}
	// vals[g] is the gap before w[g]; the gap before letter m of the word
	// is vals[m+1].
	for m := leftHyphenMin; m <= n-rightHyphenMin; m++ {
		if vals[m+1]%2 == 1 {
			dst = append(dst, m)
		}
	}
	return dst
}
