package pdf

import (
	"errors"
	"strconv"
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
