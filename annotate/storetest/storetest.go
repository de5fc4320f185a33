package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// Options tune the conformance suite. The zero value is the full suite.
type Options struct {
	// PrivacyCases is the number of cases of the randomised privacy test of
	// Run; 0 means PrivacyCases. A store whose every operation is slow under
	// the race detector (SQLite, C translated to Go) may run fewer there,
	// provided the full count runs without it.
	PrivacyCases int
	// LibraryPrivacyCases is the same for RunLibrary; 0 means
	// LibraryPrivacyCases.
	LibraryPrivacyCases int
	// MembershipPrivacyCases is the same for the membership privacy test
	// of RunLibrary; 0 means MembershipPrivacyCases.
	MembershipPrivacyCases int
}

func (o Options) membershipPrivacyCases() int {
	if o.MembershipPrivacyCases > 0 {
		return o.MembershipPrivacyCases
	}
	return MembershipPrivacyCases
}

func (o Options) privacyCases() int {
	if o.PrivacyCases > 0 {
		return o.PrivacyCases
	}
	return PrivacyCases
}

func (o Options) libraryPrivacyCases() int {
	if o.LibraryPrivacyCases > 0 {
		return o.LibraryPrivacyCases
	}
	return LibraryPrivacyCases
}

// Run runs every conformance test, each on a store that open returns new
// and empty. open may register cleanups with t.
func Run(t *testing.T, open func(t *testing.T) annotate.Store) {
	t.Helper()
	RunWith(t, open, Options{})
}

