package csl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Errors of the package.
var (
	// ErrStyle is the error of a malformed or invalid style or locale.
	ErrStyle = errors.New("csl: invalid style")
	// ErrItem is the error of malformed CSL-JSON input.
	ErrItem = errors.New("csl: invalid item")
	// ErrFixture is the error of a malformed test-suite fixture.
	ErrFixture = errors.New("csl: invalid fixture")
)

// SyntaxError is a malformed or invalid style or locale file, with the
// position (1-based line and column) of the fault.
type SyntaxError struct {
	Line, Column int
	Msg          string
}

// Error returns the message with its position.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("csl: line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// Unwrap returns ErrStyle.
func (e *SyntaxError) Unwrap() error { return ErrStyle }

// xnode is a parsed XML element.
type xnode struct {
	name      string
	attrs     map[string]string
	kids      []*xnode
	text      string
	line, col int
}

func (n *xnode) attr(k string) string { return n.attrs[k] }

// maxDepth bounds the nesting of a style's elements.
const maxDepth = 200

func parseXML(r io.Reader) (*xnode, error) {
	// a reader that tells its length (strings.Reader, bytes.Reader,
	// bytes.Buffer) is read into one buffer of that size
	var buf bytes.Buffer
	if l, ok := r.(interface{ Len() int }); ok && l.Len() < 64<<20 {
		buf.Grow(l.Len() + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, 64<<20)); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrStyle, err)
	}
	data := buf.Bytes()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if root, ok := scanXML(data); ok {
		return root, nil
	}
	return decodeXML(data)
}

// decodeXML parses a style or locale with encoding/xml: every input
// scanXML leaves is read here, and every error is told here.
func decodeXML(data []byte) (*xnode, error) {
	// positions advance with the decoder: count lines incrementally
	curOff, curLine, lineStart := 0, 1, 0
	pos := func(off64 int64) (int, int) {
		off := int(off64)
		if off > len(data) {
			off = len(data)
		}
		if off < curOff {
			curOff, curLine, lineStart = 0, 1, 0
		}
		for i := curOff; i < off; i++ {
			if data[i] == '\n' {
				curLine++
				lineStart = i + 1
			}
		}
		curOff = off
		return curLine, off - lineStart + 1
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var stack []*xnode
	var root *xnode
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := pos(d.InputOffset())
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
				l = se.Line
				c = 1
			}
			return nil, &SyntaxError{Line: l, Column: c, Msg: msg}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			l, c := pos(off)
			n := &xnode{name: t.Name.Local, line: l, col: c}
			if len(t.Attr) > 0 {
				// an element without attributes reads them from a nil map
				n.attrs = make(map[string]string, len(t.Attr))
			}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				k := a.Name.Local
				if a.Name.Space == "http://www.w3.org/XML/1998/namespace" || a.Name.Space == "xml" {
					k = "xml:" + k
				}
				n.attrs[k] = a.Value
			}
			if len(stack) >= maxDepth {
				return nil, &SyntaxError{Line: l, Column: c, Msg: "elements nested too deeply"}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			} else {
				return nil, &SyntaxError{Line: l, Column: c, Msg: "more than one root element"}
			}
			stack = append(stack, n)
		case xml.EndElement:
			// RawToken leaves the matching of tags to us
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name.Local {
				l, c := pos(d.InputOffset())
				return nil, &SyntaxError{Line: l, Column: c, Msg: "element </" + t.Name.Local + "> closes nothing open"}
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			// only the text of terms is read: the whitespace between
			// the other elements is not kept
			if len(stack) > 0 {
				switch top := stack[len(stack)-1]; top.name {
				case "term", "single", "multiple":
					top.text += string(t)
				}
			}
		}
	}
	if root == nil {
		return nil, &SyntaxError{Line: 1, Column: 1, Msg: "no root element"}
	}
	if len(stack) > 0 {
		l, c := pos(int64(len(data)))
		return nil, &SyntaxError{Line: l, Column: c, Msg: "unexpected EOF: <" + stack[len(stack)-1].name + "> is not closed"}
	}
	return root, nil
}

