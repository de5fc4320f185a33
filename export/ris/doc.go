// Package ris writes and reads RIS, the tagged format that Zotero, EndNote,
// Mendeley and citation-js import ("Export Citation" of an archive).
//
// # Writing
//
// A Writer streams records to an io.Writer: NewWriter(w), then Write for
// each Record, Flush, and Error, as with encoding/csv. WriteRecords does it
// in one call. A Record is the reference type (the TY value) and its tag
// lines in order. Output is exactly what reference managers read fully:
//
//   - every line is a tag, two spaces, a dash, a space and the value, ended
//     by CRLF; the file is UTF-8 without a byte order mark;
//   - a record starts with its TY line; its last line is ER, two spaces, a
//     dash and a space;
//   - one value per line, never wrapped, never HTML-escaped (Zotero
//     unescapes entities in every field but N1 and AB, so a literal "&amp;"
//     in a title is read as "&" there: that is Zotero's reading, not ours);
//   - a value that folds to nothing is left out;
//   - only AU, A1–A4, KW and N1 may repeat (Repeatable): reference managers
//     keep one value of any other tag, so the Writer refuses a record that
//     repeats one (a *RecordError, ErrInvalid).
//
// A record of a diary entry begins:
//
//	TY  - CHAP
//	TI  - 31 December 1934
//	AU  - Maisky, Ivan
//	A2  - Gorodetsky, Gabriel
//
// # Folding
//
// No value can end its line or start a new tag line. Each value is folded
// (Fold) before it is written, in this order:
//
//  1. invalid UTF-8 bytes become U+FFFD;
//  2. control characters (U+0000–U+001F, U+007F–U+009F, which include TAB,
//     CR, LF and NEL) and the separators U+2028 and U+2029 become U+0020;
//  3. each run of U+0020 becomes one U+0020;
//  4. white space at both ends (Unicode White_Space and U+FEFF, the set
//     JavaScript's trim removes) is removed;
//  5. the result is put in Unicode NFC.
//
// Runs are collapsed because readers split a tag line at the first space,
// space, dash, space (citation-js keeps only the text before a second
// one) and trim values, so a value never holds two spaces in a row nor starts or ends
// with white space; folding is idempotent, and what our Reader returns for a
// written value is exactly Fold(value) (keywords as the rule below makes
// them). The record type is folded too and must then be upper-case ASCII
// letters and digits.
//
// Keywords: Zotero splits every KW value at semicolons, and when a record
// ends up with a single keyword it splits that one at commas as well. So
// the Writer writes a KW value split at its semicolons into several KW
// lines (each part trimmed, empty parts dropped), because a semicolon is the
// keyword separator of every reference manager: the reader gets the same
// keywords from Zotero, EndNote and citation-js. Commas are kept, since
// inverted names ("Vansittart, Robert") are single subjects; only when the
// record has exactly one keyword line are its commas replaced by U+201A
// SINGLE LOW-9 QUOTATION MARK ("‚"), which looks like a comma and which no
// reader splits at (it survives NFC).
//
// # Mapping the model
//
// DocumentRecord maps a document, VolumeRecord a volume, ItemRecord a
// CSL-shaped cite.Item, and Write all the documents of a maisky.File;
// Options (zero value: the defaults) chooses the form, the record kind and
// the name form and supplies the access date. A document's record is the
// record of its citation item: cite.FromDocument is the one mapping of a
// document to citation data, so a record holds what the citation, the
// CSL-JSON and the TEI header hold. By default a diary entry is a chapter
// of the printed edition (CHAP): ID the document's id, TI the entry's
// title with its year, AU its author as readers know him ("Maisky, Ivan";
// Options.Names gives the archive's form, "Liakhovetsky, Ivan Mikhailovich
// (Maisky)"), A2 the volume's editor, A4 its translators, T2 the book, VL,
// PY the book's year, SP/EP the entry's print pages, PB, CY, SN, LA, KW,
// N1 (where the original is held) and AB (the description). A document
// whose volume is not given, or Options.Form cite.Archive, is the online
// archive's document: a manuscript (MANSCPT, DA "1934/12/31/", PY, M3
// "diary entry", DB the archive, UR the permalink, Y2) or a letter (PCOMM,
// the recipients as A2, no TI).
//
// ReadItems and ItemFromRecord map records back to CSL items, the inverse
// of ItemRecord: a document's record (of the default kind) reads back as
// exactly the item cite.FromDocument gives, in either form and name form,
// and RIS → CSL-JSON → RIS keeps every mapped field. A name with a family
// name alone is written "Litvinov," so that it is not read as a literal
// name. What RIS cannot carry, and how it is handled:
//
//   - runs of white space, control characters and line breaks: values are
//     folded (above); cite.FromDocument gives single-line text already, so
//     a document's item loses nothing;
//   - a circa date: DA ends in "approximate", which our Reader (and
//     Zotero) read and citation-js ignores;
//   - of items from elsewhere (ItemRecord): name particles and suffixes
//     join the family or given name, a comma inside a name part splits it,
//     a date range's end, a season and a literal date are left out (PY
//     keeps the year), a lone keyword's own U+201A reads back as a comma,
//     and CSL variables without a RIS tag are not written;
//   - the series editor (collection-editor) of a book: A3 of BOOK and
//     EDBOOK is the editor to every reader, so it is not written;
//   - KindManuscript and KindLetter change the type, so the record of a
//     letter as MANSCPT has no recipients and a diary entry as PCOMM no
//     editors.
//
// Zotero's and EndNote's usual tags (T1, JO, JF, BT, A1, ED, Y1, …) and
// their types (EDBOOK, EBOOK, ICOMM, UNPB, …) are understood too.
//
// A whole volume is BOOK with its editor as A3, not EDBOOK with the editor
// as AU. Zotero maps A3 of a BOOK straight to its editor, and exports its
// edited books that way, so the record survives a round trip through it;
// citation-js reads A3 of a BOOK as the editor too. EDBOOK relies on each
// reader knowing that its AU are editors (Zotero rewrites them with an
// EndNote-specific cleanup): a reader that does not know EDBOOK makes the
// editor the book's author, whereas one that does not know A3 merely loses
// the editor. Options.EditedBook writes EDBOOK for readers that want it.
//
// # Reading
//
// NewReader reads records written by this package or by other reference
// managers: CRLF, LF or bare CR line ends, a byte order mark, blank lines,
// continuation lines (a line that is not a tag line continues the previous
// value, after one space), repeated tags. Errors are *SyntaxError values
// with a line number that unwrap to ErrSyntax. Record.Reference maps a
// record back to named fields (title, authors, editors, translators,
// dates, pages, ...) for round-trip checks and for integrations that ingest
// RIS. A line right after TY that is not a tag line, and a NUL character,
// are errors naming the line.
//
// Bounds: a line, and a value grown by continuation lines, of at most
// MaxLineLength (1 MiB); at most MaxFields (65,536) fields per record. Time
// is linear in the input whatever its line ends (a value grown by 300,000
// continuation lines is read as fast as typical records). Reader.Read holds
// one line and one record; ReadRecords holds every record read: measured
// peak heap (BenchmarkReadShapes) about 6 bytes per input byte for typical
// records, 10–17 for tiny records or fields (17 and 8 bytes of input
// each).
//
// For download services, MediaType is "application/x-research-info-systems",
// Extension ".ris", and FileName gives a safe ASCII file name.
package ris
