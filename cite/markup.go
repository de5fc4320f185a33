package cite

import "unicode/utf8"

// Inline markup and quotation marks in field values, read as citeproc-js
// reads them (its "flip-flop"): <i>, <b>, <sc>, <sup>, <sub>, small-caps,
// nocase and nodecor spans, and quotation marks straight or curly. A
// marked range takes the opposite of the formatting around it (<i> in an
// italic title is set in roman), quotation marks alternate between double
// and single by nesting, an unpaired mark or tag is kept as text.

// markupKind is a tag of inline markup.
type markupKind uint8

const (
	mkNone markupKind = iota
	mkI
	mkB
	mkSC
	mkSup
	mkSub
	mkSCSpan
	mkNocase
	mkNodecor
	mkIEnd
	mkBEnd
	mkSCEnd
	mkSupEnd
	mkSubEnd
	mkSpanEnd
)

// markupTags are the tags citeproc-js reads, with the small-caps span
// spelled with and without a space.
var markupTags = [...]struct {
	s string
	k markupKind
}{
	{"<i>", mkI}, {"</i>", mkIEnd}, {"<b>", mkB}, {"</b>", mkBEnd},
	{"<sc>", mkSC}, {"</sc>", mkSCEnd}, {"<sup>", mkSup}, {"</sup>", mkSupEnd},
	{"<sub>", mkSub}, {"</sub>", mkSubEnd},
	{`<span class="nocase">`, mkNocase}, {`<span class="nodecor">`, mkNodecor},
	{`<span style="font-variant:small-caps;">`, mkSCSpan},
	{`<span style="font-variant: small-caps;">`, mkSCSpan},
	{"</span>", mkSpanEnd},
}

// markupTagAt returns the markup tag that starts at s[i] and its length,
// or mkNone.
func markupTagAt[S ~string | ~[]byte](s S, i int) (markupKind, int) {
	if i >= len(s) || s[i] != '<' {
		return mkNone, 0
	}
	for _, t := range markupTags {
		if len(s)-i >= len(t.s) && string(s[i:i+len(t.s)]) == t.s {
			return t.k, len(t.s)
		}
	}
	return mkNone, 0
}

// closer returns the tag that closes an opening tag.
func (k markupKind) closer() markupKind {
	switch k {
	case mkI:
		return mkIEnd
	case mkB:
		return mkBEnd
	case mkSC:
		return mkSCEnd
	case mkSup:
		return mkSupEnd
	case mkSub:
		return mkSubEnd
	case mkSCSpan, mkNocase, mkNodecor:
		return mkSpanEnd
	}
	return mkNone
}

// caseProtected reports whether title case leaves the text inside the tag
// alone (citeproc-js: small caps, superscripts, subscripts, nocase and
// nodecor spans).
func (k markupKind) caseProtected() bool {
	switch k {
	case mkSC, mkSup, mkSub, mkSCSpan, mkNocase, mkNodecor:
		return true
	}
	return false
}

// ftag is a tag of a field's text: markup or a quotation mark.
type ftag struct {
	start, end int32 // its bytes (an opening straight quote's space or parenthesis excluded)
	mk         markupKind
	// q is the quotation mark: '"' and '\'' straight, 'D' and 'S' curly
	// double and single; 0 for markup.
	q      byte
	open   bool
	paren  bool // an opening straight quote after "("
	forced bool // an opening straight quote right after another opening tag
	keep   bool
	drop   bool   // a matched nocase span's tag: written as nothing
	ws     int32  // where the white space before a straight single quote starts (collapsed to one space)
	lit    string // written in place of a tag not kept ("" = its own text)
}

// closes reports whether c closes the opening tag o.
func (o *ftag) closes(c *ftag) bool {
	if o.q != 0 {
		return c.q == o.q
	}
	return c.q == 0 && o.mk.closer() == c.mk
}

// decor is the formatting of an open tag while a field is written.
type decor struct {
	q     byte // quotes: 'D' double or 'S' single; 0 for formatting
	f     Decoration
	off   Decoration
	start int
	// eff is the formatting in effect inside the tag, present every
	// formatting set around or by it (in effect or turned off)
	eff, present Decoration
	// quote is the innermost quote around or at the tag (0: none)
	quote byte
}

