package cite

// appendSeasonRange appends a range of seasons within one year as
// citeproc-js collapses it: "Spring–Summer 1935" (the year once), "1935"
// in a year-only form. It reports false for any other date, which
// appendDate writes itself.
func appendSeasonRange(b []byte, d *Date, form dateForm) ([]byte, bool) {
	if d.Season != 0 || d.To.IsZero() || d.From.Year != d.To.Year || d.From.Day != 0 || d.To.Day != 0 ||
		d.From.Month < 13 || d.From.Month > 16 || d.To.Month < 13 || d.To.Month > 16 {
		return b, false
	}
	if d.From.Month == d.To.Month || form == dateYear {
		return appendDateParts(b, d.From, 0, "", form), true
	}
	b = appendDateParts(b, DateParts{Month: d.From.Month}, 0, "", dateMonth)
	b = append(b, "–"...)
	return appendDateParts(b, d.To, 0, "", form), true
}
