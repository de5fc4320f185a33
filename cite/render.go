package cite

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// varSet is a set of CSL variables, used to suppress variables that a
// names substitution has already rendered (CSL 1.0.2, cs:substitute).
type varSet uint32

const (
	vAuthor varSet = 1 << iota
	vEditor
	vTranslator
	vRecipient
	vTitle
	vContainerTitle
	vGenre
	vIssued
	vMedium
	vArchive
	vArchiveLocation
	vURL
	vDOI
	vPublisher
	vPublisherPlace
	vVolume
	vPage
	vCollectionTitle
	vAccessed
	vLocator
	vContainerAuthor
	vCollectionEditor
	vEdition
)

// position is where a citation is rendered.
type position uint8

const (
	posBib position = iota
	posFirst
	posSubsequent
)

// textCase is a CSL text-case.
type textCase uint8

const (
	tcNone textCase = iota
	tcTitle
	tcCapFirst
)

// renderer holds the state of rendering one citation.
type renderer struct {
	o   out
	it  *Item
	pos position
	loc Locator
	// st is the style of the last format call, lastLocTerm the terms of
	// its locator's label.
	st          *styleDef
	lastLocTerm *locatorTerm
	// locTerm holds the terms of the locator's label; nil without a
	// locator. format looks the label up once, to check it.
	locTerm               *locatorTerm
	etAlMin, etAlUseFirst int
	// done holds variables rendered by a substitution.
	done    varSet
	inSubst bool
	used    varSet
	english bool // the item's language allows title case
	// inText is set for the citations of in-text styles (author-date,
	// MLA), where a leading term is not capitalized.
	inText bool
	// sorting is set while rendering sort keys.
	sorting bool
	// full turns off the shortcuts that skip a macro whose variables the
	// item lacks (see chicago.skipMacro); tests set it to check them
	// against the full rendering.
	full bool
	// markAuthor asks names to record where the author's names are:
	// [authorStart, authorEnd) of the buffer, and authorKey, what
	// subsequent-author-substitute compares (see authorNamesKey); with
	// markText, a text variable of a substitute stands for them too.
	markAuthor, markText   bool
	authorStart, authorEnd int
	authorKey              string
	prevAuthor, lastAuthor string
	// trackAuthor asks for lastAuthor (WriteBibliography).
	trackAuthor bool
	// yearSuffix disambiguates author-date entries ("2017a").
	yearSuffix string
	bufArr     [320]byte
	scratch    [160]byte
	marks      [4]mark
}

func (r *renderer) init(it *Item, pos position, loc Locator) {
	r.it = it
	r.pos = pos
	r.loc = loc
	r.locTerm = nil
	r.o.buf = r.bufArr[:0]
	r.o.marks = r.marks[:0]
	r.o.reset()
	r.done = 0
	r.inText = false
	r.sorting = false
	r.markAuthor, r.markText = false, false
	r.authorStart, r.authorEnd = 0, 0
	r.authorKey = ""
	r.english = isEnglish(it.Language)
}

// isEnglish reports whether citeproc-js would title-case fields of an item
// in this language: no language, or one whose first two letters are "en".
func isEnglish(lang string) bool {
	if lang == "" {
		return true
	}
	if len(lang) < 2 || !isLetter(lang[0]) || !isLetter(lang[1]) {
		return false
	}
	return (lang[0]|0x20) == 'e' && (lang[1]|0x20) == 'n'
}

// has tests a variable as CSL conditions do: on the item's data, whether or
// not a substitution has already rendered it.
func (r *renderer) has(val string) bool {
	return val != ""
}

// tv renders a text variable (cs:text variable=…).
func (r *renderer) tv(v varSet, val, prefix, suffix string, f Decoration, quotes bool, tc textCase) {
	if r.done&v != 0 {
		val = ""
	}
	if r.textField(val, prefix, suffix, f, quotes, tc) && r.inSubst {
		r.used |= v
	}
}

