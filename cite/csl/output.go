package csl

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// onode is a node of rendered output: a leaf of text or a list of
// children, with the affixes, delimiter, formatting, quotes and display of
// the element that made it.
type onode struct {
	// memo caches empty(): 0 unknown, 1 empty, 2 not empty
	memo int8
	// tag marks the year-suffix, citation-number, implicit-nocase and
	// affix-quote nodes
	tag    uint8
	quotes bool
	single bool // quotes from single quotation marks in the input
	// attrQuotes marks quotes from a style's quotes="true"
	attrQuotes bool
	nocase     bool // text-case leaves it alone
	// isNames marks output of a cs:names element (for subsequent-author-substitute)
	isNames bool
	// level marks output of a cs:group or a cs:text calling a macro,
	// whose affixes citeproc-js flips in nested parentheses of a note
	level bool
	// content marks the text of a cs:text's value, term or (not
	// numeric) variable: punctuation it starts with is written as it is
	// (builder.node)
	content bool
	text    string
	kids    []*onode
	fm      *formatting
	prefix  string
	suffix  string
	delim   string
	display string
}

// onode tags
const (
	tagNone uint8 = iota
	tagYearSuffix
	tagCitationNumber
	tagImplicitNocase
	tagAffix
	// tagName marks one personal name, whose spaces are written as they
	// are: citeproc-js keeps " John" and "de’ " + " " + "Alembert"
	tagName
	// tagNumber marks a number: the numeric value of a number variable,
	// which citeproc-js keeps apart from the punctuation after it
	// (builder.lastNum)
	tagNumber
	// tagNumVar marks the value of a number variable that is not
	// numeric: citeproc-js writes it, as a number, as a list of its
	// parts, so that migrate does not reach its text
	tagNumVar
	// tagMerged marks a list decorated in place of the element around
	// it (ctx.decorated): its children are that element's grandchildren
	tagMerged
	// tagLayout marks the node of a layout's formatting: citeproc-js's
	// flip-flop looks at it after every element's (serialize)
	tagLayout
)

func leaf(s string) *onode { return &onode{text: s} }

// arena hands out the output nodes and child lists of a processor's
// renders in chunks. The output tree is scratch of one call of the
// processor (Cite, CiteDocument, Bibliography): what it renders is
// flattened into tokens before the call returns, and the arena goes back
// to arenaPool for the next call, of this processor or another, with its
// chunks. A processor is not safe for concurrent use, nor is its arena.
type arena struct {
	chunks  [][]onode
	ci      int     // chunks[ci] is being filled
	nodes   []onode // chunks[ci][:used]
	pchunks [][]*onode
	pi      int
	ptrs    []*onode
	// ctxs are the rendering contexts of the call
	ctxs  [][]ctx
	xi    int
	xused int
	// sets are the variable sets of the call (newSet)
	sets     []map[string]bool
	setsUsed int
	// bld flattens the call's renders (Processor.rendered)
	bld builder
}

const arenaCtxChunk = 16

// newCtx returns a zero rendering context, from the arena when there is
// one.
func (a *arena) newCtx() *ctx {
	if a == nil {
		return new(ctx)
	}
	if a.xi < len(a.ctxs) && a.xused == arenaCtxChunk {
		a.xi++
		a.xused = 0
	}
	if a.xi == len(a.ctxs) {
		if len(a.ctxs) == maxPooledChunks {
			return new(ctx)
		}
		a.ctxs = append(a.ctxs, make([]ctx, arenaCtxChunk))
	}
	c := &a.ctxs[a.xi][a.xused]
	a.xused++
	*c = ctx{}
	return c
}

const (
	arenaChunk    = 64
	arenaPtrChunk = 256
)

// arenaPool recycles arenas between the calls of processors: a Processor
// takes one for the length of a call that renders, and gives it back.
var arenaPool = sync.Pool{New: func() any { return new(arena) }}

// reset makes the arena's chunks free for reuse. They are not cleared:
// on and room overwrite what they hand out, and a pooled arena's stale
// nodes go with the pool at the next collections.
func (a *arena) reset() {
	a.ci, a.pi, a.xi, a.xused, a.setsUsed = 0, 0, 0, 0, 0
	if cap(a.bld.toks) > maxPooledToks {
		a.bld.toks = nil // not kept: a flattening of many thousand tokens
	}
	a.nodes, a.ptrs = nil, nil
	if len(a.chunks) > 0 {
		a.nodes = a.chunks[0][:0]
	}
	if len(a.pchunks) > 0 {
		a.ptrs = a.pchunks[0][:0]
	}
}

// arenaMark is a point of an arena's use (mark) to go back to (rewind).
type arenaMark struct {
	ci, pi, xi, xused, setsUsed int
	nodes                       []onode
	ptrs                        []*onode
}

// mark returns the arena's point of use (the zero mark for no arena).
func (a *arena) mark() arenaMark {
	if a == nil {
		return arenaMark{}
	}
	return arenaMark{a.ci, a.pi, a.xi, a.xused, a.setsUsed, a.nodes, a.ptrs}
}

// rewind frees what the arena handed out since a mark, for reuse: a
// render whose output has been flattened (Processor.rendered) is dead.
func (a *arena) rewind(m arenaMark) {
	if a == nil {
		return
	}
	a.ci, a.pi, a.xi, a.xused, a.setsUsed = m.ci, m.pi, m.xi, m.xused, m.setsUsed
	a.nodes, a.ptrs = m.nodes, m.ptrs
}

// maxPooledChunks bounds what a pooled arena keeps (a 1,000-entry
// bibliography makes thousands of nodes).
const maxPooledChunks = 64

// The constructors of nodes (leaf, list, formatted) clear the node's slot
// and then set its fields one by one: a node built as a composite literal
// is built on the stack and copied to its slot, and the copy's wide loads
// of fields just written by narrow stores stall the processor (about
// three times the cost of the node).

// list returns a node of children with a delimiter, from the arena when
// there is one.
func (c *ctx) list(delim string, kids []*onode) *onode {
	n := c.ar.slot()
	*n = onode{}
	n.delim, n.kids = delim, kids
	return n
}

// formatted returns a node of children with formatting, from the arena
// when there is one.
func (c *ctx) formatted(fm *formatting, kids []*onode) *onode {
	n := c.ar.slot()
	*n = onode{}
	n.fm, n.kids = fm, kids
	return n
}

// slot returns a node to set, from the arena when there is one.
func (a *arena) slot() *onode {
	if a == nil {
		return new(onode)
	}
	if len(a.nodes) == cap(a.nodes) {
		if a.nodes != nil {
			a.ci++
		}
		if a.ci < len(a.chunks) {
			a.nodes = a.chunks[a.ci][:0]
		} else {
			ch := make([]onode, arenaChunk)
			if len(a.chunks) < maxPooledChunks {
				a.chunks = append(a.chunks, ch)
			} else {
				a.ci-- // not kept: the next chunk is a fresh one too
			}
			a.nodes = ch[:0]
		}
	}
	a.nodes = a.nodes[:len(a.nodes)+1]
	return &a.nodes[len(a.nodes)-1]
}

// newSet returns an empty set of variable names (for the variables a
// substitution renders and suppresses), from the arena when there is
// one: the arena's sets are cleared and handed out again by later calls.
func (c *ctx) newSet() map[string]bool {
	a := c.ar
	if a == nil {
		return map[string]bool{}
	}
	if a.setsUsed < len(a.sets) {
		m := a.sets[a.setsUsed]
		a.setsUsed++
		clear(m)
		return m
	}
	m := map[string]bool{}
	if len(a.sets) < maxPooledSets {
		a.sets = append(a.sets, m)
		a.setsUsed++
	}
	return m
}

// maxPooledSets bounds the sets an arena keeps.
const maxPooledSets = 32

// leaf returns a text node.
func (c *ctx) leaf(s string) *onode { return c.ar.leaf(s) }

