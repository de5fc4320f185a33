package cite

// modern-language-association (MLA Handbook, 9th edition): the works-cited
// entry and the parenthetical citation. Methods are named after the CSL
// macros they implement.

type mla struct {
	r *renderer
	k kind
}

func (m *mla) g(delim, prefix, suffix string) { m.r.o.group(delim, prefix, suffix) }
func (m *mla) e()                             { m.r.o.end() }

var (
	specMLAAuthor = nameSpec{sortFirst: true, dplAlways: true, etAlAlways: true, demoteNever: true,
		label: labelLong, labelPrefix: ", "}
	specMLAShort   = nameSpec{short: true, demoteNever: true}
	specMLAVerb    = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", demoteNever: true}
	specMLAVerbCap = nameSpec{label: labelVerb, labelBefore: true, labelSuffix: " ", labelCap: true, demoteNever: true}
)

func (m *mla) render() {
	r := m.r
	m.k = itemKind(r.it)
	if r.pos == posBib {
		r.o.group("", "", ".")
		m.g(". ", "", "")
		m.author()
		m.title()
		m.afterTitle()
		m.container1()
		if r.it.Source != "" {
			// supplemental-element-between
			m.g("", "", "")
			m.movable()
			m.e()
		}
		m.container2()
		m.end()
		m.e()
		r.o.end()
		return
	}
	r.o.group("", "(", ")")
	l := r.loc.Label
	if r.loc.Value != "" && (l == "line" || l == "page" || l == "timestamp") {
		m.g(" ", "", "")
		m.authorShort()
		m.locatorText()
		m.e()
	} else {
		m.g(", ", "", "")
		m.authorShort()
		// label-locator
		m.g("", "", "")
		m.g(" ", "", "")
		if t := findLocatorTerm(r.loc.Label); t != nil && r.loc.Value != "" {
			s := t.short
			pl := isPlural(r.loc.Value)
			if pl {
				s = t.shortPl
			}
			switch {
			case t.mlaShort != "" && pl:
				s = t.mlaShortPl
			case t.mlaShort != "":
				s = t.mlaShort
			case l == "paragraph" && pl:
				s = "pars."
			case l == "paragraph":
				s = "par."
			}
			r.term(s, "", "", false)
		}
		m.locatorText()
		m.e()
		m.e()
		m.e()
	}
	r.o.end()
}

func (m *mla) locatorText() {
	r := m.r
	r.o.elem("", "", 0, false)
	if r.loc.Value == "" {
		r.o.attempt()
	} else {
		r.o.success()
		r.o.open()
		if r.loc.Label == "page" {
			r.o.buf = appendRange(r.o.buf, r.loc.Value, rangeMinimalTwo)
		} else {
			r.o.buf = appendDashes(r.o.buf, r.loc.Value)
		}
	}
	r.o.end()
}

// substitute is the names substitution of "author" and "author-short".
func (m *mla) substitute(spec *nameSpec, title func()) {
	r := m.r
	it := r.it
	r.o.attempt()
	for _, c := range [...]struct {
		v    varSet
		rl   role
		list []Name
	}{{vAuthor, roleAuthor, it.Author}, {vEditor, roleEditor, it.Editor}, {vTranslator, roleTranslator, it.Translator}} {
		if r.done&c.v == 0 && len(c.list) > 0 {
			r.inSubst = true
			r.used = 0
			r.names(c.v, c.rl, c.list, spec)
			r.inSubst = false
			r.done |= r.used
			return
		}
	}
	start := len(r.o.buf)
	r.inSubst = true
	r.used = 0
	title()
	r.inSubst = false
	if len(r.o.buf) > start {
		r.done |= r.used
	}
}

// author is "author".
func (m *mla) author() {
	m.g("", "", "")
	defer m.e()
	m.r.markAuthor = true
	m.substitute(&specMLAAuthor, m.title)
	m.r.markAuthor = false
}

// authorShort is "author-short".
func (m *mla) authorShort() {
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	m.substitute(&specMLAShort, m.titleShort)
}

// quoted reports whether the title is quoted (a part of a larger work or an
// unpublished document) rather than italic (a book).
func (m *mla) quoted() bool {
	switch m.k {
	case kManuscript, kLetter:
		return true
	}
	t := m.r.it.Type
	switch {
	case typeIn(t, "book", "classic", "graphic", "hearing", "map", "periodical"):
		return false
	case m.r.it.ContainerTitle != "":
		return true
	}
	return typeIn(t, "article", "dataset", "document", "interview", "manuscript", "paper-conference", "personal_communication", "speech")
}

// title is "title" ("title-primary").
func (m *mla) title() {
	r := m.r
	m.g("", "", "")
	defer m.e()
	if m.quoted() {
		r.tv(vTitle, r.it.Title, "", "", 0, true, tcTitle)
	} else {
		r.tv(vTitle, r.it.Title, "", "", Italic, false, tcTitle)
	}
}

