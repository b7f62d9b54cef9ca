package extraction

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScoreQuiet(t *testing.T) {
	report := func(raw []byte, _ string) (bool, string, error) {
		s := string(raw)
		if strings.Contains(s, "broken") {
			return false, "", errors.New("cannot extract")
		}
		return strings.Contains(s, "outage"), "title of " + s, nil
	}
	tests := []struct {
		name    string
		pages   map[string]string // file → content ("" for a file that is no gzip)
		quiet   float64
		reports int
		wantErr string
	}{
		{name: "one report in four pages", pages: map[string]string{"a.html.gz": "sport", "b.html.gz": "an outage", "c.html.gz": "politics", "d.html.gz": "broken page"}, quiet: 0.75, reports: 1},
		{name: "no pages", pages: map[string]string{"notes.txt": "x"}, wantErr: "no .html.gz page in"},
		{name: "a damaged file names itself", pages: map[string]string{"bad.html.gz": ""}, wantErr: "bad.html.gz"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for f, c := range tt.pages {
				if c == "" {
					os.WriteFile(filepath.Join(dir, f), []byte("not gzip"), 0o644)
					continue
				}
				writeGz(t, filepath.Join(dir, f), c)
			}
			r, err := ScoreQuiet([]string{dir}, report)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			fs := r.Figures()
			if fs["pages.quiet"] != tt.quiet || int(fs["pages.reports"]) != tt.reports {
				t.Errorf("figures %v, want quiet %v and %d reports", fs, tt.quiet, tt.reports)
			}
			var b bytes.Buffer
			if err := r.WriteErrors(&b); err != nil || !strings.Contains(b.String(), "b.html.gz\ttitle of an outage") {
				t.Errorf("errors %q (%v), want the report listed with its title", b.String(), err)
			}
		})
	}
}
