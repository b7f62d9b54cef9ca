package classify

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/corpus"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.golden.json")

// goldenRecord is what the golden files hold: the eval record fields.
type goldenRecord struct {
	Lang      string          `json:"lang"`
	Published string          `json:"published"`
	IsOutage  bool            `json:"is_outage"`
	Outages   []corpus.Outage `json:"outages"`
}

// TestGolden classifies testdata/golden/*.txt (an optional first line
// "published: YYYY-MM-DD", then the text) and compares with *.golden.json.
func TestGolden(t *testing.T) {
	c := newTest(t)
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			a := &corpus.Article{URL: "file:" + name}
			if rest, ok := strings.CutPrefix(text, "published: "); ok {
				line, body, _ := strings.Cut(rest, "\n")
				a.Published = strings.TrimSpace(line)
				text = body
			}
			a.Body = text
			c.Classify(a)
			got, err := json.MarshalIndent(goldenRecord{a.Lang, a.Published, a.IsOutage, a.Outages}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			gf := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(gf, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(gf)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs (go test -update rewrites it):\ngot:\n%s\nwant:\n%s", gf, got, want)
			}
		})
	}
}
