// Package export writes analysed articles as CSV or JSON Lines for
// spreadsheets and scripts.
//
// CSV has one row per outage, the article's columns repeated on each, and
// one row with empty outage columns for an article without outage. The
// column order is stable (Columns, COLUMNS.md); new columns are only ever
// appended. Files are UTF-8 with CR LF line ends (RFC 4180, what Excel
// expects), quoted by encoding/csv; list values are joined with " | ";
// every cell is passed through Cell, which neutralises spreadsheet formulas.
// With Options.Excel the file starts with a UTF-8 byte order mark.
//
// JSONL has one article a line, the corpus.Article JSON with its outages.
//
// A Writer streams: memory stays flat however many articles it writes.
package export
