package annotate_test

import (
	"encoding/base64"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

func TestLinkFormat(t *testing.T) {
	f := annotate.LinkFormat{Base: "https://archive.example/documents/"}
	for _, tc := range []struct {
		link annotate.Link
		want string
	}{
		{annotate.Link{Document: "maisky-1934-12-31"}, "https://archive.example/documents/maisky-1934-12-31"},
		{annotate.Link{Document: "maisky-1934-12-31", Page: 60}, "https://archive.example/documents/maisky-1934-12-31#page=60"},
		{annotate.Link{Document: "maisky-1935-01-15", Version: maisky.Transcription}, "https://archive.example/documents/maisky-1935-01-15?version=transcription"},
		{annotate.Link{Document: "d", Quote: annotate.Quote{Exact: "Litvinov", Prefix: "a talk with ", Suffix: ", (again)"}},
			"https://archive.example/documents/d#selector(type=TextQuoteSelector,exact=Litvinov,prefix=a%20talk%20with%20,suffix=%2C%20%28again%29)"},
		{annotate.Link{Document: "d", Quote: annotate.Quote{Exact: "ёлочки=100%"}},
			"https://archive.example/documents/d#selector(type=TextQuoteSelector,exact=%D1%91%D0%BB%D0%BE%D1%87%D0%BA%D0%B8%3D100%25)"},
	} {
		got, err := f.Format(tc.link)
		if err != nil || got != tc.want {
			t.Errorf("Format(%+v) = %q, %v; want %q", tc.link, got, err, tc.want)
		}
		back, err := f.Parse(got)
		if err != nil || back != tc.link && !(tc.link.Version == 0 && back == tc.link) {
			t.Errorf("Parse(%q) = %+v, %v; want %+v", got, back, err, tc.link)
		}
	}
	iri := annotate.LinkFormat{IRI: true}
	got, err := iri.Format(annotate.Link{Document: "d", Quote: annotate.Quote{Exact: "ёлочки, «да»"}})
	if want := "d#selector(type=TextQuoteSelector,exact=ёлочки%2C%20«да»)"; err != nil || got != want {
		t.Errorf("IRI Format = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []annotate.Link{
		{},
		{Document: "d", Page: -1},
		{Document: "d", Page: 3, Quote: annotate.Quote{Exact: "x"}},
		{Document: "d", Quote: annotate.Quote{Prefix: "x"}},
		{Document: "d", Version: 7},
	} {
		if _, err := f.Format(bad); !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("Format(%+v): %v, want ErrInvalid", bad, err)
		}
	}
}

func TestParseLinkErrors(t *testing.T) {
	f := annotate.LinkFormat{Base: "https://a.example/d/"}
	for _, tc := range []struct {
		in     string
		offset int
	}{
		{"https://b.example/d/x", 0},
		{"https://a.example/d/", 20},
		{"https://a.example/d/x/y", 21},
		{"https://a.example/d/x?v=1", 22},
		{"https://a.example/d/x#page=0", 27},
		{"https://a.example/d/x#page=07", 27},
		{"https://a.example/d/x#chapter=1", 22},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=a", 61},
		{"https://a.example/d/x#selector(type=TextPositionSelector,start=1,end=2)", 36},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=a,exact=b)", 62},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=%zz)", 60},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=a b)", 61},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=%FF)", 60},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=%07)", 60},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,prefix=a)", 22},
		{"https://a.example/d/x#selector(exact=a)", 22},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,exact=a,refinedBy=selector(type=TextQuoteSelector,exact=b))", 80},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,color=red,exact=a)", 54},
		{"https://a.example/d/x#selector(type=TextQuoteSelector,,exact=a)", 54},
	} {
		_, err := f.Parse(tc.in)
		var le *annotate.LinkError
		if !errors.As(err, &le) || !errors.Is(err, annotate.ErrLink) {
			t.Errorf("Parse(%q) = %v, want a *LinkError", tc.in, err)
			continue
		}
		if le.Offset != tc.offset {
			t.Errorf("Parse(%q): offset %d, want %d (%v)", tc.in, le.Offset, tc.offset, err)
		}
	}
}

