package crawl

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsRules is what a host's robots.txt allows, cached for one run.
type robotsRules struct {
	data    *robotstxt.RobotsData // nil: allow all
	deny    bool                  // disallow all (robots.txt unreachable or 5xx)
	private bool                  // the host is off-site and resolves to a private address
	delay   time.Duration         // Crawl-delay for our group (capped)
}

// allowed reports whether the URL may be fetched.
func (r *robotsRules) allowed(u *url.URL, agent string) bool {
	if r == nil {
		return true
	}
	if r.deny || r.private {
		return false
	}
	if r.data == nil {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.data.TestAgent(p, agent)
}

// fetchRobots fetches and parses scheme://host/robots.txt. Per RFC 9309 a
// 4xx means no restrictions, and a 5xx or an unreachable file means full
// disallow (for this run).
func fetchRobots(ctx context.Context, f *fetcher, log *slog.Logger, hostKey, agent string) (*robotsRules, error) {
	u := hostKey + "/robots.txt"
	resp, err := f.get(ctx, u, conditional{}, maxRobotsBytes)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var fe *fetchError
		if errors.As(err, &fe) {
			switch fe.reason {
			case ReasonPrivate:
				return &robotsRules{private: true}, nil
			case ReasonTooLarge, ReasonDecode:
				log.Warn("robots.txt unusable; assuming no restrictions", "url", u, "err", err)
				return &robotsRules{}, nil
			}
		}
		log.Warn("robots.txt unreachable; not crawling the host this run", "url", u, "err", err)
		return &robotsRules{deny: true}, nil
	}
	switch {
	case resp.status >= 500:
		log.Warn("robots.txt server error; not crawling the host this run", "url", u, "status", resp.status)
		return &robotsRules{deny: true}, nil
	case resp.status >= 200 && resp.status < 300:
		data, err := robotstxt.FromBytes(resp.body)
		if err != nil {
			log.Warn("robots.txt does not parse; assuming no restrictions", "url", u, "err", err)
			return &robotsRules{}, nil
		}
		delay := min(data.FindGroup(agent).CrawlDelay, maxCrawlDelay)
		return &robotsRules{data: data, delay: max(delay, 0)}, nil
	default: // 4xx and anything else: no robots.txt
		return &robotsRules{}, nil
	}
}
