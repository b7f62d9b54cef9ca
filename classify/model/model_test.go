package model

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// tiny builds groups where the right candidate has "near" and the wrong
// ones have "far" (with noise features shared by all).
func tiny(n int) []Group {
	var gs []Group
	for i := 0; i < n; i++ {
		var g Group
		right := i % 3
		for c := 0; c < 3; c++ {
			var fs Features
			fs.On("shared", true)
			fs.On("near", c == right)
			fs.On("far", c != right)
			fs.Add("pos", float64(c)/2)
			g.Cands = append(g.Cands, fs)
			g.Right = append(g.Right, c == right)
		}
		gs = append(gs, g)
	}
	return gs
}

func TestTrainLearnsSign(t *testing.T) {
	w := Train(map[string][]Group{SlotCause: tiny(30)}, TrainOptions{})
	if near, far := w.Get(SlotCause, "near"), w.Get(SlotCause, "far"); near <= 0 || far >= 0 {
		t.Errorf("near = %.3f (want > 0), far = %.3f (want < 0)", near, far)
	}
	if w.Len(SlotStart) != 0 {
		t.Errorf("a slot without examples got %d weights", w.Len(SlotStart))
	}
	groups := tiny(30)
	for i, g := range groups {
		best, _ := w.Best(SlotCause, g.Cands)
		if !g.Right[best] {
			t.Fatalf("group %d: chose %d, a wrong candidate", i, best)
		}
	}
	if loss := LogLoss(w, SlotCause, groups); loss > 0.3 {
		t.Errorf("log loss after training = %.3f, want < 0.3", loss)
	}
}

func TestTrainBinaryDetect(t *testing.T) {
	// Detection: "report" vs "not" (no features); evidence "trigger"
	// means yes, "general" means no.
	var gs []Group
	for i := 0; i < 40; i++ {
		yes := i%2 == 0
		var fs Features
		fs.On("bias", true)
		fs.On("trigger", yes || i%4 == 1)
		fs.On("general", !yes)
		gs = append(gs, Group{Cands: []Features{fs, nil}, Right: []bool{yes, !yes}})
	}
	w := Train(map[string][]Group{SlotDetect: gs}, TrainOptions{})
	if w.Get(SlotDetect, "general") >= 0 {
		t.Errorf("general = %.3f, want < 0", w.Get(SlotDetect, "general"))
	}
	if w.Get(SlotDetect, "trigger") <= 0 {
		t.Errorf("trigger = %.3f, want > 0", w.Get(SlotDetect, "trigger"))
	}
}

func TestTrainDeterministic(t *testing.T) {
	ex := map[string][]Group{SlotStart: tiny(25), SlotService: tiny(12)}
	var a, b bytes.Buffer
	Train(ex, TrainOptions{}).Write(&a, "run")
	Train(ex, TrainOptions{}).Write(&b, "run")
	if a.String() != b.String() {
		t.Errorf("two trainings differ:\n%s\n---\n%s", a.String(), b.String())
	}
}

