package storecheck

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
)

// Editor is the user every editor of the concurrency check acts as, so
// that each may edit and delete every annotation.
var Editor = annotate.Viewer{User: "editor"}

// Setup adds the shared annotations that the editors of the concurrency
// check edit and delete, and returns their IDs.
func Setup(ctx context.Context, s annotate.Store, n int) ([]string, error) {
	ids := make([]string, n)
	for i := range ids {
		a, err := s.Add(ctx, Editor, &annotate.Annotation{ID: fmt.Sprintf("urn:shared:%d", i), Document: Document, Body: "start", Visibility: annotate.Public})
		if err != nil {
			return nil, err
		}
		ids[i] = a.ID
	}
	return ids, nil
}

// Result is what one editor did: the tokens its successful updates
// appended, by annotation, and its counts.
type Result struct {
	Tokens            map[string][]string
	Updates, Conflict int
	Added, Deleted    int
	Gone              int // edits of an annotation another editor deleted
}

// Edit is one editor: n times it picks a shared annotation, reads it and
// appends a token to its body with the revision it read, reading again
// after ErrConflict; now and then it deletes one (of the last eighth of
// ids, with the revision it read) or adds and deletes an annotation of
// its own. Any error but ErrConflict, and ErrNotFound for an annotation
// deleted meanwhile, is returned.
func Edit(ctx context.Context, s annotate.Store, ids []string, worker, n int, seed uint64) (*Result, error) {
	rnd := rand.New(rand.NewPCG(seed, uint64(worker)))
	res := &Result{Tokens: map[string][]string{}}
	deletable := ids[len(ids)*7/8:]
	for i := range n {
		switch op := rnd.IntN(50); {
		case op == 0 && len(deletable) > 0:
			id := deletable[rnd.IntN(len(deletable))]
			a, err := s.Annotation(ctx, Editor, id)
			if errors.Is(err, annotate.ErrNotFound) {
				res.Gone++
				continue
			}
			if err != nil {
				return res, err
			}
			switch err := s.Delete(ctx, Editor, id, a.Revision); {
			case err == nil:
				res.Deleted++
			case errors.Is(err, annotate.ErrConflict):
				res.Conflict++
			case errors.Is(err, annotate.ErrNotFound):
				res.Gone++
			default:
				return res, err
			}
		case op == 1:
			a, err := s.Add(ctx, Editor, &annotate.Annotation{Document: Document, Body: "scratch", Tags: []string{"scratch"}})
			if err != nil {
				return res, err
			}
			res.Added++
			if err := s.Delete(ctx, Editor, a.ID, a.Revision); err != nil {
				return res, err
			}
		default:
			id := ids[rnd.IntN(len(ids))]
			token := fmt.Sprintf("w%d.%d", worker, i)
			for {
				a, err := s.Annotation(ctx, Editor, id)
				if errors.Is(err, annotate.ErrNotFound) {
					res.Gone++
					break
				}
				if err != nil {
					return res, err
				}
				a.Body += " " + token
				_, err = s.Update(ctx, Editor, a)
				if err == nil {
					res.Updates++
					res.Tokens[id] = append(res.Tokens[id], token)
					break
				}
				if errors.Is(err, annotate.ErrNotFound) {
					res.Gone++
					break
				}
				if !errors.Is(err, annotate.ErrConflict) {
					return res, err
				}
				res.Conflict++
			}
		}
	}
	return res, nil
}

// CheckEdits checks the shared annotations after the editors: each that
// is left holds exactly the tokens of the updates that succeeded on it,
// at revision 1 plus their number (no lost update, no phantom one), and
// no scratch annotation is left.
func CheckEdits(t *testing.T, s annotate.Store, ids []string, results []*Result) {
	ctx := context.Background()
	want := map[string][]string{}
	var total Result
	for _, r := range results {
		for id, ts := range r.Tokens {
			want[id] = append(want[id], ts...)
		}
		total.Updates += r.Updates
		total.Conflict += r.Conflict
		total.Added += r.Added
		total.Deleted += r.Deleted
		total.Gone += r.Gone
	}
	left := 0
	for _, id := range ids {
		a, err := s.Annotation(ctx, Editor, id)
		if errors.Is(err, annotate.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		left++
		got := strings.Fields(a.Body)[1:]
		w := slices.Clone(want[id])
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s: body has %d tokens, %d updates succeeded on it (lost or phantom updates)", id, len(got), len(w))
		}
		if a.Revision != int64(1+len(w)) {
			t.Errorf("%s: revision %d after %d updates", id, a.Revision, len(w))
		}
	}
	n, err := s.Count(ctx, annotate.Query{Viewer: Editor, Tag: "scratch"})
	if err != nil || n != 0 {
		t.Errorf("%d scratch annotations left (%v)", n, err)
	}
	if total.Deleted != len(ids)-left {
		t.Errorf("%d deletes succeeded, %d annotations gone", total.Deleted, len(ids)-left)
	}
	t.Logf("%d updates, %d conflicts (ErrConflict), %d adds, %d deletes, %d edits of deleted annotations; %d of %d shared annotations left",
		total.Updates, total.Conflict, total.Added, total.Deleted, total.Gone, left, len(ids))
	if total.Conflict == 0 {
		t.Error("no conflicts: the editors did not contend")
	}
}
