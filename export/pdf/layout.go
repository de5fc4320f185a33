package pdf

import (
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// The layout works in points with y growing down from the top of the page.
// It is pure: it turns the pages of a document into positioned runs of text
// and rules, which render.go hands to the PDF engine.

// Type sizes and leading, in points.
const (
	bodySize    = 10.5
	bodyLead    = 14
	h1Size      = 12.5
	h1Lead      = 16
	h2Size      = 10.5
	h2Lead      = 14
	commSize    = 9.5
	commLead    = 12.5
	noteSize    = 8.5
	noteLead    = 10.5
	headSize    = 8.5
	footSize    = 7.5
	footLead    = 9
	accSize     = 7
	accLead     = 8.5
	paraIndent  = 15
	commInset   = 22
	noteRule    = 72  // length of the rule above the notes
	noteGap     = 9   // space between the body and the notes rule, and the rule and the notes
	noteSpacing = 1.5 // extra space between two notes
	maxJustify  = 14  // widest justified gap; a line needing more is set ragged
	maxFootLine = 6   // most lines of citation in the footer
	maxAccLines = 3   // most lines of the acceptance record
)

// typeset holds the type sizes of the text of a print page. A print page
// that does not fit on one PDF page at full size is set a little smaller
// (to 93%, 86%, then 80%) before it is allowed to run onto a second PDF page.
type typeset struct {
	scale                                          float64
	bodySize, bodyLead, h1Size, h1Lead, h2Size     float64
	h2Lead, commSize, commLead, noteSize, noteLead float64
	paraIndent, commInset                          float64
}

func typesetAt(scale float64) typeset {
	return typeset{
		scale:    scale,
		bodySize: bodySize * scale, bodyLead: bodyLead * scale,
		h1Size: h1Size * scale, h1Lead: h1Lead * scale,
		h2Size: h2Size * scale, h2Lead: h2Lead * scale,
		commSize: commSize * scale, commLead: commLead * scale,
		noteSize: noteSize * scale, noteLead: noteLead * scale,
		paraIndent: paraIndent * scale, commInset: commInset * scale,
	}
}

// geometry is the page: its size and where the running head, the body and
// the footer go.
type geometry struct {
	w, h         float64
	left, right  float64
	headBaseline float64
	bodyTop      float64
	footBottom   float64 // baseline of the footer's last line
}

func (g geometry) measure() float64 { return g.w - g.left - g.right }

func newGeometry(p Paper) geometry {
	g := geometry{w: 595.28, h: 841.89} // A4
	if p == Letter {
		g.w, g.h = 612, 792
	}
	g.left, g.right = 72, 72
	g.headBaseline = 50
	g.bodyTop = 74
	g.footBottom = g.h - 34
	return g
}

// frag is a piece of a word in one style.
type frag struct {
	text       string
	st         style
	size, rise float64
	w          float64
}

// word is text between two break opportunities (spaces), with the notes
// anchored in it.
type word struct {
	frags []frag
	w     float64
	// the space after the word: its width, style and size
	space     float64
	spaceSt   style
	spaceSize float64
	notes     []*maisky.Footnote
}

// words turns inline content into words.
type wordBuilder struct {
	fs    *fontSet
	words []word
	cur   word
	open  bool
	// base is the style and size of the block's text.
	base     style
	baseSize float64
}

func newWordBuilder(fs *fontSet, base style, size float64) *wordBuilder {
	return &wordBuilder{fs: fs, base: base, baseSize: size}
}

func (wb *wordBuilder) inlines(content []maisky.Inline, st style, note func(id string) *maisky.Footnote) {
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			wb.text(in.Value, st)
		case *maisky.Emphasis:
			wb.inlines(in.Content, st.withItalic(), note)
		case *maisky.NoteRef:
			if note == nil {
				continue
			}
			if f := note(in.ID); f != nil {
				wb.marker(f)
			}
		}
	}
}

// text adds text in style st at the base size.
func (wb *wordBuilder) text(s string, st style) {
	s = wb.fs.clean(s)
	for len(s) > 0 {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			wb.add(s, st, wb.baseSize, 0)
			return
		}
		if i > 0 {
			wb.add(s[:i], st, wb.baseSize, 0)
		}
		wb.space(st)
		s = s[i+1:]
	}
}

// marker adds a footnote's number as a superscript to the current word.
func (wb *wordBuilder) marker(f *maisky.Footnote) {
	st := regular
	if wb.base == bold || wb.base == boldItalic {
		st = bold
	}
	wb.add(strconv.Itoa(f.Number), st, wb.baseSize*0.62, wb.baseSize*0.36)
	wb.cur.notes = append(wb.cur.notes, f)
	wb.open = true
}

