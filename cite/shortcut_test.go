package cite

import (
	"maps"
	"sort"
	"testing"
)

// shortcutVariants returns it and copies with the variables that the
// macro shortcuts test (skipMacro) removed or added one at a time, so that
// every shortcut is tried both where it applies and where it does not.
func shortcutVariants(it *Item) []*Item {
	out := []*Item{it}
	edit := func(f func(*Item)) {
		c := *it
		c.Extra = maps.Clone(it.Extra)
		if c.Extra == nil {
			c.Extra = map[string]string{}
		}
		f(&c)
		out = append(out, &c)
	}
	edit(func(c *Item) { c.DOI, c.URL = "", "" })
	edit(func(c *Item) { c.DOI = "" })
	edit(func(c *Item) {
		c.URL = "https://example.org/x"
		c.Accessed = Date{From: DateParts{Year: 2020, Month: 5, Day: 4}}
	})
	edit(func(c *Item) { c.DOI = "10.1000/x" })
	edit(func(c *Item) { c.Medium, c.Extra["scale"], c.Extra["dimensions"] = "", "", "" })
	edit(func(c *Item) { c.Medium = "microfilm" })
	edit(func(c *Item) { c.Extra["dimensions"] = "30 cm" })
	edit(func(c *Item) {
		c.Archive, c.ArchiveLocation, c.ArchivePlace = "", "", ""
		delete(c.Extra, "archive_collection")
		delete(c.Extra, "number")
	})
	edit(func(c *Item) { c.Archive = "State Archive" })
	edit(func(c *Item) { c.ArchiveLocation = "f. 1, op. 2" })
	edit(func(c *Item) { c.ArchivePlace = "Moscow" })
	edit(func(c *Item) { c.Extra["archive_collection"] = "Papers" })
	edit(func(c *Item) { c.Extra["number"] = "42" })
	return out
}

// TestMacroShortcuts renders every golden item, and its variants, in every
// style and mode and with a locator, with the shortcuts that skip a macro
// whose variables the item lacks and with the full rendering: text and
// HTML must be the same.
func TestMacroShortcuts(t *testing.T) {
	items, _ := loadGolden(t)
	ids := make([]string, 0, len(items))
	for id := range items {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var fast, full renderer
	full.full = true
	n := 0
	for _, id := range ids {
		for _, it := range shortcutVariants(items[id]) {
			for _, s := range Styles() {
				for _, m := range []Mode{Bibliography, First, Subsequent} {
					loc := Locator{Label: "page", Value: "12"}
					got, err := fast.format(it, s, m, loc)
					if err != nil {
						t.Fatal(err)
					}
					want, err := full.format(it, s, m, loc)
					if err != nil {
						t.Fatal(err)
					}
					if got.String() != want.String() || got.HTML() != want.HTML() {
						t.Fatalf("%s (%s %s): with shortcuts %q (%s), in full %q (%s)", id, s, m, got, got.HTML(), want, want.HTML())
					}
					n++
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("only %d renderings compared", n)
	}
}

// TestFormatterCaches: a Formatter, which keeps the style and the locator
// label terms of its last call, formats like Format whatever the order of
// styles and labels, including an unknown label after a known one.
func TestFormatterCaches(t *testing.T) {
	items, _ := loadGolden(t)
	it := items["maisky-1934-12-31"]
	labels := []string{"page", "", "chapter", "page", "line", "no-such-label", "page", "sub-verbo"}
	var f Formatter
	for round := 0; round < 3; round++ {
		for _, s := range Styles() {
			for _, l := range labels {
				for _, m := range []Mode{First, Subsequent, Bibliography} {
					loc := Locator{Label: l, Value: "12"}
					got, gotErr := f.Format(it, s, m, loc)
					want, wantErr := Format(it, s, m, loc)
					if (gotErr == nil) != (wantErr == nil) || got.String() != want.String() || got.HTML() != want.HTML() {
						t.Fatalf("%s %s %q: Formatter %q (%v), Format %q (%v)", s, m, l, got, gotErr, want, wantErr)
					}
				}
			}
		}
		if _, err := f.Format(it, Style("no-such-style"), First, Locator{}); err == nil {
			t.Fatal("an unknown style after known ones formats")
		}
	}
}
