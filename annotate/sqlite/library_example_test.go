package sqlite_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

// The readers' library in an SQLite file: a group folder, an item saved
// in it, and the folder's items as another member lists them after the
// store is opened again.
func ExampleStore_Save() {
	dir, _ := os.MkdirTemp("", "library")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "library.db")
	ctx := context.Background()
	alice, bob := annotate.Viewer{User: "alice"}, annotate.Viewer{User: "bob"}

	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, _ = s.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"})
	_, _ = s.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember)
	f, _ := s.CreateFolder(ctx, alice, annotate.Folder{Name: "Readings", Group: "seminar"})
	_, err = s.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "maisky-1934-12-31", Note: "for Tuesday"})
	fmt.Println(err)
	s.Close()

	s, _ = sqlite.Open(ctx, path, sqlite.Options{})
	defer s.Close()
	res, _ := s.Items(ctx, bob, annotate.ItemQuery{Folder: f.ID})
	for _, it := range res.Items {
		fmt.Println(it.Document, it.Note, it.AddedBy)
	}
	_, err = s.Items(ctx, annotate.Viewer{User: "carol", Groups: []string{"seminar"}}, annotate.ItemQuery{Folder: f.ID})
	fmt.Println(err)
	// Output:
	// <nil>
	// maisky-1934-12-31 for Tuesday alice
	// annotate: folder not found
}
