package ris_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/internal/fixture"
)

func TestWriterExactBytes(t *testing.T) {
	var buf bytes.Buffer
	w := ris.NewWriter(&buf)
	rec := ris.Record{Type: "CHAP"}
	rec.Add("TI", "31 December 1934")
	rec.Add("AU", "Maisky, Ivan")
	rec.Fields = append(rec.Fields, ris.Field{Tag: "N1", Value: " \r\n "}) // folds to nothing: left out
	rec.Add("AB", "a & b <i>c</i> “quoted” – Майский")
	require.NoError(t, w.Write(rec))
	require.NoError(t, w.Write(ris.Record{Type: "BOOK"}))
	assert.Zero(t, buf.Len(), "buffered until Flush")
	w.Flush()
	require.NoError(t, w.Error())
	want := "TY  - CHAP\r\nTI  - 31 December 1934\r\nAU  - Maisky, Ivan\r\n" +
		"AB  - a & b <i>c</i> “quoted” – Майский\r\nER  - \r\n" +
		"TY  - BOOK\r\nER  - \r\n"
	assert.Equal(t, want, buf.String())
	checkShape(t, buf.Bytes(), 2)
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"":                                     "",
		"plain":                                "plain",
		"  two  spaces  ":                      "two spaces",
		"line\r\nbreak":                        "line break",
		"cr\rlf\nnel\u0085ls\u2028ps\u2029end": "cr lf nel ls ps end",
		"tab\there":                            "tab here",
		"nul\x00del\x7fc1\u009b":               "nul del c1",
		"\u00a0nbsp inside\u00a0ok\u3000":      "nbsp inside\u00a0ok",
		"\ufeffbom":                            "bom",
		"e\u0301":                              "é",
		"bad\xffutf8":                          "bad\ufffdutf8",
		"x\r\nER  - \r\nTY  - JOUR":            "x ER - TY - JOUR",
		" \t\r\n ":                             "",
		"Майский – ‘quoted’":                   "Майский – ‘quoted’",
	}
	for in, want := range cases {
		got := ris.Fold(in)
		assert.Equal(t, want, got, "%q", in)
		assert.Equal(t, got, ris.Fold(got), "idempotent %q", in)
	}
}

func TestWriterInjection(t *testing.T) {
	evil := "Innocent\r\nER  - \r\nTY  - JOUR\nTI  - Forged\u2028AU  - X\u0085PY  - 2017\rER  - "
	rec := ris.Record{Type: "CHAP"}
	for _, tag := range []string{"TI", "AU", "T2", "N1", "KW", "AB", "UR"} {
		rec.Add(tag, evil)
	}
	var buf bytes.Buffer
	require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
	checkShape(t, buf.Bytes(), 1)
	recs, err := ris.ReadRecords(&buf)
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, ris.Fold(evil), recs[0].Value("TI"))
	assert.Equal(t, "Innocent ER - TY - JOUR TI - Forged AU - X PY - 2017 ER -", recs[0].Value("TI"))
}

func TestWriterKeywords(t *testing.T) {
	write := func(kws ...string) []string {
		rec := ris.Record{Type: "CHAP"}
		for _, kw := range kws {
			rec.Add("KW", kw)
		}
		var buf bytes.Buffer
		require.NoError(t, ris.WriteRecords(&buf, []ris.Record{rec}))
		recs, err := ris.ReadRecords(&buf)
		require.NoError(t, err)
		require.Len(t, recs, 1)
		return recs[0].Values("KW")
	}
	assert.Equal(t, []string{"Vansittart\u201a Robert"}, write("Vansittart, Robert"), "a lone keyword keeps its comma as a look-alike")
	assert.Equal(t, []string{"Vansittart, Robert", "Japan"}, write("Vansittart, Robert", "Japan"), "commas kept when there are several")
	assert.Equal(t, []string{"trade", "credits"}, write("trade; credits"), "semicolons split")
	assert.Equal(t, []string{"a\u201a b"}, write(" ; a, b ;; ", ""), "empties dropped before counting")
	assert.Equal(t, []string{"x", "y, z"}, write("x;\r\ny, z"))
	assert.Nil(t, write(";", " "))
	for _, kws := range [][]string{{"Vansittart, Robert"}, {"a;b, c", "d"}, {"x, y"}} {
		assert.Equal(t, expectKeywords(kws), write(kws...))
	}
}

