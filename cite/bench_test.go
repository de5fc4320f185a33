package cite

import (
	"testing"
)

// benchItems are the official example items of each kind, with the locator
// of their examples.
func benchItems(b *testing.B) map[string]*Item {
	items, _ := loadGolden(b)
	return map[string]*Item{
		"chapter":    items["maisky-1934-12-31"],
		"manuscript": items["maisky-1934-12-31-sda-manuscript"],
		"book":       items["maisky-diaries-vol1"],
		"letter":     items["maisky-litvinov-1934-11-10-letter"],
	}
}

// BenchmarkFormat renders the chapter example in each style and mode (the
// item citeproc-js is timed on by scripts/citeproc-bench.js).
func BenchmarkFormat(b *testing.B) {
	it := benchItems(b)["chapter"]
	for _, s := range Styles() {
		for _, m := range []Mode{Bibliography, First, Subsequent} {
			loc := Locator{Label: "page", Value: "60"}
			if m == Bibliography {
				loc = Locator{}
			}
			b.Run(string(s)+"/"+m.String(), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if _, err := Format(it, s, m, loc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkFormatKinds renders each kind of item as a full note and as an
// MLA works-cited entry.
func BenchmarkFormatKinds(b *testing.B) {
	for name, it := range benchItems(b) {
		for _, c := range []struct {
			s Style
			m Mode
		}{{ChicagoNotes, First}, {MLA, Bibliography}} {
			b.Run(name+"/"+string(c.s)+"/"+c.m.String(), func(b *testing.B) {
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if _, err := Format(it, c.s, c.m, Locator{Value: "60"}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkHTML renders a citation's HTML.
func BenchmarkHTML(b *testing.B) {
	t, err := Format(benchItems(b)["chapter"], ChicagoNotes, First, Locator{Value: "60"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = t.HTML()
	}
}

// BenchmarkFormatter renders with a reused Formatter, as a service does.
func BenchmarkFormatter(b *testing.B) {
	it := benchItems(b)["chapter"]
	for _, s := range Styles() {
		for _, m := range []Mode{Bibliography, First, Subsequent} {
			loc := Locator{Label: "page", Value: "60"}
			if m == Bibliography {
				loc = Locator{}
			}
			b.Run(string(s)+"/"+m.String(), func(b *testing.B) {
				var f Formatter
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					if _, err := f.Format(it, s, m, loc); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
