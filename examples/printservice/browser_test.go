package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromium finds Debian's Chromium (or the browser named by CHROMIUM).
func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// artifactDir is where the screenshots and the PDF are kept:
// $MAISKY_ARTIFACTS, or a folder in the system's temporary directory.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("MAISKY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "maisky-printservice-artifacts")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// TestBrowser drives the reading page in headless Chromium (skipped where
// there is none; scripts/check-browser sets MAISKY_REQUIRE_BROWSER to make
// that a failure): the print
// dialog without the box ticked, with it ticked for ten pages, with eleven
// pages, and Cite against the maisky command's text.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium()
	if exe == "" {
		if os.Getenv("MAISKY_REQUIRE_BROWSER") != "" {
			t.Fatal("chromium is not installed (scripts/check-browser installs it under CI=true)")
		}
		t.Skip("SKIP: chromium is not installed (apt-get install -y chromium); scripts/check-browser runs this test")
	}
	ts := newTestServer(t)
	artifacts := artifactDir(t)
	downloads := t.TempDir()
	t.Logf("screenshots and the PDF go to %s", artifacts)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 1400),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	// Start the browser, then follow its downloads.
	require.NoError(t, chromedp.Do(ctx))
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:      browser.SetDownloadBehaviorBehaviorAllowAndName,
		DownloadPath:  downloads,
		EventsEnabled: new(true),
	})
	require.NoError(t, err)
	done := make(chan string, 4)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	go func() {
		for ev, err := range progress {
			if err != nil {
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				done <- ev.GUID
			}
		}
	}()
	shot := func(name string, sel chromedp.CSS) {
		t.Helper()
		var buf []byte
		var err error
		if sel == "" {
			buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		} else {
			buf, err = chromedp.Run(ctx, chromedp.Screenshot(sel))
		}
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(artifacts, name), buf, 0o644))
	}
	text := func(sel chromedp.CSS) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.TextContent(sel))
		require.NoError(t, err)
		return s
	}
	noDownload := func(what string) {
		t.Helper()
		select {
		case g := <-done:
			t.Fatalf("a download (%s) %s", g, what)
		case <-time.After(700 * time.Millisecond):
		}
		assertNoFiles(t, downloads)
	}

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/doc/maisky-1934-12-31"),
		chromedp.WaitVisible(chromedp.ID("open-print")),
	))
	shot("page.png", "")

	t.Run("box unticked", func(t *testing.T) {
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.ID("open-print")),
			chromedp.WaitVisible(chromedp.ID("print-dialog")),
			chromedp.SetValue(chromedp.ID("print-from"), "59"),
			chromedp.SetValue(chromedp.ID("print-to"), "68"),
			chromedp.SendKeys(chromedp.ID("print-name"), "A. Reader"),
			chromedp.Click(chromedp.ID("print-submit")),
			chromedp.WaitVisible(chromedp.CSS("#print-message.error")),
		))
		shot("dialog-unticked.png", "#print-dialog")
		msg := text("#print-message")
		assert.Contains(t, msg, "Nothing was printed")
		assert.Contains(t, msg, "I agree to all terms and conditions")
		noDownload("without the box ticked")
	})

	t.Run("ticked, 10 pages", func(t *testing.T) {
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.ID("print-terms")),
			chromedp.Click(chromedp.ID("print-submit")),
		))
		var guid string
		select {
		case guid = <-done:
		case <-time.After(30 * time.Second):
			t.Fatal("no download within 30 s")
		}
		require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#print-message:not(.error)"))))
		shot("dialog-printed.png", "#print-dialog")
		assert.Contains(t, text("#print-message"), "31 December 1934, pp. 59-68.pdf")
		data, err := os.ReadFile(filepath.Join(downloads, guid))
		require.NoError(t, err)
		require.True(t, strings.HasPrefix(string(data), "%PDF-"), "the download is a PDF")
		require.NoError(t, os.Remove(filepath.Join(downloads, guid)))
		out := filepath.Join(artifacts, "extract-59-68.pdf")
		require.NoError(t, os.WriteFile(out, data, 0o644))
		pdfCheck(t, out)
	})

	t.Run("11 pages", func(t *testing.T) {
		require.NoError(t, chromedp.Do(ctx,
			chromedp.SetValue(chromedp.ID("print-to"), "69"),
			chromedp.Click(chromedp.ID("print-submit")),
			chromedp.WaitVisible(chromedp.CSS("#print-message.error")),
		))
		shot("dialog-11-pages.png", "#print-dialog")
		assert.Contains(t, text("#print-message"), "At most 10 pages can be printed at a time")
		noDownload("of 11 pages")
	})

	t.Run("cite", func(t *testing.T) {
		maisky := buildMaisky(t)
		require.NoError(t, chromedp.Do(ctx,
			chromedp.Click(chromedp.ID("print-close")),
			chromedp.Click(chromedp.ID("open-cite")),
			chromedp.WaitVisible(chromedp.ID("cite-dialog")),
		))
		for i, style := range []string{"chicago-notes-bibliography", "modern-language-association", "chicago-author-date"} {
			if i > 0 {
				require.NoError(t, chromedp.Do(ctx,
					chromedp.SetValue(chromedp.ID("cite-style"), style),
					chromedp.Evaluate[chromedp.Void](`document.getElementById('cite-style').dispatchEvent(new Event('change'))`),
					chromedp.WaitVisible(chromedp.CSS(`#cite-text[data-style="`+style+`"]`)),
				))
			}
			shot("cite-"+style+".png", "#cite-dialog")
			assert.Equal(t, runCite(t, maisky, style), text("#cite-text"), style)
		}
		require.NoError(t, chromedp.Do(ctx, chromedp.Click(chromedp.ID("cite-copy"))))
		time.Sleep(300 * time.Millisecond)
		assert.Contains(t, text("#cite-status"), "Cop")
	})
}

func assertNoFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// buildMaisky builds the maisky command.
func buildMaisky(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "maisky")
	out, err := exec.Command("go", "build", "-o", bin, "../maisky").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// runCite is `maisky cite`'s bibliography entry of 31 December.
func runCite(t *testing.T, maisky, style string) string {
	out, err := exec.Command(maisky, "cite", "-style", style, "-mode", "bibliography", "-doc", "maisky-1934-12-31", volumeFile).Output()
	require.NoError(t, err)
	return strings.TrimSuffix(string(out), "\n")
}

// pdfCheck runs ../shared/tools/pdf/pdf-check.sh on the extract: 10 pages,
// fonts embedded, the text extractable.
func pdfCheck(t *testing.T, file string) {
	script := filepath.Join("..", "..", "..", "shared", "tools", "pdf", "pdf-check.sh")
	_, errScript := os.Stat(script)
	_, errTool := exec.LookPath("qpdf")
	_, errPoppler := exec.LookPath("pdftotext")
	if errScript != nil || errTool != nil || errPoppler != nil {
		if os.Getenv("MAISKY_REQUIRE_BROWSER") != "" {
			t.Fatalf("pdf-check.sh, qpdf or poppler-utils missing")
		}
		t.Logf("SKIP pdf-check.sh: needs ../shared/tools/pdf and qpdf, poppler-utils")
		return
	}
	out, err := exec.Command("bash", script, file, "10", "The Complete Maisky Diaries: Volume 1 · 31 December", "’", "–", "A. Reader").CombinedOutput()
	t.Logf("pdf-check.sh:\n%s", out)
	require.NoError(t, err, "pdf-check.sh refuses the extract")
	assert.Contains(t, string(out), "RESULT ok")
}
