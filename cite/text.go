package cite

import (
	"strings"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
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
	// Superscript and Subscript come from <sup> and <sub> markup in a
	// field.
	Superscript
	Subscript
)

// Span is a run of citation text with one formatting.
type Span struct {
	Text       string
	Decoration Decoration
}

// mark is a formatted range of a Text: bytes [start, end) of its string.
// f turns formatting on; off turns the formatting of an enclosing range
// off (<i> markup in an italic title sets the word in roman, as
// citeproc-js's flip-flop does).
type mark struct {
	start, end int32
	f, off     Decoration
}

// Text is a formatted citation: plain text with formatted ranges. It is a
// small immutable value; render it with String, HTML or Markdown, or walk
// its Spans to set the formatting yourself (a PDF writer switching to an
// italic font).
type Text struct {
	s string
	// marks are sorted by start, an enclosing range before the ranges
	// it holds; ranges nest, never overlap otherwise.
	marks []mark
}

// walkMarks calls text for every run of t's string between range
// boundaries, with the formatting in effect there (d), and open and close
// at the boundaries of each range.
func (t Text) walkMarks(text func(s string, d Decoration), open, close func(m mark)) {
	var stackBuf [16]mark
	var decsBuf [17]Decoration
	stack, decs := stackBuf[:0], decsBuf[:1]
	n := 0
	pos := 0
	closeTo := func(at int) {
		for n > 0 && int(stack[n-1].end) <= at {
			end := int(stack[n-1].end)
			if end > pos {
				text(t.s[pos:end], decs[n])
				pos = end
			}
			n--
			close(stack[n])
			stack, decs = stack[:n], decs[:n+1]
		}
	}
	for _, m := range t.marks {
		closeTo(int(m.start))
		if int(m.start) < pos || m.end <= m.start {
			continue
		}
		if n > 0 && m.end > stack[n-1].end {
			m.end = stack[n-1].end
		}
		if int(m.start) > pos {
			text(t.s[pos:m.start], decs[n])
			pos = int(m.start)
		}
		open(m)
		stack = append(stack, m)
		decs = append(decs, (decs[n]|m.f)&^m.off)
		n++
	}
	closeTo(len(t.s))
	if pos < len(t.s) {
		text(t.s[pos:], 0)
	}
}

// String returns the plain text, as citeproc-js's "text" format gives it.
func (t Text) String() string { return t.s }

// IsZero reports whether the text is empty.
func (t Text) IsZero() bool { return t.s == "" }

// Spans returns the text as consecutive spans, each with the formatting
// in effect over it; their texts concatenate to String().
func (t Text) Spans() []Span {
	if t.s == "" {
		return nil
	}
	spans := make([]Span, 0, 2*len(t.marks)+1)
	t.walkMarks(func(s string, d Decoration) {
		spans = append(spans, Span{Text: s, Decoration: d})
	}, func(mark) {}, func(mark) {})
	return spans
}

// HTML returns the text as citeproc-js's "html" format writes it: italics
// as <i>…</i>, small caps and bold as citeproc-js spells them, and &, <, >
// escaped as numeric character references (&#38; &#60; &#62;). Links are
// printed as their text, as citeproc-js does.
func (t Text) HTML() string {
	var b strings.Builder
	b.Grow(len(t.s) + 16*len(t.marks))
	if len(t.marks) == 0 {
		writeHTMLEscaped(&b, t.s)
		return b.String()
	}
	t.walkMarks(func(s string, _ Decoration) {
		writeHTMLEscaped(&b, s)
	}, func(m mark) {
		open, _ := htmlTags(m)
		b.WriteString(open)
	}, func(m mark) {
		_, close := htmlTags(m)
		b.WriteString(close)
	})
	return b.String()
}

// htmlTags returns the tags that open and close a range in citeproc-js's
// HTML.
func htmlTags(m mark) (string, string) {
	f := m.f
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
	if f&Superscript != 0 {
		open += "<sup>"
		close = "</sup>" + close
	}
	if f&Subscript != 0 {
		open += "<sub>"
		close = "</sub>" + close
	}
	if m.off&Italic != 0 {
		open += `<span style="font-style:normal;">`
		close = "</span>" + close
	}
	if m.off&Bold != 0 {
		open += `<span style="font-weight:normal;">`
		close = "</span>" + close
	}
	if m.off&SmallCaps != 0 {
		open += `<span style="font-variant:normal;">`
		close = "</span>" + close
	}
	return open, close
}

func writeHTMLEscaped(b *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		size := 1
		switch {
		case c == '&':
			rep = "&#38;"
		case c == '<':
			rep = "&#60;"
		case c == '>':
			rep = "&#62;"
		case c < utf8.RuneSelf && !isJSSpace(rune(c)):
			i++
			continue
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			size = n
			switch {
			case isJSSpace(r):
				// citeproc-js writes two white spaces as a no-break
				// space and a space
				r2, n2 := utf8.DecodeRuneInString(s[i+n:])
				if i+n >= len(s) || !isJSSpace(r2) {
					i += n
					continue
				}
				rep = "\u00a0 "
				size = n + n2
			case isSuperscript(r):
				// and a superscript character as <sup> of its base
				b.WriteString(s[start:i])
				b.WriteString("<sup>")
				b.WriteString(superscriptBase(r))
				b.WriteString("</sup>")
				i += n
				start = i
				continue
			default:
				i += n
				continue
			}
		}
		b.WriteString(s[start:i])
		b.WriteString(rep)
		i += size
		start = i
	}
	b.WriteString(s[start:])
}

// isSuperscript and superscriptBase are cslcore's: the superscript
// characters citeproc-js writes in HTML as <sup> of their base.
func isSuperscript(r rune) bool { return cslcore.IsSuperscript(r) }

func superscriptBase(r rune) string { return cslcore.SuperscriptBase(r) }

// Markdown returns the text as CommonMark: italics as *…*, bold as **…**,
// links as autolinks <…>, and Markdown's special characters escaped with a
// backslash.
func (t Text) Markdown() string {
	var b strings.Builder
	b.Grow(len(t.s) + 8)
	// runs of one emphasis (or a link), written each with its spaces
	// outside the delimiters so that they open and close
	type run struct {
		start, end int
		delim      string
		link       bool
	}
	var runBuf [8]run
	runs := runBuf[:0]
	pos := 0
	t.walkMarks(func(seg string, d Decoration) {
		r := run{start: pos, end: pos + len(seg)}
		pos = r.end
		if d&Link != 0 && !strings.ContainsAny(seg, " <>") {
			r.link = true
		} else {
			if d&Italic != 0 {
				r.delim += "*"
			}
			if d&Bold != 0 {
				r.delim += "**"
			}
		}
		if n := len(runs); n > 0 && !r.link && !runs[n-1].link && runs[n-1].delim == r.delim {
			runs[n-1].end = r.end
			return
		}
		runs = append(runs, r)
	}, func(mark) {}, func(mark) {})
	for _, r := range runs {
		seg := t.s[r.start:r.end]
		switch {
		case r.link:
			b.WriteByte('<')
			b.WriteString(seg)
			b.WriteByte('>')
		case r.delim == "":
			writeMarkdownEscaped(&b, seg)
		default:
			core := strings.TrimSpace(seg)
			if core == "" {
				b.WriteString(seg)
				continue
			}
			i := strings.Index(seg, core)
			b.WriteString(seg[:i])
			b.WriteString(r.delim)
			writeMarkdownEscaped(&b, core)
			b.WriteString(r.delim)
			b.WriteString(seg[i+len(core):])
		}
	}
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