// titleShort is "title-short".
func (m *mla) titleShort() {
	r := m.r
	m.g("", "", "")
	defer m.e()
	if r.it.Title != "" {
		t := r.it.TitleShort
		if t == "" {
			t = r.it.Title
		}
		if m.quoted() {
			r.tv(vTitle, t, "", "", 0, true, tcTitle)
		} else {
			r.tv(vTitle, t, "", "", Italic, false, tcTitle)
		}
		return
	}
	// supplemental-generic-label-short
	r.tv(vGenre, r.it.Genre, "", "", 0, false, tcCapFirst)
}

// afterTitle is "supplemental-element-after-title".
func (m *mla) afterTitle() {
	r := m.r
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	if m.k != kLetter {
		r.date(0, &r.it.OriginalDate, dateText, "", "")
	}
	if r.it.Extra["number"] == "" && r.it.Type != "thesis" {
		// with a number, the genre goes before it in container1; a
		// thesis's goes with the university at the end
		r.tv(vGenre, r.it.Genre, "", "", 0, false, tcCapFirst)
	}
}

// container1 is "container1".
func (m *mla) container1() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	if m.k == kSerial {
		// container1-title-serial
		m.g(" ", "", "")
		r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle)
		r.tv(vPublisherPlace, it.PublisherPlace, "[", "]", 0, false, tcNone)
		m.e()
	} else {
		r.tv(vContainerTitle, it.ContainerTitle, "", "", Italic, false, tcTitle)
	}
	// container1-contributor
	m.g("", "", "")
	m.g(", ", "", "")
	spec := &specMLAVerbCap
	if it.ContainerTitle != "" {
		spec = &specMLAVerb
	}
	r.names(vContainerAuthor, roleContainerAuthor, it.ContainerAuthor, &specMLAVerb)
	if len(it.Editor) > 0 && len(it.Translator) > 0 && r.done&(vEditor|vTranslator) == 0 && sameNames(it.Editor, it.Translator) {
		r.names(vEditor|vTranslator, roleEditorTranslator, it.Editor, spec)
	} else {
		m.g(", ", "", "")
		r.names(vEditor, roleEditor, it.Editor, spec)
		r.names(vTranslator, roleTranslator, it.Translator, spec)
		m.e()
	}
	m.e()
	m.e()
	// container1-version
	m.g(", ", "", "")
	m.labelEditionCapitalized()
	if v := it.Extra["version"]; v != "" {
		// label-version, capitalized without an edition before it
		m.g(" ", "", "")
		r.term("version", "", "", it.Edition == "")
		r.tv(0, v, "", "", 0, false, tcNone)
		m.e()
	}
	m.e()
	// container1-number
	m.g("", "", "")
	m.g(", ", "", "")
	switch {
	case m.k == kSerial:
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcNone)
		m.labelVolume(false)
	case len(it.CollectionEditor) > 0 || len(it.Editor) > 0:
		m.labelVolume(false)
	case it.Edition != "" || it.ContainerTitle != "":
		m.labelVolume(false)
	case len(it.Author) > 0:
		if len(it.ContainerAuthor) > 0 || len(it.Editor) > 0 || len(it.Translator) > 0 {
			m.labelVolume(false)
		}
	default:
		m.labelVolume(true)
	}
	// label-issue
	m.g(" ", "", "")
	if iss := it.Extra["issue"]; iss != "" {
		t := "no."
		if isPlural(iss) {
			t = "nos."
		}
		r.o.elem("", "", 0, false)
		r.o.lit(t)
		r.o.end()
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendDashes(r.o.buf, iss)
		r.o.end()
	}
	m.e()
	// the number, after its genre
	if n := it.Extra["number"]; n != "" {
		m.g(" ", "", "")
		if it.Type != "broadcast" {
			r.tv(vGenre, it.Genre, "", "", 0, false, tcNone)
		}
		m.g(" ", "", "")
		if isNumeric(n) {
			r.term("no.", "", "", false)
		}
		r.tv(0, n, "", "", 0, false, tcNone)
		m.e()
		m.e()
	}
	m.e()
	m.e()
	// container1-publisher
	m.g("", "", "")
	switch {
	case m.k == kSerial, it.Type == "thesis":
	case it.Publisher != "":
		r.plain(vPublisher, it.Publisher)
	default:
		r.plain(vPublisherPlace, it.PublisherPlace)
	}
	m.e()
	// container1-publication-date
	m.g("", "", "")
	circa := it.Issued.Circa && !it.Issued.IsZero()
	switch {
	case typeIn(it.Type, "book", "chapter", "motion_picture", "paper-conference", "thesis"):
		if circa {
			r.date(vIssued, &it.Issued, dateYear, "[", "?]")
		} else {
			r.date(vIssued, &it.Issued, dateYear, "", "")
		}
	case it.Type == "article-journal":
		// date-parts="year-month"
		d := it.Issued
		d.From.Day, d.To.Day = 0, 0
		if circa {
			r.date(vIssued, &d, dateDayMonthAbbr, "[", "?]")
		} else {
			r.date(vIssued, &d, dateDayMonthAbbr, "", "")
		}
	case it.Type == "speech":
	case circa:
		m.g(" ", "", "")
		r.term("circa", "", "", true)
		r.date(vIssued, &it.Issued, dateDayMonthAbbr, "", "")
		m.e()
	default:
		r.date(vIssued, &it.Issued, dateDayMonthAbbr, "", "")
	}
	m.e()
	// container1-location
	m.g("", "", "")
	m.g(", ", "", "")
	r.plain(vArchive, it.Archive)
	r.plain(0, it.ArchivePlace)
	r.plain(0, it.Extra["archive_collection"])
	r.plain(vArchiveLocation, it.ArchiveLocation)
	// label-page
	m.g("", "", "")
	m.g(" ", "", "")
	if it.Page != "" {
		t := "p."
		if isPlural(it.Page) {
			t = "pp."
		}
		r.term(t, "", "", false)
	}
	r.o.elem("", "", 0, false)
	if it.Page == "" {
		r.o.attempt()
	} else {
		r.o.success()
		r.o.open()
		r.o.buf = appendRange(r.o.buf, it.Page, rangeMinimalTwo)
	}
	r.o.end()
	m.e()
	m.e()
	// container1-location-URI, unless a second container holds it
	if it.Source == "" {
		m.uri()
	}
	m.e()
	m.e()
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

