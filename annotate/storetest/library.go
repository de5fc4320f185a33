package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// LibraryStore is a store that keeps both annotations and the library.
type LibraryStore interface {
	annotate.Store
	annotate.Library
}

// RunLibrary runs the conformance tests of annotate.Library, each on a
// store that open returns new and empty: groups and roles, the store's
// membership as the truth, folders (nested, ordered, renamed, moved,
// deleted with their items going to the unfiled list), saved items and
// their paging, group folders, leaving and deleting a group, a
// randomised privacy test of at least 10,000 (viewer, group, folder,
// annotation, operation) cases, and the Store methods under the library's
// membership (a test and a randomised test of at least 10,000 cases).
func RunLibrary(t *testing.T, open func(t *testing.T) LibraryStore) {
	t.Helper()
	RunLibraryWith(t, open, Options{})
}

// RunLibraryWith is RunLibrary with options.
func RunLibraryWith(t *testing.T, open func(t *testing.T) LibraryStore, opts Options) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, LibraryStore)
	}{
		{"Groups", testGroups},
		{"Folders", testFolders},
		{"Items", testItems},
		{"GroupFolders", testGroupFolders},
		{"LeaveAndDeleteGroup", testLeaveAndDelete},
		{"ConcurrentMoves", testConcurrentMoves},
		{"LibraryCancelledContext", testLibraryCancelled},
		{"LibraryPrivacy", libraryPrivacyTest(opts.libraryPrivacyCases())},
		{"StoreMembership", testStoreMembership},
		{"MembershipPrivacy", membershipPrivacyTest(opts.membershipPrivacyCases())},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// must returns x, or a function that fails the test with err.
func must[T any](x T, err error) func(t *testing.T, what string) T {
	return func(t *testing.T, what string) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return x
	}
}

func folderNames(fs []*annotate.Folder) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

func itemDocs(its []*annotate.Item) []string {
	out := make([]string, len(its))
	for i, it := range its {
		out[i] = it.Document
	}
	return out
}

func allItems(t *testing.T, s LibraryStore, v annotate.Viewer, folder string, limit int) []*annotate.Item {
	t.Helper()
	var out []*annotate.Item
	q := annotate.ItemQuery{Folder: folder, Limit: limit}
	for pages := 0; ; pages++ {
		if pages > 100000 {
			t.Fatal("Items: cursors do not end")
		}
		res, err := s.Items(context.Background(), v, q)
		if err != nil {
			t.Fatalf("Items(%q) by %q: %v", folder, v.User, err)
		}
		out = append(out, res.Items...)
		if res.Next == "" {
			return out
		}
		q.Cursor = res.Next
	}
}

