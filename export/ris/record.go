package ris

// MediaType is the media type of RIS files, for a download service's
// Content-Type header.
const MediaType = "application/x-research-info-systems"

// Extension is the file name extension of RIS files.
const Extension = ".ris"

// Reference types (the TY values) that this package writes.
const (
	// TypeChapter is a chapter of an edited book: a diary entry of the
	// printed edition.
	TypeChapter = "CHAP"
	// TypeManuscript is an unpublished original: the diary entry as the
	// archive holds it.
	TypeManuscript = "MANSCPT"
	// TypeLetter is a personal communication: a letter.
	TypeLetter = "PCOMM"
	// TypeBook is a whole book; its editors are A3.
	TypeBook = "BOOK"
	// TypeEditedBook is an edited book; its editors are AU.
	TypeEditedBook = "EDBOOK"
)

// Field is one tag line of a record: the two-character tag ("AU") and its
// value.
type Field struct {
	// Tag is the two-character tag: an upper-case ASCII letter and an
	// upper-case ASCII letter or digit.
	Tag string
	// Value is the text after the tag.
	Value string
	// Line is the line the tag was read from (set by Reader; the Writer
	// ignores it).
	Line int
}

// Record is one RIS reference: its type (the value of the TY line) and its
// other tag lines in order, without TY and ER.
type Record struct {
	// Type is the reference type: "CHAP", "MANSCPT", "BOOK", ...
	Type string
	// Fields are the record's tag lines between TY and ER, in order.
	// Repeatable tags (AU, A1–A4, KW, N1) appear once per value.
	Fields []Field
	// Line is the line of the TY tag (set by Reader).
	Line int
}

// Add appends a field, unless value is empty (the Writer would leave it out
// anyway). To keep an empty field, append to Fields.
func (r *Record) Add(tag, value string) {
	if value != "" {
		r.Fields = append(r.Fields, Field{Tag: tag, Value: value})
	}
}

// Value returns the value of the first field with the tag, or "".
func (r Record) Value(tag string) string {
	for _, f := range r.Fields {
		if f.Tag == tag {
			return f.Value
		}
	}
	return ""
}

// Values returns the values of all fields with the tag, in order.
func (r Record) Values(tag string) []string {
	var vs []string
	for _, f := range r.Fields {
		if f.Tag == tag {
			vs = append(vs, f.Value)
		}
	}
	return vs
}

// Repeatable reports whether a tag may occur more than once in a record:
// the names (AU, A1, A2, A3, A4), keywords (KW) and notes (N1). Reference
// managers keep only the first value of any other tag, so the Writer refuses
// to repeat them.
func Repeatable(tag string) bool {
	switch tag {
	case "AU", "A1", "A2", "A3", "A4", "KW", "N1":
		return true
	}
	return false
}

// validTag reports whether tag is a RIS tag: an upper-case ASCII letter
// and an upper-case ASCII letter or digit.
func validTag(tag string) bool {
	return len(tag) == 2 && tag[0] >= 'A' && tag[0] <= 'Z' &&
		(tag[1] >= 'A' && tag[1] <= 'Z' || tag[1] >= '0' && tag[1] <= '9')
}

// tagIndex maps a valid tag to 0..935.
func tagIndex(tag string) int {
	c := int(tag[1])
	if c <= '9' {
		c = c - '0' + 26
	} else {
		c -= 'A'
	}
	return int(tag[0]-'A')*36 + c
}
