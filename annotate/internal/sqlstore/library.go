package sqlstore

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// The library (annotate.Library) in SQL: tables library_groups,
// library_members, library_folders and library_items (migration 2).
// Positions are dense (0, 1, 2, … in each list); every write runs in one
// transaction, and on PostgreSQL takes a transaction-scoped advisory lock
// first, so that concurrent writers renumber a list one at a time. The
// store's membership is the truth: each method resolves the viewer's
// groups from library_members and ignores Viewer.Groups. The Store
// methods (store.go) follow it too: their visibility condition decides a
// group in library_groups by library_members, and only a group not there
// by Viewer.Groups.

var _ annotate.Library = (*Store)(nil)

// libraryLock is the advisory lock of library writes on PostgreSQL.
const libraryLock = "SELECT pg_advisory_xact_lock(4242120016)"

// libTx runs fn in a write transaction, serialized with other library
// writes.
func (s *Store) libTx(ctx context.Context, op string, fn func(Conn) error) error {
	err := s.DB.Tx(ctx, func(c Conn) error {
		if s.Dialect.Name == "postgres" {
			rows, err := c.Query(ctx, libraryLock)
			if err != nil {
				return err
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		return fn(c)
	})
	return wrap(op, err)
}

// scanAll runs a query and calls scan for each row.
func scanAll(ctx context.Context, c Conn, q string, a args, scan func(Rows) error) error {
	rows, err := c.Query(ctx, q, a...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// resolve returns v with the store's groups.
func (s *Store) resolve(ctx context.Context, c Conn, v annotate.Viewer) (annotate.Viewer, error) {
	if v.User == "" {
		return annotate.Viewer{}, nil
	}
	out := annotate.Viewer{User: v.User, Moderator: v.Moderator}
	var a args
	err := scanAll(ctx, c, "SELECT grp FROM library_members WHERE usr = "+a.add(v.User)+" ORDER BY grp", a, func(r Rows) error {
		var g string
		if err := r.Scan(&g); err != nil {
			return err
		}
		out.Groups = append(out.Groups, g)
		return nil
	})
	return out, err
}

// Viewer implements annotate.Library.
func (s *Store) Viewer(ctx context.Context, v annotate.Viewer) (annotate.Viewer, error) {
	if err := ctx.Err(); err != nil {
		return annotate.Viewer{}, err
	}
	rv, err := s.resolve(ctx, s.DB, v)
	return rv, wrap("viewer", err)
}

func (s *Store) role(ctx context.Context, c Conn, user, group string) (annotate.Role, error) {
	if user == "" || group == "" {
		return annotate.NoRole, nil
	}
	var a args
	r := annotate.NoRole
	err := scanAll(ctx, c, "SELECT role FROM library_members WHERE grp = "+a.add(group)+" AND usr = "+a.add(user), a, func(rows Rows) error {
		var n int64
		err := rows.Scan(&n)
		r = annotate.Role(n)
		return err
	})
	return r, err
}

const groupColumns = "id, name, owner, created"

func scanGroup(r Rows) (*annotate.Group, error) {
	var g annotate.Group
	var created int64
	if err := r.Scan(&g.ID, &g.Name, &g.Owner, &created); err != nil {
		return nil, err
	}
	g.Created = fromMicro(created)
	return &g, nil
}

// seeGroup returns group id and v's role in it, if v is a member.
func (s *Store) seeGroup(ctx context.Context, c Conn, v annotate.Viewer, id string) (*annotate.Group, annotate.Role, error) {
	if v.User == "" {
		return nil, annotate.NoRole, &annotate.NotFoundError{Kind: "group"}
	}
	var a args
	var g *annotate.Group
	var role int64
	err := scanAll(ctx, c, "SELECT g.id, g.name, g.owner, g.created, m.role FROM library_groups g JOIN library_members m ON m.grp = g.id WHERE g.id = "+a.add(id)+" AND m.usr = "+a.add(v.User), a, func(r Rows) error {
		var x annotate.Group
		var created int64
		if err := r.Scan(&x.ID, &x.Name, &x.Owner, &created, &role); err != nil {
			return err
		}
		x.Created = fromMicro(created)
		g = &x
		return nil
	})
	if err != nil {
		return nil, annotate.NoRole, err
	}
	if g == nil || !v.CanSeeGroup(annotate.Role(role)) {
		return nil, annotate.NoRole, &annotate.NotFoundError{Kind: "group"}
	}
	return g, annotate.Role(role), nil
}

// CreateGroup implements annotate.Library.
func (s *Store) CreateGroup(ctx context.Context, v annotate.Viewer, g annotate.Group) (*annotate.Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "create group", Msg: "only a logged-in reader creates groups"}
	}
	name, err := annotate.CheckName(g.Name)
	if err != nil {
		return nil, err
	}
	if g.ID != "" {
		if err := annotate.CheckID("id", g.ID); err != nil {
			return nil, err
		}
	}
	var out *annotate.Group
	err = s.libTx(ctx, "create group", func(c Conn) error {
		x := &annotate.Group{ID: g.ID, Name: name, Owner: v.User, Created: s.clock()}
		assign := x.ID == ""
		for {
			if assign {
				x.ID = annotate.NewID()
			}
			var a args
			n, err := c.Exec(ctx, "INSERT INTO library_groups (id, name, owner, created) VALUES ("+a.add(x.ID)+", "+a.add(x.Name)+", "+a.add(x.Owner)+", "+a.add(micro(x.Created))+") ON CONFLICT (id) DO NOTHING", a...)
			if err != nil {
				return err
			}
			if n == 1 {
				break
			}
			if !assign {
				return &annotate.ExistsError{Kind: "group"}
			}
		}
		var a args
		if _, err := c.Exec(ctx, "INSERT INTO library_members (grp, usr, role, added) VALUES ("+a.add(x.ID)+", "+a.add(v.User)+", "+a.add(int64(annotate.RoleOwner))+", "+a.add(micro(x.Created))+")", a...); err != nil {
			return err
		}
		out = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Group implements annotate.Library.
func (s *Store) Group(ctx context.Context, v annotate.Viewer, id string) (*annotate.Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	g, _, err := s.seeGroup(ctx, s.DB, v, id)
	if err != nil {
		return nil, wrap("group", err)
	}
	return g, nil
}

// Groups implements annotate.Library.
func (s *Store) Groups(ctx context.Context, v annotate.Viewer) ([]*annotate.Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	var a args
	var out []*annotate.Group
	err := scanAll(ctx, s.DB, "SELECT g.id, g.name, g.owner, g.created FROM library_groups g JOIN library_members m ON m.grp = g.id WHERE m.usr = "+a.add(v.User)+" ORDER BY g.id", a, func(r Rows) error {
		g, err := scanGroup(r)
		out = append(out, g)
		return err
	})
	if err != nil {
		return nil, wrap("groups", err)
	}
	return out, nil
}

// RenameGroup implements annotate.Library.
func (s *Store) RenameGroup(ctx context.Context, v annotate.Viewer, id, name string) (*annotate.Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name, err := annotate.CheckName(name)
	if err != nil {
		return nil, err
	}
	var out *annotate.Group
	err = s.libTx(ctx, "rename group", func(c Conn) error {
		g, r, err := s.seeGroup(ctx, c, v, id)
		if err != nil {
			return err
		}
		if !v.CanManageGroup(r) {
			return &annotate.AccessError{Op: "rename group", Msg: "a group is renamed by its owner or a moderator"}
		}
		var a args
		if _, err := c.Exec(ctx, "UPDATE library_groups SET name = "+a.add(name)+" WHERE id = "+a.add(id), a...); err != nil {
			return err
		}
		g.Name = name
		out = g
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteGroup implements annotate.Library.
func (s *Store) DeleteGroup(ctx context.Context, v annotate.Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.libTx(ctx, "delete group", func(c Conn) error {
		_, r, err := s.seeGroup(ctx, c, v, id)
		if err != nil {
			return err
		}
		if !v.CanDeleteGroup(r) {
			return &annotate.AccessError{Op: "delete group", Msg: "only its owner deletes a group"}
		}
		tops, err := s.children(ctx, c, &annotate.Folder{Group: id})
		if err != nil {
			return err
		}
		for _, f := range tops {
			if err := s.deleteFolder(ctx, c, f); err != nil {
				return err
			}
		}
		var changed []string
		var a args
		if err := scanAll(ctx, c, "SELECT id FROM annotations WHERE visibility = 1 AND grp = "+a.add(id), a, func(r Rows) error {
			var x string
			err := r.Scan(&x)
			changed = append(changed, x)
			return err
		}); err != nil {
			return err
		}
		now := micro(s.clock())
		a = nil
		if _, err := c.Exec(ctx, "UPDATE annotations SET visibility = 0, grp = '', revision = revision + 1, modified = CASE WHEN created > "+a.add(now)+" THEN created ELSE "+a.add(now)+" END WHERE visibility = 1 AND grp = "+a.add(id), a...); err != nil {
			return err
		}
		a = nil
		if _, err := c.Exec(ctx, "DELETE FROM library_members WHERE grp = "+a.add(id), a...); err != nil {
			return err
		}
		a = nil
		if _, err := c.Exec(ctx, "DELETE FROM library_groups WHERE id = "+a.add(id), a...); err != nil {
			return err
		}
		if len(changed) > 1000 {
			changed = changed[:1000]
		}
		return s.notify(ctx, c, changed...)
	})
}

const memberColumns = "grp, usr, role, added"

func scanMember(r Rows) (*annotate.Member, error) {
	var m annotate.Member
	var role, added int64
	if err := r.Scan(&m.Group, &m.User, &role, &added); err != nil {
		return nil, err
	}
	m.Role = annotate.Role(role)
	m.Added = fromMicro(added)
	return &m, nil
}

func (s *Store) member(ctx context.Context, c Conn, group, user string) (*annotate.Member, error) {
	var a args
	var out *annotate.Member
	err := scanAll(ctx, c, "SELECT "+memberColumns+" FROM library_members WHERE grp = "+a.add(group)+" AND usr = "+a.add(user), a, func(r Rows) error {
		m, err := scanMember(r)
		out = m
		return err
	})
	return out, err
}

// AddMember implements annotate.Library.
func (s *Store) AddMember(ctx context.Context, v annotate.Viewer, group, user string, role annotate.Role) (*annotate.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := annotate.CheckID("user", user); err != nil {
		return nil, err
	}
	if role != annotate.RoleMember && role != annotate.RoleModerator {
		return nil, &annotate.InputError{Field: "role", Msg: "a member is invited as member or moderator"}
	}
	var out *annotate.Member
	err := s.libTx(ctx, "add member", func(c Conn) error {
		_, r, err := s.seeGroup(ctx, c, v, group)
		if err != nil {
			return err
		}
		if !v.CanInvite(r, role) {
			return &annotate.AccessError{Op: "invite", Msg: "the owner invites members and moderators, a moderator members"}
		}
		m := &annotate.Member{Group: group, User: user, Role: role, Added: s.clock()}
		var a args
		n, err := c.Exec(ctx, "INSERT INTO library_members (grp, usr, role, added) VALUES ("+a.add(group)+", "+a.add(user)+", "+a.add(int64(role))+", "+a.add(micro(m.Added))+") ON CONFLICT (grp, usr) DO NOTHING", a...)
		if err != nil {
			return err
		}
		if n == 0 {
			return &annotate.ExistsError{Kind: "member"}
		}
		out = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SetRole implements annotate.Library.
func (s *Store) SetRole(ctx context.Context, v annotate.Viewer, group, user string, role annotate.Role) (*annotate.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if role != annotate.RoleMember && role != annotate.RoleModerator {
		return nil, &annotate.InputError{Field: "role", Msg: "a member's role is member or moderator"}
	}
	var out *annotate.Member
	err := s.libTx(ctx, "set role", func(c Conn) error {
		_, r, err := s.seeGroup(ctx, c, v, group)
		if err != nil {
			return err
		}
		m, err := s.member(ctx, c, group, user)
		if err != nil {
			return err
		}
		if m == nil {
			return &annotate.NotFoundError{Kind: "member"}
		}
		if r != annotate.RoleOwner || m.Role == annotate.RoleOwner {
			return &annotate.AccessError{Op: "set role", Msg: "the owner sets the roles of the other members"}
		}
		var a args
		if _, err := c.Exec(ctx, "UPDATE library_members SET role = "+a.add(int64(role))+" WHERE grp = "+a.add(group)+" AND usr = "+a.add(user), a...); err != nil {
			return err
		}
		m.Role = role
		out = m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RemoveMember implements annotate.Library.
func (s *Store) RemoveMember(ctx context.Context, v annotate.Viewer, group, user string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.libTx(ctx, "remove member", func(c Conn) error {
		_, r, err := s.seeGroup(ctx, c, v, group)
		if err != nil {
			return err
		}
		m, err := s.member(ctx, c, group, user)
		if err != nil {
			return err
		}
		if m == nil {
			return &annotate.NotFoundError{Kind: "member"}
		}
		if !v.CanRemove(r, user, m.Role) {
			return &annotate.AccessError{Op: "remove member", Msg: "the owner removes anyone else, a moderator members; anyone but the owner leaves"}
		}
		var a args
		_, err = c.Exec(ctx, "DELETE FROM library_members WHERE grp = "+a.add(group)+" AND usr = "+a.add(user), a...)
		return err
	})
}

// Members implements annotate.Library.
func (s *Store) Members(ctx context.Context, v annotate.Viewer, group string) ([]*annotate.Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, _, err := s.seeGroup(ctx, s.DB, v, group); err != nil {
		return nil, wrap("members", err)
	}
	var a args
	var out []*annotate.Member
	err := scanAll(ctx, s.DB, "SELECT "+memberColumns+" FROM library_members WHERE grp = "+a.add(group)+" ORDER BY usr", a, func(r Rows) error {
		m, err := scanMember(r)
		out = append(out, m)
		return err
	})
	if err != nil {
		return nil, wrap("members", err)
	}
	return out, nil
}

const folderColumns = "id, owner, grp, parent, name, position, created, modified"

func scanFolder(r Rows) (*annotate.Folder, error) {
	var f annotate.Folder
	var pos, created, modified int64
	if err := r.Scan(&f.ID, &f.Owner, &f.Group, &f.Parent, &f.Name, &pos, &created, &modified); err != nil {
		return nil, err
	}
	f.Position = int(pos)
	f.Created, f.Modified = fromMicro(created), fromMicro(modified)
	return &f, nil
}

func (s *Store) folders(ctx context.Context, c Conn, where string, a args) ([]*annotate.Folder, error) {
	var out []*annotate.Folder
	err := scanAll(ctx, c, "SELECT "+folderColumns+" FROM library_folders WHERE "+where, a, func(r Rows) error {
		f, err := scanFolder(r)
		out = append(out, f)
		return err
	})
	return out, err
}

// siblingsWhere is the condition of the list f is in (its parent's, or
// its owner's or group's top folders).
func siblingsWhere(f *annotate.Folder, a *args) string {
	if f.Parent != "" {
		return "parent = " + a.add(f.Parent)
	}
	if f.Group != "" {
		return "parent = '' AND grp = " + a.add(f.Group) + " AND grp <> ''"
	}
	return "parent = '' AND grp = '' AND owner = " + a.add(f.Owner)
}

// children returns the folders whose parent is f (f.ID), or with f.ID
// empty the top folders of f's owner or group, by position.
func (s *Store) children(ctx context.Context, c Conn, f *annotate.Folder) ([]*annotate.Folder, error) {
	var a args
	p := &annotate.Folder{Parent: f.ID, Group: f.Group, Owner: f.Owner}
	return s.folders(ctx, c, siblingsWhere(p, &a)+" ORDER BY position", a)
}

// seeFolder returns folder id and v's role in its group if v sees it.
func (s *Store) seeFolder(ctx context.Context, c Conn, v annotate.Viewer, id string) (*annotate.Folder, annotate.Role, error) {
	if v.User == "" {
		return nil, annotate.NoRole, &annotate.NotFoundError{Kind: "folder"}
	}
	var a args
	fs, err := s.folders(ctx, c, "id = "+a.add(id), a)
	if err != nil {
		return nil, annotate.NoRole, err
	}
	if len(fs) == 0 {
		return nil, annotate.NoRole, &annotate.NotFoundError{Kind: "folder"}
	}
	r, err := s.role(ctx, c, v.User, fs[0].Group)
	if err != nil {
		return nil, annotate.NoRole, err
	}
	if !v.CanSeeFolder(fs[0], r) {
		return nil, annotate.NoRole, &annotate.NotFoundError{Kind: "folder"}
	}
	return fs[0], r, nil
}

// depth returns how deep f is (a top folder is 1).
func (s *Store) depth(ctx context.Context, c Conn, f *annotate.Folder) (int, error) {
	d := 1
	for p := f.Parent; p != "" && d <= annotate.MaxFolderDepth+1; d++ {
		var a args
		fs, err := s.folders(ctx, c, "id = "+a.add(p), a)
		if err != nil || len(fs) == 0 {
			return d, err
		}
		p = fs[0].Parent
	}
	return d, nil
}

// height returns the levels of f and its subfolders (1 without any).
func (s *Store) height(ctx context.Context, c Conn, f *annotate.Folder) (int, error) {
	kids, err := s.children(ctx, c, f)
	if err != nil {
		return 0, err
	}
	h := 0
	for _, k := range kids {
		x, err := s.height(ctx, c, k)
		if err != nil {
			return 0, err
		}
		h = max(h, x)
	}
	return h + 1, nil
}

// CreateFolder implements annotate.Library.
func (s *Store) CreateFolder(ctx context.Context, v annotate.Viewer, f annotate.Folder) (*annotate.Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "create folder", Msg: "only a logged-in reader keeps folders"}
	}
	name, err := annotate.CheckName(f.Name)
	if err != nil {
		return nil, err
	}
	if f.ID != "" {
		if err := annotate.CheckID("id", f.ID); err != nil {
			return nil, err
		}
	}
	var out *annotate.Folder
	err = s.libTx(ctx, "create folder", func(c Conn) error {
		if f.Group != "" {
			if _, _, err := s.seeGroup(ctx, c, v, f.Group); err != nil {
				return err
			}
		}
		x := &annotate.Folder{ID: f.ID, Owner: v.User, Group: f.Group, Parent: f.Parent, Name: name}
		if f.Parent != "" {
			p, r, err := s.seeFolder(ctx, c, v, f.Parent)
			if err != nil {
				return err
			}
			if !v.CanEditFolder(p, r) {
				return &annotate.AccessError{Op: "create folder", Msg: "a folder is made in a folder the reader may edit"}
			}
			if p.Group != f.Group {
				return &annotate.InputError{Field: "parent", Msg: "a subfolder is in its parent's group (or both personal)"}
			}
			d, err := s.depth(ctx, c, p)
			if err != nil {
				return err
			}
			if d >= annotate.MaxFolderDepth {
				return &annotate.InputError{Field: "parent", Msg: "folders nest at most " + strconv.Itoa(annotate.MaxFolderDepth) + " deep"}
			}
		}
		n, err := s.listLen(ctx, c, "library_folders", x)
		if err != nil {
			return err
		}
		x.Position = n
		x.Created = s.clock()
		x.Modified = x.Created
		assign := x.ID == ""
		for {
			if assign {
				x.ID = annotate.NewID()
			}
			var a args
			k, err := c.Exec(ctx, "INSERT INTO library_folders ("+folderColumns+") VALUES ("+strings.Join([]string{a.add(x.ID), a.add(x.Owner), a.add(x.Group), a.add(x.Parent), a.add(x.Name), a.add(int64(x.Position)), a.add(micro(x.Created)), a.add(micro(x.Modified))}, ", ")+") ON CONFLICT (id) DO NOTHING", a...)
			if err != nil {
				return err
			}
			if k == 1 {
				break
			}
			if !assign {
				return &annotate.ExistsError{Kind: "folder"}
			}
		}
		out = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// listLen returns how many folders are in f's list.
func (s *Store) listLen(ctx context.Context, c Conn, table string, f *annotate.Folder) (int, error) {
	var a args
	return count(ctx, c, table, siblingsWhere(f, &a), a)
}

// count returns how many rows of table match where.
func count(ctx context.Context, c Conn, table, where string, a args) (int, error) {
	n := 0
	err := scanAll(ctx, c, "SELECT COUNT(*) FROM "+table+" WHERE "+where, a, func(r Rows) error {
		var x int64
		err := r.Scan(&x)
		n = int(x)
		return err
	})
	return n, err
}

// Folder implements annotate.Library.
func (s *Store) Folder(ctx context.Context, v annotate.Viewer, id string) (*annotate.Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, _, err := s.seeFolder(ctx, s.DB, v, id)
	if err != nil {
		return nil, wrap("folder", err)
	}
	return f, nil
}

// Folders implements annotate.Library.
func (s *Store) Folders(ctx context.Context, v annotate.Viewer, group string) ([]*annotate.Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	var a args
	where := "grp = '' AND owner = " + a.add(v.User)
	if group != "" {
		if _, _, err := s.seeGroup(ctx, s.DB, v, group); err != nil {
			return nil, wrap("folders", err)
		}
		a = nil
		where = "grp = " + a.add(group) + " AND grp <> ''"
	}
	all, err := s.folders(ctx, s.DB, where, a)
	if err != nil {
		return nil, wrap("folders", err)
	}
	return treeOrder(all), nil
}

// treeOrder returns folders depth first, siblings by position.
func treeOrder(all []*annotate.Folder) []*annotate.Folder {
	kids := map[string][]*annotate.Folder{}
	for _, f := range all {
		kids[f.Parent] = append(kids[f.Parent], f)
	}
	for _, k := range kids {
		slices.SortFunc(k, func(a, b *annotate.Folder) int { return a.Position - b.Position })
	}
	out := make([]*annotate.Folder, 0, len(all))
	var walk func(string)
	walk = func(p string) {
		for _, f := range kids[p] {
			out = append(out, f)
			walk(f.ID)
		}
	}
	walk("")
	return out
}

// RenameFolder implements annotate.Library.
func (s *Store) RenameFolder(ctx context.Context, v annotate.Viewer, id, name string) (*annotate.Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name, err := annotate.CheckName(name)
	if err != nil {
		return nil, err
	}
	var out *annotate.Folder
	err = s.libTx(ctx, "rename folder", func(c Conn) error {
		f, r, err := s.seeFolder(ctx, c, v, id)
		if err != nil {
			return err
		}
		if !v.CanEditFolder(f, r) {
			return &annotate.AccessError{Op: "rename folder", Msg: "not the reader's folder"}
		}
		f.Name, f.Modified = name, s.clock()
		var a args
		if _, err := c.Exec(ctx, "UPDATE library_folders SET name = "+a.add(f.Name)+", modified = "+a.add(micro(f.Modified))+" WHERE id = "+a.add(id), a...); err != nil {
			return err
		}
		out = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// shift renumbers a list: position += by where position >= from.
func shift(ctx context.Context, c Conn, table, where string, a args, from, by int) error {
	q := "UPDATE " + table + " SET position = position + " + a.add(int64(by)) + " WHERE " + where + " AND position >= " + a.add(int64(from))
	_, err := c.Exec(ctx, q, a...)
	return err
}

// MoveFolder implements annotate.Library.
func (s *Store) MoveFolder(ctx context.Context, v annotate.Viewer, id, parent string, position int) (*annotate.Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out *annotate.Folder
	err := s.libTx(ctx, "move folder", func(c Conn) error {
		f, r, err := s.seeFolder(ctx, c, v, id)
		if err != nil {
			return err
		}
		if !v.CanEditFolder(f, r) {
			return &annotate.AccessError{Op: "move folder", Msg: "not the reader's folder"}
		}
		if parent != "" {
			p, pr, err := s.seeFolder(ctx, c, v, parent)
			if err != nil {
				return err
			}
			if !v.CanEditFolder(p, pr) {
				return &annotate.AccessError{Op: "move folder", Msg: "a folder goes into a folder the reader may edit"}
			}
			if p.Group != f.Group || (p.Group == "" && p.Owner != f.Owner) {
				return &annotate.InputError{Field: "parent", Msg: "a folder moves within its owner's or group's folders"}
			}
			for q := p; ; {
				if q.ID == f.ID {
					return &annotate.InputError{Field: "parent", Msg: "a folder cannot go into itself or its subfolders"}
				}
				if q.Parent == "" {
					break
				}
				var a args
				qs, err := s.folders(ctx, c, "id = "+a.add(q.Parent), a)
				if err != nil {
					return err
				}
				if len(qs) == 0 {
					break
				}
				q = qs[0]
			}
			d, err := s.depth(ctx, c, p)
			if err != nil {
				return err
			}
			h, err := s.height(ctx, c, f)
			if err != nil {
				return err
			}
			if d+h > annotate.MaxFolderDepth {
				return &annotate.InputError{Field: "parent", Msg: "folders nest at most " + strconv.Itoa(annotate.MaxFolderDepth) + " deep"}
			}
		}
		// Out of the old list, into the new one (f itself left out of
		// both counts and shifts).
		var a args
		if err := shift(ctx, c, "library_folders", siblingsWhere(f, &a), a, f.Position+1, -1); err != nil {
			return err
		}
		f.Parent = parent
		a = nil
		n, err := count(ctx, c, "library_folders", siblingsWhere(f, &a)+" AND id <> "+a.add(f.ID), a)
		if err != nil {
			return err
		}
		if position < 0 || position > n {
			position = n
		}
		a = nil
		if err := shift(ctx, c, "library_folders", siblingsWhere(f, &a)+" AND id <> "+a.add(f.ID), a, position, 1); err != nil {
			return err
		}
		f.Position = position
		f.Modified = s.clock()
		a = nil
		if _, err := c.Exec(ctx, "UPDATE library_folders SET parent = "+a.add(f.Parent)+", position = "+a.add(int64(f.Position))+", modified = "+a.add(micro(f.Modified))+" WHERE id = "+a.add(f.ID), a...); err != nil {
			return err
		}
		out = f
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteFolder implements annotate.Library.
func (s *Store) DeleteFolder(ctx context.Context, v annotate.Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.libTx(ctx, "delete folder", func(c Conn) error {
		f, r, err := s.seeFolder(ctx, c, v, id)
		if err != nil {
			return err
		}
		if !v.CanDeleteFolder(f, r) {
			return &annotate.AccessError{Op: "delete folder", Msg: "a group folder is deleted by its creator, a moderator or the owner"}
		}
		return s.deleteFolder(ctx, c, f)
	})
}

// deleteFolder deletes f and its subfolders, their items going to the
// unfiled lists of who saved them (subfolders' first, as Memory does).
func (s *Store) deleteFolder(ctx context.Context, c Conn, f *annotate.Folder) error {
	kids, err := s.children(ctx, c, f)
	if err != nil {
		return err
	}
	for _, k := range kids {
		if err := s.deleteFolder(ctx, c, k); err != nil {
			return err
		}
	}
	var a args
	var items []*annotate.Item
	if err := scanAll(ctx, c, "SELECT "+itemColumns+" FROM library_items WHERE folder = "+a.add(f.ID)+" ORDER BY position", a, func(r Rows) error {
		it, err := scanItem(r)
		items = append(items, it)
		return err
	}); err != nil {
		return err
	}
	next := map[string]int{}
	for _, it := range items {
		n, ok := next[it.AddedBy]
		if !ok {
			if n, err = s.itemCount(ctx, c, "", it.AddedBy); err != nil {
				return err
			}
		}
		var a args
		if _, err := c.Exec(ctx, "UPDATE library_items SET folder = '', position = "+a.add(int64(n))+" WHERE id = "+a.add(it.ID), a...); err != nil {
			return err
		}
		next[it.AddedBy] = n + 1
	}
	a = nil
	if err := shift(ctx, c, "library_folders", siblingsWhere(f, &a), a, f.Position+1, -1); err != nil {
		return err
	}
	a = nil
	_, err = c.Exec(ctx, "DELETE FROM library_folders WHERE id = "+a.add(f.ID), a...)
	return err
}

const itemColumns = "id, folder, added_by, document, page_first, page_last, annotation, note, position, created"

func scanItem(r Rows) (*annotate.Item, error) {
	var it annotate.Item
	var first, last, pos, created int64
	if err := r.Scan(&it.ID, &it.Folder, &it.AddedBy, &it.Document, &first, &last, &it.Annotation, &it.Note, &pos, &created); err != nil {
		return nil, err
	}
	it.Pages = maisky.PageRange{First: int(first), Last: int(last)}
	it.Position = int(pos)
	it.Created = fromMicro(created)
	return &it, nil
}

// itemListWhere is the condition of the list of items in folder ("" for
// the unfiled list of user).
func itemListWhere(folder, user string, a *args) string {
	if folder == "" {
		return "folder = '' AND added_by = " + a.add(user)
	}
	// "folder <> ''" lets the planner use the partial index.
	return "folder = " + a.add(folder) + " AND folder <> ''"
}

func (s *Store) itemCount(ctx context.Context, c Conn, folder, user string) (int, error) {
	var a args
	return count(ctx, c, "library_items", itemListWhere(folder, user, &a), a)
}

// itemVisible is the SQL condition that item alias i is seen by the
// resolved viewer v as far as its annotation goes (the folder is checked
// apart).
func itemVisible(v annotate.Viewer, a *args) string {
	return "(i.annotation = '' OR EXISTS (SELECT 1 FROM annotations a WHERE a.id = i.annotation AND " + visible("a", v, a) + "))"
}

// editTarget checks that v may put items into folder ("" for v's unfiled
// list).
func (s *Store) editTarget(ctx context.Context, c Conn, v annotate.Viewer, folder string) (*annotate.Folder, error) {
	if folder == "" {
		return nil, nil
	}
	f, r, err := s.seeFolder(ctx, c, v, folder)
	if err != nil {
		return nil, err
	}
	if !v.CanEditFolder(f, r) {
		return nil, &annotate.AccessError{Op: "save", Msg: "items go into a folder the reader may edit"}
	}
	return f, nil
}

// seeItem returns item id if the resolved viewer v may see it.
func (s *Store) seeItem(ctx context.Context, c Conn, v annotate.Viewer, id string) (*annotate.Item, error) {
	if v.User == "" {
		return nil, &annotate.NotFoundError{Kind: "item"}
	}
	var a args
	var it *annotate.Item
	if err := scanAll(ctx, c, "SELECT "+itemColumns+" FROM library_items i WHERE i.id = "+a.add(id)+" AND "+itemVisible(v, &a), a, func(r Rows) error {
		x, err := scanItem(r)
		it = x
		return err
	}); err != nil {
		return nil, err
	}
	if it == nil {
		return nil, &annotate.NotFoundError{Kind: "item"}
	}
	if it.Folder == "" {
		if it.AddedBy != v.User {
			return nil, &annotate.NotFoundError{Kind: "item"}
		}
		return it, nil
	}
	if _, _, err := s.seeFolder(ctx, c, v, it.Folder); err != nil {
		return nil, &annotate.NotFoundError{Kind: "item"}
	}
	return it, nil
}

// Save implements annotate.Library.
func (s *Store) Save(ctx context.Context, v annotate.Viewer, in annotate.Item) (*annotate.Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "save", Msg: "only a logged-in reader saves documents"}
	}
	var out *annotate.Item
	err := s.libTx(ctx, "save", func(c Conn) error {
		rv, err := s.resolve(ctx, c, v)
		if err != nil {
			return err
		}
		it := in
		if it.Annotation != "" {
			x, _, err := s.load(ctx, c, rv, it.Annotation, false)
			if err != nil {
				return err
			}
			if it.Document == "" {
				it.Document = x.Document
			}
			if it.Document != x.Document {
				return &annotate.InputError{Field: "document", Msg: "a saved annotation is saved with its document"}
			}
		}
		it, err = annotate.CheckItem(it)
		if err != nil {
			return err
		}
		if _, err := s.editTarget(ctx, c, rv, it.Folder); err != nil {
			return err
		}
		n, err := s.itemCount(ctx, c, it.Folder, v.User)
		if err != nil {
			return err
		}
		x := &annotate.Item{ID: annotate.NewID(), Folder: it.Folder, AddedBy: v.User, Document: it.Document, Pages: it.Pages, Annotation: it.Annotation, Note: it.Note, Position: n, Created: s.clock()}
		for {
			var a args
			k, err := c.Exec(ctx, "INSERT INTO library_items ("+itemColumns+") VALUES ("+strings.Join([]string{a.add(x.ID), a.add(x.Folder), a.add(x.AddedBy), a.add(x.Document), a.add(int64(x.Pages.First)), a.add(int64(x.Pages.Last)), a.add(x.Annotation), a.add(x.Note), a.add(int64(x.Position)), a.add(micro(x.Created))}, ", ")+") ON CONFLICT (id) DO NOTHING", a...)
			if err != nil {
				return err
			}
			if k == 1 {
				break
			}
			x.ID = annotate.NewID()
		}
		out = x
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Item implements annotate.Library.
func (s *Store) Item(ctx context.Context, v annotate.Viewer, id string) (*annotate.Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rv, err := s.resolve(ctx, s.DB, v)
	if err != nil {
		return nil, wrap("item", err)
	}
	it, err := s.seeItem(ctx, s.DB, rv, id)
	if err != nil {
		return nil, wrap("item", err)
	}
	return it, nil
}

// Items implements annotate.Library.
func (s *Store) Items(ctx context.Context, v annotate.Viewer, q annotate.ItemQuery) (*annotate.ItemResults, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	after, err := annotate.ParseItemCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	res := &annotate.ItemResults{}
	if v.Anonymous() {
		if q.Folder != "" {
			return nil, &annotate.NotFoundError{Kind: "folder"}
		}
		return res, nil
	}
	rv, err := s.resolve(ctx, s.DB, v)
	if err != nil {
		return nil, wrap("items", err)
	}
	if q.Folder != "" {
		if _, _, err := s.seeFolder(ctx, s.DB, rv, q.Folder); err != nil {
			return nil, wrap("items", err)
		}
	}
	var a args
	sql := "SELECT " + itemColumns + " FROM library_items i WHERE " + itemListWhere(q.Folder, v.User, &a) +
		" AND position > " + a.add(int64(after)) + " AND " + itemVisible(rv, &a) + " ORDER BY position LIMIT " + a.add(int64(limit+1))
	err = scanAll(ctx, s.DB, sql, a, func(r Rows) error {
		it, err := scanItem(r)
		res.Items = append(res.Items, it)
		return err
	})
	if err != nil {
		return nil, wrap("items", err)
	}
	if len(res.Items) > limit {
		res.Items = res.Items[:limit]
		res.Next = annotate.ItemCursor(res.Items[limit-1].Position)
	}
	return res, nil
}

// MoveItem implements annotate.Library.
func (s *Store) MoveItem(ctx context.Context, v annotate.Viewer, id, folder string, position int) (*annotate.Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out *annotate.Item
	err := s.libTx(ctx, "move item", func(c Conn) error {
		rv, err := s.resolve(ctx, c, v)
		if err != nil {
			return err
		}
		it, err := s.seeItem(ctx, c, rv, id)
		if err != nil {
			return err
		}
		target, err := s.editTarget(ctx, c, rv, folder)
		if err != nil {
			return err
		}
		var a args
		if err := shift(ctx, c, "library_items", itemListWhere(it.Folder, it.AddedBy, &a), a, it.Position+1, -1); err != nil {
			return err
		}
		if target == nil || target.Group == "" {
			it.AddedBy = v.User // into v's own list or folder: now v's
		}
		it.Folder = folder
		a = nil
		n, err := count(ctx, c, "library_items", itemListWhere(folder, v.User, &a)+" AND id <> "+a.add(it.ID), a)
		if err != nil {
			return err
		}
		if position < 0 || position > n {
			position = n
		}
		a = nil
		if err := shift(ctx, c, "library_items", itemListWhere(folder, v.User, &a)+" AND id <> "+a.add(it.ID), a, position, 1); err != nil {
			return err
		}
		it.Position = position
		a = nil
		if _, err := c.Exec(ctx, "UPDATE library_items SET folder = "+a.add(it.Folder)+", added_by = "+a.add(it.AddedBy)+", position = "+a.add(int64(it.Position))+" WHERE id = "+a.add(it.ID), a...); err != nil {
			return err
		}
		out = it
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Unsave implements annotate.Library.
func (s *Store) Unsave(ctx context.Context, v annotate.Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.libTx(ctx, "unsave", func(c Conn) error {
		rv, err := s.resolve(ctx, c, v)
		if err != nil {
			return err
		}
		it, err := s.seeItem(ctx, c, rv, id)
		if err != nil {
			return err
		}
		var a args
		if _, err := c.Exec(ctx, "DELETE FROM library_items WHERE id = "+a.add(id), a...); err != nil {
			return err
		}
		a = nil
		return shift(ctx, c, "library_items", itemListWhere(it.Folder, it.AddedBy, &a), a, it.Position+1, -1)
	})
}
