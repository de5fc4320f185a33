// Package storecheck holds the durability and concurrency checks that
// annotate/sqlite and annotate/postgres run on themselves: a writer
// process killed with SIGKILL at random moments, and many writers editing
// the same annotations.
package storecheck
