package csl

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/cite/internal/cslcore"
)

// Item is one CSL-JSON item as the processor reads it: ordinary and number
// variables as strings, name variables as lists of names, date variables
// as dates. Build it with ParseItems or NewItem.
type Item struct {
	// ID is the item's "id".
	ID string
	// Type is the CSL item type ("book", "chapter", …).
	Type string
	vars map[string]string
	// present has the bits (stdVarIDs) of the variables in vars, made
	// once they are all set
	present [2]uint64
	names   map[string][]Name
	dates   map[string]*Date
	// language of the item ("language" variable)
}

// Name is a CSL name: a person with family, given and particles, or a
// literal (an institution).
type Name struct {
	Family, Given                         string
	DroppingParticle, NonDroppingParticle string
	Suffix                                string
	CommaSuffix, StaticOrdering           bool
	Literal                               string
	IsInstitution                         bool
}

// Date is a CSL date: one or two date parts (a range), a season, a circa
// flag or a literal.
type Date struct {
	// Parts are the start (and end of a range): year (negative: BC),
	// month (13–16 seasons), day; 0 = absent.
	Parts   [][3]int
	Season  string
	Circa   bool
	Literal string
	// OpenEnd marks a range with no end ("1987–").
	OpenEnd bool
	// seasonField marks a start month 13–16 that was the season field
	// (a number 1–4) of a date without a month
	seasonField bool
}

// Var returns an item's ordinary or number variable.
func (it *Item) Var(name string) string { return it.vars[name] }

// NewItem builds an item from CSL-JSON decoded into a map.
func NewItem(m map[string]any) (*Item, error) {
	it := &Item{vars: map[string]string{}, names: map[string][]Name{}, dates: map[string]*Date{}}
	for k, v := range m {
		switch k {
		case "id":
			it.ID = scalar(v)
			continue
		case "type":
			it.Type = scalar(v)
			continue
		}
		if isNameVar(k) {
			arr, ok := v.([]any)
			if !ok {
				continue
			}
			var ns []Name
			for _, e := range arr {
				if nm, ok := e.(map[string]any); ok {
					ns = append(ns, parseName(nm))
				}
			}
			if len(ns) > 0 {
				it.names[k] = ns
			}
			continue
		}
		if isDateVar(k) {
			if d := parseDate(v); d != nil {
				it.dates[k] = d
			}
			continue
		}
		switch x := v.(type) {
		case string:
			if x != "" {
				it.vars[k] = x
			}
		case float64, json.Number, bool:
			it.vars[k] = scalar(x)
		}
	}
	if note := it.vars["note"]; note != "" {
		it.noteFields(note)
	}
	if s, ok := it.vars["shortTitle"]; ok {
		if _, ok2 := it.vars["title-short"]; !ok2 {
			it.vars["title-short"] = s
		}
	}
	if s, ok := it.vars["journalAbbreviation"]; ok {
		if _, ok2 := it.vars["container-title-short"]; !ok2 {
			it.vars["container-title-short"] = s
		}
	}
	it.present = presentBits(it)
	return it, nil
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return ""
}

// ParseItems decodes a CSL-JSON array of items.
func ParseItems(data []byte) ([]*Item, error) {
	var raw []map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrItem, err)
	}
	out := make([]*Item, 0, len(raw))
	for _, m := range raw {
		it, err := NewItem(m)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

var nameVars = map[string]bool{"author": true, "chair": true, "collection-editor": true, "compiler": true, "composer": true, "container-author": true, "contributor": true, "curator": true, "director": true, "editor": true, "editorial-director": true, "editor-translator": true, "executive-producer": true, "guest": true, "host": true, "illustrator": true, "interviewer": true, "narrator": true, "organizer": true, "original-author": true, "performer": true, "producer": true, "recipient": true, "reviewed-author": true, "script-writer": true, "series-creator": true, "translator": true}

var dateVars = map[string]bool{"accessed": true, "available-date": true, "event-date": true, "issued": true, "original-date": true, "submitted": true}

func isNameVar(s string) bool { return nameVars[s] }
func isDateVar(s string) bool { return dateVars[s] }

func str(m map[string]any, k string) string {
	if v, ok := m[k]; ok {
		return scalar(v)
	}
	return ""
}

func truthy(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return x != "" && x != "false" && x != "0"
	case float64:
		return x != 0
	}
	return false
}

func parseName(m map[string]any) Name {
	n := Name{
		Family:              str(m, "family"),
		Given:               str(m, "given"),
		DroppingParticle:    str(m, "dropping-particle"),
		NonDroppingParticle: str(m, "non-dropping-particle"),
		Suffix:              str(m, "suffix"),
		Literal:             str(m, "literal"),
		CommaSuffix:         truthy(m["comma-suffix"]),
		StaticOrdering:      truthy(m["static-ordering"]),
		IsInstitution:       truthy(m["isInstitution"]),
	}
	if n.Literal == "" && n.Given == "" && n.Family != "" && !truthy(m["parse-names"]) && m["parse-names"] != nil {
		// explicit parse-names false: keep as is
		return n
	}
	if n.Literal == "" && m["parse-names"] == nil || truthy(m["parse-names"]) {
		parseParticles(&n)
	}
	if n.Literal == "" && n.Given == "" && n.Family != "" && n.NonDroppingParticle == "" && n.DroppingParticle == "" {
		// an institution given as family only stays a family name
	}
	return n
}

