package annotate

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// MarkdownOptions tunes WriteMarkdown. The zero value cites in Chicago
// notes and bibliography (18th edition) and cites the printed edition.
type MarkdownOptions struct {
	// Style is the citation style; cite.ChicagoNotes if empty.
	Style cite.Style
	// Cite tunes the document's citation data (cite.FromDocument).
	Cite cite.Options
}

// WriteMarkdown writes the annotations on one document that the viewer of
// q may see, as Markdown: a heading, the document's bibliography entry
// (from cite), then one section per print page, in page order, holding
// the annotations whose passage starts on it, in text order: the quote as
// a block quote, then the note, the tags, who wrote it and when, and the
// replies. Notes on the whole document come first; orphaned annotations,
// whose passage is no longer in the text, last. q.Document must be doc's
// id or empty (it is set); Limit and Cursor are ignored. The document's
// annotations are held in memory while they are sorted.
func WriteMarkdown(ctx context.Context, w io.Writer, s Store, q Query, doc *maisky.Document, vol *maisky.Volume, opts MarkdownOptions) error {
	if doc == nil {
		return &NotFoundError{Kind: "document"}
	}
	if q.Document != "" && q.Document != doc.ID {
		return &InputError{Field: "document", Msg: "the query is for another document than the one given"}
	}
	q.Document, q.Cursor, q.Limit = doc.ID, "", MaxLimit
	style := opts.Style
	if style == "" {
		style = cite.ChicagoNotes
	}
	item := cite.FromDocument(doc, vol, opts.Cite)
	bib, err := cite.Format(&item, style, cite.Bibliography, cite.Locator{})
	if err != nil {
		return err
	}
	if bib.IsZero() { // a note style leaves some items out of its bibliography
		if bib, err = cite.Format(&item, style, cite.First, cite.Locator{}); err != nil {
			return err
		}
	}
	var top []*Annotation
	replies := map[string][]*Annotation{}
	for a, err := range All(ctx, s, q) {
		if err != nil {
			return err
		}
		if !q.Viewer.Sees(a) {
			continue
		}
		if a.ReplyTo != "" {
			replies[a.ReplyTo] = append(replies[a.ReplyTo], a)
			continue
		}
		top = append(top, a)
	}
	rank := func(a *Annotation) int {
		switch {
		case a.Target.Quote.Exact == "":
			return 0
		case a.Target.Orphaned:
			return 2
		}
		return 1
	}
	slices.SortStableFunc(top, func(a, b *Annotation) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Target.Pages.First, b.Target.Pages.First),
			cmp.Compare(a.Target.Start, b.Target.Start), a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})

	var b strings.Builder
	b.WriteString("# Annotations on ")
	b.WriteString(mdEscape(doc.Title))
	b.WriteString("\n\n")
	b.WriteString(bib.Markdown())
	b.WriteString("\n")
	if len(top) == 0 {
		b.WriteString("\nNo annotations.\n")
	}
	section := ""
	for _, a := range top {
		var head string
		switch rank(a) {
		case 0:
			head = "On the whole document"
		case 2:
			head = "Passages no longer in the text"
		default:
			if a.Target.Pages.First == 0 {
				head = "Passages"
			} else {
				head = "Page " + strconv.Itoa(a.Target.Pages.First)
			}
		}
		if head != section {
			section = head
			b.WriteString("\n## ")
			b.WriteString(head)
			b.WriteString("\n")
			if p := a.Target.Pages.First; rank(a) == 1 && p > 0 {
				c, err := cite.Format(&item, style, cite.Subsequent, cite.Locator{Value: strconv.Itoa(p)})
				if err == nil && !c.IsZero() {
					b.WriteString("\nCite as: ")
					b.WriteString(c.Markdown())
					b.WriteString("\n")
				}
			}
		}
		writeMarkdownAnnotation(&b, a, replies[a.ID])
		if b.Len() >= 32<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

func writeMarkdownAnnotation(b *strings.Builder, a *Annotation, replies []*Annotation) {
	b.WriteString("\n")
	if q := a.Target.Quote.Exact; q != "" {
		for _, line := range strings.Split(strings.TrimRight(q, "\n"), "\n") {
			b.WriteString("> ")
			b.WriteString(mdEscape(line))
			b.WriteString("\n")
		}
		if pr := a.Target.Pages; pr.Last > pr.First {
			b.WriteString(">\n> (pages ")
			b.WriteString(pr.String())
			b.WriteString(")\n")
		}
		b.WriteString("\n")
	}
	if body := strings.TrimSpace(a.Body); body != "" {
		b.WriteString(body)
		b.WriteString("\n\n")
	}
	if len(a.Tags) > 0 {
		b.WriteString("Tags: ")
		for i, t := range a.Tags {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(mdEscape(t))
		}
		b.WriteString("\n\n")
	}
	byline(b, a)
	for _, r := range replies {
		b.WriteString("\n")
		for _, line := range strings.Split(strings.TrimSpace(r.Body), "\n") {
			b.WriteString("> ")
			b.WriteString(line)
			b.WriteString("\n")
		}
		b.WriteString(">\n> ")
		byline(b, r)
	}
}

func byline(b *strings.Builder, a *Annotation) {
	b.WriteString("— ")
	b.WriteString(mdEscape(a.Creator))
	if !a.Created.IsZero() {
		b.WriteString(", ")
		b.WriteString(a.Created.UTC().Format("2 January 2006"))
	}
	b.WriteString(" · ")
	b.WriteString(a.Motivation.String())
	b.WriteString(" · ")
	b.WriteString(a.Visibility.String())
	if a.Group != "" {
		b.WriteString(" (")
		b.WriteString(mdEscape(a.Group))
		b.WriteString(")")
	}
	if a.Moderation.Concealed() {
		b.WriteString(" · ")
		b.WriteString(a.Moderation.String())
	}
	b.WriteString("\n")
}

// mdEscape escapes the characters that Markdown would read as markup.
func mdEscape(s string) string {
	if !strings.ContainsAny(s, "\\`*_{}[]<>()#+-.!|~") {
		return s
	}
	var b strings.Builder
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	for i, r := range s {
		if i == digits && digits > 0 && (r == '.' || r == ')') {
			b.WriteByte('\\')
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\\', '`', '*', '_', '{', '}', '[', ']', '<', '>', '#', '|', '~', '!':
			b.WriteByte('\\')
		case '+', '-', '.', '(', ')':
			// Only at the start of a line do these begin a list.
			if i == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
