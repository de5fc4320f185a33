package maisky_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

var update = flag.Bool("update", false, "rewrite the fixtures in canonical form and the golden files")

// fixtures returns the maisky/1 files of the repository's testdata.
func fixtures(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob("../testdata/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	return names
}

func load(t testing.TB, name string) *maisky.File {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	f, err := maisky.Unmarshal(data)
	require.NoError(t, err, name)
	require.NoError(t, f.Validate(), name)
	return f
}

func december31(t testing.TB) *maisky.Document {
	t.Helper()
	f := load(t, "../testdata/1934-12-31.json")
	require.Len(t, f.Documents, 1)
	return f.Documents[0]
}

func TestFixturesValidateAndRoundTripBytes(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			data, err := os.ReadFile(name)
			require.NoError(t, err)
			f, err := maisky.Unmarshal(data)
			require.NoError(t, err)
			require.NoError(t, f.Validate())
			out, err := maisky.Marshal(f)
			require.NoError(t, err)
			if *update {
				require.NoError(t, os.WriteFile(name, out, 0o644))
				return
			}
			assert.Equal(t, string(data), string(out), "decode → encode must give the same bytes (run go test -update to canonicalize)")
			again, err := maisky.Unmarshal(out)
			require.NoError(t, err)
			assert.Equal(t, f, again)
		})
	}
}

func TestPagesOf31December(t *testing.T) {
	d := december31(t)
	pages := d.Pages()
	require.Len(t, pages, 15)
	for i, p := range pages {
		assert.Equal(t, 58+i, p.Number)
		assert.Equal(t, p.Number == 58, p.Partial, "page %d partial", p.Number)
		assert.Equal(t, p.Number == 71, p.Empty, "page %d empty", p.Number)
		if !p.Empty {
			assert.NotEmpty(t, p.Blocks, "page %d", p.Number)
		}
	}
	span, ok := d.PageSpan()
	require.True(t, ok)
	assert.Equal(t, maisky.PageRange{First: 58, Last: 72}, span)

	// Every footnote is on exactly one page, in order.
	var numbers []int
	for _, p := range pages {
		for _, f := range p.Footnotes {
			numbers = append(numbers, f.Number)
		}
	}
	tr := d.Translation()
	require.Len(t, numbers, len(tr.Footnotes))
	for i, n := range numbers {
		assert.Equal(t, i+1, n)
	}
	assert.GreaterOrEqual(t, len(numbers), 20)
}

func TestPagesOf18December(t *testing.T) {
	f := load(t, "../testdata/1934-12-18.json")
	pages := f.Documents[0].Pages()
	require.Len(t, pages, 2)
	assert.Equal(t, 53, pages[0].Number)
	assert.False(t, pages[0].Partial, "the entry starts with its page marker")
	assert.Equal(t, 54, pages[1].Number)
}

func TestExtract59To68(t *testing.T) {
	d := december31(t)
	r, err := maisky.ParsePageRange("59–68")
	require.NoError(t, err)
	x, err := d.Extract(r)
	require.NoError(t, err)
	require.NoError(t, x.Validate(), "an extract is a valid document")
	pages := x.Pages()
	require.Len(t, pages, 10)
	assert.Equal(t, 59, pages[0].Number)
	assert.False(t, pages[0].Partial)
	assert.Equal(t, 68, pages[9].Number)

	// Only the notes anchored on 59–68 come along, numbered as in the book.
	want := map[int]bool{}
	for _, p := range d.Pages() {
		if r.Contains(p.Number) {
			for _, f := range p.Footnotes {
				want[f.Number] = true
			}
		}
	}
	got := map[int]bool{}
	for _, f := range x.Translation().Footnotes {
		got[f.Number] = true
	}
	assert.Equal(t, want, got)
	assert.NotContains(t, got, 1, "note 1 is anchored on page 58")

	// The extract starts mid-paragraph: the first block is marked continued.
	first := x.Translation().Blocks[0]
	p, ok := first.(*maisky.Paragraph)
	require.True(t, ok)
	assert.True(t, p.Continued)

	// The original is untouched.
	assert.Len(t, d.Pages(), 15)
	assert.Nil(t, x.Transcription(), "an empty transcription has no pages and is left out")
}

