package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// value kinds a key accepts.
type valueKind int

const (
	kString valueKind = iota
	kInt
	kBool
	kDuration // a string such as "1m30s"
	kSize     // an integer of bytes or a string such as "10MB"
	kStrings  // an array of strings (a single string is one element)
)

var kindNames = map[valueKind]string{
	kString: "a string", kInt: "an integer", kBool: "true or false",
	kDuration: `a duration string such as "1m30s"`, kSize: `a size such as "10MB" or a number of bytes`,
	kStrings: "an array of strings",
}

// setting is one key: the kind of value it takes and where it goes.
type setting[T any] struct {
	kind valueKind
	set  func(dst *T, v decoded)
}

// decoded is a value converted to its key's kind.
type decoded struct {
	s  string
	n  int64
	b  bool
	d  time.Duration
	ss []string
}

func globalSettings() map[string]setting[Config] {
	return map[string]setting[Config]{
		"data":                 {kString, func(c *Config, v decoded) { c.Data = v.s }},
		"user_agent":           {kString, func(c *Config, v decoded) { c.UserAgent = v.s }},
		"concurrency":          {kInt, func(c *Config, v decoded) { c.Concurrency = int(v.n) }},
		"per_host_concurrency": {kInt, func(c *Config, v decoded) { c.PerHostConcurrency = int(v.n) }},
		"delay":                {kDuration, func(c *Config, v decoded) { c.Delay = v.d }},
		"timeout":              {kDuration, func(c *Config, v decoded) { c.Timeout = v.d }},
		"connect_timeout":      {kDuration, func(c *Config, v decoded) { c.ConnectTimeout = v.d }},
		"header_timeout":       {kDuration, func(c *Config, v decoded) { c.HeaderTimeout = v.d }},
		"max_body":             {kSize, func(c *Config, v decoded) { c.MaxBody = v.n }},
		"max_redirects":        {kInt, func(c *Config, v decoded) { c.MaxRedirects = int(v.n) }},
		"max_retries":          {kInt, func(c *Config, v decoded) { c.MaxRetries = int(v.n) }},
		"retry_delay":          {kDuration, func(c *Config, v decoded) { c.RetryDelay = v.d }},
		"allow_private":        {kBool, func(c *Config, v decoded) { c.AllowPrivate = v.b }},
		"rules_dir":            {kString, func(c *Config, v decoded) { c.RulesDir = v.s }},
		"backup":               {kString, func(c *Config, v decoded) { c.Backup = v.s }},
		"backup_keep":          {kInt, func(c *Config, v decoded) { c.BackupKeep = int(v.n) }},
	}
}

func sourceSettings() map[string]setting[Source] {
	return map[string]setting[Source]{
		"name":           {kString, func(s *Source, v decoded) { s.Name = v.s }},
		"url":            {kString, func(s *Source, v decoded) { s.URL = v.s }},
		"kind":           {kString, func(s *Source, v decoded) { s.Kind = strings.ToLower(v.s) }},
		"allow":          {kStrings, func(s *Source, v decoded) { s.Allow = v.ss }},
		"deny":           {kStrings, func(s *Source, v decoded) { s.Deny = v.ss }},
		"max_depth":      {kInt, func(s *Source, v decoded) { s.MaxDepth = int(v.n) }},
		"max_pages":      {kInt, func(s *Source, v decoded) { s.MaxPages = int(v.n) }},
		"delay":          {kDuration, func(s *Source, v decoded) { s.Delay = v.d }},
		"title_selector": {kString, func(s *Source, v decoded) { s.TitleSelector = v.s }},
		"body_selector":  {kString, func(s *Source, v decoded) { s.BodySelector = v.s }},
		"date_selector":  {kString, func(s *Source, v decoded) { s.DateSelector = v.s }},
	}
}

// maxErrors is how many problems Parse reports before giving up.
const maxErrors = 50

