package ris_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/internal/readbench"

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
			readbench.Reader(b, s.input, func(in []byte) (any, error) { return ris.ReadRecords(bytes.NewReader(in)) })
		})
	}
}
