package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/internal/sqlstore"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors of Open, shared with annotate/postgres. Errors of the store's
// methods are annotate's (ErrNotFound, ErrConflict, …) or a *DBError.
var (
	// ErrNotStore: the file is not SQLite, is damaged, or is another
	// program's database.
	ErrNotStore = sqlstore.ErrNotStore
	// ErrSchemaVersion: a newer release migrated the file.
	ErrSchemaVersion = sqlstore.ErrSchemaVersion
	// ErrDatabase: the database failed (I/O, disk full, locked too long).
	ErrDatabase = sqlstore.ErrDatabase
)

type (
	// SchemaError reports a schema newer than this build; it unwraps to
	// ErrSchemaVersion.
	SchemaError = sqlstore.SchemaError
	// NotStoreError says why a file is not an annotation store; it
	// unwraps to ErrNotStore.
	NotStoreError = sqlstore.NotStoreError
	// DBError reports a failure of the database; it unwraps to
	// ErrDatabase and to the driver's error.
	DBError = sqlstore.DBError
)

// Options configures a store. The zero value is the documented default.
type Options struct {
	// Now is the clock that dates annotations, changes, reports,
	// bookmarks and tags; nil means time.Now.
	Now func() time.Time
	// BusyTimeout is how long a write waits for another process's write
	// to finish before it fails; zero means 10 seconds.
	BusyTimeout time.Duration
	// Readers is the most connections that read at once; zero means 4.
	Readers int
	// NoCreate refuses a file that does not exist (an error that is
	// errors.Is(err, fs.ErrNotExist)) instead of creating an empty store:
	// for programs that only read.
	NoCreate bool
}

type core = sqlstore.Store

// Store is the SQLite annotate.Store. It is safe for concurrent use, and
// several processes may open the same file: SQLite's locks serialize their
// writes, WAL lets reads go on meanwhile.
type Store struct {
	*core
	w, r *sql.DB
}

var _ annotate.Store = (*Store)(nil)

var dialect = &sqlstore.Dialect{
	Name:   "sqlite",
	Bytes:  "BLOB",
	Text:   "TEXT",
	Tables: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
}

// header is the first 16 bytes of every SQLite database file.
const header = "SQLite format 3\x00"

// Open opens the SQLite annotation store in the file at path, creating
// it when it does not exist and applying the schema migrations it lacks.
//
// Errors: a *NotStoreError (ErrNotStore) for a file that is not SQLite,
// is damaged, or holds another program's tables; a *SchemaError
// (ErrSchemaVersion) for a file a newer release migrated; a *DBError
// (ErrDatabase) when the file cannot be opened or written.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if path == "" || strings.ContainsAny(path, "?#\x00") {
		return nil, &annotate.InputError{Field: "path", Msg: "a file name without ?, # or NUL"}
	}
	if opts.NoCreate {
		if _, err := os.Stat(path); err != nil {
			return nil, &DBError{Op: "open", Err: err}
		}
	}
	if err := checkHeader(path); err != nil {
		return nil, err
	}
	busy := opts.BusyTimeout
	if busy <= 0 {
		busy = 10 * time.Second
	}
	readers := opts.Readers
	if readers <= 0 {
		readers = 4
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(" + strconv.FormatInt(busy.Milliseconds(), 10) + ")" +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)"
	w, err := sql.Open("sqlite", dsn+"&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, &DBError{Op: "open", Err: err}
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	r, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)&_pragma=cache_size(-32768)")
	if err != nil {
		w.Close()
		return nil, &DBError{Op: "open", Err: err}
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	db := &sqlDB{w: w, r: r}
	if err := sqlstore.Migrate(ctx, db, dialect); err != nil {
		db.Close()
		return nil, classify(err)
	}
	db.ours = true
	return &Store{core: &sqlstore.Store{DB: db, Dialect: dialect, Now: opts.Now}, w: w, r: r}, nil
}

// checkHeader refuses an existing, non-empty file that is not SQLite.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return &DBError{Op: "open", Err: err}
	}
	defer f.Close()
	var b [len(header)]byte
	n, err := io.ReadFull(f, b[:])
	if n == 0 && (err == io.EOF || err == nil) {
		return nil // an empty file becomes a new store
	}
	if string(b[:n]) != header {
		return &NotStoreError{Msg: "the file is not an SQLite database"}
	}
	return nil
}

// classify turns SQLite's "damaged" and "not a database" into
// ErrNotStore.
func classify(err error) error {
	var e *msqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return &NotStoreError{Msg: "the SQLite file is damaged", Err: e}
		}
	}
	return err
}

func retryable(err error) bool {
	var e *msqlite.Error
	if errors.As(err, &e) {
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
	}
	return false
}

// Version returns the schema version of the open store.
func (s *Store) Version(ctx context.Context) (int, error) {
	return sqlstore.Version(ctx, s.core.DB)
}

// Import stores one trusted annotation as it is: see annotate.Importer.
func (s *Store) Import(ctx context.Context, a *annotate.Annotation) error {
	return s.core.Import(ctx, a)
}

// ImportAll stores trusted annotations as they are, in one transaction
// (a reply after the annotation it answers): see annotate.Importer.
// Creators, dates, moderation and revisions are kept; nothing is stored
// when one of them fails.
func (s *Store) ImportAll(ctx context.Context, as []*annotate.Annotation) error {
	return s.core.ImportAll(ctx, as)
}

// sqlDB implements sqlstore.DB with database/sql: one connection that
// writes, a pool that reads.
type sqlDB struct {
	w, r *sql.DB
	ours bool // the file is a store that opened: Close may optimize it
}

type rows struct{ *sql.Rows }

func (r rows) Close() { _ = r.Rows.Close() }

type conn interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func exec(ctx context.Context, c conn, q string, args ...any) (int64, error) {
	res, err := c.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func query(ctx context.Context, c conn, q string, args ...any) (sqlstore.Rows, error) {
	r, err := c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rows{r}, nil
}

func (d *sqlDB) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, d.w, q, args...)
}

func (d *sqlDB) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	return query(ctx, d.r, q, args...)
}

type txConn struct{ tx *sql.Tx }

func (t txConn) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	return exec(ctx, t.tx, q, args...)
}

func (t txConn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	return query(ctx, t.tx, q, args...)
}

func (d *sqlDB) Tx(ctx context.Context, fn func(sqlstore.Conn) error) error {
	for attempt := 0; ; attempt++ {
		err := d.tx(ctx, fn)
		if err == nil || !retryable(err) || attempt >= 5 || ctx.Err() != nil {
			return err
		}
		t := time.NewTimer(time.Duration(attempt+1) * 20 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (d *sqlDB) tx(ctx context.Context, fn func(sqlstore.Conn) error) error {
	tx, err := d.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(txConn{tx}); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (d *sqlDB) Close() error {
	// Let SQLite refresh the statistics its planner uses, if they are
	// stale (cheap; see PRAGMA optimize).
	if d.ours {
		_, _ = d.w.Exec("PRAGMA optimize")
	}
	return errors.Join(d.r.Close(), d.w.Close())
}
