package cite

import (
	"unicode"
	"unicode/utf8"
)

// The Chicago macros for audiovisual, artistic and event types
// (broadcast, motion_picture, song, graphic, map, performance, event,
// speech, interview), reviews, posts and the contributors a reference
// manager sends for them (director, interviewer, performer, …), which
// Item keeps in ExtraNames. Methods are named after the CSL macros of the
// four Chicago files.

// xrole is a name variable kept in ExtraNames, with the en-US terms of
// its role (and the Chicago styles' overrides): long, short, verb and
// verb-short forms, singular and plural. A form the locale lacks falls
// back as citeproc-js does (short to long, verb-short to verb).
type xrole struct {
	name                 string
	long, longPl         string
	short, shortPl       string
	verb, verbPl         string
	verbShort            string
	verbShortPl          string
	hasShort, hasVerbSht bool
}

// xroles are the name variables of ExtraNames the Chicago styles print;
// the index is the variable's bit in chicago.xdone.
var xroles = [...]xrole{
	{name: "composer", verb: "composed by", verbShort: "comp. by", hasVerbSht: true},
	{name: "guest", long: "guest", longPl: "guests", verb: "with guest", verbPl: "with guests"},
	{name: "host", long: "host", longPl: "hosts", verb: "hosted by"},
	{name: "performer", long: "performer", longPl: "performers", short: "perf.", shortPl: "perfs.", hasShort: true,
		verb: "performed by", verbShort: "perf. by", hasVerbSht: true},
	{name: "illustrator", long: "illustrator", longPl: "illustrators", short: "ill.", shortPl: "ills.", hasShort: true,
		verb: "illustrated by", verbShort: "ill.", hasVerbSht: true},
	{name: "director", long: "director", longPl: "directors", short: "dir.", shortPl: "dirs.", hasShort: true,
		verb: "directed by", verbShort: "dir. by", hasVerbSht: true},
	{name: "producer", long: "producer", longPl: "producers", short: "prod.", shortPl: "prods.", hasShort: true,
		verb: "produced by", verbShort: "prod. by", hasVerbSht: true},
	{name: "executive-producer", long: "executive producer", longPl: "executive producers", short: "exec. prod.",
		shortPl: "exec. prods.", hasShort: true, verb: "executive produced by", verbShort: "exec. prod. by", hasVerbSht: true},
	{name: "series-creator", long: "series creator", longPl: "series creators", short: "ser. creator",
		shortPl: "ser. creators", hasShort: true, verb: "created by"},
	{name: "contributor", long: "contributor", longPl: "contributors", short: "contrib.", shortPl: "contribs.",
		hasShort: true, verb: "with"},
	{name: "editorial-director", long: "editor", longPl: "editors", short: "ed.", shortPl: "eds.", hasShort: true,
		verb: "edited by", verbShort: "ed. by", hasVerbSht: true},
	{name: "compiler", long: "compiler", longPl: "compilers", short: "comp.", shortPl: "comps.", hasShort: true,
		verb: "compiled by", verbShort: "comp.", hasVerbSht: true},
	{name: "chair", long: "chair", longPl: "chairs", verb: "chaired by"},
	{name: "organizer", long: "organizer", longPl: "organizers", short: "org.", shortPl: "orgs.", hasShort: true,
		verb: "organized by", verbShort: "org. by", hasVerbSht: true},
	{name: "curator", long: "curator", longPl: "curators", short: "cur.", shortPl: "curs.", hasShort: true,
		verb: "curated by", verbShort: "cur. by", hasVerbSht: true},
	{name: "narrator", long: "narrator", longPl: "narrators", short: "narr.", shortPl: "narrs.", hasShort: true,
		verb: "narrated by", verbShort: "narr. by", hasVerbSht: true},
	{name: "script-writer", long: "writer", longPl: "writers", short: "wrtr.", shortPl: "wrtrs.", hasShort: true,
		verb: "written by", verbShort: "writ. by", hasVerbSht: true},
	{name: "interviewer", verb: "interview by"},
	{name: "reviewed-author", verb: "by"},
}

// xdone bits of the text variables of Extra that a substitution can
// render (the name variables of xroles take the low bits).
const (
	xReviewedGenre uint32 = 1 << 29
	xReviewedTitle uint32 = 1 << 30
	xSection       uint32 = 1 << 31
)

// xtext returns the Extra variable name unless a substitution rendered it
// (bit), and records it as used inside a substitution.
func (c *chicago) xtext(name string, bit uint32) string {
	v := c.r.it.Extra[name]
	if v == "" || c.xdone&bit != 0 {
		return ""
	}
	if c.r.inSubst {
		c.xused |= bit
	}
	return v
}

// xroleIndex returns the index of a name variable in xroles, or -1.
func xroleIndex(name string) int {
	for i := range xroles {
		if xroles[i].name == name {
			return i
		}
	}
	return -1
}

// label returns the role's term in a form and number.
func (x *xrole) label(form labelForm, plural bool) string {
	pick := func(s, pl string) string {
		if plural && pl != "" {
			return pl
		}
		return s
	}
	switch form {
	case labelShort:
		if x.hasShort {
			return pick(x.short, x.shortPl)
		}
		return pick(x.long, x.longPl)
	case labelLong:
		return pick(x.long, x.longPl)
	case labelVerbShort:
		if x.hasVerbSht {
			return pick(x.verbShort, x.verbShortPl)
		}
		return pick(x.verb, x.verbPl)
	case labelVerb:
		return pick(x.verb, x.verbPl)
	}
	return ""
}

