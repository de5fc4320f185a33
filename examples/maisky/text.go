package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

// runText prints the plain text of a document's version that annotation
// positions count in: Unicode code points of NFC text.
func runText(args []string, stdout, stderr io.Writer) int {
	var out bytes.Buffer
	err := text(args, &out, stdout)
	return finish(&out, err, stdout, stderr)
}

func text(args []string, out *bytes.Buffer, stdout io.Writer) error {
	const synopsis = "maisky text [-doc ID] [-version translation|transcription] FILE"
	fs := newFlags("text")
	doc := fs.String("doc", "", "the document with this `id` of a volume file")
	version := fs.String("version", "translation", "the `version`: translation or transcription")
	if err := parseFlags(fs, annoFlagsFirst(fs, args), stdout, synopsis); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("want one FILE; usage: %s", synopsis)
	}
	kind, err := annoVersionKind(*version)
	if err != nil {
		return err
	}
	file, err := readFile(fs.Arg(0))
	if err != nil {
		return err
	}
	d, err := oneDocument(file, *doc)
	if err != nil {
		return err
	}
	v, err := annoDocumentVersion(d, kind)
	if err != nil {
		return err
	}
	out.WriteString(v.PlainText().Text)
	return nil
}

// annoVersionKind reads the -version flag.
func annoVersionKind(s string) (maisky.VersionKind, error) {
	switch s {
	case "translation":
		return maisky.Translation, nil
	case "transcription":
		return maisky.Transcription, nil
	}
	return 0, usagef("-version %q: want translation or transcription", annoExcerpt(s))
}

// annoDocumentVersion returns a document's version of a kind.
func annoDocumentVersion(d *maisky.Document, kind maisky.VersionKind) (*maisky.Version, error) {
	for _, v := range d.Versions {
		if v != nil && v.Kind == kind {
			return v, nil
		}
	}
	return nil, fmt.Errorf("maisky: document %q has no %s", annoExcerpt(d.ID), kind)
}

// annoExcerpt shortens a value for a message.
func annoExcerpt(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// annoFlagsFirst moves the flags in args before the other arguments, so
// that flags may come before or after FILE ("--" ends the flags).
func annoFlagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(flags, rest...)
}
