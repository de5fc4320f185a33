package pdf

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	lpdf "github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

var update = flag.Bool("update", false, "rewrite the golden PDFs in testdata/")

// volume1 returns the volume fixture and its 31 December document.
func volume1(t testing.TB) (*maisky.Volume, *maisky.Document) {
	t.Helper()
	file := fixture.Read(t, "volume1.json")
	doc, err := file.Document("maisky-1934-12-31")
	require.NoError(t, err)
	return file.Volume, doc
}

var accepted = Acceptance{
	By:           "Ada Lovelace",
	At:           time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC),
	TermsVersion: "2024-05",
}

func pr(first, last int) maisky.PageRange { return maisky.PageRange{First: first, Last: last} }

func request(first, last int) Request {
	return Request{Pages: maisky.PageRange{First: first, Last: last}, Acceptance: accepted}
}

// recorder is a writer that remembers whether it was called.
type recorder struct {
	calls int
	bytes.Buffer
}

func (r *recorder) Write(p []byte) (int, error) {
	r.calls++
	return r.Buffer.Write(p)
}

// pageCount parses a PDF with a reader library and returns its pages.
func pageCount(t testing.TB, b []byte) int {
	t.Helper()
	r, err := lpdf.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	return r.NumPage()
}

func TestRefusals(t *testing.T) {
	vol, doc := volume1(t)
	other := *vol
	other.ID = "maisky-diaries-2"
	tests := []struct {
		name  string
		doc   *maisky.Document
		req   Request
		opts  Options
		is    error
		limit *PageLimitError
		msg   string
	}{
		{name: "no acceptance", doc: doc, req: Request{Pages: maisky.PageRange{First: 59, Last: 60}}, is: ErrTermsNotAccepted, msg: "no one is named"},
		{name: "no time of acceptance", doc: doc, req: Request{Pages: maisky.PageRange{First: 59, Last: 60}, Acceptance: Acceptance{By: "Ada"}}, is: ErrTermsNotAccepted, msg: "time of acceptance"},
		{name: "no one accepted", doc: doc, req: Request{Pages: maisky.PageRange{First: 59, Last: 60}, Acceptance: Acceptance{At: accepted.At, TermsVersion: "1"}}, is: ErrTermsNotAccepted},
		{name: "blank name", doc: doc, req: Request{Pages: maisky.PageRange{First: 59, Last: 60}, Acceptance: Acceptance{By: " \t\u200b\n", At: accepted.At}}, is: ErrTermsNotAccepted},
		{name: "terms before pages", doc: doc, req: Request{Pages: maisky.PageRange{First: 58, Last: 72}}, is: ErrTermsNotAccepted},
		{name: "whole entry", doc: doc, req: request(58, 72), is: ErrPageLimit,
			limit: &PageLimitError{First: 58, Last: 72, Asked: 15, Max: 10},
			msg:   "pages 58–72 are 15 pages; at most 10 can be printed at a time"},
		{name: "eleven with the plate", doc: doc, req: request(62, 72), is: ErrPageLimit, limit: &PageLimitError{First: 62, Last: 72, Asked: 11, Max: 10}},
		{name: "eleven with the partial page", doc: doc, req: request(58, 68), is: ErrPageLimit, limit: &PageLimitError{First: 58, Last: 68, Asked: 11, Max: 10}},
		{name: "lower cap", doc: doc, req: request(59, 64), opts: Options{MaxPages: 5}, is: ErrPageLimit,
			limit: &PageLimitError{First: 59, Last: 64, Asked: 6, Max: 5}, msg: "at most 5 can be printed"},
		{name: "cap of one", doc: doc, req: request(59, 60), opts: Options{MaxPages: 1}, is: ErrPageLimit, msg: "at most 1 page can be printed"},
		{name: "higher cap ignored", doc: doc, req: request(58, 72), opts: Options{MaxPages: 20}, is: ErrPageLimit, limit: &PageLimitError{First: 58, Last: 72, Asked: 15, Max: 10}},
		{name: "negative cap", doc: doc, req: request(58, 72), opts: Options{MaxPages: -3}, is: ErrPageLimit, limit: &PageLimitError{First: 58, Last: 72, Asked: 15, Max: 10}},
		{name: "huge range", doc: doc, req: request(1, 1_000_000), is: ErrPageLimit},
		{name: "past the end", doc: doc, req: request(70, 74), is: maisky.ErrPageRange, msg: "74"},
		{name: "before the start", doc: doc, req: request(50, 59), is: maisky.ErrPageRange},
		{name: "reversed", doc: doc, req: request(68, 59), is: maisky.ErrPageRange},
		{name: "zero range", doc: doc, req: request(0, 0), is: maisky.ErrPageRange},
		{name: "no document", doc: nil, req: request(59, 60), is: ErrNoDocument},
		{name: "document without pages", doc: &maisky.Document{ID: "x", Title: "x"}, req: request(1, 1), is: maisky.ErrPageRange},
		{name: "wrong volume", doc: doc, req: request(59, 60), opts: Options{Volume: &other}, is: ErrVolume},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var w recorder
			err := Write(&w, tc.doc, tc.req, tc.opts)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.is)
			assert.Zero(t, w.calls, "nothing may be written on a refusal")
			assert.Zero(t, w.Len())
			if tc.limit != nil {
				var le *PageLimitError
				require.ErrorAs(t, err, &le)
				assert.Equal(t, *tc.limit, *le)
			}
			if tc.is == maisky.ErrPageRange {
				var re *maisky.PageRangeError
				assert.ErrorAs(t, err, &re)
			}
			if tc.msg != "" {
				assert.Contains(t, err.Error(), tc.msg)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "pdf: ") || strings.HasPrefix(err.Error(), "maisky: "), err.Error())
		})
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriterError(t *testing.T) {
	vol, doc := volume1(t)
	err := Write(failWriter{}, doc, request(59, 59), Options{Volume: vol})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "disk full")
}