// xhas reports whether the item has the ExtraNames variable name.
func (c *chicago) xhas(name string) bool { return len(c.r.it.ExtraNames[name]) > 0 }

// xnames renders a name variable kept in ExtraNames as cs:names with the
// label of spec, unless a substitution has rendered it already. It
// returns whether anything was rendered.
func (c *chicago) xnames(name string, spec *nameSpec) bool {
	r := c.r
	r.o.attempt()
	list := r.it.ExtraNames[name]
	if len(list) == 0 {
		return false
	}
	i := xroleIndex(name)
	if i < 0 || c.xdone&(1<<uint(i)) != 0 {
		return false
	}
	r.o.elem(spec.prefix, spec.suffix, 0, false)
	r.o.success()
	if r.inSubst {
		c.xused |= 1 << uint(i)
	}
	r.o.open()
	plural := len(list) > 1
	label := ""
	if spec.label != labelNone && !r.sorting {
		label = xroles[i].label(spec.label, plural)
	}
	writeLabel := func() {
		if label == "" {
			return
		}
		r.o.punct(spec.labelPrefix)
		if spec.labelCap {
			r.o.buf = appendCapitalizeFirst(r.o.buf, label)
		} else {
			r.o.buf = append(r.o.buf, label...)
		}
		r.o.punct(spec.labelSuffix)
	}
	if spec.labelBefore {
		writeLabel()
	}
	if r.markAuthor {
		r.markAuthor = false
		r.authorStart = len(r.o.buf)
		r.writeNameList(list, spec)
		r.authorEnd = len(r.o.buf)
		r.authorKey = r.authorNamesKey(visibleNames(list, spec.short))
	} else {
		r.writeNameList(list, spec)
	}
	if !spec.labelBefore {
		writeLabel()
	}
	r.o.end()
	return true
}

// substRun runs a substitute's macro: what it renders is suppressed
// afterwards. It returns whether it rendered anything.
func (c *chicago) substRun(f func()) bool {
	r := c.r
	start := len(r.o.buf)
	r.inSubst = true
	r.used = 0
	c.xused = 0
	f()
	r.inSubst = false
	if len(r.o.buf) > start {
		r.done |= r.used
		c.xdone |= c.xused
		return true
	}
	return false
}

// substNames tries ExtraNames variables in turn as a substitute.
func (c *chicago) substNames(spec *nameSpec, names ...string) bool {
	if len(c.r.it.ExtraNames) == 0 {
		c.r.o.attempt()
		return false
	}
	for _, n := range names {
		if c.xhas(n) && c.substRun(func() { c.xnames(n, spec) }) {
			return true
		}
	}
	c.r.o.attempt() // the names were called and found empty
	return false
}

// substMacro names the author macro a substitution serves.
type substMacro uint8

const (
	substNote  substMacro = iota // author-note
	substBib                     // author-bib
	substShort                   // author-short (author-inline in author-date)
)

func (c *chicago) substFor(spec *nameSpec) substMacro {
	switch spec {
	case &specAuthorNote:
		return substNote
	case &specAuthorBib:
		return substBib
	}
	return substShort
}

// serialBroadcast is the styles' test for a serial broadcast, an episode
// of a program: type broadcast with container-title, number and title
// (CMOS18 14.165, 14.168).
func (c *chicago) serialBroadcast() bool {
	it := c.r.it
	return it.Type == "broadcast" && c.hasContainer() && it.Extra["number"] != "" && c.hasTitle()
}

// substBeforeAuthor is the names element of the author macros: composer,
// for which the author (and the rest) substitute.
func (c *chicago) substBeforeAuthor(spec *nameSpec) bool {
	return c.substNames(spec, "composer")
}

// substAfterAuthor is the part of the author macros' substitute between
// author and illustrator: guest, host, a song's performer, and the title
// of types cited under their title before their director or producer.
func (c *chicago) substAfterAuthor(spec *nameSpec) bool {
	if c.substNames(spec, "guest", "host") {
		return true
	}
	t := c.r.it.Type
	if t == "song" && c.substNames(spec, "performer") {
		return true
	}
	m := c.substFor(spec)
	it := c.r.it
	switch {
	case m == substBib:
		if typeIn(t, "entry-dictionary", "entry-encyclopedia") && c.hasContainer() {
			// author-title-substitute-container
			if c.substRun(func() { c.r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle) }) {
				return true
			}
		}
	case t == "performance":
		return c.substRun(func() { c.authorTitleSubstitute(m) })
	case c.authorDate:
		if isEntry(t) && c.substRun(c.authorTitleSubstituteContainerShort) {
			return true
		}
	case c.serialBroadcast():
		return c.substRun(c.authorTitleSubstituteContainerShort)
	case typeIn(t, "broadcast", "motion_picture", "song"):
		return c.substRun(func() { c.authorTitleSubstitute(m) })
	case c.hasDOI() || c.hasURL():
	case isEntry(t) && m == substNote:
		if c.substRun(c.referenceNote) {
			return true
		}
	case isEntry(t):
		if c.substRun(c.authorTitleSubstituteContainerShort) {
			return true
		}
	}
	if c.substNames(spec, "illustrator") {
		return true
	}
	return false
}

