package cite

// Item is the citation data of one work, shaped like a CSL-JSON 1.0.2 item:
// the fields are CSL variables under Go names ("container-title" is
// ContainerTitle, "archive_location" is ArchiveLocation). Empty fields are
// absent variables. Variables of CSL 1.0.2 that the styles of this package
// never print are kept, by their CSL names, in Extra, ExtraNames and
// ExtraDates, so that reading and writing CSL-JSON loses nothing.
type Item struct {
	// ID identifies the item ("id").
	ID string
	// Type is the CSL item type: "chapter", "manuscript", "book",
	// "personal_communication", … (see Types).
	Type string

	Title               string
	TitleShort          string // "title-short"
	ContainerTitle      string // "container-title": the book of a chapter
	ContainerTitleShort string // "container-title-short"
	CollectionTitle     string // "collection-title": the series
	CollectionNumber    string // "collection-number"
	Volume              string
	NumberOfVolumes     string // "number-of-volumes"
	Edition             string
	Page                string // the page range of a chapter: "59-72"
	NumberOfPages       string // "number-of-pages"
	Publisher           string
	PublisherPlace      string // "publisher-place"
	Archive             string // the archive or repository
	ArchiveLocation     string // "archive_location": the reference within the archive
	ArchivePlace        string // "archive-place"
	Genre               string // "diary entry", "letter"
	Medium              string
	URL                 string
	DOI                 string
	ISBN                string
	Language            string // a BCP 47 tag; titles are title-cased only in English
	Note                string
	Abstract            string
	// Source is the database or website a work was found in; MLA prints it
	// as a second container ("Stalin Digital Archive, URL").
	Source string

	Author           []Name
	Editor           []Name
	Translator       []Name
	Recipient        []Name
	ContainerAuthor  []Name // "container-author"
	CollectionEditor []Name // "collection-editor"

	Issued       Date
	OriginalDate Date // "original-date"
	Accessed     Date

	// Extra holds the other standard and number variables of CSL 1.0.2,
	// by CSL name ("call-number", "issue", …).
	Extra map[string]string
	// ExtraNames holds the other name variables ("composer", …).
	ExtraNames map[string][]Name
	// ExtraDates holds the other date variables ("event-date", …).
	ExtraDates map[string]Date
}

// Name is a CSL name: a person (Family, Given and particles) or an
// institution (Literal).
type Name struct {
	Family string
	Given  string
	// DroppingParticle is a particle dropped when only the family name is
	// shown ("van" in "Ludwig van Beethoven").
	DroppingParticle string
	// NonDroppingParticle is kept with the family name ("de" in
	// "Charles de Gaulle").
	NonDroppingParticle string
	Suffix              string
	// CommaSuffix puts a comma before the suffix.
	CommaSuffix bool
	// StaticOrdering keeps the family name first even in given-first forms.
	StaticOrdering bool
	// NoParse is CSL-JSON's "parse-names": false: particles and a suffix
	// typed into Family and Given stay there. By default the styles take
	// them out as citeproc-js does when the name has no particles of its
	// own: "van Gogh" is "Gogh" with the particle "van", "Alexander von"
	// is "Alexander" with "von", "Martin Luther, Jr." has the suffix "Jr.".
	NoParse bool
	// Literal is a name printed as is: an institution.
	Literal string
}

// IsZero reports whether the name has no part at all.
func (n Name) IsZero() bool {
	return n.Family == "" && n.Given == "" && n.Literal == "" && n.DroppingParticle == "" &&
		n.NonDroppingParticle == "" && n.Suffix == ""
}

// DateParts is a calendar date of a CSL date: a year, a month of a year, or
// a day. Month 13–16 stand for the seasons spring to winter, as in CSL-JSON.
type DateParts struct {
	Year  int
	Month int
	Day   int
}

// IsZero reports whether no year is given.
func (p DateParts) IsZero() bool { return p.Year == 0 }

// Date is a CSL date: date-parts (a date or a range From–To), or a literal
// text; approximate (circa) dates are marked.
type Date struct {
	From DateParts
	// To is the end of a range; zero for a single date.
	To DateParts
	// Season is 1–4 (spring … winter) for a date given by season.
	Season int
	// SeasonName is a season or term given by name ("Easter", "Hilary
	// term"), CSL-JSON's "season" as text other than the four: printed,
	// as citeproc-js prints it, where the month of a date without one
	// would be ("Easter 1935"; a year-only form prints "1935"). Season
	// wins over it.
	SeasonName string
	// Circa marks an approximate date ("[1935?]", "ca. 1935").
	Circa bool
	// Literal is a date that is printed as is ("early January 1935").
	Literal string
	// Raw is a date as text, as CSL-JSON's "raw" gives it. Reading
	// CSL-JSON, a raw date without date-parts is read into From, To,
	// Circa and SeasonName by ParseDate, as citeproc-js reads it, and Raw
	// is kept only when ParseDate cannot read it (no year, or a day
	// without a month); a raw date beside date-parts is kept for the
	// round trip. The styles never parse Raw: a date without From and
	// Literal prints Raw as written, and one with From ignores it (a Date
	// built in Go takes its parts from ParseDate).
	Raw string
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool {
	return d.From.IsZero() && d.To.IsZero() && d.Literal == "" && d.Raw == ""
}

// itemTypes are the item types of CSL 1.0.2.
var itemTypes = [...]string{
	"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
	"broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
	"entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
	"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
	"musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
	"personal_communication", "post", "post-weblog", "regulation", "report", "review",
	"review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}

// KnownType reports whether t is an item type of CSL 1.0.2. The styles of
// this package render "chapter", "manuscript", "book" and
// "personal_communication" by their own rules; any other type is rendered
// as a book, or as a chapter when it has a container title.
func KnownType(t string) bool {
	for _, k := range itemTypes {
		if k == t {
			return true
		}
	}
	return false
}
