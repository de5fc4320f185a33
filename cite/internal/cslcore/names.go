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
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++ // ASCII, below U+0530
	}
	for _, r := range s[i:] {
		if r >= 0x0530 && (r < 0x1E00 || r >= 0x2000) && unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// StartsRomanesque reports whether s starts with a character of
// citeproc-js's STARTSWITH_ROMANESQUE_REGEXP: "&", an ASCII letter, or a
// character of Latin-1 Supplement and Latin Extended-A (U+00C0–U+017F),
// U+0218–U+021B, Greek and Coptic, Cyrillic and Cyrillic Supplement,
// Hebrew (but U+05D5), Arabic, Thai, Greek Extended, or the joiners and
// direction marks U+200C–U+200E and U+202A–U+202E. citeproc-js writes a
// conjunction or "et al." that starts with one between spaces.
func StartsRomanesque(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return startsRomanesqueRune(r)
}

func startsRomanesqueRune(r rune) bool {
	switch {
	case r == '&', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= 0x00C0 && r <= 0x017F, r >= 0x0218 && r <= 0x021B,
		r >= 0x0370 && r <= 0x03FF, r >= 0x0400 && r <= 0x052F,
		r >= 0x0590 && r <= 0x05FF && r != 0x05D5, r >= 0x0600 && r <= 0x06FF,
		r >= 0x0E01 && r <= 0x0E5B, r >= 0x1F00 && r <= 0x1FFF,
		r >= 0x200C && r <= 0x200E, r >= 0x202A && r <= 0x202E:
		return true
	}
	return false
}

// HasRomanesque reports whether s has a character of citeproc-js's
// ROMANESQUE_REGEXP: a hyphen, an ASCII digit or letter, or a character
// of the ranges of StartsRomanesque (but "&").
func HasRomanesque(s string) bool {
	for _, r := range s {
		if r == '-' || r >= '0' && r <= '9' || r != '&' && startsRomanesqueRune(r) {
			return true
		}
	}
	return false
}

// NonDroppingJoins reports whether a non-dropping particle joins the
// family name without a space: it ends in an apostrophe, a hyphen or the
// space typed after it ("d’Alembert", "al-Hakim", "de’ Medici"), as
// citeproc-js's hasJoiningPunctuation reads it (a modifier-letter
// apostrophe, U+02BC, does not join here).
func NonDroppingJoins(p string) bool {
	r, _ := utf8.DecodeLastRuneInString(p)
	return NonDroppingJoinsRune(r)
}

// NonDroppingJoinsRune is NonDroppingJoins for the particle's last rune.
func NonDroppingJoinsRune(r rune) bool {
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
// abbreviations take the terminator and other words stay whole
// (normalizeGiven). hyphen is initialize-with-hyphen: true joins the
// initials of a hyphenated name with a hyphen ("J.-P."), false reads the
// hyphen as a space.
func Initials(given, with string, initialize, hyphen bool) string {
	if !initialize {
		if keepsGiven(given) {
			return given
		}
		return normalizeGiven(given, with, hyphen)
	}
	if s, ok := plainInitials(given, with); ok {
		return s
	}
	if !StartsRomanesque(stripLeadingTags(given)) {
		// citeproc-js leaves a given name that does not start with a
		// letter of a Latin (etc.) script as it is: "小明", not "小."
		return given
	}
	return initialsOf(given, with, hyphen)
}

// initialsOf is Initials with initialize="true", without the fast path
// for plain names.
func initialsOf(given, with string, hyphen bool) string {
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
		if openTag != "" && !unicode.IsLower(rw[0]) {
			if w.hyphen && i > 0 {
				s := strings.TrimRightFunc(sb.String(), IsJSSpace) // citeproc-js: /\s*\-\s*/ gives "-"
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
			s := strings.TrimRightFunc(sb.String(), IsJSSpace) // citeproc-js: /\s*\-\s*/ gives "-"
			sb.Reset()
			sb.WriteString(s)
			sb.WriteString("-")
		}
		switch {
		case !initialCapital(rw[0]):
			// citeproc-js writes a space before a word it does not
			// initialize, the first too: " ole" for "ole", "J. ole",
			// "J. (Jack)"; a word without any such letter takes none
			// ("A小明" with initialize-with="")
			if HasRomanesque(w.s) && !strings.HasSuffix(sb.String(), " ") {
				sb.WriteString(" ")
			}
			sb.WriteString(w.s)
			sb.WriteString(" ")
		case w.period || len(rw) == 1:
			sb.WriteString(w.s)
			sb.WriteString(with)
		default:
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
		}
	}
	return trimInitialsEnd(sb.String())
}

// trimInitialsEnd trims the end of initialized or normalized given names
// as citeproc-js's doInitialize and doNormalize do: white space, no-break
// spaces and zero-width no-break spaces (initialize-with=".&#160;" gives
// "M.&#160;J.", not "M.&#160;J.&#160;").
func trimInitialsEnd(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' ' || r == '\ufeff' || r == '\u00a0'
	})
}

