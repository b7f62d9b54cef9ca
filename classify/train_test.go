package classify

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/classify/model"
	"outages/corpus"
)

// testJudge compares values plainly (the eval scorer's rules are tested
// with the scorer).
var testJudge = Judge{
	Service: func(g, p corpus.Outage) bool { return strings.EqualFold(g.Service, p.Service) },
	Start:   func(g, p string) bool { return g == p },
	Duration: func(g, p corpus.Outage) bool {
		return g.DurationMin != nil && p.DurationMin != nil && *g.DurationMin == *p.DurationMin
	},
	Cause:       func(g corpus.Outage, p string) bool { return g.Cause == p },
	HasDuration: func(g corpus.Outage) bool { return g.DurationMin != nil },
}

// causeTexts are invented reports naming two causes, the right one always
// after a "because" cue, in either order.
func causeTexts() []Labelled {
	services := []string{"Orange", "Vodafone", "Verizon", "Discord", "Slack", "Zoom"}
	causes := [][2]string{{"a power cut", corpus.CausePower}, {"a cyberattack", corpus.CauseCyberattack}}
	var out []Labelled
	for i, svc := range services {
		right, other := causes[i%2], causes[1-i%2]
		cued := fmt.Sprintf("The %s outage on Monday was caused by %s.", svc, right[0])
		plain := fmt.Sprintf("The %s outage also brought reports of %s.", svc, other[0])
		text := cued + " " + plain
		if i%3 == 0 {
			text = plain + " " + cued
		}
		out = append(out, Labelled{
			Article:  corpus.Article{ID: svc, Body: text, Published: "2024-03-05", DeclaredLang: "en"},
			IsOutage: true,
			Main:     &corpus.Outage{Service: svc, Cause: right[1]},
		})
	}
	return out
}

func TestTrainLearnsCueSign(t *testing.T) {
	c := newTest(t)
	texts := causeTexts()
	w := Train(c, texts, testJudge, model.TrainOptions{})
	if got := w.Get(model.SlotCause, "cue.because"); got <= 0 {
		t.Errorf("cause weight of cue.because = %.3f, want > 0", got)
	}
	trained := c.WithWeights(w)
	for _, l := range texts {
		a := l.Article
		trained.Classify(&a)
		if len(a.Outages) == 0 || a.Outages[0].Cause != l.Main.Cause {
			t.Errorf("%s: outages %+v, want cause %s", a.ID, a.Outages, l.Main.Cause)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	c := newTest(t)
	var a, b bytes.Buffer
	Train(c, causeTexts(), testJudge, model.TrainOptions{}).Write(&a, "x")
	Train(c, causeTexts(), testJudge, model.TrainOptions{}).Write(&b, "x")
	if a.String() != b.String() {
		t.Errorf("two trainings differ:\n%s\n---\n%s", a.String(), b.String())
	}
	// The examples do not depend on the weights the classifier holds.
	var d bytes.Buffer
	other := model.NewWeights()
	other.Set(model.SlotService, "strong", -5)
	Train(c.WithWeights(other), causeTexts(), testJudge, model.TrainOptions{}).Write(&d, "x")
	if d.String() != a.String() {
		t.Errorf("training depends on the classifier's own weights")
	}
}

func TestExamplesLabels(t *testing.T) {
	c := newTest(t)
	ex := c.Examples(causeTexts()[0], testJudge)
	for _, slot := range []string{model.SlotDetect, model.SlotService, model.SlotCause} {
		gs := ex[slot]
		if len(gs) != 1 {
			t.Fatalf("%s: %d groups, want 1", slot, len(gs))
		}
		right := 0
		for _, r := range gs[0].Right {
			if r {
				right++
			}
		}
		if right == 0 {
			t.Errorf("%s: no right candidate among %d", slot, len(gs[0].Right))
		}
	}
	if len(ex[model.SlotStart]) != 0 {
		t.Errorf("start: %d groups for a gold outage without a start", len(ex[model.SlotStart]))
	}
}

func TestWeightsOverride(t *testing.T) {
	report := corpus.Article{Body: "Orange outage: the Orange mobile network went down across France on Monday, customers said.", DeclaredLang: "en"}
	a := report
	newTest(t).Classify(&a)
	if !a.IsOutage {
		t.Fatalf("the embedded weights do not detect a plain report")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, fileWeights), []byte("# never an outage\ndetect\tbias\t-100\n"), 0o644)
	c, err := New(Options{RulesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a = report
	c.Classify(&a)
	if a.IsOutage {
		t.Errorf("weights from RulesDir not used: still an outage")
	}
	os.WriteFile(filepath.Join(dir, fileWeights), []byte("detect\tbias\t1\ncause\tweak\n"), 0o644)
	if _, err := New(Options{RulesDir: dir}); err == nil || !strings.Contains(err.Error(), "weights.tsv:2:") {
		t.Errorf("bad weights line: error %v, want one naming weights.tsv:2", err)
	}
}

func TestCuesFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, fileCues), []byte("en\tbecause\tdue to\nen\tnosuch\tx\n"), 0o644)
	if _, err := New(Options{RulesDir: dir}); err == nil || !strings.Contains(err.Error(), "cues.tsv:2: unknown cue class") {
		t.Errorf("bad cue class: error %v, want cues.tsv:2", err)
	}
}
