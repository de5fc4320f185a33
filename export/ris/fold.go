package ris

import (
	"bytes"
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns value as the Writer writes it (see the package
// documentation, "Folding"): invalid UTF-8 becomes U+FFFD; control
// characters (C0, DEL, C1 including NEL) and U+2028, U+2029 become spaces;
// runs of spaces (U+0020) become one space; white space at both ends is
// removed; the result is in Unicode NFC. Fold(Fold(s)) == Fold(s).
func Fold(value string) string {
	b := appendFold(nil, value)
	if string(b) == value {
		return value
	}
	return string(b)
}

// lineBreaking reports whether r must not appear in a value: it would end
// the line for some reader, or is another control character.
func lineBreaking(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029'
}

// isSpace reports whether r is white space that RIS readers trim from the
// ends of a value (JavaScript's String.prototype.trim set).
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' }

const (
	lo8 uint64 = 0x0101010101010101
	hi8 uint64 = 0x8080808080808080
)

// clean reports whether b is printable ASCII (0x20..0x7E) without two
// spaces in a row and without a space at either end: text that folding
// leaves as it is. It looks at eight bytes at a time.
func clean(b []byte) bool { return cleanExcept(b, 0x20) }

// cleanExcept is clean that also rejects the byte c (0x20 rejects nothing
// more).
func cleanExcept(b []byte, c byte) bool {
	if len(b) == 0 {
		return true
	}
	if b[0] == ' ' || b[len(b)-1] == ' ' {
		return false
	}
	var prev uint64 // the high bit is set if the previous byte is a space
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		// A byte < 0x20 or >= 0x7F sets its high bit here.
		if ((x-0x20*lo8)&^x|(x+lo8)|x)&hi8 != 0 {
			return false
		}
		// The high bit of each byte that is a space, or c (exact: no
		// carries).
		t := x ^ 0x20*lo8
		sp := ^((t&^hi8 + ^hi8) | t) & hi8
		if c != 0x20 {
			t = x ^ uint64(c)*lo8
			if ^((t&^hi8+^hi8)|t)&hi8 != 0 {
				return false
			}
		}
		if sp&(sp<<8|prev) != 0 { // two spaces in a row

			return false
		}
		prev = sp >> 56
	}
	space := prev != 0
	for ; i < len(b); i++ {
		d := b[i]
		if d < 0x20 || d > 0x7e || d == ' ' && space || d == c && c != 0x20 {
			return false
		}
		space = d == ' '
	}
	return true
}

// appendFold appends the folded value to dst.
func appendFold(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	v := dst[n:]
	if clean(v) {
		return dst
	}
	return appendFoldSlow(dst[:n], s)
}

// appendFoldSlow appends the folded value to dst, rune by rune.
func appendFoldSlow(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a space is pending
	for _, r := range s {
		if lineBreaking(r) {
			r = ' '
		}
		if r == ' ' {
			space = true
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	// Trim white space at both ends (the ASCII spaces at the end are still
	// pending and were never written).
	v := bytes.TrimFunc(dst[start:], isSpace)
	if len(v) != len(dst)-start {
		dst = append(dst[:start], v...) // copy is a memmove: overlap is fine
	}
	if !norm.NFC.IsNormal(dst[start:]) {
		v := norm.NFC.Append(nil, dst[start:]...)
		dst = append(dst[:start], v...)
	}
	return dst
}
