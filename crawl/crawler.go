package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"outages/corpus"
)

// Options configure a Crawler. Zero values select the documented defaults.
type Options struct {
	// UserAgent identifies the crawler and must contain a contact URL,
	// e.g. "outages-bot/1.0 (+https://example.org/bot)". Required. Its first
	// product token ("outages-bot") is matched against robots.txt groups.
	UserAgent string

	GlobalConcurrency  int           // simultaneous fetches in all; default 8
	PerHostConcurrency int           // simultaneous fetches per host; default 1
	PerHostDelay       time.Duration // between request starts on one host; default 1s; a larger robots.txt Crawl-delay wins (capped at 60s)

	ConnectTimeout time.Duration // dial and TLS handshake; default 10s
	HeaderTimeout  time.Duration // from sending the request to the response headers; default 20s
	BodyTimeout    time.Duration // reading the whole body; default 60s

	MaxBodyBytes   int64         // enforced while reading, after decompression; default 10 MB
	MaxRedirects   int           // default 10
	MaxRetries     int           // retries on network errors, 5xx and 429; default 3 (negative: none)
	RetryBaseDelay time.Duration // first backoff; doubles each retry, plus jitter; default 1s

	// AllowPrivate lets links that leave a source's own site reach private,
	// loopback and link-local addresses. The hosts of configured sources may
	// always be any address.
	AllowPrivate bool

	Logger *slog.Logger // nil: discard

	// OnPage is called once for every page outcome (stored or not), from
	// the crawler's frontier goroutine: calls never overlap, but they do not
	// happen on the goroutine that called Run. It must be cheap and must not
	// block, or it slows the whole crawl.
	OnPage func(PageResult)

	// Transport replaces the HTTP transport (tests). Without it the crawler
	// builds its own, which applies the timeouts above and refuses private
	// addresses for off-site links; a custom transport must do that itself.
	Transport http.RoundTripper
}

// Defaults.
const (
	DefaultGlobalConcurrency  = 8
	DefaultPerHostConcurrency = 1
	DefaultPerHostDelay       = time.Second
	DefaultConnectTimeout     = 10 * time.Second
	DefaultHeaderTimeout      = 20 * time.Second
	DefaultBodyTimeout        = 60 * time.Second
	DefaultMaxBodyBytes       = 10 << 20
	DefaultMaxRedirects       = 10
	DefaultMaxRetries         = 3
	DefaultRetryBaseDelay     = time.Second
	DefaultMaxDepth           = 2
	DefaultMaxPages           = 1000

	maxCrawlDelay  = 60 * time.Second // cap on robots.txt Crawl-delay
	maxRetryAfter  = 2 * time.Minute  // cap on Retry-After
	maxFailures    = 200              // Stats.Failures cap
	maxRobotsBytes = 512 << 10        // robots.txt bytes parsed (RFC 9309: at least 500 KiB)
)

// Crawler fetches sources into articles. A Crawler may run several times
// (sequentially or concurrently); each Run has its own caches.
type Crawler struct {
	opts   Options
	log    *slog.Logger
	robots string // product token matched against robots.txt groups
}

// hasContact reports whether a User-Agent names a contact URL or address,
// which crawling web sites requires (local files need none).
func hasContact(ua string) bool {
	return strings.Contains(ua, "http://") || strings.Contains(ua, "https://") || strings.Contains(ua, "@")
}

