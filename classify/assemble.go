package classify

import (
	"slices"
	"sort"
	"strings"
	"time"

	"outages/classify/rules"
	"outages/corpus"
)

// causeRank is the rule engine's precedence of causes: the lower, the
// closer to the root cause.
func causeRank(c string) int { return rules.RankCause(c) }

// outageGroup is one outage being assembled.
type outageGroup struct {
	cand      *candidate
	mentions  []mention
	strong    int          // mentions in a sentence with an outage word
	sents     map[int]bool // sentences with a mention
	hotSents  map[int]bool // sentences with a mention and an outage word
	first     int          // token of the first strong mention
	lead      int          // where the first strong mention names it (the country of a country-wide cut)
	rank      float64
	direct    bool // named right next to an outage word ("Azure outage")
	countryOf string
	derived   bool // named from the text when no known service is: its start and length may come from anywhere in the text
}

func (c *Classifier) assemble(an *analysis, exprs []rules.Expr, published string) ([]corpus.Outage, []OutageExplanation) {
	d := an.d
	groups := map[string]*outageGroup{}
	var order []string
	get := func(cand *candidate) *outageGroup {
		g, ok := groups[cand.key]
		if !ok {
			g = &outageGroup{cand: cand, sents: map[int]bool{}, hotSents: map[int]bool{}, first: -1, lead: -1}
			groups[cand.key] = g
			order = append(order, cand.key)
		}
		return g
	}
	addMention := func(g *outageGroup, m mention) {
		g.mentions = append(g.mentions, m)
		g.sents[m.sent] = true
		if an.triggerSent[m.sent] && !m.channel {
			g.strong++
			g.hotSents[m.sent] = true
			if g.first < 0 || m.from < g.first {
				g.first = m.from
			}
			if a := m.anchor(); a >= 0 && (g.lead < 0 || a < g.lead) {
				g.lead = a
			}
			if m.svc >= 0 && an.nextToTrigger(m) {
				g.direct = true
			}
		}
	}
	for _, m := range an.mentions {
		addMention(get(an.names[m.key]), m)
	}
	c.countryWide(an, get, addMention)

	titleSent := 0
	if len(d.toks) > 0 {
		titleSent = d.toks[0].sent
	}
	var outs []*outageGroup
	for _, k := range order {
		g := groups[k]
		inTitle := false
		for _, m := range g.mentions {
			if d.toks[m.from].para == 0 && !m.channel {
				inTitle = true
			}
		}
		if g.strong == 0 && !(inTitle && len(g.mentions) >= 2) {
			continue
		}
		g.rank = 2*float64(g.strong) + float64(min(len(g.mentions), 6))
		if inTitle {
			g.rank += 4
		}
		if g.direct {
			g.rank += 6
		}
		if g.countryOf != "" {
			g.rank /= 2 // named from generic words: a named service comes first
		}
		if g.sents[titleSent] {
			g.rank++
		}
		if g.first < 0 {
			g.first = g.mentions[0].from
		}
		outs = append(outs, g)
	}
	if len(outs) == 0 {
		// An outage report must yield an outage: name it from the text.
		cand, ms := c.deriveService(an)
		if cand.key == "" {
			// No name: the most named service of the text, if any.
			var bestG *outageGroup
			for _, k := range order {
				if g := groups[k]; bestG == nil || len(g.mentions) > len(bestG.mentions) {
					bestG = g
				}
			}
			if bestG != nil {
				cand, ms = bestG.cand, bestG.mentions
			}
		}
		g := &outageGroup{cand: cand, sents: map[int]bool{}, hotSents: map[int]bool{}, first: -1, lead: -1, derived: true}
		for _, m := range ms {
			addMention(g, m)
		}
		if g.first < 0 && len(g.mentions) > 0 {
			g.first = g.mentions[0].from
		}
		outs = append(outs, g)
	}
	leadAndParents(outs)
	sort.SliceStable(outs, func(i, j int) bool {
		if outs[i].rank != outs[j].rank {
			return outs[i].rank > outs[j].rank
		}
		return firstFrom(outs[i]) < firstFrom(outs[j])
	})
	main := outs[0]
	rest := outs[1:]
	sort.SliceStable(rest, func(i, j int) bool { return rest[i].first < rest[j].first })
	if len(rest) > maxOutages-1 {
		rest = rest[:maxOutages-1]
	}
	outs = append([]*outageGroup{main}, rest...)

	// The main outage also owns the sentences with an outage word that
	// name no other outage, and the title.
	owned := map[int]bool{}
	for _, g := range rest {
		if g.countryOf != "" && main.countryOf == "" {
			continue // a country-wide cut read from generic words does not take a named service's sentences
		}
		for s := range g.sents {
			owned[s] = true
		}
	}
	mainRegion := map[int]bool{}
	for s := range main.sents {
		mainRegion[s] = true
	}
	for s := range an.triggerSent {
		if !owned[s] {
			mainRegion[s] = true
		}
	}
	for _, t := range d.toks {
		if t.para > 0 {
			break
		}
		mainRegion[t.sent] = true
	}

	sentOf := func(byteOff int) int {
		i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > byteOff })
		if i >= len(d.toks) {
			if len(d.toks) == 0 {
				return 0
			}
			return d.toks[len(d.toks)-1].sent
		}
		return d.toks[i].sent
	}
	pubDay, _ := time.Parse("2006-01-02", published)
	cs := c.cues(an)

	// Whether each expression can be a start or a length does not depend on
	// the outage: it is decided once.
	startScore := memoScore(func(e rules.Expr) (int, bool) {
		if !isDay(e.Value) || (e.Kind != rules.KindDate && e.Kind != rules.KindTime && e.Kind != rules.KindInterval) {
			return 0, false
		}
		if stampBefore(prefixTail(d.text, e.Start, 24)) {
			return 0, false // "Updated: July 12"
		}
		pen := 0
		if e.Role == "end" {
			pen += 15 // "jusqu'au 25 juin": the end, unless nothing else is said
		}
		if !pubDay.IsZero() && !strings.HasPrefix(e.Value, "X") {
			if t, err := time.Parse("2006-01-02", e.Value); err == nil && t.After(pubDay) {
				return 0, false
			}
		}
		if agoDate.MatchString(strings.TrimSpace(e.Text)) {
			pen += 15 // counted back from the publication: a named day wins
		}
		return pen, true
	})
	durScore := memoScore(func(e rules.Expr) (int, bool) {
		if e.Kind != rules.KindDuration && !(e.Kind == rules.KindInterval && e.Minutes != nil) {
			return 0, false
		}
		before := prefixTail(d.text, e.Start, 32)
		if e.Kind == rules.KindDuration && !endsWithPhrase(before, durCues) && (agoBefore(before) || startsWithPhrase(suffixHead(d.text, e.End, 24), agoAfterCues)) {
			return 0, false
		}
		if endsWithPhrase(before, modalCues) {
			return 0, false // "repairs could take several weeks"
		}
		if _, clock := clockTime(d.text, e); clock {
			return 0, false
		}
		if e.Minutes == nil && e.DurationKind != corpus.DurationVague {
			return 0, false
		}
		return 0, true
	})
	var res []corpus.Outage
	var exps []OutageExplanation
	for gi, g := range outs {
		region := g.sents
		if gi == 0 {
			region = mainRegion
		}
		o := corpus.Outage{Service: g.cand.key, Kind: g.cand.kind, Aliases: append([]string(nil), g.cand.aliases...)}
		oe := OutageExplanation{Service: o.Service, Kind: o.Kind, Rule: g.cand.rule, Rank: g.rank}
		for _, m := range g.mentions {
			oe.Mentions = append(oe.Mentions, d.span(m.from, m.to))
		}
		oe.Mentions = uniq(oe.Mentions)
		if g.countryOf != "" {
			oe.Notes = append(oe.Notes, "country-wide cut in "+g.countryOf)
		}
		// paras are the paragraphs where the outage is named.
		paras := map[int]bool{}
		for _, m := range g.mentions {
			if gi > 0 || !owned[m.sent] {
				paras[d.toks[m.from].para] = true
			}
		}
		// prio says how closely an expression is tied to the outage: 0 in
		// its hottest sentences, 1 in its region, 2 elsewhere in a
		// paragraph naming it (not another outage's sentence), else 99.
		prio := func(e rules.Expr) int {
			s := sentOf(e.Start)
			switch {
			case g.hotSents[s]:
				return 0
			case region[s]:
				return 1
			}
			if k := d.tokAt(e.Start); k < len(d.toks) && paras[d.toks[k].para] && (gi > 0 || !owned[s]) {
				return 2
			}
			return 99
		}
		// best picks the expression with the lowest score (prio and a
		// penalty), the first in the text among equals.
		best := func(maxPrio int, score func(e rules.Expr) (int, bool)) (rules.Expr, bool) {
			var found rules.Expr
			foundScore := 1 << 30
			for _, e := range exprs {
				p := prio(e)
				if p > maxPrio {
					continue
				}
				pen, ok := score(e)
				if !ok {
					continue
				}
				if sc := p*10 + pen; sc < foundScore {
					found, foundScore = e, sc
				}
			}
			return found, foundScore < 1<<30
		}
		// start
		maxStart, maxDur := 2, 1
		if g.derived {
			maxStart, maxDur = 99, 99 // else the first plausible in the text
		}
		if e, ok := best(maxStart, startScore); ok {
			e = earliestStart(e, exprs, prio, startScore)
			o.Start = e.Value
			o.Evidence.Start = []string{e.Text}
			oe.Start = &Phrase{Value: e.Value, Text: e.Text, Rule: e.Rule}
			if e.Time != "" {
				o.StartTime = e.Time
			}
		}
		// duration
		if e, ok := best(maxDur, durScore); ok {
			o.DurationMin = e.Minutes
			o.DurationKind = e.DurationKind
			if o.DurationKind == "" && e.Minutes != nil {
				o.DurationKind = corpus.DurationExact
			}
			o.Evidence.Duration = []string{e.Text}
			oe.Duration = &Phrase{Value: durationValue(e), Text: e.Text, Rule: e.Rule}
		}
		if gi == 0 {
			c.durationFromTimes(d, cs, exprs, region, &o, &oe)
		}
		// cause
		c.pickCause(d, cs, exprs, g, main, gi, region, owned, an, sentOf, pubDay, &o, &oe)
		o.Confidence = round3(min(1, 0.4+0.1*float64(g.strong)))
		res = append(res, o)
		exps = append(exps, oe)
	}
	return res, exps
}

