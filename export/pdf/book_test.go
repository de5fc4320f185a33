package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/maisky-lib/maisky/internal/fixture"
	"github.com/maisky-lib/maisky/maisky"
)

// names in the scripts the fonts must cover: Vietnamese, Polish, Czech,
// Romanian, Greek (monotonic and polytonic), Russian, Ukrainian and the
// pre-1918 Russian orthography.
var coverageNames = []string{
	"Nguyễn Thị Minh Khai", "Trần Hưng Đạo", "Phạm Văn Đồng", "Võ Nguyên Giáp", "Lê Duẩn", "Hồ Chí Minh, Ỷ Lan, Ứng Dụng",
	"Józef Piłsudski", "Ignacy Mościcki", "Józef Beck", "Zdzisław Żółkiewski", "Świętosław Źródło",
	"Edvard Beneš", "Tomáš Garrigue Masaryk", "Jiří Dvořák", "Kryštof Ťuček", "Ďáblův Ůvoz",
	"Nicolae Titulescu", "Ștefan Țăranu", "Șerban Câmpeanu", "Ion Antonescu, Îngeraș",
	"Ελευθέριος Βενιζέλος", "Ιωάννης Μεταξάς", "Ὀδυσσεύς", "Ἀθῆναι", "ῥήτωρ, ᾠδή",
	"Максим Литвинов", "Вячеслав Молотов", "Агния Майская", "Ёжиков Щукин",
	"Микола Скрипник", "Олександр Довженко", "Ґалаґан Їжаченко", "Єфремов Іваничук",
	"Мѣсто Ѳеодоръ Ѵѵѣдскій", "Русскій міръ", "ѢѣѲѳѴѵІі",
}

// TestGlyphCoverage checks that every character of every fixture and of the
// names above is in all four embedded faces, and that clean keeps it.
func TestGlyphCoverage(t *testing.T) {
	fs := fonts()
	check := func(what, s string) {
		for _, r := range norm.NFC.String(s) {
			if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
				continue
			}
			for st := regular; st < numStyles; st++ {
				if !fs.faces[st].has(r) {
					t.Errorf("%s: %q (%U) missing in style %d", what, r, r, st)
					break
				}
			}
		}
	}
	for _, n := range coverageNames {
		check(n, n)
		assert.Equal(t, norm.NFC.String(n), fs.clean(n), "clean keeps %q", n)
	}
	for _, f := range fixture.Paths(t) {
		file := fixture.ReadPath(t, f)
		docs := file.Documents
		for _, d := range docs {
			check(f, d.Title)
			for _, v := range d.Versions {
				for _, b := range v.Blocks {
					check(f, maisky.InlineText(b.Inlines()))
				}
				for _, n := range v.Footnotes {
					check(f, maisky.InlineText(n.Content))
				}
			}
		}
	}
	// What stands for a character the fonts lack is drawn in every face.
	for st := regular; st < numStyles; st++ {
		assert.True(t, fs.faces[st].has(fs.replacement()), "style %d", st)
	}
	assert.Equal(t, '□', fs.replacement())
	// The hyphen is narrower than the en dash, as in a book face.
	assert.Less(t, fs.faces[regular].width("-", 10), fs.faces[regular].width("–", 10))
}

// TestNamesPrinted prints an acceptance for each covered name.
func TestNamesPrinted(t *testing.T) {
	vol, doc := volume1(t)
	for _, n := range coverageNames[:8] {
		a := accepted
		a.By = n
		out := layoutOf(t, doc, Request{Pages: pr(70, 70), Acceptance: a}, Options{Volume: vol})
		text, _ := footerText(&out[0])
		assert.Contains(t, text, "Printed for "+norm.NFC.String(n)+", who accepted")
	}
}

// hyphen.tex may be copied only unmodified: the embedded file is Knuth's as
// TeX Live ships it.
func TestHyphenTeXUnmodified(t *testing.T) {
	sum := sha256.Sum256([]byte(hyphenTeX))
	assert.Equal(t, "2c18acdc04c1a066aeb1759905e7ca449f0616c314b5ed6aebe55b9d4a89b8d4", hex.EncodeToString(sum[:]))
	assert.Len(t, hyphenation().patterns, 4447)
	assert.Len(t, hyphenation().exceptions, 14)
}

