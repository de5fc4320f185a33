package csl

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// Rendered is rendered output: a citation or a bibliography entry.
type Rendered struct {
	// enc is the output flattened (its punctuation joined) into tokens,
	// encoded compactly (encodeToks)
	enc string
	q   *quoteTerms
	// entry marks a bibliography entry: its text ends without white
	// space (trimEntryEnd)
	entry bool
}

// String returns the output as plain text.
func (r Rendered) String() string { return r.Format(Text) }

// HTML returns the output as citeproc-js's HTML.
func (r Rendered) HTML() string { return r.Format(HTML) }

// Format returns the output in a format.
func (r Rendered) Format(f Format) string {
	if r.enc == "" {
		return ""
	}
	s := serialize(r.enc, nil, f, *r.q)
	if r.entry && f != HTML {
		s = trimEntryEnd(s)
	}
	return s
}

// trimEntryEnd drops the white space at the end of a bibliography
// entry's text. citeproc-js ends a text entry with a line break
// ("@bibliography/entry"), and the reference renderer reads the entry
// without its trailing white space (JavaScript's \s+$: a suffix "\t" or
// " " of the layout's last element goes too); in HTML it is kept.
func trimEntryEnd(s string) string {
	return strings.TrimRightFunc(s, isJSSpace)
}

// isJSSpace reports whether JavaScript's \s matches r: Unicode's space
// separators, the ASCII white space and U+FEFF, but not U+0085.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// putBuilder returns a builder to builderPool, emptied.
func putBuilder(b *builder) {
	if cap(b.toks) <= maxPooledToks {
		clear(b.toks) // drop the references to the output's strings
		clear(b.moved)
		b.reset()
		builderPool.Put(b)
	}
}

// reset empties a builder for the next flattening, keeping its buffers
// (not cleared: an arena's builder holds the strings of its last output,
// as its nodes do, until the arena's next use or collection).
func (b *builder) reset() {
	b.toks = b.toks[:0]
	b.enc = b.enc[:0]
	// the state of one flattening (all spent by its end)
	b.moved = b.moved[:0]
	b.afterDelim, b.raw, b.lastNum, b.leadCut, b.keepSpaces, b.display = false, false, false, nil, false, false

	b.prefixEnd, b.sibs, b.sibDelim, b.sibPlain, b.leadRaw, b.afterPrefix, b.numberSpace = 0, nil, false, false, false, false, false
}

// builderPool recycles the token buffers of flattening outside a call's
// arena (disambiguation's comparisons, plainTextHTML): a buffer is a
// couple of KB.
var builderPool = sync.Pool{New: func() any { return &builder{toks: make([]tok, 0, 64)} }}

// maxPooledToks bounds the buffers kept in builderPool.
const maxPooledToks = 4096

// IsZero reports whether nothing was rendered.
func (r Rendered) IsZero() bool { return r.enc == "" }

// rendered flattens an output tree (scratch of the call) into the tokens
// that the Rendered keeps.
func (p *Processor) rendered(n *onode) Rendered {
	if n.empty() {
		return Rendered{q: p.quotes()}
	}
	// the builder of the call's arena, else one from builderPool
	var b *builder
	if p.ar != nil {
		b = &p.ar.bld
	} else {
		b = builderPool.Get().(*builder)
	}
	b.punctInQuote = p.loc.punctQ
	b.display = p.style.anyDisplay
	b.quotedSuffix = p.style.quotedSuffix
	b.node(n)
	b.enc = encodeToks(b.enc[:0], b.toks)
	enc := string(b.enc)
	if p.ar != nil {
		b.reset()
	} else {
		putBuilder(b)
	}
	return Rendered{enc: enc, q: p.quotes()}
}

// quotes returns the locale's quotation marks.
func (p *Processor) quotes() *quoteTerms { return &p.loc.quotes }

// citeInfo is a cite placed in the document.
type citeInfo struct {
	index     int
	item      *Item
	ci        *CiteItem
	pos       Position
	firstNote int
}

