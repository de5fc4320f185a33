package pdf

import (
	"errors"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// Sentinel errors. Every error that Write returns unwraps to one of them, or
// to maisky.ErrPageRange for a range outside the document, or is the error
// of the io.Writer.
var (
	// ErrTermsNotAccepted refuses a print whose request does not record who
	// accepted the archive's terms and conditions, and when.
	ErrTermsNotAccepted = errors.New("pdf: the terms and conditions governing print and download have not been accepted")
	// ErrPageLimit refuses a print of more pages than may be printed at a
	// time; the error is a *PageLimitError.
	ErrPageLimit = errors.New("pdf: too many pages for one print")
	// ErrNoDocument reports a nil document.
	ErrNoDocument = errors.New("pdf: no document")
	// ErrVolume reports an Options.Volume that is not the document's volume.
	ErrVolume = errors.New("pdf: wrong volume")
	// ErrStyle reports a citation style for the footer that cannot be used.
	ErrStyle = errors.New("pdf: citation style")
	// ErrUnprintableName refuses an acceptance whose name has characters
	// the print fonts cannot set (CJK, Arabic, emoji and other scripts
	// beyond Latin, Greek and Cyrillic); the error is a *NameError.
	ErrUnprintableName = errors.New("pdf: the name of who accepted the terms cannot be printed")
	// ErrTooLong refuses a print page that would take more than MaxSheets
	// PDF pages; the error is a *SheetLimitError.
	ErrTooLong = errors.New("pdf: a print page is too long to print")
	// ErrRender reports a failure of the PDF engine.
	ErrRender = errors.New("pdf: rendering failed")
)

// MaxPages is the most pages one print may hold. Options.MaxPages can lower
// the cap, never raise it.
const MaxPages = 10

// PageLimitError refuses a page range longer than the cap. It unwraps to
// ErrPageLimit.
type PageLimitError struct {
	// First and Last are the range asked for.
	First, Last int
	// Asked is the number of pages asked for (blank plates and a partial
	// first page count), Max the most that may be printed at a time.
	Asked, Max int
}

// Error says how many pages were asked for and how many are allowed:
// "pdf: pages 58–72 are 15 pages; at most 10 can be printed at a time".
func (e *PageLimitError) Error() string {
	b := make([]byte, 0, 80)
	b = append(b, "pdf: pages "...)
	b = strconv.AppendInt(b, int64(e.First), 10)
	b = append(b, "–"...)
	b = strconv.AppendInt(b, int64(e.Last), 10)
	b = append(b, " are "...)
	b = strconv.AppendInt(b, int64(e.Asked), 10)
	b = append(b, " pages; at most "...)
	b = strconv.AppendInt(b, int64(e.Max), 10)
	if e.Max == 1 {
		b = append(b, " page can"...)
	} else {
		b = append(b, " can"...)
	}
	b = append(b, " be printed at a time"...)
	return string(b)
}

// Unwrap returns ErrPageLimit.
func (e *PageLimitError) Unwrap() error { return ErrPageLimit }

// MaxSheets is the most PDF pages (sheets) one print page may take: a print
// page too long for one sheet continues on the next, up to this many. A
// longer one (a footnote of megabytes) is refused with a *SheetLimitError
// before anything is written.
const MaxSheets = 8

// SheetLimitError refuses a print page that needs more than Max sheets. It
// unwraps to ErrTooLong.
type SheetLimitError struct {
	// Page is the print page, Max the most sheets a print page may take.
	Page, Max int
}

// Error names the page and the cap: "pdf: print page 59 needs more than 8
// PDF pages; a print page may take at most 8".
func (e *SheetLimitError) Error() string {
	return "pdf: print page " + strconv.Itoa(e.Page) + " needs more than " + strconv.Itoa(e.Max) +
		" PDF pages; a print page may take at most " + strconv.Itoa(e.Max)
}

// Unwrap returns ErrTooLong.
func (e *SheetLimitError) Unwrap() error { return ErrTooLong }

// NameError refuses the name of who accepted the terms: it has a character
// the print fonts cannot set, or one of a right-to-left script, which the
// PDF engine cannot order. It unwraps to ErrUnprintableName.
type NameError struct {
	// Char is the first such character; Script names its script, or is
	// empty.
	Char   rune
	Script string
}

// Error names the character and its script: "pdf: the name of who
// accepted the terms cannot be printed: 中 (U+4E2D, Han) is not in the
// print fonts, which cover Latin, Greek and Cyrillic".
func (e *NameError) Error() string {
	b := make([]byte, 0, 160)
	b = append(b, ErrUnprintableName.Error()...)
	b = append(b, ": "...)
	b = utf8.AppendRune(b, e.Char)
	b = append(b, " ("...)
	b = append(b, fmt.Sprintf("%U", e.Char)...)
	if e.Script != "" {
		b = append(b, ", "...)
		b = append(b, e.Script...)
	}
	b = append(b, ") "...)
	if e.rtl() {
		b = append(b, "is in a right-to-left script, which the print engine cannot set"...)
	} else {
		b = append(b, "is not in the print fonts, which cover Latin, Greek and Cyrillic"...)
	}
	return string(b)
}

func (e *NameError) rtl() bool {
	p, _ := bidi.LookupRune(e.Char)
	c := p.Class()
	return c == bidi.R || c == bidi.AL
}

// Unwrap returns ErrUnprintableName.
func (e *NameError) Unwrap() error { return ErrUnprintableName }

// printableName checks that the fonts can set every visible character of a
// name, left to right.
func printableName(name string) error {
	fc := &fonts().faces[regular]
	for _, r := range norm.NFC.String(name) {
		if !unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) {
			continue // spaces, marks and invisible characters
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL || !fc.has(r) && !hasBase(fc, r) {
			return &NameError{Char: r, Script: scriptOf(r)}
		}
	}
	return nil
}

// hasBase reports whether the fonts have the base letter of r.
func hasBase(fc *face, r rune) bool {
	d := norm.NFD.String(string(r))
	base, _ := utf8.DecodeRuneInString(d)
	return base != r && fc.has(base)
}

// scriptOf names the script of r among the common ones.
func scriptOf(r rune) string {
	for _, name := range []string{"Han", "Hiragana", "Katakana", "Hangul", "Arabic", "Hebrew", "Thai", "Devanagari", "Bengali", "Tamil", "Georgian", "Armenian", "Ethiopic", "Syriac", "Thaana"} {
		if unicode.Is(unicode.Scripts[name], r) {
			return name
		}
	}
	if unicode.Is(unicode.So, r) {
		return "symbol or emoji"
	}
	return ""
}
