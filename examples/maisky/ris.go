package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
)

// runRIS writes RIS records, one per document of each FILE (a document
// file, or every document of a volume file), in order; with -read it
// writes the records of a RIS file as a CSL-JSON array.
func runRIS(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := risCmd(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

const risSynopsis = "maisky ris [-form print|archive] [-kind auto|chapter|manuscript|letter] [-names known|archive | -archive-names] [-accessed YYYY-MM-DD] [-archive NAME] [-volume VOLUME.json] [-book] FILE... | maisky ris -read FILE.ris"

func risCmd(args []string, out *bytes.Buffer, stdout io.Writer) error {
	fs := newFlags("ris")
	read := fs.Bool("read", false, "read the RIS file FILE.ris (ours, Zotero's, EndNote's) and write its records as a CSL-JSON array")
	formName := fs.String("form", "print", "print (chapter of the printed volume) or archive (the online archive's document), as cite and csljson")
	kind := fs.String("kind", "auto", "record kind of a document: auto (the form's: a chapter, or the archive's letter or manuscript), chapter (CHAP), manuscript (MANSCPT) or letter (PCOMM)")
	names := fs.String("names", "known", "form of names: known (Maisky, Ivan) or archive (Liakhovetsky, Ivan Mikhailovich (Maisky))")
	archiveNames := fs.Bool("archive-names", false, "the same as -names archive, as cite and csljson spell it")
	accessed := fs.String("accessed", "", "access date written as Y2 in the archive form, YYYY-MM-DD (default: none)")
	archive := fs.String("archive", defaultArchive, "the online archive's name, when the file's volume does not give it (archive form)")
	volFile := fs.String("volume", "", "a volume `file` whose book the document files' entries are chapters of")
	book := fs.Bool("book", false, "write a BOOK record for the volume of each volume file before its documents")
	if err := parseFlags(fs, args, stdout, risSynopsis); err != nil {
		return err
	}
	if *read {
		set := ""
		fs.Visit(func(f *flag.Flag) {
			if f.Name != "read" && set == "" {
				set = f.Name
			}
		})
		if set != "" {
			return usagef("-read takes no -%s; usage: %s", set, risSynopsis)
		}
		if fs.NArg() != 1 {
			return usagef("-read wants one FILE.ris; usage: %s", risSynopsis)
		}
		return readRIS(fs.Arg(0), out)
	}
	if fs.NArg() == 0 {
		return usagef("want at least one FILE; usage: %s", risSynopsis)
	}
	var opts ris.Options
	form, err := cite.ParseForm(*formName)
	if err != nil {
		return usagef("-form %q: want print or archive", *formName)
	}
	opts.Form = form
	opts.ArchiveName = *archive
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
	if *archiveNames {
		if *names != "known" && *names != "archive" {
			return usagef("-names %q: want known or archive", *names)
		}
		named := false
		fs.Visit(func(f *flag.Flag) { named = named || f.Name == "names" })
		if named && *names == "known" {
			return usagef("-archive-names and -names known contradict each other; usage: %s", risSynopsis)
		}
		*names = "archive"
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
	vol, err := readVolume(*volFile)
	if err != nil {
		return err
	}
	w := ris.NewWriter(out)
	for _, name := range fs.Args() {
		file, err := readFile(name)
		if err != nil {
			return err
		}
		v, err := fileVolume(name, file, vol)
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
			rec, err := ris.DocumentRecord(d, v, opts)
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

// readRIS writes the records of a RIS file as a CSL-JSON array.
func readRIS(name string, out *bytes.Buffer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	items, err := ris.ReadItems(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	enc := cite.NewEncoder(out)
	for i := range items {
		if err := enc.Encode(&items[i]); err != nil {
			return err
		}
	}
	return enc.Close()
}
