package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
