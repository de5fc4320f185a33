package cslcore

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsRomanesque reports whether a name is in a script citeproc-js writes
// given name first (Latin, Greek, Cyrillic and their extensions: no
// letter from U+0530 up, but for Latin Extended Additional and Greek
// Extended, U+1E00–U+1FFF); a name in another script is written family
// name first, without a comma.
func IsRomanesque(s string) bool {
	for _, r := range s {
		if r >= 0x0530 && (r < 0x1E00 || r >= 0x2000) && unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// NonDroppingJoins reports whether a non-dropping particle joins the
// family name without a space: it ends in an apostrophe, a hyphen or the
// space typed after it ("d’Alembert", "al-Hakim", "de’ Medici"), as
// citeproc-js's hasJoiningPunctuation reads it (a modifier-letter
// apostrophe, U+02BC, does not join here).
func NonDroppingJoins(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(p)
	return r == '\'' || r == '’' || r == '-' || r == ' '
}

// DroppingJoins reports whether a dropping particle, in a name without a
// non-dropping one, joins the family name without a space in the
// given-name-first order: it ends in an apostrophe (straight, ’ or ʼ) or a
// hyphen and is not "de" with it ("Jean d’Alembert", but "Jean de’
// Medici"), as citeproc-js joins them.
func DroppingJoins(p string) bool {
	r, n := utf8.DecodeLastRuneInString(p)
	return (r == '\'' || r == 'ʼ' || r == '’' || r == '-') && p[:len(p)-n] != "de"
}

// Initials abbreviates given names as citeproc-js does with
// initialize-with="with": "John M.E." with ". " gives "J. M. E."; with
// initialize false (initialize="false") only single letters and
// abbreviations take the terminator and other words stay whole. hyphen is
// initialize-with-hyphen: true joins the initials of a hyphenated name
// with a hyphen ("J.-P."), false reads the hyphen as a space.
func Initials(given, with string, initialize, hyphen bool) string {
	if !initialize && keepsGiven(given) {
		return given
	}
	if initialize {
		if s, ok := plainInitials(given, with); ok {
			return s
		}
	}
	return initialsOf(given, with, initialize, hyphen)
}

// initialsOf is initials without the fast path for names kept whole.
func initialsOf(given, with string, initialize, hyphen bool) string {
	if !hyphen && strings.Contains(given, "-") {
		// initialize-with-hyphen="false": citeproc-js reads a hyphen
		// as a space ("Min-jun" gives "M jun")
		given = strings.ReplaceAll(given, "-", " ")
	}
	type word struct {
		s      string
		period bool
		hyphen bool // joined to the previous word by a hyphen
	}
	var wbuf [6]word
	words := wbuf[:0]
	rs := []rune(given)
	var cbuf [24]rune
	cur := cbuf[:0]
	hyph := false
	flush := func(period bool) {
		if len(cur) > 0 {
			words = append(words, word{string(cur), period, hyph})
			cur = cur[:0]
			hyph = false
		} else if period && len(words) > 0 {
			words[len(words)-1].period = true
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '.':
			flush(true)
		case r == ' ' || r == '\u00a0':
			flush(false)
		case r == '-' && i+1 < len(rs) && !unicode.IsLower(rs[i+1]) && len(cur) > 0:
			flush(false)
			hyph = hyphen
		case r == '-' && len(cur) == 0 && len(words) > 0:
			hyph = hyphen
		default:
			cur = append(cur, r)
		}
	}
	flush(false)
	var sb strings.Builder
	trimmed := strings.TrimRight(with, " ")
	for i, w := range words {
		// a word wrapped in inline markup ("<b>John</b>") keeps the
		// markup around its initial ("<b>J.</b>")
		openTag, closeTag := "", ""
		for _, t := range [...][2]string{{"<b>", "</b>"}, {"<i>", "</i>"}, {"<sc>", "</sc>"}, {"<sup>", "</sup>"}, {"<sub>", "</sub>"}} {
			o, cl := t[0], t[1]
			if strings.HasPrefix(w.s, o) && strings.HasSuffix(w.s, cl) && len(w.s) > len(o)+len(cl) {
				openTag, closeTag = o, cl
				w.s = w.s[len(o) : len(w.s)-len(cl)]
				break
			}
		}
		rw := []rune(w.s)
		if openTag != "" && (w.period || len(rw) == 1 || initialize) && !unicode.IsLower(rw[0]) {
			if w.hyphen && i > 0 {
				s := strings.TrimRight(sb.String(), " ")
				sb.Reset()
				sb.WriteString(s)
				sb.WriteString("-")
			}
			body := w.s
			if !(w.period || len(rw) == 1) {
				body = string(rw[0])
			}
			sb.WriteString(openTag + body + strings.TrimRight(with, " ") + closeTag + with[len(strings.TrimRight(with, " ")):])
			continue
		}
		if openTag != "" {
			w.s = openTag + w.s + closeTag
			rw = []rune(w.s)
		}
		if w.hyphen && i > 0 {
			s := strings.TrimRight(sb.String(), " ")
			sb.Reset()
			sb.WriteString(s)
			sb.WriteString("-")
		}
		_ = trimmed
		switch {
		case unicode.IsLower(rw[0]):
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") {
				sb.WriteString(" ")
			}
			sb.WriteString(w.s)
			sb.WriteString(" ")
		case w.period || len(rw) == 1:
			sb.WriteString(w.s)
			sb.WriteString(with)
		case initialize:
			sb.WriteRune(rw[0])
			// "TSerendorjiin" gives "Ts.": a run of capitals after the first
			// letter is kept, lower-cased, when lower-case letters follow
			k := 1
			for k < len(rw) && unicode.IsUpper(rw[k]) {
				k++
			}
			if k > 1 && k < len(rw) {
				sb.WriteString(strings.ToLower(string(rw[1:k])))
			}
			sb.WriteString(with)
		default:
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), " ") && !strings.HasSuffix(sb.String(), "-") {
				sb.WriteString(" ")
			}
			sb.WriteString(w.s)
			sb.WriteString(" ")
		}
	}
	return strings.TrimRight(sb.String(), " ")
}

// keepsGiven reports whether initials with initialize="false" gives the
// given name back unchanged: words of two or more characters, one space
// apart, with no periods, hyphens, no-break spaces or inline markup (each
// such word is written as it is and joined by a space).
func keepsGiven(given string) bool {
	if given == "" || given[0] == ' ' || given[len(given)-1] == ' ' {
		return false
	}
	n := 0 // characters in the current word
	for i, r := range given {
		switch r {
		case '.', '-', '<', '\u00a0', utf8.RuneError:
			return false
		case ' ':
			if n < 2 || given[i+1] == ' ' {
				return false
			}
			n = 0
		default:
			n++
		}
	}
	return n >= 2
}

// plainInitials is initials with initialize="true" for a given name of
// capitalised words one space apart (an upper-case letter, then only
// lower-case letters): each word gives its first letter and with, and the
// end is trimmed of spaces. ok is false for any other given name.
func plainInitials(given, with string) (string, bool) {
	if given == "" || given[0] == ' ' || given[len(given)-1] == ' ' {
		return "", false
	}
	var buf [64]byte
	b := buf[:0]
	first := true
	for i, r := range given {
		switch {
		case r == ' ':
			if given[i+1] == ' ' {
				return "", false
			}
			first = true
		case first:
			if !unicode.IsUpper(r) {
				return "", false
			}
			b = utf8.AppendRune(b, r)
			b = append(b, with...)
			first = false
		case !unicode.IsLower(r):
			return "", false
		}
	}
	return strings.TrimRight(string(b), " "), true
}
