package pdf

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkWrite prints the ten pages 59–68 of 31 December (24 notes), as
// a print service does: one extract per operation, into memory.
func BenchmarkWrite(b *testing.B) {
	vol, doc := volume1(b)
	req := request(59, 68)
	opts := Options{Volume: vol}
	var out bytes.Buffer
	if err := Write(&out, doc, req, opts); err != nil {
		b.Fatal(err)
	}
	size := out.Len()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuNanos()
	for b.Loop() {
		out.Reset()
		if err := Write(&out, doc, req, opts); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(size), "bytes/pdf")
}

// BenchmarkWriteParallel runs extracts on every core at once.
func BenchmarkWriteParallel(b *testing.B) {
	vol, doc := volume1(b)
	req := request(59, 68)
	opts := Options{Volume: vol}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := Write(io.Discard, doc, req, opts); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkLayout is the share of the work that is ours: the layout
// without the PDF engine.
func BenchmarkLayout(b *testing.B) {
	vol, doc := volume1(b)
	req := request(59, 68)
	opts := Options{Volume: vol}
	b.ReportAllocs()
	cpu := cpuNanos()
	for b.Loop() {
		layoutOf(b, doc, req, opts)
	}
	reportCPU(b, cpu)
}

// BenchmarkFloor is fpdf's floor for the same extract: an empty document of
// ten pages with the same page setup and the same faces (Liberation Serif
// regular, italic and bold, registered as the module ships them, so
// embedded), written the same way. BenchmarkWrite minus this is our share.
func BenchmarkFloor(b *testing.B) {
	benchFloor(b, nil)
}

// BenchmarkFloorSubset is the stricter floor: the same empty document with
// the faces as Write hands them to fpdf, cut to the characters of the
// extract of BenchmarkWrite (cut before the timing).
func BenchmarkFloorSubset(b *testing.B) {
	vol, doc := volume1(b)
	out := layoutOf(b, doc, request(59, 68), Options{Volume: vol})
	used := new([numStyles]runeSet)
	for i := range out {
		for _, pl := range out[i].lines {
			for _, r := range pl.runs {
				used[r.st].addString(r.text)
			}
		}
	}
	var ttfs [numStyles][]byte
	for st := range ttfs {
		ttfs[st] = fonts().faces[st].subset(&used[st])
	}
	benchFloor(b, &ttfs)
}

func benchFloor(b *testing.B, ttfs *[numStyles][]byte) {
	fs := fonts()
	g := newGeometry(A4)
	meta := metadata{title: "t", creator: "maisky", producer: "maisky", created: accepted.At}
	var out bytes.Buffer
	b.ReportAllocs()
	cpu := cpuNanos()
	for b.Loop() {
		out.Reset()
		c := newCanvas(fs, g, meta)
		for range 10 {
			c.f.AddPage()
			for _, st := range []style{regular, italic, bold} {
				ttf := fs.faces[st].ttf
				if ttfs != nil {
					ttf = ttfs[st]
				}
				c.f.AddUTF8FontFromBytes(family, st.fpdfStyle(), ttf)
				c.f.SetFont(family, st.fpdfStyle(), bodySize)
			}
		}
		if err := c.f.Output(&out); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu)
	b.ReportMetric(float64(out.Len()), "bytes/pdf")
}

// reportCPU reports the process's CPU time per operation since cpu (with
// b.Loop, the loop runs once for all b.N operations).
func reportCPU(b *testing.B, cpu int64) {
	if now := cpuNanos(); now > 0 && b.N > 0 {
		b.ReportMetric(float64(now-cpu)/float64(b.N), "cpu-ns/op")
	}
}