// leaf returns a text node, from the arena when there is one.
func (a *arena) leaf(s string) *onode {
	n := a.slot()
	*n = onode{}
	n.text = s
	return n
}

// room returns an empty child list with capacity n: appending beyond it
// reallocates rather than overwrite a neighbour.
func (c *ctx) room(n int) []*onode { return c.ar.room(n) }

// room returns an empty child list with capacity n, from the arena when
// there is one.
func (a *arena) room(n int) []*onode {
	if a == nil || n > arenaPtrChunk/4 {
		return make([]*onode, 0, n)
	}
	if cap(a.ptrs)-len(a.ptrs) < n {
		if a.ptrs != nil {
			a.pi++
		}
		if a.pi < len(a.pchunks) {
			a.ptrs = a.pchunks[a.pi][:0]
		} else {
			ch := make([]*onode, arenaPtrChunk)
			if len(a.pchunks) < maxPooledChunks {
				a.pchunks = append(a.pchunks, ch)
			} else {
				a.pi--
			}
			a.ptrs = ch[:0]
		}
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
	if n.text != "" || n.memo == 2 {
		return false
	}
	return n.emptyKids()
}

// isNumber reports whether n is what citeproc-js takes for a number blob
// (blobIsNumber in CSL.Output.Queue.adjust): a citation number (a
// number blob, alone or as the one child of a group's), or a number
// variable's element (a level whose one child is the number blob; not
// in a group or macro call: a level more) whose value is an integer
// (outputNumericField makes a number blob of "12", not of "4th" or "012";
// an integer written as an ordinal or in roman numerals is taken for
// text here).
func (n *onode) isNumber() bool {
	if n.text == "" {
		return false
	}
	if n.tag == tagCitationNumber {
		return true
	}
	if n.tag != tagNumber || n.level || n.text[0] == '0' {
		return false
	}
	for i := 0; i < len(n.text); i++ {
		if n.text[i] < '0' || n.text[i] > '9' {
			return false
		}
	}
	return true
}

// emptyKids is empty for a node without text: whether no child has any.
func (n *onode) emptyKids() bool {
	if n.memo == 1 {
		return true
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

// The values of a property that flip-flops (serialize).
const (
	flipOn     int8 = 1 // italic, bold, small caps
	flipNormal int8 = 2
)

// ownClose is the s of a tClose token that ends the formatting of an
// element with quotes; encodeToks writes its kind with tokFlag set.
const ownClose = "q"

type tok struct {
	k tkind
	// content marks the text of a cs:text's value, term or field (not
	// kept by encodeToks): a space it ends with is not merged with the
	// space of an affix or delimiter after it
	content bool
	// after marks a tCloseDiv that text follows (tokReader)
	after bool
	s     string
	fm    *formatting
}

// builder flattens output nodes into tokens, joining punctuation the way
// citeproc-js does.
type builder struct {
	toks         []tok
	punctInQuote bool
	// keepSpaces is set inside a personal name (tagName): two spaces
	// where its pieces meet are kept
	keepSpaces bool
	// afterDelim is set by a delimiter and cleared by the next write:
	// citeproc-js never merges a delimiter with the punctuation that
	// starts the element after it (";" + ":14" is ";:14"), it only drops
	// the element's first character when it repeats the delimiter's last
	afterDelim bool
	// raw is set between an element with formatting and its next
	// sibling without a delimiter: citeproc-js merges no punctuation of
	// a decorated element with a sibling's (raw), and keeps only
	// repeated marks apart from a decorated sibling (afterDelim)
	raw bool
	// leadCut is the node whose prefix loses its first character, moved
	// to the sibling before it (leadLeft)
	leadCut *onode
	// display is set where the style has display attributes (leadLeft
	// has nothing to do without)
	display bool
	// lastNum tells whether the last text written is a number
	// (tagNumber): an element written ends with a number
	lastNum bool
	// moved are the leaves that take a parent's suffix or delimiter
	// punctuation at the end of their text (migrate)
	moved []movedPunct
	// leadRaw tells that the prefix leadCut cuts is written as it is
	// (dupSuffix)
	leadRaw bool
	// quotedSuffix is the style's: only then can punctuation go into a
	// quoted field before its suffix (migrate)
	quotedSuffix bool
	// prefixEnd is len(toks) after the last prefix written
	prefixEnd int
	// sibs are the children of the node whose child node writes next
	// (nil for the top), sibDelim tells that they have a delimiter and
	// sibPlain that their parent has no formatting or quotes: node reads
	// and clears them (dupSuffix). (Not the parent itself: a pointer
	// kept here would make every node escape.)
	sibs               []*onode
	sibDelim, sibPlain bool
	// afterPrefix is set by an element's prefix and cleared by the next
	// write: a no-break space that starts a first child's prefix is
	// kept after one that ends its parent's
	afterPrefix bool
	// numberSpace is set between a number or quoted element whose suffix
	// ends with a space and its next sibling, and cleared by the next
	// write: that space is not joined with one that starts the sibling
	numberSpace bool
	// enc is scratch of encodeToks
	enc []byte
}

// encodeToks appends the compact encoding of tokens to dst, the form in
// which a Rendered keeps its output (one allocation of about the size of
// its text); tokReader reads it back. Per token: a byte of its kind
// (kindMask) with flags, then for text its length and bytes, for
// formatting its properties (fmCodes: four bytes where every value is one
// citeproc-js knows, else the strings), for a display its name. Text
// tokens in a row are written as one where the join changes nothing that
// serialize writes (no two white-space characters meet: doubleSpaces),
// and empty ones not at all.
func encodeToks(dst []byte, toks []tok) []byte {
	str := func(dst []byte, s string) []byte {
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		return append(dst, s...)
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		switch t.k {
		case tText:
			if t.s == "" {
				continue
			}
			// the run of text tokens that join
			n, j := len(t.s), i+1
			last := t.s
			for ; j < len(toks) && toks[j].k == tText; j++ {
				u := toks[j].s
				if u == "" {
					continue
				}
				if spaceStart(u) && spaceEnd(last) {
					break
				}
				n += len(u)
				last = u
			}
			dst = append(dst, byte(tText))
			dst = binary.AppendUvarint(dst, uint64(n))
			for k := i; k < j; k++ {
				dst = append(dst, toks[k].s...)
			}
			i = j - 1
		case tOpen:
			f := t.fm
			if f == nil {
				f = &formatting{}
			}
			if code, ok := fmCodes(f, t.s); ok {
				dst = append(dst, byte(tOpen), code[0], code[1], code[2], code[3])
				continue
			}
			dst = append(dst, byte(tOpen)|tokFlag)
			dst = str(dst, t.s)
			dst = str(dst, f.fontStyle)
			dst = str(dst, f.fontVariant)
			dst = str(dst, f.fontWeight)
			dst = str(dst, f.textDecoration)
			dst = str(dst, f.verticalAlign)
			dst = str(dst, f.ord)
			var attr byte
			if f.attr {
				attr = 1
			}
			dst = append(dst, attr)
		case tClose:
			if t.s == ownClose {
				dst = append(dst, byte(tClose)|tokFlag)
			} else {
				dst = append(dst, byte(tClose))
			}
		case tOpenQ, tCloseQ:
			var q byte
			switch t.s {
			case "'":
				q = 1
			case "affix":
				q = 2
			case "attr":
				q = 3
			}
			dst = append(dst, byte(t.k)|q<<quoteShift)
		case tOpenDiv:
			dst = append(dst, byte(tOpenDiv))
			dst = str(dst, t.s)
		case tCloseDiv:
			if textAfter(toks[i+1:]) {
				dst = append(dst, byte(tCloseDiv)|tokFlag)
			} else {
				dst = append(dst, byte(tCloseDiv))
			}
		}
	}
	return dst
}

// spaceStart reports whether s (not empty) starts with white space
// (jsSpace), looking at its first byte where that tells.
func spaceStart(s string) bool {
	switch c := s[0]; {
	case c < utf8.RuneSelf:
		return c == ' ' || c >= '\t' && c <= '\r'
	case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF:
		// the lead bytes of the white space above ASCII
		return jsSpace(firstRune(s))
	}
	return false
}

// spaceEnd reports whether s (not empty) ends with white space (jsSpace).
func spaceEnd(s string) bool {
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r'
	}
	return jsSpace(lastRune(s))
}

// The kind byte of an encoded token: the kind in its low bits; the flag
// marks a formatting written as strings (tOpen), the end of a quoted
// element's formatting (tClose, ownClose) or a display followed by text
// (tCloseDiv); quotes carry their kind (quoteKinds) above quoteShift.
const (
	kindMask   = 0x0f
	quoteShift = 4
	tokFlag    = 0x80
)

// quoteKinds are the strings of the quote tokens, by their code.
var quoteKinds = [4]string{`"`, "'", "affix", "attr"}

// The values of the formatting properties that fmCodes encodes, by code
// (0 is unset); read only.
var (
	fontStyles      = [...]string{"", "normal", "italic", "oblique"}
	fontVariants    = [...]string{"", "normal", "small-caps"}
	fontWeights     = [...]string{"", "normal", "bold", "light"}
	textDecorations = [...]string{"", "none", "underline"}
	verticalAligns  = [...]string{"", "baseline", "sup", "sub"}
)

// ordLetters are the letters of formatting.ord by bit (fmCodes), and
// normalLetters those of an open token's forced normals ("L" for the
// layout's formatting).
const (
	ordLetters    = "svwdan"
	normalLetters = "svwL"
)

// ordStrings and normalStrings are the strings of the masks of
// ordLetters and normalLetters, the letters in their order; read only.
var (
	ordStrings    = maskStrings(ordLetters)
	normalStrings = maskStrings(normalLetters)
)

func maskStrings(letters string) []string {
	out := make([]string, 1<<len(letters))
	for m := range out {
		for i := 0; i < len(letters); i++ {
			if m&(1<<i) != 0 {
				out[m] += letters[i : i+1]
			}
		}
	}
	return out
}

// codeOf returns the code of v among values.
func codeOf(values []string, v string) (byte, bool) {
	for i, x := range values {
		if x == v {
			return byte(i), true
		}
	}
	return 0, false
}

// maskOf returns the mask of the letters of s (ordLetters, normalLetters)
// when s lists them in their order.
func maskOf(letters, s string, strs []string) (byte, bool) {
	var m byte
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(letters, s[i])
		if j < 0 {
			return 0, false
		}
		m |= 1 << j
	}
	return m, strs[m] == s
}

// fmCodes encodes formatting and the forced normals of its open token in
// four bytes: the codes of font-style, font-variant and attr; of
// font-weight and text-decoration; of vertical-align and the forced
// normals; of ord. It reports false for a value or order it has no code
// for.
func fmCodes(f *formatting, normals string) (c [4]byte, ok bool) {
	s, ok1 := codeOf(fontStyles[:], f.fontStyle)
	v, ok2 := codeOf(fontVariants[:], f.fontVariant)
	w, ok3 := codeOf(fontWeights[:], f.fontWeight)
	d, ok4 := codeOf(textDecorations[:], f.textDecoration)
	a, ok5 := codeOf(verticalAligns[:], f.verticalAlign)
	o, ok6 := maskOf(ordLetters, f.ord, ordStrings)
	n, ok7 := maskOf(normalLetters, normals, normalStrings)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) {
		return c, false
	}
	c[0] = s | v<<2
	if f.attr {
		c[0] |= 1 << 4
	}
	c[1] = w | d<<2
	c[2] = a | n<<2
	c[3] = o
	return c, true
}

