package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
)

// Request is what the archive's print dialog sends: the pages and the
// reader's acceptance of the terms.
type Request struct {
	// Pages is the range of print pages, as the reader sees and cites them.
	// A blank plate and a partial first page count as pages.
	Pages maisky.PageRange
	// Acceptance records the reader ticking "I agree to all terms and
	// conditions governing print and/or download of material from this
	// archive". Without it nothing is printed.
	Acceptance Acceptance
}

// Acceptance records who accepted the archive's terms and conditions, when,
// and which version of them. Every page's footer prints it.
type Acceptance struct {
	// By names the reader who accepted; required.
	By string
	// At is when they accepted; required.
	At time.Time
	// TermsVersion identifies the terms accepted ("2024-05"); optional.
	TermsVersion string
}

// Accepted reports whether a names who accepted the terms, with at least
// one visible character (a letter, digit, punctuation mark or symbol: not
// only spaces, invisible format characters or combining marks), and when.
func (a Acceptance) Accepted() bool {
	return visible(a.By) && !a.At.IsZero()
}

// visible reports whether s has a character that prints as something.
func visible(s string) bool {
	for _, r := range s {
		if r != utf8.RuneError && unicode.In(r, unicode.L, unicode.N, unicode.P, unicode.S) {
			return true
		}
	}
	return false
}

// Paper is a paper size.
type Paper int

const (
	// A4 is 210 × 297 mm, the default.
	A4 Paper = iota
	// Letter is US Letter, 8.5 × 11 in.
	Letter
)

// String returns "A4" or "Letter".
func (p Paper) String() string {
	if p == Letter {
		return "Letter"
	}
	return "A4"
}

// DefaultStyle is the CSL style of the footer citation when Options.Style is
// empty: Chicago notes and bibliography, 18th edition, as a first note.
const DefaultStyle = "chicago-notes-bibliography"

// Options tune Write. The zero value prints A4 pages with a Chicago note in
// the footer, no volume in the running head, and the acceptance time as the
// creation date. No option allows a print without acceptance or of more
// than MaxPages pages.
type Options struct {
	// Volume is the document's volume: its title heads every page and the
	// citation names it. It must be the volume the document belongs to.
	Volume *maisky.Volume
	// Paper is the paper size; A4 by default.
	Paper Paper
	// MaxPages lowers the number of pages a print may hold. Zero, a
	// negative number or one above MaxPages means MaxPages.
	MaxPages int
	// Style is the CSL style id of the footer citation (see package cite);
	// empty means DefaultStyle.
	Style string
	// ArchiveName names the online archive in the footer citation of a
	// document printed without its volume (cite.Options.ArchiveName), as
	// the archive's document is cited ("Stalin Digital Archive"); empty
	// leaves it out.
	ArchiveName string
	// Created is the creation and modification date of the PDF; zero means
	// the time of acceptance. The clock is never read.
	Created time.Time
	// Creator names the application in the PDF's metadata; empty means
	// "maisky".
	Creator string
}

// pageCap returns the page cap in force.
func (o *Options) pageCap() int {
	if o.MaxPages <= 0 || o.MaxPages > MaxPages {
		return MaxPages
	}
	return o.MaxPages
}

// Write writes a print extract of doc: the print pages req.Pages of its
// translation, each starting a new PDF page, with a running head, the
// footnotes at the foot of the page of their anchors, and a footer that
// cites the document at that page and records who accepted the terms.
//
// It refuses, before writing anything, a request without acceptance
// (ErrTermsNotAccepted), one of more pages than the cap (a *PageLimitError
// unwrapping to ErrPageLimit) and a range outside the document (the model's
// *maisky.PageRangeError, unwrapping to maisky.ErrPageRange). The PDF is
// built in memory and written to w in one piece when it is complete, so a
// failure writes nothing. Write is safe for concurrent use.
func Write(w io.Writer, doc *maisky.Document, req Request, opts Options) error {
	pages, words, err := check(doc, req, &opts)
	if err != nil {
		return err
	}
	style := opts.Style
	if style == "" {
		style = DefaultStyle
	}
	cite, err := newCiter(doc, opts.Volume, style, opts.ArchiveName)
	if err != nil {
		return err
	}
	job := &job{
		words: words,
		fs:    fonts(),
		g:     newGeometry(opts.Paper),
		doc:   doc,
		req:   req,
		opts:  &opts,
		cite:  cite,
	}
	out, err := job.layout(pages)
	if err != nil {
		return err
	}
	return draw(w, job.fs, job.g, job.metadata(), out)
}

