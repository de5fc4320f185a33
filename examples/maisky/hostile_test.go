package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	docFile = "../../testdata/1934-12-18.json"
	volFile = "../../testdata/volume1.json"
)

// pdfArgs prints pages 53–54 of docFile.
var pdfArgs = []string{"pdf", "-pages", "53–54", "-accept-terms", "-by", "Ada", "-date", "2026-03-01"}

// copyFile copies docFile to dir/name and returns its path and content.
func copyFile(t *testing.T, dir, name string) (string, []byte) {
	t.Helper()
	b, err := os.ReadFile(docFile)
	require.NoError(t, err)
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p, b
}

// oneLineError asserts a failure with status code, nothing on stdout and
// exactly one line on stderr containing msg.
func oneLineError(t *testing.T, code int, msg string, args ...string) string {
	t.Helper()
	got, out, errs := runCmd(args...)
	assert.Equal(t, code, got, "%q: %s", args, errs)
	assert.Empty(t, out)
	assert.Equal(t, 1, strings.Count(errs, "\n"), "one line on stderr: %q", errs)
	assert.True(t, strings.HasPrefix(errs, "maisky: "), errs)
	assert.Equal(t, 1, strings.Count(errs, "maisky: "), "one prefix: %q", errs)
	assert.Contains(t, errs, msg)
	return errs
}

func TestHostile_OutputIsInput(t *testing.T) {
	dir := t.TempDir()
	in, want := copyFile(t, dir, "same.json")
	oneLineError(t, 1, "is the input file", append(pdfArgs, "-o", in, in)...)
	// The same file under another name: a hard link, or a path with "..".
	link := filepath.Join(dir, "link.json")
	require.NoError(t, os.Link(in, link))
	oneLineError(t, 1, "is the input file", append(pdfArgs, "-o", link, in)...)
	oneLineError(t, 1, "is the input file", append(pdfArgs, "-o", filepath.Join(dir, "x", "..", "same.json"), in)...)
	// -volume is an input too.
	volB, err := os.ReadFile(volFile)
	require.NoError(t, err)
	vol := filepath.Join(dir, "vol.json")
	require.NoError(t, os.WriteFile(vol, volB, 0o644))
	oneLineError(t, 1, "is the input file", append(pdfArgs, "-volume", vol, "-o", vol, in)...)
	got, err := os.ReadFile(in)
	require.NoError(t, err)
	assert.Equal(t, want, got, "the input untouched")
}

func TestHostile_OutputNotRegular(t *testing.T) {
	dir := t.TempDir()
	in, _ := copyFile(t, dir, "doc.json")
	target := filepath.Join(dir, "target.pdf")
	require.NoError(t, os.WriteFile(target, []byte("keep"), 0o644))
	sym := filepath.Join(dir, "sym.pdf")
	require.NoError(t, os.Symlink(target, sym))
	oneLineError(t, 1, "not a regular file (a symbolic link); -o writes regular files only", append(pdfArgs, "-o", sym, in)...)
	fi, err := os.Lstat(sym)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "the link is left alone")
	b, _ := os.ReadFile(target)
	assert.Equal(t, "keep", string(b))

	oneLineError(t, 1, "not a regular file (a directory)", append(pdfArgs, "-o", dir, in)...)

	// A regular file is replaced in one step, keeping its permissions, with
	// no temporary file left behind.
	out := filepath.Join(dir, "out.pdf")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o600))
	code, stdout, errs := runCmd(append(pdfArgs, "-o", out, in)...)
	require.Equal(t, 0, code, errs)
	assert.Empty(t, stdout)
	b, _ = os.ReadFile(out)
	assert.True(t, strings.HasPrefix(string(b), "%PDF-"))
	fi, err = os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), e.Name())
	}
}

