package rules

// dayWin is a part of a day ("ce soir", "yesterday evening", "le 12
// février en fin de journée") with the hours it spans.
type dayWin struct {
	day      dateVal
	hasDay   bool // day is a full known day
	yearless bool // day is a day and month with no year known ("mercredi 8 août" without a reference)
	from, to int  // first and last hour, inclusive
	end      int  // token after the phrase
	rule     string
}

// pm reports whether the part of the day is after noon, so that an hour
// under 12 next to it is an afternoon or evening hour ("tonight at 8").
func (w dayWin) pm() bool { return w.from >= 12 }

// hoursOf returns the hours of a daypart or window phrase, if it has any.
func hoursOf(m match) (int, int, bool) {
	if len(m.e.args) != 2 {
		return 0, 0, false
	}
	return int(m.e.num), m.e.day, true
}

// fullDay reports whether d names one known day.
func fullDay(d dateVal) bool {
	if d.grain != "day" || !d.ok || d.y == 0 {
		return false // no value, or a yearless one (XXXX-…): no need to write it
	}
	v := d.value()
	return len(v) == 10 && v[0] != 'X'
}

// yearlessDay reports whether d names a day and month with no year.
func yearlessDay(d dateVal) bool {
	v := d.value()
	return d.grain == "day" && len(v) == 10 && v[0] == 'X'
}

// dayWindow parses a part of a day at i:
//   - a window phrase, maybe followed by its day: "ce soir", "in the
//     afternoon", "dans la matinée du 15 février";
//   - a part-of-day word and its day: "matinée du 15 février", "morning
//     of the 15th of February";
//   - a day holding or followed by a part of the day: "hier soir",
//     "yesterday evening", "demain en fin de journée", "le 12 février en
//     début de matinée", "February the 15th in the morning".
func (s *scan) dayWindow(i int) (dayWin, bool) {
	w, _, ok := s.bufs.windows.memo(i, func() (dayWin, int, bool) {
		w, ok := s.dayWindowAt(i)
		return w, 0, ok
	})
	return w, ok
}

func (s *scan) dayWindowAt(i int) (dayWin, bool) {
	if i >= len(s.toks) {
		return dayWin{}, false
	}
	withDay := func(w dayWin, k int) dayWin {
		k = s.skip(k, "of")
		k = s.skip(k, "det")
		if d, e, ok := s.date(k); ok && fullDay(d) {
			w.day, w.hasDay, w.end = d, true, e
		} else if ok && yearlessDay(d) {
			w.day, w.yearless, w.end = d, true, e
		}
		return w
	}
	if m, ok := s.get(i, "window"); ok {
		from, to, _ := hoursOf(m)
		w := withDay(dayWin{from: from, to: to, end: m.end, rule: m.e.loc}, m.end)
		if !w.hasDay {
			// "ce soir", "tonight" also read as a relative day and name
			// it; "en fin d'après-midi" alone names no day (news often
			// tells of the day before the publication)
			if d, de, ok := s.date(i); ok && de >= m.end && fullDay(d) {
				w.day, w.hasDay = d, true
				w.end = max(w.end, de)
			}
		}
		return w, true
	}
	if m, ok := s.get(i, "daypart"); ok {
		if from, to, ok := hoursOf(m); ok {
			if _, isOf := s.get(m.end, "of"); isOf {
				if w := withDay(dayWin{from: from, to: to, end: m.end, rule: m.e.loc}, m.end); w.hasDay {
					return w, true
				}
			}
		}
	}
	d, de, ok := s.date(i)
	if !ok || d.grain != "day" {
		return dayWin{}, false
	}
	w := dayWin{day: d, hasDay: fullDay(d), yearless: yearlessDay(d), end: de, rule: d.rule}
	// a part of the day inside the day's phrase ("yesterday evening"),
	// the leftmost (longest) one
	for k := i; k < de; k++ {
		for _, m := range s.ms[k] {
			if m.end > de || (m.e.kind != "daypart" && m.e.kind != "window") {
				continue
			}
			if from, to, ok := hoursOf(m); ok {
				w.from, w.to = from, to
				return w, true
			}
		}
	}
	// or right after it ("demain soir", "le 15 février dans la matinée")
	k := de
	if s.is(k, ",") {
		k++
	}
	for _, kind := range []string{"window", "daypart"} {
		if m, ok := s.get(k, kind); ok {
			if from, to, ok := hoursOf(m); ok {
				w.from, w.to, w.end = from, to, m.end
				return w, true
			}
		}
	}
	return dayWin{}, false
}

// windowCand parses a part of a day, as an interval of hours ("ce soir"
// is 18:00 to 23:00 of the reference day), or, followed by a time, as that
// time read in it ("this afternoon at 3:20" is 15:20, "demain soir à 8h"
// 20:00 the next day).
func (s *scan) windowCand(i int) (cand, bool) {
	w, ok := s.dayWindow(i)
	if !ok {
		return cand{}, false
	}
	k := w.end
	if s.is(k, ",") {
		k++
	}
	c, e, ok := s.clock(k, true)
	if !ok {
		// "tonight at 8", "this morning @ 10": after a part of the day a
		// bare hour after a preposition is a time
		if p, isPrep := s.get(k, "timeprep"); isPrep {
			if n, e2, isNum := s.num(p.end); isNum && n >= 1 && n <= 12 && n == float64(int(n)) && !s.unitAt(e2) && !s.opensLength(p.end) {
				c, e, ok = clockVal{h: int(n), rule: p.e.loc, hasPrep: true}, e2, true
			}
		}
	}
	if ok && (c.hasPrep || c.strong()) {
		c = c.inWindow(w)
		cd := s.timeCand(i, e, w.day, w.hasDay, c)
		if r := s.role(k); r != "" && c.hasPrep {
			cd.e.Role = r // "jeudi matin à partir de 9h": the time's own cue
		}
		cd.prio = 2
		return cd, true
	}
	x := s.expr(KindInterval, i, w.end, w.rule)
	x.Grain = "hour"
	from, to := hhmm(w.from, 0), hhmm(w.to, 0)
	x.From, x.To = from, to
	if w.hasDay {
		x.Value = w.day.value()
		x.From, x.To = x.Value+"T"+from, x.Value+"T"+to
	} else if w.yearless {
		x.Value = w.day.value() // XXXX-MM-DD: the ends stay times of an unknown day
	}
	x.Role = s.role(i)
	return cand{e: x, i: i, j: w.end, prio: 2}, true
}

// opensLength reports whether a length phrase starts at k ("une vingtaine
// d'heures", "un quart d'heure"): its first word is no hour ("après une
// vingtaine d'heures" is no "after one o'clock").
func (s *scan) opensLength(k int) bool {
	for _, kind := range []string{"approxnum", "frac", "duration"} {
		if _, ok := s.get(k, kind); ok {
			return true
		}
	}
	return false
}

// inWindow reads an hour without am/pm in a part of the day: an hour
// under 12 in the afternoon or the evening is after noon.
func (c clockVal) inWindow(w dayWin) clockVal {
	if !c.ampm && w.pm() && c.h < 12 {
		c.h += 12
		c.ampm = true
	}
	return c
}
