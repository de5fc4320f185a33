//go:build unix

package csl

import "syscall"

// cpuTime returns the CPU time (user and system) of the process so far, in
// nanoseconds: the benchmarks report it per op, as a machine shared with
// other work stretches wall time more than CPU time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
