package cite

import "strings"

// The Chicago styles: chicago-notes-bibliography (18th edition), its 17th
// edition, the shortened-notes variant and chicago-author-date. The four CSL
// files are generated from one template, so one renderer serves them; its
// methods are named after the CSL macros they implement, restricted to the
// item types and variables this package renders (see doc.go).

// kind is the item type as the Chicago macros tell types apart.
type kind uint8

const (
	kBook kind = iota
	kChapter
	kManuscript
	kLetter // personal_communication
	kSerial // article-journal, article-magazine, article-newspaper, post-weblog
	kWeb    // webpage: the website is printed as a publisher (CMOS 14.104)
)

func itemKind(it *Item) kind {
	switch it.Type {
	case "chapter":
		return kChapter
	case "manuscript":
		return kManuscript
	case "personal_communication":
		return kLetter
	case "book":
		return kBook
	case "webpage":
		return kWeb
	case "interview", "paper-conference":
		// serial unless in an edited volume (the styles' "monographic types")
		if len(it.Editor) == 0 && len(it.CollectionEditor) == 0 && len(it.ExtraNames["compiler"]) == 0 &&
			len(it.ExtraNames["editorial-director"]) == 0 {
			return kSerial
		}
		return kChapter
	case "article-journal", "article-magazine", "article-newspaper", "post-weblog", "review", "review-book":
		return kSerial
	case "periodical":
		// an issue of a journal, cited as a serial without an article
		return kSerial
	}
	if it.ContainerTitle != "" {
		return kChapter
	}
	return kBook
}

type chicago struct {
	r          *renderer
	k          kind
	ed17       bool
	short      bool
	authorDate bool
	// xdone and xused are done and used of the renderer for the name
	// variables of ExtraNames, by their index in xroles (chicago_media.go).
	xdone, xused uint32
	// locDone records that the locator was rendered: citeproc-js renders
	// it once in a citation.
	locDone bool
	// inParens records that the facts of publication are printed in
	// parentheses: citeproc-js turns parentheses nested in them into
	// brackets.
	inParens bool
}

func (c *chicago) g(delim, prefix, suffix string) { c.r.o.group(delim, prefix, suffix) }
func (c *chicago) e()                             { c.r.o.end() }

// variable tests, honouring variables consumed by a substitution
func (c *chicago) hasTitle() bool     { return c.r.has(c.r.it.Title) }
func (c *chicago) hasContainer() bool { return c.r.has(c.r.it.ContainerTitle) }
func (c *chicago) hasGenre() bool     { return c.r.has(c.r.it.Genre) }
func (c *chicago) hasEditor() bool    { return len(c.r.it.Editor) > 0 }
func (c *chicago) hasTranslator() bool {
	return len(c.r.it.Translator) > 0
}
func (c *chicago) hasAuthor() bool    { return len(c.r.it.Author) > 0 }
func (c *chicago) hasRecipient() bool { return len(c.r.it.Recipient) > 0 }
func (c *chicago) hasVolume() bool    { return c.r.has(c.r.it.Volume) }
func (c *chicago) hasPage() bool      { return c.r.has(c.r.it.Page) }
func (c *chicago) hasPublisher() bool { return c.r.has(c.r.it.Publisher) }
func (c *chicago) hasPlace() bool     { return c.r.has(c.r.it.PublisherPlace) }
func (c *chicago) hasArchive() bool   { return c.r.has(c.r.it.Archive) }
func (c *chicago) hasArchiveLocation() bool {
	return c.r.has(c.r.it.ArchiveLocation)
}
func (c *chicago) hasURL() bool    { return c.r.has(c.r.it.URL) }
func (c *chicago) hasDOI() bool    { return c.r.has(c.r.it.DOI) }
func (c *chicago) hasIssued() bool { return !c.r.it.Issued.IsZero() }
func (c *chicago) hasMedium() bool { return c.r.has(c.r.it.Medium) }
func (c *chicago) hasLocator() bool {
	return c.r.loc.Value != ""
}
func (c *chicago) locIs(label string) bool { return c.r.loc.Value != "" && c.r.loc.Label == label }
func (c *chicago) uncertain() bool         { return c.hasIssued() && c.r.it.Issued.Circa }
func (c *chicago) numericVolume() bool     { return c.hasVolume() && isNumeric(c.r.it.Volume) }

// inBibliography is the choice of the bibliography's layout: which items
// have an entry at all. Unsigned reference entries, personal
// communications a reader cannot retrieve and (in the 18th edition's notes
// style) social media posts and unpublished documents, papers and speeches
// (CMOS 14.106, 14.111, 14.114–115, 14.132) have none; the 17th edition
// omits only inaccessible documents and manuscripts, the shortened-notes
// and author-date files none of these.
func (c *chicago) inBibliography() bool {
	it := c.r.it
	t := it.Type
	notes18 := !c.ed17 && !c.short && !c.authorDate
	switch {
	case t == "classic":
		return c.hasArchive() || c.hasEditor() || c.hasTranslator() || c.hasPublisher()
	case typeIn(t, "entry", "entry-dictionary", "entry-encyclopedia"):
		return c.hasAuthor() || (c.short || c.authorDate) && (c.hasDOI() || c.hasURL())
	case t == "post" && notes18:
		return false
	case c.accessible():
		return true
	case typeIn(t, "interview", "personal_communication"):
		return false
	case notes18 && typeIn(t, "document", "manuscript", "paper-conference", "speech"):
		return false
	case c.ed17 && typeIn(t, "document", "manuscript"):
		return false
	}
	return true
}

// accessible reports the "archive archive-place container-title DOI number
// publisher references URL" test of the styles: can a reader retrieve it?
func (c *chicago) accessible() bool {
	it := c.r.it
	return c.hasArchive() || it.ArchivePlace != "" || c.hasContainer() || c.hasDOI() ||
		it.Extra["number"] != "" || c.hasPublisher() || it.Extra["references"] != "" || c.hasURL()
}

func (c *chicago) render() {
	r := c.r
	c.k = itemKind(r.it)
	switch {
	case c.authorDate:
		c.renderAuthorDate()
		return
	case r.pos == posBib:
		c.bibliography()
	case c.short || r.pos == posSubsequent:
		r.o.group("", "", ".")
		c.citationShortened()
		r.o.end()
	default:
		r.o.group("", "", ".")
		c.citationFull()
		r.o.end()
	}
}

// bibliography is the bibliography layout: which items have an entry, and
// "bibliography-notes".
func (c *chicago) bibliography() {
	r := c.r
	if !c.inBibliography() {
		return
	}
	if isLegal(r.it.Type) {
		c.bibliographyLegal()
		return
	}
	r.o.group("", "", ".")
	c.g(". ", "", "")
	c.authorBib()
	c.titleAndSourceBib()
	c.extra("references") // a patent's or a report's history
	c.e()
	r.o.end()
}

// citationFull is "citation-notes-full".
func (c *chicago) citationFull() {
	c.g("", "", "")
	defer c.e()
	if isLegal(c.r.it.Type) {
		c.citationLegal()
		return
	}
	if c.k == kLetter && !c.hasGenre() && c.hasAuthor() && c.hasRecipient() {
		c.g(" ", "", "")
	} else {
		c.g(", ", "", "")
	}
	c.authorNote()
	c.titleAndSourceNote()
	c.e()
}

// citationShortened is "citation-notes-shortened-author-title".
func (c *chicago) citationShortened() {
	c.g("", "", "")
	defer c.e()
	c.g(c.classicLocatorDelim(), "", "")
	c.shortenedItem()
	c.sourceLocatorSubsequent()
	c.e()
}

// shortenedItem is "citation-notes-shortened-author-title-item".
func (c *chicago) shortenedItem() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	c.g(", ", "", "")
	c.authorShort()
	if typeIn(r.it.Type, "entry", "entry-dictionary", "entry-encyclopedia") {
		// a printed reference work's entry is cited "under" its title
		// (CMOS 14.131): "s.v." in the 17th edition
		c.g(" ", "", "")
		if r.loc.Label != "sub-verbo" && !c.hasDOI() && !c.hasURL() && c.hasContainer() && c.hasTitle() {
			if c.ed17 {
				r.term("s.v.", "", "", false)
			} else {
				r.term("under", "", "", false)
			}
		}
		c.titleAndDescriptionsShort()
		c.e()
	} else if !isLegal(r.it.Type) {
		// a legal reference's short title is its author-short
		c.titleAndDescriptionsShort()
	}
	if c.letterLike() && !c.accessible() && r.pos == posFirst {
		if r.it.Type == "interview" {
			c.dateAuthorDate(true)
		}
		c.sourceMediumNote()
	}
	c.e()
	c.e()
}

// sourceLocatorSubsequent is "source-locator-subsequent-monographic".
func (c *chicago) sourceLocatorSubsequent() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	part := c.r.it.Extra["part-number"] != ""
	switch {
	case c.k == kSerial && part:
		// source-locator-subsequent-serial: page numbers labelled when
		// there are several locators
		c.labelPartNumber(false)
		c.labelLocatorAll()
	case c.k == kSerial:
		// source-locator-subsequent-serial
		c.labelLocator()
	case c.hasContainer():
		c.labelLocator()
	case part:
		c.labelVolume(false)
		c.labelPartNumber(false)
		c.labelLocatorAll()
	case c.numericVolume() && c.locIs("page"):
		c.g(":", "", "")
		c.volumeText()
		c.locatorText()
		c.e()
	default:
		c.labelVolume(false)
		c.labelLocator()
	}
	c.e()
}

// nameSpecs of the Chicago macros.
var (
	specAuthorNote = nameSpec{label: labelShort, labelPrefix: ", ", chicagoTerms: true}
	specAuthorBib  = nameSpec{sortFirst: true, dplAlways: true, label: labelShort, labelPrefix: ", ", chicagoTerms: true}
	specShort      = nameSpec{short: true, chicagoTerms: true}
	specLong       = nameSpec{chicagoTerms: true}
	specVerbShort  = nameSpec{label: labelVerbShort, labelBefore: true, labelSuffix: " ", chicagoTerms: true}
	specVerb       = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", chicagoTerms: true}
	specVerbCap    = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", labelCap: true, chicagoTerms: true}
	specRecipient  = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", chicagoTerms: true}
	specRecipShort = nameSpec{short: true, label: labelVerb, labelBefore: true, labelSuffix: " ", chicagoTerms: true}
	specRecipCap   = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", labelCap: true, chicagoTerms: true}
)