func TestThirtyFirstDecember(t *testing.T) {
	vol, doc := volume1(t)
	var w recorder
	require.NoError(t, Write(&w, doc, request(59, 68), Options{Volume: vol}))
	assert.Equal(t, 1, w.calls, "the PDF is written in one piece")
	out := w.Bytes()
	assert.Equal(t, 10, pageCount(t, out))
	assert.True(t, bytes.HasPrefix(out, []byte("%PDF-")))
	assert.Contains(t, string(out), "/CreationDate (D:20261121140500)")
	assert.Contains(t, string(out), "/FontFile2")
	assert.Contains(t, string(out), "/ToUnicode")
	assert.NotContains(t, string(out), "/Helvetica", "no core fonts")
	assert.NotContains(t, string(out), "/WinAnsiEncoding", "no Latin-1 fonts")
	assert.Less(t, len(out), 80_000)
}

func TestFontsSubset(t *testing.T) {
	// pdffonts reports "sub no" as fpdf names fonts without a subset tag,
	// but the programs embedded are subsets: far smaller than the fonts.
	vol, doc := volume1(t)
	var b bytes.Buffer
	require.NoError(t, Write(&b, doc, request(59, 68), Options{Volume: vol}))
	m := regexp.MustCompile(`/Length1 (\d+)`).FindAllStringSubmatch(b.String(), -1)
	require.Len(t, m, 3, "regular, italic and bold")
	full := len(fonts().faces[regular].ttf)
	for _, x := range m {
		n, err := strconv.Atoi(x[1])
		require.NoError(t, err)
		assert.Less(t, n, full/3, "an embedded font of %d bytes of %d", n, full)
	}
	// The slimmed fonts still hold every outline: sfnt parses them and
	// finds the glyphs of the text.
	for st := regular; st < numStyles; st++ {
		f, err := sfnt.Parse(fonts().faces[st].ttf)
		require.NoError(t, err)
		var buf sfnt.Buffer
		for _, r := range "Aé’–Жж" {
			gi, err := f.GlyphIndex(&buf, r)
			require.NoError(t, err)
			require.NotZero(t, gi)
			segs, err := f.LoadGlyph(&buf, gi, fixed.I(100), nil)
			require.NoError(t, err)
			assert.NotEmpty(t, segs)
		}
	}
}

