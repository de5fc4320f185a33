package storeurl

import (
	"context"
	"errors"
	"strings"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/postgres"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

// ErrScheme reports a URL that names no store this package opens.
var ErrScheme = errors.New("storeurl: not a store URL (want sqlite:PATH, postgres://… or memory:)")

// Store is an annotation store that also imports trusted annotations as
// they are (annotate.Importer): what Open returns.
type Store interface {
	annotate.Store
	annotate.Importer
	// ImportAll imports as, in order, in one transaction where the store
	// has them.
	ImportAll(ctx context.Context, as []*annotate.Annotation) error
}

// Options configures Open. The zero value is the documented default.
type Options struct {
	// SQLite configures a sqlite: store.
	SQLite sqlite.Options
	// Postgres configures a postgres:// store.
	Postgres postgres.Options
	// Memory configures a memory: store.
	Memory annotate.MemoryOptions
}

// IsURL reports whether s is spelled as a store URL, so that a command
// can tell it from a file name.
func IsURL(s string) bool {
	_, _, ok := scheme(s)
	return ok
}

func scheme(s string) (kind, rest string, ok bool) {
	switch {
	case strings.HasPrefix(s, "sqlite:"):
		return "sqlite", strings.TrimPrefix(strings.TrimPrefix(s, "sqlite:"), "//"), true
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		return "postgres", s, true
	case s == "memory:":
		return "memory", "", true
	}
	return "", "", false
}

// Open opens the store that url names. "sqlite:PATH" (also
// "sqlite://PATH") is the SQLite file at PATH, created if missing;
// "postgres://…" is passed to postgres.Open whole. The errors are those of
// the package's Open, or ErrScheme.
func Open(ctx context.Context, url string, opts Options) (Store, error) {
	kind, rest, ok := scheme(url)
	if !ok {
		return nil, ErrScheme
	}
	switch kind {
	case "sqlite":
		if rest == "" {
			return nil, &annotate.InputError{Field: "url", Msg: "sqlite: needs a file name (sqlite:PATH)"}
		}
		return sqlite.Open(ctx, rest, opts.SQLite)
	case "postgres":
		return postgres.Open(ctx, rest, opts.Postgres)
	}
	return memory{annotate.NewMemory(opts.Memory)}, nil
}

type memory struct{ *annotate.Memory }

func (m memory) ImportAll(ctx context.Context, as []*annotate.Annotation) error {
	for _, a := range as {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := m.Memory.Import(ctx, a); err != nil {
			return err
		}
	}
	return nil
}