// Cite renders one citation on its own, as citeproc-js's
// makeCitationCluster does: positions as given in the cite items (first by
// default).
func (p *Processor) Cite(cites []CiteItem) Rendered {
	defer p.release(p.acquire())
	p.prepare()
	var infos []citeInfo
	for i := range cites {
		ci := &cites[i]
		it := p.Item(ci.ID)
		if it == nil {
			continue
		}
		pos := PosFirst
		if ci.HasPosition {
			pos = ci.Position
		}
		infos = append(infos, citeInfo{item: it, ci: ci, pos: pos})
	}
	return p.rendered(p.flipParens(p.cluster(infos)))
}

// CiteDocument renders every citation of a document in order, with
// positions (first, subsequent, ibid, near-note) from their sequence.
func (p *Processor) CiteDocument(cits []Citation) []Rendered {
	defer p.release(p.acquire())
	p.prepare()
	type last struct {
		note int
	}
	lastNote := map[string]int{}
	firstNote := map[string]int{}
	nearDist := atoiDef(p.style.citation.opts["near-note-distance"], 5)
	var out []Rendered
	if len(cits) > 0 {
		out = make([]Rendered, 0, len(cits))
	}
	// the cites of every citation, placed in one list (on the stack for
	// a few): a citation's infos stay as they are while later ones are
	// placed
	total := 0
	for i := range cits {
		total += len(cits[i].Items)
	}
	var slabBuf [8]citeInfo
	slab := slabBuf[:0]
	if total > len(slabBuf) {
		slab = make([]citeInfo, 0, total)
	}
	// in-text citations and notes follow each other separately for ibid
	// noteCites holds every cite of the last note, which may hold
	// several citations: ibid refers to the whole previous note
	var prevNote, prevText, noteCites []citeInfo
	prevNoteIndex := -1
	// each citation's output tree is dead once flattened: the next one
	// reuses the arena from here
	m := p.ar.mark()
	for ci := range cits {
		p.ar.rewind(m)
		cit := &cits[ci]
		prevCites := prevNote
		if cit.NoteIndex == 0 {
			prevCites = prevText
		} else if cit.NoteIndex != prevNoteIndex {
			prevCites = noteCites
		}
		infos := slab[len(slab):len(slab):cap(slab)]
		for j := range cit.Items {
			c := &cit.Items[j]
			it := p.Item(c.ID)
			if it == nil {
				continue
			}
			info := citeInfo{item: it, ci: c}
			if fn, seen := firstNote[c.ID]; !seen {
				info.pos = PosFirst
				firstNote[c.ID] = cit.NoteIndex
			} else {
				info.firstNote = fn
				var prev *citeInfo
				if j > 0 && len(infos) > 0 {
					prev = &infos[len(infos)-1]
				} else if j == 0 && len(prevCites) > 0 {
					same := true
					for _, pc := range prevCites {
						if pc.item.ID != c.ID {
							same = false
						}
					}
					if same {
						prev = &prevCites[len(prevCites)-1]
					}
				}
				info.pos = PosSubsequent
				if prev != nil && prev.item.ID == c.ID {
					pl, cl := prev.ci.Locator, c.Locator
					switch {
					case pl == "" && cl == "":
						info.pos = PosIbid
					case pl == "" && cl != "":
						info.pos = PosIbidWithLocator
					case pl != "" && cl == "":
						info.pos = PosSubsequent
					case pl == cl && prev.ci.Label == c.Label:
						info.pos = PosIbid
					default:
						info.pos = PosIbidWithLocator
					}
				}
				if ln, ok := lastNote[c.ID]; ok && cit.NoteIndex-ln <= nearDist && cit.NoteIndex >= ln {
					c.NearNote = true
				}
			}
			if c.HasPosition {
				info.pos = c.Position
			}
			lastNote[c.ID] = cit.NoteIndex
			infos = append(infos, info)
		}
		slab = slab[:len(slab)+len(infos)]
		if cit.NoteIndex == 0 {
			prevText = infos
		} else {
			if cit.NoteIndex == prevNoteIndex {
				noteCites = append(append([]citeInfo(nil), noteCites...), infos...)
			} else {
				noteCites = infos
			}
			prevNote = infos
			prevNoteIndex = cit.NoteIndex
		}
		if p.positions != nil {
			var sig strings.Builder
			for _, in := range infos {
				fmt.Fprintf(&sig, "%d/%d/%v;", in.pos, in.firstNote, in.ci.NearNote)
			}
			p.positions[cit.ID] = sig.String()
		}
		out = append(out, p.rendered(p.flipParens(p.cluster(infos))))
	}
	return out
}

