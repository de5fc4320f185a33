// Command jsoncanon reads maisky/1 files, validates them and writes their
// canonical encoding into a directory, for the conformance checks.
//
// Usage: jsoncanon OUTDIR FILE...
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/maisky-lib/maisky/maisky"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: jsoncanon OUTDIR FILE...")
		os.Exit(2)
	}
	out := os.Args[1]
	for _, name := range os.Args[2:] {
		if err := canon(out, name); err != nil {
			fmt.Fprintln(os.Stderr, "jsoncanon:", err)
			os.Exit(1)
		}
	}
}

func canon(out, name string) error {
	in, err := os.Open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := maisky.Read(in)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := f.Validate(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	w, err := os.Create(filepath.Join(out, filepath.Base(name)))
	if err != nil {
		return err
	}
	if err := maisky.Write(w, f); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
