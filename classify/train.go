package classify

import (
	"outages/classify/model"
	"outages/corpus"
)

// Labelled is a text with its gold labels, for training.
type Labelled struct {
	Article  corpus.Article
	IsOutage bool
	Main     *corpus.Outage // the gold main outage; nil when none
}

// Judge says whether a value is right for a gold outage. The evaluation
// code supplies its scorer's comparisons, so that training learns what
// the scorer counts as right.
type Judge struct {
	Service  func(gold, pred corpus.Outage) bool
	Start    func(gold, pred string) bool
	Duration func(gold, pred corpus.Outage) bool
	Cause    func(gold corpus.Outage, pred string) bool
	// HasDuration reports whether a gold outage states a duration.
	HasDuration func(gold corpus.Outage) bool
}

// Examples classifies a labelled text, steered to its gold main outage,
// and returns each slot's candidates labelled right or wrong. It scores
// with no weights, so that the examples do not depend on the weights the
// classifier was loaded with.
func (c *Classifier) Examples(l Labelled, j Judge) map[string][]model.Group {
	c = c.WithWeights(model.NewWeights())
	a := l.Article
	t := &teacher{isOutage: l.IsOutage}
	if l.Main != nil {
		gold := *l.Main
		t.isMain = func(o corpus.Outage) bool { return j.Service(gold, o) }
	}
	ex := c.classify(&a, t)
	out := map[string][]model.Group{}
	if a.Lang != corpus.LangOther && !ex.Gated {
		out[model.SlotDetect] = []model.Group{{Cands: []model.Features{ex.Evidence, nil}, Right: []bool{l.IsOutage, !l.IsOutage}}}
	}
	if !l.IsOutage || l.Main == nil || len(ex.Outages) == 0 {
		return out
	}
	for _, ch := range ex.Outages[0].Choices {
		if g, ok := labelChoice(ch, *l.Main, j); ok {
			out[ch.Slot] = append(out[ch.Slot], g)
		}
	}
	return out
}

// labelChoice labels a slot's candidates against the gold outage; false
// when the gold outage does not state that slot.
func labelChoice(ch SlotChoice, gold corpus.Outage, j Judge) (model.Group, bool) {
	var g model.Group
	for _, cand := range ch.Candidates {
		var right bool
		switch ch.Slot {
		case model.SlotService:
			right = j.Service(gold, corpus.Outage{Service: cand.Value, Aliases: cand.Aliases})
		case model.SlotStart:
			if gold.Start == "" {
				return g, false
			}
			right = j.Start(gold.Start, cand.Value)
		case model.SlotDuration:
			pred := corpus.Outage{DurationMin: cand.Minutes, DurationKind: cand.DurationKind}
			right = j.Duration(gold, pred)
		case model.SlotCause:
			right = j.Cause(gold, cand.Value)
		}
		g.Cands = append(g.Cands, cand.Features)
		g.Right = append(g.Right, right)
	}
	switch ch.Slot {
	case model.SlotStart:
		return g, len(g.Cands) > 0 && gold.Start != ""
	case model.SlotDuration:
		return g, len(g.Cands) > 0 && j.HasDuration(gold)
	}
	return g, len(g.Cands) > 0
}

// Train learns the model's weights from labelled texts: it gathers every
// text's labelled candidates (Examples) and fits each slot (model.Train).
// The result depends only on the texts, their order and opts.
func Train(c *Classifier, texts []Labelled, j Judge, opts model.TrainOptions) *model.Weights {
	ex := make([]map[string][]model.Group, len(texts))
	for i, l := range texts {
		ex[i] = c.Examples(l, j)
	}
	return TrainExamples(ex, opts)
}

// TrainExamples fits the weights from the examples of several texts (see
// Examples), merged in their order.
func TrainExamples(ex []map[string][]model.Group, opts model.TrainOptions) *model.Weights {
	all := map[string][]model.Group{}
	for _, m := range ex {
		for _, slot := range model.Slots() {
			all[slot] = append(all[slot], m[slot]...)
		}
	}
	return model.Train(all, opts)
}