// cluster renders the cites of one citation with the layout.
func (p *Processor) cluster(infos []citeInfo) *onode {
	ls := p.style.citation
	if len(ls.sort) > 0 && len(infos) > 1 {
		keys := make([][]sortVal, len(infos))
		for i, in := range infos {
			keys[i] = p.sortKeysFor(in.item, ls, modeCitation)
		}
		idx := make([]int, len(infos))
		for i := range idx {
			idx[i] = i
		}
		sortStable(idx, func(a, b int) bool { return p.compare(keys[a], keys[b], ls.sort) < 0 })
		sorted := make([]citeInfo, len(infos))
		for i, k := range idx {
			sorted[i] = infos[k]
		}
		infos = sorted
	}
	for i := range infos {
		infos[i].index = i
	}
	lay := ls.layout
	var buf [4]piece // most citations have a few cites
	pieces := p.collapse(buf[:0], infos)
	inner := p.ar.slot()
	*inner = onode{prefix: lay.prefix, suffix: citationSuffix(lay.suffix), kids: p.ar.room(2 * len(pieces))}
	for i, pc := range pieces {
		if i > 0 {
			d := pc.delimBefore
			if d == nil {
				dl := lay.delim
				d = &dl
			}
			// a cite prefix that starts with punctuation replaces the
			// delimiter; a suffix that ends with it keeps only a space
			if first := pc.citePrefix; first != "" && strings.ContainsRune(",.;:", firstRune(first)) {
				e := ""
				d = &e
			} else if last := pieces[i-1].citeSuffix; last != "" && *d != "" && strings.ContainsRune(",.;:", lastRune(strings.TrimSpace(last))) {
				sp := " "
				d = &sp
			}
			inner.kids = append(inner.kids, leaf(*d))
		}
		inner.kids = append(inner.kids, pc.n)
	}
	if inner.empty() {
		return nil
	}
	n := p.ar.slot()
	*n = onode{fm: lay.fm, tag: tagLayout, kids: append(p.ar.room(1), inner)}
	return n
}

func sortStable(idx []int, less func(a, b int) bool) {
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && less(idx[j], idx[j-1]); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
}

// renderOne renders one cite with its prefix and suffix.
func (p *Processor) renderOne(in citeInfo, authorMode int) *onode {
	c := p.newCtx(in.item, modeCitation)
	c.cite = in.ci
	c.pos = in.pos
	c.firstNote = in.firstNote
	c.nearNote = in.ci.NearNote
	c.authorMode = authorMode
	if in.ci.SuppressAuthor {
		c.authorMode = 1
	}
	if in.ci.AuthorOnly {
		c.authorMode = 2
	}
	if pr := in.ci.Prefix; pr != "" {
		t := strings.TrimRight(strings.TrimSpace(pr), "”’\"'")
		if !(strings.ContainsAny(t, " ") && t != "" && strings.ContainsRune(".!?", lastRune(t))) {
			c.termPred = true
		}
	} else if in.index > 0 {
		c.termPred = true
	}
	n, _ := c.children(c.ls.layout.kids, "")
	if c.authorMode == 2 {
		n = c.authorOut
	}
	if n.empty() && authorMode == 0 && !in.ci.SuppressAuthor && !in.ci.AuthorOnly {
		n = leaf("[CSL STYLE ERROR: reference with no printed form.]")
	}
	if n.empty() {
		return nil
	}
	w := p.ar.slot()
	*w = onode{kids: p.ar.room(3)}
	if in.ci.Prefix != "" {
		w.kids = append(w.kids, affixText(citePrefix(in.ci.Prefix)))
	}
	w.kids = append(w.kids, n)
	if in.ci.Suffix != "" {
		w.kids = append(w.kids, affixText(citeSuffix(in.ci.Suffix)))
	}
	return w
}

func citePrefix(s string) string {
	if s == "" {
		return s
	}
	r := lastRune(s)
	if r != ' ' && r != '(' && r != '[' && r != '\u00a0' && r != '“' && r != '‘' {
		return s + " "
	}
	return s
}

