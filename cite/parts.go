package cite

// Rendering parts the built-in styles share.

// locatorText renders cs:text variable="locator" as citeproc-js does: a
// page locator (or one without a label) in the style's page range format
// f, any other locator with its ranges en-dashed when it is a number or a
// list of numbers ("2-3" → "2–3"), as given otherwise ("1.1-7").
func (r *renderer) locatorText(f rangeFormat) {
	r.o.elem("", "", 0, false)
	defer r.o.end()
	v := r.loc.Value
	if v == "" {
		r.o.attempt()
		return
	}
	r.o.success()
	r.o.open()
	switch {
	case r.loc.Label == "page" || r.loc.Label == "":
		r.o.buf = appendRange(r.o.buf, v, f)
	case isNumeric(v) || numberList(v):
		r.o.buf = appendDashes(r.o.buf, v)
	default:
		r.o.buf = append(r.o.buf, v...)
	}
}

// numberList reports whether s is more than one number joined by "-",
// "–", "—", ",", "&", "and" or spaces, each number digits with optional
// letters before or after ("L2", "2a") or a roman numeral: the values
// citeproc-js gives a plural label and en-dashed ranges.
func numberList(s string) bool {
	n := 0
	for i := 0; i < len(s); {
		if j := listJoinerLen(s[i:]); j > 0 {
			i += j
			continue
		}
		j := i
		for j < len(s) && listJoinerLen(s[j:]) == 0 {
			j++
		}
		if tok := s[i:j]; tok != "and" {
			if !numberToken(tok) && !romanToken(tok) {
				return false
			}
			n++
		}
		i = j
	}
	return n > 1
}

func listJoinerLen(s string) int {
	switch s[0] {
	case '-', '&', ',', ' ':
		return 1
	}
	if len(s) >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94) {
		return 3 // en or em dash
	}
	return 0
}

// numberToken reports letters, digits, letters with at least one digit.
func numberToken(s string) bool {
	i := 0
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	d := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == d {
		return false
	}
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return i == len(s)
}

func romanToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'i', 'v', 'x', 'l', 'c', 'd', 'm':
		default:
			return false
		}
	}
	return true
}
