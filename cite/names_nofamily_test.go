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

// TestNameSpacesGolden renders the names of testdata/namespaces.json as
// citeproc-js does: white space at the start or end of a given or family
// name is kept, a dropping particle that ends in a space takes another
// ("Jean de’  Alembert"), and in HTML two spaces become a no-break space
// and a space only within one part of a name ("Smith,  John", "and \u00a0
// Mary Ann" for "  Mary Ann").
func TestNameSpacesGolden(t *testing.T) { testGoldenFile(t, "testdata/namespaces.json") }
