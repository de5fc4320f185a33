package ris_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/internal/fixture"
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
	// Every golden file is written by an entry of the table: none goes
	// stale unchecked, and a missing one fails below.
	onDisk, err := filepath.Glob(filepath.Join("testdata", "*.ris"))
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, g := range goldens {
		listed[filepath.Join("testdata", g.name)] = true
	}
	for _, p := range onDisk {
		assert.True(t, listed[p], "%s is not in the goldens table", p)
	}
	if !*update {
		require.Len(t, onDisk, len(goldens), "a golden file is missing: run go test -update")
	}
	for _, g := range goldens {
		t.Run(g.name, func(t *testing.T) {
			file := fixture.ReadPath(t, g.fixture)
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

// TestRoundTrip writes every document of every fixture in every form,
// record kind and name form, reads it back with ReadItems and checks that
// it is the document's citation item: the one mapping (cite.FromDocument)
// that the citation and the CSL-JSON show, as RIS keeps it.
func TestRoundTrip(t *testing.T) {
	kinds := []ris.Kind{ris.KindAuto, ris.KindChapter, ris.KindManuscript, ris.KindLetter}
	names := []ris.NameForm{ris.NameKnownAs, ris.NameArchive}
	docs := 0
	for _, path := range fixtures(t) {
		file := fixture.ReadPath(t, path)
		for _, d := range file.Documents {
			for _, form := range []cite.Form{cite.Print, cite.Archive} {
				for _, vol := range []*maisky.Volume{file.Volume, nil} {
					for _, kind := range kinds {
						for _, nf := range names {
							opts := ris.Options{Form: form, Kind: kind, Names: nf, Accessed: accessed, ArchiveName: "Stalin Digital Archive"}
							name := fmt.Sprintf("%s %s form %d kind %d names %d volume %v", path, d.ID, form, kind, nf, vol != nil)
							rec, err := ris.DocumentRecord(d, vol, opts)
							require.NoError(t, err)
							var buf bytes.Buffer
							require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
							checkShape(t, buf.Bytes(), 1)
							got, err := ris.ReadItems(&buf)
							require.NoError(t, err)
							require.Len(t, got, 1)
							want, err := cite.FromDocument(d, vol, opts.CiteOptions())
							require.NoError(t, err)
							switch kind {
							case ris.KindManuscript:
								want.Type = "manuscript"
								want.Recipient = nil
							case ris.KindLetter:
								want.Type = "personal_communication"
								want.Editor = nil
							}
							kept := risKept(want, 0, false)
							assert.Equal(t, kept, got[0], name)
							if strings.HasPrefix(path, "../../testdata/") {
								assert.Equal(t, want, kept, "%s: RIS keeps every field of the item", name)
							}
						}
					}
				}
			}
			docs++
		}
	}
	require.GreaterOrEqual(t, docs, 3)
}

// TestDocumentRecordFields pins what the records of the real entries hold.
func TestDocumentRecordFields(t *testing.T) {
	memo := fixture.Read(t, "memo-approximate.json").Documents[0]
	vol := fixture.Read(t, "volume1.json").Volume

	// The approximate memo: the title the citation shows, no "ca.".
	rec, err := ris.DocumentRecord(memo, vol, ris.Options{})
	require.NoError(t, err)
	assert.Equal(t, "CHAP", rec.Type)
	assert.Equal(t, memo.Title, rec.Value("TI"))
	assert.Empty(t, rec.Values("UR"), "the printed chapter's item has no URL")
	assert.Empty(t, rec.Values("DB"))

	// Named volume, not given: the archive's document, with date and archive.
	rec, err = ris.DocumentRecord(memo, nil, ris.Options{ArchiveName: "Stalin Digital Archive"})
	require.NoError(t, err)
	assert.Equal(t, "MANSCPT", rec.Type)
	assert.Equal(t, "1935/01/03/approximate", rec.Value("DA"))
	assert.Equal(t, "1935", rec.Value("PY"))
	assert.Equal(t, "Stalin Digital Archive", rec.Value("DB"))
	assert.Equal(t, memo.Title, rec.Value("TI"))

	// The archive's names keep the pseudonym.
	rec, err = ris.DocumentRecord(memo, vol, ris.Options{Names: ris.NameArchive})
	require.NoError(t, err)
	assert.Equal(t, []string{"Liakhovetsky, Ivan Mikhailovich (Maisky)"}, rec.Values("AU"))

	// A title that folds to nothing: no TI, no stray comma.
	d := *memo
	d.Title = "\u0007\t "
	rec, err = ris.DocumentRecord(&d, nil, ris.Options{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
	assert.NotContains(t, buf.String(), "TI  -")
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
	file := fixture.Read(t, "volume1.json")
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
	file := fixture.Read(t, "volume1.json")
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
