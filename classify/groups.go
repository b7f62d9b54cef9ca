package classify

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"outages/corpus"
)

// outageGroup is one service reported down: its mentions and what the
// service-choice features read from them.
type outageGroup struct {
	cand         *candidate
	mentions     []mention
	strong       int          // mentions in a sentence with an outage word
	sents        map[int]bool // sentences with a mention
	hotSents     map[int]bool // sentences with a mention and an outage word
	first        int          // token of the first strong mention
	lead         int          // where the first strong mention names it (the country of a country-wide cut)
	direct       bool         // named right next to an outage word ("Azure outage")
	inTitle      bool         // named in the title
	titleSent    bool         // named in the first sentence
	isLead       bool         // named first where the text reports an outage
	parent       bool         // a company whose product is the one named next to the outage word
	countryOf    string
	derived      bool    // named from the text when no known service is: its start and length may come from anywhere in the text
	mainOnly     bool    // a candidate main outage only, never a secondary one
	hit          bool    // said hit where no outage word is (groupSet.add): a secondary outage
	derivedRank  int     // 1, 2, 3: the rank of a derived name proposed next to named services
	derivedScore float64 // how strongly the text presents a derived name as its subject
	score        float64
}

// groupSet gathers the mentions of one text into groups, one per service.
type groupSet struct {
	an     *analysis
	groups map[string]*outageGroup
	order  []string
}

func newGroupSet(an *analysis) *groupSet {
	return &groupSet{an: an, groups: map[string]*outageGroup{}}
}

func newGroup(cand *candidate) *outageGroup {
	return &outageGroup{cand: cand, sents: map[int]bool{}, hotSents: map[int]bool{}, first: -1, lead: -1}
}

// get returns the group of a service, made on first use.
func (gs *groupSet) get(cand *candidate) *outageGroup {
	g, ok := gs.groups[cand.key]
	if !ok {
		g = newGroup(cand)
		gs.groups[cand.key] = g
		gs.order = append(gs.order, cand.key)
	}
	return g
}

