package csl

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentStyle renders with one parsed style and one locale set in
// several goroutines at once (run with -race): a Style and a LocaleSet are
// safe for concurrent use, and every goroutine gets the same output.
func TestConcurrentStyle(t *testing.T) {
	st, err := ParseStyle(strings.NewReader(seedStyle))
	if err != nil {
		t.Fatal(err)
	}
	var ls *LocaleSet
	if _, err := os.Stat(filepath.Join(sharedCSL, "locales")); err == nil {
		ls = NewLocaleSet(os.DirFS(filepath.Join(sharedCSL, "locales")))
	}
	render := func() string {
		p := NewProcessor(st, Options{Locales: ls})
		p.Register(fuzzItems()...)
		var sb strings.Builder
		sb.WriteString(p.Cite([]CiteItem{{ID: "a"}, {ID: "b"}, {ID: "c"}}).HTML())
		_ = p.WriteBibliography(&sb, HTML)
		return sb.String()
	}
	want := render()
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				if got := render(); got != want {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent rendering differs:\n got: %s\nwant: %s", got, want)
	}
	if !strings.Contains(want, "Maisky") {
		t.Errorf("nothing rendered: %s", want)
	}
}
