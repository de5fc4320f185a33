package csl

import "github.com/maisky-lib/maisky/cite"

// Spans returns the output as spans of text with their formatting
// (italics, bold, small caps, with the flip-flops of nested formatting
// applied), for renderers that set the formatting themselves, such as a
// PDF writer switching fonts. Their texts concatenate to String().
// Formatting that cite.Decoration has no flag for (underline,
// superscripts, subscripts, display blocks) is left out.
func (r Rendered) Spans() []cite.Span {
	if r.enc == "" {
		return nil
	}
	return spansOf(r.enc, *r.q)
}

// CiteText returns the output as a cite.Text (see Spans), to render it as
// package cite renders the built-in styles. Its HTML equals HTML() for
// output formatted only with italics, bold and small caps that do not
// nest.
func (r Rendered) CiteText() cite.Text { return cite.TextOf(r.Spans()...) }

// spansOf writes the tokens of an encoding (encodeToks) as spans: the
// text of the Text format, with the decoration that the HTML format gives
// it.
func spansOf(enc string, q quoteTerms) []cite.Span {
	r := tokReader{enc: enc}
	var out []cite.Span
	cur := cite.Decoration(0)
	var stackBuf [8]cite.Decoration
	var qBuf [8]qent
	var divsBuf [4]string
	stack, qstack, divs := stackBuf[:0], qBuf[:0], divsBuf[:0]
	add := func(s string) {
		if s == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Decoration == cur {
			out[k-1].Text += s
			return
		}
		out = append(out, cite.Span{Text: s, Decoration: cur})
	}
	// flip turns a decoration on, or off where it is on already (the
	// flip-flop of citeproc-js)
	flip := func(d cite.Decoration) { cur ^= d }
	for {
		t, ok := r.next()
		if !ok {
			break
		}
		switch t.k {
		case tText:
			add(t.s)
		case tOpen:
			stack = append(stack, cur)
			fm := r.formatting(&t)
			for i := len(fm.ord) - 1; i >= 0; i-- {
				switch fm.ord[i] {
				case 's':
					switch fm.fontStyle {
					case "italic", "oblique":
						flip(cite.Italic)
					case "normal":
						cur &^= cite.Italic
					}
				case 'v':
					switch fm.fontVariant {
					case "small-caps":
						flip(cite.SmallCaps)
					case "normal":
						cur &^= cite.SmallCaps
					}
				case 'w':
					switch fm.fontWeight {
					case "bold":
						flip(cite.Bold)
					case "normal":
						cur &^= cite.Bold
					}
				case 'n':
					cur &^= cite.Italic | cite.SmallCaps | cite.Bold
				}
			}
		case tClose:
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case tOpenQ:
			single := openSingle(qstack, t.s)
			qstack = append(qstack, qent{single: single, attr: t.s == "attr"})
			if single {
				add(q.openIn)
			} else {
				add(q.open)
			}
		case tCloseQ:
			single := false
			if len(qstack) > 0 {
				single = qstack[len(qstack)-1].single
				qstack = qstack[:len(qstack)-1]
			}
			if single {
				add(q.closeIn)
			} else {
				add(q.close)
			}
		case tOpenDiv:
			divs = append(divs, t.s)
		case tCloseDiv:
			d := ""
			if len(divs) > 0 {
				d = divs[len(divs)-1]
				divs = divs[:len(divs)-1]
			}
			if d == "left-margin" {
				add(" ")
			}
		}
	}
	return out
}
