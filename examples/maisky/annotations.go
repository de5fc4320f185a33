package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/annotate"
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
	const synopsis = "maisky annotations -viewer USER [-groups G1,G2] [-moderator] -format jsonld|markdown [-doc ID] [-style ID] ANNOTATIONS FILE"
	fs := newFlags("annotations")
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
	if !seen["viewer"] {
		return usagef("-viewer is required (give -viewer \"\" for an anonymous visitor); usage: %s", synopsis)
	}
	if *format != "jsonld" && *format != "markdown" {
		return usagef("-format %q: want jsonld or markdown; usage: %s", annoExcerpt(*format), synopsis)
	}
	st, err := cite.ParseStyle(*style)
	if err != nil {
		return usagef("%v", err)
	}
	if fs.NArg() != 2 {
		return usagef("want ANNOTATIONS and FILE; usage: %s", synopsis)
	}
	src := fs.Arg(0)
	if strings.HasPrefix(src, "sqlite:") || strings.HasPrefix(src, "postgres://") || strings.HasPrefix(src, "postgresql://") {
		return errors.New("maisky: store URLs (sqlite:PATH, postgres://…) need a durable store, which this build does not have; give a JSON-LD file")
	}
	file, err := readFile(fs.Arg(1))
	if err != nil {
		return err
	}
	d, err := oneDocument(file, *doc)
	if err != nil {
		return err
	}
	store, err := annoLoad(src)
	if err != nil {
		return err
	}
	v := annotate.Viewer{User: *viewer, Moderator: *moderator}
	for _, g := range strings.Split(*groups, ",") {
		if g = strings.TrimSpace(g); g != "" {
			v.Groups = append(v.Groups, g)
		}
	}
	q := annotate.Query{Viewer: v, Document: d.ID}
	ctx := context.Background()
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
