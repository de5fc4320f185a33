package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/internal/sqlstore"
	"github.com/maisky-lib/maisky/annotate/internal/storecheck"
	"github.com/maisky-lib/maisky/annotate/postgres"
)

func TestBadInput(t *testing.T) {
	storecheck.BadInput(t, open(t, freshURL(t), postgres.Options{}))
}

// TestUnreachable needs no server: nothing listens on port 1.
func TestUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	_, err := postgres.Open(ctx, "postgres://maisky:secret@127.0.0.1:1/annotations?connect_timeout=2", postgres.Options{Timeout: 3 * time.Second})
	var de *postgres.DBError
	if !errors.Is(err, postgres.ErrDatabase) || !errors.As(err, &de) {
		t.Fatalf("unreachable server: %v, want ErrDatabase", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	for _, u := range []string{"postgres://a:b@[::1:bad/x", "postgres://host/db?pool_max_conns=many"} {
		if _, err := postgres.Open(ctx, u, postgres.Options{}); !errors.Is(err, annotate.ErrInvalid) {
			t.Errorf("%q: %v, want ErrInvalid", u, err)
		}
	}
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	u := freshURL(t)
	s := open(t, u, postgres.Options{})
	if v, err := s.Version(ctx); err != nil || v != sqlstore.Latest() {
		t.Fatalf("Version: %d, %v", v, err)
	}
	// Instances opening at once migrate once.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			s, err := postgres.Open(ctx, u, postgres.Options{})
			if err != nil {
				t.Error(err)
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	exec1(t, u, "INSERT INTO schema_migrations (version, name, applied) VALUES (99, 'from the future', 0)")
	_, err := postgres.Open(ctx, u, postgres.Options{})
	var se *postgres.SchemaError
	if !errors.Is(err, postgres.ErrSchemaVersion) || !errors.As(err, &se) || se.Found != 99 {
		t.Errorf("newer schema: %v", err)
	}
	// Another program's tables.
	f := freshURL(t)
	exec1(t, f, "CREATE TABLE customers (id INTEGER PRIMARY KEY)")
	if _, err := postgres.Open(ctx, f, postgres.Options{}); !errors.Is(err, postgres.ErrNotStore) {
		t.Errorf("foreign schema: %v", err)
	}
}

func exec1(t *testing.T, u, sql string) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, sql); err != nil {
		t.Fatal(err)
	}
}

// TestDeadline: an operation is bounded by its context.
func TestDeadline(t *testing.T) {
	s := open(t, freshURL(t), postgres.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	time.Sleep(time.Millisecond)
	if _, err := s.Query(ctx, annotate.Query{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Query past its deadline: %v", err)
	}
}

// TestWatch: a write by one instance is announced to another.
func TestWatch(t *testing.T) {
	u := freshURL(t)
	a, b := open(t, u, postgres.Options{}), open(t, u, postgres.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	got := make(chan string, 10)
	done := make(chan error, 1)
	go func() { done <- b.Watch(ctx, func(id string) { got <- id }) }()
	alice := annotate.Viewer{User: "alice"}
	// Watch listens once it has a connection: write until it hears.
	var x *annotate.Annotation
	for i := 0; ; i++ {
		var err error
		x, err = a.Add(ctx, alice, &annotate.Annotation{ID: fmt.Sprintf("urn:w:%d", i), Document: "d", Body: "n"})
		if err != nil {
			t.Fatal(err)
		}
		select {
		case id := <-got:
			if id != x.ID {
				continue
			}
		case <-time.After(200 * time.Millisecond):
			continue
		case <-ctx.Done():
			t.Fatal("no notification")
		}
		break
	}
	x.Body = "changed"
	if _, err := a.Update(ctx, alice, x); err != nil {
		t.Fatal(err)
	}
	if id := <-got; id != x.ID {
		t.Errorf("update announced %q", id)
	}
	// A write that is refused announces nothing.
	if _, err := a.Update(ctx, alice, x); !errors.Is(err, annotate.ErrConflict) {
		t.Fatal(err)
	}
	if err := a.Delete(ctx, alice, x.ID, 0); err != nil {
		t.Fatal(err)
	}
	if id := <-got; id != x.ID {
		t.Errorf("delete announced %q", id)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Watch returned %v", err)
	}
}

// TestConcurrentGoroutines: 64 goroutines over one pool edit, add and
// delete the same annotations.
func TestConcurrentGoroutines(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s := open(t, freshURL(t), postgres.Options{MaxConns: 16})
	ids, err := storecheck.Setup(ctx, s, 16)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]*storecheck.Result, 64)
	var wg sync.WaitGroup
	for w := range results {
		wg.Go(func() {
			r, err := storecheck.Edit(ctx, s, ids, w, 40, 3)
			if err != nil {
				t.Errorf("editor %d: %v", w, err)
			}
			results[w] = r
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	storecheck.CheckEdits(t, s, ids, results)
}

// TestKillChild is the writer of TestKill.
func TestKillChild(t *testing.T) {
	u := os.Getenv("MAISKY_KILL_POSTGRES")
	if u == "" {
		t.Skip("the writer process of TestKill")
	}
	var s *postgres.Store
	var err error
	for range 100 { // the server may be restarting
		if s, err = postgres.Open(context.Background(), u, postgres.Options{Timeout: 5 * time.Second}); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer: open:", err)
		os.Exit(3)
	}
	seed, _ := strconv.ParseUint(os.Getenv("MAISKY_KILL_SEED"), 10, 64)
	err = storecheck.Child(context.Background(), s, os.Stdout, seed)
	fmt.Fprintln(os.Stderr, err)
	os.Exit(3)
}

// TestKill kills a writer with SIGKILL at random moments and, when
// MAISKY_TEST_POSTGRES_RESTART gives the command, restarts the server in
// the middle of the run (pg_ctl restart -m immediate: a crash). 60 kills
// under CI=true (MAISKY_KILLS sets the count), 6 otherwise.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	u := freshURL(t)
	var restart func() error
	if c := os.Getenv("MAISKY_TEST_POSTGRES_RESTART"); c != "" {
		restart = func() error {
			out, err := exec.Command("sh", "-c", c).CombinedOutput()
			if err != nil {
				return fmt.Errorf("%v: %s", err, out)
			}
			t.Logf("restarted the server")
			return nil
		}
	} else {
		t.Log("MAISKY_TEST_POSTGRES_RESTART not set: the server is not restarted")
	}
	seed := 0
	storecheck.Kill(t, storecheck.KillOptions{
		Kills: storecheck.KillCount(6),
		Child: func() *exec.Cmd {
			seed++
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
			cmd.Env = append(os.Environ(), "MAISKY_KILL_POSTGRES="+u, "MAISKY_KILL_SEED="+strconv.Itoa(seed))
			return cmd
		},
		Open: func() (annotate.Store, error) {
			var err error
			for range 100 {
				var s *postgres.Store
				if s, err = postgres.Open(context.Background(), u, postgres.Options{}); err == nil {
					return s, nil
				}
				time.Sleep(100 * time.Millisecond)
			}
			return nil, err
		},
		Restart: restart,
	})
}
