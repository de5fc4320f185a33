package maisky_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

// oneLetterTexts returns a maisky/1 document whose paragraph holds n
// one-letter text nodes (4 bytes each): adjacent text nodes, which
// Validate refuses one by one.
func oneLetterTexts(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[{"type":"paragraph","content":["a"`)
	for range n - 1 {
		b.WriteString(`,"a"`)
	}
	b.WriteString(`]}]}]}}`)
	return b.Bytes()
}

// partialPageZero is a document whose first page break, page 1, follows
// text: a partial page 0.
const partialPageZero = `{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[{"type":"paragraph","content":["before",{"page":1},"after",{"page":2},"more"]}]}]}}`

// hostileSeeds are the small forms of this file's hostile inputs, seeds of
// FuzzRead.
func hostileSeeds() [][]byte {
	return [][]byte{
		oneLetterTexts(300),
		[]byte(partialPageZero),
		[]byte(`{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[` + strings.Repeat(`{"type":"paragraph","content":[{"emph":[`, 10) + `"a"` + strings.Repeat(`]}]}`, 10) + `]}]}}`),
	}
}

func TestHostile_JSONOneLetterTextNodes(t *testing.T) {
	// Past MaxNodes nodes, Read stops with ErrTooLarge.
	_, err := maisky.Unmarshal(oneLetterTexts(maisky.MaxNodes + 10))
	require.ErrorIs(t, err, maisky.ErrTooLarge)
	assert.ErrorIs(t, err, maisky.ErrMalformed)
	var de *maisky.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Contains(t, err.Error(), "more than 524288 blocks, inlines and footnotes")
	assert.Equal(t, 1, de.Line)

	// Below it, the file reads; Validate lists MaxProblems problems and
	// counts the rest.
	f, err := maisky.Unmarshal(oneLetterTexts(250_000))
	require.NoError(t, err)
	err = f.Validate()
	var ve *maisky.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, maisky.MaxProblems)
	assert.Equal(t, 250_000-1-maisky.MaxProblems, ve.More)
	assert.Equal(t, "maisky: invalid: document.versions[0].blocks[0].content[1]: text node next to another text node; merge them (and 249998 more)", err.Error())
}

func TestHostile_JSONInputCap(t *testing.T) {
	// A reader that never ends: Read stops after 256 MiB.
	_, err := maisky.Read(&endless{})
	require.ErrorIs(t, err, maisky.ErrTooLarge)
	assert.Contains(t, err.Error(), "input larger than 256 MiB")
	// Nesting deeper than 256 is a bound too.
	_, err = maisky.Unmarshal([]byte(`{"format":"maisky/1","document":{"id":"x","versions":[{"kind":"translation","lang":"en","blocks":[{"type":"paragraph","content":[` + strings.Repeat(`{"emph":[`, 300)))
	assert.ErrorIs(t, err, maisky.ErrTooLarge)
	assert.Less(t, len(err.Error()), 300, "a deep path is shortened: %s", err)
	assert.Contains(t, err.Error(), "more steps")
}

// endless reads spaces forever.
type endless struct{}

func (*endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestHostile_PartialPageZero(t *testing.T) {
	f, err := maisky.Unmarshal([]byte(partialPageZero))
	require.NoError(t, err)
	err = f.Validate()
	require.ErrorIs(t, err, maisky.ErrInvalid)
	assert.Contains(t, err.Error(), "document.versions[0].blocks[0].content[1]: text before the first page break, page 1, would be on a partial page 0")
	// A first break 1 at the very start is no partial page; nor is a
	// first break 2 after text (partial page 1).
	for _, ok := range []string{
		strings.Replace(partialPageZero, `"before",`, "", 1),
		strings.Replace(strings.Replace(partialPageZero, `{"page":2}`, `{"page":3}`, 1), `{"page":1}`, `{"page":2}`, 1),
	} {
		f, err := maisky.Unmarshal([]byte(ok))
		require.NoError(t, err)
		require.NoError(t, f.Validate(), ok)
	}
}

func TestHostile_LongInputsNotEchoed(t *testing.T) {
	long := strings.Repeat("5", 100_000)
	_, err := maisky.ParsePageRange(long + "-" + long)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200, err.Error())
	_, err = maisky.ParsePerson("(" + strings.Repeat("x\n", 50_000))
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200)
	assert.NotContains(t, err.Error(), "\n")
	assert.True(t, errors.Is(err, maisky.ErrSyntax))
}
