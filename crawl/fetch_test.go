package crawl

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"golang.org/x/net/html"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, in string
		want     time.Duration
	}{
		{"empty", "", 0},
		{"seconds", "3", 3 * time.Second},
		{"zero", "0", 0},
		{"negative", "-5", 0},
		{"capped", "86400", maxRetryAfter},
		{"http date", "Sun, 01 Jun 2025 12:00:30 GMT", 30 * time.Second},
		{"past date", "Sun, 01 Jun 2025 11:00:00 GMT", 0},
		{"far date capped", "Mon, 01 Jun 2026 12:00:00 GMT", maxRetryAfter},
		{"garbage", "soon", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseRetryAfter(tt.in, now); got != tt.want {
				t.Fatalf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestBlockedAddr(t *testing.T) {
	tests := []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"100.64.0.1", true}, {"0.0.0.0", true}, {"224.0.0.1", true},
		{"::1", true}, {"fe80::1", true}, {"fc00::1", true}, {"::ffff:127.0.0.1", true},
		{"93.184.216.34", false}, {"2606:4700::1111", false}, {"8.8.8.8", false},
	}
	for _, tt := range tests {
		t.Run(tt.ip, func(t *testing.T) {
			if got := blockedAddr(netip.MustParseAddr(tt.ip)); got != tt.blocked {
				t.Fatalf("blockedAddr(%s) = %v, want %v", tt.ip, got, tt.blocked)
			}
		})
	}
}

func TestStatusReason(t *testing.T) {
	for code, want := range map[int]Reason{
		200: "", 203: "", 204: ReasonEmpty, 304: ReasonNotModified, 302: ReasonHTTPOther,
		404: ReasonHTTP4xx, 410: ReasonHTTP4xx, 429: ReasonHTTP4xx, 500: ReasonHTTP5xx, 503: ReasonHTTP5xx, 101: ReasonHTTPOther,
	} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			if got := statusReason(code); got != want {
				t.Fatalf("statusReason(%d) = %q, want %q", code, got, want)
			}
		})
	}
}

func TestReasonFailure(t *testing.T) {
	for _, r := range []Reason{"", ReasonRobots, ReasonNotModified, ReasonDuplicate, ReasonListing, ReasonNotHTML, ReasonTrapLimit, ReasonPageLimit, ReasonPrivate} {
		if r.Failure() {
			t.Errorf("%q is a failure, want a skip", r)
		}
	}
	for _, r := range []Reason{ReasonTimeout, ReasonTooLarge, ReasonHTTP4xx, ReasonHTTP5xx, ReasonRedirectLoop, ReasonDecode, ReasonEmpty, ReasonNetwork, ReasonInvalidURL, ReasonPanic, ReasonSink} {
		if !r.Failure() {
			t.Errorf("%q is a skip, want a failure", r)
		}
	}
}