// Parse reads a TOML configuration from r, starting from base (normally
// Default()) so that keys the file leaves out keep base's values; the
// file's [[source]] tables are appended to base's sources. name is the file
// name used in messages. Parse checks the syntax and the type of every
// value; call Validate for their meaning. The error, if any, joins one
// *Error per problem (at most 50), each naming the file and line.
func Parse(r io.Reader, name string, base Config) (Config, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return base, &Error{File: name, Msg: err.Error()}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return base, syntaxError(name, data, err)
	}
	lines := keyLines(data)
	cfg := base
	cfg.File = name
	cfg.Sources = cloneSources(base.Sources)
	cfg.lines = map[string]int{}
	p := &reader{file: name, lines: lines}
	globals := globalSettings()
	for _, key := range byLine(doc, lines, "") {
		v := doc[key]
		line := lines[key]
		if key == "source" {
			cfg.Sources = append(cfg.Sources, p.sources(v, line)...)
			continue
		}
		st, ok := globals[key]
		if !ok {
			p.unknown(line, key, "", keysOf(globals), keysOf(sourceSettings()))
			continue
		}
		if dv, ok := p.convert(line, key, st.kind, v); ok {
			st.set(&cfg, dv)
			cfg.lines[key] = line
		}
	}
	return cfg, p.err()
}

// reader collects the problems of one Parse call.
type reader struct {
	file  string
	lines map[string]int // key path → line (see keyLines)
	errs  []error
}

func (p *reader) errorf(line int, format string, args ...any) {
	switch {
	case len(p.errs) < maxErrors:
		p.errs = append(p.errs, &Error{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
	case len(p.errs) == maxErrors:
		p.errs = append(p.errs, &Error{File: p.file, Line: 1 << 30, Msg: "too many errors; stopping"})
	}
}

func (p *reader) err() error {
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].(*Error).Line < p.errs[j].(*Error).Line })
	if n := len(p.errs); n > maxErrors {
		p.errs[n-1].(*Error).Line = 0 // "too many errors" goes last, without a line
	}
	return errors.Join(p.errs...)
}

