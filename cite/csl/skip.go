package csl

import (
	"sync"
	"sync/atomic"
)

// Skipping what cannot render. A cs:group, or a macro called by cs:text,
// whose elements call variables and render none of them renders nothing
// (CSL's implicit conditional): its parent gets no output and a status of
// a variable tried and not rendered. When the variables that the path the
// item takes through the subtree calls are all absent from the item, that
// is known before the subtree is walked, if the subtree has no other way
// to render or to change the cite's state; a subtree whose path calls no
// variable and renders nothing (a cs:choose with no branch for the item)
// gives nothing and no status. The analysis (skipper) runs once per item
// type, at the first render of an item of the type (Style.skipTable): the
// type conditions are decided, and the paths through the other cs:choose
// tests are kept apart as cases guarded by what the tests say of the
// item's variables. ctx.evalInto asks (skippedOf) before it walks a group,
// a macro call or a chosen branch, and leaves out a variable's element
// whose variables the item lacks (leafSkip). Only the budget that bounds
// the work on hostile styles counts fewer steps. The processor's full
// switch turns the skipping off, for the tests that compare the two.

// skipEntry is one case of a group, macro or branch for items of one
// type (a skipList): when the item has every variable of all and none of
// none (the cs:choose tests that pick the case's path, as far as they
// tell), what the path does.
type skipEntry struct {
	all, none [2]uint64
	// mask: the variables whose absence makes the path render nothing
	mask [2]uint64
	// st: 0, it may render; skipCV, it gives status{calledVar: true} when
	// the variables of mask are absent; skipNone, it gives status{}
	st uint8
	// guard: skipTerm, skipNames
	guard uint8
}

// skipList is the cases of a group, macro or branch for one type; reject
// has variables that every case that skips needs absent: an item with one
// of them is not skipped (what most items that render show at once).
type skipList struct {
	reject [2]uint64
	cases  []skipEntry
}

// newSkipList makes the list of cases (none when no case skips).
func newSkipList(cases []skipEntry) skipList {
	l := skipList{reject: [2]uint64{^uint64(0), ^uint64(0)}}
	skips := false
	for _, se := range cases {
		switch se.st {
		case skipCV:
			l.reject[0] &= se.mask[0]
			l.reject[1] &= se.mask[1]
			skips = true
		case skipNone:
			l.reject = [2]uint64{}
			skips = true
		}
	}
	if !skips {
		return skipList{}
	}
	l.cases = cases
	return l
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

// guard is a condition on the item's variables: all of all present, none
// of none.
type guard struct{ all, none [2]uint64 }

// and is the conjunction of two guards; false when it cannot hold.
func (g guard) and(o guard) (guard, bool) {
	r := guard{[2]uint64{g.all[0] | o.all[0], g.all[1] | o.all[1]}, [2]uint64{g.none[0] | o.none[0], g.none[1] | o.none[1]}}
	return r, r.all[0]&r.none[0] == 0 && r.all[1]&r.none[1] == 0
}

// dcase is a path through a subtree, taken when g holds (as far as the
// tests tell: g may hold on more items than take the path), and what it
// does.
type dcase struct {
	g guard
	s deadSum
}

// maxCases bounds the paths kept apart for a subtree: more are merged into
// one (their sums combined as alternatives, their guards as what all
// share).
const maxCases = 8

var notDeadCases = []dcase{{s: notDead}}

func casesOK(cs []dcase) bool {
	for _, c := range cs {
		if !c.s.ok {
			return false
		}
	}
	return len(cs) > 0
}

// merge merges paths into one.
func merge(cs []dcase) []dcase {
	m := cs[0]
	for _, c := range cs[1:] {
		for i := 0; i < 2; i++ {
			m.g.all[i] &= c.g.all[i]
			m.g.none[i] &= c.g.none[i]
		}
		m.s = m.s.alt(c.s)
	}
	return []dcase{m}
}

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
	bit uint64
	// memo has the cases of the groups and macros analysed
	memo map[*el][]dcase
	// entry records the cases of a group or macro (*el) or of the
	// elements of a branch (*branch)
	entry func(at any, s []skipEntry)
}

