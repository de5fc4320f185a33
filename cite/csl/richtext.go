package csl

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite"
)

// richText parses the inline markup citeproc-js reads in field values
// (<i>, <b>, <sc>, <sup>, <sub>, small-caps and nocase spans, quotes) into
// output nodes.
func richText(s string) *onode { return richTextOpt(s, false) }

// richText is richText with a plain value (no markup, quotes or
// guillemets: the usual case) made a leaf of the arena.
func (c *ctx) richText(s string) *onode {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b == '<' || b == '"' || b == '\'':
			return richTextOpt(s, false)
		case b >= 0x80:
			r, size := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '“', '‘', '’', '”', '«', '»':
				return richTextOpt(s, false)
			}
			i += size - 1
		case b == ' ' && i+1 < len(s) && (s[i+1] == ':' || s[i+1] == ';' || s[i+1] == '?' || s[i+1] == '!'):
			return richTextOpt(s, false)
		}
	}
	return c.leaf(s)
}

// affixText parses a cite's prefix or suffix: single quotation marks there
// stay as they are (curled), not quotes that alternate.
func affixText(s string) *onode { return richTextOpt(s, true) }

func richTextOpt(s string, affix bool) *onode {
	if !affix && (strings.ContainsAny(s, "«»") || strings.Contains(s, " :") || strings.Contains(s, " ;") ||
		strings.Contains(s, " ?") || strings.Contains(s, " !")) {
		// a space before : ; ? ! » and after « becomes a narrow
		// no-break space, as citeproc-js writes them
		s = strings.NewReplacer("« ", "«\u202f", " »", "\u202f»", " :", "\u202f:", " ;", "\u202f;",
			" ?", "\u202f?", " !", "\u202f!").Replace(s)
	} else if strings.ContainsAny(s, "«»") {
		s = strings.NewReplacer("« ", "«\u202f", " »", "\u202f»").Replace(s)
	}
	if !strings.ContainsAny(s, "<\"'“‘’”") {
		return &onode{text: s}
	}
	// citeproc-js pairs single quotes of an affix as quotes, unless an
	// apostrophe in the affix has made it read them as apostrophes
	affixApostrophe := affix && hasApostrophe(s)
	root := &onode{}
	stack := []*onode{root}
	type frame struct {
		tag string
	}
	var tags []string
	cur := func() *onode { return stack[len(stack)-1] }
	// straight holds the quotes typed straight: the first that stays a
	// quote is an outer (double) quote, and so are the others of its
	// form; the other form is inner (citeproc-js's flip-flop)
	var straight []*onode
	var curly []*onode // opening ‘, given back as it is when unpaired
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			p := cur()
			p.kids = append(p.kids, &onode{text: text.String()})
			text.Reset()
		}
	}
	push := func(n *onode, tag string) {
		flush()
		p := cur()
		p.kids = append(p.kids, n)
		stack = append(stack, n)
		tags = append(tags, tag)
	}
	pop := func(tag string) bool {
		for i := len(tags) - 1; i >= 0; i-- {
			if tags[i] == tag {
				flush()
				stack = stack[:i+1]
				tags = tags[:i]
				return true
			}
		}
		return false
	}
	open := func(tag string) bool {
		for _, t := range tags {
			if t == tag {
				return true
			}
		}
		return false
	}
	markup := []struct {
		open, close string
		mk          func() *onode
	}{
		{"<i>", "</i>", func() *onode { return &onode{fm: &formatting{fontStyle: "italic", ord: "s"}} }},
		{"<b>", "</b>", func() *onode { return &onode{fm: &formatting{fontWeight: "bold", ord: "w"}} }},
		{"<sc>", "</sc>", func() *onode {
			return &onode{fm: &formatting{fontVariant: "small-caps", ord: "v"}, tag: tagImplicitNocase}
		}},
		{"<sup>", "</sup>", func() *onode { return &onode{fm: &formatting{verticalAlign: "sup", ord: "a"}, tag: tagImplicitNocase} }},
		{"<sub>", "</sub>", func() *onode { return &onode{fm: &formatting{verticalAlign: "sub", ord: "a"}, tag: tagImplicitNocase} }},
		{`<span style="font-variant:small-caps;">`, "</span>", func() *onode {
			return &onode{fm: &formatting{fontVariant: "small-caps", ord: "v"}, tag: tagImplicitNocase}
		}},
		{`<span style="font-variant: small-caps;">`, "</span>", func() *onode {
			return &onode{fm: &formatting{fontVariant: "small-caps", ord: "v"}, tag: tagImplicitNocase}
		}},
		{`<span class="nocase">`, "</span>", func() *onode { return &onode{nocase: true} }},
		{`<span class="nodecor">`, "</span>", func() *onode { return &onode{fm: &formatting{ord: "n"}, nocase: true} }},
	}
	prevRune := func(i int) rune {
		if i == 0 {
			return ' '
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		return r
	}
	nextRune := func(i int) rune {
		if i >= len(s) {
			return ' '
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return r
	}
	for i := 0; i < len(s); {
		if s[i] == '<' {
			matched := false
			for _, m := range markup {
				if strings.HasPrefix(s[i:], m.open) {
					push(m.mk(), m.open)
					i += len(m.open)
					matched = true
					break
				}
			}
			if !matched {
				for _, m := range markup {
					if strings.HasPrefix(s[i:], m.close) {
						// find the innermost open tag with this close
						for j := len(tags) - 1; j >= 0; j-- {
							ok := false
							for _, mm := range markup {
								if mm.open == tags[j] && mm.close == m.close {
									ok = true
								}
							}
							if ok {
								pop(tags[j])
								i += len(m.close)
								matched = true
								break
							}
						}
						break
					}
				}
			}
			if matched {
				continue
			}
			text.WriteByte('<')
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		pr := prevRune(i)
		nr := nextRune(i + size)
		switch r {
		case '"':
			if open(`"`) && !(unicode.IsSpace(pr) || pr == '(' || pr == '[') {
				if affix {
					text.WriteRune('”')
				}
				pop(`"`)
			} else if !unicode.IsSpace(nr) && (unicode.IsSpace(pr) || i == 0 || pr == '(' || pr == '[' || isOpenish(pr)) {
				if affix {
					// quotation marks typed in a cite's affix are kept
					// as typed (curled), not quotes punctuation moves into
					push(&onode{}, `"`)
					text.WriteRune('“')
				} else {
					n := &onode{quotes: true}
					straight = append(straight, n)
					push(n, `"`)
				}
			} else {
				text.WriteRune(r)
			}
			i += size
			continue
		case '“':
			push(&onode{quotes: true}, "“")
			i += size
			continue
		case '”':
			if !pop("“") {
				text.WriteRune(r)
			}
			i += size
			continue
		case '\'', '‘', '’':
			if (r == '\'' || r == '‘') && (i == 0 || unicode.IsSpace(pr) || pr == '(' || pr == '[' || isOpenish(pr)) && !unicode.IsSpace(nr) && i+size < len(s) {
				if affix && affixApostrophe {
					push(&onode{}, "'")
					text.WriteRune('‘')
				} else if affix {
					push(&onode{quotes: true, single: true, tag: tagAffix}, "'")
				} else {
					n := &onode{quotes: true, single: true}
					if r == '\'' {
						straight = append(straight, n)
					} else {
						curly = append(curly, n)
					}
					push(n, "'")
				}
				i += size
				continue
			}
			if (r == '\'' || r == '’') && open("'") && !(unicode.IsLetter(nr) && unicode.IsLetter(pr)) {
				if affix && affixApostrophe {
					text.WriteRune('’')
				}
				pop("'")
				i += size
				continue
			}
			if r == '\'' {
				text.WriteRune('’')
			} else {
				text.WriteRune(r)
			}
			i += size
			continue
		}
		text.WriteRune(r)
		i += size
	}
	flush()
	// unclosed quotes: give back their characters
	for len(tags) > 0 {
		t := tags[len(tags)-1]
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		tags = tags[:len(tags)-1]
		switch {
		case n.quotes:
			n.quotes = false
			q := t
			if q == "'" {
				// an unpaired single quotation mark is an apostrophe
				q = "’"
				for _, c := range curly {
					if c == n {
						q = "‘"
					}
				}
			}
			n.kids = append([]*onode{{text: q}}, n.kids...)
		case strings.HasPrefix(t, "<"):
			// an unclosed tag is text, as citeproc-js leaves it
			n.fm, n.nocase, n.tag = nil, false, 0
			n.kids = append([]*onode{{text: t}}, n.kids...)
		}
	}
	for i, n := range straight {
		if !n.quotes {
			continue
		}
		if n.single {
			for _, m := range straight[i:] {
				m.single = !m.single
			}
		}
		break
	}
	if len(root.kids) == 1 && root.kids[0].fm.zero() && !root.kids[0].quotes && !root.kids[0].nocase && root.kids[0].kids == nil {
		return root.kids[0]
	}
	return root
}

// isOpenish reports whether a straight quote after r opens (after an
// opening quotation mark; a space, "(" and "[" are tested apart).
func isOpenish(r rune) bool {
	return r == '“' || r == '‘' || r == '"' || r == '\''
}

// applyCase applies a CSL text-case to every leaf of n (nocase leaves
// excepted; small caps, superscripts and subscripts are left alone by the
// title and sentence cases).
// caseLeaf is a text leaf under a text-case.
type caseLeaf struct {
	n      *onode
	nocase bool
	soft   bool // implicit nocase
}

func appendCaseLeaves(leaves []caseLeaf, n *onode, nocase, soft bool) []caseLeaf {
	if n == nil {
		return leaves
	}
	nocase = nocase || n.nocase
	soft = soft || n.tag == tagImplicitNocase
	if n.text != "" {
		leaves = append(leaves, caseLeaf{n, nocase, soft})
	}
	for _, k := range n.kids {
		leaves = appendCaseLeaves(leaves, k, nocase, soft)
	}
	return leaves
}

// langGated are the variables whose title case citeproc-js gives only
// items in English (its multilingual title fields); read only.
var langGated = map[string]bool{"title": true, "title-short": true, "event": true, "genre": true, "medium": true, "container-title": true, "collection-title": true, "archive": true, "publisher": true, "authority": true, "publisher-place": true, "event-place": true, "archive-place": true, "jurisdiction": true, "number": true, "edition": true, "issue": true, "volume": true}

// applyCaseOf applies an element's text-case as citeproc-js does: title
// case never for an item with a jurisdiction, and on the title fields of
// cs:text only for an item in English; sentence case whatever the
// language; other text (terms, values, notes, numbers) always.
func (c *ctx) applyCaseOf(n *onode, e *el) {
	switch e.textCase {
	case "title":
		if c.item.vars["jurisdiction"] != "" {
			return
		}
		if e.kind == kText && (langGated[e.variable] || strings.HasSuffix(e.variable, "-title") || strings.HasSuffix(e.variable, "-title-short")) && !c.isEnglish() {
			return
		}
	case "sentence":
	default:
		c.applyCase(n, e.textCase)
		return
	}
	c.caseAnyLang(n, e.textCase)
}

// titleRaw reports whether the value of a cs:text variable is to be
// title-cased (or capitalized) as written, before its rich-text parse, as citeproc-js
// does: the gates of applyCaseOf for title case, on a value that
// holds quotation marks (other values title-case the same either way).
func (c *ctx) titleRaw(e *el, val string) bool {
	if (e.textCase != "title" && e.textCase != "capitalize-first") || e.kind != kText || e.variable == "" {
		return false
	}
	if !hasQuoteMark(val) {
		return false
	}
	switch e.variable {
	case "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "year-suffix", "citation-number", "page", "locator":
		return false
	}
	if e.textCase == "capitalize-first" {
		return true
	}
	if c.item.vars["jurisdiction"] != "" {
		return false
	}
	if (langGated[e.variable] || strings.HasSuffix(e.variable, "-title") || strings.HasSuffix(e.variable, "-title-short")) && !c.isEnglish() {
		return false
	}
	return true
}

func (c *ctx) applyCase(n *onode, tc string) {
	if (tc == "sentence" || tc == "title") && !c.isEnglish() {
		return
	}
	c.caseAnyLang(n, tc)
}

func (c *ctx) caseAnyLang(n *onode, tc string) {
	var buf [16]caseLeaf
	leaves := appendCaseLeaves(buf[:0], n, false, false)
	lang := c.item.vars["language"]
	switch tc {
	case "lowercase":
		lc := cases.Lower(caseLang(lang))
		for _, l := range leaves {
			if !l.nocase {
				l.n.text = lc.String(l.n.text)
			}
		}
	case "uppercase":
		uc := cases.Upper(caseLang(lang))
		for _, l := range leaves {
			if !l.nocase {
				l.n.text = uc.String(l.n.text)
			}
		}
	case "capitalize-first":
		for _, l := range leaves {
			if strings.TrimSpace(l.n.text) == "" {
				continue
			}
			if !l.nocase && !l.soft {
				l.n.text = capitalizeFirst(l.n.text)
			}
			break
		}
	case "capitalize-all":
		for _, l := range leaves {
			if l.nocase {
				continue
			}
			l.n.text = capitalizeAll(l.n.text)
		}
	case "sentence":
		first := true
		for _, l := range leaves {
			if l.nocase || l.soft {
				if strings.TrimSpace(l.n.text) != "" {
					first = false
				}
				continue
			}
			t := strings.ToLower(l.n.text)
			if first && strings.TrimSpace(t) != "" {
				// citeproc-js capitalizes the first word and keeps the
				// rest of it ("THE big title"), lowercasing the others;
				// a word ends at a space or punctuation ("U.s.c.")
				lead := len(l.n.text) - len(strings.TrimLeft(l.n.text, " "))
				end := strings.IndexFunc(l.n.text[lead:], func(r rune) bool {
					return r == ' ' || strings.ContainsRune("‘’“”\"'-–—/.,;?!:[]()", r)
				})
				if end < 0 {
					end = len(l.n.text)
				} else {
					end += lead
				}
				t = upperFirst(l.n.text[:end]) + t[end:]
				first = false
			}
			l.n.text = t
		}
	case "title":
		if hasQuoteNode(n) {
			titleCaseQuoted(n)
			return
		}
		if len(leaves) == 1 {
			// one leaf: its text title-cased, as the general case below
			// would split it back
			l := leaves[0]
			t := titleCase(l.n.text)
			if utf8.RuneCountInString(t) != utf8.RuneCountInString(l.n.text) {
				return
			}
			if !l.nocase && !l.soft {
				if !utf8.ValidString(t) {
					t = string([]rune(t))
				}
				l.n.text = t
			}
			return
		}
		var sb strings.Builder
		counts := make([]int, len(leaves))
		for i, l := range leaves {
			sb.WriteString(l.n.text)
			counts[i] = utf8.RuneCountInString(l.n.text)
		}
		out := []rune(titleCase(sb.String()))
		total := 0
		for _, k := range counts {
			total += k
		}
		if len(out) != total {
			return
		}
		pos := 0
		for i, l := range leaves {
			seg := string(out[pos : pos+counts[i]])
			pos += counts[i]
			if !l.nocase && !l.soft {
				l.n.text = seg
			}
		}
	}
}

// titleCase is cite.TitleCase, without an allocation when the title is
// already in title case.
func titleCase(s string) string {
	var buf [256]byte
	b := cite.AppendTitleCase(buf[:0], s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// capitalizeFirst is cite.CapitalizeFirst, without an allocation when
// the first word already has its capital.
func capitalizeFirst(s string) string {
	var buf [128]byte
	b := cite.AppendCapitalizeFirst(buf[:0], s)
	if string(b) == s {
		return s
	}
	return string(b)
}

// hasQuoteNode reports whether n holds quotes typed in the text.
func hasQuoteNode(n *onode) bool {
	if n == nil {
		return false
	}
	if n.quotes && n.tag != tagAffix {
		return true
	}
	for _, k := range n.kids {
		if hasQuoteNode(k) {
			return true
		}
	}
	return false
}

// titleCaseQuoted title-cases the leaves of n as one string with its
// quotation marks put back, as citeproc-js title-cases the field before
// reading its quotes: a quote opened out of turn gives the word after it
// back its first letter ("A “new ‘Course’” in London").
func titleCaseQuoted(n *onode) {
	type seg struct {
		l            caseLeaf
		start, count int // in runes
	}
	var sb strings.Builder
	var segs []seg
	pos := 0
	var walk func(n *onode, nocase, soft bool)
	walk = func(n *onode, nocase, soft bool) {
		if n == nil {
			return
		}
		nocase = nocase || n.nocase
		soft = soft || n.tag == tagImplicitNocase
		q := n.quotes && n.tag != tagAffix
		if q {
			if n.single {
				sb.WriteString("‘")
			} else {
				sb.WriteString("“")
			}
			pos++
		}
		if n.text != "" {
			k := utf8.RuneCountInString(n.text)
			segs = append(segs, seg{caseLeaf{n, nocase, soft}, pos, k})
			sb.WriteString(n.text)
			pos += k
		}
		for _, k := range n.kids {
			walk(k, nocase, soft)
		}
		if q {
			if n.single {
				sb.WriteString("’")
			} else {
				sb.WriteString("”")
			}
			pos++
		}
	}
	walk(n, false, false)
	out := []rune(cite.TitleCase(sb.String()))
	if len(out) != pos {
		return
	}
	for _, sg := range segs {
		if !sg.l.nocase && !sg.l.soft {
			sg.l.n.text = string(out[sg.start : sg.start+sg.count])
		}
	}
}

func upperFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return s
		}
	}
	return s
}

func caseLang(lang string) language.Tag {
	if lang == "" {
		return language.Und
	}
	t, err := language.Parse(lang)
	if err != nil {
		return language.Und
	}
	return t
}

func sentenceLower(s string) string {
	// words all in upper case are lowered; mixed case kept
	if strings.ToUpper(s) == s {
		return strings.ToLower(s)
	}
	return s
}

func capitalizeAll(s string) string {
	var sb strings.Builder
	start := true
	for _, r := range s {
		if start && unicode.IsLower(r) {
			sb.WriteRune(unicode.ToUpper(r))
		} else {
			sb.WriteRune(r)
		}
		start = r == ' ' || r == '-' || r == '\u00a0'
	}
	return sb.String()
}

func (c *ctx) isEnglish() bool {
	lang := c.item.vars["language"]
	if lang == "" {
		return strings.HasPrefix(c.loc.lang, "en") || c.loc.lang == ""
	}
	return strings.HasPrefix(strings.ToLower(lang), "en")
}

func hasApostrophe(s string) bool {
	rs := []rune(s)
	for i := 1; i+1 < len(rs); i++ {
		if (rs[i] == '’' || rs[i] == '\'') && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1]) {
			return true
		}
	}
	return false
}
