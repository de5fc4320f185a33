package annotate_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// A reader's folders: made, nested, reordered, and a document saved,
// moved and listed.
func ExampleLibrary() {
	ctx := context.Background()
	var lib annotate.Library = annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	diaries, _ := lib.CreateFolder(ctx, alice, annotate.Folder{Name: "Diaries"})
	y1934, _ := lib.CreateFolder(ctx, alice, annotate.Folder{Name: "1934", Parent: diaries.ID})
	y1935, _ := lib.CreateFolder(ctx, alice, annotate.Folder{Name: "1935", Parent: diaries.ID})
	_, _ = lib.MoveFolder(ctx, alice, y1935.ID, diaries.ID, 0) // 1935 first
	it, _ := lib.Save(ctx, alice, annotate.Item{Folder: y1934.ID, Document: "maisky-1934-12-31", Pages: maisky.PageRange{First: 60, Last: 61}})
	_, _ = lib.MoveItem(ctx, alice, it.ID, y1935.ID, -1)
	fs, _ := lib.Folders(ctx, alice, "")
	for _, f := range fs {
		res, _ := lib.Items(ctx, alice, annotate.ItemQuery{Folder: f.ID})
		fmt.Println(f.Name, f.Position, len(res.Items))
	}
	_, err := lib.Folder(ctx, annotate.Viewer{User: "bob"}, diaries.ID)
	fmt.Println(err)
	// Output:
	// Diaries 0 0
	// 1935 0 1
	// 1934 1 0
	// annotate: folder not found
}

// A private group: the owner invites, members share a folder, a member
// leaves and sees it no more; the store's membership is the truth.
func ExampleMemory_AddMember() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice, bob := annotate.Viewer{User: "alice"}, annotate.Viewer{User: "bob"}
	_, _ = m.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Maisky seminar"})
	mm, _ := m.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember)
	fmt.Println(mm.User, mm.Role)
	f, _ := m.CreateFolder(ctx, bob, annotate.Folder{Name: "Readings", Group: "seminar"})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "maisky-1934-12-18"})
	rv, _ := m.Viewer(ctx, bob)
	fmt.Println(rv.Groups)
	_ = m.RemoveMember(ctx, bob, "seminar", "bob") // bob leaves
	_, err := m.Items(ctx, annotate.Viewer{User: "bob", Groups: []string{"seminar"}}, annotate.ItemQuery{Folder: f.ID})
	fmt.Println(err)
	// Output:
	// bob member
	// [seminar]
	// annotate: folder not found
}

// Deleting a folder sends its items to the unfiled list.
func ExampleMemory_DeleteFolder() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	f, _ := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Letters"})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "maisky-litvinov-1934-11-10-letter"})
	_ = m.DeleteFolder(ctx, alice, f.ID)
	res, _ := m.Items(ctx, alice, annotate.ItemQuery{}) // the unfiled list
	fmt.Println(res.Items[0].Document, res.Items[0].Folder == "")
	// Output: maisky-litvinov-1934-11-10-letter true
}

func ExampleParseRole() {
	r, err := annotate.ParseRole("moderator")
	fmt.Println(r, err)
	_, err = annotate.ParseRole("admin")
	fmt.Println(errors.Is(err, annotate.ErrInvalid))
	// Output:
	// moderator <nil>
	// true
}

func ExampleViewer_CanSeeFolder() {
	personal := &annotate.Folder{Owner: "alice", Name: "Mine"}
	group := &annotate.Folder{Owner: "alice", Group: "seminar", Name: "Ours"}
	bob := annotate.Viewer{User: "bob"}
	fmt.Println(bob.CanSeeFolder(personal, annotate.NoRole))
	fmt.Println(bob.CanSeeFolder(group, annotate.RoleMember), bob.CanEditFolder(group, annotate.RoleMember), bob.CanDeleteFolder(group, annotate.RoleMember))
	fmt.Println(bob.CanDeleteFolder(group, annotate.RoleModerator), bob.CanInvite(annotate.RoleModerator, annotate.RoleModerator))
	// Output:
	// false
	// true true false
	// true false
}

// A share link to a passage of the Russian transcription: the selection
// becomes a W3C TextQuoteSelector in the link's fragment, and the link is
// resolved back to the same passage.
func ExampleLinkFormat_Format() {
	txt := annotate.NewText("Приехал в Лондон. Встреча с Ванситтартом была короткой.")
	tg, _ := txt.Select(18, 25) // "Встреча"
	lf := annotate.LinkFormat{Base: "https://archive.example/documents/", IRI: true}
	s, _ := lf.Format(annotate.PassageLink("maisky-1935-01-15", maisky.Transcription, tg))
	fmt.Println(s)
	l, _ := lf.Parse(s)
	r, _ := l.Resolve(txt)
	fmt.Println(r.Match.Status, r.Match.Start, r.Match.End, txt.Slice(r.Match.Start, r.Match.End))
	// Output:
	// https://archive.example/documents/maisky-1935-01-15?version=transcription#selector(type=TextQuoteSelector,exact=Встреча,prefix=Приехал%20в%20Лондон.%20,suffix=%20с%20Ванситтартом%20была%20короткой.)
	// exact 18 25 Встреча
}

