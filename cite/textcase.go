package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are the words that title case leaves in lower case (citeproc-js's
// list for English, which the CSL specification follows).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`about above across afore after against al along alongside amid amidst
		among amongst anenst apropos apud around as aside astride at athwart atop barring before behind
		below beneath beside besides between beyond but by circa despite down during et except for
		forenenst from given in inside into lest like modulo near next notwithstanding of off on onto out
		over per plus pro qua sans since than through throughout thruout till to toward towards under
		underneath until unto up upon versus vs v via with within without or yet so nor a an the de von
		van c ca and`) {
		m[w] = true
	}
	return m
}()

// isTagRune reports whether r splits words for title casing: quotes,
// dashes, the slash, punctuation and brackets (citeproc-js's tag set).
func isTagRune(r rune) bool {
	switch r {
	case '‘', '’', '“', '”', '"', '\'', '-', '–', '—', '/', '.', ',', ';', '?', '!', ':', '[', ']', '(', ')':
		return true
	}
	return false
}

func isWordSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || (r >= '\u2000' && r <= '\u200b') || r == '\u205f' || r == '\u3000'
}

// isLowerWord reports whether w has no letter that lower-casing changes.
func isLowerWord(w string) bool {
	for _, r := range w {
		if unicode.ToLower(r) != r {
			return false
		}
	}
	return true
}

// isStopWord reports whether the lower-cased w is a stop word.
func isStopWord(w string) bool {
	if len(w) > 16 {
		return false
	}
	// ASCII is lower-cased here, the rest by isStopWordRunes. Every stop
	// word is ASCII letters only, so a word with another ASCII character
	// (a digit, a hyphen) is none, whatever its other runes lower-case to.
	var buf [16]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			return isStopWordRunes(w)
		default:
			return false
		}
		buf[i] = c
	}
	return stopWords[string(buf[:len(w)])]
}

// isStopWordRunes is isStopWord lower-casing rune by rune: "İN" (U+0130)
// lower-cases to "in".
func isStopWordRunes(w string) bool {
	var buf [64]byte
	b := buf[:0]
	for _, r := range w {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return stopWords[string(b)]
}

// jsLen is the length of s in UTF-16 code units, as JavaScript counts it.
func jsLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xffff {
			n++
		}
	}
	return n
}

// appendUpperFirst appends w with its first rune upper-cased (a lone Greek
// letter is left alone, as citeproc-js does).
func appendUpperFirst(dst []byte, w string) []byte {
	r, size := utf8.DecodeRuneInString(w)
	if r >= 0x370 && r <= 0x3ff && size == len(w) {
		return append(dst, w...)
	}
	dst = utf8.AppendRune(dst, unicode.ToUpper(r))
	return append(dst, w[size:]...)
}

// titleSegment is a piece of a string between title-case tags.
type titleSegment struct {
	start, end int // the string's bytes
	tagEnd     int // end of the tag that follows (== end when none)
}

// splitTitle splits s into strings and the tags between them, as
// citeproc-js's "Doppeler" does: a tag is one tag rune, a space followed
// by a straight quote, or a markup tag; a straight single quote that a
// string follows at once (an apostrophe: "Maisky's") is not a tag.
func splitTitle(s string, segs []titleSegment) []titleSegment {
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\'') {
			segs = append(segs, titleSegment{start, i, i + 2})
			i += 2
			start = i
			continue
		}
		if r == '<' {
			if k, n := markupTagAt(s, i); k != mkNone {
				segs = append(segs, titleSegment{start, i, i + n})
				i += n
				start = i
				continue
			}
		}
		if r == '\'' && i == 0 && len(s) > 1 {
			// citeproc-js writes a leading straight quote as " '"
			segs = append(segs, titleSegment{0, 0, 1})
			i++
			start = i
			continue
		}
		if r == '\'' && i+1 < len(s) && !titleTagAt(s, i+1) {
			// citeproc-js 1.4 joins a straight single quote to the
			// string that follows it, even after a space
			i++
			continue
		}
		if isTagRune(r) {
			segs = append(segs, titleSegment{start, i, i + size})
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(segs, titleSegment{start, len(s), len(s)})
}

// titleTagAt reports whether a title-case tag starts at s[i].
func titleTagAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	if isTagRune(r) || r == ' ' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\'') {
		return true
	}
	k, _ := markupTagAt(s, i)
	return k != mkNone
}

// appendTitleCase appends s in title case, following citeproc-js: every
// all-lower-case word of two or more letters that is not a stop word gets a
// capital, and so do the first word, a word after ":", "?" or "!", and a
// last word that is a stop word; words with capitals are left alone.
func appendTitleCase(dst []byte, s string) []byte {
	return appendCase(dst, s, false)
}

// appendCase is title case, or with firstOnly capitalize-first: the first
// word capitalized if it is in lower case. Both read the string's tags as
// citeproc-js's text-case engine does: quotation marks that close nothing
// or open out of turn give the word after them back its first letter.
func appendCase(dst []byte, s string, firstOnly bool) []byte {
	if caseKeeps(s) {
		// only words in lower case change (a word with a capital is left
		// alone, a caseless one has nothing to change), and a final stop
		// word: s is its own case
		return append(dst, s...)
	}
	return appendCaseWords(dst, s, firstOnly)
}

// appendCaseWords is appendCase without its shortcut for a string with no
// word in lower case.
func appendCaseWords(dst []byte, s string, firstOnly bool) []byte {
	var segBuf [32]titleSegment
	segs := splitTitle(s, segBuf[:0])
	// capitalized[i] is the word decision per word; do it in two passes:
	// first find which words to capitalize, then write.
	type wordPos struct{ seg, start, end int }
	var capsBuf [64]wordPos
	caps := capsBuf[:0]
	var restoreSeg [8]int
	nrestore := 0
	isFirst, afterPunct := true, false
	last := wordPos{seg: -1}
	type quote struct {
		opener, closer string
		pos            int // tag index; -1 when undefined
	}
	var qs [8]quote
	nq := 0
	words := func(si int) {
		seg := segs[si]
		str := s[seg.start:seg.end]
		if strings.TrimSpace(str) == "" {
			return
		}
		followingTag := ""
		if si == 0 {
			followingTag = s[seg.end:seg.tagEnd]
		}
		// split on word spaces
		i := 0
		type w struct{ a, b int }
		var wsBuf [32]w // on the stack for titles of up to 32 words; grown past them
		ws := wsBuf[:0]
		for i <= len(str) {
			j := i
			for j < len(str) {
				r, size := utf8.DecodeRuneInString(str[j:])
				if isWordSpace(r) {
					break
				}
				j += size
			}
			ws = append(ws, w{i, j})
			// skip spaces
			k := j
			for k < len(str) {
				r, size := utf8.DecodeRuneInString(str[k:])
				if !isWordSpace(r) {
					break
				}
				k += size
			}
			if k == j {
				break
			}
			i = k
		}
		nw := len(ws)
		for j := 0; j < nw; j++ {
			word := str[ws[j].a:ws[j].b]
			if word == "" {
				continue
			}
			lower := isLowerWord(word)
			capitalize := false
			switch {
			case firstOnly:
				capitalize = lower && isFirst
			case !lower:
				// a word with capitals is left alone
			case jsLen(word) > 1 && !isStopWord(word):
				capitalize = true
			case j == nw-1 && followingTag == "-":
				capitalize = true
			case isFirst:
				capitalize = true
			case afterPunct:
				capitalize = true
			}
			if capitalize {
				caps = append(caps, wordPos{si, seg.start + ws[j].a, seg.start + ws[j].b})
			}
			afterPunct = false
			isFirst = false
			last = wordPos{si, seg.start + ws[j].a, seg.start + ws[j].b}
		}
	}
	addRestore := func(tagIndex int) {
		if nrestore < len(restoreSeg) {
			restoreSeg[nrestore] = tagIndex + 1
			nrestore++
		}
	}
	// protect holds the closing tags of the open markup whose text title
	// case leaves alone (<sc>, <sub>, <sup>, nocase spans).
	var protect [8]markupKind
	nprotect := 0
	words(0)
	for i := 0; i+1 < len(segs); i++ {
		tag := s[segs[i].end:segs[i].tagEnd]
		if i == 0 && segs[0].end == 0 && tag == "'" {
			tag = " '" // a leading straight quote opens
		}
		if k, _ := markupTagAt(tag, 0); k != mkNone {
			switch {
			case k.caseProtected():
				if nprotect < len(protect) {
					protect[nprotect] = k.closer()
				}
				nprotect++
			case nprotect > len(protect) && k >= mkIEnd:
				nprotect-- // past the tags kept: any closing tag
			case nprotect > 0 && nprotect <= len(protect) && k == protect[nprotect-1]:
				nprotect--
			}
		}
		if strings.HasSuffix(tag, "!") || strings.HasSuffix(tag, "?") || strings.HasSuffix(tag, ":") {
			afterPunct = true
		}
		if nprotect == 0 {
			words(i + 1)
		} else if strings.TrimSpace(s[segs[i+1].start:segs[i+1].end]) != "" {
			last = wordPos{seg: -1}
		}
		// quote state
		q := ""
		switch {
		case strings.HasPrefix(tag, "‘"), strings.HasPrefix(tag, "’"), strings.HasPrefix(tag, "“"),
			strings.HasPrefix(tag, "”"), strings.HasPrefix(tag, "\""), strings.HasPrefix(tag, "'"):
			_, size := utf8.DecodeRuneInString(tag)
			q = tag[:size]
		case tag == ` "` || tag == ` '`:
			q = tag
		}
		if q != "" {
			quotePos := -1
			switch q {
			case "“", "‘", ` "`, ` '`:
				var opener, closer string
				switch q {
				case ` "`:
					opener, closer = ` '`, `"`
				case ` '`:
					opener, closer = ` "`, `'`
				case "‘":
					opener, closer = "‘", "’"
				case "“":
					opener, closer = "“", "”"
				}
				if nq == 0 || q == qs[nq-1].opener {
					if nq < len(qs) {
						qs[nq] = quote{opener, closer, i}
						nq++
					}
				} else {
					quotePos = qs[nq-1].pos
					qs[nq-1] = quote{opener, closer, -1}
				}
			default:
				if nq > 0 && q == qs[nq-1].closer {
					nq--
				} else {
					quotePos = i
				}
			}
			if quotePos >= 0 {
				addRestore(quotePos)
				last = wordPos{seg: -1}
			}
		}
		if isFirst && strings.TrimSpace(s[segs[i+1].start:segs[i+1].end]) != "" {
			isFirst = false
		}
		if afterPunct && strings.TrimSpace(s[segs[i+1].start:segs[i+1].end]) != "" {
			afterPunct = false
		}
	}
	for k := 0; k < nq; k++ {
		if qs[k].pos >= 0 {
			addRestore(qs[k].pos)
		}
	}
	// the last word: capitalize a final stop word
	lastCap := -1
	if last.seg >= 0 && !firstOnly {
		word := s[last.start:last.end]
		if jsLen(word) > 1 && isStopWord(word) {
			lastCap = last.start
		}
	}
	// write
	pos := 0
	for _, c := range caps {
		restored := false
		for k := 0; k < nrestore; k++ {
			rs := restoreSeg[k]
			if rs < len(segs) && segs[rs].start == c.start && c.seg == rs {
				restored = true
			}
		}
		if restored || c.start == lastCap {
			continue
		}
		dst = append(dst, s[pos:c.start]...)
		dst = appendUpperFirst(dst, s[c.start:c.end])
		pos = c.end
	}
	if lastCap >= pos {
		dst = append(dst, s[pos:lastCap]...)
		dst = appendUpperFirst(dst, s[lastCap:last.end])
		pos = last.end
	}
	return append(dst, s[pos:]...)
}

