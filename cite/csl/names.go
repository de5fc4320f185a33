package csl

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// nameOpts are the inheritable name options in force for one cs:name.
type nameOpts struct {
	and                string
	delim              string
	delimPrecedesEtAl  string
	delimPrecedesLast  string
	etAlMin, etAlFirst int
	etAlUseLast        bool
	initialize         bool
	initializeWith     string
	hasInitWith        bool
	asSortOrder        string
	sortSep            string
	form               string
	// et-al-subsequent-min and -use-first, when set
	subMin, subFirst       int
	hasSubMin, hasSubFirst bool
	// the delimiter and delimiter-precedes-last that join an institution
	// ending the list: citeproc-js gives institutions their own joining
	// rule, which takes cs:name's delimiter and the style's (not
	// cs:name's) delimiter-precedes-last.
	instDelim, instDelimPrecedesLast string
	// et-al-min and -use-first before the subsequent values replace them
	plainMin, plainFirst int
}

// layoutIdx is the index of the current layout in the style's parse-time
// name options: 0 the citation, 1 the bibliography, -1 neither (a sort).
func (c *ctx) layoutIdx() int {
	switch {
	case c.ls == nil:
		return -1
	case c.ls == c.st.citation:
		return 0
	case c.ls == c.st.bibliography:
		return 1
	}
	return -1
}

// countForm reports whether the names of a cs:name take form="count"
// (nameOptions' form, without copying the options).
func (c *ctx) countForm(ne *el) bool {
	idx := c.layoutIdx()
	switch {
	case idx >= 0 && ne == nil:
		return c.st.nilNameOpts[idx].form == "count"
	case idx >= 0 && ne.nopts != nil:
		return ne.nopts[idx].form == "count"
	}
	return c.nameOptions(ne).form == "count"
}

// nameOptions returns the options of a cs:name (nil: none) in the
// current layout, position and sort: the style's inherited options are
// resolved at parse time.
func (c *ctx) nameOptions(ne *el) nameOpts {
	var o nameOpts
	idx := c.layoutIdx()
	switch {
	case idx >= 0 && ne == nil:
		o = c.st.nilNameOpts[idx]
	case idx >= 0 && ne.nopts != nil:
		o = ne.nopts[idx]
	default:
		o = c.baseNameOptions(ne)
	}
	o.plainMin, o.plainFirst = o.etAlMin, o.etAlFirst
	if c.pos != PosFirst && c.mode == modeCitation && !c.sorting {
		if o.hasSubMin {
			o.etAlMin = o.subMin
		}
		if o.hasSubFirst {
			o.etAlFirst = o.subFirst
		}
	}
	if c.sorting {
		// sort keys take names in sort order, whatever the macro says
		o.asSortOrder = "all"
	}
	if c.sorting && c.sortNamesSet {
		if c.sortNamesMin > 0 {
			o.etAlMin = c.sortNamesMin
		}
		if c.sortNamesFirst > 0 {
			o.etAlFirst = c.sortNamesFirst
		}
		if c.sortNamesLast > 0 {
			o.etAlUseLast = true
		}
	}
	return o
}

// resolveNameOpts fills in, for every cs:name of the style and for none,
// the options inherited in the citation and the bibliography.
func (s *Style) resolveNameOpts(nameEls []*el) {
	for i, ls := range [2]*layoutSpec{s.citation, s.bibliography} {
		c := &ctx{st: s, ls: ls}
		s.nilNameOpts[i] = c.baseNameOptions(nil)
		for _, ne := range nameEls {
			if ne.nopts == nil {
				ne.nopts = new([2]nameOpts)
			}
			ne.nopts[i] = c.baseNameOptions(ne)
		}
	}
}

// baseNameOptions resolves a cs:name's options from its attributes and
// the inheritable options of the layout and the style.
func (c *ctx) baseNameOptions(ne *el) nameOpts {
	get := func(k string) (string, bool) {
		if ne != nil {
			if v, ok := ne.a[k]; ok {
				return v, true
			}
		}
		return c.opt(k)
	}
	o := nameOpts{delim: ", ", delimPrecedesEtAl: "contextual", delimPrecedesLast: "contextual", initialize: true, sortSep: ", ", form: "long"}
	if v, ok := get("and"); ok {
		o.and = v
	}
	// a cs:names without a cs:name has citeproc-js's default cs:name,
	// which inherits the style's name-delimiter and name-form too
	if v, ok := ne.attrOK("delimiter"); ok {
		o.delim = v
	} else if v, ok := c.opt("name-delimiter"); ok {
		o.delim = v
	}
	if v, ok := get("delimiter-precedes-et-al"); ok {
		o.delimPrecedesEtAl = v
	}
	if v, ok := get("delimiter-precedes-last"); ok {
		o.delimPrecedesLast = v
	}
	// citeproc-js's institution takes cs:name's own delimiter, else ", "
	o.instDelim, o.instDelimPrecedesLast = ", ", "contextual"
	if v, ok := ne.attrOK("delimiter"); ok {
		o.instDelim = v
	}
	if v, ok := c.opt("delimiter-precedes-last"); ok {
		o.instDelimPrecedesLast = v
	}
	o.etAlMin = atoiDef(first(get("et-al-min")), 0)
	o.etAlFirst = atoiDef(first(get("et-al-use-first")), -1)
	if v, ok := get("et-al-subsequent-min"); ok {
		o.subMin, o.hasSubMin = atoiDef(v, o.etAlMin), true
	}
	if v, ok := get("et-al-subsequent-use-first"); ok {
		o.subFirst, o.hasSubFirst = atoiDef(v, o.etAlFirst), true
	}
	o.etAlUseLast = first(get("et-al-use-last")) == "true"
	if v, ok := get("initialize"); ok {
		o.initialize = v != "false"
	}
	if v, ok := get("initialize-with"); ok {
		o.initializeWith, o.hasInitWith = v, true
	}
	if v, ok := get("name-as-sort-order"); ok {
		o.asSortOrder = v
	}
	if v, ok := get("sort-separator"); ok {
		o.sortSep = v
	}
	if v, ok := ne.attrOK("form"); ok {
		o.form = v
	} else if v, ok := c.opt("name-form"); ok {
		o.form = v
	}
	return o
}

