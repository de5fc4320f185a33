// Package pdf writes print extracts of archive documents as PDF: the
// archive's "Print (Max. 10 Pages at a time)" dialog, with its checkbox "I
// agree to all terms and conditions governing print and/or download of
// material from this archive", as a library a print service calls under
// load.
//
// Write prints the print pages of a document's translation, at most
// MaxPages at a time and only for a request that records who accepted the
// terms, when, and which version. Each print page starts a new PDF page
// laid out like the printed book: a running head with the volume, the
// document's title and the page number; headings, justified paragraphs (a
// paragraph continued from an earlier page is not indented), the editor's
// commentary set apart; footnotes at the foot of the page on which their
// anchor falls, numbered as in the book, under a short rule, two notes on
// one word marked "²,³"; a blank plate as a page that says so.
//
// Every print page is set at the same sizes. One too long for a PDF page
// continues on the next ("59 (continued)" in the running head), each note
// staying with its anchor; a note that does not fit goes on at the foot of
// the next sheet under "[note 12 continued]". A print page may take at
// most MaxSheets sheets: a longer one (a footnote of megabytes) is refused
// with a *SheetLimitError (ErrTooLong) before any work is done.
//
// Lines are filled and justified; a line that would be loose takes part of
// the next word, broken at a hyphenation point of TeX's English patterns
// (Knuth's hyphen.tex, embedded unmodified, applied by Liang's algorithm
// with TeX's limits of two letters before and three after a hyphen), after
// a hyphen in the word, or after a slash of a web address; no gap between
// words is wider than a quarter em and 5 pt. Other languages' words are
// not hyphenated.
//
// Every page's footer cites the document in full, because a printed page
// must identify its source: the full note with the page as locator in the
// Chicago notes styles, and in the others (shortened notes, author-date,
// MLA) the bibliography entry followed by the style's citation of the
// page, all through package cite. Under it, the acceptance: "Printed for
// NAME, who accepted the terms … on DATE." A name is shortened past 64
// characters (or half a line) so that the statement and its date are
// always printed; bidi embeddings, overrides and isolates (U+202A–202E,
// U+2066–2069) and other invisible characters are dropped.
//
// Refusals come before any byte is written: ErrTermsNotAccepted (also for
// a name without a visible character, such as only U+FE0F or U+0301), a
// *NameError (ErrUnprintableName) for a name the fonts cannot set, a
// *PageLimitError (ErrPageLimit), the model's *maisky.PageRangeError
// (maisky.ErrPageRange) and a *SheetLimitError (ErrTooLong). The output is
// deterministic: the creation date comes from Options or the acceptance,
// never from the clock, so the same request gives the same bytes.
//
// The text is set in Liberation Serif (regular, italic, bold, bold italic,
// from github.com/go-fonts/liberation), a book face metric-compatible with
// Times that covers Latin with every European and Vietnamese diacritic,
// Greek (monotonic and polytonic) and Cyrillic with Ukrainian and the
// pre-1918 letters; embedded as subsets with a ToUnicode map, so the text
// can be copied and searched. No Go module that the project can use carries
// a font for CJK, Arabic or emoji, and the PDF engine cannot shape or order
// right-to-left text, so a name in those scripts is refused with a
// *NameError naming the character and its script rather than printed as
// boxes. The fonts are slimmed (hinting and glyph names dropped) and
// measured once per process and shared read-only between concurrent jobs;
// a face is registered with the engine once per job, from memory, and
// embedded only when a page uses it.
//
// The PDF engine, go-pdf/fpdf, stays behind this package's API. Most of
// the time of a print is fpdf's fixed cost (BenchmarkFloor: an empty
// document of as many pages with the same fonts): for every document it
// parses each font again and hashes its width table, and it starts a new
// compressor for every stream. The layout reuses its memory from page to
// page and keeps text as substrings of the source; justified runs are
// drawn with one call each.
//
// The PDF is not tagged: fpdf has no API for marked content or a structure
// tree. Tagging (headings, paragraphs, notes for screen readers) would take
// writing BDC/EMC marked-content operators around each block through
// fpdf's raw content access, and a StructTreeRoot with its ParentTree and
// MarkInfo in the catalog, which fpdf writes itself and offers no hook
// for: a change to fpdf or a different writer.
package pdf
