package ris_test

import (
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/export/ris"
)

// continued returns a record whose title is grown by n continuation lines.
func continued(n int) string {
	return "TY  - GEN\nTI  - start\n" + strings.Repeat("ab\n", n) + "ER  - \n"
}

// bareCR returns records with bare-CR line ends, more than size bytes.
func bareCR(size int) string {
	rec := "TY  - BOOK\rTI  - A title of some length\rAU  - Maisky, Ivan\rER  - \r"
	return strings.Repeat(rec, size/len(rec)+1)
}

// hostileSeeds are the small forms of this file's hostile inputs, seeds of
// FuzzReader.
func hostileSeeds() []string {
	return []string{
		continued(50),
		bareCR(300),
		"TY  - CHAP\nTi  - A title\nER  - \n",
		"TY  - CHAP\nTI  - a\x00b\nER  - \n",
		"TY  - GEN\r\nTI  - a\r\r\nb\rER  - \r",
	}
}

func TestHostile_RISContinuationLines(t *testing.T) {
	// 400,000 continuation lines (1.2 MB) grow one value; past
	// MaxLineLength it is refused, below in linear time.
	recs, err := ris.ReadRecords(strings.NewReader(continued(400_000)))
	require.ErrorIs(t, err, ris.ErrSyntax)
	assert.Contains(t, err.Error(), "value longer than 1 MiB")
	assert.Empty(t, recs)
	in := continued(300_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	recs, err = ris.ReadRecords(strings.NewReader(in))
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	// Linear: the bytes allocated are a small multiple of the input (the
	// value grown line by line allocated 154 GB for 1.2 MB).
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(10*len(in)))
	require.Len(t, recs, 1)
	v := recs[0].Fields[0].Value
	assert.Equal(t, 5+3*300_000, len(v))
	assert.True(t, strings.HasPrefix(v, "start ab ab"))
}

func TestHostile_RISBareCROverOneMiB(t *testing.T) {
	in := bareCR(3 << 20)
	recs, err := ris.ReadRecords(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, strings.Count(in, "ER  - "), len(recs))
	assert.Equal(t, "BOOK", recs[len(recs)-1].Type)
	assert.Equal(t, "Maisky, Ivan", recs[len(recs)-1].Fields[1].Value)
	// A CRLF split across the reader's buffer counts as one line end.
	pad := strings.Repeat("x", 64<<10-len("TY  - GEN\r\nTI  - ")-1)
	recs, err = ris.ReadRecords(strings.NewReader("TY  - GEN\r\nTI  - " + pad + "\r\nPY  - 1934\r\nER  - \r\n"))
	require.NoError(t, err)
	require.Len(t, recs, 1)
	assert.Equal(t, 3, recs[0].Fields[1].Line)
}

func TestHostile_RISNotATagLineAfterTY(t *testing.T) {
	r := ris.NewReader(strings.NewReader("TY  - CHAP\nTi  - A title\nER  - \nTY  - BOOK\nTI  - B\nER  - \n"))
	_, err := r.Read()
	var se *ris.SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
	assert.Contains(t, err.Error(), `ris: line 2: not a tag line (XX  - value) after TY: "Ti  - A title"`)
	// The error is not sticky: the next record reads.
	rec, err := r.Read()
	require.NoError(t, err)
	assert.Equal(t, "BOOK", rec.Type)
}

func TestHostile_RISNUL(t *testing.T) {
	_, err := ris.ReadRecords(strings.NewReader("TY  - CHAP\nTI  - a\x00b\nER  - \n"))
	var se *ris.SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 2, se.Line)
	assert.Contains(t, err.Error(), "NUL character")
	assert.True(t, errors.Is(err, ris.ErrSyntax))
}

func TestHostile_RISFieldCap(t *testing.T) {
	in := "TY  - GEN\n" + strings.Repeat("AU  - a\n", ris.MaxFields+1) + "ER  - \n"
	_, err := ris.ReadRecords(strings.NewReader(in))
	require.ErrorIs(t, err, ris.ErrSyntax)
	assert.Contains(t, err.Error(), "more than 65536 fields")
}
