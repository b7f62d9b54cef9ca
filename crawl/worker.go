package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/net/html"

	"outages/corpus"
)

// worker fetches and processes jobs; all its fields are read-only and
// shared by the pool.
type worker struct {
	c       *Crawler
	fetch   *fetcher
	v       Validators
	sink    Sink
	results chan<- *result
	claims  chan<- claim
}

func (w *worker) loop(ctx context.Context, jobs <-chan *job) {
	for j := range jobs {
		r := w.safeProcess(ctx, j)
		select {
		case w.results <- r:
		case <-ctx.Done():
			return
		}
	}
}

// safeProcess runs process and turns a panic into a failed page.
func (w *worker) safeProcess(ctx context.Context, j *job) (r *result) {
	defer func() {
		if p := recover(); p != nil {
			w.c.log.Error("panic while processing a page", "url", j.url, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			r = w.fail(j, ReasonPanic, fmt.Errorf("%s: panic: %v", j.url, p))
		}
	}()
	return w.process(ctx, j)
}

func (w *worker) newResult(j *job) *result {
	return &result{job: j, report: true, pr: PageResult{URL: j.url, Source: j.src.Name, Depth: j.depth}}
}

func (w *worker) fail(j *job, reason Reason, err error) *result {
	r := w.newResult(j)
	r.pr.Reason, r.pr.Err = reason, err
	return r
}

func (w *worker) process(ctx context.Context, j *job) *result {
	switch j.kind {
	case jobRobots:
		rules, err := fetchRobots(ctx, w.fetch, w.c.log, j.host, w.c.robots)
		return &result{job: j, robots: rules, report: false, pr: PageResult{Err: err}}
	case jobFile, jobDir:
		return w.local(ctx, j)
	case jobJSON:
		return w.jsonFile(ctx, j)
	}
	return w.remote(ctx, j)
}

// remote fetches an http(s) job and dispatches on what it got.
func (w *worker) remote(ctx context.Context, j *job) *result {
	var cond conditional
	if w.v != nil && (j.kind == jobPage || j.kind == jobAuto) {
		etag, lm, ok, err := w.v.Validators(j.url)
		if err != nil {
			w.c.log.Warn("validators lookup failed; fetching unconditionally", "url", j.url, "err", err)
		} else if ok {
			cond = conditional{etag: etag, lastModified: lm}
		}
	}
	resp, err := w.fetch.get(ctx, j.url, cond, w.c.opts.MaxBodyBytes)
	if err != nil {
		if ctx.Err() != nil {
			return &result{job: j}
		}
		var fe *fetchError
		if errors.As(err, &fe) {
			return w.fail(j, fe.reason, fmt.Errorf("fetch %s: %w", j.url, err))
		}
		return w.fail(j, ReasonNetwork, fmt.Errorf("fetch %s: %w", j.url, err))
	}
	r := w.newResult(j)
	r.fetched = true
	r.pr.Bytes = int64(len(resp.body))
	if reason := statusReason(resp.status); reason != "" {
		r.pr.Reason = reason
		if reason.Failure() {
			r.pr.Err = fmt.Errorf("fetch %s: HTTP status %d", j.url, resp.status)
		}
		return r
	}
	kind := sniffContent(resp.contentType, resp.body)
	switch {
	case kind == contentEmpty:
		r.pr.Reason = ReasonEmpty
		r.pr.Err = fmt.Errorf("%s: empty body", j.url)
		return r
	case j.kind == jobFeed || (j.kind == jobAuto && kind == contentFeed):
		return w.feed(j, r, resp)
	case j.kind == jobSitemap || (j.kind == jobAuto && kind == contentSitemap):
		return w.sitemap(j, r, resp)
	case kind != contentHTML:
		r.pr.Reason = ReasonNotHTML
		r.pr.Err = fmt.Errorf("%s: content is %s (%s)", j.url, kind, resp.contentType)
		return r
	}
	meta := corpus.Fetch{
		URL:          j.url,
		FinalURL:     resp.finalURL,
		Status:       resp.status,
		ETag:         resp.header.Get("ETag"),
		LastModified: resp.header.Get("Last-Modified"),
		ContentType:  resp.contentType,
		FetchedAt:    time.Now().UTC(),
	}
	return w.page(ctx, j, r, resp.body, meta)
}

// page extracts an HTML page, follows its links when it is a listing (or
// the source itself) and passes an article to the sink.
func (w *worker) page(ctx context.Context, j *job, r *result, raw []byte, meta corpus.Fetch) *result {
	root, pageURL, failed := parsePage(j, r, raw, &meta)
	if failed != nil {
		return failed
	}
	local := j.kind == jobFile // a local file's links are never followed
	pg, err := extractNode(root, pageURL, j.src.Selectors, !local)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonExtract, fmt.Errorf("extract %s: %w", j.url, err)
		return r
	}
	listing := !local && isListing(root, pg, pageURL)
	if !local && (listing || j.depth == 0) {
		r.links = sameSiteLinks(pageURL, pg.Links, j.depth+1)
	}
	if listing {
		r.pr.Reason = ReasonListing
		return r
	}
	body := strings.TrimSpace(pg.Body)
	if body == "" {
		r.pr.Reason, r.pr.Err = ReasonEmpty, fmt.Errorf("%s: no article text found", j.url)
		return r
	}
	return w.keep(ctx, j, r, newArticle(j, pg, body, meta))
}

