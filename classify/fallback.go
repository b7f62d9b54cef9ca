package classify

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"outages/corpus"
)

// Name derivation for outage reports that name no known service: the most
// salient capitalised name (Latin script) or the Arabic noun phrase after
// a cue word, nearest the outage words of the title and first sentences.

// fallbackSpan is how many sentences from the top (title included) are
// searched first for the outage words a derived name must be near.
const fallbackSpan = 4

// fallbackWindow is how many tokens may separate a derived name from the
// outage word it is scored against.
const fallbackWindow = 20

// nameConnectors may join the capitalised words of one name ("Banque de
// Savoie", "Bank of Lorraine"), never start or end it. "and" and "et"
// are not among them: they join the items of a list of names ("X et Y
// sont en panne") far more often than the words of one.
var nameConnectors = map[string]bool{
	"n": true, "de": true, "du": true, "des": true, "d": true, "la": true, "l": true,
	"of": true, "the": true, "&": true,
}

// leadDeterminers are stripped from the start of a derived name.
var leadDeterminers = map[string]bool{
	"le": true, "la": true, "les": true, "l": true, "the": true, "a": true, "an": true,
	"un": true, "une": true, "de": true, "du": true, "des": true, "d": true, "of": true,
}

// arabicNameCues present the name of a service that follows them. The
// value says whether the cue word is part of the name ("بنك مصر").
var arabicNameCues = map[string]bool{
	"منصه": false, "تطبيق": false, "بنك": true, "مصرف": true, "شركه": false,
	"موقع": false, "خدمه": false, "شبكه": false, "بوابه": false, "مشغل": false, "مؤسسه": false,
	"متاجر": false, "محلات": false, "سلسله": false, // retail chains ("متاجر كارفور")
	// institutions named with their place ("مطار مسقط الدولي", "مستشفى
	// البصرة التعليمي", "ميناء أم قصر")
	"مطار": true, "مستشفي": true, "ميناء": true, "مديريه": true, "جامعه": true, "مترو": true,
}

// arabicTimeNouns are lengths and spans of time: after a preposition
// ("لساعات", "ليومين") they end a name.
var arabicTimeNouns = map[string]bool{
	"ساعات": true, "ساعه": true, "ساعتين": true, "يوم": true, "يومين": true, "ايام": true,
	"دقائق": true, "دقيقه": true, "اسبوع": true, "اسابيع": true, "مده": true, "فتره": true,
}

// arabicClauseStart reports whether an Arabic word ends a name rather
// than going on with it: the conjunction و on a word that does not take
// the article ("ويحرم", "وأعلنت"; "والتعليم" goes on), or a length of
// time after a preposition ("لساعات").
func arabicClauseStart(w string) bool {
	if strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "وال") && utf8.RuneCountInString(w) > 3 {
		return true
	}
	for _, p := range []string{"ل", "ب"} {
		if rest, ok := strings.CutPrefix(w, p); ok && arabicTimeNouns[rest] {
			return true
		}
	}
	return false
}

// kindCues give the kind of a derived service from words of the text.
var kindCues = []struct {
	words []string
	kind  string
}{
	{[]string{"operateur", "operator", "carrier", "مشغل", "اتصالات"}, corpus.KindTelecom},
	{[]string{"hebergeur", "cloud", "datacenter", "السحابه"}, corpus.KindCloud},
	{[]string{"electricite", "electrique", "grid", "كهرباء", "الكهرباء"}, corpus.KindPower},
}

// derivedName is a name the text presents as the subject of its outage.
type derivedName struct {
	name     string
	from, to int
	score    float64
}

// deriveService finds the service an outage report is about when no known
// service is named: its name (possibly ""), kind and the mentions of it.
func (c *Classifier) deriveService(an *analysis) (*candidate, []mention) {
	names := c.rankedNames(an)
	if len(names) == 0 {
		kind := c.derivedKind(an, -1, -1)
		switch {
		case an.householdCut():
			kind = corpus.KindPower // homes left without power: the grid failed
		case kind == corpus.KindOnlineService && an.utilityCut(classInternet):
			kind = corpus.KindInternet // subscribers left without internet, no provider named
		}
		key, country := c.utilityLabel(an, kind)
		cand := &candidate{key: key, svc: -1, kind: kind, rule: "derived: no name"}
		if country != "" {
			c.addRegions(an, cand, nameOfKind[kind], country, an.reportSents())
		}
		return cand, nil
	}
	return c.derivedCandidate(an, names, 0)
}

// utilityCut reports whether every sentence with an outage word near a
// subject names the utility of class cl and no other utility: "des
// milliers d'abonnés privés d'internet" is the internet's outage.
func (an *analysis) utilityCut(cl string) bool {
	found := false
	for i, h := range an.lex {
		if !an.active[i] || !an.withSubject[i] {
			continue
		}
		cls := an.subjectSent[an.d.toks[h.from].sent]
		for _, u := range []string{classInternet, classPower, classTelecom} {
			if cls[u] != (u == cl) {
				return false
			}
		}
		found = true
	}
	return found
}

// householdCut reports whether an outage word counts homes cut off
// ("300,000 homes without power"), which names no service.
func (an *analysis) householdCut() bool {
	for i, h := range an.lex {
		if e := an.ds.lex[h.owner]; an.active[i] && e.class == classTrigger && e.tag == "household" {
			cls := an.subjectSent[an.d.toks[h.from].sent]
			if (cls[classInternet] || cls[classTelecom]) && !cls[classPower] {
				continue // "la panne a privé des milliers d'abonnés d'internet"
			}
			return true
		}
	}
	return false
}