// firstFrom is the first token where an outage is named, or -1.
func firstFrom(g *outageGroup) int {
	if len(g.mentions) == 0 {
		return -1
	}
	return g.mentions[0].from
}

// countryWindow is how many tokens may separate a country from the
// internet, power or telephony word of its cut in one sentence.
const countryWindow = 25

// Main-outage choice bonuses.
const (
	leadBonus    = 6   // the outage named first in a sentence reporting it: the article's subject
	parentFactor = 0.5 // a company whose own product is named right next to an outage word
)

// leadAndParents raises the rank of the outage named first where the text
// reports an outage, and lowers a parent company's ("Microsoft") when one
// of its products ("Microsoft Azure") is the one named next to the outage
// word.
func leadAndParents(outs []*outageGroup) {
	var lead *outageGroup
	for _, g := range outs {
		if g.lead >= 0 && (lead == nil || g.lead < lead.lead) {
			lead = g
		}
	}
	for _, g := range outs {
		for _, h := range outs {
			if h != g && h.direct && !g.direct && strings.HasPrefix(h.cand.key, g.cand.key+" ") {
				g.rank *= parentFactor
				if lead == g {
					lead = h
				}
				break
			}
		}
	}
	if lead != nil {
		lead.rank += leadBonus
	}
}

func sharesSentence(a, b *outageGroup) bool {
	for s := range a.sents {
		if b.sents[s] {
			return true
		}
	}
	return false
}

