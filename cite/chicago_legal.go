package cite

import (
	"strings"
)

// The Chicago styles' legal references (bill, hearing, legal_case,
// legislation, regulation, treaty), which the four files give in the
// Bluebook manner (CMOS18 14.173–74) by their own "legal-…" macros, the
// same in all four: "Luther v. Sagor, 1 K.B. 532 (Court of Appeal 1921),
// at 104", "Neutrality Act of 1935, Pub. L. No. 74-76, 49 Stat. 1081
// (1935)". The methods are named after the macros.

// isLegal reports whether t is one of the legal types the styles render
// with "legal-reference".
func isLegal(t string) bool {
	switch t {
	case "bill", "hearing", "legal_case", "legislation", "regulation", "treaty":
		return true
	}
	return false
}

// bibliographyLegal is the legal branch of "bibliography-notes" and
// "bibliography-author-date": the reference, then the accessed date and
// the DOI or URL, then the references variable.
func (c *chicago) bibliographyLegal() {
	r := c.r
	r.o.group("", "", ".")
	c.g(". ", "", "")
	c.legalReference()
	c.accessedDOIURL(true)
	c.extra("references")
	c.e()
	r.o.end()
}

// citationLegal is the legal branch of "citation-notes-full".
func (c *chicago) citationLegal() {
	c.g(", ", "", "")
	c.legalReference()
	c.accessedDOIURL(false)
	c.e()
}

// legalReference is "legal-reference".
func (c *chicago) legalReference() {
	r := c.r
	c.g(", ", "", "")
	defer c.e()
	if r.it.Type == "treaty" {
		c.legalTitle()
		c.treatyParties()
		c.legalDate()
		c.legalSource()
	} else {
		c.g(" ", "", "")
		c.g(", ", "", "")
		c.legalTitle()
		c.legalSource()
		c.e()
		c.legalDate()
		c.legalIdentifier()
		c.e()
	}
	// the locator, for notes
	c.g(" ", "", "")
	if c.locIs("page") && c.hasPage() {
		r.term("at", "", "", false)
	}
	c.labelLocator()
	c.e()
}

// treatyParties renders the author names of a treaty, its parties, in the
// short form joined by hyphens ("France-USSR", Bluebook 21.4.2); the
// names' et-al-min of 100 shows them all.
func (c *chicago) treatyParties() {
	r := c.r
	list := r.it.Author
	r.o.attempt()
	r.o.elem("", "", 0, false)
	defer r.o.end()
	if len(list) == 0 || r.done&vAuthor != 0 {
		return
	}
	r.o.success()
	r.o.open()
	n := len(list)
	if n >= 100 {
		n = 99
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			r.o.buf = append(r.o.buf, '-')
		}
		r.writeName(&list[i], true, false, false)
	}
	if n < len(list) {
		r.o.buf = append(r.o.buf, ", et al."...)
	}
}

// legalDate is "legal-date".
func (c *chicago) legalDate() {
	r := c.r
	it := r.it
	switch it.Type {
	case "treaty":
		c.dateIssuedFull()
	case "legal_case":
		// legal-date-case
		c.g(" ", "(", ")")
		r.plain(0, it.Extra["authority"])
		if c.hasContainer() {
			// only the year of a case published in a reporter
			c.dateIssuedYear()
		} else {
			c.dateIssuedFull()
		}
		c.e()
	default: // bill, hearing, legislation, regulation
		c.g(" ", "(", ")")
		c.g(" ", "", "")
		c.dateOriginalYear()
		r.o.elem("", "", 0, false)
		r.o.lit("&") // the "and" term, symbol form
		r.o.end()
		c.e()
		if c.hasIssued() {
			c.dateIssuedYear()
		} else {
			sub := it.ExtraDates["submitted"]
			r.date(0, &sub, dateText, "", "")
		}
		c.e()
	}
}

// dateOriginalYear is "date-original-year": the original year, "[…?]"
// when uncertain.
func (c *chicago) dateOriginalYear() {
	r := c.r
	od := &r.it.OriginalDate
	c.g("", "", "")
	if od.Circa && !od.IsZero() {
		r.date(0, od, dateYear, "[", "?]")
	} else {
		r.date(0, od, dateYear, "", "")
	}
	c.e()
}

