// Package sqlstore is the annotate.Store that annotate/sqlite and
// annotate/postgres share: the schema, its migrations and every query,
// over a small interface that each package implements with its driver.
package sqlstore
