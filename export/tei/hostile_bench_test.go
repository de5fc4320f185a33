package tei

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/internal/readbench"
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
			readbench.Reader(b, s.input, func(in []byte) (any, error) {
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
