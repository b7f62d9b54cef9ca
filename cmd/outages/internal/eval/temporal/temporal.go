package temporal

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"outages/classify/rules"
)

// Categories of records.
const (
	CatAbsolute = "absolute" // a day, month or year named outright
	CatWeekday  = "weekday"  // a day named by its weekday
	CatRelative = "relative" // a day or period relative to the reference
	CatTime     = "time"     // an instant of hour grain or finer
	CatInterval = "interval" // a closed or open span
	CatDuration = "duration" // a length
	CatNegative = "negative" // text with nothing to find
	CatHoliday  = "holiday"  // a named holiday (not a goal of the tagger)
	CatLatent   = "latent"   // Duckling's latent forms ("7", "May")
)

// Categories lists the categories in report order.
var categories = []string{CatAbsolute, CatWeekday, CatRelative, CatTime, CatInterval, CatDuration, CatNegative, CatHoliday, CatLatent}

// dateCats are the categories counted in the "date" figure.
var dateCats = []string{CatAbsolute, CatWeekday, CatRelative}

// coverage is the share of a record's text one expression must cover.
const coverage = 0.8

// Cell counts the records of one language and category.
type Cell struct {
	Pass, Total int
}

// Rate is Pass/Total, or 0 for an empty cell.
func (c Cell) Rate() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Pass) / float64(c.Total)
}

// Miss is one record the tagger got wrong.
type Miss struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Lang     string `json:"lang"`
	Category string `json:"category"`
	Text     string `json:"text"`
	Want     string `json:"want"`
	Got      string `json:"got"`
}

// Report is the result of Score.
type Report struct {
	Cells  map[string]map[string]*Cell // lang → category → counts
	Misses []Miss
}

func (r *Report) cell(lang, cat string) *Cell {
	if r.Cells[lang] == nil {
		r.Cells[lang] = make(map[string]*Cell)
	}
	c := r.Cells[lang][cat]
	if c == nil {
		c = &Cell{}
		r.Cells[lang][cat] = c
	}
	return c
}

// record is one line of a vector file.
type record struct {
	Text     string          `json:"text"`
	Ref      string          `json:"ref"`
	RawValue json.RawMessage `json:"value"` // a string for times, a number for durations
	Value    string          `json:"-"`
	Grain    string          `json:"grain"`
	Seconds  *int64          `json:"seconds"`
	Negative bool            `json:"negative"`
	Latent   bool            `json:"latent"`
	Holiday  string          `json:"holiday"`
	Open     string          `json:"open"`
	Interval *struct {
		From string `json:"from"`
		To   string `json:"to"`
	} `json:"interval"`
}

// Tagger is the function scored.
type Tagger func(text, lang string, ref rules.Ref) []rules.Expr