func first(s string, _ bool) string { return s }

// childless reports whether a cs:names has no child element.
func (e *el) childless() bool {
	return e.nameEl == nil && e.labelEl == nil && e.etAl == nil && e.subst == nil
}

// attrOK returns an attribute of e, which may be nil.
func (e *el) attrOK(k string) (string, bool) {
	if e == nil {
		return "", false
	}
	v, ok := e.a[k]
	return v, ok
}

func (c *ctx) names(e *el) (*onode, status) {
	ne := e.nameEl
	etal := e.etAl
	labelEl := e.labelEl
	labelFirst := e.labelFirst
	if c.substituting && c.parentNames != nil && e.nameEl == nil && e.inSubst {
		// a cs:names of a cs:substitute without a cs:name takes, as in
		// citeproc-js, the cs:name (and cs:et-al) last set: that of the
		// last cs:names evaluated in the substitution, even one that
		// printed nothing ("N. Price" after an editor macro with long
		// names fails), else that of the cs:names it stands in for
		from := c.parentNames
		if c.substLast != nil {
			from = c.substLast
		}
		ne = from.nameEl
		if etal == nil {
			etal = from.etAl
		}
	} else if c.substituting {
		c.substLast = e
	}
	if c.substituting && c.parentNames != nil && e.inSubst {
		if labelEl == nil && e.nameEl == nil {
			labelEl = c.parentNames.labelEl
			// after the names where that one has no cs:name either
			labelFirst = c.parentNames.labelFirst && c.parentNames.nameEl != nil
		}
	}
	if c.authorMode != 0 && !c.authorDone && !c.substituting {
		c.authorDone = true
		saved := c.authorMode
		c.authorMode = 0
		o, st := c.names(e)
		c.authorMode = saved
		if saved == 2 {
			c.authorOut = o
			return nil, status{}
		}
		_ = st
		return nil, status{}
	}
	if c.sas != nil && !e.substOnly {
		c.sasNamesStart()
		o, st := c.namesOf(e, ne, etal, labelEl, labelFirst)
		c.sasNamesEnd()
		c.sas.printed = c.sas.printed || !o.empty()
		return o, st
	}
	o, st := c.namesOf(e, ne, etal, labelEl, labelFirst)
	if c.sorting && o.empty() && ne != nil && !e.substOnly && c.nameOptions(ne).form == "count" {
		// citeproc-js counts no names as "0" in a sort key (which sorts
		// before the keys of items with names, not after them as an
		// empty key does)
		return c.leaf("0"), st
	}
	return o, st
}