// unknown reports an unknown key with the closest known one.
func (p *reader) unknown(line int, key, where string, names, elsewhere []string) {
	switch d := suggest(key, names); {
	case d != "":
		p.errorf(line, "%sunknown key %q (did you mean %q?)", where, key, d)
	case where == "" && contains(elsewhere, key):
		p.errorf(line, "%q belongs in a [[source]] table", key)
	case where != "" && contains(elsewhere, key):
		p.errorf(line, "%s%q is a global setting: put it before the first [[source]] table", where, key)
	default:
		p.errorf(line, "%sunknown key %q", where, key)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sources reads the [[source]] tables.
func (p *reader) sources(v any, line int) []Source {
	tables, ok := v.([]any)
	if !ok {
		p.errorf(line, "source: write each source as a [[source]] table (double brackets)")
		return nil
	}
	settings := sourceSettings()
	var out []Source
	for i, t := range tables {
		m, ok := t.(map[string]any)
		if !ok {
			p.errorf(line, "source: write each source as a [[source]] table (double brackets)")
			continue
		}
		prefix := fmt.Sprintf("source.%d", i)
		s := DefaultSource("")
		s.Line = p.lines[prefix]
		s.lines = map[string]int{}
		where := fmt.Sprintf("source #%d: ", i+1)
		if n, ok := m["name"].(string); ok {
			where = fmt.Sprintf("source %q: ", n)
		}
		for _, key := range byLine(m, p.lines, prefix+".") {
			kl := p.lines[prefix+"."+key]
			st, ok := settings[key]
			if !ok {
				p.unknown(kl, key, where, keysOf(settings), keysOf(globalSettings()))
				continue
			}
			if dv, ok := p.convert(kl, strings.TrimSuffix(where, ": ")+": "+key, st.kind, m[key]); ok {
				st.set(&s, dv)
				s.lines[key] = kl
				for j := range dv.ss {
					s.lines[listKey(key, j)] = kl
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// convert checks v against kind; label names the key in messages.
func (p *reader) convert(line int, label string, kind valueKind, v any) (decoded, bool) {
	var d decoded
	bad := func() (decoded, bool) {
		p.errorf(line, "%s: want %s, got %s", label, kindNames[kind], describe(v))
		return d, false
	}
	switch kind {
	case kString:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		d.s = s
	case kInt:
		n, ok := v.(int64)
		if !ok {
			return bad()
		}
		d.n = n
	case kBool:
		b, ok := v.(bool)
		if !ok {
			return bad()
		}
		d.b = b
	case kDuration:
		s, ok := v.(string)
		if !ok {
			return bad()
		}
		if err := parseDuration(s, &d.d); err != nil {
			p.errorf(line, "%s: %v", label, err)
			return d, false
		}
	case kSize:
		switch x := v.(type) {
		case int64:
			d.n = x
		case string:
			if err := parseSize(x, &d.n); err != nil {
				p.errorf(line, "%s: %v", label, err)
				return d, false
			}
		default:
			return bad()
		}
	case kStrings:
		switch x := v.(type) {
		case string:
			d.ss = []string{x}
		case []any:
			for _, e := range x {
				s, ok := e.(string)
				if !ok {
					return bad()
				}
				d.ss = append(d.ss, s)
			}
		default:
			return bad()
		}
	}
	return d, true
}

// describe names a decoded TOML value's type for a message.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", clip(x))
	case int64:
		return fmt.Sprintf("the integer %d", x)
	case float64:
		return fmt.Sprintf("the number %g", x)
	case bool:
		return fmt.Sprintf("%t", x)
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// byLine returns m's keys in the order of their lines in the file.
func byLine(m map[string]any, lines map[string]int, prefix string) []string {
	keys := keysOf(m)
	sort.Slice(keys, func(i, j int) bool {
		li, lj := lines[prefix+keys[i]], lines[prefix+keys[j]]
		if li != lj {
			return li < lj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// keyLines maps every key of a syntactically valid file to its line:
// "delay" for a top-level key, "source.2" for the header of the third
// [[source]] table and "source.2.url" for its keys. Dotted keys and
// other tables are recorded by their joined path.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table string
	arrays := map[string]int{}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = joinKey(e.Key())
			line := keyLine(&p, e)
			if e.Kind == unstable.ArrayTable {
				n := arrays[table]
				arrays[table]++
				if _, ok := lines[table]; !ok {
					lines[table] = line
				}
				table = fmt.Sprintf("%s.%d", table, n)
			}
			lines[table] = line
		case unstable.KeyValue:
			key := joinKey(e.Key())
			if table != "" {
				key = table + "." + key
			}
			lines[key] = keyLine(&p, e)
		}
	}
	return lines
}

// keyLine is the line of an expression's first key part.
func keyLine(p *unstable.Parser, e *unstable.Node) int {
	it := e.Key()
	if it.Next() {
		return p.Shape(it.Node().Raw).Start.Line
	}
	return 0
}

func joinKey(it unstable.Iterator) string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}

// oldFormat matches a section header of the configuration format used
// before TOML.
var oldFormat = regexp.MustCompile(`(?m)^\s*\[source\s+[^\]\s]+\]`)

// syntaxError turns go-toml's error into an *Error with the line.
func syntaxError(name string, data []byte, err error) error {
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return &Error{File: name, Msg: err.Error()}
	}
	line, col := de.Position()
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	msg = fmt.Sprintf("%s (column %d)", msg, col)
	if oldFormat.Match(data) {
		msg += `; this looks like the configuration format used before TOML: sources are now [[source]] tables with name = "…", and strings are quoted (see 'outages config init')`
	}
	return &Error{File: name, Line: line, Msg: msg}
}