// substitute runs the names substitution of the author macros: the first
// name variable (or macro) that renders stands in for the author, and the
// variables it rendered are suppressed afterwards.
func (c *chicago) substitute(spec *nameSpec, fallbacks ...func()) {
	r := c.r
	it := r.it
	r.o.attempt()
	done := c.substBeforeAuthor(spec)
	try := func(v varSet, rl role, list []Name) {
		if done {
			return
		}
		if r.done&v == 0 && len(list) > 0 {
			r.inSubst = true
			r.used = 0
			r.names(v, rl, list, spec)
			r.inSubst = false
			r.done |= r.used
			done = true
		}
	}
	tryMacro := func(f func()) {
		if !done {
			done = c.substRun(f)
		}
	}
	try(vAuthor, roleAuthor, it.Author)
	if done {
		return // the rest tries substitutes only until one renders
	}
	done = c.substAfterAuthor(spec)
	if it.Type == "classic" {
		// a classic's contributors follow its title (CMOS18 14.147)
		tryMacro(func() { c.authorTitleSubstitute(c.substFor(spec)) })
	}
	if !c.authorDate && !c.hasContainer() && c.hasVolume() {
		// the notes styles list an edited multivolume work under its
		// series editor (CMOS18 14.21); author-date leads with the volume
		try(vCollectionEditor, roleCollectionEditor, it.CollectionEditor)
	}
	if it.Type != "standard" {
		// a standard's editors never stand for its author
		try(vEditor, roleEditor, it.Editor)
		try(vTranslator, roleTranslator, it.Translator)
		try(vCollectionEditor, roleCollectionEditor, it.CollectionEditor)
	}
	done = done || c.substAfterEditors(spec)
	for _, f := range fallbacks {
		tryMacro(f)
	}
}

// authorNote is "author-note".
func (c *chicago) authorNote() {
	c.g("", "", "")
	defer c.e()
	c.substitute(&specAuthorNote, func() {
		if !c.reviewedOrTitled() && c.r.it.Type != "webpage" {
			c.authorTitleSubstituteContainer()
		}
	}, func() {
		if isEntry(c.r.it.Type) && !c.hasDOI() && !c.hasURL() {
			c.referenceNote()
		}
	}, func() {
		if !c.reviewedOrTitled() {
			c.authorTitleSubstituteNote()
		}
	}, func() {
		if c.k == kManuscript && !c.hasContainer() && !c.hasGenre() && !c.hasTitle() && !c.hasPublisher() && !c.hasPlace() {
			c.sourceArchiveNote()
		}
	})
}

// referenceNote is "author-title-substitute-reference-note": an unsigned
// entry of a printed reference work is cited under the work, its title in
// the manner of a sub-verbo locator (CMOS 14.130).
func (c *chicago) referenceNote() {
	r := c.r
	c.g(", ", "", "")
	c.g(" ", "", "")
	c.g(", ", "", "")
	// author-title-substitute-container; the work's title is not repeated
	// in its source
	r.tv(vContainerTitle, r.it.ContainerTitle, "", "", Italic, false, tcTitle)
	r.done |= r.used
	c.sourceNote()
	c.e()
	c.publicationNoteBracketed()
	c.e()
	c.g(" ", "", "")
	if r.loc.Label != "sub-verbo" && c.hasContainer() && c.hasTitle() {
		if c.ed17 {
			r.term("s.v.", "", "", false)
		} else {
			r.term("under", "", "", false)
		}
		c.titlePrimary()
	}
	c.e()
	c.e()
}

// authorBib is "author-bib".
func (c *chicago) authorBib() {
	c.g("", "", "")
	defer c.e()
	// every substitute of the author-bib macro is a cs:names without a
	// cs:name of its own or a text: citeproc-js compares each with the
	// last entry's names
	c.r.markAuthor, c.r.markText = true, true
	defer func() { c.r.markAuthor, c.r.markText = false, false }()
	c.substitute(&specAuthorBib, c.organizationAuthor, func() {
		c.authorTitleSubstituteContainer()
	}, func() {
		c.authorTitleSubstitute(substBib)
	}, func() {
		if c.k == kManuscript && !c.hasContainer() && !c.hasGenre() && !c.hasTitle() && !c.hasPublisher() && !c.hasPlace() {
			c.sourceArchiveBib()
		}
	})
}

// authorShort is "author-short" (with "author-short-and-recipient" for
// letters), and author-date's "author-inline" (see authorInline).
func (c *chicago) authorShort() {
	c.g("", "", "")
	defer c.e()
	if isLegal(c.r.it.Type) {
		c.titleAndDescriptionsShort()
		return
	}
	if c.letterLike() {
		c.authorShortAndRecipient()
		return
	}
	c.substitute(&specShort, c.organizationAuthor, func() {
		c.authorTitleSubstituteContainerShortAll()
	}, func() {
		c.authorTitleSubstitute(substShort)
	}, func() {
		if c.k == kManuscript && !c.hasContainer() && !c.hasGenre() && !c.hasTitle() && !c.hasPublisher() && !c.hasPlace() {
			c.sourceArchiveNote()
		}
	})
}

// authorShortAndRecipient is "author-short-and-recipient".
func (c *chicago) authorShortAndRecipient() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	it := r.it
	c.g(" ", "", "")
	substTitle := func(spec *nameSpec) {
		if c.hasAuthor() {
			r.names(vAuthor, roleAuthor, it.Author, spec)
			return
		}
		r.o.group("", "", "")
		r.inSubst = true
		r.used = 0
		c.titleAndDescriptionsShort()
		r.inSubst = false
		r.done |= r.used
		r.o.attempt()
		r.o.end()
	}
	switch {
	case !c.accessible():
		if r.pos == posFirst {
			substTitle(&specLong)
		} else {
			substTitle(&specShort)
		}
		switch {
		case c.hasGenre():
		case r.pos == posFirst:
			r.names(vRecipient, roleRecipient, it.Recipient, &specRecipient)
		default:
			r.names(vRecipient, roleRecipient, it.Recipient, &specRecipShort)
		}
	case c.hasAuthor() && c.hasRecipient():
		r.names(vAuthor, roleAuthor, it.Author, &specShort)
		if !c.hasGenre() {
			r.names(vRecipient, roleRecipient, it.Recipient, &specRecipShort)
		}
	default:
		substTitle(&specShort)
	}
	c.e()
}

// authorTitleSubstituteNote is "author-title-substitute-note".
func (c *chicago) authorTitleSubstituteNote() {
	c.authorTitleSubstitute(substNote)
}

// titleAndSourceNote is "title-and-source-note".
func (c *chicago) titleAndSourceNote() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	c.g(" ", "", "")
	c.g(", ", "", "")
	if c.serialBroadcast() {
		c.titleAndSourceBroadcast(false)
	} else if c.r.it.Type == "chapter" && c.hasContainer() && c.hasGenre() {
		c.g(" ", "", "")
		c.titleAndDescriptionsNote()
		c.sourceNote()
		c.e()
	} else {
		c.titleAndDescriptionsNote()
		c.sourceNote()
	}
	c.publicationNoteUnbracketed()
	c.e()
	c.publicationNoteBracketed()
	c.e()
	if c.k != kSerial {
		// the serial locator is in source-serial-locator
		c.sourceMonographicLocator()
	}
	c.sourceMediumNote()
	c.sourceArchiveNote()
	c.accessedDOIURL(false)
	c.e()
}

// titleAndSourceBib is "title-and-source-bib".
func (c *chicago) titleAndSourceBib() {
	c.g("", "", "")
	defer c.e()
	c.g(". ", "", "")
	if c.serialBroadcast() {
		c.titleAndSourceBroadcast(true)
	} else if c.r.it.Type == "chapter" && c.hasContainer() && c.hasGenre() {
		c.g(" ", "", "")
		c.titleAndDescriptionsBib()
		c.sourceMonographic(true)
		c.e()
	} else {
		c.titleAndDescriptionsBib()
		if c.k == kSerial {
			c.sourceSerial(true)
		} else {
			c.sourceMonographic(true)
		}
	}
	c.g(", ", "", "")
	c.sourceEventWithDate()
	if c.k != kSerial {
		c.sourceMonographicPublication(true)
	}
	c.e()
	c.sourceMediumBib()
	c.sourceArchiveBib()
	c.accessedDOIURL(true)
	c.e()
}

// titlePrimary is "title-primary": quoted for parts (chapters, manuscripts,
// letters), italic for books.
func (c *chicago) titlePrimary() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if f, tc, ok := c.unquotedTitle(); ok {
		r.tv(vTitle, c.titleShortForm(r.it.Type == "patent"), "", "", f, false, tc)
	} else if c.italicTitle() {
		r.tv(vTitle, r.it.Title, "", "", Italic, false, tcTitle)
	} else {
		r.tv(vTitle, r.it.Title, "", "", 0, true, c.titleCase())
	}
}

// italicTitle reports whether the title is italic (a book, or a chapter
// without a container) rather than quoted (a part of a book, a manuscript,
// a letter).
func (c *chicago) italicTitle() bool {
	switch c.k {
	case kManuscript, kLetter:
		return false
	}
	t := c.r.it.Type
	switch {
	case typeIn(t, "book", "classic", "graphic", "hearing", "map"):
		return true
	case c.hasContainer():
		return false
	case typeIn(t, "article", "dataset", "document", "interview", "paper-conference", "post", "speech", "thesis", "webpage"):
		return false
	}
	return true
}

// titleCase is the case of a quoted title: title case, but as given for
// a dictionary's headword, an unsigned encyclopedia entry and a post
// (title-primary).
func (c *chicago) titleCase() textCase {
	t := c.r.it.Type
	switch {
	case t == "entry-encyclopedia" && c.hasAuthor() && c.hasContainer():
	case typeIn(t, "entry-dictionary", "entry-encyclopedia") && c.hasContainer(), t == "post":
		return tcNone
	}
	return tcTitle
}

// titleBib is "title-bib" (a review's title only when it is not the
// reviewed work's).
func (c *chicago) titleBib() {
	if c.reviewHidesTitle() {
		return
	}
	it := c.r.it
	if c.authorDate && !c.partAtTitle() && !c.hasContainer() {
		// title-monographic-bib-specific-title-first: author-date lists
		// a part or a volume under its own title (CMOS18 14.21)
		switch {
		case it.Extra["part-title"] != "":
			c.titlePart()
			return
		case it.Extra["volume-title"] != "":
			c.titleVolume()
			return
		}
	}
	c.titleAndPartTitle(true)
}

// lit renders a cs:text value.
func (c *chicago) lit(s string) {
	c.r.o.elem("", "", 0, false)
	c.r.o.lit(s)
	c.r.o.end()
}

// identifierVolumeBibSpecificTitleFirst is author-date's
// "identifier-volume-bib-specific-title-first": after a part or volume
// listed under its own title, the whole it belongs to ("Pt. 2 of The War
// Years, vol. 3 of Embassy Papers").
func (c *chicago) identifierVolumeBibSpecificTitleFirst() {
	it := c.r.it
	pn, vol := it.Extra["part-number"] != "", c.hasVolume()
	c.g(", ", "", "")
	defer c.e()
	switch {
	case c.specificTitleFirst(true, c.titlePrimary):
	case pn && vol:
		c.labelVolume(true)
		c.labelPartNumber(false)
	case pn:
		c.labelPartNumber(true)
	case vol:
		c.labelVolume(true)
	}
}

