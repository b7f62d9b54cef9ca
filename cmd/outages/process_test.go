package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// newsSite serves an RSS feed of n articles (n can grow) and the articles,
// each answering after a delay, so a run takes long enough to be killed or
// searched mid-way.
type newsSite struct {
	n     atomic.Int32
	delay atomic.Int64 // nanoseconds per article
	srv   *httptest.Server
}

var weekdays = []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
var operators = []string{"Orange", "SFR", "Free", "Bouygues Telecom", "OVHcloud", "Twitter", "Facebook"}

func newNewsSite(t *testing.T, n int) *newsSite {
	s := &newsSite{}
	s.n.Store(int32(n))
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Actu</title><link>`+s.srv.URL+`/</link>`)
		for i := 1; i <= int(s.n.Load()); i++ {
			fmt.Fprintf(w, "<item><title>Article %d</title><link>%s/article/%d</link></item>", i, s.srv.URL, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/article/", func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/article/"), "%d", &i)
		time.Sleep(time.Duration(s.delay.Load()))
		op, day := operators[i%len(operators)], weekdays[i%len(weekdays)]
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="fr"><head><title>Panne numéro %d chez %s - Actu</title>
<meta property="article:published_time" content="2024-03-%02dT10:00:00+01:00"></head><body>
<article><h1>Panne numéro %d chez %s</h1>
<p>Les clients de %s ont subi %s une panne du réseau qui a duré %d minutes, selon l'opérateur. L'incident numéro %d a touché des milliers d'abonnés dans plusieurs régions.</p>
<p>L'opérateur explique que la coupure est due à une mise à jour logicielle défectueuse déployée dans la nuit sur ses serveurs, et non à un piratage. Le service a été rétabli dans l'après-midi après l'intervention des équipes techniques.</p>
<p>Les associations de consommateurs demandent un geste commercial pour les abonnés concernés par l'incident numéro %d.</p>
</article></body></html>`, i, op, 1+i%27, i, op, op, day, 20+i, i, i)
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

// writeConf writes a config crawling the site's feed with short delays.
func (s *newsSite) writeConf(t *testing.T, dir string) string {
	conf := filepath.Join(dir, "test.toml")
	body := fmt.Sprintf(`user_agent = "outages-test/1.0 (+https://example.org/bot)"
delay = "5ms"
concurrency = 2

[[source]]
name = "site"
url = "%s/feed.xml"
kind = "feed"
max_pages = 1000
`, s.srv.URL)
	if err := os.WriteFile(conf, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// outagesProcess starts the test binary as the outages command.
func outagesProcess(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "OUTAGES_TEST_MAIN=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// searchAll returns the IDs of every indexed article (exit code and IDs).
func searchAll(t *testing.T, dir string) (int, []string, string) {
	t.Helper()
	code, out, errOut := outages(t, "search", "*", "--data", dir, "--format", "json", "--limit", "10000")
	if code != exitOK {
		return code, nil, errOut
	}
	var res struct {
		Total uint64
		Hits  []struct{ ID string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search output: %v", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	if uint64(len(ids)) != res.Total {
		t.Errorf("search total %d but %d hits", res.Total, len(ids))
	}
	return code, ids, ""
}

func checkUnique(t *testing.T, ids []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("article %s is indexed twice", id)
		}
		seen[id] = true
	}
}

// TestKilledRunRecovers kills real `outages run` processes with SIGKILL at
// several moments and checks that the data directory stays usable, that
// nothing already indexed is lost, and that the next run completes with a
// consistent index without duplicates.
func TestKilledRunRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	site := newNewsSite(t, 10)
	tmp := t.TempDir()
	dir, conf := filepath.Join(tmp, "data"), site.writeConf(t, tmp)
	if code, out, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never"); code != exitOK {
		t.Fatalf("first run = %d\n%s\n%s", code, out, errOut)
	}
	_, base, _ := searchAll(t, dir)
	if len(base) != 10 {
		t.Fatalf("first run indexed %d articles, want 10", len(base))
	}

	site.n.Store(40)
	site.delay.Store(int64(20 * time.Millisecond))
	for _, after := range []time.Duration{150 * time.Millisecond, 400 * time.Millisecond, 900 * time.Millisecond, 1500 * time.Millisecond} {
		t.Run(fmt.Sprintf("kill after %v", after), func(t *testing.T) {
			cmd, out := outagesProcess(t, "run", "--config", conf, "--data", dir, "--progress", "never")
			time.Sleep(after)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			code, ids, errOut := searchAll(t, dir)
			if code != exitOK {
				t.Fatalf("search after SIGKILL = %d: %s\nrun output:\n%s", code, errOut, out)
			}
			if len(ids) < len(base) {
				t.Errorf("after SIGKILL the index holds %d articles, fewer than the %d indexed before", len(ids), len(base))
			}
			checkUnique(t, ids)
		})
	}
	site.delay.Store(0)
	if code, out, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never"); code != exitOK {
		t.Fatalf("run after the kills = %d\n%s\n%s", code, out, errOut)
	}
	_, ids, _ := searchAll(t, dir)
	if len(ids) != 40 {
		t.Errorf("after recovery the index holds %d articles, want 40", len(ids))
	}
	checkUnique(t, ids)
}

