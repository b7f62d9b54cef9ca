package index

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	bdocument "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"outages/corpus"
)

// Environment knobs of the benchmarks (read in tests only):
//
//	OUTAGES_BENCH_DOCS       size of the BenchmarkSearch index (default 20000)
//	OUTAGES_BENCH_INDEX_DIR  where to build (or reuse) that index and leave it
//	OUTAGES_BUILD_INDEX_DIR  TestBuildSyntheticIndex builds an index there
//	OUTAGES_BUILD_DOCS       ... of that many articles (default 100000)
//
// Process-level search measurement on a 100k index:
//
//	OUTAGES_BUILD_INDEX_DIR=/tmp/idx100k /usr/bin/time -v go test ./index -run TestBuildSyntheticIndex -timeout 30m
//	OUTAGES_BENCH_INDEX_DIR=/tmp/idx100k go test ./index -run '^$' -bench 'Search' -benchtime 20x

const articleBytes = 3000 // typical article body

func benchArticles(n, offset int) []*corpus.Article {
	arts := make([]*corpus.Article, n)
	for i := range arts {
		arts[i] = synthArticle(offset+i, articleBytes)
	}
	return arts
}

// BenchmarkIndex measures indexing throughput with the production mapping
// (b.N articles of ~3 KB, one writer, commit included).
func BenchmarkIndex(b *testing.B) {
	benchIndex(b, 0)
}

// BenchmarkIndexBatchSize compares batch sizes (run with -benchtime 10000x).
func BenchmarkIndexBatchSize(b *testing.B) {
	for _, bs := range []int{200, 500, 1000, 2000, 5000} {
		b.Run(strconv.Itoa(bs), func(b *testing.B) { benchIndex(b, bs) })
	}
}

func benchIndex(b *testing.B, batch int) {
	ctx := context.Background()
	dir := b.TempDir()
	b.SetBytes(articleBytes)
	b.ReportAllocs()
	b.ResetTimer()
	stop := sampleGoMemory()
	start, cpu0 := time.Now(), cpuTime()
	w, err := OpenWriter(ctx, dir, Options{BatchSize: batch})
	if err != nil {
		b.Fatal(err)
	}
	// Articles are made chunk by chunk, as a crawl or a reindex hands them
	// over, so that the peak memory is the writer's, not the benchmark's
	// (making them is ~2% of the time, counted).
	const chunk = 1000
	for i := 0; i < b.N; i += chunk {
		if err := w.Put(ctx, benchArticles(min(chunk, b.N-i), i)...); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Commit(ctx, Meta{}); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
	// CPU time is steadier than wall time on a shared machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
	b.ReportMetric(float64(stop())/(1<<20), "peak-go-MiB")
	// RSS also counts the pages of the segment files scorch maps.
	b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MiB")
}

// sampleGoMemory samples the Go-managed memory of the process (heap and
// runtime, less what was returned to the OS) every 50 ms until the
// returned function is called, which returns the peak.
func sampleGoMemory() func() uint64 {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var top uint64
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			top = max(top, ms.Sys-ms.HeapReleased)
			select {
			case <-done:
				peak <- top
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-peak
	}
}

// peakRSS returns the peak resident memory of the process in bytes.
func peakRSS() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Maxrss << 10
}

// cpuTime returns the user+system CPU time of the process.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// searchIndex returns a directory holding a synthetic index for the search
// benchmarks, building it when needed.
func searchIndex(b *testing.B) string {
	n := 20000
	if s := os.Getenv("OUTAGES_BENCH_DOCS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			b.Fatal(err)
		}
		n = v
	}
	dir := os.Getenv("OUTAGES_BENCH_INDEX_DIR")
	if dir == "" {
		dir = b.TempDir()
	}
	if _, err := ReadMeta(dir); err == nil {
		return dir
	}
	buildSynthetic(b, dir, n)
	return dir
}

