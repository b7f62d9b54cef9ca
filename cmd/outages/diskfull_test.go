package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wordyFolder writes n HTML pages of pseudo-random words (many distinct
// terms, so the index grows faster than the store), dated over two years.
func wordyFolder(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 3+rng.IntN(8))
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		return string(b)
	}
	for i := range n {
		var body strings.Builder
		for p := 0; p < 6; p++ {
			body.WriteString("<p>")
			for w := 0; w < 80; w++ {
				body.WriteString(word() + " ")
			}
			body.WriteString("outage.</p>\n")
		}
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Report %d %s</title>
<meta property="article:published_time" content="%d-%02d-%02dT10:00:00Z"></head>
<body><article><h1>Report %d %s</h1>%s</article></body></html>`,
			i, word(), 2023+i%2, 1+i%12, 1+i%27, i, word(), body.String())
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("p%05d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// mountTmpfs mounts a tmpfs of the given size, or skips the test.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small tmpfs needs root: the disk-full test did not run")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (%v: %s): the disk-full test did not run", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// runBounded runs the command as a process and kills it after limit.
func runBounded(t *testing.T, limit time.Duration, args ...string) (int, string) {
	t.Helper()
	cmd, out := outagesProcess(t, args...)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		t.Fatalf("outages %s still running after %v:\n%s", strings.Join(args, " "), limit, out)
	}
	return cmd.ProcessState.ExitCode(), out.String()
}

// TestDiskFull runs out of space for real, in the store and in the index:
// the run stops within a bound naming the disk, and the next run with
// space finishes.
func TestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a few megabytes of pages")
	}
	pages := wordyFolder(t, 900)
	tests := []struct {
		name string
		size string
		path string // what the message names
	}{
		{"store does not fit", "2m", storeFile},
		{"index does not fit", "8m", indexDir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mnt := mountTmpfs(t, tt.size)
			data := filepath.Join(mnt, "data")
			code, out := runBounded(t, raceSlowdown*60*time.Second, "run", "--data", data, "--progress", "never", "--source", pages)
			if code != exitFailed {
				t.Fatalf("run = %d, want %d:\n%s", code, exitFailed, out)
			}
			if !strings.Contains(out, "no space left on device writing "+filepath.Join(data, tt.path)) {
				t.Errorf("the message does not name the full disk under %s:\n%s", tt.path, out)
			}
			if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic") {
				t.Errorf("stack trace:\n%s", out)
			}
			if !strings.Contains(out, "Run summary") || !strings.Contains(out, "STOPPED: no space left on device") {
				t.Errorf("no summary of what was done before the stop:\n%s", out)
			}
			if err := exec.Command("mount", "-o", "remount,size=256m", mnt).Run(); err != nil {
				t.Fatalf("grow the tmpfs: %v", err)
			}
			code, out = runBounded(t, raceSlowdown*120*time.Second, "run", "--data", data, "--progress", "never", "--source", pages)
			if code != exitOK {
				t.Fatalf("run with space = %d:\n%s", code, out)
			}
		})
	}
	// The outputs written beside the data directory: a full disk there
	// fails the command with the same one line.
	sample := sampleRun(t)
	outputs := []struct {
		name string
		args func(out string) []string
	}{
		{"report", func(out string) []string {
			return []string{"run", "--data", filepath.Join(t.TempDir(), "d"), "--progress", "never", "--report", out}
		}},
		{"export", func(out string) []string { return []string{"export", "--all", "--data", sample, "-o", out} }},
		{"backup", func(out string) []string { return []string{"backup", "--data", sample, "-o", out} }},
	}
	for _, tt := range outputs {
		t.Run(tt.name+" does not fit", func(t *testing.T) {
			mnt := mountTmpfs(t, "64k")
			os.WriteFile(filepath.Join(mnt, "filler"), make([]byte, 64<<10), 0o644) // fills it, whether or not the last block fits
			out := filepath.Join(mnt, "out")
			code, _, errOut := outages(t, tt.args(out)...)
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			if last := lines[len(lines)-1]; code != exitFailed || !strings.HasPrefix(last, "outages: no space left on device writing "+out+":") {
				t.Errorf("%s on a full disk = %d, %q", tt.name, code, errOut)
			}
			if strings.Contains(errOut, "goroutine ") || strings.Contains(errOut, "level=ERROR") {
				t.Errorf("%s: more than one line about the failure:\n%s", tt.name, errOut)
			}
		})
	}
}
