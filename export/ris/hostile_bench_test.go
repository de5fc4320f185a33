package ris_test

import (
	"bytes"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/export/ris"
)

// BenchmarkReadShapes measures ReadRecords on typical RIS (our records of
// the 31 December entry, 4 MB) and on adversarial shapes: time per input
// byte (MB/s) and peak heap per input byte (peak-B/B).
func BenchmarkReadShapes(b *testing.B) {
	_, pre := benchRecord(b)
	typical := bytes.Repeat(pre, 4<<20/len(pre))
	shapes := []struct {
		name  string
		input []byte
	}{
		{"typical-records", typical},
		{"continuation-lines", []byte(strings.Repeat("TY  - GEN\nTI  - start\n"+strings.Repeat("ab\n", 300_000)+"ER  - \n", 4))},
		{"bare-cr-line-ends", []byte(strings.ReplaceAll(strings.ReplaceAll(string(typical), "\r\n", "\r"), "\n", "\r"))},
		{"tiny-records", []byte(strings.Repeat("TY  - GEN\nER  - \n", 4<<20/17))},
		{"tiny-fields", []byte(strings.Repeat("TY  - GEN\n"+strings.Repeat("AU  - a\n", 60_000)+"ER  - \n", 8))},
		{"blank-lines", append(bytes.Repeat([]byte("\n"), 4<<20), pre...)},
		{"one-long-value", []byte("TY  - GEN\nTI  - " + strings.Repeat("x", 1<<20-100) + "\nER  - \n")},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			benchReader(b, s.input, func(in []byte) (any, error) { return ris.ReadRecords(bytes.NewReader(in)) })
		})
	}
}

// peakHeap runs f and returns the highest heap in use (objects live or not
// yet swept) seen above the heap before it, sampled every 20 µs: the
// memory a reader needs, its garbage included.
func peakHeap(f func()) uint64 {
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

// benchReader benchmarks read on input: MB/s, allocations, and the peak
// heap per input byte (peak-B/B) of one more read.
func benchReader(b *testing.B, input []byte, read func([]byte) (any, error)) {
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
	p := peakHeap(func() { keep, _ = read(input) })
	runtime.KeepAlive(keep)
	b.ReportMetric(float64(p)/float64(len(input)), "peak-B/B")
}