func TestHyphenation(t *testing.T) {
	h := hyphenation()
	for word, want := range map[string]string{
		"hyphenation":     "hy-phen-ation",
		"representatives": "rep-re-sen-ta-tives",
		"Ambassador":      "Am-bas-sador",
		"table":           "ta-ble", // an exception of hyphen.tex
		"project":         "project",
		"cat":             "cat",
		"émigré":          "émigré", // not English letters: not hyphenated
	} {
		pts := h.points(word, nil)
		var b strings.Builder
		last := 0
		for _, p := range pts {
			b.WriteString(word[last:p] + "-")
			last = p
		}
		b.WriteString(word[last:])
		assert.Equal(t, want, b.String())
	}
}

// gaps returns the widest gap between two words of the justified lines of
// the laid-out pages.
func widestGap(t *testing.T, out []outPage) float64 {
	widest := 0.0
	for _, op := range out {
		for _, pl := range op.lines {
			for _, r := range pl.runs {
				if r.spaces > 0 && r.extra > 0 {
					gap := fonts().faces[r.st].width(" ", r.size) + r.extra
					widest = max(widest, gap)
				}
			}
		}
	}
	return widest
}

func TestNoWideGaps(t *testing.T) {
	vol, doc := volume1(t)
	for _, r := range []maisky.PageRange{pr(59, 68), pr(63, 72)} {
		out := layoutOf(t, doc, Request{Pages: r, Acceptance: accepted}, Options{Volume: vol})
		assert.Less(t, widestGap(t, out), 8.0, "pages %v", r)
	}
	dec18 := fixture.Read(t, "1934-12-18.json").Documents[0]
	out := layoutOf(t, dec18, request(53, 54), Options{Volume: vol})
	assert.Less(t, widestGap(t, out), 8.0)
	out = layoutOf(t, synthetic(3, 4, 2), request(10, 12), Options{})
	assert.Less(t, widestGap(t, out), 8.0)
	// And no justified line of the fixtures needed more than maxJustify
	// per gap (such a line would have been set ragged instead).
	for _, d := range []*maisky.Document{doc, dec18} {
		s := newSetter(fonts(), 1000)
		lookup := func(id string) *maisky.Footnote {
			for _, f := range d.PagedVersion().Footnotes {
				if f.ID == id {
					return f
				}
			}
			return nil
		}
		loose, lines := 0, 0
		for _, p := range d.Pages() {
			s.reset()
			var ls []line
			var prev maisky.Block
			for _, b := range p.Blocks {
				ls = s.blockLines(ls, b, prev, newGeometry(A4).measure(), lookup)
				prev = b
			}
			for _, f := range p.Footnotes {
				ls = s.noteLines(ls, f, newGeometry(A4).measure())
			}
			for _, ln := range ls {
				if ln.align != justify || ln.last || len(ln.words) < 2 {
					continue
				}
				lines++
				if (ln.measure-ln.indent-ln.w)/float64(len(ln.words)-1) > maxJustify {
					loose++
					t.Logf("loose line on page %d: %v", p.Number, ln.w)
				}
			}
		}
		assert.Zero(t, loose, "%s: %d of %d justified lines too loose", d.ID, loose, lines)
		assert.Greater(t, lines, 40)
	}
	// Hyphenated lines end in a hyphen and the word goes on below.
	out = layoutOf(t, doc, Request{Pages: pr(59, 68), Acceptance: accepted}, Options{Volume: vol})
	hyphenated := 0
	for i := range out {
		lines, _ := pageText(&out[i])
		for _, l := range lines {
			if regexp.MustCompile(`[a-z]-$`).MatchString(l) {
				hyphenated++
			}
		}
	}
	assert.Positive(t, hyphenated)
}

func TestLongURLBreaksAtSlashes(t *testing.T) {
	doc := synthetic(1, 1, 0)
	v := doc.Translation()
	url := "https://archive.example.org/collections/maisky/diaries/volume-one/1934/december/thirty-first/entry-with-a-very-long-name"
	v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: []maisky.Inline{&maisky.Text{Value: "See " + url + " for the scan."}}})
	out := layoutOf(t, doc, request(10, 10), Options{})
	lines, _ := pageText(&out[0])
	joined := ""
	for _, l := range lines {
		if strings.Contains(l, "archive.example") || joined != "" && !strings.Contains(joined, "for the scan") {
			if i := strings.LastIndex(l, "/"); strings.Contains(l, "archive.example") || joined != "" {
				assert.True(t, strings.HasSuffix(l, "/") || strings.Contains(l, "for the scan"), "a URL line ends at a slash: %q (%d)", l, i)
			}
			joined += l
		}
	}
	assert.Contains(t, strings.ReplaceAll(joined, " ", ""), strings.ReplaceAll(url, " ", ""))
}

