package ris

import (
	"io"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/cite"
)

// typePairs pairs CSL item types with RIS reference types, as Zotero's RIS
// translator pairs them. The first pair of a RIS type is the CSL type it
// is read back as; CSL types not listed are written GEN.
var typePairs = [...]struct{ csl, ris string }{
	{"article-journal", "JOUR"},
	{"article-magazine", "MGZN"},
	{"article-newspaper", "NEWS"},
	{"bill", "BILL"},
	{"book", TypeBook},
	{"motion_picture", "MPCT"},
	{"broadcast", "MPCT"},
	{"chapter", TypeChapter},
	{"dataset", "DATA"},
	{"entry-dictionary", "DICT"},
	{"entry-encyclopedia", "ENCYC"},
	{"graphic", "ART"},
	{"hearing", "HEAR"},
	{"personal_communication", TypeLetter},
	{"interview", TypeLetter},
	{"legal_case", "CASE"},
	{"legislation", "STAT"},
	{"manuscript", TypeManuscript},
	{"map", "MAP"},
	{"pamphlet", "PAMP"},
	{"paper-conference", "CONF"},
	{"patent", "PAT"},
	{"post-weblog", "BLOG"},
	{"report", "RPRT"},
	{"software", "COMP"},
	{"song", "SOUND"},
	{"speech", "SLIDE"},
	{"thesis", "THES"},
	{"webpage", "ELEC"},
	{"document", "GEN"},
}

// readTypes are RIS types that this package does not write but other
// programs do (EndNote, Zotero, databases), with the CSL type each is read
// as.
var readTypes = map[string]string{
	TypeEditedBook: "book", "EBOOK": "book", "SER": "book", "CLSWK": "classic",
	"ECHAP": "chapter", "INPR": "article-journal", "JFULL": "periodical", "EJOUR": "article-journal",
	"ABST": "article", "UNPB": "manuscript", "CPAPER": "paper-conference", "ICOMM": "personal_communication",
	"VIDEO": "motion_picture", "MUSIC": "musical_score", "ADVS": "motion_picture", "WEB": "webpage",
	"ENCYCL": "entry-encyclopedia", "CHART": "graphic", "GOVDOC": "report", "GRANT": "document",
	"LEGAL": "legislation", "STAND": "standard", "MULTI": "webpage", "EDATA": "dataset", "DBASE": "dataset",
	"AGGR": "dataset", "ANCIENT": "classic", "CTLG": "book", "FIGURE": "figure", "GEN": "document",
}

// itemType maps a CSL item type to a RIS reference type; GEN for any other.
func itemType(t string) string {
	for _, p := range typePairs {
		if p.csl == t {
			return p.ris
		}
	}
	return "GEN"
}

// cslType maps a RIS reference type to the CSL type ItemRecord writes as it
// (the first one, where several share it), or that other programs mean by
// it; "document" for an unknown type.
func cslType(ty string) string {
	for _, p := range typePairs {
		if p.ris == ty {
			return p.csl
		}
	}
	if t, ok := readTypes[ty]; ok {
		return t
	}
	return "document"
}

// ItemRecord maps a CSL-shaped citation item (see package cite) to a
// record. The type follows Zotero's pairing ("chapter" CHAP, "manuscript"
// MANSCPT, "personal_communication" PCOMM, "book" BOOK, "article-journal"
// JOUR, …; other types GEN). Fields, in this order:
//
//	ID  the item's id
//	TI  title               ST  title-short
//	AU  author              A2  editor (recipient in a PCOMM)
//	A3  editor of a BOOK (AU of an EDBOOK with opts.EditedBook and no
//	    author), collection-editor elsewhere
//	A4  translator
//	T2  container-title     J2  container-title-short
//	T3  collection-title    VL  volume        IS  issue
//	NV  number-of-volumes   ET  edition       M1  number
//	PY  the issued year; DA the issued date except on a CHAP
//	    ("1934/12/31/", "approximate" after the last slash for a circa date;
//	    a literal date or a range's end is left out)
//	SP, EP  the page range ("58-72"); SP the number-of-pages of a BOOK
//	PB  publisher           CY  publisher-place
//	SN  ISBN, else ISSN     DO  DOI
//	M3  genre               AN  archive_location
//	DB  archive             DP  source
//	LA  language            KW  keyword (split at semicolons by the Writer)
//	UR  URL                 Y2  accessed (opts.Accessed if the item has none)
//	N1  note, one line per line of the note; then opts.Notes
//	AB  abstract
//
// Names are "Family, Given" with their particles, ", Suffix" after them,
// a family name alone "Family,"; a literal name is written as it is. ItemFromRecord maps the record back.
func ItemRecord(it cite.Item, opts Options) Record {
	return itemRecord(&it, opts, true)
}

