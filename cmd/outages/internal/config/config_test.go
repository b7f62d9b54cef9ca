package config

import (
	"errors"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
)

const sample = `# test configuration
data = /srv/outages
user_agent = test-bot/0.1 (+https://bot.example.test/about)
concurrency = 8
per_host_concurrency = 2
delay = 1500ms
timeout = 45s
connect_timeout = 5s
header_timeout = 20s
max_body = 4MB
max_redirects = 3
max_retries = 0
retry_delay = 500ms
allow_private = yes
rules_dir = /etc/outages/rules

[source daily-news]
url = https://news.example.test/tech/feed.xml
kind = feed
allow = ^https://news\.example\.test/tech/
allow = ^https://news\.example\.test/eco/
deny = /video/#player
max_depth = 2
max_pages = 50
delay = 2s
title_selector = h1.headline
body_selector = article .content p
date_selector = time[datetime]

; a local archive
[source "archive"]
url = ./saved pages
Kind = FILE
`

func TestParseGood(t *testing.T) {
	tests := []struct {
		name  string
		input string
		check func(t *testing.T, c Config)
	}{
		{
			name:  "full file",
			input: sample,
			check: func(t *testing.T, c Config) {
				want := Config{
					File: "test.conf", Data: "/srv/outages",
					UserAgent:   "test-bot/0.1 (+https://bot.example.test/about)",
					Concurrency: 8, PerHostConcurrency: 2, Delay: 1500 * time.Millisecond,
					Timeout: 45 * time.Second, ConnectTimeout: 5 * time.Second, HeaderTimeout: 20 * time.Second,
					MaxBody: 4 << 20, MaxRedirects: 3, MaxRetries: 0, RetryDelay: 500 * time.Millisecond,
					AllowPrivate: true, RulesDir: "/etc/outages/rules",
				}
				got := c
				got.Sources, got.lines = nil, nil
				if !reflect.DeepEqual(got, want) {
					t.Errorf("globals:\n got %+v\nwant %+v", got, want)
				}
				if len(c.Sources) != 2 {
					t.Fatalf("got %d sources, want 2", len(c.Sources))
				}
				s := c.Sources[0]
				s.lines = nil
				wantS := Source{
					Name: "daily-news", URL: "https://news.example.test/tech/feed.xml", Kind: "feed",
					Allow:    []string{`^https://news\.example\.test/tech/`, `^https://news\.example\.test/eco/`},
					Deny:     []string{"/video/#player"},
					MaxDepth: 2, MaxPages: 50, Delay: 2 * time.Second,
					TitleSelector: "h1.headline", BodySelector: "article .content p", DateSelector: "time[datetime]",
					Line: 17,
				}
				if !reflect.DeepEqual(s, wantS) {
					t.Errorf("source 0:\n got %+v\nwant %+v", s, wantS)
				}
				a := c.Sources[1]
				if a.Name != "archive" || a.URL != "./saved pages" || a.Kind != "file" || a.Line != 31 {
					t.Errorf("source 1 = %+v", a)
				}
				if a.MaxDepth != 2 || a.MaxPages != 1000 {
					t.Errorf("source 1 defaults: depth %d pages %d, want 2 1000", a.MaxDepth, a.MaxPages)
				}
				if got := c.Line("max_body"); got != 10 {
					t.Errorf("Line(max_body) = %d, want 10", got)
				}
				if got := c.Sources[0].KeyLine("allow/1"); got != 21 {
					t.Errorf("KeyLine(allow/1) = %d, want 21", got)
				}
				if err := c.Validate(); err != nil {
					t.Errorf("Validate: %v", err)
				}
			},
		},
		{
			name:  "empty file keeps defaults",
			input: "",
			check: func(t *testing.T, c Config) {
				c.File, c.lines = "", nil
				if !reflect.DeepEqual(c, Default()) {
					t.Errorf("got %+v, want Default()", c)
				}
			},
		},
		{
			name:  "crlf, bom, blanks and quoting",
			input: "\uFEFF# windows file\r\n\r\n  user_agent = \"  spaced bot  \"  \r\nmax_body=512\r\nmax-retries = 1\r\n",
			check: func(t *testing.T, c Config) {
				if c.UserAgent != "  spaced bot  " {
					t.Errorf("UserAgent = %q", c.UserAgent)
				}
				if c.MaxBody != 512 {
					t.Errorf("MaxBody = %d", c.MaxBody)
				}
				if c.MaxRetries != 1 {
					t.Errorf("MaxRetries = %d", c.MaxRetries)
				}
			},
		},
		{
			name:  "sizes",
			input: "max_body = 1.5 kb\n",
			check: func(t *testing.T, c Config) {
				if c.MaxBody != 1536 {
					t.Errorf("MaxBody = %d, want 1536", c.MaxBody)
				}
			},
		},
		{
			name:  "empty string value",
			input: "rules_dir =\n",
			check: func(t *testing.T, c Config) {
				if c.RulesDir != "" {
					t.Errorf("RulesDir = %q", c.RulesDir)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(strings.NewReader(tt.input), "test.conf", Default())
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			tt.check(t, c)
		})
	}
}

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"1", 1}, {"10B", 10}, {"2K", 2048}, {"3KiB", 3072}, {"10MB", 10 << 20},
		{"10 mb", 10 << 20}, {"1GB", 1 << 30}, {"2gib", 2 << 30}, {"0.5MB", 512 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got int64
			if err := parseSize(tt.in, &got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("parseSize(%q) = %d, want %d", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseBase(t *testing.T) {
	base := Default()
	base.Concurrency = 16
	base.Sources = []Source{{Name: "kept", URL: "https://kept.example.test/", MaxPages: 1, Allow: []string{"a"}}}
	c, err := Parse(strings.NewReader("delay = 3s\n[source other]\nurl = https://other.example.test/\n"), "b.conf", base)
	if err != nil {
		t.Fatal(err)
	}
	if c.Concurrency != 16 || c.Delay != 3*time.Second {
		t.Errorf("Concurrency %d Delay %s, want 16 3s", c.Concurrency, c.Delay)
	}
	if len(c.Sources) != 2 || c.Sources[0].Name != "kept" || c.Sources[1].Name != "other" {
		t.Fatalf("sources = %+v", c.Sources)
	}
	c.Sources[0].Allow[0] = "changed"
	if base.Sources[0].Allow[0] != "a" {
		t.Error("Parse shares base's slices")
	}
	_, err = Parse(strings.NewReader("[source kept]\nurl = /tmp\n"), "b.conf", base)
	if want := "b.conf:1: duplicate section [source kept]"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // the whole error text; lines joined by "\n"
	}{
		{"typo", "dealy = 1s\n", `outages.conf:1: unknown key "dealy" (did you mean "delay"?)`},
		{"typo in source", "[source a]\nurl = /x\nmax_page = 3\n", `outages.conf:3: unknown key "max_page" (did you mean "max_pages"?)`},
		{"unknown far", "colour = blue\n", `outages.conf:1: unknown key "colour"`},
		{"bad duration", "# c\n\ndelay = 1x\n", `outages.conf:3: delay: invalid duration "1x"`},
		{"duration without unit", "timeout = 30\n", `outages.conf:1: timeout: invalid duration "30" (missing unit: e.g. 30s)`},
		{"trailing comment", "delay = 1s # polite\n", `outages.conf:1: delay: invalid duration "1s # polite" (comments must be on their own line)`},
		{"bad number", "concurrency = four\n", `outages.conf:1: concurrency: invalid number "four"`},
		{"empty number", "max_retries =\n", `outages.conf:1: max_retries: invalid number ""`},
		{"bad bool", "allow_private = maybe\n", `outages.conf:1: allow_private: invalid boolean "maybe" (want true or false)`},
		{"bad size", "max_body = lots\n", `outages.conf:1: max_body: invalid size "lots" (want a number with an optional unit B, KB, MB or GB)`},
		{"bad size unit", "max_body = 3TB\n", `outages.conf:1: max_body: invalid size "3TB": unknown unit "TB" (want B, KB, MB or GB)`},
		{"fractional bytes", "max_body = 1.5\n", `outages.conf:1: max_body: invalid size "1.5": not a whole number of bytes`},
		{"huge size", "max_body = 99999999999GB\n", `outages.conf:1: max_body: invalid size "99999999999GB": too large`},
		{"no equals", "concurrency 4\n", `outages.conf:1: expected "key = value" or "[source NAME]", got "concurrency 4"`},
		{"no key", " = 4\n", `outages.conf:1: missing key before "="`},
		{"bad quote", "user_agent = \"a\\q\"\n", `outages.conf:1: user_agent: invalid quoted value "a\q"`},
		{"duplicate key", "delay = 1s\ntimeout = 2s\ndelay = 2s\n", `outages.conf:3: duplicate key "delay" (first set at line 1)`},
		{"duplicate source key", "[source a]\nurl = /x\nurl = /y\n", `outages.conf:3: duplicate key "url" in [source a] (first set at line 2)`},
		{"duplicate section", "[source a]\nurl = /x\n\n[source a]\nurl = /y\n", `outages.conf:4: duplicate section [source a] (first at line 1)`},
		{"source key at top", "url = https://x.example.test/\n", `outages.conf:1: key "url" belongs in a [source NAME] section`},
		{"global key in section", "[source a]\nconcurrency = 2\n", `outages.conf:2: key "concurrency" is global: move it above the first section`},
		{"unknown section", "[sources a]\nurl = /x\n", `outages.conf:1: unknown section [sources] (did you mean [source NAME]?)`},
		{"other section", "[global]\ndelay = 1s\n", `outages.conf:1: unknown section [global] (want [source NAME])`},
		{"bad header", "[source a\n", `outages.conf:1: invalid section header "[source a" (want [source NAME])`},
		{"nameless", "[source]\n", `outages.conf:1: section [source] needs a name: [source NAME]`},
		{"bad name", "[source a/b]\nurl = /x\n", `outages.conf:1: invalid source name "a/b" (use letters, digits, '.', '_' and '-', starting with a letter or digit)`},
		{"invalid utf8", "data = \xff\n", `outages.conf:1: invalid UTF-8`},
		{"long line", "data = " + strings.Repeat("x", maxLine) + "\n", `outages.conf:1: line longer than 65536 bytes`},
		{
			"several problems",
			"dealy = 1s\nconcurrency = x\n[source s]\nmax_depth = deep\n",
			"outages.conf:1: unknown key \"dealy\" (did you mean \"delay\"?)\n" +
				"outages.conf:2: concurrency: invalid number \"x\"\n" +
				"outages.conf:4: max_depth: invalid number \"deep\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input), "outages.conf", Default())
			if err == nil {
				t.Fatalf("Parse succeeded, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got %q\nwant %q", err.Error(), tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) && !strings.Contains(tt.want, "read ") {
				t.Errorf("error %T is not a *Error", err)
			}
		})
	}
}

func TestParseTooManyErrors(t *testing.T) {
	_, err := Parse(strings.NewReader(strings.Repeat("bogus\n", 200)), "x.conf", Default())
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxErrors+1 || lines[len(lines)-1] != "x.conf:50: too many errors; stopping" {
		t.Errorf("got %d lines ending %q", len(lines), lines[len(lines)-1])
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseReadError(t *testing.T) {
	_, err := Parse(failingReader{}, "x.conf", Default())
	if err == nil || err.Error() != "read x.conf: disk on fire" {
		t.Errorf("got %v", err)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // "" = valid
	}{
		{"defaults", "", ""},
		{"sources", "[source a]\nurl = https://a.example.test/\n[source b]\nurl = file:///srv/pages\n[source c]\nurl = pages/\nkind = file\n", ""},
		{"jsonl source", "[source backfill]\nurl = /srv/news-please/\nkind = jsonl\n", ""},
		{"jsonl kind with web url", "[source a]\nurl = https://a.example.test/x.jsonl\nkind = jsonl\n", `outages.conf:2: source "a": url: kind jsonl needs a path or a file: URL, got "https://a.example.test/x.jsonl"`},
		{"zero concurrency", "concurrency = 0\n", "outages.conf:1: concurrency: must be at least 1, got 0"},
		{"negative per host", "\nper_host_concurrency = -2\n", "outages.conf:2: per_host_concurrency: must be at least 1, got -2"},
		{"negative delay", "delay = -1s\n", "outages.conf:1: delay: must be positive, got -1s"},
		{"zero retry delay", "retry_delay = 0s\n", "outages.conf:1: retry_delay: must be positive, got 0s"},
		{"zero redirects", "max_redirects = 0\n", "outages.conf:1: max_redirects: must be at least 1, got 0"},
		{"no retries is fine", "max_retries = 0\n", ""},
		{"agent without contact", "user_agent = bot/1.0\n[source a]\nurl = /x\n", `outages.conf:1: user_agent: "bot/1.0" must contain a contact URL or e-mail address so that sites can reach you, e.g. "outages-bot/1.0 (+https://example.org/bot)"`},
		{"agent with mail", "user_agent = bot/1.0 (ops@example.test)\n[source a]\nurl = /x\n", ""},
		{"agent without contact and no source", "user_agent = bot/1.0\n", ""},
		{"zero timeout", "timeout = 0s\n", "outages.conf:1: timeout: must be positive, got 0s"},
		{"zero connect timeout", "connect_timeout = 0s\n", "outages.conf:1: connect_timeout: must be positive, got 0s"},
		{"zero body", "max_body = 0\n", "outages.conf:1: max_body: must be positive, got 0"},
		{"negative retries", "max_retries = -1\n", "outages.conf:1: max_retries: must be at least 0, got -1"},
		{"empty data", "data = \"\"\n", "outages.conf:1: data: must not be empty"},
		{"empty agent", "user_agent =\n", "outages.conf:1: user_agent: must not be empty"},
		{"agent with newline", "user_agent = \"a\\r\\nX-Evil: 1\"\n", "outages.conf:1: user_agent: must not contain control characters"},
		{"missing url", "[source a]\nkind = feed\n", `outages.conf:1: source "a": url: missing (every source needs a url)`},
		{"bad scheme", "[source a]\nurl = ftp://a.example.test/x\n", `outages.conf:2: source "a": url: unsupported scheme "ftp" in "ftp://a.example.test/x" (want http, https, file or a path)`},
		{"no host", "[source a]\nurl = https:///x\n", `outages.conf:2: source "a": url: "https:///x" has no host`},
		{"broken url", "[source a]\nurl = https://a b.example.test/\n", `outages.conf:2: source "a": url: invalid URL "https://a b.example.test/": invalid character " " in host name`},
		{"file kind with web url", "[source a]\nurl = https://a.example.test/\nkind = file\n", `outages.conf:2: source "a": url: kind file needs a path or a file: URL, got "https://a.example.test/"`},
		{"bad kind", "[source a]\nurl = /x\nkind = rss\n", `outages.conf:3: source "a": unknown kind "rss" (want page, feed, sitemap, file or jsonl; empty to detect)`},
		{"bad allow", "[source a]\nurl = /x\nallow = ^ok$\nallow = (open\n", `outages.conf:4: source "a": allow: invalid regexp "(open": missing closing )`},
		{"bad deny", "[source a]\nurl = /x\ndeny = a**\n", `outages.conf:3: source "a": deny: invalid regexp "a**": invalid nested repetition operator at "**"`},
		{"negative depth", "[source a]\nurl = /x\nmax_depth = -1\n", `outages.conf:3: source "a": max_depth: must be at least 0, got -1`},
		{"zero pages", "[source a]\nurl = /x\nmax_pages = 0\n", `outages.conf:3: source "a": max_pages: must be at least 1, got 0`},
		{"negative source delay", "[source a]\nurl = /x\ndelay = -5s\n", `outages.conf:3: source "a": delay: must not be negative, got -5s`},
		{"bad selector", "[source a]\nurl = /x\nbody_selector = article >\n", `outages.conf:3: source "a": body_selector: invalid CSS selector "article >": expected selector, found EOF instead`},
		{
			"all problems reported",
			"concurrency = 0\ntimeout = 0s\n[source a]\nurl = gopher://x\nmax_pages = 0\n",
			"outages.conf:1: concurrency: must be at least 1, got 0\n" +
				"outages.conf:2: timeout: must be positive, got 0s\n" +
				`outages.conf:4: source "a": url: unsupported scheme "gopher" in "gopher://x" (want http, https, file or a path)` + "\n" +
				`outages.conf:5: source "a": max_pages: must be at least 1, got 0`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := Default()
			base.UserAgent = "test-bot/1.0 (+https://bot.example.test/)"
			c, err := Parse(strings.NewReader(tt.input), "outages.conf", base)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			err = c.Validate()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Validate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestValidateBuilt(t *testing.T) {
	// A configuration built in code has no file or lines.
	c := Default()
	c.UserAgent = "bot/1 (+https://bot.example.test/)"
	c.Sources = []Source{
		{Name: "x", URL: "https://x.example.test/", MaxPages: 1},
		{Name: "x", URL: "https://y.example.test/", MaxPages: 1},
		{URL: "/z", MaxPages: 1},
	}
	want := "source \"x\": duplicate source\nsource #3: missing name"
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestDefaultValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestSuggest(t *testing.T) {
	names := keysOf(globalSetters())
	tests := []struct{ in, want string }{
		{"dealy", "delay"},
		{"timout", "timeout"},
		{"useragent", "user_agent"},
		{"maxbody", "max_body"},
		{"allow_privat", "allow_private"},
		{"x", ""},
		{"completely_unrelated", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := suggest(tt.in, names); got != tt.want {
				t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(sample)
	f.Add("dealy = 1s\n[source]\n[x y]\n")
	f.Add("max_body = 1.5e309GB\n")
	f.Add("[source a]\nurl = https://[::1\nallow = (\nbody_selector = :nth-child(\n")
	f.Add("\uFEFF\r\n= \"\\\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(strings.NewReader(s), "fuzz.conf", Default())
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.conf") {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		if err := c.Validate(); err != nil && !strings.Contains(err.Error(), "fuzz.conf") {
			t.Fatalf("validate error without file name: %v", err)
		}
	})
}

func TestUnsetKeyErrorNamesFile(t *testing.T) {
	c, err := Parse(strings.NewReader("[source a]\nurl = /x\n"), "outages.conf", Default())
	if err != nil {
		t.Fatal(err)
	}
	want := `outages.conf: user_agent: "outages-bot/1.0" must contain a contact URL or e-mail address so that sites can reach you, e.g. "outages-bot/1.0 (+https://example.org/bot)"`
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestReference checks that REFERENCE.md documents every key and that its
// example is a valid file.
func TestReference(t *testing.T) {
	doc, err := os.ReadFile("REFERENCE.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, keys := range [][]string{keysOf(globalSetters()), keysOf(sourceSetters())} {
		for _, k := range keys {
			if !strings.Contains(string(doc), "| `"+k+"` |") {
				t.Errorf("REFERENCE.md does not document %q", k)
			}
		}
	}
	_, example, ok := strings.Cut(string(doc), "```ini\n")
	example, _, ok2 := strings.Cut(example, "```")
	if !ok || !ok2 {
		t.Fatal("no ```ini example in REFERENCE.md")
	}
	c, err := Parse(strings.NewReader(example), "REFERENCE.md", Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(c.Sources) != 3 || c.Sources[0].Name != "technews" || len(c.Sources[0].Deny) != 2 {
		t.Errorf("example sources = %+v", c.Sources)
	}
	documented := func(key string) string {
		m := regexp.MustCompile("(?m)^\\| `" + key + "` \\| `([^`]*)` \\|").FindStringSubmatch(string(doc))
		if m == nil {
			t.Errorf("REFERENCE.md: no default for %s", key)
			return ""
		}
		return m[1]
	}
	d, ds := Default(), DefaultSource("")
	for _, row := range []struct {
		key  string
		want any
	}{
		{"data", d.Data}, {"user_agent", d.UserAgent}, {"concurrency", d.Concurrency},
		{"per_host_concurrency", d.PerHostConcurrency}, {"delay", d.Delay},
		{"timeout", d.Timeout}, {"connect_timeout", d.ConnectTimeout},
		{"header_timeout", d.HeaderTimeout}, {"max_body", d.MaxBody},
		{"max_redirects", d.MaxRedirects}, {"max_retries", d.MaxRetries},
		{"retry_delay", d.RetryDelay}, {"allow_private", d.AllowPrivate},
		{"max_depth", ds.MaxDepth}, {"max_pages", ds.MaxPages},
	} {
		// Parse the documented default the way the file would be parsed.
		c, err := Parse(strings.NewReader(row.key+" = "+documented(row.key)), "doc", Default())
		if strings.HasPrefix(row.key, "max_depth") || strings.HasPrefix(row.key, "max_pages") {
			c, err = Parse(strings.NewReader("[source s]\n"+row.key+" = "+documented(row.key)), "doc", Default())
		}
		if err != nil {
			t.Errorf("REFERENCE.md: default of %s: %v", row.key, err)
			continue
		}
		got := map[string]any{
			"data": c.Data, "user_agent": c.UserAgent, "concurrency": c.Concurrency,
			"per_host_concurrency": c.PerHostConcurrency, "delay": c.Delay, "timeout": c.Timeout,
			"connect_timeout": c.ConnectTimeout, "header_timeout": c.HeaderTimeout, "max_body": c.MaxBody,
			"max_redirects": c.MaxRedirects, "max_retries": c.MaxRetries, "retry_delay": c.RetryDelay,
			"allow_private": c.AllowPrivate,
		}
		if len(c.Sources) == 1 {
			got["max_depth"], got["max_pages"] = c.Sources[0].MaxDepth, c.Sources[0].MaxPages
		}
		if got[row.key] != row.want {
			t.Errorf("REFERENCE.md: default of %s is %v, Default() has %v", row.key, got[row.key], row.want)
		}
	}
}
