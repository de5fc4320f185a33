package maisky

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error of this package unwraps to one of them.
var (
	// ErrSyntax reports malformed text: a name, a date or a page range.
	ErrSyntax = errors.New("maisky: syntax error")
	// ErrMalformed reports malformed JSON or JSON that does not match the
	// maisky/1 format.
	ErrMalformed = errors.New("maisky: malformed input")
	// ErrFormat reports a file of an unknown format or format version.
	ErrFormat = errors.New("maisky: unsupported format")
	// ErrInvalid reports a model that breaks a rule of the model (see
	// Validate).
	ErrInvalid = errors.New("maisky: invalid document")
	// ErrPageRange reports a page range that is malformed, reversed or
	// outside the document.
	ErrPageRange = errors.New("maisky: bad page range")
	// ErrNotFound reports a document or entry id that does not exist.
	ErrNotFound = errors.New("maisky: not found")
	// ErrTooLarge reports input past one of a reader's documented bounds
	// (size, nesting depth, number of nodes). The readers of the other
	// packages (TEI, CSL-JSON) unwrap to it too.
	ErrTooLarge = errors.New("maisky: input too large")
)

// SyntaxError reports malformed text, with the offset (in code points) of the
// fault. It unwraps to ErrSyntax.
type SyntaxError struct {
	// What names the kind of text: "person", "date", "page range".
	What  string
	Input string
	// Offset is the position of the fault in Input, in code points.
	Offset int
	Msg    string
}

// Error names the kind of text, quotes an excerpt of it, and gives the
// offset of the fault in code points.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("maisky: bad %s %s at offset %d: %s", e.What, excerpt(e.Input), e.Offset, e.Msg)
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// DecodeError reports JSON that cannot be decoded, with the JSON path of the
// fault ("documents[0].versions[1].blocks[3].content[2]") and, for syntax
// errors, its line and column. It unwraps to ErrMalformed, or to ErrFormat for
// an unknown format.
type DecodeError struct {
	// Path is the JSON path of the faulty value; "" for the whole input.
	Path string
	// Line and Column locate a syntax error (1-based; 0 if unknown).
	Line, Column int
	Msg          string
	// Err is the underlying error, if any.
	Err error

	format bool
}

// Error gives the JSON path of the faulty value and, for a syntax error,
// its line and column, then the fault.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("maisky: ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteString(", column ")
		b.WriteString(strconv.Itoa(e.Column))
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel and the underlying error.
func (e *DecodeError) Unwrap() []error {
	s := ErrMalformed
	if e.format {
		s = ErrFormat
	}
	if e.Err != nil {
		return []error{s, e.Err}
	}
	return []error{s}
}

// Problem is one rule broken by a model, with where it is.
type Problem struct {
	// Path locates the fault as a JSON path of the maisky/1 encoding:
	// "documents[1].versions[0].blocks[4].content[2]".
	Path string
	Msg  string
}

// String returns the problem as "path: message".
func (p Problem) String() string { return p.Path + ": " + p.Msg }

// ValidationError lists the problems Validate found: the first
// MaxProblems, and how many more. It unwraps to ErrInvalid.
type ValidationError struct {
	Problems []Problem
	// More counts the problems found past those listed.
	More int
}

// Error gives the first problem with its JSON path, and how many more
// were found.
func (e *ValidationError) Error() string {
	if len(e.Problems) == 0 {
		return "maisky: invalid document"
	}
	s := "maisky: invalid: " + e.Problems[0].String()
	if n := len(e.Problems) - 1 + e.More; n > 0 {
		s += fmt.Sprintf(" (and %d more)", n)
	}
	return s
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// PageRangeError reports a page range that is malformed, reversed or outside
// the document, and says which pages exist. It unwraps to ErrPageRange (and
// to ErrSyntax for malformed text).
type PageRangeError struct {
	// Input is the text parsed, if any.
	Input string
	// Range is the range asked for, when it parsed.
	Range PageRange
	// Available is the document's page span, when known (zero otherwise).
	Available PageRange
	Msg       string

	syntax bool
}

// Error quotes the range asked for, says what is wrong with it, and names
// the pages the document has when they are known.
func (e *PageRangeError) Error() string {
	var b strings.Builder
	b.WriteString("maisky: page range ")
	if e.Input != "" {
		b.WriteString(excerpt(e.Input))
	} else {
		b.WriteString(e.Range.String())
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Available.First > 0 {
		if e.Available.First == e.Available.Last {
			b.WriteString("; the document has only page ")
			b.WriteString(strconv.Itoa(e.Available.First))
		} else {
			b.WriteString("; the document has pages ")
			b.WriteString(e.Available.String())
		}
	}
	return b.String()
}

// Unwrap returns ErrPageRange, and ErrSyntax for malformed text.
func (e *PageRangeError) Unwrap() []error {
	if e.syntax {
		return []error{ErrPageRange, ErrSyntax}
	}
	return []error{ErrPageRange}
}

// NotFoundError reports an id that does not exist. It unwraps to ErrNotFound.
type NotFoundError struct {
	What, ID string
}

// Error names the kind of thing and the id that was not found.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("maisky: no %s with id %q", e.What, e.ID)
}

// Unwrap returns ErrNotFound.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// excerptLen is the most code points of an input an error message quotes.
const excerptLen = 40

// excerpt returns s quoted for an error message: Go-quoted (control
// characters escaped), and cut after 40 code points with "…" and the
// length of the whole, so that a message never echoes a long input.
func excerpt(s string) string {
	n := 0
	for i := range s {
		if n == excerptLen {
			return strconv.Quote(s[:i]) + "… (" + strconv.Itoa(len(s)) + " bytes)"
		}
		n++
	}
	return strconv.Quote(s)
}
