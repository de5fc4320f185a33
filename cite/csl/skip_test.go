package csl

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The skipping of groups and macros that cannot render (skip.go) must not
// change any output: these tests render with it on and off (the
// processor's full switch) and demand the same text and HTML.

// skipRenders renders an item in a processor's style as the oracles do and
// more: its bibliography entry; a first citation with a locator, a
// subsequent one after a filler's note, ibid, ibid with a locator, and
// cites with suppress-author and author-only.
func skipRenders(p *Processor, it *Item) string {
	var sb strings.Builder
	if p.style.HasBibliography() {
		p.Reset()
		p.Register(it)
		for _, e := range p.Bibliography() {
			sb.WriteString(e.String() + " ‖ " + e.HTML() + "\n")
		}
	}
	p.Reset()
	filler := fillerItem()
	p.Register(it, filler)
	cits := []Citation{
		{ID: "1", NoteIndex: 1, Items: []CiteItem{{ID: it.ID, Locator: "12", Label: "page"}}},
		{ID: "2", NoteIndex: 2, Items: []CiteItem{{ID: filler.ID}}},
		{ID: "3", NoteIndex: 3, Items: []CiteItem{{ID: it.ID}}},
		{ID: "4", NoteIndex: 4, Items: []CiteItem{{ID: it.ID}}},
		{ID: "5", NoteIndex: 5, Items: []CiteItem{{ID: it.ID, Locator: "3-5", Label: "chapter"}}},
		{ID: "6", NoteIndex: 6, Items: []CiteItem{{ID: it.ID, SuppressAuthor: true}}},
		{ID: "7", NoteIndex: 7, Items: []CiteItem{{ID: it.ID, AuthorOnly: true}}},
	}
	for _, r := range p.CiteDocument(cits) {
		sb.WriteString(r.String() + " ‖ " + r.HTML() + "\n")
	}
	return sb.String()
}

// skipRendersAll renders all the items together: their sorted and
// disambiguated bibliography, and each cited in its own note.
func skipRendersAll(p *Processor, items []*Item) string {
	var sb strings.Builder
	p.Reset()
	p.Register(items...)
	if p.style.HasBibliography() {
		for _, e := range p.Bibliography() {
			sb.WriteString(e.String() + " ‖ " + e.HTML() + "\n")
		}
	}
	var cits []Citation
	for i, it := range items {
		cits = append(cits, Citation{NoteIndex: i + 1, Items: []CiteItem{{ID: it.ID}}})
	}
	for _, r := range p.CiteDocument(cits) {
		sb.WriteString(r.String() + " ‖ " + r.HTML() + "\n")
	}
	return sb.String()
}

// compareSkips renders items (each, then all together) in a style with
// and without the skipping and fails on a difference; it returns the
// number of items compared.
func compareSkips(t *testing.T, name string, st *Style, ls *LocaleSet, items []*Item, together bool) int {
	t.Helper()
	fast := NewProcessor(st, Options{Locales: ls, Lang: "en-US"})
	full := NewProcessor(st, Options{Locales: ls, Lang: "en-US"})
	full.full = true
	for i, it := range items {
		if i%raceSample != 0 {
			continue
		}
		if got, want := skipRenders(fast, it), skipRenders(full, it); got != want {
			t.Fatalf("%s, item %s: with skipping\n%q\nin full\n%q", name, it.ID, got, want)
		}
	}
	if together && (raceSample == 1 || len(items) < 200) {
		if got, want := skipRendersAll(fast, items), skipRendersAll(full, items); got != want {
			t.Fatalf("%s, all items: with skipping and in full differ:\n%s", name, firstDiff(got, want))
		}
	}
	return len(items)
}

// firstDiff shows the first line where two renderings differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return "line " + strconv.Itoa(i+1) + ":\n" + la[i] + "\n" + lb[i]
		}
	}
	return "lengths " + strconv.Itoa(len(la)) + ", " + strconv.Itoa(len(lb))
}

// rawItems reads the CSL-JSON items of a file ({"items": [...]}).
func rawItems(t *testing.T, path string) []map[string]any {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Items []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Items
}

// withVariants makes items of raw ones and, when variants is set, copies
// of each with one of its variables taken away, so that every group and
// macro is tried with and without each variable it calls.
func withVariants(t *testing.T, raws []map[string]any, variants bool) []*Item {
	var out []*Item
	for _, raw := range raws {
		it, err := NewItem(raw)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, it)
		if !variants {
			continue
		}
		keys := make([]string, 0, len(raw))
		for k := range raw {
			if k != "id" && k != "type" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			m := maps.Clone(raw)
			delete(m, k)
			m["id"] = it.ID + "-without-" + k
			v, err := NewItem(m)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
	}
	return out
}

