package maisky

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Page is a print page of the edition as it appears in a version's text.
type Page struct {
	// Number is the page number as printed.
	Number int
	// Partial marks the page before the first page break: the text starts
	// part way down a page whose beginning belongs to the previous document.
	Partial bool
	// Empty marks a page without text, such as a plate.
	Empty bool
	// Start is where the page starts: the position of its PageBreak, or the
	// start of the text for a partial page.
	Start Pos
	// Blocks is the page's text: whole blocks, and pieces of the blocks that
	// a page break splits (without the PageBreak nodes). Unsplit blocks are
	// shared with the version.
	Blocks []Block
	// Footnotes are the notes anchored on this page, in order.
	Footnotes []*Footnote
}

// Pos is a position in a version's body: before the inline Inline of
// block Block. A position at the end of a block's content has Inline equal
// to its length.
type Pos struct {
	Block, Inline int
}

// PageRange is a range of print pages, First to Last inclusive, as the
// reader sees and cites them.
type PageRange struct {
	First, Last int
}

// Len returns the number of pages in the range; blank plates and partial
// pages count.
func (r PageRange) Len() int {
	if r.Last < r.First {
		return 0
	}
	return r.Last - r.First + 1
}

// Contains reports whether page n is in the range.
func (r PageRange) Contains(n int) bool { return n >= r.First && n <= r.Last }

// String returns "59–68" (with an en dash), or "59" for a single page.
func (r PageRange) String() string {
	if r.First == r.Last {
		return strconv.Itoa(r.First)
	}
	return strconv.Itoa(r.First) + "–" + strconv.Itoa(r.Last)
}

// ParsePageRange parses a page or a range of print pages: "59", "59-68",
// "59–68" (en dash), with optional spaces around the dash. Open ranges
// ("59–"), page 0, reversed ranges ("70-60") and anything else fail with a
// *PageRangeError.
func ParsePageRange(s string) (PageRange, error) {
	bad := func(msg string) (PageRange, error) {
		return PageRange{}, &PageRangeError{Input: s, Msg: msg, syntax: true}
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return bad("empty; want a page such as 59 or a range such as 59–68")
	}
	first, rest, err := leadingNumber(t)
	if err != "" {
		return bad(err)
	}
	r := PageRange{First: first, Last: first}
	rest = strings.TrimLeft(rest, " ")
	if rest != "" {
		c, size := utf8.DecodeRuneInString(rest)
		if c != '-' && c != '–' {
			return bad("want a page such as 59 or a range such as 59–68")
		}
		rest = strings.TrimLeft(rest[size:], " ")
		if rest == "" {
			return bad("open range; give the last page too, as in 59–68")
		}
		last, tail, err := leadingNumber(rest)
		if err != "" {
			return bad(err)
		}
		if tail != "" {
			return bad("unexpected text after the range")
		}
		r.Last = last
	}
	if r.First < 1 || r.Last < 1 {
		return PageRange{}, &PageRangeError{Input: s, Range: r, Msg: "pages are numbered from 1", syntax: true}
	}
	if r.Last < r.First {
		return PageRange{}, &PageRangeError{Input: s, Range: r, Msg: "the range is reversed; write the lower page first"}
	}
	return r, nil
}

func leadingNumber(s string) (int, string, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, s, "want a page number such as 59"
	}
	if i > 6 {
		return 0, s, "page number too large"
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:], ""
}

// pageBreaks returns the positions of the version's top-level page breaks.
func (v *Version) pageBreaks() []pageMark {
	var marks []pageMark
	for bi, b := range v.Blocks {
		for ii, in := range b.Inlines() {
			if pb, ok := in.(*PageBreak); ok {
				marks = append(marks, pageMark{pb.Page, Pos{bi, ii}})
			}
		}
	}
	return marks
}

type pageMark struct {
	page int
	pos  Pos
}

// hasTextBefore reports whether any content precedes the position p other
// than page breaks.
func (v *Version) hasTextBefore(p Pos) bool {
	for bi := 0; bi <= p.Block && bi < len(v.Blocks); bi++ {
		content := v.Blocks[bi].Inlines()
		end := len(content)
		if bi == p.Block {
			end = p.Inline
		}
		if textBeforeInBlock(content[:end]) {
			return true
		}
	}
	return false
}

