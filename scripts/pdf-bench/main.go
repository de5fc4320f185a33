// Command pdf-bench compares package export/pdf with headless Chromium
// printing the same pages as HTML, side by side in one run: in-process time
// and memory per extract, fpdf's floor (the package's BenchmarkFloor: an
// empty 10-page document with the same fonts) beside BenchmarkWrite, the
// whole `maisky pdf` command as a process,
// Chromium cold (a fresh process per print, as ../shared/tools/pdf/time-pdf.sh
// runs it) and warm (one browser kept alive, driven over the DevTools
// protocol), and the sizes of the files.
//
//	go run ./scripts/pdf-bench [-runs 5] [-warm 20] [-out DIR]
//	go run ./scripts/pdf-bench sample IN.json OUT.pdf   # time-pdf.sh's FPDF_CMD
//
// The extracts are 31 December, pages 59–68 (10 pages, 24 notes), and the
// shared tools' invented 10-page sample (sample-content.json), which this
// command turns into a document of 10 print pages.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"github.com/maisky-lib/maisky/cite"
	"github.com/maisky-lib/maisky/export/pdf"
	"github.com/maisky-lib/maisky/maisky"
)

var acceptance = pdf.Acceptance{By: "Ada Lovelace", At: time.Date(2026, 11, 21, 14, 5, 0, 0, time.UTC), TermsVersion: "2024-05"}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "sample" {
		if len(os.Args) != 4 {
			fatal(errors.New("usage: pdf-bench sample IN.json OUT.pdf"))
		}
		doc, err := sampleDocument(os.Args[2])
		if err != nil {
			fatal(err)
		}
		var b bytes.Buffer
		if err := pdf.Write(&b, doc, pdf.Request{Pages: maisky.PageRange{First: 1, Last: 10}, Acceptance: acceptance}, pdf.Options{}); err != nil {
			fatal(err)
		}
		if err := os.WriteFile(os.Args[3], b.Bytes(), 0o644); err != nil {
			fatal(err)
		}
		return
	}
	root, _ := os.Getwd()
	shared := filepath.Join(root, "..", "shared", "tools", "pdf")
	runs := flag.Int("runs", 5, "cold Chromium runs")
	warm := flag.Int("warm", 20, "warm Chromium prints")
	outDir := flag.String("out", "", "directory for the PDFs and HTML (default: a temporary one)")
	chromium := flag.String("chromium", "chromium", "the Chromium binary")
	flag.Parse()
	dir := *outDir
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "pdf-bench"); err != nil {
			fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fatal(err)
	}
	fmt.Printf("machine: %d cores, %s/%s, %s\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())

	// 31 December, pages 59–68.
	f, err := os.Open("testdata/volume1.json")
	if err != nil {
		fatal(err)
	}
	file, err := maisky.Read(f)
	f.Close()
	if err != nil {
		fatal(err)
	}
	dec31, err := file.Document("maisky-1934-12-31")
	if err != nil {
		fatal(err)
	}
	r := maisky.PageRange{First: 59, Last: 68}
	opts := pdf.Options{Volume: file.Volume}
	// Chromium sets the same face, Liberation Serif, from the same files.
	for name, data := range map[string][]byte{"serif-regular.ttf": liberationserifregular.TTF, "serif-italic.ttf": liberationserifitalic.TTF, "serif-bold.ttf": liberationserifbold.TTF} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fatal(err)
		}
	}
	page, err := extractHTML(dec31, file.Volume, r)
	if err != nil {
		fatal(err)
	}
	jobs := []job{{name: "31 December 59–68", doc: dec31, r: r, opts: opts, html: filepath.Join(dir, "dec31-59-68.html")}}
	if err := os.WriteFile(jobs[0].html, page, 0o644); err != nil {
		fatal(err)
	}
	if sample, err := sampleDocument(filepath.Join(shared, "sample-content.json")); err == nil {
		jobs = append(jobs, job{name: "shared sample (10 pages)", doc: sample, r: maisky.PageRange{First: 1, Last: 10}, html: filepath.Join(shared, "sample-10p.html")})
	} else {
		fmt.Println("no shared sample:", err)
	}

	// In-process first, with no browser running beside it.
	type result struct {
		oursMs            float64
		oursBytes         int
		res               testing.BenchmarkResult
		coldMs, warmMs    float64
		coldBytes, cPages int
		coldErr, warmErr  error
		oursPages         int
		cpuMs             float64
	}
	results := make([]result, len(jobs))
	for i, j := range jobs {
		var b bytes.Buffer
		if err := pdf.Write(&b, j.doc, pdf.Request{Pages: j.r, Acceptance: acceptance}, j.opts); err != nil {
			fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, slug(j.name)+"-maisky.pdf"), b.Bytes(), 0o644); err != nil {
			fatal(err)
		}
		var cpu int64
		res := testing.Benchmark(func(tb *testing.B) {
			tb.ReportAllocs()
			cpu0 := cpuTime()
			defer func() { cpu = cpuTime() - cpu0 }()
			for tb.Loop() {
				if err := pdf.Write(io.Discard, j.doc, pdf.Request{Pages: j.r, Acceptance: acceptance}, j.opts); err != nil {
					tb.Fatal(err)
				}
			}
		})
		results[i] = result{oursMs: float64(res.NsPerOp()) / 1e6, oursBytes: b.Len(), res: res, oursPages: pages(b.Bytes())}
		// With b.Loop the function runs once, for all N operations.
		results[i].cpuMs = float64(cpu) / 1e6 / float64(max(res.N, 1))
	}
	// fpdf's floor, side by side with ours in the same run: the package's
	// benchmarks (an empty 10-page document with the same fonts).
	fmt.Println("\n== go test -bench of export/pdf (BenchmarkFloor is fpdf's floor)")
	// Interleaved runs, so that the load of a shared machine falls on both
	// alike; CPU time per operation beside the wall clock.
	testBin := filepath.Join(dir, "pdf.test")
	if out, err := exec.Command("go", "test", "-c", "-o", testBin, "./export/pdf").CombinedOutput(); err != nil {
		fatal(fmt.Errorf("go test -c: %v: %s", err, out))
	}
	var benchOut strings.Builder
	for range 5 {
		bench := exec.Command(testBin, "-test.run", "^$", "-test.bench", "^(BenchmarkWrite|BenchmarkFloor|BenchmarkFloorSubset|BenchmarkLayout)$", "-test.benchmem", "-test.benchtime", "30x")
		bench.Dir = "export/pdf"
		out, err := bench.CombinedOutput()
		if err != nil {
			fatal(fmt.Errorf("benchmarks: %v: %s", err, out))
		}
		benchOut.Write(out)
	}
	for _, l := range strings.Split(benchOut.String(), "\n") {
		if strings.HasPrefix(l, "Benchmark") {
			fmt.Println(l)
		}
	}
	floorMs, writeMs := medianBench(benchOut.String(), "BenchmarkFloor", "ns/op"), medianBench(benchOut.String(), "BenchmarkWrite", "ns/op")
	floorCPU, writeCPU := medianBench(benchOut.String(), "BenchmarkFloor", "cpu-ns/op"), medianBench(benchOut.String(), "BenchmarkWrite", "cpu-ns/op")
	fmt.Printf("median wall: Write %.2f ms, floor %.2f ms: %.2f ms above fpdf's floor\n", writeMs, floorMs, writeMs-floorMs)
	fmt.Printf("median CPU:  Write %.2f ms, floor %.2f ms: %.2f ms above fpdf's floor\n", writeCPU, floorCPU, writeCPU-floorCPU)
	subCPU := medianBench(benchOut.String(), "BenchmarkFloorSubset", "cpu-ns/op")
	fmt.Printf("median CPU:  floor with the fonts cut as Write cuts them %.2f ms: Write is %.2f ms above it\n", subCPU, writeCPU-subCPU)

	// The whole command, as a print service that runs it per request.
	cmdMs := 0.0
	cmdBytes := 0
	bin := filepath.Join(dir, "maisky")
	if out, err := exec.Command("go", "build", "-o", bin, "./examples/maisky").CombinedOutput(); err != nil {
		fmt.Println("go build:", err, string(out))
	} else {
		var ms []float64
		out := filepath.Join(dir, "command.pdf")
		for range max(*runs, 5) {
			os.Remove(out)
			t0 := time.Now()
			c := exec.Command(bin, "pdf", "-pages", "59-68", "-accept-terms", "-by", acceptance.By, "-terms-version", acceptance.TermsVersion,
				"-date", "2026-11-21", "-doc", "maisky-1934-12-31", "-o", out, "testdata/volume1.json")
			if b, err := c.CombinedOutput(); err != nil {
				fmt.Println("maisky pdf:", err, string(b))
				break
			}
			ms = append(ms, float64(time.Since(t0).Microseconds())/1000)
		}
		cmdMs = median(ms)
		if b, err := os.ReadFile(out); err == nil {
			cmdBytes = len(b)
		}
		fmt.Printf("whole command (maisky pdf, 31 December 59–68): median %.1f ms over %d runs, %d bytes\n", cmdMs, len(ms), cmdBytes)
	}

	_, lookErr := exec.LookPath(*chromium)
	if lookErr == nil {
		for i, j := range jobs {
			var cpdf []byte
			results[i].coldMs, cpdf, results[i].coldErr = chromiumCold(*chromium, j.html, filepath.Join(dir, slug(j.name)+"-chromium.pdf"), *runs)
			results[i].coldBytes, results[i].cPages = len(cpdf), pages(cpdf)
		}
		if *warm > 0 {
			browser, err := startChromium(*chromium)
			if err != nil {
				for i := range results {
					results[i].warmErr = err
				}
			} else {
				for i, j := range jobs {
					var wpdf []byte
					results[i].warmMs, wpdf, results[i].warmErr = browser.timePrints(j.html, *warm)
					_ = os.WriteFile(filepath.Join(dir, slug(j.name)+"-chromium-warm.pdf"), wpdf, 0o644)
				}
				browser.close()
			}
		}
	}
	for i, j := range jobs {
		r := results[i]
		fmt.Printf("\n== %s\n", j.name)
		fmt.Printf("export/pdf in process: %d ns/op (%.2f ms wall, about %.2f ms CPU), %d B/op, %d allocs/op, %d pages, %d bytes\n",
			r.res.NsPerOp(), r.oursMs, r.cpuMs, r.res.AllocedBytesPerOp(), r.res.AllocsPerOp(), r.oursPages, r.oursBytes)
		if lookErr != nil {
			fmt.Println("chromium not found; apt-get install -y chromium")
			continue
		}
		if r.coldErr != nil {
			fmt.Println("chromium cold:", r.coldErr)
			continue
		}
		fmt.Printf("chromium cold: median %.0f ms over %d runs, %d pages, %d bytes\n", r.coldMs, *runs, r.cPages, r.coldBytes)
		if r.warmErr != nil {
			fmt.Println("chromium warm:", r.warmErr)
		} else if *warm > 0 {
			fmt.Printf("chromium warm: median %.1f ms over %d prints (navigate + print)\n", r.warmMs, *warm)
			fmt.Printf("ratio warm chromium / export/pdf: %.1fx\n", r.warmMs/r.oursMs)
		}
		fmt.Printf("ratio cold chromium / export/pdf: %.0fx\n", r.coldMs/r.oursMs)
		if i == 0 && cmdMs > 0 {
			fmt.Printf("ratio cold chromium / whole maisky command: %.1fx\n", r.coldMs/cmdMs)
			if r.warmMs > 0 {
				fmt.Printf("ratio warm chromium / whole maisky command: %.1fx\n", r.warmMs/cmdMs)
			}
		}
		fmt.Printf("size export/pdf / chromium: %.0f%%\n", 100*float64(r.oursBytes)/float64(r.coldBytes))
	}
	fmt.Println("\noutputs in", dir)
}

