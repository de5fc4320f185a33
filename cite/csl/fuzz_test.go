package csl

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

const seedStyle = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name and="text" initialize-with=". "/><substitute><text variable="title"/></substitute></names></macro>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-year-suffix="true" collapse="year">
    <sort><key macro="author"/><key variable="issued"/></sort>
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" "><text macro="author"/><date variable="issued"><date-part name="year"/></date></group>
    </layout>
  </citation>
  <bibliography subsequent-author-substitute="---">
    <sort><key macro="author"/></sort>
    <layout suffix="."><group delimiter=". "><text macro="author"/><text variable="title" font-style="italic"/><text variable="page"/></group></layout>
  </bibliography>
</style>`

func fuzzItems() []*Item {
	var out []*Item
	for _, m := range []map[string]any{
		{"id": "a", "type": "book", "title": "A <i>title</i> \"quoted\"", "author": []any{map[string]any{"family": "Maisky", "given": "Ivan"}}, "issued": map[string]any{"date-parts": []any{[]any{1934.0, 12.0, 31.0}}}, "page": "59-72"},
		{"id": "b", "type": "chapter", "title": "Другой", "author": []any{map[string]any{"family": "Майский", "given": "Иван"}, map[string]any{"literal": "Archive"}}, "issued": map[string]any{"date-parts": []any{[]any{1934.0}, []any{1935.0, 2.0}}}},
		{"id": "c", "type": "article-journal", "title": "c", "editor": []any{map[string]any{"family": "van Beethoven", "given": "L."}}, "volume": "2-3", "issued": map[string]any{"raw": "1934"}},
	} {
		it, _ := NewItem(m)
		out = append(out, it)
	}
	return out
}

// render exercises a parsed style on a few items; it must not panic.
func exercise(st *Style) {
	p := NewProcessor(st, Options{})
	p.Register(fuzzItems()...)
	cits := []Citation{
		{NoteIndex: 1, Items: []CiteItem{{ID: "a", Locator: "12"}, {ID: "b"}}},
		{NoteIndex: 2, Items: []CiteItem{{ID: "a", Locator: "13", Label: "chapter"}}},
		{NoteIndex: 3, Items: []CiteItem{{ID: "c", SuppressAuthor: true}, {ID: "a", AuthorOnly: true}}},
	}
	for _, r := range p.CiteDocument(cits) {
		_ = r.HTML()
		_ = r.String()
		_ = r.Format(Markdown)
	}
	var sb strings.Builder
	_ = p.WriteBibliography(&sb, HTML)
}

// FuzzParseStyle: any input either parses or is refused with an error;
// what parses renders without panicking.
func FuzzParseStyle(f *testing.F) {
	f.Add([]byte(seedStyle))
	f.Add([]byte(`<style><citation><layout><text value="x"/></layout></citation></style>`))
	f.Add([]byte(`<style><macro name="m"><text macro="m"/></macro><citation><layout><text macro="m"/></layout></citation></style>`))
	f.Add([]byte(`<locale xml:lang="en"><terms><term name="and">and</term></terms></locale>`))
	f.Add([]byte("<style"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStyle(strings.NewReader(string(data)))
		if err != nil {
			if st != nil {
				t.Fatal("a style with an error")
			}
			return
		}
		exercise(st)
		_, _ = ParseLocale(strings.NewReader(string(data)))
	})
}

// randomStyle builds a style from the CSL grammar with a random generator.
func randomStyle(r *rand.Rand) string {
	vars := []string{"title", "container-title", "page", "volume", "locator", "publisher", "year-suffix", "citation-number", "edition", "note"}
	nameVars := []string{"author", "editor", "translator", "author editor"}
	terms := []string{"and", "et-al", "page", "editor", "in", "no date", "ibid"}
	affix := func() string {
		var sb strings.Builder
		for _, a := range []string{"prefix", "suffix", "delimiter"} {
			if r.IntN(3) == 0 {
				fmt.Fprintf(&sb, ` %s="%s"`, a, []string{", ", ". ", " (", ")", "; ", " ", ":"}[r.IntN(7)])
			}
		}
		if r.IntN(4) == 0 {
			fmt.Fprintf(&sb, ` font-style="%s"`, []string{"italic", "normal"}[r.IntN(2)])
		}
		if r.IntN(5) == 0 {
			fmt.Fprintf(&sb, ` text-case="%s"`, []string{"title", "uppercase", "capitalize-first", "sentence", "lowercase"}[r.IntN(5)])
		}
		if r.IntN(6) == 0 {
			sb.WriteString(` quotes="true"`)
		}
		return sb.String()
	}
	var el func(depth int) string
	el = func(depth int) string {
		k := r.IntN(9)
		if depth > 4 {
			k = r.IntN(4)
		}
		switch k {
		case 0:
			return fmt.Sprintf(`<text variable="%s"%s/>`, vars[r.IntN(len(vars))], affix())
		case 1:
			return fmt.Sprintf(`<text term="%s"%s/>`, terms[r.IntN(len(terms))], affix())
		case 2:
			return fmt.Sprintf(`<number variable="%s" form="%s"%s/>`, []string{"volume", "page", "edition", "locator"}[r.IntN(4)], []string{"numeric", "ordinal", "roman", "long-ordinal"}[r.IntN(4)], affix())
		case 3:
			return fmt.Sprintf(`<date variable="issued"%s><date-part name="year"/><date-part name="month" prefix=" "/></date>`, affix())
		case 4:
			return fmt.Sprintf(`<names variable="%s"%s><name and="%s" et-al-min="%d" et-al-use-first="%d" initialize-with=". " name-as-sort-order="first"/><label prefix=" "/><substitute><text variable="title"/></substitute></names>`,
				nameVars[r.IntN(len(nameVars))], affix(), []string{"text", "symbol"}[r.IntN(2)], r.IntN(5), r.IntN(3))
		case 5:
			return fmt.Sprintf(`<label variable="%s"%s/>`, []string{"page", "locator", "volume"}[r.IntN(3)], affix())
		case 6, 7:
			var sb strings.Builder
			fmt.Fprintf(&sb, `<group%s>`, affix())
			for i := r.IntN(4); i >= 0; i-- {
				sb.WriteString(el(depth + 1))
			}
			sb.WriteString(`</group>`)
			return sb.String()
		default:
			return fmt.Sprintf(`<choose><if %s="%s">%s</if><else-if position="subsequent">%s</else-if><else>%s</else></choose>`,
				[]string{"variable", "type", "is-numeric", "disambiguate"}[r.IntN(4)], []string{"title", "book", "volume", "true"}[r.IntN(4)], el(depth+1), el(depth+1), el(depth+1))
		}
	}
	var sb strings.Builder
	sb.WriteString(`<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><info><id/><title/></info>`)
	fmt.Fprintf(&sb, `<macro name="m">%s</macro>`, el(0))
	opts := ""
	if r.IntN(2) == 0 {
		opts += ` disambiguate-add-names="true" disambiguate-add-givenname="true" disambiguate-add-year-suffix="true"`
	}
	if r.IntN(2) == 0 {
		opts += fmt.Sprintf(` collapse="%s"`, []string{"citation-number", "year", "year-suffix", "year-suffix-ranged"}[r.IntN(4)])
	}
	fmt.Fprintf(&sb, `<citation%s><sort><key macro="m"/></sort><layout delimiter="; ">%s<text macro="m"/></layout></citation>`, opts, el(0))
	fmt.Fprintf(&sb, `<bibliography subsequent-author-substitute="—" second-field-align="flush"><sort><key variable="author"/></sort><layout>%s%s</layout></bibliography></style>`, el(0), el(0))
	return sb.String()
}

// FuzzProcessor renders random styles built from the grammar on items
// with random fields: never a panic, never more than a second.
func FuzzProcessor(f *testing.F) {
	f.Add(uint64(1), "Maisky", "1934-12-31", "59-72")
	f.Add(uint64(7), "van der Berg", "1934/1935", "xii-xv")
	f.Add(uint64(42), "<i>O'Neil</i>", "spring 1935", "N110-N5")
	f.Fuzz(func(t *testing.T, seed uint64, family, date, page string) {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		src := randomStyle(r)
		st, err := ParseStyle(strings.NewReader(src))
		if err != nil {
			t.Fatalf("a style from the grammar does not parse: %v\n%s", err, src)
		}
		items := fuzzItems()
		extra, _ := NewItem(map[string]any{"id": "x", "type": "book", "title": family + " " + page,
			"author": []any{map[string]any{"family": family, "given": family}, map[string]any{"family": family}},
			"issued": map[string]any{"raw": date},
			"page":   page, "volume": page, "locator": page})
		items = append(items, extra)
		start := time.Now()
		p := NewProcessor(st, Options{})
		p.Register(items...)
		for _, r := range p.CiteDocument([]Citation{{NoteIndex: 1, Items: []CiteItem{{ID: "x", Locator: page}, {ID: "a"}}}, {NoteIndex: 2, Items: []CiteItem{{ID: "x"}}}}) {
			_ = r.HTML()
		}
		var sb strings.Builder
		_ = p.WriteBibliography(&sb, Text)
		if d := time.Since(start); d > time.Second {
			t.Fatalf("took %v", d)
		}
	})
}

// FuzzParseItems: any CSL-JSON either reads or is refused; what reads
// renders.
func FuzzParseItems(f *testing.F) {
	f.Add([]byte(`[{"id":"a","type":"book","title":"T","author":[{"family":"van Beethoven","given":"Ludwig, Jr."}],"issued":{"date-parts":[["1934","13"],[1935]]},"note":"event-date: 2004-10-01/2004-10-14\nauthor: Doe || John"}]`))
	f.Add([]byte(`[{"id":1,"issued":{"raw":"May 3 - June 5, 2000"},"page":"N110-N5","accessed":"2020-01-01"}]`))
	f.Add([]byte(`[{"id":"x","issued":{"date-parts":[[-44,3,15]]},"season":"2","circa":true}]`))
	st, err := ParseStyle(strings.NewReader(seedStyle))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseItems(data)
		if err != nil {
			return
		}
		p := NewProcessor(st, Options{})
		p.Register(items...)
		var cites []CiteItem
		for _, it := range items {
			cites = append(cites, CiteItem{ID: it.ID, Locator: it.Var("page")})
		}
		_ = p.Cite(cites).HTML()
		var sb strings.Builder
		_ = p.WriteBibliography(&sb, HTML)
	})
}

// FuzzParseFixture: any input parses as a fixture or is refused; what
// parses runs (with the built-in en-US terms) without panicking.
func FuzzParseFixture(f *testing.F) {
	f.Add([]byte(">>== MODE ==>>\ncitation\n<<== MODE ==<<\n>>== CSL ==>>\n" + seedStyle + "\n<<== CSL ==<<\n>>== INPUT ==>>\n[{\"id\":\"a\",\"title\":\"x\"}]\n<<== INPUT ==<<\n"))
	f.Add([]byte(">>== MODE ==>>\nbibliography\n<<== MODE ==<<\n>>== CSL ==>>\n" + seedStyle + "\n<<== CSL ==<<\n>>== INPUT ==>>\n[{\"id\":\"a\"}]\n<<== INPUT ==<<\n>>== CITATIONS ==>>\n[[{\"citationID\":\"C\",\"citationItems\":[{\"id\":\"a\"}],\"properties\":{\"noteIndex\":1}},[],[]]]\n<<== CITATIONS ==<<\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fx, err := ParseFixture(strings.NewReader(string(data)))
		if err != nil {
			return
		}
		_, _ = fx.Run(nil)
	})
}
