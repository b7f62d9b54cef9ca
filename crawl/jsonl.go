package crawl

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"outages/corpus"
)

// Articles extracted by another pipeline come in as JSON: one object a
// line (.jsonl, .ndjson), or a .json file holding one object or an array of
// objects (news-please writes one pretty-printed object per file). Two
// field conventions are read: ours (url, title, text, published, lang, id,
// source) and news-please's (url, title, maintext, date_publish,
// language, authors, description, date_modify). A bad
// record is a failed page (ReasonParse) whose error names file:line; the
// other records of the file are still read.

// jsonlExts are the extensions of article files, with whether the file may
// be one JSON document spanning several lines.
var jsonlExts = map[string]bool{".jsonl": false, ".ndjson": false, ".json": true}

// isJSONLPath reports whether a local path names an article file.
func isJSONLPath(p string) bool {
	_, ok := jsonlExts[strings.ToLower(filepath.Ext(p))]
	return ok
}

// jsonRecord is one article object in either convention. Unknown fields
// are ignored.
type jsonRecord struct {
	URL         string          `json:"url"`
	ID          json.RawMessage `json:"id"`
	Title       string          `json:"title"`
	Text        string          `json:"text"`
	Maintext    string          `json:"maintext"`
	Published   string          `json:"published"`
	DatePublish string          `json:"date_publish"`
	Modified    string          `json:"modified"`
	DateModify  string          `json:"date_modify"`
	Lang        string          `json:"lang"`
	Language    string          `json:"language"`
	Source      string          `json:"source"`
	Description string          `json:"description"`
	Author      string          `json:"author"`
	Authors     []string        `json:"authors"`
}

// recordDateLayouts are the date forms read from published/date_publish.
var recordDateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05", "2006-01-02 15:04", time.DateOnly,
}

// recordDate normalises a record's date to YYYY-MM-DD (or YYYY-MM); ok is
// false when s is not empty and not a date.
func recordDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	for _, l := range recordDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t.Format("2006-01"), true
	}
	return "", false
}

// paragraphs turns text with one paragraph a line (news-please) or blank
// lines between paragraphs into the Body form: paragraphs separated by
// "\n\n", blanks trimmed.
func paragraphs(text string) string {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n\n")
}