func TestPageCounts(t *testing.T) {
	vol, doc := volume1(t)
	for _, r := range []maisky.PageRange{pr(58, 58), pr(58, 67), pr(63, 72), pr(71, 71), pr(70, 72), pr(66, 66)} {
		t.Run(r.String(), func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Write(&b, doc, Request{Pages: r, Acceptance: accepted}, Options{Volume: vol}))
			assert.Equal(t, r.Len(), pageCount(t, b.Bytes()))
		})
	}
	// The paper size changes the MediaBox, not the pages.
	var b bytes.Buffer
	require.NoError(t, Write(&b, doc, request(59, 68), Options{Volume: vol, Paper: Letter}))
	assert.Equal(t, 10, pageCount(t, b.Bytes()))
	assert.Contains(t, b.String(), "/MediaBox [0 0 612.00 792.00]")
}

func TestDeterministic(t *testing.T) {
	vol, doc := volume1(t)
	var a, b bytes.Buffer
	require.NoError(t, Write(&a, doc, request(59, 68), Options{Volume: vol}))
	require.NoError(t, Write(&b, doc, request(59, 68), Options{Volume: vol}))
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "same input, same bytes")

	// The creation date comes from the options, else from the acceptance.
	var c bytes.Buffer
	created := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
	require.NoError(t, Write(&c, doc, request(59, 68), Options{Volume: vol, Created: created}))
	assert.Contains(t, c.String(), "/CreationDate (D:20270102030405)")
	assert.Contains(t, c.String(), "/ModDate (D:20270102030405)")
	assert.NotContains(t, c.String(), "/ID")
}

