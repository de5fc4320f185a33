package cite

import (
	"strings"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// The rendering elements of the MLA translation (mla.go): variables with
// the author substitution's suppression, terms, number variables, cs:names
// with MLA's labels, and the citation's locator.
//
// author-short and the locator are MLA's own, not copies of Chicago's: the
// MLA citation is "(Author-short locator)" with the locator in the style's
// page-range-format (minimal-two: 321–28, 101–08) and MLA's short locator
// terms ("ch.", "par."), while Chicago's notes abbreviate ranges by
// chicago-16 and name the locator by other terms.

// mlaVar is a set of the variables the author substitution can render
// and that the rest of an entry must then leave out.
type mlaVar uint16

const (
	mvComposer mlaVar = 1 << iota
	mvAuthor
	mvGuest
	mvEditor
	mvTranslator
	mvTitle
	mvPartTitle
	mvPartNumber
	mvVolumeTitle
	mvReviewedTitle
	mvGenre
	mvContainerTitle
)

// x returns one of the Item's Extra variables.
func (m *mla) x(name string) string { return m.r.it.Extra[name] }

// text is cs:text variable=… (val is the variable's value; v its
// suppression bit, 0 for one the substitution never renders).
func (m *mla) text(v mlaVar, val string, f Decoration, quotes bool, tc textCase) {
	m.textAff(v, val, "", "", f, quotes, tc)
}

// textAff is text with a prefix and a suffix.
func (m *mla) textAff(v mlaVar, val, prefix, suffix string, f Decoration, quotes bool, tc textCase) {
	if m.sup&v != 0 {
		val = ""
	}
	if m.r.textField(val, prefix, suffix, f, quotes, tc) && m.inSub {
		m.used |= v
	}
}

// term is cs:text term=… (or cs:label of a number variable, whose form
// the caller picks): capitalized when capFirst.
func (m *mla) term(s string, capFirst bool) { m.r.term(s, "", "", capFirst) }

// termGroup reports whether a group of terms and the variable val (bit
// its suppression) renders: a group whose variables are all empty is
// dropped, and the MLA translation does not begin it, because a dropped
// group that followed a closing quotation mark would leave the
// punctuation its delimiter moved inside the quotes.
func (m *mla) termGroup(val string, bit mlaVar) bool {
	return val != "" && m.sup&bit == 0
}

// label is cs:label of a number variable, in the form the caller picks:
// unlike a term, citeproc-js does not capitalize a label that starts an
// entry ("no. 12, …"); capital is text-case="capitalize-first".
func (m *mla) label(s string, capital bool) {
	o := &m.r.o
	o.elem("", "", 0, false)
	if capital {
		o.litCap(s)
	} else {
		o.lit(s)
	}
	o.end()
}

// value is cs:text value=…: never capitalized ("episode 5" opens an
// entry as it is), unlike a term.
func (m *mla) value(s string) { m.label(s, false) }

// number is cs:text of a number variable: a numeric value's hyphens
// become en dashes ("73–12"), other values print as they are ("Pub. L.
// 74-76").
func (m *mla) number(v string) { m.numberCap(v, false) }

// numberCap is number with text-case="capitalize-first" when capital.
func (m *mla) numberCap(v string, capital bool) {
	r := m.r
	r.o.elem("", "", 0, false)
	defer r.o.end()
	if v == "" {
		r.o.attempt()
		return
	}
	r.o.success()
	r.o.open()
	start := len(r.o.buf)
	if numericCP(v) {
		r.o.buf = appendRangeDashes(r.o.buf, v)
	} else {
		appendQuoted(&r.o, v)
	}
	if capital {
		capitalizeAt(r.o.buf, start)
	}
}

// labelPos is where a cs:names element's label goes.
type labelPos uint8

const (
	labAfter     labelPos = iota // "Name, editor"
	labBefore                    // "edited by Name"
	labBeforeCap                 // "Edited by Name" (text-case="capitalize-first")
)

// mlaLabel is the cs:label of a cs:names element: affixes, the term's
// singular and plural, and its place.
type mlaLabel struct {
	prefix, suffix   string
	single, multiple string
	pos              labelPos
}

// mlaNameVar is one variable of a cs:names element.
type mlaNameVar struct {
	v     mlaVar
	list  []Name
	label mlaLabel
}

// names is cs:names with one or more variables: each variable's names with
// its label, the variables joined by ", ". It reports whether anything
// rendered.
func (m *mla) names(spec *nameSpec, vars ...mlaNameVar) bool {
	r := m.r
	r.o.elem("", "", 0, false)
	wrote, present := false, false
	for i := range vars {
		nv := &vars[i]
		if len(nv.list) == 0 || m.sup&nv.v != 0 {
			continue
		}
		visible := visibleNames(nv.list, spec.short)
		if len(visible) == 0 {
			// present, but prints nothing (names_nofamily.go)
			r.o.success()
			present = true
			if m.inSub {
				m.used |= nv.v
			}
			continue
		}
		if !wrote {
			r.o.success()
			r.o.open()
		} else {
			r.o.punct(", ")
		}
		wrote = true
		if m.inSub {
			m.used |= nv.v
		}
		l := &nv.label
		t := l.single
		if len(nv.list) > 1 {
			t = l.multiple
		}
		if r.sorting {
			t = ""
		}
		if t != "" && l.pos != labAfter {
			m.writeLabel(l, t)
		}
		list := visible // all of nv.list in the long form
		if !spec.short {
			list = mlaInitialized(list)
		}
		if r.markAuthor && t == "" {
			// subsequent-author-substitute replaces names without a
			// label (composer, author, guest), never "Name, editor", as
			// citeproc-js does
			r.markAuthor = false
			r.authorStart = len(r.o.buf)
			r.writeVisibleNames(list, spec)
			r.authorEnd = len(r.o.buf)
			r.authorKey = r.authorNamesKey(list)
		} else {
			r.writeVisibleNames(list, spec)
		}
		if t != "" && l.pos == labAfter {
			m.writeLabel(l, t)
		}
	}
	if !wrote && !present {
		r.o.attempt()
	}
	r.o.end()
	return wrote || present
}

func (m *mla) writeLabel(l *mlaLabel, t string) {
	o := &m.r.o
	o.punct(l.prefix)
	if l.pos == labBeforeCap {
		o.buf = appendCapitalizeFirst(o.buf, t)
	} else {
		o.buf = append(o.buf, t...)
	}
	o.punct(l.suffix)
}

// locatorIs is the condition locator="…": the citation's locator has one
// of the labels. citeproc-js (1.4.61) matches only the labels it knows
// from its legal subdivisions ("page", "line", "chapter", "section", …),
// never "timestamp", "canon", "elocation", "equation", "scene",
// "article-locator" or "title-locator"; so MLA's locator="line page
// timestamp" puts a timestamp after a comma, "(Webb, 12)", as
// label-locator does.
func (m *mla) locatorIs(labels ...string) bool {
	l := m.r.loc.Label
	if m.r.loc.Value == "" {
		return false
	}
	if l == "" {
		l = "page"
	}
	switch l {
	case "timestamp", "canon", "elocation", "equation", "scene", "article-locator", "title-locator":
		return false
	}
	for _, s := range labels {
		if s == l {
			return true
		}
	}
	return false
}

// labelLocator is "label-locator": the short label (MLA's "ch.", "par.")
// and the locator.
func (m *mla) labelLocator() {
	r := m.r
	m.g(" ", "", "")
	defer m.e()
	if t := r.locTerm; t != nil && r.loc.Value != "" {
		pl := pluralCP(r.loc.Value)
		s := t.short
		switch {
		case t.mlaShort != "" && pl:
			s = t.mlaShortPl
		case t.mlaShort != "":
			s = t.mlaShort
		case r.loc.Label == "paragraph" && pl:
			s = "pars."
		case r.loc.Label == "paragraph":
			s = "par."
		case pl:
			s = t.shortPl
		}
		if s != "" {
			m.term(s, false)
		}
	}
	m.locatorText()
}

// locatorText is cs:text variable="locator": a page locator in the
// style's page-range-format (minimal-two), other ranges with an en dash.
func (m *mla) locatorText() {
	r := m.r
	if r.loc.Value == "" {
		r.o.attempt() // an empty variable's element leaves no trace (tv)
		return
	}
	r.o.elem("", "", 0, false)
	r.o.success()
	r.o.open()
	if r.loc.Label == "page" || r.loc.Label == "" {
		r.o.buf = appendRange(r.o.buf, r.loc.Value, rangeMinimalTwo)
	} else {
		r.o.buf = appendDashes(r.o.buf, r.loc.Value)
	}
	r.o.end()
}

// numericCP is citeproc-js's (1.4.61) is-numeric for a number variable,
// which MLA tests on edition, number, volume, part, supplement and series
// numbers: the value is split at its joiners ("-", "–", "&", "and", and
// "," or ";" before a space); its first element, without a leading
// particle of letters ("GB123456", "L2"), must be a number or a roman
// numeral of i, v and x, with letters or a range after it ("12", "3rd",
// "xii"). Only the first element counts ("12-" is numeric). So
// "2,089,603" (no space after the commas) is not numeric, and "GB123456"
// is. The package's isNumeric, which Chicago uses, is stricter about
// particles and looser about commas.
func numericCP(s string) bool {
	s = trimASCIISpace(s)
	if s == "" {
		return false
	}
	el, _ := nextNumberElement(s)
	return numericMaster(stripParticle(el))
}

// joinSlashedDigits drops each "/" between two digits of a number
// variable: citeproc-js reads digits joined by a slash as one number
// ("1938/77" is numeric, as Chicago's numberNumeric has it).
func joinSlashedDigits(s string) string {
	if strings.IndexByte(s, '/') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '/' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && isDigit(s[i+1]) {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// nextNumberElement returns the element at the start of s and the length
// of the joiner after it (0 at the end).
func nextNumberElement(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		if n := numberJoiner(s[i:], i > 0); n > 0 {
			return s[:i], n
		}
	}
	return s, 0
}

// numberJoiner is the length of the joiner s starts with, or 0: citeproc-js's
// `\s*&\s*`, `,\s+and\s+`, `\s+and\s+`, `;\s+`, `,\s+` and `\s*\\*[-–]+\s*`.
func numberJoiner(s string, mid bool) int {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	sp := i
	switch {
	case i < len(s) && s[i] == '&':
		i++
	case i < len(s) && (s[i] == '-' || s[i] == '\\' || hasEnDash(s[i:])):
		for i < len(s) && s[i] == '\\' {
			i++
		}
		j := i
		for i < len(s) {
			if s[i] == '-' {
				i++
			} else if hasEnDash(s[i:]) {
				i += len("–")
			} else {
				break
			}
		}
		if i == j {
			return 0
		}
	case sp == 0 && i < len(s) && (s[i] == ',' || s[i] == ';'):
		i++
		k := i
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i == k {
			return 0
		}
		if s[0] == ',' && len(s) >= i+4 && s[i:i+3] == "and" && s[i+3] == ' ' {
			i += 3
			for i < len(s) && s[i] == ' ' {
				i++
			}
		}
		return i
	case sp > 0 && mid && len(s) >= i+4 && s[i:i+3] == "and" && s[i+3] == ' ':
		i += 3
	default:
		return 0
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

func hasEnDash(s string) bool { return len(s) >= 3 && s[:3] == "–" }

// stripParticle removes a leading particle of letters, as citeproc-js's
// `^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$` does.
func stripParticle(el string) string {
	i := 0
	for i < len(el) && isDigit(el[i]) {
		i++
	}
	j := i
	for j < len(el) && isLetter(el[j]) {
		j++
	}
	if j == i {
		return el // no letters: no particle
	}
	for j < len(el) && el[j] == '0' {
		j++
	}
	k := j
	for k < len(el) && isDigit(el[k]) {
		k++
	}
	if k == j {
		return el
	}
	for l := k; l < len(el); l++ {
		if !isLetter(el[l]) && el[l] != '-' && el[l] != ',' {
			return el
		}
	}
	return el[j:]
}

// numericMaster is citeproc-js's `^(?:[0-9]+|[ixv]+)([-,:a-zA-Z]*|\-[\-0-9]+)$`.
func numericMaster(v string) bool {
	i := 0
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	if i == 0 {
		for i < len(v) && (v[i] == 'i' || v[i] == 'x' || v[i] == 'v') {
			i++
		}
		if i == 0 {
			return false
		}
	}
	rest := v[i:]
	ok := true
	for k := 0; k < len(rest); k++ {
		if c := rest[k]; !isLetter(c) && c != '-' && c != ',' && c != ':' {
			ok = false
			break
		}
	}
	if ok {
		return true
	}
	if rest == "" || rest[0] != '-' {
		return false
	}
	for k := 1; k < len(rest); k++ {
		if !isDigit(rest[k]) && rest[k] != '-' {
			return false
		}
	}
	return true
}

func trimASCIISpace(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n') {
		s = s[:len(s)-1]
	}
	return s
}

// pluralCP is citeproc-js's plural of a number variable's label: the
// value is numeric and has two or more elements between joiners ("12-15",
// "2, 4", "xii-xiv", "3a-5"), its first a number or a roman numeral; so
// "1,000" takes the singular.
func pluralCP(s string) bool {
	s = trimASCIISpace(s)
	el, n := nextNumberElement(s)
	if n == 0 || !numericMaster(stripParticle(el)) {
		return false
	}
	return plainNumber(stripParticle(el))
}

// plainNumber reports whether v starts with a digit (JavaScript's
// parseInt reads a number) or is a roman numeral.
func plainNumber(v string) bool {
	if v == "" {
		return false
	}
	if isDigit(v[0]) {
		return true
	}
	for i := 0; i < len(v); i++ {
		switch v[i] | 0x20 {
		case 'i', 'v', 'x', 'l', 'c', 'm':
		default:
			return false
		}
	}
	return true
}

// appendRangeDashes appends a numeric value with the hyphens of its ranges
// as en dashes ("12–15", "xii–xiv"); a hyphen that does not join two
// elements stays ("12-").
func appendRangeDashes(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' && i > 0 && i+1 < len(s) && s[i-1] != ' ' && s[i+1] != ' ' && s[i-1] != '\\' {
			dst = append(dst, "–"...)
			continue
		}
		dst = append(dst, s[i])
	}
	return dst
}

// mlaInitialized returns the names with their given names as the style's
// initialize-with=". " (with initialize="false") writes them
// (cslcore.Initials, the CSL processor's): a given name of initials gets a
// period and a space after each ("B" is "B.", "J.R.R." is "J. R. R.",
// "John M.E." is "John M. E.", "J.-P." is "J. P."); whole given names
// stay. The list is returned as it is when no name changes (no copy).
func mlaInitialized(list []Name) []Name {
	var out []Name
	for i := range list {
		if list[i].Family == "" || list[i].Literal != "" || list[i].Given == "" {
			continue
		}
		g := cslcore.Initials(list[i].Given, ". ", false, true)
		if g == list[i].Given {
			continue
		}
		if out == nil {
			out = make([]Name, len(list))
			copy(out, list)
		}
		out[i].Given = g
	}
	if out == nil {
		return list
	}
	return out
}
