package cslcore

// IsPunct reports whether c is one of the punctuation marks citeproc-js
// joins when two meet (! ? . : , ;).
func IsPunct(c byte) bool { return punctIdx(c) >= 0 }

// punctJoin is how citeproc-js joins two different punctuation marks
// (rows: the first, columns: the second, in the order ! ? . : , ;); a
// result of two marks keeps both. Read only.
var punctJoin = [6][6]string{
	{"", "!?", "!", "!", "!,", "!;"},
	{"?!", "", "?", "?", "?,", "?;"},
	{".!", ".?", "", ".:", ".,", ".;"},
	{"!", "?", ":", "", ":,", ":;"},
	{",!", ",?", ",.", ",:", "", ",;"},
	{"!", "?", ";", ";", ";,", ""},
}

var punctOne = [6]string{"!", "?", ".", ":", ",", ";"}

func punctIdx(b byte) int {
	switch b {
	case '!':
		return 0
	case '?':
		return 1
	case '.':
		return 2
	case ':':
		return 3
	case ',':
		return 4
	case ';':
		return 5
	}
	return -1
}

// JoinPunct returns what citeproc-js writes for the punctuation mark a
// followed by b: one mark when they are equal ("." and "." is ".") or
// when one absorbs the other ("?" and "." is "?", ";" and ":" is ";"),
// both in order when it keeps them (". ,"), and ok false when either is
// not one of IsPunct's marks. The result is a constant: no allocation.
func JoinPunct(a, b byte) (s string, ok bool) {
	ia, ib := punctIdx(a), punctIdx(b)
	if ia < 0 || ib < 0 {
		return "", false
	}
	if ia == ib {
		return punctOne[ia], true
	}
	return punctJoin[ia][ib], true
}
