package csl_test

// The differential check (issue 14): the built-in styles of package cite
// (hand translations of five official CSL styles) and this processor
// running the official style files of ../shared/csl must give the same
// text and HTML for the same item, style, mode and locator. Every
// disagreement is either listed, by class, in testdata/differential-known.txt
// (with the side citeproc-js takes) or a failure.
//
// Without ../shared the tests and the fuzz target skip. To decide which
// side is right for a new class, set DIFFERENTIAL_DUMP=FILE: every
// disagreement is appended there (the item as CSL-JSON, style, mode,
// locator and both outputs), ready to render with
// ../shared/tools/citeproc/render.js: scripts/check-differential --update
// does that and rewrites testdata/differential-known.txt.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/csl"
)

// sharedDir holds the official styles and the en-US locale.
const sharedDir = "../../../shared/csl"

const knownPath = "testdata/differential-known.txt"

// diffEnv is what both renderers need: the five official styles parsed
// once, the en-US locale (which the reference renderer uses for every
// language) and the known disagreements.
type diffEnv struct {
	styles map[cite.Style]*csl.Style
	locs   *csl.LocaleSet
	known  []knownClass
	filler *csl.Item
}

var (
	envOnce sync.Once
	envVal  *diffEnv
	envErr  error
)

// needShared skips when ../shared/csl is absent.
func needShared(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "locales-en-US.xml")); err != nil {
		tb.Skip("differential check skipped: ../shared/csl (the official CSL styles and locale) is not available")
	}
}

func loadEnv(tb testing.TB) *diffEnv {
	tb.Helper()
	needShared(tb)
	envOnce.Do(func() { envVal, envErr = buildEnv() })
	if envErr != nil {
		tb.Fatal(envErr)
	}
	return envVal
}

func buildEnv() (*diffEnv, error) {
	e := &diffEnv{styles: map[cite.Style]*csl.Style{}}
	for _, s := range cite.Styles() {
		f, err := os.Open(filepath.Join(sharedDir, string(s)+".csl"))
		if err != nil {
			return nil, err
		}
		st, err := csl.ParseStyle(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s, err)
		}
		e.styles[s] = st
	}
	f, err := os.Open(filepath.Join(sharedDir, "locales-en-US.xml"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := csl.ParseLocale(f)
	if err != nil {
		return nil, err
	}
	e.locs = csl.NewLocaleSetFrom(l)
	e.known, err = readKnown(knownPath)
	if err != nil {
		return nil, err
	}
	e.filler, err = csl.NewItem(map[string]any{"id": fillerID, "type": "book",
		"title":  "Filler Title Used Only To Break Ibid Sequences",
		"author": []any{map[string]any{"family": "Zzfiller", "given": "Oracle"}},
		"issued": map[string]any{"date-parts": []any{[]any{1900.0}}}})
	return e, err
}

// fillerID is the other item cited between an item's first and
// subsequent citation.
const fillerID = "__differential_filler__"

// knownClass is a line of testdata/differential-known.txt: a class of
// disagreements (style, mode, item type; "*" matches any) with what
// differs and which side citeproc-js takes.
type knownClass struct {
	style, mode, typ, kind string
	what, right            string
	line                   int
}

func (k knownClass) matches(style, mode, typ, kind string) bool {
	m := func(p, v string) bool { return p == "*" || p == v }
	return m(k.style, style) && m(k.mode, mode) && m(k.typ, typ) && m(k.kind, kind)
}

// diffKind says how two outputs differ: "cite-empty" or "csl-empty" (one
// side renders nothing), "html" (same text, different HTML) or "text".
func diffKind(bt, bh, pt, ph string) string {
	switch {
	case bt == "" && bh == "":
		return "cite-empty"
	case pt == "" && ph == "":
		return "csl-empty"
	case bt == pt:
		return "html"
	}
	return "text"
}

func readKnown(path string) ([]knownClass, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []knownClass
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: want 6 tab-separated fields (style, mode, type, kind, what differs, right side), got %d", path, n, len(f))
		}
		switch f[5] {
		case "cite", "csl", "neither", "mixed":
		default:
			return nil, fmt.Errorf("%s:%d: the right side is cite, csl, neither or mixed, not %q", path, n, f[5])
		}
		switch f[3] {
		case "cite-empty", "csl-empty", "html", "text", "*":
		default:
			return nil, fmt.Errorf("%s:%d: the kind is cite-empty, csl-empty, html, text or *, not %q", path, n, f[3])
		}
		out = append(out, knownClass{style: f[0], mode: f[1], typ: f[2], kind: f[3], what: f[4], right: f[5], line: n})
	}
	return out, sc.Err()
}

func (e *diffEnv) knownFor(style, mode, typ, kind string) *knownClass {
	for i := range e.known {
		if e.known[i].matches(style, mode, typ, kind) {
			return &e.known[i]
		}
	}
	return nil
}

// diffCase is one comparison: an item in a style, mode and locator.
type diffCase struct {
	style cite.Style
	mode  cite.Mode
	loc   cite.Locator
}

