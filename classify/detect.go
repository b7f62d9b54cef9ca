package classify

import (
	"slices"
	"sort"
	"strings"

	"outages/classify/model"
	"outages/classify/rules"

	"outages/corpus"
)

// mention is a place where a service (gazetteer, country-wide or a name
// found by pattern) is named.
type mention struct {
	key      string // outage identity: service name
	svc      int    // gazetteer index, or -1
	from, to int    // tokens
	sent     int
	channel  bool // named as the channel of a statement ("via X")
	weak     bool // found only as a sentence's first words: names a service, does not make a text an outage report
	normal   bool // said to work normally ("Vodafone et Orange fonctionnaient normalement"): not down
	at       int  // token where the text names what failed when it differs from from (the country of a country-wide cut), -1 when the country is not in the sentence, else 0
}

// anchor is the token where the mention names what failed, or -1 when the
// mention does not name it (a country-wide cut whose country is elsewhere).
func (m mention) anchor() int {
	if m.at != 0 {
		return m.at
	}
	return m.from
}

// analysis is what detection found in one text.
type analysis struct {
	leadUtil        *string // leadUtility, computed on first use
	d               *doc
	lang            string
	lex             []hit
	active          []bool // per lex hit: counts (not cancelled)
	withSubject     []bool // per lex hit (triggers): a subject is near
	fired           []Fired
	score           float64
	evidence        model.Features // detection features
	denied          bool           // the text denies the outage it names
	derived         []derivedName  // names the text presents as subjects (fallback.go), once ranked
	trigBySent      map[int][]hit  // active outage words per sentence, built on first use
	downVerbs       map[int]bool   // sentences with a verb saying something went down (downverb cues, not negated), built on first use
	headKind        *string        // the kind the cue words of the first words name (derivedKind), once looked for
	ci              *cueIndex      // the cue words of cues.tsv
	endChar         map[int]rune   // per sentence: the punctuation ending it
	subjectTriggers int
	mentions        []mention
	countries       []hit
	triggerSent     map[int]bool // sentences with an active trigger
	subjectSent     map[int]map[string]bool
	names           map[string]*candidate
	notUtil         []bool // tokens of notutility phrases (notUtilityAt), made on first use
	ds              *dataSet
	channelEnd      map[int]bool            // tokens right after a channel phrase ("via", "publié sur")
	normalSaidOf    map[int]map[string]bool // "works normally" phrases (first token) → the services they are said of (markNormal)
	exprs           []rules.Expr            // the rule engine's expressions, when tagged is set
	tagged          bool                    // the text was tagged during detection (it has an outage word near a subject)
}

func (an *analysis) isTrigger(h hit) bool { return an.ds.lex[h.owner].class == classTrigger }

// candidate is a service that may be reported down.
type candidate struct {
	key     string
	svc     int
	kind    string
	aliases []string
	rule    string
}

func (c *Classifier) analyse(text, lang, published string) *analysis {
	return c.analyseIn(text, lang, published, new(docBufs))
}

// analyseIn is analyse building the text's doc in b's slices.
func (c *Classifier) analyseIn(text, lang, published string, b *docBufs) *analysis {
	d := newDocIn(text, b)
	an := &analysis{d: d, lang: lang, ds: c.data, triggerSent: map[int]bool{}, subjectSent: map[int]map[string]bool{}, names: map[string]*candidate{}}
	an.lex = c.data.lexM[lang].find(d)
	an.active = make([]bool, len(an.lex))
	an.withSubject = make([]bool, len(an.lex))
	for i := range an.active {
		an.active[i] = true
	}
	an.cancelTriggers()
	an.ci, an.endChar = newCueIndex(c.data, d, lang), sentenceEnds(d)
	c.findMentions(an)
	ev := an.weighEvidence(an.subjects())
	an.weighGenre(&ev, published)
	ev.moods = an.triggerMoods()
	ev.ledeFuture, ev.titleFuture = an.ledeFuture()
	ev.plural = an.pluralShare()
	ev.futureTrig = an.futureTriggerShare()
	ev.years = an.distinctYears()
	if an.subjectTriggers > 0 {
		an.exprs, an.tagged = c.tag(b, text, lang, refOf(published)), true
		ev.when = an.weighWhen(an.exprs, published)
		ev.genre.denialTitle = an.denialTitle(ev.genre)
	}
	an.evidence = ev.features()
	an.denied = ev.denied()
	an.score = c.weights.Score(model.SlotDetect, an.evidence)
	return an
}

func (an *analysis) class(h hit) string { return an.ds.lex[h.owner].class }

// fightGap is how many words may stand between a word of fight
// ("éviter", "to curb", "لمكافحة") and what it fights.
const fightGap = 4

// foughtAgainst reports whether lexicon hit h is what a measure fights, a
// word of fight or protection (fight, causeguard) at most fightGap words
// before it in its sentence: "pour éviter la propagation de fausses
// informations" justifies a shutdown; it denies nothing.
func (an *analysis) foughtAgainst(h hit) bool {
	d := an.d
	for _, g := range an.lex {
		if cl := an.class(g); (cl == classFight || cl == classCauseGuard) && g.to <= h.from && h.from-g.to <= fightGap && d.toks[g.from].sent == d.toks[h.from].sent {
			return true
		}
	}
	return false
}

// cancelTriggers turns off the outage words inside a longer outage word or
// covered by another sense of the word, and repeats on the same tokens.
func (an *analysis) cancelTriggers() {
	for i, h := range an.lex {
		switch an.class(h) {
		case classSense:
			for j, t := range an.lex {
				if an.class(t) == classTrigger && t.from < h.to && h.from < t.to {
					an.active[j] = false
				}
			}
		case classTrigger:
			for j, t := range an.lex {
				if j != i && an.class(t) == classTrigger && an.active[j] && t.from <= h.from && h.to <= t.to && (t.to-t.from) > (h.to-h.from) {
					an.active[i] = false
				}
			}
		}
	}
	seenTrig := map[[2]int]bool{}
	for i, h := range an.lex {
		if an.class(h) == classTrigger && an.active[i] {
			k := [2]int{h.from, h.to}
			if seenTrig[k] {
				an.active[i] = false
			}
			seenTrig[k] = true
		}
	}
}

