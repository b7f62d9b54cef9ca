package crawl

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strings"
	"syscall"
)

// errPrivateAddress is returned when an off-site link resolves to an
// address the crawler must not reach.
var errPrivateAddress = errors.New("refusing to connect to a private, loopback or link-local address")

// specialPrefixes are blocked ranges not covered by netip's predicates.
var specialPrefixes = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"), // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// blockedAddr reports whether ip is private, loopback, link-local,
// multicast, unspecified or otherwise not a public unicast address.
func blockedAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() ||
		ip.IsUnspecified() {
		return true
	}
	for _, p := range specialPrefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// guardedDialer dials trusted hosts (the configured sources) anywhere and
// every other host only on public addresses. The check runs on the address
// actually dialled (after DNS resolution), so DNS tricks cannot bypass it.
type guardedDialer struct {
	plain   net.Dialer
	guarded net.Dialer
	trusted map[string]bool // lower-case host names; read-only during a run
	allow   bool            // AllowPrivate
}

func newGuardedDialer(opts Options, trusted map[string]bool) *guardedDialer {
	d := &guardedDialer{trusted: trusted, allow: opts.AllowPrivate}
	d.plain = net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30e9}
	d.guarded = d.plain
	d.guarded.ControlContext = func(_ context.Context, _, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return errPrivateAddress
		}
		if blockedAddr(ap.Addr()) {
			return errPrivateAddress
		}
		return nil
	}
	return d
}

func (d *guardedDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if d.allow || d.trusted[strings.ToLower(strings.TrimSuffix(host, "."))] {
		return d.plain.DialContext(ctx, network, addr)
	}
	return d.guarded.DialContext(ctx, network, addr)
}
