// Package crawl fetches news pages for the outages pipeline and turns them
// into corpus articles.
//
// A Crawler visits configured sources: a page URL (a front or section page
// whose article links are followed on the same site), an RSS or Atom feed, a
// sitemap or sitemap index (Google News sitemaps included), a local HTML
// file or folder, or files of articles extracted by another pipeline (JSON
// Lines or .json, our field names or news-please's: DecodeRecord). It is polite by default (robots.txt with Crawl-delay, per
// host concurrency and delay, a global concurrency limit, conditional GET)
// and robust against what the web serves: timeouts, oversized bodies and
// decompression bombs, redirect loops, retries with backoff on 5xx and 429,
// binary content served as HTML, unknown character sets and crawler traps.
//
// One goroutine, the frontier, owns the queue and the seen sets; a bounded
// pool of workers fetches and extracts pages and reports each outcome back.
// Every page that is not stored gets a Reason that is counted in Stats.
//
// The HTML extractor (Extract, ExtractNode, Selectors, Page) lives in the
// same package; the crawler parses each page once and hands the DOM to it.
// Before parsing, the crawler leaves out what no stage reads: the text of
// <script> elements other than JSON-LD and of <style> elements, and the
// inside of inline SVG pictures made only of shapes (stripRawText, unless
// the source has site selectors): about half the bytes of a news page.
package crawl