// pickCause sets the cause, alternatives and denied causes of outage o
// (group g, the gi-th outage) from the cause expressions of its region.
func (c *Classifier) pickCause(d *doc, cs *cueSet, exprs []rules.Expr, g, main *outageGroup, gi int, region, owned map[int]bool, an *analysis, sentOf func(int) int, pubDay time.Time, o *corpus.Outage, oe *OutageExplanation) {
	inRegion := func(s int) bool { return region[s] || (gi == 0 && !owned[s]) }
	// Sentences about another, earlier outage ("after the one in
	// January, during the storm…") do not give this one's cause.
	otherSent, sameSent := map[int]bool{}, map[int]bool{}
	for _, e := range exprs {
		if e.Kind != rules.KindDate && e.Kind != rules.KindTime && e.Kind != rules.KindInterval {
			continue
		}
		s := sentOf(e.Start)
		if otherDay(e.Value, o.Start, pubDay) {
			otherSent[s] = true
		} else if e.Value != "" {
			sameSent[s] = true
		}
	}
	type scored struct {
		e    rules.Expr
		tier int
	}
	var causes []scored
	unknownSaid := false
	for _, e := range exprs {
		if e.Kind != rules.KindCause || !corpus.ValidCause(e.Cause) {
			continue
		}
		s := sentOf(e.Start)
		if !inRegion(s) {
			continue
		}
		if e.Cause == corpus.CauseUnknown {
			unknownSaid = true
			continue
		}
		if cs.guarded(e) {
			oe.Notes = append(oe.Notes, "not a cause (protection against it): "+e.Text)
			continue
		}
		if e.Denied || cs.denied(e) {
			o.CauseDenied = appendUniq(o.CauseDenied, e.Cause)
			oe.CausesDenied = append(oe.CausesDenied, Phrase{Value: e.Cause, Text: e.Text, Rule: e.Rule})
			continue
		}
		if e.Cause == corpus.CauseThirdParty && namesItself(e.Text+" "+suffixHead(d.text, e.End, 40), g.cand) {
			continue // "Fastly", "le fournisseur Cloudflare" is not the third party of its own outage
		}
		if e.Cause == corpus.CauseThirdParty && (g.cand.kind == corpus.KindCloud || g.cand.kind == corpus.KindTelecom) && selfNoun(e.Text) && !c.namesService(e.Text) {
			continue // "l'hébergeur", "the provider": a cloud's or operator's own outage, unless another one is named
		}
		if o.Kind == corpus.KindPower && e.Cause == corpus.CausePower {
			continue // a grid is not brought down by "a power cut"
		}
		if otherSent[s] && !sameSent[s] {
			oe.Notes = append(oe.Notes, "cause said of another outage: "+e.Text)
			continue
		}
		t := 0
		if !g.sents[s] && !an.triggerSent[s] {
			t = 1
		}
		if cs.isWeak(e) {
			t += 2
		}
		causes = append(causes, scored{e, t})
	}
	// A cause the text denies anywhere in the region is not the cause,
	// whatever other sentences say of it.
	keep := causes[:0]
	for _, sc := range causes {
		if !slices.Contains(o.CauseDenied, sc.e.Cause) {
			keep = append(keep, sc)
		}
	}
	causes = keep
	sort.SliceStable(causes, func(i, j int) bool {
		if causes[i].tier != causes[j].tier {
			return causes[i].tier < causes[j].tier
		}
		return causeRank(causes[i].e.Cause) < causeRank(causes[j].e.Cause)
	})
	// Only generic "technical problem" words and a statement that the
	// cause is not known: unknown.
	if len(causes) > 0 && unknownSaid && causes[0].tier >= 2 {
		oe.Notes = append(oe.Notes, "only a generic technical problem is named and the cause is said to be unknown")
		causes = nil
	}
	if len(causes) > 0 {
		o.Cause = causes[0].e.Cause
		if o.Kind == corpus.KindPower && o.Cause == corpus.CauseSoftwareBug && causes[0].tier >= 2 {
			o.Cause = corpus.CauseHardwareFailure // a grid's "technical fault" is its equipment
		}
		for _, sc := range causes {
			e := sc.e
			if e.Cause == causes[0].e.Cause {
				o.Evidence.Cause = appendUniq(o.Evidence.Cause, e.Text)
				oe.Cause = append(oe.Cause, Phrase{Value: o.Cause, Text: e.Text, Rule: e.Rule})
			} else if e.Cause != o.Cause {
				o.CauseAlt = appendUniq(o.CauseAlt, e.Cause)
			}
		}
	} else if gi > 0 && main.cand.kind == corpus.KindCloud && g.cand.kind != corpus.KindCloud && sharesSentence(g, main) {
		o.Cause = corpus.CauseThirdParty
		oe.Notes = append(oe.Notes, "named with the failing cloud "+main.cand.key+": third_party")
	}
	if o.Cause == "" {
		o.Cause = corpus.CauseUnknown
	}
}