// textField renders the value of a text variable (cs:text variable=…)
// that the caller has not suppressed: an empty val is an attempt that
// renders nothing. It reports whether val rendered.
func (r *renderer) textField(val, prefix, suffix string, f Decoration, quotes bool, tc textCase) bool {
	if val == "" {
		// An element frame that writes nothing leaves no trace when it
		// ends (it is no group context, and it was never opened): only
		// the empty variable's call is recorded.
		r.o.attempt()
		return false
	}
	r.o.elem(prefix, suffix, f, quotes)
	r.o.success()
	r.o.open()
	if r.markAuthor && r.markText && r.inSubst {
		// a text standing for the author: citeproc-js compares the
		// variable as written with the last entry's names, and replaces
		// its text, within its affixes and quotation marks
		r.markAuthor = false
		r.authorStart = len(r.o.buf)
		r.writeField(val, tc)
		r.authorEnd = len(r.o.buf)
		r.authorKey = val
	} else {
		r.writeField(val, tc)
	}
	r.o.end()
	return true
}

// plain renders a text variable without formatting.
func (r *renderer) plain(v varSet, val string) { r.tv(v, val, "", "", 0, false, tcNone) }

// term renders literal text (a term or a value); a term rendered first in
// a note or an entry is capitalized, as citeproc-js does.
func (r *renderer) term(s, prefix, suffix string, capFirst bool) {
	r.o.elem(prefix, suffix, 0, false)
	if capFirst || (!r.o.termPred && !r.inText) {
		r.o.litCap(s)
	} else {
		r.o.lit(s)
	}
	r.o.end()
}

// writeField writes a variable's value: title case or capitalize-first,
// then its inline markup and quotation marks as citeproc-js's flip-flop
// reads them (appendQuoted).
func (r *renderer) writeField(val string, tc textCase) {
	switch {
	case tc == tcTitle && r.english:
		appendQuoted(&r.o, appendTitleCase(r.scratch[:0], val))
	case tc == tcCapFirst:
		appendQuoted(&r.o, appendCapitalizeFirst(r.scratch[:0], val))
	default:
		appendQuoted(&r.o, val)
	}
}

// labelForm is the form of a role or locator label.
type labelForm uint8

const (
	labelNone labelForm = iota
	labelShort
	labelLong
	labelVerb
	labelVerbShort
)

// nameSpec describes a cs:names element.
type nameSpec struct {
	short        bool // form="short": family names only
	sortFirst    bool // name-as-sort-order="first"
	sortAll      bool // name-as-sort-order="all"
	dplAlways    bool // delimiter-precedes-last="always"
	dplNever     bool
	etAlAlways   bool // delimiter-precedes-et-al="always"
	demoteNever  bool // demote-non-dropping-particle="never"
	label        labelForm
	labelBefore  bool // the label precedes the names
	labelPrefix  string
	labelSuffix  string
	labelCap     bool
	chicagoTerms bool
	prefix       string
	suffix       string
}

// names renders one name variable (cs:names with one variable). It returns
// whether anything was rendered.
func (r *renderer) names(v varSet, rl role, list []Name, spec *nameSpec) bool {
	if r.done&v != 0 {
		list = nil
	}
	r.o.attempt()
	if len(list) == 0 {
		return false // as tv: an element that writes nothing leaves no trace
	}
	r.o.elem(spec.prefix, spec.suffix, 0, false)
	r.o.success()
	if r.inSubst {
		r.used |= v
	}
	visible := visibleNames(list, spec.short)
	if len(visible) == 0 {
		r.o.end() // present, but prints nothing (names_nofamily.go)
		return true
	}
	r.o.open()
	plural := len(list) > 1
	if spec.label != labelNone && spec.labelBefore && !r.sorting {
		r.writeLabel(rl, spec, plural)
	}
	if r.markAuthor {
		r.markAuthor = false
		r.authorStart = len(r.o.buf)
		r.writeVisibleNames(visible, spec)
		r.authorEnd = len(r.o.buf)
		r.authorKey = r.authorNamesKey(visible)
	} else {
		r.writeVisibleNames(visible, spec)
	}
	if spec.label != labelNone && !spec.labelBefore && !r.sorting {
		r.writeLabel(rl, spec, plural)
	}
	r.o.end()
	return true
}

func (r *renderer) writeLabel(rl role, spec *nameSpec, plural bool) {
	t := roleTerm(rl, spec.label, plural, spec.chicagoTerms)
	if t == "" {
		return
	}
	r.o.punct(spec.labelPrefix)
	if spec.labelCap {
		r.o.buf = appendCapitalizeFirst(r.o.buf, t)
	} else {
		r.o.buf = append(r.o.buf, t...)
	}
	r.o.punct(spec.labelSuffix)
}