// check applies the refusals in the order a reader meets them: the terms
// (and a name that can be printed), the page cap, the document's pages and
// the length of each page. It returns the pages to print and an estimate of
// their number of words.
func check(doc *maisky.Document, req Request, opts *Options) ([]printPage, int, error) {
	if !req.Acceptance.Accepted() {
		what := "no one is named as accepting them"
		if visible(req.Acceptance.By) {
			what = "the time of acceptance is missing"
		} else if strings.TrimFunc(req.Acceptance.By, notPrintable) != "" {
			what = "the name has no visible character"
		}
		return nil, 0, fmt.Errorf("%w: %s", ErrTermsNotAccepted, what)
	}
	if err := printableName(req.Acceptance.By); err != nil {
		return nil, 0, err
	}
	r := req.Pages
	if limit := opts.pageCap(); r.First >= 1 && r.Last >= r.First && r.Len() > limit {
		return nil, 0, &PageLimitError{First: r.First, Last: r.Last, Asked: r.Len(), Max: limit}
	}
	if doc == nil {
		return nil, 0, ErrNoDocument
	}
	if err := doc.CheckRange(r); err != nil {
		return nil, 0, err
	}
	if v := opts.Volume; v != nil && doc.Volume != "" && v.ID != doc.Volume {
		return nil, 0, fmt.Errorf("%w: document %s belongs to volume %q, not %q", ErrVolume, doc.ID, doc.Volume, v.ID)
	}
	all := doc.Pages()
	var pages []printPage
	size := 0
	for i, p := range all {
		if r.Contains(p.Number) {
			n := pageBytes(p)
			if n > MaxSheets*sheetBytes {
				return nil, 0, &SheetLimitError{Page: p.Number, Max: MaxSheets}
			}
			size += n
			pages = append(pages, printPage{Page: p, runsOn: i+1 < len(all) && startsContinued(all[i+1])})
		}
	}
	return pages, size / 6, nil
}

func notPrintable(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }

// sheetBytes bounds the text one sheet can hold: a page of notes at their
// size holds about 7,000 characters. A print page with more than MaxSheets
// times this is refused before it is set.
const sheetBytes = 12_000

// pageBytes returns the size of the text of a print page and its notes.
func pageBytes(p maisky.Page) int {
	n := 0
	for _, b := range p.Blocks {
		n += inlineBytes(b.Inlines())
	}
	for _, f := range p.Footnotes {
		if f != nil {
			n += inlineBytes(f.Content)
		}
	}
	return n
}

func inlineBytes(content []maisky.Inline) int {
	n := 0
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			n += len(in.Value)
		case *maisky.Emphasis:
			n += inlineBytes(in.Content)
		case *maisky.NoteRef:
			n += 3
		}
	}
	return n
}

// printPage is a print page to print. runsOn reports that its last block
// goes on over the page break, as the book's last line is then full.
type printPage struct {
	maisky.Page
	runsOn bool
}

// startsContinued reports whether a page starts with the rest of a block
// begun on the page before.
func startsContinued(p maisky.Page) bool {
	if len(p.Blocks) == 0 {
		return false
	}
	switch b := p.Blocks[0].(type) {
	case *maisky.Paragraph:
		return b.Continued
	case *maisky.Commentary:
		return b.Continued
	}
	return false
}

// job is one print in progress.
type job struct {
	words int // estimated
	// the left part of the running head, set once for its width
	headRuns  []run
	headAvail float64
	fs        *fontSet
	g         geometry
	doc       *maisky.Document
	req       Request
	opts      *Options
	cite      citer
}

