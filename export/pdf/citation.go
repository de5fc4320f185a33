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
// cite formats them (a first citation, the full note in Chicago, with the
// page as locator).
func newCiter(doc *maisky.Document, vol *maisky.Volume, style string) (citer, error) {
	st, err := cite.ParseStyle(style)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStyle, err)
	}
	item := citationItem(doc, vol)
	return func(page int) ([]span, error) {
		text, err := cite.Format(item, st, cite.First, cite.Locator{Label: "page", Value: strconv.Itoa(page)})
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

// citationItem returns the citation data of the document.
//
// TODO(cite): package cite does not yet build an Item from a document and
// its volume; this stand-in maps the fields as cite's test items do, until
// it does.
func citationItem(doc *maisky.Document, vol *maisky.Volume) *cite.Item {
	it := &cite.Item{ID: doc.ID, Type: "manuscript", Title: doc.Title, URL: doc.Permalink}
	for _, a := range doc.Authors {
		k := a.KnownAs()
		it.Author = append(it.Author, cite.Name{Family: k.Family, Given: k.Given})
	}
	if vol == nil {
		return it
	}
	it.Type = "chapter"
	it.URL = ""
	if y := doc.Date.Year; y > 0 && doc.Date.Month > 0 {
		it.Title = doc.Title + " " + strconv.Itoa(y)
	}
	it.ContainerTitle = vol.Title
	it.Volume = vol.Number
	for _, p := range vol.Editors {
		it.Editor = append(it.Editor, cite.Name{Family: p.Family, Given: p.Given})
	}
	for _, p := range vol.Translators {
		it.Translator = append(it.Translator, cite.Name{Family: p.Family, Given: p.Given})
	}
	it.Publisher = vol.Publisher
	it.PublisherPlace = vol.Place
	it.Issued = cite.Date{From: cite.DateParts{Year: vol.Year}}
	it.ISBN = vol.ISBN
	if span, ok := doc.PageSpan(); ok {
		it.Page = strconv.Itoa(span.First) + "-" + strconv.Itoa(span.Last)
	}
	return it
}