func ExampleLinkFormat_Parse() {
	lf := annotate.LinkFormat{Base: "https://archive.example/documents/"}
	l, err := lf.Parse("https://archive.example/documents/maisky-1934-12-31#page=60")
	fmt.Println(l.Document, l.Page, err)
	_, err = lf.Parse("https://archive.example/documents/maisky-1934-12-31#selector(type=TextQuoteSelector,exact=a,b)")
	var le *annotate.LinkError
	fmt.Println(errors.As(err, &le), le.Offset)
	// Output:
	// maisky-1934-12-31 60 <nil>
	// true 92
}

// A link whose passage was rewritten is an orphan, never a lookalike.
func ExampleLink_Resolve() {
	l := annotate.Link{Document: "d", Quote: annotate.Quote{Exact: "a long talk with Litvinov", Prefix: "We had ", Suffix: " about the pact."}}
	r, _ := l.Resolve(annotate.NewText("We had a long talk with Litvinov about the pact."))
	fmt.Println(r.Match.Status, r.Orphaned())
	r, _ = l.Resolve(annotate.NewText("The weather in London was foul all week."))
	fmt.Println(r.Match.Status, r.Orphaned(), r.Target.Quote.Exact)
	// Output:
	// exact false
	// orphan true a long talk with Litvinov
}

// A folder's bibliography in any style, sorted as the style sorts (here
// as citeproc-js sorts Chicago author-date: numbers in titles by value).
func ExampleWriteFolderBibliography() {
	ctx := context.Background()
	src := exampleVolume()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	f, _ := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Winter 1934–35"})
	for _, id := range []string{"maisky-1935-01-15", "maisky-1934-12-18"} {
		_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: id})
	}
	err := annotate.WriteFolderBibliography(ctx, os.Stdout, m, src, alice, f.ID, annotate.BibliographyOptions{Style: cite.ChicagoAuthorDate})
	fmt.Println(err)
	// Output:
	// Maisky, Ivan. 2017a. “15 January 1935.” In The Complete Maisky Diaries, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready, vol. 1. Yale University Press.
	// Maisky, Ivan. 2017b. “18 December 1934.” In The Complete Maisky Diaries, edited by Gabriel Gorodetsky, translated by Tatiana Sorokina and Oliver Ready, vol. 1. Yale University Press.
	// <nil>
}

func ExampleWriteFolderCSLJSON() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	_, _ = m.Save(ctx, alice, annotate.Item{Document: "maisky-1935-03-01"}) // unfiled
	var b strings.Builder
	err := annotate.WriteFolderCSLJSON(ctx, &b, m, exampleVolume(), alice, "", cite.Options{}, annotate.FolderOptions{})
	items, _ := cite.ReadCSLJSON(strings.NewReader(b.String()))
	fmt.Println(len(items), items[0].ID, items[0].Type, items[0].Page, err)
	// Output: 1 maisky-1935-03-01 chapter 111 <nil>
}

// FolderDocuments gives each saved document once, for any exporter (RIS
// with export/ris.DocumentRecord, for instance).
func ExampleFolderDocuments() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice := annotate.Viewer{User: "alice"}
	f, _ := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Pages"})
	sub, _ := m.CreateFolder(ctx, alice, annotate.Folder{Name: "More", Parent: f.ID})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Document: "maisky-1934-12-31", Pages: maisky.PageRange{First: 60, Last: 60}})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: sub.ID, Document: "maisky-1934-12-31", Pages: maisky.PageRange{First: 66, Last: 67}})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: sub.ID, Document: "maisky-1935-01-09"})
	for fd, err := range annotate.FolderDocuments(ctx, m, exampleVolume(), alice, f.ID, annotate.FolderOptions{Subfolders: true}) {
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Println(fd.Document.ID, fd.Item.Pages)
	}
	n := 0
	for _, err := range annotate.FolderItems(ctx, m, alice, f.ID, annotate.FolderOptions{Subfolders: true}) {
		if err == nil {
			n++
		}
	}
	fmt.Println(n, "items")
	// Output:
	// maisky-1934-12-31 60
	// maisky-1935-01-09 0
	// 3 items
}

