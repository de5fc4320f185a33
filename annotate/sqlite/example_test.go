package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "annotations")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "annotations.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	alice := annotate.Viewer{User: "alice"}
	a, _ := s.Add(ctx, alice, &annotate.Annotation{Document: "maisky-1934-12-31", Body: "Only for me."})

	// Another reader does not see a private annotation: not found.
	_, err = s.Annotation(ctx, annotate.Viewer{User: "bob"}, a.ID)
	fmt.Println(errors.Is(err, annotate.ErrNotFound))

	// An edit from a stale copy is refused.
	a.Body = "Edited."
	b := *a
	_, err = s.Update(ctx, alice, a)
	fmt.Println(err)
	_, err = s.Update(ctx, alice, &b)
	fmt.Println(errors.Is(err, annotate.ErrConflict))
	// Output:
	// true
	// <nil>
	// true
}

func ExampleOpen_notAStore() {
	dir, _ := os.MkdirTemp("", "annotations")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(path, []byte("some notes, not a database"), 0o644)
	_, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	fmt.Println(errors.Is(err, sqlite.ErrNotStore))
	// Output:
	// true
}

func ExampleStore_ImportAll() {
	dir, _ := os.MkdirTemp("", "annotations")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(dir, "annotations.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	// Trusted data keeps its creator and state (a backup, a JSON-LD file).
	err = s.ImportAll(ctx, []*annotate.Annotation{
		{ID: "urn:a:1", Document: "d", Creator: "carol", Body: "Spam.", Visibility: annotate.Public, Moderation: annotate.Spam, Revision: 4},
	})
	fmt.Println(err)
	a, _ := s.Annotation(ctx, annotate.Viewer{User: "carol"}, "urn:a:1")
	fmt.Println(a.Creator, a.Moderation, a.Revision)
	_, err = s.Annotation(ctx, annotate.Viewer{}, "urn:a:1")
	fmt.Println(errors.Is(err, annotate.ErrNotFound))
	v, _ := s.Version(ctx)
	fmt.Println("schema", v)
	// Output:
	// <nil>
	// carol spam 4
	// true
	// schema 2
}
