// Command loadtest measures the print service under load, side by side with
// a Chromium print server, in one run on this machine.
//
//	go run ./scripts/loadtest                      # 32 clients, 60 s each
//	go run ./scripts/loadtest -duration 20s -targets handler
//
// It starts, on 127.0.0.1 only, the export/download handler over the
// bundled volume and a Chromium print server (chromedp, one warm browser, a
// pool of reused tabs) that prints the same pages from HTML, as a Gotenberg
// or puppeteer service would. Then, for each target in turn, -clients
// clients post 10-page print requests (pages 59–68 of the 31 December entry,
// the terms ticked, a different reader's name each time, so that no print
// is answered from a cache) for -duration, and it reports requests/s,
// p50/p99 latency, peak memory (the proportional set size of the server's
// processes: this process for the handler, plus every Chromium process for
// the peer)
// and errors. Last, a burst of -burst simultaneous requests against the
// handler with a small queue shows 503s with Retry-After, never a crash or
// an unbounded queue. Every run is bounded in time and in requests.
package main

import (
	"context"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/maisky-lib/maisky/export/download"
	"github.com/maisky-lib/maisky/maisky"
)

func main() {
	os.Exit(run())
}

type config struct {
	clients     int
	duration    time.Duration
	maxRequests int
	burst       int
	tabs        int
	docID       string
	pages       string
	same        bool
	targets     string
}

func run() int {
	var c config
	file := flag.String("file", "testdata/volume1.json", "the maisky/1 volume `file`")
	flag.IntVar(&c.clients, "clients", 32, "concurrent `clients`")
	flag.DurationVar(&c.duration, "duration", 60*time.Second, "how long each target is loaded (at most 5m)")
	flag.IntVar(&c.maxRequests, "max-requests", 200000, "at most this many requests per target")
	flag.IntVar(&c.burst, "burst", 300, "simultaneous requests of the burst against the handler (0: none)")
	flag.IntVar(&c.tabs, "tabs", 0, "Chromium tabs printing at once (0: 2 × GOMAXPROCS)")
	flag.StringVar(&c.docID, "doc", "maisky-1934-12-31", "the document `id`")
	flag.StringVar(&c.pages, "pages", "59-68", "the page `range` of every print")
	flag.BoolVar(&c.same, "same", false, "every request the same (served from the handler's print cache after the first)")
	flag.StringVar(&c.targets, "targets", "handler,chromium", "what to load: handler, chromium or both, comma separated")
	flag.Parse()
	if c.duration > 5*time.Minute || c.duration <= 0 || c.clients <= 0 || c.clients > 1024 {
		fmt.Fprintln(os.Stderr, "loadtest: -duration must be in (0, 5m] and -clients in [1, 1024]")
		return 2
	}
	if c.tabs <= 0 {
		c.tabs = 2 * runtime.GOMAXPROCS(0)
	}
	f, err := readVolume(*file)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		return 1
	}
	fmt.Printf("loadtest: %d clients, %s per target, POST /print pages %s of %s, GOMAXPROCS=%d, %s\n",
		c.clients, c.duration, c.pages, c.docID, runtime.GOMAXPROCS(0), runtime.Version())
	var results []result
	for _, t := range strings.Split(c.targets, ",") {
		switch strings.TrimSpace(t) {
		case "handler":
			r, err := loadHandler(f, c)
			if err != nil {
				fmt.Fprintln(os.Stderr, "loadtest: handler:", err)
				return 1
			}
			results = append(results, r)
		case "chromium":
			r, err := loadChromium(f, c)
			if err != nil {
				fmt.Fprintln(os.Stderr, "loadtest: chromium:", err)
				return 1
			}
			results = append(results, r)
		default:
			fmt.Fprintf(os.Stderr, "loadtest: unknown target %q\n", t)
			return 2
		}
	}
	report(results)
	if c.burst > 0 && strings.Contains(c.targets, "handler") {
		if err := burst(f, c); err != nil {
			fmt.Fprintln(os.Stderr, "loadtest: burst:", err)
			return 1
		}
	}
	return 0
}

func readVolume(name string) (*maisky.File, error) {
	r, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%w (run from the repository's root or give -file)", err)
	}
	defer r.Close()
	return maisky.Read(r)
}

// serve starts h on 127.0.0.1.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 120 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

func loadHandler(f *maisky.File, c config) (result, error) {
	src, err := download.NewFileSource(f)
	if err != nil {
		return result{}, err
	}
	h, err := download.New(src, download.Options{})
	if err != nil {
		return result{}, err
	}
	base, stop, err := serve(http.StripPrefix("/api", h))
	if err != nil {
		return result{}, err
	}
	defer stop()
	runtime.GC()
	return load("export/download handler", base+"/api/"+url.PathEscape(c.docID)+"/print", c, nil)
}

// result is one target's figures.
type result struct {
	name              string
	ok, errs          int
	codes             map[string]int
	elapsed           time.Duration
	p50, p99, max     time.Duration
	peakRSS           int64
	rssFirst, rssLast int64
	bytes             int64
}

