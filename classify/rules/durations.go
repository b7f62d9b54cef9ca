package rules

import (
	"math"
	"strings"
)

// durVal is a parsed length.
type durVal struct {
	secs   float64 // < 0 when vague
	kind   string
	rule   string
	hTight bool // written like a clock time ("2h30"): weak without a cue
}

var smaller = map[string]string{
	"year": "month", "quarter": "month", "month": "day", "week": "day",
	"day": "hour", "hour": "minute", "minute": "second",
}

// duration parses a length at i: "3 heures", "une heure et demie",
// "près de deux heures", "ساعتين", "two and a half hours", "1 year, 2 days".
func (s *scan) duration(i int) (durVal, int, bool) {
	if d, e, ok := s.dayRun(i); ok {
		return d, e, true
	}
	if m, ok := s.get(i, "vague"); ok {
		return durVal{secs: -1, kind: "vague", rule: m.e.loc}, m.end, true
	}
	kind := "exact"
	j := i
	hedgeRule := ""
	if m, ok := s.get(i, "hedge"); ok && (len(m.e.args) < 2 || m.e.args[1] == "before") {
		kind, j, hedgeRule = m.e.args[0], m.end, m.e.loc
		if s.is(j, "'") {
			j++ // "plus d'une", "près d'une"
		}
	}
	d, e, ok := s.durCore(j)
	if !ok {
		return durVal{}, i, false
	}
	if kind != "exact" && d.kind == "exact" || d.kind == "" {
		d.kind = kind
	}
	if hedgeRule != "" {
		// "jusqu'à 18h", "depuis 14h": a hedge that is also a role cue
		// keeps a length written like a clock time weak, so the time
		// reading wins
		if !(d.hTight && s.roleCueSpan(i, j)) {
			d.hTight = false
		}
		d.rule = hedgeRule
	}
	if m, ok := s.get(e, "hedge"); ok && len(m.e.args) == 2 && m.e.args[1] == "after" {
		if d.kind == "exact" {
			d.kind = m.e.args[0]
		}
		e = m.end
	}
	return d, e, true
}

// durCore parses the length without hedges.
func (s *scan) durCore(i int) (durVal, int, bool) {
	if m, ok := s.get(i, "vague"); ok {
		return durVal{secs: -1, kind: "vague", rule: m.e.loc}, m.end, true
	}
	if m, ok := s.get(i, "duration"); ok {
		d := durVal{secs: m.e.num, kind: "exact", rule: m.e.loc}
		if len(m.e.args) == 2 {
			d.kind = m.e.args[1]
		}
		return d, m.end, true
	}
	h, whole, wholeEnd, got := s.lengthHead(i)
	if whole != nil {
		return *whole, wholeEnd, true
	}
	if !got {
		return durVal{}, i, false
	}
	n, unit, e, rule, kind, tight := h.n, h.unit, h.end, h.rule, h.kind, h.tight
	e = s.skip(e, "filler")
	secs := n * float64(unitSeconds[unit])
	secs, e = s.fractionAfter(e, unit, secs)
	secs, e = s.compositeAfter(e, unit, secs)
	return durVal{secs: secs, kind: kind, rule: rule, hTight: tight}, e, true
}

// lengthHead is a count and its unit: "environ 3 heures", "ساعتين",
// "2 hours", "1/2 hour", "a 5-hour".
type lengthHead struct {
	n                float64
	unit, rule, kind string
	end              int
	tight            bool // the unit is glued and one letter: "2h", "3j"
}

