package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"

	"outages/corpus"
	"outages/events"
)

// eventsInput is the data directory's cache of what grouping reads of each
// outage article (events.Article: no body), split by year of publication
// (p-YYYY.gob; p-none.gob for articles without a year) beside meta.gob:
// the store sequence the partitions are up to date with, and the events
// file grouped from them. A run decodes only the articles changed since
// (at a million articles, decoding the whole store took 50 of the 80
// seconds of regrouping), rewrites only the partitions they fall in, and
// regroups only the events they can reach (events.Regroup).
//
// Crash safety: before it writes partitions (each atomically), a run
// writes a meta.gob with the old sequence that names no events file; it
// writes the events file, then the final meta.gob. A run killed in between
// leaves that meta.gob: the next run replays the store's changes since its
// sequence (applying a change twice is harmless) and groups everything,
// since the events file is not the one meta.gob names.
const (
	eventsInput       = "events-input"
	eventsInputLegacy = "events-input.gob" // the one-file cache of earlier versions
	inputMetaFile     = "meta.gob"
)

// eventsInputVersion changes whenever events.Article or the cache's layout
// changes shape or meaning; a cache of another version is rebuilt.
const eventsInputVersion = 2

// inputMeta is the content of meta.gob.
type inputMeta struct {
	Version int
	Seq     uint64   // every change up to Seq is in the partitions
	Parts   []string // the partitions, by name ("p-2025")
	Grouped string   // Generated of the events file grouped from them ("": none)
	Options string   // groupingFingerprint of that grouping
}

// inputPart is the content of one partition file.
type inputPart struct {
	Version int
	Arts    []events.Article // sorted by id
}

// groupInput is the cache read and brought up to date with the store.
type groupInput struct {
	meta    inputMeta                            // as read (Version 0: rebuilt)
	parts   map[string]map[string]events.Article // partition → id → article
	where   map[string]string                    // id → partition
	dups    map[string]bool                      // ids read from two partitions
	dirty   map[string]bool                      // partitions to write
	changed map[string]bool                      // ids changed since meta.Seq; nil when rebuilt
	before  map[string]events.Article            // the cached versions of changed articles
	last    uint64                               // the store's last sequence
}

// partitionOf is the partition of an article published on published.
func partitionOf(published string) string {
	if len(published) >= 4 {
		y := published[:4]
		if y[0] >= '0' && y[0] <= '9' && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9' {
			return "p-" + y
		}
	}
	return "p-none"
}

// readGroupingInput reads the cache and brings it up to date with the
// store's changes since; it is rebuilt from the whole store when missing,
// of another version, damaged or ahead of the store (a restored or
// repaired store).
func readGroupingInput(ctx context.Context, dataDir string, store *corpus.Store, logger *slog.Logger) (*groupInput, error) {
	last, err := store.LastSeq()
	if err != nil {
		return nil, err
	}
	in, err := loadInputCache(dataDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		logger.Warn("events: the grouping cache is unusable; rebuilding it from the store", "err", err)
	case in.meta.Seq > last:
		logger.Warn("events: the grouping cache is ahead of the store; rebuilding it from the store")
	default:
		in.changed = map[string]bool{}
		if err := in.replay(ctx, store, last); err != nil {
			return nil, err
		}
		id, ok := in.unresolvedDup()
		if !ok {
			return in, nil
		}
		logger.Warn("events: the grouping cache holds an article twice; rebuilding it from the store", "id", id)
	}
	in = newGroupInput()
	return in, in.replay(ctx, store, last)
}

func newGroupInput() *groupInput {
	return &groupInput{parts: map[string]map[string]events.Article{}, where: map[string]string{},
		dups: map[string]bool{}, dirty: map[string]bool{}, before: map[string]events.Article{}}
}

// replay applies the store's changes after the cache's sequence up to last.
func (in *groupInput) replay(ctx context.Context, store *corpus.Store, last uint64) error {
	err := store.Since(in.meta.Seq, func(a *corpus.Article) error {
		in.apply(a)
		return ctx.Err()
	})
	in.last = last
	return err
}

// unresolvedDup returns an article read from two partitions that no change
// replayed put right (a partition damaged, not a run killed mid-write).
func (in *groupInput) unresolvedDup() (string, bool) {
	for id := range in.dups {
		if !in.changed[id] {
			return id, true
		}
	}
	return "", false
}

// apply puts the stored version of an article in its partition, or takes
// it out of the cache when it is no longer an outage article.
func (in *groupInput) apply(a *corpus.Article) {
	if in.changed != nil {
		in.changed[a.ID] = true
	}
	for p, m := range in.parts {
		if old, ok := m[a.ID]; ok {
			if _, seen := in.before[a.ID]; !seen && in.changed != nil {
				in.before[a.ID] = old
			}
			delete(m, a.ID)
			in.dirty[p] = true
		}
	}
	delete(in.where, a.ID)
	delete(in.dups, a.ID)
	if !a.IsOutage || len(a.Outages) == 0 {
		return
	}
	p := partitionOf(a.Published)
	if in.parts[p] == nil {
		in.parts[p] = map[string]events.Article{}
	}
	in.parts[p][a.ID] = events.FromCorpus(a)
	in.where[a.ID] = p
	in.dirty[p] = true
}

