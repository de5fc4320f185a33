package download

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/export/tei"
)

// problem decodes a problem details answer and checks its shape.
func problem(t *testing.T, rec interface {
	Result() *http.Response
}, status int, code string) map[string]any {
	t.Helper()
	res := rec.Result()
	require.Equal(t, status, res.StatusCode)
	assert.Equal(t, MediaProblem, res.Header.Get("Content-Type"))
	assert.Empty(t, res.Header.Get("ETag"))
	assert.Empty(t, res.Header.Get("Content-Disposition"))
	var p map[string]any
	require.NoError(t, json.NewDecoder(res.Body).Decode(&p))
	assert.Equal(t, float64(status), p["status"])
	assert.Equal(t, code, p["code"])
	assert.NotEmpty(t, p["detail"])
	return p
}

func TestCitation(t *testing.T) {
	h := newTestHandler(t, Options{})
	f := volume1(t)
	doc, err := f.Document("maisky-1934-12-31")
	require.NoError(t, err)
	it, err := cite.FromDocument(doc, f.Volume, cite.Options{})
	require.NoError(t, err)
	note, err := cite.Format(&it, cite.ChicagoNotes, cite.First, cite.Locator{Value: "60"})
	require.NoError(t, err)
	// The README's note, as citeproc-js renders it.
	require.Equal(t, "Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60.", note.String())

	rec := get(h, "/maisky-1934-12-31/citation?style=chicago-notes-bibliography&mode=first&locator=60")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, MediaText, rec.Header().Get("Content-Type"))
	assert.Equal(t, note.String(), rec.Body.String())
	assert.Empty(t, rec.Header().Get("Content-Disposition"))
	assert.Equal(t, "Accept", rec.Header().Get("Vary"))
	assert.Equal(t, DefaultCacheControl, rec.Header().Get("Cache-Control"))

	for _, tc := range []struct {
		query, accept, media, want string
	}{
		{"&format=html", "", MediaHTML, note.HTML()},
		{"&format=markdown", "", MediaMarkdown, note.Markdown()},
		{"", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", MediaHTML, note.HTML()},
		{"", "text/markdown", MediaMarkdown, note.Markdown()},
		{"", "text/markdown;q=0.5, text/plain", MediaText, note.String()},
		{"", "*/*", MediaText, note.String()},
		{"&format=text", "text/html", MediaText, note.String()},
	} {
		rec := get(h, "/maisky-1934-12-31/citation?mode=first&locator=60"+tc.query, "Accept", tc.accept)
		require.Equal(t, http.StatusOK, rec.Code, tc)
		assert.Equal(t, tc.media, rec.Header().Get("Content-Type"), tc)
		assert.Equal(t, tc.want, rec.Body.String(), tc)
	}

	// Every style, bibliography mode by default.
	for _, s := range cite.Styles() {
		want, err := cite.Format(&it, s, cite.Bibliography, cite.Locator{})
		require.NoError(t, err)
		rec := get(h, "/maisky-1934-12-31/citation?style="+string(s))
		require.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, want.String(), rec.Body.String(), s)
	}

	// The archive form cites the online document, accessed on the day.
	arch, err := cite.FromDocument(doc, f.Volume, cite.Options{Form: cite.Archive, Accessed: fixedClock()})
	require.NoError(t, err)
	want, err := cite.Format(&arch, cite.MLA, cite.Bibliography, cite.Locator{})
	require.NoError(t, err)
	rec = get(h, "/maisky-1934-12-31/citation?style=modern-language-association&form=archive")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Equal(t, want.String(), rec.Body.String())
	rec = get(h, "/maisky-1934-12-31/csl-json?form=archive")
	assert.Contains(t, rec.Body.String(), `"accessed":{"date-parts":[[2026,11,21]]}`)
}

