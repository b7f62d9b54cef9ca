package classify

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"outages/corpus"
)

// fileForeign holds the few outage words of other languages (see
// data/foreign.tsv).
const fileForeign = "foreign.tsv"

// Classes of foreign.tsv.
const (
	fgTrigger  = "trigger"
	fgPower    = "power"
	fgInternet = "internet"
	fgTelecom  = "telecom"
	fgBanking  = "banking"
	fgGeneral  = "general"
	fgPlanned  = "planned"
	fgDenial   = "denial"
	fgSense    = "sense"
	fgRelDay   = "relday"
	fgWeekday  = "weekday"
	fgMonth    = "month"
	fgCause    = "cause"
	fgUnit     = "unit"
	fgUnitPre  = "unitfirst"
	fgNumber   = "number"
	fgFuture   = "future"
	fgService  = "service"
	fgCountry  = "country"
	fgHypo     = "hypothetical"
	fgClock    = "clock"
	fgNameCue  = "namecue"
)

// Reach of a hypothetical word: the outage word it makes hypothetical
// comes at most this many words after it ("bei einem großflächigen
// Stromausfall").
const foreignHypoReach = 2

// foreignValued are the classes whose value column is a number.
var foreignValued = map[string]bool{fgRelDay: true, fgWeekday: true, fgMonth: true, fgUnit: true, fgUnitPre: true, fgNumber: true}

var foreignClasses = map[string]bool{
	fgTrigger: true, fgPower: true, fgInternet: true, fgTelecom: true, fgBanking: true, fgGeneral: true,
	fgPlanned: true, fgDenial: true, fgSense: true, fgRelDay: true, fgWeekday: true, fgMonth: true,
	fgCause: true, fgUnit: true, fgUnitPre: true, fgNumber: true, fgFuture: true, fgService: true, fgCountry: true,
	fgHypo: true, fgClock: true, fgNameCue: true,
}

// foreignEntry is one phrase of foreign.tsv.
type foreignEntry struct {
	lang   string
	class  string
	value  float64 // days (relday), weekday (1 Monday … 7 Sunday), minutes (unit), a number (number)
	cause  string  // a cause key (cause)
	names  string  // the utility class an outage word names itself (trigger: "Stromausfall" → power)
	kind   string  // the kind of a service (service)
	name   string  // a service's or a country's name as written in the output (service, country); before or after (clock)
	phrase string
	rule   string
}

// foreignLine reads one line of foreign.tsv: a language, a class, a
// value and phrases.
func (ds *dataSet) foreignLine(at string, cols []string) error {
	if len(cols) != 4 {
		return fmt.Errorf("%s: want 4 tab-separated columns (lang, class, value, phrases), got %d", at, len(cols))
	}
	lang, class := cols[0], cols[1]
	if validLang(lang) || ds.stop[lang] == nil {
		return fmt.Errorf("%s: language %q is not another language of %s", at, lang, fileStopwords)
	}
	if !foreignClasses[class] {
		return fmt.Errorf("%s: unknown class %q", at, class)
	}
	e := foreignEntry{lang: lang, class: class, rule: at}
	switch {
	case class == fgTrigger && cols[2] != "-":
		if _, ok := foreignUtility[cols[2]]; !ok {
			return fmt.Errorf("%s: a trigger names %q, not a utility class (power, internet, telecom, banking)", at, cols[2])
		}
		e.names = cols[2]
	case class == fgService:
		if !validKind(cols[2]) || cols[2] == corpus.KindOther {
			return fmt.Errorf("%s: a service's value is its kind, not %q", at, cols[2])
		}
		e.kind = cols[2]
	case class == fgClock:
		if cols[2] != "before" && cols[2] != "after" {
			return fmt.Errorf("%s: a clock word's value is before or after (the number), not %q", at, cols[2])
		}
		e.name = cols[2]
	case class == fgCountry:
		if cols[2] == "-" || strings.TrimSpace(cols[2]) == "" {
			return fmt.Errorf("%s: a country's value is its name as written in the output", at)
		}
		e.name = cols[2]
	case class == fgCause:
		if !corpus.ValidCause(cols[2]) || cols[2] == corpus.CauseUnknown {
			return fmt.Errorf("%s: %q is not a cause key", at, cols[2])
		}
		e.cause = cols[2]
	case foreignValued[class]:
		v, err := foreignValue(class, cols[2])
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		e.value = v
	case cols[2] != "-":
		return fmt.Errorf("%s: class %s takes no value (write \"-\"), got %q", at, class, cols[2])
	}
	if ds.foreignM[lang] == nil {
		ds.foreignM[lang] = newMatcher()
		ds.foreignLangs = append(ds.foreignLangs, lang)
	}
	alts := splitAlternatives(cols[3])
	if class == fgService && len(alts) > 0 {
		e.name = strings.TrimPrefix(alts[0], "=")
	}
	for _, a := range alts {
		p, err := compilePhrase(a)
		if err != nil {
			return fmt.Errorf("%s: %w", at, err)
		}
		p.owner = len(ds.foreign)
		e.phrase = a
		ds.foreign = append(ds.foreign, e)
		ds.foreignM[lang].add(p)
	}
	return nil
}

