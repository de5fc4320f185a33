package download

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/export/tei"
	"github.com/maisky-lib/maisky/internal/jsonstr"
	"github.com/maisky-lib/maisky/maisky"
)

// Defaults of Options.
const (
	DefaultMaxBodyBytes = 8 << 10
	DefaultMaxURLBytes  = 4 << 10
	DefaultMaxQueue     = 64
	DefaultQueueWait    = 10 * time.Second
	DefaultRetryAfter   = 2 * time.Second
	DefaultTimeout      = 30 * time.Second
	DefaultCacheEntries = 64
	DefaultCacheControl = "public, no-cache"
	// PrivateCacheControl is sent with print extracts and annotations,
	// which belong to one reader.
	PrivateCacheControl = "private, no-cache"
)

// Options configure a Handler. The zero value serves the print edition's
// citations, allows as many concurrent PDF jobs as there are CPUs, and
// applies the limits given by the Default constants.
type Options struct {
	// Cite tunes the citation items of every output (cite.FromDocument);
	// the query parameter form=archive switches a citation to the archive
	// form. For the archive form a zero Accessed means the day of the
	// request (from Clock).
	Cite cite.Options
	// PDF holds the PDF options other than the volume (which comes from
	// the Source): paper, default footer style, creator. Created is
	// ignored: a print's date is the day of acceptance.
	PDF pdf.Options
	// TermsVersion names the version of the terms the print dialog shows;
	// it is recorded in every print.
	TermsVersion string
	// Reader returns the name of the logged-in reader who sends a
	// request, or "". When it gives a name, a print is recorded as accepted
	// by that reader and the form's name field is ignored; otherwise the
	// form must give one.
	Reader func(*http.Request) string
	// Annotations is the store of the readers' annotations; nil answers
	// 404 on the annotations endpoint.
	Annotations annotate.Store
	// Viewer returns who sends a request: the logged-in reader, their
	// groups, whether they moderate. The annotations endpoint shows what
	// that viewer may see. Nil means every request is anonymous (public
	// annotations only).
	Viewer func(*http.Request) annotate.Viewer
	// AnnotationJSONLD gives the IRIs of the JSON-LD export; an empty ID
	// means annotate.DefaultCollectionID + ":" + the document's id, an
	// empty Label "Annotations on " + its title.
	AnnotationJSONLD annotate.JSONLDOptions
	// Clock gives the time of acceptance (kept to its UTC day, so that the
	// same print on the same day gives the same bytes); nil means
	// time.Now.
	Clock func() time.Time
	// MaxJobs bounds the PDF jobs that run at once; zero means
	// runtime.GOMAXPROCS(0).
	MaxJobs int
	// MaxQueue bounds the print requests that wait for a job slot; zero
	// means DefaultMaxQueue, a negative value no waiting at all. A request
	// beyond it gets 503 with Retry-After at once.
	MaxQueue int
	// QueueWait is how long a print request waits for a slot before it
	// gets 503 with Retry-After; zero means DefaultQueueWait.
	QueueWait time.Duration
	// RetryAfter is what a 503 asks the client to wait before trying
	// again (whole seconds, at least 1); zero means DefaultRetryAfter.
	RetryAfter time.Duration
	// Timeout bounds the handling of one request (the context given to
	// the Source and the wait for a slot); zero means DefaultTimeout. The
	// http.Server's ReadHeaderTimeout, ReadTimeout and WriteTimeout bound
	// the connection itself: set them.
	Timeout time.Duration
	// MaxBodyBytes bounds a print form; zero means DefaultMaxBodyBytes.
	// A larger body gets 413.
	MaxBodyBytes int64
	// MaxURLBytes bounds the request target (path and query); zero means
	// DefaultMaxURLBytes. A longer one gets 414.
	MaxURLBytes int
	// CacheEntries is how many print extracts are kept, by document and
	// request, to answer a repeated print (a reload, a resumed download)
	// without printing again; identical prints running at once are done
	// once. Zero means DefaultCacheEntries, a negative value no cache.
	CacheEntries int
	// CacheControl is the Cache-Control of the public outputs (citation,
	// CSL-JSON, RIS, TEI); empty means DefaultCacheControl. Strong ETags
	// make revalidation cheap.
	CacheControl string
	// TrustedOrigins are origins ("https://archive.example") besides the
	// handler's own from which a browser may send a print request; any
	// other cross-origin POST gets 403 (http.CrossOriginProtection).
	TrustedOrigins []string
	// Log receives the internal errors that are answered with a generic
	// 500; nil discards them.
	Log *slog.Logger
}