func TestCitationRefusals(t *testing.T) {
	h := newTestHandler(t, Options{})
	for _, tc := range []struct {
		target, accept string
		status         int
		code           string
	}{
		{"/maisky-1934-12-31/citation?style=apa", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?mode=footnote", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?locator=60", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?mode=first&label=shelf&locator=3", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?mode=first&label=page", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?style=mla&style=apa", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?format=pdf", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?form=web", "", 400, "parameter"},
		{"/maisky-1934-12-31/citation?a=%zz", "", 400, "query"},
		{"/maisky-1934-12-31/citation", "application/pdf", 406, "not-acceptable"},
		{"/maisky-1934-12-31/citation", "text/plain;q=0, text/html;q=0, */*;q=0", 406, "not-acceptable"},
		{"/nobody/citation", "", 404, "not-found"},
		{"/maisky-1934-12-31/bibtex", "", 404, "not-found"},
		{"/maisky-1934-12-31", "", 404, "not-found"},
		{"/maisky-1934-12-31/ris/x", "", 404, "not-found"},
		{"/maisky-1934-12-31/annotations", "", 404, "not-found"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			problem(t, get(h, tc.target, "Accept", tc.accept), tc.status, tc.code)
		})
	}
	rec := do(h, http.MethodPost, "/maisky-1934-12-31/ris", "application/x-www-form-urlencoded", "")
	problem(t, rec, 405, "method")
	assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
	long := "/maisky-1934-12-31/citation?locator=" + strings.Repeat("9", DefaultMaxURLBytes)
	problem(t, get(h, long), 414, "uri-too-long")
}

func TestExports(t *testing.T) {
	h := newTestHandler(t, Options{})
	for _, tc := range []struct {
		res, media, file string
	}{
		{"csl-json", "application/vnd.citationstyles.csl+json", "31 December 1934.json"},
		{"ris", "application/x-research-info-systems; charset=utf-8", "31 December 1934.ris"},
		{"tei", "application/tei+xml; charset=utf-8", "31 December 1934.xml"},
	} {
		rec := get(h, "/maisky-1934-12-31/"+tc.res)
		require.Equal(t, http.StatusOK, rec.Code, tc.res)
		assert.Equal(t, tc.media, rec.Header().Get("Content-Type"))
		_, params, err := mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
		require.NoError(t, err)
		assert.Equal(t, tc.file, params["filename"])
		assert.Equal(t, `attachment; filename="`+tc.file+`"`, rec.Header().Get("Content-Disposition"))
		etag := rec.Header().Get("ETag")
		assert.Regexp(t, `^"[A-Za-z0-9_-]{24}"$`, etag, "a strong ETag")
		assert.Equal(t, DefaultCacheControl, rec.Header().Get("Cache-Control"))
		assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
		body := rec.Body.Bytes()
		switch tc.res {
		case "csl-json":
			items, err := cite.ReadCSLJSON(bytes.NewReader(body))
			require.NoError(t, err)
			require.Len(t, items, 1)
			assert.Equal(t, "31 December 1934", items[0].Title)
			assert.Equal(t, "58-72", items[0].Page)
		case "ris":
			recs, err := ris.ReadRecords(bytes.NewReader(body))
			require.NoError(t, err)
			require.Len(t, recs, 1)
		case "tei":
			f, err := tei.Read(bytes.NewReader(body))
			require.NoError(t, err)
			require.Len(t, f.Documents, 1)
			assert.Equal(t, "maisky-1934-12-31", f.Documents[0].ID)
		}
		// Same bytes, same strong ETag; If-None-Match gives 304 with no body.
		again := get(h, "/maisky-1934-12-31/"+tc.res)
		assert.Equal(t, etag, again.Header().Get("ETag"))
		assert.Equal(t, body, again.Body.Bytes())
		nm := get(h, "/maisky-1934-12-31/"+tc.res, "If-None-Match", `"other", `+etag)
		assert.Equal(t, http.StatusNotModified, nm.Code)
		assert.Empty(t, nm.Body.Bytes())
		assert.Equal(t, etag, nm.Header().Get("ETag"))
		assert.Equal(t, http.StatusOK, get(h, "/maisky-1934-12-31/"+tc.res, "If-None-Match", `"other"`).Code)
		assert.Equal(t, http.StatusNotModified, get(h, "/maisky-1934-12-31/"+tc.res, "If-None-Match", `*`).Code)
		// A weak comparison matches too (RFC 9110 13.1.2).
		assert.Equal(t, http.StatusNotModified, get(h, "/maisky-1934-12-31/"+tc.res, "If-None-Match", "W/"+etag).Code)
		// HEAD: the headers, no body.
		head := do(h, http.MethodHead, "/maisky-1934-12-31/"+tc.res, "", "")
		assert.Equal(t, http.StatusOK, head.Code)
		assert.Equal(t, etag, head.Header().Get("ETag"))
		assert.Empty(t, head.Body.Bytes())
		// Range gives 206.
		rg := get(h, "/maisky-1934-12-31/"+tc.res, "Range", "bytes=0-9")
		assert.Equal(t, http.StatusPartialContent, rg.Code)
		assert.Equal(t, body[:10], rg.Body.Bytes())
		assert.Equal(t, fmt.Sprintf("bytes 0-9/%d", len(body)), rg.Header().Get("Content-Range"))
	}
	// The archive form of RIS is a manuscript with the access date.
	rec := get(h, "/maisky-1934-12-31/ris?form=archive")
	require.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), "TY  - MANSCPT")
	assert.Contains(t, rec.Body.String(), "Y2  - 2026/11/21/")
}

