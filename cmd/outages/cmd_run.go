package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"outages/classify"
	"outages/cmd/outages/internal/config"
	"outages/corpus"
	"outages/crawl"
	"outages/index"
)

// runOptions are the flags of `outages run`.
type runOptions struct {
	dataOptions
	sources   stringList
	report    string
	progress  string
	logFormat string
	logLevel  string
}

func (o *runOptions) bind(fs *flag.FlagSet) {
	o.dataOptions.bind(fs)
	fs.Var(&o.sources, "source", "a source `URL|PATH` to crawl: page, feed, sitemap, HTML file, JSON Lines file of articles, or folder (repeatable; adds to the config's sources)")
	fs.StringVar(&o.report, "report", "", "write the end-of-run summary as JSON to `FILE`")
	fs.StringVar(&o.progress, "progress", "auto", "live progress on stderr: auto (when stderr is a terminal), always, never")
	fs.StringVar(&o.logFormat, "log-format", "text", "log lines when not on a terminal: text or json")
	fs.StringVar(&o.logLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&o.contact, "contact", "", "a `URL|EMAIL` where sites can reach you, put in the User-Agent (default $OUTAGES_CONTACT; needed to crawl the web)")
}

func runCommand() command {
	return command{
		name:    "run",
		summary: "crawl the sources, classify, store and index (the nightly job)",
		usage:   "[flags]",
		examples: `  outages run                                   # the bundled sample corpus
  outages run --contact ops@example.org --source https://example.org/feed.xml --source ./pages/
  outages run --source backfill.jsonl            # articles extracted elsewhere (news-please fields too)
  outages run --config /etc/outages/outages.toml --report /var/log/outages/last.json`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o runOptions
			o.bind(fs)
			return o.run
		},
	}
}

// runSummary is the end-of-run summary, printed and written by --report.
type runSummary struct {
	Started        time.Time      `json:"started"`
	Finished       time.Time      `json:"finished"`
	ElapsedSeconds float64        `json:"elapsed_seconds"`
	DataDir        string         `json:"data_dir"`
	Sources        int            `json:"sources"`
	Discovered     int            `json:"discovered"`
	Fetched        int            `json:"fetched"`
	NotModified    int            `json:"not_modified"`
	Stored         int            `json:"stored"`
	Added          int            `json:"added"`
	Updated        int            `json:"updated"`
	Unchanged      int            `json:"unchanged"`
	Skipped        map[string]int `json:"skipped"`
	Failed         map[string]int `json:"failed"`
	Failures       []pageFailure  `json:"failures"`
	ByLang         map[string]int `json:"articles_by_lang"`
	OutageArticles int            `json:"outage_articles"`
	ByCause        map[string]int `json:"outages_by_cause"`
	Indexed        int            `json:"indexed"`
	Events         int            `json:"events"`
	IndexDocs      uint64         `json:"index_docs"`
	Warnings       []string       `json:"warnings"`
	Backup         string         `json:"backup,omitempty"`
	Interrupted    bool           `json:"interrupted"`
	Stopped        string         `json:"stopped,omitempty"` // why a failed write stopped the run
	ExitCode       int            `json:"exit_code"`
}

type pageFailure struct {
	URL    string `json:"url"`
	Reason string `json:"reason"`
	Error  string `json:"error,omitempty"`
}

