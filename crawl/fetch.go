package crawl

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

var (
	errHeaderTimeout = errors.New("timeout waiting for response headers")
	errBodyTimeout   = errors.New("timeout reading the response body")
	errTooLarge      = errors.New("body larger than the limit")
)

// fetchError is a fetch that got no usable response.
type fetchError struct {
	reason Reason
	err    error
	retry  bool // worth retrying
}

func (e *fetchError) Error() string { return string(e.reason) + ": " + e.err.Error() }
func (e *fetchError) Unwrap() error { return e.err }

// response is a fully read HTTP response.
type response struct {
	status      int
	header      http.Header
	body        []byte
	finalURL    string
	contentType string
	retryAfter  time.Duration
}

// fetcher does HTTP GETs with timeouts, limits, redirects and retries.
type fetcher struct {
	opts   Options
	client *http.Client
}

func newFetcher(opts Options, trusted map[string]bool) *fetcher {
	rt := opts.Transport
	if rt == nil {
		d := newGuardedDialer(opts, trusted)
		rt = &http.Transport{
			Proxy:                 nil, // stages never read proxy settings from the environment
			DialContext:           d.DialContext,
			TLSHandshakeTimeout:   opts.ConnectTimeout,
			ResponseHeaderTimeout: opts.HeaderTimeout,
			ExpectContinueTimeout: time.Second,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   opts.PerHostConcurrency + 1,
			IdleConnTimeout:       30 * time.Second,
			ForceAttemptHTTP2:     true,
		}
	}
	return &fetcher{opts: opts, client: &http.Client{
		Transport: rt,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse // redirects are followed by hand
		},
	}}
}

func (f *fetcher) close() {
	if t, ok := f.client.Transport.(interface{ CloseIdleConnections() }); ok {
		t.CloseIdleConnections()
	}
}

// conditional holds validators for a conditional GET.
type conditional struct{ etag, lastModified string }

// get fetches rawURL, following redirects and retrying network errors, 5xx
// and 429 with exponential backoff and jitter (honouring Retry-After). It
// returns the last response whatever its status; err is a *fetchError or
// the context's error.
func (f *fetcher) get(ctx context.Context, rawURL string, cond conditional, maxBytes int64) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := f.once(ctx, rawURL, cond, maxBytes)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		retry := false
		var wait time.Duration
		var fe *fetchError
		switch {
		case errors.As(err, &fe):
			retry = fe.retry
		case err != nil:
			return nil, err
		case resp.status >= 500 || resp.status == http.StatusTooManyRequests:
			retry = true
			wait = resp.retryAfter
		}
		if !retry || attempt >= f.opts.MaxRetries {
			return resp, err
		}
		backoff := f.opts.RetryBaseDelay << attempt
		backoff += rand.N(f.opts.RetryBaseDelay + 1)
		wait = max(wait, backoff)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// once does one GET with its redirect chain.
func (f *fetcher) once(ctx context.Context, rawURL string, cond conditional, maxBytes int64) (*response, error) {
	cur := rawURL
	seen := map[string]bool{cur: true}
	for hop := 0; ; hop++ {
		resp, loc, err := f.hop(ctx, cur, cond, maxBytes)
		if err != nil || loc == "" {
			return resp, err
		}
		next, err := resolveRedirect(cur, loc)
		if err != nil {
			return nil, &fetchError{reason: ReasonInvalidURL, err: fmt.Errorf("redirect from %s: %w", cur, err)}
		}
		if seen[next] {
			return nil, &fetchError{reason: ReasonRedirectLoop, err: fmt.Errorf("redirect loop: %s redirects back to %s", cur, next)}
		}
		if hop >= f.opts.MaxRedirects {
			return nil, &fetchError{reason: ReasonRedirects, err: fmt.Errorf("more than %d redirects from %s", f.opts.MaxRedirects, rawURL)}
		}
		seen[next] = true
		cur = next
	}
}

func resolveRedirect(from, loc string) (string, error) {
	base, err := url.Parse(from)
	if err != nil {
		return "", err
	}
	ref, err := url.Parse(strings.TrimSpace(loc))
	if err != nil {
		return "", err
	}
	next := base.ResolveReference(ref)
	if next.Scheme != "http" && next.Scheme != "https" {
		return "", fmt.Errorf("redirect to unsupported scheme %q", next.Scheme)
	}
	return canonicalURL(next)
}

