package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/corpus"
)

// TestRunJSONL ingests articles extracted elsewhere through the whole
// pipeline: bad lines fail with file:line and exit 3, the good ones are
// classified and indexed, and a second run adds nothing.
func TestRunJSONL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "backfill.jsonl")
	os.WriteFile(in, []byte(`{"url":"https://fr.example.test/orange","title":"Panne géante chez Orange","text":"Le réseau mobile d'Orange est resté coupé près de deux heures jeudi à cause d'une mise à jour logicielle.","published":"2024-03-15","lang":"fr"}
{"url":"https://en.example.test/cars","title":"Car sales fall","maintext":"New car sales fell again in February.\nDealers blame prices.","date_publish":"2024-03-01 09:00:00","language":"en"}
{"url":"https://en.example.test/broken","title":"x"
`), 0o644)
	data := filepath.Join(dir, "data")
	report := filepath.Join(dir, "r.json")
	code, out, _ := outages(t, "run", "--data", data, "--source", in, "--progress", "never", "--report", report)
	if code != exitPartial {
		t.Fatalf("run = %d, want %d (one bad line): %s", code, exitPartial, out)
	}
	if !strings.Contains(out, "backfill.jsonl:3") || !strings.Contains(out, "parse_error") {
		t.Errorf("summary does not name backfill.jsonl:3: %s", out)
	}
	var sum runSummary
	raw, _ := os.ReadFile(report)
	if err := json.Unmarshal(raw, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Added != 2 || sum.IndexDocs != 2 || sum.OutageArticles != 1 {
		t.Errorf("first run: added %d, index %d, outages %d; want 2, 2, 1", sum.Added, sum.IndexDocs, sum.OutageArticles)
	}
	_, hits, _ := outages(t, "search", "--data", data, "panne", "--format", "jsonl")
	if !strings.Contains(hits, "https://fr.example.test/orange") {
		t.Errorf("search panne: %s", hits)
	}

	code, _, _ = outages(t, "run", "--data", data, "--source", in, "--progress", "never", "--report", report)
	raw, _ = os.ReadFile(report)
	sum = runSummary{}
	json.Unmarshal(raw, &sum)
	if code != exitPartial || sum.Added != 0 || sum.Updated != 0 || sum.Unchanged != 2 || sum.IndexDocs != 2 || sum.Indexed != 0 {
		t.Errorf("re-run = %d: added %d updated %d unchanged %d indexed %d, index %d; want nothing new",
			code, sum.Added, sum.Updated, sum.Unchanged, sum.Indexed, sum.IndexDocs)
	}
}

// TestRunCatchesUpUnindexed: a run indexes what it stores while crawling,
// and also what an earlier, killed run stored without indexing it; the
// generation is published once, with every article.
func TestRunCatchesUpUnindexed(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	write := func(name string, urls ...string) string {
		var sb strings.Builder
		for _, u := range urls {
			sb.WriteString(`{"url":"` + u + `","title":"Panne de réseau","text":"Le réseau de ` + u + ` est resté en panne pendant deux heures mardi.","published":"2024-0` + string(rune('1'+len(u)%8)) + `-10","lang":"fr"}` + "\n")
		}
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(sb.String()), 0o644)
		return p
	}
	report := filepath.Join(dir, "r.json")
	summary := func() runSummary {
		var s runSummary
		raw, _ := os.ReadFile(report)
		json.Unmarshal(raw, &s)
		return s
	}
	first := write("a.jsonl", "https://a.example.test/1", "https://a.example.test/22")
	if code, out, _ := outages(t, "run", "--data", data, "--source", first, "--progress", "never", "--report", report); code != exitOK {
		t.Fatalf("first run = %d: %s", code, out)
	}
	// What a killed run leaves: an article stored, not indexed.
	store, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	orphan := &corpus.Article{URL: "https://b.example.test/orphan", Title: "Coupure orpheline", Body: "Une coupure d'électricité a touché le quartier nord.", Published: "2023-05-02", Lang: "fr"}
	orphan.ID = corpus.ArticleID(orphan.URL)
	orphan.ContentHash = corpus.TextHash(orphan.Title + "\n" + orphan.Body)
	if _, err := store.Put(orphan); err != nil {
		t.Fatal(err)
	}
	store.Close()

	second := write("b.jsonl", "https://c.example.test/333")
	if code, out, _ := outages(t, "run", "--data", data, "--source", second, "--progress", "never", "--report", report); code != exitOK {
		t.Fatalf("second run = %d: %s", code, out)
	}
	if s := summary(); s.Indexed != 2 || s.IndexDocs != 4 {
		t.Errorf("second run indexed %d (index holds %d), want 2 (4)", s.Indexed, s.IndexDocs)
	}
	_, hits, _ := outages(t, "search", "--data", data, "orpheline", "--format", "jsonl")
	if !strings.Contains(hits, orphan.URL) {
		t.Errorf("the orphan article is not searchable: %q", hits)
	}
	// Nothing new: no new generation.
	cur, _ := os.ReadFile(filepath.Join(data, "index", "CURRENT"))
	if code, _, _ := outages(t, "run", "--data", data, "--source", second, "--progress", "never", "--report", report); code != exitOK {
		t.Fatal("third run failed")
	}
	again, _ := os.ReadFile(filepath.Join(data, "index", "CURRENT"))
	if string(cur) != string(again) || summary().IndexDocs != 4 {
		t.Errorf("a run with nothing new published %s (was %s), index %d", again, cur, summary().IndexDocs)
	}
}