// Style is a parsed CSL style: immutable, safe for concurrent use.
type Style struct {
	class          string // in-text or note
	defaultLocale  string
	version        string
	opts           map[string]string // global options, incl. inheritable name options
	macros         map[string]*el
	citation       *layoutSpec
	bibliography   *layoutSpec
	locales        []*Locale // in-style locale overrides
	pageRangeFmt   string
	demoteParticle string
	initHyphen     bool
	usesYS         bool
	// usesDisplay is set when the first element of the bibliography's
	// layout has a display attribute: citeproc-js then gives the layout
	// suffix to the layout's last child (Processor.Bibliography); it
	// tells so only from the display of the layout's first element
	usesDisplay bool
	anyDisplay  bool // an element has a display attribute
	// quotedSuffix tells that an element has quotes and a suffix (a
	// delimiter's punctuation may go into its text: builder.migrate)
	quotedSuffix   bool
	usesDisamb     bool
	disambConds    int
	usesNumber     bool
	usesFirstRef   bool
	etAlSubsequent bool
	initWith       *string
	// bibCiteNamesMin is the bibliography's et-al-min where the
	// citation adds names and given names: a bibliography entry then
	// shows a names list in as many names as its cite (setCiteNames)
	bibCiteNamesMin int
	// nilNameOpts are the name options of a cs:names without cs:name in
	// the citation and the bibliography
	nilNameOpts [2]nameOpts
	// typeBits gives the item types that type conditions test a bit
	// each (at most 64), for cond.mask
	typeBits map[string]uint64
	// chains are the locale chains of the style's processors
	chains chainCache
	// lastDate is the cs:date that citeproc-js builds last (rangeEngine)
	lastDate *el
	// skip has the skip tables, by item type (skip.go)
	skip *skipState
}

type layoutSpec struct {
	opts   map[string]string
	layout *el
	sort   []*sortKey
	// options of a bibliography that each entry reads, set with opts:
	// subsequent-author-substitute (sas, hasSAS), its rule (sasRule,
	// "complete-all" when not given), second-field-align (sfa) given
	sas     string
	hasSAS  bool
	sasRule string
	sfa     bool
	// layout affixes
}

type sortKey struct {
	variable string
	macro    *el
	desc     bool
	opts     map[string]string // names-min, names-use-first, names-use-last
}

// Class returns the style's class: "in-text" or "note".
func (s *Style) Class() string { return s.class }

// HasBibliography reports whether the style defines a bibliography.
func (s *Style) HasBibliography() bool { return s.bibliography != nil }

// DefaultLocale returns the style's default-locale attribute ("" when absent).
func (s *Style) DefaultLocale() string { return s.defaultLocale }