// romanesqueRune reports whether r is one of citeproc-js's "romanesque"
// characters (letters of the Latin, Greek, Cyrillic, Hebrew, Arabic and
// Thai scripts, digits and the hyphen), between which ’ is an apostrophe.
func romanesqueRune(r rune) bool {
	switch {
	case r == '-', r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= 0xc0 && r <= 0x17f, r >= 0x370 && r <= 0x3ff, r >= 0x400 && r <= 0x52f,
		r >= 0x590 && r <= 0x5d4, r >= 0x5d6 && r <= 0x5ff, r >= 0x600 && r <= 0x6ff,
		r >= 0xe01 && r <= 0xe5b, r >= 0x1f00 && r <= 0x1fff,
		r == 0x200c, r == 0x200d, r == 0x200e, r >= 0x218 && r <= 0x21b, r >= 0x202a && r <= 0x202e:
		return true
	}
	return false
}

// isJSSpace reports whether r is white space for JavaScript's \s.
func isJSSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// runeAt and runeBefore decode the rune at and before s[i] (utf8.RuneError
// at the ends), without converting s.
func runeAt[S ~string | ~[]byte](s S, i int) rune {
	if i >= len(s) {
		return utf8.RuneError
	}
	if s[i] < utf8.RuneSelf {
		return rune(s[i])
	}
	var b [utf8.UTFMax]byte
	n := copy(b[:], s[i:])
	r, _ := utf8.DecodeRune(b[:n])
	return r
}

func runeBefore[S ~string | ~[]byte](s S, i int) rune {
	if i <= 0 {
		return utf8.RuneError
	}
	if s[i-1] < utf8.RuneSelf {
		return rune(s[i-1])
	}
	j := max(i-utf8.UTFMax, 0)
	var b [utf8.UTFMax]byte
	n := copy(b[:], s[j:i])
	r, _ := utf8.DecodeLastRune(b[:n])
	return r
}

// hasMarkupBytes reports whether s may hold markup, a quotation mark or an
// apostrophe (curly marks start with 0xE2), guillemets (0xC2) or a space
// before ":", ";", "?" or "!".
func hasMarkupBytes[S ~string | ~[]byte](s S) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<', '\'', '"', 0xE2, 0xC2:
			return true
		case ' ':
			if i+1 < len(s) && (s[i+1] == ':' || s[i+1] == ';' || s[i+1] == '?' || s[i+1] == '!') {
				return true
			}
		}
	}
	return false
}

// appendSpaced appends text as citeproc-js appends it: a space before
// ":", ";", "?", "!" or "»", and after "«", becomes a narrow no-break
// space (U+202F).
func appendSpaced[S ~string | ~[]byte](b []byte, s S) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ' ' && i+1 < len(s) && (s[i+1] == ':' || s[i+1] == ';' || s[i+1] == '?' || s[i+1] == '!' ||
			s[i+1] == 0xC2 && i+2 < len(s) && s[i+2] == 0xBB):
			b = append(b, s[start:i]...)
			b = append(b, "\u202f"...)
			start = i + 1
		case s[i] == 0xC2 && i+2 < len(s) && s[i+1] == 0xAB && s[i+2] == ' ':
			b = append(b, s[start:i+2]...)
			b = append(b, "\u202f"...)
			start = i + 3
			i += 2
		}
	}
	return append(b, s[start:]...)
}