// TestLinkRoundTrip: selector → link → selector → the same passage, for
// passages of the Cyrillic transcription and of the translation, many of
// them across print-page breaks, in the URI and the IRI form.
func TestLinkRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 16))
	forms := []annotate.LinkFormat{{Base: "https://archive.example/documents/"}, {IRI: true}}
	for _, src := range []struct {
		doc  string
		kind maisky.VersionKind
	}{
		{"maisky-1935-01-15", maisky.Transcription},
		{"maisky-1935-01-15", maisky.Translation},
		{"maisky-1934-12-31", maisky.Translation},
	} {
		txt := docText(t, src.doc, src.kind)
		cyrillic, across, n := 0, 0, 0
		for range 300 {
			start := rng.IntN(txt.Len() - 1)
			end := min(txt.Len(), start+1+rng.IntN(80))
			tg, err := txt.Select(start, end)
			if err != nil {
				continue // white space only
			}
			n++
			if tg.Pages.First != tg.Pages.Last {
				across++
			}
			if strings.ContainsFunc(tg.Quote.Exact, func(r rune) bool { return r >= 0x400 && r <= 0x4FF }) {
				cyrillic++
			}
			link := annotate.PassageLink(src.doc, src.kind, tg)
			for _, f := range forms {
				s, err := f.Format(link)
				if err != nil {
					t.Fatalf("Format: %v", err)
				}
				if !utf8.ValidString(s) || strings.ContainsAny(s, " \n\t") {
					t.Fatalf("link %q is not one token", s)
				}
				back, err := f.Parse(s)
				if err != nil {
					t.Fatalf("Parse(%q): %v", s, err)
				}
				if back != link {
					t.Fatalf("Parse(Format(%+v)) = %+v", link, back)
				}
				r, err := back.Resolve(txt)
				if err != nil {
					t.Fatal(err)
				}
				if r.Orphaned() || r.Match.Status != annotate.Exact || r.Match.Start != tg.Start || r.Match.End != tg.End || r.Target != tg {
					t.Fatalf("%s: the link to %d–%d %q resolves to %+v, target %+v", src.doc, tg.Start, tg.End, tg.Quote.Exact, r.Match, r.Target)
				}
			}
		}
		if n < 200 {
			t.Errorf("%s: only %d selections", src.doc, n)
		}
		if src.kind == maisky.Transcription && cyrillic < n/2 {
			t.Errorf("%s: %d of %d passages in Cyrillic", src.doc, cyrillic, n)
		}
		if across == 0 {
			t.Errorf("%s: no passage across a page break", src.doc)
		}
		t.Logf("%s %s: %d passages, %d in Cyrillic, %d across page breaks", src.doc, src.kind, n, cyrillic, across)
	}
}

func TestLinkResolveOrphanAndPages(t *testing.T) {
	txt := docText(t, "maisky-1934-12-31", maisky.Translation)
	tg, err := txt.Select(1000, 1040)
	if err != nil {
		t.Fatal(err)
	}
	link := annotate.PassageLink("maisky-1934-12-31", 0, tg)
	// The passage and its surroundings rewritten: an orphan, not a lookalike.
	s := txt.String()
	changed := annotate.NewText(s[:strings.Index(s, tg.Quote.Exact)] + "Something else entirely was written here instead of the old sentence." + s[strings.Index(s, tg.Quote.Exact)+len(tg.Quote.Exact):])
	r, err := link.Resolve(changed)
	if err != nil || !r.Orphaned() || !r.Target.Orphaned || r.Target.Quote != tg.Quote || r.Target.Start != 0 {
		t.Errorf("a link to a rewritten passage: %+v, %v", r, err)
	}
	// A small edit elsewhere moves it: found, not orphaned.
	moved := annotate.NewText("A new first line. " + s)
	r, err = link.Resolve(moved)
	if err != nil || r.Orphaned() || r.Match.Start != tg.Start+18 {
		t.Errorf("a link after an insertion before it: %+v, %v", r, err)
	}
	r, err = annotate.Link{Document: "maisky-1934-12-31", Page: 60}.Resolve(txt)
	if err != nil || r.Pages != (maisky.PageRange{First: 60, Last: 60}) {
		t.Errorf("page 60: %+v, %v", r, err)
	}
	if _, err := (annotate.Link{Document: "maisky-1934-12-31", Page: 90}).Resolve(txt); !errors.Is(err, annotate.ErrLink) {
		t.Errorf("page 90 of a 58–72 entry: %v", err)
	}
}

