package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the test binary act as the outages command when
// OUTAGES_TEST_MAIN is set, so tests can run (and kill) real processes.
func TestMain(m *testing.M) {
	if os.Getenv("OUTAGES_TEST_MAIN") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// outages runs the command in-process and returns its exit code and output.
func outages(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// sampleRun is one run of the bundled sample corpus, shared by the tests
// that only read it.
func sampleRun(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errOut := outages(t, "run", "--data", dir, "--progress", "never")
	if code != exitOK {
		t.Fatalf("run = %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	return dir
}

func readReport(t *testing.T, dir string) runSummary {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, reportsDir, "last-run.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s runSummary
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRunSampleCorpus(t *testing.T) {
	dir := sampleRun(t)
	first := readReport(t, dir)
	if first.Stored < 18 || first.Added != first.Stored || first.Indexed != first.Stored {
		t.Errorf("first run: stored %d, added %d, indexed %d; want all 18+ sample pages", first.Stored, first.Added, first.Indexed)
	}
	for _, lang := range []string{"fr", "ar", "en"} {
		if first.ByLang[lang] < 5 {
			t.Errorf("first run: %d %s articles, want at least 5 (by lang: %v)", first.ByLang[lang], lang, first.ByLang)
		}
	}
	if first.OutageArticles < 10 {
		t.Errorf("first run: %d outage articles, want at least 10", first.OutageArticles)
	}

	t.Run("second run is a no-op", func(t *testing.T) {
		code, out, errOut := outages(t, "run", "--data", dir, "--progress", "never")
		if code != exitOK {
			t.Fatalf("second run = %d\n%s\n%s", code, out, errOut)
		}
		s := readReport(t, dir)
		if s.Added != 0 || s.Updated != 0 || s.Indexed != 0 || s.NotModified != first.Stored {
			t.Errorf("second run: added %d, updated %d, indexed %d, not modified %d; want 0, 0, 0, %d",
				s.Added, s.Updated, s.Indexed, s.NotModified, first.Stored)
		}
		if s.IndexDocs != first.IndexDocs {
			t.Errorf("index holds %d articles after the second run, %d before", s.IndexDocs, first.IndexDocs)
		}
	})

	t.Run("search panne lists French outages with snippets", func(t *testing.T) {
		code, out, errOut := outages(t, "search", "panne", "--data", dir, "--exact-lang")
		if code != exitOK {
			t.Fatalf("search = %d: %s", code, errOut)
		}
		if !strings.Contains(out, "· fr") || !strings.Contains(out, "«") {
			t.Errorf("search panne: want French hits with highlighted snippets, got:\n%s", out)
		}
		if !strings.Contains(out, "language:") {
			t.Errorf("search panne: want facet counts under the hits, got:\n%s", out)
		}
	})

	t.Run("search انقطاع lists Arabic outages", func(t *testing.T) {
		code, out, errOut := outages(t, "search", "انقطاع", "--data", dir, "--exact-lang")
		if code != exitOK {
			t.Fatalf("search = %d: %s", code, errOut)
		}
		if !strings.Contains(out, "· ar") {
			t.Errorf("search انقطاع: want Arabic hits, got:\n%s", out)
		}
	})

	t.Run("search outage as JSON crosses languages", func(t *testing.T) {
		code, out, errOut := outages(t, "search", "outage", "--data", dir, "--format", "json", "--limit", "50")
		if code != exitOK {
			t.Fatalf("search = %d: %s", code, errOut)
		}
		var res struct {
			Total uint64 `json:"total"`
			Hits  []struct {
				Lang    string `json:"lang"`
				Outages []struct {
					Service string `json:"service"`
				} `json:"outages"`
			} `json:"hits"`
			Facets map[string]any `json:"facets"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("search --format json: %v\n%s", err, out)
		}
		langs := map[string]bool{}
		for _, h := range res.Hits {
			langs[h.Lang] = true
		}
		if res.Total == 0 || !langs["fr"] || !langs["ar"] || !langs["en"] {
			t.Errorf("search outage: total %d, languages %v; want hits in fr, ar and en", res.Total, langs)
		}
		if res.Facets == nil {
			t.Error("search --format json: no facets")
		}
	})

	t.Run("export csv has one row per outage", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "out.csv")
		code, _, errOut := outages(t, "export", "--all", "--format", "csv", "--excel", "-o", path, "--data", dir)
		if code != exitOK {
			t.Fatalf("export = %d: %s", code, errOut)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Error("--excel: no UTF-8 byte-order mark")
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))).ReadAll()
		if err != nil {
			t.Fatalf("the CSV does not parse: %v", err)
		}
		want := []string{"article_id", "url", "source", "title", "lang", "published", "service", "kind", "start", "end",
			"duration_min", "duration_kind", "cause", "cause_denied", "evidence_start", "evidence_duration", "evidence_cause"}
		if len(rows) == 0 || strings.Join(rows[0][:len(want)], ",") != strings.Join(want, ",") {
			t.Fatalf("CSV header = %v, want it to start with %v", rows[0], want)
		}
		outagesSeen := 0
		for _, r := range rows[1:] {
			if r[6] != "" {
				outagesSeen++
			}
		}
		if outagesSeen < first.OutageArticles {
			t.Errorf("CSV has %d outage rows, want at least one per outage article (%d)", outagesSeen, first.OutageArticles)
		}
	})

	t.Run("stats by cause", func(t *testing.T) {
		code, out, errOut := outages(t, "stats", "--by", "cause", "--data", dir)
		if code != exitOK || !strings.Contains(out, "total") {
			t.Fatalf("stats = %d\n%s\n%s", code, out, errOut)
		}
	})
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"no command", nil, exitUsage, "Usage"},
		{"unknown command", []string{"crawl"}, exitUsage, `unknown command "crawl"`},
		{"unknown flag", []string{"run", "--frobnicate"}, exitUsage, "flag provided but not defined: -frobnicate"},
		{"bad lang", []string{"search", "x", "--lang", "de", "--data", dir}, exitUsage, `--lang: "de" is not fr, ar, en or other`},
		{"bad cause", []string{"search", "x", "--cause", "aliens", "--data", dir}, exitUsage, `--cause: "aliens" is not a cause`},
		{"bad date", []string{"export", "--since", "2024-13-01", "--data", dir}, exitUsage, `--since: "2024-13-01" is not a date`},
		{"missing query", []string{"search", "--data", dir}, exitUsage, "missing QUERY"},
		{"bad format", []string{"search", "x", "--format", "xml", "--data", dir}, exitUsage, `--format: "xml"`},
		{"missing config", []string{"run", "--config", filepath.Join(dir, "nope.conf"), "--data", dir}, exitUsage, "nope.conf"},
		{"no index yet", []string{"search", "x", "--data", filepath.Join(dir, "empty")}, exitFailed, "no index"},
		{"eval with nothing", []string{"eval"}, exitUsage, "nothing to evaluate"},
		{"bad tag ref", []string{"tag", "--ref", "yesterday", "x"}, exitUsage, "--ref"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := outages(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("outages %v = %d, stderr:\n%s\nwant %d and %q", tt.args, code, errOut, tt.code, tt.wantErr)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "panic") {
				t.Errorf("stack trace for a user error:\n%s", errOut)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, out, _ := outages(t, c.name, "--help")
			if code != exitOK || !strings.Contains(out, "Usage: outages "+c.name) || !strings.Contains(out, "Examples:") {
				t.Errorf("%s --help = %d:\n%s", c.name, code, out)
			}
		})
	}
	code, out, _ := outages(t, "--version")
	if code != exitOK || !strings.HasPrefix(out, "outages "+version) {
		t.Errorf("--version = %d %q", code, out)
	}
}

func TestBadConfigKeepsData(t *testing.T) {
	dir := sampleRun(t)
	before := readReport(t, dir)
	conf := filepath.Join(t.TempDir(), "bad.conf")
	os.WriteFile(conf, []byte("user_agent = \"test (+https://example.org)\"\ndealy = \"1s\"\n"), 0o644)
	code, _, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	if code != exitUsage || !strings.Contains(errOut, "bad.conf:2") {
		t.Fatalf("run with a bad config line = %d:\n%s\nwant exit 2 naming bad.conf:2", code, errOut)
	}
	code, out, _ := outages(t, "search", "*", "--data", dir, "--format", "json", "--limit", "0")
	var res struct{ Total uint64 }
	json.Unmarshal([]byte(out), &res)
	if code != exitOK || res.Total != before.IndexDocs {
		t.Errorf("after a bad config: search total %d (exit %d), want %d", res.Total, code, before.IndexDocs)
	}
}

func TestMalformedQuery(t *testing.T) {
	dir := sampleRun(t)
	tests := []struct{ query, want string }{
		{"title:", "position 6: expected a value"},
		{"panne^", "position 5: invalid boost"},
		{`"unterminated`, `position 0: missing closing '"'`},
		{"duration_min:>abc", "position 14: expected a number or a date"},
		{"~2", "position 0: expected a term"},
		{"panne AND (orange", `query "panne AND (orange": position 17: missing ")"`},
		{"panne OR", "position 8: expected a term after OR"},
		{"AND panne", "position 0: AND needs a term before it"},
		{"انقطاع AND", "position 10: expected a term after AND"}, // characters, not bytes
		{"panne)", `position 5: unexpected ")"`},
		{"published:[2024-01-01 TO", `position 24: expected a number or a date after "TO"`},
	}
	for _, tt := range tests {
		for _, cmd := range []string{"search", "export", "stats"} {
			t.Run(cmd+" "+tt.query, func(t *testing.T) {
				code, _, errOut := outages(t, cmd, tt.query, "--data", dir)
				if code != exitUsage || !strings.Contains(errOut, tt.want) {
					t.Errorf("%s %q = %d:\n%s\nwant exit 2 and %q", cmd, tt.query, code, errOut, tt.want)
				}
			})
		}
	}
}

// TestBooleanQueries checks on the sample corpus that the boolean
// operators and the + - prefixes agree, through all three query commands.
func TestBooleanQueries(t *testing.T) {
	dir := sampleRun(t)
	ids := func(t *testing.T, args ...string) []string {
		t.Helper()
		flags, query := args[:len(args)-1], args[len(args)-1]
		code, out, errOut := outages(t, append(append([]string{"export", "--format", "jsonl", "--data", dir}, flags...), "--", query)...)
		if code != exitOK {
			t.Fatalf("export %q = %d: %s", args, code, errOut)
		}
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var a struct{ ID string }
			if line != "" && json.Unmarshal([]byte(line), &a) == nil {
				got = append(got, a.ID)
			}
		}
		sort.Strings(got)
		return got
	}
	same := []struct{ a, b string }{
		{"panne AND orange", "+panne +orange"},
		{"panne && orange", "+panne +orange"},
		{"panne AND NOT orange", "+panne -orange"},
		{"panne && !orange", "panne NOT orange"},
		{"cause:(cyberattack OR power)", "cause:cyberattack || cause:power"},
	}
	for _, tt := range same {
		t.Run(tt.a, func(t *testing.T) {
			a, b := ids(t, tt.a), ids(t, tt.b)
			if len(a) == 0 || strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("%q: %v\n%q: %v\nwant the same, non-empty", tt.a, a, tt.b, b)
			}
		})
	}
	all, and, not := ids(t, "panne"), ids(t, "panne AND orange"), ids(t, "panne AND NOT orange")
	if len(and) == 0 || len(and)+len(not) != len(all) {
		t.Errorf("panne: %d hits; AND orange %d + AND NOT orange %d should add up", len(all), len(and), len(not))
	}
	if got := ids(t, "panne*"); len(got) == 0 {
		t.Error("panne*: no hits")
	}
	if got := ids(t, "(panne OR outage) AND cause:cyberattack"); len(got) == 0 {
		t.Error("(panne OR outage) AND cause:cyberattack: no hits")
	}
	if any, every := ids(t, "panne orange"), ids(t, "--and", "panne orange"); len(every) == 0 || len(every) >= len(any) || strings.Join(every, " ") != strings.Join(and, " ") {
		t.Errorf("panne orange: %d hits, with --and %d, want fewer with --and, as panne AND orange (%d)", len(any), len(every), len(and))
	}
}

func TestSecondRunRefused(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	lock, err := lockDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.release()
	code, _, errOut := outages(t, "run", "--data", dir, "--progress", "never")
	if code != exitFailed || !strings.Contains(errOut, "in use by another outages run") {
		t.Errorf("run while another holds the lock = %d:\n%s", code, errOut)
	}
}

// TestRunSampleFolder: crawling the sample folder as a source, as a
// newcomer might (`outages run --source corpus/sample`), reads its pages
// only and finishes cleanly: the gold records beside it are no articles.
func TestRunSampleFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	code, out, errOut := outages(t, "run", "--data", dir, "--progress", "never", "--source", filepath.Join("..", "..", "corpus", "sample"))
	if code != 0 {
		t.Fatalf("exit %d, want 0\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "stored 18") {
		t.Errorf("want the 18 sample pages stored:\n%s", out)
	}
}
