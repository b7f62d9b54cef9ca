package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"outages/classify"
	"outages/corpus"
	"outages/index"
)

type checkOptions struct {
	dataOptions
	repair bool
}

func checkCommand() command {
	return command{
		name:    "check",
		summary: "verify the store and the index; --repair salvages a damaged store and republishes or rebuilds the index",
		usage:   "[flags]",
		examples: `  outages check
  outages check --repair --data /var/lib/outages`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o checkOptions
			o.dataOptions.bind(fs)
			fs.BoolVar(&o.repair, "repair", false, "salvage every readable article into a new store (the damaged file is kept beside it) and republish or rebuild the index")
			return o.run
		},
	}
}

// checkResult is what verifying a data directory found.
type checkResult struct {
	storeProblems []error
	indexProblems []error
	store         corpus.CheckReport
	meta          index.Meta
}

func (r checkResult) ok() bool { return len(r.storeProblems)+len(r.indexProblems) == 0 }

func (o *checkOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	if _, err := os.Stat(cfg.Data); err != nil {
		return fmt.Errorf("data directory %s: %w", cfg.Data, err)
	}
	// A run holds the store open: check when it has finished (the lock
	// error says so) rather than read a store being written.
	lock, err := lockDataDir(cfg.Data)
	if err != nil {
		return err
	}
	defer lock.release()
	res := verifyData(ctx, cfg.Data)
	printCheck(a.stdout, cfg.Data, res)
	if res.ok() {
		return nil
	}
	if !o.repair {
		return fmt.Errorf("found %d problem(s): run 'outages check --repair --data %s'",
			len(res.storeProblems)+len(res.indexProblems)+res.store.Truncated, cfg.Data)
	}
	logger, err := newLogger(a.stderr, "text", "warn")
	if err != nil {
		return err
	}
	cls, err := classify.New(classify.Options{RulesDir: cfg.RulesDir, Logger: logger})
	if err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	if err := repairData(ctx, a.stdout, cfg.Data, res, cls.Version(), logger); err != nil {
		return err
	}
	res = verifyData(ctx, cfg.Data)
	fmt.Fprintln(a.stdout, "after repair:")
	printCheck(a.stdout, cfg.Data, res)
	if !res.ok() {
		return errors.New("problems remain after the repair")
	}
	return nil
}

// verifyData checks the store, then the index against it.
func verifyData(ctx context.Context, dir string) checkResult {
	var res checkResult
	idxDir := filepath.Join(dir, indexDir)
	meta, idxProblems := index.Verify(idxDir)
	if len(idxProblems) == 1 && errors.Is(idxProblems[0], index.ErrNoIndex) {
		idxProblems = nil
	}
	res.meta = meta
	if _, err := os.Stat(filepath.Join(dir, storeFile)); errors.Is(err, fs.ErrNotExist) && meta.Generation == "" {
		res.indexProblems = idxProblems
		return res // nothing stored yet
	}
	store, err := corpus.OpenStore(filepath.Join(dir, storeFile), corpus.StoreOptions{ReadOnly: true, Timeout: 2 * time.Second})
	if err != nil {
		res.storeProblems = []error{err}
		res.indexProblems = idxProblems
		return res
	}
	defer store.Close()
	res.store = store.Check(ctx, meta.Watermark)
	res.storeProblems = res.store.Problems
	if len(idxProblems) == 0 && meta.Generation != "" && len(res.storeProblems) == 0 {
		switch {
		case meta.Watermark > res.store.LastSeq:
			idxProblems = append(idxProblems, fmt.Errorf("%s: the index holds changes up to %d but the store only %d", idxDir, meta.Watermark, res.store.LastSeq))
		case uint64(res.store.UpTo) != meta.Docs:
			idxProblems = append(idxProblems, fmt.Errorf("%s: the index holds %d articles, the store %d up to the index's change %d",
				idxDir, meta.Docs, res.store.UpTo, meta.Watermark))
		}
	}
	res.indexProblems = idxProblems
	return res
}

func printCheck(w io.Writer, dir string, res checkResult) {
	if len(res.storeProblems) == 0 {
		fmt.Fprintf(w, "store %s: ok, %d articles (last change %d)\n", filepath.Join(dir, storeFile), res.store.Articles, res.store.LastSeq)
	}
	for _, p := range res.storeProblems {
		fmt.Fprintf(w, "problem: %v\n", p)
	}
	if res.store.Truncated > 0 {
		fmt.Fprintf(w, "problem: … and %d more in the store\n", res.store.Truncated)
	}
	switch {
	case len(res.indexProblems) > 0:
		for _, p := range res.indexProblems {
			fmt.Fprintf(w, "problem: %v\n", p)
		}
	case res.meta.Generation == "":
		fmt.Fprintf(w, "index %s: none published yet\n", filepath.Join(dir, indexDir))
	default:
		fmt.Fprintf(w, "index %s: ok, %s, %d articles up to change %d\n", filepath.Join(dir, indexDir), res.meta.Generation, res.meta.Docs, res.meta.Watermark)
	}
}

