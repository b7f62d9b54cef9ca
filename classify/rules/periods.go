package rules

import "time"

// This file holds the date forms that count inside a period: "the third
// day of October", "la dernière semaine de septembre 2014", "الأسبوع الأول
// من شهر عشرة", "4th quarter 2018", "the week of October 7th", "3 fridays
// from now", "next March", "le lendemain du 13 février".

// ordAt reads an ordinal at i: an ordinal word ("third", "troisième",
// "الثالث") or digits with an ordinal suffix ("3rd", "3eme").
func (s *scan) ordAt(i int) (int, int, bool) {
	if m, ok := s.get(i, "ordinal"); ok {
		return int(m.e.num), m.end, true
	}
	if v, ok := s.digits(i, 2); ok && v >= 1 && s.adj(i+1) {
		if m, ok := s.get(i+1, "ordsuffix"); ok {
			return v, m.end, true
		}
	}
	return 0, i, false
}

// rank reads "third", "last", "second last", "3rd last" at i: n > 0
// counts from the start of a period, n < 0 from its end.
func (s *scan) rank(i int) (int, int, bool) {
	if n, e, ok := s.ordAt(i); ok {
		if m, ok := s.get(e, "lastord"); ok {
			return -n, m.end, true
		}
		return n, e, true
	}
	if m, ok := s.get(i, "lastord"); ok {
		return -1, m.end, true
	}
	return 0, i, false
}

// periodVal is a month or a year that a rank counts in.
type periodVal struct {
	y, m int // m is 0 for a whole year
}

