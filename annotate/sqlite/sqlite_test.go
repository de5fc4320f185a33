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
	if raceEnabled && testing.Short() {
		// SQLite is C translated to Go: under -race every memory access of
		// it is checked, and the suite takes about 8 minutes instead of 8
		// seconds. The race-relevant Go is checked by the concurrency tests.
		t.Skip("-race -short: the conformance suite runs without -short")
	}
	storetest.Run(t, func(t *testing.T) annotate.Store {
		return open(t, filepath.Join(t.TempDir(), "a.db"))
	})
}
