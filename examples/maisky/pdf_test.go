package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pdfPages parses a PDF and returns its number of pages.
func pdfPages(t *testing.T, b []byte) int {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	return r.NumPage()
}

func TestPDF(t *testing.T) {
	code, out, errs := runCmd("pdf", "-pages", "59–68", "-accept-terms", "-by", "Ada Lovelace",
		"-terms-version", "2024-05", "-date", "2026-11-21", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	assert.True(t, strings.HasPrefix(out, "%PDF-"))
	assert.Equal(t, 10, pdfPages(t, []byte(out)))
	assert.Contains(t, out, "/CreationDate (D:20261121000000)")

	// The same command gives the same bytes.
	_, again, _ := runCmd("pdf", "-pages", "59-68", "-accept-terms", "-by", "Ada Lovelace",
		"-terms-version", "2024-05", "-date", "2026-11-21", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	assert.Equal(t, out, again)
}

func TestPDFToFile(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.pdf")
	code, out, errs := runCmd("pdf", "-pages", "53–54", "-accept-terms", "-by", "Ирина Петрова", "-date", "2026-03-01",
		"-paper", "letter", "-volume", "../../testdata/volume1.json", "-o", name, "../../testdata/1934-12-18.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, out)
	assert.Empty(t, errs)
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	assert.Equal(t, 2, pdfPages(t, b))
	assert.Contains(t, string(b), "/MediaBox [0 0 612.00 792.00]")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")
}

func TestPDFErrors(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "out.pdf")
	vol := "../../testdata/volume1.json"
	doc := "../../testdata/1934-12-31.json"
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-pages", "58–72", "-accept-terms", "-by", "Ada", doc}, 1, "pages 58–72 are 15 pages; at most 10 can be printed at a time"},
		{[]string{"-pages", "59–68", doc}, 1, "must be accepted; add -accept-terms and -by NAME"},
		{[]string{"-pages", "59–68", "-by", "Ada", doc}, 1, "must be accepted"},
		{[]string{"-pages", "59–68", "-accept-terms", doc}, 1, "add -by NAME"},
		{[]string{"-pages", "70–75", "-accept-terms", "-by", "Ada", doc}, 1, "page 75 is not in the document; the document has pages 58–72"},
		{[]string{"-pages", "59–60", "-accept-terms", "-by", "Ada", vol}, 2, "choose one with -doc ID"},
		{[]string{"-pages", "59–60", "-accept-terms", "-by", "Ada", "-doc", "nope", vol}, 1, `no document with id "nope"`},
		{[]string{"-pages", "59–60", "-accept-terms", "-by", "Ada", "-style", "apa", doc}, 2, "unknown style"},
		{[]string{"-pages", "68–59", "-accept-terms", "-by", "Ada", doc}, 2, "reversed"},
		{[]string{"-pages", "sixty", "-accept-terms", "-by", "Ada", doc}, 2, "-pages"},
		{[]string{"-accept-terms", "-by", "Ada", doc}, 2, "-pages is required"},
		{[]string{"-pages", "59", "-accept-terms", "-by", "Ada", "-date", "21/11/2026", doc}, 2, "-date"},
		{[]string{"-pages", "59", "-accept-terms", "-by", "Ada", "-paper", "a3", doc}, 2, "allowed are a4 and letter"},
		{[]string{"-pages", "59", "-accept-terms", "-by", "Ada"}, 2, "want one FILE"},
		{[]string{"-pages", "59", "-accept-terms", "-by", "Ada", "-volume", doc, doc}, 1, "not a volume file"},
	} {
		args := append([]string{"pdf", "-o", name}, tc.args...)
		code, out, errs := runCmd(args...)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Empty(t, out, tc.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr: %q", errs)
		assert.Contains(t, errs, tc.msg, tc.args)
		_, err := os.Stat(name)
		assert.True(t, os.IsNotExist(err), "no -o file on an error: %v", tc.args)
	}
	// Without -o, nothing goes to standard output either.
	code, out, errs := runCmd("pdf", "-pages", "58–72", "-accept-terms", "-by", "Ada", doc)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "maisky: pdf: pages 58–72 are 15 pages; at most 10 can be printed at a time\n", errs)
}