// legalTitle is "legal-title": the title in title case; a hearing's
// title with its description, in italics ("Relations with the Soviet Union: Hearing on 73-12 before the
// 1", Bluebook 13.3).
func (c *chicago) legalTitle() {
	r := c.r
	it := r.it
	switch it.Type {
	case "hearing":
		r.o.push(true, ": ", "", "", Italic, false)
		r.tv(vTitle, it.Title, "", "", 0, false, tcCapFirst)
		c.g(" ", "", "")
		r.term("hearing", "", "", true)
		c.g(" ", "", "")
		r.term("on", "", "", false)
		c.numberVar(vNumber, it.Extra["number"], tcNone)
		c.e()
		c.g(" ", "", "")
		r.o.elem("", "", 0, false)
		r.o.lit("before the")
		r.o.end()
		r.plain(0, it.Extra["section"])
		c.e()
		c.e()
		r.o.end()
	default:
		r.tv(vTitle, it.Title, "", "", 0, false, tcTitle)
	}
}

// legalIdentifier is "legal-identifier": a hearing's witnesses
// ("testimony of …"), the status of a bill, statute or regulation (the
// future code section of an uncodified regulation).
func (c *chicago) legalIdentifier() {
	r := c.r
	it := r.it
	c.g(" ", "(", ")")
	defer c.e()
	switch {
	case it.Type == "hearing":
		r.term("testimony of", "", "", false) // the hearing term, verb form
		c.namesSymbolAnd(it.Author)
	case typeIn(it.Type, "bill", "legislation", "regulation"):
		r.plain(0, it.Extra["status"])
	}
}

// namesSymbolAnd renders the author names given name first, joined with
// "&" (name and="symbol"), shortened by the context's et-al rules.
func (c *chicago) namesSymbolAnd(list []Name) {
	r := c.r
	r.o.attempt()
	r.o.elem("", "", 0, false)
	defer r.o.end()
	if len(list) == 0 || r.done&vAuthor != 0 {
		return
	}
	r.o.success()
	r.o.open()
	n := len(list)
	shown, etal := n, false
	if r.etAlMin > 0 && n >= r.etAlMin && r.etAlUseFirst < n {
		shown, etal = r.etAlUseFirst, true
	}
	for i := 0; i < shown; i++ {
		switch {
		case i == 0:
		case i == shown-1 && !etal && shown >= 3:
			r.o.buf = append(r.o.buf, ", & "...)
		case i == shown-1 && !etal:
			r.o.buf = append(r.o.buf, " & "...)
		default:
			r.o.buf = append(r.o.buf, ", "...)
		}
		r.writeName(&list[i], false, false, false)
	}
	if etal {
		if shown >= 2 {
			r.o.buf = append(r.o.buf, ", et al."...)
		} else {
			r.o.buf = append(r.o.buf, " et al."...)
		}
	}
}

// legalIdentifierBillReport is "legal-identifier-bill-report": the genre
// and number of a bill or a report ("H.R. 4120", "Report No. 12").
func (c *chicago) legalIdentifierBillReport() {
	r := c.r
	it := r.it
	c.g(" ", "", "")
	defer c.e()
	r.plain(vGenre, it.Genre)
	if it.Extra["authority"] != "" || it.Extra["chapter-number"] != "" || c.hasContainer() {
		c.numberVar(vNumber, it.Extra["number"], tcNone)
	} else {
		c.labelNumber(true)
	}
}

// labelNumber is "label-number" ("label-number-capitalized" with
// capital): "No. 1012"; no label for a standard, always one for a statute
// or a regulation, else one for a numeric number.
func (c *chicago) labelNumber(capital bool) {
	r := c.r
	it := r.it
	n := it.Extra["number"]
	if r.done&vNumber != 0 {
		n = ""
	}
	// a legal case's docket number is one number, hyphens and all
	// ("No. 19-1392"), as citeproc-js reads it
	docket := it.Type == "legal_case"
	c.g(" ", "", "")
	defer c.e()
	switch {
	case it.Type == "standard":
	case n != "" && (numberNumeric(n, docket) || typeIn(it.Type, "legislation", "regulation")):
		t := "no."
		if !docket && numPlural(n) || docket && numPlural(strings.ReplaceAll(n, "-", "")) {
			t = "nos."
		}
		c.labelTerm(t, capital)
	}
	tc := tcNone
	if capital {
		tc = tcCapFirst
	}
	if docket {
		r.tv(vNumber, n, "", "", 0, false, tc)
		return
	}
	if capital && !isNumeric(n) {
		// citeproc-js capitalizes each part of a number it splits at
		// hyphens, commas and ampersands ("Doi-Key-1")
		r.tv(vNumber, CapitalizeParts(n), "", "", 0, false, tcNone)
		return
	}
	c.numberVar(vNumber, n, tc)
}

