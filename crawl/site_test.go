package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"outages/corpus"
)

// testUA is the user agent of the tests.
const testUA = "outages-test/1.0 (+https://example.org/bot)"

// testOptions returns options with tiny delays and limits.
func testOptions() Options {
	return Options{
		UserAgent:          testUA,
		GlobalConcurrency:  4,
		PerHostConcurrency: 2,
		PerHostDelay:       time.Millisecond,
		HeaderTimeout:      3 * time.Second,
		BodyTimeout:        500 * time.Millisecond,
		MaxBodyBytes:       1 << 20,
		MaxRetries:         2,
		RetryBaseDelay:     5 * time.Millisecond,
	}
}

// articleHTML builds an article page. extraHead goes into <head>.
func articleHTML(title, extraHead string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=\"en\"><head><title>" + html.EscapeString(title) + " - Test Daily</title>")
	b.WriteString(`<meta property="og:type" content="article">`)
	b.WriteString(extraHead)
	b.WriteString(`</head><body><header><nav><a href="/">Home</a> <a href="/tech/">Tech</a></nav></header><main><article>`)
	b.WriteString("<h1>" + html.EscapeString(title) + "</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(`</article></main><footer><a href="/about">About us</a></footer></body></html>`)
	return b.String()
}

// story returns three paragraphs of original test prose about subject.
func story(subject string) []string {
	return []string{
		fmt.Sprintf("Customers of %s reported on Tuesday morning that they could not sign in, and the status page confirmed a partial disruption affecting several regions.", subject),
		fmt.Sprintf("Engineers at %s said a faulty configuration change had been rolled back after about two hours, and that most services were working normally again by noon.", subject),
		fmt.Sprintf("The company apologised for the inconvenience and promised a detailed review of what went wrong at %s, including how the change passed its automated checks.", subject),
	}
}

