package main

import (
	"bytes"
	"io"

	"github.com/maisky-lib/maisky/cite"
)

// runCSLJSON prints the CSL-JSON array of the documents of the files.
func runCSLJSON(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := csljsonCmd(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

const csljsonSynopsis = "maisky csljson [-form print|archive] [-accessed YYYY-MM-DD] [-archive-names] [-archive NAME] [-volume VOLUME.json] FILE..."

func csljsonCmd(args []string, out *bytes.Buffer, stdout io.Writer) error {
	fs := newFlags("csljson")
	formName := fs.String("form", "print", "print (chapter of the printed volume) or archive (the online archive's document)")
	accessed := fs.String("accessed", "", "access date of the online archive, YYYY-MM-DD (archive form)")
	archiveNames := fs.Bool("archive-names", false, `cite people in the archive's form ("Liakhovetsky, Ivan Mikhailovich (Maisky)")`)
	archive := fs.String("archive", defaultArchive, "the online archive's name, when the file's volume does not give it (archive form)")
	volFile := fs.String("volume", "", "a volume `file` whose book the document files' entries are chapters of")
	if err := parseFlags(fs, args, stdout, csljsonSynopsis); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("want at least one FILE; usage: %s", csljsonSynopsis)
	}
	opts, err := citeOptions(*formName, *accessed, *archiveNames)
	if err != nil {
		return err
	}
	opts.ArchiveName = *archive
	vol, err := readVolume(*volFile)
	if err != nil {
		return err
	}
	enc := cite.NewEncoder(out)
	for _, name := range fs.Args() {
		items, err := documentItems(name, "", vol, opts)
		if err != nil {
			return err
		}
		for i := range items {
			if err := enc.Encode(&items[i]); err != nil {
				return err
			}
		}
	}
	return enc.Close()
}
