package classify

import (
	"sort"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

// assemble turns the analysis of an outage report and the rule engine's
// expressions into outages: the services reported down (the main one
// chosen by the model), then for each its start, duration and cause,
// each chosen by the model among the candidates the rules propose.
func (c *Classifier) assemble(an *analysis, exprs []rules.Expr, published string, t *teacher) ([]corpus.Outage, []OutageExplanation) {
	outs := c.outageGroups(an)
	outs, svcChoice := c.chooseMain(an, outs, t)
	ts := c.newTextScope(an, exprs, published, outs)
	var res []corpus.Outage
	var exps []OutageExplanation
	for gi, g := range outs {
		os := ts.outageScope(g, gi)
		o, oe := newOutage(an.d, g)
		if gi == 0 {
			oe.Choices = append(oe.Choices, svcChoice)
		}
		oe.Choices = append(oe.Choices, c.chooseStart(ts, os, &o, &oe))
		oe.Choices = append(oe.Choices, c.chooseDuration(ts, os, &o, &oe))
		oe.Choices = append(oe.Choices, c.chooseCause(ts, os, &o, &oe))
		o.Confidence = round3(min(1, 0.4+0.1*float64(g.strong)))
		res = append(res, o)
		exps = append(exps, oe)
	}
	return res, exps
}

// newOutage starts the outage of a group and its explanation.
func newOutage(d *doc, g *outageGroup) (corpus.Outage, OutageExplanation) {
	o := corpus.Outage{Service: g.cand.key, Kind: g.cand.kind, Aliases: append([]string(nil), g.cand.aliases...)}
	oe := OutageExplanation{Service: o.Service, Kind: o.Kind, Rule: g.cand.rule, Rank: round3(g.score)}
	for _, m := range g.mentions {
		oe.Mentions = append(oe.Mentions, d.span(m.from, m.to))
	}
	oe.Mentions = uniq(oe.Mentions)
	if g.countryOf != "" {
		oe.Notes = append(oe.Notes, "country-wide cut in "+g.countryOf)
	}
	return o, oe
}

// chooseMain scores the services reported down, puts the main one (the
// best score; the gold one when training) first and the others after it
// in text order, at most maxOutages in all.
func (c *Classifier) chooseMain(an *analysis, outs []*outageGroup, t *teacher) ([]*outageGroup, SlotChoice) {
	ch := SlotChoice{Slot: model.SlotService}
	for _, g := range outs {
		fs := serviceFeatures(an, g, outs)
		g.score = c.weights.Score(model.SlotService, fs)
		ch.Candidates = append(ch.Candidates, Candidate{Value: g.cand.key, Aliases: g.cand.aliases, Score: round3(g.score), Features: fs})
	}
	best := 0
	for i, g := range outs {
		if g.score > outs[best].score || (g.score == outs[best].score && firstFrom(g) < firstFrom(outs[best])) {
			best = i
		}
	}
	if t != nil && t.isMain != nil {
		for i, g := range outs {
			if t.isMain(corpus.Outage{Service: g.cand.key, Aliases: g.cand.aliases}) {
				best = i
				break
			}
		}
	}
	ch.Candidates[best].Chosen = true
	main := outs[best]
	var rest []*outageGroup
	for i, g := range outs {
		if i != best && !g.mainOnly && !c.parentOf(g, main) {
			rest = append(rest, g)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].first < rest[j].first })
	if len(rest) > maxOutages-1 {
		rest = rest[:maxOutages-1]
	}
	return append([]*outageGroup{main}, rest...), ch
}

// parentOf reports whether g is the company that owns main's service
// (operators.tsv) and is not itself named next to an outage word: "Meta,
// the parent company, acknowledged the problem" is not Meta down.
func (c *Classifier) parentOf(g, main *outageGroup) bool {
	return c.geo != nil && !g.direct && c.geo.parents[main.cand.key] == g.cand.key
}