func TestHostile_CLIMessages(t *testing.T) {
	long := strings.Repeat("5", 100_000)
	// A malformed range: one prefix, a short excerpt, status 2.
	errs := oneLineError(t, 2, "-pages: page range", "pdf", "-pages", long+"-"+long, "-accept-terms", "-by", "Ada", docFile)
	assert.Less(t, len(errs), 400, errs)
	// A reversed range and an unknown style are usage errors.
	oneLineError(t, 2, "reversed", "pdf", "-pages", "54–53", "-accept-terms", "-by", "Ada", docFile)
	oneLineError(t, 2, "unknown style", "pdf", "-pages", "53", "-accept-terms", "-by", "Ada", "-style", "apa", docFile)
	oneLineError(t, 2, "unknown style", "cite", "-style", "apa", "-mode", "first", docFile)
	// A long flag value or file name is cut; control characters are
	// escaped.
	errs = oneLineError(t, 2, "invalid boolean value", "cite", "-style", "chicago-author-date", "-mode", "first", "-csl="+long, docFile)
	assert.Less(t, len(errs), 400, errs)
	errs = oneLineError(t, 1, "file name too long", "pages", "a\nb\x1b[31m"+long)
	oneLineError(t, 1, `a\nb\x1b[31m555`, "pages", "a\nb\x1b[31m"+long[:200])
	assert.Less(t, len(errs), 400, errs)
	assert.NotContains(t, errs, "\x1b")
	oneLineError(t, 2, `unknown command "x\nforged"`, "x\nforged")
	// Every usage error is 2; everything else 1.
	oneLineError(t, 2, "unknown mode", "cite", "-style", "chicago-author-date", "-mode", "last", docFile)
	oneLineError(t, 1, "line 1, column 1", "pages", "main.go")
}

func TestHostile_FlagsAfterFile(t *testing.T) {
	code, want, errs := runCmd("pages", "-doc", "maisky-1934-12-18", volFile)
	require.Equal(t, 0, code, errs)
	code, got, errs := runCmd("pages", volFile, "-doc", "maisky-1934-12-18")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, want, got)
	dir := t.TempDir()
	out := filepath.Join(dir, "x.pdf")
	code, _, errs = runCmd("pdf", docFile, "-pages", "53–54", "-o", out, "-accept-terms", "-by", "Ada")
	require.Equal(t, 0, code, errs)
	_, err := os.Stat(out)
	require.NoError(t, err)
	// After "--", everything is a file.
	oneLineError(t, 1, "-doc", "pages", "--", "-doc")
	// Two files where one is wanted is a usage error.
	oneLineError(t, 2, "want one FILE", "pages", docFile, "-doc", "x", docFile)
}

func TestHostile_ControlCharactersInLines(t *testing.T) {
	b, err := os.ReadFile(docFile)
	require.NoError(t, err)
	dir := t.TempDir()
	p := filepath.Join(dir, "tab.json")
	forged := strings.Replace(string(b), `"title": "18 December"`, `"title": "18\tDecember\r\nmaisky-forged\tX\tpages 1–2\t2 pages"`, 1)
	require.NotEqual(t, string(b), forged)
	require.NoError(t, os.WriteFile(p, []byte(forged), 0o644))
	code, out, errs := runCmd("pages", p)
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, 4, strings.Count(lines[0], "\t")+1, "four columns: %q", lines[0])
	assert.Contains(t, lines[0], `18\tDecember\r\nmaisky-forged`)
	assert.NotContains(t, out, "\nmaisky-forged")

	// A citation is one line; a locator with a line break is refused.
	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "first", p)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, 1, strings.Count(out, "\n"), out)
	assert.NotContains(t, out, "\t")
	oneLineError(t, 2, `-locator: control character '\n' not allowed`, "cite", "-style", "chicago-notes-bibliography", "-mode", "first", "-locator", "60\n61", docFile)
}

func TestHostile_OutputDirectoryMissing(t *testing.T) {
	dir := t.TempDir()
	in, _ := copyFile(t, dir, "doc.json")
	oneLineError(t, 1, "cannot create a file in", append(pdfArgs, "-o", filepath.Join(dir, "nope", "out.pdf"), in)...)
}
