package cite

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
	i := xroleIndex(name)
	var list []Name
	if i >= 0 && c.xdone&(1<<uint(i)) == 0 {
		list = r.it.ExtraNames[name]
	}
	r.o.attempt()
	r.o.elem(spec.prefix, spec.suffix, 0, false)
	if len(list) == 0 {
		r.o.end()
		return false
	}
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
	for _, n := range names {
		if c.xhas(n) && c.substRun(func() { c.xnames(n, spec) }) {
			return true
		}
	}
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
	switch {
	case m == substBib:
	case t == "performance":
		return c.substRun(func() { c.authorTitleSubstitute(m) })
	case c.authorDate:
	case c.serialBroadcast():
		return c.substRun(c.authorTitleSubstituteContainerShort)
	case typeIn(t, "broadcast", "motion_picture", "song"):
		return c.substRun(func() { c.authorTitleSubstitute(m) })
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
	return c.substNames(spec, "curator")
}

// authorTitleSubstitute is "author-title-substitute-note" (and "-short",
// "-bib" by m).
func (c *chicago) authorTitleSubstitute(m substMacro) {
	switch {
	case m == substNote:
		c.authorTitleSubstituteNote()
	case c.hasTitle() && m == substShort:
		c.titleShort()
	case c.hasTitle():
		c.titleBib()
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