// specificTitleFirst renders what the "…-specific-title-first" macros
// share: when the item has a part or volume title, the part and volume
// labels, "of" and the whole they belong to (whole renders its title):
// "Pt. 2 of The War Years, vol. 3 of Embassy Papers", the first label
// capitalized when capital. It reports whether it rendered; without a
// part or volume title it renders nothing.
func (c *chicago) specificTitleFirst(capital bool, whole func()) bool {
	it := c.r.it
	pn, pt := it.Extra["part-number"] != "", it.Extra["part-title"] != ""
	vol, vt := c.hasVolume(), it.Extra["volume-title"] != ""
	switch {
	case pn && pt && vol && vt:
		c.g(" ", "", "")
		c.labelPartNumber(capital)
		c.lit("of")
		c.titleVolume()
		c.e()
		c.g(" ", "", "")
		c.labelVolume(false)
		c.lit("of")
		whole()
		c.e()
	case pt || vt:
		c.g(" ", "", "")
		switch {
		case pn && vol:
			c.g(", ", "", "")
			c.labelVolume(capital)
			c.labelPartNumber(false)
			c.lit("of")
			c.e()
		case pn:
			c.labelPartNumber(capital)
			c.lit("of")
		case vol:
			c.labelVolume(capital)
			c.lit("of")
		}
		whole()
		c.e()
	default:
		return false
	}
	return true
}

// partAtTitle reports whether title-note and title-bib print the part
// number and title with the title ("title-and-part-filter-review-…"):
// posts, web pages and serials, and interviews and conference papers
// without a monographic editor.
func (c *chicago) partAtTitle() bool {
	t := c.r.it.Type
	switch {
	case typeIn(t, "post", "webpage"), serialType(t):
		return true
	case c.hasMonographicEditor():
		return false
	}
	return typeIn(t, "interview", "paper-conference")
}

// titleAndPartTitle is "title-and-part-title-note" ("-bib" with bib)
// where title-note and title-bib use it, else "title-primary".
func (c *chicago) titleAndPartTitle(bib bool) {
	it := c.r.it
	if !c.partAtTitle() || it.Extra["part-number"] == "" && it.Extra["part-title"] == "" {
		c.titlePrimary()
		return
	}
	if bib {
		c.g(". ", "", "")
	} else {
		c.g(", ", "", "")
	}
	c.titlePrimary()
	c.g(", ", "", "")
	c.labelPartNumber(bib)
	c.titlePart()
	c.e()
	c.e()
}

// titleShort is "title-short" ("title-primary-short").
func (c *chicago) titleShort() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.isReview() && (r.it.Extra["reviewed-genre"] == "" || !c.hasTitle()) {
		c.descriptionShortMedia()
		return
	}
	t := r.it.TitleShort
	if t == "" {
		t = r.it.Title
	}
	if r.it.Title == "" {
		t = ""
	}
	if f, tc, ok := c.unquotedTitle(); ok {
		r.tv(vTitle, t, "", "", f, false, tc)
	} else if c.italicTitle() && !c.isReview() {
		r.tv(vTitle, t, "", "", Italic, false, tcTitle)
	} else if c.isReview() {
		r.tv(vTitle, t, "", "", 0, true, tcTitle)
	} else {
		r.tv(vTitle, t, "", "", 0, true, c.titleCase())
	}
}

// titleAndDescriptionsNote is "title-and-descriptions-note".
func (c *chicago) titleAndDescriptionsNote() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	switch {
	case c.hasTitle() && !c.reviewHidesTitle():
		c.titleAndPartTitle(false)
	case typeIn(c.r.it.Type, "bill", "report"):
		// an untitled bill or report is cited by its number
		c.identifierNumber(false)
		c.identifierNote()
		c.description(false)
		c.e()
		return
	}
	c.description(false)
	c.identifierNote()
	c.e()
}

// titleAndDescriptionsBib is "title-and-descriptions-bib".
func (c *chicago) titleAndDescriptionsBib() {
	c.g("", "", "")
	defer c.e()
	c.g(". ", "", "")
	switch {
	case c.hasTitle() && !c.reviewHidesTitle():
		c.titleBib()
	case typeIn(c.r.it.Type, "bill", "report"):
		// an untitled bill or report is cited by its number
		c.identifierNumber(true)
		c.identifierBib()
		c.description(true)
		c.e()
		return
	}
	c.description(true)
	c.identifierBib()
	c.e()
}

// titleAndDescriptionsShort is "title-and-descriptions-short".
func (c *chicago) titleAndDescriptionsShort() {
	c.g("", "", "")
	defer c.e()
	if c.hasTitle() {
		c.titleShort()
		return
	}
	if typeIn(c.r.it.Type, "bill", "report") {
		// a bill or report without a title is cited by its number
		c.legalIdentifierBillReport()
		return
	}
	if c.descriptionShortMedia() {
		return
	}
	if c.k == kLetter {
		c.descriptionLetterShort()
		return
	}
	c.descriptionFormatShort()
}

// description is the style's "description-note" (bib false) and
// "description-bib" (bib true) macros, which differ only in the form of the
// description and the capital on a recipient that opens it.
func (c *chicago) description(bib bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.descriptionMedia(bib) {
		return
	}
	format, recipient := c.descriptionFormatNote, &specRecipient
	if bib {
		format, recipient = c.descriptionFormatBib, &specRecipCap
	}
	if c.k == kLetter && c.hasRecipient() {
		c.g(", ", "", "")
		if c.hasGenre() {
			c.g(" ", "", "")
			format()
			r.names(vRecipient, roleRecipient, r.it.Recipient, &specRecipient)
			c.e()
		} else {
			r.names(vRecipient, roleRecipient, r.it.Recipient, recipient)
		}
		r.plain(0, r.it.Extra["event-place"])
		c.dateEventFull()
		c.e()
		return
	}
	if r.it.Type == "thesis" {
		// the thesis type goes with the university (source-publication-description)
		return
	}
	if c.hasContainer() && typeIn(r.it.Type, "document", "report", "software", "standard") {
		// placed after the container (source-monographic-description)
		return
	}
	format()
}

// descriptionFormatNote is "description-format-note".
func (c *chicago) descriptionFormatNote() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	switch {
	case c.hasGenre() && r.it.Extra["number"] != "":
	case c.hasGenre():
		r.plain(vGenre, r.it.Genre)
	case c.accessible():
	case c.k == kManuscript:
		r.term("unpublished manuscript", "", "", false)
	case c.k == kLetter:
		r.term("personal communication", "", "", false)
	}
}

// descriptionFormatBib is "description-format-bib".
func (c *chicago) descriptionFormatBib() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	switch {
	case c.hasGenre() && r.it.Extra["number"] != "":
	case c.hasGenre():
		r.tv(vGenre, r.it.Genre, "", "", 0, false, tcCapFirst)
	case c.accessible():
	case c.k == kManuscript:
		r.term("unpublished manuscript", "", "", true)
	case c.k == kLetter:
		r.term("personal communication", "", "", true)
	}
}

// descriptionFormatShort is "description-format-short".
func (c *chicago) descriptionFormatShort() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	switch {
	case r.it.Type == "chapter" && c.hasContainer() && c.hasGenre():
		r.plain(vGenre, r.it.Genre)
		c.g(" ", "", "")
		r.term("to", "", "", false)
		r.tv(vContainerTitle, r.it.ContainerTitle, "", "", Italic, false, tcTitle)
		c.e()
	case c.hasGenre():
		r.plain(vGenre, r.it.Genre)
	case c.hasMedium():
		r.plain(vMedium, r.it.Medium)
	case c.accessible():
	case c.k == kManuscript:
		// The style's own "manuscript" term stands in for the short form.
		r.term("unpublished manuscript", "", "", false)
	case c.k == kLetter:
		r.term("pers. comm.", "", "", false)
	}
	c.e()
}

// descriptionLetterShort is "description-letter-short".
func (c *chicago) descriptionLetterShort() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(", ", "", "")
	if c.hasGenre() && c.hasRecipient() {
		c.g(" ", "", "")
		c.descriptionFormatShort()
		r.names(vRecipient, roleRecipient, r.it.Recipient, &specRecipShort)
		c.e()
	} else {
		c.descriptionFormatShort()
	}
	r.plain(0, r.it.Extra["event-place"])
	if r.it.ExtraDates["event-date"].IsZero() {
		c.dateIssuedFull()
	} else {
		c.dateEventFull()
	}
	c.e()
}

// identifierNote is "identifier-note".
func (c *chicago) identifierNote() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	t := c.r.it.Type
	switch {
	case c.r.it.Type == "patent":
		c.identifierPatent()
	case typeIn(t, "post", "webpage"):
		c.identifierNumber(false)
		c.labelVersion(false)
		c.identifierEdition(false)
		c.contributorsNote()
	case c.hasContainer() && c.k == kSerial:
		// identifier-contributors-serial-note
		c.r.names(vTranslator, roleTranslator, c.r.it.Translator, &specVerbShort)
		c.contributorsSerialExtra(false)
	case c.hasContainer():
		if typeIn(t, "broadcast", "graphic", "map", "motion_picture") {
			c.identifierNumber(false)
		}
		c.contributorsNote()
	case c.k == kSerial:
		c.identifierNumber(false)
		c.labelVersion(false)
		c.identifierEdition(false)
		c.r.names(vTranslator, roleTranslator, c.r.it.Translator, &specVerbShort)
		c.contributorsSerialExtra(false)
	default:
		if (c.hasTitle() || t != "report") && t != "song" {
			c.identifierNumber(false)
		}
		c.labelVersion(false)
		c.identifierEdition(false)
		c.contributorsAndVolumeNote()
	}
	c.e()
}

// labelVersion is "label-version" (capital false) and
// "label-version-capitalized": "version 1.2", "v. 3.1" for software (CMOS
// 14.169).
func (c *chicago) labelVersion(capital bool) {
	r := c.r
	v := r.it.Extra["version"]
	if r.done&vVersion != 0 {
		v = "" // rendered by a substitution
	}
	c.g(" ", "", "")
	defer c.e()
	if v == "" {
		return
	}
	if r.it.Type == "software" {
		r.term("v.", "", "", capital)
	} else {
		r.term("version", "", "", capital)
	}
	r.tv(vVersion, v, "", "", 0, false, tcNone)
}

// identifierBib is "identifier-bib".
func (c *chicago) identifierBib() {
	c.g("", "", "")
	defer c.e()
	c.g(". ", "", "")
	t := c.r.it.Type
	switch {
	case c.r.it.Type == "patent":
		c.identifierPatent()
	case typeIn(t, "post", "webpage"):
		c.identifierNumber(true)
		c.labelVersion(true)
		c.identifierEdition(true)
		c.contributorsBib()
	case c.hasContainer() && c.k == kSerial:
		// identifier-contributors-serial-bib
		c.r.names(vTranslator, roleTranslator, c.r.it.Translator, &specVerbCap)
		c.contributorsSerialExtra(true)
	case c.hasContainer():
		if typeIn(t, "broadcast", "graphic", "map", "motion_picture") {
			c.identifierNumber(true)
		}
		c.contributorsBib()
	case c.k == kSerial:
		c.identifierNumber(true)
		c.labelVersion(true)
		c.identifierEdition(true)
		c.r.names(vTranslator, roleTranslator, c.r.it.Translator, &specVerbCap)
		c.contributorsSerialExtra(true)
	default:
		if (c.hasTitle() || t != "report") && t != "song" {
			c.identifierNumber(true)
		}
		c.labelVersion(true)
		c.identifierEdition(true)
		c.contributorsAndVolumeBib()
	}
	c.e()
}

