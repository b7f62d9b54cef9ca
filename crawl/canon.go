package crawl

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// maxURLLen bounds the URLs the crawler accepts at all.
const maxURLLen = 4096

// dropParams are query parameters removed by Canonicalize: click and
// campaign trackers and session identifiers (keys compared lower-cased).
var dropParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gbraid": true, "wbraid": true,
	"msclkid": true, "yclid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
	"mc_cid": true, "mc_eid": true, "ref_src": true, "ref_url": true, "igshid": true,
	"_ga": true, "_gl": true, "_hsenc": true, "_hsmi": true, "__hstc": true,
	"__hssc": true, "__hsfp": true, "hsctatracking": true, "mkt_tok": true,
	"oly_anon_id": true, "oly_enc_id": true, "vero_id": true, "vero_conv": true,
	"at_medium": true, "at_campaign": true, "ito": true, "xtor": true,
	"jsessionid": true, "phpsessid": true, "sid": true, "sessionid": true,
	"session_id": true, "aspsessionid": true, "cfid": true, "cftoken": true,
}

// dropParamPrefixes are prefixes of removed query parameters.
var dropParamPrefixes = []string{"utm_", "pk_", "mtm_", "ga_"}

func dropParam(key string) bool {
	k := strings.ToLower(key)
	if dropParams[k] {
		return true
	}
	for _, p := range dropParamPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// Canonicalize returns the canonical form of an absolute http, https or
// file URL: scheme and host lower-cased, default port, fragment, user
// information, tracking parameters and session ids removed, dot segments
// resolved, percent-encoding normalised and query parameters sorted.
// Canonicalize(Canonicalize(u)) == Canonicalize(u).
func Canonicalize(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("canonicalize: empty URL")
	}
	if len(raw) > maxURLLen {
		return "", fmt.Errorf("canonicalize: URL longer than %d bytes", maxURLLen)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	s, err := canonicalURL(u)
	if err != nil {
		return "", fmt.Errorf("canonicalize %q: %w", raw, err)
	}
	return s, nil
}

// canonicalURL canonicalises a parsed URL (u is not modified).
func canonicalURL(in *url.URL) (string, error) {
	u := *in
	u.Scheme = strings.ToLower(u.Scheme)
	switch u.Scheme {
	case "http", "https", "file":
	case "":
		return "", errors.New("not an absolute URL")
	default:
		return "", fmt.Errorf("unsupported scheme %q", u.Scheme)
	}
	if u.Opaque != "" {
		return "", errors.New("opaque URL")
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.ForceQuery = false
	u.OmitHost = false
	if err := canonicalHost(&u); err != nil {
		return "", err
	}
	canonicalPath(&u)
	u.RawQuery = canonicalQuery(u.RawQuery)
	out := u.String()
	if len(out) > maxURLLen {
		return "", fmt.Errorf("canonical URL longer than %d bytes", maxURLLen)
	}
	return out, nil
}

// canonicalHost lower-cases the host of u, drops its trailing dots and the
// default port of its scheme, and checks it. A file URL names no host but
// localhost, and loses it and its query.
func canonicalHost(u *url.URL) error {
	host := strings.ToLower(u.Hostname())
	host = strings.TrimRight(host, ".")
	port := u.Port()
	if u.Scheme == "file" {
		if host == "localhost" {
			host = ""
		}
		if host != "" || port != "" {
			return errors.New("file URL with a host")
		}
		u.Host = ""
		u.RawQuery = ""
		return nil
	}
	if host == "" {
		return errors.New("missing host")
	}
	if strings.ContainsAny(host, " %/\\@") {
		return fmt.Errorf("invalid host %q", host)
	}
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		for _, c := range port {
			if c < '0' || c > '9' {
				return fmt.Errorf("invalid port %q", port)
			}
		}
	}
	if port != "" {
		u.Host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		u.Host = "[" + host + "]"
	} else {
		u.Host = host
	}
	return nil
}

// canonicalPath drops ;jsessionid=… path parameters and dot segments from
// the path of u. Its escaped form is kept only when it escapes a slash
// ("%2F") and still unescapes to the path.
func canonicalPath(u *url.URL) {
	p := u.Path
	if i := strings.Index(strings.ToLower(p), ";jsessionid="); i >= 0 {
		rest := p[i+1:]
		if j := strings.IndexAny(rest, ";/?"); j >= 0 {
			p = p[:i] + rest[j:]
		} else {
			p = p[:i]
		}
	}
	p = cleanPath(p)
	keepRaw := strings.Contains(strings.ToLower(u.RawPath), "%2f")
	u.Path = p
	if keepRaw {
		u.RawPath = cleanPath(u.RawPath)
		if u.RawPath == "" || !validEscapedPath(u.RawPath, p) {
			u.RawPath = ""
		}
	} else {
		u.RawPath = ""
	}
}

// validEscapedPath reports whether raw unescapes to p.
func validEscapedPath(raw, p string) bool {
	d, err := url.PathUnescape(raw)
	return err == nil && d == p
}

// cleanPath resolves "." and ".." segments (RFC 3986 section 5.2.4),
// keeping empty segments ("//" is meaningful in some URLs, such as web
// archive addresses); the empty path becomes "/".
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.Contains(p, "/.") {
		return p
	}
	segs := strings.Split(p[1:], "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			if last {
				out = append(out, "")
			}
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
			if last {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	return "/" + strings.Join(out, "/")
}

// canonicalQuery drops tracking parameters, normalises escaping and sorts
// the remaining parameters (stable for equal keys).
func canonicalQuery(q string) string {
	if q == "" {
		return ""
	}
	type pair struct{ key, piece string }
	var ps []pair
	for piece := range strings.SplitSeq(q, "&") {
		if piece == "" {
			continue
		}
		rawKey, rawVal, hasVal := strings.Cut(piece, "=")
		key, err1 := url.QueryUnescape(rawKey)
		val, err2 := url.QueryUnescape(rawVal)
		if err1 != nil || err2 != nil {
			// Keep what cannot be decoded, taken literally, so that it
			// decodes to the same text next time.
			if rawKey == "" || dropParam(rawKey) {
				continue
			}
			k := url.QueryEscape(rawKey)
			if hasVal {
				k += "=" + url.QueryEscape(rawVal)
			}
			ps = append(ps, pair{rawKey, k})
			continue
		}
		if key == "" || dropParam(key) {
			continue
		}
		out := url.QueryEscape(key)
		if hasVal {
			out += "=" + url.QueryEscape(val)
		}
		ps = append(ps, pair{key, out})
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].key != ps[j].key {
			return ps[i].key < ps[j].key
		}
		return ps[i].piece < ps[j].piece
	})
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.piece)
	}
	return b.String()
}

// siteOf returns the host of u without a leading "www." (the unit of
// "same site").
func siteOf(u *url.URL) string {
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// sameSite reports whether two canonical URLs are on the same site.
func sameSite(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if err1 != nil || err2 != nil || ua.Scheme == "file" || ub.Scheme == "file" {
		return false
	}
	return siteOf(ua) == siteOf(ub)
}
