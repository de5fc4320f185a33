//go:build unix

package pdf

import "syscall"

// cpuNanos returns the CPU time of the process so far (user and system,
// every thread: the garbage collector's work counts), which a shared
// machine disturbs less than the wall clock.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