// substAfterEditors is the part of the author macros' substitute after
// the editors and translators: director, producers, contributors of a
// broadcast, compilers, chairs and organizers of events, curators.
func (c *chicago) substAfterEditors(spec *nameSpec) bool {
	m := c.substFor(spec)
	sb := c.serialBroadcast()
	if (m != substShort || !sb) && c.substNames(spec, "director") {
		return true
	}
	if !sb {
		if c.substNames(spec, "producer", "executive-producer", "series-creator") {
			return true
		}
		if c.r.it.Type == "broadcast" && c.substNames(spec, "contributor") {
			return true
		}
	}
	if c.substNames(spec, "editorial-director", "compiler") {
		return true
	}
	if typeIn(c.r.it.Type, "event", "performance", "speech") && c.substNames(spec, "chair", "organizer") {
		return true
	}
	if c.substNames(spec, "curator") {
		return true
	}
	if m != substNote && typeIn(c.r.it.Type, "software", "webpage") && c.hasPublisher() {
		// a site listed under its owner or sponsor (CMOS18 14.104, 14.169)
		return c.substRun(func() { c.r.plain(vPublisher, c.r.it.Publisher) })
	}
	return false
}

// authorTitleSubstitute is "author-title-substitute-note",
// "author-title-substitute-short" and "author-title-substitute-bib" by m:
// the title stands for a missing author, or the description when there is
// no title or the title is a reviewed work's.
func (c *chicago) authorTitleSubstitute(m substMacro) {
	c.g("", "", "")
	defer c.e()
	review := c.isReview()
	if c.hasTitle() && (!review || c.r.it.Extra["reviewed-genre"] != "") {
		switch m {
		case substNote:
			c.titlePrimary()
		case substShort:
			c.titleShort()
		default:
			c.titleBib()
		}
		return
	}
	switch {
	case review && m == substNote:
		c.titleAndDescriptionsNote()
	case review && m == substShort:
		c.titleAndDescriptionsShort()
	default:
		c.titleAndDescriptionsBib()
	}
}

// authorTitleSubstituteContainerShort is
// "author-title-substitute-container-short" for a broadcast.
func (c *chicago) authorTitleSubstituteContainerShort() {
	r := c.r
	t := r.it.ContainerTitleShort
	if t == "" {
		t = r.it.ContainerTitle
	}
	r.tv(vContainerTitle, t, "", "", Italic, false, tcTitle)
}

// isReview is the styles' test for a review: type review or review-book,
// or any item with reviewed-author, reviewed-genre or reviewed-title.
func (c *chicago) isReview() bool {
	it := c.r.it
	return typeIn(it.Type, "review", "review-book") || c.xhas("reviewed-author") ||
		it.Extra["reviewed-genre"] != "" || it.Extra["reviewed-title"] != ""
}

// isInterview is the styles' test for an interview: type interview or an
// interviewer.
func (c *chicago) isInterview() bool { return c.r.it.Type == "interview" || c.xhas("interviewer") }

// reviewHidesTitle reports whether a review's title is the reviewed
// work's, printed in the description rather than as the review's title
// (title-and-part-filter-review).
func (c *chicago) reviewHidesTitle() bool {
	it := c.r.it
	if !c.isReview() || it.Extra["reviewed-genre"] != "" || it.Extra["reviewed-title"] != "" {
		return false
	}
	// title-bib, title-note: the filter applies where the part goes with
	// the title
	return c.partAtTitle()
}

// serialType reports the styles' serial types.
func serialType(t string) bool {
	return typeIn(t, "article-journal", "article-magazine", "article-newspaper", "periodical", "post-weblog",
		"review", "review-book")
}

// hasMonographicEditor is the styles' test `variable="collection-editor
// compiler editor editorial-director"` (match any).
func (c *chicago) hasMonographicEditor() bool {
	return c.hasEditor() || len(c.r.it.CollectionEditor) > 0 || c.xhas("compiler") || c.xhas("editorial-director")
}

// descriptionMedia is the part of "description-note" (bib false) and
// "description-bib" (bib true) for interviews, reviews, songs, serials,
// conference papers and events; it reports false for the items the
// caller describes (letters, theses, items without a container).
func (c *chicago) descriptionMedia(bib bool) bool {
	it := c.r.it
	t := it.Type
	switch {
	case c.isInterview():
		c.descriptionInterview(bib)
	case c.isReview():
		c.descriptionReview(bib)
	case t == "personal_communication", t == "thesis":
		return false
	case t == "song" && c.xhas("composer"):
		c.descriptionSong(bib)
	case serialType(t):
		c.descriptionSerial(bib)
	case t == "paper-conference":
		// description-paper-conference
		if c.hasMonographicEditor() {
			c.descriptionFormatBib()
			break
		}
		if bib {
			c.g(". ", "", "")
		} else {
			c.g(", ", "", "")
		}
		c.descriptionSerial(bib)
		c.sourceEvent(bib)
		c.e()
	case !c.hasContainer():
		return false
	case typeIn(t, "document", "report", "software", "standard"):
	case typeIn(t, "event", "performance", "speech"):
		if c.hasMonographicEditor() || it.Extra["issue"] != "" || c.hasPage() ||
			it.Extra["supplement-number"] != "" || c.hasVolume() {
			if bib {
				c.descriptionFormatBib()
			} else {
				c.descriptionFormatNote()
			}
		}
	default:
		return false
	}
	return true
}

