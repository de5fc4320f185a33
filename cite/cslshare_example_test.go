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
