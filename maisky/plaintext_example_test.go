package maisky_test

import (
	"fmt"
	"strings"
)

// The plain text that annotation positions count in, and the print page of
// any code point in it.
func ExampleVersion_PlainText() {
	pt := sampleDocument().Translation().PlainText()
	fmt.Printf("%q\n", pt.Text)
	i := len([]rune(pt.Text[:strings.Index(pt.Text, "the Eastern")]))
	fmt.Println(pt.Len(), pt.PageAt(0), pt.PageAt(i), pt.Pages(0, i+3))
	// Page 102 is a plate: the last paragraph is on 103.
	fmt.Println(pt.PageAt(pt.Len() - 2))
	// Output:
	// "1 March\n\nLunch with Vansittart ran long, and we spoke of the Eastern Pact.\n\nIn the evening, a concert.\n"
	// 103 100 101 100–101
	// 103
}