func (o *runOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q (sources are given with --source)", args[0])
	}
	switch o.progress {
	case "auto", "always", "never":
	default:
		return usagef("--progress: %q is not auto, always or never", o.progress)
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	logger, err := newLogger(a.stderr, o.logFormat, o.logLevel)
	if err != nil {
		return err
	}
	sum := &runSummary{Started: time.Now(), DataDir: cfg.Data,
		Skipped: map[string]int{}, Failed: map[string]int{}, ByLang: map[string]int{}, ByCause: map[string]int{}}

	lock, err := lockDataDir(cfg.Data)
	if err != nil {
		return err
	}
	defer lock.release()

	sources, err := crawlSources(cfg, o.sources)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		dir, err := writeSample(cfg.Data)
		if err != nil {
			return err
		}
		sources = []crawl.Source{{Name: "sample", URL: dir, Kind: "file"}}
		logger.Info("no sources configured: crawling the bundled sample corpus", "dir", dir)
	}
	sum.Sources = len(sources)

	store, err := openStore(cfg.Data)
	if err != nil {
		return err
	}
	defer store.Close()
	cls, err := classify.New(classify.Options{RulesDir: cfg.RulesDir, Logger: logger})
	if err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}

	prog := newProgress(a.stderr, o.progress, logger)
	// A store or an index that cannot be written (full disk, damage)
	// stops the crawl at the first failure instead of failing every page
	// after it.
	crawlCtx, stopCrawl := context.WithCancelCause(ctx)
	defer stopCrawl(nil)
	// Articles are indexed while the crawl goes on (nil: after it).
	feed := openIndexFeed(ctx, cfg.Data, store, cls.Version(), logger,
		func(err error) { stopCrawl(&indexError{err: err}) })
	var mu sync.Mutex // guards sum's counters updated by the sink
	sink := func(ctx context.Context, art *corpus.Article) error {
		cls.Classify(art)
		res, err := store.Put(art)
		if err != nil {
			if !errors.Is(err, corpus.ErrDuplicate) {
				stopCrawl(&storeError{err: err})
			}
			return err
		}
		if feed != nil && res != corpus.Unchanged {
			feed.add(ctx, art)
		}
		mu.Lock()
		defer mu.Unlock()
		switch res {
		case corpus.Added:
			sum.Added++
		case corpus.Updated:
			sum.Updated++
		default:
			sum.Unchanged++
		}
		sum.ByLang[art.Lang]++
		if art.IsOutage {
			sum.OutageArticles++
			for _, out := range art.Outages {
				sum.ByCause[out.Cause]++
			}
		}
		return nil
	}
	crawler, err := crawl.New(crawlOptions(cfg, logger, prog.page))
	if err != nil {
		return &usageError{msg: err.Error()}
	}
	stats, crawlErr := crawler.Run(crawlCtx, sources, stoppingValidators{store, stopCrawl}, sink)
	prog.done()
	stopped := context.Cause(crawlCtx)
	if feed != nil && (crawlErr != nil || stopped != nil) {
		feed.abort()
	}
	var se *storeError
	var ie *indexError
	switch {
	case ctx.Err() != nil:
	case errors.As(stopped, &se):
		return o.stop(a, logger, sum, stats, keeping("the articles stored before stay stored", se.err))
	case errors.As(stopped, &ie):
		return o.stop(a, logger, sum, stats, keeping("the articles stored before stay stored; the previous index generation stays published", ie.err))
	}
	if stats != nil {
		sum.addCrawlStats(stats)
	}
	if crawlErr != nil && ctx.Err() == nil {
		return fmt.Errorf("crawl: %w", crawlErr)
	}
	if ctx.Err() != nil {
		// Everything stored so far is safe in the store; the next run
		// indexes it. Nothing is half-written in the index.
		sum.Interrupted = true
		o.finish(a, logger, sum, exitInterrupted)
		return ctx.Err()
	}

	var indexErr error
	if feed != nil {
		indexErr = feed.finish(ctx, sum)
	} else {
		indexErr = indexNew(ctx, cfg.Data, store, cls.Version(), logger, sum)
	}
	if err := indexErr; err != nil {
		if ctx.Err() != nil {
			sum.Interrupted = true
			o.finish(a, logger, sum, exitInterrupted)
			return ctx.Err()
		}
		return o.stop(a, logger, sum, nil, keeping("the previous index generation stays published", err))
	}
	if sum.Events, err = updateEvents(ctx, cfg.Data, store, cls.Parents(), logger); err != nil {
		return o.stop(a, logger, sum, nil, keeping("the articles are stored and indexed; the previous events stay", err))
	}
	if cfg.Backup != "" {
		if sum.Backup, err = nightlyBackup(cfg.Backup, cfg.BackupKeep, store, time.Now()); err != nil {
			return o.stop(a, logger, sum, nil, keeping("the articles are stored and indexed; the older backups are kept", err))
		}
	}
	code := exitOK
	if len(sum.Failed) > 0 {
		code = exitPartial
	}
	if err := o.finish(a, logger, sum, code); err != nil {
		return keeping("the articles are stored and indexed", err)
	}
	if code == exitPartial {
		n := 0
		for _, c := range sum.Failed {
			n += c
		}
		return &partialError{msg: fmt.Sprintf("finished, but %d page(s) failed (see the summary)", n)}
	}
	return nil
}

