// Package cite makes the citations of the archive's documents: Chicago
// notes and bibliography (18th and 17th editions, and the shortened-notes
// variant), Chicago author-date and MLA 9, letter for letter as citeproc-js
// renders the official CSL styles, and CSL-JSON for any other processor.
//
// # Citation data
//
// An [Item] is citation data shaped like a CSL-JSON 1.0.2 item: the type,
// names ([Name]: family, given, particles, or a literal institution), dates
// ([Date]: date-parts, ranges, seasons, circa, literal) and the standard
// variables. [ReadCSLJSON] reads an array of items strictly: an unknown
// field or a value of the wrong kind is a [*JSONError] naming its path
// ("items[3].issued.date-parts[0][1]"). [WriteCSLJSON] and [Encoder] write
// items as CSL-JSON, streamed item by item, in a fixed member order.
//
// # From the model
//
// [FromDocument] maps a [maisky.Document] to an Item: it is the one place
// where a document becomes citation data, and every output takes its fields
// from it (the citations, CSL-JSON, the RIS records of export/ris, the TEI
// header's source description). Besides what the styles print, the Item
// holds what a reference manager keeps (language, keywords, the description
// as abstract, the original's repository and reference as a note). There are
// two forms ([Options]):
//
//   - [Print] (the default): the entry as a chapter of the printed edited
//     volume — type "chapter", the entry as title, the diarist as author,
//     the volume's title as container title with its number, editor,
//     translators, publisher, place and year, and the entry's pages.
//     Chicago (CMOS 14.12, 14.105 on diaries and letters in published
//     collections) and MLA (5.30, "a work in an anthology") cite a
//     published diary entry as a part of the edited book: the book is what
//     a reader can find and check. A CSL "chapter" is what the styles
//     render that way ("“31 December 1934,” in The Complete Maisky Diaries,
//     vol. 1, ed. …, trans. …"); "entry" types would be cited as reference
//     works. An entry's title is its date label with the year ("31 December"
//     becomes "31 December 1934", "1 March (1)" becomes "1 March 1935 (1)"),
//     because entries run across years and the label alone never gives the
//     date; other titles (a memo's) stay. The page range is the entry's
//     span in the book, from the partial page where it begins (58–72 for 31
//     December): a bibliography's chapter range must cover all of it.
//   - [Archive]: the document as read in the online archive — a diary entry
//     is a "manuscript" with genre "diary entry" (Chicago 14.114–119 on
//     unpublished and archival material: title, description, date, archive,
//     URL), a document with recipients is a "personal_communication" with
//     genre "letter", which the styles turn into "letter to Maxim Litvinov"
//     (CMOS 14.111; MLA 5.109 "Letter"). A letter gets no title: the
//     archive's descriptive title ("Letter to M.M. Litvinov, 10 November
//     1934") would repeat what the styles already say. The archive's name
//     comes from the volume (or Options.ArchiveName), the URL is the
//     document's permalink, and the access date comes from the options (the
//     styles print it only for undated documents, as Chicago 14.15 asks).
//     An approximate or uncertain date is "circa": "[January 3, 1935?]" in
//     Chicago, "Circa 3 Jan. 1935" in MLA. The physical original (the
//     repository and its reference) is not part of this form: the citation
//     is of the archive's online copy.
//
// People are cited under the name readers know: the pseudonym as family
// name with the first given name ("Maisky, Ivan" for Liakhovetsky, Ivan
// Mikhailovich (Maisky)), and for everyone the first given name without the
// patronymic ("Maxim Litvinov"), as the edition's title page and
// English-language scholarship name them; Options.ArchiveNames keeps the
// archive's form: the family name with the given names and the pseudonym
// ("Liakhovetsky", "Ivan Mikhailovich (Maisky)"), so that a bibliography
// prints "Liakhovetsky, Ivan Mikhailovich (Maisky)" and short notes and
// in-text citations the family name alone ("(Liakhovetsky 1934, 60)"). [FromVolume] maps a volume to a "book".
//
// # Styles and modes
//
// A [Style] is named by its CSL id ([ParseStyle]). [Format] renders an Item
// in a [Mode]: the [Bibliography] entry, the [First] citation (a full note,
// or the parenthetical citation in author-date and MLA) or a [Subsequent]
// one (the short note, never "ibid."), with an optional [Locator]: a page
// or page range, printed in the style's range format (103–4 in Chicago,
// 103–04 in MLA), or a value with another CSL locator label ("chap. 4",
// "fols. 14–15"). [WriteBibliography] writes a bibliography of many items
// sorted as the style sorts (keys compared with golang.org/x/text/collate:
// case, accents and punctuation ignored, numbers by value, Cyrillic after
// Latin), with "———" for a repeated author where the style asks for it and
// year suffixes ("2017a") in author-date.
//
// The styles are implemented in Go, not interpreted: each renderer is a
// hand translation of its CSL file's macros (method names follow the macro
// names) for chapters, books, manuscripts, letters (personal_communication),
// articles of journals, magazines and newspapers, reports, theses, web
// pages, blog posts, datasets, software, conference papers (in edited
// proceedings or as serials) and reference-work entries (signed or not,
// printed or online: "under"/"s.v." the headword), with the variables the
// official files print for them: editions, original dates ("1902; Yale
// University Press", "(1934) 2009"), series and their numbers, volumes,
// issues, archive, archive place and collection, numbers of reports and
// papers, versions ("v. 3.1"), date status ("released"), several
// recipients, date ranges collapsed as citeproc-js collapses them; which
// items have a bibliography entry follows each file's layout. The Chicago
// styles cite bills, hearings, legal cases, statutes, regulations and
// treaties by the files' own Bluebook macros ("Luther v. Sagor, 1 K.B. 532
// (Court of Appeal 1921), at 104"), patents with their filing and issue
// dates, standards under the issuing organization, periodicals as serials,
// archival collections and classics as the files do. MLA (mla.go)
// covers every type and variable of its file. The event of a paper, speech
// or performance and the names of interviews, broadcasts, films and songs
// (interviewer, director, …) are not translated yet in the Chicago styles:
// such items render as the nearest translated type, not as
// the official files do; the CSL processor (cite/csl) renders any type of
// any style file exactly. The built-in renderer is
// called per style id, item and mode (Format), which is what a
// differential test against the CSL processor needs. A small output builder reproduces what
// citeproc-js does around the macros: groups that vanish when the
// variables they call are empty, delimiters and affixes, punctuation joined
// ("ed." + ". " is "ed. "; "?" absorbs a period), commas and periods moved
// inside closing quotation marks, the inline markup and quotation marks
// of a field read as citeproc-js's flip-flop reads them (cite/markup.go:
// <i>, <b>, <sc>, <sup>, <sub> and nocase spans; quotes straight or curly
// that alternate between double and single by nesting, <i> in an italic
// title set in roman), straight apostrophes curled, title case for
// English titles (citeproc-js's rules and stop words; no title case when
// the item's language is not English), a capital for a term that opens a
// note or entry, and HTML escaping. Names follow each style's et-al rules.
// The expected outputs are citeproc-js's: testdata/cases.json holds
// 15,430 cases rendered by citeproc-js 1.4.61 from the official styles
// (1,026 items in five styles: bibliography entries, first and subsequent
// citations, and sorted bibliographies; scripts/check-cite re-renders
// them), and the tests compare every one, text and HTML, exactly: 15,428
// are equal, the two others are listed in testdata/golden-differences.txt.
// Formatting a citation takes a few microseconds and a handful of
// allocations.
//
// The rules the built-in styles share with the CSL processor (cite/csl)
// have one implementation, in cite/internal/cslcore (internal, not API):
// the reader of a field's markup and quotation marks (markup.go writes
// what it finds into the output builder), the particles and suffix typed
// into a name ("van Gogh" is "Gogh" with the particle "van", "Martin
// Luther, Jr." has the suffix "Jr."; taken out when the name is written,
// unless [Name].NoParse, CSL-JSON's "parse-names": false), initials and
// the normalizing of given names ("J.-P." is "J. P."), the scripts written
// family name first, where a particle joins the family name, the date
// parts (a year with its era, BC and AD for 1 to 499; a month by name or
// number, or a season; a day as a number or an ordinal) and the range rule
// of dates (the parts from the largest differing one down are written for
// both dates, the others once: "March 3–9, 2011", "Spring–Summer 1935"),
// page-range formats, the punctuation join table and the superscripts of
// HTML. Title case, capitalize-first, the
// en-US terms and raw dates are this package's and exported for cite/csl
// (AppendTitleCase, LocaleTerms, ParseDate); the processor gives its
// output as a [Text] ([TextOf]) to share the renderers. The output
// builder (out.go) stays this package's own: it renders the five styles
// in one pass into a flat buffer, where the processor evaluates any style
// into a tree (see cite/csl's package documentation). Of dates, only the
// forms stay this package's: its five fixed en-US forms (render.go:
// "December 31, 1934", "31 Dec. 1934", "December 1934", the year, the
// month and day) are tables of date parts with their affixes, written part
// by part with the shared code, where the processor takes the locale's
// date formats and the style's date-part elements.
//
// # Rich text
//
// A [Text] is the formatted result: String gives the plain text (as
// citeproc-js's "text" format), HTML the HTML as citeproc-js writes it
// (<i>…</i>, &#38; &#60; &#62;), Markdown a CommonMark rendering, and
// Spans the runs of text with their [Decoration] (italic, small caps,
// bold, superscript, subscript, link) in effect, for writers that set
// italics themselves, such as a PDF exporter. Formatted ranges nest: a
// title's own markup sits inside the title's italics.
//
// # Errors
//
// [ReadCSLJSON] reads at most [MaxCSLJSONInput] (256 MiB) and
// [MaxCSLJSONItems] (25,000) items; past either it fails with a
// [*JSONError] that unwraps to [ErrCSLJSON], [ErrTooLarge] and
// maisky.ErrTooLarge. Measured peak heap (BenchmarkReadCSLJSONShapes) is
// about 22 bytes per input byte for typical items and reaches about 330 for
// an array of minimal items ({"id":"a"}), about 90 MB at the item bound.
// [FromDocument] of a nil document is [ErrNoDocument].
//
// Malformed CSL-JSON is a [*JSONError] (unwrapping to [ErrCSLJSON]); an
// unknown style, mode, locator label, output format or form is a
// [*ParseError] unwrapping to [ErrUnknownStyle], [ErrMode], [ErrLabel],
// [ErrFormat] or [ErrForm]. Missing data never is an error: an item without
// author, title or date renders as the styles render it ("n.d."). No input
// makes the package panic.
//
// The CSL styles and locale are the Citation Style Language project's
// (https://citationstyles.org/), licensed CC BY-SA 3.0; this package
// implements their rules and does not contain the files.
package cite
