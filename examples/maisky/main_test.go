package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runCmd runs the command line and returns its exit status, stdout and
// stderr.
func runCmd(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestPages(t *testing.T) {
	code, out, errs := runCmd("pages", "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2+15, out)
	assert.Contains(t, lines[0], "pages 58–72")
	assert.Contains(t, lines[0], "15 pages")
	assert.Regexp(t, `^58\s+partial\s+\d+\s+\d+ \(1–\d+\)$`, lines[2])
	assert.Regexp(t, `^71\s+blank\s+0\s+-$`, lines[2+13])
	assert.Regexp(t, `^72\s+full\s+\d+`, lines[2+14])
}

func TestPagesOfVolumeAndOneDocument(t *testing.T) {
	code, out, errs := runCmd("pages", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "maisky-1934-12-18\t18 December\tpages 53–54")
	assert.Contains(t, out, "maisky-1934-12-31\t31 December\tpages 58–72")

	code, out, errs = runCmd("pages", "-doc", "maisky-1934-12-18", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "pages 53–54")
	assert.NotContains(t, out, "58–72")

	code, out, errs = runCmd("pages", "-doc", "nope", "../../testdata/volume1.json")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr")
	assert.Contains(t, errs, `no document with id "nope"`)
}

func TestTOC(t *testing.T) {
	code, out, errs := runCmd("toc", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, "The Complete Maisky Diaries: Volume 1\t246 entries", lines[0])
	require.Len(t, lines, 2+246)
	assert.Regexp(t, `\n37\s+31 December\s+maisky-1934-12-31\s+1934-12-31\s+maisky-1934-12-27\s+maisky-1935-01-08\n`, out)
	assert.Contains(t, out, "1 March (1)")
	assert.Contains(t, out, "PS 1 October")
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "usage"},
		{[]string{"nope"}, 2, "unknown command"},
		{[]string{"pages"}, 2, "want one FILE"},
		{[]string{"pages", "-x", "f"}, 2, "flag provided but not defined"},
		{[]string{"pages", "missing.json"}, 1, "missing.json"},
		{[]string{"toc", "../../testdata/1934-12-18.json"}, 1, "not a volume"},
		{[]string{"pages", "main.go"}, 1, "line 1, column 1"},
	} {
		code, out, errs := runCmd(tc.args...)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Empty(t, out, tc.args)
		assert.Contains(t, errs, tc.msg, tc.args)
	}
	code, out, _ := runCmd("pages", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "-doc")
}
