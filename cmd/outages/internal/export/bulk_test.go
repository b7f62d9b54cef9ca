package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readBulk checks every file against the _bulk body format (action and
// metadata line, then the source line; every line ends with "\n") and
// returns the ids in order.
func readBulk(t *testing.T, files []string, index string, max int) []string {
	t.Helper()
	var ids []string
	for i, p := range files {
		if want := fmt.Sprintf("bulk-%04d.ndjson", i+1); filepath.Base(p) != want {
			t.Errorf("file %d is %s, want %s", i, filepath.Base(p), want)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) > max {
			t.Errorf("%s: %d bytes > %d", p, len(b), max)
		}
		if len(b) == 0 || b[len(b)-1] != '\n' {
			t.Errorf("%s: does not end with a newline", p)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
		if len(lines)%2 != 0 {
			t.Fatalf("%s: %d lines: a pair is split", p, len(lines))
		}
		for j := 0; j < len(lines); j += 2 {
			var act map[string]map[string]any
			if err := json.Unmarshal([]byte(lines[j]), &act); err != nil || len(act) != 1 || act["index"] == nil {
				t.Fatalf("%s:%d: action line %q is not {\"index\":{...}}", p, j+1, lines[j])
			}
			meta := act["index"]
			if meta["_index"] != index {
				t.Errorf("%s:%d: _index %v, want %s", p, j+1, meta["_index"], index)
			}
			id, _ := meta["_id"].(string)
			var src map[string]any
			if err := json.Unmarshal([]byte(lines[j+1]), &src); err != nil {
				t.Fatalf("%s:%d: source line: %v", p, j+2, err)
			}
			if src["id"] != id {
				t.Errorf("%s:%d: _id %q does not name the source %v", p, j+1, id, src["id"])
			}
			ids = append(ids, id)
		}
	}
	return ids
}

func TestBulkWriter(t *testing.T) {
	doc := func(id string) []byte {
		b, _ := json.Marshal(map[string]string{"id": id, "body": "Panne d'électricité: 80 000 foyers privés de courant"})
		return b
	}
	// Every pair has the same length: ids are 32 hex digits.
	pair := len(`{"index":{"_index":"outages","_id":"00000000000000000000000000000000"}}`) + 1 + len(doc(fmt.Sprintf("%032x", 0))) + 1
	for _, tc := range []struct {
		name      string
		max       int
		docs      int
		wantFiles int
	}{
		{"one file", 1 << 20, 10, 1},
		{"split at the limit", 4*pair + pair/2, 20, 5},
		{"exactly full files", 2 * pair, 6, 3},
		{"one pair per file", pair, 3, 3},
		{"oversized pair alone", pair / 2, 2, 2},
		{"empty export", 1000, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			// A stale file of an earlier export is removed.
			os.WriteFile(filepath.Join(dir, "bulk-0009.ndjson"), []byte("old\n"), 0o644)
			w, err := NewBulkWriter(BulkOptions{Dir: dir, Index: "outages", MaxBytes: tc.max})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for i := range tc.docs {
				id := fmt.Sprintf("%032x", i)
				want = append(want, id)
				if err := w.Add(id, doc(id)); err != nil {
					t.Fatal(err)
				}
			}
			files, err := w.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(files) != tc.wantFiles {
				t.Errorf("%d files, want %d", len(files), tc.wantFiles)
			}
			got := readBulk(t, files, "outages", max(tc.max, pair))
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("ids %v, want %v", got, want)
			}
			all, _ := filepath.Glob(filepath.Join(dir, "*"))
			if len(all) != len(files) {
				t.Errorf("folder holds %v, want only %v", all, files)
			}
		})
	}
}

func TestBulkWriterAbort(t *testing.T) {
	dir := t.TempDir()
	w, err := NewBulkWriter(BulkOptions{Dir: dir, Index: "x", MaxBytes: 200})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		w.Add(fmt.Sprint(i), bytes.Repeat([]byte("a"), 100))
	}
	w.Abort()
	if all, _ := filepath.Glob(filepath.Join(dir, "*")); len(all) != 0 {
		t.Errorf("abort left %v", all)
	}
	if _, err := NewBulkWriter(BulkOptions{Dir: dir}); err == nil {
		t.Error("no index name: want an error")
	}
}
