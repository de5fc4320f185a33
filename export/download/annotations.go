package download

import (
	"context"
	"io"

	"github.com/maisky-lib/maisky/maisky"
)

// AnnotationExporter writes the annotations a viewer may see on a
// document, for the handler's annotations endpoint. f is Annotations (W3C
// Web Annotation JSON-LD, an AnnotationCollection) or AnnotationsMarkdown.
// viewer is what Options.Viewer returned for the request ("" for an
// anonymous visitor): the exporter decides what that viewer may see. An
// error is answered with 500 and a generic message.
type AnnotationExporter interface {
	ExportAnnotations(ctx context.Context, w io.Writer, doc *maisky.Document, viewer string, f Format) error
}
