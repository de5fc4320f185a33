package cslcore

import "testing"

// TestEra checks the era terms against citeproc-js 1.4.61, which writes
// "800" (no AD) for 800, "410 AD" for 410 and "50 BC" for -50.
func TestEra(t *testing.T) {
	for _, c := range []struct {
		y, n int
		term string
	}{
		{800, 800, ""}, {499, 499, "ad"}, {500, 500, ""}, {1, 1, "ad"}, {0, 0, ""},
		{-50, 50, "bc"}, {-1, 1, "bc"}, {1935, 1935, ""},
	} {
		if n, term := Era(c.y); n != c.n || term != c.term {
			t.Errorf("Era(%d) = %d, %q; want %d, %q", c.y, n, term, c.n, c.term)
		}
	}
}

// testTerms are terms of a locale with gendered ordinals and day
// ordinals limited to day 1 when limit is set.
type testTerms struct{ limit bool }

func (testTerms) EraTerm(name string) string {
	return map[string]string{"bc": " BC", "ad": " AD"}[name]
}

func (testTerms) MonthTerm(m int, short bool) string {
	if m < 1 || m > 12 {
		return ""
	}
	if short {
		return [...]string{"Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}[m-1]
	}
	return [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}[m-1]
}

func (testTerms) SeasonTerm(s int) string {
	return [...]string{"Spring", "Summer", "Autumn", "Winter"}[s-1]
}

func (testTerms) DayOrdinal(day, month int) string {
	if month == 3 {
		return map[int]string{1: "1er", 4: "4e"}[day] // a gendered form
	}
	return map[int]string{1: "1st", 4: "4th", 22: "22nd"}[day]
}

func (t testTerms) LimitDayOrdinals() bool { return t.limit }

// TestFormatDatePart checks each part and form against what citeproc-js
// writes with such terms.
func TestFormatDatePart(t *testing.T) {
	for _, c := range []struct {
		part       DatePart
		form       string
		p          [3]int
		season     int
		seasonName string
		limit      bool
		want       string
	}{
		{PartYear, "", [3]int{1935, 3, 4}, 0, "", false, "1935"},
		{PartYear, "long", [3]int{1935}, 0, "", false, "1935"},
		{PartYear, "short", [3]int{1935}, 0, "", false, "35"},
		{PartYear, "short", [3]int{2005}, 0, "", false, "05"},
		{PartYear, "short", [3]int{-44}, 0, "", false, "44 BC"},
		{PartYear, "", [3]int{-44}, 0, "", false, "44 BC"},
		{PartYear, "", [3]int{410}, 0, "", false, "410 AD"},
		{PartYear, "short", [3]int{410}, 0, "", false, "10"},
		{PartYear, "", [3]int{0, 3}, 0, "", false, ""},
		{PartMonth, "", [3]int{1935, 3}, 0, "", false, "March"},
		{PartMonth, "long", [3]int{1935, 3}, 0, "", false, "March"},
		{PartMonth, "short", [3]int{1935, 9}, 0, "", false, "Sept."},
		{PartMonth, "numeric", [3]int{1935, 3}, 0, "", false, "3"},
		{PartMonth, "numeric-leading-zeros", [3]int{1935, 3}, 0, "", false, "03"},
		{PartMonth, "numeric-leading-zeros", [3]int{1935, 11}, 0, "", false, "11"},
		// citeproc-js writes a season month in a numeric form not at all
		{PartMonth, "numeric", [3]int{1935, 14}, 0, "", false, ""},
		{PartMonth, "numeric-leading-zeros", [3]int{1935, 13}, 0, "", false, ""},
		{PartMonth, "short", [3]int{1935, 14}, 0, "", false, "Summer"},
		{PartMonth, "", [3]int{1935, 0}, 4, "", false, "Winter"},
		{PartMonth, "", [3]int{1935, 0}, 0, "Easter", false, "Easter"},
		{PartMonth, "", [3]int{1935, 0}, 2, "Easter", false, "Summer"},
		{PartMonth, "", [3]int{1935, 0}, 0, "", false, ""},
		{PartMonth, "", [3]int{1935, 3}, 2, "Easter", false, "March"},
		{PartDay, "", [3]int{1935, 3, 4}, 0, "", false, "4"},
		{PartDay, "numeric", [3]int{1935, 3, 4}, 0, "", false, "4"},
		{PartDay, "numeric-leading-zeros", [3]int{1935, 3, 4}, 0, "", false, "04"},
		{PartDay, "ordinal", [3]int{1935, 3, 4}, 0, "", false, "4e"},
		{PartDay, "ordinal", [3]int{1935, 3, 1}, 0, "", true, "1er"},
		{PartDay, "ordinal", [3]int{1935, 3, 4}, 0, "", true, "4"},
		{PartDay, "ordinal", [3]int{1935, 5, 22}, 0, "", false, "22nd"},
		{PartDay, "", [3]int{1935, 0, 4}, 0, "", false, ""},
		{PartDay, "", [3]int{1935, 13, 4}, 0, "", false, ""},
		{PartDay, "", [3]int{1935, 3, 0}, 0, "", false, ""},
	} {
		got := FormatDatePart(c.part, ParsePartForm(c.form), c.p, c.season, c.seasonName, testTerms{c.limit})
		if s := got.String(); s != c.want {
			t.Errorf("FormatDatePart(%d, %q, %v) = %q; want %q", c.part, c.form, c.p, s, c.want)
		}
		if b := got.Append([]byte("x")); string(b) != "x"+c.want {
			t.Errorf("Append of %v = %q; want %q", c.p, b, "x"+c.want)
		}
		if got.IsEmpty() != (c.want == "") {
			t.Errorf("FormatDatePart(%d, %q, %v).IsEmpty() = %v", c.part, c.form, c.p, got.IsEmpty())
		}
	}
}

// TestDateRangeDiff checks the range rule: the largest differing part
// among those shown.
func TestDateRangeDiff(t *testing.T) {
	all := [3]bool{true, true, true}
	for _, c := range []struct {
		from, to [3]int
		shown    [3]bool
		want     int
	}{
		{[3]int{2011, 3, 3}, [3]int{2011, 3, 9}, all, 2},
		{[3]int{2011, 3, 3}, [3]int{2011, 4, 9}, all, 1},
		{[3]int{2011, 3, 3}, [3]int{2012, 4, 9}, all, 0},
		{[3]int{2011, 3, 3}, [3]int{2011, 3, 3}, all, 3},
		// 1935-03-04/1936-03-04 without the year is one date
		{[3]int{1935, 3, 4}, [3]int{1936, 3, 4}, [3]bool{false, true, true}, 3},
		{[3]int{1935, 3, 4}, [3]int{1936, 5, 4}, [3]bool{false, true, true}, 1},
		{[3]int{1935, 3, 4}, [3]int{1935, 3, 5}, [3]bool{true, true, false}, 3},
	} {
		if got := DateRangeDiff(c.from, c.to, c.shown); got != c.want {
			t.Errorf("DateRangeDiff(%v, %v, %v) = %d; want %d", c.from, c.to, c.shown, got, c.want)
		}
	}
}

// TestDateRangeSpan checks which parts of a form a range writes for both
// dates, as citeproc-js lays out "March 3–9, 2011", "3 Mar.–9 Apr. 2011",
// "Spring–Summer 1935" and "March 3, 2011–April 9, 2012".
func TestDateRangeSpan(t *testing.T) {
	text := []DatePart{PartMonth, PartDay, PartYear}
	mla := []DatePart{PartDay, PartMonth, PartYear}
	for _, c := range []struct {
		parts  []DatePart
		start  [3]int
		diff   int
		lo, hi int
	}{
		{text, [3]int{2011, 3, 3}, 2, 1, 1},
		{text, [3]int{2011, 3, 3}, 1, 0, 1},
		{text, [3]int{2011, 3, 3}, 0, 0, 2},
		{text, [3]int{2011, 3, 3}, 3, -1, -1},
		{mla, [3]int{2011, 3, 3}, 1, 0, 1},
		{mla, [3]int{2011, 3, 3}, 2, 0, 0},
		{text, [3]int{1935, 13, 0}, 1, 0, 0},
		// the start lacks the differing part: written as the start
		{text, [3]int{2011, 3, 0}, 2, -1, -1},
		{[]DatePart{PartYear, 3, PartMonth}, [3]int{2011, 3, 0}, 0, 0, 2},
		{nil, [3]int{2011, 3, 0}, 0, -1, -1},
		{text, [3]int{2011, 3, 3}, -1, -1, -1},
	} {
		if lo, hi := DateRangeSpan(c.parts, c.start, c.diff); lo != c.lo || hi != c.hi {
			t.Errorf("DateRangeSpan(%v, %v, %d) = %d, %d; want %d, %d", c.parts, c.start, c.diff, lo, hi, c.lo, c.hi)
		}
	}
}

// FuzzFormatDatePart writes any part of any date in any form: never a
// panic, and Append and String agree.
func FuzzFormatDatePart(f *testing.F) {
	f.Add(uint8(0), "short", 1935, 3, 4, 0, "", false)
	f.Add(uint8(2), "ordinal", 1935, 3, 1, 0, "", true)
	f.Add(uint8(1), "", -44, 0, 0, 3, "Easter", false)
	f.Fuzz(func(t *testing.T, part uint8, form string, y, m, d, season int, name string, limit bool) {
		got := FormatDatePart(DatePart(part%4), ParsePartForm(form), [3]int{y, m, d}, season, name, testTerms{limit})
		if s, b := got.String(), got.Append(nil); s != string(b) {
			t.Fatalf("String %q, Append %q", s, b)
		}
	})
}

func TestFormatYear(t *testing.T) {
	tests := []struct {
		f             PartForm
		year, eraYear int
		want          string
	}{
		{FormLong, 1935, 1935, "1935"},
		{FormLong, -50, -50, "50 BC"},
		{FormLong, 410, 410, "410 AD"},
		// a range's start: no era when the start's era follows the end
		{FormLong, -50, 0, "50"},
		{FormLong, 50, 0, "50"},
		// a range's end: the start's era, not its own
		{FormLong, 40, -50, "40 BC"},
		{FormLong, -40, -50, "40 BC"},
		{FormLong, 60, 50, "60 AD"},
		{FormLong, 1936, 1935, "1936"},
		{FormShort, 1935, 1935, "35"},
		{FormShort, 1905, 1905, "05"},
		{FormShort, 410, 410, "10"},
		{FormShort, -44, -44, "44 BC"},
		{FormLong, 0, 1935, ""},
	}
	for _, tt := range tests {
		got := FormatYear(tt.f, tt.year, tt.eraYear, testTerms{}).String()
		if got != tt.want {
			t.Errorf("FormatYear(%d, %d, %d) = %q, want %q", tt.f, tt.year, tt.eraYear, got, tt.want)
		}
		if tt.year == tt.eraYear {
			if d := FormatDatePart(PartYear, tt.f, [3]int{tt.year}, 0, "", testTerms{}).String(); d != got {
				t.Errorf("FormatDatePart(year %d) = %q, FormatYear = %q", tt.year, d, got)
			}
		}
	}
}
