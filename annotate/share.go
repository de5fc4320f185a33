package annotate

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
	"golang.org/x/text/unicode/norm"
)

// ErrLink reports a share link that is not one this package reads.
var ErrLink = errors.New("annotate: malformed share link")

// LinkError reports a malformed share link: the byte offset in the link
// where the problem is, and what is wrong. It unwraps to ErrLink.
type LinkError struct {
	Offset int
	Msg    string
}

// Error returns "annotate: share link, byte OFFSET: MSG".
func (e *LinkError) Error() string {
	return "annotate: share link, byte " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// Unwrap returns ErrLink.
func (e *LinkError) Unwrap() error { return ErrLink }

// MaxLinkLen is the longest share link Parse reads, in bytes.
const MaxLinkLen = 16 << 10

// Link is what a share link points at: a document (its translation unless
// Version says otherwise), one print page of it, or one passage of it.
//
// A passage is a W3C TextQuoteSelector (Quote: the exact text with some
// context before and after), written in the link's fragment in the IRI
// form of the W3C note "Selectors and States" (section 4.2):
//
//	BASE/maisky-1934-12-31#selector(type=TextQuoteSelector,exact=Litvinov,prefix=a%20talk%20with%20,suffix=%20about)
//
// A page is the fragment "page=N" (as in PDF's open parameters). A version
// given explicitly is the query "?version=transcription" or
// "?version=translation" (none: the translation).
type Link struct {
	// Document is the document's id.
	Document string
	// Version is the version linked to; 0 and Translation are the
	// translation.
	Version maisky.VersionKind
	// Page is a print page, or 0.
	Page int
	// Quote is the passage (Exact non-empty), or zero. A link has a Page
	// or a passage, not both.
	Quote Quote
}

// PassageLink returns the link to the passage of a target (its quote),
// made by Text.Select or stored with an annotation.
func PassageLink(document string, version maisky.VersionKind, t Target) Link {
	return Link{Document: document, Version: version, Quote: t.Quote}
}

// LinkFormat writes and reads share links under a base IRI. The zero value
// writes links relative to the documents' base ("maisky-1934-12-31#…") in
// the URI form (everything outside the unreserved characters
// percent-encoded as UTF-8).
type LinkFormat struct {
	// Base is put before the document's id, e.g.
	// "https://archive.example/documents/".
	Base string
	// IRI keeps non-ASCII characters as they are instead of
	// percent-encoding them: a shorter, readable IRI (RFC 3987) for
	// places that take IRIs.
	IRI bool
}

// Format returns the link's text. A link without a document, with a
// negative page, with both a page and a passage, or with a version that
// is not one, is an *InputError.
func (f LinkFormat) Format(l Link) (string, error) {
	if err := l.check(); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(f.Base)
	b.WriteString(f.escape(l.Document))
	switch l.Version {
	case maisky.Transcription:
		b.WriteString("?version=transcription")
	case maisky.Translation:
		b.WriteString("?version=translation")
	}
	switch {
	case l.Page > 0:
		b.WriteString("#page=")
		b.WriteString(strconv.Itoa(l.Page))
	case l.Quote.Exact != "":
		b.WriteString("#selector(type=TextQuoteSelector,exact=")
		b.WriteString(f.escape(l.Quote.Exact))
		if l.Quote.Prefix != "" {
			b.WriteString(",prefix=")
			b.WriteString(f.escape(l.Quote.Prefix))
		}
		if l.Quote.Suffix != "" {
			b.WriteString(",suffix=")
			b.WriteString(f.escape(l.Quote.Suffix))
		}
		b.WriteByte(')')
	}
	return b.String(), nil
}

func (l Link) check() error {
	if err := checkField("document", l.Document, true); err != nil {
		return err
	}
	if l.Document == "." || l.Document == ".." {
		return &InputError{Field: "document", Msg: "not a document id"}
	}
	if l.Version != 0 && l.Version != maisky.Translation && l.Version != maisky.Transcription {
		return &InputError{Field: "version", Msg: "not a version: " + l.Version.String()}
	}
	if l.Page < 0 {
		return &InputError{Field: "page", Msg: "a print page is a positive number"}
	}
	if l.Page > 0 && (l.Quote != Quote{}) {
		return &InputError{Field: "page", Msg: "a link is to a page or to a passage, not both"}
	}
	if l.Quote.Exact == "" && (l.Quote.Prefix != "" || l.Quote.Suffix != "") {
		return &InputError{Field: "quote.exact", Msg: "a passage with context needs its exact text"}
	}
	if !utf8.ValidString(l.Quote.Exact) || !utf8.ValidString(l.Quote.Prefix) || !utf8.ValidString(l.Quote.Suffix) {
		return &InputError{Field: "quote", Msg: "not UTF-8"}
	}
	return nil
}

// escape percent-encodes s for a path segment or a selector's value: every byte outside the unreserved characters (and, with IRI,
// outside non-ASCII letters) becomes %XX. The selector syntax's own
// characters "(", ")", ",", "=" are always encoded.
func (f LinkFormat) escape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf && unreserved(byte(r)):
			b.WriteByte(byte(r))
		case f.IRI && r >= 0xA0 && r != utf8.RuneError && iriChar(r):
			b.WriteRune(r)
		default:
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				_, n = utf8.DecodeRuneInString(s[i:])
			}
			for j := range n {
				c := s[i+j]
				b.WriteByte('%')
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
		}
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// iriChar reports whether r is a ucschar of RFC 3987 that is not a
// format or separator character we would rather encode.
func iriChar(r rune) bool {
	switch {
	case r >= 0xA0 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFEF:
	case r >= 0x10000 && r <= 0xEFFFD && r&0xFFFE != 0xFFFE:
	default:
		return false
	}
	// Spaces and invisible formatting characters stay encoded so that a
	// link reads unambiguously.
	switch r {
	case 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return false
	}
	return !(r >= 0x2000 && r <= 0x200F) && !(r >= 0x202A && r <= 0x202E) && !(r >= 0x2060 && r <= 0x206F)
}

