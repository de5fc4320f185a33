package annotate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// fixedClock is the clock of the examples' stores.
func fixedClock() time.Time { return time.Date(2026, 11, 21, 10, 0, 0, 0, time.UTC) }

const entry = "Lunch with Vansittart ran long, and we spoke of the Eastern Pact. In the evening, a concert."

// A reader selects a passage and keeps a note on it; another reader, in
// the same group, finds it by page; a third does not see it at all.
func ExampleNewMemory() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	text := annotate.NewText(entry)
	target, _ := text.Select(48, 64) // "the Eastern Pact"
	target.Pages = maisky.PageRange{First: 101, Last: 101}
	alice := annotate.Viewer{User: "alice", Groups: []string{"seminar"}}
	a, err := s.Add(ctx, alice, &annotate.Annotation{
		ID: "urn:example:1", Document: "maisky-1935-03-01", Body: "Which pact exactly?",
		Tags: []string{"Eastern Pact"}, Target: target,
		Visibility: annotate.GroupOnly, Group: "seminar",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.ID, a.Revision, a.Created.Format(time.RFC3339))

	bob := annotate.Viewer{User: "bob", Groups: []string{"seminar"}}
	res, _ := s.Query(ctx, annotate.Query{Viewer: bob, Document: "maisky-1935-03-01", Page: 101})
	for _, a := range res.Annotations {
		fmt.Printf("bob sees %q on %q\n", a.Body, a.Target.Quote.Exact)
	}
	carol := annotate.Viewer{User: "carol"}
	n, _ := s.Count(ctx, annotate.Query{Viewer: carol})
	_, err = s.Annotation(ctx, carol, "urn:example:1")
	fmt.Println("carol counts", n, "and gets:", err)
	// Output:
	// urn:example:1 1 2026-11-21T10:00:00Z
	// bob sees "Which pact exactly?" on "the Eastern Pact"
	// carol counts 0 and gets: annotate: annotation not found
}

// Optimistic concurrency: an update from a stale copy is refused.
func ExampleMemory_Update() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	alice := annotate.Viewer{User: "alice"}
	a, _ := s.Add(ctx, alice, &annotate.Annotation{Document: "d", Body: "first"})
	stale := a.Clone()
	a.Body = "second"
	a, _ = s.Update(ctx, alice, a)
	fmt.Println(a.Body, a.Revision)
	stale.Body = "lost?"
	_, err := s.Update(ctx, alice, stale)
	fmt.Println(errors.Is(err, annotate.ErrConflict), err)
	// Output:
	// second 2
	// true annotate: conflict: revision 1 is stale (the annotation is at revision 2)
}

// A reader reports an annotation; a moderator hides it; its creator and
// moderators still see it, nobody else does.
func ExampleMemory_Report() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	carol := annotate.Viewer{User: "carol"}
	a, _ := s.Add(ctx, carol, &annotate.Annotation{Document: "d", Body: "Buy cheap watches", Visibility: annotate.Public})
	bob := annotate.Viewer{User: "bob"}
	_, err := s.Report(ctx, bob, a.ID, "  ")
	fmt.Println(err)
	r, _ := s.Report(ctx, bob, a.ID, "Advertising.")
	fmt.Println(r.Status, r.Reason)
	mod := annotate.Viewer{User: "mod", Moderator: true}
	a, _ = s.Moderate(ctx, mod, a.ID, annotate.Spam, 0)
	fmt.Println(a.Moderation)
	for _, v := range []annotate.Viewer{carol, mod, bob} {
		_, err := s.Annotation(ctx, v, a.ID)
		fmt.Printf("%s sees it: %v\n", v.User, err == nil)
	}
	// Output:
	// annotate: reason: a report needs the text of the complaint
	// pending Advertising.
	// spam
	// carol sees it: true
	// mod sees it: true
	// bob sees it: false
}

// Bookmarks and document tags are the reader's own.
func ExampleMemory_AddBookmark() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	alice := annotate.Viewer{User: "alice"}
	_, _ = s.AddBookmark(ctx, alice, annotate.Bookmark{Document: "maisky-1934-12-31", Page: 60})
	_, _ = s.TagDocument(ctx, alice, "maisky-1934-12-31", "Litvinov")
	bs, _ := s.Bookmarks(ctx, alice, "")
	ts, _ := s.DocumentTags(ctx, alice, "")
	fmt.Println(bs[0].Document, bs[0].Page, ts[0].Tag)
	bs, _ = s.Bookmarks(ctx, annotate.Viewer{User: "bob"}, "")
	fmt.Println(len(bs))
	// Output:
	// maisky-1934-12-31 60 Litvinov
	// 0
}

