package cite

import "github.com/maisky-lib/maisky/cite/internal/cslcore"

// Inline markup and quotation marks in field values, read as citeproc-js
// reads them (its "flip-flop"): <i>, <b>, <sc>, <sup>, <sub>, small-caps,
// nocase and nodecor spans, and quotation marks straight or curly. A
// marked range takes the opposite of the formatting around it (<i> in an
// italic title is set in roman), quotation marks alternate between double
// and single by nesting, an unpaired mark or tag is kept as text.

// The markup and quotation marks of a field are found and paired by
// package cslcore (shared with the CSL processor, cite/csl); this file
// writes them into the output builder. The names below are that package's,
// for the title case of textcase.go.

// markupKind is a tag of inline markup (cslcore.Kind).
type markupKind cslcore.Kind

const (
	mkNone = markupKind(cslcore.None)
	mkIEnd = markupKind(cslcore.IEnd)
)

// markupTagAt returns the markup tag that starts at s[i] and its length,
// or mkNone.
func markupTagAt[S ~string | ~[]byte](s S, i int) (markupKind, int) {
	k, n := cslcore.TagAt(s, i)
	return markupKind(k), n
}

// closer returns the tag that closes an opening tag.
func (k markupKind) closer() markupKind { return markupKind(cslcore.Kind(k).Closer()) }

// caseProtected reports whether title case leaves the text inside the tag
// alone.
func (k markupKind) caseProtected() bool { return cslcore.Kind(k).CaseProtected() }

// hasMarkupBytes is cslcore.HasMarkupBytes.
func hasMarkupBytes[S ~string | ~[]byte](s S) bool { return cslcore.HasMarkupBytes(s) }

// isJSSpace is cslcore.IsJSSpace.
func isJSSpace(r rune) bool { return cslcore.IsJSSpace(r) }

// decor is the formatting of an open tag while a field is written.
type decor struct {
	q     byte // quotes: 'D' double or 'S' single; 0 for formatting
	f     Decoration
	off   Decoration
	start int
	// eff is the formatting in effect inside the tag, present every
	// formatting set around or by it (in effect or turned off)
	eff, present Decoration
	// quote is the innermost quote around or at the tag (0: none)
	quote byte
}

// maxFieldMarks bounds the formatted ranges one field adds (each is
// inserted in order, so a hostile field of thousands of tags would cost
// quadratic time); tags past it are read but leave no formatting.
const maxFieldMarks = 256

// appendQuoted writes a field's text into o: markup becomes formatted
// ranges that flip the formatting around them, quotation marks alternate
// by nesting from the quotes around the field (double outside, single
// inside), and a text that ends with closing quotation marks lets the
// punctuation written next move inside them.
func appendQuoted[S ~string | ~[]byte](o *out, s S) {
	if !hasMarkupBytes(s) {
		o.buf = append(o.buf, s...)
		return
	}
	var tagBuf [32]cslcore.Tag
	tags := cslcore.Scan(s, tagBuf[:0])
	if len(tags) == 0 {
		o.buf = cslcore.AppendSpaced(o.buf, s)
		return
	}
	cslcore.Pair(s, tags)
	// the first straight quote kept sets which straight quote is the
	// outer one
	outerStraight := cslcore.OuterStraight(tags)
	// formatting and quotes around the field
	var around Decoration
	for i := 0; i < o.n; i++ {
		around |= o.at(i).f
	}
	aroundQuote := byte(0)
	if o.quoteDepth > 0 {
		aroundQuote = 'D'
		if o.quoteDepth%2 == 0 {
			aroundQuote = 'S'
		}
	}
	var stackBuf [16]decor
	stack := stackBuf[:0]
	flip := func(q byte) byte {
		if q == 'D' {
			return 'S'
		}
		return 'D'
	}
	runStart, runEnd := -1, -1 // the closing quotation marks last written
	marks := 0
	pos := 0
	for i := range tags {
		t := &tags[i]
		if t.Quote == '\'' && t.WS < t.Start && int(t.WS) >= pos {
			o.buf = cslcore.AppendSpaced(o.buf, s[pos:t.WS])
			o.buf = append(o.buf, ' ')
		} else {
			o.buf = cslcore.AppendSpaced(o.buf, s[pos:t.Start])
		}
		pos = int(t.End)
		if !t.Keep {
			if t.Drop {
				continue
			}
			if t.Lit != "" {
				o.buf = append(o.buf, t.Lit...)
			} else {
				o.buf = append(o.buf, s[t.Start:t.End]...)
			}
			continue
		}
		if !t.Open {
			if len(stack) == 0 {
				continue
			}
			d := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if d.q != 0 {
				if runEnd != len(o.buf) {
					runStart = len(o.buf)
				}
				if d.q == 'D' {
					o.buf = append(o.buf, "”"...)
				} else {
					o.buf = append(o.buf, "’"...)
				}
				runEnd = len(o.buf)
			} else if len(o.buf) > d.start && (d.f != 0 || d.off != 0) && marks < maxFieldMarks {
				o.insertMark(mark{start: int32(d.start), end: int32(len(o.buf)), f: d.f, off: d.off})
				marks++
			}
			continue
		}
		d := decor{start: len(o.buf), eff: around, present: around}
		if n := len(stack); n > 0 {
			d.eff, d.present, d.quote = stack[n-1].eff, stack[n-1].present, stack[n-1].quote
		}
		if t.Quote != 0 {
			d.q = 0
			if d.quote != 0 {
				d.q = flip(d.quote)
			}
			switch {
			case d.q != 0:
			case aroundQuote != 0:
				d.q = flip(aroundQuote)
			case t.Quote == 'D' || t.Quote == 'S':
				d.q = t.Quote
			case t.Quote == outerStraight:
				d.q = 'D'
			default:
				d.q = 'S'
			}
			d.quote = d.q
			if d.q == 'D' {
				o.buf = append(o.buf, "“"...)
			} else {
				o.buf = append(o.buf, "‘"...)
			}
		} else {
			// the formatting in effect here, and the flag the tag flips
			eff := d.eff
			var flag Decoration
			switch t.Kind {
			case cslcore.I:
				flag = Italic
			case cslcore.B:
				flag = Bold
			case cslcore.SC, cslcore.SCSpan:
				flag = SmallCaps
			case cslcore.Sup:
				d.f = Superscript
			case cslcore.Sub:
				d.f = Subscript
			case cslcore.Nodecor:
				// every formatting set around it, in effect or not, is
				// set to normal
				d.off = d.present & (Italic | Bold | SmallCaps)
			}
			if flag != 0 {
				if eff&flag != 0 {
					d.off = flag
				} else {
					d.f = flag
				}
			}
			d.eff = (eff | d.f) &^ d.off
			d.present |= d.f | d.off
		}
		stack = append(stack, d)
	}
	o.buf = cslcore.AppendSpaced(o.buf, s[pos:])
	if runEnd == len(o.buf) && runEnd > 0 {
		o.qpos, o.qend = runStart, runEnd
	}
}
