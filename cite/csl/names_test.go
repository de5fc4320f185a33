package csl

import "testing"

// TestKeepsGiven checks the fast path of initials: whenever keepsGiven
// accepts a given name, the full algorithm gives it back unchanged.
func TestKeepsGiven(t *testing.T) {
	givens := []string{
		"Ivan", "Ivan Mikhailovich", "Michael Jabara", "J", "J R", "John Q",
		"John  Ronald", " John", "John ", "J.R.R.", "Jean-Paul", "Min-jun",
		"<b>John</b>", "Иван Михайлович", "Ян", "Ян Ю", "ée", "van der",
		"John\u00a0Ronald", "TSerendorjiin", "Ab\xffc", "\xff\xfe", "a b", "ab",
		"Ivan\tMaxim", "Étienne Mael", "",
	}
	for _, hyphen := range []bool{false, true} {
		c := &ctx{st: &Style{initHyphen: hyphen}}
		accepted := 0
		for _, g := range givens {
			if !keepsGiven(g) {
				continue
			}
			accepted++
			if got := c.initialsOf(g, ". ", false); got != g {
				t.Errorf("initials(%q) = %q, the fast path keeps %q", g, got, g)
			}
		}
		if accepted < 8 {
			t.Errorf("keepsGiven accepted only %d names", accepted)
		}
	}
	for _, g := range []string{"J", "John Q", "J.R.R.", "Jean-Paul", "<b>John</b>", "John ", "Ab\xffc", "John\u00a0Ronald"} {
		if keepsGiven(g) {
			t.Errorf("keepsGiven(%q) = true, want false", g)
		}
	}
}
