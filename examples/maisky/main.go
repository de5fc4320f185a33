// Command maisky is a command-line program over the maisky library: it lists
// the print pages and the table of contents of archive documents, and writes
// their citations, CSL-JSON, TEI, RIS and PDF print extracts.
//
// Usage:
//
//	maisky pages FILE
//	maisky toc FILE
//	maisky cite -style ID|FILE.csl [-locales DIR] -mode bibliography|first|subsequent [-locator L] [-label page] [-format text|html|markdown] [-csl] FILE
//	maisky csl-fixture [-locales DIR] FILE
//	maisky csljson FILE...
//	maisky tei FILE
//	maisky tei -read FILE.xml
//	maisky ris FILE...
//	maisky ris -read FILE.ris
//	maisky pdf -pages RANGE -accept-terms -by NAME [-terms-version V] [-date YYYY-MM-DD] [-o OUT.pdf] FILE
//	maisky text [-doc ID] [-version translation|transcription] FILE
//	maisky annotations -viewer USER [-groups G1,G2] -format jsonld|markdown ANNOTATIONS FILE
//	maisky annotations -import FILE.jsonld STORE
//	maisky annotations -export -viewer USER [-groups G1,G2] [-doc ID] STORE
//	maisky anchor -old OLD.json -new NEW.json ANNOTATIONS.jsonld
//	maisky folders -viewer USER [-group G] STORE
//	maisky folders -viewer USER (-folder ID | -unfiled) -format bibliography|csljson|ris|jsonld STORE FILE...
//
// FILE is a document or a volume in the library's JSON format (maisky/1).
// Flags may come before or after FILE ("--" ends them). Output goes to
// standard output, or with pdf -o to a regular file written in one step (a
// temporary file beside it, renamed): -o refuses a path that is one of the
// inputs, even by another name, and anything that is not a regular file (a
// symbolic link, a FIFO, a device). On an error the command prints one line
// on standard error that says what was wrong and what is allowed (control
// characters escaped, long inputs cut to a short excerpt), writes nothing to
// standard output or the -o file, and exits with status 1, or 2 for usage
// errors (an unknown flag or value, a malformed or reversed page range, a
// missing argument). Line-oriented output (pages, toc, citations) escapes
// or drops control characters, so a title cannot forge a line or a column.
// Under a memory limit (ulimit -v) an input too large for it is refused
// before it is read.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/maisky-lib/maisky/maisky"
)

