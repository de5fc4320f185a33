package pdf

import (
	"encoding/binary"
	"math/bits"
)

// runeSet is a set of BMP runes.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) {
	if r >= 0 && r < 0x10000 {
		s[r>>6] |= 1 << (r & 63)
	}
}

func (s *runeSet) addString(t string) {
	for _, r := range t {
		s.add(r)
	}
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

// each calls fn for the runes of the set in increasing order.
func (s *runeSet) each(fn func(rune)) {
	for i, w := range s {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			fn(rune(i<<6 | b))
			w &^= 1 << b
		}
	}
}

// subset returns the face's font cut down to the glyphs of the runes in
// used (and the glyphs their composites are made of): the same glyph
// numbers and metrics, a character map of only those runes, no outlines for
// the other glyphs, and nothing a PDF does not need (the hinting: the cvt,
// fpgm, prep and gasp tables and every glyph's instructions; glyph names;
// all names but the Windows names 0–6). fpdf parses every font it is given for
// every document, at a cost that grows with the character map and the
// glyphs; given the subset it parses a hundred characters instead of
// thousands, and the PDF it writes embeds the same glyphs. When the font
// does not have the expected shape, subset returns it whole.
func (fc *face) subset(used *runeSet) []byte {
	t := fc.tables
	if t == nil {
		return fc.ttf
	}
	head, maxp, loca, glyf := t["head"], t["maxp"], t["loca"], t["glyf"]
	if len(head) < 54 || len(maxp) < 6 {
		return fc.ttf
	}
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	if longLoca && len(loca) < 4*(numGlyphs+1) || !longLoca && len(loca) < 2*(numGlyphs+1) {
		return fc.ttf
	}
	offset := func(g int) int {
		if longLoca {
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	glyph := func(g int) ([]byte, bool) {
		from, to := offset(g), offset(g+1)
		if from > to || to > len(glyf) {
			return nil, false
		}
		return glyf[from:to], true
	}
	keep := make([]bool, numGlyphs)
	keep[0] = true
	var stack []int
	var runes []rune
	used.each(func(r rune) {
		if g := int(fc.gids[r]); g != 0 && g < numGlyphs {
			runes = append(runes, r)
			if !keep[g] {
				keep[g] = true
				stack = append(stack, g)
			}
		}
	})
	// the components of composite glyphs
	for len(stack) > 0 {
		g := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		data, ok := glyph(g)
		if !ok {
			return fc.ttf
		}
		for _, c := range components(data) {
			if c < numGlyphs && !keep[c] {
				keep[c] = true
				stack = append(stack, c)
			}
		}
	}
	// the kept glyphs without their hinting instructions
	newGlyf := make([]byte, 0, len(runes)*200)
	newLoca := make([]byte, 0, 4*(numGlyphs+1))
	for g := 0; g < numGlyphs; g++ {
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		if !keep[g] {
			continue
		}
		data, ok := glyph(g)
		if !ok {
			return fc.ttf
		}
		if data, ok = stripGlyph(data); !ok {
			return fc.ttf
		}
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment, set by assemble
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newMaxp := append([]byte(nil), maxp...)
	if len(newMaxp) >= 28 {
		binary.BigEndian.PutUint16(newMaxp[26:], 0) // maxSizeOfInstructions
	}
	tables := []sfntTable{
		{"OS/2", t["OS/2"]}, {"cmap", cmap4(runes, fc.gids)}, {"glyf", newGlyf}, {"head", newHead},
		{"hhea", t["hhea"]}, {"hmtx", t["hmtx"]}, {"loca", newLoca}, {"maxp", newMaxp},
		{"name", t["name"]}, {"post", t["post"]},
	}
	for _, tb := range tables {
		if tb.data == nil {
			return fc.ttf
		}
	}
	return assemble(tables)
}

// components returns the glyphs a composite glyph is made of.
func components(g []byte) []int {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	const (
		argsAreWords   = 0x0001
		haveScale      = 0x0008
		moreComponents = 0x0020
		haveXYScale    = 0x0040
		have2x2        = 0x0080
	)
	var out []int
	at := 10
	for len(g) >= at+4 {
		flags := binary.BigEndian.Uint16(g[at:])
		out = append(out, int(binary.BigEndian.Uint16(g[at+2:])))
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&have2x2 != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return out
}

// cmap4 returns a cmap table with one format 4 subtable (Windows, Unicode
// BMP) mapping runes, in increasing order, to their glyphs: a segment for
// each stretch of consecutive runes with consecutive glyphs.
func cmap4(runes []rune, gids []uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	segs := make([]seg, 0, len(runes)/2+2)
	for _, r := range runes {
		g := gids[r]
		delta := g - uint16(r)
		if n := len(segs); n > 0 && segs[n-1].end+1 == uint16(r) && segs[n-1].delta == delta {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), delta})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	pow, log := 1, 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	sub := make([]byte, 0, 16+8*n)
	sub = binary.BigEndian.AppendUint16(sub, 4)
	sub = binary.BigEndian.AppendUint16(sub, uint16(16+8*n))
	sub = binary.BigEndian.AppendUint16(sub, 0)
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*n))
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*pow))
	sub = binary.BigEndian.AppendUint16(sub, uint16(log))
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*n-2*pow))
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.end)
	}
	sub = binary.BigEndian.AppendUint16(sub, 0)
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.delta)
	}
	for range segs {
		sub = binary.BigEndian.AppendUint16(sub, 0)
	}
	out := make([]byte, 0, 12+len(sub))
	out = binary.BigEndian.AppendUint16(out, 0) // version
	out = binary.BigEndian.AppendUint16(out, 1) // one subtable
	out = binary.BigEndian.AppendUint16(out, 3) // Windows
	out = binary.BigEndian.AppendUint16(out, 1) // Unicode BMP
	out = binary.BigEndian.AppendUint32(out, 12)
	return append(out, sub...)
}