// Handler is the http.Handler of the download service. Mount it with
// http.StripPrefix; it serves, for a document ID (path-escaped):
//
//	GET  /{id}/citation   ?style=&mode=&locator=&label=&form=&format=text|html|markdown (or by Accept)
//	GET  /{id}/csl-json   CSL-JSON, application/vnd.citationstyles.csl+json
//	GET  /{id}/ris        RIS, application/x-research-info-systems
//	GET  /{id}/tei        TEI P5, application/tei+xml
//	GET  /{id}/annotations the annotations the viewer may see: W3C JSON-LD, or ?format=markdown (or by Accept)
//	POST /{id}/print      form: pages (or from and to), terms, name, style, paper → application/pdf
//	GET  /{id}/pdf/{token} a print again, by the Content-Location of the POST's answer
//
// The answer to a print is the PDF itself; with the print cache on, its
// Content-Location names a GET address of the same bytes, which takes Range
// requests (206, If-Range) so that a broken download resumes; Range on the
// POST itself is ignored, as RFC 9110 defines ranges for GET only.
//
// GET and HEAD answer with a strong ETag (a hash of the bytes, which are
// deterministic), honour If-None-Match (304) and Range (206), and send
// Cache-Control. Downloads carry a Content-Disposition with the file name.
// Errors are RFC 9457 problem details (application/problem+json) with a
// fixed message per cause; internal errors are logged, never shown.
type Handler struct {
	src     Source
	opts    Options
	cop     *http.CrossOriginProtection
	slots   chan struct{}
	waiting atomic.Int64
	cache   *pdfCache
}

// New returns a Handler over src. It fails only on a nil src or a malformed
// trusted origin.
func New(src Source, opts Options) (*Handler, error) {
	if src == nil {
		return nil, errors.New("download: New: nil Source")
	}
	h := &Handler{src: src, opts: opts, cop: http.NewCrossOriginProtection()}
	for _, o := range opts.TrustedOrigins {
		if err := h.cop.AddTrustedOrigin(o); err != nil {
			return nil, errors.New("download: New: " + err.Error())
		}
	}
	h.cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, http.StatusForbidden, "cross-origin", "Cross-origin request refused",
			"Print requests must come from the archive's own pages.")
	}))
	jobs := opts.MaxJobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	h.slots = make(chan struct{}, jobs)
	if n := h.opts.CacheEntries; n >= 0 {
		if n == 0 {
			n = DefaultCacheEntries
		}
		h.cache = newPDFCache(n)
	}
	return h, nil
}

func (h *Handler) maxQueue() int64 {
	switch q := h.opts.MaxQueue; {
	case q < 0:
		return 0
	case q == 0:
		return DefaultMaxQueue
	default:
		return int64(q)
	}
}

