package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A fixture of our own in the suite's format.
const ownFixture = `>>===== MODE =====>>
citation
<<===== MODE =====<<

>>===== RESULT =====>>
this line is ignored
<<===== RESULT =====<<

>>===== CSL =====>>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2026-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true">
    <layout prefix="(" suffix=")" delimiter="; ">
      <group delimiter=" ">
        <names variable="author"><name form="short"/></names>
        <date variable="issued"><date-part name="year"/></date>
      </group>
    </layout>
  </citation>
</style>
<<===== CSL =====<<

>>===== INPUT =====>>
[{"id": "a", "type": "book", "author": [{"family": "Maisky", "given": "Ivan"}], "issued": {"date-parts": [[1934]]}},
 {"id": "b", "type": "book", "author": [{"family": "Maisky", "given": "Ivan"}], "issued": {"date-parts": [[1934]]}}]
<<===== INPUT =====<<
`

func TestCSLFixture(t *testing.T) {
	path := filepath.Join(t.TempDir(), "own_Fixture.txt")
	require.NoError(t, os.WriteFile(path, []byte(ownFixture), 0o644))
	code, out, errs := runCmd("csl-fixture", path)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "(Maisky 1934a; Maisky 1934b)\n", out)

	code, out, errs = runCmd("csl-fixture")
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "want one FILE")

	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte(strings.Replace(ownFixture, "</style>", "", 1)), 0o644))
	code, out, errs = runCmd("csl-fixture", bad)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "line")
}

// TestCSLFixtureSuite runs a fixture of the official suite with its
// locales, as CLI.md gives the command.
func TestCSLFixtureSuite(t *testing.T) {
	dir := "../../../shared/csl/test-suite/humans"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	code, out, errs := runCmd("csl-fixture", "-locales", "../../../shared/csl/locales", filepath.Join(dir, "name_AfterInvertedName.txt"))
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "DOEBUCK, Jonathan, et al.; DOE, John, Jane ROE et al.; DOE, John, Janice ROEBUCK et al.\nAPPLEBY, Aloysius, and Bobby BROWN; APPLEBY, Aloysius, Bobby BROWN and Cecile CREAM; APPLEBY, Aloysius, Bobby BROWN and Enola EVERGREEN\n", out)
}

// TestCiteStyleFile: the official style file, run by cite/csl, gives what
// citeproc-js gives (the same expectations as the built-in style).
func TestCiteStyleFile(t *testing.T) {
	style := "../../../shared/csl/chicago-notes-bibliography.csl"
	if _, err := os.Stat(style); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	code, out, errs := runCmd("cite", "-style", style, "-mode", "first", "-locator", "60",
		"-format", "html", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, note31DecHTM+"\n", out)

	code, out, errs = runCmd("cite", "-style", style, "-locales", "../../../shared/csl/locales", "-mode", "first", "-locator", "60",
		"-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, note31Dec+"\n", out)

	code, _, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-locales", "x", "-mode", "first", "../../testdata/volume1.json")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "-locales goes with -style FILE.csl")

	code, out, errs = runCmd("cite", "-style", "missing.csl", "-mode", "first", "../../testdata/volume1.json")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "missing.csl")
}
