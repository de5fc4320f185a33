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
// document's title and the page number; headings, paragraphs (a paragraph
// continued from an earlier page is not indented), the editor's commentary
// set apart; footnotes at the foot of the page on which their anchor falls,
// numbered as in the book, under a short rule; a blank plate as a page that
// says so. A print page too long for one PDF page continues on the next,
// and each note stays with its anchor. Every page's footer cites the
// document with that page as the locator (Chicago notes by default, through
// package cite) and records the acceptance.
//
// Refusals come before any byte is written: ErrTermsNotAccepted, a
// *PageLimitError (ErrPageLimit) and the model's *maisky.PageRangeError
// (maisky.ErrPageRange). The output is deterministic: the creation date
// comes from Options or the acceptance, never from the clock, so the same
// request gives the same bytes.
//
// The text is set in the Go fonts (regular, italic, bold, bold italic),
// embedded as subsets with a ToUnicode map, so curly quotes, dashes,
// accents and Cyrillic render and can be copied and searched. The fonts are
// slimmed (hinting and glyph names dropped) and measured once per process
// and shared read-only between concurrent jobs; a face is embedded only
// when a page uses it. The PDF engine, go-pdf/fpdf, stays behind this
// package's API. Most of the time of a print is fpdf's: for every document
// it reads each embedded font again, hashes its width table, and starts a
// new compressor for every stream.
package pdf