// numberNumeric is is-numeric="number" as citeproc-js decides it: its
// first number (up to ", ", "; ", "&", " and ", or a hyphen or en dash
// unless hyphens are part of a docket number) is numeric when, past a
// prefix of letters ("L2"), it is digits or a lower-case roman numeral
// of i, v and x followed by letters, hyphens, commas or colons only, or
// by a hyphenated run of digits; digits joined by "/" count as one
// ("1938/77"). The rest of the value does not matter ("1-a", "x-y-1").
func numberNumeric(s string, docket bool) bool {
	end := len(s)
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ',' && i+1 < len(s) && s[i+1] == ' ', s[i] == ';' && i+1 < len(s) && s[i+1] == ' ', s[i] == '&':
		case !docket && (s[i] == '-' || strings.HasPrefix(s[i:], "–")):
		case strings.HasPrefix(s[i:], " and "):
		default:
			continue
		}
		end = i
		break
	}
	f := strings.TrimSpace(s[:end])
	// a prefix of letters before digits
	i := 0
	for i < len(f) && isLetter(f[i]) {
		i++
	}
	if i > 0 && i < len(f) && isDigit(f[i]) {
		f = f[i:]
	}
	// digits, or i, v and x
	j := 0
	for j < len(f) && (isDigit(f[j]) || f[j] == '/' && j > 0 && isDigit(f[j-1]) && j+1 < len(f) && isDigit(f[j+1])) {
		j++
	}
	if j == 0 {
		for j < len(f) && (f[j] == 'i' || f[j] == 'v' || f[j] == 'x') {
			j++
		}
		if j == 0 {
			return false
		}
	}
	rest := f[j:]
	if len(rest) > 1 && rest[0] == '-' && strings.Trim(rest, "-0123456789") == "" {
		return true // "12-345"
	}
	for k := 0; k < len(rest); k++ {
		if c := rest[k]; !isLetter(c) && c != '-' && c != ',' && c != ':' {
			return false
		}
	}
	return true
}

// numPlural reports whether a number variable names more than one thing,
// as citeproc-js's labels decide: numeric, with more than one number.
func numPlural(s string) bool {
	if !isNumeric(s) {
		return false
	}
	nums := 0
	for i := 0; i < len(s); {
		if n := joinerLen(s[i:]); n > 0 {
			i += n
			continue
		}
		j := i
		for j < len(s) && joinerLen(s[j:]) == 0 {
			j++
		}
		if s[i:j] != "and" {
			nums++
		}
		i = j
	}
	return nums > 1
}

// vNumber is the number variable among the variables a substitution
// suppresses (an untitled report is cited by its number, which is then
// not repeated). It and vVersion take the top bits of varSet, clear of
// the variables render.go enumerates.
const vNumber varSet = 1 << 31

// vVersion is the version variable, suppressed likewise (an untitled
// program is cited by its version).
const vVersion varSet = 1 << 30

// numberVar renders cs:text of a number variable: a numeric value with
// its ranges en-dashed ("73–12"), any other as given ("Pub. L. 74-76").
func (c *chicago) numberVar(v varSet, val string, tc textCase) {
	r := c.r
	if !isNumeric(val) || r.done&v != 0 {
		r.tv(v, val, "", "", 0, false, tc)
		return
	}
	r.o.elem("", "", 0, false)
	r.o.success()
	r.o.open()
	if r.inSubst {
		r.used |= v
	}
	start := len(r.o.buf)
	r.o.buf = appendDashes(r.o.buf, val)
	if tc == tcCapFirst {
		capitalizeAt(r.o.buf, start)
	}
	r.o.end()
}

