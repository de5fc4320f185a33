package annotate_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// seesOracle is the rule of who sees what, written apart from the
// package's Viewer methods.
func seesOracle(v annotate.Viewer, a *annotate.Annotation) bool {
	logged := v.User != ""
	if logged && a.Creator == v.User {
		return true
	}
	ok := a.Visibility == annotate.Public || a.Visibility == annotate.GroupOnly && logged && slices.Contains(v.Groups, a.Group)
	if !ok {
		return false
	}
	if a.Moderation == annotate.Hidden || a.Moderation == annotate.Spam {
		return logged && v.Moderator
	}
	return true
}

// Exports, JSON-LD and Markdown, hold every annotation the viewer may see
// and nothing of any other: at least 10,000 (viewer, annotation, export)
// cases.
func TestExportPrivacy(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 31))
	f := volume(t)
	d, _ := f.Document("maisky-1934-12-31")
	txt := docText(t, d.ID, maisky.Translation)
	users := []string{"u0", "u1", "u2", "u3", "m0"}
	groups := []string{"g0", "g1", "g2"}
	member := map[string][]string{}
	for _, u := range users {
		for _, g := range groups {
			if rng.IntN(2) == 0 {
				member[u] = append(member[u], g)
			}
		}
	}
	self := func(u string) annotate.Viewer {
		return annotate.Viewer{User: u, Groups: member[u], Moderator: u == "m0"}
	}
	s := annotate.NewMemory(annotate.MemoryOptions{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	var all []*annotate.Annotation
	for i := range 120 {
		v := self(users[rng.IntN(len(users))])
		start := rng.IntN(txt.Len() - 60)
		tg, err := txt.Select(start, start+5+rng.IntN(50))
		if err != nil {
			continue
		}
		a := &annotate.Annotation{ID: fmt.Sprintf("urn:export:%d", i), Document: d.ID,
			Body: fmt.Sprintf("secretbody%dx", i), Tags: []string{fmt.Sprintf("secrettag%dx", i)}, Target: tg}
		switch rng.IntN(3) {
		case 0:
			a.Visibility = annotate.Public
		case 1:
			if len(v.Groups) > 0 {
				a.Visibility, a.Group = annotate.GroupOnly, v.Groups[rng.IntN(len(v.Groups))]
			}
		}
		if rng.IntN(4) == 0 && len(all) > 0 {
			p := all[rng.IntN(len(all))]
			if p.ReplyTo == "" && v.CanReply(p, nil) {
				a.Motivation, a.ReplyTo, a.Target, a.Tags = annotate.Replying, p.ID, annotate.Target{}, nil
			}
		}
		got, err := s.Add(ctx, v, a)
		if err != nil {
			continue
		}
		all = append(all, got)
	}
	mod := self("m0")
	for _, a := range all {
		if rng.IntN(5) == 0 && mod.CanModerate(a, nil) && a.ReplyTo == "" {
			got, err := s.Moderate(ctx, mod, a.ID, []annotate.Moderation{annotate.Hidden, annotate.Spam, annotate.Approved}[rng.IntN(3)], 0)
			if err == nil {
				*a = *got
			}
		}
	}
	byID := map[string]*annotate.Annotation{}
	for _, a := range all {
		byID[a.ID] = a
	}
	visible := func(v annotate.Viewer, a *annotate.Annotation) bool {
		if !seesOracle(v, a) {
			return false
		}
		return a.ReplyTo == "" || seesOracle(v, byID[a.ReplyTo])
	}
	cases, hidden := 0, 0
	for range 60 {
		var v annotate.Viewer
		switch rng.IntN(4) {
		case 0:
		case 1:
			v = annotate.Viewer{User: users[rng.IntN(len(users))], Groups: groups[:rng.IntN(len(groups)+1)], Moderator: rng.IntN(3) == 0}
		default:
			v = self(users[rng.IntN(len(users))])
		}
		var ld, md bytes.Buffer
		q := annotate.Query{Viewer: v, Document: d.ID, Limit: 7}
		if err := annotate.WriteJSONLD(ctx, &ld, s, q, annotate.JSONLDOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := annotate.WriteMarkdown(ctx, &md, s, q, d, f.Volume, annotate.MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		for _, a := range all {
			for _, out := range []string{ld.String(), md.String()} {
				cases++
				secret := fmt.Sprintf("secretbody%sx", strings.TrimPrefix(a.ID, "urn:export:"))
				has := strings.Contains(out, secret)
				if visible(v, a) != has {
					t.Fatalf("viewer %+v, annotation %s (%v %q %v, reply to %q): visible %v, in the export %v", v, a.ID, a.Visibility, a.Group, a.Moderation, a.ReplyTo, visible(v, a), has)
				}
				if !visible(v, a) {
					hidden++
					if strings.Contains(out, a.ID+"\"") || a.ReplyTo == "" && strings.Contains(out, a.Tags[0]) {
						t.Fatalf("viewer %+v: the export names annotation %s", v, a.ID)
					}
				}
			}
		}
	}
	if cases < 10000 || hidden < cases/5 {
		t.Fatalf("%d cases, %d hidden: too few", cases, hidden)
	}
	t.Logf("%d (viewer, annotation, export) cases, %d of annotations hidden from the viewer", cases, hidden)
}
