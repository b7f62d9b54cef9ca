package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"outages/corpus"
	"outages/events"
)

// freeArticle is a 2024 outage article for a second run.
const freeArticle = `<html lang="fr"><head><title>Panne du réseau Free mardi</title>
<meta property="article:published_time" content="2024-11-05T10:00:00Z"></head><body><article><h1>Panne du réseau Free mardi</h1>
<p>Le réseau mobile de Free est tombé en panne mardi 5 novembre pendant près de trois heures, à cause d'une mise à jour logicielle, a indiqué l'opérateur.</p>
<p>Des milliers d'abonnés n'ont pu ni appeler ni se connecter à internet jusqu'au retour progressif du service en fin de matinée.</p></article></body></html>`

// secondRun runs the sample corpus, then a run adding freeArticle with
// debug logs; it returns the data directory and the second run's logs.
func secondRun(t *testing.T) (string, string) {
	t.Helper()
	data := sampleRun(t)
	more := t.TempDir()
	os.WriteFile(filepath.Join(more, "new.html"), []byte(freeArticle), 0o644)
	code, out, errOut := outages(t, "run", "--data", data, "--progress", "never", "--source", more, "--log-level", "debug")
	if code != exitOK {
		t.Fatalf("second run = %d\n%s\n%s", code, out, errOut)
	}
	return data, errOut
}

func eventsList(t *testing.T, data string) string {
	t.Helper()
	code, out, errOut := outages(t, "events", "--data", data, "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("events = %d\n%s", code, errOut)
	}
	return out
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	return out
}

