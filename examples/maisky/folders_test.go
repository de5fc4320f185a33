package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/sqlite"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/maisky"
)

// folderStore makes an SQLite store where alice has the folder "Diaries"
// (with a subfolder "Letters"), an unfiled item, and a group "seminar"
// with bob, whose folder "Readings" holds a group annotation.
func folderStore(t *testing.T) (url, diaries, letters, readings string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lib.db")
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	require.NoError(t, err)
	defer s.Close()
	alice, bob := annotate.Viewer{User: "alice"}, annotate.Viewer{User: "bob"}
	d, err := s.CreateFolder(ctx, alice, annotate.Folder{Name: "Diaries"})
	require.NoError(t, err)
	l, err := s.CreateFolder(ctx, alice, annotate.Folder{Name: "Letters", Parent: d.ID})
	require.NoError(t, err)
	for _, doc := range []string{"maisky-1935-01-15", "maisky-1934-12-31", "maisky-1934-12-18"} {
		_, err := s.Save(ctx, alice, annotate.Item{Folder: d.ID, Document: doc})
		require.NoError(t, err)
	}
	_, err = s.Save(ctx, alice, annotate.Item{Folder: l.ID, Document: "maisky-litvinov-1934-11-10-letter"})
	require.NoError(t, err)
	_, err = s.Save(ctx, alice, annotate.Item{Document: "maisky-1935-01-09", Pages: maisky.PageRange{First: 78, Last: 78}})
	require.NoError(t, err)
	_, err = s.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"})
	require.NoError(t, err)
	_, err = s.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember)
	require.NoError(t, err)
	r, err := s.CreateFolder(ctx, bob, annotate.Folder{Name: "Readings", Group: "seminar"})
	require.NoError(t, err)
	rb, err := s.Viewer(ctx, bob)
	require.NoError(t, err)
	a, err := s.Add(ctx, rb, &annotate.Annotation{ID: "urn:x:for-the-seminar", Document: "maisky-1934-12-31", Body: "Read this before Tuesday.", Visibility: annotate.GroupOnly, Group: "seminar"})
	require.NoError(t, err)
	_, err = s.Save(ctx, bob, annotate.Item{Folder: r.ID, Annotation: a.ID})
	require.NoError(t, err)
	priv, err := s.Add(ctx, rb, &annotate.Annotation{ID: "urn:x:bob-only", Document: "maisky-1934-12-31", Body: "bob's own note"})
	require.NoError(t, err)
	_, err = s.Save(ctx, bob, annotate.Item{Folder: r.ID, Annotation: priv.ID})
	require.NoError(t, err)
	return "sqlite:" + path, d.ID, l.ID, r.ID
}

func TestFoldersList(t *testing.T) {
	store, diaries, letters, readings := folderStore(t)
	code, out, errs := runCmd("folders", "-viewer", "alice", store)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "-\t1\t(unfiled)\n"+diaries+"\t3\tDiaries\n"+letters+"\t1\tDiaries / Letters\n", out)

	code, out, errs = runCmd("folders", "-viewer", "alice", "-group", "seminar", store)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, readings+"\t1\tReadings\n", out, "alice sees the group annotation, not bob's private one")

	code, out, errs = runCmd("folders", "-viewer", "carol", "-group", "seminar", store)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "group not found")

	code, out, _ = runCmd("folders", "-viewer", "carol", store)
	assert.Equal(t, 0, code)
	assert.Equal(t, "-\t0\t(unfiled)\n", out)
}

func TestFoldersExport(t *testing.T) {
	store, diaries, _, readings := folderStore(t)
	vol := "../../testdata/volume1.json"
	letter := "../../testdata/letter-litvinov.json"

	code, out, errs := runCmd("folders", "-viewer", "alice", "-folder", diaries, "-subfolders", "-format", "bibliography", "-style", "modern-language-association", store, vol, letter)
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4, out)
	assert.True(t, strings.HasPrefix(lines[0], "Maisky, Ivan. “15 January 1935.”"), lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "———. “18 December 1934.”"), lines[1])
	assert.True(t, strings.HasPrefix(lines[3], "———. Letter."), lines[3])

	code, out, errs = runCmd("folders", "-viewer", "alice", "-folder", diaries, "-format", "csljson", store, vol)
	require.Equal(t, 0, code, errs)
	items, err := cite.ReadCSLJSON(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, items, 3)
	assert.Equal(t, "maisky-1935-01-15", items[0].ID, "in the folder's order")

	code, out, errs = runCmd("folders", "-viewer", "alice", "-unfiled", "-format", "ris", store, vol)
	require.Equal(t, 0, code, errs)
	recs, err := ris.ReadRecords(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, recs, 1)

	code, out, errs = runCmd("folders", "-viewer", "alice", "-folder", readings, "-format", "jsonld", store)
	require.Equal(t, 0, code, errs)
	as, err := annotate.ReadJSONLD(strings.NewReader(out), annotate.ReadOptions{})
	require.NoError(t, err)
	require.Len(t, as, 1, out)
	assert.Equal(t, "urn:x:for-the-seminar", as[0].ID)
	assert.NotContains(t, out, "bob's own note")

	// Another reader's folder, a missing document file, usage errors.
	code, out, errs = runCmd("folders", "-viewer", "carol", "-folder", diaries, "-format", "ris", store, vol)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "folder not found")
	assert.NotContains(t, errs, diaries)
	code, _, errs = runCmd("folders", "-viewer", "alice", "-folder", diaries, "-subfolders", "-format", "ris", store, vol)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "maisky-litvinov-1934-11-10-letter")
	for _, args := range [][]string{
		{"folders", store},
		{"folders", "-viewer", "alice"},
		{"folders", "-viewer", "alice", "-folder", diaries, "-format", "pdf", store, vol},
		{"folders", "-viewer", "alice", "-folder", diaries, "-unfiled", "-format", "ris", store, vol},
		{"folders", "-viewer", "alice", "-folder", diaries, "-format", "ris", store},
		{"folders", "-viewer", "alice", "-format", "ris", store, vol},
		{"folders", "-viewer", "alice", "-folder", diaries, "-format", "bibliography", "-style", "apa", store, vol},
	} {
		code, out, _ := runCmd(args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out)
	}
}
