package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// pageOf returns the file offset of the root page of a bucket.
func pageOf(t *testing.T, path, bucket string) int64 {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var off int64
	db.View(func(tx *bolt.Tx) error {
		off = int64(tx.Bucket([]byte(bucket)).Root()) * int64(db.Info().PageSize)
		return nil
	})
	if off == 0 {
		t.Fatalf("bucket %s is inline", bucket)
	}
	return off
}

// lastLeaf returns the file offset of the last leaf page in use.
func lastLeaf(t *testing.T, path string) int64 {
	t.Helper()
	db, err := bolt.Open(path, 0o644, nil) // read-write: the free list is loaded
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var off int64
	db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			p, err := tx.Page(id)
			if err != nil || p == nil {
				return nil
			}
			if p.Type == "leaf" {
				off = int64(id) * int64(db.Info().PageSize)
			}
		}
	})
	if off == 0 {
		t.Fatal("no leaf page")
	}
	return off
}

// garble overwrites n bytes at off (with a NUL, which no JSON string may hold).
func garble(t *testing.T, path string, off int64, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xde, 0x00, 0xbe, 0xef}, (n+3)/4)[:n], off); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedStore damages corpus.db in several places: every command that
// reads the damaged part exits 1 naming the damage and the repair, check
// exits 1, and check --repair leaves a store that check accepts with every
// article.
func TestDamagedStore(t *testing.T) {
	tests := []struct {
		name string
		// damage returns the file offsets to garble, 16 bytes each.
		damage func(t *testing.T, path string) []int64
		// queries: search and run see the damage too (damage inside one
		// record's text is seen only by what decodes that record).
		queries bool
	}{
		{"articles root page", func(t *testing.T, p string) []int64 { return []int64{pageOf(t, p, "articles") + 8} }, true},
		{"last leaf page", func(t *testing.T, p string) []int64 { return []int64{lastLeaf(t, p) + 8} }, true},
		{"both meta pages", func(t *testing.T, p string) []int64 { return []int64{16, 4096 + 16} }, true},
		{"inside every copy of one article record", func(t *testing.T, p string) []int64 {
			raw, _ := os.ReadFile(p)
			i := bytes.Index(raw, []byte(`{"id":"`))
			rec := raw[i : i+7+32]
			var offs []int64
			for j := 0; ; {
				k := bytes.Index(raw[j:], rec)
				if k < 0 {
					break
				}
				j += k
				if bytes.HasPrefix(raw[j+len(rec):], []byte(`","url":`)) {
					offs = append(offs, int64(j+len(rec)+10))
				}
				j += len(rec)
			}
			return offs
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sampleRun(t)
			path := filepath.Join(dir, storeFile)
			want := readReport(t, dir).Stored
			// A search of the whole store leaves the stamp that spares the
			// next searches the walk: the damage must still be seen.
			if code, _, errOut := outages(t, "search", "panne", "--data", dir); code != exitOK {
				t.Fatalf("search before damage = %d (%s)", code, errOut)
			}
			if _, err := os.Stat(filepath.Join(dir, scannedFile)); err != nil {
				t.Fatalf("no stamp after a search of a whole store: %v", err)
			}
			for _, off := range tt.damage(t, path) {
				garble(t, path, off, 16)
			}
			cmds := [][]string{{"reindex"}, {"check"}}
			if tt.queries {
				cmds = append(cmds, []string{"search", "panne"}, []string{"run", "--progress", "never"})
			}
			for _, args := range cmds {
				code, _, errOut := outages(t, append(args, "--data", dir)...)
				if code != exitFailed {
					t.Errorf("%s = %d, want %d (%s)", args[0], code, exitFailed, errOut)
				}
				if !strings.Contains(errOut, "check --repair") || strings.Contains(errOut, "goroutine ") {
					t.Errorf("%s: %q does not point to check --repair, or has a stack trace", args[0], errOut)
				}
				if args[0] != "check" && !strings.Contains(errOut, "corpus.db is damaged") {
					t.Errorf("%s: %q does not name the damage", args[0], errOut)
				}
			}
			code, out, errOut := outages(t, "check", "--repair", "--data", dir)
			if code != exitOK {
				t.Fatalf("check --repair = %d\n%s\n%s", code, out, errOut)
			}
			if !strings.Contains(out, "damaged file is kept as") {
				t.Errorf("repair does not say where the damaged file is:\n%s", out)
			}
			kept, _ := filepath.Glob(path + ".damaged-*")
			if len(kept) != 1 {
				t.Errorf("damaged file kept as %v, want one copy", kept)
			}
			if code, out, errOut := outages(t, "check", "--data", dir); code != exitOK {
				t.Fatalf("check after repair = %d\n%s\n%s", code, out, errOut)
			}
			_, ids, _ := searchAll(t, dir)
			lost := 0
			if i := strings.Index(out, "LOST "); i >= 0 {
				fmt.Sscanf(out[i:], "LOST %d", &lost)
			}
			if len(ids)+lost != want {
				t.Errorf("after repair the index holds %d articles and %d are reported lost, want %d in all:\n%s", len(ids), lost, want, out)
			}
		})
	}
}

