package maisky

import (
	"errors"
	"io"
	"strconv"

	"github.com/maisky-lib/maisky/internal/jsonstr"
)

// Write encodes f as a maisky/1 JSON file in canonical form: members in the
// documented order, empty optional members left out, two-space indentation as
// json.MarshalIndent writes it, no HTML escaping, a final newline. The same
// model always gives the same bytes. A volume is written document by
// document: memory does not grow with the volume.
//
// A File without a volume and with exactly one document is a document file
// ("document"); otherwise the documents go into "documents".
func Write(w io.Writer, f *File) error {
	if f == nil {
		return errors.New("maisky: Write of a nil File")
	}
	e := &encoder{w: w, buf: make([]byte, 0, 16<<10)}
	e.open('{')
	e.key("format")
	e.str(Format)
	if f.Volume != nil {
		e.key("volume")
		e.volume(f.Volume)
	}
	if f.Volume == nil && len(f.Documents) == 1 {
		e.key("document")
		e.document(f.Documents[0])
	} else if len(f.Documents) > 0 || f.Volume == nil {
		e.key("documents")
		e.open('[')
		for _, d := range f.Documents {
			e.elem()
			e.document(d)
			e.flushIfFull()
		}
		e.close(']')
	}
	e.close('}')
	e.buf = append(e.buf, '\n')
	e.flush()
	return e.err
}

// WriteDocument writes a document file holding d.
func WriteDocument(w io.Writer, d *Document) error {
	return Write(w, &File{Documents: []*Document{d}})
}

// Marshal returns the canonical encoding of f (see Write).
func Marshal(f *File) ([]byte, error) {
	var b sliceWriter
	if err := Write(&b, f); err != nil {
		return nil, err
	}
	return b, nil
}

type sliceWriter []byte

func (s *sliceWriter) Write(p []byte) (int, error) {
	*s = append(*s, p...)
	return len(p), nil
}

type encoder struct {
	w     io.Writer
	buf   []byte
	err   error
	depth int
	empty []bool // per open container: nothing written yet
}

func (e *encoder) flushIfFull() {
	if len(e.buf) >= 16<<10 {
		e.flush()
	}
}

func (e *encoder) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

func (e *encoder) newline() {
	e.buf = append(e.buf, '\n')
	for i := 0; i < e.depth; i++ {
		e.buf = append(e.buf, ' ', ' ')
	}
}

func (e *encoder) open(c byte) {
	e.buf = append(e.buf, c)
	e.depth++
	e.empty = append(e.empty, true)
}

func (e *encoder) close(c byte) {
	e.depth--
	wasEmpty := e.empty[len(e.empty)-1]
	e.empty = e.empty[:len(e.empty)-1]
	if !wasEmpty {
		e.newline()
	}
	e.buf = append(e.buf, c)
}

// elem starts an element of the innermost container.
func (e *encoder) elem() {
	top := len(e.empty) - 1
	if !e.empty[top] {
		e.buf = append(e.buf, ',')
	}
	e.empty[top] = false
	e.newline()
}

func (e *encoder) key(k string) {
	e.elem()
	e.str(k)
	e.buf = append(e.buf, ':', ' ')
}

func (e *encoder) optStr(k, v string) {
	if v != "" {
		e.key(k)
		e.str(v)
	}
}

func (e *encoder) integer(n int) {
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
}

// str appends s as a JSON string exactly as encoding/json does with HTML
// escaping off (the module's one escaper, internal/jsonstr).
func (e *encoder) str(s string) {
	e.buf = jsonstr.Append(e.buf, s)
}

func (e *encoder) people(k string, ps []Person) {
	if len(ps) == 0 {
		return
	}
	e.key(k)
	e.open('[')
	for _, p := range ps {
		e.elem()
		e.open('{')
		e.optStr("family", p.Family)
		e.optStr("given", p.Given)
		e.optStr("pseudonym", p.Pseudonym)
		e.optStr("original", p.Original)
		e.close('}')
	}
	e.close(']')
}