type job struct {
	name string
	doc  *maisky.Document
	r    maisky.PageRange
	opts pdf.Options
	html string
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "pdf-bench:", err)
	os.Exit(1)
}

func slug(s string) string {
	s = strings.ToLower(s)
	s = regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(s, "-")
	return strings.Trim(s, "-")
}

var pageRE = regexp.MustCompile(`/Type\s*/Page[^s]`)

func pages(b []byte) int { return len(pageRE.FindAll(b, -1)) }

func median(xs []float64) float64 {
	slices.Sort(xs)
	if len(xs) == 0 {
		return 0
	}
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}

// chromiumCold prints the HTML with a fresh Chromium process and profile per
// run, with the flags of time-pdf.sh.
func chromiumCold(bin, htmlPath, out string, runs int) (float64, []byte, error) {
	var ms []float64
	for range runs {
		prof, err := os.MkdirTemp("", "chromium-prof")
		if err != nil {
			return 0, nil, err
		}
		t0 := time.Now()
		cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--no-pdf-header-footer", "--user-data-dir="+prof, "--print-to-pdf="+out, "file://"+htmlPath)
		err = cmd.Run()
		ms = append(ms, float64(time.Since(t0).Microseconds())/1000)
		os.RemoveAll(prof)
		if err != nil {
			return 0, nil, err
		}
	}
	b, err := os.ReadFile(out)
	return median(ms), b, err
}

