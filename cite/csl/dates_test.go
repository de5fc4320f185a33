package csl

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// rangeEndStyle has one date, with the delimiter " ", in its bibliography.
const rangeEndStyle = `<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Range end after a reset</title><id>https://example.org/maisky/test/range-end-reset</id><updated>2026-12-03T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography>
    <layout suffix=".">
      <group delimiter="; ">
        <text variable="title"/>
        <date variable="issued" delimiter=" ">
          <date-part name="day"/>
          <date-part name="month" form="short"/>
          <date-part name="year"/>
        </date>
      </group>
    </layout>
  </bibliography>
</style>`

// TestDateRangeEnd checks the end of a date range as the reference
// renderer writes it for every request but its first: an engine reused
// after restoreProcessorState([]) joins the end's parts by nothing, not by
// the date's delimiter (rangeEngine). The wanted text is citeproc-js's
// (../shared/tools/citeproc/render.js with this style and these items:
// a first request for "a", then the requests below), not ours.
func TestDateRangeEnd(t *testing.T) {
	st, err := ParseStyle(strings.NewReader(rangeEndStyle))
	if err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(`[
  {"id": "a", "type": "book", "title": "Across two months", "issued": {"date-parts": [[1999, 3, 15], [1999, 4, 2]]}},
  {"id": "b", "type": "book", "title": "Across the new year", "issued": {"date-parts": [[1998, 12, 30], [1999, 1, 2]]}},
  {"id": "c", "type": "book", "title": "Within one month", "issued": {"date-parts": [[2001, 5, 3], [2001, 5, 17]]}}]`), &items); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Across two months; 15 Mar.–2Apr. 1999.",
		"Across the new year; 30 Dec. 1998–2Jan.1999.",
		"Within one month; 3–17 May 2001.",
	}
	p := NewProcessor(st, Options{})
	for i, m := range items {
		it, err := NewItem(m)
		if err != nil {
			t.Fatal(err)
		}
		p.Reset()
		p.Register(it)
		es := p.Bibliography()
		if len(es) != 1 {
			t.Fatalf("%s: %d entries", it.ID, len(es))
		}
		if got := es[0].String(); got != want[i] {
			t.Errorf("%s: got %q, want %q", it.ID, got, want[i])
		}
	}
}

// TestLastBuiltDateNestedMacros parses a style whose macros each call the
// next one twice, 40 deep: finding the last cs:date citeproc-js builds
// (lastBuiltDate) visits each macro once, not once per call (2^40 calls
// here), and finds the date at the bottom.
func TestLastBuiltDateNestedMacros(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Nested macros</title><id>https://example.org/maisky/test/nested-macros</id><updated>2026-12-03T00:00:00+00:00</updated></info>
`)
	const depth = 40
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, `<macro name="m%d"><group><text macro="m%d"/><text macro="m%d"/></group></macro>`+"\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, `<macro name="m%d"><date variable="issued" form="numeric"/></macro>`+"\n", depth)
	b.WriteString(`<citation><layout><text macro="m0"/></layout></citation></style>`)
	st, err := ParseStyle(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if st.lastDate == nil || st.lastDate.kind != kDate {
		t.Fatalf("last built date: %v", st.lastDate)
	}
}