// descriptionSerial is "description-serial-note"/"-bib": the genre and a
// magazine's department or a newspaper's column ("section").
func (c *chicago) descriptionSerial(bib bool) {
	if bib {
		c.g(". ", "", "")
		c.descriptionFormatBib()
	} else {
		c.g(", ", "", "")
		c.descriptionFormatNote()
	}
	c.labelSection(bib)
	c.e()
}

// labelSection is "label-section" ("label-section-capitalized" with
// capital).
func (c *chicago) labelSection(capital bool) {
	r := c.r
	s := c.xtext("section", xSection)
	if s == "" {
		r.o.attempt()
		return
	}
	c.g(" ", "", "")
	if s != "" && isNumeric(s) {
		t := "sec."
		if isPlural(s) {
			t = "secs."
		}
		c.labelTerm(t, capital)
	}
	c.tvTitleCase(s, 0)
	c.e()
}

var (
	specXVerb    = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", chicagoTerms: true}
	specXVerbCap = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", labelCap: true, chicagoTerms: true}
	specXPlain   = nameSpec{chicagoTerms: true}
)

// descriptionInterview is "description-interview-note"/"-bib".
func (c *chicago) descriptionInterview(bib bool) {
	r := c.r
	it := r.it
	verb := &specXVerb
	if bib {
		verb = &specXVerbCap
	}
	c.g(", ", "", "")
	switch {
	case c.hasGenre() && it.Extra["number"] != "":
		c.xnames("interviewer", verb)
	case c.hasGenre():
		c.g(" ", "", "")
		if bib {
			r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
		} else {
			r.plain(vGenre, it.Genre)
		}
		c.g(" ", "", "")
		r.term("by", "", "", false)
		c.xnames("interviewer", &specXPlain)
		c.e()
		c.e()
	case c.xhas("interviewer"):
		c.xnames("interviewer", verb)
	case bib:
		c.descriptionFormatBib()
	default:
		c.descriptionFormatNote()
	}
	c.sourceEventPlaceFirst()
	c.e()
}

// hasEvent is the styles' test `variable="event event-date event-title"`
// (match any).
func (c *chicago) hasEvent() bool {
	it := c.r.it
	return it.Extra["event"] != "" || it.Extra["event-title"] != "" || !it.ExtraDates["event-date"].IsZero()
}

// sourceEventPlaceFirst is "source-event-place-first".
func (c *chicago) sourceEventPlaceFirst() {
	if !c.hasEvent() {
		return
	}
	r := c.r
	c.g(", ", "", "")
	r.plain(0, r.it.Extra["event-title"])
	r.plain(0, r.it.Extra["event-place"])
	c.dateEventFull()
	c.e()
}

// dateEventFull is "date-event-full".
func (c *chicago) dateEventFull() {
	r := c.r
	d := r.it.ExtraDates["event-date"]
	if c.uncertain() {
		r.date(0, &d, dateText, "[", "?]")
	} else {
		r.date(0, &d, dateText, "", "")
	}
}

// descriptionReview is "description-review-note"/"-bib": "review of
// Title, by Author".
func (c *chicago) descriptionReview(bib bool) {
	r := c.r
	it := r.it
	if bib {
		c.g(". ", "", "")
	} else {
		c.g(", ", "", "")
	}
	c.g(", ", "", "")
	c.g(" ", "", "")
	c.g("", "", "")
	c.descriptionReviewGenre(bib)
	c.e()
	c.g("", "", "")
	c.descriptionReviewTitle(false)
	c.e()
	c.e()
	rg, rt := it.Extra["reviewed-genre"], it.Extra["reviewed-title"]
	switch {
	case rg != "" && rt != "" && c.hasTitle():
		c.xnames("reviewed-author", &specXVerb)
	case rg != "":
	default:
		c.xnames("reviewed-author", &specXVerb)
	}
	c.sourceEventPlaceFirst()
	c.e()
	c.labelSection(bib)
	c.e()
}

// descriptionReviewGenre is "description-review-genre-note"/"-bib".
func (c *chicago) descriptionReviewGenre(bib bool) {
	r := c.r
	it := r.it
	switch {
	case it.Extra["reviewed-genre"] != "":
		c.g(" ", "", "")
		c.reviewTermUnsigned(bib)
		r.plain(0, c.xtext("reviewed-genre", xReviewedGenre))
		if it.Extra["reviewed-title"] == "" {
			c.xnames("reviewed-author", &specXVerb)
		}
		c.e()
	case it.Extra["number"] != "":
		c.reviewTermUnsigned(bib)
	case c.hasGenre() && bib:
		r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
	case c.hasGenre():
		r.plain(vGenre, it.Genre)
	default:
		c.reviewTermUnsigned(bib)
	}
}

// reviewTermUnsigned is "description-review-term-unsigned-note"/"-bib":
// "review of", "unsigned review of" (CMOS18 14.102).
func (c *chicago) reviewTermUnsigned(bib bool) {
	r := c.r
	if c.hasPersonalContributor() {
		r.term("review of", "", "", bib)
		return
	}
	c.g(" ", "", "")
	r.term("unsigned", "", "", bib)
	r.term("review of", "", "", false)
	c.e()
}

