package ris

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// flushSize is the amount of buffered output at which Write flushes.
const flushSize = 32 << 10

// Writer writes RIS records to an io.Writer: "XX  - value" lines ended by
// CRLF, UTF-8 without a byte order mark, each record from "TY  - " to
// "ER  - ". Values are folded (see Fold and the package documentation), so
// that no value can end its line or start a tag line.
//
// Like encoding/csv, a Writer buffers its output: call Flush when done and
// check Error. It keeps one reusable buffer, so memory does not grow with
// the number of records. An error is not sticky: Error reports the outcome
// of the last Write or Flush only, and after a failed Flush the bytes the
// underlying writer did not take stay buffered for the next Flush.
type Writer struct {
	w       io.Writer
	buf     []byte
	scratch []byte
	err     error
}

// NewWriter returns a Writer that writes to w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w}
}

// Write writes one record. A record the writer refuses (a *RecordError:
// see AppendRecord) writes nothing. Fields whose value folds to the empty
// string are left out. Write flushes when its buffer is full and returns the
// error of that flush.
func (w *Writer) Write(rec Record) error {
	buf, scratch, err := appendRecord(w.buf, w.scratch, rec)
	w.scratch = scratch
	if err != nil {
		w.err = err
		return err
	}
	w.buf = buf
	w.err = nil
	if len(w.buf) >= flushSize {
		return w.flush()
	}
	return nil
}

// Flush writes any buffered data to the underlying io.Writer. To check
// whether it succeeded, call Error.
func (w *Writer) Flush() { w.flush() }

// Error returns the error of the last Write or Flush, or nil if it
// succeeded.
func (w *Writer) Error() error { return w.err }

func (w *Writer) flush() error {
	if len(w.buf) == 0 {
		w.err = nil
		return nil
	}
	n, err := w.w.Write(w.buf)
	n = max(0, min(n, len(w.buf)))
	if err == nil && n < len(w.buf) {
		err = io.ErrShortWrite
	}
	if err != nil {
		w.buf = w.buf[:copy(w.buf, w.buf[n:])]
		w.err = err
		return err
	}
	w.buf = w.buf[:0]
	w.err = nil
	return nil
}

// WriteRecords writes the records to w and flushes. It stops at the first
// error.
func WriteRecords(w io.Writer, recs []Record) error {
	rw := NewWriter(w)
	for _, rec := range recs {
		if err := rw.Write(rec); err != nil {
			return err
		}
	}
	rw.Flush()
	return rw.Error()
}

// AppendRecord appends the RIS text of rec to dst, exactly as a Writer
// writes it, and returns the extended slice. It fails with a *RecordError,
// leaving dst as it was, if rec.Type is not upper-case ASCII letters and
// digits after folding, if a tag is not an upper-case letter followed by an
// upper-case letter or digit, if a field has the tag TY or ER, or if a tag
// that is not Repeatable occurs twice.
func AppendRecord(dst []byte, rec Record) ([]byte, error) {
	dst, _, err := appendRecord(dst, nil, rec)
	return dst, err
}

// commaLookAlike replaces the commas of a lone keyword: SINGLE LOW-9
// QUOTATION MARK.
const commaLookAlike = "\u201a"

func appendRecord(dst, scratch []byte, rec Record) ([]byte, []byte, error) {
	start := len(dst)
	// Validate the fields and count the keywords as they will be written.
	var seen [(26*36 + 63) / 64]uint64
	keywords := 0
	var fastKW uint64 // bit i: keyword field i needs no folding
	for i := range rec.Fields {
		f := &rec.Fields[i]
		if !validTag(f.Tag) {
			return dst, scratch, &RecordError{Field: i, Tag: f.Tag, Msg: "a tag is an upper-case letter and an upper-case letter or digit"}
		}
		if f.Tag == "TY" || f.Tag == "ER" {
			return dst, scratch, &RecordError{Field: i, Tag: f.Tag, Msg: "TY and ER are written by the writer, not given as fields"}
		}
		if f.Tag == "KW" {
			scratch = append(scratch[:0], f.Value...)
			if cleanExcept(scratch, ';') {
				if i < 64 {
					fastKW |= 1 << i
				}
				if f.Value != "" {
					keywords++
				}
				continue
			}
			scratch = appendFold(scratch[:0], f.Value)
			forEachKeyword(scratch, func([]byte) { keywords++ })
			continue
		}
		if Repeatable(f.Tag) {
			continue
		}
		k := uint(tagIndex(f.Tag))
		if seen[k/64]&(1<<(k%64)) != 0 {
			return dst, scratch, &RecordError{Field: i, Tag: f.Tag, Msg: "tag repeated; only AU, A1–A4, KW and N1 may repeat"}
		}
		seen[k/64] |= 1 << (k % 64)
	}

	dst = append(dst, "TY  - "...)
	t := len(dst)
	dst = appendFold(dst, rec.Type)
	if !validType(dst[t:]) {
		return dst[:start], scratch, &RecordError{Field: -1, Tag: "TY", Msg: "the type " + quote(rec.Type) + " is not upper-case letters and digits, as in CHAP"}
	}
	dst = append(dst, "\r\n"...)
	for i := range rec.Fields {
		f := &rec.Fields[i]
		if f.Tag == "KW" {
			if i < 64 && fastKW&(1<<i) != 0 {
				if f.Value != "" {
					dst = appendKeyword(dst, f.Value, keywords == 1)
				}
				continue
			}
			scratch = appendFold(scratch[:0], f.Value)
			forEachKeyword(scratch, func(kw []byte) {
				dst = appendKeyword(dst, kw, keywords == 1)
			})
			continue
		}
		mark := len(dst)
		dst = append(dst, f.Tag[0], f.Tag[1], ' ', ' ', '-', ' ')
		v := len(dst)
		dst = appendFold(dst, f.Value)
		if len(dst) == v {
			dst = dst[:mark]
			continue
		}
		dst = append(dst, "\r\n"...)
	}
	dst = append(dst, "ER  - \r\n"...)
	return dst, scratch, nil
}

// appendKeyword appends a KW line; lone replaces its commas with a
// look-alike.
func appendKeyword[T string | []byte](dst []byte, kw T, lone bool) []byte {
	dst = append(dst, "KW  - "...)
	if lone {
		for {
			i := -1
			for j := 0; j < len(kw); j++ {
				if kw[j] == ',' {
					i = j
					break
				}
			}
			if i < 0 {
				break
			}
			dst = append(dst, kw[:i]...)
			dst = append(dst, commaLookAlike...)
			kw = kw[i+1:]
		}
	}
	dst = append(dst, kw...)
	return append(dst, "\r\n"...)
}

// forEachKeyword calls fn with each keyword of a folded KW value: the value
// is split at semicolons, each part trimmed of white space, empty parts
// skipped.
func forEachKeyword(v []byte, fn func([]byte)) {
	for len(v) > 0 {
		part := v
		if i := bytes.IndexByte(v, ';'); i >= 0 {
			part, v = v[:i], v[i+1:]
		} else {
			v = nil
		}
		part = bytes.TrimFunc(part, isSpace)
		if len(part) > 0 {
			fn(part)
		}
	}
}

func validType(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// quote quotes s for an error message, shortened to 40 runes.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case lineBreaking(r):
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(append(b, '"'))
}
