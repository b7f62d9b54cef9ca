package crawl

import (
	"strings"
	"time"
)

// Selectors are optional goquery CSS selectors that override the generic
// extractor for one site. An empty selector means "use the generic rule".
type Selectors struct {
	Title string `json:"title,omitempty"`
	Body  string `json:"body,omitempty"`
	Date  string `json:"date,omitempty"`
}

// Page is what the extractor finds in one HTML page.
type Page struct {
	Title         string    // og:title, <h1>, <title> without the site-name suffix
	Body          string    // the article's own text; paragraphs separated by "\n\n"
	Published     string    // YYYY-MM-DD, or "" when unknown
	PublishedTime time.Time // zero when unknown; the date and time when known
	Modified      string    // YYYY-MM-DD, or ""
	Author        string
	SiteName      string
	Canonical     string // absolute rel=canonical / og:url, or ""
	Lang          string // declared language: <html lang>, og:locale, content-language (as written, e.g. "fr-FR")
	Description   string
	Links         []string // absolute outgoing links in document order (for discovery), deduplicated
}

// any reports whether a selector is set.
func (s Selectors) any() bool {
	return strings.TrimSpace(s.Title) != "" || strings.TrimSpace(s.Body) != "" || strings.TrimSpace(s.Date) != ""
}
