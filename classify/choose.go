package classify

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

// The model chooses each slot's value among the candidates the rules
// propose; the choice and every candidate's features and score go into
// the explanation.

// choose scores candidates for a slot and returns the best one's index
// (-1 when none) and the explanation of the choice.
func (c *Classifier) choose(slot string, cands []Candidate) (int, SlotChoice) {
	best := -1
	for i := range cands {
		s := c.weights.Score(slot, cands[i].Features)
		cands[i].Score = round3(s)
		if best < 0 || s > c.weights.Score(slot, cands[best].Features) {
			best = i
		}
	}
	if best >= 0 {
		cands[best].Chosen = true
	}
	return best, SlotChoice{Slot: slot, Candidates: cands}
}

// startCands are the days the rules read, as candidates for a start: not
// a week ("this week" names no day: its Monday is no start), not an update
// stamp ("Updated: July 12"), not after the publication; a dateline's day
// or the day the service came back only when no other day is said.
func (ts *textScope) startCands(os *outageScope) []exprCand {
	out := ts.d.bufs.cands[:0]
	defer func() { ts.d.bufs.cands = out }()
	var later []rules.Expr // days said of the article or of the outage's end
	for _, e := range ts.exprs {
		if !isDay(e.Value) || (e.Kind != rules.KindDate && e.Kind != rules.KindTime && e.Kind != rules.KindInterval) {
			continue
		}
		if e.Grain == "week" || stampBefore(prefixTail(ts.d.text, e.Start, 24)) || ts.afterPublication(e.Value) {
			continue
		}
		if inDateline(ts.d.text, e) || e.Role == "end" {
			later = append(later, e)
			continue
		}
		out = append(out, exprCand{e: e, prio: ts.prio(os, e)})
	}
	if len(out) == 0 {
		// a dateline says when the article was written, and the day
		// the service came back ("réalimentés hier soir") when it
		// ended: the outage's start only when nothing else says it
		for _, e := range later {
			out = append(out, exprCand{e: e, prio: ts.prio(os, e)})
		}
	}
	return orNil(out)
}

// Dateline limits: how far into the text a dateline may stand, and how
// long the place (and weekday) before its date may be.
const (
	datelineReach  = 400
	datelinePlaces = 32
)

// inDateline reports whether date expression e is a wire dateline's: near
// the top, after the title's line, opening a paragraph after at most a
// place, a dash or colon before the story (datelineDate). A date alone on
// its line may head the story's events; it stays a candidate.
func inDateline(text string, e rules.Expr) bool {
	if e.Start > datelineReach || e.End > len(text) {
		return false
	}
	lineStart := strings.LastIndexByte(text[:e.Start], '\n') + 1
	if lineStart == 0 {
		return false // the title's line
	}
	lineEnd := strings.IndexByte(text[lineStart:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text) - lineStart
	}
	line := text[lineStart : lineStart+lineEnd]
	if bylinePart(line, e.Start-lineStart, e.End-lineStart) {
		return true
	}
	return strings.TrimSpace(line[min(len(line), e.End-lineStart):]) != "" && datelineDate(line, e.Start-lineStart, e.End-lineStart)
}

// bylinePart reports whether the date at bytes [start, end) of line is
// most of one part of a byline ("Daily Nation | Nairobi | Saturday,
// August 26, 2023"): the line has byline separators and the date's part
// holds little else.
func bylinePart(line string, start, end int) bool {
	if start < 0 || end > len(line) || !strings.ContainsFunc(line, isBylineSep) {
		return false
	}
	from := strings.LastIndexFunc(line[:start], isBylineSep) + 1
	to := end + strings.IndexFunc(line[end:], isBylineSep)
	if to < end {
		to = len(line)
	}
	part := strings.TrimFunc(line[from:to], func(r rune) bool { return !isWordRune(r) })
	return part != "" && len(part) <= datelineLen && 2*(end-start) >= len(part)
}

