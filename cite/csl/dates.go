package csl

import (
	"strconv"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

var dateGran = map[string]int{"year": 0, "month": 1, "day": 2}

func (c *ctx) date(e *el) (*onode, status) {
	d := c.item.dates[e.variable]
	if c.suppressed[e.variable] {
		d = nil
	}
	if d == nil {
		return nil, status{calledVar: true}
	}
	if c.sorting && c.sortKeyDates {
		limit := 2
		if e.form != "" {
			switch e.a["date-parts"] {
			case "year":
				limit = 0
			case "year-month":
				limit = 1
			}
		} else {
			limit = -1
			for _, p := range e.parts {
				if g := dateGran[p.name]; g > limit {
					limit = g
				}
			}
		}
		dd := *d
		dd.Parts = append([][3]int(nil), d.Parts...)
		for i := range dd.Parts {
			for j := limit + 1; j < 3; j++ {
				if j >= 0 {
					dd.Parts[i][j] = 0
				}
			}
		}
		k := dateSortKey(&dd)
		if c.macroDate && k != "" {
			// the dates of a macro's key follow one another, with
			// one "|" at the end of the key (sortKeysFor)
			k = k[:len(k)-1]
			c.keyDate = true
		}
		return c.leaf(k), status{calledVar: true, varOK: true}
	}
	if d.Literal != "" && len(d.Parts) == 0 {
		hasYear := e.form != ""
		for _, p := range e.parts {
			if p.name == "year" {
				hasYear = true
			}
		}
		if !hasYear {
			return nil, status{calledVar: true}
		}
		// citeproc-js writes the literal as the year part: with its
		// affixes and formatting
		n := c.richText(d.Literal)
		parts, _ := c.dateParts(e)
		for _, dp := range parts {
			if dp.name == "year" {
				n = c.formatted(dp.fm, c.kids(n))
				n.prefix, n.suffix = dp.prefix, dp.suffix
				break
			}
		}
		n = c.list("", c.kids(n))
		c.decorateDate(n, e)
		return n, status{calledVar: true, varOK: true}
	}
	parts, delim := c.dateParts(e)
	if len(parts) == 0 || len(d.Parts) == 0 {
		return nil, status{calledVar: true}
	}
	var n *onode
	start := d.Parts[0]
	// largest differing part among those rendered (citeproc-js: a range
	// whose rendered parts are equal is one date, "March 4" for
	// 1935-03-04/1936-03-04 in a month-day date)
	diff := 3
	if len(d.Parts) > 1 {
		var shown [3]bool
		for _, p := range parts {
			shown[dateGran[p.name]] = true
		}
		diff = cslcore.DateRangeDiff(d.Parts[0], d.Parts[1], shown)
	}
	if d.OpenEnd {
		// an open range ("1990–"): its end is 0 in every part, so all
		// the start's parts differ from it
		diff = 0
	}
	if diff < 3 {
		var end [3]int
		if !d.OpenEnd {
			end = d.Parts[1]
		}
		var gb [3]cslcore.DatePart
		g := gb[:0]
		for _, p := range parts {
			gran, ok := dateGran[p.name]
			if !ok {
				gran = 3 // not a part: renders nothing
			}
			g = append(g, cslcore.DatePart(gran))
		}
		lo, hi := cslcore.DateRangeSpan(g, start, diff)
		if lo < 0 {
			n = c.renderParts(parts, start, d, delim, false, -1, start[0])
		} else {
			// the range delimiter of the part at the joint: citeproc-js
			// takes it from the part that writes the range, the last of
			// the differing ones ("May 1–June 22" with a month's
			// range-delimiter "/")
			rd := cslcore.RangeDelimiter
			if parts[hi].hasRangeDelim {
				rd = parts[hi].rangeDelim
			}
			n = c.list("", nil)
			// citeproc-js writes the era of the start's year after
			// both years, or once after the end's when the year is the
			// last part of the range ("March 50–April 40 BC", "50–40
			// BC" for 50 BC to AD 40, "50 BC March–40 BC April")
			startEra := start[0]
			if parts[hi].name == "year" {
				startEra = 0
			}
			before := c.renderParts(parts[:lo], start, d, delim, false, -1, start[0])
			s := c.renderParts(parts[lo:hi+1], start, d, delim, false, hi-lo, startEra)
			// citeproc-js writes the end's parts into a level of their
			// own that has neither the date's delimiter nor its affixes
			// ("15 Mar.–2Apr. 1999" with delimiter " "): see renderParts
			var en *onode
			if !d.OpenEnd {
				en = c.renderParts(parts[lo:hi+1], end, d, c.rangeEndLevel(), true, -1, start[0])
			} else if parts[hi].name == "year" {
				// no end (citeproc-js writes no part of 0), but the
				// era and year-suffix of the start's year at the joint
				en = c.yearTail(parts[hi], start[0])
			}
			after := c.renderParts(parts[hi+1:], start, d, delim, false, -1, start[0])
			var segs []*onode
			if !before.empty() {
				segs = append(segs, before)
			}
			mid := c.list("", c.kids(s, c.leaf(rd)))
			if en != nil {
				mid.kids = append(mid.kids, en)
			}
			segs = append(segs, mid)
			if !after.empty() {
				segs = append(segs, after)
			}
			n.kids = segs
			n.delim = delim
		}
	} else {
		n = c.renderParts(parts, start, d, delim, false, -1, start[0])
	}
	if n.empty() {
		return nil, status{calledVar: true}
	}
	if d.Season != "" && start[1] == 0 && !hasYearPart(parts) {
		// a named season alone ("Easter" without its year): citeproc-js
		// prints it but does not count it as a rendered variable, so an
		// enclosing group or macro call that renders nothing else is
		// dropped
		c.decorateDate(n, e)
		return n, status{calledVar: true}
	}
	c.decorateDate(n, e)
	c.termPred = true
	if c.track != nil {
		c.track[e.variable] = true
		c.suppressNow(e.variable)
	}
	return n, status{calledVar: true, varOK: true}
}

// rangeEngine is the state of a citeproc-js engine that shows in date
// ranges. citeproc-js writes the end of a range (the parts after the
// range delimiter) into a level of a queue of its own, which is not
// reset between renders:
//
//   - building the style leaves it at a level made from the last cs:date
//     built (lastBuiltDate), with that element's affixes and delimiter:
//     the first range the engine writes has them around its end ("1964–
//     (1965)" when the style's last date element has the affixes "(" and
//     ")", whichever date the range is);
//   - each range then opens the next level from a copy of that element
//     without its affixes: its delimiter still joins the end's parts;
//   - restoreProcessorState([]), with which the reference renderer
//     (render.js) reuses an engine for each request, drops that copy: the
//     level is then a plain one, and the end's parts are joined by nothing
//     ("15 Mar–2Apr 1999" for a date with the delimiter " ").
//
// A Processor is by default in the last state (the reference outputs of
// the oracle, which reuses engines, are written in it; Reset returns to
// it); Fixture.Run, as the test suite's runner builds a new engine for
// each fixture, gives its processor a rangeEngine: the end's parts are
// then joined by the last date element's delimiter. The affixes of the
// first range are not written: which range is the engine's first depends
// on the renders citeproc-js makes for itself (the citation form of every
// registered item, for disambiguation, before any output), and no test
// suite fixture shows them.
type rangeEngine struct{}

// rangeEndLevel is the delimiter that joins the parts of a range's end.
func (c *ctx) rangeEndLevel() string {
	if c.engine == nil || c.st.lastDate == nil {
		return ""
	}
	if c.st.lastDate.form != "" {
		_, delim := c.dateParts(c.st.lastDate)
		return delim
	}
	return c.st.lastDate.delim
}

// lastBuiltDate is the cs:date element citeproc-js builds last: it builds
// the citation and then the bibliography, each its sort keys and then
// its layout, in document order, with every macro built anew where it is
// called (in sort keys too) and every branch of a cs:choose.
func lastBuiltDate(s *Style) *el {
	// the last date of a macro is the same at every call: kept, so that
	// the walk is linear in the style (a macro may be called many times)
	memo := map[*el]*el{}
	// (the nesting within one macro or layout is bounded by maxDepth)
	var lastIn func(e *el) *el
	lastIn = func(e *el) *el {
		if e == nil {
			return nil
		}
		var last *el
		if e.kind == kDate {
			last = e
		}
		see := func(r *el) {
			if r != nil {
				last = r
			}
		}
		if m := e.macro; m != nil {
			r, ok := memo[m]
			if !ok {
				memo[m] = nil // a call of itself adds nothing
				r = lastIn(m)
				memo[m] = r
			}
			see(r)
		}
		for _, k := range e.kids {
			see(lastIn(k))
		}
		for _, b := range e.branches {
			for _, k := range b.kids {
				see(lastIn(k))
			}
		}
		see(lastIn(e.nameEl))
		see(lastIn(e.etAl))
		see(lastIn(e.labelEl))
		see(lastIn(e.subst))
		return last
	}
	var last *el
	for _, ls := range []*layoutSpec{s.citation, s.bibliography} {
		if ls == nil {
			continue
		}
		for _, k := range ls.sort {
			if m := k.macro; m != nil {
				if r, ok := memo[m]; ok {
					if r != nil {
						last = r
					}
				} else if r := lastIn(m); r != nil {
					last = r
				}
			}
		}
		if r := lastIn(ls.layout); r != nil {
			last = r
		}
	}
	return last
}

// decorateDate puts a date element's affixes and formatting on its
// output; citeproc-js gives a localized date (form) its affixes only.
func (c *ctx) decorateDate(n *onode, e *el) {
	// a date is a level of its own in citeproc-js, whose affixes
	// checkNestedBrace flips in a note citation ("([1939])")
	n.level = true
	if e.form == "" {
		c.decorate(n, e)
		return
	}
	if n.prefix != "" || n.suffix != "" || !n.fm.zero() || n.quotes || n.display != "" {
		n2 := c.ar.slot()
		*n2 = *n
		*n = onode{kids: c.kids(n2)}
	}
	n.prefix, n.suffix = e.prefix, e.suffix
}

// macroCall renders the macro of a cs:text. While a sort key is made, a
// macro that holds a cs:date of its own renders, as citeproc-js's
// "doing-macro-with-date", only its names and its dates (as sort keys):
// its texts, numbers and labels are left out, so an item without the date
// has no key from it ("n.d." does not sort). citeproc-js clears the state
// at the end of any such macro, also one called inside another.
func (c *ctx) macroCall(e *el) (*onode, status) {
	if !c.sorting || !e.macro.hasDate {
		return c.decorated(e, e.macro.kids, "")
	}
	c.macroDate = true
	n, st := c.decorated(e, e.macro.kids, "")
	c.macroDate = false
	return n, st
}

// hasYearPart reports whether a date's parts render its year.
func hasYearPart(parts []*el) bool {
	for _, p := range parts {
		if p.name == "year" {
			return true
		}
	}
	return false
}

// dateParts returns the date-part elements in force and the delimiter.
func (c *ctx) dateParts(e *el) ([]*el, string) {
	if e.form == "" {
		return e.parts, e.delim
	}
	if v, ok := c.loc.dateMemo.Load(e); ok {
		dp := v.(*datePartsOf)
		return dp.parts, dp.delim
	}
	parts, delim := c.loc.localizedDateParts(e)
	c.loc.dateMemo.Store(e, &datePartsOf{parts, delim})
	return parts, delim
}

// datePartsOf are the date parts (read only) and delimiter of a localized
// date element, memoized in the chain.
type datePartsOf struct {
	parts []*el
	delim string
}

// localizedDateParts are the date parts of a localized date: the locale's
// date format with the element's overrides.
func (c *chain) localizedDateParts(e *el) ([]*el, string) {
	lf := c.dateFormat(e.form)
	if lf == nil {
		return nil, ""
	}
	limit := 2
	switch e.a["date-parts"] {
	case "year":
		limit = 0
	case "year-month":
		limit = 1
	}
	var out []*el
	for _, p := range lf.parts {
		if dateGran[p.name] > limit {
			continue
		}
		np := *p
		for _, sp := range e.parts {
			if sp.name == p.name {
				if sp.form != "" {
					np.form = sp.form
				}
				if !sp.fm.zero() {
					np.fm = sp.fm
				}
				if sp.textCase != "" {
					np.textCase = sp.textCase
				}
				if sp.strip {
					np.strip = true
				}
				if sp.hasRangeDelim {
					np.rangeDelim, np.hasRangeDelim = sp.rangeDelim, true
				}
				if _, ok := sp.a["prefix"]; ok {
					np.prefix = sp.prefix
				}
				if _, ok := sp.a["suffix"]; ok {
					np.suffix = sp.suffix
				}
			}
		}
		out = append(out, &np)
	}
	// trailing suffix/leading prefix of locale parts that are cut off
	return out, lf.delim
}

// renderParts renders date parts of one date; noSuffix indexes a part
// whose suffix is left out (the start's last part at a range's joint);
// the year is followed by the era of eraYear (cslcore.Era; none for 0).
//
// rangeEnd renders the parts of a range's end as citeproc-js does: each
// part but the last goes into a level of its own whose first blob loses
// its prefix, and the last into the enclosing level, whose first blob is
// then the first part's level — so the last part keeps its prefix unless
// it is the only one ("1998/12/30–19991/2" for year, month and day with
// the prefix "/").
func (c *ctx) renderParts(parts []*el, p [3]int, d *Date, delim string, rangeEnd bool, noSuffix, eraYear int) *onode {
	n := c.list(delim, c.room(len(parts)))
	for i, dp := range parts {
		var s, era string
		switch dp.name {
		case "year":
			yt := cslcore.FormatYear(cslcore.ParsePartForm(dp.form), p[0], eraYear, c.loc)
			era, yt.Text = yt.Text, ""
			s = yt.String()
		case "month":
			// a season given apart is the start's (and an end equal to it)
			season, seasonName := 0, ""
			if d.Season != "" && p == d.Parts[0] {
				if sn, err := strconv.Atoi(d.Season); err == nil && sn >= 1 && sn <= 4 {
					season = sn
				} else {
					seasonName = d.Season
				}
			}
			f := cslcore.ParsePartForm(dp.form)
			if p[1] > 12 && d.seasonField && p == d.Parts[0] {
				// citeproc-js writes a season field by its name in any
				// form, a month 13–16 in a numeric form not at all
				f = cslcore.FormLong
			}
			s = cslcore.FormatDatePart(cslcore.PartMonth, f, p, season, seasonName, c.loc).String()
		case "day":
			s = cslcore.FormatDatePart(cslcore.PartDay, cslcore.ParsePartForm(dp.form), p, 0, "", c.loc).String()
		}
		if s == "" {
			continue
		}
		ln := c.leaf(s)
		if dp.textCase != "" {
			c.applyCase(ln, dp.textCase)
		}
		if dp.strip {
			stripPeriods(ln)
		}
		w := c.formatted(dp.fm, c.kids(ln))
		if !rangeEnd || i == len(parts)-1 && len(parts) > 1 {
			w.prefix = dp.prefix
		}
		if i != noSuffix {
			w.suffix = dp.suffix
		}
		if dp.name == "year" && i != noSuffix {
			// the start's year at a range's joint has neither era nor
			// year-suffix: they follow the end
			hadYS := c.ysDone
			if t := c.eraAndSuffix(dp, era); t != nil {
				if era == "" && !hadYS && c.ysDone && delim != "" && isPunct(delim[0]) && (dp.suffix == "" || dp.suffix[len(dp.suffix)-1] != delim[0]) {
					// citeproc-js appends the year-suffix to the date's
					// level, a sibling of the parts, and moves the
					// punctuation that starts the date's delimiter into
					// the suffix of every sibling but the last
					// (CSL.Output.Queue.adjust's downward): the year
					// before a year-suffix ends with it ("07.2015.a" for
					// the delimiter "."); the rest of the delimiter is
					// not written before a number ("2015a-07" for "-")
					w = c.list("", c.kids(w, c.leaf(delim[:1]), t))
				} else {
					w = c.list("", c.kids(w, t))
				}
			}
		}
		n.kids = append(n.kids, w)
	}
	return n
}

// eraAndSuffix is what citeproc-js appends to a year part's level after
// the year and its affixes: the era (plain) and then the year-suffix, the
// latter with the part's affixes and formatting ("(79) AD(a)" for a year
// part with "(" and ")"); nil for neither.
func (c *ctx) eraAndSuffix(dp *el, era string) *onode {
	var ys *onode
	if c.yearSuffix != "" && !c.st.usesYS && !c.ysDone {
		c.ysDone = true
		ys = c.formatted(dp.fm, c.kids(c.leaf(c.yearSuffix)))
		ys.prefix, ys.suffix = dp.prefix, dp.suffix
	}
	switch {
	case era == "" && ys == nil:
		return nil
	case ys == nil:
		return c.leaf(era)
	case era == "":
		return ys
	}
	return c.list("", c.kids(c.leaf(era), ys))
}

// yearTail is eraAndSuffix for the year part dp of the year year.
func (c *ctx) yearTail(dp *el, year int) *onode {
	return c.eraAndSuffix(dp, cslcore.FormatYear(cslcore.ParsePartForm(dp.form), year, year, c.loc).Text)
}

// monthTerms are the names of the month terms.
var monthTerms = [...]string{"month-01", "month-02", "month-03", "month-04", "month-05", "month-06",
	"month-07", "month-08", "month-09", "month-10", "month-11", "month-12"}

// seasonTerms are the names of the season terms.
var seasonTerms = [...]string{"season-01", "season-02", "season-03", "season-04"}

// EraTerm is the locale's term "bc" or "ad" (cslcore.DateTerms).
func (c *chain) EraTerm(name string) string { return c.term(name, "long", false) }

// MonthTerm is the locale's name of a month 1–12 (cslcore.DateTerms).
func (c *chain) MonthTerm(month int, short bool) string {
	if month < 1 || month > 12 {
		return ""
	}
	if short {
		return c.term(monthTerms[month-1], "short", false)
	}
	return c.term(monthTerms[month-1], "long", false)
}

// SeasonTerm is the locale's name of a season 1–4 (cslcore.DateTerms).
func (c *chain) SeasonTerm(season int) string {
	if season < 1 || season > 4 {
		return ""
	}
	return c.term(seasonTerms[season-1], "long", false)
}

// DayOrdinal is a day as the locale's ordinal, in the gender of its month
// (cslcore.DateTerms).
func (c *chain) DayOrdinal(day, month int) string {
	g := ""
	if month >= 1 && month <= 12 {
		g = c.termGender(monthTerms[month-1])
	}
	return c.ordinal(day, g, false)
}

// LimitDayOrdinals is the locale's limit-day-ordinals-to-day-1
// (cslcore.DateTerms).
func (c *chain) LimitDayOrdinals() bool { return c.limitO }

// dateSortKey is a date as a sortable string.
func dateSortKey(d *Date) string {
	if len(d.Parts) == 0 {
		return ""
	}
	k := func(p [3]int) string {
		y := p[0] + 10000
		return pad(y, 5) + pad(p[1], 2) + pad(p[2], 2)
	}
	// digits, as citeproc-js's date keys (CSL.dateAsSortKey: "1" and the
	// year, the month and the day, of the start and then of the end,
	// zeros for a date that is no range; a letter first would sort a
	// date after a name in a key of both), ending in "|" as its keys do:
	// a key must not read as one large number (parseSortFloat). Every
	// date's key has as many digits: the collation compares numbers by
	// value (appendSortClean), and a key of two dates (a macro's)
	// after a key of one
	s := k(d.Parts[0])
	if len(d.Parts) > 1 {
		s += k(d.Parts[1])
	} else {
		s += "100000000"
	}
	return s + "|"
}

func pad(n, w int) string {
	s := strconv.Itoa(n)
	for len(s) < w {
		s = "0" + s
	}
	return s
}
