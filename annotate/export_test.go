package annotate_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var (
	alice = annotate.Viewer{User: "alice", Groups: []string{"seminar"}}
	bob   = annotate.Viewer{User: "bob", Groups: []string{"seminar"}}
	carol = annotate.Viewer{User: "carol"}
	mod   = annotate.Viewer{User: "mod", Moderator: true}
)

// sampleStore holds annotations on the 31 December entry and the
// 15 January transcription: every visibility, a hidden one, a reply,
// tags, Cyrillic, an orphan, a highlight without a note, a page note.
func sampleStore(t testing.TB) *annotate.Memory {
	t.Helper()
	ctx := context.Background()
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	s := annotate.NewMemory(annotate.MemoryOptions{Now: func() time.Time {
		clock = clock.Add(time.Minute)
		return clock
	}})
	dec := docText(t, "maisky-1934-12-31", maisky.Translation)
	jan := docText(t, "maisky-1935-01-15", maisky.Transcription)
	n := 0
	add := func(v annotate.Viewer, a *annotate.Annotation) *annotate.Annotation {
		t.Helper()
		n++
		if a.ID == "" {
			a.ID = fmt.Sprintf("https://archive.example.org/annotations/%d", n)
		}
		got, err := s.Add(ctx, v, a)
		if err != nil {
			t.Fatalf("sample %d: %v", n, err)
		}
		return got
	}
	on := func(txt *annotate.Text, phrase string) annotate.Target { return selectPhrase(t, txt, phrase) }
	dd := "maisky-1934-12-31"
	add(alice, &annotate.Annotation{Document: dd, Body: "Compare his report to Litvinov of **14 July**.", Tags: []string{"Chamberlain", "Commons"},
		Target: on(dec, "Austen Chamberlain"), Visibility: annotate.Public})
	add(alice, &annotate.Annotation{Document: dd, Body: "Only for me: check the Hansard.", Target: on(dec, "the remarkable Commons debate of 13 July"), Visibility: annotate.Private})
	seminar := add(bob, &annotate.Annotation{Document: dd, Body: "For the seminar: the “realities” line.\n\nSecond paragraph — with a list:\n\n- one\n- two", Tags: []string{"realism"},
		Target: on(dec, "British politicians have an old gift for accepting realities"), Visibility: annotate.GroupOnly, Group: "seminar"})
	add(alice, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: seminar.ID, Body: "Agreed; see also 1 March.", Visibility: annotate.GroupOnly, Group: "seminar"})
	add(carol, &annotate.Annotation{Document: dd, Motivation: annotate.Highlighting, Target: on(dec, "Feka spent a month with us in London"), Visibility: annotate.Public})
	spam := add(carol, &annotate.Annotation{Document: dd, Body: "Buy cheap watches", Target: on(dec, "the Eastern Pact"), Visibility: annotate.Public})
	add(alice, &annotate.Annotation{Document: dd, Motivation: annotate.Bookmarking, Body: "Read again before the exam", Visibility: annotate.Public})
	add(bob, &annotate.Annotation{Document: dd, Motivation: annotate.Tagging, Tags: []string{"year's end", "Лондон"}, Visibility: annotate.Public,
		Target: on(dec, "So the year is over, and a new one stands at the door.")})
	orphan := on(dec, "Agniya and I have kept in fairly good health")
	orphan = annotate.Target{Quote: orphan.Quote, Pages: orphan.Pages, Orphaned: true}
	add(bob, &annotate.Annotation{Document: dd, Body: "The passage was edited away.", Target: orphan, Visibility: annotate.Public})
	add(alice, &annotate.Annotation{Document: "maisky-1935-01-15", Version: maisky.Transcription, Body: "«Одним источником трений меньше» — ирония?",
		Tags: []string{"Саар"}, Target: on(jan, "Одним источником трений в Европе меньше"), Visibility: annotate.Public})
	if _, err := s.Report(ctx, bob, spam.ID, "Advertising."); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Moderate(ctx, mod, spam.ID, annotate.Spam, 0); err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