// foreignValue reads the value column of a valued class: whole days,
// weekdays and minutes; a number may have a fraction ("half": 0.5).
func foreignValue(class, s string) (float64, error) {
	if class == fgNumber {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v <= 0 || math.IsInf(v, 0) || math.IsNaN(v) {
			return 0, fmt.Errorf("bad value %q for class %s: want a positive number", s, class)
		}
		return v, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || (class == fgWeekday && (v < 1 || v > 7)) || (class == fgMonth && (v < 1 || v > 12)) || ((class == fgUnit || class == fgUnitPre) && v < 1) {
		return 0, fmt.Errorf("bad value %q for class %s", s, class)
	}
	return float64(v), nil
}

// Limits of a report in another language: conservative, since no model
// weighs this evidence.
const (
	foreignMinTriggers = 2  // outage words in the text (one when the title reports the outage: titleReport)
	foreignLedeTokens  = 80 // an outage word must come this early (title and lede)
	foreignEarlyParas  = 2  // paragraphs after the title where a cause or a length is still the main outage's
)

// foreignReport is what the words of another language say about a text.
type foreignReport struct {
	lang        string
	hits        []hit // the text's foreign.tsv phrases, overlaps resolved
	triggers    []hit
	subject     *foreignSubject
	planned     bool
	denied      bool
	general     bool         // a text about outages in general
	deniedCause map[int]bool // sentences whose denial is of a cause, not of the outage
	named       foreignNamed
}

// foreignNamed are the gazetteer's services (overlaps resolved) and
// countries a text names: the same in every language's reading of it.
type foreignNamed struct {
	services, countries []hit
}

// foreignSubject is what went down: a named service, or a utility.
type foreignSubject struct {
	name, kind string
	aliases    []string
	sent       int
	cutOf      string // the utility's label of a country-wide cut ("Power grid" of "Power grid (Chile)")
}

// foreignReportOf reads d with the words of each other language of
// foreign.tsv and keeps the reading with the most outage words, then the
// most phrases, then the larger stop-word share: short texts name their
// language by their stop-words too rarely to choose it first.
func (c *Classifier) foreignReportOf(d *doc, lr langResult) *foreignReport {
	named := foreignNamed{services: longestFirst(c.data.svcM.find(d)), countries: c.data.ctyM.find(d)}
	var best *foreignReport
	for _, l := range c.data.foreignLangs {
		fr := c.readForeign(d, l, named)
		if best == nil || fr.better(best, lr.Stop) {
			best = fr
		}
	}
	return best
}

// better reports whether fr is a better reading of the text than b.
func (fr *foreignReport) better(b *foreignReport, stop map[string]float64) bool {
	if len(fr.triggers) != len(b.triggers) {
		return len(fr.triggers) > len(b.triggers)
	}
	if len(fr.hits) != len(b.hits) {
		return len(fr.hits) > len(b.hits)
	}
	return stop[fr.lang] > stop[b.lang]
}

// classifyForeign decides whether a text in another language reports an
// outage, and names what went down and the day it began where a day word
// says so. It needs outage words early in the text (two, or one in the
// title with its service), a service or utility in the sentence of one of
// them, and no planned cut, denial or text about outages in general.
func (c *Classifier) classifyForeign(a *corpus.Article, text string, lr langResult, ex *Explanation) {
	d := newDoc(text)
	fr := c.foreignReportOf(d, lr)
	if fr == nil || len(fr.hits) == 0 {
		ex.Notes = append(ex.Notes, "language is not fr, ar or en, and no outage word of another language was found")
		return
	}
	lang := fr.lang
	for _, h := range fr.hits {
		e := c.data.foreign[h.owner]
		ex.Fired = append(ex.Fired, Fired{Rule: e.rule, Class: "foreign." + e.class, Text: d.span(h.from, h.to), Start: d.toks[h.from].start, End: d.toks[h.to-1].end})
	}
	why := fr.reject(d)
	if why != "" {
		ex.Notes = append(ex.Notes, fmt.Sprintf("language %s (other): not a report: %s", lang, why))
		return
	}
	o := corpus.Outage{Service: fr.subject.name, Aliases: fr.subject.aliases, Kind: fr.subject.kind, Cause: corpus.CauseUnknown}
	if day, phrase := fr.startDay(d, c.data, a.Published); day != "" {
		o.Start = day
		o.Evidence.Start = []string{phrase}
	}
	fr.setCause(&o, d, c.data)
	fr.setDuration(&o, d, c.data)
	a.IsOutage, a.OutageScore, a.Outages = true, 0.5, append([]corpus.Outage{o}, c.foreignSecondaries(d, fr)...)
	ex.IsOutage = true
	ex.Notes = append(ex.Notes, fmt.Sprintf("language %s (other): outage words of foreign.tsv around %s", lang, o.Service))
	c.setCountries(a, text)
}

// readForeign finds the foreign.tsv phrases of d, what speaks against a
// report, and the subject of its outage words.
func (c *Classifier) readForeign(d *doc, lang string, named foreignNamed) *foreignReport {
	all := c.data.foreignM[lang].find(d)
	fr := &foreignReport{lang: lang, hits: c.withTriggerTwins(longestFirst(slices.Clone(all)), all), named: named}
	ds := c.data
	for _, h := range fr.hits {
		if ds.foreign[h.owner].class == fgTrigger {
			fr.triggers = append(fr.triggers, h)
		}
	}
	fr.cancelSenses(ds)
	trigSent := fr.triggerSents(d, 0)
	fr.counterEvidence(d, ds, trigSent)
	fr.subject = c.foreignSubjectOf(d, fr, trigSent)
	return fr
}

// counterEvidence reads what says the text is not an incident report: a
// planned cut (a planned word in the title or lede or in an outage word's
// sentence; a future word in an outage word's sentence of the lede), a
// text about outages in general (statistics, advice, anniversaries,
// lawsuits, launches: in the title or lede), and a denial of the outage. A
// denial in a sentence that names a cause denies the cause ("no fue un
// ciberataque"), not the outage; planned work in such a sentence is the
// cause.
func (fr *foreignReport) counterEvidence(d *doc, ds *dataSet, trigSent map[int]bool) {
	causeSent := map[int]bool{}
	for _, h := range fr.hits {
		if ds.foreign[h.owner].class == fgCause {
			causeSent[d.toks[h.from].sent] = true
		}
	}
	fr.deniedCause = map[int]bool{}
	for _, h := range fr.hits {
		sent, lede := d.toks[h.from].sent, h.from < foreignLedeTokens
		switch ds.foreign[h.owner].class {
		case fgPlanned:
			// planned work named in a sentence with a cause phrase is
			// what caused the outage ("wegen Wartungsarbeiten gestört",
			// "planlı bir yazılım güncellemesi sonrasında"), not a cut
			// announced
			fr.planned = fr.planned || (lede || trigSent[sent]) && !causeSent[sent]
		case fgFuture:
			fr.planned = fr.planned || (lede && trigSent[sent])
		case fgGeneral:
			fr.general = fr.general || lede
		case fgDenial:
			if causeSent[sent] {
				fr.deniedCause[sent] = true
			} else {
				fr.denied = true
			}
		}
	}
}

// cancelSenses drops the outage words covered by another sense of them
// ("caída de la bolsa") and those a hypothetical word comes just before
// ("en caso de apagón", "bei einem Stromausfall").
func (fr *foreignReport) cancelSenses(ds *dataSet) {
	var senses, hypo []hit
	for _, h := range fr.hits {
		switch ds.foreign[h.owner].class {
		case fgSense:
			senses = append(senses, h)
		case fgHypo:
			hypo = append(hypo, h)
		}
	}
	fr.triggers = slices.DeleteFunc(fr.triggers, func(t hit) bool {
		return slices.ContainsFunc(senses, func(s hit) bool { return t.from < s.to && s.from < t.to }) ||
			slices.ContainsFunc(hypo, func(h hit) bool { return h.to <= t.from && t.from-h.to <= foreignHypoReach })
	})
}

// longestFirst keeps, of overlapping hits, the longest (the earliest on a
// tie), in text order.
func longestFirst(hits []hit) []hit {
	slices.SortStableFunc(hits, func(x, y hit) int {
		if x.from != y.from {
			return x.from - y.from
		}
		return (y.to - y.from) - (x.to - x.from)
	})
	var out []hit
	for _, h := range hits {
		if n := len(out); n > 0 && h.from < out[n-1].to {
			continue
		}
		out = append(out, h)
	}
	return out
}

// withTriggerTwins adds to the hits kept (longestFirst of all) the outage
// words written exactly as a kept phrase of another class ("überlastet":
// an outage word and its cause): the phrase is both.
func (c *Classifier) withTriggerTwins(kept, all []hit) []hit {
	out := kept
	for _, h := range all {
		if c.data.foreign[h.owner].class != fgTrigger {
			continue
		}
		for _, k := range kept {
			if k.from == h.from && k.to == h.to && k.owner != h.owner && c.data.foreign[k.owner].class != fgTrigger {
				out = append(out, h)
				break
			}
		}
	}
	if len(out) > len(kept) {
		slices.SortStableFunc(out, func(x, y hit) int { return x.from - y.from })
	}
	return out
}

// foreignUtility names the thing a utility word stands for.
var foreignUtility = map[string]struct{ name, kind string }{
	fgPower:    {labelPower, corpus.KindPower},
	fgInternet: {labelInternet, corpus.KindInternet},
	fgTelecom:  {labelTelecom, corpus.KindTelecom},
	fgBanking:  {labelBanking, corpus.KindOnlineService},
}

// foreignSubjectOf is the earliest service named in a sentence holding an
// outage word (of the gazetteer, or of foreign.tsv's services of the
// language, or a capitalised name after a word that introduces one:
// namecue), else the first utility named there. A power company stands
// for its grid: "Power grid (Chile)", the company an alias.
func (c *Classifier) foreignSubjectOf(d *doc, fr *foreignReport, trigSent map[int]bool) *foreignSubject {
	ds := c.data
	var best *foreignSubject
	var bestAt hit
	consider := func(s *foreignSubject, h hit) { // the earliest, then the longest name
		if !trigSent[s.sent] {
			return
		}
		if best == nil || h.from < bestAt.from || (h.from == bestAt.from && h.to > bestAt.to) {
			best, bestAt = s, h
		}
	}
	for _, h := range fr.named.services {
		s := ds.services[h.owner]
		consider(&foreignSubject{name: s.name, kind: s.kind, aliases: s.aliases, sent: d.toks[h.from].sent}, h)
	}
	for _, h := range fr.hits {
		if e := ds.foreign[h.owner]; e.class == fgService {
			consider(&foreignSubject{name: e.name, kind: e.kind, aliases: ds.foreignAliases(e), sent: d.toks[h.from].sent}, h)
		}
	}
	if best == nil {
		for _, h := range fr.hits {
			if ds.foreign[h.owner].class != fgNameCue || !trigSent[d.toks[h.from].sent] {
				continue
			}
			if from, to, ok := cuedName(d, h.to); ok {
				consider(&foreignSubject{name: d.span(from, to), kind: corpus.KindOnlineService, sent: d.toks[h.from].sent}, hit{from: from, to: to})
			}
		}
	}
	if best != nil && best.kind != corpus.KindPower {
		return best
	}
	for _, h := range fr.hits {
		e := ds.foreign[h.owner]
		u, ok := foreignUtility[e.class]
		if e.class == fgTrigger {
			u, ok = foreignUtility[e.names]
		}
		if !ok || !trigSent[d.toks[h.from].sent] || (best != nil && u.kind != corpus.KindPower) {
			continue
		}
		sent := d.toks[h.from].sent
		s := &foreignSubject{name: u.name, kind: u.kind, sent: sent}
		wide := u.kind == corpus.KindPower || u.kind == corpus.KindInternet
		if country := c.foreignCountry(d, fr, sent, wide); country != "" {
			s.name += " (" + country + ")"
			s.cutOf = u.name
		}
		if best != nil {
			s.aliases = append([]string{best.name}, best.aliases...)
		}
		return s
	}
	return best
}

// foreignReach is how many sentences after one with an outage word a
// foreign text may name another service it reports down: our outage words
// in other languages are few, and such texts list what went down in the
// sentences that follow ("Tra questi Amazon, Reddit, il New York Times").
const foreignReach = 3

// foreignSecondaries are the other services a text in another language
// reports down with its subject: each service of the gazetteer or of
// foreign.tsv named in a sentence holding an outage word, or at most
// foreignReach sentences after one, and no cause phrase (there it is the
// cause: "una actualización de Falcon"), other than the subject, once, in
// text order.
func (c *Classifier) foreignSecondaries(d *doc, fr *foreignReport) []corpus.Outage {
	ds := c.data
	trigSent := fr.triggerSents(d, foreignReach)
	for _, h := range fr.hits {
		if ds.foreign[h.owner].class == fgCause {
			delete(trigSent, d.toks[h.from].sent) // a service there is the cause's
		}
	}
	seen := map[string]bool{}
	for _, n := range append([]string{fr.subject.name}, fr.subject.aliases...) {
		seen[strings.ToLower(n)] = true
	}
	type named struct {
		at  hit
		out corpus.Outage
	}
	var found []named
	add := func(h hit, name, kind string, aliases []string) {
		if !trigSent[d.toks[h.from].sent] || seen[strings.ToLower(name)] {
			return
		}
		for _, n := range append([]string{name}, aliases...) {
			seen[strings.ToLower(n)] = true
		}
		found = append(found, named{h, corpus.Outage{Service: name, Aliases: aliases, Kind: kind, Cause: corpus.CauseUnknown}})
	}
	for _, h := range fr.named.services {
		s := ds.services[h.owner]
		add(h, s.name, s.kind, s.aliases)
	}
	for _, h := range fr.hits {
		if e := ds.foreign[h.owner]; e.class == fgService {
			add(h, e.name, e.kind, ds.foreignAliases(e))
		}
	}
	if label := fr.subject.cutOf; label != "" && fr.subject.kind != corpus.KindOnlineService {
		// a country-wide cut: the other countries named with it were cut too
		for _, h := range fr.named.countries {
			add(h, label+" ("+ds.countries[h.owner].name+")", fr.subject.kind, nil)
		}
		for _, h := range fr.hits {
			if e := ds.foreign[h.owner]; e.class == fgCountry {
				add(h, label+" ("+e.name+")", fr.subject.kind, nil)
			}
		}
	}
	slices.SortStableFunc(found, func(a, b named) int { return a.at.from - b.at.from })
	out := make([]corpus.Outage, len(found))
	for i, f := range found {
		out[i] = f.out
	}
	return out
}

// cuedNameGap is how many function words ("dell'", "von", "de") may stand
// between a word that introduces a name and the name; cuedNameLen is the
// longest name read.
const (
	cuedNameGap = 2
	cuedNameLen = 3
)

// cuedName finds the capitalised name after the word that introduces it
// (namecue: "il sito dell'Inps", "die App von Ziggo", "el portal del
// SAT"), at most cuedNameGap lower-case words after it: the words [from,
// to) of the name.
func cuedName(d *doc, k int) (int, int, bool) {
	if k >= len(d.toks) {
		return 0, 0, false
	}
	sent := d.toks[k-1].sent
	from := k
	for from < len(d.toks) && from-k < cuedNameGap && d.toks[from].sent == sent && !d.toks[from].upper && !d.toks[from].arabic {
		from++
	}
	if from >= len(d.toks) || d.toks[from].sent != sent || !d.toks[from].upper || d.toks[from].arabic {
		return 0, 0, false
	}
	to := from + 1
	for to < len(d.toks) && to-from < cuedNameLen && d.toks[to].sent == sent && d.toks[to].upper && d.gapBefore(to) == " " {
		to++
	}
	return from, to, true
}

// foreignAliases are the other names of e's service line (prefix patterns
// such as "mbank*" are not names).
func (ds *dataSet) foreignAliases(e foreignEntry) []string {
	var out []string
	for _, f := range ds.foreign {
		if f.rule == e.rule && f.class == fgService {
			if a := strings.TrimPrefix(f.phrase, "="); a != e.name && !strings.HasSuffix(a, "*") {
				out = append(out, a)
			}
		}
	}
	return out
}

// foreignCountry is the country named in sentence sent, else (when wide,
// for a power or internet cut) the first country named in the text: by
// the countries gazetteer or by foreign.tsv's country words of the
// language ("Hamburg" names Germany).
func (c *Classifier) foreignCountry(d *doc, fr *foreignReport, sent int, wide bool) string {
	ds := c.data
	first, firstAt := "", len(d.toks)
	for _, h := range fr.named.countries {
		name := ds.countries[h.owner].name
		if d.toks[h.from].sent == sent {
			return name
		}
		if h.from < firstAt {
			first, firstAt = name, h.from
		}
	}
	for _, h := range fr.hits {
		e := ds.foreign[h.owner]
		if e.class != fgCountry {
			continue
		}
		if d.toks[h.from].sent == sent {
			return e.name
		}
		if h.from < firstAt {
			first, firstAt = e.name, h.from
		}
	}
	if !wide {
		return ""
	}
	return first
}

// reject says why the evidence is not a report, or "" when it is one.
func (fr *foreignReport) reject(d *doc) string {
	switch {
	case len(fr.triggers) < foreignMinTriggers && !fr.titleReport(d):
		return fmt.Sprintf("%d outage words (want %d)", len(fr.triggers), foreignMinTriggers)
	case fr.triggers[0].from >= foreignLedeTokens:
		return "no outage word in the title or lede"
	case fr.subject == nil:
		return "no service or utility in a sentence with an outage word"
	case fr.planned:
		return "a planned or scheduled cut"
	case fr.denied:
		return "the outage is denied"
	case fr.general:
		return "the title or lede speaks of outages in general"
	}
	return ""
}

// titleReport reports whether the title itself reports the outage: an
// outage word and its service or utility in the title's sentence ("Ziggo
// kampt met storing", "WhatsApp caído en todo el mundo"). One outage word
// is then enough.
func (fr *foreignReport) titleReport(d *doc) bool {
	if len(fr.triggers) == 0 || fr.subject == nil || len(d.toks) == 0 {
		return false
	}
	// the title is the first paragraph when a body follows it, and may
	// hold two sentences ("Nawałnica na Pomorzu. Ponad 200 tysięcy
	// odbiorców bez prądu")
	inTitle := func(sent int) bool {
		if d.toks[len(d.toks)-1].para == 0 {
			return sent == d.toks[0].sent
		}
		return sent <= lastTitleSent(d)
	}
	return inTitle(fr.subject.sent) && inTitle(d.toks[fr.triggers[0].from].sent)
}

// lastTitleSent is the last sentence of the first paragraph.
func lastTitleSent(d *doc) int {
	s := d.toks[0].sent
	for _, t := range d.toks {
		if t.para > 0 {
			break
		}
		s = t.sent
	}
	return s
}

// startDay resolves the first day word in the subject's sentence or the
// sentence of an outage word (else the first in the title and lede)
// against the publication date: the day it names, or the most recent such
// weekday on or before it.
func (fr *foreignReport) startDay(d *doc, ds *dataSet, published string) (string, string) {
	pub, _ := time.Parse("2006-01-02", published) // zero when unknown: only a dated day then
	sents := fr.triggerSents(d, 0)
	sents[fr.subject.sent] = true
	if day, phrase := fr.dayIn(d, ds, pub, func(h hit) bool { return sents[d.toks[h.from].sent] }); day != "" {
		return day, phrase
	}
	return fr.dayIn(d, ds, pub, func(h hit) bool { return h.from < foreignLedeTokens })
}

// dayIn resolves the first day word of the hits in.
func (fr *foreignReport) dayIn(d *doc, ds *dataSet, pub time.Time, in func(hit) bool) (string, string) {
	for _, h := range fr.hits {
		e := ds.foreign[h.owner]
		if !in(h) {
			continue
		}
		switch {
		case e.class == fgMonth:
			if day, from, to, ok := monthDate(d, h, int(e.value), pub); ok {
				return day, d.span(from, to)
			}
		case pub.IsZero():
		case e.class == fgRelDay:
			return pub.AddDate(0, 0, int(e.value)).Format("2006-01-02"), d.span(h.from, h.to)
		case e.class == fgWeekday:
			back := (int(pub.Weekday()) - int(e.value)%7 + 7) % 7
			return pub.AddDate(0, 0, -back).Format("2006-01-02"), d.span(h.from, h.to)
		}
	}
	return "", ""
}

// monthDate reads the day written with month word h ("15 de diciembre",
// "2 Ağustos", "4. August 2019", "15 grudnia 2023"): a day of the month
// right before it ("de" between in Spanish and Portuguese), a year right
// after it ("de 2019" too) or else the publication's year (the year
// before when the day would come after publication), else XXXX. It
// returns the day and the tokens [from, to) of the phrase.
func monthDate(d *doc, h hit, month int, pub time.Time) (string, int, int, bool) {
	k := h.from - 1
	if k >= 1 && monthGlue[d.toks[k].norm] {
		k--
	}
	if k < 0 || d.toks[k].sent != d.toks[h.from].sent {
		return "", 0, 0, false
	}
	day, err := strconv.Atoi(d.toks[k].norm)
	if err != nil || day < 1 || day > 31 {
		return "", 0, 0, false
	}
	to, year := h.to, 0
	for j := h.to; j < len(d.toks) && j <= h.to+1 && d.toks[j].sent == d.toks[h.from].sent; j++ {
		if y, err := strconv.Atoi(d.toks[j].norm); err == nil && y >= 1990 && y <= 2100 {
			to, year = j+1, y
			break
		}
		if !monthGlue[d.toks[j].norm] {
			break
		}
	}
	if year == 0 && pub.IsZero() {
		return fmt.Sprintf("XXXX-%02d-%02d", month, day), k, to, true
	}
	if year == 0 {
		year = pub.Year()
		if time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).After(pub) {
			year--
		}
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return "", 0, 0, false // "31 de febrero"
	}
	return t.Format("2006-01-02"), k, to, true
}

