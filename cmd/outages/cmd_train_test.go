package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/classify/model"
)

// trainFixture writes invented labelled news: outage reports in three
// languages (two texts per event) and texts that are not reports.
func trainFixture(t *testing.T) string {
	t.Helper()
	type rec struct {
		ID        string `json:"id"`
		Lang      string `json:"lang"`
		Published string `json:"published"`
		Text      string `json:"text"`
		IsOutage  bool   `json:"is_outage"`
		Outages   []any  `json:"outages"`
		Event     string `json:"event,omitempty"`
	}
	outage := func(svc, start, cause string) []any {
		return []any{map[string]any{"service": svc, "start": start, "cause": cause}}
	}
	var recs []rec
	for i, s := range []struct{ svc, lang, text string }{
		{"Orange", "fr", "Panne chez Orange lundi : le réseau mobile est resté coupé deux heures à cause d'une coupure de courant."},
		{"SFR", "fr", "Le réseau de SFR est tombé en panne lundi, suite à une cyberattaque, selon l'opérateur."},
		{"Slack", "en", "Slack outage: the Slack app went down on Monday because of a configuration change, the company said."},
		{"Zoom", "en", "Zoom was down for hours on Monday due to a power cut at a data centre."},
		{"واتساب", "ar", "تعطل تطبيق واتساب يوم الاثنين بسبب عطل فني في الخوادم."},
		{"Discord", "en", "Discord suffered an outage on Monday after a cyberattack hit its servers."},
	} {
		for k := 0; k < 2; k++ {
			recs = append(recs, rec{ID: fmt.Sprintf("o%d-%d", i, k), Lang: s.lang, Published: "2024-03-05", Text: s.text,
				IsOutage: true, Outages: outage(s.svc, "2024-03-04", "power"), Event: fmt.Sprintf("ev%d", i)})
		}
	}
	for i, s := range []struct{ lang, text string }{
		{"fr", "Le marché automobile reste morose : les ventes de voitures neuves ont reculé en février."},
		{"en", "Ten things to know about data centre outages and how companies prepare for them."},
		{"en", "The football season starts next week with a match between the two leading clubs."},
		{"ar", "ارتفعت أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم."},
	} {
		recs = append(recs, rec{ID: fmt.Sprintf("n%d", i), Lang: s.lang, Published: "2024-03-05", Text: s.text, Outages: []any{}})
	}
	var b strings.Builder
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(line)
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "news.jsonl")
	os.WriteFile(p, []byte(b.String()), 0o644)
	return p
}

func TestTrainCommand(t *testing.T) {
	news := trainFixture(t)
	dir := t.TempDir()
	w1, w2, cv := filepath.Join(dir, "w1.tsv"), filepath.Join(dir, "w2.tsv"), filepath.Join(dir, "cv.json")
	code, out, errOut := outages(t, "train", "--news", news, "-o", w1, "--folds", "2", "--json", cv)
	if code != exitOK {
		t.Fatalf("train = %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "2-fold cross-validation") {
		t.Errorf("no cross-validation in the output:\n%s", out)
	}
	b1, err := os.ReadFile(w1)
	if err != nil {
		t.Fatal(err)
	}
	w, err := model.Read(w1, b1)
	if err != nil {
		t.Fatalf("weights written do not read back: %v", err)
	}
	if w.Len(model.SlotDetect) == 0 || w.Len(model.SlotCause) == 0 {
		t.Errorf("no detect or cause weights:\n%s", b1)
	}
	var figs struct {
		Figures map[string]float64 `json:"figures"`
	}
	raw, _ := os.ReadFile(cv)
	if err := json.Unmarshal(raw, &figs); err != nil {
		t.Fatalf("--json: %v", err)
	}
	for _, k := range []string{"cv.detect_f1", "cv.service", "cv.start", "cv.cause", "cv.lang_accuracy"} {
		if _, ok := figs.Figures[k]; !ok {
			t.Errorf("--json lacks %s: %v", k, figs.Figures)
		}
	}
	// Training is deterministic.
	if code, out, errOut := outages(t, "train", "--news", news, "-o", w2, "--folds", "0"); code != exitOK {
		t.Fatalf("second train = %d\n%s\n%s", code, out, errOut)
	}
	if b2, _ := os.ReadFile(w2); string(b2) != string(b1) {
		t.Errorf("two trainings wrote different weights")
	}
}

func TestTrainExtra(t *testing.T) {
	news, extra := trainFixture(t), trainFixture(t)
	w := filepath.Join(t.TempDir(), "w.tsv")
	code, out, errOut := outages(t, "train", "--news", news, "--extra", extra, "--folds", "2", "--repeats", "1", "-o", w)
	if code != exitOK {
		t.Fatalf("train --extra = %d\n%s\n%s", code, out, errOut)
	}
	// Training reads both files; cross-validation scores the --news
	// records only (16 of them), never the extra ones.
	if !strings.Contains(out, "trained on 32 texts") {
		t.Errorf("training did not read both files:\n%s", out)
	}
	if !strings.Contains(out, "news: 16 gold records") {
		t.Errorf("cross-validation scored more than the --news records:\n%s", out)
	}
	b, _ := os.ReadFile(w)
	if !strings.Contains(string(b), "--extra "+extra) {
		t.Errorf("the weights' header does not give the --extra file:\n%s", b[:min(len(b), 400)])
	}
}

// TestTrainRepeats checks that repeated cross-validation scores every
// text once a split and names each miss with its split.
func TestTrainRepeats(t *testing.T) {
	news := trainFixture(t)
	for _, tt := range []struct {
		name    string
		repeats string
		records string
	}{
		{"one split", "1", "news: 16 gold records"},
		{"three splits pooled", "3", "news: 48 gold records"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := outages(t, "train", "--news", news, "--folds", "2", "--repeats", tt.repeats, "--errors")
			if code != exitOK {
				t.Fatalf("train = %d\n%s\n%s", code, out, errOut)
			}
			if !strings.Contains(out, tt.records) {
				t.Errorf("want %q in the output:\n%s", tt.records, out)
			}
			// The fixture's cross-validation misses some causes: each
			// split names its own misses, one split leaves ids alone.
			if named := strings.Contains(out, "#0\t"); named != (tt.repeats != "1") {
				t.Errorf("misses name their split: %v, want %v:\n%s", named, tt.repeats != "1", out)
			}
			if tt.repeats == "3" && !strings.Contains(out, "#2\t") {
				t.Errorf("no miss of the third split:\n%s", out)
			}
		})
	}
}

func TestTrainUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train"},
		{"train", "--news", "no-such-file.jsonl"},
		{"train", "--news", "x", "--folds", "1"},
		{"train", "--news", "x", "--repeats", "0"},
		{"train", "--news", "x", "--extra", "no-such-file.jsonl"},
	} {
		if code, _, _ := outages(t, args...); code != exitUsage {
			t.Errorf("%v = %d, want %d", args, code, exitUsage)
		}
	}
}

func TestEvalCV(t *testing.T) {
	news := trainFixture(t)
	code, out, errOut := outages(t, "eval", "--cv", news, "--thresholds", writeThresholds(t, `{"cv.detect_f1": 0}`))
	if code != exitOK {
		t.Fatalf("eval --cv = %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "cv.detect_f1") || !strings.Contains(out, "cv.service") {
		t.Errorf("eval --cv lacks cv figures:\n%s", out)
	}
}

func writeThresholds(t *testing.T, js string) string {
	p := filepath.Join(t.TempDir(), "t.json")
	os.WriteFile(p, []byte(js), 0o644)
	return p
}

func TestExplainShowsCandidates(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(p, []byte(`{"id":"a","text":"Panne géante chez Orange jeudi : le réseau mobile est resté coupé près de deux heures à cause d'une mise à jour logicielle.","published":"2024-03-15"}`+"\n"), 0o644)
	code, out, errOut := outages(t, "explain", p)
	if code != exitOK {
		t.Fatalf("explain = %d\n%s", code, errOut)
	}
	for _, want := range []string{"service candidates:", "start candidates:", "cause candidates:", "evidence:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain lacks %q:\n%s", want, out)
		}
	}
}

// sharedNews is the dev gold set, beside the repository in CI and on
// developers' machines.
var sharedNews = filepath.Join("..", "..", "..", "shared", "eval", "news-dev.jsonl")

// TestWeightsUpToDate retrains on the dev gold set and compares with the
// checked-in weights: after a change to the rules, the data files or the
// features, retrain (see README, "The model and its weights").
func TestWeightsUpToDate(t *testing.T) {
	if _, err := os.Stat(sharedNews); err != nil {
		t.Skipf("%s not present", sharedNews)
	}
	out := filepath.Join(t.TempDir(), "weights.tsv")
	data := filepath.Join("..", "..", "classify", "data")
	extras := filepath.Join(data, "extras.tsv")
	if code, stdout, errOut := outages(t, "train", "--news", sharedNews, "--extras", extras, "--folds", "0", "-o", out); code != exitOK {
		t.Fatalf("train = %d\n%s\n%s", code, stdout, errOut)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join("..", "..", "classify", "data", "weights.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	// The header names the file trained on, as given on the command line.
	body := func(b []byte) string {
		var keep []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.HasPrefix(l, "#") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if body(got) != body(want) {
		t.Errorf("classify/data/weights.tsv is stale: run\n  outages train --news ../shared/eval/news-dev.jsonl --extras classify/data/extras.tsv -o classify/data/weights.tsv")
	}
}
