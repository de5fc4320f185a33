package tei

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

func TestWriteRefusesInvalidModels(t *testing.T) {
	doc := fixture.Read(t, "1934-12-18.json").Documents[0]
	bad := *doc
	bad.Versions = []*maisky.Version{{Kind: maisky.Translation, Lang: "en", Blocks: []maisky.Block{
		&maisky.Paragraph{Content: []maisky.Inline{&maisky.Text{Value: "a\x00b"}, &maisky.NoteRef{ID: "missing"}}},
	}}}
	var buf bytes.Buffer
	err := Write(&buf, &bad, Options{})
	var me *ModelError
	require.ErrorAs(t, err, &me)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, maisky.ErrInvalid)
	assert.Equal(t, doc.ID, me.Document)
	assert.Contains(t, err.Error(), "not allowed in XML 1.0")
	assert.Zero(t, buf.Len())

	assert.ErrorIs(t, Write(&buf, nil, Options{}), ErrInvalid)
	assert.ErrorIs(t, Write(&buf, doc, Options{Volume: &maisky.Volume{}}), ErrInvalid)
	assert.Zero(t, buf.Len())
}

func TestWriteVolumeRefusals(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	vol, docs := file.Volume, file.Documents
	stranger := *docs[0]
	stranger.ID = "not-in-contents"
	for _, tc := range []struct {
		name string
		docs []*maisky.Document
		msg  string
	}{
		{"not in contents", []*maisky.Document{docs[0], &stranger}, "not in the table of contents"},
		{"twice", []*maisky.Document{docs[1], docs[1]}, "out of table-of-contents order (or written twice)"},
		{"none", nil, "has no document to write"},
	} {
		var buf bytes.Buffer
		err := WriteVolume(&buf, vol, tc.docs, Options{})
		assert.ErrorIs(t, err, ErrInvalid, tc.name)
		assert.Contains(t, err.Error(), tc.msg, tc.name)
		assert.Zero(t, buf.Len(), tc.name)
	}
	// Out of order in the slice is fine: WriteVolume sorts by contents.
	reversed := []*maisky.Document{docs[2], docs[0], docs[1]}
	var a, b bytes.Buffer
	require.NoError(t, WriteVolume(&a, vol, reversed, Options{}))
	require.NoError(t, WriteVolume(&b, vol, docs[:3], Options{}))
	assert.Equal(t, a.String(), b.String())

	_, err := NewCorpusWriter(&a, &maisky.Volume{ID: "x"}, Options{})
	assert.ErrorIs(t, err, ErrInvalid)
}

func TestCorpusWriterStreams(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	var buf bytes.Buffer
	cw, err := NewCorpusWriter(&buf, file.Volume, Options{})
	require.NoError(t, err)
	assert.Zero(t, buf.Len(), "nothing before the first document")
	require.NoError(t, cw.Write(file.Documents[0]))
	first := buf.Len()
	assert.True(t, strings.HasSuffix(buf.String(), "</TEI>\n"), "the first document is flushed whole")
	// A refused document writes nothing and the writer goes on.
	assert.ErrorIs(t, cw.Write(file.Documents[0]), ErrInvalid)
	assert.Equal(t, first, buf.Len())
	require.NoError(t, cw.Write(file.Documents[1]))
	require.NoError(t, cw.Close())
	require.NoError(t, cw.Close())
	assert.ErrorIs(t, cw.Write(file.Documents[2]), ErrInvalid)
	wellFormed(t, buf.Bytes())
	got, err := Read(&buf)
	require.NoError(t, err)
	assert.Equal(t, file.Documents[:2], got.Documents)

	empty, err := NewCorpusWriter(&buf, file.Volume, Options{})
	require.NoError(t, err)
	assert.ErrorIs(t, empty.Close(), ErrInvalid)
}

func TestDeterministic(t *testing.T) {
	file := fixture.Read(t, "volume1.json")
	opts := Options{Date: time.Date(2026, 11, 21, 15, 4, 5, 0, time.UTC)}
	var a, b bytes.Buffer
	require.NoError(t, WriteVolume(&a, file.Volume, file.Documents, opts))
	require.NoError(t, WriteVolume(&b, file.Volume, file.Documents, opts))
	assert.Equal(t, a.Bytes(), b.Bytes())
	assert.Contains(t, a.String(), `<date when="2026-11-21">2026-11-21</date>`)
	assert.Equal(t, 1, strings.Count(a.String(), `when="2026-11-21"`), "the date only in the corpus header")
}

