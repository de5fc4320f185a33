package maisky

import (
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/internal/input"

	"golang.org/x/text/unicode/norm"
)

// Format is the value of the "format" member of every file this version of
// the package reads and writes.
const Format = "maisky/1"

// File is the content of a maisky/1 JSON file: a volume with its documents,
// or one document (Volume nil).
type File struct {
	Volume    *Volume
	Documents []*Document
}

// Document returns the document with the given id.
func (f *File) Document(id string) (*Document, error) {
	for _, d := range f.Documents {
		if d != nil && d.ID == id {
			return d, nil
		}
	}
	return nil, &NotFoundError{What: "document", ID: id}
}

// maxInput bounds the size of a file Read accepts.
const maxInput = 256 << 20

// maxDepth bounds the nesting of JSON values (emphasis inside emphasis).
const maxDepth = 256

// MaxNodes bounds the blocks, inlines and footnotes of a file Read
// accepts: past it, Read fails with ErrTooLarge.
const MaxNodes = 1 << 19

// Read decodes a maisky/1 JSON file. Decoding is strict: an unknown or
// repeated member, a value of the wrong type, a missing or unknown "format"
// or trailing data is an error (*DecodeError) naming the JSON path of the
// fault and its line and column. Text is normalized to Unicode NFC. Read
// does not validate the model: call Validate.
func Read(r io.Reader) (*File, error) {
	data, err := input.ReadAll(r, maxInput)
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, &DecodeError{Msg: "input larger than 256 MiB, the most Read accepts", Err: ErrTooLarge}
	}
	return Unmarshal(data)
}

// Unmarshal decodes a maisky/1 JSON file held in memory (see Read).
func Unmarshal(data []byte) (*File, error) {
	s := &scanner{data: data}
	f := s.file()
	if s.err == nil {
		s.ws()
		if s.pos < len(s.data) {
			s.failAt(s.pos, "data after the top-level value")
		}
	}
	if s.err != nil {
		if !s.sawFormat {
			if e := formatProblem(data); e != nil {
				return nil, e
			}
		}
		return nil, s.err
	}
	return f, nil
}

// formatProblem looks for the top-level "format" member of a file that
// failed to decode, so that a file of another format is reported as such.
func formatProblem(data []byte) error {
	s := &scanner{data: data}
	if !s.beginObject() {
		return nil
	}
	var key string
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		if key == "format" {
			if s.peekKind() != '"' {
				return &DecodeError{Path: "format", Msg: "unsupported format; this version reads \"" + Format + "\"", format: true}
			}
			if v := s.rawString(); s.err == nil && v != Format {
				return &DecodeError{Path: "format", Msg: "unsupported format " + strconv.Quote(v) + "; this version reads \"" + Format + "\"", format: true}
			}
			return nil
		}
		s.skip()
	}
	if s.err == nil {
		return &DecodeError{Path: "format", Msg: "missing \"format\": \"" + Format + "\"", format: true}
	}
	return nil
}

// scanner decodes JSON text straight into the model in one pass, keeping the
// JSON path for errors. The first error stops it.
type scanner struct {
	data      []byte
	pos       int
	err       *DecodeError
	path      []pathElem
	depth     int
	sawFormat bool
	keyAt     int // offset of the last member name read
	nodes     int // blocks, inlines and footnotes read
	// stack gathers the inlines of the open arrays; texts is the slab of
	// text nodes being filled.
	stack []Inline
	texts []Text
}

// node counts one node against MaxNodes.
func (s *scanner) node() bool {
	s.nodes++
	if s.nodes > MaxNodes {
		s.tooLarge("more than " + strconv.Itoa(MaxNodes) + " blocks, inlines and footnotes")
		return false
	}
	return true
}

// tooLarge fails with an error that unwraps to ErrTooLarge.
func (s *scanner) tooLarge(msg string) {
	if s.err != nil {
		return
	}
	s.fail(msg)
	s.err.Err = ErrTooLarge
}

type pathElem struct {
	key   string
	index int // -1 for a member
}