// volumeVar renders cs:text variable="volume" outside a substitution.
func (c *chicago) volumeVar() { c.numberVar(vVolume, c.r.it.Volume, tcNone) }

// pageFirst renders the page-first variable: the first page of the page
// range.
func (c *chicago) pageFirst() {
	r := c.r
	p := r.it.Extra["page-first"]
	if p == "" {
		p = r.it.Page
		for i := 0; i < len(p); i++ {
			if p[i] == '-' || p[i] == ',' || p[i] == '&' || p[i] == 0xE2 && len(p) > i+2 && p[i+1] == 0x80 &&
				(p[i+2] == 0x93 || p[i+2] == 0x94) {
				p = trimSpace(p[:i])
				break
			}
		}
	}
	c.numberVar(0, p, tcNone)
}

func trimSpace(s string) string {
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// labelSectionSymbol is "label-section-symbol": "§ 5.200".
func (c *chicago) labelSectionSymbol() {
	r := c.r
	s := r.it.Extra["section"]
	c.g(" ", "", "")
	defer c.e()
	if s != "" {
		r.o.elem("", "", 0, false)
		if numPlural(s) {
			r.o.lit("§§")
		} else {
			r.o.lit("§")
		}
		r.o.end()
	}
	r.plain(0, s)
}

// legalSource is "legal-source": the reporter, code or record the item is
// published in (its container title is expected in its short form).
func (c *chicago) legalSource() {
	r := c.r
	it := r.it
	reporter := func(last func()) {
		c.g(" ", "", "")
		c.volumeVar()
		r.plain(vContainerTitle, it.ContainerTitle)
		last()
		c.e()
	}
	sectionOrPage := func() {
		if it.Extra["section"] != "" {
			c.labelSectionSymbol()
		} else {
			c.pageFirst()
		}
	}
	switch it.Type {
	case "bill":
		c.g(", ", "", "")
		c.legalIdentifierBillReport()
		c.g(" ", "", "")
		r.plain(0, it.Extra["authority"])
		c.numberVar(0, it.Extra["chapter-number"], tcNone) // a session number
		c.e()
		reporter(c.pageFirst)
		c.e()
	case "hearing":
		c.g(" ", "", "")
		r.plain(0, it.Extra["authority"])
		c.numberVar(0, it.Extra["chapter-number"], tcNone)
		c.e()
	case "legal_case":
		c.g(" ", "", "")
		if c.hasContainer() {
			c.volumeVar()
			r.plain(vContainerTitle, it.ContainerTitle)
			c.labelSectionSymbol()
			if c.hasPage() || it.Extra["page-first"] != "" {
				c.pageFirst()
			} else {
				r.o.elem("", "", 0, false)
				r.o.lit("___")
				r.o.end()
			}
		} else {
			c.labelNumber(true)
		}
		c.e()
	case "legislation":
		if it.Extra["number"] == "" {
			reporter(sectionOrPage)
			return
		}
		// the number is a public law number
		c.g(", ", "", "")
		c.g(" ", "", "")
		if c.hasGenre() {
			r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
		} else {
			r.term("Pub. L.", "", "", true) // the legislation term, short form
		}
		c.labelNumber(true)
		c.e()
		reporter(c.pageFirst)
		c.e()
	case "regulation":
		c.g(", ", "", "")
		c.g(" ", "", "")
		r.plain(vGenre, it.Genre)
		c.labelNumber(true)
		c.e()
		reporter(sectionOrPage)
		c.e()
	case "treaty":
		c.g(" ", "", "")
		c.volumeVar()
		r.plain(vContainerTitle, it.ContainerTitle)
		if c.hasPage() || it.Extra["page-first"] != "" {
			c.pageFirst()
		} else {
			c.labelNumber(true)
		}
		c.e()
	}
}

// legalLocatorLabel is the legal types' label of "label-locator": the
// symbol of a chapter, paragraph or section ("§ 3", "¶ 4"), the short
// label of any other locator (Bluebook labels, CMOS18 14.174).
func (c *chicago) legalLocatorLabel() {
	r := c.r
	if r.loc.Value == "" {
		return
	}
	pl := isPlural(r.loc.Value)
	s := ""
	switch r.loc.Label {
	case "chapter":
		s = "c."
		if pl {
			s = "cc."
		}
	case "paragraph":
		s = "¶"
		if pl {
			s = "¶¶"
		}
	case "section":
		s = "§"
		if pl {
			s = "§§"
		}
	default:
		c.locatorLabel(labelShort)
		return
	}
	r.o.elem("", "", 0, false)
	r.o.lit(s)
	r.o.end()
}

// authorSort is "author-sort", the first sort key of the bibliographies:
// a legal reference sorts by its title ("legal-title"), any other item by
// "author-bib".
func (c *chicago) authorSort() {
	if isLegal(c.r.it.Type) {
		c.g("", "", "")
		c.legalTitle()
		c.e()
		return
	}
	c.authorBib()
}

// unquotedTitle is the choice of "title-primary" for the types whose
// title is neither quoted nor italic by the container rule: a patent's
// (sentence case, as given), a bill's, a collection's, a statute's, a
// regulation's or a treaty's (title case), and a legal case's (italic,
// as given).
func (c *chicago) unquotedTitle() (Decoration, textCase, bool) {
	switch t := c.r.it.Type; {
	case t == "patent":
		return 0, tcCapFirst, true
	case typeIn(t, "bill", "collection", "legislation", "regulation", "treaty"):
		return 0, tcTitle, true
	case t == "legal_case":
		return Italic, tcNone, true
	}
	return 0, tcNone, false
}

// titleShortForm is the title, its short form (title-short) with short.
func (c *chicago) titleShortForm(short bool) string {
	it := c.r.it
	if short && it.TitleShort != "" && it.Title != "" {
		return it.TitleShort
	}
	return it.Title
}

// identifierPatent is "identifier-patent": the office, "Patent" (or the
// genre) and the number, the filing date and the date of issue in full
// in every style ("US Patent 2,001,002, filed May 3, 1933, and issued
// June 4, 1935", CMOS18 14.158).
func (c *chicago) identifierPatent() {
	r := c.r
	it := r.it
	c.g(", ", "", "")
	defer c.e()
	c.g(" ", "", "")
	r.plain(0, it.Extra["authority"])
	if c.hasGenre() {
		r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
	} else {
		r.term("patent", "", "", true)
	}
	c.numberVar(vNumber, it.Extra["number"], tcNone)
	c.e()
	sub := it.ExtraDates["submitted"]
	c.g(" ", "", "")
	r.o.elem("", "", 0, false)
	r.o.lit("filed")
	r.o.end()
	r.date(0, &sub, dateText, "", "")
	c.e()
	c.g(" ", "", "")
	if c.hasIssued() && !sub.IsZero() {
		r.term("and", "", "", false)
	}
	r.o.elem("", "", 0, false)
	r.o.lit("issued")
	r.o.end()
	c.dateIssuedFull()
	c.e()
}

// organizationAuthor is the substitute of the author of a standard or
// software in the bibliography and short forms (author-bib,
// author-short): the organization that issued the standard (CMOS18
// 14.159), the publisher or developer of the software (14.169); full
// notes omit it. (The files give a webpage its publisher here too.)
func (c *chicago) organizationAuthor() {
	r := c.r
	switch r.it.Type {
	case "standard":
		r.plain(0, r.it.Extra["authority"])
	case "software":
		r.plain(vPublisher, r.it.Publisher)
	}
}

// statusText renders the status variable (already lower-cased where the
// style asks for it).
func (c *chicago) statusText(s string) { c.r.plain(0, s) }

// classicLocatorDelim is the delimiter between a short citation and its
// locator: a space before the non-numeric canonical reference of a
// classic by chapter, line or verse ("Machiavelli, The Prince 3.2",
// CMOS18 14.145), else a comma; in short notes a volume or part number
// takes the comma.
func (c *chicago) classicLocatorDelim() string {
	r := c.r
	it := r.it
	if it.Type != "classic" {
		return ", "
	}
	numbered := !c.authorDate && (c.hasVolume() || it.Extra["part-number"] != "")
	if !numbered && r.loc.Value != "" &&
		!isNumeric(r.loc.Value) && typeIn(r.loc.Label, "chapter", "line", "verse") {
		return " "
	}
	return ", "
}
