package tei

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/maisky-lib/maisky/maisky"
)

const (
	xmlNS = "http://www.w3.org/XML/1998/namespace"
	// maxInput bounds the size of the input Read accepts.
	maxInput = 256 << 20
	// maxDepth bounds element nesting.
	maxDepth = 256
	// maxNodes bounds the elements and text runs of the input.
	maxNodes = 1 << 19
)

// node is an element of the parsed input, with its byte offset for error
// positions. Its children are *node and string (character data).
type node struct {
	// name is shared by the elements of the same name.
	name *xml.Name
	// attrs is nil for an element without attributes (most of them).
	attrs  *[]xml.Attr
	kids   []any
	parent *node
	offset int64
}

// attributes returns n's attributes.
func (n *node) attributes() []xml.Attr {
	if n.attrs == nil {
		return nil
	}
	return *n.attrs
}

// attr returns the value of the attribute local (no namespace).
func (n *node) attr(local string) string {
	for _, a := range n.attributes() {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) hasAttr(local string) bool {
	for _, a := range n.attributes() {
		if a.Name.Space == "" && a.Name.Local == local {
			return true
		}
	}
	return false
}

// xmlAttr returns the value of xml:local (xml:id, xml:lang).
func (n *node) xmlAttr(local string) string {
	for _, a := range n.attributes() {
		if a.Name.Space == xmlNS && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// lang returns the xml:lang in force at n.
func (n *node) lang() string {
	for e := n; e != nil; e = e.parent {
		for _, a := range e.attributes() {
			if a.Name.Space == xmlNS && a.Name.Local == "lang" {
				return a.Value
			}
		}
	}
	return ""
}

// is reports whether n is the TEI element local (in the TEI namespace or,
// as older TEI has it, in none).
func (n *node) is(local string) bool {
	return n.name.Local == local && (n.name.Space == teiNS || n.name.Space == "")
}

// tei reports whether n is in the TEI namespace (or none).
func (n *node) tei() bool { return n.name.Space == teiNS || n.name.Space == "" }

// elements returns n's child elements.
func (n *node) elements() []*node {
	var out []*node
	for _, k := range n.kids {
		if e, ok := k.(*node); ok {
			out = append(out, e)
		}
	}
	return out
}

// child returns the first child element local, or nil.
func (n *node) child(local string) *node {
	for _, k := range n.kids {
		if e, ok := k.(*node); ok && e.is(local) {
			return e
		}
	}
	return nil
}

// text returns the concatenated character data of n and its descendants.
func (n *node) text() string {
	var b strings.Builder
	n.appendText(&b)
	return b.String()
}

func (n *node) appendText(b *strings.Builder) {
	for _, k := range n.kids {
		switch k := k.(type) {
		case string:
			b.WriteString(k)
		case *node:
			k.appendText(b)
		}
	}
}

// pathCache numbers the children of the elements whose paths are asked
// for, once per element: paths are needed only for the warnings and the
// error of a read, so the nodes do not carry the numbers.
type pathCache struct {
	// counts holds, per element, the number of its children of each name;
	// ord the position of each of those children among same-named
	// siblings.
	counts map[*node]map[xml.Name]int
	ord    map[*node]int
}

// path returns the element path of n: "/TEI/text/body/div[1]/p[3]", with
// the position among same-named siblings where there are several.
func (c *pathCache) path(n *node) string {
	var parts []string
	for e := n; e != nil; e = e.parent {
		seg := e.name.Local
		if p := e.parent; p != nil {
			counts := c.count(p)
			if counts[*e.name] > 1 {
				seg += "[" + strconv.Itoa(c.ord[e]) + "]"
			}
		}
		parts = append(parts, seg)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(parts[i])
	}
	return b.String()
}

// count numbers n's child elements by name, once.
func (c *pathCache) count(n *node) map[xml.Name]int {
	if m, ok := c.counts[n]; ok {
		return m
	}
	if c.counts == nil {
		c.counts = make(map[*node]map[xml.Name]int)
		c.ord = make(map[*node]int)
	}
	m := make(map[xml.Name]int)
	for _, k := range n.kids {
		if e, ok := k.(*node); ok {
			m[*e.name]++
			c.ord[e] = m[*e.name]
		}
	}
	c.counts[n] = m
	return m
}

// parse reads an XML document into a tree. Comments, processing
// instructions and the prolog are dropped. It enforces what encoding/xml
// leaves unchecked: namespace prefixes are declared, an element has no two
// attributes of the same expanded name, character references name XML
// characters; and the bounds of the package documentation (depth, nodes).
func parse(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	// The input has been transcoded to UTF-8 by decodeInput; whatever
	// encoding the declaration names, the bytes are UTF-8 now.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	p := &treeParser{data: data, names: make(map[string]string), elems: make(map[xml.Name]*xml.Name)}
	for {
		off := dec.InputOffset()
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(data, off, err)
		}
		end := dec.InputOffset()
		if err := p.token(tok, off, end); err != nil {
			return nil, err
		}
	}
	if p.cur != nil {
		return nil, syntaxError(data, int64(len(data)), wf("unexpected EOF: <"+p.cur.name.Local+"> is not closed"))
	}
	if p.root == nil {
		return nil, syntaxError(data, int64(len(data)), wf("no root element"))
	}
	return p.root, nil
}

// treeParser builds the tree from raw tokens, resolving namespaces itself.
type treeParser struct {
	data      []byte
	root, cur *node
	depth     int
	nodes     int
	// text is the character data of cur not yet added to its kids: text
	// split by comments, CDATA sections or processing instructions is
	// accumulated here, in time linear in its length.
	text    []byte
	hasText bool
	// ns is the stack of namespace bindings in scope; open holds, per open
	// element, its raw name and the length of ns before its declarations.
	ns   []nsBinding
	open []openElement
	// kids holds the children of the open elements, each element's after
	// its parent's: a closing element takes a slice of its children's
	// exact length, with no slack of a growing one.
	kids  []any
	names map[string]string
	elems map[xml.Name]*xml.Name
}

type nsBinding struct{ prefix, uri string }

type openElement struct {
	raw  xml.Name
	mark int
	// kids is where the element's children start in treeParser.kids.
	kids int
}

func (p *treeParser) token(tok xml.Token, off, end int64) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return p.start(t, off, end)
	case xml.EndElement:
		if len(p.open) == 0 {
			return syntaxError(p.data, off, wf("unexpected end element </"+rawName(t.Name)+">"))
		}
		top := p.open[len(p.open)-1]
		if top.raw != t.Name {
			return syntaxError(p.data, off, wf("element <"+rawName(top.raw)+"> closed by </"+rawName(t.Name)+">"))
		}
		p.open = p.open[:len(p.open)-1]
		p.ns = p.ns[:top.mark]
		if err := p.flush(off); err != nil {
			return err
		}
		if len(p.kids) > top.kids {
			p.cur.kids = slices.Clone(p.kids[top.kids:])
			clear(p.kids[top.kids:])
			p.kids = p.kids[:top.kids]
		}
		p.depth--
		p.cur = p.cur.parent
	case xml.CharData:
		raw := p.data[off:end]
		if !bytes.HasPrefix(raw, []byte("<![CDATA[")) {
			if err := p.checkCharRefs(off, end); err != nil {
				return err
			}
		}
		if p.cur == nil {
			if len(bytes.TrimSpace(t)) > 0 {
				return syntaxError(p.data, off, wf("text outside the root element"))
			}
			return nil
		}
		p.text = append(p.text, t...)
		p.hasText = true
	}
	return nil
}

