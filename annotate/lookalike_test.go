package annotate_test

import (
	"math/rand/v2"
	"testing"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// A passage deleted with its surroundings is orphaned, never attached to
// another place of the text: 500 random passages of the 31 December entry
// and the 15 January transcription.
func TestDeletedPassagesAreOrphans(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 14))
	for _, src := range []struct {
		id   string
		kind maisky.VersionKind
	}{{"maisky-1934-12-31", maisky.Translation}, {"maisky-1935-01-15", maisky.Transcription}} {
		old := docText(t, src.id, src.kind)
		r := []rune(old.String())
		attached := 0
		for range 250 {
			l := 5 + rng.IntN(60)
			s := rng.IntN(len(r) - l)
			tg, err := old.Select(s, s+l)
			if err != nil {
				continue
			}
			cut := annotate.ContextLen + 16
			from, to := max(0, tg.Start-cut), min(len(r), tg.End+cut)
			nt := annotate.NewText(string(r[:from]) + string(r[to:]))
			for _, m := range []annotate.Match{nt.Anchor(tg), annotate.NewReanchorer(old, nt).Anchor(tg)} {
				if m.Status != annotate.Orphan {
					attached++
					t.Errorf("%s: %q deleted with its context, attached to %q at %d (%v, %.3f)", src.id, tg.Quote.Exact, nt.Slice(m.Start-20, m.End+20), m.Start, m.Status, m.Score)
				}
			}
		}
		t.Logf("%s: %d attachments", src.id, attached)
	}
}

// Small edits inside or around a passage do not lose it: a character
// changed inside, a word inserted just before or after, white space
// doubled; the passage is found where it now is.
func TestSmallEditsKeepPassages(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 26))
	old := docText(t, "maisky-1934-12-31", maisky.Translation)
	r := []rune(old.String())
	edits := []struct {
		name string
		edit func(tg annotate.Target) (string, int, int) // new text, new start, new end
	}{
		{"a character inside replaced", func(tg annotate.Target) (string, int, int) {
			i := tg.Start + (tg.End-tg.Start)/2
			return string(r[:i]) + "#" + string(r[i+1:]), tg.Start, tg.End
		}},
		{"a word inserted just before", func(tg annotate.Target) (string, int, int) {
			i := tg.Start - 5
			return string(r[:i]) + "truly " + string(r[i:]), tg.Start + 6, tg.End + 6
		}},
		{"a word inserted just after", func(tg annotate.Target) (string, int, int) {
			i := tg.End + 3
			return string(r[:i]) + " truly" + string(r[i:]), tg.Start, tg.End
		}},
		{"a paragraph inserted far before", func(tg annotate.Target) (string, int, int) {
			p := "A new paragraph the editors added. "
			i := tg.Start / 3
			return string(r[:i]) + p + string(r[i:]), tg.Start + len([]rune(p)), tg.End + len([]rune(p))
		}},
	}
	for _, e := range edits {
		found, n := 0, 0
		for range 200 {
			l := 20 + rng.IntN(60)
			s := 200 + rng.IntN(len(r)-l-400)
			tg, err := old.Select(s, s+l)
			if err != nil {
				continue
			}
			n++
			text, ns, ne := e.edit(tg)
			nt := annotate.NewText(text)
			m := annotate.NewReanchorer(old, nt).Anchor(tg)
			if m.Status != annotate.Orphan && abs(m.Start-ns) <= 1 && abs(m.End-ne) <= 1 {
				found++
			}
		}
		t.Logf("%s: %d of %d found where they are", e.name, found, n)
		if found*100 < n*98 {
			t.Errorf("%s: only %d of %d found", e.name, found, n)
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
