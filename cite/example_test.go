package cite_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// entry is the 31 December 1934 entry as a chapter of the printed volume.
func entry() *cite.Item {
	return &cite.Item{
		ID:             "maisky-1934-12-31",
		Type:           "chapter",
		Title:          "31 December 1934",
		Author:         []cite.Name{{Family: "Maisky", Given: "Ivan"}},
		ContainerTitle: "The Complete Maisky Diaries",
		Volume:         "1",
		Editor:         []cite.Name{{Family: "Gorodetsky", Given: "Gabriel"}},
		Translator:     []cite.Name{{Family: "Sorokina", Given: "Tatiana"}, {Family: "Ready", Given: "Oliver"}},
		Publisher:      "Yale University Press",
		PublisherPlace: "New Haven",
		Issued:         cite.Date{From: cite.DateParts{Year: 2017}},
		Page:           "58-72",
	}
}

// A full note: the first citation in Chicago notes and bibliography, with
// a page range in Chicago's range format.
func ExampleFormat() {
	t, _ := cite.Format(entry(), cite.ChicagoNotes, cite.First, cite.Locator{Label: "page", Value: "103-104"})
	fmt.Println(t)
	fmt.Println(t.HTML())
	// Output:
	// Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 103–4.
	// Ivan Maisky, “31 December 1934,” in <i>The Complete Maisky Diaries</i>, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 103–4.
}

// A short note: a later citation, after a note citing another work.
func ExampleFormat_shortNote() {
	t, _ := cite.Format(entry(), cite.ChicagoNotes, cite.Subsequent, cite.Locator{Value: "60"})
	fmt.Println(t)
	// Output:
	// Maisky, “31 December 1934,” 60.
}

// A bibliography entry, in the 18th and the 17th edition of Chicago.
func ExampleFormat_bibliography() {
	for _, s := range []cite.Style{cite.ChicagoNotes, cite.ChicagoNotes17} {
		t, _ := cite.Format(entry(), s, cite.Bibliography, cite.Locator{})
		fmt.Println(t)
	}
	// Output:
	// Maisky, Ivan. “31 December 1934.” In The Complete Maisky Diaries, vol. 1, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready. Yale University Press, 2017.
	// Maisky, Ivan. “31 December 1934.” In The Complete Maisky Diaries, vol. 1, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready, 58–72. New Haven: Yale University Press, 2017.
}

// MLA: the works-cited entry and the in-text citation.
func ExampleFormat_mla() {
	works, _ := cite.Format(entry(), cite.MLA, cite.Bibliography, cite.Locator{})
	inText, _ := cite.Format(entry(), cite.MLA, cite.First, cite.Locator{Value: "103-104"})
	fmt.Println(works)
	fmt.Println(inText)
	// Output:
	// Maisky, Ivan. “31 December 1934.” The Complete Maisky Diaries, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready, vol. 1, Yale University Press, 2017, pp. 58–72.
	// (Maisky 103–04)
}

// Author-date: the parenthetical citation with another locator label.
func ExampleFormat_authorDate() {
	t, _ := cite.Format(entry(), cite.ChicagoAuthorDate, cite.First, cite.Locator{Label: "line", Value: "12-14"})
	fmt.Println(t)
	// Output:
	// (Maisky 2017, lines 12–14)
}

// The spans of a citation, for a writer that sets italics itself.
func ExampleText_Spans() {
	book := &cite.Item{Type: "book", Title: "The Complete Maisky Diaries", Author: entry().Author, Volume: "1"}
	t, _ := cite.Format(book, cite.ChicagoNotes, cite.Subsequent, cite.Locator{Value: "60"})
	for _, s := range t.Spans() {
		fmt.Printf("%q italic=%v\n", s.Text, s.Decoration&cite.Italic != 0)
	}
	fmt.Println(t.Markdown())
	// Output:
	// "Maisky, " italic=false
	// "The Complete Maisky Diaries" italic=true
	// ", 1:60." italic=false
	// Maisky, *The Complete Maisky Diaries*, 1:60.
}

