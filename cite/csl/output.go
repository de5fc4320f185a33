package csl

import (
	"strings"

	"golang.org/x/text/unicode/norm"
	"unicode/utf8"
)

// onode is a node of rendered output: a leaf of text or a list of
// children, with the affixes, delimiter, formatting, quotes and display of
// the element that made it.
type onode struct {
	text    string
	kids    []*onode
	fm      *formatting
	prefix  string
	suffix  string
	delim   string
	display string
	// tag marks the year-suffix, citation-number, implicit-nocase and
	// affix-quote nodes
	tag    uint8
	quotes bool
	single bool // quotes from single quotation marks in the input
	nocase bool // text-case leaves it alone
	// isNames marks output of a cs:names element (for subsequent-author-substitute)
	isNames bool
	// memo caches empty(): 0 unknown, 1 empty, 2 not empty
	memo int8
}

// onode tags
const (
	tagNone uint8 = iota
	tagYearSuffix
	tagCitationNumber
	tagImplicitNocase
	tagAffix
)

func leaf(s string) *onode { return &onode{text: s} }

// arena hands out the output nodes and child lists of a processor's
// renders in chunks: a render makes dozens of small nodes, and they live
// as long as the rendered output that holds them. A processor is not
// safe for concurrent use, nor is its arena.
type arena struct {
	nodes []onode
	ptrs  []*onode
}

const (
	arenaMinChunk = 32
	arenaMaxChunk = 64
)

func nextChunk(c int) int {
	c *= 2
	if c < arenaMinChunk {
		return arenaMinChunk
	}
	if c > arenaMaxChunk {
		return arenaMaxChunk
	}
	return c
}

// on returns a node with the value v, from the arena when there is one.
func (c *ctx) on(v onode) *onode {
	a := c.ar
	if a == nil {
		n := new(onode)
		*n = v
		return n
	}
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]onode, 0, nextChunk(cap(a.nodes)))
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	n := &a.nodes[len(a.nodes)-1]
	*n = v
	return n
}

// leaf returns a text node.
func (c *ctx) leaf(s string) *onode { return c.on(onode{text: s}) }

// room returns an empty child list with capacity n: appending beyond it
// reallocates rather than overwrite a neighbour.
func (c *ctx) room(n int) []*onode {
	a := c.ar
	if a == nil {
		return make([]*onode, 0, n)
	}
	if cap(a.ptrs)-len(a.ptrs) < n {
		k := nextChunk(cap(a.ptrs))
		if k < n {
			k = n
		}
		a.ptrs = make([]*onode, 0, k)
	}
	l := len(a.ptrs)
	a.ptrs = a.ptrs[:l+n]
	return a.ptrs[l : l : l+n]
}

// kids returns a child list of the nodes.
func (c *ctx) kids(ns ...*onode) []*onode {
	return append(c.room(len(ns)), ns...)
}

func (n *onode) empty() bool {
	if n == nil {
		return true
	}
	if n.text != "" {
		return false
	}
	switch n.memo {
	case 1:
		return true
	case 2:
		return false
	}
	e := true
	for _, k := range n.kids {
		if !k.empty() {
			e = false
			break
		}
	}
	if e {
		n.memo = 1
	} else {
		n.memo = 2
	}
	return e
}

type tkind uint8

const (
	tText tkind = iota
	tOpen
	tClose
	tOpenQ
	tCloseQ
	tOpenDiv
	tCloseDiv
)

type tok struct {
	k  tkind
	s  string
	fm *formatting
}

// builder flattens output nodes into tokens, joining punctuation the way
// citeproc-js does.
type builder struct {
	toks         []tok
	punctInQuote bool
}

// punctJoin is how citeproc-js joins two different punctuation marks
// (rows and columns ! ? . : , ;); read only.
var punctJoin = [6][6]string{
	{"", "!?", "!", "!", "!,", "!;"},
	{"?!", "", "?", "?", "?,", "?;"},
	{".!", ".?", "", ".:", ".,", ".;"},
	{"!", "?", ":", "", ":,", ":;"},
	{",!", ",?", ",.", ",:", "", ",;"},
	{"!", "?", ";", ";", ";,", ""},
}