// datelineDate reports whether the date at bytes [start, end) of line
// opens it as a dateline: at most a place (and weekday) before it, no
// sentence before it, and the line ending or a dash or colon after it
// ("Rabat, 13 juin 2019 - Des milliers…", "NICE, dimanche 4 octobre 2020",
// "بغداد - الأحد 15 حزيران 2025"); an update stamp ("Update: July 12th,
// 2019 –") is none.
func datelineDate(line string, start, end int) bool {
	if start < 0 || end > len(line) || start > datelinePlaces || strings.ContainsAny(line[:start], ".!?؟") || stampBefore(line[:start]) {
		return false
	}
	after := strings.TrimLeft(line[end:], " \t(),")
	if after == "" {
		return true
	}
	for _, dash := range []string{"-", "–", "—", ":"} {
		if strings.HasPrefix(after, dash) {
			return true
		}
	}
	return false
}

// orNil is cands, or nil when there are none. Start and duration
// candidates are gathered in the doc's scratch slice: they are valid
// until the next call of startCands or durationCands, which chooseStart
// and chooseDuration make one after the other.
func orNil(cands []exprCand) []exprCand {
	if len(cands) == 0 {
		return nil
	}
	return cands
}

// chooseStart sets the outage's start day.
func (c *Classifier) chooseStart(ts *textScope, os *outageScope, o *corpus.Outage, oe *OutageExplanation) SlotChoice {
	ecs := ts.startCands(os)
	annotate(ecs, exprValue)
	markEarlier(ecs)
	cands := make([]Candidate, len(ecs))
	for i, ec := range ecs {
		cands[i] = Candidate{Value: ec.e.Value, Text: ec.e.Text, Features: ts.startFeatures(ecs, i)}
	}
	best, ch := c.choose(model.SlotStart, cands)
	if best < 0 {
		return ch
	}
	e := ecs[best].e
	o.Start = e.Value
	o.StartTime = e.Time
	o.Evidence.Start = []string{e.Text}
	oe.Start = &Phrase{Value: e.Value, Text: e.Text, Rule: e.Rule}
	return ch
}

// durationCands are the lengths the rules read, as candidates for a
// duration: not a clock time read as a length ("vers 21 h"), and a number
// or a vague length ("for hours"), not time elapsed since something nor a
// forecast, not said in a sentence that places it before the week of
// publication when the outage began in it, and said in a paragraph naming
// the outage (anywhere for an outage whose name was derived from the text).
func (ts *textScope) durationCands(os *outageScope, start string) []exprCand {
	out := ts.d.bufs.cands[:0]
	defer func() { ts.d.bufs.cands = out }()
	startOlder := ts.olderDay(start)
	for _, e := range ts.exprs {
		if e.Kind != rules.KindDuration && !(e.Kind == rules.KindInterval && e.Minutes != nil) {
			continue
		}
		if _, clock := clockTime(ts.d.text, e); clock {
			continue
		}
		if e.Minutes == nil && e.DurationKind != corpus.DurationVague {
			continue
		}
		if ts.elapsedOrForecast(e) || repeatWindow(prefixTail(ts.d.text, e.Start, 32)) || ts.onsetBound(e) {
			continue
		}
		if !startOlder && ts.olderSent(ts.sentOf(e.Start)) {
			continue // a length said of another time than the outage's ("en novembre 2023, une panne de sept heures")
		}
		p := ts.prio(os, e)
		if p > prioPara && !os.g.derived && os.gi > 0 {
			continue // a length said away from the outage is another's
		}
		out = append(out, exprCand{e: e, prio: p})
	}
	return orNil(out)
}

