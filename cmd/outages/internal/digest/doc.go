// Package digest renders the morning digest: one self-contained HTML file
// (no network access, no external script, style or font) of the outage
// events, with the events new or updated since a moment, a timeline of
// events by day (or month) coloured by cause as inline SVG, counts by
// cause, country and kind, the top services, and each event's articles
// (links) by language; Arabic titles render right to left.
//
// The page's small embedded script only adds interaction (filtering the
// event list by cause); it writes data-ready="ok" on <body> when it ran
// and data-error on any script error, which the browser test checks.
package digest
