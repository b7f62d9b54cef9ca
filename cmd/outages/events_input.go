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
// (3: durations of zero minutes kept, see inputPart.ZeroDurations).
const eventsInputVersion = 3

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
	// ZeroDurations are the outages whose duration is zero minutes: gob
	// reads a pointer to zero as nil, and grouping from the cache must see
	// the articles a run grouped when it stored them.
	ZeroDurations []outageRef
}

// outageRef is outage Out of article Art of a partition.
type outageRef struct{ Art, Out int32 }

// zeroDurations returns the outages of arts whose duration is zero minutes.
func zeroDurations(arts []events.Article) []outageRef {
	var out []outageRef
	for ai, a := range arts {
		for oi, o := range a.Outages {
			if o.DurationMin != nil && *o.DurationMin == 0 {
				out = append(out, outageRef{int32(ai), int32(oi)})
			}
		}
	}
	return out
}

// restoreZeroDurations gives the outages of refs their zero duration back;
// it reports false when one is not in arts (a damaged partition).
func restoreZeroDurations(arts []events.Article, refs []outageRef) bool {
	for _, r := range refs {
		if r.Art < 0 || int(r.Art) >= len(arts) || r.Out < 0 || int(r.Out) >= len(arts[r.Art].Outages) {
			return false
		}
		arts[r.Art].Outages[r.Out].DurationMin = new(int)
	}
	return true
}

// groupInput is the cache read and brought up to date with the store.
// Every article is held once: the articles read, in one slice sorted by id
// (an article's partition follows from its publication day), and the
// changes replayed since, until materialise merges them in. At a million
// articles a map per partition, a map of where each article is and a
// sorted copy for grouping held each article's grouping data three times.
type groupInput struct {
	meta    inputMeta                  // as read (Version 0: rebuilt)
	all     []events.Article           // sorted by id (ids read from two partitions: twice)
	edits   map[string]*events.Article // id → its version since (nil: no longer an outage article)
	names   map[string]bool            // the partitions, written or to write
	dups    map[string]bool            // ids read from two partitions
	dirty   map[string]bool            // partitions to write
	changed map[string]bool            // ids changed since meta.Seq; nil when rebuilt
	before  map[string]events.Article  // the cached versions of changed articles
	last    uint64                     // the store's last sequence
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
	return &groupInput{edits: map[string]*events.Article{}, names: map[string]bool{},
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

// current returns the version of article id the cache holds now.
func (in *groupInput) current(id string) (events.Article, bool) {
	if e, ok := in.edits[id]; ok {
		if e == nil {
			return events.Article{}, false
		}
		return *e, true
	}
	i := sort.Search(len(in.all), func(i int) bool { return in.all[i].ID >= id })
	if i < len(in.all) && in.all[i].ID == id {
		return in.all[i], true
	}
	return events.Article{}, false
}

// apply puts the stored version of an article in its partition, or takes
// it out of the cache when it is no longer an outage article.
func (in *groupInput) apply(a *corpus.Article) {
	if in.changed != nil {
		in.changed[a.ID] = true
	}
	if old, ok := in.current(a.ID); ok {
		if _, seen := in.before[a.ID]; !seen && in.changed != nil {
			in.before[a.ID] = old
		}
		in.touch(partitionOf(old.Published))
	}
	for _, p := range in.dupParts(a.ID) {
		in.touch(p) // every partition it was read from is written without it
	}
	delete(in.dups, a.ID)
	in.edits[a.ID] = nil
	if !a.IsOutage || len(a.Outages) == 0 {
		return
	}
	art := events.FromCorpus(a)
	in.edits[a.ID] = &art
	in.touch(partitionOf(a.Published))
}

// dupParts returns the partitions of the copies of a duplicated id.
func (in *groupInput) dupParts(id string) []string {
	if !in.dups[id] {
		return nil
	}
	var ps []string
	i := sort.Search(len(in.all), func(i int) bool { return in.all[i].ID >= id })
	for ; i < len(in.all) && in.all[i].ID == id; i++ {
		ps = append(ps, partitionOf(in.all[i].Published))
	}
	return ps
}

// touch marks partition p to be written.
func (in *groupInput) touch(p string) { in.dirty[p], in.names[p] = true, true }

// materialise merges the changes replayed into the articles, sorted by id.
func (in *groupInput) materialise() {
	if len(in.edits) == 0 {
		return
	}
	ids := make([]string, 0, len(in.edits))
	for id, e := range in.edits {
		if e != nil {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	out := make([]events.Article, 0, len(in.all)+len(ids))
	for _, a := range in.all {
		if _, ok := in.edits[a.ID]; ok {
			continue
		}
		for len(ids) > 0 && ids[0] < a.ID {
			out, ids = append(out, *in.edits[ids[0]]), ids[1:]
		}
		out = append(out, a)
	}
	for _, id := range ids {
		out = append(out, *in.edits[id])
	}
	in.all, in.edits = out, map[string]*events.Article{}
}

// articles returns every article of the cache, sorted by id.
func (in *groupInput) articles() []events.Article {
	in.materialise()
	return in.all
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
		if !restoreZeroDurations(part.Arts, part.ZeroDurations) {
			return nil, fmt.Errorf("%s: a zero duration names no outage", path)
		}
		in.names[p] = true
		if in.all == nil {
			in.all = part.Arts // the first: no copy
		} else {
			in.all = append(in.all, part.Arts...)
		}
	}
	sort.Slice(in.all, func(i, j int) bool { return in.all[i].ID < in.all[j].ID })
	for i := 1; i < len(in.all); i++ {
		if in.all[i].ID == in.all[i-1].ID {
			in.dups[in.all[i].ID] = true
		}
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

// writeDirty writes the partitions that changed, each atomically (one
// with no article left is written empty).
func (in *groupInput) writeDirty(dataDir string) error {
	dir := filepath.Join(dataDir, eventsInput)
	parts := map[string][]events.Article{}
	for _, a := range in.articles() {
		if p := partitionOf(a.Published); in.dirty[p] {
			parts[p] = append(parts[p], a)
		}
	}
	for p := range in.dirty {
		arts := parts[p]
		err := writeAtomic(filepath.Join(dir, p+".gob"), func(w io.Writer) error {
			return gob.NewEncoder(w).Encode(inputPart{Version: eventsInputVersion, Arts: arts, ZeroDurations: zeroDurations(arts)})
		})
		if err != nil {
			return err
		}
		delete(parts, p)
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
	for p := range in.names {
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
