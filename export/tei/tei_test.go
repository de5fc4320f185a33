package tei

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

var update = flag.Bool("update", false, "rewrite the golden TEI files in testdata/")

// fixtures returns the names (without .json) of the fixture files of the
// module's testdata folder.
func fixtures(t testing.TB) []string {
	t.Helper()
	var names []string
	for _, p := range fixture.Paths(t) {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".json"))
	}
	return names
}

// export writes a fixture file as TEI: a document file as one TEI, a volume
// file as a teiCorpus.
func export(t testing.TB, file *maisky.File, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if file.Volume != nil {
		require.NoError(t, WriteVolume(&buf, file.Volume, file.Documents, opts))
	} else {
		require.Len(t, file.Documents, 1)
		require.NoError(t, Write(&buf, file.Documents[0], opts))
	}
	return buf.Bytes()
}

// wellFormed checks data with encoding/xml's strict decoder and with etree.
func wellFormed(t testing.TB, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
	}
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromBytes(data))
	require.NotNil(t, doc.Root())
}

func TestGolden(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			file := fixture.Read(t, name+".json")
			got := export(t, file, Options{})
			wellFormed(t, got)
			golden := filepath.Join("testdata", name+".xml")
			if *update {
				require.NoError(t, os.WriteFile(golden, got, 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create the golden file")
			require.Equal(t, string(want), string(got))
		})
	}
}

func TestRoundTripFixtures(t *testing.T) {
	for _, name := range fixtures(t) {
		t.Run(name, func(t *testing.T) {
			file := fixture.Read(t, name+".json")
			data := export(t, file, Options{})
			got, err := Read(bytes.NewReader(data))
			require.NoError(t, err)
			require.NoError(t, got.Validate())
			require.Equal(t, file, got)
		})
	}
}
