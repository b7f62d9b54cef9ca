// Package extraction scores the HTML stage against the shared gold sets:
// article bodies (the Zyte article-extraction benchmark metric: 4-token
// shingle precision/recall), publication dates (exact day and within one
// day) and French/Arabic snippet checks (trafilatura's with/without
// snippets); and, on the same real pages of general news, how many the
// whole pipeline calls outage reports (ScoreQuiet). Scorers read the gold
// files, run an ExtractFunc (or a ReportFunc) on every page and return
// reports; they never print.
package extraction
