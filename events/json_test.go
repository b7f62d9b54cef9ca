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
