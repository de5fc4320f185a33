package csl

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
)

// TestTypeChoice checks the typeChoice tables of the official styles
// against ctx.test: for every item type of a style (and none), the
// branches that ctx.typeStart (the lookup ctx.chosen uses) skips fail
// their test and the one it starts at among the type-only branches
// passes.
func TestTypeChoice(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedCSL, "*.csl"))
	if len(paths) == 0 {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	tables := 0
	for _, path := range paths {
		s := loadStyle(t, path)
		bits := []uint64{0}
		for _, b := range s.typeBits {
			bits = append(bits, b)
		}
		order, _ := s.elements(0)
		for _, e := range order {
			if e.typeChoice == nil {
				continue
			}
			tables++
			k := typeOnly(e.branches)
			for _, bit := range bits {
				c := &ctx{typeBit: bit}
				j := c.typeStart(e)
				for x := 0; x < j; x++ {
					if c.test(e.branches[x]) {
						t.Errorf("%s line %d: type bit %x skips branch %d, which passes", filepath.Base(path), e.line, bit, x)
					}
				}
				if j < k && !c.test(e.branches[j]) {
					t.Errorf("%s line %d: type bit %x starts at branch %d, which fails", filepath.Base(path), e.line, bit, j)
				}
			}
		}
	}
	if tables == 0 {
		t.Error("no cs:choose has a typeChoice table")
	}
	t.Logf("%d typeChoice tables checked", tables)
}

// TestVariableMask checks the presence-bit test of variable conditions
// (cond.vmasked) against cond on each value, for the branches of the
// official styles that test only types and variables, on the items of
// ../testdata/items.json.
func TestVariableMask(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedCSL, "*.csl"))
	if len(paths) == 0 {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	items := readItems(t, "../testdata/items.json")
	checked := 0
	for _, path := range paths {
		s := loadStyle(t, path)
		var branches []*branch
		order, _ := s.elements(0)
		for _, e := range order {
			branches = append(branches, e.branches...)
		}
		for _, b := range branches {
			simple, vm := len(b.conds) > 0, false
			for i := range b.conds {
				cd := &b.conds[i]
				vm = vm || cd.vmasked
				if !cd.vmasked && cd.ck != cType {
					simple = false
				}
			}
			if !simple || !vm {
				continue
			}
			for _, it := range items {
				c := &ctx{item: it, typeBit: s.typeBits[it.Type]}
				// the reference: cond on every value
				want := b.matchK != matchAny
			conds:
				for i := range b.conds {
					cd := &b.conds[i]
					for j, v := range cd.values {
						r := c.cond(cd, j, v)
						if r && b.matchK == matchAny {
							want = true
							break conds
						}
						if (r && b.matchK == matchNone) || (!r && b.matchK == matchAll) {
							want = false
							break conds
						}
					}
				}
				if got := c.test(b); got != want {
					t.Errorf("%s: branch %v on %s: test %v, cond on each value %v", filepath.Base(path), b.conds[0].values, it.ID, got, want)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no branch checked")
	}
	t.Logf("%d branch tests checked", checked)
}

// TestBranchBits checks the one-step test of branches whose conditions
// all test bits (branch.summarize) against the test of each condition,
// for the branches of the official styles, every type bit of the style
// (and none) and random presence bits.
func TestBranchBits(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedCSL, "*.csl"))
	if len(paths) == 0 {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	rng := rand.New(rand.NewPCG(13, 13))
	checked := 0
	for _, path := range paths {
		s := loadStyle(t, path)
		bits := []uint64{0}
		for _, b := range s.typeBits {
			bits = append(bits, b)
		}
		for _, b := range s.branches() {
			if !b.bits {
				continue
			}
			slow := *b
			slow.bits = false
			for _, bit := range bits {
				for r := 0; r < 64; r++ {
					it := &Item{}
					switch r {
					case 0:
					case 1:
						it.present = [2]uint64{^uint64(0), ^uint64(0)}
					default:
						it.present = [2]uint64{rng.Uint64() & rng.Uint64(), rng.Uint64() & rng.Uint64()}
					}
					c := &ctx{item: it, typeBit: bit}
					if got, want := c.test(b), c.test(&slow); got != want {
						t.Fatalf("%s: branch %v, type bit %x, presence %x: %v, each condition %v", filepath.Base(path), b.conds[0].values, bit, it.present, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no branch checked")
	}
	t.Logf("%d branch tests checked", checked)
}

// branches returns the branches of a style's elements.
func (s *Style) branches() []*branch {
	seen := map[*el]bool{}
	var out []*branch
	var visit func(e *el)
	visit = func(e *el) {
		if e == nil || seen[e] {
			return
		}
		seen[e] = true
		visit(e.macro)
		for _, k := range e.kids {
			visit(k)
		}
		for _, b := range e.branches {
			out = append(out, b)
			for _, k := range b.kids {
				visit(k)
			}
		}
		visit(e.subst)
	}
	for _, ls := range []*layoutSpec{s.citation, s.bibliography} {
		if ls != nil {
			visit(ls.layout)
		}
	}
	for _, name := range sortedMacroNames(s.macros) {
		visit(s.macros[name])
	}
	return out
}
