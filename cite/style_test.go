package cite

import (
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// sharedCSL holds the official style files (../shared/csl).
const sharedCSL = "../../shared/csl"

// cslStyleHead is what the registry takes from an official style file.
type cslStyleHead struct {
	Class    string `xml:"class,attr"`
	Title    string `xml:"info>title"`
	Citation struct {
		EtAlMin      int    `xml:"et-al-min,attr"`
		EtAlUseFirst int    `xml:"et-al-use-first,attr"`
		YearSuffix   string `xml:"disambiguate-add-year-suffix,attr"`
		Layout       struct {
			Prefix string `xml:"prefix,attr"`
			Suffix string `xml:"suffix,attr"`
		} `xml:"layout"`
	} `xml:"citation"`
	Bibliography struct {
		EtAlMin          int    `xml:"et-al-min,attr"`
		EtAlUseFirst     int    `xml:"et-al-use-first,attr"`
		AuthorSubstitute string `xml:"subsequent-author-substitute,attr"`
	} `xml:"bibliography"`
}

// TestRegistryMatchesStyleFiles: each entry of the registry says what the
// official file of its style says: title, class, et-al rules, the
// subsequent-author substitute, year suffixes, the citation's affixes.
func TestRegistryMatchesStyleFiles(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	require.Len(t, Styles(), len(builtinStyles))
	for i := range builtinStyles {
		st := &builtinStyles[i]
		t.Run(string(st.id), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(sharedCSL, string(st.id)+".csl"))
			require.NoError(t, err)
			var f cslStyleHead
			require.NoError(t, xml.Unmarshal(data, &f))
			require.Equal(t, f.Title, st.title)
			class := map[styleClass]string{note: "note", inText: "in-text"}[st.class]
			require.Equal(t, f.Class, class)
			require.Equal(t, etAl{f.Citation.EtAlMin, f.Citation.EtAlUseFirst}, st.citeEtAl)
			require.Equal(t, etAl{f.Bibliography.EtAlMin, f.Bibliography.EtAlUseFirst}, st.bibEtAl)
			require.Equal(t, f.Bibliography.AuthorSubstitute, st.authorSubstitute)
			require.Equal(t, f.Citation.YearSuffix == "true", st.yearSuffix)
			require.Equal(t, f.Citation.Layout.Prefix, st.citePrefix)
			require.Equal(t, f.Citation.Layout.Suffix, st.citeSuffix)
		})
	}
}

// TestRegistry: every registered style is found by its id, short or
// full, and renders; an unknown one is refused everywhere alike.
func TestRegistry(t *testing.T) {
	seen := map[Style]bool{}
	for _, s := range Styles() {
		require.False(t, seen[s], "style %s registered twice", s)
		seen[s] = true
		got, err := ParseStyle("http://www.zotero.org/styles/" + string(s))
		require.NoError(t, err)
		require.Equal(t, s, got)
		st := lookupStyle(s)
		require.NotNil(t, st)
		require.NotNil(t, st.render)
		require.NotNil(t, st.sortKeys)
		require.NotEmpty(t, st.title)
		it := Item{Type: "book", Title: "Diaries", Author: []Name{{Family: "Maisky", Given: "Ivan"}}}
		for _, m := range []Mode{Bibliography, First, Subsequent} {
			txt, err := Format(&it, s, m, Locator{})
			require.NoError(t, err)
			require.Contains(t, txt.String(), "Maisky")
		}
	}
	const bad = Style("apa")
	require.Nil(t, lookupStyle(bad))
	_, err := Format(&Item{}, bad, First, Locator{})
	require.True(t, errors.Is(err, ErrUnknownStyle), err)
	_, err = SortBibliography([]Item{{}}, bad)
	require.True(t, errors.Is(err, ErrUnknownStyle), err)
	require.True(t, errors.Is(WriteBibliography(nil, nil, bad, PlainText), ErrUnknownStyle))
}

// TestEmptyCitationAffixes: a citation that prints nothing gets
// citeproc-js's message in the affixes of the style's citation layout
// (author-date prints "n.d." for an empty item, so it has no such case).
func TestEmptyCitationAffixes(t *testing.T) {
	const msg = "[CSL STYLE ERROR: reference with no printed form.]"
	for s, want := range map[Style]string{
		ChicagoNotes:      msg + ".",
		ChicagoNotes17:    msg + ".",
		ChicagoShortNotes: msg + ".",
		MLA:               "(" + msg + ")",
	} {
		txt, err := Format(&Item{}, s, Subsequent, Locator{})
		require.NoError(t, err)
		require.Equal(t, want, txt.String(), s)
	}
}
