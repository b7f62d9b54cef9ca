package config

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/andybalholm/cascadia"
)

// Config is the whole configuration: global crawl settings and the sources.
type Config struct {
	File string // name of the file it was read from (for messages); set by Parse

	Data               string        // data directory (store and index)
	UserAgent          string        // User-Agent header sent with every request
	Concurrency        int           // requests in flight over all hosts
	PerHostConcurrency int           // requests in flight to one host
	Delay              time.Duration // pause between two requests to one host
	Timeout            time.Duration // limit for reading a whole response body
	ConnectTimeout     time.Duration // limit for dialing and the TLS handshake
	HeaderTimeout      time.Duration // limit from sending a request to its response headers
	MaxBody            int64         // bytes read from one response at most
	MaxRedirects       int           // redirects followed for one request
	MaxRetries         int           // retries of a failed request (0: none)
	RetryDelay         time.Duration // first back-off delay; doubles on each retry
	AllowPrivate       bool          // allow loopback and private addresses
	RulesDir           string        // directory of rule files; "" = built-in rules
	Backup             string        // directory where each run leaves a backup of the store; "" = none
	BackupKeep         int           // backups kept in Backup (older ones are removed)
	Sources            []Source

	lines map[string]int // key → line where the file set it
}

// Source is one site to crawl: a [[source]] table.
type Source struct {
	Name          string
	URL           string        // http(s) URL, file: URL or a local path
	Kind          string        // "", page, feed, sitemap, file or jsonl ("" = detect)
	Allow         []string      // regexps; when any, a discovered URL must match one
	Deny          []string      // regexps; a discovered URL matching one is skipped
	MaxDepth      int           // link depth followed from URL (0 = the URL only)
	MaxPages      int           // pages fetched from this source per run at most; 0: 1000 for the web, no limit for local files
	Delay         time.Duration // per-host delay for this source; 0 = global delay
	TitleSelector string        // CSS selectors overriding the generic extractor
	BodySelector  string
	DateSelector  string
	Line          int // line of the [[source]] header; 0 when not from a file

	lines map[string]int // key → line where the file set it
}

// Source kinds.
const (
	KindDetect  = ""
	KindPage    = "page"
	KindFeed    = "feed"
	KindSitemap = "sitemap"
	KindFile    = "file"
	KindJSONL   = "jsonl"
)

// Default returns the configuration used for keys a file does not set.
func Default() Config {
	return Config{
		Data:               "outages-data",
		UserAgent:          "outages-bot/1.0",
		Concurrency:        8,
		PerHostConcurrency: 1,
		Delay:              time.Second,
		Timeout:            60 * time.Second,
		ConnectTimeout:     10 * time.Second,
		HeaderTimeout:      20 * time.Second,
		MaxBody:            10 << 20,
		MaxRedirects:       10,
		MaxRetries:         3,
		RetryDelay:         time.Second,
		BackupKeep:         7,
	}
}

// DefaultSource returns the settings of a new [[source]] table.
func DefaultSource(name string) Source {
	return Source{Name: name, MaxDepth: 2}
}

// Line returns the line of the file where key was set, or 0.
func (c Config) Line(key string) int { return c.lines[key] }

// KeyLine returns the line of the file where key was set in this section,
// or the line of the section header when key was not set there.
func (s Source) KeyLine(key string) int {
	if n, ok := s.lines[key]; ok {
		return n
	}
	return s.Line
}

