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
