package tei

import (
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// gen builds random models from a stream of bytes (fuzz input or a seeded
// random source): canonical ones, as maisky.Read returns them (inline
// content non-nil, no empty or adjacent Text nodes, empty lists nil,
// footnotes in the reading order of their anchors).
type gen struct {
	data []byte
	i    int
}

func (g *gen) byte() byte {
	if g.i >= len(g.data) {
		g.i++
		return byte(g.i * 131)
	}
	b := g.data[g.i]
	g.i++
	return b
}

func (g *gen) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return int(g.byte()) % n
}

func (g *gen) chance(in int) bool { return g.intn(in) == 0 }

// pieces are the bits random text is made of: markup characters, quotes,
// dashes, whitespace of every kind XML keeps, accents, Cyrillic, astral
// characters, a CDATA end.
var pieces = [...]string{
	"a", "Maisky", " ", "  ", "&", "<", ">", "\"", "'", "’", "‘", "“", "”", "–", "—", "…",
	"é", "Édouard", "ёлочки", "Ляховецкий", "«", "»", "\t", "\n", "\r\n", "\r", "]]>", "&amp;",
	"𝔘", "\u00a0", "x", "1934", "(", ")", ",", "<!--", "?>", "\u2028",
}

func (g *gen) text(nonEmpty bool) string {
	n := g.intn(6)
	if nonEmpty && n == 0 {
		n = 1
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[g.intn(len(pieces))])
	}
	return b.String()
}

func (g *gen) maybe(s string) string {
	if g.chance(2) {
		return ""
	}
	return s
}

func (g *gen) person() maisky.Person {
	for try := 0; ; try++ {
		if try == 3 {
			return maisky.Person{Family: g.text(true)}
		}
		p := maisky.Person{Family: g.maybe(g.text(true)), Pseudonym: g.maybe(g.text(true)), Original: g.maybe(g.text(true))}
		switch g.intn(3) {
		case 0:
			p.Given = g.text(true) + " " + g.text(true)
		case 1:
			p.Given = g.maybe(g.text(true))
		}
		if !p.IsZero() {
			return p
		}
	}
}

func (g *gen) people(max int) []maisky.Person {
	var out []maisky.Person
	for range g.intn(max + 1) {
		out = append(out, g.person())
	}
	return out
}

func (g *gen) date() maisky.Date {
	var d maisky.Date
	switch g.intn(4) {
	case 0:
		return d
	case 1:
		d = maisky.Date{Year: 1 + g.intn(250)*40}
	case 2:
		d = maisky.Date{Year: 1900 + g.intn(100), Month: 1 + g.intn(12)}
	default:
		d = maisky.Date{Year: 1900 + g.intn(100), Month: 1 + g.intn(12), Day: 1 + g.intn(28)}
	}
	d.Approximate = g.chance(3)
	d.Uncertain = g.chance(4)
	return d
}

// vgen tracks the state of one version while its content is generated.
type vgen struct {
	*gen
	page  int
	notes []*maisky.Footnote
	n     int
}

// inlines returns canonical content; top allows notes and page breaks.
func (g *vgen) inlines(top bool, depth int) []maisky.Inline {
	out := []maisky.Inline{}
	lastText := false
	for range g.intn(7) {
		switch k := g.intn(6); {
		case k <= 1:
			if lastText {
				continue
			}
			out = append(out, &maisky.Text{Value: g.text(true)})
			lastText = true
			continue
		case k == 2 && depth < 3:
			out = append(out, &maisky.Emphasis{Content: g.inlines(false, depth+1)})
		case k == 3 && top:
			g.n += 1 + g.intn(3)
			id := "n" + strconv.Itoa(g.n)
			if g.chance(3) {
				id = "note " + g.text(true) + strconv.Itoa(len(g.notes))
			}
			content := []maisky.Inline{}
			if !g.chance(5) {
				content = (&vgen{gen: g.gen}).inlines(false, 1)
			}
			g.notes = append(g.notes, &maisky.Footnote{ID: id, Number: g.n, Content: content})
			out = append(out, &maisky.NoteRef{ID: id})
		case k >= 4 && top:
			g.page++ // print pages are consecutive
			out = append(out, &maisky.PageBreak{Page: g.page})
		default:
			continue
		}
		lastText = false
	}
	return out
}

