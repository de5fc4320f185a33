package cite

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTextRenderings(t *testing.T) {
	it := Item{ID: "x", Type: "book", Title: "Faber & <Faber>: *notes* on_the [war]",
		Author: []Name{{Family: "Maisky", Given: "Ivan"}}, Publisher: "Smith & Sons",
		Issued: Date{From: DateParts{Year: 1935}}, URL: "https://example.org/a_b",
		Language: "de"} // no title case: the title stays as it is
	text, err := Format(&it, ChicagoNotes, Bibliography, Locator{})
	require.NoError(t, err)
	assert.Equal(t, "Maisky, Ivan. Faber & <Faber>: *notes* on_the [war]. Smith & Sons, 1935. https://example.org/a_b.", text.String())
	assert.Equal(t, "Maisky, Ivan. <i>Faber &#38; &#60;Faber&#62;: *notes* on_the [war]</i>. Smith &#38; Sons, 1935. https://example.org/a_b.", text.HTML())
	assert.Equal(t, `Maisky, Ivan. *Faber & \<Faber\>: \*notes\* on\_the \[war\]*. Smith & Sons, 1935. <https://example.org/a_b>.`, text.Markdown())

	spans := text.Spans()
	var joined strings.Builder
	for _, s := range spans {
		joined.WriteString(s.Text)
	}
	assert.Equal(t, text.String(), joined.String())
	require.Len(t, spans, 5)
	assert.Equal(t, Span{Text: "Faber & <Faber>: *notes* on_the [war]", Decoration: Italic}, spans[1])
	assert.Equal(t, Span{Text: "https://example.org/a_b", Decoration: Link}, spans[3])
	assert.Equal(t, Span{Text: "."}, spans[4])

	assert.True(t, Text{}.IsZero())
	assert.Nil(t, Text{}.Spans())
	assert.Equal(t, "", Text{}.HTML())
}

func TestParseArguments(t *testing.T) {
	for _, s := range Styles() {
		got, err := ParseStyle("http://www.zotero.org/styles/" + string(s))
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	_, err := ParseStyle("apa")
	assert.ErrorIs(t, err, ErrUnknownStyle)
	assert.Contains(t, err.Error(), "modern-language-association")

	for _, m := range []Mode{Bibliography, First, Subsequent} {
		got, err := ParseMode(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err = ParseMode("ibid")
	assert.ErrorIs(t, err, ErrMode)

	for _, f := range []OutputFormat{PlainText, HTML, Markdown} {
		got, err := ParseOutputFormat(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err = ParseOutputFormat("rtf")
	assert.ErrorIs(t, err, ErrFormat)

	it := Item{ID: "x", Type: "book", Title: "T"}
	_, err = Format(&it, ChicagoNotes, First, Locator{Label: "leaf", Value: "2"})
	assert.ErrorIs(t, err, ErrLabel)
	_, err = Format(&it, "apa", First, Locator{})
	assert.ErrorIs(t, err, ErrUnknownStyle)
	_, err = Format(&it, ChicagoNotes, Mode(7), Locator{})
	assert.ErrorIs(t, err, ErrMode)
}

// TestEmptyItem: an item without any data renders what the styles render
// for it (n.d. and the locator), never fails.
func TestEmptyItem(t *testing.T) {
	var it Item
	for _, s := range Styles() {
		for _, m := range []Mode{Bibliography, First, Subsequent} {
			_, err := Format(&it, s, m, Locator{Value: "5"})
			require.NoError(t, err)
		}
	}
	text, err := Format(&it, ChicagoAuthorDate, First, Locator{Value: "5"})
	require.NoError(t, err)
	assert.Equal(t, "(n.d., 5)", text.String())
}

func TestPageRanges(t *testing.T) {
	for _, tc := range []struct {
		in       string
		chicago  string
		minimal2 string
	}{
		{"59-72", "59–72", "59–72"},
		{"103-104", "103–4", "103–04"},
		{"103-4", "103–4", "103–04"},
		{"321-328", "321–28", "321–28"},
		{"100-104", "100–104", "100–04"},
		{"1496-1504", "1496–504", "1496–504"},
		{"1100-1123", "1100–1123", "1100–23"},
		{"12, 15-17", "12, 15–17", "12, 15–17"},
		{"iv-vi", "iv–vi", "iv–vi"},
		{"72-59", "72–59", "72–59"},
	} {
		assert.Equal(t, tc.chicago, string(appendRange(nil, tc.in, rangeChicago16)), tc.in)
		assert.Equal(t, tc.minimal2, string(appendRange(nil, tc.in, rangeMinimalTwo)), tc.in)
	}
}

func TestTitleCase(t *testing.T) {
	for in, want := range map[string]string{
		"the ambassador and the press: a first meeting": "The Ambassador and the Press: A First Meeting",
		"on the anglo-german naval agreement":           "On the Anglo-German Naval Agreement",
		"what are they talking about":                   "What Are They Talking About",
		"дневник полпреда в лондоне":                    "Дневник Полпреда в Лондоне",
		"the ambassador's notes":                        "The Ambassador’s Notes",
		"PS 1 October":                                  "PS 1 October",
		"Who Rules Britain?":                            "Who Rules Britain?",
	} {
		r := renderer{english: true}
		r.o.buf = nil
		r.writeField(in, tcTitle)
		assert.Equal(t, want, string(r.o.buf), in)
	}
}

// TestOddItems: values no CSL-JSON reader lets through but Go code can
// build never make Format panic.
func TestOddItems(t *testing.T) {
	odd := []Item{
		{Type: "manuscript", Issued: Date{From: DateParts{Year: 1934, Month: 40, Day: -3}, Season: 9}},
		{Type: "book", Issued: Date{From: DateParts{Year: -44}, To: DateParts{Year: 1935, Month: 14}}},
		{Type: "chapter", Author: []Name{{}, {Given: "Ivan"}, {Suffix: "Jr."}}, Title: "“‘”’\"'", Page: "-", Volume: "-1-"},
		{Type: "personal_communication", Recipient: make([]Name, 40), Title: strings.Repeat("a ", 500)},
		{Type: "unknown-type", ContainerTitle: "x", Accessed: Date{Literal: "today"}},
	}
	for i := range odd {
		for _, s := range Styles() {
			for _, m := range []Mode{Bibliography, First, Subsequent} {
				for _, loc := range []Locator{{}, {Value: "-"}, {Label: "line", Value: "xii--"}, {Value: "1-2-3-4"}} {
					_, err := Format(&odd[i], s, m, loc)
					require.NoError(t, err)
				}
			}
		}
	}
	var buf strings.Builder
	require.NoError(t, WriteBibliography(&buf, odd, MLA, Markdown))
}

// TestOutDeepNesting: frames deeper than the builder's array spill over
// instead of being reused, so every level keeps its affixes.
func TestOutDeepNesting(t *testing.T) {
	var o out
	const depth = 70
	for i := 0; i < depth; i++ {
		o.group(", ", "(", ")")
	}
	o.elem("", "", 0, false)
	o.success()
	o.open()
	o.buf = append(o.buf, 'x')
	o.end()
	for i := 0; i < depth; i++ {
		o.end()
	}
	want := strings.Repeat("(", depth) + "x" + strings.Repeat(")", depth)
	if got := o.text().String(); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
