package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"

	"outages/corpus"
	"outages/index"
)

// indexFeed indexes the articles a run stores while the crawl goes on:
// the sink hands each new or changed article over, one goroutine puts it
// into a new index generation (Bleve batches are applied while pages are
// still being fetched), and finish catches up on what an earlier run stored
// but did not index, then publishes the generation once, at the end, with
// the store's last sequence number as its watermark. The index therefore
// changes exactly as when everything is indexed after the crawl.
type indexFeed struct {
	dir        string
	store      *corpus.Store
	classifier string
	logger     *slog.Logger
	meta       index.Meta // of the published generation
	fresh      bool       // there was no index
	startSeq   uint64     // the store's last sequence number before the crawl
	w          *index.Writer
	ch         chan *corpus.Article
	done       chan struct{}
	mu         sync.Mutex
	err        error       // first error of the indexing goroutine
	n          int         // articles put
	onFail     func(error) // told the first error at once (it stops the crawl)
}

// openIndexFeed opens the writer of the next generation. It returns nil
// (and the run indexes after the crawl, as indexNew decides) when there is
// no usable index to add to: a schema change or an unreadable index.
// onFail is called with the first indexing error, from the indexing
// goroutine.
func openIndexFeed(ctx context.Context, dataDir string, store *corpus.Store, classifier string, logger *slog.Logger, onFail func(error)) *indexFeed {
	dir := filepath.Join(dataDir, indexDir)
	meta, err := index.ReadMeta(dir)
	switch {
	case errors.Is(err, index.ErrNoIndex):
		meta = index.Meta{}
	case err != nil || meta.SchemaVersion != index.SchemaVersion:
		return nil
	}
	start, err := store.LastSeq()
	if err != nil {
		return nil
	}
	w, err := index.OpenWriter(ctx, dir, index.Options{Logger: logger})
	if err != nil {
		logger.Warn("index: cannot index during the crawl; indexing after it", "err", err)
		return nil
	}
	f := &indexFeed{dir: dir, store: store, classifier: classifier, logger: logger, meta: meta,
		fresh: meta.SchemaVersion == 0, startSeq: start, w: w, ch: make(chan *corpus.Article, 256), done: make(chan struct{}),
		onFail: onFail}
	go f.loop(ctx)
	return f
}

func (f *indexFeed) loop(ctx context.Context) {
	defer close(f.done)
	for a := range f.ch {
		if f.failed() {
			continue // drain: the sink must never block on a dead writer
		}
		if err := f.w.Put(ctx, a); err != nil {
			f.fail(err)
			continue
		}
		f.n++
	}
}

func (f *indexFeed) fail(err error) {
	f.mu.Lock()
	first := f.err == nil
	if first {
		f.err = fmt.Errorf("index %s: %w", f.dir, err)
	}
	f.mu.Unlock()
	if first && f.onFail != nil {
		f.onFail(f.err)
	}
}

func (f *indexFeed) failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err != nil
}

// add hands a stored article (added or updated) to the index.
func (f *indexFeed) add(ctx context.Context, a *corpus.Article) {
	select {
	case f.ch <- a:
	case <-ctx.Done():
	}
}

// stop ends the indexing goroutine and returns its first error.
func (f *indexFeed) stop() error {
	close(f.ch)
	<-f.done
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err
}

// abort drops the unpublished generation (interrupted run): the next run
// indexes what this one stored.
func (f *indexFeed) abort() {
	f.stop()
	f.w.Abort()
}

// finish catches up on articles stored before this run and not indexed
// yet, then publishes the generation (or drops it when nothing changed).
func (f *indexFeed) finish(ctx context.Context, sum *runSummary) error {
	if err := f.stop(); err != nil {
		f.w.Abort()
		return err
	}
	if f.meta.Classifier != "" && f.meta.Classifier != f.classifier {
		sum.Warnings = append(sum.Warnings, fmt.Sprintf(
			"the classification rules changed since older articles were indexed: run 'outages reindex --data %s' to re-classify them", filepath.Dir(f.dir)))
	}
	errStop := errors.New("caught up")
	err := f.store.Since(f.meta.Watermark, func(a *corpus.Article) error {
		if a.Seq > f.startSeq {
			return errStop // stored by this run: already indexed
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		f.n++
		return f.w.Put(ctx, a)
	})
	if err != nil && !errors.Is(err, errStop) {
		f.w.Abort()
		return fmt.Errorf("index %s: %w", f.dir, err)
	}
	last, err := f.store.LastSeq()
	if err != nil {
		f.w.Abort()
		return err
	}
	if !f.fresh && last <= f.meta.Watermark {
		sum.IndexDocs = f.meta.Docs
		return f.w.Abort() // nothing new: no new generation
	}
	if err := f.w.Commit(ctx, index.Meta{Watermark: last, Classifier: f.classifier}); err != nil {
		f.w.Abort() // frees the unfinished generation's space
		return fmt.Errorf("index %s: commit: %w", f.dir, err)
	}
	meta, err := index.ReadMeta(f.dir)
	if err != nil {
		return fmt.Errorf("index %s: %w", f.dir, err)
	}
	sum.Indexed, sum.IndexDocs = f.n, meta.Docs
	return nil
}