func (s *scanner) pathString() string {
	var b strings.Builder
	for i, e := range s.path {
		// A deep path (emphasis in emphasis…) shows its first and last
		// steps: an error stays one short line.
		if n := len(s.path); n > 24 && i >= 12 && i < n-8 {
			if i == 12 {
				b.WriteString("…(" + strconv.Itoa(n-20) + " more steps)…")
			}
			continue
		}
		if e.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(e.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(e.key)
	}
	return b.String()
}

func (s *scanner) push(key string) { s.path = append(s.path, pathElem{key: key, index: -1}) }
func (s *scanner) pushIndex(i int) { s.path = append(s.path, pathElem{index: i}) }
func (s *scanner) pop()            { s.path = s.path[:len(s.path)-1] }
func (s *scanner) ok() bool        { return s.err == nil }
func (s *scanner) fail(msg string) { s.failAt(s.pos, msg) }
func (s *scanner) failAt(off int, msg string) {
	if s.err != nil {
		return
	}
	line, col := lineCol(s.data, off)
	s.err = &DecodeError{Path: s.pathString(), Line: line, Column: col, Msg: msg}
}

// lineCol converts a byte offset to a 1-based line and a column counted in
// code points.
func lineCol(data []byte, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// peekKind returns the first byte of the next value: '"', '{', '[', 't',
// 'f', 'n', '0' for a number, or 0 at the end or on a character that starts
// no value.
func (s *scanner) peekKind() byte {
	s.ws()
	if s.pos >= len(s.data) {
		return 0
	}
	switch c := s.data[s.pos]; c {
	case '"', '{', '[', 't', 'f', 'n':
		return c
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return '0'
	}
	return 0
}

func kindName(k byte) string {
	switch k {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '0':
		return "a number"
	}
	return "no JSON value"
}

// want checks that the next value is of kind k and fails otherwise.
func (s *scanner) want(k byte, what string) bool {
	if s.err != nil {
		return false
	}
	got := s.peekKind()
	if got == k {
		return true
	}
	if got == 0 {
		if s.pos >= len(s.data) {
			s.fail("invalid JSON: unexpected end of input")
		} else {
			s.fail("invalid JSON: unexpected character " + strconv.QuoteRune(s.runeAt()))
		}
		return false
	}
	s.fail("want " + what + ", have " + kindName(got))
	return false
}

func (s *scanner) runeAt() rune {
	r, _ := utf8.DecodeRune(s.data[s.pos:])
	return r
}

func (s *scanner) enter() bool {
	s.depth++
	if s.depth > maxDepth {
		s.tooLarge("nesting deeper than 256 levels")
		return false
	}
	return true
}

// beginObject consumes the '{' of an object and reports whether a member
// follows; for an empty object it consumes the '}' too. Read the members with
//
//	for ok := s.beginObject(); ok; ok = s.more('}') { key := s.key(); … }
func (s *scanner) beginObject() bool {
	if !s.want('{', "an object") || !s.enter() {
		return false
	}
	s.pos++
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		s.depth--
		return false
	}
	return true
}

// key reads a member name and its ':'.
func (s *scanner) key() string {
	if s.err != nil {
		return ""
	}
	s.ws()
	if s.pos >= len(s.data) || s.data[s.pos] != '"' {
		s.fail("invalid JSON: want a member name in double quotes")
		return ""
	}
	s.keyAt = s.pos
	k := s.rawString()
	s.ws()
	if s.err == nil && (s.pos >= len(s.data) || s.data[s.pos] != ':') {
		s.fail("invalid JSON: want ':' after a member name")
		return ""
	}
	s.pos++
	return k
}

// beginArray consumes the '[' of an array and reports whether an element
// follows; for an empty array it consumes the ']' too. Read the elements
// with
//
//	for ok := s.beginArray(); ok; ok = s.more(']') { … }
func (s *scanner) beginArray() bool {
	if !s.want('[', "an array") || !s.enter() {
		return false
	}
	s.pos++
	s.ws()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		s.depth--
		return false
	}
	return true
}

