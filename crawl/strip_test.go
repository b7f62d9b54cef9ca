package crawl

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// emptyRawText removes the text of <style> elements and of <script>
// elements other than JSON-LD outside <svg> and <math>, and the content of
// outermost <svg> elements: what stripRawText may leave out, done on the
// tree. A stripped page and its
// original must parse to the same tree once both are emptied so.
func emptyRawText(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.Svg && (n.Parent == nil || n.Parent.Namespace == "") {
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		return
	}
	if n.Type == html.ElementNode && n.Namespace == "" {
		ld := n.DataAtom == atom.Script && strings.Contains(strings.ToLower(xAttr(n, "type")), "ld+json")
		if n.DataAtom == atom.Style || (n.DataAtom == atom.Script && !ld) {
			for c := n.FirstChild; c != nil; {
				next := c.NextSibling
				if c.Type == html.TextNode {
					n.RemoveChild(c)
				}
				c = next
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		emptyRawText(c)
	}
}

func render(t testing.TB, page []byte, empty bool) string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if empty {
		emptyRawText(root)
	}
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// stripCases are pages whose syntax may mislead a scanner: quoted ">" in
// attributes, comments of every shape, raw text holding tags, scripts
// holding "<!--", foreign content, unfinished markup.
var stripCases = []string{
	`<p>a</p><script>var a = "<b>";</script><p>b</p>`,
	`<style>p > a { color: red }</style><p title="x>y">t</p><script src=x></script>`,
	`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-05-07"}</script><p>x</p>`,
	`<SCRIPT TYPE='Application/LD+JSON'>{"headline":"h"}</SCRIPT><script>1</script >`,
	`<!-- <script>hidden</script> --><script>shown</script><p>x</p>`,
	`<!--> <script>a</script> <!---> <script>b</script> <!-- a --!> <script>c</script>`,
	`<!-- -- > --!- --> <script>d</script>`,
	`<script><!-- document.write("<script>x</script>") --></script><p>after</p><script>e</script>`,
	`<title>a <script>b</script> c</title><script>f</script>`,
	`<textarea><style>x</style></textarea><style>y</style>`,
	`<svg><style>.a{fill:red}</style><script>if (a<b) x()</script></svg><style>z</style>`,
	`<svg/><style>z</style><svg a=b/><style>w</style></svg><style>v</style>`,
	`<math><mi>x</mi></math><script>g</script>`,
	`<svg><![CDATA[ <script> ]]></svg><script>h</script>`,
	`<![CDATA[ <script>i</script> ]]><script>j</script>`,
	`<p a='>' b=">" c=d>e</p><script/type="application/ld+json">{}</script><script/src=x>k</script>`,
	`<noscript><style>n</style></noscript><iframe><script>o</script></iframe><xmp><script>p</script></xmp>`,
	`<plaintext><script>q</script>`,
	`<script>r</scriptx> still </script><style>s</stylex></style>`,
	`<!DOCTYPE html><?xml version="1.0"?><html><head><style>t</style></head><body><script>u`,
	`<script>v</script`,
	`<p =a>b</p><p a = "c>">d</p><script>w</script>`,
	`</ x="<script>"><script>y</script></>`,
	`<a b c d=e/ f>g</a><script>z</script>`,
	`<p>1 < 2 <3 <!x> <script >aa</script ><style/>bb</style\t>`,
	`<svg viewBox="0 0 1 1"><path d="M0 0h1v1z"/> <g><circle r=1 /></g><!-- c --></svg><p>after</p>`,
	`<svg><clipPath id=a><rect/></clipPath><svg><path/></svg><path/></svg><p>x</p>`,
	`<svg><p>breaks out</p></svg><p>y</p>`,
	`<svg><text>label</text></svg><svg>loose text<path/></svg><svg><a href="/x"><path/></a></svg>`,
	`<svg><path class="icon author"/><g itemprop=author></g></svg><svg><path/>`,
	`<svg><title>t</title><path/></svg><svg><style>.a{}</style></svg><svg><path d="a>b"/></svg>`,
}

func TestStripRawText(t *testing.T) {
	pages := [][]byte{}
	for _, c := range stripCases {
		pages = append(pages, []byte(c))
	}
	pages = append(pages, sharedPages(t, "extraction", "pubdate")...)
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, raw)
	}
	u, _ := url.Parse("https://example.org/news/2024/05/07/story")
	var before, after int
	for i, page := range pages {
		stripped := stripRawText(page)
		before, after = before+len(page), after+len(stripped)
		if got, want := render(t, stripped, true), render(t, page, true); got != want {
			t.Errorf("page %d: the stripped page parses to\n%s\nwant\n%s", i, got, want)
			continue
		}
		p1, err1 := Extract(page, u, Selectors{})
		p2, err2 := Extract(stripped, u, Selectors{})
		if err1 != nil || err2 != nil || !reflect.DeepEqual(p1, p2) {
			t.Errorf("page %d: extraction differs:\n%+v\n%+v", i, p1, p2)
		}
	}
	t.Logf("%d pages, %d bytes, %d after stripping", len(pages), before, after)
}

func FuzzStripRawText(f *testing.F) {
	for _, c := range stripCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, page string) {
		stripped := stripRawText([]byte(page))
		if len(stripped) > len(page) {
			t.Fatalf("stripped page is longer")
		}
		if !strings.Contains(strings.ToLower(page), "<svg") && !strings.Contains(strings.ToLower(page), "<math") {
			if got, want := render(t, stripped, true), render(t, []byte(page), true); got != want {
				t.Errorf("stripped page parses to\n%s\nwant\n%s", got, want)
			}
		}
	})
}

// BenchmarkStripRawText measures the cut over the shared pages; compare
// with BenchmarkParseOnly and BenchmarkParseStripped.
func BenchmarkStripRawText(b *testing.B) {
	pages := benchPages(b)
	b.SetBytes(benchTotal(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			stripRawText(p)
		}
	}
}

// BenchmarkParseStripped is BenchmarkParseOnly on stripped pages,
// stripping included.
func BenchmarkParseStripped(b *testing.B) {
	pages := benchPages(b)
	b.SetBytes(benchTotal(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(stripRawText(p))); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// TestStripRawTextCuts checks what is cut and what is kept.
func TestStripRawTextCuts(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"script and style", `<style>a{}</style><script>x()</script><p>t</p>`, `<style></style><script></script><p>t</p>`},
		{"JSON-LD kept", `<script type="application/ld+json">{}</script>`, `<script type="application/ld+json">{}</script>`},
		{"shapes cut", `<svg><path d="M0"/><g></g></svg><p>t</p>`, `<svg></svg><p>t</p>`},
		{"svg text kept", `<svg><text>t</text></svg>`, `<svg><text>t</text></svg>`},
		{"svg link kept", `<svg><a href="/x"><path/></a></svg>`, `<svg><a href="/x"><path/></a></svg>`},
		{"escaped script stops the cuts", `<script><!--</script><style>s</style>`, `<script><!--</script><style>s</style>`},
		{"style in svg kept", `<svg><style>s</style></svg><style>t</style>`, `<svg><style>s</style></svg><style></style>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(stripRawText([]byte(tt.page))); got != tt.want {
				t.Errorf("stripRawText(%q) = %q, want %q", tt.page, got, tt.want)
			}
		})
	}
}