// nameOfKind labels a nameless outage of a utility kind: what went down,
// as a country-wide cut of it is named.
var nameOfKind = map[string]string{
	corpus.KindPower:    labelPower,
	corpus.KindInternet: labelInternet,
	corpus.KindTelecom:  labelTelecom,
}

// utilityLabel names a nameless outage of kind: "Power grid (Chile)" with
// the article's country (named, else the country of the places it names),
// "Power grid" without one, "" for another kind; and the country's name.
func (c *Classifier) utilityLabel(an *analysis, kind string) (string, string) {
	label := nameOfKind[kind]
	if label == "" {
		return "", ""
	}
	country := ""
	if _, top := articleCountries(an); top >= 0 {
		country = c.data.countries[top].name
	} else if c.geo != nil {
		country = c.geo.topCountry(an.d.text) // "dans le Var", "across Leeds"
	}
	if country == "" {
		return label, ""
	}
	return label + " (" + country + ")", country
}

// reportSents are the title's sentence and the sentences with an outage
// word, in text order.
func (an *analysis) reportSents() []int {
	out := []int{an.d.toks[0].sent}
	for s := range an.triggerSent {
		if s != out[0] {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// derivedCandidate is the i-th ranked derived name as a candidate, with
// every mention of it.
func (c *Classifier) derivedCandidate(an *analysis, names []derivedName, i int) (*candidate, []mention) {
	best := names[i]
	cand := &candidate{key: best.name, svc: -1, kind: c.derivedKind(an, best.from, best.to), rule: "derived name"}
	var ms []mention
	for _, n := range an.derived {
		if strings.EqualFold(n.name, best.name) {
			ms = append(ms, mention{key: best.name, svc: -1, from: n.from, to: n.to, sent: an.d.toks[n.from].sent})
		}
	}
	return cand, ms
}

// rankedNames scores the names the text presents as subjects (closeness
// to an outage word, early place, repetition, length) and returns one of
// each name, best first. Every occurrence is kept in an.derived.
func (c *Classifier) rankedNames(an *analysis) []derivedName {
	d := an.d
	if len(d.toks) == 0 {
		return nil
	}
	var trig []int // tokens of active outage words
	for i, h := range an.lex {
		if an.active[i] && an.isTrigger(h) {
			trig = append(trig, h.from)
		}
	}
	firstSent := d.toks[0].sent
	cands := c.textNames(an)
	an.derived = cands
	count := map[string]int{}
	for _, n := range cands {
		count[strings.ToLower(n.name)]++
	}
	for i := range cands {
		n := &cands[i]
		s := d.toks[n.from].sent - firstSent
		near := fallbackWindow + 1
		for _, t := range trig {
			if d.toks[t].sent != d.toks[n.from].sent {
				continue
			}
			dist := t - n.to
			if t < n.from {
				dist = n.from - t
			}
			near = min(near, max(dist, 0))
		}
		if near <= fallbackWindow {
			n.score += 6 - 5*float64(near)/fallbackWindow
		}
		if s < fallbackSpan {
			n.score += float64(fallbackSpan-s) / 2
		}
		n.score += float64(min(count[strings.ToLower(n.name)], 4))
		n.score += float64(n.to-n.from) * 0.2
	}
	best := map[string]int{}
	var out []derivedName
	for _, n := range cands {
		k := strings.ToLower(n.name)
		if j, ok := best[k]; !ok {
			best[k] = len(out)
			out = append(out, n)
		} else if n.score > out[j].score {
			out[j] = n
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].score > out[b].score })
	return out
}

// textNames lists the names of the text that may be services: Arabic
// names after cue words and Latin-script names (which Arabic texts write
// as they are: "Alaska Airlines", "BBC"), without places, outage words,
// where people posted and what works.
func (c *Classifier) textNames(an *analysis) []derivedName {
	var cands []derivedName
	if an.lang == corpus.LangArabic {
		cands = append(append(c.arabicNames(an), c.latinNames(an)...), quotedArabicNames(an)...)
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].from < cands[j].from })
	} else {
		cands = c.latinNames(an)
	}
	cands = dropLocated(an, cands) // before dropPlaces: a known place opens a list of places
	cands = c.dropPlaces(cands)
	return slices.DeleteFunc(cands, func(n derivedName) bool {
		// "Black-out à La Réunion"; where people posted; working; a
		// known service's words ("والبنك الأهلي" of "البنك الأهلي السعودي")
		return an.isOutageWord(n.from, n.to) || an.channelEnd[n.from] || an.normalAt(n.from) || within(an.mentions, n.from, n.to)
	})
}

// quotedLen is the most words a quoted Arabic name may have.
const quotedLen = 3

// quotedArabicNames lists the Arabic names the text writes between
// quotes, as Arabic news writes brands ("مشتركو «ليبارا»", "عملاء "فيرجن
// موبايل""): one to quotedLen Arabic words with no stop-word, outage
// word, cue word or country among them. A quoted phrase (speech, a term)
// is longer or holds such words.
func quotedArabicNames(an *analysis) []derivedName {
	d := an.d
	blocked := make([]bool, len(d.toks))
	for i, h := range an.lex {
		if an.active[i] || !an.isTrigger(h) {
			for k := h.from; k < h.to && k < len(d.toks); k++ {
				blocked[k] = true
			}
		}
	}
	for _, h := range an.countries {
		for k := h.from; k < h.to && k < len(d.toks); k++ {
			blocked[k] = true
		}
	}
	stop := an.ds.stop[an.lang]
	var out []derivedName
	for k := 0; k < len(d.toks); k++ {
		if !d.toks[k].arabic || !opensQuote(d, k) {
			continue
		}
		end := k
		for end < len(d.toks) && end-k < quotedLen && d.toks[end].arabic && !blocked[end] && !stop[d.toks[end].norm] && (end == k || !closesName(d, end)) {
			end++
		}
		if end == k || !quoted(d.text, d.toks[k].start, d.toks[end-1].end) || utf8.RuneCountInString(d.toks[k].norm) < 2 {
			continue
		}
		if an.ci.before(d, "usersof", k, 1) || quotedListed(d, k, end) {
			out = append(out, derivedName{name: d.text[d.toks[k].start:d.toks[end-1].end], from: k, to: end})
		}
		k = end - 1
	}
	return out
}

