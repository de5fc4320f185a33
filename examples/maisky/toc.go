package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
)

// runTOC prints a volume's table of contents: label, id, date, and the
// previous and next documents.
func runTOC(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := toc(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func toc(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky toc FILE"
	fs := newFlags("toc")
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
	vol := file.Volume
	if vol == nil {
		return errors.New(fs.Arg(0) + " holds a document, not a volume; toc needs a volume file")
	}
	fmt.Fprintf(out, "%s\t%d entries\n", escapeControls(vol.FullTitle()), len(vol.Contents))
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tlabel\tid\tdate\tprevious\tnext")
	for i, e := range vol.Contents {
		prev, next := "-", "-"
		if p, ok := vol.Prev(e.ID); ok {
			prev = p.ID
		}
		if n, ok := vol.Next(e.ID); ok {
			next = n.ID
		}
		date := e.Date.ISO()
		if date == "" {
			date = "-"
		} else if e.Date.Approximate || e.Date.Uncertain {
			date = e.Date.EDTF()
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, escapeControls(e.Label), escapeControls(e.ID), date, escapeControls(prev), escapeControls(next))
	}
	return tw.Flush()
}
