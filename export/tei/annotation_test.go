package tei

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

func plainText(t *testing.T, v *maisky.Version) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, v.WriteText(&b, maisky.TextOptions{OmitNotes: true}))
	return strings.TrimSuffix(b.String(), "\n")
}

// runes returns s[from:to] counted in code points.
func runes(s string, from, to int) string {
	r := []rune(s)
	return string(r[from:to])
}

// anchored replaces the anchors of annotation id in TEI output by U+E000 and
// U+E001, reads the TEI back and returns the passage between them in the
// plain text of the version of kind k.
func anchored(t *testing.T, data []byte, id string, k maisky.VersionKind) string {
	t.Helper()
	s := strings.Replace(string(data), `<anchor xml:id="`+id+`-s"/>`, "\uE000", 1)
	s = strings.Replace(s, `<anchor xml:id="`+id+`-e"/>`, "\uE001", 1)
	f, err := Read(strings.NewReader(s))
	if !errors.Is(err, ErrSkipped) { // the stand-off annotations
		require.NoError(t, err)
	}
	v := f.Documents[0].Translation()
	if k == maisky.Transcription {
		v = f.Documents[0].Transcription()
	}
	text := plainText(t, v)
	i, j := strings.IndexRune(text, '\uE000'), strings.IndexRune(text, '\uE001')
	require.True(t, i >= 0 && j > i, "anchors of %s in order: %d %d", id, i, j)
	return text[i+len("\uE000") : j]
}

func TestAnnotations(t *testing.T) {
	doc := fixture.Read(t, "1934-12-31.json").Documents[0]
	text := plainText(t, doc.Translation())
	para := strings.Index(text, "For our country 1934")
	require.Positive(t, para)
	start := utf8.RuneCountInString(text[:para]) + 10
	// Across footnotes 1–3 and the page break to 59.
	crossEnd := utf8.RuneCountInString(text[:strings.Index(text, "League of Nations")])
	// To the start of the next paragraph: the range ends at the end of its
	// own paragraph, before the block separator.
	blockEnd := utf8.RuneCountInString(text[:strings.Index(text, "And what kind of year")])
	created := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	anns := []Annotation{
		{ID: "urn:uuid:1", Document: doc.ID, Start: start, End: crossEnd, Creator: "archive user 42", Created: created, Body: "Check Hansard for 13 July."},
		{ID: "a2", Document: doc.ID, Start: start + 20, End: blockEnd, Motivation: "highlighting"},
		{ID: "tag", Document: doc.ID, Motivation: "tagging", Body: "Labour"},
		{ID: "across", Document: doc.ID, Start: start + 30, End: utf8.RuneCountInString(text[:strings.Index(text, "Agniya and I")])},
		{ID: "end", Document: doc.ID, Start: utf8.RuneCountInString(text) - 5, End: utf8.RuneCountInString(text) + 1},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, Options{Annotations: anns}))
	out := buf.Bytes()
	wellFormed(t, out)

	assert.Equal(t, runes(text, start, crossEnd), anchored(t, out, "e1934-12-31-ua1", maisky.Translation))
	assert.Equal(t, runes(text, start+20, blockEnd-2), anchored(t, out, "e1934-12-31-ua2", maisky.Translation))
	assert.Equal(t, runes(text, start+30, utf8.RuneCountInString(text[:strings.Index(text, "Agniya and I")])), anchored(t, out, "e1934-12-31-ua4", maisky.Translation))
	assert.Equal(t, runes(text, utf8.RuneCountInString(text)-5, utf8.RuneCountInString(text)), anchored(t, out, "e1934-12-31-ua5", maisky.Translation))

	s := string(out)
	assert.Contains(t, s, `<annotation xml:id="e1934-12-31-ua1" n="urn:uuid:1" motivation="commenting" target="#range(e1934-12-31-ua1-s,e1934-12-31-ua1-e)">`)
	assert.Contains(t, s, `<change when="2026-11-20T09:30:00Z">created</change>`)
	assert.Contains(t, s, `<note>Check Hansard for 13 July.</note>`)
	assert.Contains(t, s, `<annotation xml:id="e1934-12-31-ua3" n="tag" motivation="tagging" target="#e1934-12-31">`)
	// The second passage ends at the end of its paragraph, not in the next.
	assert.Regexp(t, regexp.MustCompile(`<anchor xml:id="e1934-12-31-ua2-e"/></p>`), s)

	// Without the anchors and the stand-off part, the document reads back
	// as it was; with them, Read says what it skipped.
	f, err := Read(bytes.NewReader(out))
	var skipped *SkipError
	require.ErrorAs(t, err, &skipped)
	require.Len(t, skipped.Warnings, 1)
	assert.Contains(t, skipped.Warnings[0].Path, "/TEI/standOff")
	assert.Equal(t, doc, f.Documents[0])
}

