package tei

import (
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/maisky-lib/maisky/maisky"
)

// hostileHead and hostileTail wrap body content into a TEI document that
// Read maps.
const (
	hostileHead = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader><text><body><div type="translation" xml:lang="en">`
	hostileTail = `</div></body></text></TEI>`
)

// hostileTEI returns a TEI document whose translation holds body.
func hostileTEI(body string) []byte { return []byte(hostileHead + body + hostileTail) }

// splitText returns a paragraph of n runs of "a" each followed by sep (a
// comment, a CDATA section or a processing instruction), about size bytes.
func splitText(sep string, size int) string {
	unit := "a" + sep
	return "<p>" + strings.Repeat(unit, size/len(unit)) + "</p>"
}

// hostileSeeds are the small forms of the hostile inputs of this file; the
// fuzz target FuzzRead starts from them.
func hostileSeeds() [][]byte {
	return [][]byte{
		hostileTEI(splitText("<!---->", 200)),
		hostileTEI(splitText("<![CDATA[b]]>", 200)),
		hostileTEI(splitText("<?pi x?>", 200)),
		hostileTEI(strings.Repeat("<p/>", 50)),
		append([]byte("\ufeff"), hostileTEI("<p>a</p>")...),
		hostileTEI(`<p rend="a" rend="b">x</p>`),
		hostileTEI(`<p>&#xD800;</p>`),
		hostileTEI(`<p n="&#xFFFE;">x</p>`),
		hostileTEI(`<p><x:hi>text</x:hi></p>`),
		[]byte(`<?xml version="1.0" encoding="ISO-8859-1"?>` + hostileHead + "<p>caf\xe9</p>" + hostileTail),
		[]byte(`<?xml version="1.0" encoding="EBCDIC-US"?><TEI/>`),
	}
}

func TestHostile_TEICommentSplitText(t *testing.T) {
	// Text split by 4 MB of comments, CDATA sections or processing
	// instructions is read in linear time: the bytes allocated are a small
	// multiple of the input (joining the runs one by one allocated the
	// square of the text's length: 8.6 GB for 1 MB). BenchmarkReadShapes
	// times it: well under a second.
	for _, sep := range []string{"<!---->", "<![CDATA[]]>", "<?pi?>"} {
		in := hostileTEI(splitText(sep, 4<<20))
		var f *maisky.File
		var err error
		alloc := allocated(func() { f, err = Read(bytes.NewReader(in)) })
		require.NoError(t, err, sep)
		p := f.Documents[0].Translation().Blocks[0].Inlines()
		require.Len(t, p, 1)
		assert.Equal(t, (4<<20)/(1+len(sep)), len(p[0].(*maisky.Text).Value))
		assert.Less(t, alloc, uint64(40*len(in)), "%s: %d bytes allocated for %d", sep, alloc, len(in))
	}
}

func TestHostile_TEITinyElements(t *testing.T) {
	// Past maxNodes elements, a typed error naming the bound; the parse
	// stops there.
	in := hostileTEI(strings.Repeat("<p/>", maxNodes+1))
	f, err := Read(bytes.NewReader(in))
	assert.Nil(t, f)
	require.ErrorIs(t, err, maisky.ErrTooLarge)
	var re *ReadError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, 1, re.Line)
	assert.Contains(t, err.Error(), "more than 524288 elements and text runs")
	// Just below the bound, it reads.
	in = hostileTEI(strings.Repeat("<p>a</p>", 1000))
	f, err = Read(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Len(t, f.Documents[0].Translation().Blocks, 1000)
}

func TestHostile_TEIWarningsCapped(t *testing.T) {
	in := hostileTEI("<p>a</p>" + strings.Repeat("<list/>", 3000))
	f, err := Read(bytes.NewReader(in))
	require.NotNil(t, f)
	var se *SkipError
	require.ErrorAs(t, err, &se)
	assert.Len(t, se.Warnings, MaxWarnings)
	assert.Equal(t, 3000-MaxWarnings, se.More)
	assert.Contains(t, err.Error(), "(and 2999 more)")
}

