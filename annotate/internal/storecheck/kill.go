package storecheck

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/maisky"
)

// Writer is the user the kill test writes as.
var Writer = annotate.Viewer{User: "writer", Groups: []string{"g"}}

// Document is the document the checks annotate.
const Document = "maisky-1934-12-31"

// seal returns a body that carries its own checksum: a torn or mixed
// write does not verify.
func seal(id string, rev int64, payload string) string {
	s := id + "|" + strconv.FormatInt(rev, 10) + "|" + payload
	h := sha256.Sum256([]byte(s))
	return s + "|" + hex.EncodeToString(h[:])
}

// Whole reports whether a is whole: its body verifies, names its ID and
// revision, and its tags and target are those written with it.
func Whole(a *annotate.Annotation) error {
	i := strings.LastIndexByte(a.Body, '|')
	if i < 0 {
		return fmt.Errorf("%s: body without a checksum", a.ID)
	}
	h := sha256.Sum256([]byte(a.Body[:i]))
	if hex.EncodeToString(h[:]) != a.Body[i+1:] {
		return fmt.Errorf("%s: body does not verify", a.ID)
	}
	parts := strings.SplitN(a.Body[:i], "|", 3)
	if len(parts) != 3 || parts[0] != a.ID || parts[1] != strconv.FormatInt(a.Revision, 10) {
		return fmt.Errorf("%s: body of %q revision %s at revision %d", a.ID, parts[0], parts[1], a.Revision)
	}
	if len(a.Tags) != 1 || a.Tags[0] != "rev"+parts[1] {
		return fmt.Errorf("%s: tags %q at revision %d", a.ID, a.Tags, a.Revision)
	}
	n := len(parts[2]) % 50
	if a.Target.Quote.Exact != strings.Repeat("x", n+1) || a.Target.Start != 10 || a.Target.End != 11+n {
		return fmt.Errorf("%s: target %+v does not go with its body", a.ID, a.Target)
	}
	return nil
}

func fill(a *annotate.Annotation, rnd *rand.Rand) {
	payload := strings.Repeat("Ж", rnd.IntN(2000)) + strconv.Itoa(rnd.IntN(1e9))
	a.Body = seal(a.ID, a.Revision, payload)
	a.Tags = []string{"rev" + strconv.FormatInt(a.Revision, 10)}
	n := len(payload) % 50
	a.Target = annotate.Target{Quote: annotate.Quote{Exact: strings.Repeat("x", n+1)}, Start: 10, End: 11 + n, Pages: maisky.PageRange{First: 60, Last: 61}}
}

// Child writes to s as fast as it can until it is killed: it adds
// annotations, updates and deletes some, and after each write that
// returned success prints a line to out ("A id", "U id rev", "D id").
// A failed write (the server restarting) is retried after a pause; it
// was not acknowledged.
func Child(ctx context.Context, s annotate.Store, out io.Writer, seed uint64) error {
	rnd := rand.New(rand.NewPCG(seed, uint64(os.Getpid())))
	var mine []*annotate.Annotation
	fmt.Fprintln(out, "ready")
	for i := 0; ; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var line string
		var err error
		op := rnd.IntN(10)
		k := 0
		if len(mine) > 0 {
			k = rnd.IntN(len(mine))
		}
		id := fmt.Sprintf("urn:kill:%d:%d:%d", seed, os.Getpid(), i)
		add := op < 6 || len(mine) == 0
		if !add {
			id = mine[k].ID
		}
		// The intent first: the write in flight when the writer is
		// killed may or may not be there.
		if _, err := io.WriteString(out, "I "+id+"\n"); err != nil {
			return err
		}
		switch {
		case add:
			a := &annotate.Annotation{ID: id, Document: Document, Revision: 1, Visibility: annotate.Visibility(rnd.IntN(3))}
			if a.Visibility == annotate.GroupOnly {
				a.Group = "g"
			}
			fill(a, rnd)
			var got *annotate.Annotation
			if got, err = s.Add(ctx, Writer, a); err == nil {
				mine = append(mine, got)
				line = "A " + got.ID
			}
		case op < 9:
			a := mine[k].Clone()
			a.Revision++
			fill(a, rnd)
			a.Revision--
			var got *annotate.Annotation
			if got, err = s.Update(ctx, Writer, a); err == nil {
				mine[k] = got
				line = "U " + got.ID + " " + strconv.FormatInt(got.Revision, 10)
			}
		default:
			if err = s.Delete(ctx, Writer, mine[k].ID, mine[k].Revision); err == nil {
				line = "D " + mine[k].ID
				mine = append(mine[:k], mine[k+1:]...)
			}
		}
		if err != nil {
			if errors.Is(err, annotate.ErrConflict) || errors.Is(err, annotate.ErrNotFound) || errors.Is(err, annotate.ErrExists) {
				return fmt.Errorf("writer: %w", err) // nobody else writes: a bug
			}
			// The database failed (a server restarting): the write may or
			// may not have been applied. Say so, and read the annotation
			// again before writing it.
			if _, err := io.WriteString(out, "F "+id+"\n"); err != nil {
				return err
			}
			for !add && ctx.Err() == nil {
				time.Sleep(20 * time.Millisecond)
				a, err := s.Annotation(ctx, Writer, id)
				if err == nil {
					mine[k] = a
					break
				}
				if errors.Is(err, annotate.ErrNotFound) {
					mine = append(mine[:k], mine[k+1:]...)
					break
				}
			}
			time.Sleep(20 * time.Millisecond)
			continue
		}
		if _, err := io.WriteString(out, line+"\n"); err != nil {
			return err
		}
	}
}