// extractHTML writes the pages of a document as HTML for Chromium: each print
// page a section that ends with its notes and its footer (Chromium has no
// CSS footnotes), then a page break. The footer citation comes from cite.
func extractHTML(doc *maisky.Document, vol *maisky.Volume, r maisky.PageRange) ([]byte, error) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>` + html.EscapeString(doc.Title) + `</title>
<style>
@font-face { font-family: "Book"; src: url("serif-regular.ttf"); }
@font-face { font-family: "Book"; src: url("serif-italic.ttf"); font-style: italic; }
@font-face { font-family: "Book"; src: url("serif-bold.ttf"); font-weight: bold; }
@page { size: A4; margin: 18mm 25.4mm 12mm 25.4mm; }
html { font-family: "Book", serif; hyphens: auto; font-size: 10.5pt; line-height: 14pt; }
section { break-after: page; }
.head { font-size: 8.5pt; display: flex; justify-content: space-between; border-bottom: 0.4pt solid #000; margin-bottom: 8pt; }
h1 { font-size: 12.5pt; text-align: center; margin: 6pt 0; }
h2 { font-size: 10.5pt; margin: 8pt 0 3pt 0; }
p { margin: 0; text-align: justify; text-indent: 15pt; }
p.cont, h1 + p, h2 + p { text-indent: 0; }
.comm { font-size: 9.5pt; line-height: 12.5pt; margin: 6pt 22pt; text-align: justify; }
sup { font-size: 62%; line-height: 0; }
ol.notes { font-size: 8.5pt; line-height: 10.5pt; list-style: none; padding: 6pt 0 0 0; margin: 12pt 0 0 0; border-top: 0.5pt solid #000; width: 100%; }
ol.notes li { margin-top: 1.5pt; text-align: justify; }
footer { font-size: 7.5pt; line-height: 9pt; border-top: 0.4pt solid #000; margin-top: 10pt; padding-top: 3pt; }
footer .acc { font-size: 7pt; }
</style></head><body>
`)
	acc := "Printed for " + acceptance.By + ", who accepted the terms and conditions governing print and download of material from this archive (terms version " +
		acceptance.TermsVersion + ") on 21 November 2026, 14:05 UTC."
	item, err := cite.FromDocument(doc, vol, cite.Options{})
	if err != nil {
		return nil, err
	}
	for _, p := range doc.Pages() {
		if !r.Contains(p.Number) {
			continue
		}
		fmt.Fprintf(&b, "<section><div class=head><span><i>%s</i> · %s</span><span>%d</span></div>\n",
			html.EscapeString(vol.FullTitle()), html.EscapeString(doc.Title), p.Number)
		var prev maisky.Block
		for _, blk := range p.Blocks {
			switch blk := blk.(type) {
			case *maisky.Heading:
				fmt.Fprintf(&b, "<h%d>%s</h%d>\n", min(max(blk.Level, 1), 2), inlineHTML(blk.Content, p.Footnotes), min(max(blk.Level, 1), 2))
			case *maisky.Paragraph:
				cls := ""
				if blk.Continued {
					cls = " class=cont"
				}
				fmt.Fprintf(&b, "<p%s>%s</p>\n", cls, inlineHTML(blk.Content, p.Footnotes))
			case *maisky.Commentary:
				fmt.Fprintf(&b, "<div class=comm>%s</div>\n", inlineHTML(blk.Content, p.Footnotes))
			}
			prev = blk
		}
		_ = prev
		if len(p.Footnotes) > 0 {
			b.WriteString("<ol class=notes>")
			for _, f := range p.Footnotes {
				fmt.Fprintf(&b, "<li>%d %s</li>", f.Number, inlineHTML(f.Content, nil))
			}
			b.WriteString("</ol>\n")
		}
		c, err := cite.Format(&item, cite.ChicagoNotes, cite.First, cite.Locator{Value: strconv.Itoa(p.Number)})
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&b, "<footer><div>%s</div><div class=acc>%s</div></footer></section>\n", c.HTML(), html.EscapeString(acc))
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String()), nil
}

func inlineHTML(content []maisky.Inline, notes []*maisky.Footnote) string {
	var b strings.Builder
	for _, in := range content {
		switch in := in.(type) {
		case *maisky.Text:
			b.WriteString(html.EscapeString(in.Value))
		case *maisky.Emphasis:
			b.WriteString("<i>" + inlineHTML(in.Content, nil) + "</i>")
		case *maisky.NoteRef:
			for _, f := range notes {
				if f.ID == in.ID {
					fmt.Fprintf(&b, "<sup>%d</sup>", f.Number)
				}
			}
		}
	}
	return b.String()
}

// sampleDocument turns the shared tools' sample (entries of headings and
// paragraphs, each with the number of its note in the entry, or null) into one document of 10 print pages, cut
// where the sample's HTML puts about a tenth of its words.
func sampleDocument(path string) (*maisky.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s struct {
		Title   string `json:"title"`
		Entries []struct {
			Heading    string            `json:"heading"`
			Paragraphs []sampleParagraph `json:"paragraphs"`
			Notes      []string          `json:"notes"`
		} `json:"entries"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, err
	}
	total := 0
	for _, e := range s.Entries {
		for _, p := range e.Paragraphs {
			total += len(strings.Fields(p.Text))
		}
	}
	per := total/10 + 1
	v := &maisky.Version{Kind: maisky.Translation, Lang: "en"}
	words, page, n := 0, 1, 0
	v.Blocks = append(v.Blocks, &maisky.Heading{Level: 1, Content: []maisky.Inline{&maisky.PageBreak{Page: 1}, &maisky.Text{Value: s.Title}}})
	for _, e := range s.Entries {
		v.Blocks = append(v.Blocks, &maisky.Heading{Level: 2, Content: []maisky.Inline{&maisky.Text{Value: e.Heading}}})
		for _, p := range e.Paragraphs {
			var content []maisky.Inline
			if words >= page*per && page < 10 {
				page++
				content = append(content, &maisky.PageBreak{Page: page})
			}
			words += len(strings.Fields(p.Text))
			content = append(content, &maisky.Text{Value: p.Text})
			if p.Note != nil && *p.Note >= 1 && *p.Note <= len(e.Notes) {
				n++
				id := "n" + strconv.Itoa(n)
				text := e.Notes[*p.Note-1]
				if i := strings.Index(text, ". "); i >= 0 && i < 4 {
					text = text[i+2:]
				}
				content = append(content, &maisky.NoteRef{ID: id})
				v.Footnotes = append(v.Footnotes, &maisky.Footnote{ID: id, Number: n, Content: []maisky.Inline{&maisky.Text{Value: text}}})
			}
			v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: content})
		}
	}
	for page < 10 { // a short sample still gives 10 pages
		page++
		v.Blocks = append(v.Blocks, &maisky.Paragraph{Content: []maisky.Inline{&maisky.PageBreak{Page: page}, &maisky.Text{Value: "…"}}})
	}
	return &maisky.Document{ID: "sample", Title: s.Title, Versions: []*maisky.Version{v}}, nil
}

