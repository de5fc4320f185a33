package postgres

import "github.com/maisky-lib/maisky/annotate"

// Store is also the readers' library (annotate.Library): groups, members,
// folders and saved items in the same database, in tables of their own
// (schema migration 2). Library writes take a transaction-scoped advisory
// lock, so that instances renumbering the same list take turns. Its
// methods come from the SQL store that annotate/sqlite shares; see
// annotate.Library for the rules, and annotate/storetest.RunLibrary for
// the tests it passes.
var _ annotate.Library = (*Store)(nil)
