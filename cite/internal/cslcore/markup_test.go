package cslcore

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// render writes the tags of s as a bracketed trace: a kept tag as [kind],
// a tag not kept as its literal, a dropped tag as nothing.
func render(s string) string {
	tags := Scan(s, nil)
	Pair(s, tags)
	var b strings.Builder
	pos := 0
	for _, t := range tags {
		b.WriteString(s[pos:t.Start])
		pos = int(t.End)
		switch {
		case t.Drop:
		case !t.Keep && t.Lit != "":
			b.WriteString(t.Lit)
		case !t.Keep:
			b.WriteString(s[t.Start:t.End])
		case t.Quote != 0 && t.Open:
			b.WriteString("{" + string(t.Quote))
		case t.Quote != 0:
			b.WriteString(string(t.Quote) + "}")
		case t.Open:
			b.WriteString("[")
		default:
			b.WriteString("]")
		}
	}
	b.WriteString(s[pos:])
	return b.String()
}

func TestScanPair(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"<i>Ulysses</i> and after", "[Ulysses] and after"},
		{`the "Big Three" met`, `the {"Big Three"} met`},
		{"the “Big Three” met", "the {DBig ThreeD} met"},
		{"Maisky’s diary", "Maisky’s diary"},             // apostrophe between letters
		{"Maisky's diary", "Maisky’s diary"},             // straight apostrophe curled
		{"the 'Big Three' met", "the {'Big Three'} met"}, // straight single quotes pair
		{"<i>open", "<i>open"},                           // unpaired: text
		{"close</i>", "close</i>"},
		{"<b><i>x</b>", "[<i>x]"}, // the unwound <i> is text
		{`<span class="nocase">iPod</span> days`, "iPod days"},
		{"<sc>NASA</sc>", "[NASA]"},
		{`("quoted")`, `({"quoted"})`},
		{"‘single’", "{SsingleS}"},
		{"dangling “quote", "dangling “quote"},
	} {
		if got := render(c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTagKinds(t *testing.T) {
	for _, k := range []Kind{I, B, SC, Sup, Sub, SCSpan, Nocase, Nodecor} {
		if !k.Opening() || k.Closer() == None || k.Closer().Opening() {
			t.Errorf("kind %d: opening %v, closer %d", k, k.Opening(), k.Closer())
		}
	}
	if k, n := TagAt(`<span style="font-variant: small-caps;">x`, 0); k != SCSpan || n != 40 {
		t.Errorf("small-caps span: %d %d", k, n)
	}
	if k, _ := TagAt("<u>", 0); k != None {
		t.Errorf("<u> read as %d", k)
	}
	if I.CaseProtected() || !Nocase.CaseProtected() {
		t.Errorf("case protection of <i> or nocase wrong")
	}
}

func TestAppendSpaced(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Quoi ? Non !", "Quoi\u202f? Non\u202f!"},
		{"« Bonjour »", "«\u202fBonjour\u202f»"},
		{"a : b ; c", "a\u202f: b\u202f; c"},
		{"plain text", "plain text"},
	} {
		if got := string(AppendSpaced(nil, c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
		if HasMarkupBytes(c.in) != (c.in != c.want) {
			t.Errorf("HasMarkupBytes(%q) = %v", c.in, HasMarkupBytes(c.in))
		}
	}
}

func TestAppendGuillemetSpaced(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"« voir » p. 3 : ici", "«\u202fvoir\u202f» p. 3 : ici"},
		{"see ? no", "see ? no"},
		{"«", "«"},
	} {
		if got := string(AppendGuillemetSpaced(nil, c.in)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOuterStraight(t *testing.T) {
	for _, c := range []struct {
		in   string
		want byte
	}{
		{`a "b" c`, '"'}, {`a 'b' "c"`, '\''}, {"no quotes", '"'}, {"it's", '"'},
	} {
		tags := Scan(c.in, nil)
		Pair(c.in, tags)
		if got := OuterStraight(tags); got != c.want {
			t.Errorf("%q: got %c, want %c", c.in, got, c.want)
		}
	}
}

// FuzzScanPair checks, for any input, that the tags are in order and
// within the input, that the kept tags nest (every kept opening tag is
// closed by a kept tag that closes it, innermost first), that a dropped
// tag belongs to a nocase span, and that string and byte input agree.
func FuzzScanPair(f *testing.F) {
	for _, s := range []string{"", "<i>a</i>", `"a 'b' c"`, "‘x’ y’s", `<span class="nocase">a</span>`,
		"<b><i>x</b></i>", "(\"a\")", "'", " '", "« a »", "\xe2\x80", "<sc>'a'</sc>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tags := Scan(s, nil)
		Pair(s, tags)
		btags := Scan([]byte(s), nil)
		Pair([]byte(s), btags)
		if len(tags) != len(btags) {
			t.Fatalf("string and bytes: %d and %d tags", len(tags), len(btags))
		}
		var stack []Tag
		prev := int32(0)
		for i, tg := range tags {
			if tg != btags[i] {
				t.Fatalf("tag %d: string %+v, bytes %+v", i, tg, btags[i])
			}
			if tg.Start < prev || tg.End <= tg.Start || int(tg.End) > len(s) || tg.WS > tg.Start {
				t.Fatalf("tag %d out of place: %+v (len %d)", i, tg, len(s))
			}
			prev = tg.End
			if tg.Drop && tg.Kind != Nocase && tg.Kind != SpanEnd {
				t.Fatalf("tag %d dropped: %+v", i, tg)
			}
			if !tg.Keep {
				continue
			}
			if tg.Open {
				stack = append(stack, tg)
				continue
			}
			if len(stack) == 0 || !stack[len(stack)-1].Closes(&tg) {
				t.Fatalf("kept closing tag %d closes nothing: %+v", i, tg)
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) != 0 {
			t.Fatalf("kept tags left open: %+v", stack)
		}
		out := AppendSpaced(nil, s)
		if utf8.ValidString(s) && !utf8.Valid(out) {
			t.Fatalf("AppendSpaced made invalid UTF-8 of %q", s)
		}
		gout := AppendGuillemetSpaced(nil, s)
		if utf8.ValidString(s) && !utf8.Valid(gout) {
			t.Fatalf("AppendGuillemetSpaced made invalid UTF-8 of %q", s)
		}
		if !HasMarkupBytes(s) && (len(tags) != 0 || string(out) != s || string(gout) != s) {
			t.Fatalf("HasMarkupBytes false for %q with %d tags", s, len(tags))
		}
	})
}
