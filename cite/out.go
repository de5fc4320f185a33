package cite

import (
	"unicode/utf8"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// out builds a citation the way a CSL processor does, in one flat buffer:
// nested frames stand for CSL rendering elements (groups with delimiters and
// affixes, and the text, names, date and label elements inside them). A
// frame writes its prefix, and the delimiter that separates it from the
// previous sibling, only when its first content arrives, so empty elements
// leave no trace; a group that called variables and found all of them empty
// is removed with everything it wrote (CSL's implicit conditional).
// Punctuation is joined as citeproc-js joins it: duplicates collapse ("ed."
// + ". " → "ed. "), "?" absorbs a following period, and commas and periods
// move inside closing quotation marks (American punctuation-in-quote).
type out struct {
	buf   []byte
	marks []mark
	// frames holds the open frames frames[:n]: the array fr, or for
	// deeper nesting a longer slice that the frames were copied into.
	fr     [24]frame
	frames []frame
	n      int
	// The open frames are a prefix: open writes out every frame up to n,
	// and end pops the last one, so frames fr[:nopen] are written out and
	// the rest are pending (open starts at nopen, not at the bottom).
	nopen int
	// g is one more than the depth of the innermost group frame (the
	// group context), 0 when there is none.
	g int
	// [qpos, qend) is a run of closing quotation marks that ends the
	// buffer when qend == len(buf): punctuation written next goes before it.
	qpos, qend int
	// quoteDepth counts open quotes frames.
	quoteDepth int
	// termPred is citeproc-js's "term predecessor": something was
	// rendered before; a term rendered first is capitalized.
	termPred bool
	// saveBuf and saveMarks are a stack of the quotation tails and marks
	// that open groups saved (frame.saved), innermost last; they start in
	// the arrays beside them, sized so that Format's renderer stays in
	// the 3,072-byte allocation class.
	saveBuf      []byte
	saveMarks    []mark
	saveBufArr   [16]byte
	saveMarksArr [4]mark
}

type frame struct {
	prefix string
	suffix string
	delim  string
	// start and nmarks are len(buf) and len(marks) before a group wrote
	// anything, its delimiter included (set for groups only)
	start, nmarks int32
	contentStart  int32
	// g is out.g when the frame was pushed, restored when it ends.
	g int32
	// The quotation state when the frame opened, restored if it is
	// dropped: the frame's delimiter or prefix may have moved punctuation
	// inside closing quotation marks written before it (or merged it with
	// the punctuation there), so cutting the buffer back to start alone
	// would cut those marks in two. When saved, buf[tailFrom:qend] and
	// the nmarks marks, whose ends such a move shifts, were pushed on
	// out.saveBuf and out.saveMarks.
	qpos, qend  int32
	tailFrom    int32
	saved       bool
	f           Decoration
	quotes      bool
	group       bool
	wrote       bool
	parentWrote bool
	// citeproc-js's group context flags
	attempt bool // a variable was called and found empty
	success bool // a variable rendered, or a nested group did
	term    bool // a term or a value rendered
	// termPred is out.termPred when the group opened, restored if the
	// group is dropped.
	termPred bool
}

func (o *out) reset() {
	if len(o.frames) <= len(o.fr) {
		o.frames = o.fr[:] // this out's own array, even in a copy
	}
	o.saveBuf, o.saveMarks = o.saveBufArr[:0], o.saveMarksArr[:0] // as renderer.init does buf
	o.buf = o.buf[:0]
	o.marks = o.marks[:0]
	o.n = 0
	o.nopen = 0
	o.g = 0
	o.qpos, o.qend = -1, -1
	o.quoteDepth = 0
	o.termPred = false
}

func (o *out) push(group bool, delim, prefix, suffix string, f Decoration, quotes bool) {
	if o.n == len(o.frames) {
		o.grow()
	}
	fr := &o.frames[o.n]
	fr.delim, fr.prefix, fr.suffix = delim, prefix, suffix
	fr.f = f
	fr.quotes = quotes
	fr.group = group
	fr.wrote, fr.parentWrote = false, false
	fr.attempt, fr.success, fr.term = false, false, false
	fr.termPred = o.termPred
	fr.saved = false
	fr.g = int32(o.g)
	o.n++
	if group {
		o.g = o.n
	}
}

// grow makes room for another frame: the array fr first, then a slice
// twice as long, with the open frames copied into it (a frame is never
// shared by two depths).
func (o *out) grow() {
	if len(o.frames) == 0 {
		o.frames = o.fr[:]
		return
	}
	frames := make([]frame, 2*len(o.frames))
	copy(frames, o.frames)
	o.frames = frames
}

// at returns the frame at depth i.
func (o *out) at(i int) *frame { return &o.frames[i] }

// group opens a CSL group.
func (o *out) group(delim, prefix, suffix string) {
	o.push(true, delim, prefix, suffix, 0, false)
}

// elem opens a rendering element with affixes and formatting.
func (o *out) elem(prefix, suffix string, f Decoration, quotes bool) {
	o.push(false, "", prefix, suffix, f, quotes)
}

// open writes the pending delimiters and prefixes of all frames.
func (o *out) open() {
	for i := o.nopen; i < o.n; i++ {
		fr := o.at(i)
		if fr.group {
			// the state that end gives back if the group is dropped (an
			// element is never dropped)
			fr.start = int32(len(o.buf))
			fr.nmarks = int32(len(o.marks))
			fr.qpos, fr.qend = int32(o.qpos), int32(o.qend)
			fr.saved = o.qend == len(o.buf) && o.qpos >= 0
			if fr.saved {
				tailFrom := max(o.qpos-1, 0)
				fr.tailFrom = int32(tailFrom)
				o.saveBuf = append(o.saveBuf, o.buf[tailFrom:o.qend]...)
				o.saveMarks = append(o.saveMarks, o.marks...)
			}
		}
		if i > 0 {
			p := o.at(i - 1)
			fr.parentWrote = p.wrote
			if p.wrote && p.delim != "" {
				o.punct(p.delim)
			}
			p.wrote = true
		}
		if fr.prefix != "" {
			o.punct(fr.prefix)
		}
		if fr.quotes {
			o.buf = append(o.buf, "“"...)
			o.quoteDepth++
		}
		fr.contentStart = int32(len(o.buf))
	}
	o.nopen = o.n
	o.termPred = true
}

// end closes the innermost frame. A group is kept if a variable in it
// rendered or if it holds a term and called no variable (citeproc-js's
// rule); a kept group counts as a rendered variable for its parent group,
// a dropped one passes its "called a variable" flag up.
func (o *out) end() {
	if o.n == 0 {
		return
	}
	o.n--
	fr := o.at(o.n)
	o.g = int(fr.g)
	if o.n >= o.nopen {
		// never opened: the frame wrote nothing
		if fr.group {
			if fr.success || (fr.term && !fr.attempt) {
				if g := o.ctx(); g != nil {
					g.success = true
				}
				return
			}
			if g := o.ctx(); g != nil {
				g.attempt = fr.attempt
			}
			o.termPred = fr.termPred
		}
		return
	}
	o.nopen = o.n
	if fr.group {
		var tail []byte
		var tailMarks []mark
		if fr.saved {
			// the frame's saves are the top of the stacks: deeper
			// frames ended before it
			at := len(o.saveBuf) - int(fr.qend-fr.tailFrom)
			mat := len(o.saveMarks) - int(fr.nmarks)
			tail, tailMarks = o.saveBuf[at:], o.saveMarks[mat:]
			o.saveBuf, o.saveMarks = o.saveBuf[:at], o.saveMarks[:mat]
		}
		if !fr.success && !(fr.term && !fr.attempt) {
			// dropped, with everything it wrote
			o.buf = o.buf[:fr.start]
			if fr.saved {
				copy(o.buf[fr.tailFrom:], tail)
				o.marks = append(o.marks[:0], tailMarks...)
			} else {
				o.marks = o.marks[:fr.nmarks]
			}
			o.qpos, o.qend = int(fr.qpos), int(fr.qend)
			if o.n > 0 {
				o.at(o.n - 1).wrote = fr.parentWrote
			}
			if fr.quotes {
				o.quoteDepth--
			}
			if g := o.ctx(); g != nil {
				g.attempt = fr.attempt
			}
			o.termPred = fr.termPred
			return
		}
		if g := o.ctx(); g != nil {
			g.success = true
		}
	}
	if fr.quotes {
		o.quoteDepth--
		if o.qend != len(o.buf) {
			o.qpos = len(o.buf)
		}
		o.buf = append(o.buf, "”"...)
		o.qend = len(o.buf)
	}
	if fr.f != 0 && len(o.buf) > int(fr.contentStart) {
		o.addMark(int(fr.contentStart), len(o.buf), fr.f)
	}
	if fr.suffix != "" {
		o.punct(fr.suffix)
	}
}

// ctx returns the innermost open group: the group context whose flags the
// rendering elements set.
func (o *out) ctx() *frame {
	if o.g == 0 {
		return nil
	}
	return o.at(o.g - 1)
}

// addMark formats bytes [start, end) of the buffer. Marks nest: a field's
// inline markup is marked before the element that holds it, which sorts
// before it.
func (o *out) addMark(start, end int, f Decoration) {
	o.insertMark(mark{start: int32(start), end: int32(end), f: f})
}

// insertMark adds m to the sorted marks: after the marks that start
// before it, before those it holds (a mark added later over the same
// range encloses the earlier one).
func (o *out) insertMark(m mark) {
	o.marks = append(o.marks, m)
	ms := o.marks
	j := len(ms) - 1
	for ; j > 0 && (m.start < ms[j-1].start || m.start == ms[j-1].start && m.end >= ms[j-1].end); j-- {
		ms[j] = ms[j-1]
	}
	ms[j] = m
}

// attempt records a variable called and found empty.
func (o *out) attempt() {
	if g := o.ctx(); g != nil {
		g.attempt = true
	}
}

// success records a rendered variable.
func (o *out) success() {
	if g := o.ctx(); g != nil {
		g.success = true
	}
}

// termIntended records a rendered term.
func (o *out) termIntended() {
	if g := o.ctx(); g != nil {
		g.term = true
	}
}

// lit writes literal style text (a term or a value) inside the current frame.
func (o *out) lit(s string) {
	if s == "" {
		return
	}
	o.termIntended()
	o.open()
	o.buf = append(o.buf, s...)
}

// litCap writes a term with its first letter capitalized.
func (o *out) litCap(s string) {
	if s == "" {
		return
	}
	o.termIntended()
	o.open()
	o.buf = appendCapitalizeFirst(o.buf, s)
}

// isPunct reports whether c is one of citeproc-js's merging punctuation
// characters (cslcore.IsPunct).
func isPunct(c byte) bool { return cslcore.IsPunct(c) }

// mergePunct returns what citeproc-js keeps of the punctuation a followed by
// b (both in isPunct): "" means keep both as they are (cslcore.JoinPunct).
func mergePunct(a, b byte) (string, bool) {
	if s, ok := cslcore.JoinPunct(a, b); ok && len(s) == 1 {
		return s, true
	}
	return "", false
}

// punct writes style punctuation (an affix or a delimiter), joining it with
// the punctuation already written.
func (o *out) punct(s string) {
	if s == "" {
		return
	}
	if s[0] == ' ' && len(o.buf) > 0 && o.buf[len(o.buf)-1] == ' ' {
		s = s[1:]
		if s == "" {
			return
		}
	}
	c := s[0]
	if !isPunct(c) || len(o.buf) == 0 {
		o.buf = append(o.buf, s...)
		return
	}
	if o.qend == len(o.buf) && o.qpos >= 0 && c != ';' && c != ':' {
		// Move the punctuation inside the closing quotes.
		tail := o.qend - o.qpos
		var ins [2]byte
		n := 0
		if o.qpos > 0 && isPunct(o.buf[o.qpos-1]) {
			if m, ok := mergePunct(o.buf[o.qpos-1], c); ok {
				o.buf[o.qpos-1] = m[0]
			} else {
				ins[0] = c
				n = 1
			}
		} else {
			ins[0] = c
			n = 1
		}
		if n > 0 {
			o.buf = append(o.buf, ins[:n]...)
			copy(o.buf[o.qpos+n:], o.buf[o.qpos:o.qpos+tail])
			copy(o.buf[o.qpos:], ins[:n])
			o.shiftMarks(o.qpos, n)
			o.qpos += n
			o.qend += n
		}
		o.buf = append(o.buf, s[1:]...)
		return
	}
	last := o.buf[len(o.buf)-1]
	if isPunct(last) {
		if m, ok := mergePunct(last, c); ok {
			o.buf[len(o.buf)-1] = m[0]
			o.buf = append(o.buf, s[1:]...)
			return
		}
	}
	o.buf = append(o.buf, s...)
}

func (o *out) shiftMarks(at, n int) {
	for i := range o.marks {
		m := &o.marks[i]
		if int(m.start) >= at {
			m.start += int32(n)
		}
		if int(m.end) > at {
			m.end += int32(n)
		}
	}
}

// text returns the built text.
func (o *out) text() Text {
	t := Text{s: string(o.buf)}
	if len(o.marks) > 0 {
		t.marks = make([]mark, len(o.marks))
		copy(t.marks, o.marks)
	}
	return t
}

// lastRune returns the last rune written.
func (o *out) lastRune() rune {
	r, _ := utf8.DecodeLastRune(o.buf)
	return r
}
