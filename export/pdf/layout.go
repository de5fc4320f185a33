package pdf

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/maisky-lib/maisky/maisky"
)

// The layout works in points with y growing down from the top of the page.
// It is pure: it turns the pages of a document into positioned runs of text
// and rules, which render.go hands to the PDF engine. Text is kept as
// substrings of the cleaned source text wherever it can be, and words,
// fragments and lines live in slices that are reused from one print page to
// the next, so setting a page allocates little beyond its runs.

// Type sizes and leading, in points. Every print page is set at these
// sizes: one too long for a sheet continues on the next.
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
	// maxJustify is the most added to a space of a justified line: a gap
	// (a space of a quarter em and this) stays under 8 pt. A line that
	// would need more is set ragged.
	maxJustify = 5
	// looseGap is the stretch per space above which a justified line tries
	// to take part of the next word, broken at a hyphenation point; after
	// two lines in a row that end in a hyphen, only a line looser than
	// veryLooseGap does.
	looseGap     = 1.5
	veryLooseGap = 3
	maxFootLine  = 6 // most lines of citation in the footer
	maxAccLines  = 3 // most lines of the acceptance record
)

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

// frag is a piece of a word in one style. When src is not negative, text
// is srcs[src][off:off+len(text)], so that neighbouring pieces can be
// joined into one run without copying.
type frag struct {
	text       string
	w          float64
	size, rise float64
	src, off   int32
	st         style
	url        bool // part of a web address: breaks after slashes
}

// word is text between two break opportunities (spaces), with the notes
// anchored in it. frags and notes are windows on the setter's arenas.
type word struct {
	frags []frag
	notes []*maisky.Footnote
	w     float64
	// the space after the word: its width, style, size and place in the
	// source (spaceSrc < 0: not in a source)
	space     float64
	spaceSize float64
	spaceSrc  int32
	spaceOff  int32
	spaceSt   style
}

// setter turns inline content into words and words into lines. Its slices
// are arenas: reset for each print page, they keep their memory.
type setter struct {
	fs    *fontSet
	hy    *hyphenator
	srcs  []string
	frags []frag
	notes []*maisky.Footnote
	words []word // the block being set
	out   []word // words placed in lines
	pts   []int
	sb    []byte

	// the word being built
	cur            word
	fragAt, noteAt int
	open           bool
	base           style
	baseSize       float64
	lastMarker     bool
}

func newSetter(fs *fontSet, words int) *setter {
	return &setter{
		fs:    fs,
		hy:    hyphenation(),
		srcs:  make([]string, 0, 64),
		frags: make([]frag, 0, words+words/4),
		notes: make([]*maisky.Footnote, 0, 32),
		words: make([]word, 0, 256),
		out:   make([]word, 0, words+words/8),
		pts:   make([]int, 0, 16),
	}
}

// reset empties the arenas for the next print page.
func (s *setter) reset() {
	clear(s.srcs)
	s.srcs = s.srcs[:0]
	s.frags = s.frags[:0]
	clear(s.notes)
	s.notes = s.notes[:0]
	s.words = s.words[:0]
	s.out = s.out[:0]
}

// begin starts a block whose text is in style base at size.
func (s *setter) begin(base style, size float64) {
	s.words = s.words[:0]
	s.base, s.baseSize = base, size
	s.cur = word{}
	s.fragAt, s.noteAt = len(s.frags), len(s.notes)
	s.open, s.lastMarker = false, false
}

func (s *setter) inlines(content []maisky.Inline, st style, note func(id string) *maisky.Footnote) {
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			s.text(in.Value, st)
		case *maisky.Emphasis:
			s.inlines(in.Content, st.withItalic(), note)
		case *maisky.NoteRef:
			if note == nil {
				continue
			}
			if f := note(in.ID); f != nil {
				s.marker(f)
			}
		}
	}
}

