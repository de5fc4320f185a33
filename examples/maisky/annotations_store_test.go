package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnnotationsStore moves the moderator's export into an SQLite store
// and reads it back through the store, then exports it again.
func TestAnnotationsStore(t *testing.T) {
	store := "sqlite:" + filepath.Join(t.TempDir(), "a.db")
	code, out, errs := runCmd("annotations", "-import", annoFile, store)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "imported ")

	// The same view from the file and from the store.
	for _, viewer := range []string{"carol", "dave", ""} {
		c1, fromFile, e1 := runCmd("annotations", "-viewer", viewer, "-format", "jsonld", annoFile, "../../testdata/1934-12-31.json")
		c2, fromStore, e2 := runCmd("annotations", "-viewer", viewer, "-format", "jsonld", store, "../../testdata/1934-12-31.json")
		require.Equal(t, 0, c1, e1)
		require.Equal(t, 0, c2, e2)
		assert.Equal(t, fromFile, fromStore, "viewer %q", viewer)
	}
	code, out, errs = runCmd("annotations", "-viewer", "dave", "-format", "markdown", store, "../../testdata/1934-12-31.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Austen Chamberlain")
	assert.NotContains(t, out, "Buy cheap watches", "dave does not see spam")

	// Importing again is refused whole: the IDs are taken.
	code, out, errs = runCmd("annotations", "-import", annoFile, store)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "already exists")

	// -export: every document, what the viewer may see; it imports into
	// another store as it was.
	code, exported, errs := runCmd("annotations", "-export", "-viewer", "carol", store)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, exported, "Buy cheap watches")
	assert.Contains(t, exported, "Одним", "another document's annotation")
	file := filepath.Join(t.TempDir(), "carol.jsonld")
	require.NoError(t, writeTestFile(file, exported))
	other := "sqlite:" + filepath.Join(t.TempDir(), "b.db")
	code, _, errs = runCmd("annotations", "-import", file, other)
	require.Equal(t, 0, code, errs)
	code, again, errs := runCmd("annotations", "-export", "-viewer", "carol", other)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, exported, again)

	// Usage errors.
	for _, args := range [][]string{
		{"annotations", "-import", annoFile},
		{"annotations", "-import", annoFile, "notes.db"},
		{"annotations", "-export", "-viewer", "a", annoFile},
		{"annotations", "-import", "-export", annoFile, store},
	} {
		code, out, errs := runCmd(args...)
		assert.Equal(t, 2, code, "%v: %s", args, errs)
		assert.Empty(t, out)
	}
	// A store that is not one: one line, status 1.
	bad := filepath.Join(t.TempDir(), "x.db")
	require.NoError(t, writeTestFile(bad, strings.Repeat("not a database ", 100)))
	code, out, errs = runCmd("annotations", "-viewer", "a", "-format", "jsonld", "sqlite:"+bad, "../../testdata/1934-12-31.json")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "not an annotation store")
	assert.Equal(t, 1, strings.Count(errs, "\n"))
}

func writeTestFile(name, s string) error { return os.WriteFile(name, []byte(s), 0o644) }
