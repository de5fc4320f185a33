package tei_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/export/tei"
	"github.com/maisky-lib/maisky/maisky"
)

// entry is a short invented diary entry: it starts mid-page 100, page 101
// starts in its second sentence.
func entry(id string, day int) *maisky.Document {
	return &maisky.Document{
		ID:      id,
		Title:   fmt.Sprintf("%d January", day),
		Authors: []maisky.Person{{Family: "Liakhovetsky", Given: "Ivan Mikhailovich", Pseudonym: "Maisky"}},
		Date:    maisky.Date{Year: 1935, Month: 1, Day: day},
		Versions: []*maisky.Version{{
			Kind: maisky.Translation,
			Lang: "en",
			Blocks: []maisky.Block{
				&maisky.Heading{Level: 1, Content: []maisky.Inline{&maisky.Text{Value: fmt.Sprintf("%d January", day)}}},
				&maisky.Paragraph{Content: []maisky.Inline{
					&maisky.Text{Value: "Lunch with Vansittart"},
					&maisky.NoteRef{ID: "n1"},
					&maisky.Text{Value: ". We spoke of the "},
					&maisky.PageBreak{Page: 101},
					&maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "Times"}}},
					&maisky.Text{Value: " leader."},
				}},
			},
			Footnotes: []*maisky.Footnote{{ID: "n1", Number: 1, Content: []maisky.Inline{&maisky.Text{Value: "Permanent under-secretary."}}}},
		}},
	}
}

// between prints the lines of s from the first containing from to the
// first containing to.
func between(s, from, to string) {
	on := false
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, from) {
			on = true
		}
		if on {
			fmt.Println(line)
		}
		if on && strings.Contains(line, to) {
			return
		}
	}
}

func ExampleWrite() {
	var buf bytes.Buffer
	if err := tei.Write(&buf, entry("maisky-1935-01-02", 2), tei.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	between(buf.String(), "<body>", "</body>")
	between(buf.String(), "<sourceDesc>", "</sourceDesc>")
	// Output:
	//     <body>
	//       <div type="translation" xml:lang="en" xml:id="e1935-01-02-tr">
	//         <head><date when="1935-01-02">2 January</date></head>
	//         <p>Lunch with Vansittart<note type="editorial" place="bottom" n="1" xml:id="e1935-01-02-fn1">Permanent under-secretary.</note>. We spoke of the <pb n="101"/><hi rend="italic">Times</hi> leader.</p>
	//       </div>
	//     </body>
	//       <sourceDesc>
	//         <bibl><title>2 January</title><biblScope unit="page" from="100" to="101">100–101</biblScope></bibl>
	//       </sourceDesc>
}

func ExampleRead() {
	const input = `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d1">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>Letter to Litvinov</title>
        <author><persName><surname>Liakhovetsky</surname>, <forename>Ivan</forename> (<addName type="pseudonym">Maisky</addName>)</persName></author>
      </titleStmt>
    </fileDesc>
    <profileDesc><creation><date when="1934-11-10">10 November 1934</date></creation></profileDesc>
  </teiHeader>
  <text><body><div type="translation" xml:lang="en">
    <p>Dear Maxim Maksimovich, the talks
      went<note n="1">With Simon.</note> well.<pb n="12"/></p>
    <list><item>An unusual list</item></list>
  </div></body></text>
</TEI>`
	f, err := tei.Read(strings.NewReader(input))
	var skipped *tei.SkipError
	if errors.As(err, &skipped) {
		for _, w := range skipped.Warnings {
			fmt.Println("skipped:", w)
		}
	} else if err != nil {
		fmt.Println(err)
		return
	}
	d := f.Documents[0]
	fmt.Println(d.ID, "|", d.Title, "|", d.Authors[0], "|", d.Date)
	maisky.WriteText(os.Stdout, d.Translation().Blocks, d.Translation().Footnotes, maisky.TextOptions{})
	_, err = tei.Read(strings.NewReader("<TEI><teiHeader></TEI>"))
	fmt.Println(err, errors.Is(err, tei.ErrSyntax))
	// Output:
	// skipped: line 14, column 5: /TEI/text/body/div/list: element <list> skipped: the model has no place for it
	// d1 | Letter to Litvinov | Liakhovetsky, Ivan (Maisky) | 1934 Nov 10
	// Dear Maxim Maksimovich, the talks went[1] well.
	//
	// [1] With Simon.
	// tei: line 1, column 17: XML syntax error: element <teiHeader> closed by </TEI> true
}

func ExampleWriteVolume() {
	vol := &maisky.Volume{
		ID: "diaries-1", Title: "The Complete Maisky Diaries", Number: "1",
		Contents: []maisky.Entry{
			{ID: "maisky-1935-01-02", Label: "2 January", Date: maisky.Date{Year: 1935, Month: 1, Day: 2}},
			{ID: "maisky-1935-01-02-2", Label: "2 January (2)", Date: maisky.Date{Year: 1935, Month: 1, Day: 2}},
		},
	}
	docs := []*maisky.Document{entry("maisky-1935-01-02-2", 2), entry("maisky-1935-01-02", 2)}
	var buf bytes.Buffer
	if err := tei.WriteVolume(&buf, vol, docs, tei.Options{}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, "teiCorpus") || strings.Contains(line, "<TEI ") || strings.Contains(line, `type="local"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// <teiCorpus xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
	// <idno type="local">diaries-1</idno>
	// <bibl><title type="label">2 January</title><idno type="local">maisky-1935-01-02</idno><date when="1935-01-02">1935 Jan 2</date></bibl>
	// <bibl><title type="label">2 January (2)</title><idno type="local">maisky-1935-01-02-2</idno><date when="1935-01-02">1935 Jan 2</date></bibl>
	// <TEI xml:id="e1935-01-02" n="2 January" xml:lang="en">
	// <idno type="local">maisky-1935-01-02</idno>
	// <TEI xml:id="e1935-01-02-2" n="2 January" xml:lang="en">
	// <idno type="local">maisky-1935-01-02-2</idno>
	// </teiCorpus>
}

func ExampleNewCorpusWriter() {
	vol := &maisky.Volume{
		ID: "diaries-1", Title: "The Complete Maisky Diaries",
		Contents: []maisky.Entry{{ID: "a", Label: "2 January"}, {ID: "b", Label: "3 January"}},
	}
	var buf bytes.Buffer
	cw, err := tei.NewCorpusWriter(&buf, vol, tei.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Documents come one at a time (from a database, say); each is written
	// and flushed before the next.
	for _, d := range []*maisky.Document{entry("a", 2), entry("b", 3), entry("a", 2)} {
		if err := cw.Write(d); err != nil {
			fmt.Println(err)
		}
	}
	if err := cw.Close(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Count(buf.String(), "<TEI "), "documents")
	// Output:
	// tei: document "a": out of table-of-contents order (or written twice)
	// 2 documents
}