// tokReader reads tokens from their encoding (encodeToks), or from a list
// of tokens where toks is set. The formatting of an open token read from
// an encoding is the reader's (formatting): it holds until the next one.
type tokReader struct {
	enc  string
	i    int
	toks []tok
	fm   formatting
}

// next returns the next token and whether there was one. A tCloseDiv's
// after tells whether text follows it.
func (r *tokReader) next() (t tok, ok bool) {
	if r.toks != nil {
		if r.i >= len(r.toks) {
			return t, false
		}
		t = r.toks[r.i]
		r.i++
		if t.k == tCloseDiv {
			t.after = textAfter(r.toks[r.i:])
		}
		return t, true
	}
	enc := r.enc
	if r.i >= len(enc) {
		return t, false
	}
	b := enc[r.i]
	r.i++
	t.k = tkind(b & kindMask)
	switch t.k {
	case tText, tOpenDiv:
		t.s = r.str()
	case tOpen:
		if b&tokFlag != 0 {
			t.s = r.str()
			r.fm = formatting{fontStyle: r.str(), fontVariant: r.str(), fontWeight: r.str(), textDecoration: r.str(), verticalAlign: r.str(), ord: r.str()}
			if r.i < len(enc) {
				r.fm.attr = enc[r.i] == 1
				r.i++
			}
		} else if r.i+4 <= len(enc) {
			c := enc[r.i : r.i+4]
			r.i += 4
			r.fm = formatting{
				fontStyle:      fontStyles[c[0]&3],
				fontVariant:    fontVariants[min(int(c[0]>>2&3), len(fontVariants)-1)],
				fontWeight:     fontWeights[c[1]&3],
				textDecoration: textDecorations[min(int(c[1]>>2&3), len(textDecorations)-1)],
				verticalAlign:  verticalAligns[c[2]&3],
				ord:            ordStrings[c[3]&(1<<len(ordLetters)-1)],
				attr:           c[0]&(1<<4) != 0,
			}
			t.s = normalStrings[c[2]>>2&(1<<len(normalLetters)-1)]
		} else {
			r.i = len(enc) // a corrupt encoding: never one of encodeToks
			return t, false
		}
	case tClose:
		if b&tokFlag != 0 {
			t.s = ownClose
		}
	case tOpenQ, tCloseQ:
		t.s = quoteKinds[b>>quoteShift&3]
	case tCloseDiv:
		t.after = b&tokFlag != 0
	}
	return t, true
}

// formatting returns the formatting of an open token that next returned.
func (r *tokReader) formatting(t *tok) *formatting {
	if t.fm != nil {
		return t.fm
	}
	return &r.fm
}