// RunWith is Run with options.
func RunWith(t *testing.T, open func(t *testing.T) annotate.Store, opts Options) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, annotate.Store)
	}{
		{"AddAndGet", testAddAndGet},
		{"AddErrors", testAddErrors},
		{"Update", testUpdate},
		{"ConcurrentUpdates", testConcurrentUpdates},
		{"Delete", testDelete},
		{"Replies", testReplies},
		{"QueryOrderAndPaging", testQueryPaging},
		{"QueryFilters", testQueryFilters},
		{"Visibility", testVisibility},
		{"Reports", testReports},
		{"Moderation", testModeration},
		{"Bookmarks", testBookmarks},
		{"DocumentTags", testDocumentTags},
		{"CancelledContext", testCancelled},
		{"ConcurrentUse", testConcurrentUse},
		{"Import", testImport},
		{"Privacy", privacyTest(opts.privacyCases())},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

var (
	alice = annotate.Viewer{User: "alice", Groups: []string{"seminar"}}
	bob   = annotate.Viewer{User: "bob", Groups: []string{"seminar", "club"}}
	carol = annotate.Viewer{User: "carol"}
	mod   = annotate.Viewer{User: "mod", Moderator: true, Groups: []string{"club"}}
	anon  = annotate.Viewer{}
)

var base = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func at(i int) time.Time { return base.Add(time.Duration(i) * time.Second) }

// note returns a commenting annotation on the 31 December entry.
func note(id, body string, created time.Time) *annotate.Annotation {
	return &annotate.Annotation{
		ID:         id,
		Document:   "maisky-1934-12-31",
		Created:    created,
		Motivation: annotate.Commenting,
		Body:       body,
		Target: annotate.Target{
			Quote: annotate.Quote{Exact: "Litvinov", Prefix: "a talk with ", Suffix: " about"},
			Start: 120, End: 128,
			Pages: maisky.PageRange{First: 60, Last: 60},
		},
	}
}

func mustAdd(t *testing.T, s annotate.Store, v annotate.Viewer, a *annotate.Annotation) *annotate.Annotation {
	t.Helper()
	got, err := s.Add(context.Background(), v, a)
	if err != nil {
		t.Fatalf("Add(%s) by %q: %v", a.ID, v.User, err)
	}
	return got
}

// describe renders an annotation for comparison, times as instants.
func describe(a *annotate.Annotation) string {
	if a == nil {
		return "<nil>"
	}
	c := *a
	created, modified := c.Created, c.Modified
	c.Created, c.Modified = time.Time{}, time.Time{}
	return fmt.Sprintf("%+v created=%s modified=%s", c, created.UTC().Format(time.RFC3339Nano), modified.UTC().Format(time.RFC3339Nano))
}

func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: got error %v, want %v", what, err, target)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func ids(as []*annotate.Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// queryAll pages through every result of q.
func queryAll(t *testing.T, s annotate.Store, q annotate.Query) []*annotate.Annotation {
	t.Helper()
	var out []*annotate.Annotation
	for pages := 0; ; pages++ {
		if pages > 100000 {
			t.Fatal("Query: cursors do not end")
		}
		res, err := s.Query(context.Background(), q)
		if err != nil {
			t.Fatalf("Query(%+v): %v", q, err)
		}
		if len(res.Annotations) > q.EffectiveLimit() {
			t.Fatalf("Query: %d results, limit %d", len(res.Annotations), q.EffectiveLimit())
		}
		out = append(out, res.Annotations...)
		if res.Next == "" {
			return out
		}
		if len(res.Annotations) == 0 {
			t.Fatal("Query: an empty page with a next cursor")
		}
		q.Cursor = res.Next
	}
}

func testAddAndGet(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	in := &annotate.Annotation{
		ID:         "https://archive.example/annotations/1",
		Document:   "maisky-1934-12-31",
		Version:    maisky.Transcription,
		Creator:    "alice",
		Created:    time.Date(2026, 1, 2, 3, 4, 5, 678912345, time.FixedZone("MSK", 3*3600)),
		Modified:   time.Date(2026, 1, 3, 3, 4, 5, 0, time.UTC),
		Motivation: annotate.Highlighting,
		Body:       "See *Litvinov*’s reply — «Литвинов»\nsecond line",
		Tags:       []string{"Litvinov", "Наркоминдел"},
		Target: annotate.Target{
			Quote: annotate.Quote{Exact: "Литвинов", Prefix: "с ", Suffix: " о"},
			Start: 7, End: 15,
			Pages: maisky.PageRange{First: 59, Last: 60},
		},
		Visibility: annotate.GroupOnly,
		Group:      "seminar",
		Moderation: annotate.Hidden, // ignored by Add
		Revision:   42,              // ignored by Add
	}
	got := mustAdd(t, s, alice, in)
	want := *in
	want.Tags = slices.Clone(in.Tags)
	want.Created = time.Date(2026, 1, 2, 0, 4, 5, 678912000, time.UTC)
	want.Moderation = annotate.Unmoderated
	want.Revision = 1
	if describe(got) != describe(&want) {
		t.Errorf("Add returned\n%s\nwant\n%s", describe(got), describe(&want))
	}
	if got.Created.Location() != time.UTC {
		t.Errorf("Created in %v, want UTC", got.Created.Location())
	}
	for _, v := range []annotate.Viewer{alice, bob} {
		back, err := s.Annotation(ctx, v, in.ID)
		if err != nil {
			t.Fatalf("Annotation by %s: %v", v.User, err)
		}
		if describe(back) != describe(&want) {
			t.Errorf("Annotation by %s returned\n%s\nwant\n%s", v.User, describe(back), describe(&want))
		}
	}
	// The caller's value is not kept: changing it changes nothing stored.
	in.Tags[0] = "changed"
	got.Tags[1] = "changed"
	back, _ := s.Annotation(ctx, alice, in.ID)
	if back == nil || !slices.Equal(back.Tags, want.Tags) {
		t.Errorf("stored tags changed through a caller's slice: %v", back)
	}

	// Defaults: an assigned ID, the creator from the viewer, the version,
	// dates from the store's clock.
	before := time.Now().Add(-time.Minute)
	a := mustAdd(t, s, bob, &annotate.Annotation{Document: "d", Body: "a note", Target: annotate.Target{Quote: annotate.Quote{Exact: "x"}, Start: 3, End: 4}})
	b := mustAdd(t, s, bob, &annotate.Annotation{Document: "d", Body: "a note"})
	if !strings.HasPrefix(a.ID, "urn:uuid:") || a.ID == b.ID {
		t.Errorf("assigned IDs %q and %q, want two urn:uuid: IRIs", a.ID, b.ID)
	}
	if a.Creator != "bob" || a.Version != maisky.Translation || a.Revision != 1 {
		t.Errorf("defaults: creator %q, version %v, revision %d", a.Creator, a.Version, a.Revision)
	}
	if a.Created.Before(before) || a.Created.After(time.Now().Add(time.Minute)) || !a.Modified.Equal(a.Created) {
		t.Errorf("dates from the clock: created %v, modified %v", a.Created, a.Modified)
	}
	if a.Created.Location() != time.UTC || a.Created.Nanosecond()%1000 != 0 {
		t.Errorf("created %v: want UTC to the microsecond", a.Created)
	}
	// NFC: a decomposed quote and tag are stored composed.
	c := mustAdd(t, s, bob, &annotate.Annotation{Document: "d", Body: "е\u0301", Tags: []string{" e\u0301tude "},
		Target: annotate.Target{Quote: annotate.Quote{Exact: "e\u0301"}, Start: 0, End: 1}})
	if c.Body != "\u0435\u0301" || c.Tags[0] != "\u00e9tude" || c.Target.Quote.Exact != "\u00e9" {
		t.Errorf("NFC: body %q tags %q quote %q", c.Body, c.Tags, c.Target.Quote.Exact)
	}
}

func testAddErrors(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	mustAdd(t, s, alice, note("urn:x:1", "first", at(1)))
	_, err := s.Add(ctx, alice, note("urn:x:1", "again", at(2)))
	wantErr(t, "duplicate id", err, annotate.ErrExists)
	_, err = s.Add(ctx, anon, note("urn:x:2", "anonymous", at(2)))
	wantErr(t, "anonymous", err, annotate.ErrForbidden)
	a := note("urn:x:3", "as someone else", at(2))
	a.Creator = "bob"
	_, err = s.Add(ctx, alice, a)
	wantErr(t, "creator is not the viewer", err, annotate.ErrForbidden)
	a = note("urn:x:4", "to a group", at(2))
	a.Visibility, a.Group = annotate.GroupOnly, "club"
	_, err = s.Add(ctx, alice, a)
	wantErr(t, "a group the creator is not in", err, annotate.ErrForbidden)
	_, err = s.Add(ctx, alice, nil)
	wantErr(t, "nil", err, annotate.ErrInvalid)

	bad := map[string]func(a *annotate.Annotation){
		"no document":          func(a *annotate.Annotation) { a.Document = "" },
		"comment without body": func(a *annotate.Annotation) { a.Body = "  " },
		"positions not spanning the quote": func(a *annotate.Annotation) {
			a.Target.End = a.Target.Start + 3
		},
		"negative start":        func(a *annotate.Annotation) { a.Target.Start, a.Target.End = -8, 0 },
		"unknown motivation":    func(a *annotate.Annotation) { a.Motivation = 99 },
		"unknown visibility":    func(a *annotate.Annotation) { a.Visibility = 7 },
		"group without a name":  func(a *annotate.Annotation) { a.Visibility = annotate.GroupOnly },
		"group when private":    func(a *annotate.Annotation) { a.Group = "seminar" },
		"relative id":           func(a *annotate.Annotation) { a.ID = "notes/1" },
		"empty tag":             func(a *annotate.Annotation) { a.Tags = []string{"ok", " "} },
		"duplicate tag":         func(a *annotate.Annotation) { a.Tags = []string{"ok", "ok"} },
		"tagging without tags":  func(a *annotate.Annotation) { a.Motivation = annotate.Tagging },
		"reply without parent":  func(a *annotate.Annotation) { a.Motivation = annotate.Replying },
		"bad pages":             func(a *annotate.Annotation) { a.Target.Pages = maisky.PageRange{First: 61, Last: 60} },
		"invalid UTF-8":         func(a *annotate.Annotation) { a.Body = "\xff" },
		"huge body":             func(a *annotate.Annotation) { a.Body = strings.Repeat("x", annotate.MaxText+1) },
		"unknown version":       func(a *annotate.Annotation) { a.Version = 5 },
		"modified before added": func(a *annotate.Annotation) { a.Modified = a.Created.Add(-time.Hour) },
	}
	for name, f := range bad {
		a := note("urn:x:bad", "body", at(3))
		f(a)
		_, err := s.Add(ctx, alice, a)
		wantErr(t, name, err, annotate.ErrInvalid)
		var ie *annotate.InputError
		if !errors.As(err, &ie) {
			t.Errorf("%s: %T is not an *annotate.InputError", name, err)
		}
	}
	if _, err := s.Annotation(ctx, alice, "urn:x:bad"); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("a refused annotation was stored: %v", err)
	}
	_, err = s.Annotation(ctx, alice, "urn:x:none")
	var nf *annotate.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("unknown id: %v, want *annotate.NotFoundError", err)
	}
}

