package main

import (
	"html"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// printHTML is the extract as one HTML page per print page, for Chromium:
// a running head, the page's text, its footnotes, and the acceptance.
func printHTML(vol *maisky.Volume, ext *maisky.Document, reader string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm; }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.4; }
.page { break-after: page; }
.head { display: flex; justify-content: space-between; font-size: 8.5pt; border-bottom: .5pt solid #000; margin-bottom: 1em; }
p { margin: 0; text-indent: 1.5em; } p.continued { text-indent: 0; }
.commentary { font-style: italic; margin: .5em 2em; text-indent: 0; }
.notes { border-top: .5pt solid #000; margin-top: 1em; font-size: 8.5pt; }
.foot { font-size: 7.5pt; color: #333; margin-top: 1em; }
</style></head><body>`)
	title := html.EscapeString(vol.FullTitle() + " · " + ext.Title)
	for _, p := range ext.Pages() {
		b.WriteString(`<div class="page"><div class="head"><span>` + title + `</span><span>` + strconv.Itoa(p.Number) + `</span></div>`)
		if p.Empty {
			b.WriteString(`<p>[This page is a plate.]</p>`)
		}
		numbers := map[string]int{}
		for _, fn := range p.Footnotes {
			numbers[fn.ID] = fn.Number
		}
		for _, blk := range p.Blocks {
			writeNode(&b, blk, numbers)
		}
		if len(p.Footnotes) > 0 {
			b.WriteString(`<div class="notes">`)
			for _, fn := range p.Footnotes {
				b.WriteString(`<p><sup>` + strconv.Itoa(fn.Number) + `</sup> `)
				for _, in := range fn.Content {
					writeNode(&b, in, nil)
				}
				b.WriteString(`</p>`)
			}
			b.WriteString(`</div>`)
		}
		b.WriteString(`<div class="foot">Printed for ` + html.EscapeString(reader) + `, who accepted the terms and conditions.</div></div>`)
	}
	b.WriteString(`</body></html>`)
	return b.String()
}

func writeNode(b *strings.Builder, n maisky.Node, numbers map[string]int) {
	maisky.Walk(n, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
		switch n := n.(type) {
		case *maisky.Heading:
			b.WriteString(map[bool]string{true: "<h3>", false: "</h3>"}[entering])
		case *maisky.Paragraph:
			if entering {
				b.WriteString(map[bool]string{true: `<p class="continued">`, false: "<p>"}[n.Continued])
			} else {
				b.WriteString("</p>")
			}
		case *maisky.Commentary:
			b.WriteString(map[bool]string{true: `<p class="commentary">`, false: "</p>"}[entering])
		case *maisky.Emphasis:
			b.WriteString(map[bool]string{true: "<em>", false: "</em>"}[entering])
		case *maisky.Text:
			if entering {
				b.WriteString(html.EscapeString(n.Value))
			}
		case *maisky.NoteRef:
			if entering {
				b.WriteString("<sup>" + strconv.Itoa(numbers[n.ID]) + "</sup>")
			}
		}
		return maisky.WalkContinue, nil
	})
}
