package cite

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The number tests citeproc-js makes, as its outputs with the MLA style
// show them ("no. GB123456", "2,089,603" without a label, "nos. 73–12").
func TestNumericCP(t *testing.T) {
	for _, c := range []struct {
		s       string
		numeric bool
		plural  bool
	}{
		{"12", true, false},
		{"3rd", true, false},
		{"xii", true, false},
		{"IV", false, false},
		{"GB123456", true, false},
		{"2,089,603", false, false},
		{"1,000", false, false},
		{"73-12", true, true},
		{"12-15", true, true},
		{"2, 4", true, true},
		{"2 & 4", true, true},
		{"xii-xiv", true, true},
		{"3a-5", true, true},
		{"A-12", false, false},
		{"c. 12", false, false},
		{"H.R. 1234", false, false},
		{"Pub. L. 74-76", false, false},
		{"12-", true, true},
		{"-12", false, false},
		{"", false, false},
		{"Revised edition", false, false},
	} {
		require.Equal(t, c.numeric, numericCP(c.s), "numeric %q", c.s)
		require.Equal(t, c.plural, pluralCP(c.s), "plural %q", c.s)
	}
}

// MLA's citation puts page and line locators after the name and every
// other locator, a timestamp too, after a comma with its label.
func TestMLALocators(t *testing.T) {
	it := &Item{ID: "a", Type: "motion_picture", Title: "The Ambassador",
		Author: []Name{{Family: "Hartley", Given: "Margaret"}}}
	for _, c := range []struct {
		loc  Locator
		want string
	}{
		{Locator{Label: "page", Value: "321-328"}, "(Hartley 321–28)"},
		{Locator{Value: "60"}, "(Hartley 60)"},
		{Locator{Label: "line", Value: "12"}, "(Hartley 12)"},
		{Locator{Label: "timestamp", Value: "00:45:10"}, "(Hartley, 00:45:10)"},
		{Locator{Label: "chapter", Value: "4"}, "(Hartley, ch. 4)"},
		{Locator{Label: "paragraph", Value: "2-3"}, "(Hartley, pars. 2–3)"},
		{Locator{Label: "section", Value: "1,000"}, "(Hartley, sec. 1,000)"},
		{Locator{}, "(Hartley)"},
	} {
		got, err := Format(it, MLA, First, c.loc)
		require.NoError(t, err)
		require.Equal(t, c.want, got.String(), "%+v", c.loc)
	}
}

// Given names as the MLA style's initialize-with=". " writes them, as
// citeproc-js gives them.
func TestMLAInitials(t *testing.T) {
	for in, want := range map[string]string{
		"B": "B.", "J.R.R.": "J. R. R.", "John M.E.": "John M. E.", "Jean-Paul": "Jean-Paul",
		"J.-P.": "J. P.", "W K": "W. K.", "Mary-ann": "Mary-ann", "A.B": "A. B.", "Ivan M.": "Ivan M.",
		"É.": "É.", "Иван М.": "Иван М.", "Margaret": "Margaret",
	} {
		got := mlaInitialized([]Name{{Family: "Webb", Given: in}})[0].Given
		require.Equal(t, want, got, in)
	}
	list := []Name{{Family: "Webb", Given: "Beatrice"}}
	require.Same(t, &list[0], &mlaInitialized(list)[0], "no copy when nothing changes")
}
