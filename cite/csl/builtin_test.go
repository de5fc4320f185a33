package csl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuiltinEnUS checks that the built-in en-US locale (package cite's
// terms and the rest) holds every term of CSL's en-US locale file with
// the same text, the file citeproc-js is pinned with.
func TestBuiltinEnUS(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sharedCSL, "locales-en-US.xml"))
	if err != nil {
		t.Skip("../shared/csl/locales-en-US.xml is not available")
	}
	file, err := ParseLocale(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(file.terms) != len(enUS.terms) {
		t.Errorf("the built-in locale has %d terms, locales-en-US.xml %d", len(enUS.terms), len(file.terms))
	}
	for k, want := range file.terms {
		got := enUS.terms[k]
		if got == nil {
			t.Errorf("term %q (%s) missing from the built-in locale", k.name, k.form)
			continue
		}
		if *got != *want {
			t.Errorf("term %q (%s): built-in %+v, locales-en-US.xml %+v", k.name, k.form, *got, *want)
		}
	}
	if *file.punctInQuote != *enUS.punctInQuote {
		t.Error("punctuation-in-quote differs")
	}
}