// cdp is a Chromium kept alive, driven over the DevTools protocol through a
// minimal WebSocket client.
type cdp struct {
	cmd     *exec.Cmd
	prof    string
	conn    net.Conn
	r       *bufio.Reader
	id      int
	session string
	events  []string // events seen while waiting for a response
}

func startChromium(bin string) (*cdp, error) {
	prof, err := os.MkdirTemp("", "chromium-warm")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--remote-debugging-port=0", "--user-data-dir="+prof, "about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &cdp{cmd: cmd, prof: prof}
	sc := bufio.NewScanner(stderr)
	wsURL := ""
	deadline := time.After(20 * time.Second)
	found := make(chan string, 1)
	go func() {
		for sc.Scan() {
			if i := strings.Index(sc.Text(), "ws://"); i >= 0 {
				found <- strings.TrimSpace(sc.Text()[i:])
				break
			}
		}
		_, _ = io.Copy(io.Discard, stderr)
	}()
	select {
	case wsURL = <-found:
	case <-deadline:
		c.close()
		return nil, errors.New("no DevTools URL from chromium")
	}
	if err := c.dial(wsURL); err != nil {
		c.close()
		return nil, err
	}
	res, err := c.call("", "Target.createTarget", map[string]any{"url": "about:blank"})
	if err != nil {
		c.close()
		return nil, err
	}
	res, err = c.call("", "Target.attachToTarget", map[string]any{"targetId": res["targetId"], "flatten": true})
	if err != nil {
		c.close()
		return nil, err
	}
	c.session, _ = res["sessionId"].(string)
	if _, err := c.call(c.session, "Page.enable", nil); err != nil {
		c.close()
		return nil, err
	}
	return c, nil
}

