package csl

import (
	"strconv"
	"strings"
	"unicode"
)

// labelNameVars are the name variables citeproc-js looks through, in
// order, for the names of a citation-label; read only.
var labelNameVars = [...]string{"author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator", "director", "editor", "editor-translator", "editorial-director", "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "script-writer", "series-creator", "translator", "commenter"}

// labelSkipWords are the words citeproc-js leaves out of a title that
// makes a citation-label; read only.
var labelSkipWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split("about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa despite down during et except for forenenst from given in inside into lest like modulo near next notwithstanding of off on onto out over per plus pro qua sans since than through throughout thruout till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet so and nor a an the de d' von van c ca", " ") {
		m[w] = true
	}
	return m
}()

// trigraph is citeproc-js's default citation-label pattern
// ("Aaaa00:AaAa00:AaAA00:AAAA00"): letters taken from each of one, two,
// three and four or more names, and the digits of the year.
var trigraph = [...][]int{{4}, {2, 2}, {2, 1, 1}, {1, 1, 1, 1}}

// trigraphLabel is the citation-label citeproc-js makes for an item that
// has none: letters of the first name variable's family names (or
// literal names), else of the title without its small words, and the
// last two digits of the year ("00" without one).
func (c *ctx) trigraphLabel() string {
	var sb strings.Builder
	for _, v := range labelNameVars {
		ns := c.item.names[v]
		if len(ns) == 0 {
			continue
		}
		cfg := trigraph[min(len(ns), len(trigraph))-1]
		for j, n := range ns {
			if j == len(cfg) {
				break
			}
			s := n.Family
			if n.Literal != "" {
				s = n.Literal
			} else {
				s = strings.TrimLeft(s, " ")
				// leading lower-case particles left in the family name
				for {
					i := strings.IndexByte(s, ' ')
					if i <= 0 || strings.IndexFunc(s[:i], func(r rune) bool { return !(r == '\'' || r == '’' || (r >= 'a' && r <= 'z')) }) >= 0 {
						break
					}
					s = strings.TrimLeft(s[i:], " ")
				}
			}
			low := strings.ToLower(s)
			for _, a := range [...]string{"a ", "the ", "an "} {
				if strings.HasPrefix(low, a) {
					s = s[len(a):]
					break
				}
			}
			s = strings.Map(func(r rune) rune {
				if isLabelLetter(r) {
					return r
				}
				return -1
			}, s)
			if s == "" {
				break
			}
			sb.WriteString(capitalizeRest(firstRunes(s, cfg[j])))
		}
		break
	}
	if sb.Len() == 0 {
		if t := c.item.vars["title"]; t != "" {
			var tb strings.Builder
			for _, w := range strings.Fields(t) {
				if !labelSkipWords[w] {
					tb.WriteString(w)
				}
			}
			sb.WriteString(capitalizeRest(firstRunes(tb.String(), trigraph[0][0])))
		}
	}
	year := "0000"
	if d := c.item.dates["issued"]; d != nil && len(d.Parts) > 0 && d.Parts[0][0] != 0 {
		year = strconv.Itoa(d.Parts[0][0])
	}
	if len(year) > 2 {
		year = year[len(year)-2:]
	}
	sb.WriteString(year)
	return sb.String()
}

// isLabelLetter reports whether citeproc-js keeps r in a label: a letter
// of the Latin, Thai, Greek, Cyrillic, Hebrew or Arabic ranges it lists.
func isLabelLetter(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return true
	case r >= 0x0e01 && r <= 0x0e5b, r >= 0x00c0 && r <= 0x017f, r >= 0x0370 && r <= 0x03ff,
		r >= 0x0400 && r <= 0x052f, r >= 0x0590 && r <= 0x05d4, r >= 0x05d6 && r <= 0x05ff,
		r >= 0x1f00 && r <= 0x1fff, r >= 0x0600 && r <= 0x06ff, r >= 0x200c && r <= 0x200e,
		r >= 0x0218 && r <= 0x021b, r >= 0x202a && r <= 0x202e:
		return true
	}
	return false
}

func firstRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// capitalizeRest upper-cases the first letter and lower-cases the rest.
func capitalizeRest(s string) string {
	if s == "" {
		return s
	}
	r := []rune(strings.ToLower(s))
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}