func punctIdx(b byte) int {
	switch b {
	case '!':
		return 0
	case '?':
		return 1
	case '.':
		return 2
	case ':':
		return 3
	case ',':
		return 4
	case ';':
		return 5
	}
	return -1
}

// punctMerge returns the join of two different punctuation marks.
func punctMerge(a, b byte) (string, bool) {
	ia, ib := punctIdx(a), punctIdx(b)
	if ia < 0 || ib < 0 || ia == ib {
		return "", false
	}
	return punctJoin[ia][ib], true
}

func isPunct(b byte) bool { return punctIdx(b) >= 0 }

func (b *builder) lastText() int {
	for i := len(b.toks) - 1; i >= 0; i-- {
		switch b.toks[i].k {
		case tText:
			if b.toks[i].s != "" {
				return i
			}
		case tClose, tCloseDiv:
		default:
			return -1
		}
	}
	return -1
}

func (b *builder) write(s string) {
	if s == "" {
		return
	}
	// punctuation after closing quotes moves inside them
	if b.punctInQuote && (s[0] == '.' || s[0] == ',' || s[0] == '!' || s[0] == '?') {
		q := -1
		for i := len(b.toks) - 1; i >= 0; i-- {
			if b.toks[i].k == tClose {
				continue
			}
			if b.toks[i].k == tCloseQ && b.toks[i].s != "affix" && b.quoteDepth(i)%2 == 1 {
				q = i
			}
			break
		}
		if q >= 0 {
			// find text before q
			p := s[:1]
			rest := s[1:]
			j := -1
			for i := q - 1; i >= 0; i-- {
				if b.toks[i].k == tText && b.toks[i].s != "" {
					j = i
					break
				}
				if b.toks[i].k == tClose || b.toks[i].k == tCloseQ {
					continue
				}
				break
			}
			merged := false
			if j >= 0 {
				t := b.toks[j].s
				c := t[len(t)-1]
				if isPunct(c) {
					if c == p[0] {
						merged = true
					} else if m, ok := punctMerge(c, p[0]); ok {
						b.toks[j].s = t[:len(t)-1] + m
						merged = true
					}
				}
			}
			if !merged {
				// insert the punctuation just before the closing quote run
				ins := q
				for ins > 0 && b.toks[ins-1].k == tCloseQ {
					ins--
				}
				b.toks = append(b.toks, tok{})
				copy(b.toks[ins+1:], b.toks[ins:])
				b.toks[ins] = tok{k: tText, s: p}
			}
			s = rest
			if s == "" {
				return
			}
		}
	}
	// punctuation that ends a quotation absorbs punctuation after the
	// closing quote that it makes redundant ("!”" + ":" is "!”")
	if isPunct(s[0]) {
		for i := len(b.toks) - 1; i >= 0; i-- {
			if b.toks[i].k == tClose {
				continue
			}
			if b.toks[i].k == tCloseQ {
				for j := i - 1; j >= 0; j-- {
					if b.toks[j].k == tText && b.toks[j].s != "" {
						t := b.toks[j].s
						c1 := t[len(t)-1]
						if isPunct(c1) && (c1 == s[0] || first(punctMerge(c1, s[0])) == string(c1)) {
							s = s[1:]
						}
						break
					}
					if b.toks[j].k != tClose && b.toks[j].k != tCloseQ {
						break
					}
				}
			}
			break
		}
		if s == "" {
			return
		}
	}
	if j := b.lastText(); j >= 0 {
		t := b.toks[j].s
		c1 := t[len(t)-1]
		c2 := s[0]
		if isPunct(c1) && isPunct(c2) {
			if c1 == c2 {
				s = s[1:]
			} else if m, ok := punctMerge(c1, c2); ok {
				switch {
				case m == string(c1):
					s = s[1:]
				case m == string(c2):
					if len(t) == 1 && b.punctInQuote && strings.IndexByte(".,!?", c2) >= 0 && j > 0 && b.toks[j-1].k == tCloseQ && b.toks[j-1].s != "affix" {
						// ":" after a closing quote gave way to "!":
						// the "!" goes inside the quote
						b.toks = append(b.toks[:j], b.toks[j+1:]...)
						b.write(s)
						return
					}
					b.toks[j].s = t[:len(t)-1] + m
					s = s[1:]
				}
			}
		} else if c1 == ' ' && c2 == ' ' {
			s = s[1:]
		}
		if s == "" {
			return
		}
	}
	b.toks = append(b.toks, tok{k: tText, s: s})
}