// TestEventsInputPartitions: a run adding a 2024 article regroups
// incrementally and rewrites the 2024 partition of the grouping cache and
// its meta file only.
func TestEventsInputPartitions(t *testing.T) {
	data := sampleRun(t)
	dir := filepath.Join(data, eventsInput)
	before := readDir(t, dir)
	if len(before) < 3 {
		t.Fatalf("want several partitions and meta.gob, got %d files", len(before))
	}
	more := t.TempDir()
	os.WriteFile(filepath.Join(more, "new.html"), []byte(freeArticle), 0o644)
	code, out, errOut := outages(t, "run", "--data", data, "--progress", "never", "--source", more, "--log-level", "debug")
	if code != exitOK {
		t.Fatalf("second run = %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut, "events: regrouped") || !strings.Contains(errOut, "full=false") {
		t.Errorf("the second run did not regroup incrementally:\n%s", errOut)
	}
	after := readDir(t, dir)
	for name, b := range after {
		changed := !bytes.Equal(before[name], b)
		want := name == "p-2024.gob" || name == inputMetaFile
		if changed != want {
			t.Errorf("%s: rewritten %v, want %v", name, changed, want)
		}
	}
}

// TestEventsInputCache: events grouped incrementally from the cache are
// the events grouped from the whole store; a missing, damaged or stale
// cache is rebuilt or detected, never believed.
func TestEventsInputCache(t *testing.T) {
	data, _ := secondRun(t)
	dir := filepath.Join(data, eventsInput)
	incremental := eventsList(t, data)
	if !strings.Contains(incremental, "Free") {
		t.Fatalf("the new article's event is missing:\n%s", incremental)
	}
	tests := []struct {
		name  string
		spoil func()
	}{
		{"cache deleted", func() { os.RemoveAll(dir) }},
		{"meta damaged", func() { os.WriteFile(filepath.Join(dir, inputMetaFile), []byte("not a gob"), 0o644) }},
		{"partition damaged", func() { os.WriteFile(filepath.Join(dir, "p-2024.gob"), []byte("not a gob"), 0o644) }},
		{"partition truncated", func() {
			b, _ := os.ReadFile(filepath.Join(dir, "p-2024.gob"))
			os.WriteFile(filepath.Join(dir, "p-2024.gob"), b[:len(b)/2], 0o644)
		}},
		{"partition missing", func() { os.Remove(filepath.Join(dir, "p-2023.gob")) }},
		{"article in two partitions", func() {
			b, _ := os.ReadFile(filepath.Join(dir, "p-2024.gob"))
			os.WriteFile(filepath.Join(dir, "p-2023.gob"), b, 0o644)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.spoil()
			code, out, errOut := outages(t, "reindex", "--data", data, "--no-classify")
			if code != exitOK {
				t.Fatalf("reindex = %d\n%s\n%s", code, out, errOut)
			}
			if got := eventsList(t, data); got != incremental {
				t.Errorf("events from the whole store differ from the events from the cache:\n%s\nwant\n%s", got, incremental)
			}
		})
	}
}

// TestEventsInputKilledRun: a run killed after it began writing the
// cache's partitions, before or after it wrote the events file, leaves a
// cache the next run sees as stale: the events it groups are those of a
// full regroup.
func TestEventsInputKilledRun(t *testing.T) {
	tests := []struct {
		name    string
		restore []string // files put back as they were before the second run
	}{
		{"killed before the events file", []string{eventsFile, eventsByArticle}},
		{"killed before the cache's last meta file", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := sampleRun(t)
			var meta inputMeta
			if err := readGob(filepath.Join(data, eventsInput, inputMetaFile), &meta); err != nil {
				t.Fatal(err)
			}
			saved := map[string][]byte{}
			for _, f := range tt.restore {
				b, err := os.ReadFile(filepath.Join(data, f))
				if err != nil {
					t.Fatal(err)
				}
				saved[f] = b
			}
			more := t.TempDir()
			os.WriteFile(filepath.Join(more, "new.html"), []byte(freeArticle), 0o644)
			if code, out, errOut := outages(t, "run", "--data", data, "--progress", "never", "--source", more); code != exitOK {
				t.Fatalf("second run = %d\n%s\n%s", code, out, errOut)
			}
			for f, b := range saved {
				os.WriteFile(filepath.Join(data, f), b, 0o644)
			}
			// what the second run wrote before its partitions
			marker := inputMeta{Version: eventsInputVersion, Seq: meta.Seq, Parts: meta.Parts}
			if err := writeInputMeta(data, marker); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := outages(t, "run", "--data", data, "--progress", "never", "--source", t.TempDir(), "--log-level", "debug")
			if code != exitOK {
				t.Fatalf("third run = %d\n%s\n%s", code, out, errOut)
			}
			if strings.Contains(errOut, "events: regrouped") {
				t.Errorf("regrouped incrementally after a killed run:\n%s", errOut)
			}
			got := eventsList(t, data)
			os.RemoveAll(filepath.Join(data, eventsInput))
			if code, out, errOut := outages(t, "reindex", "--data", data, "--no-classify"); code != exitOK {
				t.Fatalf("reindex = %d\n%s\n%s", code, out, errOut)
			}
			if want := eventsList(t, data); got != want || !strings.Contains(got, "Free") {
				t.Errorf("events after the killed run:\n%s\nwant (grouped from the whole store)\n%s", got, want)
			}
		})
	}
}

// TestEventsInputMarker: before it writes a partition, a run records in
// meta.gob that the partitions may be ahead of its sequence and that no
// events file was grouped from them.
func TestEventsInputMarker(t *testing.T) {
	dir := t.TempDir()
	in := newGroupInput()
	in.meta = inputMeta{Version: eventsInputVersion, Seq: 7, Parts: []string{"p-2024"}, Grouped: "then", Options: "x"}
	in.all = []events.Article{{ID: "a", Published: "2024-01-02"}, {ID: "b", Published: "2025-01-02"}}
	in.names["p-2024"] = true
	in.touch("p-2025")
	in.last = 9
	if err := in.writeParts(dir); err != nil {
		t.Fatal(err)
	}
	var m inputMeta
	if err := readGob(filepath.Join(dir, eventsInput, inputMetaFile), &m); err != nil {
		t.Fatal(err)
	}
	if m.Seq != 7 || m.Grouped != "" || strings.Join(m.Parts, ",") != "p-2024" {
		t.Errorf("meta.gob while partitions are written = %+v, want sequence 7, p-2024 only, no events file", m)
	}
	if _, err := os.Stat(filepath.Join(dir, eventsInput, "p-2025.gob")); err != nil {
		t.Errorf("the changed partition was not written: %v", err)
	}
	if err := in.writeMeta(dir, "now", "x"); err != nil {
		t.Fatal(err)
	}
	if err := readGob(filepath.Join(dir, eventsInput, inputMetaFile), &m); err != nil {
		t.Fatal(err)
	}
	if m.Seq != 9 || m.Grouped != "now" || strings.Join(m.Parts, ",") != "p-2024,p-2025" {
		t.Errorf("meta.gob after the events file = %+v", m)
	}
}

