package ris_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
)

// fuzzTags are the tags the round-trip fuzz target fills, single-valued and
// repeatable ones.
var fuzzTags = []string{"TI", "AU", "AU", "KW", "KW", "N1", "AB", "T2", "UR"}

// checkWriterRoundTrip writes one record per values slice (fields tagged
// from fuzzTags) and checks the output: its shape, exactly one record per
// input read back by our Reader, each value back as Fold gives it and the
// keywords as the keyword rule gives them.
func checkWriterRoundTrip(t testing.TB, typ string, records [][]string) {
	var recs []ris.Record
	for _, values := range records {
		rec := ris.Record{Type: typ}
		for i, v := range values {
			rec.Add(fuzzTags[i%len(fuzzTags)], v)
		}
		recs = append(recs, rec)
	}
	var buf bytes.Buffer
	require.NoError(t, ris.WriteRecords(&buf, recs))
	checkShape(t, buf.Bytes(), len(recs))
	got, err := ris.ReadRecords(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, got, len(recs))
	for i, rec := range recs {
		require.Equal(t, typ, got[i].Type)
		var want []ris.Field
		var kws []string
		for _, f := range rec.Fields {
			if f.Tag == "KW" {
				kws = append(kws, f.Value)
				continue
			}
			if v := ris.Fold(f.Value); v != "" {
				want = append(want, ris.Field{Tag: f.Tag, Value: v})
			}
		}
		var gotFields []ris.Field
		for _, f := range got[i].Fields {
			if f.Tag != "KW" {
				gotFields = append(gotFields, ris.Field{Tag: f.Tag, Value: f.Value})
			}
		}
		require.Equal(t, want, gotFields)
		require.Equal(t, expectKeywords(kws), got[i].Values("KW"))
	}
}

// alphabet holds the characters that make values dangerous.
var alphabet = []string{
	"a", "Z", " ", "  ", "-", "  - ", "ER  - ", "TY  - JOUR", ";", ",", "\r", "\n", "\r\n",
	"\t", "\x00", "\x7f", "\u0085", "\u2028", "\u2029", "\u00a0", "\u3000", "\ufeff",
	"e\u0301", "\u0301", "é", "Майский", "–", "’", "\xff", "\xe2\x80", "&amp;", "<i>",
}

func randomValue(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// TestWriterRoundTripProperty: for any strings in any field, the output
// parses to exactly one record per input with the values back after
// folding.
func TestWriterRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		records := make([][]string, 1+r.IntN(3))
		for i := range records {
			records[i] = make([]string, r.IntN(len(fuzzTags)+1))
			for j := range records[i] {
				records[i][j] = randomValue(r)
			}
		}
		checkWriterRoundTrip(t, "CHAP", records)
	}
}

func FuzzWriterRoundTrip(f *testing.F) {
	f.Add("Innocent\r\nER  - \r\nTY  - JOUR", "Maisky, Ivan", "x\u2028y", "Vansittart, Robert", "", "a; b", "\xff", "  lead", "https://example.org/\n")
	f.Add("", "", "", "", "", "", "", "", "")
	f.Add("e\u0301\u0085", "\ufeff", "\u00a0 \u00a0", ";;", ",", "\t", "TY  - ", "ER  -", "  - ")
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, h, i, j string) {
		checkWriterRoundTrip(t, "CHAP", [][]string{{a, b, c, d, e, g, h, i, j}, {j, i}})
		// Fold is idempotent and its output is safe for a line.
		for _, v := range []string{a, b, c, d, e, g, h, i, j} {
			fv := ris.Fold(v)
			require.Equal(t, fv, ris.Fold(fv))
			require.True(t, utf8.ValidString(fv))
			require.NotContains(t, fv, "  ")
			require.False(t, strings.ContainsAny(fv, "\r\n\u0085\u2028\u2029"))
		}
	})
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(zoteroStyle))
	for _, s := range hostileSeeds() {
		f.Add([]byte(s))
	}
	f.Add([]byte(strings.ReplaceAll(zoteroStyle, "\n", "\r")))
	f.Add([]byte("TY  - GEN\nTI  - a\nTY  - BOOK\nER  - \nER  - \n"))
	f.Add([]byte("\xef\xbb\xbfTY  - CHAP\r\nDA  - 1934/12/31/approximate\r\nSP  - 58\r\nEP  - 72\r\nY2  - 2024/05/01/\r\nER  - \r\n"))
	f.Add([]byte("TY  - GEN\nTI  - \xff\nER  - "))
	f.Add([]byte("TY - GEN\nAU -\nER  -"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := ris.NewReader(bytes.NewReader(data))
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		for range 10000 {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			if err != nil {
				var se *ris.SyntaxError
				require.ErrorAs(t, err, &se)
				require.GreaterOrEqual(t, se.Line, 1)
				require.LessOrEqual(t, se.Line, lines)
				continue
			}
			require.GreaterOrEqual(t, rec.Line, 1)
			for _, f := range rec.Fields {
				require.True(t, utf8.ValidString(f.Value))
				require.GreaterOrEqual(t, f.Line, rec.Line)
			}
			_, _ = rec.Reference() // must not panic
		}
		t.Fatal("the reader does not reach the end")
	})
}