// New checks opts, applies defaults and returns a Crawler.
func New(opts Options) (*Crawler, error) {
	ua := strings.TrimSpace(opts.UserAgent)
	if ua == "" {
		return nil, errors.New("crawl: UserAgent is required")
	}
	if strings.ContainsAny(ua, "\r\n") {
		return nil, errors.New("crawl: UserAgent must be one line")
	}
	opts.UserAgent = ua
	token := strings.FieldsFunc(ua, func(r rune) bool { return r == '/' || r == ' ' || r == '(' })
	if len(token) == 0 {
		return nil, fmt.Errorf("crawl: UserAgent %q has no product token", ua)
	}
	for _, d := range []struct {
		name string
		v    time.Duration
	}{
		{"PerHostDelay", opts.PerHostDelay}, {"ConnectTimeout", opts.ConnectTimeout},
		{"HeaderTimeout", opts.HeaderTimeout}, {"BodyTimeout", opts.BodyTimeout},
		{"RetryBaseDelay", opts.RetryBaseDelay},
	} {
		if d.v < 0 {
			return nil, fmt.Errorf("crawl: %s must not be negative", d.name)
		}
	}
	if opts.GlobalConcurrency < 0 || opts.PerHostConcurrency < 0 || opts.MaxBodyBytes < 0 || opts.MaxRedirects < 0 {
		return nil, errors.New("crawl: concurrency, body and redirect limits must not be negative")
	}
	def := func(p *time.Duration, v time.Duration) {
		if *p == 0 {
			*p = v
		}
	}
	if opts.GlobalConcurrency == 0 {
		opts.GlobalConcurrency = DefaultGlobalConcurrency
	}
	if opts.PerHostConcurrency == 0 {
		opts.PerHostConcurrency = DefaultPerHostConcurrency
	}
	def(&opts.PerHostDelay, DefaultPerHostDelay)
	def(&opts.ConnectTimeout, DefaultConnectTimeout)
	def(&opts.HeaderTimeout, DefaultHeaderTimeout)
	def(&opts.BodyTimeout, DefaultBodyTimeout)
	def(&opts.RetryBaseDelay, DefaultRetryBaseDelay)
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.MaxRetries == 0 {
		opts.MaxRetries = DefaultMaxRetries
	} else if opts.MaxRetries < 0 {
		opts.MaxRetries = 0
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &Crawler{opts: opts, log: log, robots: strings.ToLower(token[0])}, nil
}

// Validators gives the HTTP validators saved with the article last fetched
// from fetchURL (Article.Fetch.URL), for a conditional GET. ok is false when
// nothing is saved. It is implemented by *corpus.Store.
type Validators interface {
	Validators(fetchURL string) (etag, lastModified string, ok bool, err error)
}

// Sink receives each article to store. It may be called from several
// goroutines at once. It returns an error wrapping corpus.ErrDuplicate when
// the text is already stored under another URL (counted as "duplicate");
// any other error fails that page only.
type Sink func(ctx context.Context, a *corpus.Article) error

// PageResult is the outcome of one page (or feed, sitemap, local file).
type PageResult struct {
	URL    string // canonical URL of the request (file:// for local files)
	Source string // Source.Name
	Reason Reason // "" when stored or used for discovery
	Err    error  // the underlying error, when there is one
	Stored bool
	Bytes  int64 // body bytes read (after decompression)
	Depth  int   // link depth from the source (0 for the source itself)
}

// Stats summarise a Run.
type Stats struct {
	Sources     int
	Discovered  int // distinct URLs queued (sources included)
	Fetched     int // pages, feeds and sitemaps that got a response, local files read
	Stored      int
	NotModified int
	Skipped     map[Reason]int // normal skips by reason (not_modified included)
	Failed      map[Reason]int // failures by reason
	Failures    []PageResult   // the first failures (at most 200)
	PageLimited map[string]int // source name → URLs left out because the source reached its MaxPages
	Elapsed     time.Duration
}

// FailedCount is the total number of failed pages.
func (s *Stats) FailedCount() int {
	n := 0
	for _, v := range s.Failed {
		n += v
	}
	return n
}

func (s *Stats) record(r PageResult) {
	switch {
	case r.Stored:
		s.Stored++
	case r.Reason == "":
	case r.Reason.Failure():
		s.Failed[r.Reason]++
		if len(s.Failures) < maxFailures {
			s.Failures = append(s.Failures, r)
		}
	default:
		s.Skipped[r.Reason]++
		if r.Reason == ReasonNotModified {
			s.NotModified++
		}
	}
}
