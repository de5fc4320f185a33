package csl

import (
	"strings"
)

// disambRender renders an item's cite for disambiguation: first position,
// no locator, no affixes; it returns the text and the names shown.
func (p *Processor) disambRender(it *Item) (string, [][]Name) {
	defer p.ar.rewind(p.ar.mark()) // the output tree is dead after
	c := p.newCtx(it, modeCitation)
	c.cite = &CiteItem{ID: it.ID}
	c.pos = PosFirst
	if p.style.etAlSubsequent || p.style.class == "note" {
		// citeproc-js disambiguates on the shorter subsequent form when
		// the style abbreviates later cites differently
		c.pos = PosSubsequent
	}
	c.recordNames = true
	// citeproc-js leaves the access date out of the comparison
	c.suppressed = map[string]bool{}
	c.suppress("accessed")
	n, _ := c.children(c.ls.layout.kids, "")
	if p.nameInit == nil {
		p.nameInit = map[string][]bool{}
	}
	p.nameInit[it.ID] = c.nameInit
	return plainTextHTML(n), c.nameSets
}

// citeInitWith reports whether the cs:name of the li-th names list of the
// item's cite (as disambRender last rendered it) has initialize-with.
func (p *Processor) citeInitWith(id string, li int) bool {
	if l := p.nameInit[id]; li < len(l) {
		return l[li]
	}
	return p.initWith() != nil
}

func plainTextHTML(n *onode) string {
	if n == nil {
		return ""
	}
	b := builderPool.Get().(*builder)
	b.punctInQuote = false
	b.node(n)
	s := serialize("", b.toks, HTML, quoteTerms{"\"", "\"", "'", "'"})
	putBuilder(b)
	return s
}

