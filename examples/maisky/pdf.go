package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

// runPDF writes a print extract of one document: at most 10 pages, and only
// when the terms are accepted.
func runPDF(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := printPDF(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func printPDF(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky pdf -pages RANGE -accept-terms -by NAME [-terms-version V] [-date YYYY-MM-DD] [-o OUT.pdf] [-doc ID] [-volume VOLUME.json] [-style ID] [-paper a4|letter] FILE"
	fs := newFlags("pdf")
	pages := fs.String("pages", "", "the print `range` to print, such as 59–68 (at most 10 pages)")
	accept := fs.Bool("accept-terms", false, "I agree to all terms and conditions governing print and/or download of material from this archive")
	by := fs.String("by", "", "the `name` of the reader who accepts the terms")
	version := fs.String("terms-version", "", "the `version` of the terms accepted")
	date := fs.String("date", "", "the `date` of acceptance and of the PDF, YYYY-MM-DD (default today, UTC)")
	output := fs.String("o", "", "write the PDF to `file` instead of standard output")
	docID := fs.String("doc", "", "the document's `id` in a volume file")
	volFile := fs.String("volume", "", "a volume `file` for the running head and the citation, when FILE is a document file")
	style := fs.String("style", pdf.DefaultStyle, "the CSL style `id` of the footer citation")
	paper := fs.String("paper", "a4", "the paper size: a4 or letter")
	if err := parseFlags(fs, args, stdout, synopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", synopsis)
	}
	if *output != "" {
		if _, err := checkOutput(*output, fs.Arg(0), *volFile); err != nil {
			return err
		}
	}
	if *pages == "" {
		return usagef("-pages is required: give the print pages to print, such as 59–68 (at most %d); usage: %s", pdf.MaxPages, synopsis)
	}
	r, err := maisky.ParsePageRange(*pages)
	if err != nil {
		return usagef("-pages: %v", err) // malformed or reversed
	}
	var opts pdf.Options
	switch strings.ToLower(*paper) {
	case "a4":
	case "letter":
		opts.Paper = pdf.Letter
	default:
		return usagef("-paper %q: allowed are a4 and letter", *paper)
	}
	opts.Style = *style
	opts.ArchiveName = defaultArchive
	at := time.Now().UTC().Truncate(24 * time.Hour)
	if *date != "" {
		at, err = time.Parse("2006-01-02", *date)
		if err != nil {
			return usagef("-date %q: want a date such as 2026-11-21", *date)
		}
	}
	req := pdf.Request{Pages: r}
	if *accept {
		req.Acceptance = pdf.Acceptance{By: *by, At: at, TermsVersion: *version}
	}
	file, err := readFile(fs.Arg(0))
	if err != nil {
		return err
	}
	doc, err := oneDocument(file, *docID)
	if err != nil {
		return err
	}
	opts.Volume = file.Volume
	if *volFile != "" {
		vf, err := readFile(*volFile)
		if err != nil {
			return err
		}
		if vf.Volume == nil {
			return fmt.Errorf("%s is not a volume file; -volume takes one", *volFile)
		}
		opts.Volume = vf.Volume
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, doc, req, opts); err != nil {
		if errors.Is(err, pdf.ErrTermsNotAccepted) {
			switch {
			case !*accept:
				return errors.New("pdf: nothing printed: the terms and conditions governing print and download must be accepted; add -accept-terms and -by NAME")
			default:
				return errors.New("pdf: nothing printed: -accept-terms needs the name of the reader who accepts them; add -by NAME")
			}
		}
		if errors.Is(err, cite.ErrUnknownStyle) {
			return usagef("-style: %v", err)
		}
		return err
	}
	if *output == "" {
		_, err := buf.WriteTo(out)
		return err
	}
	return writeOutput(*output, buf.Bytes(), fs.Arg(0), *volFile)
}
