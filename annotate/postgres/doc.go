// Package postgres is the annotate.Store kept in PostgreSQL, through
// github.com/jackc/pgx/v5 and its connection pool: the store of a service
// that runs on several machines. It is opened with a postgres://… URL
// (see annotate/storeurl) or with Open. Its schema, migrations and
// queries are those of annotate/sqlite.
//
// Every write is one READ COMMITTED transaction that locks the rows it
// changes (SELECT … FOR UPDATE) and checks the stored revision: of two
// instances editing one annotation, the second gets annotate.ErrConflict,
// never a lost update. Deadlocks and serialization failures are retried.
// Each operation is bounded by its context's deadline, or Options.Timeout.
// What a viewer may see is decided in each SQL statement.
//
// # Running a service on several machines
//
// Instances are stateless: every annotation, report, bookmark and tag is
// in the one PostgreSQL database, so any instance may serve any request
// and instances are added or removed behind a load balancer at will. An
// instance that caches annotations (a rendered page, a count) runs
// Store.Watch: every write announces the annotation's ID on the NOTIFY
// channel Channel when it commits, and each instance drops what it cached
// about it. When Watch returns an error (the connection broke), the
// instance drops its whole cache and watches again.
//
// Migrations. The schema is versioned (a numbered list, applied in
// order; the version is kept in schema_migrations). Open applies the
// migrations a database lacks in one transaction, under an advisory lock,
// so instances starting at once migrate once. Migrations only add (tables,
// columns with defaults, indexes), so instances of the previous release go
// on working on the migrated schema: to roll out a release, start one new
// instance (it migrates), then replace the others. An instance of an
// older release refuses to open a database a newer one migrated
// (ErrSchemaVersion): roll back by redeploying the newer release, not by
// downgrading the schema. Large indexes may instead be created
// beforehand with CREATE INDEX CONCURRENTLY under the same name.
//
// Failover. Run PostgreSQL with a synchronous standby
// (synchronous_commit = on, synchronous_standby_names) when no
// acknowledged annotation may be lost with the primary, and point the
// URL at both hosts with target_session_attrs=read-write
// ("postgres://h1,h2/db?target_session_attrs=read-write"), or at a
// proxy that follows the primary. While the primary is down, writes fail
// with a *DBError (ErrDatabase) and nothing is acknowledged; a write
// whose commit was cut off may or may not have been applied, so a client
// retries by reading the annotation back (an Add with the same ID is
// refused with ErrExists if it was). The pool replaces broken connections
// by itself: once the standby is promoted, operations succeed again
// without restarting the instances; Watch returns an error, and the
// instance drops its cache and watches again.
//
// Give the store a database, or a schema of its own
// ("?search_path=annotations"): Open refuses a schema that holds other
// tables and not the store's (ErrNotStore).
package postgres