// editorTranslator renders editors and translators as one cs:names with
// the two variables ("edited by X, translated by Y"); identical lists are
// one "edited and translated by" list, as citeproc-js does.
func (c *chicago) editorTranslator(delim string, spec *nameSpec) {
	r := c.r
	it := r.it
	if c.hasEditor() && c.hasTranslator() && r.done&(vEditor|vTranslator) == 0 && sameNames(it.Editor, it.Translator) {
		r.names(vEditor|vTranslator, roleEditorTranslator, it.Editor, spec)
		return
	}
	c.g(delim, "", "")
	r.names(vEditor, roleEditor, it.Editor, spec)
	r.names(vTranslator, roleTranslator, it.Translator, spec)
	c.e()
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

// contributorsNote is "identifier-contributors-monographic-note".
func (c *chicago) contributorsNote() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	if !c.hasContainer() || typeIn(c.r.it.Type, "post", "webpage") {
		c.r.names(vContainerAuthor, roleContainerAuthor, c.r.it.ContainerAuthor, &specVerb)
		c.editorTranslator(", ", &specVerbShort)
	}
	c.contributorsMonographicExtra(false)
	c.e()
}

// contributorsBib is "identifier-contributors-monographic-bib".
func (c *chicago) contributorsBib() {
	c.g("", "", "")
	defer c.e()
	c.g(". ", "", "")
	if !c.hasContainer() || typeIn(c.r.it.Type, "post", "webpage") {
		c.r.names(vContainerAuthor, roleContainerAuthor, c.r.it.ContainerAuthor, &specVerbCap)
		c.editorTranslator(". ", &specVerbCap)
	}
	c.contributorsMonographicExtra(true)
	c.e()
}

// contributorsAndVolumeNote is
// "identifier-contributors-and-volume-monographic-note".
func (c *chicago) contributorsAndVolumeNote() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(", ", "", "")
	if c.hasVolume() {
		r.names(vCollectionEditor, roleCollectionEditor, r.it.CollectionEditor, &specVerbShort)
	}
	c.identifierVolumeNote()
	c.contributorsNote()
	if !c.hasVolume() && !c.locIs("column") && !c.locIs("folio") && !c.locIs("page") {
		numberOfVolumes(r)
	}
	c.e()
}

// contributorsAndVolumeBib is
// "identifier-contributors-and-volume-monographic-bib".
func (c *chicago) contributorsAndVolumeBib() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.authorDate {
		// identifier-contributors-and-volume-monographic-bib-specific-title-first
		it := r.it
		parts := c.hasVolume() || it.Extra["part-number"] != "" || it.Extra["part-title"] != "" ||
			it.Extra["volume-title"] != ""
		c.g(". ", "", "")
		c.contributorsBib()
		c.g(", ", "", "")
		c.identifierVolumeBibSpecificTitleFirst()
		if parts || it.NumberOfVolumes != "" {
			// a multivolume work's editor; otherwise it goes with the series
			r.names(vCollectionEditor, roleCollectionEditor, it.CollectionEditor, &specVerb)
		}
		c.e()
		if !parts {
			numberOfVolumes(r)
		}
		c.e()
		return
	}
	c.g(". ", "", "")
	if c.hasVolume() {
		r.names(vCollectionEditor, roleCollectionEditor, r.it.CollectionEditor, &specVerbCap)
	}
	c.g(", ", "", "")
	c.identifierVolumeBib()
	if c.hasVolume() {
		// identifier-contributors-monographic-bib-multivolume
		c.g(", ", "", "")
		if !c.hasContainer() {
			r.names(vContainerAuthor, roleContainerAuthor, r.it.ContainerAuthor, &specVerb)
			c.editorTranslator(", ", &specVerb)
		}
		c.contributorsMultivolumeExtra()
		c.e()
	}
	c.e()
	if !c.hasVolume() {
		c.contributorsBib()
		numberOfVolumes(r)
	}
	c.e()
}

// identifierVolumeNote is "identifier-volume-note".
func (c *chicago) identifierVolumeNote() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	it := c.r.it
	switch {
	case it.Extra["part-number"] != "" || it.Extra["part-title"] != "" || it.Extra["volume-title"] != "":
		c.labelVolume(false)
		c.titleVolume()
		c.labelPartNumber(false)
		c.titlePart()
	case c.numericVolume() && c.locIs("page"):
		if c.hasEditor() || c.hasTranslator() || len(c.r.it.ContainerAuthor) > 0 {
			c.labelVolume(false)
		}
	case c.numericVolume() && c.hasPage():
		if c.hasEditor() || c.hasTranslator() || len(c.r.it.ContainerAuthor) > 0 || (c.hasContainer() && !c.ed17) {
			c.labelVolume(false)
		}
	case c.hasVolume():
		c.labelVolume(false)
	}
	c.e()
}

// identifierVolumeBib is "identifier-volume-bib".
func (c *chicago) identifierVolumeBib() {
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	it := c.r.it
	switch {
	case c.hasVolume() || it.Extra["volume-title"] != "":
		// with a volume or a volume title, the part number is not
		// capitalized
		c.labelVolume(true)
		c.titleVolume()
		c.labelPartNumber(false)
		c.titlePart()
	case it.Extra["part-number"] != "" || it.Extra["part-title"] != "":
		c.labelPartNumber(true)
		c.titlePart()
	}
	c.e()
}

// labelPartNumber is "label-part-number" ("label-part-number-capitalized"
// with capital): "pt. 2", the term only before a numeric part number.
func (c *chicago) labelPartNumber(capital bool) {
	r := c.r
	v := r.it.Extra["part-number"]
	c.g(" ", "", "")
	if isNumeric(v) {
		c.labelTerm("pt.", capital)
	}
	if capital && v != "" {
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		start := len(r.o.buf)
		r.writeField(v, tcNone)
		capitalizeAt(r.o.buf, start)
		r.o.end()
	} else {
		r.plain(0, v)
	}
	c.e()
}

// titleVolume is "title-volume": quoted for manuscripts and serials,
// italic for monographs.
func (c *chicago) titleVolume() {
	it := c.r.it
	v := it.Extra["volume-title"]
	t := it.Type
	switch {
	case t == "manuscript", serialType(t):
		c.r.tv(0, v, "", "", 0, true, tcTitle)
	case c.hasMonographicEditor():
		c.r.tv(0, v, "", "", Italic, false, tcTitle)
	case typeIn(t, "interview", "paper-conference"):
		c.r.tv(0, v, "", "", 0, true, tcTitle)
	default:
		c.r.tv(0, v, "", "", Italic, false, tcTitle)
	}
}

// titlePart is "title-part".
func (c *chicago) titlePart() {
	r := c.r
	it := r.it
	v := it.Extra["part-title"]
	t := it.Type
	switch {
	case t == "patent":
		c.g("", "", "")
		r.o.elem("", "", 0, false)
		if v == "" {
			r.o.attempt()
		} else {
			r.o.success()
			r.o.open()
			start := len(r.o.buf)
			r.writeField(v, tcNone)
			capitalizeAt(r.o.buf, start)
		}
		r.o.end()
		c.e()
	case typeIn(t, "bill", "collection", "legislation", "regulation", "treaty"):
		r.tv(0, v, "", "", 0, false, tcTitle)
	case t == "legal_case":
		r.tv(0, v, "", "", Italic, false, tcNone)
	case typeIn(t, "book", "classic", "graphic", "hearing", "map"):
		r.tv(0, v, "", "", Italic, false, tcTitle)
	case t == "entry-encyclopedia" && len(it.Author) > 0 && it.ContainerTitle != "":
		r.tv(0, v, "", "", 0, true, tcTitle)
	case typeIn(t, "entry-dictionary", "entry-encyclopedia") && it.ContainerTitle != "":
		r.tv(0, v, "", "", 0, true, tcNone)
	case t == "post":
		r.tv(0, v, "", "", 0, true, tcNone)
	case t == "webpage":
		r.tv(0, v, "", "", 0, true, tcTitle)
	case it.ContainerTitle != "":
		switch {
		case serialType(t):
			r.tv(0, v, "", "", 0, true, tcTitle)
		case c.hasMonographicEditor():
			r.tv(0, v, "", "", Italic, false, tcTitle)
		case typeIn(t, "interview", "paper-conference"):
			r.tv(0, v, "", "", 0, true, tcTitle)
		default:
			r.tv(0, v, "", "", Italic, false, tcTitle)
		}
	case typeIn(t, "article", "dataset", "document", "interview", "manuscript", "paper-conference",
		"personal_communication", "speech", "thesis"):
		r.tv(0, v, "", "", 0, true, tcTitle)
	default:
		r.tv(0, v, "", "", Italic, false, tcTitle)
	}
}

// labelVolume is "label-volume" ("label-volume-capitalized" with
// capital): "vol. 3", "vols. 1–2". Like every variable, the volume is
// suppressed once a substitution has rendered it (an untitled work listed
// under "Vol. 3" does not repeat it), and its label goes with it, as a
// cs:label of an empty variable renders nothing.
func (c *chicago) labelVolume(capital bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	if c.numericVolume() && r.done&vVolume == 0 {
		t := "vol."
		if numPlural(r.it.Volume) {
			t = "vols."
		}
		// a cs:label, which citeproc-js never capitalizes for standing
		// first
		c.labelTerm(t, capital)
	}
	c.volumeTextCase(capital)
	c.e()
}

// volumeText renders cs:text variable="volume" (ranges with an en dash).
func (c *chicago) volumeText() { c.volumeTextCase(false) }

// volumeTextCase renders cs:text variable="volume", capitalized with
// capital; a substitution that renders it records it as used.
func (c *chicago) volumeTextCase(capital bool) {
	r := c.r
	r.o.elem("", "", 0, false)
	if c.hasVolume() && r.done&vVolume == 0 {
		r.o.success()
		r.o.open()
		if r.inSubst {
			r.used |= vVolume
		}
		start := len(r.o.buf)
		if isNumeric(r.it.Volume) {
			r.o.buf = appendDashes(r.o.buf, r.it.Volume)
		} else {
			appendQuoted(&r.o, r.it.Volume)
		}
		if capital {
			capitalizeAt(r.o.buf, start)
		}
	} else {
		r.o.attempt()
	}
	r.o.end()
}

// labelLocator is "label-locator".
func (c *chicago) labelLocator() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	if r.loc.Value != "" {
		numeric := isNumeric(r.loc.Value)
		switch {
		case r.loc.Label == "page":
		case isLegal(r.it.Type):
			c.legalLocatorLabel()
		case numeric && r.loc.Label == "line":
			c.locatorLabel(labelLong)
		case numeric:
			c.locatorLabel(labelShort)
		case r.loc.Label == "chapter" || r.loc.Label == "line" || r.loc.Label == "verse":
		default:
			c.locatorLabel(labelShort)
		}
	}
	c.locatorText()
	c.e()
}