// writeNameList writes names joined by ", " and "and", shortened with
// "et al." by the context's et-al-min and et-al-use-first.
func (r *renderer) writeNameList(list []Name, spec *nameSpec) {
	r.writeVisibleNames(visibleNames(list, spec.short), spec)
}

// writeVisibleNames is writeNameList of names that visibleNames kept.
func (r *renderer) writeVisibleNames(list []Name, spec *nameSpec) {
	n := len(list)
	shown := n
	etal := false
	if r.etAlMin > 0 && n >= r.etAlMin && r.etAlUseFirst < n {
		shown = r.etAlUseFirst
		etal = true
	}
	if r.sorting {
		// a sort key: every name family first, no "and", no "et al."
		for i := 0; i < shown; i++ {
			if i > 0 {
				r.o.buf = append(r.o.buf, ", "...)
			}
			r.writeName(&list[i], spec.short, true, spec.demoteNever)
		}
		return
	}
	for i := 0; i < shown; i++ {
		if i > 0 {
			last := i == shown-1 && !etal
			if last {
				switch {
				case spec.dplAlways && shown == 2 && list[1].Literal != "":
					// citeproc-js joins a person and an institution
					// without the comma
					r.o.buf = append(r.o.buf, " and "...)
				case spec.dplAlways:
					r.o.buf = append(r.o.buf, ", and "...)
				case spec.dplNever:
					r.o.buf = append(r.o.buf, " and "...)
				case shown >= 3:
					r.o.buf = append(r.o.buf, ", and "...)
				default:
					r.o.buf = append(r.o.buf, " and "...)
				}
			} else {
				r.o.buf = append(r.o.buf, ", "...)
			}
		}
		inverted := spec.sortAll || (spec.sortFirst && i == 0)
		r.writeName(&list[i], spec.short, inverted, spec.demoteNever)
	}
	if etal {
		if shown >= 2 || spec.etAlAlways {
			r.o.buf = append(r.o.buf, ", et al."...)
		} else {
			r.o.buf = append(r.o.buf, " et al."...)
		}
	}
}