// quotedListed reports whether the quoted name [from, to) is an item of
// a list of quoted names ("«موريتل» و«ماتل» و«شنقيتل»"): a conjunction
// or a comma joins it to a quote before or after it.
func quotedListed(d *doc, from, to int) bool {
	before := strings.TrimRight(d.text[:d.toks[from].start], " \"«“")
	after := d.text[d.toks[to-1].end:]
	after = strings.TrimLeft(after, " \"»”")
	return strings.HasSuffix(before, "و") && (strings.HasSuffix(strings.TrimSuffix(before, "و"), "»") || strings.HasSuffix(strings.TrimRight(strings.TrimSuffix(before, "و"), " "), "»")) ||
		strings.HasPrefix(after, "و«") || strings.HasPrefix(after, "، «") || strings.HasPrefix(after, "،«") || strings.HasPrefix(after, "و\"")
}

// opensQuote reports whether a quote mark stands right before token k.
func opensQuote(d *doc, k int) bool {
	before := strings.TrimRight(d.text[:d.toks[k].start], " ")
	for _, q := range quoteMarks {
		if strings.HasSuffix(before, q[0]) {
			return true
		}
	}
	return false
}

// dropPlaces drops the derived names that are only a place (a city, a
// region, a country's other name: "Nairobi", "الرياض"): a place is where
// an outage happened, never the service that failed.
func (c *Classifier) dropPlaces(cands []derivedName) []derivedName {
	keep := cands[:0]
	for _, n := range cands {
		if !c.isPlace(n.name) {
			keep = append(keep, n)
		}
	}
	return keep
}

// isOutageWord reports whether tokens [from, to) are all inside one
// outage word of the lexicon: a capitalised "Black-out" is no name.
func (an *analysis) isOutageWord(from, to int) bool {
	for _, h := range an.lex {
		if an.isTrigger(h) && h.from <= from && to <= h.to {
			return true
		}
	}
	return false
}

// placePreps are the prepositions that put a place after them ("in
// Horfield", "à Décines", "dans le Rhône" is no name's start): a name the
// text writes after one is a place, not a service.
var placePreps = map[string]map[string]bool{
	corpus.LangEnglish: {"in": true, "across": true, "near": true, "around": true, "throughout": true, "outside": true},
	corpus.LangFrench:  {"a": true, "dans": true, "en": true, "vers": true, "pres": true},
}

// datives are the French verbs whose "à" names who is told, asked or
// ordered, not where ("a ordonné à Réseaux Boréal de dédommager").
var datives = map[string]bool{
	"ordonne": true, "demande": true, "impose": true, "reproche": true, "inflige": true, "enjoint": true,
	"conseille": true, "recommande": true, "propose": true, "permis": true, "permet": true, "interdit": true,
	"envoye": true, "adresse": true, "ecrit": true, "repondu": true, "rappele": true, "rappelle": true,
	"explique": true, "indique": true, "confirme": true, "signale": true, "annonce": true, "appartient": true,
	"appartenant": true, "vendu": true, "cede": true, "confie": true, "facture": true, "reclame": true,
}

// dativeGap is how many words before an "à" a verb of datives may stand
// ("a ordonné jeudi à").
const dativeGap = 3

// placeNouns are the nouns of parts of a territory whose "of" or "de"
// puts a place after them ("parts of Gippsland", "les quartiers
// d'Outremeuse", "a resident of Imphal East").
var placeNouns = map[string]map[string]bool{
	corpus.LangEnglish: {"part": true, "parts": true, "area": true, "areas": true, "district": true, "districts": true,
		"suburb": true, "suburbs": true, "neighbourhood": true, "neighbourhoods": true, "neighborhood": true,
		"neighborhoods": true, "region": true, "regions": true, "province": true, "provinces": true, "county": true,
		"village": true, "villages": true, "town": true, "towns": true, "resident": true, "residents": true,
		"outskirts": true, "municipality": true, "governorate": true, "islands": true},
	corpus.LangFrench: {"partie": true, "quartier": true, "quartiers": true, "commune": true, "communes": true,
		"region": true, "departement": true, "village": true, "villages": true, "arrondissement": true,
		"banlieue": true, "secteur": true, "secteurs": true, "habitants": true, "localite": true, "localites": true,
		"wilaya": true, "gouvernorat": true, "agglomeration": true, "canton": true, "province": true, "iles": true},
}

// dropLocated drops the derived names the text writes as places at least
// once: places absent from geo.tsv, after a locative preposition
// ("residents in Horfield", "à Meyzieu") or a noun of a part of a
// territory ("parts of Gippsland"), and the names listed after such a
// place ("in Bohol, Cebu and Southern Leyte", "des quartiers
// d'Outremeuse et de Longdoz").
func dropLocated(an *analysis, cands []derivedName) []derivedName {
	if placePreps[an.lang] == nil {
		return cands
	}
	place := map[string]bool{}
	prev := -1 // the last place found
	for i, n := range cands {
		if locatedAt(an, n.from) || prev >= 0 && listedAfter(an.d, cands[prev], n, placePreps[an.lang]) {
			place[strings.ToLower(n.name)] = true
			prev = i
		}
	}
	if len(place) == 0 {
		return cands
	}
	return slices.DeleteFunc(cands, func(n derivedName) bool { return place[strings.ToLower(n.name)] })
}

