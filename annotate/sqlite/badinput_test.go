package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/internal/sqlstore"
	"github.com/maisky-lib/maisky/annotate/internal/storecheck"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

func TestBadInput(t *testing.T) {
	storecheck.BadInput(t, open(t, filepath.Join(t.TempDir(), "b.db")))
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 64<<10)
	for i := range noise {
		noise[i] = byte(rnd.IntN(256))
	}
	for name, path := range map[string]string{
		"text":         write("text.db", []byte(strings.Repeat("not a database\n", 500))),
		"json":         write("a.jsonld", []byte(`{"type": "AnnotationCollection"}`)),
		"noise":        write("noise.db", noise),
		"header+noise": write("hn.db", append([]byte("SQLite format 3\x00"), noise...)),
		"short":        write("short.db", []byte("SQLite")),
		"header only":  write("ho.db", []byte("SQLite format 3\x00")),
	} {
		s, err := sqlite.Open(ctx, path, sqlite.Options{})
		if err == nil {
			s.Close()
			t.Errorf("%s: opened", name)
			continue
		}
		if !errors.Is(err, sqlite.ErrNotStore) && !errors.Is(err, sqlite.ErrDatabase) {
			t.Errorf("%s: %v, want ErrNotStore", name, err)
		}
		t.Logf("%s: %v", name, err)
	}

	// Another program's SQLite database.
	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := sqlite.Open(ctx, foreign, sqlite.Options{}); !errors.Is(err, sqlite.ErrNotStore) {
		t.Errorf("foreign database: %v, want ErrNotStore", err)
	}

	// A schema from a newer version.
	newer := filepath.Join(dir, "newer.db")
	s := open(t, newer)
	v, err := s.Version(ctx)
	if err != nil || v != sqlstore.Latest() {
		t.Fatalf("Version: %d, %v", v, err)
	}
	if _, err := s.Add(ctx, annotate.Viewer{User: "a"}, &annotate.Annotation{Document: "d", Body: "kept"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, _ = sql.Open("sqlite", newer)
	if _, err := db.Exec("INSERT INTO schema_migrations (version, name, applied) VALUES (99, 'from the future', 0)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = sqlite.Open(ctx, newer, sqlite.Options{})
	var se *sqlite.SchemaError
	if !errors.Is(err, sqlite.ErrSchemaVersion) || !errors.As(err, &se) || se.Found != 99 || se.Known != sqlstore.Latest() {
		t.Errorf("newer schema: %v", err)
	}

	// A store damaged after it was written: Open or the queries fail
	// with a typed error, or answer; never a panic.
	damaged := filepath.Join(dir, "damaged.db")
	s = open(t, damaged)
	for i := range 300 {
		if _, err := s.Add(ctx, annotate.Viewer{User: "a"}, &annotate.Annotation{Document: "d", Body: "n" + strings.Repeat("body ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	b, err := os.ReadFile(damaged)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 * 2; i < len(b); i += 4096 {
		copy(b[i+100:i+600], noise)
	}
	write("damaged.db", b)
	os.Remove(damaged + "-wal")
	s, err = sqlite.Open(ctx, damaged, sqlite.Options{})
	if err != nil {
		if !errors.Is(err, sqlite.ErrNotStore) && !errors.Is(err, sqlite.ErrDatabase) {
			t.Errorf("damaged: %v", err)
		}
		return
	}
	defer s.Close()
	_, err = s.Query(ctx, annotate.Query{Viewer: annotate.Viewer{User: "a"}, Limit: 1000})
	if err != nil && !errors.Is(err, sqlite.ErrDatabase) {
		t.Errorf("damaged: Query: %v", err)
	}
	t.Logf("damaged: Query: %v", err)

	// Paths the driver would misread.
	if _, err := sqlite.Open(ctx, filepath.Join(dir, "a?mode=memory"), sqlite.Options{}); !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("path with ?: %v", err)
	}
	if _, err := sqlite.Open(ctx, filepath.Join(dir, "missing", "a.db"), sqlite.Options{}); !errors.Is(err, sqlite.ErrDatabase) {
		t.Errorf("a missing directory: %v", err)
	}
	if _, err := sqlite.Open(ctx, filepath.Join(dir, "none.db"), sqlite.Options{NoCreate: true}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("NoCreate: %v", err)
	}
}