// firstWord returns the bounds s[i:j] of the first word of s, skipping the
// formatting tag runes and spaces before it; i == j if there is none.
func firstWord(s string) (i, j int) {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isTagRune(r) && !isWordSpace(r) {
			break
		}
		i += size
	}
	j = i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isTagRune(r) || isWordSpace(r) {
			break
		}
		j += size
	}
	return i, j
}

// hasLowerWord reports whether s has a word (a run of letters, digits and
// marks: finer than the words title case splits, so never missing one)
// with a lower-case letter and no letter that lower-casing changes, or
// invalid UTF-8. Title case and capitalize-first change only those.
func hasLowerWord(s string) bool {
	lower, upper := false, false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z':
				lower = true
			case 'A' <= c && c <= 'Z':
				upper = true
			case '0' <= c && c <= '9':
			default:
				// the word ends
				if lower && !upper {
					return true
				}
				lower, upper = false, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return true // invalid UTF-8: the full case writes U+FFFD
		}
		i += size
		switch {
		case unicode.ToLower(r) != r:
			upper = true // any cased character ("Ⓦ" too), letter or not
		case unicode.ToUpper(r) != r:
			lower = true
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
		default:
			// the word ends
			if lower && !upper {
				return true
			}
			lower, upper = false, false
		}
	}
	return lower && !upper
}

