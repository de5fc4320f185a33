package annotate

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// Store keeps annotations, reports, bookmarks and document tags, and
// enforces who may see and do what. Every method takes the viewer it acts
// for and hides what that viewer may not see: an annotation the viewer may
// not see is reported as not found, exactly like one that does not exist,
// and never counted.
//
// Groups: a Store that also keeps a [Library] decides every group the
// library knows (created with the Library API) by its own membership, in
// every method — what is seen, counted, listed (reports included), edited,
// deleted, replied to, reported, moderated, and which groups an annotation
// is shared with by Add and Update: a group that v claims in Viewer.Groups
// but is not (or no longer) a member of counts for nothing, and a member
// need not claim it. A group the store does not know (managed by the
// embedding service) is taken from Viewer.Groups as the caller passes it.
// A SQL store puts the membership in its visibility condition and never
// loads a row the viewer may not see. A Store without a Library trusts
// Viewer.Groups.
//
// Implementations are safe for concurrent use. [Memory] is the in-memory
// store; annotate/storetest holds the conformance tests every store passes.
//
// Results come in the order of (Created, ID), IDs compared as byte
// strings (a SQL store orders with a binary collation), and times are kept
// to the microsecond in UTC.
//
// Writes follow optimistic concurrency: each annotation has a Revision,
// 1 after Add and one more after each change (an update, a report that
// opens a review, a moderation decision); Update, Delete and Moderate
// given a revision that is not the stored one fail with ErrConflict
// (Delete and Moderate accept 0 for "whatever is stored").
type Store interface {
	// Add stores a new annotation by v, who must be logged in and its
	// Creator (an empty Creator becomes v.User). It assigns an ID when
	// a.ID is empty, sets Created and Modified when zero, Revision to 1 and
	// Moderation to Unmoderated, and returns the stored annotation. A
	// GroupOnly annotation needs v to be a member of its group; a reply
	// needs v to be allowed to reply to its parent (CanReply), and takes
	// the parent's Document and Version. Errors: ErrInvalid (Validate),
	// ErrForbidden, ErrNotFound (a parent v may not see), ErrExists (ID
	// taken).
	Add(ctx context.Context, v Viewer, a *Annotation) (*Annotation, error)
	// Annotation returns the annotation with the given ID if v may see it,
	// else ErrNotFound.
	Annotation(ctx context.Context, v Viewer, id string) (*Annotation, error)
	// Update replaces the Body, Tags, Motivation, Target, Visibility and
	// Group of the stored annotation a.ID with a's, if v may edit it
	// (CanEdit) and a.Revision is the stored revision; other fields are
	// kept. It sets Modified, increments Revision and returns the stored
	// annotation.
	Update(ctx context.Context, v Viewer, a *Annotation) (*Annotation, error)
	// Delete deletes an annotation v may delete (CanDelete), with its
	// replies and reports.
	Delete(ctx context.Context, v Viewer, id string, revision int64) error
	// Query returns a page of the annotations q.Viewer may see that match
	// q, in the order of (Created, ID), and the cursor of the next page.
	Query(ctx context.Context, q Query) (*Results, error)
	// Count returns how many annotations q.Viewer may see match q
	// (ignoring Limit and Cursor).
	Count(ctx context.Context, q Query) (int, error)

	// Report files v's complaint about an annotation v may report
	// (CanReport): a non-empty reason (ErrInvalid otherwise). The report
	// is Pending; an Unmoderated or Approved annotation becomes Pending.
	// A reader has at most one open report per annotation (ErrExists).
	Report(ctx context.Context, v Viewer, annotation, reason string) (*Report, error)
	// Reports lists reports: every report a moderator may see the
	// annotation of, or for another reader their own reports of
	// annotations they may see; in the order of (Created, ID).
	Reports(ctx context.Context, v Viewer, q ReportQuery) (*ReportResults, error)
	// Moderate records a moderator's decision (Approved, Hidden or Spam) on
	// an annotation they may see: it becomes the annotation's Moderation
	// and the Status of its open reports.
	Moderate(ctx context.Context, v Viewer, annotation string, decision Moderation, revision int64) (*Annotation, error)

	// AddBookmark stores v's bookmark (Owner becomes v.User; ErrExists if
	// v has one on that document and page).
	AddBookmark(ctx context.Context, v Viewer, b Bookmark) (*Bookmark, error)
	// DeleteBookmark deletes v's bookmark on a document and page.
	DeleteBookmark(ctx context.Context, v Viewer, document string, page int) error
	// Bookmarks lists v's bookmarks on a document ("" for all), by
	// document then page.
	Bookmarks(ctx context.Context, v Viewer, document string) ([]*Bookmark, error)

	// TagDocument adds v's tag to a document (ErrExists if there).
	TagDocument(ctx context.Context, v Viewer, document, tag string) (*DocumentTag, error)
	// UntagDocument removes v's tag from a document.
	UntagDocument(ctx context.Context, v Viewer, document, tag string) error
	// DocumentTags lists v's tags on a document ("" for all), by document
	// then tag.
	DocumentTags(ctx context.Context, v Viewer, document string) ([]*DocumentTag, error)

	// Close releases the store's resources.
	Close() error
}