// initialCapital reports whether citeproc-js initializes a word that
// starts with r (its NAME_INITIAL_REGEXP, and r upper-case): a capital
// Latin, Greek or Cyrillic letter, or a letter of Hebrew, Arabic or Thai.
func initialCapital(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z':
		return true
	case r >= 0x0E01 && r <= 0x0E5B, r >= 0x00C0 && r <= 0x017F, r >= 0x0400 && r <= 0x042F,
		r >= 0x0590 && r <= 0x05D4, r >= 0x05D6 && r <= 0x05FF, r >= 0x0600 && r <= 0x06FF,
		r == 0x0370, r == 0x0372, r == 0x0376, r == 0x0386, r >= 0x0388 && r <= 0x03AB,
		r == 0x03E2, r == 0x03E4, r == 0x03E6, r == 0x03E8, r == 0x03EA, r == 0x03EC, r == 0x03EE,
		r == 0x03F4, r == 0x03F7, r >= 0x03FD && r <= 0x03FF:
		return unicode.ToUpper(r) == r
	}
	return false
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
			if IsJSSpace(r) {
				return false // collapsed to a space
			}
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
			if !initialCapital(r) || !unicode.IsUpper(r) {
				return "", false
			}
			b = utf8.AppendRune(b, r)
			b = append(b, with...)
			first = false
		case !unicode.IsLower(r):
			return "", false
		}
	}
	return trimInitialsEnd(string(b)), true
}

// normalizeGiven is Initials with initialize="false", as citeproc-js
// normalizes a given name: white space collapsed, a period followed by a
// letter starts a new word, an abbreviation (a word ending in a period, or
// one capital letter) takes the terminator in place of its period, and
// the hyphen between two abbreviations goes ("J.-P." is "J. P."); whole
// words stay as typed ("Jean-Paul"). A name that does not start with a
// letter of a romanesque script, "Lord" and "Lady" stay as they are.
func normalizeGiven(name, with string, hyphen bool) string {
	if name == "" {
		return ""
	}
	if name == "Lord" || name == "Lady" || !StartsRomanesque(stripLeadingTags(name)) {
		return name
	}
	if !hyphen {
		name = strings.ReplaceAll(name, "-", " ")
	}
	name = collapseSpaces(name)
	// a hyphen before a lower-case letter joins the word: held as an
	// en dash while the name is split
	var b []byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c == '-' && i+1 < len(name) && name[i+1] >= 'a' && name[i+1] <= 'z' {
			b = append(b, "\u2013"...)
			continue
		}
		b = append(b, c)
		if c == '.' && i+1 < len(name) && name[i+1] != ' ' {
			b = append(b, ' ')
		}
	}
	name = string(b)
	parts := splitGiven(name)
	if len(parts) == 1 {
		// one word: a last capital letter is an initial ("Q" as "Q.")
		w := parts[0]
		if k := strings.LastIndexByte(w, '.'); k < len(w)-1 {
			last := w[k+1:]
			if utf16Len(last) == 1 && strings.ToLower(last) != last {
				parts[0] = w + "."
			}
		}
	}
	abbrev := make([]bool, len(parts))
	for i, el := range parts {
		if nt := stripLeadingTags(el); utf16Len(nt) > 1 && strings.HasSuffix(nt, ".") {
			k := strings.LastIndexByte(el, '.')
			parts[i] = el[:k] + el[k+1:]
			abbrev[i] = true
		} else if utf16Len(el) == 1 && strings.ToUpper(el) == el {
			abbrev[i] = true
		}
	}
	for i := 0; i < len(parts); i += 2 {
		if !abbrev[i] {
			continue
		}
		if i < len(parts)-2 {
			sep := tagOnly(parts[i+1])
			if !abbrev[i+2] {
				sep += " "
			}
			if utf16Len(parts[i+2]) > 1 {
				sep = strings.TrimSuffix(with, "\ufeff") + sep
			} else {
				sep = mergeTag(sep, with)
			}
			parts[i+1] = sep
		}
		if i == len(parts)-1 {
			parts[i] += with
		}
	}
	out := strings.Join(parts, "")
	out = trimInitialsEnd(out)
	out = collapseHyphenSpaces(out)
	var sb strings.Builder
	sp := false
	for _, r := range out {
		if r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r' || r == ' ' {
			if !sp {
				sb.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		sb.WriteRune(r)
	}
	out = sb.String()
	if strings.Contains(out, "\u2013") {
		var r []byte
		for i := 0; i < len(out); i++ {
			if strings.HasPrefix(out[i:], "\u2013") && i+3 < len(out) && out[i+3] >= 'a' && out[i+3] <= 'z' {
				r = append(r, '-')
				i += 2
				continue
			}
			r = append(r, out[i])
		}
		out = string(r)
	}
	return out
}