func testGroups(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	u := func(name string) annotate.Viewer { return annotate.Viewer{User: name} }
	_, err := s.CreateGroup(ctx, anon, annotate.Group{Name: "x"})
	wantErr(t, "anonymous CreateGroup", err, annotate.ErrForbidden)
	_, err = s.CreateGroup(ctx, u("alice"), annotate.Group{Name: "  "})
	wantErr(t, "CreateGroup without a name", err, annotate.ErrInvalid)
	g := must(s.CreateGroup(ctx, u("alice"), annotate.Group{ID: "seminar", Name: "Семинар "}))(t, "CreateGroup")
	if g.Owner != "alice" || g.Name != "Семинар" || g.ID != "seminar" || g.Created.IsZero() {
		t.Errorf("CreateGroup = %+v", g)
	}
	_, err = s.CreateGroup(ctx, u("bob"), annotate.Group{ID: "seminar", Name: "x"})
	wantErr(t, "CreateGroup of a taken id", err, annotate.ErrExists)
	auto := must(s.CreateGroup(ctx, u("bob"), annotate.Group{Name: "club"}))(t, "CreateGroup")
	if auto.ID == "" {
		t.Error("CreateGroup assigned no id")
	}
	// The viewer's claimed groups count for nothing.
	_, err = s.Group(ctx, annotate.Viewer{User: "carol", Groups: []string{"seminar"}}, "seminar")
	wantErr(t, "Group by a non-member claiming it", err, annotate.ErrNotFound)
	_, err = s.AddMember(ctx, u("bob"), "seminar", "carol", annotate.RoleMember)
	wantErr(t, "AddMember by a non-member", err, annotate.ErrNotFound)
	must(s.AddMember(ctx, u("alice"), "seminar", "bob", annotate.RoleModerator))(t, "AddMember")
	m := must(s.AddMember(ctx, u("bob"), "seminar", "carol", annotate.RoleMember))(t, "AddMember")
	if m.Role != annotate.RoleMember || m.User != "carol" || m.Group != "seminar" {
		t.Errorf("AddMember = %+v", m)
	}
	_, err = s.AddMember(ctx, u("bob"), "seminar", "dave", annotate.RoleModerator)
	wantErr(t, "a moderator invites a moderator", err, annotate.ErrForbidden)
	_, err = s.AddMember(ctx, u("carol"), "seminar", "dave", annotate.RoleMember)
	wantErr(t, "a member invites", err, annotate.ErrForbidden)
	_, err = s.AddMember(ctx, u("alice"), "seminar", "carol", annotate.RoleMember)
	wantErr(t, "AddMember twice", err, annotate.ErrExists)
	_, err = s.AddMember(ctx, u("alice"), "seminar", "dave", annotate.RoleOwner)
	wantErr(t, "AddMember as owner", err, annotate.ErrInvalid)
	ms := must(s.Members(ctx, u("carol"), "seminar"))(t, "Members")
	var got []string
	for _, m := range ms {
		got = append(got, m.User+":"+m.Role.String())
	}
	if want := []string{"alice:owner", "bob:moderator", "carol:member"}; !slices.Equal(got, want) {
		t.Errorf("Members = %v, want %v", got, want)
	}
	v := must(s.Viewer(ctx, annotate.Viewer{User: "bob", Groups: []string{"elsewhere"}, Moderator: true}))(t, "Viewer")
	if v.User != "bob" || !v.Moderator || !slices.Equal(v.Groups, slices.Sorted(slices.Values([]string{"seminar", auto.ID}))) {
		t.Errorf("Viewer(bob) = %+v", v)
	}
	if v := must(s.Viewer(ctx, annotate.Viewer{Groups: []string{"seminar"}, Moderator: true}))(t, "Viewer"); v.User != "" || len(v.Groups) != 0 || v.Moderator {
		t.Errorf("Viewer(anonymous) = %+v", v)
	}
	gs := must(s.Groups(ctx, u("carol")))(t, "Groups")
	if len(gs) != 1 || gs[0].ID != "seminar" {
		t.Errorf("Groups(carol) = %+v", gs)
	}
	_, err = s.RenameGroup(ctx, u("carol"), "seminar", "x")
	wantErr(t, "a member renames", err, annotate.ErrForbidden)
	if g := must(s.RenameGroup(ctx, u("bob"), "seminar", "Reading group"))(t, "RenameGroup"); g.Name != "Reading group" {
		t.Errorf("RenameGroup = %+v", g)
	}
	_, err = s.SetRole(ctx, u("bob"), "seminar", "carol", annotate.RoleModerator)
	wantErr(t, "a moderator sets a role", err, annotate.ErrForbidden)
	if m := must(s.SetRole(ctx, u("alice"), "seminar", "carol", annotate.RoleModerator))(t, "SetRole"); m.Role != annotate.RoleModerator {
		t.Errorf("SetRole = %+v", m)
	}
	must(s.SetRole(ctx, u("alice"), "seminar", "carol", annotate.RoleMember))(t, "SetRole")
	err = s.RemoveMember(ctx, u("carol"), "seminar", "bob")
	wantErr(t, "a member removes a moderator", err, annotate.ErrForbidden)
	err = s.RemoveMember(ctx, u("bob"), "seminar", "alice")
	wantErr(t, "a moderator removes the owner", err, annotate.ErrForbidden)
	err = s.RemoveMember(ctx, u("alice"), "seminar", "alice")
	wantErr(t, "the owner leaves", err, annotate.ErrForbidden)
	if err := s.RemoveMember(ctx, u("bob"), "seminar", "carol"); err != nil {
		t.Fatalf("a moderator removes a member: %v", err)
	}
	_, err = s.Group(ctx, u("carol"), "seminar")
	wantErr(t, "Group by a former member", err, annotate.ErrNotFound)
	if err := s.RemoveMember(ctx, u("bob"), "seminar", "bob"); err != nil {
		t.Fatalf("a moderator leaves: %v", err)
	}
	if v := must(s.Viewer(ctx, u("bob")))(t, "Viewer"); !slices.Equal(v.Groups, []string{auto.ID}) {
		t.Errorf("Viewer(bob) after leaving = %+v", v)
	}
	err = s.DeleteGroup(ctx, u("bob"), "seminar")
	wantErr(t, "DeleteGroup by a former member", err, annotate.ErrNotFound)
	if err := s.DeleteGroup(ctx, u("alice"), "seminar"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Group(ctx, u("alice"), "seminar")
	wantErr(t, "Group after DeleteGroup", err, annotate.ErrNotFound)
}

// personalTree makes alice's folders A (A1, A2), B, C.
func personalTree(t *testing.T, s LibraryStore, v annotate.Viewer) map[string]*annotate.Folder {
	ctx := context.Background()
	fs := map[string]*annotate.Folder{}
	mk := func(name, parent string, pos int) {
		p := ""
		if parent != "" {
			p = fs[parent].ID
		}
		fs[name] = must(s.CreateFolder(ctx, v, annotate.Folder{Name: name, Parent: p}))(t, "CreateFolder "+name)
		if pos >= 0 {
			fs[name] = must(s.MoveFolder(ctx, v, fs[name].ID, p, pos))(t, "MoveFolder "+name)
		}
	}
	mk("B", "", -1)
	mk("C", "", -1)
	mk("A", "", 0)
	mk("A2", "A", -1)
	mk("A1", "A", 0)
	return fs
}

func testFolders(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	_, err := s.CreateFolder(ctx, anon, annotate.Folder{Name: "x"})
	wantErr(t, "anonymous CreateFolder", err, annotate.ErrForbidden)
	fs := personalTree(t, s, alice)
	list := func(v annotate.Viewer) []string {
		return folderNames(must(s.Folders(ctx, v, ""))(t, "Folders"))
	}
	if got, want := list(alice), []string{"A", "A1", "A2", "B", "C"}; !slices.Equal(got, want) {
		t.Errorf("Folders = %v, want %v", got, want)
	}
	if got := list(bob); len(got) != 0 {
		t.Errorf("bob sees alice's folders: %v", got)
	}
	all := must(s.Folders(ctx, alice, ""))(t, "Folders")
	for _, f := range all {
		if f.Owner != "alice" || f.Group != "" || f.Created.IsZero() {
			t.Errorf("folder %+v", f)
		}
		if f.Name == "A1" && (f.Parent != fs["A"].ID || f.Position != 0) {
			t.Errorf("A1 = %+v", f)
		}
		if f.Name == "C" && f.Position != 2 {
			t.Errorf("C = %+v", f)
		}
	}
	_, err = s.Folder(ctx, bob, fs["A"].ID)
	wantErr(t, "Folder by another reader", err, annotate.ErrNotFound)
	_, err = s.CreateFolder(ctx, bob, annotate.Folder{Name: "x", Parent: fs["A"].ID})
	wantErr(t, "CreateFolder in another reader's folder", err, annotate.ErrNotFound)
	_, err = s.RenameFolder(ctx, bob, fs["A"].ID, "mine")
	wantErr(t, "RenameFolder by another reader", err, annotate.ErrNotFound)
	if f := must(s.RenameFolder(ctx, alice, fs["B"].ID, "Дневники"))(t, "RenameFolder"); f.Name != "Дневники" {
		t.Errorf("RenameFolder = %+v", f)
	}
	_, err = s.RenameFolder(ctx, alice, fs["B"].ID, "")
	wantErr(t, "RenameFolder to nothing", err, annotate.ErrInvalid)
	// Moves: into a sibling, to the top, reordering, cycles.
	must(s.MoveFolder(ctx, alice, fs["C"].ID, fs["A"].ID, 1))(t, "MoveFolder")
	if got, want := list(alice), []string{"A", "A1", "C", "A2", "Дневники"}; !slices.Equal(got, want) {
		t.Errorf("after moving C into A: %v, want %v", got, want)
	}
	must(s.MoveFolder(ctx, alice, fs["A"].ID, "", -1))(t, "MoveFolder")
	if got, want := list(alice), []string{"Дневники", "A", "A1", "C", "A2"}; !slices.Equal(got, want) {
		t.Errorf("after moving A last: %v, want %v", got, want)
	}
	_, err = s.MoveFolder(ctx, alice, fs["A"].ID, fs["C"].ID, 0)
	wantErr(t, "MoveFolder into its subfolder", err, annotate.ErrInvalid)
	_, err = s.MoveFolder(ctx, alice, fs["A"].ID, fs["A"].ID, 0)
	wantErr(t, "MoveFolder into itself", err, annotate.ErrInvalid)
	bf := must(s.CreateFolder(ctx, bob, annotate.Folder{Name: "bob's"}))(t, "CreateFolder")
	_, err = s.MoveFolder(ctx, alice, fs["A"].ID, bf.ID, 0)
	wantErr(t, "MoveFolder into another reader's folder", err, annotate.ErrNotFound)
	// Depth.
	parent := ""
	var err2 error
	for i := 0; i <= annotate.MaxFolderDepth; i++ {
		var f *annotate.Folder
		f, err2 = s.CreateFolder(ctx, carol, annotate.Folder{Name: "deep", Parent: parent})
		if err2 != nil {
			if i != annotate.MaxFolderDepth {
				t.Errorf("depth %d refused: %v", i+1, err2)
			}
			break
		}
		parent = f.ID
	}
	wantErr(t, "a folder too deep", err2, annotate.ErrInvalid)
	// Delete: A's items and its subfolders' go to the unfiled list.
	must(s.Save(ctx, alice, annotate.Item{Folder: fs["A"].ID, Document: "doc-a"}))(t, "Save")
	must(s.Save(ctx, alice, annotate.Item{Folder: fs["C"].ID, Document: "doc-c"}))(t, "Save")
	must(s.Save(ctx, alice, annotate.Item{Document: "doc-unfiled"}))(t, "Save")
	err = s.DeleteFolder(ctx, bob, fs["A"].ID)
	wantErr(t, "DeleteFolder by another reader", err, annotate.ErrNotFound)
	if err := s.DeleteFolder(ctx, alice, fs["A"].ID); err != nil {
		t.Fatal(err)
	}
	if got, want := list(alice), []string{"Дневники"}; !slices.Equal(got, want) {
		t.Errorf("after deleting A: %v, want %v", got, want)
	}
	un := allItems(t, s, alice, "", 0)
	docs := itemDocs(un)
	slices.Sort(docs)
	if want := []string{"doc-a", "doc-c", "doc-unfiled"}; !slices.Equal(docs, want) {
		t.Errorf("unfiled after deleting A: %v, want %v", docs, want)
	}
	for i, it := range un {
		if it.Folder != "" || it.Position != i {
			t.Errorf("unfiled item %d: %+v", i, it)
		}
	}
	_, err = s.Folder(ctx, alice, fs["C"].ID)
	wantErr(t, "a deleted subfolder", err, annotate.ErrNotFound)
}

func testItems(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	f := must(s.CreateFolder(ctx, alice, annotate.Folder{Name: "Diaries"}))(t, "CreateFolder")
	g := must(s.CreateFolder(ctx, alice, annotate.Folder{Name: "Other"}))(t, "CreateFolder")
	a := mustAdd(t, s, alice, note("", "mine", at(1)))
	pub := note("", "public", at(2))
	pub.Visibility = annotate.Public
	p := mustAdd(t, s, bob, pub)
	priv := mustAdd(t, s, bob, note("", "bob's", at(3)))
	_, err := s.Save(ctx, anon, annotate.Item{Document: "d"})
	wantErr(t, "anonymous Save", err, annotate.ErrForbidden)
	_, err = s.Save(ctx, alice, annotate.Item{Folder: f.ID})
	wantErr(t, "Save without a document", err, annotate.ErrInvalid)
	_, err = s.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "d", Pages: maisky.PageRange{First: 5, Last: 4}})
	wantErr(t, "Save with a backward range", err, annotate.ErrInvalid)
	_, err = s.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: priv.ID})
	wantErr(t, "Save of an annotation alice may not see", err, annotate.ErrNotFound)
	_, err = s.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: a.ID, Document: "another"})
	wantErr(t, "Save of an annotation with another document", err, annotate.ErrInvalid)
	_, err = s.Save(ctx, bob, annotate.Item{Folder: f.ID, Document: "d"})
	wantErr(t, "Save into another reader's folder", err, annotate.ErrNotFound)
	i1 := must(s.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "maisky-1934-12-31", Pages: maisky.PageRange{First: 59, Last: 61}, Note: " Litvinov "}))(t, "Save")
	if i1.AddedBy != "alice" || i1.Note != "Litvinov" || i1.Position != 0 || i1.Created.IsZero() || i1.ID == "" || i1.Pages.Last != 61 {
		t.Errorf("Save = %+v", i1)
	}
	i2 := must(s.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: a.ID}))(t, "Save")
	if i2.Document != a.Document || i2.Annotation != a.ID || i2.Position != 1 {
		t.Errorf("Save of an annotation = %+v", i2)
	}
	i3 := must(s.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: p.ID, Position: 0}))(t, "Save")
	if i3.Position != 2 {
		t.Errorf("Save ignores Position and puts the item last: %+v", i3)
	}
	must(s.MoveItem(ctx, alice, i3.ID, f.ID, 0))(t, "MoveItem")
	if got := itemDocs(allItems(t, s, alice, f.ID, 0)); len(got) != 3 {
		t.Fatalf("Items = %v", got)
	}
	order := func(folder string) []string {
		var out []string
		for i, it := range allItems(t, s, alice, folder, 1) {
			if it.Position != i {
				t.Errorf("item %s at %d has Position %d", it.ID, i, it.Position)
			}
			out = append(out, it.ID)
		}
		return out
	}
	if got, want := order(f.ID), []string{i3.ID, i1.ID, i2.ID}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	if got := must(s.Item(ctx, alice, i1.ID))(t, "Item"); got.Note != "Litvinov" || got.Folder != f.ID {
		t.Errorf("Item = %+v", got)
	}
	_, err = s.Item(ctx, bob, i1.ID)
	wantErr(t, "Item by another reader", err, annotate.ErrNotFound)
	_, err = s.Items(ctx, bob, annotate.ItemQuery{Folder: f.ID})
	wantErr(t, "Items of another reader's folder", err, annotate.ErrNotFound)
	_, err = s.Items(ctx, alice, annotate.ItemQuery{Folder: f.ID, Cursor: "nonsense"})
	wantErr(t, "Items with a bad cursor", err, annotate.ErrInvalid)
	must(s.MoveItem(ctx, alice, i2.ID, f.ID, 0))(t, "MoveItem")
	if got, want := order(f.ID), []string{i2.ID, i3.ID, i1.ID}; !slices.Equal(got, want) {
		t.Errorf("after reordering: %v, want %v", got, want)
	}
	mv := must(s.MoveItem(ctx, alice, i3.ID, g.ID, -1))(t, "MoveItem")
	if mv.Folder != g.ID || mv.Position != 0 {
		t.Errorf("MoveItem = %+v", mv)
	}
	if got, want := order(f.ID), []string{i2.ID, i1.ID}; !slices.Equal(got, want) {
		t.Errorf("after moving out: %v, want %v", got, want)
	}
	must(s.MoveItem(ctx, alice, i1.ID, "", -1))(t, "MoveItem")
	if got, want := order(""), []string{i1.ID}; !slices.Equal(got, want) {
		t.Errorf("unfiled: %v, want %v", got, want)
	}
	bf := must(s.CreateFolder(ctx, bob, annotate.Folder{Name: "bob"}))(t, "CreateFolder")
	_, err = s.MoveItem(ctx, alice, i1.ID, bf.ID, 0)
	wantErr(t, "MoveItem into another reader's folder", err, annotate.ErrNotFound)
	_, err = s.MoveItem(ctx, bob, i1.ID, bf.ID, 0)
	wantErr(t, "MoveItem of another reader's item", err, annotate.ErrNotFound)
	err = s.Unsave(ctx, bob, i2.ID)
	wantErr(t, "Unsave by another reader", err, annotate.ErrNotFound)
	if err := s.Unsave(ctx, alice, i2.ID); err != nil {
		t.Fatal(err)
	}
	if got, want := order(f.ID), []string{}; len(got) != 0 {
		t.Errorf("after Unsave: %v, want %v", got, want)
	}
	// A saved annotation that is deleted no longer shows.
	i4 := must(s.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: a.ID}))(t, "Save")
	if err := s.Delete(ctx, alice, a.ID, 0); err != nil {
		t.Fatal(err)
	}
	_, err = s.Item(ctx, alice, i4.ID)
	wantErr(t, "an item of a deleted annotation", err, annotate.ErrNotFound)
	// Paging over many.
	for i := range 25 {
		must(s.Save(ctx, carol, annotate.Item{Document: "d" + string(rune('a'+i))}))(t, "Save")
	}
	if got := allItems(t, s, carol, "", 7); len(got) != 25 || got[24].Document != "dy" {
		t.Errorf("paged unfiled: %d items", len(got))
	}
}