// monthGlue may stand between a day, its month and its year.
var monthGlue = map[string]bool{"de": true, "del": true, "di": true, "van": true}

// setCause sets the first cause phrase in a sentence of an outage word or
// the next one, else in the first paragraphs, skipping the causes a
// sentence denies, and a power cut as the cause of a power grid's own
// outage.
func (fr *foreignReport) setCause(o *corpus.Outage, d *doc, ds *dataSet) {
	sents := fr.triggerSents(d, 1)
	for _, near := range []bool{true, false} {
		for _, h := range fr.hits {
			sent := d.toks[h.from].sent
			e := ds.foreign[h.owner]
			if e.class != fgCause || fr.deniedCause[sent] || (e.cause == corpus.CausePower && o.Kind == corpus.KindPower) {
				continue
			}
			if (near && sents[sent]) || (!near && d.toks[h.from].para <= foreignEarlyParas) {
				o.Cause = e.cause
				o.Evidence.Cause = []string{d.span(h.from, h.to)}
				return
			}
		}
	}
}

// setDuration reads the first "number unit" (or, for a unitfirst unit,
// "unit number") in a sentence of an outage word or the next one, else in
// the first paragraphs: digits ("3 horas") or a number word of the
// language ("tres horas", "media hora", "saa tatu").
func (fr *foreignReport) setDuration(o *corpus.Outage, d *doc, ds *dataSet) {
	near := fr.triggerSents(d, 1)
	if !fr.durationIn(o, d, ds, func(h hit) bool { return near[d.toks[h.from].sent] }) &&
		!fr.durationIn(o, d, ds, func(h hit) bool { return d.toks[h.from].para <= foreignEarlyParas }) {
		fr.clockSpan(o, d, ds, near)
	}
}