func (p *Processor) disambiguate() {
	if len(p.items) < 2 {
		return // nothing to tell apart (a single cite's names: bibCiteNames)
	}
	ls := p.style.citation
	addNames := ls.opts["disambiguate-add-names"] == "true"
	addGiven := ls.opts["disambiguate-add-givenname"] == "true"
	rule := ls.opts["givenname-disambiguation-rule"]
	if rule == "" {
		rule = "by-cite"
	}
	yearSuffix := ls.opts["disambiguate-add-year-suffix"] == "true"
	usesCond := p.style.usesDisamb
	if !addNames && !addGiven && !yearSuffix && !usesCond {
		return
	}
	maxLevel := 2
	if strings.HasSuffix(rule, "-with-initials") {
		maxLevel = 1
	}
	render := map[string]string{}
	names := map[string][][]Name{}
	rerender := func(items []*Item) {
		for _, it := range items {
			render[it.ID], names[it.ID] = p.disambRender(it)
		}
	}
	rerender(p.items)
	if addNames && addGiven {
		// the names lists keep their length through the rest
		defer func() {
			for _, it := range p.items {
				p.setCiteNames(it, names[it.ID])
			}
		}()
	}
	if addGiven && rule != "by-cite" {
		// citeproc-js expands the given names of the all-names and
		// primary-name rules in every cite, but finds cites ambiguous
		// by their form without them: "B. Marsh 2001" takes a year
		// suffix with two "A. J. Marsh 2001"
		p.globalNames(rule, maxLevel)
	}
	groupsOf := func(items []*Item) [][]*Item {
		idx := map[string]int{}
		var gs [][]*Item
		for _, it := range items {
			k := render[it.ID]
			if k == "" {
				// citeproc-js never finds an empty cite ambiguous
				gs = append(gs, []*Item{it})
				continue
			}
			if i, ok := idx[k]; ok {
				gs[i] = append(gs[i], it)
				continue
			}
			idx[k] = len(gs)
			gs = append(gs, []*Item{it})
		}
		return gs
	}
	ambiguous := func(items []*Item) []*Item {
		var out []*Item
		for _, g := range groupsOf(items) {
			if len(g) > 1 {
				out = append(out, g...)
			}
		}
		return out
	}
	for _, g := range groupsOf(p.items) {
		if len(g) < 2 {
			continue
		}
		amb := g
		// citeproc-js's disNames mode, which adds names and given
		// names cite by cite, runs with disambiguate-add-names or the
		// by-cite rule: the other rules' given names are expanded in
		// every cite alike (globalNames)
		if addNames || addGiven && rule == "by-cite" {
			maxN := 0
			if addNames {
				for _, it := range amb {
					for _, v := range it.names {
						if len(v) > maxN {
							maxN = len(v)
						}
					}
				}
			}
			best := map[string]int{}
			lastHelp := map[string]int{}
			prevSize := map[string]int{}
			for _, it := range amb {
				prevSize[it.ID] = len(amb)
			}
			for n := 0; n <= maxN && len(amb) > 1; n++ {
				for _, it := range amb {
					p.st(it.ID).addNames = n
				}
				rerender(amb)
				if addGiven {
					for _, sub := range groupsOf(amb) {
						if len(sub) > 1 {
							p.expandGiven(sub, names, maxLevel, rule)
						}
					}
					rerender(amb)
				}
				var still []*Item
				for _, sub := range groupsOf(amb) {
					if len(sub) == 1 {
						best[sub[0].ID] = n
						continue
					}
					for _, it := range sub {
						if len(sub) < prevSize[it.ID] {
							lastHelp[it.ID] = n
						}
						prevSize[it.ID] = len(sub)
					}
					still = append(still, sub...)
				}
				amb = still
			}
			for _, it := range g {
				if n, ok := best[it.ID]; ok {
					p.st(it.ID).addNames = n
				} else {
					p.st(it.ID).addNames = lastHelp[it.ID]
				}
			}
			rerender(g)
			amb = ambiguous(g)
		}
		if usesCond && len(amb) > 1 {
			// the disambiguate conditions are switched on one at a time,
			// for the cites still ambiguous
			for level := 1; level <= p.style.disambConds && len(amb) > 1; level++ {
				for _, it := range amb {
					p.st(it.ID).disambig = level
				}
				rerender(amb)
				amb = ambiguous(amb)
			}
			amb = ambiguous(g)
		}
		if yearSuffix && len(amb) > 1 {
			// suffixes in bibliography order within each remaining group
			for _, sub := range groupsOf(amb) {
				if len(sub) < 2 {
					continue
				}
				if addGiven && rule != "by-cite" && !addNames && firstResolved(p, sub) {
					continue
				}
				in := map[string]bool{}
				for _, it := range sub {
					in[it.ID] = true
				}
				k := 0
				for _, it := range p.order {
					if in[it.ID] {
						p.st(it.ID).yearSuffix = suffixLetters(k)
						k++
					}
				}
			}
		}
	}
}

// bibCiteNames keeps the names of the cite of a single registered item
// for its bibliography entry (setCiteNames; with more items
// disambiguate keeps them): only where the bibliography's et-al-min can
// cut its names, and not for citations.
func (p *Processor) bibCiteNames() {
	if p.style.bibCiteNamesMin <= 0 || len(p.items) != 1 {
		return
	}
	it := p.items[0]
	if ds := p.st(it.ID); ds == nil || ds.citeNames != nil || !p.bibTruncates(it) {
		return
	}
	_, ns := p.disambRender(it)
	p.setCiteNames(it, ns)
}

// bibTruncates reports whether the bibliography's et-al-min
// (bibCiteNamesMin) can cut a names list of the item: a single cite is
// rendered for setCiteNames only then. (An et-al-min on a cs:name of the
// bibliography only is left to the cites of several items.)
func (p *Processor) bibTruncates(it *Item) bool {
	min := max(p.style.bibCiteNamesMin, 2)
	for _, ns := range it.names {
		if len(ns) >= min {
			return true
		}
	}
	return false
}

// setCiteNames keeps how many names each names list of the item's cite
// shows, for the bibliography: with disambiguate-add-names and
// disambiguate-add-givenname, citeproc-js's getBibliographyEntries
// renders an entry with the cite's disambiguation settings as its
// request (CSL.Engine.prototype.processNumber's neighbour,
// _imposeNameConstraints reads disambig_request.names[pos]), so a list
// the cite shows in more names than the bibliography's et-al-use-first
// shows as many in the entry.
func (p *Processor) setCiteNames(it *Item, ns [][]Name) {
	ds := p.st(it.ID)
	if ds == nil {
		return
	}
	ds.citeNames = ds.citeNames[:0]
	for _, l := range ns {
		ds.citeNames = append(ds.citeNames, len(l))
	}
}

