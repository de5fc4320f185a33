package pdf

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

var originals = fontFiles()

// A subset of every rune the fonts map keeps every outline of the font as
// shipped, without the hinting: far smaller.
func TestSubsetOfEverythingKeepsEveryOutline(t *testing.T) {
	fs := fonts()
	var all runeSet
	for r := rune(1); r < 0x10000; r++ {
		if fs.faces[regular].gids[r] != 0 {
			all.add(r)
		}
	}
	for st := regular; st < numStyles; st++ {
		orig, err := sfnt.Parse(originals[st])
		require.NoError(t, err)
		sub := fs.faces[st].subset(&all)
		assert.Less(t, len(sub), len(originals[st])*3/4, "the hinting is dropped")
		slimmed, err := sfnt.Parse(sub)
		require.NoError(t, err)
		require.Equal(t, orig.NumGlyphs(), slimmed.NumGlyphs())
		var b1, b2 sfnt.Buffer
		for r := rune(1); r < 0x10000; r++ {
			gi := sfnt.GlyphIndex(fs.faces[st].gids[r])
			if gi == 0 || !all.has(r) {
				continue
			}
			s1, err1 := orig.LoadGlyph(&b1, gi, fixed.I(1000), nil)
			s2, err2 := slimmed.LoadGlyph(&b2, gi, fixed.I(1000), nil)
			require.Equal(t, err1 == nil, err2 == nil, "glyph %d", gi)
			require.Equal(t, s1, s2, "style %d glyph %d", st, gi)
		}
	}
	// Not a font: no glyphs, and handed on as is.
	bad := parseFace([]byte("nope"))
	assert.False(t, bad.has('a'))
	assert.Equal(t, []byte("nope"), bad.subset(&all))
}

func TestCoverageSameInEveryStyle(t *testing.T) {
	fs := fonts()
	for _, r := range "é’“”–—…Жжщ€" {
		for st := regular; st < numStyles; st++ {
			assert.True(t, fs.faces[st].has(r), "style %d lacks %q", st, r)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		h := fs.faces[regular].has(r)
		for st := italic; st < numStyles; st++ {
			if fs.faces[st].has(r) != h {
				t.Fatalf("style %d differs from regular at %U", st, r)
			}
		}
	}
}

// Our widths must be fpdf's, or justified lines would not end flush.
func TestWidthsMatchFpdf(t *testing.T) {
	fs := fonts()
	f := fpdf.New("P", "pt", "A4", "")
	for st := regular; st < numStyles; st++ {
		f.AddUTF8FontFromBytes(family, st.fpdfStyle(), fs.faces[st].ttf)
		f.SetFont(family, st.fpdfStyle(), 1000)
		for r := rune(' '); r < 0x10000; r++ {
			if !fs.faces[st].has(r) || r == 0xAD {
				continue
			}
			want := f.GetStringWidth(string(r))
			if got := fs.faces[st].width(string(r), 1000); got != want {
				t.Fatalf("style %d %U: width %v, fpdf %v", st, r, got, want)
			}
		}
	}
	require.NoError(t, f.Error())
}

// The subset handed to fpdf keeps the glyphs (and their composites' parts)
// of the runes asked for, with the same numbers and outlines, and maps no
// other rune.
func TestSubsetKeepsTheGlyphsAsked(t *testing.T) {
	fs := fonts()
	var used runeSet
	used.addString("Aệ Ѣѣ ῥ’–")
	for st := regular; st < numStyles; st++ {
		full, err := sfnt.Parse(fs.faces[st].ttf)
		require.NoError(t, err)
		sub := fs.faces[st].subset(&used)
		assert.Less(t, len(sub), len(fs.faces[st].ttf)/4)
		part, err := sfnt.Parse(sub)
		require.NoError(t, err)
		var b1, b2 sfnt.Buffer
		for _, r := range "Aệ Ѣѣ ῥ’–" {
			g1, err := full.GlyphIndex(&b1, r)
			require.NoError(t, err)
			g2, err := part.GlyphIndex(&b2, r)
			require.NoError(t, err)
			require.Equal(t, g1, g2, "%q", r)
			s1, err := full.LoadGlyph(&b1, g1, fixed.I(1000), nil)
			require.NoError(t, err)
			s2, err := part.LoadGlyph(&b2, g2, fixed.I(1000), nil)
			require.NoError(t, err)
			assert.Equal(t, s1, s2, "%q", r)
		}
		g, err := part.GlyphIndex(&b2, 'B')
		require.NoError(t, err)
		assert.Zero(t, g, "B is not in the subset")
	}
	// Not a font: returned as is.
	bad := face{ttf: []byte("nope"), gids: make([]uint16, 0x10000)}
	assert.Equal(t, []byte("nope"), bad.subset(&used))
}