func testGroupFolders(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	must(s.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"}))(t, "CreateGroup")
	must(s.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember))(t, "AddMember")
	must(s.AddMember(ctx, alice, "seminar", "dave", annotate.RoleModerator))(t, "AddMember")
	_, err := s.CreateFolder(ctx, carol, annotate.Folder{Name: "x", Group: "seminar"})
	wantErr(t, "CreateFolder in a group by a non-member", err, annotate.ErrNotFound)
	gf := must(s.CreateFolder(ctx, bob, annotate.Folder{Name: "Readings", Group: "seminar"}))(t, "CreateFolder")
	if gf.Group != "seminar" || gf.Owner != "bob" {
		t.Errorf("group folder = %+v", gf)
	}
	// every member sees and edits it
	sub := must(s.CreateFolder(ctx, alice, annotate.Folder{Name: "Week 1", Group: "seminar", Parent: gf.ID}))(t, "CreateFolder")
	it := must(s.Save(ctx, alice, annotate.Item{Folder: sub.ID, Document: "maisky-1934-12-31"}))(t, "Save")
	must(s.RenameFolder(ctx, bob, sub.ID, "Week one"))(t, "RenameFolder")
	must(s.MoveItem(ctx, bob, it.ID, gf.ID, -1))(t, "MoveItem")
	if got := folderNames(must(s.Folders(ctx, bob, "seminar"))(t, "Folders")); !slices.Equal(got, []string{"Readings", "Week one"}) {
		t.Errorf("group folders = %v", got)
	}
	_, err = s.Folders(ctx, carol, "seminar")
	wantErr(t, "Folders of a group by a non-member", err, annotate.ErrNotFound)
	_, err = s.Items(ctx, carol, annotate.ItemQuery{Folder: gf.ID})
	wantErr(t, "Items of a group folder by a non-member", err, annotate.ErrNotFound)
	// a personal folder and a group folder do not mix
	pf := must(s.CreateFolder(ctx, bob, annotate.Folder{Name: "mine"}))(t, "CreateFolder")
	_, err = s.MoveFolder(ctx, bob, pf.ID, gf.ID, 0)
	wantErr(t, "a personal folder into a group folder", err, annotate.ErrInvalid)
	_, err = s.CreateFolder(ctx, bob, annotate.Folder{Name: "x", Parent: gf.ID})
	wantErr(t, "a personal folder inside a group folder", err, annotate.ErrInvalid)
	// a member's private annotation saved in a group folder shows only to them
	priv := mustAdd(t, s, bob, note("", "bob's own", at(1)))
	pi := must(s.Save(ctx, bob, annotate.Item{Folder: gf.ID, Annotation: priv.ID}))(t, "Save")
	if n := len(allItems(t, s, alice, gf.ID, 0)); n != 1 {
		t.Errorf("alice sees %d items of the group folder, want 1 (not bob's private annotation)", n)
	}
	_, err = s.Item(ctx, alice, pi.ID)
	wantErr(t, "an item of another member's private annotation", err, annotate.ErrNotFound)
	// deleting: a member deletes only their own group folder
	err = s.DeleteFolder(ctx, bob, sub.ID)
	wantErr(t, "a member deletes another's group folder", err, annotate.ErrForbidden)
	if err := s.DeleteFolder(ctx, dave(), sub.ID); err != nil {
		t.Errorf("a moderator deletes a group folder: %v", err)
	}
}

