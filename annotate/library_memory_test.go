package annotate_test

import (
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/storetest"
)

func TestMemoryLibrary(t *testing.T) {
	storetest.RunLibrary(t, func(t *testing.T) storetest.LibraryStore {
		return annotate.NewMemory(annotate.MemoryOptions{})
	})
}
