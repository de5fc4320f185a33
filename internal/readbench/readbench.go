package readbench

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// PeakHeap runs f and returns the highest heap in use (objects live or not
// yet swept) seen above the heap before it, sampled every 20 µs: the
// memory a reader needs, its garbage included.
func PeakHeap(f func()) uint64 {
	runtime.GC()
	const name = "/memory/classes/heap/objects:bytes"
	s := []metrics.Sample{{Name: name}}
	metrics.Read(s)
	base := s[0].Value.Uint64()
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		t := []metrics.Sample{{Name: name}}
		for {
			metrics.Read(t)
			if v := t[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			default:
				time.Sleep(20 * time.Microsecond)
			}
		}
	}()
	f()
	close(done)
	<-stopped
	metrics.Read(s)
	p := max(peak.Load(), s[0].Value.Uint64())
	if p < base {
		return 0
	}
	return p - base
}

// Reader benchmarks read on input: MB/s, allocations, and the peak
// heap per input byte (peak-B/B) of one more read.
func Reader(b *testing.B, input []byte, read func([]byte) (any, error)) {
	b.Helper()
	if _, err := read(input); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := read(input); err != nil {
			b.Fatal(err)
		}
	}
	var keep any
	p := PeakHeap(func() { keep, _ = read(input) })
	runtime.KeepAlive(keep)
	b.ReportMetric(float64(p)/float64(len(input)), "peak-B/B")
}