func TestExtractEdges(t *testing.T) {
	d := december31(t)
	for _, tc := range []struct {
		r       maisky.PageRange
		pages   int
		partial bool
	}{
		{maisky.PageRange{First: 58, Last: 58}, 1, true},
		{maisky.PageRange{First: 58, Last: 67}, 10, true},
		{maisky.PageRange{First: 71, Last: 71}, 1, false},
		{maisky.PageRange{First: 70, Last: 72}, 3, false},
		{maisky.PageRange{First: 72, Last: 72}, 1, false},
	} {
		x, err := d.Extract(tc.r)
		require.NoError(t, err, tc.r)
		require.NoError(t, x.Validate(), tc.r)
		pages := x.Pages()
		require.Len(t, pages, tc.pages, tc.r)
		assert.Equal(t, tc.r.First, pages[0].Number, tc.r)
		assert.Equal(t, tc.partial, pages[0].Partial, tc.r)
		assert.Equal(t, tc.r.Last, pages[len(pages)-1].Number, tc.r)
		span, _ := x.PageSpan()
		assert.Equal(t, tc.r, span)
	}
	x, err := d.Extract(maisky.PageRange{First: 71, Last: 71})
	require.NoError(t, err)
	assert.True(t, x.Pages()[0].Empty, "the plate stays empty")
}

func TestPageRangeErrors(t *testing.T) {
	d := december31(t)
	for _, in := range []string{"0-3", "70-60", "59-", "abc", "73", "", "59–68x", "-5", "59--60"} {
		t.Run(in, func(t *testing.T) {
			r, err := maisky.ParsePageRange(in)
			if err == nil {
				err = d.CheckRange(r)
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, maisky.ErrPageRange)
			var pre *maisky.PageRangeError
			require.ErrorAs(t, err, &pre)
			if in == "73" {
				assert.Equal(t, maisky.PageRange{First: 58, Last: 72}, pre.Available)
				assert.Contains(t, err.Error(), "58–72", "the error says which pages exist")
				_, xerr := d.Extract(r)
				assert.ErrorIs(t, xerr, maisky.ErrPageRange)
			}
		})
	}
	for in, want := range map[string]maisky.PageRange{
		"59": {59, 59}, "59-68": {59, 68}, "59–68": {59, 68}, " 59 – 68 ": {59, 68},
	} {
		r, err := maisky.ParsePageRange(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, r, in)
	}
	assert.Equal(t, "59–68", maisky.PageRange{First: 59, Last: 68}.String())
	assert.Equal(t, 15, maisky.PageRange{First: 58, Last: 72}.Len())
}

func TestDecodeErrorNamesPath(t *testing.T) {
	data, err := os.ReadFile("../testdata/volume1.json")
	require.NoError(t, err)
	for _, tc := range []struct {
		edit func(string) string
		path string
	}{
		{func(s string) string { return strings.Replace(s, `"level": 1`, `"level": "1"`, 1) }, "documents[0].versions[0].blocks[0].level"},
		{func(s string) string {
			return strings.Replace(s, `"title": "The Complete`, `"titel": "The Complete`, 1)
		}, "volume.titel"},
		{func(s string) string { return strings.Replace(s, `"year": 2017`, `"year": 2017.5`, 1) }, "volume.year"},
		{func(s string) string { return strings.Replace(s, `"kind": "translation"`, `"kind": "translated"`, 1) }, "documents[0].versions[0].kind"},
		{func(s string) string {
			i := strings.LastIndex(s, `"date": "1934-12-18"`)
			return s[:i] + `"date": "1934-13-18"` + s[i+len(`"date": "1934-12-18"`):]
		}, "documents[0].date"},
	} {
		_, err := maisky.Unmarshal([]byte(tc.edit(string(data))))
		require.Error(t, err, tc.path)
		var de *maisky.DecodeError
		require.ErrorAs(t, err, &de)
		assert.Equal(t, tc.path, de.Path)
		assert.ErrorIs(t, err, maisky.ErrMalformed)
		assert.Contains(t, err.Error(), tc.path)
	}

	_, err = maisky.Unmarshal([]byte("{\n  \"format\": \"maisky/1\",\n  \"document\": {\"id\": \"x\",}\n}"))
	var de *maisky.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 3, de.Line)
	assert.Positive(t, de.Column)

	_, err = maisky.Unmarshal([]byte(`{"format": "maisky/2", "document": {}}`))
	assert.ErrorIs(t, err, maisky.ErrFormat)
	_, err = maisky.Unmarshal([]byte(`{"document": {}}`))
	assert.ErrorIs(t, err, maisky.ErrFormat)
	_, err = maisky.Unmarshal([]byte(`{"format": "maisky/1", "document": {"id": "x"}} {}`))
	assert.ErrorIs(t, err, maisky.ErrMalformed)
	_, err = maisky.Read(strings.NewReader(""))
	assert.ErrorIs(t, err, maisky.ErrMalformed)
}