func (c diffCase) modeKey() string { return c.mode.String() }

func (c diffCase) String() string {
	s := string(c.style) + " " + c.mode.String()
	if c.loc.Value != "" {
		s += " locator " + c.loc.Label + " " + c.loc.Value
	}
	return s
}

// viaProcessor renders a case with the official style file, as
// ../shared/tools/citeproc/render.js does: a fresh registry; a first
// citation is note 1; a subsequent one is note 3, after the item in note 1
// (no locator) and another item in note 2.
func (e *diffEnv) viaProcessor(it *csl.Item, c diffCase) (text, html string) {
	p := csl.NewProcessor(e.styles[c.style], csl.Options{Locales: e.locs, Lang: "en-US"})
	if c.mode == cite.Bibliography {
		p.Register(it)
		var ts, hs []string
		for _, en := range p.Bibliography() {
			ts = append(ts, strings.TrimRight(en.String(), " \n"))
			hs = append(hs, en.HTML())
		}
		return strings.Join(ts, "\n"), strings.Join(hs, "\n")
	}
	target := csl.CiteItem{ID: it.ID}
	if c.loc.Value != "" {
		target.Locator, target.Label = c.loc.Value, c.loc.Label
		if target.Label == "" {
			target.Label = "page"
		}
	}
	var cits []csl.Citation
	if c.mode == cite.First {
		p.Register(it)
		cits = []csl.Citation{{ID: "1", NoteIndex: 1, Items: []csl.CiteItem{target}}}
	} else {
		p.Register(it, e.filler)
		cits = []csl.Citation{
			{ID: "1", NoteIndex: 1, Items: []csl.CiteItem{{ID: it.ID}}},
			{ID: "2", NoteIndex: 2, Items: []csl.CiteItem{{ID: fillerID}}},
			{ID: "3", NoteIndex: 3, Items: []csl.CiteItem{target}},
		}
	}
	rs := p.CiteDocument(cits)
	last := rs[len(rs)-1]
	return last.String(), last.HTML()
}

// viaBuiltin renders a case with package cite.
func viaBuiltin(it *cite.Item, c diffCase) (text, html string, err error) {
	t, err := cite.Format(it, c.style, c.mode, c.loc)
	if err != nil {
		return "", "", err
	}
	return t.String(), t.HTML(), nil
}

// diffTally counts comparisons (a case compares text and HTML) and
// disagreements by class.
type diffTally struct {
	cases, equal, listed, unlisted int
	// by class key ("style mode type"): count and the first example
	classes map[string]*classInfo
}

type classInfo struct {
	n        int
	known    *knownClass
	example  string
	citeSide int // cases where cite equals citeproc-js (goldens only)
	cslSide  int // cases where csl equals citeproc-js (goldens only)
	neither  int
}

// compare renders one case both ways and records the outcome; want, when
// not nil, is citeproc-js's text and HTML for the case.
func (e *diffEnv) compare(tb testing.TB, tally *diffTally, ci *cite.Item, pi *csl.Item, c diffCase, want *[2]string) {
	tb.Helper()
	tally.cases++
	bt, bh, err := viaBuiltin(ci, c)
	if err != nil {
		tb.Errorf("%s %s: cite.Format: %v", ci.ID, c, err)
		return
	}
	pt, ph := e.viaProcessor(pi, c)
	if bt == pt && bh == ph {
		tally.equal++
		return
	}
	typ := ci.Type
	kind := diffKind(bt, bh, pt, ph)
	key := string(c.style) + "\t" + c.modeKey() + "\t" + typ + "\t" + kind
	if tally.classes == nil {
		tally.classes = map[string]*classInfo{}
	}
	cl := tally.classes[key]
	if cl == nil {
		cl = &classInfo{known: e.knownFor(string(c.style), c.modeKey(), typ, kind)}
		cl.example = fmt.Sprintf("%s %s:\n  cite text: %q\n  csl  text: %q\n  cite html: %q\n  csl  html: %q", ci.ID, c, bt, pt, bh, ph)
		tally.classes[key] = cl
	}
	cl.n++
	if want != nil {
		switch {
		case bt == want[0] && bh == want[1]:
			cl.citeSide++
		case pt == want[0] && ph == want[1]:
			cl.cslSide++
		default:
			cl.neither++
		}
	}
	if cl.n <= 3 {
		dumpCase(tb, key, ci, c, [4]string{bt, bh, pt, ph})
	}
	if cl.known != nil {
		tally.listed++
		return
	}
	tally.unlisted++
	if cl.n == 1 {
		tb.Errorf("disagreement not in %s: %s\n%s", knownPath, strings.ReplaceAll(key, "\t", " "), cl.example)
	}
}