func testUpdate(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	a := note("urn:x:1", "first", at(1))
	a.Visibility = annotate.Public
	a = mustAdd(t, s, alice, a)

	c := a.Clone()
	c.Body = "second"
	c.Tags = []string{"edited"}
	c.Creator, c.Document, c.Created = "bob", "other", at(100) // not changed by Update
	c.Moderation = annotate.Approved                           // not changed by Update
	got, err := s.Update(ctx, alice, c)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if got.Body != "second" || !slices.Equal(got.Tags, []string{"edited"}) || got.Revision != 2 {
		t.Errorf("Update returned body %q tags %v revision %d", got.Body, got.Tags, got.Revision)
	}
	if got.Creator != "alice" || got.Document != a.Document || !got.Created.Equal(a.Created) || got.Moderation != annotate.Unmoderated {
		t.Errorf("Update changed a kept field: %s", describe(got))
	}
	if got.Modified.Before(got.Created) {
		t.Errorf("modified %v before created %v", got.Modified, got.Created)
	}
	back, _ := s.Annotation(ctx, bob, a.ID)
	if describe(back) != describe(got) {
		t.Errorf("stored\n%s\nreturned\n%s", describe(back), describe(got))
	}

	// Stale revision.
	c.Body = "third"
	_, err = s.Update(ctx, alice, c) // c.Revision is 1
	wantErr(t, "stale revision", err, annotate.ErrConflict)
	var ce *annotate.ConflictError
	if !errors.As(err, &ce) || ce.Current != 2 {
		t.Errorf("stale revision: %v, want *ConflictError at revision 2", err)
	}
	// Not the creator; cannot see; anonymous.
	c.Revision = 2
	_, err = s.Update(ctx, bob, c)
	wantErr(t, "another reader", err, annotate.ErrForbidden)
	_, err = s.Update(ctx, mod, c)
	wantErr(t, "a moderator", err, annotate.ErrForbidden)
	_, err = s.Update(ctx, anon, c)
	wantErr(t, "anonymous", err, annotate.ErrForbidden)
	p := mustAdd(t, s, alice, note("urn:x:private", "mine", at(2)))
	p.Body = "changed"
	_, err = s.Update(ctx, bob, p)
	wantErr(t, "a private annotation by another", err, annotate.ErrNotFound)
	p.ID = "urn:x:none"
	_, err = s.Update(ctx, alice, p)
	wantErr(t, "unknown id", err, annotate.ErrNotFound)

	// Invalid change; sharing with a group the creator is not in.
	c.Body = ""
	_, err = s.Update(ctx, alice, c)
	wantErr(t, "empty body", err, annotate.ErrInvalid)
	c.Body = "fine"
	c.Visibility, c.Group = annotate.GroupOnly, "club"
	_, err = s.Update(ctx, alice, c)
	wantErr(t, "a group the creator is not in", err, annotate.ErrForbidden)
	c.Group = "seminar"
	got, err = s.Update(ctx, alice, c)
	if err != nil || got.Visibility != annotate.GroupOnly || got.Revision != 3 {
		t.Fatalf("Update to the seminar group: %v %v", got, err)
	}
	if _, err := s.Annotation(ctx, carol, a.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("carol, outside the group, still sees it: %v", err)
	}
	// Its creator, having left the group, still edits its note.
	left := annotate.Viewer{User: "alice"}
	got.Body = "after leaving"
	got, err = s.Update(ctx, left, got)
	if err != nil || got.Body != "after leaving" || got.Group != "seminar" {
		t.Errorf("the creator edits after leaving the group: %v %v", got, err)
	}
	// A reply stays a reply.
	r := mustAdd(t, s, bob, &annotate.Annotation{ID: "urn:x:reply", Motivation: annotate.Replying, ReplyTo: a.ID, Body: "re", Visibility: annotate.GroupOnly, Group: "seminar", Created: at(9)})
	r.Motivation, r.ReplyTo = annotate.Commenting, ""
	r.Target = annotate.Target{Quote: annotate.Quote{Exact: "x"}, Start: 0, End: 1}
	got, err = s.Update(ctx, bob, r)
	if err == nil && (got.ReplyTo != a.ID || got.Motivation != annotate.Replying) {
		t.Errorf("an update made a reply into an annotation: %s", describe(got))
	}
}

func testConcurrentUpdates(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	a := mustAdd(t, s, alice, note("urn:x:1", "first", at(1)))
	const n = 8
	errs := make(chan error, n)
	for i := range n {
		go func() {
			c := a.Clone()
			c.Body = fmt.Sprintf("writer %d", i)
			_, err := s.Update(ctx, alice, c)
			errs <- err
		}()
	}
	ok := 0
	for range n {
		err := <-errs
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, annotate.ErrConflict):
			t.Errorf("concurrent update: %v, want nil or ErrConflict", err)
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d concurrent updates of revision 1 succeeded, want exactly 1", ok, n)
	}
	back, _ := s.Annotation(ctx, alice, a.ID)
	if back == nil || back.Revision != 2 || !strings.HasPrefix(back.Body, "writer ") {
		t.Errorf("after the race: %s", describe(back))
	}
}