// hop does one request. When the response is a redirect it returns the
// Location and no response.
func (f *fetcher) hop(ctx context.Context, u string, cond conditional, maxBytes int64) (resp *response, location string, err error) {
	hctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	req, err := http.NewRequestWithContext(hctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, "", &fetchError{reason: ReasonInvalidURL, err: err}
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,*/*;q=0.5")
	if cond.etag != "" {
		req.Header.Set("If-None-Match", cond.etag)
	}
	if cond.lastModified != "" {
		req.Header.Set("If-Modified-Since", cond.lastModified)
	}
	headerTimer := time.AfterFunc(f.opts.ConnectTimeout+f.opts.HeaderTimeout, func() { cancel(errHeaderTimeout) })
	hr, err := f.client.Do(req)
	headerTimer.Stop()
	if err != nil {
		return nil, "", classifyError(ctx, hctx, err)
	}
	defer hr.Body.Close()
	bodyTimer := time.AfterFunc(f.opts.BodyTimeout, func() { cancel(errBodyTimeout) })
	defer bodyTimer.Stop()

	if isRedirect(hr.StatusCode) {
		if loc := hr.Header.Get("Location"); loc != "" {
			_, _ = io.Copy(io.Discard, io.LimitReader(hr.Body, 64<<10))
			return nil, loc, nil
		}
	}
	resp = &response{
		status:      hr.StatusCode,
		header:      hr.Header,
		finalURL:    u,
		contentType: hr.Header.Get("Content-Type"),
	}
	if hr.StatusCode >= 500 || hr.StatusCode == http.StatusTooManyRequests {
		resp.retryAfter = parseRetryAfter(hr.Header.Get("Retry-After"), time.Now())
		_, _ = io.Copy(io.Discard, io.LimitReader(hr.Body, 64<<10))
		return resp, "", nil
	}
	if hr.StatusCode == http.StatusNotModified || hr.StatusCode >= 300 {
		_, _ = io.Copy(io.Discard, io.LimitReader(hr.Body, 64<<10))
		return resp, "", nil
	}
	if hr.ContentLength > maxBytes {
		return nil, "", &fetchError{reason: ReasonTooLarge, err: fmt.Errorf("%s: Content-Length %d > %d: %w", u, hr.ContentLength, maxBytes, errTooLarge)}
	}
	var body io.Reader = hr.Body
	if !hr.Uncompressed && strings.EqualFold(strings.TrimSpace(hr.Header.Get("Content-Encoding")), "gzip") {
		zr, err := gzip.NewReader(hr.Body)
		if err != nil {
			return nil, "", &fetchError{reason: ReasonDecode, err: fmt.Errorf("%s: gzip: %w", u, err)}
		}
		defer zr.Close()
		body = zr
	}
	b, err := readLimited(body, maxBytes)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, "", &fetchError{reason: ReasonTooLarge, err: fmt.Errorf("%s: %w (%d bytes)", u, err, maxBytes)}
		}
		return nil, "", classifyError(ctx, hctx, fmt.Errorf("read body of %s: %w", u, err))
	}
	resp.body = b
	return resp, "", nil
}

// readLimited reads r up to max bytes; more is errTooLarge. It never holds
// more than max+1 bytes, whatever r decompresses to.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, errTooLarge
	}
	return b, nil
}

// readLimitedSize is readLimited into a buffer of size bytes to start
// with (a local file's size: one allocation instead of a dozen).
func readLimitedSize(r io.Reader, limit, size int64) ([]byte, error) {
	size = min(max(size, 512), limit+1)
	b := make([]byte, 0, size+1) // +1: end of file is seen without growing
	lr := io.LimitReader(r, limit+1)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if int64(len(b)) > limit {
		return nil, errTooLarge
	}
	return b, nil
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// classifyError turns a transport or body error into a fetchError.
func classifyError(parent, hctx context.Context, err error) error {
	if parent.Err() != nil {
		return parent.Err()
	}
	cause := context.Cause(hctx)
	switch {
	case errors.Is(cause, errHeaderTimeout):
		return &fetchError{reason: ReasonTimeout, err: fmt.Errorf("%w: %w", errHeaderTimeout, err), retry: true}
	case errors.Is(cause, errBodyTimeout):
		return &fetchError{reason: ReasonTimeout, err: fmt.Errorf("%w: %w", errBodyTimeout, err)}
	case errors.Is(err, errPrivateAddress):
		return &fetchError{reason: ReasonPrivate, err: err}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &fetchError{reason: ReasonTimeout, err: err, retry: true}
	}
	if errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) || strings.Contains(err.Error(), "flate: corrupt") {
		return &fetchError{reason: ReasonDecode, err: err}
	}
	var ue *url.Error
	if errors.As(err, &ue) && strings.Contains(ue.Err.Error(), "unsupported protocol") {
		return &fetchError{reason: ReasonInvalidURL, err: err}
	}
	return &fetchError{reason: ReasonNetwork, err: err, retry: true}
}

// parseRetryAfter reads a Retry-After header (delay in seconds or an HTTP
// date), capped at maxRetryAfter; 0 when absent or invalid.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}

// statusReason maps a final HTTP status to a Reason ("" for success).
func statusReason(code int) Reason {
	switch {
	case code == http.StatusOK || code == http.StatusNonAuthoritativeInfo:
		return ""
	case code == http.StatusNotModified:
		return ReasonNotModified
	case code == http.StatusNoContent:
		return ReasonEmpty
	case code >= 400 && code < 500:
		return ReasonHTTP4xx
	case code >= 500 && code < 600:
		return ReasonHTTP5xx
	}
	return ReasonHTTPOther
}
