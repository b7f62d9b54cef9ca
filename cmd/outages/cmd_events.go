package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"outages/cmd/outages/internal/export"
	"outages/corpus"
	"outages/events"
	"outages/index"
)

type eventsOptions struct {
	queryOptions
	eventFilter
	format string
	limit  int
}

func eventsCommand() command {
	return command{
		name:    "events",
		summary: "list outage events (one per real-world incident, across articles and languages), newest first",
		usage:   "[flags] [QUERY]",
		examples: `  outages events
  outages events --min-articles 3 --since 2024-01-01
  outages events panne --country FR --format json
  outages events --cause cyberattack --format csv > events.csv`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o eventsOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *eventsOptions) bind(fs *flag.FlagSet) {
	o.queryOptions.bind(fs)
	o.eventFilter.bind(fs)
	fs.StringVar(&o.format, "format", "table", "output: table, json, jsonl or csv")
	fs.IntVar(&o.limit, "limit", 0, "show at most `N` events (0: all)")
}

func (o *eventsOptions) run(ctx context.Context, a *app, args []string) error {
	switch o.format {
	case "table", "json", "jsonl", "csv":
	default:
		return usagef("--format: %q is not table, json, jsonl or csv", o.format)
	}
	if o.limit < 0 {
		return usagef("--limit must not be negative")
	}
	evs, err := o.openEvents(ctx, args, o.eventFilter)
	if err != nil {
		return err
	}
	if o.limit > 0 && len(evs) > o.limit {
		evs = evs[:o.limit]
	}
	return writeEvents(a.stdout, o.format, evs)
}

// eventFilter holds the flags that select events beyond the query.
type eventFilter struct {
	minArticles int
}

func (f *eventFilter) bind(fs *flag.FlagSet) {
	fs.IntVar(&f.minArticles, "min-articles", 0, "events: only those reported by at least `N` articles")
}

func (f *eventFilter) validate() error {
	if f.minArticles < 0 {
		return usagef("--min-articles must not be negative")
	}
	return nil
}

// openEvents validates the filters, opens the index and returns the stored
// events that have an article matching the query and pass the filters.
func (o *queryOptions) openEvents(ctx context.Context, args []string, f eventFilter) ([]events.Event, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	q, r, err := o.open(args)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cfg, err := o.load()
	if err != nil {
		return nil, err
	}
	file, err := loadEvents(cfg.Data)
	if err != nil {
		return nil, err
	}
	var match map[string]bool // nil: every article matches
	if !unfiltered(q) {
		match = map[string]bool{}
		if err := r.Each(ctx, q, func(art *corpus.Article) error { match[art.ID] = true; return nil }); err != nil {
			return nil, queryError(err)
		}
	}
	var out []events.Event
	for _, e := range file.Events {
		if f.keep(e, match, q) {
			out = append(out, e)
		}
	}
	return out, nil
}

// keep: the event has enough articles, its own cause and countries pass
// the filters, and one of its articles matches the query.
func (f *eventFilter) keep(e events.Event, match map[string]bool, q index.Query) bool {
	if e.NArticles < f.minArticles {
		return false
	}
	if len(q.Countries) > 0 && !anyIn(e.Countries, q.Countries) {
		return false
	}
	if len(q.Causes) > 0 && !anyIn([]string{e.Cause}, q.Causes) {
		return false
	}
	if match == nil {
		return true
	}
	for _, a := range e.Articles {
		if match[a.ID] {
			return true
		}
	}
	return false
}

// unfiltered reports whether q matches every article (no words, no
// filter): then the index need not be read.
func unfiltered(q index.Query) bool {
	return strings.TrimSpace(q.Text) == "" && len(q.Langs)+len(q.Causes)+len(q.Services)+len(q.Kinds)+len(q.Countries) == 0 &&
		q.Since == "" && q.Until == "" && q.MinDuration == 0 && !q.OutagesOnly
}

func anyIn(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if h == w {
				return true
			}
		}
	}
	return false
}

func writeEvents(w io.Writer, format string, evs []events.Event) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if evs == nil {
			evs = []events.Event{}
		}
		return enc.Encode(struct {
			Total  int            `json:"total"`
			Events []events.Event `json:"events"`
		}{len(evs), evs})
	case "jsonl":
		enc := json.NewEncoder(w)
		for _, e := range evs {
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		return writeEventsCSV(w, evs)
	}
	return writeEventsTable(w, evs)
}

