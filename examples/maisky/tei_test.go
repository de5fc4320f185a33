package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

// runTEICmd calls runTEI with buffers.
func runTEICmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := runTEI(args, &out, &errb)
	return code, out.String(), errb.String()
}

func readJSON(t *testing.T, data string) *maisky.File {
	t.Helper()
	f, err := maisky.Read(strings.NewReader(data))
	require.NoError(t, err)
	return f
}

func TestTEIDocumentAndBack(t *testing.T) {
	code, out, errs := runTEICmd("../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	assert.True(t, strings.HasPrefix(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
	assert.Contains(t, out, `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="e1934-12-31" n="31 December" xml:lang="en">`)
	assert.Contains(t, out, `<biblScope unit="page" from="58" to="72">58–72</biblScope>`)
	assert.Contains(t, out, `<pb n="71"/>`+"\n          "+`<pb n="72"/>`)

	// Same bytes as the library's golden file.
	golden, err := os.ReadFile("../../export/tei/testdata/1934-12-31.xml")
	require.NoError(t, err)
	assert.Equal(t, string(golden), out)

	// tei -read gives back the document, as canonical maisky/1 JSON.
	xmlFile := filepath.Join(t.TempDir(), "entry.xml")
	require.NoError(t, os.WriteFile(xmlFile, []byte(out), 0o644))
	code, js, errs := runTEICmd("-read", xmlFile)
	require.Equal(t, 0, code, errs)
	want, err := os.ReadFile("../../testdata/1934-12-31.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), js)
}

func TestTEIVolumeAsCorpus(t *testing.T) {
	code, out, errs := runTEICmd("-date", "2026-11-21", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\">")
	assert.Contains(t, out, `<date when="2026-11-21">2026-11-21</date>`)
	assert.Contains(t, out, `<TEI xml:id="e1935-03-01-2" n="1 March (2)" xml:lang="en">`)
	vol := readJSON(t, mustRead(t, "../../testdata/volume1.json"))
	assert.Equal(t, len(vol.Documents), strings.Count(out, "\n  <TEI "))

	xmlFile := filepath.Join(t.TempDir(), "volume.xml")
	require.NoError(t, os.WriteFile(xmlFile, []byte(out), 0o644))
	code, js, errs := runTEICmd("-read", xmlFile)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, vol, readJSON(t, js))
}

func TestTEIOneDocumentOfVolume(t *testing.T) {
	code, out, errs := runTEICmd("-doc", "maisky-1934-12-18", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `<title type="sub">The Complete Maisky Diaries: Volume 1</title>`)
	assert.Contains(t, out, `<editor role="translator"><persName><surname>Ready</surname>, <forename>Oliver</forename></persName></editor>`)
	assert.NotContains(t, out, "teiCorpus")

	code, out, errs = runTEICmd("-volume", "../../testdata/volume1.json", "../../testdata/1934-12-18.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `<publisher>Yale University Press</publisher>`)
}

func TestTEIErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	require.NoError(t, os.WriteFile(bad, []byte("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <teiHeader>\n</TEI>\n"), 0o644))
	foreign := filepath.Join(dir, "foreign.xml")
	require.NoError(t, os.WriteFile(foreign, []byte(`<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1"><teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt></fileDesc></teiHeader>
<text><body><p>Dear <persName>Ivan</persName>, all is well.</p><table/></body></text></TEI>`), 0o644))

	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "want one FILE"},
		{[]string{"-bogus", "x.json"}, 2, "flag provided but not defined"},
		{[]string{"-date", "21.11.2026", "../../testdata/1934-12-18.json"}, 2, "want a date such as"},
		{[]string{"-read", "-date", "2026-01-01", bad}, 2, "-read takes no"},
		{[]string{"-lenient", "../../testdata/1934-12-18.json"}, 2, "-lenient goes with -read"},
		{[]string{filepath.Join(dir, "missing.json")}, 1, "no such file"},
		{[]string{"-doc", "nope", "../../testdata/volume1.json"}, 1, `no document with id "nope"`},
		{[]string{"-volume", "../../testdata/1934-12-18.json", "../../testdata/1934-12-31.json"}, 1, "-volume needs a volume file"},
		{[]string{"-read", bad}, 1, "line 3, column 1: XML syntax error: element <teiHeader> closed by </TEI>"},
		{[]string{"-read", foreign}, 1, "not understood, first at line 2"},
	} {
		code, out, errs := runTEICmd(tc.args...)
		assert.Equal(t, tc.code, code, "%v: %s", tc.args, errs)
		assert.Empty(t, out, "%v", tc.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr: %q", errs)
		assert.Contains(t, errs, tc.msg, "%v", tc.args)
		assert.True(t, strings.HasPrefix(errs, "maisky"), errs)
	}

	// -lenient writes what was understood and lists what was skipped.
	code, out, errs := runTEICmd("-read", "-lenient", foreign)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "/TEI/text/body/p/persName: <persName> read as its text")
	assert.Contains(t, errs, "/TEI/text/body/table: element <table> skipped")
	f := readJSON(t, out)
	require.Len(t, f.Documents, 1)
	assert.Equal(t, "d1", f.Documents[0].ID)
	assert.Equal(t, "A letter", f.Documents[0].Title)
	assert.Equal(t, "Dear Ivan, all is well.", maisky.InlineText(f.Documents[0].Translation().Blocks[0].Inlines()))
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}