// memoScore caches a score function of expressions.
func memoScore(f func(rules.Expr) (int, bool)) func(rules.Expr) (int, bool) {
	type key struct {
		start, end int
		kind       string
	}
	type res struct {
		pen int
		ok  bool
	}
	memo := map[key]res{}
	return func(e rules.Expr) (int, bool) {
		k := key{e.Start, e.End, e.Kind}
		if r, ok := memo[k]; ok {
			return r.pen, r.ok
		}
		p, ok := f(e)
		memo[k] = res{p, ok}
		return p, ok
	}
}

// earliestStart returns, among the days said of the outage as closely as
// the chosen one, the earliest that lies at most a week before it: an
// outage reported on several days began on the first.
func earliestStart(chosen rules.Expr, exprs []rules.Expr, prio func(rules.Expr) int, score func(rules.Expr) (int, bool)) rules.Expr {
	maxPrio := max(prio(chosen), 1)
	best := chosen
	for _, e := range exprs {
		if e.Start == chosen.Start || prio(e) > maxPrio {
			continue
		}
		if pen, ok := score(e); !ok || pen > 0 {
			continue
		}
		a, b, ok := sameYearDays(e.Value, best.Value)
		if !ok || (e.Value[:4] == "XXXX") != (best.Value[:4] == "XXXX") {
			continue
		}
		if diff := b.Sub(a); diff > 0 && diff <= 7*24*time.Hour {
			best = e
		}
	}
	return best
}

