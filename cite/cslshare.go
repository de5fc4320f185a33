package cite

// Exports for the CSL processor (package cite/csl), so that built-in and
// interpreted styles share one title case.

// TitleCase returns s in CSL title case as citeproc-js writes it for
// English: lower-case words that are not stop words get a capital, and so
// do the first and last words and a word after a colon; words that already
// have capitals are left alone.
func TitleCase(s string) string { return string(appendTitleCase(nil, s)) }

// CapitalizeFirst returns s with its first word capitalized if that word is
// all in lower case (CSL's text-case="capitalize-first").
func CapitalizeFirst(s string) string { return string(appendCapitalizeFirst(nil, s)) }

// AppendTitleCase appends s in CSL title case (see TitleCase) to dst.
func AppendTitleCase(dst []byte, s string) []byte { return appendTitleCase(dst, s) }

// AppendCapitalizeFirst appends s with its first word capitalized (see
// CapitalizeFirst) to dst.
func AppendCapitalizeFirst(dst []byte, s string) []byte { return appendCapitalizeFirst(dst, s) }

// TextOf returns the Text that spans make: their texts concatenated, each
// decorated span a formatted range (adjacent spans of one decoration
// merged). The CSL processor gives its output so, to share the renderers
// of Text.
func TextOf(spans ...Span) Text {
	n := 0
	for _, sp := range spans {
		n += len(sp.Text)
	}
	b := make([]byte, 0, n)
	var marks []mark
	for _, sp := range spans {
		if sp.Text == "" {
			continue
		}
		start := len(b)
		b = append(b, sp.Text...)
		if sp.Decoration == 0 {
			continue
		}
		if k := len(marks); k > 0 && marks[k-1].f == sp.Decoration && int(marks[k-1].end) == start {
			marks[k-1].end = int32(len(b))
			continue
		}
		marks = append(marks, mark{start: int32(start), end: int32(len(b)), f: sp.Decoration})
	}
	return Text{s: string(b), marks: marks}
}
