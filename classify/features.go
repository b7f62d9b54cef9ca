package classify

import (
	"fmt"
	"math"
	"strings"
	"time"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

// Features of the candidates of each slot. Every feature names a
// phenomenon (where a candidate stands, the cue words around it, how it
// relates to the publication day and to the other candidates), never a
// text, an address or a service's name.

// serviceFeatures describes a service reported down among all of them.
func serviceFeatures(an *analysis, g *outageGroup, outs []*outageGroup) model.Features {
	total, first := 0, -1
	for _, h := range outs {
		total += len(h.mentions)
		if f := firstFrom(h); f >= 0 && (first < 0 || f < first) {
			first = f
		}
	}
	fs := make(model.Features, 0, featureCap)
	fs.Add("strong", math.Log1p(float64(g.strong)))
	fs.Add("mentions", math.Log1p(float64(len(g.mentions))))
	if total > 0 {
		fs.Add("share", float64(len(g.mentions))/float64(total))
	}
	fs.On("in_title", g.inTitle)
	fs.On("title_sentence", g.titleSent)
	fs.On("direct", g.direct)
	fs.On("lead", g.isLead)
	fs.On("parent", g.parent)
	fs.On("country_wide", g.countryOf != "")
	fs.On("derived", g.derived)
	if g.derivedRank > 0 {
		fs.On(fmt.Sprintf("derived.extra%d", g.derivedRank), true)
	}
	fs.On("gazetteer", g.cand.svc >= 0)
	fs.On("first_named", first >= 0 && firstFrom(g) == first)
	fs.On("kind."+g.cand.kind, true)
	fs.On("operator_of_cut", g.countryOf == "" && g.cand.svc >= 0 && operatesCut(g, outs))
	if u := leadUtility(an); u != "" {
		fs.On("lead_utility.same", utilityOf[g.cand.kind] == u)
		fs.On("lead_utility.other", utilityOf[g.cand.kind] != u)
	}
	fs.On("cut_with_operator", g.countryOf != "" && cutHasOperator(g, outs))
	fs.Add("derived.score", g.derivedScore/10)
	near, opens := 1<<20, false
	for _, m := range g.mentions {
		if m.channel {
			continue
		}
		near = min(near, an.triggerDistance(m.from), an.triggerDistance(max(m.to-1, m.from)))
		opens = opens || m.from == 0 || an.d.toks[m.from-1].sent != m.sent
	}
	fs.On("trigger.adjacent", near <= 1)
	fs.On("trigger.near", near > 1 && near <= 4)
	fs.On("trigger.mid", near > 4 && near <= 15)
	fs.On("opens_sentence", opens)
	// A named provider after "due to" is the one that failed ("due to an
	// Azure outage"); a country's grid or network after it is a cause
	// ("because of power cuts").
	cause, affected := roleShares(an, g)
	if g.countryOf != "" {
		fs.Add("role.cause.utility", cause)
	} else {
		fs.Add("role.cause", cause)
	}
	fs.Add("role.affected", affected)
	if g.countryOf == "" {
		causeOf, causedBy := namedProvider(an, g, outs)
		fs.On("role.cause_of_named", cause > 0 && causeOf)
		fs.On("role.down_by_named", cause == 0 && causedBy)
	}
	return fs
}

// namedProvider reports whether a service named as the cause shares a
// sentence with another named service that is not ("X, Y went down
// because of a Fastly fault": Fastly is the provider that failed, X and
// Y the platforms it took down), seen from g: g is that provider
// (causeOf), or one of those platforms (causedBy).
func namedProvider(an *analysis, g *outageGroup, outs []*outageGroup) (causeOf, causedBy bool) {
	gCause, _ := roleShares(an, g)
	for _, h := range outs {
		if h == g || h.countryOf != "" || h.derived || !sharesSentence(g, h) {
			continue
		}
		hCause, _ := roleShares(an, h)
		causeOf = causeOf || gCause > 0 && hCause == 0
		causedBy = causedBy || gCause == 0 && hCause > 0
	}
	return causeOf, causedBy
}

// Cue gaps for a service's role: "due to an Azure outage" (a because cue
// at most causeGap words before the name, or causeTriggerGap with an
// outage word between, "after a failure at the network of X": the
// provider that failed), "took down sites such as Twitter" (an affected
// cue at most affectedGap words before: a platform taken down with it).
const (
	causeGap        = 4
	causeTriggerGap = 8
	affectedGap     = 2
)

// namedAsCause reports whether a mention follows a cue of a cause, not of
// a mere time ("due to", not "after"; see causeGap).
func namedAsCause(an *analysis, m mention) bool {
	e := an.ci.lastBefore(an.d, "causedby", m.from, causeTriggerGap)
	if e < 0 {
		return false
	}
	if m.from-e <= causeGap {
		return true
	}
	for i, h := range an.lex {
		if an.active[i] && an.isTrigger(h) && h.from >= e && h.to <= m.from {
			return true
		}
	}
	return false
}

// roleShares returns the shares of a service's mentions named as the
// cause of the outage and as one of the services it affected.
func roleShares(an *analysis, g *outageGroup) (float64, float64) {
	n, cause, affected := 0, 0, 0
	if an.ci == nil {
		return 0, 0
	}
	for _, m := range g.mentions {
		if m.channel {
			continue
		}
		n++
		if namedAsCause(an, m) {
			cause++
		}
		if an.ci.before(an.d, "affected", m.from, affectedGap) || affectedList(an, m) {
			affected++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(cause) / float64(n), float64(affected) / float64(n)
}

// affectedListGap is how many words a list of services may span after
// the cue of what an outage took down ("such as X, Y and Z").
const affectedListGap = 12

// affectedList reports whether mention m is a later item of a list of
// services opened by a cue of what an outage took down ("such as Reddit,
// Spotify and Twitch"): only other names and joining words between.
func affectedList(an *analysis, m mention) bool {
	e := an.ci.lastBefore(an.d, "affected", m.from, affectedListGap)
	if e < 0 {
		return false
	}
	named := 0
	for k := e; k < m.from; {
		if listJoiners[an.d.toks[k].norm] {
			k++
			continue
		}
		to := mentionAt(an, k)
		if to <= k {
			return false
		}
		named++
		k = to
	}
	return named > 0
}

// mentionAt is the end of a service named at token k, or -1.
func mentionAt(an *analysis, k int) int {
	for _, o := range an.mentions {
		if o.from == k && !o.channel {
			return o.to
		}
	}
	return -1
}

// leadUtility is the kind of network (power, or internet for telecoms and
// connectivity) the text names first where it first reports an outage: in
// the title when it has an outage word, else in the first sentence of the
// body ("Nationwide blackout: JKIA plunged into darkness", "انقطاع الكهرباء
// عن ولايات عدة.. وتعطل شبكة أورنج"); "" when it names none there. The
// outage told first is what the article is about; its consequences come
// after. A network named in a clause of cause is not it ("أوجيرو … توقف
// خدماتها بسبب … التقنين الكهربائي": a telecom outage caused by power cuts).
func leadUtility(an *analysis) string {
	if an.leadUtil == nil {
		u := findLeadUtility(an)
		an.leadUtil = &u
	}
	return *an.leadUtil
}

// findLeadUtility computes leadUtility.
func findLeadUtility(an *analysis) string {
	d := an.d
	if len(d.toks) == 0 {
		return ""
	}
	lead := -1
	for _, t := range d.toks {
		if an.triggerSent[t.sent] {
			lead = t.sent
			break
		}
		if t.para > 0 && t.sent != d.toks[0].sent {
			break // the title has no outage word: the first sentence of the body
		}
	}
	if lead < 0 {
		for _, t := range d.toks {
			if t.para > 0 {
				lead = t.sent
				break
			}
		}
	}
	for i, h := range an.lex {
		if !an.active[i] || d.toks[h.from].sent != lead {
			continue
		}
		if an.ci != nil && an.ci.before(d, "because", h.from, causeClauseGap) {
			continue // the network of the cause ("stopped because of electricity rationing")
		}
		switch an.ds.lex[h.owner].class {
		case classPower:
			return corpus.KindPower
		case classInternet, classTelecom:
			return corpus.KindInternet
		}
	}
	return ""
}

// causeClauseGap is how far after a cue of cause ("because of", "بسبب") a
// network's word is the cause's, not what the lead reports down.
const causeClauseGap = 8

// utilityOf is the kind of country-wide cut a kind of service runs.
var utilityOf = map[string]string{
	corpus.KindTelecom: corpus.KindInternet, corpus.KindInternet: corpus.KindInternet, corpus.KindPower: corpus.KindPower,
}

// operatesCut reports whether a named service runs the kind of network
// of a country-wide cut among the candidates (an operator and the
// country's internet, a utility and its power grid).
func operatesCut(g *outageGroup, outs []*outageGroup) bool {
	u, ok := utilityOf[g.cand.kind]
	if !ok {
		return false
	}
	for _, h := range outs {
		if h.countryOf != "" && utilityOf[h.cand.kind] == u {
			return true
		}
	}
	return false
}

// cutHasOperator reports whether a named service among the candidates
// runs the kind of network of a country-wide cut.
func cutHasOperator(g *outageGroup, outs []*outageGroup) bool {
	for _, h := range outs {
		if h.countryOf == "" && h.cand.svc >= 0 && operatesCut(h, []*outageGroup{g}) {
			return true
		}
	}
	return false
}

// sentCueFeatures are the cue classes of an expression's sentence that
// contextFeatures reports, with their feature names.
var sentCueFeatures = [...]struct{ class, name string }{
	{"future", "sent.future"}, {"speculation", "sent.speculation"}, {"past", "sent.past"}, {"back", "sent.back"},
}

// featureCap is room for the features of one candidate (up to 16 in the
// eval news): they are appended without growing the slice.
const featureCap = 16

// contextFeatures describe where an expression stands: title, lede, the
// sentence's cue words, a question, an outage word near it.
func (ts *textScope) contextFeatures(fs *model.Features, e rules.Expr) {
	d := ts.d
	k := d.tokAt(e.Start)
	if k >= len(d.toks) {
		return
	}
	s, para := d.toks[k].sent, d.toks[k].para
	fs.On("in_title", para == 0)
	fs.On("lede", para == 1)
	for _, c := range sentCueFeatures {
		fs.On(c.name, ts.ci.inSentence(c.class, s))
	}
	fs.On("sent.question", ts.question(s))
	fs.On("sent.older", ts.olderSent(s))
	fs.On("sent.trigger", ts.an.triggerSent[s])
	fs.On("sent.main", ts.main.sents[s])
	if dist := ts.triggerDistance(k); dist <= 4 {
		fs.On("trigger.near", true)
	} else if dist <= 15 {
		fs.On("trigger.mid", true)
	}
}

// triggerDistance is the number of tokens between token k and the
// nearest active outage word of its sentence (a large number when none).
func (ts *textScope) triggerDistance(k int) int { return ts.an.triggerDistance(k) }

// trigBySentence returns the active outage words of sentence s (the
// index is built on first use).
func (an *analysis) trigBySentence(s int) []hit {
	if an.trigBySent == nil {
		an.trigBySent = map[int][]hit{}
		for i, h := range an.lex {
			if an.active[i] && an.isTrigger(h) {
				t := an.d.toks[h.from].sent
				an.trigBySent[t] = append(an.trigBySent[t], h)
			}
		}
	}
	return an.trigBySent[s]
}

// triggerDistance is the number of tokens between token k and the
// nearest active outage word of its sentence (a large number when none).
func (an *analysis) triggerDistance(k int) int {
	best := 1 << 20
	for _, h := range an.trigBySentence(an.d.toks[k].sent) {
		switch {
		case k < h.from:
			best = min(best, h.from-k)
		case k >= h.to:
			best = min(best, k-h.to+1)
		default:
			best = 0
		}
	}
	return best
}

// name returns prefix+v, built once per text (feature names are few).
func (ts *textScope) name(prefix, v string) string {
	if ts.names == nil {
		ts.names = map[[2]string]string{}
	}
	k := [2]string{prefix, v}
	n, ok := ts.names[k]
	if !ok {
		n = prefix + v
		ts.names[k] = n
	}
	return n
}

// exprCand is an expression proposed for a slot.
type exprCand struct {
	e       rules.Expr
	prio    int
	agree   int       // other candidates with the same value (see annotate)
	earlier bool      // a day up to a month earlier is as close to the outage (see markEarlier)
	span    *timeSpan // a length counted from a start and an end time
}

// annotate counts, for each candidate, the others with the same value.
func annotate(cands []exprCand, value func(rules.Expr) string) {
	count := make(map[string]int, len(cands))
	vals := make([]string, len(cands))
	for i := range cands {
		vals[i] = value(cands[i].e)
		count[vals[i]]++
	}
	for i := range cands {
		cands[i].agree = count[vals[i]] - 1
	}
}

func exprValue(e rules.Expr) string { return e.Value }

// startFeatures describes a day proposed as the outage's start.
func (ts *textScope) startFeatures(cands []exprCand, i int) model.Features {
	c := cands[i]
	e := c.e
	fs := make(model.Features, 0, featureCap)
	fs.On(prioNames[c.prio], true)
	fs.On(ts.name("kind.", e.Kind), true)
	fs.On(ts.name("role.", e.Role), e.Role != "")
	fs.On("has_time", e.Time != "")
	fs.On("yearless", strings.HasPrefix(e.Value, "XXXX"))
	fs.On("ago", agoDate.MatchString(strings.TrimSpace(e.Text)))
	fs.On(ts.name("grain.", e.Grain), e.Grain != "")
	fs.On(ts.pubFeature(e.Value), true)
	fs.Add("agree", math.Log1p(float64(c.agree)))
	fs.On("earlier_in_month", c.earlier)
	fs.On("first", firstOfPrio(cands, i))
	k := ts.d.tokAt(e.Start)
	fs.On("outage_of", ts.outageOf(e))
	fs.On("cue.since", ts.ci.before(ts.d, "since", k, 2))
	fs.On("cue.until", ts.ci.before(ts.d, "until", k, 2))
	ts.contextFeatures(&fs, e)
	return fs
}

// dateGlue may stand between an outage word and the day it is dated by
// ("la panne du 3 mars", "the outage of March 3", "انقطاع يوم 3 مارس").
var dateGlue = map[string]bool{
	"du": true, "de": true, "d": true, "le": true, "of": true, "on": true, "the": true,
	"يوم": true, "في": true, "بتاريخ": true,
}

// outageOf reports whether day e dates an outage word next to it: the
// word right before it (one glue word between at most) or right after it
// ("the March 3 outage").
func (ts *textScope) outageOf(e rules.Expr) bool {
	d := ts.d
	k, end := d.exprToks(e)
	if k >= len(d.toks) {
		return false
	}
	ts.an.triggerDistance(k) // fills trigBySent
	for _, h := range ts.an.trigBySent[d.toks[k].sent] {
		if h.to == k || (h.to == k-1 && dateGlue[d.toks[k-1].norm]) || h.from == end {
			return true
		}
	}
	return false
}

// pubFeature is the feature naming how day v stands to the publication
// (see pubRelation), worked out once per day of the text.
func (ts *textScope) pubFeature(v string) string {
	if n, ok := ts.pubNames[v]; ok {
		return n
	}
	if ts.pubNames == nil {
		ts.pubNames = map[string]string{}
	}
	n := ts.name("pub.", pubRelation(v, ts.pub))
	ts.pubNames[v] = n
	return n
}

// pubRelation names how a day stands to the publication day.
func pubRelation(v string, pub time.Time) string {
	if pub.IsZero() {
		return "unknown"
	}
	a, b, ok := sameYearDays(v, pub.Format("2006-01-02"))
	if !ok {
		return "unknown"
	}
	days := int(math.Round(b.Sub(a).Hours() / 24))
	switch {
	case days < 0:
		return "after"
	case days == 0:
		return "same_day"
	case days == 1:
		return "day_before"
	case days <= 7:
		return "week_before"
	case days <= 31:
		return "month_before"
	}
	return "long_before"
}

// markEarlier marks the candidates for which another candidate at least
// as close to the outage names a day up to a month before: an outage
// reported over several days (a shutdown can last weeks) began on the
// first. Yearless days compare
// with yearless days only.
func markEarlier(cands []exprCand) {
	days := make([]time.Time, len(cands))
	for i, c := range cands {
		v := c.e.Value
		if strings.HasPrefix(v, "XXXX") {
			v = "2000" + v[4:]
		}
		days[i], _ = time.Parse("2006-01-02", v)
	}
	for i, c := range cands {
		for j, o := range cands {
			if j == i || o.prio > max(c.prio, prioRegion) || days[i].IsZero() || days[j].IsZero() {
				continue
			}
			if (o.e.Value[:4] == "XXXX") != (c.e.Value[:4] == "XXXX") {
				continue
			}
			if diff := days[i].Sub(days[j]); diff > 0 && diff <= 31*24*time.Hour {
				cands[i].earlier = true
				break
			}
		}
	}
}

// firstOfPrio reports whether no candidate as close to the outage comes
// before this one in the text.
func firstOfPrio(cands []exprCand, i int) bool {
	for j := 0; j < i; j++ {
		if cands[j].prio <= cands[i].prio {
			return false
		}
	}
	return true
}

// durationFeatures describes a length proposed as the outage's duration.
func (ts *textScope) durationFeatures(cands []exprCand, i int) model.Features {
	c := cands[i]
	e := c.e
	d := ts.d
	fs := make(model.Features, 0, featureCap)
	fs.On(prioNames[c.prio], true)
	kind := e.DurationKind
	if kind == "" {
		kind = corpus.DurationExact
	}
	fs.On(ts.name("dkind.", kind), true)
	if kind == corpus.DurationVague {
		near, any := numberBeside(cands)
		fs.On("vague.number_near", near)
		fs.On("vague.number_any", any)
	}
	fs.On("interval", e.Kind == rules.KindInterval && c.span == nil)
	if c.span != nil {
		spanFeatures(&fs, ts.ci, *c.span, cands)
	}
	before := prefixTail(d.text, e.Start, 32)
	fs.On("cue.lasted", endsWithPhrase(before, durCues))
	fs.On("cue.after_event", c.span == nil && ts.afterOtherEvent(e))
	if e.Minutes != nil {
		m := *e.Minutes
		fs.On("len.hours", m < 24*60)
		fs.On("len.days", m >= 24*60 && m < 7*24*60)
		fs.On("len.weeks", m >= 7*24*60)
	}
	k := d.tokAt(e.Start)
	s := ts.sentOf(e.Start)
	fs.On("sent.peak", ts.ci.inSentence("peak", s))
	fs.On("sent.credit", ts.ci.inSentence("credit", s))
	fs.On("cue.since", ts.ci.before(d, "since", k, 2))
	fs.On("cue.about", ts.ci.before(d, "about", k, 2))
	fs.Add("agree", math.Log1p(float64(c.agree)))
	fs.On("first", firstOfPrio(cands, i))
	ts.contextFeatures(&fs, e)
	return fs
}

// numberBeside reports whether a length in numbers was read near the
// outage and anywhere: a vague "for hours" in the title is often given in
// numbers further on ("nearly nine hours").
func numberBeside(cands []exprCand) (near, any bool) {
	for _, c := range cands {
		if c.e.Minutes == nil || c.e.DurationKind == corpus.DurationVague {
			continue
		}
		any = true
		near = near || c.prio <= prioRegion
	}
	return near, any
}

// spanFeatures describe a length counted from a start and an end time:
// how the two times are marked and stand to each other, and whether the
// length respects a bound said of the outage ("more than an hour").
func spanFeatures(fs *model.Features, ci *cueIndex, sp timeSpan, cands []exprCand) {
	fs.On("span", true)
	fs.On("span.end_after", sp.endAfter)
	fs.On("span.adjacent", sp.adjacent)
	fs.On("span.end_role", sp.endRole)
	fs.On("span.end_back", sp.endBack)
	fs.On("span.start_role", sp.st.role == "start")
	fs.On("span.first", sp.first)
	fs.On("span.same_sentence", sp.st.sent == sp.en.sent)
	fs.On("span.zone_differs", !sp.zone)
	fs.On("span.end_other", sp.endOther)
	fs.On("span.half_day", sp.halfDay)
	fs.On("span.end_peak", ci.inSentence("peak", sp.en.sent))
	fits, breaks := false, false
	for _, c := range cands {
		if c.span != nil || c.prio > prioRegion || c.e.Minutes == nil {
			continue
		}
		switch k := c.e.DurationKind; {
		case k != corpus.DurationAtLeast && k != corpus.DurationAtMost:
		case fitsBound(sp.minutes, c.e):
			fits = true
		default:
			breaks = true
		}
	}
	fs.On("span.fits_bound", fits)
	fs.On("span.breaks_bound", breaks)
}

// noDurationFeatures describe the choice of no duration when lengths were
// read: none of them is said of the outage, or the text gives only a vague
// one.
func noDurationFeatures(cands []exprCand) model.Features {
	fs := make(model.Features, 0, 4)
	fs.On("none", true)
	near := false
	for _, c := range cands {
		near = near || c.prio <= prioRegion
	}
	fs.On("none.only_far", !near)
	return fs
}

// causeCand is a cause expression proposed for an outage.
type causeCand struct {
	exprCand
	weak       bool
	recast     bool // a generic phrase read as the other kind of fault
	afterOlder bool // in a sentence with no day, right after one about an earlier event
}

func causeValue(e rules.Expr) string { return e.Cause }

// causeFeatures describes a cause phrase proposed as the outage's cause.
func (ts *textScope) causeFeatures(os *outageScope, cands []exprCand, i int, cc causeCand) model.Features {
	e := cc.e
	s := ts.sentOf(e.Start)
	fs := make(model.Features, 0, featureCap)
	fs.On(prioNames[cc.prio], true)
	fs.On("own_sentence", os.g.sents[s])
	fs.On("outage_sentence", os.g.sents[s] || ts.an.triggerSent[s])
	fs.On("weak", cc.weak)
	fs.On("recast", cc.recast)
	fs.On(ts.name("recast.kind.", os.g.cand.kind), cc.recast)
	fs.On(ts.name("cause.", e.Cause), true)
	fs.On("root", isRoot(cands, i))
	k := ts.d.tokAt(e.Start)
	fs.On("cue.because", ts.ci.before(ts.d, "because", k, 1))
	fs.On("cue.because_near", !ts.ci.before(ts.d, "because", k, 1) && ts.ci.before(ts.d, "because", k, 4))
	a, b := ts.d.exprToks(e)
	causer, effect := causalRole(ts.ci, ts.d, a, b)
	fs.On("cue.causes_after", causer)
	fs.On("cue.causes_before", effect)
	fs.On("sent.after_older", cc.afterOlder)
	fs.Add("agree", math.Log1p(float64(cc.agree)))
	fs.On("first", firstOfPrio(cands, i))
	ts.contextFeatures(&fs, e)
	return fs
}

// causalGap is how many words may stand between a cause phrase and the
// active verb of causation after it ("an influx of connections caused a
// bug") or between such a verb and the phrase it governs.
const causalGap = 3

// causalRole reports whether a cause phrase (tokens [a, b)) is the subject of an active
// verb of causation ("l'afflux de connexions a provoqué un bug", "the
// surge triggered", "أدى الضغط… إلى"): the causer, closer to the root;
// and whether it is what such a verb brought about: the effect ("…a
// provoqué un bug"). A passive "caused by", "provoqué par", which the
// because cues hold, is neither.
func causalRole(ci *cueIndex, d *doc, a, b int) (causer, effect bool) {
	if k := ci.startAfter(d, "causes", b, causalGap); k >= 0 && !ci.startsAtTok("because", k) {
		causer = true
	}
	if k := ci.startEndingBefore(d, "causes", a, causalGap); k >= 0 && !ci.startsAtTok("because", k) {
		effect = true
	}
	return causer, effect
}

// unknownFeatures describe the choice of "unknown" for the cause.
func unknownFeatures(cands []causeCand, unknownSaid bool) model.Features {
	fs := make(model.Features, 0, 4)
	fs.On("none", true)
	fs.On("none.unknown_said", unknownSaid)
	allWeak := len(cands) > 0
	for _, c := range cands {
		allWeak = allWeak && c.weak
	}
	fs.On("none.only_weak", allWeak)
	fs.On("none.only_weak_unknown_said", allWeak && unknownSaid)
	return fs
}

// isRoot reports whether no other candidate names a cause closer to the
// root (rules.RankCause) than this one.
func isRoot(cands []exprCand, i int) bool {
	r := rules.RankCause(cands[i].e.Cause)
	for _, c := range cands {
		if rules.RankCause(c.e.Cause) < r {
			return false
		}
	}
	return true
}
