package cite

import "testing"

// TestNoFamilyNameGolden: names with a given name only ("Plato"), alone,
// with a suffix, a particle, as editor, beside a full name, and a literal
// and a family name for comparison, in the five styles, as citeproc-js
// renders them: MLA's "(4)", Chicago's "(1935, 4)", "The Republic, 4",
// "Smith, The Republic, 4" for Plato and Anna Smith.
func TestNoFamilyNameGolden(t *testing.T) { testGoldenFile(t, "testdata/nofamily.json") }

// TestSortStatusGolden: Chicago author-date sorts an author's dated items
// first, then "n.d.", then undated items with a status ("forthcoming",
// "in press"), the style's date-sort-group, as citeproc-js does.
func TestSortStatusGolden(t *testing.T) { testGoldenFile(t, "testdata/sortstatus.json") }
