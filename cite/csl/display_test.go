package csl

import (
	"strings"
	"testing"
)

// TestEntryEndSpace: the text of a bibliography entry ends without the
// white space of the last suffix (a tab, a space, a no-break space), as
// the reference renderer reads citeproc-js's text entry; the HTML keeps
// it. The wanted strings are citeproc-js's (render.js) for this style.
func TestEntryEndSpace(t *testing.T) {
	const style = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>entry-end-space</id><title>Entry ending in white space</title><updated>2026-12-03T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout>
      <group suffix="&#9;"><text variable="title"/></group>
      <group suffix=".&#9; &#160;"><text variable="publisher"/></group>
    </layout>
  </bibliography>
</style>`
	st, err := ParseStyle(strings.NewReader(style))
	if err != nil {
		t.Fatal(err)
	}
	it, err := NewItem(map[string]any{"id": "b1", "type": "book", "title": "Notes from the Embassy", "publisher": "Harbour Press"})
	if err != nil {
		t.Fatal(err)
	}
	p := NewProcessor(st, Options{})
	p.Register(it)
	bib := p.Bibliography()
	if len(bib) != 1 {
		t.Fatalf("%d entries", len(bib))
	}
	if got, want := bib[0].String(), "Notes from the Embassy\tHarbour Press."; got != want {
		t.Errorf("text: got %q, want %q", got, want)
	}
	if got, want := bib[0].HTML(), "Notes from the Embassy\tHarbour Press.\u00a0 \u00a0"; got != want {
		t.Errorf("html: got %q, want %q", got, want)
	}
	var sb strings.Builder
	if err := p.WriteBibliography(&sb, Text); err != nil {
		t.Fatal(err)
	}
	if got, want := sb.String(), "Notes from the Embassy\tHarbour Press.\n"; got != want {
		t.Errorf("WriteBibliography: got %q, want %q", got, want)
	}
	for _, r := range "\t\n\v\f\r \u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff" {
		if !isJSSpace(r) {
			t.Errorf("isJSSpace(%U) = false", r)
		}
	}
	for _, r := range "\u0085\u200bx." {
		if isJSSpace(r) {
			t.Errorf("isJSSpace(%U) = true", r)
		}
	}
}