// more consumes a ',' and reports true, or consumes the closing bracket and
// reports false.
func (s *scanner) more(closing byte) bool {
	if s.err != nil {
		return false
	}
	s.ws()
	if s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ',':
			s.pos++
			return true
		case closing:
			s.pos++
			s.depth--
			return false
		}
	}
	if s.pos >= len(s.data) {
		s.fail("invalid JSON: unexpected end of input")
	} else {
		s.fail("invalid JSON: want ',' or '" + string(closing) + "'")
	}
	return false
}

// rawString reads a JSON string at pos, unescaping it; invalid UTF-8 becomes
// U+FFFD as encoding/json does.
func (s *scanner) rawString() string {
	start := s.pos
	s.pos++ // opening quote
	i := s.pos
	for i < len(s.data) {
		c := s.data[i]
		if c == '"' {
			v := string(s.data[s.pos:i])
			s.pos = i + 1
			return v
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	// Slow path: escapes, control characters or non-ASCII.
	b := make([]byte, 0, i-s.pos+16)
	b = append(b, s.data[s.pos:i]...)
	for i < len(s.data) {
		c := s.data[i]
		switch {
		case c == '"':
			s.pos = i + 1
			return string(b)
		case c < 0x20:
			s.failAt(i, "invalid JSON: control character in a string")
			return ""
		case c == '\\':
			if i+1 >= len(s.data) {
				s.failAt(i, "invalid JSON: unfinished escape")
				return ""
			}
			switch e := s.data[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
				i += 2
			case 'b':
				b, i = append(b, '\b'), i+2
			case 'f':
				b, i = append(b, '\f'), i+2
			case 'n':
				b, i = append(b, '\n'), i+2
			case 'r':
				b, i = append(b, '\r'), i+2
			case 't':
				b, i = append(b, '\t'), i+2
			case 'u':
				r, ok := hex4(s.data, i+2)
				if !ok {
					s.failAt(i, "invalid JSON: bad \\u escape")
					return ""
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(s.data) && s.data[i] == '\\' && s.data[i+1] == 'u' {
						r2, ok2 = hex4(s.data, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				s.failAt(i, "invalid JSON: bad escape")
				return ""
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(s.data[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, "\uFFFD"...)
			} else {
				b = append(b, s.data[i:i+size]...)
			}
			i += size
		}
	}
	s.failAt(start, "invalid JSON: unterminated string")
	return ""
}

func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r*16 + rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r*16 + rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r*16 + rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// str reads a string value, normalized to NFC.
func (s *scanner) str() string {
	if !s.want('"', "a string") {
		return ""
	}
	v := s.rawString()
	if !isASCII(v) {
		v = norm.NFC.String(v)
	}
	return v
}

func isASCII(v string) bool {
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// integer reads an integer value within [lo, hi].
func (s *scanner) integer(lo, hi int64) int {
	if !s.want('0', "an integer") {
		return 0
	}
	start := s.pos
	num := s.number()
	if s.err != nil {
		return 0
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < lo || n > hi {
		s.failAt(start, "want an integer from "+strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10)+", have "+num)
		return 0
	}
	return int(n)
}

// number scans a JSON number and returns its text.
func (s *scanner) number() string {
	start := s.pos
	i := s.pos
	d := s.data
	if i < len(d) && d[i] == '-' {
		i++
	}
	digits := func() bool {
		j := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i > j
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		s.failAt(start, "invalid JSON: bad number")
		return ""
	}
	if i < len(d) && d[i] == '.' {
		i++
		if !digits() {
			s.failAt(start, "invalid JSON: bad number")
			return ""
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			s.failAt(start, "invalid JSON: bad number")
			return ""
		}
	}
	s.pos = i
	return string(d[start:i])
}

func (s *scanner) boolean() bool {
	switch s.peekKind() {
	case 't':
		return s.literal("true")
	case 'f':
		s.literal("false")
		return false
	}
	s.want('t', "a boolean")
	return false
}

func (s *scanner) literal(lit string) bool {
	if len(s.data)-s.pos >= len(lit) && string(s.data[s.pos:s.pos+len(lit)]) == lit {
		s.pos += len(lit)
		return true
	}
	s.fail("invalid JSON: bad literal")
	return false
}

// skip skips any value (used only to look for "format").
func (s *scanner) skip() {
	switch s.peekKind() {
	case '"':
		s.rawString()
	case '0':
		s.number()
	case 't':
		s.literal("true")
	case 'f':
		s.literal("false")
	case 'n':
		s.literal("null")
	case '{':
		for ok := s.beginObject(); ok; ok = s.more('}') {
			s.key()
			s.skip()
		}
	case '[':
		for ok := s.beginArray(); ok; ok = s.more(']') {
			s.skip()
		}
	default:
		s.want('{', "a value")
	}
}

// members is a set of member names already seen in one object, to refuse
// repeated members.
type members uint32

func (s *scanner) member(seen *members, bit int, key string) bool {
	if *seen&(1<<bit) != 0 {
		s.push(key)
		s.failAt(s.keyAt, "member "+strconv.Quote(key)+" appears twice")
		return false
	}
	*seen |= 1 << bit
	return true
}

func (s *scanner) unknown(key string, allowed string) {
	s.push(key)
	s.failAt(s.keyAt, "unknown member "+strconv.Quote(key)+"; allowed: "+allowed)
}

func (s *scanner) file() *File {
	f := &File{}
	var seen members
	var key string
	hasDoc := false
	if !s.beginObject() {
		if s.err == nil {
			s.err = &DecodeError{Path: "format", Msg: "missing \"format\": \"" + Format + "\"", format: true}
		}
		return nil
	}
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		switch key {
		case "format":
			if !s.member(&seen, 0, key) {
				break
			}
			s.push(key)
			at := s.pos
			if s.peekKind() != '"' {
				s.fail("unsupported format; this version reads \"" + Format + "\"")
			} else if v := s.rawString(); s.err == nil && v != Format {
				s.failAt(at, "unsupported format "+strconv.Quote(v)+"; this version reads \""+Format+"\"")
			}
			if s.err != nil {
				s.err.format = true
			}
			s.sawFormat = true
			s.pop()
		case "volume":
			if s.member(&seen, 1, key) {
				s.push(key)
				f.Volume = s.volume()
				s.pop()
			}
		case "document":
			if s.member(&seen, 2, key) {
				s.push(key)
				d := s.document()
				f.Documents = append(f.Documents, d)
				hasDoc = true
				s.pop()
			}
		case "documents":
			if s.member(&seen, 3, key) {
				s.push(key)
				for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
					s.pushIndex(i)
					f.Documents = append(f.Documents, s.document())
					s.pop()
				}
				s.pop()
			}
		default:
			s.unknown(key, `"format", "volume", "documents", "document"`)
		}
	}
	if s.err != nil {
		return nil
	}
	switch {
	case seen&1 == 0:
		s.err = &DecodeError{Path: "format", Msg: "missing \"format\": \"" + Format + "\"", format: true}
	case hasDoc && seen&(1<<3) != 0:
		s.err = &DecodeError{Path: "document", Msg: "a file holds either \"document\" or \"documents\", not both"}
	case hasDoc && f.Volume != nil:
		s.err = &DecodeError{Path: "document", Msg: "a volume file lists its documents in \"documents\""}
	case seen&(1<<1|1<<2|1<<3) == 0:
		s.err = &DecodeError{Msg: "a file holds a \"volume\", a \"document\" or \"documents\""}
	}
	if s.err != nil {
		return nil
	}
	return f
}

func (s *scanner) people() []Person {
	var out []Person
	for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
		s.pushIndex(i)
		var p Person
		var seen members
		var key string
		if s.beginObject() {
			for ok := true; ok; ok = s.more('}') {
				key = s.key()
				bit := 0
				var dst *string
				switch key {
				case "family":
					bit, dst = 0, &p.Family
				case "given":
					bit, dst = 1, &p.Given
				case "pseudonym":
					bit, dst = 2, &p.Pseudonym
				case "original":
					bit, dst = 3, &p.Original
				default:
					s.unknown(key, `"family", "given", "pseudonym", "original"`)
					continue
				}
				if s.member(&seen, bit, key) {
					s.push(key)
					*dst = s.str()
					s.pop()
				}
			}
		}
		out = append(out, p)
		s.pop()
	}
	return out
}

func (s *scanner) date() Date {
	at := s.pos
	v := s.str()
	if s.err != nil || v == "" {
		return Date{}
	}
	d, err := ParseEDTF(v)
	if err != nil {
		s.failAt(at, "want an EDTF date such as \"1934-12-31\" or \"1935-01-03~\", have "+strconv.Quote(v))
	}
	return d
}

// field reads a member's value with the member on the path, refusing a
// repeated member.
func (s *scanner) field(seen *members, bit int, key string, read func()) {
	if !s.member(seen, bit, key) {
		return
	}
	s.push(key)
	read()
	s.pop()
}

func (s *scanner) volume() *Volume {
	v := &Volume{}
	var seen members
	var key string
	if !s.beginObject() {
		return v
	}
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		switch key {
		case "id":
			s.field(&seen, 0, key, func() { v.ID = s.str() })
		case "title":
			s.field(&seen, 1, key, func() { v.Title = s.str() })
		case "number":
			s.field(&seen, 2, key, func() { v.Number = s.str() })
		case "editors":
			s.field(&seen, 3, key, func() { v.Editors = s.people() })
		case "translators":
			s.field(&seen, 4, key, func() { v.Translators = s.people() })
		case "publisher":
			s.field(&seen, 5, key, func() { v.Publisher = s.str() })
		case "place":
			s.field(&seen, 6, key, func() { v.Place = s.str() })
		case "year":
			s.field(&seen, 7, key, func() { v.Year = s.integer(0, 9999) })
		case "isbn":
			s.field(&seen, 8, key, func() { v.ISBN = s.str() })
		case "archive":
			s.field(&seen, 9, key, func() { v.Archive = s.archive() })
		case "contents":
			s.field(&seen, 10, key, func() { v.Contents = s.contents() })
		default:
			s.unknown(key, `"id", "title", "number", "editors", "translators", "publisher", "place", "year", "isbn", "archive", "contents"`)
		}
	}
	return v
}

func (s *scanner) archive() Archive {
	var a Archive
	var seen members
	var key string
	if !s.beginObject() {
		return a
	}
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		switch key {
		case "name":
			s.field(&seen, 0, key, func() { a.Name = s.str() })
		case "publisher":
			s.field(&seen, 1, key, func() { a.Publisher = s.str() })
		case "url":
			s.field(&seen, 2, key, func() { a.URL = s.str() })
		default:
			s.unknown(key, `"name", "publisher", "url"`)
		}
	}
	return a
}

func (s *scanner) contents() []Entry {
	var out []Entry
	for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
		s.pushIndex(i)
		var e Entry
		var seen members
		var key string
		if s.beginObject() {
			for ok := true; ok; ok = s.more('}') {
				key = s.key()
				switch key {
				case "id":
					s.field(&seen, 0, key, func() { e.ID = s.str() })
				case "label":
					s.field(&seen, 1, key, func() { e.Label = s.str() })
				case "date":
					s.field(&seen, 2, key, func() { e.Date = s.date() })
				default:
					s.unknown(key, `"id", "label", "date"`)
				}
			}
		}
		out = append(out, e)
		s.pop()
	}
	return out
}

func (s *scanner) document() *Document {
	d := &Document{}
	var seen members
	var key string
	if !s.beginObject() {
		return d
	}
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		switch key {
		case "id":
			s.field(&seen, 0, key, func() { d.ID = s.str() })
		case "title":
			s.field(&seen, 1, key, func() { d.Title = s.str() })
		case "authors":
			s.field(&seen, 2, key, func() { d.Authors = s.people() })
		case "recipients":
			s.field(&seen, 3, key, func() { d.Recipients = s.people() })
		case "repository":
			s.field(&seen, 4, key, func() { d.Repository = s.str() })
		case "archiveId":
			s.field(&seen, 5, key, func() { d.ArchiveID = s.str() })
		case "description":
			s.field(&seen, 6, key, func() { d.Description = s.str() })
		case "date":
			s.field(&seen, 7, key, func() { d.Date = s.date() })
		case "volume":
			s.field(&seen, 8, key, func() { d.Volume = s.str() })
		case "permalink":
			s.field(&seen, 9, key, func() { d.Permalink = s.str() })
		case "keywords":
			s.field(&seen, 10, key, func() {
				for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
					s.pushIndex(i)
					d.Keywords = append(d.Keywords, s.str())
					s.pop()
				}
			})
		case "versions":
			s.field(&seen, 11, key, func() {
				for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
					s.pushIndex(i)
					d.Versions = append(d.Versions, s.version())
					s.pop()
				}
			})
		default:
			s.unknown(key, `"id", "title", "authors", "recipients", "repository", "archiveId", "description", "date", "volume", "permalink", "keywords", "versions"`)
		}
	}
	return d
}