// writeName writes one name: given-first ("Charles de Gaulle"), inverted
// ("Gaulle, Charles de"), or short ("de Gaulle").
func (r *renderer) writeName(n *Name, short, inverted, demoteNever bool) {
	// a given name of one word of ASCII letters (the usual case) holds
	// no particle, suffix or initial to take out
	if !n.NoParse && n.Literal == "" && n.NonDroppingParticle == "" && n.DroppingParticle == "" && mayHoldParticles(n) {
		// particles and a suffix typed into the name, taken out as
		// citeproc-js does (cslcore.ParseParticles, the CSL processor's)
		p := cslcore.NameParts{Family: n.Family, Given: n.Given, Suffix: n.Suffix, CommaSuffix: n.CommaSuffix}
		cslcore.ParseParticles(&p)
		if p.Family != n.Family || p.Given != n.Given || p.NonDroppingParticle != "" || p.DroppingParticle != "" || p.Suffix != n.Suffix {
			nn := *n
			nn.Family, nn.Given, nn.DroppingParticle, nn.NonDroppingParticle, nn.Suffix, nn.CommaSuffix =
				p.Family, p.Given, p.DroppingParticle, p.NonDroppingParticle, p.Suffix, p.CommaSuffix
			n = &nn
		}
	}
	if r.sorting && (n.NonDroppingParticle != "" || n.DroppingParticle != "") {
		// citeproc-js drops a particle's first apostrophe in a sort key
		// and joins it to the family name with a space ("d Wander",
		// "al Ghazali"), which sorts before any letter
		nn := *n
		nn.NonDroppingParticle, nn.DroppingParticle = dropApostrophe(n.NonDroppingParticle), dropApostrophe(n.DroppingParticle)
		n = &nn
	}
	if !short && n.Given != "" && !asciiWord(n.Given) {
		// the five styles set initialize-with=". " with
		// initialize="false": initials in a given name take ". "
		// ("J.-P." is "J. P.", "John M.E." is "John M. E.")
		if g := cslcore.Initials(n.Given, ". ", false, true); g != n.Given {
			nn := *n
			nn.Given = g
			n = &nn
		}
	}
	b := r.o.buf
	sp := func(s string) {
		if s == "" {
			return
		}
		if len(b) > 0 && b[len(b)-1] != ' ' && b[len(b)-1] != '(' {
			b = append(b, ' ')
		}
		b = r.appendNamePart(b, s)
	}
	if n.Literal != "" || (n.Family == "" && n.Given == "") {
		lit := n.Literal
		if lit == "" {
			lit = strings.TrimSpace(n.NonDroppingParticle + " " + n.DroppingParticle + " " + n.Suffix)
		}
		r.o.buf = appendApostrophes(b, lit)
		return
	}
	family := n.Family
	if family == "" {
		// a given name only
		r.o.buf = appendApostrophes(b, noFamilyName(n, short))
		return
	}
	if roman := short || (isRomanesque(family) && isRomanesque(n.Given)); !short && (n.StaticOrdering || !roman) {
		// family name first in every form, without a comma: a name in a
		// non-Latin script ("毛泽东") or with static ordering ("Kim Jong-un")
		b = appendApostrophes(b, joinSp(n.NonDroppingParticle, family))
		if n.Given != "" && roman {
			b = append(b, ' ')
		}
		r.o.buf = appendApostrophes(b, n.Given)
		return
	}
	switch {
	case short && n.NonDroppingParticle == "":
		b = r.appendNamePart(b, family)
	case short && r.sorting:
		b = r.appendNamePart(b, joinSp(n.NonDroppingParticle, family))
	case short:
		b = r.appendNamePart(b, joinParticle(n.NonDroppingParticle, family))
	case inverted:
		if demoteNever && r.sorting {
			b = r.appendNamePart(b, joinSp(n.NonDroppingParticle, family))
			if n.Given != "" || n.DroppingParticle != "" {
				b = append(b, ", "...)
				b = r.appendNamePart(b, joinSp(n.Given, n.DroppingParticle))
			}
		} else if demoteNever {
			b = r.appendNamePart(b, joinParticle(n.NonDroppingParticle, family))
			if n.Given != "" || n.DroppingParticle != "" {
				b = append(b, ", "...)
				b = r.appendNamePart(b, joinSp(n.Given, n.DroppingParticle))
			}
		} else {
			b = r.appendNamePart(b, family)
			if n.Given != "" || n.DroppingParticle != "" || n.NonDroppingParticle != "" {
				b = append(b, ", "...)
				first := true
				for _, p := range [...]string{n.Given, n.DroppingParticle, n.NonDroppingParticle} {
					if p == "" {
						continue
					}
					if !first {
						b = append(b, ' ')
					}
					first = false
					b = r.appendNamePart(b, p)
				}
			}
		}
		if n.Suffix != "" {
			b = append(b, ", "...)
			b = appendApostrophes(b, n.Suffix)
		}
	default:
		sp(n.Given)
		sp(n.DroppingParticle)
		sp(n.NonDroppingParticle)
		switch dp := n.DroppingParticle; {
		case n.NonDroppingParticle != "" && cslcore.NonDroppingJoins(n.NonDroppingParticle),
			n.NonDroppingParticle == "" && cslcore.DroppingJoins(dp):
			b = r.appendNamePart(b, family)
		case n.NonDroppingParticle == "" && dp != "":
			// citeproc-js joins them with a space, even after one typed
			// in the particle
			b = append(b, ' ')
			b = r.appendNamePart(b, family)
		default:
			sp(family)
		}
		if n.Suffix != "" {
			if n.CommaSuffix {
				b = append(b, ", "...)
			} else {
				b = append(b, ' ')
			}
			b = appendApostrophes(b, n.Suffix)
		}
	}
	r.o.buf = b
}

// appendNamePart appends a part of a name. A part that begins or ends
// with white space is marked off (a mark without formatting): citeproc-js
// writes two white spaces as a no-break space and a space in HTML only
// within one part, not where a part's space meets the space that joins
// it ("Smith,  John", "and \u00a0 Mary" for "  Mary").
func (r *renderer) appendNamePart(b []byte, s string) []byte {
	start := len(b)
	b = appendApostrophes(b, s)
	if s == "" {
		return b
	}
	if edgeSpace(s) {
		r.o.addMark(start, len(b), 0)
	}
	return b
}

