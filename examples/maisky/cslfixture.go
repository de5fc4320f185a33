package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/maisky-lib/maisky/cite/csl"
)

// runCSLFixture runs one fixture of the CSL test suite and prints its
// output in the suite's RESULT form.
func runCSLFixture(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := cslFixtureCmd(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

const cslFixtureSynopsis = "maisky csl-fixture [-locales DIR] FILE"

func cslFixtureCmd(args []string, out *bytes.Buffer, stdout io.Writer) error {
	fs := newFlags("csl-fixture")
	locales := fs.String("locales", "", "a folder of CSL locale files (locales-xx-XX.xml); without it only en-US terms")
	if err := parseFlags(fs, args, stdout, cslFixtureSynopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", cslFixtureSynopsis)
	}
	var ls *csl.LocaleSet
	if *locales != "" {
		if st, err := os.Stat(*locales); err != nil || !st.IsDir() {
			return usagef("-locales %s is not a folder of CSL locale files", *locales)
		}
		ls = csl.NewLocaleSet(os.DirFS(*locales))
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	fx, err := csl.ParseFixture(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	return fx.Write(out, ls)
}
