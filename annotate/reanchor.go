package annotate

import "sort"

// Reanchorer re-anchors targets made on an old text in a new one. It
// compares the two texts once, paragraph by paragraph (the longest common
// subsequence of identical paragraphs, then the common beginning and end
// of each changed stretch), so that each target is looked for first where
// the edits moved it: this tells an original passage from a copy of it
// inserted elsewhere, even after several edits.
type Reanchorer struct {
	old, new *Text
	// spans map stretches of the old text to the new: sorted by old start,
	// covering the old text.
	spans []span
}

// span maps the old code points [oldStart, oldEnd) to the new
// [newStart, newEnd): one for one when same, else the common beginning
// (pre) and end (suf) one for one and the middle proportionally.
type span struct {
	oldStart, oldEnd, newStart, newEnd int
	same                               bool
	pre, suf                           int
}

// maxDiffCells bounds the paragraph comparison (paragraphs of the old text
// times those of the new); beyond it the texts are compared as one stretch.
const maxDiffCells = 4 << 20

// NewReanchorer prepares the re-anchoring of targets from old to new.
func NewReanchorer(old, new *Text) *Reanchorer {
	r := &Reanchorer{old: old, new: new}
	a, b := paragraphs(old.runes), paragraphs(new.runes)
	if len(a)*len(b) > maxDiffCells {
		r.spans = []span{changed(old.runes, new.runes, 0, len(old.runes), 0, len(new.runes))}
		return r
	}
	// Longest common subsequence of identical paragraphs.
	eq := func(i, j int) bool {
		return runesEqual(old.runes[a[i][0]:a[i][1]], new.runes[b[j][0]:b[j][1]])
	}
	n, m := len(a), len(b)
	lcs := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	// gap maps the changed paragraphs a[i0:i1] to b[j0:j1]: pair by pair
	// when there are as many on each side (each edited in place), else as
	// one stretch.
	gap := func(i0, i1, j0, j1 int) {
		os, ns := 0, 0
		if i0 > 0 {
			os = a[i0-1][1]
		}
		if j0 > 0 {
			ns = b[j0-1][1]
		}
		oe, ne := len(old.runes), len(new.runes)
		if i1 < n {
			oe = a[i1][0]
		}
		if j1 < m {
			ne = b[j1][0]
		}
		if os == oe && ns == ne {
			return
		}
		if i1-i0 == j1-j0 && i1 > i0 {
			for k := range i1 - i0 {
				r.spans = append(r.spans, changed(old.runes, new.runes, a[i0+k][0], a[i0+k][1], b[j0+k][0], b[j0+k][1]))
			}
			return
		}
		r.spans = append(r.spans, changed(old.runes, new.runes, os, oe, ns, ne))
	}
	pi, pj := 0, 0 // the first paragraphs not yet mapped
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case eq(i, j) && *at(i, j) == *at(i+1, j+1)+1:
			gap(pi, i, pj, j)
			r.spans = append(r.spans, span{oldStart: a[i][0], oldEnd: a[i][1], newStart: b[j][0], newEnd: b[j][1], same: true})
			i++
			j++
			pi, pj = i, j
		case *at(i+1, j) >= *at(i, j+1):
			i++
		default:
			j++
		}
	}
	gap(pi, n, pj, m)
	return r
}

// paragraphs splits text into stretches that each end after a blank line
// (or at the end).
func paragraphs(text []rune) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '\n' && text[i+1] == '\n' {
			out = append(out, [2]int{start, i + 2})
			start = i + 2
			i++
		}
	}
	if start < len(text) {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// changed maps a changed stretch: its common beginning and end.
func changed(a, b []rune, os, oe, ns, ne int) span {
	pre := 0
	for os+pre < oe && ns+pre < ne && a[os+pre] == b[ns+pre] {
		pre++
	}
	suf := 0
	for suf < oe-os-pre && suf < ne-ns-pre && a[oe-1-suf] == b[ne-1-suf] {
		suf++
	}
	return span{oldStart: os, oldEnd: oe, newStart: ns, newEnd: ne, pre: pre, suf: suf}
}

// Map returns where code point i of the old text is in the new text:
// the same place in an unchanged paragraph or in the unchanged beginning
// or end of a changed stretch, and proportionally inside what changed.
func (r *Reanchorer) Map(i int) int {
	if len(r.spans) == 0 {
		return max(0, i)
	}
	k := sort.Search(len(r.spans), func(k int) bool { return r.spans[k].oldEnd > i })
	if k == len(r.spans) {
		last := r.spans[len(r.spans)-1]
		return last.newEnd + i - last.oldEnd
	}
	sp := r.spans[k]
	d := i - sp.oldStart
	switch {
	case d < 0:
		return sp.newStart + d
	case sp.same || d < sp.pre:
		return sp.newStart + d
	case i >= sp.oldEnd-sp.suf:
		return sp.newEnd - (sp.oldEnd - i)
	}
	oldMid := sp.oldEnd - sp.suf - sp.oldStart - sp.pre
	newMid := sp.newEnd - sp.suf - sp.newStart - sp.pre
	return sp.newStart + sp.pre + (d-sp.pre)*newMid/max(1, oldMid)
}

// Anchor anchors a target made on the old text in the new text
// (Text.AnchorNear, expecting it where Map puts its start).
func (r *Reanchorer) Anchor(tg Target) Match {
	if tg.Orphaned {
		return r.new.AnchorNear(tg, 0)
	}
	return r.new.AnchorNear(tg, r.Map(tg.Start))
}

// Retarget returns the target of a match in the text: a new selection of
// the matched span (quote, context, position, pages), or for an orphan the
// old target marked Orphaned, without position, its quote kept.
func (t *Text) Retarget(tg Target, m Match) Target {
	if m.Status != Orphan && m.End > m.Start {
		if nt, err := t.Select(m.Start, m.End); err == nil {
			return nt
		}
	}
	return Target{Quote: tg.Quote, Pages: tg.Pages, Orphaned: true}
}

// Reanchor returns a copy of a anchored in the text, with the match: its
// target retargeted (Retarget). A reply or an annotation on the whole
// document is returned unchanged, Exact.
func Reanchor(a *Annotation, t *Text) (*Annotation, Match) {
	c := a.Clone()
	if a.ReplyTo != "" || a.Target.Quote.Exact == "" {
		return c, Match{Status: Exact, Score: 1}
	}
	var m Match
	if a.Target.Orphaned {
		m = t.AnchorNear(a.Target, 0)
	} else {
		m = t.Anchor(a.Target)
	}
	c.Target = t.Retarget(a.Target, m)
	return c, m
}