func TestWriterRefuses(t *testing.T) {
	cases := []struct {
		rec   ris.Record
		field int
	}{
		{ris.Record{Type: ""}, -1},
		{ris.Record{Type: "chap"}, -1},
		{ris.Record{Type: "CH AP"}, -1},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "ti", Value: "x"}}}, 0},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "TI", Value: "x"}, {Tag: "T", Value: "x"}}}, 1},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "1A", Value: "x"}}}, 0},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "ER", Value: ""}}}, 0},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "TY", Value: "JOUR"}}}, 0},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "TI", Value: "a"}, {Tag: "AU", Value: "b"}, {Tag: "TI", Value: "c"}}}, 2},
		{ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "UR", Value: "a"}, {Tag: "UR", Value: ""}}}, 1},
	}
	for i, c := range cases {
		var buf bytes.Buffer
		w := ris.NewWriter(&buf)
		err := w.Write(c.rec)
		require.ErrorIs(t, err, ris.ErrInvalid, "case %d", i)
		var re *ris.RecordError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, c.field, re.Field, "case %d", i)
		assert.Equal(t, err, w.Error())
		w.Flush()
		require.NoError(t, w.Error())
		assert.Zero(t, buf.Len(), "nothing written for case %d", i)
	}
	// Repeatable tags may repeat.
	rec := ris.Record{Type: "CHAP"}
	for _, tag := range []string{"AU", "AU", "A1", "A1", "A2", "A2", "A3", "A3", "A4", "A4", "KW", "KW", "N1", "N1"} {
		rec.Add(tag, "v")
	}
	_, err := ris.AppendRecord(nil, rec)
	require.NoError(t, err)
}

// flaky fails the first Write after taking part of the data, then works.
type flaky struct {
	buf   bytes.Buffer
	fails int
}

var errFlaky = errors.New("disk full")

func (f *flaky) Write(p []byte) (int, error) {
	if f.fails > 0 {
		f.fails--
		n := len(p) / 2
		f.buf.Write(p[:n])
		return n, errFlaky
	}
	return f.buf.Write(p)
}

func TestWriterErrorNotSticky(t *testing.T) {
	rec := ris.Record{Type: "CHAP", Fields: []ris.Field{{Tag: "TI", Value: "Title"}}}
	want, err := ris.AppendRecord(nil, rec)
	require.NoError(t, err)

	f := &flaky{fails: 1}
	w := ris.NewWriter(f)
	require.NoError(t, w.Write(rec))
	w.Flush()
	require.ErrorIs(t, w.Error(), errFlaky)
	// The next flush writes the rest; the error is gone.
	require.NoError(t, w.Write(rec))
	require.NoError(t, w.Error())
	w.Flush()
	require.NoError(t, w.Error())
	assert.Equal(t, string(want)+string(want), f.buf.String())

	// A refused record does not poison the writer.
	require.Error(t, w.Write(ris.Record{}))
	require.NoError(t, w.Write(rec))
	w.Flush()
	require.NoError(t, w.Error())
	assert.Equal(t, strings.Repeat(string(want), 3), f.buf.String())
}

type shortWriter struct{}

func (shortWriter) Write(p []byte) (int, error) { return len(p) - 1, nil }

func TestWriterShortWrite(t *testing.T) {
	w := ris.NewWriter(shortWriter{})
	require.NoError(t, w.Write(ris.Record{Type: "GEN"}))
	w.Flush()
	require.ErrorIs(t, w.Error(), io.ErrShortWrite)
}

func TestWriterFlushesWhenFull(t *testing.T) {
	var buf bytes.Buffer
	w := ris.NewWriter(&buf)
	rec := ris.Record{Type: "GEN", Fields: []ris.Field{{Tag: "AB", Value: strings.Repeat("x", 1000)}}}
	for buf.Len() == 0 {
		require.NoError(t, w.Write(rec))
	}
	assert.Zero(t, buf.Len()%len(mustAppend(t, rec)), "whole records")
}

func TestWriterConstantMemory(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	rec, err := ris.DocumentRecord(file.Documents[0], file.Volume, ris.Options{Accessed: accessed})
	require.NoError(t, err)
	w := ris.NewWriter(io.Discard)
	for range 1000 { // warm up the buffers
		require.NoError(t, w.Write(rec))
	}
	allocs := testing.AllocsPerRun(10000, func() { _ = w.Write(rec) })
	assert.Zero(t, allocs, "allocations per record")
}

func mustAppend(t *testing.T, rec ris.Record) []byte {
	b, err := ris.AppendRecord(nil, rec)
	require.NoError(t, err)
	return b
}