func TestConcurrent(t *testing.T) {
	vol, doc := volume1(t)
	ranges := []maisky.PageRange{pr(59, 68), pr(58, 60), pr(69, 72), pr(63, 63)}
	serial := make([][]byte, len(ranges))
	for i, r := range ranges {
		var b bytes.Buffer
		require.NoError(t, Write(&b, doc, Request{Pages: r, Acceptance: accepted}, Options{Volume: vol}))
		serial[i] = b.Bytes()
	}
	const jobs = 64
	got := make([][]byte, jobs)
	errs := make([]error, jobs)
	var wg sync.WaitGroup
	for i := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			r := ranges[i%len(ranges)]
			errs[i] = Write(&b, doc, Request{Pages: r, Acceptance: accepted}, Options{Volume: vol})
			got[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i := range jobs {
		require.NoError(t, errs[i])
		assert.True(t, bytes.Equal(serial[i%len(ranges)], got[i]), "job %d differs from the serial output", i)
	}
}

// layoutOf lays out a request without rendering it.
func layoutOf(t testing.TB, doc *maisky.Document, req Request, opts Options) []outPage {
	t.Helper()
	pages, _, err := check(doc, req, &opts)
	require.NoError(t, err)
	style := opts.Style
	if style == "" {
		style = DefaultStyle
	}
	c, err := newCiter(doc, opts.Volume, style, opts.ArchiveName)
	require.NoError(t, err)
	j := &job{fs: fonts(), g: newGeometry(opts.Paper), doc: doc, req: req, opts: &opts, cite: c}
	out, err := j.layout(pages)
	require.NoError(t, err)
	return out
}

// pageText returns the text of a laid-out page, line by line, and the
// footnote markers (superscripts) found in its body.
func pageText(op *outPage) (lines []string, markers []string) {
	sorted := slices.Clone(op.lines)
	slices.SortStableFunc(sorted, func(a, b placed) int { return cmp.Compare(a.baseline, b.baseline) })
	for _, pl := range sorted {
		var b strings.Builder
		for _, r := range pl.runs {
			if r.rise > 0 {
				markers = append(markers, r.text)
			}
			b.WriteString(r.text)
		}
		lines = append(lines, b.String())
	}
	return lines, markers
}

// noteLabels returns the numbers of the footnotes set at the foot of a page.
func noteLabels(op *outPage) []string {
	var labels []string
	for _, pl := range op.lines {
		if r := pl.runs; len(r) > 1 && r[0].size <= noteSize && r[0].rise == 0 && r[0].x == 0 && isNumber(r[0].text) {
			labels = append(labels, pl.runs[0].text)
		}
	}
	return labels
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func TestNotesOnTheirAnchorsPage(t *testing.T) {
	vol, doc := volume1(t)
	for _, r := range []maisky.PageRange{pr(58, 67), pr(63, 72)} {
		out := layoutOf(t, doc, Request{Pages: r, Acceptance: accepted}, Options{Volume: vol})
		require.Len(t, out, r.Len(), "every print page fits on one A4 page")
		total := 0
		for i := range out {
			_, markers := pageText(&out[i])
			assert.Equal(t, markers, noteLabels(&out[i]), "page %d: notes and their anchors", out[i].print)
			total += len(markers)
		}
		assert.Positive(t, total)
	}
	// Each print page's notes are the book's: numbered as printed.
	out := layoutOf(t, doc, request(59, 59), Options{Volume: vol})
	var want []string
	for _, p := range doc.Pages() {
		if p.Number == 59 {
			for _, f := range p.Footnotes {
				want = append(want, strconv.Itoa(f.Number))
			}
		}
	}
	assert.Equal(t, want, noteLabels(&out[0]))
}

func TestRunningHeadAndFooter(t *testing.T) {
	vol, doc := volume1(t)
	out := layoutOf(t, doc, request(70, 72), Options{Volume: vol})
	require.Len(t, out, 3)
	for i, op := range out {
		lines, _ := pageText(&op)
		require.NotEmpty(t, lines)
		assert.Contains(t, lines[0], "The Complete Maisky Diaries: Volume 1")
		assert.Contains(t, lines[0], "31 December")
		assert.True(t, strings.HasSuffix(lines[0], strconv.Itoa(70+i)), lines[0])
		text := strings.Join(lines, " ")
		assert.Contains(t, text, "Printed for Ada Lovelace, who accepted the terms and conditions")
		assert.Contains(t, text, "(terms version 2024-05) on 21 November 2026, 14:05 UTC.")
		assert.Contains(t, text, strconv.Itoa(70+i)+".", "the citation's locator")
	}
	assert.True(t, out[1].blank)
	lines, _ := pageText(&out[1])
	assert.Contains(t, strings.Join(lines, "\n"), "[Page 71 is blank in the print edition]")
	assert.False(t, out[0].blank)
	assert.False(t, out[2].blank)
}

func TestLayoutOfTheBook(t *testing.T) {
	vol, doc := volume1(t)
	out := layoutOf(t, doc, request(58, 59), Options{Volume: vol})
	require.Len(t, out, 2)
	// The partial page 58 starts with the entry's heading, centered, bold.
	h := out[0].lines[1]
	require.NotEmpty(t, h.runs)
	assert.Equal(t, "31 December", h.runs[0].text)
	assert.Equal(t, bold, h.runs[0].st)
	assert.InDelta(t, (newGeometry(A4).measure()-h.runs[0].w)/2, h.runs[0].x, 0.01)
	// Page 59 starts mid-paragraph: its first line is not indented.
	first := out[1].lines[1].runs[0]
	assert.Equal(t, 0.0, first.x)
	assert.True(t, strings.HasPrefix(first.text, "called for our entry"), first.text)
	// A new paragraph is indented.
	found := false
	for _, pl := range out[1].lines {
		if len(pl.runs) > 0 && strings.HasPrefix(pl.runs[0].text, "And what kind of year") {
			assert.Equal(t, float64(paraIndent), pl.runs[0].x)
			found = true
		}
	}
	assert.True(t, found)
}

func TestLastLineBeforeABreak(t *testing.T) {
	// A paragraph that goes on over the page break ends the page with a
	// justified line when that stretches its spaces by no more than
	// veryLooseGap, as in the book, and ragged otherwise; the last line of
	// a paragraph that ends is never stretched.
	lastLine := func(op *outPage) *placed {
		var last *placed
		for k := range op.lines {
			pl := &op.lines[k]
			if len(pl.runs) > 0 && pl.runs[0].size == bodySize && pl.runs[0].rise == 0 && (last == nil || pl.baseline > last.baseline) {
				last = pl
			}
		}
		return last
	}
	stretch := func(pl *placed) float64 {
		e := 0.0
		for _, r := range pl.runs {
			e = max(e, r.extra)
		}
		return e
	}
	vol, doc := volume1(t)
	for _, paper := range []Paper{A4, Letter} {
		pages, _, err := check(doc, request(59, 68), &Options{Volume: vol})
		require.NoError(t, err)
		out := layoutOf(t, doc, request(59, 68), Options{Volume: vol, Paper: paper})
		require.Len(t, out, len(pages))
		for i := range out {
			last := lastLine(&out[i])
			require.NotNil(t, last)
			if !pages[i].runsOn {
				assert.Zero(t, stretch(last), "page %d ends a paragraph", out[i].print)
			}
			assert.LessOrEqual(t, stretch(last), float64(veryLooseGap), "page %d", out[i].print)
		}
	}
	// Paragraphs of n equal words over a page break: some end page 10
	// with a nearly full line, which is justified.
	justified, ragged := 0, 0
	for n := 60; n < 90; n++ {
		words := strings.TrimSpace(strings.Repeat("word ", n))
		v := &maisky.Version{Kind: maisky.Translation, Lang: "en", Blocks: []maisky.Block{
			&maisky.Paragraph{Content: []maisky.Inline{&maisky.PageBreak{Page: 10}, &maisky.Text{Value: words + " "},
				&maisky.PageBreak{Page: 11}, &maisky.Text{Value: "and it goes on."}}},
		}}
		d := &maisky.Document{ID: "w", Title: "W", Versions: []*maisky.Version{v}}
		out := layoutOf(t, d, request(10, 11), Options{})
		if e := stretch(lastLine(&out[0])); e > 0 {
			justified++
			assert.LessOrEqual(t, e, float64(veryLooseGap))
		} else {
			ragged++
		}
	}
	assert.Positive(t, justified)
	assert.Positive(t, ragged)
}

func TestCommentaryAndEmphasis(t *testing.T) {
	doc := synthetic(3, 2, 1)
	out := layoutOf(t, doc, request(10, 11), Options{})
	var comm, emph bool
	for _, op := range out {
		for _, pl := range op.lines {
			for _, r := range pl.runs {
				if r.size == commSize && r.x >= commInset {
					comm = true
				}
				if r.st == italic && strings.Contains(r.text, "Izvestiia") {
					emph = true
				}
			}
		}
	}
	assert.True(t, comm, "commentary is set smaller and indented")
	assert.True(t, emph, "emphasis is set in italics")
}

// synthetic builds a document of pages 10 onwards: paras paragraphs per
// page, notes footnotes per paragraph, and a commentary every comm pages.
func synthetic(pages, paras, notes int) *maisky.Document {
	v := &maisky.Version{Kind: maisky.Translation, Lang: "en"}
	v.Blocks = append(v.Blocks, &maisky.Heading{Level: 1, Content: []maisky.Inline{&maisky.PageBreak{Page: 10}, &maisky.Text{Value: "1 January"}}})
	n := 0
	for p := 0; p < pages; p++ {
		for q := 0; q < paras; q++ {
			var content []maisky.Inline
			if p > 0 && q == 0 {
				content = append(content, &maisky.PageBreak{Page: 10 + p})
			}
			content = append(content, &maisky.Text{Value: "We read in "}, &maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "Izvestiia"}}},
				&maisky.Text{Value: " of the “new course” – a café in Kyiv, Иван Майский wrote – and more words follow here to fill the line"})
			for k := 0; k < notes; k++ {
				n++
				id := "n" + strconv.Itoa(n)
				content = append(content, &maisky.NoteRef{ID: id}, &maisky.Text{Value: " then the sentence goes on with more words, for a while"})
				v.Footnotes = append(v.Footnotes, &maisky.Footnote{ID: id, Number: n, Content: []maisky.Inline{&maisky.Text{Value: "A note about a person (1890–1950), who did things in "}, &maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "Moscow"}}}, &maisky.Text{Value: "."}}})
			}
			content = append(content, &maisky.Text{Value: "."})
			v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: content})
		}
		v.Blocks = append(v.Blocks, &maisky.Commentary{Content: []maisky.Inline{&maisky.Text{Value: "The editor’s remark, citing "}, &maisky.Emphasis{Content: []maisky.Inline{&maisky.Text{Value: "The Times"}}}, &maisky.Text{Value: ", about the day’s events."}}})
	}
	return &maisky.Document{ID: "synthetic", Title: "1 January", Versions: []*maisky.Version{v}}
}