// newsSite is an httptest news site with every kind of page the crawler
// must cope with. It counts requests per path.
type newsSite struct {
	srv  *httptest.Server
	mu   sync.Mutex
	hits map[string]int
	bomb []byte
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *newsSite) countPrefix(prefix string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

// gzipBomb returns a multi-member gzip stream inflating to n MiB of zeros
// while being a few kilobytes long.
func gzipBomb(t testing.TB, mib int) []byte {
	t.Helper()
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	if _, err := zw.Write(make([]byte, 1<<20)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.Repeat(member.Bytes(), mib)
}

func newNewsSite(t testing.TB) *newsSite {
	s := &newsSite{hits: map[string]int{}, bomb: gzipBomb(t, 256)}
	mux := http.NewServeMux()
	page := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(body))
	}
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\n\nSitemap: %s/sitemap_index.xml\n", s.srv.URL)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		links := []string{
			"/news/latin1-story", "/news/arabic-story", "/news/no-charset-story",
			"/news/huge-story", "/news/bomb-story", "/news/pdf-story", "/news/empty-story",
			"/news/error-story", "/news/flaky-story", "/news/rate-limited-story",
			"/news/loop-a", "/news/stalled-story", "/list?page=1",
			"/news/original-story", "/news/syndicated-copy",
			"/news/tracked-story?utm_source=newsletter&utm_medium=email",
			"/news/etag-story", "/private/secret-story", "/about", "/news/moved",
			"mailto:desk@example.org", "https://elsewhere.example.net/offsite-story",
		}
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html><head><title>Test Daily</title><meta property="og:type" content="website"></head><body><h1>Test Daily</h1><ul>`)
		for i, l := range links {
			fmt.Fprintf(&b, `<li><a href="%s">Headline number %d of the day</a></li>`, html.EscapeString(l), i)
		}
		b.WriteString("</ul></body></html>")
		page(w, b.String())
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<html><head><title>About</title></head><body><nav><a href="/">Home</a><a href="/tech/">Tech</a><a href="/world/">World</a></nav><p>Contact the desk.</p></body></html>`)
	})
	mux.HandleFunc("/news/latin1-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		body := articleHTML("Panne géante du réseau mobile", "",
			"Des milliers d'abonnés ont été privés de réseau mobile mercredi après une panne générale touchant le centre du réseau de l'opérateur.",
			"L'opérateur a expliqué qu'un équipement défaillant avait provoqué l'incident, réparé après quatre heures de travaux intensifs.",
			"Les clients concernés recevront un geste commercial, a précisé la direction dans un communiqué publié en fin de journée.")
		b, _ := charmap.ISO8859_1.NewEncoder().Bytes([]byte(body))
		_, _ = w.Write(b)
	})
	mux.HandleFunc("/news/arabic-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		body := articleHTML("انقطاع واسع للكهرباء", `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`,
			"شهدت عدة أحياء في العاصمة انقطاعا طويلا للتيار الكهربائي مساء الخميس بسبب عطل مفاجئ في محطة التحويل الرئيسية.",
			"وأكدت الشركة أن الفرق الفنية تمكنت من إعادة التيار تدريجيا بعد نحو ست ساعات من العمل المتواصل.",
			"ودعت السلطات السكان إلى ترشيد الاستهلاك خلال فترات الذروة لتفادي تكرار مثل هذه الأعطال.")
		b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(body))
		if err != nil {
			panic(err)
		}
		_, _ = w.Write(b)
	})
	mux.HandleFunc("/news/no-charset-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte(articleHTML("Le site des impôts inaccessible", "",
			"Le site de déclaration en ligne est resté inaccessible pendant une bonne partie de la matinée, à quelques jours de la date limite.",
			"Le ministère a évoqué un afflux exceptionnel de connexions et a promis un report du délai pour les contribuables concernés.",
			"Le service a été rétabli en début d'après-midi, selon un message publié sur les réseaux sociaux.")))
	})
	mux.HandleFunc("/news/huge-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler paragraph that never ends</p>\n", 1600)) // ~64 KB
		for written := 0; written < 50<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/news/bomb-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write(s.bomb)
	})
	mux.HandleFunc("/news/pdf-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\x02"))
	})
	mux.HandleFunc("/news/empty-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/news/error-story", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/news/flaky-story", func(w http.ResponseWriter, r *http.Request) {
		if s.count("/news/flaky-story") == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		page(w, articleHTML("Cloud region recovers", "", story("the cloud region")...))
	})
	mux.HandleFunc("/news/rate-limited-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/news/loop-a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/loop-b", http.StatusFound)
	})
	mux.HandleFunc("/news/loop-b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/loop-a", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/new-home-story#top", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/new-home-story", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Streaming service back online", "", story("the streaming service")...))
	})
	mux.HandleFunc("/news/stalled-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body><p>The beginning of a page that never"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/list", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("page"))
		var b strings.Builder
		b.WriteString(`<html><head><title>Archive</title></head><body><nav>`)
		for _, sec := range []string{"world", "tech", "sport", "culture", "science", "business"} {
			fmt.Fprintf(&b, `<a href="/%s/">%s section</a> `, sec, sec)
		}
		fmt.Fprintf(&b, `</nav><p><a href="/list?page=%d">Older stories</a></p></body></html>`, n+1)
		page(w, b.String())
	})
	dupParas := story("the payments network")
	mux.HandleFunc("/news/original-story", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Card payments fail nationwide", "", dupParas...))
	})
	mux.HandleFunc("/news/syndicated-copy", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Card payments fail nationwide", `<meta property="og:site_name" content="Partner Wire">`, dupParas...))
	})
	mux.HandleFunc("/news/tracked-story", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Video platform down for an hour",
			`<link rel="canonical" href="/news/canonical-story?utm_campaign=spring">`, story("the video platform")...))
	})
	mux.HandleFunc("/news/canonical-story", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Video platform down for an hour",
			`<link rel="canonical" href="/news/canonical-story">`, story("the video platform")...))
	})
	mux.HandleFunc("/news/etag-story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		page(w, articleHTML("Messaging app restored", "", story("the messaging app")...))
	})
	mux.HandleFunc("/news/feed-story", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Train ticketing outage", "", story("the rail ticketing system")...))
	})
	mux.HandleFunc("/news/sitemap-story", func(w http.ResponseWriter, r *http.Request) {
		// No date in the page: the news sitemap gives it.
		page(w, strings.Replace(articleHTML("Email service outage", "", story("the email service")...), `<meta property="og:type" content="article">`, "", 1))
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		page(w, articleHTML("Secret", "", story("the secret service")...))
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Daily</title><link>%[1]s/</link>
<item><title>Train ticketing outage</title><link>%[1]s/news/feed-story?utm_source=rss</link><pubDate>Mon, 02 Jun 2025 08:00:00 +0000</pubDate></item>
<item><title>Card payments</title><link>%[1]s/news/original-story</link></item>
</channel></rss>`, s.srv.URL)
	})
	mux.HandleFunc("/sitemap_index.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemap-news.xml</loc></sitemap></sitemapindex>`, s.srv.URL)
	})
	mux.HandleFunc("/sitemap-news.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%[1]s/news/sitemap-story</loc><news:news><news:publication><news:name>Test Daily</news:name><news:language>en</news:language></news:publication><news:publication_date>2025-03-04T10:00:00+01:00</news:publication_date><news:title>Email service outage</news:title></news:news></url>
<url><loc>%[1]s/news/etag-story</loc></url>
</urlset>`, s.srv.URL)
	})
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// memStore is a Sink and Validators backed by a map, behaving like the
// corpus store: the same text under another URL is a duplicate.
type memStore struct {
	mu       sync.Mutex
	articles map[string]*corpus.Article // by URL
	byFetch  map[string]*corpus.Article // by Fetch.URL
	calls    int
}

func newMemStore() *memStore {
	return &memStore{articles: map[string]*corpus.Article{}, byFetch: map[string]*corpus.Article{}}
}

func (m *memStore) sink(_ context.Context, a *corpus.Article) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls++
	for u, old := range m.articles {
		if u != a.URL && old.ContentHash == a.ContentHash {
			return fmt.Errorf("store %s: %w", a.URL, corpus.ErrDuplicate)
		}
	}
	m.articles[a.URL] = a
	m.byFetch[a.Fetch.URL] = a
	return nil
}

func (m *memStore) Validators(fetchURL string) (string, string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.byFetch[fetchURL]
	if !ok {
		return "", "", false, nil
	}
	return a.Fetch.ETag, a.Fetch.LastModified, true, nil
}

func (m *memStore) get(u string) *corpus.Article {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.articles[u]
}

// outcomes collects OnPage results by URL.
type outcomes struct {
	mu sync.Mutex
	m  map[string]PageResult
}

func (o *outcomes) add(r PageResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.m == nil {
		o.m = map[string]PageResult{}
	}
	o.m[r.URL] = r
}

func (o *outcomes) get(u string) (PageResult, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	r, ok := o.m[u]
	return r, ok
}

var errTest = errors.New("test")
