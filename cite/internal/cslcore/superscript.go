package cslcore

import "golang.org/x/text/unicode/norm"

// IsSuperscript reports whether r is one of the superscript characters
// citeproc-js writes in HTML as <sup> of their base character ("²" as
// <sup>2</sup>, "ª" as <sup>a</sup>).
func IsSuperscript(r rune) bool {
	switch {
	case r == 0xAA || r == 0xB2 || r == 0xB3 || r == 0xB9 || r == 0xBA:
		return true
	case r >= 0x02B0 && r <= 0x02B8, r >= 0x02E0 && r <= 0x02E4, r == 0x02C0, r == 0x02C1:
		return true
	case r >= 0x1D2C && r <= 0x1D61 && r != 0x1D2F && r != 0x1D3B && r != 0x1D4E:
		return true
	case r == 0x2070 || r == 0x2071 || (r >= 0x2074 && r <= 0x207F):
		return true
	case r == 0x2120 || r == 0x2122, r >= 0x3192 && r <= 0x319F, r == 0x06E5 || r == 0x06E6:
		return true
	}
	return false
}

// SuperscriptBase returns the character a superscript stands for (its
// compatibility decomposition, or citeproc-js's own base for the four
// that have none).
func SuperscriptBase(r rune) string {
	switch r {
	case 0x02C0:
		return "ʔ"
	case 0x02C1:
		return "ʕ"
	case 0x06E5:
		return "و"
	case 0x06E6:
		return "ي"
	}
	return norm.NFKD.String(string(r))
}