// namesOf renders a cs:names element with the cs:name, cs:et-al and
// cs:label it uses.
func (c *ctx) namesOf(e, ne, etal, labelEl *el, labelFirst bool) (*onode, status) {
	type varNames struct {
		v     string
		names []Name
	}
	var lbuf [4]varNames
	lists := lbuf[:0]
	for i, v := range e.vars {
		if i < len(e.varIDs) && c.absent(e.varIDs[i]) {
			continue // no names: nothing to look up
		}
		if c.isSuppressed(v) {
			continue
		}
		if ns := c.item.names[v]; len(ns) > 0 {
			lists = append(lists, varNames{v, ns})
		}
	}
	if len(lists) == 0 {
		if e.subst != nil {
			saved, savedParent, savedLast := c.substituting, c.parentNames, c.substLast
			c.substituting, c.parentNames, c.substLast = true, e, nil
			defer func() { c.substituting, c.parentNames, c.substLast = saved, savedParent, savedLast }()
			if o, st, ok := c.substitute(e, e.subst.kids); ok {
				return o, st
			}
		}
		if !c.termPred && !e.substOnly && !c.countForm(ne) {
			// citeproc-js's names output marks a term predecessor even
			// when it outputs nothing (NameOutput.outputNames, once any
			// name has been rendered: in practice always): a term after
			// it is not capitalized unless an enclosing group or macro
			// call is suppressed (decorated); a childless cs:names in a
			// substitute has no output step of its own
			c.termPred = true
		}
		return nil, status{calledVar: true}
	}
	// editor and translator the same: one list with the combined label
	// citeproc-js joins the two only when the element names exactly
	// these two variables (its common term is the names of all of them)
	if len(lists) == 2 && ((lists[0].v == "editor" && lists[1].v == "translator") || (lists[0].v == "translator" && lists[1].v == "editor")) && sameNames(lists[0].names, lists[1].names) && liveVars(e.vars, c.suppressed) == 2 {
		if labelEl != nil && c.term("editortranslator", labelEl.form, false) != "" {
			lists = []varNames{{"editortranslator", lists[0].names}}
		}
	}
	o := c.nameOptions(ne)
	// a substituted cs:names without children takes the delimiter of
	// the one it stands in for
	de := e
	if e.substOnly && c.substituting && c.parentNames != nil {
		de = c.parentNames
	}
	namesDelim := de.delim
	if _, ok := de.a["delimiter"]; !ok {
		if v, ok := c.opt("names-delimiter"); ok {
			namesDelim = v
		}
	}
	out := c.list(namesDelim, c.room(len(lists)))
	out.isNames = true
	total := 0
	for _, l := range lists {
		if ne != nil && o.form == "count" {
			total += c.countNames(l.names, &o)
			continue
		}
		nn := c.nameList(l.names, &o, ne, etal)
		if ne == nil {
			nn = c.nameList(l.names, &o, nil, etal)
		}
		var after *onode
		if labelEl != nil && !c.sorting {
			lv := l.v
			if lv == "editortranslator" {
				lv = "editortranslator"
			}
			plural := len(l.names) > 1
			switch labelEl.plural {
			case "always":
				plural = true
			case "never":
				plural = false
			}
			t := c.term(lv, labelEl.form, plural)
			if t != "" {
				ln := c.richText(t)
				c.decorate(ln, labelEl)
				if labelFirst {
					nn = c.list("", c.kids(ln, nn))
				} else {
					nn = c.list("", c.kids(nn, ln))
					after = ln
				}
			}
		}
		out.kids = append(out.kids, nn)
		if c.sas.collecting() {
			c.sasNames(out, after)
		}
		c.nameCounter++
	}
	if c.track != nil {
		for _, l := range lists {
			c.track[l.v] = true
			c.suppressNow(l.v)
		}
		if len(lists) == 1 && lists[0].v == "editortranslator" {
			c.track["editor"], c.track["translator"] = true, true
		}
	}
	if ne != nil && o.form == "count" {
		if total == 0 {
			return nil, status{calledVar: true}
		}
		out = c.leaf(strconv.Itoa(total))
	}
	if e.substOnly && c.substituting && c.parentNames != nil {
		// formatted as the cs:names it stands in for, by substitute
		out.isNames = true
	} else {
		c.decorateNames(out, e)
	}
	c.termPred = true
	return out, status{calledVar: true, varOK: true}
}

func (c *ctx) decorateNames(n *onode, e *el) {
	c.decorate(n, e)
	n.isNames = true
}

func (c *ctx) suppressVars(k *el) {
	if c.suppressed == nil {
		c.suppressed = c.newSet()
	}
	var walk func(e *el)
	walk = func(e *el) {
		switch e.kind {
		case kNames:
			for _, v := range e.vars {
				c.suppress(v)
			}
		case kText:
			if e.variable != "" {
				c.suppress(e.variable)
			}
			if e.macro != nil {
				for _, kk := range e.macro.kids {
					walk(kk)
				}
			}
		case kNumber, kDate:
			if e.variable != "" {
				c.suppress(e.variable)
			}
		case kGroup:
			for _, kk := range e.kids {
				walk(kk)
			}
		case kChoose:
			for _, b := range e.branches {
				for _, kk := range b.kids {
					walk(kk)
				}
			}
		}
	}
	walk(k)
}

// isInstitution reports whether citeproc-js renders the name as an
// institution: a literal, or a family name flagged isInstitution.
func isInstitution(n Name) bool {
	return n.Literal != "" || (n.IsInstitution && n.Given == "" && n.Family != "")
}

// liveVars counts the variables not suppressed by a substitution.
func liveVars(vars []string, suppressed map[string]bool) int {
	n := 0
	for _, v := range vars {
		if !suppressed[v] {
			n++
		}
	}
	return n
}

func sameNames(a, b []Name) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// shown returns how many names are shown (before the last one that
// et-al-use-last adds), and whether et-al applies.
func (c *ctx) shown(ns []Name, o *nameOpts) (int, bool) {
	k, truncated := c.shownFirst(ns, o)
	if truncated && o.etAlUseLast && !c.sorting && k > o.etAlMin-2 {
		// citeproc-js shows at most et-al-min - 2 names before the
		// ellipsis and the last name, whatever et-al-use-first says
		// (so that the ellipsis always leaves a name out)
		k = max(o.etAlMin-2, 0)
	}
	return k, truncated
}

// endsWithLast reports whether a list of n names of which k are shown ends in
// an ellipsis and the last name (et-al-use-last).
func endsWithLast(o *nameOpts, k, n int, truncated bool) bool {
	return truncated && o.etAlUseLast && k+1 < n
}

// shownFirst is how many names et-al-min and et-al-use-first show, and
// whether et-al applies.
func (c *ctx) shownFirst(ns []Name, o *nameOpts) (int, bool) {
	n := len(ns)
	if k, ok := c.shownByPosition(n, o); ok {
		return k, k < n
	}
	if c.citeNames != nil && !c.sorting && c.nameCounter < len(c.citeNames) {
		// citeproc-js's _imposeNameConstraints in the bibliography
		// (setCiteNames): a list the cite shows in more names than
		// et-al-use-first keeps them all below et-al-min, and shows as
		// many as the cite at et-al-min or more
		if r := c.citeNames[c.nameCounter]; r > o.etAlFirst {
			if o.etAlMin > 0 && n >= o.etAlMin && o.etAlMin >= o.etAlFirst && r < n {
				return r, true
			}
			return n, false
		}
	}
	if o.etAlMin > 0 && o.etAlFirst == 0 && n >= o.etAlMin && c.addNames == 0 {
		// et-al-use-first="0": no names at all
		return 0, false
	}
	if o.etAlMin > 0 && o.etAlFirst > 0 && n >= o.etAlMin {
		k := o.etAlFirst + c.addNames
		if k < n {
			return k, true
		}
	}
	return n, false
}

