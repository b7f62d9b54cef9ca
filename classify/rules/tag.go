package rules

import (
	"math"
	"sort"
	"time"
)

// cand is a candidate expression over tokens [i, j).
type cand struct {
	e    Expr
	i, j int
	prio int  // breaks ties between candidates of the same length
	none bool // a blocking phrase: covers the tokens, emits nothing
}

// Tag finds the date, time, interval, duration and cause expressions of
// text in language lang ("fr", "ar" or "en"; others give nil), resolving
// relative ones against ref. The result is sorted by Start; overlapping
// candidates are resolved leftmost-longest. Tag never panics and runs in
// time linear in len(text).
func (t *Tagger) Tag(text, lang string, ref Ref) []Expr {
	lx, ok := t.langs[lang]
	if !ok || text == "" {
		return nil
	}
	s := newScan(lx, text, ref)
	out := s.temporal()
	out = append(out, s.causes()...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End > out[b].End
	})
	return out
}

// temporal runs every temporal parser at each token and keeps the
// longest candidate, then continues after it.
func (s *scan) temporal() []Expr {
	var out []Expr
	for i := 0; i < len(s.toks); {
		if len(s.ms[i]) == 0 && s.toks[i].kind != '0' {
			i++ // no parser starts on a word that is in no rule
			continue
		}
		best := cand{j: i}
		consider := func(c cand, ok bool) {
			if !ok {
				return
			}
			if c.j > best.j || c.j == best.j && c.j > i && c.prio > best.prio {
				best = c
			}
		}
		if m, ok := s.get(i, "nodur"); ok {
			consider(cand{i: i, j: m.end, prio: 10, none: true}, true)
		}
		consider(s.dateTimeCand(i))
		consider(s.intervalCand(i))
		consider(s.durationCand(i))
		if best.j <= i {
			i++
			continue
		}
		if !best.none {
			out = append(out, best.e)
		}
		i = best.j
	}
	return out
}

// durationCand wraps duration as a candidate.
func (s *scan) durationCand(i int) (cand, bool) {
	d, e, ok := s.duration(i)
	if !ok {
		return cand{}, false
	}
	x := s.expr(KindDuration, i, e, d.rule)
	x.DurationKind = d.kind
	if d.secs >= 0 {
		sec := int(math.Round(d.secs))
		min := int(math.Round(d.secs / 60))
		x.Seconds, x.Minutes = &sec, &min
	}
	prio := 2
	if d.hTight && !s.durCueBefore(i) {
		prio = 0 // "2h" alone reads as a clock time first
	}
	return cand{e: x, i: i, j: e, prio: prio}, true
}

// durCueBefore reports whether a duration cue ("pendant", "for", "لمدة")
// stands just before token i.
func (s *scan) durCueBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		for _, m := range s.ms[k] {
			if m.e.kind == "durcue" && m.end == i {
				return true
			}
		}
	}
	return false
}

// dateTimeCand parses a date, a time, or both together.
func (s *scan) dateTimeCand(i int) (cand, bool) {
	d, de, dok := s.date(i)
	c, ce, cok := s.clock(i, true)
	switch {
	case dok && (!cok || de >= ce):
		// date, maybe followed by a time
		k := de
		if s.is(k, ",") || s.is(k, "-") {
			k++
		}
		if c2, e2, ok := s.clock(k, true); ok && (c2.hasPrep || c2.minute || c2.ampm || c2.zone != nil || s.toks[k].kind == '0') {
			return s.timeCand(i, e2, d, true, c2), true
		}
		if d.grain == "hour" {
			x := s.expr(KindTime, i, de, d.rule)
			return cand{e: x, i: i, j: de, prio: 3}, true
		}
		return s.dateCand(i, de, d), true
	case cok:
		// time, maybe followed by a date
		k := ce
		if s.is(k, ",") {
			k++
		}
		k = s.skip(k, "det")
		if d2, e2, ok := s.date(k); ok && d2.grain == "day" {
			return s.timeCand(i, e2, d2, true, c), true
		}
		return s.timeCand(i, ce, dateVal{}, false, c), true
	}
	return cand{}, false
}

func (s *scan) dateCand(i, j int, d dateVal) cand {
	x := s.expr(KindDate, i, j, d.rule)
	x.Value, x.Grain = d.value(), d.grain
	x.Role = s.role(i)
	return cand{e: x, i: i, j: j, prio: 1}
}

func (s *scan) timeCand(i, j int, d dateVal, hasDate bool, c clockVal) cand {
	x := s.expr(KindTime, i, j, c.rule)
	if hasDate {
		x.Value = d.value()
		if x.Rule == "clock" || x.Rule == "" {
			x.Rule = d.rule
		}
	}
	x.Time = c.String()
	x.Grain = "hour"
	if c.minute {
		x.Grain = "minute"
	}
	x.Zone = c.zoneText
	x.UTC = utcOf(x.Value, c)
	x.Role = s.role(i)
	return cand{e: x, i: i, j: j, prio: 1}
}

