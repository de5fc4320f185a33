package annotate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// benchEdit is the edit re-anchoring benchmarks apply to the 31 December
// entry: a sentence in the middle rewritten at another length, so that the
// selections after it move, those on it change, those before it stay.
var benchEdit = [2]string{
	"What has happened is simpler.",
	"What has happened is, when one looks at it closely and without illusions, a good deal simpler than that.",
}

// benchTargets returns the 31 December text, the edited text and 10,000
// selections of 5 to 120 code points at random places of the first.
func benchTargets(tb testing.TB) (*annotate.Text, *annotate.Text, []annotate.Target) {
	tb.Helper()
	old := docText(tb, "maisky-1934-12-31", maisky.Translation)
	if !strings.Contains(old.String(), benchEdit[0]) {
		tb.Fatal("the benchmark's edit does not apply")
	}
	nt := annotate.NewText(strings.Replace(old.String(), benchEdit[0], benchEdit[1], 1))
	rng := rand.New(rand.NewPCG(2026, 12))
	tgs := make([]annotate.Target, 0, 10000)
	for len(tgs) < 10000 {
		s := rng.IntN(old.Len() - 130)
		tg, err := old.Select(s, s+5+rng.IntN(116))
		if err != nil {
			continue
		}
		tgs = append(tgs, tg)
	}
	return old, nt, tgs
}

// BenchmarkAnchor10k anchors 10,000 annotations in the text they were made
// on (one op is all 10,000).
func BenchmarkAnchor10k(b *testing.B) {
	old, _, tgs := benchTargets(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, tg := range tgs {
			if m := old.Anchor(tg); m.Status != annotate.Exact {
				b.Fatalf("%v", m)
			}
		}
	}
}

// BenchmarkReanchor10k re-anchors 10,000 annotations after the edit, with
// the old text (as maisky anchor does; one op is all 10,000).
func BenchmarkReanchor10k(b *testing.B) {
	old, nt, tgs := benchTargets(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		r := annotate.NewReanchorer(old, nt)
		for _, tg := range tgs {
			r.Anchor(tg)
		}
	}
}

// BenchmarkReanchor10kNewTextOnly re-anchors after the edit knowing only
// the new text (as a store does when a document changes).
func BenchmarkReanchor10kNewTextOnly(b *testing.B) {
	_, nt, tgs := benchTargets(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, tg := range tgs {
			nt.Anchor(tg)
		}
	}
}