// chooseDuration sets the outage's duration when a length is said of it
// or can be counted from its start and end times.
func (c *Classifier) chooseDuration(ts *textScope, os *outageScope, o *corpus.Outage, oe *OutageExplanation) SlotChoice {
	ecs := ts.durationCands(os, o.Start)
	if os.gi == 0 {
		for _, sp := range ts.spanCands(os) {
			e := sp.expr()
			ecs = append(ecs, exprCand{e: e, prio: ts.prio(os, e), span: &sp})
		}
	}
	annotate(ecs, durationValue)
	cands := make([]Candidate, 0, len(ecs))
	for i, ec := range ecs {
		cands = append(cands, Candidate{Value: durationValue(ec.e), Text: ec.e.Text, Minutes: ec.e.Minutes,
			DurationKind: durationKind(ec.e), Features: ts.durationFeatures(ecs, i)})
	}
	if len(cands) > 0 {
		cands = append(cands, Candidate{Value: "none", Features: noDurationFeatures(ecs)})
	}
	best, ch := c.choose(model.SlotDuration, cands)
	if best < 0 || best >= len(ecs) {
		return ch
	}
	if b := boundGivesWay(ecs, cands, best); b != best {
		cands[best].Chosen, cands[b].Chosen = false, true
		oe.Notes = append(oe.Notes, "the bound "+ecs[best].e.Text+" gives way to "+ecs[b].e.Text)
		best = b
	}
	e := ecs[best].e
	o.DurationMin = e.Minutes
	o.DurationKind = durationKind(e)
	o.Evidence.Duration = []string{e.Text}
	if sp := ecs[best].span; sp != nil {
		o.Evidence.Duration = []string{sp.st.e.Text, sp.en.e.Text}
		if o.StartTime == "" {
			o.StartTime = sp.st.hhmm
		}
	}
	oe.Duration = &Phrase{Value: durationValue(e), Text: e.Text, Rule: e.Rule}
	return ch
}

// boundGivesWay returns the candidate that replaces a chosen bound ("more
// than an hour") or vague length ("for hours"): the best-scoring span of
// times said of the outage ("from 9:10 until 11:40", or a start and an
// end time) that respects it; else the chosen one.
func boundGivesWay(ecs []exprCand, cands []Candidate, best int) int {
	b := ecs[best].e
	vague := b.DurationKind == corpus.DurationVague
	if !vague && b.DurationKind != corpus.DurationAtLeast && b.DurationKind != corpus.DurationAtMost {
		return best
	}
	out := best
	for i, ec := range ecs {
		if ec.e.Kind != rules.KindInterval || ec.e.Minutes == nil || *ec.e.Minutes <= 0 || ec.prio > prioRegion {
			continue
		}
		if m := *ec.e.Minutes; (vague && m < 60) || (!vague && !fitsBound(m, b)) {
			continue
		}
		if out == best || cands[i].Score > cands[out].Score {
			out = i
		}
	}
	return out
}

func durationKind(e rules.Expr) string {
	if e.DurationKind == "" && e.Minutes != nil {
		return corpus.DurationExact
	}
	return e.DurationKind
}

// causeCands are the cause phrases said of the outage that the rules do
// not rule out: denied causes go to o.CauseDenied, and a cause is not
// one when something protects against it, when it names the outage's own
// service as a third party, or when a grid is said to fail of a power
// cut, nor when its sentence is about another day than the outage's. It
// also reports whether the text says the cause is unknown.
func (ts *textScope) causeCands(os *outageScope, o *corpus.Outage, oe *OutageExplanation) ([]causeCand, bool) {
	otherSent, sameSent := ts.dateSentences(o.Start)
	out := ts.d.bufs.causeCands[:0] // valid until the next call (see orNil)
	unknownSaid := false
	for _, e := range ts.exprs {
		if e.Kind != rules.KindCause || !corpus.ValidCause(e.Cause) {
			continue
		}
		s := ts.sentOf(e.Start)
		if !ts.inRegion(os, s) {
			continue
		}
		if e.Cause == corpus.CauseUnknown {
			unknownSaid = true
			continue
		}
		if ts.notACause(os, e, o, oe) {
			continue
		}
		if otherSent[s] && !sameSent[s] || o.Start == "" && ts.olderSent(s) || !sameSent[s] && ts.otherYearOutage(s, o.Start) {
			oe.Notes = append(oe.Notes, "cause said of another outage: "+e.Text)
			continue
		}
		// a sentence with no day of its own right after one placed before
		// the outage carries on with that earlier event ("Le black-out de
		// juillet 2014 … Dû à un souci de déploiement, il avait été…")
		cont := s > 0 && (otherSent[s-1] || ts.olderSent(s-1)) && !sameSent[s] && !sameSent[s-1]
		out = append(out, causeCand{exprCand: exprCand{e: e, prio: ts.prio(os, e)}, weak: ts.cs.isWeak(e), afterOlder: cont})
	}
	ts.d.bufs.causeCands = out
	if len(out) == 0 {
		out = nil // no candidate: nil, not the scratch slice
	}
	// A cause the text denies, in the region or anywhere else, is not the
	// cause, whatever other sentences say of it: the mentions it denies
	// are rumours, hypotheses or background ("it's not a cyberattack"
	// far below "cyberattacks like the Sony hack in 2014").
	elsewhere := ts.deniedInText()
	keep := out[:0]
	for _, cc := range out {
		if !slices.Contains(o.CauseDenied, cc.e.Cause) && !elsewhere[cc.e.Cause] {
			keep = append(keep, cc)
		}
	}
	return recastWeak(ts.dropEffects(keep), os.g.cand.kind), unknownSaid
}

