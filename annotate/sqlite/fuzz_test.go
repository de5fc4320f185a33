package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// FuzzQuery compares the SQL store with the in-memory one on any query:
// any viewer, filter, limit and cursor gives the same page, the same next
// cursor and the same count (or both refuse the cursor), so the SQL
// neither leaks nor loses anything, whatever the strings hold.
func FuzzQuery(f *testing.F) {
	ctx := context.Background()
	mem := annotate.NewMemory(annotate.MemoryOptions{})
	s := open(f, filepath.Join(f.TempDir(), "f.db"))
	users := []string{"alice", "bob", "carol"}
	groups := []string{"seminar", "club", "' OR '1'='1"}
	base := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	var all []*annotate.Annotation
	for i := range 60 {
		a := &annotate.Annotation{
			ID: fmt.Sprintf("urn:f:%02d", i), Document: []string{"d1", "d2", "d%"}[i%3], Creator: users[i%3],
			Created: base.Add(time.Duration(i/2) * time.Second), // pairs share a time: order by ID
			Body:    "note", Tags: []string{[]string{"a", "b", "%"}[i%3], "t" + fmt.Sprint(i%4)},
			Visibility: annotate.Visibility(i % 3), Moderation: annotate.Moderation(i % 5), Revision: 1,
		}
		if a.Visibility == annotate.GroupOnly {
			a.Group = groups[i%len(groups)]
		}
		if i%7 == 0 {
			a.Target = annotate.Target{Quote: annotate.Quote{Exact: "Litvinov"}, Start: 5, End: 13, Pages: maisky.PageRange{First: 59 + i%3, Last: 60 + i%3}}
		}
		if i%5 == 4 {
			a.ReplyTo, a.Motivation, a.Tags, a.Target = fmt.Sprintf("urn:f:%02d", i-1-(i%3)), annotate.Replying, nil, annotate.Target{}
			a.Document = all[i-1-(i%3)].Document
		}
		all = append(all, a)
	}
	for _, a := range all {
		if err := mem.Import(ctx, a); err != nil {
			f.Fatal(err)
		}
		if err := s.Import(ctx, a); err != nil {
			f.Fatal(err)
		}
	}
	f.Add("alice", "seminar", false, "d1", "", "", 0, false, "", 0, "")
	f.Add("bob", "club", true, "", "%", "alice", 60, true, "", 7, "")
	f.Add("", "", false, "d%", "t1", "", 0, false, "", 3, "urn:f:03")
	f.Add("mod", "' OR '1'='1", true, "", "", "", 61, false, "MTo", 1000, "")
	f.Fuzz(func(t *testing.T, user, group string, moderator bool, doc, tag, creator string, page int, top bool, cursor string, limit int, reply string) {
		v := annotate.Viewer{User: user, Moderator: moderator}
		if group != "" {
			v.Groups = []string{group, "seminar"}
		}
		q := annotate.Query{Viewer: v, Document: doc, Tag: tag, Creator: creator, Page: page, TopLevel: top, Cursor: cursor, Limit: limit % 2000, ReplyTo: reply}
		for pages := 0; pages < 100; pages++ {
			want, werr := mem.Query(ctx, q)
			got, gerr := s.Query(ctx, q)
			if (werr != nil) != (gerr != nil) || werr != nil && !errors.Is(gerr, annotate.ErrInvalid) {
				t.Fatalf("Query(%+v): memory %v, sqlite %v", q, werr, gerr)
			}
			if werr != nil {
				return
			}
			if !slices.Equal(ids(want.Annotations), ids(got.Annotations)) || want.Next != got.Next {
				t.Fatalf("Query(%+v):\nmemory %v next %q\nsqlite %v next %q", q, ids(want.Annotations), want.Next, ids(got.Annotations), got.Next)
			}
			if pages == 0 {
				wn, _ := mem.Count(ctx, q)
				gn, err := s.Count(ctx, q)
				if err != nil || wn != gn {
					t.Fatalf("Count(%+v): memory %d, sqlite %d %v", q, wn, gn, err)
				}
			}
			if want.Next == "" {
				return
			}
			q.Cursor = want.Next
		}
	})
}

func ids(as []*annotate.Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