func itemRecord(it *cite.Item, opts Options, accessFallback bool) Record {
	rec := Record{Type: itemType(it.Type)}
	editors := "A2"
	if rec.Type == TypeBook {
		editors = "A3"
		if opts.EditedBook && len(it.Author) == 0 {
			rec.Type = TypeEditedBook
			editors = "AU"
		}
	}
	rec.Fields = make([]Field, 0, 24)
	rec.Add("ID", it.ID)
	rec.Add("TI", it.Title)
	rec.Add("ST", it.TitleShort)
	addNames(&rec, "AU", it.Author)
	if rec.Type == TypeLetter {
		addNames(&rec, "A2", it.Recipient)
	} else {
		addNames(&rec, editors, it.Editor)
	}
	if rec.Type != TypeBook && rec.Type != TypeEditedBook {
		// A3 of a BOOK or EDBOOK reads as its editor (Zotero, citation-js,
		// our Reader), so a book's series editor has no tag of its own
		addNames(&rec, "A3", it.CollectionEditor)
	}
	addNames(&rec, "A4", it.Translator)
	rec.Add("T2", it.ContainerTitle)
	rec.Add("J2", it.ContainerTitleShort)
	rec.Add("T3", it.CollectionTitle)
	rec.Add("VL", it.Volume)
	rec.Add("IS", it.Extra["issue"])
	rec.Add("NV", it.NumberOfVolumes)
	rec.Add("ET", it.Edition)
	rec.Add("M1", it.Extra["number"])
	if y := it.Issued.From.Year; y > 0 {
		rec.Add("PY", strconv.Itoa(y))
	}
	if rec.Type != TypeChapter {
		rec.Add("DA", itemDate(it.Issued))
	}
	if rec.Type == TypeBook || rec.Type == TypeEditedBook {
		rec.Add("SP", it.NumberOfPages)
	} else if it.Page != "" {
		first, last := splitPages(it.Page)
		rec.Add("SP", first)
		if last != first {
			rec.Add("EP", last)
		}
	}
	rec.Add("PB", it.Publisher)
	rec.Add("CY", it.PublisherPlace)
	if it.ISBN != "" {
		rec.Add("SN", it.ISBN)
	} else {
		rec.Add("SN", it.Extra["ISSN"])
	}
	rec.Add("DO", it.DOI)
	rec.Add("M3", it.Genre)
	rec.Add("AN", it.ArchiveLocation)
	rec.Add("DB", it.Archive)
	rec.Add("DP", it.Source)
	rec.Add("LA", it.Language)
	rec.Add("KW", it.Extra["keyword"])
	rec.Add("UR", it.URL)
	if it.Accessed.From.Year > 0 {
		rec.Add("Y2", itemAccessed(it.Accessed.From))
	} else if accessFallback {
		rec.Add("Y2", accessDate(opts.Accessed))
	}
	for n := it.Note; n != ""; {
		line, rest, _ := strings.Cut(n, "\n")
		rec.Add("N1", strings.TrimSpace(line))
		n = rest
	}
	for _, n := range opts.Notes {
		rec.Add("N1", n)
	}
	rec.Add("AB", it.Abstract)
	return rec
}

func addNames(rec *Record, tag string, names []cite.Name) {
	for _, n := range names {
		rec.Add(tag, citeName(n))
	}
}

// citeName writes a CSL name as "Family, Given[, Suffix]" with its
// particles ("de Gaulle, Charles"; "Beethoven, Ludwig van"). A family name
// alone keeps its comma ("Litvinov,"), since a name without a comma is a
// literal name to Zotero and to ItemFromRecord.
func citeName(n cite.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	family := joinNonEmpty(" ", n.NonDroppingParticle, n.Family)
	given := joinNonEmpty(" ", n.Given, n.DroppingParticle)
	s := joinNonEmpty(", ", family, given)
	switch {
	case n.Suffix != "":
		if given == "" {
			s += ", "
		}
		s += ", " + n.Suffix
	case given == "" && family != "":
		s += ","
	}
	return s
}

