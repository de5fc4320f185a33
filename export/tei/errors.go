package tei

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error of this package unwraps to one of them (or is
// the writer's own I/O error).
var (
	// ErrInvalid reports a model that Write refuses: a document that fails
	// (*maisky.Document).Validate, a volume without id or title, documents
	// outside the volume's table of contents or out of its order.
	ErrInvalid = errors.New("tei: invalid input model")
	// ErrAnnotation reports an annotation that cannot be placed: an unknown
	// motivation, a range outside the version's text, a missing version.
	ErrAnnotation = errors.New("tei: bad annotation")
	// ErrSyntax reports input that is not well-formed XML.
	ErrSyntax = errors.New("tei: malformed XML")
	// ErrMalformed reports well-formed XML that is not TEI this package can
	// read: another root element, a missing body, an unreadable page number.
	ErrMalformed = errors.New("tei: malformed TEI")
	// ErrSkipped reports TEI that was read, but with elements or attributes
	// the reader does not understand; the *SkipError lists them.
	ErrSkipped = errors.New("tei: content not understood")
)

// ModelError reports a model that Write refuses, with the id of the document
// (empty for the volume). It unwraps to ErrInvalid and to the model's own
// error (a *maisky.ValidationError unwraps to maisky.ErrInvalid).
type ModelError struct {
	// Document is the id of the faulty document; "" for the volume.
	Document string
	Msg      string
	Err      error
}

// Error names the document and the problem.
func (e *ModelError) Error() string {
	var b strings.Builder
	b.WriteString("tei: ")
	if e.Document != "" {
		b.WriteString("document ")
		b.WriteString(strconv.Quote(e.Document))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Err != nil {
		if e.Msg != "" {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns ErrInvalid and the underlying error.
func (e *ModelError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrInvalid, e.Err}
	}
	return []error{ErrInvalid}
}

// AnnotationError reports an annotation that cannot be written. It unwraps
// to ErrAnnotation.
type AnnotationError struct {
	// Document is the id of the annotated document.
	Document string
	// Index is the annotation's position in the list passed to the writer.
	Index int
	// ID is the annotation's own id.
	ID  string
	Msg string
}

// Error names the annotation, its document and the problem.
func (e *AnnotationError) Error() string {
	return "tei: annotation " + strconv.Itoa(e.Index) + " (" + strconv.Quote(e.ID) + ") of document " +
		strconv.Quote(e.Document) + ": " + e.Msg
}

// Unwrap returns ErrAnnotation.
func (e *AnnotationError) Unwrap() error { return ErrAnnotation }

// ReadError reports input that cannot be read, with its position: the line
// and column (1-based, columns in code points) and, when the XML parsed, the
// element path ("/TEI/text/body/div[1]/p[3]"). It unwraps to ErrSyntax for
// XML that is not well-formed and to ErrMalformed otherwise.
type ReadError struct {
	Path         string
	Line, Column int
	Msg          string
	// Err is the underlying error, if any.
	Err    error
	syntax bool
}

// Error gives the position and the problem.
func (e *ReadError) Error() string {
	var b strings.Builder
	b.WriteString("tei: ")
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(", column ")
		b.WriteString(strconv.Itoa(e.Column))
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns ErrSyntax or ErrMalformed, and the underlying error.
func (e *ReadError) Unwrap() []error {
	s := ErrMalformed
	if e.syntax {
		s = ErrSyntax
	}
	if e.Err != nil {
		return []error{s, e.Err}
	}
	return []error{s}
}

// Warning is one thing the reader did not understand and skipped, or kept
// only in part (the text of an unknown inline element), with where it is.
type Warning struct {
	// Path is the element path: "/TEI/text/body/div[1]/p[3]/persName[1]".
	Path         string
	Line, Column int
	Msg          string
}

// String returns "line L, column C: PATH: message".
func (w Warning) String() string {
	return "line " + strconv.Itoa(w.Line) + ", column " + strconv.Itoa(w.Column) + ": " + w.Path + ": " + w.Msg
}

// SkipError is returned by Read, together with the model read, when the
// input held elements or attributes that the model has no place for. It
// unwraps to ErrSkipped.
type SkipError struct {
	// Warnings lists the first MaxWarnings things skipped, in input order.
	Warnings []Warning
	// More counts the things skipped past those listed.
	More int
}

// MaxWarnings is the most warnings a SkipError lists; it counts the rest.
const MaxWarnings = 1000

// Error gives the first thing skipped and how many more.
func (e *SkipError) Error() string {
	if len(e.Warnings) == 0 {
		return "tei: content not understood"
	}
	s := "tei: not understood: " + e.Warnings[0].String()
	if n := len(e.Warnings) - 1 + e.More; n > 0 {
		s += " (and " + strconv.Itoa(n) + " more)"
	}
	return s
}

// Unwrap returns ErrSkipped.
func (e *SkipError) Unwrap() error { return ErrSkipped }
