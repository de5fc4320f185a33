package cite

import (
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
