package crawl

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites golden files: go test ./crawl -run TestExtractGolden -update
var update = flag.Bool("update", false, "rewrite golden files")

// TestExtractGolden extracts every testdata/extract/<case>/page.html (with
// the optional url.txt and selectors.json) and compares the Page with
// want.json.
func TestExtractGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "extract", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 8 {
		t.Fatalf("want at least 8 golden cases, found %d", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join(dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			var u *url.URL
			if raw, err := os.ReadFile(filepath.Join(dir, "url.txt")); err == nil {
				if u, err = url.Parse(strings.TrimSpace(string(raw))); err != nil {
					t.Fatal(err)
				}
			}
			var sel Selectors
			if raw, err := os.ReadFile(filepath.Join(dir, "selectors.json")); err == nil {
				if err := json.Unmarshal(raw, &sel); err != nil {
					t.Fatal(err)
				}
			}
			p, err := Extract(page, u, sel)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(p, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			wantPath := filepath.Join(dir, "want.json")
			if *update {
				if err := os.WriteFile(wantPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Page differs from %s (run with -update after checking):\ngot:\n%s\nwant:\n%s", wantPath, got, want)
			}
		})
	}
}
