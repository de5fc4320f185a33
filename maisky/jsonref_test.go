package maisky

// The reference decoder: the first, straightforward implementation of Read
// over encoding/json's generic values. The production decoder (json.go) is a
// single-pass scanner; FuzzDecoderAgreement checks that both accept the same
// files and build the same models.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func referenceUnmarshal(data []byte) (*File, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		return nil, errors.New("syntax")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("trailing data")
	}
	var d decoder
	f := d.file(root)
	if d.err != nil {
		return nil, d.err
	}
	return f, nil
}

// decoder converts the generic JSON tree into the model. The first error
// stops it.
type decoder struct {
	err error
}

func (d *decoder) fail(path, msg string) {
	if d.err == nil {
		d.err = &DecodeError{Path: path, Msg: msg}
	}
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "a value"
}

// object returns v as an object whose members are all in allowed.
func (d *decoder) object(v any, path string, allowed ...string) map[string]any {
	if d.err != nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.fail(path, "want an object, have "+typeName(v))
		return nil
	}
	var unknown []string
	for k := range m {
		if !slices.Contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		d.fail(join(path, unknown[0]), "unknown member "+strconv.Quote(unknown[0])+"; allowed: "+quoteListRef(allowed))
		return nil
	}
	return m
}

func quoteListRef(ss []string) string {
	b := make([]byte, 0, 64)
	for i, s := range ss {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuote(b, s)
	}
	return string(b)
}

func (d *decoder) array(v any, path string) []any {
	if d.err != nil {
		return nil
	}
	a, ok := v.([]any)
	if !ok {
		d.fail(path, "want an array, have "+typeName(v))
		return nil
	}
	return a
}

// str returns the optional string member key of m, normalized to NFC.
func (d *decoder) str(m map[string]any, key, path string) string {
	v, ok := m[key]
	if !ok || d.err != nil {
		return ""
	}
	return d.stringValue(v, join(path, key))
}

func (d *decoder) stringValue(v any, path string) string {
	s, ok := v.(string)
	if !ok {
		d.fail(path, "want a string, have "+typeName(v))
		return ""
	}
	return norm.NFC.String(s)
}

// integer returns the optional integer member key of m, within [lo, hi].
func (d *decoder) integer(m map[string]any, key, path string, lo, hi int64) int {
	v, ok := m[key]
	if !ok || d.err != nil {
		return 0
	}
	return d.intValue(v, join(path, key), lo, hi)
}

func (d *decoder) intValue(v any, path string, lo, hi int64) int {
	n, ok := v.(json.Number)
	if !ok {
		d.fail(path, "want an integer, have "+typeName(v))
		return 0
	}
	i, err := strconv.ParseInt(string(n), 10, 64)
	if err != nil || i < lo || i > hi {
		d.fail(path, "want an integer from "+strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10)+", have "+string(n))
		return 0
	}
	return int(i)
}

func (d *decoder) boolean(m map[string]any, key, path string) bool {
	v, ok := m[key]
	if !ok || d.err != nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		d.fail(join(path, key), "want a boolean, have "+typeName(v))
	}
	return b
}

func (d *decoder) file(root any) *File {
	m := d.object(root, "", "format", "volume", "documents", "document")
	if m == nil {
		return nil
	}
	fv, ok := m["format"]
	if !ok {
		d.err = &DecodeError{Path: "format", Msg: "missing \"format\": \"" + Format + "\"", format: true}
		return nil
	}
	if s, _ := fv.(string); s != Format {
		d.err = &DecodeError{Path: "format", Msg: "unsupported format " + string(mustJSON(fv)) + "; this version reads \"" + Format + "\"", format: true}
		return nil
	}
	f := &File{}
	if v, ok := m["volume"]; ok {
		f.Volume = d.volume(v, "volume")
	}
	_, one := m["document"]
	_, many := m["documents"]
	switch {
	case one && many:
		d.fail("document", "a file holds either \"document\" or \"documents\", not both")
	case one:
		if f.Volume != nil {
			d.fail("document", "a volume file lists its documents in \"documents\"")
			return nil
		}
		f.Documents = []*Document{d.document(m["document"], "document")}
	case many:
		arr := d.array(m["documents"], "documents")
		f.Documents = make([]*Document, 0, len(arr))
		for i, v := range arr {
			f.Documents = append(f.Documents, d.document(v, index("documents", i)))
		}
	case f.Volume == nil:
		d.fail("", "a file holds a \"volume\", a \"document\" or \"documents\"")
	}
	if d.err != nil {
		return nil
	}
	return f
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte("?")
	}
	return b
}