// edgeSpace reports whether the non-empty s begins or ends with white
// space as JavaScript reads it (isJSSpace). An ASCII byte is tested as it
// is: JavaScript's white space beyond ASCII is all multi-byte.
func edgeSpace(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		if c == ' ' || c >= '\t' && c <= '\r' {
			return true
		}
	} else if r, _ := utf8.DecodeRuneInString(s); isJSSpace(r) {
		return true
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return c == ' ' || c >= '\t' && c <= '\r'
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return isJSSpace(r)
}

// mayHoldParticles reports whether a name's family or given name may hold
// a particle or suffix that cslcore.ParseParticles takes out: a space, an
// apostrophe, quotes or "al-"/"el-" in the family name, a space or comma
// in the given name (TestMayHoldParticles checks it against
// ParseParticles).
func mayHoldParticles(n *Name) bool {
	f := n.Family
	if len(f) > 3 && f[2] == '-' && (f[0] == 'a' || f[0] == 'e') && f[1] == 'l' {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case ' ', '\'', '"', 0xE2: // 0xE2 starts ’
			return true
		}
	}
	g := n.Given
	for i := 0; i < len(g); i++ {
		if g[i] == ' ' || g[i] == ',' {
			return true
		}
	}
	return false
}

// asciiWord reports whether s is two or more ASCII letters: a given name
// that initials and particles leave as it is.
func asciiWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// joinParticle joins a non-dropping particle and the family name, without
// a space when the particle ends in an apostrophe, a hyphen or a space
// (cslcore.NonDroppingJoins).
func joinParticle(p, family string) string {
	if p != "" && family != "" && cslcore.NonDroppingJoins(p) {
		return p + family
	}
	return joinSp(p, family)
}

// isRomanesque is cslcore.IsRomanesque: a name written given name first.
func isRomanesque(s string) bool { return cslcore.IsRomanesque(s) }

// dropApostrophe removes the first apostrophe (' or ’) of a particle.
func dropApostrophe(s string) string {
	if i := strings.IndexAny(s, "'\u2019"); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[:i] + s[i+w:]
	}
	return s
}

func joinSp(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

func appendApostrophes(b []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '\'')
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i]...)
		b = append(b, "’"...)
		s = s[i+1:]
	}
}

// dateForm is how a date is printed.
type dateForm uint8

const (
	dateText         dateForm = iota // December 31, 1934 (en-US text form)
	dateYear                         // 1934
	dateMonthDay                     // December 31 (author-date: the year is printed apart)
	dateDayMonthAbbr                 // 31 Dec. 1934 (MLA)
	dateYearMonth                    // December 1934 (date-parts="year-month")
	dateMonth                        // December (author-date: journal issues)
)

// date renders a date variable.
func (r *renderer) date(v varSet, d *Date, form dateForm, prefix, suffix string) bool {
	if r.done&v != 0 || d.IsZero() {
		r.o.attempt()
		return false
	}
	if (form == dateMonthDay || form == dateMonth) && (d.From.IsZero() || (d.From.Month == 0 && d.Season == 0)) {
		// a literal date or a year has no month and day to pick
		r.o.attempt()
		return false
	}
	r.o.elem(prefix, suffix, 0, false)
	r.o.success()
	r.o.open()
	r.o.buf = appendDate(r.o.buf, d, form)
	if r.inSubst {
		r.used |= v
	}
	r.o.end()
	return true
}

