package maisky_test

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// BenchmarkReadShapes measures Read on a typical file (the bundled volume)
// and on adversarial shapes of about the same node budget: time per input
// byte (MB/s) and peak heap per input byte (peak-B/B). The shapes stay
// below MaxNodes, so every read succeeds.
func BenchmarkReadShapes(b *testing.B) {
	vol, err := os.ReadFile("../testdata/volume1.json")
	if err != nil {
		b.Fatal(err)
	}
	doc := func(content string) []byte {
		return []byte(`{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[` + content + `]}]}}`)
	}
	list := func(item string, n int) string { return strings.TrimSuffix(strings.Repeat(item+",", n), ",") }
	shapes := []struct {
		name  string
		input []byte
	}{
		{"typical-volume", vol},
		{"one-letter-texts", doc(`{"type":"paragraph","content":[` + list(`"a"`, 400_000) + `]}`)},
		{"one-letter-emphasis", doc(`{"type":"paragraph","content":[` + list(`{"emph":["a"]}`, 200_000) + `]}`)},
		{"page-breaks", doc(`{"type":"paragraph","content":["a",` + list(`{"page":7}`, 400_000) + `]}`)},
		{"empty-paragraphs", doc(list(`{"type":"paragraph","content":[]}`, 400_000))},
		{"escaped-text", doc(`{"type":"paragraph","content":["` + strings.Repeat(`\u0416`, 1<<20/6*4) + `"]}`)},
		{"nested-emphasis", doc(`{"type":"paragraph","content":[` + list(strings.Repeat(`{"emph":[`, 100)+`"a"`+strings.Repeat(`]}`, 100), 2000) + `]}`)},
		{"whitespace", append(bytes.Repeat([]byte{' '}, 4<<20), vol...)},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			benchReader(b, s.input, func(in []byte) (any, error) { return maisky.Read(bytes.NewReader(in)) })
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
