package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// PrivacyCases is the number of (viewer, annotation, operation) cases of
// the randomised privacy test.
const PrivacyCases = 12000

// world is the privacy test's model of what the store should hold: every
// annotation as the store last returned it, and every report. Its rules of
// visibility are written here again, apart from the annotate package's, so
// that a mistake in one is caught by the other.
type world struct {
	anns    map[string]*annotate.Annotation
	reports map[string][]oracleReport // by annotation
	clock   int
	next    int
}

type oracleReport struct {
	reporter string
	status   annotate.Moderation
}

func (w *world) sees(v annotate.Viewer, a *annotate.Annotation) bool {
	logged := v.User != ""
	if logged && a.Creator == v.User {
		return true
	}
	ok := false
	switch a.Visibility {
	case annotate.Public:
		ok = true
	case annotate.GroupOnly:
		ok = logged && slices.Contains(v.Groups, a.Group)
	}
	if !ok {
		return false
	}
	if a.Moderation == annotate.Hidden || a.Moderation == annotate.Spam {
		return logged && v.Moderator
	}
	return true
}

// visible is the whole rule: the annotation, and the one it answers.
func (w *world) visible(v annotate.Viewer, a *annotate.Annotation) bool {
	if !w.sees(v, a) {
		return false
	}
	if a.ReplyTo == "" {
		return true
	}
	p := w.anns[a.ReplyTo]
	return p != nil && w.sees(v, p)
}