func TestOverflow(t *testing.T) {
	// Page 10 holds far more than a PDF page: it continues on the next
	// PDF pages, each note with its anchor.
	doc := synthetic(2, 30, 2)
	out := layoutOf(t, doc, request(10, 11), Options{})
	require.Greater(t, len(out), 2)
	assert.Equal(t, 10, out[0].print)
	assert.False(t, out[0].cont)
	assert.True(t, out[1].cont)
	lines, _ := pageText(&out[1])
	assert.True(t, strings.HasSuffix(lines[0], "10 (continued)"), lines[0])
	seen := map[int]bool{}
	for i := range out {
		_, markers := pageText(&out[i])
		assert.Equal(t, markers, noteLabels(&out[i]), "PDF page %d", i+1)
		seen[out[i].print] = true
	}
	assert.True(t, seen[11])
	var b bytes.Buffer
	require.NoError(t, Write(&b, doc, request(10, 11), Options{}))
	assert.Equal(t, len(out), pageCount(t, b.Bytes()))
}

func TestOverflowKeepsTheSize(t *testing.T) {
	// A print page a little too full for one PDF page continues on a
	// second sheet at full size: never set smaller than the page before.
	found := false
	for paras := 10; paras <= 40 && !found; paras++ {
		doc := synthetic(1, paras, 1)
		out := layoutOf(t, doc, request(10, 10), Options{})
		if len(out) != 2 {
			continue
		}
		found = true
		for i := range out {
			for _, pl := range out[i].lines {
				for _, r := range pl.runs {
					if r.rise == 0 && r.size < bodySize && r.x > 0 && strings.HasPrefix(r.text, "We read in") {
						t.Errorf("body text set at %v pt on sheet %d", r.size, i+1)
					}
				}
			}
			_, markers := pageText(&out[i])
			assert.Equal(t, markers, noteLabels(&out[i]), "sheet %d", i+1)
		}
		assert.True(t, out[1].cont)
	}
	assert.True(t, found, "no page ran onto a second sheet")
}

