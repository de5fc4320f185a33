package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// runCite prints one citation per document of FILE (or, with -csl, per
// CSL-JSON item of FILE), one per line, in input order.
func runCite(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := citeCmd(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

const citeSynopsis = "maisky cite -style ID|FILE.csl [-locales DIR] -mode bibliography|first|subsequent [-locator L] [-label page] [-format text|html|markdown] [-csl] [-form print|archive] [-accessed YYYY-MM-DD] [-archive-names] [-archive NAME] [-doc ID] [-volume VOLUME.json] FILE"

func citeCmd(args []string, out *bytes.Buffer, stdout io.Writer) error {
	fs := newFlags("cite")
	styleID := fs.String("style", "", "CSL style id ("+styleIDs()+") or the path of a CSL 1.0.2 style file (FILE.csl)")
	locales := fs.String("locales", "", "with -style FILE.csl: a folder of CSL locale files (locales-xx-XX.xml)")
	modeName := fs.String("mode", "", "bibliography, first or subsequent")
	locator := fs.String("locator", "", "pinpoint: a page, a page range (103-104) or another locator")
	label := fs.String("label", "page", "CSL locator label of -locator: "+strings.Join(cite.LocatorLabels(), ", "))
	formatName := fs.String("format", "text", "text, html or markdown")
	csl := fs.Bool("csl", false, "FILE is a CSL-JSON array of items, not a maisky/1 file")
	formName := fs.String("form", "print", "print (chapter of the printed volume) or archive (the online archive's document)")
	accessed := fs.String("accessed", "", "access date of the online archive, YYYY-MM-DD (archive form)")
	archiveNames := fs.Bool("archive-names", false, `cite people in the archive's form ("Liakhovetsky, Ivan Mikhailovich (Maisky)")`)
	archive := fs.String("archive", defaultArchive, "the online archive's name, when the file's volume does not give it (archive form)")
	docID := fs.String("doc", "", "in a volume file, cite only this document")
	volFile := fs.String("volume", "", "a volume `file` whose book a document file's entries are chapters of")
	if err := parseFlags(fs, args, stdout, citeSynopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", citeSynopsis)
	}
	if *styleID == "" {
		return usagef("-style is required; styles are %s", styleIDs())
	}
	cslFile := isCSLFile(*styleID)
	if *locales != "" && !cslFile {
		return usagef("-locales goes with -style FILE.csl, not a built-in style")
	}
	style, err := cite.ParseStyle(*styleID)
	if err != nil && !cslFile {
		return usagef("unknown style %q; styles are %s (or a FILE.csl)", *styleID, styleIDs())
	}
	if *modeName == "" {
		return usagef("-mode is required: bibliography, first or subsequent")
	}
	mode, err := cite.ParseMode(*modeName)
	if err != nil {
		return usagef("unknown mode %q; modes are bibliography, first, subsequent", *modeName)
	}
	format, err := cite.ParseOutputFormat(*formatName)
	if err != nil {
		return usagef("unknown format %q; formats are text, html, markdown", *formatName)
	}
	if _, err := cite.ParseLabel(*label); err != nil {
		return usagef("unknown locator label %q; labels are %s", *label, strings.Join(cite.LocatorLabels(), ", "))
	}
	if err := noControls("locator", *locator); err != nil {
		return err
	}
	if *locator != "" && mode == cite.Bibliography {
		return usagef("-locator is for citations (-mode first or subsequent), not bibliography entries")
	}
	opts, err := citeOptions(*formName, *accessed, *archiveNames)
	if err != nil {
		return err
	}
	opts.ArchiveName = *archive
	var items []cite.Item
	if *csl {
		if *docID != "" || *volFile != "" {
			return usagef("-doc and -volume go with a maisky/1 file, not with -csl")
		}
		items, err = readCSL(fs.Arg(0))
	} else {
		var vol *maisky.Volume
		if vol, err = readVolume(*volFile); err == nil {
			items, err = documentItems(fs.Arg(0), *docID, vol, opts)
		}
	}
	if err != nil {
		return err
	}
	loc := cite.Locator{Label: *label, Value: *locator}
	if cslFile {
		return writeCSLCitations(out, *styleID, *locales, items, mode, loc, format)
	}
	for i := range items {
		t, err := cite.Format(&items[i], style, mode, loc)
		if err != nil {
			return err
		}
		switch format {
		case cite.HTML:
			out.WriteString(oneLine(t.HTML()))
		case cite.Markdown:
			out.WriteString(oneLine(t.Markdown()))
		default:
			out.WriteString(oneLine(t.String()))
		}
		out.WriteByte('\n')
	}
	return nil
}

// defaultArchive is the online archive the fixtures come from.
const defaultArchive = "Stalin Digital Archive"

func styleIDs() string {
	ids := make([]string, 0, 5)
	for _, s := range cite.Styles() {
		ids = append(ids, string(s))
	}
	return strings.Join(ids, ", ")
}

func citeOptions(form, accessed string, archiveNames bool) (cite.Options, error) {
	opts := cite.Options{ArchiveNames: archiveNames}
	f, err := cite.ParseForm(form)
	if err != nil {
		return opts, usagef("unknown -form %q; forms are print, archive", form)
	}
	opts.Form = f
	if accessed != "" {
		t, err := time.Parse("2006-01-02", accessed)
		if err != nil {
			return opts, usagef("bad -accessed %q; want a date YYYY-MM-DD", accessed)
		}
		opts.Accessed = t
	}
	return opts, nil
}

// readVolume reads the volume file of -volume; "" gives nil.
func readVolume(name string) (*maisky.Volume, error) {
	if name == "" {
		return nil, nil
	}
	vf, err := readFile(name)
	if err != nil {
		return nil, err
	}
	if vf.Volume == nil {
		return nil, fmt.Errorf("%s holds a document, not a volume; -volume needs a volume file", name)
	}
	return vf.Volume, nil
}

// fileVolume returns the volume a file's documents belong to: the file's
// own, else vol (from -volume). A volume file given with -volume is a usage
// error.
func fileVolume(name string, file *maisky.File, vol *maisky.Volume) (*maisky.Volume, error) {
	if file.Volume == nil {
		return vol, nil
	}
	if vol != nil {
		return nil, usagef("%s is a volume file already; -volume goes with a document file", name)
	}
	return file.Volume, nil
}

// documentItems reads a maisky/1 file and returns the Items of its
// documents (or of the one named by id); vol is the volume of a document
// file (-volume), nil if not given.
func documentItems(name, id string, vol *maisky.Volume, opts cite.Options) ([]cite.Item, error) {
	file, err := readFile(name)
	if err != nil {
		return nil, err
	}
	if vol, err = fileVolume(name, file, vol); err != nil {
		return nil, err
	}
	docs, err := selectDocuments(file, id)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, errors.New(name + " holds no document to cite")
	}
	items := make([]cite.Item, 0, len(docs))
	for _, d := range docs {
		it, err := cite.FromDocument(d, vol, opts)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	return items, nil
}

// readCSL reads a CSL-JSON array of items.
func readCSL(name string) ([]cite.Item, error) {
	f, err := openInput(name, csljsonPerByte)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	items, err := cite.ReadCSLJSON(f)
	if err != nil {
		return nil, fmt.Errorf("maisky: %s: %w", name, err)
	}
	return items, nil
}
