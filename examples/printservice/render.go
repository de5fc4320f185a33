package main

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// renderVersion renders a version's text as the archive's reading view:
// headings, paragraphs and the editor's commentary, page markers where the
// print pages start, and footnote markers linked to the notes, which it
// returns in order.
func renderVersion(v *maisky.Version) (template.HTML, []note) {
	var b strings.Builder
	numbers := make(map[string]int, len(v.Footnotes))
	for _, fn := range v.Footnotes {
		numbers[fn.ID] = fn.Number
	}
	if span, ok := v.Span(); ok && len(v.Blocks) > 0 && !startsWithBreak(v.Blocks[0]) {
		// The text before the first marker continues the page before.
		b.WriteString(`<p class="page-marker partial" id="page-` + strconv.Itoa(span.First) + `">Page ` + strconv.Itoa(span.First) + ` (continued)</p>`)
	}
	for _, blk := range v.Blocks {
		renderNodes(&b, blk, numbers)
		b.WriteByte('\n')
	}
	notes := make([]note, 0, len(v.Footnotes))
	for _, fn := range v.Footnotes {
		var nb strings.Builder
		for _, in := range fn.Content {
			renderNodes(&nb, in, nil)
		}
		notes = append(notes, note{Number: fn.Number, Body: template.HTML(nb.String())})
	}
	return template.HTML(b.String()), notes
}

func startsWithBreak(b maisky.Block) bool {
	in := b.Inlines()
	if len(in) == 0 {
		return false
	}
	_, ok := in[0].(*maisky.PageBreak)
	return ok
}

// renderNodes writes one node and what it holds, by one maisky.Walk.
func renderNodes(b *strings.Builder, n maisky.Node, numbers map[string]int) {
	maisky.Walk(n, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
		switch n := n.(type) {
		case *maisky.Heading:
			level := strconv.Itoa(min(max(n.Level, 1), 4) + 1)
			if entering {
				b.WriteString("<h" + level + ">")
			} else {
				b.WriteString("</h" + level + ">")
			}
		case *maisky.Paragraph:
			tag(b, entering, "p", n.Continued, "")
		case *maisky.Commentary:
			tag(b, entering, "p", n.Continued, "commentary")
		case *maisky.Emphasis:
			if entering {
				b.WriteString("<em>")
			} else {
				b.WriteString("</em>")
			}
		case *maisky.Text:
			if entering {
				b.WriteString(html.EscapeString(n.Value))
			}
		case *maisky.NoteRef:
			if entering {
				num := strconv.Itoa(numbers[n.ID])
				b.WriteString(`<sup class="noteref"><a href="#note-` + num + `" id="ref-` + num + `">` + num + `</a></sup>`)
			}
		case *maisky.PageBreak:
			if entering {
				num := strconv.Itoa(n.Page)
				b.WriteString(`<span class="page-marker" id="page-` + num + `">Page ` + num + `</span>`)
			}
		}
		return maisky.WalkContinue, nil
	})
}

func tag(b *strings.Builder, entering bool, name string, continued bool, class string) {
	if !entering {
		b.WriteString("</" + name + ">")
		return
	}
	if continued {
		class = strings.TrimSpace(class + " continued")
	}
	if class != "" {
		b.WriteString("<" + name + ` class="` + class + `">`)
		return
	}
	b.WriteString("<" + name + ">")
}
