package cite

import (
	"errors"
	"fmt"
	"strings"
)

// Style is a citation style, named by its CSL id.
type Style string

// The styles, by CSL id.
const (
	// ChicagoNotes is the Chicago Manual of Style, 18th edition, notes and
	// bibliography: a full note first, short notes afterwards.
	ChicagoNotes Style = "chicago-notes-bibliography"
	// ChicagoNotes17 is the 17th edition of ChicagoNotes: places of
	// publication, page ranges of chapters in the bibliography.
	ChicagoNotes17 Style = "chicago-notes-bibliography-17th-edition"
	// ChicagoShortNotes is Chicago 18th edition with short notes only (for
	// works with a full bibliography).
	ChicagoShortNotes Style = "chicago-shortened-notes-bibliography"
	// ChicagoAuthorDate is Chicago 18th edition, author-date: "(Maisky
	// 2017, 60)" and a reference list.
	ChicagoAuthorDate Style = "chicago-author-date"
	// MLA is the MLA Handbook, 9th edition: "(Maisky 60)" and a works-cited
	// list.
	MLA Style = "modern-language-association"
)

// Styles returns the supported styles, in the order of the registry.
func Styles() []Style {
	out := make([]Style, len(builtinStyles))
	for i := range builtinStyles {
		out[i] = builtinStyles[i].id
	}
	return out
}

// Title returns the style's title as its official CSL file gives it
// ("Chicago Manual of Style 18th edition (author-date)"), or "" for a
// style this package does not have.
func (s Style) Title() string {
	if st := lookupStyle(s); st != nil {
		return st.title
	}
	return ""
}

// FullNote reports whether the style's first citation of an item is a
// full note, which identifies the source on its own (the Chicago notes
// styles). It is false for shortened notes and in-text styles, whose
// citations need the bibliography entry beside them, and for a style this
// package does not have.
func (s Style) FullNote() bool {
	st := lookupStyle(s)
	return st != nil && st.fullNote
}

// ErrUnknownStyle, ErrMode, ErrLabel, ErrFormat and ErrForm are the sentinels of
// bad arguments; *ParseError unwraps to one of them.
var (
	ErrUnknownStyle = errors.New("cite: unknown style")
	ErrMode         = errors.New("cite: unknown mode")
	ErrLabel        = errors.New("cite: unknown locator label")
	ErrFormat       = errors.New("cite: unknown output format")
	ErrForm         = errors.New("cite: unknown form")
)

// ParseError is a bad style id, mode, locator label or output format.
type ParseError struct {
	What    string // "style", "mode", "locator label", "output format"
	Value   string
	Allowed string
}

// Error says what was not recognized and what is allowed.
func (e *ParseError) Error() string {
	return fmt.Sprintf("cite: unknown %s %q; allowed: %s", e.What, e.Value, e.Allowed)
}

// Unwrap returns the sentinel of the kind of value.
func (e *ParseError) Unwrap() error {
	switch e.What {
	case "style":
		return ErrUnknownStyle
	case "mode":
		return ErrMode
	case "locator label":
		return ErrLabel
	case "form":
		return ErrForm
	}
	return ErrFormat
}

// ParseStyle returns the style with the CSL id (a full id such as
// "http://www.zotero.org/styles/chicago-author-date" works too).
func ParseStyle(id string) (Style, error) {
	short := id
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		short = id[i+1:]
	}
	if st := lookupStyle(Style(short)); st != nil {
		return st.id, nil
	}
	ids := make([]string, len(builtinStyles))
	for i := range builtinStyles {
		ids[i] = string(builtinStyles[i].id)
	}
	return "", &ParseError{What: "style", Value: id, Allowed: strings.Join(ids, ", ")}
}

// Mode is what is rendered: a bibliography entry, or a citation at its
// first or a subsequent position.
type Mode int

// Modes.
const (
	// Bibliography is the entry of the bibliography (works cited, reference
	// list).
	Bibliography Mode = iota
	// First is the item's first citation: the full note, or the
	// parenthetical citation of author-date and MLA.
	First
	// Subsequent is a later citation after a note citing another item: the
	// short note (never "ibid.").
	Subsequent
)

// ParseMode parses "bibliography", "first" or "subsequent".
func ParseMode(s string) (Mode, error) {
	switch s {
	case "bibliography", "bib":
		return Bibliography, nil
	case "first", "citation-first":
		return First, nil
	case "subsequent", "citation-subsequent":
		return Subsequent, nil
	}
	return 0, &ParseError{What: "mode", Value: s, Allowed: "bibliography, first, subsequent"}
}

