package cite

// modern-language-association (MLA Handbook, 9th edition): the works-cited
// entry and the parenthetical citation, translated macro by macro from the
// official CSL file for every CSL item type. Methods are named after the
// CSL macros they implement; the comments give the macro names where they
// differ. The names, locator and variable helpers are in mla_parts.go.

type mla struct {
	r *renderer
	// the type groups of the item, set by init on first use
	serialT, editedT, ipT, reviewT, typed bool
	// sup holds the variables the author substitution rendered (CSL
	// cs:substitute suppresses them in the rest of the entry); used
	// collects them while a substitute renders.
	sup, used mlaVar
	inSub     bool
}

func (m *mla) g(delim, prefix, suffix string) { m.r.o.group(delim, prefix, suffix) }
func (m *mla) e()                             { m.r.o.end() }

var (
	specMLAAuthor = nameSpec{sortFirst: true, dplAlways: true, etAlAlways: true, demoteNever: true}
	specMLAShort  = nameSpec{short: true, demoteNever: true}
	specMLAPlain  = nameSpec{demoteNever: true}
)

// The type groups of the style's comment "Categories of CSL item types".

// init sets the item's type groups, which the macros test again and again.
func (m *mla) init() {
	it := m.r.it
	m.typed = true
	// serial types: article-journal article-magazine article-newspaper
	// periodical post-weblog review review-book
	m.serialT = typeIn(it.Type, "article-journal", "article-magazine", "article-newspaper", "periodical",
		"post-weblog", "review", "review-book")
	// any of collection-editor compiler editor editorial-director: the test
	// that makes an interview or a conference paper monographic
	m.editedT = len(it.CollectionEditor) > 0 || len(it.Editor) > 0 || len(it.ExtraNames["compiler"]) > 0 ||
		len(it.ExtraNames["editorial-director"]) > 0
	m.ipT = it.Type == "interview" || it.Type == "paper-conference"
	// type review or review-book, or any of reviewed-author reviewed-genre
	// reviewed-title
	m.reviewT = it.Type == "review" || it.Type == "review-book" || len(it.ExtraNames["reviewed-author"]) > 0 ||
		m.x("reviewed-genre") != "" || m.x("reviewed-title") != ""
}

func (m *mla) serialType() bool {
	if !m.typed {
		m.init()
	}
	return m.serialT
}

func (m *mla) edited() bool {
	if !m.typed {
		m.init()
	}
	return m.editedT
}

func (m *mla) interviewOrPaper() bool {
	if !m.typed {
		m.init()
	}
	return m.ipT
}

func (m *mla) review() bool {
	if !m.typed {
		m.init()
	}
	return m.reviewT
}

// serial is the style's recurring choice: serial types, then monographic
// when edited, then interview and paper-conference as serials.
func (m *mla) serial() bool {
	if !m.typed {
		m.init()
	}
	return m.serialT || (!m.editedT && m.ipT)
}

func (m *mla) render() {
	r := m.r
	if r.pos == posBib {
		r.o.group("", "", ".")
		m.g(". ", "", "")
		m.author()
		m.title()
		m.afterTitle()
		m.container1()
		m.between()
		m.container2()
		m.end()
		m.e()
		r.o.end()
		return
	}
	r.o.group("", "(", ")")
	if m.locatorIs("line", "page", "timestamp") {
		m.g(" ", "", "")
		m.authorShort()
		m.locatorText()
		m.e()
	} else {
		m.g(", ", "", "")
		m.authorShort()
		m.labelLocator()
		m.e()
	}
	r.o.end()
}

// sortKeys returns the bibliography's sort keys, each rendered by key.
func (m *mla) sortKeys(key func(func()) string) []string {
	m.r.etAlMin, m.r.etAlUseFirst = 3, 1
	macros := [...]func(){m.author, m.title, m.afterTitle, m.container1, m.between, m.container2, m.end}
	keys := make([]string, len(macros))
	for i, f := range macros {
		// each key is rendered on its own, as citeproc-js does: the author
		// substitution does not suppress the title in the title key
		keys[i] = key(func() {
			m.sup = 0
			f()
		})
	}
	m.sup = 0
	return keys
}

