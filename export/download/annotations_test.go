package download

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

// fakeAnnotations writes the viewer and the format, to show what the
// handler passes.
type fakeAnnotations struct{}

func (fakeAnnotations) ExportAnnotations(_ context.Context, w io.Writer, doc *maisky.Document, viewer string, f Format) error {
	if viewer == "fail" {
		return fmt.Errorf("store: connection to 10.0.0.7 refused")
	}
	_, err := fmt.Fprintf(w, "%s|%s|%s", doc.ID, viewer, f)
	return err
}

func TestAnnotationsEndpoint(t *testing.T) {
	h := newTestHandler(t, Options{Annotations: fakeAnnotations{}, Viewer: func(r *http.Request) string { return r.Header.Get("X-Viewer") }})
	rec := get(h, "/maisky-1934-12-31/annotations", "X-Viewer", "reader-7")
	require.Equal(t, 200, rec.Code)
	assert.Equal(t, `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, rec.Header().Get("Content-Type"))
	assert.Equal(t, "maisky-1934-12-31|reader-7|annotations", rec.Body.String())
	assert.Equal(t, PrivateCacheControl, rec.Header().Get("Cache-Control"))
	assert.Equal(t, "Accept", rec.Header().Get("Vary"))
	assert.Equal(t, `attachment; filename="31 December 1934.jsonld"`, rec.Header().Get("Content-Disposition"))

	rec = get(h, "/maisky-1934-12-31/annotations?format=markdown")
	require.Equal(t, 200, rec.Code)
	assert.Equal(t, "text/markdown; charset=utf-8", rec.Header().Get("Content-Type"))
	assert.Equal(t, "maisky-1934-12-31||annotations-markdown", rec.Body.String())
	rec = get(h, "/maisky-1934-12-31/annotations", "Accept", "text/markdown")
	assert.Equal(t, "text/markdown; charset=utf-8", rec.Header().Get("Content-Type"))
	rec = get(h, "/maisky-1934-12-31/annotations", "Accept", "application/ld+json, text/markdown;q=0.5")
	assert.Equal(t, MediaAnnotations, rec.Header().Get("Content-Type"))
	problem(t, get(h, "/maisky-1934-12-31/annotations", "Accept", "text/html"), 406, "not-acceptable")
	problem(t, get(h, "/maisky-1934-12-31/annotations?format=xml"), 400, "parameter")
	problem(t, get(h, "/nobody/annotations"), 404, "not-found")
	rec = get(h, "/maisky-1934-12-31/annotations", "X-Viewer", "fail")
	problem(t, rec, 500, "internal")
	assert.NotContains(t, rec.Body.String(), "10.0.0.7")
}
