package classify

import (
	"math"
	"testing"
)

func TestDecayed(t *testing.T) {
	for _, c := range []struct {
		name string
		ws   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{2}, 2},
		{"largest first", []float64{1, 2}, 2 + 1*triggerDecay},
		{"absolute values", []float64{-2.5, -2.5}, 2.5 + 2.5*triggerDecay},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := decayed(c.ws); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("decayed(%v) = %v, want %v", c.ws, got, c.want)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	report := evidence{trig: []float64{2, 1.5}, report: 1, titleTrigger: true}
	fs := report.features()
	got := map[string]float64{}
	for _, f := range fs {
		got[f.Name] = f.Value
	}
	for _, name := range []string{"bias", "trig.subject", "trig.count", "report", "title.trigger"} {
		if got[name] == 0 {
			t.Errorf("feature %s missing: %v", name, fs)
		}
	}
	if _, ok := got["neg.denial"]; ok {
		t.Errorf("a report without denial has neg.denial: %v", fs)
	}
	if report.denied() {
		t.Errorf("a report without denial is denied")
	}
	fake := evidence{trig: []float64{2}, neg: map[string][]float64{classDenial: {-2.5}}}
	if !fake.denied() {
		t.Errorf("a text denying as much as it reports is not gated")
	}
	weak := evidence{trig: []float64{2, 2}, neg: map[string][]float64{classDenial: {-2.5}}}
	if weak.denied() {
		t.Errorf("a passing denial in a report gates it")
	}
}