// String returns "bibliography", "first" or "subsequent".
func (m Mode) String() string {
	switch m {
	case First:
		return "first"
	case Subsequent:
		return "subsequent"
	}
	return "bibliography"
}

// Locator is a pinpoint in a citation: a page ("60"), a page range
// ("103-104", printed in the style's range format), or another CSL
// locator label with its value ("chapter", "4"). The zero Locator cites
// the whole work; an empty Label means "page".
type Locator struct {
	Label string
	Value string
}

// ParseLabel checks a CSL locator label ("" is "page").
func ParseLabel(s string) (string, error) {
	if s == "" {
		return "page", nil
	}
	if findLocatorTerm(s) != nil {
		return s, nil
	}
	return "", &ParseError{What: "locator label", Value: s, Allowed: strings.Join(LocatorLabels(), ", ")}
}

// Format renders the item in the style: its bibliography entry, or its
// first or subsequent citation with the locator. A note style's entry for
// an item that its bibliography leaves out (an unpublished letter) is the
// empty Text. Missing data (no author, title or date) renders as the style
// renders it, never fails; the only errors are an unknown style, mode or
// locator label.
func Format(it *Item, s Style, m Mode, loc Locator) (Text, error) {
	var r renderer
	return r.format(it, s, m, loc)
}

// Formatter formats citations like Format, reusing its working memory
// from call to call: a service formatting many citations keeps one per
// goroutine (or in a sync.Pool). The zero Formatter is ready to use; it is
// not safe for concurrent use.
type Formatter struct {
	r renderer
}

// Format renders the item as the package's Format does.
func (f *Formatter) Format(it *Item, s Style, m Mode, loc Locator) (Text, error) {
	f.r.prevAuthor, f.r.yearSuffix = "", ""
	return f.r.format(it, s, m, loc)
}

func (r *renderer) format(it *Item, s Style, m Mode, loc Locator) (Text, error) {
	st := r.st
	if st == nil || st.id != s {
		// a Formatter keeps the style of its last call: a service
		// formats many citations in one style
		if st = lookupStyle(s); st == nil {
			_, err := ParseStyle(string(s))
			return Text{}, err
		}
		r.st = st
	}
	var locTerm *locatorTerm
	if loc.Value != "" {
		if loc.Label == "" {
			loc.Label = "page" // as ParseLabel reads it
		}
		// and the terms of the last call's label, if it is the same
		if locTerm = r.lastLocTerm; locTerm == nil || locTerm.label != loc.Label {
			if locTerm = findLocatorTerm(loc.Label); locTerm == nil {
				_, err := ParseLabel(loc.Label)
				return Text{}, err
			}
			r.lastLocTerm = locTerm
		}
	} else {
		loc = Locator{}
	}
	var pos position
	switch m {
	case Bibliography:
		pos = posBib
		loc, locTerm = Locator{}, nil
	case First:
		pos = posFirst
	case Subsequent:
		pos = posSubsequent
	default:
		return Text{}, &ParseError{What: "mode", Value: fmt.Sprint(int(m)), Allowed: "Bibliography, First, Subsequent"}
	}
	prev, suffix := r.prevAuthor, r.yearSuffix
	r.init(it, pos, loc)
	r.locTerm = locTerm
	r.prevAuthor, r.yearSuffix = prev, suffix
	if pos == posBib {
		r.etAlMin, r.etAlUseFirst = st.bibEtAl.min, st.bibEtAl.useFirst
	} else {
		r.etAlMin, r.etAlUseFirst = st.citeEtAl.min, st.citeEtAl.useFirst
		r.inText = st.class == inText
	}
	st.render(r)
	if pos == posBib {
		r.substituteAuthor(st.authorSubstitute)
	} else if len(r.o.buf) == 0 {
		// citeproc-js's text for a citation that prints nothing, in the
		// layout's affixes.
		r.o.reset()
		r.o.buf = append(append(append(r.o.buf, st.citePrefix...), "[CSL STYLE ERROR: reference with no printed form.]"...), st.citeSuffix...)
	}
	return r.o.text(), nil
}

// styleClass is a CSL style's class: where its citations stand.
type styleClass uint8

const (
	note   styleClass = iota // citations are footnotes or endnotes
	inText                   // citations stand in the text, in parentheses
)

