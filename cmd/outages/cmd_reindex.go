package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"outages/classify"
	"outages/corpus"
)

type reindexOptions struct {
	dataOptions
	noClassify bool
}

func reindexCommand() command {
	return command{
		name:    "reindex",
		summary: "rebuild the index from the stored articles (after a schema or rules change), without re-crawling",
		usage:   "[flags]",
		examples: `  outages reindex
  outages reindex --data /var/lib/outages --config /etc/outages/outages.toml`,
		setup: func(fs *flag.FlagSet) func(context.Context, *app, []string) error {
			var o reindexOptions
			o.bind(fs)
			return o.run
		},
	}
}

func (o *reindexOptions) run(ctx context.Context, a *app, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	cfg, err := o.load()
	if err != nil {
		return err
	}
	logger, err := newLogger(a.stderr, "text", "info")
	if err != nil {
		return err
	}
	lock, err := lockDataDir(cfg.Data)
	if err != nil {
		return err
	}
	defer lock.release()
	store, err := openStore(cfg.Data)
	if err != nil {
		return err
	}
	defer store.Close()
	start := time.Now()
	cls, err := classify.New(classify.Options{RulesDir: cfg.RulesDir, Logger: logger})
	if err != nil {
		return &usageError{msg: fmt.Sprintf("rules: %v", err)}
	}
	changed := 0
	if !o.noClassify {
		if changed, err = reclassify(ctx, store, cls, logger); err != nil {
			return err
		}
	}
	last, err := store.LastSeq()
	if err != nil {
		return err
	}
	n, docs, err := indexBuild{dir: filepath.Join(cfg.Data, indexDir), store: store, to: last, classifier: cls.Version(), fresh: true, logger: logger}.write(ctx)
	if err != nil {
		return err
	}
	nev, err := updateEvents(ctx, cfg.Data, store, cls.Parents(), logger)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "grouped the outages into %d events\n", nev)
	fmt.Fprintf(a.stdout, "reindexed %d articles (%d re-classified differently) into a new index generation in %.1fs; the index holds %d articles\n",
		n, changed, time.Since(start).Seconds(), docs)
	return nil
}

// reclassify classifies every stored article again and stores the
// result; it returns how many came out differently. A damaged store or a
// full disk stops it.
func reclassify(ctx context.Context, store *corpus.Store, cls *classify.Classifier, logger *slog.Logger) (int, error) {
	// Collect first, then write: Since reads one snapshot and must not
	// see its own writes. IDs only, to keep memory flat.
	var ids []string
	if err := store.All(func(art *corpus.Article) error {
		ids = append(ids, art.ID)
		return ctx.Err()
	}); err != nil {
		return 0, err
	}
	changed := 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return changed, err
		}
		art, err := store.Get(id)
		if err != nil {
			return changed, err
		}
		if art == nil {
			continue
		}
		cls.Classify(art)
		res, err := store.Put(art)
		if errors.Is(err, corpus.ErrDuplicate) {
			logger.Warn("re-classify", "url", art.URL, "err", err)
			continue
		}
		if err != nil {
			return changed, err
		}
		if res != corpus.Unchanged {
			changed++
		}
	}
	return changed, nil
}

// bind binds the flags of reindexOptions to fs.
func (o *reindexOptions) bind(fs *flag.FlagSet) {
	o.dataOptions.bind(fs)
	fs.BoolVar(&o.noClassify, "no-classify", false, "keep the stored classification (only rebuild the index)")
}
