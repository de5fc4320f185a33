package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// replacement returns the character that stands for one the fonts cannot
// draw: U+FFFD if they have it, else a white square, else "?".
func (fs *fontSet) replacement() rune {
	for _, r := range []rune{'\uFFFD', '□', '?'} {
		if fs.faces[regular].has(r) {
			return r
		}
	}
	return '?'
}

// clean returns s with only characters the fonts can draw: white space of
// every kind becomes a plain space (no-break spaces stay), invisible
// characters and controls are dropped, hyphens and dashes the fonts lack
// become their nearest kin, letters with accents the fonts lack lose the
// accent, and anything else becomes the replacement character (a white
// square: Liberation Serif has no U+FFFD). Invalid UTF-8 is replaced too.
// Text the fonts cover (the common case) is returned as is.
func (fs *fontSet) clean(s string) string {
	fc := &fs.faces[regular]
	i, prev := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !fc.has(r) || r < ' ' || (r >= 0x7F && r < 0xA0) || r == 0xAD || r >= 0x300 && special(r) {
			break
		}
		prev = i
		i += size
	}
	if i == len(s) {
		return s
	}
	if i > 0 {
		// start over at the previous character, which a combining mark
		// may modify
		i = prev
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range norm.NFC.String(s[i:]) {
		fs.appendRune(&b, r)
	}
	return b.String()
}

func (fs *fontSet) appendRune(b *strings.Builder, r rune) {
	fc := &fs.faces[regular]
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 ||
		(r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x205F || r == 0x3000:
		b.WriteByte(' ')
	case r == 0x202F || r == 0x2007:
		b.WriteRune('\u00A0')
	case r < ' ' || (r >= 0x7F && r < 0xA0) || unicode.Is(unicode.Cf, r) ||
		unicode.In(r, unicode.Mn, unicode.Me) && !fc.has(r):
		// controls, soft hyphens, zero-width and invisible marks, the bidi
		// embeddings, overrides and isolates (U+202A–202E, U+2066–2069),
		// marks the fonts lack: nothing
	case r == utf8.RuneError:
		b.WriteRune(fs.replacement())
	case fc.has(r):
		b.WriteRune(r)
	case r == 0x2010 || r == 0x2011:
		b.WriteByte('-')
	case r == 0x2012:
		b.WriteRune('–')
	default:
		// A letter with an accent the fonts lack: keep the base letter.
		if d := norm.NFD.String(string(r)); d != string(r) {
			if base, _ := utf8.DecodeRuneInString(d); fc.has(base) && base >= ' ' {
				b.WriteRune(base)
				return
			}
		}
		b.WriteRune(fs.replacement())
	}
}

// special reports whether a character the fonts have still needs
// cleaning: a combining mark (composed by NFC), white space other than the
// space, or an invisible format character.
func special(r rune) bool {
	switch {
	case r <= 0x36F:
		return true // combining diacritical marks
	case r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F:
		return true
	case r == 0xFEFF, r == 0x3000:
		return true
	case r < 0x483:
		return false
	}
	return unicode.In(r, unicode.Mn, unicode.Me)
}