// skips sets the skips of every group, macro and branch of the style
// (after compact: the elements are those the evaluator walks): a list of
// cases per type index (0 for no type bit, i+1 for bit i), or one for all
// skipState is a style's skip tables, made per item type at the first
// render of an item of the type (skipTable): slots numbers the groups,
// macros and branches (el.skipSlot, branch.skipSlot; from 1, 0 is none).
type skipState struct {
	slots int
	once  []sync.Once
	tabs  [][]skipList
	// mu serializes the analyses (which read the elements only)
	mu    sync.Mutex
	order []*el
	n     int
	// shapes has the verdicts of the skip tables for items of one type
	// and one set of variables present (shapeKey → *[]atomic.Uint32, a
	// verdict per slot made at its first question); nshapes counts them,
	// up to maxShapes
	shapes  sync.Map
	nshapes atomic.Int32
	// chooses numbers the cs:choose elements (el.chooseSlot; from 1)
	chooses int
}

// shape is the verdicts of a skip table for an item shape (a verdict per
// slot) and the branches its cs:choose elements take (chooseVerdict).
type shape struct {
	skip, choose []atomic.Uint32
}

// shapeKey is an item's type index and presence bits: what the static
// part of skippedIn reads of the item.
type shapeKey struct {
	t int
	p [2]uint64
}

// maxShapes bounds the item shapes whose verdicts a style keeps (a slot's
// verdict is 4 bytes).
const maxShapes = 128

// A verdict (skippedIn's answer for an item's shape, before what the
// cite's state decides) has these bits; 0 is one not made yet.
const (
	vMade uint32 = 1 << iota
	// vOK: every case of the shape's path skips, with one status
	vOK
	// vCV: that status is status{calledVar: true}
	vCV
	// vTerm, vNames: a case skips only when termPred is set, or the
	// author's cs:names is not awaited (namesSkippable)
	vTerm
	vNames
	// vAnyNames: a case has cs:names (a branch is then walked)
	vAnyNames
)

// shapeVerdicts returns the verdicts of the skip table of an item type
// index for items with the presence bits p (nil once the style keeps
// maxShapes).
func (s *Style) shapeVerdicts(t int, p [2]uint64) *shape {
	st := s.skip
	if st == nil {
		return nil
	}
	k := shapeKey{t, p}
	if v, ok := st.shapes.Load(k); ok {
		return v.(*shape)
	}
	if st.nshapes.Load() >= maxShapes {
		return nil
	}
	if st.nshapes.Add(1) > maxShapes {
		st.nshapes.Add(-1)
		return nil
	}
	sh := &shape{skip: make([]atomic.Uint32, st.slots), choose: make([]atomic.Uint32, st.chooses)}
	v, loaded := st.shapes.LoadOrStore(k, sh)
	if loaded {
		st.nshapes.Add(-1)
	}
	return v.(*shape)
}

// chooseVerdict encodes the branch of a cs:choose that an item's shape
// decides: 1 + its index (1 + the number of branches for none), plus
// chooseFrom when a branch from that index on tests more than bits (its
// test then decides, from there).
const chooseFrom = 1 << 16

// chooseVerdict is the branch the item's shape takes through a cs:choose
// (see chooseFrom): the branches chosen tests by bits, from the first
// that its typeChoice table does not rule out.
func (c *ctx) chooseVerdict(e *el) uint32 {
	for i := c.typeStart(e); i < len(e.branches); i++ {
		b := e.branches[i]
		switch {
		case b.isElse:
			return uint32(1 + i)
		case b.bits:
			if b.bitsHold(c.typeBit, &c.item.present) {
				return uint32(1 + i)
			}
		default:
			return uint32(1+i) | chooseFrom
		}
	}
	return uint32(1 + len(e.branches))
}

// skips prepares the style's skipping (after compact: the elements are
// those the evaluator walks): the leaf skips, a slot for every group,
// macro and branch; the tables by type are made when first needed. order
// is the style's elements, as elements gives them.
func (s *Style) skips(order []*el) {
	n := len(s.typeBits) + 1
	st := &skipState{once: make([]sync.Once, n), tabs: make([][]skipList, n), order: order, n: n}
	st.slots = 1 // slot 0: none
	for _, e := range order {
		e.leafSkip, e.leafMask = leafSkip(e)
		e.bare = e.prefix == "" && e.suffix == "" && e.fm == nil && e.fmNoStyle == nil && !e.quotes && e.display == "" && !e.strip
		if e.kind == kGroup || e.kind == kMacro {
			e.skipSlot = int32(st.slots)
			st.slots++
		}
		for _, b := range e.branches {
			b.skipSlot = int32(st.slots)
			st.slots++
		}
		if e.kind == kChoose && len(e.branches) < chooseFrom-1 {
			st.chooses++
			e.chooseSlot = int32(st.chooses)
		}
	}
	st.chooses++ // slot 0: none
	s.skip = st
}