// storeError is a failed write to the store: it stops the run.
type storeError struct{ err error }

func (e *storeError) Error() string { return e.err.Error() }

// indexError is a failed write to the index while the crawl goes on: it
// stops the run.
type indexError struct{ err error }

func (e *indexError) Error() string { return e.err.Error() }

// stoppingValidators reads the store's validators and stops the crawl when
// the store cannot be read.
type stoppingValidators struct {
	store *corpus.Store
	stop  context.CancelCauseFunc
}

func (v stoppingValidators) Validators(u string) (string, string, bool, error) {
	etag, lm, ok, err := v.store.Validators(u)
	if err != nil {
		v.stop(&storeError{err: err})
	}
	return etag, lm, ok, err
}

// stop ends a run that a failed write stopped: it still prints the summary
// of what was done (a report that cannot be written on a full disk is only
// logged) and returns err.
func (o *runOptions) stop(a *app, logger *slog.Logger, sum *runSummary, stats *crawl.Stats, err error) error {
	if stats != nil {
		sum.addCrawlStats(stats)
	}
	sum.Stopped = err.Error()
	if msg, ok := diskMessage(err); ok {
		sum.Stopped = msg
	}
	if ferr := o.finish(a, logger, sum, exitFailed); ferr != nil {
		logger.Warn("run report not written", "err", ferr)
	}
	return err
}

// finish prints the summary and writes the report; it returns the first
// report that could not be written.
func (o *runOptions) finish(a *app, logger *slog.Logger, sum *runSummary, code int) error {
	sum.Finished = time.Now()
	sum.ElapsedSeconds = sum.Finished.Sub(sum.Started).Seconds()
	sum.ExitCode = code
	sum.write(a.stdout)
	for _, path := range []string{o.report, filepath.Join(sum.DataDir, reportsDir, "last-run.json")} {
		if path == "" {
			continue
		}
		b, _ := json.MarshalIndent(sum, "", "  ")
		err := os.MkdirAll(filepath.Dir(path), 0o755)
		if err == nil {
			err = writeFileAtomic(path, append(b, '\n'))
		}
		if err != nil {
			return fmt.Errorf("write report %s: %w", path, err)
		}
	}
	return nil
}

func (s *runSummary) addCrawlStats(st *crawl.Stats) {
	s.Discovered, s.Fetched, s.NotModified, s.Stored = st.Discovered, st.Fetched, st.NotModified, st.Stored
	for r, n := range st.Skipped {
		s.Skipped[string(r)] += n
	}
	for r, n := range st.Failed {
		s.Failed[string(r)] += n
	}
	for _, name := range sortedNames(st.PageLimited) {
		s.Warnings = append(s.Warnings, fmt.Sprintf(
			"source %s stopped at its page limit: %d page(s) left out; raise max_pages in its [[source]] table",
			name, st.PageLimited[name]))
	}
	for _, f := range st.Failures {
		pf := pageFailure{URL: f.URL, Reason: string(f.Reason)}
		if f.Err != nil {
			pf.Error = f.Err.Error()
		}
		s.Failures = append(s.Failures, pf)
	}
}

