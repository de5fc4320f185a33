package csl

import (
	"regexp"
	"strings"

	"github.com/maisky-lib/maisky/cite"
)

// The is-numeric test as citeproc-js makes it. citeproc-js splits a
// number variable at its joiners ("-", "–", ", ", "; ", "&", "and"),
// takes short lower-case words followed by a period or a space as
// embedded labels ("vol. 2", "no. 3"), strips a letter prefix ("A12")
// and calls the variable numeric when its first value is digits or a
// lower-case roman numeral of i, v and x, with trailing letters or a
// hyphenated tail ("12", "3rd", "12a", "xii", "4-5").
var (
	numJoinerRe      = regexp.MustCompile(`\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[\-\x{2013}]+\s*`)
	numJoinerNoHyRe  = regexp.MustCompile(`\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[\x{2013}]+\s*`)
	numLabelRe       = regexp.MustCompile(`(?:^| )(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z]|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)(?:\.| ) *`)
	numPlainRe       = regexp.MustCompile(`^[0-9]+([-;,:a-zA-Z]*)$`)
	numParticleRe    = regexp.MustCompile(`^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$`)
	numSlashRe       = regexp.MustCompile(`^[0-9]+(?:/[0-9]+)+$`)
	numNumericValRe  = regexp.MustCompile(`^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$`)
	numLabelVariable = map[string]string{
		"vrs.": "verse", "sv.": "sub-verbo", "subpara.": "subparagraph", "op.": "opus",
		"subch.": "subchapter", "add.": "addendum", "amend.": "amendment", "annot.": "annotation",
		"app.": "appendix", "art.": "article", "bibliog.": "bibliography", "bk.": "book",
		"ch.": "chapter", "cl.": "clause", "col.": "column", "cmt.": "comment",
		"dec.": "decision", "dept.": "department", "ex.": "example", "fig.": "figure",
		"fld.": "field", "fol.": "folio", "n.": "note", "hypo.": "hypothetical",
		"illus.": "illustration", "intro.": "introduction", "l.": "line", "no.": "issue",
		"p.": "page", "pp.": "page", "para.": "paragraph", "pt.": "part",
		"pmbl.": "preamble", "princ.": "principle", "pub.": "publication", "r.": "rule",
		"rn.": "randnummer", "sched.": "schedule", "sec.": "section", "ser.": "series,",
		"subdiv.": "subdivision", "subsec.": "subsection", "supp.": "supplement", "tbl.": "table",
		"tit.": "title", "vol.": "volume",
	}
)

