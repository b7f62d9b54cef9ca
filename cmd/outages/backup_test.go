package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBackupRestore round-trips the archive: every article comes back,
// a damaged backup is refused, and a non-empty data directory is too.
func TestBackupRestore(t *testing.T) {
	dir := sampleRun(t)
	_, want, _ := searchAll(t, dir)
	file := filepath.Join(t.TempDir(), "b.db.zst")
	if code, out, errOut := outages(t, "backup", "-o", file, "--data", dir); code != exitOK {
		t.Fatalf("backup = %d\n%s%s", code, out, errOut)
	}
	restored := filepath.Join(t.TempDir(), "restored")
	if code, out, errOut := outages(t, "restore", file, "--data", restored); code != exitOK {
		t.Fatalf("restore = %d\n%s%s", code, out, errOut)
	}
	_, got, _ := searchAll(t, restored)
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") || len(got) == 0 {
		t.Errorf("restored %d articles, want the %d backed up", len(got), len(want))
	}
	if code, out, _ := outages(t, "check", "--data", restored); code != exitOK {
		t.Errorf("check of the restored directory = %d\n%s", code, out)
	}

	tests := []struct {
		name   string
		prep   func(t *testing.T) (file, data string)
		errSub string
	}{
		{"damaged backup", func(t *testing.T) (string, string) {
			raw, _ := os.ReadFile(file)
			raw[len(raw)/2] ^= 0xff
			bad := filepath.Join(t.TempDir(), "bad.db.zst")
			os.WriteFile(bad, raw, 0o644)
			sum, _ := os.ReadFile(file + sumSuffix)
			os.WriteFile(bad+sumSuffix, sum, 0o644)
			return bad, filepath.Join(t.TempDir(), "d")
		}, "does not match its checksum"},
		{"missing checksum", func(t *testing.T) (string, string) {
			raw, _ := os.ReadFile(file)
			lone := filepath.Join(t.TempDir(), "lone.db.zst")
			os.WriteFile(lone, raw, 0o644)
			return lone, filepath.Join(t.TempDir(), "d")
		}, "cannot be verified"},
		{"data directory not empty", func(t *testing.T) (string, string) { return file, restored }, "is not empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, data := tt.prep(t)
			code, _, errOut := outages(t, "restore", f, "--data", data)
			if code != exitFailed || !strings.Contains(errOut, tt.errSub) {
				t.Errorf("restore = %d, %q; want 1 and %q", code, errOut, tt.errSub)
			}
		})
	}
}

// TestNightlyBackup: with backup and backup_keep set, every run leaves a
// backup and only the newest backup_keep stay.
func TestNightlyBackup(t *testing.T) {
	tmp := t.TempDir()
	backups := filepath.Join(tmp, "backups")
	conf := filepath.Join(tmp, "outages.toml")
	if err := os.WriteFile(conf, []byte("backup = '"+backups+"'\nbackup_keep = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(tmp, "data")
	for i := range 3 {
		if code, out, errOut := outages(t, "run", "--config", conf, "--data", data, "--progress", "never"); code != exitOK {
			t.Fatalf("run %d = %d\n%s%s", i, code, out, errOut)
		}
	}
	files, _ := filepath.Glob(filepath.Join(backups, "outages-*.db.zst"))
	sums, _ := filepath.Glob(filepath.Join(backups, "outages-*.db.zst.sha256"))
	if len(files) != 2 || len(sums) != 2 {
		t.Fatalf("backups %v, sums %v: want 2 of each", files, sums)
	}
	if code, out, errOut := outages(t, "restore", files[1], "--data", filepath.Join(tmp, "r")); code != exitOK {
		t.Errorf("restore of the nightly backup = %d\n%s%s", code, out, errOut)
	}
}