// stripLeadingTags removes the tags (<…>) that s starts with.
func stripLeadingTags(s string) string {
	for len(s) > 0 && s[0] == '<' {
		k := strings.IndexByte(s, '>')
		if k <= 1 {
			break
		}
		s = s[k+1:]
	}
	return s
}

// collapseSpaces writes white space around a hyphen as nothing and other
// runs of white space (JavaScript's \s) as one space.
func collapseSpaces(s string) string {
	s = collapseHyphenSpaces(s)
	var sb strings.Builder
	sp := false
	for _, r := range s {
		if IsJSSpace(r) {
			if !sp {
				sb.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		sb.WriteRune(r)
	}
	return sb.String()
}

// collapseHyphenSpaces removes the white space around each hyphen.
func collapseHyphenSpaces(s string) string {
	if !strings.Contains(s, "-") {
		return s
	}
	var b []byte
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsJSSpace(r) || r == '-' {
			// a run of white space; kept unless a hyphen is in it
			j, hy := i, false
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 == '-' {
					if hy {
						break
					}
					hy = true
				} else if !IsJSSpace(r2) {
					break
				}
				j += n2
			}
			if hy {
				// the spaces before the hyphen, the hyphen, the spaces after
				b = append(b, '-')
			} else {
				b = append(b, s[i:j]...)
			}
			i = j
			continue
		}
		b = append(b, s[i:i+n]...)
		i += n
	}
	return string(b)
}

// splitGiven splits a normalized given name as citeproc-js's name
// splitter does: words, and between them separators (runs of spaces and
// hyphens, with at most one <i>, <b>, <sc>, <sub> or <sup> tag, open or
// closing). The result alternates word, separator, word.
func splitGiven(s string) []string {
	parts := make([]string, 0, 8)
	start := 0
	for i := 0; i < len(s); {
		if n := givenSepAt(s, i); n > 0 {
			parts = append(parts, s[start:i], s[i:i+n])
			i += n
			start = i
			continue
		}
		i++
	}
	return append(parts, s[start:])
}

// givenSepAt returns the length of the separator at s[i], or 0.
func givenSepAt(s string, i int) int {
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '-') {
		j++
	}
	if j < len(s) && s[j] == '<' {
		k := j + 1
		for k < len(s) && s[k] == '/' {
			k++
		}
		for _, t := range [...]string{"i>", "sc>", "b>", "sub>", "sup>"} {
			if strings.HasPrefix(s[k:], t) {
				k += len(t)
				for k < len(s) && (s[k] == ' ' || s[k] == '-') {
					k++
				}
				return k - i
			}
		}
	}
	return j - i
}

// tagOnly returns the first run of tags in s, or s when it has none.
func tagOnly(s string) string {
	start := strings.IndexByte(s, '<')
	if start < 0 {
		return s
	}
	end := start
	for end < len(s) && s[end] == '<' {
		k := strings.IndexByte(s[end+1:], '>')
		if k < 1 {
			break
		}
		end += k + 2
	}
	if end == start {
		return s
	}
	return s[start:end]
}

// mergeTag puts the tags of tagstr (with hyphens next to them) into
// newstr, before its trailing white space.
func mergeTag(tagstr, newstr string) string {
	var tags strings.Builder
	for i := 0; i < len(tagstr); {
		// -*<[^>]+>-*
		j := i
		for j < len(tagstr) && tagstr[j] == '-' {
			j++
		}
		if j < len(tagstr) && tagstr[j] == '<' {
			if k := strings.IndexByte(tagstr[j+1:], '>'); k >= 1 {
				e := j + 1 + k + 1
				for e < len(tagstr) && tagstr[e] == '-' {
					e++
				}
				tags.WriteString(tagstr[i:e])
				i = e
				continue
			}
		}
		i++
	}
	if tags.Len() == 0 {
		return newstr
	}
	body := strings.TrimRightFunc(newstr, IsJSSpace)
	if body == newstr {
		return newstr + tags.String()
	}
	return body + tags.String() + newstr[len(body):]
}

