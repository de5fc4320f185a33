package tei

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

// bigVolume is the fixture volume scaled to n entries: its documents
// repeated with new ids (sharing their text, so that the input adds little
// to the heap) and a table of contents listing them.
func bigVolume(t testing.TB, n int) (*maisky.Volume, []*maisky.Document) {
	file := fixture.Read(t, "volume1.json")
	vol := *file.Volume
	vol.Contents = nil
	var docs []*maisky.Document
	for len(docs) < n {
		for _, d := range file.Documents {
			if len(docs) == n {
				break
			}
			c := *d
			c.ID = fmt.Sprintf("%s-r%03d", d.ID, len(docs))
			docs = append(docs, &c)
			vol.Contents = append(vol.Contents, maisky.Entry{ID: c.ID, Label: c.Title, Date: c.Date})
		}
	}
	return &vol, docs
}

// peakWriter discards what it is given and samples the heap in use at each
// write (the writer flushes once per document, while that document's tree
// is alive).
type peakWriter struct {
	n    int64
	peak uint64
	ms   runtime.MemStats
}

func (p *peakWriter) Write(b []byte) (int, error) {
	runtime.ReadMemStats(&p.ms)
	p.peak = max(p.peak, p.ms.HeapInuse)
	p.n += int64(len(b))
	return len(b), nil
}

func BenchmarkWrite31December(b *testing.B) {
	doc := fixture.Read(b, "1934-12-31.json").Documents[0]
	var buf bytes.Buffer
	require.NoError(b, Write(&buf, doc, Options{}))
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, doc, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead31December(b *testing.B) {
	doc := fixture.Read(b, "1934-12-31.json").Documents[0]
	var buf bytes.Buffer
	require.NoError(b, Write(&buf, doc, Options{}))
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteVolume streams the fixture volume scaled to 23 and to 230
// entries: the heap peak stays that of one entry (MB-peak-heap), while the
// output grows tenfold (MB-out).
func BenchmarkWriteVolume(b *testing.B) {
	for _, n := range []int{23, 230} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			vol, docs := bigVolume(b, n)
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			base := ms.HeapInuse
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteVolume(io.Discard, vol, docs, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			// The peak is sampled in one more run with a tight GC target, so
			// that it reflects what is live rather than garbage.
			defer debug.SetGCPercent(debug.SetGCPercent(5))
			var pw peakWriter
			if err := WriteVolume(&pw, vol, docs, Options{}); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(pw.peak-min(pw.peak, base))/(1<<20), "MB-peak-heap")
			b.ReportMetric(float64(pw.n)/(1<<20), "MB-out")
		})
	}
}

// BenchmarkVolumeTreesHeld is the reference for BenchmarkWriteVolume: the
// heap a writer would need if it built the TEI trees of all 230 entries
// before writing them.
func BenchmarkVolumeTreesHeld(b *testing.B) {
	vol, docs := bigVolume(b, 230)
	ids := entryIDs(vol)
	opts := Options{Volume: vol}
	b.ReportAllocs()
	build := func() []*etree.Element {
		trees := make([]*etree.Element, 0, len(docs))
		for _, d := range docs {
			dw := &docWriter{doc: d, vol: vol, inCorpus: true, eid: ids[d.ID], opts: &opts}
			el, err := dw.element()
			if err != nil {
				b.Fatal(err)
			}
			trees = append(trees, el)
		}
		return trees
	}
	bw := bufio.NewWriter(io.Discard)
	for b.Loop() {
		for _, el := range build() {
			writeElement(bw, el, 1)
		}
	}
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	trees := build()
	runtime.ReadMemStats(&ms)
	peak := ms.HeapInuse
	runtime.KeepAlive(trees)
	b.ReportMetric(float64(peak-min(peak, base))/(1<<20), "MB-peak-heap")
}

// writeHTML writes docs as simple HTML, the same content for pandoc's TEI
// writer: h1/h2, p, em, commentary as blockquote, footnote anchors as
// pandoc writes them (a link to a note in an ordered list at the end of
// each document), page breaks as empty spans.
func writeHTML(w io.Writer, docs []*maisky.Document) {
	fmt.Fprintln(w, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>maisky</title></head><body>")
	var inl func(content []maisky.Inline, v *maisky.Version)
	inl = func(content []maisky.Inline, v *maisky.Version) {
		for _, in := range content {
			switch in := in.(type) {
			case *maisky.Text:
				io.WriteString(w, html.EscapeString(in.Value))
			case *maisky.Emphasis:
				io.WriteString(w, "<em>")
				inl(in.Content, v)
				io.WriteString(w, "</em>")
			case *maisky.PageBreak:
				fmt.Fprintf(w, `<span class="pb" id="p%d"></span>`, in.Page)
			case *maisky.NoteRef:
				n := v.Footnote(in.ID).Number
				fmt.Fprintf(w, `<a href="#fn%d" class="footnote-ref" id="fnref%d" role="doc-noteref"><sup>%d</sup></a>`, n, n, n)
			}
		}
	}
	for _, d := range docs {
		fmt.Fprintf(w, "<section id=%q>\n", d.ID)
		for _, v := range d.Versions {
			for _, b := range v.Blocks {
				tag := "p"
				switch b := b.(type) {
				case *maisky.Heading:
					tag = fmt.Sprintf("h%d", b.Level)
				case *maisky.Commentary:
					tag = "blockquote"
				}
				fmt.Fprintf(w, "<%s>", tag)
				inl(b.Inlines(), v)
				fmt.Fprintf(w, "</%s>\n", tag)
			}
			if len(v.Footnotes) > 0 {
				fmt.Fprintln(w, `<section class="footnotes" role="doc-endnotes"><ol>`)
				for _, f := range v.Footnotes {
					fmt.Fprintf(w, `<li id="fn%d" role="doc-endnote"><p>`, f.Number)
					inl(f.Content, v)
					fmt.Fprintf(w, `<a href="#fnref%d" class="footnote-back" role="doc-backlink">↩</a></p></li>`+"\n", f.Number)
				}
				fmt.Fprintln(w, "</ol></section>")
			}
		}
		fmt.Fprintln(w, "</section>")
	}
	fmt.Fprintln(w, "</body></html>")
}

// TestPandocInputs writes the 31 December entry and the volume scaled to
// 230 entries as HTML for pandoc and as maisky/1 JSON for `maisky tei`, the
// inputs of the side-by-side timing in the package's benchmark notes; into
// $TEI_PANDOC_DIR when set.
func TestPandocInputs(t *testing.T) {
	dir := os.Getenv("TEI_PANDOC_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	doc := fixture.Read(t, "1934-12-31.json").Documents[0]
	vol, docs := bigVolume(t, 230)
	for name, docs := range map[string][]*maisky.Document{"1934-12-31": {doc}, "volume230": docs} {
		var h bytes.Buffer
		writeHTML(&h, docs)
		dec := xml.NewDecoder(bytes.NewReader(h.Bytes()))
		dec.Strict, dec.AutoClose, dec.Entity = false, xml.HTMLAutoClose, xml.HTMLEntity
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".html"), h.Bytes(), 0o644))
	}
	var j bytes.Buffer
	require.NoError(t, maisky.Write(&j, &maisky.File{Volume: vol, Documents: docs}))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "volume230.json"), j.Bytes(), 0o644))
	f, err := maisky.Read(bytes.NewReader(j.Bytes()))
	require.NoError(t, err)
	require.NoError(t, f.Validate())
	require.Len(t, f.Documents, 230)
}