// add records a mention of g.
func (gs *groupSet) add(g *outageGroup, m mention) {
	an := gs.an
	g.mentions = append(g.mentions, m)
	g.sents[m.sent] = true
	if m.channel || m.normal {
		return
	}
	if !an.triggerSent[m.sent] && !listedHit(an, m) && !backClause(an, m) {
		// said hit with no outage word ("ses terminaux se sont figés",
		// "customers of X could not pay", "X a également fait état de
		// retards"): a secondary outage, no evidence of the main one
		g.hit = g.hit || an.downSent(m.sent) || usersUnable(an, m) || alsoSaid(an, m)
		return
	}
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

// downSent reports whether sentence s reports something down: an outage
// word, or a verb saying so that detection does not read ("Les terminaux
// de paiement de X se sont figés", "as did X", "واضطربت خدمات X").
func (an *analysis) downSent(s int) bool {
	if an.triggerSent[s] || an.ci == nil {
		return an.triggerSent[s]
	}
	if an.downVerbs == nil {
		an.downVerbs = map[int]bool{}
		for _, sp := range an.ci.spans["downverb"] {
			if !negatedAt(an.d, sp[0]) {
				an.downVerbs[an.d.toks[sp[0]].sent] = true
			}
		}
	}
	return an.downVerbs[s]
}

// negators are the words that deny the verb right after them ("n'ont pas
// été affectés", "was not affected", "لم تتأثر").
var negators = map[string]bool{
	"ne": true, "n": true, "pas": true, "jamais": true, "aucun": true, "aucune": true,
	"not": true, "never": true, "no": true, "t": true, "wasn": true, "weren": true, "hasn": true, "haven": true, "didn": true,
	"لم": true, "ولم": true, "لا": true, "ولا": true, "لن": true, "ليس": true, "ليست": true, "غير": true,
}

// negGap is how many words before a verb negatedAt reads.
const negGap = 3

// negatedAt reports whether a negation stands at most negGap words before
// token k, in its sentence.
func negatedAt(d *doc, k int) bool { return wordWithin(d, k, negGap, negators) }

// wordWithin reports whether one of words stands at most gap words before
// token k, in its sentence.
func wordWithin(d *doc, k, gap int, words map[string]bool) bool {
	for j := k - 1; j >= 0 && k-j <= gap && d.toks[j].sent == d.toks[k].sent; j-- {
		if words[d.toks[j].norm] {
			return true
		}
	}
	return false
}

// listedHit reports whether mention m is in a list of examples said to be
// hit ("Sites including Reddit, Amazon and GOV.UK were affected", "des
// sites comme X et Y ont été touchés"): a sentence with no outage word
// that reports them down.
func listedHit(an *analysis, m mention) bool {
	if an.ci == nil || !hitSent(an, m) {
		return false
	}
	for _, o := range listMates(an, m) {
		if an.ci.before(an.d, "examples", o.from, affectedListGap) || hitClause(an, o) {
			return true
		}
	}
	return false
}

// listMates returns the mentions of the list m is an item of, m among
// them: mentions of its sentence one after the other, parted by a comma
// or a joining word and at most listGlue stop-words ("de la Commonwealth
// Bank, de Delta Air Lines et de British Airways"). What is said of a
// list's near end is said of all its items.
func listMates(an *analysis, m mention) []mention {
	ms := an.mentions
	i := slices.IndexFunc(ms, func(o mention) bool { return o.from == m.from && o.to == m.to })
	if i < 0 {
		return []mention{m}
	}
	lo, hi := i, i
	for lo > 0 && listGap(an, ms[lo-1], ms[lo]) {
		lo--
	}
	for hi+1 < len(ms) && listGap(an, ms[hi], ms[hi+1]) {
		hi++
	}
	return ms[lo : hi+1]
}

// listGap reports whether mentions a and b are next items of one list:
// in one sentence, with only a comma or a joining word and at most
// listGlue stop-words between them.
func listGap(an *analysis, a, b mention) bool {
	d := an.d
	if a.sent != b.sent || a.channel || b.channel || b.from < a.to || b.from-a.to > listGlue+1 {
		return false
	}
	joined := wawJoined(d, b.from) || strings.Contains(d.gapBefore(a.to), ",") || strings.Contains(d.gapBefore(a.to), "،")
	for k := a.to; k < b.from; k++ {
		t := d.toks[k]
		switch {
		case listJoiners[t.norm]:
			joined = true
		case !an.ds.stop[an.lang][t.norm]:
			return false
		}
		if k > a.to && strings.ContainsAny(d.gapBefore(k), ";:()") {
			return false
		}
	}
	return joined && !strings.ContainsAny(d.gapBefore(b.from), ";:()")
}

// backClause reports whether mention m is named at most backGap words
// from words saying a service came back, in its sentence: what came back
// had gone down ("Zain subscribers said service returned", "le réseau de
// Moov a été rétabli", "عادت خدمات زين").
func backClause(an *analysis, m mention) bool {
	if an.ci == nil {
		return false
	}
	for _, sp := range an.ci.spans["back"] {
		if an.d.toks[sp[0]].sent != m.sent {
			continue
		}
		if sp[0] >= m.to && sp[0]-m.to <= backGap || m.from >= sp[1] && m.from-sp[1] <= backGap {
			return true
		}
	}
	return false
}

// backGap is how many words may separate a service from the words saying
// it came back.
const backGap = 6

// hitClause reports whether mention m is named at most affectedListGap
// words before or after words saying that what they name was hit, in its
// sentence and not denied: "Colruyt et Delhaize ont été touchés", "Among
// the services affected were X and Y", "وتأثرت خدمات الشركات الثلاث، X
// و Y".
func hitClause(an *analysis, m mention) bool {
	d := an.d
	for _, sp := range hitSpans(an, m) {
		if d.toks[sp[0]].sent != m.sent {
			continue
		}
		before := sp[0] >= m.to && sp[0]-m.to <= affectedListGap && !an.contrastBetween(m.to, sp[0])
		after := m.from >= sp[1] && m.from-sp[1] <= affectedListGap && !an.contrastBetween(sp[1], m.from)
		if (before || after) && !an.triggerDenied(hit{from: sp[0], to: sp[1]}) {
			return true
		}
	}
	return false
}

// hitSent reports whether mention m's sentence holds words saying that
// what it names was hit: a listhit cue, or in the title a bare participle
// (titlehit: "Safaricom and JKIA affected", "Prixtel et Coriolis
// touchés").
func hitSent(an *analysis, m mention) bool {
	return an.ci.inSentence("listhit", m.sent) || titleHit(an, m)
}

// titleHit reports whether mention m, a service of the gazetteer, is
// named in a title with a bare participle saying it was hit; a title's
// other capitalised words prove little.
func titleHit(an *analysis, m mention) bool {
	return m.svc >= 0 && m.from < an.titleEnd() && an.ci.inSentence("titlehit", m.sent)
}

// hitSpans returns the spans of the words of hitSent.
func hitSpans(an *analysis, m mention) [][2]int {
	if titleHit(an, m) {
		return append(slices.Clip(an.ci.spans["listhit"]), an.ci.spans["titlehit"]...)
	}
	return an.ci.spans["listhit"]
}

// saidHit reports whether the text says a service was hit where it names
// it with no outage word ("les clients de Scarlet ont eux aussi été
// touchés", "Careem was also affected"): it is down too.
func saidHit(an *analysis, g *outageGroup) bool {
	if an.ci == nil {
		return false
	}
	for _, m := range g.mentions {
		if !m.channel && hitSent(an, m) && hitClause(an, m) {
			return true
		}
	}
	return false
}

// outageGroups returns the services the text may report down: every
// service named in a sentence with an outage word (or twice, once in the
// title), and the country-wide cuts. When there is none, the service is
// derived from the text.
func (c *Classifier) outageGroups(an *analysis) []*outageGroup {
	d := an.d
	gs := newGroupSet(an)
	for _, m := range c.absorbBrands(an, c.joinParents(an)) {
		gs.add(gs.get(an.names[m.key]), m)
	}
	c.countryWide(an, gs)
	c.countriesHit(an, gs)
	titleSent := 0
	if len(d.toks) > 0 {
		titleSent = d.toks[0].sent
	}
	var outs, quiet []*outageGroup
	for _, k := range gs.order {
		g := gs.groups[k]
		if onlyChannel(g) {
			continue // named only as where people spoke ("عبر فيسبوك", "via X"): not down
		}
		for _, m := range g.mentions {
			if d.toks[m.from].para == 0 && !m.channel {
				g.inTitle = true
			}
		}
		g.titleSent = g.sents[titleSent]
		if g.first < 0 {
			g.first = g.mentions[0].from
		}
		if g.strong == 0 && !g.hit && !(g.inTitle && len(g.mentions) >= 2) && !saidHit(an, g) {
			g.mainOnly = true // named away from the outage words: a candidate main outage only
			quiet = append(quiet, g)
			continue
		}
		outs = append(outs, g)
	}
	if len(outs) == 0 {
		outs = append(outs, c.derivedGroup(an, gs))
	}
	outs = append(outs, c.extraDerived(an, outs)...)
	outs = append(outs, quiet...)
	c.addVariants(an, outs)
	markLeadAndParents(an, outs)
	return outs
}

// joinParents returns the mentions of the text with a company named right
// before one of its products joined to the product ("مايكروسوفت أزور",
// "Microsoft Outlook": one mention of the product, not of the company),
// unless a comma parts them: "Lloyds, Halifax and Bank of Scotland" lists
// three.
func (c *Classifier) joinParents(an *analysis) []mention {
	ms := an.mentions
	if c.geo == nil || len(ms) < 2 {
		return ms
	}
	out := make([]mention, 0, len(ms))
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) {
			n := ms[i+1]
			if m.svc >= 0 && n.svc >= 0 && n.from == m.to && n.sent == m.sent && !m.channel && !n.channel && c.geo.parents[n.key] == m.key && !listBreak(an.d, n.from) {
				n.from = m.from
				out = append(out, n)
				i++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// onlyChannel reports whether every mention of g names it as the channel
// of a statement or as working normally.
func onlyChannel(g *outageGroup) bool {
	for _, m := range g.mentions {
		if !m.channel && !m.normal {
			return false
		}
	}
	return len(g.mentions) > 0
}

// absorbBrands counts the mentions of a brand as mentions of its national
// company when the text names exactly one of them ("زين" and "زين
// الكويت", "MTN" and "MTN Ghana"): one outage, named by the company, with
// the brand among its aliases.
func (c *Classifier) absorbBrands(an *analysis, ms []mention) []mention {
	if c.geo == nil {
		return ms
	}
	national := map[string]mention{} // brand → the one national company named
	split := map[string]bool{}       // brands with two national companies named
	for _, m := range ms {
		p := c.geo.parents[m.key]
		if m.svc < 0 || p == "" || !strings.HasPrefix(m.key, p+" ") || len(c.geo.operators[m.key]) != 1 || !sameKind(an, m.key, p) {
			continue // not a brand's company of one country (a product: "Microsoft Office", "Vodafone Cash")
		}
		if n, ok := national[p]; ok && n.key != m.key {
			split[p] = true
		}
		national[p] = m
	}
	out := make([]mention, 0, len(ms))
	for _, m := range ms {
		if n, ok := national[m.key]; ok && !split[m.key] {
			if cand := an.names[n.key]; !slices.Contains(cand.aliases, m.key) {
				cand.aliases = append(slices.Clip(cand.aliases), m.key) // never into the gazetteer's array
			}
			m.key, m.svc = n.key, n.svc
		}
		out = append(out, m)
	}
	return out
}

// sameKind reports whether two services of the text are of one kind (a
// national operator and its brand are; a brand's wallet is not), true
// when either is not named.
func sameKind(an *analysis, a, b string) bool {
	x, okA := an.names[a]
	y, okB := an.names[b]
	return !okA || !okB || x.kind == y.kind
}

// maxDerived is how many names derived from the text are proposed as
// candidate main outages when the text names other services too.
const maxDerived = 3

// extraDerived proposes the names derived from the text as more candidate
// main outages when the text names other services (a company absent from
// the gazetteer, reported down next to the platforms it affected); they
// never become secondary outages.
func (c *Classifier) extraDerived(an *analysis, outs []*outageGroup) []*outageGroup {
	names := c.rankedNames(an)
	var extra []*outageGroup
	var nb *nameBounds
	bounds := func() *nameBounds {
		if nb == nil {
			nb = newNameBounds(an)
		}
		return nb
	}
	for i := 0; i < len(names); i++ {
		cand, ms := c.derivedCandidate(an, names, i)
		if len(ms) == 0 || namedBy(cand.key, outs) || namedBy(cand.key, extra) {
			continue
		}
		listed := listedDown(an, ms, bounds)
		if len(extra) >= maxDerived && !listed {
			continue
		}
		gs := newGroupSet(an)
		g := newGroup(cand)
		g.derived, g.mainOnly, g.derivedRank, g.derivedScore = true, !listed, min(len(extra)+1, maxDerived), names[i].score
		for _, m := range ms {
			gs.add(g, m)
		}
		if g.first < 0 {
			g.first = g.mentions[0].from
		}
		extra = append(extra, g)
	}
	return extra
}

// listedDown reports whether the text reports a derived name down along
// with the others, in a sentence with an outage word: right after a cue
// of examples ("such as X", "notamment X", "مثل X") when the text names
// it again or names it with a cue word (Arabic), in a list with a named
// service ("Reddit, Discord and X"; "such as Reddit and the site X"), or
// with "also" next to the outage word ("X was also down"), or next to
// words saying it was hit (hitClause). Such a name
// may be a secondary outage; other derived names are candidate main
// outages only.
func listedDown(an *analysis, ms []mention, nb func() *nameBounds) bool {
	if an.ci == nil || len(ms) == 0 || nameHasTrigger(an, ms[0]) {
		return false
	}
	for _, m := range ms {
		if an.ci.before(an.d, "source", m.from, sourceGap) {
			continue // who says it ("selon l'observatoire NetBlocks")
		}
		if m.to-m.from <= 4 && (hitSent(an, m) && hitClause(an, m) || usersUnable(an, m)) {
			return true
		}
		var l *nameList // the list m is an item of, walked once
		list := func() *nameList {
			if l == nil {
				w := walkList(an, m, nb())
				l = &w
			}
			return l
		}
		if m.from < an.titleEnd() && an.ci.inSentence("titlehit", m.sent) && list().withService() {
			return true // "Safaricom and JKIA affected"
		}
		if !an.downSent(m.sent) || m.to-m.from > 4 {
			continue
		}
		if list().withService() || listItem(an, m) {
			return true
		}
		// A name right after the cue is a service when the text names it
		// again, or names it as one ("منصة X").
		if an.ci.before(an.d, "examples", m.from, affectedGap) && (len(ms) >= 2 || an.d.toks[m.from].arabic) {
			return true
		}
		if alsoDown(an, m) || atDown(an, m) || selfDown(an, m.to) || alsoDid(an, m) || servicesListed(an, m, list()) {
			return true
		}
		for _, it := range list().itemsOr(m) { // "les abonnés de NRJ Mobile et de Prixtel … ne plus avoir de réseau"
			if it := (mention{from: it[0], to: it[1], sent: m.sent}); subjectDown(an, it) || usersDown(an, it) {
				return true
			}
		}
	}
	return false
}

// sourceGap is how many words ("l'observatoire", "the monitor") may
// stand between a cue of a source and its name.
const sourceGap = 2

// minListed is how many names a list opened by a cue of examples after a
// noun of services must hold for its names to be services down with no
// name of the gazetteer among them.
const minListed = 3

// servicesListed reports whether mention m is an item of a list of at
// least minListed names, joined, that opens right after a cue of examples
// following a noun of services ("plusieurs sites, dont Le Monde, le New
// York Times et The Guardian", "apps such as X, Y and Z"); cities listed
// after "such as" follow no such noun.
func servicesListed(an *analysis, m mention, l *nameList) bool {
	if !l.joiner || len(l.items) < minListed {
		return false
	}
	first := m.from
	for _, it := range l.items {
		first = min(first, it[0])
	}
	for first > 0 && an.ds.stop[an.lang][an.d.toks[first-1].norm] && an.d.toks[first-1].sent == m.sent {
		first-- // "dont le …"
	}
	e := an.ci.lastBefore(an.d, "examples", first, 0)
	if e < 0 {
		return false
	}
	for k := e - 1; k >= 0 && k >= e-4 && an.d.toks[k].sent == m.sent; k-- {
		if an.subjectTok(k) {
			return true
		}
	}
	return false
}

// usersDown reports whether derived mention m names the service of people
// a sentence with an outage word reports ("customers of X could not pay",
// "les abonnés de X", "مشتركو X", "X users said listings would not load"):
// right after words naming them (an article between) or, in English,
// right before.
func usersDown(an *analysis, m mention) bool {
	return an.ci.before(an.d, "usersof", m.from, 1) || an.ci.startsAtTok("users", m.to)
}

// usersUnable reports whether mention m names the service of people its
// sentence says could not do something ("customers of X could not pay",
// "les clients de X ne pouvaient plus retirer", "لم يتمكن عملاء X من"): a
// sentence with no outage word that reports X down.
func usersUnable(an *analysis, m mention) bool {
	return an.ci != nil && an.ci.inSentence("unable", m.sent) && usersDown(an, m)
}

// clauseGap is how many words may separate a derived name from the outage
// word of the clause it is the subject of; asideMax is how long an aside
// between commas after the name may be.
const (
	clauseGap = 4
	asideMax  = 16
)

// nounOf are the prepositions that join a noun to its complement.
var nounOf = map[string]bool{"de": true, "d": true, "du": true, "des": true, "of": true}

// subjectDown reports whether derived mention m is the subject of a clause
// reporting it down: an outage word at most clauseGap words after the
// name, with no punctuation between, once an aside between commas right after
// the name is skipped ("le porte-monnaie X, qui s'appuie sur le réseau de
// l'opérateur, a été indisponible"; "X, which runs on its network, went
// down").
func subjectDown(an *analysis, m mention) bool {
	d := an.d
	if d.toks[m.from].arabic || d.toks[m.from].para == 0 {
		return false // a headline's capitalised words are no clause's subject
	}
	if strings.ContainsAny(d.gapBefore(m.from), "-–—:()") {
		// a capitalised word opening a dateline's clause ("IMPHAL, May 6 -
		// Mobile internet…") may be any word; one in brackets is a source
		return false
	}
	if m.from == 0 || d.toks[m.from-1].sent != m.sent {
		// a capitalised word opening a sentence may be any word: it is
		// a name only when the clause's verb reports it down at once
		return verbDown(an, m.to) || ownPartDown(an, m.to)
	}
	comma := d.commaBefore
	an.triggerDistance(m.from) // fills an.trigBySent
	k, from := m.to, m.to      // the clause's first word; the first gap to check
	if comma(k) {
		j := k + 1
		for j < len(d.toks) && d.toks[j].sent == m.sent && !comma(j) {
			j++
		}
		if j >= len(d.toks) || d.toks[j].sent != m.sent || j-k > asideMax {
			return false
		}
		k, from = j, j+1
	}
	verbs := an.trigBySent[m.sent]
	if v := an.ci.startAfter(d, "downverb", k, clauseGap); v >= 0 && !negatedAt(d, v) {
		verbs = append(slices.Clip(verbs), hit{from: v, to: v + 1}) // "le SMGEAG, …, a dû interrompre la distribution"
	}
	for _, h := range verbs {
		if h.from < k || h.from-k > clauseGap {
			continue
		}
		// an outage word after "de"/"of" completes a noun ("le Corps
		// grand-ducal d'incendie"), it is no verb of the clause
		clause := h.from == 0 || !nounOf[d.toks[h.from-1].norm]
		for j := from; j <= h.from; j++ {
			gap := d.gapBefore(j)
			clause = clause && !listBreak(d, j) && !strings.ContainsAny(gap, "–—") && !strings.Contains(gap, " - ")
		}
		if clause {
			return true
		}
	}
	return false
}

// frontedAt are the words that open a sentence on where it happened when
// that place is a company or an institution ("Au CHU de Rennes, le
// standard est resté muet", "Chez Colruyt, …", "At Houston Methodist,
// staff…", "وفي مستشفى البصرة، …"); French cities take "à" with no
// article and are not among them.
var frontedAt = map[string]map[string]bool{
	corpus.LangFrench:  {"au": true, "aux": true, "chez": true, "l": true},
	corpus.LangEnglish: {"at": true},
	corpus.LangArabic:  {"في": true, "وفي": true, "لدى": true, "ولدى": true},
}

// atDown reports whether derived mention m opens its sentence as the
// company or institution where what the sentence reports happened: a
// fronted frontedAt word, the name, then a comma.
func atDown(an *analysis, m mention) bool {
	d := an.d
	at, after := m.from-1, m.to
	if after < len(d.toks) && strings.Contains(d.gapBefore(after), "(") {
		for after < len(d.toks) && after-m.to < 4 && !strings.Contains(d.gapBefore(after+1), ")") {
			after++ // "À l'aéroport de Berlin-Brandebourg (BER), …"
		}
		after++
	}
	if at < 0 || after >= len(d.toks) || !frontedAt[an.lang][d.toks[at].norm] || !strings.ContainsAny(d.gapBefore(after), ",،") {
		return false
	}
	if d.toks[at].norm == "l" { // "À l'aéroport Tunis-Carthage,"
		at--
		if at < 0 || d.toks[at].norm != "a" {
			return false
		}
	}
	return opensSentence(d, at) || at > 0 && opensSentence(d, at-1) && listJoiners[d.toks[at-1].norm]
}

// openerAux are the words that may stand between a name and the verb
// of its clause besides the lexicon's insert adverbs: auxiliaries and the
// pronoun of "lui aussi" ("X was also knocked offline", "X est lui aussi
// tombé en panne", "X a été coupé").
var openerAux = map[string]bool{
	"was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true, "been": true, "itself": true,
	"a": true, "ont": true, "est": true, "sont": true, "etait": true, "etaient": true, "avait": true, "avaient": true,
	"s": true, "se": true, "lui": true, "elle": true, "eux": true, "elles": true, "ete": true,
}

// openerGap is how many such words verbDown lets stand before the verb.
const openerGap = 3

// verbDown reports whether the clause that starts at token k reports the
// name before it down at once: a verb saying so (cue class downverb)
// after at most openerGap auxiliaries and adverbs ("Myki also went
// down", "Metro Trains Melbourne stopped working", "SEAAL est tombé en
// panne lui aussi"). A capitalised word opening a sentence is a service's
// name when it goes on so; "Elon Musk said" and "Previous outages" do not.
func verbDown(an *analysis, k int) bool {
	d := an.d
	if an.ci == nil || k <= 0 || k >= len(d.toks) || listBreak(d, k) {
		return false
	}
	s := d.toks[k-1].sent
	insert := an.ds.lexM[an.lang].insert
	for end := k + openerGap; k <= end && k < len(d.toks) && d.toks[k].sent == s; k++ {
		if an.ci.startsAtTok("downverb", k) {
			return true
		}
		if !openerAux[d.toks[k].norm] && !insert[d.toks[k].norm] || strings.ContainsAny(d.gapBefore(k+1), ",;:()–—") {
			return false
		}
	}
	return false
}

// ownPartDown reports whether the name ending before token k is followed
// by a possessive, a noun of its systems and an outage word ("Royal Perth
// Hospital's app crashed", "Lulu's website went down"): what the name
// runs is down.
func ownPartDown(an *analysis, k int) bool {
	d := an.d
	if k+2 >= len(d.toks) || d.toks[k].norm != "s" || !isApostrophe(d.gapBefore(k)) || !an.subjectTok(k+1) {
		return false
	}
	j := k + 2
	if an.subjectTok(j) {
		j++ // "mobile app", "card systems"
	}
	for _, h := range an.trigBySentence(d.toks[k].sent) {
		if h.from >= j && h.from-j <= 1 && !negatedAt(d, h.from) {
			return true
		}
	}
	return verbDown(an, j)
}

// ownWords are the possessives a company speaks of its own systems with
// ("its", "ses"); a person says "his" or "their" of a phone.
var ownWords = map[string]map[string]bool{
	corpus.LangEnglish: {"its": true},
	corpus.LangFrench:  {"son": true, "sa": true, "ses": true, "leur": true, "leurs": true},
}

// sayGap is how many words may stand between a verb of saying and the
// possessive ("said on Tuesday that its"); ownGap between the possessive
// and the outage word ("its treatment plants had lost power").
const (
	sayGap = 5
	ownGap = 6
)

// selfDown reports whether the name ending before token k says its own
// systems went down: a verb of saying right after it (an auxiliary or an
// adverb between), then a possessive, then an outage word ("Austin Water
// said its treatment plants lost power", "Mediapart a signalé sur Twitter
// que son site était inaccessible").
func selfDown(an *analysis, k int) bool {
	d := an.d
	own := ownWords[an.lang]
	if an.ci == nil || own == nil || k <= 0 || k >= len(d.toks) {
		return false
	}
	s := d.toks[k-1].sent
	insert := an.ds.lexM[an.lang].insert
	for end := k + 1; k < end && k < len(d.toks) && (openerAux[d.toks[k].norm] || insert[d.toks[k].norm]); k++ {
	}
	e := an.ci.endOf("says", k)
	if e < 0 || listBreak(d, k) {
		return false
	}
	for j := e; j < len(d.toks) && j-e <= sayGap && d.toks[j].sent == s; j++ {
		if !own[d.toks[j].norm] {
			continue
		}
		for _, h := range an.trigBySentence(s) {
			if h.from > j && h.from-j <= ownGap {
				return true
			}
		}
		v := an.ci.startAfter(d, "downverb", j+1, ownGap) // "said its pumping stations had stopped"
		return v >= 0 && !negatedAt(d, v)
	}
	return false
}

// alsoGap is how many words may separate a name from the outage word and
// from the "also" of an "also" sentence ("X was also down", "تعطلت أيضا
// منصة X").
const alsoGap = 3

// alsoDown reports whether mention m is reported down too: an "also" cue
// and an outage word both at most alsoGap words from it.
func alsoDown(an *analysis, m mention) bool {
	if !an.ci.inSentence("also", m.sent) {
		return false
	}
	if an.downSent(m.sent) && an.ci.before(an.d, "also", m.from, 0) && m.from > 0 && !opensSentence(an.d, m.from-1) {
		return true // "…stalled, as did Mumbai Metro", "…ont calé, ainsi que Dakar Dem Dikk"
	}
	if an.triggerDistance(m.from) > alsoGap+1 && an.triggerDistance(max(m.to-1, m.from)) > alsoGap+1 {
		return false
	}
	after := an.ci.lastBefore(an.d, "also", m.to+alsoGap, alsoGap) // "X was also down"
	before := an.ci.lastBefore(an.d, "also", m.from, alsoGap)      // "also down: X"
	return after > m.to || before >= 0 && before <= m.from
}

// alsoSaid reports whether a service of the gazetteer is said to have
// done "also" what the report is about, right after its name, with no
// negation in the sentence ("Swiss a également fait état de retards",
// "Loganair also cancelled services"): in a report, it was hit too.
func alsoSaid(an *analysis, m mention) bool {
	return m.svc >= 0 && alsoDid(an, m)
}

// alsoDid reports whether the name of mention m is followed by an "also"
// cue and no negation or verb of saying: what the report is about
// happened to it too.
func alsoDid(an *analysis, m mention) bool {
	if !an.ci.inSentence("also", m.sent) || !an.ci.before(an.d, "also", m.to+alsoGap, alsoGap) {
		return false
	}
	e := an.ci.lastBefore(an.d, "also", m.to+alsoGap, alsoGap)
	if e <= m.to || an.ci.startsAtTok("says", e) || e+1 < len(an.d.toks) && an.ci.startsAtTok("says", e+1) {
		return false // "Microsoft also said": a statement, no outage
	}
	for k := m.to; k < e+4 && k < len(an.d.toks) && an.d.toks[k].sent == m.sent; k++ {
		if negators[an.d.toks[k].norm] {
			return false
		}
	}
	return true
}

// nameHasTrigger reports whether a derived name holds an outage word
// ("Cloudflare Down"): then it is no service's name.
func nameHasTrigger(an *analysis, m mention) bool {
	for i, h := range an.lex {
		if an.active[i] && an.isTrigger(h) && h.from < m.to && m.from < h.to {
			return true
		}
	}
	return false
}

// listJoiners join the items of a list of names.
var listJoiners = map[string]bool{"and": true, "or": true, "et": true, "ou": true, "و": true}

// listGlue is how many stop-words may open an item of a list ("et du
// CIC", "and the X").
const listGlue = 2

// nameBounds are where the names of a text (mentions of services, names
// derived from the text) start and end.
type nameBounds struct {
	starts, ends map[int]int  // name start → end, end → start
	known        map[int]bool // starts of services of the gazetteer
}

// newNameBounds collects the bounds of an's names once an.derived is set;
// they do not change while the derived names are proposed.
func newNameBounds(an *analysis) *nameBounds {
	nb := &nameBounds{starts: map[int]int{}, ends: map[int]int{}, known: map[int]bool{}}
	for _, o := range an.mentions {
		if !o.channel {
			nb.starts[o.from], nb.ends[o.to] = max(nb.starts[o.from], o.to), o.from
			nb.known[o.from] = nb.known[o.from] || o.svc >= 0
		}
	}
	for _, n := range an.derived {
		if _, ok := nb.starts[n.from]; !ok {
			nb.starts[n.from] = n.to
		}
		if _, ok := nb.ends[n.to]; !ok {
			nb.ends[n.to] = n.from
		}
	}
	return nb
}

// withService reports whether the list holds a service of the gazetteer
// and a joining word ("Jazz, Zong and Telenor", "du Crédit Mutuel et du
// CIC"; not "the CEO of A, B, said"): names separated by commas or a
// joining word, each opened by at most listGlue stop-words.
func (l *nameList) withService() bool { return l.known && l.joiner }

// itemsOr returns the [from, to) tokens of the list's items (m among
// them), or m alone when the walk found no list.
func (l *nameList) itemsOr(m mention) [][2]int {
	if l.joiner {
		return l.items
	}
	return [][2]int{{m.from, m.to}}
}

// nameList is the list of names a walk from one of them found.
type nameList struct {
	items         [][2]int // [from, to) tokens of each name, in no order
	known, joiner bool     // a service of the gazetteer is among them; a joining word joins two
}

// walkList walks the list of names mention m is an item of, both ways:
// names separated by commas or a joining word, each opened by at most
// listGlue stop-words.
func walkList(an *analysis, m mention, nb *nameBounds) nameList {
	l := nameList{items: [][2]int{{m.from, m.to}}}
	l.walkBack(an, m, nb)
	l.walkOn(an, m, nb)
	return l
}

// listWords returns what both walks of a list read: the text, its
// stop-words, and whether a token is in m's sentence.
func listWords(an *analysis, m mention) (*doc, map[string]bool, func(int) bool) {
	d := an.d
	return d, an.ds.stop[an.lang], func(k int) bool { return k >= 0 && k < len(d.toks) && d.toks[k].sent == m.sent }
}

// walkBack adds the items of the list before mention m.
func (l *nameList) walkBack(an *analysis, m mention, nb *nameBounds) {
	d, stop, same := listWords(an, m)
	for pos := m.from; ; { // items before m
		j := pos
		if same(j-1) && d.toks[j-1].arabic && isArabicCue(d, j-1) && j == pos {
			j-- // "ومنصة X": the cue word opens the item
			pos = j
		}
		for g := 0; g < listGlue && same(j-1) && stop[d.toks[j-1].norm] && !listJoiners[d.toks[j-1].norm] && !d.commaBefore(j); g++ {
			j--
		}
		switch {
		case same(j-1) && listJoiners[d.toks[j-1].norm]:
			l.joiner = true
			j--
		case j == pos && wawJoined(d, pos):
			l.joiner = true // "X وY"
		case !d.commaBefore(j):
			j = -1
		}
		from, ok := nb.ends[j]
		if j < 0 || !ok || !same(from) {
			break
		}
		l.known = l.known || nb.known[from]
		l.items = append(l.items, [2]int{from, j})
		pos = from
	}
}

// walkOn adds the items of the list after mention m.
func (l *nameList) walkOn(an *analysis, m mention, nb *nameBounds) {
	d, stop, same := listWords(an, m)
	for pos := m.to; same(pos); { // items after m
		j := pos
		switch {
		case listJoiners[d.toks[j].norm]:
			l.joiner = true
			j++
		case wawJoined(d, j):
			l.joiner = true
		case !d.commaBefore(j):
			j = -1
		}
		for g := 0; j >= 0 && g < listGlue && same(j) && stop[d.toks[j].norm]; g++ {
			j++
		}
		if j >= 0 && same(j) && isArabicCue(d, j) {
			if _, ok := nb.starts[j]; !ok {
				j++ // "ومنصة X"
			}
		}
		to, ok := nb.starts[j]
		if j < 0 || !ok || !same(j) {
			break
		}
		l.known = l.known || nb.known[j]
		l.items = append(l.items, [2]int{j, to})
		pos = to
	}
}

// isArabicCue reports whether token k is an Arabic cue word that is not
// part of the name after it ("منصة", "تطبيق").
func isArabicCue(d *doc, k int) bool {
	in, ok := arabicCue(d.toks[k].norm)
	return d.toks[k].arabic && ok && !in
}

// wawJoined reports whether token k carries the Arabic conjunction و
// ("وبنك مصر"): it goes on with a list.
func wawJoined(d *doc, k int) bool {
	return d.toks[k].arabic && strings.HasPrefix(d.toks[k].norm, "و")
}

// listItemWords is how many words other than names, joining words and
// stop-words one item of a list may hold ("the news outlet X", "la
// banque X").
const listItemWords = 2

// listItem reports whether mention m is a later item of a list of
// services opened by a cue of what an outage took down ("sites such as
// Discord, Shopify and the news outlet X", "dont ceux de Twitch et de la
// banque X"): between the cue and m only names (one of the gazetteer at
// least), joining words, stop-words and a few other words per item.
func listItem(an *analysis, m mention) bool {
	e := an.ci.lastBefore(an.d, "affected", m.from, affectedListGap)
	if e < 0 {
		return false
	}
	name := make(map[int]int) // token → end of a name starting there
	for _, o := range an.mentions {
		name[o.from] = max(name[o.from], o.to)
	}
	for _, n := range an.derived {
		name[n.from] = max(name[n.from], n.to)
	}
	stop := an.ds.stop[an.lang]
	known := make(map[int]bool) // tokens opening a service of the gazetteer
	for _, o := range an.mentions {
		known[o.from] = known[o.from] || o.svc >= 0
	}
	names, other := 0, 0
	for k := e; k < m.from; {
		t := an.d.toks[k]
		switch {
		case name[k] > k:
			if known[k] {
				names++
			}
			other = 0
			k = name[k]
			continue
		case listJoiners[t.norm] || closesName(an.d, k) && k > e:
			other = 0
		case stop[t.norm]:
		default:
			if other++; other > listItemWords {
				return false
			}
		}
		k++
	}
	return names > 0
}

// namedBy reports whether a name is, or is part of, a candidate's name.
func namedBy(name string, outs []*outageGroup) bool {
	for _, g := range outs {
		if strings.EqualFold(g.cand.key, name) || namesItself(name, g.cand) || namesItself(g.cand.key, &candidate{key: name}) {
			return true
		}
	}
	return false
}

// derivedGroup is the outage of a report that names no known service in
// a sentence with an outage word: a name derived from the text, else the
// most named service.
func (c *Classifier) derivedGroup(an *analysis, gs *groupSet) *outageGroup {
	cand, ms := c.deriveService(an)
	if cand.key == "" {
		var bestG *outageGroup
		for _, k := range gs.order {
			if g := gs.groups[k]; !onlyChannel(g) && (bestG == nil || len(g.mentions) > len(bestG.mentions)) {
				bestG = g
			}
		}
		if bestG != nil {
			cand, ms = bestG.cand, bestG.mentions
		}
	}
	g := newGroup(cand)
	g.derived = true
	for _, n := range an.derived {
		if n.name == cand.key {
			g.derivedScore = max(g.derivedScore, n.score)
		}
	}
	for _, m := range ms {
		gs.add(g, m)
	}
	if g.first < 0 && len(g.mentions) > 0 {
		g.first = g.mentions[0].from
	}
	return g
}

// markLeadAndParents marks the outage named first where the text reports
// an outage, and a parent company ("Microsoft") when one of its products
// ("Microsoft Azure") is the one named next to the outage word. A
// platform named first but taken down by a provider named as the cause
// in its sentence ("X went offline due to an outage at Fastly") passes
// the lead to that provider.
func markLeadAndParents(an *analysis, outs []*outageGroup) {
	var lead *outageGroup
	for _, g := range outs {
		if g.lead >= 0 && (lead == nil || g.lead < lead.lead) {
			lead = g
		}
	}
	for _, g := range outs {
		for _, h := range outs {
			if h != g && h.direct && !g.direct && strings.HasPrefix(h.cand.key, g.cand.key+" ") {
				g.parent = true
				if lead == g {
					lead = h
				}
				break
			}
		}
	}
	if lead != nil && lead.countryOf == "" {
		if p := providerOf(an, lead, outs); p != nil {
			lead = p
		}
	}
	if lead != nil {
		lead.isLead = true
	}
}

// providerOf is the named service that sentences sharing g name as the
// cause of its outage, when g is not named as a cause: the provider that
// failed and took g down; or nil.
func providerOf(an *analysis, g *outageGroup, outs []*outageGroup) *outageGroup {
	if gc, _ := roleShares(an, g); gc > 0 {
		return nil
	}
	for _, h := range outs {
		if h == g || h.countryOf != "" || h.derived || !sharesSentence(g, h) {
			continue
		}
		if hc, _ := roleShares(an, h); hc > 0 {
			return h
		}
	}
	return nil
}

// firstFrom is the first token where an outage is named, or -1.
func firstFrom(g *outageGroup) int {
	if len(g.mentions) == 0 {
		return -1
	}
	return g.mentions[0].from
}

func sharesSentence(a, b *outageGroup) bool {
	for s := range a.sents {
		if b.sents[s] {
			return true
		}
	}
	return false
}

// countryWindow is how many tokens may separate a country from the
// internet, power or telephony word of its cut in one sentence.
const countryWindow = 25

// Labels of the outages of a utility as a whole: "Power grid (Chile)",
// the same in every path that names one.
const (
	labelInternet = "Internet"
	labelTelecom  = "Mobile networks"
	labelPower    = "Power grid"
	labelBanking  = "Banking services"
)

// countriesHit adds, to a text reporting a country-wide cut, the cuts of
// the same utility in the other countries it says were hit too ("le
// Ghana et le Liberia ont également été touchés", "Niger and Burkina Faso
// were also affected", "وتضررت أيضا موريتانيا والسنغال"). With cuts of
// several utilities, the countries lost the one the text reports first.
func (c *Classifier) countriesHit(an *analysis, gs *groupSet) {
	if an.ci == nil {
		return
	}
	label, kind, first := "", "", -1
	for _, k := range gs.order {
		g := gs.groups[k]
		if g.countryOf == "" || g.first < 0 || first >= 0 && g.first >= first {
			continue
		}
		label, _, _ = strings.Cut(k, " (")
		kind, first = g.cand.kind, g.first
	}
	if label == "" {
		return // no cut reported with an outage word
	}
	cty, _ := articleCountries(an)
	for _, h := range cty {
		sent := an.d.toks[h.from].sent
		m := mention{from: h.from, to: h.to, sent: sent}
		hit := hitSent(an, m) && hitClause(an, m)
		// "The disruption also hit Mozambique, Malawi and Madagascar"
		hit = hit || an.downSent(sent) && an.ci.before(an.d, "affected", h.from, affectedListGap) && !an.contrastBetween(an.ci.lastBefore(an.d, "affected", h.from, affectedListGap), h.from)
		if hit {
			c.countryCut(gs, label, kind, h.owner, m)
		}
	}
}

// countryCut adds mention m to the cut of utility label in country ci
// ("Internet (Niger)"), made on first use, and returns its group.
func (c *Classifier) countryCut(gs *groupSet, label, kind string, ci int, m mention) *outageGroup {
	an, name := gs.an, c.data.countries[ci].name
	key := label + " (" + name + ")"
	cand, ok := an.names[key]
	if !ok {
		cand = &candidate{key: key, svc: -1, kind: kind, rule: c.data.countries[ci].rule}
		an.names[key] = cand
	}
	g := gs.get(cand)
	g.countryOf = name
	m.key, m.svc = key, -1
	gs.add(g, m)
	return g
}

// utilityCompanyNamed reports whether the text names a company after its
// utility ("Norbridge Power", "City Power", "Électricité Vallée-Verte"): a
// capitalised utility word next to a capitalised word. Its outage is the company's, not
// a country's grid read from the places the text names.
func utilityCompanyNamed(an *analysis) bool {
	d := an.d
	for _, h := range an.lex {
		switch an.class(h) {
		case classPower, classInternet, classTelecom:
			if !d.toks[h.from].upper {
				continue
			}
			before := h.from > 0 && d.toks[h.from-1].upper && !opensSentence(d, h.from) && d.gapBefore(h.from) == " "
			after := h.to < len(d.toks) && d.toks[h.to].upper && d.toks[h.to].sent == d.toks[h.from].sent && d.gapBefore(h.to) == " "
			if before || after {
				return true
			}
		}
	}
	return false
}

// placeCountry returns the country (index in countries.tsv) of the
// places the text names when it names no country ("انقطاع الكهرباء في
// عدن", "coupure géante à Marseille"), or -1.
func (c *Classifier) placeCountry(an *analysis) int {
	if c.geo == nil {
		return -1
	}
	// the places of the text, not those inside a service's name ("زين
	// الكويت", "Orange Côte d'Ivoire")
	text := []byte(an.d.text)
	for _, m := range an.mentions {
		for i := an.d.toks[m.from].start; i < an.d.toks[m.to-1].end; i++ {
			text[i] = ' '
		}
	}
	name := c.geo.topCountry(string(text))
	if name == "" {
		return -1
	}
	for i, ct := range c.data.countries {
		if ct.name == name {
			return i
		}
	}
	return -1
}

// utilityOutage is the outage a utility word of a class names when no
// service of its kind is named in its sentence: its label and kind.
func utilityOutage(cl string, sk map[string]bool) (label, kind string, ok bool) {
	switch cl {
	case classInternet:
		// else the sentence names the service that failed, unless it is a
		// cable or backbone: "a cut on the SEACOM cable disrupted internet
		// access in Kenya, Uganda and Tanzania" cut the countries
		return labelInternet, corpus.KindInternet, len(sk) == 0 || len(sk) == 1 && sk[corpus.KindInternet]
	case classTelecom:
		return labelTelecom, corpus.KindTelecom, !sk[corpus.KindTelecom] && !sk[corpus.KindInternet]
	case classPower:
		return labelPower, corpus.KindPower, !sk[corpus.KindPower]
	case classBanking:
		return labelBanking, corpus.KindOnlineService, !sk[corpus.KindOnlineService] // else the sentence names the bank or app
	}
	return "", "", false
}

// countryWide adds outages of a country's internet, mobile networks or
// power grid, named where an outage word, such a subject and a country
// meet in a sentence (or the country is the article's).
func (c *Classifier) countryWide(an *analysis, gs *groupSet) {
	d, ds := an.d, c.data
	cty, top := articleCountries(an)
	var placeSents []int // with no country named: where the text names its places
	if len(cty) == 0 {
		if top = c.placeCountry(an); top < 0 || utilityCompanyNamed(an) {
			return
		}
		placeSents = an.reportSents()
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
	titled := map[string]bool{} // cuts named only by a title without an outage word
	hits := cutHits(an)
	facility := firstPowerCutAtFacility(an, hits)
	for _, h := range hits {
		cl := ds.lex[h.owner].class
		sent := d.toks[h.from].sent
		titleOnly := !an.triggerSent[sent]
		if cs.cancelsUtility(h) {
			continue // "site internet", "au courant"
		}
		label, kind, ok := utilityOutage(cl, svcKinds[sent])
		if !ok || cl == classPower && facility {
			continue // the text's power cut hit a building: the facility's outage, not the grid's
		}
		cis, ats := countriesOf(d, h, cty)
		if titleOnly && len(cis) == 0 {
			continue // a title without an outage word names the cut only with its country
		}
		if len(cis) == 0 && ((cl == classPower && textKinds[corpus.KindPower]) || (cl == classTelecom && textKinds[corpus.KindTelecom])) {
			continue // no country here, and the text names the grid operator or the carrier
		}
		if len(cis) == 0 {
			cis, ats = []int{paragraphCountry(d, h, cty, top)}, []int{-1}
		}
		for i, ci := range cis {
			name := ds.countries[ci].name
			key := label + " (" + name + ")"
			if _, seen := gs.groups[key]; titleOnly && seen && !titled[key] {
				continue // the text reports this cut where it has an outage word
			}
			titled[key] = titled[key] || titleOnly
			g := c.countryCut(gs, label, kind, ci, mention{from: h.from, to: h.to, sent: sent, at: ats[i]})
			c.addRegions(an, g.cand, label, name, append([]int{d.toks[0].sent, sent}, placeSents...))
		}
	}
}

// facilities are the nouns of the buildings a power cut may hit alone
// ("a power cut at Heathrow's Terminal 5", "une coupure de courant à
// l'hôpital de Dax", "انقطاع التيار في صالة بمطار القاهرة"): their cut
// is the facility's outage, not the grid's. Words as normalised.
var facilities = map[string]map[string]bool{
	corpus.LangEnglish: {"airport": true, "terminal": true, "hospital": true, "clinic": true, "stadium": true,
		"mall": true, "building": true, "headquarters": true, "campus": true, "university": true, "school": true},
	corpus.LangFrench: {"aeroport": true, "aerogare": true, "terminal": true, "hopital": true, "clinique": true,
		"gare": true, "stade": true, "batiment": true, "siege": true, "universite": true, "chu": true},
	corpus.LangArabic: {"مطار": true, "صاله": true, "مبني": true, "مستشفي": true, "جامعه": true, "مجمع": true, "ملعب": true},
}

// facilityGap is how many words may stand between a power cut's words and
// the facility it hit.
const facilityGap = 5

// facilityCut reports whether the power cut of hit h is said to have hit
// a facility: one of its nouns at most facilityGap words after it, in its
// sentence, after a preposition of place (facilityPreps); in Arabic
// bare, with the article or with a clitic preposition (arabicFacility).
func facilityCut(an *analysis, h hit) bool {
	d, nouns := an.d, facilities[an.lang]
	loc := false
	for k := h.to; k < len(d.toks) && k-h.to < facilityGap && d.toks[k].sent == d.toks[h.from].sent; k++ {
		w := d.toks[k].norm
		if nouns[w] && loc {
			return true
		}
		if an.lang == corpus.LangArabic && arabicFacility(w, nouns) {
			return true // "بمطار", "عن المبنى": the clitic or the preposition before says where
		}
		loc = loc || facilityPreps[w]
	}
	return false
}

// arabicFacility reports whether Arabic word w is a facility's noun, bare
// or after the article or a clitic preposition.
func arabicFacility(w string, nouns map[string]bool) bool {
	for _, p := range []string{"", "ال", "ب", "بال", "لل", "وب", "وال"} {
		if r, ok := strings.CutPrefix(w, p); ok && nouns[r] {
			return true
		}
	}
	return false
}

// firstPowerCutAtFacility reports whether the first power cut the text
// reports hit a facility: then its later words
// of power ("la coupure de courant", "عاد التيار") tell the same cut.
func firstPowerCutAtFacility(an *analysis, hits []hit) bool {
	first := -1
	for i, h := range hits {
		if an.ds.lex[h.owner].class == classPower && (first < 0 || h.from < hits[first].from) {
			first = i
		}
	}
	return first >= 0 && facilityCut(an, hits[first])
}

// facilityPreps put a facility after them.
var facilityPreps = map[string]bool{"at": true, "in": true, "a": true, "dans": true, "في": true, "de": true, "of": true}

// addRegions adds to a country-wide cut the names of the places of its
// country where the text reports it (in sentences sents), as aliases:
// "Internet (Manipur)" for "Internet (India)", a report may be filed under
// the region.
func (c *Classifier) addRegions(an *analysis, cand *candidate, label, country string, sents []int) {
	if c.geo == nil {
		return
	}
	code, ok := c.geo.codeOf(country)
	if !ok || code == "" {
		return
	}
	for _, s := range sents {
		// the title names where the cut happened wherever it names a place
		// ("Grid failure plunges Mumbai into darkness"); other sentences
		// with a locative ("in Manipur", "بالقاهرة")
		title := len(an.d.toks) > 0 && s == an.d.toks[0].sent
		for _, r := range c.geo.regionsOf(sentText(an.d, s), code, title) {
			if a := label + " (" + titleWords(r) + ")"; !slices.Contains(cand.aliases, a) {
				cand.aliases = append(slices.Clip(cand.aliases), a) // never grow a gazetteer's slice
			}
		}
	}
}

// sentText is the text of sentence s (tokens are in sentence order).
func sentText(d *doc, s int) string {
	from := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].sent >= s })
	to := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].sent > s })
	return d.span(from, to)
}

