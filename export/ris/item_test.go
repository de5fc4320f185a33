package ris_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/maisky"
)

// citeItems returns items built by cite from every fixture, in both forms
// and name styles, and the items of cite's own test data.
func citeItems(t *testing.T) []cite.Item {
	var items []cite.Item
	for _, path := range fixtures(t) {
		file := readFixture(t, path)
		for _, d := range file.Documents {
			for _, form := range []cite.Form{cite.Print, cite.Archive} {
				for _, archiveNames := range []bool{false, true} {
					it, err := cite.FromDocument(d, file.Volume, cite.Options{Form: form, ArchiveNames: archiveNames, Accessed: accessed})
					require.NoError(t, err)
					items = append(items, it)
				}
			}
		}
		if file.Volume != nil {
			items = append(items, cite.FromVolume(file.Volume, nil, cite.Options{}))
		}
	}
	if data, err := os.ReadFile("../../cite/testdata/items.json"); err == nil {
		var held struct{ Items []cite.Item }
		require.NoError(t, json.Unmarshal(data, &held))
		require.NotEmpty(t, held.Items)
		items = append(items, held.Items...)
	}
	return items
}

func TestItemRoundTrip(t *testing.T) {
	items := citeItems(t)
	require.Greater(t, len(items), 20)
	for _, edited := range []bool{false, true} {
		recs := make([]ris.Record, 0, len(items))
		for _, it := range items {
			recs = append(recs, ris.ItemRecord(it, ris.Options{EditedBook: edited}))
		}
		var buf bytes.Buffer
		require.NoError(t, ris.WriteRecords(&buf, recs))
		checkShape(t, buf.Bytes(), len(items))
		refs, err := ris.ReadReferences(&buf)
		require.NoError(t, err)
		require.Len(t, refs, len(items))
		for i, it := range items {
			checkItem(t, it, refs[i], edited)
		}
	}
}

func checkItem(t *testing.T, it cite.Item, ref ris.Reference, edited bool) {
	t.Helper()
	a := assert.New(t)
	name := it.ID
	wantType := map[string]string{"chapter": "CHAP", "manuscript": "MANSCPT", "personal_communication": "PCOMM", "book": "BOOK"}[it.Type]
	if wantType == "BOOK" && edited && len(it.Author) == 0 {
		wantType = "EDBOOK"
	}
	if wantType != "" {
		a.Equal(wantType, ref.Type, name)
	}
	a.Equal(ris.Fold(it.Title), ref.Title, name)
	if wantType == "EDBOOK" {
		a.Empty(ref.Authors, name)
	} else {
		a.Equal(citeNames(it.Author), ref.Authors, name)
	}
	if wantType == "PCOMM" {
		a.Equal(citeNames(it.Recipient), ref.Recipients, name)
	} else {
		a.Equal(citeNames(it.Editor), ref.Editors, name)
	}
	a.Equal(citeNames(it.Translator), ref.Translators, name)
	a.Equal(ris.Fold(it.ContainerTitle), ref.SecondaryTitle, name)
	a.Equal(ris.Fold(it.Volume), ref.Volume, name)
	a.Equal(it.Issued.From.Year, ref.Year, name)
	if wantType != "CHAP" && it.Issued.Literal == "" && it.Issued.Raw == "" && it.Issued.From.Year > 0 {
		want := maisky.Date{Year: it.Issued.From.Year, Month: it.Issued.From.Month, Day: it.Issued.From.Day, Approximate: it.Issued.Circa}
		if want.Month == 0 || want.Month > 12 {
			want.Month, want.Day = 0, 0
		}
		a.Equal(want, ref.Date, name)
	}
	if it.Page != "" && wantType != "BOOK" && wantType != "EDBOOK" {
		first, last, _ := strings.Cut(strings.ReplaceAll(it.Page, "–", "-"), "-")
		if last == "" {
			last = first
		}
		a.Equal(first, ref.StartPage, name)
		if last != first {
			a.Equal(last, ref.EndPage, name)
		}
	}
	if wantType == "MANSCPT" {
		a.Equal(ris.Fold(strings.Trim(it.Publisher+", "+it.Archive, ", ")), ref.Publisher, name)
	} else {
		a.Equal(ris.Fold(it.Publisher), ref.Publisher, name)
		a.Equal(ris.Fold(it.Archive), ref.Database, name)
	}
	a.Equal(ris.Fold(it.PublisherPlace), ref.Place, name)
	a.Equal(ris.Fold(it.ISBN), ref.ISBN, name)
	a.Equal(ris.Fold(it.URL), ref.URL, name)
	a.Equal(ris.Fold(it.Genre), ref.Genre, name)
	a.Equal(ris.Fold(it.ArchiveLocation), ref.ArchiveID, name)
	a.Equal(ris.Fold(it.Language), ref.Language, name)
	a.Equal(ris.Fold(it.Abstract), ref.Abstract, name)
	if it.Accessed.From.Year > 0 {
		a.Equal(maisky.Date{Year: it.Accessed.From.Year, Month: it.Accessed.From.Month, Day: it.Accessed.From.Day}, ref.Accessed, name)
	}
	if it.Note != "" {
		a.Equal([]string{ris.Fold(it.Note)}, ref.Notes, name)
	}
}

