package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/maisky-lib/maisky/cite"
)

// TestFooterCitesArchiveDocumentInFull complements TestFooterCitesInFull:
// in every style the footer holds the author and the entry's title with
// its year (the printed chapter), and a document printed without its
// volume is cited in full as the archive's document, with its date, the
// archive's name and the permalink, never by a short form alone.
func TestFooterCitesArchiveDocumentInFull(t *testing.T) {
	vol, doc := volume1(t)
	for _, s := range cite.Styles() {
		t.Run(string(s), func(t *testing.T) {
			out := layoutOf(t, doc, request(63, 63), Options{Volume: vol, Style: string(s)})
			require.Len(t, out, 1)
			text, _ := footerText(&out[0])
			for _, want := range []string{"Maisky", "31 December 1934", "Sorokina", "2017", "63"} {
				assert.Contains(t, text, want)
			}

			out = layoutOf(t, doc, request(63, 63), Options{Style: string(s), ArchiveName: "Stalin Digital Archive"})
			require.Len(t, out, 1)
			text, _ = footerText(&out[0])
			for _, want := range []string{"Maisky", "31 December", "1934", "Stalin Digital Archive", doc.Permalink, "63"} {
				assert.Contains(t, text, want)
			}
		})
	}
}
