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
data = "/srv/outages"
user_agent = "test-bot/0.1 (+https://bot.example.test/about)"
concurrency = 8
per_host_concurrency = 2
delay = "1500ms"
timeout = "45s"
connect_timeout = "5s"
header_timeout = "20s"
max_body = "4MB"
max_redirects = 3
max_retries = 0
retry_delay = "500ms"
allow_private = true
rules_dir = "/etc/outages/rules"
backup = "/srv/backups"
backup_keep = 3

[[source]]
name = "daily-news"
url = "https://news.example.test/tech/feed.xml"
kind = "feed"
allow = ['^https://news\.example\.test/tech/',
         '^https://news\.example\.test/eco/']
deny = '/video/#player'
max_depth = 2
max_pages = 50
delay = "2s"
title_selector = "h1.headline"
body_selector = "article .content p"
date_selector = "time[datetime]"

# a local archive
[[source]]
name = "archive"
url = "./saved pages"
kind = "FILE"
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
					AllowPrivate: true, RulesDir: "/etc/outages/rules", Backup: "/srv/backups", BackupKeep: 3,
				}
				got := c
				got.Sources, got.lines = nil, nil
				if !reflect.DeepEqual(got, want) {
					t.Errorf("globals:\n got %+v\nwant %+v", got, want)
				}
				if len(c.Sources) != 2 {
					t.Fatalf("%d sources, want 2", len(c.Sources))
				}
				s := c.Sources[0]
				s.lines = nil
				wantS := Source{
					Name: "daily-news", URL: "https://news.example.test/tech/feed.xml", Kind: "feed",
					Allow: []string{`^https://news\.example\.test/tech/`, `^https://news\.example\.test/eco/`},
					Deny:  []string{"/video/#player"}, MaxDepth: 2, MaxPages: 50, Delay: 2 * time.Second,
					TitleSelector: "h1.headline", BodySelector: "article .content p", DateSelector: "time[datetime]",
					Line: 19,
				}
				if !reflect.DeepEqual(s, wantS) {
					t.Errorf("source 0:\n got %+v\nwant %+v", s, wantS)
				}
				a := c.Sources[1]
				if a.Name != "archive" || a.URL != "./saved pages" || a.Kind != "file" || a.Line != 34 {
					t.Errorf("source 1 = %+v", a)
				}
				if a.MaxDepth != 2 || a.MaxPages != 0 {
					t.Errorf("source 1 defaults: depth %d pages %d, want 2 0", a.MaxDepth, a.MaxPages)
				}
				if got := c.Line("max_body"); got != 10 {
					t.Errorf("Line(max_body) = %d, want 10", got)
				}
				if got := c.Sources[0].KeyLine("max_pages"); got != 27 {
					t.Errorf("KeyLine(max_pages) = %d, want 27", got)
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
			name:  "crlf, bom and blanks",
			input: "\uFEFF# windows file\r\n\r\n  user_agent = \"  spaced bot  \"  \r\nmax_body=512\r\n",
			check: func(t *testing.T, c Config) {
				if c.UserAgent != "  spaced bot  " || c.MaxBody != 512 {
					t.Errorf("UserAgent = %q, MaxBody = %d", c.UserAgent, c.MaxBody)
				}
			},
		},
		{
			name:  "size as a string",
			input: "max_body = \"1.5 kb\"\n",
			check: func(t *testing.T, c Config) {
				if c.MaxBody != 1536 {
					t.Errorf("MaxBody = %d, want 1536", c.MaxBody)
				}
			},
		},
		{
			name:  "jsonl kind",
			input: "[[source]]\nname = \"dump\"\nurl = \"/srv/dump.jsonl\"\nkind = \"jsonl\"\n",
			check: func(t *testing.T, c Config) {
				if err := c.Validate(); err != nil || c.Sources[0].Kind != KindJSONL {
					t.Errorf("kind %q: %v", c.Sources[0].Kind, err)
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
	c, err := Parse(strings.NewReader("delay = \"3s\"\n[[source]]\nname = \"other\"\nurl = \"https://other.example.test/\"\n"), "b.conf", base)
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
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // the whole error text; lines joined by "\n"
	}{
		{"typo", "dealy = \"1s\"\n", `outages.conf:1: unknown key "dealy" (did you mean "delay"?)`},
		{"typo in source", "[[source]]\nname = \"a\"\nurl = \"/x\"\nmax_page = 3\n", `outages.conf:4: source "a": unknown key "max_page" (did you mean "max_pages"?)`},
		{"unknown far", "colour = \"blue\"\n", `outages.conf:1: unknown key "colour"`},
		{"bad duration", "# c\n\ndelay = \"1x\"\n", `outages.conf:3: delay: invalid duration "1x"`},
		{"duration without unit", "timeout = \"30\"\n", `outages.conf:1: timeout: invalid duration "30" (missing unit: e.g. 30s)`},
		{"duration as a number", "timeout = 30\n", `outages.conf:1: timeout: want a duration string such as "1m30s", got the integer 30`},
		{"string for a number", "concurrency = \"four\"\n", `outages.conf:1: concurrency: want an integer, got the string "four"`},
		{"float for a number", "concurrency = 2.5\n", `outages.conf:1: concurrency: want an integer, got the number 2.5`},
		{"string for a bool", "allow_private = \"yes\"\n", `outages.conf:1: allow_private: want true or false, got the string "yes"`},
		{"bad size", "max_body = \"lots\"\n", `outages.conf:1: max_body: invalid size "lots" (want a number with an optional unit B, KB, MB or GB)`},
		{"bad size unit", "max_body = \"3TB\"\n", `outages.conf:1: max_body: invalid size "3TB": unknown unit "TB" (want B, KB, MB or GB)`},
		{"number in a list", "[[source]]\nname = \"a\"\nallow = [\"x\", 3]\n", `outages.conf:3: source "a": allow: want an array of strings, got an array`},
		{"syntax", "concurrency 4\n", `outages.conf:1: expected '=' after key (column 13)`},
		{"unquoted string", "data = /srv\n", `outages.conf:1: `},
		{"duplicate key", "delay = \"1s\"\ntimeout = \"2s\"\ndelay = \"2s\"\n", `outages.conf:3: `},
		{"source key at top", "url = \"https://x.example.test/\"\n", `outages.conf:1: "url" belongs in a [[source]] table`},
		{"global key in source", "[[source]]\nname = \"a\"\nconcurrency = 2\n", `outages.conf:3: source "a": "concurrency" is a global setting: put it before the first [[source]] table`},
		{"single brackets", "[source]\nname = \"a\"\n", `outages.conf:1: source: write each source as a [[source]] table (double brackets)`},
		{"other table", "[global]\ndelay = \"1s\"\n", `outages.conf:1: unknown key "global"`},
		{"old format", "[source technews]\nurl = https://x.example.test/\n", "this looks like the configuration format used before TOML"},
		{"invalid utf8", "data = \"\xff\"\n", `outages.conf:1: `},
		{
			"several problems",
			"dealy = \"1s\"\nconcurrency = \"x\"\n[[source]]\nname = \"s\"\nmax_depth = \"deep\"\n",
			"outages.conf:1: unknown key \"dealy\" (did you mean \"delay\"?)\n" +
				"outages.conf:2: concurrency: want an integer, got the string \"x\"\n" +
				"outages.conf:5: source \"s\": max_depth: want an integer, got the string \"deep\"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.input), "outages.conf", Default())
			if err == nil {
				t.Fatalf("Parse succeeded, want %q", tt.want)
			}
			if !strings.HasSuffix(tt.want, ": ") && !strings.Contains(err.Error(), tt.want) ||
				strings.HasSuffix(tt.want, ": ") && !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n got %q\nwant %q", err.Error(), tt.want)
			}
			if !strings.HasPrefix(tt.want, "this") && !strings.HasSuffix(tt.want, ": ") && err.Error() != tt.want {
				t.Errorf("error:\n got %q\nwant exactly %q", err.Error(), tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error %T is not a *Error", err)
			}
		})
	}
}

