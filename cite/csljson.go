package cite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/internal/jsonstr"
	"github.com/maisky-lib/maisky/maisky"
)

// ErrCSLJSON is the sentinel of malformed CSL-JSON; every *JSONError
// unwraps to it.
var ErrCSLJSON = errors.New("cite: malformed CSL-JSON")

// ErrTooLarge is the sentinel of CSL-JSON input over MaxCSLJSONInput bytes
// or MaxCSLJSONItems items; the *JSONError that reports it unwraps to it,
// to ErrCSLJSON and to maisky.ErrTooLarge, the bound every reader of the
// module reports.
var ErrTooLarge = errors.New("cite: CSL-JSON input too large")

// JSONError is malformed CSL-JSON: what is wrong and where.
type JSONError struct {
	// Path is the JSON path of the bad value: "items[3].issued.date-parts[0][1]".
	Path string
	// Line and Offset (bytes from the start of the input) locate syntax
	// errors; both are 0 when only the path is known.
	Line   int
	Offset int64
	// Msg says what is wrong and what is allowed.
	Msg string

	tooLarge bool
}

// Error returns "cite: CSL-JSON PATH (line L, offset O): what is wrong".
func (e *JSONError) Error() string {
	var b strings.Builder
	b.WriteString("cite: CSL-JSON")
	if e.Path != "" {
		b.WriteString(" ")
		b.WriteString(e.Path)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d, offset %d)", e.Line, e.Offset)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns ErrCSLJSON, and ErrTooLarge and maisky.ErrTooLarge for
// input past MaxCSLJSONInput or MaxCSLJSONItems.
func (e *JSONError) Unwrap() []error {
	if e.tooLarge {
		return []error{ErrCSLJSON, ErrTooLarge, maisky.ErrTooLarge}
	}
	return []error{ErrCSLJSON}
}

type varKind uint8

const (
	kindString varKind = iota + 1
	kindNumber         // string or number
	kindNames
	kindDate
)

// cslVar is a CSL 1.0.2 variable: its name, its kind and, for the
// variables an Item has a field for, the field (the others live in Extra,
// ExtraNames or ExtraDates under their name).
type cslVar struct {
	name  string
	kind  varKind
	str   func(*Item) *string
	names func(*Item) *[]Name
	date  func(*Item) *Date
}

// cslVarTable is every CSL 1.0.2 variable in the order MarshalJSON writes
// them: the Item's own fields first, the others after, by name within
// their kind. It is the one table that drives decoding (which variables
// exist, of which kind, into which field), encoding and member order.
var cslVarTable = [...]cslVar{
	{name: "title", kind: kindString, str: func(it *Item) *string { return &it.Title }},
	{name: "title-short", kind: kindString, str: func(it *Item) *string { return &it.TitleShort }},
	{name: "author", kind: kindNames, names: func(it *Item) *[]Name { return &it.Author }},
	{name: "recipient", kind: kindNames, names: func(it *Item) *[]Name { return &it.Recipient }},
	{name: "container-title", kind: kindString, str: func(it *Item) *string { return &it.ContainerTitle }},
	{name: "container-title-short", kind: kindString, str: func(it *Item) *string { return &it.ContainerTitleShort }},
	{name: "collection-title", kind: kindString, str: func(it *Item) *string { return &it.CollectionTitle }},
	{name: "collection-number", kind: kindNumber, str: func(it *Item) *string { return &it.CollectionNumber }},
	{name: "container-author", kind: kindNames, names: func(it *Item) *[]Name { return &it.ContainerAuthor }},
	{name: "collection-editor", kind: kindNames, names: func(it *Item) *[]Name { return &it.CollectionEditor }},
	{name: "volume", kind: kindNumber, str: func(it *Item) *string { return &it.Volume }},
	{name: "number-of-volumes", kind: kindNumber, str: func(it *Item) *string { return &it.NumberOfVolumes }},
	{name: "edition", kind: kindNumber, str: func(it *Item) *string { return &it.Edition }},
	{name: "editor", kind: kindNames, names: func(it *Item) *[]Name { return &it.Editor }},
	{name: "translator", kind: kindNames, names: func(it *Item) *[]Name { return &it.Translator }},
	{name: "publisher", kind: kindString, str: func(it *Item) *string { return &it.Publisher }},
	{name: "publisher-place", kind: kindString, str: func(it *Item) *string { return &it.PublisherPlace }},
	{name: "issued", kind: kindDate, date: func(it *Item) *Date { return &it.Issued }},
	{name: "original-date", kind: kindDate, date: func(it *Item) *Date { return &it.OriginalDate }},
	{name: "page", kind: kindNumber, str: func(it *Item) *string { return &it.Page }},
	{name: "number-of-pages", kind: kindNumber, str: func(it *Item) *string { return &it.NumberOfPages }},
	{name: "genre", kind: kindString, str: func(it *Item) *string { return &it.Genre }},
	{name: "medium", kind: kindString, str: func(it *Item) *string { return &it.Medium }},
	{name: "archive", kind: kindString, str: func(it *Item) *string { return &it.Archive }},
	{name: "archive_location", kind: kindString, str: func(it *Item) *string { return &it.ArchiveLocation }},
	{name: "archive-place", kind: kindString, str: func(it *Item) *string { return &it.ArchivePlace }},
	{name: "URL", kind: kindString, str: func(it *Item) *string { return &it.URL }},
	{name: "DOI", kind: kindString, str: func(it *Item) *string { return &it.DOI }},
	{name: "ISBN", kind: kindString, str: func(it *Item) *string { return &it.ISBN }},
	{name: "accessed", kind: kindDate, date: func(it *Item) *Date { return &it.Accessed }},
	{name: "language", kind: kindString, str: func(it *Item) *string { return &it.Language }},
	{name: "note", kind: kindString, str: func(it *Item) *string { return &it.Note }},
	{name: "abstract", kind: kindString, str: func(it *Item) *string { return &it.Abstract }},
	{name: "source", kind: kindString, str: func(it *Item) *string { return &it.Source }},
	// standard variables without a field
	{name: "annote", kind: kindString}, {name: "archive_collection", kind: kindString},
	{name: "authority", kind: kindString}, {name: "call-number", kind: kindString},
	{name: "citation-key", kind: kindString}, {name: "citation-label", kind: kindString},
	{name: "dimensions", kind: kindString}, {name: "division", kind: kindString},
	{name: "event", kind: kindString}, {name: "event-place", kind: kindString},
	{name: "event-title", kind: kindString}, {name: "ISSN", kind: kindString},
	{name: "journalAbbreviation", kind: kindString}, {name: "jurisdiction", kind: kindString},
	{name: "keyword", kind: kindString}, {name: "license", kind: kindString},
	{name: "original-publisher", kind: kindString}, {name: "original-publisher-place", kind: kindString},
	{name: "original-title", kind: kindString}, {name: "part-title", kind: kindString},
	{name: "PMCID", kind: kindString}, {name: "PMID", kind: kindString},
	{name: "references", kind: kindString}, {name: "reviewed-genre", kind: kindString},
	{name: "reviewed-title", kind: kindString}, {name: "scale", kind: kindString},
	{name: "shortTitle", kind: kindString}, {name: "status", kind: kindString},
	{name: "version", kind: kindString}, {name: "volume-title", kind: kindString},
	{name: "volume-title-short", kind: kindString}, {name: "year-suffix", kind: kindString},
	// number variables without a field
	{name: "chapter-number", kind: kindNumber}, {name: "citation-number", kind: kindNumber},
	{name: "first-reference-note-number", kind: kindNumber}, {name: "issue", kind: kindNumber},
	{name: "locator", kind: kindNumber}, {name: "number", kind: kindNumber},
	{name: "page-first", kind: kindNumber}, {name: "part-number", kind: kindNumber},
	{name: "printing", kind: kindNumber}, {name: "section", kind: kindNumber},
	{name: "supplement-number", kind: kindNumber},
	// name variables without a field
	{name: "chair", kind: kindNames}, {name: "compiler", kind: kindNames},
	{name: "composer", kind: kindNames}, {name: "contributor", kind: kindNames},
	{name: "curator", kind: kindNames}, {name: "director", kind: kindNames},
	{name: "editorial-director", kind: kindNames}, {name: "executive-producer", kind: kindNames},
	{name: "guest", kind: kindNames}, {name: "host", kind: kindNames},
	{name: "illustrator", kind: kindNames}, {name: "interviewer", kind: kindNames},
	{name: "narrator", kind: kindNames}, {name: "organizer", kind: kindNames},
	{name: "original-author", kind: kindNames}, {name: "performer", kind: kindNames},
	{name: "producer", kind: kindNames}, {name: "reviewed-author", kind: kindNames},
	{name: "script-writer", kind: kindNames}, {name: "series-creator", kind: kindNames},
	// date variables without a field
	{name: "available-date", kind: kindDate}, {name: "event-date", kind: kindDate},
	{name: "submitted", kind: kindDate},
}

// lookupVar returns the variable of cslVarTable with the name, nil if
// there is none.
func lookupVar(name string) *cslVar {
	for i := range cslVarTable {
		if cslVarTable[i].name == name {
			return &cslVarTable[i]
		}
	}
	return nil
}

// MarshalJSON writes the item as a CSL-JSON object: "id" and "type" first,
// then the variables in a fixed order, absent ones left out.
func (it Item) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	it.appendJSON(&b)
	return b.Bytes(), nil
}

