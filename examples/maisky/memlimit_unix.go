//go:build unix

package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
)

// limitMemory sets the runtime's soft memory limit below the process's
// address-space limit (ulimit -v), if there is one: the garbage collector
// then works harder near the limit instead of letting the heap grow into
// an out-of-memory crash. The runtime itself reserves about 800 MB of
// address space on 64-bit Linux, which the heap cannot use.
func limitMemory() {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil || rl.Cur >= 1<<62 {
		return
	}
	const reserved = 800 << 20
	limit := (int64(rl.Cur) - reserved) / 10 * 8
	debug.SetMemoryLimit(max(limit, 32<<20))
}

// memoryHeadroom returns how many bytes of address space the process may
// still map under its limit (ulimit -v), and false if there is no limit or
// it cannot tell.
func memoryHeadroom() (int64, bool) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil || rl.Cur >= 1<<62 {
		return 0, false
	}
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0, false
	}
	pages, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return 0, false
	}
	return int64(rl.Cur) - pages*int64(os.Getpagesize()), true
}
