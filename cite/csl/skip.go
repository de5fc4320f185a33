package csl

// Skipping what cannot render. A cs:group, or a macro called by cs:text,
// whose elements call variables and render none of them renders nothing
// (CSL's implicit conditional): its parent gets no output and a status of
// a variable tried and not rendered. When the variables of the subtree
// are all absent from the item, that is known before the subtree is
// walked, if the subtree has no other way to render a variable or to
// change the cite's state: skips, at parse time, finds the groups and
// macros where it holds (el.skip, el.skipMask), and the evaluator
// (ctx.skipped) answers for them without walking them. Only the budget
// that bounds the work on hostile styles counts fewer steps.

// el.skip bits.
const (
	// skipOK: the element renders nothing when the variables of its
	// skipMask are all absent (and the conditions below hold)
	skipOK uint8 = 1 << iota
	// skipTerm: the subtree may render a cs:text term, which sets
	// ctx.termPred: it is skipped only when termPred is set already
	skipTerm
	// skipNames: the subtree has cs:names, which takes the author of a
	// suppress-author or author-only cite (ctx.authorMode): it is skipped
	// only outside those
	skipNames
)

// deadSum is what an element or a list of elements does in a cite
// whose item lacks every variable of mask.
type deadSum struct {
	// ok: the subtree renders no variable (none has a value), changes no
	// state of the cite but ctx.termPred (term) and the author's
	// (names), and tests no condition with a side effect (disambiguate)
	ok bool
	// cv: on every path, a variable is tried (status.calledVar)
	cv bool
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
	return deadSum{ok: s.ok && o.ok, cv: s.cv || o.cv, out: s.out || o.out, term: s.term || o.term, names: s.names || o.names,
		mask: [2]uint64{s.mask[0] | o.mask[0], s.mask[1] | o.mask[1]}}
}

// alt combines the sums of paths one of which is taken.
func (s deadSum) alt(o deadSum) deadSum {
	r := s.seq(o)
	r.cv = s.cv && o.cv
	return r
}

// skipper analyses a style's groups and macros once each.
type skipper struct {
	macros map[*el]deadSum
}

// skips sets the skip and skipMask of every group and macro of the style
// (after compact: the elements are those the evaluator walks).
func (s *Style) skips() {
	k := &skipper{macros: map[*el]deadSum{}}
	order, _ := s.elements()
	for _, e := range order {
		switch e.kind {
		case kGroup:
			k.wrap(e, k.list(e.kids))
		case kMacro:
			k.macro(e)
		}
	}
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
// and marks the element skippable when the sum says it renders nothing.
func (k *skipper) wrap(e *el, s deadSum) deadSum {
	if !s.ok {
		return notDead
	}
	if s.cv {
		// variables tried, none rendered: the element gives nothing
		// and a status of a variable tried
		e.skip = skipOK
		if s.term {
			e.skip |= skipTerm
		}
		if s.names {
			e.skip |= skipNames
		}
		e.skipMask = s.mask
		return deadSum{ok: true, cv: true, term: s.term, names: s.names, mask: s.mask}
	}
	if !s.out {
		// nothing tried, nothing rendered: no output and no status
		return s
	}
	// a group of terms renders, and counts as a variable rendered
	return notDead
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
			s = deadSum{ok: true, cv: true}
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
		s = deadSum{ok: true, cv: true}
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
		s = deadSum{ok: true, cv: true, names: true}
		for _, id := range e.varIDs {
			if id == 0 {
				return notDead
			}
			s.addVar(id)
		}
		return s
	case kChoose:
		// the paths: each branch that can be taken (a branch without
		// conditions never is), and none when there is no else
		first, hasElse := true, false
		for _, b := range e.branches {
			for i := range b.conds {
				if b.conds[i].ck == cDisambiguate {
					// its test counts the conditions seen
					return notDead
				}
			}
			if !b.isElse && len(b.conds) == 0 {
				continue
			}
			p := k.list(b.kids)
			if first {
				s, first = p, false
			} else {
				s = s.alt(p)
			}
			if b.isElse {
				hasElse = true
				break
			}
		}
		if !hasElse {
			if first {
				s = deadSum{ok: true}
			} else {
				s = s.alt(deadSum{ok: true})
			}
		}
		if !s.ok {
			return notDead
		}
		return s
	}
	return notDead
}

// skipped reports whether a group or macro that skips marked renders
// nothing for the cite: its variables are all absent, and neither
// termPred nor the author's cs:names would be changed by walking it. A
// cs:names is walked, even with its variables absent, while a
// substitution runs (the last cs:name set is state: ctx.substLast) and
// while subsequent-author-substitute is undecided (the first cs:names
// decides it).
func (c *ctx) skipped(e *el) bool {
	p := &c.item.present
	return p[0]&e.skipMask[0] == 0 && p[1]&e.skipMask[1] == 0 && !c.full &&
		(e.skip&skipTerm == 0 || c.termPred) &&
		(e.skip&skipNames == 0 || (c.authorMode == 0 || c.authorDone) && !c.substituting && (c.sas == nil || c.sas.done))
}