// TestNoIndentationInMixedContent checks every golden file: whitespace
// inserted for indentation appears only between block-level elements.
func TestNoIndentationInMixedContent(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.xml")
	require.NoError(t, err)
	more, _ := filepath.Glob("testdata/annotated/*.xml")
	paths = append(paths, more...)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		doc := etree.NewDocument()
		require.NoError(t, doc.ReadFromFile(p))
		var walk func(e *etree.Element)
		walk = func(e *etree.Element) {
			for _, c := range e.Child {
				switch c := c.(type) {
				case *etree.CharData:
					if strings.Contains(c.Data, "\n") {
						assert.True(t, blockContainer(e.Tag), "%s: newline inside <%s>", p, e.Tag)
						assert.Empty(t, strings.TrimSpace(c.Data), "%s: text in <%s>", p, e.Tag)
					}
				case *etree.Element:
					walk(c)
				}
			}
		}
		walk(doc.Root())
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		in        string
		sentinel  error
		line, col int
		msg       string
	}{
		{"", ErrSyntax, 1, 1, "no root element"},
		{"<TEI>", ErrSyntax, 1, 6, "unexpected EOF"},
		{"<!-- Ляховецкий -->\n  <TEI><p></TEI>", ErrSyntax, 2, 11, "element <p> closed by </TEI>"},
		{"<TEI>\x01</TEI>", ErrSyntax, 1, 6, "illegal character"},
		{`<html xmlns="http://www.w3.org/1999/xhtml"/>`, ErrMalformed, 1, 1, "the root element is <html>"},
		{"<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n  <text/>\n</TEI>", ErrMalformed, 1, 1, "TEI without teiHeader"},
		{"<teiCorpus><TEI/></teiCorpus>", ErrMalformed, 1, 12, "TEI without teiHeader"},
		{strings.Repeat("<hi>", 300) + strings.Repeat("</hi>", 300), ErrSyntax, 1, 1 + 4*256, "nested more than 256 deep"},
	} {
		f, err := Read(strings.NewReader(tc.in))
		assert.Nil(t, f, tc.in)
		var re *ReadError
		require.ErrorAs(t, err, &re, "%q", tc.in)
		assert.ErrorIs(t, err, tc.sentinel, tc.in)
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{re.Line, re.Column}, "%q: %v", tc.in, err)
		assert.Contains(t, err.Error(), tc.msg)
	}
}

func TestReadWarnings(t *testing.T) {
	in := `<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x" xml:id="d">
<teiHeader><fileDesc><titleStmt><title>T</title><funder>F</funder></titleStmt></fileDesc></teiHeader>
<text><body><div type="translation" xml:lang="en"><p>A <persName>Б</persName> <x:y>z</x:y><hi rend="bold">b<note n="4">n</note>c</hi><pb/></p></div></body></text>
</TEI>`
	f, err := Read(strings.NewReader(in))
	var se *SkipError
	require.ErrorAs(t, err, &se)
	assert.ErrorIs(t, err, ErrSkipped)
	require.NotNil(t, f)
	var got []string
	for _, w := range se.Warnings {
		got = append(got, w.String())
	}
	assert.Equal(t, []string{
		"line 2, column 49: /TEI/teiHeader/fileDesc/titleStmt/funder: element <funder> skipped: the model has no place for it",
		"line 3, column 56: /TEI/text/body/div/p/persName: <persName> read as its text: its markup is not part of the model",
		"line 3, column 79: /TEI/text/body/div/p/y: element {urn:x}y of another namespace skipped",
		"line 3, column 91: /TEI/text/body/div/p/hi: <hi rend=\"bold\"> read as emphasis",
		"line 3, column 134: /TEI/text/body/div/p/pb: page break without a page number (n=\"\") skipped",
	}, got)
	v := f.Documents[0].Translation()
	// The emphasis is split around the footnote anchor.
	assert.Equal(t, []maisky.Inline{
		&maisky.Text{Value: "A Б "},
		&maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "b"}}},
		&maisky.NoteRef{ID: "n4"},
		&maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "c"}}},
	}, v.Blocks[0].Inlines())
	assert.Equal(t, 4, v.Footnotes[0].Number)
	require.NoError(t, f.Validate())
}

func TestReadGoldensStrictly(t *testing.T) {
	// Every golden reads without a warning (annotations aside).
	paths, err := filepath.Glob("testdata/*.xml")
	require.NoError(t, err)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		_, err = Read(bytes.NewReader(data))
		assert.NoError(t, err, p)
		assert.False(t, errors.Is(err, ErrSkipped), p)
	}
}

func TestUndatedEntryIDsStayUnique(t *testing.T) {
	vol := &maisky.Volume{ID: "v", Title: "V", Contents: []maisky.Entry{
		{ID: "a", Label: "A"}, {ID: "a-tr", Label: "A translated"}, {ID: "a.tr", Label: "A again"},
		{ID: "x", Label: "X", Date: maisky.Date{Year: 1935}}, {ID: "y", Label: "Y", Date: maisky.Date{Year: 1935}},
	}}
	ids := entryIDs(vol)
	assert.Equal(t, map[string]string{"a": "e-a", "a-tr": "e-a.tr", "a.tr": "e-a.tr-2", "x": "e1935", "y": "e1935-2"}, ids)
	var docs []*maisky.Document
	for _, e := range vol.Contents {
		docs = append(docs, &maisky.Document{ID: e.ID, Date: e.Date, Versions: []*maisky.Version{{Kind: maisky.Translation, Lang: "en",
			Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{&maisky.Text{Value: "t"}}}}}}})
	}
	var buf bytes.Buffer
	require.NoError(t, WriteVolume(&buf, vol, docs, Options{}))
	seen := map[string]bool{}
	x := etree.NewDocument()
	require.NoError(t, x.ReadFromBytes(buf.Bytes()))
	for _, e := range x.FindElements("//*[@xml:id]") {
		id := e.SelectAttrValue("xml:id", "")
		assert.False(t, seen[id], "duplicate xml:id %s", id)
		seen[id] = true
	}
	assert.Len(t, seen, 10)
}