// TestGroupInputApply: changes replayed over the articles read (added,
// changed, moved to another year, no longer outages, removed from a
// partition read twice) give the articles and the partitions to write
// that a cache rebuilt from the changed store gives.
func TestGroupInputApply(t *testing.T) {
	art := func(id, published string, outage bool) *corpus.Article {
		a := &corpus.Article{ID: id, URL: "https://example.test/" + id, Title: "Panne " + id, Published: published, IsOutage: outage}
		if outage {
			a.Outages = []corpus.Outage{{Service: "Orange", Start: published}}
		}
		return a
	}
	stored := []*corpus.Article{art("a", "2024-01-02", true), art("b", "2024-03-04", true), art("c", "2025-01-02", true), art("d", "", true)}
	changes := []*corpus.Article{
		art("e", "2025-06-01", true),  // added
		art("b", "2025-02-02", true),  // moved from 2024 to 2025
		art("c", "2025-01-02", false), // no longer an outage article
		art("a", "2024-01-02", true),  // changed in place
		art("x", "2023-01-01", false), // never an outage article
	}
	changes[3].Title = "Panne a, mise à jour"
	in := newGroupInput()
	for _, a := range stored {
		in.all = append(in.all, events.FromCorpus(a))
		in.names[partitionOf(a.Published)] = true
	}
	in.changed = map[string]bool{}
	for _, a := range changes {
		in.apply(a)
	}
	want := newGroupInput()
	for _, a := range []*corpus.Article{changes[3], changes[1], art("d", "", true), changes[0]} {
		want.apply(a)
	}
	got, wantArts := in.articles(), want.articles()
	if len(got) != len(wantArts) {
		t.Fatalf("articles %d, want %d", len(got), len(wantArts))
	}
	for i := range got {
		if got[i].ID != wantArts[i].ID || got[i].Title != wantArts[i].Title || got[i].Published != wantArts[i].Published {
			t.Errorf("article %d = %s %q %s, want %s %q %s", i, got[i].ID, got[i].Title, got[i].Published,
				wantArts[i].ID, wantArts[i].Title, wantArts[i].Published)
		}
	}
	if d := strings.Join(sortedKeys(in.dirty), ","); d != "p-2024,p-2025" {
		t.Errorf("partitions to write %s, want p-2024,p-2025", d)
	}
	if b := strings.Join(sortedKeys(mapOf(in.beforeArticles())), ","); b != "a,b,c" {
		t.Errorf("previous versions kept of %s, want a,b,c", b)
	}
	dir := t.TempDir()
	if err := in.writeParts(dir); err != nil {
		t.Fatal(err)
	}
	for p, ids := range map[string]string{"p-2024": "a", "p-2025": "b,e"} {
		var part inputPart
		if err := readGob(filepath.Join(dir, eventsInput, p+".gob"), &part); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range part.Arts {
			got = append(got, a.ID)
		}
		if strings.Join(got, ",") != ids {
			t.Errorf("%s holds %v, want %s", p, got, ids)
		}
	}

	t.Run("read from two partitions", func(t *testing.T) {
		in := newGroupInput()
		in.all = []events.Article{{ID: "a", Published: "2023-05-05"}, {ID: "a", Published: "2024-05-05"}, {ID: "b", Published: "2024-01-01"}}
		in.dups["a"] = true
		in.changed = map[string]bool{}
		in.apply(art("a", "2024-05-05", true))
		if _, ok := in.unresolvedDup(); ok {
			t.Error("a change of the duplicated article left it unresolved")
		}
		if d := strings.Join(sortedKeys(in.dirty), ","); d != "p-2023,p-2024" {
			t.Errorf("partitions to write %s, want both copies' p-2023,p-2024", d)
		}
		var ids []string
		for _, a := range in.articles() {
			ids = append(ids, a.ID)
		}
		if strings.Join(ids, ",") != "a,b" {
			t.Errorf("articles %v, want a once", ids)
		}
	})
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func mapOf(arts []events.Article) map[string]bool {
	m := map[string]bool{}
	for _, a := range arts {
		m[a.ID] = true
	}
	return m
}

// TestEventsInputDurations: the cache gives back each outage's duration
// as stored, zero minutes included (gob alone reads a pointer to zero as
// none), so that events grouped from the cache are those grouped when the
// articles were stored.
func TestEventsInputDurations(t *testing.T) {
	minutes := func(m int) *int { return &m }
	tests := []struct {
		name string
		dur  *int
	}{
		{"none", nil},
		{"zero minutes", minutes(0)},
		{"ninety minutes", minutes(90)},
	}
	in := newGroupInput()
	in.changed = map[string]bool{}
	for i, tt := range tests {
		a := &corpus.Article{ID: fmt.Sprintf("a%d", i), URL: "https://example.test/", Title: "Panne", Published: "2024-01-02", IsOutage: true,
			Outages: []corpus.Outage{{Service: "Orange"}, {Service: "Free", DurationMin: tt.dur, DurationKind: "at_least"}}}
		in.apply(a)
	}
	dir := t.TempDir()
	if err := in.writeParts(dir); err != nil {
		t.Fatal(err)
	}
	if err := in.writeMeta(dir, "then", "x"); err != nil {
		t.Fatal(err)
	}
	back, err := loadInputCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if i >= len(back.all) {
				t.Fatalf("%d articles read back", len(back.all))
			}
			got := back.all[i].Outages[1].DurationMin
			if (got == nil) != (tt.dur == nil) || (got != nil && *got != *tt.dur) {
				t.Errorf("duration %v, want %v", ptrString(got), ptrString(tt.dur))
			}
			if back.all[i].Outages[0].DurationMin != nil {
				t.Errorf("the outage without a duration has %d minutes", *back.all[i].Outages[0].DurationMin)
			}
		})
	}
}

