package csl

import (
	"bytes"
	"errors"
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Options configure a Processor. The zero value is the default: the
// style's default locale (en-US when it names none), locale files from
// nowhere (the built-in en-US terms).
type Options struct {
	// Locales finds locale files; nil uses only the style's own locale
	// elements and the built-in en-US terms.
	Locales *LocaleSet
	// Lang overrides the style's default-locale.
	Lang string
}

// Processor renders citations and bibliographies of registered items in
// one style. It is not safe for concurrent use; the Style it uses is.
type Processor struct {
	style *Style
	// nameInit is, by item id, whether each names list of its cite has
	// initialize-with (disambRender)
	nameInit map[string][]bool
	loc      *chain
	items    []*Item
	// index gives an item's place in items by id once there are more
	// than smallRegistry (fewer are found by a scan)
	index map[string]int
	coll  *collate.Collator
	lang  string
	dirty bool
	// reg, by place in items, made by prepare, are the citation numbers
	// (1-based) and disambiguation states
	reg   []regEntry
	order []*Item // bibliography order
	// positions, when set, records the positions CiteDocument gave each
	// citation (by ID), for the test-suite runner
	positions map[string]string
	// keyBuf, while sortItems makes sort keys, holds their collation keys
	// (cleanBuf: scratch for each key cleaned, appendSortClean)
	keyBuf   *collate.Buffer
	cleanBuf []byte
	// ar holds the output nodes of renders during a call (nil between
	// calls: nodes are then allocated one by one)
	ar *arena
	// engine, when set, writes date ranges as a citeproc-js engine
	// does before its first reset (the test suite's runner: Fixture.Run)
	engine *rangeEngine
	// full turns off the skipping of what cannot render (skip.go), for
	// the tests that compare the two
	full bool
	// sas follows subsequent-author-substitute through Bibliography (its
	// buffers kept from call to call)
	sas sasState
	// terms caches the term lookups of the processor's renders (made at
	// the first)
	terms *termCache
	// shape is the style's verdicts for the shape shapeKey of the item
	// last rendered (nil: none yet, or the style keeps no more shapes)
	shape    *shape
	shapeKey shapeKey
}

// regEntry is what prepare decides for an item.
type regEntry struct {
	number int
	dstate
}

// smallRegistry is the number of items up to which a processor finds
// them by a scan rather than keep an index.
const smallRegistry = 8

// place returns the place of the item with an id in p.items, or -1.
func (p *Processor) place(id string) int {
	if p.index != nil {
		if i, ok := p.index[id]; ok {
			return i
		}
		return -1
	}
	for i, it := range p.items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

// placeOf returns the place of a registered item, or -1.
func (p *Processor) placeOf(it *Item) int {
	if p.index == nil {
		for i, x := range p.items {
			if x == it {
				return i
			}
		}
	}
	return p.place(it.ID)
}

// number returns the citation number of an item (0 before prepare).
func (p *Processor) number(id string) int {
	if i := p.place(id); i >= 0 && i < len(p.reg) {
		return p.reg[i].number
	}
	return 0
}

// st returns the disambiguation state of an item (nil before prepare or
// for an item not registered).
func (p *Processor) st(id string) *dstate {
	if i := p.place(id); i >= 0 && i < len(p.reg) {
		return &p.reg[i].dstate
	}
	return nil
}

// acquire gives the processor an arena from arenaPool for a call that
// renders, unless an enclosing call holds one; own tells release whether
// to give it back.
func (p *Processor) acquire() (own bool) {
	if p.ar != nil {
		return false
	}
	p.ar = arenaPool.Get().(*arena)
	return true
}

// release gives the arena back at the end of the call that acquired it:
// nothing rendered in it may be used after.
func (p *Processor) release(own bool) {
	if !own {
		return
	}
	p.ar.reset()
	arenaPool.Put(p.ar)
	p.ar = nil
}

type dstate struct {
	addNames   int
	givenLevel map[int][]int
	disambig   int
	yearSuffix string
	// citeNames is how many names each names list of the cite shows,
	// with disambiguate-add-names and -givenname (setCiteNames)
	citeNames []int
}

// CiteItem is one cite of a citation.
type CiteItem struct {
	ID             string
	Locator        string
	Label          string
	Prefix, Suffix string
	SuppressAuthor bool
	AuthorOnly     bool
	// Position, when HasPosition, is given rather than computed.
	Position    Position
	HasPosition bool
	NearNote    bool
}

// Citation is a cluster of cites in one note (NoteIndex > 0) or in the
// text (NoteIndex 0).
type Citation struct {
	ID        string
	Items     []CiteItem
	NoteIndex int
}

// NewProcessor returns a processor for a style.
func NewProcessor(s *Style, opts Options) *Processor {
	lang := opts.Lang
	if lang == "" {
		lang = s.defaultLocale
	}
	if lang == "" {
		lang = "en-US"
	}
	p := &Processor{style: s}
	p.loc = s.chain(opts.Locales, lang)
	p.lang = lang
	return p
}

// chainCache keeps the locale chains (with their memo of term lookups)
// of a style's processors, by locale set and language: processors made
// for each document share them.
type chainCache struct {
	mu   sync.Mutex
	list []chainEntry
}

type chainEntry struct {
	ls   *LocaleSet
	lang string
	c    *chain
}

// maxChains bounds the chains a style keeps.
const maxChains = 8

// chain returns the locale chain for a locale set and language, made on
// first use.
func (s *Style) chain(ls *LocaleSet, lang string) *chain {
	cc := &s.chains
	cc.mu.Lock()
	defer cc.mu.Unlock()
	for _, e := range cc.list {
		if e.ls == ls && e.lang == lang {
			return e.c
		}
	}
	c := buildChain(s, ls, lang)
	if len(cc.list) == maxChains {
		cc.list = append(cc.list[:0], cc.list[1:]...)
	}
	cc.list = append(cc.list, chainEntry{ls, lang, c})
	return c
}

// Register adds items (in order); registering an id again replaces it.
func (p *Processor) Register(items ...*Item) {
	for _, it := range items {
		if i := p.place(it.ID); i >= 0 {
			p.items[i] = it
			continue
		}
		p.items = append(p.items, it)
		switch {
		case p.index != nil:
			p.index[it.ID] = len(p.items) - 1
		case len(p.items) > smallRegistry:
			p.index = make(map[string]int, 2*len(p.items))
			for i, x := range p.items {
				p.index[x.ID] = i
			}
		}
	}
	p.dirty = true
}

// Reset forgets the registered items (and with them citation numbers,
// bibliography order and disambiguation) for a new document, keeping the
// processor's style, locale and buffers: a processor reset and reused
// costs less than a new one, as citeproc-js's engine reused with
// restoreProcessorState does.
func (p *Processor) Reset() {
	clear(p.items) // drop the references to the items
	p.items = p.items[:0]
	p.index = nil
	clear(p.reg)
	p.reg = p.reg[:0]
	p.order = nil
	p.positions = nil
	p.engine = nil // as restoreProcessorState([]) drops citeproc-js's date token
	clear(p.nameInit)
	p.dirty = true
}

// Item returns a registered item.
func (p *Processor) Item(id string) *Item {
	if i := p.place(id); i >= 0 {
		return p.items[i]
	}
	return nil
}

func (p *Processor) newCtx(it *Item, mode int) *ctx {
	c := p.ar.newCtx()
	c.ar, c.st, c.loc, c.item, c.mode, c.budget = p.ar, p.style, p.loc, it, mode, 200000
	c.engine = p.engine
	c.full = p.full
	if p.terms == nil {
		p.terms = new(termCache)
	}
	c.terms = p.terms
	c.typeBit = p.style.typeBits[it.Type]
	if c.typeBit != 0 {
		c.typeIdx = bits.TrailingZeros64(c.typeBit) + 1
	}
	if !p.full {
		c.skipTab = p.style.skipTable(c.typeIdx)
		// the shape of the processor's last item, or the style's
		k := shapeKey{c.typeIdx, it.present}
		if p.shape == nil || p.shapeKey != k {
			p.shape, p.shapeKey = p.style.shapeVerdicts(c.typeIdx, it.present), k
		}
		if sh := p.shape; sh != nil {
			c.verdicts, c.chooses = sh.skip, sh.choose
		}
	}
	if mode == modeBib {
		c.ls = p.style.bibliography
	} else {
		c.ls = p.style.citation
	}
	var ds *dstate
	if i := p.placeOf(it); i >= 0 && i < len(p.reg) {
		c.citationNumber = p.reg[i].number
		ds = &p.reg[i].dstate
	}
	if ds != nil {
		c.addNames = ds.addNames
		c.givenLevel = ds.givenLevel
		c.disambig = ds.disambig
		c.yearSuffix = ds.yearSuffix
		if mode == modeBib {
			c.citeNames = ds.citeNames
		}
	}
	return c
}

// prepare sorts the registry and disambiguates.
func (p *Processor) prepare() {
	if !p.dirty {
		return
	}
	p.dirty = false
	// the renders of sorting and disambiguation end in strings: their
	// output trees are dead after
	defer p.ar.rewind(p.ar.mark())
	n := len(p.items)
	if cap(p.reg) >= n {
		p.reg = p.reg[:n]
		clear(p.reg)
	} else {
		p.reg = make([]regEntry, n)
	}
	// citation numbers: registration order, then bibliography sort
	for i := range p.items {
		p.reg[i].number = i + 1
	}
	// the bibliography order is the registration order unless sorted
	p.order = p.items[:n:n]
	if b := p.style.bibliography; b != nil && len(b.sort) > 0 && len(p.items) > 1 {
		p.order = p.sortItems(append(make([]*Item, 0, n), p.items...), b, modeBib)
		for i, it := range p.order {
			p.reg[p.placeOf(it)].number = i + 1
		}
		// a descending citation-number key keeps numbers from the ascending order
		if usesCitationNumberDesc(b) {
			asc := *b
			asc.sort = append([]*sortKey(nil), b.sort...)
			for i, k := range asc.sort {
				k2 := *k
				k2.desc = false
				asc.sort[i] = &k2
			}
			o := p.sortItems(append([]*Item(nil), p.items...), &asc, modeBib)
			for i, it := range o {
				p.reg[p.placeOf(it)].number = i + 1
			}
		}
	}
	p.disambiguate()
}

func usesCitationNumberDesc(b *layoutSpec) bool {
	if len(b.sort) == 0 {
		return false
	}
	k := b.sort[0]
	if !k.desc {
		return false
	}
	if k.variable == "citation-number" {
		return true
	}
	if k.macro != nil {
		found := false
		var walk func(e *el)
		walk = func(e *el) {
			if (e.kind == kText || e.kind == kNumber) && e.variable == "citation-number" {
				found = true
			}
			if e.macro != nil {
				for _, x := range e.macro.kids {
					walk(x)
				}
			}
			for _, x := range e.kids {
				walk(x)
			}
			for _, b := range e.branches {
				for _, x := range b.kids {
					walk(x)
				}
			}
		}
		for _, x := range k.macro.kids {
			walk(x)
		}
		return found
	}
	return false
}

type sortVal struct {
	s     string
	clean string // s without what collation ignores (sortClean)
	// key is the collation key of clean, when sortItems asked for keys
	// (hasKey): comparing keys is comparing the strings
	key    []byte
	hasKey bool
	n      float64
	isNum  bool
	empty  bool
}

func (p *Processor) sortKeysFor(it *Item, ls *layoutSpec, mode int) []sortVal {
	// the keys are strings: the output trees are dead after
	defer p.ar.rewind(p.ar.mark())
	out := make([]sortVal, 0, len(ls.sort))
	for _, k := range ls.sort {
		c := p.newCtx(it, mode)
		c.sorting = true
		c.sortKeyDates = true
		c.pos = PosFirst
		if v := k.opts["names-min"]; v != "" {
			c.sortNamesMin, c.sortNamesSet = atoiDef(v, 0), true
		}
		if v := k.opts["names-use-first"]; v != "" {
			c.sortNamesFirst, c.sortNamesSet = atoiDef(v, 0), true
		}
		if v := k.opts["names-use-last"]; v == "true" {
			c.sortNamesLast, c.sortNamesSet = 1, true
		}
		var sv sortVal
		if k.macro != nil {
			// the key's macro is a macro call as a cs:text's (macroCall)
			c.macroDate = k.macro.hasDate
			n, _ := c.children(k.macro.kids, "")
			c.macroDate = false
			s := plainText(n)
			if c.keyDate {
				s += "|"
			}
			sv.s = s
			if s == "" {
				sv.empty = true
			} else if f, err := parseSortFloat(s); err == nil && !strings.ContainsAny(s, "eE") {
				sv.n, sv.isNum = f, true
			}
		} else {
			v := k.variable
			switch {
			case isNameVar(v):
				e := &el{kind: kNames, vars: []string{v}, nameEl: &el{kind: kName, a: map[string]string{"name-as-sort-order": "all"}}}
				n, _ := c.names(e)
				sv.s = plainText(n)
			case isDateVar(v):
				if d := it.dates[v]; d != nil {
					sv.s = dateSortKey(d)
				}
			default:
				val := c.variable(v)
				if isNumericVar(v) && val != "" {
					if f, err := strconv.ParseFloat(leadingNumber(val), 64); err == nil {
						sv.n, sv.isNum = f, true
					}
				}
				sv.s = plainText(richText(val))
			}
			sv.empty = sv.s == ""
		}
		if p.keyBuf != nil && !sv.empty {
			// the collation key of the cleaned key, cleaned into a
			// scratch buffer
			p.cleanBuf = appendSortClean(p.cleanBuf[:0], sv.s)
			sv.key, sv.hasKey = p.collator().Key(p.keyBuf, p.cleanBuf), true
		} else {
			sv.clean = sortClean(sv.s)
		}
		out = append(out, sv)
	}
	return out
}

func leadingNumber(s string) string {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || (i == 0 && s[i] == '-')) {
		i++
	}
	return s[:i]
}

var numericVars = map[string]bool{"chapter-number": true, "collection-number": true, "edition": true, "issue": true, "number": true, "number-of-pages": true, "number-of-volumes": true, "volume": true, "citation-number": true, "page": true, "page-first": true, "locator": true, "first-reference-note-number": true, "part-number": true, "supplement-number": true, "printing-number": true}

func isNumericVar(v string) bool { return numericVars[v] }

func (p *Processor) compare(a, b []sortVal, keys []*sortKey) int {
	for i := range a {
		x, y := a[i], b[i]
		if x.empty && y.empty {
			continue
		}
		if x.empty {
			return 1
		}
		if y.empty {
			return -1
		}
		var r int
		if x.isNum && y.isNum {
			switch {
			case x.n < y.n:
				r = -1
			case x.n > y.n:
				r = 1
			}
		} else {
			if x.hasKey && y.hasKey {
				r = bytes.Compare(x.key, y.key)
			} else {
				r = p.collator().CompareString(x.clean, y.clean)
			}
		}
		if r != 0 {
			if keys[i].desc {
				return -r
			}
			return r
		}
	}
	return 0
}

func (p *Processor) sortItems(items []*Item, ls *layoutSpec, mode int) []*Item {
	if len(items) < 2 {
		return items
	}
	type keyed struct {
		it   *Item
		keys []sortVal
	}
	// collation keys, made once per item rather than at each comparison
	var buf collate.Buffer
	p.keyBuf = &buf
	defer func() { p.keyBuf = nil }()
	ks := make([]keyed, len(items))
	for i, it := range items {
		ks[i] = keyed{it, p.sortKeysFor(it, ls, mode)}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		return p.compare(ks[i].keys, ks[j].keys, ls.sort) < 0
	})
	for i := range ks {
		items[i] = ks[i].it
	}
	return items
}

