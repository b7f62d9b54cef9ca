package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"outages/cmd/outages/internal/export"
	"outages/corpus"
	"outages/index"
)

// filterOptions are the filters search, export and stats share.
type filterOptions struct {
	langs, causes, services, kinds stringList
	countries                      stringList
	since, until                   string
	minDuration                    int
	outagesOnly                    bool
	exactLang                      bool
	allWords                       bool
}

func (o *filterOptions) bind(fs *flag.FlagSet) {
	fs.Var(&o.langs, "lang", "only articles in `LANG`: fr, ar, en or other (repeatable)")
	fs.Var(&o.causes, "cause", "only outages with `CAUSE` (repeatable): "+strings.Join(corpus.Causes(), ", "))
	fs.Var(&o.services, "service", "only outages of `SERVICE` (name or alias, repeatable)")
	fs.Var(&o.kinds, "kind", "only outages of `KIND`: online_service, cloud, telecom, internet, power, other")
	fs.Var(&o.countries, "country", "only outages in `CODE`: ISO 3166-1 alpha-2, e.g. FR, EG (repeatable)")
	fs.StringVar(&o.since, "since", "", "only outages that started on or after `DATE` (YYYY-MM-DD)")
	fs.StringVar(&o.until, "until", "", "only outages that started on or before `DATE` (YYYY-MM-DD)")
	fs.IntVar(&o.minDuration, "min-duration", 0, "only outages that lasted at least `MINUTES`")
	fs.BoolVar(&o.outagesOnly, "outages-only", false, "only articles that report an outage")
	fs.BoolVar(&o.exactLang, "exact-lang", false, "search the query's own words only, without cross-language synonyms")
	fs.BoolVar(&o.allWords, "and", false, "words side by side must all match (default: any of them, best matches first)")
}

// query validates the filters and builds the index query.
func (o *filterOptions) query(text string) (index.Query, error) {
	q := index.Query{Text: text, Langs: o.langs, Causes: o.causes, Services: o.services, Kinds: o.kinds,
		Since: o.since, Until: o.until, MinDuration: o.minDuration, OutagesOnly: o.outagesOnly, ExactLang: o.exactLang,
		AllWords: o.allWords}
	for _, l := range o.langs {
		switch l {
		case corpus.LangFrench, corpus.LangArabic, corpus.LangEnglish, corpus.LangOther:
		default:
			return q, usagef("--lang: %q is not fr, ar, en or other", l)
		}
	}
	for i, c := range o.countries {
		if len(c) != 2 || strings.ToUpper(c) == strings.ToLower(c) {
			return q, usagef("--country: %q is not an ISO 3166-1 alpha-2 code (e.g. FR, EG)", c)
		}
		o.countries[i] = strings.ToUpper(c)
	}
	q.Countries = o.countries
	for _, c := range o.causes {
		if !corpus.ValidCause(c) {
			return q, usagef("--cause: %q is not a cause; causes are %s", c, strings.Join(corpus.Causes(), ", "))
		}
	}
	for _, k := range o.kinds {
		switch k {
		case corpus.KindOnlineService, corpus.KindCloud, corpus.KindTelecom, corpus.KindInternet, corpus.KindPower, corpus.KindOther:
		default:
			return q, usagef("--kind: %q is not online_service, cloud, telecom, internet, power or other", k)
		}
	}
	for flagName, d := range map[string]string{"--since": o.since, "--until": o.until} {
		if d == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return q, usagef("%s: %q is not a date YYYY-MM-DD", flagName, d)
		}
	}
	if o.since != "" && o.until != "" && o.since > o.until {
		return q, usagef("--since %s is after --until %s", o.since, o.until)
	}
	if o.minDuration < 0 {
		return q, usagef("--min-duration: %d is negative", o.minDuration)
	}
	return q, nil
}