func (it *Item) appendJSON(b *bytes.Buffer) {
	b.WriteString(`{"id":`)
	writeJSONString(b, it.ID)
	if it.Type != "" {
		b.WriteString(`,"type":`)
		writeJSONString(b, it.Type)
	}
	for i := range cslVarTable {
		v := &cslVarTable[i]
		switch v.kind {
		case kindString, kindNumber:
			s := it.Extra[v.name]
			if v.str != nil {
				s = *v.str(it)
			}
			if s != "" {
				writeKey(b, v.name)
				writeJSONString(b, s)
			}
		case kindNames:
			ns := it.ExtraNames[v.name]
			if v.names != nil {
				ns = *v.names(it)
			}
			if len(ns) > 0 {
				writeKey(b, v.name)
				writeNames(b, ns)
			}
		case kindDate:
			d := it.ExtraDates[v.name]
			if v.date != nil {
				d = *v.date(it)
			}
			if !d.IsZero() {
				writeKey(b, v.name)
				writeDate(b, d)
			}
		}
	}
	b.WriteByte('}')
}

func writeKey(b *bytes.Buffer, k string) {
	b.WriteByte(',')
	writeJSONString(b, k)
	b.WriteByte(':')
}

// writeJSONString writes s as a JSON string with the module's one escaper
// (invalid UTF-8 as U+FFFD, as the maisky/1 writer does).
func writeJSONString(b *bytes.Buffer, s string) {
	b.Write(jsonstr.Append(b.AvailableBuffer(), s))
}

