package tei

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 0x7e1))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// roundTrip writes doc, checks the XML is well-formed and reads it back.
func roundTrip(t *testing.T, doc *maisky.Document) {
	t.Helper()
	require.NoError(t, doc.Validate())
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, doc, Options{}))
	wellFormed(t, buf.Bytes())
	got, err := Read(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err, buf.String())
	require.Equal(t, &maisky.File{Documents: []*maisky.Document{doc}}, got, buf.String())
}

func TestRoundTripRandomDocuments(t *testing.T) {
	for seed := range uint64(500) {
		g := &gen{data: randomBytes(seed, 4096)}
		doc := g.document("doc-" + g.text(true))
		ok := t.Run("", func(t *testing.T) { roundTrip(t, doc) })
		if !ok {
			t.Fatalf("seed %d", seed)
		}
	}
}

func TestRoundTripRandomVolumes(t *testing.T) {
	for seed := range uint64(60) {
		g := &gen{data: randomBytes(seed, 8192)}
		vol, docs := g.volume(1 + int(seed%4))
		file := &maisky.File{Volume: vol, Documents: docs}
		require.NoError(t, file.Validate())
		var buf bytes.Buffer
		require.NoError(t, WriteVolume(&buf, vol, docs, Options{}))
		wellFormed(t, buf.Bytes())
		got, err := Read(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err, "seed %d", seed)
		require.Equal(t, file, got, "seed %d\n%s", seed, buf.String())
	}
}
