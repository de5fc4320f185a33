package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/sqlite"
	"github.com/maisky-lib/maisky/annotate/storetest"
)

func open(t testing.TB, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annotate.Store {
		return open(t, filepath.Join(t.TempDir(), "a.db"))
	})
}