// dropEffects removes the cause phrases of a key that is the effect of
// another candidate in a sentence ("l'afflux de connexions a provoqué un
// bug", "the surge triggered a bug", "الضغط أدى إلى خلل"): the causer is
// the outage's cause, what it brought about is a step on the way.
func (ts *textScope) dropEffects(ccs []causeCand) []causeCand {
	d := ts.d
	causers := map[int]bool{} // sentences with a causer
	for _, cc := range ccs {
		a, b := d.exprToks(cc.e)
		if causer, _ := causalRole(ts.ci, d, a, b); causer && a < len(d.toks) {
			causers[d.toks[a].sent] = true
		}
	}
	if len(causers) == 0 {
		return ccs
	}
	// the key of an effect is the effect's wherever it is named again
	// ("… a provoqué un bug. Le bug a été corrigé à midi."), unless it
	// is itself a causer somewhere
	effects, causerKeys := map[string]bool{}, map[string]bool{}
	for _, cc := range ccs {
		a, b := d.exprToks(cc.e)
		causer, effect := causalRole(ts.ci, d, a, b)
		causerKeys[cc.e.Cause] = causerKeys[cc.e.Cause] || causer
		if effect && a < len(d.toks) && causers[d.toks[a].sent] {
			effects[cc.e.Cause] = true
		}
	}
	keep := ccs[:0]
	for _, cc := range ccs {
		if !effects[cc.e.Cause] || causerKeys[cc.e.Cause] {
			keep = append(keep, cc)
		}
	}
	return keep
}

// otherYearOutage reports whether sentence s names, next to an outage
// word, a year that is not the outage's ("the 2021 outage", "Three's 2023
// outage", "la panne de 2021", "عطل 2021"): a year the tagger reads as no
// date, which places the sentence's cause on another event. Without a
// start, a year before the publication's is another.
func (ts *textScope) otherYearOutage(s int, start string) bool {
	d, an := ts.d, ts.an
	for _, h := range an.trigBySentence(s) {
		for k := max(h.from-2, 0); k <= h.to+1 && k < len(d.toks); k++ {
			if k >= h.from && k < h.to || d.toks[k].sent != s {
				continue
			}
			y, err := strconv.Atoi(d.toks[k].norm)
			if err != nil || len(d.toks[k].norm) != 4 || y < 1980 {
				continue
			}
			switch {
			case start != "" && !strings.HasPrefix(start, "X"):
				if strconv.Itoa(y) != start[:4] {
					return true
				}
			case !ts.pub.IsZero() && y < ts.pub.Year():
				return true
			}
		}
	}
	return false
}

// deniedInText returns the cause keys the text denies in any sentence
// (denied phrases, denial and dismissal cues).
func (ts *textScope) deniedInText() map[string]bool {
	out := map[string]bool{}
	for _, e := range ts.exprs {
		if e.Kind == rules.KindCause && e.Cause != corpus.CauseUnknown && (e.Denied || ts.cs.denied(e)) {
			out[e.Cause] = true
		}
	}
	return out
}

