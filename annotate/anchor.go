package annotate

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context lengths of a selection's quote, in code points.
const (
	// ContextLen is the prefix and suffix that Select keeps at least.
	ContextLen = 32
	// MaxContextLen is the most Select keeps to make the quote with its
	// context occur only once in the text.
	MaxContextLen = 256
)

// The approximate-match threshold, strict on purpose: an annotation whose
// passage cannot be found with this much certainty is orphaned rather than
// attached to a passage that only looks like it.
//
// A candidate passage is a span of the new text within MaxErrorRate edits
// (insertions, deletions, substitutions of code points) of the quote,
// found by a bit-parallel edit-distance search. It is scored as
//
//	quote   = 1 − edits / quote length
//	prefix  = 1 − edits / prefix length   (stored prefix against the text before the span)
//	suffix  = 1 − edits / suffix length   (stored suffix against the text after it)
//	place   = 1 − |start − expected start| / text length
//	score   = (50·quote + 20·prefix + 20·suffix + 2·place) / 92
//
// and accepted only when quote ≥ 1 − MaxErrorRate, both prefix and suffix
// are at least MinSideContext, their mean is at least MinContext, and
// score is at least MinScore. The one exception: an identical quote of at
// least UniqueQuoteLen code points that occurs once in the new text, with
// one side of its context at least MinSideContextAlone, is the passage
// (a rewritten sentence next to an unchanged passage).
const (
	MaxErrorRate        = 0.2
	MinSideContext      = 0.5
	MinContext          = 0.7
	MinScore            = 0.8
	UniqueQuoteLen      = 16
	MinSideContextAlone = 0.9
)

// Status says how an annotation was anchored in a text.
type Status int

// Anchoring statuses.
const (
	// Exact: the quote is at its recorded position.
	Exact Status = iota
	// Moved: the identical quote is elsewhere, with its context.
	Moved
	// Fuzzy: a passage close to the quote, with its context, above the
	// threshold.
	Fuzzy
	// Orphan: the passage is gone (or cannot be told from lookalikes).
	Orphan
)

var statusNames = [...]string{"exact", "moved", "fuzzy", "orphan"}

// String returns "exact", "moved", "fuzzy" or "orphan".
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Match is where a target was anchored in a text: the span [Start, End) in
// code points, and the score of the match (1 for exact and moved, 0 for an
// orphan).
type Match struct {
	Status     Status
	Start, End int
	Score      float64
}

// SelectionError reports a selection outside the text or empty. It
// unwraps to ErrSelection.
type SelectionError struct {
	Start, End int
	// Len is the text's length in code points.
	Len int
	Msg string
}

// Error says what was selected and what the text allows.
func (e *SelectionError) Error() string {
	return "annotate: selection " + strconv.Itoa(e.Start) + "–" + strconv.Itoa(e.End) + ": " + e.Msg +
		" (the text has code points 0–" + strconv.Itoa(e.Len) + ")"
}

// Unwrap returns ErrSelection.
func (e *SelectionError) Unwrap() error { return ErrSelection }

// Select makes the target of a reader's selection of the code points
// [start, end): the quote with ContextLen code points of context on each
// side (more, up to MaxContextLen, until the quote with its context occurs
// once in the text), the position and the print pages. A selection that
// splits a character from its combining marks is widened to whole
// characters. A selection outside the text, empty or only white space is
// a *SelectionError.
func (t *Text) Select(start, end int) (Target, error) {
	n := len(t.runes)
	if start < 0 || end > n || start >= end {
		msg := "outside the text"
		if start >= end && start >= 0 && end <= n {
			msg = "empty"
		}
		return Target{}, &SelectionError{Start: start, End: end, Len: n, Msg: msg}
	}
	start, end = t.clusterStart(start), t.clusterEnd(end)
	if strings.TrimFunc(t.Slice(start, end), unicode.IsSpace) == "" {
		return Target{}, &SelectionError{Start: start, End: end, Len: n, Msg: "only white space"}
	}
	exact := t.Slice(start, end)
	ctx := ContextLen
	var q Quote
	for {
		q = Quote{Exact: exact, Prefix: t.Slice(start-ctx, start), Suffix: t.Slice(end, end+ctx)}
		if ctx >= MaxContextLen || (start-ctx <= 0 && end+ctx >= n) || t.unique(q, start) {
			break
		}
		ctx *= 2
	}
	return Target{Quote: q, Start: start, End: end, Pages: t.Pages(start, end)}, nil
}

// unique reports whether prefix+exact+suffix occurs in the text only with
// the quote at start.
func (t *Text) unique(q Quote, start int) bool {
	return len(t.occurrences(q.Prefix+q.Exact+q.Suffix, 2)) == 1
}

// Anchor finds a target's passage in the text, expecting it where the
// target says (Start). See AnchorNear.
func (t *Text) Anchor(tg Target) Match { return t.AnchorNear(tg, tg.Start) }

