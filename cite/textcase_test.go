package cite

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// checkCaseShortcut fails if appendCase's shortcut (a string with no word
// in lower case is returned as it is) gives other text than the full
// title case or capitalize-first would.
func checkCaseShortcut(t *testing.T, s string) {
	t.Helper()
	if !caseKeeps(s) {
		return
	}
	for _, first := range []bool{false, true} {
		if got := string(appendCaseWords(nil, s, first)); got != s {
			t.Fatalf("%q (capitalize-first %v): the shortcut keeps it, the full case gives %q", s, first, got)
		}
	}
}

// TestCaseShortcut checks the shortcut on every string of the golden items
// and on random strings of letters, capitals, tags and markup.
func TestCaseShortcut(t *testing.T) {
	data, err := os.ReadFile("testdata/items.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Items []map[string]any }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, it := range doc.Items {
		for _, v := range it {
			if s, ok := v.(string); ok {
				checkCaseShortcut(t, s)
				n++
			}
		}
	}
	parts := []string{"The", "of", "a", "Maisky", "iPhone", "1934", " ", " ", "-", "–", "'", "’", "\"", "“", "”", "‘", ":", ".", "?", "(", ")", "/",
		"<i>", "</i>", "<sc>", "</sc>", `<span class="nocase">`, "</span>", "Ω", "ω", "Дневник", "посла", "王", "ǅ", "x", "É", "é", "\u0301", "\u00a0"}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := r.IntN(8); k >= 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		checkCaseShortcut(t, b.String())
	}
	if n < 1000 {
		t.Fatalf("only %d strings in the golden items", n)
	}
}

// FuzzCaseShortcut: on any string, the shortcut agrees with the full case.
func FuzzCaseShortcut(f *testing.F) {
	for _, s := range []string{"The Complete Maisky Diaries", "31 December 1934", "A “New ‘Course’” In London", "<i>X</i>", "iPhone", "ǅ", "Ω", "王"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCaseShortcut(t, s)
	})
}

// TestStopWordASCII checks isStopWord's ASCII path against lower-casing
// rune by rune: its premise (every stop word is ASCII letters), every stop
// word in three cases, and random words of letters, digits, punctuation
// and runes that lower-case to ASCII ("İ", the Kelvin sign).
func TestStopWordASCII(t *testing.T) {
	check := func(w string) {
		t.Helper()
		want := len(w) <= 16 && isStopWordRunes(w)
		if got := isStopWord(w); got != want {
			t.Fatalf("isStopWord(%q) = %v, lower-casing rune by rune gives %v", w, got, want)
		}
	}
	for w := range stopWords {
		for i := 0; i < len(w); i++ {
			if w[i] < 'a' || w[i] > 'z' {
				t.Fatalf("stop word %q is not ASCII letters: isStopWord's ASCII path is not exact", w)
			}
		}
		check(w)
		check(strings.ToUpper(w))
		check(strings.ToUpper(w[:1]) + w[1:])
	}
	parts := []string{"a", "n", "d", "i", "o", "f", "t", "h", "e", "A", "N", "I", "O", "T", "İ", "\u212a", "é", "1", "-", "'", "’", " ", "ǅ", "Ω", "x", "ca", "notwithstanding"}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for k := r.IntN(5); k >= 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		check(b.String())
	}
	for _, w := range []string{"", "İn", "İN", "\u212aa", "of1", "1of", "o-f"} {
		check(w)
	}
}