// tokPos is a token and its sentence; utility is set on a word that names
// a utility (electricity, the internet, telephony, banks).
type tokPos struct {
	tok, sent int
	utility   bool
}

// subjects returns where the text names something that can fail (a
// service, a network, a utility, a generic "services") and records the
// kinds named per sentence.
func (an *analysis) subjects() []tokPos {
	d := an.d
	subjects := an.d.bufs.subjects[:0] // valid while the text is analysed
	defer func() { an.d.bufs.subjects = subjects }()
	for _, h := range an.lex {
		switch cl := an.class(h); cl {
		case classSubject, classInternet, classPower, classTelecom, classBanking:
			sent := d.toks[h.from].sent
			subjects = append(subjects, tokPos{tok: h.from, sent: sent, utility: cl != classSubject})
			if an.subjectSent[sent] == nil {
				an.subjectSent[sent] = map[string]bool{}
			}
			an.subjectSent[sent][cl] = true
		}
	}
	for _, m := range an.mentions {
		if !m.channel && !m.weak && !m.normal {
			subjects = append(subjects, tokPos{tok: m.from, sent: m.sent})
		}
	}
	return subjects
}

// fire records f, making room for the hits left (at most one each) on
// the first.
func (an *analysis) fire(f Fired, left int) {
	if an.fired == nil {
		an.fired = make([]Fired, 0, left)
	}
	an.fired = append(an.fired, f)
}

// weighEvidence gathers the detection evidence of the lexicon hits and
// records what fired.
func (an *analysis) weighEvidence(subjects []tokPos) evidence {
	d := an.d
	ev := evidence{neg: map[string][]float64{}, tagged: map[string][]float64{}, titleNeg: map[string]bool{}}
	ev.titleAsks = an.titleAsks()
	titleEnd := an.titleEnd()
	for _, h := range an.lex {
		ev.overran = ev.overran || an.class(h) == classOverran // planned work that overran is an incident
	}
	for i, h := range an.lex {
		e := an.ds.lex[h.owner]
		f := Fired{Rule: e.rule, Class: e.firedClass, Text: d.span(h.from, h.to), Weight: e.weight, Start: d.toks[h.from].start, End: d.toks[h.to-1].end}
		if e.class != classTrigger && e.class != classReport && an.inServiceName(h) {
			f.Note, f.Weight = "part of a service's name", 0
			an.fire(f, len(an.lex)-i)
			continue
		}
		switch e.class {
		case classTrigger:
			an.weighTrigger(i, subjects, &ev, &f)
		case classReport:
			ev.report += e.weight
		case classPlanned:
			if ev.overran {
				f.Note, f.Weight = "the planned work overran: an incident", 0
				break
			}
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
		case classDenial:
			if an.foughtAgainst(h) {
				f.Note, f.Weight = "what a measure fights (a shutdown's reason), not a denial", 0
				break
			}
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
		case classSense, classGeneral:
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
		default:
			continue
		}
		if h.from < titleEnd && f.Weight != 0 {
			switch e.class {
			case classGeneral, classPlanned:
				ev.titleNeg[e.class] = true
			case classTrigger:
				ev.titlePlural = ev.titlePlural || (h.to-h.from == 1 && pluralNoun(d.toks[h.from].norm, an.lang))
			}
		}
		if e.tag != "" && f.Weight != 0 && (e.class != classTrigger || an.withSubject[i]) {
			ev.tagged[e.tagKey] = append(ev.tagged[e.tagKey], e.weight)
		}
		an.fire(f, len(an.lex)-i)
	}
	for _, m := range an.mentions {
		if !m.channel && !m.weak && d.toks[m.from].para == 0 {
			ev.titleService = true
		}
	}
	return ev
}

// inServiceName reports whether a lexicon hit lies inside the name of a
// service of the gazetteer ("Assurance maladie", "Orange Money"): a word
// of a name is no counter-evidence.
func (an *analysis) inServiceName(h hit) bool {
	for _, m := range an.mentions {
		if m.svc >= 0 && m.from <= h.from && h.to <= m.to {
			return true
		}
	}
	return false
}

// moodCues are the cue classes whose share among the sentences reporting
// an outage the detection model reads: an announcement speaks of the
// future, an analysis of the past, a rumour speculates, a report often
// says the service is back.
var moodCues = []string{"future", "past", "speculation", "back"}

// triggerMoods returns, per mood (moodCues and "question"), the share of
// the sentences with an outage word near a subject that have it.
func (an *analysis) triggerMoods() map[string]float64 {
	sents := map[int]bool{}
	for i, h := range an.lex {
		if an.withSubject[i] {
			sents[an.d.toks[h.from].sent] = true
		}
	}
	out := map[string]float64{}
	if len(sents) == 0 {
		return out
	}
	for s := range sents {
		for _, cl := range moodCues {
			if an.ci.inSentence(cl, s) && (cl != "future" || !an.overranIn(s)) {
				out[cl]++
			}
		}
		if r := an.endChar[s]; r == '?' || r == '؟' {
			out["question"]++
		}
	}
	for k := range out {
		out[k] /= float64(len(sents))
	}
	return out
}