func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func (h *Handler) now() time.Time {
	if h.opts.Clock != nil {
		return h.opts.Clock()
	}
	return time.Now()
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		// A panic in a renderer is a bug; the reader gets a 500, not a
		// dropped connection, and the log gets the value.
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.logf(r, "panic", "value", v)
			writeProblem(w, r, http.StatusInternalServerError, "internal", "Internal error", "The request could not be completed.")
		}
	}()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if len(r.RequestURI) > orDefault(h.opts.MaxURLBytes, DefaultMaxURLBytes) || len(r.URL.RawQuery) > orDefault(h.opts.MaxURLBytes, DefaultMaxURLBytes) {
		writeProblem(w, r, http.StatusRequestURITooLong, "uri-too-long", "Request target too long", "The address is too long.")
		return
	}
	id, resource, ok := splitPath(r.URL)
	if !ok {
		writeProblem(w, r, http.StatusNotFound, "not-found", "Not found", "There is nothing at this address.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), orDefault(h.opts.Timeout, DefaultTimeout))
	defer cancel()
	r = r.WithContext(ctx)
	switch resource {
	case "print":
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			writeProblem(w, r, http.StatusMethodNotAllowed, "method", "Method not allowed", "Print takes a POST of the print form.")
			return
		}
		h.cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.print(w, r, id) })).ServeHTTP(w, r)
		return
	case "citation", "csl-json", "ris", "tei", "annotations":
	default:
		if token, ok := strings.CutPrefix(resource, "pdf/"); ok {
			h.keptPDF(w, r, id, token)
			return
		}
		writeProblem(w, r, http.StatusNotFound, "not-found", "Not found", "There is nothing at this address.")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeProblem(w, r, http.StatusMethodNotAllowed, "method", "Method not allowed", "This address only answers GET and HEAD.")
		return
	}
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		writeProblem(w, r, http.StatusBadRequest, "query", "Malformed query", "The query string is not well formed.")
		return
	}
	if resource == "annotations" && h.opts.Annotations == nil {
		writeProblem(w, r, http.StatusNotFound, "not-found", "Not found", "This service keeps no annotations.")
		return
	}
	// Parameters are checked before the lookup: a malformed request is a
	// 400 whether or not the document exists.
	var cp citeParams
	var af Format
	switch resource {
	case "citation":
		if cp, err = parseCiteQuery(q, r.Header.Get("Accept")); err != nil {
			h.badRequest(w, r, err)
			return
		}
	case "annotations":
		if af, err = parseAnnotationQuery(q, r.Header.Get("Accept")); err != nil {
			h.badRequest(w, r, err)
			return
		}
	default:
		v, err := single(q, "form")
		if err == nil {
			cp.form, err = parseForm(v)
		}
		if err != nil {
			h.badRequest(w, r, err)
			return
		}
	}
	doc, vol, ok := h.lookup(w, r, id)
	if !ok {
		return
	}
	var buf bytes.Buffer
	var f Format
	cacheControl := h.opts.CacheControl
	if cacheControl == "" {
		cacheControl = DefaultCacheControl
	}
	disposition := true
	switch resource {
	case "citation":
		it, err := cite.FromDocument(doc, vol, h.citeOptions(cp.form))
		if err != nil {
			h.internal(w, r, err)
			return
		}
		t, err := cite.Format(&it, cp.style, cp.mode, cp.locator)
		if err != nil {
			h.internal(w, r, err)
			return
		}
		f = cp.format
		switch f {
		case CitationHTML:
			buf.WriteString(t.HTML())
		case CitationMarkdown:
			buf.WriteString(t.Markdown())
		default:
			buf.WriteString(t.String())
		}
		if cp.negotiated {
			w.Header().Add("Vary", "Accept")
		}
		disposition = false
	case "csl-json":
		f = CSLJSON
		var it cite.Item
		if it, err = cite.FromDocument(doc, vol, h.citeOptions(cp.form)); err == nil {
			err = cite.WriteCSLJSON(&buf, []cite.Item{it})
		}
	case "ris":
		f = RIS
		o := ris.Options{}
		if cp.form == cite.Archive {
			o.Kind = ris.KindManuscript
			o.Accessed = h.accessed()
		}
		err = ris.Write(&buf, &maisky.File{Volume: vol, Documents: []*maisky.Document{doc}}, o)
	case "tei":
		f = TEI
		err = tei.Write(&buf, doc, tei.Options{Volume: vol})
	case "annotations":
		f = af
		cacheControl = PrivateCacheControl
		w.Header().Add("Vary", "Accept")
		if err := h.writeAnnotations(r.Context(), &buf, r, doc, vol, f); err != nil {
			h.annotationError(w, r, err)
			return
		}
	}
	if err != nil {
		h.internal(w, r, err)
		return
	}
	hd := w.Header()
	hd.Set("Cache-Control", cacheControl)
	if disposition {
		hd.Set("Content-Disposition", ContentDisposition(FileName(doc, f, maisky.PageRange{}), false))
	}
	serve(w, r, f.MediaType(), buf.Bytes())
}