// weakRecast maps the cause the rules give a generic "technical problem"
// to the other cause it may stand for: a fault of software or of
// equipment, the model decides from the service and the context.
var weakRecast = map[string]string{
	corpus.CauseSoftwareBug:     corpus.CauseHardwareFailure,
	corpus.CauseHardwareFailure: corpus.CauseSoftwareBug,
}

// recastWeak adds, for each generic cause phrase, a twin candidate
// reading it as the other kind of fault. A power grid has no software of
// its own to speak of: its "technical fault" is its equipment.
func recastWeak(ccs []causeCand, kind string) []causeCand {
	out := ccs
	for i, cc := range ccs {
		if kind == corpus.KindPower && cc.weak && cc.e.Cause == corpus.CauseSoftwareBug {
			out[i].e.Cause = corpus.CauseHardwareFailure
			continue
		}
		if alt, ok := weakRecast[cc.e.Cause]; ok && cc.weak {
			twin := cc
			twin.e.Cause, twin.recast = alt, true
			out = append(out, twin)
		}
	}
	return out
}

// dateSentences returns the sentences holding a day apart from the start
// (about another, earlier outage) and those holding a day of it.
func (ts *textScope) dateSentences(start string) (map[int]bool, map[int]bool) {
	other, same := map[int]bool{}, map[int]bool{}
	for _, e := range ts.exprs {
		if e.Kind != rules.KindDate && e.Kind != rules.KindTime && e.Kind != rules.KindInterval {
			continue
		}
		s := ts.sentOf(e.Start)
		if otherDay(e.Value, start, ts.pub) {
			other[s] = true
		} else if e.Value != "" {
			same[s] = true
		}
	}
	return other, same
}

// notACause applies the rules that rule a cause phrase out, recording
// denied causes and notes.
func (ts *textScope) notACause(os *outageScope, e rules.Expr, o *corpus.Outage, oe *OutageExplanation) bool {
	g := os.g
	switch {
	case ts.cs.guarded(e):
		oe.Notes = append(oe.Notes, "not a cause (protection against it): "+e.Text)
		return true
	case e.Denied || ts.cs.denied(e):
		o.CauseDenied = appendUniq(o.CauseDenied, e.Cause)
		oe.CausesDenied = append(oe.CausesDenied, Phrase{Value: e.Cause, Text: e.Text, Rule: e.Rule})
		return true
	case e.Cause == corpus.CauseThirdParty && (namesItself(e.Text+" "+suffixHead(ts.d.text, e.End, 40), g.cand) || partOfName(e.Text, g.cand)):
		return true // "Fastly", "le fournisseur Cloudflare", "Azure" of Microsoft Azure is not the third party of its own outage
	case e.Cause == corpus.CauseThirdParty && (g.cand.kind == corpus.KindCloud || g.cand.kind == corpus.KindTelecom) && selfNoun(e.Text) && !ts.namesService(e.Text):
		return true // "l'hébergeur", "the provider": a cloud's or operator's own outage, unless another one is named
	case g.cand.kind == corpus.KindPower && e.Cause == corpus.CausePower:
		return true // a grid is not brought down by "a power cut"
	}
	return false
}

// chooseCause sets the outage's cause (or unknown), the phrases behind it
// and the other causes said of it.
func (c *Classifier) chooseCause(ts *textScope, os *outageScope, o *corpus.Outage, oe *OutageExplanation) SlotChoice {
	ccs, unknownSaid := ts.causeCands(os, o, oe)
	ecs := make([]exprCand, len(ccs))
	for i, cc := range ccs {
		ecs[i] = cc.exprCand
	}
	annotate(ecs, causeValue)
	for i := range ccs {
		ccs[i].agree = ecs[i].agree
	}
	cands := make([]Candidate, 0, len(ccs)+1)
	for i, cc := range ccs {
		cands = append(cands, Candidate{Value: cc.e.Cause, Text: cc.e.Text, Features: ts.causeFeatures(os, ecs, i, cc)})
	}
	cands = append(cands, Candidate{Value: corpus.CauseUnknown, Features: unknownFeatures(ccs, unknownSaid)})
	best, ch := c.choose(model.SlotCause, cands)
	o.Cause = corpus.CauseUnknown
	if best >= 0 && best < len(ccs) {
		c.setCause(ccs, best, o, oe)
	} else if os.gi > 0 && ts.main.cand.kind == corpus.KindCloud && os.g.cand.kind != corpus.KindCloud && sharesSentence(os.g, ts.main) {
		o.Cause = corpus.CauseThirdParty
		oe.Notes = append(oe.Notes, "named with the failing cloud "+ts.main.cand.key+": third_party")
	}
	return ch
}

