package tei

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

// FuzzRoundTrip builds a random document from the fuzz input, writes it,
// parses the TEI with etree and reads it back: the same model.
func FuzzRoundTrip(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(randomBytes(seed, 512))
	}
	f.Add([]byte{})
	f.Add([]byte("<TEI>&amp;\r\n]]>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &gen{data: data}
		doc := g.document("doc " + g.text(false))
		require.NoError(t, doc.Validate())
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, doc, Options{}))
		x := etree.NewDocument()
		require.NoError(t, x.ReadFromBytes(buf.Bytes()))
		require.Equal(t, "TEI", x.Root().Tag)
		got, err := Read(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		require.Equal(t, &maisky.File{Documents: []*maisky.Document{doc}}, got)
	})
}

// FuzzRead feeds arbitrary bytes to Read: an error or a model, never a
// panic; an error is one of the package's.
func FuzzRead(f *testing.F) {
	// Small seeds written by Write (the fuzzer minimizes slowly on large
	// ones), and the corpus header of a small volume.
	for seed := range uint64(3) {
		g := &gen{data: randomBytes(50+seed, 300)}
		var buf bytes.Buffer
		require.NoError(f, Write(&buf, g.document("seed"), Options{}))
		f.Add(buf.Bytes())
	}
	data, err := os.ReadFile(filepath.Join("testdata", "1935-01-15.xml"))
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(`<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div type="translation"><p>a<hi>b<note>c</note>d<pb n="x"/></hi></p></div></body></text></TEI>`))
	f.Add([]byte(`<teiCorpus><teiHeader/><TEI><teiHeader/></TEI></teiCorpus>`))
	f.Add([]byte(`<?xml version="1.0"?><TEI><teiHeader><fileDesc><titleStmt><title>x</title><author><persName>(</persName></author></titleStmt></fileDesc></teiHeader><text><body><p><pb n="3"/></p><pb n="-1"/><div subtype="level9"><head/></div></body></text></TEI>`))
	f.Add([]byte("<TEI>\x00</TEI>"))
	for _, s := range hostileSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, ErrSkipped) {
				require.Nil(t, file)
				require.True(t, errors.Is(err, ErrSyntax) || errors.Is(err, ErrMalformed), "%v", err)
				return
			}
		}
		require.NotNil(t, file)
		// Whatever was read, if valid, writes and reads back the same.
		if file.Validate() != nil || file.Volume != nil {
			return
		}
		var buf bytes.Buffer
		require.NoError(t, Write(&buf, file.Documents[0], Options{}))
		again, err := Read(bytes.NewReader(buf.Bytes()))
		require.NoError(t, err)
		require.Equal(t, file, again)
	})
}