// scanTags finds the tags of s as citeproc-js's flip-flopper does: a
// straight quote after a space, "(" or at the start opens, any other
// closes; ’ between two romanesque characters is an apostrophe, not a tag.
func scanTags[S ~string | ~[]byte](s S, tags []ftag) []ftag {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '<':
			if k, n := markupTagAt(s, i); k != mkNone {
				tags = append(tags, ftag{start: int32(i), end: int32(i + n), mk: k, open: k < mkIEnd, keep: true})
				i += n
				continue
			}
		case '"', '\'':
			t := ftag{start: int32(i), end: int32(i + 1), q: c, keep: true, ws: int32(i)}
			if c == '\'' {
				// citeproc-js writes white space before a straight
				// single quote as one space
				for j := i; j > 0; {
					r := runeBefore(s, j)
					if !isJSSpace(r) {
						break
					}
					j -= utf8.RuneLen(r)
					t.ws = int32(j)
				}
			}
			t.open = i == 0 || s[i-1] == ' ' || s[i-1] == '(' || t.ws < int32(i)
			t.paren = t.open && i > 0 && s[i-1] == '('
			tags = append(tags, t)
		case 0xE2:
			r, n := quoteAt(s, i)
			t := ftag{start: int32(i), end: int32(i + n), keep: true}
			switch r {
			case '“':
				t.q, t.open = 'D', true
			case '”':
				t.q = 'D'
			case '‘':
				t.q, t.open = 'S', true
			case '’':
				if romanesqueRune(runeBefore(s, i)) && romanesqueRune(runeAt(s, i+n)) {
					break
				}
				t.q = 'S'
			}
			if t.q != 0 {
				tags = append(tags, t)
			}
			i += n
			continue
		}
		i++
	}
	// a straight quote right after an opening tag opens
	for k := 0; k+1 < len(tags); k++ {
		t, n := &tags[k], &tags[k+1]
		if t.open && n.start == t.end && (n.q == '"' || n.q == '\'') && !n.open {
			n.open, n.forced = true, true
		}
	}
	return tags
}

// pairTags pairs the tags as citeproc-js does: a closing tag closes the
// innermost open tag if it matches, else it unwinds the open tags, which
// become text, until one matches; a straight single quote that closes
// nothing, or that a word follows, is an apostrophe; tags left open become
// text; a matched nocase span is dropped (title case has used it).
func pairTags[S ~string | ~[]byte](s S, tags []ftag) {
	var stackBuf [16]int
	stack := stackBuf[:0]
	for i := range tags {
		t := &tags[i]
		next := len(s)
		if i+1 < len(tags) {
			next = int(tags[i+1].start)
		}
		if t.q == '\'' && int(t.end) < next {
			c := s[t.end]
			if !t.open && c != ',' && c != '.' && c != '?' && c != ':' && c != ';' && c != ' ' ||
				t.open && c == ' ' {
				t.keep, t.lit = false, "’"
				continue
			}
		}
		if t.open {
			stack = append(stack, i)
			continue
		}
		for {
			if n := len(stack); n > 0 && tags[stack[n-1]].closes(t) {
				o := &tags[stack[n-1]]
				stack = stack[:n-1]
				if o.mk == mkNocase {
					o.keep, t.keep, o.drop, t.drop = false, false, true, true
				}
				break
			}
			if t.q == '\'' {
				t.keep, t.lit = false, "’"
				break
			}
			if len(stack) == 0 {
				t.keep = false
				break
			}
			tags[stack[len(stack)-1]].keep = false
			stack = stack[:len(stack)-1]
		}
	}
	for _, k := range stack {
		t := &tags[k]
		t.keep = false
		switch {
		case t.q == '\'' && t.forced:
			t.lit = " ’"
		case t.q == '\'' && !t.paren:
			t.lit = "’"
		case t.q == '"' && t.forced:
			t.lit = ` "` // the space citeproc-js gave it to open
		}
	}
}

// maxFieldMarks bounds the formatted ranges one field adds (each is
// inserted in order, so a hostile field of thousands of tags would cost
// quadratic time); tags past it are read but leave no formatting.
const maxFieldMarks = 256