// eventColumns is the CSV header of events; new columns go at the end.
var eventColumns = []string{"event_id", "service", "kind", "countries", "start", "end", "duration_min", "duration_kind",
	"cause", "cause_alt", "first_report", "last_report", "n_articles", "languages", "sources", "article_ids", "urls", "services"}

func writeEventsCSV(w io.Writer, evs []events.Event) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	cw.Write(eventColumns)
	l := func(v []string) string { return export.Cell(strings.Join(v, export.ListSep)) }
	for _, e := range evs {
		dur := ""
		if e.DurationMin != nil {
			dur = strconv.Itoa(*e.DurationMin)
		}
		var ids, urls []string
		for _, a := range e.Articles {
			ids, urls = append(ids, a.ID), append(urls, a.URL)
		}
		cw.Write([]string{export.Cell(e.ID), export.Cell(e.Service), export.Cell(e.Kind), l(e.Countries),
			export.Cell(e.Start), export.Cell(e.End), dur, export.Cell(e.DurationKind), export.Cell(e.Cause), l(e.CauseAlt),
			export.Cell(e.FirstReport), export.Cell(e.LastReport), strconv.Itoa(e.NArticles), l(e.Languages), l(e.Sources),
			l(ids), l(urls), l(e.Services)})
	}
	cw.Flush()
	return cw.Error()
}

func writeEventsTable(w io.Writer, evs []events.Event) error {
	if len(evs) == 0 {
		_, err := fmt.Fprintln(w, "No events.")
		return err
	}
	fmt.Fprintf(w, "%d event(s)\n\n", len(evs))
	for _, e := range evs {
		day := e.Day()
		if day == "" {
			day = "no date"
		}
		fmt.Fprintf(w, "%s  %s  %s", e.ID, day, e.Service)
		if len(e.Countries) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(e.Countries, ", "))
		}
		fmt.Fprintf(w, " · %s · cause %s", e.Kind, e.Cause)
		if e.DurationMin != nil {
			fmt.Fprintf(w, " · %s", formatMinutes(*e.DurationMin))
		}
		fmt.Fprintf(w, "\n    %d article(s) · %s · reported %s – %s\n", e.NArticles, strings.Join(e.Languages, ", "), orDash(e.FirstReport), orDash(e.LastReport))
		for _, a := range e.Articles {
			fmt.Fprintf(w, "    [%s] %s  %s\n", a.Lang, oneLine(a.Title, 90), a.URL)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

// exportEvents writes one row (CSV) or line (JSONL) per selected event.
func (o *exportOptions) exportEvents(ctx context.Context, a *app, args []string) error {
	evs, err := o.openEvents(ctx, args, o.eventFilter)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if o.excel && o.format == "csv" {
		buf.WriteString("\uFEFF")
	}
	if err := writeEvents(&buf, o.format, evs); err != nil {
		return fmt.Errorf("export events: %w", err)
	}
	if o.output == "" || o.output == "-" {
		_, err := a.stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(o.output, buf.Bytes()); err != nil {
		return fmt.Errorf("export %s: %w", o.output, err)
	}
	return nil
}

// statCounts counts outage mentions (from the index) or, with --events,
// events.
func (o *statsOptions) statCounts(ctx context.Context, args []string) ([]index.Count, error) {
	if o.events {
		evs, err := o.openEvents(ctx, args, eventFilter{})
		if err != nil {
			return nil, err
		}
		t := map[string]int{}
		for _, e := range evs {
			for _, k := range eventKeys(e, o.by) {
				t[k]++
			}
		}
		return sortCounts(t), nil
	}
	q, r, err := o.open(args)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	counts, err := r.Stats(ctx, q, o.by)
	return counts, queryError(err)
}

// eventKeys are the values an event is counted under for --by.
func eventKeys(e events.Event, by string) []string {
	switch by {
	case "month":
		if d := e.Day(); len(d) >= 7 {
			return []string{d[:7]}
		}
		return []string{"unknown"}
	case "cause":
		return []string{e.Cause}
	case "service":
		return []string{e.Service}
	case "kind":
		return []string{e.Kind}
	case "lang":
		return e.Languages
	case "country":
		if len(e.Countries) == 0 {
			return []string{"unknown"}
		}
		return e.Countries
	}
	return nil
}

// sortCounts orders counts largest first, then by key.
func sortCounts(t map[string]int) []index.Count {
	out := make([]index.Count, 0, len(t))
	for k, n := range t {
		out = append(out, index.Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}