// titleWords capitalises the first letter of each Latin word.
func titleWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

// cutHits returns the utility words that may name a country-wide cut:
// those of the sentences with an outage word, then those of a title
// without one ("Internet restored in X") when the text has outage words.
func cutHits(an *analysis) []hit {
	var hot, title []hit
	for _, h := range an.lex {
		switch t := an.d.toks[h.from]; {
		case an.triggerSent[t.sent]:
			hot = append(hot, h)
		case t.para == 0 && len(an.triggerSent) > 0:
			title = append(title, h)
		}
	}
	return append(hot, title...)
}

// articleCountries returns the country names of the text that are not
// part of a service or compound name, and the most named country.
func articleCountries(an *analysis) ([]hit, int) {
	d := an.d
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
		return nil, -1
	}
	top := cty[0].owner
	for o, n := range count {
		if n > count[top] || (n == count[top] && o < top) {
			top = o
		}
	}
	return cty, top
}

// countriesOf returns the countries near a utility word h in its sentence,
// with where they are named.
func countriesOf(d *doc, h hit, cty []hit) ([]int, []int) {
	sent := d.toks[h.from].sent
	var cis, ats []int
	for _, ch := range cty {
		if d.toks[ch.from].sent == sent && abs(ch.from-h.from) <= countryWindow && !slices.Contains(cis, ch.owner) {
			cis = append(cis, ch.owner)
			ats = append(ats, ch.from)
		}
	}
	return cis, ats
}

// paragraphCountry is the first country of the paragraph of h, else top.
func paragraphCountry(d *doc, h hit, cty []hit, top int) int {
	for _, ch := range cty {
		if d.toks[ch.from].para == d.toks[h.from].para {
			return ch.owner
		}
	}
	return top
}
