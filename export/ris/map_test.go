package ris_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/maisky"
)

// goldens lists the golden files: name, fixture, and what is written.
var goldens = []struct {
	name    string
	fixture string
	opts    ris.Options
	volume  bool // write the volume record instead of the documents
}{
	{"volume1.ris", "../../testdata/volume1.json", ris.Options{Accessed: accessed}, false},
	{"volume1-manuscript.ris", "../../testdata/volume1.json", ris.Options{Kind: ris.KindManuscript, Accessed: accessed}, false},
	{"volume1-archive-names.ris", "../../testdata/volume1.json", ris.Options{Names: ris.NameArchive}, false},
	{"volume1-book.ris", "../../testdata/volume1.json", ris.Options{Accessed: accessed}, true},
	{"volume1-edbook.ris", "../../testdata/volume1.json", ris.Options{EditedBook: true}, true},
	{"1934-12-31.ris", "../../testdata/1934-12-31.json", ris.Options{Accessed: accessed}, false},
	{"letter-litvinov.ris", "../../testdata/letter-litvinov.json", ris.Options{Accessed: accessed}, false},
	{"memo-approximate-manuscript.ris", "../../testdata/memo-approximate.json", ris.Options{Kind: ris.KindManuscript}, false},
	{"edge-letter.ris", "testdata/edge-letter.json", ris.Options{Accessed: accessed, Notes: []string{"Exported for a test;\r\nsecond line"}}, false},
}

func TestGolden(t *testing.T) {
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			if _, err := os.Stat(g.fixture); os.IsNotExist(err) {
				t.Skipf("fixture %s not present", g.fixture)
			}
			file := readFixture(t, g.fixture)
			var buf bytes.Buffer
			n := len(file.Documents)
			if g.volume {
				rec, err := ris.VolumeRecord(file.Volume, g.opts)
				require.NoError(t, err)
				require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
				n = 1
			} else {
				require.NoError(t, ris.Write(&buf, file, g.opts))
			}
			checkShape(t, buf.Bytes(), n)
			path := filepath.Join("testdata", g.name)
			if *update {
				require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update to create the golden file")
			require.Equal(t, string(want), buf.String())
		})
	}
}

// TestRoundTrip writes every document of every fixture in every record
// kind and name form, reads it back and checks each mapped field against
// the model.
func TestRoundTrip(t *testing.T) {
	kinds := []ris.Kind{ris.KindAuto, ris.KindChapter, ris.KindManuscript, ris.KindLetter}
	forms := []ris.NameForm{ris.NameKnownAs, ris.NameArchive}
	docs := 0
	for _, path := range fixtures(t) {
		file := readFixture(t, path)
		for _, d := range file.Documents {
			for _, kind := range kinds {
				for _, form := range forms {
					opts := ris.Options{Kind: kind, Names: form, Accessed: accessed, Notes: []string{"extra note"}}
					rec, err := ris.DocumentRecord(d, file.Volume, opts)
					require.NoError(t, err)
					var buf bytes.Buffer
					require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
					checkShape(t, buf.Bytes(), 1)
					refs, err := ris.ReadReferences(&buf)
					require.NoError(t, err)
					require.Len(t, refs, 1)
					checkReference(t, path+" "+d.ID, refs[0], d, file.Volume, opts)
				}
			}
			docs++
		}
	}
	require.GreaterOrEqual(t, docs, 3)
}

