package ris_test

import (
	"bufio"
	"bytes"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/internal/fixture"
)

// Run the writer benchmarks with -benchtime=100000x: each op is one record, so one run writes
// 100k records; B/op and allocs/op are per record. BenchmarkFloor writes
// the same bytes pre-rendered through the same size of buffer; the ratio
// of the ns/op of BenchmarkWriter to BenchmarkFloor is the writer's cost
// over the floor.

func benchRecord(b *testing.B) (ris.Record, []byte) {
	file := fixture.Read(b, "volume1.json")
	d, err := file.Document("maisky-1934-12-31")
	require.NoError(b, err)
	rec, err := ris.DocumentRecord(d, file.Volume, ris.Options{Accessed: accessed})
	require.NoError(b, err)
	pre, err := ris.AppendRecord(nil, rec)
	require.NoError(b, err)
	return rec, pre
}

func BenchmarkWriter(b *testing.B) {
	rec, pre := benchRecord(b)
	w := ris.NewWriter(io.Discard)
	b.SetBytes(int64(len(pre)))
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(rec); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
	require.NoError(b, w.Error())
}

func BenchmarkFloor(b *testing.B) {
	_, pre := benchRecord(b)
	w := bufio.NewWriterSize(io.Discard, 32<<10)
	b.SetBytes(int64(len(pre)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Write(pre); err != nil {
			b.Fatal(err)
		}
	}
	require.NoError(b, w.Flush())
}

// BenchmarkFloorLines writes the same pre-rendered bytes one line per
// Write call, as a writer that emits line by line at least has to.
func BenchmarkFloorLines(b *testing.B) {
	_, pre := benchRecord(b)
	lines := bytes.SplitAfter(pre, []byte("\r\n"))
	w := bufio.NewWriterSize(io.Discard, 32<<10)
	b.SetBytes(int64(len(pre)))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			if _, err := w.Write(l); err != nil {
				b.Fatal(err)
			}
		}
	}
	require.NoError(b, w.Flush())
}

// BenchmarkDocument maps the document and writes it: the cost a download
// service pays per record.
func BenchmarkDocument(b *testing.B) {
	file := fixture.Read(b, "volume1.json")
	d, err := file.Document("maisky-1934-12-31")
	require.NoError(b, err)
	_, pre := benchRecord(b)
	w := ris.NewWriter(io.Discard)
	opts := ris.Options{Accessed: accessed}
	b.SetBytes(int64(len(pre)))
	b.ReportAllocs()
	for b.Loop() {
		rec, err := ris.DocumentRecord(d, file.Volume, opts)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Write(rec); err != nil {
			b.Fatal(err)
		}
	}
	w.Flush()
}

// BenchmarkReader reads 1000 records per op.
func BenchmarkReader(b *testing.B) {
	_, pre := benchRecord(b)
	data := make([]byte, 0, len(pre)*1000)
	for range 1000 {
		data = append(data, pre...)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		recs, err := ris.ReadRecords(bytes.NewReader(data))
		if err != nil || len(recs) != 1000 {
			b.Fatal(err, len(recs))
		}
	}
}