func main() {
	// A crash of the runtime itself prints its one-line reason, not every
	// goroutine's stack; the readers' bounds keep memory from running out.
	debug.SetTraceback("none")
	limitMemory()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage: maisky COMMAND [flags] FILE...

commands:
  pages FILE        the print pages of each document: number, partial/blank, words, footnotes
  toc FILE          a volume's table of contents: label, id, date, previous/next
  cite              citations (Chicago, MLA, or any CSL style file) of the documents
  csl-fixture FILE  runs a fixture of the CSL test suite, prints its RESULT
  csljson FILE...   CSL-JSON of the documents
  tei FILE          TEI-XML of a document or a volume (tei -read FILE.xml: JSON of a TEI file)
  ris FILE...       RIS records of the documents (ris -read FILE.ris: CSL-JSON of a RIS file)
  pdf               a print extract of one document (at most 10 pages, terms accepted)
  text FILE         the plain text of a version that annotation positions count in
  annotations       the annotations a viewer may see, as W3C JSON-LD or Markdown, from a
                    file or a store (sqlite:PATH, postgres://…); -import and -export move them
  anchor            re-anchors annotations made on an old text in a new one
  folders           a reader's folders in a store (sqlite:PATH, postgres://…), or one exported
                    as a bibliography, CSL-JSON, RIS or the annotations saved in it

Run "maisky COMMAND -h" for a command's flags.
`

// run runs the command line args and returns the exit status. An internal
// failure (a panic) is one line on stderr and status 1, like any error.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, errorLine(fmt.Errorf("internal error: %v", r)))
			code = 1
		}
	}()
	if len(args) == 0 {
		fmt.Fprintln(stderr, "maisky: want a command: pages, toc, cite, csl-fixture, csljson, tei, ris, pdf, text, annotations, anchor, folders; usage: maisky COMMAND [flags] FILE... (maisky help for more)")
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "pages":
		return runPages(args, stdout, stderr)
	case "toc":
		return runTOC(args, stdout, stderr)
	case "pdf":
		return runPDF(args, stdout, stderr)
	case "tei":
		return runTEI(args, stdout, stderr)
	case "cite":
		return runCite(args, stdout, stderr)
	case "csljson":
		return runCSLJSON(args, stdout, stderr)
	case "ris":
		return runRIS(args, stdout, stderr)
	case "text":
		return runText(args, stdout, stderr)
	case "annotations":
		return runAnnotations(args, stdout, stderr)
	case "folders":
		return runFolders(args, stdout, stderr)
	case "anchor":
		return runAnchor(args, stdout, stderr)
	case "csl-fixture":
		return runCSLFixture(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintln(stderr, errorLine(fmt.Errorf("unknown command %s; commands are pages, toc, cite, csl-fixture, csljson, tei, ris, pdf, text, annotations, anchor, folders", strconv.QuoteToASCII(clipArg(cmd)))))
	return 2
}

// errUsage marks an error in the command line (exit status 2).
var errUsage = errors.New("usage")

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Unwrap() error { return errUsage }

// usagef returns a usage error.
func usagef(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// newFlags returns a flag set for a subcommand that reports errors instead of
// exiting or printing.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("maisky "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. Flags may
// come before or after the file arguments ("--" ends the flags); fs.Args()
// then holds the file arguments in order. With -h it prints the flags on
// stdout and returns flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, synopsis string) error {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(stdout, "usage: %s\n", synopsis)
				fs.SetOutput(stdout)
				fs.PrintDefaults()
				return err
			}
			return usagef("%v; usage: %s", err, synopsis)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	return fs.Parse(append([]string{"--"}, files...))
}

// clipArg returns s cut to 60 code points: a command-line argument quoted
// in a message.
func clipArg(s string) string {
	n := 0
	for i := range s {
		if n == 60 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// finish writes out to stdout if err is nil, else one line on stderr, and
// returns the exit status: 0, 1, or 2 for usage errors. So an error never
// leaves partial output on stdout.
func finish(out *bytes.Buffer, err error, stdout, stderr io.Writer) int {
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		fmt.Fprintln(stderr, errorLine(err))
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	if _, err := out.WriteTo(stdout); err != nil {
		fmt.Fprintf(stderr, "maisky: %v\n", err)
		return 1
	}
	return 0
}

// readFile reads and validates a maisky/1 JSON file.
func readFile(name string) (*maisky.File, error) {
	f, err := openInput(name, jsonPerByte)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	file, err := maisky.Read(f)
	if err != nil {
		return nil, &fileError{name, err}
	}
	if err := file.Validate(); err != nil {
		return nil, &fileError{name, err}
	}
	return file, nil
}

// fileError prefixes an error with the file it concerns.
type fileError struct {
	name string
	err  error
}

func (e *fileError) Error() string {
	return "maisky: " + clipArg(e.name) + ": " + strings.TrimPrefix(e.err.Error(), "maisky: ")
}

func (e *fileError) Unwrap() error { return e.err }

// selectDocuments returns the documents of file: all of them, or the one
// named by id.
func selectDocuments(file *maisky.File, id string) ([]*maisky.Document, error) {
	if id == "" {
		return file.Documents, nil
	}
	d, err := file.Document(id)
	if err != nil {
		return nil, err
	}
	return []*maisky.Document{d}, nil
}

// oneDocument returns the document of a document file, or the one named by
// id in a volume file.
func oneDocument(file *maisky.File, id string) (*maisky.Document, error) {
	if id != "" {
		return file.Document(id)
	}
	if len(file.Documents) == 1 {
		return file.Documents[0], nil
	}
	ids := make([]string, 0, 3)
	for i, d := range file.Documents {
		if i == 3 {
			ids = append(ids, "…")
			break
		}
		ids = append(ids, d.ID)
	}
	return nil, usagef("the file holds %d documents; choose one with -doc ID (%s)", len(file.Documents), strings.Join(ids, ", "))
}
