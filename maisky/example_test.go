package maisky_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// A short entry built in Go: text before the first page marker is the
// partial end of the previous print page; two markers in a row make a plate.
func sampleDocument() *maisky.Document {
	return &maisky.Document{
		ID:      "maisky-1935-03-01-1",
		Title:   "1 March (1)",
		Authors: []maisky.Person{{Family: "Liakhovetsky", Given: "Ivan Mikhailovich", Pseudonym: "Maisky"}},
		Date:    maisky.Date{Year: 1935, Month: 3, Day: 1},
		Versions: []*maisky.Version{{
			Kind: maisky.Translation, Lang: "en",
			Blocks: []maisky.Block{
				&maisky.Heading{Level: 1, Content: []maisky.Inline{&maisky.Text{Value: "1 March"}}},
				&maisky.Paragraph{Content: []maisky.Inline{
					&maisky.Text{Value: "Lunch with Vansittart"},
					&maisky.NoteRef{ID: "n1"},
					&maisky.Text{Value: " ran long, and we spoke of "},
					&maisky.PageBreak{Page: 101},
					&maisky.Text{Value: "the Eastern Pact."},
				}},
				&maisky.Paragraph{Content: []maisky.Inline{
					&maisky.PageBreak{Page: 102},
					&maisky.PageBreak{Page: 103},
					&maisky.Text{Value: "In the evening, a concert."},
				}},
			},
			Footnotes: []*maisky.Footnote{{ID: "n1", Number: 1, Content: []maisky.Inline{
				&maisky.Text{Value: "Robert Vansittart, permanent under-secretary at the Foreign Office."},
			}}},
		}},
	}
}

func ExampleDocument_Pages() {
	d := sampleDocument()
	for _, p := range d.Pages() {
		fmt.Printf("page %d partial=%v empty=%v notes=%d\n", p.Number, p.Partial, p.Empty, len(p.Footnotes))
	}
	// Output:
	// page 100 partial=true empty=false notes=1
	// page 101 partial=false empty=false notes=0
	// page 102 partial=false empty=true notes=0
	// page 103 partial=false empty=false notes=0
}

func ExampleDocument_Extract() {
	d := sampleDocument()
	r, err := maisky.ParsePageRange("101–103")
	if err != nil {
		panic(err)
	}
	x, err := d.Extract(r)
	if err != nil {
		panic(err)
	}
	_ = x.Translation().WriteText(os.Stdout, maisky.TextOptions{})
	_, err = d.Extract(maisky.PageRange{First: 101, Last: 110})
	fmt.Println(err)
	fmt.Println(errors.Is(err, maisky.ErrPageRange))
	// Output:
	// the Eastern Pact.
	//
	// In the evening, a concert.
	// maisky: page range 101–110: page 110 is not in the document; the document has pages 100–103
	// true
}

func ExampleParsePageRange() {
	for _, s := range []string{"59", "59-68", "59–68", "59–", "70-60"} {
		r, err := maisky.ParsePageRange(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r, r.Len())
	}
	// Output:
	// 59 1
	// 59–68 10
	// 59–68 10
	// maisky: page range "59–": open range; give the last page too, as in 59–68
	// maisky: page range "70-60": the range is reversed; write the lower page first
}

func ExampleParsePerson() {
	p, err := maisky.ParsePerson("Liakhovetsky, Ivan Mikhailovich (Maisky)")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Family, "|", p.Given, "|", p.Pseudonym)
	fmt.Println(p)
	fmt.Println(p.KnownAs().DisplayName())
	// Output:
	// Liakhovetsky | Ivan Mikhailovich | Maisky
	// Liakhovetsky, Ivan Mikhailovich (Maisky)
	// Ivan Maisky
}

func ExampleParseDate() {
	d, err := maisky.ParseDate("1934 Dec 31")
	if err != nil {
		panic(err)
	}
	fmt.Println(d.EDTF(), d.Long())
	around := maisky.Date{Year: 1935, Month: 1, Day: 3, Approximate: true}
	fmt.Println(around, around.EDTF())
	// Output:
	// 1934-12-31 31 December 1934
	// ca. 1935 Jan 3 1935-01-03~
}

func ExampleWalk() {
	d := sampleDocument()
	notes := 0
	for _, b := range d.Translation().Blocks {
		_ = maisky.Walk(b, func(n maisky.Node, entering bool) (maisky.WalkStatus, error) {
			if _, ok := n.(*maisky.NoteRef); ok && entering {
				notes++
			}
			return maisky.WalkContinue, nil
		})
	}
	fmt.Println(notes, "footnote anchor")
	// Output:
	// 1 footnote anchor
}

func ExampleRead() {
	const in = `{
  "format": "maisky/1",
  "document": {
    "id": "x",
    "title": "PS 1 October",
    "versions": [
      {
        "kind": "translation",
        "lang": "en",
        "startPage": 210,
        "blocks": [
          {
            "type": "paragraph",
            "contents": ["A postscript."]
          }
        ]
      }
    ]
  }
}`
	_, err := maisky.Read(strings.NewReader(in))
	fmt.Println(err)
	fixed := strings.Replace(in, `"contents"`, `"content"`, 1)
	f, err := maisky.Read(strings.NewReader(fixed))
	if err != nil {
		panic(err)
	}
	fmt.Println(f.Documents[0].Title, f.Documents[0].Pages()[0].Number)
	// Output:
	// maisky: document.versions[0].blocks[0].contents: line 14, column 13: unknown member "contents"; allowed: "type", "level", "content", "continued"
	// PS 1 October 210
}

func ExampleWrite() {
	d := &maisky.Document{ID: "x", Title: "18 December", Date: maisky.Date{Year: 1934, Month: 12, Day: 18}}
	_ = maisky.Write(os.Stdout, &maisky.File{Documents: []*maisky.Document{d}})
	// Output:
	// {
	//   "format": "maisky/1",
	//   "document": {
	//     "id": "x",
	//     "title": "18 December",
	//     "date": "1934-12-18"
	//   }
	// }
}

func ExampleDocument_Validate() {
	d := sampleDocument()
	d.Translation().Footnotes[0].Number = 0
	err := d.Validate()
	var ve *maisky.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// versions[0].footnotes[0].n: footnote numbers start at 1
	// versions[0].blocks[1].content[1]: footnote "n1" is numbered 0 after note 0
}
