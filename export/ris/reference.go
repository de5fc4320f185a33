package ris

import (
	"io"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// Reference is a record read back into named fields: what DocumentRecord
// and VolumeRecord write, and what Zotero or EndNote write for the same
// kinds of work.
type Reference struct {
	// Type is the TY value ("CHAP").
	Type string
	// Title is TI (or T1).
	Title string
	// SecondaryTitle is T2: the book of a chapter.
	SecondaryTitle string
	// Volume is VL.
	Volume string
	// Authors are AU (and A1), except in an EDBOOK, where AU are editors.
	Authors []maisky.Person
	// Editors are A2 (A3 in a BOOK; AU in an EDBOOK).
	Editors []maisky.Person
	// SeriesEditors are A3 outside BOOK and EDBOOK.
	SeriesEditors []maisky.Person
	// Translators are A4.
	Translators []maisky.Person
	// Recipients are A2 in a PCOMM.
	Recipients []maisky.Person
	// Date is DA: "1934/12/31/", "1934/12//", with "approximate" or
	// "uncertain" after the last slash.
	Date maisky.Date
	// Year is PY.
	Year int
	// StartPage and EndPage are SP and EP as written ("58", "xii").
	StartPage, EndPage string
	// Pages are SP and EP as numbers (EP absent: a single page); zero if
	// either is not a page number or EP is before SP. In a BOOK, SP is the
	// number of pages, NumberOfPages.
	Pages maisky.PageRange
	// NumberOfPages is SP of a BOOK or EDBOOK.
	NumberOfPages int
	// Publisher is PB: the publisher, or the repository of a manuscript.
	Publisher string
	// Place is CY.
	Place string
	// ISBN is SN.
	ISBN string
	// URL is UR.
	URL string
	// Accessed is Y2, the access date.
	Accessed maisky.Date
	// Database is DB: the archive or database name.
	Database string
	// Provider is DP: the database provider.
	Provider string
	// ArchiveID is AN: the reference within the archive.
	ArchiveID string
	// Genre is M3: "Diary", "Letter".
	Genre string
	// Language is LA.
	Language string
	// Keywords are KW, one per line.
	Keywords []string
	// Notes are N1.
	Notes []string
	// Abstract is AB.
	Abstract string
}

// ReadReferences reads every record of r and maps each to a Reference.
// It stops at the first error.
func ReadReferences(r io.Reader) ([]Reference, error) {
	rd := NewReader(r)
	var refs []Reference
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return refs, nil
		}
		if err != nil {
			return refs, err
		}
		ref, err := rec.Reference()
		if err != nil {
			return refs, err
		}
		refs = append(refs, ref)
	}
}