// substitute renders the names of "author" (short: "author-short") and
// their substitutes, the first that renders.
func (m *mla) substitute(short bool) {
	r := m.r
	it := r.it
	spec := &specMLAAuthor
	if short {
		spec = &specMLAShort
	}
	r.o.attempt()
	m.inSub = true
	// composer, then author, guest, editor and translator; the long form
	// labels the editor and the translator (the names element's label;
	// the composer's and the author's terms are empty)
	for i := 0; i < 5; i++ {
		var v mlaVar
		var list []Name
		switch i {
		case 0:
			v, list = mvComposer, it.ExtraNames["composer"]
		case 1:
			v, list = mvAuthor, it.Author
		case 2:
			v, list = mvGuest, it.ExtraNames["guest"]
		case 3:
			v, list = mvEditor, it.Editor
		case 4:
			v, list = mvTranslator, it.Translator
		}
		if len(list) == 0 || m.sup&v != 0 {
			continue
		}
		c := mlaNameVar{v: v, list: list}
		switch {
		case short:
		case i == 3:
			c.label = mlaLabel{", ", "", "editor", "editors", labAfter}
		case i == 4:
			c.label = mlaLabel{", ", "", "translator", "translators", labAfter}
		}
		m.used = 0
		if m.names(spec, c) {
			m.sup |= m.used
			m.inSub = false
			return
		}
	}
	if it.Type == "standard" && m.x("authority") != "" {
		m.text(0, m.x("authority"), 0, false, tcNone)
		m.inSub = false
		return
	}
	start := len(r.o.buf)
	m.used = 0
	m.g("", "", "")
	if short {
		m.titleShort()
	} else {
		m.title()
	}
	m.e()
	if len(r.o.buf) > start {
		m.sup |= m.used
	}
	m.inSub = false
}

// author is "author".
func (m *mla) author() {
	m.g("", "", "")
	defer m.e()
	m.r.markAuthor = true
	m.substitute(false)
	m.r.markAuthor = false
}

// authorShort is "author-short" (without its disambiguating title: the
// built-in styles render one citation at a time).
func (m *mla) authorShort() {
	m.g(", ", "", "")
	m.substitute(true)
	m.e()
}

// title is "title".
func (m *mla) title() {
	m.g("", "", "")
	defer m.e()
	t := m.r.it.Type
	switch {
	case typeIn(t, "post", "webpage"), m.serialType():
		m.titleAndPartFilterReview()
	case m.edited():
		m.titleMonographic()
	case m.interviewOrPaper():
		m.titleAndPartFilterReview()
	default:
		m.titleMonographic()
	}
}

// titleShort is "title-short".
func (m *mla) titleShort() {
	m.g("", "", "")
	defer m.e()
	it := m.r.it
	switch {
	case m.review():
		if m.x("reviewed-genre") != "" && it.Title != "" {
			m.text(mvTitle, m.short(it.Title, it.TitleShort), 0, true, tcTitle)
		} else {
			m.genericLabelShort()
		}
	case it.Title != "":
		m.titlePrimary(true)
	default:
		m.genericLabelShort()
	}
}

// short is a variable's form="short": its short form if the item has one.
func (m *mla) short(long, short string) string {
	if short != "" {
		return short
	}
	return long
}

// titleAndPartFilterReview is "title-and-part-filter-review".
func (m *mla) titleAndPartFilterReview() {
	if m.review() {
		if m.x("reviewed-genre") != "" || m.x("reviewed-title") != "" {
			m.titleAndPartTitle()
		}
		return
	}
	m.titleAndPartTitle()
}

// titleAndPartTitle is "title-and-part-title".
func (m *mla) titleAndPartTitle() {
	m.g(", ", "", "")
	m.titlePrimary(false)
	m.labelPartNumber(false)
	m.titlePart()
	m.e()
}

