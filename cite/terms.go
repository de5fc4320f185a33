package cite

import "strconv"

// The en-US locale terms the styles use (CSL locales-en-US.xml), with the
// overrides of the Chicago and MLA styles where they differ.

// locatorTerm holds a locator label's forms: long and short, singular and
// plural.
type locatorTerm struct {
	label                               string
	long, longPl, short, shortPl        string
	mlaShort, mlaShortPl, symbol, symPl string
}

var locatorTerms = [...]locatorTerm{
	{label: "appendix", long: "appendix", longPl: "appendices", short: "app.", shortPl: "apps."},
	{label: "article-locator", long: "article", longPl: "articles", short: "art.", shortPl: "arts."},
	{label: "book", long: "book", longPl: "books", short: "bk.", shortPl: "bks."},
	{label: "canon", long: "canon", longPl: "canons", short: "can.", shortPl: "cann."},
	{label: "chapter", long: "chapter", longPl: "chapters", short: "chap.", shortPl: "chaps.", mlaShort: "ch.", mlaShortPl: "chs."},
	{label: "column", long: "column", longPl: "columns", short: "col.", shortPl: "cols."},
	{label: "elocation", long: "location", longPl: "locations", short: "loc.", shortPl: "locs."},
	{label: "equation", long: "equation", longPl: "equations", short: "eq.", shortPl: "eqq."},
	{label: "figure", long: "figure", longPl: "figures", short: "fig.", shortPl: "figs."},
	{label: "folio", long: "folio", longPl: "folios", short: "fol.", shortPl: "fols."},
	{label: "issue", long: "issue", longPl: "issues", short: "no.", shortPl: "nos."},
	{label: "line", long: "line", longPl: "lines", short: "l.", shortPl: "ll."},
	{label: "note", long: "note", longPl: "notes", short: "n.", shortPl: "nn."},
	{label: "opus", long: "opus", longPl: "opera", short: "op.", shortPl: "opp."},
	{label: "page", long: "page", longPl: "pages", short: "p.", shortPl: "pp."},
	{label: "paragraph", long: "paragraph", longPl: "paragraphs", short: "para.", shortPl: "paras."},
	{label: "part", long: "part", longPl: "parts", short: "pt.", shortPl: "pts."},
	{label: "rule", long: "rule", longPl: "rules", short: "r.", shortPl: "rr."},
	{label: "scene", long: "scene", longPl: "scenes", short: "sc.", shortPl: "scs."},
	{label: "section", long: "section", longPl: "sections", short: "sec.", shortPl: "secs."},
	{label: "sub-verbo", long: "sub verbo", longPl: "sub verbis", short: "s.v.", shortPl: "s.vv."},
	{label: "supplement", long: "supplement", longPl: "supplements", short: "supp.", shortPl: "supps."},
	{label: "table", long: "table", longPl: "tables", short: "tbl.", shortPl: "tbls."},
	{label: "timestamp"},
	{label: "title-locator", long: "title", longPl: "titles", short: "tit.", shortPl: "titt."},
	{label: "verse", long: "verse", longPl: "verses", short: "v.", shortPl: "vv."},
	{label: "volume", long: "volume", longPl: "volumes", short: "vol.", shortPl: "vols."},
}

// LocatorLabels returns the CSL locator labels ("page", "chapter", …).
func LocatorLabels() []string {
	out := make([]string, len(locatorTerms))
	for i, t := range locatorTerms {
		out[i] = t.label
	}
	return out
}

func findLocatorTerm(label string) *locatorTerm {
	if label == "" {
		return nil
	}
	for i := range locatorTerms {
		// the first bytes first: most labels differ there, and cheaper
		// than a call of the runtime's comparison
		if l := locatorTerms[i].label; l[0] == label[0] && l == label {
			return &locatorTerms[i]
		}
	}
	return nil
}

var monthsLong = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var monthsShort = [...]string{"Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.",
	"Sept.", "Oct.", "Nov.", "Dec."}

var seasons = [...]string{"Spring", "Summer", "Autumn", "Winter"}

// role is a contributor role: a name variable with its label terms.
type role uint8

const (
	roleAuthor role = iota
	roleEditor
	roleTranslator
	roleEditorTranslator
	roleRecipient
	roleContainerAuthor
	roleCollectionEditor
)

// roleTerm returns the label of a role in the given form and number, with
// the Chicago overrides when chicago is set.
func roleTerm(r role, form labelForm, plural, chicago bool) string {
	switch r {
	case roleEditor, roleCollectionEditor:
		switch form {
		case labelLong:
			if r == roleCollectionEditor && !chicago {
				if plural {
					return "general editors"
				}
				return "general editor"
			}
			if plural {
				return "editors"
			}
			return "editor"
		case labelShort:
			if plural {
				return "eds."
			}
			return "ed."
		case labelVerb:
			return "edited by"
		case labelVerbShort:
			if chicago {
				return "ed."
			}
			return "ed. by"
		}
	case roleTranslator:
		switch form {
		case labelLong:
			if plural {
				return "translators"
			}
			return "translator"
		case labelShort:
			return "trans."
		case labelVerb:
			return "translated by"
		case labelVerbShort:
			if chicago {
				return "trans."
			}
			return "trans. by"
		}
	case roleEditorTranslator:
		switch form {
		case labelLong:
			if plural {
				return "editors and translators"
			}
			return "editor and translator"
		case labelShort:
			if chicago {
				if plural {
					return "eds. and trans."
				}
				return "ed. and trans."
			}
			if plural {
				return "eds. & trans."
			}
			return "ed. & trans."
		case labelVerb:
			// both style families override the locale's "edited &
			// translated by"
			return "edited and translated by"
		case labelVerbShort:
			if chicago {
				return "ed. and trans."
			}
			return "ed. & trans. by"
		}
	case roleRecipient:
		if form == labelVerb || form == labelVerbShort {
			return "to"
		}
	case roleContainerAuthor:
		if form == labelVerb || form == labelVerbShort {
			return "by"
		}
	}
	return ""
}

// appendOrdinal appends a number as an English ordinal, as the en-US
// locale's ordinal terms give it ("1st", "2nd", "3rd", "4th", "11th",
// "22nd"); a value that is not a plain number is appended as it is.
func appendOrdinal(b []byte, s string) []byte {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || i > 8 {
			return append(b, s...)
		}
		n = n*10 + int(s[i]-'0')
	}
	if s == "" {
		return b
	}
	b = strconv.AppendInt(b, int64(n), 10)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return append(b, "th"...)
	case n%10 == 1:
		return append(b, "st"...)
	case n%10 == 2:
		return append(b, "nd"...)
	case n%10 == 3:
		return append(b, "rd"...)
	}
	return append(b, "th"...)
}