// skipTable returns the skip table of an item type index (0 for no type
// bit, i+1 for bit i), made on first use: a list of cases per slot.
func (s *Style) skipTable(t int) []skipList {
	st := s.skip
	if st == nil || t >= st.n {
		return nil
	}
	st.once[t].Do(func() {
		st.mu.Lock()
		defer st.mu.Unlock()
		st.tabs[t] = st.table(t)
	})
	return st.tabs[t]
}

// table analyses the style for the items of one type.
func (st *skipState) table(t int) []skipList {
	tab := make([]skipList, st.slots)
	k := &skipper{memo: map[*el][]dcase{}}
	if t > 0 {
		k.bit = 1 << (t - 1)
	}
	k.entry = func(at any, se []skipEntry) {
		var slot int32
		switch x := at.(type) {
		case *el:
			slot = x.skipSlot
		case *branch:
			slot = x.skipSlot
		}
		if slot > 0 {
			tab[slot] = newSkipList(se)
		}
	}
	for _, e := range st.order {
		switch e.kind {
		case kGroup, kMacro:
			k.wrapped(e)
		case kLayout:
			// for the branches of its cs:choose elements
			k.list(e.kids)
		}
	}
	return tab
}

// leafSkip gives a variable's element (cs:text, cs:number, cs:date,
// cs:names) that renders nothing and gives status{calledVar: true} when
// the variables of mask are absent (ctx.evalInto then does not call it):
// 1, or 2 for a cs:names (not while it would take the author of a
// suppress-author or author-only cite), or 3 for an element that marks a
// term predecessor all the same (ctx.text); 0 for another element.
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
	cs := k.element(e)
	s := cs[0].s
	if len(cs) != 1 || !s.ok || !s.cv || s.out {
		return 0, [2]uint64{}
	}
	if s.names {
		return 2, s.mask
	}
	if s.term {
		// an empty volume, issue, number or edition: skipped, it still
		// marks a term predecessor
		return 3, s.mask
	}
	return 1, s.mask
}

// wrapped is the cases of a group or a macro call (memoized: a macro is
// one element wherever it is called, and cannot call itself).
func (k *skipper) wrapped(e *el) []dcase {
	if cs, ok := k.memo[e]; ok {
		return cs
	}
	cs := k.wrap(e, k.list(e.kids))
	k.memo[e] = cs
	return cs
}

// wrap gives the cases of a group or macro call from those of its
// elements and records, case by case, when the element renders nothing.
func (k *skipper) wrap(e *el, cs []dcase) []dcase {
	if !casesOK(cs) {
		k.entry(e, nil)
		return notDeadCases
	}
	out := make([]dcase, 0, len(cs))
	ents := make([]skipEntry, 0, len(cs))
	renders := false
	for _, c := range cs {
		s := c.s
		se := skipEntry{all: c.g.all, none: c.g.none}
		switch {
		case s.cv:
			// variables tried, none rendered: the element gives
			// nothing and a status of a variable tried
			se = cvEntry(c)
			out = append(out, dcase{c.g, deadSum{ok: true, cv: true, cvAny: true, term: s.term, names: s.names, mask: s.mask}})
		case !s.out && !s.cvAny:
			// nothing tried, nothing rendered: no output and no
			// status, whatever the item
			se.st = skipNone
			out = append(out, dcase{c.g, deadSum{ok: true}})
		case !s.out:
			// nothing rendered, a variable tried on some paths
			out = append(out, c)
		default:
			// a group of terms renders, and counts as a variable
			// rendered
			renders = true
		}
		ents = append(ents, se)
	}
	k.entry(e, ents)
	if renders {
		return notDeadCases
	}
	return out
}

// cvEntry is the skip entry of a path that tries variables and renders
// none: status{calledVar: true} when the variables of its mask are
// absent, guarded by what it may change (a term predecessor, the author's
// cs:names).
func cvEntry(c dcase) skipEntry {
	se := skipEntry{all: c.g.all, none: c.g.none, mask: c.s.mask, st: skipCV}
	if c.s.term {
		se.guard |= skipTerm
	}
	if c.s.names {
		se.guard |= skipNames
	}
	return se
}

