// Package storetest holds the conformance tests that every
// annotate.Store passes: the in-memory store, and the durable stores.
//
// A store's own test calls Run with a function that opens a new, empty
// store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) annotate.Store {
//			s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "a.db"), sqlite.Options{})
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { s.Close() })
//			return s
//		})
//	}
//
// The tests check the contract that annotate.Store documents: round trips
// of every field, optimistic concurrency, the order and paging of queries,
// every filter, reports and moderation, bookmarks and tags, typed errors,
// cancelled contexts, concurrent use, and a randomised privacy test of at
// least 10,000 (viewer, annotation, operation) cases against the store's
// own query methods: no private, group or concealed annotation appears in
// any result, count or error message for a viewer outside it.
//
// A store that also keeps the readers' library (annotate.Library) runs
// RunLibrary the same way: groups and roles, membership from the store,
// folders and items (nesting, order, moves, deletion to the unfiled list),
// group folders, leaving and deleting a group, concurrent moves, and a
// randomised privacy test of at least 10,000 (viewer, group, folder,
// annotation, operation) cases, former members included; and the Store
// methods under the library's membership: a viewer claiming a group the
// library knows without belonging to it, or a former member, sees and
// shares nothing of it, a member sees it unclaimed, and a group the
// library does not know is taken from Viewer.Groups — a test and a
// randomised test of at least 10,000 (viewer claiming groups, group known
// or not, member or former member, annotation, Store operation) cases. FillLibrary and
// BenchLibrary measure a reader with 100 folders and 10,000 items.
package storetest
