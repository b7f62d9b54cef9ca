package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"outages/corpus"
	"outages/events"
)

// eventsFile is the data directory's file of events, rewritten atomically
// after each run and reindex; eventsByArticle is its article → events
// table, sorted by article, of which search reads the lines of its hits.
const (
	eventsFile      = "events.json"
	eventsByArticle = "events-by-article.tsv"
)

// loadEvents reads the data directory's events; none (and no error) when
// no run has grouped them yet.
func loadEvents(dataDir string) (*events.File, error) {
	p := filepath.Join(dataDir, eventsFile)
	r, err := os.Open(p)
	if errors.Is(err, fs.ErrNotExist) {
		return &events.File{Version: events.FileVersion}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	defer r.Close()
	f, err := events.Read(bufio.NewReaderSize(r, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return f, nil
}

// updateEvents regroups the stored outages into events, keeping the ids
// of the previous events, and writes the events file. Only the events the
// articles changed since the last grouping can reach are regrouped
// (events.Regroup), when the grouping cache says the events file was
// grouped from it with the same options; else everything is. It returns
// the number of events.
func updateEvents(ctx context.Context, dataDir string, store *corpus.Store, parents map[string]string, logger *slog.Logger) (int, error) {
	prev, err := loadEvents(dataDir)
	prevOK := err == nil
	if !prevOK {
		logger.Warn("events: the previous events are unreadable; regrouping from scratch (event ids are recomputed from their earliest article)", "err", err)
		prev = &events.File{Version: events.FileVersion}
	}
	in, err := readGroupingInput(ctx, dataDir, store, logger)
	if err != nil {
		return 0, fmt.Errorf("group events: %w", err)
	}
	// The partitions first: a run killed from now on leaves a cache that
	// names no events file (see eventsInput), and the changes replayed are
	// merged into the articles before they are grouped.
	if err := in.writeParts(dataDir); err != nil {
		return 0, fmt.Errorf("group events: %w", err)
	}
	arts := in.articles()
	opts := events.Options{Parents: parents, Previous: prev.Events}
	fp := groupingFingerprint(parents)
	var evs []events.Event
	if in.changed != nil && prevOK && in.meta.Grouped != "" && in.meta.Grouped == prev.Generated && in.meta.Options == fp {
		var st events.RegroupStats
		evs, st = events.Regroup(arts, in.beforeArticles(), in.changed, opts)
		logger.Debug("events: regrouped", "changed", len(in.changed), "full", st.Full, "reason", st.Reason,
			"articles", st.Articles, "kept", st.Kept, "regrouped", st.Regrouped)
	} else {
		evs = events.Group(arts, opts)
	}
	in.all, in.before = nil, nil // what the events do not name of the articles can go
	now := time.Now()
	events.Stamp(evs, prev.Events, now)
	f := events.File{Version: events.FileVersion, Generated: now.UTC().Format(time.RFC3339Nano), Previous: prev.Generated, Events: evs}
	if err := writeEventsFiles(dataDir, f); err != nil {
		return 0, err
	}
	if err := in.writeMeta(dataDir, f.Generated, fp); err != nil {
		return 0, fmt.Errorf("group events: %w", err)
	}
	return len(evs), nil
}

// writeEventsFiles writes the events file and its article table, each
// streamed (at a million articles, each held whole was hundreds of
// megabytes on top of the events).
func writeEventsFiles(dataDir string, f events.File) error {
	p := filepath.Join(dataDir, eventsFile)
	if err := writeAtomic(p, func(w io.Writer) error { return events.Write(w, f) }); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	p = filepath.Join(dataDir, eventsByArticle)
	if err := writeAtomic(p, func(w io.Writer) error { return writeArticleTable(w, f) }); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

// writeArticleTable writes "article id TAB event ids (comma-separated, in
// the order of the events file)" lines sorted by article id, after a
// header line.
func writeArticleTable(w io.Writer, f events.File) error {
	type ref struct {
		art string
		ev  int
	}
	var refs []ref
	for ei, e := range f.Events {
		for _, a := range e.Articles {
			refs = append(refs, ref{a.ID, ei})
		}
	}
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].art != refs[j].art {
			return refs[i].art < refs[j].art
		}
		return refs[i].ev < refs[j].ev
	})
	bw := bufio.NewWriter(w)
	bw.WriteString("article_id\tevent_ids\n")
	for i, r := range refs {
		switch {
		case i > 0 && r.art == refs[i-1].art:
			bw.WriteByte(',')
		case i > 0:
			bw.WriteByte('\n')
			fallthrough
		default:
			bw.WriteString(r.art + "\t")
		}
		bw.WriteString(f.Events[r.ev].ID)
	}
	if len(refs) > 0 {
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// eventsOfArticles returns the event ids of the given articles from the
// data directory's article table (none when there is no table yet). The
// table is sorted by article id, so each id is found by binary search over
// the file's byte offsets, reading a few hundred bytes around each probe:
// a million articles make a table of tens of megabytes, which scanning
// once per hit, and then reading whole once per search (40 ms and 40 MB of
// a search process at 950,000 articles), made a visible part of a search.
func eventsOfArticles(dataDir string, ids []string) map[string][]string {
	out := map[string][]string{}
	f, err := os.Open(filepath.Join(dataDir, eventsByArticle))
	if err != nil {
		return out
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return out
	}
	t := &sortedTable{r: f, end: st.Size()}
	if t.end > 0 {
		if _, nl, err := t.lineAt(0); err != nil {
			return out
		} else if nl < t.end {
			t.start = nl + 1 // the header
		}
	}
	for _, id := range ids {
		if evs, ok := t.lookup(id); ok {
			out[id] = strings.Split(evs, ",")
		}
	}
	return out
}

// sortedTable is a file of lines "key TAB rest" sorted by key, from byte
// start to byte end.
type sortedTable struct {
	r          io.ReaderAt
	start, end int64
}

// lookup returns the rest of key's line. The lines holding the bytes of
// the table are in key order, so the first byte whose line's key is not
// below key is found by binary search over byte offsets. A read error
// reads as not found.
func (t *sortedTable) lookup(key string) (string, bool) {
	keyOf := func(line []byte) string {
		k, _, _ := bytes.Cut(line, []byte("\t"))
		return string(k)
	}
	var readErr error
	n := int(t.end - t.start)
	i := sort.Search(n, func(i int) bool {
		line, _, err := t.lineAt(t.start + int64(i))
		if err != nil {
			readErr = err
			return true
		}
		return keyOf(line) >= key
	})
	if readErr != nil || i >= n {
		return "", false
	}
	line, _, err := t.lineAt(t.start + int64(i))
	if err != nil {
		return "", false
	}
	k, rest, ok := bytes.Cut(line, []byte("\t"))
	if !ok || string(k) != key {
		return "", false
	}
	return string(rest), true
}

// lineAt returns the line holding byte i of the table (start ≤ i < end),
// without its newline, and the offset of that newline (end when the last
// line has none). It reads a window around i, doubled until it holds the
// whole line.
func (t *sortedTable) lineAt(i int64) ([]byte, int64, error) {
	for w := int64(256); ; w *= 2 {
		lo, hi := max(t.start, i-w), min(t.end, i+w)
		buf := make([]byte, hi-lo)
		if n, err := t.r.ReadAt(buf, lo); n < len(buf) {
			return nil, 0, fmt.Errorf("read %d bytes at %d: %w", len(buf), lo, err)
		}
		rel := int(i - lo)
		s := bytes.LastIndexByte(buf[:rel], '\n') + 1
		if s == 0 && lo > t.start {
			continue // the line starts before the window
		}
		e := bytes.IndexByte(buf[rel:], '\n')
		if e < 0 {
			if hi < t.end {
				continue // and ends after it
			}
			return buf[s:], t.end, nil
		}
		return buf[s : rel+e], lo + int64(rel+e), nil
	}
}