func TestTwoNotesOnOneWord(t *testing.T) {
	v := &maisky.Version{Kind: maisky.Translation, Lang: "en", Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{
		&maisky.PageBreak{Page: 5}, &maisky.Text{Value: "We lunched with Middleton"}, &maisky.NoteRef{ID: "a"}, &maisky.NoteRef{ID: "b"},
		&maisky.Text{Value: " at the club."},
	}}}, Footnotes: []*maisky.Footnote{
		{ID: "a", Number: 2, Content: []maisky.Inline{&maisky.Text{Value: "First note."}}},
		{ID: "b", Number: 3, Content: []maisky.Inline{&maisky.Text{Value: "Second note."}}},
	}}
	doc := &maisky.Document{ID: "m", Title: "Middleton", Versions: []*maisky.Version{v}}
	out := layoutOf(t, doc, request(5, 5), Options{})
	_, markers := pageText(&out[0])
	assert.Equal(t, []string{"2,3"}, markers)
	assert.Equal(t, []string{"2", "3"}, noteLabels(&out[0]))
}

func TestContinuedNoteMarked(t *testing.T) {
	doc := synthetic(1, 1, 1)
	v := doc.Translation()
	v.Footnotes[0].Content = []maisky.Inline{&maisky.Text{Value: strings.Repeat("A very long note indeed. ", 500)}}
	out := layoutOf(t, doc, request(10, 10), Options{})
	require.Greater(t, len(out), 1)
	lines, _ := pageText(&out[1])
	assert.Contains(t, strings.Join(lines, "\n"), "[note 1 continued]")
	lines, _ = pageText(&out[0])
	assert.NotContains(t, strings.Join(lines, "\n"), "continued]")
}

// Issue 9, row 10: a name of only invisible or combining characters is no
// acceptance.
func TestRow10InvisibleName(t *testing.T) {
	_, doc := volume1(t)
	for _, by := range []string{"\ufe0f", "\u0301", "\u0301\u0301\ufe0f", " \u200b\u200e\u202e ", "\u2066\u2069"} {
		var w recorder
		err := Write(&w, doc, Request{Pages: pr(59, 59), Acceptance: Acceptance{By: by, At: accepted.At}}, Options{})
		assert.ErrorIs(t, err, ErrTermsNotAccepted, "%q", by)
		assert.Zero(t, w.calls)
		assert.False(t, Acceptance{By: by, At: accepted.At}.Accepted())
	}
}

// Issue 9, row 11: a name of 250+ characters is shortened, and the
// statement and its date are printed on every page.
func TestRow11LongName(t *testing.T) {
	vol, doc := volume1(t)
	for _, by := range []string{strings.Repeat("Z", 300), strings.Repeat("Ada Lovelace ", 40), strings.Repeat("Щ", 5000)} {
		a := accepted
		a.By = by
		a.TermsVersion = strings.Repeat("v", 300)
		out := layoutOf(t, doc, Request{Pages: pr(69, 72), Acceptance: a}, Options{Volume: vol})
		for i := range out {
			text, _ := footerText(&out[i])
			assert.Contains(t, text, "…, who accepted the terms and conditions governing print and download of material from this archive")
			assert.Contains(t, text, "on 21 November 2026, 14:05 UTC.")
		}
	}
}

// Issue 9, row 12: a footnote of megabytes on one print page is refused
// before any work, with a typed error naming the page and the cap.
func TestRow12HugeFootnote(t *testing.T) {
	doc := synthetic(2, 1, 1)
	doc.Translation().Footnotes[0].Content = []maisky.Inline{&maisky.Text{Value: strings.Repeat("word ", 4<<20)}}
	var w recorder
	start := time.Now()
	err := Write(&w, doc, request(10, 11), Options{})
	assert.Less(t, time.Since(start), 2*time.Second)
	require.ErrorIs(t, err, ErrTooLong)
	var se *SheetLimitError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, SheetLimitError{Page: 10, Max: MaxSheets}, *se)
	assert.Equal(t, "pdf: print page 10 needs more than 8 PDF pages; a print page may take at most 8", err.Error())
	assert.Zero(t, w.calls)

	// Just under the byte bound, the layout decides: still refused, not
	// printed on dozens of sheets.
	doc.Translation().Footnotes[0].Content = []maisky.Inline{&maisky.Text{Value: strings.Repeat("word ", MaxSheets*sheetBytes/5-10)}}
	err = Write(&w, doc, request(10, 10), Options{})
	require.ErrorAs(t, err, &se)
	assert.Zero(t, w.calls)

	// A long note within the cap prints over a few sheets.
	doc.Translation().Footnotes[0].Content = []maisky.Inline{&maisky.Text{Value: strings.Repeat("word ", 3000)}}
	require.NoError(t, Write(&w, doc, request(10, 10), Options{}))
	n := pageCount(t, w.Bytes())
	assert.Greater(t, n, 1)
	assert.LessOrEqual(t, n, MaxSheets)
}