func (tally *diffTally) report(tb testing.TB, what string) {
	tb.Helper()
	keys := make([]string, 0, len(tally.classes))
	for k := range tally.classes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cl := tally.classes[k]
		status := "UNLISTED"
		if cl.known != nil {
			status = fmt.Sprintf("listed (line %d)", cl.known.line)
		}
		side := ""
		if cl.citeSide+cl.cslSide+cl.neither > 0 {
			side = fmt.Sprintf("; citeproc-js agrees with cite %d, csl %d, neither %d", cl.citeSide, cl.cslSide, cl.neither)
		}
		tb.Logf("class %s: %d cases, %s%s", strings.ReplaceAll(k, "\t", " "), cl.n, status, side)
	}
	tb.Logf("%s: %d cases (%d text and %d HTML comparisons): %d equal, %d listed differences in %d classes, %d unlisted",
		what, tally.cases, tally.cases, tally.cases, tally.equal, tally.listed, len(tally.classes), tally.unlisted)
}

// goldenItems reads cite/testdata/items.json into both item models, from
// the same CSL-JSON, with the locator each item is cited with.
func goldenItems(tb testing.TB) (ci []cite.Item, pi []*csl.Item, locs map[string]cite.Locator, want map[string][2]string) {
	tb.Helper()
	data, err := os.ReadFile("../testdata/items.json")
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		Items     json.RawMessage `json:"items"`
		Citations []struct {
			ID      string `json:"id"`
			Locator string `json:"locator"`
			Label   string `json:"label"`
		} `json:"citations"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		tb.Fatal(err)
	}
	ci, err = cite.ReadCSLJSON(bytes.NewReader(doc.Items))
	if err != nil {
		tb.Fatal(err)
	}
	pi, err = csl.ParseItems(doc.Items)
	if err != nil {
		tb.Fatal(err)
	}
	if len(ci) != len(pi) || len(ci) == 0 {
		tb.Fatalf("items.json: %d items read by cite, %d by csl", len(ci), len(pi))
	}
	locs = map[string]cite.Locator{}
	for _, c := range doc.Citations {
		locs[c.ID] = cite.Locator{Label: c.Label, Value: c.Locator}
	}
	// citeproc-js's outputs, to say which side is right
	want = map[string][2]string{}
	if data, err := os.ReadFile("../testdata/cases.json"); err == nil {
		var cs struct {
			Cases []struct {
				ID, Style, Mode, Locator, Label, Text, HTML string
			} `json:"cases"`
		}
		if json.Unmarshal(data, &cs) == nil {
			for _, c := range cs.Cases {
				want[goldenKey(c.ID, c.Style, c.Mode, c.Locator)] = [2]string{c.Text, c.HTML}
			}
		}
	}
	return ci, pi, locs, want
}

func goldenKey(id, style, mode, locator string) string {
	return id + "|" + style + "|" + mode + "|" + locator
}

// TestDifferentialGoldens compares the two renderers on every golden item
// of cite/testdata, in the five styles: the bibliography entry, and the
// first and the subsequent citation each without a locator and with the
// item's locator (page 60 when it has none).
func TestDifferentialGoldens(t *testing.T) {
	e := loadEnv(t)
	ci, pi, locs, want := goldenItems(t)
	var tally diffTally
	for i := range ci {
		loc, ok := locs[ci[i].ID]
		if !ok || loc.Value == "" {
			loc = cite.Locator{Label: "page", Value: "60"}
		}
		for _, s := range cite.Styles() {
			for _, c := range []diffCase{
				{s, cite.Bibliography, cite.Locator{}},
				{s, cite.First, cite.Locator{}},
				{s, cite.First, loc},
				{s, cite.Subsequent, cite.Locator{}},
				{s, cite.Subsequent, loc},
			} {
				var w *[2]string
				mode := map[cite.Mode]string{cite.Bibliography: "bibliography", cite.First: "citation-first", cite.Subsequent: "citation-subsequent"}[c.mode]
				if x, ok := want[goldenKey(ci[i].ID, string(s), mode, c.loc.Value)]; ok {
					w = &x
				}
				e.compare(t, &tally, &ci[i], pi[i], c, w)
			}
		}
	}
	tally.report(t, "golden items")
}

// dumpCase appends a disagreement to the file named by
// $DIFFERENTIAL_DUMP (JSON lines: the class, the item as CSL-JSON, style,
// mode, locator and both outputs), to render the cases with citeproc-js
// and decide which side is right (scripts/differential-judge.js).
func dumpCase(tb testing.TB, class string, it *cite.Item, c diffCase, out [4]string) {
	path := os.Getenv("DIFFERENTIAL_DUMP")
	if path == "" {
		return
	}
	var item bytes.Buffer
	if err := cite.WriteCSLJSON(&item, []cite.Item{*it}); err != nil {
		tb.Fatal(err)
	}
	line, err := json.Marshal(map[string]any{"class": class, "items": json.RawMessage(item.Bytes()), "style": c.style, "mode": c.mode.String(),
		"locator": c.loc.Value, "label": c.loc.Label, "cite": out[:2], "csl": out[2:]})
	if err != nil {
		tb.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(append(line, '\n')); err != nil {
		tb.Fatal(err)
	}
}
