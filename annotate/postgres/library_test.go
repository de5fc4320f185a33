package postgres_test

import (
	"testing"

	"github.com/maisky-lib/maisky/annotate/postgres"
	"github.com/maisky-lib/maisky/annotate/storetest"
)

func TestLibraryConformance(t *testing.T) {
	server(t)
	storetest.RunLibrary(t, func(t *testing.T) storetest.LibraryStore {
		return open(t, freshURL(t), postgres.Options{})
	})
}