// weighTrigger adds the i-th lexicon hit, an outage word, to the evidence:
// near a subject or not.
func (an *analysis) weighTrigger(i int, subjects []tokPos, ev *evidence, f *Fired) {
	d, h := an.d, an.lex[i]
	if !an.active[i] {
		f.Note, f.Weight = "cancelled (other sense or longer phrase)", 0
		return
	}
	sent := d.toks[h.from].sent
	an.triggerSent[sent] = true
	for _, s := range subjects {
		// A subject inside the outage phrase counts only when it opens it,
		// or in Arabic (verb first) names a utility right after the verb:
		// "households without power", "انقطعت الكهرباء عن" state their
		// subject, "hors service" does not.
		inside := h.from <= s.tok && s.tok < h.to
		opens := s.tok == h.from && h.to-h.from > 1
		afterVerb := an.lang == corpus.LangArabic && s.utility && s.tok == h.from+1
		if s.sent == sent && abs(s.tok-h.from) <= subjectWindow && (!inside || opens || afterVerb) {
			an.withSubject[i] = true
			break
		}
	}
	ev.titleTrigger = ev.titleTrigger || d.toks[h.from].para == 0
	w := an.ds.lex[h.owner].weight
	if an.withSubject[i] {
		an.subjectTriggers++
		f.Note = "near a subject"
		ev.trig = append(ev.trig, w)
	} else {
		f.Note = "no subject near"
		ev.loose = append(ev.loose, w)
	}
}

// siteNouns follow a name to make the name of a website or app.
var siteNouns = map[string]bool{"website": true, "site": true, "portal": true, "app": true}

// topLevelDomains end the domain names read as site names.
var topLevelDomains = map[string]bool{
	"com": true, "net": true, "org": true, "io": true, "fr": true, "us": true, "ca": true, "uk": true,
	"ma": true, "dz": true, "tn": true, "eg": true, "sa": true, "ae": true, "qa": true, "lb": true, "jo": true, "gov": true,
}

// triggerSentAt reports whether sentence s has an active outage word.
func (an *analysis) triggerSentAt(s int) bool {
	for i, h := range an.lex {
		if an.active[i] && an.isTrigger(h) && an.d.toks[h.from].sent == s {
			return true
		}
	}
	return false
}

// directGlue are the words that may stand between an outage word and the
// service it is about ("panne chez X", "outage at X", "انقطاع في X").
var directGlue = map[string]bool{
	"de": true, "du": true, "d": true, "des": true, "chez": true, "l": true, "la": true, "le": true, "les": true,
	"at": true, "of": true, "on": true, "the": true, "for": true, "to": true,
	"في": true, "على": true, "من": true, "لدى": true, "عن": true,
	// times of day between a verb and its subject ("تعطلت صباح اليوم خدمات X")
	"صباح": true, "مساء": true, "اليوم": true, "امس": true, "ليله": true, "فجر": true, "ظهر": true,
	"ce": true, "matin": true, "soir": true, "hier": true, "this": true, "morning": true, "yesterday": true,
}

// subjectTok reports whether token k is a generic subject word ("services").
func (an *analysis) subjectTok(k int) bool {
	for _, h := range an.lex {
		if h.from <= k && k < h.to && an.ds.lex[h.owner].class == classSubject {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// findMentions finds gazetteer services, countries and, by pattern, names
// of services absent from the gazetteer.
func (c *Classifier) findMentions(an *analysis) {
	ds, d := c.data, an.d
	hits := ds.svcM.find(d)
	// Longest match wins where names overlap ("Google Cloud" over "Google").
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].from != hits[j].from {
			return hits[i].from < hits[j].from
		}
		return hits[i].to-hits[i].from > hits[j].to-hits[j].from
	})
	an.countries = slices.DeleteFunc(ds.ctyM.find(d), func(h hit) bool { return inAgencyName(d, h) })
	longer := c.longerNames(an, hits)
	covered := -1
	var keep []hit
	for _, h := range hits {
		if !servesLang(an, h) || h.from < covered || c.inLongerName(an, h, hits, longer) {
			continue
		}
		keep = append(keep, h)
		covered = h.to
	}
	channelEnd := map[int]bool{}
	for _, h := range an.lex {
		if ds.lex[h.owner].class == classChannel {
			channelEnd[h.to] = true
		}
	}
	an.channelEnd = channelEnd
	var quoted []hit
	if an.lang == corpus.LangArabic {
		quoted = quotedHits(an, ds.quotedM.find(d), keep)
	}
	for i, h := range append(keep, quoted...) {
		s := ds.services[h.owner]
		if _, ok := an.names[s.name]; !ok {
			an.names[s.name] = &candidate{key: s.name, svc: h.owner, kind: s.kind, aliases: s.aliases, rule: s.rule}
		}
		textForm(an, an.names[s.name], h)
		// a quoted common word names the service, but is no evidence
		// that the text reports an outage
		weak := i >= len(keep)
		an.mentions = append(an.mentions, mention{key: s.name, svc: h.owner, from: h.from, to: h.to, sent: d.toks[h.from].sent, channel: channelEnd[h.from] || an.postedOn(s.name, h.from), weak: weak})
	}
	c.findNamedByPattern(an, keep)
	sort.SliceStable(an.mentions, func(i, j int) bool { return an.mentions[i].from < an.mentions[j].from })
	an.markNormal()
}

// socialChannels are the platforms news names as where people posted:
// "on Twitter", "sur Facebook", "على تويتر" is where, not what failed.
var socialChannels = map[string]bool{
	"Twitter": true, "Facebook": true, "Instagram": true, "Telegram": true, "TikTok": true, "YouTube": true,
	"LinkedIn": true, "Reddit": true, "Threads": true, "Bluesky": true, "Mastodon": true, "Snapchat": true,
}

// onWords are the prepositions that put a platform as where people
// posted.
var onWords = map[string]bool{"on": true, "sur": true, "على": true}

// postGap is how many words may stand between a verb of saying and the
// "on" of the platform it was said on ("acknowledged the outage on
// Twitter").
const postGap = 4

