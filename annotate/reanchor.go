package annotate

// Reanchorer re-anchors targets made on an old text in a new one. It
// compares the two texts once (their common beginning and end) so that
// each target is looked for first where the edit moved it, which tells an
// original passage from a copy of it inserted elsewhere.
type Reanchorer struct {
	old, new *Text
	// pre and suf are the lengths of the texts' common beginning and end.
	pre, suf int
}

// NewReanchorer prepares the re-anchoring of targets from old to new.
func NewReanchorer(old, new *Text) *Reanchorer {
	a, b := old.runes, new.runes
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return &Reanchorer{old: old, new: new, pre: pre, suf: suf}
}

// Map returns where code point i of the old text is in the new text: the
// same place before the edit, shifted by the edit's length after it, and
// proportionally inside the changed span.
func (r *Reanchorer) Map(i int) int {
	oldLen, newLen := len(r.old.runes), len(r.new.runes)
	switch {
	case i <= r.pre:
		return i
	case i >= oldLen-r.suf:
		return i + newLen - oldLen
	}
	oldMid, newMid := oldLen-r.suf-r.pre, newLen-r.suf-r.pre
	return r.pre + (i-r.pre)*newMid/max(1, oldMid)
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
