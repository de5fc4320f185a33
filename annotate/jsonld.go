package annotate

import (
	"context"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maisky-lib/maisky/internal/jsonstr"

	"github.com/maisky-lib/maisky/maisky"
)

// W3C Web Annotation JSON-LD.
const (
	// AnnoContext is the W3C Web Annotation context.
	AnnoContext = "http://www.w3.org/ns/anno.jsonld"
	// Namespace is this package's vocabulary for what the W3C model does
	// not have: visibility, group, moderation, revision, orphaned, the
	// document and version of a reply, the print pages of a target. The
	// terms are declared in every document's @context.
	Namespace = "https://github.com/maisky-lib/maisky/ns/annotation#"
	// DefaultDocumentBase prefixes a document id to make its IRI.
	DefaultDocumentBase = "urn:maisky:document:"
	// DefaultUserBase prefixes a user id to make the creator's IRI.
	DefaultUserBase = "urn:maisky:user:"
	// DefaultCollectionID is a collection's IRI when none is given.
	DefaultCollectionID = "urn:maisky:annotations"
)

// JSONLDOptions tunes WriteJSONLD. The zero value writes IRIs under the
// default bases.
type JSONLDOptions struct {
	// ID is the collection's IRI; DefaultCollectionID if empty. Its page
	// is ID + "#page-1".
	ID string
	// Label is the collection's label; none if empty.
	Label string
	// DocumentBase prefixes document ids (escaped as a path segment) to
	// make the targets' source IRIs; DefaultDocumentBase if empty.
	DocumentBase string
	// UserBase prefixes user ids to make creator IRIs; DefaultUserBase if
	// empty.
	UserBase string
}

func (o JSONLDOptions) documentBase() string {
	if o.DocumentBase == "" {
		return DefaultDocumentBase
	}
	return o.DocumentBase
}

func (o JSONLDOptions) userBase() string {
	if o.UserBase == "" {
		return DefaultUserBase
	}
	return o.UserBase
}

// WriteJSONLD writes the annotations of a query that its viewer may see,
// page by page from the store, as a W3C AnnotationCollection with its
// AnnotationPage embedded as "first" (no "first" when there are none), and
// "total" last: one pass, in memory that does not grow with the number of
// annotations. The document is canonical: fixed member order, two-space
// indentation, times in UTC.
func WriteJSONLD(ctx context.Context, w io.Writer, s Store, q Query, opts JSONLDOptions) error {
	e := newLDWriter(w, opts)
	e.collectionStart()
	n := 0
	for a, err := range All(ctx, s, q) {
		if err != nil {
			return err
		}
		if !q.Viewer.Sees(a) { // defence in depth: the store already filters
			continue
		}
		if n == 0 {
			e.pageStart(1)
		}
		e.item(n, a)
		n++
		if e.err != nil {
			return e.err
		}
	}
	if n > 0 {
		e.pageEnd()
	}
	e.raw(",\n  \"total\": ")
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
	e.raw("\n}\n")
	e.flush()
	return e.err
}

// WriteJSONLDPage writes one page of the annotations of a query that its
// viewer may see (q.Limit of them, after q.Cursor) as a W3C AnnotationPage
// of the collection opts.ID, for a service that serves a large collection
// page by page: its id is PageIRI(opts.ID, q.Cursor), "partOf" the
// collection ({"id": opts.ID}) and "next" the IRI of the following page,
// when there is one.
// WriteJSONLD writes the whole collection in one document instead.
func WriteJSONLDPage(ctx context.Context, w io.Writer, s Store, q Query, opts JSONLDOptions) error {
	res, err := s.Query(ctx, q)
	if err != nil {
		return err
	}
	e := newLDWriter(w, opts)
	e.raw("{\n  \"@context\": " + ldContext)
	e.member("  ", false, "id")
	e.str(PageIRI(e.id, q.Cursor))
	e.member("  ", false, "type")
	e.raw(`"AnnotationPage"`)
	e.member("  ", false, "partOf")
	e.raw(`{"id": `)
	e.str(e.id)
	e.raw("}")
	if res.Next != "" {
		e.member("  ", false, "next")
		e.str(PageIRI(e.id, res.Next))
	}
	e.member("  ", false, "items")
	e.raw("[")
	n := 0
	for _, a := range res.Annotations {
		if !q.Viewer.Sees(a) {
			continue
		}
		if n > 0 {
			e.raw(",")
		}
		e.raw("\n    ")
		e.annotation("    ", a)
		n++
	}
	if n > 0 {
		e.raw("\n  ")
	}
	e.raw("]\n}\n")
	e.flush()
	return e.err
}

// PageIRI returns the IRI of the page of a collection that starts at a
// cursor: the collection's IRI with "?page=" and the cursor ("first" for
// the first page). ParsePageIRI reads the cursor back.
func PageIRI(collection, cursor string) string {
	if cursor == "" {
		cursor = "first"
	}
	return collection + "?page=" + cursor
}