// postedOn reports whether the social platform named at token k is where
// people posted: right after "on", "sur" or "على" that opens its sentence
// ("Sur Twitter, les abonnés…") or follows a verb of saying ("a signalé
// sur Twitter", "acknowledged the outage on Twitter") or the people who
// use a service ("engineers on Twitter"). "Outages on Facebook" is no
// channel.
func (an *analysis) postedOn(name string, k int) bool {
	d := an.d
	on := k - 1
	if !socialChannels[name] || on < 0 || !onWords[d.toks[on].norm] || d.toks[on].sent != d.toks[k].sent {
		return false
	}
	if opensSentence(d, on) {
		return true
	}
	for j := on - 1; j >= 0 && on-j <= postGap && d.toks[j].sent == d.toks[k].sent; j-- {
		if an.ci.startsAtTok("says", j) || an.ci.startsAtTok("users", j) || an.ci.startsAtTok("usersof", j) {
			return true
		}
	}
	return false
}

// agencyBefore are the nouns that open a news agency's name before its
// country ("وكالة الأنباء الفرنسية", "l'Agence France-Presse", "Agence
// marocaine de presse"); agencyAfter the words that close one after it
// ("Saudi Press Agency", "Kuwait News Agency", "France Presse"). Words
// are as normalised: "وكالة" is written "وكاله".
var (
	agencyBefore = map[string]bool{"agence": true, "وكاله": true, "agency": true}
	agencyAfter  = map[string]bool{"presse": true, "press": true, "news": true}
)

// inAgencyName reports whether a country's name is part of a news
// agency's name: the source of a dispatch, not where an outage was.
func inAgencyName(d *doc, h hit) bool {
	if h.to < len(d.toks) && d.toks[h.to].sent == d.toks[h.from].sent && agencyAfter[d.toks[h.to].norm] {
		return true
	}
	return wordWithin(d, h.from, 2, agencyBefore)
}

// textForm adds the way the text writes a service's Latin-script name to
// its candidate's aliases when it differs from the gazetteer's forms by
// more than case ("Tunisie Télécom" for Tunisie Telecom): the outage is
// then known by the text's spelling too.
func textForm(an *analysis, cand *candidate, h hit) {
	if an.d.toks[h.from].arabic {
		return
	}
	form := an.d.span(h.from, h.to)
	if strings.EqualFold(form, cand.key) || slices.ContainsFunc(cand.aliases, func(a string) bool { return strings.EqualFold(a, form) }) {
		return
	}
	cand.aliases = append(slices.Clip(cand.aliases), form) // never into the gazetteer's array
}

// servesLang reports whether the text may name hit h's service this way:
// the service is named in the text's language, or the text is Arabic and
// writes the name in Latin script, as Arabic news writes foreign brands
// ("عملاء شركة الطيران "Alaska Airlines"").
func servesLang(an *analysis, h hit) bool {
	return an.ds.services[h.owner].langs[an.lang] || an.lang == corpus.LangArabic && !an.d.toks[h.from].arabic
}

// longerNames returns the services (by index) whose name, a common word,
// the text writes at least once followed by its complement (nameGoesOn):
// its other mentions are that name's short form ("l'Office du Bac …
// l'Office a publié"), not the service.
func (c *Classifier) longerNames(an *analysis, hits []hit) map[int]bool {
	var longer map[int]bool
	for _, h := range hits {
		if c.oneCommonWord(h) && c.nameGoesOn(an, h, hits) {
			if longer == nil {
				longer = map[int]bool{}
			}
			longer[h.owner] = true
		}
	}
	return longer
}

// oneCommonWord reports whether hit h is a one-word name written with '='
// in the gazetteer: a common word that names a service only when
// capitalised.
func (c *Classifier) oneCommonWord(h hit) bool {
	return c.data.svcM.phrases[h.phrase].caseExact && h.to-h.from == 1
}

// inLongerName reports whether a one-word case-sensitive name (a common
// word: "Office", "Square", "Sky") is part of a longer name of the text:
// one the text writes followed by "of"/"du" and a capitalised word
// somewhere (longer, from longerNames: "Office du Bac", "Office of the
// Prime Minister"), or, past the title (where every word may be
// capitalised), after a capitalised word ("Post Office", "Times Square",
// "Big Sky"). A stop-word, a country or a known service around it leaves
// the name alone ("Outlook de Microsoft").
func (c *Classifier) inLongerName(an *analysis, h hit, services []hit, longer map[int]bool) bool {
	if !c.oneCommonWord(h) {
		return false
	}
	d := an.d
	inTitle := d.toks[h.from].para == 0 && d.toks[len(d.toks)-1].para > 0
	return longer[h.owner] || !inTitle && c.nameBegunBefore(an, h, services)
}

// nameGoesOn reports whether "of"/"de" and a capitalised word follow hit
// h (an article may stand between them).
func (c *Classifier) nameGoesOn(an *analysis, h hit, services []hit) bool {
	d := an.d
	k := h.to
	if k+1 >= len(d.toks) || d.gapBefore(k) != " " || !nounOf[d.toks[k].norm] || d.toks[k].sent != d.toks[h.from].sent {
		return false
	}
	j := k + 1
	if j+1 < len(d.toks) && nameArticles[d.toks[j].norm] && !d.toks[j].upper {
		j++
	}
	// "les abonnés SFR de Toulouse": a place after it is where, not a name
	return c.nameWord(an, j, h.from, services) && !c.isPlace(d.text[d.toks[j].start:d.toks[j].end])
}

// nameArticles may stand between "of"/"de" and the rest of a name.
var nameArticles = map[string]bool{"the": true, "la": true, "le": true, "les": true, "l": true}