// Parse reads a share link that Format wrote under f.Base (or one in the
// same form: keys in any order, IRI or URI form, a TextPositionSelector
// is not accepted). Selector values are percent-decoded, must be UTF-8 and
// are normalized to NFC. Anything else is a *LinkError with the offset of
// the problem.
func (f LinkFormat) Parse(s string) (Link, error) {
	var l Link
	if len(s) > MaxLinkLen {
		return l, &LinkError{Offset: MaxLinkLen, Msg: "longer than " + strconv.Itoa(MaxLinkLen) + " bytes"}
	}
	rest, ok := strings.CutPrefix(s, f.Base)
	if !ok {
		return l, &LinkError{Offset: 0, Msg: "not under the archive's base " + excerpt(f.Base)}
	}
	off := len(f.Base)
	frag := ""
	fragAt := -1
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest, frag, fragAt = rest[:i], rest[i+1:], off+i+1
	}
	path, query, hasQuery := strings.Cut(rest, "?")
	doc, err := unescape(path, off)
	if err != nil {
		return l, err
	}
	if doc == "" || doc == "." || doc == ".." {
		return l, &LinkError{Offset: off, Msg: "no document id"}
	}
	if strings.ContainsAny(doc, "/") {
		return l, &LinkError{Offset: off + strings.IndexByte(path, '/'), Msg: "a document id is one path segment"}
	}
	if err := checkField("document", doc, true); err != nil {
		return l, &LinkError{Offset: off, Msg: "document id: " + err.(*InputError).Msg}
	}
	l.Document = doc
	if hasQuery {
		qAt := off + len(path) + 1
		switch query {
		case "version=transcription":
			l.Version = maisky.Transcription
		case "version=translation":
			l.Version = maisky.Translation
		default:
			return l, &LinkError{Offset: qAt, Msg: "the only query is version=translation or version=transcription"}
		}
	}
	switch {
	case fragAt < 0:
	case strings.HasPrefix(frag, "page="):
		n := frag[len("page="):]
		p, err := strconv.Atoi(n)
		if err != nil || p <= 0 || strconv.Itoa(p) != n {
			return l, &LinkError{Offset: fragAt + len("page="), Msg: "a page is a positive number without leading zeros"}
		}
		l.Page = p
	case strings.HasPrefix(frag, "selector("):
		q, err := parseSelector(frag, fragAt)
		if err != nil {
			return l, err
		}
		l.Quote = q
	default:
		return l, &LinkError{Offset: fragAt, Msg: "the fragment is page=N or selector(type=TextQuoteSelector,…)"}
	}
	return l, nil
}