// descriptionReviewTitle is "description-review-title" (short with
// "-short"): the reviewed work's title in italics.
func (c *chicago) descriptionReviewTitle(short bool) {
	r := c.r
	it := r.it
	if it.Extra["reviewed-genre"] != "" || it.Extra["reviewed-title"] != "" {
		c.tvTitleCase(c.xtext("reviewed-title", xReviewedTitle), Italic)
		return
	}
	t := it.Title
	if short && it.TitleShort != "" {
		t = it.TitleShort
	}
	if r.inSubst && r.used&vTitle != 0 {
		t = "" // rendered already by the substitution this description is part of
	}
	r.tv(vTitle, t, "", "", Italic, false, tcTitle)
}

// descriptionReviewShort is "description-review-short".
func (c *chicago) descriptionReviewShort() {
	c.g(" ", "", "")
	c.r.term("review of", "", "", false)
	c.descriptionReviewTitle(true)
	c.e()
}

// descriptionSong is "description-song-note"/"-bib": "performed by" a
// song's author (or performer) when a composer leads the entry.
func (c *chicago) descriptionSong(bib bool) {
	r := c.r
	it := r.it
	c.g(" ", "", "")
	if c.hasGenre() {
		if bib {
			r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
		} else {
			r.plain(vGenre, it.Genre)
		}
		r.term("performed by", "", "", false)
	} else {
		r.term("performed by", "", "", bib)
	}
	if len(it.Author) > 0 {
		r.names(vAuthor, roleAuthor, it.Author, &specLong)
	} else {
		// the performer substitutes for the author: not repeated after
		c.substNames(&specXPlain, "performer")
	}
	c.e()
}

// sourceEvent is "source-event-note"/"-bib".
func (c *chicago) sourceEvent(bib bool) {
	it := c.r.it
	if !c.hasEvent() {
		return
	}
	c.g(" ", "", "")
	defer c.e()
	switch {
	case c.isInterview(), it.Type == "personal_communication" && c.hasRecipient(), c.isReview():
	case c.hasEvent():
		if it.Type == "paper-conference" && (c.hasMonographicEditor() || it.Extra["issue"] != "" || c.hasPage() ||
			it.Extra["supplement-number"] != "" || c.hasVolume()) {
			return
		}
		c.sourceEventStatus(bib)
		c.sourceEventDescription(bib)
	}
}

// sourceEventStatus is "source-event-status-note"/"-bib": "paper
// presented at", "recorded at".
func (c *chicago) sourceEventStatus(bib bool) {
	r := c.r
	it := r.it
	c.g(" ", "", "")
	defer c.e()
	tc := tcNone
	if bib {
		tc = tcCapFirst
	}
	switch {
	case it.Type == "broadcast" && it.Extra["status"] != "":
		r.tv(0, it.Extra["status"], "", "", 0, false, tc)
	case it.Type == "paper-conference":
		if c.hasGenre() {
			r.term("presented", "", "", bib)
		} else {
			r.term("paper", "", "", bib)
			r.term("presented", "", "", false)
		}
		if it.Extra["event-title"] != "" || (!bib && it.Extra["event"] != "") {
			r.term("at", "", "", false)
		}
	case it.Type == "song":
		r.term("recorded", "", "", bib)
		if it.Extra["event-title"] != "" {
			r.term("at", "", "", false)
		}
	case !it.ExtraDates["event-date"].IsZero() && c.hasIssued():
	case c.hasIssued():
	default:
		r.tv(0, it.Extra["status"], "", "", 0, false, tc)
	}
}

// sourceEventDescription is "source-event-description-note"/"-bib".
func (c *chicago) sourceEventDescription(bib bool) {
	r := c.r
	it := r.it
	c.g(", ", "", "")
	title := it.Extra["event-title"]
	if title == "" {
		title = it.Extra["event"]
	}
	tc := tcNone
	if bib && it.Type != "song" && (it.Type != "paper-conference" || c.hasGenre()) {
		tc = tcCapFirst
	}
	r.tv(0, title, "", "", 0, false, tc)
	c.dateEventFull()
	r.plain(0, it.Extra["event-place"])
	c.e()
}

// xnamesEach renders name variables of ExtraNames in turn with one spec.
func (c *chicago) xnamesEach(spec *nameSpec, names ...string) {
	for _, n := range names {
		c.xnames(n, spec)
	}
}

// contributorsMonographicExtra is the part of
// "identifier-contributors-monographic-note"/"-bib" after the editors and
// translators: the contributors of ExtraNames ("directed by", "with"),
// inside the caller's group.
func (c *chicago) contributorsMonographicExtra(bib bool) {
	if len(c.r.it.ExtraNames) == 0 {
		c.r.o.attempt() // the names were called and found empty
		return
	}
	t := c.r.it.Type
	web := typeIn(t, "post", "webpage")
	free := web || !c.hasContainer()
	vs, v := &specVerbShort, &specXVerb
	if bib {
		vs, v = &specXVerbCap, &specXVerbCap
	}
	if free {
		c.xnames("editorial-director", vs)
		c.xnamesEach(v, "guest", "host")
	}
	c.xnames("illustrator", vs)
	c.xnames("narrator", v)
	if free {
		c.xnames("compiler", vs)
		c.xnamesEach(v, "chair", "organizer", "curator", "series-creator", "executive-producer", "producer", "director")
		if typeIn(t, "broadcast", "performance") {
			c.xnames("script-writer", v)
		}
		c.xnames("performer", v)
		if t != "thesis" && (web || t != "song") {
			c.xnames("contributor", v)
		}
	}
	if !web && t == "song" {
		c.xnames("contributor", v)
	}
}

