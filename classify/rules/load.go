package rules

import (
	"bufio"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zones named by rule files must load on any machine
)

//go:embed data/*.rules
var embedded embed.FS

// Options configures Load.
type Options struct {
	// Dir is an optional directory whose files override the embedded rule
	// files of the same name (fr.rules, ar.rules, en.rules, common.rules).
	Dir string
}

// Languages the tagger knows; common.rules is added to each.
var langFiles = [...]string{"fr", "ar", "en"}

// Tagger finds expressions in text. It is safe for concurrent use.
type Tagger struct {
	langs   map[string]*lexicon
	version string
	bufs    *sync.Pool // of *scanBufs: the slices of a scan, reused
}

// entry is one phrase of one rule line.
type entry struct {
	kind string
	args []string
	toks []string
	loc  string  // file:line
	num  float64 // numeric first argument, when it has one (fixedday: the month)
	day  int     // fixedday: the day of the month; daypart, window: the last hour
	zone *time.Location
}

// lexicon holds one language's phrases, keyed by their first token.
type lexicon struct {
	lang  string
	first map[string][]*entry
	// verbs are the Arabic words of the verb rules: a phrase starting
	// with one matches after the conjunctions و ف only, never after the
	// proclitics of nouns ب ل ك ("بنفت", the Benefit network, is no
	// "نفت", denied).
	verbs map[string]bool
}

// kindSpec says how many arguments a rule kind takes and checks them.
type kindSpec struct {
	min, max int
	check    func(args []string) error
}

func oneOf(vals ...string) func([]string) error {
	return func(args []string) error {
		for _, v := range vals {
			if args[0] == v {
				return nil
			}
		}
		return fmt.Errorf("argument %q must be one of %s", args[0], strings.Join(vals, ", "))
	}
}

// optional checks an optional argument with check, when it is given.
func optional(check func([]string) error) func([]string) error {
	return func(args []string) error {
		if len(args) == 0 {
			return nil
		}
		return check(args)
	}
}

func intIn(lo, hi int) func([]string) error {
	return func(args []string) error {
		n, err := strconv.Atoi(args[0])
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("argument %q must be an integer in %d..%d", args[0], lo, hi)
		}
		return nil
	}
}

func number(args []string) error {
	if _, err := strconv.ParseFloat(args[0], 64); err != nil {
		return fmt.Errorf("argument %q is not a number", args[0])
	}
	return nil
}

// hourSpan checks the hours a part of the day spans: none, or a first
// and a last hour (inclusive) with 0 <= from <= to <= 23.
func hourSpan(args []string) error {
	if len(args) == 0 {
		return nil
	}
	if len(args) != 2 {
		return fmt.Errorf("takes no hours or a first and a last hour, got %d arguments", len(args))
	}
	a, err1 := strconv.Atoi(args[0])
	b, err2 := strconv.Atoi(args[1])
	if err1 != nil || err2 != nil || a < 0 || b > 23 || a > b {
		return fmt.Errorf("hours %q %q must be integers with 0 <= first <= last <= 23", args[0], args[1])
	}
	return nil
}

// daySpan checks the days of a month a part of it spans: none, or a
// first and a last day with 1 <= first <= last <= 31.
func daySpan(args []string) error {
	if len(args) == 0 {
		return nil
	}
	if len(args) != 2 {
		return fmt.Errorf("takes no days or a first and a last day, got %d arguments", len(args))
	}
	a, err1 := strconv.Atoi(args[0])
	b, err2 := strconv.Atoi(args[1])
	if err1 != nil || err2 != nil || a < 1 || b > 31 || a > b {
		return fmt.Errorf("days %q %q must be integers with 1 <= first <= last <= 31", args[0], args[1])
	}
	return nil
}

// partSpan checks a part of a period: its unit (week, month or year) and
// the first and last day of the week (1-7), day of the month (1-31) or
// month of the year (1-12) it spans.
func partSpan(args []string) error {
	top := map[string]int{"week": 7, "month": 31, "year": 12}[args[0]]
	if top == 0 {
		return fmt.Errorf("unit %q must be week, month or year", args[0])
	}
	a, err1 := strconv.Atoi(args[1])
	b, err2 := strconv.Atoi(args[2])
	if err1 != nil || err2 != nil || a < 1 || b > top || a > b {
		return fmt.Errorf("%q %q must be integers with 1 <= first <= last <= %d", args[1], args[2], top)
	}
	return nil
}

