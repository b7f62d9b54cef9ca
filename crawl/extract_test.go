package crawl

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		name, title, site, want string
	}{
		{"dash suffix with site", "Panne chez Orange - Le Monde", "Le Monde", "Panne chez Orange"},
		{"pipe suffix with site", "Outage hits payments | Site", "Site", "Outage hits payments"},
		{"prefix with site", "Site | Outage hits payments", "Site", "Outage hits payments"},
		{"domain-like site", "Coupure géante à Lyon - LeMonde.fr", "Le Monde", "Coupure géante à Lyon"},
		{"short tail without site", "Power cut leaves thousands in the dark – Valley Courier", "", "Power cut leaves thousands in the dark"},
		{"colon kept", "Réseau mobile : retour à la normale", "", "Réseau mobile : retour à la normale"},
		{"no separator", "Simple title", "Site", "Simple title"},
		{"arabic", "انقطاع واسع لخدمة الإنترنت في عدة مدن | صحيفة الوادي", "صحيفة الوادي", "انقطاع واسع لخدمة الإنترنت في عدة مدن"},
		{"hyphenated words kept", "Mid-week update on the long-term fix", "", "Mid-week update on the long-term fix"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripSiteName(tt.title, tt.site); got != tt.want {
				t.Errorf("stripSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
			}
		})
	}
}