func (d *decoder) people(m map[string]any, key, path string) []Person {
	v, ok := m[key]
	if !ok {
		return nil
	}
	arr := d.array(v, join(path, key))
	out := make([]Person, 0, len(arr))
	for i, pv := range arr {
		pp := index(join(path, key), i)
		pm := d.object(pv, pp, "family", "given", "pseudonym", "original")
		if pm == nil {
			return nil
		}
		out = append(out, Person{
			Family:    d.str(pm, "family", pp),
			Given:     d.str(pm, "given", pp),
			Pseudonym: d.str(pm, "pseudonym", pp),
			Original:  d.str(pm, "original", pp),
		})
	}
	return out
}

func (d *decoder) date(m map[string]any, key, path string) Date {
	s := d.str(m, key, path)
	if d.err != nil || s == "" {
		return Date{}
	}
	dt, err := ParseEDTF(s)
	if err != nil {
		d.fail(join(path, key), "want an EDTF date such as \"1934-12-31\" or \"1935-01-03~\", have "+strconv.Quote(s))
	}
	return dt
}

func (d *decoder) volume(v any, path string) *Volume {
	m := d.object(v, path, "id", "title", "number", "editors", "translators", "publisher", "place", "year", "isbn", "archive", "contents")
	if m == nil {
		return nil
	}
	vol := &Volume{
		ID:          d.str(m, "id", path),
		Title:       d.str(m, "title", path),
		Number:      d.str(m, "number", path),
		Editors:     d.people(m, "editors", path),
		Translators: d.people(m, "translators", path),
		Publisher:   d.str(m, "publisher", path),
		Place:       d.str(m, "place", path),
		Year:        d.integer(m, "year", path, 0, 9999),
		ISBN:        d.str(m, "isbn", path),
	}
	if av, ok := m["archive"]; ok {
		ap := join(path, "archive")
		if am := d.object(av, ap, "name", "publisher", "url"); am != nil {
			vol.Archive = Archive{Name: d.str(am, "name", ap), Publisher: d.str(am, "publisher", ap), URL: d.str(am, "url", ap)}
		}
	}
	if cv, ok := m["contents"]; ok {
		arr := d.array(cv, join(path, "contents"))
		vol.Contents = make([]Entry, 0, len(arr))
		for i, ev := range arr {
			ep := index(join(path, "contents"), i)
			em := d.object(ev, ep, "id", "label", "date")
			if em == nil {
				return nil
			}
			vol.Contents = append(vol.Contents, Entry{ID: d.str(em, "id", ep), Label: d.str(em, "label", ep), Date: d.date(em, "date", ep)})
		}
	}
	return vol
}

func (d *decoder) document(v any, path string) *Document {
	m := d.object(v, path, "id", "title", "authors", "recipients", "repository", "archiveId", "description", "date", "volume", "permalink", "keywords", "versions")
	if m == nil {
		return nil
	}
	doc := &Document{
		ID:          d.str(m, "id", path),
		Title:       d.str(m, "title", path),
		Authors:     d.people(m, "authors", path),
		Recipients:  d.people(m, "recipients", path),
		Repository:  d.str(m, "repository", path),
		ArchiveID:   d.str(m, "archiveId", path),
		Description: d.str(m, "description", path),
		Date:        d.date(m, "date", path),
		Volume:      d.str(m, "volume", path),
		Permalink:   d.str(m, "permalink", path),
	}
	if kv, ok := m["keywords"]; ok {
		arr := d.array(kv, join(path, "keywords"))
		for i, k := range arr {
			doc.Keywords = append(doc.Keywords, d.stringValue(k, index(join(path, "keywords"), i)))
		}
	}
	if vv, ok := m["versions"]; ok {
		arr := d.array(vv, join(path, "versions"))
		doc.Versions = make([]*Version, 0, len(arr))
		for i, x := range arr {
			doc.Versions = append(doc.Versions, d.version(x, index(join(path, "versions"), i)))
		}
	}
	if d.err != nil {
		return nil
	}
	return doc
}

