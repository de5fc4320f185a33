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

// LibraryPrivacyCases is how many (viewer, group, folder, annotation,
// operation) cases the randomised library privacy test runs.
const LibraryPrivacyCases = 12000

// testLibraryPrivacy builds groups with current and former members,
// personal and group folders, items saving documents and annotations of
// every visibility, then runs random cases: a viewer (claiming random
// groups, which must count for nothing), a group, a folder, an annotation
// and an operation, each checked against an oracle kept apart from the
// store. Whatever the oracle hides must be ErrNotFound with a message
// that names none of the hidden things, and never appear in a list.
// libraryPrivacyTest returns the randomised library privacy test with n
// cases.
func libraryPrivacyTest(n int) func(*testing.T, LibraryStore) {
	return func(t *testing.T, s LibraryStore) { testLibraryPrivacy(t, s, n) }
}

func testLibraryPrivacy(t *testing.T, s LibraryStore, cases int) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(16, 2026))
	users := []string{"u0", "u1", "u2", "u3", "u4", "u5"}
	groups := []string{"g0", "g1", "g2"}
	role := map[string]map[string]annotate.Role{} // group → user → role (now)
	for gi, g := range groups {
		owner := users[gi]
		must(s.CreateGroup(ctx, annotate.Viewer{User: owner}, annotate.Group{ID: g, Name: "secret-group-" + g}))(t, "CreateGroup")
		role[g] = map[string]annotate.Role{owner: annotate.RoleOwner}
		for _, u := range users {
			if u == owner || rng.IntN(2) == 0 {
				continue
			}
			r := annotate.RoleMember
			if rng.IntN(3) == 0 {
				r = annotate.RoleModerator
			}
			must(s.AddMember(ctx, annotate.Viewer{User: owner}, g, u, r))(t, "AddMember")
			role[g][u] = r
		}
	}
	resolved := func(u string) annotate.Viewer {
		return must(s.Viewer(ctx, annotate.Viewer{User: u}))(t, "Viewer")
	}
	// Annotations of every visibility, by members (group ones by members).
	type ann struct {
		id, creator, group string
		vis                annotate.Visibility
	}
	var anns []ann
	for i := range 30 {
		u := users[rng.IntN(len(users))]
		a := note("", fmt.Sprintf("secret-body-%d", i), at(i))
		a.Visibility = annotate.Visibility(rng.IntN(3))
		if a.Visibility == annotate.GroupOnly {
			var mine []string
			for _, g := range groups {
				if role[g][u] != annotate.NoRole {
					mine = append(mine, g)
				}
			}
			if len(mine) == 0 {
				a.Visibility = annotate.Private
			} else {
				a.Group = mine[rng.IntN(len(mine))]
			}
		}
		got := mustAdd(t, s, resolved(u), a)
		anns = append(anns, ann{got.ID, u, a.Group, a.Visibility})
	}
	// Folders: personal ones of every user, group ones by members.
	type folder struct{ id, owner, group, name string }
	var folders []folder
	for i := range 24 {
		u := users[rng.IntN(len(users))]
		g := ""
		if i%2 == 1 {
			for _, c := range groups {
				if role[c][u] != annotate.NoRole && rng.IntN(2) == 0 {
					g = c
				}
			}
		}
		name := fmt.Sprintf("secret-folder-%d", i)
		f := must(s.CreateFolder(ctx, annotate.Viewer{User: u}, annotate.Folder{Name: name, Group: g}))(t, "CreateFolder")
		folders = append(folders, folder{f.ID, u, g, name})
	}
	seesAnn := func(u string, a ann) bool {
		if u == "" {
			return a.vis == annotate.Public
		}
		return a.creator == u || a.vis == annotate.Public || (a.vis == annotate.GroupOnly && role[a.group][u] != annotate.NoRole)
	}
	seesFolder := func(u string, f folder) bool {
		if u == "" {
			return false
		}
		if f.group == "" {
			return f.owner == u
		}
		return role[f.group][u] != annotate.NoRole
	}
	// Items: into folders the saver sees, some with annotations they see.
	type item struct{ id, folder, addedBy, ann string }
	var items []item
	for range 120 {
		u := users[rng.IntN(len(users))]
		var fi = -1
		if rng.IntN(4) > 0 {
			for range 10 {
				c := rng.IntN(len(folders))
				if seesFolder(u, folders[c]) {
					fi = c
					break
				}
			}
		}
		it := annotate.Item{Document: "maisky-1934-12-31"}
		if fi >= 0 {
			it.Folder = folders[fi].id
		}
		if rng.IntN(2) == 0 {
			for range 10 {
				a := anns[rng.IntN(len(anns))]
				if seesAnn(u, a) {
					it.Annotation = a.id
					break
				}
			}
		}
		got := must(s.Save(ctx, annotate.Viewer{User: u}, it))(t, "Save")
		items = append(items, item{got.ID, it.Folder, u, it.Annotation})
	}
	// Former members: remove some members after everything was made.
	for _, g := range groups {
		for _, u := range users {
			if r := role[g][u]; r == annotate.RoleMember && rng.IntN(2) == 0 {
				if err := s.RemoveMember(ctx, annotate.Viewer{User: u}, g, u); err != nil {
					t.Fatal(err)
				}
				delete(role[g], u)
			}
		}
	}
	annByID := map[string]ann{}
	for _, a := range anns {
		annByID[a.id] = a
	}
	folderByID := map[string]folder{}
	for _, f := range folders {
		folderByID[f.id] = f
	}
	seesItem := func(u string, it item) bool {
		if u == "" {
			return false
		}
		if it.folder == "" {
			if it.addedBy != u {
				return false
			}
		} else if !seesFolder(u, folderByID[it.folder]) {
			return false
		}
		return it.ann == "" || seesAnn(u, annByID[it.ann])
	}
	secrets := func(u string) []string {
		var out []string
		for _, f := range folders {
			if !seesFolder(u, f) {
				out = append(out, f.id, f.name)
			}
		}
		for _, g := range groups {
			if role[g][u] == annotate.NoRole {
				out = append(out, "secret-group-"+g)
			}
		}
		return out
	}
	viewers := append([]string{""}, users...)
	hidden := func(what, u string, err error) {
		t.Helper()
		if !errors.Is(err, annotate.ErrNotFound) {
			t.Fatalf("%s by %q: got %v, want ErrNotFound", what, u, err)
		}
		for _, sec := range secrets(u) {
			if strings.Contains(err.Error(), sec) {
				t.Fatalf("%s by %q: the error %q names %q", what, u, err, sec)
			}
		}
	}
	const ops = 9
	counts := make([]int, ops)
	for c := range cases {
		u := viewers[rng.IntN(len(viewers))]
		v := annotate.Viewer{User: u, Moderator: rng.IntN(4) == 0}
		for _, g := range groups { // claimed groups count for nothing
			if rng.IntN(2) == 0 {
				v.Groups = append(v.Groups, g)
			}
		}
		g := groups[rng.IntN(len(groups))]
		f := folders[rng.IntN(len(folders))]
		a := anns[rng.IntN(len(anns))]
		it := items[rng.IntN(len(items))]
		op := c % ops
		counts[op]++
		what := fmt.Sprintf("case %d op %d", c, op)
		switch op {
		case 0: // Folder
			got, err := s.Folder(ctx, v, f.id)
			if seesFolder(u, f) {
				if err != nil || got.Name != f.name {
					t.Fatalf("%s: Folder by %q: %v", what, u, err)
				}
			} else {
				hidden(what+" Folder", u, err)
			}
		case 1: // Folders of a group (or personal)
			q := g
			if rng.IntN(3) == 0 {
				q = ""
			}
			got, err := s.Folders(ctx, v, q)
			if q != "" && (u == "" || role[q][u] == annotate.NoRole) {
				if u == "" && err == nil && len(got) == 0 {
					break
				}
				hidden(what+" Folders", u, err)
				break
			}
			if err != nil {
				t.Fatalf("%s: Folders by %q: %v", what, u, err)
			}
			var want, have []string
			for _, x := range folders {
				if seesFolder(u, x) && x.group == q && (q != "" || x.owner == u) {
					want = append(want, x.id)
				}
			}
			for _, x := range got {
				have = append(have, x.ID)
			}
			slices.Sort(want)
			slices.Sort(have)
			if !slices.Equal(want, have) {
				t.Fatalf("%s: Folders(%q) by %q = %v, want %v", what, q, u, have, want)
			}
		case 2: // Items of a folder, or the unfiled list
			q := f.id
			if rng.IntN(4) == 0 {
				q = ""
			}
			res, err := s.Items(ctx, v, annotate.ItemQuery{Folder: q, Limit: annotate.MaxLimit})
			if q != "" && !seesFolder(u, f) {
				hidden(what+" Items", u, err)
				break
			}
			if err != nil {
				t.Fatalf("%s: Items by %q: %v", what, u, err)
			}
			var want, have []string
			for _, x := range items {
				if x.folder == q && seesItem(u, x) && (q != "" || x.addedBy == u) {
					want = append(want, x.id)
				}
			}
			for _, x := range res.Items {
				have = append(have, x.ID)
			}
			slices.Sort(want)
			slices.Sort(have)
			if !slices.Equal(want, have) {
				t.Fatalf("%s: Items(%q) by %q = %v, want %v", what, q, u, have, want)
			}
		case 3: // Item
			_, err := s.Item(ctx, v, it.id)
			if seesItem(u, it) {
				if err != nil {
					t.Fatalf("%s: Item by %q: %v", what, u, err)
				}
			} else {
				hidden(what+" Item", u, err)
			}
		case 4: // Group and Members
			_, err := s.Group(ctx, v, g)
			_, err2 := s.Members(ctx, v, g)
			if u != "" && role[g][u] != annotate.NoRole {
				if err != nil || err2 != nil {
					t.Fatalf("%s: Group/Members by %q: %v %v", what, u, err, err2)
				}
			} else {
				hidden(what+" Group", u, err)
				hidden(what+" Members", u, err2)
			}
		case 5: // RenameFolder to its own name
			_, err := s.RenameFolder(ctx, v, f.id, f.name)
			if seesFolder(u, f) {
				if err != nil {
					t.Fatalf("%s: RenameFolder by %q: %v", what, u, err)
				}
			} else {
				hidden(what+" RenameFolder", u, err)
			}
		case 6: // Save into a folder (then Unsave), maybe an annotation
			in := annotate.Item{Folder: f.id, Document: "maisky-1934-12-31"}
			withAnn := rng.IntN(2) == 0
			if withAnn {
				in.Annotation, in.Document = a.id, ""
			}
			got, err := s.Save(ctx, v, in)
			switch {
			case u == "":
				if !errors.Is(err, annotate.ErrForbidden) {
					t.Fatalf("%s: anonymous Save: %v", what, err)
				}
			case (withAnn && !seesAnn(u, a)) || !seesFolder(u, f):
				hidden(what+" Save", u, err)
			case err != nil:
				t.Fatalf("%s: Save by %q: %v", what, u, err)
			default:
				if err := s.Unsave(ctx, v, got.ID); err != nil {
					t.Fatalf("%s: Unsave by %q: %v", what, u, err)
				}
			}
		case 7: // MoveItem within its own folder (to the end)
			_, err := s.MoveItem(ctx, v, it.id, it.folder, -1)
			if seesItem(u, it) && (it.folder != "" || it.addedBy == u) {
				if err != nil {
					t.Fatalf("%s: MoveItem by %q: %v", what, u, err)
				}
			} else {
				hidden(what+" MoveItem", u, err)
			}
		case 8: // annotations through the resolved viewer
			rv := must(s.Viewer(ctx, v))(t, "Viewer")
			_, err := s.Annotation(ctx, rv, a.id)
			if seesAnn(u, a) {
				if err != nil {
					t.Fatalf("%s: Annotation by %q: %v", what, u, err)
				}
			} else {
				hidden(what+" Annotation", u, err)
			}
		}
	}
	for op, n := range counts {
		if n == 0 {
			t.Errorf("operation %d never ran", op)
		}
	}
}