// nameBegunBefore reports whether a capitalised word stands right before
// hit h, or the possessive of a common noun ("the Sheriff's Office"; not
// of a company: "Valve's Steam" is Steam).
func (c *Classifier) nameBegunBefore(an *analysis, h hit, services []hit) bool {
	d := an.d
	p := h.from - 1
	if d.gapBefore(h.from) != " " {
		return false
	}
	if g := d.gapBefore(p); d.toks[p].norm == "s" && (g == "'" || g == "’") {
		p-- // a possessive: "the Sheriff's Office" is one name
		if !articleBefore(d, p) {
			return false // "Valve's Steam", "Elon Musk's X": a company's product
		}
	}
	return !opensSentence(d, p) && c.nameWord(an, p, h.from, services)
}

// articleBefore reports whether the capitalised words ending at token k
// follow an article ("the Harris County Sheriff"): a common noun, not a
// company's name.
func articleBefore(d *doc, k int) bool {
	j := k - 1
	for j >= 0 && j > k-4 && d.toks[j].upper && !englishArticles[d.toks[j].norm] && d.toks[j].sent == d.toks[k].sent {
		j--
	}
	return j >= 0 && englishArticles[d.toks[j].norm] && d.toks[j].sent == d.toks[k].sent
}

// englishArticles come before a common noun.
var englishArticles = map[string]bool{"the": true, "a": true, "an": true}

// nameWord reports whether token k is a capitalised word of the sentence
// of token at that is no stop-word, country or known service.
func (c *Classifier) nameWord(an *analysis, k, at int, services []hit) bool {
	t := an.d.toks[k]
	if !t.upper || t.sent != an.d.toks[at].sent || c.data.stop[an.lang][t.norm] {
		return false
	}
	return !covering(services, k) && !covering(an.countries, k)
}

// covering reports whether one of hits covers token k.
func covering(hits []hit, k int) bool {
	for _, h := range hits {
		if h.from <= k && k < h.to {
			return true
		}
	}
	return false
}

// quotes open and close a name written between them.
var quoteMarks = [...][2]string{{"«", "»"}, {"\"", "\""}, {"“", "”"}, {"„", "“"}}

// quotedHits keeps the hits of the quoted forms (quotedForms) written
// between quotes and not overlapping a service name found (found).
func quotedHits(an *analysis, hits, found []hit) []hit {
	d := an.d
	var out []hit
	for _, h := range hits {
		if !an.ds.services[h.owner].langs[an.lang] || !quoted(d.text, d.toks[h.from].start, d.toks[h.to-1].end) {
			continue
		}
		overlaps := false
		for _, f := range found {
			overlaps = overlaps || f.from < h.to && h.from < f.to
		}
		if !overlaps {
			out = append(out, h)
		}
	}
	return out
}

// quoted reports whether text[start:end] stands between quotes.
func quoted(text string, start, end int) bool {
	before, after := strings.TrimRight(text[:start], " "), strings.TrimLeft(text[end:], " ")
	for _, q := range quoteMarks {
		if strings.HasSuffix(before, q[0]) && strings.HasPrefix(after, q[1]) {
			return true
		}
	}
	return false
}

// normalReach is how many tokens after a service's name a "works
// normally" phrase may stand to be said of it.
const normalReach = 8

// markNormal marks the mentions that a "works normally" phrase right
// after them, with no outage word between, says are working ("Vodafone
// et Orange fonctionnaient normalement", "أكدت فودافون أن شبكتها تعمل
// بشكل طبيعي").
//
// A "works normally" said of named services while another service is
// named otherwise is said of rivals (asideNormal): it does not deny the
// outage the text reports.
func (an *analysis) markNormal() {
	saidOf := map[int]map[string]bool{} // normal phrase (first token) → services it is said of
	for i := range an.mentions {
		m := &an.mentions[i]
		for _, h := range an.lex {
			if an.class(h) != classNormal || h.from < m.to || h.from-m.to > normalReach || an.d.toks[h.from].sent != m.sent {
				continue
			}
			if !an.triggerBetween(m.to, h.from) {
				m.normal = true
				if saidOf[h.from] == nil {
					saidOf[h.from] = map[string]bool{}
				}
				saidOf[h.from][m.key] = true
			}
		}
	}
	an.normalSaidOf = saidOf
}

// asideNormal reports whether the "works normally" phrase at token at is
// said of rivals: of named services only, while another service is named
// in a sentence with an outage word.
func (an *analysis) asideNormal(at int) bool {
	keys := an.normalSaidOf[at]
	if keys == nil {
		return false
	}
	for _, m := range an.mentions {
		if !m.normal && !m.channel && !keys[m.key] && an.triggerSent[m.sent] {
			return true
		}
	}
	return false
}

// normalAt reports whether a mention starting at token k is said to work
// normally.
func (an *analysis) normalAt(k int) bool {
	for _, m := range an.mentions {
		if m.from == k && m.normal {
			return true
		}
	}
	return false
}

// triggerBetween reports whether an active outage word stands in tokens
// [from, to).
func (an *analysis) triggerBetween(from, to int) bool {
	for i, h := range an.lex {
		if an.active[i] && an.isTrigger(h) && h.from >= from && h.from < to {
			return true
		}
	}
	return false
}

// findNamedByPattern finds capitalised Latin-script names that a cue word
// ("l'opérateur X", "شركة X") or an outage word ("X outage", "panne chez
// X") presents as a service.
func (c *Classifier) findNamedByPattern(an *analysis, known []hit) {
	nf := &nameFinder{an: an, taken: make([]bool, len(an.d.toks)), notName: c.data.notName[an.lang], isPlace: c.isPlace}
	for _, hs := range [][]hit{known, an.countries} {
		for _, h := range hs {
			for k := h.from; k < h.to; k++ {
				nf.taken[k] = true
			}
		}
	}
	nf.takeNamed()
	if an.lang == corpus.LangEnglish {
		nf.siteNames()
	}
	nf.domainNames()
	if len(known) == 0 {
		nf.sentenceSubjects()
	}
	nf.cuedNames()
}

