package annotate

// myers is Myers' bit-parallel edit-distance automaton ("A fast
// bit-vector algorithm for approximate string matching based on dynamic
// programming", 1999), with Hyyrö's blocks of 64 rows for patterns of any
// length. It runs over code points. In search mode the top row of the
// dynamic-programming matrix is 0 (a match may start anywhere in the text);
// in anchored mode it counts up (the match starts at the first text code
// point).
type myers struct {
	m       int
	blocks  int
	ascii   []uint64     // 128 × blocks
	other   map[rune]int // code point → row in table
	table   []uint64     // rows of blocks words for other code points
	zero    []uint64     // blocks words of 0
	top     []uint64     // the last row's bit in each block
	p, mv   []uint64
	score   []int
	pattern []rune
}

func newMyers(pattern []rune) *myers {
	m := len(pattern)
	nb := (m + 63) / 64
	my := &myers{m: m, blocks: nb, pattern: pattern,
		ascii: make([]uint64, 128*nb), zero: make([]uint64, nb),
		top: make([]uint64, nb), p: make([]uint64, nb), mv: make([]uint64, nb), score: make([]int, nb)}
	for i, c := range pattern {
		b, bit := i/64, uint64(1)<<(i%64)
		if c < 128 {
			my.ascii[int(c)*nb+b] |= bit
			continue
		}
		if my.other == nil {
			my.other = make(map[rune]int)
		}
		row, ok := my.other[c]
		if !ok {
			row = len(my.table) / nb
			my.other[c] = row
			my.table = append(my.table, make([]uint64, nb)...)
		}
		my.table[row*nb+b] |= bit
	}
	for b := range nb {
		my.top[b] = 1 << 63
	}
	if m > 0 {
		my.top[nb-1] = 1 << ((m - 1) % 64)
	}
	my.reset()
	return my
}

// reset starts a new column 0: D[i][0] = i.
func (my *myers) reset() {
	for b := range my.blocks {
		my.p[b] = ^uint64(0)
		my.mv[b] = 0
		my.score[b] = min((b+1)*64, my.m)
	}
}

func (my *myers) eq(c rune) []uint64 {
	nb := my.blocks
	if c >= 0 && c < 128 {
		return my.ascii[int(c)*nb : int(c)*nb+nb]
	}
	if row, ok := my.other[c]; ok {
		return my.table[row*nb : row*nb+nb]
	}
	return my.zero
}

// step consumes one text code point and returns the edit distance at the
// last pattern row: in search mode (anchored false) the least distance of
// the pattern to a text span ending here, in anchored mode its distance to
// the whole text consumed since reset.
func (my *myers) step(c rune, anchored bool) int {
	if my.blocks == 1 && !anchored {
		return my.step1(c)
	}
	eqs := my.eq(c)
	hin := 0
	if anchored {
		hin = 1
	}
	for b := range my.blocks {
		eq := eqs[b]
		pv, mv := my.p[b], my.mv[b]
		if hin < 0 {
			eq |= 1
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		hout := 0
		if ph&my.top[b] != 0 {
			hout = 1
		} else if mh&my.top[b] != 0 {
			hout = -1
		}
		ph <<= 1
		mh <<= 1
		if hin < 0 {
			mh |= 1
		} else if hin > 0 {
			ph |= 1
		}
		my.p[b] = mh | ^(xv | ph)
		my.mv[b] = ph & xv
		my.score[b] += hout
		hin = hout
	}
	return my.score[my.blocks-1]
}

// editDistance returns the Levenshtein distance of a and b in code points.
func editDistance(a, b []rune) int {
	if len(a) == 0 {
		return len(b)
	}
	my := newMyers(a)
	d := len(a)
	for _, c := range b {
		d = my.step(c, true)
	}
	return d
}

// bestPrefixDistance returns the least edit distance of pattern to a
// prefix of text (text's far end is free): how well pattern reads at the
// start of text.
func bestPrefixDistance(pattern, text []rune) int {
	if len(pattern) == 0 {
		return 0
	}
	my := newMyers(pattern)
	best := len(pattern)
	for _, c := range text {
		if d := my.step(c, true); d < best {
			best = d
		}
	}
	return best
}

// step1 is step in search mode for a pattern of one block.
func (my *myers) step1(c rune) int {
	var eq uint64
	if c >= 0 && c < 128 {
		eq = my.ascii[c]
	} else if row, ok := my.other[c]; ok {
		eq = my.table[row]
	}
	pv, mv := my.p[0], my.mv[0]
	xv := eq | mv
	xh := (((eq & pv) + pv) ^ pv) | eq
	ph := mv | ^(xh | pv)
	mh := pv & xh
	top := my.top[0]
	if ph&top != 0 {
		my.score[0]++
	} else if mh&top != 0 {
		my.score[0]--
	}
	ph <<= 1
	mh <<= 1
	my.p[0] = mh | ^(xv | ph)
	my.mv[0] = ph & xv
	return my.score[0]
}