// TestSearchDuringRun searches while a real run is crawling and indexing:
// every search succeeds and sees at least the last complete index.
func TestSearchDuringRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	site := newNewsSite(t, 8)
	tmp := t.TempDir()
	dir, conf := filepath.Join(tmp, "data"), site.writeConf(t, tmp)
	if code, out, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never"); code != exitOK {
		t.Fatalf("first run = %d\n%s\n%s", code, out, errOut)
	}
	site.n.Store(30)
	site.delay.Store(int64(10 * time.Millisecond))
	cmd, out := outagesProcess(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	searches := 0
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("run: %v\n%s", err, out)
			}
			running = false
		default:
			code, ids, errOut := searchAll(t, dir)
			if code != exitOK {
				t.Fatalf("search during a run = %d: %s", code, errOut)
			}
			if len(ids) < 8 {
				t.Fatalf("search during a run saw %d articles, want at least the 8 indexed before", len(ids))
			}
			checkUnique(t, ids)
			searches++
		}
	}
	if searches < 3 {
		t.Logf("only %d searches ran during the run", searches)
	}
	if _, ids, _ := searchAll(t, dir); len(ids) != 30 {
		t.Errorf("after the run the index holds %d articles, want 30", len(ids))
	}
	// A second run while nothing changed on the server is refused only while
	// another holds the lock; here it must run and change nothing.
	code, _, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	if code != exitOK {
		t.Fatalf("third run = %d: %s", code, errOut)
	}
	if s := readReport(t, dir); s.Indexed != 0 {
		t.Errorf("third run over an unchanged site indexed %d articles, want 0", s.Indexed)
	}
}

// TestSecondRunProcessRefused starts a slow run and a second one on the same
// data directory: the second refuses at once.
func TestSecondRunProcessRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("starts real processes")
	}
	site := newNewsSite(t, 20)
	site.delay.Store(int64(50 * time.Millisecond))
	tmp := t.TempDir()
	dir, conf := filepath.Join(tmp, "data"), site.writeConf(t, tmp)
	cmd, _ := outagesProcess(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(filepath.Join(dir, lockFile))
		if len(b) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first run never took the lock")
		}
		time.Sleep(20 * time.Millisecond)
	}
	start := time.Now()
	code, _, errOut := outages(t, "run", "--config", conf, "--data", dir, "--progress", "never")
	if code != exitFailed || !strings.Contains(errOut, "in use by another outages run") {
		t.Errorf("second run = %d:\n%s", code, errOut)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the second run took %v to refuse", took)
	}
}