// appendQuoted writes a field's text into o: markup becomes formatted
// ranges that flip the formatting around them, quotation marks alternate
// by nesting from the quotes around the field (double outside, single
// inside), and a text that ends with closing quotation marks lets the
// punctuation written next move inside them.
func appendQuoted[S ~string | ~[]byte](o *out, s S) {
	if !hasMarkupBytes(s) {
		o.buf = append(o.buf, s...)
		return
	}
	var tagBuf [32]ftag
	tags := scanTags(s, tagBuf[:0])
	if len(tags) == 0 {
		o.buf = appendSpaced(o.buf, s)
		return
	}
	pairTags(s, tags)
	// the first straight quote kept sets which straight quote is the
	// outer one
	outerStraight := byte('"')
	for i := range tags {
		if t := &tags[i]; t.keep && t.open && (t.q == '"' || t.q == '\'') {
			outerStraight = t.q
			break
		}
	}
	// formatting and quotes around the field
	var around Decoration
	for i := 0; i < o.n; i++ {
		around |= o.at(i).f
	}
	aroundQuote := byte(0)
	if o.quoteDepth > 0 {
		aroundQuote = 'D'
		if o.quoteDepth%2 == 0 {
			aroundQuote = 'S'
		}
	}
	var stackBuf [16]decor
	stack := stackBuf[:0]
	flip := func(q byte) byte {
		if q == 'D' {
			return 'S'
		}
		return 'D'
	}
	runStart, runEnd := -1, -1 // the closing quotation marks last written
	marks := 0
	pos := 0
	for i := range tags {
		t := &tags[i]
		if t.q == '\'' && t.ws < t.start && int(t.ws) >= pos {
			o.buf = appendSpaced(o.buf, s[pos:t.ws])
			o.buf = append(o.buf, ' ')
		} else {
			o.buf = appendSpaced(o.buf, s[pos:t.start])
		}
		pos = int(t.end)
		if !t.keep {
			if t.drop {
				continue
			}
			if t.lit != "" {
				o.buf = append(o.buf, t.lit...)
			} else {
				o.buf = append(o.buf, s[t.start:t.end]...)
			}
			continue
		}
		if !t.open {
			if len(stack) == 0 {
				continue
			}
			d := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if d.q != 0 {
				if runEnd != len(o.buf) {
					runStart = len(o.buf)
				}
				if d.q == 'D' {
					o.buf = append(o.buf, "”"...)
				} else {
					o.buf = append(o.buf, "’"...)
				}
				runEnd = len(o.buf)
			} else if len(o.buf) > d.start && (d.f != 0 || d.off != 0) && marks < maxFieldMarks {
				o.insertMark(mark{start: int32(d.start), end: int32(len(o.buf)), f: d.f, off: d.off})
				marks++
			}
			continue
		}
		d := decor{start: len(o.buf), eff: around, present: around}
		if n := len(stack); n > 0 {
			d.eff, d.present, d.quote = stack[n-1].eff, stack[n-1].present, stack[n-1].quote
		}
		if t.q != 0 {
			d.q = 0
			if d.quote != 0 {
				d.q = flip(d.quote)
			}
			switch {
			case d.q != 0:
			case aroundQuote != 0:
				d.q = flip(aroundQuote)
			case t.q == 'D' || t.q == 'S':
				d.q = t.q
			case t.q == outerStraight:
				d.q = 'D'
			default:
				d.q = 'S'
			}
			d.quote = d.q
			if d.q == 'D' {
				o.buf = append(o.buf, "“"...)
			} else {
				o.buf = append(o.buf, "‘"...)
			}
		} else {
			// the formatting in effect here, and the flag the tag flips
			eff := d.eff
			var flag Decoration
			switch t.mk {
			case mkI:
				flag = Italic
			case mkB:
				flag = Bold
			case mkSC, mkSCSpan:
				flag = SmallCaps
			case mkSup:
				d.f = Superscript
			case mkSub:
				d.f = Subscript
			case mkNodecor:
				// every formatting set around it, in effect or not, is
				// set to normal
				d.off = d.present & (Italic | Bold | SmallCaps)
			}
			if flag != 0 {
				if eff&flag != 0 {
					d.off = flag
				} else {
					d.f = flag
				}
			}
			d.eff = (eff | d.f) &^ d.off
			d.present |= d.f | d.off
		}
		stack = append(stack, d)
	}
	o.buf = appendSpaced(o.buf, s[pos:])
	if runEnd == len(o.buf) && runEnd > 0 {
		o.qpos, o.qend = runStart, runEnd
	}
}
