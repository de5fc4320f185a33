package download

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

// requestError is a refusal of a request, answered with its status and a
// fixed message.
type requestError struct {
	status              int
	code, title, detail string
}

func (e *requestError) Error() string { return "download: " + e.code + ": " + e.detail }

func refuse(status int, code, title, detail string) error {
	return &requestError{status: status, code: code, title: title, detail: detail}
}

func badParam(name, detail string) error {
	return refuse(400, "parameter", "Bad parameter "+name, detail)
}

// citeParams are the parameters of a citation request.
type citeParams struct {
	style      cite.Style
	mode       cite.Mode
	locator    cite.Locator
	form       cite.Form
	format     Format
	negotiated bool // the format came from Accept
}

// single returns the one value of a parameter; a repeated parameter is
// refused.
func single(q url.Values, name string) (string, error) {
	vs := q[name]
	switch len(vs) {
	case 0:
		return "", nil
	case 1:
		if !utf8.ValidString(vs[0]) {
			return "", badParam(name, "The value of "+name+" is not valid UTF-8.")
		}
		return vs[0], nil
	default:
		return "", badParam(name, "Give "+name+" once.")
	}
}

func styleList() string {
	var ids []string
	for _, s := range cite.Styles() {
		ids = append(ids, string(s))
	}
	return strings.Join(ids, ", ")
}

// parseCiteQuery reads style, mode, locator, label, form and format of a
// citation request; without format, accept (the Accept header) chooses
// between plain text, HTML and Markdown. Unknown parameters are ignored.
func parseCiteQuery(q url.Values, accept string) (citeParams, error) {
	p := citeParams{style: cite.ChicagoNotes, mode: cite.Bibliography}
	v, err := single(q, "style")
	if err != nil {
		return p, err
	}
	if v != "" {
		if p.style, err = cite.ParseStyle(v); err != nil {
			return p, badParam("style", "Unknown style; the styles are "+styleList()+".")
		}
	}
	if v, err = single(q, "mode"); err != nil {
		return p, err
	}
	if v != "" {
		if p.mode, err = cite.ParseMode(v); err != nil {
			return p, badParam("mode", "The mode is bibliography, first or subsequent.")
		}
	}
	loc, err := single(q, "locator")
	if err != nil {
		return p, err
	}
	label, err := single(q, "label")
	if err != nil {
		return p, err
	}
	if label != "" {
		if _, err := cite.ParseLabel(label); err != nil {
			return p, badParam("label", "Unknown locator label; the labels are "+strings.Join(cite.LocatorLabels(), ", ")+".")
		}
	}
	loc = strings.TrimSpace(loc)
	if utf8.RuneCountInString(loc) > 64 || strings.IndexFunc(loc, unicode.IsControl) >= 0 {
		return p, badParam("locator", "The locator is a page or a short range such as 60 or 103-104.")
	}
	if loc != "" && p.mode == cite.Bibliography {
		return p, badParam("locator", "A locator goes with mode first or subsequent, not with a bibliography entry.")
	}
	if loc == "" && label != "" {
		return p, badParam("label", "A label needs a locator.")
	}
	p.locator = cite.Locator{Label: label, Value: loc}
	if v, err = single(q, "form"); err != nil {
		return p, err
	}
	if p.form, err = parseForm(v); err != nil {
		return p, err
	}
	if v, err = single(q, "format"); err != nil {
		return p, err
	}
	switch v {
	case "text", "txt", "plain":
		p.format = CitationText
	case "html":
		p.format = CitationHTML
	case "markdown", "md":
		p.format = CitationMarkdown
	case "":
		p.negotiated = true
		switch negotiate(accept, "text/plain", "text/html", "text/markdown") {
		case 0:
			p.format = CitationText
		case 1:
			p.format = CitationHTML
		case 2:
			p.format = CitationMarkdown
		default:
			return p, refuse(406, "not-acceptable", "Not acceptable", "A citation is text/plain, text/html or text/markdown.")
		}
	default:
		return p, badParam("format", "The format is text, html or markdown.")
	}
	return p, nil
}

func parseForm(v string) (cite.Form, error) {
	if v == "" {
		return cite.Print, nil
	}
	f, err := cite.ParseForm(v)
	if err != nil {
		return cite.Print, badParam("form", "The form is print or archive.")
	}
	return f, nil
}

// parseAnnotationQuery chooses JSON-LD or Markdown by format or Accept.
func parseAnnotationQuery(q url.Values, accept string) (Format, error) {
	v, err := single(q, "format")
	if err != nil {
		return 0, err
	}
	switch v {
	case "jsonld", "json-ld", "json":
		return Annotations, nil
	case "markdown", "md":
		return AnnotationsMarkdown, nil
	case "":
		switch negotiate(accept, "application/ld+json", "text/markdown", "application/json") {
		case 0, 2:
			return Annotations, nil
		case 1:
			return AnnotationsMarkdown, nil
		}
		return 0, refuse(406, "not-acceptable", "Not acceptable", "Annotations are application/ld+json or text/markdown.")
	}
	return 0, badParam("format", "The format is jsonld or markdown.")
}