// lengthHead reads the count and unit of a length at i; or a whole length
// that nothing composes with ("2'", "one and a half hours", "a
// 3-hour-long outage").
func (s *scan) lengthHead(i int) (lengthHead, *durVal, int, bool) {
	if m, ok := s.get(i, "approxnum"); ok {
		if u, ok := s.get(m.end, "unit"); ok {
			return lengthHead{n: m.e.num, unit: u.e.args[0], end: u.end, rule: u.e.loc, kind: "approx"}, nil, 0, true
		}
	}
	if m, ok := s.get(i, "dual"); ok {
		return lengthHead{n: 2, unit: m.e.args[0], end: m.end, rule: m.e.loc}, nil, 0, true
	}
	v, k, ok := s.num(i)
	if !ok {
		if s.lang == "ar" {
			if u, ok := s.get(i, "unit"); ok && !hasArticle(s.toks[i].s) {
				if p, ok := s.get(i, "vagueunit"); ok {
					// "بعد ساعات": hours, how many is not said
					return lengthHead{}, &durVal{secs: -1, kind: "vague", rule: p.e.loc}, u.end, true
				}
				if s.bareUnitIsWord(i, u.end) {
					return lengthHead{}, nil, 0, false
				}
				return lengthHead{n: 1, unit: u.e.args[0], end: u.end, rule: u.e.loc}, nil, 0, true
			}
		}
		return lengthHead{}, nil, 0, false
	}
	// 1/2 hour
	if s.is(k, "/") && s.adj(k) && s.adj(k+1) {
		if den, ok := s.digits(k+1, 1); ok && den > 0 {
			if _, ok := s.get(k+2, "unit"); ok {
				v, k = v/float64(den), k+2
			}
		}
	}
	if d, e, ok := s.wholeLength(i, k, v); ok {
		return lengthHead{}, &d, e, true
	}
	k = s.skip(k, "filler")
	// "a 5-hour disruption", "a two-hour outage": the length as
	// a compound adjective
	hyph := false
	if s.is(k, "-") && s.adj(k) && s.adj(k+1) {
		if _, ok := s.get(k+1, "unit"); ok && len(s.toks[k+1].s) > 1 {
			k, hyph = k+1, true
		}
	}
	u, ok := s.get(k, "unit")
	if !ok {
		return lengthHead{}, nil, 0, false
	}
	if s.toks[k].s == "s" && (!s.adj(k) || s.decade(i, k)) {
		return lengthHead{}, nil, 0, false
	}
	if hyph {
		// "a 3-hour-long outage"; nothing composes with it
		return lengthHead{}, &durVal{secs: v * float64(unitSeconds[u.e.args[0]]), kind: "exact", rule: u.e.loc}, s.skipLong(u.end), true
	}
	tight := s.toks[k].s == "h" || s.toks[k].s == "j" || s.toks[k].s == "s"
	return lengthHead{n: v, unit: u.e.args[0], end: u.end, rule: u.e.loc, tight: tight}, nil, 0, true
}

// decade reports whether the number at i with the "s" glued at k names a
// decade, not seconds: a year ("the 2010s", "mid-1990s") or a round tens
// after an article or a part word ("the 90s", "early 80s").
func (s *scan) decade(i, k int) bool {
	n := s.toks[i].s
	if k != i+1 || s.toks[i].kind != '0' {
		return false
	}
	if len(n) == 4 {
		return true
	}
	if len(n) != 2 || n[1] != '0' || i == 0 {
		return false
	}
	switch s.toks[i-1].s {
	case "the", "mid", "early", "late", "les", "des", "annees", "-":
		return true
	}
	return false
}

// bareUnitIsWord reports whether a bare Arabic unit at i (ending at end)
// is a word of the sentence, not one unit of time: "عام" after a noun is
// the adjective "general" ("انقطاع عام", a general outage), and "يوم"
// before a day names that day ("يوم أمس", "يوم الثلاثاء"). Alone, or
// after a length cue or a hedge, it is one unit ("لمدة عام", "شهر").
func (s *scan) bareUnitIsWord(i, end int) bool {
	if s.durCueBefore(i) || s.kindBefore(i, "hedge") {
		return false
	}
	switch s.toks[i].s {
	case "عام", "عاما":
		return i > 0 && s.toks[i-1].kind == 'a' && !s.sentenceBreak(i-1)
	case "يوم", "يوما":
		_, rel := s.get(end, "relday")
		_, wd := s.get(end, "weekday")
		return rel || wd
	}
	return false
}