func writeNames(b *bytes.Buffer, names []Name) {
	b.WriteByte('[')
	for i, n := range names {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		first := true
		field := func(k, v string) {
			if v == "" {
				return
			}
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeJSONString(b, k)
			b.WriteByte(':')
			writeJSONString(b, v)
		}
		field("family", n.Family)
		field("given", n.Given)
		field("dropping-particle", n.DroppingParticle)
		field("non-dropping-particle", n.NonDroppingParticle)
		field("suffix", n.Suffix)
		field("literal", n.Literal)
		if n.CommaSuffix {
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(`"comma-suffix":true`)
		}
		if n.StaticOrdering {
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString(`"static-ordering":true`)
		}
		if n.NoParse {
			if !first {
				b.WriteByte(',')
			}
			b.WriteString(`"parse-names":false`)
		}
		b.WriteByte('}')
	}
	b.WriteByte(']')
}

func writeDateParts(b *bytes.Buffer, p DateParts) {
	b.WriteByte('[')
	b.WriteString(strconv.Itoa(p.Year))
	if p.Month != 0 {
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(p.Month))
		if p.Day != 0 {
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(p.Day))
		}
	}
	b.WriteByte(']')
}

func writeDate(b *bytes.Buffer, d Date) {
	b.WriteByte('{')
	first := true
	sep := func() {
		if !first {
			b.WriteByte(',')
		}
		first = false
	}
	if !d.From.IsZero() {
		sep()
		b.WriteString(`"date-parts":[`)
		writeDateParts(b, d.From)
		if !d.To.IsZero() {
			b.WriteByte(',')
			writeDateParts(b, d.To)
		}
		b.WriteByte(']')
	}
	if d.Season != 0 {
		sep()
		b.WriteString(`"season":`)
		b.WriteString(strconv.Itoa(d.Season))
	} else if d.SeasonName != "" {
		sep()
		b.WriteString(`"season":`)
		writeJSONString(b, d.SeasonName)
	}
	if d.Circa {
		sep()
		b.WriteString(`"circa":true`)
	}
	if d.Literal != "" {
		sep()
		b.WriteString(`"literal":`)
		writeJSONString(b, d.Literal)
	}
	if d.Raw != "" {
		sep()
		b.WriteString(`"raw":`)
		writeJSONString(b, d.Raw)
	}
	b.WriteByte('}')
}

