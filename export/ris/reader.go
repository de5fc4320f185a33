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

// MaxFields is the most fields a record read may have.
const MaxFields = 1 << 16

// Reader reads RIS records, as this package, Zotero, EndNote and other
// reference managers write them.
//
// It accepts lines ended by CRLF, LF or a bare CR, a UTF-8 byte order mark
// at the start, blank lines anywhere, and tag lines "XX  - value", "XX  -"
// (an empty value) and, as Zotero does, "XX - value" with one space. Lines
// are trimmed of white space before they are matched. A non-blank line
// inside a record that is not a tag line continues the previous field's
// value: it is appended after one space, in time linear in the value's
// length. Values are trimmed and put in Unicode NFC.
//
// Malformed input gives a *SyntaxError with its line: text or a tag outside
// a record, ER without TY, TY before the previous record's ER, a line right
// after TY that is not a tag line (the type takes no continuation), a record
// not closed by ER at the end of the input, invalid UTF-8, a NUL character,
// a line or value longer than MaxLineLength.
//
// Bounds: Read holds one line and one record (at most MaxFields fields of
// at most MaxLineLength bytes each), whatever the input's size; time is
// linear in the input. The error is not sticky: the next Read resumes after
// the faulty record (at the TY that interrupted it, if one did).
type Reader struct {
	r    *bufio.Reader
	line int     // number of the last line read
	buf  []byte  // the line being assembled
	rec  *Record // the open record: nil, or &open1
	// open1 holds the open record, so that opening one allocates nothing.
	open1 Record
	next  *Field // a TY line read while a record was open
	skip  bool   // skipping lines until ER or TY after an error
	err   error  // a read error of the underlying reader
	bom   bool   // the start of input has been checked for a BOM
	eof   bool   // the underlying reader is exhausted
	cr    bool   // the last line ended with a CR: a LF right after it is part of that end
	// bareCR is set once a line has ended with a CR alone.
	bareCR bool
	// val holds the last field's value while continuation lines grow it,
	// so that a value grown by n lines takes time linear in its length;
	// open reports that it does.
	val  []byte
	open bool
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
		r.open1 = Record{Type: f.Value, Line: f.Line}
		r.rec = &r.open1
	}
	for {
		line, err := r.readLine()
		if err != nil {
			r.closeValue()
			if err == io.EOF && r.rec != nil {
				r.rec = nil
				return Record{}, &SyntaxError{Line: r.line, Msg: "the last record is not closed by an ER line"}
			}
			return Record{}, err
		}
		line = trimSpace(line)
		if len(line) == 0 {
			continue
		}
		if !utf8.Valid(line) {
			return Record{}, r.fail("invalid UTF-8")
		}
		if i := bytes.IndexByte(line, 0); i >= 0 {
			return Record{}, r.fail("NUL character at byte " + strconv.Itoa(i+1) + " of the line")
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
				return Record{}, r.fail("not a tag line (XX  - value) after TY: " + quote(string(line)))
			}
			if !r.open {
				r.val = append(r.val[:0], (*f)[len(*f)-1].Value...)
				r.open = true
			}
			if len(r.val) > 0 {
				r.val = append(r.val, ' ')
			}
			r.val = append(r.val, line...)
			if len(r.val) > MaxLineLength {
				r.open = false
				return Record{}, r.fail("value longer than 1 MiB")
			}
			continue
		}
		r.closeValue()
		v := valueString(tag, value)
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
			r.open1 = Record{Type: v, Line: r.line}
			r.rec = &r.open1
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
			if len(r.rec.Fields) >= MaxFields {
				return Record{}, r.fail("a record of more than " + strconv.Itoa(MaxFields) + " fields")
			}
			r.rec.Fields = append(r.rec.Fields, Field{Tag: tag, Value: v, Line: r.line})
		}
	}
}

// fail discards the open record and returns a *SyntaxError at the current
// line; lines are skipped until the next ER or TY.
func (r *Reader) fail(msg string) error {
	r.open = false
	if r.rec != nil {
		r.rec = nil
		r.skip = true
	}
	return &SyntaxError{Line: r.line, Msg: msg}
}