func dave() annotate.Viewer { return annotate.Viewer{User: "dave"} }

func testLeaveAndDelete(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	must(s.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"}))(t, "CreateGroup")
	must(s.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember))(t, "AddMember")
	gf := must(s.CreateFolder(ctx, bob, annotate.Folder{Name: "Readings", Group: "seminar"}))(t, "CreateFolder")
	bobItem := must(s.Save(ctx, bob, annotate.Item{Folder: gf.ID, Document: "doc-bob"}))(t, "Save")
	must(s.Save(ctx, alice, annotate.Item{Folder: gf.ID, Document: "doc-alice"}))(t, "Save")
	rb := must(s.Viewer(ctx, annotate.Viewer{User: "bob"}))(t, "Viewer")
	shared := note("", "for the seminar", at(1))
	shared.Visibility, shared.Group = annotate.GroupOnly, "seminar"
	ba := mustAdd(t, s, rb, shared)
	ra := must(s.Viewer(ctx, annotate.Viewer{User: "alice"}))(t, "Viewer")
	shared2 := note("", "alice for the seminar", at(2))
	shared2.Visibility, shared2.Group = annotate.GroupOnly, "seminar"
	aa := mustAdd(t, s, ra, shared2)

	// bob leaves: the folder and its items stay with the group; he sees
	// neither them nor alice's group annotation; his stays shared.
	if err := s.RemoveMember(ctx, bob, "seminar", "bob"); err != nil {
		t.Fatal(err)
	}
	stale := annotate.Viewer{User: "bob", Groups: []string{"seminar"}}
	_, err := s.Folder(ctx, stale, gf.ID)
	wantErr(t, "a former member's Folder", err, annotate.ErrNotFound)
	_, err = s.Item(ctx, stale, bobItem.ID)
	wantErr(t, "a former member's own item in the group folder", err, annotate.ErrNotFound)
	rb = must(s.Viewer(ctx, stale))(t, "Viewer")
	if len(rb.Groups) != 0 {
		t.Errorf("a former member resolves with groups %v", rb.Groups)
	}
	_, err = s.Annotation(ctx, rb, aa.ID)
	wantErr(t, "a former member reads the group's annotation", err, annotate.ErrNotFound)
	if n := len(allItems(t, s, alice, gf.ID, 0)); n != 2 {
		t.Errorf("the group folder has %d items after bob left, want 2", n)
	}
	if _, err := s.Annotation(ctx, ra, ba.ID); err != nil {
		t.Errorf("bob's group annotation after he left: %v", err)
	}

	// The group deleted: its folders go, items to the unfiled list of who
	// saved them, its annotations become private to their creators.
	if err := s.DeleteGroup(ctx, alice, "seminar"); err != nil {
		t.Fatal(err)
	}
	if got := itemDocs(allItems(t, s, alice, "", 0)); !slices.Equal(got, []string{"doc-alice"}) {
		t.Errorf("alice's unfiled after the group was deleted: %v", got)
	}
	if got := itemDocs(allItems(t, s, bob, "", 0)); !slices.Equal(got, []string{"doc-bob"}) {
		t.Errorf("bob's unfiled after the group was deleted: %v", got)
	}
	_, err = s.Folder(ctx, alice, gf.ID)
	wantErr(t, "a deleted group's folder", err, annotate.ErrNotFound)
	got, err := s.Annotation(ctx, annotate.Viewer{User: "bob"}, ba.ID)
	if err != nil || got.Visibility != annotate.Private || got.Group != "" {
		t.Errorf("bob's annotation after the group was deleted: %+v, %v", got, err)
	}
	_, err = s.Annotation(ctx, alice, ba.ID)
	wantErr(t, "another's annotation of a deleted group", err, annotate.ErrNotFound)
	// A new group of the same id sees none of the old annotations.
	must(s.CreateGroup(ctx, carol, annotate.Group{ID: "seminar", Name: "Again"}))(t, "CreateGroup")
	rc := must(s.Viewer(ctx, carol))(t, "Viewer")
	res, err := s.Query(ctx, annotate.Query{Viewer: rc})
	if err != nil || len(res.Annotations) != 0 {
		t.Errorf("a new group of the old id sees %d annotations (%v)", len(res.Annotations), err)
	}
	var ae *annotate.AccessError
	err = s.DeleteGroup(ctx, rc, "seminar")
	if errors.As(err, &ae) || err != nil {
		t.Errorf("the new owner deletes the new group: %v", err)
	}
}