// ParsePageIRI returns the cursor of a page IRI that PageIRI made for the
// collection ("" for the first page), or an *InputError.
func ParsePageIRI(collection, iri string) (string, error) {
	c, ok := strings.CutPrefix(iri, collection+"?page=")
	if !ok {
		return "", &InputError{Field: "page", Msg: "not a page of this collection"}
	}
	if c == "first" {
		return "", nil
	}
	if _, err := ParseCursor(c); err != nil {
		return "", err
	}
	return c, nil
}

// ldWriter writes JSON-LD into a buffer flushed as it fills.
type ldWriter struct {
	w    io.Writer
	buf  []byte
	err  error
	opts JSONLDOptions
	id   string
	// The last escaped IRIs: consecutive annotations mostly share them.
	lastDoc, lastDocIRI   string
	lastUser, lastUserIRI string
}

func (e *ldWriter) docIRI(doc string) string {
	if doc != e.lastDoc || e.lastDocIRI == "" {
		e.lastDoc, e.lastDocIRI = doc, e.opts.documentBase()+url.PathEscape(doc)
	}
	return e.lastDocIRI
}

func (e *ldWriter) userIRI(user string) string {
	if user != e.lastUser || e.lastUserIRI == "" {
		e.lastUser, e.lastUserIRI = user, e.opts.userBase()+url.PathEscape(user)
	}
	return e.lastUserIRI
}

// time writes a time as a JSON string: RFC 3339 in UTC, to the
// microsecond.
func (e *ldWriter) time(t time.Time) {
	e.buf = append(e.buf, '"')
	e.buf = t.UTC().Truncate(time.Microsecond).AppendFormat(e.buf, time.RFC3339Nano)
	e.buf = append(e.buf, '"')
}

func newLDWriter(w io.Writer, opts JSONLDOptions) *ldWriter {
	id := opts.ID
	if id == "" {
		id = DefaultCollectionID
	}
	return &ldWriter{w: w, buf: make([]byte, 0, 64<<10), opts: opts, id: id}
}

func (e *ldWriter) flush() {
	if e.err == nil && len(e.buf) > 0 {
		_, e.err = e.w.Write(e.buf)
	}
	e.buf = e.buf[:0]
}

func (e *ldWriter) raw(s string) { e.buf = append(e.buf, s...) }

func (e *ldWriter) str(s string) { e.buf = jsonstr.Append(e.buf, s) }

// member writes `,\n<indent>"key": ` (without the comma for the first).
func (e *ldWriter) member(indent string, first bool, key string) {
	if !first {
		e.buf = append(e.buf, ',')
	}
	e.buf = append(e.buf, '\n')
	e.buf = append(e.buf, indent...)
	e.buf = append(e.buf, '"')
	e.buf = append(e.buf, key...)
	e.buf = append(e.buf, "\": "...)
}

// ldContext is the @context of every document: the W3C context and this
// package's terms.
const ldContext = `[
    "` + AnnoContext + `",
    {
      "maisky": "` + Namespace + `",
      "visibility": "maisky:visibility",
      "group": "maisky:group",
      "moderation": "maisky:moderation",
      "revision": "maisky:revision",
      "orphaned": "maisky:orphaned",
      "document": {"@id": "maisky:document", "@type": "@id"},
      "version": "maisky:version",
      "printPages": "maisky:printPages"
    }
  ]`

func (e *ldWriter) collectionStart() {
	e.raw("{\n  \"@context\": " + ldContext)
	e.member("  ", false, "id")
	e.str(e.id)
	e.member("  ", false, "type")
	e.raw(`"AnnotationCollection"`)
	if e.opts.Label != "" {
		e.member("  ", false, "label")
		e.str(e.opts.Label)
	}
}

func (e *ldWriter) pageStart(n int) {
	e.member("  ", false, "first")
	e.raw("{")
	e.member("    ", true, "id")
	e.str(e.id + "#page-" + strconv.Itoa(n))
	e.member("    ", false, "type")
	e.raw(`"AnnotationPage"`)
	e.member("    ", false, "partOf")
	e.raw(`{"id": `)
	e.str(e.id)
	e.raw("}")
	e.member("    ", false, "startIndex")
	e.raw("0")
	e.member("    ", false, "items")
	e.raw("[")
}

func (e *ldWriter) pageEnd() { e.raw("\n    ]\n  }") }

func (e *ldWriter) item(i int, a *Annotation) {
	if i > 0 {
		e.buf = append(e.buf, ',')
	}
	e.raw("\n      ")
	e.annotation("      ", a)
	if len(e.buf) >= 48<<10 {
		e.flush()
	}
}

