package cslcore

import "testing"

func TestJoinPunct(t *testing.T) {
	for _, c := range []struct {
		a, b byte
		want string
		ok   bool
	}{
		{'.', '.', ".", true}, {'?', '.', "?", true}, {'!', ':', "!", true}, {';', ':', ";", true},
		{':', '.', ":", true}, {'.', ',', ".,", true}, {'!', '?', "!?", true}, {',', ';', ",;", true},
		{'a', '.', "", false}, {'.', ')', "", false},
	} {
		if got, ok := JoinPunct(c.a, c.b); got != c.want || ok != c.ok {
			t.Errorf("JoinPunct(%q, %q) = %q, %v; want %q, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
	for _, a := range []byte("!?.:,;") {
		for _, b := range []byte("!?.:,;") {
			s, ok := JoinPunct(a, b)
			if !ok || s == "" || len(s) > 2 || len(s) == 2 && s != string(a)+string(b) || len(s) == 1 && s[0] != a && s[0] != b {
				t.Errorf("JoinPunct(%q, %q) = %q, %v", a, b, s, ok)
			}
		}
	}
	if testing.AllocsPerRun(100, func() { JoinPunct('.', '.') }) != 0 {
		t.Error("JoinPunct allocates")
	}
}
