package sqlstore

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// Store is the SQL annotate.Store.
type Store struct {
	DB      DB
	Dialect *Dialect
	Now     func() time.Time
}

var _ annotate.Store = (*Store)(nil)

func (s *Store) clock() time.Time {
	if s.Now == nil {
		return annotate.Timestamp(time.Now())
	}
	return annotate.Timestamp(s.Now())
}

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }

func micro(t time.Time) int64 { return t.UnixMicro() }

func fromMicro(us int64) time.Time { return time.UnixMicro(us).UTC() }

// wrap turns a driver error into a *DBError; annotate's errors and nil
// pass through.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var (
		ie *annotate.InputError
		ae *annotate.AccessError
		ce *annotate.ConflictError
		ne *annotate.NotFoundError
		ee *annotate.ExistsError
		de *DBError
	)
	if errors.As(err, &ie) || errors.As(err, &ae) || errors.As(err, &ce) || errors.As(err, &ne) || errors.As(err, &ee) || errors.As(err, &de) {
		return err
	}
	return &DBError{Op: op, Err: err}
}

// args collects the arguments of a statement and names their
// placeholders.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// Moderation values stored (annotate.Moderation numbers).
const concealedSQL = "(3, 4)"

// visibleOwn returns the SQL condition that annotation alias x is seen by
// v by its own fields (annotate.Viewer.Sees), group membership decided as
// annotate.Store documents: by the library's membership table for a group
// the library knows, by v.Groups for any other.
func visibleOwn(x string, v annotate.Viewer, a *args) string {
	if v.Anonymous() {
		return "(" + x + ".visibility = 2 AND " + x + ".moderation NOT IN " + concealedSQL + ")"
	}
	var b strings.Builder
	b.WriteString("(" + x + ".creator = " + a.add(v.User) + " OR ((" + x + ".visibility = 2")
	// A group the library knows (library_groups) is decided by its
	// membership (library_members); a group it does not know, by the
	// groups v claims.
	b.WriteString(" OR (" + x + ".visibility = 1 AND (EXISTS (SELECT 1 FROM library_members lm WHERE lm.grp = " + x + ".grp AND lm.usr = " + a.add(v.User) + ")")
	var groups []string
	for _, g := range v.Groups {
		if g != "" {
			groups = append(groups, a.add(g))
		}
	}
	if len(groups) > 0 {
		b.WriteString(" OR (" + x + ".grp IN (" + strings.Join(groups, ", ") + ") AND NOT EXISTS (SELECT 1 FROM library_groups lg WHERE lg.id = " + x + ".grp))")
	}
	b.WriteString(")))")
	if !v.IsModerator() {
		b.WriteString(" AND " + x + ".moderation NOT IN " + concealedSQL)
	}
	b.WriteString("))")
	return b.String()
}

// visible returns the SQL condition that annotation alias x may be seen by
// v (annotate.Viewer.CanSee): it sees x, and the annotation x replies to.
func visible(x string, v annotate.Viewer, a *args) string {
	return "(" + visibleOwn(x, v, a) + " AND (" + x + ".reply_to IS NULL OR EXISTS (SELECT 1 FROM annotations p WHERE p.id = " + x + ".reply_to AND " + visibleOwn("p", v, a) + ")))"
}

const columns = "a.id, a.document, a.version, a.creator, a.created, a.modified, a.motivation, a.body, a.tags, a.quote_exact, a.quote_prefix, a.quote_suffix, a.start_pos, a.end_pos, a.page_first, a.page_last, a.orphaned, COALESCE(a.reply_to, ''), a.visibility, a.grp, a.moderation, a.revision"

func scanAnnotation(r Rows) (*annotate.Annotation, error) {
	var (
		a                            annotate.Annotation
		version, motivation          int64
		visibility, moderation       int64
		created, modified            int64
		body, exact, prefix, suffix  []byte
		tags                         string
		start, end, first, last, orp int64
	)
	if err := r.Scan(&a.ID, &a.Document, &version, &a.Creator, &created, &modified, &motivation, &body, &tags,
		&exact, &prefix, &suffix, &start, &end, &first, &last, &orp, &a.ReplyTo, &visibility, &a.Group, &moderation, &a.Revision); err != nil {
		return nil, err
	}
	a.Version = maisky.VersionKind(version)
	a.Motivation = annotate.Motivation(motivation)
	a.Visibility = annotate.Visibility(visibility)
	a.Moderation = annotate.Moderation(moderation)
	a.Created, a.Modified = fromMicro(created), fromMicro(modified)
	a.Body = string(body)
	if tags != "" && tags != "[]" {
		if err := json.Unmarshal([]byte(tags), &a.Tags); err != nil {
			return nil, &NotStoreError{Msg: "annotation " + strconv.Quote(a.ID) + " has malformed tags", Err: err}
		}
	}
	a.Target = annotate.Target{
		Quote: annotate.Quote{Exact: string(exact), Prefix: string(prefix), Suffix: string(suffix)},
		Start: int(start), End: int(end),
		Pages:    maisky.PageRange{First: int(first), Last: int(last)},
		Orphaned: orp != 0,
	}
	return &a, nil
}

