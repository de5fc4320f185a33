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
	"github.com/maisky-lib/maisky/maisky"
)

// zoteroStyle is RIS as other reference managers write it: LF line ends, a
// BOM, blank lines between records, a continuation line, a one-space tag,
// an empty value, a tag with an empty value and no space.
const zoteroStyle = "\ufeffTY  - CHAP\n" +
	"TI  - First line of a title\n" +
	"second line of the same title\n" +
	"AU  - Maisky, Ivan\n" +
	"AU - Gorodetsky, Gabriel\n" +
	"KW  - one\n" +
	"KW  - two\n" +
	"N1  -\n" +
	"PY  - 2017///\n" +
	"SP  - 58\n" +
	"EP  - 72\n" +
	"ER  - \n" +
	"\n" +
	"\n" +
	"TY  - BOOK\n" +
	"TI  -   Spaced   title  \n" +
	"ER  -\n"

func TestReaderOtherWriters(t *testing.T) {
	for _, variant := range []struct{ name, text string }{
		{"LF", zoteroStyle},
		{"CRLF", strings.ReplaceAll(zoteroStyle, "\n", "\r\n")},
		{"CR", strings.ReplaceAll(zoteroStyle, "\n", "\r")},
	} {
		t.Run(variant.name, func(t *testing.T) {
			recs, err := ris.ReadRecords(strings.NewReader(variant.text))
			require.NoError(t, err)
			require.Len(t, recs, 2)
			r := recs[0]
			assert.Equal(t, "CHAP", r.Type)
			assert.Equal(t, 1, r.Line)
			assert.Equal(t, "First line of a title second line of the same title", r.Value("TI"))
			assert.Equal(t, []string{"Maisky, Ivan", "Gorodetsky, Gabriel"}, r.Values("AU"))
			assert.Equal(t, []string{"one", "two"}, r.Values("KW"))
			assert.Equal(t, []string{""}, r.Values("N1"))
			assert.Equal(t, 5, r.Fields[2].Line)
			ref, err := r.Reference()
			require.NoError(t, err)
			assert.Equal(t, 2017, ref.Year)
			assert.Equal(t, maisky.PageRange{First: 58, Last: 72}, ref.Pages)
			assert.Equal(t, []maisky.Person{{Family: "Maisky", Given: "Ivan"}, {Family: "Gorodetsky", Given: "Gabriel"}}, ref.Authors)
			assert.Empty(t, ref.Notes)
			assert.Equal(t, "BOOK", recs[1].Type)
			assert.Equal(t, 15, recs[1].Line)
			assert.Equal(t, "Spaced   title", recs[1].Value("TI"))
		})
	}
}

func TestReaderNFC(t *testing.T) {
	recs, err := ris.ReadRecords(strings.NewReader("TY  - GEN\r\nTI  - Cafe\u0301\r\nca\u0301fe\u0301\r\nER  - \r\n"))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "Café cáfé", recs[0].Value("TI"))
}

func TestReaderErrors(t *testing.T) {
	cases := []struct {
		name, text string
		line       int
		msg        string
		good       int // records read successfully overall
	}{
		{"text outside", "hello\nTY  - GEN\nER  - \n", 1, "text outside a record", 1},
		{"tag outside", "TI  - x\nTY  - GEN\nER  - \n", 1, "outside a record", 1},
		{"ER outside", "ER  - \nTY  - GEN\nER  - \n", 1, "ER outside", 1},
		{"TY inside", "TY  - GEN\nTI  - a\nTY  - BOOK\nTI  - b\nER  - \n", 3, "TY before the ER of the record that starts at line 1", 1},
		{"unterminated", "TY  - GEN\nTI  - a\n\n", 3, "not closed", 0},
		{"invalid UTF-8", "TY  - GEN\nTI  - \xff\xfe\nAU  - x\nER  - \nTY  - GEN\nER  - \n", 2, "invalid UTF-8", 1},
		{"long line", "TY  - GEN\nAB  - " + strings.Repeat("x", ris.MaxLineLength+10) + "\nER  - \nTY  - GEN\nER  - \n", 2, "longer than 1 MiB", 1},
		{"long value", "TY  - GEN\nAB  - x\n" + strings.Repeat(strings.Repeat("y", 1<<16)+"\n", 17) + "ER  - \nTY  - GEN\nER  - \n", 18, "longer than 1 MiB", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := ris.NewReader(strings.NewReader(c.text))
			var first error
			good := 0
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					if first == nil {
						first = err
					}
					continue
				}
				assert.NotEmpty(t, rec.Type)
				good++
			}
			require.Error(t, first)
			require.ErrorIs(t, first, ris.ErrSyntax)
			var se *ris.SyntaxError
			require.ErrorAs(t, first, &se)
			assert.Equal(t, c.line, se.Line)
			assert.Contains(t, se.Error(), c.msg)
			assert.Contains(t, se.Error(), "ris: line ")
			assert.Equal(t, c.good, good, "the reader resumes after an error")
		})
	}
}

