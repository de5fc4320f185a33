//go:build !unix

package csl

// cpuTime is not measured here (see cputime_unix_test.go).
func cpuTime() int64 { return 0 }
