package model

import "sort"

// Slots are the choices the model makes.
const (
	SlotDetect   = "detect"
	SlotService  = "service"
	SlotStart    = "start"
	SlotDuration = "duration"
	SlotCause    = "cause"
)

// Slots lists every slot, in file order.
var slots = []string{SlotDetect, SlotService, SlotStart, SlotDuration, SlotCause}

// Slots returns every slot, in the order weights files list them.
func Slots() []string { return append([]string(nil), slots...) }

func knownSlot(s string) bool {
	for _, k := range slots {
		if k == s {
			return true
		}
	}
	return false
}

// Feature is one named property of a candidate and its value (1 for a
// property that holds, a count or a scaled distance otherwise).
type Feature struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
}

// Features is a candidate's feature list, built with Add and On.
type Features []Feature

// Add appends a feature with a value; zero values are left out.
func (fs *Features) Add(name string, v float64) {
	if v != 0 {
		*fs = append(*fs, Feature{Name: name, Value: v})
	}
}

// On appends a feature of value 1 when cond holds.
func (fs *Features) On(name string, cond bool) {
	if cond {
		*fs = append(*fs, Feature{Name: name, Value: 1})
	}
}

// Weights holds the weight of each feature, per slot. The zero value (or
// nil) scores everything 0.
type Weights struct {
	w map[string]map[string]float64
}

// NewWeights returns empty weights.
func NewWeights() *Weights { return &Weights{w: map[string]map[string]float64{}} }

// Set sets the weight of a feature for a slot.
func (w *Weights) Set(slot, feature string, v float64) {
	if w.w == nil {
		w.w = map[string]map[string]float64{}
	}
	if w.w[slot] == nil {
		w.w[slot] = map[string]float64{}
	}
	w.w[slot][feature] = v
}

// Get returns the weight of a feature for a slot (0 when absent).
func (w *Weights) Get(slot, feature string) float64 {
	if w == nil {
		return 0
	}
	return w.w[slot][feature]
}

// Score is the dot product of a candidate's features with the slot's
// weights.
func (w *Weights) Score(slot string, fs Features) float64 {
	if w == nil {
		return 0
	}
	ws := w.w[slot]
	s := 0.0
	for _, f := range fs {
		s += ws[f.Name] * f.Value
	}
	return s
}

// Best returns the index of the candidate with the highest score, the
// first among equals, and the scores; -1 when there is no candidate.
func (w *Weights) Best(slot string, cands []Features) (int, []float64) {
	best := -1
	scores := make([]float64, len(cands))
	for i, fs := range cands {
		scores[i] = w.Score(slot, fs)
		if best < 0 || scores[i] > scores[best] {
			best = i
		}
	}
	return best, scores
}

// Len is the number of weights of a slot.
func (w *Weights) Len(slot string) int {
	if w == nil {
		return 0
	}
	return len(w.w[slot])
}

// features returns a slot's feature names, sorted.
func (w *Weights) features(slot string) []string {
	var out []string
	for f := range w.w[slot] {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
