package download

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

var (
	volOnce sync.Once
	volFile *maisky.File
	volErr  error
)

// volume1 reads the bundled volume once.
func volume1(tb testing.TB) *maisky.File {
	tb.Helper()
	volOnce.Do(func() {
		f, err := os.Open(filepath.Join("..", "..", "testdata", "volume1.json"))
		if err != nil {
			volErr = err
			return
		}
		defer f.Close()
		volFile, volErr = maisky.Read(f)
	})
	require.NoError(tb, volErr)
	return volFile
}

// cyrillicID is a document of the test source with a Russian title.
const cyrillicID = "maisky-1935-01-15-ru"

// testSource serves the volume plus a copy of 15 January under a Russian
// title, and documents that fail or hang.
type testSource struct {
	file *maisky.File
	ru   *maisky.Document
}

func newTestSource(tb testing.TB) *testSource {
	f := volume1(tb)
	d, err := f.Document("maisky-1935-01-15")
	require.NoError(tb, err)
	ru := *d
	ru.ID = cyrillicID
	ru.Title = "15 января"
	return &testSource{file: f, ru: &ru}
}

func (s *testSource) Document(ctx context.Context, id string) (*maisky.Document, *maisky.Volume, error) {
	switch id {
	case cyrillicID:
		return s.ru, s.file.Volume, nil
	case "broken":
		return nil, nil, errors.New("pq: password authentication failed for user \"archive\" at 10.0.0.7")
	case "slow":
		<-ctx.Done()
		return nil, nil, ctx.Err()
	}
	d, err := s.file.Document(id)
	if err != nil {
		return nil, nil, ErrNotFound
	}
	return d, s.file.Volume, nil
}

// fixedClock is the day of every acceptance in the tests.
func fixedClock() time.Time { return time.Date(2026, 11, 21, 15, 4, 5, 0, time.UTC) }

func newTestHandler(tb testing.TB, opts Options) *Handler {
	tb.Helper()
	if opts.Clock == nil {
		opts.Clock = fixedClock
	}
	h, err := New(newTestSource(tb), opts)
	require.NoError(tb, err)
	return h
}

// get sends a GET with the given headers (pairs).
func get(h http.Handler, target string, headers ...string) *httptest.ResponseRecorder {
	return do(h, http.MethodGet, target, "", "", headers...)
}

func do(h http.Handler, method, target, contentType, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// postPrint posts a print form.
func postPrint(h http.Handler, id string, form url.Values, headers ...string) *httptest.ResponseRecorder {
	return do(h, http.MethodPost, "/"+url.PathEscape(id)+"/print", "application/x-www-form-urlencoded", form.Encode(), headers...)
}

func printForm(pages, terms, name string) url.Values {
	v := url.Values{}
	if pages != "" {
		v.Set("pages", pages)
	}
	if terms != "" {
		v.Set("terms", terms)
	}
	if name != "" {
		v.Set("name", name)
	}
	return v
}
