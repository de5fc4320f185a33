package csl_test

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite"
)

// TestBuiltinsValidUTF8 renders random items of every type with the
// built-in styles of package cite and checks that the text is valid UTF-8:
// a dropped group must never cut a closing quotation mark that its
// delimiter moved punctuation into (seed 14000 did, before the fix).
func TestBuiltinsValidUTF8(t *testing.T) {
	n := uint64(5000)
	if testing.Short() {
		n = 500
	}
	for seed := uint64(13990); seed < 13990+n; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		it := randomItem(r, "x")
		for _, s := range cite.Styles() {
			for _, m := range []cite.Mode{cite.Bibliography, cite.First, cite.Subsequent} {
				txt, err := cite.Format(&it, s, m, cite.Locator{})
				if err != nil {
					continue
				}
				if !utf8.ValidString(txt.String()) {
					t.Fatalf("seed %d %s %v: %q\n%+v", seed, s, m, txt.String(), it)
				}
			}
		}
	}
}