// queryAnnotations runs a statement that selects columns.
func queryAnnotations(ctx context.Context, c Conn, sql string, a args) ([]*annotate.Annotation, error) {
	rows, err := c.Query(ctx, sql, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*annotate.Annotation
	for rows.Next() {
		x, err := scanAnnotation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// load returns annotation id if v may see it, with the annotation it
// replies to, reading both through the visibility condition.
func (s *Store) load(ctx context.Context, c Conn, v annotate.Viewer, id string, lock bool) (*annotate.Annotation, *annotate.Annotation, error) {
	var a args
	q := "SELECT " + columns + " FROM annotations a WHERE a.id = " + a.add(id) + " AND " + visible("a", v, &a)
	if lock {
		q += s.Dialect.LockRow
	}
	as, err := queryAnnotations(ctx, c, q, a)
	if err != nil {
		return nil, nil, err
	}
	if len(as) == 0 {
		return nil, nil, &annotate.NotFoundError{Kind: "annotation"}
	}
	x := as[0]
	if x.ReplyTo == "" {
		return x, nil, nil
	}
	var pa args
	ps, err := queryAnnotations(ctx, c, "SELECT "+columns+" FROM annotations a WHERE a.id = "+pa.add(x.ReplyTo)+" AND "+visibleOwn("a", v, &pa), pa)
	if err != nil {
		return nil, nil, err
	}
	if len(ps) == 0 {
		return nil, nil, &annotate.NotFoundError{Kind: "annotation"}
	}
	return x, ps[0], nil
}

func tagsJSON(t []string) string {
	if len(t) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(t) // strings always marshal
	return string(b)
}

func orInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (s *Store) notify(ctx context.Context, c Conn, ids ...string) error {
	if s.Dialect.Notify == "" {
		return nil
	}
	for _, id := range ids {
		var a args
		rows, err := c.Query(ctx, "SELECT pg_notify("+a.add(s.Dialect.Notify)+", "+a.add(id)+")", a...)
		if err != nil {
			return err
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// insert writes a new annotation; false if its ID is taken.
func (s *Store) insert(ctx context.Context, c Conn, x *annotate.Annotation) (bool, error) {
	var a args
	var reply any
	if x.ReplyTo != "" {
		reply = x.ReplyTo
	}
	q := "INSERT INTO annotations (id, document, version, creator, created, modified, motivation, body, tags, quote_exact, quote_prefix, quote_suffix, start_pos, end_pos, page_first, page_last, orphaned, reply_to, visibility, grp, moderation, revision) VALUES (" +
		strings.Join([]string{a.add(x.ID), a.add(x.Document), a.add(int64(x.Version)), a.add(x.Creator), a.add(micro(x.Created)), a.add(micro(x.Modified)),
			a.add(int64(x.Motivation)), a.add([]byte(x.Body)), a.add(tagsJSON(x.Tags)), a.add([]byte(x.Target.Quote.Exact)), a.add([]byte(x.Target.Quote.Prefix)), a.add([]byte(x.Target.Quote.Suffix)),
			a.add(int64(x.Target.Start)), a.add(int64(x.Target.End)), a.add(int64(x.Target.Pages.First)), a.add(int64(x.Target.Pages.Last)), a.add(orInt(x.Target.Orphaned)),
			a.add(reply), a.add(int64(x.Visibility)), a.add(x.Group), a.add(int64(x.Moderation)), a.add(x.Revision)}, ", ") +
		") ON CONFLICT (id) DO NOTHING"
	n, err := c.Exec(ctx, q, a...)
	if err != nil {
		return false, err
	}
	if n == 0 {
		return false, nil
	}
	return true, s.insertTags(ctx, c, x)
}

func (s *Store) insertTags(ctx context.Context, c Conn, x *annotate.Annotation) error {
	for _, t := range x.Tags {
		var a args
		if _, err := c.Exec(ctx, "INSERT INTO annotation_tags (annotation_id, tag) VALUES ("+a.add(x.ID)+", "+a.add(t)+")", a...); err != nil {
			return err
		}
	}
	return nil
}

// Add implements annotate.Store.
func (s *Store) Add(ctx context.Context, v annotate.Viewer, in *annotate.Annotation) (*annotate.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "add", Msg: "only a logged-in reader adds annotations"}
	}
	if in == nil {
		return nil, &annotate.InputError{Field: "annotation", Msg: "missing"}
	}
	c := in.Normalize()
	if c.Creator == "" {
		c.Creator = v.User
	}
	if c.Creator != v.User {
		return nil, &annotate.AccessError{Op: "add", Msg: "a reader adds annotations as their own creator"}
	}
	var out *annotate.Annotation
	err := s.DB.Tx(ctx, func(tx Conn) error {
		v, err := s.effective(ctx, tx, v)
		if err != nil {
			return err
		}
		x := c.Clone()
		if x.ReplyTo != "" {
			p, pp, err := s.load(ctx, tx, v, x.ReplyTo, false)
			if err != nil {
				return err
			}
			if !v.CanReply(p, pp) {
				return &annotate.AccessError{Op: "reply", Msg: "replies answer an annotation that is not a reply and not hidden"}
			}
			if x.Document == "" {
				x.Document = p.Document
			}
			if x.Version == 0 {
				x.Version = p.Version
			}
			if x.Document != p.Document || x.Version != p.Version {
				return &annotate.InputError{Field: "document", Msg: "a reply is on the document and version of the annotation it answers"}
			}
		}
		if x.Version == 0 {
			x.Version = maisky.Translation
		}
		x.Moderation = annotate.Unmoderated
		if err := x.Validate(); err != nil {
			return err
		}
		if x.Visibility == annotate.GroupOnly && !v.Member(x.Group) {
			return &annotate.AccessError{Op: "add", Msg: "a reader shares annotations only with groups they belong to"}
		}
		assign := x.ID == ""
		if assign {
			x.ID = annotate.NewID()
		}
		if x.Created.IsZero() {
			x.Created = s.clock()
		}
		if x.Modified.IsZero() || x.Modified.Before(x.Created) {
			x.Modified = x.Created
		}
		x.Revision = 1
		for {
			ok, err := s.insert(ctx, tx, x)
			if err != nil {
				return err
			}
			if ok {
				break
			}
			if !assign {
				return &annotate.ExistsError{Kind: "annotation"}
			}
			x.ID = annotate.NewID()
		}
		out = x
		return s.notify(ctx, tx, x.ID)
	})
	if err != nil {
		return nil, wrap("add", err)
	}
	return out, nil
}

// Import stores one trusted annotation as it is (annotate.Importer).
func (s *Store) Import(ctx context.Context, a *annotate.Annotation) error {
	return s.ImportAll(ctx, []*annotate.Annotation{a})
}

// ImportAll stores trusted annotations as they are, in one transaction,
// like annotate.Memory.Import: creators, dates, moderation states and
// revisions (1 when zero) are kept, IDs assigned where empty, and no
// access is checked. A reply's parent must be stored before it (earlier
// in as, or already). Errors: *annotate.InputError, ErrExists, ErrNotFound
// (a missing parent); nothing is stored then.
func (s *Store) ImportAll(ctx context.Context, as []*annotate.Annotation) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	cs := make([]*annotate.Annotation, len(as))
	for i, in := range as {
		if in == nil {
			return &annotate.InputError{Field: "annotation", Msg: "missing"}
		}
		c := in.Normalize()
		if c.Version == 0 {
			c.Version = maisky.Translation
		}
		if err := c.Validate(); err != nil {
			return err
		}
		cs[i] = c
	}
	err := s.DB.Tx(ctx, func(tx Conn) error {
		ids := make([]string, 0, len(cs))
		for _, in := range cs {
			c := in.Clone()
			if c.ReplyTo != "" {
				var a args
				rows, err := tx.Query(ctx, "SELECT document, COALESCE(reply_to, '') FROM annotations WHERE id = "+a.add(c.ReplyTo), a...)
				if err != nil {
					return err
				}
				var doc, pr string
				found := rows.Next()
				if found {
					err = rows.Scan(&doc, &pr)
				}
				rows.Close()
				if err == nil {
					err = rows.Err()
				}
				if err != nil {
					return err
				}
				if !found {
					return &annotate.NotFoundError{Kind: "annotation"}
				}
				if pr != "" || doc != c.Document {
					return &annotate.InputError{Field: "replyTo", Msg: "a reply answers an annotation on its document that is not a reply"}
				}
			}
			assign := c.ID == ""
			if assign {
				c.ID = annotate.NewID()
			}
			if c.Created.IsZero() {
				c.Created = s.clock()
			}
			if c.Modified.IsZero() || c.Modified.Before(c.Created) {
				c.Modified = c.Created
			}
			if c.Revision <= 0 {
				c.Revision = 1
			}
			for {
				ok, err := s.insert(ctx, tx, c)
				if err != nil {
					return err
				}
				if ok {
					break
				}
				if !assign {
					return &annotate.ExistsError{Kind: "annotation"}
				}
				c.ID = annotate.NewID()
			}
			ids = append(ids, c.ID)
		}
		if len(ids) > 100 {
			ids = []string{"*"} // too many to name: drop everything
		}
		return s.notify(ctx, tx, ids...)
	})
	return wrap("import", err)
}

// Annotation implements annotate.Store.
func (s *Store) Annotation(ctx context.Context, v annotate.Viewer, id string) (*annotate.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a, _, err := s.load(ctx, s.DB, v, id, false)
	if err != nil {
		return nil, wrap("annotation", err)
	}
	return a, nil
}

// Update implements annotate.Store.
func (s *Store) Update(ctx context.Context, v annotate.Viewer, in *annotate.Annotation) (*annotate.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if in == nil {
		return nil, &annotate.InputError{Field: "annotation", Msg: "missing"}
	}
	norm := in.Normalize()
	var out *annotate.Annotation
	err := s.DB.Tx(ctx, func(tx Conn) error {
		v, err := s.effective(ctx, tx, v)
		if err != nil {
			return err
		}
		cur, p, err := s.load(ctx, tx, v, in.ID, true)
		if err != nil {
			return err
		}
		if !v.CanEdit(cur, p) {
			return &annotate.AccessError{Op: "update", Msg: "only its creator edits an annotation"}
		}
		if in.Revision != cur.Revision {
			return &annotate.ConflictError{Given: in.Revision, Current: cur.Revision}
		}
		c := cur.Clone()
		c.Body, c.Tags, c.Motivation, c.Target = norm.Body, norm.Tags, norm.Motivation, norm.Target
		c.Visibility, c.Group = norm.Visibility, norm.Group
		if err := c.Validate(); err != nil {
			return err
		}
		if c.Visibility == annotate.GroupOnly && (cur.Visibility != annotate.GroupOnly || cur.Group != c.Group) && !v.Member(c.Group) {
			return &annotate.AccessError{Op: "update", Msg: "a reader shares annotations only with groups they belong to"}
		}
		c.Modified = s.clock()
		if c.Modified.Before(c.Created) {
			c.Modified = c.Created
		}
		c.Revision++
		var a args
		q := "UPDATE annotations SET body = " + a.add([]byte(c.Body)) + ", tags = " + a.add(tagsJSON(c.Tags)) +
			", motivation = " + a.add(int64(c.Motivation)) + ", quote_exact = " + a.add([]byte(c.Target.Quote.Exact)) +
			", quote_prefix = " + a.add([]byte(c.Target.Quote.Prefix)) + ", quote_suffix = " + a.add([]byte(c.Target.Quote.Suffix)) +
			", start_pos = " + a.add(int64(c.Target.Start)) + ", end_pos = " + a.add(int64(c.Target.End)) +
			", page_first = " + a.add(int64(c.Target.Pages.First)) + ", page_last = " + a.add(int64(c.Target.Pages.Last)) +
			", orphaned = " + a.add(orInt(c.Target.Orphaned)) + ", visibility = " + a.add(int64(c.Visibility)) + ", grp = " + a.add(c.Group) +
			", modified = " + a.add(micro(c.Modified)) + ", revision = " + a.add(c.Revision) +
			" WHERE id = " + a.add(c.ID) + " AND revision = " + a.add(cur.Revision)
		n, err := tx.Exec(ctx, q, a...)
		if err != nil {
			return err
		}
		if n != 1 {
			return &annotate.ConflictError{Given: in.Revision, Current: cur.Revision + 1}
		}
		var d args
		if _, err := tx.Exec(ctx, "DELETE FROM annotation_tags WHERE annotation_id = "+d.add(c.ID), d...); err != nil {
			return err
		}
		if err := s.insertTags(ctx, tx, c); err != nil {
			return err
		}
		out = c
		return s.notify(ctx, tx, c.ID)
	})
	if err != nil {
		return nil, wrap("update", err)
	}
	return out, nil
}

// Delete implements annotate.Store.
func (s *Store) Delete(ctx context.Context, v annotate.Viewer, id string, revision int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	err := s.DB.Tx(ctx, func(tx Conn) error {
		v, err := s.effective(ctx, tx, v)
		if err != nil {
			return err
		}
		cur, p, err := s.load(ctx, tx, v, id, true)
		if err != nil {
			return err
		}
		if !v.CanDelete(cur, p) {
			return &annotate.AccessError{Op: "delete", Msg: "an annotation is deleted by its creator or a moderator"}
		}
		if revision != 0 && revision != cur.Revision {
			return &annotate.ConflictError{Given: revision, Current: cur.Revision}
		}
		// Replies, their tags and reports, and this one's, go by cascade;
		// deleting them first keeps the order of locks one way.
		var a args
		if _, err := tx.Exec(ctx, "DELETE FROM annotations WHERE reply_to = "+a.add(cur.ID), a...); err != nil {
			return err
		}
		var b args
		q := "DELETE FROM annotations WHERE id = " + b.add(cur.ID)
		if revision != 0 {
			q += " AND revision = " + b.add(revision)
		}
		n, err := tx.Exec(ctx, q, b...)
		if err != nil {
			return err
		}
		if n != 1 {
			return &annotate.ConflictError{Given: revision, Current: cur.Revision + 1}
		}
		return s.notify(ctx, tx, cur.ID)
	})
	return wrap("delete", err)
}

// where builds the conditions of q.
func where(q *annotate.Query, a *args) (string, error) {
	conds := []string{visible("a", q.Viewer, a)}
	if q.Document != "" {
		conds = append(conds, "a.document = "+a.add(q.Document))
	}
	if q.Version != 0 {
		conds = append(conds, "a.version = "+a.add(int64(q.Version)))
	}
	if q.Creator != "" {
		conds = append(conds, "a.creator = "+a.add(q.Creator))
	}
	if q.ReplyTo != "" {
		conds = append(conds, "a.reply_to = "+a.add(q.ReplyTo))
	}
	if q.TopLevel {
		conds = append(conds, "a.reply_to IS NULL")
	}
	if q.Page != 0 {
		p := a.add(int64(q.Page))
		conds = append(conds, "a.page_first > 0 AND a.page_first <= "+p+" AND a.page_last >= "+p)
	}
	if tag := annotate.NormalizeTag(q.Tag); tag != "" {
		// a tag that normalizes to nothing (" ") filters nothing, as in
		// the memory store
		conds = append(conds, "EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag = "+a.add(tag)+")")
	}
	return strings.Join(conds, " AND "), nil
}

// Query implements annotate.Store.
func (s *Store) Query(ctx context.Context, q annotate.Query) (*annotate.Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cur, err := annotate.ParseCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	var a args
	w, err := where(&q, &a)
	if err != nil {
		return nil, err
	}
	if q.Cursor != "" {
		c, id := a.add(micro(cur.Created)), a.add(cur.ID)
		w += " AND (a.created > " + c + " OR (a.created = " + c + " AND a.id > " + id + "))"
	}
	// The page's IDs first, from an index that covers the visibility
	// condition (rows the viewer may not see are passed over in the
	// index), then their rows.
	sql := "SELECT " + columns + " FROM annotations a JOIN (SELECT a.id AS sel FROM annotations a WHERE " + w +
		" ORDER BY a.created, a.id LIMIT " + strconv.Itoa(limit+1) + ") page ON a.id = page.sel ORDER BY a.created, a.id"
	as, err := queryAnnotations(ctx, s.DB, sql, a)
	if err != nil {
		return nil, wrap("query", err)
	}
	res := &annotate.Results{Annotations: as}
	if len(as) > limit {
		res.Annotations = as[:limit]
		last := as[limit-1]
		res.Next = annotate.Cursor{Created: last.Created, ID: last.ID}.String()
	}
	return res, nil
}

// Count implements annotate.Store.
func (s *Store) Count(ctx context.Context, q annotate.Query) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var a args
	w, err := where(&q, &a)
	if err != nil {
		return 0, err
	}
	rows, err := s.DB.Query(ctx, "SELECT COUNT(*) FROM annotations a WHERE "+w, a...)
	if err != nil {
		return 0, wrap("count", err)
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, wrap("count", err)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, wrap("count", err)
	}
	return int(n), nil
}

// Report implements annotate.Store.
func (s *Store) Report(ctx context.Context, v annotate.Viewer, annotation, reason string) (*annotate.Report, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	reason, err := annotate.CheckReason(reason)
	if err != nil {
		return nil, err
	}
	var out *annotate.Report
	err = s.DB.Tx(ctx, func(tx Conn) error {
		v, err := s.effective(ctx, tx, v)
		if err != nil {
			return err
		}
		x, p, err := s.load(ctx, tx, v, annotation, true)
		if err != nil {
			return err
		}
		if !v.CanReport(x, p) {
			return &annotate.AccessError{Op: "report", Msg: "only a logged-in reader reports an annotation"}
		}
		r := &annotate.Report{ID: annotate.NewID(), Annotation: x.ID, Reporter: v.User, Reason: reason, Created: s.clock(), Status: annotate.Pending}
		var a args
		q := "INSERT INTO reports (id, annotation_id, reporter, reason, created, status, resolved, resolved_by) VALUES (" +
			strings.Join([]string{a.add(r.ID), a.add(r.Annotation), a.add(r.Reporter), a.add([]byte(r.Reason)), a.add(micro(r.Created)),
				a.add(int64(annotate.Pending)), a.add(micro(time.Time{})), a.add("")}, ", ") + ") ON CONFLICT DO NOTHING"
		n, err := tx.Exec(ctx, q, a...)
		if err != nil {
			return err
		}
		if n == 0 {
			return &annotate.ExistsError{Kind: "report"}
		}
		if x.Moderation == annotate.Unmoderated || x.Moderation == annotate.Approved {
			var b args
			if _, err := tx.Exec(ctx, "UPDATE annotations SET moderation = "+b.add(int64(annotate.Pending))+", revision = revision + 1 WHERE id = "+b.add(x.ID), b...); err != nil {
				return err
			}
		}
		out = r
		return s.notify(ctx, tx, x.ID)
	})
	if err != nil {
		return nil, wrap("report", err)
	}
	return out, nil
}

// Reports implements annotate.Store.
func (s *Store) Reports(ctx context.Context, v annotate.Viewer, q annotate.ReportQuery) (*annotate.ReportResults, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cur, err := annotate.ParseCursor(q.Cursor)
	if err != nil {
		return nil, err
	}
	limit := q.EffectiveLimit()
	res := &annotate.ReportResults{}
	if v.Anonymous() {
		return res, nil
	}
	var a args
	conds := []string{visible("a", v, &a)}
	if !v.IsModerator() {
		conds = append(conds, "r.reporter = "+a.add(v.User))
	}
	if q.Annotation != "" {
		conds = append(conds, "r.annotation_id = "+a.add(q.Annotation))
	}
	if q.Status != annotate.Unmoderated {
		conds = append(conds, "r.status = "+a.add(int64(q.Status)))
	}
	if q.Cursor != "" {
		c, id := a.add(micro(cur.Created)), a.add(cur.ID)
		conds = append(conds, "(r.created > "+c+" OR (r.created = "+c+" AND r.id > "+id+"))")
	}
	sql := "SELECT r.id, r.annotation_id, r.reporter, r.reason, r.created, r.status, r.resolved, r.resolved_by FROM reports r JOIN annotations a ON a.id = r.annotation_id WHERE " +
		strings.Join(conds, " AND ") + " ORDER BY r.created, r.id LIMIT " + strconv.Itoa(limit+1)
	rows, err := s.DB.Query(ctx, sql, a...)
	if err != nil {
		return nil, wrap("reports", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			r                 annotate.Report
			reason            []byte
			created, resolved int64
			status            int64
		)
		if err := rows.Scan(&r.ID, &r.Annotation, &r.Reporter, &reason, &created, &status, &resolved, &r.ResolvedBy); err != nil {
			return nil, wrap("reports", err)
		}
		r.Reason, r.Created, r.Status = string(reason), fromMicro(created), annotate.Moderation(status)
		if r.Status != annotate.Pending {
			r.Resolved = fromMicro(resolved)
		}
		res.Reports = append(res.Reports, &r)
	}
	if err := rows.Err(); err != nil {
		return nil, wrap("reports", err)
	}
	if len(res.Reports) > limit {
		res.Reports = res.Reports[:limit]
		last := res.Reports[limit-1]
		res.Next = annotate.Cursor{Created: last.Created, ID: last.ID}.String()
	}
	return res, nil
}

// Moderate implements annotate.Store.
func (s *Store) Moderate(ctx context.Context, v annotate.Viewer, annotation string, decision annotate.Moderation, revision int64) (*annotate.Annotation, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if decision != annotate.Approved && decision != annotate.Hidden && decision != annotate.Spam {
		return nil, &annotate.InputError{Field: "decision", Msg: "a moderator decides approved, hidden or spam"}
	}
	var out *annotate.Annotation
	err := s.DB.Tx(ctx, func(tx Conn) error {
		v, err := s.effective(ctx, tx, v)
		if err != nil {
			return err
		}
		x, p, err := s.load(ctx, tx, v, annotation, true)
		if err != nil {
			return err
		}
		if !v.CanModerate(x, p) {
			return &annotate.AccessError{Op: "moderate", Msg: "only a moderator decides on reports"}
		}
		if revision != 0 && revision != x.Revision {
			return &annotate.ConflictError{Given: revision, Current: x.Revision}
		}
		now := s.clock()
		var a args
		if _, err := tx.Exec(ctx, "UPDATE reports SET status = "+a.add(int64(decision))+", resolved = "+a.add(micro(now))+", resolved_by = "+a.add(v.User)+
			" WHERE annotation_id = "+a.add(x.ID)+" AND status = "+a.add(int64(annotate.Pending)), a...); err != nil {
			return err
		}
		c := x.Clone()
		c.Moderation = decision
		c.Revision++
		var b args
		n, err := tx.Exec(ctx, "UPDATE annotations SET moderation = "+b.add(int64(decision))+", revision = "+b.add(c.Revision)+
			" WHERE id = "+b.add(x.ID)+" AND revision = "+b.add(x.Revision), b...)
		if err != nil {
			return err
		}
		if n != 1 {
			return &annotate.ConflictError{Given: revision, Current: x.Revision + 1}
		}
		out = c
		return s.notify(ctx, tx, x.ID)
	})
	if err != nil {
		return nil, wrap("moderate", err)
	}
	return out, nil
}

// AddBookmark implements annotate.Store.
func (s *Store) AddBookmark(ctx context.Context, v annotate.Viewer, b annotate.Bookmark) (*annotate.Bookmark, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "bookmark", Msg: "only a logged-in reader keeps bookmarks"}
	}
	b, err := annotate.CheckBookmark(b)
	if err != nil {
		return nil, err
	}
	b.Owner = v.User
	if b.Created.IsZero() {
		b.Created = s.clock()
	}
	err = s.DB.Tx(ctx, func(tx Conn) error {
		var a args
		n, err := tx.Exec(ctx, "INSERT INTO bookmarks (owner, document, page, note, created) VALUES ("+
			strings.Join([]string{a.add(b.Owner), a.add(b.Document), a.add(int64(b.Page)), a.add(b.Note), a.add(micro(b.Created))}, ", ")+
			") ON CONFLICT DO NOTHING", a...)
		if err != nil {
			return err
		}
		if n == 0 {
			return &annotate.ExistsError{Kind: "bookmark"}
		}
		return nil
	})
	if err != nil {
		return nil, wrap("bookmark", err)
	}
	return &b, nil
}

