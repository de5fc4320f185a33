package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/maisky-lib/maisky/export/tei"
	"github.com/maisky-lib/maisky/maisky"
)

const teiSynopsis = "maisky tei [-date YYYY-MM-DD] [-volume VOLUME.json] [-doc ID] FILE | maisky tei -read [-lenient] FILE.xml"

// runTEI writes the TEI of a document file (one TEI) or of a volume file (a
// teiCorpus, or with -doc one of its documents), or with -read the maisky/1
// JSON of a TEI file.
func runTEI(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := teiCommand(args, &out, stdout, stderr)
	return finish(&out, err, stdout, stderr)
}

func teiCommand(args []string, out *bytes.Buffer, stdout, stderr io.Writer) error {
	fs := newFlags("tei")
	read := fs.Bool("read", false, "read FILE.xml (TEI) and write the maisky/1 JSON of what it holds")
	lenient := fs.Bool("lenient", false, "with -read: write what was understood and list what was skipped on stderr, instead of failing")
	date := fs.String("date", "", "publication date of the TEI file (YYYY-MM-DD); default none, for reproducible output")
	volume := fs.String("volume", "", "a volume file whose book details describe the document's source")
	doc := fs.String("doc", "", "in a volume file, write only the document with this id (as one TEI)")
	if err := parseFlags(fs, args, stdout, teiSynopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", teiSynopsis)
	}
	name := fs.Arg(0)
	if *read {
		if *date != "" || *volume != "" || *doc != "" {
			return usagef("-read takes no -date, -volume or -doc; usage: %s", teiSynopsis)
		}
		return readTEI(name, *lenient, out, stderr)
	}
	if *lenient {
		return usagef("-lenient goes with -read; usage: %s", teiSynopsis)
	}
	var opts tei.Options
	if *date != "" {
		d, err := time.Parse(time.DateOnly, *date)
		if err != nil {
			return usagef("-date %q: want a date such as 2026-11-21", *date)
		}
		opts.Date = d
	}
	file, err := readFile(name)
	if err != nil {
		return err
	}
	if *volume != "" {
		vf, err := readFile(*volume)
		if err != nil {
			return err
		}
		if vf.Volume == nil {
			return fmt.Errorf("%s holds a document, not a volume; -volume needs a volume file", *volume)
		}
		opts.Volume = vf.Volume
	}
	switch {
	case *doc != "":
		d, err := file.Document(*doc)
		if err != nil {
			return err
		}
		if opts.Volume == nil {
			opts.Volume = file.Volume
		}
		return tei.Write(out, d, opts)
	case file.Volume != nil:
		if *volume != "" {
			return usagef("%s is a volume file already; -volume goes with a document file", name)
		}
		return tei.WriteVolume(out, file.Volume, file.Documents, opts)
	case len(file.Documents) == 1:
		return tei.Write(out, file.Documents[0], opts)
	}
	_, err = oneDocument(file, "")
	return err
}

// readTEI reads a TEI file and writes its maisky/1 JSON to out.
func readTEI(name string, lenient bool, out *bytes.Buffer, stderr io.Writer) error {
	f, err := openInput(name, teiPerByte)
	if err != nil {
		return err
	}
	defer f.Close()
	file, err := tei.Read(f)
	var skipped *tei.SkipError
	switch {
	case errors.As(err, &skipped) && lenient:
		for _, w := range skipped.Warnings {
			fmt.Fprintf(stderr, "maisky: %s: warning: %s\n", escapeControls(clipArg(name)), escapeControls(w.String()))
		}
		if skipped.More > 0 {
			fmt.Fprintf(stderr, "maisky: %s: warning: and %d more\n", escapeControls(clipArg(name)), skipped.More)
		}
	case errors.As(err, &skipped):
		return fmt.Errorf("%s: %d element(s) not understood, first at %s; use -lenient to write what was understood",
			name, len(skipped.Warnings)+skipped.More, skipped.Warnings[0])
	case err != nil:
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := file.Validate(); err != nil {
		return &fileError{name, fmt.Errorf("the TEI reads as an invalid model: %w", err)}
	}
	return maisky.Write(out, file)
}
