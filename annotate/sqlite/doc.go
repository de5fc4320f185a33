// Package sqlite is the annotate.Store kept in an SQLite file, through
// modernc.org/sqlite (pure Go: nothing to install, no cgo). It is the
// store of a service on one machine, opened with the URL sqlite:PATH (see
// annotate/storeurl) or with Open.
//
// The file is in WAL mode with synchronous=FULL: a write that returned
// success is on disk and survives the process being killed or the machine
// losing power, and readers go on while one process writes. Every write
// is one transaction that takes the write lock at its start (BEGIN
// IMMEDIATE), so updates are checked against the stored revision with no
// one else writing in between: a stale revision is annotate.ErrConflict.
// Several processes may share the file; their writes take turns, each
// waiting up to Options.BusyTimeout.
//
// The schema is versioned: Open applies the migrations the file lacks in
// one transaction, and refuses a file a newer release migrated
// (ErrSchemaVersion), a file that is not SQLite or is damaged, and another
// program's database (ErrNotStore).
//
// What a viewer may see is decided in each SQL statement: a query for a
// viewer reads only the rows that viewer may see, through indexes by
// document, creator, group, reply, print page and tag.
package sqlite
