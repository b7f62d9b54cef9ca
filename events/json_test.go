package events

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestEventJSONNulls(t *testing.T) {
	tests := []struct {
		name       string
		ev         Event
		start, end string // JSON fragments expected in the output
	}{
		{"unknown start and end", Event{ID: "ev-1"}, `"start":null`, `"end":null`},
		{"known start, unknown end", Event{ID: "ev-2", Start: "2026-03-01"}, `"start":"2026-03-01"`, `"end":null`},
		{"both known", Event{ID: "ev-3", Start: "2026-03-01", End: "2026-03-02"}, `"start":"2026-03-01"`, `"end":"2026-03-02"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.ev)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			if !strings.Contains(s, tt.start) || !strings.Contains(s, tt.end) {
				t.Fatalf("got %s, want %s and %s", s, tt.start, tt.end)
			}
			if strings.Count(s, `"start"`) != 1 || strings.Count(s, `"end"`) != 1 {
				t.Fatalf("start or end written twice: %s", s)
			}
			var back Event
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if back.ID != tt.ev.ID || back.Start != tt.ev.Start || back.End != tt.ev.End {
				t.Fatalf("round trip: got %+v, want %+v", back, tt.ev)
			}
		})
	}
	t.Run("old files with empty strings", func(t *testing.T) {
		var e Event
		if err := json.Unmarshal([]byte(`{"event_id":"ev-9","start":"","end":""}`), &e); err != nil {
			t.Fatal(err)
		}
		if e.ID != "ev-9" || e.Start != "" || e.End != "" {
			t.Fatalf("got %+v", e)
		}
	})
}

// TestFileWriteRead: Write writes the bytes of json.Marshal and a newline,
// and Read reads them back, whatever the events hold.
func TestFileWriteRead(t *testing.T) {
	dur := 90
	evs := []Event{
		{ID: "ev-1", Service: "Orange <Mobile> & Co", Start: "2025-11-02", DurationMin: &dur,
			Articles: []ArticleRef{{ID: "a1", Title: "انقطاع \"الإنترنت\"", Outage: 1}}},
		{ID: "ev-2", Services: []string{"été", "x\u2028y"}},
	}
	tests := []struct {
		name string
		f    File
	}{
		{"events", File{Version: FileVersion, Generated: "2026-12-06T10:00:00Z", Previous: "2026-12-05T10:00:00Z", Events: evs}},
		{"no previous", File{Version: FileVersion, Generated: "g", Events: evs[:1]}},
		{"no events", File{Version: FileVersion, Generated: "g", Events: []Event{}}},
		{"nil events", File{Version: FileVersion, Generated: "g"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := Write(&b, tt.f); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != string(want)+"\n" {
				t.Fatalf("Write:\n%s\nwant\n%s", got, want)
			}
			back, err := Read(strings.NewReader(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			again, _ := json.Marshal(back)
			if tt.f.Events != nil && string(again) != string(want) {
				t.Fatalf("Read back:\n%s\nwant\n%s", again, want)
			}
		})
	}
	t.Run("keys in any order, unknown keys", func(t *testing.T) {
		f, err := Read(strings.NewReader(`{"events":[{"event_id":"e"}],"other":{"a":[1]},"generated":"g","version":1}`))
		if err != nil || f.Generated != "g" || len(f.Events) != 1 || f.Events[0].ID != "e" {
			t.Fatalf("got %+v, %v", f, err)
		}
	})
	for _, bad := range []string{``, `[]`, `{"version":1,"events":{}}`, `{"version":1,"events":[{"event_id":1}]}`, `{"version":2,"events":[]}`, `{"version":1,"events":[]`} {
		if _, err := Read(strings.NewReader(bad)); err == nil {
			t.Errorf("Read(%q): no error", bad)
		}
	}
}
