package pdf

import (
	"math"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
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
	ttf []byte
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
		fs.faces[s] = parseFace(slim(ttf))
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

// parseFace reads the advance widths of every BMP rune that the font maps.
// It rounds them as fpdf does (1000 / unitsPerEm * advance), so that our
// line measures and fpdf's justification agree.
func parseFace(ttf []byte) face {
	fc := face{ttf: ttf, widths: make([]uint16, 0x10000), gids: make([]uint16, 0x10000)}
	for i := range fc.widths {
		fc.widths[i] = noGlyph
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return fc
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	scale := 1000.0 / float64(upem)
	for r := rune(1); r < 0x10000; r++ {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gi, fixed.Int26_6(upem)<<6, font.HintingNone)
		if err != nil {
			continue
		}
		w := math.Round(scale * float64(adv) / 64)
		if w < 0 || w >= noGlyph {
			continue
		}
		fc.widths[r] = uint16(w)
		fc.gids[r] = uint16(gi)
	}
	return fc
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