func checkReference(t *testing.T, name string, ref ris.Reference, d *maisky.Document, vol *maisky.Volume, opts ris.Options) {
	t.Helper()
	a := assert.New(t)
	kind := opts.Kind
	if kind == ris.KindAuto {
		kind = ris.KindChapter
		if len(d.Recipients) > 0 {
			kind = ris.KindLetter
		}
	}
	wantType := map[ris.Kind]string{ris.KindChapter: "CHAP", ris.KindManuscript: "MANSCPT", ris.KindLetter: "PCOMM"}[kind]
	a.Equal(wantType, ref.Type, name)

	// The title holds the archive's title and the date.
	a.Equal(ris.Fold(ris.EntryTitle(d)), ref.Title, name)
	for _, word := range strings.Fields(d.Title) {
		a.Contains(ref.Title, word, name)
	}
	if d.Date.Year > 0 {
		a.Contains(ref.Title, strconv.Itoa(d.Date.Year), name)
	}
	a.Equal(people(d.Authors, opts.Names), ref.Authors, name+" authors")
	a.Equal(ris.Fold(d.Permalink), ref.URL, name)
	a.Equal(maisky.Date{Year: 2024, Month: 5, Day: 1}, ref.Accessed, name)
	a.Equal(expectKeywords(d.Keywords), ref.Keywords, name)
	a.Equal(ris.Fold(d.Description), ref.Abstract, name)
	a.Contains(ref.Notes, "extra note", name)
	if vol != nil {
		a.Equal(vol.Archive.Name, ref.Database, name)
		a.Equal(vol.Archive.Publisher, ref.Provider, name)
	} else {
		a.Empty(ref.Database, name)
	}

	switch kind {
	case ris.KindChapter:
		span, ok := d.PageSpan()
		if ok {
			a.Equal(span, ref.Pages, name)
		} else {
			a.Zero(ref.Pages, name)
		}
		a.Zero(ref.Date, name)
		if vol != nil {
			a.Equal(vol.Title, ref.SecondaryTitle, name)
			a.Equal(vol.Number, ref.Volume, name)
			a.Equal(vol.Year, ref.Year, name)
			a.Equal(people(vol.Editors, opts.Names), ref.Editors, name)
			a.Equal(people(vol.Translators, opts.Names), ref.Translators, name)
			a.Equal(vol.Publisher, ref.Publisher, name)
			a.Equal(vol.Place, ref.Place, name)
			a.Equal(vol.ISBN, ref.ISBN, name)
		}
		if tr := d.Translation(); tr != nil {
			a.Equal(tr.Lang, ref.Language, name)
		}
		if d.Repository != "" {
			a.Contains(ref.Notes[0], ris.Fold(d.Repository), name)
		}
		if d.ArchiveID != "" {
			a.Contains(ref.Notes[0], ris.Fold(d.ArchiveID), name)
		}
	case ris.KindManuscript, ris.KindLetter:
		a.Equal(d.Date, ref.Date, name+" date")
		a.Equal(d.Date.Year, ref.Year, name)
		a.Equal(ris.Fold(d.ArchiveID), ref.ArchiveID, name)
		a.Zero(ref.Pages, name)
		if tr := d.Transcription(); tr != nil && tr.Lang != "" {
			a.Equal(tr.Lang, ref.Language, name)
		}
		if len(d.Recipients) > 0 {
			a.Equal("Letter", ref.Genre, name)
		} else {
			a.Equal("Diary", ref.Genre, name)
		}
		if kind == ris.KindManuscript {
			a.Equal(ris.Fold(d.Repository), ref.Publisher, name)
			a.Empty(ref.Recipients, name)
		} else {
			a.Equal(people(d.Recipients, opts.Names), ref.Recipients, name+" recipients")
			a.Empty(ref.Publisher, name)
		}
	}
}

// people is the expected reading of written names: "Family, Given" in the
// chosen form, read back as Family and Given.
func people(ps []maisky.Person, form ris.NameForm) []maisky.Person {
	var out []maisky.Person
	for _, p := range ps {
		q := maisky.Person{Family: p.Family, Given: p.Given}
		if form == ris.NameKnownAs && p.Pseudonym != "" {
			given, _, _ := strings.Cut(p.Given, " ")
			q = maisky.Person{Family: p.Pseudonym, Given: given}
		}
		out = append(out, q)
	}
	return out
}