// parsePage decodes a page's raw bytes (setting meta.Charset), parses its
// HTML and returns the document and the URL its links resolve against
// (the final URL after redirects, else the job's). When it cannot, it
// returns r as the finished result, its reason and error set.
func parsePage(j *job, r *result, raw []byte, meta *corpus.Fetch) (*html.Node, *url.URL, *result) {
	if len(bytes.TrimSpace(raw)) == 0 {
		r.pr.Reason, r.pr.Err = ReasonEmpty, fmt.Errorf("%s: empty body", j.url)
		return nil, nil, r
	}
	text, cs, err := DecodeHTML(raw, meta.ContentType)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonDecode, fmt.Errorf("%s: %w", j.url, err)
		return nil, nil, r
	}
	meta.Charset = cs
	if !j.src.Selectors.any() {
		// Site selectors may point anywhere; without them no stage reads
		// the script and style text the parser would copy.
		text = stripRawText(text)
	}
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonExtract, fmt.Errorf("parse %s: %w", j.url, err)
		return nil, nil, r
	}
	base := meta.FinalURL
	if base == "" {
		base = j.url
	}
	pageURL, err := url.Parse(base)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonInvalidURL, fmt.Errorf("%s: %w", base, err)
		return nil, nil, r
	}
	return root, pageURL, nil
}

// newArticle is the article of an extracted page whose trimmed body is
// body, with its id, host and content hash.
func newArticle(j *job, pg *Page, body string, meta corpus.Fetch) *corpus.Article {
	a := &corpus.Article{
		URL:          articleURL(j, pg, meta.FinalURL),
		Source:       j.src.Name,
		Title:        strings.TrimSpace(pg.Title),
		Body:         body,
		Published:    pg.Published,
		Modified:     pg.Modified,
		Author:       pg.Author,
		SiteName:     pg.SiteName,
		Description:  pg.Description,
		DeclaredLang: pg.Lang,
		Fetch:        meta,
	}
	if a.Published == "" {
		a.Published = j.hint
	}
	a.ID = corpus.ArticleID(a.URL)
	a.Host = hostOf(a.URL)
	a.ContentHash = corpus.TextHash(a.Title + "\n" + a.Body)
	return a
}

// articleURL is the URL an article is stored under: a local file's is the
// job's; a fetched page's is its final URL after redirects (canonical
// already), or the canonical URL it declares when that is on the same
// site.
func articleURL(j *job, pg *Page, finalURL string) string {
	u := j.url
	if j.kind == jobFile {
		return u
	}
	if finalURL != "" {
		u = finalURL
	}
	if pg.Canonical != "" {
		if c, err := Canonicalize(pg.Canonical); err == nil && sameSite(c, u) {
			u = c
		}
	}
	return u
}

// keep claims the article's URL and text for this run and passes it to the
// sink; a URL or text already claimed or stored is a duplicate.
func (w *worker) keep(ctx context.Context, j *job, r *result, a *corpus.Article) *result {
	if done := w.claim(ctx, j, r, a); done != nil {
		return done
	}
	return w.store(ctx, j, r, a)
}