func testDelete(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	pub := note("urn:x:1", "public", at(1))
	pub.Visibility = annotate.Public
	pub = mustAdd(t, s, alice, pub)
	reply := mustAdd(t, s, bob, &annotate.Annotation{ID: "urn:x:2", Motivation: annotate.Replying, ReplyTo: pub.ID, Body: "a reply", Visibility: annotate.Public, Created: at(2)})
	if _, err := s.Report(ctx, carol, pub.ID, "rude"); err != nil {
		t.Fatal(err)
	}
	pub, _ = s.Annotation(ctx, alice, pub.ID)

	wantErr(t, "another reader deletes", s.Delete(ctx, bob, pub.ID, 0), annotate.ErrForbidden)
	wantErr(t, "anonymous deletes", s.Delete(ctx, anon, pub.ID, 0), annotate.ErrForbidden)
	wantErr(t, "stale revision", s.Delete(ctx, alice, pub.ID, 1), annotate.ErrConflict)
	wantErr(t, "unknown id", s.Delete(ctx, alice, "urn:x:none", 0), annotate.ErrNotFound)
	if err := s.Delete(ctx, alice, pub.ID, pub.Revision); err != nil {
		t.Fatalf("Delete by creator: %v", err)
	}
	for _, id := range []string{pub.ID, reply.ID} {
		if _, err := s.Annotation(ctx, alice, id); !errors.Is(err, annotate.ErrNotFound) {
			t.Errorf("%s after delete: %v", id, err)
		}
	}
	if rs, err := s.Reports(ctx, mod, annotate.ReportQuery{}); err != nil || len(rs.Reports) != 0 {
		t.Errorf("reports of a deleted annotation: %v %v", rs, err)
	}
	wantErr(t, "delete twice", s.Delete(ctx, alice, pub.ID, 0), annotate.ErrNotFound)

	// A moderator deletes what they see, not a private annotation.
	p2 := note("urn:x:3", "public", at(3))
	p2.Visibility = annotate.Public
	mustAdd(t, s, bob, p2)
	if err := s.Delete(ctx, mod, p2.ID, 0); err != nil {
		t.Errorf("moderator deletes a public annotation: %v", err)
	}
	priv := mustAdd(t, s, bob, note("urn:x:4", "private", at(4)))
	wantErr(t, "moderator deletes a private annotation", s.Delete(ctx, mod, priv.ID, 0), annotate.ErrNotFound)
	// Deleting a reply keeps its parent.
	p3 := note("urn:x:5", "public", at(5))
	p3.Visibility = annotate.Public
	mustAdd(t, s, alice, p3)
	r3 := mustAdd(t, s, bob, &annotate.Annotation{ID: "urn:x:6", Motivation: annotate.Replying, ReplyTo: p3.ID, Body: "a reply", Visibility: annotate.Public, Created: at(6)})
	if err := s.Delete(ctx, bob, r3.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Annotation(ctx, alice, p3.ID); err != nil {
		t.Errorf("parent after its reply was deleted: %v", err)
	}
	if n, _ := s.Count(ctx, annotate.Query{Viewer: alice, ReplyTo: p3.ID}); n != 0 {
		t.Errorf("%d replies after deleting the only one", n)
	}
}

func testReplies(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	pub := note("urn:x:1", "public", at(1))
	pub.Visibility = annotate.Public
	pub.Version = maisky.Transcription
	mustAdd(t, s, alice, pub)
	r := mustAdd(t, s, bob, &annotate.Annotation{ID: "urn:x:2", Motivation: annotate.Replying, ReplyTo: pub.ID, Body: "I disagree", Visibility: annotate.Public, Created: at(2)})
	if r.Document != pub.Document || r.Version != maisky.Transcription {
		t.Errorf("a reply takes its parent's document and version: %q %v", r.Document, r.Version)
	}
	// No replies to replies, to hidden annotations, to what one cannot see.
	_, err := s.Add(ctx, carol, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: r.ID, Body: "nested", Visibility: annotate.Public})
	wantErr(t, "reply to a reply", err, annotate.ErrForbidden)
	priv := mustAdd(t, s, alice, note("urn:x:3", "private", at(3)))
	_, err = s.Add(ctx, bob, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: priv.ID, Body: "peek", Visibility: annotate.Public})
	wantErr(t, "reply to a private annotation of another", err, annotate.ErrNotFound)
	_, err = s.Add(ctx, bob, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: "urn:x:none", Body: "void", Visibility: annotate.Public})
	wantErr(t, "reply to nothing", err, annotate.ErrNotFound)
	_, err = s.Add(ctx, bob, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: pub.ID, Document: "other", Body: "elsewhere", Visibility: annotate.Public})
	wantErr(t, "reply on another document", err, annotate.ErrInvalid)

	// A public reply to an annotation made private is hidden with it.
	c, _ := s.Annotation(ctx, alice, pub.ID)
	c.Visibility = annotate.Private
	if _, err := s.Update(ctx, alice, c); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Annotation(ctx, carol, r.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("carol sees a reply to a private annotation: %v", err)
	}
	if _, err := s.Annotation(ctx, bob, r.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("bob sees his reply to a now private annotation: %v", err)
	}
	if n, _ := s.Count(ctx, annotate.Query{Viewer: carol}); n != 0 {
		t.Errorf("carol counts %d annotations", n)
	}
	if got := queryAll(t, s, annotate.Query{Viewer: alice, ReplyTo: pub.ID}); len(got) != 1 || got[0].ID != r.ID {
		t.Errorf("alice's replies: %v", ids(got))
	}
}