// DecodeRecord reads one JSON article record (either field convention)
// into an article with its identity set (ID, URL, Host, ContentHash). The
// error says what is wrong with the record; warn, when not empty, notes a
// value that was dropped (an unreadable date) from an article still kept.
func DecodeRecord(line []byte) (a *corpus.Article, warn string, err error) {
	line = bytes.TrimSpace(bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")))
	if len(line) == 0 || line[0] != '{' {
		return nil, "", errors.New("not a JSON object")
	}
	var r jsonRecord
	if err := json.Unmarshal(line, &r); err != nil {
		return nil, "", fmt.Errorf("invalid JSON: %w", err)
	}
	if strings.TrimSpace(r.URL) == "" {
		return nil, "", errors.New("no url")
	}
	u, err := Canonicalize(r.URL)
	if err != nil {
		return nil, "", err
	}
	text := r.Text
	if strings.TrimSpace(text) == "" {
		text = r.Maintext
	}
	body := paragraphs(text)
	if body == "" {
		return nil, "", errors.New("no text (neither text nor maintext)")
	}
	a = &corpus.Article{
		URL: u, Title: strings.TrimSpace(r.Title), Body: body,
		Source: strings.TrimSpace(r.Source), Description: strings.TrimSpace(r.Description),
		DeclaredLang: strings.TrimSpace(firstOf(r.Lang, r.Language)),
		Author:       strings.TrimSpace(firstOf(r.Author, strings.Join(r.Authors, ", "))),
	}
	var bad []string
	for _, d := range []struct {
		name, raw string
		dst       *string
	}{{"published", firstOf(r.Published, r.DatePublish), &a.Published}, {"modified", firstOf(r.Modified, r.DateModify), &a.Modified}} {
		v, ok := recordDate(d.raw)
		if !ok {
			bad = append(bad, fmt.Sprintf("%s %q is not a date", d.name, d.raw))
		}
		*d.dst = v
	}
	if len(a.Modified) != len(time.DateOnly) {
		a.Modified = ""
	}
	a.ID = corpus.ArticleID(a.URL)
	a.Host = hostOf(a.URL)
	a.ContentHash = corpus.TextHash(a.Title + "\n" + a.Body)
	return a, strings.Join(bad, "; "), nil
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// jsonItem is one record of a file, or the error that stands for it.
type jsonItem struct {
	line int
	raw  []byte
	err  error
}

// jsonRecords calls fn with each record of the file at path, in order,
// until fn returns false. Lines longer than maxLine are reported as
// errors. It returns an error only when the file cannot be read.
func jsonRecords(f io.Reader, path string, maxLine int64, fn func(jsonItem) bool) error {
	br := bufio.NewReaderSize(f, 64<<10)
	if jsonlExts[strings.ToLower(filepath.Ext(path))] {
		// .json: one document (an object or an array of objects) when the
		// whole file is one; otherwise one object a line.
		raw, err := readLimited(br, maxLine)
		if err != nil {
			return err
		}
		if items, ok := jsonDocument(raw); ok {
			for _, it := range items {
				if !fn(it) {
					return nil
				}
			}
			return nil
		}
		br = bufio.NewReader(bytes.NewReader(raw))
	}
	return jsonLines(br, maxLine, fn)
}

// jsonDocument splits a whole .json file into records, when it is one
// JSON object or an array; ok is false for anything else.
func jsonDocument(raw []byte) ([]jsonItem, bool) {
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	if len(trimmed) == 0 || !json.Valid(trimmed) {
		return nil, false
	}
	lead := len(raw) - len(bytes.TrimLeft(raw, "\xef\xbb\xbf \t\r\n"))
	lineAt := func(off int64) int { return 1 + bytes.Count(raw[:lead+int(off)], []byte("\n")) }
	switch trimmed[0] {
	case '{':
		return []jsonItem{{line: lineAt(0), raw: trimmed}}, true
	case '[':
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.Token() // '['
		var out []jsonItem
		for dec.More() {
			off := dec.InputOffset()
			var m json.RawMessage
			if err := dec.Decode(&m); err != nil {
				return nil, false
			}
			// InputOffset is before the separator and blanks: skip them.
			rest := trimmed[off:]
			skip := len(rest) - len(bytes.TrimLeft(rest, ", \t\r\n"))
			out = append(out, jsonItem{line: lineAt(off + int64(skip)), raw: m})
		}
		return out, true
	}
	return nil, false
}

// jsonLines reads one record a line; blank lines are skipped.
func jsonLines(br *bufio.Reader, maxLine int64, fn func(jsonItem) bool) error {
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				buf = append(buf, chunk...)
				if int64(len(buf)) > maxLine {
					tooLong, buf = true, buf[:0]
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return err
		}
		switch {
		case tooLong:
			if !fn(jsonItem{line: n, err: fmt.Errorf("line longer than %d bytes", maxLine)}) {
				return nil
			}
		case len(bytes.TrimSpace(buf)) > 0:
			if !fn(jsonItem{line: n, raw: bytes.Clone(buf)}) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// jsonFile ingests a file of article records. Records are decoded and
// claimed in file order, so the first of two copies is the one kept, and
// stored by a pool of Options.GlobalConcurrency goroutines (the sink
// classifies); each record's outcome is reported as a page of its own.
func (w *worker) jsonFile(ctx context.Context, j *job) *result {
	f, err := os.Open(j.local)
	if err != nil {
		return w.fail(j, ReasonNotFound, fmt.Errorf("read %s: %w", j.local, err))
	}
	defer f.Close()
	claimed := make(chan claimedRecord)
	var wg sync.WaitGroup
	for range max(1, w.c.opts.GlobalConcurrency) {
		wg.Go(func() {
			for c := range claimed {
				w.report(ctx, w.store(ctx, j, c.r, c.a))
			}
		})
	}
	err = jsonRecords(f, j.local, w.c.opts.MaxBodyBytes, func(it jsonItem) bool {
		r, a := w.jsonRecord(ctx, j, it)
		if a == nil {
			return w.report(ctx, r)
		}
		select {
		case claimed <- claimedRecord{r: r, a: a}:
			return true
		case <-ctx.Done():
			return false
		}
	})
	close(claimed)
	wg.Wait()
	if ctx.Err() != nil {
		return &result{job: j}
	}
	if err != nil {
		reason := ReasonNotFound
		if errors.Is(err, errTooLarge) {
			reason = ReasonTooLarge
		}
		return w.fail(j, reason, fmt.Errorf("read %s: %w", j.local, err))
	}
	return &result{job: j, fetched: true}
}

// claimedRecord is a decoded record whose URL and content hash are won.
type claimedRecord struct {
	r *result
	a *corpus.Article
}

// report sends one record's result to the frontier; false when ctx ends.
func (w *worker) report(ctx context.Context, r *result) bool {
	r.partial = true
	select {
	case w.results <- r:
		return true
	case <-ctx.Done():
		return false
	}
}

// jsonRecord decodes one record and claims it. It returns the article when
// the claim is won; otherwise the finished result (a parse failure or a
// duplicate).
func (w *worker) jsonRecord(ctx context.Context, j *job, it jsonItem) (*result, *corpus.Article) {
	at := j.local + ":" + strconv.Itoa(it.line)
	r := &result{job: j, report: true, pr: PageResult{URL: j.url + "#L" + strconv.Itoa(it.line), Source: j.src.Name, Depth: j.depth}}
	if it.err != nil {
		r.pr.Reason, r.pr.Err = ReasonParse, fmt.Errorf("%s: %w", at, it.err)
		return r, nil
	}
	r.pr.Bytes = int64(len(it.raw))
	a, warn, err := DecodeRecord(it.raw)
	if err != nil {
		r.pr.Reason, r.pr.Err = ReasonParse, fmt.Errorf("%s: %w", at, err)
		return r, nil
	}
	if warn != "" {
		w.c.log.Warn("record value dropped", "at", at, "url", a.URL, "problem", warn)
	}
	if a.Source == "" {
		a.Source = j.src.Name
	}
	a.Fetch = corpus.Fetch{ContentType: "application/x-ndjson", FetchedAt: time.Now().UTC()}
	r.pr.URL = a.URL
	if done := w.claim(ctx, j, r, a); done != nil {
		return done, nil
	}
	return r, a
}