// parseParticles extracts particles and suffixes written into the family
// and given names, as citeproc-js does (cslcore.ParseParticles).
func parseParticles(n *Name) {
	if n.Literal != "" {
		return
	}
	p := cslcore.NameParts{Family: n.Family, Given: n.Given, DroppingParticle: n.DroppingParticle,
		NonDroppingParticle: n.NonDroppingParticle, Suffix: n.Suffix, CommaSuffix: n.CommaSuffix}
	cslcore.ParseParticles(&p)
	n.Family, n.Given, n.DroppingParticle, n.NonDroppingParticle, n.Suffix, n.CommaSuffix =
		p.Family, p.Given, p.DroppingParticle, p.NonDroppingParticle, p.Suffix, p.CommaSuffix
}

func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), true
	case string:
		x = strings.TrimSpace(x)
		if x == "" {
			return 0, false
		}
		n, err := strconv.Atoi(x)
		if err != nil {
			return 0, false
		}
		return n, true
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	}
	return 0, false
}

func parseDate(v any) *Date {
	m, ok := v.(map[string]any)
	if !ok {
		if s, ok := v.(string); ok && s != "" {
			// citeproc-js does not read a date given as a string (not as
			// {"raw": …}): the variable is there for conditions, and
			// renders nothing
			return &Date{}
		}
		return nil
	}
	d := &Date{}
	if dp, ok := m["date-parts"].([]any); ok {
		for _, p := range dp {
			arr, ok := p.([]any)
			if !ok {
				continue
			}
			var parts [3]int
			valid := true
			for i := 0; i < len(arr) && i < 3; i++ {
				n, ok := toInt(arr[i])
				if !ok {
					if i == 0 {
						valid = false
					}
					break
				}
				parts[i] = n
			}
			if !valid {
				continue
			}
			if parts[1] >= 13 && parts[1] <= 24 {
				parts[1] = 13 + (parts[1]-13)%4
				parts[2] = 0
			}
			if parts[1] < 0 || parts[1] > 16 {
				parts[1], parts[2] = 0, 0
			}
			if parts[2] < 0 || parts[2] > 31 {
				parts[2] = 0
			}
			d.Parts = append(d.Parts, parts)
		}
	}
	if s := str(m, "season"); s != "" {
		d.Season = s
	}
	if truthy(m["circa"]) {
		d.Circa = true
	}
	if s := str(m, "literal"); s != "" {
		d.Literal = s
	}
	if len(d.Parts) == 0 {
		if s := str(m, "raw"); s != "" {
			// As citeproc-js: the raw date replaces the whole object.
			if r := parseRawDate(s); r != nil {
				return r
			}
		}
	}
	if len(d.Parts) > 0 && d.Parts[0][0] == 0 && d.Literal == "" {
		d.Parts = nil
	}
	if len(d.Parts) == 2 && d.Parts[1] == ([3]int{}) {
		d.Parts = d.Parts[:1]
		d.OpenEnd = true
	}
	if len(d.Parts) == 0 && d.Literal == "" {
		return nil
	}
	if len(d.Parts) == 1 && d.Season != "" && d.Parts[0][1] == 0 {
		if n, err := strconv.Atoi(d.Season); err == nil && n >= 1 && n <= 4 {
			d.Parts[0][1] = 12 + n
			d.Season = ""
			d.seasonField = true
		}
	}
	return d
}

// parseRawDate reads a free-form date as citeproc-js does, with the
// parser of package cite; text that is not a date is a literal.
func parseRawDate(s string) *Date {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	cd, ok := cite.ParseDate(s)
	if !ok {
		return &Date{Literal: s}
	}
	d := &Date{Circa: cd.Circa, Season: cd.SeasonName, Parts: [][3]int{{cd.From.Year, cd.From.Month, cd.From.Day}}}
	if !cd.To.IsZero() {
		d.Parts = append(d.Parts, [3]int{cd.To.Year, cd.To.Month, cd.To.Day})
	}
	return d
}

// noteFields reads the "variable: value" lines that citeproc-js takes from
// the note field (Zotero's Extra): dates, names ("Family || Given") and
// ordinary variables that the item does not have.
func (it *Item) noteFields(note string) {
	var keep []string
	for _, line := range strings.Split(note, "\n") {
		l := strings.TrimSpace(line)
		l = strings.TrimPrefix(strings.TrimSuffix(l, "}"), "{:")
		k, v, ok := strings.Cut(l, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || v == "" || strings.ContainsAny(k, " \t") {
			keep = append(keep, line)
			continue
		}
		switch {
		case k == "type":
			it.Type = v
		case isDateVar(k):
			if _, has := it.dates[k]; !has {
				if d := parseRawDate(v); d != nil {
					it.dates[k] = d
				}
			}
		case isNameVar(k):
			fam, giv, _ := strings.Cut(v, "||")
			n := Name{Family: strings.TrimSpace(fam), Given: strings.TrimSpace(giv)}
			if n.Given == "" {
				n = Name{Literal: n.Family}
			}
			it.names[k] = append(it.names[k], n)
		case standardVars[k]:
			if _, has := it.vars[k]; !has {
				it.vars[k] = v
			}
		default:
			keep = append(keep, line)
		}
	}
	// citeproc-js trims the white space around what is left of the
	// note (parseNoteFieldHacks)
	if n := strings.TrimFunc(strings.Join(keep, "\n"), isJSSpace); n != "" {
		it.vars["note"] = n
	} else {
		delete(it.vars, "note")
	}
}

var standardVars = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Fields(`abstract annote archive archive_collection archive_location archive-place authority call-number chapter-number citation-key citation-label collection-number collection-title container-title container-title-short dimensions division DOI edition event event-title event-place first-reference-note-number genre ISBN ISSN issue jurisdiction keyword language license locator medium number number-of-pages number-of-volumes original-publisher original-publisher-place original-title page page-first part-number part-title PMCID PMID printing-number publisher publisher-place references reviewed-genre reviewed-title scale section source status supplement-number title title-short URL version volume volume-title year-suffix`) {
		m[v] = true
	}
	return m
}()
