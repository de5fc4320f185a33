package download

import (
	"fmt"
	"html"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/cite"
)

// Links are the public addresses of a document's page for WriteMeta.
type Links struct {
	// PublicURL is the address of the document's page; empty means the
	// item's URL (the archive's permalink), if any.
	PublicURL string
	// PDFURL is an address that gives the document's PDF to a plain GET
	// (Zotero saves it as an attachment). Leave it empty when a PDF needs
	// the print dialog: this handler's print is a POST.
	PDFURL string
}

// WriteMeta writes the citation metadata of a page as the HTML meta tags
// that Zotero's and Google Scholar's readers take from a page (the
// Highwire Press tags): citation_title, one citation_author and
// citation_editor per person ("Maisky, Ivan"), citation_publication_date
// ("2017", or "1934/12/31"), citation_inbook_title and citation_book_title
// for a chapter, citation_volume, citation_firstpage and citation_lastpage,
// citation_publisher, citation_isbn, citation_doi, citation_language,
// citation_public_url and citation_pdf_url. Build it with cite.FromDocument,
// so that the page, the Cite button and the exports say the same thing.
// One tag a line, fixed order, every value HTML-escaped; absent fields are
// left out.
func WriteMeta(w io.Writer, it *cite.Item, links Links) error {
	var b strings.Builder
	tag := func(name, value string) {
		if value = strings.TrimSpace(value); value == "" {
			return
		}
		b.WriteString(`<meta name="`)
		b.WriteString(name)
		b.WriteString(`" content="`)
		b.WriteString(html.EscapeString(value))
		b.WriteString("\">\n")
	}
	tag("citation_title", it.Title)
	for _, n := range it.Author {
		tag("citation_author", sortName(n))
	}
	for _, n := range it.Editor {
		tag("citation_editor", sortName(n))
	}
	tag("citation_publication_date", dateString(it.Issued, '/'))
	if it.ContainerTitle != "" && (it.Type == "chapter" || it.Type == "paper-conference" || it.Type == "entry") {
		tag("citation_inbook_title", it.ContainerTitle)
		tag("citation_book_title", it.ContainerTitle)
	}
	tag("citation_volume", it.Volume)
	first, last := pageEnds(it.Page)
	tag("citation_firstpage", first)
	tag("citation_lastpage", last)
	publisher := it.Publisher
	if publisher == "" {
		publisher = it.Archive
	}
	tag("citation_publisher", publisher)
	tag("citation_isbn", it.ISBN)
	tag("citation_doi", it.DOI)
	tag("citation_language", it.Language)
	public := links.PublicURL
	if public == "" {
		public = it.URL
	}
	tag("citation_public_url", public)
	tag("citation_pdf_url", links.PDFURL)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCOinS writes the item as a COinS span (ContextObjects in Spans, an
// OpenURL 1.0 ContextObject in KEV format, Z39.88-2004) that Zotero's
// connector and link resolvers read:
//
//	<span class="Z3988" title="ctx_ver=Z39.88-2004&amp;rft_val_fmt=…"></span>
//
// A chapter and a book use the book format (genre bookitem or book), other
// types Dublin Core. Keys come in a fixed order.
func WriteCOinS(w io.Writer, it *cite.Item) error {
	var q []string
	add := func(k, v string) {
		if v = strings.TrimSpace(v); v != "" {
			q = append(q, k+"="+url.QueryEscape(v))
		}
	}
	add("ctx_ver", "Z39.88-2004")
	switch it.Type {
	case "chapter", "book":
		add("rft_val_fmt", "info:ofi/fmt:kev:mtx:book")
		if it.Type == "chapter" {
			add("rft.genre", "bookitem")
			add("rft.atitle", it.Title)
			add("rft.btitle", it.ContainerTitle)
		} else {
			add("rft.genre", "book")
			add("rft.btitle", it.Title)
		}
		if len(it.Author) > 0 && it.Author[0].Literal == "" {
			add("rft.aulast", it.Author[0].Family)
			add("rft.aufirst", it.Author[0].Given)
		}
		for _, n := range it.Author {
			add("rft.au", sortName(n))
		}
		add("rft.date", dateString(it.Issued, '-'))
		add("rft.pub", it.Publisher)
		add("rft.place", it.PublisherPlace)
		first, last := pageEnds(it.Page)
		add("rft.spage", first)
		add("rft.epage", last)
		add("rft.pages", it.Page)
		add("rft.isbn", it.ISBN)
	default:
		add("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc")
		add("rft.type", it.Type)
		add("rft.title", it.Title)
		for _, n := range it.Author {
			add("rft.creator", sortName(n))
		}
		add("rft.date", dateString(it.Issued, '-'))
		add("rft.publisher", it.Archive)
		add("rft.description", it.Genre)
	}
	add("rft.language", it.Language)
	if it.DOI != "" {
		add("rft_id", "info:doi/"+it.DOI)
	}
	add("rft_id", it.URL)
	_, err := fmt.Fprintf(w, `<span class="Z3988" title="%s"></span>`, html.EscapeString(strings.Join(q, "&")))
	return err
}

// sortName gives a name in the "Family, Given" form of the tags.
func sortName(n cite.Name) string {
	if n.Literal != "" {
		return n.Literal
	}
	family := n.Family
	if n.NonDroppingParticle != "" {
		family = n.NonDroppingParticle + " " + family
	}
	given := n.Given
	if n.DroppingParticle != "" {
		given = strings.TrimSpace(given + " " + n.DroppingParticle)
	}
	s := family
	if given != "" {
		s += ", " + given
	}
	if n.Suffix != "" {
		s += ", " + n.Suffix
	}
	return s
}

// dateString writes the start of a date as year, year-month or
// year-month-day with sep between the parts; a literal or raw date as is.
func dateString(d cite.Date, sep byte) string {
	p := d.From
	if p.Year == 0 {
		if d.Literal != "" {
			return d.Literal
		}
		return d.Raw
	}
	s := strconv.Itoa(p.Year)
	if p.Month >= 1 && p.Month <= 12 {
		s += string(sep) + twoDigits(p.Month)
		if p.Day > 0 {
			s += string(sep) + twoDigits(p.Day)
		}
	}
	return s
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// pageEnds splits a page range "58-72" (or "58–72") into its ends.
func pageEnds(page string) (first, last string) {
	page = strings.TrimSpace(page)
	if page == "" {
		return "", ""
	}
	if i := strings.IndexAny(page, "-–"); i > 0 {
		first = strings.TrimSpace(page[:i])
		rest := strings.TrimLeft(page[i:], "-–")
		return first, strings.TrimSpace(rest)
	}
	return page, ""
}
