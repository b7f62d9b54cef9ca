package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"outages/corpus"
)

func TestCrawlNewsSite(t *testing.T) {
	site := newNewsSite(t)
	base := site.srv.URL
	store := newMemStore()
	var got outcomes
	opts := testOptions()
	opts.OnPage = got.add
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	sources := []Source{
		{Name: "front", URL: base + "/", MaxDepth: 40},
		{Name: "feed", URL: base + "/feed.xml"},
		{Name: "sitemap", URL: base + "/sitemap_index.xml"},
	}
	stats, err := c.Run(context.Background(), sources, store, store.sink)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	t.Logf("stats: %+v", *stats)

	tests := []struct {
		path   string // request path (canonical URL = base + path)
		reason Reason
		stored string // canonical URL of the stored article, relative to base
		title  string // expected title substring of the stored article
		body   string // expected body substring of the stored article
	}{
		{path: "/", reason: ReasonListing},
		{path: "/news/latin1-story", stored: "/news/latin1-story", body: "réseau mobile mercredi"},
		{path: "/news/arabic-story", stored: "/news/arabic-story", body: "انقطاعا طويلا للتيار الكهربائي"},
		{path: "/news/no-charset-story", stored: "/news/no-charset-story", body: "déclaration en ligne"},
		{path: "/news/huge-story", reason: ReasonTooLarge},
		{path: "/news/bomb-story", reason: ReasonTooLarge},
		{path: "/news/pdf-story", reason: ReasonNotHTML},
		{path: "/news/empty-story", reason: ReasonEmpty},
		{path: "/news/error-story", reason: ReasonHTTP5xx},
		{path: "/news/flaky-story", stored: "/news/flaky-story", title: "Cloud region recovers"},
		{path: "/news/rate-limited-story", reason: ReasonHTTP4xx},
		{path: "/news/loop-a", reason: ReasonRedirectLoop},
		{path: "/news/stalled-story", reason: ReasonTimeout},
		{path: "/news/original-story", stored: "/news/original-story"},
		{path: "/news/syndicated-copy", reason: ReasonDuplicate},
		{path: "/news/tracked-story", stored: "/news/canonical-story", title: "Video platform"},
		{path: "/news/etag-story", stored: "/news/etag-story"},
		{path: "/news/moved", stored: "/news/new-home-story", title: "Streaming service"},
		{path: "/private/secret-story", reason: ReasonRobots},
		{path: "/news/feed-story", stored: "/news/feed-story"},
		{path: "/news/sitemap-story", stored: "/news/sitemap-story"},
		{path: "/feed.xml"},
		{path: "/sitemap_index.xml"},
		{path: "/sitemap-news.xml"},
		{path: "/list?page=31", reason: ReasonTrapLimit},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/"), func(t *testing.T) {
			u := base + tt.path
			r, ok := got.get(u)
			if tt.stored != "" {
				r, ok = got.get(base + tt.stored)
				if !ok {
					r, ok = got.get(u)
				}
			}
			if !ok {
				t.Fatalf("no outcome reported for %s", u)
			}
			if r.Reason != tt.reason {
				t.Fatalf("reason = %q (err %v), want %q", r.Reason, r.Err, tt.reason)
			}
			if tt.stored == "" {
				if r.Stored {
					t.Fatalf("%s stored, want not stored", u)
				}
				return
			}
			if !r.Stored {
				t.Fatalf("%s not stored", u)
			}
			a := store.get(base + tt.stored)
			if a == nil {
				t.Fatalf("no article stored under %s", base+tt.stored)
			}
			if a.ID != corpus.ArticleID(a.URL) || a.ContentHash != corpus.TextHash(a.Title+"\n"+a.Body) {
				t.Errorf("ID or ContentHash not derived from URL and text: %+v", a)
			}
			if a.Fetch.URL != u || a.Fetch.Status != http.StatusOK || a.Fetch.FetchedAt.IsZero() || !strings.HasPrefix(a.Fetch.FinalURL, base+"/news/") {
				t.Errorf("Fetch = %+v, want URL %s and status 200", a.Fetch, u)
			}
			if a.Source == "" || a.Host != "127.0.0.1" {
				t.Errorf("Source %q Host %q", a.Source, a.Host)
			}
			if !strings.Contains(a.Title, tt.title) || !strings.Contains(a.Body, tt.body) {
				t.Errorf("title %q body %q: want %q and %q", a.Title, a.Body, tt.title, tt.body)
			}
		})
	}

	t.Run("charsets", func(t *testing.T) {
		for path, cs := range map[string]string{
			"/news/latin1-story": "windows-1252", "/news/arabic-story": "windows-1256", "/news/no-charset-story": "utf-8",
		} {
			if a := store.get(base + path); a == nil || a.Fetch.Charset != cs {
				t.Errorf("%s: charset not %s: %+v", path, cs, a)
			}
		}
	})
	t.Run("sitemap date", func(t *testing.T) {
		if a := store.get(base + "/news/sitemap-story"); a == nil || a.Published != "2025-03-04" {
			t.Errorf("published from news sitemap: %+v", a)
		}
	})
	t.Run("robots obeyed", func(t *testing.T) {
		if n := site.countPrefix("/private/"); n != 0 {
			t.Errorf("disallowed path requested %d times", n)
		}
		if n := site.count("/robots.txt"); n != 1 {
			t.Errorf("robots.txt requested %d times, want 1 (cached)", n)
		}
	})
	t.Run("retries", func(t *testing.T) {
		if n := site.count("/news/error-story"); n != opts.MaxRetries+1 {
			t.Errorf("500 page requested %d times, want %d", n, opts.MaxRetries+1)
		}
		if n := site.count("/news/rate-limited-story"); n != opts.MaxRetries+1 {
			t.Errorf("429 page requested %d times, want %d", n, opts.MaxRetries+1)
		}
		if n := site.count("/news/flaky-story"); n != 2 {
			t.Errorf("503 page requested %d times, want 2", n)
		}
		if n := site.count("/news/pdf-story"); n != 1 {
			t.Errorf("PDF requested %d times, want 1", n)
		}
	})
	t.Run("trap bounded", func(t *testing.T) {
		if n := site.count("/list"); n > trapMaxPage+1 {
			t.Errorf("pagination trap requested %d times, want at most %d", n, trapMaxPage+1)
		}
	})
	t.Run("canonical stored once", func(t *testing.T) {
		n := 0
		for u := range store.articles {
			if strings.Contains(u, "canonical-story") || strings.Contains(u, "tracked-story") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d articles for the tracked/canonical page, want 1", n)
		}
	})
	t.Run("stats", func(t *testing.T) {
		if stats.Stored != len(store.articles) || stats.Stored != 10 {
			t.Errorf("Stored = %d, store has %d, want 10", stats.Stored, len(store.articles))
		}
		if stats.Sources != 3 || stats.Failed[ReasonTimeout] != 1 || stats.Skipped[ReasonRobots] != 1 || stats.Skipped[ReasonDuplicate] != 1 {
			t.Errorf("stats = %+v", *stats)
		}
		if len(stats.Failures) != stats.FailedCount() {
			t.Errorf("%d failures listed, %d counted", len(stats.Failures), stats.FailedCount())
		}
	})

	// Second run: the ETag page is not modified and the sink is not called
	// for it.
	t.Run("second run conditional GET", func(t *testing.T) {
		var got2 outcomes
		opts2 := opts
		opts2.OnPage = got2.add
		c2, err := New(opts2)
		if err != nil {
			t.Fatal(err)
		}
		var sunk []string
		var mu sync.Mutex
		sink := func(ctx context.Context, a *corpus.Article) error {
			mu.Lock()
			sunk = append(sunk, a.Fetch.URL)
			mu.Unlock()
			return store.sink(ctx, a)
		}
		stats2, err := c2.Run(context.Background(), []Source{{Name: "sitemap", URL: base + "/sitemap_index.xml"}}, store, sink)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := got2.get(base + "/news/etag-story")
		if r.Reason != ReasonNotModified || stats2.NotModified != 1 {
			t.Fatalf("etag page: reason %q, NotModified %d", r.Reason, stats2.NotModified)
		}
		for _, u := range sunk {
			if strings.Contains(u, "etag-story") {
				t.Fatal("sink called for a 304 page")
			}
		}
	})
}