// Acks is what killed writers acknowledged: the revision of each
// annotation added or updated (0 once deleted), and the annotations whose
// write was in flight at a kill (either outcome is right).
type Acks struct {
	Rev      map[string]int64
	InFlight map[string]bool
}

// read takes the complete lines of a writer's output.
func (a *Acks) read(out []byte) (int, error) {
	n := 0
	lines := strings.Split(string(out), "\n")
	pending := ""
	for _, l := range lines[:len(lines)-1] { // the last line is cut off or empty
		f := strings.Fields(l)
		if len(f) == 2 && f[0] == "I" {
			pending = f[1]
			continue
		}
		if len(f) >= 2 {
			pending = ""
			delete(a.InFlight, f[1]) // known again
		}
		switch {
		case len(f) == 1 && f[0] == "ready":
		case len(f) == 2 && f[0] == "F":
			a.InFlight[f[1]] = true
		case len(f) == 2 && f[0] == "A":
			a.Rev[f[1]] = 1
			n++
		case len(f) == 3 && f[0] == "U":
			r, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				return n, fmt.Errorf("bad line %q", l)
			}
			a.Rev[f[1]] = r
			n++
		case len(f) == 2 && f[0] == "D":
			a.Rev[f[1]] = 0
			n++
		default:
			return n, fmt.Errorf("bad line %q", l)
		}
	}
	if pending != "" {
		a.InFlight[pending] = true
	}
	return n, nil
}

// KillOptions configures Kill.
type KillOptions struct {
	// Kills is how many times the writer is killed.
	Kills int
	// Child returns the command that runs the writer (the test binary
	// running a test that calls Child), with its environment set.
	Child func() *exec.Cmd
	// Open opens the store after a kill; Verify closes it.
	Open func() (annotate.Store, error)
	// Check, when not nil, checks the database's own integrity after a
	// kill.
	Check func() error
	// Restart, when not nil, restarts the database server; Kill calls it
	// in the middle of the run while a writer is writing.
	Restart func() error
}

// Kill runs the kill test: it starts the writer, kills it with SIGKILL
// after a random moment, reopens the store and checks that every
// acknowledged write is there and whole and that nothing that is there is
// torn; Kills times.
func Kill(t *testing.T, o KillOptions) {
	acks := &Acks{Rev: map[string]int64{}, InFlight: map[string]bool{}}
	rnd := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	writes := 0
	for k := range o.Kills {
		cmd := o.Child()
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		got := make(chan []byte, 1)
		go func() {
			b, _ := io.ReadAll(out)
			got <- b
		}()
		wait := time.Duration(50+rnd.IntN(400)) * time.Millisecond
		if o.Restart != nil && k == o.Kills/2 {
			time.Sleep(wait / 2)
			if err := o.Restart(); err != nil {
				t.Fatalf("restarting the server: %v", err)
			}
		}
		time.Sleep(wait)
		_ = cmd.Process.Kill() // SIGKILL
		b := <-got
		_ = cmd.Wait()
		if strings.Contains(stderr.String(), "writer:") {
			t.Fatalf("kill %d: the writer failed: %s", k, stderr.String())
		}
		n, err := acks.read(b)
		if err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		writes += n
		if o.Check != nil {
			if err := o.Check(); err != nil {
				t.Fatalf("kill %d: integrity: %v", k, err)
			}
		}
		if err := Verify(o.Open, acks); err != nil {
			t.Fatalf("kill %d: %v (writer's stderr: %s)", k, err, stderr.String())
		}
	}
	t.Logf("%d kills, %d acknowledged writes on %d annotations, %d writes cut off by a kill", o.Kills, writes, len(acks.Rev), len(acks.InFlight))
	if writes == 0 {
		t.Fatal("the writer acknowledged nothing")
	}
}

// Verify opens the store and checks it against acks.
func Verify(open func() (annotate.Store, error), acks *Acks) error {
	s, err := open()
	if err != nil {
		return fmt.Errorf("reopening: %w", err)
	}
	defer s.Close()
	ctx := context.Background()
	for id, rev := range acks.Rev {
		if acks.InFlight[id] {
			continue // checked whole below, if there
		}
		a, err := s.Annotation(ctx, Writer, id)
		if rev == 0 {
			if err == nil {
				return fmt.Errorf("%s: deleted and acknowledged, but there", id)
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: acknowledged at revision %d, then: %w", id, rev, err)
		}
		if a.Revision != rev {
			return fmt.Errorf("%s: acknowledged at revision %d, found %d", id, rev, a.Revision)
		}
	}
	// Nothing torn: every annotation there, acknowledged or not, is whole.
	n := 0
	for a, err := range annotate.All(ctx, s, annotate.Query{Viewer: Writer, Document: Document}) {
		if err != nil {
			return err
		}
		if err := Whole(a); err != nil {
			return err
		}
		n++
	}
	c, err := s.Count(ctx, annotate.Query{Viewer: Writer})
	if err != nil || c != n {
		return fmt.Errorf("count %d (%v), listed %d", c, err, n)
	}
	return nil
}

// KillCount is how many kills a kill test makes: MAISKY_KILLS when set,
// 60 under CI=true, else short (a few) or normal.
func KillCount(short int) int {
	if n, err := strconv.Atoi(os.Getenv("MAISKY_KILLS")); err == nil && n > 0 {
		return n
	}
	if os.Getenv("CI") == "true" {
		return 60
	}
	return short
}