// Error is one problem found in a configuration.
type Error struct {
	File string // file name; "" when unknown
	Line int    // 1-based line; 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return e.File + ": " + e.Msg
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

var sourceName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// Validate checks the meaning of every setting. It returns nil or the
// errors.Join of one *Error per problem, each naming the file and line when
// known.
func (c Config) Validate() error {
	var errs []error
	add := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: c.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(c.Data) == "" {
		add(c.Line("data"), "data: must not be empty")
	}
	if strings.TrimSpace(c.UserAgent) == "" {
		add(c.Line("user_agent"), "user_agent: must not be empty")
	} else if strings.ContainsFunc(c.UserAgent, unicode.IsControl) {
		add(c.Line("user_agent"), "user_agent: must not contain control characters")
	} else if c.crawlsWeb() && !hasContact(c.UserAgent) {
		add(c.Line("user_agent"), "user_agent: %q must contain a contact URL or e-mail address so that sites can reach you, e.g. \"outages-bot/1.0 (+https://example.org/bot)\" (or give one with --contact URL|EMAIL or $OUTAGES_CONTACT)", c.UserAgent)
	}
	atLeast := func(key string, v, min int) {
		if v < min {
			add(c.Line(key), "%s: must be at least %d, got %d", key, min, v)
		}
	}
	atLeast("concurrency", c.Concurrency, 1)
	atLeast("per_host_concurrency", c.PerHostConcurrency, 1)
	atLeast("max_redirects", c.MaxRedirects, 1)
	atLeast("max_retries", c.MaxRetries, 0)
	atLeast("backup_keep", c.BackupKeep, 1)
	positive := func(key string, d time.Duration) {
		if d <= 0 {
			add(c.Line(key), "%s: must be positive, got %s", key, d)
		}
	}
	positive("delay", c.Delay)
	positive("timeout", c.Timeout)
	positive("connect_timeout", c.ConnectTimeout)
	positive("header_timeout", c.HeaderTimeout)
	positive("retry_delay", c.RetryDelay)
	if c.MaxBody <= 0 {
		add(c.Line("max_body"), "max_body: must be positive, got %d", c.MaxBody)
	}

	first := make(map[string]int, len(c.Sources))
	for i, s := range c.Sources {
		label := fmt.Sprintf("source %q", s.Name)
		if s.Name == "" {
			label = fmt.Sprintf("source #%d", i+1)
		}
		sadd := func(key, format string, args ...any) {
			line := s.Line
			if key != "" {
				line = s.KeyLine(key)
			}
			add(line, "%s: %s", label, fmt.Sprintf(format, args...))
		}
		if j, dup := first[s.Name]; dup && s.Name != "" {
			if l := c.Sources[j].Line; l > 0 {
				sadd("", "duplicate source (first defined at line %d)", l)
			} else {
				sadd("", "duplicate source")
			}
		} else {
			first[s.Name] = i
		}
		s.validate(sadd)
	}
	return errors.Join(errs...)
}

// validate checks one source's keys, reporting each problem with the key
// it is about ("" for the table itself).
func (s Source) validate(sadd func(key, format string, args ...any)) {
	switch {
	case s.Name == "":
		sadd("", "missing name")
	case !sourceName.MatchString(s.Name):
		sadd("", "invalid name (use letters, digits, '.', '_' and '-', starting with a letter or digit)")
	}
	if msg := checkURL(s.URL, s.Kind); msg != "" {
		sadd("url", "%s", msg)
	}
	switch s.Kind {
	case KindDetect, KindPage, KindFeed, KindSitemap, KindFile, KindJSONL:
	default:
		sadd("kind", "unknown kind %q (want page, feed, sitemap, file or jsonl; empty to detect)", s.Kind)
	}
	for i, p := range s.Allow {
		if msg := checkRegexp(p); msg != "" {
			sadd(listKey("allow", i), "allow: %s", msg)
		}
	}
	for i, p := range s.Deny {
		if msg := checkRegexp(p); msg != "" {
			sadd(listKey("deny", i), "deny: %s", msg)
		}
	}
	if s.MaxDepth < 0 {
		sadd("max_depth", "max_depth: must be at least 0, got %d", s.MaxDepth)
	}
	if s.MaxPages < 0 {
		sadd("max_pages", "max_pages: must be at least 1 (or 0 for the default), got %d", s.MaxPages)
	}
	if s.Delay < 0 {
		sadd("delay", "delay: must not be negative, got %s", s.Delay)
	}
	for _, sel := range [...]struct{ key, v string }{
		{"title_selector", s.TitleSelector},
		{"body_selector", s.BodySelector},
		{"date_selector", s.DateSelector},
	} {
		if sel.v == "" {
			continue
		}
		if _, err := cascadia.Compile(sel.v); err != nil {
			sadd(sel.key, "%s: invalid CSS selector %q: %v", sel.key, sel.v, err)
		}
	}
}

// crawlsWeb reports whether a source is on the web (not a local path).
func (c Config) crawlsWeb() bool {
	for _, s := range c.Sources {
		u := strings.ToLower(strings.TrimSpace(s.URL))
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return true
		}
	}
	return false
}