func (c *cdp) close() {
	if c.conn != nil {
		c.conn.Close()
	}
	if c.cmd != nil && c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
		_ = c.cmd.Wait()
	}
	os.RemoveAll(c.prof)
}

// timePrints loads the HTML and prints it n times, each a fresh navigation
// and print as a service rendering a new page would do.
func (c *cdp) timePrints(htmlPath string, n int) (float64, []byte, error) {
	var ms []float64
	var last []byte
	for range n {
		c.events = c.events[:0]
		t0 := time.Now()
		if _, err := c.call(c.session, "Page.navigate", map[string]any{"url": "file://" + htmlPath}); err != nil {
			return 0, nil, err
		}
		if err := c.waitEvent("Page.loadEventFired"); err != nil {
			return 0, nil, err
		}
		res, err := c.call(c.session, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "displayHeaderFooter": false})
		if err != nil {
			return 0, nil, err
		}
		data, _ := res["data"].(string)
		last, err = base64.StdEncoding.DecodeString(data)
		if err != nil {
			return 0, nil, err
		}
		ms = append(ms, float64(time.Since(t0).Microseconds())/1000)
	}
	return median(ms), last, nil
}

func (c *cdp) dial(wsURL string) error {
	u, err := url.Parse(wsURL)
	if err != nil {
		return err
	}
	c.conn, err = net.Dial("tcp", u.Host)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", u.RequestURI(), u.Host)
	c.r = bufio.NewReaderSize(c.conn, 1<<20)
	status, err := c.r.ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.Contains(status, " 101 ") {
		return fmt.Errorf("websocket handshake: %s", strings.TrimSpace(status))
	}
	for {
		l, err := c.r.ReadString('\n')
		if err != nil {
			return err
		}
		if l == "\r\n" {
			return nil
		}
	}
}

