package crawl

import (
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	ldArticle = regexp.MustCompile(`"@type"\s*:\s*\[?\s*"(?:News|Reportage|Analysis|Opinion|Report|Background)?Article"|"@type"\s*:\s*\[?\s*"(?:BlogPosting|LiveBlogPosting)"`)
	ldListing = regexp.MustCompile(`"@type"\s*:\s*\[?\s*"(?:CollectionPage|ItemList|SearchResultsPage|WebSite)"`)
	// listingSegments are path segments typical of section and archive pages.
	listingSegments = map[string]bool{
		"category": true, "categories": true, "tag": true, "tags": true, "section": true,
		"sections": true, "rubrique": true, "rubriques": true, "topic": true, "topics": true,
		"archive": true, "archives": true, "author": true, "auteur": true, "page": true,
		"search": true, "recherche": true, "theme": true, "themes": true, "dossier": true,
	}
	longNumber = regexp.MustCompile(`\d{5,}`)
	datedPath  = regexp.MustCompile(`/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/`)
)

// pageSignals are the measurements isListing decides on.
type pageSignals struct {
	ogType      string
	ldArticle   bool
	ldListing   bool
	text, links int // characters of visible body text, and of it inside <a>
	anchors     int
	articles    int // <article> elements
}

func measureListing(root *html.Node) pageSignals {
	var s pageSignals
	var walk func(n *html.Node, inA, inBody bool)
	walk = func(n *html.Node, inA, inBody bool) {
		switch n.Type {
		case html.TextNode:
			if inBody {
				c := utf8.RuneCountInString(strings.TrimSpace(n.Data))
				s.text += c
				if inA {
					s.links += c
				}
			}
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script:
				if strings.EqualFold(listingAttr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					d := n.FirstChild.Data
					s.ldArticle = s.ldArticle || ldArticle.MatchString(d)
					s.ldListing = s.ldListing || ldListing.MatchString(d)
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Meta:
				if strings.EqualFold(listingAttr(n, "property"), "og:type") {
					s.ogType = strings.ToLower(strings.TrimSpace(listingAttr(n, "content")))
				}
			case atom.Body:
				inBody = true
			case atom.A:
				if listingAttr(n, "href") != "" {
					inA = true
					s.anchors++
				}
			case atom.Article:
				s.articles++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inA, inBody)
		}
	}
	walk(root, false, false)
	return s
}

func listingAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// isListing decides whether a page is a front or section page (used for
// discovery, not stored) rather than an article, from simple signals:
// article metadata (og:type, JSON-LD), the length of the extracted body,
// the link density of the page, repeated <article> cards and the URL shape.
func isListing(root *html.Node, pg *Page, u *url.URL) bool {
	s := measureListing(root)
	body := utf8.RuneCountInString(pg.Body)
	articleMeta := strings.HasPrefix(s.ogType, "article") || s.ldArticle
	if articleMeta && body >= 150 {
		return false
	}
	score := 0
	if s.ldListing || s.ogType == "website" {
		score++
	}
	if articleMeta {
		score -= 3
	}
	if s.text > 0 {
		switch d := float64(s.links) / float64(s.text); {
		case d > 0.5:
			score += 2
		case d > 0.35:
			score++
		}
	}
	switch {
	case body < 300:
		score += 2
	case body < 800:
		score++
	case body > 2000:
		score -= 2
	case body > 1200:
		score--
	}
	if s.articles >= 3 {
		score += 2
	}
	switch urlShape(u) {
	case shapeListing:
		score++
	case shapeArticle:
		score -= 2
	}
	return score >= 3
}

type shape int

const (
	shapeUnknown shape = iota
	shapeListing
	shapeArticle
)

// urlShape guesses from the URL alone whether it names a listing (the home
// page, a short section path, a tag or archive path, a page number) or an
// article (a long slug, a long numeric id, a dated path with a slug).
func urlShape(u *url.URL) shape {
	p := strings.Trim(u.Path, "/")
	if p == "" || strings.HasPrefix(strings.ToLower(p), "index.") {
		if u.RawQuery == "" || strings.Contains(u.RawQuery, "page=") {
			return shapeListing
		}
		return shapeUnknown
	}
	segs := strings.Split(p, "/")
	last := segs[len(segs)-1]
	ext := ""
	if i := strings.LastIndexByte(last, '.'); i > 0 {
		last, ext = last[:i], last[i:]
	}
	words := len(strings.FieldsFunc(last, func(r rune) bool { return r == '-' || r == '_' }))
	if words >= 4 || longNumber.MatchString(last) || (datedPath.MatchString("/"+p+"/") && words >= 2) {
		return shapeArticle
	}
	// A script with a numeric id: article.php?id=12345, news_view.htm?seq=181595.
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if longNumber.MatchString(v) && !paginationKeys[strings.ToLower(k)] {
			return shapeArticle
		}
	}
	for _, s := range segs {
		if listingSegments[strings.ToLower(s)] {
			return shapeListing
		}
	}
	if ext == "" && len(segs) <= 2 && words <= 2 && !strings.ContainsAny(last, "0123456789") {
		return shapeListing
	}
	return shapeUnknown
}
