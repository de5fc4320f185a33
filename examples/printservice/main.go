// Command printservice is a small print and download service over a volume
// of the archive: one reading page per document, as the archive shows it
// (the text with its footnotes and page markers, the print dialog, Cite and
// Export), and the download API of package export/download under /api/.
//
//	go run ./examples/printservice                # http://127.0.0.1:8080/
//	go run ./examples/printservice -addr 127.0.0.1:9000 -file testdata/volume1.json
//
// It listens on the loopback interface only; the pages use no external
// assets and are served under a strict Content-Security-Policy.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/maisky-lib/maisky/maisky"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("printservice", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "the `address` to listen on (loopback only)")
	file := fs.String("file", "testdata/volume1.json", "the maisky/1 volume `file` to serve")
	terms := fs.String("terms-version", "2024-05", "the `version` of the terms the print dialog shows")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !isLoopback(host) {
		fmt.Fprintf(stderr, "printservice: -addr %q: listen on 127.0.0.1 (or ::1) only\n", *addr)
		return 2
	}
	f, err := readVolume(*file)
	if err != nil {
		fmt.Fprintf(stderr, "printservice: %v (run it from the repository's root, or give -file)\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv, err := newServer(f, config{TermsVersion: *terms, Log: logger})
	if err != nil {
		fmt.Fprintf(stderr, "printservice: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "printservice: %v\n", err)
		return 1
	}
	hs := newHTTPServer(srv)
	fmt.Fprintf(stdout, "printservice: serving %s on http://%s/\n", f.Volume.FullTitle(), ln.Addr())
	if d := longest(f.Documents); d != nil {
		fmt.Fprintf(stdout, "printservice: open http://%s/doc/%s\n", ln.Addr(), url.PathEscape(d.ID))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "printservice: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		fmt.Fprintf(stderr, "printservice: %v\n", err)
		return 1
	}
	return 0
}

// newHTTPServer bounds every connection: header, body and answer times,
// header size.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

// longest returns the document with the most print pages, the one whose
// print dialog shows the most.
func longest(docs []*maisky.Document) *maisky.Document {
	var best *maisky.Document
	n := -1
	for _, d := range docs {
		if span, ok := d.PageSpan(); ok && span.Len() > n {
			best, n = d, span.Len()
		}
	}
	return best
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func readVolume(name string) (*maisky.File, error) {
	r, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	f, err := maisky.Read(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if f.Volume == nil {
		return nil, fmt.Errorf("%s is a single document; the service wants a volume file", name)
	}
	return f, nil
}
