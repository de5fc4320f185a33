package annotate

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// MemoryOptions configures a Memory store. The zero value uses the system
// clock.
type MemoryOptions struct {
	// Now is the clock that dates new annotations, changes, reports,
	// bookmarks and tags; nil means time.Now.
	Now func() time.Time
}

// Memory is the in-memory Store, safe for concurrent use. It keeps the
// annotations of each document in (Created, ID) order, so that a query
// starts at its cursor with a binary search.
type Memory struct {
	now func() time.Time

	mu        sync.RWMutex
	anns      map[string]*Annotation
	all       []*Annotation            // by (Created, ID)
	byDoc     map[string][]*Annotation // by (Created, ID)
	replies   map[string][]string      // parent ID → reply IDs
	reports   map[string]*Report
	repOrder  []*Report // by (Created, ID)
	bookmarks map[string]*Bookmark
	tags      map[string]*DocumentTag
	lib       libState // the Library's groups, folders and items
}

var _ Store = (*Memory)(nil)

// NewMemory returns an empty in-memory store.
func NewMemory(opts MemoryOptions) *Memory {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	return &Memory{
		now:       now,
		anns:      make(map[string]*Annotation),
		byDoc:     make(map[string][]*Annotation),
		replies:   make(map[string][]string),
		reports:   make(map[string]*Report),
		bookmarks: make(map[string]*Bookmark),
		tags:      make(map[string]*DocumentTag),
	}
}

// Close does nothing: the store lives as long as it is referenced.
func (m *Memory) Close() error { return nil }

func (m *Memory) clock() time.Time { return Timestamp(m.now()) }

