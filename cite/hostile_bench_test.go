package cite

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/internal/readbench"

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
			readbench.Reader(b, s.input, func(in []byte) (any, error) { return ReadCSLJSON(bytes.NewReader(in)) })
		})
	}
}
