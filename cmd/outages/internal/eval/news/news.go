package news

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"outages/corpus"
)

// Record is one line of a news-*.jsonl file: a gold record, or a pipeline's
// prediction of the same shape.
type Record struct {
	ID        string          `json:"id"`
	URL       string          `json:"url"`
	Lang      string          `json:"lang"`
	Published string          `json:"published"` // "" for null
	Text      string          `json:"text"`
	IsOutage  bool            `json:"is_outage"`
	Outages   []corpus.Outage `json:"outages"`
	Title     string          `json:"title,omitempty"`
	Body      string          `json:"body,omitempty"`
	Event     string          `json:"event,omitempty"` // texts reporting the same event share it
}

// maxLine bounds one JSON line (a whole article with its labels).
const maxLine = 16 << 20

// ReadRecords reads JSON Lines records. Blank lines and a leading UTF-8
// byte order mark are skipped. A line that
// is not a JSON object of the record shape, a record without an id and a
// repeated id are errors naming the line number.
func ReadRecords(r io.Reader) ([]Record, error) {
	br := bufio.NewReader(r)
	var out []Record
	seen := make(map[string]int)
	for line := 1; ; line++ {
		b, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return out, fmt.Errorf("read records: line %d: %w", line, err)
		}
		eof := errors.Is(err, io.EOF)
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		b = bytes.TrimSpace(b)
		if len(b) > 0 {
			rec, perr := parseRecord(b)
			if perr != nil {
				return out, fmt.Errorf("read records: line %d: %w", line, perr)
			}
			if first, dup := seen[rec.ID]; dup {
				return out, fmt.Errorf("read records: line %d: id %q already on line %d", line, rec.ID, first)
			}
			seen[rec.ID] = line
			out = append(out, rec)
		}
		if eof {
			return out, nil
		}
	}
}

// readLine returns one line without its newline; io.EOF with the last line.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		buf = append(buf, chunk...)
		if len(buf) > maxLine {
			return nil, fmt.Errorf("line longer than %d bytes", maxLine)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(buf, []byte("\n")), err
	}
}

func parseRecord(b []byte) (Record, error) {
	if b[0] != '{' {
		return Record{}, errors.New("not a JSON object")
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&rec); err != nil {
		return Record{}, fmt.Errorf("decode record: %w", err)
	}
	if dec.More() {
		return Record{}, errors.New("more than one JSON value on the line")
	}
	if strings.TrimSpace(rec.ID) == "" {
		return Record{}, errors.New("record has no id")
	}
	return rec, nil
}

// Index keys records by ID, as Score wants its predictions; a later record
// replaces an earlier one with the same ID.
func Index(recs []Record) map[string]Record {
	m := make(map[string]Record, len(recs))
	for _, r := range recs {
		m[r.ID] = r
	}
	return m
}

// Count is a number of right answers out of a number scored.
type Count struct {
	Correct, N int
}

// Rate is Correct/N, or 0 when nothing was scored.
func (c Count) Rate() float64 {
	if c.N == 0 {
		return 0
	}
	return float64(c.Correct) / float64(c.N)
}

func (c *Count) add(ok bool) {
	c.N++
	if ok {
		c.Correct++
	}
}

// Detection counts outage-detection outcomes.
type Detection struct {
	TP, FP, FN, TN int
}

// Precision is TP/(TP+FP); see the package comment for empty sets.
func (d Detection) Precision() float64 {
	if d.empty() {
		return 1
	}
	return ratio(d.TP, d.TP+d.FP)
}

// Recall is TP/(TP+FN); see the package comment for empty sets.
func (d Detection) Recall() float64 {
	if d.empty() {
		return 1
	}
	return ratio(d.TP, d.TP+d.FN)
}

