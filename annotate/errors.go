package annotate

import (
	"errors"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors. Every error of this package unwraps to one of them.
//
// Errors never quote an annotation the caller may not see: an annotation a
// viewer may not see is reported exactly like one that does not exist
// (ErrNotFound, with the same message).
var (
	// ErrNotFound reports an annotation, report, bookmark or document that
	// does not exist or that the viewer may not see.
	ErrNotFound = errors.New("annotate: not found")
	// ErrForbidden reports an operation the viewer may not do on something
	// they may see (editing another reader's annotation, moderating without
	// being a moderator, writing without being logged in).
	ErrForbidden = errors.New("annotate: not allowed")
	// ErrConflict reports a stale revision: the annotation changed since
	// the caller read it.
	ErrConflict = errors.New("annotate: conflict")
	// ErrExists reports an annotation ID already taken, a second open
	// report by the same reader, a bookmark or tag already there.
	ErrExists = errors.New("annotate: already exists")
	// ErrInvalid reports bad input: a field out of its rules, an empty
	// report reason, a bad cursor.
	ErrInvalid = errors.New("annotate: invalid input")
	// ErrSelection reports a selection outside the text or empty.
	ErrSelection = errors.New("annotate: bad selection")
	// ErrMalformed reports JSON-LD that is not a W3C annotation,
	// collection or page, or does not fit this package's model.
	ErrMalformed = errors.New("annotate: malformed annotation data")
)

// InputError reports a field that breaks the rules. It unwraps to
// ErrInvalid.
type InputError struct {
	// Field names the field ("body", "tags[2]", "reason", "cursor").
	Field string
	// Msg says what is wrong and what is allowed.
	Msg string
}

// Error returns "annotate: FIELD: MSG".
func (e *InputError) Error() string { return "annotate: " + e.Field + ": " + e.Msg }

// Unwrap returns ErrInvalid.
func (e *InputError) Unwrap() error { return ErrInvalid }

// AccessError reports an operation the viewer may not do on something they
// may see. It unwraps to ErrForbidden.
type AccessError struct {
	// Op is the operation ("update", "delete", "moderate", "reply",
	// "report", "add").
	Op string
	// Msg says why.
	Msg string
}

// Error returns "annotate: OP not allowed: MSG".
func (e *AccessError) Error() string { return "annotate: " + e.Op + " not allowed: " + e.Msg }

// Unwrap returns ErrForbidden.
func (e *AccessError) Unwrap() error { return ErrForbidden }

// ConflictError reports a stale revision. It unwraps to ErrConflict.
type ConflictError struct {
	// Given is the revision the caller gave; Current the stored one.
	Given, Current int64
}

// Error says both revisions.
func (e *ConflictError) Error() string {
	return "annotate: conflict: revision " + strconv.FormatInt(e.Given, 10) + " is stale (the annotation is at revision " + strconv.FormatInt(e.Current, 10) + ")"
}

// Unwrap returns ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// NotFoundError reports something that does not exist or that the viewer
// may not see. It unwraps to ErrNotFound. Its message names only the kind
// of thing, never the id asked for.
type NotFoundError struct {
	// Kind is "annotation", "report", "bookmark", "tag" or "document".
	Kind string
}

// Error returns "annotate: KIND not found".
func (e *NotFoundError) Error() string { return "annotate: " + e.Kind + " not found" }

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// ExistsError reports a duplicate. It unwraps to ErrExists.
type ExistsError struct {
	// Kind is "annotation", "report", "bookmark" or "tag".
	Kind string
}

// Error returns "annotate: KIND already exists".
func (e *ExistsError) Error() string { return "annotate: " + e.Kind + " already exists" }

// Unwrap returns ErrExists.
func (e *ExistsError) Unwrap() error { return ErrExists }

// excerpt quotes at most 40 code points of s for a message.
func excerpt(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		n := 0
		for i := range s {
			if n == max {
				s = s[:i] + "…"
				break
			}
			n++
		}
	}
	return strconv.Quote(s)
}
