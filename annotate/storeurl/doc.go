// Package storeurl opens an annotation store from a URL: "sqlite:PATH"
// for annotate/sqlite, "postgres://…" or "postgresql://…" for
// annotate/postgres, "memory:" for a new, empty annotate.Memory.
//
// A program that takes a store from its configuration or command line
// calls Open and needs to know nothing else; it links both drivers. A
// program that uses one store imports its package and calls its Open
// instead.
package storeurl
