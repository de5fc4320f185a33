package csl

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// richText parses the inline markup citeproc-js reads in field values
// (<i>, <b>, <sc>, <sup>, <sub>, small-caps and nocase spans, quotes) into
// output nodes. The tags are found and paired by cslcore.Scan and
// cslcore.Pair, the reader package cite's built-in styles use.
func richText(s string) *onode {
	if !cslcore.HasMarkupBytes(s) {
		return &onode{text: s}
	}
	return richTags(s, false, nil)
}

// richText is richText with a plain value (no markup, quotes or
// guillemets: the usual case) made a leaf of the arena.
func (c *ctx) richText(s string) *onode {
	if !cslcore.HasMarkupBytes(s) {
		return c.leaf(s)
	}
	return richTags(s, false, c.ar)
}

// richTags builds the output nodes of a field value that may hold tags:
// kept markup becomes formatted nodes, kept quotation marks quote nodes
// (single for the inner straight form and for ‘…’; the flattener
// alternates them by nesting), a matched nocase span a nocase node, and
// tags not kept are text. In a cite's affix (affix true) straight double
// quotes are curled where they are typed, not quotes that punctuation
// moves into, single ones too when an apostrophe in the affix shows that
// it reads them so; only guillemets take a narrow no-break space.
//
// A value without tags is a leaf of the arena ar (nil: the heap).
func richTags(s string, affix bool, ar *arena) *onode {
	var tagBuf [32]cslcore.Tag
	tags := cslcore.Scan(s, tagBuf[:0])
	spaced := func(b []byte, s string) []byte {
		if affix {
			return cslcore.AppendGuillemetSpaced(b, s)
		}
		return cslcore.AppendSpaced(b, s)
	}
	affixApostrophe := affix && hasApostrophe(s)
	if len(tags) == 0 {
		var buf [128]byte
		b := spaced(buf[:0], s)
		if string(b) == s {
			return ar.leaf(s)
		}
		return ar.leaf(string(b))
	}
	cslcore.Pair(s, tags)
	outer := cslcore.OuterStraight(tags)
	var closeBuf [16]string
	closing := closeBuf[:0] // the text each open node ends with
	root := &onode{}
	var stackBuf [16]*onode
	stack := append(stackBuf[:0], root)
	var textBuf [128]byte
	text := textBuf[:0]
	flush := func() {
		if len(text) > 0 {
			p := stack[len(stack)-1]
			p.kids = append(p.kids, &onode{text: string(text)})
			text = text[:0]
		}
	}
	push := func(n *onode, open, close string) {
		flush()
		p := stack[len(stack)-1]
		p.kids = append(p.kids, n)
		stack = append(stack, n)
		closing = append(closing, close)
		text = append(text, open...)
	}
	pop := func() {
		if len(stack) > 1 {
			text = append(text, closing[len(closing)-1]...)
			closing = closing[:len(closing)-1]
			flush()
			stack = stack[:len(stack)-1]
		}
	}
	pos := 0
	for i := range tags {
		t := &tags[i]
		if t.Quote == '\'' && t.WS < t.Start && int(t.WS) >= pos {
			text = spaced(text, s[pos:t.WS])
			text = append(text, ' ')
		} else {
			text = spaced(text, s[pos:t.Start])
		}
		pos = int(t.End)
		switch {
		case t.Drop && t.Open:
			push(&onode{nocase: true}, "", "")
		case t.Drop:
			pop()
		case !t.Keep && t.Lit != "":
			text = append(text, t.Lit...)
		case !t.Keep:
			text = append(text, s[t.Start:t.End]...)
		case !t.Open:
			pop()
		case affix && t.Quote == '"':
			push(&onode{}, "“", "”")
		case affix && affixApostrophe && (t.Quote == '\'' || t.Quote == 'S'):
			push(&onode{}, "‘", "’")
		case affix && (t.Quote == '\'' || t.Quote == 'S'):
			push(&onode{quotes: true, single: true, tag: tagAffix}, "", "")
		case t.Quote != 0:
			push(&onode{quotes: true, single: t.Quote == 'S' || (t.Quote == '"' || t.Quote == '\'') && t.Quote != outer}, "", "")
		default:
			push(markupNode(t.Kind), "", "")
		}
	}
	text = spaced(text, s[pos:])
	flush()
	if len(root.kids) == 1 && root.kids[0].fm.zero() && !root.kids[0].quotes && !root.kids[0].nocase && root.kids[0].kids == nil {
		return root.kids[0]
	}
	return root
}

