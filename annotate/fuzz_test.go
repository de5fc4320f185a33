package annotate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// writeAllJSONLD writes annotations as WriteJSONLD does, without a store.
func writeAllJSONLD(as []*Annotation) []byte {
	var buf bytes.Buffer
	e := newLDWriter(&buf, JSONLDOptions{})
	e.collectionStart()
	if len(as) > 0 {
		e.pageStart(1)
		for i, a := range as {
			e.item(i, a)
		}
		e.pageEnd()
	}
	e.raw(",\n  \"total\": " + fmt.Sprint(len(as)) + "\n}\n")
	e.flush()
	return buf.Bytes()
}

func FuzzAnchor(f *testing.F) {
	f.Add("So the year is over, and a new one stands at the door. As always on this last evening.", 7, 20, 3, 0, "long ")
	f.Add("Гитлер преподнесёт голосование как свою личную победу, а каждая такая победа делает его смелее.", 10, 30, 40, 5, "")
	f.Add("за\u0301мок и за\u0301мок, замок и замок", 0, 6, 0, 6, "")
	f.Add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 5, 10, 20, 3, "aaa")
	f.Add("the same words again and again. the same words again and again.", 4, 14, 0, 0, "the same words ")
	f.Fuzz(func(t *testing.T, text string, start, length, at, del int, insert string) {
		if len(text) > 4096 || len(insert) > 1024 {
			return
		}
		old := NewText(text)
		n := old.Len()
		if n == 0 {
			return
		}
		start = abs(start) % n
		length = 1 + abs(length)%64
		end := min(n, start+length)
		tg, err := old.Select(start, end)
		if err != nil {
			return
		}
		if tg.Start < 0 || tg.End > n || old.Slice(tg.Start, tg.End) != tg.Quote.Exact {
			t.Fatalf("Select(%d, %d) = %+v", start, end, tg)
		}
		// One edit: delete del code points at at, insert insert.
		r := []rune(old.String())
		at = abs(at) % (n + 1)
		del = min(abs(del)%64, n-at)
		edited := string(r[:at]) + insert + string(r[at+del:])
		nt := NewText(edited)
		for _, m := range []Match{nt.Anchor(tg), NewReanchorer(old, nt).Anchor(tg)} {
			if m.Status == Orphan {
				if m.Start != 0 || m.End != 0 {
					t.Fatalf("an orphan at %d–%d", m.Start, m.End)
				}
				continue
			}
			if m.Start < 0 || m.End > nt.Len() || m.Start >= m.End {
				t.Fatalf("match %+v outside the text of %d code points", m, nt.Len())
			}
			found := []rune(nt.Slice(m.Start, m.End))
			q := []rune(tg.Quote.Exact)
			if (m.Status == Exact || m.Status == Moved) && string(found) != tg.Quote.Exact {
				t.Fatalf("%v match %q is not the quote %q", m.Status, string(found), tg.Quote.Exact)
			}
			// An orphan whenever the quote is gone: what is found is never
			// further from the quote than the threshold allows (combining
			// marks taken along at the edges aside).
			marks := 0
			for _, c := range found {
				if isMark(c) {
					marks++
				}
			}
			if d := editDistance(q, found); d > int(float64(len(q))*MaxErrorRate)+marks {
				t.Fatalf("%v match %q is %d edits from the quote %q", m.Status, string(found), d, tg.Quote.Exact)
			}
		}
		// A selection the edit removed entirely, whose text is nowhere
		// else, is an orphan.
		if at <= tg.Start && at+del >= tg.End && !strings.Contains(nt.String(), tg.Quote.Exact) && utf8.RuneCountInString(tg.Quote.Exact) < 5 {
			if m := nt.Anchor(tg); m.Status != Orphan && m.Status != Fuzzy {
				t.Fatalf("a deleted short quote is %v", m.Status)
			}
		}
	})
}