func TestTitleSources(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"og:title wins", `<title>T - S</title><meta property="og:title" content="OG title">`, `<h1>H1 title</h1>`, "OG title"},
		{"h1 over title", `<title>Cable cut in the Red Sea | Wire</title>`, `<h1>Cable cut in the Red Sea</h1>`, "Cable cut in the Red Sea"},
		{"title stripped", `<title>Cable cut slows traffic to the Gulf - The Wire</title>`, `<p>x</p>`, "Cable cut slows traffic to the Gulf"},
		{"json-ld headline", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script>`, ``, "LD headline"},
		{"og:title escaped twice", `<meta property="og:title" content="Australian &amp;#039;megablaze&amp;#039; contained">`, ``, "Australian 'megablaze' contained"},
		{"json-ld entities", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"L&rsquo;op&eacute;rateur &amp; l&#8217;&Eacute;tat"}</script>`, ``, "L’opérateur & l’État"},
		{"ampersand kept", `<meta property="og:title" content="AT&amp;T and R&amp;D: no entity left">`, ``, "AT&T and R&D: no entity left"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract([]byte("<html><head>"+tt.head+"</head><body>"+tt.body+"</body></html>"), nil, Selectors{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.want {
				t.Errorf("Title = %q, want %q", p.Title, tt.want)
			}
		})
	}
}

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2024-03-05T10:54:00+01:00", "2024-03-05", true},
		{"2023-11-08T02:15:00Z", "2023-11-08", true},
		{"2020-04-13 16:38", "2020-04-13", true},
		{"20200413T163807Z", "2020-04-13", true},
		{"Publié le 22 juin 2012 à 10h54", "2012-06-22", true},
		{"le 1er mars 2021", "2021-03-01", true},
		{"June 22, 2012", "2012-06-22", true},
		{"Mon, 22 Jun 2012 10:54:00 GMT", "2012-06-22", true},
		{"Sept. 3, 2019 5:01 p.m.", "2019-09-03", true},
		{"22/06/2012", "2012-06-22", true},
		{"06/22/2012", "2012-06-22", true},
		{"2012/06/22", "2012-06-22", true},
		{"نشر في 12 مارس 2024", "2024-03-12", true},
		{"١٢ يونيو ٢٠٢٠", "2020-06-12", true},
		{"الخميس 5 تشرين الأول 2023", "2023-10-05", true},
		{"not a date", "", false},
		{"2021-02-30", "", false},
		{"1850-01-01", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, ok := parseDateText(tt.in)
			if ok != tt.ok || d.day() != tt.want {
				t.Errorf("parseDateText(%q) = %q, %v; want %q, %v", tt.in, d.day(), ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDateSources(t *testing.T) {
	tests := []struct {
		name, page, url  string
		wantPub, wantMod string
		wantTime         string // RFC 3339, "" to skip
	}{
		{"json-ld", `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":"NewsArticle","datePublished":"2020-02-03T08:00:00+01:00","dateModified":"2020-02-04T09:00:00+01:00"}]}</script>`, "", "2020-02-03", "2020-02-04", "2020-02-03T08:00:00+01:00"},
		{"article meta", `<meta property="article:published_time" content="2021-05-06T20:30:00-04:00"><meta property="article:modified_time" content="2021-05-07">`, "", "2021-05-06", "2021-05-07", "2021-05-06T20:30:00-04:00"},
		{"time datetime", `<p>text</p><time datetime="2018-07-08T10:00:00+02:00">8 juillet</time>`, "", "2018-07-08", "", ""},
		{"itemprop", `<span itemprop="datePublished" content="2017-01-02">2 janvier 2017</span>`, "", "2017-01-02", "", ""},
		{"url path", `<p>Nothing dated here.</p>`, "https://news.example/2016/09/10/story.html", "2016-09-10", "", ""},
		{"french byline", `<div class="meta">Publié le 22 juin 2012 à 10h54 - Mis à jour le 23 juin 2012 à 08h00</div>`, "", "2012-06-22", "2012-06-23", ""},
		{"arabic byline", `<div>نشر في ٢٢ يونيو ٢٠١٢</div>`, "", "2012-06-22", "", ""},
		{"english byline", `<p class="dateline">Published March 4, 2015. Updated March 6, 2015</p>`, "", "2015-03-04", "2015-03-06", ""},
		{"utc evening story", `<meta property="article:published_time" content="2023-11-08T02:15:00Z"><p>Published <time>November 7, 2023</time></p>`, "", "2023-11-07", "", "2023-11-08T02:15:00Z"},
		{"utc morning kept", `<meta property="article:published_time" content="2023-11-08T09:15:00Z"><p><time>November 7, 2023</time></p>`, "", "2023-11-08", "", ""},
		{"nothing", `<p>No date at all in this page.</p>`, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var u *url.URL
			if tt.url != "" {
				u, _ = url.Parse(tt.url)
			}
			p, err := Extract([]byte("<html><head></head><body>"+tt.page+"</body></html>"), u, Selectors{})
			if err != nil {
				t.Fatal(err)
			}
			if p.Published != tt.wantPub || p.Modified != tt.wantMod {
				t.Errorf("Published, Modified = %q, %q; want %q, %q", p.Published, p.Modified, tt.wantPub, tt.wantMod)
			}
			if tt.wantTime != "" && p.PublishedTime.Format(time.RFC3339) != tt.wantTime {
				t.Errorf("PublishedTime = %s, want %s", p.PublishedTime.Format(time.RFC3339), tt.wantTime)
			}
			if tt.wantPub == "" && !p.PublishedTime.IsZero() {
				t.Errorf("PublishedTime = %v, want zero", p.PublishedTime)
			}
		})
	}
}

func TestExtractBodyRules(t *testing.T) {
	long := strings.Repeat("Les techniciens ont rétabli le service dans la soirée, après plusieurs heures de coupure. ", 4)
	tests := []struct {
		name    string
		page    string
		want    []string
		wantNot []string
	}{
		{"inline joined", `<article><p>Le <b>Gr</b>and incident. ` + long + `</p></article>`, []string{"Le Grand incident."}, nil},
		{"blocks separated", `<article><p>` + long + `</p><p>Second paragraph, with a comma, and a full stop.</p></article>`, []string{"coupure.\n\nSecond paragraph"}, nil},
		{"boilerplate removed", `<div class="cookie-consent"><p>We use cookies, yes, many cookies, to track you everywhere.</p></div>
			<article><p>` + long + `</p><div class="share-tools"><a href="/s">Share this</a></div>
			<figure><img src="a.jpg"><figcaption>Caption of the photo, credited to someone.</figcaption></figure></article>
			<div class="comments"><p>First comment, quite long, with opinions, many opinions.</p></div>`,
			[]string{"Les techniciens"}, []string{"cookies", "Share", "Caption", "comment"}},
		{"script and style skipped", `<article><script>var x = "hidden code";</script><style>p{}</style><p>` + long + `</p></article>`, []string{"Les techniciens"}, []string{"hidden code", "p{}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract([]byte("<html><body>"+tt.page+"</body></html>"), nil, Selectors{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(p.Body, w) {
					t.Errorf("body lacks %q:\n%s", w, p.Body)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(p.Body, w) {
					t.Errorf("body has %q:\n%s", w, p.Body)
				}
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	t.Run("nil node", func(t *testing.T) {
		if _, err := ExtractNode(nil, nil, Selectors{}); err == nil {
			t.Error("want an error for a nil document")
		}
	})
	t.Run("bad selector", func(t *testing.T) {
		_, err := Extract([]byte("<p>x</p>"), nil, Selectors{Body: "div[["})
		if err == nil || !strings.Contains(err.Error(), "body selector") {
			t.Errorf("err = %v, want a body selector error", err)
		}
	})
	t.Run("does not modify the tree", func(t *testing.T) {
		src := `<html><body><nav><a href="/a">A</a></nav><article><p>Some text, long enough to be an article paragraph for sure.</p></article></body></html>`
		root, err := html.Parse(strings.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		var before, after bytes.Buffer
		html.Render(&before, root)
		if _, err := ExtractNode(root, nil, Selectors{}); err != nil {
			t.Fatal(err)
		}
		html.Render(&after, root)
		if before.String() != after.String() {
			t.Error("ExtractNode modified the document")
		}
	})
}

func TestExtractLinks(t *testing.T) {
	u, _ := url.Parse("https://news.example/a/b.html")
	page := `<a href="/x#frag">1</a><a href="/x">dup</a><a href="c.html">2</a><a href="mailto:a@b">m</a>
		<a href="javascript:void(0)">j</a><a href="//cdn.example/y">3</a><a href="ftp://f.example/z">f</a><a href="  https://other.example/p?q=1#top ">4</a>`
	p, err := Extract([]byte(page), u, Selectors{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://news.example/x", "https://news.example/a/c.html", "https://cdn.example/y", "https://other.example/p?q=1"}
	if strings.Join(p.Links, " ") != strings.Join(want, " ") {
		t.Errorf("Links = %q, want %q", p.Links, want)
	}
}

func FuzzExtract(f *testing.F) {
	f.Add([]byte(`<html lang="fr"><head><title>a - b</title></head><body><article><p>Publié le 3 mars 2020</p></article></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-13-45"}]}</script>`))
	f.Add([]byte(`<div><div><div><p>unclosed <b><i>tags<table><td>x`))
	f.Add([]byte("\xff\xfe<\x00p>"))
	f.Add([]byte(strings.Repeat("<div>", 3000)))
	u, _ := url.Parse("https://example.org/2020/01/02/x")
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		p, err := Extract(data, u, Selectors{})
		if err != nil {
			return
		}
		if p == nil {
			t.Fatal("nil page without error")
		}
		if p.Published != "" {
			if _, err := time.Parse(time.DateOnly, p.Published); err != nil {
				t.Fatalf("bad Published %q", p.Published)
			}
		}
	})
}

func TestExtractDeepDocument(t *testing.T) {
	t.Run("deep tree", func(t *testing.T) {
		// The parser refuses such depth, but a tree built by other code
		// may have it: the walks are bounded.
		root := &html.Node{Type: html.DocumentNode}
		cur := root
		for i := 0; i < 50000; i++ {
			n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			cur.AppendChild(n)
			cur = n
		}
		cur.AppendChild(&html.Node{Type: html.TextNode, Data: "deep text"})
		if _, err := ExtractNode(root, nil, Selectors{}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("deep markup", func(t *testing.T) {
		// Either a clear parse error or a page, never a panic.
		doc := strings.Repeat("<div>", 20000) + "text" + strings.Repeat("</div>", 20000)
		if p, err := Extract([]byte(doc), nil, Selectors{}); err == nil && p == nil {
			t.Fatal("nil page without error")
		}
	})
	t.Run("wide", func(t *testing.T) {
		doc := "<body>" + strings.Repeat("<p>word, word, word, word, word, word, word.</p>", 20000) + "</body>"
		p, err := Extract([]byte(doc), nil, Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(p.Body, "word, word") {
			t.Error("wide page lost its text")
		}
	})
}

// benchPages loads the shared extraction pages (skips when absent).
func benchPages(b *testing.B) [][]byte {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "eval", "extraction", "*.html.gz"))
	if len(files) == 0 {
		b.Skip("../shared/eval/extraction not found")
	}
	var pages [][]byte
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
	return pages
}

func benchTotal(pages [][]byte) int64 {
	var n int64
	for _, p := range pages {
		n += int64(len(p))
	}
	return n
}

// BenchmarkExtract measures parse + extraction over the shared pages.
func BenchmarkExtract(b *testing.B) {
	pages := benchPages(b)
	u, _ := url.Parse("https://example.org/news/story")
	b.SetBytes(benchTotal(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Extract(p, u, Selectors{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtractNode measures extraction alone on pre-parsed pages.
func BenchmarkExtractNode(b *testing.B) {
	pages := benchPages(b)
	u, _ := url.Parse("https://example.org/news/story")
	var roots []*html.Node
	for _, p := range pages {
		root, err := html.Parse(bytes.NewReader(p))
		if err != nil {
			b.Fatal(err)
		}
		roots = append(roots, root)
	}
	b.SetBytes(benchTotal(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range roots {
			if _, err := ExtractNode(r, u, Selectors{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(roots))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseOnly is the floor: html.Parse alone over the same pages.
func BenchmarkParseOnly(b *testing.B) {
	pages := benchPages(b)
	b.SetBytes(benchTotal(pages))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