// branch records when the elements of a branch render nothing: they are
// evaluated in the place of the cs:choose, so only when they give no
// output (a term there would be the enclosing group's to drop) and a
// status known in advance.
func (k *skipper) branch(b *branch, cs []dcase) {
	if !casesOK(cs) {
		k.entry(b, nil)
		return
	}
	ents := make([]skipEntry, 0, len(cs))
	for _, c := range cs {
		s := c.s
		se := skipEntry{all: c.g.all, none: c.g.none}
		switch {
		case s.out:
		case s.cv:
			se = cvEntry(c)
		case !s.cvAny:
			se.st = skipNone
		}
		ents = append(ents, se)
	}
	k.entry(b, ents)
}

// one is the single path of an element without choices.
func one(s deadSum) []dcase { return []dcase{{s: s}} }

func (k *skipper) list(kids []*el) []dcase {
	cur := one(deadSum{ok: true})
	for _, e := range kids {
		ec := k.element(e)
		if !casesOK(ec) {
			return notDeadCases
		}
		next := make([]dcase, 0, len(cur)*len(ec))
		for _, a := range cur {
			for _, b := range ec {
				if g, ok := a.g.and(b.g); ok {
					next = append(next, dcase{g, a.s.seq(b.s)})
				}
			}
		}
		if len(next) == 0 {
			// no path: never so for the paths of a style, but then
			// nothing is known
			return notDeadCases
		}
		if len(next) > maxCases {
			next = merge(next)
		}
		cur = next
	}
	return cur
}

func (k *skipper) element(e *el) []dcase {
	var s deadSum
	switch e.kind {
	case kGroup:
		return k.wrapped(e)
	case kText:
		switch {
		case e.macro != nil:
			return k.wrapped(e.macro)
		case e.variable != "":
			if e.varID == 0 || (e.form == "short" && e.shortVar != "" && e.shortVarID == 0) {
				// a variable the processor computes, or a short form
				// looked up by name
				return notDeadCases
			}
			s = deadSum{ok: true, cv: true, cvAny: true}
			switch e.variable {
			case "volume", "issue", "number", "edition":
				// empty, it still marks a term predecessor (ctx.text)
				s.term = true
			}
			s.addVar(e.varID)
			if e.form == "short" {
				s.addVar(e.shortVarID)
				if e.variable == "title" {
					s.addVar(stdVarIDs["title-short"])
				}
			}
			return one(s)
		case e.term != "":
			return one(deadSum{ok: true, out: true, term: true})
		}
		return one(deadSum{ok: true, out: e.value != ""})
	case kNumber, kDate:
		if e.varID == 0 {
			return notDeadCases
		}
		s = deadSum{ok: true, cv: true, cvAny: true}
		s.addVar(e.varID)
		return one(s)
	case kLabel:
		// a label renders its term for an absent variable too (a group
		// around it decides); it changes nothing
		return one(deadSum{ok: true, out: true})
	case kNames:
		if e.subst != nil || len(e.varIDs) != len(e.vars) {
			return notDeadCases
		}
		s = deadSum{ok: true, cv: true, cvAny: true, names: true}
		for _, id := range e.varIDs {
			if id == 0 {
				return notDeadCases
			}
			s.addVar(id)
		}
		return one(s)
	case kChoose:
		return k.choose(e)
	}
	return notDeadCases
}

// choose gives the paths of a cs:choose: through each branch that an item
// of the type can take (a branch without conditions never is), guarded by
// its test and the failure of the branches before it (as far as guards
// can say), and through none when no branch is sure to be taken.
func (k *skipper) choose(e *el) []dcase {
	for _, b := range e.branches {
		for i := range b.conds {
			if b.conds[i].ck == cDisambiguate {
				// its test counts the conditions seen
				return notDeadCases
			}
		}
	}
	var out []dcase
	var failed guard // the branches before failed
	sure := false
	for _, b := range e.branches {
		known, taken := k.typeTest(b)
		if known && !taken {
			continue
		}
		bg, neg, negOK := k.branchGuard(b)
		if pg, ok := failed.and(bg); ok {
			cs := k.list(b.kids)
			k.branch(b, cs)
			if !casesOK(cs) {
				return notDeadCases
			}
			for _, c := range cs {
				if g, ok := c.g.and(pg); ok {
					out = append(out, dcase{g, c.s})
				}
			}
		}
		if known {
			sure = true
			break
		}
		if negOK {
			var ok bool
			if failed, ok = failed.and(neg); !ok {
				// no item gets past this branch
				sure = true
				break
			}
		}
	}
	if !sure {
		out = append(out, dcase{failed, deadSum{ok: true}})
	}
	if len(out) == 0 {
		return notDeadCases
	}
	if len(out) > maxCases {
		out = merge(out)
	}
	return out
}

