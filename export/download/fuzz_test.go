package download

import (
	"encoding/json"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkAnswer fails on a 500 or an error answer that is not problem
// details with a fixed message.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder, allowed ...int) {
	t.Helper()
	ok := false
	for _, s := range allowed {
		ok = ok || rec.Code == s
	}
	if !ok {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	if rec.Code >= 400 {
		var p struct {
			Status int    `json:"status"`
			Code   string `json:"code"`
			Detail string `json:"detail"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Status != rec.Code || p.Code == "" || p.Detail == "" {
			t.Fatalf("status %d: not problem details: %q", rec.Code, rec.Body.String())
		}
	}
}

// FuzzCitationQuery sends any query string and Accept header to the
// citation, export and annotation addresses: never a 500, never a panic.
func FuzzCitationQuery(f *testing.F) {
	for _, s := range [][2]string{
		{"style=chicago-notes-bibliography&mode=first&locator=60", ""},
		{"style=modern-language-association&format=html", "text/html"},
		{"mode=subsequent&locator=103-104&label=page&form=archive", "text/markdown;q=0.9, */*;q=0.1"},
		{"locator=60", "application/pdf"},
		{"style=%zz", "text/plain;q=2"},
		{"format=markdown&format=html", "*/*;q=0"},
		{"mode=first&locator=%E2%80%93&label=chapter", "text/*"},
	} {
		f.Add(s[0], s[1], uint8(0))
	}
	h := newTestHandler(f, Options{Annotations: annotationStore(f), Viewer: viewerHeader})
	resources := []string{"citation", "csl-json", "ris", "tei", "annotations"}
	f.Fuzz(func(t *testing.T, query, accept string, which uint8) {
		if len(query) > 2*DefaultMaxURLBytes {
			return
		}
		target := "/maisky-1935-03-01/" + resources[int(which)%len(resources)] + "?" + query
		req, err := http.NewRequest(http.MethodGet, "http://example.com/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Path = target[:strings.IndexByte(target, '?')]
		req.URL.RawQuery = query
		req.RequestURI = target
		req.Header.Set("Accept", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkAnswer(t, rec, 200, 400, 404, 406, 414)
	})
}

// FuzzPrintForm posts any body of any Content-Type to print: never a 500,
// never a panic, and a PDF only for a ticked box and at most ten pages.
func FuzzPrintForm(f *testing.F) {
	for _, s := range [][2]string{
		{"application/x-www-form-urlencoded", "pages=111&terms=on&name=A.+Reader"},
		{"application/x-www-form-urlencoded", "pages=110-111&terms=on&name=A"},
		{"application/x-www-form-urlencoded", "from=111&to=111&terms=accept&name=%D0%90%D0%BD%D0%BD%D0%B0&paper=letter&style=modern-language-association"},
		{"application/x-www-form-urlencoded", "pages=1-11&terms=on&name=A"},
		{"application/x-www-form-urlencoded; charset=utf-8", "pages=%zz"},
		{"multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"pages\"\r\n\r\n111\r\n--XyZ\r\nContent-Disposition: form-data; name=\"terms\"\r\n\r\non\r\n--XyZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nA\r\n--XyZ--\r\n"},
		{"multipart/form-data; boundary=XyZ", "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nx\r\n--XyZ--\r\n"},
		{"text/plain", "pages=111"},
		{"", ""},
	} {
		f.Add(s[0], s[1])
	}
	h := newTestHandler(f, Options{MaxJobs: 1})
	f.Fuzz(func(t *testing.T, contentType, body string) {
		req := httptest.NewRequest(http.MethodPost, "/maisky-1935-03-01/print", strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		checkAnswer(t, rec, 200, 400, 413, 415)
		if rec.Code == 200 {
			if !strings.HasPrefix(rec.Body.String(), "%PDF-") {
				t.Fatalf("200 without a PDF")
			}
			if !strings.HasPrefix(contentType, "application/x-www-form-urlencoded") {
				return
			}
			q, err := url.ParseQuery(body)
			if err != nil {
				t.Fatalf("printed a malformed form")
			}
			switch strings.ToLower(strings.TrimSpace(q.Get("terms"))) {
			case "on", "1", "true", "yes", "accept", "accepted", "agree":
			default:
				t.Fatalf("printed without the box ticked: %q", body)
			}
		}
	})
}

// FuzzContentDisposition: for any title the header is printable ASCII (no
// header injection), parses as RFC 6266, and gives back the cleaned name.
func FuzzContentDisposition(f *testing.F) {
	for _, s := range []string{"31 December 1934.ris", "15 января 1935.pdf", `a"b\c%d`, "\r\nSet-Cookie: x=1", "日本語", "é\u0301", ".", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		h := ContentDisposition(name, false)
		for i := 0; i < len(h); i++ {
			if h[i] < 0x20 || h[i] >= 0x7f {
				t.Fatalf("byte %q in %q", h[i], h)
			}
		}
		disp, params, err := mime.ParseMediaType(h)
		if err != nil || disp != "attachment" {
			t.Fatalf("%q does not parse: %v", h, err)
		}
		want := cleanName(name)
		if want == "" {
			want = "download"
		}
		if !utf8.ValidString(want) {
			return
		}
		if params["filename"] != want {
			t.Fatalf("filename %q, want %q (header %q)", params["filename"], want, h)
		}
	})
}