// contributorsSerialExtra is the part of
// "identifier-contributors-serial-note"/"-bib" after the translator.
func (c *chicago) contributorsSerialExtra(bib bool) {
	if len(c.r.it.ExtraNames) == 0 {
		c.r.o.attempt() // the names were called and found empty
		return
	}
	v := &specXVerb
	if bib {
		v = &specXVerbCap
	}
	c.xnamesEach(v, "narrator", "compiler", "chair", "organizer", "curator", "series-creator",
		"executive-producer", "producer", "director", "script-writer", "performer")
}

// sourceContributorsExtra is the part of
// "source-monographic-identifier-contributors-note"/"-bib" after the
// editors and translators.
func (c *chicago) sourceContributorsExtra(bib bool) {
	if len(c.r.it.ExtraNames) == 0 {
		c.r.o.attempt() // the names were called and found empty
		return
	}
	t := c.r.it.Type
	vs, v := &specVerbShort, &specXVerb
	if bib {
		vs = &specXVerb
	}
	c.xnamesEach(v, "guest", "host", "chair", "organizer")
	if bib {
		c.xnamesEach(v, "illustrator", "narrator", "compiler", "curator", "series-creator", "executive-producer",
			"producer", "editorial-director")
	} else {
		c.xnames("illustrator", vs)
		c.xnames("narrator", v)
		c.xnames("compiler", vs)
		c.xnamesEach(v, "curator", "series-creator", "executive-producer", "producer")
		c.xnames("editorial-director", vs)
	}
	if typeIn(t, "broadcast", "performance") {
		c.xnames("script-writer", v)
	}
	c.xnamesEach(v, "director", "performer")
	if !typeIn(t, "song", "thesis") {
		c.xnames("contributor", v)
	}
}

// identifierNumberBroadcast is the broadcast branch of
// "identifier-number-note"/"-bib": "episode 4", or the genre and the
// number, inside the caller's " " group.
func (c *chicago) identifierNumberBroadcast(bib bool) {
	r := c.r
	it := r.it
	if c.hasGenre() {
		if bib {
			r.tv(vGenre, it.Genre, "", "", 0, false, tcCapFirst)
		} else {
			r.plain(vGenre, it.Genre)
		}
	} else {
		r.term("episode", "", "", bib)
	}
	c.numberText(it.Extra["number"])
}

// eventBeforeDate is the styles' test for printing the event in the
// source (source-monographic-bib) rather than with the date: any of
// event-date, original-date, original-publisher,
// original-publisher-place, publisher, status.
func (c *chicago) eventBeforeDate() bool {
	it := c.r.it
	return !it.ExtraDates["event-date"].IsZero() || !it.OriginalDate.IsZero() || it.Extra["original-publisher"] != "" ||
		it.Extra["original-publisher-place"] != "" || c.hasPublisher() || it.Extra["status"] != ""
}

// sourceEventWithDate is the choice of "title-and-source-bib" that prints
// the event with the date of publication ("Meeting of …, London, October
// 22, 1936").
func (c *chicago) sourceEventWithDate() {
	t := c.r.it.Type
	switch {
	case c.eventBeforeDate(), serialType(t):
	case c.hasMonographicEditor():
		c.sourceEvent(true)
	case typeIn(t, "interview", "paper-conference"):
	default:
		c.sourceEvent(true)
	}
}

// titleAndSourceBroadcast is the bespoke broadcast part of
// "title-and-source-note"/"-bib" for an episode of a program: the program,
// then the episode's number, title, description and contributors (CMOS18
// 14.165, 14.168).
func (c *chicago) titleAndSourceBroadcast(bib bool) {
	r := c.r
	r.tv(vContainerTitle, r.it.ContainerTitle, "", "", Italic, false, tcTitle)
	c.g(", ", "", "")
	c.g(" ", "", "")
	c.identifierNumberBroadcast(bib)
	c.e()
	if c.hasTitle() {
		c.titlePrimary()
	}
	c.description(bib)
	c.g(", ", "", "")
	if bib {
		c.editorTranslator(", ", &specVerb)
	} else {
		r.names(vContainerAuthor, roleContainerAuthor, r.it.ContainerAuthor, &specVerb)
		c.editorTranslator(", ", &specVerbShort)
	}
	c.sourceContributorsExtra(bib)
	c.e()
	c.e()
	c.g(", ", "", "")
	c.sourceSeriesTitle()
	c.e()
	if !bib || c.eventBeforeDate() {
		c.sourceEvent(bib)
	}
}

// letterLike reports the types the styles cite by author and recipient
// ("author-short-and-recipient"): letters and interviews.
func (c *chicago) letterLike() bool { return c.k == kLetter || c.r.it.Type == "interview" }

// descriptionShortMedia is the part of "description-short" for
// interviews, reviews, serials and serial conference papers; it reports
// false for the items the caller describes.
func (c *chicago) descriptionShortMedia() bool {
	r := c.r
	t := r.it.Type
	switch {
	case c.isInterview():
		if !c.accessible() && r.pos == posFirst {
			c.descriptionInterview(false)
		} else {
			c.descriptionInterviewShort()
		}
	case c.isReview():
		c.descriptionReviewShort()
	case t == "personal_communication":
		return false
	case serialType(t):
		c.descriptionSerialShort()
	case c.hasMonographicEditor():
		return false
	case t == "paper-conference":
		c.descriptionSerialShort()
	default:
		return false
	}
	return true
}