func FuzzReadJSONLD(f *testing.F) {
	f.Add([]byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "creator": "urn:maisky:user:a", "bodyValue": "x", "target": "urn:maisky:document:d"}`))
	f.Add([]byte(`[{"@context": ["http://www.w3.org/ns/anno.jsonld"], "id": "urn:x:1", "type": "Annotation", "motivation": "tagging", "creator": {"id": "urn:maisky:user:b%20c"}, "body": {"type": "TextualBody", "purpose": "tagging", "value": "t"}, "target": {"source": "urn:maisky:document:d", "selector": [{"type": "TextQuoteSelector", "exact": "ab", "prefix": "", "suffix": "c"}, {"type": "TextPositionSelector", "start": 3, "end": 5}], "printPages": "59–60"}, "visibility": "group", "group": "g", "moderation": "hidden", "revision": 4}]`))
	f.Add([]byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": []}}`))
	f.Add([]byte(`{"@context": "https://schema.org", "type": "Person"}`))
	f.Add([]byte(`{"@context": `))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, err := ReadJSONLD(bytes.NewReader(data), ReadOptions{})
		if err != nil {
			var fe *FormatError
			if !asFormatError(err, &fe) {
				t.Fatalf("an error that is not a *FormatError: %T %v", err, err)
			}
			return
		}
		// What was read writes and reads back the same.
		out := writeAllJSONLD(as)
		back, err := ReadJSONLD(bytes.NewReader(out), ReadOptions{})
		if err != nil {
			t.Fatalf("reading our own output: %v\n%s", err, out)
		}
		if len(back) != len(as) {
			t.Fatalf("%d annotations read back, %d written", len(back), len(as))
		}
		for i := range as {
			a, b := fmt.Sprintf("%+v", *as[i]), fmt.Sprintf("%+v", *back[i])
			if a != b {
				t.Fatalf("round trip:\n got %s\nwant %s", b, a)
			}
		}
	})
}

func asFormatError(err error, fe **FormatError) bool {
	for err != nil {
		if e, ok := err.(*FormatError); ok {
			*fe = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// FuzzReanchorer: any two texts, any selection of the first; the match is
// inside the new text, an identical quote when exact or moved, and Map
// keeps positions of unchanged paragraphs.
func FuzzReanchorer(f *testing.F) {
	f.Add("a\n\nbb\n\ncc\n\ndd", "a\n\nbXb\n\nYcc\n\ndd", 7, 2)
	f.Add("Первый абзац.\n\nВторой абзац, где за\u0301мок.\n\nТретий.", "Новый.\n\nПервый абзац.\n\nВторой абзац, где замок.\n\nТретий!", 20, 10)
	f.Add("same\n\nsame\n\nsame", "same\n\nsame", 6, 4)
	f.Fuzz(func(t *testing.T, a, b string, start, length int) {
		if len(a) > 4096 || len(b) > 4096 {
			return
		}
		old, nt := NewText(a), NewText(b)
		if old.Len() == 0 {
			return
		}
		start = abs(start) % old.Len()
		tg, err := old.Select(start, min(old.Len(), start+1+abs(length)%80))
		if err != nil {
			return
		}
		r := NewReanchorer(old, nt)
		m := r.Anchor(tg)
		if m.Status == Orphan {
			if m.Start != 0 || m.End != 0 {
				t.Fatalf("orphan at %d–%d", m.Start, m.End)
			}
		} else {
			if m.Start < 0 || m.End > nt.Len() || m.Start >= m.End {
				t.Fatalf("match %+v outside a text of %d", m, nt.Len())
			}
			if (m.Status == Exact || m.Status == Moved) && nt.Slice(m.Start, m.End) != tg.Quote.Exact {
				t.Fatalf("%v match is not the quote", m.Status)
			}
		}
		// Positions inside paragraphs that the new text has unchanged, at
		// the same place among the paragraphs, map to that paragraph.
		for _, sp := range r.spans {
			if !sp.same {
				continue
			}
			for i := sp.oldStart; i < sp.oldEnd; i++ {
				j := r.Map(i)
				if j < 0 || j >= nt.Len() || old.runes[i] != nt.runes[j] {
					t.Fatalf("Map(%d) = %d in an unchanged paragraph", i, j)
				}
			}
		}
	})
}