// clockSpan sets the length between the first two times of day the
// sentences near the outage words give, the second later the same day
// ("zwischen 10.15 Uhr und 16.40 Uhr", "começou às 8h31 … concluída às
// 14h49", "saat 14.00'ten 19.30'a kadar"): a time is digits with a
// separator ("10.15", "8h31") next to a clock word of foreign.tsv or an
// hour word ("Uhr", "uur", "saat").
func (fr *foreignReport) clockSpan(o *corpus.Outage, d *doc, ds *dataSet, near map[int]bool) {
	clockBefore := map[int]bool{} // tokens right after a clock word ("a las", "om")
	for _, h := range fr.hits {
		if e := ds.foreign[h.owner]; e.class == fgClock && e.name == "before" {
			clockBefore[h.to] = true
		}
	}
	var times []int // minutes of the day
	var at []int    // their tokens
	for k, t := range d.toks {
		if !near[t.sent] {
			continue
		}
		m, ok := clockOf(t.norm)
		hourWord := k+1 < len(d.toks) && hourWords[d.toks[k+1].norm] || k > 0 && hourWords[d.toks[k-1].norm]
		if ok && (clockBefore[k] || hourWord) {
			times, at = append(times, m), append(at, k)
		}
	}
	if len(times) < 2 || times[1] <= times[0] {
		return
	}
	n := times[1] - times[0]
	o.DurationMin, o.DurationKind = &n, corpus.DurationExact
	o.Evidence.Duration = []string{d.span(at[0], at[0]+1), d.span(at[1], at[1]+1)}
}