// shownByPosition is how many of n names citeproc-js shows in a citation
// when the style gives subsequent cites other et-al values: it first
// renders every cite as a subsequent one to learn its names, shows at
// least as many in a first cite, and starts from et-al-min where
// neither limit applies.
func (c *ctx) shownByPosition(n int, o *nameOpts) (int, bool) {
	if c.mode != modeCitation || c.sorting || c.addNames != 0 || o.plainMin <= 0 || o.plainFirst <= 0 {
		return 0, false
	}
	subMin, subFirst := o.plainMin, o.plainFirst
	if o.hasSubMin {
		subMin = o.subMin
	}
	if o.hasSubFirst {
		subFirst = o.subFirst
	}
	if subMin == o.plainMin && subFirst == o.plainFirst {
		return 0, false
	}
	// the names of the subsequent form
	base := o.plainMin
	if n >= subMin {
		base = subFirst
	}
	base = min(base, n)
	etMin, etFirst := o.plainMin, o.plainFirst
	if c.pos != PosFirst {
		etMin, etFirst = subMin, subFirst
	}
	k := o.plainMin
	switch {
	case base > etFirst:
		k = base
		if n < etMin {
			k = n
		}
	case n >= etMin:
		k = etFirst
	}
	if k > n || etMin < etFirst {
		k = n
	}
	return k, true
}

func (c *ctx) countNames(ns []Name, o *nameOpts) int {
	k, truncated := c.shown(ns, o)
	if endsWithLast(o, k, len(ns), truncated) {
		return k + 1
	}
	return k
}

func (c *ctx) nameList(ns []Name, o *nameOpts, ne *el, etal *el) *onode {
	k, truncated := c.shown(ns, o)
	useLast := endsWithLast(o, k, len(ns), truncated)
	if c.recordNames {
		shown := append([]Name(nil), ns[:k]...)
		if useLast {
			shown = append(shown, ns[len(ns)-1])
		}
		c.nameSets = append(c.nameSets, shown)
		c.nameInit = append(c.nameInit, o.hasInitWith)
	}
	var levels []int
	if c.givenLevel != nil {
		levels = c.givenLevel[c.nameCounter]
	}
	rendered := c.room(k)
	for i := 0; i < k; i++ {
		lvl := -1
		if i < len(levels) {
			lvl = levels[i]
		}
		rendered = append(rendered, c.perName(c.oneName(ns[i], i, o, ne, lvl), ne, ns[i]))
	}
	if k == 0 && !useLast {
		return nil
	}
	shownNames := ns[:k]
	if slices.Contains(rendered, nil) {
		// names that print nothing (a short name without a family
		// name) are left out of the list, as citeproc-js does
		var r2 []*onode
		var n2 []Name
		for i, r := range rendered {
			if r != nil {
				r2 = append(r2, r)
				n2 = append(n2, ns[i])
			}
		}
		if useLast {
			n2 = append(n2, ns[len(ns)-1])
		}
		rendered, ns = r2, n2
		if len(rendered) == 0 && !useLast {
			return nil
		}
	}
	if c.sas.collecting() {
		if useLast {
			// citeproc-js compares the last name shown after the
			// ellipsis too
			shownNames = append(shownNames[:len(shownNames):len(shownNames)], ns[len(ns)-1])
		}
		c.sas.listNames, c.sas.listKids = shownNames, rendered
	}
	out := c.list("", c.room(4))
	andTerm := ""
	and := o.and
	if c.sorting {
		and = ""
	}
	switch and {
	case "text":
		andTerm = c.andWord()
	case "symbol":
		andTerm = "&"
	}
	inverted := func(i int) bool {
		if i < len(ns) && (ns[i].Literal != "" || ns[i].Given == "") {
			return false
		}
		return o.asSortOrder == "all" || (o.asSortOrder == "first" && i == 0)
	}
	for i, r := range rendered {
		if i > 0 {
			last := i == len(rendered)-1 && !truncated
			if last && andTerm != "" {
				out.kids = append(out.kids, c.leaf(c.andJoin(andTerm, o, len(rendered), isInstitution(ns[i]), inverted(i-1))))
			} else if last && !c.sorting && i < len(ns) && isInstitution(ns[i]) {
				// without a conjunction, citeproc-js joins a last name
				// that is an institution with the institution's
				// delimiter (cs:name's own, else ", "), not the
				// style's name-delimiter
				out.kids = append(out.kids, c.leaf(o.instDelim))
			} else {
				out.kids = append(out.kids, c.leaf(o.delim))
			}
		}
		out.kids = append(out.kids, r)
	}
	if truncated {
		if useLast {
			// citeproc-js's ellipsis follows one name with a space,
			// more names (or an inverted one, with
			// delimiter-precedes-last="after-inverted-name") with the
			// delimiter
			if len(rendered) == 0 {
				// no names before it: the last name alone
			} else if len(rendered) > 1 || o.delimPrecedesLast == "after-inverted-name" && inverted(len(rendered)-1) {
				out.kids = append(out.kids, c.leaf(o.delim+"… "))
			} else {
				out.kids = append(out.kids, c.leaf(" … "))
			}
			lvl := -1
			if len(levels) > 0 {
				lvl = levels[len(levels)-1]
			}
			out.kids = append(out.kids, c.perName(c.oneName(ns[len(ns)-1], len(ns)-1, o, ne, lvl), ne, ns[len(ns)-1]))
		} else {
			term := "et-al"
			if etal != nil {
				term = etal.term
			}
			t := c.term(term, "long", false)
			if c.sorting {
				t = ""
			}
			if t != "" {
				// citeproc-js: after one name a space (the delimiter
				// with "always" or "after-inverted-name"), after more
				// the delimiter (a space with "never" or
				// "after-inverted-name", whether the name is inverted
				// or not); a space goes when the term does not start
				// with a letter of a Latin, Greek, Cyrillic, Hebrew,
				// Arabic or Thai script (or "&")
				prefix := " "
				if len(rendered) > 1 {
					prefix = o.delim
				}
				switch o.delimPrecedesEtAl {
				case "always":
					prefix = o.delim
				case "never":
					if len(rendered) > 1 {
						prefix = " "
					}
				case "after-inverted-name":
					prefix = o.delim
					if len(rendered) > 1 {
						prefix = " "
					}
				}
				if prefix == " " && !cslcore.StartsRomanesque(t) {
					prefix = ""
				}
				if prefix != "" {
					out.kids = append(out.kids, c.leaf(prefix))
				}
				tn := c.richText(t)
				if etal != nil {
					c.decorate(tn, etal)
				}
				out.kids = append(out.kids, tn)
			}
		}
	}
	if ne != nil && truncated && !useLast {
		// citeproc-js gives the names joined to "et al." cs:name's
		// affixes and formatting once more as a whole (a list without
		// "et al." has them on each name only)
		n2 := c.list("", c.kids(out))
		n2.prefix, n2.suffix = ne.prefix, ne.suffix
		n2.fm = ne.fm
		return n2
	}
	return out
}

