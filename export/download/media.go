package download

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/maisky-lib/maisky/maisky"
)

// Format is an output the handler serves: a citation rendering or an export
// format. Each has a media type, a file extension and a file name.
type Format int

// The formats. The zero Format is none.
const (
	// CitationText is a formatted citation as plain text.
	CitationText Format = iota + 1
	// CitationHTML is a formatted citation as an HTML fragment.
	CitationHTML
	// CitationMarkdown is a formatted citation as Markdown.
	CitationMarkdown
	// CSLJSON is a CSL-JSON array of items.
	CSLJSON
	// RIS is a file of RIS records.
	RIS
	// TEI is a TEI P5 document.
	TEI
	// PDF is a print extract.
	PDF
	// Annotations is the W3C Web Annotation JSON-LD of a reader's
	// annotations.
	Annotations
	// AnnotationsMarkdown is a reader's annotations as Markdown.
	AnnotationsMarkdown
)

// Media types of the formats, with the parameters the handler sends.
const (
	MediaText             = "text/plain; charset=utf-8"
	MediaHTML             = "text/html; charset=utf-8"
	MediaMarkdown         = "text/markdown; charset=utf-8"
	MediaCSLJSON          = "application/vnd.citationstyles.csl+json"
	MediaRIS              = "application/x-research-info-systems; charset=utf-8"
	MediaTEI              = "application/tei+xml; charset=utf-8"
	MediaPDF              = "application/pdf"
	MediaAnnotations      = `application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"`
	MediaProblem          = "application/problem+json"
	MediaAnnotationsMDown = MediaMarkdown
)

// info returns the name, media type and extension of f; ok is false for
// an unknown Format.
func (f Format) info() (name, media, ext string, ok bool) {
	switch f {
	case CitationText:
		return "text", MediaText, ".txt", true
	case CitationHTML:
		return "html", MediaHTML, ".html", true
	case CitationMarkdown:
		return "markdown", MediaMarkdown, ".md", true
	case CSLJSON:
		return "csl-json", MediaCSLJSON, ".json", true
	case RIS:
		return "ris", MediaRIS, ".ris", true
	case TEI:
		return "tei", MediaTEI, ".xml", true
	case PDF:
		return "pdf", MediaPDF, ".pdf", true
	case Annotations:
		return "annotations", MediaAnnotations, ".jsonld", true
	case AnnotationsMarkdown:
		return "annotations-markdown", MediaAnnotationsMDown, ".md", true
	}
	return "", "", "", false
}

// MediaType returns the media type the handler sends for f, with its
// charset where one applies ("application/tei+xml; charset=utf-8"); "" for
// an unknown Format.
func (f Format) MediaType() string {
	_, media, _, _ := f.info()
	return media
}

// Extension returns the file extension of f with its dot (".ris"); "" for
// an unknown Format.
func (f Format) Extension() string {
	_, _, ext, _ := f.info()
	return ext
}

