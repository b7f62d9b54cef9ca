package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"outages/index"
)

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	lines := `{"id":"a","text":"Panne géante chez Orange jeudi : le réseau mobile est resté coupé près de deux heures à cause d'une mise à jour logicielle.","published":"2024-03-15"}
not json
{"id":"b","text":"Le marché automobile reste morose : les ventes de voitures neuves ont reculé en février.","published":"2024-03-01"}
`
	os.WriteFile(in, []byte(lines), 0o644)
	code, out, errOut := outages(t, "extract", in)
	if code != exitPartial || !strings.Contains(errOut, "in.jsonl:2") {
		t.Fatalf("extract with a bad line = %d, stderr %q; want exit 3 naming in.jsonl:2", code, errOut)
	}
	var recs []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	for _, key := range []string{"id", "url", "lang", "published", "is_outage", "outages"} {
		if _, ok := recs[0][key]; !ok {
			t.Errorf("record has no %q: %v", key, recs[0])
		}
	}
	if recs[0]["is_outage"] != true || recs[0]["lang"] != "fr" {
		t.Errorf("record a = %v, want a French outage", recs[0])
	}
	if recs[1]["is_outage"] != false {
		t.Errorf("record b = %v, want no outage", recs[1])
	}
	outs, _ := recs[0]["outages"].([]any)
	if len(outs) == 0 {
		t.Fatalf("record a has no outage: %v", recs[0])
	}
	first := outs[0].(map[string]any)
	if first["service"] != "Orange" || first["start"] != "2024-03-14" {
		t.Errorf("outage = %v, want Orange starting 2024-03-14", first)
	}
}

func TestExtractHTMLAndExplain(t *testing.T) {
	page := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(page, []byte(`<!doctype html><html lang="en"><head><title>Cloud outage takes down shops - Daily Tech</title>
<meta property="article:published_time" content="2024-05-08T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
<article><h1>Cloud outage takes down shops</h1>
<p>Thousands of online shops were unreachable on Tuesday after a major outage at a cloud provider's data centre in Frankfurt. The provider said a failed storage system caused the disruption, which lasted about three hours.</p>
<p>Engineers restored service in the afternoon and said no data was lost.</p></article>
<footer>© Daily Tech</footer></body></html>`), 0o644)
	code, out, errOut := outages(t, "extract", page)
	if code != exitOK {
		t.Fatalf("extract page.html = %d: %s", code, errOut)
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["title"] != "Cloud outage takes down shops" || rec["published"] != "2024-05-08" || !strings.Contains(rec["body"].(string), "Engineers restored") {
		t.Errorf("extract from HTML: title %q, published %v, body %q", rec["title"], rec["published"], rec["body"])
	}
	if strings.Contains(rec["body"].(string), "Home") {
		t.Errorf("the body kept the navigation: %q", rec["body"])
	}
	code, out, errOut = outages(t, "explain", page)
	if code != exitOK || !strings.Contains(out, "en") || len(out) < 100 {
		t.Fatalf("explain page.html = %d:\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = outages(t, "explain", "no-such-article", "--data", t.TempDir())
	if code == exitOK || !strings.Contains(errOut, "no-such-article") {
		t.Errorf("explain of an unknown id = %d: %s", code, errOut)
	}
}

func TestTagCommand(t *testing.T) {
	code, out, errOut := outages(t, "tag", "--lang", "fr", "--ref", "2014-03-14", "Le site est resté inaccessible mardi pendant près de deux heures.")
	if code != exitOK {
		t.Fatalf("tag = %d: %s", code, errOut)
	}
	var res struct {
		Exprs []struct {
			Kind, Text, Value string
			Minutes           *int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("tag output %q: %v", out, err)
	}
	var sawDate, sawDuration bool
	for _, e := range res.Exprs {
		switch e.Kind {
		case "date":
			sawDate = sawDate || e.Value == "2014-03-11"
		case "duration":
			sawDuration = sawDuration || e.Minutes != nil && *e.Minutes == 120
		}
	}
	if !sawDate || !sawDuration {
		t.Errorf("tag found %s; want mardi = 2014-03-11 and près de deux heures = 120 min", out)
	}
}

// TestReindex rebuilds the index from the store, and a run on an index of
// an older schema says a reindex is needed.
func TestReindex(t *testing.T) {
	dir := sampleRun(t)
	before := readReport(t, dir)
	code, out, errOut := outages(t, "reindex", "--data", dir)
	if code != exitOK || !strings.Contains(out, "reindexed") {
		t.Fatalf("reindex = %d\n%s\n%s", code, out, errOut)
	}
	_, ids, _ := searchAll(t, dir)
	if uint64(len(ids)) != before.IndexDocs {
		t.Errorf("after reindex the index holds %d articles, want %d", len(ids), before.IndexDocs)
	}
	checkUnique(t, ids)

	// Make the published generation look older than this schema.
	cur, err := os.ReadFile(filepath.Join(dir, indexDir, "CURRENT"))
	if err != nil {
		t.Fatal(err)
	}
	metaPath := filepath.Join(dir, indexDir, strings.TrimSpace(string(cur)), "meta.json")
	meta, err := os.ReadFile(metaPath)
	if err != nil {
		t.Fatal(err)
	}
	old := fmt.Sprintf(`"schema_version": %d`, index.SchemaVersion)
	if !bytes.Contains(meta, []byte(old)) {
		t.Fatalf("meta.json has no %s:\n%s", old, meta)
	}
	os.WriteFile(metaPath, bytes.Replace(meta, []byte(old), []byte(`"schema_version": 0`), 1), 0o644)
	code, out, _ = outages(t, "run", "--data", dir, "--progress", "never")
	if code != exitOK || !strings.Contains(out, "outages reindex") {
		t.Errorf("run on an old schema = %d; want a warning naming 'outages reindex':\n%s", code, out)
	}
}

// TestInterruptedRun: SIGINT during a run exits 130 and leaves the data
// directory usable; the next run completes.
func TestInterruptedRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	site := newNewsSite(t, 30)
	site.delay.Store(int64(30 * time.Millisecond))
	tmp := t.TempDir()
	dir, conf := filepath.Join(tmp, "data"), site.writeConf(t, tmp)
	cmd, out := outagesProcess(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	time.Sleep(700 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Fatalf("interrupted run exit = %d (%v), want 130\n%s", code, err, out)
	}
	if !strings.Contains(out.String(), "interrupted") {
		t.Errorf("no word of the interruption in the output:\n%s", out)
	}
	site.delay.Store(0)
	code, _, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	if code != exitOK {
		t.Fatalf("run after the interruption = %d: %s", code, errOut)
	}
	if _, ids, _ := searchAll(t, dir); len(ids) != 30 {
		t.Errorf("after the interruption and a new run the index holds %d articles, want 30", len(ids))
	}
}

// TestProgressAndReport: the progress display and --report.
func TestProgressAndReport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	report := filepath.Join(t.TempDir(), "report.json")
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"run", "--data", dir, "--progress", "always", "--report", report}, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("run = %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "stored") {
		t.Errorf("--progress always showed nothing on stderr: %q", stderr.String())
	}
	for _, want := range []string{"Run summary", "articles by language", "outage articles", "indexed"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout.String())
		}
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var s runSummary
	if err := json.Unmarshal(b, &s); err != nil || s.Stored == 0 || s.ExitCode != 0 {
		t.Errorf("--report: %v, %+v", err, s)
	}
}
