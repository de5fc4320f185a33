package cite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

// examplesItem returns an item of the official examples (copied into
// testdata/items.json), by id.
func examplesItem(t *testing.T, id string) Item {
	items, _ := loadGolden(t)
	require.Contains(t, items, id)
	return *items[id]
}

func TestFromDocumentPrint(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	doc, err := file.Document("maisky-1934-12-31")
	require.NoError(t, err)
	got := fromDocument(doc, file.Volume, Options{})
	want := examplesItem(t, "maisky-1934-12-31")
	// The entry starts on the partial page 58 (the example item gives the
	// marker pages 59-72) and the volume has an ISBN.
	want.Page = "58-72"
	want.ISBN = "978-0-300-18067-1"
	// What a reference manager keeps and no style prints.
	want.Language = "en"
	want.Extra = map[string]string{"keyword": "Anglo-Soviet relations; Kirov, Sergei; Labour Party; Trades Union Congress; executions; Citrine, Walter; Lansbury, George"}
	assert.Equal(t, want, got)

	doc, err = file.Document("maisky-1935-03-01")
	require.NoError(t, err)
	got = fromDocument(doc, file.Volume, Options{})
	assert.Equal(t, "1 March 1935 (1)", got.Title, "a disambiguated label keeps its disambiguator")
	assert.Equal(t, "111", got.Page)

	// Without its volume a document is cited from the archive.
	got = fromDocument(doc, nil, Options{})
	assert.Equal(t, "manuscript", got.Type)
	assert.Equal(t, "1 March (1)", got.Title)
}

func TestFromDocumentArchive(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	doc, err := file.Document("maisky-1934-12-31")
	require.NoError(t, err)
	accessed := time.Date(2024, 5, 14, 23, 0, 0, 0, time.UTC)
	got := fromDocument(doc, file.Volume, Options{Form: Archive, Accessed: accessed})
	want := examplesItem(t, "maisky-1934-12-31-sda-manuscript")
	want.ID = doc.ID
	want.URL = doc.Permalink
	want.Language = "en"
	want.Extra = map[string]string{"keyword": "Anglo-Soviet relations; Kirov, Sergei; Labour Party; Trades Union Congress; executions; Citrine, Walter; Lansbury, George"}
	assert.Equal(t, want, got)

	letter := fixture.Read(t, "letter-litvinov.json").Documents[0]
	got = fromDocument(letter, nil, Options{Form: Archive, Accessed: accessed, ArchiveName: "Stalin Digital Archive"})
	want = examplesItem(t, "maisky-litvinov-1934-11-10-letter")
	want.URL = letter.Permalink
	want.Language = "en"
	want.Abstract = letter.Description
	want.Note = "Original: Archive of Foreign Policy of the Russian Federation, f. 05, op. 14, d. 3, l. 12"
	want.Extra = map[string]string{"keyword": "Anglo-Soviet relations; Simon, John; Japan; Manchuria; Eastern Pact"}
	assert.Equal(t, want, got)

	// The archive's form of the names, on request: the full name in the
	// bibliography, the family name alone in short and in-text citations.
	got = fromDocument(letter, nil, Options{Form: Archive, ArchiveNames: true})
	assert.Equal(t, []Name{{Family: "Liakhovetsky", Given: "Ivan Mikhailovich (Maisky)"}}, got.Author)
	assert.Equal(t, []Name{{Family: "Litvinov", Given: "Maxim Maksimovich"}}, got.Recipient)
	for _, c := range []struct {
		s    Style
		m    Mode
		want string
	}{
		{ChicagoNotes, Bibliography, "Liakhovetsky, Ivan Mikhailovich (Maisky). Letter to Maxim Maksimovich Litvinov. November 10, 1934. https://www.stalindigitalarchive.com/frontend/node/100301."},
		{ChicagoNotes, Subsequent, "Liakhovetsky, letter to Litvinov, November 10, 1934, 2."},
		{ChicagoAuthorDate, First, "(Liakhovetsky 1934, 2)"},
		{MLA, First, "(Liakhovetsky 2)"},
	} {
		text, err := Format(&got, c.s, c.m, Locator{Value: "2"})
		require.NoError(t, err)
		assert.Equal(t, c.want, text.String(), "%s %s", c.s, c.m)
	}
	assert.Empty(t, got.Archive)
	assert.True(t, got.Accessed.IsZero())

	memo := fixture.Read(t, "memo-approximate.json").Documents[0]
	got = fromDocument(memo, nil, Options{Form: Archive})
	assert.True(t, got.Issued.Circa)
	assert.Equal(t, memo.Title, got.Title, "the title is the archive's, without the date that the citation prints")
	text, err := Format(&got, ChicagoNotes, First, Locator{})
	require.NoError(t, err)
	assert.Equal(t, "Ivan Maisky, “Labour Protest against Death Sentences in the USSR,” diary entry [January 3, 1935?], https://www.stalindigitalarchive.com/frontend/node/100302.", text.String())
}