func (b *builder) node(n *onode) {
	if n.empty() {
		return
	}
	if n.display != "" {
		b.toks = append(b.toks, tok{k: tOpenDiv, s: n.display})
	}
	b.write(n.prefix)
	if !n.fm.zero() {
		b.toks = append(b.toks, tok{k: tOpen, fm: n.fm})
	}
	if n.quotes {
		b.toks = append(b.toks, tok{k: tOpenQ, s: quoteKind(n.single, n.tag)})
	}
	if n.text != "" {
		b.write(n.text)
	}
	first := true
	for _, k := range n.kids {
		if k.empty() {
			continue
		}
		if !first {
			b.write(n.delim)
		}
		first = false
		b.node(k)
	}
	if n.quotes {
		b.toks = append(b.toks, tok{k: tCloseQ, s: quoteKind(n.single, n.tag)})
	}
	if !n.fm.zero() {
		b.toks = append(b.toks, tok{k: tClose, fm: n.fm})
	}
	b.write(n.suffix)
	if n.display != "" {
		b.toks = append(b.toks, tok{k: tCloseDiv})
	}
}

// Format is an output format.
type Format int

// The output formats.
const (
	// HTML is citeproc-js's "html" output.
	HTML Format = iota
	// Text is plain text.
	Text
	// Markdown is CommonMark with *italics* and **bold**.
	Markdown
)

type quoteTerms struct{ open, close, openIn, closeIn string }