func citeSuffix(s string) string {
	if s == "" {
		return s
	}
	r := firstRune(s)
	if r != ' ' && r != ',' && r != '.' && r != ';' && r != ':' && r != ')' && r != ']' && r != '\u00a0' && r != '?' && r != '!' {
		return " " + s
	}
	return s
}

type piece struct {
	n                      *onode
	delimBefore            *string
	citePrefix, citeSuffix string
}

func firstText(n *onode) string {
	if n.empty() {
		return ""
	}
	if n.prefix != "" {
		return n.prefix
	}
	if n.text != "" {
		return n.text
	}
	for _, k := range n.kids {
		if t := firstText(k); t != "" {
			return t
		}
	}
	return ""
}

func lastText(n *onode) string {
	if n.empty() {
		return ""
	}
	if n.suffix != "" {
		return n.suffix
	}
	for i := len(n.kids) - 1; i >= 0; i-- {
		if t := lastText(n.kids[i]); t != "" {
			return t
		}
	}
	return n.text
}

// collapse renders the cites of a citation, collapsing numbers and years
// as the citation element asks; it appends the pieces to out.
func (p *Processor) collapse(out []piece, infos []citeInfo) []piece {
	ls := p.style.citation
	mode := ls.opts["collapse"]
	lay := ls.layout
	acd, hasACD := ls.opts["after-collapse-delimiter"]
	if !hasACD {
		acd = lay.delim
	}
	if mode == "citation-number" {
		type numbered struct {
			n   int
			out *onode
		}
		var run []numbered
		pendingACD := false
		add := func(n *onode) {
			pc := piece{n: n}
			if pendingACD {
				d := acd
				pc.delimBefore = &d
			}
			pendingACD = false
			out = append(out, pc)
		}
		flush := func() {
			if len(run) >= 3 {
				first := run[0].out
				lastN := run[len(run)-1].out
				add(&onode{kids: []*onode{first, leaf("–"), lastN}})
				pendingACD = true
			} else {
				for _, r := range run {
					add(r.out)
				}
			}
			run = nil
		}
		for _, in := range infos {
			o := p.renderOne(in, 0)
			if o == nil {
				continue
			}
			num := p.number(in.item.ID)
			if in.ci.Locator != "" || in.ci.Prefix != "" || in.ci.Suffix != "" {
				flush()
				add(o)
				continue
			}
			if len(run) > 0 && run[len(run)-1].n+1 != num {
				flush()
			}
			run = append(run, numbered{num, o})
		}
		flush()
		return out
	}
	cgdSet := ls.opts["cite-group-delimiter"] != ""
	if mode == "year" || mode == "year-suffix" || mode == "year-suffix-ranged" || cgdSet {
		cgd, ok := ls.opts["cite-group-delimiter"]
		if !ok {
			cgd = ", "
		}
		ysd, ok := ls.opts["year-suffix-delimiter"]
		if !ok {
			ysd = lay.delim
			if cgdSet {
				ysd = cgd
			}
		}
		authorMode := 1
		if mode == "" {
			authorMode = 0
			mode = "year"
		}
		type group struct {
			key   string
			cites []citeInfo
		}
		var groups []*group
		sorted := len(ls.sort) > 0
		for _, in := range infos {
			k := p.authorKey(in)
			if k != "" || mode != "year" {
				var into *group
				if len(groups) > 0 && groups[len(groups)-1].key == k {
					into = groups[len(groups)-1]
				} else if sorted {
					for _, g := range groups {
						if g.key == k {
							into = g
						}
					}
				}
				if into != nil {
					into.cites = append(into.cites, in)
					continue
				}
			}
			groups = append(groups, &group{key: k, cites: []citeInfo{in}})
		}
		pendingACD := false
		for _, g := range groups {
			var gn *onode
			if len(g.cites) == 1 {
				gn = p.renderOne(g.cites[0], 0)
			} else {
				gn = &onode{}
				prev := g.cites[0]
				gn.kids = append(gn.kids, p.renderOne(prev, 0))
				var run []string // year suffixes after a full cite
				flushRun := func() {
					if len(run) == 0 {
						return
					}
					items := run
					if mode == "year-suffix-ranged" {
						items = rangeSuffixes(run)
					}
					for _, ys := range items {
						if strings.HasPrefix(ys, "\x01") {
							gn.kids = append(gn.kids, leaf("–"), leaf(ys[1:]))
							continue
						}
						gn.kids = append(gn.kids, leaf(ysd), leaf(ys))
					}
					run = nil
				}
				for _, in := range g.cites[1:] {
					st := p.st(in.item.ID)
					pst := p.st(prev.item.ID)
					if mode != "year" && st != nil && st.yearSuffix != "" && pst != nil && pst.yearSuffix != "" && p.yearKey(in) == p.yearKey(prev) && in.ci.Locator == "" && prev.ci.Locator == "" && in.ci.Prefix == "" && in.ci.Suffix == "" {
						if mode == "year-suffix-ranged" && len(run) == 0 {
							run = append(run, pst.yearSuffix)
							// the previous suffix is already written with its cite
							run = run[:0]
							run = append(run, "\x00"+pst.yearSuffix)
						}
						run = append(run, st.yearSuffix)
						prev = in
						continue
					}
					d := cgd
					if (prev.ci.Locator != "" && hasACD) || len(run) > 0 {
						d = acd
					}
					if mode == "year" && authorMode == 1 && !cgdSet && !sorted && p.yearKey(in) == p.yearKey(prev) && fullNames(in.item) == fullNames(prev.item) {
						// the same names and year (told apart by a year
						// suffix): citeproc-js keeps the layout delimiter
						d = lay.delim
					}
					flushRun()
					if o := p.renderOne(in, authorMode); o != nil {
						gn.kids = append(gn.kids, leaf(d), o)
					}
					prev = in
				}
				flushRun()
			}
			if gn == nil {
				continue
			}
			pc := piece{n: gn}
			if len(g.cites) == 1 {
				pc.citePrefix, pc.citeSuffix = g.cites[0].ci.Prefix, g.cites[0].ci.Suffix
			}
			if pendingACD {
				d := acd
				pc.delimBefore = &d
			}
			// with collapse="year" citeproc-js puts the
			// after-collapse-delimiter between all author groups
			pendingACD = len(g.cites) > 1 || (ls.opts["collapse"] == "year" && hasACD)
			out = append(out, pc)
		}
		return out
	}
	for _, in := range infos {
		if o := p.renderOne(in, 0); o != nil {
			out = append(out, piece{n: o, citePrefix: in.ci.Prefix, citeSuffix: in.ci.Suffix})
		}
	}
	return out
}