// TestSkipSuite runs every fixture of the CSL test suite with the skipping
// on and off: the outputs (or errors) must be the same.
func TestSkipSuite(t *testing.T) {
	if _, err := os.Stat(suiteDir); err != nil {
		t.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	ls := NewLocaleSet(os.DirFS(localeDir))
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*_*.txt"))
	own, _ := filepath.Glob(filepath.Join(ownFixtures, "*_*.txt"))
	files = append(files, own...)
	n := 0
	for _, fp := range files {
		data, err := os.ReadFile(fp)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := ParseFixture(strings.NewReader(string(data)))
		if err != nil {
			continue
		}
		got, gotErr := fx.run(ls, false)
		want, wantErr := fx.run(ls, true)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: with skipping %q (%v), in full %q (%v)", filepath.Base(fp), got, gotErr, want, wantErr)
		}
		n++
	}
	if n < 800 {
		t.Fatalf("only %d fixtures compared", n)
	}
}

// TestSkipGoldens renders the golden items of cite/testdata, and the
// oracle items (testdata/oracle-items.json) with each of their variables
// taken away in turn, in the five official styles of ../shared/csl, with
// the skipping on and off.
func TestSkipGoldens(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	ls := enUSOnly(t)
	golden := withVariants(t, rawItems(t, "../testdata/items.json"), false)
	oracle := withVariants(t, rawItems(t, "testdata/oracle-items.json"), true)
	styles, _ := filepath.Glob(filepath.Join(sharedCSL, "*.csl"))
	if len(styles) < 5 {
		t.Fatalf("%d styles in %s", len(styles), sharedCSL)
	}
	n := 0
	for _, path := range styles {
		st := loadStyle(t, path)
		n += compareSkips(t, filepath.Base(path), st, ls, golden, true)
		n += compareSkips(t, filepath.Base(path), st, ls, oracle, false)
	}
	t.Logf("%d items compared", n)
}

var styleID = regexp.MustCompile(`<id>([^<]*)</id>`)