// serialize writes tokens as the format's markup.
func serialize(toks []tok, f Format, q quoteTerms) string {
	var sb strings.Builder
	type st struct {
		italic, bold, sc bool
	}
	var stack []string
	var fstack []st
	cur := st{}
	var qstack []bool
	var divs []string
	for _, t := range toks {
		switch t.k {
		case tText:
			s := t.s
			if f == HTML {
				s = superscripts(escapeHTML(doubleSpaces(s)))
			} else if f == Markdown {
				s = escapeMD(s)
			}
			sb.WriteString(s)
		case tOpen:
			fstack = append(fstack, cur)
			var closeStr strings.Builder
			var open strings.Builder
			fm := t.fm
			add := func(o, c string) {
				open.WriteString(o)
				// closing in reverse
				cs := c + closeStr.String()
				closeStr.Reset()
				closeStr.WriteString(cs)
			}
			if f == HTML {
				for i := len(fm.ord) - 1; i >= 0; i-- {
					switch fm.ord[i] {
					case 's':
						switch fm.fontStyle {
						case "italic", "oblique":
							if cur.italic {
								add(`<span style="font-style:normal;">`, "</span>")
								cur.italic = false
							} else {
								if fm.fontStyle == "oblique" {
									add(`<span style="font-style:oblique;">`, "</span>")
								} else {
									add("<i>", "</i>")
								}
								cur.italic = true
							}
						case "normal":
							if cur.italic {
								add(`<span style="font-style:normal;">`, "</span>")
								cur.italic = false
							}
						}
					case 'v':
						switch fm.fontVariant {
						case "small-caps":
							if cur.sc {
								add(`<span style="font-variant:normal;">`, "</span>")
								cur.sc = false
							} else {
								add(`<span style="font-variant:small-caps;">`, "</span>")
								cur.sc = true
							}
						case "normal":
							if cur.sc {
								add(`<span style="font-variant:normal;">`, "</span>")
								cur.sc = false
							}
						}
					case 'w':
						switch fm.fontWeight {
						case "bold":
							if cur.bold {
								add(`<span style="font-weight:normal;">`, "</span>")
								cur.bold = false
							} else {
								add("<b>", "</b>")
								cur.bold = true
							}
						case "normal":
							if cur.bold {
								add(`<span style="font-weight:normal;">`, "</span>")
								cur.bold = false
							}
						case "light":
							add(`<span style="font-weight:light;">`, "</span>")
						}
					case 'd':
						switch fm.textDecoration {
						case "underline":
							add(`<span style="text-decoration:underline;">`, "</span>")
						case "none":
							add(`<span style="text-decoration:none;">`, "</span>")
						}
					case 'a':
						switch fm.verticalAlign {
						case "sup":
							add("<sup>", "</sup>")
						case "sub":
							add("<sub>", "</sub>")
						case "baseline":
							add(`<span style="baseline">`, "</span>")
						}
					case 'n':
						if cur.italic {
							add(`<span style="font-style:normal;">`, "</span>")
							cur.italic = false
						}
						if cur.sc {
							add(`<span style="font-variant:normal;">`, "</span>")
							cur.sc = false
						}
						if cur.bold {
							add(`<span style="font-weight:normal;">`, "</span>")
							cur.bold = false
						}
					}
				}
			} else if f == Markdown {
				switch fm.fontStyle {
				case "italic", "oblique":
					add("*", "*")
				}
				if fm.fontWeight == "bold" {
					add("**", "**")
				}
			}
			sb.WriteString(open.String())
			stack = append(stack, closeStr.String())
		case tClose:
			if len(stack) > 0 {
				sb.WriteString(stack[len(stack)-1])
				stack = stack[:len(stack)-1]
				cur = fstack[len(fstack)-1]
				fstack = fstack[:len(fstack)-1]
			}
		case tOpenQ:
			// quotes alternate: outer, inner, outer, ...; quotes typed
			// outside any other keep their own form (‘x’ stays single)
			single := t.s == "'"
			if len(qstack) > 0 {
				single = !qstack[len(qstack)-1]
			}
			qstack = append(qstack, single)
			if single {
				sb.WriteString(esc(q.openIn, f))
			} else {
				sb.WriteString(esc(q.open, f))
			}
		case tCloseQ:
			single := false
			if len(qstack) > 0 {
				single = qstack[len(qstack)-1]
				qstack = qstack[:len(qstack)-1]
			}
			if single {
				sb.WriteString(esc(q.closeIn, f))
			} else {
				sb.WriteString(esc(q.close, f))
			}
		case tOpenDiv:
			divs = append(divs, t.s)
			if f == HTML {
				switch t.s {
				case "block":
					sb.WriteString("\n\n    ")
				case "left-margin":
					sb.WriteString("\n    ")
				}
				sb.WriteString(`<div class="csl-` + t.s + `">`)
			}
		case tCloseDiv:
			d := ""
			if len(divs) > 0 {
				d = divs[len(divs)-1]
				divs = divs[:len(divs)-1]
			}
			if f != HTML && d == "left-margin" {
				sb.WriteString(" ")
			}
			if f == HTML {
				trail := ""
				if d == "right-inline" {
					cur := sb.String()
					trimmed := strings.TrimRight(cur, " ")
					if len(trimmed) < len(cur) {
						trail = cur[len(trimmed):]
						sb.Reset()
						sb.WriteString(trimmed)
					}
				}
				sb.WriteString("</div>")
				switch d {
				case "block":
					sb.WriteString("\n")
				case "right-inline", "indent":
					sb.WriteString("\n  ")
				}
				sb.WriteString(trail)
			}
		}
	}
	return sb.String()
}

func esc(s string, f Format) string {
	if f == HTML {
		return escapeHTML(s)
	}
	return s
}

func escapeHTML(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			sb.WriteString("&#38;")
		case '<':
			sb.WriteString("&#60;")
		case '>':
			sb.WriteString("&#62;")
		default:
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}

