package cite_test

import (
	"fmt"

	"github.com/maisky-lib/maisky/cite"
)

// A style menu lists the built-in styles by CSL id, each with its title,
// as the official style files name them.
func ExampleStyle_Title() {
	for _, s := range cite.Styles() {
		fmt.Printf("%s: %s\n", s, s.Title())
	}
	// Output:
	// chicago-notes-bibliography: Chicago Manual of Style 18th edition (notes and bibliography)
	// chicago-notes-bibliography-17th-edition: Chicago Manual of Style 17th edition (notes and bibliography)
	// chicago-shortened-notes-bibliography: Chicago Manual of Style 18th edition (shortened notes and bibliography)
	// chicago-author-date: Chicago Manual of Style 18th edition (author-date)
	// modern-language-association: MLA Handbook 9th edition (in-text citations)
}

// A printed page must identify its source: a style whose first citation
// is a full note can stand alone; the others need the entry beside the
// citation.
func ExampleStyle_FullNote() {
	for _, s := range cite.Styles() {
		fmt.Printf("%s: %v\n", s, s.FullNote())
	}
	// Output:
	// chicago-notes-bibliography: true
	// chicago-notes-bibliography-17th-edition: true
	// chicago-shortened-notes-bibliography: false
	// chicago-author-date: false
	// modern-language-association: false
}
