package csl

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// simpleHTML matches HTML whose only markup is italics, bold and small
// caps that do not nest: what a cite.Text writes the same way.
var simpleHTML = regexp.MustCompile(`^(?:[^<]|<i>[^<]*</i>|<b>[^<]*</b>|<span style="font-variant:small-caps;">[^<]*</span>)*$`)

// TestSpans renders the citeproc-js goldens of cite/testdata (citations and
// single bibliography entries) and checks Spans and CiteText: the spans'
// texts concatenate to String(), and CiteText().HTML() equals HTML() (and
// so citeproc-js's HTML) for output formatted only with italics, bold and
// small caps that do not nest.
func TestSpans(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	items := readItems(t, "../testdata/items.json")
	data, err := os.ReadFile("../testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []oracleCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	ls := enUSOnly(t)
	simple, formatted, other := 0, 0, 0
	for _, c := range doc.Cases {
		if c.Mode == "bibliography-list" {
			continue
		}
		p := NewProcessor(loadStyle(t, filepath.Join(sharedCSL, c.Style+".csl")), Options{Locales: ls, Lang: "en-US"})
		var r Rendered
		if c.Mode == "bibliography" {
			p.Register(items[c.ID])
			es := p.Bibliography()
			if len(es) != 1 {
				continue // an item with no printed form
			}
			r = es[0].Rendered
		} else {
			p.Register(items[c.ID])
			ci := CiteItem{ID: c.ID, Locator: c.Locator, Label: c.Label}
			r = p.Cite([]CiteItem{ci})
		}
		var sb strings.Builder
		for _, sp := range r.Spans() {
			sb.WriteString(sp.Text)
		}
		if sb.String() != r.String() {
			t.Errorf("%s: spans %q, text %q", c.key(), sb.String(), r.String())
		}
		h := r.HTML()
		if !simpleHTML.MatchString(h) {
			other++
			continue
		}
		simple++
		if strings.Contains(h, "<") {
			formatted++
		}
		if got := r.CiteText().HTML(); got != h {
			t.Errorf("%s: CiteText().HTML() %q, HTML() %q", c.key(), got, h)
		}
	}
	t.Logf("spans: %d outputs with simple formatting (%d formatted) equal as cite.Text HTML; %d with other markup", simple, formatted, other)
	if formatted == 0 {
		t.Error("no formatted output checked")
	}
}