// Encoder writes a CSL-JSON array item by item: "[", the items one per
// line, and "]" on Close. It holds no item after writing it.
type Encoder struct {
	w     *bufio.Writer
	n     int
	buf   bytes.Buffer
	err   error
	close bool
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: bufio.NewWriter(w)}
}

// Encode writes one item of the array.
func (e *Encoder) Encode(it *Item) error {
	if e.err != nil {
		return e.err
	}
	if e.close {
		return errors.New("cite: Encode after Close")
	}
	e.buf.Reset()
	if e.n == 0 {
		e.buf.WriteString("[\n")
	} else {
		e.buf.WriteString(",\n")
	}
	e.n++
	it.appendJSON(&e.buf)
	if _, err := e.w.Write(e.buf.Bytes()); err != nil {
		e.err = err
		return err
	}
	return nil
}

// Close ends the array ("[]" when no item was written) and flushes.
func (e *Encoder) Close() error {
	if e.err != nil {
		return e.err
	}
	if !e.close {
		e.close = true
		if e.n == 0 {
			e.w.WriteString("[]\n")
		} else {
			e.w.WriteString("\n]\n")
		}
	}
	e.err = e.w.Flush()
	return e.err
}

// WriteCSLJSON writes items as one CSL-JSON array, streamed item by item.
func WriteCSLJSON(w io.Writer, items []Item) error {
	e := NewEncoder(w)
	for i := range items {
		if err := e.Encode(&items[i]); err != nil {
			return err
		}
	}
	return e.Close()
}

// MaxCSLJSONInput and MaxCSLJSONItems bound what ReadCSLJSON accepts (256
// MiB, the bound of the module's other readers, and 25,000 items): past
// either, it fails with a *JSONError that unwraps to ErrCSLJSON,
// ErrTooLarge and maisky.ErrTooLarge.
const (
	MaxCSLJSONInput = 256 << 20
	MaxCSLJSONItems = 25_000
)

// ReadCSLJSON reads a CSL-JSON array of items, strictly: an unknown field,
// a value of the wrong JSON type, a bad date or name is a *JSONError naming
// its path ("items[3].issued.date-parts[0][1]"). A single item object (not
// in an array) is accepted too. Input past MaxCSLJSONInput bytes or
// MaxCSLJSONItems items is refused.
func ReadCSLJSON(r io.Reader) ([]Item, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSLJSONInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCSLJSONInput {
		return nil, &JSONError{Path: "items", Msg: "input larger than 256 MiB, the most ReadCSLJSON accepts; split it", tooLarge: true}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(data))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, syntaxError(data, dec, err, "items[0]")
		}
		if _, err := dec.Token(); err != io.EOF {
			return nil, &JSONError{Path: "items", Msg: "text after the item", Offset: dec.InputOffset(), Line: lineAt(data, dec.InputOffset())}
		}
		var it Item
		if err := unmarshalItem(raw, &it, "items[0]"); err != nil {
			return nil, err
		}
		return []Item{it}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, syntaxError(data, dec, err, "items")
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &JSONError{Path: "items", Msg: "want an array of items"}
	}
	var items []Item
	for i := 0; dec.More(); i++ {
		if i == MaxCSLJSONItems {
			return nil, &JSONError{Path: "items", Msg: fmt.Sprintf("more than %d items, the most ReadCSLJSON accepts; split it", MaxCSLJSONItems), tooLarge: true}
		}
		var raw json.RawMessage
		path := "items[" + strconv.Itoa(i) + "]"
		if err := dec.Decode(&raw); err != nil {
			return nil, syntaxError(data, dec, err, path)
		}
		var it Item
		if err := unmarshalItem(raw, &it, path); err != nil {
			return nil, err
		}
		items = append(items, it)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntaxError(data, dec, err, "items")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &JSONError{Path: "items", Msg: "text after the array", Offset: dec.InputOffset(), Line: lineAt(data, dec.InputOffset())}
	}
	return items, nil
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func syntaxError(data []byte, dec *json.Decoder, err error, path string) error {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	msg := err.Error()
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		msg = "unexpected end of input"
	}
	return &JSONError{Path: path, Line: lineAt(data, off), Offset: off, Msg: strings.TrimPrefix(msg, "json: ")}
}