// testConcurrentMoves moves items between folders and reorders them from
// several goroutines at once: afterwards every item is in exactly one
// list and every list's positions are 0, 1, 2, … without gaps.
func testConcurrentMoves(t *testing.T, s LibraryStore) {
	ctx := context.Background()
	var folders []string
	for i := range 4 {
		f := must(s.CreateFolder(ctx, alice, annotate.Folder{Name: fmt.Sprintf("F%d", i)}))(t, "CreateFolder")
		folders = append(folders, f.ID)
	}
	var items []string
	for i := range 40 {
		it := must(s.Save(ctx, alice, annotate.Item{Folder: folders[i%4], Document: fmt.Sprintf("doc-%02d", i)}))(t, "Save")
		items = append(items, it.ID)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 15 {
				id := items[(g*7+i*3)%len(items)]
				to := ""
				if (g+i)%5 != 0 {
					to = folders[(g+i)%4]
				}
				if _, err := s.MoveItem(ctx, alice, id, to, (g*i)%6); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("MoveItem: %v", err)
	}
	seen := map[string]int{}
	for _, f := range append([]string{""}, folders...) {
		for i, it := range allItems(t, s, alice, f, 0) {
			if it.Position != i {
				t.Errorf("folder %q: item %d has Position %d", f, i, it.Position)
			}
			seen[it.ID]++
		}
	}
	for _, id := range items {
		if seen[id] != 1 {
			t.Errorf("item %s is in %d lists", id, seen[id])
		}
	}
}

func testLibraryCancelled(t *testing.T, s LibraryStore) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.CreateFolder(ctx, alice, annotate.Folder{Name: "x"})
	wantErr(t, "CreateFolder", err, context.Canceled)
	_, err = s.Folders(ctx, alice, "")
	wantErr(t, "Folders", err, context.Canceled)
	_, err = s.Save(ctx, alice, annotate.Item{Document: "d"})
	wantErr(t, "Save", err, context.Canceled)
	_, err = s.Items(ctx, alice, annotate.ItemQuery{})
	wantErr(t, "Items", err, context.Canceled)
	_, err = s.CreateGroup(ctx, alice, annotate.Group{Name: "x"})
	wantErr(t, "CreateGroup", err, context.Canceled)
	_, err = s.Viewer(ctx, alice)
	wantErr(t, "Viewer", err, context.Canceled)
	if fs, err := s.Folders(context.Background(), alice, ""); err != nil || len(fs) != 0 {
		t.Errorf("a cancelled CreateFolder left %d folders (%v)", len(fs), err)
	}
}
