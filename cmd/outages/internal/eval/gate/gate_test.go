package gate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestEmbedded(t *testing.T) {
	th := Embedded()
	for _, k := range []string{
		"news.lang_accuracy", "news.detect_f1", "news.detect_f1.fr", "news.detect_f1.ar", "news.detect_f1.en",
		"news.detect_precision", "news.detect_recall", "news.service", "news.start", "news.duration",
		"news.cause", "news.secondary_recall", "extraction.f1", "pubdate.exact", "pubdate.within1", "snippets.f1",
		"temporal.date.en", "temporal.duration.fr",
	} {
		if _, ok := th[k]; !ok {
			t.Errorf("embedded thresholds lack %s", k)
		}
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Thresholds
		wantErr string
	}{
		{"ok", `{"news.cause": 0.8, "extraction.f1": 0}`, Thresholds{"news.cause": 0.8, "extraction.f1": 0}, ""},
		{"empty object", `{}`, Thresholds{}, ""},
		{"not json", `news.cause=0.8`, nil, "load thresholds"},
		{"array", `[0.5]`, nil, "load thresholds"},
		{"null", `null`, nil, "not a JSON object"},
		{"string value", `{"news.cause": "high"}`, nil, "load thresholds"},
		{"negative", `{"news.cause": -0.1}`, nil, `key "news.cause": minimum -0.1`},
		{"no scorer", `{"f1": 0.5}`, nil, `key "f1": want scorer.figure`},
		{"empty scorer", `{".f1": 0.5}`, nil, `key ".f1"`},
		{"trailing dot", `{"news.": 0.5}`, nil, `key "news."`},
		{"trailing data", `{"news.cause": 0.5} {}`, nil, "data after"},
		{"truncated", `{"news.cause": 0.5`, nil, "load thresholds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Load(strings.NewReader(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	th := Thresholds{
		"news.detect_f1":   0.9,
		"news.cause":       0.8,
		"news.start":       0.5,
		"pubdate.exact":    0.7,
		"extraction.f1":    0.6,
		"temporal.date.fr": 0.9,
	}
	tests := []struct {
		name    string
		figures map[string]float64
		want    []Failure
	}{
		{
			name:    "all pass",
			figures: map[string]float64{"news.detect_f1": 0.95, "news.cause": 0.8, "news.start": 0.5, "pubdate.exact": 0.7},
		},
		{
			name: "below and missing",
			// news ran but lacks news.start; extraction and temporal did not run.
			figures: map[string]float64{"news.detect_f1": 0.85, "news.cause": 0.81, "pubdate.exact": 0.2},
			want: []Failure{
				{Key: "news.detect_f1", Min: 0.9, Got: 0.85},
				{Key: "news.start", Min: 0.5, Missing: true},
				{Key: "pubdate.exact", Min: 0.7, Got: 0.2},
			},
		},
		{
			name:    "rounding tolerated",
			figures: map[string]float64{"extraction.f1": 0.6 - 1e-12},
		},
		{
			name:    "no scorer ran",
			figures: map[string]float64{},
		},
		{
			name:    "figure without threshold ignored",
			figures: map[string]float64{"snippets.f1": 0.01},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Check(tt.figures, th)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckNaN(t *testing.T) {
	fails := Check(map[string]float64{"news.cause": nanValue()}, Thresholds{"news.cause": 0})
	if len(fails) != 1 || fails[0].Key != "news.cause" {
		t.Fatalf("NaN figure passed: %v", fails)
	}
}

func nanValue() float64 {
	zero := 0.0
	return zero / zero
}

func TestFailureString(t *testing.T) {
	tests := []struct {
		name string
		f    Failure
		want string
	}{
		{"below", Failure{Key: "news.cause", Min: 0.8, Got: 0.5}, "news.cause: 0.5000 below threshold 0.8000"},
		{"missing", Failure{Key: "news.start", Min: 0.5, Missing: true}, "news.start: missing from the run (threshold 0.5000)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.String(); got != tt.want {
				t.Errorf("String = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriteTable(t *testing.T) {
	th := Thresholds{"news.detect_f1": 0.9, "news.start": 0.5, "news.cause": 0.5, "extraction.f1": 0.6}
	figures := map[string]float64{"news.detect_f1": 0.95, "news.cause": 0.25, "news.extra": 0.3}
	var buf bytes.Buffer
	if err := WriteTable(&buf, figures, th); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "table.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("table differs from %s (run go test -update after checking):\n%s", path, buf.String())
	}
	// The summary must agree with Check.
	if n := len(Check(figures, th)); n != 2 || !strings.Contains(buf.String(), "gate: FAIL (1 passed, 2 failed, 1 skipped)") {
		t.Errorf("Check found %d failures; table:\n%s", n, buf.String())
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteTableError(t *testing.T) {
	if err := WriteTable(failWriter{}, map[string]float64{"news.cause": 1}, Embedded()); err == nil {
		t.Error("WriteTable ignored a write error")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(`{"news.cause": 0.8}`)
	f.Add(`{"a.b": 1e308, "c.d": 0}`)
	f.Add(`{"x": -1}`)
	f.Fuzz(func(t *testing.T, in string) {
		th, err := Load(strings.NewReader(in))
		if err != nil {
			return
		}
		for k, v := range th {
			if scorer(k) == "" || v < 0 {
				t.Fatalf("Load accepted %q: %v", k, v)
			}
		}
		figures := map[string]float64{}
		for k, v := range th {
			figures[k] = v
		}
		if fails := Check(figures, th); len(fails) != 0 {
			t.Fatalf("figures equal to thresholds failed: %v", fails)
		}
	})
}
