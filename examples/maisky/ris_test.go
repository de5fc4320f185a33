package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
)

func TestRIS(t *testing.T) {
	code, out, errs := runCmd("ris", "-accessed", "2024-05-01", "../../testdata/volume1.json", "../../testdata/letter-litvinov.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	assert.False(t, strings.HasPrefix(out, "\ufeff"), "no BOM")
	assert.NotContains(t, strings.ReplaceAll(out, "\r\n", ""), "\n", "CRLF only")
	recs, err := ris.ReadRecords(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, recs, 7, "one record per document: six of the volume and the letter")
	assert.Equal(t, "CHAP", recs[1].Type)
	assert.Equal(t, "31 December 1934", recs[1].Value("TI"))
	assert.Equal(t, "Maisky, Ivan", recs[1].Value("AU"))
	assert.Equal(t, "Gorodetsky, Gabriel", recs[1].Value("A2"))
	assert.Equal(t, []string{"Sorokina, Tatiana", "Ready, Oliver"}, recs[1].Values("A4"))
	assert.Equal(t, "58", recs[1].Value("SP"))
	assert.Equal(t, "72", recs[1].Value("EP"))
	assert.Empty(t, recs[1].Values("Y2"), "the printed chapter has no access date")
	assert.Equal(t, "PCOMM", recs[6].Type)
	assert.Equal(t, "Litvinov, Maxim", recs[6].Value("A2"))
	assert.Equal(t, "1934/11/10/", recs[6].Value("DA"))
	assert.Equal(t, "2024/05/01/", recs[6].Value("Y2"))
	assert.Equal(t, "Stalin Digital Archive", recs[6].Value("DB"))

	// The same bytes as the library writes.
	code, again, _ := runCmd("ris", "-accessed", "2024-05-01", "../../testdata/volume1.json", "../../testdata/letter-litvinov.json")
	require.Equal(t, 0, code)
	assert.Equal(t, out, again, "deterministic")
}

func TestRISFlags(t *testing.T) {
	code, out, errs := runCmd("ris", "-kind", "manuscript", "-names", "archive", "-book", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	recs, err := ris.ReadRecords(strings.NewReader(out))
	require.NoError(t, err)
	require.Greater(t, len(recs), 1)
	assert.Equal(t, "BOOK", recs[0].Type)
	assert.Equal(t, "Gorodetsky, Gabriel", recs[0].Value("A3"))
	for _, rec := range recs[1:] {
		assert.Equal(t, "MANSCPT", rec.Type)
		assert.Equal(t, "Liakhovetsky, Ivan Mikhailovich (Maisky)", rec.Value("AU"), "the archive's names keep the pseudonym")
		assert.Empty(t, rec.Values("Y2"))
	}
}

// TestRISReadRoundTrip: document → ris → ris -read → CSL-JSON is what
// csljson writes with the same flags, for every fixture (the module's and
// export/ris's), in both forms (a document file alone is the archive's
// document; with -volume the printed chapter; -form archive), with and
// without the archive's names and an access date.
func TestRISReadRoundTrip(t *testing.T) {
	files, err := filepath.Glob("../../testdata/*.json")
	require.NoError(t, err)
	more, err := filepath.Glob("../../export/ris/testdata/*.json")
	require.NoError(t, err)
	files = append(files, more...)
	require.GreaterOrEqual(t, len(files), 8)
	const vol = "../../testdata/volume1.json"
	dir := t.TempDir()
	n := 0
	for _, f := range files {
		forms := [][]string{{}, {"-volume", vol}, {"-volume", vol, "-form", "archive"}}
		if f == vol {
			forms = [][]string{{}, {"-form", "archive"}}
		}
		for _, form := range forms {
			for _, names := range [][]string{nil, {"-archive-names"}} {
				for _, acc := range [][]string{nil, {"-accessed", "2024-05-14"}} {
					// The same flags for ris and csljson.
					flags := append(append(append([]string{}, form...), names...), acc...)
					code, rec, errs := runCmd(append(append([]string{"ris"}, flags...), f)...)
					require.Equal(t, 0, code, errs)
					name := filepath.Join(dir, "r.ris")
					require.NoError(t, os.WriteFile(name, []byte(rec), 0o600))
					code, got, errs := runCmd("ris", "-read", name)
					require.Equal(t, 0, code, errs)
					code, want, errs := runCmd(append(append([]string{"csljson"}, flags...), f)...)
					require.Equal(t, 0, code, errs)
					assert.Equal(t, want, got, "%s %v", f, flags)
					n++
				}
			}
		}
	}
	assert.GreaterOrEqual(t, n, 4*(2+3*7))
}

func TestRISRead(t *testing.T) {
	name := filepath.Join(t.TempDir(), "zotero.ris")
	// As Zotero and EndNote write: T1/JO/Y1 tags, an EndNote free-text date.
	data := "TY  - JOUR\nT1  - Soviet Ambassadors in London\nA1  - Hartley, Margaret\nJO  - Journal of Interwar Diplomacy\nVL  - 12\nIS  - 3\nSP  - 321\nEP  - 45\nY1  - 2009\nER  - \n\n" +
		"TY  - BOOK\nTI  - Diaries\nAU  - UNESCO\nDA  - Spring 1935\nSP  - 412\nER  - \n"
	require.NoError(t, os.WriteFile(name, []byte(data), 0o600))
	code, out, errs := runCmd("ris", "-read", name)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "[\n"+
		`{"id":"item-1","type":"article-journal","title":"Soviet Ambassadors in London","author":[{"family":"Hartley","given":"Margaret"}],"container-title":"Journal of Interwar Diplomacy","volume":"12","issued":{"date-parts":[[2009]]},"page":"321-45","issue":"3"},`+"\n"+
		`{"id":"item-2","type":"book","title":"Diaries","author":[{"literal":"UNESCO"}],"issued":{"raw":"Spring 1935"},"number-of-pages":"412"}`+"\n]\n", out)

	code, out, errs = runCmd("ris", "-read", "-form", "archive", name)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "-read takes no -form")
	code, _, errs = runCmd("ris", "-read", "missing.ris")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "missing.ris")
}

func TestRISErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"ris"}, 2, "want at least one FILE"},
		{[]string{"ris", "-kind", "journal", "../../testdata/volume1.json"}, 2, "want auto, chapter, manuscript or letter"},
		{[]string{"ris", "-names", "x", "../../testdata/volume1.json"}, 2, "want known or archive"},
		{[]string{"ris", "-accessed", "1 May 2024", "../../testdata/volume1.json"}, 2, "YYYY-MM-DD"},
		{[]string{"ris", "../../testdata/volume1.json", "missing.json"}, 1, "missing.json"},
		{[]string{"ris", "main.go"}, 1, "main.go"},
	} {
		code, out, errs := runCmd(tc.args...)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Empty(t, out, "nothing on stdout after an error: %v", tc.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr: %v", tc.args)
		assert.Contains(t, errs, tc.msg, tc.args)
	}
	code, out, _ := runCmd("ris", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage: maisky ris")
}