func (wb *wordBuilder) add(s string, st style, size, rise float64) {
	w := wb.fs.faces[st].width(s, size)
	n := len(wb.cur.frags)
	if n > 0 {
		if last := &wb.cur.frags[n-1]; last.st == st && last.size == size && last.rise == rise {
			last.text += s
			last.w += w
			wb.cur.w += w
			wb.open = true
			return
		}
	}
	wb.cur.frags = append(wb.cur.frags, frag{text: s, st: st, size: size, rise: rise, w: w})
	wb.cur.w += w
	wb.open = true
}

// space ends the current word; st is the style of the space.
func (wb *wordBuilder) space(st style) {
	if !wb.open {
		return
	}
	wb.cur.spaceSt = st
	wb.cur.spaceSize = wb.baseSize
	wb.cur.space = wb.fs.faces[st].width(" ", wb.baseSize)
	wb.words = append(wb.words, wb.cur)
	wb.cur = word{}
	wb.open = false
}

// finish returns the words.
func (wb *wordBuilder) finish() []word {
	wb.space(wb.base)
	return wb.words
}

type align uint8

const (
	justify align = iota
	left
	center
	right
)

// line is a line of text before it is placed on a page.
type line struct {
	words   []word
	w       float64 // natural width, with the spaces between words
	indent  float64 // from the block's left edge
	measure float64 // available width from the block's left edge
	x0      float64 // the block's left edge from the left margin
	align   align
	last    bool // last line of its block: not justified
	size    float64
	lead    float64
	// label is drawn at x0 before the text (a footnote's number).
	label       []word
	notes       []*maisky.Footnote
	spaceBefore float64
	keep        bool // keep with the next line (a heading)
}

// breakLines sets words into lines of measure points, the first indented.
func breakLines(fs *fontSet, words []word, measure, firstIndent, indent float64) []line {
	var lines []line
	var cur []word
	curW := 0.0
	ind := firstIndent
	flush := func() {
		if len(cur) == 0 {
			return
		}
		lines = append(lines, line{words: cur, w: curW, indent: ind, measure: measure})
		cur, curW, ind = nil, 0, indent
	}
	for _, wd := range words {
		avail := measure - ind
		if wd.w > avail {
			flush()
			avail = measure - ind
			pieces := splitWord(fs, wd, avail)
			for _, p := range pieces[:len(pieces)-1] {
				lines = append(lines, line{words: []word{p}, w: p.w, indent: ind, measure: measure})
				ind = indent
			}
			wd = pieces[len(pieces)-1]
			avail = measure - ind
		}
		add := wd.w
		if len(cur) > 0 {
			add += cur[len(cur)-1].space
		}
		if len(cur) > 0 && curW+add > avail+0.001 {
			flush()
			add = wd.w
		}
		cur = append(cur, wd)
		curW += add
	}
	flush()
	if n := len(lines); n > 0 {
		lines[n-1].last = true
	}
	return lines
}

// splitWord cuts a word wider than avail into pieces that fit, at character
// boundaries; every piece holds at least one character.
func splitWord(fs *fontSet, wd word, avail float64) []word {
	var pieces []word
	var cur word
	for _, fr := range wd.frags {
		fc := &fs.faces[fr.st]
		start := 0
		w := 0.0
		for i, r := range fr.text {
			rw := float64(fc.advance(r)) * fr.size / 1000
			if cur.w+w+rw > avail && (cur.w > 0 || i > start) {
				if i > start {
					cur.frags = append(cur.frags, frag{text: fr.text[start:i], st: fr.st, size: fr.size, rise: fr.rise, w: w})
					cur.w += w
				}
				pieces = append(pieces, cur)
				cur = word{}
				start, w = i, 0
			}
			w += rw
		}
		if start < len(fr.text) {
			cur.frags = append(cur.frags, frag{text: fr.text[start:], st: fr.st, size: fr.size, rise: fr.rise, w: w})
			cur.w += w
		}
	}
	cur.space, cur.spaceSt, cur.spaceSize = wd.space, wd.spaceSt, wd.spaceSize
	cur.notes = wd.notes
	pieces = append(pieces, cur)
	return pieces
}

// run is text in one style at a position, ready to draw. x is from the left
// margin; rise lifts a superscript above the baseline.
type run struct {
	x, rise float64
	st      style
	size    float64
	text    string
	spaces  int     // spaces inside text
	w       float64 // natural width
	extra   float64 // added to every space when justified
}