// perName gives one name cs:name's formatting: citeproc-js formats each
// name, not the list with its delimiters and "and". A personal name takes
// cs:name's affixes too (each name of the list, not the list: "Pons S,
// Service R," with suffix=","); an institution takes neither.
func (c *ctx) perName(n *onode, ne *el, nm Name) *onode {
	if n == nil || ne == nil {
		return n
	}
	person := !rendersAsInstitution(nm)
	if ne.fm.zero() && (!person || ne.prefix == "" && ne.suffix == "") {
		return n
	}
	if !ne.fm.zero() {
		n = c.formatted(ne.fm, c.kids(n))
	}
	if person && (ne.prefix != "" || ne.suffix != "") {
		n = c.list("", c.kids(n))
		n.prefix, n.suffix = ne.prefix, ne.suffix
	}
	return n
}

// rendersAsInstitution reports whether oneName writes the name as an
// institution: a literal, or a family name alone flagged isInstitution.
func rendersAsInstitution(n Name) bool {
	return n.Literal != "" || (n.Given == "" && n.Family != "" && n.NonDroppingParticle == "" && n.DroppingParticle == "" && n.IsInstitution)
}

// normalizeSuffix writes a name suffix's abbreviations with the style's
// initialize-with, as citeproc-js does whenever a style sets it: "Jr."
// becomes "Jr" with initialize-with="" and stays "Jr." with ". ".
func normalizeSuffix(s, term string) string {
	if s == "" || s == "Lord" || s == "Lady" || !startsRomanesque(s) {
		return s
	}
	// a period followed by a letter starts a new word
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		sb.WriteByte(s[i])
		if s[i] == '.' && i+1 < len(s) && s[i+1] != ' ' {
			sb.WriteByte(' ')
		}
	}
	toks := strings.Fields(sb.String())
	abbrev := make([]bool, len(toks))
	for i, t := range toks {
		switch {
		case len(t) > 1 && strings.HasSuffix(t, "."):
			k := strings.LastIndexByte(t, '.')
			toks[i] = t[:k] + t[k+1:]
			abbrev[i] = true
		case len(t) == 1 && strings.ToUpper(t) == t:
			abbrev[i] = true
		}
	}
	sb.Reset()
	for i, t := range toks {
		sb.WriteString(t)
		switch {
		case i == len(toks)-1:
			if abbrev[i] {
				sb.WriteString(term)
			}
		case !abbrev[i]:
			sb.WriteByte(' ')
		case len(toks[i+1]) == 1:
			sb.WriteString(term)
		default:
			sb.WriteString(term)
			if !abbrev[i+1] {
				sb.WriteByte(' ')
			}
		}
	}
	return strings.Join(strings.Fields(sb.String()), " ")
}

// startsRomanesque reports whether s starts with a letter of a Latin,
// Greek or Cyrillic script.
func startsRomanesque(s string) bool {
	r := firstRune(s)
	return unicode.IsLetter(r) && isRomanesque(string(r))
}

// isRomanesque is cslcore.IsRomanesque.
func isRomanesque(s string) bool { return cslcore.IsRomanesque(s) }

