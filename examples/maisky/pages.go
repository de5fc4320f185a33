package main

import (
	"bytes"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/maisky-lib/maisky/maisky"
)

// runPages prints the print pages of each document in FILE (or of the one
// named by -doc): number, partial or blank, words and footnotes.
func runPages(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := pages(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func pages(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky pages [-doc ID] FILE"
	fs := newFlags("pages")
	doc := fs.String("doc", "", "only the document with this `id` of a volume file")
	if err := parseFlags(fs, args, stdout, synopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", synopsis)
	}
	file, err := readFile(fs.Arg(0))
	if err != nil {
		return err
	}
	docs, err := selectDocuments(file, *doc)
	if err != nil {
		return err
	}
	for i, d := range docs {
		if i > 0 {
			out.WriteByte('\n')
		}
		writePages(out, d)
	}
	return nil
}

func writePages(out *bytes.Buffer, d *maisky.Document) {
	span, ok := d.PageSpan()
	pages := d.Pages()
	if !ok {
		fmt.Fprintf(out, "%s\t%s\tno print pages\n", escapeControls(d.ID), escapeControls(d.Title))
		return
	}
	fmt.Fprintf(out, "%s\t%s\tpages %s\t%d pages\n", escapeControls(d.ID), escapeControls(d.Title), span, len(pages))
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tkind\twords\tfootnotes")
	for _, p := range pages {
		kind := "full"
		switch {
		case p.Empty:
			kind = "blank"
		case p.Partial:
			kind = "partial"
		}
		notes := "-"
		if n := len(p.Footnotes); n > 0 {
			notes = fmt.Sprintf("%d (%d–%d)", n, p.Footnotes[0].Number, p.Footnotes[n-1].Number)
			if n == 1 {
				notes = fmt.Sprintf("1 (%d)", p.Footnotes[0].Number)
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\n", p.Number, kind, maisky.Words(p.Blocks), notes)
	}
	tw.Flush()
}
