package crawl

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"
)

// sitemapDoc is a sitemap (urlset) or a sitemap index; element names match
// in any namespace, so Google News extensions are read too.
type sitemapDoc struct {
	XMLName xml.Name
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			PublicationDate string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// sitemap parses a sitemap or index and returns its links.
func (w *worker) sitemap(j *job, r *result, resp *response) *result {
	links, err := sitemapLinks(resp.body, resp.finalURL, j.depth, w.c.opts.MaxBodyBytes)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonParse, fmt.Errorf("sitemap %s: %w", j.url, err)
		if errors.Is(err, errTooLarge) {
			r.pr.Reason = ReasonTooLarge
		}
		return r
	}
	r.links = links
	return r
}

// sitemapLinks parses a (possibly gzipped) sitemap. Child sitemaps keep the
// depth of their index; pages are one level deeper. A news:publication_date
// becomes the page's publication date hint.
func sitemapLinks(body []byte, base string, depth int, maxBytes int64) ([]link, error) {
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		body, err = readLimited(zr, maxBytes)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	dec.Strict = false
	var doc sitemapDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	switch doc.XMLName.Local {
	case "urlset", "sitemapindex":
	default:
		return nil, fmt.Errorf("root element <%s> is not urlset or sitemapindex", doc.XMLName.Local)
	}
	bu, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	resolve := func(loc string) (string, bool) {
		u, err := bu.Parse(strings.TrimSpace(loc))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return "", false
		}
		c, err := canonicalURL(u)
		return c, err == nil
	}
	var out []link
	for _, s := range doc.Sitemaps {
		if c, ok := resolve(s.Loc); ok {
			out = append(out, link{url: c, kind: jobSitemap, depth: depth})
		}
	}
	for _, e := range doc.URLs {
		c, ok := resolve(e.Loc)
		if !ok {
			continue
		}
		l := link{url: c, kind: jobPage, depth: depth + 1}
		if d := strings.TrimSpace(e.News.PublicationDate); isoDate.MatchString(d) {
			l.hint = d[:10]
		}
		out = append(out, l)
	}
	return out, nil
}
