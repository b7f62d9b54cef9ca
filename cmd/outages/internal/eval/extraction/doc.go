// Package extraction scores the HTML stage against the shared gold sets:
// article bodies (the Zyte article-extraction benchmark metric: 4-token
// shingle precision/recall), publication dates (exact day and within one
// day) and French/Arabic snippet checks (trafilatura's with/without
// snippets). Scorers read the gold files, run an ExtractFunc on every
// page and return reports; they never print.
package extraction
