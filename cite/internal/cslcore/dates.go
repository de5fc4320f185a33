package cslcore

import "strconv"

// Era is how citeproc-js writes a year: the number to print and the
// locale term that follows it — "bc" for a year before 1 (the number made
// positive), "ad" for a year from 1 to 499, none ("") for any other. So
// 44 BC is (44, "bc"), 410 is (410, "ad") and 800 is (800, "").
func Era(year int) (n int, term string) {
	switch {
	case year < 0:
		return -year, "bc"
	case year > 0 && year < 500:
		return year, "ad"
	}
	return year, ""
}

// DatePart is one part of a date, in the order of their size: the year,
// the month (or season), the day. A date is [3]int indexed by DatePart.
type DatePart uint8

// The parts of a date.
const (
	PartYear DatePart = iota
	PartMonth
	PartDay
)

// PartForm is the form of a date part, CSL's date-part form attribute.
type PartForm uint8

// The forms of a date part. A form that does not apply to a part is its
// default: a year is written long unless short, a month long unless
// short, numeric or numeric-leading-zeros, a day numeric unless
// numeric-leading-zeros or ordinal.
const (
	FormLong         PartForm = iota // 1935, March (and a day's default, 4)
	FormShort                        // 35, Mar.
	FormNumeric                      // 3, 4
	FormLeadingZeros                 // 03, 04 (numeric-leading-zeros)
	FormOrdinal                      // 4th (a day)
)

// ParsePartForm reads a date-part form attribute ("short", "numeric",
// "numeric-leading-zeros", "ordinal"); any other value is FormLong.
func ParsePartForm(s string) PartForm {
	switch s {
	case "short":
		return FormShort
	case "numeric":
		return FormNumeric
	case "numeric-leading-zeros":
		return FormLeadingZeros
	case "ordinal":
		return FormOrdinal
	}
	return FormLong
}

// DateTerms are the locale terms a date part is written with: package
// cite gives its en-US terms, the CSL processor its locale chain.
type DateTerms interface {
	// EraTerm is the term "bc" or "ad" as it follows the year (" BC").
	EraTerm(name string) string
	// MonthTerm is the name of a month 1–12 (long, or short), "" for
	// any other number.
	MonthTerm(month int, short bool) string
	// SeasonTerm is the name of a season 1–4 (spring to winter).
	SeasonTerm(season int) string
	// DayOrdinal is a day written with the locale's ordinal rule (the
	// month 1–12 gives the gender of the terms that have one).
	DayOrdinal(day, month int) string
	// LimitDayOrdinals is the locale's limit-day-ordinals-to-day-1: an
	// ordinal day is written as a number unless it is the first.
	LimitDayOrdinals() bool
}

// DateText is a date part as written: the number N (none when N < 0),
// padded with zeros to Width digits, then Text. A DateText with N < 0
// and no Text writes nothing (a part the date does not have).
type DateText struct {
	N     int
	Width int
	Text  string
}

// noPart is a part a date does not have.
var noPart = DateText{N: -1}

// IsEmpty reports whether the part writes nothing.
func (t DateText) IsEmpty() bool { return t.N < 0 && t.Text == "" }

// Append appends the part's text to b.
func (t DateText) Append(b []byte) []byte {
	switch n := t.N; {
	case n < 0:
	case n < 10:
		if t.Width == 2 {
			b = append(b, '0')
		}
		b = append(b, byte('0'+n))
	case n < 100: // a month, a day
		b = append(b, byte('0'+n/10), byte('0'+n%10))
	case n >= 1000 && n < 10000: // a year
		b = append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	default:
		b = strconv.AppendInt(b, int64(n), 10)
	}
	if t.Text != "" {
		b = append(b, t.Text...)
	}
	return b
}

// String is the part's text (a term or a number below 100 without
// allocating).
func (t DateText) String() string {
	if t.N < 0 {
		return t.Text
	}
	s := strconv.Itoa(t.N)
	if t.Width == 2 && t.N < 10 {
		s = "0" + s
	}
	if t.Text != "" {
		s += t.Text
	}
	return s
}

