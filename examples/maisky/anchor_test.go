package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// editFixture writes a copy of a fixture with one text edited.
func editFixture(t *testing.T, from, old, new string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(data, &v))
	done := false
	var walk func(x any) any
	walk = func(x any) any {
		switch x := x.(type) {
		case string:
			if !done && strings.Contains(x, old) {
				done = true
				return strings.Replace(x, old, new, 1)
			}
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			for _, k := range []string{"document", "documents", "versions", "blocks", "content"} {
				if y, ok := x[k]; ok {
					x[k] = walk(y)
				}
			}
		}
		return x
	}
	walk(v)
	require.True(t, done, "the fixture holds %q", old)
	out, err := json.Marshal(v)
	require.NoError(t, err)
	name := filepath.Join(t.TempDir(), "new.json")
	require.NoError(t, os.WriteFile(name, out, 0o644))
	return name
}

func TestAnchor(t *testing.T) {
	oldName := "../../testdata/1934-12-31.json"
	newName := editFixture(t, oldName, "So the year is over", "So the year, at long last, is over")
	code, out, errs := runCmd("anchor", "-old", oldName, "-new", newName, "../../annotate/testdata/export-alice.jsonld")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	got := map[string][]string{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		require.Len(t, f, 4, l)
		got[strings.TrimPrefix(f[0], "https://archive.example.org/annotations/")] = f[1:]
	}
	assert.Equal(t, "moved", got["1"][0])
	start, _ := strconv.Atoi(got["1"][1])
	end, _ := strconv.Atoi(got["1"][2])
	assert.Equal(t, 18, end-start)
	assert.Equal(t, []string{"orphan", "", ""}, got["8"], "the edited first sentence is too changed")
	assert.Equal(t, "orphan", got["10"][0], "a quote of another document")

	// The new text's positions are right: the quote is there.
	code, text, _ := runCmd("text", newName)
	require.Equal(t, 0, code)
	assert.Equal(t, "Austen Chamberlain", string([]rune(text)[start:end]))
}

func TestAnchorErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"anchor", "-new", "../../testdata/1934-12-31.json", "../../annotate/testdata/export-alice.jsonld"}, 2},
		{[]string{"anchor", "-old", "../../testdata/1934-12-31.json", "-new", "../../testdata/1934-12-31.json"}, 2},
		{[]string{"anchor", "-old", "../../testdata/1934-12-31.json", "-new", "../../testdata/1934-12-31.json", "../../testdata/1934-12-31.json"}, 1},
		{[]string{"anchor", "-old", "nope.json", "-new", "../../testdata/1934-12-31.json", "../../annotate/testdata/export-alice.jsonld"}, 1},
	} {
		code, out, errs := runCmd(c.args...)
		assert.Equal(t, c.code, code, "%v: %s", c.args, errs)
		assert.Empty(t, out)
		assert.Equal(t, 1, strings.Count(errs, "\n"), errs)
	}
}

// Annotations of other tools: a position alone, a quote alone, a quote
// with a short context; the old text completes them.
func TestAnchorSparseSelectors(t *testing.T) {
	oldName := "../../testdata/1934-12-31.json"
	code, text, _ := runCmd("text", oldName)
	require.Equal(t, 0, code)
	i := strings.Index(text, "Austen Chamberlain")
	start := len([]rune(text[:i]))
	doc := `[
	 {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:a:pos", "type": "Annotation",
	  "target": {"source": "urn:x", "selector": {"type": "TextPositionSelector", "start": ` + strconv.Itoa(start) + `, "end": ` + strconv.Itoa(start+18) + `}}},
	 {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:a:quote", "type": "Annotation",
	  "target": {"source": "urn:x", "selector": {"type": "TextQuoteSelector", "exact": "Austen Chamberlain"}}},
	 {"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:a:short", "type": "Annotation",
	  "target": {"source": "urn:x", "selector": [{"type": "TextQuoteSelector", "exact": "Austen Chamberlain", "prefix": "and ", "suffix": " spoke"},
	    {"type": "TextPositionSelector", "start": ` + strconv.Itoa(start) + `, "end": ` + strconv.Itoa(start+18) + `}]}}
	]`
	name := filepath.Join(t.TempDir(), "a.jsonld")
	require.NoError(t, os.WriteFile(name, []byte(doc), 0o644))
	newName := editFixture(t, oldName, "So the year is over", "So the year, at long last, is over")
	code, out, errs := runCmd("anchor", "-old", oldName, "-new", newName, name)
	require.Equal(t, 0, code, errs)
	want := strconv.Itoa(start+15) + "\t" + strconv.Itoa(start+33)
	assert.Equal(t, "urn:a:pos\tmoved\t"+want+"\nurn:a:quote\tmoved\t"+want+"\nurn:a:short\tmoved\t"+want+"\n", out)
}
