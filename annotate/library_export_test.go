package annotate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// The bibliography goldens (testdata/folder-bibliography.json) are
// citeproc-js's: scripts/check-library --update writes them from
// ../shared/tools/citeproc, given the CSL-JSON this test writes when
// LIBRARY_SAMPLES names a folder. Our own output is never pasted back.

// allFixtures reads every maisky file of ../testdata, the volume first.
func allFixtures(t testing.TB) annotate.Files {
	t.Helper()
	names, err := filepath.Glob("../testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(names, func(a, b string) int {
		return strings.Compare(strings.Replace(a, "volume1", "0", 1), strings.Replace(b, "volume1", "0", 1))
	})
	var fs annotate.Files
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		mf, err := maisky.Read(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		fs = append(fs, mf)
	}
	return fs
}

// fixtureFolder saves every document of every fixture into alice's folder
// "Everything" and its subfolder "Letters and notes" (some twice, some as
// page ranges or annotations), in an order unlike any bibliography's.
func fixtureFolder(t testing.TB, fs annotate.Files) (*annotate.Memory, annotate.Viewer, string, []string) {
	t.Helper()
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	top, err := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Everything"})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Letters and notes", Parent: top.ID})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	seen := map[string]bool{}
	for _, f := range slices.Backward(fs) {
		for _, d := range f.Documents {
			if seen[d.ID] {
				continue
			}
			seen[d.ID] = true
			ids = append(ids, d.ID)
			folder := top.ID
			if len(d.Recipients) > 0 || d.Volume == "" {
				folder = sub.ID
			}
			it := annotate.Item{Folder: folder, Document: d.ID}
			if r, ok := d.PageSpan(); ok {
				it.Pages = maisky.PageRange{First: r.First, Last: r.First}
			}
			if _, err := m.Save(ctx, alice, it); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Saved twice: once more as a whole.
	if _, err := m.Save(ctx, alice, annotate.Item{Folder: top.ID, Document: ids[0]}); err != nil {
		t.Fatal(err)
	}
	return m, alice, top.ID, ids
}

type bibGolden struct {
	// Items is the CSL-JSON of the folder, as WriteFolderCSLJSON writes it.
	Form  string          `json:"form"`
	Items json.RawMessage `json:"items"`
	// Styles maps a style id to citeproc-js's bibliography entries (text
	// and HTML), in its order.
	Styles map[string]struct {
		Text []string `json:"text"`
		HTML []string `json:"html"`
	} `json:"styles"`
}

func TestFolderBibliography(t *testing.T) {
	fs := allFixtures(t)
	m, alice, folder, ids := fixtureFolder(t, fs)
	ctx := context.Background()
	for _, form := range []cite.Form{cite.Print, cite.Archive} {
		formName := map[cite.Form]string{cite.Print: "print", cite.Archive: "archive"}[form]
		opts := cite.Options{Form: form, ArchiveName: "Stalin Digital Archive"}
		var csl bytes.Buffer
		if err := annotate.WriteFolderCSLJSON(ctx, &csl, m, fs, alice, folder, opts, annotate.FolderOptions{Subfolders: true}); err != nil {
			t.Fatal(err)
		}
		items, err := cite.ReadCSLJSON(bytes.NewReader(csl.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != len(ids) {
			t.Fatalf("%s: CSL-JSON has %d items, want one for each of %d documents", formName, len(items), len(ids))
		}
		if dir := os.Getenv("LIBRARY_SAMPLES"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "folder-"+formName+".json"), csl.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		golden := filepath.Join("testdata", "folder-bibliography-"+formName+".json")
		raw, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		var g bibGolden
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", golden, err)
		}
		var gi, ci any
		_ = json.Unmarshal(g.Items, &gi)
		_ = json.Unmarshal(csl.Bytes(), &ci)
		if !jsonEqual(gi, ci) {
			t.Errorf("%s: the folder's CSL-JSON changed since the goldens were rendered: run scripts/check-library --update", golden)
		}
		for _, st := range cite.Styles() {
			want, ok := g.Styles[string(st)]
			if !ok {
				t.Errorf("%s: no entries for %s", golden, st)
				continue
			}
			for _, f := range []cite.OutputFormat{cite.PlainText, cite.HTML} {
				var out bytes.Buffer
				err := annotate.WriteFolderBibliography(ctx, &out, m, fs, alice, folder, annotate.BibliographyOptions{
					Style: st, Format: f, Cite: opts, FolderOptions: annotate.FolderOptions{Subfolders: true},
				})
				if err != nil {
					t.Fatal(err)
				}
				got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
				exp := want.Text
				if f == cite.HTML {
					exp = want.HTML
				}
				if !slices.Equal(got, exp) {
					t.Errorf("%s %s %s: the bibliography differs from citeproc-js's\n got: %q\nwant: %q", formName, st, f, got, exp)
				}
			}
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestFolderExports(t *testing.T) {
	fs := allFixtures(t)
	m, alice, folder, ids := fixtureFolder(t, fs)
	ctx := context.Background()
	// Without subfolders: only the folder's own documents.
	var n int
	for fd, err := range annotate.FolderDocuments(ctx, m, fs, alice, folder, annotate.FolderOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		if fd.Document == nil || fd.Item == nil {
			t.Fatal("a FolderDocument without its document or item")
		}
		n++
	}
	if n == 0 || n >= len(ids) {
		t.Errorf("without subfolders: %d documents of %d", n, len(ids))
	}
	// Another reader: not found, nothing written.
	var out bytes.Buffer
	err := annotate.WriteFolderBibliography(ctx, &out, m, fs, annotate.Viewer{User: "bob"}, folder, annotate.BibliographyOptions{})
	if !errors.Is(err, annotate.ErrNotFound) || out.Len() != 0 {
		t.Errorf("bob exports alice's folder: %v, %q", err, out.String())
	}
	// A document the source lacks.
	if _, err := m.Save(ctx, alice, annotate.Item{Folder: folder, Document: "no-such-document"}); err != nil {
		t.Fatal(err)
	}
	err = annotate.WriteFolderCSLJSON(ctx, &out, m, fs, alice, folder, cite.Options{}, annotate.FolderOptions{})
	var fe *annotate.FolderError
	if !errors.As(err, &fe) || fe.Document != "no-such-document" || !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("a missing document: %v", err)
	}
	_, _, err = annotate.Files(nil).Document(ctx, "x")
	if !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("Files(nil): %v", err)
	}
	err = annotate.WriteFolderBibliography(ctx, &out, m, fs, alice, folder, annotate.BibliographyOptions{Style: "apa"})
	if !errors.Is(err, cite.ErrUnknownStyle) {
		t.Errorf("an unknown style: %v", err)
	}
}

// TestFolderAnnotations: the annotations saved in a group folder, as each
// member may see them; nothing for a former member.
func TestFolderAnnotations(t *testing.T) {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice, bob := annotate.Viewer{User: "alice"}, annotate.Viewer{User: "bob"}
	if _, err := m.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"}); err != nil {
		t.Fatal(err)
	}
	if _, err := m.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember); err != nil {
		t.Fatal(err)
	}
	f, err := m.CreateFolder(ctx, bob, annotate.Folder{Name: "Readings", Group: "seminar"})
	if err != nil {
		t.Fatal(err)
	}
	ra, _ := m.Viewer(ctx, alice)
	rb, _ := m.Viewer(ctx, bob)
	mk := func(v annotate.Viewer, id, body string, vis annotate.Visibility) {
		a := &annotate.Annotation{ID: id, Document: "maisky-1934-12-31", Body: body, Visibility: vis}
		if vis == annotate.GroupOnly {
			a.Group = "seminar"
		}
		if _, err := m.Add(ctx, v, a); err != nil {
			t.Fatal(err)
		}
		if _, err := m.Save(ctx, v, annotate.Item{Folder: f.ID, Annotation: id}); err != nil {
			t.Fatal(err)
		}
	}
	mk(ra, "urn:x:shared", "for the seminar", annotate.GroupOnly)
	mk(rb, "urn:x:bob-private", "bob's own", annotate.Private)
	mk(ra, "urn:x:public", "for everyone", annotate.Public)
	export := func(v annotate.Viewer) (string, error) {
		var out bytes.Buffer
		rv, _ := m.Viewer(ctx, v)
		err := annotate.WriteFolderAnnotations(ctx, &out, m, m, rv, f.ID, annotate.FolderOptions{}, annotate.JSONLDOptions{})
		return out.String(), err
	}
	got, err := export(alice)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "urn:x:shared") || !strings.Contains(got, "urn:x:public") || strings.Contains(got, "bob's own") || !strings.Contains(got, `"total": 2`) {
		t.Errorf("alice's export:\n%s", got)
	}
	as, err := annotate.ReadJSONLD(strings.NewReader(got), annotate.ReadOptions{})
	if err != nil || len(as) != 2 {
		t.Errorf("ReadJSONLD of the export: %d, %v", len(as), err)
	}
	got, _ = export(bob)
	if !strings.Contains(got, "bob's own") || !strings.Contains(got, `"total": 3`) {
		t.Errorf("bob's export:\n%s", got)
	}
	if err := m.RemoveMember(ctx, bob, "seminar", "bob"); err != nil {
		t.Fatal(err)
	}
	got, err = export(annotate.Viewer{User: "bob", Groups: []string{"seminar"}})
	if !errors.Is(err, annotate.ErrNotFound) || strings.Contains(got, "seminar") {
		t.Errorf("a former member's export: %v\n%s", err, got)
	}
}