func TestAnnotationOnTranscription(t *testing.T) {
	doc := fixture.Read(t, "1935-01-15.json").Documents[0]
	ts := doc.Transcription()
	require.NotNil(t, ts)
	text := plainText(t, ts)
	anns := []Annotation{{ID: "ru", Document: doc.ID, Version: maisky.Transcription, Start: 3, End: 20}}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, Options{Annotations: anns}))
	assert.Equal(t, runes(text, 3, 20), anchored(t, buf.Bytes(), "e1935-01-15-ua1", maisky.Transcription))
}

func TestAnnotationErrors(t *testing.T) {
	doc := fixture.Read(t, "1934-12-18.json").Documents[0]
	for _, tc := range []struct {
		a   Annotation
		msg string
	}{
		{Annotation{ID: "m", Document: doc.ID, Motivation: "liking", Start: 1, End: 2}, `unknown motivation "liking"`},
		{Annotation{ID: "r", Document: doc.ID, Start: 5, End: 1e6}, "outside the text"},
		{Annotation{ID: "n", Document: doc.ID, Start: -1, End: 3}, "outside the text"},
		{Annotation{ID: "v", Document: doc.ID, Version: maisky.Transcription, Start: 1, End: 2}, "no transcription text"},
		{Annotation{ID: "o", Document: "other", Start: 1, End: 2}, "not on the document written"},
	} {
		var buf bytes.Buffer
		err := Write(&buf, doc, Options{Annotations: []Annotation{tc.a}})
		var ae *AnnotationError
		require.ErrorAs(t, err, &ae, tc.a.ID)
		assert.ErrorIs(t, err, ErrAnnotation)
		assert.Contains(t, err.Error(), tc.msg)
		assert.Zero(t, buf.Len(), "nothing written")
	}

	// In a volume, an annotation on a document that is not written fails
	// before anything is written.
	file := fixture.Read(t, "volume1.json")
	var buf bytes.Buffer
	err := WriteVolume(&buf, file.Volume, file.Documents, Options{Annotations: []Annotation{{Document: "maisky-1934-07-12", Start: 1, End: 2}}})
	assert.ErrorIs(t, err, ErrAnnotation)
	assert.Zero(t, buf.Len())
}

// TestAnnotatedGolden writes the 18 December entry alone, with its volume's
// details, a publication date and annotations: the full single-document
// header. The golden file is validated by scripts/check-tei.
func TestAnnotatedGolden(t *testing.T) {
	doc := fixture.Read(t, "1934-12-18.json").Documents[0]
	vol := fixture.Read(t, "volume1.json").Volume
	opts := Options{
		Date:   time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
		Volume: vol,
		Annotations: []Annotation{
			{ID: "https://archive.example/annotations/17", Document: doc.ID, Start: 0, End: 11, Creator: "archive user 42", Created: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC), Body: "The date heading."},
			{ID: "bookmark-3", Document: doc.ID, Motivation: "bookmarking"},
		},
	}
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, opts))
	wellFormed(t, buf.Bytes())
	golden := filepath.Join("testdata", "annotated", "1934-12-18.xml")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
	assert.Contains(t, buf.String(), `<head><date when="1934-12-18"><anchor xml:id="e1934-12-18-ua1-s"/>18 December<anchor xml:id="e1934-12-18-ua1-e"/></date></head>`)
}