func (p *treeParser) start(t xml.StartElement, off, end int64) error {
	if err := p.flush(off); err != nil {
		return err
	}
	if err := p.checkCharRefs(off, end); err != nil {
		return err
	}
	p.depth++
	if p.depth > maxDepth {
		return tooLarge(p.data, off, "elements nested more than "+strconv.Itoa(maxDepth)+" deep")
	}
	if err := p.count(off); err != nil {
		return err
	}
	mark := len(p.ns)
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			if a.Name.Local == "xml" || a.Name.Local == "xmlns" {
				if a.Name.Local == "xmlns" || a.Value != xmlNS {
					return syntaxError(p.data, off, wf("the prefix "+strconv.Quote(a.Name.Local)+" cannot be declared"))
				}
				continue
			}
			if a.Value == "" {
				return syntaxError(p.data, off, wf("namespace prefix "+strconv.Quote(a.Name.Local)+" declared with an empty name"))
			}
			p.ns = append(p.ns, nsBinding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			p.ns = append(p.ns, nsBinding{"", a.Value})
		}
	}
	p.open = append(p.open, openElement{raw: t.Name, mark: mark})
	name, ok := p.resolve(t.Name, true)
	if !ok {
		return syntaxError(p.data, off, wf("undeclared namespace prefix "+strconv.Quote(t.Name.Space)+" in <"+rawName(t.Name)+">"))
	}
	var attrs []xml.Attr
	var attrp *[]xml.Attr
	if len(t.Attr) > 0 {
		attrp = new([]xml.Attr)
		*attrp = make([]xml.Attr, len(t.Attr))
		attrs = *attrp
		for i, a := range t.Attr {
			n := a.Name
			switch {
			case n.Space == "xmlns", n.Space == "" && n.Local == "xmlns":
				// A declaration keeps its raw name, as encoding/xml gives it.
			default:
				var ok bool
				n, ok = p.resolve(n, false)
				if !ok {
					return syntaxError(p.data, off, wf("undeclared namespace prefix "+strconv.Quote(a.Name.Space)+" in attribute "+rawName(a.Name)+" of <"+rawName(t.Name)+">"))
				}
			}
			attrs[i] = xml.Attr{Name: n, Value: a.Value}
		}
		if dup, ok := duplicateAttr(attrs); ok {
			return syntaxError(p.data, off, wf("attribute "+rawName(t.Attr[dup].Name)+" repeated in <"+rawName(t.Name)+">"))
		}
	}
	n := &node{name: p.elementName(name), attrs: attrp, parent: p.cur, offset: off}
	if p.cur == nil {
		if p.root != nil {
			return syntaxError(p.data, off, wf("more than one root element"))
		}
		p.root = n
	} else {
		p.kids = append(p.kids, n)
	}
	p.open[len(p.open)-1].kids = len(p.kids)
	p.cur = n
	return nil
}