var unitNames = []string{"second", "minute", "hour", "day", "week", "month", "quarter", "year"}

// unitSeconds is the length of each unit as the eval README counts it.
var unitSeconds = map[string]int{
	"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800,
	"month": 2592000, "quarter": 7776000, "year": 31536000,
}

var durKinds = []string{"exact", "approx", "at_least", "at_most"}

// kindName is the name of a rule kind as the kinds table (and the code)
// spells it: the same string, so that comparing it with the code's names
// finds equal pointers and compares no bytes.
func kindName(k string) string {
	for name := range kinds {
		if name == k {
			return name
		}
	}
	return k
}

var kinds = map[string]kindSpec{
	"month":     {1, 1, intIn(1, 12)},
	"weekday":   {1, 1, intIn(1, 7)},
	"number":    {1, 1, number},
	"ordinal":   {1, 1, intIn(1, 31)},
	"unit":      {1, 1, oneOf(unitNames...)},
	"dual":      {1, 1, oneOf(unitNames...)},
	"frac":      {1, 1, number},
	"approxnum": {1, 1, number},
	"duration": {1, 2, func(a []string) error {
		if err := number(a); err != nil {
			return err
		}
		if len(a) == 2 {
			return oneOf(durKinds...)(a[1:])
		}
		return nil
	}},
	"hedge": {1, 2, func(a []string) error {
		if err := oneOf(durKinds...)(a); err != nil {
			return err
		}
		if len(a) == 2 {
			return oneOf("before", "after")(a[1:])
		}
		return nil
	}},
	"vague":     {0, 0, nil},
	"nodur":     {0, 0, nil},
	"relday":    {1, 1, intIn(-7, 7)},
	"relanchor": {1, 1, intIn(-7, 7)},
	"relperiod": {2, 2, func(a []string) error { return oneOf("week", "month", "quarter", "year")(a) }},
	"wdmod": {1, 2, func(a []string) error {
		if err := oneOf("bare", "past", "future", "nextweek", "thisweek", "lastweek", "ahead1", "ahead2")(a); err != nil {
			return err
		}
		if len(a) == 2 {
			return oneOf("before", "after")(a[1:])
		}
		return nil
	}},
	"clock": {1, 1, func(a []string) error {
		if _, err := time.Parse("15:04", a[0]); err != nil {
			return fmt.Errorf("argument %q is not HH:MM", a[0])
		}
		return nil
	}},
	"ampm":      {1, 1, oneOf("am", "pm", "night", "noon")},
	"daypart":   {0, 2, hourSpan},
	"window":    {2, 2, hourSpan},
	"minrel":    {1, 1, oneOf("past", "to")},
	"minafter":  {1, 1, oneOf("past", "to")},
	"zone":      {1, 1, nil}, // checked by loading the location
	"role":      {1, 1, oneOf("start", "end")},
	"prole":     {1, 1, oneOf("start", "end")},
	"timeprep":  {0, 0, nil},
	"hourword":  {0, 0, nil},
	"minword":   {0, 0, nil},
	"durcue":    {0, 0, nil},
	"elapsed":   {1, 1, oneOf("before", "after")},
	"timehedge": {0, 0, nil},
	"contrast":  {0, 0, nil},
	"nodeny":    {0, 0, nil},
	"verb":      {0, 0, nil},
	"listsep":   {0, 1, optional(oneOf("article"))},
	"spanfrom":  {0, 0, nil},
	"spanto":    {0, 0, nil},
	"shift": {2, 2, func(a []string) error {
		if err := oneOf("-1", "+1")(a); err != nil {
			return err
		}
		return oneOf("before", "after")(a[1:])
	}},
	"upcoming":   {0, 0, nil},
	"sameday":    {0, 0, nil},
	"dial":       {0, 0, nil},
	"det":        {0, 0, nil},
	"of":         {0, 0, nil},
	"ordsuffix":  {0, 0, nil},
	"yearprep":   {0, 0, nil},
	"monthprep":  {0, 2, daySpan},
	"periodpart": {3, 3, partSpan},
	"lastn": {2, 2, func(a []string) error {
		if err := oneOf("past", "next")(a); err != nil {
			return err
		}
		return oneOf("before", "mid", "after")(a[1:])
	}},
	"night":     {0, 0, nil},
	"pub":       {0, 0, nil},
	"cause":     {1, 1, func(a []string) error { return oneOf(causeKeys...)(a) }},
	"deny":      {1, 1, oneOf("before", "after", "next")},
	"unknown":   {0, 0, nil},
	"nocause":   {0, 0, nil},
	"and":       {0, 0, nil},
	"filler":    {0, 0, nil},
	"lastord":   {0, 0, nil},
	"zoneprep":  {0, 0, nil},
	"qletter":   {0, 0, nil},
	"era":       {0, 0, nil},
	"wordlike":  {0, 0, nil},
	"bareday":   {0, 1, optional(oneOf("suffix"))},
	"dayrun":    {1, 1, oneOf("before", "after")},
	"postrole":  {1, 1, oneOf("start", "end")},
	"stillnot":  {0, 0, nil},
	"vagueunit": {0, 0, nil},
	"readtime":  {1, 1, oneOf("before", "after")},
	"schedule":  {0, 0, nil},
	"fixedday": {1, 1, func(a []string) error {
		if _, _, ok := monthDay(a[0]); !ok {
			return fmt.Errorf("argument %q is not a day MM-DD", a[0])
		}
		return nil
	}},
}