// doubleSpaces writes two white spaces as a no-break space and a space,
// as citeproc-js's HTML format does.
func doubleSpaces(s string) string {
	prev := false
	found := false
	for _, r := range s {
		sp := jsSpace(r)
		if sp && prev {
			found = true
			break
		}
		prev = sp
	}
	if !found {
		return s
	}
	var sb strings.Builder
	var pending rune = -1
	for _, r := range s {
		sp := jsSpace(r)
		switch {
		case pending >= 0 && sp:
			sb.WriteString("\u00a0 ")
			pending = -1
		case pending >= 0:
			sb.WriteRune(pending)
			pending = -1
			sb.WriteRune(r)
		case sp:
			pending = r
		default:
			sb.WriteRune(r)
		}
	}
	if pending >= 0 {
		sb.WriteRune(pending)
	}
	return sb.String()
}

// jsSpace reports whether r is white space for JavaScript's \s.
func jsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

func escapeMD(s string) string {
	if !strings.ContainsAny(s, "*_\\`[]") {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '*', '_', '\\', '`', '[', ']':
			sb.WriteByte('\\')
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// plainText returns a node's text without markup (used for sorting and
// disambiguation comparisons).
func plainText(n *onode) string {
	if n.empty() {
		return ""
	}
	if len(n.kids) == 0 {
		// a leaf: no copy when the affixes are empty
		return n.prefix + n.text + n.suffix
	}
	var buf [256]byte
	return string(appendPlain(buf[:0], n))
}

func appendPlain(b []byte, n *onode) []byte {
	if n.empty() {
		return b
	}
	b = append(b, n.prefix...)
	b = append(b, n.text...)
	first := true
	for _, k := range n.kids {
		if k.empty() {
			continue
		}
		if !first {
			b = append(b, n.delim...)
		}
		first = false
		b = appendPlain(b, k)
	}
	return append(b, n.suffix...)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// superscriptRunes are the superscript characters citeproc-js writes as
// <sup> of their base character.
var superscriptRunes = map[rune]string{0x02C0: "ʔ", 0x02C1: "ʕ", 0x06E5: "و", 0x06E6: "ي"}

func isSuperscript(r rune) bool {
	switch {
	case r == 0xAA || r == 0xB2 || r == 0xB3 || r == 0xB9 || r == 0xBA:
		return true
	case r >= 0x02B0 && r <= 0x02B8, r >= 0x02E0 && r <= 0x02E4, r == 0x02C0, r == 0x02C1:
		return true
	case r >= 0x1D2C && r <= 0x1D61 && r != 0x1D2F && r != 0x1D3B && r != 0x1D4E:
		return true
	case r == 0x2070 || r == 0x2071 || (r >= 0x2074 && r <= 0x207F):
		return true
	case r == 0x2120 || r == 0x2122:
		return true
	case r >= 0x3192 && r <= 0x319F:
		return true
	case r == 0x06E5 || r == 0x06E6:
		return true
	}
	return false
}

func superscripts(s string) string {
	has := false
	for _, r := range s {
		if r >= 0xAA && isSuperscript(r) {
			has = true
			break
		}
	}
	if !has {
		return s
	}
	var sb strings.Builder
	for _, r := range s {
		if r >= 0xAA && isSuperscript(r) {
			base, ok := superscriptRunes[r]
			if !ok {
				base = norm.NFKD.String(string(r))
			}
			sb.WriteString("<sup>" + base + "</sup>")
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func quoteKind(single bool, tag uint8) string {
	if tag == tagAffix {
		// quotes typed in a cite's affix: punctuation stays where typed
		return "affix"
	}
	if single {
		return "'"
	}
	return `"`
}

// quoteDepth is the nesting depth (1 for the outermost) of the quote
// that the closing quote token at i closes.
func (b *builder) quoteDepth(i int) int {
	d := 0
	for _, t := range b.toks[:i] {
		switch t.k {
		case tOpenQ:
			d++
		case tCloseQ:
			d--
		}
	}
	return d
}