// openIndex opens the data directory's index read-only.
func openIndex(data string) (*index.Reader, error) {
	dir := filepath.Join(data, indexDir)
	r, err := index.Open(dir)
	if errors.Is(err, index.ErrNoIndex) {
		return nil, fmt.Errorf("no index in %s yet: run 'outages run --data %s' first", data, data)
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return r, nil
}

// queryError turns a malformed query into a usage error (exit 2).
func queryError(err error) error {
	var qe *index.QueryError
	if errors.As(err, &qe) {
		return &usageError{msg: qe.Error()}
	}
	return err
}

// queryOptions are the data and filter flags of the commands that query
// the index: search, export and stats.
type queryOptions struct {
	dataOptions
	filterOptions
}

func (o *queryOptions) bind(fs *flag.FlagSet) {
	o.dataOptions.bind(fs)
	o.filterOptions.bind(fs)
}

// open validates the filters, builds the query for the words of args ("*"
// or nothing: everything) and opens the index read-only.
func (o *queryOptions) open(args []string) (index.Query, *index.Reader, error) {
	text := strings.Join(args, " ")
	if strings.TrimSpace(text) == "*" {
		text = ""
	}
	q, err := o.filterOptions.query(text)
	if err != nil {
		return q, nil, err
	}
	cfg, err := o.load()
	if err != nil {
		return q, nil, err
	}
	if err := scanStore(cfg.Data); err != nil {
		return q, nil, err
	}
	r, err := openIndex(cfg.Data)
	return q, r, err
}

type searchOptions struct {
	queryOptions
	limit, offset int
	format        string
	color         string
}

func searchCommand() command {
	return command{
		name:    "search",
		summary: "full-text search of the index, with filters and facets",
		usage:   "[flags] QUERY",
		examples: `  outages search panne
  outages search 'انقطاع' --lang ar
  outages search outage --cause cyberattack --since 2024-01-01 --format json
  outages search 'panne AND NOT orange'          # same as '+panne -orange'
  outages search '(panne OR outage) AND cause:cyberattack'
  outages search 'panne*'                        # prefix, on the words as written
  outages search 'service:orange AND duration:>=60 AND start:[2024-01-01 TO 2024-06-30]'
  outages search '*' --outages-only --min-duration 120 --limit 50

Query syntax (Lucene, as in Elasticsearch and Kibana): words and "phrases";
AND, OR, NOT (upper case) or &&, ||, !; +word (required), -word (excluded);
parentheses; field:value and field:(a OR b); prefix* and wild?card; ranges
duration:>=120, start:>="2024-01-01", published:[2024-01-01 TO 2024-06-30]
({ } exclude the bounds, * leaves one open). NOT binds tighter than AND, AND
than OR. Words side by side match any of them (OR), articles with all of them
and with them as a phrase first; --and makes them all required. Quote the
query when it has - or ( ) so that the shell and the flags leave it alone.
Fields: title body text service lang host kind cause cause_alt denied month
duration published start is_outage. Outage reports rank above other
articles with the same words unless the query names is_outage.`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o searchOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *searchOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 {
		return usagef("missing QUERY (use '*' to match everything)")
	}
	switch o.format {
	case "table", "json", "jsonl":
	default:
		return usagef("--format: %q is not table, json or jsonl", o.format)
	}
	if o.limit < 0 || o.offset < 0 {
		return usagef("--limit and --offset must not be negative")
	}
	q, r, err := o.open(args)
	if err != nil {
		return err
	}
	defer r.Close()
	q.Limit, q.Offset, q.Facets, q.Highlight = o.limit, o.offset, o.format != "jsonl", true
	res, err := r.Search(ctx, q)
	if err != nil {
		return queryError(err)
	}
	evOf := map[string][]string{}
	if cfg, err := o.load(); err == nil {
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.Article.ID
		}
		evOf = eventsOfArticles(cfg.Data, ids)
	}
	switch o.format {
	case "json":
		return writeSearchJSON(a.stdout, res, evOf)
	case "jsonl":
		enc := json.NewEncoder(a.stdout)
		for _, h := range res.Hits {
			if err := enc.Encode(jsonHit(h, evOf)); err != nil {
				return err
			}
		}
		return nil
	}
	return writeSearchTable(a.stdout, res, q, useColor(o.color, a.stdout), evOf)
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	return isTerminal(w)
}

// searchHit is a hit in JSON output: the article with its outages, its score and snippet.
type searchHit struct {
	*corpus.Article
	Score   float64  `json:"score"`
	Snippet string   `json:"snippet,omitempty"`
	Events  []string `json:"events,omitempty"` // ids of the events the article belongs to
}

func jsonHit(h index.Hit, evOf map[string][]string) searchHit {
	return searchHit{Article: h.Article, Score: h.Score, Snippet: plainSnippet(h.Snippet, "«", "»"), Events: evOf[h.Article.ID]}
}

func writeSearchJSON(w io.Writer, res *index.Result, evOf map[string][]string) error {
	hits := make([]searchHit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = jsonHit(h, evOf)
	}
	out := struct {
		Total  uint64       `json:"total"`
		TookMS float64      `json:"took_ms"`
		Hits   []searchHit  `json:"hits"`
		Facets index.Facets `json:"facets"`
	}{res.Total, float64(res.Took.Microseconds()) / 1000, hits, res.Facets}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeSearchTable(w io.Writer, res *index.Result, q index.Query, color bool, evOf map[string][]string) error {
	if res.Total == 0 {
		_, err := fmt.Fprintln(w, "No matches.")
		return err
	}
	fmt.Fprintf(w, "%d match(es), showing %d–%d (%.1f ms)\n\n", res.Total, q.Offset+1, q.Offset+len(res.Hits), float64(res.Took.Microseconds())/1000)
	open, closeMark := "«", "»"
	if color {
		open, closeMark = "\x1b[1;33m", "\x1b[0m"
	}
	for i, h := range res.Hits {
		art := h.Article
		date := art.Published
		if date == "" {
			date = "no date"
		}
		fmt.Fprintf(w, "%2d. %s\n", q.Offset+i+1, oneLine(art.Title, 100))
		fmt.Fprintf(w, "    %s · %s · %s\n", sourceName(art), date, art.Lang)
		if len(art.Outages) > 0 {
			fmt.Fprintf(w, "    outage: %s\n", describeOutage(art.Outages[0]))
			if len(art.Outages) > 1 {
				names := make([]string, 0, len(art.Outages)-1)
				for _, out := range art.Outages[1:] {
					names = append(names, out.Service)
				}
				fmt.Fprintf(w, "    also:   %s\n", strings.Join(names, ", "))
			}
		}
		if ids := evOf[art.ID]; len(ids) > 0 {
			fmt.Fprintf(w, "    event:  %s\n", strings.Join(ids, ", "))
		}
		if s := plainSnippet(h.Snippet, open, closeMark); s != "" {
			fmt.Fprintf(w, "    %s\n", oneLine(s, 400))
		}
		fmt.Fprintf(w, "    %s\n\n", art.URL)
	}
	f := res.Facets
	for _, row := range []struct {
		name   string
		counts []index.Count
	}{{"language", f.Lang}, {"cause", f.Cause}, {"service", f.Service}, {"kind", f.Kind}, {"month", f.Month}, {"duration", f.Duration}, {"country", f.Country}} {
		if len(row.counts) == 0 {
			continue
		}
		parts := make([]string, len(row.counts))
		for i, c := range row.counts {
			parts[i] = fmt.Sprintf("%s %d", c.Key, c.Count)
		}
		fmt.Fprintf(w, "%-9s %s\n", row.name+":", strings.Join(parts, " · "))
	}
	return nil
}

func describeOutage(o corpus.Outage) string {
	parts := []string{o.Service}
	if o.Kind != "" {
		parts[0] += " (" + o.Kind + ")"
	}
	if o.Start != "" {
		parts = append(parts, "start "+o.Start)
	}
	switch {
	case o.DurationMin != nil:
		d := formatMinutes(*o.DurationMin)
		if o.DurationKind != "" && o.DurationKind != corpus.DurationExact {
			d += " (" + o.DurationKind + ")"
		}
		parts = append(parts, d)
	case o.DurationKind == corpus.DurationVague:
		parts = append(parts, "for hours (vague)")
	}
	cause := o.Cause
	if cause == "" {
		cause = corpus.CauseUnknown
	}
	parts = append(parts, "cause "+cause)
	return strings.Join(parts, " · ")
}

func formatMinutes(m int) string {
	switch {
	case m < 60:
		return fmt.Sprintf("%d min", m)
	case m%60 == 0:
		return fmt.Sprintf("%d h", m/60)
	default:
		return fmt.Sprintf("%d h %02d", m/60, m%60)
	}
}

func sourceName(a *corpus.Article) string {
	for _, s := range []string{a.SiteName, a.Host, a.Source} {
		if s != "" {
			return s
		}
	}
	return "unknown source"
}

// oneLine folds whitespace and cuts s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

type exportOptions struct {
	queryOptions
	format    string
	output    string
	excel     bool
	all       bool
	indexName string
	events    bool // one row per event
	eventFilter
}

func exportCommand() command {
	return command{
		name:    "export",
		summary: "export outages as CSV (one row per outage) or JSON Lines",
		usage:   "[flags] [QUERY]",
		examples: `  outages export --all --format csv --excel -o outages.csv
  outages export panne --lang fr --since 2024-01-01 -o fr.csv
  outages export --outages-only --format jsonl > outages.jsonl
  outages export --events --format csv -o events.csv
  outages export --all --format opensearch -o os/   # template.json + bulk-NNNN.ndjson for a cluster`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o exportOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *exportOptions) run(ctx context.Context, a *app, args []string) (err error) {
	if o.all && len(args) > 0 {
		return usagef("--all takes no query (got %q)", strings.Join(args, " "))
	}
	switch o.format {
	case "csv", "jsonl":
	case "opensearch":
		if o.output == "" || o.output == "-" {
			return usagef("--format opensearch writes a folder: give it with -o DIR")
		}
		if o.excel {
			return usagef("--excel applies to csv only")
		}
	default:
		return usagef("--format: %q is not csv, jsonl or opensearch", o.format)
	}
	if o.events {
		if o.format == "opensearch" {
			return usagef("--events writes csv or jsonl, not opensearch")
		}
		return o.exportEvents(ctx, a, args)
	}
	q, r, err := o.open(args)
	if err != nil {
		return err
	}
	defer r.Close()
	if o.format == "opensearch" {
		return o.openSearch(ctx, a, q, r)
	}
	out := a.stdout
	var tmp *os.File
	if o.output != "" && o.output != "-" {
		// Write beside the target and rename at the end: a failed export
		// never leaves a truncated file in place of a good one.
		tmp, err = os.CreateTemp(filepath.Dir(o.output), "."+filepath.Base(o.output)+".tmp*")
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer func() {
			if tmp != nil {
				tmp.Close()
				os.Remove(tmp.Name())
			}
		}()
		out = tmp
	}
	w, err := export.NewWriter(out, export.Options{Format: export.Format(o.format), Excel: o.excel})
	if err != nil {
		return err
	}
	if err := r.Each(ctx, q, w.Write); err != nil {
		return onTarget(o.output, queryError(err))
	}
	if err := w.Close(); err != nil {
		return onTarget(o.output, fmt.Errorf("export: %w", err))
	}
	if tmp != nil {
		if err := tmp.Close(); err != nil {
			return onTarget(o.output, fmt.Errorf("export %s: %w", o.output, err))
		}
		if err := os.Rename(tmp.Name(), o.output); err != nil {
			return fmt.Errorf("export %s: %w", o.output, err)
		}
		tmp = nil
	}
	return nil
}

type statsOptions struct {
	queryOptions
	by     string
	format string
	events bool // count events, not outage mentions
}

func statsCommand() command {
	return command{
		name:    "stats",
		summary: "count outages (or, with --events, incidents) by month, cause, service, kind, language or country",
		usage:   "[flags] [QUERY]",
		examples: `  outages stats --by month
  outages stats --by cause --lang fr --since 2024-01-01
  outages stats --by service --format csv > services.csv
  outages stats --events --by country`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o statsOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *statsOptions) run(ctx context.Context, a *app, args []string) error {
	switch o.by {
	case "month", "cause", "service", "kind", "lang", "country":
	default:
		return usagef("--by: %q is not month, cause, service, kind, lang or country", o.by)
	}
	if o.format != "table" && o.format != "csv" {
		return usagef("--format: %q is not table or csv", o.format)
	}
	counts, err := o.statCounts(ctx, args)
	if err != nil {
		return err
	}
	unit := "outages"
	if o.events {
		unit = "events"
	}
	if o.format == "csv" {
		cw := csv.NewWriter(a.stdout)
		cw.UseCRLF = true
		cw.Write([]string{o.by, unit})
		for _, c := range counts {
			cw.Write([]string{export.Cell(c.Key), strconv.Itoa(c.Count)})
		}
		cw.Flush()
		return cw.Error()
	}
	total, width := 0, len(o.by)
	for _, c := range counts {
		total += c.Count
		width = max(width, len([]rune(c.Key)))
	}
	fmt.Fprintf(a.stdout, "%-*s  %7s\n", width, o.by, unit)
	for _, c := range counts {
		bar := strings.Repeat("█", barLen(c.Count, counts))
		fmt.Fprintf(a.stdout, "%-*s  %7d  %s\n", width, c.Key, c.Count, bar)
	}
	fmt.Fprintf(a.stdout, "%-*s  %7d\n", width, "total", total)
	return nil
}

func barLen(n int, counts []index.Count) int {
	top := 0
	for _, c := range counts {
		top = max(top, c.Count)
	}
	if top == 0 {
		return 0
	}
	return (n*40 + top - 1) / top
}

// plainSnippet renders the index's match markers with open and close.
func plainSnippet(s, open, closeMark string) string {
	return strings.NewReplacer(index.SnippetStart, open, index.SnippetEnd, closeMark).Replace(s)
}

// bind binds the flags of searchOptions to fs.
func (o *searchOptions) bind(fs *flag.FlagSet) {
	o.queryOptions.bind(fs)
	fs.IntVar(&o.limit, "limit", 10, "show at most `N` hits")
	fs.IntVar(&o.offset, "offset", 0, "skip the first `N` hits")
	fs.StringVar(&o.format, "format", "table", "output: table, json or jsonl")
	fs.StringVar(&o.color, "color", "auto", "highlight matches with terminal colours: auto, always, never")
}

// bind binds the flags of exportOptions to fs.
func (o *exportOptions) bind(fs *flag.FlagSet) {
	o.queryOptions.bind(fs)
	fs.StringVar(&o.format, "format", "csv", "csv, jsonl or opensearch (a folder: index template and _bulk files)")
	fs.StringVar(&o.output, "o", "", "write to `FILE` instead of standard output")
	fs.BoolVar(&o.excel, "excel", false, "CSV: start with a UTF-8 byte-order mark so Excel shows Arabic and accents correctly")
	fs.BoolVar(&o.all, "all", false, "export every article (no query)")
	fs.BoolVar(&o.events, "events", false, "one row per event (incident) instead of one per outage")
	o.eventFilter.bind(fs)
	fs.StringVar(&o.indexName, "index-name", index.OpenSearchIndex, "opensearch: the `NAME` of the index the bulk files load into")
}

// bind binds the flags of statsOptions to fs.
func (o *statsOptions) bind(fs *flag.FlagSet) {
	o.queryOptions.bind(fs)
	fs.StringVar(&o.by, "by", "month", "count by month, cause, service, kind, lang or country")
	fs.BoolVar(&o.events, "events", false, "count events (incidents), not outage mentions")
	fs.StringVar(&o.format, "format", "table", "table or csv")
}
