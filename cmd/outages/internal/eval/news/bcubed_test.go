package news

import (
	"math"
	"testing"
)

func TestBCubed(t *testing.T) {
	ev := func(s string) *string { return &s }
	gold := []Record{
		{ID: "a", Event: ev("x")}, {ID: "b", Event: ev("x")}, {ID: "c", Event: ev("x")},
		{ID: "d", Event: ev("y")}, {ID: "e", Event: ev("y")},
		{ID: "n", Event: nil}, // no incident: not scored
	}
	tests := []struct {
		name    string
		pred    map[string]string
		p, r, f float64
	}{
		{"perfect", map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2", "n": "2"}, 1, 1, 1},
		{"all apart (nothing predicted)", map[string]string{}, 1, (1.0/3*3 + 0.5*2) / 5, 0},
		{"all merged", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1", "e": "1"}, (3*0.6 + 2*0.4) / 5, 1, 0},
		{"one split", map[string]string{"a": "1", "b": "1", "c": "3", "d": "2", "e": "2"}, 1, (2*(2.0/3) + 1.0/3 + 2) / 5, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := BCubed(gold, tc.pred)
			if g.N != 5 || math.Abs(g.Precision-tc.p) > 1e-9 || math.Abs(g.Recall-tc.r) > 1e-9 {
				t.Errorf("got n=%d P=%.4f R=%.4f, want 5, %.4f, %.4f", g.N, g.Precision, g.Recall, tc.p, tc.r)
			}
			if f := 2 * tc.p * tc.r / (tc.p + tc.r); math.Abs(g.F1()-f) > 1e-9 {
				t.Errorf("F1 %.4f, want %.4f", g.F1(), f)
			}
		})
	}
	if g := BCubed([]Record{{ID: "n"}}, nil); g.N != 0 || g.F1() != 0 {
		t.Errorf("no event key: %+v", g)
	}
}
