package csl

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite"
)

// richText parses the inline markup citeproc-js reads in field values
// (<i>, <b>, <sc>, <sup>, <sub>, small-caps and nocase spans, quotes) into
// output nodes.
func richText(s string) *onode {
	if !strings.ContainsAny(s, "<\"'“‘’”") {
		return &onode{text: s}
	}
	root := &onode{}
	stack := []*onode{root}
	type frame struct {
		tag string
	}
	var tags []string
	cur := func() *onode { return stack[len(stack)-1] }
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
		{"<i>", "</i>", func() *onode { return &onode{fm: formatting{fontStyle: "italic", ord: "s"}} }},
		{"<b>", "</b>", func() *onode { return &onode{fm: formatting{fontWeight: "bold", ord: "w"}} }},
		{"<sc>", "</sc>", func() *onode { return &onode{fm: formatting{fontVariant: "small-caps", ord: "v"}} }},
		{"<sup>", "</sup>", func() *onode { return &onode{fm: formatting{verticalAlign: "sup", ord: "a"}} }},
		{"<sub>", "</sub>", func() *onode { return &onode{fm: formatting{verticalAlign: "sub", ord: "a"}} }},
		{`<span style="font-variant:small-caps;">`, "</span>", func() *onode { return &onode{fm: formatting{fontVariant: "small-caps", ord: "v"}} }},
		{`<span style="font-variant: small-caps;">`, "</span>", func() *onode { return &onode{fm: formatting{fontVariant: "small-caps", ord: "v"}} }},
		{`<span class="nocase">`, "</span>", func() *onode { return &onode{nocase: true} }},
		{`<span class="nodecor">`, "</span>", func() *onode { return &onode{fm: formatting{ord: "n"}} }},
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
				pop(`"`)
			} else if !unicode.IsSpace(nr) && (unicode.IsSpace(pr) || i == 0 || pr == '(' || pr == '[' || isOpenish(pr)) {
				push(&onode{quotes: true}, `"`)
			} else if open(`"`) {
				pop(`"`)
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
			if (r == '\'' || r == '‘') && (i == 0 || unicode.IsSpace(pr) || pr == '(' || pr == '[' || isOpenish(pr)) && !unicode.IsSpace(nr) && nr != ' ' && i+size < len(s) {
				push(&onode{quotes: true}, "'")
				i += size
				continue
			}
			if (r == '\'' || r == '’') && open("'") && !(unicode.IsLetter(nr) && unicode.IsLetter(pr)) {
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
		if n.quotes {
			n.quotes = false
			q := t
			if q == "'" {
				q = "‘"
			}
			if q == `"` {
				q = `"`
			}
			n.kids = append([]*onode{{text: q}}, n.kids...)
		}
	}
	if len(root.kids) == 1 && root.kids[0].fm.zero() && !root.kids[0].quotes && !root.kids[0].nocase && root.kids[0].kids == nil {
		return root.kids[0]
	}
	return root
}

func isOpenish(r rune) bool {
	return r == '“' || r == '‘' || r == '"' || r == '\'' || r == '—' || r == '–' || r == '/' || r == '-'
}

// applyCase applies a CSL text-case to every leaf of n (nocase leaves
// excepted).
func (c *ctx) applyCase(n *onode, tc string) {
	var leaves []*onode
	var walk func(n *onode, nocase bool)
	walk = func(n *onode, nocase bool) {
		nocase = nocase || n.nocase
		if n.text != "" && !nocase {
			leaves = append(leaves, n)
		} else if n.text != "" && nocase {
			leaves = append(leaves, &onode{nocase: true, text: n.text})
		}
		for _, k := range n.kids {
			walk(k, nocase)
		}
	}
	walk(n, false)
	switch tc {
	case "lowercase":
		for _, l := range leaves {
			if !l.nocase {
				l.text = strings.ToLower(l.text)
			}
		}
	case "uppercase":
		for _, l := range leaves {
			if !l.nocase {
				l.text = strings.ToUpper(l.text)
			}
		}
	case "capitalize-first":
		for _, l := range leaves {
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			if !l.nocase {
				l.text = cite.CapitalizeFirst(l.text)
			}
			break
		}
	case "capitalize-all":
		for _, l := range leaves {
			if l.nocase {
				continue
			}
			l.text = capitalizeAll(l.text)
		}
	case "sentence":
		firstDone := false
		for _, l := range leaves {
			if strings.TrimSpace(l.text) == "" {
				continue
			}
			if !l.nocase {
				if !firstDone {
					l.text = cite.CapitalizeFirst(sentenceLower(l.text))
				}
			}
			firstDone = true
		}
	case "title":
		if !c.isEnglish() {
			return
		}
		const sep = "\uE000"
		var sb strings.Builder
		for i, l := range leaves {
			if i > 0 {
				sb.WriteString(sep)
			}
			sb.WriteString(l.text)
		}
		out := strings.Split(cite.TitleCase(sb.String()), sep)
		if len(out) == len(leaves) {
			for i, l := range leaves {
				if !l.nocase {
					l.text = out[i]
				}
			}
		}
	}
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
