package cite

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseDate reads a free-form date as CSL-JSON gives it in "raw" ("1935-03-04",
// "March 4, 1935", "4 March 1935", "Spring 1935", "circa 1935", "1935?",
// ranges such as "1935/1936", "March 4 - March 9, 1935",
// "1935-03-04/1935-03-09", "44 BC") into date parts, exactly as
// citeproc-js's date parser reads it: the words are tokens (years of four
// digits, numbers, month and season names found by their first three
// letters, "circa"/"?"/"~" for an approximate date, "BC"/"AD"); numeric
// dates are month first ("12/3/1935" is 3 December); a range borrows the
// parts one side lacks from the other; a word with "eas", "tri", "hil" or
// "mic" names a season or term ("Easter 1935", "Hilary term 1935"), kept in
// SeasonName when the date has no month (a range's end season is dropped,
// as citeproc-js never prints it). It reports false when the text is not
// a date by those rules (no year, or a day without a month): the text is
// then to be printed as written, as citeproc-js prints it as a literal.
//
// The parts are normalised as citeproc-js renders them: a month 13–24 is
// a season (13 + (m−13) mod 4, without a day), a month past that drops the
// month and the day, a day past 31 is dropped.
func ParseDate(raw string) (Date, bool) {
	var d Date
	txt := raw
	// A time after a date ("1935-03-04T10:00:00Z") is dropped.
	for i := len(txt) - 2; i > 0; i-- {
		if txt[i] == 'T' && isDigitByte(txt[i-1]) && isDigitByte(txt[i+1]) {
			txt = txt[:i]
			break
		}
	}
	neg := false
	if strings.HasPrefix(txt, "-") {
		neg = true
		txt = txt[1:]
	}
	if n := len(txt); n >= 1 && n <= 3 && allDigitBytes(txt) {
		txt = strings.Repeat("0", 4-n) + txt
	}
	txt = dropTimes(txt)
	txt = dropAbbrevDots(txt)
	if len(txt) >= 2 && txt[0] == '"' && txt[len(txt)-1] == '"' {
		return Date{}, false
	}
	txt = strings.NewReplacer("/", "-", "_", "-").Replace(txt)
	elems := rawDateTokens(txt)

	// Phase 2: each side of the range.
	sides := [][]string{elems}
	for i, e := range elems {
		if e == "-" {
			sides = [][]string{elems[:i], elems[i+1:]}
			break
		}
	}
	var parts [2]rawParts
	for s, side := range sides {
		p := &parts[s]
		number, note := "", ""
	outer:
		for _, e := range side {
			if strings.Contains(e, "-") {
				p.numeric(e)
				continue
			}
			if hasFourDigits(e) {
				p.year = atoiLoose(strings.TrimLeft(e, "0"))
				continue
			}
			if e == "~" || e == "?" || e == "c" || strings.HasPrefix(e, "cir") {
				d.Circa = true
			}
			le := strings.ToLower(e)
			for k, m := range rawMonthAbbrevs {
				if strings.Contains(le, m) {
					p.month = k + 1
					continue outer
				}
			}
			if e != "" && allDigitBytes(e) {
				number = e
			}
			if strings.HasPrefix(le, "bc") && number != "" {
				p.year = -atoiLoose(number)
				number = ""
				continue
			}
			if strings.HasPrefix(le, "ad") && number != "" {
				p.year = atoiLoose(number)
				number = ""
				continue
			}
			if containsAny(le, "mic", "tri", "hil", "eas") && p.season == "" {
				note = e
				continue
			}
		}
		if number != "" {
			p.day = atoiLoose(number)
		}
		if note != "" && p.season == "" {
			p.season = strings.TrimSpace(note)
		}
	}
	a, b := &parts[0], &parts[1]
	if len(sides) == 2 {
		fill := func(x, y *int) {
			if *x != 0 && *y == 0 {
				*y = *x
			} else if *x == 0 && *y != 0 {
				*x = *y
			}
		}
		fill(&a.year, &b.year)
		fill(&a.month, &b.month)
		fill(&a.day, &b.day)
		if a.season != "" && b.season == "" {
			b.season = a.season
		} else if a.season == "" && b.season != "" {
			a.season = b.season
		}
	}
	if a.year == 0 || (a.day != 0 && a.month == 0) {
		return Date{}, false
	}
	if a.month == 0 {
		// a named season ("Easter", "Michaelmas term"): a month wins
		// over it wherever citeproc-js prints a date
		// (valid UTF-8, as CSL-JSON writes it back)
		d.SeasonName = strings.ToValidUTF8(a.season, "\uFFFD")
	}
	if neg {
		a.year = -a.year
	}
	d.From = a.dateParts()
	if len(sides) == 2 {
		d.To = b.dateParts()
		if d.To == d.From {
			d.To = DateParts{}
		}
	}
	if d.From.Year == 0 || d.From.Year < -99999 || d.From.Year > 99999 || d.To.Year < -99999 || d.To.Year > 99999 {
		return Date{}, false
	}
	return d, true
}

// rawMonthAbbrevs are citeproc-js's month and season names, matched by
// their first three letters anywhere in a word (months 13–16 are the
// seasons, 17 and 18 repeat spring and summer and are never reached).
var rawMonthAbbrevs = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "spr", "sum", "fal", "win"}

type rawParts struct {
	year, month, day int
	season           string
}