// closeValue stores the value grown by continuation lines into its field,
// in NFC.
func (r *Reader) closeValue() {
	if !r.open {
		return
	}
	r.open = false
	if r.rec == nil || len(r.rec.Fields) == 0 {
		return
	}
	v := string(r.val)
	if !norm.NFC.IsNormalString(v) {
		v = norm.NFC.String(v)
	}
	r.rec.Fields[len(r.rec.Fields)-1].Value = v
	if cap(r.val) > 64<<10 {
		r.val = nil
	}
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
	return tagString(line[:2]), trimSpace(line[i+1:]), true
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

// readLine returns the next line without its end (CRLF, LF or a bare CR).
// The slice is valid until the next call. A line longer than MaxLineLength
// is skipped and reported.
func (r *Reader) readLine() ([]byte, error) {
	if r.eof {
		return nil, io.EOF
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.cr {
		r.cr = false
		if b, err := r.r.Peek(1); err == nil && b[0] == '\n' {
			r.r.Discard(1)
		}
	}
	r.buf = r.buf[:0]
	long := false
	var line []byte // the line, when it lies whole in the reader's buffer
	for first := true; ; first = false {
		chunk, err := r.r.Peek(max(1, r.r.Buffered()))
		if len(chunk) == 0 {
			if err == io.EOF {
				r.eof = true
			} else {
				r.err = err
			}
			if len(r.buf) == 0 && !long {
				if r.eof {
					return nil, io.EOF
				}
				return nil, err
			}
			break
		}
		i := r.indexLineEnd(chunk)
		part := chunk
		if i >= 0 {
			part = chunk[:i]
		}
		if len(r.buf)+len(part) > MaxLineLength {
			long = true
		}
		if i < 0 {
			if !long {
				r.buf = append(r.buf, part...)
			}
			r.r.Discard(len(chunk))
			continue
		}
		switch {
		case long:
		case first:
			line = part // valid until the next Peek
		default:
			r.buf = append(r.buf, part...)
		}
		end := 1
		if chunk[i] == '\r' {
			switch {
			case i+1 == len(chunk):
				r.cr = true
			case chunk[i+1] == '\n':
				end = 2
			default:
				r.bareCR = true
			}
		}
		r.r.Discard(i + end)
		break
	}
	if line == nil {
		line = r.buf
	}
	r.line++
	if long {
		return nil, r.fail("line longer than 1 MiB")
	}
	if !r.bom {
		r.bom = true
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
	}
	return line, nil
}

// indexLineEnd returns the index of the first CR or LF in b, or -1. Until
// the input has shown a bare CR, it looks for the LF first (the common
// line end, found fast) and for a CR only before it; after one, it looks at
// each byte, so that lines ended by bare CRs cost their length, not the
// distance to the next LF.
func (r *Reader) indexLineEnd(b []byte) int {
	if !r.bareCR {
		lf := bytes.IndexByte(b, '\n')
		end := lf
		if lf < 0 {
			end = len(b)
		}
		if cr := bytes.IndexByte(b[:end], '\r'); cr >= 0 {
			return cr
		}
		return lf
	}
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return i
		}
	}
	return -1
}

// trimSpace trims white space (isSpace) from both ends of line, without
// decoding runes while the ends are ASCII.
func trimSpace(line []byte) []byte {
	for len(line) > 0 && asciiSpace(line[0]) {
		line = line[1:]
	}
	for len(line) > 0 && asciiSpace(line[len(line)-1]) {
		line = line[:len(line)-1]
	}
	if len(line) > 0 && (line[0] >= 0x80 || line[len(line)-1] >= 0x80) {
		return bytes.TrimFunc(line, isSpace)
	}
	return line
}

// asciiSpace reports whether c is ASCII white space (isSpace of an ASCII
// byte).
func asciiSpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// valueString returns value as a string; the record types and the empty
// value come without an allocation.
func valueString(tag string, value []byte) string {
	if len(value) == 0 {
		return ""
	}
	if tag == "TY" {
		switch string(value) {
		case "GEN":
			return "GEN"
		case "BOOK":
			return "BOOK"
		case "CHAP":
			return "CHAP"
		case "JOUR":
			return "JOUR"
		case "MANSCPT":
			return "MANSCPT"
		case "PCOMM":
			return "PCOMM"
		case "EDBOOK":
			return "EDBOOK"
		case "ELEC":
			return "ELEC"
		}
	}
	return string(value)
}
