package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"outages/corpus"
)

// Format is an export file format.
type Format string

// Formats.
const (
	CSV   Format = "csv"   // one row per outage; see Columns
	JSONL Format = "jsonl" // one article JSON object per line
)

// ParseFormat returns the format named s ("csv" or "jsonl", any case).
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, JSONL:
		return f, nil
	}
	return "", fmt.Errorf("unknown export format %q (want csv or jsonl)", s)
}

// Options choose the output format.
type Options struct {
	Format Format
	// Excel starts a CSV file with a UTF-8 byte order mark so that Excel
	// decodes Arabic and accented letters correctly. CSV only.
	Excel bool
}

// ListSep joins the values of a list column in one CSV cell.
const ListSep = " | "

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// ErrClosed is returned by Write after Close.
var ErrClosed = errors.New("export: writer is closed")

// columns is the CSV header. New columns are appended, never inserted.
var columns = [...]string{
	"article_id", "url", "source", "title", "lang", "published",
	"service", "kind", "start", "end", "duration_min", "duration_kind",
	"cause", "cause_denied", "evidence_start", "evidence_duration", "evidence_cause",
	"aliases", "start_time", "zone", "cause_alt",
	"is_outage", "outage_index", "outage_count", "confidence", "outage_score",
	"host", "modified", "classifier", "fetched_at",
	"country",
}

// Column positions in columns.
const (
	colArticleID = iota
	colURL
	colSource
	colTitle
	colLang
	colPublished
	colService
	colKind
	colStart
	colEnd
	colDurationMin
	colDurationKind
	colCause
	colCauseDenied
	colEvidenceStart
	colEvidenceDuration
	colEvidenceCause
	colAliases
	colStartTime
	colZone
	colCauseAlt
	colIsOutage
	colOutageIndex
	colOutageCount
	colConfidence
	colOutageScore
	colHost
	colModified
	colClassifier
	colFetchedAt
	colCountry
	numColumns
)

// Columns returns the CSV column names in file order (see COLUMNS.md).
func Columns() []string { return append([]string(nil), columns[:]...) }

// Writer streams articles to a CSV or JSONL file. It buffers at most one
// row beyond the underlying buffered writer, so memory does not grow with
// the number of articles. A Writer is not safe for concurrent use.
type Writer struct {
	format Format
	bw     *bufio.Writer
	cw     *csv.Writer   // CSV only
	enc    *json.Encoder // JSONL only
	rec    []string      // reused CSV record
	rows   int64
	err    error // first error; sticky
	closed bool
}

// NewWriter returns a Writer of the format opts names, writing to w. For
// CSV it writes the byte order mark (with Excel) and the header row at
// once (buffered), so an export of no article still has its header.
func NewWriter(w io.Writer, opts Options) (*Writer, error) {
	if w == nil {
		return nil, errors.New("export: nil io.Writer")
	}
	f, err := ParseFormat(string(opts.Format))
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if opts.Excel && f != CSV {
		return nil, fmt.Errorf("export: the Excel option applies to csv only, not %s", f)
	}
	ew := &Writer{format: f, bw: bufio.NewWriterSize(w, 64<<10)}
	switch f {
	case CSV:
		if opts.Excel {
			ew.bw.WriteString(bom) // an error stays in bw and comes back from Flush
		}
		// csv.NewWriter reuses bw: it is already a large enough bufio.Writer.
		ew.cw = csv.NewWriter(ew.bw)
		ew.cw.UseCRLF = true
		ew.rec = make([]string, numColumns)
		ew.setErr(ew.cw.Write(columns[:]), "header", "")
	case JSONL:
		ew.enc = json.NewEncoder(ew.bw)
		ew.enc.SetEscapeHTML(false)
	}
	return ew, nil
}

// Rows returns the number of CSV rows (not counting the header) or JSONL
// lines written so far.
func (w *Writer) Rows() int64 { return w.rows }

// setErr records err as the first error, naming the item being written
// (the header, an article id, or the final flush).
func (w *Writer) setErr(err error, item, id string) {
	if err != nil && w.err == nil {
		if id != "" {
			item += " " + id
		}
		w.err = fmt.Errorf("export %s: %w", item, err)
	}
}

// Write writes one article: for CSV one row per outage, with the article
// columns repeated, or one row with empty outage columns when the article
// has no outage; for JSONL one line holding the article's JSON. After an
// error every call returns that first error.
func (w *Writer) Write(a *corpus.Article) error {
	if w.closed {
		return ErrClosed
	}
	if w.err != nil {
		return w.err
	}
	if a == nil {
		return errors.New("export: nil article")
	}
	switch w.format {
	case CSV:
		w.writeCSV(a)
	case JSONL:
		w.setErr(w.enc.Encode(a), "article", a.ID)
		if w.err == nil {
			w.rows++
		}
	}
	return w.err
}