// FormatDatePart writes one part of the date p (year, month, day; 0 is
// absent) in the form f, as citeproc-js writes it:
//
//   - the year long ("1935"; with the term "ad" for 1 to 499, "bc" for a
//     year before 1, see Era) or short ("35", two digits; a year BC is
//     always long); none for year 0;
//   - the month by its name (long or short term), numeric or
//     numeric-leading-zeros; months 13–16 are the seasons spring to winter,
//     written by name in the long and short forms and not at all in the
//     numeric ones (citeproc-js); a date without a month (0, or a number
//     that is neither a month nor a season) is written by its season:
//     season 1–4 by the term, or else seasonName as given, if any;
//   - the day numeric, numeric-leading-zeros or ordinal (the locale's
//     ordinal, a plain number beyond day 1 when the locale limits day
//     ordinals to day 1); none without a month 1–12.
//
// It never panics; any part out of range writes nothing or a number.
func FormatDatePart(part DatePart, f PartForm, p [3]int, season int, seasonName string, t DateTerms) DateText {
	switch part {
	case PartYear:
		return FormatYear(f, p[0], p[0], t)
	case PartMonth:
		m := p[1]
		switch {
		case m >= 13 && m <= 16:
			if f == FormNumeric || f == FormLeadingZeros {
				return noPart
			}
			return DateText{N: -1, Text: t.SeasonTerm(m - 12)}
		case m < 1 || m > 16:
			if season >= 1 && season <= 4 {
				return DateText{N: -1, Text: t.SeasonTerm(season)}
			}
			if seasonName != "" {
				return DateText{N: -1, Text: seasonName}
			}
			return noPart
		}
		switch f {
		case FormNumeric:
			return DateText{N: m}
		case FormLeadingZeros:
			return DateText{N: m, Width: 2}
		}
		return DateText{N: -1, Text: t.MonthTerm(m, f == FormShort)}
	case PartDay:
		d := p[2]
		if d <= 0 || p[1] < 1 || p[1] > 12 {
			return noPart
		}
		switch f {
		case FormLeadingZeros:
			return DateText{N: d, Width: 2}
		case FormOrdinal:
			if t.LimitDayOrdinals() && d != 1 {
				return DateText{N: d}
			}
			return DateText{N: -1, Text: t.DayOrdinal(d, p[1])}
		}
		return DateText{N: d}
	}
	return noPart
}

// DateRangeDiff is the range rule: the largest part (PartYear, PartMonth,
// PartDay) in which the dates from and to differ among the parts shown,
// or 3 when they are equal in every part shown. A range whose shown parts
// are equal is written as one date ("March 4" for 1935-03-04/1936-03-04
// without the year); otherwise the parts from the differing one down are
// written for both dates, joined by the range delimiter, and the larger
// parts once ("March 3–9, 2011", "March 3–April 9, 2011").
func DateRangeDiff(from, to [3]int, shown [3]bool) int {
	for i := 0; i < 3; i++ {
		if shown[i] && from[i] != to[i] {
			return i
		}
	}
	return 3
}

// RangeDelimiter is the range delimiter of a date range where the
// differing part sets none (CSL's range-delimiter default): an en dash.
const RangeDelimiter = "–"

// FormatYear writes a year as FormatDatePart does (none for 0; long, or
// short in two digits unless BC), followed by the era of eraYear rather
// than its own (none for 0): citeproc-js writes only the era of a range's
// start, once after the end's year when the years differ ("March
// 50–April 40 BC", "50–40 BC" for 50 BC to AD 40, "50–60 AD").
func FormatYear(f PartForm, year, eraYear int, t DateTerms) DateText {
	if year == 0 {
		return noPart
	}
	y, own := Era(year)
	_, era := Era(eraYear)
	d := DateText{N: y}
	short := f == FormShort && own != "bc"
	if short {
		d = DateText{N: y % 100, Width: 2}
	}
	if era == "bc" || era == "ad" && !short {
		d.Text = t.EraTerm(era)
	}
	return d
}

// DateRangeSpan is the range rule's layout: of the parts of a date as a
// form writes them (parts, in order), the run parts[lo:hi+1] that a range
// writes for both its dates, joined by the range delimiter — the parts
// from the largest differing one (diff, from DateRangeDiff) down that the
// start has. The parts before and after the run are written once, from
// the start (the end's prefix of parts[lo] and the start's suffix of
// parts[hi] are left out at the joint). lo is -1 when the start has none
// of them, or diff is 3: the range is then written as its start.
func DateRangeSpan(parts []DatePart, start [3]int, diff int) (lo, hi int) {
	lo, hi = -1, -1
	if diff < 0 || diff > 2 {
		return lo, hi
	}
	for i, p := range parts {
		if int(p) >= diff && int(p) < 3 && start[p] != 0 {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	return lo, hi
}
