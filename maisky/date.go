package maisky

import (
	"strconv"
	"strings"
)

// Date is a document's date: a year, a month of a year or a day. It may be
// approximate ("written around 3 January 1935") or uncertain. The zero Date
// means undated.
type Date struct {
	Year  int
	Month int // 1–12, or 0 for a year only
	Day   int // 1–31, or 0 for a month or a year only
	// Approximate marks a date given as "around" (EDTF "~").
	Approximate bool
	// Uncertain marks a date the editor doubts (EDTF "?").
	Uncertain bool
}

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision returns 3 for a day, 2 for a month, 1 for a year and 0 for an
// unknown date.
func (d Date) Precision() int {
	switch {
	case d.Year == 0:
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// Valid reports whether the date is the zero Date or a real calendar date
// of the proleptic Gregorian calendar in years 1–9999.
func (d Date) Valid() bool {
	if d.IsZero() {
		return d == Date{}
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	return d.Day <= daysIn(d.Year, d.Month)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// String returns the archive's form: "1934 Dec 31", "1934 Dec", "1934", with
// "ca. " before an approximate date and "?" after an uncertain one; "" for
// the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	var b strings.Builder
	if d.Approximate {
		b.WriteString("ca. ")
	}
	b.Write(appendPad(nil, d.Year, 4))
	if d.Month >= 1 && d.Month <= 12 {
		b.WriteByte(' ')
		b.WriteString(monthAbbr[d.Month-1])
		if d.Day > 0 {
			b.WriteByte(' ')
			b.WriteString(strconv.Itoa(d.Day))
		}
	}
	if d.Uncertain {
		b.WriteByte('?')
	}
	return b.String()
}

// Long returns the date as prose: "31 December 1934", "December 1934".
func (d Date) Long() string {
	if d.IsZero() || d.Month < 0 || d.Month > 12 {
		return ""
	}
	y := string(appendPad(nil, d.Year, 4))
	if d.Month == 0 {
		return y
	}
	m := monthNames[d.Month-1]
	if d.Day == 0 {
		return m + " " + y
	}
	return strconv.Itoa(d.Day) + " " + m + " " + y
}

// ISO returns the date in ISO 8601 without qualifiers: "1934-12-31",
// "1934-12", "1934"; "" for the zero Date.
func (d Date) ISO() string {
	if d.IsZero() {
		return ""
	}
	b := make([]byte, 0, 10)
	b = appendPad(b, d.Year, 4)
	if d.Month > 0 {
		b = append(b, '-')
		b = appendPad(b, d.Month, 2)
		if d.Day > 0 {
			b = append(b, '-')
			b = appendPad(b, d.Day, 2)
		}
	}
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// EDTF returns the date in the Extended Date/Time Format (ISO 8601-2) level 1:
// "1934-12-31", "1935-01-03~" (approximate), "1935-01-03?" (uncertain),
// "1935-01-03%" (both); "" for the zero Date.
func (d Date) EDTF() string {
	s := d.ISO()
	switch {
	case s == "":
	case d.Approximate && d.Uncertain:
		s += "%"
	case d.Approximate:
		s += "~"
	case d.Uncertain:
		s += "?"
	}
	return s
}

// ParseEDTF parses the EDTF forms that EDTF writes. The empty string gives
// the zero Date.
func ParseEDTF(s string) (Date, error) {
	var d Date
	if s == "" {
		return d, nil
	}
	body := s
	switch body[len(body)-1] {
	case '~':
		d.Approximate = true
	case '?':
		d.Uncertain = true
	case '%':
		d.Approximate, d.Uncertain = true, true
	}
	if d.Approximate || d.Uncertain {
		body = body[:len(body)-1]
	}
	bad := func(off int, msg string) (Date, error) {
		return Date{}, &SyntaxError{What: "date", Input: s, Offset: runeOffset(s, off), Msg: msg}
	}
	parts := strings.Split(body, "-")
	if len(parts) > 3 {
		return bad(0, "too many parts")
	}
	widths := [3]int{4, 2, 2}
	var nums [3]int
	off := 0
	for i, p := range parts {
		if len(p) != widths[i] {
			return bad(off, "want "+strconv.Itoa(widths[i])+" digits")
		}
		n := 0
		for j := 0; j < len(p); j++ {
			c := p[j]
			if c < '0' || c > '9' {
				return bad(off+j, "not a digit")
			}
			n = n*10 + int(c-'0')
		}
		nums[i] = n
		off += len(p) + 1
	}
	d.Year, d.Month, d.Day = nums[0], nums[1], nums[2]
	switch {
	case d.Year == 0:
		return bad(0, "year 0")
	case len(parts) > 1 && d.Month == 0:
		return bad(5, "month 00")
	case len(parts) > 2 && d.Day == 0:
		return bad(8, "day 00")
	}
	if !d.Valid() {
		return bad(0, "no such date")
	}
	return d, nil
}

// ParseDate parses the archive's form of a date: "1934 Dec 31", "1934 Dec",
// "1934", as String writes it (with "ca. " and "?" qualifiers). Month names
// may be abbreviated or full, in any case.
func ParseDate(s string) (Date, error) {
	var d Date
	body := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(body, "ca. "); ok {
		d.Approximate = true
		body = strings.TrimSpace(rest)
	}
	if rest, ok := strings.CutSuffix(body, "?"); ok {
		d.Uncertain = true
		body = strings.TrimSpace(rest)
	}
	f := strings.Fields(body)
	bad := func(msg string) (Date, error) {
		return Date{}, &SyntaxError{What: "date", Input: s, Msg: msg}
	}
	if len(f) == 0 || len(f) > 3 {
		return bad("want \"YYYY Mon D\"")
	}
	y, err := strconv.Atoi(f[0])
	if err != nil || len(f[0]) != 4 || y < 1 {
		return bad("bad year " + strconv.Quote(f[0]))
	}
	d.Year = y
	if len(f) > 1 {
		d.Month = monthNumber(f[1])
		if d.Month == 0 {
			return bad("bad month " + strconv.Quote(f[1]))
		}
	}
	if len(f) > 2 {
		day, err := strconv.Atoi(f[2])
		if err != nil || day < 1 || len(f[2]) > 2 {
			return bad("bad day " + strconv.Quote(f[2]))
		}
		d.Day = day
	}
	if !d.Valid() {
		return bad("no such date")
	}
	return d, nil
}

func monthNumber(s string) int {
	for i := range monthNames {
		if strings.EqualFold(s, monthAbbr[i]) || strings.EqualFold(s, monthNames[i]) {
			return i + 1
		}
	}
	return 0
}
