package cite

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// goldenCase is a case of testdata/cases.json: the text and HTML that
// citeproc-js gives for an item in a style and mode. The file is written by
// scripts/check-cite --update from citeproc-js, never from this package.
type goldenCase struct {
	ID      string   `json:"id"`
	IDs     []string `json:"ids"`
	Style   string   `json:"style"`
	Mode    string   `json:"mode"`
	Locator string   `json:"locator"`
	Label   string   `json:"label"`
	Text    string   `json:"text"`
	HTML    string   `json:"html"`
	Order   []string `json:"order"`
}

type goldenFile struct {
	Cases []goldenCase `json:"cases"`
}

type itemsFile struct {
	Items json.RawMessage `json:"items"`
}

// goldenDir is where the items and cases are read from: testdata, or the
// folder in $CITE_GOLDEN_DIR (to try new citeproc-js cases before adding
// them to testdata with scripts/check-cite --update).
func goldenDir() string {
	if d := os.Getenv("CITE_GOLDEN_DIR"); d != "" {
		return d
	}
	return "testdata"
}

func loadGolden(t testing.TB) (map[string]*Item, []goldenCase) {
	t.Helper()
	data, err := os.ReadFile(goldenDir() + "/items.json")
	require.NoError(t, err)
	var f itemsFile
	require.NoError(t, json.Unmarshal(data, &f))
	items, err := ReadCSLJSON(bytes.NewReader(f.Items))
	require.NoError(t, err)
	byID := map[string]*Item{}
	for i := range items {
		byID[items[i].ID] = &items[i]
	}
	data, err = os.ReadFile(goldenDir() + "/cases.json")
	require.NoError(t, err)
	var g goldenFile
	require.NoError(t, json.Unmarshal(data, &g))
	require.NotEmpty(t, g.Cases)
	return byID, g.Cases
}

func caseMode(c goldenCase) Mode {
	switch c.Mode {
	case "citation-first":
		return First
	case "citation-subsequent":
		return Subsequent
	}
	return Bibliography
}

// goldenDifferences lists the golden cases on which the built-in styles are
// known to differ from citeproc-js, one a line: the case's key (style, mode
// and item ids, space-separated), a tab, and what differs. TestGolden fails
// on a difference not listed and on a listed case that no longer differs,
// so the list only shrinks by fixing the rule. It lists our failures, never
// expectations: those come from citeproc-js alone (scripts/check-cite).
const goldenDifferences = "testdata/golden-differences.txt"

// updateDifferences rewrites goldenDifferences with the cases that differ
// now: go test ./cite -run Golden -update-differences. Review the diff.
var updateDifferences = flag.Bool("update-differences", false, "rewrite "+goldenDifferences+" with the cases that differ from citeproc-js now")

func (c goldenCase) key() string {
	return c.Style + " " + c.Mode + " " + c.ID + strings.Join(c.IDs, ",")
}

func readGoldenDifferences(t *testing.T) map[string]string {
	t.Helper()
	data, err := os.ReadFile(goldenDifferences)
	if os.IsNotExist(err) {
		return map[string]string{}
	}
	require.NoError(t, err)
	m := map[string]string{}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, why, ok := strings.Cut(line, "\t")
		if !ok || why == "" {
			t.Fatalf("%s: %q has no reason", goldenDifferences, line)
		}
		m[key] = why
	}
	return m
}

// shorten cuts s to about n bytes around its first difference from other.
func shorten(s, other string, n int) string {
	i := 0
	for i < len(s) && i < len(other) && s[i] == other[i] {
		i++
	}
	start := max(0, i-n/2)
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	end := min(len(s), start+n)
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	out := s[start:end]
	if start > 0 {
		out = "…" + out
	}
	if end < len(s) {
		out += "…"
	}
	return out
}

// checkGoldenCase compares one rendered case with citeproc-js and records
// the outcome against the known differences.
type goldenCheck struct {
	t       *testing.T
	known   map[string]string
	seen    map[string]bool
	differs []string
	shown   int
}