func testQueryPaging(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	var want []string
	// 57 annotations; several share a creation time and are ordered by ID.
	for i := range 57 {
		a := note(fmt.Sprintf("urn:x:%03d", (i*37)%57), "n", at(i/3))
		a.Visibility = annotate.Public
		mustAdd(t, s, alice, a)
	}
	res := queryAll(t, s, annotate.Query{Viewer: bob, Limit: 1000})
	for _, a := range res {
		want = append(want, a.ID)
	}
	sorted := slices.Clone(res)
	slices.SortFunc(sorted, func(a, b *annotate.Annotation) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	if !slices.Equal(ids(sorted), want) || len(want) != 57 {
		t.Fatalf("order: got %v", want)
	}
	for _, limit := range []int{1, 2, 5, 7, 56, 57, 58} {
		got := ids(queryAll(t, s, annotate.Query{Viewer: bob, Limit: limit}))
		if !slices.Equal(got, want) {
			t.Errorf("limit %d: pages give %v, want %v", limit, got, want)
		}
	}
	// Limits: default and maximum.
	res1, err := s.Query(ctx, annotate.Query{Viewer: bob, Limit: 2})
	if err != nil || len(res1.Annotations) != 2 || res1.Next == "" {
		t.Fatalf("Limit 2: %v %v", res1, err)
	}
	res2, err := s.Query(ctx, annotate.Query{Viewer: bob, Limit: 3, Cursor: res1.Next})
	if err != nil || !slices.Equal(ids(res2.Annotations), want[2:5]) {
		t.Errorf("after the cursor: %v %v", res2, err)
	}
	last, err := s.Query(ctx, annotate.Query{Viewer: bob, Limit: 57})
	if err != nil || len(last.Annotations) != 57 || last.Next != "" {
		t.Errorf("a page holding everything: %d results, next %q, %v", len(last.Annotations), last.Next, err)
	}
	for _, bad := range []string{"garbage", "MTo", "!!!", strings.Repeat("A", 10000)} {
		_, err := s.Query(ctx, annotate.Query{Viewer: bob, Cursor: bad})
		wantErr(t, "cursor "+bad[:min(len(bad), 10)], err, annotate.ErrInvalid)
	}
	n, err := s.Count(ctx, annotate.Query{Viewer: bob, Limit: 3})
	if err != nil || n != 57 {
		t.Errorf("Count: %d %v, want 57", n, err)
	}
	for i := range 150 {
		a := note(fmt.Sprintf("urn:y:%03d", i), "n", at(100+i))
		a.Document = "many"
		mustAdd(t, s, alice, a)
	}
	res3, err := s.Query(ctx, annotate.Query{Viewer: alice, Document: "many"})
	if err != nil || len(res3.Annotations) != annotate.DefaultLimit || res3.Next == "" {
		t.Errorf("default limit: %d results, %v", len(res3.Annotations), err)
	}
	if got := queryAll(t, s, annotate.Query{Viewer: alice, Document: "many", Limit: 1 << 30}); len(got) != 150 {
		t.Errorf("huge limit: %d results in all", len(got))
	}
	// Adding behind a cursor does not repeat or skip what was there.
	p, _ := s.Query(ctx, annotate.Query{Viewer: alice, Document: "many", Limit: 10})
	a := note("urn:y:early", "n", at(0))
	a.Document = "many"
	mustAdd(t, s, alice, a)
	rest := queryAll(t, s, annotate.Query{Viewer: alice, Document: "many", Cursor: p.Next})
	if len(rest) != 140 || rest[0].ID != "urn:y:010" {
		t.Errorf("after adding behind the cursor: %d results from %v", len(rest), ids(rest[:min(1, len(rest))]))
	}
}

func testQueryFilters(t *testing.T, s annotate.Store) {
	type spec struct {
		id, doc, creator string
		version          maisky.VersionKind
		tags             []string
		pages            maisky.PageRange
	}
	specs := []spec{
		{"urn:f:1", "d1", "alice", maisky.Translation, []string{"Litvinov", "Лондон"}, maisky.PageRange{First: 59, Last: 60}},
		{"urn:f:2", "d1", "bob", maisky.Transcription, []string{"Лондон"}, maisky.PageRange{First: 60, Last: 60}},
		{"urn:f:3", "d1", "alice", maisky.Translation, nil, maisky.PageRange{}},
		{"urn:f:4", "d2", "bob", maisky.Translation, []string{"Litvinov"}, maisky.PageRange{First: 61, Last: 63}},
		{"urn:f:5", "d2", "alice", maisky.Transcription, []string{"café"}, maisky.PageRange{First: 58, Last: 58}},
	}
	for i, sp := range specs {
		a := &annotate.Annotation{ID: sp.id, Document: sp.doc, Version: sp.version, Body: "n", Tags: sp.tags,
			Created: at(i), Visibility: annotate.Public,
			Target: annotate.Target{Quote: annotate.Quote{Exact: "q"}, Start: 1, End: 2, Pages: sp.pages}}
		v := alice
		if sp.creator == "bob" {
			v = bob
		}
		mustAdd(t, s, v, a)
	}
	r := mustAdd(t, s, carol, &annotate.Annotation{ID: "urn:f:6", Motivation: annotate.Replying, ReplyTo: "urn:f:1", Body: "reply", Visibility: annotate.Public, Created: at(9)})
	cases := []struct {
		q    annotate.Query
		want []string
	}{
		{annotate.Query{}, []string{"urn:f:1", "urn:f:2", "urn:f:3", "urn:f:4", "urn:f:5", r.ID}},
		{annotate.Query{Document: "d1"}, []string{"urn:f:1", "urn:f:2", "urn:f:3", r.ID}},
		{annotate.Query{Document: "d1", Version: maisky.Translation}, []string{"urn:f:1", "urn:f:3", r.ID}},
		{annotate.Query{Version: maisky.Transcription}, []string{"urn:f:2", "urn:f:5"}},
		{annotate.Query{Creator: "bob"}, []string{"urn:f:2", "urn:f:4"}},
		{annotate.Query{Tag: "Лондон"}, []string{"urn:f:1", "urn:f:2"}},
		{annotate.Query{Tag: " cafe\u0301 "}, []string{"urn:f:5"}},
		{annotate.Query{Tag: "litvinov"}, nil},
		{annotate.Query{Page: 60}, []string{"urn:f:1", "urn:f:2"}},
		{annotate.Query{Page: 62, Document: "d2"}, []string{"urn:f:4"}},
		{annotate.Query{Page: 64}, nil},
		{annotate.Query{ReplyTo: "urn:f:1"}, []string{r.ID}},
		{annotate.Query{TopLevel: true, Document: "d1"}, []string{"urn:f:1", "urn:f:2", "urn:f:3"}},
		{annotate.Query{Document: "nothing"}, nil},
		{annotate.Query{Document: "d1", Creator: "alice", Tag: "Litvinov", Page: 59}, []string{"urn:f:1"}},
	}
	for _, c := range cases {
		for _, v := range []annotate.Viewer{anon, carol} {
			q := c.q
			q.Viewer = v
			got := ids(queryAll(t, s, q))
			if !slices.Equal(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
				t.Errorf("Query(%+v) = %v, want %v", q, got, c.want)
			}
			n, err := s.Count(context.Background(), q)
			if err != nil || n != len(c.want) {
				t.Errorf("Count(%+v) = %d, %v; want %d", q, n, err, len(c.want))
			}
		}
	}
}

func testVisibility(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	add := func(id string, v annotate.Viewer, vis annotate.Visibility, group string) {
		a := note(id, "body of "+id, at(len(id)))
		a.Visibility, a.Group = vis, group
		mustAdd(t, s, v, a)
	}
	add("urn:v:private", alice, annotate.Private, "")
	add("urn:v:seminar", alice, annotate.GroupOnly, "seminar")
	add("urn:v:club", bob, annotate.GroupOnly, "club")
	add("urn:v:public", carol, annotate.Public, "")
	add("urn:v:hidden", carol, annotate.Public, "")
	if _, err := s.Moderate(ctx, mod, "urn:v:hidden", annotate.Hidden, 0); err != nil {
		t.Fatal(err)
	}
	outsider := annotate.Viewer{User: "dave", Groups: []string{"other"}}
	formerMember := annotate.Viewer{User: "erin"} // left the seminar
	fakeMod := annotate.Viewer{Moderator: true, Groups: []string{"seminar", "club"}}
	cases := []struct {
		v    annotate.Viewer
		want []string
	}{
		{alice, []string{"urn:v:private", "urn:v:seminar", "urn:v:public"}},
		{bob, []string{"urn:v:seminar", "urn:v:club", "urn:v:public"}},
		{carol, []string{"urn:v:public", "urn:v:hidden"}},
		{mod, []string{"urn:v:club", "urn:v:public", "urn:v:hidden"}},
		{outsider, []string{"urn:v:public"}},
		{formerMember, []string{"urn:v:public"}},
		{anon, []string{"urn:v:public"}},
		{fakeMod, []string{"urn:v:public"}},
	}
	all := []string{"urn:v:private", "urn:v:seminar", "urn:v:club", "urn:v:public", "urn:v:hidden"}
	for _, c := range cases {
		got := ids(queryAll(t, s, annotate.Query{Viewer: c.v}))
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("viewer %+v sees %v, want %v", c.v, got, want)
		}
		for _, id := range all {
			_, err := s.Annotation(ctx, c.v, id)
			if slices.Contains(c.want, id) != (err == nil) {
				t.Errorf("viewer %+v, Annotation(%s): %v", c.v, id, err)
			}
			if err != nil && strings.Contains(err.Error(), "body of") {
				t.Errorf("error message shows the annotation: %v", err)
			}
		}
	}
}

