package csl

import (
	"os"
	"testing"
)

// TestNumberOracle renders number variables with slashes ("1938/77" is
// numeric: "No. 1938/77") and with letters ("doi-key-1" capitalized part
// by part: "Doi-Key-1") as citeproc-js does (testdata/numbers.json).
func TestNumberOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "testdata/numbers.json", "testdata/numbers.json", nil)
}

// TestRawDateOracle renders the raw dates of ../testdata/rawdates.json
// (read by cite.ParseDate) as citeproc-js does.
func TestRawDateOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/rawdates.json", "../testdata/rawdates.json", nil)
}

func TestNumericSlash(t *testing.T) {
	for _, c := range []struct {
		v, val string
		want   bool
	}{
		{"number", "1938/77", true}, {"number", "12/3", true}, {"number", "a/b", false},
		{"number", "1938/77-80", false}, {"volume", "12/3/4", true}, {"number", "12/3, 5", false},
	} {
		if got := numericVar(c.v, c.val, "report"); got != c.want {
			t.Errorf("numericVar(%q, %q) = %v, want %v", c.v, c.val, got, c.want)
		}
	}
}

// TestNoFamilyNameOracle renders the names without a family name of
// ../testdata/nofamily.json ({"given": "Plato"}: "(4)", "(1935, 4)",
// "Smith, The Republic, 4") as citeproc-js does.
func TestNoFamilyNameOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/nofamily.json", "../testdata/nofamily.json", nil)
}

// TestSortStatusOracle: the sorted bibliographies of
// ../testdata/sortstatus.json (undated items with a status after "n.d."
// in Chicago author-date) as citeproc-js sorts them.
func TestSortStatusOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/sortstatus.json", "../testdata/sortstatus.json", nil)
}

// TestNameSpacesOracle renders the names of ../testdata/namespaces.json
// as citeproc-js does: white space at the start or end of a given or
// family name is kept (" John Smith", "Smith,  John", "John  Smith"), a
// dropping particle that ends in a space is followed by another
// ("Jean de’  Alembert"), and given name, dropping and demoted particles
// are joined by a space ("Alembert, Jean de’ la").
func TestNameSpacesOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/namespaces.json", "../testdata/namespaces.json", nil)
}

// TestEraRangeOracle renders the date ranges of ../testdata/eraranges.json
// as citeproc-js does: the era of the start's year is written once, after
// the end's year, when the year is the last part of the range ("March
// 50–April 40 BC", "50–40 BC" for 50 BC to AD 40, "50–60 AD").
func TestEraRangeOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/eraranges.json", "../testdata/eraranges.json", nil)
}

// TestSubsequentAuthorOracle renders the bibliographies of
// ../testdata/sasbib.json (subsequent-author-substitute, same-year date
// ranges) as citeproc-js does.
func TestSubsequentAuthorOracle(t *testing.T) {
	if _, err := os.Stat(sharedCSL); err != nil {
		t.Skip("../shared/csl (the official styles) is not available")
	}
	checkOracle(t, "../testdata/sasbib.json", "../testdata/sasbib.json", nil)
}
