package storetest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/postgres"
	"github.com/maisky-lib/maisky/annotate/sqlite"
	"github.com/maisky-lib/maisky/annotate/storetest"
	"github.com/maisky-lib/maisky/maisky"
)

// BenchmarkLibrary runs storetest.BenchLibrary on the memory store, on
// SQLite and, when MAISKY_TEST_POSTGRES names a server, on PostgreSQL,
// side by side in one run: a reader with 100 folders and 10,000 items.
func BenchmarkLibrary(b *testing.B) {
	f, err := os.Open("../../testdata/volume1.json")
	if err != nil {
		b.Skip("../../testdata/volume1.json:", err)
	}
	vol, err := maisky.Read(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var docs []string
	for _, d := range vol.Documents {
		docs = append(docs, d.ID)
	}
	src := annotate.Files{vol}
	ctx := context.Background()
	stores := []struct {
		name string
		open func(b *testing.B) storetest.LibraryStore
	}{
		{"memory", func(b *testing.B) storetest.LibraryStore { return annotate.NewMemory(annotate.MemoryOptions{}) }},
		{"sqlite", func(b *testing.B) storetest.LibraryStore {
			s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), sqlite.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}},
	}
	if u := os.Getenv("MAISKY_TEST_POSTGRES"); u != "" {
		stores = append(stores, struct {
			name string
			open func(b *testing.B) storetest.LibraryStore
		}{"postgres", func(b *testing.B) storetest.LibraryStore {
			c, err := pgx.Connect(ctx, u)
			if err != nil {
				b.Fatal(err)
			}
			defer c.Close(ctx)
			schema := "bench_library"
			if _, err := c.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE; CREATE SCHEMA "+schema); err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() {
				c, err := pgx.Connect(ctx, u)
				if err == nil {
					_, _ = c.Exec(ctx, "DROP SCHEMA IF EXISTS "+schema+" CASCADE")
					c.Close(ctx)
				}
			})
			s, err := postgres.Open(ctx, withSearchPath(u, schema), postgres.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { s.Close() })
			return s
		}})
	}
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			fx := storetest.FillLibrary(b, s, docs)
			storetest.BenchLibrary(b, s, fx, src)
		})
	}
}

func withSearchPath(u, schema string) string {
	sep := "?"
	for _, c := range u {
		if c == '?' {
			sep = "&"
		}
	}
	return u + sep + "search_path=" + schema
}