// parseSelector reads "selector(type=TextQuoteSelector,exact=…,prefix=…,
// suffix=…)" that starts at offset at of the link.
func parseSelector(frag string, at int) (Quote, error) {
	var q Quote
	body, ok := strings.CutPrefix(frag, "selector(")
	if !ok || !strings.HasSuffix(body, ")") {
		return q, &LinkError{Offset: at + len(frag), Msg: "a selector ends with \")\""}
	}
	body = body[:len(body)-1]
	pos := at + len("selector(")
	seen := map[string]bool{}
	typ := ""
	for _, part := range strings.Split(body, ",") {
		key, val, ok := strings.Cut(part, "=")
		if !ok || key == "" {
			return q, &LinkError{Offset: pos, Msg: "a selector is key=value pairs separated by commas"}
		}
		if strings.ContainsAny(val, "()") {
			return q, &LinkError{Offset: pos + len(key) + 1 + strings.IndexAny(val, "()"), Msg: "nested selectors (refinedBy) are not supported; \"(\" and \")\" in a value are percent-encoded"}
		}
		if seen[key] {
			return q, &LinkError{Offset: pos, Msg: "key " + excerpt(key) + " twice"}
		}
		seen[key] = true
		v, err := unescape(val, pos+len(key)+1)
		if err != nil {
			return q, err
		}
		v = norm.NFC.String(v)
		switch key {
		case "type":
			typ = v
			if v != "TextQuoteSelector" {
				return q, &LinkError{Offset: pos + len(key) + 1, Msg: "the selector type is TextQuoteSelector, not " + excerpt(v)}
			}
		case "exact":
			q.Exact = v
		case "prefix":
			q.Prefix = v
		case "suffix":
			q.Suffix = v
		default:
			return q, &LinkError{Offset: pos, Msg: "unknown key " + excerpt(key) + "; a TextQuoteSelector has type, exact, prefix, suffix"}
		}
		pos += len(part) + 1
	}
	if typ == "" {
		return q, &LinkError{Offset: at, Msg: "a selector names its type"}
	}
	if q.Exact == "" {
		return q, &LinkError{Offset: at, Msg: "a TextQuoteSelector needs a non-empty exact"}
	}
	if len(q.Exact) > MaxText || len(q.Prefix) > MaxField || len(q.Suffix) > MaxField {
		return q, &LinkError{Offset: at, Msg: "a quote or its context is too long"}
	}
	return q, nil
}

// unescape percent-decodes s (found at offset at), which must then be
// UTF-8 without control characters other than tab, CR and LF (a passage's
// context runs across paragraphs).
func unescape(s string, at int) (string, error) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !ishex(s[i+1]) || !ishex(s[i+2]) {
				return "", &LinkError{Offset: at + i, Msg: "\"%\" is followed by two hex digits"}
			}
			i += 2
			continue
		}
		if c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			return "", &LinkError{Offset: at + i, Msg: "a character a link has to percent-encode"}
		}
	}
	v, err := url.PathUnescape(s)
	if err != nil {
		return "", &LinkError{Offset: at, Msg: "bad percent-encoding"}
	}
	if !utf8.ValidString(v) {
		return "", &LinkError{Offset: at, Msg: "not UTF-8 once decoded"}
	}
	for _, r := range v {
		if (r < 0x20 && r != '\n' && r != '\t' && r != '\r') || r == 0x7f {
			return "", &LinkError{Offset: at, Msg: "control characters are not allowed"}
		}
	}
	return v, nil
}

func ishex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// Resolved is where a share link leads in a document's text.
type Resolved struct {
	// Match is where the passage was found: Exact when the quote is
	// there as it is (a link has no position it could have moved from),
	// Fuzzy when the text changed a little, Orphan when the passage is
	// gone. A link to a document or a page is Exact at 0–0.
	Match Match
	// Target is the passage as a fresh selection (Text.Select), or for an
	// orphan the link's quote with Orphaned set and no position.
	Target Target
	// Pages is the print pages the passage lies on, or the linked page.
	Pages maisky.PageRange
}

// Orphaned reports whether the link's passage is gone from the text.
func (r Resolved) Orphaned() bool { return r.Match.Status == Orphan }

// Resolve finds what l points at in t, the plain text of the linked
// version (see DocumentText). A passage is anchored with the annotations'
// anchoring (Text.AnchorNear), so a link survives edits to the text as an
// annotation does; a passage that is gone is an orphan, never a
// lookalike. A page that t does not have is a *LinkError.
func (l Link) Resolve(t *Text) (Resolved, error) {
	if l.Page > 0 {
		if t.plain != nil {
			if r := t.Pages(0, t.Len()); !r.Contains(l.Page) {
				return Resolved{}, &LinkError{Msg: "the document has no print page " + strconv.Itoa(l.Page) + " (it has " + r.String() + ")"}
			}
		}
		return Resolved{Match: Match{Status: Exact, Score: 1}, Pages: maisky.PageRange{First: l.Page, Last: l.Page}}, nil
	}
	if l.Quote.Exact == "" {
		return Resolved{Match: Match{Status: Exact, Score: 1}}, nil
	}
	tg := Target{Quote: l.Quote, Orphaned: true}
	m := t.AnchorNear(tg, 0)
	if m.Status == Moved {
		m.Status = Exact
	}
	nt := t.Retarget(tg, m)
	if m.Status == Orphan {
		nt = Target{Quote: l.Quote, Orphaned: true}
	}
	return Resolved{Match: m, Target: nt, Pages: nt.Pages}, nil
}
