// Package download is the HTTP layer of a print and download service: the
// media types and file names of every output, a Content-Disposition with
// an ASCII fallback and an RFC 8187 filename* for any title, the citation
// metadata a page carries for reference managers, and an http.Handler a
// service mounts as is.
//
// # Formats
//
// Each Format has a media type (MediaType) and an extension:
//
//	citation   text/plain, text/html, text/markdown (charset=utf-8)
//	CSL-JSON   application/vnd.citationstyles.csl+json
//	RIS        application/x-research-info-systems; charset=utf-8
//	TEI        application/tei+xml; charset=utf-8
//	PDF        application/pdf
//	annotations application/ld+json; profile="http://www.w3.org/ns/anno.jsonld", or text/markdown
//
// FileName names a download after the document ("31 December 1934.ris",
// "31 декабря 1934, pp. 59-68.pdf") and ContentDisposition turns a name into
// a header value that every client reads: a quoted ASCII fallback
// (Cyrillic romanized, accents dropped) and, for a name outside ASCII, the
// UTF-8 name as filename* (RFC 6266, RFC 8187).
//
// # The handler
//
// New returns a Handler over a Source, a lookup of documents by id that the
// service implements (FileSource is one over a maisky/1 file in memory).
// It serves a document's citation, CSL-JSON, RIS, TEI and, given an
// annotate.Store, the annotations that the request's viewer may see (the
// service says who the viewer is through Options.Viewer) by GET, and print extracts by POST of the print form (see
// Handler for the addresses and parameters). Every answer is correct to the
// letter of HTTP: strong ETags computed from the deterministic bytes,
// If-None-Match answered with 304, Range with 206 (http.ServeContent),
// Cache-Control (public outputs revalidate; prints and annotations are
// private), 405 with Allow, 413, 414, 415 with Accept-Post, 406 where no
// offered media type is acceptable.
//
// A print is refused with 400 and the reason, before any work, when the
// terms box is not ticked, the range is malformed, longer than ten pages or
// outside the document; 404 for an unknown document. It is safe by default:
// bounded request targets and bodies, a deadline per request, at most
// Options.MaxJobs PDF jobs at once behind a bounded queue with a deadline
// (then 503 with Retry-After), cross-origin POSTs refused
// (http.CrossOriginProtection, which reads Sec-Fetch-Site and Origin), and
// problem details (RFC 9457) with fixed messages: an internal error is
// logged, never shown. Prints are cached by their inputs (document, pages,
// reader, day, style, paper), so a reload or a resumed download costs
// nothing, and identical prints running at once are done once.
//
// # Metadata for reference managers
//
// WriteMeta writes the citation_… meta tags that Zotero's and Google
// Scholar's readers take from a page, and WriteCOinS a COinS span; both
// from a cite.Item built by cite.FromDocument, the mapping every output
// shares.
package download