func TestParseTooManyErrors(t *testing.T) {
	var b strings.Builder
	for i := range 200 {
		b.WriteString("bogus" + strings.Repeat("x", i) + " = 1\n")
	}
	_, err := Parse(strings.NewReader(b.String()), "x.conf", Default())
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxErrors+1 || lines[len(lines)-1] != "x.conf: too many errors; stopping" {
		t.Errorf("got %d lines ending %q", len(lines), lines[len(lines)-1])
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseReadError(t *testing.T) {
	_, err := Parse(failingReader{}, "x.conf", Default())
	if err == nil || err.Error() != "x.conf: disk on fire" {
		t.Errorf("got %v", err)
	}
}

// src makes a one-source file from key lines (name "a" on line 2).
func src(lines ...string) string {
	return "[[source]]\nname = \"a\"\n" + strings.Join(lines, "\n") + "\n"
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // "" = valid
	}{
		{"defaults", "", ""},
		{"sources", "[[source]]\nname = \"a\"\nurl = \"https://a.example.test/\"\n[[source]]\nname = \"b\"\nurl = \"file:///srv/pages\"\n[[source]]\nname = \"c\"\nurl = \"pages/\"\nkind = \"file\"\n", ""},
		{"jsonl source", "[[source]]\nname = \"backfill\"\nurl = \"/srv/news-please/\"\nkind = \"jsonl\"\n", ""},
		{"jsonl kind with web url", "[[source]]\nname = \"a\"\nurl = \"https://a.example.test/x.jsonl\"\nkind = \"jsonl\"\n", `outages.conf:3: source "a": url: kind jsonl needs a path or a file: URL, got "https://a.example.test/x.jsonl"`},
		{"zero concurrency", "concurrency = 0\n", "outages.conf:1: concurrency: must be at least 1, got 0"},
		{"negative per host", "\nper_host_concurrency = -2\n", "outages.conf:2: per_host_concurrency: must be at least 1, got -2"},
		{"negative delay", "delay = \"-1s\"\n", "outages.conf:1: delay: must be positive, got -1s"},
		{"zero redirects", "max_redirects = 0\n", "outages.conf:1: max_redirects: must be at least 1, got 0"},
		{"no retries is fine", "max_retries = 0\n", ""},
		{"zero backups kept", "backup_keep = 0\n", "outages.conf:1: backup_keep: must be at least 1, got 0"},
		{"agent without contact", "user_agent = \"bot/1.0\"\n" + src(`url = "https://x.example/"`), `outages.conf:1: user_agent: "bot/1.0" must contain a contact URL or e-mail address so that sites can reach you, e.g. "outages-bot/1.0 (+https://example.org/bot)" (or give one with --contact URL|EMAIL or $OUTAGES_CONTACT)`},
		{"agent with mail", "user_agent = \"bot/1.0 (ops@example.test)\"\n" + src(`url = "/x"`), ""},
		{"agent without contact and only local sources", "user_agent = \"bot/1.0\"\n" + src(`url = "/x"`), ""},
		{"zero body", "max_body = 0\n", "outages.conf:1: max_body: must be positive, got 0"},
		{"empty data", "data = \"\"\n", "outages.conf:1: data: must not be empty"},
		{"agent with newline", "user_agent = \"a\\r\\nX-Evil: 1\"\n", "outages.conf:1: user_agent: must not contain control characters"},
		{"missing name", "[[source]]\nurl = \"/x\"\n", `outages.conf:1: source #1: missing name`},
		{"duplicate name", src(`url = "/x"`) + src(`url = "/y"`), `outages.conf:4: source "a": duplicate source (first defined at line 1)`},
		{"missing url", src(`kind = "feed"`), `outages.conf:1: source "a": url: missing (every source needs a url)`},
		{"bad scheme", src(`url = "ftp://a.example.test/x"`), `outages.conf:3: source "a": url: unsupported scheme "ftp" in "ftp://a.example.test/x" (want http, https, file or a path)`},
		{"bad kind", src(`url = "/x"`, `kind = "rss"`), `outages.conf:4: source "a": unknown kind "rss" (want page, feed, sitemap, file or jsonl; empty to detect)`},
		{"bad allow", src(`url = "/x"`, `allow = ['^ok$', '(open']`), `outages.conf:4: source "a": allow: invalid regexp "(open": missing closing )`},
		{"negative depth", src(`url = "/x"`, `max_depth = -1`), `outages.conf:4: source "a": max_depth: must be at least 0, got -1`},
		{"negative pages", src(`url = "/x"`, `max_pages = -1`), `outages.conf:4: source "a": max_pages: must be at least 1 (or 0 for the default), got -1`},
		{"bad selector", src(`url = "/x"`, `body_selector = "article >"`), `outages.conf:4: source "a": body_selector: invalid CSS selector "article >": expected selector, found EOF instead`},
		{
			"all problems reported",
			"concurrency = 0\ntimeout = \"0s\"\n" + src(`url = "gopher://x"`, `max_pages = -1`),
			"outages.conf:1: concurrency: must be at least 1, got 0\n" +
				"outages.conf:2: timeout: must be positive, got 0s\n" +
				`outages.conf:5: source "a": url: unsupported scheme "gopher" in "gopher://x" (want http, https, file or a path)` + "\n" +
				`outages.conf:6: source "a": max_pages: must be at least 1 (or 0 for the default), got -1`,
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

// TestExample: the file 'outages config init' writes is valid and sets
// every global key to its default.
func TestExample(t *testing.T) {
	c, err := Parse(strings.NewReader(Example), "example.toml", Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, k := range keysOf(globalSettings()) {
		if c.Line(k) == 0 {
			t.Errorf("Example does not show %q", k)
		}
	}
	got := c
	got.Sources, got.lines, got.File, got.UserAgent = nil, nil, "", Default().UserAgent
	if !reflect.DeepEqual(got, Default()) {
		t.Errorf("Example's globals differ from the defaults:\n got %+v\nwant %+v", got, Default())
	}
	if len(c.Sources) != 3 {
		t.Errorf("%d sources", len(c.Sources))
	}
}

func TestWithContact(t *testing.T) {
	tests := []struct{ ua, contact, want, err string }{
		{"outages-bot/1.0", "ops@example.org", "outages-bot/1.0 (ops@example.org)", ""},
		{"outages-bot/1.0 (+https://old.example/)", "https://new.example/bot", "outages-bot/1.0 (+https://new.example/bot)", ""},
		{"", "https://x.example/", "outages-bot/1.0 (+https://x.example/)", ""},
		{"bot", "nobody", "", "want a URL"},
		{"bot", "a@b) X-Evil: (", "", "want a URL"},
	}
	for _, tt := range tests {
		t.Run(tt.contact, func(t *testing.T) {
			got, err := WithContact(tt.ua, tt.contact)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want || !HasContact(got) {
				t.Errorf("WithContact(%q, %q) = %q, %v; want %q", tt.ua, tt.contact, got, err, tt.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	names := keysOf(globalSettings())
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
	f.Add(Example)
	f.Add("dealy = 1s\n[source]\n[x y]\n")
	f.Add("max_body = \"1.5e309GB\"\n")
	f.Add("[[source]]\nurl = 'https://[::1'\nallow = '('\nbody_selector = ':nth-child('\n")
	f.Add("\uFEFF\r\n= \"\\\"\n")
	f.Add("source = 3\n[[source.x]]\na.b.c = 1\n")
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
	c, err := Parse(strings.NewReader(src(`url = "https://x.example/"`)), "outages.conf", Default())
	if err != nil {
		t.Fatal(err)
	}
	want := `outages.conf: user_agent: "outages-bot/1.0" must contain a contact URL or e-mail address so that sites can reach you, e.g. "outages-bot/1.0 (+https://example.org/bot)" (or give one with --contact URL|EMAIL or $OUTAGES_CONTACT)`
	if err := c.Validate(); err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestReference checks that REFERENCE.md documents every key, that its
// example is valid, and that its documented defaults are Default()'s.
func TestReference(t *testing.T) {
	doc, err := os.ReadFile("REFERENCE.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, keys := range [][]string{keysOf(globalSettings()), keysOf(sourceSettings())} {
		for _, k := range keys {
			if !strings.Contains(string(doc), "| `"+k+"` |") {
				t.Errorf("REFERENCE.md does not document %q", k)
			}
		}
	}
	_, example, ok := strings.Cut(string(doc), "```toml\n")
	example, _, ok2 := strings.Cut(example, "```")
	if !ok || !ok2 {
		t.Fatal("no ```toml example in REFERENCE.md")
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
		{"backup_keep", d.BackupKeep},
		{"max_depth", ds.MaxDepth}, {"max_pages", ds.MaxPages},
	} {
		// Parse the documented default the way the file would be parsed.
		in := row.key + " = " + documented(row.key)
		if row.key == "max_depth" || row.key == "max_pages" {
			in = "[[source]]\n" + in
		}
		c, err := Parse(strings.NewReader(in), "doc", Default())
		if err != nil {
			t.Errorf("REFERENCE.md: default of %s: %v", row.key, err)
			continue
		}
		got := map[string]any{
			"data": c.Data, "user_agent": c.UserAgent, "concurrency": c.Concurrency,
			"per_host_concurrency": c.PerHostConcurrency, "delay": c.Delay, "timeout": c.Timeout,
			"connect_timeout": c.ConnectTimeout, "header_timeout": c.HeaderTimeout, "max_body": c.MaxBody,
			"max_redirects": c.MaxRedirects, "max_retries": c.MaxRetries, "retry_delay": c.RetryDelay,
			"allow_private": c.AllowPrivate, "backup_keep": c.BackupKeep,
		}
		if len(c.Sources) == 1 {
			got["max_depth"], got["max_pages"] = c.Sources[0].MaxDepth, c.Sources[0].MaxPages
		}
		if got[row.key] != row.want {
			t.Errorf("REFERENCE.md: default of %s is %v, Default() has %v", row.key, got[row.key], row.want)
		}
	}
}