// DeleteBookmark implements annotate.Store.
func (s *Store) DeleteBookmark(ctx context.Context, v annotate.Viewer, document string, page int) error {
	return s.deleteOwn(ctx, v, "bookmark", func(a *args) string {
		return "DELETE FROM bookmarks WHERE owner = " + a.add(v.User) + " AND document = " + a.add(document) + " AND page = " + a.add(int64(page))
	})
}

// Bookmarks implements annotate.Store.
func (s *Store) Bookmarks(ctx context.Context, v annotate.Viewer, document string) ([]*annotate.Bookmark, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	var a args
	q := "SELECT owner, document, page, note, created FROM bookmarks WHERE owner = " + a.add(v.User)
	if document != "" {
		q += " AND document = " + a.add(document)
	}
	rows, err := s.DB.Query(ctx, q+" ORDER BY document, page", a...)
	if err != nil {
		return nil, wrap("bookmarks", err)
	}
	defer rows.Close()
	var out []*annotate.Bookmark
	for rows.Next() {
		var (
			b       annotate.Bookmark
			page    int64
			created int64
		)
		if err := rows.Scan(&b.Owner, &b.Document, &page, &b.Note, &created); err != nil {
			return nil, wrap("bookmarks", err)
		}
		b.Page, b.Created = int(page), fromMicro(created)
		out = append(out, &b)
	}
	return out, wrap("bookmarks", rows.Err())
}

