package crawl

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Source kinds.
const (
	KindDetect  = ""        // decided from the URL (local path) or the content (feed, sitemap, page)
	KindPage    = "page"    // an HTML page: stored if it is an article, followed if it is a listing
	KindFeed    = "feed"    // RSS, Atom or JSON feed
	KindSitemap = "sitemap" // sitemap or sitemap index (Google News sitemaps included)
	KindFile    = "file"    // a local HTML file or a folder of them
	KindJSONL   = "jsonl"   // a local file of article records (JSON Lines, .json) or a folder of them
)

// Source is one place to crawl.
type Source struct {
	Name string // shown in results and stored in Article.Source
	// URL is an http(s) URL, a file:// URL, or a local path to an HTML file,
	// a file of article records (.jsonl, .ndjson, .json: see DecodeRecord),
	// or a folder searched recursively for both.
	URL  string
	Kind string // "", "page", "feed", "sitemap", "file" or "jsonl"
	// Allow and Deny are regular expressions matched against canonical URLs
	// discovered from this source (not the source URL itself). A URL must
	// match one Allow pattern when there are any, and no Deny pattern.
	Allow, Deny []string
	MaxDepth    int // link depth followed from the source; 0: default 2; negative: the source only
	MaxPages    int // pages (feeds and sitemaps included) fetched per run; 0: default 1000 for the web, no limit for local files
	Selectors   Selectors
	// Delay, when positive, is the pause between two requests to this
	// source's hosts instead of Options.PerHostDelay (a larger robots.txt
	// Crawl-delay still wins; a host shared by two sources gets the larger).
	Delay time.Duration
}

// Validate checks s without doing any I/O: a name, a usable URL or path,
// a known kind and compilable patterns.
func (s Source) Validate() error {
	_, err := s.compile()
	return err
}

// source is a validated Source with its compiled patterns and run state
// (owned by the frontier goroutine).
type source struct {
	Source
	local    string // absolute local path, for file sources
	canon    string // canonical URL of the source
	allow    []*regexp.Regexp
	deny     []*regexp.Regexp
	maxDepth int
	maxPages int
	pages    int // jobs dispatched or queued so far (frontier-owned)
}

// compile validates s and makes it a source: its name (the URL when
// unset), canonical URL or local path, limits and compiled patterns.
func (s Source) compile() (*source, error) {
	name := s.Name
	if name == "" {
		name = s.URL
	}
	fail := func(format string, a ...any) error {
		return fmt.Errorf("source %q: %s", name, fmt.Sprintf(format, a...))
	}
	if strings.TrimSpace(s.URL) == "" {
		return nil, fail("empty URL")
	}
	switch s.Kind {
	case KindDetect, KindPage, KindFeed, KindSitemap, KindFile, KindJSONL:
	default:
		return nil, fail("unknown kind %q (want page, feed, sitemap, file or jsonl)", s.Kind)
	}
	src := &source{Source: s, maxDepth: s.MaxDepth, maxPages: s.MaxPages}
	src.Name = name
	if err := src.locate(); err != nil {
		return nil, fail("%v", err)
	}
	src.setLimits()
	var err error
	if src.allow, err = compilePatterns("allow", s.Allow); err != nil {
		return nil, fail("%v", err)
	}
	if src.deny, err = compilePatterns("deny", s.Deny); err != nil {
		return nil, fail("%v", err)
	}
	return src, nil
}

// locate sets the source's canonical URL from its URL and, for a file://
// URL or a local path, its absolute local path. Feeds and sitemaps must be
// on the web, files of either local kind local.
func (src *source) locate() error {
	raw := strings.TrimSpace(src.URL)
	lower := strings.ToLower(raw)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		if src.Kind == KindFile || src.Kind == KindJSONL {
			return fmt.Errorf("kind %s needs a local path or file:// URL, not %q", src.Kind, raw)
		}
		c, err := Canonicalize(raw)
		if err != nil {
			return err
		}
		src.canon = c
	case strings.HasPrefix(lower, "file:"):
		u, err := url.Parse(raw)
		if err != nil {
			return err
		}
		if u.Host != "" && u.Host != "localhost" {
			return fmt.Errorf("file URL with a host: %q", raw)
		}
		if u.Path == "" {
			return fmt.Errorf("file URL without a path: %q", raw)
		}
		src.local = filepath.Clean(filepath.FromSlash(u.Path))
	case strings.Contains(raw, "://"):
		return fmt.Errorf("unsupported URL scheme in %q", raw)
	default:
		abs, err := filepath.Abs(raw)
		if err != nil {
			return err
		}
		src.local = abs
	}
	if src.local != "" {
		if src.Kind == KindFeed || src.Kind == KindSitemap {
			return fmt.Errorf("kind %s needs an http(s) URL", src.Kind)
		}
		src.canon = fileURL(src.local)
	}
	return nil
}

// setLimits turns the configured depth and page limits into the ones the
// frontier applies: 0 means the default (no page limit for local sources)
// and a negative depth the source only.
func (src *source) setLimits() {
	switch {
	case src.maxDepth == 0:
		src.maxDepth = DefaultMaxDepth
	case src.maxDepth < 0:
		src.maxDepth = 0
	}
	switch {
	case src.maxPages > 0:
	case src.local != "":
		src.maxPages = math.MaxInt // a folder is read whole unless a limit is set
	default:
		src.maxPages = DefaultMaxPages
	}
}

// compilePatterns compiles the allow or deny patterns (what) of a source.
func compilePatterns(what string, patterns []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("%s pattern %q: %v", what, p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// permits reports whether the canonical URL u passes the source's patterns.
func (s *source) permits(u string) bool {
	for _, re := range s.deny {
		if re.MatchString(u) {
			return false
		}
	}
	if len(s.allow) == 0 {
		return true
	}
	for _, re := range s.allow {
		if re.MatchString(u) {
			return true
		}
	}
	return false
}

// fileURL returns the canonical file:// URL of an absolute local path.
func fileURL(abs string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // Windows drive paths
	}
	return u.String()
}

var errNoSources = errors.New("crawl: no sources")
