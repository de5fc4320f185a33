package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"
)

func TestText(t *testing.T) {
	code, out, errs := runCmd("text", "-doc", "maisky-1934-12-31", "../../testdata/volume1.json")
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out, "31 December\n\nSo the year is over"), out[:40])
	assert.True(t, strings.HasSuffix(out, "\n"))
	assert.True(t, norm.NFC.IsNormalString(out))
	assert.NotContains(t, out, "[1]", "no footnote markers")
	assert.True(t, utf8.ValidString(out))

	// Flags after FILE; the Cyrillic transcription.
	code, out2, errs := runCmd("text", "../../testdata/1935-01-15.json", "-version", "transcription")
	require.Equal(t, 0, code, errs)
	assert.True(t, strings.HasPrefix(out2, "15 января\n\n"), out2)
	assert.Contains(t, out2, "«Одним источником трений в Европе меньше»")
}

func TestTextErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"text"}, 2, "want one FILE"},
		{[]string{"text", "-version", "latin", "../../testdata/1934-12-31.json"}, 2, "translation or transcription"},
		{[]string{"text", "../../testdata/volume1.json"}, 2, "-doc"},
		{[]string{"text", "-doc", "nope", "../../testdata/volume1.json"}, 1, "nope"},
		{[]string{"text", "-nope", "../../testdata/1934-12-31.json"}, 2, "nope"},
		{[]string{"text", "missing.json"}, 1, "missing.json"},
	} {
		code, out, errs := runCmd(c.args...)
		assert.Equal(t, c.code, code, c.args)
		assert.Empty(t, out, c.args)
		assert.Equal(t, 1, strings.Count(errs, "\n"), "one line: %q", errs)
		assert.Contains(t, errs, c.msg, c.args)
	}
}