// TagDocument implements annotate.Store.
func (s *Store) TagDocument(ctx context.Context, v annotate.Viewer, document, tag string) (*annotate.DocumentTag, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, &annotate.AccessError{Op: "tag", Msg: "only a logged-in reader tags documents"}
	}
	if _, err := annotate.CheckBookmark(annotate.Bookmark{Document: document}); err != nil {
		return nil, err
	}
	t, err := annotate.CheckTag(tag)
	if err != nil {
		return nil, err
	}
	dt := &annotate.DocumentTag{Owner: v.User, Document: document, Tag: t, Created: s.clock()}
	err = s.DB.Tx(ctx, func(tx Conn) error {
		var a args
		n, err := tx.Exec(ctx, "INSERT INTO document_tags (owner, document, tag, created) VALUES ("+
			strings.Join([]string{a.add(dt.Owner), a.add(dt.Document), a.add(dt.Tag), a.add(micro(dt.Created))}, ", ")+") ON CONFLICT DO NOTHING", a...)
		if err != nil {
			return err
		}
		if n == 0 {
			return &annotate.ExistsError{Kind: "tag"}
		}
		return nil
	})
	if err != nil {
		return nil, wrap("tag", err)
	}
	return dt, nil
}

// UntagDocument implements annotate.Store.
func (s *Store) UntagDocument(ctx context.Context, v annotate.Viewer, document, tag string) error {
	return s.deleteOwn(ctx, v, "tag", func(a *args) string {
		return "DELETE FROM document_tags WHERE owner = " + a.add(v.User) + " AND document = " + a.add(document) + " AND tag = " + a.add(annotate.NormalizeTag(tag))
	})
}