// firstResolved reports, for a group of cites alike but for the given
// names that the all-names and primary-name rules add, whether citeproc-js
// leaves the group without year suffixes: it takes up the group from the
// cite with the lowest id (in string order), and when that cite differs
// from all the others once the given names are added, it finds the group
// resolved (a quirk: "B. Marsh 2001" with id "a" next to two
// "A. J. Marsh 2001" leaves all three without suffix, with id "c" gives
// all three one).
func firstResolved(p *Processor, group []*Item) bool {
	first := group[0]
	for _, it := range group[1:] {
		if it.ID < first.ID {
			first = it
		}
	}
	f, _ := p.disambRender(first)
	for _, it := range group {
		if it == first {
			continue
		}
		if r, _ := p.disambRender(it); r == f {
			return false
		}
	}
	return true
}

func suffixLetters(k int) string {
	s := ""
	k++
	for k > 0 {
		k--
		s = string(rune('a'+k%26)) + s
		k /= 26
	}
	return s
}

// expandGiven raises given-name levels of names that differ between
// ambiguous cites (by-cite and primary-name rules).
func (p *Processor) expandGiven(amb []*Item, names map[string][][]Name, maxLevel int, rule string) {
	for _, a := range amb {
		la := names[a.ID]
		for _, b := range amb {
			if a == b {
				continue
			}
			lb := names[b.ID]
			for li := 0; li < len(la) && li < len(lb); li++ {
				for ni := 0; ni < len(la[li]) && ni < len(lb[li]); ni++ {
					if strings.HasPrefix(rule, "primary-name") && (li > 0 || ni > 0) {
						continue
					}
					na, nb := la[li][ni], lb[li][ni]
					if sameName(na, nb) {
						continue
					}
					lvl := p.levelNeeded(na, nb, maxLevel)
					// citeproc-js stores a request for initials that
					// the cite's cs:name cannot give (no
					// initialize-with: the subsequent form of a note
					// style, say) as the full given name: the
					// bibliography, which takes the levels of the cites,
					// writes it in full even when it initializes
					// ("Young, Peter")
					la, lb := lvl, lvl
					if lvl == 1 && rule == "by-cite" {
						if !p.citeInitWith(a.ID, li) {
							la = 2
						}
						if !p.citeInitWith(b.ID, li) {
							lb = 2
						}
					}
					p.raise(a.ID, li, ni, la)
					p.raise(b.ID, li, ni, lb)
				}
			}
		}
	}
}

func (p *Processor) raise(id string, li, ni, lvl int) {
	st := p.st(id)
	if st.givenLevel == nil {
		st.givenLevel = map[int][]int{}
	}
	l := st.givenLevel[li]
	for len(l) <= ni {
		l = append(l, -1)
	}
	if l[ni] < lvl {
		l[ni] = lvl
	}
	st.givenLevel[li] = l
}

// levelNeeded returns the level that tells two names apart: 1 for
// initials (when the style initializes), 2 for full given names.
func (p *Processor) levelNeeded(a, b Name, maxLevel int) int {
	init := p.initWith()
	if init != nil {
		c := &ctx{st: p.style, loc: p.loc}
		ia := c.initials(a.Given, *init, true)
		ib := c.initials(b.Given, *init, true)
		if ia != ib {
			return 1
		}
		if maxLevel == 1 {
			return 0
		}
		return 2
	}
	return 1
}

func (p *Processor) initWith() *string { return p.style.initWith }

func styleInitWith(s *Style) *string {
	var found *string
	var walk func(e *el)
	// a macro walked once without a find has nothing to find
	seen := map[*el]bool{}
	walk = func(e *el) {
		if found != nil || e == nil {
			return
		}
		if e.kind == kNames && e.nameEl != nil {
			if v, ok := e.nameEl.a["initialize-with"]; ok {
				found = new(string)
				*found = v
				return
			}
		}
		if e.macro != nil && !seen[e.macro] {
			seen[e.macro] = true
			for _, k := range e.macro.kids {
				walk(k)
			}
		}
		for _, k := range e.kids {
			walk(k)
		}
		for _, b := range e.branches {
			for _, k := range b.kids {
				walk(k)
			}
		}
	}
	walk(s.citation.layout)
	if found == nil {
		if v, ok := s.citation.opts["initialize-with"]; ok {
			return &v
		}
		if v, ok := s.opts["initialize-with"]; ok {
			return &v
		}
	}
	return found
}

