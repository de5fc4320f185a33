package csl

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// ownFixtures holds the project's own fixtures in the CSL test suite's
// format: small styles and items written for this project, each pinning
// one rule of citeproc-js that an official style showed. Their RESULT
// sections are citeproc-js's output, written by scripts/fixture-results.js
// and checked by scripts/check-csl, which runs them through citeproc-js
// (../shared/tools/citeproc/suite.js): never our own output pasted back.
const ownFixtures = "testdata/fixtures"

// TestFixtures runs the project's own fixtures (testdata/fixtures) with the
// en-US terms built into the processor: no ../shared needed.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(ownFixtures, "*_*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Skip("no fixtures in " + ownFixtures)
	}
	for _, fp := range files {
		name := strings.TrimSuffix(filepath.Base(fp), ".txt")
		got, want, err := runFixture(fp, nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got != want {
			t.Errorf("%s:\n got: %q\nwant: %q", name, got, want)
		}
	}
	t.Logf("%d own fixtures", len(files))
}

// TestFixtureFiles checks that every file in testdata/fixtures has a
// name that the suite runners pick up (GROUP_Name.txt).
func TestFixtureFiles(t *testing.T) {
	entries, err := os.ReadDir(ownFixtures)
	if err != nil {
		t.Skip(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") || !strings.Contains(e.Name(), "_") {
			t.Errorf("%s: a fixture is named GROUP_Name.txt", e.Name())
		}
	}
}