// text adds text in style st at the base size.
func (s *setter) text(t string, st style) {
	t = s.fs.clean(t)
	if t == "" {
		return
	}
	src := int32(len(s.srcs))
	s.srcs = append(s.srcs, t)
	off := 0
	for off < len(t) {
		i := strings.IndexByte(t[off:], ' ')
		if i < 0 {
			s.add(t[off:], st, s.baseSize, 0, src, int32(off))
			return
		}
		if i > 0 {
			s.add(t[off:off+i], st, s.baseSize, 0, src, int32(off))
		}
		s.space(st, src, int32(off+i))
		off += i + 1
	}
}

// marker adds a footnote's number as a superscript to the current word;
// two notes on one word are printed as "2,3".
func (s *setter) marker(f *maisky.Footnote) {
	st := regular
	if s.base == bold || s.base == boldItalic {
		st = bold
	}
	size, rise := s.baseSize*0.62, s.baseSize*0.36
	if s.open && s.lastMarker {
		s.add(",", st, size, rise, -1, 0)
	}
	s.add(strconv.Itoa(f.Number), st, size, rise, -1, 0)
	s.lastMarker = true
	s.notes = append(s.notes, f)
}

func (s *setter) add(t string, st style, size, rise float64, src, off int32) {
	w := s.fs.faces[st].width(t, size)
	s.lastMarker = false
	if n := len(s.frags); s.open && n > s.fragAt {
		if last := &s.frags[n-1]; last.st == st && last.size == size && last.rise == rise {
			if src >= 0 && last.src == src && last.off+int32(len(last.text)) == off {
				last.text = s.srcs[src][last.off : off+int32(len(t))]
			} else {
				last.text += t
				last.src = -1
			}
			last.w += w
			s.cur.w += w
			return
		}
	}
	s.frags = append(s.frags, frag{text: t, st: st, size: size, rise: rise, w: w, src: src, off: off, url: rise == 0 && isURL(t)})
	s.cur.w += w
	s.open = true
}

// space ends the current word; st is the style of the space, and src and
// off where it is in the source.
func (s *setter) space(st style, src, off int32) {
	s.lastMarker = false
	if !s.open {
		return
	}
	s.cur.spaceSt = st
	s.cur.spaceSize = s.baseSize
	s.cur.space = s.fs.faces[st].width(" ", s.baseSize)
	s.cur.spaceSrc, s.cur.spaceOff = src, off
	s.cur.frags = s.frags[s.fragAt:len(s.frags):len(s.frags)]
	if len(s.notes) > s.noteAt {
		s.cur.notes = s.notes[s.noteAt:len(s.notes):len(s.notes)]
	}
	s.words = append(s.words, s.cur)
	s.cur = word{}
	s.fragAt, s.noteAt = len(s.frags), len(s.notes)
	s.open = false
}

// finish returns the words of the block.
func (s *setter) finish() []word {
	s.space(s.base, -1, 0)
	return s.words
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
	keep        bool    // keep with the next line (a heading)
	s           *setter // whose sources the words' text is in
}

// breakLines sets words into lines of measure points, the first indented,
// and appends them to dst. It fills each line and, when a justified line
// would be loose, takes the part of the next word up to a hyphenation
// point (TeX's patterns), a hyphen in the word or a slash of a URL.
func (s *setter) breakLines(dst []line, words []word, measure, firstIndent, indent float64, just bool) []line {
	first := len(dst)
	at := len(s.out)
	n := 0
	curW := 0.0
	ind := firstIndent
	hyphens := 0 // lines in a row ending in an added hyphen
	flush := func() {
		if n == 0 {
			return
		}
		end := len(s.out)
		dst = append(dst, line{words: s.out[at:end:end], w: curW, indent: ind, measure: measure, s: s})
		at, n, curW, ind = end, 0, 0, indent
	}
	for i := range words {
		wd := words[i]
		for {
			avail := measure - ind
			gap := 0.0
			if n > 0 {
				gap = s.out[len(s.out)-1].space
			}
			if curW+gap+wd.w <= avail+0.001 {
				s.out = append(s.out, wd)
				curW += gap + wd.w
				n++
				break
			}
			slack := avail - curW
			loose := looseGap
			if hyphens >= 2 {
				loose = veryLooseGap
			}
			if n == 0 || just && (n == 1 || slack/float64(n-1) > loose) {
				if head, tail, hyph, ok := s.split(wd, slack-gap); ok {
					s.out = append(s.out, head)
					curW += gap + head.w
					n++
					flush()
					if hyph {
						hyphens++
					} else {
						hyphens = 0
					}
					wd = tail
					continue
				}
			}
			hyphens = 0
			if n == 0 {
				head, tail := s.cut(wd, avail)
				s.out = append(s.out, head)
				curW, n = head.w, 1
				flush()
				if len(tail.frags) == 0 {
					break
				}
				wd = tail
				continue
			}
			flush()
		}
	}
	flush()
	if len(dst) > first {
		dst[len(dst)-1].last = true
	}
	return dst
}