// oneName renders one name; lvl is the given-name disambiguation level
// (-1 none, 1 initials, 2 full given name).
func (c *ctx) oneName(n Name, idx int, o *nameOpts, ne *el, lvl int) *onode {
	var parts map[string]*el
	if ne != nil {
		parts = ne.nameParts
	}
	if c.substituting && c.parentNames != nil && c.parentNames.nameEl != nil && c.parentNames.nameEl != ne {
		// citeproc-js keeps the name-parts of the cs:name a
		// substitution stands in for where its own cs:name has none
		if pp := c.parentNames.nameEl.nameParts; len(pp) > 0 {
			merged := make(map[string]*el, len(pp)+len(parts))
			for k, v := range pp {
				merged[k] = v
			}
			for k, v := range parts {
				merged[k] = v
			}
			parts = merged
		}
	}
	if rendersAsInstitution(n) {
		lit := n.Literal
		if lit == "" {
			lit = n.Family
		}
		x := c.richText(lit)
		if p := parts["family"]; p != nil {
			// an institution takes the family name-part's case and
			// formatting
			if p.textCase != "" {
				c.applyCase(x, p.textCase)
			}
			if fm := p.fmFor(x); !fm.zero() {
				x = c.formatted(fm, c.kids(x))
			}
		}
		return x
	}
	if n.Family == "" && n.Given == "" {
		return nil
	}
	form := o.form
	initialize := o.hasInitWith
	switch lvl {
	case 1:
		if form == "short" {
			form = "long"
		}
	case 2:
		if form == "short" {
			form = "long"
		}
		initialize = false
	}
	if n.Family == "" {
		// citeproc-js: a name without a family name; its short form is
		// the non-dropping particle alone, most often nothing
		if form == "short" {
			if n.NonDroppingParticle == "" {
				return nil
			}
			return c.richText(n.NonDroppingParticle)
		}
		return c.richText(strings.TrimSpace(n.NonDroppingParticle + " " + n.Given))
	}
	given := n.Given
	if initialize && given != "" {
		given = c.initials(given, o.initializeWith, o.initialize)
	}
	rlevel := romanesqueLevel(n, c.itemLang())
	// piece formats its text with a name-part's formatting and text-case
	piece := func(part, s string) *onode {
		if s == "" {
			return nil
		}
		x := c.richText(s)
		if parts == nil {
			return x
		}
		p := parts[part]
		if p == nil {
			return x
		}
		if p.textCase != "" {
			c.applyCase(x, p.textCase)
		}
		if fm := p.fmFor(x); !fm.zero() {
			x = c.formatted(fm, c.kids(x))
		}
		return x
	}
	// group wraps pieces with a name-part's affixes
	// (citeproc-js joins a non-dropping particle to the family name
	// without a space after an apostrophe, a hyphen or a space, and the
	// given name, dropping and demoted particles always with a space)
	group := func(part string, kids ...*onode) *onode {
		g := c.list("", c.room(4))
		var prev *onode
		for _, k := range kids {
			if k == nil {
				continue
			}
			if len(g.kids) > 0 && (part != "family" || c.sorting || !cslcore.NonDroppingJoinsRune(plainLastRune(prev))) {
				g.kids = append(g.kids, c.leaf(" "))
			}
			g.kids = append(g.kids, k)
			prev = k
		}
		if parts != nil {
			if p := parts[part]; p != nil {
				g.prefix, g.suffix = p.prefix, p.suffix
			}
		}
		return g
	}
	fam := n.Family
	ndp := n.NonDroppingParticle
	dp := n.DroppingParticle
	if c.sorting {
		// citeproc-js's sort key drops a particle's first apostrophe
		// and joins it to the family name with a space ("d Wander",
		// "de  Frinkle" for "d’Wander", "de’ Frinkle")
		ndp, dp = dropApostrophe(ndp), dropApostrophe(dp)
	}
	suffix := n.Suffix
	if o.hasInitWith {
		suffix = normalizeSuffix(suffix, o.initializeWith)
	}
	inverted := o.asSortOrder == "all" || (o.asSortOrder == "first" && idx == 0)
	static := n.StaticOrdering || rlevel == 1
	if rlevel == 0 {
		// citeproc-js joins the parts of a name in a script not
		// written with spaces without any, and without the name-parts'
		// affixes
		if form == "short" {
			return c.list("", c.kids(piece("family", ndp), piece("family", fam)))
		}
		return c.list("", c.kids(piece("family", ndp), piece("family", fam), piece("given", given)))
	}
	if form == "short" {
		if ndp != "" && c.sorting && !static && c.st.demoteParticle != "never" {
			// citeproc-js writes a name in a sort key in sort order,
			// the short form too: the family name, then the particle
			// ("Berg van der"), unless particles are never demoted
			return c.list(" ", c.kids(group("family", piece("family", fam)), group("family", piece("family", ndp))))
		}
		if ndp != "" && inverted && !c.sorting && !static && c.st.demoteParticle == "display-and-sort" {
			// citeproc-js inverts a short name too when the list is in
			// sort order: the demoted particle follows ("Gaulle, de");
			// so does a sort key's, but with demote-non-dropping-particle
			// "never" ("Berg van der" sorts under B)
			return c.list("", c.kids(group("family", piece("family", fam)), c.leaf(o.sortSep), group("given", piece("family", ndp))))
		}
		return group("family", piece("family", ndp), piece("family", fam))
	}
	if static {
		// family name first, then the given name, a space apart and
		// without the name-parts' affixes: a name with static-ordering,
		// or (citeproc-js's mixed script) a family name without a
		// letter of cslcore.HasRomanesque and a given name that starts
		// with one, or a name of an item in Chinese or Japanese
		return c.list(" ", c.kids(c.list(" ", c.kids(piece("family", ndp), piece("family", fam))), piece("given", given)))
	}
	out := c.list("", c.room(4))
	out.tag = tagName
	if !inverted {
		g := group("given", piece("given", given))
		var sfx *onode
		if suffix != "" {
			if n.CommaSuffix {
				sfx = c.leaf(", " + suffix)
			} else {
				sfx = c.leaf(" " + suffix)
			}
		}
		f := group("family", piece("family", ndp), piece("family", fam))
		if dpn := piece("given", dp); dpn != nil {
			// citeproc-js joins a dropping particle to what follows
			// with a space, but for one that ends in an apostrophe or
			// hyphen before the family name (cslcore.DroppingJoins)
			kids := append(c.room(len(f.kids)+2), dpn)
			if ndp != "" || !cslcore.DroppingJoins(dp) {
				kids = append(kids, c.leaf(" "))
			}
			f.kids = append(kids, f.kids...)
		}
		if sfx != nil {
			f.kids = append(f.kids, sfx)
		}
		if !g.empty() {
			out.kids = append(out.kids, g)
			// a space after the given name, after one given with a
			// space at its end too ("John " + " " + "Smith", as
			// citeproc-js), not after initials or a name-part suffix
			// that end in one
			if r := plainLastRune(g); given == n.Given && strings.HasSuffix(given, " ") || r != ' ' && r != '\u00a0' {
				out.kids = append(out.kids, c.leaf(" "))
			}
		}
		out.kids = append(out.kids, f)
		return out
	}
	demote := c.st.demoteParticle == "display-and-sort" || (c.sorting && c.st.demoteParticle == "sort-only")
	var f, g *onode
	if demote {
		f = group("family", piece("family", fam))
		g = group("given", piece("given", given), piece("given", dp), piece("family", ndp))
	} else {
		f = group("family", piece("family", ndp), piece("family", fam))
		g = group("given", piece("given", given), piece("given", dp))
	}
	out.kids = append(out.kids, f)
	if !g.empty() {
		if !c.sorting && f.suffix != "" {
			// the family name-part's suffix and the sort separator are
			// one suffix in citeproc-js, joined as they are ("," and
			// ", " give ",, ") and written as sortSepParts says
			x := f.suffix + o.sortSep
			f.suffix = ""
			out.kids = c.appendSortSep(out.kids, x)
		} else if !c.sorting && strings.HasSuffix(o.sortSep, " ") {
			out.kids = c.appendSortSep(out.kids, o.sortSep)
		} else {
			out.kids = append(out.kids, c.leaf(o.sortSep))
		}
		out.kids = append(out.kids, g)
	}
	if suffix != "" {
		if !c.sorting {
			out.kids = c.appendSortSep(out.kids, o.sortSep)
		} else {
			out.kids = append(out.kids, c.leaf(o.sortSep))
		}
		out.kids = append(out.kids, c.richText(suffix))
	}
	return out
}

