package ris

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error of this package that is not an I/O error of
// the underlying reader or writer unwraps to one of them.
var (
	// ErrSyntax reports malformed RIS input: a record without ER, a tag
	// outside a record, invalid UTF-8, a line too long.
	ErrSyntax = errors.New("ris: syntax error")
	// ErrInvalid reports a Record that cannot be written: a malformed tag or
	// type, a reserved tag among the fields, a single-valued tag repeated.
	ErrInvalid = errors.New("ris: invalid record")
	// ErrValue reports a field value that Reference cannot interpret: a
	// malformed date, year or page.
	ErrValue = errors.New("ris: bad value")
	// ErrNoDocument reports a nil document or volume given to a mapping
	// function.
	ErrNoDocument = errors.New("ris: no document")
)

// SyntaxError reports malformed RIS input at a line (1-based; lines end at
// CRLF, LF or a bare CR). It unwraps to ErrSyntax.
type SyntaxError struct {
	// Line is the 1-based line of the fault.
	Line int
	// Msg says what is wrong.
	Msg string
}

// Error returns "ris: line N: " and what is wrong.
func (e *SyntaxError) Error() string {
	return "ris: line " + strconv.Itoa(e.Line) + ": " + e.Msg
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// RecordError reports a Record that the Writer refuses, naming the field
// (its index in Fields, or -1 for the type). It unwraps to ErrInvalid.
type RecordError struct {
	// Field is the index of the offending field in Record.Fields; -1 for
	// the record's Type.
	Field int
	// Tag is the field's tag ("TY" for the type).
	Tag string
	// Msg says what is wrong and what is allowed.
	Msg string
}

// Error names the offending field by its index and tag (ris: field 3
// ("DA"): …), or the record type, and says what is wrong.
func (e *RecordError) Error() string {
	if e.Field < 0 {
		return "ris: record type: " + e.Msg
	}
	return "ris: field " + strconv.Itoa(e.Field) + " (" + strconv.Quote(e.Tag) + "): " + e.Msg
}

// Unwrap returns ErrInvalid.
func (e *RecordError) Unwrap() error { return ErrInvalid }

// ValueError reports a field value that Reference cannot interpret, with
// the line it was read from (0 for a record built in memory). It unwraps to
// ErrValue.
type ValueError struct {
	// Tag and Value are the field's.
	Tag, Value string
	// Line is the line the field was read from, or 0.
	Line int
	// Msg says what is wanted.
	Msg string
}

// Error names the tag and quotes the value, with its line when it was read
// from input, and says what is wanted.
func (e *ValueError) Error() string {
	s := "ris: "
	if e.Line > 0 {
		s += "line " + strconv.Itoa(e.Line) + ": "
	}
	return s + e.Tag + " " + strconv.Quote(e.Value) + ": " + e.Msg
}

// Unwrap returns ErrValue.
func (e *ValueError) Unwrap() error { return ErrValue }