func TestLongNoteContinues(t *testing.T) {
	// A note longer than a page continues at the foot of the next page.
	doc := synthetic(1, 1, 1)
	v := doc.Translation()
	v.Footnotes[0].Content = []maisky.Inline{&maisky.Text{Value: strings.Repeat("A very long note indeed. ", 900)}}
	out := layoutOf(t, doc, request(10, 10), Options{})
	require.Greater(t, len(out), 1)
	assert.Equal(t, []string{"1"}, noteLabels(&out[0]))
	var b bytes.Buffer
	require.NoError(t, Write(&b, doc, request(10, 10), Options{}))
	assert.Equal(t, len(out), pageCount(t, b.Bytes()))
}

// footerText returns the text of a page's footer lines, and the text of
// their italic runs.
func footerText(op *outPage) (text, italics string) {
	lines, _ := pageText(op)
	var it []string
	for _, pl := range op.lines {
		for _, r := range pl.runs {
			if r.st == italic && r.size == footSize {
				it = append(it, r.text)
			}
		}
	}
	return strings.Join(lines, " "), strings.Join(it, "|")
}

func TestFooterCitation(t *testing.T) {
	vol, doc := volume1(t)
	tests := []struct {
		style, text, italics string
	}{
		{"", "Ivan Maisky, “31 December 1934,” in The Complete Maisky Diaries, vol. 1, ed. Gabriel Gorodetsky, trans. Tatiana Sorokina and Oliver Ready (Yale University Press, 2017), 63.", "The Complete Maisky Diaries"},
		{"chicago-notes-bibliography", "(Yale University Press, 2017), 63.", "The Complete Maisky Diaries"},
		{"chicago-author-date", "(Maisky 2017, 63)", ""},
		{"modern-language-association", "(Maisky 63)", ""},
	}
	for _, tc := range tests {
		t.Run(tc.style, func(t *testing.T) {
			out := layoutOf(t, doc, request(63, 63), Options{Volume: vol, Style: tc.style})
			require.Len(t, out, 1)
			text, italics := footerText(&out[0])
			assert.Contains(t, text, tc.text)
			if tc.italics != "" {
				assert.Contains(t, italics, tc.italics)
			}
		})
	}
	var w recorder
	err := Write(&w, doc, request(63, 63), Options{Volume: vol, Style: "apa"})
	assert.ErrorIs(t, err, ErrStyle)
	assert.ErrorIs(t, err, cite.ErrUnknownStyle)
	assert.Zero(t, w.calls)
}