// locatedAt reports whether the name starting at token k is written as a
// place: right after a locative preposition (not the dative "à" of "a
// ordonné à X"), or after a noun of a part of a territory and its "of".
func locatedAt(an *analysis, k int) bool {
	d := an.d
	j := k - 1
	if j < 0 || d.toks[j].sent != d.toks[k].sent {
		return false
	}
	if placePreps[an.lang][d.toks[j].norm] {
		return !wordWithin(d, j, dativeGap, datives)
	}
	for ; j >= 0 && j >= k-2 && nameConnectors[d.toks[j].norm] && d.toks[j].sent == d.toks[k].sent; j-- {
	}
	return j >= 0 && j < k-1 && d.toks[j].sent == d.toks[k].sent && placeNouns[an.lang][d.toks[j].norm]
}

// listedAfter reports whether name n is the next item of a list after
// name p: only commas, joining words, connectors and locative
// prepositions (preps) between, at most three words ("Bohol, Cebu",
// "d'Outremeuse et de Longdoz", "à Meyzieu et à Décines").
func listedAfter(d *doc, p, n derivedName, preps map[string]bool) bool {
	if n.from < p.to || n.from-p.to > 3 || d.toks[n.from].sent != d.toks[p.from].sent {
		return false
	}
	for k := p.to; k < n.from; k++ {
		w := d.toks[k].norm
		if !listJoiners[w] && !nameConnectors[w] && !preps[w] {
			return false
		}
	}
	return n.from > p.to || listBreak(d, n.from)
}

// isPlace reports whether a name is only the name of a place of geo.tsv
// or countries.tsv.
func (c *Classifier) isPlace(name string) bool {
	if c.geo == nil {
		return false
	}
	_, ok := c.geo.codeOf(name)
	return ok
}

// derivedKind is the kind of a derived service: from cue words in and
// right before its name, else anywhere in the text, else online_service.
func (c *Classifier) derivedKind(an *analysis, from, to int) string {
	d := an.d
	match := func(lo, hi int) string {
		for _, kc := range kindCues {
			for k := max(lo, 0); k < hi && k < len(d.toks); k++ {
				if an.notUtilityAt(k) {
					continue // "فواتير الكهرباء", "electricity bills"
				}
				norm := d.toks[k].norm
				for _, w := range kc.words {
					if norm == w || strings.TrimPrefix(norm, "ال") == strings.TrimPrefix(w, "ال") || (strings.HasPrefix(norm, w) && len(w) >= 5) {
						return kc.kind
					}
				}
			}
		}
		return ""
	}
	if from >= 0 {
		for k := max(from-3, 0); k < to; k++ {
			switch d.toks[k].norm {
			case "banque", "bank", "بنك", "مصرف", "caisse":
				return corpus.KindOnlineService
			}
		}
		if k := match(from-3, to); k != "" {
			return k
		}
	}
	if an.headKind == nil {
		k := match(0, min(len(d.toks), headKindSpan))
		an.headKind = &k
	}
	if *an.headKind != "" {
		return *an.headKind
	}
	return corpus.KindOnlineService
}

// notUtilityAt reports whether token k is inside a phrase that looks like
// a utility's but names something else (lexicon notutility: "site
// internet", "electricity bills").
func (an *analysis) notUtilityAt(k int) bool {
	if an.notUtil == nil {
		an.notUtil = make([]bool, len(an.d.toks))
		for _, h := range an.lex {
			if an.class(h) == classNotUtility {
				for j := h.from; j < h.to && j < len(an.notUtil); j++ {
					an.notUtil[j] = true
				}
			}
		}
	}
	return k >= 0 && k < len(an.notUtil) && an.notUtil[k]
}

// headKindSpan is how many words at the start of a text derivedKind reads
// for a kind cue when the name has none.
const headKindSpan = 60

// latinNames lists the capitalised names of the text that may be services:
// runs of capitalised words (joined by "de", "of"…), without determiners,
// stop-words, weekdays, months, countries or known generic words.
func (c *Classifier) latinNames(an *analysis) []derivedName {
	nw := c.newNameWords(an)
	d := an.d
	var out []derivedName
	for k := 0; k < len(d.toks); k++ {
		if e := institutionEnd(an, k, nw.cont, nw.country); e > 0 && !nw.inSkippedTitle(k) {
			out = append(out, derivedName{name: strings.TrimSpace(d.text[d.toks[k].start:d.toks[e-1].end]), from: k, to: e})
			k = e - 1
			continue
		}
		if !nw.cap(k) && !nw.opens(k) && !nw.article(k) || nw.product[k] || nw.known[k] || nw.inSkippedTitle(k) {
			continue
		}
		end := nameEnd(an, k, nw.cont, nw.country)
		if within(an.mentions, k, end) {
			k = end - 1
			continue // a service of the gazetteer, or a part of its name ("RED" of "RED by SFR")
		}
		from, ok := nw.nameStart(k, end)
		k = end - 1
		if ok {
			out = append(out, derivedName{name: strings.TrimSpace(d.text[d.toks[from].start:d.toks[end-1].end]), from: from, to: end})
		}
	}
	return repeatedOpeners(d, out, func(n derivedName) bool {
		return verbDown(an, n.to) || selfDown(an, n.to) || nw.titleCase && inTitle(d, n.name) || usersHit(an, n)
	})
}