func (r result) rps() float64 { return float64(r.ok) / r.elapsed.Seconds() }

// load runs the clients against target until the duration or the request
// bound is reached, sampling the memory of the server's processes.
func load(name, target string, c config, extraPIDs func() []int) (result, error) {
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.clients, MaxConnsPerHost: c.clients}}
	// Warm up: one request, which must succeed.
	if code, _, err := post(client, target, c, "warm-up"); err != nil || code != 200 {
		return result{}, fmt.Errorf("warm-up request: %d %v", code, err)
	}
	r := result{name: name, codes: map[string]int{}}
	var mu sync.Mutex
	lat := make([]time.Duration, 0, 1<<14)
	var sent atomic.Int64
	deadline := time.Now().Add(c.duration)
	stopSampling := make(chan struct{})
	var samples []int64
	var sampler sync.WaitGroup
	sampler.Add(1)
	go func() {
		defer sampler.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			pids := []int{os.Getpid()}
			if extraPIDs != nil {
				pids = append(pids, extraPIDs()...)
			}
			rss := rssOf(pids)
			mu.Lock()
			samples = append(samples, rss)
			mu.Unlock()
			select {
			case <-stopSampling:
				return
			case <-t.C:
			}
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < c.clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				n := sent.Add(1)
				if n > int64(c.maxRequests) {
					return
				}
				who := "Reader " + strconv.FormatInt(n, 10)
				if c.same {
					who = "Reader"
				}
				t0 := time.Now()
				code, size, err := post(client, target, c, who)
				d := time.Since(t0)
				mu.Lock()
				switch {
				case err != nil:
					r.errs++
					r.codes["transport"]++
				case code != 200:
					r.errs++
					r.codes[strconv.Itoa(code)]++
				default:
					r.ok++
					r.bytes += size
					lat = append(lat, d)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	close(stopSampling)
	sampler.Wait()
	slices.Sort(lat)
	if len(lat) > 0 {
		r.p50 = lat[len(lat)*50/100]
		r.p99 = lat[min(len(lat)-1, len(lat)*99/100)]
		r.max = lat[len(lat)-1]
	}
	for _, s := range samples {
		r.peakRSS = max(r.peakRSS, s)
	}
	if n := len(samples); n >= 10 {
		r.rssFirst = avg(samples[n/10 : n/5])
		r.rssLast = avg(samples[n-n/10:])
	}
	fmt.Printf("  %s: %d ok, %d errors in %.1f s\n", name, r.ok, r.errs, r.elapsed.Seconds())
	return r, nil
}

func avg(s []int64) int64 {
	var t int64
	for _, v := range s {
		t += v
	}
	return t / int64(max(1, len(s)))
}

// post sends one print request and reads the whole answer.
func post(client *http.Client, target string, c config, who string) (int, int64, error) {
	form := url.Values{"pages": {c.pages}, "terms": {"on"}, "name": {who}}
	req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err == nil && res.StatusCode == 200 && res.Header.Get("Content-Type") != "application/pdf" {
		err = errors.New("not a PDF: " + res.Header.Get("Content-Type"))
	}
	return res.StatusCode, n, err
}

// rssOf sums the proportional set size (Pss of /proc/PID/smaps_rollup:
// resident memory, a page shared by n processes counted 1/n in each) of the
// processes, or their VmRSS where Pss cannot be read.
func rssOf(pids []int) int64 {
	var total int64
	for _, pid := range pids {
		if v, ok := procField(pid, "smaps_rollup", "Pss:"); ok {
			total += v
		} else if v, ok := procField(pid, "status", "VmRSS:"); ok {
			total += v
		}
	}
	return total
}

// procField reads a "Name:  123 kB" line of /proc/PID/file, in bytes.
func procField(pid int, file, name string) (int64, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/" + file)
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, name); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb << 10, err == nil
		}
	}
	return 0, false
}

// descendants lists the processes below pid (Chromium's zygote, renderers,
// GPU and utility processes).
func descendants(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	parent := map[int][]int{}
	for _, e := range entries {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 2 {
			continue
		}
		pp, _ := strconv.Atoi(fields[1])
		parent[pp] = append(parent[pp], p)
	}
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, k := range parent[p] {
			out = append(out, k)
			queue = append(queue, k)
		}
	}
	return out
}