// annotation writes one annotation object at the given indentation.
func (e *ldWriter) annotation(ind string, a *Annotation) {
	in := ind + "  "
	e.raw("{")
	if a.ID != "" {
		e.member(in, true, "id")
		e.str(a.ID)
		e.member(in, false, "type")
	} else {
		e.member(in, true, "type")
	}
	e.raw(`"Annotation"`)
	e.member(in, false, "motivation")
	e.str(a.Motivation.String())
	if !a.Created.IsZero() {
		e.member(in, false, "created")
		e.time(a.Created)
	}
	if !a.Modified.IsZero() {
		e.member(in, false, "modified")
		e.time(a.Modified)
	}
	if a.Creator != "" {
		e.member(in, false, "creator")
		e.raw(`{"id": `)
		e.str(e.userIRI(a.Creator))
		e.raw(`, "type": "Person", "nickname": `)
		e.str(a.Creator)
		e.raw("}")
	}
	e.body(in, a)
	e.member(in, false, "target")
	if a.ReplyTo != "" {
		e.str(a.ReplyTo)
		e.member(in, false, "document")
		e.str(e.docIRI(a.Document))
		e.member(in, false, "version")
		e.str(versionName(a.Version))
	} else if a.Target.IsZero() {
		// The whole document: its IRI, the version beside it.
		e.str(e.docIRI(a.Document))
		e.member(in, false, "version")
		e.str(versionName(a.Version))
	} else {
		e.target(in, a)
	}
	e.member(in, false, "visibility")
	e.str(a.Visibility.String())
	if a.Group != "" {
		e.member(in, false, "group")
		e.str(a.Group)
	}
	e.member(in, false, "moderation")
	e.str(a.Moderation.String())
	if a.Revision != 0 {
		e.member(in, false, "revision")
		e.buf = strconv.AppendInt(e.buf, a.Revision, 10)
	}
	if a.Target.Orphaned {
		e.member(in, false, "orphaned")
		e.raw("true")
	}
	e.raw("\n")
	e.raw(ind)
	e.raw("}")
}

func (e *ldWriter) body(in string, a *Annotation) {
	e.member(in, false, "body")
	e.raw("[")
	bi := in + "  "
	first := true
	if a.Body != "" || len(a.Tags) == 0 {
		// A highlight without a note still has its (empty) note, so that
		// every annotation has a body.
		e.raw("\n")
		e.raw(bi)
		e.raw(`{"type": "TextualBody", "value": `)
		e.str(a.Body)
		e.raw(`, "format": "text/markdown"}`)
		first = false
	}
	for _, t := range a.Tags {
		if !first {
			e.raw(",")
		}
		first = false
		e.raw("\n")
		e.raw(bi)
		e.raw(`{"type": "TextualBody", "purpose": "tagging", "value": `)
		e.str(t)
		e.raw("}")
	}
	e.raw("\n")
	e.raw(in)
	e.raw("]")
}

func (e *ldWriter) target(in string, a *Annotation) {
	t := a.Target
	ti := in + "  "
	e.raw("{")
	e.member(ti, true, "type")
	e.raw(`"SpecificResource"`)
	e.member(ti, false, "source")
	e.str(e.docIRI(a.Document))
	e.member(ti, false, "version")
	e.str(versionName(a.Version))
	if t.Quote.Exact != "" {
		si := ti + "  "
		e.member(ti, false, "selector")
		e.raw("[\n")
		e.raw(si)
		e.raw(`{"type": "TextQuoteSelector", "exact": `)
		e.str(t.Quote.Exact)
		e.raw(`, "prefix": `)
		e.str(t.Quote.Prefix)
		e.raw(`, "suffix": `)
		e.str(t.Quote.Suffix)
		e.raw("}")
		if !t.Orphaned {
			e.raw(",\n")
			e.raw(si)
			e.raw(`{"type": "TextPositionSelector", "start": `)
			e.buf = strconv.AppendInt(e.buf, int64(t.Start), 10)
			e.raw(`, "end": `)
			e.buf = strconv.AppendInt(e.buf, int64(t.End), 10)
			e.raw("}")
		}
		e.raw("\n")
		e.raw(ti)
		e.raw("]")
	}
	if t.Pages != (maisky.PageRange{}) {
		e.member(ti, false, "printPages")
		e.str(t.Pages.String())
	}
	e.raw("\n")
	e.raw(in)
	e.raw("}")
}

func versionName(k maisky.VersionKind) string {
	if k == maisky.Transcription {
		return "transcription"
	}
	return "translation"
}

// trimBase returns s without the prefix base, unescaped; s itself when it
// does not start with base.
func trimBase(s, base string) string {
	rest, ok := strings.CutPrefix(s, base)
	if !ok {
		return s
	}
	if u, err := url.PathUnescape(rest); err == nil {
		return u
	}
	return rest
}
