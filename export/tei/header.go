package tei

import (
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

const (
	teiNS = "http://www.tei-c.org/ns/1.0"
	// appIdent and appVersion name this exporter in encodingDesc/appInfo.
	appIdent   = "maisky-export-tei"
	appVersion = "1.0"
	appLabel   = "maisky export/tei: TEI P5 writer and reader for archive documents"

	availabilityText = "The text, the translation and the editorial notes are those of the print edition and remain under its copyright."
	editorialText    = "Each pb marks the start of a page of the print edition named in the source description; its n attribute is the printed page number. " +
		"Text before the first pb of a version continues the page on which the previous entry ended; an fw of type pageNum at the start of a version gives that page when it is recorded. " +
		"Consecutive pb elements mark pages without text, such as plates. " +
		"Notes of type editorial are the edition's footnotes, encoded at their point of attachment, with n the number printed in the book; notes of type commentary hold the editor's commentary passages where they stand. " +
		"A p with part=\"F\" began on a page that is not part of this text."
)

// persName appends a person to parent: a persName whose text reads as the
// archive's form ("Liakhovetsky, Ivan Mikhailovich (Maisky)") with surname,
// one forename per given name and the pseudonym as addName, then, when the
// person has a name in original script, a persName of type "original".
func persName(parent *etree.Element, p maisky.Person) {
	pn := parent.CreateElement("persName")
	if p.Family != "" {
		pn.CreateElement("surname").CreateText(p.Family)
	}
	if p.Given != "" {
		if p.Family != "" {
			pn.CreateText(", ")
		}
		if fields := strings.Fields(p.Given); strings.Join(fields, " ") == p.Given {
			for i, f := range fields {
				if i > 0 {
					pn.CreateText(" ")
				}
				pn.CreateElement("forename").CreateText(f)
			}
		} else {
			pn.CreateElement("forename").CreateText(p.Given)
		}
	}
	if p.Pseudonym != "" {
		if p.Family != "" || p.Given != "" {
			pn.CreateText(" (")
		} else {
			pn.CreateText("(")
		}
		add := pn.CreateElement("addName")
		add.CreateAttr("type", "pseudonym")
		add.CreateText(p.Pseudonym)
		pn.CreateText(")")
	}
	if p.Original != "" {
		o := parent.CreateElement("persName")
		o.CreateAttr("type", "original")
		o.CreateText(p.Original)
	}
}

// people appends one element tag (author, editor) per person.
func people(parent *etree.Element, tag, role string, ps []maisky.Person) {
	for _, p := range ps {
		e := parent.CreateElement(tag)
		if role != "" {
			e.CreateAttr("role", role)
		}
		persName(e, p)
	}
}

// dateElem appends a date element: when is the ISO form, precision="low"
// marks an approximate date and cert="low" an uncertain one.
func dateElem(parent *etree.Element, d maisky.Date, content string) *etree.Element {
	e := parent.CreateElement("date")
	setDateAttrs(e, d)
	if content != "" {
		e.CreateText(content)
	}
	return e
}

func setDateAttrs(e *etree.Element, d maisky.Date) {
	e.CreateAttr("when", d.ISO())
	if d.Approximate {
		e.CreateAttr("precision", "low")
	}
	if d.Uncertain {
		e.CreateAttr("cert", "low")
	}
}

func textElem(parent *etree.Element, tag, text string) *etree.Element {
	e := parent.CreateElement(tag)
	if text != "" {
		e.CreateText(text)
	}
	return e
}

func idno(parent *etree.Element, typ, value string) {
	e := textElem(parent, "idno", value)
	if typ != "" {
		e.CreateAttr("type", typ)
	}
}

func year(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func respStmt(parent *etree.Element) {
	r := parent.CreateElement("respStmt")
	textElem(r, "resp", "Conversion to TEI P5")
	textElem(r, "name", appIdent)
}

// publicationStmt writes the archive as authority and publisher, the idnos
// given (type, value pairs; empty values left out), the availability and
// the publication date.
func publicationStmt(parent *etree.Element, vol *maisky.Volume, date time.Time, idnos ...string) {
	ps := parent.CreateElement("publicationStmt")
	name := ""
	if vol != nil {
		name = vol.Archive.Name
	}
	textElem(ps, "authority", name)
	if vol != nil && vol.Archive.Publisher != "" {
		textElem(ps, "publisher", vol.Archive.Publisher)
	}
	for i := 0; i+1 < len(idnos); i += 2 {
		if idnos[i+1] != "" {
			idno(ps, idnos[i], idnos[i+1])
		}
	}
	av := ps.CreateElement("availability")
	av.CreateAttr("status", "restricted")
	textElem(av, "p", availabilityText)
	if !date.IsZero() {
		d := date.Format(time.DateOnly)
		textElem(ps, "date", d).CreateAttr("when", d)
	}
}

// monogr writes the printed volume: title, ids, editors and translators
// (when full), imprint and volume number. The caller adds page ranges.
func monogr(parent *etree.Element, vol *maisky.Volume, volumeID string, full bool) *etree.Element {
	m := parent.CreateElement("monogr")
	textElem(m, "title", vol.Title).CreateAttr("level", "m")
	if vol.ISBN != "" {
		idno(m, "ISBN", vol.ISBN)
	}
	if volumeID != "" {
		idno(m, "local", volumeID)
	}
	if full {
		people(m, "editor", "", vol.Editors)
		people(m, "editor", "translator", vol.Translators)
	}
	imp := m.CreateElement("imprint")
	if vol.Place != "" && full {
		textElem(imp, "pubPlace", vol.Place)
	}
	textElem(imp, "publisher", vol.Publisher)
	if vol.Year != 0 {
		y := year(vol.Year)
		textElem(imp, "date", y).CreateAttr("when", y)
	}
	if vol.Number != "" {
		textElem(m, "biblScope", vol.Number).CreateAttr("unit", "volume")
	}
	return m
}

func pageScope(parent *etree.Element, r maisky.PageRange) {
	e := textElem(parent, "biblScope", r.String())
	e.CreateAttr("unit", "page")
	e.CreateAttr("from", strconv.Itoa(r.First))
	e.CreateAttr("to", strconv.Itoa(r.Last))
}

func encodingDesc(parent *etree.Element) {
	ed := parent.CreateElement("encodingDesc")
	app := ed.CreateElement("appInfo").CreateElement("application")
	app.CreateAttr("ident", appIdent)
	app.CreateAttr("version", appVersion)
	textElem(app, "label", appLabel)
	textElem(ed.CreateElement("editorialDecl"), "p", editorialText)
}

// languageName returns the English name of a BCP 47 tag ("Russian"), or
// the tag itself.
func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return tag
}

// header returns the document's teiHeader. In a corpus, what the corpus
// header says (the volume's editors, the encoding) is not repeated.
func (dw *docWriter) header() *etree.Element {
	doc, vol := dw.doc, dw.vol
	h := etree.NewElement("teiHeader")
	fd := h.CreateElement("fileDesc")
	ts := fd.CreateElement("titleStmt")
	textElem(ts, "title", doc.Title).CreateAttr("type", "main")
	if vol != nil && !dw.inCorpus {
		textElem(ts, "title", vol.FullTitle()).CreateAttr("type", "sub")
	}
	people(ts, "author", "", doc.Authors)
	if vol != nil && !dw.inCorpus {
		people(ts, "editor", "", vol.Editors)
		people(ts, "editor", "translator", vol.Translators)
	}
	if !dw.inCorpus {
		respStmt(ts)
	}
	date := dw.opts.Date
	if dw.inCorpus {
		date = time.Time{}
	}
	publicationStmt(fd, vol, date, "URI", doc.Permalink, "local", doc.ID)

	// The source description cites what the citations cite: the title
	// comes from cite.FromDocument, the one mapping of a document to
	// citation data (the entry's title with its year in the printed book;
	// the archive's title of a document read in the archive).
	it, _ := cite.FromDocument(doc, vol, cite.Options{}) // its only error is a nil doc
	sd := fd.CreateElement("sourceDesc")
	span, paged := doc.PageSpan()
	switch {
	case vol != nil:
		bs := sd.CreateElement("biblStruct")
		an := bs.CreateElement("analytic")
		textElem(an, "title", it.Title).CreateAttr("level", "a")
		people(an, "author", "", doc.Authors)
		m := monogr(bs, vol, doc.Volume, !dw.inCorpus)
		if paged {
			pageScope(m, span)
		}
	default:
		b := sd.CreateElement("bibl")
		if it.Title != "" {
			textElem(b, "title", it.Title)
		}
		if doc.Volume != "" {
			idno(b, "local", doc.Volume)
		}
		if paged {
			pageScope(b, span)
		}
	}
	if doc.Repository != "" || doc.ArchiveID != "" {
		mi := sd.CreateElement("msDesc").CreateElement("msIdentifier")
		if doc.Repository != "" {
			textElem(mi, "repository", doc.Repository)
		}
		if doc.ArchiveID != "" {
			textElem(mi, "idno", doc.ArchiveID)
		}
	}
	if !dw.inCorpus {
		encodingDesc(h)
	}

	pd := h.CreateElement("profileDesc")
	if doc.Description != "" {
		textElem(pd.CreateElement("abstract"), "p", doc.Description)
	}
	if !doc.Date.IsZero() {
		dateElem(pd.CreateElement("creation"), doc.Date, dateWords(doc.Date))
	}
	if len(doc.Versions) > 0 {
		lu := pd.CreateElement("langUsage")
		for _, v := range doc.Versions {
			l := textElem(lu, "language", languageName(v.Lang)+" ("+v.Kind.String()+")")
			l.CreateAttr("ident", v.Lang)
			l.CreateAttr("n", v.Kind.String())
			if v.IsEmpty() {
				l.CreateAttr("usage", "0")
			}
		}
	}
	if len(doc.Keywords) > 0 {
		kw := pd.CreateElement("textClass").CreateElement("keywords")
		for _, k := range doc.Keywords {
			textElem(kw, "term", k)
		}
	}
	if len(doc.Recipients) > 0 {
		cd := pd.CreateElement("correspDesc")
		if len(doc.Authors) > 0 || !doc.Date.IsZero() {
			sent := cd.CreateElement("correspAction")
			sent.CreateAttr("type", "sent")
			for _, a := range doc.Authors {
				persName(sent, a)
			}
			if !doc.Date.IsZero() {
				dateElem(sent, doc.Date, "")
			}
		}
		rec := cd.CreateElement("correspAction")
		rec.CreateAttr("type", "received")
		for _, r := range doc.Recipients {
			persName(rec, r)
		}
	}
	return h
}

// dateWords is the content of a creation date: the archive's form, or the
// editor's wording for an approximate date ("written around 3 January
// 1935").
func dateWords(d maisky.Date) string {
	if d.Approximate && !d.Uncertain {
		return "written around " + d.Long()
	}
	return d.String()
}

// corpusHeader returns the teiHeader of a volume's teiCorpus: the book, the
// archive, the table of contents and the encoding shared by every entry.
func corpusHeader(vol *maisky.Volume, opts *Options) *etree.Element {
	h := etree.NewElement("teiHeader")
	fd := h.CreateElement("fileDesc")
	ts := fd.CreateElement("titleStmt")
	textElem(ts, "title", vol.FullTitle())
	people(ts, "editor", "", vol.Editors)
	people(ts, "editor", "translator", vol.Translators)
	respStmt(ts)
	publicationStmt(fd, vol, opts.Date, "URI", vol.Archive.URL)
	sd := fd.CreateElement("sourceDesc")
	monogr(sd.CreateElement("biblStruct"), vol, vol.ID, true)
	if len(vol.Contents) > 0 {
		lb := sd.CreateElement("listBibl")
		lb.CreateAttr("type", "contents")
		for _, e := range vol.Contents {
			b := lb.CreateElement("bibl")
			textElem(b, "title", e.Label).CreateAttr("type", "label")
			idno(b, "local", e.ID)
			if !e.Date.IsZero() {
				dateElem(b, e.Date, e.Date.String())
			}
		}
	}
	encodingDesc(h)
	return h
}
