package csl

import (
	"math/rand"
	"testing"
)

// TestHTMLAsIs checks that text htmlAsIs lets through as it is is text
// that escapeHTML and superscripts leave unchanged, on random mixes of
// letters, punctuation, white space, markup characters, superscripts and
// bytes of invalid UTF-8, and that plain ASCII text is let through.
func TestHTMLAsIs(t *testing.T) {
	pieces := []string{" ", "  ", "&", "<", ">", "\t", "\n", "\r", "\v", "\u00a0", "\u2009", "\u202f", "\u3000", "²", "ª", "é", "—", "\x7f", "\x1f", "\x00", "\xff", "\xc2"}
	r := rand.New(rand.NewSource(1))
	lets, changes := 0, 0
	for n := 0; n < 200000; n++ {
		var b []byte
		for i, l := 0, r.Intn(40); i < l; i++ {
			if r.Intn(4) > 0 {
				b = append(b, "abcXYZ019.,;:'\"()[] "[r.Intn(20)])
			} else {
				b = append(b, pieces[r.Intn(len(pieces))]...)
			}
		}
		s := string(b)
		same := superscripts(escapeHTML(s)) == s
		if !same {
			changes++
		}
		if htmlAsIs(s) {
			lets++
			if !same {
				t.Fatalf("htmlAsIs(%q) is true, but its HTML is %q", s, superscripts(escapeHTML(s)))
			}
		}
	}
	if lets == 0 || changes == 0 {
		t.Fatalf("the random texts do not test both sides: %d let through, %d changed", lets, changes)
	}
	for _, s := range []string{"", "Maisky, Ivan. ", "The Complete Maisky Diaries, vol. 1, edited by Gabriel Gorodetsky", "a b c d e f g h i j"} {
		if !htmlAsIs(s) {
			t.Errorf("htmlAsIs(%q) is false", s)
		}
	}
}