// secrets returns the strings that identify annotations v may not see.
func (w *world) secrets(v annotate.Viewer) []string {
	var out []string
	for _, a := range w.anns {
		if !w.visible(v, a) {
			out = append(out, a.ID, a.Body)
			if a.Target.Quote.Exact != "" {
				out = append(out, a.Target.Quote.Exact)
			}
			for _, t := range a.Tags {
				if strings.HasPrefix(t, "secret") {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

func (w *world) time() time.Time {
	w.clock++
	return base.Add(time.Duration(w.clock/2) * time.Second) // pairs share a time
}

func (w *world) sorted(keep func(*annotate.Annotation) bool) []*annotate.Annotation {
	var out []*annotate.Annotation
	for _, a := range w.anns {
		if keep(a) {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b *annotate.Annotation) int {
		if c := a.Created.Compare(b.Created); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

func (w *world) ids() []string {
	out := make([]string, 0, len(w.anns))
	for id := range w.anns {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func (w *world) remove(id string) {
	delete(w.anns, id)
	delete(w.reports, id)
	for rid, r := range w.anns {
		if r.ReplyTo == id {
			delete(w.anns, rid)
			delete(w.reports, rid)
		}
	}
}

var (
	privacyUsers  = []string{"u0", "u1", "u2", "u3", "u4", "u5", "m0", "m1"}
	privacyGroups = []string{"g0", "g1", "g2", "g3"}
	privacyDocs   = []string{"doc0", "doc1", "doc2"}
	privacyTags   = []string{"t0", "t1", "Лондон"}
)

// privacyTest returns the randomised privacy test with n cases.
func privacyTest(n int) func(*testing.T, annotate.Store) {
	return func(t *testing.T, s annotate.Store) { testPrivacy(t, s, n) }
}

func testPrivacy(t *testing.T, s annotate.Store, cases int) {
	ctx := context.Background()
	seed := uint64(20261121)
	rng := rand.New(rand.NewPCG(seed, 11))
	t.Logf("seed %d", seed)

	members := map[string][]string{}
	for _, u := range privacyUsers {
		for _, g := range privacyGroups {
			if rng.IntN(2) == 0 {
				members[u] = append(members[u], g)
			}
		}
	}
	self := func(u string) annotate.Viewer {
		return annotate.Viewer{User: u, Groups: members[u], Moderator: strings.HasPrefix(u, "m")}
	}
	w := &world{anns: map[string]*annotate.Annotation{}, reports: map[string][]oracleReport{}}

	randomVisibility := func(v annotate.Viewer) (annotate.Visibility, string) {
		switch rng.IntN(3) {
		case 0:
			if len(v.Groups) > 0 {
				return annotate.GroupOnly, v.Groups[rng.IntN(len(v.Groups))]
			}
		case 1:
			return annotate.Public, ""
		}
		return annotate.Private, ""
	}
	newAnnotation := func(v annotate.Viewer) *annotate.Annotation {
		w.next++
		n := w.next
		exact := fmt.Sprintf("secret-quote-%d «Литвинов»", n)
		start := rng.IntN(5000)
		first := 58 + rng.IntN(14)
		a := &annotate.Annotation{
			ID:         fmt.Sprintf("urn:privacy:%d", n),
			Document:   privacyDocs[rng.IntN(len(privacyDocs))],
			Version:    maisky.VersionKind(1 + rng.IntN(2)),
			Created:    w.time(),
			Motivation: annotate.Commenting,
			Body:       fmt.Sprintf("secret-body-%d", n),
			Tags:       []string{fmt.Sprintf("secret-tag-%d", n)},
			Target: annotate.Target{
				Quote: annotate.Quote{Exact: exact, Prefix: "before ", Suffix: " after"},
				Start: start, End: start + len([]rune(exact)),
				Pages: maisky.PageRange{First: first, Last: first + rng.IntN(2)},
			},
		}
		for _, tg := range privacyTags {
			if rng.IntN(3) == 0 {
				a.Tags = append(a.Tags, tg)
			}
		}
		a.Visibility, a.Group = randomVisibility(v)
		return a
	}

	// The population: annotations by every user, replies, reports and
	// moderators' decisions.
	for range 150 {
		v := self(privacyUsers[rng.IntN(len(privacyUsers))])
		a := mustAdd(t, s, v, newAnnotation(v))
		w.anns[a.ID] = a
	}
	for range 60 {
		ids := w.ids()
		p := w.anns[ids[rng.IntN(len(ids))]]
		v := self(privacyUsers[rng.IntN(len(privacyUsers))])
		if p.ReplyTo != "" || !w.visible(v, p) {
			continue
		}
		w.next++
		r := &annotate.Annotation{ID: fmt.Sprintf("urn:privacy:%d", w.next), Motivation: annotate.Replying, ReplyTo: p.ID,
			Body: fmt.Sprintf("secret-body-%d", w.next), Created: w.time()}
		r.Visibility, r.Group = randomVisibility(v)
		r = mustAdd(t, s, v, r)
		w.anns[r.ID] = r
	}

	// The cases.
	type opFunc func(v annotate.Viewer, a *annotate.Annotation) error
	counts := map[string]int{}
	invisible, succeeded := 0, 0
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf(format, args...)
	}
	checkList := func(what string, v annotate.Viewer, q annotate.Query, got []*annotate.Annotation, keep func(*annotate.Annotation) bool) {
		want := w.sorted(func(a *annotate.Annotation) bool { return keep(a) && w.visible(v, a) })
		if !slices.Equal(ids(got), ids(want)) {
			fail("%s for viewer %+v (%+v):\ngot  %v\nwant %v", what, v, q, ids(got), ids(want))
		}
		for i := range got {
			if describe(got[i]) != describe(want[i]) {
				fail("%s: returned\n%s\nstored\n%s", what, describe(got[i]), describe(want[i]))
			}
		}
	}
	query := func(what string, v annotate.Viewer, q annotate.Query, keep func(*annotate.Annotation) bool) error {
		q.Viewer = v
		q.Limit = []int{7, 50, 1000}[rng.IntN(3)]
		got := queryAll(t, s, q)
		checkList(what, v, q, got, keep)
		n, err := s.Count(ctx, q)
		if err != nil {
			return err
		}
		if n != len(got) {
			fail("Count(%+v) = %d, Query gives %d", q, n, len(got))
		}
		return nil
	}
	ops := map[string]opFunc{
		"get": func(v annotate.Viewer, a *annotate.Annotation) error {
			got, err := s.Annotation(ctx, v, a.ID)
			if w.visible(v, a) {
				if err != nil || describe(got) != describe(a) {
					fail("Annotation(%s) by %+v: %v\n%s\nwant\n%s", a.ID, v, err, describe(got), describe(a))
				}
			} else if !errors.Is(err, annotate.ErrNotFound) || got != nil {
				fail("Annotation(%s) by %+v, who may not see it: %v, %v", a.ID, v, got, err)
			}
			return err
		},
		"query document": func(v annotate.Viewer, a *annotate.Annotation) error {
			return query("documents", v, annotate.Query{Document: a.Document}, func(b *annotate.Annotation) bool { return b.Document == a.Document })
		},
		"query version": func(v annotate.Viewer, a *annotate.Annotation) error {
			return query("versions", v, annotate.Query{Document: a.Document, Version: a.Version, TopLevel: true}, func(b *annotate.Annotation) bool {
				return b.Document == a.Document && b.Version == a.Version && b.ReplyTo == ""
			})
		},
		"query tag": func(v annotate.Viewer, a *annotate.Annotation) error {
			tag := privacyTags[rng.IntN(len(privacyTags))]
			if len(a.Tags) > 0 && rng.IntN(2) == 0 {
				tag = a.Tags[rng.IntN(len(a.Tags))]
			}
			return query("tags", v, annotate.Query{Tag: tag}, func(b *annotate.Annotation) bool { return slices.Contains(b.Tags, tag) })
		},
		"query page": func(v annotate.Viewer, a *annotate.Annotation) error {
			page := a.Target.Pages.First
			if page == 0 {
				page = 60
			}
			return query("pages", v, annotate.Query{Document: a.Document, Page: page}, func(b *annotate.Annotation) bool {
				return b.Document == a.Document && b.Target.Pages != (maisky.PageRange{}) && b.Target.Pages.Contains(page)
			})
		},
		"query creator": func(v annotate.Viewer, a *annotate.Annotation) error {
			return query("creators", v, annotate.Query{Creator: a.Creator}, func(b *annotate.Annotation) bool { return b.Creator == a.Creator })
		},
		"query replies": func(v annotate.Viewer, a *annotate.Annotation) error {
			return query("replies", v, annotate.Query{ReplyTo: a.ID}, func(b *annotate.Annotation) bool { return b.ReplyTo == a.ID })
		},
		"update": func(v annotate.Viewer, a *annotate.Annotation) error {
			c := a.Clone()
			w.next++
			c.Body = fmt.Sprintf("secret-body-%d", w.next)
			got, err := s.Update(ctx, v, c)
			switch {
			case !w.visible(v, a):
				if !errors.Is(err, annotate.ErrNotFound) {
					fail("Update of %s by %+v, who may not see it: %v", a.ID, v, err)
				}
			case v.User == "" || v.User != a.Creator:
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Update of %s by %+v, not its creator: %v", a.ID, v, err)
				}
			default:
				if err != nil || got.Body != c.Body || got.Revision != a.Revision+1 {
					fail("Update of %s by its creator: %v %v", a.ID, got, err)
				}
				w.anns[a.ID] = got
				succeeded++
			}
			return err
		},
		"delete": func(v annotate.Viewer, a *annotate.Annotation) error {
			allowed := w.visible(v, a) && v.User != "" && (v.User == a.Creator || v.Moderator)
			really := allowed && rng.IntN(20) == 0
			rev := a.Revision + 1 // stale
			if really {
				rev = a.Revision
			}
			err := s.Delete(ctx, v, a.ID, rev)
			switch {
			case !w.visible(v, a):
				if !errors.Is(err, annotate.ErrNotFound) {
					fail("Delete of %s by %+v, who may not see it: %v", a.ID, v, err)
				}
			case !allowed:
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Delete of %s by %+v: %v, want ErrForbidden", a.ID, v, err)
				}
			case !really:
				if !errors.Is(err, annotate.ErrConflict) {
					fail("Delete of %s with a stale revision: %v", a.ID, err)
				}
			default:
				if err != nil {
					fail("Delete of %s by %+v: %v", a.ID, v, err)
				}
				w.remove(a.ID)
				succeeded++
			}
			return err
		},
		"report": func(v annotate.Viewer, a *annotate.Annotation) error {
			_, err := s.Report(ctx, v, a.ID, "a complaint")
			open := slices.Contains(w.reports[a.ID], oracleReport{v.User, annotate.Pending})
			switch {
			case !w.visible(v, a):
				if !errors.Is(err, annotate.ErrNotFound) && !(v.User == "" && errors.Is(err, annotate.ErrForbidden)) {
					fail("Report of %s by %+v, who may not see it: %v", a.ID, v, err)
				}
			case v.User == "":
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("anonymous Report: %v", err)
				}
			case open:
				if !errors.Is(err, annotate.ErrExists) {
					fail("second open Report of %s by %s: %v", a.ID, v.User, err)
				}
			default:
				if err != nil {
					fail("Report of %s by %+v: %v", a.ID, v, err)
				}
				w.reports[a.ID] = append(w.reports[a.ID], oracleReport{v.User, annotate.Pending})
				if a.Moderation == annotate.Unmoderated || a.Moderation == annotate.Approved {
					c := a.Clone()
					c.Moderation = annotate.Pending
					c.Revision++
					w.anns[a.ID] = c
				}
				succeeded++
			}
			return err
		},
		"reply": func(v annotate.Viewer, a *annotate.Annotation) error {
			w.next++
			r := &annotate.Annotation{ID: fmt.Sprintf("urn:privacy:%d", w.next), Motivation: annotate.Replying, ReplyTo: a.ID,
				Body: fmt.Sprintf("secret-body-%d", w.next), Created: w.time()}
			r.Visibility, r.Group = randomVisibility(v)
			got, err := s.Add(ctx, v, r)
			switch {
			case v.User == "":
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("anonymous reply: %v", err)
				}
			case !w.visible(v, a):
				if !errors.Is(err, annotate.ErrNotFound) {
					fail("reply to %s by %+v, who may not see it: %v", a.ID, v, err)
				}
			case a.ReplyTo != "" || a.Moderation == annotate.Hidden || a.Moderation == annotate.Spam:
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("reply to %s (a reply or concealed): %v", a.ID, err)
				}
			default:
				if err != nil {
					fail("reply to %s by %+v: %v", a.ID, v, err)
				}
				w.anns[got.ID] = got
				succeeded++
			}
			return err
		},
		"moderate": func(v annotate.Viewer, a *annotate.Annotation) error {
			decision := []annotate.Moderation{annotate.Approved, annotate.Approved, annotate.Hidden, annotate.Spam}[rng.IntN(4)]
			got, err := s.Moderate(ctx, v, a.ID, decision, 0)
			switch {
			case !w.visible(v, a):
				if !errors.Is(err, annotate.ErrNotFound) {
					fail("Moderate %s by %+v, who may not see it: %v", a.ID, v, err)
				}
			case v.User == "" || !v.Moderator:
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Moderate %s by %+v, not a moderator: %v", a.ID, v, err)
				}
			default:
				if err != nil || got.Moderation != decision || got.Revision != a.Revision+1 {
					fail("Moderate %s: %v %v", a.ID, got, err)
				}
				w.anns[a.ID] = got
				for i, r := range w.reports[a.ID] {
					if r.status == annotate.Pending {
						w.reports[a.ID][i].status = decision
					}
				}
				succeeded++
			}
			return err
		},
		"reports": func(v annotate.Viewer, a *annotate.Annotation) error {
			res, err := s.Reports(ctx, v, annotate.ReportQuery{Annotation: a.ID, Limit: 1000})
			if err != nil {
				fail("Reports: %v", err)
			}
			var got, want []string
			for _, r := range res.Reports {
				got = append(got, r.Reporter+":"+r.Status.String())
			}
			if v.User != "" && w.visible(v, a) {
				for _, r := range w.reports[a.ID] {
					if v.Moderator || r.reporter == v.User {
						want = append(want, r.reporter+":"+r.status.String())
					}
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				fail("Reports of %s for %+v: %v, want %v", a.ID, v, got, want)
			}
			return nil
		},
	}
	names := make([]string, 0, len(ops))
	for n := range ops {
		names = append(names, n)
	}
	slices.Sort(names)

	randomViewer := func() annotate.Viewer {
		switch rng.IntN(6) {
		case 0:
			return annotate.Viewer{}
		case 1: // claims without a login count for nothing
			return annotate.Viewer{Moderator: true, Groups: slices.Clone(privacyGroups)}
		case 2: // memberships changed since: a former member, a new one
			u := privacyUsers[rng.IntN(len(privacyUsers))]
			var gs []string
			for _, g := range privacyGroups {
				if rng.IntN(2) == 0 {
					gs = append(gs, g)
				}
			}
			return annotate.Viewer{User: u, Groups: gs, Moderator: rng.IntN(4) == 0}
		case 3:
			return annotate.Viewer{User: "stranger", Groups: []string{privacyGroups[rng.IntN(len(privacyGroups))]}}
		}
		return self(privacyUsers[rng.IntN(len(privacyUsers))])
	}

	for i := range cases {
		all := w.ids()
		if len(all) == 0 {
			t.Fatal("every annotation was deleted")
		}
		a := w.anns[all[rng.IntN(len(all))]]
		v := randomViewer()
		op := names[rng.IntN(len(names))]
		if !w.visible(v, a) {
			invisible++
		}
		counts[op]++
		err := ops[op](v, a)
		if err != nil {
			// A failed operation changed nothing: the secrets are those of
			// the state it met.
			msg := err.Error()
			for _, sec := range w.secrets(v) {
				if strings.Contains(msg, sec) {
					t.Fatalf("case %d (%s on %s by %+v): the error %q shows %q of an annotation the viewer may not see", i, op, a.ID, v, msg, sec)
				}
			}
		}
	}
	// The test has teeth: most operations met annotations hidden from the
	// viewer, and writes that were allowed happened.
	for _, n := range names {
		if counts[n] < cases/len(names)/2 {
			t.Errorf("operation %s ran %d times", n, counts[n])
		}
	}
	if invisible < cases/5 || succeeded < 200*cases/PrivacyCases {
		t.Errorf("%d cases met an annotation hidden from the viewer, %d writes succeeded: too few to prove anything", invisible, succeeded)
	}
	t.Logf("%d cases, %d on annotations hidden from the viewer, %d allowed writes, %d annotations at the end", cases, invisible, succeeded, len(w.anns))
}