// globalNames expands, in every cite, the names that share a family name
// with a different person (the all-names and primary-name rules).
func (p *Processor) globalNames(rule string, maxLevel int) {
	type ref struct {
		id     string
		li, ni int
		n      Name
	}
	byFamily := map[string][]ref{}
	for _, it := range p.items {
		_, sets := p.disambRender(it)
		for li, ns := range sets {
			for ni, n := range ns {
				if strings.HasPrefix(rule, "primary-name") && (li > 0 || ni > 0) {
					continue
				}
				if n.Family == "" {
					// a name without a family name ("Plato") is not
					// told from another by its given name: citeproc-js
					// writes its short form as nothing still
					continue
				}
				k := regStrip(n.Family)
				if p.style.demoteParticle == "never" && n.NonDroppingParticle != "" {
					k += " " + n.NonDroppingParticle
				}
				byFamily[k] = append(byFamily[k], ref{it.ID, li, ni, n})
			}
		}
	}
	for _, refs := range byFamily {
		// the distinct persons of a family name, and the level each
		// needs to tell it from the others
		var persons []Name
		level := map[int]int{}
		idx := make([]int, len(refs))
		for i, r := range refs {
			k := -1
			for j, n := range persons {
				if givenKey(n.Given) == givenKey(r.n.Given) {
					k = j
					break
				}
			}
			if k < 0 {
				k = len(persons)
				persons = append(persons, r.n)
			}
			idx[i] = k
		}
		if len(persons) < 2 {
			continue
		}
		for a := range persons {
			for b := range persons {
				if a == b {
					continue
				}
				if l := p.levelNeeded(persons[a], persons[b], maxLevel); l > level[a] {
					level[a] = l
				}
			}
		}
		for i, r := range refs {
			if l := level[idx[i]]; l > 0 {
				p.raise(r.id, r.li, r.ni, l)
			}
		}
	}
}

func styleUsesDisambiguate(s *Style) int {
	found := 0
	var walk func(e *el)
	seen := map[*el]bool{}
	walk = func(e *el) {
		if e == nil || seen[e] {
			return
		}
		seen[e] = true
		for _, b := range e.branches {
			for _, c := range b.conds {
				if c.kind == "disambiguate" {
					found++
				}
			}
			for _, k := range b.kids {
				walk(k)
			}
		}
		if e.macro != nil {
			walk(e.macro)
		}
		for _, k := range e.kids {
			walk(k)
		}
		if e.subst != nil {
			walk(e.subst)
		}
	}
	walk(s.citation.layout)
	return found
}

// sameName reports whether two names are the same person: equal but for
// the spacing and periods of initials.
// regStrip is citeproc-js's name register's strip_periods: periods
// read as spaces, white space collapsed and trimmed at the end.
func regStrip(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ".", " ")), " ")
	return s
}

// givenKey is how citeproc-js's name register tells persons of a family
// name apart (its skey): the given name with regStrip, without a
// last lower-case word (a particle); the suffix and the particles do not
// count ("John" and "John, Jr." are one person).
func givenKey(g string) string {
	g = regStrip(g)
	if i := strings.LastIndexByte(g, ' '); i >= 0 {
		w := g[i+1:]
		if !strings.Contains(w, ",") && strings.ToLower(w) == w {
			g = strings.TrimRight(g[:i], ",!")
		}
	}
	return g
}

func sameName(a, b Name) bool {
	if a == b {
		return true
	}
	a.Given, b.Given = initialsNorm.Replace(a.Given), initialsNorm.Replace(b.Given)
	return a == b
}

// initialsNorm drops the spaces and periods of initials ("J. J." = "J.J.").
var initialsNorm = strings.NewReplacer(" ", "", ".", "")