func (g *gen) version(kind maisky.VersionKind) *maisky.Version {
	v := &maisky.Version{Kind: kind, Lang: [...]string{"en", "ru", "de", "fr-CA", "und"}[g.intn(5)]}
	if g.chance(3) {
		return v // empty, as the archive's "/ 0"
	}
	vg := &vgen{gen: g, page: 1 + g.intn(99)} // a first break 1 after text would be a partial page 0
	start := vg.page
	for i := range 1 + g.intn(8) {
		content := vg.inlines(true, 0)
		var b maisky.Block
		switch k := g.intn(5); {
		case k == 0 || (i == 0 && g.chance(2)):
			level := 1 + g.intn(6)
			if i == 0 || g.chance(2) {
				level = 1 + g.intn(2)
			}
			b = &maisky.Heading{Level: level, Content: content}
		case k == 1:
			b = &maisky.Commentary{Content: content, Continued: g.chance(4)}
		default:
			b = &maisky.Paragraph{Content: content, Continued: g.chance(4)}
		}
		v.Blocks = append(v.Blocks, b)
	}
	if len(vg.notes) > 0 {
		v.Footnotes = vg.notes
	}
	if start > 0 && g.chance(3) {
		v.StartPage = start // before every page break of the version
	}
	return v
}

func (g *gen) document(id string) *maisky.Document {
	d := &maisky.Document{
		ID:          id,
		Title:       g.maybe(g.text(true)),
		Authors:     g.people(2),
		Recipients:  g.people(2),
		Repository:  g.maybe(g.text(true)),
		ArchiveID:   g.maybe(g.text(true)),
		Description: g.maybe(g.text(true)),
		Date:        g.date(),
		Volume:      g.maybe("vol-" + g.text(true)),
		Permalink:   g.maybe("https://archive.example/node/" + strconv.Itoa(g.intn(1000))),
	}
	for range g.intn(3) {
		d.Keywords = append(d.Keywords, g.text(false))
	}
	switch g.intn(5) {
	case 0:
	case 1:
		d.Versions = []*maisky.Version{g.version(maisky.Translation)}
	case 2:
		d.Versions = []*maisky.Version{g.version(maisky.Transcription), g.version(maisky.Translation)}
	default:
		d.Versions = []*maisky.Version{g.version(maisky.Translation), g.version(maisky.Transcription)}
	}
	return d
}

func (g *gen) volume(docs int) (*maisky.Volume, []*maisky.Document) {
	vol := &maisky.Volume{
		ID:          "vol " + g.text(false),
		Title:       g.text(true),
		Number:      g.maybe(g.text(true)),
		Editors:     g.people(2),
		Translators: g.people(2),
		Publisher:   g.maybe(g.text(true)),
		Place:       g.maybe(g.text(true)),
		Year:        g.intn(3) * 1000,
		ISBN:        g.maybe(g.text(true)),
		Archive:     maisky.Archive{Name: g.maybe(g.text(true)), Publisher: g.maybe(g.text(true)), URL: g.maybe("https://archive.example/")},
	}
	var out []*maisky.Document
	total := docs + g.intn(3)
	for i := range total {
		e := maisky.Entry{ID: "doc-" + strconv.Itoa(i) + g.maybe(" "+g.text(true)), Label: g.text(true), Date: g.date()}
		if i > 0 && g.chance(3) {
			e.Date = vol.Contents[i-1].Date // a repeated date: -2 ids
		}
		vol.Contents = append(vol.Contents, e)
		if len(out) < docs && (g.chance(2) || docs-len(out) >= total-i) {
			d := g.document(e.ID)
			d.Volume = ""
			if g.chance(2) {
				d.Volume = vol.ID
			}
			out = append(out, d)
		}
	}
	return vol, out
}
