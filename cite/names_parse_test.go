package cite

import (
	"bytes"
	"strings"
	"testing"

	"github.com/maisky-lib/maisky/cite/internal/cslcore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParsedParticles renders names whose particles and suffix are typed
// into the family and given names; the expected texts are citeproc-js
// 1.4.61's for chicago-notes-bibliography (bibliography and first note),
// and "parse-names": false keeps the name as typed and is written back.
func TestParsedParticles(t *testing.T) {
	for _, c := range []struct {
		name      Name
		bib, note string
	}{
		{Name{Family: "van Gogh", Given: "Vincent"}, "Gogh, Vincent van. Essai. 1990.", "Vincent van Gogh, Essai (1990)."},
		{Name{Family: "d'Alembert", Given: "Jean"}, "Alembert, Jean d’. Essai. 1990.", "Jean d’Alembert, Essai (1990)."},
		{Name{Family: "al-Hakim", Given: "Tawfiq"}, "Hakim, Tawfiq al-. Essai. 1990.", "Tawfiq al-Hakim, Essai (1990)."},
		{Name{Family: "King", Given: "Martin Luther, Jr."}, "King, Martin Luther, Jr. Essai. 1990.", "Martin Luther King Jr., Essai (1990)."},
		{Name{Family: `"van Gogh"`, Given: "Vincent"}, "van Gogh, Vincent. Essai. 1990.", "Vincent van Gogh, Essai (1990)."},
		{Name{Family: "van Gogh", Given: "Vincent", NoParse: true}, "van Gogh, Vincent. Essai. 1990.", "Vincent van Gogh, Essai (1990)."},
	} {
		it := &Item{ID: "x", Type: "book", Title: "Essai", Author: []Name{c.name}, Issued: Date{From: DateParts{Year: 1990}}}
		bib, err := Format(it, ChicagoNotes, Bibliography, Locator{})
		require.NoError(t, err)
		assert.Equal(t, c.bib, bib.String(), c.name.Family)
		note, err := Format(it, ChicagoNotes, First, Locator{})
		require.NoError(t, err)
		assert.Equal(t, c.note, note.String(), c.name.Family)
	}
	items, err := ReadCSLJSON(strings.NewReader(`[{"id":"a","type":"book","author":[{"family":"van Gogh","given":"Vincent","parse-names":false}]}]`))
	require.NoError(t, err)
	require.True(t, items[0].Author[0].NoParse)
	var b bytes.Buffer
	require.NoError(t, WriteCSLJSON(&b, items))
	assert.Contains(t, b.String(), `"parse-names":false`)
}

// TestASCIIWordShortcut checks the shortcut of writeName: a given name
// that asciiWord accepts is one that initials and particles leave alone.
func TestASCIIWordShortcut(t *testing.T) {
	for _, g := range []string{"Ivan", "Jo", "MacDonald", "J", "Jean-Paul", "Ivan M", "Ян", "Q.", "a@", "z[", "Ab1", ""} {
		if !asciiWord(g) {
			continue
		}
		p := cslcore.NameParts{Family: "Webb", Given: g}
		cslcore.ParseParticles(&p)
		assert.Equal(t, g, p.Given, g)
		assert.Empty(t, p.DroppingParticle+p.Suffix, g)
		assert.Equal(t, g, cslcore.Initials(g, ". ", false, true), g)
	}
	assert.True(t, asciiWord("Ivan"))
	assert.False(t, asciiWord("Ivan M"))
	assert.False(t, asciiWord("a@"))
	assert.False(t, asciiWord("J"))
}

// TestMayHoldParticles checks the shortcut of writeName: a name that
// mayHoldParticles rejects is one that cslcore.ParseParticles leaves
// alone.
func TestMayHoldParticles(t *testing.T) {
	pieces := []string{"", "a", "al", "el", "-", "al-", "el-", "van", "de", "d'", "d’", "dʼ", " ", ",", "Jr.", "\"", "'", "Gogh", "Иван", "Ли", "\u00a0", "\t", "III", "von", "La", "du"}
	n := 0
	for _, f1 := range pieces {
		for _, f2 := range pieces {
			for _, g := range []string{"", "Ivan", "Vincent van", "Martin Luther, Jr.", "J.-P.", "Ivan\u00a0M", "Ян", "Ab,c"} {
				nm := Name{Family: f1 + f2, Given: g}
				if mayHoldParticles(&nm) {
					continue
				}
				n++
				p := cslcore.NameParts{Family: nm.Family, Given: nm.Given}
				cslcore.ParseParticles(&p)
				if p.Family != nm.Family || p.Given != nm.Given || p.NonDroppingParticle != "" || p.DroppingParticle != "" || p.Suffix != "" {
					t.Errorf("%q %q: mayHoldParticles is false but ParseParticles gives %+v", nm.Family, nm.Given, p)
				}
			}
		}
	}
	require.Greater(t, n, 1000)
	assert.True(t, mayHoldParticles(&Name{Family: "van Gogh"}))
	assert.True(t, mayHoldParticles(&Name{Family: "King", Given: "Martin Luther, Jr."}))
	assert.False(t, mayHoldParticles(&Name{Family: "Maisky", Given: "Ivan"}))
}
