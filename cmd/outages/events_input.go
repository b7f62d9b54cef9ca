package main

import (
	"bufio"
	"context"
	"encoding/gob"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"outages/corpus"
	"outages/events"
)

// eventsInput is the data directory's cache of what grouping reads of each
// outage article (events.Article: no body), with the store sequence it is
// up to date with. A nightly run decodes only the articles changed since,
// instead of every article of the archive: at a million articles, decoding
// the whole store took 50 of the 80 seconds of regrouping.
const eventsInput = "events-input.gob"

// eventsInputVersion changes whenever events.Article changes shape or
// meaning; a cache of another version is rebuilt from the store.
const eventsInputVersion = 1

// inputCache is the content of eventsInput.
type inputCache struct {
	Version int
	Seq     uint64 // every change up to Seq is in Arts
	Arts    map[string]events.Article
}

// groupingInput returns the outage articles of the store as grouping reads
// them, from the cache brought up to date with the changes since it was
// written; the cache is rebuilt from the whole store when it is missing,
// of another version, unreadable or ahead of the store (a restored or
// repaired store). It writes the cache back.
func groupingInput(ctx context.Context, dataDir string, store *corpus.Store) ([]events.Article, error) {
	last, err := store.LastSeq()
	if err != nil {
		return nil, err
	}
	c, ok := readInputCache(dataDir)
	if !ok || c.Seq > last {
		c = &inputCache{Version: eventsInputVersion, Arts: map[string]events.Article{}}
	}
	err = store.Since(c.Seq, func(a *corpus.Article) error {
		if a.IsOutage && len(a.Outages) > 0 {
			c.Arts[a.ID] = events.FromCorpus(a)
		} else {
			delete(c.Arts, a.ID)
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	c.Seq = last
	if err := writeInputCache(dataDir, c); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(c.Arts))
	for id := range c.Arts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	arts := make([]events.Article, len(ids))
	for i, id := range ids {
		arts[i] = c.Arts[id]
	}
	return arts, nil
}

// readInputCache reads the cache; false when there is none usable.
func readInputCache(dataDir string) (*inputCache, bool) {
	f, err := os.Open(filepath.Join(dataDir, eventsInput))
	if err != nil {
		return nil, false
	}
	defer f.Close()
	var c inputCache
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&c); err != nil || c.Version != eventsInputVersion || c.Arts == nil {
		return nil, false
	}
	return &c, true
}

// writeInputCache writes the cache atomically.
func writeInputCache(dataDir string, c *inputCache) error {
	return writeAtomic(filepath.Join(dataDir, eventsInput), func(w io.Writer) error {
		return gob.NewEncoder(w).Encode(c)
	})
}

// dropInputCache removes the cache, after the store was replaced.
func dropInputCache(dataDir string) error {
	err := os.Remove(filepath.Join(dataDir, eventsInput))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}