// hourWords stand next to a time of day in other languages.
var hourWords = map[string]bool{"uhr": true, "uur": true, "horas": true, "hora": true, "saat": true, "ore": true, "godz": true, "godzinie": true}

// clockOf reads a time of day written "10.15", "10:15" or "8h31": its
// minutes since midnight.
func clockOf(s string) (int, bool) {
	i := strings.IndexAny(s, ".:h")
	if i < 1 || i > 2 || len(s)-i-1 != 2 {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:i])
	m, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// durationIn sets the first length of the hits in; it reports whether it
// found one.
func (fr *foreignReport) durationIn(o *corpus.Outage, d *doc, ds *dataSet, in func(hit) bool) bool {
	before, after := map[int]hit{}, map[int]hit{} // number words by the token after them, by their first token
	clockFrom, clockTo := map[int]bool{}, map[int]bool{}
	for _, h := range fr.hits {
		switch ds.foreign[h.owner].class {
		case fgNumber:
			before[h.to], after[h.from] = h, h
		case fgClock:
			if ds.foreign[h.owner].name == "after" {
				clockFrom[h.from] = true
			} else {
				clockTo[h.to] = true
			}
		}
	}
	for _, h := range fr.hits {
		e := ds.foreign[h.owner]
		if (e.class != fgUnit && e.class != fgUnitPre) || !in(h) {
			continue
		}
		n, from, to, ok := 0.0, h.from, h.to, false
		if e.class == fgUnit {
			n, from, ok = numberAt(d, ds, before[h.from], h.from-1)
			from = min(from, h.from)
		} else {
			var end int
			n, end, ok = numberAfter(d, ds, after[h.to], h.to)
			to = max(end, h.to)
		}
		clock := (clockFrom[to] && to < len(d.toks) && d.toks[to].sent == d.toks[h.from].sent) || clockTo[from]
		if !ok || n*e.value > maxForeignMinutes || clock {
			continue // not a length, or a time of day ("11 часов утра", "om tien uur")
		}
		m := int(n*e.value + 0.5)
		o.DurationMin, o.DurationKind = &m, "exact"
		o.Evidence.Duration = []string{d.span(from, to)}
		return true
	}
	return false
}