// container2 is "container2": the source (a database, a website) and its
// URL.
func (m *mla) container2() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	if it.Source != "" && (it.DOI != "" || it.URL != "") {
		r.tv(0, it.Source, "", "", Italic, false, tcNone)
		m.uri()
	}
}

// labelVolume is "label-volume" ("label-volume-capitalized").
func (m *mla) labelVolume(capital bool) {
	r := m.r
	m.g("", "", "")
	defer m.e()
	m.g(" ", "", "")
	defer m.e()
	if r.it.Volume != "" && isNumeric(r.it.Volume) {
		t := "vol."
		if isPlural(r.it.Volume) {
			t = "vols."
		}
		r.term(t, "", "", capital)
	}
	r.o.elem("", "", 0, false)
	if r.it.Volume == "" {
		r.o.attempt()
	} else {
		r.o.success()
		r.o.open()
		start := len(r.o.buf)
		r.o.buf = appendDashes(r.o.buf, r.it.Volume)
		if capital {
			capitalizeAt(r.o.buf, start)
		}
	}
	r.o.end()
}

// end is "supplemental-element-end".
func (m *mla) end() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	// supplemental-date-access
	m.g("", "", "")
	if it.Issued.IsZero() {
		m.g(" ", "", "")
		r.term("accessed", "", "", true)
		r.date(vAccessed, &it.Accessed, dateDayMonthAbbr, "", "")
		m.e()
	}
	m.e()
	// supplemental-medium
	m.g("", "", "")
	r.tv(vMedium, it.Medium, "", "", 0, false, tcCapFirst)
	m.e()
	if it.Source == "" {
		m.movable()
	}
}

// movable is "supplemental-element-movable": the book series and the
// number of volumes.
func (m *mla) movable() {
	r := m.r
	it := r.it
	m.g("", "", "")
	defer m.e()
	m.g(", ", "", "")
	defer m.e()
	if m.k == kSerial {
		// supplemental-columns-sections
		r.tv(0, it.Extra["section"], "", "", 0, false, tcTitle)
		return
	}
	// supplemental-dissertations-theses
	if it.Type == "thesis" {
		m.g(", ", "", "")
		r.plain(vPublisher, it.Publisher)
		r.plain(vGenre, it.Genre)
		m.e()
	}
	// supplemental-book-series
	m.g(", ", "", "")
	if it.CollectionTitle != "" && isNumeric(it.CollectionNumber) {
		m.g(" ", "", "")
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcTitle)
		r.tv(0, it.CollectionNumber, "", "", 0, false, tcNone)
		m.e()
	} else {
		r.tv(vCollectionTitle, it.CollectionTitle, "", "", 0, false, tcTitle)
		if it.CollectionTitle != "" {
			r.tv(0, it.CollectionNumber, "", "", 0, false, tcNone)
		}
	}
	m.e()
	// supplemental-multivolume-works
	m.g("", "", "")
	m.g(", ", "", "")
	if it.Volume == "" {
		numberOfVolumes(r)
	}
	m.e()
	m.e()
}

// labelEditionCapitalized is "label-edition-capitalized": "2nd ed.", or
// the edition's text with a capital.
func (m *mla) labelEditionCapitalized() {
	r := m.r
	ed := r.it.Edition
	m.g(" ", "", "")
	defer m.e()
	if ed != "" && isNumeric(ed) {
		r.o.elem("", "", 0, false)
		r.o.success()
		r.o.open()
		r.o.buf = appendOrdinal(r.o.buf, ed)
		r.o.end()
		r.o.elem("", "", 0, false)
		r.o.lit("ed.")
		r.o.end()
		return
	}
	r.tv(vEdition, ed, "", "", 0, false, tcCapFirst)
}
