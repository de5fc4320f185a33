package cite

import "testing"

// TestAppendDate checks the fixed en-US date forms, written part by part
// with cslcore's shared date parts and range rule, against citeproc-js's
// en-US output for the same dates.
func TestAppendDate(t *testing.T) {
	for _, c := range []struct {
		d    Date
		form dateForm
		want string
	}{
		{Date{From: DateParts{1934, 12, 31}}, dateText, "December 31, 1934"},
		{Date{From: DateParts{1934, 12, 0}}, dateText, "December 1934"},
		{Date{From: DateParts{1934, 0, 0}, Season: 1}, dateText, "Spring 1934"},
		{Date{From: DateParts{1934, 15, 0}}, dateYearMonth, "Autumn 1934"},
		{Date{From: DateParts{-44, 3, 15}}, dateText, "March 15, 44 BC"},
		{Date{From: DateParts{410, 0, 0}}, dateYear, "410 AD"},
		{Date{From: DateParts{1934, 12, 31}}, dateDayMonthAbbr, "31 Dec. 1934"},
		{Date{From: DateParts{1934, 9, 0}}, dateDayMonthAbbr, "Sept. 1934"},
		{Date{From: DateParts{1934, 12, 31}}, dateMonthDay, "December 31"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 3, 9}}, dateText, "March 3–9, 2011"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 4, 9}}, dateText, "March 3–April 9, 2011"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2012, 4, 9}}, dateText, "March 3, 2011–April 9, 2012"},
		{Date{From: DateParts{2011, 3, 0}, To: DateParts{2011, 5, 0}}, dateText, "March–May 2011"},
		{Date{From: DateParts{2011, 3, 0}, To: DateParts{2011, 5, 0}}, dateYearMonth, "March–May 2011"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 4, 9}}, dateDayMonthAbbr, "3 Mar.–9 Apr. 2011"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 3, 9}}, dateDayMonthAbbr, "3–9 Mar. 2011"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 3, 9}}, dateMonthDay, "March 3–9"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2012, 3, 3}}, dateMonthDay, "March 3"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2012, 3, 3}}, dateYear, "2011–2012"},
		{Date{From: DateParts{2011, 3, 3}, To: DateParts{2011, 5, 3}}, dateYear, "2011"},
		{Date{From: DateParts{1935, 13, 0}, To: DateParts{1935, 14, 0}}, dateText, "Spring–Summer 1935"},
		{Date{From: DateParts{1935, 13, 0}, To: DateParts{1936, 13, 0}}, dateMonth, "Spring"},
		// the year of a range within a month has its era, as a single
		// date's has (citeproc-js: one year part)
		{Date{From: DateParts{410, 3, 3}, To: DateParts{410, 3, 9}}, dateText, "March 3–9, 410 AD"},
		// a season and a month in one year, and a season given apart in a
		// range of one year: citeproc-js 1.4.61 collapses them as any
		// range ("Spring–March 1935", "Spring 1935"; "1935" alone)
		{Date{From: DateParts{1935, 13, 0}, To: DateParts{1935, 3, 0}}, dateText, "Spring–March 1935"},
		{Date{From: DateParts{1935, 13, 0}, To: DateParts{1935, 3, 0}}, dateDayMonthAbbr, "Spring–Mar. 1935"},
		{Date{From: DateParts{1935, 13, 0}, To: DateParts{1935, 3, 0}}, dateYear, "1935"},
		{Date{From: DateParts{1935, 0, 0}, To: DateParts{1935, 0, 0}, Season: 1}, dateText, "Spring 1935"},
		{Date{From: DateParts{1935, 0, 0}, To: DateParts{1935, 0, 0}, Season: 1}, dateYear, "1935"},
		{Date{From: DateParts{1935, 0, 0}, To: DateParts{1936, 0, 0}, Season: 1}, dateText, "Spring 1935–1936"},
	} {
		if got := string(appendDate(nil, &c.d, c.form)); got != c.want {
			t.Errorf("appendDate(%+v, %d) = %q; want %q", c.d, c.form, got, c.want)
		}
	}
}

// TestEnDateTables checks that the order and shown parts of each built-in
// date form are those of its table of parts.
func TestEnDateTables(t *testing.T) {
	for form, parts := range enDateForms {
		var shown [3]bool
		if len(enDateOrder[form]) != len(parts) {
			t.Fatalf("form %d: %d parts in order, %d in the table", form, len(enDateOrder[form]), len(parts))
		}
		for i, p := range parts {
			shown[p.part] = true
			if enDateOrder[form][i] != p.part {
				t.Errorf("form %d part %d: order %d, table %d", form, i, enDateOrder[form][i], p.part)
			}
		}
		if shown != enDateShown[form] {
			t.Errorf("form %d: shown %v, table %v", form, enDateShown[form], shown)
		}
	}
}
