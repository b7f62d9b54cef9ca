package crawl

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// feed parses an RSS, Atom or JSON feed and returns its item links.
func (w *worker) feed(j *job, r *result, resp *response) *result {
	links, err := feedLinks(resp.body, resp.finalURL, j.depth+1)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonParse, fmt.Errorf("feed %s: %w", j.url, err)
		return r
	}
	r.links = links
	return r
}

// feedLinks returns the canonical item links of a feed, with the item's
// publication date as a hint.
func feedLinks(body []byte, base string, depth int) ([]link, error) {
	fd, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	bu, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	var out []link
	for _, it := range fd.Items {
		if it == nil {
			continue
		}
		href := strings.TrimSpace(it.Link)
		if href == "" && len(it.Links) > 0 {
			href = strings.TrimSpace(it.Links[0])
		}
		if href == "" {
			continue
		}
		u, err := bu.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		c, err := canonicalURL(u)
		if err != nil {
			continue
		}
		l := link{url: c, kind: jobPage, depth: depth}
		if it.PublishedParsed != nil && !it.PublishedParsed.IsZero() {
			l.hint = it.PublishedParsed.Format("2006-01-02")
		}
		out = append(out, l)
	}
	return out, nil
}
