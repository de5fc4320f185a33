package cite_test

import (
	"fmt"

	"github.com/maisky-lib/maisky/cite"
)

func ExampleAppendTitleCase() {
	var buf [64]byte
	fmt.Println(string(cite.AppendTitleCase(buf[:0], "the diaries of a soviet ambassador")))
	// Output: The Diaries of a Soviet Ambassador
}

func ExampleAppendCapitalizeFirst() {
	fmt.Println(string(cite.AppendCapitalizeFirst([]byte("See: "), "edited by")))
	// Output: See: Edited by
}

func ExampleTextOf() {
	t := cite.TextOf(
		cite.Span{Text: "Maisky, Ivan. "},
		cite.Span{Text: "The Complete Maisky Diaries", Decoration: cite.Italic},
		cite.Span{Text: ". Yale University Press, 2017."},
	)
	fmt.Println(t.HTML())
	fmt.Println(t.Markdown())
	// Output:
	// Maisky, Ivan. <i>The Complete Maisky Diaries</i>. Yale University Press, 2017.
	// Maisky, Ivan. *The Complete Maisky Diaries*. Yale University Press, 2017.
}