// fitsBound reports whether a length of m minutes computed from times may
// replace the outage's duration: there is none, or it is a bound ("more
// than two hours") that m respects, or only a vague "for hours".
func fitsBound(m int, o *corpus.Outage) bool {
	if o.DurationMin == nil {
		return o.DurationKind != corpus.DurationVague || m >= 60
	}
	bound := float64(*o.DurationMin)
	switch o.DurationKind {
	case corpus.DurationAtLeast:
		return float64(m) >= 0.9*bound
	case corpus.DurationAtMost:
		return float64(m) <= 1.1*bound
	}
	return false
}

// timeAt is a time of day stated in the text.
type timeAt struct {
	pos  int // byte offset
	sent int
	hhmm string
	role string
	text string
	rule string
}

// durationFromTimes computes the main outage's length from a start time and
// an end time stated in the text ("from 11:01 … fully working at 11:47",
// "vers 21 h … a pris fin vers 1 heure du matin"). The end is a time the
// rules mark as an end, or the last time of the first later sentence saying
// the service is back. It replaces a missing length, and a bound ("more
// than half an hour") that the computed length respects.
func (c *Classifier) durationFromTimes(d *doc, cs *cueSet, exprs []rules.Expr, region map[int]bool, o *corpus.Outage, oe *OutageExplanation) {
	if o.DurationKind == corpus.DurationExact || o.DurationKind == corpus.DurationApprox {
		return
	}
	// A span of times stated as one expression ("from 9:10 until 11:40")
	// that respects the bound.
	if o.DurationKind != "" {
		for _, e := range exprs {
			if e.Kind != rules.KindInterval || e.Minutes == nil || *e.Minutes <= 0 {
				continue
			}
			if k := d.tokAt(e.Start); k < len(d.toks) && region[d.toks[k].sent] && fitsBound(*e.Minutes, o) {
				m := *e.Minutes
				o.DurationMin, o.DurationKind = &m, corpus.DurationExact
				o.Evidence.Duration = []string{e.Text}
				oe.Duration = &Phrase{Value: durationValue(e), Text: e.Text, Rule: e.Rule}
				return
			}
		}
	}
	var times []timeAt
	for _, e := range exprs {
		k := d.tokAt(e.Start)
		if k >= len(d.toks) {
			continue
		}
		sent := d.toks[k].sent
		switch {
		case e.Kind == rules.KindTime && e.Time != "":
			times = append(times, timeAt{e.Start, sent, e.Time, e.Role, e.Text, e.Rule})
		default:
			if hm, ok := clockTime(d.text, e); ok {
				times = append(times, timeAt{e.Start, sent, hm, "", e.Text, e.Rule})
			}
		}
	}
	startIdx := -1
	for i, t := range times {
		if region[t.sent] && t.role != "end" && !cs.resolved[t.sent] {
			startIdx = i
			break
		}
	}
	if startIdx < 0 {
		return
	}
	st := times[startIdx]
	endIdx := -1
	for i := startIdx + 1; i < len(times); i++ {
		t := times[i]
		if t.sent == st.sent && t.role != "end" {
			continue
		}
		if t.role == "end" {
			endIdx = i
			break
		}
		if cs.resolved[t.sent] {
			endIdx = i
			for i+1 < len(times) && times[i+1].sent == t.sent {
				i++
				endIdx = i
			}
			break
		}
	}
	if endIdx < 0 {
		return
	}
	en := times[endIdx]
	if !clockText.MatchString(st.text) || !clockText.MatchString(en.text) {
		return // "in the early hours": not a time to count minutes from
	}
	m, ok := minutesBetween(st.hhmm, en.hhmm)
	if !ok || m < 1 || m > 20*60 {
		return
	}
	if !fitsBound(m, o) {
		return
	}
	o.DurationMin = &m
	o.DurationKind = corpus.DurationExact
	o.Evidence.Duration = []string{st.text, en.text}
	if o.StartTime == "" {
		o.StartTime = st.hhmm
	}
	oe.Duration = &Phrase{Value: itoa(m) + " min", Text: st.text + " … " + en.text, Rule: st.rule + " " + en.rule}
}