func TestCyrillicDisposition(t *testing.T) {
	h := newTestHandler(t, Options{})
	rec := get(h, "/"+cyrillicID+"/ris")
	require.Equal(t, http.StatusOK, rec.Code)
	cd := rec.Header().Get("Content-Disposition")
	assert.Equal(t, `attachment; filename="15 yanvarya 1935.ris"; filename*=UTF-8''15%20%D1%8F%D0%BD%D0%B2%D0%B0%D1%80%D1%8F%201935.ris`, cd)
	_, params, err := mime.ParseMediaType(cd)
	require.NoError(t, err)
	assert.Equal(t, "15 января 1935.ris", params["filename"])

	rec = postPrint(h, cyrillicID, printForm("78-79", "on", "Анна Ахматова"))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	_, params, err = mime.ParseMediaType(rec.Header().Get("Content-Disposition"))
	require.NoError(t, err)
	assert.Equal(t, "15 января 1935, pp. 78-79.pdf", params["filename"])
	assert.Contains(t, rec.Header().Get("Content-Disposition"), `filename="15 yanvarya 1935, pp. 78-79.pdf"`)
}

func TestPrint(t *testing.T) {
	h := newTestHandler(t, Options{TermsVersion: "2024-05"})
	rec := postPrint(h, "maisky-1934-12-31", printForm("59–68", "on", "A. Reader"))
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, MediaPDF, rec.Header().Get("Content-Type"))
	assert.Equal(t, PrivateCacheControl, rec.Header().Get("Cache-Control"))
	assert.Equal(t, `attachment; filename="31 December 1934, pp. 59-68.pdf"`, rec.Header().Get("Content-Disposition"))
	body := rec.Body.Bytes()
	require.True(t, bytes.HasPrefix(body, []byte("%PDF-")), "a PDF")
	etag := rec.Header().Get("ETag")
	assert.Regexp(t, `^"[A-Za-z0-9_-]{24}"$`, etag)

	// The same print the same day gives the same bytes (from the cache
	// here; TestPrintDeterministic prints twice). Range on the POST is
	// ignored (ranges are for GET); the Content-Location takes it.
	rg := postPrint(h, "maisky-1934-12-31", printForm("59-68", "on", "A. Reader"), "Range", "bytes=100-199")
	require.Equal(t, http.StatusOK, rg.Code)
	assert.Equal(t, body, rg.Body.Bytes())
	rel := rec.Header().Get("Content-Location")
	require.Regexp(t, `^pdf/[A-Za-z0-9_-]{24}$`, rel)
	assert.Equal(t, rel, rg.Header().Get("Content-Location"))
	// Resolved against the request's address (RFC 9110 8.7).
	base, _ := url.Parse("http://example.com/maisky-1934-12-31/print")
	ref, _ := url.Parse(rel)
	loc := strings.TrimPrefix(base.ResolveReference(ref).Path, "/")
	require.Equal(t, "maisky-1934-12-31/"+rel, loc)
	kept := get(h, "/"+loc, "Range", "bytes=100-199")
	require.Equal(t, http.StatusPartialContent, kept.Code)
	assert.Equal(t, body[100:200], kept.Body.Bytes())
	assert.Equal(t, fmt.Sprintf("bytes 100-199/%d", len(body)), kept.Header().Get("Content-Range"))
	assert.Equal(t, etag, kept.Header().Get("ETag"))
	assert.Equal(t, MediaPDF, kept.Header().Get("Content-Type"))
	assert.Equal(t, KeptCacheControl, kept.Header().Get("Cache-Control"))
	assert.Equal(t, rec.Header().Get("Content-Disposition"), kept.Header().Get("Content-Disposition"))
	ir := get(h, "/"+loc, "Range", "bytes=100-199", "If-Range", `"stale"`)
	assert.Equal(t, http.StatusOK, ir.Code)
	assert.Equal(t, body, ir.Body.Bytes())
	assert.Equal(t, http.StatusPartialContent, get(h, "/"+loc, "Range", "bytes=100-199", "If-Range", etag).Code)
	assert.Equal(t, http.StatusNotModified, get(h, "/"+loc, "If-None-Match", etag).Code)
	assert.Equal(t, http.StatusRequestedRangeNotSatisfiable, get(h, "/"+loc, "Range", fmt.Sprintf("bytes=%d-", len(body)+10)).Code)
	problem(t, get(h, "/maisky-1934-12-18/pdf/"+loc[len(loc)-24:]), 404, "not-found")
	problem(t, get(h, "/maisky-1934-12-31/pdf/AAAAAAAAAAAAAAAAAAAAAAAA"), 404, "not-found")
	problem(t, do(h, http.MethodPost, "/"+loc, "application/x-www-form-urlencoded", ""), 405, "method")
	// If-None-Match on a POST is a failed precondition (RFC 9110 13.1.2).
	assert.Equal(t, http.StatusPreconditionFailed, postPrint(h, "maisky-1934-12-31", printForm("59-68", "on", "A. Reader"), "If-None-Match", etag).Code)

	// From and to, multipart, a single page, letter paper, another style.
	rec = postPrint(h, "maisky-1934-12-31", url.Values{"from": {"71"}, "to": {"72"}, "terms": {"accept"}, "name": {"A. Reader"}, "paper": {"letter"}, "style": {"modern-language-association"}})
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	var mp bytes.Buffer
	mp.WriteString("--XyZ\r\nContent-Disposition: form-data; name=\"pages\"\r\n\r\n111\r\n--XyZ\r\nContent-Disposition: form-data; name=\"terms\"\r\n\r\non\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA. Reader\r\n--XyZ--\r\n")
	rec = do(h, http.MethodPost, "/maisky-1935-03-01/print", "multipart/form-data; boundary=XyZ", mp.String())
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, `attachment; filename="1 March (1) 1935, p. 111.pdf"`, rec.Header().Get("Content-Disposition"))
}