// monthDay reads a fixedday argument MM-DD.
func monthDay(s string) (int, int, bool) {
	t, err := time.Parse("01-02", s)
	if err != nil || len(s) != 5 {
		return 0, 0, false
	}
	return int(t.Month()), t.Day(), true
}

// Load reads the embedded rule files, replacing any of them by the file of
// the same name in opts.Dir, and validates them. Errors name file:line.
func Load(opts Options) (*Tagger, error) {
	t := &Tagger{langs: make(map[string]*lexicon), bufs: &sync.Pool{New: func() any { return new(scanBufs) }}}
	h := sha256.New()
	read := func(name string) ([]byte, error) {
		if opts.Dir != "" {
			b, err := os.ReadFile(filepath.Join(opts.Dir, name))
			if err == nil {
				return b, nil
			}
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("rules: read %s: %w", name, err)
			}
		}
		b, err := embedded.ReadFile("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("rules: read embedded %s: %w", name, err)
		}
		return b, nil
	}
	common, err := read("common.rules")
	if err != nil {
		return nil, err
	}
	commonEntries, err := parseRules("common.rules", string(common))
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(h, "common.rules\x00%d\x00", len(common))
	h.Write(common)
	for _, lang := range langFiles {
		name := lang + ".rules"
		b, err := read(name)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
		es, err := parseRules(name, string(b))
		if err != nil {
			return nil, err
		}
		lx := &lexicon{lang: lang, first: make(map[string][]*entry), verbs: map[string]bool{}}
		for _, e := range append(es, commonEntries...) {
			if e.kind == "verb" {
				lx.verbs[strings.Join(e.toks, " ")] = true
				continue
			}
			lx.first[e.toks[0]] = append(lx.first[e.toks[0]], e)
		}
		for _, l := range lx.first {
			sort.SliceStable(l, func(i, j int) bool { return len(l[i].toks) > len(l[j].toks) })
		}
		t.langs[lang] = lx
	}
	fmt.Fprintf(h, "engine\x00%d", engineVersion)
	t.version = hex.EncodeToString(h.Sum(nil)[:8])
	return t, nil
}

// engineVersion changes when the Go matcher changes what it finds.
const engineVersion = 5

// Version is a hash of the rule files and the matcher's version: it
// changes whenever classification may change.
func (t *Tagger) Version() string { return t.version }