// Reference maps the record's fields to a Reference. Names are split at
// the first comma ("Family, Given"; a name without a comma is a family
// name). Empty values are ignored; for a single-valued field the first
// value counts. A malformed DA, PY or Y2, or a BOOK's SP that is not a
// number, gives a *ValueError; tags
// that Reference does not name are ignored (they stay in the Record).
func (rec Record) Reference() (Reference, error) {
	ref := Reference{Type: rec.Type}
	set := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	var sp, ep *Field
	for i := range rec.Fields {
		f := &rec.Fields[i]
		v := f.Value
		if v == "" {
			continue
		}
		switch f.Tag {
		case "TI", "T1":
			set(&ref.Title, v)
		case "T2":
			set(&ref.SecondaryTitle, v)
		case "VL":
			set(&ref.Volume, v)
		case "AU", "A1":
			if rec.Type == TypeEditedBook {
				ref.Editors = append(ref.Editors, parseName(v))
			} else {
				ref.Authors = append(ref.Authors, parseName(v))
			}
		case "A2":
			if rec.Type == TypeLetter || rec.Type == "ICOMM" {
				ref.Recipients = append(ref.Recipients, parseName(v))
			} else {
				ref.Editors = append(ref.Editors, parseName(v))
			}
		case "A3":
			if rec.Type == TypeBook || rec.Type == TypeEditedBook {
				ref.Editors = append(ref.Editors, parseName(v))
			} else {
				ref.SeriesEditors = append(ref.SeriesEditors, parseName(v))
			}
		case "A4":
			ref.Translators = append(ref.Translators, parseName(v))
		case "DA":
			if !ref.Date.IsZero() {
				continue
			}
			d, ok := parseRISDate(v, false)
			if !ok {
				return ref, &ValueError{Tag: f.Tag, Value: v, Line: f.Line, Msg: badDate}
			}
			ref.Date = d
		case "PY":
			if ref.Year != 0 {
				continue
			}
			d, ok := parseRISDate(v, false)
			if !ok {
				return ref, &ValueError{Tag: f.Tag, Value: v, Line: f.Line, Msg: badDate}
			}
			ref.Year = d.Year
		case "Y2":
			if !ref.Accessed.IsZero() {
				continue
			}
			d, ok := parseRISDate(v, true)
			if !ok {
				return ref, &ValueError{Tag: f.Tag, Value: v, Line: f.Line, Msg: badDate}
			}
			ref.Accessed = d
		case "SP":
			if sp == nil {
				sp = f
			}
		case "EP":
			if ep == nil {
				ep = f
			}
		case "PB":
			set(&ref.Publisher, v)
		case "CY":
			set(&ref.Place, v)
		case "SN":
			set(&ref.ISBN, v)
		case "UR":
			set(&ref.URL, v)
		case "DB":
			set(&ref.Database, v)
		case "DP":
			set(&ref.Provider, v)
		case "AN":
			set(&ref.ArchiveID, v)
		case "M3":
			set(&ref.Genre, v)
		case "LA":
			set(&ref.Language, v)
		case "KW":
			ref.Keywords = append(ref.Keywords, v)
		case "N1":
			ref.Notes = append(ref.Notes, v)
		case "AB":
			set(&ref.Abstract, v)
		}
	}
	if sp != nil && (rec.Type == TypeBook || rec.Type == TypeEditedBook) && ep == nil {
		n, err := strconv.Atoi(sp.Value)
		if err != nil || n < 1 {
			return ref, &ValueError{Tag: "SP", Value: sp.Value, Line: sp.Line, Msg: "want the number of pages"}
		}
		ref.NumberOfPages = n
	} else {
		if sp != nil {
			ref.StartPage = sp.Value
		}
		if ep != nil {
			ref.EndPage = ep.Value
		}
		ref.Pages = pageRange(ref.StartPage, ref.EndPage)
	}
	return ref, nil
}

// pageRange returns SP–EP as numbers; SP may itself be a range ("58-72");
// zero if they are not page numbers.
func pageRange(sp, ep string) maisky.PageRange {
	if sp == "" {
		sp, ep = ep, ""
	}
	r, err := maisky.ParsePageRange(sp)
	if err != nil || sp == "" {
		return maisky.PageRange{}
	}
	if ep != "" {
		last, err := strconv.Atoi(ep)
		if err != nil || last < r.First || r.Last != r.First {
			return maisky.PageRange{}
		}
		r.Last = last
	}
	return r
}

// parseName splits "Family, Given" at the first comma.
func parseName(v string) maisky.Person {
	family, given, _ := strings.Cut(v, ",")
	return maisky.Person{Family: strings.TrimSpace(family), Given: strings.TrimSpace(given)}
}

// parseRISDate parses "YYYY", "YYYY/MM/DD/other" with the month, day and
// other parts optional. Other text "approximate" and "uncertain" set the
// date's qualifiers (unless access is set: then it is ignored).
func parseRISDate(v string, access bool) (maisky.Date, bool) {
	var d maisky.Date
	parts := strings.SplitN(v, "/", 4)
	nums := [3]int{}
	widths := [3]int{4, 2, 2}
	for i := 0; i < 3 && i < len(parts); i++ {
		p := parts[i]
		if p == "" && i > 0 {
			continue
		}
		if len(p) == 0 || len(p) > widths[i] {
			return d, false
		}
		n := 0
		for j := 0; j < len(p); j++ {
			if p[j] < '0' || p[j] > '9' {
				return d, false
			}
			n = n*10 + int(p[j]-'0')
		}
		nums[i] = n
	}
	d.Year, d.Month, d.Day = nums[0], nums[1], nums[2]
	if d.Month == 0 && d.Day != 0 {
		return maisky.Date{}, false
	}
	if len(parts) == 4 && !access {
		other := parts[3]
		d.Approximate = strings.Contains(other, "approximate")
		d.Uncertain = strings.Contains(other, "uncertain")
	}
	if d.Year == 0 || !d.Valid() {
		return maisky.Date{}, false
	}
	return d, true
}

const badDate = "want a date such as 1934/12/31/ (year, then optional month and day)"