// All pages through every result of a query.
func ExampleAll() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	v := annotate.Viewer{User: "alice"}
	for i := range 5 {
		_, _ = s.Add(ctx, v, &annotate.Annotation{ID: fmt.Sprintf("urn:example:%d", i), Document: "d", Body: "n"})
	}
	n := 0
	for _, err := range annotate.All(ctx, s, annotate.Query{Viewer: v, Limit: 2}) {
		if err != nil {
			panic(err)
		}
		n++
	}
	fmt.Println(n)
	// Output: 5
}

func ExampleViewer_CanSee() {
	a := &annotate.Annotation{Creator: "alice", Visibility: annotate.GroupOnly, Group: "seminar"}
	for _, v := range []annotate.Viewer{
		{User: "alice"},
		{User: "bob", Groups: []string{"seminar"}},
		{User: "carol"},
		{Groups: []string{"seminar"}}, // not logged in: groups do not count
	} {
		fmt.Printf("%q sees %v, edits %v\n", v.User, v.CanSee(a, nil), v.CanEdit(a, nil))
	}
	// Output:
	// "alice" sees true, edits true
	// "bob" sees true, edits false
	// "carol" sees false, edits false
	// "" sees false, edits false
}

func ExampleAnnotation_Validate() {
	a := &annotate.Annotation{Document: "d", Creator: "alice", Body: "note",
		Target: annotate.Target{Quote: annotate.Quote{Exact: "Litvinov"}, Start: 10, End: 12}}
	err := a.Validate()
	fmt.Println(errors.Is(err, annotate.ErrInvalid), err)
	// Output:
	// true annotate: target.end: positions 10–12 do not span the quote's 8 code points
}

// Select makes a selection's target: quote, context, position.
func ExampleText_Select() {
	text := annotate.NewText(entry)
	tg, _ := text.Select(48, 64)
	fmt.Printf("%q\n%q\n%q\n%d–%d\n", tg.Quote.Prefix, tg.Quote.Exact, tg.Quote.Suffix, tg.Start, tg.End)
	_, err := text.Select(80, 200)
	fmt.Println(err)
	// Output:
	// "ttart ran long, and we spoke of "
	// "the Eastern Pact"
	// ". In the evening, a concert."
	// 48–64
	// annotate: selection 80–200: outside the text (the text has code points 0–92)
}

// Anchor finds a passage again after the text changed, or orphans it.
func ExampleText_Anchor() {
	tg, _ := annotate.NewText(entry).Select(48, 64) // "the Eastern Pact"
	for _, changed := range []string{
		entry,
		"On Monday: " + entry,
		strings.Replace(entry, "the Eastern Pact", "the eastern pact", 1),
		strings.Replace(entry, "and we spoke of the Eastern Pact", "and the talk was of nothing", 1),
	} {
		m := annotate.NewText(changed).Anchor(tg)
		fmt.Println(m.Status, m.Start, m.End)
	}
	// Output:
	// exact 48 64
	// moved 59 75
	// fuzzy 48 64
	// orphan 0 0
}

// A copy of the passage elsewhere is never taken for it; with the old
// text the Reanchorer knows where the original went.
func ExampleNewReanchorer() {
	old := annotate.NewText(entry)
	tg, _ := old.Select(48, 64)
	copied := "We spoke of the Eastern Pact. " + entry
	r := annotate.NewReanchorer(old, annotate.NewText(copied))
	m := r.Anchor(tg)
	fmt.Println(m.Status, m.Start, m.End, r.Map(48))
	// Output: moved 78 94 78
}

// Reanchor moves an annotation's target to where its passage now is.
func ExampleReanchor() {
	tg, _ := annotate.NewText(entry).Select(48, 64)
	a := &annotate.Annotation{ID: "urn:example:1", Document: "d", Creator: "alice", Body: "?", Target: tg}
	moved, m := annotate.Reanchor(a, annotate.NewText("On Monday: "+entry))
	fmt.Println(m.Status, moved.Target.Start, moved.Target.End, moved.Target.Quote.Exact)
	gone, m := annotate.Reanchor(a, annotate.NewText("Nothing of the sort."))
	fmt.Println(m.Status, gone.Target.Orphaned, gone.Target.Quote.Exact)
	// Output:
	// moved 59 75 the Eastern Pact
	// orphan true the Eastern Pact
}

// DocumentText is the text positions count in, with its print pages.
func ExampleDocumentText() {
	f, err := os.Open("../testdata/1934-12-31.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		panic(err)
	}
	text, _ := annotate.DocumentText(file.Documents[0], maisky.Translation)
	tg, _ := text.Select(773, 791)
	fmt.Println(tg.Quote.Exact, tg.Pages)
	_, err = annotate.DocumentText(file.Documents[0], maisky.Transcription)
	fmt.Println(err)
	// Output:
	// Austen Chamberlain 58
	// <nil>
}