func testReports(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	pub := note("urn:r:1", "public", at(1))
	pub.Visibility = annotate.Public
	pub = mustAdd(t, s, alice, pub)
	priv := mustAdd(t, s, alice, note("urn:r:2", "private", at(2)))

	for _, reason := range []string{"", "  \n\t "} {
		_, err := s.Report(ctx, bob, pub.ID, reason)
		wantErr(t, fmt.Sprintf("reason %q", reason), err, annotate.ErrInvalid)
		var ie *annotate.InputError
		if !errors.As(err, &ie) || ie.Field != "reason" {
			t.Errorf("reason %q: %v, want an *InputError on reason", reason, err)
		}
	}
	_, err := s.Report(ctx, bob, priv.ID, "I cannot see it")
	wantErr(t, "report of an annotation one cannot see", err, annotate.ErrNotFound)
	_, err = s.Report(ctx, bob, "urn:r:none", "nothing")
	wantErr(t, "report of nothing", err, annotate.ErrNotFound)
	_, err = s.Report(ctx, anon, pub.ID, "anonymous")
	wantErr(t, "anonymous report", err, annotate.ErrForbidden)

	r, err := s.Report(ctx, bob, pub.ID, "  Offensive.  ")
	if err != nil {
		t.Fatalf("Report: %v", err)
	}
	if r.Reason != "Offensive." || r.Reporter != "bob" || r.Annotation != pub.ID || r.Status != annotate.Pending || r.Created.IsZero() || r.ID == "" {
		t.Errorf("report: %+v", r)
	}
	_, err = s.Report(ctx, bob, pub.ID, "again")
	wantErr(t, "second open report", err, annotate.ErrExists)
	if _, err := s.Report(ctx, carol, pub.ID, "me too"); err != nil {
		t.Errorf("a second reader's report: %v", err)
	}
	a, _ := s.Annotation(ctx, alice, pub.ID)
	if a.Moderation != annotate.Pending || a.Revision != 2 {
		t.Errorf("after reports: moderation %v revision %d, want pending 2", a.Moderation, a.Revision)
	}
	if _, err := s.Annotation(ctx, anon, pub.ID); err != nil {
		t.Errorf("a pending annotation stays visible: %v", err)
	}
	list := func(v annotate.Viewer, q annotate.ReportQuery) []string {
		res, err := s.Reports(ctx, v, q)
		if err != nil {
			t.Fatalf("Reports: %v", err)
		}
		var out []string
		for _, r := range res.Reports {
			out = append(out, r.Reporter)
		}
		return out
	}
	if got := list(mod, annotate.ReportQuery{Annotation: pub.ID}); !slices.Equal(sorted(got), []string{"bob", "carol"}) {
		t.Errorf("moderator's reports: %v", got)
	}
	if got := list(bob, annotate.ReportQuery{}); !slices.Equal(got, []string{"bob"}) {
		t.Errorf("bob's reports: %v", got)
	}
	if got := list(alice, annotate.ReportQuery{}); len(got) != 0 {
		t.Errorf("alice sees reports on her annotation: %v", got)
	}
	if got := list(anon, annotate.ReportQuery{}); len(got) != 0 {
		t.Errorf("anonymous sees reports: %v", got)
	}
	if got := list(mod, annotate.ReportQuery{Limit: 1}); len(got) != 1 {
		t.Errorf("limit 1: %v", got)
	}
	_, err = s.Reports(ctx, mod, annotate.ReportQuery{Cursor: "nonsense"})
	wantErr(t, "bad report cursor", err, annotate.ErrInvalid)
}

