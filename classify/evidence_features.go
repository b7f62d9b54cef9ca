package classify

import (
	"math"
	"sort"

	"outages/classify/model"
)

// evidence is what the lexicon found for outage detection in one text:
// the weights (from lexicon.tsv) of the phrases of each class.
type evidence struct {
	trig         []float64            // outage words near a subject
	loose        []float64            // outage words with no subject near
	report       float64              // incident-report words
	neg          map[string][]float64 // counter-evidence by class (planned, sense, general, denial)
	tagged       map[string][]float64 // by "class.tag" of tagged lexicon lines (triggers only near a subject)
	titleTrigger bool
	titleService bool
	overran      bool
	moods        map[string]float64 // share of the reporting sentences with each mood (see triggerMoods)
	ledeFuture   float64            // share of the lede's sentences (title included) speaking of the future
	titleFuture  bool               // the title speaks of the future
	titleNeg     map[string]bool    // counter-evidence classes (general, planned) found in the title
	titleAsks    bool               // the title asks a question or explains ("why…", "comment…", "كيف")
	titlePlural  bool               // an outage word of the title is a plural noun ("outages")
	plural       float64            // share of the outage words near a subject that are plural nouns ("outages", "pannes")
	futureTrig   float64            // share of the outage words near a subject governed by a future cue ("sera coupé")
	years        int                // different years the text names
	genre        genreEvidence      // denials, fiction, old outages, vehicles, advisories (genre.go)
	when         whenEvidence       // when the reporting sentences place the outage (when.go)
}

// triggerDecay makes each further phrase of a class count less than the
// one before: a report says "outage" many times, a text about outages in
// general says "outage" many times too.
const triggerDecay = 0.75

// decayed sums the absolute values, largest first, each weighed
// triggerDecay times the one before.
func decayed(ws []float64) float64 {
	a := make([]float64, len(ws))
	for i, w := range ws {
		a[i] = math.Abs(w)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(a)))
	total, f := 0.0, 1.0
	for _, w := range a {
		total += w * f
		f *= triggerDecay
	}
	return total
}

// features are the detection model's features: the evidence of each
// lexicon class, scaled to about [0, 2].
func (ev evidence) features() model.Features {
	var fs model.Features
	fs.On("bias", true)
	fs.Add("trig.subject", min(decayed(ev.trig), 8)/4)
	fs.Add("trig.count", math.Log1p(float64(len(ev.trig))))
	fs.Add("trig.loose", min(decayed(ev.loose), 8)/4)
	fs.Add("report", min(ev.report, 5)/4)
	for _, cl := range []string{classPlanned, classSense, classGeneral, classDenial} {
		fs.Add("neg."+cl, min(decayed(ev.neg[cl]), 8)/4)
	}
	tags := make([]string, 0, len(ev.tagged))
	for t := range ev.tagged {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		fs.Add(t, min(decayed(ev.tagged[t]), 8)/4)
	}
	fs.On("title.trigger", ev.titleTrigger)
	fs.On("title.future", ev.titleFuture)
	fs.On("title.general", ev.titleNeg[classGeneral])
	fs.On("title.planned", ev.titleNeg[classPlanned])
	fs.On("title.asks", ev.titleAsks)
	fs.On("title.plural", ev.titlePlural)
	fs.Add("lede.future", ev.ledeFuture)
	fs.Add("trig.plural", ev.plural)
	fs.Add("trig.future", ev.futureTrig)
	fs.On("years.many", ev.years >= manyYears)
	fs.On("title.service", ev.titleService)
	fs.On("overran", ev.overran)
	for _, m := range append(append([]string(nil), moodCues...), "question") {
		fs.Add("mood."+m, ev.moods[m])
	}
	ev.genreFeatures(&fs)
	ev.when.features(&fs)
	return fs
}

// manyYears is how many different years make a text span years (a
// retrospective, a statistic).
const manyYears = 3