// AnchorNear finds a target's passage in the text, expecting it to start
// near code point hint:
//
//  1. Exact: the quote at the target's position, with its prefix and
//     suffix;
//  2. Moved: else the quote with its prefix and suffix elsewhere, the
//     nearest to hint;
//  3. else the best passage of an approximate search scored with its
//     context, above the threshold documented at MinScore: Exact or
//     Moved when the text there is the quote, Fuzzy otherwise;
//  4. Orphan otherwise, with Start and End 0.
//
// A target without a quote (the whole document) is Exact at 0–0.
func (t *Text) AnchorNear(tg Target, hint int) Match {
	q := tg.Quote
	if q.Exact == "" {
		return Match{Status: Exact, Score: 1}
	}
	m := utf8.RuneCountInString(q.Exact)
	if m > len(t.runes) {
		return Match{Status: Orphan}
	}
	hint = max(0, min(hint, len(t.runes)-m))
	if t.quoteAt(tg.Start, q.Exact) && t.contextAt(tg.Start, tg.Start+m, q) {
		return t.found(tg, tg.Start, m, 1)
	}
	if hint != tg.Start && t.quoteAt(hint, q.Exact) && t.contextAt(hint, hint+m, q) {
		return t.found(tg, hint, m, 1)
	}
	// The quote with its context elsewhere: near the hint first.
	win := 2*m + 2*MaxContextLen
	if s, ok := t.nearestWithContext(q, m, hint, hint-win, hint+m+win); ok {
		return t.found(tg, s, m, 1)
	}
	if s, ok := t.nearestEverywhere(q, m, hint); ok {
		return t.found(tg, s, m, 1)
	}
	return t.approximate(tg, []rune(q.Exact), hint)
}

// found returns the Match of the identical quote at s.
func (t *Text) found(tg Target, s, m int, score float64) Match {
	st := Moved
	if s == tg.Start && s+m == tg.End {
		st = Exact
	}
	return Match{Status: st, Start: s, End: s + m, Score: score}
}

// quoteAt reports whether the text at code point i reads exact.
func (t *Text) quoteAt(i int, exact string) bool {
	if i < 0 || i >= len(t.runes) {
		return false
	}
	b := t.byteAt(i)
	return b+len(exact) <= len(t.s) && t.s[b:b+len(exact)] == exact
}

// contextAt reports whether the text before start reads q.Prefix and the
// text after end q.Suffix.
func (t *Text) contextAt(start, end int, q Quote) bool {
	bs, be := t.byteAt(start), t.byteAt(end)
	return bs >= len(q.Prefix) && t.s[bs-len(q.Prefix):bs] == q.Prefix &&
		be+len(q.Suffix) <= len(t.s) && t.s[be:be+len(q.Suffix)] == q.Suffix
}

// nearestWithContext finds the occurrence of the quote with its context in
// the code points [from, to) nearest to hint.
func (t *Text) nearestWithContext(q Quote, m, hint, from, to int) (int, bool) {
	from = max(0, from)
	to = min(len(t.runes), to)
	if to-from < m {
		return 0, false
	}
	lo, hi := t.byteAt(from), t.byteAt(to)
	best, found := 0, false
	for lo < hi {
		i := strings.Index(t.s[lo:hi], q.Exact)
		if i < 0 {
			break
		}
		s := t.runeAt(lo + i)
		if t.contextAt(s, s+m, q) && (!found || abs(s-hint) < abs(best-hint)) {
			best, found = s, true
		}
		_, size := utf8.DecodeRuneInString(t.s[lo+i:])
		lo += i + size
	}
	return best, found
}

