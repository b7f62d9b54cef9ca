package main

import (
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"outages/events"
)

var digestPNG = flag.String("digest-png", "", "write the browser test's screenshot of the digest to `FILE` (e.g. ../../docs/digest.png)")

// eventsRun runs the events fixtures (three articles in three languages
// about one incident, another incident of the same operator, other news)
// into a fresh data directory.
func eventsRun(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errOut := outages(t, "run", "--data", dir, "--progress", "never", "--source", filepath.Join("testdata", "events"))
	if code != exitOK {
		t.Fatalf("run = %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	return dir
}

type eventsJSON struct {
	Total  int            `json:"total"`
	Events []events.Event `json:"events"`
}

func listEvents(t *testing.T, dir string, args ...string) eventsJSON {
	t.Helper()
	code, out, errOut := outages(t, append([]string{"events", "--data", dir, "--format", "json"}, args...)...)
	if code != exitOK {
		t.Fatalf("events = %d: %s", code, errOut)
	}
	var got eventsJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("events JSON: %v\n%s", err, out)
	}
	return got
}

func TestEventsCommands(t *testing.T) {
	dir := eventsRun(t)
	all := listEvents(t, dir)
	if all.Total != 2 || len(all.Events) != 2 {
		t.Fatalf("events: total %d, %d events; want 2 (one incident in three languages, one other)", all.Total, len(all.Events))
	}
	big := all.Events[1]
	if big.NArticles != 3 || strings.Join(big.Languages, ",") != "ar,en,fr" || big.Start != "2024-03-14" || big.Service != "Orange" ||
		strings.Join(big.Countries, ",") != "FR" || big.Cause != "software_change" {
		t.Errorf("the March incident = %+v", big)
	}
	for _, a := range big.Articles {
		if a.ID == "" || a.URL == "" || a.Lang == "" || a.Title == "" {
			t.Errorf("article without id, url, lang or title: %+v", a)
		}
	}
	if all.Events[0].Day() < big.Day() {
		t.Errorf("events not newest first: %s before %s", all.Events[0].Day(), big.Day())
	}
	t.Run("filters", func(t *testing.T) {
		if got := listEvents(t, dir, "--min-articles", "2"); got.Total != 1 || got.Events[0].ID != big.ID {
			t.Errorf("--min-articles 2: %+v", got)
		}
		if got := listEvents(t, dir, "--since", "2024-09-01"); got.Total != 1 || got.Events[0].ID == big.ID {
			t.Errorf("--since 2024-09-01: %+v", got)
		}
		if got := listEvents(t, dir, "--country", "eg"); got.Total != 0 {
			t.Errorf("--country eg: %+v", got)
		}
		if got := listEvents(t, dir, "--lang", "ar"); got.Total != 1 || got.Events[0].ID != big.ID {
			t.Errorf("--lang ar: %+v", got)
		}
		if code, out, _ := outages(t, "search", "*", "--data", dir, "--country", "fr", "--format", "jsonl"); code != exitOK || strings.Count(out, "\n") != 4 {
			t.Errorf("search --country fr = %d, %d hits, want the 4 outage articles", code, strings.Count(out, "\n"))
		}
		if code, _, _ := outages(t, "search", "*", "--data", dir, "--country", "FRA"); code != exitUsage {
			t.Errorf("--country FRA = %d, want %d", code, exitUsage)
		}
		if code, _, _ := outages(t, "events", "--data", dir, "--format", "xml"); code != exitUsage {
			t.Errorf("--format xml = %d, want %d", code, exitUsage)
		}
	})
	t.Run("export --events", func(t *testing.T) {
		code, out, errOut := outages(t, "export", "--events", "--data", dir)
		lines := strings.Split(strings.TrimSpace(out), "\r\n")
		if code != exitOK || len(lines) != 3 || !strings.HasPrefix(lines[0], "event_id,service,kind,countries,start") {
			t.Fatalf("export --events csv = %d (%s):\n%s", code, errOut, out)
		}
		if !strings.Contains(out, big.ID) || !strings.Contains(out, "ar | en | fr") {
			t.Errorf("CSV lacks the incident or its languages:\n%s", out)
		}
		code, out, _ = outages(t, "export", "--events", "--format", "jsonl", "--data", dir)
		if n := len(strings.Split(strings.TrimSpace(out), "\n")); code != exitOK || n != 2 {
			t.Errorf("export --events jsonl = %d, %d lines", code, n)
		}
	})
	t.Run("stats --events", func(t *testing.T) {
		_, mentions, _ := outages(t, "stats", "--by", "kind", "--data", dir, "--format", "csv")
		_, evs, _ := outages(t, "stats", "--events", "--by", "kind", "--data", dir, "--format", "csv")
		if !strings.Contains(mentions, "telecom,4") || !strings.Contains(evs, "kind,events\r\ntelecom,2") {
			t.Errorf("stats by kind: mentions %q, events %q", mentions, evs)
		}
		_, byCountry, _ := outages(t, "stats", "--by", "country", "--data", dir, "--format", "csv")
		if !strings.Contains(byCountry, "FR,4") {
			t.Errorf("stats --by country = %q", byCountry)
		}
	})
	t.Run("search shows the event", func(t *testing.T) {
		_, out, _ := outages(t, "search", "panne", "--data", dir, "--lang", "fr", "--exact-lang", "--limit", "5")
		if !regexp.MustCompile(`event:\s+ev-[0-9a-f]{12}`).MatchString(out) {
			t.Errorf("search hit without its event:\n%s", out)
		}
	})
	t.Run("report", func(t *testing.T) {
		code, out, errOut := outages(t, "report", "--data", dir, "-o", "-", "--since", "2024-01-01")
		if code != exitOK || !strings.Contains(out, `data-event="`+big.ID+`"`) || !strings.HasPrefix(out, "<!DOCTYPE html>") {
			t.Errorf("report -o - = %d (%s), %d bytes", code, errOut, len(out))
		}
		if code, _, _ := outages(t, "report", "--data", dir, "-o", "-", "--since", "2024-13-01"); code != exitUsage {
			t.Errorf("--since 2024-13-01 = %d, want %d", code, exitUsage)
		}
	})
	t.Run("ids survive reindex and another run", func(t *testing.T) {
		if code, _, errOut := outages(t, "reindex", "--data", dir); code != exitOK {
			t.Fatalf("reindex: %s", errOut)
		}
		if code, _, errOut := outages(t, "run", "--data", dir, "--progress", "never", "--source", filepath.Join("testdata", "events")); code != exitOK {
			t.Fatalf("run again: %s", errOut)
		}
		again := listEvents(t, dir)
		if len(again.Events) != 2 || again.Events[0].ID != all.Events[0].ID || again.Events[1].ID != big.ID {
			t.Errorf("ids changed: %v, %v → %+v", all.Events[0].ID, big.ID, again.Events)
		}
	})
}

// chromium returns a headless Chromium, or skips the test outside CI when
// there is none (CI=true: the test must run, .ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no chromium in PATH: CI must install it (apt-get install chromium)")
	}
	t.Skip("no chromium in PATH: the digest's browser test is skipped (apt-get install chromium to run it)")
	return ""
}