// str reads a length and that many bytes.
func (r *tokReader) str() string {
	l, shift := 0, 0
	for r.i < len(r.enc) && shift < 63 {
		b := r.enc[r.i]
		r.i++
		l |= int(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	if l < 0 || l > len(r.enc)-r.i {
		l = len(r.enc) - r.i
	}
	s := r.enc[r.i : r.i+l]
	r.i += l
	return s
}

// punctMerge returns the join of two different punctuation marks
// (cslcore.JoinPunct, the table of the built-in styles too).
func punctMerge(a, b byte) (string, bool) {
	if a == b {
		return "", false
	}
	return cslcore.JoinPunct(a, b)
}

func isPunct(b byte) bool { return cslcore.IsPunct(b) }

func (b *builder) lastText() int {
	for i := len(b.toks) - 1; i >= 0; i-- {
		switch b.toks[i].k {
		case tText:
			if b.toks[i].s != "" {
				return i
			}
		case tClose, tCloseDiv:
		case tOpenDiv:
			// citeproc-js joins the prefix of a block with the
			// punctuation before it (its display is no decoration
			// that stops the join); the left margin and the
			// right-inline part stand apart
			if b.toks[i].s != "block" {
				return -1
			}
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
	afterPrefix, numberSpace := b.afterPrefix, b.numberSpace
	b.afterPrefix, b.numberSpace = false, false
	if b.raw {
		b.raw, b.afterDelim = false, false
		b.toks = append(b.toks, tok{k: tText, s: s})
		return
	}
	if b.afterDelim {
		b.afterDelim = false
		if j := b.lastText(); j >= 0 && isPunct(s[0]) {
			if t := b.toks[j].s; t[len(t)-1] == s[0] {
				s = s[1:]
				if s == "" {
					return
				}
			}
			b.toks = append(b.toks, tok{k: tText, s: s})
			return
		}
	}
	if c := s[0]; c != ' ' && !isPunct(c) && !(c == 0xC2 && len(s) > 1 && s[1] == 0xA0) {
		// no punctuation or space to join with what comes before
		b.toks = append(b.toks, tok{k: tText, s: s})
		return
	}
	// punctuation after closing quotes moves inside them
	if b.punctInQuote && (s[0] == '.' || s[0] == ',' || s[0] == '!' || s[0] == '?') {
		q := -1
		for i := len(b.toks) - 1; i >= 0; i-- {
			if b.toks[i].k == tClose {
				continue
			}
			if b.toks[i].k == tCloseQ && b.toks[i].s != "affix" {
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
				// insert the punctuation just before the closing quote
				// run and the formatting of the quoted elements:
				// citeproc-js merges it into the quoted string or the
				// suffix of the quoted element's last child
				ins := q
				for ins > 0 && (b.toks[ins-1].k == tCloseQ || b.toks[ins-1].k == tClose && b.toks[ins-1].s == ownClose) {
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
		} else if c1 == ' ' && c2 == ' ' && !b.keepSpaces && !b.toks[j].content && !numberSpace && !b.closedSince(j) {
			s = s[1:]
		} else if c1 == 0xA0 && c2 == 0xC2 && !b.keepSpaces && !b.toks[j].content && !afterPrefix && strings.HasSuffix(t, "\u00a0") && strings.HasPrefix(s, "\u00a0") {
			// citeproc-js's joins take a no-break space for a space
			// (PUNCT_OR_SPACE in CSL.Output.Queue.adjust): one of two
			// that meet is dropped, but for a first child's prefix
			// after its parent's (upward drops a space only)
			s = s[2:]
		}
		if s == "" {
			return
		}
	}
	b.toks = append(b.toks, tok{k: tText, s: s})
}

// closedSince reports whether formatting closed after the token j: a
// space that ends the text of a decorated element stays inside it in
// citeproc-js (adjust's upward moves no space out of a blob with
// decorations), where no space after it is joined with it.
func (b *builder) closedSince(j int) bool {
	for i := j + 1; i < len(b.toks); i++ {
		if b.toks[i].k == tClose {
			return true
		}
	}
	return false
}

// delimited writes the children of n with its delimiter between them.
func (b *builder) delimited(n *onode) {
	d := n.delim
	var prev, last *onode
	if mayMigrate(d[0]) || b.punctInQuote && b.quotedSuffix && isPunct(d[0]) {
		last = lastKid(n)
	}
	moved := false
	for _, k := range n.kids {
		if k.empty() {
			continue
		}
		if prev != nil {
			if moved {
				b.write(d[1:])
				b.afterDelim = true
			} else {
				b.delimiter(d, prev)
			}
		}
		// a delimiter's punctuation goes into the suffix of the element
		// before it, and from an empty one down as a suffix's does
		moved = last != nil && k != last && k.suffix == "" && len(k.kids) > 0 && b.migrate(k, d[0])
		b.sibs, b.sibDelim, b.sibPlain = n.kids, true, n.fm.zero() && !n.quotes
		b.node(k)
		prev = k
	}
}

// delimiter writes a delimiter after the element prev. citeproc-js
// moves a delimiter's leading punctuation into the suffix of the element
// before it, unless that suffix already ends with it, and merges it with
// nothing else there: a suffix ending with other punctuation keeps both
// ("In:" + ". " is "In:. "). The element after the delimiter is not merged
// with it either (afterDelim).
func (b *builder) delimiter(d string, prev *onode) {
	if prev.suffix == "" && len(prev.kids) > 0 && isPunct(d[0]) && b.lastNum {
		b.afterNumber(d)
		b.afterDelim = true
		return
	}
	if sf := prev.suffix; sf != "" && isPunct(d[0]) {
		if c := sf[len(sf)-1]; isPunct(c) && c != d[0] && b.lastText() >= 0 {
			// the delimiter's punctuation follows the suffix, even
			// where the suffix gave way to the element's own
			// punctuation ("Who?" + ":" + ". " is "Who?. ")
			b.toks = append(b.toks, tok{k: tText, s: d[:1]})
			d = d[1:]
		}
	}
	b.write(d)
	b.afterDelim = true
}

// dupSuffix is the suffix of n, one of b.sibs (nil for the top), as
// citeproc-js's downward leaves it ("More duplicates control"): where the
// suffix of n's last child starts with punctuation or a space and ends
// with the first character of n's suffix, it drops the LAST character of
// n's suffix (a group's ". " after a child's "." gives ".", and "survey."
// runs into what follows). Before that, its upward has moved a space
// that ends the suffix of a last child up to the parent (not out of
// formatting or quotes): there the rule reads the suffix without it, and
// the space stays. Where downward first moves the suffix's punctuation
// into the child (into quotes, or to merge with punctuation), the suffix
// stays.
func (b *builder) dupSuffix(n *onode, suffix string) string {
	sibs := b.sibs
	l := lastKid(n)
	if l == nil || l.suffix == "" || n.display != "" || l.display != "" || n.tag == tagMerged {
		// (citeproc-js's display divs are blobs of their own; the
		// affixes of a merged node are its wrapper's, around a child
		// without a suffix)
		return suffix
	}
	ls := l.suffix
	if c := ls[0]; !(c == ' ' || isPunct(c) || strings.HasPrefix(ls, "\u00a0")) || ls[len(ls)-1] != suffix[0] {
		return suffix
	}
	// citeproc-js's leftward first moves punctuation that starts the
	// prefix of the next sibling (no delimiter, no formatting) into the
	// suffix: where the rule then drops it, the sibling loses it too
	// ("Sagor." + "; 1921" gives "Sagor. 1921")
	var next *onode
	if sibs != nil && !b.sibDelim && n.fm.zero() && !n.quotes {
		if k := leadingPrefix(nextKid(sibs, n)); k != nil && isPunct(k.prefix[0]) && k.fm.zero() && !k.quotes && k.tag != tagNumber {
			if c, p := suffix[len(suffix)-1], k.prefix[0]; c != p {
				next = k
				m, ok := punctMerge(c, p)
				if !ok {
					m = string(c) + string(p)
				}
				suffix = suffix[:len(suffix)-1] + m
			}
		}
	}
	if p := suffix[0]; isPunct(p) && !endsInNumber(l) && (mergingBelow(p, l) || b.punctInQuote && quotesBelow(l)) {
		if next != nil {
			return n.suffix
		}
		return suffix
	}
	if next != nil {
		if ls[len(ls)-1] != suffix[0] {
			return n.suffix
		}
		// (citeproc-js joins nothing more there: "Maisky." + " " +
		// " 1939" keeps both spaces)
		b.leadCut, b.leadRaw = next, true
		return suffix[:len(suffix)-1]
	}
	core, space := suffix, ""
	if suffix[len(suffix)-1] == ' ' && sibs != nil && b.sibPlain && lastOf(sibs) == n {
		core, space = suffix[:len(suffix)-1], " "
		if core == "" || ls[len(ls)-1] != core[0] {
			return suffix
		}
	}
	_, w := utf8.DecodeLastRuneInString(core)
	return core[:len(core)-w] + space
}

// lastOf returns the last of sibs with output, or nil.
func lastOf(sibs []*onode) *onode {
	for i := len(sibs) - 1; i >= 0; i-- {
		if !sibs[i].empty() {
			return sibs[i]
		}
	}
	return nil
}

// leadingPrefix returns the node whose prefix starts k as citeproc-js's
// upward leaves it: the first character of a first child's prefix moves
// up into an empty prefix of a parent without formatting or quotes. nil
// where k or its first descendants have no prefix.
func leadingPrefix(k *onode) *onode {
	for k != nil && k.prefix == "" {
		if !k.fm.zero() || k.quotes || len(k.kids) == 0 {
			return nil
		}
		k = firstKid(k)
	}
	return k
}

// nextKid returns the one of sibs with output after n, or nil.
func nextKid(sibs []*onode, n *onode) *onode {
	for i, k := range sibs {
		if k == n {
			for _, k := range sibs[i+1:] {
				if !k.empty() {
					return k
				}
			}
			return nil
		}
	}
	return nil
}

// quotesBelow reports whether n or its last descendants have quotes
// (citeproc-js's blobHasDescendantQuotes).
func quotesBelow(n *onode) bool {
	for ; n != nil; n = lastKid(n) {
		if n.quotes {
			return true
		}
	}
	return false
}

// mergingBelow reports whether punctuation p merges into one mark with
// what ends the suffix of n or of its last descendants (the text of a
// field without a suffix), as citeproc-js's
// blobHasDescendantMergingPunctuation.
func mergingBelow(p byte, n *onode) bool {
	for ; n != nil; n = lastKid(n) {
		t := n.suffix
		if t == "" && len(n.kids) == 0 {
			t = n.text
		}
		if t != "" {
			if m, ok := punctMerge(t[len(t)-1], p); ok && len(m) == 1 {
				return true
			}
		}
	}
	return false
}

// endsInNumber reports whether the last descendant of n is a number
// (citeproc-js's blobEndsInNumber).
func endsInNumber(n *onode) bool {
	for ; n != nil; n = lastKid(n) {
		if n.tag == tagNumber {
			return true
		}
	}
	return false
}

// mayMigrate reports whether punctuation p merges into one mark with
// some other mark before it ("." with "!", "?", ":" or ";"; ":" with
// "!", "?" or ";"; "!" and "?" with ":" or ";"): only such p can
// migrate; "," and ";" never do.
func mayMigrate(p byte) bool { return p == '.' || p == ':' || p == '!' || p == '?' }

// movedPunct is punctuation that migrate moved into a leaf's text.
type movedPunct struct {
	n *onode
	p byte
}

// lastKid returns the last child of n with output, or nil.
func lastKid(n *onode) *onode {
	for i := len(n.kids) - 1; i >= 0; i-- {
		if !n.kids[i].empty() {
			return n.kids[i]
		}
	}
	return nil
}

// migrate follows citeproc-js where punctuation p starts the suffix of n
// (its own, or a delimiter's after it): when p merges with what ends n's
// last descendant, citeproc-js moves p down through the last children
// without a suffix, and at a field that has a suffix of its own it puts
// p at the end of the field's text, before that suffix (a group's "." after
// a field with suffix ":" gives "Press.:"). migrate reports whether it
// moved p so; the leaf writes it (node).
func (b *builder) migrate(n *onode, p byte) bool {
	// (a layout's suffix is no part of citeproc-js's adjusted blobs)
	intoQuotes := b.punctInQuote && b.quotedSuffix && n.tag != tagLayout
	if !mayMigrate(p) && !(intoQuotes && isPunct(p)) {
		return false
	}
	// the last children without a suffix lead to a field; a suffix on
	// the way is where p meets what ends n, as written
	for {
		l := lastKid(n)
		if l == nil {
			return false
		}
		if len(l.kids) > 0 {
			if l.suffix != "" {
				return false
			}
			n = l
			continue
		}
		if l.quotes && intoQuotes && l.suffix != "" && l.text != "" && l.tag != tagNumber && l.tag != tagNumVar && !l.level {
			// citeproc-js's downward, with punctuation-in-quote, moves
			// any punctuation into a quoted field's text, before the
			// field's own suffix ("“Title,.”" for a suffix "." and a
			// delimiter ", ")
			if l.suffix[len(l.suffix)-1] == p {
				return false
			}
			b.moved = append(b.moved, movedPunct{l, p})
			return true
		}
		if !mayMigrate(p) {
			return false
		}
		if l.suffix == "" || l.text == "" || !l.fm.zero() || l.quotes || l.tag == tagNumber || l.tag == tagNumVar || l.level {
			// the field's text and p meet as they are written; a
			// leaf with the affixes of a group or macro (level) is
			// a list of one field in citeproc-js
			return false
		}
		c := l.suffix[len(l.suffix)-1]
		if c == p {
			return false
		}
		if m, ok := punctMerge(c, p); !ok || len(m) != 1 {
			// citeproc-js moves p only where it merges into one mark
			return false
		}
		b.moved = append(b.moved, movedPunct{l, p})
		return true
	}
}

// putMoved writes the punctuation that migrate moved into the leaf n at
// the end of its text: merged with punctuation there as citeproc-js
// merges them, else appended.
func (b *builder) putMoved(n *onode) {
	for i, m := range b.moved {
		if m.n != n {
			continue
		}
		b.moved = append(b.moved[:i], b.moved[i+1:]...)
		j := b.lastText()
		if j < 0 {
			return
		}
		t := b.toks[j].s
		switch c := t[len(t)-1]; {
		case c == m.p:
		case isPunct(c):
			if s, ok := punctMerge(c, m.p); ok {
				b.toks[j].s = t[:len(t)-1] + s
			}
		default:
			b.toks[j].s = t + string(m.p)
		}
		return
	}
}

// leadLeft moves the punctuation that starts the prefix of k, or of its
// first descendants, to the end of its sibling prev, where a display
// element stands between them: citeproc-js moves the first character of
// a first child's prefix up to its parent's empty prefix (not out of an
// element with formatting or quotes), and punctuation that starts a
// sibling's prefix into the suffix of the element before it, so that
// it ends the display element before (" 1938" + ". London" gives
// " 1938." and " London" in the next one). Elsewhere writing the
// prefix where it stands gives the same text.
func (b *builder) leadLeft(prev, k *onode) {
	if k.prefix != "" && prev.display == "" && k.display == "" {
		// no display element between them
		return
	}
	h, disp := k, prev.display != ""
	for h.prefix == "" {
		if !h.fm.zero() || h.quotes || len(h.kids) == 0 {
			return
		}
		if h.display != "" {
			disp = true
		}
		var f *onode
		for _, x := range h.kids {
			if !x.empty() {
				f = x
				break
			}
		}
		if f == nil {
			return
		}
		h = f
	}
	if h.display != "" {
		disp = true
	}
	c := h.prefix[0]
	if !disp || !isPunct(c) {
		return
	}
	j := b.lastText()
	if j < 0 {
		// prev ends with quotes: the same punctuation before them
		// (moved in by punctuation-in-quote) takes the prefix's
		for i := len(b.toks) - 1; i >= 0; i-- {
			if k := b.toks[i].k; k == tClose || k == tCloseDiv || k == tCloseQ {
				continue
			}
			if t := b.toks[i].s; b.toks[i].k == tText && t != "" && t[len(t)-1] == c {
				b.leadCut, b.leadRaw = h, false
			}
			break
		}
		return
	}
	b.leadCut, b.leadRaw = h, false
	t := b.toks[j].s
	p := t[len(t)-1]
	if p == c {
		return
	}
	if isPunct(p) {
		if m, ok := punctMerge(p, c); ok {
			b.toks[j].s = t[:len(t)-1] + m
			return
		}
	}
	// the punctuation ends prev: inside its display element
	at := len(b.toks)
	if prev.display != "" && at > 0 && b.toks[at-1].k == tCloseDiv {
		at--
	}
	b.toks = append(b.toks, tok{})
	copy(b.toks[at+1:], b.toks[at:])
	b.toks[at] = tok{k: tText, s: string(c)}
}

// leadOut writes, before the display element n that opens the output,
// the space, no-break space or punctuation that starts the prefix of n or
// of its first descendants: citeproc-js moves the first character of a
// first child's prefix up to its parent's empty prefix (not out of an
// element with formatting or quotes), and a display div holds an
// element's affixes but is no formatting that stops the move (" 1938"
// gives " <div class="csl-indent">1938</div>" where nothing comes before).
//
// It reports whether the character is that of n's own prefix; that of a
// descendant's is cut as leadLeft's (leadCut). n itself is not kept in
// the builder, so that the output tree stays off the heap.
func (b *builder) leadOut(n *onode) bool {
	if n.prefix != "" {
		return b.leadChar(n.prefix)
	}
	if !n.fm.zero() || n.quotes {
		return false
	}
	h := firstKid(n)
	for h != nil && h.prefix == "" {
		if !h.fm.zero() || h.quotes {
			return false
		}
		h = firstKid(h)
	}
	if h != nil && b.leadChar(h.prefix) {
		b.leadCut, b.leadRaw = h, false
	}
	return false
}

// leadChar writes the first character of prefix when it is a space, a
// no-break space or punctuation, and reports whether it did.
func (b *builder) leadChar(prefix string) bool {
	c, size := utf8.DecodeRuneInString(prefix)
	if c == ' ' || c == '\u00a0' || size == 1 && isPunct(byte(c)) {
		b.toks = append(b.toks, tok{k: tText, s: prefix[:size]})
		return true
	}
	return false
}

// firstKid returns the first child of n with output, or nil.
func firstKid(n *onode) *onode {
	for _, x := range n.kids {
		if !x.empty() {
			return x
		}
	}
	return nil
}

// afterNumber writes punctuation that follows an element ending with a
// number: citeproc-js merges the punctuation of a suffix or delimiter
// with nothing in such an element ("Vol. 2" + ";" + "." is "Vol. 2;."),
// it only drops a repeated character.
func (b *builder) afterNumber(s string) {
	if j := b.lastText(); j >= 0 {
		if t := b.toks[j].s; t[len(t)-1] == s[0] {
			s = s[1:]
		}
		if s != "" && isPunct(s[0]) {
			b.toks = append(b.toks, tok{k: tText, s: s[:1]})
			s = s[1:]
		}
	}
	b.write(s)
}

// forcedNormals returns the properties (s, v, w) that an element with
// children sets to normal while the last child that renders sets them to
// something else: citeproc-js writes such a normal whatever encloses
// the element (normalDecorIsOrphan looks at the decorations of the last
// child's blob, its own among them).
func forcedNormals(n *onode) string {
	f := n.fm
	if f.fontStyle != "normal" && f.fontVariant != "normal" && f.fontWeight != "normal" || n.tag == tagMerged {
		return ""
	}
	var last *onode
	for i := len(n.kids) - 1; i >= 0; i-- {
		if !n.kids[i].empty() {
			last = n.kids[i]
			break
		}
	}
	if last == nil || last.fm.zero() {
		return ""
	}
	k := last.fm
	var out string
	if f.fontStyle == "normal" && k.fontStyle != "" && k.fontStyle != "normal" {
		out += "s"
	}
	if f.fontVariant == "normal" && k.fontVariant != "" && k.fontVariant != "normal" {
		out += "v"
	}
	if f.fontWeight == "normal" && k.fontWeight != "" && k.fontWeight != "normal" {
		out += "w"
	}
	return out
}

func (b *builder) node(n *onode) {
	if n.empty() {
		return
	}
	cutSelf := false
	if n.display != "" {
		if len(b.toks) == 0 {
			cutSelf = b.leadOut(n)
		}
		b.toks = append(b.toks, tok{k: tOpenDiv, s: n.display})
	}
	suffix := n.suffix
	if suffix != "" && len(n.kids) > 0 && (mayMigrate(suffix[0]) || b.punctInQuote && b.quotedSuffix && isPunct(suffix[0])) && b.migrate(n, suffix[0]) {
		suffix = suffix[1:]
	} else if suffix != "" && len(n.kids) > 0 {
		suffix = b.dupSuffix(n, suffix)
	}
	b.sibs = nil
	keep := b.keepSpaces
	if n.tag == tagName {
		b.keepSpaces = true
	}
	// write is called only for text: most affixes and delimiters are empty
	if n.prefix != "" {
		if b.prefixEnd == len(b.toks) && b.prefixEnd > 0 && isPunct(n.prefix[0]) {
			// the prefix of a first child right after its parent's:
			// citeproc-js joins no punctuation of the two (";" and
			// ":14" give ";:14", ";" and ";14" give ";;14")
			b.raw = true
		}
		if cutSelf || b.leadCut == n {
			if !cutSelf {
				b.leadCut = nil
				if b.leadRaw {
					b.leadRaw, b.raw = false, true
				}
			}
			_, size := utf8.DecodeRuneInString(n.prefix)
			b.write(n.prefix[size:])
		} else {
			b.write(n.prefix)
		}
		b.prefixEnd = len(b.toks)
		b.afterPrefix = true
	}
	// citeproc-js applies an element's decorations in a fixed sequence
	// (CSL.FORMAT_KEY_SEQUENCE), quotes last: they enclose its font
	// formatting (“<i>Title</i>”)
	if n.quotes {
		b.toks = append(b.toks, tok{k: tOpenQ, s: quoteKind(n.single, n.attrQuotes, n.tag)})
	}
	if !n.fm.zero() {
		s := forcedNormals(n)
		if n.tag == tagLayout {
			s = "L"
		}
		b.toks = append(b.toks, tok{k: tOpen, fm: n.fm, s: s})
	}
	if n.text != "" {
		if n.content && (isPunct(n.text[0]) || n.text[0] == ' ') {
			// citeproc-js joins the punctuation and spaces of affixes
			// and delimiters only: a field or value that starts with
			// punctuation or a space is not moved into the quotes
			// before it nor merged with the punctuation or space there
			// (“Title”. after a <text value="."/>, "ed.." after a term
			// "ed.", "A  x" for a suffix " " and a value " x")
			b.raw = true
		}
		b.write(n.text)
		if n.content && n.text[len(n.text)-1] == ' ' {
			b.toks[len(b.toks)-1].content = true
		}
		b.lastNum = n.tag == tagNumber
		if len(b.moved) > 0 {
			b.putMoved(n)
		}
	}
	if n.delim != "" {
		b.delimited(n)
	} else {
		var prev *onode
		for _, k := range n.kids {
			if k.empty() {
				continue
			}
			b.sibs, b.sibDelim, b.sibPlain = n.kids, false, n.fm.zero() && !n.quotes
			if prev == nil {
				b.node(k)
				prev = k
				continue
			}
			// siblings without a delimiter: citeproc-js joins the
			// punctuation of a suffix and the next prefix only where
			// neither element has formatting
			// (the formatting of an element with a display is inside
			// its div: citeproc-js joins the div's blob, which has none)
			if !prev.fm.zero() && prev.display == "" {
				b.raw = true
			} else if !k.fm.zero() && k.display == "" {
				b.afterDelim = true
			} else if b.display {
				b.leadLeft(prev, k)
			}
			if sf := prev.suffix; sf != "" && sf[len(sf)-1] == ' ' && (prev.quotes || prev.isNumber()) {
				// citeproc-js joins no space of a number's suffix, or of
				// a quoted element's, with the next sibling's (adjust's
				// downward skips a number blob and a decorated one):
				// "1. " + " Title" keeps both
				b.numberSpace = true
			}
			if prev.quotes && !prev.attrQuotes && prev.tag != tagAffix &&
				k.text != "" && len(k.kids) == 0 && k.fm.zero() && !k.quotes && k.prefix == "" && !k.level {
				// punctuation a field writes after its own closing quotes
				// stays where it is written ("Who Wrote “Peace”?")
				piq := b.punctInQuote
				b.punctInQuote = false
				b.node(k)
				b.punctInQuote = piq
			} else {
				b.node(k)
			}
			prev = k
		}
	}
	if !n.fm.zero() {
		t := tok{k: tClose, fm: n.fm}
		if n.quotes {
			// the formatting of a quoted element: punctuation moved
			// into its quotes goes inside it too (ownClose)
			t.s = ownClose
		}
		b.toks = append(b.toks, t)
	}
	if n.quotes {
		b.toks = append(b.toks, tok{k: tCloseQ, s: quoteKind(n.single, n.attrQuotes, n.tag)})
	}
	if suffix != "" {
		if len(n.kids) > 0 && isPunct(suffix[0]) && b.lastNum {
			b.afterNumber(suffix)
		} else {
			if len(n.kids) == 0 && n.text != "" && !n.level && (!n.fm.zero() || n.quotes) && isPunct(suffix[0]) &&
				suffix[0] != n.text[len(n.text)-1] && !(b.punctInQuote && n.quotes && strings.IndexByte(".,!?", suffix[0]) >= 0) {
				// citeproc-js merges a field's own suffix with the
				// punctuation that ends its text only where the field
				// has no formatting and no quotes (downward's
				// mergeChars of blobs and suffix): "“Who Signed?”:"
				// and "<i>Who Signed?</i>:" keep both
				b.raw = true
			}
			b.write(suffix)
		}
	}
	b.keepSpaces = keep
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

// serialize writes tokens as the format's markup: those of an encoding
// (encodeToks), or toks where enc is empty.
func serialize(enc string, toks []tok, f Format, q quoteTerms) string {
	var sb strings.Builder
	n := 16 + len(enc)
	for _, t := range toks {
		n += len(t.s)
	}
	sb.Grow(n + n/8)
	r := tokReader{enc: enc, toks: toks}
	// italic, bold and sc are the current state; the anc fields record
	// whether an enclosing formatting set the property to anything but
	// normal, whatever set it back since: citeproc-js writes a style's
	// "normal" unless no enclosing decoration sets the property
	// (normalDecorIsOrphan), so a normal inside a normal is written again
	//
	// outer* hold the value (flipOn, flipNormal) of the outermost style
	// formatting that sets the property, data* that of the nearest
	// markup of the data: citeproc-js's flip-flop (TagReg.set) turns the
	// data's <i>, <b> and <sc> to normal or back against the nearest
	// markup around them, else against the outermost style formatting
	// (not the nearest: italics > normal > <i> is normal)
	type st struct {
		italic, bold, sc          bool
		ancItalic, ancBold, ancSC bool
		outerI, outerB, outerV    int8
		dataI, dataB, dataV       int8
		layI, layB, layV          int8
	}
	// flip returns whether markup of the data turns its property on, and
	// records its value
	flip := func(data *int8, outer, lay int8) bool {
		base := *data
		if base == 0 {
			base = outer
		}
		if base == 0 {
			base = lay
		}
		on := base != flipOn
		if on {
			*data = flipOn
		} else {
			*data = flipNormal
		}
		return on
	}
	setOuter := func(outer *int8, v string) {
		if *outer != 0 {
			return
		}
		if v == "normal" {
			*outer = flipNormal
		} else {
			*outer = flipOn
		}
	}
	// closers holds the closing markup of the open formatting, ncl how
	// many each open token pushed
	var closersBuf [16]string
	var nclBuf [8]uint8
	var qBuf [8]qent
	var fstackBuf [8]st
	var divsBuf [4]string
	closers, ncl, fstack, qstack, divs := closersBuf[:0], nclBuf[:0], fstackBuf[:0], qBuf[:0], divsBuf[:0]
	cur := st{}
	for {
		t, ok := r.next()
		if !ok {
			break
		}
		switch t.k {
		case tText:
			s := t.s
			if f == HTML {
				if htmlAsIs(s) {
					sb.WriteString(s)
					continue
				}
				s = superscripts(escapeHTML(s))
			} else if f == Markdown {
				s = escapeMD(s)
			}
			sb.WriteString(s)
		case tOpen:
			fstack = append(fstack, cur)
			pushed := 0
			fm := r.formatting(&t)
			// the layout's formatting comes last for the flip-flop
			oI, oV, oB := &cur.outerI, &cur.outerV, &cur.outerB
			if t.s == "L" {
				oI, oV, oB = &cur.layI, &cur.layV, &cur.layB
			}
			add := func(o, c string) {
				sb.WriteString(o)
				closers = append(closers, c)
				pushed++
			}
			if f == HTML {
				for i := len(fm.ord) - 1; i >= 0; i-- {
					switch fm.ord[i] {
					case 's':
						if fm.attr && fm.fontStyle != "" {
							setOuter(oI, fm.fontStyle)
						}
						switch fm.fontStyle {
						case "italic", "oblique":
							cur.ancItalic = true
							if !fm.attr && !flip(&cur.dataI, cur.outerI, cur.layI) {
								add(`<span style="font-style:normal;">`, "</span>")
								cur.italic = false
							} else {
								if fm.fontStyle == "oblique" {
									// citeproc-js's html "@font-style/oblique"
									add("<em>", "</em>")
								} else {
									add("<i>", "</i>")
								}
								cur.italic = true
							}
						case "normal":
							if cur.italic || fm.attr && (cur.ancItalic || strings.IndexByte(t.s, 's') >= 0) {
								add(`<span style="font-style:normal;">`, "</span>")
								cur.italic = false
							}
						}
					case 'v':
						if fm.attr && fm.fontVariant != "" {
							setOuter(oV, fm.fontVariant)
						}
						switch fm.fontVariant {
						case "small-caps":
							cur.ancSC = true
							if !fm.attr && !flip(&cur.dataV, cur.outerV, cur.layV) {
								add(`<span style="font-variant:normal;">`, "</span>")
								cur.sc = false
							} else {
								add(`<span style="font-variant:small-caps;">`, "</span>")
								cur.sc = true
							}
						case "normal":
							if cur.sc || fm.attr && (cur.ancSC || strings.IndexByte(t.s, 'v') >= 0) {
								add(`<span style="font-variant:normal;">`, "</span>")
								cur.sc = false
							}
						}
					case 'w':
						if fm.attr && fm.fontWeight != "" {
							setOuter(oB, fm.fontWeight)
						}
						switch fm.fontWeight {
						case "bold":
							cur.ancBold = true
							if !fm.attr && !flip(&cur.dataB, cur.outerB, cur.layB) {
								add(`<span style="font-weight:normal;">`, "</span>")
								cur.bold = false
							} else {
								add("<b>", "</b>")
								cur.bold = true
							}
						case "normal":
							if cur.bold || fm.attr && (cur.ancBold || strings.IndexByte(t.s, 'w') >= 0) {
								add(`<span style="font-weight:normal;">`, "</span>")
								cur.bold = false
							}
						case "light":
							// citeproc-js's html has no markup for light
							// ("@font-weight/light": false)
							cur.ancBold = true
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
						// citeproc-js's nodecor sets to normal every
						// property that an enclosing decoration sets
						if cur.ancItalic {
							add(`<span style="font-style:normal;">`, "</span>")
							cur.italic = false
						}
						if cur.ancSC {
							add(`<span style="font-variant:normal;">`, "</span>")
							cur.sc = false
						}
						if cur.ancBold {
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
			ncl = append(ncl, uint8(pushed))
		case tClose:
			if len(ncl) > 0 {
				k := int(ncl[len(ncl)-1])
				ncl = ncl[:len(ncl)-1]
				for j := len(closers) - 1; j >= len(closers)-k; j-- {
					sb.WriteString(closers[j])
				}
				closers = closers[:len(closers)-k]
				cur = fstack[len(fstack)-1]
				fstack = fstack[:len(fstack)-1]
			}
		case tOpenQ:
			// quotes alternate: outer, inner, outer, ...; a style's
			// quotes are always the outer ones (citeproc-js)
			single := openSingle(qstack, t.s)
			qstack = append(qstack, qent{single: single, attr: t.s == "attr"})
			if single {
				sb.WriteString(esc(q.openIn, f))
			} else {
				sb.WriteString(esc(q.open, f))
			}
		case tCloseQ:
			single := false
			if len(qstack) > 0 {
				single = qstack[len(qstack)-1].single
				qstack = qstack[:len(qstack)-1]
			}
			if single {
				sb.WriteString(esc(q.closeIn, f))
			} else {
				sb.WriteString(esc(q.close, f))
			}
		case tOpenDiv:
			divs = append(divs, t.s)
			if f == Text {
				// citeproc-js's text format starts a block on a new
				// line, and an indent on a new line after four spaces
				switch t.s {
				case "block":
					sb.WriteString("\n")
				case "indent":
					sb.WriteString("\n    ")
				}
			}
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
				if !t.after {
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

// textAfter reports whether any text follows: the trailing space of a
// display div (of any kind) leaves it, as citeproc-js moves a last
// suffix's trailing space up, only at the end of the entry.
func textAfter(toks []tok) bool {
	for _, t := range toks {
		if t.k == tText && t.s != "" {
			return true
		}
	}
	return false
}

// htmlAsIs reports whether text is written in HTML as it is, in one pass
// over its bytes: valid UTF-8 without characters to escape, superscript
// characters or two white-space characters in a row (escapeHTML and
// superscripts give it back unchanged).
func htmlAsIs(s string) bool {
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		switch htmlClass[c] {
		case htmlOrdinary:
			prevSpace = false
			i++
			continue
		case htmlEscape:
			return false
		case htmlSpace:
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || r >= 0xAA && isSuperscript(r) {
			// invalid UTF-8 is rewritten where the text is (doubleSpaces)
			return false
		}
		sp := jsSpace(r)
		if sp && prevSpace {
			return false
		}
		prevSpace = sp
		i += size
	}
	return true
}

// The classes of bytes for htmlAsIs.
const (
	htmlOrdinary uint8 = iota
	htmlEscape         // & < >
	htmlSpace          // ASCII white space (jsSpace)
	htmlMulti          // a byte of a character above ASCII
)

// htmlClass is the class of each byte (htmlAsIs); read only.
var htmlClass = func() (t [256]uint8) {
	for _, b := range []byte("&<>") {
		t[b] = htmlEscape
	}
	for _, b := range []byte(" \t\n\v\f\r") {
		t[b] = htmlSpace
	}
	for b := 0x80; b < 256; b++ {
		t[b] = htmlMulti
	}
	return t
}()

func esc(s string, f Format) string {
	if f == HTML && !htmlAsIs(s) {
		return escapeHTML(s)
	}
	return s
}

func escapeHTML(s string) string {
	if !strings.ContainsAny(s, "&<>") {
		return doubleSpaces(s)
	}
	return doubleSpaces(escapeMarkup(s))
}

// doubleSpaces writes two white-space characters in a row as a no-break
// space and a space, as citeproc-js's HTML does.
func doubleSpaces(s string) string {
	if !mayDoubleSpace(s) {
		return s
	}
	rs := []rune(s)
	var sb strings.Builder
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) && jsSpace(rs[i]) && jsSpace(rs[i+1]) {
			sb.WriteString("\u00a0 ")
			i++
			continue
		}
		sb.WriteRune(rs[i])
	}
	return sb.String()
}

// mayDoubleSpace reports whether s has two spaces in a row or any other
// character that JavaScript's \s matches (jsSpace: tab, line breaks,
// no-break, ideographic, the spaces of U+2000 to U+200A, ...), in one pass
// over its bytes: a lead byte of UTF-8 is never inside another character,
// so the bytes of those characters are found where they are.
func mayDoubleSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return true
			}
		case '\t', '\n', '\v', '\f', '\r':
			return true
		case 0xC2: // U+00A0
			if i+1 < len(s) && s[i+1] == 0xA0 {
				return true
			}
		case 0xE1, 0xE2, 0xE3, 0xEF: // U+1680, U+2000 to U+205F, U+3000, U+FEFF
			if r, _ := utf8.DecodeRuneInString(s[i:]); jsSpace(r) {
				return true
			}
		}
	}
	return false
}

// jsSpace reports whether JavaScript's \s matches r (cslcore.IsJSSpace).
func jsSpace(r rune) bool { return cslcore.IsJSSpace(r) }

func escapeMarkup(s string) string {
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
	if n.prefix == "" && n.suffix == "" && n.text == "" {
		// a node whose text is one child's: no copy either
		var only *onode
		for _, k := range n.kids {
			if !k.empty() {
				if only != nil {
					only = nil
					break
				}
				only = k
			}
		}
		if only != nil {
			return plainText(only)
		}
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

// isSuperscript is cslcore.IsSuperscript (shared with package cite).
func isSuperscript(r rune) bool { return cslcore.IsSuperscript(r) }

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
			sb.WriteString("<sup>" + cslcore.SuperscriptBase(r) + "</sup>")
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

func quoteKind(single, attr bool, tag uint8) string {
	if attr {
		return "attr"
	}
	if tag == tagAffix {
		// quotes typed in a cite's affix: punctuation stays where typed
		return "affix"
	}
	if single {
		return "'"
	}
	return `"`
}

// qent is an open quotation: single or double, and whether the style's
// quotes="true" made it (else the data's quotation marks).
type qent struct{ single, attr bool }

// openSingle reports whether a quotation opened inside stack takes
// single marks: a style's quotes are always double; quotation marks in
// the data alternate, counting the style's quotes around them as one
// level.
func openSingle(stack []qent, kind string) bool {
	if kind == "attr" {
		return false
	}
	if len(stack) == 0 {
		// a quote typed outside any other keeps its own form
		return kind == "'"
	}
	if top := stack[len(stack)-1]; !top.attr {
		return !top.single
	}
	d, anyAttr := 0, false
	for _, e := range stack {
		if e.attr {
			anyAttr = true
		} else {
			d++
		}
	}
	if anyAttr {
		d++
	}
	return d%2 == 1
}

// parenDepth flips the parentheses of the affixes of groups and macro
// calls nested in parentheses to square brackets, as citeproc-js does in
// the citations of a note style: its depth runs through the cluster.
type parenDepth struct{ depth int }

func (d *parenDepth) update(s string) string {
	if strings.IndexByte(s, '(') < 0 && strings.IndexByte(s, ')') < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		switch c {
		case '(':
			if d.depth%2 == 1 {
				b[i] = '['
			}
			d.depth++
		case ')':
			if d.depth%2 == 0 {
				b[i] = ']'
			}
			d.depth--
		}
	}
	return string(b)
}

// flip walks n in document order.
func (d *parenDepth) flip(n *onode) {
	if n == nil {
		return
	}
	// citeproc-js flips the affixes of the blobs it opens as levels:
	// groups and macro calls, and number variables, which
	// outputNumericField writes in a level of their own (a text's
	// affixes stay: "(" + "Series" and ", Bd. " + "4" + ")" give "4]")
	lv := n.level || n.tag == tagNumber || n.tag == tagNumVar
	if lv && hasParen(n.prefix) {
		n.prefix = d.update(n.prefix)
	}
	for _, k := range n.kids {
		if k != nil && (len(k.kids) > 0 || k.prefix != "" || k.suffix != "") {
			// a leaf without affixes has nothing to flip
			d.flip(k)
		}
	}
	if lv && hasParen(n.suffix) {
		n.suffix = d.update(n.suffix)
	}
}

// hasParen reports whether s has a parenthesis (update leaves s as it is
// without).
func hasParen(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '(' || s[i] == ')' {
			return true
		}
	}
	return false
}