// ParseStyle reads a CSL 1.0.2 style.
func ParseStyle(r io.Reader) (*Style, error) {
	root, err := parseXML(r)
	if err != nil {
		return nil, err
	}
	if root.name != "style" {
		return nil, &SyntaxError{Line: root.line, Column: root.col, Msg: "root element is <" + root.name + ">, not <style>"}
	}
	s := &Style{class: root.attr("class"), defaultLocale: root.attr("default-locale"), version: root.attr("version"), opts: map[string]string{}, macros: map[string]*el{}}
	for k, v := range root.attrs {
		s.opts[k] = v
	}
	s.pageRangeFmt = root.attr("page-range-format")
	s.demoteParticle = root.attr("demote-non-dropping-particle")
	if s.demoteParticle == "" {
		s.demoteParticle = "display-and-sort"
	}
	s.initHyphen = root.attr("initialize-with-hyphen") != "false"
	c := &compiler{style: s, macroNodes: map[string]*xnode{}}
	for _, k := range root.kids {
		if k.name == "macro" {
			name := k.attr("name")
			if name == "" {
				return nil, &SyntaxError{Line: k.line, Column: k.col, Msg: "macro without a name"}
			}
			c.macroNodes[name] = k
		}
	}
	for _, k := range root.kids {
		switch k.name {
		case "macro":
			if _, err := c.macro(k.attr("name"), k); err != nil {
				return nil, err
			}
		case "locale":
			loc, err := localeFromNode(k)
			if err != nil {
				return nil, err
			}
			s.locales = append(s.locales, loc)
		case "citation", "bibliography":
			ls := &layoutSpec{opts: map[string]string{}}
			for kk, v := range k.attrs {
				ls.opts[kk] = v
			}
			ls.sas, ls.hasSAS = ls.opts["subsequent-author-substitute"]
			ls.sasRule = ls.opts["subsequent-author-substitute-rule"]
			if ls.sasRule == "" {
				ls.sasRule = "complete-all"
			}
			ls.sfa = ls.opts["second-field-align"] != ""
			for _, kk := range k.kids {
				switch kk.name {
				case "layout":
					e, err := c.element(kk)
					if err != nil {
						return nil, err
					}
					ls.layout = e
				case "sort":
					for _, key := range kk.kids {
						if key.name != "key" {
							continue
						}
						sk := &sortKey{variable: key.attr("variable"), desc: key.attr("sort") == "descending", opts: key.attrs}
						if m := key.attr("macro"); m != "" {
							me, err := c.macroRef(m, key)
							if err != nil {
								return nil, err
							}
							sk.macro = me
						}
						ls.sort = append(ls.sort, sk)
					}
				}
			}
			if ls.layout == nil {
				return nil, &SyntaxError{Line: k.line, Column: k.col, Msg: "<" + k.name + "> without <layout>"}
			}
			if k.name == "citation" {
				s.citation = ls
			} else {
				s.bibliography = ls
				lk := ls.layout.kids
				s.usesDisplay = len(lk) > 0 && lk[0].display != ""
			}
		}
	}
	if s.citation == nil {
		return nil, &SyntaxError{Line: root.line, Column: root.col, Msg: "style without <citation>"}
	}
	s.disambConds = styleUsesDisambiguate(s)
	s.usesDisamb = s.disambConds > 0
	for _, k := range []string{"et-al-subsequent-min", "et-al-subsequent-use-first"} {
		if s.citation.opts[k] != "" || s.opts[k] != "" {
			s.etAlSubsequent = true
		}
	}
	s.initWith = styleInitWith(s)
	if ls := s.citation; ls != nil && ls.opts["disambiguate-add-names"] == "true" && ls.opts["disambiguate-add-givenname"] == "true" && s.bibliography != nil {
		// (setCiteNames)
		s.bibCiteNamesMin, _ = strconv.Atoi(s.bibliography.opts["et-al-min"])
	}
	s.resolveNameOpts(c.nameEls)
	// one walk of the elements serves every pass: topDisplays changes no
	// link between elements, and compact returns the order of its slab
	// (the order elements gives of the compacted style)
	order, at := s.elements(c.nodes)
	s.topDisplays(order)
	order = s.compact(order, at)
	// after compact, which moves the elements
	s.lastDate = lastBuiltDate(s)
	s.typeChoices(order)
	s.skips(order)
	return s, nil
}

type compiler struct {
	style      *Style
	macroNodes map[string]*xnode
	inProgress map[string]bool
	nameEls    []*el // the cs:name elements
	// inSubst counts the cs:substitute elements the element being
	// compiled is written in (a macro's body starts again at 0)
	inSubst int
	// nest counts the rendering elements around the element being
	// compiled (a cs:choose and its branches do not count; a macro's
	// elements always have one, the cs:text calling it)
	nest int
	// slab is where newEl takes the elements from (compact moves them
	// all into one slab of their own); nodes counts them
	slab  []el
	nodes int
	// brSlab is where newBranch takes the branches from
	brSlab []branch
	// pending gathers the children of the elements being compiled, from
	// the start each has noted; list moves them into lists of their own
	// taken from lists
	pending, lists []*el
}

// list returns the elements pending from from on in a list of their own
// (nil for none), and takes them off pending.
func (c *compiler) list(from int) []*el {
	k := c.pending[from:]
	if len(k) == 0 {
		return nil
	}
	if len(c.lists) < len(k) {
		c.lists = make([]*el, max(128, len(k)))
	}
	l := c.lists[:len(k):len(k)]
	copy(l, k)
	c.lists = c.lists[len(k):]
	clear(k)
	c.pending = c.pending[:from]
	return l
}

// newBranch returns a new branch of a cs:choose.
func (c *compiler) newBranch() *branch {
	if len(c.brSlab) == 0 {
		c.brSlab = make([]branch, 16)
	}
	b := &c.brSlab[0]
	c.brSlab = c.brSlab[1:]
	return b
}

// newEl returns a new element, zero (its fields are set in place: an
// element is large).
func (c *compiler) newEl() *el {
	if len(c.slab) == 0 {
		c.slab = make([]el, 32)
	}
	e := &c.slab[0]
	c.slab = c.slab[1:]
	c.nodes++
	return e
}

