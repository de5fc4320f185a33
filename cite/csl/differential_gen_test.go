package csl_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/csl"
)

// The random items of the differential check: every CSL 1.0.2 type, with
// variables drawn from pools that exercise what the styles treat
// specially — names with particles, suffixes, initials, institutions,
// Cyrillic and et-al lengths; dates with ranges, seasons, circa and
// literals; numbers, ranges and non-numbers; titles with inline markup and
// quotation marks; locators of every label.

var csl102Types = []string{
	"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
	"entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}

var namePool = []cite.Name{
	{Family: "Maisky", Given: "Ivan"},
	{Family: "Webb", Given: "Beatrice"},
	{Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"},
	{Family: "Gaulle", Given: "Charles", NonDroppingParticle: "de"},
	{Family: "Humboldt", Given: "Alexander", DroppingParticle: "von"},
	{Family: "King", Given: "Martin Luther", Suffix: "Jr.", CommaSuffix: true},
	{Family: "Tolkien", Given: "J. R. R."},
	{Family: "Майский", Given: "Иван Михайлович"},
	{Family: "Gorodetsky"},
	{Literal: "Foreign Office"},
	{Literal: "People's Commissariat for Foreign Affairs"},
	{Family: "Hartley", Given: "Margaret"},
}

var titlePool = []string{
	"The Complete Maisky Diaries",
	"a study of <i>Pravda</i> in the 1930s",
	"On “Collective Security” and its enemies",
	`The "Peace Front" and Its Critics`,
	"Letters from London: 1932-1943",
	"Why war?",
	"Дневник посла",
	"the end of an era",
	"<b>Bold</b> claims about the navy",
	`<span style="font-variant:small-caps;">Tass</span> reports`,
	"Soviet Ambassadors and the 'Old Diplomacy'",
	"Journal of Interwar Diplomacy",
	"A Tale of Two Cities &amp; Other Stories",
}

var shortPool = []string{"Maisky Diaries", "Peace Front", "Diplomacy", "Дневник"}

var numberPool = map[string][]string{
	"volume":            {"1", "2-3", "IV", "12", "vol. 3"},
	"issue":             {"3", "4-5", "Spring", "12"},
	"edition":           {"2", "3rd", "Revised", "10"},
	"page":              {"59-72", "321-345", "7", "xi-xv", "1234-1250", "101-9"},
	"number-of-pages":   {"320", "xii + 400"},
	"number":            {"42", "A-12", "HR 1234"},
	"collection-number": {"5", "12"},
	"number-of-volumes": {"3", "2"},
}

var placePool = []string{"London", "New Haven", "Moscow", "Oxford", "New York"}

var labelValues = []string{"60", "103-104", "4", "12-15", "iv", "321"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func randomNames(r *rand.Rand, max int) []cite.Name {
	n := 1 + r.IntN(max)
	out := make([]cite.Name, 0, n)
	for range n {
		out = append(out, pick(r, namePool))
	}
	return out
}

func randomParts(r *rand.Rand) cite.DateParts {
	p := cite.DateParts{Year: pick(r, []int{1917, 1934, 1935, 1943, 2009, 2017})}
	if r.IntN(3) > 0 {
		p.Month = 1 + r.IntN(12)
		if r.IntN(2) == 0 {
			p.Day = 1 + r.IntN(28)
		}
	}
	return p
}

func randomDate(r *rand.Rand) cite.Date {
	var d cite.Date
	switch r.IntN(9) {
	case 0:
		d.Literal = pick(r, []string{"early January 1935", "spring 1939", "undated"})
		return d
	case 1:
		d.From = cite.DateParts{Year: pick(r, []int{1934, 1935, 2017})}
		if r.IntN(3) == 0 {
			// a named season or term, as cite.ParseDate reads "Easter 1935"
			d.SeasonName = pick(r, []string{"Easter", "Hilary term", "Michaelmas"})
		} else {
			d.Season = 1 + r.IntN(4)
		}
	case 2, 3:
		d.From = randomParts(r)
		d.To = d.From
		switch r.IntN(3) {
		case 0:
			d.To.Year += 1 + r.IntN(3)
		case 1:
			if d.To.Month == 0 {
				d.To.Year++
			} else {
				d.To.Month = 1 + (d.From.Month+r.IntN(3))%12
			}
		default:
			if d.To.Day != 0 {
				d.To.Day = 1 + (d.From.Day+3)%28
			} else {
				d.To.Year += 2
			}
		}
	default:
		d.From = randomParts(r)
	}
	d.Circa = r.IntN(5) == 0
	return d
}

// randomItem makes an item of a random type with random variables.
func randomItem(r *rand.Rand, id string) cite.Item {
	it := cite.Item{ID: id, Type: pick(r, csl102Types)}
	maybe := func(p int) bool { return r.IntN(100) < p }
	if maybe(80) {
		it.Title = pick(r, titlePool)
	}
	if it.Title != "" && maybe(20) {
		it.TitleShort = pick(r, shortPool)
	}
	if maybe(50) {
		it.ContainerTitle = pick(r, titlePool)
	}
	if it.ContainerTitle != "" && maybe(15) {
		it.ContainerTitleShort = pick(r, shortPool)
	}
	if maybe(15) {
		it.CollectionTitle = pick(r, []string{"Annals of Communism", "Studies in Diplomacy"})
		if maybe(50) {
			it.CollectionNumber = pick(r, numberPool["collection-number"])
		}
	}
	if maybe(35) {
		it.Volume = pick(r, numberPool["volume"])
	}
	if maybe(15) {
		it.NumberOfVolumes = pick(r, numberPool["number-of-volumes"])
	}
	if maybe(25) {
		it.Edition = pick(r, numberPool["edition"])
	}
	if maybe(45) {
		it.Page = pick(r, numberPool["page"])
	}
	if maybe(10) {
		it.NumberOfPages = pick(r, numberPool["number-of-pages"])
	}
	if maybe(45) {
		it.Publisher = pick(r, []string{"Yale University Press", "Foreign Languages Publishing House", "Penguin"})
	}
	if maybe(35) {
		it.PublisherPlace = pick(r, placePool)
	}
	if maybe(20) {
		it.Archive = pick(r, []string{"Stalin Digital Archive", "National Archives", "АВП РФ"})
	}
	if maybe(15) {
		it.ArchiveLocation = pick(r, []string{"f. 017a, op. 1, d. 1", "FO 371/18298", "Box 4"})
	}
	if maybe(12) {
		it.ArchivePlace = pick(r, placePool)
	}
	if maybe(20) {
		it.Genre = pick(r, []string{"diary entry", "letter", "PhD diss.", "Memorandum", "Technical report"})
	}
	if maybe(10) {
		it.Medium = pick(r, []string{"typescript", "Microfilm", "MP3"})
	}
	if maybe(25) {
		it.URL = pick(r, []string{"https://example.org/doc/1934-12-31", "http://archive.example.net/a?b=1&c=2"})
	}
	if maybe(15) {
		it.DOI = pick(r, []string{"10.1000/xyz123", "10.2307/3005.2"})
	}
	if maybe(10) {
		it.Language = pick(r, []string{"en", "en-GB", "ru", "de"})
	}
	if maybe(8) {
		it.Source = pick(r, []string{"JSTOR", "Stalin Digital Archive"})
	}
	if maybe(80) {
		it.Author = randomNames(r, 8)
	}
	if maybe(25) {
		it.Editor = randomNames(r, 3)
	}
	if maybe(15) {
		it.Translator = randomNames(r, 2)
	}
	if maybe(12) {
		it.Recipient = randomNames(r, 3)
	}
	if maybe(10) {
		it.ContainerAuthor = randomNames(r, 2)
	}
	if maybe(6) {
		it.CollectionEditor = randomNames(r, 2)
	}
	if maybe(85) {
		it.Issued = randomDate(r)
	}
	if maybe(12) {
		it.OriginalDate = randomDate(r)
	}
	if maybe(15) {
		it.Accessed = cite.Date{From: cite.DateParts{Year: 2026, Month: 1 + r.IntN(12), Day: 1 + r.IntN(28)}}
	}
	for _, v := range []string{"issue", "number"} {
		if maybe(20) {
			if it.Extra == nil {
				it.Extra = map[string]string{}
			}
			it.Extra[v] = pick(r, numberPool[v])
		}
	}
	for _, v := range []string{"section", "version", "status", "authority", "event-place", "event-title", "dimensions", "scale"} {
		if maybe(5) {
			if it.Extra == nil {
				it.Extra = map[string]string{}
			}
			it.Extra[v] = pick(r, []string{"A", "2.1", "forthcoming", "Supreme Court", "Geneva", "League Assembly", "30 cm", "1:50,000"})
		}
	}
	for _, v := range []string{"director", "interviewer", "reviewed-author", "composer", "illustrator"} {
		if maybe(5) {
			if it.ExtraNames == nil {
				it.ExtraNames = map[string][]cite.Name{}
			}
			it.ExtraNames[v] = randomNames(r, 2)
		}
	}
	if maybe(5) {
		it.ExtraDates = map[string]cite.Date{"event-date": randomDate(r)}
	}
	return it
}

func randomLocator(r *rand.Rand) cite.Locator {
	if r.IntN(2) == 0 {
		return cite.Locator{Label: "page", Value: pick(r, labelValues)}
	}
	return cite.Locator{Label: pick(r, cite.LocatorLabels()), Value: pick(r, labelValues)}
}

// toProcessor gives the processor the same item, through CSL-JSON as a
// reference manager would send it.
func toProcessor(tb testing.TB, it cite.Item) *csl.Item {
	tb.Helper()
	var b bytes.Buffer
	if err := cite.WriteCSLJSON(&b, []cite.Item{it}); err != nil {
		tb.Fatal(err)
	}
	items, err := csl.ParseItems(b.Bytes())
	if err != nil || len(items) != 1 {
		tb.Fatalf("ParseItems(%s): %v", b.String(), err)
	}
	return items[0]
}

// compareRandom compares one random item in every style: the bibliography
// entry, and the first and subsequent citations without and with a
// random locator.
func (e *diffEnv) compareRandom(tb testing.TB, tally *diffTally, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 0x6d6169736b79))
	it := randomItem(r, fmt.Sprintf("r%d", seed))
	pi := toProcessor(tb, it)
	loc := randomLocator(r)
	for _, s := range cite.Styles() {
		for _, c := range []diffCase{
			{s, cite.Bibliography, cite.Locator{}},
			{s, cite.First, cite.Locator{}},
			{s, cite.First, loc},
			{s, cite.Subsequent, cite.Locator{}},
			{s, cite.Subsequent, loc},
		} {
			e.compare(tb, tally, &it, pi, c, nil)
		}
	}
}

// TestDifferentialRandom compares the two renderers on a fixed set of
// random items of every CSL type.
func TestDifferentialRandom(t *testing.T) {
	e := loadEnv(t)
	n := uint64(400)
	if testing.Short() {
		n = 100
	}
	if v, err := strconv.ParseUint(os.Getenv("DIFFERENTIAL_SEEDS"), 10, 32); err == nil && v > 0 {
		n = v // scripts/check-differential --update looks at more items
	}
	var tally diffTally
	for seed := range n {
		e.compareRandom(t, &tally, seed)
	}
	tally.report(t, fmt.Sprintf("%d random items", n))
}

// FuzzDifferential compares the two renderers on random items: the input
// seeds the generator of the item and its locator. It skips without
// ../shared.
func FuzzDifferential(f *testing.F) {
	needShared(f)
	for _, s := range []uint64{0, 1, 7, 42, 1934, 2017} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		e := loadEnv(t)
		var tally diffTally
		e.compareRandom(t, &tally, seed)
	})
}
