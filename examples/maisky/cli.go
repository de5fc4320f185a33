package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// quoted matches a double-quoted string in a message; maxQuote is the most
// code points of one that a message shows.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

const maxQuote = 64

// maxMessage is the longest error line the command prints, in code points:
// a message never echoes a long input whole.
const maxMessage = 300

// errorLine returns err as the one line the command prints on stderr: one
// "maisky: " prefix (the library's own prefixes inside are dropped),
// control characters escaped, at most maxMessage code points.
func errorLine(err error) string {
	msg := err.Error()
	for strings.HasPrefix(msg, "maisky: ") {
		msg = msg[len("maisky: "):]
	}
	msg = strings.ReplaceAll(msg, ": maisky: ", ": ")
	msg = escapeControls(msg)
	msg = quoted.ReplaceAllStringFunc(msg, func(q string) string {
		if utf8.RuneCountInString(q) <= maxQuote {
			return q
		}
		n := 0
		for i := range q {
			if n == maxQuote-2 {
				return q[:i] + "…\""
			}
			n++
		}
		return q
	})
	if utf8.RuneCountInString(msg) > maxMessage {
		n := 0
		for i := range msg {
			if n == maxMessage {
				msg = msg[:i] + "…"
				break
			}
			n++
		}
	}
	return "maisky: " + msg
}

// escapeControls returns s with the characters that would break a line or
// a column of line-oriented output, or reorder what a terminal shows,
// written as Go escapes: C0 controls (TAB, CR, LF…), DEL, C1 controls,
// U+2028, U+2029 and the bidirectional embedding, override and isolate
// controls.
func escapeControls(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !unsafeRune(r) {
			b.WriteRune(r)
			continue
		}
		switch r {
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return b.String()
}

// unsafeRune reports whether r must not appear raw in a line of output.
func unsafeRune(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == utf8.RuneError
}

// oneLine returns s with every line break, tab and other control character
// turned into a space: a citation printed one per line.
func oneLine(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unsafeRune(r) && r != utf8.RuneError }), " ")
}

// noControls returns a usage error if the value of flag name holds a
// control character (a line break or a tab would forge a line or a column
// of the output).
func noControls(name, value string) error {
	if i := strings.IndexFunc(value, func(r rune) bool { return unsafeRune(r) && r != utf8.RuneError }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(value[i:])
		return usagef("-%s: control character %s not allowed", name, strconv.QuoteRuneToASCII(r))
	}
	return nil
}

// openError returns the error of opening file name: the name (cut, if
// long) and the reason.
func openError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return &fileError{name, pe.Err}
	}
	return err
}

// Peak memory of each reader per input byte, rounded up from the packages'
// measured bounds (their documentation): what openInput asks of the memory
// limit before a file is read.
const (
	jsonPerByte    = 3 // maisky.Read: 1.5 typical, more only for node floods, which MaxNodes bounds
	teiPerByte     = 5 // tei.Read: 7 typical and for split text with garbage, 3 live
	csljsonPerByte = 8 // cite.ReadCSLJSON: 7 for large items; small ones are bounded by MaxCSLJSONItems
)

// openInput opens the input file name. A file too large for the memory the
// process may still use (under ulimit -v) is refused before it is read: a
// reader needs about perByte bytes per input byte (see the packages'
// documented bounds), and some room besides.
func openInput(name string, perByte int64) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, openError(name, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, openError(name, err)
	}
	if fi.IsDir() {
		f.Close()
		return nil, &fileError{name, errors.New("is a directory; want a file")}
	}
	if room, ok := memoryHeadroom(); ok && fi.Mode().IsRegular() {
		if need := perByte*fi.Size() + 128<<20; need > room {
			f.Close()
			return nil, &fileError{name, fmt.Errorf("%d MB is more than this process can read under its memory limit (ulimit -v): it needs about %d MB, %d MB are free; raise the limit",
				fi.Size()>>20, need>>20, max(room, 0)>>20)}
		}
	}
	return f, nil
}

// outputError reports an -o path the command refuses.
type outputError struct{ path, msg string }

func (e *outputError) Error() string {
	return "-o " + strconv.Quote(e.path) + ": " + e.msg
}

// writeOutput writes data to the regular file name in one step: a
// temporary file in the same directory, synced, then renamed over name, so
// that a reader sees the old file or the new one, never part of one. It
// refuses a name that is one of inputs (the same path, or the same file by
// another name) and anything that exists but is not a regular file: a
// symbolic link, a FIFO, a device, a directory.
func writeOutput(name string, data []byte, inputs ...string) error {
	fi, err := checkOutput(name, inputs...)
	if err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if fi != nil {
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return &outputError{name, "cannot create a file in " + strconv.Quote(dir) + ": " + err.Error()}
	}
	fail := func(err error) error {
		tmp.Close()
		os.Remove(tmp.Name())
		return &outputError{name, err.Error()}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	// Between the check above and here, name may have been replaced by a
	// symbolic link: rename replaces the link itself, never its target.
	if err := os.Rename(tmp.Name(), name); err != nil {
		os.Remove(tmp.Name())
		return &outputError{name, err.Error()}
	}
	return nil
}

// checkOutput refuses an -o path that is one of inputs or exists but is
// not a regular file; it returns the file's information if it exists.
// Commands call it before their work, and writeOutput again before
// writing.
func checkOutput(name string, inputs ...string) (os.FileInfo, error) {
	if name == "" {
		return nil, usagef("-o needs a file name")
	}
	fi, err := os.Lstat(name)
	switch {
	case err == nil:
		if !fi.Mode().IsRegular() {
			return nil, &outputError{name, "not a regular file (" + fileKind(fi.Mode()) + "); -o writes regular files only"}
		}
		for _, in := range inputs {
			if ii, err := os.Stat(in); err == nil && os.SameFile(fi, ii) {
				return nil, &outputError{name, "is the input file " + strconv.Quote(in) + "; choose another output file"}
			}
		}
	case errors.Is(err, os.ErrNotExist):
		fi = nil
	default:
		return nil, &outputError{name, err.Error()}
	}
	abs, _ := filepath.Abs(name)
	for _, in := range inputs {
		if a, _ := filepath.Abs(in); in != "" && a == abs {
			return nil, &outputError{name, "is the input file " + strconv.Quote(in) + "; choose another output file"}
		}
	}
	return fi, nil
}

// fileKind names a file mode that is not a regular file.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeSymlink != 0:
		return "a symbolic link"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeDevice != 0, m&os.ModeCharDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m.IsDir():
		return "a directory"
	}
	return fmt.Sprintf("mode %v", m.Type())
}
