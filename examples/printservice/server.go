package main

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/download"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

//go:embed static
var staticFiles embed.FS

// contentSecurityPolicy allows the page's own script, style and requests
// and nothing else: no inline script or style, no other origin, no frames.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// config tunes the server.
type config struct {
	// TermsVersion is the version of the terms recorded with every print.
	TermsVersion string
	// Download tunes the API handler (Source, TermsVersion and Log are set
	// by newServer).
	Download download.Options
	Log      *slog.Logger
}

// server serves the reading pages, their static files and the API.
type server struct {
	file  *maisky.File
	src   *download.FileSource
	api   *download.Handler
	mux   *http.ServeMux
	cfg   config
	pages *template.Template
}

func newServer(f *maisky.File, cfg config) (*server, error) {
	src, err := download.NewFileSource(f)
	if err != nil {
		return nil, err
	}
	opts := cfg.Download
	opts.TermsVersion = cfg.TermsVersion
	opts.Log = cfg.Log
	api, err := download.New(src, opts)
	if err != nil {
		return nil, err
	}
	s := &server{file: f, src: src, api: api, cfg: cfg, mux: http.NewServeMux()}
	s.pages = template.Must(template.New("pages").Parse(pageTemplates))
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		return nil, err
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	s.mux.Handle("/api/", http.StripPrefix("/api", api))
	s.mux.HandleFunc("GET /{$}", s.index)
	s.mux.HandleFunc("GET /doc/{id}", s.document)
	return s, nil
}

// ServeHTTP sets the security headers of every answer.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	s.mux.ServeHTTP(w, r)
}

type tocEntry struct {
	maisky.Entry
	Held bool
}

// entry is a table of contents entry, marked when the service holds its
// document.
func (s *server) entry(e maisky.Entry) *tocEntry {
	_, err := s.file.Document(e.ID)
	return &tocEntry{Entry: e, Held: err == nil}
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	vol := s.file.Volume
	var toc []tocEntry
	for _, e := range vol.Contents {
		toc = append(toc, *s.entry(e))
	}
	s.render(w, "index", map[string]any{"Volume": vol, "Contents": toc, "Held": len(s.file.Documents)})
}

// docPage is what the reading page shows.
type docPage struct {
	Doc         *maisky.Document
	Volume      *maisky.Volume
	Meta        template.HTML
	COinS       template.HTML
	Details     [][2]string
	Body        template.HTML
	Notes       []note
	Citation    template.HTML
	Styles      []cite.Style
	Style       cite.Style
	First, Last int
	HasPages    bool
	MaxPages    int
	Prev, Next  *tocEntry
	APIBase     string
	Terms       string
	Transcript  int
}

type note struct {
	Number int
	Body   template.HTML
}

func (s *server) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	doc, vol, err := s.src.Document(r.Context(), id)
	if err != nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		s.render(w, "notfound", map[string]any{"ID": id})
		return
	}
	it, err := cite.FromDocument(doc, vol, cite.Options{})
	if err != nil {
		http.Error(w, "the citation could not be formatted", http.StatusInternalServerError)
		return
	}
	var meta, coins bytes.Buffer
	download.WriteMeta(&meta, &it, download.Links{PublicURL: doc.Permalink})
	download.WriteCOinS(&coins, &it)
	txt, err := cite.Format(&it, cite.ChicagoNotes, cite.Bibliography, cite.Locator{})
	if err != nil {
		http.Error(w, "the citation could not be formatted", http.StatusInternalServerError)
		return
	}
	p := docPage{
		Doc: doc, Volume: vol,
		Meta:     template.HTML(meta.String()),
		COinS:    template.HTML(coins.String()),
		Details:  details(doc, vol),
		Citation: template.HTML(txt.HTML()),
		Styles:   cite.Styles(),
		Style:    cite.ChicagoNotes,
		MaxPages: pdf.MaxPages,
		APIBase:  "/api/" + url.PathEscape(doc.ID),
		Terms:    s.cfg.TermsVersion,
	}
	if span, ok := doc.PageSpan(); ok {
		p.HasPages = true
		p.First = span.First
		p.Last = min(span.Last, span.First+pdf.MaxPages-1)
	}
	if tr := doc.Transcription(); tr != nil {
		p.Transcript = len(tr.Blocks)
	}
	if vol != nil {
		if e, ok := vol.Prev(doc.ID); ok {
			p.Prev = s.entry(e)
		}
		if e, ok := vol.Next(doc.ID); ok {
			p.Next = s.entry(e)
		}
	}
	if v := doc.Translation(); v != nil {
		p.Body, p.Notes = renderVersion(v)
	}
	s.render(w, "document", p)
}

// details lists the document's details as the archive shows them, "N/A"
// for what is not known.
func details(doc *maisky.Document, vol *maisky.Volume) [][2]string {
	na := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "N/A"
		}
		return s
	}
	people := func(ps []maisky.Person) string {
		var names []string
		for _, p := range ps {
			names = append(names, p.String())
		}
		return strings.Join(names, "; ")
	}
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.String()
	}
	volume := ""
	if vol != nil {
		volume = vol.FullTitle()
	}
	return [][2]string{
		{"Title", na(doc.Title)},
		{"Author", na(people(doc.Authors))},
		{"Recipient", na(people(doc.Recipients))},
		{"Repository", na(doc.Repository)},
		{"Archive ID", na(doc.ArchiveID)},
		{"Description", na(doc.Description)},
		{"Date", na(date)},
		{"Volume", na(volume)},
	}
}

func (s *server) render(w http.ResponseWriter, name string, data any) {
	var b bytes.Buffer
	if err := s.pages.ExecuteTemplate(&b, name, data); err != nil {
		if s.cfg.Log != nil {
			s.cfg.Log.Error("printservice: template", "err", err)
		}
		http.Error(w, "the page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b.Bytes())
}