// UnmarshalJSON reads one CSL-JSON item strictly (see ReadCSLJSON).
func (it *Item) UnmarshalJSON(data []byte) error {
	var n Item
	if err := unmarshalItem(data, &n, ""); err != nil {
		return err
	}
	*it = n
	return nil
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// objectFields decodes a JSON object into its fields in document order;
// duplicate keys are an error.
func objectFields(data []byte, path string) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, syntaxError(data, dec, err, path)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, &JSONError{Path: path, Msg: "want an object, got " + describe(data)}
	}
	var keys []string
	var vals []json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, syntaxError(data, dec, err, path)
		}
		k, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, syntaxError(data, dec, err, joinPath(path, k))
		}
		for _, seen := range keys {
			if seen == k {
				return nil, nil, &JSONError{Path: joinPath(path, k), Msg: "duplicate field"}
			}
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	if _, err := dec.Token(); err != nil {
		return nil, nil, syntaxError(data, dec, err, path)
	}
	return keys, vals, nil
}

func describe(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
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
	}
	return "a number"
}

func jsonString(v json.RawMessage, path string) (string, error) {
	var s string
	if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, &s) != nil {
		return "", &JSONError{Path: path, Msg: "want a string, got " + describe(v)}
	}
	return s, nil
}

// jsonStringOrNumber accepts a string or a number (kept as written).
func jsonStringOrNumber(v json.RawMessage, path string) (string, error) {
	v = bytes.TrimSpace(v)
	if len(v) > 0 && (v[0] == '-' || (v[0] >= '0' && v[0] <= '9')) {
		var n json.Number
		if json.Unmarshal(v, &n) == nil {
			return n.String(), nil
		}
	}
	s, err := jsonString(v, path)
	if err != nil {
		return "", &JSONError{Path: path, Msg: "want a string or a number, got " + describe(v)}
	}
	return s, nil
}

func jsonBool(v json.RawMessage, path string) (bool, error) {
	switch string(bytes.TrimSpace(v)) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, &JSONError{Path: path, Msg: "want true or false, got " + describe(v)}
}

func unmarshalItem(data []byte, it *Item, path string) error {
	keys, vals, err := objectFields(data, path)
	if err != nil {
		return err
	}
	hasID := false
	for i, k := range keys {
		v := vals[i]
		p := joinPath(path, k)
		switch k {
		case "id":
			s, err := jsonStringOrNumber(v, p)
			if err != nil {
				return err
			}
			it.ID = s
			hasID = true
			continue
		case "type":
			s, err := jsonString(v, p)
			if err != nil {
				return err
			}
			if !KnownType(s) {
				return &JSONError{Path: p, Msg: fmt.Sprintf("unknown item type %q; CSL 1.0.2 types are %s", s, strings.Join(itemTypes[:], ", "))}
			}
			it.Type = s
			continue
		case "categories":
			var cats []string
			if json.Unmarshal(v, &cats) != nil {
				return &JSONError{Path: p, Msg: "want an array of strings, got " + describe(v)}
			}
			continue
		case "custom":
			if _, _, err := objectFields(v, p); err != nil {
				return err
			}
			continue
		}
		cv := lookupVar(k)
		if cv == nil {
			return &JSONError{Path: p, Msg: "unknown field; want a CSL 1.0.2 variable"}
		}
		if err := it.setVar(cv, v, p); err != nil {
			return err
		}
	}
	if !hasID {
		return &JSONError{Path: joinPath(path, "id"), Msg: "missing; every item needs an id"}
	}
	return nil
}