// resolve maps a raw name to its namespace; elem is set for an element
// name, to which the default namespace applies.
func (p *treeParser) resolve(raw xml.Name, elem bool) (xml.Name, bool) {
	local := p.intern(raw.Local)
	switch raw.Space {
	case "":
		if !elem {
			return xml.Name{Local: local}, true
		}
		for i := len(p.ns) - 1; i >= 0; i-- {
			if p.ns[i].prefix == "" {
				return xml.Name{Space: p.intern(p.ns[i].uri), Local: local}, true
			}
		}
		return xml.Name{Local: local}, true
	case "xml":
		return xml.Name{Space: xmlNS, Local: local}, true
	}
	for i := len(p.ns) - 1; i >= 0; i-- {
		if p.ns[i].prefix == raw.Space {
			return xml.Name{Space: p.intern(p.ns[i].uri), Local: local}, true
		}
	}
	return xml.Name{}, false
}

// elementName returns the one *xml.Name shared by the elements named n.
func (p *treeParser) elementName(n xml.Name) *xml.Name {
	if v, ok := p.elems[n]; ok {
		return v
	}
	v := new(xml.Name)
	*v = n
	if len(p.elems) < 1<<12 {
		p.elems[n] = v
	}
	return v
}

// intern returns one copy of each name, so that a million elements share
// their names' bytes.
func (p *treeParser) intern(s string) string {
	if v, ok := p.names[s]; ok {
		return v
	}
	if len(p.names) < 1<<12 {
		p.names[s] = s
	}
	return s
}

