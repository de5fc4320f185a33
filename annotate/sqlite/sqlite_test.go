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

// raceOptions runs the randomised privacy tests with fewer cases under the
// race detector: SQLite is C translated to Go, every memory access of it is
// checked there, and the full suite takes about 8 minutes instead of 8
// seconds. The full counts run without -race (go test ./...), and the Go
// that races could touch is checked by the concurrency tests.
func raceOptions() storetest.Options {
	if raceEnabled {
		return storetest.Options{PrivacyCases: 600, LibraryPrivacyCases: 600, MembershipPrivacyCases: 600}
	}
	return storetest.Options{}
}

func TestConformance(t *testing.T) {
	storetest.RunWith(t, func(t *testing.T) annotate.Store {
		return open(t, filepath.Join(t.TempDir(), "a.db"))
	}, raceOptions())
}
