package annotate

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

var _ Library = (*Memory)(nil)

// libState is the Library half of Memory, guarded by Memory.mu. Its zero
// value is empty; maps are made on first write.
type libState struct {
	groups  map[string]*Group
	members map[string]map[string]*Member // group → user → membership
	byUser  map[string]map[string]bool    // user → groups
	folders map[string]*Folder
	top     map[string][]*Folder // scope ("u\x00owner" or "g\x00group") → top folders by Position
	sub     map[string][]*Folder // folder ID → subfolders by Position
	items   map[string]*Item
	inFold  map[string][]*Item // folder ID → items by Position
	unfiled map[string][]*Item // user → unfiled items by Position
}

func (l *libState) init() {
	if l.groups != nil {
		return
	}
	l.groups = map[string]*Group{}
	l.members = map[string]map[string]*Member{}
	l.byUser = map[string]map[string]bool{}
	l.folders = map[string]*Folder{}
	l.top = map[string][]*Folder{}
	l.sub = map[string][]*Folder{}
	l.items = map[string]*Item{}
	l.inFold = map[string][]*Item{}
	l.unfiled = map[string][]*Item{}
}

func (l *libState) role(user, group string) Role {
	if user == "" || group == "" {
		return NoRole
	}
	if mm := l.members[group][user]; mm != nil {
		return mm.Role
	}
	return NoRole
}

