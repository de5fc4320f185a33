package csl

import (
	"regexp"
	"strings"
)

// The is-numeric test as citeproc-js makes it. citeproc-js splits a
// number variable at its joiners ("-", "–", ", ", "; ", "&", "and"),
// takes short lower-case words followed by a period or a space as
// embedded labels ("vol. 2", "no. 3"), strips a letter prefix ("A12")
// and calls the variable numeric when its first value is digits or a
// lower-case roman numeral of i, v and x, with trailing letters or a
// hyphenated tail ("12", "3rd", "12a", "xii", "4-5").
var (
	numJoinerRe      = regexp.MustCompile(`\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[\-\x{2013}]+\s*`)
	numJoinerNoHyRe  = regexp.MustCompile(`\s*&\s*|,\s+and\s+|\s+and\s+|;\s+|,\s+|\s*\\*[\x{2013}]+\s*`)
	numLabelRe       = regexp.MustCompile(`(?:^| )(?:[a-z]|[a-z][a-z]|[a-z][a-z][a-z]|[a-z][a-z][a-z][a-z]|subpara|subch|amend|bibliog|annot|illus|princ|intro|sched|subdiv|subsec)(?:\.| ) *`)
	numPlainRe       = regexp.MustCompile(`^[0-9]+([-;,:a-zA-Z]*)$`)
	numParticleRe    = regexp.MustCompile(`^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$`)
	numNumericValRe  = regexp.MustCompile(`^(?:[0-9]+|[ixv]+)(?:[-,:a-zA-Z]*|-[-0-9]+)$`)
	numLabelVariable = map[string]string{
		"vrs.": "verse", "sv.": "sub-verbo", "subpara.": "subparagraph", "op.": "opus",
		"subch.": "subchapter", "add.": "addendum", "amend.": "amendment", "annot.": "annotation",
		"app.": "appendix", "art.": "article", "bibliog.": "bibliography", "bk.": "book",
		"ch.": "chapter", "cl.": "clause", "col.": "column", "cmt.": "comment",
		"dec.": "decision", "dept.": "department", "ex.": "example", "fig.": "figure",
		"fld.": "field", "fol.": "folio", "n.": "note", "hypo.": "hypothetical",
		"illus.": "illustration", "intro.": "introduction", "l.": "line", "no.": "issue",
		"p.": "page", "pp.": "page", "para.": "paragraph", "pt.": "part",
		"pmbl.": "preamble", "princ.": "principle", "pub.": "publication", "r.": "rule",
		"rn.": "randnummer", "sched.": "schedule", "sec.": "section", "ser.": "series,",
		"subdiv.": "subdivision", "subsec.": "subsection", "supp.": "supplement", "tbl.": "table",
		"tit.": "title", "vol.": "volume",
	}
)