// layout sets the pages.
func (j *job) layout(pages []printPage) ([]outPage, error) {
	v := j.doc.PagedVersion() // the version whose pages are printed
	var lookup func(string) *maisky.Footnote
	if v != nil {
		byID := make(map[string]*maisky.Footnote, len(v.Footnotes))
		for _, f := range v.Footnotes {
			if f != nil {
				if _, dup := byID[f.ID]; !dup {
					byID[f.ID] = f
				}
			}
		}
		lookup = func(id string) *maisky.Footnote { return byID[id] }
	}
	measure := j.g.measure()
	acc := j.acceptanceLines()
	s := newSetter(j.fs, j.words/len(pages)+64)
	foot := newSetter(j.fs, 64)
	p := &paginator{s: s, g: j.g, head: j.head, maxSheets: MaxSheets,
		pages: make([]outPage, 0, len(pages)+2), runs: make([]run, 0, 96*len(pages)+j.words/8)}
	var (
		lines []line
		notes pageNotes
	)
	for _, pg := range pages {
		spans, err := j.cite(pg.Number)
		if err != nil {
			return nil, err
		}
		foot.reset()
		footer := foot.spansLines(spans, footSize, footLead, measure, maxFootLine)
		footer = append(footer, acc...)
		in := pageInput{page: pg.Page, footer: footer}
		if pg.Empty {
			p.blank(in)
			continue
		}
		s.reset()
		lines = j.setPage(s, pg, measure, lookup, lines[:0], &notes)
		p.print(in, lines, &notes)
		if p.tooLong != 0 {
			return nil, &SheetLimitError{Page: p.tooLong, Max: MaxSheets}
		}
	}
	return p.pages, nil
}

// setPage sets the blocks and notes of a print page into lines.
func (j *job) setPage(s *setter, pg printPage, measure float64, lookup func(string) *maisky.Footnote, lines []line, pn *pageNotes) []line {
	pn.notes, pn.from, pn.lines, pn.index = pn.notes[:0], pn.from[:0], pn.lines[:0], nil
	for _, f := range pg.Footnotes {
		if f != nil {
			pn.notes = append(pn.notes, f)
			pn.from = append(pn.from, len(pn.lines))
			pn.lines = s.noteLines(pn.lines, f, measure)
		}
	}
	pn.from = append(pn.from, len(pn.lines))
	var prev maisky.Block
	for _, b := range pg.Blocks {
		lines = s.blockLines(lines, b, prev, measure, lookup)
		prev = b
	}
	if n := len(lines); n > 0 && pg.runsOn {
		// The block goes on over the page break: its last line here is
		// justified, as in the book, unless that would stretch its
		// spaces visibly.
		if ln := &lines[n-1]; len(ln.words) > 1 && (ln.measure-ln.indent-ln.w)/float64(len(ln.words)-1) <= veryLooseGap {
			ln.last = false
		}
	}
	return lines
}

// head returns the running head of a page: the volume and the document's
// title on the left, the print page number on the right.
func (j *job) head(print int, cont bool) []placed {
	fs := j.fs
	num := strconv.Itoa(print)
	if cont {
		num += " (continued)"
	}
	numW := fs.faces[regular].width(num, headSize)
	avail := j.g.measure() - numW - 18
	if j.headRuns == nil || avail != j.headAvail {
		j.headRuns, j.headAvail = j.headTitle(avail), avail
	}
	runs := make([]run, len(j.headRuns), len(j.headRuns)+1)
	copy(runs, j.headRuns)
	runs = append(runs, run{x: j.g.measure() - numW, st: regular, size: headSize, text: num, w: numW})
	return []placed{{baseline: j.g.headBaseline, runs: runs}}
}

