package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"runtime/trace"
	"testing"

	"golang.org/x/net/html"
)

// benchPages is where the real pages for the end-to-end benchmark come
// from: the shared evaluation data beside the repository.
var benchSources = []string{"../../../shared/eval/extraction", "../../../shared/eval/pubdate"}

// paragraphEnd matches the ends of the elements that hold an article's
// paragraphs, where a copy's marker goes.
var paragraphEnd = regexp.MustCompile(`(?i)</p>|<br\s*/?>|</li>|</td>|</div>`)

// benchFolder builds a folder of at least n real HTML pages (the shared
// .html.gz pages, repeated under distinct names) and returns it with the
// total size. With distinct, every copy gets a marker of its own in every
// paragraph (" #c00042"), so that no copy is a duplicate of another and
// every page is classified, stored and indexed; without, repeated texts
// are skipped as duplicates after extraction, as syndicated copies are.
// It skips the benchmark when the shared data is absent.
func benchFolder(b *testing.B, n int, distinct bool) (string, int64) {
	b.Helper()
	var pages [][]byte
	for _, dir := range benchSources {
		files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			page, err := io.ReadAll(zr)
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, page)
		}
	}
	if len(pages) == 0 {
		b.Skip("no shared evaluation pages beside the repository")
	}
	dir := b.TempDir()
	var size int64
	for i := 0; i < n; i++ {
		p := pages[i%len(pages)]
		if distinct {
			marker := fmt.Appendf(nil, " #c%05d", i)
			p = paragraphEnd.ReplaceAllFunc(p, func(end []byte) []byte { return append(append([]byte(nil), marker...), end...) })
		}
		name := filepath.Join(dir, fmt.Sprintf("page-%05d.html", i))
		if err := os.WriteFile(name, p, 0o644); err != nil {
			b.Fatal(err)
		}
		size += int64(len(p))
	}
	return dir, size
}

// BenchmarkEndToEnd runs `outages run` in-process over a local folder of
// 1,000 real pages, every one distinct, into a fresh data directory:
// crawl, extract, detect the language, classify, store and index.
func BenchmarkEndToEnd(b *testing.B) { benchEndToEnd(b, true) }

// BenchmarkEndToEndSyndicated is BenchmarkEndToEnd over plain copies:
// most pages are recognised as duplicates after extraction.
func BenchmarkEndToEndSyndicated(b *testing.B) { benchEndToEnd(b, false) }

func benchEndToEnd(b *testing.B, distinct bool) {
	const n = 1000
	folder, size := benchFolder(b, n, distinct)
	if os.Getenv("GOGC") == "" { // as main does (tuneGC), restored after
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		data := filepath.Join(b.TempDir(), "data")
		b.StartTimer()
		// A trace task marks the timed run for `-test.trace` readers.
		ctx, task := trace.NewTask(context.Background(), "outages run")
		code := run(ctx, []string{"run", "--data", data, "--source", folder, "--progress", "never", "--log-level", "error"}, io.Discard, io.Discard)
		task.End()
		if code != exitOK && code != exitPartial { // a real page may be empty
			b.Fatalf("run = %d", code)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseFloor parses the same pages with golang.org/x/net/html and
// nothing else: the floor the end-to-end time is compared with.
func BenchmarkParseFloor(b *testing.B) {
	const n = 1000
	folder, size := benchFolder(b, n, true)
	files, _ := filepath.Glob(filepath.Join(folder, "*.html"))
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := html.Parse(bytes.NewReader(raw)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "pages/s")
}
