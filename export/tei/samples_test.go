package tei

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

// TestSamples writes many documents unlike the fixtures, checks that each is
// well-formed and reads back, and keeps them in $TEI_SAMPLES when set, for
// scripts/check-tei to validate against the TEI schema: random documents
// and volumes, and page extracts of the fixture documents (paragraphs
// continued from an earlier page, explicit start pages).
func TestSamples(t *testing.T) {
	dir := os.Getenv("TEI_SAMPLES")
	if dir == "" {
		dir = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	save := func(name string, data []byte, want *maisky.File) {
		t.Helper()
		wellFormed(t, data)
		got, err := Read(bytes.NewReader(data))
		require.NoError(t, err, name)
		require.Equal(t, want, got, name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	for seed := range uint64(120) {
		g := &gen{data: randomBytes(1000+seed, 4096)}
		doc := g.document(fmt.Sprintf("sample-%d", seed))
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, doc, Options{}))
		save(fmt.Sprintf("random-%03d.xml", seed), buf.Bytes(), &maisky.File{Documents: []*maisky.Document{doc}})
	}
	for seed := range uint64(12) {
		g := &gen{data: randomBytes(2000+seed, 16384)}
		vol, docs := g.volume(1 + int(seed%5))
		var buf bytes.Buffer
		require.NoError(t, WriteVolume(&buf, vol, docs, Options{}))
		save(fmt.Sprintf("random-volume-%02d.xml", seed), buf.Bytes(), &maisky.File{Volume: vol, Documents: docs})
	}
	file := fixture.Read(t, "volume1.json")
	for _, doc := range file.Documents {
		span, ok := doc.PageSpan()
		if !ok {
			continue
		}
		for _, r := range []maisky.PageRange{{First: span.First, Last: span.First}, {First: span.First + 1, Last: span.Last}, {First: (span.First + span.Last) / 2, Last: span.Last}} {
			if r.First > r.Last || r.First < span.First {
				continue
			}
			ex, err := doc.Extract(r)
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, Write(&buf, ex, Options{Volume: file.Volume}))
			save(fmt.Sprintf("extract-%s-%d-%d.xml", doc.ID, r.First, r.Last), buf.Bytes(), &maisky.File{Documents: []*maisky.Document{ex}})
		}
	}
}
