package ris

import (
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/cite"
)

// itemType maps a CSL item type to a RIS reference type, as Zotero's RIS
// translator pairs them; GEN for any other.
func itemType(t string) string {
	switch t {
	case "article-journal":
		return "JOUR"
	case "article-magazine":
		return "MGZN"
	case "article-newspaper":
		return "NEWS"
	case "bill":
		return "BILL"
	case "book":
		return TypeBook
	case "broadcast", "motion_picture":
		return "MPCT"
	case "chapter":
		return TypeChapter
	case "dataset":
		return "DATA"
	case "entry-dictionary":
		return "DICT"
	case "entry-encyclopedia":
		return "ENCYC"
	case "graphic":
		return "ART"
	case "hearing":
		return "HEAR"
	case "interview", "personal_communication":
		return TypeLetter
	case "legal_case":
		return "CASE"
	case "legislation":
		return "STAT"
	case "manuscript":
		return TypeManuscript
	case "map":
		return "MAP"
	case "pamphlet":
		return "PAMP"
	case "paper-conference":
		return "CONF"
	case "patent":
		return "PAT"
	case "post-weblog":
		return "BLOG"
	case "report":
		return "RPRT"
	case "software":
		return "COMP"
	case "song":
		return "SOUND"
	case "speech":
		return "SLIDE"
	case "thesis":
		return "THES"
	case "webpage":
		return "ELEC"
	}
	return "GEN"
}

// ItemRecord maps a CSL-shaped citation item (see package cite) to a
// record. The type follows Zotero's pairing ("chapter" CHAP, "manuscript"
// MANSCPT, "personal_communication" PCOMM, "book" BOOK, "article-journal"
// JOUR, …; unknown types GEN). Fields: TI title; AU authors; A2 the
// editors (the recipients of a PCOMM); A3 the editors of a BOOK (AU of an
// EDBOOK with opts.EditedBook and no authors); A4 translators; T2 the
// container title; T3 the collection title; VL; ET edition; PY the issued
// year, and DA the issued date except on a CHAP ("approximate" after the
// last slash for a circa date; a literal date is left out); SP/EP the page
// range ("58-72", "58–72"); SP the number of pages of a BOOK; PB the
// publisher, or the archive of a MANSCPT; CY; SN ISBN; DO DOI; M3 genre; AN
// archive location; DB the archive (other types); LA; UR; Y2 the accessed
// date (opts.Accessed if the item has none); N1 the note and opts.Notes;
// AB the abstract; KW the "keyword" variable (split at semicolons by the
// Writer). Names are "Family, Given" with their particles, ", Suffix" after
// them; a literal name is written as it is.
func ItemRecord(it cite.Item, opts Options) Record {
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
	rec.Add("TI", it.Title)
	addNames(&rec, "AU", it.Author)
	if rec.Type == TypeLetter {
		addNames(&rec, "A2", it.Recipient)
	} else {
		addNames(&rec, editors, it.Editor)
	}
	addNames(&rec, "A4", it.Translator)
	rec.Add("T2", it.ContainerTitle)
	rec.Add("T3", it.CollectionTitle)
	rec.Add("VL", it.Volume)
	rec.Add("ET", it.Edition)
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
	if rec.Type == TypeManuscript {
		rec.Add("PB", joinNonEmpty(", ", it.Publisher, it.Archive))
	} else {
		rec.Add("PB", it.Publisher)
	}
	rec.Add("CY", it.PublisherPlace)
	rec.Add("SN", it.ISBN)
	rec.Add("DO", it.DOI)
	rec.Add("M3", it.Genre)
	rec.Add("AN", it.ArchiveLocation)
	if rec.Type != TypeManuscript {
		rec.Add("DB", it.Archive)
	}
	rec.Add("LA", it.Language)
	rec.Add("KW", it.Extra["keyword"])
	rec.Add("UR", it.URL)
	if it.Accessed.From.Year > 0 {
		rec.Add("Y2", itemAccessed(it.Accessed.From))
	} else {
		rec.Add("Y2", accessDate(opts.Accessed))
	}
	rec.Add("N1", it.Note)
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
// particles ("de Gaulle, Charles"; "Beethoven, Ludwig van").
func citeName(n cite.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	family := joinNonEmpty(" ", n.NonDroppingParticle, n.Family)
	given := joinNonEmpty(" ", n.Given, n.DroppingParticle)
	s := joinNonEmpty(", ", family, given)
	if n.Suffix != "" {
		if given == "" {
			s += ", "
		}
		s += ", " + n.Suffix
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
