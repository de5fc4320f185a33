package download

import (
	"mime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/maisky"
)

func TestMediaTypes(t *testing.T) {
	want := map[Format][2]string{
		CitationText:        {"text/plain; charset=utf-8", ".txt"},
		CitationHTML:        {"text/html; charset=utf-8", ".html"},
		CitationMarkdown:    {"text/markdown; charset=utf-8", ".md"},
		CSLJSON:             {"application/vnd.citationstyles.csl+json", ".json"},
		RIS:                 {"application/x-research-info-systems; charset=utf-8", ".ris"},
		TEI:                 {"application/tei+xml; charset=utf-8", ".xml"},
		PDF:                 {"application/pdf", ".pdf"},
		Annotations:         {`application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`, ".jsonld"},
		AnnotationsMarkdown: {"text/markdown; charset=utf-8", ".md"},
	}
	for f, w := range want {
		assert.Equal(t, w[0], f.MediaType(), f)
		assert.Equal(t, w[1], f.Extension(), f)
		mt, params, err := mime.ParseMediaType(f.MediaType())
		require.NoError(t, err, f)
		if strings.HasPrefix(mt, "text/") || mt == "application/tei+xml" || mt == "application/x-research-info-systems" {
			assert.Equal(t, "utf-8", params["charset"], f)
		}
		if f == Annotations {
			assert.Equal(t, "http://www.w3.org/ns/anno.jsonld", params["profile"])
		}
	}
	assert.Equal(t, "", Format(0).MediaType())
	assert.Equal(t, "", Format(99).Extension())
	assert.Equal(t, "Format(99)", Format(99).String())
	assert.Equal(t, "csl-json", CSLJSON.String())
}

func TestFileName(t *testing.T) {
	doc := &maisky.Document{ID: "x-1", Title: "31 December", Date: maisky.Date{Year: 1934, Month: 12, Day: 31}}
	assert.Equal(t, "31 December 1934.ris", FileName(doc, RIS, maisky.PageRange{}))
	assert.Equal(t, "31 December 1934, pp. 59-68.pdf", FileName(doc, PDF, maisky.PageRange{First: 59, Last: 68}))
	assert.Equal(t, "31 December 1934, p. 60.pdf", FileName(doc, PDF, maisky.PageRange{First: 60, Last: 60}))
	for _, tc := range []struct{ title, want string }{
		{"PS 1 October 1934", "PS 1 October 1934.xml"},
		{`a/b\c:d*e?f"g<h>i|j`, "a b c d e f g h i j 1934.xml"},
		{"  ..hidden.. ", "hidden 1934.xml"},
		{"tab\tand\nnewline\x00", "tab and newline 1934.xml"},
		{"", "x-1.xml"},
		{"???", "x-1.xml"},
		{strings.Repeat("я", 500), strings.Repeat("я", 120) + " 1934.xml"},
	} {
		d := *doc
		d.Title = tc.title
		assert.Equal(t, tc.want, FileName(&d, TEI, maisky.PageRange{}), tc.title)
	}
	d := &maisky.Document{}
	assert.Equal(t, "document.json", FileName(d, CSLJSON, maisky.PageRange{}))
}

func TestContentDisposition(t *testing.T) {
	for _, tc := range []struct {
		name, header, ascii string
	}{
		{"31 December 1934.ris", `attachment; filename="31 December 1934.ris"`, "31 December 1934.ris"},
		{"Записки Майского, pp. 59-68.pdf", `attachment; filename="Zapiski Mayskogo, pp. 59-68.pdf"; filename*=UTF-8''%D0%97%D0%B0%D0%BF%D0%B8%D1%81%D0%BA%D0%B8%20%D0%9C%D0%B0%D0%B9%D1%81%D0%BA%D0%BE%D0%B3%D0%BE%2C%20pp.%2059-68.pdf`, "Zapiski Mayskogo, pp. 59-68.pdf"},
		{"Щука, ёж и Юла.txt", "", "Shchuka, ezh i Yula.txt"},
		{"Édouard Herriot – démarche.ris", "", "Edouard Herriot - demarche.ris"},
		{"«Правда» 100%.xml", "", "'Pravda' 100_.xml"},
		{"日本語.pdf", `attachment; filename="download.pdf"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.pdf`, "download.pdf"},
		{`He said "no".md`, "", "He said no .md"},
	} {
		h := ContentDisposition(tc.name, false)
		if tc.header != "" {
			assert.Equal(t, tc.header, h)
		}
		disp, params, err := mime.ParseMediaType(h)
		require.NoError(t, err, h)
		assert.Equal(t, "attachment", disp)
		// Go's parser, like browsers, prefers filename*.
		want := strings.ReplaceAll(tc.name, `"`, " ")
		want = strings.Join(strings.Fields(want), " ")
		assert.Equal(t, want, params["filename"], h)
		assert.Equal(t, tc.ascii, asciiFallback(want))
		assert.Contains(t, h, `filename="`+tc.ascii+`"`)
		for _, c := range []byte(h) {
			assert.True(t, c >= 0x20 && c < 0x7f, "header byte %q of %s", c, h)
		}
	}
	assert.Equal(t, `inline; filename="a.txt"`, ContentDisposition("a.txt", true))
	assert.Equal(t, `attachment; filename="download"`, ContentDisposition("\x00", false))
}