func TestJSONLDGoldenAndRoundTrip(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	for _, v := range []annotate.Viewer{alice, bob, carol, mod, {}} {
		name := v.User
		if name == "" {
			name = "anonymous"
		}
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			q := annotate.Query{Viewer: v}
			if err := annotate.WriteJSONLD(ctx, &buf, s, q, annotate.JSONLDOptions{ID: "https://archive.example.org/annotations", Label: "Annotations for " + name}); err != nil {
				t.Fatal(err)
			}
			golden(t, "export-"+name+".jsonld", buf.Bytes())
			back, err := annotate.ReadJSONLD(bytes.NewReader(buf.Bytes()), annotate.ReadOptions{})
			if err != nil {
				t.Fatalf("ReadJSONLD of our own output: %v", err)
			}
			var want []*annotate.Annotation
			for a, err := range annotate.All(ctx, s, q) {
				if err != nil {
					t.Fatal(err)
				}
				want = append(want, a)
			}
			if len(back) != len(want) {
				t.Fatalf("read %d annotations, wrote %d", len(back), len(want))
			}
			for i := range want {
				if fmt.Sprintf("%+v", *back[i]) != fmt.Sprintf("%+v", *want[i]) {
					t.Errorf("round trip:\n got %+v\nwant %+v", *back[i], *want[i])
				}
			}
		})
	}
}

func TestMarkdownGolden(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	f := volume(t)
	d, _ := f.Document("maisky-1934-12-31")
	for _, v := range []annotate.Viewer{alice, carol} {
		var buf bytes.Buffer
		if err := annotate.WriteMarkdown(ctx, &buf, s, annotate.Query{Viewer: v}, d, f.Volume, annotate.MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		golden(t, "export-"+v.User+".md", buf.Bytes())
	}
	var buf bytes.Buffer
	err := annotate.WriteMarkdown(ctx, &buf, s, annotate.Query{Viewer: alice, Document: "other"}, d, f.Volume, annotate.MarkdownOptions{})
	if !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("a query for another document: %v", err)
	}
	err = annotate.WriteMarkdown(ctx, &buf, s, annotate.Query{Viewer: alice}, nil, f.Volume, annotate.MarkdownOptions{})
	if !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("no document: %v", err)
	}
}

func TestReadJSONLDErrors(t *testing.T) {
	cases := map[string]string{
		"not JSON":                  `{"@context": `,
		"trailing data":             `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"} {}`,
		"no context":                `{"type": "Annotation", "target": "urn:x:1"}`,
		"another context":           `{"@context": "https://schema.org", "type": "Annotation"}`,
		"not an annotation":         `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Person", "name": "A"}`,
		"no target":                 `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x"}`,
		"number":                    `42`,
		"empty array":               `[]`,
		"page of strings":           `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": ["urn:x:1"]}`,
		"body IRI":                  `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "body": "http://example.org/b", "target": "urn:maisky:document:d"}`,
		"bad position":              `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x", "target": {"source": "urn:maisky:document:d", "selector": {"type": "TextPositionSelector", "start": -3, "end": 2}}}`,
		"quote and position differ": `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x", "target": {"source": "urn:maisky:document:d", "selector": [{"type": "TextQuoteSelector", "exact": "abc"}, {"type": "TextPositionSelector", "start": 0, "end": 9}]}}`,
		"bad visibility":            `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x", "target": "urn:maisky:document:d", "visibility": "everyone"}`,
		"bad date":                  `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x", "target": "urn:maisky:document:d", "created": "yesterday"}`,
		"collection not embedded":   `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "urn:x:page1"}`,
	}
	for name, in := range cases {
		_, err := annotate.ReadJSONLD(strings.NewReader(in), annotate.ReadOptions{})
		var fe *annotate.FormatError
		if !errors.As(err, &fe) || !errors.Is(err, annotate.ErrMalformed) {
			t.Errorf("%s: %v, want a *FormatError", name, err)
		}
	}
	_, err := annotate.ReadJSONLD(strings.NewReader("{\n  \"@context\": \n}"), annotate.ReadOptions{})
	var fe *annotate.FormatError
	if !errors.As(err, &fe) || fe.Line != 3 {
		t.Errorf("syntax error position: %v", err)
	}
}