func (s *runSummary) write(w io.Writer) {
	fmt.Fprintf(w, "\nRun summary (%s, %.1fs)\n", s.DataDir, s.ElapsedSeconds)
	fmt.Fprintf(w, "  sources %d · discovered %d · fetched %d · not modified %d · stored %d (new %d, updated %d, unchanged %d)\n",
		s.Sources, s.Discovered, s.Fetched, s.NotModified, s.Stored, s.Added, s.Updated, s.Unchanged)
	if len(s.Skipped) > 0 {
		fmt.Fprintf(w, "  skipped: %s\n", countsLine(s.Skipped))
	}
	if len(s.Failed) > 0 {
		fmt.Fprintf(w, "  FAILED:  %s\n", countsLine(s.Failed))
		for i, f := range s.Failures {
			if i == 10 {
				fmt.Fprintf(w, "    … and %d more (see --report)\n", len(s.Failures)-10)
				break
			}
			fmt.Fprintf(w, "    %s  %s  %s\n", f.Reason, f.URL, f.Error)
		}
	}
	if len(s.ByLang) > 0 {
		fmt.Fprintf(w, "  articles by language: %s\n", countsLine(s.ByLang))
	}
	fmt.Fprintf(w, "  outage articles %d", s.OutageArticles)
	if len(s.ByCause) > 0 {
		fmt.Fprintf(w, " · outages by cause: %s", countsLine(s.ByCause))
	}
	fmt.Fprintf(w, "\n  indexed %d (index holds %d articles) · events %d\n", s.Indexed, s.IndexDocs, s.Events)
	if s.Backup != "" {
		fmt.Fprintf(w, "  backup %s\n", s.Backup)
	}
	for _, warn := range s.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", warn)
	}
	if s.Stopped != "" {
		fmt.Fprintf(w, "  STOPPED: %s\n", s.Stopped)
	}
	if s.Interrupted {
		fmt.Fprintln(w, "  interrupted: what was stored is kept; the next run picks up from there")
	}
}

func sortedNames(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// countsLine formats counts as "a 3 · b 1", largest first.
func countsLine(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, " · ")
}

// indexNew indexes every article stored since the index's watermark into a
// new index generation and publishes it. With nothing new it writes nothing.
func indexNew(ctx context.Context, dataDir string, store *corpus.Store, classifier string, logger *slog.Logger, sum *runSummary) error {
	dir := filepath.Join(dataDir, indexDir)
	meta, err := index.ReadMeta(dir)
	switch {
	case errors.Is(err, index.ErrNoIndex):
		meta = index.Meta{}
	case err != nil:
		return fmt.Errorf("index %s: %w", dir, err)
	default:
		if meta.SchemaVersion != index.SchemaVersion {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf(
				"the index was built with schema %d and this version uses %d: run 'outages reindex --data %s' (new articles are stored and will be indexed then)",
				meta.SchemaVersion, index.SchemaVersion, dataDir))
			sum.IndexDocs = meta.Docs
			return nil
		}
		if meta.Classifier != "" && meta.Classifier != classifier {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf(
				"the classification rules changed since older articles were indexed: run 'outages reindex --data %s' to re-classify them", dataDir))
		}
	}
	last, err := store.LastSeq()
	if err != nil {
		return err
	}
	if last <= meta.Watermark && meta.SchemaVersion != 0 {
		sum.IndexDocs = meta.Docs
		return nil // nothing new: no new generation
	}
	n, docs, err := writeIndex(ctx, dir, store, meta.Watermark, last, classifier, false, logger)
	sum.Indexed, sum.IndexDocs = n, docs
	return err
}

