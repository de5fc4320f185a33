package pdf

import (
	"strconv"

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

// newCiter prepares the citations of doc, in vol, in a CSL style.
//
// TODO(cite): package cite does not yet offer a formatter; this stand-in
// names the document and the page only, until it does.
func newCiter(doc *maisky.Document, vol *maisky.Volume, style string) (citer, error) {
	title := doc.Title
	return func(page int) ([]span, error) {
		sp := []span{{text: "“" + title + "”, "}}
		if vol != nil {
			sp = append(sp, span{text: vol.FullTitle(), italic: true}, span{text: ", "})
		}
		sp = append(sp, span{text: strconv.Itoa(page) + "."})
		return sp, nil
	}, nil
}
