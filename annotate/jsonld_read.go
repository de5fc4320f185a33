package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// FormatError reports JSON-LD that is not a W3C annotation document or
// does not fit the model: the JSON path of the fault ("first.items[3].target")
// or, for malformed JSON, its line and column. It unwraps to ErrMalformed
// and to the cause, if any (an *InputError from Validate).
type FormatError struct {
	// Path is the JSON path of the fault; empty for a syntax error.
	Path string
	// Line and Column locate a syntax error (1-based); zero otherwise.
	Line, Column int
	// Msg says what is wrong.
	Msg string
	// Err is the cause, or nil.
	Err error
}

// Error returns "annotate: malformed annotation data at PATH: MSG".
func (e *FormatError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where = "line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column)
	}
	if where == "" {
		where = "top level"
	}
	return "annotate: malformed annotation data at " + where + ": " + e.Msg
}

// Unwrap returns ErrMalformed and the cause.
func (e *FormatError) Unwrap() []error {
	if e.Err != nil {
		return []error{ErrMalformed, e.Err}
	}
	return []error{ErrMalformed}
}

// ReadOptions tunes ReadJSONLD: the IRI bases that WriteJSONLD used. The
// zero value reads the defaults.
type ReadOptions struct {
	DocumentBase, UserBase string
}

// MaxJSONLDSize is the most bytes ReadJSONLD reads.
const MaxJSONLDSize = 256 << 20

// ReadJSONLD reads W3C Web Annotation JSON-LD: one Annotation, an
// AnnotationCollection with its first page embedded, an AnnotationPage or
// a JSON array of annotations, each in a document whose @context is the
// W3C context (http or https). It gives back what WriteJSONLD wrote: every
// field of every annotation. Annotations of other tools map as far as the
// model goes: a textual body is the note, tagging bodies are tags, a
// target's source is its document (without DocumentBase), a motivation the
// model does not have is commenting. Each annotation must pass Validate.
// Anything else is a *FormatError.
func ReadJSONLD(r io.Reader, opts ReadOptions) ([]*Annotation, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONLDSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxJSONLDSize {
		return nil, &FormatError{Msg: "larger than " + strconv.Itoa(MaxJSONLDSize>>20) + " MiB"}
	}
	if opts.DocumentBase == "" {
		opts.DocumentBase = DefaultDocumentBase
	}
	if opts.UserBase == "" {
		opts.UserBase = DefaultUserBase
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, syntaxError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		off := int(dec.InputOffset())
		line, col := lineCol(data, off)
		return nil, &FormatError{Line: line, Column: col, Msg: "data after the JSON value"}
	}
	rd := &ldReader{opts: opts}
	switch v := root.(type) {
	case []any:
		if len(v) == 0 {
			return nil, &FormatError{Msg: "an empty array holds no annotations"}
		}
		for i, x := range v {
			obj, ok := x.(map[string]any)
			p := "[" + strconv.Itoa(i) + "]"
			if !ok {
				return nil, &FormatError{Path: p, Msg: "not an object"}
			}
			if err := rd.top(obj, p); err != nil {
				return nil, err
			}
		}
	case map[string]any:
		if err := rd.top(v, ""); err != nil {
			return nil, err
		}
	default:
		return nil, &FormatError{Msg: "not a JSON object or array"}
	}
	return rd.out, nil
}

func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	off := len(data)
	msg := err.Error()
	if errors.As(err, &se) {
		off = int(se.Offset)
		msg = se.Error()
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of JSON"
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		off = int(ute.Offset)
	}
	line, col := lineCol(data, off)
	return &FormatError{Line: line, Column: col, Msg: msg}
}

