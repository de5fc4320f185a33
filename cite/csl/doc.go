// Package csl is a processor for CSL 1.0.2, the Citation Style Language:
// it reads any official style file and locale file and renders citations
// and bibliographies the way citeproc-js (Zotero's and Mendeley's
// processor) writes them, letter for letter, in HTML, plain text or
// Markdown.
//
// # Use
//
// Parse a style once with ParseStyle, and locales with NewLocaleSet over
// a folder of locale files (an fs.FS) or ParseLocale and NewLocaleSetFrom;
// without locale files the built-in en-US terms serve. Styles and locales
// are immutable and safe for concurrent use. For each document, make a Processor, Register the
// CSL-JSON items (ParseItems or NewItem), then render: Cite for one
// citation on its own, CiteDocument for the citations of a document in
// order (positions ibid, subsequent, near-note and first-reference-note
// numbers come from their sequence), Bibliography or WriteBibliography for
// the sorted bibliography. A Processor is not safe for concurrent use;
// Reset empties it for the next document, keeping its buffers (as
// citeproc-js reuses an engine with restoreProcessorState).
//
// # Organisation
//
//   - style.go parses the style XML (encoding/xml, with line and column in
//     errors) into a tree of compiled elements with macros resolved, item
//     types of type conditions as bits and standard variables as ids;
//     compact.go then moves the elements into one slab in the order
//     evaluation visits them. locale.go parses locales and resolves terms
//     through CSL's fallback chain (style locales, then locale files, then
//     the built-in en-US locale of builtin_en.go: CSL's en-US locale, whose
//     locator labels, months and seasons come from package cite's term
//     table, cite.LocaleTerms); the chain of a style and
//     language is shared by its processors, with a lock-free memo of term
//     lookups and localized date parts (and the terms "and" and
//     "page-range-delimiter", which names, labels and numbers use many
//     times a cite).
//   - eval.go evaluates rendering elements (text, number, label, group,
//     choose) for one item into a tree of output nodes; names.go,
//     dates.go and richtext.go (the inline markup of field values and the
//     text cases) do names, dates and text. An item keeps presence bits of
//     its variables, so conditions on absent variables are bit tests; a
//     branch whose conditions all test bits (types, variables) is tested
//     in one step (branch.summarize). A group or macro call whose one
//     rendered child has no decoration of its own decorates that child
//     rather than a node around it (most give one child: a third of the
//     nodes of a Chicago entry).
//   - skip.go leaves out what cannot render: per item type, made at the
//     first render of an item of the type, each group, macro and branch
//     has its cases (the paths through its cs:choose tests, guarded by
//     what the tests say of the item's variables) with the variables each
//     path calls; when those of the item's path are all absent, the
//     evaluator gives the group's empty result and status (CSL's implicit
//     conditional) without walking it, and a variable's element whose
//     variable is absent is not called. Tests render the suite, the
//     goldens and the oracle items with the skipping on and off.
//   - output.go holds the output tree in an arena: scratch of one call of
//     the processor, its chunks pooled between calls. Before the call
//     returns, each rendering is flattened into tokens, joining
//     punctuation as citeproc-js's output queue does (duplicate and
//     clashing punctuation, punctuation inside closing quotes for locales
//     that want it; a delimiter's punctuation after a suffix and never
//     merged with the prefix after it; no merging next to formatted
//     siblings or after numbers; a parent's mark moved before a field's
//     own suffix, "Press.:"; a prefix's mark moved out of a display
//     element), by a builder that the call's arena holds, and a
//     Rendered keeps them in one compact encoding (text tokens in a row
//     joined, formatting in four bytes), read in place: formatting it writes
//     HTML (citeproc-js's markup: <i>, <b>, small-caps spans, flip-flopped
//     italics and quotes, display divs), plain text or Markdown, and
//     spans.go gives spans and a cite.Text, to share package cite's
//     renderers.
//   - processor.go registers items, sorts them (x/text/collate) and numbers
//     them; disamb.go disambiguates (add-names, add-givenname with every
//     givenname-disambiguation-rule, the disambiguate condition,
//     year-suffix); citation.go renders citations (positions, cite
//     affixes, suppress-author and author-only, collapsing of numbers,
//     years and year suffixes) and bibliographies (second-field-align);
//     sas.go follows subsequent-author-substitute and its rules as
//     citeproc-js decides them (the raw names of the entry's first
//     cs:names, or a title standing for them, compared once per entry).
//   - fixture.go runs fixtures of the CSL test suite as its reference
//     runner does (the maisky csl-fixture command and the suite test).
//
// # Shared with the built-in styles
//
// Package cite's five built-in styles (hand translations of the official
// files) and this processor write the same output, and the pieces where
// both follow citeproc-js's rules have one implementation each, used by
// both packages:
//
//   - In package cite/internal/cslcore (internal to cite and its
//     subpackages, so none of it grows a public API): the reader of a
//     field's inline markup and quotation marks (Scan and Pair: <i>, <b>,
//     <sc>, <sup>, <sub>, small-caps, nocase and nodecor spans, straight and
//     curly quotes paired as citeproc-js's flip-flopper pairs them,
//     apostrophes, French spacing), from which richtext.go builds output
//     nodes and package cite its formatted ranges; the name primitives
//     (ParseParticles, the particles and suffix typed into a family or
//     given name, which this package's item reader and package cite's
//     name writer take out; Initials, with initialize="false"
//     normalizing given names as citeproc-js does: "J.-P." is "J. P.";
//     IsRomanesque, the scripts
//     written given name first; NonDroppingJoins and DroppingJoins, where a
//     particle joins the family name without a space); the date parts
//     (FormatDatePart: a year long or short with its era, Era: BC, and AD
//     for 1 to 499; a month by name, short name, number or number with a
//     leading zero, or a season; a day as a number, with a leading zero or
//     as the locale's ordinal under limit-day-ordinals-to-day-1; the terms
//     come from this package's locale chain, cslcore.DateTerms) and the
//     range rule of dates (DateRangeDiff, DateRangeSpan: which parts are
//     written for both dates of a range, which once; RangeDelimiter, the
//     default delimiter); page-range formats (RangeEnd); the
//     punctuation join table (JoinPunct); the superscript characters that
//     HTML writes as <sup> (IsSuperscript, SuperscriptBase); JavaScript's
//     white space (IsJSSpace).
//   - In package cite (this package imports it; cite never imports this
//     one): title case and capitalize-first (cite.AppendTitleCase,
//     cite.AppendCapitalizeFirst), the en-US terms that the built-in
//     locale takes its month, season and locator labels from
//     (cite.LocaleTerms), raw dates (cite.ParseDate), and the renderers of
//     rich text: a Rendered gives its spans as a cite.Text (spans.go), whose
//     String, HTML and Markdown are package cite's.
//
// What is still two, and why. The evaluation proper is not one: package
// cite renders its styles as Go code into a flat buffer with formatted
// ranges, in one pass and without allocation (an entry in a few
// microseconds), while this package evaluates any style file into a tree
// of output nodes that it flattens into tokens (disambiguation, collapsing
// and subsequent-author-substitute need the tree). So the output builders
// stay two (cite's out.go and this package's output.go: groups,
// delimiters and affixes, quotes flip-flopped by nesting, punctuation moved
// into quotes), sharing the tables above. Dates share the writing of each
// part and the range rule, and differ only in where the parts come from
// and what a part carries: package cite's five fixed en-US forms are
// tables of parts with affixes, appended as bytes; here the locale's date
// formats with the style's date-part overrides (formatting, text-case,
// strip-periods, a range-delimiter per part, the year suffix after the
// year) become output nodes, and dates have sort keys (dateSortKey) that
// cite's hand-written sort keys do not need. Number variables
// (is-numeric, the labels in numbers, numberRanges and numberLabeled in
// numeric.go) stay each package's own reading, tied to its locator
// handling.
//
// # Conformance
//
// On the CSL test suite (845 fixtures, with the official locales) the
// package passes 839 (citeproc-js 840, jgm/citeproc about 778);
// testdata/suite-failures.txt lists every fixture it fails, with the
// reason, and the suite test fails on any other. With the five official
// styles of ../shared/csl it gives citeproc-js's output, text and HTML, in
// 15,428 of the 15,430 golden cases of cite/testdata (1,026 items in five
// styles: bibliography, first and subsequent citations, sorted
// bibliographies; the two others are listed in
// testdata/golden-differences.txt) and in all 75 cases of examples.json; scripts/check-csl compares 20 more official styles that
// the suite embeds (author-date, numeric, note, legal, label) with
// citeproc-js on 103 items of every CSL type, as reference managers send
// them (6,193 of 6,200 cases equal; the others are listed in
// testdata/oracle-differences.txt).
//
// A differential test (differential_test.go, FuzzDifferential,
// scripts/check-differential) renders the same items with package cite's
// built-in styles and with this package running the official files: every
// golden item and random items of every CSL type, five styles,
// bibliography, first and subsequent citations with and without a locator,
// text and HTML. Each class of disagreement (style, mode, item type, kind)
// is listed in testdata/differential-known.txt with the side citeproc-js
// takes; any other disagreement fails.
//
// # What it does not do
//
//   - Abbreviation lists (citeproc-js's "jurisdiction" and journal
//     abbreviation files), multilingual (CSL-M) extensions, and the
//     legal "jurisdiction" machinery of CSL-M styles.
//   - RTF. Spans and cite.Text (Rendered.Spans, Rendered.CiteText) carry
//     italics, bold and small caps only: underline, superscripts,
//     subscripts and display blocks are in HTML alone.
//   - Incremental updates: CiteDocument renders the whole document each
//     time; integration in a word processor keeps the document's citations
//     and calls it again.
//   - Sorting follows Unicode collation (x/text/collate) with case,
//     accents and punctuation ignored, as citeproc-js's Intl.Collator
//     does; it may differ from a browser's in rare cases.
//   - The affixes citeproc-js gives the end of the first date range an
//     engine writes ("1964–(1965)": those of the last cs:date it built),
//     which depend on what that engine rendered before (its renders for
//     disambiguation, and the reference renderer's reuse of engines gives
//     them to the text but not the HTML of the same request). A Processor
//     writes every range as such an engine writes its later ones: the
//     end's parts joined by nothing after a reset (Processor.Reset, the
//     state of the reference outputs), by the last date element's
//     delimiter in Fixture.Run (rangeEngine in dates.go).
//   - A handful of citeproc-js behaviours listed in
//     testdata/suite-failures.txt and testdata/oracle-differences.txt:
//     a label at the start of a number variable that is not its own ("p.
//     5" as an issue) is written as given, not as the locale's term;
//     citeproc-js's punctuation merging in some nestings (".," inside
//     quotes, double spaces it keeps between affixes),
//     year-suffixes on items without dates, ....
package csl
