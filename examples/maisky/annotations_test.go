package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const annoFile = "../../annotate/testdata/export-mod.jsonld"

func TestAnnotationsJSONLD(t *testing.T) {
	// The moderator's export holds public annotations, a spam one and a
	// Cyrillic one on another document.
	code, out, errs := runCmd("annotations", "-viewer", "carol", "-format", "jsonld", annoFile, "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"type": "AnnotationCollection"`)
	assert.Contains(t, out, "Buy cheap watches", "carol sees her own spam")
	assert.NotContains(t, out, "Одним", "another document's annotation")

	code, out, errs = runCmd("annotations", "-viewer", "dave", "-format", "jsonld", "../../testdata/1934-12-31.json", "-doc", "maisky-1934-12-31")
	assert.Equal(t, 2, code, errs)
	assert.Empty(t, out)

	code, out, _ = runCmd("annotations", "-viewer", "dave", "-format", "jsonld", annoFile, "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "Buy cheap watches", "dave does not see spam")
	assert.Contains(t, out, "Austen Chamberlain")
}

func TestAnnotationsPrivacy(t *testing.T) {
	all := "../../annotate/testdata/export-alice.jsonld" // alice's view: private and group ones too
	code, out, errs := runCmd("annotations", "-viewer", "", "-format", "markdown", all, "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.NotContains(t, out, "Only for me", "alice's private note")
	assert.NotContains(t, out, "For the seminar", "the seminar's note")
	assert.Contains(t, out, "Compare his report")

	code, out, errs = runCmd("annotations", "-viewer", "zoe", "-groups", "seminar", "-format", "markdown", all, "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "For the seminar")
	assert.Contains(t, out, "Agreed; see also 1 March.")
	assert.NotContains(t, out, "Only for me")
	assert.Contains(t, out, "## Page 58")
	assert.Contains(t, out, "Maisky, Ivan. “31 December")
}

func TestAnnotationsErrors(t *testing.T) {
	dir := t.TempDir()
	notAnno := filepath.Join(dir, "x.jsonld")
	require.NoError(t, os.WriteFile(notAnno, []byte(`{"@context": "https://schema.org", "type": "Person"}`), 0o644))
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"annotations", "-format", "jsonld", annoFile, "../../testdata/1934-12-31.json"}, 2, "-viewer"},
		{[]string{"annotations", "-viewer", "a", "-format", "pdf", annoFile, "../../testdata/1934-12-31.json"}, 2, "jsonld or markdown"},
		{[]string{"annotations", "-viewer", "a", "-format", "jsonld", notAnno, "../../testdata/1934-12-31.json"}, 1, "not a W3C Web Annotation"},
		{[]string{"annotations", "-viewer", "a", "-format", "jsonld", annoFile, "../../testdata/volume1.json"}, 2, "-doc"},
		{[]string{"annotations", "-viewer", "a", "-format", "jsonld", "-doc", "nope", annoFile, "../../testdata/volume1.json"}, 1, "nope"},
		{[]string{"annotations", "-viewer", "a", "-format", "jsonld", "sqlite:x.db", "../../testdata/1934-12-31.json"}, 1, "store"},
		{[]string{"annotations", "-viewer", "a", "-format", "markdown", "-style", "apa", annoFile, "../../testdata/1934-12-31.json"}, 2, "apa"},
	} {
		code, out, errs := runCmd(c.args...)
		assert.Equal(t, c.code, code, "%v: %s", c.args, errs)
		assert.Empty(t, out, c.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
		assert.Contains(t, errs, c.msg, c.args)
	}
}