func minutesBetween(from, to string) (int, bool) {
	a, err1 := time.Parse("15:04", from)
	b, err2 := time.Parse("15:04", to)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	m := int(b.Sub(a).Minutes())
	if m <= 0 {
		m += 24 * 60
	}
	if m <= 0 || m > 24*60 {
		return 0, false
	}
	return m, true
}

// countryWide adds outages of a country's internet, mobile networks or
// power grid, named where an outage word, such a subject and a country
// meet in a sentence (or the country is the article's).
func (c *Classifier) countryWide(an *analysis, get func(*candidate) *outageGroup, addMention func(*outageGroup, mention)) {
	d, ds := an.d, c.data
	if len(an.countries) == 0 {
		return
	}
	// Countries inside a service name ("Telecom Egypt") do not count.
	inService := map[int]bool{}
	for _, m := range an.mentions {
		for k := m.from; k < m.to; k++ {
			inService[k] = true
		}
	}
	var cty []hit
	count := map[int]int{}
	for _, h := range an.countries {
		if h.from > 0 && d.toks[h.from].start == d.toks[h.from-1].end+1 && d.text[d.toks[h.from-1].end] == '-' {
			continue // part of a compound name ("Météo-France")
		}
		if !inService[h.from] {
			cty = append(cty, h)
			count[h.owner]++
		}
	}
	if len(cty) == 0 {
		return
	}
	top := cty[0].owner
	for o, n := range count {
		if n > count[top] || (n == count[top] && o < top) {
			top = o
		}
	}
	svcKinds := map[int]map[string]bool{}
	textKinds := map[string]bool{} // kinds of the services named in the text
	for _, m := range an.mentions {
		if m.channel {
			continue
		}
		textKinds[an.names[m.key].kind] = true
		if svcKinds[m.sent] == nil {
			svcKinds[m.sent] = map[string]bool{}
		}
		svcKinds[m.sent][an.names[m.key].kind] = true
	}
	cs := c.cues(an)
	for _, h := range an.lex {
		cl := ds.lex[h.owner].class
		if cl != classInternet && cl != classPower && cl != classTelecom && cl != classBanking {
			continue
		}
		if cs.cancelsUtility(h) {
			continue // "site internet", "au courant"
		}
		sent := d.toks[h.from].sent
		if !an.triggerSent[sent] {
			continue
		}
		sk := svcKinds[sent]
		var label, kind string
		switch cl {
		case classInternet:
			if len(sk) > 0 {
				continue // the sentence names the service that failed
			}
			label, kind = "Internet", corpus.KindInternet
		case classTelecom:
			if sk[corpus.KindTelecom] || sk[corpus.KindInternet] {
				continue
			}
			label, kind = "Mobile networks", corpus.KindTelecom
		case classPower:
			if sk[corpus.KindPower] {
				continue
			}
			label, kind = "Power grid", corpus.KindPower
		case classBanking:
			if sk[corpus.KindOnlineService] {
				continue // the sentence names the bank or app
			}
			label, kind = "Banking services", corpus.KindOnlineService
		}
		// The countries: those near it in the sentence, else the first of
		// the paragraph, else the article's most named one.
		var cis, ats []int
		for _, ch := range cty {
			if d.toks[ch.from].sent == sent && abs(ch.from-h.from) <= countryWindow && !slices.Contains(cis, ch.owner) {
				cis = append(cis, ch.owner)
				ats = append(ats, ch.from)
			}
		}
		if len(cis) == 0 && ((cl == classPower && textKinds[corpus.KindPower]) || (cl == classTelecom && textKinds[corpus.KindTelecom])) {
			continue // no country here, and the text names the grid operator or the carrier
		}
		if len(cis) == 0 {
			for _, ch := range cty {
				if d.toks[ch.from].para == d.toks[h.from].para {
					cis = append(cis, ch.owner)
					ats = append(ats, -1)
					break
				}
			}
		}
		if len(cis) == 0 {
			cis = append(cis, top)
			ats = append(ats, -1)
		}
		for i, ci := range cis {
			name := ds.countries[ci].name
			key := label + " (" + name + ")"
			cand, ok := an.names[key]
			if !ok {
				cand = &candidate{key: key, svc: -1, kind: kind, rule: ds.countries[ci].rule}
				an.names[key] = cand
			}
			g := get(cand)
			g.countryOf = name
			addMention(g, mention{key: key, svc: -1, from: h.from, to: h.to, sent: sent, at: ats[i]})
		}
	}
}

