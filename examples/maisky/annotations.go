package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/sqlite"
	"github.com/maisky-lib/maisky/annotate/storeurl"
	"github.com/maisky-lib/maisky/cite"
)

// runAnnotations writes the annotations of a document that a viewer may
// see, as W3C JSON-LD or Markdown.
func runAnnotations(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := annotations(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func annotations(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky annotations -viewer USER [-groups G1,G2] [-moderator] -format jsonld|markdown [-doc ID] [-style ID] ANNOTATIONS FILE" +
		" | -import FILE.jsonld STORE | -export -viewer USER [-groups G1,G2] [-moderator] [-doc ID] STORE"
	fs := newFlags("annotations")
	imp := fs.Bool("import", false, "import the annotations of a JSON-LD file into a STORE, keeping their creators and dates")
	exp := fs.Bool("export", false, "write the annotations of a STORE that the viewer may see, as a W3C JSON-LD collection")
	viewer := fs.String("viewer", "", "the `user` id of the viewer (empty for an anonymous visitor)")
	groups := fs.String("groups", "", "the viewer's private `groups`, comma-separated")
	moderator := fs.Bool("moderator", false, "the viewer is a moderator")
	format := fs.String("format", "", "the output `format`: jsonld or markdown")
	doc := fs.String("doc", "", "the document with this `id` of a volume file")
	style := fs.String("style", string(cite.ChicagoNotes), "the citation `style` of the Markdown")
	id := fs.String("id", annotate.DefaultCollectionID, "the collection's `IRI` (jsonld)")
	if err := parseFlags(fs, annoFlagsFirst(fs, args), stdout, synopsis); err != nil {
		return err
	}
	seen := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { seen[f.Name] = true })
	switch {
	case *imp && *exp:
		return usagef("-import and -export go one at a time; usage: %s", synopsis)
	case *imp:
		if fs.NArg() != 2 || !storeurl.IsURL(fs.Arg(1)) {
			return usagef("-import wants FILE.jsonld and a STORE URL (sqlite:PATH, postgres://…); usage: %s", synopsis)
		}
		return annoImport(fs.Arg(0), fs.Arg(1), out)
	}
	if !seen["viewer"] {
		return usagef("-viewer is required (give -viewer \"\" for an anonymous visitor); usage: %s", synopsis)
	}
	st, err := cite.ParseStyle(*style)
	if err != nil {
		return usagef("%v", err)
	}
	v := annotate.Viewer{User: *viewer, Moderator: *moderator}
	for _, g := range strings.Split(*groups, ",") {
		if g = strings.TrimSpace(g); g != "" {
			v.Groups = append(v.Groups, g)
		}
	}
	ctx := context.Background()
	if *exp {
		if fs.NArg() != 1 || !storeurl.IsURL(fs.Arg(0)) {
			return usagef("-export wants one STORE URL (sqlite:PATH, postgres://…); usage: %s", synopsis)
		}
		store, err := annoOpen(ctx, fs.Arg(0), false)
		if err != nil {
			return err
		}
		defer store.Close()
		return annotate.WriteJSONLD(ctx, out, store, annotate.Query{Viewer: v, Document: *doc}, annotate.JSONLDOptions{ID: *id, Label: "Annotations"})
	}
	if *format != "jsonld" && *format != "markdown" {
		return usagef("-format %q: want jsonld or markdown; usage: %s", annoExcerpt(*format), synopsis)
	}
	if fs.NArg() != 2 {
		return usagef("want ANNOTATIONS and FILE; usage: %s", synopsis)
	}
	src := fs.Arg(0)
	file, err := readFile(fs.Arg(1))
	if err != nil {
		return err
	}
	d, err := oneDocument(file, *doc)
	if err != nil {
		return err
	}
	var store annotate.Store
	if storeurl.IsURL(src) {
		s, err := annoOpen(ctx, src, false)
		if err != nil {
			return err
		}
		defer s.Close()
		store = s
	} else if store, err = annoLoad(src); err != nil {
		return err
	}
	q := annotate.Query{Viewer: v, Document: d.ID}
	if *format == "jsonld" {
		return annotate.WriteJSONLD(ctx, out, store, q, annotate.JSONLDOptions{ID: *id, Label: "Annotations on " + d.Title})
	}
	return annotate.WriteMarkdown(ctx, out, store, q, d, file.Volume, annotate.MarkdownOptions{Style: st})
}

// annoRead reads a W3C JSON-LD file of annotations.
func annoRead(name string, opts annotate.ReadOptions) ([]*annotate.Annotation, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	as, err := annotate.ReadJSONLD(f, opts)
	if err != nil {
		return nil, &fileError{name, err}
	}
	return as, nil
}

// annoLoad reads a JSON-LD file into an in-memory store, annotations
// before replies.
func annoLoad(name string) (*annotate.Memory, error) {
	as, err := annoRead(name, annotate.ReadOptions{})
	if err != nil {
		return nil, err
	}
	s := annotate.NewMemory(annotate.MemoryOptions{})
	for pass := range 2 {
		for _, a := range as {
			if (a.ReplyTo != "") != (pass == 1) {
				continue
			}
			if err := s.Import(context.Background(), a); err != nil {
				return nil, &fileError{name, err}
			}
		}
	}
	return s, nil
}

// annoOpen opens a store URL; its errors name the store without its
// password.
func annoOpen(ctx context.Context, url string, create bool) (storeurl.Store, error) {
	s, err := storeurl.Open(ctx, url, storeurl.Options{SQLite: sqlite.Options{NoCreate: !create}})
	if err != nil {
		return nil, &fileError{annoRedact(url), err}
	}
	return s, nil
}

// annoRedact hides the password of a postgres:// URL.
func annoRedact(url string) string {
	if i := strings.Index(url, "://"); i >= 0 {
		if at := strings.LastIndex(url, "@"); at > i {
			if c := strings.Index(url[i+3:at], ":"); c >= 0 {
				return url[:i+3+c] + ":…" + url[at:]
			}
		}
	}
	return url
}

// annoImport imports a JSON-LD file into a store in one transaction,
// annotations before replies, keeping their creators, dates, moderation
// and revisions.
func annoImport(name, url string, out *bytes.Buffer) error {
	as, err := annoRead(name, annotate.ReadOptions{})
	if err != nil {
		return err
	}
	ordered := make([]*annotate.Annotation, 0, len(as))
	for pass := range 2 {
		for _, a := range as {
			if (a.ReplyTo != "") == (pass == 1) {
				ordered = append(ordered, a)
			}
		}
	}
	ctx := context.Background()
	s, err := annoOpen(ctx, url, true)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.ImportAll(ctx, ordered); err != nil {
		return &fileError{name, err}
	}
	fmt.Fprintf(out, "imported %d annotations into %s\n", len(ordered), annoRedact(url))
	return nil
}
