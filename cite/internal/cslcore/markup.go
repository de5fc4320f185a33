package cslcore

import "unicode/utf8"

// Kind is a tag of inline markup.
type Kind uint8

// The tags of inline markup citeproc-js reads; the opening tags come
// first (Kind.Opening).
const (
	None    Kind = iota
	I            // <i>
	B            // <b>
	SC           // <sc>
	Sup          // <sup>
	Sub          // <sub>
	SCSpan       // <span style="font-variant:small-caps;">
	Nocase       // <span class="nocase">
	Nodecor      // <span class="nodecor">
	IEnd         // </i>
	BEnd         // </b>
	SCEnd        // </sc>
	SupEnd       // </sup>
	SubEnd       // </sub>
	SpanEnd      // </span>
)

// markupTags are the tags citeproc-js reads, with the small-caps span
// spelled with and without a space.
var markupTags = [...]struct {
	s string
	k Kind
}{
	{"<i>", I}, {"</i>", IEnd}, {"<b>", B}, {"</b>", BEnd},
	{"<sc>", SC}, {"</sc>", SCEnd}, {"<sup>", Sup}, {"</sup>", SupEnd},
	{"<sub>", Sub}, {"</sub>", SubEnd},
	{`<span class="nocase">`, Nocase}, {`<span class="nodecor">`, Nodecor},
	{`<span style="font-variant:small-caps;">`, SCSpan},
	{`<span style="font-variant: small-caps;">`, SCSpan},
	{"</span>", SpanEnd},
}

// TagAt returns the markup tag that starts at s[i] and its length in
// bytes, or None.
func TagAt[S ~string | ~[]byte](s S, i int) (Kind, int) {
	if i >= len(s) || s[i] != '<' {
		return None, 0
	}
	for _, t := range markupTags {
		if len(s)-i >= len(t.s) && string(s[i:i+len(t.s)]) == t.s {
			return t.k, len(t.s)
		}
	}
	return None, 0
}

// Opening reports whether k is an opening tag.
func (k Kind) Opening() bool { return k != None && k < IEnd }

// Closer returns the tag that closes an opening tag (None for others).
func (k Kind) Closer() Kind {
	switch k {
	case I:
		return IEnd
	case B:
		return BEnd
	case SC:
		return SCEnd
	case Sup:
		return SupEnd
	case Sub:
		return SubEnd
	case SCSpan, Nocase, Nodecor:
		return SpanEnd
	}
	return None
}

// CaseProtected reports whether title case leaves the text inside the
// tag alone (citeproc-js: small caps, superscripts, subscripts, nocase
// and nodecor spans).
func (k Kind) CaseProtected() bool {
	switch k {
	case SC, Sup, Sub, SCSpan, Nocase, Nodecor:
		return true
	}
	return false
}

// Tag is a tag of a field's text: markup or a quotation mark, as Scan
// finds it and Pair resolves it.
type Tag struct {
	// Start and End are its bytes (an opening straight single quote's
	// white space excluded, see WS).
	Start, End int32
	// WS is where the white space before a straight single quote starts:
	// citeproc-js writes it as one space. WS == Start for other tags.
	WS   int32
	Kind Kind // the markup tag; None for a quotation mark
	// Quote is the quotation mark: '"' and '\'' straight, 'D' and 'S'
	// curly double and single; 0 for markup.
	Quote byte
	Open  bool // an opening tag
	// Paren marks an opening straight quote after "(", Forced one that
	// opens because it follows another opening tag.
	Paren, Forced bool
	// Keep is true for a tag that Pair has paired: markup or a quote to
	// format. A tag not kept is text: Lit, or its own bytes when Lit is
	// "", unless Drop.
	Keep bool
	// Drop marks the tags of a matched nocase span: written as nothing
	// (the case their span protects is done by then).
	Drop bool
	// Lit is written in place of a tag not kept ("" = its own text).
	Lit string
}

// Closes reports whether c closes the opening tag o.
func (o *Tag) Closes(c *Tag) bool {
	if o.Quote != 0 {
		return c.Quote == o.Quote
	}
	return c.Quote == 0 && o.Kind.Closer() == c.Kind
}

