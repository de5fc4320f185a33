package main

import (
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
	assert.Equal(t, "2024/05/01/", recs[1].Value("Y2"))
	assert.Equal(t, "PCOMM", recs[6].Type)
	assert.Equal(t, "Litvinov, Maxim Maksimovich", recs[6].Value("A2"))
	assert.Equal(t, "1934/11/10/", recs[6].Value("DA"))

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
		assert.Equal(t, "Liakhovetsky, Ivan Mikhailovich", rec.Value("AU"))
		assert.Empty(t, rec.Values("Y2"))
	}
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
