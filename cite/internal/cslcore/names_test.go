package cslcore

import (
	"strings"
	"testing"
	"unicode/utf8"
)

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
		accepted := 0
		for _, g := range fastPathGivens {
			if !keepsGiven(g) {
				continue
			}
			accepted++
			if got := normalizeGiven(g, ". ", hyphen); got != g {
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
		for _, with := range []string{". ", ".", "", " ", "\u00a0", ".-"} {
			accepted := 0
			for _, g := range fastPathGivens {
				got, ok := plainInitials(g, with)
				if !ok {
					continue
				}
				accepted++
				if want := initialsOf(g, with, hyphen); got != want {
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

// TestParticleJoins checks the joins against what citeproc-js 1.4.61
// writes for "Jean" + particle + "Alembert" in Chicago's given-name-first
// order: a non-dropping "d'", "d’", "al-", "de' " join ("Jean d’Alembert",
// "Jean de’ Alembert"), "dʼ" (U+02BC) does not ("Jean dʼ Alembert"); a
// dropping "d'", "dʼ", "al-" join, "de'" and "de’" do not ("Jean de’
// Alembert"), nor one ending in a space ("Jean de’  Alembert").
func TestParticleJoins(t *testing.T) {
	for _, c := range []struct {
		p             string
		ndp, dropping bool
	}{
		{"d'", true, true}, {"d’", true, true}, {"dʼ", false, true}, {"al-", true, true},
		{"de'", true, false}, {"de’", true, false}, {"de' ", true, false}, {"l'", true, true},
		{"de", false, false}, {"van der", false, false}, {"", false, false},
	} {
		if got := NonDroppingJoins(c.p); got != c.ndp {
			t.Errorf("NonDroppingJoins(%q) = %v, want %v", c.p, got, c.ndp)
		}
		if got := DroppingJoins(c.p); got != c.dropping {
			t.Errorf("DroppingJoins(%q) = %v, want %v", c.p, got, c.dropping)
		}
	}
}

func TestIsRomanesque(t *testing.T) {
	for s, want := range map[string]bool{
		"Maisky": true, "Майский": true, "Ἀριστοτέλης": true, "Nguyễn": true, "d’Alembert": true,
		"毛泽东": false, "김": false, "Ivan 毛": false, "": true, "Ab1-2": true, "Արամ": false,
	} {
		if got := IsRomanesque(s); got != want {
			t.Errorf("IsRomanesque(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNormalizeGiven checks Initials with initialize="false" and ". "
// against the given names citeproc-js 1.4.61 writes in MLA's and
// Chicago's bibliographies (initialize-with=". ", initialize="false").
func TestNormalizeGiven(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"J.-P.", "J. P."}, {"E.J.-P.Q", "E. J. P. Q."}, {"John M.E.", "John M. E."},
		{"Jean-Paul", "Jean-Paul"}, {"J.-P. Paul", "J. P. Paul"}, {"-", "-"}, {"Q", "Q."},
		{"M.E.M.J.-P.", "M. E. M. J. P."}, {"Jean-paul", "Jean-paul"}, {"J -P", "J. P."},
		{"ЯнJ.-P.J", "ЯнJ. P. J."}, {"Min-jun", "Min-jun"}, {"A.-B. C", "A. B. C."},
		{"J.R.R.", "J. R. R."}, {"TSerendorjiin", "TSerendorjiin"}, {"de-J.-P.é", "de-J. P. é"},
		{" John", " John"}, {"John  Q", "John Q."}, {"", ""}, {"毛", "毛"}, {"Lord", "Lord"},
	} {
		if got := Initials(c.in, ". ", false, true); got != c.want {
			t.Errorf("Initials(%q, false) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzInitials checks Initials on any given name and terminator: no
// panic, valid UTF-8 kept valid, and the fast paths equal to the full
// algorithms.
func FuzzInitials(f *testing.F) {
	for _, g := range fastPathGivens {
		f.Add(g, ". ", false, true)
		f.Add(g, ".", true, false)
	}
	f.Add("J.-P. <b>Paul</b>", ". ", false, true)
	f.Add("<i>A</i>.-B.", "", false, true)
	f.Fuzz(func(t *testing.T, given, with string, initialize, hyphen bool) {
		if len(given) > 200 || len(with) > 8 {
			return
		}
		got := Initials(given, with, initialize, hyphen)
		if utf8.ValidString(given) && utf8.ValidString(with) && !utf8.ValidString(got) {
			t.Fatalf("Initials(%q, %q, %v, %v) = %q: invalid UTF-8", given, with, initialize, hyphen, got)
		}
		if !initialize && keepsGiven(given) {
			if full := normalizeGiven(given, with, hyphen); full != given {
				t.Fatalf("keepsGiven(%q) but the full algorithm gives %q", given, full)
			}
		}
		if s, ok := plainInitials(given, with); ok {
			if full := initialsOf(given, with, hyphen); full != s {
				t.Fatalf("plainInitials(%q, %q) = %q, the full algorithm %q", given, with, s, full)
			}
		}
	})
}

// TestParseParticles checks the parts citeproc-js 1.4.61 takes out of
// typed names (as its output shows them: "Gogh, Vincent van").
func TestParseParticles(t *testing.T) {
	for _, c := range []struct{ in, want NameParts }{
		{NameParts{Family: "van Gogh", Given: "Vincent"}, NameParts{Family: "Gogh", Given: "Vincent", NonDroppingParticle: "van"}},
		{NameParts{Family: "van der Berg", Given: "Jan"}, NameParts{Family: "Berg", Given: "Jan", NonDroppingParticle: "van der"}},
		{NameParts{Family: "d'Alembert", Given: "Jean"}, NameParts{Family: "Alembert", Given: "Jean", NonDroppingParticle: "d'"}},
		{NameParts{Family: "de' Medici", Given: "Lorenzo"}, NameParts{Family: "Medici", Given: "Lorenzo", NonDroppingParticle: "de' "}},
		{NameParts{Family: "al-Hakim", Given: "Tawfiq"}, NameParts{Family: "Hakim", Given: "Tawfiq", NonDroppingParticle: "al-"}},
		{NameParts{Family: "Humboldt", Given: "Alexander von"}, NameParts{Family: "Humboldt", Given: "Alexander", DroppingParticle: "von"}},
		{NameParts{Family: "King", Given: "Martin Luther, Jr."}, NameParts{Family: "King", Given: "Martin Luther", Suffix: "Jr."}},
		{NameParts{Family: "Smith", Given: "John, !Jr."}, NameParts{Family: "Smith", Given: "John", Suffix: "Jr.", CommaSuffix: true}},
		{NameParts{Family: `"van Gogh"`, Given: "Vincent"}, NameParts{Family: "van Gogh", Given: "Vincent"}},
		{NameParts{Family: "Gogh", Given: "Vincent", NonDroppingParticle: "van"}, NameParts{Family: "Gogh", Given: "Vincent", NonDroppingParticle: "van"}},
		{NameParts{Family: "Maisky", Given: "Ivan Mikhailovich"}, NameParts{Family: "Maisky", Given: "Ivan Mikhailovich"}},
		{NameParts{Family: "van", Given: "de"}, NameParts{Family: "van", Given: "de"}},
	} {
		got := c.in
		ParseParticles(&got)
		if got != c.want {
			t.Errorf("ParseParticles(%+v) = %+v, want %+v", c.in, got, c.want)
		}
	}
	n := NameParts{Family: "Maisky", Given: "Ivan Mikhailovich"}
	if a := testing.AllocsPerRun(100, func() { m := n; ParseParticles(&m) }); a != 0 {
		t.Errorf("ParseParticles allocates %v times for a plain name", a)
	}
}

// FuzzParseParticles checks that what ParseParticles takes out of a name
// is put together from it: the particle and family are the typed family
// (its quotes taken off), the given name, dropping particle and suffix come
// from the typed given name; never a panic.
func FuzzParseParticles(f *testing.F) {
	f.Add("van der Berg", "Jan, Jr.")
	f.Add("d’Alembert", "Jean le")
	f.Add(`"x"`, " , !")
	f.Add("al-", "a b c")
	f.Fuzz(func(t *testing.T, family, given string) {
		n := NameParts{Family: family, Given: given}
		ParseParticles(&n)
		switch {
		case n.NonDroppingParticle == "":
			if n.Family != family && (len(family) < 2 || n.Family != family[1:len(family)-1]) {
				t.Fatalf("family %q became %q", family, n.Family)
			}
		case strings.TrimSuffix(n.NonDroppingParticle, " ")+" "+n.Family != family && n.NonDroppingParticle+n.Family != family:
			t.Fatalf("family %q split as %q + %q", family, n.NonDroppingParticle, n.Family)
		}
		if !strings.Contains(given, n.Given) || !strings.Contains(given, n.DroppingParticle) || !strings.Contains(given, n.Suffix) {
			t.Fatalf("given %q split as %q, %q, suffix %q", given, n.Given, n.DroppingParticle, n.Suffix)
		}
	})
}

func TestStartsRomanesque(t *testing.T) {
	for s, want := range map[string]bool{
		"and": true, "&": true, "und": true, "и": true, "και": true, "et al.": true,
		"É": true, "ו\u2008": false, "א": true, "と": false, "和": false, "": false,
		" [et al.]": false, "[etc.]": false, "・他": false, "1": false, "و": true,
	} {
		if got := StartsRomanesque(s); got != want {
			t.Errorf("StartsRomanesque(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestInitialsLowercaseWords(t *testing.T) {
	// citeproc-js writes a space before each word it does not
	// initialize, the first word too
	for given, want := range map[string]string{
		"ole":         " ole",
		"jean-paul":   " jean-paul",
		"John ole":    "J. ole",
		"J. ole":      "J. ole",
		"Anna Maria":  "A. M.",
		"John (Jack)": "J. (Jack)",
		"Ǆemal":       "Ǆemal",
		"小明":          "小明",
	} {
		if got := Initials(given, ". ", true, true); got != want {
			t.Errorf("Initials(%q) = %q, want %q", given, got, want)
		}
	}
}
