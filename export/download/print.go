package download

import (
	"bytes"
	"container/list"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

// errBusy is a print that found no job slot in time.
var errBusy = errors.New("download: print queue full")

// print answers POST /{id}/print.
func (h *Handler) print(w http.ResponseWriter, r *http.Request, id string) {
	limit := orDefault(h.opts.MaxBodyBytes, DefaultMaxBodyBytes)
	if r.ContentLength > limit {
		writeProblem(w, r, http.StatusRequestEntityTooLarge, "too-large", "Request too large", "The print form is too large.")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeProblem(w, r, http.StatusRequestEntityTooLarge, "too-large", "Request too large", "The print form is too large.")
			return
		}
		writeProblem(w, r, http.StatusBadRequest, "form", "Malformed form", "The print form could not be read.")
		return
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		w.Header().Set("Accept-Post", "application/x-www-form-urlencoded, multipart/form-data")
		writeProblem(w, r, http.StatusUnsupportedMediaType, "media-type", "Unsupported media type", "Send the print form as application/x-www-form-urlencoded or multipart/form-data.")
		return
	}
	form, err := parsePrintBody(ct, body)
	if err != nil {
		var re *requestError
		if errors.As(err, &re) && re.status == http.StatusUnsupportedMediaType {
			w.Header().Set("Accept-Post", "application/x-www-form-urlencoded, multipart/form-data")
		}
		h.badRequest(w, r, err)
		return
	}
	p, err := parsePrintForm(form)
	if err != nil {
		h.badRequest(w, r, err)
		return
	}
	if !p.terms {
		writeProblem(w, r, http.StatusBadRequest, "terms-not-accepted", "Terms not accepted",
			"Nothing was printed: tick “I agree to all terms and conditions governing print and/or download of material from this archive” to print.")
		return
	}
	by := ""
	if h.opts.Reader != nil {
		by = h.opts.Reader(r)
	}
	if by == "" {
		by = p.name
	}
	if by == "" {
		writeProblem(w, r, http.StatusBadRequest, "name", "Name missing", "Give your name: it is recorded with your acceptance of the terms.")
		return
	}
	max := pdf.MaxPages
	if m := h.opts.PDF.MaxPages; m > 0 && m < max {
		max = m
	}
	if n := p.pages.Len(); n > max {
		writeProblem(w, r, http.StatusBadRequest, "page-limit", "Too many pages",
			fmt.Sprintf("At most %d pages can be printed at a time; pages %s are %d.", max, p.pages, n))
		return
	}
	doc, vol, ok := h.lookup(w, r, id)
	if !ok {
		return
	}
	if err := doc.CheckRange(p.pages); err != nil {
		h.rangeProblem(w, r, doc, p.pages, err)
		return
	}
	opts := h.opts.PDF
	opts.Volume = vol
	opts.Created = time.Time{}
	if p.style != "" {
		opts.Style = p.style
	}
	if p.hasPap {
		opts.Paper = p.paper
	}
	req := pdf.Request{Pages: p.pages, Acceptance: pdf.Acceptance{By: by, At: h.accessed(), TermsVersion: h.opts.TermsVersion}}
	out, err := h.printPDF(r.Context(), doc, req, opts)
	if err != nil {
		switch {
		case errors.Is(err, errBusy):
			secs := int(math.Ceil(orDefault(h.opts.RetryAfter, DefaultRetryAfter).Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(max1(secs)))
			writeProblem(w, r, http.StatusServiceUnavailable, "busy", "Busy", "Too many prints are waiting; try again in a moment.")
		case errors.Is(err, pdf.ErrTermsNotAccepted):
			writeProblem(w, r, http.StatusBadRequest, "terms-not-accepted", "Terms not accepted",
				"Nothing was printed: tick “I agree to all terms and conditions governing print and/or download of material from this archive” to print.")
		case errors.Is(err, pdf.ErrPageLimit):
			writeProblem(w, r, http.StatusBadRequest, "page-limit", "Too many pages",
				fmt.Sprintf("At most %d pages can be printed at a time.", max))
		case errors.Is(err, maisky.ErrPageRange):
			h.rangeProblem(w, r, doc, p.pages, err)
		default:
			h.internal(w, r, err)
		}
		return
	}
	hd := w.Header()
	hd.Set("Cache-Control", PrivateCacheControl)
	hd.Set("Content-Disposition", ContentDisposition(FileName(doc, PDF, p.pages), false))
	if h.cache != nil {
		// Relative to the request's /{id}/print, wherever the handler is
		// mounted: /{id}/pdf/{token}.
		hd.Set("Content-Location", "pdf/"+token(out))
	}
	// Ranges are defined for GET only (RFC 9110 14.2).
	r.Header.Del("Range")
	r.Header.Del("If-Range")
	serve(w, r, MediaPDF, out)
}

// KeptCacheControl is sent with a print fetched again by its token: its
// bytes never change.
const KeptCacheControl = "private, max-age=86400, immutable"

// keptPDF answers GET /{id}/pdf/{token} from the print cache.
func (h *Handler) keptPDF(w http.ResponseWriter, r *http.Request, id, tok string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeProblem(w, r, http.StatusMethodNotAllowed, "method", "Method not allowed", "This address only answers GET and HEAD.")
		return
	}
	var e *cacheEntry
	if h.cache != nil {
		e = h.cache.byToken(tok)
	}
	if e == nil || e.key.doc.ID != id {
		writeProblem(w, r, http.StatusNotFound, "not-found", "Print no longer kept", "Print the pages again from the print dialog.")
		return
	}
	hd := w.Header()
	hd.Set("Cache-Control", KeptCacheControl)
	hd.Set("Content-Disposition", ContentDisposition(FileName(e.key.doc, PDF, e.key.pages), false))
	serve(w, r, MediaPDF, e.body)
}