func (e *encoder) volume(v *Volume) {
	e.open('{')
	e.optStr("id", v.ID)
	e.optStr("title", v.Title)
	e.optStr("number", v.Number)
	e.people("editors", v.Editors)
	e.people("translators", v.Translators)
	e.optStr("publisher", v.Publisher)
	e.optStr("place", v.Place)
	if v.Year != 0 {
		e.key("year")
		e.integer(v.Year)
	}
	e.optStr("isbn", v.ISBN)
	if v.Archive != (Archive{}) {
		e.key("archive")
		e.open('{')
		e.optStr("name", v.Archive.Name)
		e.optStr("publisher", v.Archive.Publisher)
		e.optStr("url", v.Archive.URL)
		e.close('}')
	}
	if len(v.Contents) > 0 {
		e.key("contents")
		e.open('[')
		for _, en := range v.Contents {
			e.elem()
			e.open('{')
			e.optStr("id", en.ID)
			e.optStr("label", en.Label)
			e.optStr("date", en.Date.EDTF())
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
}

func (e *encoder) document(d *Document) {
	if d == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.open('{')
	e.optStr("id", d.ID)
	e.optStr("title", d.Title)
	e.people("authors", d.Authors)
	e.people("recipients", d.Recipients)
	e.optStr("repository", d.Repository)
	e.optStr("archiveId", d.ArchiveID)
	e.optStr("description", d.Description)
	e.optStr("date", d.Date.EDTF())
	e.optStr("volume", d.Volume)
	e.optStr("permalink", d.Permalink)
	if len(d.Keywords) > 0 {
		e.key("keywords")
		e.open('[')
		for _, k := range d.Keywords {
			e.elem()
			e.str(k)
		}
		e.close(']')
	}
	if len(d.Versions) > 0 {
		e.key("versions")
		e.open('[')
		for _, v := range d.Versions {
			e.elem()
			e.version(v)
		}
		e.close(']')
	}
	e.close('}')
}

func (e *encoder) version(v *Version) {
	if v == nil {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.open('{')
	switch v.Kind {
	case Translation, Transcription:
		e.key("kind")
		e.str(v.Kind.String())
	}
	e.optStr("lang", v.Lang)
	if v.StartPage != 0 {
		e.key("startPage")
		e.integer(v.StartPage)
	}
	if len(v.Blocks) > 0 {
		e.key("blocks")
		e.open('[')
		for _, b := range v.Blocks {
			e.elem()
			e.block(b)
			e.flushIfFull()
		}
		e.close(']')
	}
	if len(v.Footnotes) > 0 {
		e.key("footnotes")
		e.open('[')
		for _, f := range v.Footnotes {
			e.elem()
			if f == nil {
				e.buf = append(e.buf, "null"...)
				continue
			}
			e.open('{')
			e.optStr("id", f.ID)
			e.key("n")
			e.integer(f.Number)
			e.key("content")
			e.inlines(f.Content)
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
}

func (e *encoder) block(b Block) {
	e.open('{')
	e.key("type")
	continued := false
	switch b := b.(type) {
	case *Heading:
		e.str("heading")
		e.key("level")
		e.integer(b.Level)
	case *Paragraph:
		e.str("paragraph")
		continued = b.Continued
	case *Commentary:
		e.str("commentary")
		continued = b.Continued
	default:
		e.str("")
		e.close('}')
		return
	}
	if continued {
		e.key("continued")
		e.buf = append(e.buf, "true"...)
	}
	e.key("content")
	e.inlines(b.Inlines())
	e.close('}')
}

func (e *encoder) inlines(content []Inline) {
	e.open('[')
	for _, in := range content {
		e.elem()
		switch in := in.(type) {
		case *Text:
			e.str(in.Value)
		case *Emphasis:
			e.open('{')
			e.key("emph")
			e.inlines(in.Content)
			e.close('}')
		case *NoteRef:
			e.open('{')
			e.key("note")
			e.str(in.ID)
			e.close('}')
		case *PageBreak:
			e.open('{')
			e.key("page")
			e.integer(in.Page)
			e.close('}')
		default:
			e.buf = append(e.buf, "null"...)
		}
	}
	e.close(']')
}