// labelLocatorAll is "label-locator-all".
func (c *chicago) labelLocatorAll() {
	c.g("", "", "")
	defer c.e()
	c.g(" ", "", "")
	c.locatorLabel(labelShort)
	c.locatorText()
	c.e()
}

// locatorLabel renders cs:label variable="locator".
func (c *chicago) locatorLabel(form labelForm) {
	r := c.r
	t := r.locTerm
	if t == nil || r.loc.Value == "" {
		return
	}
	pl := isPlural(r.loc.Value)
	s := t.short
	switch {
	case form == labelLong && pl:
		s = t.longPl
	case form == labelLong:
		s = t.long
	case pl:
		s = t.shortPl
	}
	if r.loc.Label == "sub-verbo" && !c.ed17 {
		s = "under" // the Chicago styles' term (CMOS18 14.130)
	}
	if r.loc.Label == "timestamp" {
		s = "at" // the Chicago styles' term (CMOS18 14.164)
	}
	r.o.elem("", "", 0, false)
	r.o.lit(s)
	r.o.end()
}

// locatorText renders cs:text variable="locator" (page ranges in the
// Chicago range format), once in a citation as citeproc-js renders it.
func (c *chicago) locatorText() {
	if c.locDone && c.r.loc.Value != "" {
		c.r.o.elem("", "", 0, false)
		c.r.o.attempt()
		c.r.o.end()
		return
	}
	c.locDone = c.r.loc.Value != ""
	c.r.locatorText(rangeChicago16)
}

// pageText renders cs:text variable="page".
func (c *chicago) pageText() {
	r := c.r
	r.o.elem("", "", 0, false)
	if !c.hasPage() || r.done&vPage != 0 {
		r.o.attempt()
	} else {
		r.o.success()
		r.o.open()
		if r.inSubst {
			r.used |= vPage
		}
		r.o.buf = appendRange(r.o.buf, r.it.Page, rangeChicago16)
	}
	r.o.end()
}

// sourceNote is "source-note": "source-serial-note" for articles,
// "source-monographic-note" for the others.
func (c *chicago) sourceNote() {
	if c.k == kSerial {
		c.sourceSerial(false)
		return
	}
	c.sourceMonographic(false)
}

// sourceMonographic is "source-monographic-note" / "-bib".
func (c *chicago) sourceMonographic(bib bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if typeIn(r.it.Type, "patent", "post", "webpage") {
		return // a patent, post or web page has no source (source-bib, source-note)
	}
	if bib {
		c.g(". ", "", "")
	} else {
		c.g(", ", "", "")
	}
	if c.hasContainer() && c.k != kWeb && r.it.Type != "post" {
		c.g(", ", "", "")
		c.g(" ", "", "")
		// source-monographic-preposition
		switch t := r.it.Type; {
		case typeIn(t, "broadcast", "motion_picture"):
		case t == "chapter" && c.hasGenre():
			r.term("to", "", "", false)
		case isEntry(t):
			// only for signed entries; otherwise the title is substituted
			if c.hasAuthor() || len(r.it.ExtraNames["composer"]) > 0 {
				r.term("in", "", "", bib)
			}
		default:
			r.term("in", "", "", bib)
		}
		switch {
		case c.authorDate && r.it.Extra["part-title"] != "":
			// source-monographic-title-specific-title-first
			c.titlePart()
		case c.authorDate && r.it.Extra["volume-title"] != "":
			c.titleVolume()
		default:
			r.tv(vContainerTitle, r.it.ContainerTitle, "", "", Italic, false, tcTitle)
		}
		c.e()
		if typeIn(r.it.Type, "document", "report", "software", "standard") {
			// source-monographic-description: the genre after the container
			c.descriptionFormatNote()
		}
		c.sourceMonographicIdentifier(bib)
		if bib {
			c.sourceMonographicLocator()
		}
		c.e()
	}
	if bib {
		c.contributorsAfterContainerAuthor()
	}
	// source-series
	c.g(", ", "", "")
	c.sourceSeriesTitle()
	c.e()
	if !bib || c.eventBeforeDate() {
		c.sourceEvent(bib)
	}
	c.e()
}

// sourceSeriesTitle is "source-series-title": the series and its number
// ("Studies in Diplomacy 4").
func (c *chicago) sourceSeriesTitle() {
	r := c.r
	it := r.it
	c.g(", ", "", "")
	defer c.e()
	if it.Extra["issue"] != "" {
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcTitle)
		c.labelCollectionNumber()
		c.labelIssue()
		return
	}
	if it.CollectionTitle != "" && isNumeric(it.CollectionNumber) {
		c.g(" ", "", "")
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcTitle)
		c.numberText(it.CollectionNumber)
		c.e()
		return
	}
	r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcTitle)
	if it.CollectionTitle != "" {
		c.numberText(it.CollectionNumber)
	}
}

// sourceMonographicIdentifierVolumeSpecificTitleFirst is author-date's
// "source-monographic-identifier-volume-bib-specific-title-first": after a
// container's part or volume listed under its own title, the whole it
// belongs to ("vol. 1 of Diplomacy"); else the volume.
func (c *chicago) sourceMonographicIdentifierVolumeSpecificTitleFirst() {
	r := c.r
	it := r.it
	container := func() { r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle) }
	c.g(", ", "", "")
	defer c.e()
	switch {
	case c.specificTitleFirst(false, container):
	case it.Extra["part-number"] != "":
		c.labelVolume(false)
		c.labelPartNumber(false)
	default:
		c.labelVolume(false)
	}
}

// sourceMonographicIdentifier is "source-monographic-identifier-note"/"-bib".
func (c *chicago) sourceMonographicIdentifier(bib bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if !c.hasContainer() {
		return
	}
	c.g(", ", "", "")
	if !typeIn(r.it.Type, "broadcast", "graphic", "map", "motion_picture", "song") {
		c.identifierNumber(bib)
	}
	c.labelVersion(false)
	c.identifierEdition(false)
	spec := &specVerbShort
	if bib {
		spec = &specVerb
	}
	if c.authorDate {
		// source-monographic-identifier-contributors-and-volume-bib-specific-title-first
		c.g(", ", "", "")
		c.g(", ", "", "")
		if bib && len(r.it.ContainerAuthor) > 0 {
			r.names(vContainerAuthor, roleContainerAuthor, r.it.ContainerAuthor, &specVerb)
		} else {
			c.editorTranslator(", ", spec)
			c.sourceContributorsExtra(bib)
		}
		c.e()
		c.sourceMonographicIdentifierVolumeSpecificTitleFirst()
		it := r.it
		parts := c.hasVolume() || it.Extra["part-number"] != "" || it.Extra["part-title"] != "" ||
			it.Extra["volume-title"] != ""
		if parts || it.NumberOfVolumes != "" {
			r.names(vCollectionEditor, roleCollectionEditor, r.it.CollectionEditor, spec)
		}
		if !parts && !c.hasPage() {
			numberOfVolumes(r)
		}
		c.e()
		c.e()
		return
	}
	// source-monographic-identifier-contributors-and-volume-note/bib
	c.g(", ", "", "")
	if c.hasVolume() {
		r.names(vCollectionEditor, roleCollectionEditor, r.it.CollectionEditor, spec)
	}
	c.identifierVolumeNote()
	// source-monographic-identifier-contributors-note/bib
	c.g(", ", "", "")
	if !bib {
		r.names(vContainerAuthor, roleContainerAuthor, r.it.ContainerAuthor, &specVerb)
	}
	if bib && len(r.it.ContainerAuthor) > 0 {
		// the editors follow the container's author in a sentence of
		// their own (source-monographic-identifier-contributors-bib-container-author)
		r.names(vContainerAuthor, roleContainerAuthor, r.it.ContainerAuthor, &specVerb)
	} else {
		c.editorTranslator(", ", spec)
		c.sourceContributorsExtra(bib)
	}
	c.e()
	if !c.hasVolume() && !c.hasPage() && (bib || (!c.locIs("column") && !c.locIs("folio") && !c.locIs("page"))) {
		numberOfVolumes(r)
	}
	c.e()
	c.e()
}

// sourceMonographicLocator is "source-monographic-locator".
func (c *chicago) sourceMonographicLocator() {
	c.g("", "", "")
	defer c.e()
	archived := c.hasArchive() && c.hasArchiveLocation()
	switch {
	case archived && (c.locIs("column") || c.locIs("folio") || c.locIs("page")):
	case c.numericVolume() && c.locIs("page"):
		c.g(":", "", "")
		if c.authorDate || !(c.hasEditor() || c.hasTranslator() || len(c.r.it.ContainerAuthor) > 0) {
			c.volumeText()
		}
		c.locatorText()
		c.e()
	case c.hasLocator():
		c.labelLocator()
	case c.hasContainer() && !c.ed17:
	case c.numericVolume() && c.hasPage():
		c.g(":", "", "")
		if c.authorDate || !(c.hasEditor() || c.hasTranslator() || len(c.r.it.ContainerAuthor) > 0) {
			c.volumeText()
		}
		c.pageText()
		c.e()
	case archived && c.hasPage():
	default:
		c.pageText()
	}
}

// publicationNoteUnbracketed is "source-monographic-publication-note-unbracketed".
func (c *chicago) publicationNoteUnbracketed() {
	c.g("", "", "")
	defer c.e()
	switch c.bracketing() {
	case pubUnbracketed:
		c.sourceMonographicPublication(false)
	case pubLetter:
		if !c.hasEditor() && !c.hasPage() && !c.hasVolume() {
			c.sourceMonographicPublication(false)
		}
	}
}

// publicationNoteBracketed is "source-monographic-publication-note-bracketed".
func (c *chicago) publicationNoteBracketed() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	switch c.bracketing() {
	case pubBracketed:
		r.o.elem("(", ")", 0, false)
		c.inParens = true
		c.sourceMonographicPublication(false)
		c.inParens = false
		r.o.end()
	case pubLetter:
		if c.hasEditor() || c.hasPage() || c.hasVolume() {
			r.o.elem("(", ")", 0, false)
			c.inParens = true
			c.sourceMonographicPublication(false)
			c.inParens = false
			r.o.end()
		}
	case pubUncertain:
		c.sourceMonographicPublication(false)
	}
}

// pubForm is how a note prints the facts of publication.
type pubForm uint8

const (
	pubNone        pubForm = iota // elsewhere (serials)
	pubBracketed                  // "(New Haven: Yale University Press, 2017)"
	pubUnbracketed                // ", Zenodo, February 10, 2022"
	pubUncertain                  // unbracketed before a bracketed uncertain date
	pubLetter                     // bracketed in an edited collection, else unbracketed
)