// WriteJSONLD exports what a viewer may see as a W3C collection.
func ExampleWriteJSONLD() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	alice := annotate.Viewer{User: "alice"}
	_, _ = s.Add(ctx, alice, &annotate.Annotation{ID: "urn:example:1", Document: "d", Motivation: annotate.Bookmarking, Body: "Read again", Visibility: annotate.Public})
	_, _ = s.Add(ctx, alice, &annotate.Annotation{ID: "urn:example:2", Document: "d", Body: "Private", Visibility: annotate.Private})
	var b strings.Builder
	_ = annotate.WriteJSONLD(ctx, &b, s, annotate.Query{Viewer: annotate.Viewer{User: "bob"}}, annotate.JSONLDOptions{})
	out := b.String()
	fmt.Println(strings.TrimSpace(out[strings.Index(out, `"id": "urn:maisky:annotations"`):strings.Index(out, `"items"`)]))
	fmt.Println(strings.Contains(out, "urn:example:1"), strings.Contains(out, "urn:example:2"), strings.HasSuffix(out, "\"total\": 1\n}\n"))
	// Output:
	// "id": "urn:maisky:annotations",
	//   "type": "AnnotationCollection",
	//   "first": {
	//     "id": "urn:maisky:annotations#page-1",
	//     "type": "AnnotationPage",
	//     "partOf": {"id": "urn:maisky:annotations"},
	//     "startIndex": 0,
	// true false true
}

