package main

import (
	"bytes"
	"io"
	"time"

	"github.com/maisky-lib/maisky/export/ris"
)

// runRIS writes RIS records, one per document of each FILE (a document
// file, or every document of a volume file), in order.
func runRIS(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := risCmd(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func risCmd(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky ris [-kind auto|chapter|manuscript|letter] [-names known|archive] [-accessed YYYY-MM-DD] [-book] FILE..."
	fs := newFlags("ris")
	kind := fs.String("kind", "auto", "record kind of a document: auto (a letter if it has recipients, else a chapter of the printed edition), chapter (CHAP), manuscript (MANSCPT: the archival original) or letter (PCOMM)")
	names := fs.String("names", "known", "form of names: known (Maisky, Ivan) or archive (Liakhovetsky, Ivan Mikhailovich)")
	accessed := fs.String("accessed", "", "access date written as Y2, YYYY-MM-DD (default: none)")
	book := fs.Bool("book", false, "write a BOOK record for the volume of each volume file before its documents")
	if err := parseFlags(fs, args, stdout, synopsis); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("want at least one FILE; usage: %s", synopsis)
	}
	var opts ris.Options
	switch *kind {
	case "auto":
		opts.Kind = ris.KindAuto
	case "chapter":
		opts.Kind = ris.KindChapter
	case "manuscript":
		opts.Kind = ris.KindManuscript
	case "letter":
		opts.Kind = ris.KindLetter
	default:
		return usagef("-kind %q: want auto, chapter, manuscript or letter", *kind)
	}
	switch *names {
	case "known":
		opts.Names = ris.NameKnownAs
	case "archive":
		opts.Names = ris.NameArchive
	default:
		return usagef("-names %q: want known or archive", *names)
	}
	if *accessed != "" {
		t, err := time.Parse("2006-01-02", *accessed)
		if err != nil {
			return usagef("-accessed %q: want a date YYYY-MM-DD such as 2024-05-01", *accessed)
		}
		opts.Accessed = t
	}
	w := ris.NewWriter(out)
	for _, name := range fs.Args() {
		file, err := readFile(name)
		if err != nil {
			return err
		}
		if *book && file.Volume != nil {
			rec, err := ris.VolumeRecord(file.Volume, opts)
			if err != nil {
				return err
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		for _, d := range file.Documents {
			rec, err := ris.DocumentRecord(d, file.Volume, opts)
			if err != nil {
				return err
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
	}
	w.Flush()
	return w.Error()
}
