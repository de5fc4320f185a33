package tei

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	xmlNS = "http://www.w3.org/XML/1998/namespace"
	// maxInput bounds the size of the input Read accepts.
	maxInput = 256 << 20
	// maxDepth bounds element nesting.
	maxDepth = 256
)

// node is an element of the parsed input, with its byte offset for error
// positions. Its children are *node and string (character data).
type node struct {
	name   xml.Name
	attrs  []xml.Attr
	kids   []any
	parent *node
	offset int64
	// counts (per child name) and ord (position among same-named
	// siblings) are filled in the first time a path is asked for.
	counts map[xml.Name]int
	ord    int
}

// attr returns the value of the attribute local (no namespace).
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *node) hasAttr(local string) bool {
	for _, a := range n.attrs {
		if a.Name.Space == "" && a.Name.Local == local {
			return true
		}
	}
	return false
}

// xmlAttr returns the value of xml:local (xml:id, xml:lang).
func (n *node) xmlAttr(local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == xmlNS && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// lang returns the xml:lang in force at n.
func (n *node) lang() string {
	for e := n; e != nil; e = e.parent {
		for _, a := range e.attrs {
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

// path returns the element path of n: "/TEI/text/body/div[1]/p[3]", with
// the position among same-named siblings where there are several.
func (n *node) path() string {
	var parts []string
	for e := n; e != nil; e = e.parent {
		seg := e.name.Local
		if p := e.parent; p != nil {
			p.count()
			if p.counts[e.name] > 1 {
				seg += "[" + strconv.Itoa(e.ord) + "]"
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
func (n *node) count() {
	if n.counts != nil {
		return
	}
	n.counts = make(map[xml.Name]int)
	for _, k := range n.kids {
		if e, ok := k.(*node); ok {
			n.counts[e.name]++
			e.ord = n.counts[e.name]
		}
	}
}

// parse reads an XML document into a tree. Comments, processing
// instructions and the prolog are dropped.
func parse(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var root, cur *node
	depth := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(data, off, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return nil, syntaxError(data, off, errors.New("elements nested more than "+strconv.Itoa(maxDepth)+" deep"))
			}
			n := &node{name: t.Name, attrs: t.Copy().Attr, parent: cur, offset: off}
			if cur == nil {
				if root != nil {
					return nil, syntaxError(data, off, errors.New("more than one root element"))
				}
				root = n
			} else {
				cur.kids = append(cur.kids, n)
			}
			cur = n
		case xml.EndElement:
			depth--
			cur = cur.parent
		case xml.CharData:
			if cur == nil {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, syntaxError(data, off, errors.New("text outside the root element"))
				}
				continue
			}
			s := string(t)
			if last := len(cur.kids) - 1; last >= 0 {
				if prev, ok := cur.kids[last].(string); ok {
					cur.kids[last] = prev + s
					continue
				}
			}
			cur.kids = append(cur.kids, s)
		}
	}
	if root == nil {
		return nil, syntaxError(data, int64(len(data)), errors.New("no root element"))
	}
	return root, nil
}

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
