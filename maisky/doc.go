// Package maisky models the documents of a scholarly digital archive that
// publishes an edited, translated print edition online: The Complete Maisky
// Diaries, volume by volume, entry by entry, as the archive shows them.
//
// # The model
//
// A [Volume] is a book of the edition with its editors, translators,
// publisher and an ordered table of contents ([Entry]: id, label as
// displayed, date). Labels repeat ("29 July") or carry a disambiguator
// ("1 March (1)"), so an entry's date, not its label, gives its year.
//
// A [Document] is an entry, a memo or a letter: title, authors and recipients
// ([Person], with the archive's form "Liakhovetsky, Ivan Mikhailovich
// (Maisky)"), repository, archive id and description (empty where the archive
// prints "N/A"), a [Date] (possibly approximate or uncertain), the volume and
// permalink, and its versions: the English [Translation] and the
// [Transcription] in the original language, which may be empty.
//
// A version's body is a sequence of blocks holding inline content. The node
// set is closed: blocks are [Heading], [Paragraph] and [Commentary] (the
// editor's commentary); inlines are [Text], [Emphasis], [NoteRef] (a
// footnote's anchor, right after its word or sentence) and [PageBreak] (the
// start of a print page, possibly mid-sentence). [Walk] traverses them,
// entering and leaving each node. Footnotes ([Footnote]) are the editor's,
// numbered as printed.
//
// # Pages
//
// The text carries the print edition's page markers. A marker starts that
// page; text before the first marker is the partial end of the page before
// it (numbered one less, or [Version.StartPage]); a page without text is a
// plate. [Document.Pages] lists the pages, [ParsePageRange] reads the ranges
// a reader types ("59–68"), and [Document.Extract] cuts the document to a
// range, keeping split paragraphs well formed and only the footnotes
// anchored inside, with the book's numbers. Range errors are
// [*PageRangeError] values that say which pages exist.
//
// [WriteText] is the one plain-text rendering (footnote anchors as "[n]",
// the notes listed after) that search, previews and exporters share.
//
// # JSON: the maisky/1 format
//
// [Read] and [Write] encode a [File] (a volume with its documents, or one
// document) as JSON, the interchange a service stores. The schema is
// maisky-1.schema.json beside this package; in short:
//
//	{
//	  "format": "maisky/1",
//	  "volume": {"id", "title", "number", "editors", "translators", "publisher",
//	             "place", "year", "isbn", "archive": {"name", "publisher", "url"},
//	             "contents": [{"id", "label", "date"}]},
//	  "documents": [DOCUMENT, ...]          // or "document": DOCUMENT alone
//	}
//	DOCUMENT = {"id", "title", "authors", "recipients", "repository",
//	            "archiveId", "description", "date", "volume", "permalink",
//	            "keywords", "versions": [VERSION, ...]}
//	PERSON   = {"family", "given", "pseudonym", "original"}
//	VERSION  = {"kind": "translation"|"transcription", "lang", "startPage",
//	            "blocks": [BLOCK, ...], "footnotes": [{"id", "n", "content"}]}
//	BLOCK    = {"type": "heading"|"paragraph"|"commentary", "level",
//	            "continued", "content": [INLINE, ...]}
//	INLINE   = "text" | {"emph": [INLINE, ...]} | {"note": ID} | {"page": N}
//
// Dates are EDTF strings ("1934-12-31", "1935-01", "1935-01-03~"). Optional
// members are left out when empty. Decoding is strict: an unknown member, a
// value of the wrong type or an unknown "format" is a [*DecodeError] naming
// the JSON path of the fault ("documents[1].versions[0].blocks[3].level"), or
// the line and column of a syntax error; text is normalized to NFC. Encoding
// is canonical: members in the order above, two-space indentation, no HTML
// escaping, so the same model always gives the same bytes and decode →
// encode of a canonical file is byte-identical. A later incompatible change
// will bump the format to "maisky/2"; Read refuses formats it does not know
// ([ErrFormat]).
//
// # Bounds
//
// [Read] and [Unmarshal] accept any input in time linear in its size, and
// refuse with an error that unwraps to [ErrTooLarge] (and [ErrMalformed])
// an input larger than 256 MiB, JSON nested deeper than 256 levels, or more
// than [MaxNodes] (524,288) blocks, inlines and footnotes. A volume of the
// edition has a few tens of thousands. Memory: Read holds the input and
// builds the model beside it; measured peak heap (BenchmarkReadShapes) is
// about 1.5 bytes per input byte for a typical volume file, 3–9 for
// shapes dense in small nodes (empty paragraphs, page breaks, nested or
// one-letter emphasis) and about 23 for the worst, a paragraph of
// one-letter text nodes (4 bytes of JSON each, 32 bytes of model): at the
// node bound that is under 50 MB. [File.Validate] lists at most
// [MaxProblems] (100) problems and counts the rest in
// [ValidationError.More]. Error messages quote at most 40 code points of an
// input and shorten deep JSON paths.
//
// # Errors
//
// Every error unwraps to a sentinel: [ErrSyntax], [ErrMalformed], [ErrFormat],
// [ErrInvalid], [ErrPageRange], [ErrNotFound], [ErrTooLarge].
// [Document.Validate] reports the broken rules with their paths as a
// [*ValidationError]. No input makes the package panic.
//
// Text positions elsewhere in the library (annotations) count Unicode code
// points of NFC text.
package maisky