func TestValidationNamesProblems(t *testing.T) {
	d := &maisky.Document{ID: "x", Date: maisky.Date{Year: 1934, Month: 2, Day: 30}, Versions: []*maisky.Version{{
		Kind: maisky.Translation, Lang: "en",
		Blocks: []maisky.Block{
			&maisky.Paragraph{Content: []maisky.Inline{&maisky.PageBreak{Page: 60}, &maisky.Text{Value: "a\x00b"}, &maisky.NoteRef{ID: "n9"}}},
			&maisky.Paragraph{Content: []maisky.Inline{&maisky.PageBreak{Page: 59}, &maisky.Emphasis{Content: []maisky.Inline{&maisky.NoteRef{ID: "n1"}}}}},
		},
		Footnotes: []*maisky.Footnote{{ID: "n1", Number: 1}},
	}}}
	err := d.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, maisky.ErrInvalid)
	var ve *maisky.ValidationError
	require.ErrorAs(t, err, &ve)
	got := map[string]bool{}
	for _, p := range ve.Problems {
		got[p.Path] = true
	}
	for _, path := range []string{
		"date",
		"versions[0].blocks[0].content[1]",         // NUL
		"versions[0].blocks[0].content[2]",         // unknown note
		"versions[0].blocks[1].content[0]",         // page 59 after 60
		"versions[0].blocks[1].content[1].emph[0]", // note inside emphasis
		"versions[0].footnotes[0]",                 // never anchored
	} {
		assert.True(t, got[path], "a problem at %s in %v", path, ve.Problems)
	}

	// The same document twice in a volume file.
	f := load(t, "../testdata/volume1.json")
	f.Documents = append(f.Documents, f.Documents[0])
	err = f.Validate()
	require.ErrorIs(t, err, maisky.ErrInvalid)
	assert.Contains(t, err.Error(), "documents[")
}

func TestArchiveAuthorAndDateRoundTrip(t *testing.T) {
	f := load(t, "../testdata/1934-12-31.json")
	d := f.Documents[0]
	require.NotEmpty(t, d.Authors)
	assert.Equal(t, "Liakhovetsky, Ivan Mikhailovich (Maisky)", d.Authors[0].String())
	p, err := maisky.ParsePerson("Liakhovetsky, Ivan Mikhailovich (Maisky)")
	require.NoError(t, err)
	assert.Equal(t, maisky.Person{Family: "Liakhovetsky", Given: "Ivan Mikhailovich", Pseudonym: "Maisky"}, p)
	assert.Equal(t, maisky.Person{Family: "Maisky", Given: "Ivan"}, p.KnownAs())

	assert.Equal(t, "1934 Dec 31", d.Date.String())
	dt, err := maisky.ParseDate("1934 Dec 31")
	require.NoError(t, err)
	assert.Equal(t, maisky.Date{Year: 1934, Month: 12, Day: 31}, dt)
	assert.Equal(t, "1934-12-31", dt.EDTF())

	for _, s := range []string{"1934", "1934 Dec", "ca. 1935 Jan 3", "1935 Jan 3?", "ca. 1935 Jan?"} {
		dt, err := maisky.ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, dt.String())
		back, err := maisky.ParseEDTF(dt.EDTF())
		require.NoError(t, err)
		assert.Equal(t, dt, back)
	}
	approx, err := maisky.ParseEDTF("1935-01-03~")
	require.NoError(t, err)
	assert.True(t, approx.Approximate)
	assert.Equal(t, "3 January 1935", approx.Long())
	for _, bad := range []string{"1934 Feb 30", "1934 Foo", "34 Dec 1", "", "1934 Dec 31 12"} {
		_, err := maisky.ParseDate(bad)
		assert.ErrorIs(t, err, maisky.ErrSyntax, bad)
	}
	for _, bad := range []string{"Liakhovetsky, Ivan (Maisky", "Ivan) x", ", Ivan", "A (B) c", "a, b, c"} {
		_, err := maisky.ParsePerson(bad)
		assert.ErrorIs(t, err, maisky.ErrSyntax, bad)
	}
	for _, s := range []string{"Maisky", "Litvinov, Maxim Maksimovich", "(Maisky)", "Ляховецкий, Иван Михайлович (Майский)"} {
		p, err := maisky.ParsePerson(s)
		require.NoError(t, err, s)
		assert.Equal(t, s, p.String())
	}
}

func TestVolumeNavigation(t *testing.T) {
	f := load(t, "../testdata/volume1.json")
	v := f.Volume
	assert.Equal(t, "The Complete Maisky Diaries: Volume 1", v.FullTitle())
	assert.Greater(t, len(v.Contents), 200)
	prev, ok := v.Prev("maisky-1934-12-31")
	require.True(t, ok)
	assert.Equal(t, "27 December", prev.Label)
	next, ok := v.Next("maisky-1934-12-31")
	require.True(t, ok)
	assert.Equal(t, "8 January", next.Label)
	assert.Equal(t, 1935, next.Date.Year, "the year comes from the entry's date, not its label")
	_, ok = v.Prev(v.Contents[0].ID)
	assert.False(t, ok)
	_, ok = v.Next(v.Contents[len(v.Contents)-1].ID)
	assert.False(t, ok)
	labels := map[string]int{}
	for _, e := range v.Contents {
		labels[e.Label]++
	}
	assert.Equal(t, 1, labels["1 March (1)"])
	assert.Greater(t, labels["29 July"], 1, "labels repeat")
	_, err := f.Document("nope")
	assert.ErrorIs(t, err, maisky.ErrNotFound)
}

