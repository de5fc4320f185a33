package pdf

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// canvas wraps fpdf: its magic strings, its sticky error and its panics stay
// in here. Fonts are registered with fpdf on first use, so an extract
// without bold text does not embed the bold font.
type canvas struct {
	f       *fpdf.Fpdf
	fs      *fontSet
	loaded  [numStyles]bool
	fontSet bool
	curSt   style
	curSize float64
}

// family is the name under which the fonts are registered with fpdf; it
// becomes part of the embedded font's name.
const family = "GoText"

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
	f.SetTitle(meta.title, true)
	f.SetAuthor(meta.author, true)
	f.SetSubject(meta.subject, true)
	f.SetKeywords(meta.keywords, true)
	f.SetCreator(meta.creator, true)
	f.SetProducer(meta.producer, true)
	if meta.lang != "" {
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
		c.f.AddUTF8FontFromBytes(family, st.fpdfStyle(), c.fs.faces[st].ttf)
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

// output finishes the document and writes it to w; fpdf writes nothing when
// it has failed. A panic inside fpdf becomes an error.
func (c *canvas) output(w io.Writer) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrRender, p)
		}
	}()
	if e := c.f.Error(); e != nil {
		return fmt.Errorf("%w: %v", ErrRender, e)
	}
	return c.f.Output(w)
}

// render draws the laid-out pages.
func (c *canvas) render(g geometry, pages []outPage) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%w: %v", ErrRender, p)
		}
	}()
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
	return nil
}
