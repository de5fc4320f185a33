package tei

import (
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

// Options tunes Write and WriteVolume. The zero value writes no publication
// date, no annotations and, for a document written alone, a source
// description without the printed volume's details.
type Options struct {
	// Date is the publication date of the TEI file, written as
	// publicationStmt/date (day precision, in Date's location). The zero time
	// leaves it out: the same model then always gives the same bytes.
	Date time.Time
	// Volume is the volume a document belongs to. Write uses it for the
	// document's title statement and source description (the printed book,
	// its editor, translators and imprint); it is ignored by WriteVolume and
	// CorpusWriter, which have their own volume.
	Volume *maisky.Volume
	// Annotations are reader annotations to write as stand-off markup, each
	// on the document named by its Document field. The caller decides what
	// a reader may see: every annotation given is written.
	Annotations []Annotation
}

// Annotation is a reader's annotation on a passage of a version's text,
// written as a TEI annotation in standOff/listAnnotation with two anchors in
// the text that delimit the passage.
//
// Start and End are offsets in code points into the version's plain text as
// maisky.WriteText writes it with TextOptions{OmitNotes: true}: the text of
// each block (Text and Emphasis, no footnote markers, no page breaks),
// blocks separated by "\n\n". End is exclusive. A range that starts or ends
// in the separator between two blocks is moved to the nearest block edge
// inside the range. Start == End annotates the whole document (a tag or a
// bookmark).
type Annotation struct {
	// ID is the annotation's own identifier (a W3C annotation IRI, a
	// database key); it is kept in the annotation's n attribute. The
	// element's xml:id follows the exporter's scheme.
	ID string
	// Document is the id of the annotated document.
	Document string
	// Version is the version annotated; zero means the translation.
	Version maisky.VersionKind
	// Start and End delimit the passage (see above).
	Start, End int
	// Creator names the reader ("archive user 42").
	Creator string
	// Created is when the annotation was made; zero leaves it out.
	Created time.Time
	// Motivation is a W3C Web Annotation motivation: "commenting" (the
	// default when empty), "tagging", "bookmarking", "highlighting",
	// "describing", "questioning", "replying", "linking", "editing",
	// "assessing", "classifying", "identifying" or "moderating".
	Motivation string
	// Body is the annotation's text: the comment, or the tag.
	Body string
}

// knownMotivation reports whether m is a value of the closed list of TEI
// annotation/@motivation values.
func knownMotivation(m string) bool {
	switch m {
	case "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
		"highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging":
		return true
	}
	return false
}
