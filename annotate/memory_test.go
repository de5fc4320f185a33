package annotate_test

import (
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/storetest"
)

func TestMemoryConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) annotate.Store {
		return annotate.NewMemory(annotate.MemoryOptions{})
	})
}
