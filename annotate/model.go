package annotate

import (
	"strconv"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// Annotation is a reader's annotation on a passage of a document's version,
// after the W3C Web Annotation Data Model: a body (the reader's Markdown
// note and tags) on a target (the passage, by quote, by position and by
// print page), with who may see it and its moderation state.
//
// Stores keep every field. Times are UTC with microsecond precision (what
// SQL databases keep); a store truncates what it is given.
type Annotation struct {
	// ID is the annotation's IRI. Add assigns a "urn:uuid:" IRI when it is
	// empty.
	ID string
	// Document is the id of the annotated document.
	Document string
	// Version is the version of the document the passage is in; zero means
	// the translation.
	Version maisky.VersionKind
	// Creator is the user id of the reader who made the annotation.
	Creator string
	// Created and Modified are set by the store when zero (from its clock);
	// Add keeps given values (an import keeps the original dates).
	Created, Modified time.Time
	// Motivation says why the annotation was made; zero is Commenting.
	Motivation Motivation
	// Body is the reader's note, Markdown text (a W3C TextualBody with
	// format text/markdown). Commenting and Replying need one.
	Body string
	// Tags are the reader's tags, one W3C tagging body each: trimmed,
	// non-empty, NFC, without duplicates, in the reader's order.
	Tags []string
	// Target is the annotated passage; for a reply it is empty and ReplyTo
	// names the annotation replied to.
	Target Target
	// ReplyTo is the ID of the annotation this one replies to (Motivation
	// Replying). Threads are one level deep: a reply answers an annotation
	// that is not itself a reply.
	ReplyTo string
	// Visibility says who may see the annotation, with Group for
	// GroupOnly.
	Visibility Visibility
	// Group is the id of the group a GroupOnly annotation is shared with.
	Group string
	// Moderation is the annotation's moderation state, set by reports and
	// moderators only (Update leaves it alone).
	Moderation Moderation
	// Revision is the version number for optimistic concurrency: 1 after
	// Add, one more after every change. Update, Delete and Moderate refuse a
	// stale revision with ErrConflict.
	Revision int64
}

// Target is the passage an annotation is on: a W3C TextQuoteSelector
// (Quote), a TextPositionSelector (Start, End) and the print pages the
// passage lies on. A zero Target is the whole document (a page note).
type Target struct {
	// Quote is the passage's text with some context before and after.
	Quote Quote
	// Start and End are the passage's offsets in Unicode code points of the
	// version's NFC plain text (see maisky.PlainText), End exclusive.
	Start, End int
	// Pages is the range of print pages the passage lies on; zero if
	// unknown.
	Pages maisky.PageRange
	// Orphaned marks an annotation whose passage could not be found again
	// after the text changed (see Reanchor): Start and End are zero then and
	// Quote keeps what the reader selected.
	Orphaned bool
}

// IsZero reports whether the target is the whole document.
func (t Target) IsZero() bool { return t == Target{} }

// Quote is a W3C TextQuoteSelector: the exact passage, and text just
// before (Prefix) and after it (Suffix) that tell it from a lookalike.
type Quote struct {
	Exact, Prefix, Suffix string
}

// Motivation is why an annotation was made (W3C motivations).
type Motivation int

// Motivations. The zero value is Commenting.
const (
	Commenting Motivation = iota
	Highlighting
	Tagging
	Bookmarking
	Replying
)

var motivationNames = [...]string{"commenting", "highlighting", "tagging", "bookmarking", "replying"}

// String returns the W3C name: "commenting", "highlighting", "tagging",
// "bookmarking" or "replying".
func (m Motivation) String() string {
	if m >= 0 && int(m) < len(motivationNames) {
		return motivationNames[m]
	}
	return "Motivation(" + strconv.Itoa(int(m)) + ")"
}

// ParseMotivation reads a W3C motivation name.
func ParseMotivation(s string) (Motivation, error) {
	for i, n := range motivationNames {
		if n == s {
			return Motivation(i), nil
		}
	}
	return 0, &InputError{Field: "motivation", Msg: "unknown motivation " + excerpt(s) + "; allowed: commenting, highlighting, tagging, bookmarking, replying"}
}

// Visibility says who may see an annotation. The zero value is Private.
type Visibility int

// Visibilities.
const (
	// Private: its creator only.
	Private Visibility = iota
	// GroupOnly: the members of the annotation's Group (and its creator).
	GroupOnly
	// Public: everyone.
	Public
)

var visibilityNames = [...]string{"private", "group", "public"}

// String returns "private", "group" or "public".
func (v Visibility) String() string {
	if v >= 0 && int(v) < len(visibilityNames) {
		return visibilityNames[v]
	}
	return "Visibility(" + strconv.Itoa(int(v)) + ")"
}

// ParseVisibility reads "private", "group" or "public".
func ParseVisibility(s string) (Visibility, error) {
	for i, n := range visibilityNames {
		if n == s {
			return Visibility(i), nil
		}
	}
	return 0, &InputError{Field: "visibility", Msg: "unknown visibility " + excerpt(s) + "; allowed: private, group, public"}
}

// Moderation is the moderation state of an annotation, and a report's
// status. The zero value, Unmoderated, is an annotation never reported.
type Moderation int

// Moderation states.
const (
	// Unmoderated: never reported (an annotation only).
	Unmoderated Moderation = iota
	// Pending: reported, waiting for a moderator; still visible. A report
	// is open while it is Pending.
	Pending
	// Approved: a moderator kept it.
	Approved
	// Hidden: a moderator hid it; its creator and moderators still see it.
	Hidden
	// Spam: a moderator marked it as spam; hidden like Hidden.
	Spam
)

var moderationNames = [...]string{"none", "pending", "approved", "hidden", "spam"}

// String returns "none", "pending", "approved", "hidden" or "spam".
func (m Moderation) String() string {
	if m >= 0 && int(m) < len(moderationNames) {
		return moderationNames[m]
	}
	return "Moderation(" + strconv.Itoa(int(m)) + ")"
}

// ParseModeration reads a name that String returns.
func ParseModeration(s string) (Moderation, error) {
	for i, n := range moderationNames {
		if n == s {
			return Moderation(i), nil
		}
	}
	return 0, &InputError{Field: "moderation", Msg: "unknown moderation state " + excerpt(s) + "; allowed: none, pending, approved, hidden, spam"}
}

// Concealed reports whether the state hides an annotation from everyone
// but its creator and moderators (Hidden or Spam).
func (m Moderation) Concealed() bool { return m == Hidden || m == Spam }

// Report is a reader's complaint about an annotation.
type Report struct {
	// ID is the report's IRI, assigned by the store.
	ID string
	// Annotation is the ID of the reported annotation.
	Annotation string
	// Reporter is the user id of the reader who reported it.
	Reporter string
	// Reason is the complaint's text; never empty.
	Reason string
	// Created is when it was reported (UTC).
	Created time.Time
	// Status is Pending while the report is open, then the moderator's
	// decision: Approved, Hidden or Spam.
	Status Moderation
	// Resolved is when a moderator decided, and ResolvedBy who; zero while
	// open.
	Resolved   time.Time
	ResolvedBy string
}

// Bookmark is a reader's bookmark on a document, or on one print page of
// it. A reader has at most one bookmark per document and page.
type Bookmark struct {
	// Owner is the user id of the reader.
	Owner string
	// Document is the bookmarked document's id.
	Document string
	// Page is the print page, or zero for the whole document.
	Page int
	// Note is an optional short label.
	Note string
	// Created is when it was made (UTC); set by the store when zero.
	Created time.Time
}

// DocumentTag is a reader's tag on a whole document. Tags are private to
// the reader.
type DocumentTag struct {
	Owner    string
	Document string
	Tag      string
	Created  time.Time
}

// Clone returns a deep copy of a.
func (a *Annotation) Clone() *Annotation {
	if a == nil {
		return nil
	}
	c := *a
	if a.Tags != nil {
		c.Tags = append([]string(nil), a.Tags...)
	}
	return &c
}
