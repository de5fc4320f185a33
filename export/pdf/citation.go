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

// newCiter prepares the citations of doc, in vol, in a CSL style. A
// printed page must identify its source, so the footer cites the document
// in full whatever the style: package cite builds the citation data (the
// entry as a chapter of the printed volume, or as an archive manuscript
// without a volume) and formats it as a full note with the page as locator
// in the Chicago notes styles; in the others (shortened notes, author-date,
// MLA) as the bibliography entry followed by the style's own citation of
// the page. archiveName names the online archive for a document without
// its volume (cite.Options.ArchiveName).
func newCiter(doc *maisky.Document, vol *maisky.Volume, style, archiveName string) (citer, error) {
	st, err := cite.ParseStyle(style)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStyle, err)
	}
	item, err := cite.FromDocument(doc, vol, cite.Options{ArchiveName: archiveName})
	if err != nil {
		return nil, err
	}
	var entry []span
	if !st.FullNote() {
		text, err := cite.Format(&item, st, cite.Bibliography, cite.Locator{})
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrStyle, err)
		}
		entry = spansOf(text, nil)
		if n := len(entry); n > 0 {
			entry = append(entry, span{text: " "})
		}
	}
	return func(page int) ([]span, error) {
		text, err := cite.Format(&item, st, cite.First, cite.Locator{Label: "page", Value: strconv.Itoa(page)})
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrStyle, err)
		}
		out := spansOf(text, entry[:len(entry):len(entry)])
		if len(out) == 0 {
			return nil, errors.New("pdf: empty citation")
		}
		return out, nil
	}, nil
}

// spansOf appends the spans of a formatted citation to dst.
func spansOf(text cite.Text, dst []span) []span {
	for _, s := range text.Spans() {
		dst = append(dst, span{text: s.Text, italic: s.Decoration&cite.Italic != 0})
	}
	return dst
}