// serve answers with body through http.ServeContent: ETag, If-None-Match,
// Range, HEAD.
func serve(w http.ResponseWriter, r *http.Request, media string, body []byte) {
	hd := w.Header()
	hd.Set("Content-Type", media)
	hd.Set("ETag", etag(media, body))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// etag is a strong entity tag of a representation: a hash of its media type
// and bytes.
func etag(media string, body []byte) string {
	hs := sha256.New()
	io.WriteString(hs, media)
	hs.Write([]byte{0})
	hs.Write(body)
	var sum [sha256.Size]byte
	return `"` + base64.RawURLEncoding.EncodeToString(hs.Sum(sum[:0])[:18]) + `"`
}

// splitPath splits "/{id}/{resource}" of an escaped path; resource is
// "pdf/{token}" for a print kept in the cache.
func splitPath(u *url.URL) (id, resource string, ok bool) {
	p := strings.TrimPrefix(u.EscapedPath(), "/")
	i := strings.IndexByte(p, '/')
	if i <= 0 {
		return "", "", false
	}
	if rest := p[i+1:]; strings.Contains(rest, "/") && !(strings.HasPrefix(rest, "pdf/") && !strings.Contains(rest[4:], "/")) {
		return "", "", false
	}
	id, err := url.PathUnescape(p[:i])
	if err != nil || id == "" {
		return "", "", false
	}
	return id, p[i+1:], true
}

func (h *Handler) lookup(w http.ResponseWriter, r *http.Request, id string) (*maisky.Document, *maisky.Volume, bool) {
	doc, vol, err := h.src.Document(r.Context(), id)
	switch {
	case err == nil && doc != nil:
		return doc, vol, true
	case err == nil || errors.Is(err, ErrNotFound):
		writeProblem(w, r, http.StatusNotFound, "not-found", "No such document", "The archive has no document with this id.")
	case errors.Is(err, context.DeadlineExceeded) && r.Context().Err() != nil:
		writeProblem(w, r, http.StatusServiceUnavailable, "timeout", "Try again", "The archive took too long to answer.")
	default:
		h.internal(w, r, err)
	}
	return nil, nil, false
}

func (h *Handler) citeOptions(form cite.Form) cite.Options {
	o := h.opts.Cite
	o.Form = form
	if form == cite.Archive && o.Accessed.IsZero() {
		o.Accessed = h.accessed()
	}
	return o
}

func (h *Handler) accessed() time.Time {
	t := h.now().UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (h *Handler) logf(r *http.Request, msg string, args ...any) {
	if h.opts.Log != nil {
		h.opts.Log.Error("download: "+msg, append([]any{"method", r.Method, "path", r.URL.Path}, args...)...)
	}
}

// internal answers 500 with a generic message and logs err.
func (h *Handler) internal(w http.ResponseWriter, r *http.Request, err error) {
	h.logf(r, "internal error", "err", err)
	writeProblem(w, r, http.StatusInternalServerError, "internal", "Internal error", "The request could not be completed.")
}

func (h *Handler) badRequest(w http.ResponseWriter, r *http.Request, err error) {
	var re *requestError
	if errors.As(err, &re) {
		writeProblem(w, r, re.status, re.code, re.title, re.detail)
		return
	}
	h.internal(w, r, err)
}

// writeProblem answers with an RFC 9457 problem details object. The
// "code" member is stable for programs; "detail" is for the reader.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, code, title, detail string) {
	hd := w.Header()
	for _, k := range []string{"ETag", "Content-Disposition", "Content-Encoding", "Last-Modified", "Content-Range"} {
		hd.Del(k)
	}
	hd.Set("Content-Type", MediaProblem)
	hd.Set("Cache-Control", "no-store")
	var b bytes.Buffer
	b.WriteString(`{"type":"about:blank","title":`)
	b.WriteString(jsonString(title))
	b.WriteString(`,"status":`)
	b.WriteString(strconv.Itoa(status))
	b.WriteString(`,"code":`)
	b.WriteString(jsonString(code))
	b.WriteString(`,"detail":`)
	b.WriteString(jsonString(detail))
	b.WriteString("}\n")
	hd.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(b.Bytes())
	}
}

// jsonString quotes s as a JSON string with the module's one escaper,
// "<", ">" and "&" escaped.
func jsonString(s string) string { return string(jsonstr.AppendHTML(nil, s)) }
