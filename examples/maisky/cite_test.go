package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/cite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected citations of the 31 December entry and the Litvinov letter
// are citeproc-js's (../shared/csl/examples.json): the documents map to the
// same CSL items as the official examples.
const (
	note31Dec    = "Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60."
	note31DecHTM = "Ivan Maisky, “31 December 1934,” in <i>The Complete Maisky Diaries</i>, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60."
	letterNote   = "Ivan Maisky, letter to Maxim Litvinov, November 10, 1934, 2, Stalin Digital Archive, https://www.stalindigitalarchive.com/frontend/node/100301."
	letterMLA    = "Maisky, Ivan. Letter. 10 Nov. 1934, Stalin Digital Archive, https://www.stalindigitalarchive.com/frontend/node/100301."
)

func TestCiteVolumeNotes(t *testing.T) {
	code, out, errs := runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first", "-locator", "60", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	require.Len(t, lines, 6, "one citation per document, in input order")
	assert.Equal(t, note31Dec, lines[1])
	assert.Contains(t, lines[0], "“18 December 1934,”")

	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first", "-locator", "60",
		"-format", "html", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, note31DecHTM+"\n", out)

	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "subsequent", "-locator", "103-104",
		"-format", "markdown", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "Maisky, “31 December 1934,” 103–4.\n", out)
}

func TestCiteArchiveForm(t *testing.T) {
	code, out, errs := runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first", "-locator", "2",
		"-form", "archive", "-accessed", "2024-05-14", "../../testdata/letter-litvinov.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, letterNote+"\n", out)

	code, out, errs = runCmd("cite", "-style", "modern-language-association", "-mode", "bibliography",
		"-form", "archive", "../../testdata/letter-litvinov.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, letterMLA+"\n", out)

	code, out, errs = runCmd("cite", "-style", "chicago-author-date", "-mode", "first", "-form", "archive",
		"-archive-names", "../../testdata/memo-approximate.json")
	require.Equal(t, 0, code, errs)
	// The archive's names: the family name alone in text (citeproc-js
	// gives the same for the same item).
	assert.Equal(t, "(Liakhovetsky [1935?])\n", out)
}

// TestCiteVolumeFlag: a document file that names its volume cites the
// archive form without it (with the archive's name), the printed chapter
// with -volume.
func TestCiteVolumeFlag(t *testing.T) {
	code, out, errs := runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "bibliography", "../../testdata/memo-approximate.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "Maisky, Ivan. “Labour Protest against Death Sentences in the USSR.” Diary entry. [January 3, 1935?]. Stalin Digital Archive. https://www.stalindigitalarchive.com/frontend/node/100302.\n", out)
	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first", "-locator", "60",
		"-volume", "../../testdata/volume1.json", "../../testdata/memo-approximate.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "Ivan Maisky, “Labour Protest against Death Sentences in the USSR,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60.\n", out)

	code, _, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first",
		"-volume", "../../testdata/memo-approximate.json", "../../testdata/memo-approximate.json")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "not a volume")
	code, _, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first",
		"-volume", "../../testdata/volume1.json", "../../testdata/volume1.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "volume file already")

	code, out, errs = runCmd("csljson", "-volume", "../../testdata/volume1.json", "../../testdata/memo-approximate.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"type":"chapter"`)
	assert.Contains(t, out, `"container-title":"The Complete Maisky Diaries"`)
}

func TestCiteCSL(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "items.json")
	items := `[{"id":"a","type":"book","title":"The Complete Maisky Diaries","author":[{"family":"Maisky","given":"Ivan"}],"volume":"1","publisher":"Yale University Press","issued":{"date-parts":[[2017]]}},
{"id":"b","type":"manuscript","title":"31 December","genre":"diary entry","author":[{"family":"Maisky","given":"Ivan"}],"issued":{"date-parts":[[1934,12,31]]}}]`
	require.NoError(t, os.WriteFile(name, []byte(items), 0o600))
	code, out, errs := runCmd("cite", "-style", "modern-language-association", "-mode", "first", "-locator", "4",
		"-label", "chapter", "-csl", name)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "(Maisky, ch. 4)\n(Maisky, ch. 4)\n", out)

	code, out, errs = runCmd("cite", "-style", "chicago-author-date", "-mode", "bibliography", "-csl", name)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "Maisky, Ivan. 2017. The Complete Maisky Diaries. Vol. 1. Yale University Press.\n"+
		"Maisky, Ivan. 1934. “31 December.” Diary entry. December 31.\n", out)

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`[{"id":"x","type":"book"},{"id":"y","issued":{"date-parts":[[1934,"Dec"]]}}]`), 0o600))
	code, out, errs = runCmd("cite", "-style", "chicago-author-date", "-mode", "first", "-csl", bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr")
	assert.Contains(t, errs, "items[1].issued.date-parts[0][1]")
}

func TestCiteErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-style", "apa", "-mode", "first", "x.json"}, 2, "styles are chicago-notes-bibliography"},
		{[]string{"-mode", "first", "x.json"}, 2, "-style is required"},
		{[]string{"-style", "chicago-author-date", "x.json"}, 2, "-mode is required"},
		{[]string{"-style", "chicago-author-date", "-mode", "last", "x.json"}, 2, "modes are bibliography, first, subsequent"},
		{[]string{"-style", "chicago-author-date", "-mode", "first", "-format", "pdf", "x.json"}, 2, "formats are text, html, markdown"},
		{[]string{"-style", "chicago-author-date", "-mode", "first", "-label", "leaf", "-locator", "2", "x.json"}, 2, "labels are"},
		{[]string{"-style", "chicago-author-date", "-mode", "bibliography", "-locator", "2", "x.json"}, 2, "-locator is for citations"},
		{[]string{"-style", "chicago-author-date", "-mode", "first", "-accessed", "May 2024", "x.json"}, 2, "want a date YYYY-MM-DD"},
		{[]string{"-style", "chicago-author-date", "-mode", "first"}, 2, "want one FILE"},
		{[]string{"-style", "chicago-author-date", "-mode", "first", "../../testdata/missing.json"}, 1, "missing.json"},
		{[]string{"-style", "chicago-author-date", "-mode", "first", "-doc", "nope", "../../testdata/volume1.json"}, 1, `"nope"`},
	} {
		code, out, errs := runCmd(append([]string{"cite"}, tc.args...)...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errs)
		assert.Empty(t, out, "%v", tc.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr: %q", errs)
		assert.Contains(t, errs, tc.msg, "%v", tc.args)
	}
}

func TestCSLJSON(t *testing.T) {
	code, out, errs := runCmd("csljson", "../../testdata/volume1.json", "../../testdata/letter-litvinov.json")
	require.Equal(t, 0, code, errs)
	items, err := cite.ReadCSLJSON(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, items, 7)
	assert.Equal(t, "chapter", items[1].Type)
	assert.Equal(t, "31 December 1934", items[1].Title)
	assert.Equal(t, "58-72", items[1].Page)
	assert.Equal(t, "personal_communication", items[6].Type)
	assert.Equal(t, []cite.Name{{Family: "Litvinov", Given: "Maxim"}}, items[6].Recipient)

	code, out, errs = runCmd("csljson", "-form", "archive", "-accessed", "2024-05-14", "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	items, err = cite.ReadCSLJSON(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, items, 1)
	assert.Equal(t, "manuscript", items[0].Type)
	assert.Equal(t, "Stalin Digital Archive", items[0].Archive)
	assert.Equal(t, cite.DateParts{Year: 2024, Month: 5, Day: 14}, items[0].Accessed.From)

	code, out, errs = runCmd("csljson")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "want at least one FILE")
}
