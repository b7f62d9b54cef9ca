package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/sync/errgroup"

	"outages/corpus"
)

// DefaultBatchSize is the number of articles of one partition buffered
// before a flush when Options.BatchSize is zero. Measured with
// BenchmarkIndexBatchSize: 500 costs 25% more CPU per article than 1000
// for no memory gain worth having.
const DefaultBatchSize = 1000

// Options configure a Writer. The zero value is ready to use.
type Options struct {
	BatchSize int          // articles per Bleve batch; 0 means DefaultBatchSize
	Logger    *slog.Logger // nil discards
}

// partition is one month index of the generation being written.
type partition struct {
	name     string
	path     string
	idx      bleve.Index
	writable bool
	batch    *bleve.Batch
	docs     map[string]*corpus.Article // articles put since the last flush, mapped when flushed
	pending  int

	// failure is the writer's: one partition that cannot write stops
	// them all (see asyncerr.go).
	failure *failure
}

// maxPendingBatches bounds the articles buffered over all partitions, in
// batches: a partition is flushed when it holds BatchSize articles, all
// are when they hold maxPendingBatches*BatchSize together.
const maxPendingBatches = 8

// Writer builds a new generation. It is not safe for concurrent use.
type Writer struct {
	dir     string
	gen     string // name of the generation being written
	genDir  string
	base    Meta
	opts    Options
	log     *slog.Logger
	mapping *mapping.IndexMappingImpl
	lock    *flock

	parts   map[string]*partition
	pending map[string]string // id → partition of its pending op ("" = delete)
	done    bool
	failure failure // the first background write failure of any partition

	// beforePublish, when set (by tests), runs after the generation is
	// complete on disk and before CURRENT names it.
	beforePublish func()
}

// OpenWriter starts a new generation holding the articles of the current
// one (or none). The new generation shares the current one's immutable
// segment files through hard links; partitions are copied only when written.
func OpenWriter(ctx context.Context, dir string, opts Options) (*Writer, error) {
	return openWriter(ctx, dir, opts, false)
}

// OpenFreshWriter starts an empty generation (for a reindex after a schema
// or rules change). The current generation stays published until Commit.
func OpenFreshWriter(ctx context.Context, dir string, opts Options) (*Writer, error) {
	return openWriter(ctx, dir, opts, true)
}

func openWriter(ctx context.Context, dir string, opts Options, fresh bool) (*Writer, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("index: create %s: %w", dir, err)
	}
	lock, ok, err := tryLock(filepath.Join(dir, writerLock), true, true)
	if err != nil {
		return nil, fmt.Errorf("index: lock %s: %w", dir, err)
	}
	if !ok {
		return nil, fmt.Errorf("index: %s: another writer is active", dir)
	}
	w := &Writer{dir: dir, opts: opts, log: log, lock: lock, parts: map[string]*partition{}, pending: map[string]string{},
		failure: failure{failed: make(chan struct{})}}
	if err := w.start(fresh); err != nil {
		lock.unlock()
		return nil, err
	}
	return w, nil
}

