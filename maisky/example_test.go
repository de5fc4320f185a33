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

func ExampleVolume_Next() {
	v := &maisky.Volume{Title: "The Complete Maisky Diaries", Number: "1", Contents: []maisky.Entry{
		{ID: "maisky-1934-12-27", Label: "27 December", Date: maisky.Date{Year: 1934, Month: 12, Day: 27}},
		{ID: "maisky-1934-12-31", Label: "31 December", Date: maisky.Date{Year: 1934, Month: 12, Day: 31}},
		{ID: "maisky-1935-01-08", Label: "8 January", Date: maisky.Date{Year: 1935, Month: 1, Day: 8}},
	}}
	fmt.Println(v.FullTitle())
	prev, _ := v.Prev("maisky-1934-12-31")
	next, _ := v.Next("maisky-1934-12-31")
	fmt.Println("previous:", prev.Label, "next:", next.Label, next.Date.Year)
	_, ok := v.Next("maisky-1935-01-08")
	fmt.Println(ok)
	// Output:
	// The Complete Maisky Diaries: Volume 1
	// previous: 27 December next: 8 January 1935
	// false
}

func ExampleWriteText() {
	d := sampleDocument()
	_ = maisky.WriteText(os.Stdout, d.Translation().Blocks, d.Translation().Footnotes, maisky.TextOptions{})
	// Output:
	// 1 March
	//
	// Lunch with Vansittart[1] ran long, and we spoke of the Eastern Pact.
	//
	// In the evening, a concert.
	//
	// [1] Robert Vansittart, permanent under-secretary at the Foreign Office.
}

func ExampleInlineText() {
	title := []maisky.Inline{&maisky.Text{Value: "Review of "}, &maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "The Times"}}}}
	fmt.Println(maisky.InlineText(title))
	// Output:
	// Review of The Times
}

func ExampleWords() {
	d := sampleDocument()
	for _, p := range d.Pages() {
		fmt.Println(p.Number, maisky.Words(p.Blocks))
	}
	// Output:
	// 100 11
	// 101 3
	// 102 0
	// 103 5
}

func ExampleParseEDTF() {
	for _, s := range []string{"1934-12-31", "1935-01-03~", "1935-01", "1934-13-01"} {
		d, err := maisky.ParseEDTF(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, "|", d.Long(), "| precision", d.Precision())
	}
	// Output:
	// 1934 Dec 31 | 31 December 1934 | precision 3
	// ca. 1935 Jan 3 | 3 January 1935 | precision 3
	// 1935 Jan | January 1935 | precision 2
	// maisky: bad date "1934-13-01" at offset 0: no such date
}

func ExampleDocument_CheckRange() {
	d := sampleDocument()
	span, _ := d.PageSpan()
	fmt.Println("pages", span)
	err := d.CheckRange(maisky.PageRange{First: 99, Last: 101})
	var pre *maisky.PageRangeError
	if errors.As(err, &pre) {
		fmt.Println(pre.Available, "|", err)
	}
	// Output:
	// pages 100–103
	// 100–103 | maisky: page range 99–101: page 99 is not in the document; the document has pages 100–103
}

func ExampleUnmarshal() {
	_, err := maisky.Unmarshal([]byte(`{"format": "maisky/1", "document": {"id": "x", "date": "1934 Dec 31"}}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, maisky.ErrMalformed))
	// Output:
	// maisky: document.date: line 1, column 55: want an EDTF date such as "1934-12-31" or "1935-01-03~", have "1934 Dec 31"
	// true
}

func ExampleMarshal() {
	v := &maisky.Volume{ID: "maisky-diaries-1", Title: "The Complete Maisky Diaries", Number: "1",
		Contents: []maisky.Entry{{ID: "maisky-1935-03-01", Label: "1 March (1)", Date: maisky.Date{Year: 1935, Month: 3, Day: 1}}}}
	b, err := maisky.Marshal(&maisky.File{Volume: v})
	if err != nil {
		panic(err)
	}
	fmt.Print(string(b))
	// Output:
	// {
	//   "format": "maisky/1",
	//   "volume": {
	//     "id": "maisky-diaries-1",
	//     "title": "The Complete Maisky Diaries",
	//     "number": "1",
	//     "contents": [
	//       {
	//         "id": "maisky-1935-03-01",
	//         "label": "1 March (1)",
	//         "date": "1935-03-01"
	//       }
	//     ]
	//   }
	// }
}
