package download

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
)

// TestCiteproc is the referee of the citation endpoint: for every document
// of the volume, every style, both forms and the three modes, the handler's
// own CSL-JSON rendered by citeproc-js with the official style must be the
// handler's citation, text and HTML, letter for letter. It needs a copy of
// ../shared/tools/citeproc with its node_modules, named by
// MAISKY_CITEPROC (scripts/check-browser makes one); it skips otherwise.
func TestCiteproc(t *testing.T) {
	dir := os.Getenv("MAISKY_CITEPROC")
	if dir == "" {
		t.Skip("SKIP: set MAISKY_CITEPROC to a copy of ../shared/tools/citeproc after npm ci (scripts/check-browser does)")
	}
	csl, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "csl"))
	require.NoError(t, err)
	h := newTestHandler(t, Options{})
	f := volume1(t)
	type request struct {
		Mode     string `json:"mode"`
		ID       string `json:"id"`
		Locator  string `json:"locator,omitempty"`
		Label    string `json:"label,omitempty"`
		Position string `json:"position,omitempty"`
	}
	checked := 0
	// Both forms in one call per style (building a Chicago engine takes a
	// second): the archive form's items under their id + "#archive".
	var items []json.RawMessage
	for _, form := range []string{"print", "archive"} {
		for _, d := range f.Documents {
			rec := get(h, "/"+d.ID+"/csl-json?form="+form)
			require.Equal(t, 200, rec.Code)
			var arr []map[string]any
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &arr))
			require.Len(t, arr, 1)
			arr[0]["id"] = itemID(d.ID, form)
			b, err := json.Marshal(arr[0])
			require.NoError(t, err)
			items = append(items, b)
		}
	}
	for _, style := range cite.Styles() {
		var reqs []request
		var queries []string
		for _, form := range []string{"print", "archive"} {
			for _, d := range f.Documents {
				loc := ""
				if span, ok := d.PageSpan(); ok {
					loc = strconv.Itoa(span.Last)
				}
				reqs = append(reqs, request{Mode: "bibliography", ID: itemID(d.ID, form)})
				queries = append(queries, "/"+d.ID+"/citation?"+url.Values{"style": {string(style)}, "form": {form}}.Encode())
				for _, pos := range []string{"first", "subsequent"} {
					q := url.Values{"style": {string(style)}, "form": {form}, "mode": {pos}}
					r := request{Mode: "citation", ID: itemID(d.ID, form), Position: pos}
					if loc != "" {
						q.Set("locator", loc)
						r.Locator, r.Label = loc, "page"
					}
					reqs = append(reqs, r)
					queries = append(queries, "/"+d.ID+"/citation?"+q.Encode())
				}
			}
		}
		in, err := json.Marshal(map[string]any{
			"style":    filepath.Join(csl, string(style)+".csl"),
			"locale":   filepath.Join(csl, "locales-en-US.xml"),
			"items":    items,
			"requests": reqs,
		})
		require.NoError(t, err)
		cmd := exec.Command("node", filepath.Join(dir, "render.js"))
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		require.NoError(t, err, stderr.String())
		var res struct {
			Results []struct {
				Text string `json:"text"`
				HTML string `json:"html"`
			} `json:"results"`
		}
		require.NoError(t, json.Unmarshal(out, &res))
		require.Len(t, res.Results, len(reqs))
		for i, q := range queries {
			text := get(h, q+"&format=text")
			html := get(h, q+"&format=html")
			require.Equal(t, 200, text.Code, q)
			assert.Equal(t, res.Results[i].Text, text.Body.String(), "text of %s", q)
			assert.Equal(t, res.Results[i].HTML, html.Body.String(), "HTML of %s", q)
			checked++
		}
	}
	t.Logf("%d citations of the handler equal citeproc-js's rendering of its CSL-JSON", checked)
}

func itemID(id, form string) string {
	if form == "archive" {
		return id + "#archive"
	}
	return id
}
