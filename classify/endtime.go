package classify

import (
	"time"

	"outages/classify/rules"
	"outages/corpus"
)

// Lengths computed from a start time and an end time stated in the text
// ("from 11:01 … fully working at 11:47", "vers 21 h … a pris fin vers 1
// heure du matin") are duration candidates like the lengths the rules
// read; the model chooses among them with the features of the pair.

// timeAt is a time of day stated in the text.
type timeAt struct {
	e    rules.Expr
	sent int
	hhmm string
	role string
}

// timeSpan is a length computed from a start and an end time.
type timeSpan struct {
	st, en   timeAt
	minutes  int
	endAfter bool // the end is said after the start
	adjacent bool // no other clock time is said between them
	endRole  bool // the end is marked by its own cue ("until", "rétabli à")
	endBack  bool // the end's sentence says the service is back
	first    bool // the start is the first clock time said of the outage
	zone     bool // both times name the same zone, or neither does
	endOther bool // the end is said in a sentence naming another outage
	halfDay  bool // one end read twelve hours later than written (no am or pm said): the shorter length
}

// maxSpanStarts bounds the start times paired with end times.
const maxSpanStarts = 6

// clockTimes returns the times of day stated in the text, in text order:
// written as clock times ("à 14h05", "around 3:30 a.m."), not parts of
// the day ("in the early hours").
func clockTimes(ts *textScope) []timeAt {
	d := ts.d
	var times []timeAt
	for _, e := range ts.exprs {
		k := d.tokAt(e.Start)
		if k >= len(d.toks) {
			continue
		}
		sent := d.toks[k].sent
		if e.Kind == rules.KindTime && e.Time != "" && clockText.MatchString(e.Text) {
			times = append(times, timeAt{e, sent, e.Time, e.Role})
		} else if hm, ok := clockTime(d.text, e); ok {
			times = append(times, timeAt{e, sent, hm, ""})
		}
	}
	return times
}

// spanCands pairs the start times said of the outage (in its region, or
// marked as a start and not said of another outage; not an end, not in a
// sentence saying the service is back) with the end
// times (marked as an end, or in a sentence saying the service is back),
// in either order in the text, into lengths
// of one minute to twenty hours; when a time said without am or pm makes
// the length over twelve hours, the length with that time read twelve
// hours later is a candidate too (unless the other end is written on a
// 24-hour clock: "vers 10 heures … à 23 heures" is thirteen hours).
func (ts *textScope) spanCands(os *outageScope) []timeSpan {
	times := clockTimes(ts)
	var starts, ends []int
	for i, t := range times {
		switch {
		case t.role == "end" || (ts.cs.resolved[t.sent] && t.role != "start" && !endLater(times, i)):
			ends = append(ends, i)
		case (os.region[t.sent] || (t.role == "start" && !ts.owned[t.sent])) && len(starts) < maxSpanStarts:
			starts = append(starts, i)
		}
	}
	var out []timeSpan
	for si, a := range starts {
		for _, b := range ends {
			st, en := times[a], times[b]
			m, ok := spanMinutes(st, en)
			if !ok || m < 1 {
				continue
			}
			sp := timeSpan{
				st: st, en: en, minutes: m,
				endAfter: b > a,
				adjacent: b == a+1 || a == b+1,
				endRole:  en.role == "end",
				endBack:  ts.cs.resolved[en.sent],
				endOther: ts.owned[en.sent] && !os.region[en.sent],
				first:    si == 0,
				zone:     st.e.Zone == en.e.Zone,
			}
			if m <= 20*60 {
				out = append(out, sp)
			}
			if m > 12*60 && (st.e.HalfDay || en.e.HalfDay) && !st.e.Clock24 && !en.e.Clock24 {
				sp.minutes, sp.halfDay = m-12*60, true // "à 21 h … à 11 h 20": 23 h 20
				out = append(out, sp)
			}
		}
	}
	return out
}

// endLater reports whether a time marked as an end follows times[i] in its
// sentence: then times[i] is the start ("coupé à midi et rétabli à 17h"),
// though the sentence says the service is back.
func endLater(times []timeAt, i int) bool {
	for _, t := range times[i+1:] {
		if t.sent == times[i].sent && t.role == "end" {
			return true
		}
	}
	return false
}

// expr is the span as a duration expression: exact, from the start to
// the end.
func (sp timeSpan) expr() rules.Expr {
	m := sp.minutes
	return rules.Expr{
		Kind: rules.KindInterval, Text: sp.st.e.Text + " … " + sp.en.e.Text,
		Start: sp.st.e.Start, End: sp.st.e.End, Minutes: &m, DurationKind: corpus.DurationExact,
		Rule: sp.st.e.Rule + " " + sp.en.e.Rule,
	}
}

// fitsBound reports whether a length of m minutes respects a bound said
// of the outage ("more than two hours", "less than a day").
func fitsBound(m int, e rules.Expr) bool {
	if e.Minutes == nil {
		return false
	}
	bound := float64(*e.Minutes)
	switch e.DurationKind {
	case corpus.DurationAtLeast:
		return float64(m) >= 0.9*bound
	case corpus.DurationAtMost:
		return float64(m) <= 1.1*bound
	}
	return false
}

// spanMinutes is the length from a start time to an end time: on the
// clock of their zone, or in UTC when they name different zones ("12:15
// PT … 20:30 UTC" is 75 minutes).
func spanMinutes(st, en timeAt) (int, bool) {
	if st.e.Zone != en.e.Zone && st.e.Zone != "" && en.e.Zone != "" {
		a, err1 := time.Parse(time.RFC3339, st.e.UTC)
		b, err2 := time.Parse(time.RFC3339, en.e.UTC)
		if err1 != nil || err2 != nil {
			return 0, false
		}
		return minutesBetween(a.Format("15:04"), b.Format("15:04"))
	}
	return minutesBetween(st.hhmm, en.hhmm)
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