func TestPrintDeterministic(t *testing.T) {
	h := newTestHandler(t, Options{CacheEntries: -1})
	a := postPrint(h, "maisky-1934-12-18", printForm("53-54", "on", "A. Reader"))
	b := postPrint(h, "maisky-1934-12-18", printForm("53-54", "on", "A. Reader"))
	require.Equal(t, http.StatusOK, a.Code)
	assert.Equal(t, a.Body.Bytes(), b.Body.Bytes())
	assert.Equal(t, a.Header().Get("ETag"), b.Header().Get("ETag"))
	c := postPrint(h, "maisky-1934-12-18", printForm("53-54", "on", "B. Reader"))
	assert.NotEqual(t, a.Header().Get("ETag"), c.Header().Get("ETag"))
}

func TestPrintRefusals(t *testing.T) {
	h := newTestHandler(t, Options{})
	for _, tc := range []struct {
		name   string
		id     string
		form   url.Values
		status int
		code   string
		detail string
	}{
		{"terms unticked", "maisky-1934-12-31", printForm("59-68", "", "A. Reader"), 400, "terms-not-accepted", "I agree to all terms"},
		{"terms off", "maisky-1934-12-31", printForm("59-68", "off", "A. Reader"), 400, "terms-not-accepted", "tick"},
		{"eleven pages", "maisky-1934-12-31", printForm("59-69", "on", "A. Reader"), 400, "page-limit", "At most 10 pages"},
		{"eleven pages unticked", "maisky-1934-12-31", printForm("59-69", "", "A. Reader"), 400, "terms-not-accepted", "tick"},
		{"malformed", "maisky-1934-12-31", printForm("fifty-nine", "on", "A. Reader"), 400, "page-range", "59–68"},
		{"reversed", "maisky-1934-12-31", printForm("68-59", "on", "A. Reader"), 400, "page-range", "first page"},
		{"no pages", "maisky-1934-12-31", printForm("", "on", "A. Reader"), 400, "page-range", "Give the pages"},
		{"outside", "maisky-1934-12-31", printForm("70-75", "on", "A. Reader"), 400, "page-range", "pages 58–72"},
		{"no name", "maisky-1934-12-31", printForm("59-68", "on", ""), 400, "name", "name"},
		{"two ranges", "maisky-1934-12-31", url.Values{"pages": {"59-60", "61-62"}, "terms": {"on"}, "name": {"A"}}, 400, "parameter", "once"},
		{"bad style", "maisky-1934-12-31", url.Values{"pages": {"59"}, "terms": {"on"}, "name": {"A"}, "style": {"apa"}}, 400, "parameter", "styles"},
		{"bad paper", "maisky-1934-12-31", url.Values{"pages": {"59"}, "terms": {"on"}, "name": {"A"}, "paper": {"a3"}}, 400, "parameter", "a4"},
		{"unknown document", "maisky-1999-01-01", printForm("59-68", "on", "A. Reader"), 404, "not-found", "no document"},
		{"no pages in document", "maisky-1935-01-09", printForm("1-2", "on", "A. Reader"), 400, "page-range", "pages 78"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := problem(t, postPrint(h, tc.id, tc.form), tc.status, tc.code)
			assert.Contains(t, p["detail"], tc.detail)
		})
	}
	t.Run("GET", func(t *testing.T) {
		rec := get(h, "/maisky-1934-12-31/print?pages=59-68&terms=on&name=A")
		problem(t, rec, 405, "method")
		assert.Equal(t, "POST", rec.Header().Get("Allow"))
	})
	t.Run("too large", func(t *testing.T) {
		form := printForm("59-68", "on", strings.Repeat("A", DefaultMaxBodyBytes))
		problem(t, postPrint(h, "maisky-1934-12-31", form), 413, "too-large")
		// Without a Content-Length the reader stops at the limit.
		req := strings.NewReader(form.Encode())
		rec := doChunked(h, "/maisky-1934-12-31/print", "application/x-www-form-urlencoded", req)
		problem(t, rec, 413, "too-large")
	})
	t.Run("media type", func(t *testing.T) {
		rec := do(h, http.MethodPost, "/maisky-1934-12-31/print", "application/json", `{"pages":"59-68"}`)
		problem(t, rec, 415, "media-type")
		assert.Contains(t, rec.Header().Get("Accept-Post"), "application/x-www-form-urlencoded")
		problem(t, do(h, http.MethodPost, "/maisky-1934-12-31/print", "", "pages=59"), 415, "media-type")
		problem(t, do(h, http.MethodPost, "/maisky-1934-12-31/print", "application/x-www-form-urlencoded; charset=latin1", "pages=59"), 415, "media-type")
		problem(t, do(h, http.MethodPost, "/maisky-1934-12-31/print", "multipart/form-data", "x"), 400, "form")
		problem(t, do(h, http.MethodPost, "/maisky-1934-12-31/print", "application/x-www-form-urlencoded", "pages=%zz"), 400, "form")
	})
	t.Run("cross origin", func(t *testing.T) {
		form := printForm("59-68", "on", "A. Reader")
		problem(t, postPrint(h, "maisky-1934-12-31", form, "Sec-Fetch-Site", "cross-site"), 403, "cross-origin")
		problem(t, postPrint(h, "maisky-1934-12-31", form, "Origin", "https://evil.example"), 403, "cross-origin")
		assert.Equal(t, 200, postPrint(h, "maisky-1934-12-31", form, "Sec-Fetch-Site", "same-origin").Code)
		assert.Equal(t, 200, postPrint(h, "maisky-1934-12-31", form, "Origin", "http://example.com").Code, "the handler's own origin")
		trusted := newTestHandler(t, Options{TrustedOrigins: []string{"https://archive.example"}})
		assert.Equal(t, 200, postPrint(trusted, "maisky-1934-12-31", form, "Origin", "https://archive.example", "Sec-Fetch-Site", "cross-site").Code)
		_, err := New(newTestSource(t), Options{TrustedOrigins: []string{"not an origin"}})
		assert.Error(t, err)
	})
}