func TestGolden(t *testing.T) {
	vol, doc := volume1(t)
	dec18 := fixture.Read(t, "1934-12-18.json").Documents[0]
	tests := []struct {
		name string
		doc  *maisky.Document
		req  Request
		opts Options
	}{
		{"1934-12-31-p69-72", doc, request(69, 72), Options{Volume: vol}},
		{"1934-12-18-p53-54-letter", dec18, Request{Pages: maisky.PageRange{First: 53, Last: 54}, Acceptance: Acceptance{
			By: "Ирина Петрова", At: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}}, Options{Volume: vol, Paper: Letter}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, Write(&b, tc.doc, tc.req, tc.opts))
			path := filepath.Join("testdata", tc.name+".pdf")
			if *update {
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test -update")
			assert.True(t, bytes.Equal(want, b.Bytes()), "%s differs from the golden file; run go test -update and look at it", path)
			assert.Equal(t, tc.req.Pages.Len(), pageCount(t, b.Bytes()))
		})
	}
}

func TestClean(t *testing.T) {
	fs := fonts()
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"‘quoted’ – “dashes” — é Иван", "‘quoted’ – “dashes” — é Иван"},
		{"tab\tnew\nline", "tab new line"},
		{"soft\u00adhyphen zero\u200bwidth\ufeff", "softhyphen zerowidth"},
		{"non\u2011breaking\u2010hy", "non-breaking\u2010hy"},
		{"thin\u2009space narrow\u202fnbsp", "thin space narrow\u00a0nbsp"},
		{"e\u0301 decomposed", "é decomposed"},
		{"Vietnamese ệ ể e\u0323\u0302", "Vietnamese ệ ể ệ"},
		{"bidi \u202eevil\u202c \u2066iso\u2069 \u200emark", "bidi evil iso mark"},
		{"CJK 中 emoji 😀", "CJK □ emoji □"},
		{"bad \xff utf8", "bad □ utf8"},
		{"ctl\x00\x07\x1b", "ctl"},
	} {
		assert.Equal(t, tc.want, fs.clean(tc.in), "%q", tc.in)
	}
}