func (d *decoder) version(v any, path string) *Version {
	m := d.object(v, path, "kind", "lang", "startPage", "blocks", "footnotes")
	if m == nil {
		return nil
	}
	ver := &Version{Lang: d.str(m, "lang", path), StartPage: d.integer(m, "startPage", path, 0, math.MaxInt32)}
	switch k := d.str(m, "kind", path); k {
	case "translation":
		ver.Kind = Translation
	case "transcription":
		ver.Kind = Transcription
	default:
		d.fail(join(path, "kind"), "want \"translation\" or \"transcription\", have "+strconv.Quote(k))
	}
	if bv, ok := m["blocks"]; ok {
		arr := d.array(bv, join(path, "blocks"))
		ver.Blocks = make([]Block, 0, len(arr))
		for i, x := range arr {
			ver.Blocks = append(ver.Blocks, d.block(x, index(join(path, "blocks"), i)))
		}
	}
	if fv, ok := m["footnotes"]; ok {
		arr := d.array(fv, join(path, "footnotes"))
		ver.Footnotes = make([]*Footnote, 0, len(arr))
		for i, x := range arr {
			fp := index(join(path, "footnotes"), i)
			fm := d.object(x, fp, "id", "n", "content")
			if fm == nil {
				return nil
			}
			if _, ok := fm["n"]; !ok {
				d.fail(join(fp, "n"), "missing n")
			}
			f := &Footnote{ID: d.str(fm, "id", fp), Number: d.integer(fm, "n", fp, 1, math.MaxInt32)}
			f.Content = d.inlines(fm["content"], join(fp, "content"), false)
			ver.Footnotes = append(ver.Footnotes, f)
		}
	}
	return ver
}

func (d *decoder) block(v any, path string) Block {
	m := d.object(v, path, "type", "level", "content", "continued")
	if m == nil {
		return nil
	}
	t := d.str(m, "type", path)
	content := d.inlines(m["content"], join(path, "content"), true)
	if _, ok := m["content"]; !ok {
		d.fail(join(path, "content"), "missing content")
	}
	_, hasLevel := m["level"]
	_, hasCont := m["continued"]
	switch t {
	case "heading":
		if !hasLevel {
			d.fail(join(path, "level"), "missing level")
		}
		if hasCont {
			d.fail(join(path, "continued"), "a heading is never continued")
		}
		return &Heading{Level: d.integer(m, "level", path, 1, 6), Content: content}
	case "paragraph", "commentary":
		if hasLevel {
			d.fail(join(path, "level"), "only headings have a level")
		}
		c := d.boolean(m, "continued", path)
		if t == "paragraph" {
			return &Paragraph{Content: content, Continued: c}
		}
		return &Commentary{Content: content, Continued: c}
	}
	d.fail(join(path, "type"), "want \"heading\", \"paragraph\" or \"commentary\", have "+strconv.Quote(t))
	return nil
}

