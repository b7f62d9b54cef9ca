package events

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"outages/corpus"
)

// FileVersion is the version of the events file format.
const FileVersion = 1

// File is what a run stores: every event and when they were computed.
type File struct {
	Version   int     `json:"version"`
	Generated string  `json:"generated"` // RFC 3339, UTC
	Previous  string  `json:"previous,omitempty"`
	Events    []Event `json:"events"`
}

// Read reads an events file.
func Read(r io.Reader) (*File, error) {
	var f File
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	if f.Version != FileVersion {
		return nil, fmt.Errorf("read events: version %d, want %d", f.Version, FileVersion)
	}
	return &f, nil
}

// Stamp sets FirstSeen and Updated of evs against the previous events: an
// event whose id is new was first seen now; one whose articles changed was
// updated now; others keep their stamps.
func Stamp(evs []Event, previous []Event, now time.Time) {
	old := make(map[string]*Event, len(previous))
	for i := range previous {
		old[previous[i].ID] = &previous[i]
	}
	ts := now.UTC().Format(time.RFC3339Nano)
	for i := range evs {
		e := &evs[i]
		p, ok := old[e.ID]
		if !ok {
			e.FirstSeen, e.Updated = ts, ts
			continue
		}
		e.FirstSeen, e.Updated = p.FirstSeen, p.Updated
		if e.FirstSeen == "" {
			e.FirstSeen = ts
		}
		if !sameArticles(p.Articles, e.Articles) || e.Updated == "" {
			e.Updated = ts
		}
	}
}

func sameArticles(a, b []ArticleRef) bool {
	if len(a) != len(b) {
		return false
	}
	seen := make(map[string]bool, len(a))
	for _, x := range a {
		seen[x.ID] = true
	}
	for _, x := range b {
		if !seen[x.ID] {
			return false
		}
	}
	return true
}

// eventJSON is how an Event is written: an unknown start or end is null,
// as in the article records, not "".
type eventJSON struct {
	plainEvent
	Start *string `json:"start"`
	End   *string `json:"end"`
}

type plainEvent Event

// MarshalJSON writes an unknown start or end as null.
func (e Event) MarshalJSON() ([]byte, error) {
	return json.Marshal(eventJSON{plainEvent(e), corpus.Nullable(e.Start), corpus.Nullable(e.End)})
}

// UnmarshalJSON reads null, absent or "" as an unknown start or end.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w eventJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = Event(w.plainEvent)
	e.Start, e.End = corpus.Deref(w.Start), corpus.Deref(w.End)
	return nil
}