func appendDate(b []byte, d *Date, form dateForm) []byte {
	if d.From.IsZero() {
		if d.Literal != "" {
			return appendApostrophes(b, d.Literal)
		}
		return appendApostrophes(b, d.Raw)
	}
	parts := enDateForms[form]
	season := d.Season
	if season < 1 || season > 4 {
		season = 0
	}
	from := d.From.parts()
	if d.To.IsZero() {
		return appendDateParts(b, parts, from, season, d.SeasonName, -1, -1, from[0])
	}
	// the range rule, as the processor applies it (cslcore): the parts
	// the two dates share are written once ("March 3–9, 2011", "March
	// 3–April 9, 2011", "Spring–Summer 1935", "3 Mar.–9 Apr. 2011"); a
	// range whose shown parts are equal is one date; the season given
	// apart is the start's
	to := d.To.parts()
	lo, hi := cslcore.DateRangeSpan(enDateOrder[form], from, cslcore.DateRangeDiff(from, to, enDateShown[form]))
	if lo < 0 {
		return appendDateParts(b, parts, from, season, d.SeasonName, -1, -1, from[0])
	}
	// only the era of the start's year is written, once after the end's
	// year when the years differ ("March 50–April 40 BC", "50–40 BC" for
	// 50 BC to AD 40, "50–60 AD"; cslcore.FormatYear)
	startEra := from[0]
	if enDateOrder[form][hi] == cslcore.PartYear {
		startEra = 0
	}
	b = appendDateParts(b, parts[:lo], from, season, d.SeasonName, -1, -1, from[0])
	b = appendDateParts(b, parts[lo:hi+1], from, season, d.SeasonName, -1, hi-lo, startEra)
	b = append(b, cslcore.RangeDelimiter...)
	b = appendDateParts(b, parts[lo:hi+1], to, 0, "", 0, -1, from[0])
	return appendDateParts(b, parts[hi+1:], from, season, d.SeasonName, -1, -1, from[0])
}

// parts are the date as cslcore takes it: year, month, day.
func (p DateParts) parts() [3]int { return [3]int{p.Year, p.Month, p.Day} }

// enDatePart is a date part of a built-in form, with its affixes.
type enDatePart struct {
	part           cslcore.DatePart
	form           cslcore.PartForm
	prefix, suffix string
}

// enDateForms are the parts of each form in the order written, as the
// en-US locale's date forms and the styles' date-part elements give them.
var enDateForms = [...][]enDatePart{
	dateText: {{cslcore.PartMonth, cslcore.FormLong, "", " "}, {cslcore.PartDay, cslcore.FormNumeric, "", ", "},
		{cslcore.PartYear, cslcore.FormLong, "", ""}},
	dateYear:     {{cslcore.PartYear, cslcore.FormLong, "", ""}},
	dateMonthDay: {{cslcore.PartMonth, cslcore.FormLong, "", ""}, {cslcore.PartDay, cslcore.FormNumeric, " ", ""}},
	dateDayMonthAbbr: {{cslcore.PartDay, cslcore.FormNumeric, "", " "}, {cslcore.PartMonth, cslcore.FormShort, "", " "},
		{cslcore.PartYear, cslcore.FormLong, "", ""}},
	dateYearMonth: {{cslcore.PartMonth, cslcore.FormLong, "", " "}, {cslcore.PartYear, cslcore.FormLong, "", ""}},
	dateMonth:     {{cslcore.PartMonth, cslcore.FormLong, "", ""}},
}

// enDateOrder are the parts of each form of enDateForms, in order.
var enDateOrder = [...][]cslcore.DatePart{
	dateText:         {cslcore.PartMonth, cslcore.PartDay, cslcore.PartYear},
	dateYear:         {cslcore.PartYear},
	dateMonthDay:     {cslcore.PartMonth, cslcore.PartDay},
	dateDayMonthAbbr: {cslcore.PartDay, cslcore.PartMonth, cslcore.PartYear},
	dateYearMonth:    {cslcore.PartMonth, cslcore.PartYear},
	dateMonth:        {cslcore.PartMonth},
}

// enDateShown are the parts each form of enDateForms shows: year, month,
// day.
var enDateShown = [...][3]bool{
	dateText:         {true, true, true},
	dateYear:         {true, false, false},
	dateMonthDay:     {false, true, true},
	dateDayMonthAbbr: {true, true, true},
	dateYearMonth:    {true, true, false},
	dateMonth:        {false, true, false},
}