// TestSkipSuiteStyles renders the oracle items in every style the suite's
// fixtures embed (the first fixture of each style id), with the skipping
// on and off.
func TestSkipSuiteStyles(t *testing.T) {
	if _, err := os.Stat(suiteDir); err != nil {
		t.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	ls := enUSOnly(t)
	items := withVariants(t, rawItems(t, "testdata/oracle-items.json"), false)
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*_*.txt"))
	sort.Strings(files)
	seen := map[string]bool{}
	n := 0
	for _, fp := range files {
		data, err := os.ReadFile(fp)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := ParseFixture(strings.NewReader(string(data)))
		if err != nil {
			continue
		}
		m := styleID.FindStringSubmatch(fx.CSL)
		if m == nil || seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		st, err := ParseStyle(strings.NewReader(fx.CSL))
		if err != nil {
			continue
		}
		compareSkips(t, filepath.Base(fp), st, ls, items, true)
		n++
	}
	if n < 50 {
		t.Fatalf("only %d styles compared", n)
	}
	t.Logf("%d styles of the suite, %d items each", n, len(items))
}

// skipStyles are small styles that put the skipping's conditions to the
// test: a term in a group that renders nothing still marks that a term
// came (the next is not capitalized); a label alone renders in its
// group, which makes the enclosing one render; a disambiguate condition
// in a group that renders nothing is still counted (the conditions are
// switched on in the order seen, up to as many as the style has); a
// group or macro that renders nothing for want of its variables makes the
// group around it render nothing; the first cs:names of a cite, tried
// and empty, is still the author that suppress-author and author-only
// take; a branch that a condition other than a variable's can pass is
// no guide to what the item has.
var skipStyles = []string{
	`<group delimiter=" "><text term="in"/><text variable="container-title"/></group>
	<text term="edition" prefix=" "/><text variable="title" prefix=" "/>`,
	`<group delimiter=" "><text variable="volume"/><group><label variable="page" form="short"/></group></group>
	<text variable="title" prefix=" "/>`,
	`<text macro="dg"/><text macro="dg"/><names variable="author"><name form="short"/></names>
	<choose><if disambiguate="true"><text variable="title" prefix=" "/></if></choose>`,
	`<group delimiter=" "><text term="in"/><group><text variable="container-title"/></group></group>
	<group delimiter=" " prefix=" "><text term="in"/><text macro="ct"/></group><text variable="title" prefix=" "/>`,
	`<text variable="title"/><group delimiter=" " prefix=" "><text term="in"/><group><group><choose>
	<if variable="volume"><text variable="container-title"/></if><else><text variable="issue"/></else>
	</choose></group></group></group>
	<group delimiter=" " prefix=" "><text term="in"/><group><text macro="vi"/></group></group>`,
	`<choose><if type="book"><names variable="editor"/></if></choose><names variable="author"/><text variable="title" prefix=" "/>`,
	`<text variable="title"/><group prefix=" "><choose><if variable="volume" position="subsequent" match="any"><text variable="issue"/></if>
	<else><text variable="archive"/></else></choose></group>`,
	`<text variable="title"/><group prefix=" "><choose><if variable="volume" position="subsequent"><text variable="issue"/></if>
	<else><text variable="container-title"/></else></choose></group>`,
	`<text variable="title"/><group prefix=" "><choose><if variable="volume" position="first" match="none"><text variable="archive"/></if>
	<else><text variable="container-title"/></else></choose></group>`,
	`<text variable="title"/><group delimiter=" " prefix=" "><text term="in"/><group><choose><if position="first"><text variable="archive"/></if>
	</choose></group></group>`,
}

// TestSkipSmallStyles renders items with and without the variables of
// skipStyles with the skipping on and off.
func TestSkipSmallStyles(t *testing.T) {
	raws := []map[string]any{
		{"id": "a", "type": "book", "title": "Alpha", "author": []any{map[string]any{"family": "Webb", "given": "Beatrice"}}},
		{"id": "b", "type": "book", "title": "Beta", "author": []any{map[string]any{"family": "Webb", "given": "Beatrice"}}},
		{"id": "c", "type": "chapter", "title": "Gamma", "container-title": "Delta", "volume": "2", "page": "4-5", "issue": "3"},
		{"id": "d", "type": "chapter", "title": "Epsilon", "container-title": "Zeta"},
	}
	items := withVariants(t, raws, true)
	for i, layout := range skipStyles {
		src := `<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<macro name="ct"><text variable="container-title"/></macro>
<macro name="vi"><group><choose><if variable="volume"><text variable="container-title"/></if><else><text variable="issue"/></else></choose></group></macro>
<macro name="dg"><group><choose><if disambiguate="true"><text variable="volume"/></if></choose><text variable="issue"/></group></macro>
<citation><layout delimiter="; ">` + layout + `</layout></citation>
<bibliography><layout>` + layout + `</layout></bibliography></style>`
		st, err := ParseStyle(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		compareSkips(t, "small style "+strconv.Itoa(i), st, nil, items, true)
		// the two Webb items, alone, are told apart by the condition
		compareSkips(t, "small style "+strconv.Itoa(i), st, nil, withVariants(t, raws[:2], false), true)
	}
}

// TestShapeVerdicts asks skippedIn of every slot of two official styles,
// for items of many shapes and every state of the cite that it reads,
// with the verdicts of the item's shape and with the walk of its skip
// table's cases, and chosen of every cs:choose with and without the
// branches of the item's shape: the answers must be the same.
func TestShapeVerdicts(t *testing.T) {
	items := withVariants(t, rawItems(t, "testdata/oracle-items.json")[:24], true)
	asked, skipped := 0, 0
	for _, name := range []string{"chicago-notes-bibliography", "modern-language-association"} {
		path := filepath.Join(sharedCSL, name+".csl")
		if _, err := os.Stat(path); err != nil {
			t.Skip("../shared/csl (the official styles) is not available")
		}
		// a style of its own: the verdicts of its shapes are all this
		// test's
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		st, err := ParseStyle(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		p := NewProcessor(st, Options{})
		for _, it := range items {
			p.Reset()
			p.Register(it)
			own := p.acquire()
			c := p.newCtx(it, modeBib)
			vs := c.verdicts
			if vs == nil {
				// the style keeps maxShapes shapes
				p.release(own)
				continue
			}
			for slot := int32(0); slot < int32(len(vs)); slot++ {
				for state := 0; state < 8; state++ {
					c.termPred = state&1 != 0
					c.substituting = state&2 != 0
					branch := state&4 != 0
					c.verdicts = vs
					got, gotOK := c.skippedIn(slot, branch)
					c.verdicts = nil
					want, wantOK := c.skippedIn(slot, branch)
					asked++
					if wantOK {
						skipped++
					}
					if got != want || gotOK != wantOK {
						t.Fatalf("%s, %s, slot %d, state %d: verdict %v %v, cases %v %v", name, it.ID, slot, state, got, gotOK, want, wantOK)
					}
				}
			}
			// the branch of every cs:choose
			c.verdicts = vs
			chooses := c.chooses
			order, _ := st.elements(0)
			for _, e := range order {
				if e.kind != kChoose {
					continue
				}
				c.chooses, c.disambSeen = chooses, 0
				got := c.chosen(e)
				c.chooses, c.disambSeen = nil, 0
				want := c.chosen(e)
				if e.chooseSlot > 0 {
					asked++
				}
				if got != want {
					t.Fatalf("%s, %s, cs:choose at line %d: branch %p, not %p", name, it.ID, e.line, got, want)
				}
			}
			p.release(own)
		}
	}
	if skipped == 0 || asked < 100000 {
		t.Fatalf("%d questions, %d skips", asked, skipped)
	}
	t.Logf("%d questions, %d skips", asked, skipped)
}
