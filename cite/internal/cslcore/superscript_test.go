package cslcore

import "testing"

func TestSuperscript(t *testing.T) {
	for r, want := range map[rune]string{'²': "2", 'ª': "a", 'ⁿ': "n", '™': "TM", 'ˀ': "ʔ", 'ۥ': "و", 'ᴬ': "A"} {
		if !IsSuperscript(r) {
			t.Errorf("IsSuperscript(%q) = false", r)
		}
		if got := SuperscriptBase(r); got != want {
			t.Errorf("SuperscriptBase(%q) = %q, want %q", r, got, want)
		}
	}
	for _, r := range []rune{'2', 'a', 'ᴯ', '⁲', ' '} {
		if IsSuperscript(r) {
			t.Errorf("IsSuperscript(%q) = true", r)
		}
	}
}
