package jsonstr_test

import (
	"fmt"

	"github.com/maisky-lib/maisky/internal/jsonstr"
)

func ExampleAppend() {
	b := jsonstr.Append([]byte(`{"title":`), "“31 December” <1934>\n\xff")
	fmt.Println(string(append(b, '}')))
	// Output: {"title":"“31 December” <1934>\n\ufffd"}
}

func ExampleAppendHTML() {
	b := jsonstr.AppendHTML(nil, "<b>Maisky & Litvinov</b>")
	fmt.Println(string(b))
	// Output: "\u003cb\u003eMaisky \u0026 Litvinov\u003c/b\u003e"
}
