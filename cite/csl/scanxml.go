package csl

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// scanXML reads the plain XML that styles and locales are written in
// (an XML declaration of version 1.0 in UTF-8, elements with ASCII names,
// attributes, text, comments, the five predefined entities and character
// references) without encoding/xml's token allocations, and builds the
// tree decodeXML builds, positions included. Anything else, every error
// among it, makes it give up (ok false): decodeXML then reads the input,
// and tells the error as before. It accepts only what encoding/xml
// accepts, and the fuzz target FuzzScanXML holds the two to the same
// tree.
func scanXML(data []byte) (root *xnode, ok bool) {
	if !plainXMLChars(data) {
		return nil, false
	}
	s := xscan{data: data, line: 1, strs: make(map[string]string, 256)}
	if bytes.HasPrefix(data, []byte("<?xml")) {
		end := bytes.Index(data, []byte("?>"))
		if end < 0 {
			return nil, false
		}
		switch string(data[5:end]) {
		case ` version="1.0" encoding="utf-8"`, ` version="1.0" encoding="UTF-8"`, ` version="1.0"`:
		default:
			return nil, false
		}
		s.i = end + 2
	}
	var stack []*xnode
	// the children of the open elements are gathered in kids, those of
	// stack[i] from starts[i] on, and each element's are moved into a
	// list of their own (one of a few slabs) when it closes
	var kids []*xnode
	var starts []int
	for s.i < len(s.data) {
		if s.data[s.i] != '<' {
			// text
			j := bytes.IndexByte(s.data[s.i:], '<')
			if j < 0 {
				j = len(s.data)
			} else {
				j += s.i
			}
			raw := s.data[s.i:j]
			if bytes.Contains(raw, []byte("]]>")) {
				return nil, false
			}
			if len(stack) == 0 {
				if !allSpace(raw) {
					return nil, false
				}
			} else {
				switch top := stack[len(stack)-1]; top.name {
				case "term", "single", "multiple":
					t, ok := unescape(raw)
					if !ok {
						return nil, false
					}
					top.text += t
				default:
					if bytes.IndexByte(raw, '&') >= 0 {
						if _, ok := unescape(raw); !ok {
							return nil, false
						}
					}
				}
			}
			s.i = j
			continue
		}
		if s.i+1 >= len(s.data) {
			return nil, false
		}
		switch s.data[s.i+1] {
		case '!':
			if !bytes.HasPrefix(s.data[s.i:], []byte("<!--")) {
				return nil, false
			}
			end := bytes.Index(s.data[s.i+4:], []byte("--"))
			if end < 0 || !bytes.HasPrefix(s.data[s.i+4+end:], []byte("-->")) {
				return nil, false
			}
			s.i += 4 + end + 3
		case '/':
			s.i += 2
			name, ok := s.name()
			if !ok {
				return nil, false
			}
			s.space()
			if s.i >= len(s.data) || s.data[s.i] != '>' {
				return nil, false
			}
			s.i++
			if len(stack) == 0 || stack[len(stack)-1].name != name {
				return nil, false
			}
			top, from := stack[len(stack)-1], starts[len(starts)-1]
			if k := kids[from:]; len(k) > 0 {
				top.kids = s.kidList(k)
			}
			kids = kids[:from]
			stack, starts = stack[:len(stack)-1], starts[:len(starts)-1]
		default:
			l, c := s.pos(s.i)
			s.i++
			name, ok := s.name()
			if !ok {
				return nil, false
			}
			if len(s.nodes) == 0 {
				s.nodes = make([]xnode, 64)
			}
			n := &s.nodes[0]
			s.nodes = s.nodes[1:]
			n.name, n.line, n.col = name, l, c
			empty := false
			for {
				sp := s.space()
				if s.i >= len(s.data) {
					return nil, false
				}
				if b := s.data[s.i]; b == '>' {
					s.i++
					break
				} else if b == '/' {
					if s.i+1 >= len(s.data) || s.data[s.i+1] != '>' {
						return nil, false
					}
					s.i += 2
					empty = true
					break
				}
				if !sp {
					return nil, false
				}
				k, ok := s.attrName()
				if !ok {
					return nil, false
				}
				s.space()
				if s.i >= len(s.data) || s.data[s.i] != '=' {
					return nil, false
				}
				s.i++
				s.space()
				if s.i >= len(s.data) || (s.data[s.i] != '"' && s.data[s.i] != '\'') {
					return nil, false
				}
				q := s.data[s.i]
				j := bytes.IndexByte(s.data[s.i+1:], q)
				if j < 0 {
					return nil, false
				}
				raw := s.data[s.i+1 : s.i+1+j]
				s.i += j + 2
				if bytes.IndexByte(raw, '<') >= 0 {
					return nil, false
				}
				var v string
				if bytes.IndexByte(raw, '&') < 0 {
					v = s.intern(raw)
				} else if v, ok = unescape(raw); !ok {
					return nil, false
				}
				if n.attrs == nil {
					// an element without attributes reads them from a
					// nil map (one with namespace declarations only has
					// an empty one, as decodeXML gives it)
					n.attrs = make(map[string]string, 4)
				}
				if k == "" {
					continue // a namespace declaration
				}
				if _, dup := n.attrs[k]; dup {
					return nil, false
				}
				n.attrs[k] = v
			}
			if len(stack) >= maxDepth {
				return nil, false
			}
			if len(stack) > 0 {
				kids = append(kids, n)
			} else if root == nil {
				root = n
			} else {
				return nil, false
			}
			if !empty {
				stack = append(stack, n)
				starts = append(starts, len(kids))
			}
		}
	}
	if root == nil || len(stack) > 0 {
		return nil, false
	}
	return root, true
}

