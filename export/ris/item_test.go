package ris_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/internal/fixture"
)

// citeItems returns items built by cite from every fixture, in both forms
// and name styles, and the items of cite's own test data.
func citeItems(t *testing.T) []cite.Item {
	var items []cite.Item
	for _, path := range fixtures(t) {
		file := fixture.ReadPath(t, path)
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
	// cite's golden items are part of the module: a missing file fails.
	data, err := os.ReadFile("../../cite/testdata/items.json")
	require.NoError(t, err)
	var held struct{ Items []cite.Item }
	require.NoError(t, json.Unmarshal(data, &held))
	require.NotEmpty(t, held.Items)
	return append(items, held.Items...)
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
		data := buf.Bytes()
		refs, err := ris.ReadReferences(bytes.NewReader(data))
		require.NoError(t, err)
		require.Len(t, refs, len(items))
		got, err := ris.ReadItems(bytes.NewReader(data))
		require.NoError(t, err)
		require.Len(t, got, len(items))
		for i, it := range items {
			assert.Equal(t, risKept(it, i, edited), got[i], "%s (edited %v)", it.ID, edited)
			assert.Equal(t, ris.Fold(it.Title), refs[i].Title, it.ID)
		}
		// RIS → CSL → RIS keeps every field.
		again := make([]ris.Record, 0, len(got))
		for _, it := range got {
			again = append(again, ris.ItemRecord(it, ris.Options{EditedBook: edited}))
		}
		var buf2 bytes.Buffer
		require.NoError(t, ris.WriteRecords(&buf2, again))
		assert.Equal(t, string(data), buf2.String())
	}
}

// risKept is what a RIS record keeps of an item: every variable ItemRecord
// writes, folded as the Writer folds values; names as "Family, Given";
// dates without their range end, season or literal text.
func risKept(it cite.Item, i int, edited bool) cite.Item {
	f := ris.Fold
	ty := ris.ItemRecord(cite.Item{Type: it.Type}, ris.Options{}).Type
	book := ty == "BOOK"
	k := cite.Item{
		ID: f(it.ID), Type: it.Type, Title: f(it.Title), TitleShort: f(it.TitleShort),
		ContainerTitle: f(it.ContainerTitle), ContainerTitleShort: f(it.ContainerTitleShort),
		CollectionTitle: f(it.CollectionTitle), Volume: f(it.Volume), NumberOfVolumes: f(it.NumberOfVolumes),
		Edition: f(it.Edition), Publisher: f(it.Publisher), PublisherPlace: f(it.PublisherPlace),
		Archive: f(it.Archive), ArchiveLocation: f(it.ArchiveLocation), Genre: f(it.Genre), URL: f(it.URL),
		DOI: f(it.DOI), ISBN: f(it.ISBN), Language: f(it.Language), Abstract: f(it.Abstract), Source: f(it.Source),
	}
	if k.ID == "" {
		k.ID = "item-" + strconv.Itoa(i+1)
	}
	switch ty {
	case "GEN":
		k.Type = "document"
	case "MPCT":
		k.Type = "motion_picture"
	case "PCOMM":
		k.Type = "personal_communication"
	}
	names := func(ns []cite.Name) []cite.Name {
		var out []cite.Name
		for _, n := range ns {
			s := n.Literal
			if s == "" {
				family := strings.TrimSpace(n.NonDroppingParticle + " " + n.Family)
				given := strings.TrimSpace(n.Given + " " + n.DroppingParticle)
				s = family
				if given != "" {
					s += ", " + given
				}
				switch {
				case n.Suffix != "":
					if given == "" {
						s += ", "
					}
					s += ", " + n.Suffix
				case given == "" && family != "":
					s += "," // a family name alone keeps its comma
				}
			}
			s = f(s)
			if s == "" {
				continue
			}
			family, rest, ok := strings.Cut(s, ",")
			if !ok {
				out = append(out, cite.Name{Literal: s})
				continue
			}
			given, suffix, _ := strings.Cut(rest, ",")
			out = append(out, cite.Name{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given), Suffix: strings.TrimSpace(suffix)})
		}
		return out
	}
	switch {
	case book && edited && len(it.Author) == 0:
		k.Editor = names(it.Editor)
	case ty == "PCOMM":
		k.Author, k.Recipient, k.CollectionEditor = names(it.Author), names(it.Recipient), names(it.CollectionEditor)
	case book:
		k.Author, k.Editor = names(it.Author), names(it.Editor)
	default:
		k.Author, k.Editor, k.CollectionEditor = names(it.Author), names(it.Editor), names(it.CollectionEditor)
	}
	k.Translator = names(it.Translator)
	if book {
		k.NumberOfPages = f(it.NumberOfPages)
	} else if p := f(it.Page); p != "" {
		first, last := p, p
		for _, dash := range []string{"–", "-", "—"} {
			if a, b, ok := strings.Cut(p, dash); ok && strings.TrimSpace(a) != "" && strings.TrimSpace(b) != "" {
				first, last = strings.TrimSpace(a), strings.TrimSpace(b)
				break
			}
		}
		k.Page = first
		if last != first {
			k.Page += "-" + last
		}
	}
	if y := it.Issued.From.Year; y > 0 {
		p := it.Issued.From
		switch {
		case ty == "CHAP" || p.Month > 12:
			k.Issued = cite.Date{From: cite.DateParts{Year: y}}
		default:
			k.Issued = cite.Date{From: p, Circa: it.Issued.Circa}
			if p.Month == 0 {
				k.Issued.From.Day = 0
			}
		}
	}
	if a := it.Accessed.From; a.Year > 0 {
		k.Accessed = cite.Date{From: a}
		if a.Month == 0 || a.Month > 12 {
			k.Accessed.From.Month, k.Accessed.From.Day = 0, 0
		}
	}
	extra := map[string]string{}
	for _, v := range []string{"issue", "number"} {
		if s := f(it.Extra[v]); s != "" {
			extra[v] = s
		}
	}
	if k.ISBN == "" {
		if s := f(it.Extra["ISSN"]); s != "" {
			if strings.HasPrefix(k.Type, "article") || k.Type == "periodical" {
				extra["ISSN"] = s
			} else {
				k.ISBN = s
			}
		}
	} else if strings.HasPrefix(k.Type, "article") || k.Type == "periodical" {
		extra["ISSN"], k.ISBN = k.ISBN, ""
	}
	var kws []string
	for _, kw := range strings.Split(f(it.Extra["keyword"]), ";") {
		if kw = strings.TrimSpace(kw); kw != "" {
			kws = append(kws, kw)
		}
	}
	if len(kws) > 0 {
		extra["keyword"] = strings.Join(kws, "; ")
	}
	if len(extra) > 0 {
		k.Extra = extra
	}
	var notes []string
	for _, n := range strings.Split(it.Note, "\n") {
		if n = f(n); n != "" {
			notes = append(notes, n)
		}
	}
	k.Note = strings.Join(notes, "\n")
	return k
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