func prefixTail(s string, end, n int) string {
	start := max(0, end-n)
	for start > 0 && start < len(s) && !isRuneStart(s[start]) {
		start--
	}
	return s[start:end]
}

func suffixHead(s string, start, n int) string {
	end := min(len(s), start+n)
	for end < len(s) && !isRuneStart(s[end]) {
		end++
	}
	return s[start:end]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		out = appendUniq(out, s)
	}
	return out
}

func appendUniq(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func durationValue(e rules.Expr) string {
	if e.Minutes == nil {
		return e.DurationKind
	}
	v := itoa(*e.Minutes) + " min"
	if e.DurationKind != "" {
		v += " (" + e.DurationKind + ")"
	}
	return v
}

// selfNouns are third-party words that, in the report of a cloud's or an
// operator's outage, usually stand for the cloud or operator itself.
var selfNouns = []string{"hebergeur", "fournisseur", "provider", "operateur", "operator", "carrier", "host", "مزود"}

// selfNoun reports whether a third-party phrase is only such a word.
func selfNoun(phrase string) bool {
	for _, t := range tokenize(phrase) {
		for _, w := range selfNouns {
			if strings.HasPrefix(t.norm, w) || strings.HasPrefix(strings.TrimPrefix(t.norm, "ال"), w) {
				return true
			}
		}
	}
	return false
}

// namesService reports whether a phrase names a service of the gazetteer.
func (c *Classifier) namesService(phrase string) bool {
	return len(c.data.svcM.find(newDoc(phrase))) > 0
}

// namesItself reports whether a cause phrase names the outage's own service.
func namesItself(phrase string, cand *candidate) bool {
	p := strings.ToLower(phrase)
	for _, n := range append([]string{cand.key}, cand.aliases...) {
		if n = strings.ToLower(n); len(n) > 1 && strings.Contains(p, n) {
			return true
		}
	}
	return false
}