// etAl is a style's et-al rule (CSL et-al-min and et-al-use-first): a
// list of at least min names shows the first useFirst and "et al."; min 0
// shows every name.
type etAl struct {
	min, useFirst int
}

// styleDef is a built-in style: everything that tells one style from
// another, so that adding a style is adding an entry to builtinStyles.
type styleDef struct {
	id    Style
	title string // the title of the official CSL file
	class styleClass
	// fullNote: the first citation of an item is a full note that
	// identifies the source on its own (no bibliography needed).
	fullNote bool
	// render renders the item at r.pos: the bibliography's layout for
	// posBib, the citation's layout otherwise. The renderer comes set up
	// with the item, the locator and the et-al rule of the layout.
	render func(r *renderer)
	// sortKeys returns the bibliography's sort keys of r's item, each
	// rendered as plain text by key.
	sortKeys func(r *renderer, key func(func()) string) []string
	// bibEtAl and citeEtAl are the et-al rules of the bibliography (and
	// its sort keys) and of the citations.
	bibEtAl, citeEtAl etAl
	// authorSubstitute replaces an author repeated from the entry above
	// (subsequent-author-substitute); "" repeats the names.
	authorSubstitute string
	// yearSuffix tells apart citations that read the same with a letter
	// after the year (disambiguate-add-year-suffix).
	yearSuffix bool
	// citePrefix and citeSuffix are the affixes of the citation layout,
	// which surround the text of a citation that prints nothing.
	citePrefix, citeSuffix string
}

// builtinStyles is the registry of the built-in styles, keyed by CSL id;
// it is never written.
var builtinStyles = [...]styleDef{
	{
		id:       ChicagoNotes,
		title:    "Chicago Manual of Style 18th edition (notes and bibliography)",
		class:    note,
		fullNote: true,
		render: func(r *renderer) {
			c := chicago{r: r}
			c.render()
		},
		sortKeys: func(r *renderer, key func(func()) string) []string {
			return chicagoNotesSortKeys(&chicago{r: r}, key)
		},
		bibEtAl:    etAl{7, 3},
		citeEtAl:   etAl{3, 1},
		citeSuffix: ".",
	},
	{
		id:       ChicagoNotes17,
		title:    "Chicago Manual of Style 17th edition (notes and bibliography)",
		class:    note,
		fullNote: true,
		render: func(r *renderer) {
			c := chicago{r: r, ed17: true}
			c.render()
		},
		sortKeys: func(r *renderer, key func(func()) string) []string {
			return chicagoNotesSortKeys(&chicago{r: r, ed17: true}, key)
		},
		bibEtAl:          etAl{11, 7},
		citeEtAl:         etAl{4, 1},
		authorSubstitute: subsequentAuthorDash,
		citeSuffix:       ".",
	},
	{
		id:    ChicagoShortNotes,
		title: "Chicago Manual of Style 18th edition (shortened notes and bibliography)",
		class: note,
		render: func(r *renderer) {
			c := chicago{r: r, short: true}
			c.render()
		},
		sortKeys: func(r *renderer, key func(func()) string) []string {
			return chicagoNotesSortKeys(&chicago{r: r, short: true}, key)
		},
		bibEtAl:    etAl{7, 3},
		citeEtAl:   etAl{3, 1},
		citeSuffix: ".",
	},
	{
		id:    ChicagoAuthorDate,
		title: "Chicago Manual of Style 18th edition (author-date)",
		class: inText,
		render: func(r *renderer) {
			c := chicago{r: r, authorDate: true}
			c.render()
		},
		sortKeys:   chicagoAuthorDateSortKeys,
		bibEtAl:    etAl{7, 3},
		citeEtAl:   etAl{3, 1},
		yearSuffix: true,
		citePrefix: "(",
		citeSuffix: ")",
	},
	{
		id:    MLA,
		title: "MLA Handbook 9th edition (in-text citations)",
		class: inText,
		render: func(r *renderer) {
			m := mla{r: r}
			m.render()
		},
		sortKeys:         mlaSortKeys,
		bibEtAl:          etAl{3, 1},
		citeEtAl:         etAl{3, 1},
		authorSubstitute: subsequentAuthorDash,
		citePrefix:       "(",
		citeSuffix:       ")",
	},
}

// lookupStyle returns the registry's entry of the style, nil if there is
// none.
func lookupStyle(s Style) *styleDef {
	for i := range builtinStyles {
		if builtinStyles[i].id == s {
			return &builtinStyles[i]
		}
	}
	return nil
}
