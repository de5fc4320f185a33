package cite

import (
	"bufio"
	"io"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// subsequentAuthorDash replaces an author repeated from the entry before
// (subsequent-author-substitute of the 17th-edition Chicago and MLA styles).
const subsequentAuthorDash = "———"

// WriteBibliography writes the bibliography (works cited, reference list)
// of items in style s, sorted as the style sorts (author, then title, date
// and source, compared as citeproc-js compares them: case, accents and
// punctuation ignored, numbers by value, Cyrillic after Latin), one entry
// per line in format f. Items the style leaves out of a bibliography (an
// unpublished letter in the notes styles) are skipped. The 17th-edition
// Chicago style and MLA replace an author repeated from the entry above by
// "———".
func WriteBibliography(w io.Writer, items []Item, s Style, f OutputFormat) error {
	st := lookupStyle(s)
	if st == nil {
		_, err := ParseStyle(string(s))
		return err
	}
	order, err := SortBibliography(items, s)
	if err != nil {
		return err
	}
	var suffixes []string
	if st.yearSuffix {
		suffixes = yearSuffixes(items, order, s)
	}
	bw := bufio.NewWriter(w)
	dash := st.authorSubstitute != ""
	prev := ""
	var r renderer
	r.trackAuthor = dash
	for _, i := range order {
		r.prevAuthor = ""
		if dash {
			r.prevAuthor = prev
		}
		r.yearSuffix = ""
		if suffixes != nil {
			r.yearSuffix = suffixes[i]
		}
		t, err := r.format(&items[i], s, Bibliography, Locator{})
		if err != nil {
			return err
		}
		if t.IsZero() {
			continue
		}
		prev = r.lastAuthor
		if _, err := bw.WriteString(t.render(f)); err != nil {
			return err
		}
		if err := bw.WriteByte('\n'); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// SortBibliography returns the indexes of items in the order of the
// style's bibliography, leaving out the items it has no entry for.
func SortBibliography(items []Item, s Style) ([]int, error) {
	st := lookupStyle(s)
	if st == nil {
		_, err := ParseStyle(string(s))
		return nil, err
	}
	keys := make([][]string, len(items))
	for i := range items {
		keys[i] = sortKeys(&items[i], st)
	}
	col := collate.New(language.English, collate.Loose, collate.Numeric)
	var buf collate.Buffer
	norm := make([][][]byte, len(items))
	for i := range keys {
		norm[i] = make([][]byte, len(keys[i]))
		for j, k := range keys[i] {
			// copy: the buffer is reused
			norm[i][j] = append([]byte(nil), col.KeyFromString(&buf, sortable(k))...)
			buf.Reset()
		}
	}
	// Items the style leaves out of a bibliography have no place in it.
	order := make([]int, 0, len(items))
	var r renderer
	for i := range items {
		if t, _ := r.format(&items[i], s, Bibliography, Locator{}); !t.IsZero() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		ka, kb := norm[order[a]], norm[order[b]]
		for j := range ka {
			ea, eb := keys[order[a]][j] == "", keys[order[b]][j] == ""
			switch {
			case ea && eb:
				continue
			case ea:
				return false // empty keys sort last
			case eb:
				return true
			}
			if c := compareBytes(ka[j], kb[j]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	return order, nil
}

func compareBytes(a, b []byte) int {
	return strings.Compare(string(a), string(b))
}

// sortable drops what citeproc-js's collation ignores (punctuation) and
// lower-cases the key. citeproc-js writes a key's spaces as "|", a symbol
// its collator does not ignore (it ignores punctuation only), so a space
// counts, before any digit or letter ("A Night" < "A Very" < "Anglo",
// "Ab cd" < "Abc" < "Ab-d"), and so do the other symbols ("<", "=",
// "+"), "<" before "|".
func sortable(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsPunct(r) {
			continue
		}
		if space {
			b.WriteByte('|')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// sortKeys renders the style's sort keys of an item as plain text.
func sortKeys(it *Item, st *styleDef) []string {
	var r renderer
	r.init(it, posBib, Locator{})
	r.etAlMin, r.etAlUseFirst = st.bibEtAl.min, st.bibEtAl.useFirst
	key := func(f func()) string {
		r.init(it, posBib, Locator{})
		r.sorting = true
		r.o.group("", "", "")
		f()
		r.o.end()
		return string(r.o.buf)
	}
	return st.sortKeys(&r, key)
}

// mlaSortKeys are MLA's: author, title, and the rest of the entry.
func mlaSortKeys(r *renderer, key func(func()) string) []string {
	m := mla{r: r}
	return m.sortKeys(key)
}

// chicagoAuthorDateSortKeys are the author-date reference list's: author,
// dated entries before undated ones, year, the rest of the date, title,
// source and volume.
func chicagoAuthorDateSortKeys(r *renderer, key func(func()) string) []string {
	it := r.it
	c := chicago{r: r, k: itemKind(it), authorDate: true}
	// the style's date-sort-group: dated items, then "n.d.", then
	// undated items with a status ("forthcoming", "in press")
	group := "1"
	if !it.Issued.IsZero() {
		group = "0"
	} else if it.Extra["status"] != "" {
		group = "2"
	}
	// the style's date-sort-year: the year of the event of a personal
	// communication with both dates, else of the date issued
	yearDate := it.Issued
	if ev, ok := it.ExtraDates["event-date"]; ok && !ev.IsZero() && it.Type == "personal_communication" && !it.Issued.IsZero() {
		yearDate = ev
	}
	// the style's date macro as a sort key: a macro with a cs:date of its
	// own gives citeproc-js's key only its dates (see yearSortKey), not
	// "n.d." nor a status
	var date string
	switch {
	case !it.Issued.IsZero():
		date = yearSortKey(it.OriginalDate) + yearSortKey(it.Issued)
	case !it.ExtraDates["event-date"].IsZero():
		date = yearSortKey(it.ExtraDates["event-date"])
	case !it.ExtraDates["available-date"].IsZero():
		date = yearSortKey(it.ExtraDates["available-date"])
	}
	return []string{
		key(c.authorSort), group, yearSortKey(yearDate), date,
		key(c.titleAndDescriptionsBib), key(func() { c.sourceMonographic(true) }), it.Volume,
	}
}

// yearSortKey is citeproc-js's sort key of a date written by its year
// (date-parts="year"): for the date and then the end of its range, "1"
// and the year in four digits (for a year BC, "0" and 9999 less the
// year), month and day "00"; a date without a range ends "100000000",
// before any end year. Empty for a date without a year.
func yearSortKey(d Date) string {
	if d.From.Year == 0 {
		return ""
	}
	b := make([]byte, 0, 18)
	for _, y := range [2]int{d.From.Year, d.To.Year} {
		if y < 0 {
			b = append(b, '0')
			y = 9999 + y
		} else {
			b = append(b, '1')
		}
		if y < 0 {
			y = 0
		}
		y = min(y, 9999)
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '0', '0', '0', '0')
	}
	return string(b)
}

// chicagoNotesSortKeys are the notes styles' bibliography's: author,
// title, source, volume, date and archive; c holds the style's variant.
func chicagoNotesSortKeys(c *chicago, key func(func()) string) []string {
	it := c.r.it
	c.k = itemKind(it)
	return []string{
		key(c.authorSort), key(c.titleAndDescriptionsBib), key(c.sourceBibKey),
		it.Volume, c.dateIssuedOrStatusKey(key), key(c.sourceArchiveBib),
	}
}

// dateIssuedOrStatusKey is the notes styles' "source-date-issued-or-status"
// as a sort key: citeproc-js's key of a macro with a cs:date is its dates'
// keys only (see dateSortKey), the status or "n.d." of an undated work
// as written.
func (c *chicago) dateIssuedOrStatusKey(key func(func()) string) string {
	it := c.r.it
	if !it.Issued.IsZero() {
		return dateSortKey(it.Issued)
	}
	if ev := it.ExtraDates["event-date"]; !ev.IsZero() {
		return dateSortKey(ev)
	}
	return key(c.dateIssuedOrStatus)
}

// dateSortKey is citeproc-js's sort key of a date: for the date and then
// the end of its range, "1" and the year in four digits (for a year BC,
// "0" and 9999 less the year), month and day in two ("100000000" for a
// date without a range, before any end). Empty for a date without a year.
func dateSortKey(d Date) string {
	if d.From.Year == 0 {
		return ""
	}
	b := make([]byte, 0, 18)
	for _, p := range [2]DateParts{d.From, d.To} {
		y := p.Year
		if y < 0 {
			b = append(b, '0')
			y = 9999 + y
		} else {
			b = append(b, '1')
		}
		y = min(max(y, 0), 9999)
		b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
		for _, n := range [2]int{p.Month, p.Day} {
			n = min(max(n, 0), 99)
			b = append(b, byte('0'+n/10), byte('0'+n%10))
		}
	}
	return string(b)
}

// sourceBibKey is the notes styles' "source-bib" macro, their third sort
// key: a serial's source (journal, volume, date) or a monograph's.
func (c *chicago) sourceBibKey() {
	t := c.r.it.Type
	switch {
	case typeIn(t, "patent", "post", "webpage"):
	case serialType(t):
		c.sourceSerial(true)
	case c.hasMonographicEditor():
		c.sourceMonographic(true)
	case typeIn(t, "interview", "paper-conference"):
		c.sourceSerial(true)
	default:
		c.sourceMonographic(true)
	}
}

// yearSuffixes gives author-date entries whose citations would read the
// same ("Maisky 2017") the suffixes a, b, … in bibliography order.
func yearSuffixes(items []Item, order []int, s Style) []string {
	// Citations that differ in any name are told apart by adding names
	// (disambiguate-add-names); the same names and year need a suffix.
	cites := make([]string, len(items))
	count := map[string]int{}
	for i := range items {
		var b strings.Builder
		for _, n := range citedNames(&items[i]) {
			b.WriteString(n.Family + "\x00" + n.Given + "\x00" + n.Literal + "\x01")
		}
		t, _ := Format(&items[i], s, First, Locator{})
		b.WriteString(t.String())
		cites[i] = b.String()
		count[cites[i]]++
	}
	out := make([]string, len(items))
	next := map[string]int{}
	for _, i := range order {
		if count[cites[i]] < 2 {
			continue
		}
		n := next[cites[i]]
		next[cites[i]] = n + 1
		out[i] = suffixLetters(n)
	}
	return out
}

// suffixLetters returns a, b, …, z, aa, ab, … for 0, 1, ….
func suffixLetters(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// citedNames returns the names that lead a citation: the authors, or the
// editors or translators standing in for them.
func citedNames(it *Item) []Name {
	switch {
	case len(it.Author) > 0:
		return it.Author
	case len(it.Editor) > 0:
		return it.Editor
	}
	return it.Translator
}
