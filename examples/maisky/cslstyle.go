package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/csl"
)

// isCSLFile reports whether a -style value names a style file rather than
// a built-in style.
func isCSLFile(s string) bool {
	return strings.HasSuffix(strings.ToLower(s), ".csl") || strings.ContainsAny(s, `/\`)
}

// cslFillerID is the item cited between the first and the subsequent
// citation, so that the subsequent one is the short note, never ibid.
const cslFillerID = "maisky-csl-filler"

// writeCSLCitations renders items with a CSL style file: each item's
// bibliography entry processed alone, or its citation in a note (first:
// note 1; subsequent: note 3, after the item in note 1 and another item in
// note 2), one per line.
func writeCSLCitations(out *bytes.Buffer, stylePath, localesDir string, items []cite.Item, mode cite.Mode, loc cite.Locator, format cite.OutputFormat) error {
	f, err := os.Open(stylePath)
	if err != nil {
		return err
	}
	style, err := csl.ParseStyle(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", stylePath, err)
	}
	var locales *csl.LocaleSet
	if localesDir != "" {
		if st, err := os.Stat(localesDir); err != nil || !st.IsDir() {
			return fmt.Errorf("-locales %s is not a folder of CSL locale files", localesDir)
		}
		locales = csl.NewLocaleSet(os.DirFS(localesDir))
	}
	var cf csl.Format
	switch format {
	case cite.HTML:
		cf = csl.HTML
	case cite.Markdown:
		cf = csl.Markdown
	default:
		cf = csl.Text
	}
	filler, _ := csl.NewItem(map[string]any{"id": cslFillerID, "type": "book", "title": "Another Work",
		"author": []any{map[string]any{"family": "Another", "given": "Author"}}})
	for i := range items {
		it, err := cslItem(&items[i])
		if err != nil {
			return err
		}
		p := csl.NewProcessor(style, csl.Options{Locales: locales})
		var text string
		switch mode {
		case cite.Bibliography:
			p.Register(it)
			if !style.HasBibliography() {
				return fmt.Errorf("%s has no bibliography; use -mode first or subsequent", stylePath)
			}
			for _, e := range p.Bibliography() {
				text += e.Format(cf)
			}
		default:
			target := csl.CiteItem{ID: it.ID}
			if loc.Value != "" {
				target.Locator, target.Label = loc.Value, loc.Label
			}
			cits := []csl.Citation{{ID: "1", NoteIndex: 1, Items: []csl.CiteItem{target}}}
			p.Register(it)
			if mode == cite.Subsequent {
				p.Register(filler)
				cits = []csl.Citation{{ID: "1", NoteIndex: 1, Items: []csl.CiteItem{{ID: it.ID}}},
					{ID: "2", NoteIndex: 2, Items: []csl.CiteItem{{ID: cslFillerID}}},
					{ID: "3", NoteIndex: 3, Items: []csl.CiteItem{target}}}
			}
			rs := p.CiteDocument(cits)
			text = rs[len(rs)-1].Format(cf)
		}
		text = strings.TrimSpace(strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), " "))
		out.WriteString(text)
		out.WriteByte('\n')
	}
	return nil
}

// cslItem converts a cite.Item through its CSL-JSON.
func cslItem(it *cite.Item) (*csl.Item, error) {
	data, err := json.Marshal(it)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	return csl.NewItem(m)
}