// Issue 9, row 19: names in CJK, Arabic or with emoji are refused with a
// clear error (no font of the chosen modules covers them: see doc.go); bidi
// controls are dropped as U+200E/F are.
func TestRow19NamesInOtherScripts(t *testing.T) {
	vol, doc := volume1(t)
	for by, want := range map[string]string{
		"王小明":            "王 (U+738B, Han) is not in the print fonts",
		"محمد علي":       "م (U+0645, Arabic) is in a right-to-left script",
		"דוד בן-גוריון":  "ד (U+05D3, Hebrew) is in a right-to-left script",
		"Ada 😀":          "😀 (U+1F600, symbol or emoji)",
		"김민수":            "(U+AE40, Hangul)",
		"Ada Lovelace ✓": "✓ (U+2713, symbol or emoji)",
	} {
		var w recorder
		a := accepted
		a.By = by
		err := Write(&w, doc, Request{Pages: pr(59, 59), Acceptance: a}, Options{Volume: vol})
		require.ErrorIs(t, err, ErrUnprintableName, by)
		var ne *NameError
		require.ErrorAs(t, err, &ne)
		assert.Contains(t, err.Error(), want)
		assert.True(t, strings.HasPrefix(err.Error(), "pdf: the name of who accepted the terms cannot be printed: "))
		assert.Zero(t, w.calls)
	}
	// Bidi embeddings, overrides and isolates are dropped.
	a := accepted
	a.By = "\u202eAda\u202c \u2066Lovelace\u2069\u200f"
	out := layoutOf(t, doc, Request{Pages: pr(59, 59), Acceptance: a}, Options{Volume: vol})
	text, _ := footerText(&out[0])
	assert.Contains(t, text, "Printed for Ada Lovelace, who accepted")
}

func TestFooterCitesInFull(t *testing.T) {
	vol, doc := volume1(t)
	for _, style := range []string{"chicago-notes-bibliography-17th-edition", "chicago-shortened-notes-bibliography", "chicago-author-date", "modern-language-association"} {
		out := layoutOf(t, doc, request(63, 63), Options{Volume: vol, Style: style})
		text, italics := footerText(&out[0])
		assert.Contains(t, text, "The Complete Maisky Diaries", style)
		assert.Contains(t, text, "Gabriel Gorodetsky", style)
		assert.Contains(t, text, "Yale University Press", style)
		assert.Contains(t, text, "63", style)
		assert.Contains(t, italics, "The Complete Maisky Diaries", style)
	}
}

// TestPdftotext compares the text poppler extracts from each page with the
// document's text: the body and the notes of each print page, apart from
// the hyphens added at line ends.
func TestPdftotext(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	vol, doc := volume1(t)
	dec18 := fixture.Read(t, "1934-12-18.json").Documents[0]
	for _, tc := range []struct {
		doc *maisky.Document
		r   maisky.PageRange
	}{{doc, pr(59, 68)}, {doc, pr(69, 72)}, {dec18, pr(53, 54)}} {
		var b bytes.Buffer
		opts := Options{Volume: vol}
		require.NoError(t, Write(&b, tc.doc, Request{Pages: tc.r, Acceptance: accepted}, opts))
		path := filepath.Join(t.TempDir(), "x.pdf")
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
		require.NoError(t, err)
		got := string(out)
		var want strings.Builder
		for _, p := range tc.doc.Pages() {
			if !tc.r.Contains(p.Number) {
				continue
			}
			numbers := map[string]int{}
			for _, f := range tc.doc.PagedVersion().Footnotes {
				numbers[f.ID] = f.Number
			}
			for _, bl := range p.Blocks {
				want.WriteString(bodyText(bl.Inlines(), numbers))
			}
			for _, f := range p.Footnotes {
				want.WriteString(strconv.Itoa(f.Number) + bodyText(f.Content, nil))
			}
		}
		// Extracted: drop the running heads, footers and the "continued"
		// lines, which are not the document's text.
		var body strings.Builder
		for _, page := range strings.Split(got, "\f") {
			lines := strings.Split(page, "\n")
			for i, l := range lines {
				if i == 0 || strings.HasPrefix(l, "[note ") || strings.HasPrefix(l, "[Page ") {
					continue
				}
				if strings.HasPrefix(l, "Ivan Maisky, “") || strings.HasPrefix(l, "Maisky, Ivan") {
					break
				}
				body.WriteString(l + "\n")
			}
		}
		assert.NoError(t, sameApartFromHyphens(want.String(), body.String()), "pages %v", tc.r)
	}
}