// deleteOwn runs, in a transaction, the DELETE of one of v's own entries
// of kind (a bookmark, a tag) that del builds: a NotFoundError of kind for
// an anonymous viewer or when no row is deleted.
func (s *Store) deleteOwn(ctx context.Context, v annotate.Viewer, kind string, del func(a *args) string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if v.Anonymous() {
		return &annotate.NotFoundError{Kind: kind}
	}
	err := s.DB.Tx(ctx, func(tx Conn) error {
		var a args
		q := del(&a) // before a is read: argument order is not specified
		n, err := tx.Exec(ctx, q, a...)
		if err != nil {
			return err
		}
		if n == 0 {
			return &annotate.NotFoundError{Kind: kind}
		}
		return nil
	})
	return wrap(kind, err)
}

// DocumentTags implements annotate.Store.
func (s *Store) DocumentTags(ctx context.Context, v annotate.Viewer, document string) ([]*annotate.DocumentTag, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if v.Anonymous() {
		return nil, nil
	}
	var a args
	q := "SELECT owner, document, tag, created FROM document_tags WHERE owner = " + a.add(v.User)
	if document != "" {
		q += " AND document = " + a.add(document)
	}
	rows, err := s.DB.Query(ctx, q+" ORDER BY document, tag", a...)
	if err != nil {
		return nil, wrap("tags", err)
	}
	defer rows.Close()
	var out []*annotate.DocumentTag
	for rows.Next() {
		var (
			t       annotate.DocumentTag
			created int64
		)
		if err := rows.Scan(&t.Owner, &t.Document, &t.Tag, &created); err != nil {
			return nil, wrap("tags", err)
		}
		t.Created = fromMicro(created)
		out = append(out, &t)
	}
	return out, wrap("tags", rows.Err())
}