// itemDate formats a CSL date as DA; "" for a literal or raw date (RIS has
// no place for one) and for no date.
func itemDate(d cite.Date) string {
	p := d.From
	if p.Year <= 0 || p.Month > 12 {
		return ""
	}
	b := make([]byte, 0, 24)
	b = appendPad(b, p.Year, 4)
	b = append(b, '/')
	if p.Month > 0 {
		b = appendPad(b, p.Month, 2)
	}
	b = append(b, '/')
	if p.Month > 0 && p.Day > 0 {
		b = appendPad(b, p.Day, 2)
	}
	b = append(b, '/')
	if d.Circa {
		b = append(b, "approximate"...)
	}
	return string(b)
}

func itemAccessed(p cite.DateParts) string {
	b := make([]byte, 0, 11)
	b = appendPad(b, p.Year, 4)
	b = append(b, '/')
	if p.Month > 0 && p.Month <= 12 {
		b = appendPad(b, p.Month, 2)
	}
	b = append(b, '/')
	if p.Day > 0 {
		b = appendPad(b, p.Day, 2)
	}
	return string(append(b, '/'))
}

// splitPages splits "58-72" or "58–72" into its first and last page; a
// single page or anything else is first and last.
func splitPages(s string) (string, string) {
	for _, dash := range []string{"–", "-", "—"} {
		if first, last, ok := strings.Cut(s, dash); ok {
			first, last = strings.TrimSpace(first), strings.TrimSpace(last)
			if first != "" && last != "" {
				return first, last
			}
		}
	}
	return s, s
}

// ReadItems reads every record of r and maps each to a CSL item with
// ItemFromRecord; a record without ID gets the id "item-N" (N its 1-based
// position). It stops at the first error.
func ReadItems(r io.Reader) ([]cite.Item, error) {
	rd := NewReader(r)
	var items []cite.Item
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return items, nil
		}
		if err != nil {
			return items, err
		}
		it := ItemFromRecord(rec)
		if it.ID == "" {
			it.ID = "item-" + strconv.Itoa(len(items)+1)
		}
		items = append(items, it)
	}
}

