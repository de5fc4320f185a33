package storeurl_test

// Benchmarks of the three stores side by side, in one run, the memory
// store as the baseline:
//
//	go test -run '^$' -bench . -benchtime 2000x ./annotate/storeurl/
//
// PostgreSQL joins when MAISKY_TEST_POSTGRES names a server (each store
// in a schema of its own, dropped after). Loading the million annotations
// of BenchmarkView takes a minute per store and is not timed.

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/annotate/postgres"
	"github.com/maisky-lib/maisky/annotate/sqlite"
	"github.com/maisky-lib/maisky/annotate/storeurl"
)

// bstore is a store under benchmark, with a way to fill it fast.
type bstore struct {
	name  string
	s     storeurl.Store
	fill  func(n, docs int, allPublic bool) error
	close func()
}

// base is the first annotation's creation time, in microseconds.
const base = int64(1_700_000_000_000_000)

// mkAnnotation is the i-th generated annotation, as the SQL generators
// make it: 60% private, 20% shared with one of 50 groups, 20% public
// (all public with allPublic), by one of 1,000 readers.
func mkAnnotation(i, docs int, allPublic bool) *annotate.Annotation {
	a := &annotate.Annotation{
		ID: "urn:b:" + strconv.Itoa(i), Document: "doc" + strconv.Itoa(i%docs), Creator: "u" + strconv.Itoa(i%1000),
		Created: time.UnixMicro(base + int64(i)).UTC(), Body: "note " + strconv.Itoa(i), Visibility: annotate.Public,
	}
	if !allPublic {
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5:
			a.Visibility = annotate.Private
		case 6, 7:
			a.Visibility, a.Group = annotate.GroupOnly, "g"+strconv.Itoa(i%50)
		}
	}
	return a
}

// genSQL inserts n generated annotations (those of mkAnnotation) in one
// statement; FROM is the row source of i, BYTES converts text.
func genSQL(n, docs int, allPublic bool, from, bytes string) string {
	vis, grp := "2", "''"
	if !allPublic {
		vis = "CASE WHEN i % 10 < 6 THEN 0 WHEN i % 10 < 8 THEN 1 ELSE 2 END"
		grp = "CASE WHEN i % 10 IN (6, 7) THEN 'g' || (i % 50) ELSE '' END"
	}
	return fmt.Sprintf(from, n) + ` INSERT INTO annotations (id, document, version, creator, created, modified, motivation, body, tags,
		quote_exact, quote_prefix, quote_suffix, start_pos, end_pos, page_first, page_last, orphaned, reply_to, visibility, grp, moderation, revision)
		SELECT 'urn:b:' || i, 'doc' || (i % ` + strconv.Itoa(docs) + `), 1, 'u' || (i % 1000), ` + strconv.FormatInt(base, 10) + ` + i, ` + strconv.FormatInt(base, 10) + ` + i, 0,
		` + fmt.Sprintf(bytes, "'note ' || i") + `, '[]', ` + fmt.Sprintf(bytes, "''") + `, ` + fmt.Sprintf(bytes, "''") + `, ` + fmt.Sprintf(bytes, "''") + `,
		0, 0, 0, 0, 0, NULL, ` + vis + `, ` + grp + `, 0, 1 FROM n`
}

func stores(b *testing.B) []*bstore {
	b.Helper()
	ctx := context.Background()
	var out []*bstore

	m, _ := storeurl.Open(ctx, "memory:", storeurl.Options{})
	out = append(out, &bstore{name: "memory", s: m, close: func() { m.Close() }, fill: func(n, docs int, pub bool) error {
		const batch = 10000
		for i := 0; i < n; i += batch {
			as := make([]*annotate.Annotation, 0, batch)
			for j := i; j < min(n, i+batch); j++ {
				as = append(as, mkAnnotation(j, docs, pub))
			}
			if err := m.ImportAll(ctx, as); err != nil {
				return err
			}
		}
		return nil
	}})

	dir := b.TempDir()
	path := filepath.Join(dir, "bench.db")
	sl, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		b.Fatal(err)
	}
	out = append(out, &bstore{name: "sqlite", s: sl, close: func() { sl.Close() }, fill: func(n, docs int, pub bool) error {
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
		if err != nil {
			return err
		}
		defer db.Close()
		if _, err := db.Exec(genSQL(n, docs, pub, "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d - 1)", "CAST(%s AS BLOB)")); err != nil {
			return err
		}
		_, err = db.Exec("ANALYZE")
		return err
	}})

	if base := os.Getenv("MAISKY_TEST_POSTGRES"); base != "" {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			b.Fatal(err)
		}
		schema := fmt.Sprintf("bench_%d_%d", os.Getpid(), time.Now().UnixNano())
		if _, err := c.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			b.Fatal(err)
		}
		u, _ := url.Parse(base)
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		pg, err := postgres.Open(ctx, u.String(), postgres.Options{})
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, &bstore{name: "postgres", s: pg, close: func() {
			pg.Close()
			_, _ = c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			c.Close(ctx)
		}, fill: func(n, docs int, pub bool) error {
			if _, err := c.Exec(ctx, "SET search_path = "+schema); err != nil {
				return err
			}
			if _, err := c.Exec(ctx, genSQL(n, docs, pub, "WITH n(i) AS (SELECT generate_series(0, %d - 1))", "convert_to(%s, 'UTF8')")); err != nil {
				return err
			}
			_, err := c.Exec(ctx, "ANALYZE")
			return err
		}})
	} else {
		b.Log("PostgreSQL left out: set MAISKY_TEST_POSTGRES to a postgres:// URL")
	}
	b.Cleanup(func() {
		for _, s := range out {
			s.done()
		}
	})
	return out
}