func (c *compiler) macroRef(name string, at *xnode) (*el, error) {
	if e, ok := c.style.macros[name]; ok {
		return e, nil
	}
	n, ok := c.macroNodes[name]
	if !ok {
		return nil, &SyntaxError{Line: at.line, Column: at.col, Msg: fmt.Sprintf("macro %q is not defined", name)}
	}
	return c.macro(name, n)
}

func (c *compiler) macro(name string, n *xnode) (*el, error) {
	if e, ok := c.style.macros[name]; ok {
		return e, nil
	}
	if c.inProgress == nil {
		c.inProgress = map[string]bool{}
	}
	if c.inProgress[name] {
		return nil, &SyntaxError{Line: n.line, Column: n.col, Msg: fmt.Sprintf("macro %q calls itself", name)}
	}
	c.inProgress[name] = true
	// a macro is its own tree: a cs:substitute that calls it is not
	// around its elements
	savedSubst, savedNest := c.inSubst, c.nest
	c.inSubst, c.nest = 0, 1
	defer func() { c.inSubst, c.nest = savedSubst, savedNest }()
	e := c.newEl()
	e.kind, e.line, e.col, e.name, e.hasDate = kMacro, n.line, n.col, name, hasDateEl(n)
	for _, k := range n.kids {
		ce, err := c.element(k)
		if err != nil {
			return nil, err
		}
		if ce != nil {
			e.kids = append(e.kids, ce)
		}
	}
	delete(c.inProgress, name)
	c.style.macros[name] = e
	return e, nil
}

// hasDateEl reports whether an element is or holds a cs:date.
func hasDateEl(n *xnode) bool {
	if n.name == "date" {
		return true
	}
	for _, k := range n.kids {
		if hasDateEl(k) {
			return true
		}
	}
	return false
}

type kind uint8

const (
	kLayout kind = iota
	kMacro
	kText
	kNumber
	kDate
	kDatePart
	kNames
	kName
	kEtAl
	kLabel
	kGroup
	kChoose
	kSubstitute
	kNamePart
)

// el is a compiled rendering element.
type el struct {
	// the fields the evaluator reads for most elements come first (one
	// or two cache lines)
	kind   kind
	quotes bool
	strip  bool
	// varID and shortVarID are the ids of variable and shortVar in
	// stdVarIDs (0: none)
	varID, shortVarID uint8
	// skipSlot, of a group or macro, is its place in the skip tables
	// (skip.go; 0: none)
	skipSlot int32
	// leafSkip and leafMask, of a variable's element, say when it renders
	// nothing (skip.go)
	leafSkip uint8
	// bare marks an element without affixes, formatting, quotes,
	// display or strip-periods (set with leafSkip): decorating a node
	// without them changes little (decorateUncased)
	bare     bool
	leafMask [2]uint64
	// chooseSlot, of a cs:choose, is its place in the branches an item
	// shape takes (skip.go; 0: none)
	chooseSlot int32
	macro      *el
	kids       []*el
	// choose
	branches []*branch
	// typeChoice, for a cs:choose whose first branches test only the
	// item's type by its bit (cond.masked), gives for each type the index
	// of the first branch that passes or is not such a branch (entry 0
	// for no bit, entry i+1 for bit i): the branches before it fail
	typeChoice []int8
	// varIDs, of a cs:names, are the stdVarIDs of its vars (0: none)
	varIDs   []uint8
	fm       *formatting
	prefix   string
	suffix   string
	textCase string
	delim    string
	display  string
	variable string
	term     string
	form     string
	shortVar string // variable + "-short"
	plural   string
	value    string
	// names
	nameEl     *el
	etAl       *el
	labelEl    *el
	labelFirst bool // label before name
	// substOnly marks a cs:names without children inside a
	// cs:substitute: citeproc-js takes only its variables, and renders
	// them with everything else of the cs:names it stands in for
	// (CSL.NameOutput.reinit)
	substOnly bool
	subst     *el
	// hasDate marks a macro with a cs:date of its own (not one of a
	// macro it calls): see ctx.macroCall
	hasDate   bool
	nameParts map[string]*el
	nopts     *[2]nameOpts // of a cs:name: in the citation, the bibliography
	vars      []string
	// date
	parts         []*el
	rangeDelim    string
	hasRangeDelim bool
	line, col     int
	name          string
	a             map[string]string // raw attributes

	// fmNoStyle is fm without its font-style, nil when fm sets none:
	// citeproc-js drops the font-style of a text with no letter of
	// cslcore.HasRomanesque (a title in Chinese or Japanese is not
	// italicized)
	fmNoStyle *formatting
	// inSubst marks a cs:names written inside a cs:substitute
	inSubst bool
}

