package annotate

import (
	"bufio"
	"context"
	"errors"
	"io"
	"iter"
	"strconv"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// DocumentSource finds the documents that saved items name, with the
// volume each belongs to (nil if none). A document it does not have is an
// error that unwraps to ErrNotFound.
type DocumentSource interface {
	Document(ctx context.Context, id string) (*maisky.Document, *maisky.Volume, error)
}

// Files is a DocumentSource over maisky files (documents and volumes).
type Files []*maisky.File

// Document implements DocumentSource: the first file that has the
// document, with its volume.
func (fs Files) Document(ctx context.Context, id string) (*maisky.Document, *maisky.Volume, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for _, f := range fs {
		if f == nil {
			continue
		}
		if d, err := f.Document(id); err == nil {
			return d, f.Volume, nil
		}
	}
	return nil, nil, &NotFoundError{Kind: "document"}
}

// FolderOptions say which items of a folder an export takes. The zero
// value takes the folder's own items.
type FolderOptions struct {
	// Subfolders takes the items of its subfolders too, depth first after
	// the folder's own.
	Subfolders bool
}

// FolderItems returns the items of a folder ("" for the viewer's unfiled
// list) that v may see, in Position order, page by page from the library
// (and with Subfolders those of its subfolders, depth first). It stops at
// the first error, which it yields.
func FolderItems(ctx context.Context, lib Library, v Viewer, folder string, opts FolderOptions) iter.Seq2[*Item, error] {
	return func(yield func(*Item, error) bool) {
		folders := []string{folder}
		if opts.Subfolders && folder != "" {
			f, err := lib.Folder(ctx, v, folder)
			if err != nil {
				yield(nil, err)
				return
			}
			all, err := lib.Folders(ctx, v, f.Group)
			if err != nil {
				yield(nil, err)
				return
			}
			in := map[string]bool{folder: true}
			for _, x := range all { // depth first: parents come before children
				if x.ID != folder && in[x.Parent] {
					in[x.ID] = true
					folders = append(folders, x.ID)
				}
			}
		}
		for _, id := range folders {
			q := ItemQuery{Folder: id, Limit: MaxLimit}
			for {
				res, err := lib.Items(ctx, v, q)
				if err != nil {
					yield(nil, err)
					return
				}
				for _, it := range res.Items {
					if !yield(it, nil) {
						return
					}
				}
				if res.Next == "" || len(res.Items) == 0 {
					break
				}
				q.Cursor = res.Next
			}
		}
	}
}

// FolderDocuments returns the documents saved in a folder, each once (in
// the order of its first item), with its volume: what a bibliography, a
// CSL-JSON or a RIS export of the folder holds (for RIS, write each with
// export/ris.DocumentRecord). A document src does not have stops it with
// the error of src.
func FolderDocuments(ctx context.Context, lib Library, src DocumentSource, v Viewer, folder string, opts FolderOptions) iter.Seq2[FolderDocument, error] {
	return func(yield func(FolderDocument, error) bool) {
		seen := map[string]bool{}
		for it, err := range FolderItems(ctx, lib, v, folder, opts) {
			if err != nil {
				yield(FolderDocument{}, err)
				return
			}
			if seen[it.Document] {
				continue
			}
			seen[it.Document] = true
			d, vol, err := src.Document(ctx, it.Document)
			if err != nil {
				yield(FolderDocument{}, &FolderError{Document: it.Document, Err: err})
				return
			}
			if !yield(FolderDocument{Document: d, Volume: vol, Item: it}, nil) {
				return
			}
		}
	}
}

// FolderDocument is a document saved in a folder: the document, its
// volume (nil if none) and the first item that saved it.
type FolderDocument struct {
	Document *maisky.Document
	Volume   *maisky.Volume
	Item     *Item
}

// FolderError reports a saved document that the document source does not
// have. It unwraps to the source's error (ErrNotFound).
type FolderError struct {
	Document string
	Err      error
}

// Error names the document.
func (e *FolderError) Error() string {
	return "annotate: saved document " + strconv.Quote(e.Document) + ": " + e.Err.Error()
}

// Unwrap returns the source's error.
func (e *FolderError) Unwrap() error { return e.Err }

// BibliographyOptions configure WriteFolderBibliography. The zero value is
// plain text in the default style (cite.ChicagoNotes) of the printed
// edition.
type BibliographyOptions struct {
	// Style is any style cite renders; "" is cite.ChicagoNotes.
	Style cite.Style
	// Format is the output format (text, HTML or Markdown).
	Format cite.OutputFormat
	// Cite is how documents become citation items (print or archive
	// form).
	Cite cite.Options
	FolderOptions
}

// WriteFolderBibliography writes the bibliography of the documents saved
// in a folder v may see, each once, sorted as the style sorts
// (cite.WriteBibliography), one entry a line. The entries are sorted, so
// the documents' citation items are held in memory (one small struct per
// document); the output is streamed.
func WriteFolderBibliography(ctx context.Context, w io.Writer, lib Library, src DocumentSource, v Viewer, folder string, opts BibliographyOptions) error {
	style := opts.Style
	if style == "" {
		style = cite.ChicagoNotes
	}
	if _, err := cite.ParseStyle(string(style)); err != nil {
		return err
	}
	var items []cite.Item
	for fd, err := range FolderDocuments(ctx, lib, src, v, folder, opts.FolderOptions) {
		if err != nil {
			return err
		}
		it, err := cite.FromDocument(fd.Document, fd.Volume, opts.Cite)
		if err != nil {
			return err
		}
		items = append(items, it)
	}
	return cite.WriteBibliography(w, items, style, opts.Format)
}

// WriteFolderCSLJSON writes the CSL-JSON items of the documents saved in
// a folder v may see, each once, in the folder's order, streamed.
func WriteFolderCSLJSON(ctx context.Context, w io.Writer, lib Library, src DocumentSource, v Viewer, folder string, opts cite.Options, fo FolderOptions) error {
	bw := bufio.NewWriter(w)
	enc := cite.NewEncoder(bw)
	for fd, err := range FolderDocuments(ctx, lib, src, v, folder, fo) {
		if err != nil {
			return err
		}
		it, err := cite.FromDocument(fd.Document, fd.Volume, opts)
		if err != nil {
			return err
		}
		if err := enc.Encode(&it); err != nil {
			return err
		}
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteFolderAnnotations writes the annotations saved in a folder that v
// may see, as a W3C AnnotationCollection (the form of WriteJSONLD), in
// the folder's order, streamed. v should be resolved (Library.Viewer); an
// annotation v may not see is left out, as if it were not saved.
func WriteFolderAnnotations(ctx context.Context, w io.Writer, lib Library, s Store, v Viewer, folder string, fo FolderOptions, opts JSONLDOptions) error {
	e := newLDWriter(w, opts)
	e.collectionStart()
	n := 0
	seen := map[string]bool{}
	for it, err := range FolderItems(ctx, lib, v, folder, fo) {
		if err != nil {
			return err
		}
		if it.Annotation == "" || seen[it.Annotation] {
			continue
		}
		seen[it.Annotation] = true
		a, err := s.Annotation(ctx, v, it.Annotation)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		if !v.Sees(a) {
			continue
		}
		if n == 0 {
			e.pageStart(1)
		}
		e.item(n, a)
		n++
		if e.err != nil {
			return e.err
		}
	}
	if n > 0 {
		e.pageEnd()
	}
	e.raw(",\n  \"total\": ")
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
	e.raw("\n}\n")
	e.flush()
	return e.err
}
