package maisky

import (
	"strings"
	"unicode/utf8"
)

// Person is a person named in the archive: an author or a recipient.
//
// The archive writes "Liakhovetsky, Ivan Mikhailovich (Maisky)": the family
// name, the given names (here name and patronymic) and, in parentheses, the
// pseudonym the person is known by.
type Person struct {
	Family string
	// Given holds the given names, space separated.
	Given string
	// Pseudonym is the name the person is known by ("Maisky").
	Pseudonym string
	// Original is the name in its original script ("Ляховецкий Иван
	// Михайлович").
	Original string
}

// ParsePerson parses the archive's form of a name: "Family, Given
// (Pseudonym)", where the given names and the pseudonym are optional
// ("Litvinov, Maxim", "Maisky"). A string without a comma is a family name.
// It fails with a *SyntaxError on empty input, unbalanced parentheses or
// text after the pseudonym.
func ParsePerson(s string) (Person, error) {
	var p Person
	rest := strings.TrimSpace(s)
	if rest == "" {
		return p, &SyntaxError{What: "person", Input: s, Offset: 0, Msg: "empty name"}
	}
	if i := strings.IndexByte(rest, '('); i >= 0 {
		j := strings.LastIndexByte(rest, ')')
		if j < i {
			return p, &SyntaxError{What: "person", Input: s, Offset: runeOffset(s, i), Msg: "unclosed parenthesis"}
		}
		if strings.TrimSpace(rest[j+1:]) != "" {
			return p, &SyntaxError{What: "person", Input: s, Offset: runeOffset(s, j+1), Msg: "text after the pseudonym"}
		}
		p.Pseudonym = strings.TrimSpace(rest[i+1 : j])
		if p.Pseudonym == "" || strings.ContainsAny(p.Pseudonym, "()") {
			return Person{}, &SyntaxError{What: "person", Input: s, Offset: runeOffset(s, i), Msg: "bad pseudonym"}
		}
		rest = strings.TrimSpace(rest[:i])
	} else if j := strings.IndexByte(rest, ')'); j >= 0 {
		return p, &SyntaxError{What: "person", Input: s, Offset: runeOffset(s, j), Msg: "unopened parenthesis"}
	}
	family, given, hasComma := strings.Cut(rest, ",")
	p.Family = strings.TrimSpace(family)
	p.Given = strings.Join(strings.Fields(given), " ")
	if hasComma && strings.Contains(given, ",") {
		return Person{}, &SyntaxError{What: "person", Input: s, Offset: runeOffset(s, strings.LastIndexByte(s, ',')), Msg: "more than one comma"}
	}
	if p.Family == "" && (p.Given != "" || p.Pseudonym == "") {
		return Person{}, &SyntaxError{What: "person", Input: s, Offset: 0, Msg: "missing family name"}
	}
	p.Family = strings.Join(strings.Fields(p.Family), " ")
	return p, nil
}

func runeOffset(s string, byteOff int) int {
	if byteOff > len(s) {
		byteOff = len(s)
	}
	return utf8.RuneCountInString(s[:byteOff])
}

// String returns the archive's form: "Liakhovetsky, Ivan Mikhailovich
// (Maisky)". The name in original script is not part of it.
func (p Person) String() string {
	var b strings.Builder
	b.WriteString(p.Family)
	if p.Given != "" {
		if p.Family != "" {
			b.WriteString(", ")
		}
		b.WriteString(p.Given)
	}
	if p.Pseudonym != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('(')
		b.WriteString(p.Pseudonym)
		b.WriteByte(')')
	}
	return b.String()
}

// KnownAs returns the name readers know: the pseudonym as family name with
// the first given name ("Maisky", "Ivan"), as the edition's title page and
// the literature cite him. A person without a pseudonym is returned as is,
// without the original-script name.
func (p Person) KnownAs() Person {
	if p.Pseudonym == "" {
		return Person{Family: p.Family, Given: p.Given}
	}
	given, _, _ := strings.Cut(p.Given, " ")
	return Person{Family: p.Pseudonym, Given: given}
}

// IsZero reports whether p has no name at all.
func (p Person) IsZero() bool { return p == Person{} }

// DisplayName returns the name in reading order ("Ivan Mikhailovich
// Liakhovetsky"), or the pseudonym alone for a person known only by it.
func (p Person) DisplayName() string {
	switch {
	case p.Family == "" && p.Given == "":
		if p.Pseudonym != "" {
			return p.Pseudonym
		}
		return p.Original
	case p.Given == "":
		return p.Family
	case p.Family == "":
		return p.Given
	}
	return p.Given + " " + p.Family
}
