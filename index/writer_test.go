package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"outages/corpus"
)

func TestUpsertByID(t *testing.T) {
	tests := []struct {
		name      string
		batchSize int
		sameRun   bool
	}{
		{"across runs", 0, false},
		{"same run across flushes", 1, true},
		{"same run same batch", 100, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := Options{BatchSize: tt.batchSize}
			v1 := art("x", "fr", "2024-07-03", "Panne du réseau", "Une panne ancienne.")
			v2 := art("x", "fr", "2024-09-01", "Panne du réseau", "Une coupure nouvelle.")
			other := art("y", "fr", "2024-07-04", "Autre", "Texte sans rapport.")
			if tt.sameRun {
				writeIndex(t, dir, opts, v1, other, v2)
			} else {
				writeIndex(t, dir, opts, v1, other)
				writeIndex(t, dir, opts, v2)
			}
			r := openReader(t, dir)
			if got := ids(t, r, Query{}); !sameIDs(got, []string{"x", "y"}) {
				t.Fatalf("got %v, want [x y]", got)
			}
			if got := ids(t, r, Query{Text: "coupure", ExactLang: true}); !sameIDs(got, []string{"x"}) {
				t.Errorf("new version not found: %v", got)
			}
			if got := ids(t, r, Query{Text: "ancienne", ExactLang: true}); len(got) != 0 {
				t.Errorf("old version still found: %v", got)
			}
			if m := r.Meta(); m.Docs != 2 || m.SchemaVersion != SchemaVersion {
				t.Errorf("meta %+v", m)
			}
		})
	}
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, fixtures()...)
	w, err := OpenWriter(ctx, dir, Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if b := w.Base(); b.Docs != 9 || b.Watermark != 9 || b.Classifier != "test" {
		t.Errorf("base %+v", b)
	}
	// Put then delete in the same batch, delete across partitions, unknown id.
	if err := w.Put(ctx, art("new", "en", "2024-01-01", "t", "b")); err != nil {
		t.Fatal(err)
	}
	if err := w.Delete(ctx, "new", "fr1", "ar2", "nope"); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(ctx, Meta{Watermark: 10}); err != nil {
		t.Fatal(err)
	}
	r := openReader(t, dir)
	got := ids(t, r, Query{})
	want := []string{"ar1", "ar3", "en1", "en2", "en3", "fr2", "fr3"}
	if !sameIDs(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if m := r.Meta(); m.Docs != 7 || m.Watermark != 10 {
		t.Errorf("meta %+v", m)
	}
}

func TestFreshWriterAndAbort(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, fixtures()...)
	w, err := OpenFreshWriter(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b := w.Base(); b.Watermark != 0 {
		t.Errorf("fresh base watermark %d", b.Watermark)
	}
	if _, err := OpenWriter(ctx, dir, Options{}); err == nil {
		t.Error("second writer opened while one is active")
	}
	if err := w.Put(ctx, art("only", "en", "2024-01-01", "t", "b")); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	r := openReader(t, dir)
	if m := r.Meta(); m.Docs != 9 {
		t.Errorf("abort changed the index: %+v", m)
	}
	gens, _ := listGenerations(dir)
	if len(gens) != 1 {
		t.Errorf("generations after abort: %v", gens)
	}
}

func TestBadInput(t *testing.T) {
	ctx := context.Background()
	w, err := OpenWriter(ctx, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	tests := []struct {
		name string
		a    *corpus.Article
	}{
		{"nil", nil},
		{"no id", &corpus.Article{URL: "https://x.example/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := w.Put(ctx, tt.a); err == nil {
				t.Error("no error")
			}
		})
	}
	// Odd but valid values must not fail.
	odd := art("odd", "xx", "20", "", "", outageSpec{start: "XXXX-07-01", dur: intp(-5)})
	if err := w.Put(ctx, odd); err != nil {
		t.Errorf("odd article: %v", err)
	}
}

func TestEachManyDocs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	const n = 900
	arts := make([]*corpus.Article, n)
	for i := range arts {
		arts[i] = synthArticle(i, 300)
	}
	writeIndex(t, dir, Options{BatchSize: 400}, arts...)
	r := openReader(t, dir)
	r.page = 7 // page many times in each partition
	tests := []struct {
		name string
		q    Query
	}{
		{"all", Query{}},
		{"arabic", Query{Langs: []string{"ar"}}},
		{"outages text", Query{Text: "outage", OutagesOnly: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Search(ctx, Query{Text: tt.q.Text, Langs: tt.q.Langs, OutagesOnly: tt.q.OutagesOnly, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			err = r.Each(ctx, tt.q, func(a *corpus.Article) error {
				if seen[a.ID] {
					return fmt.Errorf("duplicate %s", a.ID)
				}
				seen[a.ID] = true
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if uint64(len(seen)) != res.Total || len(seen) == 0 {
				t.Errorf("Each saw %d, Search counts %d", len(seen), res.Total)
			}
		})
	}
	stop := errors.New("stop")
	k := 0
	err := r.Each(ctx, Query{}, func(*corpus.Article) error {
		if k++; k == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || k != 10 {
		t.Errorf("Each did not stop: %v after %d", err, k)
	}
	if m := r.Meta(); m.Docs != n {
		t.Errorf("docs %d", m.Docs)
	}
}

func TestReadersDuringWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, fixtures()...)
	old := openReader(t, dir)

	w, err := OpenWriter(ctx, dir, Options{BatchSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	stop := make(chan struct{})
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				// A reader opened mid-write sees the last complete generation.
				time.Sleep(20 * time.Millisecond)
				r, err := Open(dir)
				if err != nil {
					errs <- err
					return
				}
				res, err := r.Search(ctx, Query{Facets: true})
				r.Close()
				if err != nil {
					errs <- err
					return
				}
				if res.Total != 9 {
					errs <- fmt.Errorf("mid-write reader saw %d docs", res.Total)
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		if err := w.Put(ctx, synthArticle(i, 400)); err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			if got := ids(t, old, Query{}); len(got) != 9 {
				t.Fatalf("old reader saw %d docs mid-write", len(got))
			}
		}
	}
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := w.Commit(ctx, Meta{}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, old, Query{}); len(got) != 9 {
		t.Errorf("old reader after commit saw %d docs", len(got))
	}
	r := openReader(t, dir)
	if m := r.Meta(); m.Docs != 209 {
		t.Errorf("new generation holds %d docs", m.Docs)
	}
	oldGen := old.Meta().Generation
	// The old generation is kept while its reader is open...
	writeIndex(t, dir, Options{}, art("z", "en", "2024-01-01", "t", "b"))
	if _, err := os.Stat(filepath.Join(dir, oldGen)); err != nil {
		t.Errorf("generation of an open reader removed: %v", err)
	}
	// ...and removed by the next writer once closed.
	old.Close()
	r.Close()
	writeIndex(t, dir, Options{}, art("z2", "en", "2024-01-01", "t", "b"))
	gens, _ := listGenerations(dir)
	if len(gens) != 1 {
		t.Errorf("generations left: %v", gens)
	}
}

// The crash tests run a writer in a child process (this test binary again)
// and kill it with SIGKILL at a chosen moment.
const crashEnv = "OUTAGES_INDEX_CRASH"

func TestCrashChild(t *testing.T) {
	mode := os.Getenv(crashEnv)
	if mode == "" {
		t.Skip("helper for TestCrashSafety")
	}
	dir := os.Getenv(crashEnv + "_DIR")
	ctx := context.Background()
	w, err := OpenWriter(ctx, dir, Options{BatchSize: 100})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 150; i++ {
		if err := w.Put(ctx, synthArticle(1000+i, 300)); err != nil {
			t.Fatal(err)
		}
	}
	kill := func() { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
	switch mode {
	case "mid-write":
		kill()
	case "before-publish":
		w.beforePublish = kill
	}
	if err := w.Commit(ctx, Meta{}); err != nil {
		t.Fatal(err)
	}
}

func TestCrashSafety(t *testing.T) {
	for _, mode := range []string{"mid-write", "before-publish", "abandoned-dir"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			writeIndex(t, dir, Options{}, fixtures()...)
			if mode == "abandoned-dir" {
				// A generation directory with partial content and no meta.
				junk := filepath.Join(dir, genName(99), "p-2024-01", "store")
				if err := os.MkdirAll(junk, 0o755); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(junk, "000000000001.zap"), []byte("partial"), 0o644)
			} else {
				cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
				cmd.Env = append(os.Environ(), crashEnv+"="+mode, crashEnv+"_DIR="+dir)
				out, err := cmd.CombinedOutput()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
					t.Fatalf("child did not die by SIGKILL: %v\n%s", err, out)
				}
			}
			gens, _ := listGenerations(dir)
			if len(gens) != 2 {
				t.Fatalf("expected an unfinished generation next to the published one, got %v", gens)
			}
			r := openReader(t, dir)
			if got := ids(t, r, Query{}); len(got) != 9 {
				t.Errorf("after crash the index holds %d docs, want 9", len(got))
			}
			r.Close()
			// The next writer cleans up and works.
			writeIndex(t, dir, Options{}, art("after", "en", "2024-02-02", "t", "b"))
			gens, _ = listGenerations(dir)
			if len(gens) != 1 {
				t.Errorf("leftover generations: %v", gens)
			}
			r = openReader(t, dir)
			if m := r.Meta(); m.Docs != 10 {
				t.Errorf("docs %d, want 10", m.Docs)
			}
		})
	}
}

func TestReindexAfterSchemaChange(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := NeedsReindex(dir); !errors.Is(err, ErrNoIndex) {
		t.Errorf("NeedsReindex on empty dir: %v", err)
	}
	writeIndex(t, dir, Options{}, fixtures()...)
	if need, err := NeedsReindex(dir); err != nil || need {
		t.Fatalf("NeedsReindex = %v, %v on a current index", need, err)
	}
	// Pretend the generation was written by an older schema.
	name, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	mpath := filepath.Join(dir, name, metaFile)
	raw, _ := os.ReadFile(mpath)
	var gm map[string]interface{}
	if err := json.Unmarshal(raw, &gm); err != nil {
		t.Fatal(err)
	}
	gm["schema_version"] = SchemaVersion - 1
	raw, _ = json.Marshal(gm)
	if err := os.WriteFile(mpath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	if need, err := NeedsReindex(dir); err != nil || !need {
		t.Fatalf("NeedsReindex = %v, %v after a schema change", need, err)
	}
	if _, err := OpenWriter(ctx, dir, Options{}); err == nil || !strings.Contains(err.Error(), "schema") {
		t.Errorf("incremental writer on an old schema: %v", err)
	}
	w, err := OpenFreshWriter(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Put(ctx, fixtures()[:4]...); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(ctx, Meta{Watermark: 4}); err != nil {
		t.Fatal(err)
	}
	if need, err := NeedsReindex(dir); err != nil || need {
		t.Errorf("NeedsReindex = %v, %v after reindex", need, err)
	}
	m, err := ReadMeta(dir)
	if err != nil || m.Docs != 4 || m.Watermark != 4 {
		t.Errorf("ReadMeta = %+v, %v", m, err)
	}
}

// The analyzer chosen at query time must not depend on the process: run
// the same queries in several fresh processes on one index.
const restartEnv = "OUTAGES_INDEX_RESTART_DIR"

func TestRestartChild(t *testing.T) {
	dir := os.Getenv(restartEnv)
	if dir == "" {
		t.Skip("helper for TestAnalyzersAcrossProcesses")
	}
	r := openReader(t, dir)
	for _, q := range []string{"panne", "body:panne", "outages", "انقطاع"} {
		fmt.Printf("%s=%s\n", q, strings.Join(ids(t, r, Query{Text: q, ExactLang: true}), ","))
	}
}

func TestAnalyzersAcrossProcesses(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{},
		art("f", "fr", "2024-01-02", "Titre", "Deux pannes."),
		art("e", "en", "2024-01-02", "Title", "An outage."),
		art("a", "ar", "2024-01-02", "عنوان", "الانقطاع مستمر."),
	)
	want := "panne=f\nbody:panne=f\noutages=e\nانقطاع=a\n"
	for i := 0; i < 4; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRestartChild$")
		cmd.Env = append(os.Environ(), restartEnv+"="+dir)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("run %d: %v\n%s", i, err, out)
		}
		got := string(out)
		if j := strings.Index(got, "PASS"); j >= 0 {
			got = got[:j]
		}
		if got != want {
			t.Fatalf("process %d: got %q, want %q", i, got, want)
		}
	}
}

// TestCommitPartitionsInParallel commits generations whose partitions are
// finished together (Commit applies and finishes them on every core): a
// run that adds to some partitions, leaves others untouched and moves an
// article from one year to another, with batches large and small, and
// checks the documents counted, the partitions listed and their facet
// tables.
func TestCommitPartitionsInParallel(t *testing.T) {
	years := []string{"2019", "2020", "2021", "2022", "2023", "2024"}
	for _, batch := range []int{1, 3, 0} {
		t.Run(fmt.Sprintf("batch %d", batch), func(t *testing.T) {
			dir := t.TempDir()
			opts := Options{BatchSize: batch}
			var first []*corpus.Article
			for i, y := range years {
				for k := 0; k <= i; k++ {
					first = append(first, art(fmt.Sprintf("a%s-%d", y, k), "en", y+"-03-0"+fmt.Sprint(k+1), "Outage", "A power outage in "+y+"."))
				}
			}
			first = append(first, art("undated", "fr", "", "Panne", "Une panne sans date."))
			writeIndex(t, dir, opts, first...)
			// The second run: new articles in two years, one article moved
			// from 2020 to 2024, the other years untouched.
			writeIndex(t, dir, opts,
				art("b2021", "en", "2021-05-01", "Outage", "Another outage."),
				art("a2020-0", "en", "2024-06-01", "Outage", "A power outage, redated."),
				art("b2024", "ar", "2024-07-01", "انقطاع", "انقطاع الكهرباء."))
			r := openReader(t, dir)
			want := len(first) + 2
			if m := r.Meta(); m.Docs != uint64(want) {
				t.Errorf("docs = %d, want %d", m.Docs, want)
			}
			if got := ids(t, r, Query{Limit: 100}); len(got) != want {
				t.Errorf("%d ids, want %d: %v", len(got), want, got)
			}
			if got := ids(t, r, Query{Text: "redated", ExactLang: true}); !sameIDs(got, []string{"a2020-0"}) {
				t.Errorf("moved article: %v", got)
			}
			cur, err := readCurrent(dir)
			if err != nil {
				t.Fatal(err)
			}
			gm, err := readGenMeta(filepath.Join(dir, cur))
			if err != nil {
				t.Fatal(err)
			}
			wantParts := append(append([]string(nil), years...), "undated")
			if strings.Join(gm.Partitions, " ") != strings.Join(wantParts, " ") {
				t.Errorf("partitions %v, want %v", gm.Partitions, wantParts)
			}
			for _, p := range gm.Partitions {
				if !hasFacetTable(partDir(filepath.Join(dir, cur), p)) {
					t.Errorf("partition %s has no facet table", p)
				}
			}
		})
	}
}
