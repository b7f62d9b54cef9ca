package crawl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// xMaxLinks bounds the number of outgoing links kept from one page.
const xMaxLinks = 5000

// Extract parses UTF-8 HTML (already decoded by the fetcher) and calls
// ExtractNode. pageURL may be nil.
func Extract(htmlUTF8 []byte, pageURL *url.URL, sel Selectors) (*Page, error) {
	root, err := html.Parse(bytes.NewReader(htmlUTF8))
	if err != nil {
		return nil, fmt.Errorf("extract %s: parse: %w", xUrlString(pageURL), err)
	}
	return ExtractNode(root, pageURL, sel)
}

// ExtractNode extracts title, body, dates and metadata from a parsed page.
// The document is only read, never modified, so the caller may hand the
// same tree to other stages. pageURL may be nil (a local file); relative
// links are then dropped unless the page declares a <base> or canonical
// URL. Site selectors (goquery CSS) win over the generic rules when they
// match.
func ExtractNode(root *html.Node, pageURL *url.URL, sel Selectors) (*Page, error) {
	return extractNode(root, pageURL, sel, true)
}

// extractNode is ExtractNode; without withLinks it leaves Page.Links
// empty and skips resolving every link of the page (a local file's links
// are never followed).
func extractNode(root *html.Node, pageURL *url.URL, sel Selectors, withLinks bool) (*Page, error) {
	if root == nil {
		return nil, fmt.Errorf("extract %s: %w", xUrlString(pageURL), errors.New("nil document"))
	}
	compiled, err := compileSelectors(sel)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", xUrlString(pageURL), err)
	}
	m := scanMeta(root)
	base := pageURL
	if m.base != "" {
		if b, err := xResolve(pageURL, m.base); err == nil && b.IsAbs() {
			base = b
		}
	}

	p := &Page{}
	p.Canonical = xAbsHTTP(base, xFirstNonEmpty(m.canonical, m.meta["og:url"]))
	if base == nil && p.Canonical != "" {
		base, _ = url.Parse(p.Canonical)
	}
	p.Lang = strings.TrimSpace(xFirstNonEmpty(m.htmlLang, m.meta["og:locale"], m.httpEquivLang, m.meta["language"], m.meta["dc.language"]))
	p.Description = xCollapse(xFirstNonEmpty(m.meta["description"], m.meta["og:description"], m.meta["twitter:description"], m.ld.description))
	p.SiteName = xCollapse(xFirstNonEmpty(m.meta["og:site_name"], m.ld.publisher, m.meta["application-name"], m.meta["twitter:site"]))
	p.SiteName = strings.TrimPrefix(p.SiteName, "@")
	p.Author = findAuthor(root, m)
	p.Title = findTitle(m, p.SiteName)
	if withLinks {
		p.Links = m.links(base)
	}

	var doc *goquery.Document
	if compiled.any() {
		doc = goquery.NewDocumentFromNode(root)
	}
	if compiled.title != nil {
		if t := xCollapse(doc.FindMatcher(compiled.title).First().Text()); t != "" {
			p.Title = t
		}
	}
	if compiled.body != nil {
		if s := doc.FindMatcher(compiled.body); s.Length() > 0 {
			var b xTextBuilder
			for _, n := range s.Nodes {
				b.flush()
				b.render(n, func(c *html.Node) bool { return xHidden(c) }, 0)
			}
			p.Body = b.String()
		}
	}
	if p.Body == "" {
		p.Body = extractBody(root)
	}

	d := findDates(root, m, pageURL)
	if compiled.date != nil {
		s := doc.FindMatcher(compiled.date).First()
		if s.Length() > 0 {
			raw := xFirstNonEmpty(xAttr(s.Nodes[0], "datetime"), xAttr(s.Nodes[0], "content"), s.Text())
			if dt, ok := parseDateText(raw); ok {
				d.published = dt
			}
		}
	}
	p.Published, p.PublishedTime = d.published.day(), d.published.timeValue()
	if d.instant.valid() {
		p.PublishedTime = d.instant.timeValue()
	}
	p.Modified = d.modified.day()
	return p, nil
}