// doChunked posts a body of unknown length.
func doChunked(h http.Handler, target, contentType string, body *strings.Reader) *recorder {
	rec := newRecorder()
	req, _ := http.NewRequest(http.MethodPost, "http://example.com"+target, struct{ *strings.Reader }{body})
	req.ContentLength = -1
	req.Header.Set("Content-Type", contentType)
	req.RequestURI = target
	h.ServeHTTP(rec, req)
	return rec
}

func TestReaderFromService(t *testing.T) {
	h := newTestHandler(t, Options{Reader: func(r *http.Request) string { return r.Header.Get("X-Reader") }, CacheEntries: -1})
	a := postPrint(h, "maisky-1935-03-01", printForm("111", "on", ""), "X-Reader", "Logged In")
	require.Equal(t, http.StatusOK, a.Code, a.Body.String())
	b := postPrint(h, "maisky-1935-03-01", printForm("111", "on", "Someone Else"), "X-Reader", "Logged In")
	assert.Equal(t, a.Body.Bytes(), b.Body.Bytes(), "the form's name does not override the logged-in reader")
}

func TestInternalErrorsHidden(t *testing.T) {
	h := newTestHandler(t, Options{})
	for _, target := range []string{"/broken/ris", "/broken/citation"} {
		rec := get(h, target)
		p := problem(t, rec, 500, "internal")
		assert.NotContains(t, rec.Body.String(), "password")
		assert.NotContains(t, rec.Body.String(), "10.0.0.7")
		assert.Equal(t, "The request could not be completed.", p["detail"])
	}
	rec := postPrint(h, "broken", printForm("1", "on", "A"))
	problem(t, rec, 500, "internal")
	assert.NotContains(t, rec.Body.String(), "password")
}