// nameFinder finds names of services absent from the gazetteer.
type nameFinder struct {
	an      *analysis
	taken   []bool // tokens already part of a name
	notName map[string]bool
	isPlace func(name string) bool // a city or region: where an outage happened, not what failed
}

// takeNamed takes the capitalised words a namer presents ("tempête
// Ciarán", "Hurricane Milton"): the name of a storm, not of a service.
func (nf *nameFinder) takeNamed() {
	for k, named := range nf.an.namedByNamer() {
		nf.taken[k] = nf.taken[k] || named
	}
}

// namedByNamer marks the capitalised words right after a namer, at most
// three, in its sentence.
func (an *analysis) namedByNamer() []bool {
	d := an.d
	named := make([]bool, len(d.toks))
	for _, h := range an.lex {
		if an.class(h) != classNamer {
			continue
		}
		for k := h.to; k < len(d.toks) && k < h.to+3 && d.toks[k].upper && !d.toks[k].arabic && d.toks[k].sent == d.toks[h.from].sent; k++ {
			named[k] = true
		}
	}
	return named
}

func (nf *nameFinder) isNameTok(k int) bool {
	if k < 0 || k >= len(nf.an.d.toks) {
		return false
	}
	t := nf.an.d.toks[k]
	return !t.arabic && t.upper && !nf.taken[k] && !nf.notName[t.norm] && len(t.norm) > 1
}

// runEnd returns the end of the capitalised run starting at k (at most 4
// words, in one sentence, adjacent in the text).
func (nf *nameFinder) runEnd(k int) int {
	d := nf.an.d
	end := k + 1
	for end < len(d.toks) && end-k < 4 && d.toks[end].sent == d.toks[k].sent && d.toks[end].start-d.toks[end-1].end <= 1 {
		switch {
		case nf.isNameTok(end):
		case nf.possessive(end) && nf.isNameTok(end+1):
			// "St Mary's Hospital", "Macy’s Stores": the possessive is part of the name
		case d.toks[end].norm == "n" && nf.isNameTok(end+1):
			// "Pick n Pay"
		default:
			return end
		}
		end++
	}
	return end
}

// possessive reports whether token k is the "s" of a possessive glued to
// the word before it by an apostrophe ("Mary's", "Macy’s").
func (nf *nameFinder) possessive(k int) bool {
	d := nf.an.d
	if k <= 0 || k >= len(d.toks) || d.toks[k].norm != "s" {
		return false
	}
	return isApostrophe(d.gapBefore(k))
}

// nameAt returns the capitalised run starting at k, not the first word
// of a sentence (capitalisation proves nothing there).
func (nf *nameFinder) nameAt(k int) (int, int, bool) {
	d := nf.an.d
	if k < 0 || k >= len(d.toks) || !nf.isNameTok(k) || k == 0 || d.toks[k-1].sent != d.toks[k].sent {
		return 0, 0, false
	}
	return k, nf.runEnd(k), true
}

// nameBefore returns the capitalised run ending right before token k.
func (nf *nameFinder) nameBefore(k int) (int, int, bool) {
	d := nf.an.d
	if k <= 0 || !nf.isNameTok(k-1) {
		return 0, 0, false
	}
	start := k - 1
	for start > 0 && k-start < 4 && d.toks[start-1].sent == d.toks[k-1].sent && d.toks[start].start-d.toks[start-1].end <= 1 {
		if nf.isNameTok(start - 1) {
			start--
		} else if (nf.possessive(start-1) || d.toks[start-1].norm == "n") && nf.isNameTok(start-2) {
			start -= 2 // "St Luke's Hospital", "Pick n Pay"
		} else {
			break
		}
	}
	if start == 0 || d.toks[start-1].sent != d.toks[start].sent {
		return 0, 0, false
	}
	return start, k, true
}

// add records the name of tokens [from, to) as a mention of a service.
func (nf *nameFinder) add(from, to int, kind, rule string, weak bool) {
	an, d := nf.an, nf.an.d
	from = institutionStart(an, from)
	name := strings.TrimSpace(d.span(from, to))
	if name == "" || nf.isPlace(name) || nf.an.afterService(from) || locatedAt(an, from) || nf.listedAfterPlace(from, 0) {
		return
	}
	if _, ok := an.names[name]; !ok {
		// "CCRA.US" and "ccra.us" are one site.
		for k, cand := range an.names {
			if cand.svc < 0 && strings.EqualFold(k, name) {
				name = k
				break
			}
		}
	}
	if _, ok := an.names[name]; !ok {
		an.names[name] = &candidate{key: name, svc: -1, kind: kind, rule: rule}
	}
	an.mentions = append(an.mentions, mention{key: name, svc: -1, from: from, to: to, sent: d.toks[from].sent, weak: weak})
	for k := from; k < to; k++ {
		nf.taken[k] = true
	}
}

// institutionStart returns where the name that starts at token k starts
// when it is what an institution is in charge of or where it is ("the
// Ministry of Education", "le ministère de l'Intérieur", "l'hôpital de
// Dax"): at the institution's noun; else k.
func institutionStart(an *analysis, k int) int {
	d := an.d
	inst := institutions[an.lang]
	for j := k - 1; j >= 0 && j >= k-3 && d.toks[j].sent == d.toks[k].sent; j-- {
		switch {
		case nameConnectors[d.toks[j].norm]:
			continue
		case inst[d.toks[j].norm] && j < k-1:
			return j
		}
		break
	}
	return k
}

// maxPlaceList is how many earlier items listedAfterPlace walks back.
const maxPlaceList = 4