// writeIndex copies every article changed after `from` into a new index
// generation (an empty one when fresh) and publishes it with watermark `to`.
func writeIndex(ctx context.Context, dir string, store *corpus.Store, from, to uint64, classifier string, fresh bool, logger *slog.Logger) (int, uint64, error) {
	open := index.OpenWriter
	if fresh {
		open = index.OpenFreshWriter
	}
	w, err := open(ctx, dir, index.Options{Logger: logger})
	if err != nil {
		return 0, 0, fmt.Errorf("index %s: %w", dir, err)
	}
	n := 0
	const batch = 256
	buf := make([]*corpus.Article, 0, batch)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if err := w.Put(ctx, buf...); err != nil {
			return err
		}
		n += len(buf)
		buf = buf[:0]
		return nil
	}
	err = store.Since(from, func(a *corpus.Article) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf = append(buf, a)
		if len(buf) == batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		w.Abort()
		return n, 0, fmt.Errorf("index %s: %w", dir, err)
	}
	if err := w.Commit(ctx, index.Meta{Watermark: to, Classifier: classifier}); err != nil {
		w.Abort() // frees the unfinished generation's space
		return n, 0, fmt.Errorf("index %s: commit: %w", dir, err)
	}
	meta, err := index.ReadMeta(dir) // the count of documents the commit recorded
	if err != nil {
		return n, 0, fmt.Errorf("index %s: %w", dir, err)
	}
	return n, meta.Docs, nil
}

// crawlSources turns the config's sources and the --source flags into crawl sources.
func crawlSources(cfg config.Config, extra []string) ([]crawl.Source, error) {
	var out []crawl.Source
	for _, s := range cfg.Sources {
		depth := s.MaxDepth
		if depth == 0 {
			depth = -1 // the config's 0 means "the source URL only"; crawl's 0 means "the default"
		}
		out = append(out, crawl.Source{
			Name: s.Name, URL: s.URL, Kind: s.Kind, Allow: s.Allow, Deny: s.Deny,
			MaxDepth: depth, MaxPages: s.MaxPages, Delay: s.Delay,
			Selectors: crawl.Selectors{Title: s.TitleSelector, Body: s.BodySelector, Date: s.DateSelector},
		})
	}
	for _, u := range extra {
		out = append(out, crawl.Source{Name: u, URL: u})
		if web := strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://"); web && !config.HasContact(cfg.UserAgent) {
			return nil, usagef("crawling %s needs a contact in the User-Agent so that sites can reach you: "+
				"run with --contact https://example.org/about-your-bot (or an e-mail address), "+
				"or set OUTAGES_CONTACT, or user_agent in the config file", u)
		}
	}
	for _, s := range out {
		if err := s.Validate(); err != nil {
			return nil, &usageError{msg: fmt.Sprintf("source %s: %v", s.Name, err)}
		}
	}
	return out, nil
}

func crawlOptions(cfg config.Config, logger *slog.Logger, onPage func(crawl.PageResult)) crawl.Options {
	retries := cfg.MaxRetries
	if retries == 0 {
		retries = -1 // the config's 0 means "never retry"; crawl's 0 means "the default"
	}
	return crawl.Options{
		UserAgent:          cfg.UserAgent,
		GlobalConcurrency:  cfg.Concurrency,
		PerHostConcurrency: cfg.PerHostConcurrency,
		PerHostDelay:       cfg.Delay,
		ConnectTimeout:     cfg.ConnectTimeout,
		HeaderTimeout:      cfg.HeaderTimeout,
		BodyTimeout:        cfg.Timeout,
		MaxBodyBytes:       cfg.MaxBody,
		MaxRedirects:       cfg.MaxRedirects,
		MaxRetries:         retries,
		RetryBaseDelay:     cfg.RetryDelay,
		AllowPrivate:       cfg.AllowPrivate,
		Logger:             logger,
		OnPage:             onPage,
	}
}

func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, usagef("--log-level: %q is not debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usagef("--log-format: %q is not text or json", format)
}
