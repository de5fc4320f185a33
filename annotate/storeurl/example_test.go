package storeurl_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/storeurl"
)

func ExampleOpen() {
	dir, _ := os.MkdirTemp("", "storeurl")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := storeurl.Open(ctx, "sqlite:"+filepath.Join(dir, "annotations.db"), storeurl.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	alice := annotate.Viewer{User: "alice"}
	a, err := s.Add(ctx, alice, &annotate.Annotation{Document: "maisky-1934-12-31", Body: "Compare the entry of 1 January."})
	if err != nil {
		fmt.Println(err)
		return
	}
	n, _ := s.Count(ctx, annotate.Query{Viewer: alice, Document: "maisky-1934-12-31"})
	m, _ := s.Count(ctx, annotate.Query{Viewer: annotate.Viewer{User: "bob"}, Document: "maisky-1934-12-31"})
	fmt.Println(a.Revision, n, m)
	fmt.Println(storeurl.IsURL("postgres://db.example/annotations"), storeurl.IsURL("notes.jsonld"))
	// Output:
	// 1 1 0
	// true false
}