// duplicateAttr returns the index of an attribute whose expanded name an
// earlier one has.
func duplicateAttr(attrs []xml.Attr) (int, bool) {
	if len(attrs) <= 8 {
		for i := 1; i < len(attrs); i++ {
			for j := range i {
				if attrs[i].Name == attrs[j].Name {
					return i, true
				}
			}
		}
		return 0, false
	}
	seen := make(map[xml.Name]bool, len(attrs))
	for i, a := range attrs {
		if seen[a.Name] {
			return i, true
		}
		seen[a.Name] = true
	}
	return 0, false
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// flush adds the accumulated text to the current element.
func (p *treeParser) flush(off int64) error {
	if !p.hasText {
		return nil
	}
	p.hasText = false
	if p.cur == nil || len(p.text) == 0 {
		p.text = p.text[:0]
		return nil
	}
	if err := p.count(off); err != nil {
		return err
	}
	p.kids = append(p.kids, string(p.text))
	if cap(p.text) > 1<<16 {
		p.text = nil
	} else {
		p.text = p.text[:0]
	}
	return nil
}

// count counts one node against maxNodes.
func (p *treeParser) count(off int64) error {
	p.nodes++
	if p.nodes > maxNodes {
		return tooLarge(p.data, off, "more than "+strconv.Itoa(maxNodes)+" elements and text runs")
	}
	return nil
}

// checkCharRefs refuses character references in data[off:end] (the raw
// text of a start tag or of character data) that do not name a character
// XML allows: encoding/xml turns &#xD800; into U+FFFD.
func (p *treeParser) checkCharRefs(off, end int64) error {
	raw := p.data[off:end]
	for i := 0; ; {
		j := bytes.Index(raw[i:], []byte("&#"))
		if j < 0 {
			return nil
		}
		i += j + 2
		hex := i < len(raw) && raw[i] == 'x'
		if hex {
			i++
		}
		var v int64
		k := i
		for ; k < len(raw) && raw[k] != ';'; k++ {
			d := int64(-1)
			switch c := raw[k]; {
			case c >= '0' && c <= '9':
				d = int64(c - '0')
			case hex && c >= 'a' && c <= 'f':
				d = int64(c-'a') + 10
			case hex && c >= 'A' && c <= 'F':
				d = int64(c-'A') + 10
			}
			if d < 0 {
				break
			}
			if v <= utf8.MaxRune {
				if hex {
					v = v*16 + d
				} else {
					v = v*10 + d
				}
			}
		}
		if !xmlChar(v) {
			ref := string(raw[i-2-b2i(hex) : min(k+1, len(raw))])
			return syntaxError(p.data, off+int64(i-2-b2i(hex)), wf("character reference "+clip(ref)+" does not name a character XML allows"))
		}
		i = k
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// xmlChar reports whether v is a Char of XML 1.0.
func xmlChar(v int64) bool {
	return v == 0x9 || v == 0xA || v == 0xD || v >= 0x20 && v <= 0xD7FF ||
		v >= 0xE000 && v <= 0xFFFD || v >= 0x10000 && v <= utf8.MaxRune
}

// tooLarge returns the error for input past one of the reader's bounds: it
// unwraps to ErrMalformed and maisky.ErrTooLarge.
func tooLarge(data []byte, off int64, msg string) *ReadError {
	line, col := lineCol(data, off)
	return &ReadError{Line: line, Column: col, Msg: msg, Err: maisky.ErrTooLarge, syntax: true}
}

// wf returns a well-formedness error, worded as encoding/xml words its own.
func wf(msg string) error { return &xml.SyntaxError{Msg: msg} }

func syntaxError(data []byte, off int64, err error) *ReadError {
	line, col := lineCol(data, off)
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = "XML syntax error: " + se.Msg
	}
	return &ReadError{Line: line, Column: col, Msg: msg, Err: err, syntax: true}
}

// lineCol converts a byte offset to a 1-based line and a column counted in
// code points.
func lineCol(data []byte, off int64) (int, int) {
	off = max(0, min(off, int64(len(data))))
	head := data[:off]
	line := bytes.Count(head, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(head, '\n') + 1
	return line, utf8.RuneCount(head[start:]) + 1
}

// decodeInput returns the input as UTF-8: without a UTF-8 byte order mark,
// and transcoded from UTF-16 (detected by its byte order mark or by the
// "<?" it starts with) or from the ISO-8859-1, windows-1252 or US-ASCII that
// its XML declaration names. UTF-32 and another declared encoding are
// refused.
func decodeInput(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}),
		bytes.HasPrefix(data, []byte{0, 0, 0, '<'}), bytes.HasPrefix(data, []byte{'<', 0, 0, 0}):
		return nil, &ReadError{Line: 1, Column: 1, Msg: "the input is UTF-32, which is not supported: TEI is read in UTF-8, UTF-16 or ISO-8859-1", syntax: true}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), len(data) >= 2 && data[0] == 0 && data[1] == '<':
		return transcode(data, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "UTF-16")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), len(data) >= 2 && data[0] == '<' && data[1] == 0:
		return transcode(data, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "UTF-16")
	}
	enc, at := declaredEncoding(data)
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8":
		return data, nil
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1":
		return transcode(data, charmap.ISO8859_1, enc)
	case "windows-1252", "cp1252":
		return transcode(data, charmap.Windows1252, enc)
	case "us-ascii", "ascii":
		for i, c := range data {
			if c >= 0x80 {
				line, col := lineCol(data, int64(i))
				return nil, &ReadError{Line: line, Column: col, Msg: "a byte above 0x7F in input declared as " + enc, syntax: true}
			}
		}
		return data, nil
	case "utf-16", "utf16", "utf-16le", "utf-16be":
		return nil, &ReadError{Line: 1, Column: at, Msg: "the XML declaration says " + strconv.Quote(enc) + " but the input is not UTF-16 (it has no byte order mark)", syntax: true}
	}
	return nil, &ReadError{Line: 1, Column: at, Msg: "encoding " + strconv.Quote(clip(enc)) + " is not supported: TEI is read in UTF-8, UTF-16 or ISO-8859-1", syntax: true}
}

// transcode decodes data to UTF-8; input that does not decode is refused
// with the encoding's name.
func transcode(data []byte, e encoding.Encoding, name string) ([]byte, error) {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return nil, &ReadError{Msg: "input is not valid " + name, Err: err, syntax: true}
	}
	return bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF}), nil
}

// declaredEncoding returns the encoding named by the XML declaration at the
// start of data, and its column; "" if there is none.
func declaredEncoding(data []byte) (string, int) {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return "", 0
	}
	end := bytes.Index(data[:min(len(data), 512)], []byte("?>"))
	if end < 0 {
		return "", 0
	}
	decl := data[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return "", 0
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return "", 0
	}
	rest = bytes.TrimLeft(rest[1:], " \t\r\n")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return "", 0
	}
	q := rest[0]
	j := bytes.IndexByte(rest[1:], q)
	if j < 0 {
		return "", 0
	}
	return string(rest[1 : 1+j]), i + 1
}
