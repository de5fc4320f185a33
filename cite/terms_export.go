package cite

// LocaleTerm is one form of a term of CSL's en-US locale
// (locales-en-US.xml), as cite carries it for its built-in styles.
type LocaleTerm struct {
	// Name is the term's CSL name ("page", "month-01"); Form is "long"
	// or "short".
	Name, Form string
	// Single and Multiple are the singular and the plural; Multiple is
	// empty for a term without a plural, and both are empty for a term
	// the locale defines as empty ("timestamp").
	Single, Multiple string
}

// LocaleTerms returns the terms of CSL's en-US locale that cite carries:
// the locator labels in their long and short forms, the months (long and
// short) and the seasons, in that order. The styles' own overrides (MLA's
// "ch." for a chapter) are not among them. Each call returns a new slice.
func LocaleTerms() []LocaleTerm {
	out := make([]LocaleTerm, 0, 2*len(locatorTerms)+2*len(monthsLong)+len(seasons))
	for _, t := range locatorTerms {
		out = append(out, LocaleTerm{Name: t.label, Form: "long", Single: t.long, Multiple: t.longPl})
		if t.short != "" {
			out = append(out, LocaleTerm{Name: t.label, Form: "short", Single: t.short, Multiple: t.shortPl})
		}
	}
	for i, m := range monthsLong {
		out = append(out, LocaleTerm{Name: "month-" + twoDigits(i+1), Form: "long", Single: m})
	}
	for i, m := range monthsShort {
		out = append(out, LocaleTerm{Name: "month-" + twoDigits(i+1), Form: "short", Single: m})
	}
	for i, s := range seasons {
		out = append(out, LocaleTerm{Name: "season-" + twoDigits(i+1), Form: "long", Single: s})
	}
	return out
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}
