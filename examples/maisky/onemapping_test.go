package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
)

const (
	dec31File = "../../testdata/1934-12-31.json" // names its volume, maisky-diaries-1
	vol1File  = "../../testdata/volume1.json"
)

// TestDocumentWithoutItsVolume: a document file that names its volume but
// is given without it is the archive's document, with its archive name, in
// cite, csljson and ris (a RIS record with the date and the archive); with
// -volume it is the printed chapter in all three.
func TestDocumentWithoutItsVolume(t *testing.T) {
	code, out, errs := runCmd("ris", dec31File)
	require.Equal(t, 0, code, errs)
	recs, err := ris.ReadRecords(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "MANSCPT", recs[0].Type)
	assert.Equal(t, "1934/12/31/", recs[0].Value("DA"))
	assert.Equal(t, "1934", recs[0].Value("PY"))
	assert.Equal(t, "Stalin Digital Archive", recs[0].Value("DB"))
	assert.NotEmpty(t, recs[0].Value("UR"))

	code, out, errs = runCmd("csljson", dec31File)
	require.Equal(t, 0, code, errs)
	var items []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &items))
	require.Len(t, items, 1)
	assert.Equal(t, "manuscript", items[0]["type"])
	assert.Equal(t, "Stalin Digital Archive", items[0]["archive"])
	assert.Equal(t, map[string]any{"date-parts": []any{[]any{1934.0, 12.0, 31.0}}}, items[0]["issued"])

	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "bibliography", dec31File)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Stalin Digital Archive")
	assert.Contains(t, out, "1934")

	// With -volume: the printed chapter, in all three.
	code, out, errs = runCmd("ris", "-volume", vol1File, dec31File)
	require.Equal(t, 0, code, errs)
	recs, err = ris.ReadRecords(strings.NewReader(out))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, "CHAP", recs[0].Type)
	assert.Equal(t, "The Complete Maisky Diaries", recs[0].Value("T2"))
	assert.Equal(t, "2017", recs[0].Value("PY"))
	assert.Empty(t, recs[0].Values("DB"))
	code, out, errs = runCmd("csljson", "-volume", vol1File, dec31File)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"type":"chapter"`)
	code, out, errs = runCmd("cite", "-style", "chicago-notes-bibliography", "-mode", "bibliography", "-volume", vol1File, dec31File)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "The Complete Maisky Diaries")
	assert.NotContains(t, out, "Stalin Digital Archive")
}

// TestArchiveNames: -archive-names keeps the archive's full name in the
// bibliography of every style, and gives the family name alone in short
// notes and in-text citations; RIS -names archive keeps the pseudonym,
// and reads back as the same name.
func TestArchiveNames(t *testing.T) {
	const full = "Liakhovetsky, Ivan Mikhailovich (Maisky)"
	for _, style := range []string{"chicago-notes-bibliography", "chicago-notes-bibliography-17th-edition",
		"chicago-shortened-notes-bibliography", "chicago-author-date", "modern-language-association"} {
		for _, vol := range [][]string{nil, {"-volume", vol1File}} {
			args := append([]string{"cite", "-style", style, "-archive-names"}, vol...)
			code, out, errs := runCmd(append(args, "-mode", "bibliography", dec31File)...)
			require.Equal(t, 0, code, errs)
			assert.True(t, strings.HasPrefix(out, full+"."), "%s %v bibliography: %s", style, vol, out)

			mode := "subsequent" // the short note
			if style == "chicago-author-date" || style == "modern-language-association" || style == "chicago-shortened-notes-bibliography" {
				mode = "first" // in-text citations, shortened notes
			}
			code, out, errs = runCmd(append(args, "-mode", mode, "-locator", "60", dec31File)...)
			require.Equal(t, 0, code, errs)
			assert.Contains(t, out, "Liakhovetsky", "%s %v %s", style, vol, mode)
			assert.NotContains(t, out, "Ivan", "%s %v %s: the family name alone", style, vol, mode)
			assert.NotContains(t, out, "Maisky)", "%s %v %s: the family name alone", style, vol, mode)
		}
	}
	// The example: the author-date citation of the archive's entry.
	code, out, errs := runCmd("cite", "-style", "chicago-author-date", "-mode", "first", "-locator", "60", "-archive-names", dec31File)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "(Liakhovetsky 1934, 60)\n", out)

	for _, vol := range [][]string{nil, {"-volume", vol1File}} {
		for _, flag := range [][]string{{"-names", "archive"}, {"-archive-names"}} {
			code, out, errs = runCmd(append(append(append([]string{"ris"}, flag...), vol...), dec31File)...)
			require.Equal(t, 0, code, errs)
			recs, err := ris.ReadRecords(strings.NewReader(out))
			require.NoError(t, err)
			require.Len(t, recs, 1)
			assert.Equal(t, []string{full}, recs[0].Values("AU"), "RIS keeps the pseudonym")
		}
	}
	code, out, errs = runCmd("ris", "-names", "known", "-archive-names", dec31File)
	assert.Equal(t, 2, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "contradict")
}
