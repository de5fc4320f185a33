package cite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFieldMarkup: inline markup in a field flips the formatting around
// it (citeproc-js's flip-flop), nocase spans keep their words from title
// case and leave no trace, unknown tags stay text.
func TestFieldMarkup(t *testing.T) {
	for _, c := range []struct {
		title, style, text, html, md string
	}{
		{"The <i>Times</i> and the embassy", "book",
			"The Times and the Embassy",
			`<i>The <span style="font-style:normal;">Times</span> and the Embassy</i>`,
			"*The* Times *and the Embassy*"},
		{"The <i>Times</i> and the embassy", "article-journal",
			"“The Times and the Embassy.”",
			"“The <i>Times</i> and the Embassy.”",
			"“The *Times* and the Embassy.”"},
		{"Letters in <b>bold</b> and H<sub>2</sub>O", "book",
			"Letters in Bold and H2O",
			"<i>Letters in <b>Bold</b> and H<sub>2</sub>O</i>",
			"*Letters in* ***Bold*** *and H2O*"},
		{`The <span class="nocase">iPhone</span> of <sc>tass</sc>`, "book",
			"The iPhone of tass",
			`<i>The iPhone of <span style="font-variant:small-caps;">tass</span></i>`,
			"*The iPhone of tass*"},
		{"<i>Pravda</i> <x> and <b>unclosed", "book",
			"Pravda <x> and <b>Unclosed",
			`<i><span style="font-style:normal;">Pravda</span> &#60;x&#62; and &#60;b&#62;Unclosed</i>`,
			`Pravda *\<x\> and \<b\>Unclosed*`},
	} {
		it := Item{ID: "x", Type: c.style, Title: c.title, ContainerTitle: "Slavic Review"}
		if c.style == "book" {
			it.ContainerTitle = ""
		}
		text, err := Format(&it, ChicagoNotes, Bibliography, Locator{})
		require.NoError(t, err)
		assert.Contains(t, text.String(), c.text, c.title)
		assert.Contains(t, text.HTML(), c.html, c.title)
		assert.Contains(t, text.Markdown(), c.md, c.title)
		var joined string
		for _, s := range text.Spans() {
			joined += s.Text
		}
		assert.Equal(t, text.String(), joined, c.title)
	}
}

// TestSpansNested: spans carry the formatting in effect, nested ranges
// included.
func TestSpansNested(t *testing.T) {
	it := Item{ID: "x", Type: "book", Title: "The <i>Times</i> and H<sub>2</sub>O"}
	text, err := Format(&it, ChicagoNotes, Bibliography, Locator{})
	require.NoError(t, err)
	assert.Equal(t, []Span{
		{Text: "The ", Decoration: Italic},
		{Text: "Times"},
		{Text: " and H", Decoration: Italic},
		{Text: "2", Decoration: Italic | Subscript},
		{Text: "O", Decoration: Italic},
		{Text: ". n.d."},
	}, text.Spans())
}

// TestCaseQuirks: title case and capitalize-first read straight quotes
// as citeproc-js 1.4 does (expected values from its text-case engine): a
// straight single quote joins the string after it, so the opening one
// stays open and gives its word back its first letter; protected markup
// is left alone.
func TestCaseQuirks(t *testing.T) {
	for in, want := range map[string]string{
		"'peace front' archive":                               "'peace Front' Archive",
		"x 'peace front' y 'war now' z":                       "X 'peace Front' y 'War Now' z",
		`x "peace 'front' y" z`:                               `X "peace 'front' y" z`,
		"The 'peace front' archive":                           "The 'peace Front' Archive",
		"a <sc>b</sc> c":                                      "A <sc>b</sc> c",
		"it's the '30s: o' the times":                         "It's the '30s: O' the Times",
		`The <span class="nocase">iPhone</span> of diplomacy`: `The <span class="nocase">iPhone</span> of Diplomacy`,
	} {
		assert.Equal(t, want, TitleCase(in), in)
	}
	for in, want := range map[string]string{
		`"white paper"`:      `"white paper"`,
		"'white paper'":      "'White paper'",
		"'white' paper":      "'white' paper",
		"(white) paper":      "(White) paper",
		"<i>white</i> paper": "<i>White</i> paper",
	} {
		assert.Equal(t, want, CapitalizeFirst(in), in)
	}
}

// TestFieldSpacing: French spacing and particles ending in an apostrophe,
// as citeproc-js writes them.
func TestFieldSpacing(t *testing.T) {
	it := Item{ID: "x", Type: "book", Title: "« Paix » ou guerre ?", Language: "fr",
		Author: []Name{{Family: "Alembert", Given: "Jean", NonDroppingParticle: "d'"}}}
	text, err := Format(&it, ChicagoNotes, First, Locator{})
	require.NoError(t, err)
	assert.Contains(t, text.String(), "Jean d’Alembert, «\u202fPaix\u202f» ou guerre\u202f?")
	it.Author[0] = Name{Family: "Medici", Given: "Lorenzo", NonDroppingParticle: "de’ "}
	text, err = Format(&it, ChicagoNotes, First, Locator{})
	require.NoError(t, err)
	assert.Contains(t, text.String(), "Lorenzo de’ Medici, ")
}

// FuzzFieldMarkup: any title, in every style and mode, renders without a
// panic, its spans make up its text, and its HTML opens as many tags as
// it closes.
func FuzzFieldMarkup(f *testing.F) {
	for _, s := range []string{
		"The <i>Times</i> and the embassy", `A "new 'course'" in London`, "A “new ‘course’” in London",
		`The <span class="nocase">iPhone</span>`, "<b><i>x</b></i>", "'", `"`, "‘’“”", "<sc>", "</span>",
		"Maisky's 'London' diary of the '30s", "« Paix » ?", "The  'x'", `<i>"x"</i>`, "\xe2\x80", "<b><b><b>x</b></b></b>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		it := Item{ID: "x", Type: "chapter", Title: title, ContainerTitle: title}
		for _, s := range Styles() {
			for _, m := range []Mode{Bibliography, First, Subsequent} {
				text, err := Format(&it, s, m, Locator{})
				if err != nil {
					t.Fatal(err)
				}
				var joined strings.Builder
				for _, sp := range text.Spans() {
					joined.WriteString(sp.Text)
				}
				if joined.String() != text.String() {
					t.Fatalf("%s %v: spans %q, text %q", s, m, joined.String(), text.String())
				}
				h := text.HTML()
				opens := strings.Count(h, "<i>") + strings.Count(h, "<b>") + strings.Count(h, "<sup>") +
					strings.Count(h, "<sub>") + strings.Count(h, "<span ")
				closes := strings.Count(h, "</i>") + strings.Count(h, "</b>") + strings.Count(h, "</sup>") +
					strings.Count(h, "</sub>") + strings.Count(h, "</span>")
				if opens != closes {
					t.Fatalf("%s %v: unbalanced HTML %q", s, m, h)
				}
				_ = text.Markdown()
			}
		}
	})
}