// Romanesque reports whether r is one of citeproc-js's "romanesque"
// characters (letters of the Latin, Greek, Cyrillic, Hebrew, Arabic and
// Thai scripts, digits and the hyphen), between which ’ is an apostrophe.
func Romanesque(r rune) bool {
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

// IsJSSpace reports whether r is white space for JavaScript's \s.
func IsJSSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// RuneAt decodes the rune at s[i] (utf8.RuneError at the end), without
// converting s.
func RuneAt[S ~string | ~[]byte](s S, i int) rune {
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

// RuneBefore decodes the rune before s[i] (utf8.RuneError at the start),
// without converting s.
func RuneBefore[S ~string | ~[]byte](s S, i int) rune {
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

// QuoteAt returns the curly quotation mark that starts at s[i] and its
// length in bytes; for any other byte, 0 and 1.
func QuoteAt[S ~string | ~[]byte](s S, i int) (rune, int) {
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 {
		// U+2018, U+2019, U+201C, U+201D are E2 80 98, 99, 9C, 9D
		switch s[i+2] {
		case 0x98:
			return '‘', 3
		case 0x99:
			return '’', 3
		case 0x9C:
			return '“', 3
		case 0x9D:
			return '”', 3
		}
	}
	return 0, 1
}

// HasMarkupBytes reports whether s may hold markup, a quotation mark or
// an apostrophe (curly marks start with 0xE2), guillemets (0xC2) or a
// space before ":", ";", "?" or "!": false means that Scan finds no tag
// and AppendSpaced copies s as it is.
func HasMarkupBytes[S ~string | ~[]byte](s S) bool {
	for i := 0; i < len(s); i++ {
		if t := markupByte[s[i]]; t != 0 {
			if t == 1 {
				return true
			}
			if i+1 < len(s) && (s[i+1] == ':' || s[i+1] == ';' || s[i+1] == '?' || s[i+1] == '!') {
				return true
			}
		}
	}
	return false
}

// markupByte is HasMarkupBytes's table (one load a byte, not a switch):
// 1 for a byte that may start markup or a quotation mark, 2 for a space.
// Read only.
var markupByte = [256]uint8{'<': 1, '\'': 1, '"': 1, 0xE2: 1, 0xC2: 1, ' ': 2}

// AppendSpaced appends text as citeproc-js appends it: a space before
// ":", ";", "?", "!" or "»", and after "«", becomes a narrow no-break
// space (U+202F).
func AppendSpaced[S ~string | ~[]byte](b []byte, s S) []byte {
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

// Scan appends the tags of s to tags as citeproc-js's flip-flopper finds
// them: markup tags, a straight quote after a space, "(" or at the start
// opens, any other closes; ’ between two romanesque characters is an
// apostrophe, not a tag; a straight quote right after an opening tag
// opens. Pair then resolves them.
func Scan[S ~string | ~[]byte](s S, tags []Tag) []Tag {
	first := len(tags)
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '<':
			if k, n := TagAt(s, i); k != None {
				tags = append(tags, Tag{Start: int32(i), End: int32(i + n), WS: int32(i), Kind: k, Open: k.Opening(), Keep: true})
				i += n
				continue
			}
		case '"', '\'':
			t := Tag{Start: int32(i), End: int32(i + 1), Quote: c, Keep: true, WS: int32(i)}
			if c == '\'' {
				// citeproc-js writes white space before a straight
				// single quote as one space
				for j := i; j > 0; {
					r := RuneBefore(s, j)
					if !IsJSSpace(r) {
						break
					}
					j -= utf8.RuneLen(r)
					t.WS = int32(j)
				}
			}
			t.Open = i == 0 || s[i-1] == ' ' || s[i-1] == '(' || t.WS < int32(i)
			t.Paren = t.Open && i > 0 && s[i-1] == '('
			tags = append(tags, t)
		case 0xE2:
			r, n := QuoteAt(s, i)
			t := Tag{Start: int32(i), End: int32(i + n), WS: int32(i), Keep: true}
			switch r {
			case '“':
				t.Quote, t.Open = 'D', true
			case '”':
				t.Quote = 'D'
			case '‘':
				t.Quote, t.Open = 'S', true
			case '’':
				if Romanesque(RuneBefore(s, i)) && Romanesque(RuneAt(s, i+n)) {
					break
				}
				t.Quote = 'S'
			}
			if t.Quote != 0 {
				tags = append(tags, t)
			}
			i += n
			continue
		}
		i++
	}
	// a straight quote right after an opening tag opens
	for k := first; k+1 < len(tags); k++ {
		t, n := &tags[k], &tags[k+1]
		if t.Open && n.Start == t.End && (n.Quote == '"' || n.Quote == '\'') && !n.Open {
			n.Open, n.Forced = true, true
		}
	}
	return tags
}

// Pair pairs the tags that Scan found in s as citeproc-js does: a closing
// tag closes the innermost open tag if it matches, else it unwinds the
// open tags, which become text, until one matches; a straight single
// quote that closes nothing, or that a word follows, is an apostrophe;
// tags left open become text; the tags of a matched nocase span are
// marked Drop.
func Pair[S ~string | ~[]byte](s S, tags []Tag) {
	var stackBuf [16]int
	stack := stackBuf[:0]
	for i := range tags {
		t := &tags[i]
		next := len(s)
		if i+1 < len(tags) {
			next = int(tags[i+1].Start)
		}
		if t.Quote == '\'' && int(t.End) < next {
			c := s[t.End]
			if !t.Open && c != ',' && c != '.' && c != '?' && c != ':' && c != ';' && c != ' ' ||
				t.Open && c == ' ' {
				t.Keep, t.Lit = false, "’"
				continue
			}
		}
		if t.Open {
			stack = append(stack, i)
			continue
		}
		for {
			if n := len(stack); n > 0 && tags[stack[n-1]].Closes(t) {
				o := &tags[stack[n-1]]
				stack = stack[:n-1]
				if o.Kind == Nocase {
					o.Keep, t.Keep, o.Drop, t.Drop = false, false, true, true
				}
				break
			}
			if t.Quote == '\'' {
				t.Keep, t.Lit = false, "’"
				break
			}
			if len(stack) == 0 {
				t.Keep = false
				break
			}
			tags[stack[len(stack)-1]].Keep = false
			stack = stack[:len(stack)-1]
		}
	}
	for _, k := range stack {
		t := &tags[k]
		t.Keep = false
		switch {
		case t.Quote == '\'' && t.Forced:
			t.Lit = " ’"
		case t.Quote == '\'' && !t.Paren:
			t.Lit = "’"
		case t.Quote == '"' && t.Forced:
			t.Lit = ` "` // the space citeproc-js gave it to open
		}
	}
}

// OuterStraight returns the straight quotation mark that a field's first
// kept straight quote makes the outer (double) one: '"' unless a single
// straight quote opens first. The other form is the inner one.
func OuterStraight(tags []Tag) byte {
	for i := range tags {
		if t := &tags[i]; t.Keep && t.Open && (t.Quote == '"' || t.Quote == '\'') {
			return t.Quote
		}
	}
	return '"'
}

// AppendGuillemetSpaced is AppendSpaced for the spaces inside guillemets
// alone (« and »), as citeproc-js writes a cite's prefix and suffix.
func AppendGuillemetSpaced[S ~string | ~[]byte](b []byte, s S) []byte {
	start := 0
	for i := 0; i+2 < len(s); i++ {
		switch {
		case s[i] == ' ' && s[i+1] == 0xC2 && s[i+2] == 0xBB:
			b = append(b, s[start:i]...)
			b = append(b, "\u202f"...)
			start = i + 1
		case s[i] == 0xC2 && s[i+1] == 0xAB && s[i+2] == ' ':
			b = append(b, s[start:i+2]...)
			b = append(b, "\u202f"...)
			start = i + 3
			i += 2
		}
	}
	return append(b, s[start:]...)
}