func TestPlainTextOfPage(t *testing.T) {
	d := december31(t)
	pages := d.Pages()
	var buf bytes.Buffer
	require.NoError(t, pages[0].WriteText(&buf, maisky.TextOptions{}))
	text := buf.String()
	assert.Contains(t, text, "[1]", "footnote markers as [n]")
	assert.Contains(t, text, "\n[1] ", "notes listed after the text")
	assert.NotContains(t, text, "[4]", "note 4 is on page 59")

	buf.Reset()
	require.NoError(t, d.Translation().WriteText(&buf, maisky.TextOptions{OmitNotes: true}))
	assert.NotContains(t, buf.String(), "[1]")
	assert.True(t, strings.HasPrefix(buf.String(), "31 December\n\n"))
}

func TestWalkVisitsInOrder(t *testing.T) {
	p := &maisky.Paragraph{Content: []maisky.Inline{
		&maisky.Text{Value: "a"},
		&maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "b"}}},
		&maisky.NoteRef{ID: "n1"},
		&maisky.PageBreak{Page: 3},
	}}
	var trace []string
	err := maisky.Walk(p, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
		dir := "<"
		if entering {
			dir = ">"
		}
		switch n := n.(type) {
		case *maisky.Paragraph:
			trace = append(trace, dir+"p")
		case *maisky.Text:
			trace = append(trace, dir+n.Value)
		case *maisky.Emphasis:
			trace = append(trace, dir+"em")
			if entering {
				return maisky.WalkContinue, nil
			}
		case *maisky.NoteRef:
			trace = append(trace, dir+"note")
		case *maisky.PageBreak:
			trace = append(trace, dir+"pb")
		}
		return maisky.WalkContinue, nil
	})
	require.NoError(t, err)
	assert.Equal(t, []string{">p", ">a", "<a", ">em", ">b", "<b", "<em", ">note", "<note", ">pb", "<pb", "<p"}, trace)

	var seen int
	stop := errors.New("stop")
	err = maisky.Walk(p, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
		seen++
		if _, ok := n.(*maisky.Emphasis); ok {
			return maisky.WalkStop, nil
		}
		return maisky.WalkContinue, nil
	})
	require.NoError(t, err)
	assert.Equal(t, 4, seen)
	err = maisky.Walk(p, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
		if _, ok := n.(*maisky.NoteRef); ok {
			return maisky.WalkContinue, stop
		}
		if _, ok := n.(*maisky.Emphasis); ok {
			return maisky.WalkSkipChildren, nil
		}
		return maisky.WalkContinue, nil
	})
	assert.ErrorIs(t, err, stop)
}

// The samples that the JSON Schema rejects are rejected by the decoder or by
// validation too: schema and code agree.
func TestSchemaInvalidSamplesAreRejected(t *testing.T) {
	names, err := filepath.Glob("testdata/schema-invalid/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, name := range names {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		f, err := maisky.Unmarshal(data)
		if err == nil {
			err = f.Validate()
		}
		assert.Error(t, err, name)
	}
}

// Pages and Extract resolve every anchor even when the notes are not listed
// in the order of their anchors (a model Validate would refuse).
func TestPagesResolveNotesListedOutOfOrder(t *testing.T) {
	d := december31(t)
	tr := d.Translation()
	want := map[int][]int{}
	for _, p := range d.Pages() {
		for _, f := range p.Footnotes {
			want[p.Number] = append(want[p.Number], f.Number)
		}
	}
	reversed := slices.Clone(tr.Footnotes)
	slices.Reverse(reversed)
	tr.Footnotes = reversed
	got := map[int][]int{}
	for _, p := range d.Pages() {
		for _, f := range p.Footnotes {
			got[p.Number] = append(got[p.Number], f.Number)
		}
	}
	assert.Equal(t, want, got)
	x, err := d.Extract(maisky.PageRange{First: 59, Last: 68})
	require.NoError(t, err)
	n := 0
	for _, p := range got {
		n += len(p)
	}
	assert.Len(t, x.Translation().Footnotes, n-len(got[58])-len(got[69])-len(got[70])-len(got[71])-len(got[72]))
}