// runs positions the words of a line.
func (ln *line) runs(fs *fontSet, dst []run) []run {
	gaps := len(ln.words) - 1
	avail := ln.measure - ln.indent
	extra := 0.0
	x := ln.x0 + ln.indent
	switch ln.align {
	case justify:
		if !ln.last && gaps > 0 && avail > ln.w {
			extra = (avail - ln.w) / float64(gaps)
			if extra > maxJustify {
				extra = 0
			}
		}
	case center:
		x += (avail - ln.w) / 2
	case right:
		x += avail - ln.w
	}
	if len(ln.label) > 0 {
		dst = appendWords(fs, dst, ln.label, ln.x0, 0)
	}
	return appendWords(fs, dst, ln.words, x, extra)
}

// appendWords appends the runs of words set from x with extra added to each
// space between them.
func appendWords(fs *fontSet, dst []run, words []word, x, extra float64) []run {
	var b strings.Builder
	open := -1 // index in dst of the run being built
	flush := func() {
		if open >= 0 {
			dst[open].text = b.String()
			b.Reset()
			open = -1
		}
	}
	put := func(text string, st style, size, rise, w float64, space bool) {
		if open >= 0 {
			r := &dst[open]
			if r.st == st && r.size == size && r.rise == rise {
				b.WriteString(text)
				r.w += w
				if space {
					r.spaces++
				}
				return
			}
			flush()
		}
		r := run{x: x, rise: rise, st: st, size: size, w: w, extra: extra}
		if space {
			r.spaces = 1
		}
		dst = append(dst, r)
		open = len(dst) - 1
		b.WriteString(text)
	}
	for i, wd := range words {
		for _, fr := range wd.frags {
			put(fr.text, fr.st, fr.size, fr.rise, fr.w, false)
			x += fr.w
		}
		if i < len(words)-1 {
			put(" ", wd.spaceSt, wd.spaceSize, 0, wd.space, true)
			x += wd.space + extra
		}
	}
	flush()
	for i := range dst {
		if dst[i].spaces == 0 {
			dst[i].extra = 0
		}
	}
	return dst
}

// blockLines sets a block of a page into lines. prev is the kind of the
// block before it on the page (nil at the top).
func blockLines(fs *fontSet, ts *typeset, b maisky.Block, prev maisky.Block, measure float64, note func(string) *maisky.Footnote) []line {
	var (
		base             style
		size, lead       float64
		first, x0, width float64
		al               align
		before           float64
		keep             bool
	)
	width = measure
	switch b := b.(type) {
	case *maisky.Heading:
		keep = true
		base = bold
		if b.Level <= 1 {
			size, lead, al, before = ts.h1Size, ts.h1Lead, center, 6*ts.scale
		} else {
			size, lead, al, before = ts.h2Size, ts.h2Lead, left, 8*ts.scale
		}
	case *maisky.Paragraph:
		size, lead, al = ts.bodySize, ts.bodyLead, justify
		if !b.Continued && !isHeading(prev) {
			first = ts.paraIndent
		}
		if _, ok := prev.(*maisky.Heading); ok {
			before = 3
		}
		if _, ok := prev.(*maisky.Commentary); ok {
			before = 6
		}
	case *maisky.Commentary:
		size, lead, al = ts.commSize, ts.commLead, justify
		x0, width = ts.commInset, measure-2*ts.commInset
		if prev != nil {
			before = 6
		}
	default:
		return nil
	}
	wb := newWordBuilder(fs, base, size)
	wb.inlines(b.Inlines(), base, note)
	lines := breakLines(fs, wb.finish(), width, first, 0)
	for i := range lines {
		ln := &lines[i]
		ln.x0, ln.align, ln.size, ln.lead, ln.keep = x0, al, size, lead, keep
		for _, wd := range ln.words {
			ln.notes = append(ln.notes, wd.notes...)
		}
	}
	if len(lines) > 0 {
		lines[0].spaceBefore = before
	}
	return lines
}

func isHeading(b maisky.Block) bool {
	_, ok := b.(*maisky.Heading)
	return ok
}

