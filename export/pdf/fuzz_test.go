package pdf

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/maisky-lib/maisky/maisky"
)

// fuzzDocument builds a document of pages print pages from page 40 on: the
// text cut into paragraphs at "\n\n" (and into emphasis at "*"), a
// footnote with the note text after every notes-th word, a commentary
// every third page, and a blank plate when plate is set.
func fuzzDocument(text, note, title string, pages, notes uint8, plate bool) *maisky.Document {
	v := &maisky.Version{Kind: maisky.Translation, Lang: "en"}
	n := 0
	every := int(notes%16) + 1
	np := int(pages%14) + 1
	paras := strings.Split(text, "\n\n")
	for p := 0; p < np; p++ {
		for q, para := range paras {
			var content []maisky.Inline
			if q == 0 {
				if plate && p == np/2 && p > 0 {
					content = append(content, &maisky.PageBreak{Page: 40 + p})
					p++
					if p >= np {
						break
					}
				}
				content = append(content, &maisky.PageBreak{Page: 40 + p})
			}
			for k, piece := range strings.Split(para, "*") {
				if k%2 == 1 {
					content = append(content, &maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: piece}}})
					continue
				}
				words := strings.SplitAfter(piece, " ")
				for i := 0; i < len(words); i += every {
					end := min(i+every, len(words))
					content = append(content, &maisky.Text{Value: strings.Join(words[i:end], "")})
					if notes > 0 {
						n++
						id := "n" + strconv.Itoa(n)
						content = append(content, &maisky.NoteRef{ID: id})
						v.Footnotes = append(v.Footnotes, &maisky.Footnote{ID: id, Number: n, Content: []maisky.Inline{&maisky.Text{Value: note}}})
					}
				}
			}
			var b maisky.Block = &maisky.Paragraph{Content: content}
			switch {
			case q == 0 && p == 0:
				b = &maisky.Heading{Level: 1, Content: content}
			case q == 1 && p%3 == 2:
				b = &maisky.Commentary{Content: content}
			}
			v.Blocks = append(v.Blocks, b)
		}
	}
	return &maisky.Document{ID: "fuzz", Title: title, Keywords: []string{title}, Versions: []*maisky.Version{v}}
}

func FuzzWrite(f *testing.F) {
	f.Add("So the year is over – a new one stands at the door.\n\nWe read *Izvestiia* on the ‘new course’; Иван Майский.", "A note (1890–1950) on *a book*.", "31 December", uint8(3), uint8(4), false, "Ada Lovelace")
	f.Add("", "", "", uint8(0), uint8(0), false, "x")
	f.Add(strings.Repeat("Averyveryverylongwordwithoutanyspaceatall", 40), strings.Repeat("note ", 900), "(title) \\ with [brackets]", uint8(9), uint8(1), true, "Ирина\x00Петрова")
	f.Add("tab\tand\nnew\rlines \u00ad\u200b 中文 😀 \xff\xfe e\u0301", "\u202e rtl \u2028", "\xf0\x9f\x98\x80", uint8(13), uint8(15), true, "\u200b Bob")
	f.Add("short", "n", "t", uint8(255), uint8(255), true, strings.Repeat("Z", 5000))
	// issue 9: row 10 (a name of invisible and combining characters),
	// row 11 (a name of 250+ characters), row 12 (a huge note on one
	// page, cut to the fuzzer's size), row 19 (CJK, Arabic, emoji, bidi
	// controls)
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, "\ufe0f\u0301")
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, strings.Repeat("Ada Lovelace of Ockham ", 12))
	f.Add("Some text.", strings.Repeat("A very long note indeed. ", 24), "t", uint8(0), uint8(0), false, "Ada")
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, "王小明")
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, "محمد علي")
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, "Ada 😀")
	f.Add("Some text.", "n", "t", uint8(1), uint8(1), false, "\u202eAda\u202c \u2066Lovelace\u2069")
	f.Add("See https://archive.example.org/a/very/long/path/that/goes/on/and/on/for/ever/and/ever/more/index.html now", "Middleton", "t", uint8(2), uint8(0), false, "Nguyễn Thị Minh Khai")
	acceptedAt := time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, note, title string, pages, notes uint8, plate bool, by string) {
		if len(text) > 3000 || len(note) > 600 || len(title) > 1000 || len(by) > 3000 {
			return
		}
		doc := fuzzDocument(text, note, title, pages, notes, plate)
		span, ok := doc.PageSpan()
		if !ok {
			return
		}
		r := maisky.PageRange{First: span.First, Last: min(span.Last, span.First+MaxPages-1)}
		var out bytes.Buffer
		err := Write(&out, doc, Request{Pages: r, Acceptance: Acceptance{By: by, At: acceptedAt, TermsVersion: title}}, Options{})
		if err != nil {
			if out.Len() > 0 {
				t.Fatalf("output written on error %v", err)
			}
			if errors.Is(err, ErrTermsNotAccepted) && !(Acceptance{By: by, At: acceptedAt}).Accepted() {
				return
			}
			if errors.Is(err, ErrUnprintableName) || errors.Is(err, ErrTooLong) {
				return
			}
			t.Fatalf("Write: %v", err)
		}
		b := out.Bytes()
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
			t.Fatalf("not a PDF file")
		}
		rd, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("reader library rejects the PDF: %v", err)
		}
		if got := rd.NumPage(); got < r.Len() {
			t.Fatalf("%d PDF pages for %d print pages", got, r.Len())
		}
		for i := 1; i <= rd.NumPage(); i++ {
			p := rd.Page(i)
			if p.V.IsNull() || p.V.Key("Contents").IsNull() {
				t.Fatalf("page %d has no content", i)
			}
			if p.Fonts() == nil && i == 1 {
				t.Fatalf("page %d has no fonts", i)
			}
		}
	})
}