// appendSortSep appends the suffix x that ends an inverted name's family
// part as citeproc-js writes it (sortSepParts): one leaf when that is
// the same text, escaped the same.
func (c *ctx) appendSortSep(kids []*onode, x string) []*onode {
	if sortSepPlain(x) {
		return append(kids, c.leaf(x))
	}
	rest, w := sortSepParts(x)
	if w == "" {
		return append(kids, c.leaf(rest))
	}
	return append(kids, c.leaf(rest), c.leaf(w))
}

// sortSepPlain reports whether citeproc-js writes the suffix x of
// sortSepParts as it is: it does not end in a space, or the rest before
// its last space keeps it and does not end in white space (HTML's double
// spaces do not change).
func sortSepPlain(x string) bool {
	if n := len(x); n == 0 || x[n-1] != ' ' || n == 1 || x[n-2] > ' ' && x[n-2] < 0x80 {
		// the common ", ": no space or no-break space before the last
		return true
	}
	rest, w := sortSepParts(x)
	return w == "" && rest == x || w == " " && (rest == "" || !jsSpace(lastRune(rest)))
}

// sortSepParts is how citeproc-js writes the suffix x (the sort
// separator, after the family name-part's suffix) that ends an inverted
// name's family part: its output queue's adjust moves the last space of
// x up to the enclosing blob (w, written and escaped apart: in HTML "x  "
// stays "x  ", no no-break space) and drops that space again when the
// rest of x ends in a no-break space, or starts with a space or
// punctuation mark and ends in a space (sort-separator="  " gives
// "Carley MJ", ". " after a suffix of " " gives "Carley. MJ"). An x that
// does not end in a space is written as it is (w is "").
func sortSepParts(x string) (rest, w string) {
	if !strings.HasSuffix(x, " ") {
		return x, ""
	}
	rest = x[:len(x)-1]
	if strings.HasSuffix(rest, "\u00a0") {
		return rest, ""
	}
	if rest != "" && rest[len(rest)-1] == ' ' && (rest[0] == ' ' || isPunct(rest[0]) || strings.HasPrefix(rest, "\u00a0")) {
		return rest, ""
	}
	return rest, " "
}

// plainLastRune is the last rune of plainText(n) (utf8.RuneError when
// that is empty), without writing the text.
func plainLastRune(n *onode) rune {
	if n.empty() {
		return utf8.RuneError
	}
	if n.suffix != "" {
		return lastRune(n.suffix)
	}
	for i := len(n.kids) - 1; i >= 0; i-- {
		if k := n.kids[i]; !k.empty() {
			return plainLastRune(k)
		}
	}
	if n.text != "" {
		return lastRune(n.text)
	}
	return lastRune(n.prefix)
}