// appendDateParts appends the parts of the date p, each written by
// cslcore.FormatDatePart with the en-US terms and its affixes (a part the
// date lacks is left out with them); the part noPrefix is written without
// its prefix, noSuffix without its suffix (the joints of a range). season
// (1–4) or seasonName stand for a missing month. The year is followed by
// the era of eraYear (cslcore.FormatYear).
func appendDateParts(b []byte, parts []enDatePart, p [3]int, season int, seasonName string, noPrefix, noSuffix, eraYear int) []byte {
	for i := range parts {
		dp := &parts[i]
		var t cslcore.DateText
		if dp.part == cslcore.PartYear {
			t = cslcore.FormatYear(dp.form, p[0], eraYear, enDates{})
		} else {
			t = cslcore.FormatDatePart(dp.part, dp.form, p, season, seasonName, enDates{})
		}
		if t.IsEmpty() {
			continue
		}
		if dp.prefix != "" && i != noPrefix {
			b = append(b, dp.prefix...)
		}
		b = t.Append(b)
		if dp.suffix != "" && i != noSuffix {
			b = append(b, dp.suffix...)
		}
	}
	return b
}

// enDates are the en-US terms of the built-in styles' dates
// (cslcore.DateTerms).
type enDates struct{}

func (enDates) EraTerm(name string) string {
	switch name {
	case "bc":
		return " BC"
	case "ad":
		return " AD"
	}
	return ""
}

func (enDates) MonthTerm(month int, short bool) string {
	switch {
	case month < 1 || month > 12:
		return ""
	case short:
		return monthsShort[month-1]
	}
	return monthsLong[month-1]
}

func (enDates) SeasonTerm(season int) string {
	if season < 1 || season > 4 {
		return ""
	}
	return seasons[season-1]
}

func (enDates) DayOrdinal(day, _ int) string {
	return string(appendOrdinal(nil, strconv.Itoa(day)))
}

func (enDates) LimitDayOrdinals() bool { return false }

// numberOfVolumes is the "label-number-of-volumes" macro: "3 vols.".
func numberOfVolumes(r *renderer) {
	n := r.it.NumberOfVolumes
	r.o.group("", "", "")
	r.o.group(" ", "", "")
	r.tv(0, n, "", "", 0, false, tcNone)
	if n != "" && isNumeric(n) {
		t := "vol."
		if isPlural(n) || n != "1" {
			t = "vols."
		}
		r.o.elem("", "", 0, false)
		r.o.lit(t)
		r.o.end()
	}
	r.o.end()
	r.o.end()
}

// authorNamesKey is what citeproc-js compares for
// subsequent-author-substitute: the names shown (without those after
// "et al."), each its name parts run together, joined by commas. Empty
// unless the bibliography tracks authors.
func (r *renderer) authorNamesKey(list []Name) string {
	if !r.trackAuthor {
		return ""
	}
	shown := len(list)
	if r.etAlMin > 0 && shown >= r.etAlMin && r.etAlUseFirst < shown {
		shown = r.etAlUseFirst
	}
	var b []byte
	for i := range list[:shown] {
		n := &list[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, n.NonDroppingParticle...)
		b = append(b, n.Family...)
		b = append(b, n.Given...)
		b = append(b, n.DroppingParticle...)
		b = append(b, n.Suffix...)
		b = append(b, n.Literal...)
	}
	return string(b)
}

// substituteAuthor records the entry's author names and, if they repeat
// the previous entry's, replaces them with the style's substitute (none
// if it is "").
func (r *renderer) substituteAuthor(substitute string) {
	// citeproc-js compares the names shown (authorKey), and keeps the
	// previous names through an entry that has none to compare
	r.lastAuthor = r.prevAuthor
	if !r.trackAuthor || r.authorEnd <= r.authorStart || r.authorEnd > len(r.o.buf) || r.authorKey == "" {
		return
	}
	r.lastAuthor = r.authorKey
	if substitute == "" || r.prevAuthor == "" || r.prevAuthor != r.lastAuthor {
		return
	}
	dash := substitute
	if rest := r.o.buf[r.authorEnd:]; r.o.buf[r.authorEnd-1] == '.' && (len(rest) == 0 || !isPunct(rest[0])) {
		// the names' last period ("et al.", an initial) stood for the
		// delimiter's, which the dash must keep
		dash += "."
	}
	tail := append([]byte(dash), r.o.buf[r.authorEnd:]...)
	r.o.buf = append(r.o.buf[:r.authorStart], tail...)
	delta := len(dash) - (r.authorEnd - r.authorStart)
	for i := range r.o.marks {
		if int(r.o.marks[i].start) >= r.authorEnd {
			r.o.marks[i].start += int32(delta)
			r.o.marks[i].end += int32(delta)
		}
	}
}