// branchGuard gives what a branch's test passing says of the item's
// variables (g), and, when its failing says something that a guard can
// hold, that (neg, negOK): the type conditions are decided for the
// skipper's type, the variable conditions on presence bits read, the
// others unknown.
func (k *skipper) branchGuard(b *branch) (g, neg guard, negOK bool) {
	if b.isElse {
		return guard{}, guard{}, false
	}
	exact := true
	var vars [2]uint64
	nvars := 0
	for i := range b.conds {
		cd := &b.conds[i]
		switch {
		case cd.masked:
			if cd.mask&k.bit != 0 && b.matchK == matchAny {
				// the branch passes whatever the rest: typeTest made
				// it sure
				return guard{}, guard{}, false
			}
			// otherwise a hit (all) or a miss (any, none) leaves the
			// match to the other conditions; the other outcomes made
			// typeTest rule the branch out
		case cd.ck == cVariable && cd.vmasked:
			if b.matchK == matchAll {
				g.all[0] |= cd.vmask[0]
				g.all[1] |= cd.vmask[1]
			}
			vars[0] |= cd.vmask[0]
			vars[1] |= cd.vmask[1]
			nvars += len(cd.values)
		default:
			exact = false
		}
	}
	single := nvars == 1
	switch b.matchK {
	case matchAll:
		if exact && single {
			// the one variable is absent
			return g, guard{none: vars}, true
		}
	case matchAny:
		if exact && single {
			// (an unknown condition could pass it without it)
			g.all = vars
		}
		// failing, no condition hit: none of the variables is present
		return g, guard{none: vars}, true
	case matchNone:
		g.none = vars
		if exact && single {
			return g, guard{all: vars}, true
		}
	}
	return g, guard{}, false
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

// skippedOf reports whether a group, macro or branch renders nothing for
// the cite without being walked (ctx.evalInto asks before it walks one),
// and the status it gives then: every
// case whose guard holds for the item must skip, the variables of its
// mask be absent, neither termPred nor the author's cs:names be changed
// by walking it, and all give the same status.
func (c *ctx) skippedOf(slot int32) (status, bool) { return c.skippedIn(slot, false) }

// maySkip reports whether a slot has cases that skip and the item has
// none of the variables that reject them all (what skippedIn finds first
// for most slots, for a test without a call; slot 0, none, has no cases),
// or, with the verdicts of the item's shape, whether that of the slot
// may skip.
func (c *ctx) maySkip(slot int32) bool {
	if uint(slot) < uint(len(c.verdicts)) {
		v := c.verdicts[slot].Load()
		return v == 0 || v&vOK != 0
	}
	if uint(slot) >= uint(len(c.skipTab)) {
		return false
	}
	l := &c.skipTab[slot]
	p := &c.item.present
	return l.cases != nil && p[0]&l.reject[0] == 0 && p[1]&l.reject[1] == 0
}

// skippedIn is skippedOf; for a branch it refuses a case with cs:names
// (branchSkipped).
func (c *ctx) skippedIn(slot int32, branch bool) (status, bool) {
	if uint(slot) < uint(len(c.verdicts)) {
		// the verdict of the item's shape (verdict), and what the
		// cite's state decides
		v := c.verdicts[slot].Load()
		if v == 0 {
			v = c.verdict(slot)
			c.verdicts[slot].Store(v)
		}
		if v&vOK == 0 || branch && v&vAnyNames != 0 ||
			v&vTerm != 0 && !c.termPred || v&vNames != 0 && !c.namesSkippable() {
			return status{}, false
		}
		return status{calledVar: v&vCV != 0}, true
	}
	if slot <= 0 || int(slot) >= len(c.skipTab) {
		return status{}, false
	}
	l := &c.skipTab[slot]
	if l.cases == nil {
		return status{}, false
	}
	p := &c.item.present
	if p[0]&l.reject[0] != 0 || p[1]&l.reject[1] != 0 || c.full {
		return status{}, false
	}
	var res status
	found := false
	for j := range l.cases {
		se := &l.cases[j]
		if p[0]&se.all[0] != se.all[0] || p[1]&se.all[1] != se.all[1] || p[0]&se.none[0] != 0 || p[1]&se.none[1] != 0 {
			continue // not this path
		}
		if branch && se.guard&skipNames != 0 {
			return status{}, false
		}
		var r status
		switch se.st {
		case skipCV:
			if p[0]&se.mask[0] != 0 || p[1]&se.mask[1] != 0 ||
				(se.guard&skipTerm != 0 && !c.termPred) ||
				(se.guard&skipNames != 0 && !c.namesSkippable()) {
				return status{}, false
			}
			r = status{calledVar: true}
		case skipNone:
		default:
			return status{}, false
		}
		if found && r != res {
			return status{}, false
		}
		res, found = r, true
	}
	return res, found
}

// verdict is skippedIn's answer for a slot from what the item's type and
// presence bits decide (the same for every item of the shape): the cases
// of the item's path, which all return false on a static failure (a
// case that may render, a variable of its mask present, another
// status), in any order, and the conditions on the cite's state
// (termPred, namesSkippable; cs:names for a branch) that the cases that
// skip put.
func (c *ctx) verdict(slot int32) uint32 {
	if slot <= 0 || int(slot) >= len(c.skipTab) {
		return vMade
	}
	l := &c.skipTab[slot]
	if l.cases == nil {
		return vMade
	}
	p := &c.item.present
	if p[0]&l.reject[0] != 0 || p[1]&l.reject[1] != 0 {
		return vMade
	}
	var res status
	found := false
	v := vMade
	for j := range l.cases {
		se := &l.cases[j]
		if p[0]&se.all[0] != se.all[0] || p[1]&se.all[1] != se.all[1] || p[0]&se.none[0] != 0 || p[1]&se.none[1] != 0 {
			continue // not this path
		}
		if se.guard&skipNames != 0 {
			v |= vAnyNames
		}
		var r status
		switch se.st {
		case skipCV:
			if p[0]&se.mask[0] != 0 || p[1]&se.mask[1] != 0 {
				return vMade
			}
			if se.guard&skipTerm != 0 {
				v |= vTerm
			}
			if se.guard&skipNames != 0 {
				v |= vNames
			}
			r = status{calledVar: true}
		case skipNone:
		default:
			return vMade
		}
		if found && r != res {
			return vMade
		}
		res, found = r, true
	}
	if !found {
		return vMade
	}
	v |= vOK
	if res.calledVar {
		v |= vCV
	}
	return v
}

// leafSkipped reports whether a variable's element with a leafSkip
// renders nothing for the cite, with status{calledVar: true}. A cs:names
// (leafSkip 2) is always walked: an empty one still marks a term
// predecessor, and may decide subsequent-author-substitute or set the
// cs:name a substitution takes (see namesSkippable).
func (c *ctx) leafSkipped(e *el) bool {
	p := &c.item.present
	return p[0]&e.leafMask[0] == 0 && p[1]&e.leafMask[1] == 0 && !c.full &&
		(e.leafSkip == 1 || e.leafSkip == 3)
}

// emptyNames is for a cs:names with leafSkip 2 whose variables the item
// lacks: when it may be left unwalked (namesSkippable; not in a sort
// key, where citeproc-js counts no names as "0", nor with a
// subsequent-author-substitute text pending), it does what walking it
// would (eval, names and namesOf: a step of the budget, and the term
// predecessor that a cs:names without names marks) and reports true: the
// element gives nothing and status{calledVar: true}.
func (c *ctx) emptyNames(e *el) bool {
	p := &c.item.present
	if p[0]&e.leafMask[0] != 0 || p[1]&e.leafMask[1] != 0 || c.full || c.sorting || c.budget <= 0 ||
		!c.namesSkippable() || c.sas != nil && c.sas.pending != pendNone {
		return false
	}
	c.budget--
	if !c.termPred && !e.substOnly && !c.countForm(e.nameEl) {
		c.termPred = true
	}
	return true
}

// branchSkipped is skippedOf for a cs:choose branch, whose elements are
// evaluated into the list around the cs:choose: a cs:names among them,
// even one that prints nothing, marks a term predecessor there (no
// group around it gives the mark back), so a branch with one is walked.
func (c *ctx) branchSkipped(slot int32) (status, bool) { return c.skippedIn(slot, true) }

// namesSkippable reports whether a cs:names whose variables are all
// absent may be left unwalked: not while the author's cs:names is
// awaited (author-only and suppress-author), nor while a substitution
// runs (the last cs:name set is state: ctx.substLast), nor while
// subsequent-author-substitute is undecided (the first cs:names decides
// it, even one that prints nothing).
func (c *ctx) namesSkippable() bool {
	return (c.authorMode == 0 || c.authorDone) && !c.substituting && (c.sas == nil || c.sas.done)
}