// titleMonographic is "title-monographic".
func (m *mla) titleMonographic() {
	it := m.r.it
	switch {
	case it.ContainerTitle != "":
		m.titlePrimary(false)
	case m.x("part-title") != "":
		m.text(mvPartTitle, m.x("part-title"), Italic, false, tcTitle)
	case m.x("volume-title") != "":
		m.text(mvVolumeTitle, m.x("volume-title"), Italic, false, tcTitle)
	default:
		m.titlePrimary(false)
	}
}

// titlePart is "title-part".
func (m *mla) titlePart() {
	v := m.x("part-title")
	if m.serial() {
		m.text(mvPartTitle, v, 0, true, tcTitle)
	} else {
		m.text(mvPartTitle, v, Italic, false, tcTitle)
	}
}

// titlePrimary is "title-primary" ("title-primary-short" when short).
func (m *mla) titlePrimary(short bool) {
	it := m.r.it
	v := it.Title
	if short {
		v = m.short(it.Title, it.TitleShort)
	}
	t := it.Type
	switch {
	case typeIn(t, "bill", "collection", "legislation", "regulation", "treaty"):
		m.text(mvTitle, v, 0, false, tcTitle)
	case t == "legal_case":
		m.text(mvTitle, v, Italic, false, tcNone)
	case typeIn(t, "book", "classic", "graphic", "hearing", "map", "periodical"):
		m.text(mvTitle, v, Italic, false, tcTitle)
	case t == "post":
		m.text(mvTitle, v, 0, true, tcNone)
	case it.ContainerTitle != "",
		typeIn(t, "article", "dataset", "document", "interview", "manuscript", "paper-conference",
			"personal_communication", "speech"):
		m.text(mvTitle, v, 0, true, tcTitle)
	default:
		m.text(mvTitle, v, Italic, false, tcTitle)
	}
}

// afterTitle is "supplemental-element-after-title".
func (m *mla) afterTitle() {
	it := m.r.it
	if len(it.ExtraNames["interviewer"]) == 0 && it.OriginalDate.IsZero() && it.Genre == "" && !m.review() &&
		it.Type != "personal_communication" {
		return // nothing to render (a group left out is one dropped)
	}
	m.g(", ", "", "")
	defer m.e()
	m.supplementalContributor()
	m.supplementalOriginalDate()
	m.supplementalGenericLabel()
}

// supplementalContributor is "supplemental-contributor": "Interview by …".
func (m *mla) supplementalContributor() {
	m.names(&specMLAPlain, mlaNameVar{0, m.r.it.ExtraNames["interviewer"],
		mlaLabel{"", " ", "interview by", "interview by", labBeforeCap}})
}

// supplementalOriginalDate is "supplemental-original-date".
func (m *mla) supplementalOriginalDate() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	switch {
	case it.Type == "personal_communication":
		m.container1LocationEvent()
	case m.x("original-publisher") != "" || m.x("original-publisher-place") != "":
	case it.OriginalDate.Circa && !it.OriginalDate.IsZero():
		r.date(0, &it.OriginalDate, dateDayMonthAbbr, "[", "?]")
	default:
		r.date(0, &it.OriginalDate, dateDayMonthAbbr, "", "")
	}
}

// supplementalGenericLabel is "supplemental-generic-label".
func (m *mla) supplementalGenericLabel() {
	it := m.r.it
	m.g("", "", "")
	defer m.e()
	switch {
	case m.review():
		m.genericLabelReview()
	case it.Type == "thesis", m.x("number") != "":
	default:
		m.text(mvGenre, it.Genre, 0, false, tcCapFirst)
	}
}

// genericLabelShort is "supplemental-generic-label-short".
func (m *mla) genericLabelShort() {
	it := m.r.it
	m.g("", "", "")
	defer m.e()
	if !m.review() {
		m.text(mvGenre, it.Genre, 0, false, tcCapFirst)
		return
	}
	// supplemental-generic-label-review-short
	v, bit := m.x("reviewed-title"), mvReviewedTitle
	if m.x("reviewed-genre") == "" && v == "" {
		v, bit = m.short(it.Title, it.TitleShort), mvTitle
	}
	m.g(" ", "", "")
	if m.termGroup(v, bit) {
		m.term("review of", false)
	}
	m.text(bit, v, Italic, false, tcTitle)
	m.e()
}

