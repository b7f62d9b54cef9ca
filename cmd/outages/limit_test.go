package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLocalFolderLimit: a folder is read whole unless max_pages is set,
// and a source that stops at its limit is named in the summary.
func TestLocalFolderLimit(t *testing.T) {
	pages := t.TempDir()
	const n = 1005 // more than the web default of 1000
	for i := range n {
		page := fmt.Sprintf(`<html lang="en"><head><title>Note %d</title></head><body><article><h1>Note %d</h1><p>Plain note number %d about the weather in town %d.</p></article></body></html>`, i, i, i, i*7)
		if err := os.WriteFile(filepath.Join(pages, fmt.Sprintf("n%04d.html", i)), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name     string
		conf     string
		wantMin  int
		wantWarn string
	}{
		{"no limit by default", "", n, ""},
		{"a limit that is reached", "[[source]]\nname = \"notes\"\nurl = '" + pages + "'\nmax_pages = 10\n", 1, "source notes stopped at its page limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "d")
			args := []string{"run", "--data", dir, "--progress", "never"}
			if tt.conf != "" {
				conf := filepath.Join(t.TempDir(), "c.toml")
				os.WriteFile(conf, []byte(tt.conf), 0o644)
				args = append(args, "--config", conf)
			} else {
				args = append(args, "--source", pages)
			}
			code, out, errOut := outages(t, args...)
			if code != exitOK {
				t.Fatalf("run = %d\n%s%s", code, out, errOut)
			}
			rep := readReport(t, dir)
			if rep.Stored < tt.wantMin {
				t.Errorf("stored %d, want at least %d", rep.Stored, tt.wantMin)
			}
			warned := strings.Join(rep.Warnings, "\n")
			switch {
			case tt.wantWarn == "" && warned != "":
				t.Errorf("unexpected warnings: %s", warned)
			case tt.wantWarn != "" && (!strings.Contains(warned, tt.wantWarn) || !strings.Contains(warned, "max_pages") || !strings.Contains(out, tt.wantWarn)):
				t.Errorf("warnings %q (summary %q) do not say %q and name max_pages", warned, out, tt.wantWarn)
			}
		})
	}
}
