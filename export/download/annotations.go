package download

import (
	"bytes"
	"context"
	"errors"
	"net/http"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// viewer is who sends r, by Options.Viewer; anonymous without it.
func (h *Handler) viewer(r *http.Request) annotate.Viewer {
	if h.opts.Viewer == nil {
		return annotate.Viewer{}
	}
	return h.opts.Viewer(r)
}

// writeAnnotations exports the annotations on doc that the request's viewer
// may see: a W3C AnnotationCollection (JSON-LD) or Markdown by print page.
func (h *Handler) writeAnnotations(ctx context.Context, buf *bytes.Buffer, r *http.Request, doc *maisky.Document, vol *maisky.Volume, f Format) error {
	q := annotate.Query{Viewer: h.viewer(r), Document: doc.ID}
	if f == AnnotationsMarkdown {
		return annotate.WriteMarkdown(ctx, buf, h.opts.Annotations, q, doc, vol, annotate.MarkdownOptions{Cite: h.opts.Cite})
	}
	o := h.opts.AnnotationJSONLD
	if o.ID == "" {
		o.ID = annotate.DefaultCollectionID + ":" + doc.ID
	}
	if o.Label == "" {
		o.Label = "Annotations on " + doc.Title
	}
	return annotate.WriteJSONLD(ctx, buf, h.opts.Annotations, q, o)
}

// annotationError answers a failed export: a timeout is 503, the rest 500.
func (h *Handler) annotationError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		writeProblem(w, r, http.StatusServiceUnavailable, "timeout", "Try again", "The annotations took too long to gather.")
		return
	}
	h.internal(w, r, err)
}
