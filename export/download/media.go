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

var formatInfo = [...]struct {
	name, media, ext string
}{
	CitationText:        {"text", MediaText, ".txt"},
	CitationHTML:        {"html", MediaHTML, ".html"},
	CitationMarkdown:    {"markdown", MediaMarkdown, ".md"},
	CSLJSON:             {"csl-json", MediaCSLJSON, ".json"},
	RIS:                 {"ris", MediaRIS, ".ris"},
	TEI:                 {"tei", MediaTEI, ".xml"},
	PDF:                 {"pdf", MediaPDF, ".pdf"},
	Annotations:         {"annotations", MediaAnnotations, ".jsonld"},
	AnnotationsMarkdown: {"annotations-markdown", MediaAnnotationsMDown, ".md"},
}

func (f Format) valid() bool { return f > 0 && int(f) < len(formatInfo) }

// MediaType returns the media type the handler sends for f, with its
// charset where one applies ("application/tei+xml; charset=utf-8"); "" for
// an unknown Format.
func (f Format) MediaType() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].media
}

// Extension returns the file extension of f with its dot (".ris"); "" for
// an unknown Format.
func (f Format) Extension() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].ext
}

// String returns the format's name ("csl-json", "tei").
func (f Format) String() string {
	if !f.valid() {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatInfo[f].name
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

// cyrillic is a BGN/PCGN-style romanization of the Russian alphabet, for
// file name fallbacks only.
var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e",
	'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m",
	'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u",
	'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
}

// asciiFallback returns printable ASCII for name: Cyrillic romanized, Latin
// letters without their accents, typographic dashes and quotes as their
// ASCII forms, anything else "_". It never holds '"', '\\' or '%'.
func asciiFallback(name string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(name) {
		lower := unicode.ToLower(r)
		if s, ok := cyrillic[lower]; ok {
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
