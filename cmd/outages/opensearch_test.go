package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOpenSearch exports the sample corpus in the OpenSearch form:
// a template whose properties hold every source field, and bulk files of
// action/source pairs with the stable article ids.
func TestExportOpenSearch(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := outages(t, "run", "--data", dir, "--progress", "never"); code != exitOK {
		t.Fatalf("run = %d: %s", code, errOut)
	}
	out := filepath.Join(dir, "os")
	code, _, errOut := outages(t, "export", "--data", dir, "--all", "--format", "opensearch", "-o", out)
	if code != exitOK {
		t.Fatalf("export = %d: %s", code, errOut)
	}
	raw, err := os.ReadFile(filepath.Join(out, "template.json"))
	if err != nil {
		t.Fatal(err)
	}
	var tmpl struct {
		Template struct {
			Mappings struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"mappings"`
		} `json:"template"`
	}
	if err := json.Unmarshal(raw, &tmpl); err != nil {
		t.Fatal(err)
	}
	props := tmpl.Template.Mappings.Properties
	files, _ := filepath.Glob(filepath.Join(out, "bulk-*.ndjson"))
	if len(files) != 1 {
		t.Fatalf("bulk files %v, want one", files)
	}
	b, _ := os.ReadFile(files[0])
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	_, csvOut, _ := outages(t, "export", "--data", dir, "--all", "--format", "jsonl")
	want := strings.Count(csvOut, "\n")
	if len(lines) != 2*want || want == 0 {
		t.Fatalf("%d bulk lines for %d articles", len(lines), want)
	}
	for i := 0; i < len(lines); i += 2 {
		var act struct {
			Index struct {
				Index string `json:"_index"`
				ID    string `json:"_id"`
			} `json:"index"`
		}
		var src map[string]json.RawMessage
		if err := json.Unmarshal([]byte(lines[i]), &act); err != nil || act.Index.Index != "outages" || len(act.Index.ID) != 32 {
			t.Fatalf("line %d: bad action %q", i+1, lines[i])
		}
		if err := json.Unmarshal([]byte(lines[i+1]), &src); err != nil {
			t.Fatalf("line %d: %v", i+2, err)
		}
		for k := range src {
			if props[k] == nil {
				t.Errorf("line %d: field %s not in the template", i+2, k)
			}
		}
	}
	// Usage errors: no folder, unknown format.
	if code, _, _ := outages(t, "export", "--data", dir, "--all", "--format", "opensearch"); code != exitUsage {
		t.Errorf("opensearch without -o = %d, want %d", code, exitUsage)
	}
	if code, _, _ := outages(t, "export", "--data", dir, "--all", "--format", "xml"); code != exitUsage {
		t.Errorf("--format xml = %d, want %d", code, exitUsage)
	}
}