func TestL2Shrinks(t *testing.T) {
	ex := map[string][]Group{SlotCause: tiny(30)}
	loose := Train(ex, TrainOptions{L2: 0.001})
	tight := Train(ex, TrainOptions{L2: 1})
	if abs(tight.Get(SlotCause, "near")) >= abs(loose.Get(SlotCause, "near")) {
		t.Errorf("L2 1 gives |near| %.3f, not below L2 0.001's %.3f", tight.Get(SlotCause, "near"), loose.Get(SlotCause, "near"))
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestWeightsRoundTrip(t *testing.T) {
	w := NewWeights()
	w.Set(SlotDetect, "bias", -1.25)
	w.Set(SlotCause, "cue.because", 2)
	w.Set(SlotCause, "zero", 0)
	var buf bytes.Buffer
	if err := w.Write(&buf, "trained on x\nsecond line"); err != nil {
		t.Fatal(err)
	}
	r, err := Read("weights.tsv", buf.Bytes())
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.String())
	}
	for _, c := range []struct {
		slot, f string
		want    float64
	}{{SlotDetect, "bias", -1.25}, {SlotCause, "cue.because", 2}, {SlotCause, "zero", 0}} {
		if got := r.Get(c.slot, c.f); got != c.want {
			t.Errorf("%s %s = %v, want %v", c.slot, c.f, got, c.want)
		}
	}
	var again bytes.Buffer
	r.Write(&again, "trained on x\nsecond line")
	if again.String() != buf.String() {
		t.Errorf("second write differs:\n%s\n---\n%s", buf.String(), again.String())
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"columns", "# c\ndetect\tbias\n", "w.tsv:2: want 3"},
		{"slot", "nope\tbias\t1\n", "w.tsv:1: unknown slot"},
		{"weight", "\n\ncause\tx\tabc\n", "w.tsv:3: bad weight"},
		{"nan", "cause\tx\tNaN\n", "w.tsv:1: bad weight"},
		{"feature", "cause\t\t1\n", "w.tsv:1: bad feature"},
		{"duplicate", "cause\tx\t1\ncause\tx\t2\n", "w.tsv:2: cause x already weighted on line 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("w.tsv", []byte(c.text))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestFoldsStratifiedAndGrouped(t *testing.T) {
	var items []Item
	for i := 0; i < 60; i++ {
		lang := []string{"fr", "ar", "en"}[i%3]
		ev := ""
		if i >= 30 {
			ev = fmt.Sprintf("ev%d", (i-30)/3) // events of three texts, one per language
		}
		items = append(items, Item{ID: fmt.Sprintf("t%02d", i), Lang: lang, Event: ev})
	}
	splits := map[int][]int{}
	for rep := range 3 {
		t.Run(fmt.Sprintf("rep %d", rep), func(t *testing.T) {
			folds := Folds(items, 5, rep)
			splits[rep] = folds
			checkFolds(t, items, folds, 5)
			// Order does not matter.
			rev := make([]Item, len(items))
			for i := range items {
				rev[len(items)-1-i] = items[i]
			}
			folds2 := Folds(rev, 5, rep)
			for i := range items {
				if folds2[len(items)-1-i] != folds[i] {
					t.Fatalf("item %s: fold %d, reversed input gives %d", items[i].ID, folds[i], folds2[len(items)-1-i])
				}
			}
		})
	}
	t.Run("reps differ", func(t *testing.T) {
		for rep := 1; rep < 3; rep++ {
			if fmt.Sprint(splits[rep]) == fmt.Sprint(splits[0]) {
				t.Errorf("rep %d splits the items as rep 0 does: repeated cross-validation would score the same split twice", rep)
			}
		}
	})
}

// checkFolds fails t unless folds keeps events together and spreads each
// language evenly over the k folds.
func checkFolds(t *testing.T, items []Item, folds []int, k int) {
	t.Helper()
	perLang := map[string][]int{}
	evFold := map[string]int{}
	for i, f := range folds {
		if f < 0 || f >= k {
			t.Fatalf("fold %d out of range", f)
		}
		if perLang[items[i].Lang] == nil {
			perLang[items[i].Lang] = make([]int, k)
		}
		perLang[items[i].Lang][f]++
		if ev := items[i].Event; ev != "" {
			if prev, ok := evFold[ev]; ok && prev != f {
				t.Errorf("event %s split over folds %d and %d", ev, prev, f)
			}
			evFold[ev] = f
		}
	}
	for lang, counts := range perLang {
		lo, hi := counts[0], counts[0]
		for _, n := range counts {
			lo, hi = min(lo, n), max(hi, n)
		}
		if hi-lo > 2 {
			t.Errorf("%s spread %v over the folds: not stratified", lang, counts)
		}
	}
}
