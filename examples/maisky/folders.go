package main

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/storeurl"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
)

// runFolders lists a reader's folders in a store, or exports one.
func runFolders(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := folders(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

const foldersSynopsis = "maisky folders -viewer USER [-moderator] [-group G] STORE" +
	" | -viewer USER [-moderator] (-folder ID | -unfiled) [-subfolders] -format bibliography|csljson|ris|jsonld [-style ID] [-markup text|html|markdown] [-form print|archive] STORE FILE..."

func folders(args []string, out *bytes.Buffer, stdout io.Writer) error {
	fs := newFlags("folders")
	viewer := fs.String("viewer", "", "the `user` id of the reader (their groups come from the store)")
	moderator := fs.Bool("moderator", false, "the viewer is a moderator")
	group := fs.String("group", "", "list the folders of this `group` instead of the reader's own")
	folder := fs.String("folder", "", "export the folder with this `id`")
	unfiled := fs.Bool("unfiled", false, "export the reader's unfiled items")
	subfolders := fs.Bool("subfolders", false, "take the items of the folder's subfolders too")
	format := fs.String("format", "", "export as bibliography, csljson, ris or jsonld (the annotations saved in it)")
	style := fs.String("style", string(cite.ChicagoNotes), "the citation `style` of a bibliography")
	markup := fs.String("markup", "text", "a bibliography's markup: text, html or markdown")
	formName := fs.String("form", "print", "print (chapter of the printed volume) or archive (the online archive's document)")
	if err := parseFlags(fs, annoFlagsFirst(fs, args), stdout, foldersSynopsis); err != nil {
		return err
	}
	if *viewer == "" {
		return usagef("-viewer is required (folders belong to a logged-in reader); usage: %s", foldersSynopsis)
	}
	if fs.NArg() < 1 || !storeurl.IsURL(fs.Arg(0)) {
		return usagef("want a STORE URL (sqlite:PATH, postgres://…); usage: %s", foldersSynopsis)
	}
	exporting := *folder != "" || *unfiled || *format != ""
	if !exporting {
		if fs.NArg() != 1 {
			return usagef("listing takes only the STORE; usage: %s", foldersSynopsis)
		}
	} else {
		switch {
		case *folder != "" && *unfiled:
			return usagef("-folder and -unfiled go one at a time; usage: %s", foldersSynopsis)
		case *folder == "" && !*unfiled:
			return usagef("-format exports a -folder ID or the -unfiled items; usage: %s", foldersSynopsis)
		case *group != "":
			return usagef("-group lists a group's folders; export one with -folder ID; usage: %s", foldersSynopsis)
		}
		switch *format {
		case "bibliography", "csljson", "ris", "jsonld":
		default:
			return usagef("-format %q: want bibliography, csljson, ris or jsonld; usage: %s", annoExcerpt(*format), foldersSynopsis)
		}
		if *format != "jsonld" && fs.NArg() < 2 {
			return usagef("-format %s needs the FILEs of the saved documents; usage: %s", *format, foldersSynopsis)
		}
	}
	st, err := cite.ParseStyle(*style)
	if err != nil {
		return usagef("%v", err)
	}
	mk, err := cite.ParseOutputFormat(*markup)
	if err != nil {
		return usagef("%v", err)
	}
	form, err := cite.ParseForm(*formName)
	if err != nil {
		return usagef("%v", err)
	}
	var files annotate.Files
	for _, name := range fs.Args()[1:] {
		f, err := readFile(name)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	ctx := context.Background()
	store, err := annoOpen(ctx, fs.Arg(0), false)
	if err != nil {
		return err
	}
	defer store.Close()
	lib, ok := store.(annotate.Library)
	if !ok {
		return fmt.Errorf("maisky: %s: the store keeps no library", annoRedact(fs.Arg(0)))
	}
	v, err := lib.Viewer(ctx, annotate.Viewer{User: *viewer, Moderator: *moderator})
	if err != nil {
		return err
	}
	if !exporting {
		return listFolders(ctx, out, lib, v, *group)
	}
	id := *folder // "" is the unfiled list
	fo := annotate.FolderOptions{Subfolders: *subfolders}
	copts := cite.Options{Form: form, ArchiveName: defaultArchive}
	switch *format {
	case "bibliography":
		return annotate.WriteFolderBibliography(ctx, out, lib, files, v, id, annotate.BibliographyOptions{Style: st, Format: mk, Cite: copts, FolderOptions: fo})
	case "csljson":
		return annotate.WriteFolderCSLJSON(ctx, out, lib, files, v, id, copts, fo)
	case "ris":
		w := ris.NewWriter(out)
		for fd, err := range annotate.FolderDocuments(ctx, lib, files, v, id, fo) {
			if err != nil {
				return err
			}
			rec, err := ris.DocumentRecord(fd.Document, fd.Volume, ris.Options{})
			if err != nil {
				return err
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	}
	label := "Annotations saved in the unfiled list"
	if id != "" {
		f, err := lib.Folder(ctx, v, id)
		if err != nil {
			return err
		}
		label = "Annotations saved in " + f.Name
	}
	return annotate.WriteFolderAnnotations(ctx, out, lib, store, v, id, fo, annotate.JSONLDOptions{ID: annotate.DefaultCollectionID, Label: label})
}

// listFolders writes one line per folder, depth first:
// ID<TAB>ITEMS<TAB>PATH, PATH the folder names from the top joined by
// " / "; the reader's own list starts with the unfiled items, "-" as ID.
func listFolders(ctx context.Context, out *bytes.Buffer, lib annotate.Library, v annotate.Viewer, group string) error {
	fs, err := lib.Folders(ctx, v, group)
	if err != nil {
		return err
	}
	count := func(id string) (int, error) {
		n := 0
		for _, err := range annotate.FolderItems(ctx, lib, v, id, annotate.FolderOptions{}) {
			if err != nil {
				return 0, err
			}
			n++
		}
		return n, nil
	}
	if group == "" {
		n, err := count("")
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "-\t%d\t(unfiled)\n", n)
	}
	path := map[string]string{}
	for _, f := range fs {
		p := f.Name
		if f.Parent != "" {
			p = path[f.Parent] + " / " + p
		}
		path[f.ID] = p
		n, err := count(f.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s\t%d\t%s\n", f.ID, n, p)
	}
	return nil
}
