package ris

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxLineLength is the longest line, and the longest value with its
// continuation lines, that a Reader accepts (bytes).
const MaxLineLength = 1 << 20

// Reader reads RIS records, as this package, Zotero, EndNote and other
// reference managers write them.
//
// It accepts lines ended by CRLF, LF or a bare CR, a UTF-8 byte order mark
// at the start, blank lines anywhere, and tag lines "XX  - value", "XX  -"
// (an empty value) and, as Zotero does, "XX - value" with one space. Lines
// are trimmed of white space before they are matched. A non-blank line
// inside a record that is not a tag line continues the previous value: it
// is appended after one space. Values are trimmed and put in Unicode NFC.
//
// Malformed input gives a *SyntaxError with its line: text or a tag outside
// a record, ER without TY, TY before the previous record's ER, a record not
// closed by ER at the end of the input, invalid UTF-8, a line or value longer
// than MaxLineLength. The error is not sticky: the next Read resumes after
// the faulty record (at the TY that interrupted it, if one did).
type Reader struct {
	r    *bufio.Reader
	line int     // number of the last line read
	rest []byte  // the part of a line after a bare CR, not yet processed
	buf  []byte  // the line being assembled
	rec  *Record // the open record
	next *Field  // a TY line read while a record was open
	skip bool    // skipping lines until ER or TY after an error
	err  error   // a read error of the underlying reader
	bom  bool    // the start of input has been checked for a BOM
	eof  bool    // the underlying reader is exhausted
	cont int     // line of the last continuation that grew the open value
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10)}
}

// ReadRecords reads every record of r (see ReadAll).
func ReadRecords(r io.Reader) ([]Record, error) {
	return NewReader(r).ReadAll()
}

// ReadAll reads the remaining records. It returns the records read before
// the first error and that error; at the end of the input the error is nil.
func (r *Reader) ReadAll() ([]Record, error) {
	var recs []Record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return recs, err
		}
		recs = append(recs, rec)
	}
}

// Read returns the next record, or io.EOF after the last one.
func (r *Reader) Read() (Record, error) {
	if r.next != nil {
		f := *r.next
		r.next = nil
		r.rec = &Record{Type: f.Value, Line: f.Line}
	}
	for {
		line, err := r.readLine()
		if err != nil {
			if err == io.EOF && r.rec != nil {
				r.rec = nil
				return Record{}, &SyntaxError{Line: r.line, Msg: "the last record is not closed by an ER line"}
			}
			return Record{}, err
		}
		line = bytes.TrimFunc(line, isSpace)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			return Record{}, r.fail("invalid UTF-8")
		}
		tag, value, ok := splitTag(line)
		if r.skip {
			switch {
			case ok && tag == "ER":
				r.skip = false
				continue
			case ok && tag == "TY":
				r.skip = false
			default:
				continue
			}
		}
		if !ok {
			if r.rec == nil {
				return Record{}, r.fail("text outside a record: " + quote(string(line)))
			}
			f := &r.rec.Fields
			if len(*f) == 0 {
				r.rec.Type = appendContinuation(r.rec.Type, line)
				if len(r.rec.Type) > MaxLineLength {
					return Record{}, r.fail("value longer than 1 MiB")
				}
				continue
			}
			last := &(*f)[len(*f)-1]
			last.Value = appendContinuation(last.Value, line)
			if len(last.Value) > MaxLineLength {
				return Record{}, r.fail("value longer than 1 MiB")
			}
			continue
		}
		v := string(value)
		if !norm.NFC.IsNormalString(v) {
			v = norm.NFC.String(v)
		}
		switch tag {
		case "TY":
			if r.rec != nil {
				open := r.rec.Line
				r.rec = nil
				r.next = &Field{Tag: tag, Value: v, Line: r.line}
				return Record{}, &SyntaxError{Line: r.line, Msg: "TY before the ER of the record that starts at line " + strconv.Itoa(open)}
			}
			r.rec = &Record{Type: v, Line: r.line}
		case "ER":
			if r.rec == nil {
				return Record{}, &SyntaxError{Line: r.line, Msg: "ER outside a record"}
			}
			rec := *r.rec
			r.rec = nil
			return rec, nil
		default:
			if r.rec == nil {
				return Record{}, &SyntaxError{Line: r.line, Msg: "tag " + tag + " outside a record (before TY)"}
			}
			r.rec.Fields = append(r.rec.Fields, Field{Tag: tag, Value: v, Line: r.line})
		}
	}
}

// fail discards the open record and returns a *SyntaxError at the current
// line; lines are skipped until the next ER or TY.
func (r *Reader) fail(msg string) error {
	if r.rec != nil {
		r.rec = nil
		r.skip = true
	}
	return &SyntaxError{Line: r.line, Msg: msg}
}

func appendContinuation(v string, line []byte) string {
	s := string(line)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if v == "" {
		return s
	}
	return v + " " + s
}

// splitTag splits a trimmed line "XX  - value" (one or two spaces before
// the dash; "XX  -" for an empty value).
func splitTag(line []byte) (string, []byte, bool) {
	if len(line) < 4 || !validTag(string(line[:2])) {
		return "", nil, false
	}
	i := 2
	if line[i] != ' ' {
		return "", nil, false
	}
	i++
	if line[i] == ' ' {
		i++
	}
	if i >= len(line) || line[i] != '-' {
		return "", nil, false
	}
	i++
	if i == len(line) {
		return tagString(line[:2]), nil, true
	}
	if line[i] != ' ' {
		return "", nil, false
	}
	return tagString(line[:2]), bytes.TrimFunc(line[i+1:], isSpace), true
}

// tagString returns the tag as a string, without allocating for the common
// tags.
func tagString(b []byte) string {
	switch string(b) {
	case "TY":
		return "TY"
	case "ER":
		return "ER"
	case "AU":
		return "AU"
	case "TI":
		return "TI"
	case "KW":
		return "KW"
	}
	return string(b)
}

// readLine returns the next line without its end (CRLF, LF or CR). The
// slice is valid until the next call.
func (r *Reader) readLine() ([]byte, error) {
	if len(r.rest) > 0 {
		return r.splitCR(r.rest), nil
	}
	if r.eof {
		return nil, io.EOF
	}
	if r.err != nil {
		return nil, r.err
	}
	r.buf = r.buf[:0]
	for {
		chunk, err := r.r.ReadSlice('\n')
		if len(r.buf)+len(chunk) > MaxLineLength+2 {
			// Skip the rest of the overlong line.
			for err == bufio.ErrBufferFull {
				_, err = r.r.ReadSlice('\n')
			}
			r.line++
			if err == io.EOF {
				r.eof = true
			} else if err != nil {
				r.err = err
			}
			return nil, r.fail("line longer than 1 MiB")
		}
		r.buf = append(r.buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			r.eof = true
			if len(r.buf) == 0 {
				return nil, io.EOF
			}
			break
		}
		if err != nil {
			r.err = err
			if len(r.buf) == 0 {
				return nil, err
			}
			break
		}
		break
	}
	b := r.buf
	if !r.bom {
		r.bom = true
		b = bytes.TrimPrefix(b, []byte("\ufeff"))
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	return r.splitCR(b), nil
}

// splitCR returns the part of b before a bare CR as one line and keeps the
// rest for the next call.
func (r *Reader) splitCR(b []byte) []byte {
	r.line++
	if i := bytes.IndexByte(b, '\r'); i >= 0 {
		r.rest = b[i+1:]
		return b[:i]
	}
	r.rest = nil
	return b
}