// bodyText is the text of inline content as printed: footnote markers as
// their numbers, with a comma between two.
func bodyText(content []maisky.Inline, numbers map[string]int) string {
	var b strings.Builder
	var walk func([]maisky.Inline)
	lastNote := false
	walk = func(c []maisky.Inline) {
		for _, in := range c {
			switch in := in.(type) {
			case *maisky.Text:
				b.WriteString(fonts().clean(in.Value))
				lastNote = false
			case *maisky.Emphasis:
				walk(in.Content)
			case *maisky.NoteRef:
				if lastNote {
					b.WriteString(",")
				}
				b.WriteString(strconv.Itoa(numbers[in.ID]))
				lastNote = true
			}
		}
	}
	walk(content)
	return b.String()
}

// sameApartFromHyphens compares two texts without their white space,
// allowing a hyphen at the end of a line of got that want
// does not have.
func sameApartFromHyphens(want, got string) error {
	strip := func(s string) []rune {
		var out []rune
		for _, r := range norm.NFKC.String(s) {
			if !unicode.IsSpace(r) {
				out = append(out, r)
			}
		}
		return out
	}
	w := strip(want)
	// mark line-end hyphens of got
	g := []rune{}
	soft := map[int]bool{}
	for _, l := range strings.Split(got, "\n") {
		l = strings.TrimRight(l, " ")
		if strings.HasSuffix(l, "-") {
			r := strip(l)
			g = append(g, r...)
			soft[len(g)-1] = true
			continue
		}
		g = append(g, strip(l)...)
	}
	i, j := 0, 0
	for i < len(w) && j < len(g) {
		if w[i] == g[j] {
			i, j = i+1, j+1
			continue
		}
		if soft[j] && g[j] == '-' {
			j++
			continue
		}
		return errors.New("differ at «" + string(w[max(0, i-30):min(len(w), i+30)]) + "» / «" + string(g[max(0, j-30):min(len(g), j+30)]) + "»")
	}
	for j < len(g) && soft[j] {
		j++
	}
	if i != len(w) || j != len(g) {
		return errors.New("lengths differ: «" + string(w[i:min(len(w), i+60)]) + "» / «" + string(g[j:min(len(g), j+60)]) + "»")
	}
	return nil
}

// Words of any length are broken in time linear in their length: a line's
// worth of work per line (a URL of 30,000 slashes took seconds when every
// break point was measured from the word's start).
func TestLongWordsBreakInLinearTime(t *testing.T) {
	fonts()
	hyphenation()
	for name, text := range map[string]string{
		"letters": strings.Repeat("a", 90_000),
		"url":     "https://x.org/" + strings.Repeat("ab/", 30_000),
		"hyphens": strings.Repeat("representatives-", 5_600),
	} {
		v := &maisky.Version{Kind: maisky.Translation, Lang: "en", Blocks: []maisky.Block{&maisky.Paragraph{Content: []maisky.Inline{
			&maisky.PageBreak{Page: 5}, &maisky.Text{Value: text}}}}}
		doc := &maisky.Document{ID: "s", Title: "S", Versions: []*maisky.Version{v}}
		start := time.Now()
		err := Write(&recorder{}, doc, request(5, 5), Options{})
		assert.Less(t, time.Since(start), time.Second, name)
		assert.ErrorIs(t, err, ErrTooLong, name)
	}
}

// A page of thousands of notes is set in time linear in the notes.
func TestManyNotesOnOnePage(t *testing.T) {
	for _, n := range []int{300, 12_000} {
		v := &maisky.Version{Kind: maisky.Translation, Lang: "en"}
		content := []maisky.Inline{&maisky.PageBreak{Page: 5}}
		for i := 1; i <= n; i++ {
			id := "n" + strconv.Itoa(i)
			content = append(content, &maisky.Text{Value: "w "}, &maisky.NoteRef{ID: id})
			v.Footnotes = append(v.Footnotes, &maisky.Footnote{ID: id, Number: i, Content: []maisky.Inline{&maisky.Text{Value: "N."}}})
		}
		v.Blocks = []maisky.Block{&maisky.Paragraph{Content: content}}
		doc := &maisky.Document{ID: "s", Title: "S", Versions: []*maisky.Version{v}}
		start := time.Now()
		err := Write(&recorder{}, doc, request(5, 5), Options{})
		assert.Less(t, time.Since(start), 2*time.Second, "%d notes", n)
		if n == 300 {
			assert.NoError(t, err)
		} else {
			assert.ErrorIs(t, err, ErrTooLong)
		}
	}
}
