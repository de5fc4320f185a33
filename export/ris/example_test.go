package ris_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/ris"
	"github.com/maisky-lib/maisky/maisky"
)

// show prints RIS text with each CRLF line end drawn as "↵".
func show(b []byte) {
	fmt.Print(strings.ReplaceAll(string(b), "\r\n", "↵\n"))
}

func ExampleWriter() {
	var buf bytes.Buffer
	w := ris.NewWriter(&buf)
	rec := ris.Record{Type: ris.TypeChapter}
	rec.Add("TI", "31 December 1934")
	rec.Add("AU", "Maisky, Ivan")
	rec.Add("KW", "Anglo-Soviet relations; Labour Party") // two keywords
	rec.Add("AB", "A value cannot break\r\nER  - \r\nits line.")
	if err := w.Write(rec); err != nil {
		fmt.Println(err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		fmt.Println(err)
	}
	show(buf.Bytes())
	// Output:
	// TY  - CHAP↵
	// TI  - 31 December 1934↵
	// AU  - Maisky, Ivan↵
	// KW  - Anglo-Soviet relations↵
	// KW  - Labour Party↵
	// AB  - A value cannot break ER - its line.↵
	// ER  - ↵
}

func ExampleWriteRecords() {
	recs := []ris.Record{
		{Type: "BOOK", Fields: []ris.Field{{Tag: "TI", Value: "The Complete Maisky Diaries"}, {Tag: "VL", Value: "1"}}},
		{Type: "GEN", Fields: []ris.Field{{Tag: "TI", Value: "Second"}}},
	}
	var buf bytes.Buffer
	if err := ris.WriteRecords(&buf, recs); err != nil {
		fmt.Println(err)
	}
	show(buf.Bytes())
	// Output:
	// TY  - BOOK↵
	// TI  - The Complete Maisky Diaries↵
	// VL  - 1↵
	// ER  - ↵
	// TY  - GEN↵
	// TI  - Second↵
	// ER  - ↵
}

func ExampleAppendRecord() {
	rec := ris.Record{Type: "GEN", Fields: []ris.Field{{Tag: "TI", Value: "a"}, {Tag: "TI", Value: "b"}}}
	_, err := ris.AppendRecord(nil, rec)
	fmt.Println(err)
	fmt.Println(errors.Is(err, ris.ErrInvalid))

	b, _ := ris.AppendRecord(nil, ris.Record{Type: "GEN", Fields: rec.Fields[:1]})
	fmt.Printf("%q\n", b)
	// Output:
	// ris: field 1 ("TI"): tag repeated; only AU, A1–A4, KW and N1 may repeat
	// true
	// "TY  - GEN\r\nTI  - a\r\nER  - \r\n"
}

func ExampleFold() {
	fmt.Printf("%q\n", ris.Fold("  Innocent\r\nER  - \u2028TY  - JOUR\t"))
	fmt.Printf("%q\n", ris.Fold("Cafe\u0301"))
	// Output:
	// "Innocent ER - TY - JOUR"
	// "Café"
}

func ExampleRepeatable() {
	fmt.Println(ris.Repeatable("AU"), ris.Repeatable("KW"), ris.Repeatable("TI"))
	// Output: true true false
}

func ExampleReader() {
	// As another reference manager may write it: LF line ends, a
	// continuation line, a blank line between records.
	text := "TY  - CHAP\nTI  - First line of a title\nsecond line\nAU  - Maisky, Ivan\nER  - \n\nTY  - BOOK\nER  - \n"
	r := ris.NewReader(strings.NewReader(text))
	for {
		rec, err := r.Read()
		if err != nil {
			break // io.EOF at the end
		}
		fmt.Printf("%s at line %d: %q\n", rec.Type, rec.Line, rec.Values("TI"))
	}

	_, err := ris.NewReader(strings.NewReader("TY  - CHAP\nTI  - unfinished\n")).ReadAll()
	fmt.Println(err)
	fmt.Println(errors.Is(err, ris.ErrSyntax))
	// Output:
	// CHAP at line 1: ["First line of a title second line"]
	// BOOK at line 7: []
	// ris: line 2: the last record is not closed by an ER line
	// true
}

func ExampleReadRecords() {
	recs, err := ris.ReadRecords(strings.NewReader("TY  - GEN\r\nAU  - Maisky, Ivan\r\nAU  - Gorodetsky, Gabriel\r\nER  - \r\n"))
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(recs), recs[0].Value("AU"), "|", recs[0].Values("AU"))
	// Output: 1 Maisky, Ivan | [Maisky, Ivan Gorodetsky, Gabriel]
}

