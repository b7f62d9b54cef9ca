package crawl

import (
	"strings"
	"testing"
)

func TestCanonicalize(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantErr        bool
	}{
		{name: "lower scheme and host", in: "HTTPS://News.Example.COM/Path", want: "https://news.example.com/Path"},
		{name: "default http port", in: "http://example.com:80/a", want: "http://example.com/a"},
		{name: "default https port", in: "https://example.com:443/a", want: "https://example.com/a"},
		{name: "other port kept", in: "http://example.com:8080/a", want: "http://example.com:8080/a"},
		{name: "fragment removed", in: "https://example.com/a#comments", want: "https://example.com/a"},
		{name: "empty path", in: "https://example.com", want: "https://example.com/"},
		{name: "utm removed", in: "https://example.com/a?utm_source=x&utm_medium=y&id=3", want: "https://example.com/a?id=3"},
		{name: "click ids removed", in: "https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref_src=5&igshid=6", want: "https://example.com/a"},
		{name: "session ids removed", in: "https://example.com/a?PHPSESSID=abc&sid=9&JSESSIONID=1&q=x", want: "https://example.com/a?q=x"},
		{name: "jsessionid path param", in: "https://example.com/a;jsessionid=ABC123?b=1", want: "https://example.com/a?b=1"},
		{name: "params sorted", in: "https://example.com/a?z=1&b=2&a=3", want: "https://example.com/a?a=3&b=2&z=1"},
		{name: "same key stable", in: "https://example.com/a?t=2&t=1", want: "https://example.com/a?t=1&t=2"},
		{name: "escaping normalised", in: "https://example.com/%7Euser/caf%c3%a9?q=a%20b", want: "https://example.com/~user/caf%C3%A9?q=a+b"},
		{name: "dot segments", in: "https://example.com/a/./b/../c/", want: "https://example.com/a/c/"},
		{name: "userinfo dropped", in: "https://user:pw@example.com/a", want: "https://example.com/a"},
		{name: "trailing dot host", in: "https://example.com./a", want: "https://example.com/a"},
		{name: "ipv6 default port", in: "http://[::1]:80/a", want: "http://[::1]/a"},
		{name: "empty query dropped", in: "https://example.com/a?", want: "https://example.com/a"},
		{name: "arabic path", in: "https://example.com/أخبار/عاجل", want: "https://example.com/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D8%B9%D8%A7%D8%AC%D9%84"},
		{name: "file url", in: "file:///tmp/x/../page.html", want: "file:///tmp/page.html"},
		{name: "file localhost", in: "file://localhost/tmp/a.html", want: "file:///tmp/a.html"},
		{name: "relative", in: "/a/b", wantErr: true},
		{name: "mailto", in: "mailto:a@example.com", wantErr: true},
		{name: "javascript", in: "javascript:alert(1)", wantErr: true},
		{name: "no host", in: "http:///a", wantErr: true},
		{name: "empty", in: "  ", wantErr: true},
		{name: "bad port", in: "http://example.com:8x/", wantErr: true},
		{name: "too long", in: "https://example.com/" + strings.Repeat("a", maxURLLen), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Canonicalize(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("Canonicalize(%q) = %q, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Canonicalize(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Fatalf("Canonicalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			again, err := Canonicalize(got)
			if err != nil || again != got {
				t.Fatalf("not idempotent: %q -> %q (%v)", got, again, err)
			}
		})
	}
}

func FuzzCanonicalize(f *testing.F) {
	for _, s := range []string{
		"https://Example.com:443/a/../b?utm_source=x&b=2&a=1#f",
		"http://[::1]:8080/%2Fx/y;jsessionid=1?q=%zz",
		"file:///tmp/a b.html",
		"https://example.com/a?x=%20&&=&y",
		"http://example.com/%41%2f%2e%2E/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := Canonicalize(in)
		if err != nil {
			return
		}
		c2, err := Canonicalize(c)
		if err != nil {
			t.Fatalf("Canonicalize(%q) = %q, which fails: %v", in, c, err)
		}
		if c2 != c {
			t.Fatalf("not idempotent for %q: %q then %q", in, c, c2)
		}
	})
}

func TestCleanPath(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "/"}, {"/", "/"}, {"a", "/a"}, {"/a/./b", "/a/b"}, {"/a/../b", "/b"}, {"/../a", "/a"},
		{"/a/b/..", "/a/"}, {"/a/.", "/a/"}, {"/web/2019/https://example.com/x", "/web/2019/https://example.com/x"},
		{"/a//b/../c", "/a//c"}, {"/a/.../b", "/a/.../b"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := cleanPath(tt.in); got != tt.want {
				t.Fatalf("cleanPath(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