func FuzzParseLink(f *testing.F) {
	f.Add("https://a.example/d/maisky-1934-12-31#selector(type=TextQuoteSelector,exact=Litvinov,prefix=a%20talk%20with%20,suffix=%20about)")
	f.Add("https://a.example/d/maisky-1935-01-15?version=transcription#selector(type=TextQuoteSelector,exact=ёлочки%2C%20«да»)")
	f.Add("https://a.example/d/x#page=60")
	f.Add("https://a.example/d/x?version=translation")
	f.Add("https://a.example/d/x#selector(type=TextQuoteSelector,exact=a,refinedBy=selector(type=TextQuoteSelector,exact=b))")
	f.Add("https://a.example/d/%2e%2e#selector(type=TextQuoteSelector,exact=%CC%81a)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, lf := range []annotate.LinkFormat{{Base: "https://a.example/d/"}, {Base: "https://a.example/d/", IRI: true}} {
			l, err := lf.Parse(s)
			if err != nil {
				var le *annotate.LinkError
				if !errors.As(err, &le) || le.Offset < 0 || le.Offset > len(s) {
					t.Fatalf("Parse(%q): %v (%T)", s, err, err)
				}
				continue
			}
			out, err := lf.Format(l)
			if err != nil {
				t.Fatalf("Format(Parse(%q) = %+v): %v", s, l, err)
			}
			back, err := lf.Parse(out)
			if err != nil || back != l {
				t.Fatalf("Parse(Format(%+v)) = %+v, %v (link %q)", l, back, err, out)
			}
			if _, err := l.Resolve(annotate.NewText("a small text with Litvinov in it")); err != nil && !errors.Is(err, annotate.ErrLink) {
				t.Fatalf("Resolve: %v", err)
			}
		}
	})
}

func FuzzParseItemCursor(f *testing.F) {
	f.Add(annotate.ItemCursor(0))
	f.Add(annotate.ItemCursor(9999))
	f.Add("aTotMQ")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := annotate.ParseItemCursor(s)
		if err != nil {
			if !errors.Is(err, annotate.ErrInvalid) {
				t.Fatalf("ParseItemCursor(%q): %v", s, err)
			}
			return
		}
		if s == "" {
			if n != -1 {
				t.Fatalf("the empty cursor is %d", n)
			}
			return
		}
		if n < 0 || annotate.ItemCursor(n) != s {
			t.Fatalf("ParseItemCursor(%q) = %d, which ItemCursor writes %q", s, n, annotate.ItemCursor(n))
		}
	})
}

// FuzzParseCursor: a cursor parses only in the one spelling String gives
// it, so two strings never name one position.
func FuzzParseCursor(f *testing.F) {
	f.Add(annotate.Cursor{Created: time.Date(1934, 12, 31, 0, 0, 0, 0, time.UTC), ID: "a1"}.String())
	f.Add("MTotNTph")
	f.Add("MTorNTph")
	f.Add("MTowNTph")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := annotate.ParseCursor(s)
		if err != nil {
			if !errors.Is(err, annotate.ErrInvalid) {
				t.Fatalf("ParseCursor(%q): %v", s, err)
			}
			return
		}
		if s == "" {
			if c != (annotate.Cursor{}) {
				t.Fatalf("the empty cursor is %+v", c)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseCursor(%q) = %+v, which String writes %q", s, c, c.String())
		}
	})
}

func TestParseCursorCanonical(t *testing.T) {
	good := annotate.Cursor{Created: time.UnixMicro(5).UTC(), ID: "a"}.String()
	if _, err := annotate.ParseCursor(good); err != nil {
		t.Fatalf("ParseCursor(%q): %v", good, err)
	}
	enc := base64.RawURLEncoding.EncodeToString
	for _, s := range []string{
		enc([]byte("1:+5:a")),
		enc([]byte("1:05:a")),
		good[:len(good)-1] + string(good[len(good)-1]+1), // padding bits set
		good + "=",
	} {
		if _, err := annotate.ParseCursor(s); !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("ParseCursor(%q) = %v, want ErrInvalid", s, err)
		}
	}
}