func (w *Writer) start(fresh bool) error {
	m, err := newMapping()
	if err != nil {
		return err
	}
	w.mapping = m
	cur, err := readCurrent(w.dir)
	if errors.Is(err, ErrDamaged) && fresh {
		// A fresh generation needs nothing of the old one: it replaces
		// the damaged pointer when published.
		w.log.Warn("index: the published generation is unreadable; the new generation replaces it", "err", err)
		cur, err = "", nil
	}
	if err != nil && !errors.Is(err, ErrNoIndex) {
		return err
	}
	// Leftovers of crashed writers and generations no reader holds.
	removed, err := removeUnused(w.dir, cur)
	if len(removed) > 0 {
		w.log.Info("index: removed old generations", "dir", w.dir, "generations", removed)
	}
	if err != nil {
		w.log.Warn("index: cleanup", "err", err)
	}
	names, err := listGenerations(w.dir)
	if err != nil {
		return fmt.Errorf("index: list %s: %w", w.dir, err)
	}
	var next uint64 = 1
	for _, n := range append(names, cur) {
		if k, ok := genNumber(n); ok && k >= next {
			next = k + 1
		}
	}
	w.gen = genName(next)
	w.genDir = filepath.Join(w.dir, w.gen)
	if err := os.Mkdir(w.genDir, 0o755); err != nil {
		return fmt.Errorf("index: create generation: %w", err)
	}
	if cur == "" || fresh {
		if cur != "" {
			if bm, err := readGenMeta(filepath.Join(w.dir, cur)); err == nil {
				w.base = bm.Meta
				w.base.Watermark = 0
			}
		}
		return nil
	}
	bm, err := readGenMeta(filepath.Join(w.dir, cur))
	if err != nil {
		_ = os.RemoveAll(w.genDir)
		return err
	}
	w.base = bm.Meta
	if bm.SchemaVersion != SchemaVersion {
		_ = os.RemoveAll(w.genDir)
		return fmt.Errorf("index: %s: generation %s has schema %d, want %d: reindex with a fresh writer",
			w.dir, cur, bm.SchemaVersion, SchemaVersion)
	}
	for _, p := range bm.Partitions {
		src := partDir(filepath.Join(w.dir, cur), p)
		dst := partDir(w.genDir, p)
		if err := linkTree(src, dst); err != nil {
			_ = os.RemoveAll(w.genDir)
			return fmt.Errorf("index: link partition %s: %w", src, err)
		}
		w.parts[p] = &partition{name: p, path: dst}
	}
	return nil
}

// Base returns the meta of the generation the writer started from
// (Watermark 0 when the writer is fresh or there was none).
func (w *Writer) Base() Meta { return w.base }

