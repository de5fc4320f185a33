package maisky_test

import (
	"errors"
	"os"
	"testing"

	"github.com/maisky-lib/maisky/maisky"
)

// FuzzRead decodes arbitrary bytes: never a panic, and what decodes
// re-encodes to something that decodes to the same model, byte-stable.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"../testdata/1934-12-18.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[{"type":"paragraph","content":["a",{"note":"n1"},{"page":2},{"emph":["b"]}]}],"footnotes":[{"id":"n1","n":1,"content":["c"]}]}]}}`))
	f.Add([]byte(`{"format":"maisky/1","volume":{"id":"v","title":"T","contents":[{"id":"x","label":"1 March (1)","date":"1935-03-01~"}]},"documents":[]}`))
	f.Add([]byte(`{"format":"maisky/1","documents":[null]}`))
	for _, s := range hostileSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := maisky.Unmarshal(data)
		if err != nil {
			return
		}
		out, err := maisky.Marshal(file)
		if err != nil {
			t.Fatalf("encode: %v", err)
		}
		again, err := maisky.Unmarshal(out)
		if err != nil {
			t.Fatalf("re-decode of our own output: %v\n%s", err, out)
		}
		out2, err := maisky.Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != string(out2) {
			t.Fatalf("encoding is not stable:\n%s\n---\n%s", out, out2)
		}
		// Validation and paging never panic on decoded input.
		_ = file.Validate()
		for _, d := range file.Documents {
			if d == nil {
				continue
			}
			pages := d.Pages()
			if span, ok := d.PageSpan(); ok && d.Validate() == nil {
				if len(pages) != span.Len() {
					t.Fatalf("%d pages for span %v", len(pages), span)
				}
				if x, err := d.Extract(span); err != nil || len(x.Pages()) != span.Len() {
					t.Fatalf("extract of the whole span: %v", err)
				}
			}
		}
	})
}

// FuzzParsePageRange: never a panic; a parsed range is well formed and
// prints to text that parses to the same range.
func FuzzParsePageRange(f *testing.F) {
	for _, s := range []string{"59", "59-68", "59–68", "59–", "0-3", "70-60", "abc", " 7 - 9 ", "999999-1000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := maisky.ParsePageRange(s)
		if err != nil {
			return
		}
		if r.First < 1 || r.Last < r.First {
			t.Fatalf("%q parsed to %v", s, r)
		}
		back, err := maisky.ParsePageRange(r.String())
		if err != nil || back != r {
			t.Fatalf("%q → %v → %q → %v, %v", s, r, r.String(), back, err)
		}
	})
}

// FuzzParsePerson: never a panic; a parsed name prints to the archive's form
// that parses to the same person.
func FuzzParsePerson(f *testing.F) {
	for _, s := range []string{"Liakhovetsky, Ivan Mikhailovich (Maisky)", "Maisky", "(Maisky)", "Litvinov, Maxim", "a (", "Ляховецкий, Иван (Майский)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := maisky.ParsePerson(s)
		if err != nil {
			return
		}
		back, err := maisky.ParsePerson(p.String())
		if err != nil || back != p {
			t.Fatalf("%q → %#v → %q → %#v, %v", s, p, p.String(), back, err)
		}
	})
}

// FuzzParseDate: never a panic; archive form and EDTF round-trip.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1934 Dec 31", "1934 Dec", "1934", "ca. 1935 Jan 3", "1935 Jan 3?", "1934-12-31", "1935-01-03~", "2000-02-29%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := maisky.ParseDate(s)
		if err != nil && !errors.Is(err, maisky.ErrSyntax) {
			t.Fatalf("%q: error %v is not a syntax error", s, err)
		}
		if err == nil {
			if !d.Valid() {
				t.Fatalf("%q parsed to invalid %#v", s, d)
			}
			back, err := maisky.ParseDate(d.String())
			if err != nil || back != d {
				t.Fatalf("%q → %#v → %q → %#v, %v", s, d, d.String(), back, err)
			}
		}
		d, err = maisky.ParseEDTF(s)
		switch {
		case err != nil && !errors.Is(err, maisky.ErrSyntax):
			t.Fatalf("%q: error %v is not a syntax error", s, err)
		case err == nil && !d.Valid():
			t.Fatalf("%q parsed to invalid %#v", s, d)
		case err == nil && d.EDTF() != s:
			t.Fatalf("%q → %q", s, d.EDTF())
		}
	})
}
