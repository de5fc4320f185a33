package tei

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkReadShapes measures Read on typical TEI (the bundled volume's
// teiCorpus) and on adversarial shapes: time per input byte (MB/s) and
// peak heap per input byte (peak-B/B). The shapes stay below maxNodes.
func BenchmarkReadShapes(b *testing.B) {
	vol, err := os.ReadFile("testdata/volume1.xml")
	if err != nil {
		b.Fatal(err)
	}
	shapes := []struct {
		name  string
		input []byte
	}{
		{"typical-volume", vol},
		{"comment-split-text", hostileTEI(splitText("<!---->", 4<<20))},
		{"cdata-split-text", hostileTEI(splitText("<![CDATA[b]]>", 4<<20))},
		{"pi-split-text", hostileTEI(splitText("<?pi?>", 4<<20))},
		{"tiny-empty-elements", hostileTEI(strings.Repeat("<p/>", 500_000))},
		{"tiny-paragraphs", hostileTEI(strings.Repeat("<p>a</p>", 250_000))},
		{"unknown-elements", hostileTEI("<p>a</p>" + strings.Repeat("<x/>", 500_000))},
		{"entity-references", hostileTEI("<p>" + strings.Repeat("&amp;&#x416;", 4<<20/12) + "</p>")},
		{"deep-nesting", hostileTEI("<p>" + strings.Repeat(strings.Repeat("<hi>", 250)+"a"+strings.Repeat("</hi>", 250), 200) + "</p>")},
		{"many-attributes", hostileTEI(`<p ` + attrs(20_000) + `>a</p>`)},
		{"whitespace", append(bytes.Repeat([]byte("\n"), 4<<20), vol...)},
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			benchReader(b, s.input, func(in []byte) (any, error) {
				f, err := Read(bytes.NewReader(in))
				if err != nil && f != nil {
					err = nil // content skipped, read anyway
				}
				return f, err
			})
		})
	}
}

// attrs returns n distinct attributes.
func attrs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(" a")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a' + i%26)))
		b.WriteString(string(rune('a' + i/26%26)))
		b.WriteString(string(rune('a' + i/676%26)))
		b.WriteString(`="v"`)
	}
	return b.String()
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
