package csl

// Skipping what cannot render. A cs:group, or a macro called by cs:text,
// whose elements call variables and render none of them renders nothing
// (CSL's implicit conditional): its parent gets no output and a status of
// a variable tried and not rendered. When the variables that the subtree
// calls, for the item's type, are all absent from the item, that is known
// before the subtree is walked, if the subtree has no other way to render
// or to change the cite's state. A group or macro whose subtree, for the
// item's type, calls no variable and renders nothing (a cs:choose with no
// branch for the type) gives nothing and no status, whatever the item.
// skips, at parse time, finds the groups and macros where either holds,
// per item type (el.skips), and the evaluator (ctx.skipped) answers for
// them without walking them. Only the budget that bounds the work on
// hostile styles counts fewer steps.

// skipEntry says when a group or macro renders nothing for items of one
// type (el.skips).
type skipEntry struct {
	// mask: the variables whose absence makes it render nothing
	mask [2]uint64
	// st: 0, it may render; skipCV, it gives status{calledVar: true} when
	// the variables of mask are absent; skipNone, it gives status{}
	st uint8
	// guard: skipTerm, skipNames
	guard uint8
}

// skipEntry.st values and guard bits.
const (
	skipCV uint8 = 1 + iota
	skipNone
)

const (
	// skipTerm: the subtree may render a cs:text term, which sets
	// ctx.termPred: it is skipped only when termPred is set already
	skipTerm uint8 = 1 << iota
	// skipNames: the subtree has cs:names, which takes the author of a
	// suppress-author or author-only cite (ctx.authorMode): it is skipped
	// only outside those
	skipNames
)

// deadSum is what an element or a list of elements does in a cite of an
// item of a given type that lacks every variable of mask.
type deadSum struct {
	// ok: the subtree renders no variable (none has a value), changes no
	// state of the cite but ctx.termPred (term) and the author's
	// (names), and tests no condition with a side effect (disambiguate)
	ok bool
	// cv: on every path, a variable is tried (status.calledVar); cvAny:
	// on some path
	cv, cvAny bool
	// out: some path may render output (a term, a value, a label)
	out   bool
	term  bool
	names bool
	mask  [2]uint64
}

var notDead = deadSum{}

func (s *deadSum) addVar(id uint8) {
	s.mask[id>>6] |= 1 << (id & 63)
}

// seq combines the sums of elements evaluated one after another.
func (s deadSum) seq(o deadSum) deadSum {
	return deadSum{ok: s.ok && o.ok, cv: s.cv || o.cv, cvAny: s.cvAny || o.cvAny, out: s.out || o.out, term: s.term || o.term, names: s.names || o.names,
		mask: [2]uint64{s.mask[0] | o.mask[0], s.mask[1] | o.mask[1]}}
}

// alt combines the sums of paths one of which is taken.
func (s deadSum) alt(o deadSum) deadSum {
	r := s.seq(o)
	r.cv = s.cv && o.cv
	return r
}

// skipper analyses a style's groups and macros for the items of one type:
// bit is the type's bit in the style's typeBits (0: a type that no type
// condition names).
type skipper struct {
	bit    uint64
	macros map[*el]deadSum
	// entry records the analysis of a group or macro (*el) or of the
	// elements of a branch (*branch)
	entry func(at any, s skipEntry)
}

// skips sets the skips of every group and macro of the style (after
// compact: the elements are those the evaluator walks): one entry per
// type index (0 for no type bit, i+1 for bit i), or one for all when they
// are the same; none when no entry skips.
func (s *Style) skips() {
	order, _ := s.elements()
	n := len(s.typeBits) + 1
	tabs := map[any][]skipEntry{}
	for t := 0; t < n; t++ {
		k := &skipper{macros: map[*el]deadSum{}}
		if t > 0 {
			k.bit = 1 << (t - 1)
		}
		k.entry = func(at any, se skipEntry) {
			tab := tabs[at]
			if tab == nil {
				tab = make([]skipEntry, n)
				tabs[at] = tab
			}
			tab[t] = se
		}
		for _, e := range order {
			switch e.kind {
			case kGroup:
				k.wrap(e, k.list(e.kids))
			case kMacro:
				k.macro(e)
			case kLayout:
				// for the branches of its cs:choose elements
				k.list(e.kids)
			}
		}
	}
	table := func(tab []skipEntry) []skipEntry {
		skips, same := false, true
		for _, se := range tab {
			skips = skips || se.st != 0
			same = same && se == tab[0]
		}
		switch {
		case !skips:
			return nil
		case same:
			return tab[:1:1]
		}
		return tab
	}
	for _, e := range order {
		e.leafSkip, e.leafMask = leafSkip(e)
		e.skips = table(tabs[e])
		for _, b := range e.branches {
			b.skips = table(tabs[b])
		}
	}
}