// token names a kept print: the hash of its bytes, as in its ETag.
func token(body []byte) string {
	t := etag(MediaPDF, body)
	return t[1 : len(t)-1]
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// rangeProblem answers a page range outside the document with the pages it
// has.
func (h *Handler) rangeProblem(w http.ResponseWriter, r *http.Request, doc *maisky.Document, asked maisky.PageRange, err error) {
	if !errors.Is(err, maisky.ErrPageRange) {
		h.internal(w, r, err)
		return
	}
	span, ok := doc.PageSpan()
	detail := "This document has no print pages."
	if ok {
		detail = fmt.Sprintf("This document has pages %s; pages %s are not all in it.", span, asked)
	}
	writeProblem(w, r, http.StatusBadRequest, "page-range", "Pages not in the document", detail)
}

// acquire takes a job slot, waiting at most QueueWait behind at most
// MaxQueue others.
func (h *Handler) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	default:
	}
	if h.waiting.Add(1) > h.maxQueue() {
		h.waiting.Add(-1)
		return errBusy
	}
	defer h.waiting.Add(-1)
	t := time.NewTimer(orDefault(h.opts.QueueWait, DefaultQueueWait))
	defer t.Stop()
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return errBusy
	}
}

func (h *Handler) release() { <-h.slots }

// printPDF prints in a job slot, through the cache when there is one.
func (h *Handler) printPDF(ctx context.Context, doc *maisky.Document, req pdf.Request, opts pdf.Options) ([]byte, error) {
	run := func() ([]byte, error) {
		if err := h.acquire(ctx); err != nil {
			return nil, err
		}
		defer h.release()
		var buf bytes.Buffer
		buf.Grow(96 << 10)
		if err := pdf.Write(&buf, doc, req, opts); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if h.cache == nil {
		return run()
	}
	key := pdfKey{doc: doc, vol: opts.Volume, pages: req.Pages, by: req.Acceptance.By, at: req.Acceptance.At.Unix(),
		terms: req.Acceptance.TermsVersion, style: opts.Style, paper: opts.Paper}
	return h.cache.do(ctx, key, run)
}

// pdfKey is everything a print depends on.
type pdfKey struct {
	doc       *maisky.Document
	vol       *maisky.Volume
	pages     maisky.PageRange
	by, terms string
	at        int64
	style     string
	paper     pdf.Paper
}

// pdfCache keeps the latest prints (least recently used out) and runs
// identical prints once.
type pdfCache struct {
	mu       sync.Mutex
	max      int
	lru      *list.List // of *cacheEntry, most recent first
	entries  map[pdfKey]*list.Element
	tokens   map[string]*list.Element
	inflight map[pdfKey]*flight
}

// byToken returns the kept print with the token, or nil.
func (c *pdfCache) byToken(tok string) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.tokens[tok]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(e)
	return e.Value.(*cacheEntry)
}

type cacheEntry struct {
	key   pdfKey
	body  []byte
	token string
}

type flight struct {
	done chan struct{}
	body []byte
	err  error
}

func newPDFCache(n int) *pdfCache {
	return &pdfCache{max: n, lru: list.New(), entries: make(map[pdfKey]*list.Element), tokens: make(map[string]*list.Element), inflight: make(map[pdfKey]*flight)}
}

func (c *pdfCache) do(ctx context.Context, key pdfKey, run func() ([]byte, error)) ([]byte, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok {
		c.lru.MoveToFront(e)
		body := e.Value.(*cacheEntry).body
		c.mu.Unlock()
		return body, nil
	}
	if f, ok := c.inflight[key]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.body, f.err
		case <-ctx.Done():
			return nil, errBusy
		}
	}
	f := &flight{done: make(chan struct{})}
	c.inflight[key] = f
	c.mu.Unlock()

	defer func() {
		c.mu.Lock()
		delete(c.inflight, key)
		if f.err == nil && f.body != nil {
			ce := &cacheEntry{key: key, body: f.body, token: token(f.body)}
			if old, ok := c.tokens[ce.token]; ok {
				// The same bytes under another key: keep one entry.
				c.lru.Remove(old)
				delete(c.entries, old.Value.(*cacheEntry).key)
			}
			el := c.lru.PushFront(ce)
			c.entries[key] = el
			c.tokens[ce.token] = el
			for c.lru.Len() > c.max {
				last := c.lru.Back()
				c.lru.Remove(last)
				le := last.Value.(*cacheEntry)
				delete(c.entries, le.key)
				delete(c.tokens, le.token)
			}
		} else if f.err == nil {
			f.err = errors.New("download: print aborted")
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.body, f.err = run()
	return f.body, f.err
}