func ExampleRecord_Reference() {
	rec := ris.Record{Type: ris.TypeChapter}
	rec.Add("TI", "31 December 1934")
	rec.Add("AU", "Maisky, Ivan")
	rec.Add("A2", "Gorodetsky, Gabriel")
	rec.Add("SP", "58")
	rec.Add("EP", "72")
	rec.Add("Y2", "2024/05/01/")
	ref, err := rec.Reference()
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(ref.Title, "|", ref.Authors[0].Family, "|", ref.Editors[0].Family, "|", ref.Pages, "|", ref.Accessed.ISO())
	// Output: 31 December 1934 | Maisky | Gorodetsky | 58–72 | 2024-05-01
}

func ExampleReadReferences() {
	refs, err := ris.ReadReferences(strings.NewReader("TY  - MANSCPT\r\nTI  - 31 December 1934\r\nDA  - 1934/12/31/\r\nM3  - Diary\r\nER  - \r\n"))
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(refs[0].Type, refs[0].Date.Long(), refs[0].Genre)
	// Output: MANSCPT 31 December 1934 Diary
}

// exampleFile builds a volume with two of its entries (text left out).
func exampleFile() *maisky.File {
	maisky1 := maisky.Person{Family: "Liakhovetsky", Given: "Ivan Mikhailovich", Pseudonym: "Maisky"}
	vol := &maisky.Volume{
		ID: "maisky-diaries-1", Title: "The Complete Maisky Diaries", Number: "1",
		Editors:     []maisky.Person{{Family: "Gorodetsky", Given: "Gabriel"}},
		Translators: []maisky.Person{{Family: "Sorokina", Given: "Tatiana"}, {Family: "Ready", Given: "Oliver"}},
		Publisher:   "Yale University Press", Place: "New Haven", Year: 2017, ISBN: "978-0-300-18067-1",
		Archive: maisky.Archive{Name: "Stalin Digital Archive", Publisher: "Yale University Press", URL: "https://www.stalindigitalarchive.com/"},
	}
	page := func(first, last int) []*maisky.Version {
		v := &maisky.Version{Kind: maisky.Translation, Lang: "en", StartPage: first}
		for p := first + 1; p <= last; p++ {
			v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: []maisky.Inline{
				&maisky.Text{Value: "…"}, &maisky.PageBreak{Page: p}, &maisky.Text{Value: "…"}}})
		}
		return []*maisky.Version{v, {Kind: maisky.Transcription, Lang: "ru"}}
	}
	docs := []*maisky.Document{{
		ID: "maisky-1934-12-18", Title: "18 December", Authors: []maisky.Person{maisky1},
		Date: maisky.Date{Year: 1934, Month: 12, Day: 18}, Volume: vol.ID,
		Permalink: "https://www.stalindigitalarchive.com/frontend/node/100031",
		Keywords:  []string{"Anglo-Soviet relations", "Vansittart, Robert"},
		Versions:  page(53, 54),
	}, {
		ID: "maisky-1934-12-31", Title: "31 December", Authors: []maisky.Person{maisky1},
		Date: maisky.Date{Year: 1934, Month: 12, Day: 31}, Volume: vol.ID,
		Versions: page(58, 72),
	}}
	return &maisky.File{Volume: vol, Documents: docs}
}