// leafSkip gives a variable's element (cs:text, cs:number, cs:date,
// cs:names) that renders nothing and gives status{calledVar: true} when
// the variables of mask are absent (ctx.evalInto then does not call it):
// 1, or 2 for a cs:names (not while it would take the author of a
// suppress-author or author-only cite); 0 for another element.
func leafSkip(e *el) (uint8, [2]uint64) {
	k := &skipper{}
	switch e.kind {
	case kText:
		if e.variable == "" || e.macro != nil {
			return 0, [2]uint64{}
		}
	case kNumber, kDate, kNames:
	default:
		return 0, [2]uint64{}
	}
	s := k.element(e)
	if !s.ok || !s.cv || s.out {
		return 0, [2]uint64{}
	}
	if s.names {
		return 2, s.mask
	}
	return 1, s.mask
}

// macro is the sum of a macro call (memoized: a macro is one element
// wherever it is called, and cannot call itself).
func (k *skipper) macro(m *el) deadSum {
	if s, ok := k.macros[m]; ok {
		return s
	}
	s := k.wrap(m, k.list(m.kids))
	k.macros[m] = s
	return s
}

// wrap gives the sum of a group or macro call from that of its elements
// and records when the element renders nothing.
func (k *skipper) wrap(e *el, s deadSum) deadSum {
	if !s.ok {
		k.entry(e, skipEntry{})
		return notDead
	}
	if s.cv {
		// variables tried, none rendered: the element gives nothing
		// and a status of a variable tried
		se := skipEntry{mask: s.mask, st: skipCV}
		if s.term {
			se.guard |= skipTerm
		}
		if s.names {
			se.guard |= skipNames
		}
		k.entry(e, se)
		return deadSum{ok: true, cv: true, cvAny: true, term: s.term, names: s.names, mask: s.mask}
	}
	if !s.out {
		if !s.cvAny {
			// nothing tried, nothing rendered, on every path: no
			// output and no status, whatever the item
			k.entry(e, skipEntry{st: skipNone})
		} else {
			k.entry(e, skipEntry{})
		}
		return s
	}
	// a group of terms renders, and counts as a variable rendered
	k.entry(e, skipEntry{})
	return notDead
}

// branch records when the elements of a branch render nothing: they are
// evaluated in the place of the cs:choose, so only when they give no
// output (a term there would be the enclosing group's to drop) and a
// status known in advance.
func (k *skipper) branch(b *branch, s deadSum) {
	switch {
	case !s.ok || s.out:
		k.entry(b, skipEntry{})
	case s.cv:
		se := skipEntry{mask: s.mask, st: skipCV}
		if s.names {
			se.guard |= skipNames
		}
		k.entry(b, se)
	case !s.cvAny:
		k.entry(b, skipEntry{st: skipNone})
	default:
		k.entry(b, skipEntry{})
	}
}

func (k *skipper) list(kids []*el) deadSum {
	s := deadSum{ok: true}
	for _, e := range kids {
		s = s.seq(k.element(e))
		if !s.ok {
			return notDead
		}
	}
	return s
}

func (k *skipper) element(e *el) deadSum {
	var s deadSum
	switch e.kind {
	case kGroup:
		return k.wrap(e, k.list(e.kids))
	case kText:
		switch {
		case e.macro != nil:
			return k.macro(e.macro)
		case e.variable != "":
			if e.varID == 0 || (e.form == "short" && e.shortVar != "" && e.shortVarID == 0) {
				// a variable the processor computes, or a short form
				// looked up by name
				return notDead
			}
			s = deadSum{ok: true, cv: true, cvAny: true}
			s.addVar(e.varID)
			if e.form == "short" {
				s.addVar(e.shortVarID)
				if e.variable == "title" {
					s.addVar(stdVarIDs["title-short"])
				}
			}
			return s
		case e.term != "":
			return deadSum{ok: true, out: true, term: true}
		}
		return deadSum{ok: true, out: e.value != ""}
	case kNumber, kDate:
		if e.varID == 0 {
			return notDead
		}
		s = deadSum{ok: true, cv: true, cvAny: true}
		s.addVar(e.varID)
		return s
	case kLabel:
		// a label renders its term for an absent variable too (a group
		// around it decides); it changes nothing
		return deadSum{ok: true, out: true}
	case kNames:
		if e.subst != nil || len(e.varIDs) != len(e.vars) {
			return notDead
		}
		s = deadSum{ok: true, cv: true, cvAny: true, names: true}
		for _, id := range e.varIDs {
			if id == 0 {
				return notDead
			}
			s.addVar(id)
		}
		return s
	case kChoose:
		return k.choose(e)
	}
	return notDead
}

