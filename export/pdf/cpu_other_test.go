//go:build !unix

package pdf

// cpuNanos is not measured here.
func cpuNanos() int64 { return 0 }