// bracketing is the choice the two source-monographic-publication-note
// macros share.
func (c *chicago) bracketing() pubForm {
	it := c.r.it
	t := it.Type
	switch {
	case c.k == kSerial:
		return pubNone
	case typeIn(t, "book", "chapter", "classic", "interview", "musical_score", "pamphlet", "paper-conference", "report", "thesis"):
		return pubBracketed
	case t == "article" && c.hasGenre() && c.hasPublisher():
		return pubBracketed
	case typeIn(t, "entry", "entry-dictionary", "entry-encyclopedia"):
		if c.hasPublisher() || c.hasPlace() || !c.hasDOI() && !c.hasURL() {
			return pubBracketed
		}
		return pubUnbracketed
	case t == "motion_picture" && c.hasPublisher():
		return pubBracketed
	case c.k == kLetter:
		return pubLetter
	case c.uncertain():
		return pubUncertain
	}
	return pubUnbracketed
}

// sourceMonographicPublication is "source-monographic-publication-note"/"-bib".
func (c *chicago) sourceMonographicPublication(bib bool) {
	c.g("", "", "")
	defer c.e()
	if c.r.it.Type == "patent" {
		return // a patent's date is in its identifier (CMOS18 14.158)
	}
	if bib {
		c.g(". ", "", "")
	} else {
		c.g("; ", "", "")
	}
	// source-publication-and-date
	c.g(", ", "", "")
	if c.k == kWeb || c.r.it.Type == "post" {
		// the website is printed as a publisher (CMOS 14.104)
		c.r.tv(vContainerTitle, c.r.it.ContainerTitle, "", "", 0, false, tcTitle)
	}
	broadcast := c.r.it.Type == "broadcast"
	if !broadcast || c.hasDOI() || c.hasURL() {
		c.publicationHistory(bib)
	}
	c.g(" ", "", "")
	c.dateStatus(bib)
	if c.authorDate {
		// source-date-specific-title-first: month and day only
		if c.k == kManuscript || c.k == kLetter || fullDateType(c.r.it.Type) ||
			isEntry(c.r.it.Type) && (c.hasDOI() || c.hasURL()) {
			r := c.r
			r.date(vIssued, &r.it.Issued, dateMonthDay, "", "")
		}
	} else {
		c.dateIssuedOrStatus()
	}
	c.e()
	if broadcast && !c.hasURL() && (bib || !c.hasDOI()) {
		c.g(" ", "", "")
		c.r.term("on", "", "", false)
		c.publicationHistory(bib)
		c.e()
	}
	c.e()
	c.originalTitle(bib)
	c.e()
}

// originalTitle is "source-publication-original-title-note"/"-bib": a
// work originally published under another title (CMOS18 13.101),
// "originally published as Title (Publisher, 1940)".
func (c *chicago) originalTitle(bib bool) {
	r := c.r
	it := r.it
	ot := it.Extra["original-title"]
	if ot == "" {
		return
	}
	c.g(" ", "", "")
	r.term("originally published as", "", "", bib)
	c.g(", ", "", "")
	c.xnames("original-author", &specXPlain)
	r.tv(0, ot, "", "", Italic, false, tcTitle)
	c.e()
	open, closing := "(", ")"
	if c.inParens {
		open, closing = "[", "]"
	}
	c.g(", ", open, closing)
	// source-publication-publisher-original-note/-bib
	tc := tcNone
	if bib {
		tc = tcCapFirst
	}
	if op := it.Extra["original-publisher"]; op != "" {
		c.g(": ", "", "")
		if c.ed17 {
			r.tv(0, it.Extra["original-publisher-place"], "", "", 0, false, tc)
		}
		r.tv(0, op, "", "", 0, false, tc)
		c.e()
	} else {
		r.tv(0, it.Extra["original-publisher-place"], "", "", 0, false, tc)
	}
	c.dateOriginal()
	c.e()
	c.e()
}

// publicationHistory is "source-publication-history-note"/"-bib": the
// original date (and publisher) before the publisher of the edition cited,
// with the edition when an original date is given ("1902; Yale University
// Press", "1934. 11th ed. New Haven").
func (c *chicago) publicationHistory(bib bool) {
	r := c.r
	it := r.it
	switch {
	case it.Extra["original-title"] != "":
		c.g(", ", "", "")
		c.pubDescription(bib)
		c.publisher(bib)
		c.e()
	case it.Edition != "" || it.Extra["original-publisher"] != "" || it.Extra["original-publisher-place"] != "":
		if bib {
			c.g(". ", "", "")
		} else {
			c.g("; ", "", "")
		}
		c.g(", ", "", "")
		tc := tcNone
		if bib {
			tc = tcCapFirst
		}
		if op := it.Extra["original-publisher"]; op != "" {
			r.tv(0, op, "", "", 0, false, tc)
		} else {
			r.tv(0, it.Extra["original-publisher-place"], "", "", 0, false, tc)
		}
		c.dateOriginal()
		c.e()
		if bib {
			c.g(". ", "", "")
		} else {
			c.g(", ", "", "")
		}
		if c.hasIssued() && !it.OriginalDate.IsZero() {
			c.labelEdition(bib)
		}
		c.g(", ", "", "")
		c.pubDescription(bib)
		c.publisher(bib)
		c.e()
		c.e()
		c.e()
	default:
		c.g("; ", "", "")
		c.dateOriginal()
		c.g(", ", "", "")
		c.pubDescription(bib)
		c.publisher(bib)
		c.e()
		c.e()
	}
}

// pubDescription is "source-publication-description-note"/"-bib": the
// type of a thesis, printed with the university (CMOS 14.113), "preprint"
// before an article's repository, "reprint" before the publisher of a
// reprinted book.
func (c *chicago) pubDescription(bib bool) {
	r := c.r
	it := r.it
	tc := tcNone
	if bib {
		tc = tcCapFirst
	}
	c.g("", "", "")
	defer c.e()
	switch {
	case it.Type == "article" && c.hasGenre():
		// a working paper's genre is in its description (CMOS18 14.116)
	case it.Type == "article":
		// a preprint in a repository (CMOS18 14.76)
		r.term("preprint", "", "", bib)
	case it.Type == "thesis":
		r.tv(vGenre, it.Genre, "", "", 0, false, tc)
	case it.Extra["original-publisher"] == "" && it.Extra["original-publisher-place"] == "":
	case it.Edition != "" || it.Extra["original-title"] != "":
		// the edition stands for "reprint" (CMOS18 14.16)
	case !typeIn(it.Type, "book", "chapter", "classic", "entry", "entry-dictionary", "entry-encyclopedia",
		"interview", "musical_score", "pamphlet", "paper-conference", "report", "thesis"):
	case c.hasIssued() && !it.OriginalDate.IsZero():
		if bib {
			r.term("reprint", "", "", true)
		} else {
			r.term("repr.", "", "", false)
		}
	}
}

// dateOriginal is "source-date-original": the original date, its year for
// books and their parts.
func (c *chicago) dateOriginal() {
	r := c.r
	od := &r.it.OriginalDate
	if c.authorDate {
		// source-date-original-month-day: the year leads the entry
		if form, ok := c.originalDateFormAuthorDate(); ok {
			r.date(0, od, form, "", "")
		}
		return
	}
	form := c.originalDateForm()
	if od.Circa && !od.IsZero() {
		r.date(0, od, form, "[", "?]")
	} else {
		r.date(0, od, form, "", "")
	}
}

// publisher is "source-publication-publisher-note"/"-bib".
func (c *chicago) publisher(bib bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	tc := tcNone
	if bib {
		tc = tcCapFirst
	}
	c.g(" ", "", "")
	if c.hasPublisher() {
		c.g(": ", "", "")
		if c.ed17 && r.it.Type != "thesis" {
			r.tv(vPublisherPlace, r.it.PublisherPlace, "", "", 0, false, tc)
		}
		r.tv(vPublisher, r.it.Publisher, "", "", 0, false, tc)
		c.e()
	} else if r.it.Extra["event-title"] == "" && r.it.ExtraDates["event-date"].IsZero() {
		r.tv(vPublisherPlace, r.it.PublisherPlace, "", "", 0, false, tc)
	}
	if r.it.Type == "song" {
		c.extra("number")
	}
	c.e()
}

// dateIssuedOrStatus is "source-date-issued-or-status".
func (c *chicago) dateIssuedOrStatus() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.hasIssued() {
		c.sourceDateIssuedFull()
		return
	}
	if c.dateUndatedMedia() {
		return
	}
	if st := r.it.Extra["status"]; st != "" {
		// an undated work's status stands for its date ("forthcoming")
		c.statusText(strings.ToLower(st))
		return
	}
	switch c.k {
	case kLetter:
		if c.accessible() {
			r.term("n.d.", "", "", false)
		}
	case kManuscript:
		if c.hasContainer() || c.hasGenre() || c.hasTitle() || c.hasPublisher() || c.hasPlace() {
			r.term("n.d.", "", "", false)
		}
	case kWeb:
		// types with an unusual reference (CMOS 14.44)
	default:
		if typeIn(r.it.Type, "classic", "collection", "entry", "entry-dictionary", "entry-encyclopedia") {
			return
		}
		r.term("n.d.", "", "", false)
	}
}

// sourceDateIssuedFull is "source-date-issued-full".
func (c *chicago) sourceDateIssuedFull() {
	c.g("", "", "")
	defer c.e()
	switch c.k {
	case kSerial:
		// source-date-issued-full-serial
		it := c.r.it
		switch {
		case c.magNews():
			c.dateIssuedFull()
		case !c.ed17 && (it.Extra["issue"] != "" && c.hasVolume() || it.Extra["supplement-number"] != ""):
			c.dateIssuedYear()
		case it.Extra["issue"] != "" || c.hasVolume():
			c.dateIssuedForm(dateYearMonth)
		default:
			c.dateIssuedFull()
		}
	case kManuscript, kLetter:
		if it := c.r.it; it.Type == "personal_communication" && !it.ExtraDates["event-date"].IsZero() {
			// a letter listed under its event date gives the year issued
			c.dateIssuedYear()
		} else {
			c.dateIssuedFull()
		}
	default:
		if fullDateType(c.r.it.Type) || isEntry(c.r.it.Type) && (c.hasDOI() || c.hasURL()) {
			c.dateIssuedFull()
		} else {
			c.dateIssuedYear()
		}
	}
}

// dateStatus is "source-date-status-note" and "-bib": the status of the
// date ("last modified"), "released" for software (CMOS 14.169), "aired"
// for a broadcast (14.165).
func (c *chicago) dateStatus(bib bool) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	it := r.it
	status := it.Extra["status"]
	t := it.Type
	hasEvent := it.Extra["event-title"] != ""
	switch {
	case !c.hasIssued():
	case t == "broadcast" && hasEvent && status != "":
	case status != "":
		capital := false
		if bib {
			switch {
			case t == "webpage" && c.hasContainer():
			case t == "webpage" && (c.hasAuthor() || c.hasTranslator()) && c.hasPublisher():
			case t == "webpage":
				capital = true
			case !it.OriginalDate.IsZero() || it.Extra["original-publisher"] != "" ||
				it.Extra["original-publisher-place"] != "" || it.Extra["original-title"] != "" || c.hasPublisher():
			default:
				capital = true
			}
		}
		tc := tcNone
		if capital {
			tc = tcCapFirst
		}
		r.tv(0, status, "", "", 0, false, tc)
	case t == "broadcast" && (c.hasURL() || !bib && c.hasDOI()):
	case t == "broadcast":
		r.term("aired", "", "", bib)
	case t == "software" && !bib:
		r.term("released", "", "", false)
	case t == "software" && c.hasPublisher():
		r.term("released", "", "", !c.hasPersonalContributor())
	case t == "software":
		r.term("released", "", "", it.OriginalDate.IsZero())
	}
}