// utf16Len is the length of s in UTF-16 code units, as JavaScript counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// NameParts are the parts of a personal name, as CSL-JSON has them.
type NameParts struct {
	Family, Given                         string
	DroppingParticle, NonDroppingParticle string
	Suffix                                string
	CommaSuffix                           bool
}

// ParseParticles takes the particles and suffix typed into the family
// and given names out into their own parts, as citeproc-js does for a
// name without parse-names false: leading lower-case words of the family
// name are a non-dropping particle ("van der Berg"; "d'Alembert" and
// "al-Hakim" too), trailing lower-case words of the given name a dropping
// particle ("Alexander von"), and what follows a comma in the given name
// its suffix ("Martin Luther, Jr."; ", !Jr." with a comma before it); a
// family name in double quotes is taken as it is, without them. A part
// already set is kept. No allocation unless a particle ends in an
// apostrophe (it keeps the space after it: "de' Medici").
func ParseParticles(n *NameParts) {
	// family: leading lowercase words are a non-dropping particle
	if n.NonDroppingParticle == "" && n.Family != "" {
		f := n.Family
		if len(f) > 1 && f[0] == '"' && f[len(f)-1] == '"' {
			n.Family = f[1 : len(f)-1]
		} else if end := leadingParticles(f); end > 0 {
			n.NonDroppingParticle = f[:end]
			if strings.HasSuffix(n.NonDroppingParticle, "'") || strings.HasSuffix(n.NonDroppingParticle, "’") {
				// "de' Medici": the space after the apostrophe stays
				// (citeproc-js keeps it with the particle)
				n.NonDroppingParticle += " "
			}
			n.Family = f[end+1:]
		} else if strings.IndexByte(f, ' ') < 0 && (strings.HasPrefix(f, "al-") || strings.HasPrefix(f, "el-")) && len(f) > 3 {
			n.NonDroppingParticle = f[:3]
			n.Family = f[3:]
		} else if j := strings.IndexAny(f, "'’"); j > 0 && j < len(f)-1 {
			_, size := utf8.DecodeRuneInString(f[j:])
			if k := j + size; isParticle(f[:k]) {
				n.NonDroppingParticle = f[:k]
				n.Family = f[k:]
			}
		}
	}
	// given: trailing lowercase words are a dropping particle; ", Jr." a suffix
	if n.Given != "" {
		g := n.Given
		if n.Suffix == "" {
			if i := strings.IndexByte(g, ','); i >= 0 {
				suf := strings.TrimSpace(g[i+1:])
				if strings.HasPrefix(suf, "!") {
					suf = strings.TrimSpace(suf[1:])
					n.CommaSuffix = true
				}
				if suf != "" {
					n.Suffix = suf
					g = strings.TrimSpace(g[:i])
				}
			}
		}
		if n.DroppingParticle == "" {
			if start := trailingParticles(g); start >= 0 {
				n.DroppingParticle = g[start+1:]
				g = g[:start]
			}
		}
		n.Given = g
	}
}

// leadingParticles returns where the particle words at the start of f end
// (the index of the space after the last one), or 0: words split at each
// space, all but the last word considered.
func leadingParticles(f string) int {
	end := 0
	for start := 0; ; {
		sp := strings.IndexByte(f[start:], ' ')
		if sp < 0 || !isParticle(f[start:start+sp]) {
			// the last word, or a word that is not a particle
			return end
		}
		end = start + sp
		start = end + 1
	}
}

// trailingParticles returns the index of the space before the particle
// words at the end of g, or -1: words split at each space, the first word
// never taken.
func trailingParticles(g string) int {
	at := -1
	for end := len(g); ; {
		sp := strings.LastIndexByte(g[:end], ' ')
		if sp < 0 || !isParticle(g[sp+1:end]) {
			// the first word, or a word that is not a particle
			return at
		}
		at = sp
		end = sp
	}
}

// isParticle reports whether a word is a name particle for citeproc-js:
// it starts (after any apostrophes) with a lower-case ASCII letter or "à"
// and has no upper-case letter.
func isParticle(w string) bool {
	w = strings.TrimLeft(w, "'’‘")
	if w == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !(r >= 'a' && r <= 'z') && r != 'à' {
		return false
	}
	return strings.ToLower(w) == w
}