func TestSniffContent(t *testing.T) {
	tests := []struct {
		name, ct, body string
		want           contentKind
	}{
		{"html", "text/html", "<!doctype html><html><body>x</body></html>", contentHTML},
		{"pdf as html", "text/html", "%PDF-1.4\n...", contentBinary},
		{"png as html", "text/html; charset=utf-8", "\x89PNG\r\n\x1a\n\x00\x00", contentBinary},
		{"rss", "application/xml", `<?xml version="1.0"?><!-- c --><rss version="2.0"></rss>`, contentFeed},
		{"atom as text/html", "text/html", `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>`, contentFeed},
		{"sitemap", "", `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`, contentSitemap},
		{"sitemap index", "text/xml", `<?xml version="1.0"?><sitemapindex></sitemapindex>`, contentSitemap},
		{"html without type", "", "<html><p>x</p></html>", contentHTML},
		{"plain text", "text/plain", "just words", contentText},
		{"octet-stream html", "application/octet-stream", "<!DOCTYPE html><html></html>", contentHTML},
		{"empty", "text/html", "  \n", contentEmpty},
		{"json feed", "application/feed+json", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, contentFeed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffContent(tt.ct, []byte(tt.body)); got != tt.want {
				t.Fatalf("sniffContent = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTrap(t *testing.T) {
	f := &frontier{variants: map[string]int{}, now: func() time.Time { return time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC) }}
	tests := []struct {
		name, url string
		trap      bool
	}{
		{"article", "https://example.com/2024/05/12/some-story", false},
		{"page 3", "https://example.com/news?page=3", false},
		{"page 31", "https://example.com/news?page=31", true},
		{"path page 99", "https://example.com/news/page/99/", true},
		{"path page 2", "https://example.com/news/page/2/", false},
		{"calendar future", "https://example.com/calendar/2031/01/", true},
		{"calendar past", "https://example.com/events/1850/", true},
		{"query year", "https://example.com/agenda?year=2150", true},
		{"repeated segments", "https://example.com/a/b/a/b/a/b", true},
		{"too deep", "https://example.com/" + strings.Repeat("x/", 20), true},
		{"too long", "https://example.com/" + strings.Repeat("x", trapMaxURLLen), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := f.trap(tt.url) != ""; got != tt.trap {
				t.Fatalf("trap(%s) = %v, want %v", tt.url, got, tt.trap)
			}
		})
	}
	t.Run("query variants", func(t *testing.T) {
		n := 0
		for i := range trapMaxVariants + 10 {
			if f.trap("https://example.com/search?q=w"+strings.Repeat("x", i)) != "" {
				n++
			}
		}
		if n != 10 {
			t.Fatalf("%d variants refused, want 10", n)
		}
	})
}

func TestIsListing(t *testing.T) {
	links := strings.Repeat(`<li><a href="/news/item">A headline that links somewhere else</a></li>`, 25)
	longText := strings.Repeat("The operator said the network had been restored after a long night of repairs. ", 30)
	tests := []struct {
		name, url, doc string
		body           string // Page.Body as the extractor would give it
		want           bool
	}{
		{"front page", "https://example.com/", `<html><head><meta property="og:type" content="website"></head><body><ul>` + links + `</ul></body></html>`, "", true},
		{"section with cards", "https://example.com/tech/", `<html><body>` + strings.Repeat(`<article><a href="/x">Card title here</a><p>Teaser.</p></article>`, 8) + `</body></html>`, "Teaser.", true},
		{"article with metadata", "https://example.com/tech/", `<html><head><meta property="og:type" content="article"></head><body><ul>` + links + `</ul><p>` + longText + `</p></body></html>`, longText, false},
		{"json-ld article", "https://example.com/x", `<html><head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body><p>` + longText[:400] + `</p></body></html>`, longText[:400], false},
		{"slug without metadata", "https://example.com/news/the-network-was-restored-overnight", `<html><body><nav>` + links[:300] + `</nav><p>` + longText + `</p></body></html>`, longText, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			u, _ := url.Parse(tt.url)
			if got := isListing(root, &Page{Body: tt.body}, u); got != tt.want {
				t.Fatalf("isListing = %v, want %v (signals %+v)", got, tt.want, measureListing(root))
			}
		})
	}
}

func TestURLShape(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want shape
	}{
		{"https://example.com/", shapeListing},
		{"https://example.com/tech/", shapeListing},
		{"https://example.com/world/europe", shapeListing},
		{"https://example.com/tag/outage", shapeListing},
		{"https://example.com/news?page=2", shapeListing},
		{"https://example.com/tech/the-network-was-restored-overnight", shapeArticle},
		{"https://example.com/story/123456", shapeArticle},
		{"https://example.com/2024/05/mobile-outage", shapeArticle},
		{"https://example.com/service/view.php?lang=e&id=181595", shapeArticle},
		{"https://example.com/service/view.php", shapeUnknown},
	} {
		t.Run(tt.url, func(t *testing.T) {
			u, _ := url.Parse(tt.url)
			if got := urlShape(u); got != tt.want {
				t.Fatalf("urlShape = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestReadLimitedSize(t *testing.T) {
	body := strings.Repeat("abcdefghij", 100) // 1,000 bytes
	tests := []struct {
		name        string
		limit, size int64
		wantErr     bool
	}{
		{"size hint exact", 2000, 1000, false},
		{"size hint too small", 2000, 10, false},
		{"size hint too large", 2000, 5000, false},
		{"no hint", 2000, 0, false},
		{"at the limit", 1000, 1000, false},
		{"over the limit", 999, 1000, true},
		{"over the limit, small hint", 500, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readLimitedSize(iotest.OneByteReader(strings.NewReader(body)), tt.limit, tt.size)
			if tt.wantErr {
				if !errors.Is(err, errTooLarge) {
					t.Fatalf("err = %v, want errTooLarge", err)
				}
				return
			}
			if err != nil || string(got) != body {
				t.Fatalf("got %d bytes, err %v; want the %d bytes", len(got), err, len(body))
			}
		})
	}
}
