package ris

import (
	"bytes"
	"encoding/binary"
	"strings"
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
	if fastFoldable(value) {
		return value
	}
	return string(appendFoldSlow(nil, value))
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
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// printableASCII reports whether every byte of b is in 0x20..0x7E.
func printableASCII(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		// a byte < 0x20, or a byte >= 0x7F
		if ((x-0x20*lo8)&^x|(x+lo8)|x)&hi8 != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] < 0x20 || b[i] > 0x7e {
			return false
		}
	}
	return true
}

// fastFoldable reports whether s is printable ASCII that folding leaves
// unchanged.
func fastFoldable(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// appendFold appends the folded value to dst.
func appendFold(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	v := dst[n:]
	if len(v) == 0 || v[0] != ' ' && v[len(v)-1] != ' ' && printableASCII(v) && bytes.Index(v, doubleSpace) < 0 {
		return dst
	}
	return appendFoldSlow(dst[:n], s)
}

var doubleSpace = []byte("  ")

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