// genericLabelReview is "supplemental-generic-label-review": "Review of
// Title, by Author". The macro's group and names follow each other without
// a delimiter, as the official file has them.
func (m *mla) genericLabelReview() {
	it := m.r.it
	genre, rtitle := m.x("reviewed-genre"), m.x("reviewed-title")
	rauthor := it.ExtraNames["reviewed-author"]
	by := mlaLabel{"", " ", "by", "by", labBefore}
	v, bit := rtitle, mvReviewedTitle
	if genre == "" && rtitle == "" {
		v, bit = it.Title, mvTitle
	}
	m.g("", "", "")
	defer m.e()
	m.g(" ", "", "")
	switch {
	case !m.termGroup(v, bit) && genre == "" && (m.x("number") != "" || it.Genre == "" || m.sup&mvGenre != 0):
		// only a term: the group is dropped (see termGroup)
	case genre != "":
		m.term("review of", true)
		m.text(0, genre, 0, false, tcNone)
		if rtitle == "" {
			m.names(&specMLAPlain, mlaNameVar{0, rauthor, by})
		}
	case m.x("number") != "":
		m.term("review of", true)
	case it.Genre != "":
		m.text(mvGenre, it.Genre, 0, false, tcCapFirst)
	default:
		m.term("review of", true)
	}
	m.text(bit, v, Italic, false, tcTitle)
	m.e()
	switch {
	case genre != "" && rtitle != "" && it.Title != "":
		m.names(&specMLAPlain, mlaNameVar{0, rauthor, by})
	case genre != "":
	default:
		m.names(&specMLAPlain, mlaNameVar{0, rauthor, by})
	}
}

// container1 is "container1".
func (m *mla) container1() {
	m.g(", ", "", "")
	defer m.e()
	m.container1Title()
	m.container1Contributor()
	m.container1Version()
	m.container1Number()
	m.container1Publisher()
	m.container1PublicationDate()
	m.container1Location()
}

// container1Title is "container1-title".
func (m *mla) container1Title() {
	m.g("", "", "")
	defer m.e()
	if m.serial() {
		m.container1TitleSerial()
	} else {
		m.container1TitleMonographic()
	}
}

// container1TitleSerial is "container1-title-serial": a special issue or
// supplement, the periodical's title and its place in brackets.
func (m *mla) container1TitleSerial() {
	r := m.r
	it := r.it
	t := it.Type
	vt, supp := m.x("volume-title"), m.x("supplement-number")
	m.g(", ", "", "")
	m.text(mvVolumeTitle, vt, Italic, false, tcTitle)
	m.g(" ", "", "")
	switch {
	case it.ContainerTitle == "":
	case supp != "" && vt != "":
		m.term("supplement", false)
		m.value("to")
	case t == "periodical" && supp != "" && it.Title != "":
		m.term("supplement", true)
		m.value("to")
	case t == "periodical" && (vt != "" || it.Title != ""):
		m.term("special issue", true)
		m.value("of")
	case vt != "":
		m.term("special issue", false)
		m.value("of")
	}
	m.text(mvContainerTitle, it.ContainerTitle, Italic, false, tcTitle)
	m.textAff(0, it.PublisherPlace, "[", "]", 0, false, tcNone)
	m.e()
	m.e()
}

// container1TitleMonographic is "container1-title-monographic".
func (m *mla) container1TitleMonographic() {
	it := m.r.it
	switch {
	case it.ContainerTitle != "" && m.x("part-title") != "":
		m.text(mvPartTitle, m.x("part-title"), Italic, false, tcTitle)
	case it.ContainerTitle != "" && m.x("volume-title") != "":
		m.text(mvVolumeTitle, m.x("volume-title"), Italic, false, tcTitle)
	default:
		m.text(mvContainerTitle, it.ContainerTitle, Italic, false, tcTitle)
	}
}

