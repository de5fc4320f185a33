package cite

import (
	"strings"
)

// Decoration is a set of formatting flags of a span of a citation.
type Decoration uint8

// Formatting flags; a Span without any is plain text.
const (
	Italic Decoration = 1 << iota
	SmallCaps
	Bold
	// Link marks a URL or DOI link, printed as its text.
	Link
)

// Span is a run of citation text with one formatting.
type Span struct {
	Text       string
	Decoration Decoration
}

// mark is a formatted range of a Text: bytes [start, end) of its string.
type mark struct {
	start, end int32
	f          Decoration
}

// Text is a formatted citation: plain text with formatted ranges. It is a
// small immutable value; render it with String, HTML or Markdown, or walk
// its Spans to set the formatting yourself (a PDF writer switching to an
// italic font).
type Text struct {
	s     string
	marks []mark // sorted by start, not overlapping
}

// String returns the plain text, as citeproc-js's "text" format gives it.
func (t Text) String() string { return t.s }

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return t.s == "" }

// Spans returns the text as consecutive spans; their texts concatenate to
// String().
func (t Text) Spans() []Span {
	if t.s == "" {
		return nil
	}
	spans := make([]Span, 0, 2*len(t.marks)+1)
	pos := 0
	for _, m := range t.marks {
		if int(m.start) > pos {
			spans = append(spans, Span{Text: t.s[pos:m.start]})
		}
		spans = append(spans, Span{Text: t.s[m.start:m.end], Decoration: m.f})
		pos = int(m.end)
	}
	if pos < len(t.s) {
		spans = append(spans, Span{Text: t.s[pos:]})
	}
	return spans
}

// HTML returns the text as citeproc-js's "html" format writes it: italics
// as <i>…</i>, small caps and bold as citeproc-js spells them, and &, <, >
// escaped as numeric character references (&#38; &#60; &#62;). Links are
// printed as their text, as citeproc-js does.
func (t Text) HTML() string {
	var b strings.Builder
	b.Grow(len(t.s) + 16*len(t.marks))
	pos := 0
	for _, m := range t.marks {
		writeHTMLEscaped(&b, t.s[pos:m.start])
		open, close := htmlTags(m.f)
		b.WriteString(open)
		writeHTMLEscaped(&b, t.s[m.start:m.end])
		b.WriteString(close)
		pos = int(m.end)
	}
	writeHTMLEscaped(&b, t.s[pos:])
	return b.String()
}

func htmlTags(f Decoration) (string, string) {
	var open, close string
	if f&Italic != 0 {
		open += "<i>"
		close = "</i>" + close
	}
	if f&Bold != 0 {
		open += "<b>"
		close = "</b>" + close
	}
	if f&SmallCaps != 0 {
		open += `<span style="font-variant:small-caps;">`
		close = "</span>" + close
	}
	return open, close
}

func writeHTMLEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&#38;"
		case '<':
			rep = "&#60;"
		case '>':
			rep = "&#62;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(rep)
		start = i + 1
	}
	b.WriteString(s[start:])
}

// Markdown returns the text as CommonMark: italics as *…*, bold as **…**,
// links as autolinks <…>, and Markdown's special characters escaped with a
// backslash.
func (t Text) Markdown() string {
	var b strings.Builder
	b.Grow(len(t.s) + 8)
	pos := 0
	for _, m := range t.marks {
		writeMarkdownEscaped(&b, t.s[pos:m.start])
		seg := t.s[m.start:m.end]
		switch {
		case m.f&Link != 0 && !strings.ContainsAny(seg, " <>"):
			b.WriteByte('<')
			b.WriteString(seg)
			b.WriteByte('>')
		default:
			delim := ""
			if m.f&Italic != 0 {
				delim += "*"
			}
			if m.f&Bold != 0 {
				delim += "**"
			}
			b.WriteString(delim)
			writeMarkdownEscaped(&b, seg)
			b.WriteString(delim)
		}
		pos = int(m.end)
	}
	writeMarkdownEscaped(&b, t.s[pos:])
	return b.String()
}

func writeMarkdownEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\', '*', '_', '`', '[', ']', '<', '>', '#', '|', '~':
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteByte('\\')
		b.WriteByte(s[i])
		start = i + 1
	}
	b.WriteString(s[start:])
}

// writeTo returns the rendering of t in the given output format.
func (t Text) render(f OutputFormat) string {
	switch f {
	case HTML:
		return t.HTML()
	case Markdown:
		return t.Markdown()
	}
	return t.s
}

// OutputFormat selects a rendering of Text: PlainText, HTML or Markdown.
type OutputFormat int

// Output formats.
const (
	PlainText OutputFormat = iota
	HTML
	Markdown
)

// ParseOutputFormat parses "text", "html" or "markdown".
func ParseOutputFormat(s string) (OutputFormat, error) {
	switch s {
	case "text", "":
		return PlainText, nil
	case "html":
		return HTML, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return 0, &ParseError{What: "output format", Value: s, Allowed: "text, html, markdown"}
}

// String returns "text", "html" or "markdown".
func (f OutputFormat) String() string {
	switch f {
	case HTML:
		return "html"
	case Markdown:
		return "markdown"
	}
	return "text"
}