func (s *scanner) version() *Version {
	v := &Version{}
	var seen members
	var key string
	if !s.beginObject() {
		s.push("kind")
		s.fail("missing \"kind\": \"translation\" or \"transcription\"")
		s.pop()
		return v
	}
	for ok := true; ok; ok = s.more('}') {
		key = s.key()
		switch key {
		case "kind":
			s.field(&seen, 0, key, func() {
				at := s.pos
				switch k := s.str(); k {
				case "translation":
					v.Kind = Translation
				case "transcription":
					v.Kind = Transcription
				default:
					s.failAt(at, "want \"translation\" or \"transcription\", have "+strconv.Quote(k))
				}
			})
		case "lang":
			s.field(&seen, 1, key, func() { v.Lang = s.str() })
		case "startPage":
			s.field(&seen, 2, key, func() { v.StartPage = s.integer(0, math.MaxInt32) })
		case "blocks":
			s.field(&seen, 3, key, func() {
				for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
					s.pushIndex(i)
					v.Blocks = append(v.Blocks, s.block())
					s.pop()
				}
			})
		case "footnotes":
			s.field(&seen, 4, key, func() {
				for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
					s.pushIndex(i)
					v.Footnotes = append(v.Footnotes, s.footnote())
					s.pop()
				}
			})
		default:
			s.unknown(key, `"kind", "lang", "startPage", "blocks", "footnotes"`)
		}
	}
	if s.err == nil && seen&1 == 0 {
		s.push("kind")
		s.fail("missing \"kind\": \"translation\" or \"transcription\"")
		s.pop()
	}
	return v
}

