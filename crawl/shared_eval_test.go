package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"outages/corpus"
)

// sharedEval is the project's gold data, outside the repository. Tests
// that need it are skipped when it is absent.
const sharedEval = "../../shared/eval"

type evalPage struct {
	file string // gzip-compressed HTML
	url  string
	with []string // passages the page's text must contain (multilingual set)
}

func loadEvalPages(t *testing.T) []evalPage {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("measurement over real pages: skipped with -short and -race")
	}
	if _, err := os.Stat(sharedEval); err != nil {
		t.Skipf("shared eval data not available: %v", err)
	}
	var pages []evalPage
	var pub map[string]struct {
		URL string `json:"url"`
	}
	readJSON(t, filepath.Join(sharedEval, "pubdate", "pages.json"), &pub)
	for f, p := range pub {
		pages = append(pages, evalPage{file: filepath.Join(sharedEval, "pubdate", f), url: p.URL})
	}
	var ext map[string]struct {
		URL string `json:"url"`
	}
	readJSON(t, filepath.Join(sharedEval, "extraction", "ground-truth-dev.json"), &ext)
	for f, p := range ext {
		pages = append(pages, evalPage{file: filepath.Join(sharedEval, "extraction", f+".html.gz"), url: p.URL})
	}
	var ml map[string]struct {
		URL  string   `json:"url"`
		With []string `json:"with"`
	}
	readJSON(t, filepath.Join(sharedEval, "extraction-multilingual", "ground-truth.json"), &ml)
	for f, p := range ml {
		pages = append(pages, evalPage{file: filepath.Join(sharedEval, "extraction-multilingual", f), url: p.URL, with: p.With})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].file < pages[j].file })
	return pages
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func gunzipFile(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSharedEvalDecode measures DecodeHTML on the real pages of the shared
// eval sets: valid UTF-8 always, and the hand-picked passages of the French
// and Arabic set found in the decoded text.
func TestSharedEvalDecode(t *testing.T) {
	pages := loadEvalPages(t)
	charsets := map[string]int{}
	found, total := 0, 0
	for _, p := range pages {
		raw := gunzipFile(t, p.file)
		text, cs, err := DecodeHTML(raw, "")
		if err != nil {
			t.Errorf("%s: %v", p.file, err)
			continue
		}
		charsets[cs]++
		if !utf8.Valid(text) {
			t.Errorf("%s: invalid UTF-8", p.file)
		}
		plain := squash(htmlUnescapeText(text))
		for _, w := range p.with {
			total++
			if strings.Contains(plain, squash(w)) {
				found++
			} else {
				t.Logf("%s (%s): a passage is not in the decoded text", filepath.Base(p.file), cs)
			}
		}
	}
	t.Logf("%d pages; charsets %v; passages found %d/%d", len(pages), charsets, found, total)
	if total > 0 && found*100 < total*90 {
		t.Errorf("only %d/%d passages found in decoded text", found, total)
	}
}

// htmlUnescapeText returns the text of a document: text nodes (entities
// decoded) joined by spaces.
func htmlUnescapeText(b []byte) string {
	var out strings.Builder
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out.String()
		case html.TextToken:
			out.Write(z.Text())
		default:
			out.WriteByte(' ')
		}
	}
}

// TestSharedEvalCrawl serves the shared eval pages (all news articles) from
// a loopback server under their original paths and crawls each as a page
// source: the share stored (not taken for a listing, not empty) is the
// figure to watch.
func TestSharedEvalCrawl(t *testing.T) {
	pages := loadEvalPages(t)
	byPath := map[string][]byte{}
	var sources []Source
	for _, p := range pages {
		u, err := url.Parse(p.url)
		if err != nil || p.url == "" {
			continue
		}
		key := u.Path + "?" + canonicalQuery(u.RawQuery)
		if _, dup := byPath[key]; dup || u.Path == "" || u.Path == "/" {
			continue
		}
		byPath[key] = gunzipFile(t, p.file)
		ref := &url.URL{Path: u.Path, RawQuery: u.RawQuery}
		sources = append(sources, Source{Name: filepath.Base(p.file), URL: ref.String(), MaxDepth: -1, Kind: KindPage})
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := byPath[r.URL.Path+"?"+canonicalQuery(r.URL.RawQuery)]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write(b)
	}))
	defer srv.Close()
	for i := range sources {
		sources[i].URL = srv.URL + sources[i].URL
	}
	var mu sync.Mutex
	notStored := map[Reason][]string{}
	opts := testOptions()
	opts.PerHostConcurrency = 2
	opts.MaxBodyBytes = DefaultMaxBodyBytes
	opts.OnPage = func(r PageResult) {
		if !r.Stored {
			mu.Lock()
			notStored[r.Reason] = append(notStored[r.Reason], r.Source)
			mu.Unlock()
		}
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := c.Run(context.Background(), sources, nil, func(context.Context, *corpus.Article) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d article pages crawled: stored %d, skipped %v, failed %v", len(sources), stats.Stored, stats.Skipped, stats.Failed)
	for r, names := range notStored {
		t.Logf("%s: %s", r, strings.Join(names, " "))
	}
	if stats.Stored*100 < len(sources)*90 {
		t.Errorf("stored %d of %d article pages", stats.Stored, len(sources))
	}
}