func ptrString(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// TestEventsInputDamagedDurations: a partition whose zero durations name
// no outage of its articles is refused (the cache is then rebuilt), never
// a panic.
func TestEventsInputDamagedDurations(t *testing.T) {
	for _, tc := range []struct {
		name string
		ref  outageRef
	}{
		{"article past the end", outageRef{Art: 1, Out: 0}},
		{"negative article", outageRef{Art: -1, Out: 0}},
		{"outage past the end", outageRef{Art: 0, Out: 2}},
		{"negative outage", outageRef{Art: 0, Out: -1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := newGroupInput()
			in.changed = map[string]bool{}
			in.apply(&corpus.Article{ID: "a", URL: "https://example.test/", Title: "Panne", Published: "2024-01-02", IsOutage: true,
				Outages: []corpus.Outage{{Service: "Orange"}, {Service: "Free"}}})
			dir := t.TempDir()
			if err := in.writeParts(dir); err != nil {
				t.Fatal(err)
			}
			if err := in.writeMeta(dir, "then", "x"); err != nil {
				t.Fatal(err)
			}
			if _, err := loadInputCache(dir); err != nil {
				t.Fatalf("undamaged: %v", err)
			}
			parts, err := filepath.Glob(filepath.Join(dir, eventsInput, "*.gob"))
			if err != nil {
				t.Fatal(err)
			}
			damaged := 0
			for _, path := range parts {
				if filepath.Base(path) == inputMetaFile {
					continue
				}
				var part inputPart
				if err := readGob(path, &part); err != nil {
					t.Fatal(err)
				}
				part.ZeroDurations = append(part.ZeroDurations, tc.ref)
				err := writeAtomic(path, func(w io.Writer) error { return gob.NewEncoder(w).Encode(part) })
				if err != nil {
					t.Fatal(err)
				}
				damaged++
			}
			if damaged == 0 {
				t.Fatalf("no partition in %v", parts)
			}
			_, err = loadInputCache(dir)
			if err == nil || !strings.Contains(err.Error(), "a zero duration names no outage") {
				t.Errorf("damaged partition: error %v, want one naming the zero duration", err)
			}
		})
	}
}
