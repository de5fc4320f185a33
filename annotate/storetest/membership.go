package storetest

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

// MembershipPrivacyCases is how many (viewer claiming groups, group known
// or not, member or former member, annotation, Store operation) cases the
// randomised membership privacy test runs.
const MembershipPrivacyCases = 12000

// testStoreMembership checks that Store methods decide a group the
// library knows by the store's membership, whatever groups the viewer
// claims, and a group it does not know by the viewer's claim.
func testStoreMembership(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	owner := annotate.Viewer{User: "alice"}
	must(s.CreateGroup(ctx, owner, annotate.Group{ID: "known", Name: "Known"}))(t, "CreateGroup")
	must(s.AddMember(ctx, owner, "known", "bob", annotate.RoleMember))(t, "AddMember")

	// A member adds to a known group without claiming it: the store's
	// membership decides.
	g := note("urn:m:1", "secret-known", at(1))
	g.Visibility, g.Group = annotate.GroupOnly, "known"
	g = mustAdd(t, s, owner, g)
	svc := note("urn:m:2", "secret-service", at(2))
	svc.Visibility, svc.Group = annotate.GroupOnly, "service"
	svc = mustAdd(t, s, annotate.Viewer{User: "dave", Groups: []string{"service"}}, svc)

	bob := annotate.Viewer{User: "bob"}
	if _, err := s.Annotation(ctx, bob, g.ID); err != nil {
		t.Errorf("a member who claims no group: Annotation: %v", err)
	}
	claimer := annotate.Viewer{User: "carol", Groups: []string{"known"}}
	claimMod := annotate.Viewer{User: "mo", Groups: []string{"known"}, Moderator: true}
	for _, v := range []annotate.Viewer{claimer, claimMod} {
		_, err := s.Annotation(ctx, v, g.ID)
		wantErr(t, v.User+" claiming a known group: Annotation", err, annotate.ErrNotFound)
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("error names a hidden annotation: %v", err)
		}
		if n := must(s.Count(ctx, annotate.Query{Viewer: v}))(t, "Count"); n != 0 {
			t.Errorf("%s claiming a known group counts %d annotations, want 0", v.User, n)
		}
		if got := queryAll(t, s, annotate.Query{Viewer: v}); len(got) != 0 {
			t.Errorf("%s claiming a known group: Query returns %v", v.User, ids(got))
		}
		_, err = s.Update(ctx, v, g)
		wantErr(t, v.User+" claiming a known group: Update", err, annotate.ErrNotFound)
		wantErr(t, v.User+" claiming a known group: Delete", s.Delete(ctx, v, g.ID, 0), annotate.ErrNotFound)
		_, err = s.Report(ctx, v, g.ID, "spam")
		wantErr(t, v.User+" claiming a known group: Report", err, annotate.ErrNotFound)
		_, err = s.Add(ctx, v, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: g.ID, Body: "peek", Visibility: annotate.Public})
		wantErr(t, v.User+" claiming a known group: reply", err, annotate.ErrNotFound)
		a := note("", "mine", at(3))
		a.Visibility, a.Group = annotate.GroupOnly, "known"
		_, err = s.Add(ctx, v, a)
		wantErr(t, v.User+" claiming a known group: Add to it", err, annotate.ErrForbidden)
		own := mustAdd(t, s, v, note("", "own", at(4)))
		own.Visibility, own.Group = annotate.GroupOnly, "known"
		_, err = s.Update(ctx, v, own)
		wantErr(t, v.User+" claiming a known group: share with it", err, annotate.ErrForbidden)
		if err := s.Delete(ctx, v, own.ID, 0); err != nil {
			t.Errorf("Delete of one's own annotation: %v", err)
		}
	}
	_, err := s.Moderate(ctx, claimMod, g.ID, annotate.Hidden, 0)
	wantErr(t, "a moderator claiming a known group: Moderate", err, annotate.ErrNotFound)

	// A group the store does not know keeps trusting the claim.
	erin := annotate.Viewer{User: "erin", Groups: []string{"service"}}
	if _, err := s.Annotation(ctx, erin, svc.ID); err != nil {
		t.Errorf("a claimed unknown group: Annotation: %v", err)
	}
	_, err = s.Annotation(ctx, annotate.Viewer{User: "erin"}, svc.ID)
	wantErr(t, "an unknown group not claimed", err, annotate.ErrNotFound)

	// A former member, still claiming the group, loses it at once; their
	// report on it is no longer listed to them.
	bobClaims := annotate.Viewer{User: "bob", Groups: []string{"known"}}
	must(s.Report(ctx, bobClaims, g.ID, "a complaint"))(t, "Report")
	if rs := must(s.Reports(ctx, bobClaims, annotate.ReportQuery{}))(t, "Reports"); len(rs.Reports) != 1 {
		t.Errorf("a member sees %d of their reports, want 1", len(rs.Reports))
	}
	if err := s.RemoveMember(ctx, owner, "known", "bob"); err != nil {
		t.Fatalf("RemoveMember: %v", err)
	}
	_, err = s.Annotation(ctx, bobClaims, g.ID)
	wantErr(t, "a former member claiming the group", err, annotate.ErrNotFound)
	if n := must(s.Count(ctx, annotate.Query{Viewer: bobClaims}))(t, "Count"); n != 0 {
		t.Errorf("a former member counts %d annotations, want 0", n)
	}
	if rs := must(s.Reports(ctx, bobClaims, annotate.ReportQuery{}))(t, "Reports"); len(rs.Reports) != 0 {
		t.Errorf("a former member still sees %d reports on the group's annotations", len(rs.Reports))
	}
	a := note("", "after", at(5))
	a.Visibility, a.Group = annotate.GroupOnly, "known"
	_, err = s.Add(ctx, bobClaims, a)
	wantErr(t, "a former member adds to the group", err, annotate.ErrForbidden)
	// The owner, claiming nothing, still sees it.
	if _, err := s.Annotation(ctx, owner, g.ID); err != nil {
		t.Errorf("the owner: %v", err)
	}
}

