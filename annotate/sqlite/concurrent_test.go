package sqlite_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate/internal/storecheck"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

// TestEditorChild is an editor process of TestConcurrentProcesses.
func TestEditorChild(t *testing.T) {
	path := os.Getenv("MAISKY_EDIT_SQLITE")
	if path == "" {
		t.Skip("an editor process of TestConcurrentProcesses")
	}
	ctx := context.Background()
	s, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	if err := json.Unmarshal([]byte(os.Getenv("MAISKY_EDIT_IDS")), &ids); err != nil {
		t.Fatal(err)
	}
	w, _ := strconv.Atoi(os.Getenv("MAISKY_EDIT_WORKER"))
	// Start together, so that the editors contend.
	start, _ := strconv.ParseInt(os.Getenv("MAISKY_EDIT_START"), 10, 64)
	time.Sleep(time.Until(time.Unix(0, start)))
	res, err := storecheck.Edit(ctx, s, ids, w, 300, 1)
	if err != nil {
		t.Fatalf("editor %d: %v", w, err)
	}
	b, _ := json.Marshal(res)
	fmt.Printf("RESULT %s\n", b)
}

// TestConcurrentProcesses runs 8 editor processes on one file, editing,
// adding and deleting the same annotations: no lost update, every
// conflict is ErrConflict, no deadlock (the run is bounded).
func TestConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	s := open(t, path)
	ids, err := storecheck.Setup(ctx, s, 16)
	if err != nil {
		t.Fatal(err)
	}
	idj, _ := json.Marshal(ids)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	const procs = 8
	start := strconv.FormatInt(time.Now().Add(2*time.Second).UnixNano(), 10)
	results := make([]*storecheck.Result, procs)
	var wg sync.WaitGroup
	for w := range procs {
		wg.Go(func() {
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestEditorChild$", "-test.v")
			cmd.Env = append(os.Environ(), "MAISKY_EDIT_SQLITE="+path, "MAISKY_EDIT_IDS="+string(idj), "MAISKY_EDIT_WORKER="+strconv.Itoa(w), "MAISKY_EDIT_START="+start)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Errorf("editor %d: %v\n%s", w, err, out)
				return
			}
			i := bytes.Index(out, []byte("RESULT "))
			if i < 0 {
				t.Errorf("editor %d: no result\n%s", w, out)
				return
			}
			line, _, _ := bytes.Cut(out[i+7:], []byte("\n"))
			var r storecheck.Result
			if err := json.Unmarshal(line, &r); err != nil {
				t.Errorf("editor %d: %v", w, err)
				return
			}
			results[w] = &r
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	storecheck.CheckEdits(t, s, ids, results)
}

// TestConcurrentGoroutines is the same with 8 goroutines on one Store
// (run it with -race).
func TestConcurrentGoroutines(t *testing.T) {
	ctx := context.Background()
	s := open(t, filepath.Join(t.TempDir(), "g.db"))
	ids, err := storecheck.Setup(ctx, s, 8)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]*storecheck.Result, 8)
	var wg sync.WaitGroup
	for w := range results {
		wg.Go(func() {
			r, err := storecheck.Edit(ctx, s, ids, w, 60, 2)
			if err != nil {
				t.Errorf("editor %d: %v", w, err)
			}
			results[w] = r
		})
	}
	wg.Wait()
	storecheck.CheckEdits(t, s, ids, results)
}
