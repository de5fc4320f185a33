// Package tei writes archive documents as TEI P5 XML and reads them back.
//
// Write writes one document as a TEI element; WriteVolume (or a
// CorpusWriter, for documents produced one at a time) writes a volume as a
// teiCorpus: a corpus header for the book, then one TEI per document in
// table-of-contents order, each serialized and flushed before the next is
// built, so that memory grows with one document (and the corpus header with
// the table of contents), not with the volume. Read
// turns TEI written by this package back into the same model, and reads
// foreign TEI that uses the same elements, reporting what it skips.
//
// # Encoding
//
// The mapping follows the project's TEI encoding guide (ENCODING.md in the
// shared folder; its examples validate against tei_all 4.12.0):
//
//   - teiHeader: titleStmt (title type="main" as the archive displays it,
//     authors, and for a document written alone the volume's title, editor
//     and translators), publicationStmt (the archive as authority, the
//     permalink as idno type="URI", the document id as idno type="local",
//     availability, the publication date from Options), sourceDesc
//     (biblStruct with the printed volume and the document's page range as
//     biblScope unit="page" from/to; msDesc/msIdentifier when the repository
//     or archive ID is known), encodingDesc/appInfo, profileDesc (abstract
//     for the description, creation date with precision="low" when
//     approximate, langUsage, textClass/keywords, correspDesc when there are
//     recipients).
//   - A person is a persName whose text reads as the archive's form, with
//     surname, one forename per given name and addName type="pseudonym";
//     the name in original script follows as persName type="original".
//   - text/body: the translation and the transcription are sibling div
//     elements (type, xml:lang, xml:id, corresp); an empty version is left
//     out. The first block, when it is a level-1 heading, is the div's head;
//     a date heading ("31 December": a short heading holding the day of the
//     document's date) is wrapped in a date element, a memo's title is not;
//     a sub-heading opens a nested div type="section" that runs to
//     the next heading of its level; paragraphs are p; commentary blocks are
//     note type="commentary" place="inline" holding a p; emphasis is
//     hi rend="italic"; footnotes are note type="editorial" place="bottom"
//     with their printed number in n, right after their anchor.
//   - Pages: pb n="N" where page N starts. The partial page before the
//     first break gets none. A break stored at the start of a block is
//     written before the block's element (pb then head); a break inside a
//     paragraph stays inside it; a plate is two consecutive pb.
//   - IDs (unique in a corpus): the entry is "e" + ISO date, with "-2",
//     "-3" for repeats in contents order, or "e-" + the document id when
//     undated; inside it {e}-tr, {e}-ts, {e}-tr-s{n}, {e}-fn{n}, {e}-c{n},
//     {e}-ua{n} (transcription notes and commentary: {e}-ts-fn{n},
//     {e}-ts-c{n}).
//   - Annotations (Options.Annotations, only when given): standOff/
//     listAnnotation, each annotation targeting #range(start,end) of two
//     anchor elements placed in the text.
//
// Output is deterministic and indented only between block-level elements:
// mixed content (p, head, note, hi, persName, title, date) is written as is.
// Any model that passes (*maisky.Document).Validate gives well-formed XML.
//
// # Departures from the guide, and additions
//
// Each keeps the round trip lossless where the guide leaves a model field
// without a place:
//
//   - The document id goes into publicationStmt/idno type="local", the
//     volume id into monogr/idno type="local": the entry's xml:id follows
//     the guide's date scheme and cannot carry them.
//   - monogr/title holds the volume's title without its number, which goes
//     into biblScope unit="volume"; the titleStmt shows the full title.
//   - The corpus header lists the volume's table of contents as
//     sourceDesc/listBibl type="contents" (label, id, date per entry), since
//     a corpus usually holds only some of its documents.
//   - langUsage has one language per version, in order, with n set to the
//     version's kind and usage="0" for an empty version: the empty
//     transcription the guide says to leave out of the body is still read
//     back.
//   - A version's explicit start page (maisky.Version.StartPage: a
//     single-page entry without page markers, or an extract) is written as
//     fw type="pageNum" at the start of its div: it records the number of
//     the page the text starts on without claiming that a page begins there.
//   - A paragraph or commentary that began on an earlier page (Continued,
//     in extracts) is a p with part="F".
//   - A footnote whose model id is not "n" + its number keeps the id as a
//     suffix of its xml:id ({e}-fn3-{id}); sub-headings below level 2 or
//     out of sequence carry subtype="levelN" on their section div.
//   - A document without any text gets an empty ab in its body, since a TEI
//     body cannot be empty; a teiCorpus needs at least one document, so
//     WriteVolume refuses an empty one.
//
// # Reading
//
// Read accepts a TEI or a teiCorpus. It maps the elements above back; it
// also accepts foreign TEI using them (a persName of plain text is parsed
// as the archive's form, a date without @when from its text, emph and title
// inside text as emphasis). Whatever the model has no place for is reported:
// Read returns the model with a *SkipError listing each skipped element or
// the markup of an element whose text was kept, with its element path, line
// and column. Malformed input fails with a *ReadError carrying the position.
// Text written by this package (its encodingDesc names the exporter) is
// read verbatim; in foreign TEI, runs of whitespace collapse to one space
// and block edges are trimmed, as TEI renderers do. Text is normalized to
// NFC and adjacent text runs merge, so a model whose content has adjacent or
// empty Text nodes reads back in that normalized form. Stand-off
// annotations are not part of the model: Read reports them as skipped.
// Attributes outside the mapping are ignored. Reading takes time linear in
// the input.
//
// Input: UTF-8 (a byte order mark is skipped), UTF-16 (by its byte order
// mark or its first "<"), and ISO-8859-1, windows-1252 or US-ASCII as the
// XML declaration names them; UTF-32 and another declared encoding are
// refused with a *ReadError saying so. Read checks what XML well-formedness requires and
// encoding/xml leaves unchecked: an element with two attributes of the same
// name (after namespace resolution), a character reference to a character
// XML does not allow (&#xD800;, &#xFFFE;) and an undeclared namespace
// prefix are *ReadError values (ErrSyntax) with their line and column.
// Entities other than the five predefined ones are refused; nothing is
// fetched or expanded.
//
// # Bounds
//
// Read refuses input larger than 256 MiB, elements nested more than 256
// deep, and more than 524,288 elements and text runs (a volume of the
// edition has a few tens of thousands): a *ReadError that unwraps to
// ErrSyntax and maisky.ErrTooLarge, with the position where the bound was
// passed. A SkipError lists the first MaxWarnings (1,000) things skipped
// and counts the rest in More. Text split by comments, CDATA sections or
// processing instructions is joined in time linear in its length.
// Memory: Read holds the input, its element tree and the model; measured
// peak heap (BenchmarkReadShapes) is about 7 bytes per input byte for a
// typical corpus and for text split by comments, CDATA or processing
// instructions, about 35 for deep nesting or elements with many
// attributes, and 45–70 for input made only of tiny elements (<p/>: 4 bytes
// of input, an element node and a model block each); at the node bound
// that stays under 150 MB.
package tei