// listedAfterPlace reports whether the name starting at token k is a
// later item of a list of places: a comma or a joining word before it,
// and before that a capitalised run that is a known place or written as
// one ("parts of Mumbai, Thane and Navi Mumbai", "in Bohol, Cebu and
// Leyte").
func (nf *nameFinder) listedAfterPlace(k, depth int) bool {
	d := nf.an.d
	j := k
	if j > 0 && listJoiners[d.toks[j-1].norm] && d.toks[j-1].sent == d.toks[k].sent {
		j--
	} else if j == 0 || !strings.Contains(d.gapBefore(j), ",") {
		return false
	}
	from, to, ok := nf.runBefore(j)
	if !ok || depth >= maxPlaceList {
		return false
	}
	return nf.isPlace(strings.TrimSpace(d.span(from, to))) || locatedAt(nf.an, from) || nf.listedAfterPlace(from, depth+1)
}

// runBefore returns the capitalised run ending right before token k,
// taken or not (a place of countries.tsv or geo.tsv is taken).
func (nf *nameFinder) runBefore(k int) (int, int, bool) {
	d := nf.an.d
	if k <= 0 || d.toks[k-1].sent != d.toks[k].sent || !d.toks[k-1].upper || d.toks[k-1].arabic {
		return 0, 0, false
	}
	from := k - 1
	for from > 0 && k-from < 4 && d.toks[from-1].sent == d.toks[k].sent && d.toks[from-1].upper && !d.toks[from-1].arabic && d.gapBefore(from) == " " {
		from--
	}
	return from, k, true
}

// afterService reports whether token k follows a known service's name
// right after a space ("PlayStation Store", "Bell Mobility"): the start of
// the service's product, which variants.go makes its alias, never a name
// of its own.
func (an *analysis) afterService(k int) bool {
	for _, m := range an.mentions {
		if m.svc >= 0 && m.to == k && an.d.gapBefore(k) == " " {
			return true
		}
	}
	return false
}

// alias records another name of the service named by tokens [from, to).
func (nf *nameFinder) alias(from, to int, name string) {
	cand, ok := nf.an.names[strings.TrimSpace(nf.an.d.span(from, to))]
	if !ok || name == "" || cand.svc >= 0 || slices.Contains(cand.aliases, name) {
		return
	}
	cand.aliases = append(cand.aliases, name)
}

// siteNames finds "the CCRA website was down": a capitalised name and
// the website or app it runs, in a sentence with an outage word.
func (nf *nameFinder) siteNames() {
	an, d := nf.an, nf.an.d
	for k := 1; k < len(d.toks); k++ {
		if !siteNouns[d.toks[k].norm] || !an.triggerSentAt(d.toks[k].sent) {
			continue
		}
		if from, to, ok := nf.nameBefore(k); ok && to == k {
			nf.add(from, k+1, corpus_online, "name and site noun", false)
			nf.alias(from, k+1, strings.TrimSpace(d.span(from, k))) // the name alone is the same service
		}
	}
}

// domainNames finds sites named by their domain ("CCRA.US was down",
// "lemonde.fr est inaccessible") in a sentence with an outage word.
func (nf *nameFinder) domainNames() {
	an, d := nf.an, nf.an.d
	for k := 0; k+1 < len(d.toks); k++ {
		a, b := d.toks[k], d.toks[k+1]
		if !topLevelDomains[b.norm] || a.arabic || nf.taken[k] || b.start != a.end+1 || d.text[a.end] != '.' || !an.triggerSentAt(a.sent) {
			continue
		}
		if k+2 < len(d.toks) && d.toks[k+2].start == b.end+1 && d.text[b.end] == '.' {
			continue // a longer dotted name: not handled
		}
		nf.taken[k], nf.taken[k+1] = false, false
		nf.add(k, k+2, corpus_online, "domain name", false)
	}
}

// sentenceSubjects finds "Aix-Marseille-Provence subit une cyberattaque":
// a capitalised name opening a sentence right before an outage or
// incident verb is its subject (only when nothing else names a service).
func (nf *nameFinder) sentenceSubjects() {
	an, d := nf.an, nf.an.d
	verbAt := map[int]bool{}
	for i, h := range an.lex {
		if cl := an.class(h); (cl == classReport || cl == classTrigger) && an.active[i] {
			verbAt[h.from] = true
		}
	}
	for k := range d.toks {
		if (k > 0 && d.toks[k-1].sent == d.toks[k].sent) || !nf.isNameTok(k) {
			continue
		}
		end := nf.runEnd(k)
		if end < len(d.toks) && d.toks[end].sent == d.toks[k].sent && verbAt[end] && (end-k > 1 || strings.Contains(d.span(k, end), "-")) {
			nf.add(k, end, corpus_online, "sentence subject", true)
		}
	}
}

// cuedNames finds names after a name cue ("l'opérateur X") and next to
// an outage word ("X outage", "panne chez X", "outage at X").
func (nf *nameFinder) cuedNames() {
	an, d := nf.an, nf.an.d
	for i, h := range an.lex {
		e := an.ds.lex[h.owner]
		switch {
		case e.class == classNameCue:
			if from, to, ok := nf.nameAt(h.to); ok {
				nf.add(from, to, cueKind(e.phrase), e.rule, false)
			}
		case e.class == classTrigger && an.active[i]:
			if an.lang == corpus.LangEnglish {
				k := h.from
				if k > 0 && d.toks[k-1].norm == "s" {
					k--
				}
				if from, to, ok := nf.nameBefore(k); ok {
					nf.add(from, to, corpus_online, e.rule, false)
				}
			}
			for k := h.to; k < len(d.toks) && k <= h.to+1; k++ {
				switch d.toks[k].norm {
				case "chez", "de", "d", "du", "at", "of", "on":
					if from, to, ok := nf.nameAt(k + 1); ok {
						nf.add(from, to, corpus_online, e.rule, false)
					}
				}
			}
		}
	}
}

const corpus_online = "online_service"