// articles returns every article of the cache, sorted by id.
func (in *groupInput) articles() []events.Article {
	var arts []events.Article
	for _, m := range in.parts {
		for _, a := range m {
			arts = append(arts, a)
		}
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
	return arts
}

// loadInputCache reads meta.gob and the partitions it names. A missing
// meta.gob is fs.ErrNotExist; anything else unreadable is an error naming
// the file.
func loadInputCache(dataDir string) (*groupInput, error) {
	dir := filepath.Join(dataDir, eventsInput)
	in := newGroupInput()
	if err := readGob(filepath.Join(dir, inputMetaFile), &in.meta); err != nil {
		return nil, err
	}
	if in.meta.Version != eventsInputVersion {
		return nil, fmt.Errorf("%s: version %d, want %d", filepath.Join(dir, inputMetaFile), in.meta.Version, eventsInputVersion)
	}
	for _, p := range in.meta.Parts {
		path := filepath.Join(dir, p+".gob")
		var part inputPart
		if err := readGob(path, &part); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: missing", path)
			}
			return nil, err
		}
		if part.Version != eventsInputVersion {
			return nil, fmt.Errorf("%s: version %d, want %d", path, part.Version, eventsInputVersion)
		}
		m := make(map[string]events.Article, len(part.Arts))
		for _, a := range part.Arts {
			m[a.ID] = a
			if _, ok := in.where[a.ID]; ok {
				in.dups[a.ID] = true
			}
			in.where[a.ID] = p
		}
		in.parts[p] = m
	}
	return in, nil
}

func readGob(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// writeDirty writes the partitions that changed, each atomically.
func (in *groupInput) writeDirty(dataDir string) error {
	dir := filepath.Join(dataDir, eventsInput)
	for p := range in.dirty {
		arts := make([]events.Article, 0, len(in.parts[p]))
		for _, a := range in.parts[p] {
			arts = append(arts, a)
		}
		sort.Slice(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID })
		err := writeAtomic(filepath.Join(dir, p+".gob"), func(w io.Writer) error {
			return gob.NewEncoder(w).Encode(inputPart{Version: eventsInputVersion, Arts: arts})
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// beforeArticles returns the cached versions of the changed articles.
func (in *groupInput) beforeArticles() []events.Article {
	out := make([]events.Article, 0, len(in.before))
	for _, a := range in.before {
		out = append(out, a)
	}
	return out
}

// writeParts writes, when partitions changed, a meta.gob saying that they
// may be ahead of it and that no events file was grouped from them (a run
// killed from now on leaves that), then the partitions, each atomically.
func (in *groupInput) writeParts(dataDir string) error {
	if len(in.dirty) == 0 {
		return nil
	}
	marker := inputMeta{Version: eventsInputVersion, Seq: in.meta.Seq, Parts: in.meta.Parts}
	if err := writeInputMeta(dataDir, marker); err != nil {
		return err
	}
	return in.writeDirty(dataDir)
}

// writeMeta records that the partitions are up to date with the store and
// that the events file generated at grouped was grouped from them with
// options; it removes the one-file cache of earlier versions.
func (in *groupInput) writeMeta(dataDir, grouped, options string) error {
	m := inputMeta{Version: eventsInputVersion, Seq: in.last, Grouped: grouped, Options: options}
	for p := range in.parts {
		m.Parts = append(m.Parts, p)
	}
	sort.Strings(m.Parts)
	if err := writeInputMeta(dataDir, m); err != nil {
		return err
	}
	return removeIfExists(filepath.Join(dataDir, eventsInputLegacy))
}

// writeInputMeta writes meta.gob atomically.
func writeInputMeta(dataDir string, m inputMeta) error {
	if err := os.MkdirAll(filepath.Join(dataDir, eventsInput), 0o755); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dataDir, eventsInput, inputMetaFile), func(w io.Writer) error {
		return gob.NewEncoder(w).Encode(m)
	})
}

// groupingFingerprint names what grouping depends on besides the articles:
// the events package's grouping version, the build, and the parents. The
// previous events are regrouped incrementally only under the same one.
func groupingFingerprint(parents map[string]string) string {
	h := sha256.New()
	fmt.Fprintf(h, "input %d events %d grouping %d\n", eventsInputVersion, events.FileVersion, events.GroupVersion)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				fmt.Fprintf(h, "%s=%s\n", s.Key, s.Value)
			}
		}
	}
	keys := make([]string, 0, len(parents))
	for k := range parents {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "%q=%q\n", k, parents[k])
	}
	return hex.EncodeToString(h.Sum(nil))
}

// dropInputCache removes the cache, after the store was replaced.
func dropInputCache(dataDir string) error {
	if err := os.RemoveAll(filepath.Join(dataDir, eventsInput)); err != nil {
		return err
	}
	return removeIfExists(filepath.Join(dataDir, eventsInputLegacy))
}

func removeIfExists(path string) error {
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
