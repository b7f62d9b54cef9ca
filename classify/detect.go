package classify

import (
	"sort"
	"strings"

	"outages/classify/model"

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
	d               *doc
	lang            string
	lex             []hit
	active          []bool // per lex hit: counts (not cancelled)
	withSubject     []bool // per lex hit (triggers): a subject is near
	fired           []Fired
	score           float64
	evidence        model.Features // detection features
	denied          bool           // the text denies the outage it names
	subjectTriggers int
	mentions        []mention
	countries       []hit
	triggerSent     map[int]bool // sentences with an active trigger
	subjectSent     map[int]map[string]bool
	names           map[string]*candidate
	ds              *dataSet
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

func (c *Classifier) analyse(text, lang string) *analysis {
	d := newDoc(text)
	an := &analysis{d: d, lang: lang, ds: c.data, triggerSent: map[int]bool{}, subjectSent: map[int]map[string]bool{}, names: map[string]*candidate{}}
	ds := c.data
	an.lex = ds.lexM[lang].find(d)
	an.active = make([]bool, len(an.lex))
	an.withSubject = make([]bool, len(an.lex))
	for i := range an.active {
		an.active[i] = true
	}
	class := func(h hit) string { return ds.lex[h.owner].class }

	// A trigger inside a longer trigger, or covered by another sense of
	// the word, does not count.
	for i, h := range an.lex {
		switch class(h) {
		case classSense:
			for j, t := range an.lex {
				if class(t) == classTrigger && t.from < h.to && h.from < t.to {
					an.active[j] = false
				}
			}
		case classTrigger:
			for j, t := range an.lex {
				if j != i && class(t) == classTrigger && an.active[j] && t.from <= h.from && h.to <= t.to && (t.to-t.from) > (h.to-h.from) {
					an.active[i] = false
				}
			}
		}
	}
	// Two trigger hits on the same tokens count once.
	seenTrig := map[[2]int]bool{}
	for i, h := range an.lex {
		if class(h) == classTrigger && an.active[i] {
			k := [2]int{h.from, h.to}
			if seenTrig[k] {
				an.active[i] = false
			}
			seenTrig[k] = true
		}
	}

	c.findMentions(an)

	// Subjects per sentence.
	subjAt := func(sent int, kind string) {
		if an.subjectSent[sent] == nil {
			an.subjectSent[sent] = map[string]bool{}
		}
		an.subjectSent[sent][kind] = true
	}
	type pos struct{ tok, sent int }
	var subjects []pos
	for _, h := range an.lex {
		switch class(h) {
		case classSubject, classInternet, classPower, classTelecom, classBanking:
			subjects = append(subjects, pos{h.from, d.toks[h.from].sent})
			subjAt(d.toks[h.from].sent, class(h))
		}
	}
	for _, m := range an.mentions {
		if !m.channel && !m.weak {
			subjects = append(subjects, pos{m.from, m.sent})
		}
	}

	// Planned work that overran is an incident, not an announcement.
	overran := false
	for _, h := range an.lex {
		if class(h) == classOverran {
			overran = true
		}
	}
	var ev evidence
	ev.neg = map[string][]float64{}
	for i, h := range an.lex {
		e := ds.lex[h.owner]
		f := Fired{Rule: e.rule, Class: e.class, Text: d.span(h.from, h.to), Weight: e.weight, Start: d.toks[h.from].start, End: d.toks[h.to-1].end}
		switch e.class {
		case classTrigger:
			if !an.active[i] {
				f.Note = "cancelled (other sense or longer phrase)"
				f.Weight = 0
				an.fired = append(an.fired, f)
				continue
			}
			sent := d.toks[h.from].sent
			an.triggerSent[sent] = true
			for _, s := range subjects {
				if s.sent == sent && abs(s.tok-h.from) <= subjectWindow && (s.tok < h.from || s.tok >= h.to) {
					an.withSubject[i] = true
					break
				}
			}
			if d.toks[h.from].para == 0 {
				ev.titleTrigger = true
			}
			if an.withSubject[i] {
				an.subjectTriggers++
				f.Note = "near a subject"
				ev.trig = append(ev.trig, e.weight)
			} else {
				f.Note = "no subject near"
				ev.loose = append(ev.loose, e.weight)
			}
		case classReport:
			ev.report += e.weight
		case classPlanned:
			if overran {
				f.Note = "the planned work overran: an incident"
				f.Weight = 0
				break
			}
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
		case classSense, classGeneral, classDenial:
			ev.neg[e.class] = append(ev.neg[e.class], e.weight)
		default:
			continue
		}
		an.fired = append(an.fired, f)
	}
	ev.overran = overran
	for _, m := range an.mentions {
		if !m.channel && !m.weak && d.toks[m.from].para == 0 {
			ev.titleService = true
		}
	}
	an.evidence = ev.features()
	an.denied = ev.denied()
	an.score = c.weights.Score(model.SlotDetect, an.evidence)
	return an
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
	covered := -1
	var keep []hit
	for _, h := range hits {
		if !ds.services[h.owner].langs[an.lang] || h.from < covered {
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
	for _, h := range keep {
		s := ds.services[h.owner]
		if _, ok := an.names[s.name]; !ok {
			an.names[s.name] = &candidate{key: s.name, svc: h.owner, kind: s.kind, aliases: s.aliases, rule: s.rule}
		}
		an.mentions = append(an.mentions, mention{key: s.name, svc: h.owner, from: h.from, to: h.to, sent: d.toks[h.from].sent, channel: channelEnd[h.from]})
	}
	an.countries = ds.ctyM.find(d)
	c.findNamedByPattern(an, keep)
	sort.SliceStable(an.mentions, func(i, j int) bool { return an.mentions[i].from < an.mentions[j].from })
}

// findNamedByPattern finds capitalised Latin-script names that a cue word
// ("l'opérateur X", "شركة X") or an outage word ("X outage", "panne chez
// X") presents as a service.
func (c *Classifier) findNamedByPattern(an *analysis, known []hit) {
	ds, d := c.data, an.d
	taken := make([]bool, len(d.toks))
	for _, h := range known {
		for k := h.from; k < h.to; k++ {
			taken[k] = true
		}
	}
	for _, h := range an.countries {
		for k := h.from; k < h.to; k++ {
			taken[k] = true
		}
	}
	notName := ds.notName[an.lang]
	isNameTok := func(k int) bool {
		t := d.toks[k]
		return k >= 0 && !t.arabic && t.upper && !taken[k] && !notName[t.norm] && len(t.norm) > 1
	}
	// nameAt returns the capitalised run starting at k (at most 4 words,
	// in one sentence, adjacent in the text).
	nameAt := func(k int) (int, int, bool) {
		if k < 0 || k >= len(d.toks) || !isNameTok(k) {
			return 0, 0, false
		}
		// Not the first word of a sentence: capitalisation proves nothing there.
		if k == 0 || d.toks[k-1].sent != d.toks[k].sent {
			return 0, 0, false
		}
		end := k + 1
		for end < len(d.toks) && end-k < 4 && isNameTok(end) && d.toks[end].sent == d.toks[k].sent && d.toks[end].start-d.toks[end-1].end <= 1 {
			end++
		}
		return k, end, true
	}
	nameBefore := func(k int) (int, int, bool) {
		if k <= 0 || !isNameTok(k-1) {
			return 0, 0, false
		}
		start := k - 1
		for start > 0 && k-start < 4 && isNameTok(start-1) && d.toks[start-1].sent == d.toks[k-1].sent && d.toks[start].start-d.toks[start-1].end <= 1 {
			start--
		}
		if start == 0 || d.toks[start-1].sent != d.toks[start].sent {
			return 0, 0, false
		}
		return start, k, true
	}
	var addMention func(from, to int, kind, rule string, weak bool)
	add := func(from, to int, kind, rule string) {
		addMention(from, to, kind, rule, false)
	}
	addMention = func(from, to int, kind, rule string, weak bool) {
		name := d.span(from, to)
		name = strings.TrimSpace(name)
		if name == "" {
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
			taken[k] = true
		}
	}
	// "the CCRA website was down": a capitalised name and the website or
	// app it runs, in a sentence with an outage word.
	if an.lang == corpus.LangEnglish {
		for k := 1; k < len(d.toks); k++ {
			if !siteNouns[d.toks[k].norm] || !an.triggerSentAt(d.toks[k].sent) {
				continue
			}
			if from, to, ok := nameBefore(k); ok && to == k {
				add(from, k+1, corpus_online, "name and site noun")
			}
		}
	}
	// Sites named by their domain ("CCRA.US was down", "lemonde.fr est
	// inaccessible") in a sentence with an outage word.
	for k := 0; k+1 < len(d.toks); k++ {
		a, b := d.toks[k], d.toks[k+1]
		if !topLevelDomains[b.norm] || a.arabic || taken[k] || b.start != a.end+1 || d.text[a.end] != '.' || !an.triggerSentAt(a.sent) {
			continue
		}
		if k+2 < len(d.toks) && d.toks[k+2].start == b.end+1 && d.text[b.end] == '.' {
			continue // a longer dotted name: not handled
		}
		for j := k; j < k+2; j++ {
			taken[j] = false
		}
		add(k, k+2, corpus_online, "domain name")
	}
	// "Aix-Marseille-Provence subit une cyberattaque": a capitalised name
	// opening a sentence right before an outage or incident verb is its
	// subject, when nothing else names a service.
	if len(known) == 0 {
		verbAt := map[int]bool{}
		for i, h := range an.lex {
			if cl := ds.lex[h.owner].class; (cl == classReport || cl == classTrigger) && an.active[i] {
				verbAt[h.from] = true
			}
		}
		for k := range d.toks {
			if k > 0 && d.toks[k-1].sent == d.toks[k].sent {
				continue
			}
			if !isNameTok(k) {
				continue
			}
			end := k + 1
			for end < len(d.toks) && end-k < 4 && isNameTok(end) && d.toks[end].sent == d.toks[k].sent && d.toks[end].start-d.toks[end-1].end <= 1 {
				end++
			}
			if end < len(d.toks) && d.toks[end].sent == d.toks[k].sent && verbAt[end] && (end-k > 1 || strings.Contains(d.span(k, end), "-")) {
				addMention(k, end, corpus_online, "sentence subject", true)
			}
		}
	}
	for i, h := range an.lex {
		e := ds.lex[h.owner]
		switch e.class {
		case classNameCue:
			if from, to, ok := nameAt(h.to); ok {
				add(from, to, cueKind(e.phrase), e.rule)
			}
		case classTrigger:
			if !an.active[i] {
				continue
			}
			// "X outage", "X's outage"
			if an.lang == "en" {
				k := h.from
				if k > 0 && d.toks[k-1].norm == "s" {
					k--
				}
				if from, to, ok := nameBefore(k); ok {
					add(from, to, corpus_online, e.rule)
				}
			}
			// "panne (géante) chez X", "panne de X", "outage at X"
			for k := h.to; k < len(d.toks) && k <= h.to+1; k++ {
				switch d.toks[k].norm {
				case "chez", "de", "d", "du", "at", "of", "on":
					if from, to, ok := nameAt(k + 1); ok {
						add(from, to, corpus_online, e.rule)
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