// utcOf is the RFC 3339 instant of a full day and a zoned time, or "".
func utcOf(day string, c clockVal) string {
	if c.zone == nil || len(day) != 10 || day[0] == 'X' {
		return ""
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+c.String(), c.zone)
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// role looks for a start or end cue in the few words before token i (or
// at its start: "à partir de 11h01" begins with its cue).
func (s *scan) role(i int) string {
	for k := i + 2; k >= 0 && k >= i-5; k-- {
		if k < len(s.toks) && k < i && s.sentenceBreak(k) {
			break
		}
		if k >= len(s.toks) {
			continue
		}
		for _, m := range s.ms[k] {
			if m.e.kind == "role" && m.end <= i+3 && (k < i || m.end > i) {
				if k >= i && m.end > i+3 {
					continue
				}
				if k >= i {
					// a cue inside the expression must be its preposition
					if _, ok := s.get(k, "timeprep"); !ok && k != i {
						continue
					}
				}
				return m.e.args[0]
			}
		}
	}
	return ""
}

// intervalCand parses spans: "de 19h à 20h", "between 2 p.m. and 4 p.m.",
// "du 13 au 15 juillet", "13-15 juillet", "19h-20h".
func (s *scan) intervalCand(i int) (cand, bool) {
	j := i
	from := false
	if m, ok := s.get(i, "spanfrom"); ok {
		j, from = m.end, true
	}
	// times
	if c1, e1, ok := s.clock(j, true); ok {
		if to, ok := s.get(e1, "spanto"); ok && (from || to.e.toks[0] == "-") {
			if c2, e2, ok := s.clock(to.end, true); ok {
				if c2.ampm && !c1.ampm && c1.h < 12 && c1.h+12 <= c2.h {
					c1.h += 12
				}
				if c1.zone == nil && c2.zone != nil {
					c1.zone = c2.zone
				}
				// an optional day after or before
				var d dateVal
				hasDate := false
				k := e2
				if s.is(k, ",") {
					k++
				}
				if dd, e3, ok := s.date(k); ok && dd.grain == "day" {
					d, hasDate, e2 = dd, true, e3
				}
				x := s.expr(KindInterval, i, e2, firstNonEmpty(c1.rule, c2.rule))
				mins := (c2.h*60 + c2.m) - (c1.h*60 + c1.m)
				if mins < 0 {
					mins += 24 * 60 // across midnight
				}
				x.From, x.To = c1.String(), c2.String()
				if hasDate && d.ok && d.y != 0 {
					day := d.value()
					x.Value = day
					x.From = day + "T" + c1.String()
					end, _ := time.Parse("2006-01-02T15:04", x.From)
					x.To = end.Add(time.Duration(mins) * time.Minute).Format("2006-01-02T15:04")
				}
				x.Time, x.Zone = c1.String(), firstNonEmpty(c1.zoneText, c2.zoneText)
				x.Grain = "minute"
				sec := mins * 60
				x.Minutes, x.Seconds, x.DurationKind = &mins, &sec, "exact"
				return cand{e: x, i: i, j: e2, prio: 1}, true
			}
		}
	}
	// dates: "du 13 au 15 juillet", "13-15 juillet", "from March 3 to March 5"
	k := s.skip(j, "det")
	if dn, e1, ok := s.dayNum(k); ok {
		if to, ok := s.get(e1, "spanto"); ok && (from || to.e.toks[0] == "-") {
			if d2, e2, ok := s.absDate(s.skip(to.end, "det")); ok && d2.grain == "day" && dn < d2.d && validDay(d2.y, d2.m, dn) {
				d1 := d2
				d1.d = dn
				if d1.y != 0 || true {
					x := s.expr(KindInterval, i, e2, d2.rule)
					x.From, x.To, x.Value, x.Grain = d1.value(), d2.value(), d1.value(), "day"
					return cand{e: x, i: i, j: e2, prio: 1}, true
				}
			}
		}
	}
	if d1, e1, ok := s.absDate(j); ok && d1.grain == "day" && from {
		if to, ok := s.get(e1, "spanto"); ok {
			if d2, e2, ok := s.absDate(s.skip(to.end, "det")); ok && d2.grain == "day" {
				x := s.expr(KindInterval, i, e2, d1.rule)
				x.From, x.To, x.Value, x.Grain = d1.value(), d2.value(), d1.value(), "day"
				return cand{e: x, i: i, j: e2, prio: 1}, true
			}
		}
	}
	return cand{}, false
}

// Published finds a publication date stated in the text ("Publié le 22
// juin 2012 à 10h54", "Published June 22, 2012", "نشر في 22 يونيو 2012"):
// the first date with a year after a publication cue.
func (t *Tagger) Published(text, lang string) (Expr, bool) {
	lx, ok := t.langs[lang]
	if !ok || text == "" {
		return Expr{}, false
	}
	s := newScan(lx, text, Ref{})
	for i := range s.toks {
		m, ok := s.get(i, "pub")
		if !ok {
			continue
		}
		for k := m.end; k < len(s.toks) && k <= m.end+3; k++ {
			c, ok := s.dateTimeCand(k)
			if !ok || c.e.Kind == KindCause {
				continue
			}
			if len(c.e.Value) == 10 && c.e.Value[0] != 'X' {
				return c.e, true
			}
		}
	}
	return Expr{}, false
}