// nameWords tells which words of a Latin-script text may be words of a
// name (latinNames).
type nameWords struct {
	an                       *analysis
	notName, authority, stop map[string]bool
	lower                    map[string]bool // words also written in lower case: common words
	country, product, known  []bool          // words of countries (and of what a namer names); of a product after a service; of the gazetteer's services, but their first
	titleCase                bool            // the title capitalises most words: it proves nothing about names
}

func (c *Classifier) newNameWords(an *analysis) *nameWords {
	d, ds := an.d, c.data
	nw := &nameWords{an: an, notName: ds.notName[an.lang], authority: ds.authority[an.lang], stop: ds.stop[an.lang]}
	nw.country = an.countryTokens()
	for k, named := range an.namedByNamer() {
		nw.country[k] = nw.country[k] || named
	}
	nw.lower = lowerWords(d)
	nw.titleCase = titleInTitleCase(d, nw.stop)
	nw.product = an.productWords(nw.cap)
	nw.known = make([]bool, len(d.toks))
	for _, m := range an.mentions {
		for j := m.from + 1; j < m.to && m.svc >= 0; j++ {
			nw.known[j] = true
		}
	}
	return nw
}

// cap reports whether token k is a capitalised word that may be a name's.
func (nw *nameWords) cap(k int) bool {
	t := nw.an.d.toks[k]
	return !t.arabic && t.upper && !nw.country[k] && !nw.notName[t.norm] && !nw.stop[t.norm] && len(t.norm) > 1 && !isAllDigits(t.norm)
}

// cont reports whether token k may go on with a name: a word that is no
// name by itself may ("Banque Nationale", "Virgin Plus"), unless it is a
// date, an authority or a technical term.
func (nw *nameWords) cont(k int) bool {
	t := nw.an.d.toks[k]
	if !nw.notName[t.norm] || nw.authority[t.norm] || frenchDateWords[t.norm] || englishDateWords[t.norm] || techWords[t.norm] {
		return nw.cap(k)
	}
	return !t.arabic && t.upper && !nw.country[k] && !nw.stop[t.norm] && len(t.norm) > 1
}

// opens reports whether token k, a country's name or adjective, opens a
// name: a capitalised word follows it ("British Library", "Swiss Post").
func (nw *nameWords) opens(k int) bool {
	d := nw.an.d
	t := d.toks[k]
	return nw.country[k] && t.upper && !t.arabic && k+1 < len(d.toks) && d.toks[k+1].sent == t.sent &&
		d.toks[k+1].start-t.end <= 1 && nw.cap(k+1) && !listBreak(d, k+1)
}

// article reports whether token k is a capitalised article inside a
// sentence before a capitalised word: the name's own ("Le Monde").
func (nw *nameWords) article(k int) bool {
	d := nw.an.d
	return nw.ownArticle(k) && k+1 < len(d.toks) && nw.cap(k+1) && d.toks[k+1].sent == d.toks[k].sent && !listBreak(d, k+1)
}

// ownArticle reports whether token k is a capitalised French article
// inside a sentence: the name's own ("Le Monde", "La Presse"). English
// names are given without theirs ("Royal Melbourne Hospital", not "The
// Royal Melbourne Hospital").
func (nw *nameWords) ownArticle(k int) bool {
	d := nw.an.d
	return nw.an.lang == corpus.LangFrench && d.toks[k].upper && leadDeterminers[d.toks[k].norm] && !opensSentence(d, k)
}

// inSkippedTitle reports whether token k is in a title in title case.
func (nw *nameWords) inSkippedTitle(k int) bool {
	return nw.titleCase && nw.an.d.toks[k].para == 0
}

// nameStart returns where the name of the run [k, end) starts once its
// articles and the people named before it are left out, and whether the
// run is a name at all.
func (nw *nameWords) nameStart(k, end int) (int, bool) {
	an, d := nw.an, nw.an.d
	from := k
	for from < end && leadDeterminers[d.toks[from].norm] && !(nw.ownArticle(from) && from+1 < end) {
		from++
	}
	if e := an.ci.endOf("usersof", from); e > from && e < end {
		from = e // "Patients of KEM Hospital": the users are no part of the name
	}
	switch {
	case from >= end:
		return from, false
	case opensSentence(d, from) && end-from == 1 && nw.lower[d.toks[from].norm]:
		return from, false // "Customers", "Depuis": a common word opening a sentence
	case end-from == 1 && nw.lower[d.toks[from].norm] && len(d.toks[from].norm) < 4:
		return from, false
	case end < len(d.toks) && d.toks[end].sent == d.toks[from].sent && nw.authority[d.toks[end].norm]:
		return from, false // "Federal Communications Commission": an authority, no service
	}
	return from, true
}

// within reports whether tokens [from, to) lie inside the name of a
// service of the gazetteer the text names.
func within(ms []mention, from, to int) bool {
	for _, m := range ms {
		if m.svc >= 0 && m.from <= from && to <= m.to {
			return true
		}
	}
	return false
}

// institutions are the nouns French writes in lower case before the
// place an institution serves ("l'aéroport de Zurich", "la mairie de
// Riom", "le centre hospitalier de Dax"), and the ministries and
// departments of both languages before what they are in charge of ("le
// ministère de l'Intérieur", "the Ministry of Education"): with it, a
// name, never the bare "Education".
var institutions = map[string]map[string]bool{
	corpus.LangFrench: {"aeroport": true, "mairie": true, "hopital": true, "clinique": true, "prefecture": true,
		"universite": true, "gare": true, "metro": true, "tramway": true, "port": true, "hospitalier": true,
		"ministere": true},
	corpus.LangEnglish: {"ministry": true, "department": true},
}

