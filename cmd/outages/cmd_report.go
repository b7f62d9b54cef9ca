package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"time"

	"outages/cmd/outages/internal/digest"
)

type reportOptions struct {
	dataOptions
	output    string
	since     string
	maxEvents int
}

func reportCommand() command {
	return command{
		name:    "report",
		summary: "write the morning digest: one self-contained HTML page of the outage events",
		usage:   "[flags]",
		examples: `  outages report -o digest.html
  outages report -o digest.html --since 2024-03-01`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o reportOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *reportOptions) bind(fs *flag.FlagSet) {
	o.dataOptions.bind(fs)
	fs.StringVar(&o.output, "o", "digest.html", "write the digest to `FILE` (- for standard output)")
	fs.StringVar(&o.since, "since", "", "events first seen or updated on or after `DATE` (YYYY-MM-DD) are new or updated (default: since the last run)")
	fs.IntVar(&o.maxEvents, "max-events", 300, "list at most `N` events in full, newest first")
}

func (o *reportOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if o.maxEvents < 1 {
		return usagef("--max-events: %d is not a positive number", o.maxEvents)
	}
	var since time.Time
	if o.since != "" {
		t, err := time.Parse("2006-01-02", o.since)
		if err != nil {
			return usagef("--since: %q is not a date YYYY-MM-DD", o.since)
		}
		since = t
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	f, err := loadEvents(cfg.Data)
	if err != nil {
		return err
	}
	if since.IsZero() && f.Previous != "" {
		since, _ = time.Parse(time.RFC3339, f.Previous)
	}
	now := time.Now()
	if t, err := time.Parse(time.RFC3339, f.Generated); err == nil {
		now = t
	}
	var buf bytes.Buffer
	if err := digest.Write(&buf, f.Events, digest.Options{Since: since, Now: now, MaxEvents: o.maxEvents}); err != nil {
		return err
	}
	if o.output == "-" {
		_, err := a.stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(o.output, buf.Bytes()); err != nil {
		return fmt.Errorf("report %s: %w", o.output, err)
	}
	fmt.Fprintf(a.stdout, "wrote %s: %d events\n", o.output, len(f.Events))
	return nil
}