// Span returns the version's page range, 58–72 for the 31 December entry;
// false if the text has neither a page break nor a StartPage.
func (v *Version) Span() (PageRange, bool) {
	marks := v.pageBreaks()
	switch {
	case len(marks) == 0 && v.StartPage > 0:
		return PageRange{v.StartPage, v.StartPage}, true
	case len(marks) == 0:
		return PageRange{}, false
	}
	r := PageRange{First: marks[0].page, Last: marks[len(marks)-1].page}
	if v.hasTextBefore(marks[0].pos) {
		r.First = v.partialNumber(marks[0].page)
	}
	return r, true
}

func (v *Version) partialNumber(firstBreak int) int {
	if v.StartPage > 0 {
		return v.StartPage
	}
	return firstBreak - 1
}

// Pages lists the version's print pages in order. Text before the first page
// break is a partial page numbered one less than that break (or StartPage);
// a page without text is Empty. A text with neither breaks nor StartPage has
// no pages.
func (v *Version) Pages() []Page {
	marks := v.pageBreaks()
	if len(marks) == 0 && v.StartPage == 0 {
		return nil
	}
	pages := make([]Page, 0, len(marks)+1)
	notes := &noteFinder{notes: v.Footnotes}
	end := Pos{len(v.Blocks), 0}
	if len(marks) == 0 || v.hasTextBefore(marks[0].pos) {
		to := end
		n := v.StartPage
		if len(marks) > 0 {
			to = marks[0].pos
			n = v.partialNumber(marks[0].page)
		}
		pages = append(pages, v.page(notes, n, true, Pos{}, Pos{}, to))
	}
	for i, m := range marks {
		to := end
		if i+1 < len(marks) {
			to = marks[i+1].pos
		}
		from := Pos{m.pos.Block, m.pos.Inline + 1}
		pages = append(pages, v.page(notes, m.page, false, m.pos, from, to))
	}
	return pages
}

func (v *Version) page(notes *noteFinder, n int, partial bool, start, from, to Pos) Page {
	p := Page{Number: n, Partial: partial, Start: start}
	p.Blocks = v.slice(from, to, false)
	empty := true
	for _, b := range p.Blocks {
		_ = Walk(b, func(n Node, entering bool) (WalkStatus, error) {
			if !entering {
				return WalkContinue, nil
			}
			switch n := n.(type) {
			case *Text:
				if strings.TrimSpace(n.Value) != "" {
					empty = false
				}
			case *NoteRef:
				empty = false
				if f := notes.find(n.ID); f != nil {
					p.Footnotes = append(p.Footnotes, f)
				}
			}
			return WalkContinue, nil
		})
	}
	p.Empty = empty
	return p
}

// slice returns the blocks between from and to. Blocks wholly inside are
// shared; split blocks are copied with the part of their content inside.
// keepBreaks keeps PageBreak nodes; otherwise they are dropped and pieces
// left empty are omitted.
func (v *Version) slice(from, to Pos, keepBreaks bool) []Block {
	var out []Block
	for bi := from.Block; bi < len(v.Blocks) && bi <= to.Block; bi++ {
		b := v.Blocks[bi]
		content := b.Inlines()
		lo, hi := 0, len(content)
		if bi == from.Block {
			lo = min(from.Inline, hi)
		}
		if bi == to.Block {
			hi = min(to.Inline, hi)
		}
		if hi <= lo && (len(content) > 0 || bi == to.Block) {
			continue
		}
		part := content[lo:hi]
		if !keepBreaks {
			part = dropBreaks(part)
			if len(part) == 0 {
				continue
			}
		}
		if lo == 0 && hi == len(content) && len(part) == len(content) {
			out = append(out, b)
			continue
		}
		continued := blockContinued(b) || textBeforeInBlock(content[:lo])
		out = append(out, withContent(b, part, continued))
	}
	return out
}

func blockContinued(b Block) bool {
	switch b := b.(type) {
	case *Paragraph:
		return b.Continued
	case *Commentary:
		return b.Continued
	}
	return false
}