// container1Contributor is "container1-contributor": "edited by …,
// directed by …", capitalized when no container title precedes.
func (m *mla) container1Contributor() {
	it := m.r.it
	m.g(", ", "", "")
	defer m.e()
	pos := labBefore
	if it.ContainerTitle == "" {
		pos = labBeforeCap
	}
	m.names(&specMLAPlain, mlaNameVar{0, it.ContainerAuthor, mlaLabel{"", " ", "by", "by", labBefore}})
	m.editorTranslator(pos)
	x := it.ExtraNames
	m.names(&specMLAPlain,
		mlaNameVar{0, x["director"], mlaLabel{"", " ", "directed by", "directed by", pos}},
		mlaNameVar{0, x["series-creator"], mlaLabel{"", " ", "created by", "created by", pos}},
		mlaNameVar{0, x["illustrator"], mlaLabel{"", " ", "illustrated by", "illustrated by", pos}},
		mlaNameVar{0, x["host"], mlaLabel{"", " ", "hosted by", "hosted by", pos}},
		mlaNameVar{0, x["narrator"], mlaLabel{"", " ", "narrated by", "narrated by", pos}},
		mlaNameVar{0, x["contributor"], mlaLabel{"", " ", "with", "with", pos}})
}

// editorTranslator is cs:names variable="editor translator" with verb
// labels: one list "edited and translated by" when the two are the same
// people (citeproc-js's editortranslator).
func (m *mla) editorTranslator(pos labelPos) {
	it := m.r.it
	ed, tr := it.Editor, it.Translator
	if m.sup&mvEditor != 0 {
		ed = nil
	}
	if m.sup&mvTranslator != 0 {
		tr = nil
	}
	if len(ed) > 0 && len(tr) > 0 && sameNames(ed, tr) {
		m.names(&specMLAPlain, mlaNameVar{0, ed, mlaLabel{"", " ", "edited and translated by", "edited and translated by", pos}})
		return
	}
	m.names(&specMLAPlain,
		mlaNameVar{0, ed, mlaLabel{"", " ", "edited by", "edited by", pos}},
		mlaNameVar{0, tr, mlaLabel{"", " ", "translated by", "translated by", pos}})
}

// container1Version is "container1-version": the edition and the version.
func (m *mla) container1Version() {
	it := m.r.it
	if it.Edition == "" && m.x("version") == "" {
		return
	}
	m.g(", ", "", "")
	defer m.e()
	m.labelEditionCapitalized()
	// label-version, label-version-capitalized
	m.g(" ", "", "")
	if v := m.x("version"); v != "" {
		m.label("version", it.Edition == "")
	}
	m.text(0, m.x("version"), 0, false, tcNone)
	m.e()
}

// labelEditionCapitalized is "label-edition-capitalized": "2nd ed.", or
// the edition's text with a capital.
func (m *mla) labelEditionCapitalized() {
	r := m.r
	ed := r.it.Edition
	m.g(" ", "", "")
	defer m.e()
	if ed != "" && numericCP(ed) {
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendOrdinal(r.o.buf, ed)
		r.o.end()
		if pluralCP(ed) {
			m.label("eds.", false)
		} else {
			m.label("ed.", false)
		}
		return
	}
	m.text(0, ed, 0, false, tcCapFirst)
}

