package download

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
)

var metaRE = regexp.MustCompile(`^<meta name="(citation_[a-z_]+)" content="([^"]*)">$`)

func TestMeta(t *testing.T) {
	f := volume1(t)
	doc, err := f.Document("maisky-1934-12-31")
	require.NoError(t, err)
	it, err := cite.FromDocument(doc, f.Volume, cite.Options{})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, WriteMeta(&b, &it, Links{PublicURL: "https://archive.example/doc/maisky-1934-12-31", PDFURL: "https://archive.example/x.pdf?a=1&b=2"}))
	var got [][2]string
	for _, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		m := metaRE.FindStringSubmatch(line)
		require.NotNil(t, m, line)
		got = append(got, [2]string{m[1], html.UnescapeString(m[2])})
	}
	assert.Equal(t, [][2]string{
		{"citation_title", "31 December 1934"},
		{"citation_author", "Maisky, Ivan"},
		{"citation_editor", "Gorodetsky, Gabriel"},
		{"citation_publication_date", "2017"},
		{"citation_inbook_title", "The Complete Maisky Diaries"},
		{"citation_book_title", "The Complete Maisky Diaries"},
		{"citation_volume", "1"},
		{"citation_firstpage", "58"},
		{"citation_lastpage", "72"},
		{"citation_publisher", "Yale University Press"},
		{"citation_isbn", "978-0-300-18067-1"},
		{"citation_language", "en"},
		{"citation_public_url", "https://archive.example/doc/maisky-1934-12-31"},
		{"citation_pdf_url", "https://archive.example/x.pdf?a=1&b=2"},
	}, got)
	assert.Contains(t, b.String(), "a=1&amp;b=2")

	// The archive form: a manuscript dated by the entry, at its permalink.
	arch, err := cite.FromDocument(doc, f.Volume, cite.Options{Form: cite.Archive})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, WriteMeta(&b, &arch, Links{}))
	assert.Contains(t, b.String(), `<meta name="citation_publication_date" content="1934/12/31">`)
	assert.Contains(t, b.String(), `<meta name="citation_public_url" content="`+doc.Permalink+`">`)
	assert.Contains(t, b.String(), `<meta name="citation_publisher" content="Stalin Digital Archive">`)
	assert.NotContains(t, b.String(), "citation_inbook_title")

	// Markup in a value stays text.
	evil := cite.Item{Title: `"><script>alert(1)</script>`, Author: []cite.Name{{Literal: "A & B"}}}
	b.Reset()
	require.NoError(t, WriteMeta(&b, &evil, Links{}))
	assert.NotContains(t, b.String(), "<script>")
	assert.Contains(t, b.String(), "A &amp; B")
}

func TestCOinS(t *testing.T) {
	f := volume1(t)
	doc, err := f.Document("maisky-1934-12-31")
	require.NoError(t, err)
	it, err := cite.FromDocument(doc, f.Volume, cite.Options{})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, WriteCOinS(&b, &it))
	m := regexp.MustCompile(`^<span class="Z3988" title="([^"]*)"></span>$`).FindStringSubmatch(b.String())
	require.NotNil(t, m, b.String())
	kev := html.UnescapeString(m[1])
	q, err := url.ParseQuery(kev)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(kev, "ctx_ver=Z39.88-2004&rft_val_fmt="))
	for k, v := range map[string]string{
		"rft_val_fmt": "info:ofi/fmt:kev:mtx:book",
		"rft.genre":   "bookitem",
		"rft.atitle":  "31 December 1934",
		"rft.btitle":  "The Complete Maisky Diaries",
		"rft.aulast":  "Maisky",
		"rft.aufirst": "Ivan",
		"rft.au":      "Maisky, Ivan",
		"rft.date":    "2017",
		"rft.pub":     "Yale University Press",
		"rft.place":   "New Haven",
		"rft.spage":   "58",
		"rft.epage":   "72",
		"rft.pages":   "58-72",
		"rft.isbn":    "978-0-300-18067-1",
	} {
		assert.Equal(t, []string{v}, q[k], k)
	}
	arch, err := cite.FromDocument(doc, f.Volume, cite.Options{Form: cite.Archive})
	require.NoError(t, err)
	b.Reset()
	require.NoError(t, WriteCOinS(&b, &arch))
	m = regexp.MustCompile(`title="([^"]*)"`).FindStringSubmatch(b.String())
	q, err = url.ParseQuery(html.UnescapeString(m[1]))
	require.NoError(t, err)
	assert.Equal(t, "info:ofi/fmt:kev:mtx:dc", q.Get("rft_val_fmt"))
	assert.Equal(t, "1934-12-31", q.Get("rft.date"))
	assert.Equal(t, doc.Permalink, q.Get("rft_id"))
}