func (s *scanner) footnote() *Footnote {
	s.node()
	f := &Footnote{}
	var seen members
	var key string
	start := s.pos
	defer func() {
		if s.err == nil && seen&(1<<1) == 0 {
			s.push("n")
			s.failAt(start, "missing \"n\": the note's number as printed")
			s.pop()
		}
	}()
	if s.beginObject() {
		for ok := true; ok; ok = s.more('}') {
			key = s.key()
			switch key {
			case "id":
				s.field(&seen, 0, key, func() { f.ID = s.str() })
			case "n":
				s.field(&seen, 1, key, func() { f.Number = s.integer(1, math.MaxInt32) })
			case "content":
				s.field(&seen, 2, key, func() { f.Content = s.inlines(false) })
			default:
				s.unknown(key, `"id", "n", "content"`)
			}
		}
	}
	return f
}

func (s *scanner) block() Block {
	var (
		seen      members
		key, typ  string
		level     int
		continued bool
		content   []Inline
		typeAt    int
	)
	start := s.pos
	s.node()
	if s.beginObject() {
		for ok := true; ok; ok = s.more('}') {
			key = s.key()
			switch key {
			case "type":
				s.field(&seen, 0, key, func() { typeAt = s.pos; typ = s.str() })
			case "level":
				s.field(&seen, 1, key, func() { level = s.integer(1, 6) })
			case "continued":
				s.field(&seen, 2, key, func() { continued = s.boolean() })
			case "content":
				s.field(&seen, 3, key, func() { content = s.inlines(true) })
			default:
				s.unknown(key, `"type", "level", "content", "continued"`)
			}
		}
	}
	if s.err != nil {
		return nil
	}
	if seen&(1<<3) == 0 {
		s.push("content")
		s.failAt(start, "missing content")
		s.pop()
		return nil
	}
	switch typ {
	case "heading":
		if seen&(1<<1) == 0 {
			s.push("level")
			s.failAt(start, "missing level: 1 for the entry's heading, 2 for a sub-heading")
			s.pop()
		}
		if seen&(1<<2) != 0 {
			s.push("continued")
			s.failAt(start, "a heading is never continued")
			s.pop()
		}
		return &Heading{Level: level, Content: content}
	case "paragraph", "commentary":
		if seen&(1<<1) != 0 {
			s.push("level")
			s.failAt(start, "only headings have a level")
			s.pop()
		}
		if typ == "paragraph" {
			return &Paragraph{Content: content, Continued: continued}
		}
		return &Commentary{Content: content, Continued: continued}
	}
	s.push("type")
	if seen&1 == 0 {
		typeAt = start
	}
	s.failAt(typeAt, "want \"heading\", \"paragraph\" or \"commentary\", have "+strconv.Quote(typ))
	s.pop()
	return nil
}