// numericVar reports whether the value val of the number variable v (of
// an item of type typ) is numeric as citeproc-js's is-numeric decides.
func numericVar(v, val, typ string) bool {
	s := strings.TrimSpace(val)
	if s == "" {
		return false
	}
	if digitRun(s) {
		return true
	}
	if v == "number" && typ == "legal_case" {
		// citeproc-js escapes every hyphen of a case number: no range
		s = strings.ReplaceAll(s, `\-`, "-")
		s = strings.ReplaceAll(s, "-", `\-`)
	}
	joiner := numJoinerRe
	if strings.Contains(s, `\-`) {
		joiner = numJoinerNoHyRe
		s = strings.ReplaceAll(s, `\`, "")
	}
	// citeproc-js writes the variable's own label before a value that
	// does not start with a label ("12" is read as "vol. 12")
	if lbl := variableLabel(v); lbl != "" {
		w, _, _ := strings.Cut(s, " ")
		if _, ok := numLabelVariable[w]; !ok {
			s = lbl + " " + s
		}
	}
	// the first element, up to the first joiner
	whole := true
	if loc := joiner.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
		whole = false
	}
	first := firstNumberValue(s, v)
	// citeproc-js takes a value that is one element of numbers joined
	// by slashes as numeric ("1938/77", "12/3")
	if whole && numSlashRe.MatchString(first) {
		return true
	}
	return numericValue(first)
}

// variableLabel is the short label citeproc-js gives a variable's
// embedded label ("vol." for volume), or "".
func variableLabel(v string) string {
	switch v {
	case "page", "locator", "locator-extra":
		return "p."
	case "series,":
		return ""
	}
	for l, lv := range numLabelVariable {
		if lv == v && l != "pp." {
			return l
		}
	}
	return ""
}

// firstNumberValue is the value of the first element of a number
// variable's element after citeproc-js takes out its embedded labels.
func firstNumberValue(s, v string) string {
	labels := numLabelRe.FindAllString(s, -1)
	if labels == nil {
		return strings.TrimSpace(s)
	}
	parts := numLabelRe.Split(s, -1)
	// a label between values that are not both plain numbers is text
	for j := len(parts) - 1; j > 0; j-- {
		if parts[j-1] != "" && (!numPlainRe.MatchString(parts[j]) || !numPlainRe.MatchString(parts[j-1])) {
			parts[j-1] = parts[j-1] + labels[j-1] + parts[j]
			parts = append(parts[:j], parts[j+1:]...)
			labels = append(labels[:j-1], labels[j:]...)
		}
	}
	if len(labels) > 0 {
		slug := strings.TrimSpace(labels[0])
		lv, known := numLabelVariable[slug]
		locatorLike := v == "locator" || v == "number" || v == "locator-extra" || v == "page"
		if !known || (!locatorLike && lv != v) {
			// not a label of this variable: it stays in the text
			parts[0] = parts[0] + " " + slug + " " + parts[1]
			parts = append(parts[:1], parts[2:]...)
		}
	}
	for j, p := range parts {
		if p != "" || j == len(parts)-1 {
			return strings.TrimSpace(p)
		}
	}
	return ""
}

// numericValue tests one value, its letter prefix ("A12") set aside.
func numericValue(s string) bool {
	if m := numParticleRe.FindStringSubmatch(s); m != nil {
		s = m[2]
	}
	return s != "" && numNumericValRe.MatchString(s)
}

// capitalizeNumber is a number variable under text-case: citeproc-js
// capitalizes each part of a value that is not numeric, split at its
// joiners ("Doi-Key-1").
func capitalizeNumber(val, textCase string) string {
	if textCase != "capitalize-first" || isNumeric(val) {
		return val
	}
	return cite.CapitalizeParts(val)
}

var ampRe = regexp.MustCompile(`\s*&\s*`)

// ampersandJoin spaces the ampersands of a number variable as citeproc-js
// joins its parts: "&" after a part that starts and ends with a letter
// stays tight ("R&D"), any other gets a space on each side ("S.R. & O.").
func ampersandJoin(s string) string {
	locs := ampRe.FindAllStringIndex(s, -1)
	var sb strings.Builder
	prev := 0
	for _, l := range locs {
		left := s[prev:l[0]]
		sb.WriteString(left)
		// citeproc-js looks at the part before the ampersand only
		if endsLetter(left) && startsLetter(left) {
			sb.WriteString("&")
		} else {
			sb.WriteString(" & ")
		}
		prev = l[1]
	}
	sb.WriteString(s[prev:])
	return sb.String()
}

func endsLetter(s string) bool {
	return s != "" && (s[len(s)-1]|0x20 >= 'a' && s[len(s)-1]|0x20 <= 'z')
}

func startsLetter(s string) bool {
	return s != "" && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z')
}

// locatorLabel is the term of a cite's locator label: citeproc-js takes
// the older "sub verbo" as "sub-verbo".
func locatorLabel(l string) string {
	if l == "sub verbo" {
		return "sub-verbo"
	}
	return l
}

var (
	urlPathRe = regexp.MustCompile(`(.*\.[^/]+)/.*`)
	urlWWWRe  = regexp.MustCompile(`//www\.`)
	urlSchRe  = regexp.MustCompile(`https?://`)
)

// shortURL is the short form of a URL as citeproc-js makes it: the path
// dropped ("https://example.org"), and the scheme too before "www."
// ("www.example.org").
func shortURL(u string) string {
	u = urlPathRe.ReplaceAllString(u, "$1")
	if urlWWWRe.MatchString(u) {
		if loc := urlSchRe.FindStringIndex(u); loc != nil {
			u = u[:loc[0]] + u[loc[1]:]
		}
	}
	return u
}

// locatorHead splits a locator at the first label written into it, as
// citeproc-js parses locators: head is the part before the label (empty
// when the locator starts with one, "vol. 1, fol. 186"), tail the rest
// with its joiner (", fig. 333"). Other variables are not split.
func locatorHead(v, s string) (head, tail string) {
	if v != "locator" {
		return s, ""
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j <= 1 || s[i+j-1] != '.' {
			continue
		}
		if _, ok := numLabelVariable[s[i:i+j]]; !ok {
			continue
		}
		if i == 0 {
			return "", s
		}
		head = strings.TrimRight(s[:i], " ,;")
		return head, s[len(head):]
	}
	return s, ""
}

// numRangeRe is the pattern with which citeproc-js reads the two values
// of a range again once joined ("2a–3": particle, value, delimiter,
// particle, value).
var numRangeRe = regexp.MustCompile(`^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)$`)

var (
	numRomanRe      = regexp.MustCompile(`^[ivxlcmIVXLCM]+$`)
	numDigitRomanRe = regexp.MustCompile(`^([0-9]+|[ivxlcmIVXLCM]+)$`)
	numHyphenRe     = regexp.MustCompile(`\s*-\s*`)
	numSubsecHead   = regexp.MustCompile(`^(?:(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z])\.  *)*[0-9]+[,a-zA-Z]+$`)
	numSubsecTail   = regexp.MustCompile(`^[,a-zA-Z]+$`)
)

// numValue is one value of a number variable as citeproc-js parses it:
// a letter prefix (particle), the value and the joiner that follows it.
type numValue struct {
	particle, value, joiner string
}

// rangedVars are the variables whose ranges citeproc-js rewrites (its
// fixRanges; page and the locator have their own rule).
var rangedVars = map[string]bool{"chapter-number": true, "collection-number": true, "edition": true, "issue": true,
	"number": true, "number-of-pages": true, "number-of-volumes": true, "volume": true}

// numberRanges writes a number variable's value with a hyphen or dash as
// citeproc-js's processNumber does, when no value has an embedded label
// (ok false: the caller's general rule applies). The value is split at
// its joiners (", ", "; ", "&", "and", hyphens); a letter prefix is set
// aside from each value ("S1"); the variable counts as collapsible when
// its first value starts with a digit or is a roman numeral, and as
// numeric when that value is digits or i, v, x with a letter or
// hyphenated tail. Of a collapsible variable, each run of exactly two
// values joined by a hyphen is a range: left as given when their
// prefixes differ ("Q1-2010"), joined by numberRangeDelim when the start
// is the larger number, else written again from the two values without
// their prefixes ("S1-S4" gives "1–4", as citeproc-js does) with the
// locale's page-range-delimiter when both are digits or roman numerals.
// A value that is not collapsible keeps its hyphens unless numeric.
func (c *ctx) numberRanges(val, variable string) (string, bool) {
	s := strings.TrimSpace(val)
	if !strings.ContainsAny(s, "-–") || strings.ContainsRune(s, '\\') {
		return "", false
	}
	elems := numElems(s)
	vals := make([]numValue, 0, (len(elems)+1)/2)
	for i := 0; i < len(elems); i += 2 {
		v := elems[i]
		if v == "" || numLabelRe.MatchString(v) {
			return "", false
		}
		nv := numValue{value: v}
		if m := numParticleRe.FindStringSubmatch(v); m != nil {
			nv.particle, nv.value = m[1], m[2]
		}
		if i+1 < len(elems) {
			j := elems[i+1]
			if ampRe.FindString(j) == j {
				t := c.loc.term("and", "symbol", false)
				if t == "" {
					t = "&"
				}
				if endsLetter(v) && startsLetter(v) {
					j = t
				} else {
					j = " " + t + " "
				}
			} else if loc := numHyphenRe.FindStringIndex(j); loc != nil {
				j = j[:loc[0]] + "-" + j[loc[1]:]
			}
			nv.joiner = j
		}
		vals = append(vals, nv)
	}
	if len(vals) < 2 {
		return "", false
	}
	first := vals[0].value
	collapsible := startsDigit(first) || numRomanRe.MatchString(first)
	numeric := numNumericValRe.MatchString(first)
	if rangedVars[variable] {
		if !collapsible {
			if numeric {
				for i := range vals {
					vals[i].joiner = c.fixRangeDelim(variable, vals[i].joiner)
				}
			}
		} else {
			count := 0
			for i := range vals {
				switch {
				case i == 0:
					count = 1
				case vals[i].joiner == "-":
					count = 1
				default:
					count++
					if count == 2 {
						c.mangleRange(vals, i, variable, numeric)
					}
				}
			}
		}
	}
	var sb strings.Builder
	for _, v := range vals {
		sb.WriteString(v.particle)
		sb.WriteString(v.value)
		sb.WriteString(v.joiner)
	}
	return sb.String(), true
}

// fixRangeDelim is citeproc-js's fixupRangeDelimiter for a numeric value
// of variable: a hyphen becomes numberRangeDelim.
func (c *ctx) fixRangeDelim(variable, d string) string {
	if d != "-" {
		return d
	}
	switch variable {
	case "issue", "volume", "edition", "number", "collection-number":
		return c.numberRangeDelim(variable)
	}
	return d
}

// mangleRange is citeproc-js's manglePageNumbers for the values i-1 and
// i of a number variable (not page).
func (c *ctx) mangleRange(vals []numValue, i int, variable string, numeric bool) {
	a, b := &vals[i-1], &vals[i]
	if a.particle != b.particle || a.joiner != "-" {
		return
	}
	if c.st.pageRangeFmt == "" {
		if x, okx := leadingInt(a.value); okx {
			if y, oky := leadingInt(b.value); oky && x > y {
				a.joiner = c.fixRangeDelim(variable, a.joiner)
				return
			}
		}
	}
	if numDigitRomanRe.MatchString(a.value) && numDigitRomanRe.MatchString(b.value) {
		a.joiner = c.loc.rangeDelim
		if a.joiner == "" {
			a.joiner = "–"
		}
	}
	m := numRangeRe.FindStringSubmatch(a.value + a.joiner + b.value)
	if m == nil {
		return
	}
	d := m[3]
	if numeric {
		d = c.fixRangeDelim(variable, d)
	}
	a.particle, a.value, a.joiner = m[1], m[2], d
	b.particle, b.value = m[4], m[5]
}

// startsDigit reports whether s starts with an ASCII digit (JavaScript's
// parseInt gives a number).
func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// leadingInt is JavaScript's parseInt of s: its leading digits.
func leadingInt(s string) (int, bool) {
	n, i := 0, 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9' && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n, i > 0
}

// labeledValue is one value of a number variable with an embedded label,
// as citeproc-js's processNumber parses it.
type labeledValue struct {
	numValue
	label, labelSuffix string
	plural, visible    bool
	collapsible        bool
}

var numLabelOneRe = regexp.MustCompile(`(\s*)([^\s]+)(\s*)`)

// numberLabeled writes a number variable (not the page or the locator)
// whose value embeds a label after its first value ("7, p. 3-8"), as
// citeproc-js does: the values are grouped by label; the label of a
// group after the first is written before it in its short form, plural
// for a group of several values that start with digits ("7th, pp. 3–8"),
// a range of two values in a group joined by the page-range-delimiter;
// form (ordinal, long-ordinal, roman) formats the values of the first
// group only. ok is false for a value this does not cover (an embedded
// label at the start, a backslash), which the general rules then write.
func (c *ctx) numberLabeled(val, variable, form string) (string, bool) {
	switch variable {
	case "page", "locator", "locator-extra", "number":
		return "", false
	}
	if digitRun(val) || !strings.ContainsAny(val, "abcdefghijklmnopqrstuvwxyz") {
		return "", false // no label: a label is a lower-case word
	}
	s := strings.TrimSpace(val)
	if !numLabelRe.MatchString(s) || strings.ContainsRune(s, '\\') {
		return "", false
	}
	own := variableLabel(variable)
	if own != "" {
		w, _, _ := strings.Cut(s, " ")
		if _, ok := numLabelVariable[w]; !ok {
			s = own + " " + s
		}
	}
	elems := numElems(s)
	var vals []labeledValue
	label := ""
	push := func(lbl, v, joiner string) {
		if lbl == "" && own == "" {
			lbl = "var:" + variable
		}
		lv := labeledValue{numValue: numValue{value: v}}
		if lbl != "" {
			m := numLabelOneRe.FindStringSubmatch(lbl)
			if m == nil {
				lv.label = lbl
			} else {
				lv.label, lv.labelSuffix = m[2], m[3]
			}
		}
		if m := numParticleRe.FindStringSubmatch(v); m != nil {
			lv.particle, lv.value = m[1], m[2]
		}
		if loc := numHyphenRe.FindStringIndex(joiner); loc != nil {
			joiner = joiner[:loc[0]] + "-" + joiner[loc[1]:]
		}
		lv.joiner = joiner
		vals = append(vals, lv)
	}
	for i := 0; i < len(elems); i += 2 {
		joiner := ""
		if i+1 < len(elems) {
			joiner = elems[i+1]
			if ampRe.FindString(joiner) == joiner {
				return "", false
			}
		}
		e := elems[i]
		ms := numLabelRe.FindAllString(e, -1)
		if ms == nil {
			push(label, e, joiner)
			continue
		}
		lst := numLabelRe.Split(e, -1)
		for j := len(lst) - 1; j > 0; j-- {
			if lst[j-1] != "" && (!numPlainRe.MatchString(lst[j]) || !numPlainRe.MatchString(lst[j-1])) {
				lst[j-1] = lst[j-1] + ms[j-1] + lst[j]
				lst = append(lst[:j], lst[j+1:]...)
				ms = append(ms[:j-1], ms[j:]...)
			}
		}
		if len(ms) > 0 && i == 0 {
			slug := strings.TrimSpace(ms[0])
			lv, known := numLabelVariable[slug]
			if !known || c.loc.term(lv, "long", false) == "" || lv != variable {
				ms = ms[1:]
				lst[0] = lst[0] + " " + slug + " " + lst[1]
				lst = append(lst[:1], lst[2:]...)
			}
		}
		for j := range lst {
			if lst[j] == "" && j != len(lst)-1 {
				continue
			}
			if j > 0 && j-1 < len(ms) {
				label = ms[j-1]
			}
			jn := ""
			if j == len(lst)-1 {
				jn = joiner
			}
			push(label, strings.TrimSpace(lst[j]), jn)
		}
	}
	if len(vals) == 0 {
		return "", false
	}
	// a value without a joiner before a labelled one is spaced from it
	for i := 0; i+1 < len(vals); i++ {
		if vals[i].joiner == "" && vals[i+1].label != "" {
			vals[i].joiner = " "
		}
	}
	// groups of values with one label: numeric, collapsible, plural, the
	// label shown at a group after the first
	for start := 0; start < len(vals); {
		end := start + 1
		for end < len(vals) && vals[end].label == vals[start].label {
			end++
		}
		first := vals[start].value
		coll := startsDigit(first) || numRomanRe.MatchString(first)
		for j := start; j < end; j++ {
			vals[j].collapsible = coll
			vals[j].plural = end-start > 1 && coll
		}
		if !strings.HasPrefix(vals[start].label, "var:") {
			if start == 0 {
				if numLabelVariable[vals[0].label] != variable {
					// citeproc-js shows it too; not covered here
					return "", false
				}
			} else {
				vals[start].visible = true
			}
		}
		start = end
	}
	if vals[0].value == "" {
		return "", false
	}
	numeric := numNumericValRe.MatchString(vals[0].value)
	// ranges within each group
	count := 0
	for i := range vals {
		switch {
		case !vals[i].collapsible:
			count = 0
			if numeric {
				vals[i].joiner = c.fixRangeDelim(variable, vals[i].joiner)
			}
		case i == 0 || vals[i].label != vals[i-1].label || count == 0:
			count = 1
		case vals[i].joiner == "-":
			count = 1
		default:
			count++
			if count == 2 {
				c.mangleLabeled(vals, i, variable, numeric)
			}
		}
	}
	master := vals[0].label
	var sb strings.Builder
	for _, v := range vals {
		if v.visible {
			t := ""
			if name, ok := numLabelVariable[v.label]; ok {
				t = c.loc.term(name, "short", v.plural)
			}
			if strings.Contains(t, "%s") {
				return "", false
			}
			if t == "" {
				t = v.label
			}
			sb.WriteString(t + v.labelSuffix)
		}
		sb.WriteString(v.particle)
		if v.label == master && v.collapsible && digitRun(v.value) && form != "" && form != "numeric" {
			sb.WriteString(c.formatNumber(v.value, form, variable))
		} else {
			sb.WriteString(v.value)
		}
		sb.WriteString(v.joiner)
	}
	return sb.String(), true
}

// mangleLabeled is mangleRange for labelled values.
func (c *ctx) mangleLabeled(vals []labeledValue, i int, variable string, numeric bool) {
	nv := []numValue{vals[i-1].numValue, vals[i].numValue}
	c.mangleRange(nv, 1, variable, numeric)
	vals[i-1].numValue, vals[i].numValue = nv[0], nv[1]
}

// numElems splits a number variable at its joiners (numJoinerRe) into
// values and joiners, alternating; a letter tail after a hyphen belongs
// to the value before it ("12a-c").
func numElems(s string) []string {
	locs := numJoinerRe.FindAllStringIndex(s, -1)
	var elems []string
	at := 0
	for _, l := range locs {
		elems = append(elems, s[at:l[0]], s[l[0]:l[1]])
		at = l[1]
	}
	elems = append(elems, s[at:])
	for i := len(elems) - 2; i > 0; i -= 2 {
		if elems[i] == "-" && numSubsecHead.MatchString(elems[i-1]) && numSubsecTail.MatchString(elems[i+1]) {
			elems[i-1] = elems[i-1] + elems[i] + elems[i+1]
			elems = append(elems[:i], elems[i+2:]...)
		}
	}
	return elems
}