// FuzzItemFromRecord reads any RIS input as items and checks that what
// ItemRecord writes of them reads back as the same items (RIS → CSL →
// RIS → CSL is stable), without a panic.
func FuzzItemFromRecord(f *testing.F) {
	f.Add("TY  - JOUR\r\nAU  - Hartley, Margaret\r\nTI  - Soviet ambassadors\r\nT2  - Slavic Review\r\nVL  - 12\r\nIS  - 3\r\nSP  - 321\r\nEP  - 345\r\nPY  - 2009\r\nER  - \r\n")
	f.Add("TY  - MANSCPT\nID  - m\nTI  - Memo\nDA  - 1935/01/03/approximate\nDB  - Stalin Digital Archive\nKW  - Kirov‚ Sergei\nN1  - a\nN1  - b\nER  - \n")
	f.Add("TY  - BOOK\nT1  - Diaries\nA1  - UNESCO\nY1  - Spring 1935\nSP  - 412\nER  - \n")
	f.Add("TY  - PCOMM\nAU  - Maisky, Ivan\nA2  - Litvinov, Maxim, Jr.\nY2  - 2024/05/01/\nER  - \n")
	f.Fuzz(func(t *testing.T, in string) {
		items, err := ris.ReadItems(strings.NewReader(in))
		if err != nil {
			return
		}
		recs := make([]ris.Record, 0, len(items))
		for _, it := range items {
			recs = append(recs, ris.ItemRecord(it, ris.Options{}))
		}
		var buf bytes.Buffer
		if err := ris.WriteRecords(&buf, recs); err != nil {
			t.Fatalf("records of items do not write: %v", err)
		}
		again, err := ris.ReadItems(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("written records do not read back: %v\n%s", err, buf.String())
		}
		recs2 := make([]ris.Record, 0, len(again))
		for _, it := range again {
			recs2 = append(recs2, ris.ItemRecord(it, ris.Options{}))
		}
		var buf2 bytes.Buffer
		if err := ris.WriteRecords(&buf2, recs2); err != nil {
			t.Fatal(err)
		}
		if buf.String() != buf2.String() {
			t.Fatalf("RIS → CSL → RIS is not stable:\n%q\n%q", buf.String(), buf2.String())
		}
	})
}
