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

func (o *runOptions) run(ctx context.Context, a *app, args []string) (err error) {
	if len(args) > 0 {
		return usagef("run takes no arguments (got %q); sources go in the config or --source", args)
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
	lock, err := lockDataDir(cfg.Data)
	if err != nil {
		return err
	}
	defer lock.release()
	n := &nightly{o: o, a: a, cfg: cfg, logger: logger, sum: newRunSummary(cfg.Data)}
	if n.sources, err = n.crawlSources(); err != nil {
		return err
	}
	if n.store, err = openStore(cfg.Data); err != nil {
		return err
	}
	defer func() { closeStore(cfg.Data, n.store, err) }()
	if n.cls, err = classify.New(classify.Options{RulesDir: cfg.RulesDir, Logger: logger}); err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	return n.run(ctx)
}

func newRunSummary(dataDir string) *runSummary {
	return &runSummary{Started: time.Now(), DataDir: dataDir,
		Skipped: map[string]int{}, Failed: map[string]int{}, ByLang: map[string]int{}, ByCause: map[string]int{}}
}

// nightly is one run of the nightly job: crawl, classify and store each
// page, index while crawling, then regroup events and back up.
type nightly struct {
	o       *runOptions
	a       *app
	cfg     config.Config
	logger  *slog.Logger
	sum     *runSummary
	sources []crawl.Source
	store   *corpus.Store
	cls     *classify.Classifier
	feed    *indexFeed // nil: index after the crawl
	mu      sync.Mutex // guards sum's counters updated by the sink
}

// crawlSources returns the configured sources, or the bundled sample.
func (n *nightly) crawlSources() ([]crawl.Source, error) {
	sources, err := crawlSources(n.cfg, n.o.sources)
	if err != nil || len(sources) > 0 {
		n.sum.Sources = len(sources)
		return sources, err
	}
	dir, err := writeSample(n.cfg.Data)
	if err != nil {
		return nil, err
	}
	n.logger.Info("no sources configured: crawling the bundled sample corpus", "dir", dir)
	n.sum.Sources = 1
	return []crawl.Source{{Name: "sample", URL: dir, Kind: "file"}}, nil
}

func (n *nightly) run(ctx context.Context) error {
	if err := n.crawl(ctx); err != nil || ctx.Err() != nil {
		return err
	}
	return n.after(ctx)
}

// crawl crawls every source, indexing while it goes. A store or an index
// that cannot be written (full disk, damage) stops the crawl at the first
// failure instead of failing every page after it.
func (n *nightly) crawl(ctx context.Context) error {
	prog := newProgress(n.a.stderr, n.o.progress, n.logger)
	crawlCtx, stopCrawl := context.WithCancelCause(ctx)
	defer stopCrawl(nil)
	n.feed = openIndexFeed(ctx, n.cfg.Data, n.store, n.cls.Version(), n.logger,
		func(err error) { stopCrawl(&indexError{err: err}) })
	crawler, err := crawl.New(crawlOptions(n.cfg, n.logger, prog.page))
	if err != nil {
		return &usageError{msg: err.Error()}
	}
	stats, crawlErr := crawler.Run(crawlCtx, n.sources, stoppingValidators{n.store, stopCrawl}, n.sink(stopCrawl))
	prog.done()
	if stats != nil {
		n.sum.addCrawlStats(stats)
	}
	stopped := context.Cause(crawlCtx)
	if n.feed != nil && (crawlErr != nil || stopped != nil) {
		n.feed.abort()
	}
	var se *storeError
	var ie *indexError
	switch {
	case ctx.Err() != nil:
		// Everything stored so far is safe in the store; the next run
		// indexes it. Nothing is half-written in the index.
		return n.interrupted(ctx)
	case errors.As(stopped, &se):
		return n.stop(keeping("the articles stored before stay stored", se.err))
	case errors.As(stopped, &ie):
		return n.stop(keeping("the articles stored before stay stored; the previous index generation stays published", ie.err))
	case crawlErr != nil:
		return fmt.Errorf("crawl: %w", crawlErr)
	}
	return nil
}

// sink classifies, stores and feeds the index each extracted article.
func (n *nightly) sink(stopCrawl context.CancelCauseFunc) func(context.Context, *corpus.Article) error {
	return func(ctx context.Context, art *corpus.Article) error {
		n.cls.Classify(art)
		res, err := n.store.Put(art)
		if err != nil {
			if !errors.Is(err, corpus.ErrDuplicate) {
				stopCrawl(&storeError{err: err})
			}
			return err
		}
		if n.feed != nil && res != corpus.Unchanged {
			n.feed.add(ctx, art)
		}
		n.mu.Lock()
		defer n.mu.Unlock()
		n.sum.count(art, res)
		return nil
	}
}

// count adds a stored article to the summary.
func (s *runSummary) count(art *corpus.Article, res corpus.PutResult) {
	switch res {
	case corpus.Added:
		s.Added++
	case corpus.Updated:
		s.Updated++
	default:
		s.Unchanged++
	}
	s.ByLang[art.Lang]++
	if art.IsOutage {
		s.OutageArticles++
		for _, out := range art.Outages {
			s.ByCause[out.Cause]++
		}
	}
}

// after finishes the index, regroups events, backs up and reports.
func (n *nightly) after(ctx context.Context) error {
	var err error
	if n.feed != nil {
		err = n.feed.finish(ctx, n.sum)
	} else {
		err = indexNew(ctx, n.cfg.Data, n.store, n.cls.Version(), n.logger, n.sum)
	}
	if err != nil {
		if ctx.Err() != nil {
			return n.interrupted(ctx)
		}
		return n.stop(keeping("the previous index generation stays published", err))
	}
	restoreGC := lowerGC(regroupGCPercent)
	n.sum.Events, err = updateEvents(ctx, n.cfg.Data, n.store, n.cls.Parents(), n.logger)
	restoreGC()
	if err != nil {
		return n.stop(keeping("the articles are stored and indexed; the previous events stay", err))
	}
	if n.cfg.Backup != "" {
		if n.sum.Backup, err = nightlyBackup(n.cfg.Backup, n.cfg.BackupKeep, n.store, time.Now()); err != nil {
			return n.stop(keeping("the articles are stored and indexed; the older backups are kept", err))
		}
	}
	failed := 0
	for _, c := range n.sum.Failed {
		failed += c
	}
	code := exitOK
	if failed > 0 {
		code = exitPartial
	}
	if err := n.o.finish(n.a, n.logger, n.sum, code); err != nil {
		return keeping("the articles are stored and indexed", err)
	}
	if failed > 0 {
		return &partialError{msg: fmt.Sprintf("finished, but %d page(s) failed (see the summary)", failed)}
	}
	return nil
}

// interrupted ends a run cancelled by Ctrl-C or a signal.
func (n *nightly) interrupted(ctx context.Context) error {
	n.sum.Interrupted = true
	n.o.finish(n.a, n.logger, n.sum, exitInterrupted)
	return ctx.Err()
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
func (n *nightly) stop(err error) error {
	n.sum.Stopped = err.Error()
	if msg, ok := diskMessage(err); ok {
		n.sum.Stopped = msg
	}
	if ferr := n.o.finish(n.a, n.logger, n.sum, exitFailed); ferr != nil {
		n.logger.Warn("run report not written", "err", ferr)
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
	n, docs, err := indexBuild{dir: dir, store: store, from: meta.Watermark, to: last, classifier: classifier, logger: logger}.write(ctx)
	sum.Indexed, sum.IndexDocs = n, docs
	return err
}

// indexBuild is one copy of stored articles into a new index generation.
type indexBuild struct {
	dir        string        // the index folder
	store      *corpus.Store // where the articles are read
	from, to   uint64        // copy the articles changed after from; publish with watermark to
	classifier string        // the classifier version the index records
	fresh      bool          // start from an empty generation, not the current one
	logger     *slog.Logger
}

// write copies every article changed after b.from into a new index
// generation (an empty one when fresh) and publishes it with watermark
// b.to. It returns how many articles it copied and how many documents
// the published index holds.
func (b indexBuild) write(ctx context.Context) (int, uint64, error) {
	open := index.OpenWriter
	if b.fresh {
		open = index.OpenFreshWriter
	}
	w, err := open(ctx, b.dir, index.Options{Logger: b.logger})
	if err != nil {
		return 0, 0, fmt.Errorf("index %s: %w", b.dir, err)
	}
	n, err := b.copyArticles(ctx, w)
	if err != nil {
		w.Abort()
		return n, 0, fmt.Errorf("index %s: %w", b.dir, err)
	}
	if err := w.Commit(ctx, index.Meta{Watermark: b.to, Classifier: b.classifier}); err != nil {
		w.Abort() // frees the unfinished generation's space
		return n, 0, fmt.Errorf("index %s: commit: %w", b.dir, err)
	}
	meta, err := index.ReadMeta(b.dir) // the count of documents the commit recorded
	if err != nil {
		return n, 0, fmt.Errorf("index %s: %w", b.dir, err)
	}
	return n, meta.Docs, nil
}

// copyArticles puts every article changed after b.from into w, in
// batches, and returns how many it put.
func (b indexBuild) copyArticles(ctx context.Context, w *index.Writer) (int, error) {
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
	err := b.store.Since(b.from, func(a *corpus.Article) error {
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
	return n, err
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
