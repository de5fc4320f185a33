package download_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/download"
	"github.com/maisky-lib/maisky/maisky"
)

func readVolume() *maisky.File {
	f, err := os.Open("../../testdata/volume1.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		panic(err)
	}
	return file
}

func ExampleNew() {
	src, err := download.NewFileSource(readVolume())
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := download.New(src, download.Options{
		Clock: func() time.Time { return time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC) },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", http.StripPrefix("/api", h))

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest("GET", "/api/maisky-1934-12-31/citation?mode=first&locator=60", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(rec.Body.String())

	form := url.Values{"pages": {"59-68"}, "name": {"A. Reader"}} // the box is not ticked
	req := httptest.NewRequest("POST", "/api/maisky-1934-12-31/print", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))

	form.Set("terms", "on")
	req = httptest.NewRequest("POST", "/api/maisky-1934-12-31/print", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Println(rec.Header().Get("Content-Disposition"))
	// Output:
	// 200 text/plain; charset=utf-8
	// Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 60.
	// 400 application/problem+json
	// 200 application/pdf
	// attachment; filename="31 December 1934, pp. 59-68.pdf"
}

func ExampleNewFileSource() {
	src, err := download.NewFileSource(readVolume())
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, vol, err := src.Document(context.Background(), "maisky-1935-01-15")
	fmt.Println(doc.Title, "|", vol.FullTitle(), err)
	_, _, err = src.Document(context.Background(), "nobody")
	fmt.Println(err)
	// Output:
	// 15 January | The Complete Maisky Diaries: Volume 1 <nil>
	// download: no such document: "nobody"
}

func ExampleFileSource_Document() {
	src, _ := download.NewFileSource(readVolume())
	doc, _, _ := src.Document(context.Background(), "maisky-1934-12-31")
	span, _ := doc.PageSpan()
	fmt.Println(doc.ID, span)
	// Output: maisky-1934-12-31 58–72
}

func ExampleFileSource_File() {
	src, _ := download.NewFileSource(readVolume())
	fmt.Println(len(src.File().Documents), src.File().Volume.ID)
	// Output: 6 maisky-diaries-1
}

func ExampleFileName() {
	doc := &maisky.Document{Title: "31 December", Date: maisky.Date{Year: 1934, Month: 12, Day: 31}}
	fmt.Println(download.FileName(doc, download.RIS, maisky.PageRange{}))
	fmt.Println(download.FileName(doc, download.PDF, maisky.PageRange{First: 59, Last: 68}))
	doc.Title = "31 декабря"
	fmt.Println(download.FileName(doc, download.TEI, maisky.PageRange{}))
	// Output:
	// 31 December 1934.ris
	// 31 December 1934, pp. 59-68.pdf
	// 31 декабря 1934.xml
}

func ExampleContentDisposition() {
	fmt.Println(download.ContentDisposition("31 December 1934.ris", false))
	fmt.Println(download.ContentDisposition("31 декабря 1934.pdf", false))
	// Output:
	// attachment; filename="31 December 1934.ris"
	// attachment; filename="31 dekabrya 1934.pdf"; filename*=UTF-8''31%20%D0%B4%D0%B5%D0%BA%D0%B0%D0%B1%D1%80%D1%8F%201934.pdf
}

func ExampleFormat_MediaType() {
	for _, f := range []download.Format{download.CSLJSON, download.RIS, download.TEI, download.PDF, download.Annotations, download.AnnotationsMarkdown} {
		fmt.Printf("%-20s %-8s %s\n", f, f.Extension(), f.MediaType())
	}
	// Output:
	// csl-json             .json    application/vnd.citationstyles.csl+json
	// ris                  .ris     application/x-research-info-systems; charset=utf-8
	// tei                  .xml     application/tei+xml; charset=utf-8
	// pdf                  .pdf     application/pdf
	// annotations          .jsonld  application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"
	// annotations-markdown .md      text/markdown; charset=utf-8
}

func ExampleFormat_Extension() {
	fmt.Println(download.TEI.Extension())
	// Output: .xml
}

func ExampleFormat_String() {
	fmt.Println(download.CitationHTML)
	// Output: html
}

func ExampleWriteMeta() {
	f := readVolume()
	doc, _ := f.Document("maisky-1935-03-01")
	it, err := cite.FromDocument(doc, f.Volume, cite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	download.WriteMeta(os.Stdout, &it, download.Links{PublicURL: "https://archive.example/maisky-1935-03-01"})
	// Output:
	// <meta name="citation_title" content="1 March 1935 (1)">
	// <meta name="citation_author" content="Maisky, Ivan">
	// <meta name="citation_editor" content="Gorodetsky, Gabriel">
	// <meta name="citation_publication_date" content="2017">
	// <meta name="citation_inbook_title" content="The Complete Maisky Diaries">
	// <meta name="citation_book_title" content="The Complete Maisky Diaries">
	// <meta name="citation_volume" content="1">
	// <meta name="citation_firstpage" content="111">
	// <meta name="citation_publisher" content="Yale University Press">
	// <meta name="citation_isbn" content="978-0-300-18067-1">
	// <meta name="citation_language" content="en">
	// <meta name="citation_public_url" content="https://archive.example/maisky-1935-03-01">
}

func ExampleWriteCOinS() {
	f := readVolume()
	doc, _ := f.Document("maisky-1935-03-01")
	it, err := cite.FromDocument(doc, f.Volume, cite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	download.WriteCOinS(os.Stdout, &it)
	fmt.Println()
	// Output:
	// <span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&amp;rft.genre=bookitem&amp;rft.atitle=1+March+1935+%281%29&amp;rft.btitle=The+Complete+Maisky+Diaries&amp;rft.aulast=Maisky&amp;rft.aufirst=Ivan&amp;rft.au=Maisky%2C+Ivan&amp;rft.date=2017&amp;rft.pub=Yale+University+Press&amp;rft.place=New+Haven&amp;rft.spage=111&amp;rft.pages=111&amp;rft.isbn=978-0-300-18067-1&amp;rft.language=en"></span>
}

func ExampleHandler_ServeHTTP() {
	src, _ := download.NewFileSource(readVolume())
	h, _ := download.New(src, download.Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/maisky-1934-12-31/ris", nil))
	etag := rec.Header().Get("ETag")
	fmt.Println(rec.Code, rec.Header().Get("Content-Disposition"))

	req := httptest.NewRequest("GET", "/maisky-1934-12-31/ris", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.Len())
	// Output:
	// 200 attachment; filename="31 December 1934.ris"
	// 304 0
}