// BenchmarkSelect10k makes 10,000 selections' targets.
func BenchmarkSelect10k(b *testing.B) {
	old, _, tgs := benchTargets(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, tg := range tgs {
			if _, err := old.Select(tg.Start, tg.End); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// exportStore holds n public annotations on the 31 December entry.
func exportStore(tb testing.TB, n int) *annotate.Memory {
	tb.Helper()
	old, _, tgs := benchTargets(tb)
	_ = old
	s := annotate.NewMemory(annotate.MemoryOptions{})
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := &annotate.Annotation{ID: fmt.Sprintf("urn:bench:%06d", i), Document: "maisky-1934-12-31", Creator: fmt.Sprintf("user%d", i%100),
			Created: base.Add(time.Duration(i) * time.Second), Body: "A note on this passage, with *emphasis* and a “quote”.",
			Tags: []string{"tag" + fmt.Sprint(i%10)}, Target: tgs[i%len(tgs)], Visibility: annotate.Public, Revision: 1}
		if err := s.Import(context.Background(), a); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// BenchmarkExportJSONLD100k writes 100,000 annotations as JSON-LD (MB/s
// is the output's size over the time).
func BenchmarkExportJSONLD100k(b *testing.B) {
	s := exportStore(b, 100000)
	ctx := context.Background()
	var cw countingWriter
	if err := annotate.WriteJSONLD(ctx, &cw, s, annotate.Query{Viewer: annotate.Viewer{User: "reader"}}, annotate.JSONLDOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if err := annotate.WriteJSONLD(ctx, io.Discard, s, annotate.Query{Viewer: annotate.Viewer{User: "reader"}}, annotate.JSONLDOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// heapWatcher records the largest live heap seen while an export writes
// (every 128th write, after a collection).
type heapWatcher struct {
	n, peak uint64
	ms      runtime.MemStats
}

func (h *heapWatcher) Write(p []byte) (int, error) {
	h.n++
	if h.n%128 == 0 {
		runtime.GC() // what is live, not garbage waiting for collection
		runtime.ReadMemStats(&h.ms)
		h.peak = max(h.peak, h.ms.HeapAlloc)
	}
	return len(p), nil
}

// The export's memory does not grow with the number of annotations: the
// live heap while writing 100,000 is within a small margin of that while
// writing 10,000 (the store's own memory aside).
func TestExportMemoryConstant(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	peak := func(n int) uint64 {
		s := exportStore(t, n)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		before := ms.HeapAlloc
		h := &heapWatcher{}
		if err := annotate.WriteJSONLD(context.Background(), h, s, annotate.Query{Viewer: annotate.Viewer{User: "x"}}, annotate.JSONLDOptions{}); err != nil {
			t.Fatal(err)
		}
		runtime.KeepAlive(s)
		if h.peak < before {
			return 0
		}
		return h.peak - before
	}
	small, large := peak(10000), peak(100000)
	t.Logf("export heap growth: %d KiB for 10,000, %d KiB for 100,000", small>>10, large>>10)
	if large > 2*small+8<<20 {
		t.Errorf("the export's memory grows with the count: %d bytes for 10,000, %d for 100,000", small, large)
	}
}

// TestAnchorBenchInput writes the benchmark's texts and selectors as JSON
// for scripts/anchor-bench (Hypothesis's approach under Node) when
// ANCHOR_BENCH_OUT names a file.
func TestAnchorBenchInput(t *testing.T) {
	out := os.Getenv("ANCHOR_BENCH_OUT")
	if out == "" {
		t.Skip("ANCHOR_BENCH_OUT is not set (scripts/anchor-bench sets it)")
	}
	old, nt, tgs := benchTargets(t)
	type sel struct {
		Exact, Prefix, Suffix string
		Start, End            int
		// Ours is where this package re-anchors it in New (with the old
		// text): its status, start and end.
		Ours      string
		OursStart int
		OursEnd   int
		// Alone is the same knowing only the new text (Text.Anchor).
		Alone      string
		AloneStart int
		AloneEnd   int
		// Deleted is our status in Old with this passage and DeleteMargin
		// code points on each side deleted (the first 500 selectors only).
		Deleted string `json:",omitempty"`
	}
	// The edit: code points [EditStart, EditOldEnd) of Old became
	// [EditStart, EditNewEnd) of New.
	or, nr := []rune(old.String()), []rune(nt.String())
	pre, suf := 0, 0
	for pre < len(or) && pre < len(nr) && or[pre] == nr[pre] {
		pre++
	}
	for suf < len(or)-pre && suf < len(nr)-pre && or[len(or)-1-suf] == nr[len(nr)-1-suf] {
		suf++
	}
	const margin = annotate.ContextLen + 16
	in := struct {
		Old, New                          string
		EditStart, EditOldEnd, EditNewEnd int
		DeleteMargin                      int
		Selectors                         []sel
	}{Old: old.String(), New: nt.String(), EditStart: pre, EditOldEnd: len(or) - suf, EditNewEnd: len(nr) - suf, DeleteMargin: margin}
	r := annotate.NewReanchorer(old, nt)
	for _, tg := range tgs {
		m, a := r.Anchor(tg), nt.Anchor(tg)
		deleted := ""
		if len(in.Selectors) < 500 {
			cut := annotate.NewText(string(or[:max(0, tg.Start-margin)]) + string(or[min(len(or), tg.End+margin):]))
			deleted = cut.Anchor(tg).Status.String()
		}
		in.Selectors = append(in.Selectors, sel{tg.Quote.Exact, tg.Quote.Prefix, tg.Quote.Suffix, tg.Start, tg.End,
			m.Status.String(), m.Start, m.End, a.Status.String(), a.Start, a.End, deleted})
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