// Importer is a store that loads trusted data as it is — creator, dates,
// moderation state and revision kept — without access checks: backups,
// and moves between stores ("maisky annotations -import"). Memory is one.
// Import refuses what does not Validate (ErrInvalid), a taken ID
// (ErrExists) and a reply whose parent is not there yet (ErrNotFound).
type Importer interface {
	Import(ctx context.Context, a *Annotation) error
}

var _ Importer = (*Memory)(nil)

// Query selects annotations. The zero values of its filters select
// everything; every query is for a viewer and returns only what that
// viewer may see.
type Query struct {
	// Viewer is who is asking.
	Viewer Viewer
	// Document keeps a document's annotations ("" for every document).
	Document string
	// Version keeps annotations on one version (0 for both).
	Version maisky.VersionKind
	// Creator keeps one reader's annotations ("" for everyone's).
	Creator string
	// Tag keeps annotations with this tag (compared after NormalizeTag).
	Tag string
	// Page keeps annotations whose Target.Pages contains this print page
	// (0 for any).
	Page int
	// ReplyTo keeps the replies to one annotation.
	ReplyTo string
	// TopLevel leaves replies out.
	TopLevel bool
	// Limit is the most annotations in a page of results: 0 means
	// DefaultLimit; more than MaxLimit is MaxLimit.
	Limit int
	// Cursor continues after the page that returned it (Results.Next).
	Cursor string
}

// Page sizes of Query and Reports.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// EffectiveLimit returns the page size q asks for, between 1 and MaxLimit.
func (q Query) EffectiveLimit() int { return effectiveLimit(q.Limit) }

func effectiveLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Results is a page of annotations.
type Results struct {
	Annotations []*Annotation
	// Next is the cursor of the next page, "" after the last.
	Next string
}

// ReportQuery selects reports.
type ReportQuery struct {
	// Annotation keeps the reports on one annotation ("" for all).
	Annotation string
	// Status keeps reports with this status (Unmoderated for any).
	Status Moderation
	// Limit and Cursor page as in Query.
	Limit  int
	Cursor string
}

// EffectiveLimit returns the page size q asks for, between 1 and MaxLimit.
func (q ReportQuery) EffectiveLimit() int { return effectiveLimit(q.Limit) }

// ReportResults is a page of reports.
type ReportResults struct {
	Reports []*Report
	Next    string
}

// Cursor is the position after which a page of results continues: the
// (Created, ID) of the last item of the previous page. Every store encodes
// it the same way, with String, so that cursors are opaque to callers.
type Cursor struct {
	Created time.Time
	ID      string
}

// String encodes the cursor.
func (c Cursor) String() string {
	return base64.RawURLEncoding.EncodeToString([]byte("1:" + strconv.FormatInt(c.Created.UnixMicro(), 10) + ":" + c.ID))
}

// After reports whether (created, id) comes after the cursor.
func (c Cursor) After(created time.Time, id string) bool {
	if !created.Equal(c.Created) {
		return created.After(c.Created)
	}
	return id > c.ID
}

// ParseCursor decodes a cursor that String made; "" is the zero Cursor
// (the start). Anything else is an *InputError.
func ParseCursor(s string) (Cursor, error) {
	if s == "" {
		return Cursor{}, nil
	}
	bad := &InputError{Field: "cursor", Msg: "not a cursor this package returned"}
	if len(s) > 4*MaxField {
		return Cursor{}, bad
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return Cursor{}, bad
	}
	rest, ok := strings.CutPrefix(string(b), "1:")
	if !ok {
		return Cursor{}, bad
	}
	micro, id, ok := strings.Cut(rest, ":")
	if !ok || id == "" {
		return Cursor{}, bad
	}
	us, err := strconv.ParseInt(micro, 10, 64)
	if err != nil {
		return Cursor{}, bad
	}
	c := Cursor{Created: time.UnixMicro(us).UTC(), ID: id}
	if c.String() != s {
		// one cursor, one spelling: "+5", "05" or stray padding bits
		// would name the same position under another string
		return Cursor{}, bad
	}
	return c, nil
}

// All returns every annotation that q selects, page by page from the
// store (q.Cursor is where it starts). It stops at the first error, which
// it yields.
func All(ctx context.Context, s Store, q Query) iter.Seq2[*Annotation, error] {
	return func(yield func(*Annotation, error) bool) {
		for {
			res, err := s.Query(ctx, q)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, a := range res.Annotations {
				if !yield(a, nil) {
					return
				}
			}
			if res.Next == "" || len(res.Annotations) == 0 {
				return
			}
			q.Cursor = res.Next
		}
	}
}

// NewID returns a new random annotation IRI, "urn:uuid:" and a version 4
// UUID.
func NewID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return "urn:uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
