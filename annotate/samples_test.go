package annotate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// TestSamples writes JSON-LD exports of random annotations with awkward
// text (quotes, backslashes, control characters, U+2028, Cyrillic,
// combining marks, Markdown, empty context at the text's ends) into the
// folder ANNO_SAMPLES names, for scripts/check-anno to check with the W3C
// tool. Without ANNO_SAMPLES it checks that they read back.
func TestSamples(t *testing.T) {
	dir := os.Getenv("ANNO_SAMPLES")
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 8))
	pieces := []string{"\"", "\\", "\n", "\t", "\u2028", "\u0001", "«Литвинов»", "е\u0301", "*bold*", "<b>", "&amp;", "}", "]", "@context", "urn:x", " ", "ё", "—", "\u00a0"}
	word := func() string {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString("abc"[rng.IntN(3):])
		}
		return b.String()
	}
	field := func() string {
		return strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f {
				return -1
			}
			return r
		}, word())
	}
	text := annotate.NewText(strings.Repeat("Начало. The start of a text with «quotes» and е\u0301 marks. ", 20))
	for sample := range 12 {
		s := annotate.NewMemory(annotate.MemoryOptions{Now: func() time.Time { return time.Date(2026, 2, 3, 4, 5, 6, 789000, time.UTC) }})
		users := []annotate.Viewer{{User: "alice"}, {User: "b ö/b#?", Groups: []string{"g 1"}}, {User: "mod", Moderator: true}}
		for i := range 20 {
			v := users[rng.IntN(len(users))]
			a := &annotate.Annotation{Document: "doc/" + field(), Body: word(), Visibility: annotate.Public}
			if rng.IntN(3) > 0 {
				a.Tags = []string{strings.TrimSpace(field()) + fmt.Sprint(i)}
			}
			switch rng.IntN(5) {
			case 0: // the whole document
			case 1: // at the very start: no prefix
				tg, _ := text.Select(0, 1+rng.IntN(10))
				a.Target = tg
			case 2: // at the very end: no suffix
				tg, _ := text.Select(text.Len()-8, text.Len())
				a.Target = tg
			default:
				st := rng.IntN(text.Len() - 40)
				tg, err := text.Select(st, st+1+rng.IntN(30))
				if err != nil {
					continue
				}
				tg.Pages = maisky.PageRange{First: 58, Last: 58 + rng.IntN(3)}
				a.Target = tg
			}
			if a.Body == "" && len(a.Tags) == 0 {
				a.Body = "x"
			}
			if strings.TrimSpace(a.Body) == "" {
				a.Motivation = annotate.Highlighting
			}
			if len(v.Groups) > 0 && rng.IntN(2) == 0 {
				a.Visibility, a.Group = annotate.GroupOnly, v.Groups[0]
			}
			if _, err := s.Add(ctx, v, a); err != nil {
				t.Fatalf("sample %d.%d: %v", sample, i, err)
			}
		}
		for vi, v := range users {
			var b strings.Builder
			if err := annotate.WriteJSONLD(ctx, &b, s, annotate.Query{Viewer: v}, annotate.JSONLDOptions{Label: word()}); err != nil {
				t.Fatal(err)
			}
			if _, err := annotate.ReadJSONLD(strings.NewReader(b.String()), annotate.ReadOptions{}); err != nil {
				t.Fatalf("sample %d: %v", sample, err)
			}
			if dir != "" {
				name := filepath.Join(dir, fmt.Sprintf("sample-%02d-%d.jsonld", sample, vi))
				if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
