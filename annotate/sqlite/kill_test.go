package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/internal/storecheck"
	"github.com/maisky-lib/maisky/annotate/sqlite"
)

// raceEnabled is set under -race, where processes start slowly: fewer
// kills then, unless MAISKY_KILLS or CI ask for more.
var raceEnabled bool

// TestKillChild is the writer of TestKill: it runs only in the child
// process that TestKill starts and kills.
func TestKillChild(t *testing.T) {
	path := os.Getenv("MAISKY_KILL_SQLITE")
	if path == "" {
		t.Skip("the writer process of TestKill")
	}
	s, err := sqlite.Open(context.Background(), path, sqlite.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writer: open:", err)
		os.Exit(3)
	}
	seed, _ := strconv.ParseUint(os.Getenv("MAISKY_KILL_SEED"), 10, 64)
	err = storecheck.Child(context.Background(), s, os.Stdout, seed)
	fmt.Fprintln(os.Stderr, err)
	os.Exit(3)
}

// killCount is the number of kills of TestKill.
func killCount() int {
	if raceEnabled {
		return 3
	}
	return storecheck.KillCount(8)
}

// TestKill kills a writer with SIGKILL at random moments: after each
// kill the file opens without repair, passes SQLite's integrity check,
// and holds every write that returned success, whole, and nothing torn.
// 60 kills under CI=true (MAISKY_KILLS sets the count), 8 otherwise; 3
// under the race detector, where each writer process starts slowly (the
// full count runs in the same CI without -race).
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	path := filepath.Join(t.TempDir(), "kill.db")
	seed := 0
	storecheck.Kill(t, storecheck.KillOptions{
		Kills: killCount(),
		Child: func() *exec.Cmd {
			seed++
			cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
			cmd.Env = append(os.Environ(), "MAISKY_KILL_SQLITE="+path, "MAISKY_KILL_SEED="+strconv.Itoa(seed))
			return cmd
		},
		Open: func() (annotate.Store, error) {
			return sqlite.Open(context.Background(), path, sqlite.Options{BusyTimeout: time.Second})
		},
		Check: func() error { return integrity(path) },
	})
}

// integrity runs PRAGMA integrity_check on the file.
func integrity(path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return fmt.Errorf("integrity_check: %s", res)
	}
	return nil
}