func testModeration(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	pub := note("urn:m:1", "public", at(1))
	pub.Visibility = annotate.Public
	pub = mustAdd(t, s, alice, pub)
	if _, err := s.Report(ctx, bob, pub.ID, "spam"); err != nil {
		t.Fatal(err)
	}
	_, err := s.Moderate(ctx, bob, pub.ID, annotate.Hidden, 0)
	wantErr(t, "a reader moderates", err, annotate.ErrForbidden)
	_, err = s.Moderate(ctx, annotate.Viewer{Moderator: true}, pub.ID, annotate.Hidden, 0)
	wantErr(t, "an anonymous moderator", err, annotate.ErrForbidden)
	_, err = s.Moderate(ctx, mod, pub.ID, annotate.Pending, 0)
	wantErr(t, "decision pending", err, annotate.ErrInvalid)
	_, err = s.Moderate(ctx, mod, pub.ID, annotate.Hidden, 1)
	wantErr(t, "stale revision", err, annotate.ErrConflict)
	a, err := s.Moderate(ctx, mod, pub.ID, annotate.Spam, 2)
	if err != nil || a.Moderation != annotate.Spam || a.Revision != 3 {
		t.Fatalf("Moderate: %v %v", a, err)
	}
	for _, v := range []annotate.Viewer{alice, mod} {
		if _, err := s.Annotation(ctx, v, pub.ID); err != nil {
			t.Errorf("%s does not see a spam annotation: %v", v.User, err)
		}
	}
	for _, v := range []annotate.Viewer{bob, carol, anon} {
		if _, err := s.Annotation(ctx, v, pub.ID); !errors.Is(err, annotate.ErrNotFound) {
			t.Errorf("%q sees a spam annotation: %v", v.User, err)
		}
	}
	res, _ := s.Reports(ctx, mod, annotate.ReportQuery{})
	if len(res.Reports) != 1 || res.Reports[0].Status != annotate.Spam || res.Reports[0].ResolvedBy != "mod" || res.Reports[0].Resolved.IsZero() {
		t.Errorf("resolved report: %+v", res.Reports)
	}
	if res, _ := s.Reports(ctx, bob, annotate.ReportQuery{}); len(res.Reports) != 0 {
		t.Errorf("bob sees his report on an annotation hidden from him: %+v", res.Reports)
	}
	if res, _ := s.Reports(ctx, mod, annotate.ReportQuery{Status: annotate.Pending}); len(res.Reports) != 0 {
		t.Errorf("pending after the decision: %+v", res.Reports)
	}
	// Approving brings it back; a new report reopens the review.
	a, err = s.Moderate(ctx, mod, pub.ID, annotate.Approved, 0)
	if err != nil || a.Moderation != annotate.Approved {
		t.Fatalf("approve: %v %v", a, err)
	}
	if _, err := s.Report(ctx, bob, pub.ID, "still spam"); err != nil {
		t.Errorf("a new report after the decision: %v", err)
	}
	a, _ = s.Annotation(ctx, alice, pub.ID)
	if a.Moderation != annotate.Pending {
		t.Errorf("after a new report: %v", a.Moderation)
	}
	// No replies to a hidden annotation, even by those who see it.
	if _, err := s.Moderate(ctx, mod, pub.ID, annotate.Hidden, 0); err != nil {
		t.Fatal(err)
	}
	_, err = s.Add(ctx, alice, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: pub.ID, Body: "but", Visibility: annotate.Public})
	wantErr(t, "reply to a hidden annotation", err, annotate.ErrForbidden)
	// A moderator outside a group does not see its annotations.
	g := note("urn:m:2", "group", at(2))
	g.Visibility, g.Group = annotate.GroupOnly, "seminar"
	mustAdd(t, s, alice, g)
	_, err = s.Moderate(ctx, mod, g.ID, annotate.Hidden, 0)
	wantErr(t, "moderating a group annotation from outside", err, annotate.ErrNotFound)
}

func testBookmarks(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	b, err := s.AddBookmark(ctx, alice, annotate.Bookmark{Document: "d2", Page: 60, Note: " to read "})
	if err != nil || b.Owner != "alice" || b.Note != "to read" || b.Created.IsZero() {
		t.Fatalf("AddBookmark: %+v %v", b, err)
	}
	for _, bm := range []annotate.Bookmark{{Document: "d1"}, {Document: "d2"}, {Document: "d1", Page: 3}} {
		if _, err := s.AddBookmark(ctx, alice, bm); err != nil {
			t.Fatal(err)
		}
	}
	_, err = s.AddBookmark(ctx, alice, annotate.Bookmark{Document: "d2", Page: 60})
	wantErr(t, "duplicate bookmark", err, annotate.ErrExists)
	_, err = s.AddBookmark(ctx, alice, annotate.Bookmark{Document: "d2", Page: -1})
	wantErr(t, "negative page", err, annotate.ErrInvalid)
	_, err = s.AddBookmark(ctx, alice, annotate.Bookmark{})
	wantErr(t, "no document", err, annotate.ErrInvalid)
	_, err = s.AddBookmark(ctx, anon, annotate.Bookmark{Document: "d1"})
	wantErr(t, "anonymous bookmark", err, annotate.ErrForbidden)
	if _, err := s.AddBookmark(ctx, bob, annotate.Bookmark{Document: "d1"}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Bookmarks(ctx, alice, "")
	var got []string
	for _, b := range list {
		if b.Owner != "alice" {
			t.Errorf("alice sees %s's bookmark", b.Owner)
		}
		got = append(got, fmt.Sprintf("%s:%d", b.Document, b.Page))
	}
	if err != nil || !slices.Equal(got, []string{"d1:0", "d1:3", "d2:0", "d2:60"}) {
		t.Errorf("Bookmarks: %v %v", got, err)
	}
	if list, _ := s.Bookmarks(ctx, alice, "d2"); len(list) != 2 {
		t.Errorf("Bookmarks of d2: %d", len(list))
	}
	if list, _ := s.Bookmarks(ctx, carol, ""); len(list) != 0 {
		t.Errorf("carol has %d bookmarks", len(list))
	}
	if list, _ := s.Bookmarks(ctx, anon, ""); len(list) != 0 {
		t.Errorf("anonymous has %d bookmarks", len(list))
	}
	if err := s.DeleteBookmark(ctx, alice, "d2", 60); err != nil {
		t.Errorf("DeleteBookmark: %v", err)
	}
	wantErr(t, "delete again", s.DeleteBookmark(ctx, alice, "d2", 60), annotate.ErrNotFound)
	wantErr(t, "delete another's", s.DeleteBookmark(ctx, carol, "d1", 0), annotate.ErrNotFound)
	if list, _ := s.Bookmarks(ctx, bob, ""); len(list) != 1 {
		t.Errorf("bob's bookmark after carol's attempt: %d", len(list))
	}
}

func testDocumentTags(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	for _, tag := range []string{"Лондон", " diplomacy ", "café"} {
		if _, err := s.TagDocument(ctx, alice, "d1", tag); err != nil {
			t.Fatalf("TagDocument %q: %v", tag, err)
		}
	}
	if _, err := s.TagDocument(ctx, alice, "d2", "diplomacy"); err != nil {
		t.Fatal(err)
	}
	_, err := s.TagDocument(ctx, alice, "d1", "cafe\u0301")
	wantErr(t, "the same tag decomposed", err, annotate.ErrExists)
	_, err = s.TagDocument(ctx, alice, "d1", "   ")
	wantErr(t, "empty tag", err, annotate.ErrInvalid)
	_, err = s.TagDocument(ctx, alice, "", "x")
	wantErr(t, "no document", err, annotate.ErrInvalid)
	_, err = s.TagDocument(ctx, anon, "d1", "x")
	wantErr(t, "anonymous", err, annotate.ErrForbidden)
	if _, err := s.TagDocument(ctx, bob, "d1", "bob's"); err != nil {
		t.Fatal(err)
	}
	tags, err := s.DocumentTags(ctx, alice, "")
	var got []string
	for _, tg := range tags {
		got = append(got, tg.Document+":"+tg.Tag)
	}
	if err != nil || !slices.Equal(got, []string{"d1:café", "d1:diplomacy", "d1:Лондон", "d2:diplomacy"}) {
		t.Errorf("DocumentTags: %v %v", got, err)
	}
	if tags, _ := s.DocumentTags(ctx, carol, "d1"); len(tags) != 0 {
		t.Errorf("carol sees %d tags", len(tags))
	}
	if err := s.UntagDocument(ctx, alice, "d1", " diplomacy"); err != nil {
		t.Errorf("UntagDocument: %v", err)
	}
	wantErr(t, "untag again", s.UntagDocument(ctx, alice, "d1", "diplomacy"), annotate.ErrNotFound)
	wantErr(t, "untag another's", s.UntagDocument(ctx, alice, "d1", "bob's"), annotate.ErrNotFound)
	if tags, _ := s.DocumentTags(ctx, alice, "d1"); len(tags) != 2 {
		t.Errorf("after untagging: %d tags", len(tags))
	}
}

func testCancelled(t *testing.T, s annotate.Store) {
	a := note("urn:c:1", "n", at(1))
	a.Visibility = annotate.Public
	mustAdd(t, s, alice, a)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	check := func(name string, err error) {
		t.Helper()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: %v", name, err)
		}
	}
	_, err := s.Add(ctx, alice, note("urn:c:2", "n", at(2)))
	check("Add", err)
	_, err = s.Annotation(ctx, alice, a.ID)
	check("Annotation", err)
	_, err = s.Update(ctx, alice, a)
	check("Update", err)
	check("Delete", s.Delete(ctx, alice, a.ID, 0))
	_, err = s.Query(ctx, annotate.Query{Viewer: alice})
	check("Query", err)
	_, err = s.Count(ctx, annotate.Query{Viewer: alice})
	check("Count", err)
	_, err = s.Report(ctx, bob, a.ID, "x")
	check("Report", err)
	_, err = s.Reports(ctx, mod, annotate.ReportQuery{})
	check("Reports", err)
	_, err = s.Moderate(ctx, mod, a.ID, annotate.Hidden, 0)
	check("Moderate", err)
	_, err = s.AddBookmark(ctx, alice, annotate.Bookmark{Document: "d"})
	check("AddBookmark", err)
	check("DeleteBookmark", s.DeleteBookmark(ctx, alice, "d", 0))
	_, err = s.Bookmarks(ctx, alice, "")
	check("Bookmarks", err)
	_, err = s.TagDocument(ctx, alice, "d", "t")
	check("TagDocument", err)
	check("UntagDocument", s.UntagDocument(ctx, alice, "d", "t"))
	_, err = s.DocumentTags(ctx, alice, "")
	check("DocumentTags", err)
	if got, err := s.Annotation(context.Background(), alice, a.ID); err != nil || got.Revision != 1 {
		t.Errorf("after cancelled calls: %v %v", got, err)
	}
}