// caseKeeps reports whether title case and capitalize-first leave s as it
// is: no word in lower case, no final stop word, valid UTF-8.
func caseKeeps(s string) bool { return !hasLowerWord(s) && !endsInStopWord(s) }

// endsInStopWord reports whether the last word of s, by title case's
// split (tags and spaces) or by letters alone, is a stop word of more than
// one letter, which title case capitalizes whatever its case.
func endsInStopWord(s string) bool {
	end := len(s)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:end])
		if !isTagRune(r) && !isWordSpace(r) {
			break
		}
		end -= size
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if isTagRune(r) || isWordSpace(r) {
			break
		}
		start -= size
	}
	if w := s[start:end]; len(w) > 1 && isStopWord(w) {
		return true
	}
	// the last run of ASCII letters, unless it is the word just tested
	wordStart, wordEnd := start, end
	end = len(s)
	for end > 0 && !isLetter(s[end-1]) {
		end--
	}
	start = end
	for start > 0 && isLetter(s[start-1]) {
		start--
	}
	if start == wordStart && end == wordEnd {
		return false
	}
	w := s[start:end]
	return len(w) > 1 && isStopWord(w)
}

// appendCapitalizeFirst appends s with its first word capitalized if that
// word is all in lower case (CSL's text-case="capitalize-first").
func appendCapitalizeFirst(dst []byte, s string) []byte {
	if hasMarkupBytes(s) {
		return appendCase(dst, s, true)
	}
	i, j := firstWord(s)
	if i == j || !isLowerWord(s[i:j]) {
		return append(dst, s...)
	}
	dst = append(dst, s[:i]...)
	dst = appendUpperFirst(dst, s[i:j])
	return append(dst, s[j:]...)
}

// capitalizeAt capitalizes, in place, the first word of b[start:] if it is
// all in lower case and its first letter keeps its UTF-8 length.
func capitalizeAt(b []byte, start int) {
	s := string(b[start:]) // a volume number: short, not kept
	i, j := firstWord(s)
	if i == j || !isLowerWord(s[i:j]) {
		return
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	u := unicode.ToUpper(r)
	if utf8.RuneLen(u) == size {
		utf8.EncodeRune(b[start+i:], u)
	}
}