// institutionEnd returns the end of the institution's name that starts at
// token k ("aéroport de Zurich", "centre hospitalier de Dax"), or 0: an
// institution noun, "de", then a capitalised name or a country.
func institutionEnd(an *analysis, k int, capTok func(int) bool, country []bool) int {
	d := an.d
	inst := institutions[an.lang]
	j := k
	if inst == nil || !inst[d.toks[j].norm] && !(d.toks[j].norm == "centre" && j+1 < len(d.toks) && d.toks[j+1].norm == "hospitalier") {
		return 0
	}
	if d.toks[j].norm == "centre" {
		j++
	}
	if j+1 < len(d.toks) && !d.toks[j+1].upper && !nameConnectors[d.toks[j+1].norm] && d.toks[j+1].sent == d.toks[k].sent && !listBreak(d, j+1) && !an.ds.stop[an.lang][d.toks[j+1].norm] {
		j++ // an adjective: "métro léger de Tunis", "aéroport international de Carthage"
	}
	if j+2 >= len(d.toks) || !nameConnectors[d.toks[j+1].norm] || d.toks[j+2].sent != d.toks[k].sent {
		return 0
	}
	at := j + 2
	if nameConnectors[d.toks[at].norm] && at+1 < len(d.toks) { // "de la Ville"
		at++
	}
	if !capTok(at) && !country[at] || listBreak(d, at) || listBreak(d, j+1) {
		return 0
	}
	return nameEnd(an, at, capTok, country)
}

// compoundEnds are the words that, joined by a hyphen, make a name an
// adjective ("Bengaluru-based", "state-owned").
var compoundEnds = map[string]bool{
	"based": true, "owned": true, "run": true, "led": true, "backed": true, "born": true, "wide": true,
	"style": true, "like": true, "related": true, "linked": true, "operated": true, "controlled": true, "funded": true,
	"listed": true, "made": true, "type": true, "bound": true, "area": true,
}

// compass are the words that make a country's name a region ("Atlantic
// Canada", "Northern Ireland", "Afrique de l'Ouest"), not a company's
// national branch.
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "atlantic": true, "pacific": true, "upper": true, "lower": true, "greater": true,
	"nord": true, "sud": true, "est": true, "ouest": true, "haute": true, "basse": true,
}

// allCompass reports whether tokens [from, to) are all compass words.
func allCompass(d *doc, from, to int) bool {
	for k := from; k < to; k++ {
		if !compass[d.toks[k].norm] {
			return false
		}
	}
	return true
}

// nameLen is the most words a derived name may have.
const nameLen = 6

// nameEnd returns the end of the run of name words that starts at token
// k: capitalised words, joined by connectors ("Banque de France", "CHR de
// la Citadelle"), a lower-case word joined by a hyphen ("Urgences-santé"),
// a number between two of them ("Group 1 Automotive"), and a country's
// name closing it ("Aziza Tunisie", "Orange Côte d'Ivoire").
func nameEnd(an *analysis, k int, capTok func(int) bool, country []bool) int {
	d := an.d
	joins := func(j int) bool { // token j goes on with the name before it
		return j < len(d.toks) && d.toks[j].sent == d.toks[k].sent && d.toks[j].start-d.toks[j-1].end <= 2 && !listBreak(d, j)
	}
	end := k + 1
	for end-k < nameLen && joins(end) {
		t := d.toks[end]
		switch {
		case capTok(end) || d.gapBefore(end) == "-" && !t.arabic && len(t.norm) > 1 && !compoundEnds[t.norm]:
			end++
			continue
		case (nameConnectors[t.norm] || isAllDigits(t.norm) && len(t.norm) <= 4) && joins(end+1) && (capTok(end+1) || frenchNamedDate(an, end+1)):
			end += 2 // a connector or a number, then a capitalised word
			continue
		case isAllDigits(t.norm) && len(t.norm) <= 3 && (!joins(end+1) || listJoiners[d.toks[end+1].norm]):
			end++ // a number closing the name ("NHS 111 and", "Metro Line 1,")
		case nameConnectors[t.norm] && joins(end+1) && nameConnectors[d.toks[end+1].norm] && joins(end+2) && capTok(end+2):
			end += 3 // "de la", "de l'"
			continue

		case country[end] && t.upper && !t.arabic && !allCompass(d, k, end):
			for end < len(d.toks) && country[end] && joins(end) {
				end++
			}
		}
		break
	}
	return end
}

// productWords marks the capitalised words of a service's product, the
// run that starts right after its name (afterService).
func (an *analysis) productWords(capTok func(int) bool) []bool {
	d := an.d
	product := make([]bool, len(d.toks))
	for k := range d.toks {
		if !capTok(k) {
			continue
		}
		product[k] = an.afterService(k) || k > 0 && product[k-1] && d.toks[k].sent == d.toks[k-1].sent && d.gapBefore(k) == " "
	}
	return product
}

// frenchDateWords are the French months and weekdays: written in lower
// case, so that a capitalised one after "de" is part of a name
// ("Coopérative de Mai").
var frenchDateWords = map[string]bool{
	"janvier": true, "fevrier": true, "mars": true, "avril": true, "mai": true, "juin": true, "juillet": true,
	"aout": true, "septembre": true, "octobre": true, "novembre": true, "decembre": true,
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true, "vendredi": true, "samedi": true, "dimanche": true,
}

