package maisky_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/maisky-lib/maisky/maisky"
)

func BenchmarkReadValidate31December(b *testing.B) {
	data, err := os.ReadFile("../testdata/1934-12-31.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := maisky.Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite31December(b *testing.B) {
	d := december31(b)
	f := &maisky.File{Documents: []*maisky.Document{d}}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := maisky.Write(&buf, f); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func BenchmarkPages(b *testing.B) {
	d := december31(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(d.Pages()) != 15 {
			b.Fatal("want 15 pages")
		}
	}
}

func BenchmarkExtract(b *testing.B) {
	d := december31(b)
	r := maisky.PageRange{First: 59, Last: 68}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Extract(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshal31December(b *testing.B) {
	data, err := os.ReadFile("../testdata/1934-12-31.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := maisky.Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate31December(b *testing.B) {
	d := december31(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