// parseRules parses one rule file. A line is
//
//	kind [arg ...] = phrase | phrase | ...
//
// Blank lines and lines starting with # are ignored.
func parseRules(name, src string) ([]*entry, error) {
	var out []*entry
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		var err error
		if out, err = appendRuleLine(out, fmt.Sprintf("%s:%d", name, line), s); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// appendRuleLine parses the rule line s, at loc (file:line), and appends
// to out one entry per phrase, its choices expanded.
func appendRuleLine(out []*entry, loc, s string) ([]*entry, error) {
	head, body, ok := strings.Cut(s, "=")
	if !ok {
		return nil, fmt.Errorf("%s: missing \"=\" between rule kind and phrases", loc)
	}
	rule, err := parseRuleHead(loc, head)
	if err != nil {
		return nil, err
	}
	phrases, err := rulePhrases(loc, body)
	if err != nil {
		return nil, err
	}
	n := 0
	for _, p := range phrases {
		toks := foldPhrase(p)
		if len(toks) == 0 {
			return nil, fmt.Errorf("%s: phrase %q has no words", loc, p)
		}
		if toks[0] == gapWord || toks[len(toks)-1] == gapWord {
			return nil, fmt.Errorf("%s: phrase %q starts or ends with a gap %q", loc, p, gapWord)
		}
		e := rule
		e.toks = toks
		out = append(out, &e)
		n++
	}
	if n == 0 {
		return nil, fmt.Errorf("%s: no phrases", loc)
	}
	return out, nil
}

// parseRuleHead parses the head of a rule line at loc, "kind [arg ...]",
// into an entry without phrase words: its kind and arguments checked
// against the kinds table, and the values read from them.
func parseRuleHead(loc, head string) (entry, error) {
	f := strings.Fields(head)
	if len(f) == 0 {
		return entry{}, fmt.Errorf("%s: missing rule kind before \"=\"", loc)
	}
	spec, ok := kinds[f[0]]
	if !ok {
		return entry{}, fmt.Errorf("%s: unknown rule kind %q", loc, f[0])
	}
	args := f[1:]
	if len(args) < spec.min || len(args) > spec.max {
		return entry{}, fmt.Errorf("%s: %s takes %d to %d arguments, got %d", loc, f[0], spec.min, spec.max, len(args))
	}
	if spec.check != nil {
		if err := spec.check(args); err != nil {
			return entry{}, fmt.Errorf("%s: %s: %v", loc, f[0], err)
		}
	}
	e := entry{kind: kindName(f[0]), args: args, loc: loc}
	if f[0] == "zone" {
		z, err := parseZone(args[0])
		if err != nil {
			return entry{}, fmt.Errorf("%s: zone: %v", loc, err)
		}
		e.zone = z
	}
	if len(args) > 0 {
		e.num, _ = strconv.ParseFloat(args[0], 64)
	}
	if f[0] == "fixedday" {
		m, d, _ := monthDay(args[0])
		e.num, e.day = float64(m), d
	}
	if (f[0] == "daypart" || f[0] == "window") && len(args) == 2 {
		e.day, _ = strconv.Atoi(args[1])
	}
	return e, nil
}

// rulePhrases splits the phrases of a rule line at loc, separated by "|",
// and expands their choices ("(a/ont) coupé").
func rulePhrases(loc, body string) ([]string, error) {
	var phrases []string
	for _, p := range strings.Split(body, "|") {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, fmt.Errorf("%s: empty phrase", loc)
		}
		forms, err := ExpandChoices(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", loc, err)
		}
		phrases = append(phrases, forms...)
	}
	return phrases, nil
}

// parseZone reads a zone argument: an IANA name or a fixed offset ±HH:MM.
func parseZone(s string) (*time.Location, error) {
	if len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' {
		h, err1 := strconv.Atoi(s[1:3])
		m, err2 := strconv.Atoi(s[4:])
		if err1 != nil || err2 != nil || h > 14 || m > 59 {
			return nil, fmt.Errorf("bad offset %q", s)
		}
		off := h*3600 + m*60
		if s[0] == '-' {
			off = -off
		}
		return time.FixedZone(s, off), nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, fmt.Errorf("unknown zone %q", s)
	}
	return loc, nil
}