// setVar decodes the value of a variable into its field, or into Extra,
// ExtraNames or ExtraDates.
func (it *Item) setVar(cv *cslVar, v json.RawMessage, p string) error {
	switch cv.kind {
	case kindString, kindNumber:
		var s string
		var err error
		if cv.kind == kindString {
			s, err = jsonString(v, p)
		} else {
			s, err = jsonStringOrNumber(v, p)
		}
		if err != nil {
			return err
		}
		if cv.str != nil {
			*cv.str(it) = s
			return nil
		}
		if s == "" {
			return nil
		}
		if it.Extra == nil {
			it.Extra = map[string]string{}
		}
		it.Extra[cv.name] = s
	case kindNames:
		names, err := unmarshalNames(v, p)
		if err != nil {
			return err
		}
		if len(names) == 0 {
			names = nil // an empty list is an absent variable
		}
		if cv.names != nil {
			*cv.names(it) = names
			return nil
		}
		if names == nil {
			return nil
		}
		if it.ExtraNames == nil {
			it.ExtraNames = map[string][]Name{}
		}
		it.ExtraNames[cv.name] = names
	case kindDate:
		d, err := unmarshalDate(v, p)
		if err != nil {
			return err
		}
		if cv.date != nil {
			*cv.date(it) = d
			return nil
		}
		if d.IsZero() {
			return nil
		}
		if it.ExtraDates == nil {
			it.ExtraDates = map[string]Date{}
		}
		it.ExtraDates[cv.name] = d
	}
	return nil
}

func jsonArray(v json.RawMessage, path string) ([]json.RawMessage, error) {
	var elems []json.RawMessage
	if t := bytes.TrimSpace(v); len(t) == 0 || t[0] != '[' || json.Unmarshal(t, &elems) != nil {
		return nil, &JSONError{Path: path, Msg: "want an array, got " + describe(v)}
	}
	return elems, nil
}

func unmarshalNames(v json.RawMessage, path string) ([]Name, error) {
	elems, err := jsonArray(v, path)
	if err != nil {
		return nil, err
	}
	names := make([]Name, 0, len(elems))
	for i, e := range elems {
		p := path + "[" + strconv.Itoa(i) + "]"
		keys, vals, err := objectFields(e, p)
		if err != nil {
			return nil, err
		}
		var n Name
		for j, k := range keys {
			kp := p + "." + k
			var s string
			var err error
			switch k {
			case "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal":
				s, err = jsonString(vals[j], kp)
			case "comma-suffix", "static-ordering", "parse-names":
				var b bool
				b, err = jsonBoolish(vals[j], kp)
				switch k {
				case "comma-suffix":
					n.CommaSuffix = b
				case "static-ordering":
					n.StaticOrdering = b
				default:
					n.NoParse = !b
				}
			default:
				err = &JSONError{Path: kp, Msg: "unknown name field; want family, given, dropping-particle, non-dropping-particle, suffix, comma-suffix, static-ordering, literal or parse-names"}
			}
			if err != nil {
				return nil, err
			}
			switch k {
			case "family":
				n.Family = s
			case "given":
				n.Given = s
			case "dropping-particle":
				n.DroppingParticle = s
			case "non-dropping-particle":
				n.NonDroppingParticle = s
			case "suffix":
				n.Suffix = s
			case "literal":
				n.Literal = s
			}
		}
		if n.IsZero() {
			return nil, &JSONError{Path: p, Msg: "empty name; want family, given or literal"}
		}
		names = append(names, n)
	}
	return names, nil
}

// jsonBoolish accepts CSL-JSON's loose booleans (true/false, numbers,
// strings) with JavaScript's truth, as citeproc-js reads them: a non-zero
// number or a non-empty string is true.
func jsonBoolish(v json.RawMessage, path string) (bool, error) {
	if b, err := jsonBool(v, path); err == nil {
		return b, nil
	}
	t := bytes.TrimSpace(v)
	if len(t) > 0 && t[0] == '"' {
		s, err := jsonString(v, path)
		return s != "", err
	}
	s, err := jsonStringOrNumber(v, path)
	if err != nil {
		return false, &JSONError{Path: path, Msg: "want a boolean, a number or a string, got " + describe(v)}
	}
	f, err := strconv.ParseFloat(s, 64)
	return err != nil || f != 0, nil
}