// resolve returns v with the store's groups.
func (m *Memory) resolve(v Viewer) Viewer {
	if v.User == "" {
		return Viewer{}
	}
	gs := make([]string, 0, len(m.lib.byUser[v.User]))
	for g := range m.lib.byUser[v.User] {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	return Viewer{User: v.User, Groups: gs, Moderator: v.Moderator}
}

// Viewer implements Library.
func (m *Memory) Viewer(ctx context.Context, v Viewer) (Viewer, error) {
	if err := ctx.Err(); err != nil {
		return Viewer{}, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.resolve(v), nil
}

func groupNotFound() error  { return &NotFoundError{Kind: "group"} }
func folderNotFound() error { return &NotFoundError{Kind: "folder"} }
func itemNotFound() error   { return &NotFoundError{Kind: "item"} }

// checkNew checks what creating a group or folder needs before the store
// is locked: a live context, a logged-in reader (else an AccessError for op
// saying msg), a valid name (returned cleaned) and, if given, a valid id.
func checkNew(ctx context.Context, v Viewer, op, msg, name, id string) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if v.Anonymous() {
		return "", &AccessError{Op: op, Msg: msg}
	}
	name, err := CheckName(name)
	if err != nil {
		return "", err
	}
	if id != "" {
		if err := CheckID("id", id); err != nil {
			return "", err
		}
	}
	return name, nil
}

// CreateGroup implements Library.
func (m *Memory) CreateGroup(ctx context.Context, v Viewer, g Group) (*Group, error) {
	name, err := checkNew(ctx, v, "create group", "only a logged-in reader creates groups", g.Name, g.ID)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lib.init()
	if g.ID == "" {
		for g.ID == "" || m.lib.groups[g.ID] != nil {
			g.ID = NewID()
		}
	} else if m.lib.groups[g.ID] != nil {
		return nil, &ExistsError{Kind: "group"}
	}
	now := m.clock()
	c := &Group{ID: g.ID, Name: name, Owner: v.User, Created: now}
	m.lib.groups[c.ID] = c
	m.addMember(c.ID, v.User, RoleOwner)
	out := *c
	return &out, nil
}

func (m *Memory) addMember(group, user string, r Role) *Member {
	mm := &Member{Group: group, User: user, Role: r, Added: m.clock()}
	if m.lib.members[group] == nil {
		m.lib.members[group] = map[string]*Member{}
	}
	m.lib.members[group][user] = mm
	if m.lib.byUser[user] == nil {
		m.lib.byUser[user] = map[string]bool{}
	}
	m.lib.byUser[user][group] = true
	return mm
}

// seeGroup returns group id and v's role in it, if v is a member.
func (m *Memory) seeGroup(v Viewer, id string) (*Group, Role, error) {
	g := m.lib.groups[id]
	r := m.lib.role(v.User, id)
	if g == nil || !v.CanSeeGroup(r) {
		return nil, NoRole, groupNotFound()
	}
	return g, r, nil
}

// Group implements Library.
func (m *Memory) Group(ctx context.Context, v Viewer, id string) (*Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	g, _, err := m.seeGroup(v, id)
	if err != nil {
		return nil, err
	}
	out := *g
	return &out, nil
}

// Groups implements Library.
func (m *Memory) Groups(ctx context.Context, v Viewer) ([]*Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*Group
	for _, id := range m.resolve(v).Groups {
		c := *m.lib.groups[id]
		out = append(out, &c)
	}
	return out, nil
}

// RenameGroup implements Library.
func (m *Memory) RenameGroup(ctx context.Context, v Viewer, id, name string) (*Group, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name, err := CheckName(name)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	g, r, err := m.seeGroup(v, id)
	if err != nil {
		return nil, err
	}
	if !v.CanManageGroup(r) {
		return nil, &AccessError{Op: "rename group", Msg: "a group is renamed by its owner or a moderator"}
	}
	g.Name = name
	out := *g
	return &out, nil
}

// DeleteGroup implements Library.
func (m *Memory) DeleteGroup(ctx context.Context, v Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	_, r, err := m.seeGroup(v, id)
	if err != nil {
		return err
	}
	if !v.CanDeleteGroup(r) {
		return &AccessError{Op: "delete group", Msg: "only its owner deletes a group"}
	}
	for _, f := range slices.Clone(m.lib.top["g\x00"+id]) {
		m.deleteFolder(f)
	}
	delete(m.lib.top, "g\x00"+id)
	for u := range m.lib.members[id] {
		delete(m.lib.byUser[u], id)
		if len(m.lib.byUser[u]) == 0 {
			delete(m.lib.byUser, u)
		}
	}
	delete(m.lib.members, id)
	delete(m.lib.groups, id)
	now := m.clock()
	for _, a := range m.anns {
		if a.Visibility == GroupOnly && a.Group == id {
			c := a.Clone()
			c.Visibility, c.Group = Private, ""
			c.Modified = now
			if c.Modified.Before(c.Created) {
				c.Modified = c.Created
			}
			c.Revision++
			m.replace(a, c)
		}
	}
	return nil
}

// AddMember implements Library.
func (m *Memory) AddMember(ctx context.Context, v Viewer, group, user string, role Role) (*Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := CheckID("user", user); err != nil {
		return nil, err
	}
	if role != RoleMember && role != RoleModerator {
		return nil, &InputError{Field: "role", Msg: "a member is invited as member or moderator"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	_, r, err := m.seeGroup(v, group)
	if err != nil {
		return nil, err
	}
	if !v.CanInvite(r, role) {
		return nil, &AccessError{Op: "invite", Msg: "the owner invites members and moderators, a moderator members"}
	}
	if m.lib.role(user, group) != NoRole {
		return nil, &ExistsError{Kind: "member"}
	}
	out := *m.addMember(group, user, role)
	return &out, nil
}

// SetRole implements Library.
func (m *Memory) SetRole(ctx context.Context, v Viewer, group, user string, role Role) (*Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if role != RoleMember && role != RoleModerator {
		return nil, &InputError{Field: "role", Msg: "a member's role is member or moderator"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	_, r, err := m.seeGroup(v, group)
	if err != nil {
		return nil, err
	}
	mm := m.lib.members[group][user]
	if mm == nil {
		return nil, &NotFoundError{Kind: "member"}
	}
	if r != RoleOwner || mm.Role == RoleOwner {
		return nil, &AccessError{Op: "set role", Msg: "the owner sets the roles of the other members"}
	}
	mm.Role = role
	out := *mm
	return &out, nil
}

// RemoveMember implements Library.
func (m *Memory) RemoveMember(ctx context.Context, v Viewer, group, user string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	_, r, err := m.seeGroup(v, group)
	if err != nil {
		return err
	}
	mm := m.lib.members[group][user]
	if mm == nil {
		return &NotFoundError{Kind: "member"}
	}
	if !v.CanRemove(r, user, mm.Role) {
		return &AccessError{Op: "remove member", Msg: "the owner removes anyone else, a moderator members; anyone but the owner leaves"}
	}
	delete(m.lib.members[group], user)
	delete(m.lib.byUser[user], group)
	if len(m.lib.byUser[user]) == 0 {
		delete(m.lib.byUser, user)
	}
	return nil
}

// Members implements Library.
func (m *Memory) Members(ctx context.Context, v Viewer, group string) ([]*Member, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, _, err := m.seeGroup(v, group); err != nil {
		return nil, err
	}
	out := make([]*Member, 0, len(m.lib.members[group]))
	for _, mm := range m.lib.members[group] {
		c := *mm
		out = append(out, &c)
	}
	slices.SortFunc(out, func(a, b *Member) int { return strings.Compare(a.User, b.User) })
	return out, nil
}

func scopeOf(f *Folder) string {
	if f.Group != "" {
		return "g\x00" + f.Group
	}
	return "u\x00" + f.Owner
}

// siblings returns the list f's parent keeps f in, and a setter.
func (m *Memory) siblings(f *Folder) ([]*Folder, func([]*Folder)) {
	if f.Parent == "" {
		k := scopeOf(f)
		return m.lib.top[k], func(s []*Folder) { m.setList(m.lib.top, k, s) }
	}
	k := f.Parent
	return m.lib.sub[k], func(s []*Folder) { m.setList(m.lib.sub, k, s) }
}

func (m *Memory) setList(mp map[string][]*Folder, k string, s []*Folder) {
	for i, f := range s {
		f.Position = i
	}
	if len(s) == 0 {
		delete(mp, k)
	} else {
		mp[k] = s
	}
}

// seeFolder returns folder id and v's role in its group if v sees it.
func (m *Memory) seeFolder(v Viewer, id string) (*Folder, Role, error) {
	f := m.lib.folders[id]
	if f == nil {
		return nil, NoRole, folderNotFound()
	}
	r := m.lib.role(v.User, f.Group)
	if !v.CanSeeFolder(f, r) {
		return nil, NoRole, folderNotFound()
	}
	return f, r, nil
}

func depth(m *Memory, f *Folder) int {
	d := 1
	for p := f.Parent; p != ""; p = m.lib.folders[p].Parent {
		d++
	}
	return d
}

func height(m *Memory, f *Folder) int {
	h := 0
	for _, c := range m.lib.sub[f.ID] {
		h = max(h, height(m, c))
	}
	return h + 1
}

func clampPos(pos, n int) int {
	if pos < 0 || pos > n {
		return n
	}
	return pos
}

// CreateFolder implements Library.
func (m *Memory) CreateFolder(ctx context.Context, v Viewer, f Folder) (*Folder, error) {
	name, err := checkNew(ctx, v, "create folder", "only a logged-in reader keeps folders", f.Name, f.ID)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lib.init()
	if f.Group != "" {
		if _, _, err := m.seeGroup(v, f.Group); err != nil {
			return nil, err
		}
	}
	c := &Folder{ID: f.ID, Owner: v.User, Group: f.Group, Parent: f.Parent, Name: name}
	if f.Parent != "" {
		p, r, err := m.seeFolder(v, f.Parent)
		if err != nil {
			return nil, err
		}
		if !v.CanEditFolder(p, r) {
			return nil, &AccessError{Op: "create folder", Msg: "a folder is made in a folder the reader may edit"}
		}
		if p.Group != f.Group {
			return nil, &InputError{Field: "parent", Msg: "a subfolder is in its parent's group (or both personal)"}
		}
		if depth(m, p) >= MaxFolderDepth {
			return nil, &InputError{Field: "parent", Msg: "folders nest at most " + strconv.Itoa(MaxFolderDepth) + " deep"}
		}
	}
	if c.ID == "" {
		for c.ID == "" || m.lib.folders[c.ID] != nil {
			c.ID = NewID()
		}
	} else if m.lib.folders[c.ID] != nil {
		return nil, &ExistsError{Kind: "folder"}
	}
	c.Created = m.clock()
	c.Modified = c.Created
	m.lib.folders[c.ID] = c
	sib, set := m.siblings(c)
	set(append(slices.Clone(sib), c))
	out := *c
	return &out, nil
}

// Folder implements Library.
func (m *Memory) Folder(ctx context.Context, v Viewer, id string) (*Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	f, _, err := m.seeFolder(v, id)
	if err != nil {
		return nil, err
	}
	out := *f
	return &out, nil
}

// Folders implements Library.
func (m *Memory) Folders(ctx context.Context, v Viewer, group string) ([]*Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	k := "u\x00" + v.User
	if group != "" {
		if _, _, err := m.seeGroup(v, group); err != nil {
			return nil, err
		}
		k = "g\x00" + group
	}
	var out []*Folder
	var walk func([]*Folder)
	walk = func(fs []*Folder) {
		for _, f := range fs {
			c := *f
			out = append(out, &c)
			walk(m.lib.sub[f.ID])
		}
	}
	walk(m.lib.top[k])
	return out, nil
}

// RenameFolder implements Library.
func (m *Memory) RenameFolder(ctx context.Context, v Viewer, id, name string) (*Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name, err := CheckName(name)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	f, r, err := m.seeFolder(v, id)
	if err != nil {
		return nil, err
	}
	if !v.CanEditFolder(f, r) {
		return nil, &AccessError{Op: "rename folder", Msg: "not the reader's folder"}
	}
	f.Name = name
	f.Modified = m.clock()
	out := *f
	return &out, nil
}

// MoveFolder implements Library.
func (m *Memory) MoveFolder(ctx context.Context, v Viewer, id, parent string, position int) (*Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	f, r, err := m.seeFolder(v, id)
	if err != nil {
		return nil, err
	}
	if !v.CanEditFolder(f, r) {
		return nil, &AccessError{Op: "move folder", Msg: "not the reader's folder"}
	}
	if parent != "" {
		p, pr, err := m.seeFolder(v, parent)
		if err != nil {
			return nil, err
		}
		if !v.CanEditFolder(p, pr) {
			return nil, &AccessError{Op: "move folder", Msg: "a folder goes into a folder the reader may edit"}
		}
		if p.Group != f.Group || (p.Group == "" && p.Owner != f.Owner) {
			return nil, &InputError{Field: "parent", Msg: "a folder moves within its owner's or group's folders"}
		}
		for q := p; q != nil; q = m.lib.folders[q.Parent] {
			if q.ID == f.ID {
				return nil, &InputError{Field: "parent", Msg: "a folder cannot go into itself or its subfolders"}
			}
			if q.Parent == "" {
				break
			}
		}
		if depth(m, p)+height(m, f) > MaxFolderDepth {
			return nil, &InputError{Field: "parent", Msg: "folders nest at most " + strconv.Itoa(MaxFolderDepth) + " deep"}
		}
	}
	sib, set := m.siblings(f)
	sib = slices.DeleteFunc(slices.Clone(sib), func(x *Folder) bool { return x == f })
	set(sib)
	f.Parent = parent
	sib, set = m.siblings(f)
	set(slices.Insert(slices.Clone(sib), clampPos(position, len(sib)), f))
	f.Modified = m.clock()
	out := *f
	return &out, nil
}

// DeleteFolder implements Library.
func (m *Memory) DeleteFolder(ctx context.Context, v Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	f, r, err := m.seeFolder(v, id)
	if err != nil {
		return err
	}
	if !v.CanDeleteFolder(f, r) {
		return &AccessError{Op: "delete folder", Msg: "a group folder is deleted by its creator, a moderator or the owner"}
	}
	m.deleteFolder(f)
	return nil
}

// deleteFolder deletes f and its subfolders, their items going to the
// unfiled lists of who saved them.
func (m *Memory) deleteFolder(f *Folder) {
	for _, c := range slices.Clone(m.lib.sub[f.ID]) {
		m.deleteFolder(c)
	}
	for _, it := range m.lib.inFold[f.ID] {
		it.Folder = ""
		l := m.lib.unfiled[it.AddedBy]
		it.Position = len(l)
		m.lib.unfiled[it.AddedBy] = append(l, it)
	}
	delete(m.lib.inFold, f.ID)
	sib, set := m.siblings(f)
	set(slices.DeleteFunc(slices.Clone(sib), func(x *Folder) bool { return x == f }))
	delete(m.lib.folders, f.ID)
}

// itemList returns the list an item in folder (or unfiled of user) is in.
func (m *Memory) itemList(folder, user string) []*Item {
	if folder == "" {
		return m.lib.unfiled[user]
	}
	return m.lib.inFold[folder]
}

func (m *Memory) setItems(folder, user string, s []*Item) {
	for i, it := range s {
		it.Position = i
	}
	mp, k := m.lib.inFold, folder
	if folder == "" {
		mp, k = m.lib.unfiled, user
	}
	if len(s) == 0 {
		delete(mp, k)
	} else {
		mp[k] = s
	}
}

// editTarget checks that v may put items into folder ("" for v's unfiled
// list).
func (m *Memory) editTarget(v Viewer, folder string) error {
	if folder == "" {
		return nil
	}
	f, r, err := m.seeFolder(v, folder)
	if err != nil {
		return err
	}
	if !v.CanEditFolder(f, r) {
		return &AccessError{Op: "save", Msg: "items go into a folder the reader may edit"}
	}
	return nil
}

// seeItem returns item id if v (resolved) may see it.
func (m *Memory) seeItem(v Viewer, id string) (*Item, error) {
	it := m.lib.items[id]
	if it == nil || !m.itemVisible(v, it) {
		return nil, itemNotFound()
	}
	return it, nil
}

func (m *Memory) itemVisible(v Viewer, it *Item) bool {
	var f *Folder
	r := NoRole
	if it.Folder != "" {
		f = m.lib.folders[it.Folder]
		if f != nil {
			r = m.lib.role(v.User, f.Group)
		}
	}
	var a, p *Annotation
	if it.Annotation != "" {
		a = m.anns[it.Annotation]
		if a != nil {
			p = m.parent(a)
		}
	}
	return v.CanSeeItem(it, f, r, a, p)
}

// Save implements Library.
func (m *Memory) Save(ctx context.Context, v Viewer, it Item) (*Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &AccessError{Op: "save", Msg: "only a logged-in reader saves documents"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.lib.init()
	rv := m.resolve(v)
	if it.Annotation != "" {
		a, _, err := m.visible(rv, it.Annotation)
		if err != nil {
			return nil, err
		}
		if it.Document == "" {
			it.Document = a.Document
		}
		if it.Document != a.Document {
			return nil, &InputError{Field: "document", Msg: "a saved annotation is saved with its document"}
		}
	}
	it, err := CheckItem(it)
	if err != nil {
		return nil, err
	}
	if err := m.editTarget(rv, it.Folder); err != nil {
		return nil, err
	}
	c := &Item{Folder: it.Folder, AddedBy: v.User, Document: it.Document, Pages: it.Pages, Annotation: it.Annotation, Note: it.Note}
	for c.ID == "" || m.lib.items[c.ID] != nil {
		c.ID = NewID()
	}
	c.Created = m.clock()
	m.lib.items[c.ID] = c
	l := m.itemList(c.Folder, v.User)
	m.setItems(c.Folder, v.User, append(l, c))
	out := *c
	return &out, nil
}

// Item implements Library.
func (m *Memory) Item(ctx context.Context, v Viewer, id string) (*Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	it, err := m.seeItem(m.resolve(v), id)
	if err != nil {
		return nil, err
	}
	out := *it
	return &out, nil
}

// Items implements Library.
func (m *Memory) Items(ctx context.Context, v Viewer, q ItemQuery) (*ItemResults, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	after, err := ParseItemCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	res := &ItemResults{}
	if v.Anonymous() {
		if q.Folder != "" {
			return nil, folderNotFound()
		}
		return res, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	rv := m.resolve(v)
	if q.Folder != "" {
		if _, _, err := m.seeFolder(rv, q.Folder); err != nil {
			return nil, err
		}
	}
	l := m.itemList(q.Folder, v.User)
	for _, it := range l[min(after+1, len(l)):] {
		if !m.itemVisible(rv, it) {
			continue
		}
		if len(res.Items) == limit {
			res.Next = ItemCursor(res.Items[limit-1].Position)
			break
		}
		c := *it
		res.Items = append(res.Items, &c)
	}
	return res, nil
}

// MoveItem implements Library.
func (m *Memory) MoveItem(ctx context.Context, v Viewer, id, folder string, position int) (*Item, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	rv := m.resolve(v)
	it, err := m.seeItem(rv, id)
	if err != nil {
		return nil, err
	}
	if err := m.editTarget(rv, folder); err != nil {
		return nil, err
	}
	l := slices.DeleteFunc(slices.Clone(m.itemList(it.Folder, it.AddedBy)), func(x *Item) bool { return x == it })
	m.setItems(it.Folder, it.AddedBy, l)
	it.Folder = folder
	if folder == "" || m.lib.folders[folder].Group == "" {
		it.AddedBy = v.User // into v's own list or folder: now v's
	}
	l = slices.Clone(m.itemList(folder, v.User))
	m.setItems(folder, v.User, slices.Insert(l, clampPos(position, len(l)), it))
	out := *it
	return &out, nil
}

// Unsave implements Library.
func (m *Memory) Unsave(ctx context.Context, v Viewer, id string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	it, err := m.seeItem(m.resolve(v), id)
	if err != nil {
		return err
	}
	l := slices.DeleteFunc(slices.Clone(m.itemList(it.Folder, it.AddedBy)), func(x *Item) bool { return x == it })
	m.setItems(it.Folder, it.AddedBy, l)
	delete(m.lib.items, id)
	return nil
}
