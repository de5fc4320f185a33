package annotate

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// Library keeps the readers' library: private groups with their members
// and roles, personal folders and group folders (nested and ordered), and
// the documents, page ranges and annotations saved in them. It sits beside
// [Store]; a store that implements both keeps them together ([Memory] does).
//
// # Membership
//
// The store's membership is the truth. Library methods never trust the
// Groups of the Viewer they are given: they look the viewer's groups and
// roles up in the store, so a reader removed from a group loses its folders
// at once, whatever Viewer a caller still holds. The Store methods of a
// store that keeps a Library follow the same membership for every group
// the library knows: a former member, or anyone claiming such a group in
// Viewer.Groups without belonging to it, sees and shares nothing of it; only
// a group the library does not know (one the embedding service manages)
// is taken from Viewer.Groups as given (see [Store]). [Library.Viewer]
// returns the store's groups for a viewer; a group known only to the
// caller counts for nothing in the library.
//
// # Who may do what
//
// A personal folder and the reader's unfiled list are seen and changed by
// their owner only. A group folder is seen and edited (renamed, moved,
// given subfolders and items) by every member of its group; it is deleted
// by its creator, a moderator or the owner. A group is seen by its members;
// the owner invites members and moderators and removes anyone, a moderator
// invites and removes members, any member but the owner leaves; only the
// owner deletes the group. An item that saves an annotation is seen only by
// a viewer who may see the folder and the annotation. See
// [Viewer.CanSeeFolder] and the other Can… functions of this file: what a
// viewer may not see is ErrNotFound, like what does not exist.
//
// # Deleting
//
//   - A deleted folder's subfolders are deleted with it, and every item in
//     any of them goes to the unfiled list of the reader who saved it
//     (Item.AddedBy): nothing is lost silently.
//   - A member who leaves (or is removed) keeps nothing of the group: its
//     folders and items stay with the group, and its group annotations are
//     hidden from them, while the annotations they shared stay shared with
//     the group. Their own items stay where they are; those in the group's
//     folders belong to the group.
//   - A deleted group's folders are deleted as above (items to the unfiled
//     list of whoever saved them), and its annotations become Private to
//     their creators: nobody but the creator sees them again, and a new
//     group of the same id sees none of them.
//   - An item that saves an annotation which is deleted, or which the
//     viewer may no longer see, is hidden from them; it keeps its place.
//
// Positions are dense (0, 1, 2, … in each list). Item cursors are
// positions, so a list reordered while it is paged may repeat or skip an
// item; a page is always consistent in itself.
type Library interface {
	// Viewer returns v with the groups the store has for v.User (in the
	// order of group id), keeping User and Moderator. An anonymous viewer
	// is returned as the zero Viewer.
	Viewer(ctx context.Context, v Viewer) (Viewer, error)

	// CreateGroup creates a private group owned by v (logged in): g.ID is
	// assigned when empty (ErrExists when taken), g.Name is required.
	CreateGroup(ctx context.Context, v Viewer, g Group) (*Group, error)
	// Group returns a group v belongs to.
	Group(ctx context.Context, v Viewer, id string) (*Group, error)
	// Groups lists the groups v belongs to, by id.
	Groups(ctx context.Context, v Viewer) ([]*Group, error)
	// RenameGroup renames a group (its owner or a moderator).
	RenameGroup(ctx context.Context, v Viewer, id, name string) (*Group, error)
	// DeleteGroup deletes a group (its owner only); see Deleting.
	DeleteGroup(ctx context.Context, v Viewer, id string) error
	// AddMember invites a reader into a group with a role (Member or
	// Moderator; see CanInvite). ErrExists when already a member.
	AddMember(ctx context.Context, v Viewer, group, user string, role Role) (*Member, error)
	// SetRole changes a member's role (the owner only; Member or
	// Moderator).
	SetRole(ctx context.Context, v Viewer, group, user string, role Role) (*Member, error)
	// RemoveMember removes a member (see CanRemove); a member removing
	// themselves leaves the group.
	RemoveMember(ctx context.Context, v Viewer, group, user string) error
	// Members lists a group's members by user id, for a member of it.
	Members(ctx context.Context, v Viewer, group string) ([]*Member, error)

	// CreateFolder creates a folder: a personal folder of v when f.Group is
	// empty, else a folder of that group (v a member). f.Parent is the
	// folder it is in ("" for the top); f.Position its place among its
	// siblings (-1 or past the end: last). The ID is assigned when empty.
	CreateFolder(ctx context.Context, v Viewer, f Folder) (*Folder, error)
	// Folder returns a folder v may see.
	Folder(ctx context.Context, v Viewer, id string) (*Folder, error)
	// Folders lists v's personal folders (group "") or a group's folders,
	// depth first: each folder followed by its subfolders, siblings by
	// Position.
	Folders(ctx context.Context, v Viewer, group string) ([]*Folder, error)
	// RenameFolder renames a folder v may edit.
	RenameFolder(ctx context.Context, v Viewer, id, name string) (*Folder, error)
	// MoveFolder moves a folder v may edit under parent ("" for the top,
	// always of the same owner or group) at position (-1: last). A folder
	// cannot go into itself or its subfolders (ErrInvalid).
	MoveFolder(ctx context.Context, v Viewer, id, parent string, position int) (*Folder, error)
	// DeleteFolder deletes a folder v may delete; see Deleting.
	DeleteFolder(ctx context.Context, v Viewer, id string) error

	// Save saves a document (optionally a page range or an annotation v
	// may see) into a folder v may edit ("" for v's unfiled list), last
	// (MoveItem reorders; it.Position is ignored). it.Document may be left
	// empty for an annotation: it is the annotation's.
	Save(ctx context.Context, v Viewer, it Item) (*Item, error)
	// Item returns a saved item v may see.
	Item(ctx context.Context, v Viewer, id string) (*Item, error)
	// Items returns a page of the items of a folder ("" for v's unfiled
	// list) in Position order.
	Items(ctx context.Context, v Viewer, q ItemQuery) (*ItemResults, error)
	// MoveItem moves an item v may edit to a folder v may edit ("" for
	// v's unfiled list) at position (-1: last).
	MoveItem(ctx context.Context, v Viewer, id, folder string, position int) (*Item, error)
	// Unsave removes an item v may edit.
	Unsave(ctx context.Context, v Viewer, id string) error
}