// ItemFromRecord maps a record back to a CSL item: the inverse of
// ItemRecord, so that a record it writes reads back as the item (up to
// what RIS cannot hold: name particles and suffixes join the family or
// given name, a range's end, a season, a literal date; a record's Y2 that
// came from Options.Accessed becomes the item's accessed date), and the
// usual tags of Zotero's and EndNote's records are understood too: T1,
// BT, JO, JF, JA (titles), A1 and ED (names), Y1 (the date), L2 and UR
// (the URL). Values are folded as the Writer folds them (control
// characters become spaces, runs of spaces one); for a single-valued variable the
// first value counts; keywords are joined with "; " and notes with line
// breaks. A name without a comma is a literal name, as Zotero reads it. A
// date that is not "YYYY/MM/DD/other" is kept as a raw date. The record's
// TY gives the type ("document" for an unknown one).
func ItemFromRecord(rec Record) cite.Item {
	it := cite.Item{Type: cslType(rec.Type)}
	book := rec.Type == TypeBook || rec.Type == TypeEditedBook || it.Type == "book"
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	extra := func(name, v string) {
		if it.Extra == nil {
			it.Extra = map[string]string{}
		}
		if it.Extra[name] == "" {
			it.Extra[name] = v
		}
	}
	var sp, ep, da, py, y2, sn string
	var keywords, notes []string
	var bt string
	for _, f := range rec.Fields {
		v := Fold(f.Value) // as the Writer would write it: no control characters
		if v == "" {
			continue
		}
		switch f.Tag {
		case "ID":
			set(&it.ID, v)
		case "TI", "T1", "CT":
			set(&it.Title, v)
		case "ST":
			set(&it.TitleShort, v)
		case "BT":
			set(&bt, v)
		case "AU", "A1":
			if rec.Type == TypeEditedBook {
				it.Editor = append(it.Editor, risName(v))
			} else {
				it.Author = append(it.Author, risName(v))
			}
		case "A2", "ED":
			switch {
			case f.Tag == "A2" && (rec.Type == TypeLetter || rec.Type == "ICOMM"):
				it.Recipient = append(it.Recipient, risName(v))
			default:
				it.Editor = append(it.Editor, risName(v))
			}
		case "A3":
			if book {
				it.Editor = append(it.Editor, risName(v))
			} else {
				it.CollectionEditor = append(it.CollectionEditor, risName(v))
			}
		case "A4":
			it.Translator = append(it.Translator, risName(v))
		case "T2", "JO", "JF", "JA":
			set(&it.ContainerTitle, v)
		case "J2":
			set(&it.ContainerTitleShort, v)
		case "T3":
			set(&it.CollectionTitle, v)
		case "VL":
			set(&it.Volume, v)
		case "IS":
			extra("issue", v)
		case "NV":
			set(&it.NumberOfVolumes, v)
		case "ET":
			set(&it.Edition, v)
		case "M1":
			extra("number", v)
		case "PY", "Y1":
			set(&py, v)
		case "DA":
			set(&da, v)
		case "SP":
			set(&sp, v)
		case "EP":
			set(&ep, v)
		case "PB":
			set(&it.Publisher, v)
		case "CY":
			set(&it.PublisherPlace, v)
		case "SN":
			set(&sn, v)
		case "DO":
			set(&it.DOI, v)
		case "M3":
			set(&it.Genre, v)
		case "AN":
			set(&it.ArchiveLocation, v)
		case "DB":
			set(&it.Archive, v)
		case "DP":
			set(&it.Source, v)
		case "LA":
			set(&it.Language, v)
		case "KW":
			keywords = append(keywords, v)
		case "UR", "L2":
			set(&it.URL, v)
		case "Y2":
			set(&y2, v)
		case "N1":
			notes = append(notes, v)
		case "AB", "N2":
			set(&it.Abstract, v)
		}
	}
	if bt != "" {
		if book {
			set(&it.Title, bt)
		} else {
			set(&it.ContainerTitle, bt)
		}
	}
	switch {
	case book && sp != "" && ep == "":
		it.NumberOfPages = sp
	case sp != "" && ep != "" && ep != sp:
		it.Page = sp + "-" + ep
	case sp != "":
		it.Page = sp
	case ep != "":
		it.Page = ep
	}
	if sn != "" {
		if strings.HasPrefix(it.Type, "article") || it.Type == "periodical" {
			extra("ISSN", sn)
		} else {
			it.ISBN = sn
		}
	}
	switch {
	case da != "":
		it.Issued = risItemDate(da)
		if it.Issued.Raw != "" && py != "" {
			if y, ok := parseRISDate(py, true); ok {
				it.Issued = cite.Date{From: cite.DateParts{Year: y.Year}}
			}
		}
	case py != "":
		it.Issued = risItemDate(py)
	}
	if y2 != "" {
		it.Accessed = risItemDate(y2)
		it.Accessed.Circa = false
	}
	if len(keywords) == 1 {
		// The Writer writes the commas of a lone keyword as look-alikes.
		keywords[0] = strings.ReplaceAll(keywords[0], commaLookAlike, ",")
	}
	if len(keywords) > 0 {
		extra("keyword", strings.Join(keywords, "; "))
	}
	it.Note = strings.Join(notes, "\n")
	return it
}

// risName reads "Family, Given[, Suffix]"; a name without a comma, or
// with nothing before its first comma, is a literal name (an institution,
// or a person written in one field), so that it is written back as read.
func risName(v string) cite.Name {
	family, rest, ok := strings.Cut(v, ",")
	if !ok || strings.TrimSpace(family) == "" {
		return cite.Name{Literal: strings.TrimSpace(v)}
	}
	given, suffix, _ := strings.Cut(rest, ",")
	return cite.Name{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given), Suffix: strings.TrimSpace(suffix)}
}

// risItemDate reads a RIS date ("1934/12/31/", "1935/01/03/approximate",
// "2017"); "approximate" or "uncertain" after the last slash make it
// circa. Anything else is kept as a raw date.
func risItemDate(v string) cite.Date {
	d, ok := parseRISDate(v, false)
	if !ok {
		return cite.Date{Raw: v}
	}
	return cite.Date{
		From:  cite.DateParts{Year: d.Year, Month: d.Month, Day: d.Day},
		Circa: d.Approximate || d.Uncertain,
	}
}
