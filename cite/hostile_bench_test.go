package cite

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

// BenchmarkReadCSLJSONShapes measures ReadCSLJSON on typical CSL-JSON (the
// items of the bundled volume's documents, about 1 MB) and on adversarial
// shapes: time per input byte (MB/s) and peak heap per input byte
// (peak-B/B).
func BenchmarkReadCSLJSONShapes(b *testing.B) {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		b.Fatal(err)
	}
	file, err := maisky.Read(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var items []Item
	for len(items) < 2000 {
		for _, d := range file.Documents {
			it, err := FromDocument(d, file.Volume, Options{})
			if err != nil {
				b.Fatal(err)
			}
			items = append(items, it)
		}
	}
	var typical bytes.Buffer
	if err := WriteCSLJSON(&typical, items); err != nil {
		b.Fatal(err)
	}
	list := func(item string, n int) []byte {
		return []byte("[" + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + "]")
	}
	shapes := []struct {
		name  string
		input []byte
	}{
		{"typical-items", typical.Bytes()},
		{"tiny-items", list(`{"id":"a"}`, MaxCSLJSONItems)},
		{"many-names", list(`{"id":"a","author":[`+strings.TrimSuffix(strings.Repeat(`{"family":"M"},`, 20_000), ",")+`]}`, 4)},
		{"escaped-title", list(`{"id":"a","title":"`+strings.Repeat(`\u0416`, 1<<20/6)+`"}`, 4)},
		{"whitespace", append(bytes.Repeat([]byte(" "), 4<<20), typical.Bytes()...)},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			benchReader(b, s.input, func(in []byte) (any, error) { return ReadCSLJSON(bytes.NewReader(in)) })
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