func TestEntryTitle(t *testing.T) {
	cases := []struct {
		title string
		date  maisky.Date
		want  string
	}{
		{"31 December", maisky.Date{Year: 1934, Month: 12, Day: 31}, "31 December 1934"},
		{"1 March (2)", maisky.Date{Year: 1935, Month: 3, Day: 1}, "1 March 1935 (2)"},
		{"PS 1 October", maisky.Date{Year: 1938, Month: 10, Day: 1}, "PS 1 October 1938"},
		{"27 October 1937", maisky.Date{Year: 1937, Month: 10, Day: 27}, "27 October 1937"},
		{"11 March", maisky.Date{Year: 1935, Month: 3, Day: 1}, "11 March, 1 March 1935"},
		{"3 January", maisky.Date{Year: 1935, Month: 1, Day: 3, Approximate: true}, "ca. 3 January 1935"},
		{"3 January", maisky.Date{Year: 1935, Month: 1, Day: 3, Uncertain: true}, "3 January 1935?"},
		{"Press note", maisky.Date{Year: 1935, Month: 1}, "Press note, January 1935"},
		{"January", maisky.Date{Year: 1935, Month: 1}, "January 1935"},
		{"Memo", maisky.Date{Year: 1935}, "Memo, 1935"},
		{"Memo", maisky.Date{}, "Memo"},
		{"", maisky.Date{Year: 1935, Month: 1, Day: 3}, "3 January 1935"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, ris.EntryTitle(&maisky.Document{Title: c.title, Date: c.date}), c.title)
	}
	assert.Equal(t, "", ris.EntryTitle(nil))
}

func TestFileName(t *testing.T) {
	cases := map[string]string{
		"maisky-1934-12-31":      "maisky-1934-12-31.ris",
		"":                       "document.ris",
		"../../etc/passwd":       "etc-passwd.ris",
		"Майский 1934":           "1934.ris",
		"a b\r\nc":               "a-b-c.ris",
		strings.Repeat("x", 300): strings.Repeat("x", 100) + ".ris",
		"...":                    "document.ris",
	}
	for id, want := range cases {
		assert.Equal(t, want, ris.FileName(&maisky.Document{ID: id}), id)
	}
	assert.Equal(t, "document.ris", ris.FileName(nil))
}

func TestMappingNil(t *testing.T) {
	_, err := ris.DocumentRecord(nil, nil, ris.Options{})
	require.ErrorIs(t, err, ris.ErrNoDocument)
	_, err = ris.VolumeRecord(nil, ris.Options{})
	require.ErrorIs(t, err, ris.ErrNoDocument)
	require.ErrorIs(t, ris.Write(&bytes.Buffer{}, nil, ris.Options{}), ris.ErrNoDocument)
}

func TestVolumeRecordRoundTrip(t *testing.T) {
	file := readFixture(t, "../../testdata/volume1.json")
	vol := file.Volume
	for _, edited := range []bool{false, true} {
		rec, err := ris.VolumeRecord(vol, ris.Options{EditedBook: edited, Accessed: accessed})
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
		refs, err := ris.ReadReferences(&buf)
		require.NoError(t, err)
		require.Len(t, refs, 1)
		ref := refs[0]
		if edited {
			assert.Equal(t, "EDBOOK", ref.Type)
		} else {
			assert.Equal(t, "BOOK", ref.Type)
		}
		assert.Equal(t, vol.Title, ref.Title)
		assert.Empty(t, ref.Authors)
		assert.Equal(t, people(vol.Editors, 0), ref.Editors)
		assert.Equal(t, people(vol.Translators, 0), ref.Translators)
		assert.Equal(t, vol.Number, ref.Volume)
		assert.Equal(t, vol.Year, ref.Year)
		assert.Equal(t, vol.Publisher, ref.Publisher)
		assert.Equal(t, vol.Place, ref.Place)
		assert.Equal(t, vol.ISBN, ref.ISBN)
		assert.Equal(t, vol.Archive.URL, ref.URL)
		assert.Equal(t, vol.Archive.Name, ref.Database)
		assert.Equal(t, maisky.Date{Year: 2024, Month: 5, Day: 1}, ref.Accessed)
	}
}

func TestDocumentRecordIgnoresOtherVolume(t *testing.T) {
	file := readFixture(t, "../../testdata/volume1.json")
	d := *file.Documents[0]
	d.Volume = "another-volume"
	rec, err := ris.DocumentRecord(&d, file.Volume, ris.Options{})
	require.NoError(t, err)
	assert.Empty(t, rec.Values("T2"))
	assert.Empty(t, rec.Values("A2"))
	d.Volume = ""
	rec, err = ris.DocumentRecord(&d, file.Volume, ris.Options{})
	require.NoError(t, err)
	assert.Equal(t, file.Volume.Title, rec.Value("T2"), "a document without a volume ID takes the given volume")
}