// hasPersonalContributor reports whether the item has one of the name
// variables the styles test before "released" ("author chair … translator").
func (c *chicago) hasPersonalContributor() bool {
	it := c.r.it
	if len(it.Author) > 0 || len(it.Editor) > 0 || len(it.Translator) > 0 || len(it.CollectionEditor) > 0 {
		return true
	}
	for _, v := range []string{"chair", "compiler", "composer", "contributor", "curator", "director",
		"editor-translator", "editorial-director", "executive-producer", "guest", "host", "illustrator",
		"organizer", "producer", "series-creator"} {
		if len(it.ExtraNames[v]) > 0 {
			return true
		}
	}
	return false
}

// isEntry reports whether t is one of the types of reference-work entries.
func isEntry(t string) bool { return typeIn(t, "entry", "entry-dictionary", "entry-encyclopedia") }

// fullDateType reports whether the styles give the full issued date of an
// item of type t, as of "more ephemeral types" (source-date-issued-full).
func fullDateType(t string) bool {
	return typeIn(t, "article", "broadcast", "collection", "dataset", "document", "event", "graphic",
		"manuscript", "map", "patent", "performance", "personal_communication", "post", "software",
		"song", "speech", "standard", "webpage")
}

// dateIssuedFull is "date-issued-full".
func (c *chicago) dateIssuedFull() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.uncertain() {
		r.date(vIssued, &r.it.Issued, dateText, "[", "?]")
	} else {
		r.date(vIssued, &r.it.Issued, dateText, "", "")
	}
}

// dateIssuedYear is "date-issued-year".
func (c *chicago) dateIssuedYear() { c.dateIssuedForm(dateYear) }

// dateIssuedForm is "date-issued-year", "date-issued-year-month" or
// "date-issued-full" by form: the issued date, "[…?]" when uncertain.
func (c *chicago) dateIssuedForm(form dateForm) {
	c.g("", "", "")
	defer c.e()
	r := c.r
	if c.uncertain() {
		r.date(vIssued, &r.it.Issued, form, "[", "?]")
	} else {
		r.date(vIssued, &r.it.Issued, form, "", "")
	}
}

// skipMacro reports whether a macro that calls only the variables whose
// values are vals (and renders terms only beside them) can be skipped:
// every one is empty. It then records what the macro would leave: its
// groups dropped, the last of them having called an empty variable, which
// tells the enclosing group that a variable was called and found empty.
func (c *chicago) skipMacro(vals ...string) bool {
	if c.r.full {
		return false
	}
	for _, v := range vals {
		if v != "" {
			return false
		}
	}
	c.r.o.attempt()
	return true
}

// sourceMediumNote is "source-medium-note".
func (c *chicago) sourceMediumNote() {
	if c.skipMacro(c.r.it.Medium, c.r.it.Extra["scale"], c.r.it.Extra["dimensions"]) {
		return
	}
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	c.r.plain(vMedium, c.r.it.Medium)
	c.extra("scale")
	c.extra("dimensions")
	c.e()
}

// sourceMediumBib is "source-medium-bib".
func (c *chicago) sourceMediumBib() {
	if c.skipMacro(c.r.it.Medium, c.r.it.Extra["scale"], c.r.it.Extra["dimensions"]) {
		return
	}
	c.g("", "", "")
	defer c.e()
	c.g(", ", "", "")
	c.r.tv(vMedium, c.r.it.Medium, "", "", 0, false, tcCapFirst)
	c.extra("scale")
	c.extra("dimensions")
	c.e()
}

// sourceArchiveNote is "source-archive-note".
func (c *chicago) sourceArchiveNote() {
	if c.skipArchive() {
		return
	}
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	if r.it.Type == "graphic" {
		c.sourceArchiveInstitutionFirst()
	} else {
		c.g(", ", "", "")
		r.plain(vArchiveLocation, r.it.ArchiveLocation)
		c.sourceArchiveLocator()
		r.plain(0, r.it.Extra["archive_collection"])
		r.plain(vArchive, r.it.Archive)
		r.plain(0, r.it.ArchivePlace)
		c.e()
	}
	c.archiveDatabaseNumber()
	c.e()
}

// archiveDatabaseNumber is "source-archive-database-number" in
// parentheses: the number of a document in a database ("Stalin Digital
// Archive (42)").
func (c *chicago) archiveDatabaseNumber() {
	r := c.r
	it := r.it
	n := ""
	switch {
	case it.Extra["archive_collection"] != "" || it.ArchiveLocation != "" || it.ArchivePlace != "":
	case it.Type == "thesis":
		n = it.Extra["number"]
	case it.Type == "dataset" || it.Type == "entry" || it.Type == "song" || it.Genre != "":
	case it.Archive != "":
		n = it.Extra["number"]
	}
	r.tv(0, n, "(", ")", 0, false, tcNone)
}

// skipArchive is skipMacro for source-archive-note and -bib: the archive
// variables (and the database number, printed only with them) are empty.
// A graphic's archive (source-archive-institution-first) is not skipped.
func (c *chicago) skipArchive() bool {
	it := c.r.it
	return it.Type != "graphic" &&
		c.skipMacro(it.ArchiveLocation, it.Archive, it.ArchivePlace, it.Extra["archive_collection"], it.Extra["number"])
}

// sourceArchiveBib is "source-archive-bib".
func (c *chicago) sourceArchiveBib() {
	if c.skipArchive() {
		return
	}
	c.g("", "", "")
	defer c.e()
	r := c.r
	c.g(" ", "", "")
	if r.it.Type == "graphic" {
		c.sourceArchiveInstitutionFirst()
	} else {
		c.g(". ", "", "")
		c.g(", ", "", "")
		r.tv(vArchiveLocation, r.it.ArchiveLocation, "", "", 0, false, tcCapFirst)
		c.sourceArchiveLocator()
		c.e()
		r.plain(0, r.it.Extra["archive_collection"])
		c.g(", ", "", "")
		r.plain(vArchive, r.it.Archive)
		r.plain(0, r.it.ArchivePlace)
		c.e()
		c.e()
	}
	c.archiveDatabaseNumber()
	c.e()
}

// sourceArchiveLocator is "source-archive-locator".
func (c *chicago) sourceArchiveLocator() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	archived := c.hasArchive() && c.hasArchiveLocation()
	switch {
	case archived && (c.locIs("column") || c.locIs("folio") || c.locIs("page")):
		c.labelLocatorAll()
	case archived && c.hasPage():
		if isNumeric(r.it.Page) || !strings.ContainsAny(r.it.Page, " ,&") {
			c.g(" ", "", "")
			t := "p."
			if isPlural(r.it.Page) {
				t = "pp."
			}
			r.term(t, "", "", false)
			c.pageText()
			c.e()
		} else {
			c.pageText()
		}
	}
}

// accessedDOIURL is "source-date-accessed-DOI-URL-note"/"-bib".
func (c *chicago) accessedDOIURL(bib bool) {
	// the access date is printed only with the URL
	if c.skipMacro(c.r.it.DOI, c.r.it.URL) {
		return
	}
	c.g("", "", "")
	defer c.e()
	r := c.r
	if bib {
		c.g(". ", "", "")
	} else {
		c.g(", ", "", "")
	}
	switch {
	case c.hasDOI():
	case c.hasIssued():
	case c.hasURL() && !r.it.Accessed.IsZero():
		c.g(" ", "", "")
		r.term("accessed", "", "", bib)
		r.date(vAccessed, &r.it.Accessed, dateText, "", "")
		c.e()
	}
	c.sourceDOIURL()
	c.e()
}

// sourceDOIURL is "source-DOI-URL".
func (c *chicago) sourceDOIURL() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	switch {
	case c.hasDOI():
		r.o.elem("", "", Link, false)
		r.o.success()
		r.o.open()
		r.o.buf = append(r.o.buf, "https://doi.org/"...)
		r.o.buf = append(r.o.buf, r.it.DOI...)
		r.o.end()
	case c.hasURL():
		r.o.elem("", "", Link, false)
		r.o.success()
		r.o.open()
		r.o.buf = append(r.o.buf, r.it.URL...)
		r.o.end()
	default:
		r.o.attempt()
	}
}

// magNews reports an article of a magazine or newspaper, which the styles
// date in full instead of giving volume and issue (CMOS18 14.87, 14.89).
func (c *chicago) magNews() bool {
	return c.r.it.Type == "article-magazine" || c.r.it.Type == "article-newspaper"
}

// extra renders cs:text of a variable the Item keeps in Extra ("issue",
// "number", "status").
func (c *chicago) extra(name string) {
	c.r.tv(0, c.r.it.Extra[name], "", "", 0, false, tcNone)
}

// sourceSerial is "source-serial-note" (bib false) and "source-serial-bib".
func (c *chicago) sourceSerial(bib bool) {
	c.g("", "", "")
	defer c.e()
	it := c.r.it
	delim := ", "
	if !c.magNews() && it.CollectionTitle == "" && c.hasVolume() {
		delim = " "
	}
	if bib {
		c.g(". ", "", "")
	} else {
		c.g(", ", "", "")
	}
	c.serialTitleVolume(bib)
	c.g(delim, "", "")
	c.serialTitle(bib)
	c.serialIdentifier(bib)
	c.e()
	c.e()
}

// serialTitleVolume is "source-serial-title-volume-note"/"-bib": the
// title of a journal's special issue or supplement (CMOS 14.77–78),
// "in “Title,” edited by …".
func (c *chicago) serialTitleVolume(bib bool) {
	r := c.r
	it := r.it
	if it.Extra["volume-title"] == "" {
		return
	}
	c.g(", ", "", "")
	c.g(" ", "", "")
	// source-monographic-preposition
	switch t := it.Type; {
	case typeIn(t, "broadcast", "motion_picture"):
	case t == "chapter" && c.hasContainer() && c.hasGenre(),
		t == "article-journal" && c.hasContainer() && c.hasGenre():
		r.term("to", "", "", false)
	case isEntry(t):
		if c.hasAuthor() || len(it.ExtraNames["composer"]) > 0 {
			r.term("in", "", "", bib)
		}
	default:
		r.term("in", "", "", bib)
	}
	c.titleVolume()
	c.e()
	// source-monographic-identifier-contributors-note/bib
	spec := &specVerbShort
	if bib {
		spec = &specVerb
	}
	c.g(", ", "", "")
	r.names(vContainerAuthor, roleContainerAuthor, it.ContainerAuthor, &specVerb)
	c.editorTranslator(", ", spec)
	c.sourceContributorsExtra(bib)
	c.e()
	c.e()
}

