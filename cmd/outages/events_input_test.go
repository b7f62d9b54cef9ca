package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEventsInputCache: a run brings the grouping cache up to date with the
// articles it stored, and events grouped from the cache are the events
// grouped from the whole store; a damaged cache is rebuilt.
func TestEventsInputCache(t *testing.T) {
	data := sampleRun(t)
	cache := filepath.Join(data, eventsInput)
	if _, err := os.Stat(cache); err != nil {
		t.Fatalf("no grouping cache after a run: %v", err)
	}
	more := t.TempDir()
	os.WriteFile(filepath.Join(more, "new.html"), []byte(`<html lang="fr"><head><title>Panne du réseau Free mardi</title>
<meta property="article:published_time" content="2024-11-05T10:00:00Z"></head><body><article><h1>Panne du réseau Free mardi</h1>
<p>Le réseau mobile de Free est tombé en panne mardi 5 novembre pendant près de trois heures, à cause d'une mise à jour logicielle, a indiqué l'opérateur.</p>
<p>Des milliers d'abonnés n'ont pu ni appeler ni se connecter à internet jusqu'au retour progressif du service en fin de matinée.</p></article></body></html>`), 0o644)
	if code, out, errOut := outages(t, "run", "--data", data, "--progress", "never", "--source", more); code != exitOK {
		t.Fatalf("second run = %d\n%s\n%s", code, out, errOut)
	}
	eventsList := func() string {
		code, out, errOut := outages(t, "events", "--data", data, "--format", "jsonl")
		if code != exitOK {
			t.Fatalf("events = %d\n%s", code, errOut)
		}
		return out
	}
	incremental := eventsList()
	if !strings.Contains(incremental, "Free") {
		t.Fatalf("the new article's event is missing:\n%s", incremental)
	}
	tests := []struct {
		name  string
		spoil func()
	}{
		{"cache deleted", func() { os.Remove(cache) }},
		{"cache damaged", func() { os.WriteFile(cache, []byte("not a gob"), 0o644) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.spoil()
			if code, out, errOut := outages(t, "reindex", "--data", data, "--no-classify"); code != exitOK {
				t.Fatalf("reindex = %d\n%s\n%s", code, out, errOut)
			}
			if got := eventsList(); got != incremental {
				t.Errorf("events from the whole store differ from the events from the cache:\n%s\nwant\n%s", got, incremental)
			}
		})
	}
}