func orderCmp(a, b *Annotation) int {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func insertOrdered(s []*Annotation, a *Annotation) []*Annotation {
	i, _ := slices.BinarySearchFunc(s, a, orderCmp)
	return slices.Insert(s, i, a)
}

func removeOrdered(s []*Annotation, a *Annotation) []*Annotation {
	i, found := slices.BinarySearchFunc(s, a, orderCmp)
	if found {
		s = slices.Delete(s, i, i+1)
	}
	return s
}

// parent returns the annotation a replies to, or nil.
func (m *Memory) parent(a *Annotation) *Annotation {
	if a.ReplyTo == "" {
		return nil
	}
	return m.anns[a.ReplyTo]
}

// visible returns the stored annotation id if v may see it.
func (m *Memory) visible(v Viewer, id string) (*Annotation, *Annotation, error) {
	a := m.anns[id]
	if a == nil {
		return nil, nil, &NotFoundError{Kind: "annotation"}
	}
	p := m.parent(a)
	if !v.CanSee(a, p) {
		return nil, nil, &NotFoundError{Kind: "annotation"}
	}
	return a, p, nil
}

// effective returns v with the groups the Store's rules count: for a
// group the library knows (created with the Library API), the store's
// membership, whether v claims it or not; for any other group, v's claim.
// It reads m.lib: call it with m.mu held.
func (m *Memory) effective(v Viewer) Viewer {
	if v.User == "" || len(m.lib.groups) == 0 {
		return v
	}
	mine := m.lib.byUser[v.User]
	gs := make([]string, 0, len(v.Groups)+len(mine))
	for _, g := range v.Groups {
		if m.lib.groups[g] == nil {
			gs = append(gs, g)
		}
	}
	for g := range mine {
		gs = append(gs, g)
	}
	v.Groups = gs
	return v
}

// Add implements Store.
func (m *Memory) Add(ctx context.Context, v Viewer, a *Annotation) (*Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &AccessError{Op: "add", Msg: "only a logged-in reader adds annotations"}
	}
	if a == nil {
		return nil, &InputError{Field: "annotation", Msg: "missing"}
	}
	c := a.Normalize()
	if c.Creator == "" {
		c.Creator = v.User
	}
	if c.Creator != v.User {
		return nil, &AccessError{Op: "add", Msg: "a reader adds annotations as their own creator"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v = m.effective(v)
	if c.ReplyTo != "" {
		p, pp, err := m.visible(v, c.ReplyTo)
		if err != nil {
			return nil, err
		}
		if !v.CanReply(p, pp) {
			return nil, &AccessError{Op: "reply", Msg: "replies answer an annotation that is not a reply and not hidden"}
		}
		if c.Document == "" {
			c.Document = p.Document
		}
		if c.Version == 0 {
			c.Version = p.Version
		}
		if c.Document != p.Document || c.Version != p.Version {
			return nil, &InputError{Field: "document", Msg: "a reply is on the document and version of the annotation it answers"}
		}
	}
	if c.Version == 0 {
		c.Version = maisky.Translation
	}
	c.Moderation = Unmoderated
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.Visibility == GroupOnly && !v.Member(c.Group) {
		return nil, &AccessError{Op: "add", Msg: "a reader shares annotations only with groups they belong to"}
	}
	if c.ID == "" {
		for c.ID == "" || m.anns[c.ID] != nil {
			c.ID = NewID()
		}
	} else if m.anns[c.ID] != nil {
		return nil, &ExistsError{Kind: "annotation"}
	}
	if c.Created.IsZero() {
		c.Created = m.clock()
	}
	if c.Modified.IsZero() || c.Modified.Before(c.Created) {
		c.Modified = c.Created
	}
	c.Revision = 1
	m.anns[c.ID] = c
	m.all = insertOrdered(m.all, c)
	m.byDoc[c.Document] = insertOrdered(m.byDoc[c.Document], c)
	if c.ReplyTo != "" {
		m.replies[c.ReplyTo] = append(m.replies[c.ReplyTo], c.ID)
	}
	return c.Clone(), nil
}

// Annotation implements Store.
func (m *Memory) Annotation(ctx context.Context, v Viewer, id string) (*Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	v = m.effective(v)
	a, _, err := m.visible(v, id)
	if err != nil {
		return nil, err
	}
	return a.Clone(), nil
}

// Update implements Store.
func (m *Memory) Update(ctx context.Context, v Viewer, a *Annotation) (*Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, &InputError{Field: "annotation", Msg: "missing"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v = m.effective(v)
	cur, p, err := m.visible(v, a.ID)
	if err != nil {
		return nil, err
	}
	if !v.CanEdit(cur, p) {
		return nil, &AccessError{Op: "update", Msg: "only its creator edits an annotation"}
	}
	if a.Revision != cur.Revision {
		return nil, &ConflictError{Given: a.Revision, Current: cur.Revision}
	}
	in := a.Normalize()
	c := cur.Clone()
	c.Body, c.Tags, c.Motivation, c.Target = in.Body, in.Tags, in.Motivation, in.Target
	c.Visibility, c.Group = in.Visibility, in.Group
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if c.Visibility == GroupOnly && (cur.Visibility != GroupOnly || cur.Group != c.Group) && !v.Member(c.Group) {
		return nil, &AccessError{Op: "update", Msg: "a reader shares annotations only with groups they belong to"}
	}
	c.Modified = m.clock()
	if c.Modified.Before(c.Created) {
		c.Modified = c.Created
	}
	c.Revision++
	m.replace(cur, c)
	return c.Clone(), nil
}

// replace puts c in the place of cur (same ID and Created).
func (m *Memory) replace(cur, c *Annotation) {
	m.anns[c.ID] = c
	if i, ok := slices.BinarySearchFunc(m.all, cur, orderCmp); ok {
		m.all[i] = c
	}
	d := m.byDoc[c.Document]
	if i, ok := slices.BinarySearchFunc(d, cur, orderCmp); ok {
		d[i] = c
	}
}

// Delete implements Store.
func (m *Memory) Delete(ctx context.Context, v Viewer, id string, revision int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v = m.effective(v)
	cur, p, err := m.visible(v, id)
	if err != nil {
		return err
	}
	if !v.CanDelete(cur, p) {
		return &AccessError{Op: "delete", Msg: "an annotation is deleted by its creator or a moderator"}
	}
	if revision != 0 && revision != cur.Revision {
		return &ConflictError{Given: revision, Current: cur.Revision}
	}
	for _, r := range m.replies[id] {
		if ra := m.anns[r]; ra != nil {
			m.remove(ra)
		}
	}
	delete(m.replies, id)
	if cur.ReplyTo != "" {
		rs := m.replies[cur.ReplyTo]
		if i := slices.Index(rs, id); i >= 0 {
			m.replies[cur.ReplyTo] = slices.Delete(rs, i, i+1)
		}
	}
	m.remove(cur)
	return nil
}

func (m *Memory) remove(a *Annotation) {
	delete(m.anns, a.ID)
	m.all = removeOrdered(m.all, a)
	d := removeOrdered(m.byDoc[a.Document], a)
	if len(d) == 0 {
		delete(m.byDoc, a.Document)
	} else {
		m.byDoc[a.Document] = d
	}
	m.repOrder = slices.DeleteFunc(m.repOrder, func(r *Report) bool {
		if r.Annotation == a.ID {
			delete(m.reports, r.ID)
			return true
		}
		return false
	})
}

func matches(q *Query, tag string, a *Annotation) bool {
	if q.Version != 0 && a.Version != q.Version {
		return false
	}
	if q.Creator != "" && a.Creator != q.Creator {
		return false
	}
	if q.ReplyTo != "" && a.ReplyTo != q.ReplyTo {
		return false
	}
	if q.TopLevel && a.ReplyTo != "" {
		return false
	}
	if q.Page != 0 && (a.Target.Pages == maisky.PageRange{} || !a.Target.Pages.Contains(q.Page)) {
		return false
	}
	if tag != "" && !slices.Contains(a.Tags, tag) {
		return false
	}
	return true
}

func (m *Memory) candidates(q *Query) []*Annotation {
	if q.Document != "" {
		return m.byDoc[q.Document]
	}
	return m.all
}

// Query implements Store.
func (m *Memory) Query(ctx context.Context, q Query) (*Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cur, err := ParseCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	tag := NormalizeTag(q.Tag)
	m.mu.RLock()
	defer m.mu.RUnlock()
	q.Viewer = m.effective(q.Viewer)
	s := m.candidates(&q)
	start := 0
	if q.Cursor != "" {
		start, _ = slices.BinarySearchFunc(s, cur, func(a *Annotation, c Cursor) int {
			if c.After(a.Created, a.ID) {
				return 1
			}
			return -1
		})
	}
	res := &Results{}
	for _, a := range s[start:] {
		if !matches(&q, tag, a) || !q.Viewer.CanSee(a, m.parent(a)) {
			continue
		}
		if len(res.Annotations) == limit {
			last := res.Annotations[limit-1]
			res.Next = Cursor{Created: last.Created, ID: last.ID}.String()
			break
		}
		res.Annotations = append(res.Annotations, a.Clone())
	}
	return res, nil
}

// Count implements Store.
func (m *Memory) Count(ctx context.Context, q Query) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	tag := NormalizeTag(q.Tag)
	m.mu.RLock()
	defer m.mu.RUnlock()
	q.Viewer = m.effective(q.Viewer)
	n := 0
	for _, a := range m.candidates(&q) {
		if matches(&q, tag, a) && q.Viewer.CanSee(a, m.parent(a)) {
			n++
		}
	}
	return n, nil
}

// Report implements Store.
func (m *Memory) Report(ctx context.Context, v Viewer, annotation, reason string) (*Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	reason, err := checkReason(reason)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v = m.effective(v)
	a, p, err := m.visible(v, annotation)
	if err != nil {
		return nil, err
	}
	if !v.CanReport(a, p) {
		return nil, &AccessError{Op: "report", Msg: "only a logged-in reader reports an annotation"}
	}
	for _, r := range m.repOrder {
		if r.Annotation == a.ID && r.Reporter == v.User && r.Status == Pending {
			return nil, &ExistsError{Kind: "report"}
		}
	}
	r := &Report{ID: NewID(), Annotation: a.ID, Reporter: v.User, Reason: reason, Created: m.clock(), Status: Pending}
	for m.reports[r.ID] != nil {
		r.ID = NewID()
	}
	m.reports[r.ID] = r
	i, _ := slices.BinarySearchFunc(m.repOrder, r, reportCmp)
	m.repOrder = slices.Insert(m.repOrder, i, r)
	if a.Moderation == Unmoderated || a.Moderation == Approved {
		c := a.Clone()
		c.Moderation = Pending
		c.Revision++
		m.replace(a, c)
	}
	out := *r
	return &out, nil
}

// CheckReason returns a report's reason as stores keep it (NFC, trimmed),
// or an *InputError when it is empty or too long.
func CheckReason(reason string) (string, error) { return checkReason(reason) }

func checkReason(reason string) (string, error) {
	r := strings.TrimSpace(reason)
	switch {
	case len(r) > MaxText:
		return "", &InputError{Field: "reason", Msg: "longer than " + strconv.Itoa(MaxText) + " bytes"}
	case !validUTF8(r):
		return "", &InputError{Field: "reason", Msg: "not UTF-8"}
	case r == "":
		return "", &InputError{Field: "reason", Msg: "a report needs the text of the complaint"}
	}
	return NormalizeTag(r), nil
}

func reportCmp(a, b *Report) int {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Reports implements Store.
func (m *Memory) Reports(ctx context.Context, v Viewer, q ReportQuery) (*ReportResults, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cur, err := ParseCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	res := &ReportResults{}
	if v.Anonymous() {
		return res, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	v = m.effective(v)
	for _, r := range m.repOrder {
		if q.Cursor != "" && !cur.After(r.Created, r.ID) {
			continue
		}
		if q.Annotation != "" && r.Annotation != q.Annotation {
			continue
		}
		if q.Status != Unmoderated && r.Status != q.Status {
			continue
		}
		a := m.anns[r.Annotation]
		if a == nil || !v.CanSeeReport(r, a, m.parent(a)) {
			continue
		}
		if len(res.Reports) == limit {
			last := res.Reports[limit-1]
			res.Next = Cursor{Created: last.Created, ID: last.ID}.String()
			break
		}
		c := *r
		res.Reports = append(res.Reports, &c)
	}
	return res, nil
}

// Moderate implements Store.
func (m *Memory) Moderate(ctx context.Context, v Viewer, annotation string, decision Moderation, revision int64) (*Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if decision != Approved && decision != Hidden && decision != Spam {
		return nil, &InputError{Field: "decision", Msg: "a moderator decides approved, hidden or spam"}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v = m.effective(v)
	a, p, err := m.visible(v, annotation)
	if err != nil {
		return nil, err
	}
	if !v.CanModerate(a, p) {
		return nil, &AccessError{Op: "moderate", Msg: "only a moderator decides on reports"}
	}
	if revision != 0 && revision != a.Revision {
		return nil, &ConflictError{Given: revision, Current: a.Revision}
	}
	now := m.clock()
	for _, r := range m.repOrder {
		if r.Annotation == a.ID && r.Status == Pending {
			r.Status, r.Resolved, r.ResolvedBy = decision, now, v.User
		}
	}
	c := a.Clone()
	c.Moderation = decision
	c.Revision++
	m.replace(a, c)
	return c.Clone(), nil
}

func bookmarkKey(owner, doc string, page int) string {
	return owner + "\x00" + doc + "\x00" + strconv.Itoa(page)
}

// CheckBookmark returns b as stores keep it, or an *InputError.
func CheckBookmark(b Bookmark) (Bookmark, error) {
	if err := checkField("document", b.Document, true); err != nil {
		return b, err
	}
	if b.Page < 0 {
		return b, &InputError{Field: "page", Msg: "a print page is a positive number (0 for the whole document)"}
	}
	b.Note = NormalizeTag(b.Note)
	if err := checkField("note", b.Note, false); err != nil {
		return b, err
	}
	b.Created = Timestamp(b.Created)
	return b, nil
}

// AddBookmark implements Store.
func (m *Memory) AddBookmark(ctx context.Context, v Viewer, b Bookmark) (*Bookmark, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &AccessError{Op: "bookmark", Msg: "only a logged-in reader keeps bookmarks"}
	}
	b, err := CheckBookmark(b)
	if err != nil {
		return nil, err
	}
	b.Owner = v.User
	m.mu.Lock()
	defer m.mu.Unlock()
	k := bookmarkKey(b.Owner, b.Document, b.Page)
	if m.bookmarks[k] != nil {
		return nil, &ExistsError{Kind: "bookmark"}
	}
	if b.Created.IsZero() {
		b.Created = m.clock()
	}
	m.bookmarks[k] = &b
	out := b
	return &out, nil
}

// DeleteBookmark implements Store.
func (m *Memory) DeleteBookmark(ctx context.Context, v Viewer, document string, page int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	k := bookmarkKey(v.User, document, page)
	if v.Anonymous() || m.bookmarks[k] == nil {
		return &NotFoundError{Kind: "bookmark"}
	}
	delete(m.bookmarks, k)
	return nil
}

// Bookmarks implements Store.
func (m *Memory) Bookmarks(ctx context.Context, v Viewer, document string) ([]*Bookmark, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	m.mu.RLock()
	out := copiesOf(m.bookmarks, func(b *Bookmark) bool { return v.Owns(b.Owner) && (document == "" || b.Document == document) })
	m.mu.RUnlock()
	slices.SortFunc(out, func(a, b *Bookmark) int {
		return cmp.Or(strings.Compare(a.Document, b.Document), cmp.Compare(a.Page, b.Page))
	})
	return out, nil
}

// CheckTag returns a tag as stores keep it (NormalizeTag), or an
// *InputError when it is empty or too long.
func CheckTag(tag string) (string, error) {
	t := NormalizeTag(tag)
	if err := checkField("tag", t, true); err != nil {
		return "", err
	}
	return t, nil
}

// TagDocument implements Store.
func (m *Memory) TagDocument(ctx context.Context, v Viewer, document, tag string) (*DocumentTag, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &AccessError{Op: "tag", Msg: "only a logged-in reader tags documents"}
	}
	if err := checkField("document", document, true); err != nil {
		return nil, err
	}
	t, err := CheckTag(tag)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	k := v.User + "\x00" + document + "\x00" + t
	if m.tags[k] != nil {
		return nil, &ExistsError{Kind: "tag"}
	}
	dt := &DocumentTag{Owner: v.User, Document: document, Tag: t, Created: m.clock()}
	m.tags[k] = dt
	out := *dt
	return &out, nil
}

// UntagDocument implements Store.
func (m *Memory) UntagDocument(ctx context.Context, v Viewer, document, tag string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	k := v.User + "\x00" + document + "\x00" + NormalizeTag(tag)
	if v.Anonymous() || m.tags[k] == nil {
		return &NotFoundError{Kind: "tag"}
	}
	delete(m.tags, k)
	return nil
}

// DocumentTags implements Store.
func (m *Memory) DocumentTags(ctx context.Context, v Viewer, document string) ([]*DocumentTag, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	m.mu.RLock()
	out := copiesOf(m.tags, func(t *DocumentTag) bool { return v.Owns(t.Owner) && (document == "" || t.Document == document) })
	m.mu.RUnlock()
	slices.SortFunc(out, func(a, b *DocumentTag) int {
		return cmp.Or(strings.Compare(a.Document, b.Document), strings.Compare(a.Tag, b.Tag))
	})
	return out, nil
}

// Import stores a as it is, keeping its creator, dates, moderation state
// and revision (1 when zero): the loading of trusted data, such as a file
// that ReadJSONLD read or a backup, without any access check. It assigns
// an ID when a.ID is empty and sets missing dates from the clock. It
// returns an *InputError when a does not Validate, ErrExists for a taken
// ID, and ErrNotFound for a reply whose parent is not there (import
// parents first).
func (m *Memory) Import(ctx context.Context, a *Annotation) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if a == nil {
		return &InputError{Field: "annotation", Msg: "missing"}
	}
	c := a.Normalize()
	if c.Version == 0 {
		c.Version = maisky.Translation
	}
	if err := c.Validate(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c.ReplyTo != "" {
		p := m.anns[c.ReplyTo]
		if p == nil {
			return &NotFoundError{Kind: "annotation"}
		}
		if p.ReplyTo != "" || p.Document != c.Document {
			return &InputError{Field: "replyTo", Msg: "a reply answers an annotation on its document that is not a reply"}
		}
	}
	if c.ID == "" {
		for c.ID == "" || m.anns[c.ID] != nil {
			c.ID = NewID()
		}
	} else if m.anns[c.ID] != nil {
		return &ExistsError{Kind: "annotation"}
	}
	if c.Created.IsZero() {
		c.Created = m.clock()
	}
	if c.Modified.IsZero() || c.Modified.Before(c.Created) {
		c.Modified = c.Created
	}
	if c.Revision <= 0 {
		c.Revision = 1
	}
	m.anns[c.ID] = c
	m.all = insertOrdered(m.all, c)
	m.byDoc[c.Document] = insertOrdered(m.byDoc[c.Document], c)
	if c.ReplyTo != "" {
		m.replies[c.ReplyTo] = append(m.replies[c.ReplyTo], c.ID)
	}
	return nil
}

// copiesOf returns copies of the values of items that keep accepts, in no
// particular order (callers sort).
func copiesOf[K comparable, T any](items map[K]*T, keep func(*T) bool) []*T {
	var out []*T
	for _, x := range items {
		if keep(x) {
			c := *x
			out = append(out, &c)
		}
	}
	return out
}