// effective returns v with the groups the Store's rules count: for a group
// the library knows, the store's membership (every group v.User belongs
// to, whether v claims it or not); for any other group, v's claim. The
// in-Go checks of a write (Member, CanEdit, CanReply, …) then agree with
// the visibility condition its rows were read through.
func (s *Store) effective(ctx context.Context, c Conn, v annotate.Viewer) (annotate.Viewer, error) {
	if v.User == "" {
		return v, nil
	}
	out := annotate.Viewer{User: v.User, Moderator: v.Moderator}
	known := map[string]bool{}
	if len(v.Groups) > 0 {
		var a args
		ph := make([]string, 0, len(v.Groups))
		for _, g := range v.Groups {
			ph = append(ph, a.add(g))
		}
		err := scanAll(ctx, c, "SELECT id FROM library_groups WHERE id IN ("+strings.Join(ph, ", ")+")", a, func(r Rows) error {
			var g string
			if err := r.Scan(&g); err != nil {
				return err
			}
			known[g] = true
			return nil
		})
		if err != nil {
			return v, err
		}
	}
	for _, g := range v.Groups {
		if g != "" && !known[g] {
			out.Groups = append(out.Groups, g)
		}
	}
	var a args
	err := scanAll(ctx, c, "SELECT grp FROM library_members WHERE usr = "+a.add(v.User), a, func(r Rows) error {
		var g string
		if err := r.Scan(&g); err != nil {
			return err
		}
		out.Groups = append(out.Groups, g)
		return nil
	})
	return out, err
}