// TestDamagedIndexPointer garbles index/CURRENT: queries name the damaged
// pointer (not a concurrency problem) and check --repair republishes.
func TestDamagedIndexPointer(t *testing.T) {
	tests := []struct{ name, current string }{
		{"garbage", "\x00\x17garbage#"},
		{"names a missing generation", "gen-00000999\n"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := sampleRun(t)
			if err := os.WriteFile(filepath.Join(dir, indexDir, "CURRENT"), []byte(tt.current), 0o644); err != nil {
				t.Fatal(err)
			}
			code, _, errOut := outages(t, "search", "panne", "--data", dir)
			if code != exitFailed || !strings.Contains(errOut, "CURRENT is damaged") || !strings.Contains(errOut, "check --repair") {
				t.Errorf("search = %d, %q", code, errOut)
			}
			if code, _, _ := outages(t, "check", "--data", dir); code != exitFailed {
				t.Errorf("check = %d, want 1", code)
			}
			if code, out, errOut := outages(t, "check", "--repair", "--data", dir); code != exitOK {
				t.Fatalf("check --repair = %d\n%s%s", code, out, errOut)
			}
			if code, _, errOut := outages(t, "search", "panne", "--data", dir); code != exitOK {
				t.Errorf("search after repair = %d, %q", code, errOut)
			}
		})
	}
}

// TestRunLeavesStoreWhole: a finished run records the store as whole, so
// the next run does not walk it; a write to the file after that (damage)
// makes the next run walk it again and stop.
func TestRunLeavesStoreWhole(t *testing.T) {
	dir := sampleRun(t)
	path := filepath.Join(dir, storeFile)
	if !storeWhole(dir) {
		t.Fatal("a finished run did not record the store as whole")
	}
	if code, _, errOut := outages(t, "run", "--progress", "never", "--data", dir); code != exitOK {
		t.Fatalf("second run = %d (%s)", code, errOut)
	}
	if !storeWhole(dir) {
		t.Fatal("a run that found the store recorded whole did not record it again")
	}
	time.Sleep(20 * time.Millisecond) // file clocks are coarse: the damage comes on a later tick than the run's last write
	garble(t, path, lastLeaf(t, path)+8, 16)
	if storeWhole(dir) {
		t.Fatal("a damaged store still reads as whole")
	}
	code, _, errOut := outages(t, "run", "--progress", "never", "--data", dir)
	if code != exitFailed || !strings.Contains(errOut, "corpus.db is damaged") {
		t.Fatalf("run after damage = %d (%s), want %d naming the damage", code, errOut, exitFailed)
	}
	if storeWhole(dir) {
		t.Fatal("a run stopped by damage recorded the store as whole")
	}
}
