package csl

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var updateFailures = flag.Bool("update", false, "rewrite testdata/suite-failures.txt from the current results")

const suiteDir = "../../../shared/csl/test-suite/humans"
const localeDir = "../../../shared/csl/locales"

// readFailures reads testdata/suite-failures.txt: "NAME<TAB>reason" lines.
func readFailures(t *testing.T) map[string]string {
	f, err := os.Open("testdata/suite-failures.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, "\t")
		m[name] = reason
	}
	return m
}

// runFixture runs one fixture with a time bound.
func runFixture(path string, ls *LocaleSet) (got, want string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	fx, err := ParseFixture(f)
	if err != nil {
		return "", "", err
	}
	got, err = fx.Run(ls)
	return got, fx.Result, err
}

func TestSuite(t *testing.T) {
	if _, err := os.Stat(suiteDir); err != nil {
		t.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	ls := NewLocaleSet(os.DirFS(localeDir))
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*_*.txt"))
	sort.Strings(files)
	known := readFailures(t)
	pass := 0
	var failed []string
	start := time.Now()
	for _, fp := range files {
		name := strings.TrimSuffix(filepath.Base(fp), ".txt")
		got, want, err := runFixture(fp, ls)
		ok := err == nil && got == want
		if ok {
			pass++
			if _, listed := known[name]; listed && !*updateFailures {
				t.Logf("%s passes now: take it off testdata/suite-failures.txt", name)
			}
			continue
		}
		failed = append(failed, name)
		if _, expected := known[name]; !expected && !*updateFailures {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			} else {
				t.Errorf("%s:\n got: %q\nwant: %q", name, got, want)
			}
		}
	}
	t.Logf("CSL test suite: %d passed, %d failed of %d (%v)", pass, len(failed), len(files), time.Since(start))
	if *updateFailures {
		var sb strings.Builder
		sb.WriteString("# Fixtures of the CSL test suite (../shared/csl/test-suite/humans) that cite/csl fails,\n# one per line: NAME<TAB>reason. TestSuite fails on any other fixture that fails, so a\n# fixture that passed and starts failing is caught. Refresh the names with\n# go test ./cite/csl -run TestSuite -update (reasons are kept).\n")
		for _, n := range failed {
			r := known[n]
			if r == "" {
				r = "not analysed yet"
			}
			sb.WriteString(n + "\t" + r + "\n")
		}
		if err := os.WriteFile("testdata/suite-failures.txt", []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSuiteShow prints got and want of the fixtures named by CSL_SHOW (a
// regular expression), for debugging.
func TestSuiteShow(t *testing.T) {
	pat := os.Getenv("CSL_SHOW")
	if pat == "" {
		t.Skip("set CSL_SHOW to a pattern of fixture names")
	}
	if _, err := os.Stat(suiteDir); err != nil {
		t.Skip("the CSL test suite (../shared/csl/test-suite) is not available")
	}
	re := regexp.MustCompile(pat)
	ls := NewLocaleSet(os.DirFS(localeDir))
	files, _ := filepath.Glob(filepath.Join(suiteDir, "*_*.txt"))
	sort.Strings(files)
	for _, fp := range files {
		name := strings.TrimSuffix(filepath.Base(fp), ".txt")
		if !re.MatchString(name) {
			continue
		}
		got, want, err := runFixture(fp, ls)
		if err == nil && got == want {
			continue
		}
		t.Logf("=== %s\n got: %s\nwant: %s\n err: %v", name, got, want, err)
	}
}