func (c *cdp) send(msg []byte) error {
	hdr := []byte{0x81}
	switch n := len(msg); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = append(hdr, 0x80|127)
		hdr = binary.BigEndian.AppendUint64(hdr, uint64(n))
	}
	hdr = append(hdr, 0, 0, 0, 0) // a zero mask leaves the payload as is
	_, err := c.conn.Write(append(hdr, msg...))
	return err
}

func (c *cdp) recv() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(c.r, h[:]); err != nil {
			return nil, err
		}
		n := uint64(h[1] & 0x7f)
		switch n {
		case 126:
			var e [2]byte
			if _, err := io.ReadFull(c.r, e[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(e[:]))
		case 127:
			var e [8]byte
			if _, err := io.ReadFull(c.r, e[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(e[:])
		}
		payload := make([]byte, n)
		if _, err := io.ReadFull(c.r, payload); err != nil {
			return nil, err
		}
		switch h[0] & 0x0f {
		case 8:
			return nil, errors.New("websocket closed")
		case 9, 10:
			continue
		}
		msg = append(msg, payload...)
		if h[0]&0x80 != 0 {
			return msg, nil
		}
	}
}

type cdpMessage struct {
	ID      int             `json:"id"`
	Method  string          `json:"method"`
	Result  map[string]any  `json:"result"`
	Error   json.RawMessage `json:"error"`
	Session string          `json:"sessionId"`
}

func (c *cdp) call(session, method string, params map[string]any) (map[string]any, error) {
	c.id++
	req := map[string]any{"id": c.id, "method": method}
	if params != nil {
		req["params"] = params
	}
	if session != "" {
		req["sessionId"] = session
	}
	b, _ := json.Marshal(req)
	if err := c.send(b); err != nil {
		return nil, err
	}
	for {
		raw, err := c.recv()
		if err != nil {
			return nil, err
		}
		var m cdpMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, err
		}
		if m.Method != "" {
			c.events = append(c.events, m.Method)
		}
		if m.ID == c.id {
			if len(m.Error) > 0 {
				return nil, fmt.Errorf("%s: %s", method, m.Error)
			}
			return m.Result, nil
		}
	}
}

