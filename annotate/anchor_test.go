package annotate_test

import (
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

var (
	fixtureOnce sync.Once
	fixture     *maisky.File
	fixtureErr  error
)

func volume(t testing.TB) *maisky.File {
	t.Helper()
	fixtureOnce.Do(func() {
		f, err := os.Open("../testdata/volume1.json")
		if err != nil {
			fixtureErr = err
			return
		}
		defer f.Close()
		fixture, fixtureErr = maisky.Read(f)
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

func docText(t testing.TB, id string, kind maisky.VersionKind) *annotate.Text {
	t.Helper()
	d, err := volume(t).Document(id)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := annotate.DocumentText(d, kind)
	if err != nil {
		t.Fatal(err)
	}
	return txt
}

// runeIndex returns the code point offset of the n-th (0-based) occurrence
// of sub in s.
func runeIndex(t testing.TB, s, sub string, n int) int {
	t.Helper()
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		if n == 0 {
			return utf8.RuneCountInString(s[:from+i])
		}
		n--
		from += i + len(sub)
	}
}

func selectPhrase(t testing.TB, txt *annotate.Text, phrase string) annotate.Target {
	t.Helper()
	s := runeIndex(t, txt.String(), phrase, 0)
	tg, err := txt.Select(s, s+utf8.RuneCountInString(phrase))
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

func TestSelect(t *testing.T) {
	txt := docText(t, "maisky-1934-12-31", maisky.Translation)
	tg := selectPhrase(t, txt, "Austen Chamberlain")
	if tg.Quote.Exact != "Austen Chamberlain" || utf8.RuneCountInString(tg.Quote.Prefix) < annotate.ContextLen || utf8.RuneCountInString(tg.Quote.Suffix) < annotate.ContextLen {
		t.Errorf("Select: %+v", tg)
	}
	if txt.Slice(tg.Start, tg.End) != "Austen Chamberlain" || tg.Pages.First != 58 {
		t.Errorf("Select: positions %d–%d pages %v", tg.Start, tg.End, tg.Pages)
	}
	a := &annotate.Annotation{Document: "d", Creator: "c", Body: "b", Target: tg}
	if err := a.Validate(); err != nil {
		t.Errorf("a selection's target does not validate: %v", err)
	}
	for _, c := range [][2]int{{-1, 3}, {5, 5}, {7, 3}, {0, txt.Len() + 1}, {txt.Len(), txt.Len() + 2}} {
		_, err := txt.Select(c[0], c[1])
		var se *annotate.SelectionError
		if !errors.As(err, &se) || !errors.Is(err, annotate.ErrSelection) {
			t.Errorf("Select(%d, %d): %v, want a *SelectionError", c[0], c[1], err)
		}
	}
	// Only white space.
	i := runeIndex(t, txt.String(), "\n\n", 0)
	if _, err := txt.Select(i, i+2); !errors.Is(err, annotate.ErrSelection) {
		t.Errorf("a selection of white space: %v", err)
	}
	// A page break inside the selection: pages 58–59.
	full := txt.String()
	p59 := -1
	for i := range txt.Len() {
		if txt.Pages(i, i+1).First == 59 {
			p59 = i
			break
		}
	}
	if p59 < 0 {
		t.Fatal("no page 59")
	}
	tg, err := txt.Select(p59-10, p59+10)
	if err != nil || tg.Pages != (maisky.PageRange{First: 58, Last: 59}) {
		t.Errorf("across the page break: %v %v", tg.Pages, err)
	}
	_ = full
	// A repeated phrase gets more context, until it is unique.
	rep := annotate.NewText(strings.Repeat("the same words again and again. ", 20) + "THE END")
	tg, err = rep.Select(32*10, 32*10+14)
	if err != nil || utf8.RuneCountInString(tg.Quote.Prefix) <= annotate.ContextLen {
		t.Errorf("repeated text: prefix of %d code points, %v", utf8.RuneCountInString(tg.Quote.Prefix), err)
	}
}

func TestSelectCombiningMarks(t *testing.T) {
	// "за́мок" with a stress mark: U+0301 after а has no precomposed form.
	txt := annotate.NewText("Старый за\u0301мок стоит над рекой.")
	i := runeIndex(t, txt.String(), "\u0301", 0)
	tg, err := txt.Select(i, i+3) // starts on the mark
	if err != nil {
		t.Fatal(err)
	}
	if tg.Start != i-1 || !strings.HasPrefix(tg.Quote.Exact, "а\u0301") {
		t.Errorf("a selection starting on a combining mark: %d %q", tg.Start, tg.Quote.Exact)
	}
	tg, err = txt.Select(i-3, i) // ends before the mark
	if err != nil || tg.End != i+1 || !strings.HasSuffix(tg.Quote.Exact, "а\u0301") {
		t.Errorf("a selection ending before a combining mark: %d %q %v", tg.End, tg.Quote.Exact, err)
	}
	// Decomposed input is normalized: é is one code point.
	d := annotate.NewText("de\u0301marche")
	if d.Len() != 8 || d.String() != "d\u00e9marche" {
		t.Errorf("NFC: %q (%d)", d.String(), d.Len())
	}
}

type edit struct {
	name   string
	change func(s string) string
	status annotate.Status
	// want is the text the passage should be found at in the new text
	// ("" for an orphan); nth picks among several occurrences.
	want string
	nth  int
}

func replaceOnce(old, new string) func(string) string {
	return func(s string) string { return strings.Replace(s, old, new, 1) }
}

func replaceNth(old, new string, n int) func(string) string {
	return func(s string) string {
		from := 0
		for range n {
			from += strings.Index(s[from:], old) + len(old)
		}
		i := strings.Index(s[from:], old) + from
		return s[:i] + new + s[i+len(old):]
	}
}

func runEdits(t *testing.T, oldText *annotate.Text, phrase string, edits []edit) {
	t.Helper()
	tg := selectPhrase(t, oldText, phrase)
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			newS := e.change(oldText.String())
			if newS == oldText.String() && e.name != "unchanged" {
				t.Fatal("the edit changed nothing")
			}
			newText := annotate.NewText(newS)
			for _, how := range []string{"text", "reanchorer"} {
				var m annotate.Match
				if how == "text" {
					m = newText.Anchor(tg)
				} else {
					m = annotate.NewReanchorer(oldText, newText).Anchor(tg)
				}
				if m.Status != e.status {
					t.Errorf("%s: status %v (%d–%d %q, score %.3f), want %v", how, m.Status, m.Start, m.End, newText.Slice(m.Start, m.End), m.Score, e.status)
					continue
				}
				if e.want == "" {
					if m.Start != 0 || m.End != 0 {
						t.Errorf("%s: an orphan at %d–%d", how, m.Start, m.End)
					}
					continue
				}
				ws := runeIndex(t, newS, e.want, e.nth)
				if m.Start != ws || m.End != ws+utf8.RuneCountInString(e.want) {
					t.Errorf("%s: found %d–%d %q, want %d–%d %q", how, m.Start, m.End, newText.Slice(m.Start, m.End), ws, ws+utf8.RuneCountInString(e.want), e.want)
				}
			}
		})
	}
}

func TestReanchorEnglish(t *testing.T) {
	old := docText(t, "maisky-1934-12-31", maisky.Translation)
	phrase := "British politicians have an old gift for accepting realities"
	p := phrase
	runEdits(t, old, phrase, []edit{
		{"unchanged", func(s string) string { return s }, annotate.Exact, p, 0},
		{"edit far before", replaceOnce("So the year is over", "So the year, at long last, is over"), annotate.Moved, p, 0},
		{"edit just before", replaceOnce("What has happened is simpler. ", "What has happened is much simpler. "), annotate.Moved, p, 0},
		{"sentence before rewritten", replaceOnce("What has happened is simpler. ", "The truth is plain enough. "), annotate.Moved, p, 0},
		{"edit just after", replaceOnce("accepting realities, agreeable or not", "accepting realities, pleasant or not"), annotate.Exact, p, 0},
		{"edit far after", replaceOnce("Agniya and I", "Agniya and I both"), annotate.Exact, p, 0},
		{"word inside changed", replaceOnce(phrase, "British politicians have an ancient gift for accepting realities"), annotate.Fuzzy, "British politicians have an ancient gift for accepting realities", 0},
		{"word inside deleted", replaceOnce(phrase, "British politicians have a gift for accepting realities"), annotate.Fuzzy, "British politicians have a gift for accepting realities", 0},
		{"sentence deleted", replaceOnce("British politicians have an old gift for accepting realities, agreeable or not, and this gift has at last got the upper hand over their class hatred of us. ", ""), annotate.Orphan, "", 0},
		{"passage deleted", replaceOnce(phrase, ""), annotate.Orphan, "", 0},
		{"passage rewritten", replaceOnce(phrase, "The men in Whitehall are practical people who take the world as it comes"), annotate.Orphan, "", 0},
		{"copy inserted before", replaceOnce("Agniya and I have kept", "British politicians have an old gift for accepting realities. Agniya and I have kept"), annotate.Exact, p, 0},
		{"copy inserted earlier", replaceOnce("So the year is over", "British politicians have an old gift for accepting realities. So the year is over"), annotate.Moved, p, 1},
		{"double spaces", func(s string) string {
			return strings.Replace(s, "What has happened is simpler. British politicians have an old gift", "What has happened is simpler.  British  politicians have an old gift", 1)
		}, annotate.Fuzzy, "British  politicians have an old gift for accepting realities", 0},
		{"punctuation", replaceOnce("simpler. British politicians have an old gift for accepting realities, agreeable", "simpler; British politicians have an old gift for accepting realities - agreeable"), annotate.Exact, p, 0},
		{"curly quotes", replaceOnce("simpler. British", "simpler — “British"), annotate.Moved, p, 0},
		{"line break", replaceOnce("simpler. British", "simpler.\n\nBritish"), annotate.Moved, p, 0},
	})
}

func TestReanchorLookalike(t *testing.T) {
	// The passage is gone; the same words stand elsewhere in another
	// context: an orphan, never the lookalike.
	old := annotate.NewText("In the morning I saw Litvinov at the Foreign Office and we spoke about the pact. " +
		"Later, over lunch with Vansittart, the talk turned to Germany and the Saar. " +
		"In the evening a reception at the embassy; many guests, little news.")
	tg := selectPhrase(t, old, "the talk turned to Germany")
	newText := annotate.NewText("In the morning I saw Litvinov at the Foreign Office and we spoke about the pact. " +
		"In the evening a reception at the embassy; many guests, little news. At the end, the talk turned to Germany as always.")
	for _, m := range []annotate.Match{newText.Anchor(tg), annotate.NewReanchorer(old, newText).Anchor(tg)} {
		if m.Status != annotate.Orphan {
			t.Errorf("attached to a lookalike: %v %q", m.Status, newText.Slice(m.Start, m.End))
		}
	}
	// A short quote: one word, its context gone.
	tg = selectPhrase(t, old, "Vansittart")
	newText = annotate.NewText("In the morning I saw Litvinov. Vansittart was away. The talk turned to Germany.")
	if m := newText.Anchor(tg); m.Status != annotate.Orphan {
		t.Errorf("a one-word lookalike: %v %q", m.Status, newText.Slice(m.Start, m.End))
	}
}

func TestReanchorCyrillic(t *testing.T) {
	old := docText(t, "maisky-1935-01-15", maisky.Transcription)
	phrase := "Гитлер преподнесёт голосование как свою личную победу"
	runEdits(t, old, phrase, []edit{
		{"unchanged", func(s string) string { return s }, annotate.Exact, phrase, 0},
		{"edit before", replaceOnce("Сегодня утром", "Сегодня рано утром"), annotate.Moved, phrase, 0},
		{"ё written е", replaceOnce("преподнесёт", "преподнесет"), annotate.Fuzzy, "Гитлер преподнесет голосование как свою личную победу", 0},
		{"stress mark added", replaceOnce("свою личную", "свою ли\u0301чную"), annotate.Fuzzy, "Гитлер преподнесёт голосование как свою ли\u0301чную победу", 0},
		{"passage deleted", replaceOnce(phrase+", а каждая такая победа делает его смелее. ", ""), annotate.Orphan, "", 0},
		{"copy before", replaceOnce("Сегодня утром", "Гитлер преподнесёт голосование как свою личную победу. Сегодня утром"), annotate.Moved, phrase, 1},
	})
}

func TestReanchorAnnotation(t *testing.T) {
	old := docText(t, "maisky-1934-12-31", maisky.Translation)
	tg := selectPhrase(t, old, "the Eastern Pact")
	a := &annotate.Annotation{ID: "urn:x:1", Document: "maisky-1934-12-31", Creator: "alice", Body: "Which pact?", Target: tg}
	newText := annotate.NewText(strings.Replace(old.String(), "So the year is over", "So the old year is over", 1))
	got, m := annotate.Reanchor(a, newText)
	if m.Status != annotate.Moved || got.Target.Start != tg.Start+4 || got.Target.Quote.Exact != "the Eastern Pact" || got.Target.Orphaned {
		t.Errorf("Reanchor: %v %+v", m, got.Target)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("a re-anchored annotation does not validate: %v", err)
	}
	gone := annotate.NewText(strings.Replace(old.String(), "the Eastern Pact", "nothing", 1))
	got, m = annotate.Reanchor(a, gone)
	if m.Status != annotate.Orphan || !got.Target.Orphaned || got.Target.Start != 0 || got.Target.Quote != tg.Quote {
		t.Errorf("orphan: %v %+v", m, got.Target)
	}
	if err := got.Validate(); err != nil {
		t.Errorf("an orphan does not validate: %v", err)
	}
	// An orphan comes back when its passage does.
	back, m := annotate.Reanchor(got, old)
	if m.Status == annotate.Orphan || back.Target.Start != tg.Start {
		t.Errorf("an orphan re-anchored in the old text: %v %+v", m, back.Target)
	}
}

// After several edits in different paragraphs, a copy of the passage
// inserted before it is not taken for it, and Map follows every edit.
func TestReanchorSeveralEdits(t *testing.T) {
	old := docText(t, "maisky-1934-12-31", maisky.Translation)
	phrase := "British politicians have an old gift for accepting realities"
	tg := selectPhrase(t, old, phrase)
	s := old.String()
	s = strings.Replace(s, "So the year is over", "So the year, at long last, is over", 1)
	// A copy of the passage with its context, in the paragraph before.
	ctx := tg.Quote.Prefix + tg.Quote.Exact + tg.Quote.Suffix
	s = strings.Replace(s, "For our country 1934 has been", ctx+" For our country 1934 has been", 1)
	s = strings.Replace(s, "Agniya and I have kept", "Agniya and I have always kept", 1)
	nt := annotate.NewText(s)
	r := annotate.NewReanchorer(old, nt)
	m := r.Anchor(tg)
	want := runeIndex(t, s, phrase, 1)
	if m.Status != annotate.Moved || m.Start != want {
		t.Errorf("several edits and a copy: %v at %d, want moved at %d (the copy is at %d)", m.Status, m.Start, want, runeIndex(t, s, phrase, 0))
	}
	if got := r.Map(tg.Start); got != want {
		t.Errorf("Map(%d) = %d, want %d", tg.Start, got, want)
	}
	// Positions in unchanged paragraphs map exactly.
	for _, p := range []string{"Here in London, too", "Feka spent a month", "Agniya and I have"} {
		i := runeIndex(t, old.String(), p, 0)
		j := runeIndex(t, s, p, 0)
		if p == "Agniya and I have" {
			j = runeIndex(t, s, "Agniya and I have", 0)
		}
		if got := r.Map(i); got != j {
			t.Errorf("Map of %q: %d, want %d", p, got, j)
		}
	}
}