func ExampleDocumentRecord() {
	file := exampleFile()
	doc, _ := file.Document("maisky-1934-12-18")
	rec, err := ris.DocumentRecord(doc, file.Volume, ris.Options{
		Accessed: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		fmt.Println(err)
	}
	var buf bytes.Buffer
	if err := ris.WriteRecords(&buf, []ris.Record{rec}); err != nil {
		fmt.Println(err)
	}
	show(buf.Bytes())
	// Output:
	// TY  - CHAP↵
	// ID  - maisky-1934-12-18↵
	// TI  - 18 December 1934↵
	// AU  - Maisky, Ivan↵
	// A2  - Gorodetsky, Gabriel↵
	// A4  - Sorokina, Tatiana↵
	// A4  - Ready, Oliver↵
	// T2  - The Complete Maisky Diaries↵
	// VL  - 1↵
	// PY  - 2017↵
	// SP  - 53↵
	// EP  - 54↵
	// PB  - Yale University Press↵
	// CY  - New Haven↵
	// SN  - 978-0-300-18067-1↵
	// LA  - en↵
	// KW  - Anglo-Soviet relations↵
	// KW  - Vansittart, Robert↵
	// ER  - ↵
}

func ExampleDocumentRecord_manuscript() {
	file := exampleFile()
	doc, _ := file.Document("maisky-1934-12-31")
	rec, _ := ris.DocumentRecord(doc, file.Volume, ris.Options{Kind: ris.KindManuscript, Names: ris.NameArchive})
	fmt.Println(rec.Type, "|", rec.Value("AU"), "|", rec.Value("DA"), "|", rec.Value("M3"), "|", rec.Value("DB"))
	// Output: MANSCPT | Liakhovetsky, Ivan Mikhailovich (Maisky) | 1934/12/31/ | diary entry | Stalin Digital Archive
}

func ExampleReadItems() {
	const data = "TY  - JOUR\r\nAU  - Hartley, Margaret\r\nTI  - Soviet Ambassadors in London\r\nT2  - Journal of Interwar Diplomacy\r\nVL  - 12\r\nIS  - 3\r\nSP  - 321\r\nEP  - 345\r\nPY  - 2009\r\nER  - \r\n"
	items, err := ris.ReadItems(strings.NewReader(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	_ = cite.WriteCSLJSON(os.Stdout, items)
	// Output:
	// [
	// {"id":"item-1","type":"article-journal","title":"Soviet Ambassadors in London","author":[{"family":"Hartley","given":"Margaret"}],"container-title":"Journal of Interwar Diplomacy","volume":"12","issued":{"date-parts":[[2009]]},"page":"321-345","issue":"3"}
	// ]
}

func ExampleItemFromRecord() {
	rec := ris.Record{Type: "MANSCPT", Fields: []ris.Field{
		{Tag: "TI", Value: "Labour protest against death sentences in the USSR"},
		{Tag: "AU", Value: "Maisky, Ivan"},
		{Tag: "DA", Value: "1935/01/03/approximate"},
		{Tag: "DB", Value: "Stalin Digital Archive"},
	}}
	it := ris.ItemFromRecord(rec)
	fmt.Println(it.Type, "|", it.Author[0].Family, "|", it.Issued.From, it.Issued.Circa, "|", it.Archive)
	// Output: manuscript | Maisky | {1935 1 3} true | Stalin Digital Archive
}

func ExampleOptions_CiteOptions() {
	opts := ris.Options{Kind: ris.KindManuscript, Names: ris.NameArchive}
	c := opts.CiteOptions()
	fmt.Println(c.Form == cite.Archive, c.ArchiveNames)
	// Output: true true
}

func ExampleVolumeRecord() {
	rec, _ := ris.VolumeRecord(exampleFile().Volume, ris.Options{})
	var buf bytes.Buffer
	_ = ris.WriteRecords(&buf, []ris.Record{rec})
	show(buf.Bytes())
	// Output:
	// TY  - BOOK↵
	// TI  - The Complete Maisky Diaries↵
	// A3  - Gorodetsky, Gabriel↵
	// A4  - Sorokina, Tatiana↵
	// A4  - Ready, Oliver↵
	// VL  - 1↵
	// PY  - 2017↵
	// PB  - Yale University Press↵
	// CY  - New Haven↵
	// SN  - 978-0-300-18067-1↵
	// DB  - Stalin Digital Archive↵
	// DP  - Yale University Press↵
	// UR  - https://www.stalindigitalarchive.com/↵
	// ER  - ↵
}

func ExampleWrite() {
	file := exampleFile()
	var buf bytes.Buffer
	if err := ris.Write(&buf, file, ris.Options{}); err != nil {
		fmt.Println(err)
	}
	recs, _ := ris.ReadRecords(&buf)
	for _, rec := range recs {
		fmt.Println(rec.Type, rec.Value("TI"), rec.Value("SP")+"–"+rec.Value("EP"))
	}
	// Output:
	// CHAP 18 December 1934 53–54
	// CHAP 31 December 1934 58–72
}

func ExampleFileName() {
	doc := &maisky.Document{ID: "maisky-1934-12-31"}
	fmt.Println(ris.FileName(doc), ris.MediaType)
	// Output: maisky-1934-12-31.ris application/x-research-info-systems
}

func ExampleItemRecord() {
	it := cite.Item{
		Type:           "chapter",
		Title:          "31 December 1934",
		Author:         []cite.Name{{Family: "Maisky", Given: "Ivan"}},
		Editor:         []cite.Name{{Family: "Gorodetsky", Given: "Gabriel"}},
		ContainerTitle: "The Complete Maisky Diaries",
		Volume:         "1",
		Page:           "58-72",
		Issued:         cite.Date{From: cite.DateParts{Year: 2017}},
	}
	var buf bytes.Buffer
	_ = ris.WriteRecords(&buf, []ris.Record{ris.ItemRecord(it, ris.Options{})})
	show(buf.Bytes())
	// Output:
	// TY  - CHAP↵
	// TI  - 31 December 1934↵
	// AU  - Maisky, Ivan↵
	// A2  - Gorodetsky, Gabriel↵
	// T2  - The Complete Maisky Diaries↵
	// VL  - 1↵
	// PY  - 2017↵
	// SP  - 58↵
	// EP  - 72↵
	// ER  - ↵
}