// citeNames is the expected reading of written CSL names.
func citeNames(ns []cite.Name) []maisky.Person {
	var out []maisky.Person
	for _, n := range ns {
		s := n.Literal
		if s == "" {
			family := strings.TrimSpace(n.NonDroppingParticle + " " + n.Family)
			given := strings.TrimSpace(n.Given + " " + n.DroppingParticle)
			if n.Suffix != "" {
				given += ", " + n.Suffix
			}
			s = family
			if given != "" {
				s += ", " + given
			}
		}
		family, given, _ := strings.Cut(ris.Fold(s), ",")
		out = append(out, maisky.Person{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given)})
	}
	return out
}

func TestItemRecordTypes(t *testing.T) {
	cases := map[string]string{
		"chapter": "CHAP", "manuscript": "MANSCPT", "personal_communication": "PCOMM", "book": "BOOK",
		"article-journal": "JOUR", "webpage": "ELEC", "thesis": "THES", "document": "GEN", "": "GEN",
	}
	for typ, want := range cases {
		assert.Equal(t, want, ris.ItemRecord(cite.Item{Type: typ}, ris.Options{}).Type, typ)
	}
	rec := ris.ItemRecord(cite.Item{
		Type:   "chapter",
		Author: []cite.Name{{Family: "Gaulle", NonDroppingParticle: "de", Given: "Charles"}, {Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"}, {Family: "King", Given: "Martin Luther", Suffix: "Jr."}, {Literal: "Yale University Press"}},
		Page:   "58–72",
		Issued: cite.Date{From: cite.DateParts{Year: 2017, Month: 3}},
	}, ris.Options{Accessed: accessed, Notes: []string{"n"}})
	assert.Equal(t, []string{"de Gaulle, Charles", "Beethoven, Ludwig van", "King, Martin Luther, Jr.", "Yale University Press"}, rec.Values("AU"))
	assert.Equal(t, "58", rec.Value("SP"))
	assert.Equal(t, "72", rec.Value("EP"))
	assert.Equal(t, "2017", rec.Value("PY"))
	assert.Empty(t, rec.Values("DA"), "no DA on a chapter")
	assert.Equal(t, "2024/05/01/", rec.Value("Y2"))
	assert.Equal(t, []string{"n"}, rec.Values("N1"))
	rec = ris.ItemRecord(cite.Item{Type: "manuscript", Issued: cite.Date{From: cite.DateParts{Year: 1935, Month: 1, Day: 3}, Circa: true}}, ris.Options{})
	assert.Equal(t, "1935/01/03/approximate", rec.Value("DA"))
	rec = ris.ItemRecord(cite.Item{Type: "manuscript", Issued: cite.Date{Literal: "early January 1935"}}, ris.Options{})
	assert.Empty(t, rec.Values("DA"))
}
