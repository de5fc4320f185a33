package ris

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// cleanSlow is the definition that clean implements eight bytes at a time.
func cleanSlow(b []byte) bool {
	s := string(b)
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

func TestClean(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	chars := []byte{'a', ' ', ' ', 'Z', '~', 0x1f, 0x20, 0x7f, 0x80, 0xff, 0x00, '-', 0x21}
	for range 200000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = chars[r.IntN(len(chars))]
		}
		require.Equal(t, cleanSlow(b), clean(b), "%q", b)
		require.Equal(t, cleanSlow(b) && !strings.Contains(string(b), "-"), cleanExcept(b, '-'), "%q", b)
	}
	for i := 0; i < 24; i++ {
		b := []byte(strings.Repeat("x", 24))
		b[i] = ' '
		require.Equal(t, cleanSlow(b), clean(b), "%q", b)
		if i+1 < len(b) {
			b[i+1] = ' '
			require.False(t, clean(b), "%q", b)
		}
	}
}