// noteLines sets a footnote as the book does: its number, a space, then its
// text; the following lines start flush left.
func noteLines(fs *fontSet, ts *typeset, f *maisky.Footnote, measure float64) []line {
	noteSize, noteLead := ts.noteSize, ts.noteLead
	num := newWordBuilder(fs, regular, noteSize)
	num.text(strconv.Itoa(f.Number), regular)
	label := num.finish()
	first := fs.faces[regular].width(" ", noteSize)
	if len(label) > 0 {
		first += label[0].w
	}
	wb := newWordBuilder(fs, regular, noteSize)
	wb.inlines(f.Content, regular, nil)
	lines := breakLines(fs, wb.finish(), measure, first, 0)
	if len(lines) == 0 {
		lines = []line{{indent: first, measure: measure, last: true}}
	}
	for i := range lines {
		lines[i].align, lines[i].size, lines[i].lead = justify, noteSize, noteLead
	}
	lines[0].label = label
	lines[0].spaceBefore = noteSpacing * ts.scale
	return lines
}

// spansLines sets footer text (a citation) ragged right.
func spansLines(fs *fontSet, spans []span, size, lead, measure float64, maxLines int) []line {
	wb := newWordBuilder(fs, regular, size)
	for _, sp := range spans {
		st := regular
		if sp.italic {
			st = italic
		}
		wb.text(sp.text, st)
	}
	lines := breakLines(fs, wb.finish(), measure, 0, 0)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		ellipsize(fs, &lines[maxLines-1], size)
	}
	for i := range lines {
		lines[i].align, lines[i].size, lines[i].lead = left, size, lead
	}
	return lines
}

// ellipsize ends a line cut short with "…", dropping words to make room.
func ellipsize(fs *fontSet, ln *line, size float64) {
	ell := fs.faces[regular].width("…", size)
	for len(ln.words) > 1 && ln.w+ell > ln.measure-ln.indent {
		last := ln.words[len(ln.words)-1]
		ln.words = ln.words[:len(ln.words)-1]
		ln.w -= last.w + ln.words[len(ln.words)-1].space
	}
	n := len(ln.words)
	if n == 0 {
		return
	}
	wd := ln.words[n-1]
	wd.frags = append(wd.frags[:len(wd.frags):len(wd.frags)], frag{text: "…", st: regular, size: size, w: ell})
	wd.w += ell
	ln.words = append(ln.words[:n-1:n-1], wd)
	ln.w += ell
	ln.last = true
}

