package csl

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestReset checks that a processor reset and reused renders every item
// of cite/testdata alone, some after a document of many items (with their
// sorting and disambiguation), exactly as a new processor does: entries,
// first and subsequent notes, text and HTML.
func TestReset(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	items := readItems(t, "../testdata/items.json")
	ids := make([]string, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	all := make([]*Item, len(ids))
	for i, id := range ids {
		all[i] = items[id]
	}
	ls := enUSOnly(t)
	render := func(p *Processor, it *Item) []string {
		p.Register(it)
		var out []string
		for _, e := range p.Bibliography() {
			out = append(out, e.String(), e.HTML())
		}
		for _, r := range p.CiteDocument([]Citation{
			{NoteIndex: 1, Items: []CiteItem{{ID: it.ID, Locator: "60", Label: "page"}}},
			{NoteIndex: 3, Items: []CiteItem{{ID: it.ID}}},
		}) {
			out = append(out, r.String(), r.HTML())
		}
		return out
	}
	for _, name := range []string{"chicago-notes-bibliography", "chicago-author-date", "modern-language-association"} {
		st := loadStyle(t, filepath.Join(sharedCSL, name+".csl"))
		reused := NewProcessor(st, Options{Locales: ls})
		n := 0
		for i, it := range all {
			if i%100 == 0 {
				// a document of 100 items before the item alone
				reused.Reset()
				reused.Register(all[i:min(i+100, len(all))]...)
				_ = reused.Bibliography()
				_ = reused.CiteDocument([]Citation{{NoteIndex: 1, Items: []CiteItem{{ID: all[i].ID}}}})
			}
			reused.Reset()
			got := render(reused, it)
			want := render(NewProcessor(st, Options{Locales: ls}), it)
			if len(got) != len(want) {
				t.Fatalf("%s %s: %d outputs after Reset, %d new", name, it.ID, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s %s: after Reset %q, new %q", name, it.ID, got[i], want[i])
				}
			}
			n++
		}
		if n == 0 {
			t.Fatalf("%s: no items", name)
		}
	}
}