// rangeSuffixes collapses runs of three or more consecutive year
// suffixes into ranges; the first element, marked with a NUL, is the
// suffix already written with the full cite.
func rangeSuffixes(run []string) []string {
	var out []string
	i := 0
	for i < len(run) {
		j := i
		for j+1 < len(run) && nextSuffix(strings.TrimPrefix(run[j], "\x00")) == run[j+1] {
			j++
		}
		first := run[i]
		if j-i >= 2 {
			if strings.HasPrefix(first, "\x00") {
				out = append(out, "\x01"+run[j])
			} else {
				out = append(out, first+"–"+run[j])
			}
		} else {
			for k := i; k <= j; k++ {
				out = append(out, run[k])
			}
		}
		i = j + 1
	}
	var res []string
	for _, s := range out {
		if strings.HasPrefix(s, "\x00") {
			continue
		}
		res = append(res, s)
	}
	return res
}

func nextSuffix(s string) string {
	if s == "" {
		return "a"
	}
	b := []byte(s)
	if b[len(b)-1] < 'z' {
		b[len(b)-1]++
		return string(b)
	}
	return s + "a"
}

func isSuffixRun(n *onode) bool {
	for _, k := range n.kids {
		if k.kids != nil || k.text == "" {
			return false
		}
	}
	return true
}

// authorKey is the rendered names of a cite, for collapsing.
func (p *Processor) authorKey(in citeInfo) string {
	c := p.newCtx(in.item, modeCitation)
	c.cite = in.ci
	c.pos = in.pos
	c.authorMode = 2
	c.children(c.ls.layout.kids, "")
	if c.authorOut == nil {
		return ""
	}
	return plainText(c.authorOut)
}

