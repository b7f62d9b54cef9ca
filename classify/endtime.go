package classify

import (
	"time"

	"outages/classify/rules"
	"outages/corpus"
)

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
func durationFromTimes(ts *textScope, region map[int]bool, o *corpus.Outage, oe *OutageExplanation) {
	if o.DurationKind == corpus.DurationExact || o.DurationKind == corpus.DurationApprox {
		return
	}
	if o.DurationKind != "" && spanInRegion(ts, region, o, oe) {
		return
	}
	times := clockTimes(ts)
	st, en, ok := startAndEnd(ts.cs, times, region)
	if !ok || !clockText.MatchString(st.text) || !clockText.MatchString(en.text) {
		return // "in the early hours": not a time to count minutes from
	}
	m, ok := minutesBetween(st.hhmm, en.hhmm)
	if !ok || m < 1 || m > 20*60 || !fitsBound(m, o) {
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

// spanInRegion replaces a bound with a span of times stated as one
// expression ("from 9:10 until 11:40") in the region that respects it.
func spanInRegion(ts *textScope, region map[int]bool, o *corpus.Outage, oe *OutageExplanation) bool {
	d := ts.d
	for _, e := range ts.exprs {
		if e.Kind != rules.KindInterval || e.Minutes == nil || *e.Minutes <= 0 {
			continue
		}
		if k := d.tokAt(e.Start); k < len(d.toks) && region[d.toks[k].sent] && fitsBound(*e.Minutes, o) {
			m := *e.Minutes
			o.DurationMin, o.DurationKind = &m, corpus.DurationExact
			o.Evidence.Duration = []string{e.Text}
			oe.Duration = &Phrase{Value: durationValue(e), Text: e.Text, Rule: e.Rule}
			return true
		}
	}
	return false
}

// clockTimes returns the times of day stated in the text, in text order.
func clockTimes(ts *textScope) []timeAt {
	d := ts.d
	var times []timeAt
	for _, e := range ts.exprs {
		k := d.tokAt(e.Start)
		if k >= len(d.toks) {
			continue
		}
		sent := d.toks[k].sent
		if e.Kind == rules.KindTime && e.Time != "" {
			times = append(times, timeAt{e.Start, sent, e.Time, e.Role, e.Text, e.Rule})
		} else if hm, ok := clockTime(d.text, e); ok {
			times = append(times, timeAt{e.Start, sent, hm, "", e.Text, e.Rule})
		}
	}
	return times
}

// startAndEnd finds the first time of the region that is not an end, and
// the end: a later time the rules mark as an end, or the last time of the
// first later sentence saying the service is back.
func startAndEnd(cs *cueSet, times []timeAt, region map[int]bool) (timeAt, timeAt, bool) {
	startIdx := -1
	for i, t := range times {
		if region[t.sent] && t.role != "end" && !cs.resolved[t.sent] {
			startIdx = i
			break
		}
	}
	if startIdx < 0 {
		return timeAt{}, timeAt{}, false
	}
	st := times[startIdx]
	for i := startIdx + 1; i < len(times); i++ {
		t := times[i]
		switch {
		case t.role == "end":
			return st, t, true
		case t.sent == st.sent:
			continue
		case cs.resolved[t.sent]:
			for i+1 < len(times) && times[i+1].sent == t.sent {
				i++
			}
			return st, times[i], true
		}
	}
	return timeAt{}, timeAt{}, false
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
