package cite_test

import (
	"fmt"

	"github.com/maisky-lib/maisky/cite"
)

func ExampleLocaleTerms() {
	for _, t := range cite.LocaleTerms() {
		if t.Name == "page" || t.Name == "month-09" {
			fmt.Printf("%s %s: %q %q\n", t.Name, t.Form, t.Single, t.Multiple)
		}
	}
	// Output:
	// page long: "page" "pages"
	// page short: "p." "pp."
	// month-09 long: "September" ""
	// month-09 short: "Sept." ""
}
