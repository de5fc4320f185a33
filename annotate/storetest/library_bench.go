package storetest

import (
	"context"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/maisky-lib/maisky/annotate"
	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/maisky"
)

// Library benchmark sizes: a reader with BenchFolders folders (ten top
// folders of nine subfolders each) and BenchItems saved items, spread
// evenly.
const (
	BenchFolders = 100
	BenchItems   = 10000
)

// LibraryFixture is a reader's library made by FillLibrary.
type LibraryFixture struct {
	Viewer  annotate.Viewer
	Top     []string // the ten top folders
	Folders []string // all of them
	Items   []string
}

// FillLibrary gives reader "bench" BenchFolders folders and BenchItems
// items saving the documents docs (round robin, every third as a page
// range).
func FillLibrary(tb testing.TB, s LibraryStore, docs []string) *LibraryFixture {
	tb.Helper()
	ctx := context.Background()
	fx := &LibraryFixture{Viewer: annotate.Viewer{User: "bench"}}
	for i := range BenchFolders / 10 {
		top, err := s.CreateFolder(ctx, fx.Viewer, annotate.Folder{Name: "Folder " + strconv.Itoa(i)})
		if err != nil {
			tb.Fatal(err)
		}
		fx.Top = append(fx.Top, top.ID)
		fx.Folders = append(fx.Folders, top.ID)
		for j := range 9 {
			sub, err := s.CreateFolder(ctx, fx.Viewer, annotate.Folder{Name: "Subfolder " + strconv.Itoa(j), Parent: top.ID})
			if err != nil {
				tb.Fatal(err)
			}
			fx.Folders = append(fx.Folders, sub.ID)
		}
	}
	for i := range BenchItems {
		it := annotate.Item{Folder: fx.Folders[i%len(fx.Folders)], Document: docs[i%len(docs)]}
		if i%3 == 0 {
			it.Pages = maisky.PageRange{First: 60, Last: 61}
		}
		got, err := s.Save(ctx, fx.Viewer, it)
		if err != nil {
			tb.Fatal(err)
		}
		fx.Items = append(fx.Items, got.ID)
	}
	return fx
}

// BenchLibrary runs the library operations on a filled store as
// sub-benchmarks and reports each one's p50 and p99 latency
// ("p50-ns" and "p99-ns" per operation) beside ns/op:
//
//   - Folders: list the reader's 100 folders;
//   - Items: list one folder's 100 items;
//   - MoveItem: move a random item into a random folder at a random place;
//   - MoveFolder: move a subfolder under another top folder;
//   - ExportBibliography: a top folder with its subfolders (1,000 items)
//     as a Chicago bibliography;
//   - ExportCSLJSON: the same as CSL-JSON.
func BenchLibrary(b *testing.B, s LibraryStore, fx *LibraryFixture, src annotate.DocumentSource) {
	ctx := context.Background()
	v := fx.Viewer
	rng := rand.New(rand.NewPCG(100, 10000))
	var subs []string
	for _, f := range fx.Folders {
		if !slices.Contains(fx.Top, f) {
			subs = append(subs, f)
		}
	}
	ops := []struct {
		name string
		fn   func() error
	}{
		{"Folders", func() error {
			fs, err := s.Folders(ctx, v, "")
			if err == nil && len(fs) != BenchFolders {
				b.Fatalf("%d folders", len(fs))
			}
			return err
		}},
		{"Items", func() error {
			_, err := s.Items(ctx, v, annotate.ItemQuery{Folder: fx.Folders[rng.IntN(len(fx.Folders))]})
			return err
		}},
		{"MoveItem", func() error {
			_, err := s.MoveItem(ctx, v, fx.Items[rng.IntN(len(fx.Items))], fx.Folders[rng.IntN(len(fx.Folders))], rng.IntN(120))
			return err
		}},
		{"MoveFolder", func() error {
			_, err := s.MoveFolder(ctx, v, subs[rng.IntN(len(subs))], fx.Top[rng.IntN(len(fx.Top))], rng.IntN(12))
			return err
		}},
		{"ExportBibliography", func() error {
			return annotate.WriteFolderBibliography(ctx, io.Discard, s, src, v, fx.Top[rng.IntN(len(fx.Top))],
				annotate.BibliographyOptions{Style: cite.ChicagoNotes, FolderOptions: annotate.FolderOptions{Subfolders: true}})
		}},
		{"ExportCSLJSON", func() error {
			return annotate.WriteFolderCSLJSON(ctx, io.Discard, s, src, v, fx.Top[rng.IntN(len(fx.Top))], cite.Options{}, annotate.FolderOptions{Subfolders: true})
		}},
	}
	for _, op := range ops {
		b.Run(op.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				t0 := time.Now()
				if err := op.fn(); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)/2].Nanoseconds()), "p50-ns")
				b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Nanoseconds()), "p99-ns")
			}
		})
	}
}
