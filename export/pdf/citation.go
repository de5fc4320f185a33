package pdf

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// span is a run of footer text: a citation comes as rich text whose
// italic spans (the book's title) are set in italics.
type span struct {
	text   string
	italic bool
}

// citer returns the footer citation of the document with a print page as
// the locator.
type citer func(page int) ([]span, error)

// newCiter prepares the citations of doc, in vol, in a CSL style: package
// cite builds the citation data (the entry as a chapter of the printed
// volume, or as an archive manuscript without a volume) and formats it as a
// first citation (the full note in Chicago) with the page as locator.
func newCiter(doc *maisky.Document, vol *maisky.Volume, style string) (citer, error) {
	st, err := cite.ParseStyle(style)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStyle, err)
	}
	item, err := cite.FromDocument(doc, vol, cite.Options{})
	if err != nil {
		return nil, err
	}
	return func(page int) ([]span, error) {
		text, err := cite.Format(&item, st, cite.First, cite.Locator{Label: "page", Value: strconv.Itoa(page)})
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrStyle, err)
		}
		spans := text.Spans()
		out := make([]span, len(spans))
		for i, s := range spans {
			out[i] = span{text: s.Text, italic: s.Decoration&cite.Italic != 0}
		}
		if len(out) == 0 {
			return nil, errors.New("pdf: empty citation")
		}
		return out, nil
	}, nil
}