// membershipPrivacyTest returns the randomised membership privacy test
// with n cases.
func membershipPrivacyTest(n int) func(*testing.T, LibraryStore) {
	return func(t *testing.T, s LibraryStore) { testMembershipPrivacy(t, s, n) }
}

// testMembershipPrivacy builds groups the library knows, with members and
// former members, beside groups it does not know (the service's), and
// annotations of every visibility in them, replies, reports and concealed
// ones; then runs random cases of a viewer claiming random groups, an
// annotation and a Store operation, each checked against an oracle kept
// apart from the store: the library's membership for a known group, the
// claim for an unknown one.
func testMembershipPrivacy(t *testing.T, s LibraryStore, cases int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(16, 1112))
	users := []string{"u0", "u1", "u2", "u3", "u4", "u5"}
	known := []string{"k0", "k1"}
	unknown := []string{"s0", "s1"}
	allGroups := append(slices.Clone(known), unknown...)
	member := map[string]map[string]bool{} // known group → user → member now
	for gi, g := range known {
		own := users[gi]
		must(s.CreateGroup(ctx, annotate.Viewer{User: own}, annotate.Group{ID: g, Name: "secret-" + g}))(t, "CreateGroup")
		member[g] = map[string]bool{own: true}
		for _, u := range users {
			if u != own && rng.IntN(3) != 0 {
				must(s.AddMember(ctx, annotate.Viewer{User: own}, g, u, annotate.RoleMember))(t, "AddMember")
				member[g][u] = true
			}
		}
	}
	isKnown := func(g string) bool { return slices.Contains(known, g) }
	// effective is the oracle's viewer: the Store's rule, kept apart.
	effective := func(v annotate.Viewer) annotate.Viewer {
		out := annotate.Viewer{User: v.User, Moderator: v.Moderator}
		for _, g := range v.Groups {
			if !isKnown(g) {
				out.Groups = append(out.Groups, g)
			}
		}
		for _, g := range known {
			if member[g][v.User] {
				out.Groups = append(out.Groups, g)
			}
		}
		return out
	}
	// A writer claims every group: the store must still only let it use
	// the known groups it belongs to.
	writer := func(u string) annotate.Viewer {
		return annotate.Viewer{User: u, Groups: slices.Clone(allGroups)}
	}
	var anns []*annotate.Annotation
	for i := range 36 {
		u := users[rng.IntN(len(users))]
		a := note("", fmt.Sprintf("secret-body-%d", i), at(i))
		a.Visibility = annotate.Visibility(rng.IntN(3))
		if a.Visibility == annotate.GroupOnly {
			g := allGroups[rng.IntN(len(allGroups))]
			if isKnown(g) && !member[g][u] {
				_, err := s.Add(ctx, writer(u), &annotate.Annotation{Document: a.Document, Motivation: a.Motivation, Body: a.Body, Target: a.Target, Visibility: annotate.GroupOnly, Group: g})
				wantErr(t, "Add to a known group by a non-member claiming it", err, annotate.ErrForbidden)
				a.Visibility = annotate.Private
			} else {
				a.Group = g
			}
		}
		if i%4 == 3 && len(anns) > 0 {
			p := anns[rng.IntN(len(anns))]
			if p.ReplyTo == "" && effective(writer(u)).CanReply(p, nil) {
				a = &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: p.ID, Body: a.Body, Visibility: a.Visibility, Group: a.Group, Created: at(i)}
			}
		}
		anns = append(anns, mustAdd(t, s, writer(u), a))
	}
	byID := map[string]*annotate.Annotation{}
	for _, a := range anns {
		byID[a.ID] = a
	}
	parentOf := func(a *annotate.Annotation) *annotate.Annotation {
		if a.ReplyTo == "" {
			return nil
		}
		return byID[a.ReplyTo]
	}
	// Reports by readers who see the annotation, then moderation by a
	// moderator member of every known group.
	mod := annotate.Viewer{User: "m0", Moderator: true, Groups: slices.Clone(unknown)}
	for _, g := range known {
		must(s.AddMember(ctx, annotate.Viewer{User: users[slices.Index(known, g)]}, g, "m0", annotate.RoleMember))(t, "AddMember")
		member[g]["m0"] = true
	}
	refresh := func(id string) *annotate.Annotation {
		x := must(s.Annotation(ctx, annotate.Viewer{User: byID[id].Creator, Moderator: true}, id))(t, "Annotation by its creator")
		byID[id] = x
		return x
	}
	for _, a := range anns {
		u := users[rng.IntN(len(users))]
		v := effective(writer(u))
		if rng.IntN(2) == 0 && v.CanReport(byID[a.ID], parentOf(a)) {
			must(s.Report(ctx, writer(u), a.ID, "secret-reason"))(t, "Report")
			refresh(a.ID)
		}
		if rng.IntN(3) == 0 && effective(mod).CanModerate(byID[a.ID], parentOf(a)) {
			d := []annotate.Moderation{annotate.Approved, annotate.Hidden, annotate.Spam}[rng.IntN(3)]
			must(s.Moderate(ctx, mod, a.ID, d, 0))(t, "Moderate")
			refresh(a.ID)
		}
	}
	// The stored state, read by each creator (who sees their own, and as
	// a moderator the concealed annotation a reply answers) before anyone
	// leaves.
	for i, a := range anns {
		anns[i] = refresh(a.ID)
	}
	former := map[string]bool{} // group + NUL + user
	// Former members: some leave or are removed, and keep claiming.
	for gi, g := range known {
		for _, u := range users {
			if u != users[gi] && member[g][u] && rng.IntN(2) == 0 {
				if err := s.RemoveMember(ctx, annotate.Viewer{User: users[gi]}, g, u); err != nil {
					t.Fatalf("RemoveMember: %v", err)
				}
				member[g][u] = false
				former[g+"\x00"+u] = true
			}
		}
	}
	randomViewer := func() annotate.Viewer {
		v := annotate.Viewer{Moderator: rng.IntN(4) == 0}
		switch k := rng.IntN(10); {
		case k == 0:
		case k == 1:
			v.User = "stranger"
		case k == 2:
			v.User = "m0"
		default:
			v.User = users[rng.IntN(len(users))]
		}
		for _, g := range allGroups {
			if rng.IntN(2) == 0 {
				v.Groups = append(v.Groups, g)
			}
		}
		return v
	}
	var nHidden, nFormer, nClaimedKnown, nUnknown int
	leak := func(err error) bool { return err != nil && strings.Contains(err.Error(), "secret") }
	for c := range cases {
		v := randomViewer()
		ev := effective(v)
		a := anns[rng.IntN(len(anns))]
		p := parentOf(a)
		sees := ev.CanSee(a, p)
		if !sees {
			nHidden++
		}
		if a.Visibility == annotate.GroupOnly && v.Member(a.Group) {
			switch {
			case !isKnown(a.Group):
				nUnknown++
			case former[a.Group+"\x00"+v.User]:
				nFormer++
			case !member[a.Group][v.User]:
				nClaimedKnown++
			}
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("case %d, viewer %+v (counts %v), annotation %s (%v in %q by %s, %v): %s", c, v, ev.Groups, a.ID, a.Visibility, a.Group, a.Creator, a.Moderation, fmt.Sprintf(format, args...))
		}
		hidden := func(op string, err error) {
			t.Helper()
			if !errors.Is(err, annotate.ErrNotFound) {
				fail("%s of an annotation the viewer may not see: %v, want ErrNotFound", op, err)
			}
			if leak(err) {
				fail("%s: the error names a hidden thing: %v", op, err)
			}
		}
		switch op := rng.IntN(8); op {
		case 0: // Annotation
			_, err := s.Annotation(ctx, v, a.ID)
			if sees && err != nil {
				fail("Annotation: %v", err)
			} else if !sees {
				hidden("Annotation", err)
			}
		case 1, 2: // Query and Count
			q := annotate.Query{Viewer: v, Limit: 1 + rng.IntN(20)}
			if rng.IntN(2) == 0 {
				q.ReplyTo = anns[rng.IntN(len(anns))].ID
			}
			var want []string
			for _, x := range anns {
				if (q.ReplyTo == "" || x.ReplyTo == q.ReplyTo) && ev.CanSee(x, parentOf(x)) {
					want = append(want, x.ID)
				}
			}
			if op == 1 {
				got := ids(queryAll(t, s, q))
				if !slices.Equal(sorted(got), sorted(want)) {
					fail("Query(%+v) = %v, want %v", q, got, want)
				}
			} else if n := must(s.Count(ctx, q))(t, "Count"); n != len(want) {
				fail("Count = %d, want %d", n, len(want))
			}
		case 3: // Reports
			res := must(s.Reports(ctx, v, annotate.ReportQuery{Limit: annotate.MaxLimit}))(t, "Reports")
			for _, r := range res.Reports {
				x := byID[r.Annotation]
				if x == nil || !ev.CanSeeReport(r, x, parentOf(x)) {
					fail("Reports lists a report on %s the viewer may not see", r.Annotation)
				}
			}
		case 4: // Update and Delete with a revision that is not the stored one
			in := a.Clone()
			in.Revision = a.Revision + 7
			_, err := s.Update(ctx, v, in)
			errD := s.Delete(ctx, v, a.ID, a.Revision+7)
			switch {
			case !sees:
				hidden("Update", err)
				hidden("Delete", errD)
			default:
				if want := iff(ev.CanEdit(a, p), annotate.ErrConflict, annotate.ErrForbidden); !errors.Is(err, want) {
					fail("Update: %v, want %v", err, want)
				}
				if want := iff(ev.CanDelete(a, p), annotate.ErrConflict, annotate.ErrForbidden); !errors.Is(errD, want) {
					fail("Delete: %v, want %v", errD, want)
				}
			}
		case 5: // Moderate with a stale revision; Report of what is hidden
			_, err := s.Moderate(ctx, v, a.ID, annotate.Approved, a.Revision+7)
			if !sees {
				hidden("Moderate", err)
				_, err = s.Report(ctx, v, a.ID, "a complaint")
				hidden("Report", err)
			} else if want := iff(ev.CanModerate(a, p), annotate.ErrConflict, annotate.ErrForbidden); !errors.Is(err, want) {
				fail("Moderate: %v, want %v", err, want)
			}
		case 6: // Add a reply (deleted again when it is allowed)
			r, err := s.Add(ctx, v, &annotate.Annotation{Motivation: annotate.Replying, ReplyTo: a.ID, Body: "a reply", Visibility: annotate.Public})
			switch {
			case v.Anonymous():
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Add by an anonymous viewer: %v", err)
				}
			case !sees:
				hidden("Add a reply", err)
			case !ev.CanReply(a, p):
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Add a reply: %v, want ErrForbidden", err)
				}
			case err != nil:
				fail("Add a reply: %v", err)
			default:
				if err := s.Delete(ctx, v, r.ID, 0); err != nil {
					fail("Delete of one's own reply: %v", err)
				}
			}
		case 7: // Share with a group: Add, and Update of one's own annotation
			g := allGroups[rng.IntN(len(allGroups))]
			allowed := !v.Anonymous() && ev.Member(g)
			in := note("", "shared", at(100))
			in.Visibility, in.Group = annotate.GroupOnly, g
			x, err := s.Add(ctx, v, in)
			if !allowed {
				if !errors.Is(err, annotate.ErrForbidden) {
					fail("Add to group %s: %v, want ErrForbidden", g, err)
				}
				if v.Anonymous() {
					break
				}
				x = must(s.Add(ctx, v, note("", "own", at(100))))(t, "Add")
				up := x.Clone()
				up.Visibility, up.Group = annotate.GroupOnly, g
				if _, err := s.Update(ctx, v, up); !errors.Is(err, annotate.ErrForbidden) {
					fail("Update sharing with group %s: %v, want ErrForbidden", g, err)
				}
			} else if err != nil {
				fail("Add to group %s: %v", g, err)
			}
			if err := s.Delete(ctx, v, x.ID, 0); err != nil {
				fail("Delete of one's own annotation: %v", err)
			}
		}
	}
	t.Logf("%d cases, %d on annotations hidden from the viewer; on group annotations whose group the viewer claims: %d by former members, %d by others who never belonged to the known group, %d in groups the store does not know",
		cases, nHidden, nFormer, nClaimedKnown, nUnknown)
}

func iff(ok bool, yes, no error) error {
	if ok {
		return yes
	}
	return no
}