func (w *Writer) writeCSV(a *corpus.Article) {
	r := w.rec
	r[colArticleID] = Cell(a.ID)
	r[colURL] = Cell(a.URL)
	r[colSource] = Cell(a.Source)
	r[colTitle] = Cell(a.Title)
	r[colLang] = Cell(a.Lang)
	r[colPublished] = Cell(a.Published)
	r[colIsOutage] = strconv.FormatBool(a.IsOutage)
	r[colOutageCount] = strconv.Itoa(len(a.Outages))
	r[colOutageScore] = formatFloat(a.OutageScore)
	r[colHost] = Cell(a.Host)
	r[colModified] = Cell(a.Modified)
	r[colClassifier] = Cell(a.Classifier)
	r[colFetchedAt] = ""
	if t := a.Fetch.FetchedAt; !t.IsZero() {
		r[colFetchedAt] = t.UTC().Format(time.RFC3339)
	}
	if len(a.Outages) == 0 {
		for _, c := range outageColumns {
			r[c] = ""
		}
		w.writeRow(a)
		return
	}
	for i := range a.Outages {
		o := &a.Outages[i]
		r[colService] = Cell(o.Service)
		r[colKind] = Cell(o.Kind)
		r[colStart] = Cell(o.Start)
		r[colEnd] = Cell(o.End)
		r[colDurationMin] = ""
		if o.DurationMin != nil {
			r[colDurationMin] = Cell(strconv.Itoa(*o.DurationMin))
		}
		r[colDurationKind] = Cell(o.DurationKind)
		cause := o.Cause
		if cause == "" {
			cause = corpus.CauseUnknown
		}
		r[colCause] = Cell(cause)
		r[colCauseDenied] = list(o.CauseDenied)
		r[colEvidenceStart] = list(o.Evidence.Start)
		r[colEvidenceDuration] = list(o.Evidence.Duration)
		r[colEvidenceCause] = list(o.Evidence.Cause)
		r[colAliases] = list(o.Aliases)
		r[colStartTime] = Cell(o.StartTime)
		r[colZone] = Cell(o.Zone)
		r[colCauseAlt] = list(o.CauseAlt)
		r[colOutageIndex] = strconv.Itoa(i + 1)
		r[colConfidence] = formatFloat(o.Confidence)
		r[colCountry] = list(o.Country)
		if !w.writeRow(a) {
			return
		}
	}
}

// outageColumns are the columns left empty for an article with no outage.
var outageColumns = [...]int{
	colService, colKind, colStart, colEnd, colDurationMin, colDurationKind,
	colCause, colCauseDenied, colEvidenceStart, colEvidenceDuration, colEvidenceCause,
	colAliases, colStartTime, colZone, colCauseAlt, colOutageIndex, colConfidence,
	colCountry,
}

func (w *Writer) writeRow(a *corpus.Article) bool {
	w.setErr(w.cw.Write(w.rec), "article", a.ID)
	if w.err != nil {
		return false
	}
	w.rows++
	return true
}

// Close flushes buffered output and returns the first error of any write.
// It does not close the underlying io.Writer.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.cw != nil {
		w.cw.Flush()
		w.setErr(w.cw.Error(), "flush", "")
	} else {
		w.setErr(w.bw.Flush(), "flush", "")
	}
	return w.err
}

// formatFloat writes f in the shortest decimal form, through Cell like
// every other cell (a negative value would get a leading quote).
func formatFloat(f float64) string { return Cell(strconv.FormatFloat(f, 'f', -1, 64)) }

// list joins a list column's values with ListSep into one cell.
func list(v []string) string {
	switch len(v) {
	case 0:
		return ""
	case 1:
		return Cell(v[0])
	}
	return Cell(strings.Join(v, ListSep))
}

// Cell returns s as the CSV writer stores it: invalid UTF-8 replaced by
// U+FFFD; a single quote put in front when s starts with =, +, -, @, a tab
// or a carriage return, so that a spreadsheet shows it as text instead of
// running it as a formula (OWASP CSV injection); then CR LF and lone CR
// turned into LF (the file's line ends are CR LF, which encoding/csv reads
// back as LF inside a cell).
func Cell(s string) string {
	if s == "" {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		s = "'" + s
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return s
}
