package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// canvas wraps fpdf: its magic strings, its sticky error and its panics stay
// in here. Fonts are registered with fpdf on first use, so an extract
// without bold text does not embed the bold font.
type canvas struct {
	f       *fpdf.Fpdf
	fs      *fontSet
	used    *[numStyles]runeSet // the runes each style sets; nil: whole fonts
	loaded  [numStyles]bool
	fontSet bool
	curSt   style
	curSize float64
}

// family is the name under which the fonts are registered with fpdf; it
// becomes part of the embedded font's name.
const family = "LiberationSerif"

// metadata is the document information dictionary.
type metadata struct {
	title, author, subject, keywords, creator, producer string
	lang                                                string
	created                                             time.Time
}

func newCanvas(fs *fontSet, g geometry, meta metadata) *canvas {
	f := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: g.w, Ht: g.h},
	})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	f.SetCompression(true)
	// Same input, same bytes: resources in a fixed order, fixed dates.
	f.SetCatalogSort(true)
	created := meta.created.UTC()
	f.SetCreationDate(created)
	f.SetModificationDate(created)
	f.SetTitle(infoText(meta.title), true)
	f.SetAuthor(infoText(meta.author), true)
	f.SetSubject(infoText(meta.subject), true)
	f.SetKeywords(infoText(meta.keywords), true)
	f.SetCreator(infoText(meta.creator), true)
	f.SetProducer(infoText(meta.producer), true)
	if isLangTag(meta.lang) {
		f.SetLang(meta.lang)
	}
	f.SetDrawColor(0, 0, 0)
	return &canvas{f: f, fs: fs}
}

func (c *canvas) addPage() {
	c.f.AddPage()
	c.fontSet = false
}

func (c *canvas) setFont(st style, size float64) {
	if c.fontSet && c.curSt == st && c.curSize == size {
		return
	}
	if !c.loaded[st] {
		ttf := c.fs.faces[st].ttf
		if c.used != nil {
			ttf = c.fs.faces[st].subset(&c.used[st])
		}
		c.f.AddUTF8FontFromBytes(family, st.fpdfStyle(), ttf)
		c.loaded[st] = true
	}
	c.f.SetFont(family, st.fpdfStyle(), size)
	c.fontSet, c.curSt, c.curSize = true, st, size
}

// draw writes a run whose baseline is at y.
func (c *canvas) draw(r *run, xOff, y float64) {
	if r.text == "" {
		return
	}
	c.setFont(r.st, r.size)
	x := xOff + r.x
	base := y - r.rise
	if r.extra > 0 && r.spaces > 0 {
		// fpdf justifies a cell by spreading its spare width over the
		// spaces (a TJ adjustment before each space; Tw does not apply to
		// two-byte text). Its baseline is at the cell's y + 0.3 * size.
		c.f.SetXY(x, base-0.3*r.size)
		c.f.CellFormat(r.w+float64(r.spaces)*r.extra, 0, r.text, "", 0, "J", false, 0, "")
		return
	}
	c.f.Text(x, base, r.text)
}

func (c *canvas) rule(r rule) {
	c.f.SetLineWidth(r.width)
	c.f.Line(r.x1, r.y, r.x2, r.y)
}

// draw renders the laid-out pages with fpdf and writes the document to w;
// fpdf writes nothing when it has failed, and a panic inside it becomes an
// error before anything is written.
func draw(w io.Writer, fs *fontSet, g geometry, meta metadata, pages []outPage) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrRender, p)
		}
	}()
	c := newCanvas(fs, g, meta)
	// Each font is handed to fpdf cut down to the characters the pages
	// set in it (and the few fpdf always embeds).
	c.used = new([numStyles]runeSet)
	for i := range pages {
		for _, pl := range pages[i].lines {
			for j := range pl.runs {
				c.used[pl.runs[j].st].addString(pl.runs[j].text)
			}
		}
	}
	for st := range c.used {
		for r := rune(32); r < 57; r++ {
			c.used[st].add(r)
		}
	}
	for i := range pages {
		op := &pages[i]
		c.addPage()
		for _, r := range op.rules {
			c.rule(r)
		}
		for _, pl := range op.lines {
			for j := range pl.runs {
				c.draw(&pl.runs[j], g.left, pl.baseline)
			}
		}
	}
	if e := c.f.Error(); e != nil {
		return fmt.Errorf("%w: %v", ErrRender, e)
	}
	return c.f.Output(w)
}

// maxInfo is the longest metadata string written, in characters.
const maxInfo = 1000

// infoText makes a metadata string safe for fpdf's UTF-16 conversion, which
// knows only valid UTF-8 of the Basic Multilingual Plane: invalid bytes and
// characters beyond it become U+FFFD, controls are dropped, and the string
// is cut at maxInfo characters.
func infoText(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == maxInfo {
			b.WriteString("…")
			break
		}
		switch {
		case r == utf8.RuneError || r > 0xFFFF:
			r = 0xFFFD
		case unicode.IsControl(r):
			if r == '\t' || r == '\n' || r == '\r' {
				r = ' '
			} else {
				continue
			}
		case r >= 0xD800 && r <= 0xDFFF:
			r = 0xFFFD
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// isLangTag reports whether s looks like a BCP 47 tag: letters, digits and
// hyphens only, as fpdf writes it into the catalog unescaped.
func isLangTag(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