func (p *Processor) yearKey(in citeInfo) string {
	if d := in.item.dates["issued"]; d != nil && len(d.Parts) > 0 {
		return strconv.Itoa(d.Parts[0][0])
	}
	return ""
}

// Entry is one bibliography entry.
type Entry struct {
	ID string
	Rendered
	// html of the whole entry as citeproc-js writes it
	secondField string
}

// usesVariable reports whether an element or its descendants (macros
// included, to a bounded depth) render the variable v with cs:text.
func usesVariable(e *el, v string, depth int) bool {
	if e == nil || depth > 40 {
		return false
	}
	if e.kind == kText && e.variable == v {
		return true
	}
	if e.macro != nil && usesVariable(e.macro, v, depth+1) {
		return true
	}
	for _, k := range e.kids {
		if usesVariable(k, v, depth+1) {
			return true
		}
	}
	for _, b := range e.branches {
		for _, k := range b.kids {
			if usesVariable(k, v, depth+1) {
				return true
			}
		}
	}
	return false
}

// Bibliography renders the bibliography of every registered item, sorted
// by the style.
func (p *Processor) Bibliography() []Entry {
	defer p.release(p.acquire())
	p.prepare()
	p.bibCiteNames()
	b := p.style.bibliography
	if b == nil {
		return nil
	}
	out := make([]Entry, 0, len(p.order))
	sfa := b.sfa
	var sas *sasState
	if b.hasSAS {
		sas = &p.sas
		sas.start(b.sas, b.sasRule)
		// the entries' nodes go back to the arena
		defer sas.reset()
	}
	// each entry's output tree is dead once flattened: the next one
	// reuses the arena from here
	m := p.ar.mark()
	for _, it := range p.order {
		p.ar.rewind(m)
		c := p.newCtx(it, modeBib)
		var ends blobEnds
		if sas != nil {
			sas.reset()
			c.sas = sas
		}
		var n, lastBlob *onode
		firstEmpty := false
		if sfa {
			// the first field stands apart: a term that opens the rest
			// is capitalized as at the start of an entry. citeproc-js
			// takes the first element evaluated (in the chosen branch
			// of a cs:choose) as the first field, whether it renders or
			// not: after one that renders nothing, the whole entry is
			// the right-inline part
			n = &onode{}
			evaluated := false
			var walk func(kids []*el)
			walk = func(kids []*el) {
				for _, k := range kids {
					if k.kind == kChoose {
						c.budget--
						if c.budget < 0 {
							continue
						}
						if br := c.chosen(k); br != nil {
							walk(br.kids)
						}
						continue
					}
					o, _ := c.eval(k)
					if sas != nil && sas.pending != pendNone {
						l := kidList{}
						if len(n.kids) > 0 {
							l.n = n
						}
						o = c.sasResolve(&l, o)
					}
					if !evaluated {
						evaluated = true
						firstEmpty = o.empty()
					}
					if o.empty() {
						continue
					}
					n.kids = append(n.kids, o)
					if len(n.kids) == 1 && !firstEmpty {
						c.termPred = false
					}
				}
			}
			walk(b.layout.kids)
		} else if p.style.usesDisplay || b.layout.prefix != "" {
			// the blobs' ends are tracked: the first takes the layout
			// prefix, and with display the last the layout suffix
			var l kidList
			var st status
			c.evalIntoLast(&l, &st, b.layout.kids, "", &ends)
			if l.n == nil && l.one != nil {
				l.n = c.list("", c.kids(l.one))
			}
			n = l.n
			if p.style.usesDisplay {
				lastBlob = ends.last
			}
		} else {
			n, _ = c.children(b.layout.kids, "")
		}
		if sas != nil && sas.replaced {
			// the tree's memo of emptiness is forgotten where the
			// substitute took the place of names
			resetMemo(n)
		}
		if n.empty() {
			if p.style.citation != nil && usesVariable(p.style.citation.layout, "citation-number", 0) {
				// citeproc-js keeps the place of an entry with no printed
				// form in a numbered style
				msg := strconv.Itoa(len(out)+1) + ". [CSL STYLE ERROR: reference with no printed form.]"
				out = append(out, Entry{ID: it.ID, Rendered: p.rendered(&onode{kids: []*onode{{text: msg}}})})
			}
			continue
		}
		lay := b.layout
		// the layout's delimiter joins the cites of a citation: citeproc-js
		// puts it nowhere in a bibliography entry
		wrap := &onode{prefix: lay.prefix, suffix: lay.suffix, fm: lay.fm, tag: tagLayout}
		if sfa && len(n.kids) > 0 {
			var firstK *onode
			rest := &onode{}
			for _, k := range n.kids {
				if k.empty() {
					continue
				}
				if firstK == nil {
					firstK = k
				} else {
					rest.kids = append(rest.kids, k)
				}
			}
			if firstEmpty {
				rest.kids = append([]*onode{firstK}, rest.kids...)
			}
			left := &onode{kids: []*onode{firstK}, display: "left-margin"}
			right := &onode{kids: []*onode{rest}, display: "right-inline", suffix: strings.TrimRight(lay.suffix, " ")}
			wrap.suffix = lay.suffix[len(right.suffix):]
			if firstEmpty {
				wrap.kids = []*onode{right}
			} else {
				wrap.kids = []*onode{left, right}
			}
		} else {
			wrap.kids = n.kids
			if wrap.prefix != "" {
				// citeproc-js puts the layout prefix before the prefix
				// of the layout's first child (inside its display), and
				// loses it where that child rendered nothing (blobEnds)
				if ends.first != nil {
					ends.first.prefix = wrap.prefix + ends.first.prefix
				}
				wrap.prefix = ""
			}
			if p.style.usesDisplay && wrap.suffix != "" {
				// in a style that uses display, citeproc-js puts the
				// layout suffix in place of the suffix of the layout's
				// last child, and loses it where that child is a group
				// that rendered nothing
				if l := lastBlob; l != nil && l.display != "" {
					// a display element is a blob of its own around
					// the element's: the suffix goes after the
					// element's own, inside the div
					inner := c.ar.slot()
					*inner = *l
					inner.display = ""
					*l = onode{kids: c.kids(inner), display: l.display, suffix: wrap.suffix}
				} else if l != nil {
					l.suffix = wrap.suffix
				}
				wrap.suffix = ""
			}
		}
		r := p.rendered(wrap)
		r.entry = true
		out = append(out, Entry{ID: it.ID, Rendered: r})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// bibliographyHTML returns the bibliography as citeproc-js writes it:
// bibstart, entries, bibend.
func (p *Processor) bibliographyHTML() string {
	var sb strings.Builder
	_ = p.WriteBibliography(&sb, HTML)
	return strings.TrimSuffix(sb.String(), "\n")
}

// replaceNames replaces the first k rendered names with s.
func replaceNames(names []*onode, k int, s string) {
	for i, n := range names {
		if i < k && n != nil {
			*n = onode{text: s}
		}
	}
}

// resetMemo forgets the cached emptiness of a tree whose leaves changed.
func resetMemo(n *onode) {
	if n == nil {
		return
	}
	n.memo = 0
	for _, k := range n.kids {
		resetMemo(k)
	}
}

// fullNames is every name of an item, for telling apart works whose
// shortened names look the same.
func fullNames(it *Item) string {
	var sb strings.Builder
	for _, v := range []string{"author", "editor", "translator"} {
		for _, n := range it.names[v] {
			sb.WriteString(n.Family + "\x00" + n.Given + "\x00" + n.Literal + "\x01")
		}
	}
	return sb.String()
}

// flipParens flips nested parentheses of a note style's citation to
// square brackets, as citeproc-js does ("(Penguin, 2016; originally
// published as Pisma Iz Londona [Gospolitizdat, 1940])").
func (p *Processor) flipParens(n *onode) *onode {
	if p.style.class == "note" {
		var d parenDepth
		d.flip(n)
	}
	return n
}

// citationSuffix returns the suffix a citation's layout writes:
// citeproc-js keeps only the first character of a layout suffix that
// starts with terminal punctuation (":", ".", ";", "!" or "?"), so that
// ". " and ".)" are written as ".".
func citationSuffix(s string) string {
	if s != "" && strings.IndexByte(":.;!?", s[0]) >= 0 {
		return s[:1]
	}
	return s
}
