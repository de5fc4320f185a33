package pdf_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

// A print service checks the reader's request before anything is rendered:
// the checkbox, then the page cap (which it may lower), then the pages.
func ExamplePageLimitError() {
	doc := &maisky.Document{ID: "d", Title: "31 December", Versions: []*maisky.Version{{
		Kind: maisky.Translation, Lang: "en",
		Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{
			&maisky.PageBreak{Page: 59}, &maisky.Text{Value: "Text of page 59…"},
			&maisky.PageBreak{Page: 60}, &maisky.Text{Value: "…and of page 60."},
		}}},
	}}}
	req := pdf.Request{
		Pages:      maisky.PageRange{First: 59, Last: 60},
		Acceptance: pdf.Acceptance{By: "Ada Lovelace", At: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)},
	}
	err := pdf.Write(io.Discard, doc, req, pdf.Options{MaxPages: 1})
	var limit *pdf.PageLimitError
	if errors.As(err, &limit) {
		fmt.Println(limit.Asked, limit.Max)
	}
	fmt.Println(err)
	// Output:
	// 2 1
	// pdf: pages 59–60 are 2 pages; at most 1 page can be printed at a time
}

// Acceptance records the ticked checkbox: who and when are required.
func ExampleAcceptance_Accepted() {
	fmt.Println(pdf.Acceptance{}.Accepted())
	fmt.Println(pdf.Acceptance{By: "Ada Lovelace"}.Accepted())
	fmt.Println(pdf.Acceptance{By: "Ada Lovelace", At: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC), TermsVersion: "2024-05"}.Accepted())
	// A name needs a visible character: a variation selector and a
	// combining accent alone are no one.
	fmt.Println(pdf.Acceptance{By: "\ufe0f\u0301", At: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)}.Accepted())
	// Output:
	// false
	// false
	// true
	// false
}

// A name in a script the print fonts do not cover is refused before
// anything is printed, naming the character and its script.
func ExampleNameError() {
	doc := &maisky.Document{ID: "d", Title: "31 December", Versions: []*maisky.Version{{
		Kind: maisky.Translation, Lang: "en",
		Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{
			&maisky.PageBreak{Page: 59}, &maisky.Text{Value: "Text of page 59."},
		}}},
	}}}
	at := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"王小明", "محمد"} {
		req := pdf.Request{Pages: maisky.PageRange{First: 59, Last: 59}, Acceptance: pdf.Acceptance{By: name, At: at}}
		err := pdf.Write(io.Discard, doc, req, pdf.Options{})
		var ne *pdf.NameError
		fmt.Println(errors.As(err, &ne), errors.Is(err, pdf.ErrUnprintableName))
		fmt.Println(err)
	}
	// Output:
	// true true
	// pdf: the name of who accepted the terms cannot be printed: 王 (U+738B, Han) is not in the print fonts, which cover Latin, Greek and Cyrillic
	// true true
	// pdf: the name of who accepted the terms cannot be printed: م (U+0645, Arabic) is in a right-to-left script, which the print engine cannot set
}

// A print page too long for MaxSheets PDF pages (here a footnote of a
// megabyte) is refused before any work.
func ExampleSheetLimitError() {
	doc := &maisky.Document{ID: "d", Title: "31 December", Versions: []*maisky.Version{{
		Kind: maisky.Translation, Lang: "en",
		Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{
			&maisky.PageBreak{Page: 59}, &maisky.Text{Value: "Text of page 59."}, &maisky.NoteRef{ID: "n1"},
		}}},
		Footnotes: []*maisky.Footnote{{ID: "n1", Number: 1, Content: []maisky.Inline{&maisky.Text{Value: strings.Repeat("note ", 200_000)}}}},
	}}}
	req := pdf.Request{
		Pages:      maisky.PageRange{First: 59, Last: 59},
		Acceptance: pdf.Acceptance{By: "Ada Lovelace", At: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)},
	}
	err := pdf.Write(io.Discard, doc, req, pdf.Options{})
	var se *pdf.SheetLimitError
	fmt.Println(errors.As(err, &se), errors.Is(err, pdf.ErrTooLong), se.Page, se.Max)
	fmt.Println(err)
	// Output:
	// true true 59 8
	// pdf: print page 59 needs more than 8 PDF pages; a print page may take at most 8
}
