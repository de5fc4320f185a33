package maisky_test

import (
	"bytes"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
	"golang.org/x/text/unicode/norm"
)

// The plain text is exactly WriteText without notes, and each page of the
// text starts where the page break is, as Pages counts them.
func TestPlainTextMatchesWriteTextAndPages(t *testing.T) {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	docs := append([]*maisky.Document{sampleDocument()}, file.Documents...)
	for _, d := range docs {
		for _, v := range d.Versions {
			pt := v.PlainText()
			var buf bytes.Buffer
			if err := v.WriteText(&buf, maisky.TextOptions{OmitNotes: true}); err != nil {
				t.Fatal(err)
			}
			if pt.Text != norm.NFC.String(buf.String()) {
				t.Errorf("%s %v: PlainText differs from WriteText", d.ID, v.Kind)
			}
			if pt.Len() != utf8.RuneCountInString(pt.Text) {
				t.Errorf("%s: Len %d", d.ID, pt.Len())
			}
			// Each non-empty page's text starts with that page's number.
			runes := []rune(pt.Text)
			for _, p := range v.Pages() {
				if p.Empty {
					continue
				}
				var pb bytes.Buffer
				_ = p.WriteText(&pb, maisky.TextOptions{OmitNotes: true})
				head := []rune(pb.String())
				if len(head) > 20 {
					head = head[:20]
				}
				found := false
				for i := 0; i+len(head) <= len(runes); i++ {
					if string(runes[i:i+len(head)]) == string(head) && pt.PageAt(i) == p.Number {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("%s page %d: its text %q is not on page %d of the plain text", d.ID, p.Number, string(head), p.Number)
				}
			}
			if span, ok := v.Span(); ok {
				if r := pt.Pages(0, pt.Len()); r != span {
					t.Errorf("%s %v: Pages of the whole text %v, span %v", d.ID, v.Kind, r, span)
				}
			}
		}
	}
}