// isURL reports whether a piece of text is a web address, which breaks
// after its slashes rather than at hyphenation points.
func isURL(t string) bool {
	return strings.Contains(t, "://") || strings.HasPrefix(t, "www.")
}

// split breaks a word at the last break point whose first part fits in
// room: a hyphenation point (the first part then ends with a hyphen), after
// a hyphen in the word, or after a slash of a URL; hyph reports an added
// hyphen. Without a point that fits it reports false. It reads the word only as far as room reaches, so
// a word of any length costs a line's worth of work.
func (s *setter) split(wd word, room float64) (head, tail word, hyph, ok bool) {
	bestK, bestP, bestW, bestHyph := -1, 0, 0.0, false
	before := 0.0 // width of the frags before frag k
	for k := range wd.frags {
		fr := &wd.frags[k]
		if fr.rise != 0 {
			before += fr.w
			continue
		}
		fc := &s.fs.faces[fr.st]
		scale := fr.size / 1000
		hyphenW := float64(fc.advance('-')) * scale
		t := fr.text
		try := func(p int, w float64, hyph bool) {
			if p <= 0 || p >= len(t) {
				return
			}
			if hyph {
				w += hyphenW
			}
			if before+w <= room+0.001 {
				bestK, bestP, bestW, bestHyph = k, p, w, hyph
			}
		}
		w := 0.0 // width of t[:p]
		runStart, runW := -1, 0.0
		stop := len(t)
		for p, r := range t {
			if before+w > room+hyphenW {
				stop = p
				break // no later point fits
			}
			switch {
			case fr.url:
				if p > 0 && t[p-1] == '/' && r != '/' && (p < 2 || t[p-2] != '/' && t[p-2] != ':') {
					try(p, w, false)
				}
			case r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z'):
				if runStart < 0 {
					runStart, runW = p, w
				}
			default:
				if runStart >= 0 {
					s.hyphenateRun(fc, scale, t, runStart, p, runW, try)
					runStart = -1
				}
				if (r == '-' || r == '‐') && p > 0 {
					prev, _ := utf8.DecodeLastRuneInString(t[:p])
					next, _ := utf8.DecodeRuneInString(t[p+utf8.RuneLen(r):])
					if unicode.IsLetter(prev) && unicode.IsLetter(next) {
						try(p+utf8.RuneLen(r), w+float64(fc.advance(r))*scale, false)
					}
				}
			}
			w += float64(fc.advance(r)) * scale
		}
		if runStart >= 0 && !fr.url {
			// the letters go on past where the scan stopped
			end := stop
			for end < len(t) && end-runStart <= maxHyphenWord && (t[end]|0x20 >= 'a' && t[end]|0x20 <= 'z') {
				end++
			}
			s.hyphenateRun(fc, scale, t, runStart, end, runW, try)
		}
		if before+w > room+hyphenW {
			break
		}
		before += fr.w
	}
	if bestK < 0 {
		return word{}, word{}, false, false
	}
	return s.divide(wd, bestK, bestP, bestHyph), s.rest(wd, bestK, bestP, bestW, bestHyph), bestHyph, true
}

