package events

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
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

// Read reads an events file. It decodes one event at a time: at a million
// articles the file is hundreds of megabytes, which decoding it whole held
// in memory twice besides the events.
func Read(r io.Reader) (*File, error) {
	var f File
	if err := readFile(json.NewDecoder(r), &f); err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	if f.Version != FileVersion {
		return nil, fmt.Errorf("read events: version %d, want %d", f.Version, FileVersion)
	}
	return &f, nil
}

// fileHead is File without its events.
type fileHead struct {
	Version   int    `json:"version"`
	Generated string `json:"generated"`
	Previous  string `json:"previous,omitempty"`
}

// readFile decodes a File as json.Unmarshal does, the events one by one.
func readFile(dec *json.Decoder, f *File) error {
	if err := delim(dec, '{'); err != nil {
		return err
	}
	head := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		if !strings.EqualFold(key, "events") {
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return err
			}
			head[key] = v
			continue
		}
		if f.Events, err = readEvents(dec); err != nil {
			return err
		}
	}
	if err := delim(dec, '}'); err != nil {
		return err
	}
	b, err := json.Marshal(head)
	if err != nil {
		return err
	}
	var h fileHead
	if err := json.Unmarshal(b, &h); err != nil {
		return err
	}
	f.Version, f.Generated, f.Previous = h.Version, h.Generated, h.Previous
	return nil
}

// readEvents decodes a JSON array of events (or null).
func readEvents(dec *json.Decoder) ([]Event, error) {
	t, err := dec.Token()
	if err != nil || t == nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf("events: got %v, want an array", t)
	}
	evs := []Event{}
	for dec.More() {
		var w eventJSON // as Event.UnmarshalJSON reads it, without decoding each event twice
		if err := dec.Decode(&w); err != nil {
			return nil, err
		}
		evs = append(evs, w.event())
	}
	return evs, delim(dec, ']')
}

// delim reads the delimiter want.
func delim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("got %v, want %v", t, want)
	}
	return nil
}

// Write writes f and a newline: the bytes of json.Marshal(f), written one
// event at a time instead of in one buffer the size of the file.
func Write(w io.Writer, f File) error {
	head, err := json.Marshal(fileHead{Version: f.Version, Generated: f.Generated, Previous: f.Previous})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(head[:len(head)-1])
	bw.WriteString(`,"events":`)
	if f.Events == nil {
		bw.WriteString("null")
	} else {
		bw.WriteByte('[')
		for i, e := range f.Events {
			if i > 0 {
				bw.WriteByte(',')
			}
			b, err := json.Marshal(e.wire()) // what Event.MarshalJSON writes, encoded once
			if err != nil {
				return err
			}
			bw.Write(b)
		}
		bw.WriteByte(']')
	}
	bw.WriteString("}\n")
	return bw.Flush()
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
	return json.Marshal(e.wire())
}

func (e Event) wire() eventJSON {
	return eventJSON{plainEvent(e), corpus.Nullable(e.Start), corpus.Nullable(e.End)}
}

// UnmarshalJSON reads null, absent or "" as an unknown start or end.
func (e *Event) UnmarshalJSON(b []byte) error {
	var w eventJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = w.event()
	return nil
}

func (w eventJSON) event() Event {
	e := Event(w.plainEvent)
	e.Start, e.End = corpus.Deref(w.Start), corpus.Deref(w.End)
	return e
}