// choose sums the paths of a cs:choose: each branch that can be taken by
// an item of the type (a branch without conditions never is), and none
// when no branch is sure to be taken.
func (k *skipper) choose(e *el) deadSum {
	var s deadSum
	first := true
	path := func(p deadSum) {
		if first {
			s, first = p, false
		} else {
			s = s.alt(p)
		}
	}
	for _, b := range e.branches {
		for i := range b.conds {
			if b.conds[i].ck == cDisambiguate {
				// its test counts the conditions seen
				return notDead
			}
		}
	}
	sure := false
	for _, b := range e.branches {
		known, taken := k.typeTest(b)
		if known && !taken {
			continue
		}
		p := k.list(b.kids)
		k.branch(b, p)
		path(p)
		if known {
			sure = true
			break
		}
	}
	if !sure {
		path(deadSum{ok: true})
	}
	if !s.ok {
		return notDead
	}
	return s
}

// typeTest is ctx.test of a branch for an item of the skipper's type, as
// far as the type tells: known reports whether the outcome is known, taken
// is the outcome. Conditions other than the type's are unknown; they
// have no side effect (choose refuses disambiguate).
func (k *skipper) typeTest(b *branch) (known, taken bool) {
	if b.isElse {
		return true, true
	}
	if len(b.conds) == 0 {
		return true, false
	}
	unknown := false
	for i := range b.conds {
		cd := &b.conds[i]
		if !cd.masked {
			unknown = true
			continue
		}
		// a step that decides the match decides it whatever the unknown
		// conditions before it gave (any: a hit; all: a miss; none: a
		// hit)
		if done, r := b.step(cd.mask&k.bit != 0); done {
			return true, r
		}
	}
	if unknown {
		return false, false
	}
	return true, b.matchK != matchAny
}

// skipped reports whether a group or macro renders nothing for the cite
// without being walked, and the status it gives then: its entry for the
// item's type skips, the variables of the entry are absent, and neither
// termPred nor the author's cs:names would be changed by walking it.
func (c *ctx) skipped(e *el) (status, bool) { return c.skippedOf(e.skips) }

// skippedOf is skipped for the table of a group, macro or branch.
func (c *ctx) skippedOf(tab []skipEntry) (status, bool) {
	i := c.typeIdx
	if i >= len(tab) {
		i = 0
	}
	se := &tab[i]
	switch se.st {
	case skipCV:
		p := &c.item.present
		if p[0]&se.mask[0] != 0 || p[1]&se.mask[1] != 0 || c.full ||
			(se.guard&skipTerm != 0 && !c.termPred) ||
			(se.guard&skipNames != 0 && !c.namesSkippable()) {
			return status{}, false
		}
		return status{calledVar: true}, true
	case skipNone:
		return status{}, !c.full
	}
	return status{}, false
}

// leafSkipped reports whether a variable's element with a leafSkip
// renders nothing for the cite, with status{calledVar: true}. A cs:names
// (leafSkip 2) is always walked: an empty one still marks a term
// predecessor, and may decide subsequent-author-substitute or set the
// cs:name a substitution takes (see namesSkippable).
func (c *ctx) leafSkipped(e *el) bool {
	p := &c.item.present
	return p[0]&e.leafMask[0] == 0 && p[1]&e.leafMask[1] == 0 && !c.full &&
		e.leafSkip == 1
}

// branchSkipped is skippedOf for a cs:choose branch, whose elements are
// evaluated into the list around the cs:choose: a cs:names among them,
// even one that prints nothing, marks a term predecessor there (no
// group around it gives the mark back), so a branch with one is walked.
func (c *ctx) branchSkipped(tab []skipEntry) (status, bool) {
	i := c.typeIdx
	if i >= len(tab) {
		i = 0
	}
	if tab[i].guard&skipNames != 0 {
		return status{}, false
	}
	return c.skippedOf(tab)
}

// namesSkippable reports whether a cs:names whose variables are all
// absent may be left unwalked: not while the author's cs:names is
// awaited (author-only and suppress-author), nor while a substitution
// runs (the last cs:name set is state: ctx.substLast), nor while
// subsequent-author-substitute is undecided (the first cs:names decides
// it, even one that prints nothing).
func (c *ctx) namesSkippable() bool {
	return (c.authorMode == 0 || c.authorDone) && !c.substituting && (c.sas == nil || c.sas.done)
}