// hyphenateRun offers the hyphenation points of the ASCII letters t[a:b],
// when they make a whole word (no other letter touches them); w is the
// width of t[:a].
func (s *setter) hyphenateRun(fc *face, scale float64, t string, a, b int, w float64, try func(int, float64, bool)) {
	if a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(t[:a]); unicode.IsLetter(r) || unicode.IsMark(r) {
			return
		}
	}
	if b < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[b:]); unicode.IsLetter(r) || unicode.IsMark(r) {
			return
		}
	}
	s.pts = s.hy.points(t[a:b], s.pts[:0])
	at := a
	for _, p := range s.pts {
		for ; at < a+p; at++ {
			w += float64(fc.advance(rune(t[at]))) * scale
		}
		try(a+p, w, true)
	}
}

// divide returns the first part of a word cut in frag k at byte p, with a
// hyphen when hyph is set.
func (s *setter) divide(wd word, k, p int, hyph bool) word {
	start := len(s.frags)
	w := 0.0
	for i := 0; i < k; i++ {
		s.frags = append(s.frags, wd.frags[i])
		w += wd.frags[i].w
	}
	fr := wd.frags[k]
	fr.text = fr.text[:p]
	fr.w = s.fs.faces[fr.st].width(fr.text, fr.size)
	if hyph {
		hw := s.fs.faces[fr.st].width("-", fr.size)
		fr.text += "-"
		fr.src = -1
		fr.w += hw
	}
	w += fr.w
	s.frags = append(s.frags, fr)
	end := len(s.frags)
	return word{frags: s.frags[start:end:end], w: w, spaceSrc: -1}
}

// rest returns the part of a word after byte p of frag k, with the word's
// space and notes; headW is the width of what comes before it in the word
// (with the added hyphen when hyph is set).
func (s *setter) rest(wd word, k, p int, headW float64, hyph bool) word {
	start := len(s.frags)
	fr := wd.frags[k]
	before := 0.0
	for _, f := range wd.frags[:k] {
		before += f.w
	}
	cutW := headW - before // width of fr.text[:p]
	if hyph {
		cutW -= float64(s.fs.faces[fr.st].advance('-')) * fr.size / 1000
	}
	fr.text = fr.text[p:]
	if fr.src >= 0 {
		fr.off += int32(p)
	}
	fr.w = max(fr.w-cutW, 0)
	s.frags = append(s.frags, fr)
	w := fr.w
	for _, f := range wd.frags[k+1:] {
		s.frags = append(s.frags, f)
		w += f.w
	}
	end := len(s.frags)
	tail := wd
	tail.frags = s.frags[start:end:end]
	tail.w = w
	return tail
}

// cut breaks a word wider than a line at characters: the first part holds
// what fits (at least one character).
func (s *setter) cut(wd word, avail float64) (head, tail word) {
	w := 0.0
	for k := range wd.frags {
		fr := &wd.frags[k]
		if w+fr.w <= avail {
			w += fr.w
			continue
		}
		fc := &s.fs.faces[fr.st]
		for p, r := range fr.text {
			rw := float64(fc.advance(r)) * fr.size / 1000
			if w+rw > avail && (p > 0 || k > 0) {
				if p == 0 {
					return s.divideAt(wd, k), s.restAt(wd, k)
				}
				return s.divide(wd, k, p, false), s.rest(wd, k, p, w, false)
			}
			w += rw
		}
		// the whole frag is the single character that does not fit
		if k+1 < len(wd.frags) {
			return s.divideAt(wd, k+1), s.restAt(wd, k+1)
		}
	}
	return wd, word{}
}

// divideAt and restAt cut a word before frag k.
func (s *setter) divideAt(wd word, k int) word {
	w := 0.0
	for _, f := range wd.frags[:k] {
		w += f.w
	}
	return word{frags: wd.frags[:k:k], w: w, spaceSrc: -1}
}

func (s *setter) restAt(wd word, k int) word {
	tail := wd
	tail.frags = wd.frags[k:]
	tail.w = 0
	for _, f := range tail.frags {
		tail.w += f.w
	}
	return tail
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

// runs appends the runs of a line to dst.
func (ln *line) runs(dst []run) []run {
	s := ln.s
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
		dst = s.appendWords(dst, ln.label, ln.x0, 0)
	}
	return s.appendWords(dst, ln.words, x, extra)
}