func (g *goldenCheck) check(c goldenCase, text, html string) {
	key := c.key()
	g.seen[key] = true
	if text == c.Text && html == c.HTML {
		if _, ok := g.known[key]; ok && !*updateDifferences {
			g.t.Errorf("%s: listed in %s but equals citeproc-js now: take it off the list (-update-differences)", key, goldenDifferences)
		}
		return
	}
	what := fmt.Sprintf("text: cite %q, citeproc-js %q", shorten(text, c.Text, 90), shorten(c.Text, text, 90))
	if text == c.Text {
		what = fmt.Sprintf("html: cite %q, citeproc-js %q", shorten(html, c.HTML, 90), shorten(c.HTML, html, 90))
	}
	g.differs = append(g.differs, key+"\t"+what)
	if _, ok := g.known[key]; ok || *updateDifferences {
		return
	}
	if g.shown < 100 {
		g.shown++
		g.t.Errorf("%s (not in %s)\n want %s\n  got %s\n want %s\n  got %s", key, goldenDifferences, c.Text, text, c.HTML, html)
	}
}

// TestGolden renders every golden case and compares text and HTML exactly;
// cases listed in goldenDifferences are expected to differ (see there).
func TestGolden(t *testing.T) {
	items, cases := loadGolden(t)
	g := &goldenCheck{t: t, known: readGoldenDifferences(t), seen: map[string]bool{}}
	failures := map[string]int{}
	total := map[string]int{}
	for _, c := range cases {
		key := c.Style + " " + c.Mode
		total[key]++
		n := len(g.differs)
		if c.Mode == "bibliography-list" {
			list := make([]Item, len(c.IDs))
			for i, id := range c.IDs {
				require.NotNil(t, items[id], id)
				list[i] = *items[id]
			}
			var text, html bytes.Buffer
			require.NoError(t, WriteBibliography(&text, list, Style(c.Style), PlainText))
			require.NoError(t, WriteBibliography(&html, list, Style(c.Style), HTML))
			g.check(c, strings.TrimSuffix(text.String(), "\n"), strings.TrimSuffix(html.String(), "\n"))
		} else {
			it := items[c.ID]
			require.NotNil(t, it, c.ID)
			got, err := Format(it, Style(c.Style), caseMode(c), Locator{Label: c.Label, Value: c.Locator})
			require.NoError(t, err, c.key())
			g.check(c, got.String(), got.HTML())
		}
		if len(g.differs) > n {
			failures[key]++
		}
	}
	if goldenDir() == "testdata" {
		for key := range g.known {
			if !g.seen[key] {
				t.Errorf("%s: listed in %s but there is no such case", key, goldenDifferences)
			}
		}
	}
	var sum []string
	for k, n := range total {
		if failures[k] > 0 {
			sum = append(sum, fmt.Sprintf("%s: %d/%d differ", k, failures[k], n))
		}
	}
	sort.Strings(sum)
	if len(sum) > 0 {
		t.Log("differences from citeproc-js:\n" + strings.Join(sum, "\n"))
	}
	if *updateDifferences && goldenDir() == "testdata" {
		sort.Strings(g.differs)
		var b strings.Builder
		b.WriteString("# Golden cases (cite/testdata/cases.json, rendered by citeproc-js) on which the\n")
		b.WriteString("# built-in styles differ from citeproc-js: KEY (style mode ids) TAB what differs.\n")
		b.WriteString("# Written by go test ./cite -run Golden -update-differences; see golden_test.go.\n")
		for _, d := range g.differs {
			b.WriteString(d + "\n")
		}
		require.NoError(t, os.WriteFile(goldenDifferences, []byte(b.String()), 0o644))
	}
}

// TestGoldenBibliographyList checks the order of sorted bibliographies of
// several items against citeproc-js (their text, with "———" for a
// repeated author, is compared by TestGolden).
func TestGoldenBibliographyList(t *testing.T) {
	items, cases := loadGolden(t)
	known := readGoldenDifferences(t)
	n := 0
	for _, c := range cases {
		if c.Mode != "bibliography-list" || c.Order == nil {
			continue
		}
		n++
		list := make([]Item, len(c.IDs))
		for i, id := range c.IDs {
			require.NotNil(t, items[id], id)
			list[i] = *items[id]
		}
		order, err := SortBibliography(list, Style(c.Style))
		require.NoError(t, err)
		var got []string
		for _, i := range order {
			got = append(got, list[i].ID)
		}
		if _, ok := known[c.key()]; ok {
			continue
		}
		require.Equal(t, c.Order, got, c.Style)
	}
	require.NotZero(t, n)
}
