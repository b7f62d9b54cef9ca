package model

import (
	"math"
	"sort"
)

// Group is one choice seen in a labelled text: the candidates the rules
// proposed for a slot and which of them are right (several may be: two
// phrases naming the same day). A group with no right candidate teaches
// nothing and is skipped.
type Group struct {
	Cands []Features
	Right []bool
}

// TrainOptions tunes Train. Zero fields take the defaults.
type TrainOptions struct {
	L2         float64 // penalty on the squared weights (default: defaultL2 of the slot)
	Iterations int     // gradient steps (default 300)
	Rate       float64 // AdaGrad step (default 0.5)
}

// defaultL2 is each slot's L2 penalty, chosen by cross-validation: the
// detection model has few features and many examples, the choice models
// many features and fewer examples.
var defaultL2 = map[string]float64{SlotDetect: 0.002, SlotService: 0.05, SlotStart: 0.5, SlotDuration: 0.3, SlotCause: 0.02}

func (o TrainOptions) forSlot(slot string) TrainOptions {
	if o.L2 == 0 {
		o.L2 = defaultL2[slot]
	}
	if o.Iterations == 0 {
		o.Iterations = 300
	}
	if o.Rate == 0 {
		o.Rate = 0.5
	}
	return o
}

// Train fits the weights of every slot of examples (slot → groups).
// Slots without examples get no weights.
func Train(examples map[string][]Group, opts TrainOptions) *Weights {
	w := NewWeights()
	for _, s := range slots {
		for f, v := range trainSlot(examples[s], opts.forSlot(s)) {
			w.Set(s, f, v)
		}
	}
	return w
}

// sparse is a candidate as feature indices and values.
type sparse struct {
	idx []int
	val []float64
}

// compiled is a group with its candidates indexed.
type compiled struct {
	cands []sparse
	right []bool
}

// compile indexes the features of usable groups, names sorted, so that
// training visits everything in one fixed order.
func compile(groups []Group) ([]string, []compiled) {
	seen := map[string]bool{}
	for _, g := range groups {
		for _, c := range g.Cands {
			for _, f := range c {
				seen[f.Name] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	for i, n := range names {
		index[n] = i
	}
	var out []compiled
	for _, g := range groups {
		if !usable(g) {
			continue
		}
		cg := compiled{right: g.Right}
		for _, c := range g.Cands {
			var s sparse
			for _, f := range c {
				s.idx = append(s.idx, index[f.Name])
				s.val = append(s.val, f.Value)
			}
			cg.cands = append(cg.cands, s)
		}
		out = append(out, cg)
	}
	return names, out
}

// usable reports whether a group has a right candidate and a wrong one.
func usable(g Group) bool {
	if len(g.Cands) != len(g.Right) {
		return false
	}
	right, wrong := false, false
	for _, r := range g.Right {
		right = right || r
		wrong = wrong || !r
	}
	return right && wrong
}

// trainSlot minimises the mean negative log-likelihood of the right
// candidates plus L2/2·|w|² by AdaGrad over full batches.
func trainSlot(groups []Group, o TrainOptions) map[string]float64 {
	names, cgs := compile(groups)
	if len(cgs) == 0 {
		return nil
	}
	w := make([]float64, len(names))
	hist := make([]float64, len(names))
	grad := make([]float64, len(names))
	for it := 0; it < o.Iterations; it++ {
		for i := range grad {
			grad[i] = o.L2 * w[i]
		}
		for _, g := range cgs {
			addGradient(grad, w, g, 1/float64(len(cgs)))
		}
		for i := range w {
			hist[i] += grad[i] * grad[i]
			if hist[i] > 0 {
				w[i] -= o.Rate * grad[i] / math.Sqrt(hist[i])
			}
		}
	}
	out := map[string]float64{}
	for i, n := range names {
		out[n] = w[i]
	}
	return out
}

// addGradient adds the gradient of one group's loss, times scale: for each
// candidate, (p − q)·x, where p is its softmax probability and q its share
// of the probability of the right candidates.
func addGradient(grad, w []float64, g compiled, scale float64) {
	scores := make([]float64, len(g.cands))
	top := math.Inf(-1)
	for i, c := range g.cands {
		for k, j := range c.idx {
			scores[i] += w[j] * c.val[k]
		}
		top = math.Max(top, scores[i])
	}
	var z, zr float64
	for i, s := range scores {
		e := math.Exp(s - top)
		scores[i] = e
		z += e
		if g.right[i] {
			zr += e
		}
	}
	for i, c := range g.cands {
		d := scores[i] / z
		if g.right[i] {
			d -= scores[i] / zr
		}
		if d == 0 {
			continue
		}
		for k, j := range c.idx {
			grad[j] += scale * d * c.val[k]
		}
	}
}

// LogLoss is the mean negative log-likelihood of the right candidates of
// the usable groups under w, for reports and tests.
func LogLoss(w *Weights, slot string, groups []Group) float64 {
	total, n := 0.0, 0
	for _, g := range groups {
		if !usable(g) {
			continue
		}
		_, scores := w.Best(slot, g.Cands)
		top := math.Inf(-1)
		for _, s := range scores {
			top = math.Max(top, s)
		}
		var z, zr float64
		for i, s := range scores {
			e := math.Exp(s - top)
			z += e
			if g.Right[i] {
				zr += e
			}
		}
		total -= math.Log(zr / z)
		n++
	}
	if n == 0 {
		return 0
	}
	return total / float64(n)
}
