package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/maisky-lib/maisky/annotate/storetest"
)

func TestLibraryConformance(t *testing.T) {
	storetest.RunLibraryWith(t, func(t *testing.T) storetest.LibraryStore {
		return open(t, filepath.Join(t.TempDir(), "a.db"))
	}, raceOptions())
}