// setCause sets the chosen cause, its evidence and the alternatives.
func (c *Classifier) setCause(ccs []causeCand, best int, o *corpus.Outage, oe *OutageExplanation) {
	chosen := ccs[best].e.Cause
	o.Cause = chosen
	for _, cc := range ccs {
		switch cc.e.Cause {
		case chosen:
			o.Evidence.Cause = appendUniq(o.Evidence.Cause, cc.e.Text)
			oe.Cause = append(oe.Cause, Phrase{Value: o.Cause, Text: cc.e.Text, Rule: cc.e.Rule})
		default:
			if cc.e.Cause != o.Cause {
				o.CauseAlt = appendUniq(o.CauseAlt, cc.e.Cause)
			}
		}
	}
}

// namesService reports whether a phrase names a service of the gazetteer.
func (ts *textScope) namesService(phrase string) bool {
	return len(ts.an.ds.svcM.find(newDoc(phrase))) > 0
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

// partOfName reports whether a cause phrase is whole words of the
// outage's own service's name or aliases ("Azure" in "Microsoft Azure",
// "Web Services" in "Amazon Web Services").
func partOfName(phrase string, cand *candidate) bool {
	p := " " + strings.ToLower(strings.TrimSpace(phrase)) + " "
	if len(p) < 5 {
		return false
	}
	for _, n := range append([]string{cand.key}, cand.aliases...) {
		if strings.Contains(" "+strings.ToLower(n)+" ", p) {
			return true
		}
	}
	return false
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

// afterPublication reports whether a day lies after the publication day:
// not a start.
func (ts *textScope) afterPublication(v string) bool {
	if ts.pub.IsZero() || strings.HasPrefix(v, "X") {
		return false
	}
	t, err := time.Parse("2006-01-02", v)
	return err == nil && t.After(ts.pub)
}

// elapsedOrForecast reports whether a length is time elapsed since
// something ("il y a deux ans", "two hours later") or a forecast
// ("repairs could take weeks"), unless a verb or a preposition says it is
// how long the outage lasted ("lasted", "pendant", "لمدة"), the outage
// still went on after it, or it counts from the outage ("ten days after
// it was shut down").
func (ts *textScope) elapsedOrForecast(e rules.Expr) bool {
	before := prefixTail(ts.d.text, e.Start, 32)
	if endsWithPhrase(before, modalCues) {
		return true
	}
	if e.Kind != rules.KindDuration || e.Still || endsWithPhrase(before, durCues) || endsWithPhrase(before, forCues) || forClitic(e.Text) {
		return false
	}
	if agoBefore(before) {
		return true
	}
	after := suffixHead(ts.d.text, e.End, 32)
	if startsWithPhrase(strings.TrimSpace(after), laterCues) && ts.cs.resolved[ts.sentOf(e.Start)] {
		return false // "service came back nearly 12 hours later"
	}
	return startsWithPhrase(after, agoAfterCues) && !ts.sinceTheOutage(after, e.End)
}

// onsetWords open a bound on the time something took ("en moins d'une
// heure", "within an hour", "خلال أقل من ساعة"), not on how long it lasted
// ("pendant moins d'une heure", "for less than an hour").
var onsetWords = map[string]bool{"en": true, "within": true, "in": true, "خلال": true, "في": true, "غضون": true}

// onsetBound reports whether a bound says how fast a failure came or
// spread, not how long it lasted: opening a sentence that reports the
// failure and not the return, before a comma ("En moins d'une heure, une
// centaine de routeurs ont cessé de fonctionner", "Within an hour, the
// outage had spread to every region"), or right after the outage word
// ("the connection was disrupted within an hour"). "Within an hour,
// service was restored" still gives a length.
func (ts *textScope) onsetBound(e rules.Expr) bool {
	d := ts.d
	if e.DurationKind != corpus.DurationAtMost {
		return false
	}
	k, end := d.exprToks(e)
	if k >= len(d.toks) {
		return false
	}
	first, _, _ := strings.Cut(strings.ToLower(e.Text), " ")
	from := -1 // the onset word opening the bound
	if onsetWords[first] {
		from = k
	}
	for j := k - 1; from < 0 && j >= 0 && j >= k-2 && onsetWords[d.toks[j].norm]; j-- {
		from = j // "خلال أقل من ساعة"
	}
	if from < 0 {
		return false
	}
	fronted := opensSentence(d, from) && end < len(d.toks) && strings.ContainsAny(d.gapBefore(end), ",،")
	s := d.toks[k].sent
	return (fronted || ts.failureBefore(from)) && ts.an.triggerSent[s] && !ts.ci.inSentence("back", s) && !ts.cs.resolved[s]
}

// failureBefore reports whether an outage word ends right before token k
// ("was disrupted within an hour", "توقفت خلال ساعة").
func (ts *textScope) failureBefore(k int) bool {
	for _, h := range ts.an.trigBySentence(ts.d.toks[k].sent) {
		if h.to == k {
			return true
		}
	}
	return false
}

// repeatWindow reports whether the text before a length says it is the
// window in which an outage repeated (repeatCues).
func repeatWindow(before string) bool {
	cut := cutPhrase(before, windowWords)
	return len(cut) < len(strings.TrimRightFunc(before, unicode.IsSpace)) && endsWithPhrase(cut, repeatCues)
}

// afterOtherEvent reports whether a length follows "after", "au bout
// de", "بعد" and may be counted from something else than the outage: its
// sentence does not say the service is back ("after four hours, access
// was restored") and no outage word follows it ("بعد أربع ساعات من
// انقطاعها"), as in "بعد شهرين من استحواذ" (two months after a takeover).
func (ts *textScope) afterOtherEvent(e rules.Expr) bool {
	before := prefixTail(ts.d.text, e.Start, 32)
	if !endsWithPhrase(cutPhrase(before, agoAdverb), elapsedCues) {
		return false
	}
	return !ts.cs.resolved[ts.sentOf(e.Start)] && !ts.outageWordAfter(e.End, 5)
}

// forClitic reports whether an Arabic length carries the preposition ل
// ("for"): "لساعات", "لعدة أيام" are how long something lasted.
func forClitic(text string) bool {
	return strings.HasPrefix(text, "ل") && !strings.HasPrefix(text, "ال")
}

// sinceTheOutage reports whether the words after a length count it from
// the outage's start ("ten days after it was shut down", "deux jours
// après la panne", "بعد الانقطاع"), not from another outage ("two weeks
// after a similar incident").
func (ts *textScope) sinceTheOutage(after string, off int) bool {
	t := strings.TrimSpace(after)
	for _, c := range afterCues {
		if startsWithPhrase(t, []string{c}) {
			rest := strings.TrimSpace(t[len(c):])
			if startsWithPhrase(rest, otherOutageCues) {
				return false
			}
			if c == "بعد" && !strings.HasPrefix(rest, "ال") && !strings.HasPrefix(rest, "أن") {
				return false // Arabic: a definite noun or a clause
			}
			return ts.outageWordAfter(off, 5)
		}
	}
	return false
}

// outageWordAfter reports whether an active outage word starts within n
// tokens after byte offset off, in the same sentence.
func (ts *textScope) outageWordAfter(off, n int) bool {
	d := ts.d
	k := d.tokAt(off)
	if k >= len(d.toks) {
		return false
	}
	for _, h := range ts.an.trigBySentence(d.toks[k].sent) {
		if h.from >= k && h.from < k+n {
			return true
		}
	}
	return false
}
