package download

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

var (
	alice = annotate.Viewer{User: "alice", Groups: []string{"seminar"}}
	bob   = annotate.Viewer{User: "bob", Groups: []string{"seminar"}}
)

// annotationStore holds annotations on 31 December and on the Russian
// transcription of 15 January: public, private, for a group.
func annotationStore(t testing.TB) *annotate.Memory {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	s := annotate.NewMemory(annotate.MemoryOptions{Now: func() time.Time {
		clock = clock.Add(time.Minute)
		return clock
	}})
	f := volume1(t)
	on := func(id string, kind maisky.VersionKind, phrase string) annotate.Target {
		d, err := f.Document(id)
		require.NoError(t, err)
		txt, err := annotate.DocumentText(d, kind)
		require.NoError(t, err)
		i := strings.Index(txt.String(), phrase)
		require.GreaterOrEqual(t, i, 0, phrase)
		start := utf8.RuneCountInString(txt.String()[:i])
		tg, err := txt.Select(start, start+utf8.RuneCountInString(phrase))
		require.NoError(t, err)
		return tg
	}
	add := func(v annotate.Viewer, a *annotate.Annotation) {
		_, err := s.Add(ctx, v, a)
		require.NoError(t, err)
	}
	dd := "maisky-1934-12-31"
	add(alice, &annotate.Annotation{ID: "https://archive.example/annotations/1", Document: dd, Body: "Compare his report of **14 July**.",
		Tags: []string{"Chamberlain"}, Target: on(dd, maisky.Translation, "Austen Chamberlain"), Visibility: annotate.Public})
	add(alice, &annotate.Annotation{ID: "https://archive.example/annotations/2", Document: dd, Body: "Only for me: the Hansard.",
		Target: on(dd, maisky.Translation, "the Eastern Pact"), Visibility: annotate.Private})
	add(bob, &annotate.Annotation{ID: "https://archive.example/annotations/3", Document: dd, Body: "For the seminar.",
		Target: on(dd, maisky.Translation, "British politicians have an old gift for accepting realities"), Visibility: annotate.GroupOnly, Group: "seminar"})
	add(alice, &annotate.Annotation{ID: "https://archive.example/annotations/4", Document: "maisky-1935-01-15", Version: maisky.Transcription,
		Body: "«Ирония?»", Tags: []string{"Саар"}, Target: on("maisky-1935-01-15", maisky.Transcription, "трений"), Visibility: annotate.Public})
	return s
}

// viewerHeader is the test's login: X-Viewer names the user.
func viewerHeader(r *http.Request) annotate.Viewer {
	switch r.Header.Get("X-Viewer") {
	case "alice":
		return alice
	case "bob":
		return bob
	}
	return annotate.Viewer{}
}

// failingStore fails every query with an internal message.
type failingStore struct{ annotate.Store }

func (failingStore) Query(context.Context, annotate.Query) (*annotate.Results, error) {
	return nil, errors.New("postgres: connection to 10.0.0.7:5432 refused")
}

func annotationIDs(t *testing.T, body []byte) []string {
	t.Helper()
	var c struct {
		Type  string `json:"type"`
		Total int    `json:"total"`
		First struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		} `json:"first"`
	}
	require.NoError(t, json.Unmarshal(body, &c), string(body))
	assert.Equal(t, "AnnotationCollection", c.Type)
	var ids []string
	for _, it := range c.First.Items {
		ids = append(ids, strings.TrimPrefix(it.ID, "https://archive.example/annotations/"))
	}
	assert.Equal(t, len(ids), c.Total)
	return ids
}

