package cite

// chicago-author-date: the parenthetical citation and the reference list.
// The reference list shares the notes styles' macros; where the
// author-date file differs (the year after the author, contributors before
// the volume, month and day only in the source), the shared methods ask
// c.authorDate.

func (c *chicago) renderAuthorDate() {
	r := c.r
	if r.pos == posBib {
		if !c.inBibliography() {
			return
		}
		if isLegal(r.it.Type) {
			c.bibliographyLegal()
			return
		}
		r.o.group("", "", ".")
		// bibliography-author-date
		c.g("", "", "")
		c.g(". ", "", "")
		c.g(" ", "", "")
		c.authorBib()
		c.e()
		c.dateAuthorDate(false)
		c.titleAndSourceBib()
		c.extra("references")
		c.e()
		c.e()
		r.o.end()
		return
	}
	r.o.group("", "(", ")")
	c.g(c.classicLocatorDelim(), "", "")
	c.citationAuthorDateItem()
	// source-locator-author-date
	c.g("", "", "")
	switch {
	case !isEntry(r.it.Type) || c.hasAuthor() || c.hasLocator():
		c.labelLocator()
	case c.hasContainer() && c.hasTitle():
		// an unsigned reference entry's title stands as the locator
		c.g(" ", "", "")
		if !c.hasDOI() && !c.hasURL() {
			r.term("under", "", "", false)
		}
		t := r.it.TitleShort
		if t == "" {
			t = r.it.Title
		}
		r.tv(vTitle, t, "", "", 0, true, tcNone)
		c.e()
	}
	c.e()
	c.e()
	r.o.end()
}

// citationAuthorDateItem is "citation-author-date-item".
func (c *chicago) citationAuthorDateItem() {
	r := c.r
	// The macro's group without delimiter or affixes holds this group
	// alone, and renders as the group it holds (TestSoleChildGroup): it is
	// left out.
	c.g(", ", "", "")
	defer c.e()
	if r.it.Type == "classic" {
		// a classic is cited by its author and title, without a date
		// (CMOS18 14.145)
		c.authorInline()
		if c.hasAuthor() {
			c.titleAndDescriptionsShort()
		}
		return
	}
	if c.letterLike() && !c.accessible() {
		c.authorInline()
		c.titleAndDescriptionsShort()
		if r.pos == posFirst {
			if r.it.Type == "interview" {
				c.dateAuthorDate(true)
			}
			c.sourceMediumNote()
		}
		return
	}
	if c.hasIssued() || !r.it.ExtraDates["event-date"].IsZero() {
		c.g(" ", "", "")
		c.authorInline()
		c.dateAuthorDate(true)
		c.e()
		return
	}
	c.authorInline()
	c.dateAuthorDate(true)
}

// authorInline is "author-inline". The author-date file defines it as the
// notes files define "author-short", with the same names (short, "and"),
// the same "author-inline-and-recipient" (author-short-and-recipient to
// the letter) and the same substitutes in the same order, but for two
// rules of author-short it lacks: the series editor of a multivolume work
// before its editors, and the title before the contributors of a
// broadcast, film or song. authorShort therefore serves both; a rule of
// author-short alone applies only when !c.authorDate (see substitute).
func (c *chicago) authorInline() { c.authorShort() }

// dateAuthorDate is "date" (the reference list) or "date-short" (the
// citation): the year, or n.d.
func (c *chicago) dateAuthorDate(short bool) {
	r := c.r
	// the macro's plain group around this one is left out, as in
	// citationAuthorDateItem
	c.g("-", "", "")
	defer c.e()
	if c.hasIssued() {
		c.g(" ", "", "")
		// date-original-year, "(1934) 2009" in the list, "[1934] 2009" in text
		od := &r.it.OriginalDate
		switch {
		case od.IsZero():
		case od.Circa && short:
			r.date(0, od, dateYear, "[", "?]")
		case od.Circa:
			r.o.elem("(", ")", 0, false)
			r.date(0, od, dateYear, "[", "?]")
			r.o.end()
		case short:
			r.date(0, od, dateYear, "[", "]")
		default:
			r.date(0, od, dateYear, "(", ")")
		}
		c.g("", "", "")
		if short && c.letterLike() && !c.accessible() {
			c.dateIssuedFull()
		} else {
			c.dateIssuedYear()
		}
		c.yearSuffix()
		c.e()
		c.e()
		return
	}
	if c.dateUndatedAuthorDate(short) {
		return
	}
	if short && typeIn(r.it.Type, "classic", "collection", "entry", "entry-dictionary", "entry-encyclopedia") ||
		r.it.Type == "collection" {
		// types with an unusual reference have no n.d. (date-short), an
		// archival collection none in the list either (date, CMOS18 14.128)
		c.yearSuffix()
		return
	}
	if short && r.it.Type == "interview" && !c.accessible() {
		return // date-short: an inaccessible interview has no n.d.
	}
	switch c.k {
	case kManuscript:
		if c.hasContainer() || c.hasGenre() || c.hasTitle() || c.hasPublisher() || c.hasPlace() {
			r.term("n.d.", "", "", false)
			c.yearSuffix()
		}
	case kLetter:
		if !short || c.accessible() {
			r.term("n.d.", "", "", false)
			c.yearSuffix()
		}
	default:
		r.term("n.d.", "", "", false)
		c.yearSuffix()
	}
}

// yearSuffix renders the year-suffix variable.
func (c *chicago) yearSuffix() {
	r := c.r
	if r.yearSuffix == "" {
		return // an element that calls nothing and writes nothing leaves no trace
	}
	r.o.elem("", "", 0, false)
	r.o.success()
	r.o.open()
	r.o.buf = append(r.o.buf, r.yearSuffix...)
	r.o.end()
}