func TestMetadata(t *testing.T) {
	vol, doc := volume1(t)
	var b bytes.Buffer
	require.NoError(t, Write(&b, doc, request(59, 60), Options{Volume: vol, Creator: "print service"}))
	out := b.String()
	// fpdf writes the strings as UTF-16BE with a byte order mark.
	utf16 := func(s string) string {
		var u []byte
		u = append(u, 0xFE, 0xFF)
		for _, r := range s {
			u = append(u, byte(r>>8), byte(r))
		}
		return string(u)
	}
	assert.Contains(t, out, "/Title ("+utf16("The Complete Maisky Diaries: Volume 1: 31 December, pages 59–60"))
	assert.Contains(t, out, "/Author ("+utf16("Ivan Maisky")+")")
	assert.Contains(t, out, "/Subject ("+utf16("Print extract of pages 59–60 of “31 December”")+")")
	assert.Contains(t, out, "/Keywords ("+utf16("Anglo-Soviet relations; Kirov, Sergei"))
	assert.Contains(t, out, "/Creator ("+utf16("print service")+")")
	assert.Contains(t, out, "/Producer ("+utf16("maisky export/pdf with go-pdf/fpdf")+")")
	assert.Contains(t, out, "/Lang (en)")

	// Broken strings never reach fpdf's converter as they are.
	bad := synthetic(1, 1, 0)
	bad.Title = "title \xe2"
	bad.Authors = []maisky.Person{{Family: "X\xf0\x9f"}}
	bad.Keywords = []string{"k\x00", "😀"}
	bad.Translation().Lang = "en) /Evil (x"
	b.Reset()
	require.NoError(t, Write(&b, bad, request(10, 10), Options{}))
	assert.Equal(t, 1, pageCount(t, b.Bytes()))
	assert.NotContains(t, b.String(), "/Evil")
	assert.Equal(t, "a\ufffdb\ufffd c", infoText("a\xffb😀\x01\nc"))
}

func ExampleWrite() {
	f, err := os.Open("../../testdata/volume1.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := file.Document("maisky-1934-12-31")
	if err != nil {
		fmt.Println(err)
		return
	}
	accepted := Acceptance{By: "Ada Lovelace", At: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC), TermsVersion: "2024-05"}
	opts := Options{Volume: file.Volume}

	// The whole entry is too long for one print.
	var out bytes.Buffer
	err = Write(&out, doc, Request{Pages: maisky.PageRange{First: 58, Last: 72}, Acceptance: accepted}, opts)
	fmt.Println(err, errors.Is(err, ErrPageLimit), out.Len())

	// Without the box ticked, nothing is printed.
	err = Write(&out, doc, Request{Pages: maisky.PageRange{First: 59, Last: 68}}, opts)
	fmt.Println(errors.Is(err, ErrTermsNotAccepted), out.Len())

	// Ten pages are fine.
	err = Write(&out, doc, Request{Pages: maisky.PageRange{First: 59, Last: 68}, Acceptance: accepted}, opts)
	fmt.Println(err, bytes.Count(out.Bytes(), []byte("/Type /Page\n")))
	// Output:
	// pdf: pages 58–72 are 15 pages; at most 10 can be printed at a time true 0
	// true 0
	// <nil> 10
}