// Score reads the vector files duration-LANG.jsonl and time-LANG.jsonl of
// dir (LANG fr, ar, en) and scores tag on each record.
func Score(dir string, tag func(text, lang string, ref rules.Ref) []rules.Expr) (*Report, error) {
	if tag == nil {
		return nil, fmt.Errorf("temporal: nil tagger")
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("temporal: list %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("temporal: no .jsonl files in %s", dir)
	}
	sort.Strings(files)
	r := &Report{Cells: make(map[string]map[string]*Cell)}
	for _, f := range files {
		if err := r.scoreFile(f, tag); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (r *Report) scoreFile(path string, tag Tagger) error {
	base := filepath.Base(path)
	name := strings.TrimSuffix(base, ".jsonl")
	dim, lang, ok := strings.Cut(name, "-")
	if !ok || (dim != "duration" && dim != "time") {
		return fmt.Errorf("temporal: %s: file name must be duration-LANG.jsonl or time-LANG.jsonl", base)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("temporal: open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("temporal: %s:%d: %w", base, line, err)
		}
		if dim == "time" && len(rec.RawValue) > 0 {
			if err := json.Unmarshal(rec.RawValue, &rec.Value); err != nil {
				return fmt.Errorf("temporal: %s:%d: value: %w", base, line, err)
			}
		}
		cat, pass, want, got, err := judge(dim, lang, rec, tag)
		if err != nil {
			return fmt.Errorf("temporal: %s:%d: %w", base, line, err)
		}
		c := r.cell(lang, cat)
		c.Total++
		if pass {
			c.Pass++
		} else {
			r.Misses = append(r.Misses, Miss{File: base, Line: line, Lang: lang, Category: cat, Text: rec.Text, Want: want, Got: got})
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("temporal: read %s: %w", path, err)
	}
	return nil
}

// judge scores one record.
func judge(dim, lang string, rec record, tag Tagger) (cat string, pass bool, want, got string, err error) {
	ref := rules.Ref{}
	var refTime time.Time
	if rec.Ref != "" {
		refTime, err = time.Parse(time.RFC3339, rec.Ref)
		if err != nil {
			return "", false, "", "", fmt.Errorf("bad ref %q: %w", rec.Ref, err)
		}
		ref = rules.Ref{Time: refTime, Precision: "day"}
	}
	exprs := tag(rec.Text, lang, ref)
	got = describe(exprs)
	if dim == "duration" {
		cat, pass, want, err = judgeDuration(rec, exprs)
	} else {
		cat, pass, want, err = judgeTime(lang, rec, exprs, refTime)
	}
	if err != nil {
		return "", false, "", "", err
	}
	return cat, pass, want, got, nil
}

// judgeDuration scores a record of a duration file: a length the longest
// covering expression must give, or, for a negative record, no length.
func judgeDuration(rec record, exprs []rules.Expr) (cat string, pass bool, want string, err error) {
	if rec.Negative {
		for _, e := range exprs {
			if e.Seconds != nil || e.Minutes != nil {
				return CatNegative, false, "no duration", nil
			}
		}
		return CatNegative, true, "no duration", nil
	}
	if rec.Seconds == nil {
		return "", false, "", fmt.Errorf("duration record without seconds")
	}
	want = fmt.Sprintf("%ds", *rec.Seconds)
	e, ok := covering(rec.Text, exprs, rules.KindDuration, rules.KindInterval)
	return CatDuration, ok && e.Seconds != nil && int64(*e.Seconds) == *rec.Seconds, want, nil
}

// judgeTime scores a record of a time file, ref its reference: an
// interval, a time of day or a date the longest covering expression must
// give, or, for a negative record, no date or time at all.
func judgeTime(lang string, rec record, exprs []rules.Expr, ref time.Time) (cat string, pass bool, want string, err error) {
	if rec.Negative {
		for _, e := range exprs {
			if e.Kind != rules.KindCause && e.Kind != rules.KindDuration && (e.Value != "" || e.Time != "" || e.From != "") {
				return CatNegative, false, "nothing", nil
			}
		}
		return CatNegative, true, "nothing", nil
	}
	cat = timeCategory(lang, rec)
	if rec.Interval != nil {
		pass, want = judgeInterval(rec, exprs, ref)
		return cat, pass, want, nil
	}
	if len(rec.Value) < 10 {
		return "", false, "", fmt.Errorf("record without value")
	}
	if cat == CatTime {
		want = rec.Value[:16]
		e, ok := covering(rec.Text, exprs, rules.KindTime)
		if !ok {
			return cat, false, want, nil
		}
		return cat, timeMatches(e, rec.Value, ref), want, nil
	}
	want = truncate(rec.Value, rec.Grain)
	if cat == CatWeekday && bareWeekday(lang, rec.Text) {
		want = newsWeekday(rec.Value, ref)
	}
	e, ok := covering(rec.Text, exprs, rules.KindDate, rules.KindTime)
	if !ok {
		return cat, false, want, nil
	}
	return cat, len(e.Value) >= len(want) && e.Value[:len(want)] == want, want, nil
}

// timeCategory is the category of a record of a time file that is not
// negative: latent, holiday, interval, a time of hour grain or finer, or
// else a date's category.
func timeCategory(lang string, rec record) string {
	switch {
	case rec.Latent:
		return CatLatent
	case rec.Holiday != "":
		return CatHoliday
	case rec.Interval != nil:
		return CatInterval
	case rec.Grain == "second" || rec.Grain == "minute" || rec.Grain == "hour":
		return CatTime
	}
	return dateCategory(lang, rec.Text)
}

// truncate cuts an expected YYYY-MM-DDTHH:MM:SS value to its grain.
func truncate(v, grain string) string {
	switch grain {
	case "year":
		return v[:4]
	case "month", "quarter":
		return v[:7]
	}
	return v[:10]
}

// newsWeekday converts Duckling's resolution of a bare weekday (the next
// such day after the reference) to the news convention the tagger follows
// (the most recent such day on or before the reference).
func newsWeekday(v string, ref time.Time) string {
	d, err := time.Parse("2006-01-02", v[:10])
	if err != nil {
		return v[:10]
	}
	y, m, dd := ref.Date()
	rd := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	for d.After(rd) {
		d = d.AddDate(0, 0, -7)
	}
	return d.Format("2006-01-02")
}

// covering returns the longest expression of one of the kinds, if it
// covers at least coverage of the text's non-space length.
func covering(text string, exprs []rules.Expr, kinds ...string) (rules.Expr, bool) {
	var best rules.Expr
	found := false
	for _, e := range exprs {
		ok := false
		for _, k := range kinds {
			ok = ok || e.Kind == k
		}
		if ok && (!found || e.End-e.Start > best.End-best.Start) {
			best, found = e, true
		}
	}
	if !found {
		return best, false
	}
	return best, float64(meaningful(best.Text)) >= coverage*float64(meaningful(text))
}

// meaningful counts letters and digits.
func meaningful(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// timeMatches compares a time expression with an expected local value in
// the reference's offset. With a zone the UTC instant is compared; a time
// with no day is compared on its time of day alone.
func timeMatches(e rules.Expr, want string, ref time.Time) bool {
	if e.UTC != "" {
		u, err := time.Parse(time.RFC3339, e.UTC)
		if err != nil {
			return false
		}
		return u.In(ref.Location()).Format("2006-01-02T15:04") == want[:16]
	}
	if e.Time != want[11:16] {
		return false
	}
	return e.Value == "" || e.Value == want[:10]
}

// judgeInterval compares an interval. Duckling's end is exclusive at the
// record's grain; the tagger's To is the last unit named, so one grain
// is taken off the expected end. Open intervals need a time or date with
// the right role ("after" = start, "before" = end) and value.
func judgeInterval(rec record, exprs []rules.Expr, ref time.Time) (bool, string) {
	from, to := "", ""
	if rec.Interval.From != "" {
		from = rec.Interval.From
	}
	if rec.Interval.To != "" {
		to = rec.Interval.To
		if rec.Open == "" {
			// a closed interval's end is exclusive; an open "before"
			// interval's bound is the instant named ("before 11 am")
			to = inclusiveEnd(rec.Interval.To, rec.Grain)
		}
	}
	want := from + ".." + to
	if rec.Open != "" {
		e, ok := covering(rec.Text, exprs, rules.KindTime, rules.KindDate)
		if !ok {
			return false, want
		}
		v := from
		role := "start"
		if rec.Open == "before" {
			v, role = to, "end"
		}
		if e.Role != role {
			return false, want
		}
		if e.Kind == rules.KindTime {
			return timeMatches(e, v, ref), want
		}
		w := truncate(v, rec.Grain)
		return len(e.Value) >= len(w) && e.Value[:len(w)] == w, want
	}
	e, ok := covering(rec.Text, exprs, rules.KindInterval)
	if !ok {
		return false, want
	}
	switch rec.Grain {
	case "day", "week", "month", "quarter", "year":
		return e.From == from[:10] && e.To == to[:10], want
	}
	return endMatches(e.From, from) && endMatches(e.To, to), want
}

// endMatches compares one interval end: HH:MM alone or a full local time.
func endMatches(got, want string) bool {
	if len(got) == 5 {
		return got == want[11:16]
	}
	return len(got) >= 16 && got[:16] == want[:16]
}

// inclusiveEnd takes one grain off an exclusive end.
func inclusiveEnd(v, grain string) string {
	t, err := time.Parse("2006-01-02T15:04:05", v)
	if err != nil {
		return v
	}
	switch grain {
	case "second":
		t = t.Add(-time.Second)
	case "minute":
		t = t.Add(-time.Minute)
	case "hour":
		t = t.Add(-time.Hour)
	case "day":
		t = t.AddDate(0, 0, -1)
	case "week":
		t = t.AddDate(0, 0, -7)
	case "month":
		t = t.AddDate(0, -1, 0)
	case "year":
		t = t.AddDate(-1, 0, 0)
	}
	return t.Format("2006-01-02T15:04:05")
}

func describe(exprs []rules.Expr) string {
	var b strings.Builder
	for _, e := range exprs {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %q", e.Kind, e.Text)
		for _, kv := range [][2]string{{"value", e.Value}, {"grain", e.Grain}, {"time", e.Time}, {"utc", e.UTC}, {"from", e.From}, {"to", e.To}, {"role", e.Role}, {"cause", e.Cause}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, " %s=%s", kv[0], kv[1])
			}
		}
		if e.Seconds != nil {
			fmt.Fprintf(&b, " seconds=%d", *e.Seconds)
		}
	}
	return b.String()
}

// WriteTable writes the pass rates by language and category.
func (r *Report) WriteTable(w io.Writer) error {
	langs := r.langs()
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s", "category")
	for _, l := range langs {
		fmt.Fprintf(&b, " %16s", l)
	}
	b.WriteString("\n")
	rows := append(append([]string{}, categories...), "date")
	for _, cat := range rows {
		fmt.Fprintf(&b, "%-10s", cat)
		for _, l := range langs {
			c := r.get(l, cat)
			if c.Total == 0 {
				fmt.Fprintf(&b, " %16s", "-")
				continue
			}
			fmt.Fprintf(&b, " %5.1f%% %4d/%-4d", 100*c.Rate(), c.Pass, c.Total)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// get returns the counts of a category; "date" sums absolute, weekday and
// relative.
func (r *Report) get(lang, cat string) Cell {
	if cat == "date" {
		var sum Cell
		for _, c := range dateCats {
			x := r.get(lang, c)
			sum.Pass += x.Pass
			sum.Total += x.Total
		}
		return sum
	}
	if c := r.Cells[lang][cat]; c != nil {
		return *c
	}
	return Cell{}
}

func (r *Report) langs() []string {
	var out []string
	for l := range r.Cells {
		out = append(out, l)
	}
	sort.Strings(out)
	return out
}

// Figures returns pass rates keyed "temporal.CATEGORY.LANG", plus
// "temporal.date.LANG" for absolute, weekday and relative dates together.
func (r *Report) Figures() map[string]float64 {
	out := make(map[string]float64)
	for _, l := range r.langs() {
		for _, cat := range append(append([]string{}, categories...), "date") {
			if c := r.get(l, cat); c.Total > 0 {
				out["temporal."+cat+"."+l] = c.Rate()
			}
		}
	}
	return out
}

// WriteErrors writes one line per missed record.
func (r *Report) WriteErrors(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "%s:%d [%s/%s] %q want %s got %s\n", m.File, m.Line, m.Lang, m.Category, m.Text, m.Want, m.Got)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