// wholeLength reads the lengths of a number v at i (ending at k) that
// nothing composes with: "2'" and "1\"", "one and a half hours", "two and
// a quarter of an hour".
func (s *scan) wholeLength(i, k int, v float64) (durVal, int, bool) {
	// 2' and 1"
	if s.toks[i].kind == '0' && s.adj(k) && (s.is(k, "'") || s.is(k, "\"")) && !s.adj(k+1) {
		secs := v * 60
		if s.is(k, "\"") {
			secs = v
		}
		return durVal{secs: secs, kind: "exact", rule: "prime"}, k + 1, true
	}
	// one and a half hours, two and a quarter of hour
	if a, ok := s.get(k, "and"); ok {
		k2 := a.end
		if m, ok := s.get(k2, "number"); ok && m.e.num == 1 {
			k2 = m.end
		}
		if f, ok := s.get(k2, "frac"); ok {
			k3 := s.skip(f.end, "of")
			if u, ok := s.get(k3, "unit"); ok {
				return durVal{secs: (v + f.e.num) * float64(unitSeconds[u.e.args[0]]), kind: "exact", rule: u.e.loc}, u.end, true
			}
		}
	}
	return durVal{}, i, false
}

// fractionAfter adds a fraction said after a length: "et demie", "and a
// half", "ونصف".
func (s *scan) fractionAfter(e int, unit string, secs float64) (float64, int) {
	// "et demie", "and a half", "ونصف"
	if a, ok := s.andAt(e); ok {
		k := a
		if m, ok := s.get(k, "number"); ok && m.e.num == 1 && s.lang == "en" {
			k = m.end
		}
		if f, ok := s.get(k, "frac"); ok {
			if _, isUnit := s.get(f.end, "unit"); !isUnit {
				secs += f.e.num * float64(unitSeconds[unit])
				e = f.end
			}
		}
	}
	if s.lang == "ar" && e < len(s.toks) && len(s.toks[e].s) > len("و") && s.toks[e].s[:len("و")] == "و" {
		if f, ok := s.get(e, "frac"); ok {
			secs += f.e.num * float64(unitSeconds[unit])
			e = f.end
		}
	}
	return secs, e
}

// compositeAfter adds the smaller units of a composite length: "1 hour and
// 30 minutes", "2 years, 3 months", "2 heures 30".
func (s *scan) compositeAfter(e int, unit string, secs float64) (float64, int) {
	for {
		k := e
		if a, ok := s.andAt(k); ok {
			k = a
		}
		v, k2, ok := s.num(k)
		if !ok {
			if s.lang == "ar" {
				if dm, ok := s.get(k, "dual"); ok && unitSeconds[dm.e.args[0]] < unitSeconds[unit] {
					secs += 2 * float64(unitSeconds[dm.e.args[0]])
					e, unit = dm.end, dm.e.args[0]
					continue
				}
			}
			break
		}
		if u, ok := s.get(k2, "unit"); ok {
			if unitSeconds[u.e.args[0]] >= unitSeconds[unit] {
				break
			}
			// a composite length counts in its smallest unit: "2 years
			// and 3 months" is 27 months (a year is 365 days, a month 30)
			us := float64(unitSeconds[u.e.args[0]])
			secs = math.Round(secs/us)*us + v*us
			e, unit = u.end, u.e.args[0]
			continue
		}
		// a bare number after hours counts minutes: "1 hour thirty"; not
		// after a comma ("deux heures, une première") nor an article
		// ("two hours a day")
		low := smaller[unit]
		if (unit == "hour" || unit == "minute") && v < 60 && v == math.Trunc(v) && !s.startsDate(k2) && !s.is(e, ",") && (v > 1 || s.toks[k].kind == '0') {
			if _, ok := s.get(k2, "hourword"); !ok {
				secs += v * float64(unitSeconds[low])
				e = k2
			}
		}
		break
	}
	return secs, e
}

