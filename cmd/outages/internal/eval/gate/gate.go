package gate

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
)

//go:embed thresholds.json
var thresholdsJSON string

// Thresholds maps a figure key to the minimum value it must reach.
type Thresholds map[string]float64

// Failure is one threshold a run did not meet.
type Failure struct {
	Key     string
	Min     float64
	Got     float64 // meaningless when Missing
	Missing bool    // the scorer ran but the figure is absent
}

func (f Failure) String() string {
	if f.Missing {
		return fmt.Sprintf("%s: missing from the run (threshold %.4f)", f.Key, f.Min)
	}
	return fmt.Sprintf("%s: %.4f below threshold %.4f", f.Key, f.Got, f.Min)
}

// Load reads thresholds: one JSON object from figure keys to minimums. Every
// key must name its scorer before a dot, and every minimum must be a finite
// number, at least 0.
func Load(r io.Reader) (Thresholds, error) {
	dec := json.NewDecoder(r)
	var raw map[string]float64
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("load thresholds: %w", err)
	}
	if raw == nil {
		return nil, errors.New("load thresholds: not a JSON object")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("load thresholds: data after the JSON object")
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if scorer(k) == "" || strings.TrimSpace(k) != k || strings.HasSuffix(k, ".") {
			return nil, fmt.Errorf("load thresholds: key %q: want scorer.figure", k)
		}
		if v := raw[k]; v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("load thresholds: key %q: minimum %v is not a number >= 0", k, v)
		}
	}
	return Thresholds(raw), nil
}

// Embedded returns the thresholds checked in as thresholds.json. The file is
// validated by this package's tests, so a bad one never ships.
func Embedded() Thresholds {
	t, err := Load(strings.NewReader(thresholdsJSON))
	if err != nil {
		panic("gate: embedded thresholds.json: " + err.Error())
	}
	return t
}

// scorer returns the part of key before its first dot, or "" when key has
// no dot or nothing before it.
func scorer(key string) string {
	s, _, ok := strings.Cut(key, ".")
	if !ok {
		return ""
	}
	return s
}

// ran returns the scorers that produced at least one figure.
func ran(figures map[string]float64) map[string]bool {
	out := make(map[string]bool)
	for k := range figures {
		if s := scorer(k); s != "" {
			out[s] = true
		}
	}
	return out
}

// Check returns the thresholds a run failed, sorted by key: figures below
// their minimum (NaN counts as below), and figures missing from a scorer
// that ran. Thresholds of scorers that did not run are skipped.
func Check(figures map[string]float64, t Thresholds) []Failure {
	run := ran(figures)
	var fails []Failure
	for _, k := range sortedKeys(t) {
		if !run[scorer(k)] {
			continue
		}
		want := t[k]
		got, ok := figures[k]
		switch {
		case !ok:
			fails = append(fails, Failure{Key: k, Min: want, Missing: true})
		case !passes(got, want):
			fails = append(fails, Failure{Key: k, Min: want, Got: got})
		}
	}
	return fails
}

// passes allows for the rounding of figures computed as ratios.
func passes(got, want float64) bool {
	return !math.IsNaN(got) && got >= want-1e-9
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// WriteTable writes every figure of the run and every threshold, with the
// figure, its threshold and its status: PASS, FAIL, MISSING (a threshold
// whose scorer ran without producing it; a failure), SKIP (a threshold
// whose scorer did not run) or "-" (a figure with no threshold). It ends
// with a summary line.
func WriteTable(w io.Writer, figures map[string]float64, t Thresholds) error {
	run := ran(figures)
	all := make(map[string]bool)
	for k := range figures {
		all[k] = true
	}
	for k := range t {
		all[k] = true
	}
	width := len("figure")
	for k := range all {
		width = max(width, len(k))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s %9s %9s  %s\n", width, "figure", "value", "threshold", "status")
	pass, fail, skip := 0, 0, 0
	for _, k := range sortedKeys(all) {
		got, hasFig := figures[k]
		want, hasMin := t[k]
		value, threshold, status := "-", "-", "-"
		if hasFig {
			value = fmt.Sprintf("%.4f", got)
		}
		if hasMin {
			threshold = fmt.Sprintf("%.4f", want)
			switch {
			case !run[scorer(k)]:
				status = "SKIP"
				skip++
			case !hasFig:
				status = "MISSING"
				fail++
			case passes(got, want):
				status = "PASS"
				pass++
			default:
				status = "FAIL"
				fail++
			}
		}
		fmt.Fprintf(&b, "%-*s %9s %9s  %s\n", width, k, value, threshold, status)
	}
	verdict := "PASS"
	if fail > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(&b, "gate: %s (%d passed, %d failed, %d skipped)\n", verdict, pass, fail, skip)
	_, err := io.WriteString(w, b.String())
	return err
}