type branch struct {
	// skipSlot is the branch's place in the skip tables (skip.go)
	skipSlot int32
	isElse   bool
	matchK   uint8 // matchAll, matchAny, matchNone
	// bits, when all the branch's conditions test bits (cond.masked or
	// vmasked), is their test in one (summarize): the evaluator then
	// reads no condition
	bits  bool
	typed bool      // there is a type condition: tmask is its bits
	tmask uint64    // type bits: all conditions' (matchAll), any's
	vbits [2]uint64 // presence bits of all the variable conditions
	conds []cond
	kids  []*el
	match string // all, any, none
}

// summarize sets a branch's bits test when all its conditions test bits.
// An item has at most one type bit, so type conditions that must all
// hold hold when the bit is in the intersection of their masks, and any
// of them when it is in their union; variable conditions hold for all
// (matchAll) when every bit of their union is present, for any when one
// is.
func (b *branch) summarize() {
	b.bits, b.typed, b.tmask, b.vbits = false, false, 0, [2]uint64{}
	if b.isElse || len(b.conds) == 0 {
		return
	}
	for i := range b.conds {
		cd := &b.conds[i]
		switch {
		case cd.masked:
			switch {
			case !b.typed:
				b.tmask = cd.mask
			case b.matchK == matchAll:
				b.tmask &= cd.mask
			default:
				b.tmask |= cd.mask
			}
			b.typed = true
		case cd.vmasked:
			b.vbits[0] |= cd.vmask[0]
			b.vbits[1] |= cd.vmask[1]
		default:
			b.typed, b.tmask, b.vbits = false, 0, [2]uint64{}
			return
		}
	}
	b.bits = true
}

// step is one test of a branch's match with the result hit: done reports
// whether the branch's outcome is decided by it (any: true at the first
// hit; none: false at the first hit; all: false at the first miss), and r
// is that outcome.
func (b *branch) step(hit bool) (done, r bool) {
	switch b.matchK {
	case matchAny:
		return hit, true
	case matchNone:
		return hit, false
	}
	return !hit, false
}

const (
	matchAll uint8 = iota
	matchAny
	matchNone
)

// cond is one condition attribute of a cs:if or cs:else-if, compiled:
// ck is its kind and vk, per value, what the value is (a name or date
// variable, a position).
type cond struct {
	ck condKind
	// mask, for a type condition whose values all have a bit in the
	// style's typeBits (masked), is the bits of its values
	masked bool
	mask   uint64
	// vmask, for a variable condition whose values all have an id in
	// stdVarIDs (vmasked), is the presence bits of its values
	vmasked bool
	vmask   [2]uint64
	// vids, for a variable or is-numeric condition, are the ids of its
	// values in stdVarIDs (0: none)
	vids   []uint8
	vk     []uint8
	values []string
	kind   string
}

// typeMask gives a type condition the bits of its values, new types a
// bit while there are bits left.
func (s *Style) typeMask(cd *cond) {
	var m uint64
	for _, v := range cd.values {
		b, ok := s.typeBits[v]
		if !ok {
			if len(s.typeBits) == 64 {
				return
			}
			if s.typeBits == nil {
				s.typeBits = map[string]uint64{}
			}
			b = 1 << len(s.typeBits)
			s.typeBits[v] = b
		}
		m |= b
	}
	cd.mask, cd.masked = m, len(cd.values) > 0
}

type condKind uint8

const (
	cType condKind = iota
	cVariable
	cIsNumeric
	cIsUncertainDate
	cLocator
	cPosition
	cDisambiguate
)

// value kinds of a variable condition
const (
	vkOrdinary uint8 = iota
	vkName
	vkDate
)

// value kinds of a position condition
const (
	vkFirst uint8 = iota
	vkSubsequent
	vkIbid
	vkIbidWithLocator
	vkNearNote
	vkUnknown
)