// F1 is the harmonic mean of precision and recall.
func (d Detection) F1() float64 {
	p, r := d.Precision(), d.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (d Detection) empty() bool { return d.TP+d.FP+d.FN == 0 }

func (d *Detection) add(gold, pred bool) {
	switch {
	case gold && pred:
		d.TP++
	case gold:
		d.FN++
	case pred:
		d.FP++
	default:
		d.TN++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is one wrong answer, with what a rule author needs to fix it.
type Miss struct {
	ID       string
	Field    string // lang, is_outage, service, start, duration, cause, secondary, prediction
	Gold     string
	Pred     string
	Evidence []string // the predicted evidence for the field, if any
}

// Report holds the scores of one run.
type Report struct {
	Records     int // gold records
	Missing     int // gold records without a prediction
	Extra       int // predictions without a gold record
	Lang        Count
	Detect      Detection
	DetectLang  map[string]*Detection // by gold language
	Service     Count
	Start       Count
	Duration    Count
	Cause       Count
	Secondary   Count
	Confusion   map[string]map[string]int // gold cause → predicted cause → count (main outages)
	Misses      []Miss
	goldCauses  map[string]bool
	predCauses  map[string]bool
	langsSorted []string
}

// Score compares predictions, keyed by record ID, with the gold records.
func Score(gold []Record, pred map[string]Record) *Report {
	r := &Report{
		DetectLang: make(map[string]*Detection),
		Confusion:  make(map[string]map[string]int),
		goldCauses: make(map[string]bool),
		predCauses: make(map[string]bool),
	}
	ids := make(map[string]bool, len(gold))
	for _, g := range gold {
		ids[g.ID] = true
		r.Records++
		d := r.DetectLang[g.Lang]
		if d == nil {
			d = new(Detection)
			r.DetectLang[g.Lang] = d
			r.langsSorted = append(r.langsSorted, g.Lang)
		}
		p, ok := pred[g.ID]
		if !ok {
			r.scoreMissing(g, d)
			continue
		}
		langOK := normLang(p.Lang) == normLang(g.Lang)
		r.Lang.add(langOK)
		if !langOK {
			r.miss(g.ID, "lang", g.Lang, p.Lang, nil)
		}
		r.Detect.add(g.IsOutage, p.IsOutage)
		d.add(g.IsOutage, p.IsOutage)
		if g.IsOutage != p.IsOutage {
			r.miss(g.ID, "is_outage", strconv.FormatBool(g.IsOutage), strconv.FormatBool(p.IsOutage), nil)
		}
		if g.IsOutage && p.IsOutage && len(g.Outages) > 0 {
			var pm corpus.Outage
			if len(p.Outages) > 0 {
				pm = p.Outages[0]
			}
			r.scoreMain(g.ID, g.Outages[0], pm, len(p.Outages) > 0)
			r.scoreSecondary(g.ID, g.Outages[1:], p.Outages)
		}
	}
	for id := range pred {
		if !ids[id] {
			r.Extra++
		}
	}
	sort.Strings(r.langsSorted)
	return r
}

func (r *Report) scoreMissing(g Record, d *Detection) {
	r.Missing++
	r.miss(g.ID, "prediction", "record", "missing", nil)
	r.Lang.add(false)
	r.Detect.add(g.IsOutage, !g.IsOutage)
	d.add(g.IsOutage, !g.IsOutage)
	if !g.IsOutage || len(g.Outages) == 0 {
		return
	}
	m := g.Outages[0]
	r.Service.add(false)
	if m.Start != "" {
		r.Start.add(false)
	}
	if m.DurationMin != nil || m.DurationKind == corpus.DurationVague {
		r.Duration.add(false)
	}
	r.Cause.add(false)
	for range g.Outages[1:] {
		r.Secondary.add(false)
	}
}

func (r *Report) scoreMain(id string, g, p corpus.Outage, present bool) {
	ok := present && serviceMatch(g, p)
	r.Service.add(ok)
	if !ok {
		r.miss(id, "service", names(g), names(p), nil)
	}
	if g.Start != "" {
		ok := startMatch(g.Start, p.Start)
		r.Start.add(ok)
		if !ok {
			r.miss(id, "start", g.Start, nullStr(p.Start), p.Evidence.Start)
		}
	}
	if g.DurationMin != nil || g.DurationKind == corpus.DurationVague {
		ok := present && durationMatch(g, p)
		r.Duration.add(ok)
		if !ok {
			r.miss(id, "duration", duration(g), duration(p), p.Evidence.Duration)
		}
	}
	gc, pc := causeOf(g), causeOf(p)
	ok = pc == gc || contains(g.CauseAlt, pc)
	r.Cause.add(ok)
	if !ok {
		gold := gc
		if len(g.CauseAlt) > 0 {
			gold += " (alt " + strings.Join(g.CauseAlt, ", ") + ")"
		}
		r.miss(id, "cause", gold, pc, p.Evidence.Cause)
	}
	r.goldCauses[gc] = true
	r.predCauses[pc] = true
	row := r.Confusion[gc]
	if row == nil {
		row = make(map[string]int)
		r.Confusion[gc] = row
	}
	row[pc]++
}

func (r *Report) scoreSecondary(id string, gold, pred []corpus.Outage) {
	for _, g := range gold {
		found := false
		for _, p := range pred {
			if serviceMatch(g, p) {
				found = true
				break
			}
		}
		r.Secondary.add(found)
		if !found {
			var all []string
			for _, p := range pred {
				all = append(all, strings.TrimSpace(p.Service))
			}
			r.miss(id, "secondary", names(g), strings.Join(all, "; "), nil)
		}
	}
}

func (r *Report) miss(id, field, gold, pred string, ev []string) {
	r.Misses = append(r.Misses, Miss{ID: id, Field: field, Gold: gold, Pred: pred, Evidence: ev})
}

func normLang(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// normName folds case and collapses white space.
func normName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// serviceMatch reports whether p names the service of g: p's service equals
// g's service or an alias of g, or an alias of p equals g's service.
func serviceMatch(g, p corpus.Outage) bool {
	gs := normName(g.Service)
	ps := normName(p.Service)
	if ps != "" {
		if ps == gs {
			return true
		}
		for _, a := range g.Aliases {
			if normName(a) == ps {
				return true
			}
		}
	}
	if gs == "" {
		return false
	}
	for _, a := range p.Aliases {
		if normName(a) == gs {
			return true
		}
	}
	return false
}

// startMatch compares start days; a gold "XXXX-MM-DD" matches that month
// and day in any year, and a prediction that is itself yearless.
func startMatch(gold, pred string) bool {
	if yearless, ok := strings.CutPrefix(gold, "XXXX"); ok {
		return len(pred) == len(gold) && (isDigits(pred[:4]) || pred[:4] == "XXXX") && pred[4:] == yearless
	}
	return gold == pred
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// durationMatch applies the README's tolerance: within 25% of the gold or 10
// minutes, whichever is larger; for a vague gold, null or vague is right.
func durationMatch(g, p corpus.Outage) bool {
	if g.DurationKind == corpus.DurationVague && g.DurationMin == nil {
		return p.DurationMin == nil || p.DurationKind == corpus.DurationVague
	}
	if g.DurationMin == nil || p.DurationMin == nil {
		return false
	}
	gm, pm := float64(*g.DurationMin), float64(*p.DurationMin)
	tol := math.Max(0.25*gm, 10)
	return math.Abs(pm-gm) <= tol
}

func causeOf(o corpus.Outage) string {
	if c := strings.TrimSpace(o.Cause); c != "" {
		return c
	}
	return corpus.CauseUnknown
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func names(o corpus.Outage) string {
	if o.Service == "" && len(o.Aliases) == 0 {
		return "null"
	}
	if len(o.Aliases) == 0 {
		return o.Service
	}
	return o.Service + " (aka " + strings.Join(o.Aliases, ", ") + ")"
}

func nullStr(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func duration(o corpus.Outage) string {
	kind := nullStr(o.DurationKind)
	if o.DurationMin == nil {
		return "null/" + kind
	}
	return strconv.Itoa(*o.DurationMin) + "min/" + kind
}

// Figures returns the run's figures for the quality gate. Accuracy figures
// with nothing scored are left out, and a run over no gold record has no
// figures at all.
func (r *Report) Figures() map[string]float64 {
	if r.Records == 0 {
		return map[string]float64{}
	}
	f := map[string]float64{
		"news.detect_f1":        r.Detect.F1(),
		"news.detect_precision": r.Detect.Precision(),
		"news.detect_recall":    r.Detect.Recall(),
	}
	for lang, d := range r.DetectLang {
		f["news.detect_f1."+lang] = d.F1()
	}
	acc := []struct {
		key string
		c   Count
	}{
		{"news.lang_accuracy", r.Lang},
		{"news.service", r.Service},
		{"news.start", r.Start},
		{"news.duration", r.Duration},
		{"news.cause", r.Cause},
		{"news.secondary_recall", r.Secondary},
	}
	for _, a := range acc {
		if a.c.N > 0 {
			f[a.key] = a.c.Rate()
		}
	}
	return f
}

// WriteTable writes the scores as a plain-text report.
func (r *Report) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("news: %d gold records, %d without prediction, %d predictions without gold\n\n", r.Records, r.Missing, r.Extra)
	ew.printf("%-22s %8s %8s\n", "measure", "value", "n")
	ew.printf("%-22s %8.3f %8d\n", "language accuracy", r.Lang.Rate(), r.Lang.N)
	ew.printf("\n%-10s %5s %5s %5s %5s %9s %9s %9s\n", "detection", "tp", "fp", "fn", "tn", "precision", "recall", "f1")
	ew.detect("all", r.Detect)
	for _, l := range r.langsSorted {
		ew.detect(l, *r.DetectLang[l])
	}
	ew.printf("\n%-22s %8s %8s\n", "main outage", "accuracy", "n")
	for _, row := range []struct {
		name string
		c    Count
	}{{"service", r.Service}, {"start", r.Start}, {"duration", r.Duration}, {"cause", r.Cause}} {
		ew.printf("%-22s %8.3f %8d\n", row.name, row.c.Rate(), row.c.N)
	}
	ew.printf("%-22s %8.3f %8d\n", "secondary recall", r.Secondary.Rate(), r.Secondary.N)
	r.writeConfusion(ew)
	return ew.err
}

func (r *Report) writeConfusion(ew *errWriter) {
	if len(r.Confusion) == 0 {
		return
	}
	rows := orderCauses(r.goldCauses)
	cols := orderCauses(r.predCauses)
	ew.printf("\ncause confusion (rows: gold, columns: predicted)\n")
	ew.printf("%-17s", "")
	for _, c := range cols {
		ew.printf(" %5s", abbrev(c))
	}
	ew.printf("\n")
	for _, g := range rows {
		ew.printf("%-17s", g)
		for _, c := range cols {
			if n := r.Confusion[g][c]; n > 0 {
				ew.printf(" %5d", n)
			} else {
				ew.printf(" %5s", ".")
			}
		}
		ew.printf("\n")
	}
	ew.printf("columns:")
	for _, c := range cols {
		ew.printf(" %s=%s", abbrev(c), c)
	}
	ew.printf("\n")
}

// orderCauses lists the causes present, in taxonomy order, unknown keys last.
func orderCauses(set map[string]bool) []string {
	var out []string
	for _, c := range corpus.Causes() {
		if set[c] {
			out = append(out, c)
		}
	}
	var other []string
	for c := range set {
		if !corpus.ValidCause(c) {
			other = append(other, c)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

// abbrev shortens a cause key to a column header of at most 5 bytes.
func abbrev(c string) string {
	parts := strings.Split(c, "_")
	if len(parts) == 1 {
		if len(c) > 5 {
			return c[:5]
		}
		return c
	}
	s := ""
	for _, p := range parts {
		if len(p) > 2 {
			p = p[:2]
		}
		s += p
	}
	if len(s) > 5 {
		s = s[:5]
	}
	return s
}

// WriteErrors writes every miss, one a line: id, field, gold value,
// predicted value and predicted evidence, tab-separated.
func (r *Report) WriteErrors(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("id\tfield\tgold\tpredicted\tevidence\n")
	for _, m := range r.Misses {
		ev := "-"
		if len(m.Evidence) > 0 {
			q := make([]string, len(m.Evidence))
			for i, e := range m.Evidence {
				q[i] = strconv.Quote(e)
			}
			ev = strings.Join(q, " | ")
		}
		ew.printf("%s\t%s\t%s\t%s\t%s\n", oneLine(m.ID), m.Field, oneLine(m.Gold), oneLine(m.Pred), ev)
	}
	return ew.err
}

func oneLine(s string) string {
	if s == "" {
		return `""`
	}
	return strings.Join(strings.Fields(s), " ")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err != nil {
		return
	}
	_, e.err = fmt.Fprintf(e.w, format, args...)
}

func (e *errWriter) detect(name string, d Detection) {
	e.printf("%-10s %5d %5d %5d %5d %9.3f %9.3f %9.3f\n", name, d.TP, d.FP, d.FN, d.TN, d.Precision(), d.Recall(), d.F1())
}
