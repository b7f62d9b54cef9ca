package config

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLine is the longest line Parse accepts.
const maxLine = 64 << 10

// maxErrors is how many problems Parse reports before giving up.
const maxErrors = 50

// globalSetters returns the keys allowed before the first section.
func globalSetters() map[string]func(c *Config, v string) error {
	return map[string]func(c *Config, v string) error{
		"data":                 func(c *Config, v string) error { c.Data = v; return nil },
		"user_agent":           func(c *Config, v string) error { c.UserAgent = v; return nil },
		"concurrency":          func(c *Config, v string) error { return parseInt(v, &c.Concurrency) },
		"per_host_concurrency": func(c *Config, v string) error { return parseInt(v, &c.PerHostConcurrency) },
		"delay":                func(c *Config, v string) error { return parseDuration(v, &c.Delay) },
		"timeout":              func(c *Config, v string) error { return parseDuration(v, &c.Timeout) },
		"connect_timeout":      func(c *Config, v string) error { return parseDuration(v, &c.ConnectTimeout) },
		"header_timeout":       func(c *Config, v string) error { return parseDuration(v, &c.HeaderTimeout) },
		"max_body":             func(c *Config, v string) error { return parseSize(v, &c.MaxBody) },
		"max_redirects":        func(c *Config, v string) error { return parseInt(v, &c.MaxRedirects) },
		"max_retries":          func(c *Config, v string) error { return parseInt(v, &c.MaxRetries) },
		"retry_delay":          func(c *Config, v string) error { return parseDuration(v, &c.RetryDelay) },
		"allow_private":        func(c *Config, v string) error { return parseBool(v, &c.AllowPrivate) },
		"rules_dir":            func(c *Config, v string) error { c.RulesDir = v; return nil },
		"backup":               func(c *Config, v string) error { c.Backup = v; return nil },
		"backup_keep":          func(c *Config, v string) error { return parseInt(v, &c.BackupKeep) },
	}
}

// sourceSetters returns the keys allowed in a [source NAME] section.
func sourceSetters() map[string]func(s *Source, v string) error {
	return map[string]func(s *Source, v string) error{
		"url":            func(s *Source, v string) error { s.URL = v; return nil },
		"kind":           func(s *Source, v string) error { s.Kind = strings.ToLower(v); return nil },
		"allow":          func(s *Source, v string) error { s.Allow = append(s.Allow, v); return nil },
		"deny":           func(s *Source, v string) error { s.Deny = append(s.Deny, v); return nil },
		"max_depth":      func(s *Source, v string) error { return parseInt(v, &s.MaxDepth) },
		"max_pages":      func(s *Source, v string) error { return parseInt(v, &s.MaxPages) },
		"delay":          func(s *Source, v string) error { return parseDuration(v, &s.Delay) },
		"title_selector": func(s *Source, v string) error { s.TitleSelector = v; return nil },
		"body_selector":  func(s *Source, v string) error { s.BodySelector = v; return nil },
		"date_selector":  func(s *Source, v string) error { s.DateSelector = v; return nil },
	}
}

// repeatable keys accumulate instead of being set once.
func repeatable(key string) bool { return key == "allow" || key == "deny" }

// parser holds the state of one Parse call.
type parser struct {
	name    string
	cfg     Config
	global  map[string]func(c *Config, v string) error
	source  map[string]func(s *Source, v string) error
	cur     *Source // section being read; nil before the first section
	curSeen map[string]int
	seen    map[string]int // global keys set → line
	names   map[string]int // source name → header line (0 if from base)
	errs    []error
}