// descriptionInterviewShort is "description-interview-short".
func (c *chicago) descriptionInterviewShort() {
	c.g("", "", "")
	defer c.e()
	switch {
	case c.hasGenre() || c.hasMedium():
		if c.hasPersonalContributor() {
			c.descriptionFormatShort()
		} else {
			c.descriptionFormatBib()
		}
	default:
		c.r.term("interview", "", "", false)
	}
}

// descriptionSerialShort is "description-serial-short".
func (c *chicago) descriptionSerialShort() {
	c.g("", "", "")
	defer c.e()
	switch {
	case c.hasTitle():
	case c.hasGenre():
		c.descriptionFormatShort()
	default:
		c.tvTitleCase(c.xtext("section", xSection), 0)
	}
}

// reviewedOrTitled is the styles' test `variable="reviewed-genre
// reviewed-title title"` (match any).
func (c *chicago) reviewedOrTitled() bool {
	it := c.r.it
	return c.hasTitle() || it.Extra["reviewed-genre"] != "" || it.Extra["reviewed-title"] != ""
}

// authorTitleSubstituteContainer is "author-title-substitute-container":
// a periodical, reference work, program or website stands for a missing
// author.
func (c *chicago) authorTitleSubstituteContainer() {
	r := c.r
	it := r.it
	t := it.Type
	switch {
	case it.Extra["volume-title"] != "":
	case c.magNews(), c.isReview():
		c.serialName()
	case isEntry(t), t == "broadcast":
		r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle)
	case t == "webpage":
		r.tv(vContainerTitle, it.ContainerTitle, "", "", 0, false, tcTitle)
	}
}

// authorTitleSubstituteContainerShortAll is
// "author-title-substitute-container-short".
func (c *chicago) authorTitleSubstituteContainerShortAll() {
	r := c.r
	it := r.it
	t := it.Type
	short := it.ContainerTitleShort
	if short == "" {
		short = it.ContainerTitle
	}
	switch {
	case c.magNews(), c.isReview():
		r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle)
	case isEntry(t), t == "broadcast":
		r.tv(vContainerTitle, short, "", "", Italic, false, tcTitle)
	case t == "webpage":
		r.tv(vContainerTitle, short, "", "", 0, false, tcTitle)
	}
}

// sourceArchiveInstitutionFirst is "source-archive-reference-institution-first":
// an artwork's repository before its reference ("Imperial War Museum,
// London, HU 5412").
func (c *chicago) sourceArchiveInstitutionFirst() {
	r := c.r
	c.g(", ", "", "")
	r.plain(vArchive, r.it.Archive)
	r.plain(0, r.it.ArchivePlace)
	r.plain(0, r.it.Extra["archive_collection"])
	r.plain(vArchiveLocation, r.it.ArchiveLocation)
	c.sourceArchiveLocator()
	c.e()
}

// dateUndatedMedia is the part of "source-date-issued-or-status" for an
// undated item with a status ("forthcoming"), an interview (n.d. only
// when a reader can retrieve it) or an article accepted for publication;
// it reports false for the items the caller dates.
func (c *chicago) dateUndatedMedia() bool {
	r := c.r
	it := r.it
	switch {
	case !it.ExtraDates["event-date"].IsZero():
		// source-date-issued-full: dated by its event, printed with it
		r.o.attempt()
	case it.Extra["status"] != "":
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendLower(r.o.buf, it.Extra["status"])
		r.o.end()
	case it.Type == "interview":
		if c.accessible() {
			r.term("n.d.", "", "", false)
		}
	case it.Type == "article-journal" && !it.ExtraDates["available-date"].IsZero():
		r.term("forthcoming", "", "", false)
	default:
		return false
	}
	return true
}

// appendLower appends s in lower case (text-case="lowercase").
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// contributorsAfterContainerAuthor is
// "source-monographic-identifier-contributors-bib-container-author": in
// the bibliography, the editors of a book with an author of its own
// follow it in a sentence ("In The Diaries, by Ivan Maisky. Edited by …").
func (c *chicago) contributorsAfterContainerAuthor() {
	r := c.r
	if len(r.it.ContainerAuthor) == 0 || !c.hasContainer() {
		return
	}
	c.g(". ", "", "")
	c.editorTranslator(". ", &specVerbCap)
	c.xnamesEach(&specXVerbCap, "guest", "host", "chair", "organizer", "illustrator", "narrator", "compiler",
		"curator", "series-creator", "executive-producer", "producer", "editorial-director")
	if typeIn(r.it.Type, "broadcast", "performance") {
		c.xnames("script-writer", &specXVerbCap)
	}
	c.xnamesEach(&specXVerbCap, "director", "performer")
	if !typeIn(r.it.Type, "song", "thesis") {
		c.xnames("contributor", &specXVerbCap)
	}
	c.e()
}