// negotiate returns the index of the offer that accept (an Accept header)
// prefers: the highest q, the most specific match, then the first offer;
// -1 when the header refuses them all. An empty header accepts the first.
func negotiate(accept string, offers ...string) int {
	if strings.TrimSpace(accept) == "" {
		return 0
	}
	best, bestQ := -1, 0.0
	for i, offer := range offers {
		q, spec := -1.0, -1
		for _, rng := range strings.Split(accept, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(rng))
			if err != nil {
				continue
			}
			s := -1
			switch {
			case mt == offer:
				s = 2
			case mt == "*/*":
				s = 0
			case strings.HasSuffix(mt, "/*") && strings.HasPrefix(offer, mt[:len(mt)-1]):
				s = 1
			}
			if s < spec || s < 0 {
				continue
			}
			qv := 1.0
			if v, ok := params["q"]; ok {
				f, err := strconv.ParseFloat(v, 64)
				if err != nil || f < 0 || f > 1 {
					continue
				}
				qv = f
			}
			if s > spec {
				spec, q = s, qv
			}
		}
		if q > bestQ {
			best, bestQ = i, q
		}
	}
	return best
}

// printParams are the fields of a print form.
type printParams struct {
	pages  maisky.PageRange
	terms  bool
	name   string
	style  string
	paper  pdf.Paper
	hasPap bool
}

// maxNameLen bounds the reader's name in a print form (runes).
const maxNameLen = 200

// parsePrintBody reads a print form from its body (already bounded in
// size) of the given Content-Type: application/x-www-form-urlencoded or
// multipart/form-data (without files).
func parsePrintBody(contentType string, body []byte) (url.Values, error) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, refuse(415, "media-type", "Unsupported media type", "Send the print form as application/x-www-form-urlencoded or multipart/form-data.")
	}
	switch mt {
	case "application/x-www-form-urlencoded":
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
			return nil, refuse(415, "media-type", "Unsupported media type", "Send the print form in UTF-8.")
		}
		q, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, refuse(400, "form", "Malformed form", "The print form is not well formed.")
		}
		return q, nil
	case "multipart/form-data":
		boundary := params["boundary"]
		if boundary == "" {
			return nil, refuse(400, "form", "Malformed form", "The print form is not well formed.")
		}
		mr := multipart.NewReader(bytes.NewReader(body), boundary)
		// The body is small: every part stays in memory.
		form, err := mr.ReadForm(int64(len(body)) + 1<<10)
		if err != nil {
			return nil, refuse(400, "form", "Malformed form", "The print form is not well formed.")
		}
		defer form.RemoveAll()
		if len(form.File) > 0 {
			return nil, refuse(400, "form", "Malformed form", "The print form takes no files.")
		}
		return url.Values(form.Value), nil
	}
	return nil, refuse(415, "media-type", "Unsupported media type", "Send the print form as application/x-www-form-urlencoded or multipart/form-data.")
}

// parsePrintForm reads the fields of a print form: pages (or from and to),
// terms, name, style, paper. It checks their syntax only; the document
// decides whether the pages exist.
func parsePrintForm(q url.Values) (printParams, error) {
	var p printParams
	pages, err := single(q, "pages")
	if err != nil {
		return p, err
	}
	from, err := single(q, "from")
	if err != nil {
		return p, err
	}
	to, err := single(q, "to")
	if err != nil {
		return p, err
	}
	switch {
	case pages != "" && (from != "" || to != ""):
		return p, badParam("pages", "Give the pages either as pages or as from and to.")
	case pages == "" && from != "":
		if to == "" {
			to = from
		}
		pages = strings.TrimSpace(from) + "-" + strings.TrimSpace(to)
	case pages == "" && to != "":
		return p, badParam("pages", "Give the first page to print.")
	}
	if strings.TrimSpace(pages) == "" {
		return p, refuse(400, "page-range", "No pages", "Give the pages to print, such as 59–68.")
	}
	if len(pages) > 64 {
		return p, refuse(400, "page-range", "Malformed page range", "Give the pages as a range such as 59–68.")
	}
	r, err := maisky.ParsePageRange(pages)
	if err != nil {
		if errors.Is(err, maisky.ErrSyntax) {
			return p, refuse(400, "page-range", "Malformed page range", "Give the pages as a range such as 59–68.")
		}
		return p, refuse(400, "page-range", "Bad page range", "The first page must not come after the last.")
	}
	p.pages = r
	terms, err := single(q, "terms")
	if err != nil {
		return p, err
	}
	switch strings.ToLower(strings.TrimSpace(terms)) {
	case "on", "1", "true", "yes", "accept", "accepted", "agree":
		p.terms = true
	}
	if p.name, err = single(q, "name"); err != nil {
		return p, err
	}
	p.name = strings.Join(strings.Fields(p.name), " ")
	if utf8.RuneCountInString(p.name) > maxNameLen || strings.IndexFunc(p.name, func(r rune) bool {
		return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) && r != '\u200d'
	}) >= 0 {
		return p, badParam("name", fmt.Sprintf("Give your name in at most %d characters.", maxNameLen))
	}
	if p.style, err = single(q, "style"); err != nil {
		return p, err
	}
	if p.style != "" {
		if _, err := cite.ParseStyle(p.style); err != nil {
			return p, badParam("style", "Unknown style; the styles are "+styleList()+".")
		}
	}
	paper, err := single(q, "paper")
	if err != nil {
		return p, err
	}
	switch strings.ToLower(paper) {
	case "":
	case "a4":
		p.paper, p.hasPap = pdf.A4, true
	case "letter":
		p.paper, p.hasPap = pdf.Letter, true
	default:
		return p, badParam("paper", "The paper is a4 or letter.")
	}
	return p, nil
}
