package csl

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The benchmarks are run side by side with citeproc-js by scripts/csl-bench
// (which times citeproc-js on the same styles, items and work: as it
// reuses one engine per style and restores an empty document state for
// each op, the benchmarks of a document reuse one processor per style
// and Reset it for each op). Besides
// ns/op they report cpu-ns/op, the process's CPU time (user and system,
// garbage collection included) per op, which a shared machine stretches
// less than wall time.

// cpuPerOp starts measuring CPU time; the function it returns reports it
// per op.
func cpuPerOp(b *testing.B) func() {
	c0 := cpuTime()
	return func() {
		if c := cpuTime(); c0 > 0 && c > c0 {
			b.ReportMetric(float64(c-c0)/float64(b.N), "cpu-ns/op")
		}
	}
}

func benchStyle(b *testing.B, name string) *Style {
	path := filepath.Join(sharedCSL, name+".csl")
	if _, err := os.Stat(path); err != nil {
		b.Skip("../shared/csl (the official styles) is not available")
	}
	return loadStyle(b, path)
}

func BenchmarkParseChicago(b *testing.B) {
	path := filepath.Join(sharedCSL, "chicago-notes-bibliography.csl")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skip("../shared/csl (the official styles) is not available")
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		if _, err := ParseStyle(strings.NewReader(string(data))); err != nil {
			b.Fatal(err)
		}
	}
}

func benchItem(b *testing.B) (*Item, *LocaleSet) {
	items := readItems(b, "../testdata/items.json")
	return items["maisky-1934-12-31"], enUSOnly(b)
}

// BenchmarkEntry renders one bibliography entry of the chapter example (the
// processor reset, the item registered, the bibliography rendered as
// HTML).
func BenchmarkEntry(b *testing.B) {
	for _, name := range []string{"chicago-notes-bibliography", "modern-language-association"} {
		st := benchStyle(b, name)
		it, ls := benchItem(b)
		b.Run(name, func(b *testing.B) {
			p := NewProcessor(st, Options{Locales: ls})
			b.ReportAllocs()
			defer cpuPerOp(b)()
			for i := 0; i < b.N; i++ {
				p.Reset()
				p.Register(it)
				es := p.Bibliography()
				if len(es) != 1 || es[0].HTML() == "" {
					b.Fatal("no entry")
				}
			}
		})
	}
}

// BenchmarkNote renders the chapter example's first citation (note 1,
// locator 60) as HTML.
func BenchmarkNote(b *testing.B) {
	for _, name := range []string{"chicago-notes-bibliography", "modern-language-association"} {
		st := benchStyle(b, name)
		it, ls := benchItem(b)
		b.Run(name, func(b *testing.B) {
			p := NewProcessor(st, Options{Locales: ls})
			b.ReportAllocs()
			defer cpuPerOp(b)()
			for i := 0; i < b.N; i++ {
				p.Reset()
				p.Register(it)
				rs := p.CiteDocument([]Citation{{NoteIndex: 1, Items: []CiteItem{{ID: it.ID, Locator: "60", Label: "page"}}}})
				if rs[0].HTML() == "" {
					b.Fatal("no note")
				}
			}
		})
	}
}

var benchFamilies = strings.Fields("Maisky Litvinov Kollontai Potemkin Gorodetsky Webb Eden Simon Vansittart Beaverbrook Churchill Chamberlain Halifax Lloyd Baldwin Attlee Cripps Dalton Morrison Bevin Nicolson Martin Kaufman Haslam Carley Roberts Dullin Pons Service Kotkin Fitzpatrick Hasegawa Agnew Dubrovsky Sorokina Ready Nagel")
var benchGivens = strings.Fields("Ivan Maxim Alexandra Vladimir Gabriel Beatrice Anthony John Robert Max Winston")

// thousandItems are 1,000 articles by 37 families × 11 given names over 53
// years: many share authors and years, so the bibliography sorts on names
// and years and disambiguates with given names and year suffixes.
// scripts/csl-bench builds the same items for citeproc-js.
func thousandItems() []map[string]any {
	var out []map[string]any
	for i := 0; i < 1000; i++ {
		authors := []any{map[string]any{"family": benchFamilies[i%37], "given": benchGivens[i%11]}}
		if i%3 == 0 {
			authors = append(authors, map[string]any{"family": benchFamilies[(i/3)%37], "given": benchGivens[(i/7)%11]})
		}
		out = append(out, map[string]any{
			"id": fmt.Sprintf("item-%04d", i), "type": "article-journal",
			"title":           fmt.Sprintf("Report %d on Anglo-Soviet relations", i),
			"author":          authors,
			"container-title": "Journal of Diplomatic History",
			"volume":          fmt.Sprint(1 + i%40), "page": fmt.Sprintf("%d-%d", 10+i%300, 20+i%300),
			"issued": map[string]any{"date-parts": []any{[]any{float64(1900 + i%53)}}},
		})
	}
	return out
}

// BenchmarkBibliography1000 registers 1,000 items and renders their sorted
// bibliography (with disambiguation) in chicago-author-date.
func BenchmarkBibliography1000(b *testing.B) {
	st := benchStyle(b, "chicago-author-date")
	ls := enUSOnly(b)
	var items []*Item
	for _, m := range thousandItems() {
		it, _ := NewItem(m)
		items = append(items, it)
	}
	p := NewProcessor(st, Options{Locales: ls})
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		p.Reset()
		p.Register(items...)
		if es := p.Bibliography(); len(es) != 1000 {
			b.Fatalf("%d entries", len(es))
		}
	}
}

// BenchmarkSuite runs the whole CSL test suite (845 fixtures: parse, run,
// render).
func BenchmarkSuite(b *testing.B) {
	if _, err := os.Stat(suiteDir); err != nil {
		b.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*_*.txt"))
	sort.Strings(files)
	b.ReportAllocs()
	defer cpuPerOp(b)()
	for i := 0; i < b.N; i++ {
		ls := NewLocaleSet(os.DirFS(localeDir))
		for _, fp := range files {
			_, _, _ = runFixture(fp, ls)
		}
	}
}