// Parse reads a configuration file from r, starting from base (normally
// Default()) so that keys the file leaves out keep base's values; sources
// the file defines are appended to base's. name is the file name used in
// messages. Parse checks syntax only: call Validate on the result. The
// error, if any, joins one *Error per problem (at most 50).
func Parse(r io.Reader, name string, base Config) (Config, error) {
	p := &parser{
		name:   name,
		cfg:    base,
		global: globalSetters(),
		source: sourceSetters(),
		seen:   make(map[string]int),
		names:  make(map[string]int),
	}
	p.cfg.File = name
	p.cfg.Sources = cloneSources(base.Sources)
	p.cfg.lines = make(map[string]int)
	for _, s := range p.cfg.Sources {
		p.names[s.Name] = s.Line
	}

	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		p.line(n, line)
		if len(p.errs) >= maxErrors {
			p.errs = append(p.errs, &Error{File: name, Line: n, Msg: "too many errors; stopping"})
			return Config{}, errors.Join(p.errs...)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			p.errorf(n+1, "line longer than %d bytes", maxLine)
		} else {
			p.errs = append(p.errs, fmt.Errorf("read %s: %w", name, err))
		}
	}
	p.endSection()
	if len(p.errs) > 0 {
		return Config{}, errors.Join(p.errs...)
	}
	return p.cfg, nil
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) line(n int, b []byte) {
	if !utf8.Valid(b) {
		p.errorf(n, "invalid UTF-8")
		return
	}
	s := strings.TrimSpace(string(b))
	switch {
	case s == "" || s[0] == '#' || s[0] == ';':
		return
	case s[0] == '[':
		p.header(n, s)
		return
	}
	key, value, ok := strings.Cut(s, "=")
	if !ok {
		p.errorf(n, "expected \"key = value\" or \"[source NAME]\", got %q", clip(s))
		return
	}
	key = strings.ToLower(strings.TrimSpace(key))
	key = strings.ReplaceAll(key, "-", "_")
	value = strings.TrimSpace(value)
	if key == "" {
		p.errorf(n, "missing key before \"=\"")
		return
	}
	if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
		u, err := strconv.Unquote(value)
		if err != nil {
			p.errorf(n, "%s: invalid quoted value %s", key, clip(value))
			return
		}
		value = u
	}
	if p.cur == nil {
		p.setGlobal(n, key, value)
	} else {
		p.setSource(n, key, value)
	}
}

var header = regexp.MustCompile(`^\[\s*([A-Za-z_]+)(?:\s+(?:"([^"]*)"|(\S+)))?\s*\]$`)

func (p *parser) header(n int, s string) {
	p.endSection()
	m := header.FindStringSubmatch(s)
	if m == nil {
		p.errorf(n, "invalid section header %q (want [source NAME])", clip(s))
		p.cur = &Source{} // swallow the section's keys without more errors
		p.curSeen = nil
		return
	}
	kind, name := strings.ToLower(m[1]), m[2]+m[3]
	if kind != "source" {
		msg := fmt.Sprintf("unknown section [%s] (want [source NAME])", m[1])
		if d := suggest(kind, []string{"source"}); d != "" {
			msg = fmt.Sprintf("unknown section [%s] (did you mean [%s NAME]?)", m[1], d)
		}
		p.errorf(n, "%s", msg)
		p.cur = &Source{}
		p.curSeen = nil
		return
	}
	if name == "" {
		p.errorf(n, "section [source] needs a name: [source NAME]")
		p.cur = &Source{}
		p.curSeen = nil
		return
	}
	if !sourceName.MatchString(name) {
		p.errorf(n, "invalid source name %q (use letters, digits, '.', '_' and '-', starting with a letter or digit)", name)
	}
	if first, dup := p.names[name]; dup {
		if first > 0 {
			p.errorf(n, "duplicate section [source %s] (first at line %d)", name, first)
		} else {
			p.errorf(n, "duplicate section [source %s]", name)
		}
	} else {
		p.names[name] = n
	}
	s2 := DefaultSource(name)
	s2.Line = n
	s2.lines = make(map[string]int)
	p.cur = &s2
	p.curSeen = make(map[string]int)
}

// endSection appends the section being read, if it is a valid one.
func (p *parser) endSection() {
	if p.cur != nil && p.curSeen != nil {
		p.cfg.Sources = append(p.cfg.Sources, *p.cur)
	}
	p.cur, p.curSeen = nil, nil
}

func (p *parser) setGlobal(n int, key, value string) {
	set, ok := p.global[key]
	if !ok {
		if _, isSource := p.source[key]; isSource {
			p.errorf(n, "key %q belongs in a [source NAME] section", key)
			return
		}
		p.unknown(n, key, keysOf(p.global))
		return
	}
	if first, dup := p.seen[key]; dup {
		p.errorf(n, "duplicate key %q (first set at line %d)", key, first)
		return
	}
	p.seen[key] = n
	p.cfg.lines[key] = n
	if err := set(&p.cfg, value); err != nil {
		p.errorf(n, "%s: %v%s", key, err, commentHint(value))
	}
}

