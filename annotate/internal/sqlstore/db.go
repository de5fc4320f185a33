package sqlstore

import (
	"context"
	"errors"
	"strconv"
)

// Sentinel errors of the durable stores; annotate/sqlite and
// annotate/postgres export them under the same names.
var (
	// ErrNotStore reports a file or database that is not an annotation
	// store: not SQLite at all, damaged, or another program's database.
	ErrNotStore = errors.New("annotate store: not an annotation store")
	// ErrSchemaVersion reports a database whose schema is newer than this
	// program knows: a newer release migrated it.
	ErrSchemaVersion = errors.New("annotate store: schema from a newer version")
	// ErrDatabase reports a failure of the database itself: unreachable,
	// out of space, an I/O error.
	ErrDatabase = errors.New("annotate store: database error")
)

// SchemaError reports a schema newer than Latest. It unwraps to
// ErrSchemaVersion.
type SchemaError struct {
	// Found is the database's schema version; Known the newest this
	// program knows.
	Found, Known int
}

// Error says both versions.
func (e *SchemaError) Error() string {
	return "annotate store: the database has schema version " + strconv.Itoa(e.Found) + ", newer than this program's " + strconv.Itoa(e.Known) + "; run a newer release"
}

// Unwrap returns ErrSchemaVersion.
func (e *SchemaError) Unwrap() error { return ErrSchemaVersion }

// NotStoreError reports what is wrong with a database that is not an
// annotation store. It unwraps to ErrNotStore and to the driver's error,
// if any.
type NotStoreError struct {
	// Msg says what was found.
	Msg string
	// Err is the driver's error, or nil.
	Err error
}

// Error returns the message.
func (e *NotStoreError) Error() string {
	s := "annotate store: not an annotation store: " + e.Msg
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns ErrNotStore and the driver's error.
func (e *NotStoreError) Unwrap() []error {
	if e.Err == nil {
		return []error{ErrNotStore}
	}
	return []error{ErrNotStore, e.Err}
}

// DBError reports a failure of the database during an operation. It
// unwraps to ErrDatabase and to the driver's error (so a cancelled context
// is still errors.Is(err, context.Canceled)).
type DBError struct {
	// Op is the store method ("add", "query", "open", …).
	Op  string
	Err error
}

// Error returns "annotate store: OP: ERR".
func (e *DBError) Error() string { return "annotate store: " + e.Op + ": " + e.Err.Error() }

// Unwrap returns ErrDatabase and the driver's error.
func (e *DBError) Unwrap() []error { return []error{ErrDatabase, e.Err} }

// Rows is a result set.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// Conn runs statements: the database itself, or a transaction. SQL uses
// $1, $2, … placeholders.
type Conn interface {
	Exec(ctx context.Context, sql string, args ...any) (int64, error)
	Query(ctx context.Context, sql string, args ...any) (Rows, error)
}

// DB is a database with write transactions.
type DB interface {
	Conn
	// Tx runs fn in one write transaction: committed when fn returns nil,
	// rolled back otherwise. A transaction that fails with an error for
	// which Retry is true is run again.
	Tx(ctx context.Context, fn func(Conn) error) error
	Close() error
}

// Dialect is what differs between SQLite and PostgreSQL.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Bytes is the column type of byte strings.
	Bytes string
	// Text is the column type of text compared byte by byte.
	Text string
	// Lock, when not empty, is run first in the transaction that
	// migrates, so that instances opening at once migrate one at a time.
	Lock string
	// Tables lists the names of the tables in the store's schema (one
	// column).
	Tables string
	// LockRow is appended to a SELECT that reads a row a transaction
	// then writes (" FOR UPDATE"), empty where a write transaction holds
	// the whole database.
	LockRow string
	// Unique reports a unique-constraint violation.
	Unique func(error) bool
	// Notify, when not empty, is a channel that every write announces the
	// annotation IDs it changed on, with pg_notify.
	Notify string
}