const inlineForms = "want a string or one of {\"emph\": […]}, {\"note\": ID}, {\"page\": N}"

// inlines reads inline content; top allows footnote anchors and page breaks.
func (s *scanner) inlines(top bool) []Inline {
	// The inlines are gathered on a stack shared by all arrays (emphasis
	// nests) and copied to a slice of their exact length: memory holds no
	// slack of a growing slice per array.
	base := len(s.stack)
	defer func() {
		clear(s.stack[base:])
		s.stack = s.stack[:base]
	}()
	for i, ok := 0, s.beginArray(); ok; i, ok = i+1, s.more(']') {
		s.pushIndex(i)
		if !s.node() {
			return nil
		}
		switch s.peekKind() {
		case '"':
			s.stack = append(s.stack, s.text(s.str()))
		case '{':
			in := s.inlineObject(top)
			s.stack = append(s.stack, in)
		default:
			s.want('"', "a string or an object")
		}
		s.pop()
		if s.err != nil {
			return nil
		}
	}
	if s.err != nil || len(s.stack) == base {
		return nil
	}
	return slices.Clone(s.stack[base:])
}

// text returns a *Text of v, allocated from a slab of Text values: one
// allocation per 256 text nodes.
func (s *scanner) text(v string) *Text {
	if len(s.texts) == cap(s.texts) {
		s.texts = make([]Text, 0, 256)
	}
	s.texts = append(s.texts, Text{Value: v})
	return &s.texts[len(s.texts)-1]
}

func (s *scanner) inlineObject(top bool) Inline {
	start := s.pos
	var key string
	var in Inline
	n := 0
	if s.beginObject() {
		for ok := true; ok; ok = s.more('}') {
			key = s.key()
			n++
			if n > 1 {
				s.failAt(start, inlineForms)
				return nil
			}
			switch key {
			case "emph":
				s.push(key)
				if s.peekKind() != '[' {
					s.want('[', "an array")
				}
				in = &Emphasis{Content: s.inlines(false)}
				s.pop()
			case "note":
				if !top {
					s.failAt(start, "a footnote anchor may stand only at the top level of a block")
					return nil
				}
				s.push(key)
				in = &NoteRef{ID: s.str()}
				s.pop()
			case "page":
				if !top {
					s.failAt(start, "a page break may stand only at the top level of a block")
					return nil
				}
				s.push(key)
				in = &PageBreak{Page: s.integer(1, math.MaxInt32)}
				s.pop()
			default:
				s.unknown(key, `"emph", "note", "page"`)
			}
		}
	}
	if s.err == nil && in == nil {
		s.failAt(start, inlineForms)
	}
	return in
}
