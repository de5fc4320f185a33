package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encodingJSON is what encoding/json writes with HTML escaping off.
func encodingJSON(s string) string { return encodingJSONHTML(s, false) }

// encodingJSONHTML is what encoding/json writes, HTML escaping on or off.
func encodingJSONHTML(s string, html bool) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(html)
	_ = enc.Encode(s)
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

func TestAppend(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \ back`, "tab\tnl\ncr\rff\fbs\b", "\x00\x1f\x7f", "<a&b>",
		"Майский — «ёлочки»", "\u2028\u2029", "bad \xff\xfe utf8", "\xe2\x80", "🙂",
	} {
		got := string(Append(nil, s))
		if want := encodingJSON(s); got != want {
			t.Errorf("Append(%q) = %s, want %s", s, got, want)
		}
		got = string(AppendHTML(nil, s))
		if want := encodingJSONHTML(s, true); got != want {
			t.Errorf("AppendHTML(%q) = %s, want %s", s, got, want)
		}
	}
	if got := string(Append([]byte("x:"), "y")); got != `x:"y"` {
		t.Errorf("Append keeps dst: %s", got)
	}
}

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\xff", "\u2028", "Майский"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := string(Append(nil, s))
		if want := encodingJSON(s); got != want {
			t.Fatalf("Append(%q) = %s, want %s", s, got, want)
		}
		got = string(AppendHTML(nil, s))
		if want := encodingJSONHTML(s, true); got != want {
			t.Fatalf("AppendHTML(%q) = %s, want %s", s, got, want)
		}
	})
}