func textBeforeInBlock(content []Inline) bool {
	for _, in := range content {
		if _, ok := in.(*PageBreak); !ok {
			return true
		}
	}
	return false
}

func dropBreaks(content []Inline) []Inline {
	n := 0
	for _, in := range content {
		if _, ok := in.(*PageBreak); !ok {
			n++
		}
	}
	if n == len(content) {
		return content
	}
	out := make([]Inline, 0, n)
	for _, in := range content {
		if _, ok := in.(*PageBreak); !ok {
			out = append(out, in)
		}
	}
	return out
}

// Pages lists the print pages of the document's translation (the version
// that carries the edition's paging).
func (d *Document) Pages() []Page {
	if v := d.PagedVersion(); v != nil {
		return v.Pages()
	}
	return nil
}

// PageSpan returns the document's print page range (of its translation):
// 58–72 for the 31 December entry; false if the document has no pages.
func (d *Document) PageSpan() (PageRange, bool) {
	if v := d.PagedVersion(); v != nil {
		return v.Span()
	}
	return PageRange{}, false
}

// CheckRange returns a *PageRangeError if r is not a range of pages of the
// document; the error says which pages exist.
func (d *Document) CheckRange(r PageRange) error {
	span, ok := d.PageSpan()
	if !ok {
		return &PageRangeError{Range: r, Msg: "the document has no print pages"}
	}
	if r.First < 1 || r.Last < r.First {
		return &PageRangeError{Range: r, Available: span, Msg: "not a range of pages"}
	}
	if r.First < span.First || r.Last > span.Last {
		msg := "page " + strconv.Itoa(r.First) + " is not in the document"
		if r.First >= span.First {
			msg = "page " + strconv.Itoa(r.Last) + " is not in the document"
		}
		return &PageRangeError{Range: r, Available: span, Msg: msg}
	}
	return nil
}

// Extract returns the document restricted to the print pages r: the
// versions that carry page breaks are cut at the breaks that start r.First
// and r.Last+1. A paragraph split by a break stays a well-formed paragraph
// (marked Continued when it began before the extract); only the footnotes
// anchored inside come along, with their numbers as printed in the book.
// Versions without pages (a transcription) are left out. The result shares
// unsplit nodes with d. A range outside the document fails with a
// *PageRangeError that unwraps to ErrPageRange.
func (d *Document) Extract(r PageRange) (*Document, error) {
	if err := d.CheckRange(r); err != nil {
		return nil, err
	}
	out := *d
	out.Versions = nil
	for _, v := range d.Versions {
		if v == nil {
			continue
		}
		if _, ok := v.Span(); !ok {
			continue
		}
		if ev := v.extract(r); ev != nil {
			out.Versions = append(out.Versions, ev)
		}
	}
	return &out, nil
}

func (v *Version) extract(r PageRange) *Version {
	span, _ := v.Span()
	if r.First > span.Last || r.Last < span.First {
		return nil
	}
	marks := v.pageBreaks()
	from, to := Pos{}, Pos{len(v.Blocks), 0}
	startPage := 0
	fromSet := false
	for _, m := range marks {
		if m.page == r.First && !fromSet {
			from, fromSet = m.pos, true
		}
		if m.page == r.Last+1 {
			to = m.pos
			break
		}
	}
	if !fromSet {
		// r starts on the partial first page (or the text has no breaks).
		startPage = max(r.First, span.First)
	}
	ev := &Version{Kind: v.Kind, Lang: v.Lang}
	ev.Blocks = v.slice(from, to, true)
	if marks := ev.pageBreaks(); startPage > 0 && (len(marks) == 0 || marks[0].page-1 != startPage) {
		ev.StartPage = startPage // not derivable from the first break
	}
	notes := &noteFinder{notes: v.Footnotes}
	for _, b := range ev.Blocks {
		for _, in := range b.Inlines() {
			if ref, ok := in.(*NoteRef); ok {
				if f := notes.find(ref.ID); f != nil {
					ev.Footnotes = append(ev.Footnotes, f)
				}
			}
		}
	}
	return ev
}