// The W3C examples that are annotations with text targets read without
// error where they fit the model.
func TestReadJSONLDForeign(t *testing.T) {
	in := `{
	  "@context": ["http://www.w3.org/ns/anno.jsonld", {"archive": "https://archive.example.org/ns#"}],
	  "id": "https://archive.example.org/annotations/101",
	  "type": "Annotation",
	  "motivation": "commenting",
	  "created": "2024-03-01T10:00:00Z",
	  "creator": {"id": "https://archive.example.org/users/42", "type": "Person", "nickname": "reader42"},
	  "body": {"type": "TextualBody", "value": "Вот как он описывает встречу", "format": "text/plain"},
	  "target": {"type": "SpecificResource", "source": "https://archive.example.org/documents/entry-1934-12-31",
	    "selector": [{"type": "TextQuoteSelector", "exact": "Austen Chamberlain", "prefix": "a long talk with ", "suffix": " about the "},
	                 {"type": "TextPositionSelector", "start": 412, "end": 430}]}
	}`
	got, err := annotate.ReadJSONLD(strings.NewReader(in), annotate.ReadOptions{DocumentBase: "https://archive.example.org/documents/"})
	if err != nil {
		t.Fatal(err)
	}
	a := got[0]
	if a.Document != "entry-1934-12-31" || a.Creator != "https://archive.example.org/users/42" || a.Target.Start != 412 || a.Target.Quote.Exact != "Austen Chamberlain" || a.Visibility != annotate.Private {
		t.Errorf("foreign annotation: %+v", a)
	}
}

// A collection served page by page: every page passes the reader, the
// pages chain by "next", and together they hold what WriteJSONLD writes.
func TestJSONLDPages(t *testing.T) {
	s := sampleStore(t)
	ctx := context.Background()
	opts := annotate.JSONLDOptions{ID: "https://archive.example.org/annotations"}
	var whole bytes.Buffer
	if err := annotate.WriteJSONLD(ctx, &whole, s, annotate.Query{Viewer: alice}, opts); err != nil {
		t.Fatal(err)
	}
	all, _ := annotate.ReadJSONLD(&whole, annotate.ReadOptions{})
	var got []*annotate.Annotation
	cursor, pages := "", 0
	for {
		var buf bytes.Buffer
		if err := annotate.WriteJSONLDPage(ctx, &buf, s, annotate.Query{Viewer: alice, Limit: 4, Cursor: cursor}, opts); err != nil {
			t.Fatal(err)
		}
		if pages == 0 {
			golden(t, "page-alice-first.jsonld", buf.Bytes())
		}
		pages++
		as, err := annotate.ReadJSONLD(bytes.NewReader(buf.Bytes()), annotate.ReadOptions{})
		if err != nil {
			t.Fatalf("page %d: %v", pages, err)
		}
		got = append(got, as...)
		i := strings.Index(buf.String(), `"next": "`)
		if i < 0 {
			break
		}
		next := buf.String()[i+9:]
		next = next[:strings.IndexByte(next, '"')]
		if cursor, err = annotate.ParsePageIRI(opts.ID, next); err != nil {
			t.Fatal(err)
		}
	}
	if pages != 3 || len(got) != len(all) {
		t.Fatalf("%d pages, %d annotations; want 3 pages of %d", pages, len(got), len(all))
	}
	for i := range all {
		if got[i].ID != all[i].ID {
			t.Errorf("page order: %s, want %s", got[i].ID, all[i].ID)
		}
	}
	if _, err := annotate.ParsePageIRI(opts.ID, "https://elsewhere/x?page=first"); !errors.Is(err, annotate.ErrInvalid) {
		t.Errorf("a foreign page IRI: %v", err)
	}
}
