package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"outages/corpus"
	"outages/events"
)

// eventsFile is the data directory's file of events, rewritten atomically
// after each run and reindex.
const eventsFile = "events.json"

// loadEvents reads the data directory's events; none (and no error) when
// no run has grouped them yet.
func loadEvents(dataDir string) (*events.File, error) {
	p := filepath.Join(dataDir, eventsFile)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return &events.File{Version: events.FileVersion}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	f, err := events.Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return f, nil
}

// updateEvents regroups every stored outage into events, keeping the ids
// of the previous events, and writes the events file. It returns the
// number of events.
func updateEvents(ctx context.Context, dataDir string, store *corpus.Store, parents map[string]string) (int, error) {
	prev, err := loadEvents(dataDir)
	if err != nil {
		prev = &events.File{Version: events.FileVersion} // a damaged file is rebuilt
	}
	var arts []events.Article
	err = store.All(func(a *corpus.Article) error {
		if a.IsOutage && len(a.Outages) > 0 {
			arts = append(arts, events.FromCorpus(a))
		}
		return ctx.Err()
	})
	if err != nil {
		return 0, fmt.Errorf("group events: %w", err)
	}
	evs := events.Group(arts, events.Options{Parents: parents, Previous: prev.Events})
	now := time.Now()
	events.Stamp(evs, prev.Events, now)
	f := events.File{Version: events.FileVersion, Generated: now.UTC().Format(time.RFC3339Nano), Previous: prev.Generated, Events: evs}
	b, err := json.Marshal(f)
	if err != nil {
		return 0, fmt.Errorf("group events: %w", err)
	}
	p := filepath.Join(dataDir, eventsFile)
	if err := writeFileAtomic(p, append(b, '\n')); err != nil {
		return 0, fmt.Errorf("write %s: %w", p, err)
	}
	return len(evs), nil
}

// eventOf maps article id → ids of the events it belongs to.
func eventOf(f *events.File) map[string][]string {
	m := map[string][]string{}
	for _, e := range f.Events {
		for _, a := range e.Articles {
			m[a.ID] = append(m[a.ID], e.ID)
		}
	}
	return m
}
