package crawl

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"outages/corpus"
)

// BenchmarkCrawlLocal crawls a folder of article pages (extraction
// included) and reports pages/s.
func BenchmarkCrawlLocal(b *testing.B) {
	const pages = 200
	dir := b.TempDir()
	var size int64
	for i := range pages {
		body := articleHTML(fmt.Sprintf("Outage report number %d", i), "", story(fmt.Sprintf("service %d", i))...)
		size += int64(len(body))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%03d.html", i)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	c, err := New(Options{UserAgent: testUA})
	if err != nil {
		b.Fatal(err)
	}
	sink := func(context.Context, *corpus.Article) error { return nil }
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		stats, err := c.Run(context.Background(), []Source{{Name: "bench", URL: dir}}, nil, sink)
		if err != nil {
			b.Fatal(err)
		}
		if stats.Stored != pages {
			b.Fatalf("stored %d of %d", stats.Stored, pages)
		}
	}
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}