// techWords are the technical terms of outage news: never inside a
// name ("Attaque DDoS", "Cloudflare DNS").
var techWords = map[string]bool{
	"ddos": true, "dns": true, "bgp": true, "cdn": true, "http": true, "https": true, "downdetector": true, "detector": true,
	"error": true, "errors": true, "gateway": true, "isp": true, "isps": true, "status": true, "denial": true, "distributed": true,
}

// englishDateWords are the English months and weekdays: never inside a
// name ("Rogers Monday").
var englishDateWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// frenchNamedDate reports whether token k is a capitalised French month or
// weekday, inside a name.
func frenchNamedDate(an *analysis, k int) bool {
	t := an.d.toks[k]
	return an.lang == corpus.LangFrench && t.upper && frenchDateWords[t.norm]
}

// listBreak reports whether a comma, a colon, a bracket or a quote stands
// between token k-1 and token k: two names, not one ("Discord, Shopify").
func listBreak(d *doc, k int) bool {
	return strings.ContainsAny(d.gapBefore(k), ",;:()[]\"«»“”،")
}

// titleInTitleCase reports whether the title capitalises most of its
// words: then it proves nothing about names.
func titleInTitleCase(d *doc, stop map[string]bool) bool {
	up, all := 0, 0
	for _, t := range d.toks {
		if t.para > 0 {
			break
		}
		if stop[t.norm] || len(t.norm) < 3 {
			continue
		}
		all++
		if t.upper {
			up++
		}
	}
	return all >= 4 && up*10 >= all*7
}

// repeatedOpeners drops the single words opening a sentence that the text
// does not name elsewhere too, unless name says the clause makes them a
// name ("Myki also went down").
func repeatedOpeners(d *doc, out []derivedName, name func(derivedName) bool) []derivedName {
	seen := map[string]int{}
	for _, n := range out {
		seen[strings.ToLower(n.name)]++
	}
	keep := out[:0]
	for _, n := range out {
		if opensSentence(d, n.from) && n.to-n.from == 1 && seen[strings.ToLower(n.name)] < 2 && !name(n) {
			continue
		}
		keep = append(keep, n)
	}
	return keep
}

// usersHit reports whether people named right after n are said to be
// hit ("Walgreens pharmacists reported filling prescriptions manually",
// "Airbnb users could not log in"): n names a service.
func usersHit(an *analysis, n derivedName) bool {
	s := an.d.toks[n.from].sent
	return an.ci.startsAtTok("users", n.to) && (an.downSent(s) || an.ci.inSentence("listhit", s) || an.ci.inSentence("unable", s))
}

// inTitle reports whether the title (the first paragraph) names name,
// case and all, as a whole word: a title in title case proposes no name
// of its own, but one it shares with the body is a name there.
func inTitle(d *doc, name string) bool {
	end := 0
	for _, t := range d.toks {
		if t.para > 0 {
			break
		}
		end = t.end
	}
	title := d.text[:end]
	for i := strings.Index(title, name); i >= 0; {
		j := i + len(name)
		before, _ := utf8.DecodeLastRuneInString(title[:i])
		after, _ := utf8.DecodeRuneInString(title[j:])
		if (i == 0 || !isWordRune(before)) && (j == len(title) || !isWordRune(after)) {
			return true
		}
		k := strings.Index(title[j:], name)
		if k < 0 {
			break
		}
		i = j + k
	}
	return false
}

// opensSentence reports whether token k opens a sentence, or what a
// colon introduces ("Lire aussi : Comment…", "Read more: How…"), where a
// capital letter proves no name either.
func opensSentence(d *doc, k int) bool {
	return k == 0 || d.toks[k-1].sent != d.toks[k].sent || strings.Contains(d.gapBefore(k), ":")
}

// countryTokens marks the words of the countries' names and adjectives the
// text writes (countries.tsv).
func (an *analysis) countryTokens() []bool {
	country := make([]bool, len(an.d.toks))
	for _, h := range an.countries {
		for k := h.from; k < h.to && k < len(country); k++ {
			country[k] = true
		}
	}
	return country
}

// arabicNames lists the noun phrases after Arabic cue words (منصة, تطبيق,
// بنك…): up to three Arabic words, stopping at stop-words, outage words,
// countries, numbers and the end of the sentence.
func (c *Classifier) arabicNames(an *analysis) []derivedName {
	d, ds := an.d, c.data
	stop := ds.stop[an.lang]
	blocked := make([]bool, len(d.toks))
	utility := make([]bool, len(d.toks)) // internet, power or telephony words: may open a name ("شركة كهرباء الساحل")
	for i, h := range an.lex {
		cl := ds.lex[h.owner].class
		if !an.active[i] && cl == classTrigger {
			continue
		}
		switch cl {
		case classTrigger, classReport, classPlanned, classDenial, classInternet, classPower, classTelecom:
			for k := h.from; k < h.to && k < len(d.toks); k++ {
				blocked[k] = true
				utility[k] = utility[k] || cl == classInternet || cl == classPower || cl == classTelecom
			}
		}
	}
	for _, h := range an.countries {
		for k := h.from; k < h.to && k < len(d.toks); k++ {
			blocked[k] = true
		}
	}
	cueOf := func(k int) (bool, bool) { return arabicCue(d.toks[k].norm) }
	var out []derivedName
	for k := 0; k < len(d.toks); k++ {
		if !d.toks[k].arabic {
			continue
		}
		in, ok := cueOf(k)
		if !ok || k > 0 && d.toks[k-1].norm == "عن" {
			continue // "خرجت عن الخدمة": out of service, no name follows
		}
		end := k + 1
		for end < len(d.toks) && end-k <= 3 && d.toks[end].sent == d.toks[k].sent && d.toks[end].arabic && (!blocked[end] || end == k+1 && utility[end]) && !stop[d.toks[end].norm] && d.toks[end].start-d.toks[end-1].end <= 2 {
			if _, cue := cueOf(end); cue && end > k+1 {
				break
			}
			if end > k+1 && (arabicClauseStart(d.toks[end].norm) || closesName(d, end)) {
				break
			}
			if arabicNameEnds[d.toks[end].norm] || startsWithDigit(d.toks[end].norm) {
				break
			}
			end++
		}
		if end == k+1 || end == k+2 && utility[k+1] || arabicNotName[d.toks[k+1].norm] {
			continue // no name, or a word that opens none ("المنصة عبر حسابها", "الموقع الرسمي")
		}
		from := k + 1
		if in {
			from = k
		} else if in2, cue := cueOf(k + 1); cue && end > k+2 && !in2 {
			from = k + 2 // "تطبيق شركة X": the company's name
		}
		start := d.toks[from].start
		if from == k && in {
			start += cliticBytes(d.text[start:d.toks[from].end])
		}
		name := strings.TrimSpace(d.text[start:d.toks[end-1].end])
		out = append(out, derivedName{name: name, from: from, to: end})
		k = end - 1
	}
	return out
}

