package cslcore

import "testing"

// TestEra checks the era terms against citeproc-js 1.4.61, which writes
// "800" (no AD) for 800, "410 AD" for 410 and "50 BC" for -50.
func TestEra(t *testing.T) {
	for _, c := range []struct {
		y, n int
		term string
	}{
		{800, 800, ""}, {499, 499, "ad"}, {500, 500, ""}, {1, 1, "ad"}, {0, 0, ""},
		{-50, 50, "bc"}, {-1, 1, "bc"}, {1935, 1935, ""},
	} {
		if n, term := Era(c.y); n != c.n || term != c.term {
			t.Errorf("Era(%d) = %d, %q; want %d, %q", c.y, n, term, c.n, c.term)
		}
	}
}