// ReadJSONLD reads W3C annotations, and refuses what is not one. A quote
// without a position is not anchored yet: it reads as Orphaned until
// Reanchor finds it.
func ExampleReadJSONLD() {
	as, err := annotate.ReadJSONLD(strings.NewReader(`{
	  "@context": "http://www.w3.org/ns/anno.jsonld",
	  "id": "urn:example:9", "type": "Annotation", "motivation": "commenting",
	  "creator": "urn:maisky:user:alice",
	  "bodyValue": "A note",
	  "target": {"source": "urn:maisky:document:maisky-1934-12-31",
	    "selector": {"type": "TextQuoteSelector", "exact": "Litvinov", "prefix": "with ", "suffix": " about"}}
	}`), annotate.ReadOptions{})
	if err != nil {
		panic(err)
	}
	a := as[0]
	fmt.Println(a.Document, a.Creator, a.Body, a.Target.Quote.Exact, a.Target.Orphaned)
	_, err = annotate.ReadJSONLD(strings.NewReader(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Person"}`), annotate.ReadOptions{})
	fmt.Println(err)
	// Output:
	// maisky-1934-12-31 alice A note Litvinov true
	// annotate: malformed annotation data at type: not an Annotation, AnnotationCollection or AnnotationPage
}

// WriteMarkdown groups a viewer's annotations by print page, with the
// document's citation.
func ExampleWriteMarkdown() {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	file, _ := maisky.Read(f)
	doc, _ := file.Document("maisky-1934-12-31")
	text, _ := annotate.DocumentText(doc, maisky.Translation)
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	alice := annotate.Viewer{User: "alice"}
	tg, _ := text.Select(773, 791)
	_, _ = s.Add(ctx, alice, &annotate.Annotation{Document: doc.ID, Body: "Compare *Hansard*.", Target: tg})
	_ = annotate.WriteMarkdown(ctx, os.Stdout, s, annotate.Query{Viewer: alice}, doc, file.Volume, annotate.MarkdownOptions{})
	// Output:
	// # Annotations on 31 December
	//
	// Maisky, Ivan. “31 December 1934.” In *The Complete Maisky Diaries*, vol. 1, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready. Yale University Press, 2017.
	//
	// ## Page 58
	//
	// Cite as: Maisky, “31 December 1934,” 58.
	//
	// > Austen Chamberlain
	//
	// Compare *Hansard*.
	//
	// — alice, 21 November 2026 · commenting · private
}

// Import loads trusted data as it is, moderation state included.
func ExampleMemory_Import() {
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	err := s.Import(context.Background(), &annotate.Annotation{ID: "urn:example:1", Document: "d", Creator: "carol", Body: "x",
		Visibility: annotate.Public, Moderation: annotate.Hidden, Revision: 7})
	a, _ := s.Annotation(context.Background(), annotate.Viewer{User: "carol"}, "urn:example:1")
	fmt.Println(err, a.Moderation, a.Revision)
	// Output: <nil> hidden 7
}

func ExampleParseCursor() {
	c := annotate.Cursor{Created: time.Date(2026, 1, 2, 3, 4, 5, 6000, time.UTC), ID: "urn:x:1"}
	back, err := annotate.ParseCursor(c.String())
	fmt.Println(back.Created.Format(time.RFC3339Nano), back.ID, err)
	_, err = annotate.ParseCursor("not-a-cursor")
	fmt.Println(err)
	// Output:
	// 2026-01-02T03:04:05.000006Z urn:x:1 <nil>
	// annotate: cursor: not a cursor this package returned
}

// FileText finds a document's text in a file; an unknown document is a
// typed error.
func ExampleFileText() {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	file, _ := maisky.Read(f)
	text, err := annotate.FileText(file, "maisky-1935-01-15", maisky.Transcription)
	fmt.Println(text.Slice(0, 9), err)
	_, err = annotate.FileText(file, "maisky-1999-01-01", maisky.Translation)
	var nf *annotate.NotFoundError
	fmt.Println(errors.As(err, &nf), nf.Kind, errors.Is(err, annotate.ErrNotFound))
	// Output:
	// 15 января <nil>
	// true document true
}

func ExampleParseVisibility() {
	v, err := annotate.ParseVisibility("group")
	fmt.Println(v, err)
	_, err = annotate.ParseVisibility("friends")
	fmt.Println(err)
	m, _ := annotate.ParseModeration("spam")
	mo, _ := annotate.ParseMotivation("highlighting")
	fmt.Println(m, m.Concealed(), mo)
	// Output:
	// group <nil>
	// annotate: visibility: unknown visibility "friends"; allowed: private, group, public
	// spam true highlighting
}

func ExampleNewID() {
	id := annotate.NewID()
	fmt.Println(strings.HasPrefix(id, "urn:uuid:"), len(id))
	// Output: true 45
}

func ExampleCheckReason() {
	r, err := annotate.CheckReason("  Offensive language.\n")
	fmt.Printf("%q %v\n", r, err)
	_, err = annotate.CheckReason(" ")
	fmt.Println(err)
	// Output:
	// "Offensive language." <nil>
	// annotate: reason: a report needs the text of the complaint
}

func ExampleCheckTag() {
	t, err := annotate.CheckTag("  cafe\u0301 ")
	fmt.Printf("%q %v\n", t, err)
	b, err := annotate.CheckBookmark(annotate.Bookmark{Document: "d", Page: -2})
	fmt.Println(b.Page, err)
	// Output:
	// "café" <nil>
	// -2 annotate: page: a print page is a positive number (0 for the whole document)
}

// PlainTextOf prepares a version's text with its print pages.
func ExamplePlainTextOf() {
	v := &maisky.Version{Kind: maisky.Translation, Blocks: []maisky.Block{
		&maisky.Paragraph{Content: []maisky.Inline{
			&maisky.Text{Value: "Before the break, "},
			&maisky.PageBreak{Page: 60},
			&maisky.Text{Value: "after it."},
		}},
	}}
	text := annotate.PlainTextOf(v)
	tg, _ := text.Select(11, 27) // "break, after it"
	fmt.Printf("%q %v\n", tg.Quote.Exact, tg.Pages)
	// Output: "break, after it." 59–60
}

// Retarget makes the target of a match: the passage where it now is.
func ExampleText_Retarget() {
	tg, _ := annotate.NewText(entry).Select(48, 64)
	nt := annotate.NewText("On Monday: " + entry)
	nt2 := nt.Retarget(tg, nt.Anchor(tg))
	fmt.Println(nt2.Start, nt2.End, nt2.Quote.Exact, nt2.Orphaned)
	// Output: 59 75 the Eastern Pact false
}

// WriteJSONLDPage serves a large collection page by page.
func ExampleWriteJSONLDPage() {
	ctx := context.Background()
	s := annotate.NewMemory(annotate.MemoryOptions{Now: fixedClock})
	alice := annotate.Viewer{User: "alice"}
	for i := range 3 {
		_, _ = s.Add(ctx, alice, &annotate.Annotation{ID: fmt.Sprintf("urn:example:%d", i), Document: "d", Body: "n"})
	}
	opts := annotate.JSONLDOptions{ID: "https://archive.example.org/annotations"}
	var b strings.Builder
	_ = annotate.WriteJSONLDPage(ctx, &b, s, annotate.Query{Viewer: alice, Limit: 2}, opts)
	out := b.String()
	fmt.Println(strings.Count(out, `"type": "Annotation"`), strings.Contains(out, `"next": "https://archive.example.org/annotations?page=`))
	next := out[strings.Index(out, `"next": "`)+9:]
	cursor, err := annotate.ParsePageIRI(opts.ID, next[:strings.IndexByte(next, '"')])
	b.Reset()
	_ = annotate.WriteJSONLDPage(ctx, &b, s, annotate.Query{Viewer: alice, Limit: 2, Cursor: cursor}, opts)
	fmt.Println(err, strings.Count(b.String(), `"type": "Annotation"`), strings.Contains(b.String(), `"next"`))
	// Output:
	// 2 true
	// <nil> 1 false
}