// arabicCue reports whether a folded word is a cue of arabicNameCues
// (with or without clitics and article), and whether it is part of the
// name it presents.
func arabicCue(norm string) (in, ok bool) {
	var buf [arabicVariantsMax]string
	for _, v := range arabicVariants(norm, buf[:0]) {
		if in, ok := arabicNameCues[v]; ok {
			return in, true
		}
	}
	return false, false
}

// arabicNotName are words that never open a service's name after a cue:
// prepositions ("عبر حسابها الرسمي": where it posted) and the adjectives
// and generic nouns that qualify the cue itself ("الموقع الرسمي",
// "الخدمات الحكومية", "شركة التوزيع").
var arabicNotName = map[string]bool{
	"عبر": true, "لدي": true, "لدى": true, "حول": true, "ضد": true, "نحو": true,
	"الرسمي": true, "الرسميه": true, "الحكومي": true, "الحكوميه": true, "الالكتروني": true, "الالكترونيه": true,
	"الرقمي": true, "الرقميه": true, "الوطني": true, "الوطنيه": true, "الجديد": true, "الجديده": true,
	"الرئيسي": true, "الرئيسيه": true, "الخاص": true, "الخاصه": true, "العام": true, "العامه": true,
	"المحلي": true, "المحليه": true, "التوزيع": true, "النقل": true, "المعنيه": true, "المعني": true,
}

// arabicNameEnds are words of time that end an Arabic name rather than go
// on with it ("بنك مسقط يوم الأحد", "منصة X مساء").
var arabicNameEnds = map[string]bool{
	"يوم": true, "اليوم": true, "امس": true, "مساء": true, "صباح": true, "ليله": true, "فجر": true, "ظهر": true,
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true, "الخميس": true, "الجمعه": true, "السبت": true,
	"لمده": true, "طوال": true, "حتي": true, "قبل": true,
	// hedges and clock words that open a time ("قرابة الرابعة عصراً",
	// "نحو الساعة العاشرة", "أول أمس")
	"قرابه": true, "نحو": true, "حوالي": true, "حوالى": true, "الساعه": true, "عند": true, "منذ": true,
	"اول": true, "صباحا": true, "عصرا": true, "ظهرا": true, "ليلا": true, "فجرا": true,
	// words that introduce a cause or a circumstance ("شركة محمول بسبب
	// عطل", "النتائج سببه هجوم")
	"بسبب": true, "سبب": true, "سببه": true, "سببها": true, "اثر": true, "جراء": true,
	"بفعل": true, "اثناء": true, "وسط": true, "عقب": true, "بعد": true, "خلال": true,
	// verbs a headline puts after its subject ("انقطاع التيار بمطار
	// القاهرة يعطل إجراءات السفر")
	"يعطل": true, "تعطل": true, "يشل": true, "تشل": true, "يربك": true, "تربك": true, "يوقف": true, "توقف": true,
	"يضرب": true, "تضرب": true, "يعرقل": true, "تعرقل": true, "يهدد": true, "تهدد": true, "يقطع": true, "تقطع": true,
	"يتسبب": true, "تتسبب": true, "يحرم": true, "تحرم": true, "يغرق": true, "تغرق": true,
}

// closesName reports whether the text between token k-1 and token k
// holds a quote or a punctuation mark: the name ends before k
// ("تطبيق "كريم" أربعين دقيقة").
func closesName(d *doc, k int) bool {
	for _, r := range d.text[d.toks[k-1].end:d.toks[k].start] {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// arabicClitics are the one-letter conjunctions and prepositions written
// onto the next word (و، ف، ب، ل).
const arabicClitics = "وفبل"

// cliticBytes is how many bytes of conjunctions and prepositions open a
// cue word that is part of a name ("لبنك مسقط" names "بنك مسقط"): the
// clitic letters before a cue of arabicNameCues, or 0.
func cliticBytes(raw string) int {
	n := 0
	for _, r := range raw {
		if !strings.ContainsRune(arabicClitics, r) || n >= 2*utf8.RuneLen(r) {
			break
		}
		rest := fold(raw[n+utf8.RuneLen(r):])
		if _, ok := arabicNameCues[rest]; ok {
			return n + utf8.RuneLen(r)
		}
		n += utf8.RuneLen(r)
	}
	return 0
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}