// numeric reads a numeric date ("1935-03-04", "12-3-1935", "1935-3"): the
// part of four characters is the year, the others month and day, month
// first unless the first is over 12.
func (p *rawParts) numeric(e string) {
	lst := strings.Split(e, "-")
	for i, x := range lst {
		if len(x) == 4 {
			p.year = atoiLoose(strings.TrimLeft(x, "0"))
			if i == 0 {
				lst = lst[1:]
			} else {
				lst = lst[:i]
			}
			break
		}
	}
	n := make([]int, len(lst))
	for i, x := range lst {
		n[i] = atoiLoose(x)
	}
	switch {
	case len(n) == 1 || (len(n) == 2 && n[1] == 0):
		if n[0] != 0 {
			p.month = n[0]
		}
	case len(n) == 2:
		month, day := n[0], n[1]
		if n[0] > 12 {
			month, day = n[1], n[0]
		}
		if month != 0 {
			p.month = month
			if day != 0 {
				p.day = day
			}
		}
	}
}

func (p rawParts) dateParts() DateParts {
	dp := DateParts{Year: p.year, Month: p.month, Day: p.day}
	switch {
	case dp.Month >= 13 && dp.Month <= 24:
		dp.Month = 13 + (dp.Month-13)%4
		dp.Day = 0
	case dp.Month < 0 || dp.Month > 16:
		dp.Month, dp.Day = 0, 0
	}
	if dp.Day < 0 || dp.Day > 31 || dp.Month == 0 {
		dp.Day = 0
	}
	return dp
}

// rawDateTokens splits a normalised raw date as citeproc-js's tokenizer
// does: at each position the first of a year first ("1935-03-04"), a year
// last ("4-3-1935"), a number of up to three digits, "-", "?" or "~", or a
// run of other characters; leading spaces are trimmed from each token,
// trailing ones kept.
func rawDateTokens(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		n := rawYearFirst(s, i)
		if n < 0 {
			n = rawYearLast(s, i, 0)
		}
		if n < 0 {
			if k := classRun(s, i, 3); k > 0 {
				n = i + k
			}
		}
		if n < 0 && (s[i] == '-' || s[i] == '~') {
			n = i + 1
		}
		if n < 0 {
			n = i
			for n < len(s) && !isRawDelim(s[n]) {
				n++
			}
		}
		tok := s[i:n]
		i = n
		t := strings.TrimLeftFunc(tok, unicode.IsSpace)
		if t == "" {
			// All space: the pattern keeps the last space.
			_, size := utf8.DecodeLastRuneInString(tok)
			t = tok[len(tok)-size:]
		}
		out = append(out, t)
	}
	return out
}

func isRawDelim(c byte) bool { return c == '-' || c == '/' || c == '~' || c == '?' || isDigitByte(c) }

func isDateClass(c byte) bool { return c == '?' || isDigitByte(c) }

// classRun is the length (at most max) of the run of [?0-9] at i.
func classRun(s string, i, max int) int {
	k := 0
	for i+k < len(s) && k < max && isDateClass(s[i+k]) {
		k++
	}
	return k
}

func notDigitAt(s string, i int) bool { return i >= len(s) || !isDigitByte(s[i]) }

// rawYearFirst matches [?0-9]{4}(?:-[?0-9]{1,2}){0,2}(?![0-9]) at i,
// backtracking as a regular expression does; it returns the end or -1.
func rawYearFirst(s string, i int) int {
	if classRun(s, i, 4) < 4 {
		return -1
	}
	var g func(j, reps int) int
	g = func(j, reps int) int {
		if reps < 2 && j < len(s) && s[j] == '-' {
			for k := 2; k >= 1; k-- {
				if classRun(s, j+1, k) == k {
					if r := g(j+1+k, reps+1); r >= 0 {
						return r
					}
				}
			}
		}
		if notDigitAt(s, j) {
			return j
		}
		return -1
	}
	return g(i+4, 0)
}

// rawYearLast matches (?:[?0-9]{1,2}-){0,2}[?0-9]{4}(?![0-9]) at i.
func rawYearLast(s string, i, reps int) int {
	if reps < 2 {
		for k := 2; k >= 1; k-- {
			if classRun(s, i, k) == k && i+k < len(s) && s[i+k] == '-' {
				if r := rawYearLast(s, i+k+1, reps+1); r >= 0 {
					return r
				}
			}
		}
	}
	if classRun(s, i, 4) == 4 && notDigitAt(s, i+4) {
		return i + 4
	}
	return -1
}

// dropTimes removes a time of day ("10:00:00") as citeproc-js does: the
// first "hh:mm:ss" with the spaces before it.
func dropTimes(s string) string {
	for i := 0; i+5 <= len(s); i++ {
		if isDigitByte(s[i]) && isDigitByte(s[i+1]) && s[i+2] == ':' && isDigitByte(s[i+3]) && isDigitByte(s[i+4]) &&
			i+5 < len(s) && s[i+5] == ':' && i+6 < len(s) && isDigitByte(s[i+6]) {
			j := i + 6
			for j < len(s) && isDigitByte(s[j]) {
				j++
			}
			k := i
			for k > 0 && isSpaceByte(s[k-1]) {
				k--
			}
			return s[:k] + s[j:]
		}
	}
	return s
}

// dropAbbrevDots removes the period after a letter ("B.C." → "BC",
// "Jan." → "Jan").
func dropAbbrevDots(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && i > 0 && isASCIILetter(s[i-1]) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigitByte(c byte) bool   { return c >= '0' && c <= '9' }
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func allDigitBytes(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

func hasFourDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if isDigitByte(s[i]) {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// atoiLoose is parseInt of the digits at the start of s (0 when none, or
// when they overflow the years a date can hold).
func atoiLoose(s string) int {
	j := 0
	for j < len(s) && j < 9 && isDigitByte(s[j]) {
		j++
	}
	n, _ := strconv.Atoi(s[:j])
	return n
}