// serialIssueKind is the description of a special issue or supplement
// before the journal's name in "source-serial-title-note"/"-bib":
// "supplement", "special issue" or "".
func (c *chicago) serialIssueKind() string {
	it := c.r.it
	supp, vt := it.Extra["supplement-number"] != "", it.Extra["volume-title"] != ""
	per := it.Type == "periodical"
	switch {
	case !c.hasContainer():
	case !per && !supp && !vt:
	case supp && vt, per && supp && c.hasTitle():
		return "supplement"
	case vt, per && c.hasTitle():
		return "special issue"
	}
	return ""
}

// serialTitle is "source-serial-title-note"/"-bib" without special issues
// and supplements.
func (c *chicago) serialTitle(bib bool) {
	c.g(", ", "", "")
	defer c.e()
	r := c.r
	it := r.it
	if k := c.serialIssueKind(); k != "" {
		r.term(k, "", "", bib)
	}
	c.serialName()
	serialIDs := it.CollectionTitle != "" || it.Extra["issue"] != "" || it.Extra["number"] != "" ||
		c.hasPage() || it.Extra["supplement-number"] != "" || c.hasVolume() || it.Extra["volume-title"] != ""
	if !serialIDs && it.ExtraDates["available-date"].IsZero() && it.Extra["status"] == "" &&
		it.Type == "article-journal" && c.hasDOI() && c.hasIssued() {
		r.term("ahead of print", "", "", false) // the styles' term

	}
}

// serialName is "source-serial-name": the journal and its place.
func (c *chicago) serialName() {
	c.g(" ", "", "")
	defer c.e()
	r := c.r
	it := r.it
	r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle)
	if it.ExtraDates["event-date"].IsZero() && it.Extra["event-title"] == "" {
		r.tv(vPublisherPlace, it.PublisherPlace, "(", ")", 0, false, tcNone)
	}
}

// serialIdentifier is "source-serial-identifier-note"/"-bib".
func (c *chicago) serialIdentifier(bib bool) {
	c.g(", ", "", "")
	defer c.e()
	it := c.r.it
	switch {
	case c.magNews():
		if bib {
			c.g(". ", "", "")
		} else {
			c.g(", ", "", "")
		}
		c.serialIdentifierVolume(bib)
		c.labelEdition(true)
		c.e()
		c.serialLocator()
	case it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" || c.hasVolume():
		c.g(": ", "", "")
		c.serialIdentifierVolume(bib)
		c.serialLocator()
		c.e()
	default:
		c.serialIdentifierVolume(bib)
		c.serialLocator()
	}
}

// serialIdentifierVolume is "source-serial-identifier-volume-note"/"-bib"
// without reviews and supplements.
func (c *chicago) serialIdentifierVolume(bib bool) {
	c.g(", ", "", "")
	defer c.e()
	r := c.r
	it := r.it
	switch {
	case c.magNews():
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcNone)
		c.serialVolumeStatus()
	case c.authorDate && (it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" || c.hasVolume()):
		// source-serial-identifier-volume-author-date: "12 (3)", "70 (June)"
		unsigned := c.isReview() && !c.hasPersonalContributor()
		if unsigned && (it.Extra["issue"] == "") != !c.hasVolume() && it.Extra["supplement-number"] == "" {
			c.dateMonthDaySerial("", "") // an unsigned review's date first
		}
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcNone)
		c.g(" ", "", "")
		if c.hasVolume() {
			switch {
			case it.CollectionTitle != "":
				c.labelVolume(false)
			case unsigned:
				c.labelVolume(true)
			default:
				c.volumeText()
			}
			c.g(", ", "(", ")")
			if it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" {
				c.numberText(it.Extra["issue"])
				c.labelSupplementNumber()
			} else if !unsigned {
				c.dateMonthDaySerial("", "")
			}
			c.e()
		} else {
			c.g(" ", "", "")
			c.g(", ", "", "")
			c.labelIssue()
			c.labelSupplementNumber()
			c.e()
			if c.hasPersonalContributor() {
				c.dateMonthDaySerial("(", ")")
			}
			c.e()
		}
		c.e()
	case it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" || c.hasVolume():
		dateFirst := c.unsignedReviewDateFirst(bib)
		if dateFirst {
			c.dateIssuedOrStatus()
		}
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcNone)
		c.g(" ", "", "")
		c.g(", ", "", "")
		if it.CollectionTitle != "" && c.hasVolume() || dateFirst {
			c.labelVolume(false)
		} else {
			c.volumeText()
		}
		c.labelIssue()
		c.labelSupplementNumber()
		c.e()
		if !dateFirst {
			r.o.elem("(", ")", 0, false)
			c.dateIssuedOrStatus()
			r.o.end()
		}
		c.e()
	default:
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcNone)
		if typeIn(it.Type, "interview", "post-weblog") {
			r.plain(vPublisher, it.Publisher)
		}
		c.serialVolumeStatus()
	}
}

// dateMonthDaySerial is author-date's "source-date-issued-month-day-serial":
// the month of a journal's volume or issue, the month and day otherwise.
func (c *chicago) dateMonthDaySerial(prefix, suffix string) {
	r := c.r
	it := r.it
	if !c.magNews() && (it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" || c.hasVolume()) {
		r.date(vIssued, &it.Issued, dateMonth, prefix, suffix)
		return
	}
	r.date(vIssued, &it.Issued, dateMonthDay, prefix, suffix)
}

// labelIssue is "label-issue": "no. 3", "nos. 1–2".
func (c *chicago) labelIssue() {
	c.g(" ", "", "")
	defer c.e()
	r := c.r
	if iss := r.it.Extra["issue"]; iss != "" {
		t := "no."
		if isPlural(iss) {
			t = "nos."
		}
		r.o.elem("", "", 0, false)
		r.o.lit(t)
		r.o.end()
	}
	c.numberText(r.it.Extra["issue"])
}

// labelSupplementNumber is "label-supplement-number": "supp. 2" ("no. 2"
// when a volume title or a periodical's title already calls it a
// supplement).
func (c *chicago) labelSupplementNumber() {
	c.g(" ", "", "")
	defer c.e()
	r := c.r
	it := r.it
	v := it.Extra["supplement-number"]
	supp, no := "supp.", "no."
	if isPlural(v) {
		supp, no = "supps.", "nos."
	}
	t := ""
	switch num := isNumeric(v); {
	case v == "":
	case it.Extra["issue"] != "":
		t = supp
	case num && it.Extra["volume-title"] != "", num && it.Type == "periodical" && c.hasTitle():
		t = no
	case num:
		t = supp
	}
	if t != "" {
		r.o.elem("", "", 0, false)
		r.o.lit(t)
		r.o.end()
	}
	c.numberText(v)
}

// serialVolumeStatus is "source-serial-volume-status-note"/"-bib" without
// the date of acceptance.
func (c *chicago) serialVolumeStatus() {
	c.g(", ", "", "")
	defer c.e()
	c.g(" ", "", "")
	if c.hasIssued() {
		// source-date-status-note
		c.extra("status")
	}
	if c.authorDate {
		// source-date-specific-title-first
		c.dateMonthDaySerial("", "")
	} else {
		c.dateIssuedOrStatus()
	}
	c.e()
}

// serialLocator is "source-serial-locator".
func (c *chicago) serialLocator() {
	c.g("", "", "")
	defer c.e()
	r := c.r
	it := r.it
	switch {
	case c.hasLocator() || it.Extra["number"] != "":
		c.g(", ", "", "")
		c.labelLocator()
		switch {
		case it.Extra["archive_collection"] != "" || c.hasArchiveLocation() || it.ArchivePlace != "":
			c.extra("number")
		case c.hasArchive():
		default:
			c.extra("number")
		}
		c.e()
	case c.magNews():
	default:
		c.pageText()
	}
}

// numberText renders cs:text of a number variable kept in Extra, ranges
// with an en dash.
func (c *chicago) numberText(v string) {
	r := c.r
	r.o.elem("", "", 0, false)
	if v == "" {
		r.o.attempt()
	} else {
		r.o.success()
		r.o.open()
		r.o.buf = appendDashes(r.o.buf, v)
	}
	r.o.end()
}

// labelEdition is "label-edition" ("label-edition-capitalized" with
// capital): "2nd ed."; an article's "Late edition" ("Late Edition"); any
// other edition's text.
func (c *chicago) labelEdition(capital bool) {
	c.g(" ", "", "")
	defer c.e()
	r := c.r
	ed := r.it.Edition
	if ed == "" || r.done&vEdition != 0 {
		r.o.elem("", "", 0, false)
		r.o.attempt()
		r.o.end()
		return
	}
	if isNumeric(ed) {
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendOrdinal(r.o.buf, ed)
		if r.inSubst {
			r.used |= vEdition
		}
		r.o.end()
		r.o.elem("", "", 0, false)
		r.o.lit("ed.")
		r.o.end()
		return
	}
	tc := tcNone
	if capital {
		tc = tcCapFirst
	}
	if c.k == kSerial {
		if capital {
			tc = tcTitle
		}
		r.tv(vEdition, ed, "", "", 0, false, tc)
		c.labelTerm("edition", capital)
		return
	}
	r.tv(vEdition, ed, "", "", 0, false, tc)
}

// identifierNumber is "identifier-number-note"/"-bib": a report's or a
// working paper's number after its genre ("PhD Diss. No. 42").
func (c *chicago) identifierNumber(bib bool) {
	r := c.r
	it := r.it
	n := it.Extra["number"]
	if r.done&vNumber != 0 {
		n = ""
	}
	c.g(" ", "", "")
	defer c.e()
	if n == "" || it.Type == "thesis" {
		r.o.elem("", "", 0, false)
		r.o.attempt()
		r.o.end()
		return
	}
	if it.Type == "broadcast" && isNumeric(n) {
		c.identifierNumberBroadcast(bib)
		return
	}
	if bib {
		r.tv(vGenre, it.Genre, "", "", 0, false, tcTitle)
	} else {
		r.tv(vGenre, it.Genre, "", "", 0, false, tcNone)
	}
	c.labelNumber(bib)
}

// identifierEdition is "identifier-edition-note"/"-bib": the edition,
// unless an original date stands for it.
func (c *chicago) identifierEdition(bib bool) {
	it := c.r.it
	if it.Extra["original-title"] == "" && c.hasIssued() && !it.OriginalDate.IsZero() {
		return
	}
	c.labelEdition(bib)
}

// typeIn reports whether t is one of the CSL item types, as a style's
// <if type="…" match="any"> tests it.
func typeIn(t string, types ...string) bool {
	for _, x := range types {
		if t == x {
			return true
		}
	}
	return false
}

// labelTerm renders a label's term (a cs:label or cs:text term: "vol.",
// "pt.", "edition") as an element of its own, capitalized when it stands
// first (capital).
func (c *chicago) labelTerm(t string, capital bool) {
	r := c.r
	r.o.elem("", "", 0, false)
	if capital {
		r.o.litCap(t)
	} else {
		r.o.lit(t)
	}
	r.o.end()
}
