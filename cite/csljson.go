package cite

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// ErrCSLJSON is the sentinel of malformed CSL-JSON; every *JSONError
// unwraps to it.
var ErrCSLJSON = errors.New("cite: malformed CSL-JSON")

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

// Unwrap returns ErrCSLJSON.
func (e *JSONError) Unwrap() error { return ErrCSLJSON }

type varKind uint8

const (
	kindString varKind = iota + 1
	kindNumber         // string or number
	kindNames
	kindDate
)

// cslVars maps every CSL 1.0.2 variable to its kind.
var cslVars = map[string]varKind{
	// standard variables
	"abstract": kindString, "annote": kindString, "archive": kindString,
	"archive_collection": kindString, "archive_location": kindString, "archive-place": kindString,
	"authority": kindString, "call-number": kindString, "citation-key": kindString,
	"citation-label": kindString, "collection-title": kindString, "container-title": kindString,
	"container-title-short": kindString, "dimensions": kindString, "division": kindString,
	"DOI": kindString, "event": kindString, "event-title": kindString, "event-place": kindString,
	"genre": kindString, "ISBN": kindString, "ISSN": kindString, "jurisdiction": kindString,
	"keyword": kindString, "language": kindString, "license": kindString, "medium": kindString,
	"note": kindString, "original-publisher": kindString, "original-publisher-place": kindString,
	"original-title": kindString, "part-title": kindString, "PMCID": kindString, "PMID": kindString,
	"publisher": kindString, "publisher-place": kindString, "references": kindString,
	"reviewed-genre": kindString, "reviewed-title": kindString, "scale": kindString,
	"source": kindString, "status": kindString, "title": kindString, "title-short": kindString,
	"URL": kindString, "version": kindString, "volume-title": kindString,
	"volume-title-short": kindString, "year-suffix": kindString, "shortTitle": kindString,
	"journalAbbreviation": kindString,
	// number variables
	"chapter-number": kindNumber, "citation-number": kindNumber, "collection-number": kindNumber,
	"edition": kindNumber, "first-reference-note-number": kindNumber, "issue": kindNumber,
	"locator": kindNumber, "number": kindNumber, "number-of-pages": kindNumber,
	"number-of-volumes": kindNumber, "page": kindNumber, "page-first": kindNumber,
	"part-number": kindNumber, "printing": kindNumber, "section": kindNumber,
	"supplement-number": kindNumber, "volume": kindNumber,
	// name variables
	"author": kindNames, "chair": kindNames, "collection-editor": kindNames, "compiler": kindNames,
	"composer": kindNames, "container-author": kindNames, "contributor": kindNames,
	"curator": kindNames, "director": kindNames, "editor": kindNames,
	"editorial-director": kindNames, "executive-producer": kindNames, "guest": kindNames,
	"host": kindNames, "illustrator": kindNames, "interviewer": kindNames, "narrator": kindNames,
	"organizer": kindNames, "original-author": kindNames, "performer": kindNames,
	"producer": kindNames, "recipient": kindNames, "reviewed-author": kindNames,
	"script-writer": kindNames, "series-creator": kindNames, "translator": kindNames,
	// date variables
	"accessed": kindDate, "available-date": kindDate, "event-date": kindDate, "issued": kindDate,
	"original-date": kindDate, "submitted": kindDate,
}

// stringField returns the Item field of a standard or number variable that
// has one.
func (it *Item) stringField(name string) *string {
	switch name {
	case "title":
		return &it.Title
	case "title-short":
		return &it.TitleShort
	case "container-title":
		return &it.ContainerTitle
	case "container-title-short":
		return &it.ContainerTitleShort
	case "collection-title":
		return &it.CollectionTitle
	case "collection-number":
		return &it.CollectionNumber
	case "volume":
		return &it.Volume
	case "number-of-volumes":
		return &it.NumberOfVolumes
	case "edition":
		return &it.Edition
	case "page":
		return &it.Page
	case "number-of-pages":
		return &it.NumberOfPages
	case "publisher":
		return &it.Publisher
	case "publisher-place":
		return &it.PublisherPlace
	case "archive":
		return &it.Archive
	case "archive_location":
		return &it.ArchiveLocation
	case "archive-place":
		return &it.ArchivePlace
	case "genre":
		return &it.Genre
	case "medium":
		return &it.Medium
	case "URL":
		return &it.URL
	case "DOI":
		return &it.DOI
	case "ISBN":
		return &it.ISBN
	case "language":
		return &it.Language
	case "note":
		return &it.Note
	case "abstract":
		return &it.Abstract
	case "source":
		return &it.Source
	}
	return nil
}

func (it *Item) namesField(name string) *[]Name {
	switch name {
	case "author":
		return &it.Author
	case "editor":
		return &it.Editor
	case "translator":
		return &it.Translator
	case "recipient":
		return &it.Recipient
	case "container-author":
		return &it.ContainerAuthor
	case "collection-editor":
		return &it.CollectionEditor
	}
	return nil
}