// claim asks the frontier for the article's URL and content hash. It
// returns nil when the claim is won, else the finished result (a duplicate,
// or an empty result when ctx ends).
func (w *worker) claim(ctx context.Context, j *job, r *result, a *corpus.Article) *result {
	reply := make(chan bool, 1)
	select {
	case w.claims <- claim{url: a.URL, hash: a.ContentHash, reply: reply}:
	case <-ctx.Done():
		return &result{job: j}
	}
	var ok bool
	select {
	case ok = <-reply:
	case <-ctx.Done():
		return &result{job: j}
	}
	if !ok {
		r.pr.Reason = ReasonDuplicate
		return r
	}
	return nil
}

// store hands a claimed article to the sink.
func (w *worker) store(ctx context.Context, j *job, r *result, a *corpus.Article) *result {
	if err := w.sink(ctx, a); err != nil {
		switch {
		case errors.Is(err, corpus.ErrDuplicate):
			r.pr.Reason = ReasonDuplicate
		case ctx.Err() != nil:
			return &result{job: j, release: []string{a.URL, a.ContentHash}}
		default:
			r.pr.Reason, r.pr.Err = ReasonSink, fmt.Errorf("store %s: %w", a.URL, err)
			r.release = []string{a.URL, a.ContentHash}
		}
		return r
	}
	r.pr.Stored = true
	return r
}

// sameSiteLinks canonicalises the http(s) links of a page that stay on its
// site.
func sameSiteLinks(pageURL *url.URL, links []string, depth int) []link {
	site := siteOf(pageURL)
	var out []link
	for _, l := range links {
		u, err := pageURL.Parse(strings.TrimSpace(l))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || siteOf(u) != site {
			continue
		}
		c, err := canonicalURL(u)
		if err != nil {
			continue
		}
		out = append(out, link{url: c, kind: jobPage, depth: depth})
	}
	return out
}

// content kinds found by sniffContent.
type contentKind string

const (
	contentHTML    contentKind = "html"
	contentFeed    contentKind = "feed"
	contentSitemap contentKind = "sitemap"
	contentBinary  contentKind = "binary"
	contentText    contentKind = "text"
	contentEmpty   contentKind = "empty"
)

// sniffContent decides what a body is from its Content-Type and its first
// bytes (http.DetectContentType and the XML root element). Binary content
// wins over a text/html header: a PDF served as text/html is binary.
func sniffContent(contentType string, body []byte) contentKind {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 {
		return contentEmpty
	}
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	sniffed := http.DetectContentType(head)
	if binaryType(sniffed) && !bytes.HasPrefix(body, []byte("\xfe\xff")) && !bytes.HasPrefix(body, []byte("\xff\xfe")) {
		return contentBinary
	}
	switch root := xmlRoot(trimmed); root {
	case "rss", "feed", "rdf:rdf", "rdf":
		return contentFeed
	case "urlset", "sitemapindex":
		return contentSitemap
	case "html":
		return contentHTML
	}
	mt := strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
	if trimmed[0] == '{' && bytes.Contains(head, []byte("jsonfeed.org/version")) {
		return contentFeed
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return contentHTML
	case binaryType(mt):
		if strings.HasPrefix(sniffed, "text/html") {
			return contentHTML
		}
		return contentBinary
	case strings.HasPrefix(sniffed, "text/html"):
		return contentHTML
	}
	return contentText
}

func binaryType(mt string) bool {
	for _, p := range []string{"application/pdf", "image/", "audio/", "video/", "font/",
		"application/zip", "application/x-gzip", "application/gzip", "application/octet-stream",
		"application/x-rar", "application/wasm", "application/ogg", "application/vnd.",
		"application/postscript", "application/x-7z", "application/msword"} {
		if strings.HasPrefix(mt, p) {
			return true
		}
	}
	return false
}

// xmlRoot returns the lower-cased name of the first element of a document,
// skipping the XML declaration, comments, doctype and processing
// instructions ("" when there is none in the first 2 KB).
func xmlRoot(b []byte) string {
	if len(b) > 2048 {
		b = b[:2048]
	}
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 || i+1 >= len(b) {
			return ""
		}
		b = b[i+1:]
		switch {
		case bytes.HasPrefix(b, []byte("!--")):
			end := bytes.Index(b, []byte("-->"))
			if end < 0 {
				return ""
			}
			b = b[end+3:]
			continue
		case b[0] == '?' || b[0] == '!':
			continue
		}
		end := bytes.IndexAny(b, " \t\r\n/>")
		if end < 0 {
			return ""
		}
		return strings.ToLower(string(b[:end]))
	}
}