// appendWords appends the runs of words set from x with extra added to each
// space between them. A run's text is a substring of the source where its
// pieces are contiguous there, else it is copied.
func (s *setter) appendWords(dst []run, words []word, x, extra float64) []run {
	open := -1 // index in dst of the run being built
	var rs, ra, rb int32
	flush := func() {
		if open < 0 {
			return
		}
		if rs >= 0 {
			dst[open].text = s.srcs[rs][ra:rb]
		} else {
			dst[open].text = string(s.sb)
		}
		open = -1
	}
	put := func(text string, src, off int32, st style, size, rise, w float64, space bool) {
		if open >= 0 {
			r := &dst[open]
			if r.st == st && r.size == size && r.rise == rise {
				switch {
				case rs >= 0 && src == rs && off == rb:
					rb = off + int32(len(text))
				case rs >= 0:
					s.sb = append(append(s.sb[:0], s.srcs[rs][ra:rb]...), text...)
					rs = -1
				default:
					s.sb = append(s.sb, text...)
				}
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
		if src >= 0 {
			rs, ra, rb = src, off, off+int32(len(text))
		} else {
			rs = -1
			s.sb = append(s.sb[:0], text...)
		}
	}
	for i := range words {
		wd := &words[i]
		for k := range wd.frags {
			fr := &wd.frags[k]
			put(fr.text, fr.src, fr.off, fr.st, fr.size, fr.rise, fr.w, false)
			x += fr.w
		}
		if i < len(words)-1 {
			put(" ", wd.spaceSrc, wd.spaceOff, wd.spaceSt, wd.spaceSize, 0, wd.space, true)
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

// blockLines sets a block of a page into lines appended to dst. prev is the
// block before it on the page (nil at the top).
func (s *setter) blockLines(dst []line, b maisky.Block, prev maisky.Block, measure float64, note func(string) *maisky.Footnote) []line {
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
			size, lead, al, before = h1Size, h1Lead, center, 6
		} else {
			size, lead, al, before = h2Size, h2Lead, left, 8
		}
	case *maisky.Paragraph:
		size, lead, al = bodySize, bodyLead, justify
		if !b.Continued && !isHeading(prev) {
			first = paraIndent
		}
		if _, ok := prev.(*maisky.Heading); ok {
			before = 3
		}
		if _, ok := prev.(*maisky.Commentary); ok {
			before = 6
		}
	case *maisky.Commentary:
		size, lead, al = commSize, commLead, justify
		x0, width = commInset, measure-2*commInset
		if prev != nil {
			before = 6
		}
	default:
		return dst
	}
	s.begin(base, size)
	s.inlines(b.Inlines(), base, note)
	from := len(dst)
	dst = s.breakLines(dst, s.finish(), width, first, 0, al == justify)
	for i := from; i < len(dst); i++ {
		ln := &dst[i]
		ln.x0, ln.align, ln.size, ln.lead, ln.keep = x0, al, size, lead, keep
		for _, wd := range ln.words {
			if len(wd.notes) > 0 {
				if ln.notes == nil {
					ln.notes = wd.notes
				} else {
					ln.notes = append(ln.notes[:len(ln.notes):len(ln.notes)], wd.notes...)
				}
			}
		}
	}
	if len(dst) > from {
		dst[from].spaceBefore = before
	}
	return dst
}

func isHeading(b maisky.Block) bool {
	_, ok := b.(*maisky.Heading)
	return ok
}

// noteLines sets a footnote as the book does: its number, a space, then its
// text; the following lines start flush left.
func (s *setter) noteLines(dst []line, f *maisky.Footnote, measure float64) []line {
	s.begin(regular, noteSize)
	s.add(strconv.Itoa(f.Number), regular, noteSize, 0, -1, 0)
	at := len(s.out)
	s.out = append(s.out, s.finish()...)
	label := s.out[at:len(s.out):len(s.out)]
	first := s.fs.faces[regular].width(" ", noteSize) + label[0].w
	s.begin(regular, noteSize)
	s.inlines(f.Content, regular, nil)
	from := len(dst)
	dst = s.breakLines(dst, s.finish(), measure, first, 0, true)
	if len(dst) == from {
		dst = append(dst, line{indent: first, measure: measure, last: true, s: s})
	}
	for i := from; i < len(dst); i++ {
		dst[i].align, dst[i].size, dst[i].lead = justify, noteSize, noteLead
	}
	dst[from].label = label
	dst[from].spaceBefore = noteSpacing
	return dst
}

// continuedLine is the line that heads the rest of a note carried over to
// the next sheet.
func (s *setter) continuedLine(f *maisky.Footnote, measure float64) line {
	s.begin(italic, noteSize)
	s.text("[note "+strconv.Itoa(f.Number)+" continued]", italic)
	words := s.finish()
	lines := s.breakLines(nil, words, measure, 0, 0, false)
	ln := lines[0]
	ln.align, ln.size, ln.lead, ln.spaceBefore = left, noteSize, noteLead, noteSpacing
	return ln
}

// spansLines sets footer text (a citation) ragged right.
func (s *setter) spansLines(spans []span, size, lead, measure float64, maxLines int) []line {
	s.begin(regular, size)
	for _, sp := range spans {
		st := regular
		if sp.italic {
			st = italic
		}
		s.text(sp.text, st)
	}
	lines := s.breakLines(nil, s.finish(), measure, 0, 0, false)
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		s.ellipsize(&lines[maxLines-1], size)
	}
	for i := range lines {
		lines[i].align, lines[i].size, lines[i].lead = left, size, lead
	}
	return lines
}

// ellipsize ends a line cut short with "…", dropping words to make room.
func (s *setter) ellipsize(ln *line, size float64) {
	ell := s.fs.faces[regular].width("…", size)
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
	wd.frags = append(wd.frags[:len(wd.frags):len(wd.frags)], frag{text: "…", st: regular, size: size, w: ell, src: -1})
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
	footer []line // citation and acceptance, top down
}

// baselineOf returns the baseline of a line whose box starts at y.
func baselineOf(y float64, ln *line) float64 {
	return y + (ln.lead-ln.size)/2 + 0.8*ln.size
}

// pageNotes are the lines of the notes of a print page: notes[i] is set
// in lines[from[i]:from[i+1]].
type pageNotes struct {
	notes []*maisky.Footnote
	from  []int
	lines []line
	index map[*maisky.Footnote]int // for pages of many notes
}

func (pn *pageNotes) of(f *maisky.Footnote) []line {
	if len(pn.notes) > 16 {
		if pn.index == nil {
			pn.index = make(map[*maisky.Footnote]int, len(pn.notes))
			for i := len(pn.notes) - 1; i >= 0; i-- {
				pn.index[pn.notes[i]] = i
			}
		}
		if i, ok := pn.index[f]; ok {
			return pn.lines[pn.from[i]:pn.from[i+1]]
		}
		return nil
	}
	for i, g := range pn.notes {
		if g == f {
			return pn.lines[pn.from[i]:pn.from[i+1]]
		}
	}
	return nil
}

// paginator sets print pages onto PDF pages.
type paginator struct {
	s     *setter
	g     geometry
	head  func(print int, cont bool) []placed
	pages []outPage
	runs  []run // arena of the placed lines' runs
	// maxSheets is the most PDF pages a print page may take.
	maxSheets int
	// tooLong records the first print page that needed more.
	tooLong int
}

// place returns the runs of a line, kept in the paginator's arena.
func (p *paginator) place(ln *line) []run {
	from := len(p.runs)
	p.runs = ln.runs(p.runs)
	end := len(p.runs)
	return p.runs[from:end:end]
}

// firstNoteLine returns the height of the first line of the first note of
// a line.
func firstNoteLine(ln *line, notes *pageNotes) float64 {
	for _, f := range ln.notes {
		if n := notes.of(f); len(n) > 0 {
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
// footer's bottom, under a rule.
func (p *paginator) placeFooter(op *outPage, footer []line) {
	y := p.g.footBottom
	for i := 1; i < len(footer); i++ {
		y -= footer[i].lead
	}
	ruleY := p.g.footBottom
	if len(footer) > 0 {
		ruleY = y - footer[0].size - 4
	}
	// top down, so that the text is read in order
	for i := range footer {
		ln := &footer[i]
		op.lines = append(op.lines, placed{baseline: y, runs: p.place(ln)})
		if i+1 < len(footer) {
			y += footer[i+1].lead
		}
	}
	op.rules = append(op.rules, rule{x1: p.g.left, x2: p.g.w - p.g.right, y: ruleY, width: 0.4})
}

// blank adds the page for a blank plate.
func (p *paginator) blank(in pageInput) {
	op := outPage{print: in.page.Number, blank: true}
	op.lines = append(op.lines, p.head(in.page.Number, false)...)
	fc := &p.s.fs.faces[italic]
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
// the room left continues at the foot of the next page under a line that
// says so. It stops, recording the page in tooLong, past maxSheets sheets.
func (p *paginator) print(in pageInput, lines []line, notes *pageNotes) {
	bottom := p.g.footBottom - footerHeight(in.footer) - 6
	first := len(p.pages)
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
		y, noteH, noteBuf, started = p.g.bodyTop, 0, noteBuf[:0], false
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
				op.lines = append(op.lines, placed{baseline: baselineOf(ny, ln), runs: p.place(ln)})
				ny += ln.lead
			}
		}
		p.placeFooter(&op, in.footer)
		p.pages = append(p.pages, op)
	}
	notesHeight := func(ln *line) float64 {
		h, n := 0.0, 0
		for _, f := range ln.notes {
			for _, nl := range notes.of(f) {
				h += nl.lead + nl.spaceBefore
				n++
			}
		}
		if n > 0 && noteH == 0 {
			h += 2 * noteGap
		}
		return h
	}
	tooMany := func() bool {
		if len(p.pages)-first >= p.maxSheets {
			if p.tooLong == 0 {
				p.tooLong = in.page.Number
			}
			return true
		}
		return false
	}
	open(false)
	for i := 0; i < len(lines); i++ {
		ln := &lines[i]
		before := ln.spaceBefore
		if !started {
			before = 0
		}
		nh := notesHeight(ln)
		need := before + ln.lead
		if ln.keep && i+1 < len(lines) {
			next := &lines[i+1]
			need += next.spaceBefore + next.lead + notesHeight(next)
		}
		// A line whose notes could not fit even on an empty page stays
		// here if the line and its first note line do; the rest of the
		// notes continue on the next page.
		fitsEmpty := p.g.bodyTop+ln.lead+nh <= bottom
		if started && (fitsEmpty && y+need+noteH+nh > bottom ||
			!fitsEmpty && y+need+noteH+firstNoteLine(ln, notes)+2*noteGap > bottom) {
			closePage()
			if tooMany() {
				return
			}
			open(true)
			before = 0
			nh = notesHeight(ln)
		}
		y += before
		op.lines = append(op.lines, placed{baseline: baselineOf(y, ln), runs: p.place(ln)})
		y += ln.lead
		started = true
		// the line's notes: as many lines as fit here, the rest carried
		// over under a line that says the note continues
		for _, f := range ln.notes {
			nls := notes.of(f)
			carrying := false
			for j := range nls {
				nl := nls[j]
				h := nl.lead + nl.spaceBefore
				if noteH == 0 {
					h += 2 * noteGap
				}
				if len(carry) == 0 && (y+noteH+h <= bottom || len(noteBuf) == 0 && j == 0) {
					noteBuf = append(noteBuf, nl)
					noteH += h
					continue
				}
				if !carrying && j > 0 {
					carry = append(carry, p.s.continuedLine(f, p.g.measure()))
				}
				carrying = true
				carry = append(carry, nl)
			}
		}
	}
	closePage()
	for len(carry) > 0 {
		if tooMany() {
			return
		}
		open(true)
		closePage()
	}
}
