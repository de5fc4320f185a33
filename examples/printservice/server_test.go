package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const volumeFile = "../../testdata/volume1.json"

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	f, err := readVolume(volumeFile)
	require.NoError(t, err)
	s, err := newServer(f, config{TermsVersion: "2024-05"})
	require.NoError(t, err)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

func fetch(t *testing.T, ts *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	res, err := ts.Client().Get(ts.URL + path)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(b)
}

func TestReadingPage(t *testing.T) {
	ts := newTestServer(t)
	res, page := fetch(t, ts, "/doc/maisky-1934-12-31")
	require.Equal(t, 200, res.StatusCode)
	assert.Equal(t, contentSecurityPolicy, res.Header.Get("Content-Security-Policy"))
	assert.Contains(t, contentSecurityPolicy, "default-src 'none'")
	assert.NotContains(t, contentSecurityPolicy, "unsafe")
	assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
	for _, want := range []string{
		`<meta name="citation_title" content="31 December 1934">`,
		`<meta name="citation_author" content="Maisky, Ivan">`,
		`<meta name="citation_firstpage" content="58">`,
		`<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;`,
		"Max. 10 pages at a time",
		"I agree to all terms and conditions governing print and/or download of material from this archive.",
		`<input type="checkbox" name="terms" id="print-terms" value="on">`,
		`<span class="page-marker" id="page-59">Page 59</span>`,
		`<span class="page-marker" id="page-71">Page 71</span><span class="page-marker" id="page-72">Page 72</span>`,
		`Page 58 (continued)`,
		`<li id="note-27" value="27">`,
		`<sup class="noteref"><a href="#note-1" id="ref-1">1</a></sup>`,
		`<option value="modern-language-association">`,
		`href="/api/maisky-1934-12-31/ris"`, `href="/api/maisky-1934-12-31/csl-json"`, `href="/api/maisky-1934-12-31/tei"`,
		`<dt>Recipient</dt><dd>N/A</dd>`,
		"Original transcription: / 0",
		`<p class="commentary">`,
	} {
		assert.Contains(t, page, want)
	}
	// Every page of the entry has its marker.
	for p := 59; p <= 72; p++ {
		assert.Contains(t, page, `id="page-`+strconv.Itoa(p)+`"`)
	}
	// No external asset, no inline script or style.
	for _, m := range regexp.MustCompile(`(?:src|href|action)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		assert.Regexp(t, `^(/|#)`, m[1], "a local address")
	}
	assert.NotRegexp(t, `<script>|<script [^s]|<style|\sstyle="|\son[a-z]+="`, page)
	assert.Equal(t, 1, strings.Count(page, "<script"))

	for _, path := range []string{"/static/app.js", "/static/app.css"} {
		res, body := fetch(t, ts, path)
		require.Equal(t, 200, res.StatusCode, path)
		assert.NotEmpty(t, body)
		assert.NotContains(t, body, "http://")
		assert.NotRegexp(t, `https://|@import|url\(`, body)
	}
	res, _ = fetch(t, ts, "/doc/nobody")
	assert.Equal(t, 404, res.StatusCode)
	res, index := fetch(t, ts, "/")
	require.Equal(t, 200, res.StatusCode)
	assert.Contains(t, index, `<a href="/doc/maisky-1934-12-31">31 December</a>`)
	assert.Equal(t, 246, strings.Count(index, "<li>"))
}

func TestPrintThroughService(t *testing.T) {
	ts := newTestServer(t)
	form := url.Values{"from": {"59"}, "to": {"68"}, "name": {"A. Reader"}, "terms": {"on"}}
	req, _ := http.NewRequest("POST", ts.URL+"/api/maisky-1934-12-31/print", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", ts.URL)
	res, err := ts.Client().Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	require.Equal(t, 200, res.StatusCode, string(body))
	assert.True(t, bytes.HasPrefix(body, []byte("%PDF-")))

	// The Content-Location, resolved against the print's address, gives the
	// same bytes by GET, in ranges.
	ref, err := url.Parse(res.Header.Get("Content-Location"))
	require.NoError(t, err)
	kept := res.Request.URL.ResolveReference(ref)
	assert.Regexp(t, `^/api/maisky-1934-12-31/pdf/`, kept.Path)
	rreq, _ := http.NewRequest("GET", kept.String(), nil)
	rreq.Header.Set("Range", "bytes=0-99")
	rres, err := ts.Client().Do(rreq)
	require.NoError(t, err)
	part, _ := io.ReadAll(rres.Body)
	rres.Body.Close()
	assert.Equal(t, http.StatusPartialContent, rres.StatusCode)
	assert.Equal(t, body[:100], part)

	req, _ = http.NewRequest("POST", ts.URL+"/api/maisky-1934-12-31/print", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://elsewhere.example")
	res, err = ts.Client().Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 403, res.StatusCode)
}

func TestRunRefusesPublicAddress(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-addr", "0.0.0.0:8080"}, &out, &errb))
	assert.Contains(t, errb.String(), "127.0.0.1")
	errb.Reset()
	assert.Equal(t, 1, run([]string{"-addr", "127.0.0.1:0", "-file", "nonexistent.json"}, &out, &errb))
	assert.Contains(t, errb.String(), "nonexistent.json")
}