func lineCol(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

type ldReader struct {
	opts ReadOptions
	out  []*Annotation
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func hasAnnoContext(ctx any) bool {
	switch c := ctx.(type) {
	case string:
		return c == AnnoContext || c == "https://www.w3.org/ns/anno.jsonld"
	case []any:
		for _, x := range c {
			if hasAnnoContext(x) {
				return true
			}
		}
	}
	return false
}

func types(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hasType(obj map[string]any, t string) bool {
	for _, x := range types(obj["type"]) {
		if x == t || x == "oa:"+t || x == "http://www.w3.org/ns/oa#"+t {
			return true
		}
	}
	return false
}

// top reads a document at the top level (or in an array): its @context
// must hold the W3C context.
func (rd *ldReader) top(obj map[string]any, path string) error {
	if !hasAnnoContext(obj["@context"]) {
		return &FormatError{Path: join(path, "@context"), Msg: "not a W3C Web Annotation document (its @context lacks " + AnnoContext + ")"}
	}
	switch {
	case hasType(obj, "Annotation"):
		return rd.annotation(obj, path)
	case hasType(obj, "AnnotationCollection"):
		first, ok := obj["first"]
		if !ok {
			return nil // an empty collection
		}
		page, ok := first.(map[string]any)
		if !ok {
			return &FormatError{Path: join(path, "first"), Msg: "the collection's first page is not embedded"}
		}
		return rd.page(page, join(path, "first"))
	case hasType(obj, "AnnotationPage"):
		return rd.page(obj, path)
	}
	return &FormatError{Path: join(path, "type"), Msg: "not an Annotation, AnnotationCollection or AnnotationPage"}
}

func (rd *ldReader) page(obj map[string]any, path string) error {
	if !hasType(obj, "AnnotationPage") {
		return &FormatError{Path: join(path, "type"), Msg: "not an AnnotationPage"}
	}
	items, ok := obj["items"].([]any)
	if !ok {
		return &FormatError{Path: join(path, "items"), Msg: "a page's items are an array"}
	}
	for i, x := range items {
		p := join(path, "items") + "[" + strconv.Itoa(i) + "]"
		o, ok := x.(map[string]any)
		if !ok {
			return &FormatError{Path: p, Msg: "an annotation that is not embedded"}
		}
		if !hasType(o, "Annotation") {
			return &FormatError{Path: join(p, "type"), Msg: "not an Annotation"}
		}
		if err := rd.annotation(o, p); err != nil {
			return err
		}
	}
	return nil
}

func str(obj map[string]any, key, path string) (string, error) {
	v, ok := obj[key]
	if !ok {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", &FormatError{Path: join(path, key), Msg: "not a string"}
	}
	return s, nil
}

func integer(obj map[string]any, key, path string) (int64, bool, error) {
	v, ok := obj[key]
	if !ok {
		return 0, false, nil
	}
	n, ok := v.(json.Number)
	if !ok {
		return 0, false, &FormatError{Path: join(path, key), Msg: "not a number"}
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i < 0 || i > 1<<53 {
		return 0, false, &FormatError{Path: join(path, key), Msg: "not a non-negative integer"}
	}
	return i, true, nil
}

func (rd *ldReader) annotation(obj map[string]any, path string) error {
	a := &Annotation{}
	var err error
	fail := func(key, msg string) error { return &FormatError{Path: join(path, key), Msg: msg} }
	if a.ID, err = str(obj, "id", path); err != nil {
		return err
	}
	mot, err := str(obj, "motivation", path)
	if err != nil {
		if list, ok := obj["motivation"].([]any); ok && len(list) > 0 {
			mot, _ = list[0].(string)
			err = nil
		} else {
			return err
		}
	}
	if mot != "" {
		mot = strings.TrimPrefix(mot, "oa:")
		if m, err := ParseMotivation(mot); err == nil {
			a.Motivation = m
		}
	}
	for _, k := range []string{"created", "modified"} {
		s, err := str(obj, k, path)
		if err != nil {
			return err
		}
		if s == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fail(k, "not an RFC 3339 date-time: "+excerpt(s))
		}
		if k == "created" {
			a.Created = Timestamp(t)
		} else {
			a.Modified = Timestamp(t)
		}
	}
	switch c := obj["creator"].(type) {
	case nil:
	case string:
		a.Creator = trimBase(c, rd.opts.UserBase)
	case map[string]any:
		id, err := str(c, "id", join(path, "creator"))
		if err != nil {
			return err
		}
		nick, err := str(c, "nickname", join(path, "creator"))
		if err != nil {
			return err
		}
		a.Creator = trimBase(id, rd.opts.UserBase)
		if a.Creator == "" {
			a.Creator = nick
		}
	default:
		return fail("creator", "a creator is an IRI or an object")
	}
	if err := rd.bodies(a, obj, path); err != nil {
		return err
	}
	if err := rd.targetOf(a, obj, path); err != nil {
		return err
	}
	for _, k := range []string{"visibility", "moderation", "group"} {
		s, err := str(obj, k, path)
		if err != nil {
			return err
		}
		switch {
		case s == "":
		case k == "visibility":
			if a.Visibility, err = ParseVisibility(s); err != nil {
				return &FormatError{Path: join(path, k), Msg: err.Error(), Err: err}
			}
		case k == "moderation":
			if a.Moderation, err = ParseModeration(s); err != nil {
				return &FormatError{Path: join(path, k), Msg: err.Error(), Err: err}
			}
		default:
			a.Group = s
		}
	}
	if rev, ok, err := integer(obj, "revision", path); err != nil {
		return err
	} else if ok {
		a.Revision = rev
	}
	if o, ok := obj["orphaned"]; ok {
		b, isBool := o.(bool)
		if !isBool {
			return fail("orphaned", "not a boolean")
		}
		a.Target.Orphaned = b
	}
	if a.Target.Orphaned {
		a.Target.Start, a.Target.End = 0, 0
	}
	if a.Creator == "" {
		return fail("creator", "an annotation of this archive names its creator")
	}
	if err := a.Validate(); err != nil {
		return &FormatError{Path: path, Msg: "does not fit the model: " + strings.TrimPrefix(err.Error(), "annotate: "), Err: err}
	}
	rd.out = append(rd.out, a)
	return nil
}

func (rd *ldReader) bodies(a *Annotation, obj map[string]any, path string) error {
	if bv, ok := obj["bodyValue"]; ok {
		s, ok := bv.(string)
		if !ok {
			return &FormatError{Path: join(path, "bodyValue"), Msg: "not a string"}
		}
		a.Body = s
	}
	var list []any
	switch b := obj["body"].(type) {
	case nil:
		return nil
	case []any:
		list = b
	default:
		list = []any{b}
	}
	note := false
	for i, x := range list {
		p := join(path, "body")
		if _, isList := obj["body"].([]any); isList {
			p += "[" + strconv.Itoa(i) + "]"
		}
		b, ok := x.(map[string]any)
		if !ok {
			return &FormatError{Path: p, Msg: "a body that is not embedded text"}
		}
		v, ok := b["value"].(string)
		if !ok {
			return &FormatError{Path: join(p, "value"), Msg: "a body without a text value"}
		}
		purposes := types(b["purpose"])
		if len(purposes) > 0 && strings.TrimPrefix(purposes[0], "oa:") == "tagging" {
			a.Tags = append(a.Tags, v)
			continue
		}
		if note {
			return &FormatError{Path: p, Msg: "more than one note"}
		}
		note = true
		a.Body = v
	}
	return nil
}

func (rd *ldReader) targetOf(a *Annotation, obj map[string]any, path string) error {
	p := join(path, "target")
	version := func(o map[string]any, path string) error {
		s, err := str(o, "version", path)
		if err != nil {
			return err
		}
		switch s {
		case "", "translation":
			a.Version = maisky.Translation
		case "transcription":
			a.Version = maisky.Transcription
		default:
			return &FormatError{Path: join(path, "version"), Msg: "a version is translation or transcription"}
		}
		return nil
	}
	switch t := obj["target"].(type) {
	case nil:
		return &FormatError{Path: p, Msg: "an annotation has a target"}
	case []any:
		return &FormatError{Path: p, Msg: "more than one target"}
	case string:
		if a.Motivation == Replying {
			a.ReplyTo = t
			doc, err := str(obj, "document", path)
			if err != nil {
				return err
			}
			a.Document = trimBase(doc, rd.opts.DocumentBase)
			return version(obj, path)
		}
		a.Document = trimBase(t, rd.opts.DocumentBase)
		return version(obj, path)
	case map[string]any:
		src, err := str(t, "source", p)
		if err != nil {
			return err
		}
		if src == "" {
			return &FormatError{Path: join(p, "source"), Msg: "a target names its source"}
		}
		if a.Motivation == Replying {
			a.ReplyTo = src
			doc, err := str(obj, "document", path)
			if err != nil {
				return err
			}
			a.Document = trimBase(doc, rd.opts.DocumentBase)
			return version(obj, path)
		}
		a.Document = trimBase(src, rd.opts.DocumentBase)
		if err := version(t, p); err != nil {
			return err
		}
		if pp, err := str(t, "printPages", p); err != nil {
			return err
		} else if pp != "" {
			r, err := maisky.ParsePageRange(pp)
			if err != nil {
				return &FormatError{Path: join(p, "printPages"), Msg: "not a page range: " + excerpt(pp), Err: err}
			}
			a.Target.Pages = r
		}
		var sels []any
		switch s := t["selector"].(type) {
		case nil:
		case []any:
			sels = s
		default:
			sels = []any{s}
		}
		for i, x := range sels {
			sp := join(p, "selector")
			if _, isList := t["selector"].([]any); isList {
				sp += "[" + strconv.Itoa(i) + "]"
			}
			s, ok := x.(map[string]any)
			if !ok {
				return &FormatError{Path: sp, Msg: "a selector is an object"}
			}
			switch {
			case hasType(s, "TextQuoteSelector"):
				for _, k := range []string{"exact", "prefix", "suffix"} {
					v, err := str(s, k, sp)
					if err != nil {
						return err
					}
					switch k {
					case "exact":
						a.Target.Quote.Exact = v
					case "prefix":
						a.Target.Quote.Prefix = v
					default:
						a.Target.Quote.Suffix = v
					}
				}
			case hasType(s, "TextPositionSelector"):
				st, ok1, err := integer(s, "start", sp)
				if err != nil {
					return err
				}
				en, ok2, err := integer(s, "end", sp)
				if err != nil {
					return err
				}
				if !ok1 || !ok2 {
					return &FormatError{Path: sp, Msg: "a TextPositionSelector has start and end"}
				}
				a.Target.Start, a.Target.End = int(st), int(en)
			}
		}
		return nil
	}
	return &FormatError{Path: p, Msg: "a target is an IRI or an object"}
}