// String returns the format's name ("csl-json", "tei").
func (f Format) String() string {
	name, _, _, ok := f.info()
	if !ok {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return name
}

// maxNameRunes bounds the length of a file name before its extension.
const maxNameRunes = 120

// FileName returns the file name a download of doc in format f is saved
// under: the document's title as the archive shows it, its year when the
// title does not give it, the pages of a print extract (pages is the zero
// PageRange otherwise), and the extension: "31 December 1934.ris",
// "31 December 1934, pp. 59-68.pdf". It may hold any Unicode letters
// ("31 декабря 1934.pdf"); ContentDisposition gives it an ASCII fallback.
// Characters that file systems refuse (/ \ : * ? " < > | and controls) become
// spaces; a document without a usable title is named by its ID.
func FileName(doc *maisky.Document, f Format, pages maisky.PageRange) string {
	base := cleanName(doc.Title)
	if y := doc.Date.Year; y > 0 && base != "" && !strings.Contains(base, strconv.Itoa(y)) {
		base += " " + strconv.Itoa(y)
	}
	if base == "" {
		base = cleanName(doc.ID)
	}
	if base == "" {
		base = "document"
	}
	if pages.First > 0 {
		if pages.Last > pages.First {
			base += ", pp. " + strconv.Itoa(pages.First) + "-" + strconv.Itoa(pages.Last)
		} else {
			base += ", p. " + strconv.Itoa(pages.First)
		}
	}
	return base + f.Extension()
}

// cleanName makes s safe as a file name: NFC, no control or reserved
// characters, single spaces, no leading or trailing dots and spaces, at most
// maxNameRunes runes.
func cleanName(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsSpace(r) ||
			unicode.Is(unicode.Cf, r) {
			space = b.Len() > 0
			continue
		}
		if n >= maxNameRunes {
			break
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	return strings.Trim(b.String(), ". ")
}

// ContentDisposition returns a Content-Disposition header value (RFC 6266)
// for a download saved as name: "attachment" (or "inline" when inline is
// true), a quoted ASCII filename every client reads, and, when name is not
// plain ASCII, an RFC 8187 filename* with the name in UTF-8, which current
// browsers prefer:
//
//	attachment; filename="31 dekabrya 1934.pdf"; filename*=UTF-8''31%20%D0%B4%D0%B5%D0%BA%D0%B0%D0%B1%D1%80%D1%8F%201934.pdf
//
// The fallback transliterates Cyrillic, drops accents and replaces what is
// left outside printable ASCII (and % and quotes) by "_".
func ContentDisposition(name string, inline bool) string {
	kind := "attachment"
	if inline {
		kind = "inline"
	}
	name = cleanName(name)
	if name == "" {
		name = "download"
	}
	fallback := asciiFallback(name)
	var b strings.Builder
	b.Grow(len(kind) + 2*len(name) + 40)
	b.WriteString(kind)
	b.WriteString(`; filename="`)
	b.WriteString(fallback)
	b.WriteByte('"')
	if fallback != name {
		b.WriteString("; filename*=UTF-8''")
		for i := 0; i < len(name); i++ {
			c := name[i]
			if isAttrChar(c) {
				b.WriteByte(c)
				continue
			}
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

// isAttrChar reports whether c is an attr-char of RFC 8187, which goes into
// an ext-value unencoded.
func isAttrChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}

// romanize gives a BGN/PCGN-style romanization of a lower-case Russian
// (or Ukrainian, Belarusian) letter, for file name fallbacks only.
func romanize(r rune) (string, bool) {
	const letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
	roman := [...]string{"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
		"f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "u"}
	i := 0
	for _, l := range letters {
		if l == r {
			return roman[i], true
		}
		i++
	}
	return "", false
}

// asciiFallback returns printable ASCII for name: Cyrillic romanized, Latin
// letters without their accents, typographic dashes and quotes as their
// ASCII forms, anything else "_". It never holds '"', '\\' or '%'.
func asciiFallback(name string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(name) {
		lower := unicode.ToLower(r)
		if s, ok := romanize(lower); ok {
			if lower != r && s != "" {
				s = strings.ToUpper(s[:1]) + s[1:]
			}
			b.WriteString(s)
			continue
		}
		switch r {
		case '"', '\\', '%':
			b.WriteByte('_')
			continue
		case '–', '—', '‐', '‑', '−':
			b.WriteByte('-')
			continue
		case '‘', '’', '‚', '′', '«', '»', '“', '”', '„':
			b.WriteByte('\'')
			continue
		}
		if r >= 0x20 && r < 0x7f {
			b.WriteRune(r)
			continue
		}
		// A Latin letter with accents keeps its base letter.
		base := false
		for _, d := range norm.NFD.String(string(r)) {
			if d >= 0x20 && d < 0x7f && d != '"' && d != '\\' && d != '%' {
				b.WriteRune(d)
				base = true
			}
		}
		if !base {
			b.WriteByte('_')
		}
	}
	out := strings.TrimSpace(b.String())
	ext := extOf(name)
	if strings.Trim(strings.TrimSuffix(out, ext), "_. ") == "" {
		return "download" + ext
	}
	return out
}

// extOf returns name's extension when it is plain ASCII.
func extOf(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	for _, c := range []byte(name[i:]) {
		if c >= 0x80 || c == '"' || c == '\\' || c == '%' {
			return ""
		}
	}
	return name[i:]
}
