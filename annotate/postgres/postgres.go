package postgres

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/internal/sqlstore"
)

// Errors of Open, shared with annotate/sqlite. Errors of the store's
// methods are annotate's (ErrNotFound, ErrConflict, …) or a *DBError.
var (
	// ErrNotStore: the database holds another program's tables.
	ErrNotStore = sqlstore.ErrNotStore
	// ErrSchemaVersion: a newer release migrated the database.
	ErrSchemaVersion = sqlstore.ErrSchemaVersion
	// ErrDatabase: the server is unreachable, refused the login, or
	// failed.
	ErrDatabase = sqlstore.ErrDatabase
)

type (
	// SchemaError reports a schema newer than this build; it unwraps to
	// ErrSchemaVersion.
	SchemaError = sqlstore.SchemaError
	// NotStoreError says why a database is not an annotation store; it
	// unwraps to ErrNotStore.
	NotStoreError = sqlstore.NotStoreError
	// DBError reports a failure of the database; it unwraps to
	// ErrDatabase and to pgx's error.
	DBError = sqlstore.DBError
)

// Channel is the LISTEN/NOTIFY channel on which every write announces
// the ID of the annotation it changed, when it commits.
const Channel = "maisky_annotations"

// Options configures a store. The zero value is the documented default.
type Options struct {
	// Now is the clock that dates annotations, changes, reports,
	// bookmarks and tags; nil means time.Now.
	Now func() time.Time
	// Timeout bounds each operation whose context has no deadline; zero
	// means 30 seconds.
	Timeout time.Duration
	// MaxConns is the size of the connection pool; zero means the pool
	// size the URL gives (pool_max_conns), else pgx's default.
	MaxConns int32
}

type core = sqlstore.Store

// Store is the PostgreSQL annotate.Store, over a pool of connections. It
// is safe for concurrent use, and any number of processes on any number
// of machines may use one database.
type Store struct {
	*core
	pool *pgxpool.Pool
}

var _ annotate.Store = (*Store)(nil)

// migrationLock is the key of the advisory lock that instances opening at
// once take to migrate one at a time.
const migrationLock = "SELECT pg_advisory_xact_lock(4242120012)"

func newDialect() *sqlstore.Dialect {
	return &sqlstore.Dialect{
		Name:    "postgres",
		Bytes:   "BYTEA",
		Text:    `TEXT COLLATE "C"`,
		LockRow: " FOR UPDATE OF a",
		Lock:    migrationLock,
		Tables:  "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
		Notify:  Channel,
	}
}

// Open connects to the PostgreSQL database that url names
// ("postgres://user:password@host:port/database?sslmode=…", or any
// connection string pgx accepts) and applies the schema migrations it
// lacks, one instance at a time.
//
// Errors: a *DBError (ErrDatabase) for a server that cannot be reached or
// refuses the connection; a *SchemaError (ErrSchemaVersion) for a
// database a newer release migrated; a *NotStoreError (ErrNotStore) for a
// schema that holds other tables and not ours (give the store a database
// or a schema of its own: "?search_path=annotations").
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, &annotate.InputError{Field: "url", Msg: "not a PostgreSQL connection URL: " + redact(err.Error())}
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > timeout {
		cfg.ConnConfig.ConnectTimeout = min(timeout, 10*time.Second)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, &DBError{Op: "open", Err: err}
	}
	db := &pgDB{pool: pool, timeout: timeout}
	octx, cancel := db.bound(ctx)
	defer cancel()
	if err := pool.Ping(octx); err != nil {
		pool.Close()
		return nil, &DBError{Op: "open", Err: err}
	}
	d := newDialect()
	if err := sqlstore.Migrate(octx, db, d); err != nil {
		pool.Close()
		return nil, err
	}
	return &Store{core: &sqlstore.Store{DB: db, Dialect: d, Now: opts.Now}, pool: pool}, nil
}

// redact keeps a password out of a message about a URL.
func redact(s string) string {
	if i := strings.Index(s, "://"); i >= 0 {
		if j := strings.Index(s[i+3:], "@"); j >= 0 {
			return s[:i+3] + "…" + s[i+3+j:]
		}
	}
	return s
}

// Version returns the schema version of the database.
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

// Watch calls fn with the ID of every annotation that any instance adds,
// changes, reports, moderates or deletes, after the change commits, until
// ctx ends (it then returns ctx's error) or the connection fails. A
// service that caches annotations runs it in a goroutine and drops what
// fn names; after an error it drops everything and watches again. An
// import of many annotations is announced as "*": drop everything. fn
// runs on Watch's goroutine: a slow fn delays the notifications after it.
func (s *Store) Watch(ctx context.Context, fn func(id string)) error {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return &DBError{Op: "watch", Err: err}
	}
	defer func() {
		// A connection that listened is not given back to the pool.
		_ = c.Hijack().Close(context.Background())
	}()
	if _, err := c.Exec(ctx, "LISTEN "+Channel); err != nil {
		return &DBError{Op: "watch", Err: err}
	}
	for {
		n, err := c.Conn().WaitForNotification(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return &DBError{Op: "watch", Err: err}
		}
		fn(n.Payload)
	}
}

// pgDB implements sqlstore.DB over a pgx pool.
type pgDB struct {
	pool    *pgxpool.Pool
	timeout time.Duration
}

// bound gives ctx the store's timeout when it has no deadline.
func (d *pgDB) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, d.timeout)
}

type rows struct {
	pgx.Rows
	cancel context.CancelFunc
}

func (r rows) Close() {
	r.Rows.Close()
	r.cancel()
}

func (d *pgDB) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	ctx, cancel := d.bound(ctx)
	defer cancel()
	tag, err := d.pool.Exec(ctx, q, args...)
	return tag.RowsAffected(), err
}

func (d *pgDB) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	ctx, cancel := d.bound(ctx)
	r, err := d.pool.Query(ctx, q, args...)
	if err != nil {
		cancel()
		return nil, err
	}
	return rows{r, cancel}, nil
}

type txConn struct{ tx pgx.Tx }

func (t txConn) Exec(ctx context.Context, q string, args ...any) (int64, error) {
	tag, err := t.tx.Exec(ctx, q, args...)
	return tag.RowsAffected(), err
}

func (t txConn) Query(ctx context.Context, q string, args ...any) (sqlstore.Rows, error) {
	r, err := t.tx.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return rows{r, func() {}}, nil
}

// retryable reports a serialization failure or a deadlock, after which
// the transaction is run again.
func retryable(err error) bool {
	var e *pgconn.PgError
	return errors.As(err, &e) && (e.Code == "40001" || e.Code == "40P01")
}

func (d *pgDB) Tx(ctx context.Context, fn func(sqlstore.Conn) error) error {
	ctx, cancel := d.bound(ctx)
	defer cancel()
	for attempt := 0; ; attempt++ {
		err := pgx.BeginTxFunc(ctx, d.pool, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
			return fn(txConn{tx})
		})
		if err == nil || !retryable(err) || attempt >= 10 || ctx.Err() != nil {
			var e *pgconn.PgError
			if errors.As(err, &e) && e.Code == "23503" {
				// A reply whose parent another instance deleted meanwhile.
				return &annotate.NotFoundError{Kind: "annotation"}
			}
			return err
		}
		t := time.NewTimer(time.Duration(attempt+1) * 5 * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (d *pgDB) Close() error {
	d.pool.Close()
	return nil
}