// WithContact returns the User-Agent ua naming contact (a URL or an e-mail
// address) as the way to reach its operator, in place of any it named.
func WithContact(ua, contact string) (string, error) {
	contact = strings.TrimSpace(contact)
	if !hasContact(contact) || strings.ContainsFunc(contact, unicode.IsSpace) || strings.ContainsAny(contact, "()") {
		return ua, fmt.Errorf("contact %q: want a URL (https://…) or an e-mail address", contact)
	}
	product, _, _ := strings.Cut(strings.TrimSpace(ua), " ")
	if product == "" {
		product = Default().UserAgent
	}
	if strings.Contains(contact, "://") {
		return product + " (+" + contact + ")", nil
	}
	return product + " (" + contact + ")", nil
}

// HasContact reports whether a User-Agent names a way to reach its
// operator: a URL or an e-mail address.
func HasContact(ua string) bool { return hasContact(ua) }

// hasContact reports whether a User-Agent names a way to reach its
// operator: a URL or an e-mail address.
func hasContact(ua string) bool {
	return strings.Contains(ua, "http://") || strings.Contains(ua, "https://") || strings.Contains(ua, "@")
}

// checkURL returns "" when u is an acceptable source URL for kind, or a
// message naming the problem.
func checkURL(u, kind string) string {
	if strings.TrimSpace(u) == "" {
		return "url: missing (every source needs a url)"
	}
	if strings.ContainsFunc(u, unicode.IsControl) {
		return fmt.Sprintf("url: %q contains control characters", u)
	}
	p, err := url.Parse(u)
	if err != nil {
		// Not a URL: acceptable only as a local path without a scheme.
		if strings.Contains(u, "://") {
			return fmt.Sprintf("url: invalid URL %q: %v", u, unwrapURLError(err))
		}
		return ""
	}
	scheme := strings.ToLower(p.Scheme)
	switch {
	case scheme == "" || len(scheme) == 1: // a path (or a Windows drive letter)
		return ""
	case scheme == "http" || scheme == "https":
		if p.Host == "" {
			return fmt.Sprintf("url: %q has no host", u)
		}
		if kind == KindFile || kind == KindJSONL {
			return fmt.Sprintf("url: kind %s needs a path or a file: URL, got %q", kind, u)
		}
	case scheme == "file":
		if p.Path == "" && p.Opaque == "" {
			return fmt.Sprintf("url: %q has no path", u)
		}
	default:
		return fmt.Sprintf("url: unsupported scheme %q in %q (want http, https, file or a path)", p.Scheme, u)
	}
	return ""
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func checkRegexp(p string) string {
	_, err := regexp.Compile(p)
	if err == nil {
		return ""
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		if se.Expr == p || se.Expr == "" {
			return fmt.Sprintf("invalid regexp %q: %s", p, se.Code)
		}
		return fmt.Sprintf("invalid regexp %q: %s at %q", p, se.Code, se.Expr)
	}
	return fmt.Sprintf("invalid regexp %q: %v", p, err)
}

// cloneSources returns a deep copy of the sources, so that appending to a parsed
// configuration never writes into base's arrays.
func cloneSources(src []Source) []Source {
	if src == nil {
		return nil
	}
	out := make([]Source, len(src))
	for i, s := range src {
		s.Allow = slices.Clone(s.Allow)
		s.Deny = slices.Clone(s.Deny)
		out[i] = s
	}
	return out
}

// listKey is the key under which the line of the i-th value of a repeated
// key is recorded.
func listKey(key string, i int) string { return key + "/" + strconv.Itoa(i) }