// fit returns s, cut short with "…" if it is wider than max at size.
func fit(fc *face, s string, size, max float64) string {
	if fc.width(s, size) <= max {
		return s
	}
	limit := max - fc.width("…", size)
	w := 0.0
	for i, r := range s {
		w += float64(fc.advance(r)) * size / 1000
		if w > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}

// placed is a line on a page: its runs and baseline.
type placed struct {
	baseline float64
	runs     []run
}

// rule is a horizontal line.
type rule struct {
	x1, x2, y, width float64
}

// outPage is one page of the PDF.
type outPage struct {
	print int  // the print page it shows
	cont  bool // a continuation of the print page
	blank bool // a blank plate
	lines []placed
	rules []rule
}

// pageInput is what the paginator needs for one print page.
type pageInput struct {
	page   maisky.Page
	footer []line // citation and acceptance, bottom up order is handled by place
}

// baselineOf returns the baseline of a line whose box starts at y.
func baselineOf(y float64, ln *line) float64 {
	return y + (ln.lead-ln.size)/2 + 0.8*ln.size
}

// paginator sets print pages onto PDF pages.
type paginator struct {
	fs      *fontSet
	g       geometry
	head    func(print int, cont bool) []placed
	pages   []outPage
	runsBuf []run
}

// firstNoteLine returns the height of the first line of the first note of
// a line.
func firstNoteLine(ln *line, notes map[*maisky.Footnote][]line) float64 {
	for _, f := range ln.notes {
		if n := notes[f]; len(n) > 0 {
			return n[0].lead + n[0].spaceBefore
		}
	}
	return 0
}

// footerHeight returns the height of the footer lines plus the rule above.
func footerHeight(footer []line) float64 {
	h := 0.0
	for i := range footer {
		h += footer[i].lead
	}
	return h + 8
}

// placeFooter places the footer lines so that the last baseline sits at the
// footer's bottom; it returns the y of the rule above them.
func (p *paginator) placeFooter(op *outPage, footer []line) {
	y := p.g.footBottom
	for i := len(footer) - 1; i >= 0; i-- {
		ln := &footer[i]
		op.lines = append(op.lines, placed{baseline: y, runs: ln.runs(p.fs, nil)})
		y -= ln.lead
	}
	ruleY := y + footer[0].lead - footer[0].size - 4
	if len(footer) == 0 {
		ruleY = p.g.footBottom
	}
	op.rules = append(op.rules, rule{x1: p.g.left, x2: p.g.w - p.g.right, y: ruleY, width: 0.4})
}

// blank adds the page for a blank plate.
func (p *paginator) blank(in pageInput) {
	op := outPage{print: in.page.Number, blank: true}
	op.lines = append(op.lines, p.head(in.page.Number, false)...)
	fc := &p.fs.faces[italic]
	msg := "[Page " + strconv.Itoa(in.page.Number) + " is blank in the print edition]"
	w := fc.width(msg, bodySize)
	op.lines = append(op.lines, placed{baseline: p.g.bodyTop + 160, runs: []run{{
		x: (p.g.measure() - w) / 2, st: italic, size: bodySize, text: msg, w: w,
	}}})
	p.placeFooter(&op, in.footer)
	p.pages = append(p.pages, op)
}

// print sets one print page's lines onto as many PDF pages as it needs; each
// footnote goes on the PDF page of its anchor's line. A note too long for
// the room left continues at the foot of the next page.
func (p *paginator) print(in pageInput, lines []line, notes map[*maisky.Footnote][]line) {
	bottom := p.g.footBottom - footerHeight(in.footer) - 6
	var (
		op      outPage
		y       float64
		noteH   float64
		noteBuf []line // note lines on this page
		carry   []line // note lines that did not fit on the previous page
		started bool
	)
	open := func(cont bool) {
		op = outPage{print: in.page.Number, cont: cont}
		op.lines = append(op.lines, p.head(in.page.Number, cont)...)
		y, noteH, noteBuf, started = p.g.bodyTop, 0, nil, false
		// notes carried over from the previous page come first
		for len(carry) > 0 {
			h := carry[0].lead + carry[0].spaceBefore
			if noteH == 0 {
				h += 2 * noteGap
			}
			if y+noteH+h > bottom && len(noteBuf) > 0 {
				break
			}
			noteBuf = append(noteBuf, carry[0])
			noteH += h
			carry = carry[1:]
		}
	}
	closePage := func() {
		if len(noteBuf) > 0 {
			ny := bottom - noteH + noteGap
			op.rules = append(op.rules, rule{x1: p.g.left, x2: p.g.left + noteRule, y: ny, width: 0.5})
			ny += noteGap
			for i := range noteBuf {
				ln := &noteBuf[i]
				if ln.spaceBefore > 0 {
					ny += ln.spaceBefore
				}
				op.lines = append(op.lines, placed{baseline: baselineOf(ny, ln), runs: ln.runs(p.fs, nil)})
				ny += ln.lead
			}
		}
		p.placeFooter(&op, in.footer)
		p.pages = append(p.pages, op)
	}
	notesHeight := func(ln *line) (float64, int) {
		h, n := 0.0, 0
		for _, f := range ln.notes {
			for i := range notes[f] {
				h += notes[f][i].lead + notes[f][i].spaceBefore
				n++
			}
		}
		if n > 0 && noteH == 0 {
			h += 2 * noteGap
		}
		return h, n
	}
	open(false)
	for i := 0; i < len(lines); i++ {
		ln := &lines[i]
		before := ln.spaceBefore
		if !started {
			before = 0
		}
		nh, _ := notesHeight(ln)
		need := before + ln.lead
		if ln.keep && i+1 < len(lines) {
			next := &lines[i+1]
			nnh, _ := notesHeight(next)
			need += next.spaceBefore + next.lead + nnh
		}
		// A line whose notes could not fit even on an empty page stays
		// here if the line and its first note line do; the rest of the
		// notes continue on the next page.
		fitsEmpty := p.g.bodyTop+ln.lead+nh <= bottom
		if started && (fitsEmpty && y+need+noteH+nh > bottom ||
			!fitsEmpty && y+need+noteH+firstNoteLine(ln, notes)+2*noteGap > bottom) {
			closePage()
			open(true)
			before = 0
			nh, _ = notesHeight(ln)
		}
		y += before
		op.lines = append(op.lines, placed{baseline: baselineOf(y, ln), runs: ln.runs(p.fs, nil)})
		y += ln.lead
		started = true
		// the line's notes: as many lines as fit here, the rest carried over
		for _, f := range ln.notes {
			for j := range notes[f] {
				nl := notes[f][j]
				h := nl.lead + nl.spaceBefore
				if noteH == 0 {
					h += 2 * noteGap
				}
				if len(carry) == 0 && (y+noteH+h <= bottom || len(noteBuf) == 0 && j == 0) {
					noteBuf = append(noteBuf, nl)
					noteH += h
					continue
				}
				carry = append(carry, nl)
			}
		}
		// a page holding only a line too tall for it: go on below anyway
	}
	closePage()
	for len(carry) > 0 {
		open(true)
		closePage()
	}
}
