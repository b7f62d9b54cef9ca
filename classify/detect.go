package classify

import (
	"sort"
	"strings"
)

// mention is a place where a service (gazetteer, country-wide or a name
// found by pattern) is named.
type mention struct {
	key      string // outage identity: service name
	svc      int    // gazetteer index, or -1
	from, to int    // tokens
	sent     int
	channel  bool // named as the channel of a statement ("via X")
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
		case classSubject, classInternet, classPower, classTelecom:
			subjects = append(subjects, pos{h.from, d.toks[h.from].sent})
			subjAt(d.toks[h.from].sent, class(h))
		}
	}
	for _, m := range an.mentions {
		if !m.channel {
			subjects = append(subjects, pos{m.from, m.sent})
		}
	}

	var trig, negs []float64
	var report float64
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
			if an.withSubject[i] {
				an.subjectTriggers++
				f.Note = "near a subject"
				trig = append(trig, e.weight)
			} else {
				f.Note = "no subject near"
				f.Weight = e.weight * noSubjectFactor
				trig = append(trig, f.Weight)
			}
		case classReport:
			report += e.weight * 0.5
			f.Weight = e.weight * 0.5
		case classSense, classGeneral, classPlanned, classDenial:
			negs = append(negs, e.weight)
		default:
			continue
		}
		an.fired = append(an.fired, f)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(trig)))
	positive, w := 0.0, 1.0
	for _, t := range trig {
		positive += t * w
		w *= triggerDecay
	}
	// Counter-evidence adds up with the same decay: a text about outages
	// in general says so many times, a report does it once in passing.
	sort.Float64s(negs)
	neg := 0.0
	w = 1.0
	for _, n := range negs {
		neg += n * w
		w *= triggerDecay
	}
	an.score = min(positive, maxPositive) + min(report, maxReport) + max(neg, -maxNegative)
	return an
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
	add := func(from, to int, kind, rule string) {
		name := d.span(from, to)
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		if _, ok := an.names[name]; !ok {
			an.names[name] = &candidate{key: name, svc: -1, kind: kind, rule: rule}
		}
		an.mentions = append(an.mentions, mention{key: name, svc: -1, from: from, to: to, sent: d.toks[from].sent})
		for k := from; k < to; k++ {
			taken[k] = true
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
		if (h.from >= m.to && h.from-m.to <= 1) || (m.from >= h.to && m.from-h.to <= 2) {
			if an.isTrigger(h) {
				return true
			}
		}
	}
	return false
}