func cueKind(cue string) string {
	c := strings.ToLower(cue)
	switch {
	case strings.Contains(c, "opérateur") || strings.Contains(c, "operator") || strings.Contains(c, "carrier") || strings.Contains(c, "مشغل"):
		return "telecom"
	case strings.Contains(c, "hébergeur") || strings.Contains(c, "cloud"):
		return "cloud"
	}
	return corpus_online
}

// nextToTrigger reports whether an active outage word is right before or
// after the mention (at most one word between).
func (an *analysis) nextToTrigger(m mention) bool {
	for i, h := range an.lex {
		if !an.active[i] || h.from >= len(an.d.toks) {
			continue
		}
		if an.d.toks[h.from].sent != m.sent {
			continue
		}
		if !an.isTrigger(h) {
			continue
		}
		// "X outage", "X est en panne"
		if h.from >= m.to && h.from-m.to <= 1 {
			return true
		}
		// "panne chez X", "outage at X", "انقطاع خدمات X": only
		// prepositions, articles, times of day and generic subject words
		// between (at most three words that are not subject words).
		if m.from >= h.to && m.from-h.to <= 5 {
			glue, plain := true, 0
			for k := h.to; k < m.from; k++ {
				switch {
				case an.subjectTok(k):
				case directGlue[an.d.toks[k].norm]:
					plain++
				default:
					glue = false
				}
			}
			glue = glue && plain <= 3
			if glue {
				return true
			}
		}
	}
	return false
}

// askWords open a title that asks or explains rather than reports.
var askWords = map[string]bool{
	"pourquoi": true, "comment": true, "why": true, "how": true, "لماذا": true, "كيف": true, "هل": true,
}

// titleAsks reports whether the title (a short first paragraph) asks a
// question or opens with a word that explains ("Pourquoi…", "How to…").
func (an *analysis) titleAsks() bool {
	end := an.titleEnd()
	if end == 0 {
		return false
	}
	if askWords[an.d.toks[0].norm] {
		return true
	}
	for k := range end {
		if r := an.endChar[an.d.toks[k].sent]; r == '?' || r == '؟' {
			return true
		}
	}
	return false
}

// titleLen is the most words a first paragraph has to be read as a title.
const titleLen = 30

// titleEnd returns the end (exclusive) of the title's tokens: the first
// paragraph when it is short enough to be a title, else 0 (no title).
func (an *analysis) titleEnd() int {
	d := an.d
	k := 0
	for k < len(d.toks) && d.toks[k].para == 0 {
		if k++; k > titleLen {
			return 0
		}
	}
	return k
}

// ledeSentences is how many sentences, from the title on, make the lede.
const ledeSentences = 4

// ledeFuture returns the share of the lede's sentences holding a future
// cue ("sera", "will be", "سيتم", "next week"), and whether the first
// sentence (the title) holds one: an announcement says what will happen
// from its first lines, a report what happened.
func (an *analysis) ledeFuture() (float64, bool) {
	d := an.d
	if len(d.toks) == 0 {
		return 0, false
	}
	n := min(ledeSentences, d.toks[len(d.toks)-1].sent+1)
	future := 0
	for s := range n {
		if an.ci.inSentence("future", s) && !an.overranIn(s) {
			future++
		}
	}
	return float64(future) / float64(n), an.ci.inSentence("future", 0) && !an.overranIn(0)
}

// overranIn reports whether sentence s says planned work overran ("a duré
// plus longtemps que prévu"): its "prévu", "programmée" tell of the work
// that went wrong, not of a cut to come.
func (an *analysis) overranIn(s int) bool {
	for _, h := range an.lex {
		if an.class(h) == classOverran && an.d.toks[h.from].sent == s {
			return true
		}
	}
	return false
}

// futureTriggerShare returns the share of the active outage words near
// a subject that a future cue governs, right before them ("sera
// interrompu", "will be down", "ستكون متوقفة"): a cut announced, not one
// that happened.
func (an *analysis) futureTriggerShare() float64 {
	n, future := 0, 0
	for i, h := range an.lex {
		if !an.withSubject[i] {
			continue
		}
		n++
		if an.ci.before(an.d, "future", h.from, futureGap) {
			future++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(future) / float64(n)
}

// distinctYears counts the different years the text names ("2016",
// "2023"): a retrospective or a statistic spans years, a report names
// the day of one incident.
func (an *analysis) distinctYears() int {
	seen := map[string]bool{}
	for _, t := range an.d.toks {
		w := strings.TrimPrefix(t.norm, "و") // "و2024": and 2024
		if len(w) == 4 && isAllDigits(w) && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) {
			seen[w] = true
		}
	}
	return len(seen)
}

// futureGap is how many words may stand between a future cue and the
// outage word it governs ("sera de nouveau coupé").
const futureGap = 2

// pluralShare returns the share of the active outage words near a subject
// whose head word is a plural noun ("outages", "les pannes", "انقطاعات",
// "الاعطال"): a text about outages in general speaks in the plural, a
// report of one incident mostly in the singular.
func (an *analysis) pluralShare() float64 {
	n, plural := 0, 0
	for i, h := range an.lex {
		if !an.withSubject[i] || h.to-h.from != 1 {
			continue
		}
		n++
		if pluralNoun(an.d.toks[h.from].norm, an.lang) {
			plural++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(plural) / float64(n)
}

// pluralNoun reports whether a folded word looks like a plural noun: a
// Latin word ending in s or x (fr, en), an Arabic word with the sound
// feminine plural ات or a broken plural of the fa'al pattern (اعطال).
func pluralNoun(w, lang string) bool {
	switch lang {
	case corpus.LangArabic:
		r := []rune(w)
		return len(r) > 3 && (strings.HasSuffix(w, "ات") || strings.Contains(w, "اعطال"))
	default:
		return len(w) > 4 && (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x")) && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
	}
}