// dateUndatedAuthorDate is the part of author-date's "date" (short false)
// and "date-short" for an item without an issued date: the year of the
// event, of availability, or the status ("Forthcoming"); it reports false
// for the items the caller dates.
func (c *chicago) dateUndatedAuthorDate(short bool) bool {
	r := c.r
	it := r.it
	switch {
	case !it.ExtraDates["event-date"].IsZero():
		d := it.ExtraDates["event-date"]
		if c.uncertain() {
			r.date(0, &d, dateYear, "[", "?]")
		} else {
			r.date(0, &d, dateYear, "", "")
		}
	case !it.ExtraDates["available-date"].IsZero():
		d := it.ExtraDates["available-date"]
		r.date(0, &d, dateYear, "", "")
	case it.Extra["status"] != "":
		st := it.Extra["status"]
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		if short {
			r.o.buf = appendLower(r.o.buf, st)
		} else {
			r.o.buf = appendCapitalizeFirst(r.o.buf, st)
		}
		r.o.end()
		c.yearSuffix()
	default:
		return false
	}
	return true
}

// originalDateForm is the date form of "source-date-original-full": the
// full date for ephemeral and unpublished types, by the serial's rules
// for articles, the year for books and their parts.
func (c *chicago) originalDateForm() dateForm {
	it := c.r.it
	t := it.Type
	switch {
	case t == "personal_communication" && !it.ExtraDates["event-date"].IsZero():
		return dateYear
	case isEntry(t):
		if c.hasDOI() || c.hasURL() {
			return dateText
		}
		return dateYear
	case typeIn(t, "article", "broadcast", "collection", "dataset", "document", "event", "graphic", "manuscript",
		"map", "patent", "performance", "personal_communication", "post", "software", "song", "speech",
		"standard", "webpage"):
		return dateText
	case serialType(t):
	case c.hasMonographicEditor():
		return dateYear
	case !typeIn(t, "interview", "paper-conference"):
		return dateYear
	}
	// source-date-original-full-serial
	issue, vol := it.Extra["issue"] != "", c.hasVolume()
	switch {
	case issue && vol, it.Extra["supplement-number"] != "":
		return dateYear
	case issue || vol:
		return dateYearMonth
	}
	return dateText
}

// labelCollectionNumber is "label-collection-number": "vol. 5".
func (c *chicago) labelCollectionNumber() {
	r := c.r
	n := r.it.CollectionNumber
	c.g(" ", "", "")
	if n != "" && isNumeric(n) {
		t := "vol."
		if isPlural(n) {
			t = "vols."
		}
		r.o.elem("", "", 0, false)
		r.o.lit(t)
		r.o.end()
	}
	c.numberText(n)
	c.e()
}

// originalDateFormAuthorDate is the date form of author-date's
// "source-date-original-month-day" (the year leads the entry): month and
// day for ephemeral types, the month of a journal's issue, nothing for
// books; ok is false when the macro prints nothing.
func (c *chicago) originalDateFormAuthorDate() (form dateForm, ok bool) {
	it := c.r.it
	t := it.Type
	serialIDs := it.Extra["issue"] != "" || it.Extra["supplement-number"] != "" || c.hasVolume()
	switch {
	case t == "personal_communication" && !it.ExtraDates["event-date"].IsZero():
		return dateYear, true
	case isEntry(t):
		return dateMonthDay, c.hasDOI() || c.hasURL()
	case typeIn(t, "article", "broadcast", "collection", "dataset", "document", "event", "graphic", "manuscript",
		"map", "patent", "performance", "personal_communication", "post", "software", "song", "speech",
		"standard", "webpage"):
		return dateMonthDay, true
	case serialType(t):
	case typeIn(t, "interview", "paper-conference"):
		if c.hasMonographicEditor() {
			return 0, false
		}
	default:
		return 0, false
	}
	if serialIDs {
		return dateMonth, true
	}
	return dateMonthDay, true
}

// contributorsMultivolumeExtra is the part of
// "identifier-contributors-monographic-bib-multivolume" after the editors
// and translators.
func (c *chicago) contributorsMultivolumeExtra() {
	if len(c.r.it.ExtraNames) == 0 {
		c.r.o.attempt() // the names were called and found empty
		return
	}
	t := c.r.it.Type
	v := &specXVerb
	free := !c.hasContainer()
	if free {
		c.xnamesEach(v, "editorial-director", "guest", "host")
	}
	c.xnamesEach(v, "illustrator", "narrator")
	if free {
		c.xnamesEach(v, "compiler", "chair", "organizer", "curator", "series-creator", "executive-producer",
			"producer", "director")
		if typeIn(t, "broadcast", "performance") {
			c.xnames("script-writer", v)
		}
		c.xnames("performer", v)
		if !typeIn(t, "song", "thesis") {
			c.xnames("contributor", v)
		}
	}
	if t == "song" {
		c.xnames("contributor", v)
	}
}

// unsignedReviewDateFirst reports whether an unsigned review dates its
// periodical before the volume ("1936, vol. 12, no. 3"): always in the
// bibliography, in notes when a genre or section describes a review with
// no title of its own (source-serial-identifier-volume-note/-bib).
func (c *chicago) unsignedReviewDateFirst(bib bool) bool {
	if !c.isReview() || c.hasPersonalContributor() {
		return false
	}
	if bib {
		return true
	}
	return !c.reviewedOrTitled() && (c.hasGenre() || c.r.it.Extra["section"] != "")
}

// tvTitleCase renders a text variable in title case whatever the item's
// language: citeproc-js keeps the case of non-English items only in the
// variables it treats as multilingual (title, container-title, publisher,
// …), not in reviewed-title or section.
func (c *chicago) tvTitleCase(val string, f Decoration) {
	r := c.r
	english := r.english
	r.english = true
	r.tv(0, val, "", "", f, false, tcTitle)
	r.english = english
}
