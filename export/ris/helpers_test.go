package ris_test

import (
	"bytes"
	"flag"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden .ris files in testdata")

// accessed is the fixed access date of the goldens.
var accessed = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// fixtures returns the JSON fixtures: the module's testdata and this
// package's own.
func fixtures(t testing.TB) []string {
	t.Helper()
	local, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, local)
	return append(fixture.Paths(t), local...)
}

// tagLine is a line that our writer may produce.
var tagLine = regexp.MustCompile(`^[A-Z][A-Z0-9]  - (\S.*)?$`)

// checkShape asserts the structural rules of written RIS: CRLF only, no
// BOM, every line a tag line, TY first and ER last in each of n records.
func checkShape(t testing.TB, out []byte, n int) {
	t.Helper()
	require.False(t, bytes.HasPrefix(out, []byte("\xef\xbb\xbf")), "BOM")
	if n == 0 {
		require.Empty(t, out)
		return
	}
	require.True(t, bytes.HasSuffix(out, []byte("ER  - \r\n")), "ends with ER")
	s := string(out)
	require.NotContains(t, strings.ReplaceAll(s, "\r\n", ""), "\r", "bare CR")
	require.NotContains(t, strings.ReplaceAll(s, "\r\n", ""), "\n", "bare LF")
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	ty, er := 0, 0
	open := false
	for i, l := range lines {
		require.Regexp(t, tagLine, l, "line %d", i+1)
		switch l[:2] {
		case "TY":
			require.False(t, open, "line %d: TY inside a record", i+1)
			open = true
			ty++
		case "ER":
			require.True(t, open, "line %d: ER outside a record", i+1)
			require.Equal(t, "ER  - ", l)
			open = false
			er++
		default:
			require.True(t, open, "line %d outside a record", i+1)
		}
	}
	require.Equal(t, n, ty)
	require.Equal(t, n, er)
}

// expectKeywords is the documented keyword rule, written independently of
// the writer: fold, split at semicolons, trim, drop empties; a lone keyword
// gets U+201A for its commas.
func expectKeywords(values []string) []string {
	var out []string
	for _, v := range values {
		for _, part := range strings.Split(ris.Fold(v), ";") {
			part = strings.TrimFunc(part, isSpaceJS)
			if part != "" {
				out = append(out, part)
			}
		}
	}
	if len(out) == 1 {
		out[0] = strings.ReplaceAll(out[0], ",", "\u201a")
	}
	return out
}

func isSpaceJS(r rune) bool {
	return strings.ContainsRune(" \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff", r)
}