// renderCite renders one cite (or bibliography entry) without the layout.
func (p *Processor) renderItem(it *Item, ci *CiteItem, pos Position, mode int, firstNote int) *onode {
	c := p.newCtx(it, mode)
	c.cite = ci
	c.pos = pos
	c.firstNote = firstNote
	if ci != nil {
		c.nearNote = ci.NearNote
	}
	ls := c.ls
	n, _ := c.children(ls.layout.kids, "")
	return n
}

// sortClean drops what citeproc-js's collation ignores: it compares
// with Intl.Collator's ignorePunctuation: punctuation goes ("1932-1943"
// = "1932–1943"), and white space but the space. citeproc-js writes a
// key's spaces as "|", a symbol that counts (as the suite requires),
// after "<" and before digits and letters. Numbers are written with
// their length (see appendSortClean).
func sortClean(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || (r >= '0' && r <= '9') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return string(appendSortClean(make([]byte, 0, len(s)+8), s))
}

// appendSortClean appends sortClean(s) to dst, with each number written
// as the count of its digits (two digits) and its digits, without leading
// zeros: citeproc-js's collator compares numbers by value (Intl.Collator's
// numeric option: "3 February" before "17 January", and a key of two
// dates, 18 digits, after a key of one, 9), which such numbers give a
// collation without its slower numeric option.
func appendSortClean(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= '0' && c <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			for i < j-1 && s[i] == '0' {
				i++
			}
			n := min(j-i, 99)
			dst = append(dst, byte('0'+n/10), byte('0'+n%10))
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				dst = append(dst, '|')
			case unicode.IsPunct(rune(c)) || unicode.IsSpace(rune(c)):
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			dst = append(dst, s[i:i+w]...)
		}
		i += w
	}
	return dst
}

// errNotFloat is parseSortFloat's answer for what cannot be a number.
var errNotFloat = errors.New("csl: not a number")

// parseSortFloat is strconv.ParseFloat without the work (and the error
// allocation) for a key that cannot start a number.
func parseSortFloat(s string) (float64, error) {
	if s == "" {
		return 0, errNotFloat
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '+', c == '-', c == '.', c == 'i', c == 'I', c == 'n', c == 'N':
		return strconv.ParseFloat(s, 64)
	}
	return 0, errNotFloat
}

// collator is made on first use: most single-entry renderings never sort.
func (p *Processor) collator() *collate.Collator {
	if p.coll == nil {
		tag, err := language.Parse(p.lang)
		if err != nil {
			tag = language.AmericanEnglish
		}
		p.coll = collate.New(tag, collate.IgnoreCase, collate.IgnoreDiacritics)
	}
	return p.coll
}
