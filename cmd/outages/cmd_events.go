package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"outages/cmd/outages/internal/export"
	"outages/corpus"
	"outages/events"
)

type eventsOptions struct {
	queryOptions
	minArticles int
	countries   stringList
	format      string
	limit       int
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
	fs.IntVar(&o.minArticles, "min-articles", 0, "only events reported by at least `N` articles")
	fs.Var(&o.countries, "country", "only events in `CODE` (ISO 3166-1 alpha-2, repeatable)")
	fs.StringVar(&o.format, "format", "table", "output: table, json, jsonl or csv")
	fs.IntVar(&o.limit, "limit", 0, "show at most `N` events (0: all)")
}

func (o *eventsOptions) run(ctx context.Context, a *app, args []string) error {
	switch o.format {
	case "table", "json", "jsonl", "csv":
	default:
		return usagef("--format: %q is not table, json, jsonl or csv", o.format)
	}
	evs, err := o.selectEvents(ctx, args)
	if err != nil {
		return err
	}
	return writeEvents(a.stdout, o.format, evs)
}

// selectEvents returns the stored events that have an article matching
// the query and filters, and pass the event filters.
func (o *eventsOptions) selectEvents(ctx context.Context, args []string) ([]events.Event, error) {
	if o.minArticles < 0 || o.limit < 0 {
		return nil, usagef("--min-articles and --limit must not be negative")
	}
	for i, c := range o.countries {
		if len(c) != 2 {
			return nil, usagef("--country: %q is not an ISO 3166-1 alpha-2 code (e.g. FR, EG)", c)
		}
		o.countries[i] = strings.ToUpper(c)
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
	f, err := loadEvents(cfg.Data)
	if err != nil {
		return nil, err
	}
	match := map[string]bool{}
	if err := r.Each(ctx, q, func(art *corpus.Article) error { match[art.ID] = true; return nil }); err != nil {
		return nil, queryError(err)
	}
	var out []events.Event
	for _, e := range f.Events {
		if !o.keep(e, match) {
			continue
		}
		out = append(out, e)
		if o.limit > 0 && len(out) == o.limit {
			break
		}
	}
	return out, nil
}

func (o *eventsOptions) keep(e events.Event, match map[string]bool) bool {
	if e.NArticles < o.minArticles {
		return false
	}
	if len(o.countries) > 0 && !anyIn(e.Countries, o.countries) {
		return false
	}
	if len(o.causes) > 0 && !anyIn([]string{e.Cause}, o.causes) {
		return false
	}
	for _, a := range e.Articles {
		if match[a.ID] {
			return true
		}
	}
	return false
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