func buildSynthetic(tb testing.TB, dir string, n int) {
	ctx := context.Background()
	w, err := OpenFreshWriter(ctx, dir, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	const chunk = 5000
	for i := 0; i < n; i += chunk {
		k := min(chunk, n-i)
		if err := w.Put(ctx, benchArticles(k, i)...); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Commit(ctx, Meta{Watermark: uint64(n)}); err != nil {
		tb.Fatal(err)
	}
}

// TestBuildSyntheticIndex builds a synthetic index for process-level
// measurements when OUTAGES_BUILD_INDEX_DIR is set.
func TestBuildSyntheticIndex(t *testing.T) {
	dir := os.Getenv("OUTAGES_BUILD_INDEX_DIR")
	if dir == "" {
		t.Skip("set OUTAGES_BUILD_INDEX_DIR to build a synthetic index")
	}
	n := 100000
	if s := os.Getenv("OUTAGES_BUILD_DOCS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		n = v
	}
	// Peak Go-managed memory (RSS also counts the mmapped segment files).
	stop := sampleGoMemory()
	start, cpu0 := time.Now(), cpuTime()
	buildSynthetic(t, dir, n)
	el := time.Since(start)
	t.Logf("indexed %d articles in %v (%.0f docs/s, %.2f cpu-ms/doc, peak Go memory %d MiB)",
		n, el, float64(n)/el.Seconds(), float64((cpuTime()-cpu0).Microseconds())/1000/float64(n), stop()>>20)
}

var benchQueries = []struct {
	name string
	q    Query
}{
	{"term", Query{Text: "panne", Limit: 10}},
	{"term-facets-highlight", Query{Text: "outage", Limit: 10, Facets: true, Highlight: true}},
	{"all-facets", Query{Limit: 10, Facets: true}},
	{"filters-facets", Query{Text: "réseau", Langs: []string{"fr"}, OutagesOnly: true, MinDuration: 60, Since: "2023-06-01", Facets: true}},
	{"phrase", Query{Text: `"centre données"`, Limit: 10}},
	// The two queries of .ci/bench-million as outages search asks them
	// (facets and highlight on).
	{"cli-term", Query{Text: "panne", Limit: 10, Facets: true, Highlight: true}},
	{"cli-filtered", Query{Text: "outage", Langs: []string{"en"}, Since: "2020-01-01", Until: "2023-12-31", OutagesOnly: true, Limit: 10, Facets: true, Highlight: true}},
}

// BenchmarkSearch measures queries in a warm process.
func BenchmarkSearch(b *testing.B) {
	dir := searchIndex(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	// OUTAGES_BENCH_FULL_TOPK=1: score every match (the path before topk.go)
	r.fullTopK = os.Getenv("OUTAGES_BENCH_FULL_TOPK") != ""
	ctx := context.Background()
	for _, bq := range benchQueries {
		b.Run(bq.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := r.Search(ctx, bq.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			// CPU of the process (both cores), steadier than wall time on
			// a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/query")
		})
	}
}

// BenchmarkOpen measures opening the current generation.
func BenchmarkOpen(b *testing.B) {
	dir := searchIndex(b)
	for i := 0; i < b.N; i++ {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
}

// TestSearchProcessChild is one search as a whole process: open, query
// with facets, print.
func TestSearchProcessChild(t *testing.T) {
	dir := os.Getenv("OUTAGES_SEARCH_PROCESS_DIR")
	if dir == "" {
		t.Skip("helper for BenchmarkSearchProcess")
	}
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	q := Query{Text: "outage", Facets: true, Highlight: true, Limit: 10}
	if name := os.Getenv("OUTAGES_SEARCH_PROCESS_QUERY"); name != "" { // one of benchQueries
		found := false
		for _, bq := range benchQueries {
			if bq.name == name {
				q, found = bq.q, true
			}
		}
		if !found {
			t.Fatalf("OUTAGES_SEARCH_PROCESS_QUERY: no benchmark query %q", name)
		}
	}
	res, err := r.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%d hits in %v\n", res.Total, res.Took)
	for _, h := range res.Hits {
		fmt.Printf("%s %s %q\n", h.Article.Published, h.Article.Title, h.Snippet)
	}
	fmt.Println(res.Facets)
}

// BenchmarkSearchProcess runs TestSearchProcessChild as a separate process
// (this test binary) and reports the median wall time.
func BenchmarkSearchProcess(b *testing.B) {
	dir := searchIndex(b)
	var times []time.Duration
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSearchProcessChild$")
		cmd.Env = append(os.Environ(), "OUTAGES_SEARCH_PROCESS_DIR="+dir)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms/process")
}

// BenchmarkEach measures streaming every article (export).
func BenchmarkEach(b *testing.B) {
	dir := searchIndex(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	n := 0
	for i := 0; i < b.N; i++ {
		if err := r.Each(ctx, Query{}, func(*corpus.Article) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIndexFloor measures the least Bleve can do for our articles,
// next to the production writer in the same run: can any mapping meet
// issue 14 (2,500 docs/s on 2 cores, i.e. <= 0.8 cpu-ms/doc)? The same
// synthetic articles go in batches of DefaultBatchSize into one scorch
// index (writerConfig's unsafe_batch, persisted at the end) with only:
//
//	body-standard    the body, standard analyzer, no term vectors
//	body-lang        the body per language (analyzerFor), term vectors
//	title+body-lang  title and body per language, term vectors: the
//	                 least a multilingual search with phrases needs
//
// nothing stored, no doc values, _all disabled. Compare cpu-ms/doc with
// "production" within one run (-benchtime 20000x -count 3).
func BenchmarkIndexFloor(b *testing.B) {
	for _, v := range floorVariants {
		b.Run(v.name, func(b *testing.B) { benchFloor(b, v.lang, v.title) })
	}
	b.Run("production", func(b *testing.B) { benchIndex(b, 0) })
}

var floorVariants = []struct {
	name        string
	lang, title bool
}{
	{"body-standard", false, false},
	{"body-lang", true, false},
	{"title+body-lang", true, true},
}

// floorMapping maps only the text fields of a floor variant (lang: per
// language with term vectors, else one standard "body" field without).
// The analyzers are the production ones (newMapping registers ar_tanwin).
func floorMapping(lang, title bool) (*mapping.IndexMappingImpl, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.Dynamic = false
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	text := func(name, analyzer string) {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer, fm.IncludeTermVectors = analyzer, lang
		fm.Store, fm.IncludeInAll, fm.DocValues = false, false, false
		dm.AddFieldMappingsAt(name, fm)
	}
	if !lang {
		text("body", standard.Name)
	}
	for _, l := range langs {
		if lang {
			text(bodyField(l), analyzerFor(l))
		}
		if lang && title {
			text(titleField(l), analyzerFor(l))
		}
	}
	im.DefaultMapping = dm
	return im, nil
}

// floorDoc is the document of an article for floorMapping.
func floorDoc(a *corpus.Article, lang, title bool) map[string]interface{} {
	if !lang {
		return map[string]interface{}{"body": a.Body}
	}
	doc := map[string]interface{}{bodyField(a.Lang): a.Body}
	if title {
		doc[titleField(a.Lang)] = a.Title
	}
	return doc
}

func benchFloor(b *testing.B, lang, title bool) {
	ctx := context.Background()
	im, err := floorMapping(lang, title)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.SetBytes(articleBytes)
	b.ReportAllocs()
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	idx, err := bleve.NewUsing(dir, im, scorch.Name, bleve.Config.DefaultKVStore,
		map[string]interface{}{"unsafe_batch": true})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i += DefaultBatchSize { // articles made per batch, as benchIndex does
		batch := idx.NewBatch()
		for _, a := range benchArticles(min(DefaultBatchSize, b.N-i), i) {
			if err := batch.Index(a.ID, floorDoc(a, lang, title)); err != nil {
				b.Fatal(err)
			}
		}
		if err := idx.Batch(batch); err != nil {
			b.Fatal(err)
		}
	}
	// Persisted and closed, as Commit does (without the facet table).
	p := &partition{idx: idx, failure: &failure{failed: make(chan struct{})}}
	if err := p.persist(ctx); err != nil {
		b.Fatal(err)
	}
	if n, err := idx.DocCount(); err != nil || n != uint64(b.N) {
		b.Fatalf("%d documents indexed, want %d (%v)", n, b.N, err)
	}
	if err := idx.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "docs/s")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
}

// BenchmarkIndexFloorAnalysis measures Bleve's analysis alone, no index,
// on one goroutine, to split BenchmarkIndexFloor's cost between analysis
// and segment building:
//
//	analyze-standard   the standard analyzer's Analyze on the body
//	analyze-lang       the language's analyzer (analyzerFor) on the body
//	fields-<variant>   what scorch does before building a segment: the
//	                   document mapped and every indexed field analysed
//	                   (tokens, frequencies, term vectors)
//	fields-production  the same for the production mapping and document
func BenchmarkIndexFloorAnalysis(b *testing.B) {
	im, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	arts := benchArticles(3000, 0) // cycled: analysis keeps no state
	analyze := func(analyzer func(a *corpus.Article) string) func(*testing.B) {
		return func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				a := arts[i%len(arts)]
				im.AnalyzerNamed(analyzer(a)).Analyze([]byte(a.Body))
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
		}
	}
	fields := func(m *mapping.IndexMappingImpl, doc func(a *corpus.Article) (interface{}, error)) func(*testing.B) {
		return func(b *testing.B) {
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				a := arts[i%len(arts)]
				data, err := doc(a)
				if err != nil {
					b.Fatal(err)
				}
				d := bdocument.NewDocument(a.ID)
				if err := m.MapDocument(d, data); err != nil {
					b.Fatal(err)
				}
				for _, f := range d.Fields {
					if f.Options().IsIndexed() {
						f.Analyze()
					}
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/doc")
		}
	}
	b.Run("analyze-standard", analyze(func(*corpus.Article) string { return standard.Name }))
	b.Run("analyze-lang", analyze(func(a *corpus.Article) string { return analyzerFor(a.Lang) }))
	for _, v := range floorVariants {
		m, err := floorMapping(v.lang, v.title)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("fields-"+v.name, fields(m, func(a *corpus.Article) (interface{}, error) {
			return floorDoc(a, v.lang, v.title), nil
		}))
	}
	b.Run("fields-production", fields(im, func(a *corpus.Article) (interface{}, error) { return document(a) }))
}