// markupNode returns the output node of an opening markup tag.
func markupNode(k cslcore.Kind) *onode {
	switch k {
	case cslcore.I:
		return &onode{fm: &formatting{fontStyle: "italic", ord: "s"}}
	case cslcore.B:
		return &onode{fm: &formatting{fontWeight: "bold", ord: "w"}}
	case cslcore.SC, cslcore.SCSpan:
		return &onode{fm: &formatting{fontVariant: "small-caps", ord: "v"}, tag: tagImplicitNocase}
	case cslcore.Sup:
		return &onode{fm: &formatting{verticalAlign: "sup", ord: "a"}, tag: tagImplicitNocase}
	case cslcore.Sub:
		return &onode{fm: &formatting{verticalAlign: "sub", ord: "a"}, tag: tagImplicitNocase}
	case cslcore.Nodecor:
		return &onode{fm: &formatting{ord: "n"}, nocase: true}
	}
	return &onode{nocase: true} // cslcore.Nocase (kept only when unmatched: never)
}

// affixText parses a cite's prefix or suffix: single quotation marks there
// stay as they are (curled), not quotes that alternate.
func affixText(s string) *onode {
	if !cslcore.HasMarkupBytes(s) {
		return &onode{text: s}
	}
	return richTags(s, true, nil)
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

// jurisdictionID and languageID are the ids (stdVarIDs) of the
// variables that gate title case, for a bit test of their presence.
var jurisdictionID, languageID = stdVarIDs["jurisdiction"], stdVarIDs["language"]

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
		if !c.absent(jurisdictionID) && c.item.vars["jurisdiction"] != "" {
			return
		}
		if e.kind == kText && !c.isEnglish() && (langGated[e.variable] || strings.HasSuffix(e.variable, "-title") || strings.HasSuffix(e.variable, "-title-short")) {
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
	switch tc {
	case "lowercase":
		lc := cases.Lower(caseLang(c.itemLang()))
		for _, l := range leaves {
			if !l.nocase {
				l.n.text = lc.String(l.n.text)
			}
		}
	case "uppercase":
		uc := cases.Upper(caseLang(c.itemLang()))
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
				// the first word starts after the spaces and the
				// "tags" (quotation marks, punctuation, brackets) that
				// lead the text: "(Re)reading"
				lead := strings.IndexFunc(l.n.text, func(r rune) bool {
					return r != ' ' && !strings.ContainsRune("‘’“”\"'-–—/.,;?!:[]()", r)
				})
				if lead < 0 {
					lead = len(l.n.text)
				}
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
			if t == l.n.text {
				// already in title case (titleCase gives s back): the
				// same runes, so only an invalid text is rewritten
				// below
				if utf8.ValidString(t) {
					return
				}
			} else if utf8.RuneCountInString(t) != utf8.RuneCountInString(l.n.text) {
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

// capitalizeAll capitalizes every word as citeproc-js's capitalize-all
// does: the text is cut at its "tags" (quotation marks, the punctuation
// - – — / . , ; ? ! : and brackets) and at spaces, and a word all in lower
// case gets its first character in upper case ("(Re)Reading",
// "Ambassador—And"); a word with a capital is left alone ("eBay"), and
// so is a lone Greek letter.
func capitalizeAll(s string) string {
	out := make([]byte, 0, len(s)+4)
	word := -1 // start of the current word, -1 between words
	for i, r := range s {
		if capAllSep(r) {
			if word >= 0 {
				out = appendCapWord(out, s[word:i])
				word = -1
			}
			out = utf8.AppendRune(out, r)
			continue
		}
		if word < 0 {
			word = i
		}
	}
	if word >= 0 {
		out = appendCapWord(out, s[word:])
	}
	if string(out) == s {
		return s
	}
	return string(out)
}

// capAllSep reports whether r ends a word for capitalizeAll: a space of
// citeproc-js's word splitter or one of its tags (apostrophes belong to
// the word they are in).
func capAllSep(r rune) bool {
	switch r {
	case ' ', '\u00a0', '\u205f', '\u3000', '‘', '“', '”', '"', '-', '–', '—', '/', '.', ',', ';', '?', '!', ':', '[', ']', '(', ')':
		return true
	}
	return r >= 0x2000 && r <= 0x200b
}

// appendCapWord appends a word of capitalizeAll, its first character in
// upper case when the word is all in lower case.
func appendCapWord(out []byte, w string) []byte {
	if strings.ToLower(w) != w {
		return append(out, w...)
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) && r >= 0x370 && r <= 0x3ff {
		return append(out, w...)
	}
	out = append(out, strings.ToUpper(w[:n])...)
	return append(out, w[n:]...)
}

// itemLang is the item's language variable ("" when it has none, without
// a map lookup).
func (c *ctx) itemLang() string {
	if c.absent(languageID) {
		return ""
	}
	return c.item.vars["language"]
}

func (c *ctx) isEnglish() bool {
	lang := c.itemLang()
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