// xscan is scanXML's place in its input.
type xscan struct {
	data []byte
	i    int
	// the line of curOff, and where that line starts
	curOff, line, lineStart int
	// strs has the names and attribute values read, each once
	strs map[string]string
	// nodes is where the elements are taken from, lists their lists
	// of children
	nodes []xnode
	lists []*xnode
}

// kidList returns a copy of k (from a slab of lists).
func (s *xscan) kidList(k []*xnode) []*xnode {
	if len(s.lists) < len(k) {
		s.lists = make([]*xnode, max(256, len(k)))
	}
	l := s.lists[:len(k):len(k)]
	copy(l, k)
	s.lists = s.lists[len(k):]
	return l
}

// intern returns b as a string, the same string for the same bytes.
func (s *xscan) intern(b []byte) string {
	if v, ok := s.strs[string(b)]; ok {
		return v
	}
	v := string(b)
	s.strs[v] = v
	return v
}

// pos returns the line and column (in bytes, from 1) of offset off, at
// or after the one asked before.
func (s *xscan) pos(off int) (int, int) {
	for i := s.curOff; i < off; i++ {
		if s.data[i] == '\n' {
			s.line++
			s.lineStart = i + 1
		}
	}
	s.curOff = off
	return s.line, off - s.lineStart + 1
}

// space skips white space, and reports whether there was some.
func (s *xscan) space() bool {
	i := s.i
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n':
			s.i++
			continue
		}
		break
	}
	return s.i > i
}

// name reads an ASCII name without a colon.
func (s *xscan) name() (string, bool) {
	i := s.i
	for s.i < len(s.data) {
		b := s.data[s.i]
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_' || s.i > i && ('0' <= b && b <= '9' || b == '-' || b == '.') {
			s.i++
			continue
		}
		break
	}
	if s.i == i {
		return "", false
	}
	return s.intern(s.data[i:s.i]), true
}

// attrName reads an attribute's name as decodeXML keys it: "" for a
// namespace declaration, "xml:" and the local name for the xml prefix;
// any other prefix is not read.
func (s *xscan) attrName() (string, bool) {
	k, ok := s.name()
	if !ok {
		return "", false
	}
	if s.i < len(s.data) && s.data[s.i] == ':' {
		s.i++
		local, ok := s.name()
		if !ok || s.i < len(s.data) && s.data[s.i] == ':' {
			return "", false
		}
		switch k {
		case "xmlns":
			return "", true
		case "xml":
			return "xml:" + local, true
		}
		return "", false
	}
	if k == "xmlns" {
		return "", true
	}
	return k, true
}

// unescape returns raw text with its entities and character references
// replaced (ok false for any other use of &).
func unescape(raw []byte) (string, bool) {
	amp := bytes.IndexByte(raw, '&')
	if amp < 0 {
		return string(raw), true
	}
	var b []byte
	b = append(b, raw[:amp]...)
	for i := amp; i < len(raw); {
		if raw[i] != '&' {
			b = append(b, raw[i])
			i++
			continue
		}
		semi := bytes.IndexByte(raw[i:], ';')
		if semi < 2 || semi > 10 {
			return "", false
		}
		ref := string(raw[i+1 : i+semi])
		i += semi + 1
		switch ref {
		case "amp":
			b = append(b, '&')
		case "lt":
			b = append(b, '<')
		case "gt":
			b = append(b, '>')
		case "quot":
			b = append(b, '"')
		case "apos":
			b = append(b, '\'')
		default:
			if ref[0] != '#' || len(ref) < 2 {
				return "", false
			}
			digits, base := ref[1:], 10
			if digits[0] == 'x' {
				digits, base = digits[1:], 16
			}
			if digits == "" {
				return "", false
			}
			for _, c := range []byte(digits) {
				if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
					return "", false
				}
			}
			n, err := strconv.ParseUint(digits, base, 32)
			if err != nil || !xmlChar(rune(n)) || n == '\r' {
				return "", false
			}
			b = utf8.AppendRune(b, rune(n))
		}
	}
	return string(b), true
}

// xmlChar reports whether r is a character XML allows.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || 0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

// plainXMLChars reports whether data is UTF-8 of characters XML allows,
// without carriage returns (which encoding/xml turns into line feeds).
func plainXMLChars(data []byte) bool {
	for i := 0; i < len(data); {
		b := data[i]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\t' && b != '\n' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

// allSpace reports whether b is white space only.
func allSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}
