package postgres_test

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/postgres"
	"github.com/maisky-lib/maisky/annotate/storetest"
)

// server returns the URL of the test server, or skips.
func server(t testing.TB) string {
	t.Helper()
	u := os.Getenv("MAISKY_TEST_POSTGRES")
	if u == "" {
		t.Skip("no PostgreSQL server: set MAISKY_TEST_POSTGRES to a postgres:// URL (scripts/check-postgres starts one)")
	}
	return u
}

var schemas atomic.Int64

// freshURL creates an empty schema for one test and returns the URL of
// the server with it as search_path; the schema is dropped at cleanup.
func freshURL(t testing.TB) string {
	t.Helper()
	base := server(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect %s: %v", base, err)
	}
	defer c.Close(ctx)
	name := fmt.Sprintf("t_%d_%d_%d", os.Getpid(), time.Now().UnixNano(), schemas.Add(1))
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		_, _ = c.Exec(ctx, "DROP SCHEMA "+name+" CASCADE")
	})
	return withParam(t, base, "search_path", name)
}

func withParam(t testing.TB, base, k, v string) string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("MAISKY_TEST_POSTGRES is not a URL: %v", err)
	}
	q := u.Query()
	q.Set(k, v)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(t testing.TB, u string, opts postgres.Options) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), u, opts)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	server(t)
	storetest.Run(t, func(t *testing.T) annotate.Store {
		return open(t, freshURL(t), postgres.Options{})
	})
}