// Role is a member's role in a group. The zero value, NoRole, is a reader
// who is not a member.
type Role int

// Roles, in increasing power.
const (
	NoRole Role = iota
	RoleMember
	RoleModerator
	RoleOwner
)

var roleNames = [...]string{"none", "member", "moderator", "owner"}

// String returns "none", "member", "moderator" or "owner".
func (r Role) String() string {
	if r >= 0 && int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "Role(" + strconv.Itoa(int(r)) + ")"
}

// ParseRole reads "member", "moderator" or "owner".
func ParseRole(s string) (Role, error) {
	for i, n := range roleNames[1:] {
		if n == s {
			return Role(i + 1), nil
		}
	}
	return 0, &InputError{Field: "role", Msg: "unknown role " + excerpt(s) + "; allowed: member, moderator, owner"}
}

// Group is a private group of readers.
type Group struct {
	// ID is the group's id, as annotations name it (Annotation.Group).
	ID string
	// Name is its display name.
	Name string
	// Owner is the user id of the reader who created it.
	Owner string
	// Created is when it was created (UTC).
	Created time.Time
}

// Member is a reader's membership of a group.
type Member struct {
	Group string
	User  string
	Role  Role
	// Added is when they joined (UTC).
	Added time.Time
}

// Folder is a personal folder (Owner set, Group empty) or a group folder
// (Group set; Owner is the member who created it).
type Folder struct {
	ID string
	// Owner is the reader whose personal folder it is, or who created the
	// group folder.
	Owner string
	// Group is the group of a group folder, "" for a personal folder.
	Group string
	// Parent is the folder it is in, "" at the top.
	Parent string
	// Name is its name: non-empty, NFC, trimmed.
	Name string
	// Position is its place among its siblings, from 0.
	Position int
	// Created and Modified are set by the store (UTC).
	Created, Modified time.Time
}

// Personal reports whether f is a personal folder.
func (f *Folder) Personal() bool { return f.Group == "" }

// Item is a document saved in a folder or in a reader's unfiled list:
// the whole document, a range of its print pages, or one annotation on it.
type Item struct {
	ID string
	// Folder is the folder it is in, "" for the unfiled list of AddedBy.
	Folder string
	// AddedBy is the reader who saved it; set by the store.
	AddedBy string
	// Document is the saved document's id.
	Document string
	// Pages is a range of its print pages; zero for the whole document.
	Pages maisky.PageRange
	// Annotation is the ID of a saved annotation on the document, or "".
	Annotation string
	// Note is an optional short note.
	Note string
	// Position is its place in the folder, from 0.
	Position int
	// Created is when it was saved (UTC).
	Created time.Time
}

// ItemQuery selects the items of a folder.
type ItemQuery struct {
	// Folder is the folder; "" is the viewer's unfiled list.
	Folder string
	// Limit and Cursor page as in Query.
	Limit  int
	Cursor string
}

// EffectiveLimit returns the page size q asks for, between 1 and MaxLimit.
func (q ItemQuery) EffectiveLimit() int { return effectiveLimit(q.Limit) }

// ItemResults is a page of items.
type ItemResults struct {
	Items []*Item
	// Next is the cursor of the next page, "" after the last.
	Next string
}

// MaxFolderDepth is how deep folders nest: a top folder is at depth 1.
const MaxFolderDepth = 16

// ItemCursor returns the cursor of the page after the item at position.
func ItemCursor(position int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("i:" + strconv.Itoa(position)))
}

