package csl

import "sort"

// compact moves a parsed style's elements and branches into two slabs,
// in the order evaluation visits them (a macro after its first
// reference): the evaluator walks a few hundred elements per cite, and
// elements scattered among the parser's garbage cost it a cache miss
// each. Pointers between elements are rewritten, sharing kept (a macro
// is one element wherever it is called). Each branch gets its one-step
// test (summarize). order and at are the style's elements as elements
// gives them; compact returns them moved, in the same order.
func (s *Style) compact(order []*el, at map[*el]int) []*el {
	nbranch := 0
	for _, e := range order {
		nbranch += len(e.branches)
	}
	els := make([]el, len(order))
	for i, e := range order {
		els[i] = *e
	}
	to := func(e *el) *el {
		if e == nil {
			return nil
		}
		if i, ok := at[e]; ok {
			return &els[i]
		}
		return e
	}
	// the lists of the old elements are rewritten in place: each belongs
	// to one element, and the old elements are dropped
	list := func(l []*el) []*el {
		for i, e := range l {
			l[i] = to(e)
		}
		return l
	}
	brs := make([]branch, 0, nbranch)
	for i := range els {
		e := &els[i]
		e.macro = to(e.macro)
		e.kids = list(e.kids)
		e.nameEl, e.etAl, e.labelEl, e.subst = to(e.nameEl), to(e.etAl), to(e.labelEl), to(e.subst)
		for k, v := range e.nameParts {
			e.nameParts[k] = to(v)
		}
		e.parts = list(e.parts)
		if e.branches != nil {
			bs := make([]*branch, len(e.branches))
			for j, b := range e.branches {
				brs = append(brs, *b)
				nb := &brs[len(brs)-1]
				nb.kids = list(b.kids)
				nb.summarize()
				bs[j] = nb
			}
			e.branches = bs
		}
	}
	for _, ls := range []*layoutSpec{s.citation, s.bibliography} {
		if ls == nil {
			continue
		}
		ls.layout = to(ls.layout)
		for _, k := range ls.sort {
			k.macro = to(k.macro)
		}
	}
	for name, m := range s.macros {
		s.macros[name] = to(m)
	}
	moved := make([]*el, len(els))
	for i := range els {
		moved[i] = &els[i]
	}
	return moved
}

// sortedParts returns the values of a cs:name's name-part map in a fixed
// order.
func sortedParts(m map[string]*el) []*el {
	if len(m) == 0 {
		return nil
	}
	var out []*el
	for _, k := range []string{"family", "given"} {
		if e, ok := m[k]; ok {
			out = append(out, e)
		}
	}
	for k, e := range m {
		if k != "family" && k != "given" {
			out = append(out, e)
		}
	}
	return out
}

// sortedMacroNames returns the names of macros in a fixed order.
func sortedMacroNames(m map[string]*el) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// typeChoices fills in the typeChoice table of each cs:choose whose first
// branches test nothing but the item's type by its bit: the branches of
// them that fail are then skipped without a test (chosen). The style's
// typeBits are complete when it runs. order is the style's elements, as
// elements gives them.
func (s *Style) typeChoices(order []*el) {
	n := len(s.typeBits)
	for _, e := range order {
		if k := typeOnly(e.branches); e.kind == kChoose && k > 0 {
			t := make([]int8, n+1)
			t[0] = typeBranch(e.branches[:k], 0)
			for i := 0; i < n; i++ {
				t[i+1] = typeBranch(e.branches[:k], 1<<i)
			}
			e.typeChoice = t
		}
	}
}

// elements returns every element of the style once, in the order
// evaluation visits them, and the place of each in that order: the
// citation's layout and its sort keys' macros, the bibliography's, then
// the macros by name; within an element, itself first, then its macro,
// children, branches' children, cs:name, cs:et-al, cs:label,
// cs:substitute, name parts and date parts. An element reached again (a
// macro called twice) keeps its first place. hint is about how many
// elements there are (0: unknown).
func (s *Style) elements(hint int) (order []*el, at map[*el]int) {
	at = make(map[*el]int, hint)
	order = make([]*el, 0, hint)
	var visit func(e *el)
	visit = func(e *el) {
		if e == nil {
			return
		}
		if _, ok := at[e]; ok {
			return
		}
		at[e] = len(order)
		order = append(order, e)
		visit(e.macro)
		for _, k := range e.kids {
			visit(k)
		}
		for _, b := range e.branches {
			for _, k := range b.kids {
				visit(k)
			}
		}
		visit(e.nameEl)
		visit(e.etAl)
		visit(e.labelEl)
		visit(e.subst)
		for _, k := range sortedParts(e.nameParts) {
			visit(k)
		}
		for _, k := range e.parts {
			visit(k)
		}
	}
	for _, ls := range []*layoutSpec{s.citation, s.bibliography} {
		if ls == nil {
			continue
		}
		visit(ls.layout)
		for _, k := range ls.sort {
			visit(k.macro)
		}
	}
	for _, name := range sortedMacroNames(s.macros) {
		visit(s.macros[name])
	}
	return order, at
}

// typeOnly returns how many branches of a cs:choose, from the first,
// test nothing but the item's type by its bit (so that their tests have no
// other input and no side effect); 0 for more than 127 branches.
func typeOnly(bs []*branch) int {
	if len(bs) > 127 {
		return 0
	}
	for j, b := range bs {
		if b.isElse {
			return j
		}
		for i := range b.conds {
			if !b.conds[i].masked {
				return j
			}
		}
	}
	return len(bs)
}

// typeBranch is the index of the first of the type-only branches bs that
// ctx.test passes for an item with the type bit bit (0: none), len(bs)
// when none does.
func typeBranch(bs []*branch, bit uint64) int8 {
	for j, b := range bs {
		if typeHit(b, bit) {
			return int8(j)
		}
	}
	return int8(len(bs))
}

// typeHit is ctx.test for a branch of type conditions only.
func typeHit(b *branch, bit uint64) bool {
	if len(b.conds) == 0 {
		return false
	}
	for i := range b.conds {
		if done, r := b.step(b.conds[i].mask&bit != 0); done {
			return r
		}
	}
	return b.matchK != matchAny
}