// numberAt reads the number word w, else the digits of token i: its value
// and first token.
func numberAt(d *doc, ds *dataSet, w hit, i int) (float64, int, bool) {
	if w.to > w.from {
		return ds.foreign[w.owner].value, w.from, true
	}
	if i < 0 {
		return 0, 0, false
	}
	n, ok := digitsValue(d.toks[i].norm)
	return n, i, ok
}

// numberAfter reads the number word w, else the digits of token i: its
// value and the token after it.
func numberAfter(d *doc, ds *dataSet, w hit, i int) (float64, int, bool) {
	if w.to > w.from {
		return ds.foreign[w.owner].value, w.to, true
	}
	if i >= len(d.toks) {
		return 0, 0, false
	}
	n, ok := digitsValue(d.toks[i].norm)
	return n, i + 1, ok
}

// digitsValue reads a positive number written in digits, ASCII or
// Arabic-Indic and Persian ("۴۸", "٤٨"), with a decimal comma or point.
func digitsValue(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0x0660 && r <= 0x0669:
			return '0' + (r - 0x0660)
		case r >= 0x06F0 && r <= 0x06F9:
			return '0' + (r - 0x06F0)
		case r == ',' || r == '٫':
			return '.'
		}
		return r
	}, s)
	n, err := strconv.ParseFloat(s, 64)
	return n, err == nil && n > 0
}

// maxForeignMinutes bounds a duration read in another language (a month).
const maxForeignMinutes = 31 * 24 * 60

// triggerSents are the sentences of the outage words and the after
// sentences following each.
func (fr *foreignReport) triggerSents(d *doc, after int) map[int]bool {
	sents := map[int]bool{}
	for _, h := range fr.triggers {
		for k := 0; k <= after; k++ {
			sents[d.toks[h.from].sent+k] = true
		}
	}
	return sents
}