// nearestEverywhere finds the occurrence of the quote with its context in
// the whole text nearest to hint.
func (t *Text) nearestEverywhere(q Quote, m, hint int) (int, bool) {
	best, found := 0, false
	for _, b := range t.occurrences(q.Prefix+q.Exact+q.Suffix, -1) {
		s := t.runeAt(b + len(q.Prefix))
		if !found || abs(s-hint) < abs(best-hint) || abs(s-hint) == abs(best-hint) && s < best {
			best, found = s, true
		}
	}
	return best, found
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

type candidate struct {
	end, edits int
}

// maxCandidates bounds the approximate matches that are scored.
const maxCandidates = 64

// nearScore is the score above which a passage found near where it is
// expected is taken without searching the rest of the text.
const nearScore = 0.9

// approximate is step 3 of AnchorNear: the passages near the hint first,
// then, unless one of those is clearly the passage, the whole text.
func (t *Text) approximate(tg Target, pat []rune, hint int) Match {
	m := len(pat)
	win := 2*m + 2*MaxContextLen
	from, to := max(0, hint-win), min(len(t.runes), hint+m+win)
	if from > 0 || to < len(t.runes) {
		if best := t.approximateIn(tg, pat, hint, from, to); best.Status != Orphan && best.Score >= nearScore {
			return best
		}
	}
	return t.approximateIn(tg, pat, hint, 0, len(t.runes))
}

// approximateIn searches the code points [from, to).
func (t *Text) approximateIn(tg Target, pat []rune, hint, from, to int) Match {
	m := len(pat)
	maxErr := int(float64(m) * MaxErrorRate)
	my := newMyers(pat)
	var cands []candidate
	inRun := false
	for j := from; j < to; j++ {
		c := t.runes[j]
		d := my.step(c, false)
		if d > maxErr {
			inRun = false
			continue
		}
		if inRun && d >= cands[len(cands)-1].edits {
			continue
		}
		if inRun {
			cands[len(cands)-1] = candidate{j + 1, d}
		} else {
			cands = append(cands, candidate{j + 1, d})
			inRun = true
		}
	}
	if len(cands) == 0 {
		return Match{Status: Orphan}
	}
	if len(cands) > maxCandidates {
		// Keep the closest matches, the nearest to the hint among equals.
		sortCandidates(cands, hint+m)
		cands = cands[:maxCandidates]
	}
	rev := make([]rune, m)
	for i, c := range pat {
		rev[m-1-i] = c
	}
	back := newMyers(rev)
	prefix, suffix := []rune(tg.Quote.Prefix), []rune(tg.Quote.Suffix)
	best := Match{Status: Orphan}
	bestScore := -1.0
	exactCount := 0
	for _, c := range cands {
		if c.edits == 0 {
			exactCount++
		}
	}
	for _, c := range cands {
		start := t.startOf(back, c)
		end := t.clusterEnd(c.end)
		start = t.clusterStart(start)
		if start >= end {
			continue
		}
		qs := 1 - float64(c.edits)/float64(m)
		ps := t.prefixSimilarity(prefix, start)
		ss := t.suffixSimilarity(suffix, end)
		place := 1 - float64(abs(start-hint))/float64(max(1, len(t.runes)))
		score := (50*qs + 20*ps + 20*ss + 2*place) / 92
		ok := ps >= MinSideContext && ss >= MinSideContext && (ps+ss)/2 >= MinContext && score >= MinScore
		if !ok && c.edits == 0 && exactCount == 1 && m >= UniqueQuoteLen && max(ps, ss) >= MinSideContextAlone {
			ok = true
		}
		if ok && score > bestScore {
			bestScore = score
			best = Match{Status: Fuzzy, Start: start, End: end, Score: score}
		}
	}
	if best.Status == Orphan {
		return best
	}
	if t.Slice(best.Start, best.End) == tg.Quote.Exact {
		if best.Start == tg.Start && best.End == tg.End {
			best.Status = Exact
		} else {
			best.Status = Moved
		}
	}
	return best
}

// startOf finds where the approximate match that ends at c.end starts: the
// start whose span is within c.edits of the quote, the length nearest the
// quote's.
func (t *Text) startOf(back *myers, c candidate) int {
	m := back.m
	back.reset()
	start, bestD, bestLen := c.end-m, m+1, 0
	lo := max(0, c.end-m-c.edits)
	for j := c.end - 1; j >= lo; j-- {
		d := back.step(t.runes[j], true)
		l := c.end - j
		if d < bestD || d == bestD && abs(l-m) < abs(bestLen-m) {
			start, bestD, bestLen = j, d, l
		}
	}
	return max(0, start)
}

// prefixSimilarity compares the stored prefix with the text before start,
// aligned at start.
func (t *Text) prefixSimilarity(prefix []rune, start int) float64 {
	if len(prefix) == 0 {
		if start == 0 {
			return 1
		}
		return 0.5
	}
	slack := len(prefix)/4 + 2
	lo := max(0, start-len(prefix)-slack)
	window := make([]rune, 0, start-lo)
	for i := start - 1; i >= lo; i-- {
		window = append(window, t.runes[i])
	}
	rp := make([]rune, len(prefix))
	for i, c := range prefix {
		rp[len(prefix)-1-i] = c
	}
	d := bestPrefixDistance(rp, window)
	return 1 - float64(d)/float64(len(prefix))
}

// suffixSimilarity compares the stored suffix with the text after end.
func (t *Text) suffixSimilarity(suffix []rune, end int) float64 {
	if len(suffix) == 0 {
		if end == len(t.runes) {
			return 1
		}
		return 0.5
	}
	slack := len(suffix)/4 + 2
	hi := min(len(t.runes), end+len(suffix)+slack)
	d := bestPrefixDistance(suffix, t.runes[end:hi])
	return 1 - float64(d)/float64(len(suffix))
}

func sortCandidates(cs []candidate, hintEnd int) {
	slices.SortFunc(cs, func(a, b candidate) int {
		if a.edits != b.edits {
			return a.edits - b.edits
		}
		return abs(a.end-hintEnd) - abs(b.end-hintEnd)
	})
}
