package crawl

// Reason says why a page was not stored. The empty Reason means the page
// was stored (or, for feeds, sitemaps and listing pages, used for discovery
// as intended).
type Reason string

// Reasons recorded in Stats and PageResult.
//
// Normal skips (Failure reports false): robots, not_modified, duplicate,
// listing, not_html, trap_limit, page_limit, private_address. They are what
// a polite, bounded crawl is expected to do and never make a run fail.
//
// Failures (Failure reports true): everything else. They mean a page that
// should have become an article could not be obtained or understood.
const (
	ReasonRobots       Reason = "robots"          // disallowed by robots.txt (or robots.txt unavailable: RFC 9309 full disallow)
	ReasonNotModified  Reason = "not_modified"    // 304, or an unchanged local file
	ReasonDuplicate    Reason = "duplicate"       // same canonical URL or same text as a page already stored
	ReasonListing      Reason = "listing"         // a front or section page: used for discovery only
	ReasonNotHTML      Reason = "not_html"        // PDF, image or other non-HTML content
	ReasonTrapLimit    Reason = "trap_limit"      // crawler-trap bound hit (pagination, calendar, query variants, URL length, path repetition)
	ReasonPageLimit    Reason = "page_limit"      // the source's MaxPages was reached
	ReasonPrivate      Reason = "private_address" // an off-site link resolved to a private, loopback or link-local address
	ReasonTimeout      Reason = "timeout"         // connect, header or body timeout
	ReasonTooLarge     Reason = "too_large"       // body larger than MaxBodyBytes (after decompression)
	ReasonHTTP4xx      Reason = "http_4xx"        // 4xx status (429 after retries included)
	ReasonHTTP5xx      Reason = "http_5xx"        // 5xx status after retries
	ReasonHTTPOther    Reason = "http_other"      // any other unexpected status (1xx, 3xx without Location, 2xx other than 200/203)
	ReasonRedirectLoop Reason = "redirect_loop"   // a redirect chain that revisits a URL
	ReasonRedirects    Reason = "too_many_redirects"
	ReasonDecode       Reason = "decode_error" // character set or compression could not be decoded
	ReasonEmpty        Reason = "empty"        // no article text found
	ReasonNetwork      Reason = "network"      // DNS, connection refused or reset, TLS, …
	ReasonInvalidURL   Reason = "invalid_url"  // a URL that cannot be canonicalised or fetched
	ReasonNotFound     Reason = "not_found"    // a local file or folder that cannot be read
	ReasonParse        Reason = "parse_error"  // a feed or sitemap that cannot be parsed
	ReasonExtract      Reason = "extract_error"
	ReasonSink         Reason = "sink_error" // the sink returned an error other than corpus.ErrDuplicate
	ReasonPanic        Reason = "panic"      // a bug: processing the page panicked (stack in the log)
)

// Failure reports whether r counts as a failed page (as opposed to a normal
// skip). The empty Reason is not a failure.
func (r Reason) Failure() bool {
	switch r {
	case "", ReasonRobots, ReasonNotModified, ReasonDuplicate, ReasonListing,
		ReasonNotHTML, ReasonTrapLimit, ReasonPageLimit, ReasonPrivate:
		return false
	}
	return true
}