// repairData salvages the store when it has problems (then rebuilds the
// index), else republishes the newest sound index generation, rebuilding
// the index when none agrees with the store.
func repairData(ctx context.Context, w io.Writer, dir string, res checkResult, classifier string, logger *slog.Logger) error {
	rebuild := false
	if len(res.storeProblems) > 0 {
		if err := salvageStore(ctx, w, dir); err != nil {
			return err
		}
		rebuild = true // the new store numbers its changes afresh
	} else if len(res.indexProblems) > 0 {
		meta, err := index.Republish(filepath.Join(dir, indexDir))
		switch {
		case err == nil && meta.Watermark <= res.store.LastSeq:
			fmt.Fprintf(w, "index: republished %s (%d articles)\n", meta.Generation, meta.Docs)
			rebuild = verifyData(ctx, dir).indexProblems != nil
		case err == nil || errors.Is(err, index.ErrNoIndex):
			rebuild = true
		default:
			return err
		}
	}
	if !rebuild {
		return nil
	}
	store, err := openStore(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	last, err := store.LastSeq()
	if err != nil {
		return err
	}
	n, docs, err := indexBuild{dir: filepath.Join(dir, indexDir), store: store, to: last, classifier: classifier, fresh: true, logger: logger}.write(ctx)
	if err != nil {
		return keeping("the repaired store is kept", err)
	}
	fmt.Fprintf(w, "index: rebuilt from %d stored articles; it holds %d\n", n, docs)
	return nil
}

// salvageStore moves the damaged store aside (never deleting it) and
// copies every readable article into a new one.
func salvageStore(ctx context.Context, w io.Writer, dir string) error {
	path := filepath.Join(dir, storeFile)
	kept := fmt.Sprintf("%s.damaged-%s", path, time.Now().UTC().Format("20060102T150405Z"))
	if err := os.Rename(path, kept); err != nil {
		return fmt.Errorf("repair: keep the damaged store as %s: %w", kept, err)
	}
	if err := dropInputCache(dir); err != nil {
		return err
	}
	store, err := openStore(dir)
	if err != nil {
		return err
	}
	defer store.Close()
	dups := 0
	rep, err := corpus.Salvage(ctx, kept, func(a *corpus.Article) error {
		a.Seq = 0
		_, err := store.Put(a)
		if errors.Is(err, corpus.ErrDuplicate) {
			dups++
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("repair: salvage %s: %w", kept, err)
	}
	fmt.Fprintf(w, "store: salvaged %d articles into a new %s; the damaged file is kept as %s\n", rep.Articles-dups, path, kept)
	if dups > 0 {
		fmt.Fprintf(w, "store: %d salvaged copies had the text of another article and were dropped\n", dups)
	}
	if len(rep.Lost) == 0 {
		fmt.Fprintln(w, "store: no article was lost")
	} else {
		fmt.Fprintf(w, "store: LOST %d articles (the next run fetches them again if their sources still list them):\n", len(rep.Lost))
		for i, u := range rep.Lost {
			if i == 20 {
				fmt.Fprintf(w, "  … and %d more\n", len(rep.Lost)-20)
				break
			}
			fmt.Fprintf(w, "  %s\n", u)
		}
	}
	return store.Close()
}

// scanStore reads the structure of the store before a query, so that a
// damaged archive is reported even while the index still answers. A store
// held by a run is not waited for (the run reads it itself), and a data
// directory with only an index is fine. The walk costs 75 ms per 100,000
// articles (BenchmarkScan), so a store whose size and modification time are
// those of the last walk that found it whole is not walked again: any write
// to the file (a run, a damaging copy or dd) changes its modification time.
func scanStore(dir string) error {
	path := filepath.Join(dir, storeFile)
	stamp := storeStamp(dir)
	if stamp == "" || storeWhole(dir) {
		return nil
	}
	s, err := corpus.OpenStore(path, corpus.StoreOptions{ReadOnly: true, Timeout: 50 * time.Millisecond})
	if errors.Is(err, corpus.ErrDamaged) {
		return err
	}
	if err != nil {
		return nil
	}
	defer s.Close()
	if err := s.Scan(context.Background()); err != nil {
		return err
	}
	writeStamp(filepath.Join(dir, scannedFile), stamp) // a cache: a read-only data directory only costs the next walk
	return nil
}

// scannedFile records the size and modification time of the store when a
// walk last found it whole, or a run that opened it whole left it
// (closeStore).
const scannedFile = "store-scanned"

// writeStamp replaces path with content atomically, ignoring failures.
func writeStamp(path, content string) {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		os.Remove(tmp)
		return
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
	}
}
