package sqlite

import "github.com/maisky-lib/maisky/annotate"

// Store is also the readers' library (annotate.Library): groups, members,
// folders and saved items in the same file, in tables of their own
// (schema migration 2). Its methods come from the SQL store that
// annotate/postgres shares; see annotate.Library for the rules, and
// annotate/storetest.RunLibrary for the tests it passes.
var _ annotate.Library = (*Store)(nil)