// headTitle sets the left part of the running head in avail points: the
// volume's title in italics and the document's title.
func (j *job) headTitle(avail float64) []run {
	fs := j.fs
	title := fs.clean(j.doc.Title)
	runs := make([]run, 0, 3)
	x := 0.0
	if v := j.opts.Volume; v != nil {
		vt := fit(&fs.faces[italic], fs.clean(v.FullTitle()), headSize, avail*0.6)
		w := fs.faces[italic].width(vt, headSize)
		runs = append(runs, run{x: 0, st: italic, size: headSize, text: vt, w: w})
		x = w
		if title != "" {
			sep := "  ·  "
			sw := fs.faces[regular].width(sep, headSize)
			runs = append(runs, run{x: x, st: regular, size: headSize, text: sep, w: sw})
			x += sw
		}
	}
	if title != "" {
		t := fit(&fs.faces[regular], title, headSize, avail-x)
		runs = append(runs, run{x: x, st: regular, size: headSize, text: t, w: fs.faces[regular].width(t, headSize)})
	}
	return runs
}

// acceptanceLines sets the footer's record of the acceptance: the name
// (shortened past maxName characters), the statement, the terms version
// and the date, which always fit in the footer.
func (j *job) acceptanceLines() []line {
	a := j.req.Acceptance
	var b strings.Builder
	b.WriteString("Printed for ")
	m := j.g.measure()
	b.WriteString(fit(&j.fs.faces[regular], shorten(j.fs.clean(strings.Join(strings.Fields(a.By), " ")), maxName), accSize, m/2))
	b.WriteString(", who accepted the terms and conditions governing print and download of material from this archive")
	if v := strings.TrimSpace(a.TermsVersion); v != "" {
		b.WriteString(" (terms version ")
		b.WriteString(fit(&j.fs.faces[regular], shorten(j.fs.clean(strings.Join(strings.Fields(v), " ")), maxTermsVersion), accSize, m/4))
		b.WriteString(")")
	}
	b.WriteString(" on ")
	b.WriteString(formatTime(a.At))
	b.WriteString(".")
	return newSetter(j.fs, 64).spansLines([]span{{text: b.String()}}, accSize, accLead, j.g.measure(), maxAccLines)
}

// The longest name and terms version printed, in characters (and at most
// half and a quarter of the line); longer ones are shortened with "…" so
// that the statement and its date always fit.
const (
	maxName         = 64
	maxTermsVersion = 40
)

// shorten cuts s after max characters, adding "…".
func shorten(s string, max int) string {
	n := 0
	for i := range s {
		if n == max {
			return strings.TrimRight(s[:i], " ") + "…"
		}
		n++
	}
	return s
}

// formatTime writes a time as "21 November 2026", with the time of day in
// UTC when it is not midnight.
func formatTime(t time.Time) string {
	t = t.UTC()
	s := strconv.Itoa(t.Day()) + " " + t.Month().String() + " " + strconv.Itoa(t.Year())
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		s += ", " + t.Format("15:04") + " UTC"
	}
	return s
}

// metadata returns the document information of the PDF.
func (j *job) metadata() metadata {
	d := j.doc
	r := j.req.Pages
	m := metadata{creator: "maisky", producer: "maisky export/pdf with go-pdf/fpdf"}
	if j.opts.Creator != "" {
		m.creator = j.opts.Creator
	}
	pages := "page " + r.String()
	if r.First != r.Last {
		pages = "pages " + r.String()
	}
	m.title = d.Title + ", " + pages
	if v := j.opts.Volume; v != nil {
		m.title = v.FullTitle() + ": " + m.title
	}
	names := make([]string, 0, len(d.Authors))
	for _, p := range d.Authors {
		if n := p.KnownAs().DisplayName(); n != "" {
			names = append(names, n)
		}
	}
	m.author = strings.Join(names, "; ")
	m.subject = "Print extract of " + pages + " of “" + d.Title + "”"
	if d.Description != "" {
		m.subject += ": " + d.Description
	}
	m.keywords = strings.Join(d.Keywords, "; ")
	m.created = j.opts.Created
	if m.created.IsZero() {
		m.created = j.req.Acceptance.At
	}
	if v := d.Translation(); v != nil {
		m.lang = v.Lang
	}
	return m
}