// ParseItemCursor decodes a cursor that ItemCursor made ("" is -1, the
// start): the position of the last item of the previous page.
func ParseItemCursor(s string) (int, error) {
	if s == "" {
		return -1, nil
	}
	bad := &InputError{Field: "cursor", Msg: "not a cursor this package returned"}
	if len(s) > 64 {
		return 0, bad
	}
	for i := 0; i < len(s); i++ { // the decoder would skip CR and LF
		if c := s[i]; !unreserved(c) || c == '.' || c == '~' {
			return 0, bad
		}
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s) // canonical only: one text per cursor
	if err != nil {
		return 0, bad
	}
	rest, ok := strings.CutPrefix(string(b), "i:")
	if !ok {
		return 0, bad
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 0 || strconv.Itoa(n) != rest {
		return 0, bad
	}
	return n, nil
}

// CheckID returns an *InputError when the id of a group, folder or user
// is empty, longer than MaxField bytes, not UTF-8 or holds control
// characters.
func CheckID(field, id string) error { return checkField(field, id, true) }

// CheckName returns a folder or group name as stores keep it (NFC,
// trimmed), or an *InputError when it is empty or too long.
func CheckName(name string) (string, error) {
	n := NormalizeTag(name)
	if err := checkField("name", n, true); err != nil {
		return "", err
	}
	return n, nil
}

// CheckItem returns it as stores keep it, or an *InputError: a document
// is required, a page range is empty or First ≤ Last, positive, and the
// annotation is an IRI.
func CheckItem(it Item) (Item, error) {
	if err := checkField("document", it.Document, true); err != nil {
		return it, err
	}
	if it.Pages != (maisky.PageRange{}) && (it.Pages.First <= 0 || it.Pages.Last < it.Pages.First) {
		return it, &InputError{Field: "pages", Msg: "a page range runs from a positive first page to a last page not before it"}
	}
	if it.Annotation != "" {
		if err := checkIRI("annotation", it.Annotation); err != nil {
			return it, err
		}
	}
	it.Note = NormalizeTag(it.Note)
	if err := checkField("note", it.Note, false); err != nil {
		return it, err
	}
	return it, nil
}

// CanSeeGroup reports whether a viewer with this role in a group sees it.
func (v Viewer) CanSeeGroup(role Role) bool { return v.User != "" && role >= RoleMember }

// CanInvite reports whether a viewer with role may add a member with
// newRole: the owner adds members and moderators, a moderator members.
func (v Viewer) CanInvite(role, newRole Role) bool {
	if v.User == "" {
		return false
	}
	switch newRole {
	case RoleMember:
		return role >= RoleModerator
	case RoleModerator:
		return role == RoleOwner
	}
	return false
}

// CanRemove reports whether a viewer with role may remove user, whose
// role is theirs: anyone but the owner leaves; the owner removes anyone
// else; a moderator removes members.
func (v Viewer) CanRemove(role Role, user string, theirs Role) bool {
	if v.User == "" || role < RoleMember || theirs < RoleMember {
		return false
	}
	if user == v.User {
		return theirs != RoleOwner
	}
	switch role {
	case RoleOwner:
		return true
	case RoleModerator:
		return theirs == RoleMember
	}
	return false
}

// CanManageGroup reports whether a viewer with role renames the group
// (owner or moderator).
func (v Viewer) CanManageGroup(role Role) bool { return v.User != "" && role >= RoleModerator }

// CanDeleteGroup reports whether a viewer with role deletes the group
// (its owner).
func (v Viewer) CanDeleteGroup(role Role) bool { return v.User != "" && role == RoleOwner }

// CanSeeFolder reports whether the viewer sees f, given the viewer's role
// in f's group (NoRole for a personal folder): a personal folder its
// owner, a group folder the group's members.
func (v Viewer) CanSeeFolder(f *Folder, role Role) bool {
	if f == nil || v.User == "" {
		return false
	}
	if f.Group == "" {
		return f.Owner == v.User
	}
	return role >= RoleMember
}

// CanEditFolder reports whether the viewer renames and moves f, makes
// subfolders in it and saves, moves and removes its items: whoever sees
// it.
func (v Viewer) CanEditFolder(f *Folder, role Role) bool { return v.CanSeeFolder(f, role) }

// CanDeleteFolder reports whether the viewer deletes f: a personal
// folder's owner; a group folder's creator, a moderator or the owner.
func (v Viewer) CanDeleteFolder(f *Folder, role Role) bool {
	if !v.CanSeeFolder(f, role) {
		return false
	}
	return f.Group == "" || f.Owner == v.User || role >= RoleModerator
}

// CanSeeItem reports whether the viewer sees it: in a folder (f, with the
// viewer's role in its group) whoever sees the folder, unfiled (f nil)
// whoever saved it; and an item of an annotation only with the annotation
// (a, with its parent), which the viewer must see too.
func (v Viewer) CanSeeItem(it *Item, f *Folder, role Role, a, parent *Annotation) bool {
	if it == nil || v.User == "" {
		return false
	}
	if it.Folder == "" {
		if it.AddedBy != v.User {
			return false
		}
	} else if f == nil || f.ID != it.Folder || !v.CanSeeFolder(f, role) {
		return false
	}
	if it.Annotation != "" {
		return a != nil && a.ID == it.Annotation && v.CanSee(a, parent)
	}
	return true
}