// numericVar reports whether the value val of the number variable v (of
// an item of type typ) is numeric as citeproc-js's is-numeric decides.
func numericVar(v, val, typ string) bool {
	s := strings.TrimSpace(val)
	if s == "" {
		return false
	}
	if digitRun(s) {
		return true
	}
	if v == "number" && typ == "legal_case" {
		// citeproc-js escapes every hyphen of a case number: no range
		s = strings.ReplaceAll(s, `\-`, "-")
		s = strings.ReplaceAll(s, "-", `\-`)
	}
	joiner := numJoinerRe
	if strings.Contains(s, `\-`) {
		joiner = numJoinerNoHyRe
		s = strings.ReplaceAll(s, `\`, "")
	}
	// citeproc-js writes the variable's own label before a value that
	// does not start with a label ("12" is read as "vol. 12")
	if lbl := variableLabel(v); lbl != "" {
		w, _, _ := strings.Cut(s, " ")
		if _, ok := numLabelVariable[w]; !ok {
			s = lbl + " " + s
		}
	}
	// the first element, up to the first joiner
	if loc := joiner.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	return numericValue(firstNumberValue(s, v))
}

// variableLabel is the short label citeproc-js gives a variable's
// embedded label ("vol." for volume), or "".
func variableLabel(v string) string {
	switch v {
	case "page", "locator", "locator-extra":
		return "p."
	case "series,":
		return ""
	}
	for l, lv := range numLabelVariable {
		if lv == v && l != "pp." {
			return l
		}
	}
	return ""
}

// firstNumberValue is the value of the first element of a number
// variable's element after citeproc-js takes out its embedded labels.
func firstNumberValue(s, v string) string {
	labels := numLabelRe.FindAllString(s, -1)
	if labels == nil {
		return strings.TrimSpace(s)
	}
	parts := numLabelRe.Split(s, -1)
	// a label between values that are not both plain numbers is text
	for j := len(parts) - 1; j > 0; j-- {
		if parts[j-1] != "" && (!numPlainRe.MatchString(parts[j]) || !numPlainRe.MatchString(parts[j-1])) {
			parts[j-1] = parts[j-1] + labels[j-1] + parts[j]
			parts = append(parts[:j], parts[j+1:]...)
			labels = append(labels[:j-1], labels[j:]...)
		}
	}
	if len(labels) > 0 {
		slug := strings.TrimSpace(labels[0])
		lv, known := numLabelVariable[slug]
		locatorLike := v == "locator" || v == "number" || v == "locator-extra" || v == "page"
		if !known || (!locatorLike && lv != v) {
			// not a label of this variable: it stays in the text
			parts[0] = parts[0] + " " + slug + " " + parts[1]
			parts = append(parts[:1], parts[2:]...)
		}
	}
	for j, p := range parts {
		if p != "" || j == len(parts)-1 {
			return strings.TrimSpace(p)
		}
	}
	return ""
}

// numericValue tests one value, its letter prefix ("A12") set aside.
func numericValue(s string) bool {
	if m := numParticleRe.FindStringSubmatch(s); m != nil {
		s = m[2]
	}
	return s != "" && numNumericValRe.MatchString(s)
}

var ampRe = regexp.MustCompile(`\s*&\s*`)

// ampersandJoin spaces the ampersands of a number variable as citeproc-js
// joins its parts: "&" after a part that starts and ends with a letter
// stays tight ("R&D"), any other gets a space on each side ("S.R. & O.").
func ampersandJoin(s string) string {
	locs := ampRe.FindAllStringIndex(s, -1)
	var sb strings.Builder
	prev := 0
	for _, l := range locs {
		left := s[prev:l[0]]
		sb.WriteString(left)
		// citeproc-js looks at the part before the ampersand only
		if endsLetter(left) && startsLetter(left) {
			sb.WriteString("&")
		} else {
			sb.WriteString(" & ")
		}
		prev = l[1]
	}
	sb.WriteString(s[prev:])
	return sb.String()
}

func endsLetter(s string) bool {
	return s != "" && (s[len(s)-1]|0x20 >= 'a' && s[len(s)-1]|0x20 <= 'z')
}

func startsLetter(s string) bool {
	return s != "" && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z')
}

// locatorLabel is the term of a cite's locator label: citeproc-js takes
// the older "sub verbo" as "sub-verbo".
func locatorLabel(l string) string {
	if l == "sub verbo" {
		return "sub-verbo"
	}
	return l
}

var (
	urlPathRe = regexp.MustCompile(`(.*\.[^/]+)/.*`)
	urlWWWRe  = regexp.MustCompile(`//www\.`)
	urlSchRe  = regexp.MustCompile(`https?://`)
)

// shortURL is the short form of a URL as citeproc-js makes it: the path
// dropped ("https://example.org"), and the scheme too before "www."
// ("www.example.org").
func shortURL(u string) string {
	u = urlPathRe.ReplaceAllString(u, "$1")
	if urlWWWRe.MatchString(u) {
		if loc := urlSchRe.FindStringIndex(u); loc != nil {
			u = u[:loc[0]] + u[loc[1]:]
		}
	}
	return u
}

// locatorHead splits a locator at the first label written into it, as
// citeproc-js parses locators: head is the part before the label (empty
// when the locator starts with one, "vol. 1, fol. 186"), tail the rest
// with its joiner (", fig. 333"). Other variables are not split.
func locatorHead(v, s string) (head, tail string) {
	if v != "locator" {
		return s, ""
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j <= 1 || s[i+j-1] != '.' {
			continue
		}
		if _, ok := numLabelVariable[s[i:i+j]]; !ok {
			continue
		}
		if i == 0 {
			return "", s
		}
		head = strings.TrimRight(s[:i], " ,;")
		return head, s[len(head):]
	}
	return s, ""
}