// inlines decodes inline content; top allows notes and page breaks.
func (d *decoder) inlines(v any, path string, top bool) []Inline {
	if v == nil || d.err != nil {
		return nil
	}
	arr := d.array(v, path)
	out := make([]Inline, 0, len(arr))
	for i, x := range arr {
		ip := index(path, i)
		if s, ok := x.(string); ok {
			out = append(out, &Text{Value: norm.NFC.String(s)})
			continue
		}
		m := d.object(x, ip, "emph", "note", "page")
		if m == nil {
			return nil
		}
		if len(m) != 1 {
			d.fail(ip, "want a string or one of {\"emph\": […]}, {\"note\": ID}, {\"page\": N}")
			return nil
		}
		switch {
		case m["emph"] != nil:
			out = append(out, &Emphasis{Content: d.inlines(m["emph"], join(ip, "emph"), false)})
		case m["note"] != nil:
			if !top {
				d.fail(ip, "a footnote anchor may stand only at the top level of a block")
				return nil
			}
			out = append(out, &NoteRef{ID: d.str(m, "note", ip)})
		case m["page"] != nil:
			if !top {
				d.fail(ip, "a page break may stand only at the top level of a block")
				return nil
			}
			out = append(out, &PageBreak{Page: d.integer(m, "page", ip, 1, math.MaxInt32)})
		default:
			d.fail(ip, "want a string or one of {\"emph\": […]}, {\"note\": ID}, {\"page\": N}")
			return nil
		}
		if d.err != nil {
			return nil
		}
	}
	return out
}

// FuzzDecoderAgreement checks the single-pass decoder against the reference
// decoder: whatever one accepts the other accepts with the same model, except
// that the scanner also refuses repeated members.
func FuzzDecoderAgreement(f *testing.F) {
	for _, name := range []string{"../testdata/1934-12-18.json", "../testdata/letter-litvinov.json"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"format":"maisky/1","document":{"id":"x\u00e9\ud83d\ude00","versions":[{"kind":"translation","lang":"en","blocks":[{"type":"paragraph","content":["a\"\\\/\b\f\n\r\t",{"note":"n1"},{"page":2},{"emph":["b",{"emph":[]}]}]}],"footnotes":[{"id":"n1","n":1,"content":["c"]}]}]}}`))
	f.Add([]byte(`{"format":"maisky/1","volume":{"id":"v","year":-0,"contents":[{"id":"x","label":"1 March (1)","date":"1935-03-01~"}]},"documents":[]}`))
	f.Add([]byte(`{"format":"maisky/1","documents":[{"id":"a","id":"b"}]}`))
	f.Add([]byte(` {"format" : "maisky/1" , "document" : { } } `))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Unmarshal(data)
		want, refErr := referenceUnmarshal(data)
		switch {
		case err == nil && refErr != nil:
			t.Fatalf("scanner accepts what the reference refuses (%v)", refErr)
		case err == nil:
			// Compare the canonical encodings: the reference decoder makes
			// empty slices where the scanner leaves nil.
			a, errA := Marshal(got)
			b, errB := Marshal(want)
			if errA != nil || errB != nil || !bytes.Equal(a, b) {
				t.Fatalf("models differ:\n%s\n%s", a, b)
			}
		case refErr == nil && !hasRepeatedMember(data):
			t.Fatalf("scanner refuses what the reference accepts: %v", err)
		}
		if err != nil {
			var de *DecodeError
			if !errors.As(err, &de) || !(errors.Is(err, ErrMalformed) || errors.Is(err, ErrFormat)) {
				t.Fatalf("error %v is not a *DecodeError", err)
			}
		}
	})
}

// BenchmarkReferenceDecode times the reference decoder on the 31 December
// fixture, beside BenchmarkReadValidate31December.
func BenchmarkReferenceDecode31December(b *testing.B) {
	data, err := os.ReadFile("../testdata/1934-12-31.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := referenceUnmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

// hasRepeatedMember reports whether some JSON object in data repeats a member
// name: the reference decoder keeps the last value, the scanner refuses.
func hasRepeatedMember(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		object bool
		keys   map[string]bool
		key    bool // the next string token of an object is a key
	}
	var stack []*frame
	for {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				stack = append(stack, &frame{object: true, keys: map[string]bool{}, key: true})
			case '[':
				stack = append(stack, &frame{})
			default:
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].key = true
				}
			}
			continue
		}
		if top != nil && top.object {
			if top.key {
				k, _ := tok.(string)
				if top.keys[k] {
					return true
				}
				top.keys[k] = true
				top.key = false
			} else {
				top.key = true
			}
		}
	}
}