// container1Number is "container1-number": series of a serial, volume,
// issue, supplement and number.
func (m *mla) container1Number() {
	r := m.r
	it := r.it
	m.g(", ", "", "")
	defer m.e()
	x := it.ExtraNames
	switch {
	case m.serial():
		m.text(0, it.CollectionTitle, 0, false, tcNone)
		m.labelVolume(false)
	case m.edited():
		m.labelVolume(false)
	case m.x("part-title") != "" || m.x("volume-title") != "":
		m.labelVolume(false)
	case it.Edition != "" || it.ContainerTitle != "":
		m.labelVolume(false)
	case len(it.Author) > 0:
		if len(it.ContainerAuthor) > 0 || len(x["contributor"]) > 0 || len(x["director"]) > 0 ||
			len(it.Editor) > 0 || len(x["illustrator"]) > 0 || len(x["interviewer"]) > 0 || len(it.Translator) > 0 {
			m.labelVolume(false)
		}
	default:
		m.labelVolume(true)
	}
	// label-issue (groups of empty variables are left out: they would be
	// dropped)
	if iss := m.x("issue"); iss != "" {
		m.g(" ", "", "")
		if pluralCP(iss) {
			m.label("nos.", false)
		} else {
			m.label("no.", false)
		}
		m.number(iss)
		m.e()
	}
	// label-supplement-number
	if s := m.x("supplement-number"); s != "" {
		m.g(" ", "", "")
		if numericCP(s) {
			m.term("supp.", false)
		}
		m.number(s)
		m.e()
	}
	// the number
	n := m.x("number")
	if n == "" {
		return
	}
	m.g(" ", "", "")
	switch {
	case numericCP(n) && it.Type == "broadcast" && it.Genre != "":
		m.text(mvGenre, it.Genre, 0, false, tcNone)
		m.number(n)
	case numericCP(n) && it.Type == "broadcast":
		m.value("episode")
		m.number(n)
	case n != "":
		m.text(mvGenre, it.Genre, 0, false, tcNone)
		// label-number
		m.g(" ", "", "")
		if it.Type != "standard" && numericCP(joinSlashedDigits(n)) {
			if pluralCP(joinSlashedDigits(n)) {
				m.label("nos.", false)
			} else {
				m.label("no.", false)
			}
		}
		m.number(n)
		m.e()
	}
	m.e()
}

// container1Publisher is "container1-publisher" (with
// "container1-publisher-or-place").
func (m *mla) container1Publisher() {
	it := m.r.it
	m.g("", "", "")
	defer m.e()
	switch {
	case it.Type == "thesis", m.serial():
	case it.Publisher != "":
		m.text(0, it.Publisher, 0, false, tcNone)
	default:
		m.text(0, it.PublisherPlace, 0, false, tcNone)
	}
}

// container1PublicationDate is "container1-publication-date".
func (m *mla) container1PublicationDate() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	circa := it.Issued.Circa && !it.Issued.IsZero()
	switch {
	case typeIn(it.Type, "book", "chapter", "motion_picture", "paper-conference", "thesis"):
		if circa {
			r.date(0, &it.Issued, dateYear, "[", "?]")
		} else {
			r.date(0, &it.Issued, dateYear, "", "")
		}
	case it.Type == "article-journal":
		// date-parts="year-month"
		d := it.Issued
		d.From.Day, d.To.Day = 0, 0
		if circa {
			r.date(0, &d, dateDayMonthAbbr, "[", "?]")
		} else {
			r.date(0, &d, dateDayMonthAbbr, "", "")
		}
	case it.Type == "speech":
	case circa:
		m.g(" ", "", "")
		m.term("circa", true)
		r.date(0, &it.Issued, dateDayMonthAbbr, "", "")
		m.e()
	default:
		r.date(0, &it.Issued, dateDayMonthAbbr, "", "")
	}
}

// container1Location is "container1-location": the event, the archive,
// the pages and the URI.
func (m *mla) container1Location() {
	r := m.r
	it := r.it
	m.g(", ", "", "")
	defer m.e()
	m.g("", "", "")
	switch {
	case m.serialType(), it.Type == "personal_communication":
	case it.Type == "paper-conference":
		if !m.edited() && m.x("issue") == "" && it.Page == "" && m.x("supplement-number") == "" && it.Volume == "" {
			m.container1LocationEvent()
		}
	default:
		m.container1LocationEvent()
	}
	m.e()
	m.text(0, it.Archive, 0, false, tcNone)
	m.text(0, it.ArchivePlace, 0, false, tcNone)
	m.text(0, m.x("archive_collection"), 0, false, tcNone)
	m.text(0, it.ArchiveLocation, 0, false, tcNone)
	// label-page
	if it.Page != "" {
		m.g(" ", "", "")
		if pluralCP(it.Page) {
			m.label("pp.", false)
		} else {
			m.label("p.", false)
		}
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendRange(r.o.buf, it.Page, rangeMinimalTwo)
		r.o.end()
		m.e()
	}
	if it.Source == "" {
		m.uri()
	}
}