// compiledSelectors holds the site selectors, compiled once.
type compiledSelectors struct {
	title, body, date goquery.Matcher
}

func (c compiledSelectors) any() bool { return c.title != nil || c.body != nil || c.date != nil }

func compileSelectors(sel Selectors) (compiledSelectors, error) {
	var c compiledSelectors
	for _, s := range []struct {
		name string
		src  string
		dst  *goquery.Matcher
	}{{"title", sel.Title, &c.title}, {"body", sel.Body, &c.body}, {"date", sel.Date, &c.date}} {
		if strings.TrimSpace(s.src) == "" {
			continue
		}
		m, err := cascadia.Compile(s.src)
		if err != nil {
			return c, fmt.Errorf("%s selector %q: %w", s.name, s.src, err)
		}
		*s.dst = m
	}
	return c, nil
}

func xUrlString(u *url.URL) string {
	if u == nil {
		return "(no URL)"
	}
	return u.String()
}

func xFirstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// xResolve resolves ref against base (which may be nil).
func xResolve(base *url.URL, ref string) (*url.URL, error) {
	ref = strings.TrimSpace(ref)
	u, err := url.Parse(ref)
	if err != nil {
		return nil, err
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u, nil
}

// xAbsHTTP returns ref as an absolute http(s) URL without fragment, or "".
func xAbsHTTP(base *url.URL, ref string) string {
	if strings.TrimSpace(ref) == "" {
		return ""
	}
	u, err := xResolve(base, ref)
	if err != nil || !u.IsAbs() || u.Host == "" {
		return ""
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// pageMeta is what one pass over the document collects.
type pageMeta struct {
	meta          map[string]string // first value per lower-cased name/property/itemprop
	htmlLang      string
	httpEquivLang string
	base          string
	canonical     string
	title         string
	h1            []string
	hrefs         []string
	ld            ldInfo
	times         []*html.Node // <time> elements and itemprop date elements
	authorNodes   []*html.Node
	bylineNodes   []*html.Node // elements whose class names an author
}

func scanMeta(root *html.Node) *pageMeta {
	m := &pageMeta{meta: make(map[string]string)}
	m.walk(root, 0)
	return m
}

// walk collects the metadata of n and of the elements under it, down to
// xMaxDepth levels; it does not enter scripts and styles.
func (m *pageMeta) walk(n *html.Node, depth int) {
	if depth > xMaxDepth {
		return
	}
	if n.Type == html.ElementNode {
		if !m.element(n) {
			return
		}
		m.itemprops(n)
		m.byline(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c, depth+1)
	}
}

// element collects what an element says by its tag: the page's language,
// meta values, base and canonical URLs, title, headings, links, JSON-LD
// and times. It reports false for a script or style, whose content walk
// does not enter.
func (m *pageMeta) element(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html:
		if m.htmlLang == "" {
			m.htmlLang = xFirstNonEmpty(xAttr(n, "lang"), xAttr(n, "xml:lang"))
		}
	case atom.Meta:
		m.metaTag(n)
	case atom.Base:
		if m.base == "" {
			m.base = xAttr(n, "href")
		}
	case atom.Link:
		rel := strings.ToLower(xAttr(n, "rel"))
		if m.canonical == "" && xHasToken(rel, "canonical") {
			m.canonical = xAttr(n, "href")
		}
	case atom.Title:
		if m.title == "" && !xHasAncestor(n, atom.Svg) {
			m.title = xNodeText(n)
		}
	case atom.H1:
		if len(m.h1) < 8 {
			if t := xNodeText(n); t != "" && len(t) < 600 {
				m.h1 = append(m.h1, t)
			}
		}
	case atom.A:
		if h := xAttr(n, "href"); h != "" && len(m.hrefs) < xMaxLinks*2 {
			m.hrefs = append(m.hrefs, h)
		}
	case atom.Script:
		if strings.EqualFold(strings.TrimSpace(xAttr(n, "type")), "application/ld+json") && n.FirstChild != nil {
			m.ld.parse(n.FirstChild.Data)
		}
		return false
	case atom.Style:
		return false
	case atom.Time:
		m.times = append(m.times, n)
	}
	return true
}

// metaTag keeps the content of a <meta> element under each of its
// property, name and itemprop (lower-cased; the first value of a name
// wins), and the language an http-equiv Content-Language declares.
func (m *pageMeta) metaTag(n *html.Node) {
	content := unescapeLeft(xAttr(n, "content"))
	for _, k := range []string{"property", "name", "itemprop"} {
		if key := strings.ToLower(strings.TrimSpace(xAttr(n, k))); key != "" && content != "" {
			if _, ok := m.meta[key]; !ok {
				m.meta[key] = content
			}
		}
	}
	if strings.EqualFold(xAttr(n, "http-equiv"), "content-language") && m.httpEquivLang == "" {
		m.httpEquivLang = content
	}
}

// itemprops keeps an element (other than <meta> and <time>) whose
// microdata itemprop names a date or an author, and a link whose rel
// names its author.
func (m *pageMeta) itemprops(n *html.Node) {
	if ip := strings.ToLower(xAttr(n, "itemprop")); ip != "" && n.DataAtom != atom.Meta && n.DataAtom != atom.Time {
		switch ip {
		case "datepublished", "datecreated", "datemodified", "dateupdated":
			m.times = append(m.times, n)
		case "author", "creator":
			m.authorNodes = append(m.authorNodes, n)
		}
	}
	if rel := xAttr(n, "rel"); n.DataAtom == atom.A && xHasToken(strings.ToLower(rel), "author") {
		m.authorNodes = append(m.authorNodes, n)
	}
}

// byline keeps an element one of whose class names is a byline's (see
// bylineClass), up to 8 of them.
func (m *pageMeta) byline(n *html.Node) {
	if cls := xAttr(n, "class"); len(m.bylineNodes) < 8 && mayNameAuthor(cls) {
		for _, f := range strings.Fields(strings.ToLower(cls)) {
			if bylineClass(f) {
				m.bylineNodes = append(m.bylineNodes, n)
				break
			}
		}
	}
}

// bylineClass reports whether a lower-cased class name marks an author's
// name: "author", "author-name", "byline__name", "auteur", or one ending
// in "__author" or "-author".
func bylineClass(f string) bool {
	return f == "author" || f == "author-name" || f == "byline__name" || f == "auteur" || strings.HasSuffix(f, "__author") || strings.HasSuffix(f, "-author")
}

// mayNameAuthor reports whether a class list may hold one of the byline
// class names byline looks for (see bylineClass): each of them contains
// "author", "auteur" or "byline__name" (any case). Most class lists do
// not, and skip the lower-casing and splitting.
func mayNameAuthor(cls string) bool {
	for i := 0; i+6 <= len(cls); i++ {
		switch cls[i] | 0x20 {
		case 'a':
			if strings.EqualFold(cls[i:i+6], "author") || strings.EqualFold(cls[i:i+6], "auteur") {
				return true
			}
		case 'b':
			if i+12 <= len(cls) && strings.EqualFold(cls[i:i+12], "byline__name") {
				return true
			}
		}
	}
	return false
}

func xHasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// links returns the absolute http(s) links, fragments removed, deduplicated.
func (m *pageMeta) links(base *url.URL) []string {
	seen := make(map[string]bool, len(m.hrefs))
	raw := make(map[string]bool, len(m.hrefs)) // the same href resolves to the same link
	out := []string{}
	for _, h := range m.hrefs {
		if raw[h] {
			continue
		}
		raw[h] = true
		s := xAbsHTTP(base, h)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) >= xMaxLinks {
			break
		}
	}
	return out
}

// leftEntity is a character reference still in a text once the HTML
// parser has decoded it: the page escaped it twice ("&amp;#039;" in an
// attribute), or wrote it into JSON-LD, which HTML never decodes.
var leftEntity = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});`)

// unescapeLeft decodes the character references left in s ("Australian
// &#039;megablaze&#039;", "l&rsquo;opérateur").
func unescapeLeft(s string) string {
	if !strings.Contains(s, "&") || !leftEntity.MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}

// ldInfo collects the fields of JSON-LD blocks that describe an article.
type ldInfo struct {
	headline, description, publisher, author string
	published, modified                      string
	hasArticle                               bool
}

// articleTypes are the schema.org types that describe the page's article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "blogposting": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"liveblogposting": true, "webpage": false, "socialmediaposting": true, "scholarlyarticle": true,
	"techarticle": true, "report": true, "posting": true, "creativework": true, "videoobject": true,
}

func (l *ldInfo) parse(src string) {
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(src, "<!--")
	src = strings.TrimSuffix(src, "-->")
	src = strings.TrimSuffix(strings.TrimSpace(src), ";")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return
	}
	l.visit(v, 0)
}

func (l *ldInfo) visit(v any, depth int) {
	if depth > 12 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			l.visit(e, depth+1)
		}
	case map[string]any:
		types := ldTypes(x["@type"])
		isArticle := false
		isPage := false
		for _, t := range types {
			t = strings.ToLower(t)
			if articleTypes[t] {
				isArticle = true
			}
			if t == "webpage" || t == "itempage" {
				isPage = true
			}
		}
		if isArticle || (isPage && !l.hasArticle) {
			fresh := isArticle && !l.hasArticle
			set := func(dst *string, val string) {
				if val != "" && (*dst == "" || fresh) {
					*dst = val
				}
			}
			set(&l.published, ldString(x["datePublished"]))
			if ldString(x["datePublished"]) == "" {
				set(&l.published, ldString(x["dateCreated"]))
			}
			set(&l.modified, ldString(x["dateModified"]))
			set(&l.headline, ldString(x["headline"]))
			set(&l.description, ldString(x["description"]))
			set(&l.author, ldName(x["author"]))
			set(&l.publisher, ldName(x["publisher"]))
			if isArticle {
				l.hasArticle = true
			}
		}
		for k, e := range x {
			if k == "@graph" || k == "mainEntity" || k == "itemListElement" {
				l.visit(e, depth+1)
			}
		}
	}
}

func ldTypes(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(unescapeLeft(t))
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	case map[string]any:
		return ldString(t["@value"])
	}
	return ""
}

// ldName returns the name(s) of a Person/Organization value.
func ldName(v any) string {
	switch t := v.(type) {
	case string:
		if strings.HasPrefix(t, "http") {
			return ""
		}
		return strings.TrimSpace(t)
	case map[string]any:
		return ldString(t["name"])
	case []any:
		var names []string
		for _, e := range t {
			if s := ldName(e); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// findAuthor returns the author from metadata, JSON-LD or byline markup.
func findAuthor(root *html.Node, m *pageMeta) string {
	cands := []string{m.ld.author, m.meta["author"], m.meta["article:author"], m.meta["parsely-author"],
		m.meta["sailthru.author"], m.meta["dc.creator"], m.meta["byl"], m.meta["twitter:creator"]}
	for _, n := range append(m.authorNodes, m.bylineNodes...) {
		if s := xFirstNonEmpty(xAttr(n, "content"), xNodeText(n)); s != "" && len(s) < 100 {
			cands = append(cands, s)
		}
	}
	for _, c := range cands {
		c = xCollapse(c)
		if c == "" || strings.HasPrefix(c, "http://") || strings.HasPrefix(c, "https://") || len(c) > 200 {
			continue
		}
		c = strings.TrimPrefix(c, "@")
		for _, p := range []string{"By ", "by ", "Par ", "par ", "بقلم ", "كتب "} {
			c = strings.TrimPrefix(c, p)
		}
		return strings.TrimSpace(c)
	}
	return ""
}
