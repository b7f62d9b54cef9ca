package main

import (
	"context"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"
)

// TestNightlyProfile runs `outages run` in process on a data directory
// that a benchmark built (not in CI: skipped unless
// OUTAGES_PROFILE_DATA is set), so that the test binary's -test.cpuprofile
// sees the whole run; OUTAGES_PROFILE_HEAP names a heap profile written
// when the heap in use is at its peak (sampled every 100 ms; from
// OUTAGES_PROFILE_AFTER on, a duration, to see a later phase's peak).
// Run it on a copy: the run writes to the directory.
//
//	go test -c -o /tmp/p.test ./cmd/outages
//	OUTAGES_PROFILE_DATA=COPY OUTAGES_PROFILE_SOURCE=nightly.jsonl OUTAGES_PROFILE_HEAP=heap.prof \
//	  /tmp/p.test -test.run '^TestNightlyProfile$' -test.cpuprofile cpu.prof
func TestNightlyProfile(t *testing.T) {
	data := os.Getenv("OUTAGES_PROFILE_DATA")
	if data == "" {
		t.Skip("OUTAGES_PROFILE_DATA not set")
	}
	args := []string{"run", "--data", data, "--progress", "never", "--log-level", "debug"}
	if src := os.Getenv("OUTAGES_PROFILE_SOURCE"); src != "" {
		args = append(args, "--source", src)
	}
	stop := make(chan struct{})
	done := make(chan uint64)
	after, _ := time.ParseDuration(os.Getenv("OUTAGES_PROFILE_AFTER"))
	go samplePeakHeap(t, os.Getenv("OUTAGES_PROFILE_HEAP"), time.Now().Add(after), stop, done)
	var logs strings.Builder
	code := run(context.Background(), args, io.Discard, &logs)
	close(stop)
	peak := <-done
	t.Logf("exit %d, peak heap in use %d MiB\n%s", code, peak>>20, lastLines(logs.String(), 20))
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
}

// samplePeakHeap samples the heap in use until stop and writes a heap
// profile to path (when not empty, from from on) each time it grows by a
// tenth past its peak; it sends the peak on done.
func samplePeakHeap(t *testing.T, path string, from time.Time, stop <-chan struct{}, done chan<- uint64) {
	var peak, written uint64
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			done <- peak
			return
		case <-tick.C:
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		if path == "" || time.Now().Before(from) || ms.HeapInuse < written+written/10 {
			continue
		}
		written = ms.HeapInuse
		f, err := os.Create(path)
		if err != nil {
			t.Error(err)
			continue
		}
		pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