// container1LocationEvent is "container1-location-event": the event's
// title, date and place.
func (m *mla) container1LocationEvent() {
	r := m.r
	it := r.it
	d := it.ExtraDates["event-date"]
	if m.x("event") == "" && d.IsZero() && m.x("event-title") == "" {
		return
	}
	m.g(", ", "", "")
	defer m.e()
	if t := m.x("event-title"); t != "" {
		m.text(0, t, 0, false, tcCapFirst)
	} else {
		m.text(0, m.x("event"), 0, false, tcCapFirst)
	}
	if d.Circa && !d.IsZero() {
		r.date(0, &d, dateDayMonthAbbr, "[", "?]")
	} else {
		r.date(0, &d, dateDayMonthAbbr, "", "")
	}
	m.text(0, m.x("event-place"), 0, false, tcNone)
}

// uri is "container1-location-URI".
func (m *mla) uri() {
	r := m.r
	it := r.it
	m.g("", "", "")
	switch {
	case it.DOI != "":
		r.o.elem("", "", Link, false)
		r.o.success()
		r.o.open()
		r.o.buf = append(r.o.buf, "https://doi.org/"...)
		r.o.buf = append(r.o.buf, it.DOI...)
		r.o.end()
	case it.URL != "":
		r.o.elem("", "", Link, false)
		r.o.success()
		r.o.open()
		r.o.buf = append(r.o.buf, it.URL...)
		r.o.end()
	default:
		r.o.attempt()
	}
	m.e()
}

// between is "supplemental-element-between": with a second container,
// the movable elements go before it.
func (m *mla) between() {
	if m.r.it.Source != "" {
		m.g("", "", "")
		m.movable()
		m.e()
	}
}

// container2 is "container2": the source (a database, a website) and its
// URI.
func (m *mla) container2() {
	it := m.r.it
	if it.Source == "" || (it.DOI == "" && it.URL == "") {
		return
	}
	m.g(", ", "", "")
	m.text(0, it.Source, Italic, false, tcNone)
	m.uri()
	m.e()
}

// end is "supplemental-element-end".
func (m *mla) end() {
	r := m.r
	it := r.it
	m.g(", ", "", "")
	defer m.e()
	// supplemental-date-access
	if it.Issued.IsZero() && !it.Accessed.IsZero() {
		m.g(" ", "", "")
		m.term("accessed", true)
		r.date(0, &it.Accessed, dateDayMonthAbbr, "", "")
		m.e()
	}
	// supplemental-medium
	m.text(0, it.Medium, 0, false, tcCapFirst)
	if it.Source == "" {
		m.movable()
	}
}

// movable is "supplemental-element-movable".
func (m *mla) movable() {
	it := m.r.it
	m.g(", ", "", "")
	defer m.e()
	if m.serial() {
		// supplemental-columns-sections
		m.text(0, m.x("section"), 0, false, tcTitle)
		return
	}
	// supplemental-dissertations-theses
	if it.Type == "thesis" {
		m.g(", ", "", "")
		m.text(0, it.Publisher, 0, false, tcNone)
		m.text(mvGenre, it.Genre, 0, false, tcNone)
		m.e()
	}
	m.publicationHistory()
	m.bookSeries()
	m.multivolumeWorks()
}