func TestHostile_TEIByteOrderMark(t *testing.T) {
	want, err := Read(bytes.NewReader(hostileTEI("<p>Ляховецкий</p>")))
	require.NoError(t, err)

	// UTF-8 with a byte order mark.
	got, err := Read(bytes.NewReader(append([]byte("\ufeff"), hostileTEI("<p>Ляховецкий</p>")...)))
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// UTF-16, both byte orders, with a byte order mark and without.
	src := `<?xml version="1.0" encoding="UTF-16"?>` + string(hostileTEI("<p>Ляховецкий</p>"))
	for _, tc := range []struct {
		name string
		bom  unicode.BOMPolicy
		end  unicode.Endianness
	}{
		{"UTF-16LE BOM", unicode.UseBOM, unicode.LittleEndian},
		{"UTF-16BE BOM", unicode.UseBOM, unicode.BigEndian},
		{"UTF-16LE", unicode.IgnoreBOM, unicode.LittleEndian},
		{"UTF-16BE", unicode.IgnoreBOM, unicode.BigEndian},
	} {
		in, err := unicode.UTF16(tc.end, tc.bom).NewEncoder().Bytes([]byte(src))
		require.NoError(t, err)
		got, err := Read(bytes.NewReader(in))
		require.NoError(t, err, tc.name)
		assert.Equal(t, want, got, tc.name)
	}

	// ISO-8859-1 and windows-1252, as declared.
	latin := `<?xml version="1.0" encoding="ISO-8859-1"?>` + string(hostileTEI("<p>café – naïve</p>"))
	in, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.Replace(latin, "ISO-8859-1", "windows-1252", 1)))
	require.NoError(t, err)
	got, err = Read(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, "café – naïve", got.Documents[0].Translation().Blocks[0].Inlines()[0].(*maisky.Text).Value)
	in, err = charmap.ISO8859_1.NewEncoder().Bytes([]byte(strings.Replace(latin, "–", "-", 1)))
	require.NoError(t, err)
	got, err = Read(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, "café - naïve", got.Documents[0].Translation().Blocks[0].Inlines()[0].(*maisky.Text).Value)

	// UTF-16 without a declaration or a byte order mark.
	in, err = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(hostileTEI("<p>Ляховецкий</p>"))
	require.NoError(t, err)
	got, err = Read(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, want, got)

	// Other encodings are refused in plain words.
	for in, msg := range map[string]string{
		"\xff\xfe\x00\x00<\x00\x00\x00":                                "the input is UTF-32, which is not supported",
		`<?xml version="1.0" encoding="EBCDIC-US"?><TEI/>`:             `encoding "EBCDIC-US" is not supported: TEI is read in UTF-8, UTF-16 or ISO-8859-1`,
		`<?xml version="1.0" encoding="UTF-16"?><TEI/>`:                `the XML declaration says "UTF-16" but the input is not UTF-16`,
		"<?xml version=\"1.0\" encoding=\"US-ASCII\"?><TEI>\xe9</TEI>": "a byte above 0x7F in input declared as US-ASCII",
	} {
		f, err := Read(strings.NewReader(in))
		assert.Nil(t, f)
		require.ErrorIs(t, err, ErrSyntax, in)
		assert.Contains(t, err.Error(), msg)
		assert.NotContains(t, err.Error(), "CharsetReader")
	}
}

func TestHostile_TEINotWellFormed(t *testing.T) {
	for _, tc := range []struct {
		body      string
		line, col int
		msg       string
	}{
		{"<p rend=\"a\"\n rend=\"b\">x</p>", 1, len(hostileHead) + 1, "attribute rend repeated in <p>"},
		{`<p xmlns:a="urn:x" xmlns:b="urn:x" a:n="1" b:n="2">x</p>`, 1, len(hostileHead) + 1, "attribute b:n repeated in <p>"},
		{"<p>ok\n&#xD800;</p>", 2, 1, "character reference &#xD800; does not name a character XML allows"},
		{`<p>&#55296;</p>`, 1, len(hostileHead) + 4, "character reference &#55296;"},
		{`<p>&#xFFFF;</p>`, 1, len(hostileHead) + 4, "U+FFFF"},
		{`<p n="&#x110000;">x</p>`, 1, len(hostileHead) + 1, "&#x110000;"},
		{"<p>a<x:hi>b</x:hi></p>", 1, len(hostileHead) + 5, `undeclared namespace prefix "x" in <x:hi>`},
		{`<p x:rend="i">a</p>`, 1, len(hostileHead) + 1, `undeclared namespace prefix "x" in attribute x:rend of <p>`},
		{`<p><a:b xmlns:a="urn:a"/><a:c/></p>`, 1, len(hostileHead) + 26, `undeclared namespace prefix "a" in <a:c>`},
	} {
		f, err := Read(bytes.NewReader(hostileTEI(tc.body)))
		assert.Nil(t, f, tc.body)
		var re *ReadError
		require.ErrorAs(t, err, &re, tc.body)
		assert.ErrorIs(t, err, ErrSyntax)
		assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{re.Line, re.Column}, "%s: %v", tc.body, err)
		assert.Contains(t, err.Error(), tc.msg)
	}
	// Character references inside CDATA sections and comments are text,
	// and declared prefixes read.
	f, err := Read(bytes.NewReader(hostileTEI(`<p>&#x41;<![CDATA[&#xD800;]]><!-- &#xD800; --><t:x xmlns:t="urn:t">b</t:x></p>`)))
	var se *SkipError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "A&#xD800;", f.Documents[0].Translation().Blocks[0].Inlines()[0].(*maisky.Text).Value)
	assert.True(t, errors.Is(err, ErrSkipped))
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
