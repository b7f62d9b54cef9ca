package classify

import (
	"regexp"
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
	rank      float64
	direct    bool // named right next to an outage word ("Azure outage")
	countryOf string
}

// Pre-compiled checks around durations that are not lengths of the outage.
var (
	agoBefore = regexp.MustCompile(`(?i)(il y a|voilà|voila|depuis|since|in the past|over the past|last|dernières?|derniers?)\s*$`)
	agoAfter  = regexp.MustCompile(`(?i)^\s*(ago|plus tôt|auparavant|earlier|before|later|plus tard|après|after|قبل|من قبل|بعد)`)
)

func (c *Classifier) assemble(an *analysis, exprs []rules.Expr, published string) ([]corpus.Outage, []OutageExplanation) {
	d := an.d
	groups := map[string]*outageGroup{}
	var order []string
	get := func(cand *candidate) *outageGroup {
		g, ok := groups[cand.key]
		if !ok {
			g = &outageGroup{cand: cand, sents: map[int]bool{}, hotSents: map[int]bool{}, first: -1}
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
		return nil, nil
	}
	sort.SliceStable(outs, func(i, j int) bool {
		if outs[i].rank != outs[j].rank {
			return outs[i].rank > outs[j].rank
		}
		return outs[i].mentions[0].from < outs[j].mentions[0].from
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
		// best picks the expression in the outage's hottest sentences
		// first, then anywhere in its region.
		best := func(ok func(e rules.Expr) bool) (rules.Expr, bool) {
			var found rules.Expr
			foundPri := 99
			for _, e := range exprs {
				s := sentOf(e.Start)
				pri := 99
				switch {
				case g.hotSents[s]:
					pri = 0
				case region[s]:
					pri = 1
				}
				if pri < foundPri && ok(e) {
					found, foundPri = e, pri
				}
			}
			return found, foundPri < 99
		}
		// start
		if e, ok := best(func(e rules.Expr) bool {
			if !isDay(e.Value) || (e.Kind != rules.KindDate && e.Kind != rules.KindTime && e.Kind != rules.KindInterval) {
				return false
			}
			if !pubDay.IsZero() && !strings.HasPrefix(e.Value, "X") {
				if t, err := time.Parse("2006-01-02", e.Value); err == nil && t.After(pubDay) {
					return false
				}
			}
			return true
		}); ok {
			o.Start = e.Value
			o.Evidence.Start = []string{e.Text}
			oe.Start = &Phrase{Value: e.Value, Text: e.Text, Rule: e.Rule}
			if e.Time != "" {
				o.StartTime = e.Time
			}
		}
		// duration
		if e, ok := best(func(e rules.Expr) bool {
			if e.Kind != rules.KindDuration && !(e.Kind == rules.KindInterval && e.Minutes != nil) {
				return false
			}
			if e.Kind == rules.KindDuration && (agoBefore.MatchString(prefixTail(d.text, e.Start, 24)) || agoAfter.MatchString(suffixHead(d.text, e.End, 24))) {
				return false
			}
			return e.Minutes != nil || e.DurationKind == corpus.DurationVague
		}); ok {
			o.DurationMin = e.Minutes
			o.DurationKind = e.DurationKind
			if o.DurationKind == "" && e.Minutes != nil {
				o.DurationKind = corpus.DurationExact
			}
			o.Evidence.Duration = []string{e.Text}
			oe.Duration = &Phrase{Value: durationValue(e), Text: e.Text, Rule: e.Rule}
		} else if gi == 0 {
			c.durationFromTimes(exprs, &o, &oe)
		}
		// cause
		var causes []rules.Expr
		tier := map[int]int{} // expression start → 0 when said of this outage
		for _, e := range exprs {
			if e.Kind != rules.KindCause || !corpus.ValidCause(e.Cause) || e.Cause == corpus.CauseUnknown {
				continue
			}
			s := sentOf(e.Start)
			if !region[s] && !(gi == 0 && !owned[s]) {
				continue
			}
			if e.Denied {
				o.CauseDenied = appendUniq(o.CauseDenied, e.Cause)
				oe.CausesDenied = append(oe.CausesDenied, Phrase{Value: e.Cause, Text: e.Text, Rule: e.Rule})
				continue
			}
			if e.Cause == corpus.CauseThirdParty && namesItself(e.Text, g.cand) {
				continue // "Fastly" is not the third party of Fastly's own outage
			}
			if o.Kind == corpus.KindPower && e.Cause == corpus.CausePower {
				continue // a grid is not brought down by "a power cut"
			}
			if !g.sents[s] && !an.triggerSent[s] {
				tier[e.Start] = 1
			}
			causes = append(causes, e)
		}
		sort.SliceStable(causes, func(i, j int) bool {
			if ti, tj := tier[causes[i].Start], tier[causes[j].Start]; ti != tj {
				return ti < tj
			}
			return causeRank(causes[i].Cause) < causeRank(causes[j].Cause)
		})
		if len(causes) > 0 {
			o.Cause = causes[0].Cause
			for _, e := range causes {
				if e.Cause == o.Cause {
					o.Evidence.Cause = appendUniq(o.Evidence.Cause, e.Text)
					oe.Cause = append(oe.Cause, Phrase{Value: e.Cause, Text: e.Text, Rule: e.Rule})
				} else {
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
		for _, dn := range o.CauseDenied {
			if dn == o.Cause {
				o.Cause = corpus.CauseUnknown
			}
		}
		o.Confidence = round3(min(1, 0.4+0.1*float64(g.strong)))
		res = append(res, o)
		exps = append(exps, oe)
	}
	return res, exps
}

func sharesSentence(a, b *outageGroup) bool {
	for s := range a.sents {
		if b.sents[s] {
			return true
		}
	}
	return false
}

// durationFromTimes computes a duration from a start time and an end time
// stated in the text ("from 11:01 … fully working at 11:47").
func (c *Classifier) durationFromTimes(exprs []rules.Expr, o *corpus.Outage, oe *OutageExplanation) {
	var start *rules.Expr
	for i := range exprs {
		e := &exprs[i]
		if e.Kind != rules.KindTime || e.Time == "" {
			continue
		}
		if start == nil {
			if e.Role == "start" {
				start = e
			}
			continue
		}
		if e.Role != "end" {
			continue
		}
		m, ok := minutesBetween(start.Time, e.Time)
		if !ok {
			return
		}
		o.DurationMin = &m
		o.DurationKind = corpus.DurationExact
		o.Evidence.Duration = []string{start.Text, e.Text}
		if o.StartTime == "" {
			o.StartTime = start.Time
		}
		oe.Duration = &Phrase{Value: itoa(m) + " min", Text: start.Text + " … " + e.Text, Rule: start.Rule + " " + e.Rule}
		return
	}
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
	for _, m := range an.mentions {
		if m.channel {
			continue
		}
		if svcKinds[m.sent] == nil {
			svcKinds[m.sent] = map[string]bool{}
		}
		svcKinds[m.sent][an.names[m.key].kind] = true
	}
	for _, h := range an.lex {
		cl := ds.lex[h.owner].class
		if cl != classInternet && cl != classPower && cl != classTelecom {
			continue
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
		}
		// The countries: those near it in the sentence, else the first of
		// the paragraph, else the article's most named one.
		var cis []int
		for _, ch := range cty {
			if d.toks[ch.from].sent == sent && abs(ch.from-h.from) <= subjectWindow && !slices.Contains(cis, ch.owner) {
				cis = append(cis, ch.owner)
			}
		}
		if len(cis) == 0 {
			for _, ch := range cty {
				if d.toks[ch.from].para == d.toks[h.from].para {
					cis = append(cis, ch.owner)
					break
				}
			}
		}
		if len(cis) == 0 {
			cis = append(cis, top)
		}
		for _, ci := range cis {
			name := ds.countries[ci].name
			key := label + " (" + name + ")"
			cand, ok := an.names[key]
			if !ok {
				cand = &candidate{key: key, svc: -1, kind: kind, rule: ds.countries[ci].rule}
				an.names[key] = cand
			}
			g := get(cand)
			g.countryOf = name
			addMention(g, mention{key: key, svc: -1, from: h.from, to: h.to, sent: sent})
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