func TestReadAllStopsAtError(t *testing.T) {
	recs, err := ris.NewReader(strings.NewReader("TY  - GEN\nER  - \nER  - \n")).ReadAll()
	require.ErrorIs(t, err, ris.ErrSyntax)
	assert.Len(t, recs, 1)
	recs, err = ris.ReadRecords(strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, recs)
}

type failingReader struct{ data io.Reader }

var errRead = errors.New("connection reset")

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.data.Read(p)
	if err == io.EOF {
		return n, errRead
	}
	return n, err
}

func TestReaderIOError(t *testing.T) {
	r := ris.NewReader(&failingReader{strings.NewReader("TY  - GEN\nER  - \nTY  - GEN\n")})
	_, err := r.Read()
	require.NoError(t, err)
	_, err = r.Read()
	require.ErrorIs(t, err, errRead)
}

func TestReferenceErrors(t *testing.T) {
	cases := map[string]string{
		"DA": "31/12/1934",
		"PY": "MCMXXXIV",
		"Y2": "2024/13/01/",
	}
	for tag, value := range cases {
		text := "TY  - GEN\r\nTI  - t\r\n" + tag + "  - " + value + "\r\nER  - \r\n"
		recs, err := ris.ReadRecords(strings.NewReader(text))
		require.NoError(t, err)
		_, err = recs[0].Reference()
		require.ErrorIs(t, err, ris.ErrValue, tag)
		var ve *ris.ValueError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, 3, ve.Line, tag)
		assert.Equal(t, tag, ve.Tag)
		_, err = ris.ReadReferences(strings.NewReader(text))
		require.ErrorIs(t, err, ris.ErrValue, tag)
	}
	_, err := ris.Record{Type: "BOOK", Fields: []ris.Field{{Tag: "SP", Value: "many"}}}.Reference()
	require.ErrorIs(t, err, ris.ErrValue)
}

func TestReferencePages(t *testing.T) {
	cases := []struct {
		sp, ep string
		want   maisky.PageRange
	}{
		{"58", "72", maisky.PageRange{First: 58, Last: 72}},
		{"78", "", maisky.PageRange{First: 78, Last: 78}},
		{"58-72", "", maisky.PageRange{First: 58, Last: 72}},
		{"", "72", maisky.PageRange{First: 72, Last: 72}},
		{"72", "58", maisky.PageRange{}},
		{"xii", "xiv", maisky.PageRange{}},
	}
	for _, c := range cases {
		rec := ris.Record{Type: "CHAP"}
		rec.Add("SP", c.sp)
		rec.Add("EP", c.ep)
		ref, err := rec.Reference()
		require.NoError(t, err)
		assert.Equal(t, c.want, ref.Pages, c.sp+"/"+c.ep)
		assert.Equal(t, c.sp, ref.StartPage)
		assert.Equal(t, c.ep, ref.EndPage)
	}
}

func TestReferenceDates(t *testing.T) {
	cases := map[string]maisky.Date{
		"1934":                             {Year: 1934},
		"1934///":                          {Year: 1934},
		"1934/12//":                        {Year: 1934, Month: 12},
		"1934/12/31/":                      {Year: 1934, Month: 12, Day: 31},
		"1934/12/31":                       {Year: 1934, Month: 12, Day: 31},
		"1935/01/03/approximate":           {Year: 1935, Month: 1, Day: 3, Approximate: true},
		"1935/1/3/uncertain":               {Year: 1935, Month: 1, Day: 3, Uncertain: true},
		"1935/01/03/approximate uncertain": {Year: 1935, Month: 1, Day: 3, Approximate: true, Uncertain: true},
	}
	for v, want := range cases {
		ref, err := ris.Record{Type: "MANSCPT", Fields: []ris.Field{{Tag: "DA", Value: v}}}.Reference()
		require.NoError(t, err, v)
		assert.Equal(t, want, ref.Date, v)
	}
}

func TestReaderRoundTripsOwnOutput(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	var buf bytes.Buffer
	require.NoError(t, ris.Write(&buf, file, ris.Options{Accessed: accessed}))
	recs, err := ris.ReadRecords(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	require.Len(t, recs, len(file.Documents))
	var again bytes.Buffer
	for i := range recs {
		for j := range recs[i].Fields {
			recs[i].Fields[j].Line = 0
		}
	}
	require.NoError(t, ris.WriteRecords(&again, recs))
	assert.Equal(t, buf.String(), again.String(), "read then written gives the same bytes")
}