func (c *cdp) waitEvent(method string) error {
	seen := slices.Contains(c.events, method)
	c.events = c.events[:0]
	if seen {
		return nil
	}
	for {
		raw, err := c.recv()
		if err != nil {
			return err
		}
		var m cdpMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return err
		}
		if m.Method == method {
			return nil
		}
	}
}

// UnmarshalJSON reads a sample paragraph: [text, note number or null].
func (p *sampleParagraph) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil || len(raw) == 0 {
		return fmt.Errorf("sample paragraph: want [text, note]: %s", b)
	}
	if err := json.Unmarshal(raw[0], &p.Text); err != nil {
		return err
	}
	if len(raw) > 1 {
		return json.Unmarshal(raw[1], &p.Note)
	}
	return nil
}

type sampleParagraph struct {
	Text string
	Note *int
}

// cpuTime returns the CPU time (user and system) of this process so far, in
// nanoseconds; on a shared machine it says more than the wall clock.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// medianBench returns the median of a benchmark's metric (ns/op or
// cpu-ns/op), in ms, over the lines of go test output.
func medianBench(out, name, unit string) float64 {
	var ms []float64
	for _, l := range strings.Split(out, "\n") {
		f := strings.Fields(l)
		if len(f) < 4 || !strings.HasPrefix(f[0], name+"-") && f[0] != name {
			continue
		}
		for i := 1; i+1 < len(f); i++ {
			if f[i+1] == unit {
				if ns, err := strconv.ParseFloat(f[i], 64); err == nil {
					ms = append(ms, ns/1e6)
				}
			}
		}
	}
	return median(ms)
}