// TestDigestInBrowser loads the digest in headless Chromium, offline: the
// page's script must run without error and every event must be in the DOM.
func TestDigestInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := eventsRun(t)
	page := filepath.Join(t.TempDir(), "digest.html")
	if code, _, errOut := outages(t, "report", "--data", dir, "-o", page); code != exitOK {
		t.Fatalf("report: %s", errOut)
	}
	src, _ := os.ReadFile(page)
	if regexp.MustCompile(`(?i)<link|src=|@import|url\(`).Match(src) {
		t.Errorf("the digest loads something from outside itself")
	}
	abs, _ := filepath.Abs(page)
	shot := filepath.Join(t.TempDir(), "digest.png")
	if *digestPNG != "" {
		shot, _ = filepath.Abs(*digestPNG)
	}
	base := []string{"--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(), "--window-size=1200,1500"}
	dom := browse(t, browser, append(base, "--virtual-time-budget=3000", "--dump-dom", "file://"+abs)...)
	if strings.Contains(dom, "data-error=") {
		t.Errorf("script error in the digest: %s", regexp.MustCompile(`data-error="[^"]*"`).FindString(dom))
	}
	if !strings.Contains(dom, `data-ready="ok"`) {
		t.Errorf("the digest's script did not run (no data-ready marker)")
	}
	for _, e := range listEvents(t, dir).Events {
		if !strings.Contains(dom, `data-event="`+e.ID+`"`) {
			t.Errorf("event %s (%s) not in the DOM", e.ID, e.Service)
		}
	}
	if !regexp.MustCompile(`lang="ar" dir="rtl"`).MatchString(dom) {
		t.Errorf("Arabic titles are not right to left")
	}
	browse(t, browser, append(base, "--screenshot="+shot, "file://"+abs)...)
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 1000 {
		t.Errorf("no screenshot: %v", err)
	}
}

func browse(t *testing.T, browser string, args ...string) string {
	t.Helper()
	cmd := exec.Command(browser, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.Output(); close(done) }()
	select {
	case <-done:
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s timed out", browser)
	}
	if err != nil {
		t.Fatalf("%s %v: %v", browser, args, err)
	}
	return string(out)
}