// Put adds or replaces articles by ID. Writes are buffered per
// partition and flushed every BatchSize articles of a partition (and all
// together when 8*BatchSize are buffered). The writer keeps the articles
// until they are flushed: callers must not modify them after Put.
func (w *Writer) Put(ctx context.Context, articles ...*corpus.Article) error {
	if w.done {
		return errors.New("index: put on a finished writer")
	}
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		if a == nil {
			return errors.New("index: put nil article")
		}
		if a.ID == "" {
			return fmt.Errorf("index: put article %q: empty ID", a.URL)
		}
		name := partitionOf(a)
		p, err := w.writablePart(name)
		if err != nil {
			return err
		}
		if prev, ok := w.pending[a.ID]; ok && prev != name && prev != "" {
			w.parts[prev].unput(a.ID)
		}
		p.docs[a.ID] = a
		w.pending[a.ID] = name
		p.pending++
		if p.pending >= w.opts.BatchSize {
			if err := w.flushPart(ctx, p); err != nil {
				return err
			}
		}
		if len(w.pending) >= maxPendingBatches*w.opts.BatchSize {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// Delete removes articles by ID (unknown IDs are ignored).
func (w *Writer) Delete(ctx context.Context, ids ...string) error {
	if w.done {
		return errors.New("index: delete on a finished writer")
	}
	for _, id := range ids {
		if prev, ok := w.pending[id]; ok && prev != "" {
			w.parts[prev].unput(id)
		}
		w.pending[id] = ""
		if len(w.pending) >= maxPendingBatches*w.opts.BatchSize {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

// openPart opens a partition of the new generation, read-only unless
// writable. A partition that is only hard-linked becomes private (its
// mutable root.bolt copied) before it is opened for writing.
func (w *Writer) openPart(name string, writable bool) (*partition, error) {
	p := w.parts[name]
	if p == nil {
		p = &partition{name: name, path: partDir(w.genDir, name)}
		w.parts[name] = p
	}
	p.failure = &w.failure
	if p.idx != nil && (p.writable || !writable) {
		return p, nil
	}
	if p.idx != nil { // reopen read-write
		if err := p.close(); err != nil {
			return nil, fmt.Errorf("index: close partition %s: %w", name, err)
		}
		p.idx = nil
	}
	_, statErr := os.Stat(p.path)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if !writable {
			return p, nil
		}
		registerAsyncErrors()
		p.route()
		idx, err := bleve.NewUsing(p.path, w.mapping, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore,
			writerConfig())
		if err != nil {
			return nil, fmt.Errorf("index: create partition %s: %w", p.path, err)
		}
		p.idx, p.writable = idx, true
	case statErr != nil:
		return nil, fmt.Errorf("index: partition %s: %w", p.path, statErr)
	default:
		cfg := map[string]interface{}{"read_only": true}
		if writable {
			if err := removeFacetTable(p.path); err != nil {
				return nil, fmt.Errorf("index: partition %s: %w", p.path, err)
			}
			bolt := filepath.Join(p.path, "store", "root.bolt")
			if err := copyFile(bolt, bolt); err != nil {
				return nil, fmt.Errorf("index: copy %s: %w", bolt, err)
			}
			cfg = writerConfig()
			registerAsyncErrors()
			p.route()
		}
		idx, err := bleve.OpenUsing(p.path, cfg)
		if err != nil {
			return nil, fmt.Errorf("index: open partition %s: %w", p.path, err)
		}
		p.idx, p.writable = idx, writable
	}
	return p, nil
}

// writerConfig is the scorch configuration of partitions opened for
// writing: batches do not wait for fsync; Commit waits for persistence and
// syncs everything before publishing. (Scorch's default merge policy was
// kept: a wider tier measured no faster with BenchmarkIndex and leaves more
// segments to search; merging in memory before persisting was slower.)
// Background write failures go to the partition (asyncerr.go).
func writerConfig() map[string]interface{} {
	return map[string]interface{}{"unsafe_batch": true, "asyncErrorCallbackName": asyncErrorCallback}
}

// close closes the partition's index and stops routing its failures.
func (p *partition) close() error {
	err := p.idx.Close()
	p.idx = nil
	p.unroute()
	return err
}

func (w *Writer) writablePart(name string) (*partition, error) {
	p, err := w.openPart(name, true)
	if err != nil {
		return nil, err
	}
	if p.batch == nil {
		p.batch = p.idx.NewBatch()
	}
	if p.docs == nil {
		p.docs = map[string]*corpus.Article{}
	}
	return p, nil
}

// unput withdraws an article put in the partition since the last flush
// and deletes the partition's copy of it, if any.
func (p *partition) unput(id string) {
	delete(p.docs, id)
	p.batch.Delete(id)
}

// flush removes stale copies of the pending IDs from other partitions and
// applies every partition's batch.
func (w *Writer) flush(ctx context.Context) error {
	if err := w.dropStale(ctx, slices.Collect(maps.Keys(w.pending)), ""); err != nil {
		return err
	}
	// Partitions are independent indexes, so their batches may be applied
	// in parallel; Bleve already analyses one batch on every core, and
	// each batch in flight holds its analysed documents, so only half the
	// cores' worth run at once (on 2 cores: one; measured 406 MiB peak Go
	// memory for 100,000 articles instead of 490 with two, at the same
	// throughput).
	var g errgroup.Group
	g.SetLimit(max(1, runtime.GOMAXPROCS(0)/2))
	for _, n := range sortedKeys(w.parts) {
		p := w.parts[n]
		g.Go(func() error { return w.apply(p) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	clear(w.pending)
	return nil
}

// flushPart applies one partition's batch, after removing the copies of
// its articles held by other partitions (those deletes are queued in the
// other partitions' batches).
func (w *Writer) flushPart(ctx context.Context, p *partition) error {
	var ids []string
	for id, n := range w.pending {
		if n == p.name {
			ids = append(ids, id)
		}
	}
	if err := w.dropStale(ctx, ids, p.name); err != nil {
		return err
	}
	if err := w.apply(p); err != nil {
		return err
	}
	for _, id := range ids {
		delete(w.pending, id)
	}
	return nil
}

// dropStale queues the deletion of ids from every partition but the one
// each is pending for. skip names a partition not to look into.
func (w *Writer) dropStale(ctx context.Context, ids []string, skip string) error {
	if len(ids) == 0 {
		return nil
	}
	for _, n := range sortedKeys(w.parts) {
		if n == skip {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		p, err := w.openPart(n, false)
		if err != nil {
			return err
		}
		if p.idx == nil {
			continue
		}
		found, err := lookupIDs(ctx, p.idx, ids)
		if err != nil {
			return fmt.Errorf("index: look up ids in partition %s: %w", n, err)
		}
		for _, id := range found {
			if w.pending[id] == n {
				continue // replaced in place by the pending batch
			}
			if _, err := w.writablePart(n); err != nil {
				return err
			}
			p.batch.Delete(id)
			p.pending++
		}
	}
	return nil
}

// apply writes a partition's batch.
func (w *Writer) apply(p *partition) error {
	if err := w.failure.get(); err != nil {
		return err // scorch cannot persist: stop before it spins
	}
	if p.batch == nil || p.pending == 0 {
		return nil
	}
	// Articles become Bleve documents only now: a mapped document holds
	// the body three times (two text fields and the stored article), and
	// up to maxPendingBatches*BatchSize articles wait here.
	for id, a := range p.docs {
		doc, err := document(a)
		if err != nil {
			return err
		}
		if err := p.batch.Index(id, doc); err != nil {
			return fmt.Errorf("index: put article %s: %w", id, err)
		}
	}
	clear(p.docs)
	if err := p.idx.Batch(p.batch); err != nil {
		return fmt.Errorf("index: write partition %s: %w", p.name, err)
	}
	// A fresh batch, not Reset: scorch's Batch leaves a goroutine that may
	// still range over the old batch's operations after it returns (a data
	// race that -race reports in bleve v2.6.1).
	p.batch = p.idx.NewBatch()
	p.pending = 0
	return nil
}

// lookupIDs returns which of ids the index holds.
func lookupIDs(ctx context.Context, idx bleve.Index, ids []string) ([]string, error) {
	req := bleve.NewSearchRequestOptions(query.NewDocIDQuery(ids), len(ids), 0, false)
	req.SortBy([]string{"_doc"})
	res, err := idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out, nil
}

// Commit flushes, closes and publishes the generation atomically as the
// current one. m supplies Watermark and Classifier; SchemaVersion, Docs,
// Generation (and Created when zero) are filled in. Readers opened before
// keep their generation until they close.
func (w *Writer) Commit(ctx context.Context, m Meta) error {
	if w.done {
		return errors.New("index: commit on a finished writer")
	}
	counts, err := w.finishAll(ctx)
	if err != nil {
		return err
	}
	var docs uint64
	var parts []string
	for _, n := range sortedKeys(w.parts) {
		if c := counts[n]; c > 0 {
			docs += c
			parts = append(parts, n)
		}
	}
	if err := os.WriteFile(filepath.Join(w.genDir, lockFile), nil, 0o644); err != nil {
		return fmt.Errorf("index: create lock file: %w", err)
	}
	if err := syncTree(w.genDir); err != nil {
		return fmt.Errorf("index: sync %s: %w", w.genDir, err)
	}
	m.SchemaVersion = SchemaVersion
	m.Docs = docs
	m.Generation = w.gen
	if m.Created.IsZero() {
		m.Created = time.Now().UTC()
	}
	if parts == nil {
		parts = []string{}
	}
	raw, err := json.MarshalIndent(genMeta{Meta: m, Partitions: parts}, "", "  ")
	if err != nil {
		return fmt.Errorf("index: encode meta: %w", err)
	}
	if err := writeFileAtomic(filepath.Join(w.genDir, metaFile), raw); err != nil {
		return fmt.Errorf("index: write meta of %s: %w", w.gen, err)
	}
	if w.beforePublish != nil {
		w.beforePublish()
	}
	if err := writeFileAtomic(filepath.Join(w.dir, currentFile), []byte(w.gen+"\n")); err != nil {
		return fmt.Errorf("index: publish %s: %w", w.gen, err)
	}
	w.done = true
	w.log.Info("index: published generation", "dir", w.dir, "generation", w.gen, "docs", docs, "partitions", len(parts))
	removed, err := removeUnused(w.dir, w.gen)
	if len(removed) > 0 {
		w.log.Info("index: removed old generations", "dir", w.dir, "generations", removed)
	}
	if err != nil {
		w.log.Warn("index: cleanup", "err", err)
	}
	return w.lock.unlock()
}

// finishAll applies the last batches and finishes every partition
// (finishPart), on every core: nothing else is left to do at commit, and
// one partition's segment building, which is single-threaded, overlaps
// another's analysis or facet table. Partitions with the most pending
// articles go first. It returns each partition's number of documents.
// Unlike flush, which applies batches on half the cores to bound memory,
// it applies two at once on 2 cores: about 100 MiB more peak memory at
// the commit, under the 600 MB bound (BENCHMARKS.md, 2026-12-06 15:15).
func (w *Writer) finishAll(ctx context.Context) (map[string]uint64, error) {
	if err := w.dropStale(ctx, slices.Collect(maps.Keys(w.pending)), ""); err != nil {
		return nil, err
	}
	names := sortedKeys(w.parts)
	sort.SliceStable(names, func(i, j int) bool { return w.parts[names[i]].pending > w.parts[names[j]].pending })
	counts := make([]uint64, len(names))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, n := range names {
		p := w.parts[n]
		g.Go(func() error {
			if err := w.apply(p); err != nil {
				return err
			}
			c, err := w.finishPart(ctx, n)
			counts[i] = c
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	clear(w.pending)
	out := make(map[string]uint64, len(names))
	for i, n := range names {
		out[n] = counts[i]
	}
	return out, nil
}

// finishPart persists and closes partition n and returns its number of
// documents; an empty partition is removed. Written partitions get a new
// facet table; untouched ones keep theirs (hard-linked), or get one if
// an older version wrote them.
func (w *Writer) finishPart(ctx context.Context, n string) (uint64, error) {
	p := w.parts[n]
	if p.idx == nil {
		// untouched hard-linked partition: open to count
		if _, err := w.openPart(n, false); err != nil {
			return 0, err
		}
		if p.idx == nil {
			return 0, nil
		}
	}
	written := p.writable
	if written {
		if err := p.persist(ctx); err != nil {
			return 0, fmt.Errorf("index: persist partition %s: %w", n, err)
		}
	}
	c, err := p.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("index: count partition %s: %w", n, err)
	}
	if err := p.close(); err != nil {
		return 0, fmt.Errorf("index: close partition %s: %w", n, err)
	}
	if c == 0 {
		if err := os.RemoveAll(p.path); err != nil {
			return 0, fmt.Errorf("index: remove empty partition %s: %w", p.path, err)
		}
		return 0, nil
	}
	if written || !hasFacetTable(p.path) {
		if err := saveFacetTable(ctx, p.path); err != nil {
			return 0, fmt.Errorf("index: facet table of partition %s: %w", n, err)
		}
	}
	return c, nil
}

// persist waits until everything written to a partition is on disk, or
// until scorch reports that it cannot write it.
func (p *partition) persist(ctx context.Context) error {
	idx := p.idx
	done := make(chan error, 1)
	b := idx.NewBatch()
	b.SetInternal([]byte("outages.persist"), []byte(time.Now().UTC().Format(time.RFC3339Nano)))
	b.SetPersistedCallback(func(err error) {
		select {
		case done <- err:
		default:
		}
	})
	if err := idx.Batch(b); err != nil {
		return err
	}
	select {
	case err := <-done:
		return err
	case <-p.failure.failed:
		return p.failure.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Abort closes the writer and discards the unfinished generation.
func (w *Writer) Abort() error {
	if w.done {
		return nil
	}
	w.done = true
	var errs []error
	for _, p := range w.parts {
		if p.idx != nil {
			if err := p.close(); err != nil {
				errs = append(errs, fmt.Errorf("index: close partition %s: %w", p.name, err))
			}
		}
	}
	if err := os.RemoveAll(w.genDir); err != nil {
		errs = append(errs, fmt.Errorf("index: remove %s: %w", w.genDir, err))
	}
	errs = append(errs, w.lock.unlock())
	return errors.Join(errs...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