func TestTimeout(t *testing.T) {
	h := newTestHandler(t, Options{Timeout: 20 * time.Millisecond})
	start := time.Now()
	problem(t, get(h, "/slow/tei"), 503, "timeout")
	assert.Less(t, time.Since(start), 2*time.Second)
}

func TestBusy(t *testing.T) {
	form := printForm("111", "on", "A. Reader")
	t.Run("no queue", func(t *testing.T) {
		h := newTestHandler(t, Options{MaxJobs: 1, MaxQueue: -1, RetryAfter: 1500 * time.Millisecond})
		h.slots <- struct{}{} // a job runs
		rec := postPrint(h, "maisky-1935-03-01", form)
		problem(t, rec, 503, "busy")
		assert.Equal(t, "2", rec.Header().Get("Retry-After"))
		<-h.slots
		assert.Equal(t, 200, postPrint(h, "maisky-1935-03-01", form).Code)
	})
	t.Run("queue deadline", func(t *testing.T) {
		h := newTestHandler(t, Options{MaxJobs: 1, MaxQueue: 4, QueueWait: 30 * time.Millisecond})
		h.slots <- struct{}{}
		start := time.Now()
		rec := postPrint(h, "maisky-1935-03-01", form)
		problem(t, rec, 503, "busy")
		assert.Equal(t, "2", rec.Header().Get("Retry-After"), "the default")
		assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
		<-h.slots
	})
	t.Run("burst", func(t *testing.T) {
		// 40 different prints at once against one slot and a queue of 3:
		// every answer is a PDF or a 503, and the queue never grows past
		// its bound.
		h := newTestHandler(t, Options{MaxJobs: 1, MaxQueue: 3, QueueWait: 5 * time.Second, CacheEntries: -1})
		var wg sync.WaitGroup
		codes := make([]int, 40)
		var maxWaiting int64
		var mu sync.Mutex
		stop := make(chan struct{})
		go func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				if w := h.waiting.Load(); w > maxWaiting {
					maxWaiting = w
				}
				mu.Unlock()
				time.Sleep(100 * time.Microsecond)
			}
		}()
		for i := range codes {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = postPrint(h, "maisky-1935-03-01", printForm("111", "on", fmt.Sprint("Reader ", i))).Code
			}()
		}
		wg.Wait()
		close(stop)
		n := map[int]int{}
		for _, c := range codes {
			n[c]++
		}
		assert.Equal(t, 40, n[200]+n[503], n)
		assert.GreaterOrEqual(t, n[200], 1, n)
		assert.GreaterOrEqual(t, n[503], 1, n)
		mu.Lock()
		assert.LessOrEqual(t, maxWaiting, int64(3))
		mu.Unlock()
	})
}

func TestPrintCache(t *testing.T) {
	h := newTestHandler(t, Options{CacheEntries: 2})
	for _, name := range []string{"A", "B", "C", "A"} {
		require.Equal(t, 200, postPrint(h, "maisky-1935-03-01", printForm("111", "on", name)).Code)
	}
	h.cache.mu.Lock()
	defer h.cache.mu.Unlock()
	assert.Equal(t, 2, h.cache.lru.Len())
	assert.Len(t, h.cache.entries, 2)
	assert.Empty(t, h.cache.inflight)
}

func TestLowerPageCap(t *testing.T) {
	h := newTestHandler(t, Options{PDF: pdf.Options{MaxPages: 5}})
	p := problem(t, postPrint(h, "maisky-1934-12-31", printForm("59-64", "on", "A")), 400, "page-limit")
	assert.Contains(t, p["detail"], "At most 5 pages")
	assert.Equal(t, 200, postPrint(h, "maisky-1934-12-31", printForm("59-63", "on", "A")).Code)
}
