package jsonstr

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// Append appends s to dst as a JSON string, quotes included, exactly as
// encoding/json writes it with HTML escaping off: '"' and '\' escaped,
// control characters as \b \f \n \r \t or \u00XX, U+2028 and U+2029 as
// \u2028 and \u2029 (JavaScript line terminators), and each byte of
// invalid UTF-8 as \ufffd (U+FFFD REPLACEMENT CHARACTER). Everything
// else, "<", ">" and "&" included, is written as it is.
func Append(dst []byte, s string) []byte {
	return appendString(dst, s, false)
}

// AppendHTML appends s as Append does, and "<", ">" and "&" as \u003c,
// \u003e and \u0026, exactly as encoding/json writes it with HTML
// escaping on: JSON that is safe to embed in HTML or to serve to a client
// that might sniff it as HTML.
func AppendHTML(dst []byte, s string) []byte {
	return appendString(dst, s, true)
}

func appendString(dst []byte, s string, html bool) []byte {
	b := append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && !(html && (c == '<' || c == '>' || c == '&')) {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