// startsDate reports whether token i starts something that makes the
// number before it part of another expression (a month name).
func (s *scan) startsDate(i int) bool {
	_, ok := s.get(i, "month")
	return ok
}

// skipLong returns the token after "-long" at i ("a 3-hour-long outage"),
// else i.
func (s *scan) skipLong(i int) int {
	if s.is(i, "-") && s.adj(i) && s.is(i+1, "long") && s.adj(i+1) {
		return i + 2
	}
	return i
}

// andAt returns the token after a conjunction at i ("et", "and", "و" or
// a word with the clitic و).
func (s *scan) andAt(i int) (int, bool) {
	if a, ok := s.get(i, "and"); ok {
		return a.end, true
	}
	return i, false
}

// dayRun parses the n-th day of a run ("has entered its fifth day", "pour
// le troisième jour consécutif", "لليوم الخامس على التوالي"): at least n-1
// whole days have passed. A run cue must stand before or after it (or, in
// Arabic, the preposition ل on the day word), so that "the second day of
// the conference" is not a length.
func (s *scan) dayRun(i int) (durVal, int, bool) {
	j, cue, rule := i, false, ""
	if m, ok := s.get(i, "dayrun"); ok && m.e.args[0] == "before" {
		j, cue, rule = m.end, true, m.e.loc
	} else if m, ok := s.get(i, "number"); ok && m.e.num == 1 {
		j = m.end // "a second straight day": the run word must follow
	} else if m, ok := s.get(i, "det"); ok {
		j = m.end
	}
	n, unit, e, mid, ok := s.nthUnit(j)
	cue = cue || mid
	if !ok || n < 2 {
		return durVal{}, i, false
	}
	if m, ok := s.get(e, "dayrun"); ok && m.e.args[0] == "after" {
		e, cue = m.end, true
		if rule == "" {
			rule = m.e.loc
		}
	}
	if s.lang == "ar" && strings.HasPrefix(s.toks[j].s, "ل") {
		cue = true
	}
	if !cue {
		return durVal{}, i, false
	}
	if rule == "" {
		rule = "dayrun"
	}
	return durVal{secs: float64(n-1) * float64(unitSeconds[unit]), kind: "at_least", rule: rule}, e, true
}

// nthUnit reads an ordinal and a day or week unit in either order ("fifth
// straight day", "اليوم الخامس"), with fillers between them; mid reports a
// run word between them ("third consecutive day").
func (s *scan) nthUnit(j int) (n int, unit string, end int, mid, ok bool) {
	runUnit := func(m match) bool { return m.e.args[0] == "day" || m.e.args[0] == "week" }
	if o, ok := s.get(j, "ordinal"); ok {
		k := o.end
		for k < len(s.toks) {
			if m, ok := s.get(k, "dayrun"); ok && m.e.args[0] == "after" {
				k, mid = m.end, true // "third consecutive day"
			} else if m, ok := s.get(k, "filler"); ok {
				k = m.end
			} else {
				break
			}
		}
		if u, ok := s.get(k, "unit"); ok && runUnit(u) {
			return int(o.e.num), u.e.args[0], u.end, mid, true
		}
	}
	if s.lang == "ar" {
		if u, ok := s.get(j, "unit"); ok && runUnit(u) {
			if o, ok := s.get(u.end, "ordinal"); ok {
				return int(o.e.num), u.e.args[0], o.end, false, true
			}
		}
	}
	return 0, "", j, false, false
}

// roleCueSpan reports whether tokens [i, j) are also a role cue of an
// end or a start ("jusqu'à", "until", "depuis").
func (s *scan) roleCueSpan(i, j int) bool {
	for _, m := range s.ms[i] {
		if m.e.kind == "role" && m.end == j {
			return true
		}
	}
	return false
}
