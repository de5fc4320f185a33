package pdf

import (
	"encoding/binary"
	"math"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// style is a face of the text font.
type style uint8

const (
	regular style = iota
	italic
	bold
	boldItalic
	numStyles
)

// fpdfStyle is the style string fpdf's SetFont and AddUTF8Font take.
func (s style) fpdfStyle() string {
	return [...]string{"", "I", "B", "BI"}[s]
}

// withItalic toggles italics: emphasis inside italic text is set in roman.
func (s style) withItalic() style {
	switch s {
	case regular:
		return italic
	case italic:
		return regular
	case bold:
		return boldItalic
	}
	return bold
}

// noGlyph marks a rune the font does not have in face.widths.
const noGlyph = math.MaxUint16

// face is an embedded TrueType font with its advance widths, parsed once and
// shared read-only by every job.
type face struct {
	// ttf is the font as the module ships it; tables are its tables, with
	// post and name slimmed (no glyph names; the Windows names 0–6).
	ttf    []byte
	tables map[string][]byte
	// widths holds the advance of every BMP rune in thousandths of the font
	// size, rounded as fpdf rounds them, or noGlyph.
	widths []uint16
	// gids holds the glyph of every BMP rune (0: none), for subsets.
	gids []uint16
}

// fontSet is the text font in its four styles: Liberation Serif, a book
// face metric-compatible with Times, which covers Latin with every European
// and Vietnamese diacritic, Greek (monotonic and polytonic) and Cyrillic
// (with Ukrainian and the letters of the pre-1918 orthography).
type fontSet struct {
	faces [numStyles]face
}

// fonts returns the shared font set. The fonts are parsed on first use; a
// font that fails to parse (it cannot: they are compiled in) leaves a face
// without glyphs, and every rune is then replaced.
var fonts = sync.OnceValue(func() *fontSet {
	fs := &fontSet{}
	for s, ttf := range fontFiles() {
		fs.faces[s] = parseFace(ttf)
	}
	// A character is set only if every style has it, so that emphasis
	// never meets a missing glyph.
	for r := range fs.faces[regular].widths {
		for s := range fs.faces {
			if fs.faces[s].widths[r] == noGlyph {
				for t := range fs.faces {
					fs.faces[t].widths[r] = noGlyph
				}
				break
			}
		}
	}
	return fs
})

// fontFiles returns the TrueType files of the four styles as the font
// module ships them.
func fontFiles() [numStyles][]byte {
	return [numStyles][]byte{liberationserifregular.TTF, liberationserifitalic.TTF, liberationserifbold.TTF, liberationserifbolditalic.TTF}
}

// parseFace reads the advance widths and glyphs of every BMP rune that
// the font maps, from its character map and metrics. It rounds the widths
// as fpdf does (1000 / unitsPerEm * advance), so that our line measures and
// fpdf's justification agree. A font it cannot read has no glyphs.
func parseFace(ttf []byte) face {
	fc := face{ttf: ttf, widths: make([]uint16, 0x10000), gids: make([]uint16, 0x10000)}
	for i := range fc.widths {
		fc.widths[i] = noGlyph
	}
	t, ok := readTables(ttf)
	if !ok {
		return fc
	}
	head, hhea, hmtx, maxp, cmap := t["head"], t["hhea"], t["hmtx"], t["maxp"], t["cmap"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || cmap == nil {
		return fc
	}
	upem := int(binary.BigEndian.Uint16(head[18:]))
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	nhm := int(binary.BigEndian.Uint16(hhea[34:]))
	if upem == 0 || nhm == 0 || len(hmtx) < 4*nhm {
		return fc
	}
	scale := 1000.0 / float64(upem)
	eachMapping(cmap, func(r rune, g int) {
		if r < 1 || r >= 0x10000 || g <= 0 || g >= numGlyphs {
			return
		}
		adv := binary.BigEndian.Uint16(hmtx[4*min(g, nhm-1):])
		w := math.Round(scale * float64(adv))
		if w >= noGlyph {
			return
		}
		fc.widths[r] = uint16(w)
		fc.gids[r] = uint16(g)
	})
	post := t["post"]
	name, ok := slimName(t["name"])
	if len(post) < 32 || !ok {
		return fc
	}
	t["post"] = append([]byte{0, 3, 0, 0}, post[4:32]...) // format 3: no glyph names
	t["name"] = name
	fc.tables = t
	return fc
}

// eachMapping calls fn for every rune and glyph of the font's Unicode
// character map: format 12 (full Unicode) if it has one, else format 4.
func eachMapping(cmap []byte, fn func(r rune, g int)) {
	if len(cmap) < 4 {
		return
	}
	u16 := func(b []byte, at int) int {
		if at < 0 || at+2 > len(b) {
			return 0
		}
		return int(binary.BigEndian.Uint16(b[at:]))
	}
	u32 := func(b []byte, at int) int {
		if at < 0 || at+4 > len(b) {
			return 0
		}
		return int(binary.BigEndian.Uint32(b[at:]))
	}
	var fmt4, fmt12 []byte
	for i := range u16(cmap, 2) {
		rec := 4 + 8*i
		pid, eid, off := u16(cmap, rec), u16(cmap, rec+2), u32(cmap, rec+4)
		if off <= 0 || off >= len(cmap) || pid != 0 && pid != 3 {
			continue
		}
		sub := cmap[off:]
		switch {
		case u16(sub, 0) == 12 && (pid == 0 || eid == 10):
			fmt12 = sub
		case u16(sub, 0) == 4 && (pid == 0 || eid == 1):
			fmt4 = sub
		}
	}
	if fmt12 != nil {
		n := u32(fmt12, 12)
		for i := 0; i < n && 16+12*i+12 <= len(fmt12); i++ {
			at := 16 + 12*i
			start, end, g := u32(fmt12, at), u32(fmt12, at+4), u32(fmt12, at+8)
			for c := start; c <= end && c < 0x10000; c++ {
				fn(rune(c), g+c-start)
			}
		}
		return
	}
	if fmt4 == nil {
		return
	}
	segs := u16(fmt4, 6) / 2
	ends, starts, deltas, ros := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for i := range segs {
		start, end := u16(fmt4, starts+2*i), u16(fmt4, ends+2*i)
		delta, ro := u16(fmt4, deltas+2*i), u16(fmt4, ros+2*i)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = u16(fmt4, ros+2*i+ro+2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			fn(rune(c), g)
		}
	}
}

// has reports whether the font has a glyph for r.
func (fc *face) has(r rune) bool {
	return r >= 0 && r < 0x10000 && fc.widths[r] != noGlyph
}

// advance returns the width of r in thousandths of the font size; runes
// without a glyph (which sanitized text never holds) count as nothing.
func (fc *face) advance(r rune) int {
	if r < 0 || r >= 0x10000 || fc.widths[r] == noGlyph {
		return 0
	}
	return int(fc.widths[r])
}

// width returns the width of s at size points.
func (fc *face) width(s string, size float64) float64 {
	n := 0
	for _, r := range s {
		n += fc.advance(r)
	}
	return float64(n) * size / 1000
}