func TestCrawlDelayFromRobots(t *testing.T) {
	const delay = 200 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			_, _ = w.Write([]byte("User-agent: outages-test\nCrawl-delay: 0.2\nDisallow: /nothing\n\nUser-agent: *\nDisallow: /\n"))
		case "/":
			_, _ = w.Write([]byte(`<html><body><a href="/news/one-long-story-slug">1</a><a href="/news/two-long-story-slug">2</a><a href="/news/three-long-story-slug">3</a></body></html>`))
		default:
			_, _ = w.Write([]byte(articleHTML("Story "+r.URL.Path, "", story(r.URL.Path)...)))
		}
	}))
	defer srv.Close()
	opts := testOptions()
	opts.PerHostConcurrency = 4
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	store := newMemStore()
	stats, err := c.Run(context.Background(), []Source{{Name: "s", URL: srv.URL + "/"}}, nil, store.sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != 3 {
		t.Fatalf("stored %d, want 3 (our robots group allows all): %+v", stats.Stored, *stats)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(starts) != 5 {
		t.Fatalf("%d requests, want 5", len(starts))
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	// robots.txt is the first request; the delay applies after it too.
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay-20*time.Millisecond {
			t.Errorf("request %d started %v after the previous one, want >= %v", i, gap, delay)
		}
	}
}

func TestOffSitePrivateAddressRefused(t *testing.T) {
	var hits int
	var mu sync.Mutex
	inner := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		_, _ = w.Write([]byte(articleHTML("Internal", "", story("the intranet")...)))
	}))
	defer inner.Close()
	// The feed is served on 127.0.0.1; its item points to "localhost",
	// another host that also resolves to loopback.
	innerURL := strings.Replace(inner.URL, "127.0.0.1", "localhost", 1) + "/internal-story"
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			_, _ = w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</title><link>` + innerURL + `</link></item></channel></rss>`))
			return
		}
		http.NotFound(w, r)
	}))
	defer feed.Close()

	for _, tt := range []struct {
		name         string
		allowPrivate bool
		want         Reason
		wantHits     bool
	}{
		{name: "refused", want: ReasonPrivate},
		{name: "allowed", allowPrivate: true, want: "", wantHits: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			hits = 0
			mu.Unlock()
			var got outcomes
			opts := testOptions()
			opts.AllowPrivate = tt.allowPrivate
			opts.OnPage = got.add
			c, err := New(opts)
			if err != nil {
				t.Fatal(err)
			}
			store := newMemStore()
			if _, err := c.Run(context.Background(), []Source{{Name: "f", URL: feed.URL + "/feed.xml"}}, nil, store.sink); err != nil {
				t.Fatal(err)
			}
			r, ok := got.get(innerURL)
			if !ok || r.Reason != tt.want || r.Stored != tt.wantHits {
				t.Fatalf("outcome %+v (reported %v), want reason %q", r, ok, tt.want)
			}
			mu.Lock()
			defer mu.Unlock()
			if (hits > 0) != tt.wantHits {
				t.Fatalf("inner server got %d requests", hits)
			}
		})
	}
}

func TestLocalFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.html":            articleHTML("Outage at the data centre", "", story("the data centre")...),
		"sub/b.HTM":         articleHTML("Power cut in the old town", "", story("the power company")...),
		"sub/empty.html":    "",
		"notes.txt":         "not html",
		".hidden/c.html":    articleHTML("Hidden", "", story("a hidden folder")...),
		"sub/binary.html":   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"sub/deeper/d.html": articleHTML("Bank app unavailable", "", story("the bank app")...),
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got outcomes
	opts := testOptions()
	opts.OnPage = got.add
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	store := newMemStore()
	stats, err := c.Run(context.Background(), []Source{{Name: "local", URL: dir}}, store, store.sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Stored != 3 || stats.Failed[ReasonEmpty] != 1 || stats.Skipped[ReasonNotHTML] != 1 {
		t.Fatalf("stats %+v", *stats)
	}
	aURL := fileURL(filepath.Join(dir, "a.html"))
	a := store.get(aURL)
	if a == nil {
		t.Fatalf("%s not stored; have %v", aURL, store.articles)
	}
	if !strings.HasPrefix(a.URL, "file:///") || a.Fetch.ETag == "" || a.Fetch.LastModified == "" || a.Host != "" {
		t.Errorf("local article %+v", a)
	}
	if _, ok := got.get(fileURL(filepath.Join(dir, ".hidden", "c.html"))); ok {
		t.Error("hidden folder crawled")
	}

	t.Run("unchanged files are not modified", func(t *testing.T) {
		stats, err := c.Run(context.Background(), []Source{{Name: "local", URL: "file://" + filepath.ToSlash(dir)}}, store, store.sink)
		if err != nil {
			t.Fatal(err)
		}
		if stats.NotModified != 3 || stats.Stored != 0 {
			t.Fatalf("second run stats %+v", *stats)
		}
	})
	t.Run("single file", func(t *testing.T) {
		stats, err := c.Run(context.Background(), []Source{{Name: "one", URL: filepath.Join(dir, "sub", "b.HTM")}}, nil, newMemStore().sink)
		if err != nil || stats.Stored != 1 {
			t.Fatalf("stats %+v, err %v", stats, err)
		}
	})
	t.Run("missing path", func(t *testing.T) {
		stats, err := c.Run(context.Background(), []Source{{Name: "gone", URL: filepath.Join(dir, "nope")}}, nil, newMemStore().sink)
		if err != nil || stats.Failed[ReasonNotFound] != 1 {
			t.Fatalf("stats %+v, err %v", stats, err)
		}
	})
}

func TestRunCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body><p>slow"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	}))
	defer srv.Close()
	opts := testOptions()
	opts.BodyTimeout = 30 * time.Second
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	stats, err := c.Run(ctx, []Source{{Name: "a", URL: srv.URL + "/a"}, {Name: "b", URL: srv.URL + "/b"}}, nil, newMemStore().sink)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if stats == nil || stats.Sources != 2 {
		t.Fatalf("stats %+v", stats)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("Run took %v after cancellation", d)
	}
}

func TestPanicInSinkIsContained(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"one-story.html", "two-story.html"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(articleHTML(name, "", story(name)...)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := New(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(context.Background(), []Source{{Name: "d", URL: dir}}, nil, func(ctx context.Context, a *corpus.Article) error {
		if strings.Contains(a.URL, "one-story") {
			panic("sink bug")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Failed[ReasonPanic] != 1 || stats.Stored != 1 {
		t.Fatalf("stats %+v", *stats)
	}
}

func TestSinkErrors(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"first-story.html", "second-story.html"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(articleHTML(name, "", story(name)...)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := New(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		err    error
		reason Reason
		failed bool
	}{
		{name: "duplicate elsewhere", err: fmt.Errorf("put: %w", corpus.ErrDuplicate), reason: ReasonDuplicate},
		{name: "store broken", err: errTest, reason: ReasonSink, failed: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			stats, err := c.Run(context.Background(), []Source{{Name: "d", URL: dir}}, nil, func(context.Context, *corpus.Article) error { return tt.err })
			if err != nil {
				t.Fatal(err)
			}
			n := stats.Skipped[tt.reason]
			if tt.failed {
				n = stats.Failed[tt.reason]
			}
			if n != 2 || stats.Stored != 0 {
				t.Fatalf("stats %+v, want 2 pages with reason %s", *stats, tt.reason)
			}
		})
	}
}

func TestGzipBombMemory(t *testing.T) {
	bomb := gzipBomb(t, 256)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(bomb)
	}))
	defer srv.Close()
	c, err := New(testOptions())
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	stats, err := c.Run(context.Background(), []Source{{Name: "bomb", URL: srv.URL + "/bomb"}}, nil, newMemStore().sink)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Failed[ReasonTooLarge] != 1 {
		t.Fatalf("stats %+v", *stats)
	}
	// The bomb inflates to 256 MiB; the crawler must stop near MaxBodyBytes.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Fatalf("allocated %d MiB while reading a gzip bomb", alloc>>20)
	}
}

func TestNewAndValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
		ok   bool
	}{
		{name: "ok", opts: Options{UserAgent: testUA}, ok: true},
		{name: "no agent", opts: Options{}},
		{name: "no contact (checked by Run for web sources)", opts: Options{UserAgent: "bot/1.0"}, ok: true},
		{name: "negative delay", opts: Options{UserAgent: testUA, PerHostDelay: -1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.opts)
			if (err == nil) != tt.ok {
				t.Fatalf("New: %v, want ok=%v", err, tt.ok)
			}
		})
	}
	for _, tt := range []struct {
		name string
		src  Source
		want string // substring of the error; "" for valid
	}{
		{name: "page", src: Source{Name: "p", URL: "https://example.com/"}},
		{name: "local", src: Source{Name: "l", URL: "testdata"}},
		{name: "empty", src: Source{Name: "e"}, want: "empty URL"},
		{name: "bad allow", src: Source{Name: "b", URL: "https://example.com/", Allow: []string{"("}}, want: `source "b": allow pattern "("`},
		{name: "bad deny", src: Source{Name: "b", URL: "https://example.com/", Deny: []string{"[a"}}, want: "deny pattern"},
		{name: "bad kind", src: Source{Name: "k", URL: "https://example.com/", Kind: "video"}, want: "unknown kind"},
		{name: "ftp", src: Source{Name: "f", URL: "ftp://example.com/x"}, want: "unsupported"},
		{name: "local feed", src: Source{Name: "f", URL: "/tmp/x.xml", Kind: KindFeed}, want: "needs an http"},
	} {
		t.Run("source "+tt.name, func(t *testing.T) {
			err := tt.src.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Validate: %v, want %q", err, tt.want)
			}
		})
	}
}

// TestUserAgentContact: crawling web sites needs a User-Agent with a contact;
// local files need none.
func TestUserAgentContact(t *testing.T) {
	c, err := New(Options{UserAgent: "bot/1.0"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page := `<html><head><title>Panne</title></head><body><article><p>` + strings.Repeat("Le réseau est tombé en panne pendant deux heures. ", 20) + `</p></article></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "a.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	stats, err := c.Run(context.Background(), []Source{{Name: "local", URL: dir}}, nil, st.sink)
	if err != nil || stats.Stored != 1 {
		t.Fatalf("local source without a contact: stored %v, err %v", stats, err)
	}
	_, err = c.Run(context.Background(), []Source{{Name: "web", URL: "http://127.0.0.1:1/"}}, nil, st.sink)
	if err == nil || !strings.Contains(err.Error(), "contact") {
		t.Fatalf("web source without a contact: err = %v, want one about the contact", err)
	}
}