// publicationHistory is "supplemental-publication-history": "Originally
// published as Title, Publisher 1934".
func (m *mla) publicationHistory() {
	r := m.r
	it := r.it
	ot, op, opp := m.x("original-title"), m.x("original-publisher"), m.x("original-publisher-place")
	if ot == "" && op == "" && opp == "" {
		return
	}
	m.g(" ", "", "")
	defer m.e()
	if ot != "" || op != "" || opp != "" {
		m.term("originally published", true)
	}
	m.g(", ", "", "")
	m.g(" ", "", "")
	if ot != "" {
		// a group that would be dropped is not begun (see termGroup)
		m.value("as")
	}
	m.text(0, ot, Italic, false, tcTitle)
	m.e()
	if op != "" || opp != "" {
		if op != "" {
			m.g(" ", "", "")
			if ot == "" {
				m.term("by", false)
			}
			m.text(0, op, 0, false, tcNone)
			m.e()
		} else {
			m.text(0, opp, 0, false, tcNone)
		}
		d := &it.OriginalDate
		if d.Circa && !d.IsZero() {
			r.date(0, d, dateYear, "[", "?]")
		} else {
			r.date(0, d, dateYear, "", "")
		}
	}
	m.e()
}

// bookSeries is "supplemental-book-series".
func (m *mla) bookSeries() {
	it := m.r.it
	if it.CollectionTitle == "" {
		return
	}
	m.g(", ", "", "")
	defer m.e()
	switch {
	case it.CollectionTitle != "" && numericCP(it.CollectionNumber):
		m.g(" ", "", "")
		m.text(0, it.CollectionTitle, 0, false, tcTitle)
		m.number(it.CollectionNumber)
		m.e()
	case it.CollectionTitle != "":
		m.text(0, it.CollectionTitle, 0, false, tcTitle)
		m.number(it.CollectionNumber)
	}
}

// multivolumeWorks is "supplemental-multivolume-works": "Vol. 2 of
// Title" and the number of volumes.
func (m *mla) multivolumeWorks() {
	r := m.r
	it := r.it
	pn, pt, vt := m.x("part-number"), m.x("part-title"), m.x("volume-title")
	if pt == "" && vt == "" && (it.Volume != "" || it.NumberOfVolumes == "") {
		return
	}
	m.g(", ", "", "")
	defer m.e()
	of := func() {
		m.g(", ", "", "")
		if it.ContainerTitle != "" {
			m.text(mvContainerTitle, it.ContainerTitle, Italic, false, tcTitle)
		} else {
			m.titlePrimary(false)
		}
		m.names(&specMLAPlain, mlaNameVar{0, it.CollectionEditor,
			mlaLabel{", ", "", "general editor", "general editors", labAfter}})
		m.e()
	}
	switch {
	case pn != "" && pt != "" && it.Volume != "" && vt != "":
		m.g(" ", "", "")
		m.labelPartNumber(true)
		m.value("of")
		m.text(mvVolumeTitle, vt, Italic, false, tcTitle)
		m.e()
		m.g(" ", "", "")
		m.labelVolume(false)
		m.value("of")
		of()
		m.e()
	case pt != "" || vt != "":
		m.g(" ", "", "")
		switch {
		case pn != "" && it.Volume != "":
			m.g(", ", "", "")
			m.labelVolume(true)
			m.labelPartNumber(false)
			m.value("of")
			m.e()
		case pn != "":
			m.labelPartNumber(true)
			m.value("of")
		case it.Volume != "":
			m.labelVolume(true)
			m.value("of")
		}
		of()
		m.e()
	}
	if it.Volume == "" {
		numberOfVolumes(r)
	}
}

// labelVolume is "label-volume" ("label-volume-capitalized").
func (m *mla) labelVolume(capital bool) {
	v := m.r.it.Volume
	m.g(" ", "", "")
	defer m.e()
	if v != "" && numericCP(v) {
		if pluralCP(v) {
			m.label("vols.", capital)
		} else {
			m.label("vol.", capital)
		}
	}
	m.numberCap(v, capital)
}

// labelPartNumber is "label-part-number" ("label-part-number-capitalized").
func (m *mla) labelPartNumber(capital bool) {
	v := m.x("part-number")
	m.g(" ", "", "")
	defer m.e()
	if m.sup&mvPartNumber != 0 {
		v = ""
	} else if m.inSub && v != "" {
		m.used |= mvPartNumber
	}
	if v != "" && numericCP(v) {
		m.term("pt.", capital)
	}
	m.numberCap(v, capital)
}
