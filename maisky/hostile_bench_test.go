package maisky_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/internal/readbench"

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
			readbench.Reader(b, s.input, func(in []byte) (any, error) { return maisky.Read(bytes.NewReader(in)) })
		})
	}
}
