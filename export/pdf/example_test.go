package pdf_test

import (
	"errors"
	"fmt"
	"io"
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
	// Output:
	// false
	// false
	// true
}
