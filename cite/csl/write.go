package csl

import (
	"fmt"
	"io"
	"strings"
)

// ParseFormat reads an output format name: "html", "text" or "markdown".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "html":
		return HTML, nil
	case "text", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return 0, fmt.Errorf("csl: unknown output format %q (html, text or markdown)", s)
}

// String returns the format's name.
func (f Format) String() string {
	switch f {
	case HTML:
		return "html"
	case Text:
		return "text"
	case Markdown:
		return "markdown"
	}
	return "unknown"
}

// Write writes the output in a format.
func (r Rendered) Write(w io.Writer, f Format) error {
	_, err := io.WriteString(w, r.Format(f))
	return err
}

// WriteBibliography writes the bibliography of the registered items: in
// HTML as citeproc-js writes it (a csl-bib-body div with a csl-entry div
// per entry), in text and Markdown one entry per line.
func (p *Processor) WriteBibliography(w io.Writer, f Format) error {
	var sb strings.Builder
	entries := p.Bibliography()
	if f == HTML {
		sb.WriteString("<div class=\"csl-bib-body\">\n")
		for _, e := range entries {
			sb.WriteString("  <div class=\"csl-entry\">")
			sb.WriteString(e.HTML())
			sb.WriteString("</div>\n")
		}
		sb.WriteString("</div>\n")
	} else {
		for _, e := range entries {
			sb.WriteString(strings.TrimRight(e.Format(f), " "))
			sb.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, sb.String())
	return err
}

// Write runs the fixture (see Run) and writes its output in the suite's
// RESULT form, with a final newline.
func (f *Fixture) Write(w io.Writer, locales *LocaleSet) error {
	out, err := f.Run(locales)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, out+"\n")
	return err
}