func unmarshalDate(v json.RawMessage, path string) (Date, error) {
	var d Date
	if t := bytes.TrimSpace(v); len(t) > 0 && t[0] == '"' {
		s, err := jsonString(v, path)
		if err != nil {
			return d, err
		}
		return rawDate(s), nil
	}
	keys, vals, err := objectFields(v, path)
	if err != nil {
		return d, &JSONError{Path: path, Msg: "want a date object or a string, got " + describe(v)}
	}
	for i, k := range keys {
		p := path + "." + k
		switch k {
		case "date-parts":
			elems, err := jsonArray(vals[i], p)
			if err != nil {
				return d, err
			}
			if len(elems) == 0 || len(elems) > 2 {
				return d, &JSONError{Path: p, Msg: fmt.Sprintf("want one date or two (a range), got %d", len(elems))}
			}
			for j, e := range elems {
				dp, err := unmarshalDateParts(e, p+"["+strconv.Itoa(j)+"]")
				if err != nil {
					return d, err
				}
				if j == 0 {
					d.From = dp
				} else {
					d.To = dp
				}
			}
		case "season":
			s, err := jsonStringOrNumber(vals[i], p)
			if err != nil {
				return d, err
			}
			d.Season = parseSeason(s)
			if d.Season == 0 {
				if _, err := strconv.Atoi(strings.TrimSpace(s)); err == nil || strings.TrimSpace(s) == "" {
					return d, &JSONError{Path: p, Msg: fmt.Sprintf("bad season %q; want 1–4, spring, summer, autumn, winter or a season's name", s)}
				}
				// a named season or term ("Easter"), printed as given
				d.SeasonName = s
			}
		case "circa":
			b, err := jsonBoolish(vals[i], p)
			if err != nil {
				return d, err
			}
			d.Circa = b
		case "literal":
			s, err := jsonString(vals[i], p)
			if err != nil {
				return d, err
			}
			d.Literal = s
		case "raw":
			s, err := jsonString(vals[i], p)
			if err != nil {
				return d, err
			}
			d.Raw = s
		default:
			return d, &JSONError{Path: p, Msg: "unknown date field; want date-parts, season, circa, literal or raw"}
		}
	}
	if d.From.IsZero() && d.Raw != "" {
		// As citeproc-js: a raw date stands for the whole date object
		// when there are no date-parts.
		return rawDate(d.Raw), nil
	}
	if d.IsZero() {
		// A season or "circa" without a date is no date.
		return Date{}, nil
	}
	return d, nil
}

// rawDate is the date of a CSL-JSON "raw" date: its parts when ParseDate
// reads it (the encoder then writes the date-parts, so that a read, write
// and read again give the same Date), else the text kept in Raw, printed as
// written.
func rawDate(s string) Date {
	if d, ok := ParseDate(s); ok {
		return d
	}
	return Date{Raw: s}
}

func parseSeason(s string) int {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "spring":
		return 1
	case "2", "summer":
		return 2
	case "3", "autumn", "fall":
		return 3
	case "4", "winter":
		return 4
	}
	return 0
}

func unmarshalDateParts(v json.RawMessage, path string) (DateParts, error) {
	var dp DateParts
	elems, err := jsonArray(v, path)
	if err != nil {
		return dp, err
	}
	if len(elems) == 0 || len(elems) > 3 {
		return dp, &JSONError{Path: path, Msg: fmt.Sprintf("want [year], [year, month] or [year, month, day], got %d parts", len(elems))}
	}
	for i, e := range elems {
		p := path + "[" + strconv.Itoa(i) + "]"
		s, err := jsonStringOrNumber(e, p)
		if err != nil {
			return dp, &JSONError{Path: p, Msg: "want an integer, got " + describe(e)}
		}
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return dp, &JSONError{Path: p, Msg: fmt.Sprintf("want an integer, got %q", s)}
		}
		switch i {
		case 0:
			if n == 0 || n < -99999 || n > 99999 {
				return dp, &JSONError{Path: p, Msg: fmt.Sprintf("bad year %d", n)}
			}
			dp.Year = n
		case 1:
			if n < 1 || n > 16 {
				return dp, &JSONError{Path: p, Msg: fmt.Sprintf("bad month %d; want 1–12 (13–16 for seasons)", n)}
			}
			dp.Month = n
		case 2:
			if n < 1 || n > 31 || dp.Month > 12 {
				return dp, &JSONError{Path: p, Msg: fmt.Sprintf("bad day %d; want 1–31", n)}
			}
			dp.Day = n
		}
	}
	return dp, nil
}