func TestAnnotationsEndpoint(t *testing.T) {
	h := newTestHandler(t, Options{Annotations: annotationStore(t), Viewer: viewerHeader})
	for _, tc := range []struct {
		viewer string
		want   []string
	}{
		{"", []string{"1"}},
		{"alice", []string{"1", "2", "3"}},
		{"bob", []string{"1", "3"}},
	} {
		rec := get(h, "/maisky-1934-12-31/annotations", "X-Viewer", tc.viewer)
		require.Equal(t, 200, rec.Code, rec.Body.String())
		assert.Equal(t, `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, rec.Header().Get("Content-Type"))
		assert.Equal(t, PrivateCacheControl, rec.Header().Get("Cache-Control"))
		assert.Equal(t, "Accept", rec.Header().Get("Vary"))
		assert.Equal(t, `attachment; filename="31 December 1934.jsonld"`, rec.Header().Get("Content-Disposition"))
		assert.Equal(t, tc.want, annotationIDs(t, rec.Body.Bytes()), "viewer %q", tc.viewer)
		assert.Contains(t, rec.Body.String(), `"id": "urn:maisky:annotations:maisky-1934-12-31"`)
		etag := rec.Header().Get("ETag")
		assert.Equal(t, 304, get(h, "/maisky-1934-12-31/annotations", "X-Viewer", tc.viewer, "If-None-Match", etag).Code)
	}
	// Another viewer's answer is another representation.
	a := get(h, "/maisky-1934-12-31/annotations", "X-Viewer", "alice")
	assert.Equal(t, 200, get(h, "/maisky-1934-12-31/annotations", "If-None-Match", a.Header().Get("ETag")).Code)

	rec := get(h, "/maisky-1934-12-31/annotations?format=markdown", "X-Viewer", "alice")
	require.Equal(t, 200, rec.Code)
	assert.Equal(t, "text/markdown; charset=utf-8", rec.Header().Get("Content-Type"))
	assert.Equal(t, `attachment; filename="31 December 1934.md"`, rec.Header().Get("Content-Disposition"))
	assert.Contains(t, rec.Body.String(), "Only for me")
	assert.Contains(t, rec.Body.String(), "Austen Chamberlain")
	assert.NotContains(t, get(h, "/maisky-1934-12-31/annotations?format=markdown").Body.String(), "Only for me")
	assert.Equal(t, "text/markdown; charset=utf-8", get(h, "/maisky-1934-12-31/annotations", "Accept", "text/markdown").Header().Get("Content-Type"))
	assert.Equal(t, MediaAnnotations, get(h, "/maisky-1934-12-31/annotations", "Accept", "application/ld+json, text/markdown;q=0.5").Header().Get("Content-Type"))
	assert.Equal(t, MediaAnnotations, get(h, "/maisky-1934-12-31/annotations", "Accept", "application/json").Header().Get("Content-Type"))

	// The Russian transcription's annotation, under a Cyrillic title.
	rec = get(h, "/"+cyrillicID+"/annotations", "X-Viewer", "alice")
	require.Equal(t, 200, rec.Code)
	assert.Empty(t, annotationIDs(t, rec.Body.Bytes()), "annotations belong to their document's id")
	assert.Contains(t, rec.Header().Get("Content-Disposition"), "filename*=UTF-8''15%20%D1%8F%D0%BD%D0%B2%D0%B0%D1%80%D1%8F%201935.jsonld")
	rec = get(h, "/maisky-1935-01-15/annotations")
	assert.Equal(t, []string{"4"}, annotationIDs(t, rec.Body.Bytes()))
	assert.Contains(t, rec.Body.String(), "Ирония")

	problem(t, get(h, "/maisky-1934-12-31/annotations", "Accept", "text/html"), 406, "not-acceptable")
	problem(t, get(h, "/maisky-1934-12-31/annotations?format=xml"), 400, "parameter")
	problem(t, get(h, "/nobody/annotations"), 404, "not-found")

	broken := newTestHandler(t, Options{Annotations: failingStore{annotationStore(t)}})
	rec = get(broken, "/maisky-1934-12-31/annotations")
	problem(t, rec, 500, "internal")
	assert.NotContains(t, rec.Body.String(), "10.0.0.7")
	problem(t, get(newTestHandler(t, Options{}), "/maisky-1934-12-31/annotations"), 404, "not-found")
}

// TestAnnotationSamples writes the endpoint's JSON-LD for every viewer to
// $MAISKY_ANNO_SAMPLES, for the W3C annotation check in
// scripts/check-browser; without it, it checks that each parses.
func TestAnnotationSamples(t *testing.T) {
	h := newTestHandler(t, Options{Annotations: annotationStore(t), Viewer: viewerHeader})
	dir := os.Getenv("MAISKY_ANNO_SAMPLES")
	for _, v := range []string{"", "alice", "bob"} {
		for _, id := range []string{"maisky-1934-12-31", "maisky-1935-01-15", "maisky-1935-03-01"} {
			rec := get(h, "/"+id+"/annotations", "X-Viewer", v)
			require.Equal(t, 200, rec.Code)
			require.True(t, json.Valid(rec.Body.Bytes()))
			if dir != "" {
				who := v
				if who == "" {
					who = "anonymous"
				}
				name := id + "-" + who + ".jsonld"
				require.NoError(t, os.WriteFile(filepath.Join(dir, name), rec.Body.Bytes(), 0o644))
			}
		}
	}
}