// fmFor is a name-part's formatting for its text x: citeproc-js appends
// a name part as a string, and drops the font-style of one without a
// letter of cslcore.HasRomanesque.
func (e *el) fmFor(x *onode) *formatting {
	if e.fmNoStyle != nil && !hasRomanesque(x) {
		return e.fmNoStyle
	}
	return e.fm
}

// dropApostrophe removes the first apostrophe (' or ’) of s.
func dropApostrophe(s string) string {
	if i := strings.IndexAny(s, "'\u2019"); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[:i] + s[i+w:]
	}
	return s
}

// romanesqueLevel is citeproc-js's _isRomanesque: 0 for a family name
// without a character of cslcore.HasRomanesque (written family name and
// given name together), 1 for such a family name with a given name that
// starts with one, or for any name of an item whose language is Chinese
// or Japanese (written family name first, with a space), 2 otherwise.
func romanesqueLevel(n Name, lang string) int {
	if !cslcore.HasRomanesque(n.Family) {
		if n.Given != "" && cslcore.StartsRomanesque(n.Given) {
			return 1
		}
		return 0
	}
	if len(lang) >= 2 && (lang[:2] == "ja" || lang[:2] == "zh") {
		return 1
	}
	return 2
}

// initials abbreviates given names as citeproc-js does (cslcore.Initials,
// shared with the built-in styles) with the style's
// initialize-with-hyphen.
func (c *ctx) initials(given, with string, initialize bool) string {
	return cslcore.Initials(given, with, initialize, c.st.initHyphen)
}

// substitute renders the first substitute candidate that gives output; the
// elements of a chosen cs:choose branch are candidates one by one.
func (c *ctx) substitute(e *el, kids []*el) (*onode, status, bool) {
	for _, k := range kids {
		if k.kind == kChoose {
			for _, b := range k.branches {
				if b.isElse || c.test(b) {
					if o, st, ok := c.substitute(e, b.kids); ok {
						return o, st, true
					}
					break
				}
			}
			continue
		}
		if k.kind == kText && k.term != "" {
			if _, defined := c.loc.lookup(k.term, k.form, ""); defined {
				// a term the locale defines, even as nothing, is the
				// substitution
				o, st := c.eval(k)
				if o.empty() {
					return nil, st, true
				}
			}
		}
		savedTrack := c.track
		c.track = c.newSet()
		o, st := c.eval(k)
		used := c.track
		c.track = savedTrack
		if c.track != nil {
			for v := range used {
				c.track[v] = true
			}
		}
		if o.empty() && k.kind == kNames && st.varOK {
			// names that are there but print nothing (short names
			// without a family name) are the substitution, as in
			// citeproc-js: "(1935, 4)", not the title
			return nil, st, true
		}
		if !o.empty() {
			// suppress the variables used for the rest of the cite
			if c.suppressed == nil {
				c.suppressed = c.newSet()
			}
			for v := range used {
				c.suppress(v)
			}
			wrap := c.list("", c.kids(o))
			wrap.isNames = true
			if k.kind == kNames && k.substOnly {
				c.decorateNames(wrap, e)
			} else {
				// citeproc-js renders any other substitute outside the
				// formatting, quotes and affixes of the cs:names (which
				// it applies to the names it outputs); the display and
				// strip-periods enclose the whole element
				if e.strip {
					stripPeriods(wrap)
				}
				wrap.display = e.display
			}
			// the cs:names tried its variables (citeproc-js's
			// variable_attempt): its group shows a substitution by a
			// cs:text value or term only when something else in it
			// renders a variable; a variable, a macro or a group that
			// renders counts as one
			st = status{calledVar: true, varOK: st.varOK || k.kind == kText && k.macro != nil}
			return wrap, st, true
		}
	}
	return nil, status{}, false
}

// suppressNow suppresses a variable that a substitution rendered, at once:
// a later element of the same substitution does not render it again.
func (c *ctx) suppressNow(v string) {
	if !c.substituting {
		return
	}
	if c.suppressed == nil {
		c.suppressed = c.newSet()
	}
	c.suppress(v)
}

// andJoin is the text citeproc-js writes before the last of n names: the
// conjunction with a space each side when it starts with a letter of
// cslcore.StartsRomanesque (else without spaces), the delimiter before it
// after more than two names; delimiter-precedes-last "always" puts the
// delimiter before it after one name too, "never" a space after more,
// and "after-inverted-name" (citeproc-js's reading) the delimiter after
// one name, a space after more, and the delimiter after an inverted
// name. A last name that is an institution takes the delimiter and
// delimiter-precedes-last of the institution (the style's), but for the
// delimiter after an inverted name.
func (c *ctx) andJoin(andTerm string, o *nameOpts, n int, lastInst, prevInverted bool) string {
	delim, dpl := o.delim, o.delimPrecedesLast
	if lastInst {
		delim, dpl = o.instDelim, o.instDelimPrecedesLast
	}
	var single, multiple, suffix string
	if cslcore.StartsRomanesque(andTerm) {
		single, multiple, suffix = " ", delim, " "
	}
	switch dpl {
	case "always":
		single = delim
	case "never":
		if multiple != "" {
			multiple = " "
		}
	case "after-inverted-name":
		if !lastInst {
			if single != "" {
				single = delim
			}
			if multiple != "" {
				multiple = " "
			}
		}
	}
	prefix := multiple
	if n == 2 {
		prefix = single
	}
	if o.delimPrecedesLast == "after-inverted-name" && prevInverted {
		prefix = o.delim
	}
	if prefix == " " && suffix == " " {
		return c.spaced(andTerm)
	}
	return prefix + andTerm + suffix
}