func compileCond(kind, v string) cond {
	cd := cond{kind: kind, values: strings.Fields(v)}
	cd.vk = make([]uint8, len(cd.values))
	cd.vids = make([]uint8, len(cd.values))
	for i, x := range cd.values {
		cd.vids[i] = stdVarIDs[x]
	}
	switch kind {
	case "type":
		cd.ck = cType
	case "variable":
		cd.ck = cVariable
		for i, x := range cd.values {
			switch {
			case isNameVar(x):
				cd.vk[i] = vkName
			case isDateVar(x):
				cd.vk[i] = vkDate
			}
		}
		// every value with a presence bit: the test is on the bits
		cd.vmasked = len(cd.values) > 0
		for _, id := range cd.vids {
			if id == 0 {
				cd.vmasked = false
				break
			}
			cd.vmask[id>>6] |= 1 << (id & 63)
		}
	case "is-numeric":
		cd.ck = cIsNumeric
	case "is-uncertain-date":
		cd.ck = cIsUncertainDate
	case "locator":
		cd.ck = cLocator
	case "position":
		cd.ck = cPosition
		for i, x := range cd.values {
			switch x {
			case "first":
				cd.vk[i] = vkFirst
			case "subsequent":
				cd.vk[i] = vkSubsequent
			case "ibid":
				cd.vk[i] = vkIbid
			case "ibid-with-locator":
				cd.vk[i] = vkIbidWithLocator
			case "near-note":
				cd.vk[i] = vkNearNote
			default:
				cd.vk[i] = vkUnknown
			}
		}
	case "disambiguate":
		cd.ck = cDisambiguate
	}
	return cd
}

type formatting struct {
	fontStyle, fontVariant, fontWeight, textDecoration, verticalAlign string
	// ord lists the properties set (s, v, w, d, a; n for nodecor):
	// citeproc-js nests them with the first innermost.
	ord string
	// attr marks formatting from the style's attributes: citeproc-js
	// nests those without flip-flopping (italics in italics stay
	// italic); inline markup in the data flips against them.
	attr bool
}

func fmOf(n *xnode) *formatting {
	if len(n.attrs) == 0 {
		return nil
	}
	// the values are read first: a formatting is made only for an
	// element that has some
	st, vr, wt, dc, va := n.attr("font-style"), n.attr("font-variant"), n.attr("font-weight"), n.attr("text-decoration"), n.attr("vertical-align")
	if st == "" && vr == "" && wt == "" && dc == "" && va == "" {
		return nil
	}
	f := &formatting{fontStyle: st, fontVariant: vr, fontWeight: wt, textDecoration: dc, verticalAlign: va}
	// citeproc-js applies formatting in a fixed sequence, whatever the
	// order of the attributes: font-style innermost, then font-variant,
	// font-weight, text-decoration and vertical-align
	var ord [5]byte
	no := 0
	for _, p := range [...]struct {
		set bool
		b   byte
	}{{f.fontStyle != "", 's'}, {f.fontVariant != "", 'v'}, {f.fontWeight != "", 'w'}, {f.textDecoration != "", 'd'}, {f.verticalAlign != "", 'a'}} {
		if p.set {
			ord[no] = p.b
			no++
		}
	}
	f.ord = string(ord[:no])
	f.attr = true
	return f
}

// lastNameParts returns the name-parts a cs:names with a cs:substitute
// formats its names with: citeproc-js takes, for each of family and
// given, the cs:name-part built last before the cs:names ends, one of a
// cs:names in its substitution too (with its macros, every branch): an
// editor macro's plain family name-part gives way to the small-caps one
// of a container-author macro it substitutes.
func lastNameParts(e *el) map[string]*el {
	parts := map[string]*el{}
	seen := map[*el]bool{}
	var walk func(k *el)
	walk = func(k *el) {
		if k == nil || seen[k] {
			return
		}
		seen[k] = true
		if k.kind == kNames {
			if k.nameEl != nil {
				for _, n := range [...]string{"family", "given"} {
					if p := k.nameEl.nameParts[n]; p != nil {
						parts[n] = p
					}
				}
			}
			if k.subst != nil {
				for _, kk := range k.subst.kids {
					walk(kk)
				}
			}
			return
		}
		if k.macro != nil {
			for _, kk := range k.macro.kids {
				walk(kk)
			}
		}
		for _, kk := range k.kids {
			walk(kk)
		}
		for _, b := range k.branches {
			for _, kk := range b.kids {
				walk(kk)
			}
		}
	}
	walk(e)
	for n, p := range e.nameEl.nameParts {
		if parts[n] == nil {
			parts[n] = p
		}
	}
	return parts
}