func (p *parser) setSource(n int, key, value string) {
	if p.curSeen == nil {
		return // inside a bad section header: already reported
	}
	set, ok := p.source[key]
	if !ok {
		if _, isGlobal := p.global[key]; isGlobal {
			p.errorf(n, "key %q is global: move it above the first section", key)
			return
		}
		p.unknown(n, key, keysOf(p.source))
		return
	}
	if repeatable(key) {
		i := len(p.cur.Allow)
		if key == "deny" {
			i = len(p.cur.Deny)
		}
		p.cur.lines[listKey(key, i)] = n
	} else if first, dup := p.curSeen[key]; dup {
		p.errorf(n, "duplicate key %q in [source %s] (first set at line %d)", key, p.cur.Name, first)
		return
	}
	p.curSeen[key] = n
	p.cur.lines[key] = n
	if err := set(p.cur, value); err != nil {
		p.errorf(n, "%s: %v%s", key, err, commentHint(value))
	}
}

// keysOf returns the keys of m.
func keysOf[V any](m map[string]V) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	return names
}

func (p *parser) unknown(n int, key string, names []string) {
	if d := suggest(key, names); d != "" {
		p.errorf(n, "unknown key %q (did you mean %q?)", key, d)
		return
	}
	p.errorf(n, "unknown key %q", key)
}

// commentHint explains a bad value that seems to carry a trailing comment.
func commentHint(v string) string {
	if strings.Contains(v, " #") || strings.Contains(v, " ;") {
		return " (comments must be on their own line)"
	}
	return ""
}

// clip shortens s for quoting in a message.
func clip(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

func parseInt(v string, dst *int) error {
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("invalid number %q", clip(v))
	}
	*dst = n
	return nil
}

func parseDuration(v string, dst *time.Duration) error {
	d, err := time.ParseDuration(v)
	if err != nil {
		if _, nerr := strconv.ParseFloat(v, 64); nerr == nil && v != "0" {
			return fmt.Errorf("invalid duration %q (missing unit: e.g. %ss)", clip(v), v)
		}
		return fmt.Errorf("invalid duration %q", clip(v))
	}
	*dst = d
	return nil
}

func parseBool(v string, dst *bool) error {
	switch strings.ToLower(v) {
	case "true", "yes", "on", "1":
		*dst = true
	case "false", "no", "off", "0":
		*dst = false
	default:
		return fmt.Errorf("invalid boolean %q (want true or false)", clip(v))
	}
	return nil
}

var sizeRE = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)$`)

// parseSize reads a byte count with an optional binary unit: B, KB, MB,
// GB (1 KB = 1024 bytes; KiB, MiB, GiB and K, M, G are synonyms).
func parseSize(v string, dst *int64) error {
	m := sizeRE.FindStringSubmatch(v)
	if m == nil {
		return fmt.Errorf("invalid size %q (want a number with an optional unit B, KB, MB or GB)", clip(v))
	}
	var unit float64
	switch strings.ToLower(m[2]) {
	case "", "b":
		unit = 1
	case "k", "kb", "kib":
		unit = 1 << 10
	case "m", "mb", "mib":
		unit = 1 << 20
	case "g", "gb", "gib":
		unit = 1 << 30
	default:
		return fmt.Errorf("invalid size %q: unknown unit %q (want B, KB, MB or GB)", clip(v), m[2])
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return fmt.Errorf("invalid size %q", clip(v))
	}
	f *= unit
	if f >= math.MaxInt64 {
		return fmt.Errorf("invalid size %q: too large", clip(v))
	}
	if f != math.Trunc(f) {
		return fmt.Errorf("invalid size %q: not a whole number of bytes", clip(v))
	}
	*dst = int64(f)
	return nil
}

// suggest returns the name in names closest to key when it is close enough
// to be a likely typo, or "".
func suggest(key string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		d := editDistance(key, n)
		if d < bestD || (d == bestD && best != "" && n < best) {
			best, bestD = n, d
		}
	}
	if best == "" || bestD > 2 || bestD*3 > len(best)+1 {
		return ""
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return math.MaxInt32
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