// done closes the store and lets the garbage collector have it, so that
// the next store is not measured with the last one's heap.
func (s *bstore) done() {
	if s.close != nil {
		s.close()
	}
	*s = bstore{name: s.name}
	runtime.GC()
}

// BenchmarkInsert: annotations added one at a time (Add, each its own
// transaction, synced to disk) and in bulk (ImportAll, 1,000 per
// transaction); ns/op is per annotation.
func BenchmarkInsert(b *testing.B) {
	ctx := context.Background()
	for _, s := range stores(b) {
		v := annotate.Viewer{User: "alice"}
		b.Run(s.name+"/one", func(b *testing.B) {
			b.ReportAllocs()
			for i := range b.N {
				a := &annotate.Annotation{Document: "doc" + strconv.Itoa(i%100), Body: "a note on the passage", Tags: []string{"Litvinov"}, Visibility: annotate.Public}
				if _, err := s.s.Add(ctx, v, a); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(s.name+"/bulk", func(b *testing.B) {
			b.ReportAllocs()
			const batch = 1000
			as := make([]*annotate.Annotation, 0, batch)
			for i := range b.N {
				as = append(as, &annotate.Annotation{Document: "doc" + strconv.Itoa(i%100), Creator: "bob", Body: "an imported note", Tags: []string{"Litvinov"}})
				if len(as) == batch || i == b.N-1 {
					if err := s.s.ImportAll(ctx, as); err != nil {
						b.Fatal(err)
					}
					as = as[:0]
				}
			}
		})
	}
}

// BenchmarkView: the annotations of one document that one reader may see
// (a page of up to 1,000: their own, their groups', the public ones),
// from a store of 1,000,000 annotations on 1,000 documents, after 1,000
// queries that warm it up; reports the 50th and 99th percentile latency.
// Each store is closed and collected before the next is loaded.
func BenchmarkView(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("MAISKY_BENCH_ANNOTATIONS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ctx := context.Background()
	for _, s := range stores(b) {
		start := time.Now()
		if err := s.fill(n, 1000, false); err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: %d annotations loaded in %v", s.name, n, time.Since(start).Round(time.Millisecond))
		// Warm up (caches, connections), as a service is.
		for i := range 1000 {
			if _, err := s.s.Query(ctx, annotate.Query{Viewer: annotate.Viewer{User: "u1"}, Document: "doc" + strconv.Itoa(i%1000)}); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			lat := make([]time.Duration, 0, b.N)
			seen := 0
			for i := range b.N {
				u := (i * 7919) % 1000
				v := annotate.Viewer{User: "u" + strconv.Itoa(u), Groups: []string{"g" + strconv.Itoa(u%50), "g" + strconv.Itoa((u+1)%50)}}
				q := annotate.Query{Viewer: v, Document: "doc" + strconv.Itoa((i*104729)%1000), Limit: annotate.MaxLimit}
				t := time.Now()
				res, err := s.s.Query(ctx, q)
				lat = append(lat, time.Since(t))
				if err != nil {
					b.Fatal(err)
				}
				seen += len(res.Annotations)
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(seen)/float64(b.N), "annotations/op")
		})
		s.done()
	}
}

// BenchmarkExport: 100,000 annotations streamed from each store as a W3C
// JSON-LD collection (annotate.WriteJSONLD, page by page); ns/op is the
// whole export.
func BenchmarkExport(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	for _, s := range stores(b) {
		if err := s.fill(n, 100, true); err != nil {
			b.Fatal(err)
		}
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				w := &countWriter{}
				if err := annotate.WriteJSONLD(ctx, w, s.s, annotate.Query{Limit: annotate.MaxLimit}, annotate.JSONLDOptions{}); err != nil {
					b.Fatal(err)
				}
				if w.n < n*100 {
					b.Fatalf("exported %d bytes", w.n)
				}
			}
		})
		s.done()
	}
}

type countWriter struct{ n int64 }

func (w *countWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)