// withoutFontStyle returns f without its font-style (nil when it then
// sets nothing), or nil when f sets no font-style.
func withoutFontStyle(f *formatting) *formatting {
	if f == nil || f.fontStyle == "" {
		return nil
	}
	g := *f
	g.fontStyle = ""
	g.ord = strings.ReplaceAll(g.ord, "s", "")
	if g.fontVariant == "" && g.fontWeight == "" && g.textDecoration == "" && g.verticalAlign == "" {
		return &formatting{}
	}
	return &g
}

// zero reports whether no formatting is set (nil is none). Formatting
// values are shared by the compiled style and its output: never mutate one.
func (f *formatting) zero() bool { return f == nil || *f == formatting{} }

func (c *compiler) element(n *xnode) (*el, error) {
	e := c.newEl()
	e.line, e.col, e.a, e.name = n.line, n.col, n.attrs, n.name
	e.fm = fmOf(n)
	e.fmNoStyle = withoutFontStyle(e.fm)
	e.prefix = n.attr("prefix")
	e.suffix = n.attr("suffix")
	e.delim = n.attr("delimiter")
	if c.nest == 0 {
		// citeproc-js honours display only on the elements of the
		// layout itself (and of a cs:choose there): it drops it from
		// every nested element (CSL.Util.substituteStart)
		switch d := n.attr("display"); d {
		case "block", "left-margin", "right-inline", "indent":
			e.display = d
			c.style.anyDisplay = true
		}
	}
	e.quotes = n.attr("quotes") == "true"
	if e.quotes && n.attr("suffix") != "" {
		c.style.quotedSuffix = true
	}
	e.strip = n.attr("strip-periods") == "true"
	e.textCase = n.attr("text-case")
	e.variable = n.attr("variable")
	e.term = n.attr("term")
	e.form = n.attr("form")
	e.plural = n.attr("plural")
	e.value = n.attr("value")
	if e.form == "short" && e.variable != "" {
		e.shortVar = e.variable + "-short"
	}
	e.varID, e.shortVarID = stdVarIDs[e.variable], stdVarIDs[e.shortVar]
	if e.variable == "year-suffix" {
		c.style.usesYS = true
	}
	if e.variable == "citation-number" {
		c.style.usesNumber = true
	}
	if e.variable == "first-reference-note-number" {
		c.style.usesFirstRef = true
	}
	kids := func() error {
		if n.name != "layout" {
			c.nest++
			defer func() { c.nest-- }()
		}
		from := len(c.pending)
		for _, k := range n.kids {
			ce, err := c.element(k)
			if err != nil {
				return err
			}
			if ce != nil {
				c.pending = append(c.pending, ce)
			}
		}
		e.kids = c.list(from) // (kids runs once, on an element without children yet)
		return nil
	}
	switch n.name {
	case "layout":
		e.kind = kLayout
		if err := kids(); err != nil {
			return nil, err
		}
	case "text":
		e.kind = kText
		if m := n.attr("macro"); m != "" {
			me, err := c.macroRef(m, n)
			if err != nil {
				return nil, err
			}
			e.macro = me
		} else if e.variable == "" && e.term == "" && n.attrs["value"] == "" {
			if _, ok := n.attrs["value"]; !ok {
				return nil, &SyntaxError{Line: n.line, Column: n.col, Msg: "<text> needs variable, macro, term or value"}
			}
		}
	case "number":
		e.kind = kNumber
	case "label":
		e.kind = kLabel
	case "group":
		e.kind = kGroup
		if err := kids(); err != nil {
			return nil, err
		}
	case "date":
		e.kind = kDate
		if e.form != "" {
			// citeproc-js renders a localized date as a copy of the
			// locale's cs:date that takes from the style's element only
			// its variable, form, date-parts, prefix, suffix and display
			// (CSL.Util.fixDateNode): its font formatting, quotes and
			// strip-periods are ignored
			e.fm, e.quotes, e.strip = nil, false, false
		}
		for _, k := range n.kids {
			if k.name == "date-part" {
				dp := c.newEl()
				dp.kind, dp.line, dp.col, dp.a, dp.name = kDatePart, k.line, k.col, k.attrs, k.attr("name")
				dp.fm = fmOf(k)
				dp.prefix, dp.suffix = k.attr("prefix"), k.attr("suffix")
				dp.textCase = k.attr("text-case")
				dp.form = k.attr("form")
				dp.strip = k.attr("strip-periods") == "true"
				if rd := k.attrs["range-delimiter"]; rd != "" {
					// citeproc-js takes an empty range-delimiter as unset
					dp.rangeDelim, dp.hasRangeDelim = rd, true
				}
				e.parts = append(e.parts, dp)
			}
		}
	case "names":
		e.kind = kNames
		e.vars = strings.Fields(e.variable)
		e.substOnly = c.inSubst > 0 && len(n.kids) == 0
		e.varIDs = make([]uint8, len(e.vars))
		for i, v := range e.vars {
			e.varIDs[i] = stdVarIDs[v]
		}
		for _, k := range n.kids {
			switch k.name {
			case "name":
				ne := c.newEl()
				ne.kind, ne.line, ne.col, ne.a, ne.nameParts = kName, k.line, k.col, k.attrs, map[string]*el{}
				ne.fm = fmOf(k)
				ne.prefix, ne.suffix = k.attr("prefix"), k.attr("suffix")
				for _, np := range k.kids {
					if np.name == "name-part" {
						pe := c.newEl()
						pe.kind, pe.a = kNamePart, np.attrs
						pe.fm = fmOf(np)
						pe.fmNoStyle = withoutFontStyle(pe.fm)
						pe.prefix, pe.suffix = np.attr("prefix"), np.attr("suffix")
						pe.textCase = np.attr("text-case")
						ne.nameParts[np.attr("name")] = pe
					}
				}
				e.nameEl = ne
				c.nameEls = append(c.nameEls, ne)
				if e.labelEl == nil {
					e.labelFirst = false
				}
			case "et-al":
				ee := c.newEl()
				ee.kind, ee.a, ee.term = kEtAl, k.attrs, k.attr("term")
				ee.fm = fmOf(k)
				ee.prefix, ee.suffix = k.attr("prefix"), k.attr("suffix")
				if ee.term == "" {
					ee.term = "et-al"
				}
				e.etAl = ee
			case "label":
				c.nest++
				le, err := c.element(k)
				c.nest--
				if err != nil {
					return nil, err
				}
				e.labelEl = le
				e.labelFirst = e.nameEl == nil
			case "substitute":
				se := c.newEl()
				se.kind = kSubstitute
				c.inSubst++
				for _, sk := range k.kids {
					c.nest++
					ce, err := c.element(sk)
					c.nest--
					if err != nil {
						c.inSubst--
						return nil, err
					}
					if ce != nil {
						se.kids = append(se.kids, ce)
					}
				}
				c.inSubst--
				e.subst = se
			}
		}
		e.inSubst = c.inSubst > 0
		if e.nameEl == nil && c.inSubst == 0 {
			// citeproc-js gives a cs:names without a cs:name, unless it
			// is written inside a cs:substitute, a cs:name before its
			// other children: its label follows the names, and so does
			// the label a substitution inherits from it
			e.labelFirst = false
		}
		if e.nameEl != nil && e.subst != nil {
			e.nameEl.nameParts = lastNameParts(e)
		}
	case "choose":
		e.kind = kChoose
		if len(n.kids) > 0 {
			e.branches = make([]*branch, 0, len(n.kids))
		}
		for _, k := range n.kids {
			b := c.newBranch()
			b.match, b.isElse = k.attr("match"), k.name == "else"
			switch b.match {
			case "", "all":
				b.match = "all"
			case "any":
				b.matchK = matchAny
			case "none":
				b.matchK = matchNone
			}
			for _, ck := range condKinds {
				if v, ok := k.attrs[ck]; ok {
					cd := compileCond(ck, v)
					if cd.ck == cType {
						c.style.typeMask(&cd)
					}
					b.conds = append(b.conds, cd)
				}
			}
			from := len(c.pending)
			for _, bk := range k.kids {
				ce, err := c.element(bk)
				if err != nil {
					return nil, err
				}
				if ce != nil {
					c.pending = append(c.pending, ce)
				}
			}
			b.kids = c.list(from)
			e.branches = append(e.branches, b)
		}
	default:
		return nil, nil
	}
	return e, nil
}

// condKinds are the condition attributes, in the order they are tested.
var condKinds = [...]string{"type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"}

func atoiDef(s string, d int) int {
	if s == "" {
		return d
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return d
	}
	return n
}