// The annotations saved in a group folder, as one member may see them.
func ExampleWriteFolderAnnotations() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	alice, bob := annotate.Viewer{User: "alice"}, annotate.Viewer{User: "bob"}
	_, _ = m.CreateGroup(ctx, alice, annotate.Group{ID: "seminar", Name: "Seminar"})
	_, _ = m.AddMember(ctx, alice, "seminar", "bob", annotate.RoleMember)
	f, _ := m.CreateFolder(ctx, alice, annotate.Folder{Name: "Notes", Group: "seminar"})
	ra, _ := m.Viewer(ctx, alice)
	shared, _ := m.Add(ctx, ra, &annotate.Annotation{ID: "urn:x:1", Document: "maisky-1934-12-31", Body: "For Tuesday.", Visibility: annotate.GroupOnly, Group: "seminar"})
	own, _ := m.Add(ctx, ra, &annotate.Annotation{ID: "urn:x:2", Document: "maisky-1934-12-31", Body: "Mine only."})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: shared.ID})
	_, _ = m.Save(ctx, alice, annotate.Item{Folder: f.ID, Annotation: own.ID})
	rb, _ := m.Viewer(ctx, bob)
	var b strings.Builder
	_ = annotate.WriteFolderAnnotations(ctx, &b, m, m, rb, f.ID, annotate.FolderOptions{}, annotate.JSONLDOptions{})
	as, _ := annotate.ReadJSONLD(strings.NewReader(b.String()), annotate.ReadOptions{})
	for _, a := range as {
		fmt.Println(a.ID, a.Body)
	}
	// Output: urn:x:1 For Tuesday.
}

func ExampleItemCursor() {
	c := annotate.ItemCursor(99)
	n, err := annotate.ParseItemCursor(c)
	fmt.Println(n, err)
	// Output: 99 <nil>
}

func ExampleCheckItem() {
	_, err := annotate.CheckItem(annotate.Item{Document: "d", Pages: maisky.PageRange{First: 61, Last: 60}})
	fmt.Println(err)
	// Output: annotate: pages: a page range runs from a positive first page to a last page not before it
}

func exampleVolume() annotate.Files {
	f, err := os.Open("../testdata/volume1.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	v, err := maisky.Read(f)
	if err != nil {
		panic(err)
	}
	return annotate.Files{v}
}

// The Store methods of a store that keeps a Library decide the groups it
// knows by its membership: a claimed group counts for nothing to a
// non-member or a former member, a member need not claim it, and a group
// the store does not know is taken from Viewer.Groups.
func ExampleStore_membership() {
	ctx := context.Background()
	m := annotate.NewMemory(annotate.MemoryOptions{})
	owner := annotate.Viewer{User: "alice"}
	_, _ = m.CreateGroup(ctx, owner, annotate.Group{ID: "seminar", Name: "Seminar"})
	_, _ = m.AddMember(ctx, owner, "seminar", "bob", annotate.RoleMember)
	a := &annotate.Annotation{Document: "maisky-1934-12-31", Motivation: annotate.Commenting, Body: "For the seminar",
		Target: annotate.Target{Quote: annotate.Quote{Exact: "Litvinov"}, Start: 120, End: 128}, Visibility: annotate.GroupOnly, Group: "seminar"}
	a, err := m.Add(ctx, owner, a) // alice claims nothing: the store knows she is the owner
	fmt.Println("added:", err == nil)
	sees := func(v annotate.Viewer) bool { _, err := m.Annotation(ctx, v, a.ID); return err == nil }
	fmt.Println("bob, claiming nothing:", sees(annotate.Viewer{User: "bob"}))
	fmt.Println("carol, claiming the group:", sees(annotate.Viewer{User: "carol", Groups: []string{"seminar"}}))
	_ = m.RemoveMember(ctx, annotate.Viewer{User: "bob"}, "seminar", "bob") // bob leaves
	fmt.Println("bob, gone, claiming it:", sees(annotate.Viewer{User: "bob", Groups: []string{"seminar"}}))

	// A group the service manages, unknown to the store: the claim counts.
	svc := &annotate.Annotation{Document: "maisky-1934-12-31", Motivation: annotate.Commenting, Body: "For the staff",
		Target: annotate.Target{Quote: annotate.Quote{Exact: "Litvinov"}, Start: 120, End: 128}, Visibility: annotate.GroupOnly, Group: "staff"}
	_, err = m.Add(ctx, annotate.Viewer{User: "dave", Groups: []string{"staff"}}, svc)
	fmt.Println("shared with the service's group:", err == nil)
	// Output:
	// added: true
	// bob, claiming nothing: true
	// carol, claiming the group: false
	// bob, gone, claiming it: false
	// shared with the service's group: true
}
