// Package gate is the CI quality gate: it compares the figures of an
// evaluation run (from the news, temporal, extraction, pubdate and snippets
// scorers) with minimum thresholds, and reports which pass and which fail.
//
// Thresholds map a figure key ("news.detect_f1", "temporal.date.en") to the
// minimum value the figure must reach. The checked-in thresholds.json is
// embedded in the binary (Embedded); Load reads another file of the same
// shape.
//
// A figure's scorer is the part of its key before the first dot ("news",
// "temporal", "extraction", "pubdate", "snippets"). A run need not run every
// scorer, so Check only looks at thresholds whose scorer produced at least
// one figure in the run: for those, a figure missing from the run is a
// failure (the scorer ran but could not measure it), and a figure below its
// threshold is a failure. Thresholds of scorers that did not run are
// skipped. Figures without a threshold are reported but never fail.
package gate
