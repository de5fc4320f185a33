package tei

import (
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// idPart returns s as a fragment of an XML name, reversibly: ASCII letters
// and digits, '-' and '.' stand for themselves, every other code point c is
// written "_" + hex(c) + "_".
func idPart(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
			b.WriteString(strconv.FormatInt(int64(c), 16))
			b.WriteByte('_')
		}
	}
	return b.String()
}

// parseIDPart reverses idPart; false if s is not an idPart encoding.
func parseIDPart(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.':
			b.WriteByte(c)
		case c == '_':
			j := strings.IndexByte(s[i+1:], '_')
			if j <= 0 || j > 6 {
				return "", false
			}
			n, err := strconv.ParseInt(s[i+1:i+1+j], 16, 32)
			if err != nil || n < 0 || n > 0x10FFFF {
				return "", false
			}
			b.WriteRune(rune(n))
			i += j + 1
		default:
			return "", false
		}
	}
	return b.String(), true
}

// entryBase is the xml:id an entry gets before repeats are numbered:
// "e" + ISO date ("e1934-12-31"), or "e-" + its id when undated, with "-"
// turned into "." so that no entry id ends like another's inner ids
// ("e-a" has "e-a-tr"; the entry "a-tr" gets "e-a.tr").
func entryBase(date maisky.Date, id string) string {
	if !date.IsZero() {
		return "e" + date.ISO()
	}
	return "e-" + strings.ReplaceAll(idPart(id), "-", ".")
}

// entryIDs returns the xml:id of every entry of the table of contents:
// entryBase, with "-2", "-3" for repeats in contents order, unique in the
// corpus.
func entryIDs(vol *maisky.Volume) map[string]string {
	ids := make(map[string]string, len(vol.Contents))
	used := make(map[string]bool, len(vol.Contents))
	count := make(map[string]int)
	for _, e := range vol.Contents {
		base := entryBase(e.Date, e.ID)
		n := count[base] + 1
		id := base
		if n > 1 {
			id = base + "-" + strconv.Itoa(n)
		}
		for used[id] {
			n++
			id = base + "-" + strconv.Itoa(n)
		}
		count[base] = n
		used[id] = true
		if _, dup := ids[e.ID]; !dup {
			ids[e.ID] = id
		}
	}
	return ids
}

// versionIDs are the ids used inside one version's division.
type versionIDs struct {
	div     string // {e}-tr, {e}-ts
	notes   string // prefix of footnote ids: {e}, {e}-ts
	section string // prefix of section ids: {e}-tr-s, {e}-ts-s
	comment string // prefix of commentary ids: {e}-c, {e}-ts-c
}

func idsFor(eid string, k maisky.VersionKind) versionIDs {
	if k == maisky.Transcription {
		return versionIDs{div: eid + "-ts", notes: eid + "-ts", section: eid + "-ts-s", comment: eid + "-ts-c"}
	}
	return versionIDs{div: eid + "-tr", notes: eid, section: eid + "-tr-s", comment: eid + "-c"}
}

// footnoteID returns the xml:id of a footnote: {prefix}-fn{n}, and
// {prefix}-fn{n}-{id} when the footnote's id is not "n{n}".
func footnoteID(prefix string, f *maisky.Footnote) string {
	n := strconv.Itoa(f.Number)
	id := prefix + "-fn" + n
	if f.ID != "n"+n {
		id += "-" + idPart(f.ID)
	}
	return id
}

// parseFootnoteID recovers a footnote's model id from its xml:id (see
// footnoteID); false if xmlID does not follow the scheme.
func parseFootnoteID(prefix, xmlID string, number int) (string, bool) {
	rest, ok := strings.CutPrefix(xmlID, prefix+"-fn"+strconv.Itoa(number))
	if !ok {
		return "", false
	}
	if rest == "" {
		return "n" + strconv.Itoa(number), true
	}
	if rest[0] != '-' {
		return "", false
	}
	return parseIDPart(rest[1:])
}