func TestFromVolume(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	got := FromVolume(file.Volume, file.Documents[0].Authors, Options{})
	want := examplesItem(t, "maisky-diaries-vol1")
	want.ID = file.Volume.ID
	want.ISBN = "978-0-300-18067-1"
	assert.Equal(t, want, got)

	got = FromVolume(file.Volume, nil, Options{})
	text, err := Format(&got, ChicagoNotes, Bibliography, Locator{})
	require.NoError(t, err)
	assert.Equal(t, "Gorodetsky, Gabriel, ed. The Complete Maisky Diaries. Vol. 1, translated by Tatiana Sorokina and Oliver Ready. Yale University Press, 2017.", text.String())
}

func TestParseForm(t *testing.T) {
	f, err := ParseForm("archive")
	require.NoError(t, err)
	assert.Equal(t, Archive, f)
	_, err = ParseForm("web")
	assert.ErrorIs(t, err, ErrForm)
}

func TestHostile_FromDocumentNil(t *testing.T) {
	it, err := FromDocument(nil, nil, Options{})
	require.ErrorIs(t, err, ErrNoDocument)
	require.Equal(t, Item{}, it)
}

// TestFromDocumentOneLine: the item's text is single-line, as every output
// carries it, and a person with no name at all is no name.
func TestFromDocumentOneLine(t *testing.T) {
	doc := &maisky.Document{
		ID: "d", Title: " Memo\r\non  the\u2028ballot\t", Description: "two  spaces\u0007and e\u0301",
		Authors:    []maisky.Person{{Family: "Maisky\n", Given: " Ivan  Mikhailovich"}, {}},
		Recipients: []maisky.Person{{Family: "Litvinov"}, {Given: " "}},
		Keywords:   []string{"a;b ", " ; ", "Kirov,  Sergei"},
		Repository: "AVP\tRF", Permalink: " https://example.org/1 ",
		Date: maisky.Date{Year: 1935, Month: 1, Day: 3},
	}
	for _, archive := range []bool{false, true} {
		it, err := FromDocument(doc, nil, Options{ArchiveNames: archive})
		require.NoError(t, err)
		assert.Equal(t, "two spaces and é", it.Abstract)
		assert.Equal(t, "a; b; Kirov, Sergei", it.Extra["keyword"])
		assert.Equal(t, "Original: AVP RF", it.Note)
		assert.Equal(t, "https://example.org/1", it.URL)
		assert.Equal(t, []Name{{Family: "Litvinov"}}, it.Recipient)
		if archive {
			assert.Equal(t, []Name{{Family: "Maisky", Given: "Ivan Mikhailovich"}}, it.Author)
		} else {
			assert.Equal(t, []Name{{Family: "Maisky", Given: "Ivan"}}, it.Author)
		}
	}
	doc.Recipients = nil
	it, err := FromDocument(doc, nil, Options{})
	require.NoError(t, err)
	assert.Equal(t, "Memo on the ballot", it.Title)
}

// TestKeywordsSplitAfterNFC: a keyword is split at semicolons after it is
// made one line (NFC), so a U+037E GREEK QUESTION MARK, which NFC turns
// into a semicolon, separates keywords as RIS and CSL-JSON readers see it.
func TestKeywordsSplitAfterNFC(t *testing.T) {
	for in, want := range map[string]string{
		"a\u037eb": "a; b",
		"\u037e":   "",
		"a; ;b":    "a; b",
		" x\ty ":   "x y",
	} {
		if got := keywords([]string{in}); got != want {
			t.Errorf("keywords(%q) = %q, want %q", in, got, want)
		}
	}
}
