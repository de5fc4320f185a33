package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cliSpec is the fixed interface of the command, read at test time.
const cliSpec = "../../../shared/CLI.md"

// specSynopses returns the synopses of ../shared/CLI.md's table ("maisky
// cite -style ID|FILE.csl …"), by subcommand; a subcommand with two forms
// (tei, tei -read) has both.
func specSynopses(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(cliSpec)
	if err != nil {
		t.Skipf("../shared/CLI.md (the command's fixed interface) is not available: %v", err)
	}
	row := regexp.MustCompile("(?m)^\\| `(maisky [^`]+)`")
	out := map[string][]string{}
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		syn := strings.ReplaceAll(m[1], `\|`, "|")
		f := strings.Fields(syn)
		require.GreaterOrEqual(t, len(f), 2, syn)
		out[f[1]] = append(out[f[1]], syn)
	}
	require.NotEmpty(t, out, "no synopsis found in %s", cliSpec)
	t.Logf("%d subcommands in %s", len(out), cliSpec)
	return out
}

// TestCLISpec checks the command against ../shared/CLI.md: every
// subcommand it gives is known and named where the command lists its
// commands; every flag of its synopses is defined, spelled as it is
// there (-h lists it); an unknown flag and a missing argument are usage
// errors (status 2, one line on stderr, nothing on stdout); -label's
// default is page, as the synopsis gives it.
func TestCLISpec(t *testing.T) {
	spec := specSynopses(t)
	flagRE := regexp.MustCompile(`(?:^|[\s\[(|])-([a-z][a-z0-9-]*)`)
	_, _, noCommand := runCmd()
	_, help, _ := runCmd("help")
	_, _, unknown := runCmd("no-such-command")
	for sub, syns := range spec {
		assert.Contains(t, noCommand, " "+sub+",", "the message without a command lists %s", sub)
		assert.Regexp(t, `(?m)^  `+regexp.QuoteMeta(sub)+` `, help, "help lists %s", sub)
		assert.Contains(t, unknown, " "+sub, "the unknown-command message lists %s", sub)

		code, flags, errs := runCmd(sub, "-h")
		require.Equal(t, 0, code, "%s -h: %s", sub, errs)
		for _, syn := range syns {
			for _, m := range flagRE.FindAllStringSubmatch(syn, -1) {
				assert.Regexp(t, `(?m)^  -`+regexp.QuoteMeta(m[1])+`\b`, flags, "%s: flag -%s of %q", sub, m[1], syn)
			}
		}

		for _, args := range [][]string{{sub, "-no-such-flag"}, {sub}} {
			code, out, errs := runCmd(args...)
			assert.Equal(t, 2, code, "%q: a usage error", args)
			assert.Empty(t, out, args)
			assert.Equal(t, 1, strings.Count(errs, "\n"), "%q: one line on stderr: %s", args, errs)
			assert.True(t, strings.HasPrefix(errs, "maisky: "), errs)
		}
	}
	_, flags, _ := runCmd("cite", "-h")
	assert.Regexp(t, `(?m)^  -label string\n.*\(default "page"\)`, flags)
}