func (it *Item) dateField(name string) *Date {
	switch name {
	case "issued":
		return &it.Issued
	case "original-date":
		return &it.OriginalDate
	case "accessed":
		return &it.Accessed
	}
	return nil
}

// fieldOrder is the order in which MarshalJSON writes the typed fields.
var fieldOrder = [...]string{
	"type", "title", "title-short", "author", "recipient", "container-title",
	"container-title-short", "collection-title", "collection-number", "container-author",
	"collection-editor", "volume", "number-of-volumes", "edition", "editor", "translator",
	"publisher", "publisher-place", "issued", "original-date", "page", "number-of-pages",
	"genre", "medium", "archive", "archive_location", "archive-place", "URL", "DOI", "ISBN",
	"accessed", "language", "note", "abstract", "source",
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
	for _, name := range fieldOrder {
		if name == "type" {
			if it.Type != "" {
				b.WriteString(`,"type":`)
				writeJSONString(b, it.Type)
			}
			continue
		}
		if p := it.stringField(name); p != nil {
			if *p != "" {
				writeKey(b, name)
				writeJSONString(b, *p)
			}
		} else if p := it.namesField(name); p != nil {
			if len(*p) > 0 {
				writeKey(b, name)
				writeNames(b, *p)
			}
		} else if p := it.dateField(name); p != nil {
			if !p.IsZero() {
				writeKey(b, name)
				writeDate(b, *p)
			}
		}
	}
	for _, k := range sortedKeys(it.Extra) {
		if it.Extra[k] != "" {
			writeKey(b, k)
			writeJSONString(b, it.Extra[k])
		}
	}
	for _, k := range sortedKeys(it.ExtraNames) {
		if len(it.ExtraNames[k]) > 0 {
			writeKey(b, k)
			writeNames(b, it.ExtraNames[k])
		}
	}
	for _, k := range sortedKeys(it.ExtraDates) {
		if !it.ExtraDates[k].IsZero() {
			writeKey(b, k)
			writeDate(b, it.ExtraDates[k])
		}
	}
	b.WriteByte('}')
}

func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func writeKey(b *bytes.Buffer, k string) {
	b.WriteByte(',')
	writeJSONString(b, k)
	b.WriteByte(':')
}

func writeJSONString(b *bytes.Buffer, s string) {
	// encoding/json escapes <, > and & as \u003c…; CSL-JSON readers accept
	// either, so write them plainly for readability.
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\':
			b.WriteString(`\\`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20:
			fmt.Fprintf(b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
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
			b.WriteString(`"static-ordering":true`)
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

// MaxCSLJSONInput and MaxCSLJSONItems bound what ReadCSLJSON accepts: past
// either, it fails with an error that unwraps to ErrCSLJSON and
// maisky.ErrTooLarge.
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
		return nil, fmt.Errorf("%w: input larger than 256 MiB, the most ReadCSLJSON accepts: %w", ErrCSLJSON, maisky.ErrTooLarge)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var it Item
		if err := unmarshalItem(data, &it, "items[0]"); err != nil {
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
			return nil, fmt.Errorf("%w: more than %d items, the most ReadCSLJSON accepts: %w", ErrCSLJSON, MaxCSLJSONItems, maisky.ErrTooLarge)
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
		kind, ok := cslVars[k]
		if !ok {
			return &JSONError{Path: p, Msg: "unknown field; want a CSL 1.0.2 variable"}
		}
		switch kind {
		case kindString, kindNumber:
			var s string
			var err error
			if kind == kindString {
				s, err = jsonString(v, p)
			} else {
				s, err = jsonStringOrNumber(v, p)
			}
			if err != nil {
				return err
			}
			if f := it.stringField(k); f != nil {
				*f = s
			} else {
				if it.Extra == nil {
					it.Extra = map[string]string{}
				}
				it.Extra[k] = s
			}
		case kindNames:
			names, err := unmarshalNames(v, p)
			if err != nil {
				return err
			}
			if f := it.namesField(k); f != nil {
				*f = names
			} else {
				if it.ExtraNames == nil {
					it.ExtraNames = map[string][]Name{}
				}
				it.ExtraNames[k] = names
			}
		case kindDate:
			d, err := unmarshalDate(v, p)
			if err != nil {
				return err
			}
			if f := it.dateField(k); f != nil {
				*f = d
			} else {
				if it.ExtraDates == nil {
					it.ExtraDates = map[string]Date{}
				}
				it.ExtraDates[k] = d
			}
		}
	}
	if !hasID {
		return &JSONError{Path: joinPath(path, "id"), Msg: "missing; every item needs an id"}
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
				if k == "comma-suffix" {
					n.CommaSuffix = b
				} else if k == "static-ordering" {
					n.StaticOrdering = b
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
		d.Raw = s
		return d, nil
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
				return d, &JSONError{Path: p, Msg: fmt.Sprintf("bad season %q; want 1–4 or spring, summer, autumn, winter", s)}
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
	return d, nil
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