func (p periodVal) bounds() (time.Time, time.Time) {
	if p.m == 0 {
		return time.Date(p.y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(p.y, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	first := time.Date(p.y, time.Month(p.m), 1, 0, 0, 0, 0, time.UTC)
	return first, first.AddDate(0, 1, -1)
}

// monthX reads a month at i like month, and also the Arabic "الشهر
// التاسع" (the ninth month), which only reads as a month where a month is
// expected.
func (s *scan) monthX(i int) (int, int, string, bool) {
	if m, e, loc, ok := s.month(i); ok {
		return m, e, loc, true
	}
	if s.lang == "ar" {
		if u, ok := s.get(i, "unit"); ok && u.e.args[0] == "month" && hasArticle(s.toks[i].s) {
			if o, ok := s.get(u.end, "ordinal"); ok && o.e.num <= 12 {
				return int(o.e.num), o.end, "ar-month-ordinal", true
			}
		}
	}
	return 0, i, "", false
}

// periodAt reads the period after "of": a month with an optional year
// ("octobre 2014", "شهر عشرة سنة 2015"), a month named relative to the
// reference ("next month", "du mois prochain"), "the month" (the current
// one), a year ("of 2018", "لعام 2014") or a year named relative to the
// reference ("next year").
func (s *scan) periodAt(k int) (periodVal, int, bool) {
	if mo, e, _, ok := s.monthX(k); ok {
		y, e2 := s.optYear(e)
		if y == 0 {
			y = s.refYear()
		}
		if y == 0 {
			return periodVal{}, k, false
		}
		return periodVal{y: y, m: mo}, e2, true
	}
	rd, known := s.refDay()
	if m, ok := s.get(k, "relperiod"); ok && (m.e.args[0] == "month" || m.e.args[0] == "year") {
		if !known {
			return periodVal{}, k, false
		}
		p := s.period(rd, m.e.args[0], int(m.e.num2()))
		if m.e.args[0] == "year" {
			return periodVal{y: p.y}, m.end, true
		}
		return periodVal{y: p.y, m: p.m}, m.end, true
	}
	k2 := s.skip(k, "det")
	if u, ok := s.get(k2, "unit"); ok && u.e.args[0] == "month" && known && (k2 > k || s.detBefore(k2) || s.lang == "ar" && hasArticle(s.toks[k2].s)) {
		return periodVal{y: rd.Year(), m: int(rd.Month())}, u.end, true
	}
	k2 = s.skip(k, "yearprep")
	if y, e, ok := s.year(k2, false); ok {
		return periodVal{y: y}, e, true
	}
	return periodVal{}, k, false
}

// rankedUnit reads a ranked day, week or quarter before "of": "third day",
// "last week", "2nd last week", "premier jour", and the Arabic order
// "الأسبوع الأول", "اليوم الأخير". It returns the rank, the unit and the
// token after.
func (s *scan) rankedUnit(i int) (int, string, int, bool) {
	j := s.skip(i, "det")
	if n, e, ok := s.rank(j); ok {
		e = s.skip(e, "filler")
		if u, ok := s.get(e, "unit"); ok {
			switch u.e.args[0] {
			case "day", "week", "quarter":
				return n, u.e.args[0], u.end, true
			}
		}
	}
	if s.lang == "ar" {
		if u, ok := s.get(j, "unit"); ok {
			switch u.e.args[0] {
			case "day", "week", "quarter":
				if n, e, ok := s.rank(u.end); ok {
					return n, u.e.args[0], e, true
				}
			}
		}
	}
	return 0, "", i, false
}

// nthOf parses a ranked day, week or quarter of a period. Weeks are the
// weeks that lie wholly in the period (Monday to Sunday) and are named by
// their Monday; a quarter with no period is one of the reference year.
func (s *scan) nthOf(i int) (dateVal, int, bool) {
	n, unit, e, ok := s.rankedUnit(i)
	if !ok || n == 0 {
		return dateVal{}, i, false
	}
	k := s.skip(e, "of")
	p, e2, ok := s.periodAt(k)
	if !ok {
		if unit != "quarter" {
			return dateVal{}, i, false
		}
		y, e3, ok := s.year(e, false)
		if !ok {
			y = s.refYear()
			e3 = e
		}
		if y == 0 {
			return dateVal{}, i, false
		}
		p, e2 = periodVal{y: y}, e3
	}
	d, ok := p.nth(unit, n)
	if !ok {
		return dateVal{}, i, false
	}
	d.rule = "rank"
	return d, e2, true
}

// nth is the n-th (from the end when n < 0) day, week or quarter of p.
func (p periodVal) nth(unit string, n int) (dateVal, bool) {
	first, last := p.bounds()
	switch unit {
	case "day":
		t := first.AddDate(0, 0, n-1)
		if n < 0 {
			t = last.AddDate(0, 0, n+1)
		}
		if t.Before(first) || t.After(last) {
			return dateVal{}, false
		}
		return fromTime(t, "day", ""), true
	case "week":
		mon := first.AddDate(0, 0, (8-int(first.Weekday()))%7) // first Monday
		if n > 0 {
			t := mon.AddDate(0, 0, 7*(n-1))
			if t.AddDate(0, 0, 6).After(last) {
				return dateVal{}, false
			}
			d := fromTime(t, "week", "")
			return d, true
		}
		sun := last.AddDate(0, 0, -int(last.Weekday())) // last Sunday
		t := sun.AddDate(0, 0, -6+7*(n+1))
		if t.Before(first) {
			return dateVal{}, false
		}
		return fromTime(t, "week", ""), true
	case "quarter":
		if p.m != 0 || n < -4 || n > 4 {
			return dateVal{}, false
		}
		if n < 0 {
			n += 5
		}
		return dateVal{y: p.y, m: 3*(n-1) + 1, grain: "quarter", ok: true}, true
	}
	return dateVal{}, false
}

// quarterCode parses "Q4 2018", "2018Q4", "18q4", "T3 2018": a quarter
// letter (rule kind qletter) glued to its number, next to a year.
func (s *scan) quarterCode(i int) (dateVal, int, bool) {
	q := func(k int) (int, bool) {
		if _, ok := s.get(k, "qletter"); !ok || !s.adj(k+1) {
			return 0, false
		}
		n, ok := s.digits(k+1, 1)
		return n, ok && n >= 1 && n <= 4
	}
	// letter first, then the year
	if n, ok := q(i); ok {
		k := i + 2
		if s.is(k, "-") || s.is(k, "/") {
			k++
		}
		if y, e, ok := s.year(k, false); ok {
			return dateVal{y: y, m: 3*(n-1) + 1, grain: "quarter", ok: true, rule: "quarter-code"}, e, true
		}
		return dateVal{}, i, false
	}
	// the year glued before: 2018Q4, 18q4
	if i+1 < len(s.toks) && s.toks[i].kind == '0' && s.adj(i+1) {
		l := len(s.toks[i].s)
		if n, ok := q(i + 1); ok && (l == 2 || l == 4) && !(s.adj(i+3) && i+3 < len(s.toks) && s.toks[i+3].kind != '.') {
			v, _ := s.digits(i, 4)
			y := fullYear(v, l)
			if y >= 1900 && y <= 2099 {
				return dateVal{y: y, m: 3*(n-1) + 1, grain: "quarter", ok: true, rule: "quarter-code"}, i + 3, true
			}
		}
	}
	return dateVal{}, i, false
}

// weekOf parses "the week of October 7th", "la semaine du 7 octobre": the
// week (named by its Monday) that holds the day.
func (s *scan) weekOf(i int) (dateVal, int, bool) {
	j := s.skip(i, "det")
	u, ok := s.get(j, "unit")
	if !ok || u.e.args[0] != "week" || j == i {
		return dateVal{}, i, false
	}
	k := s.skip(u.end, "of")
	if k == u.end {
		return dateVal{}, i, false
	}
	d, e, ok := s.absDate(s.skip(k, "det"))
	if !ok || d.grain != "day" || d.y == 0 {
		return dateVal{}, i, false
	}
	t := time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC)
	t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	w := fromTime(t, "week", d.rule)
	return w, e, true
}

// weekdayCount parses "3 fridays from now", "two thursdays ago": the n-th
// such weekday after (before) the reference day, not counting it.
func (s *scan) weekdayCount(i int) (dateVal, int, bool) {
	n, e, ok := s.num(i)
	if !ok || n < 1 || n > 52 || n != float64(int(n)) {
		return dateVal{}, i, false
	}
	w, ok := s.get(e, "weekday")
	if !ok {
		return dateVal{}, i, false
	}
	sh, ok := s.get(w.end, "shift")
	if !ok || sh.e.args[1] != "after" {
		return dateVal{}, i, false
	}
	rd, known := s.refDay()
	if !known {
		return dateVal{grain: "day", rule: w.e.loc}, sh.end, true
	}
	wd := int(w.e.num)
	refWd := (int(rd.Weekday())+6)%7 + 1
	var t time.Time
	if sh.e.num > 0 {
		fwd := (wd - refWd + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		t = rd.AddDate(0, 0, fwd+7*(int(n)-1))
	} else {
		back := (refWd - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		t = rd.AddDate(0, 0, -back-7*(int(n)-1))
	}
	return fromTime(t, "day", w.e.loc), sh.end, true
}

// monthRel parses a month with a modifier: "next March", "last March",
// "mars prochain", "مارس الماضي". Next is the first
// such month after the reference month, last the latest one before it.
func (s *scan) monthRel(i int) (dateVal, int, bool) {
	j := i
	mod := ""
	if m, ok := s.get(j, "wdmod"); ok && (len(m.e.args) < 2 || m.e.args[1] == "before") {
		mod, j = m.e.args[0], m.end
	}
	mo, e, loc, ok := s.month(j)
	if !ok {
		return dateVal{}, i, false
	}
	if m, ok := s.get(e, "wdmod"); ok && len(m.e.args) == 2 && m.e.args[1] == "after" && (mod == "" || mod == "bare") {
		if a := m.e.args[0]; a == "future" || a == "past" {
			mod, e = a, m.end
		}
	}
	rd, known := s.refDay()
	if !known {
		return dateVal{}, i, false
	}
	refM := int(rd.Month())
	y := rd.Year()
	switch mod {
	case "future", "nextweek":
		if mo <= refM {
			y++
		}
	case "past", "lastweek":
		if mo >= refM {
			y--
		}
	default:
		return dateVal{}, i, false
	}
	return dateVal{y: y, m: mo, grain: "month", ok: true, rule: loc}, e, true
}

// fixedDay parses a named day with a fixed date ("Noël", "Christmas Day",
// rule kind fixedday MM-DD) with an optional year; without one it takes
// the reference year.
func (s *scan) fixedDay(i int) (dateVal, int, bool) {
	j := s.skip(i, "det")
	m, ok := s.get(j, "fixedday")
	if !ok {
		return dateVal{}, i, false
	}
	mo, dd := int(m.e.num), m.e.day
	e := m.end
	y, e2 := s.optYear(e)
	if y != 0 {
		e = e2
	}
	d := s.withYear(dateVal{y: y, m: mo, d: dd, grain: "day", ok: true, rule: m.e.loc})
	return d, e, true
}

// detBefore reports whether an article ends just before token k ("of the
// month", where "of the" was read as one phrase).
func (s *scan) detBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if m, ok := s.get(j, "det"); ok && m.end == k {
			return true
		}
		if m, ok := s.get(j, "of"); ok && m.end == k && m.end-j > 1 {
			return true
		}
	}
	return false
}