func testConcurrentUse(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	const workers, each = 8, 25
	done := make(chan error, workers)
	for w := range workers {
		go func() {
			v := annotate.Viewer{User: fmt.Sprintf("w%d", w)}
			for i := range each {
				a := note(fmt.Sprintf("urn:cc:%d:%d", w, i), "n", time.Time{})
				a.Visibility = annotate.Public
				got, err := s.Add(ctx, v, a)
				if err != nil {
					done <- err
					return
				}
				got.Body = "edited"
				if _, err := s.Update(ctx, v, got); err != nil {
					done <- err
					return
				}
				if _, err := s.Count(ctx, annotate.Query{Viewer: v, Document: a.Document}); err != nil {
					done <- err
					return
				}
				if i%5 == 0 {
					if err := s.Delete(ctx, v, a.ID, 0); err != nil {
						done <- err
						return
					}
				}
			}
			done <- nil
		}()
	}
	for range workers {
		if err := <-done; err != nil {
			t.Fatalf("concurrent use: %v", err)
		}
	}
	n, err := s.Count(ctx, annotate.Query{})
	if err != nil || n != workers*(each-each/5) {
		t.Errorf("after concurrent use: %d annotations, %v; want %d", n, err, workers*(each-each/5))
	}
}

// testImport checks annotate.Importer, for the stores that implement it.
func testImport(t *testing.T, s annotate.Store) {
	imp, ok := s.(annotate.Importer)
	if !ok {
		t.Skip("the store does not implement annotate.Importer")
	}
	ctx := context.Background()
	a := note("urn:i:1", "imported", at(1))
	a.Creator, a.Visibility, a.Moderation, a.Revision = "carol", annotate.Public, annotate.Hidden, 7
	a.Modified = at(5)
	if err := imp.Import(ctx, a); err != nil {
		t.Fatalf("Import: %v", err)
	}
	got, err := s.Annotation(ctx, carol, a.ID)
	want := *a
	want.Version = maisky.Translation
	if err != nil || describe(got) != describe(&want) {
		t.Errorf("imported\n%s\nwant\n%s (%v)", describe(got), describe(&want), err)
	}
	if _, err := s.Annotation(ctx, bob, a.ID); !errors.Is(err, annotate.ErrNotFound) {
		t.Errorf("an imported hidden annotation is seen by another reader: %v", err)
	}
	wantErr(t, "import twice", imp.Import(ctx, a), annotate.ErrExists)
	bad := note("urn:i:2", "", at(2))
	bad.Creator = "carol"
	wantErr(t, "import of an invalid annotation", imp.Import(ctx, bad), annotate.ErrInvalid)
	orphanReply := &annotate.Annotation{ID: "urn:i:3", Document: "maisky-1934-12-31", Creator: "bob", Motivation: annotate.Replying, ReplyTo: "urn:i:none", Body: "re"}
	wantErr(t, "import of a reply before its parent", imp.Import(ctx, orphanReply), annotate.ErrNotFound)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := imp.Import(cctx, note("urn:i:4", "n", at(4))); !errors.Is(err, context.Canceled) {
		t.Errorf("Import with a cancelled context: %v", err)
	}
}
