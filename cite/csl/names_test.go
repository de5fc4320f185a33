package csl

import "testing"

// fastPathGivens are given names for the fast paths of initials: plain
// ones they take and the ones the full algorithm must handle.
var fastPathGivens = []string{
	"Ivan", "Ivan Mikhailovich", "Michael Jabara", "J", "J R", "John Q",
	"John  Ronald", " John", "John ", "J.R.R.", "Jean-Paul", "Min-jun",
	"<b>John</b>", "Иван Михайлович", "Ян", "Ян Ю", "ée", "van der",
	"John\u00a0Ronald", "TSerendorjiin", "Ab\xffc", "\xff\xfe", "a b", "ab",
	"Ivan\tMaxim", "Étienne Mael", "", "MacDonald", "ĲSbrand", "Ǆemal",
	"Anne marie", "Q", "X Y Z", "Éa Ö",
}

// TestKeepsGiven checks the fast path of initials with initialize="false":
// whenever keepsGiven accepts a given name, the full algorithm gives it
// back unchanged.
func TestKeepsGiven(t *testing.T) {
	for _, hyphen := range []bool{false, true} {
		c := &ctx{st: &Style{initHyphen: hyphen}}
		accepted := 0
		for _, g := range fastPathGivens {
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

// TestPlainInitials checks the fast path of initials with
// initialize="true" against the full algorithm.
func TestPlainInitials(t *testing.T) {
	for _, hyphen := range []bool{false, true} {
		c := &ctx{st: &Style{initHyphen: hyphen}}
		for _, with := range []string{". ", ".", "", " ", "\u00a0", ".-"} {
			accepted := 0
			for _, g := range fastPathGivens {
				got, ok := plainInitials(g, with)
				if !ok {
					continue
				}
				accepted++
				if want := c.initialsOf(g, with, true); got != want {
					t.Errorf("plainInitials(%q, %q) = %q, initials gives %q", g, with, got, want)
				}
			}
			if accepted < 10 {
				t.Errorf("plainInitials(…, %q) accepted only %d names", with, accepted)
			}
		}
	}
	if got, _ := plainInitials("Ivan Mikhailovich", ". "); got != "I. M." {
		t.Errorf(`plainInitials("Ivan Mikhailovich") = %q, want "I. M."`, got)
	}
	for _, g := range []string{"J.R.R.", "Jean-Paul", "van der", "TSerendorjiin", "MacDonald", "<b>John</b>", "Ab\xffc", "John  Q"} {
		if _, ok := plainInitials(g, ". "); ok {
			t.Errorf("plainInitials(%q) ok, want the full algorithm", g)
		}
	}
}
