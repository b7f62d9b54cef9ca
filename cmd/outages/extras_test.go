package main

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"outages/classify/model"
)

func TestParseExtras(t *testing.T) {
	dir := filepath.Join("classify", "data")
	tests := []struct {
		name, in string
		want     extraFiles
		err      string // part of the error, "" for none
	}{
		{
			name: "every kind, comments and blank lines",
			in:   "# extras\n\na.jsonl\tdetect\nb.jsonl\tall\nc.jsonl\tcause\nd.jsonl\twhen\ne.jsonl\twhen\n",
			want: extraFiles{
				detectOnly: []string{filepath.Join(dir, "a.jsonl")},
				all:        []string{filepath.Join(dir, "b.jsonl")},
				cause:      []string{filepath.Join(dir, "c.jsonl")},
				when:       []string{filepath.Join(dir, "d.jsonl"), filepath.Join(dir, "e.jsonl")},
			},
		},
		{
			name: "an absolute path is kept",
			in:   "/data/x.jsonl\tall\n",
			want: extraFiles{all: []string{"/data/x.jsonl"}},
		},
		{
			name: "a line with one column",
			in:   "a.jsonl\tdetect\nb.jsonl all\n",
			err:  "extras.tsv:2: want 2 tab-separated columns",
		},
		{
			name: "an unknown kind",
			in:   "a.jsonl\tservice\n",
			err:  `extras.tsv:1: unknown kind "service"`,
		},
		{
			name: "an empty path",
			in:   " \twhen\n",
			err:  "extras.tsv:1: want 2 tab-separated columns",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseExtras(strings.NewReader(tt.in), "extras.tsv", dir)
			if tt.err != "" {
				var ue *usageError
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.As(err, &ue) {
					t.Fatalf("err = %v, want a usage error with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestExtraFlagsResolve(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "extras.tsv")
	if err := os.WriteFile(manifest, []byte("m.jsonl\twhen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		x    extraFlags
		want []string // paths, flags' first
		err  bool
	}{
		{name: "flags only", x: extraFlags{files: extraFiles{when: []string{"f.jsonl"}}}, want: []string{"f.jsonl"}},
		{name: "flags then manifest", x: extraFlags{files: extraFiles{when: []string{"f.jsonl"}}, manifest: manifest}, want: []string{"f.jsonl", filepath.Join(dir, "m.jsonl")}},
		{name: "a missing manifest", x: extraFlags{manifest: filepath.Join(dir, "none.tsv")}, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.x.resolve()
			if tt.err {
				if err == nil {
					t.Fatal("no error for a missing manifest")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.paths(), tt.want) {
				t.Errorf("paths %q, want %q", got.paths(), tt.want)
			}
		})
	}
}

func TestOnlySlots(t *testing.T) {
	g := []model.Group{{}}
	ex := []map[string][]model.Group{
		{model.SlotDetect: g, model.SlotStart: g, model.SlotDuration: g, model.SlotCause: g},
		{model.SlotDetect: g},
	}
	tests := []struct {
		name  string
		slots []string
		want  [][]string // slots kept, per text kept
	}{
		{name: "every slot", slots: nil, want: [][]string{{"cause", "detect", "duration", "start"}, {"detect"}}},
		{name: "when", slots: trainsSlots["when"], want: [][]string{{"duration", "start"}}},
		{name: "detect", slots: trainsSlots["detect"], want: [][]string{{"detect"}, {"detect"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, m := range onlySlots(ex, tt.slots) {
				var ks []string
				for k := range m {
					ks = append(ks, k)
				}
				slices.Sort(ks)
				got = append(got, ks)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("kept %q, want %q", got, tt.want)
			}
		})
	}
}

// TestTrainExtrasErrors checks that a bad manifest, or a file it lists
// that is missing, stops train with a usage error naming it.
func TestTrainExtrasErrors(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(news, []byte(`{"id":"a","lang":"en","text":"Nothing happened.","is_outage":false,"outages":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, manifest, want string
	}{
		{name: "a bad line", manifest: write("bad.tsv", "x.jsonl\tsometimes\n"), want: `bad.tsv:1: unknown kind "sometimes"`},
		{name: "a missing file", manifest: write("missing.tsv", "none.jsonl\twhen\n"), want: "none.jsonl"},
		{name: "a missing manifest", manifest: filepath.Join(dir, "nowhere.tsv"), want: "nowhere.tsv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := outages(t, "train", "--news", news, "--extras", tt.manifest, "--folds", "0")
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d naming %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
}