// Citation data from the model: an entry of the printed volume, and the
// same entry as read in the online archive.
func ExampleFromDocument() {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, _ := file.Document("maisky-1934-12-31")
	printed, err := cite.FromDocument(doc, file.Volume, cite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	archive, _ := cite.FromDocument(doc, file.Volume, cite.Options{
		Form:     cite.Archive,
		Accessed: time.Date(2024, 5, 14, 0, 0, 0, 0, time.UTC),
	})
	for _, it := range []cite.Item{printed, archive} {
		t, _ := cite.Format(&it, cite.ChicagoNotes, cite.Bibliography, cite.Locator{})
		fmt.Println(t)
	}
	// Output:
	// Maisky, Ivan. “31 December 1934.” In The Complete Maisky Diaries, vol. 1, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready. Yale University Press, 2017.
	// Maisky, Ivan. “31 December.” Diary entry. December 31, 1934. Stalin Digital Archive. https://www.stalindigitalarchive.com/frontend/node/100036.
}

// A volume as a book.
func ExampleFromVolume() {
	vol := &maisky.Volume{ID: "maisky-diaries-1", Title: "The Complete Maisky Diaries", Number: "1",
		Editors:   []maisky.Person{{Family: "Gorodetsky", Given: "Gabriel"}},
		Publisher: "Yale University Press", Place: "New Haven", Year: 2017}
	maiskyPerson := maisky.Person{Family: "Liakhovetsky", Given: "Ivan Mikhailovich", Pseudonym: "Maisky"}
	it := cite.FromVolume(vol, []maisky.Person{maiskyPerson}, cite.Options{})
	t, _ := cite.Format(&it, cite.ChicagoAuthorDate, cite.Bibliography, cite.Locator{})
	fmt.Println(t)
	// Output:
	// Maisky, Ivan. 2017. The Complete Maisky Diaries. Edited by Gabriel Gorodetsky. Vol. 1. Yale University Press.
}

// Reading CSL-JSON strictly: a bad value is an error with its path.
func ExampleReadCSLJSON() {
	items, err := cite.ReadCSLJSON(strings.NewReader(`[{"id": "a", "type": "book", "title": "Diaries"}]`))
	fmt.Println(len(items), items[0].Title, err)
	_, err = cite.ReadCSLJSON(strings.NewReader(`[{"id": "a"}, {"id": "b", "issued": {"date-parts": [[1934, "Dec"]]}}]`))
	fmt.Println(err)
	// Output:
	// 1 Diaries <nil>
	// cite: CSL-JSON items[1].issued.date-parts[0][1]: want an integer, got "Dec"
}

// Writing CSL-JSON for any other CSL processor.
func ExampleWriteCSLJSON() {
	it := cite.Item{ID: "a", Type: "manuscript", Title: "31 December", Genre: "diary entry",
		Issued: cite.Date{From: cite.DateParts{Year: 1934, Month: 12, Day: 31}}}
	_ = cite.WriteCSLJSON(os.Stdout, []cite.Item{it})
	// Output:
	// [
	// {"id":"a","type":"manuscript","title":"31 December","issued":{"date-parts":[[1934,12,31]]},"genre":"diary entry"}
	// ]
}

// An Encoder streams a large array item by item.
func ExampleEncoder() {
	enc := cite.NewEncoder(os.Stdout)
	for _, id := range []string{"a", "b"} {
		_ = enc.Encode(&cite.Item{ID: id, Type: "book"})
	}
	_ = enc.Close()
	// Output:
	// [
	// {"id":"a","type":"book"},
	// {"id":"b","type":"book"}
	// ]
}

// A sorted bibliography: the 17th edition replaces a repeated author.
func ExampleWriteBibliography() {
	maisky := []cite.Name{{Family: "Maisky", Given: "Ivan"}}
	items := []cite.Item{
		{ID: "b", Type: "book", Title: "Memoirs", Author: maisky, Issued: cite.Date{From: cite.DateParts{Year: 1964}}},
		{ID: "a", Type: "book", Title: "Journey into the Past", Author: maisky, Issued: cite.Date{From: cite.DateParts{Year: 1962}}},
		{ID: "c", Type: "book", Title: "Дневник", Author: []cite.Name{{Family: "Майский", Given: "Иван"}}},
	}
	_ = cite.WriteBibliography(os.Stdout, items, cite.ChicagoNotes17, cite.PlainText)
	// Output:
	// Maisky, Ivan. Journey into the Past. 1962.
	// ———. Memoirs. 1964.
	// Майский, Иван. Дневник. n.d.
}

// The order of a style's bibliography.
func ExampleSortBibliography() {
	items := []cite.Item{
		{ID: "z", Type: "book", Title: "Zeal", Author: []cite.Name{{Family: "Álvarez"}}},
		{ID: "y", Type: "book", Title: "Year", Author: []cite.Name{{Family: "Aaron"}}},
	}
	order, _ := cite.SortBibliography(items, cite.MLA)
	fmt.Println(order)
	// Output:
	// [1 0]
}

func ExampleParseStyle() {
	s, err := cite.ParseStyle("http://www.zotero.org/styles/chicago-author-date")
	fmt.Println(s, err)
	_, err = cite.ParseStyle("apa")
	fmt.Println(err)
	// Output:
	// chicago-author-date <nil>
	// cite: unknown style "apa"; allowed: chicago-notes-bibliography, chicago-notes-bibliography-17th-edition, chicago-shortened-notes-bibliography, chicago-author-date, modern-language-association
}

func ExampleParseMode() {
	m, _ := cite.ParseMode("subsequent")
	fmt.Println(m == cite.Subsequent)
	// Output:
	// true
}

func ExampleParseLabel() {
	l, _ := cite.ParseLabel("folio")
	_, err := cite.ParseLabel("leaf")
	fmt.Println(l, err != nil)
	// Output:
	// folio true
}

func ExampleParseOutputFormat() {
	f, _ := cite.ParseOutputFormat("markdown")
	fmt.Println(f)
	// Output:
	// markdown
}

func ExampleParseForm() {
	f, _ := cite.ParseForm("archive")
	fmt.Println(f == cite.Archive)
	// Output:
	// true
}

func ExampleKnownType() {
	fmt.Println(cite.KnownType("manuscript"), cite.KnownType("diary"))
	// Output:
	// true false
}

func ExampleStyles() {
	fmt.Println(len(cite.Styles()), cite.Styles()[4])
	// Output:
	// 5 modern-language-association
}

func ExampleLocatorLabels() {
	fmt.Println(cite.LocatorLabels()[:3])
	// Output:
	// [appendix article-locator book]
}

// HTML as citeproc-js writes it: italics and escaped ampersands.
func ExampleText_HTML() {
	it := &cite.Item{Type: "book", Title: "War & Peace", Publisher: "Faber & Faber",
		Issued: cite.Date{From: cite.DateParts{Year: 1935}}}
	t, _ := cite.Format(it, cite.MLA, cite.Bibliography, cite.Locator{})
	fmt.Println(t.HTML())
	// Output:
	// <i>War &#38; Peace</i>. Faber &#38; Faber, 1935.
}

// Markdown for notes pasted into a Markdown document.
func ExampleText_Markdown() {
	it := &cite.Item{Type: "book", Title: "The Complete Maisky Diaries", Author: []cite.Name{{Family: "Maisky", Given: "Ivan"}}}
	t, _ := cite.Format(it, cite.ChicagoShortNotes, cite.First, cite.Locator{Label: "chapter", Value: "4"})
	fmt.Println(t.Markdown())
	// Output:
	// Maisky, *The Complete Maisky Diaries*, chap. 4.
}

// An Item is a json.Marshaler: one CSL-JSON object.
func ExampleItem_MarshalJSON() {
	b, _ := json.Marshal(cite.Item{ID: "x", Type: "personal_communication", Genre: "letter",
		Recipient: []cite.Name{{Family: "Litvinov", Given: "Maxim"}}})
	fmt.Println(string(b))
	// Output:
	// {"id":"x","type":"personal_communication","recipient":[{"family":"Litvinov","given":"Maxim"}],"genre":"letter"}
}

// A Formatter reuses its memory: one per goroutine in a busy service.
func ExampleFormatter() {
	var f cite.Formatter
	for _, m := range []cite.Mode{cite.First, cite.Subsequent} {
		t, _ := f.Format(entry(), cite.ChicagoNotes, m, cite.Locator{Value: "60"})
		fmt.Println(t)
	}
	// Output:
	// Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60.
	// Maisky, “31 December 1934,” 60.
}
