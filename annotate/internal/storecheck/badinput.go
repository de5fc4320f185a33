package storecheck

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// meta is SQL metacharacters and injections, for every text field.
var meta = []string{
	`'; DROP TABLE annotations; --`,
	`" OR "1"="1`,
	`' OR '1'='1`,
	`%_\%\_*?[]`,
	`$1 $2 ? :name @p`,
	`); DELETE FROM reports; --`,
	"\\x00 ` ; /* */ -- \\",
}

// BadInput stores annotations with SQL metacharacters and the largest
// allowed values in every field, reads them back whole, finds them by
// exact match only, and refuses values over the limits with
// *annotate.InputError.
func BadInput(t *testing.T, s annotate.Store) {
	ctx := context.Background()
	for i, m := range meta {
		user := "u" + m
		v := annotate.Viewer{User: user, Groups: []string{"g" + m}}
		big := strings.Repeat(m+"\x00Ж", annotate.MaxText/(len(m)+3))
		exact := strings.Repeat("ж", annotate.MaxText/2)
		field := func(p string) string {
			s := p + m
			for len(s)+len(m) <= annotate.MaxField {
				s += m
			}
			return strings.TrimSpace(s)
		}
		in := &annotate.Annotation{
			ID:         "urn:x:" + strings.NewReplacer(" ", "_", `"`, "_", "\\", "_", "`", "_", "[", "_", "]", "_", "^", "_").Replace(m) + string(rune('a'+i)),
			Document:   field("doc"),
			Creator:    user,
			Body:       big,
			Tags:       []string{field("t"), "%", "_" + m},
			Visibility: annotate.GroupOnly,
			Group:      "g" + m,
			Target: annotate.Target{
				Quote: annotate.Quote{Exact: exact, Prefix: field("p"), Suffix: field("s")},
				Start: 5, End: 5 + utf8.RuneCountInString(exact),
				Pages: maisky.PageRange{First: 60, Last: 62},
			},
		}
		got, err := s.Add(ctx, v, in)
		if err != nil {
			t.Fatalf("Add with %q: %v", m, err)
		}
		back, err := s.Annotation(ctx, v, got.ID)
		if err != nil {
			t.Fatalf("Annotation with %q: %v", m, err)
		}
		if back.ID != in.ID || back.Document != in.Document || back.Body != in.Body || back.Group != in.Group ||
			back.Target != in.Target || strings.Join(back.Tags, "\n") != strings.Join(in.Tags, "\n") || back.Creator != user {
			t.Errorf("%q: the annotation did not come back whole", m)
		}
		// Exact matches only: a tag or document full of wildcards finds
		// nothing else.
		for _, q := range []annotate.Query{
			{Viewer: v, Tag: "%"}, {Viewer: v, Tag: "_" + m}, {Viewer: v, Document: in.Document},
			{Viewer: v, Creator: user}, {Viewer: v, Page: 61},
		} {
			n, err := s.Count(ctx, q)
			if err != nil || n != 1 {
				t.Errorf("%q: Count(%+v) = %d, %v; want 1", m, q.Tag, n, err)
			}
		}
		for _, q := range []annotate.Query{
			{Viewer: v, Document: m}, {Viewer: v, Tag: m}, {Viewer: v, Document: "%"}, {Viewer: v, Creator: "%"},
			{Viewer: annotate.Viewer{User: m}}, {Viewer: annotate.Viewer{User: "other", Groups: []string{m, "%", "' OR '1'='1"}}},
		} {
			if n, err := s.Count(ctx, q); err != nil || n != 0 {
				t.Errorf("%q: Count(%+v) = %d, %v; want 0", m, q, n, err)
			}
		}
		if _, err := s.Annotation(ctx, annotate.Viewer{User: "' OR '1'='1", Groups: []string{"' OR '1'='1"}}, got.ID); !errors.Is(err, annotate.ErrNotFound) {
			t.Errorf("%q: another viewer got %v", m, err)
		}
		got.Body = big[:len(big)/2]
		if _, err := s.Update(ctx, v, got); err != nil {
			t.Errorf("%q: Update: %v", m, err)
		}
		if _, err := s.Report(ctx, v, got.ID, big); err != nil {
			t.Errorf("%q: Report: %v", m, err)
		}
		if _, err := s.AddBookmark(ctx, v, annotate.Bookmark{Document: field("d"), Page: 3, Note: field("n")}); err != nil {
			t.Errorf("%q: AddBookmark: %v", m, err)
		}
		if _, err := s.TagDocument(ctx, v, field("d"), field("t")); err != nil {
			t.Errorf("%q: TagDocument: %v", m, err)
		}
		if bs, err := s.Bookmarks(ctx, v, field("d")); err != nil || len(bs) != 1 || bs[0].Note != field("n") {
			t.Errorf("%q: Bookmarks: %v, %v", m, bs, err)
		}
		if ts, err := s.DocumentTags(ctx, v, ""); err != nil || len(ts) != 1 || ts[0].Tag != field("t") {
			t.Errorf("%q: DocumentTags: %v, %v", m, ts, err)
		}
		if n, err := s.Count(ctx, annotate.Query{Viewer: annotate.Viewer{User: "mod", Moderator: true}}); err != nil || n != 0 {
			t.Errorf("%q: a moderator outside the group counts %d, %v", m, n, err)
		}
	}
	// Over the limits: typed errors, nothing stored.
	v := annotate.Viewer{User: "u"}
	for name, a := range map[string]*annotate.Annotation{
		"body":   {Document: "d", Body: strings.Repeat("x", annotate.MaxText+1)},
		"id":     {ID: "urn:" + strings.Repeat("x", annotate.MaxField), Document: "d", Body: "b"},
		"tag":    {Document: "d", Body: "b", Tags: []string{strings.Repeat("t", annotate.MaxField+1)}},
		"doc":    {Document: strings.Repeat("d", annotate.MaxField+1), Body: "b"},
		"utf8":   {Document: "d", Body: "\xff\xfe"},
		"prefix": {Document: "d", Body: "b", Target: annotate.Target{Quote: annotate.Quote{Exact: "x", Prefix: strings.Repeat("p", annotate.MaxField+1)}, Start: 0, End: 1}},
	} {
		if _, err := s.Add(ctx, v, a); !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("%s over the limit: %v, want ErrInvalid", name, err)
		}
	}
	if n, _ := s.Count(ctx, annotate.Query{Viewer: v}); n != 0 {
		t.Errorf("refused annotations were stored: %d", n)
	}
}
