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

// TestDisplayText: citeproc-js's text format writes a left-margin with a
// space after it, a block on a new line and an indent on a new line
// after four spaces. The wanted strings are citeproc-js's (render.js)
// for this style.
func TestDisplayText(t *testing.T) {
	const style = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id>display-text</id><title>Display in text</title><updated>2026-12-03T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <text variable="title" display="left-margin"/>
      <text variable="publisher" display="right-inline"/>
      <text variable="publisher-place" display="indent" prefix="at "/>
      <text variable="volume" display="block" prefix="vol. "/>
    </layout>
  </bibliography>
</style>`
	st, err := ParseStyle(strings.NewReader(style))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		item       map[string]any
		text, html string
	}{
		{map[string]any{"id": "b1", "type": "book", "title": "Letters Home", "publisher": "Quay Books", "publisher-place": "Hull", "volume": "2"},
			"Letters Home Quay Books\n    at Hull\nvol. 2.",
			"\n    <div class=\"csl-left-margin\">Letters Home</div><div class=\"csl-right-inline\">Quay Books</div>\n  <div class=\"csl-indent\">at Hull</div>\n  \n\n    <div class=\"csl-block\">vol. 2.</div>\n"},
		{map[string]any{"id": "b2", "type": "book", "title": "Harbour Notes", "publisher": "Dock Press", "publisher-place": "Leith"},
			"Harbour Notes Dock Press\n    at Leith",
			"\n    <div class=\"csl-left-margin\">Harbour Notes</div><div class=\"csl-right-inline\">Dock Press</div>\n  <div class=\"csl-indent\">at Leith</div>\n  "},
	} {
		it, err := NewItem(c.item)
		if err != nil {
			t.Fatal(err)
		}
		p := NewProcessor(st, Options{})
		p.Register(it)
		bib := p.Bibliography()
		if len(bib) != 1 {
			t.Fatalf("%d entries", len(bib))
		}
		if got := bib[0].String(); got != c.text {
			t.Errorf("%s text: got %q, want %q", it.ID, got, c.text)
		}
		if got := bib[0].HTML(); got != c.html {
			t.Errorf("%s html: got %q, want %q", it.ID, got, c.html)
		}
	}
}