func report(rs []result) {
	fmt.Println()
	fmt.Println("| server | requests/s | p50 | p99 | max | peak PSS | PSS 10–20 % → last 10 % of the run | errors |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
	for _, r := range rs {
		errs := strconv.Itoa(r.errs)
		if r.errs > 0 {
			errs += fmt.Sprint(" ", r.codes)
		}
		fmt.Printf("| %s | %.1f | %s | %s | %s | %s | %s → %s | %s |\n", r.name, r.rps(), ms(r.p50), ms(r.p99), ms(r.max),
			mib(r.peakRSS), mib(r.rssFirst), mib(r.rssLast), errs)
	}
	if len(rs) == 2 && rs[1].rps() > 0 {
		fmt.Printf("\nthroughput ratio %s / %s: %.1f×\n", rs[0].name, rs[1].name, rs[0].rps()/rs[1].rps())
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }
func mib(b int64) string        { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

// burst sends c.burst requests at once to a handler with MaxQueue 16 and a
// 1 s queue deadline, and counts the answers.
func burst(f *maisky.File, c config) error {
	src, err := download.NewFileSource(f)
	if err != nil {
		return err
	}
	h, err := download.New(src, download.Options{MaxQueue: 16, QueueWait: time.Second})
	if err != nil {
		return err
	}
	base, stop, err := serve(http.StripPrefix("/api", h))
	if err != nil {
		return err
	}
	defer stop()
	target := base + "/api/" + url.PathEscape(c.docID) + "/print"
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: c.burst, MaxConnsPerHost: c.burst}}
	var mu sync.Mutex
	codes := map[string]int{}
	retryAfter := 0
	start := time.Now()
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := 0; i < c.burst; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			form := url.Values{"pages": {c.pages}, "terms": {"on"}, "name": {"Burst " + strconv.Itoa(i)}}
			req, _ := http.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			res, err := client.Do(req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				codes["transport"]++
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			codes[strconv.Itoa(res.StatusCode)]++
			if res.StatusCode == 503 && res.Header.Get("Retry-After") != "" {
				retryAfter++
			}
		}()
	}
	close(gate)
	wg.Wait()
	fmt.Printf("\nburst: %d simultaneous prints against MaxJobs=%d, MaxQueue=16, QueueWait=1s: %v in %.1f s; %d of the 503s carry Retry-After\n",
		c.burst, runtime.GOMAXPROCS(0), codes, time.Since(start).Seconds(), retryAfter)
	for k := range codes {
		if k != "200" && k != "503" {
			return fmt.Errorf("unexpected answers in the burst: %v", codes)
		}
	}
	return nil
}

// chromium finds Debian's Chromium.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func loadChromium(f *maisky.File, c config) (result, error) {
	exe := chromium()
	if exe == "" {
		return result{}, errors.New("chromium is not installed (apt-get install -y chromium)")
	}
	dir, err := os.MkdirTemp("", "loadtest-chromium-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(dir))
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	if err := chromedp.Do(bctx); err != nil { // the warm browser
		return result{}, err
	}
	ps, err := newChromiumServer(bctx, f, c.tabs)
	if err != nil {
		return result{}, err
	}
	defer ps.close()
	base, stop, err := serve(ps)
	if err != nil {
		return result{}, err
	}
	defer stop()
	self := os.Getpid()
	return load(fmt.Sprintf("Chromium print server (chromedp, 1 warm browser, %d tabs)", c.tabs), base+"/print/"+url.PathEscape(c.docID), c,
		func() []int { return descendants(self) })
}

// chromiumServer prints the same extract from HTML with Chromium: the
// pages' text, their footnotes, a running head and the acceptance line.
type chromiumServer struct {
	file *maisky.File
	tabs chan context.Context
	all  []context.CancelFunc
}

func newChromiumServer(bctx context.Context, f *maisky.File, n int) (*chromiumServer, error) {
	s := &chromiumServer{file: f, tabs: make(chan context.Context, n)}
	for i := 0; i < n; i++ {
		tctx, cancel := chromedp.NewContext(bctx)
		if err := chromedp.Do(tctx, chromedp.Navigate("about:blank")); err != nil {
			cancel()
			s.close()
			return nil, err
		}
		s.all = append(s.all, cancel)
		s.tabs <- tctx
	}
	return s, nil
}

func (s *chromiumServer) close() {
	for _, c := range s.all {
		c()
	}
}

func (s *chromiumServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id, ok := strings.CutPrefix(r.URL.Path, "/print/")
	if r.Method != http.MethodPost || !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("terms") == "" {
		http.Error(w, "terms not accepted", http.StatusBadRequest)
		return
	}
	doc, err := s.file.Document(id)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	rg, err := maisky.ParsePageRange(r.PostForm.Get("pages"))
	if err != nil || rg.Len() > 10 {
		http.Error(w, "bad range", http.StatusBadRequest)
		return
	}
	ext, err := doc.Extract(rg)
	if err != nil {
		http.Error(w, "bad range", http.StatusBadRequest)
		return
	}
	page := printHTML(s.file.Volume, ext, r.PostForm.Get("name"))
	var tab context.Context
	select {
	case tab = <-s.tabs:
	case <-r.Context().Done():
		return
	}
	defer func() { s.tabs <- tab }()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("data:text/html;charset=utf-8;base64,"+base64.StdEncoding.EncodeToString([]byte(page)))); err != nil {
		http.Error(w, "print failed", http.StatusInternalServerError)
		return
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargin(0.79), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		http.Error(w, "print failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Write(pdf)
}
