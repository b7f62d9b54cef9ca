package rules

import (
	"math"
	"sort"
	"strconv"
	"strings"
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
	out := t.TagAppend(nil, text, lang, ref)
	if len(out) == 0 {
		return nil
	}
	return out
}

// TagAppend is Tag appending its answer to dst, for a caller that reuses
// one slice from text to text.
func (t *Tagger) TagAppend(dst []Expr, text, lang string, ref Ref) []Expr {
	lx, ok := t.langs[lang]
	if !ok || text == "" {
		return dst
	}
	bufs := t.bufs.Get().(*scanBufs)
	defer t.bufs.Put(bufs)
	s := newScan(lx, text, ref, bufs)
	all := s.causes(s.temporal(bufs.exprs[:0]))
	bufs.exprs = all
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].Start != all[b].Start {
			return all[a].Start < all[b].Start
		}
		return all[a].End > all[b].End
	})
	return append(dst, all...)
}

// temporal appends to out what the temporal parsers read: it runs every
// temporal parser at each token and keeps the
// longest candidate, then continues after it.
func (s *scan) temporal(out []Expr) []Expr {
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
		if m, ok := s.get(i, "daypart"); ok && m.end > i+1 {
			// "après-midi" holds no time "midi"
			consider(cand{i: i, j: m.end, prio: 0, none: true}, true)
		}
		consider(s.dateTimeCand(i))
		consider(s.intervalCand(i))
		consider(s.windowCand(i))
		consider(s.partCand(i))
		consider(s.lastNCand(i))
		consider(s.durationCand(i))
		if best.j <= i {
			i++
			continue
		}
		if !best.none {
			if best.e.Role == "" && best.e.Kind != KindDuration {
				best.e.Role = s.roleAfter(best.j)
			}
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
	if s.readTime(i, e) {
		// "9 min read", "Temps de lecture : 3 minutes": no length of an event
		return cand{i: i, j: e, prio: 10, none: true}, true
	}
	x := s.expr(KindDuration, i, e, d.rule)
	x.DurationKind = d.kind
	if d.secs >= 0 {
		sec := int(math.Round(d.secs))
		min := int(math.Round(d.secs / 60))
		x.Seconds, x.Minutes = &sec, &min
	}
	if x.DurationKind == "exact" && s.stillAfterElapsed(i, e) {
		x.DurationKind = "at_least" // "trois heures plus tard, toujours pas de réseau"
		x.Still = true
	}
	prio := 2
	if d.hTight && !s.durCueBefore(i) {
		prio = 0 // "2h" alone reads as a clock time first
	}
	if _, ok := s.get(i, "timehedge"); ok && !s.durCueBefore(i) {
		// "aux alentours de 22 h", "around 10 h": a clock time, unless a
		// duration cue comes first ("a duré aux alentours de 3 heures")
		prio = 0
	}
	return cand{e: x, i: i, j: e, prio: prio}, true
}

// readTime reports whether the length at [i, e) is the time a page takes
// to read: a readtime cue right after it ("9 min read", "3 minutes de
// lecture") or right before it, maybe with a colon ("Temps de lecture :
// 3 min", "مدة القراءة: 4 دقائق").
func (s *scan) readTime(i, e int) bool {
	if m, ok := s.get(e, "readtime"); ok && m.e.args[0] == "after" {
		return true
	}
	k := i
	if s.is(k-1, ":") {
		k--
	}
	for b := k - 1; b >= 0 && b >= k-4; b-- {
		for _, m := range s.ms[b] {
			if m.e.kind == "readtime" && m.e.args[0] == "before" && m.end == k {
				return true
			}
		}
	}
	return false
}

// stillAfterElapsed reports whether the length at [i, e) is counted from
// an event ("six hours later", "بعد ست ساعات") and its clause says the
// outage still went on then ("the site was still down", "toujours pas",
// "لا تزال"): the outage lasted at least that long.
func (s *scan) stillAfterElapsed(i, e int) bool {
	k := e
	if m, ok := s.get(e, "elapsed"); ok && m.e.args[0] == "after" {
		k = m.end
	} else if !s.elapsedBefore(i) {
		return false
	}
	for ; k < len(s.toks) && k < e+10; k++ {
		if s.sentenceBreak(k) {
			return false
		}
		if _, ok := s.get(k, "stillnot"); ok {
			return true
		}
	}
	return false
}

// elapsedBefore reports whether an elapsed cue ends right before token i.
func (s *scan) elapsedBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		for _, m := range s.ms[k] {
			if m.e.kind == "elapsed" && m.e.args[0] == "before" && m.end == i {
				return true
			}
		}
	}
	return false
}

// durCueBefore reports whether a duration cue ("pendant", "for", "لمدة")
// stands just before token i.
func (s *scan) durCueBefore(i int) bool { return s.kindBefore(i, "durcue") }

// kindBefore reports whether a phrase of kind (of at most four words)
// ends just before token i.
func (s *scan) kindBefore(i int, kind string) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		for _, m := range s.ms[k] {
			if m.e.kind == kind && m.end == i {
				return true
			}
		}
	}
	return false
}

// dateTimeCand parses a date, a time, or both together.
// smallHoursEnd is the hour before which a time said of a night of two
// days falls on the second.
const smallHoursEnd = 6

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
			if n := d.nightTo; n != 0 && c2.h < smallHoursEnd {
				d.y, d.m, d.d = n/10000, n/100%100, n%100 // "dans la nuit de lundi à mardi, vers 2 h 15": Tuesday
			}
			if w, ok := s.dayWindow(e2); ok && !w.hasDay && w.from <= c2.h && c2.h <= w.to {
				e2 = w.end // "le 16 vers 6h dans la soirée": the part of the day read the hour
			}
			tc := s.timeCand(i, e2, d, true, c2)
			if r := s.role(k); r != "" && c2.hasPrep {
				// "lundi à partir de 14h", "jeudi après 9h30": the time's
				// own preposition marks its end of the outage
				tc.e.Role = r
			}
			return tc, true
		}
		if d.grain == "hour" {
			x := s.expr(KindTime, i, de, d.rule)
			prio := 3
			if m, ok := s.get(i, "hedge"); ok && m.e.args[0] == "at_most" {
				prio = 1 // "within three hours", "في غضون سبع ساعات": a length, at most
			}
			return cand{e: x, i: i, j: de, prio: prio}, true
		}
		return s.dateCand(i, de, d), true
	case cok:
		// time, maybe followed by a date or a part of a day ("à 15h cet
		// après-midi", "vers 6h dans la soirée")
		k := ce
		if s.is(k, ",") {
			k++
		}
		if w, ok := s.dayWindow(k); ok {
			return s.timeCand(i, w.end, w.day, w.hasDay, c), true
		}
		k = s.skip(k, "det")
		if d2, e2, ok := s.date(k); ok && d2.grain == "day" {
			return s.timeCand(i, e2, d2, true, c), true
		}
		return s.timeCand(i, ce, dateVal{}, false, c), true
	}
	return cand{}, false
}

// partCand reads a part of a week, a month or a year: "end of last
// week", "at the beginning of the year", "en fin de mois", "à la fin de
// l'année", "end of 2012". It is an interval of days (of months for a
// year); its Value stays the period's.
func (s *scan) partCand(i int) (cand, bool) {
	for _, m := range s.ms[i] {
		if m.e.kind != "periodpart" {
			continue
		}
		k := s.skip(m.end, "det")
		d, e, ok := s.partOf(k, m.e.args[0])
		if !ok {
			continue
		}
		a, _ := strconv.Atoi(m.e.args[1])
		b, _ := strconv.Atoi(m.e.args[2])
		x := s.expr(KindInterval, i, e, m.e.loc)
		x.Value, x.Grain = d.value(), "day"
		start := time.Date(d.y, time.Month(max(d.m, 1)), max(d.d, 1), 0, 0, 0, 0, time.UTC)
		switch m.e.args[0] {
		case "week":
			// its Value is the week's Monday, as for the week alone: no
			// day of an event ("d'ici la fin de semaine" is no start)
			x.Grain = "week"
			x.From, x.To = start.AddDate(0, 0, a-1).Format("2006-01-02"), start.AddDate(0, 0, b-1).Format("2006-01-02")
		case "month":
			if n := start.AddDate(0, 1, -1).Day(); b > n {
				b = n
			}
			x.From, x.To = start.AddDate(0, 0, a-1).Format("2006-01-02"), start.AddDate(0, 0, b-1).Format("2006-01-02")
		default:
			x.Grain = "month"
			x.From, x.To = start.AddDate(0, a-1, 0).Format("2006-01-02"), start.AddDate(0, b-1, 0).Format("2006-01-02")
		}
		// the role the period had alone ("end of last week": end)
		x.Role = firstNonEmpty(s.role(k), s.role(i))
		return cand{e: x, i: i, j: e, prio: 2}, true
	}
	return cand{}, false
}

// lastNCand reads the last or next n whole days, weeks, months or years
// around the reference: "the past two days", "next 3 weeks", "les 2
// dernières semaines", "3 mois suivants". From/To are the first and the
// last unit (days; Mondays; first days of months or years), the
// reference's own unit left out; it has no Value (it names no day of an
// event) and keeps the length the count gives.
func (s *scan) lastNCand(i int) (cand, bool) {
	dir, n, unit, cs, e, ok := s.lastN(i)
	rd, known := s.refDay()
	if !ok || !known || n < 1 || n > 100 || n != float64(int(n)) {
		return cand{}, false
	}
	if unit != "day" && unit != "week" && unit != "month" && unit != "year" {
		return cand{}, false
	}
	k := int(n)
	first, last := -k, -1
	if dir == "next" {
		first, last = 1, k
	}
	a, b := s.period(rd, unit, first), s.period(rd, unit, last)
	x := s.expr(KindInterval, i, e, "lastn")
	x.Grain = "day"
	x.From, x.To = a.time().Format("2006-01-02"), b.time().Format("2006-01-02")
	if d, ok := s.durationCand(cs); ok {
		// the length the count read as before, if any
		x.Minutes, x.Seconds, x.DurationKind = d.e.Minutes, d.e.Seconds, d.e.DurationKind
	}
	return cand{e: x, i: i, j: e, prio: 1}, true
}

// lastN reads a count of units with a word of the last or the next
// before it ("past 2 days"), between the count and the unit ("2 dernières
// semaines") or after the unit ("3 heures suivantes"); cs is where the
// count starts.
func (s *scan) lastN(i int) (dir string, n float64, unit string, cs, end int, ok bool) {
	for _, m := range s.ms[i] {
		if m.e.kind == "lastn" && m.e.args[1] == "before" {
			if n, e, u, ok := s.countUnit(m.end); ok {
				return m.e.args[0], n, u, m.end, e, true
			}
		}
	}
	n, e, isNum := s.num(i)
	if !isNum {
		return "", 0, "", i, i, false
	}
	if m, ok := s.get(e, "lastn"); ok && m.e.args[1] == "mid" {
		if u, ok := s.get(m.end, "unit"); ok {
			return m.e.args[0], n, u.e.args[0], i, u.end, true
		}
	}
	if u, ok := s.get(e, "unit"); ok {
		if m, ok := s.get(u.end, "lastn"); ok && m.e.args[1] == "after" {
			return m.e.args[0], n, u.e.args[0], i, m.end, true
		}
	}
	return "", 0, "", i, i, false
}

// partOf reads the period of a part at k: a date of that unit ("last
// week", "2012") or the unit word alone, the reference's period ("the
// month", "l'année").
func (s *scan) partOf(k int, unit string) (dateVal, int, bool) {
	if d, e, ok := s.date(k); ok && d.ok && d.y != 0 && d.grain == unit {
		return d, e, true
	}
	if unit == "year" {
		if y, e, ok := s.year(k, false); ok {
			return dateVal{y: y, m: 1, d: 1, grain: "year", ok: true}, e, true
		}
	}
	if u, ok := s.get(k, "unit"); ok && u.e.args[0] == unit {
		if rd, known := s.refDay(); known {
			return s.period(rd, unit, 0), u.end, true
		}
	}
	return dateVal{}, k, false
}

func (s *scan) dateCand(i, j int, d dateVal) cand {
	x := s.expr(KindDate, i, j, d.rule)
	x.Value, x.Grain = d.value(), d.grain
	x.Role = s.role(i)
	if d.part != 0 && d.y != 0 {
		// "early March", "fin mars": the days of the month it spans; the
		// Value stays what it was (the month, or the 15th for "mi-")
		first, last := d.part/100, d.part%100
		if n := time.Date(d.y, time.Month(d.m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); last > n {
			last = n
		}
		x.Kind, x.Grain = KindInterval, "day"
		x.From = time.Date(d.y, time.Month(d.m), first, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		x.To = time.Date(d.y, time.Month(d.m), last, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
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
	x.HalfDay = !c.ampm && !c.named && c.h >= 1 && c.h <= 11
	x.Clock24 = !c.ampm && !c.named && c.h >= 13
	x.Grain = "hour"
	if c.minute {
		x.Grain = "minute"
	}
	x.Zone = c.zoneText
	x.UTC = utcOf(x.Value, c)
	if x.UTC == "" && !hasDate {
		// a zoned time with no day is taken on the reference day
		if rd, ok := s.refDay(); ok {
			x.UTC = utcOf(rd.Format("2006-01-02"), c)
		}
	}
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
			if m.e.kind == "prole" && k == i {
				return m.e.args[0] // "after 2 pm", "avant 16h": only as the preposition
			}
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

// roleAfter looks for a verb of a start or an end in the few words after
// an expression that had no cue before it, in its clause: "à 16h, le
// service était rétabli", "at 9 am the outage began", "وفي الساعة الرابعة
// عادت الخدمة". Only postrole phrases count (verbs, not prepositions).
func (s *scan) roleAfter(j int) string {
	for k := j; k < len(s.toks) && k < j+6; k++ {
		if s.sentenceBreak(k) || k > j && s.contrastAt(k) && !s.is(k, ",") || clauseJoin[s.toks[k].s] {
			break // "à midi et rétabli à 17h": the verb after "et" has its own time
		}
		if m, ok := s.get(k, "postrole"); ok {
			if s.coordinated(k, m) {
				break // "عند الظهر وعادت": the verb opens the next clause
			}
			return m.e.args[0]
		}
		if k > j {
			// another time or day takes its own cue
			if _, ok := s.get(k, "timeprep"); ok {
				break
			}
		}
	}
	return ""
}

// clauseJoin are the conjunctions that open a new clause after a time.
var clauseJoin = map[string]bool{"et": true, "puis": true, "mais": true, "and": true, "then": true, "but": true}

// coordinated reports whether Arabic token k, where phrase m starts,
// carries the conjunction و or ف glued to it ("وعادت", "فانقطعت"): a new
// clause, whose verb is not said of the time before it.
func (s *scan) coordinated(k int, m match) bool {
	if s.lang != "ar" || len(m.e.toks) == 0 {
		return false
	}
	raw, pat := s.toks[k].s, m.e.toks[0]
	for _, c := range []string{"و", "ف"} {
		if strings.HasPrefix(raw, c) && !strings.HasPrefix(pat, c) {
			return true
		}
	}
	return false
}

// intervalCand parses spans: "de 19h à 20h", "between 2 p.m. and 4 p.m.",
// "3-4pm", "Thursday from 9:30 until 11:00", "4pm for 30 mins",
// "du 13 au 15 juillet", "13-15 juillet", "July 13 through 15".
func (s *scan) intervalCand(i int) (cand, bool) {
	if c, ok := s.timeSpan(i); ok {
		if d, ok := s.daySpan(i); ok && d.j > c.j {
			return d, true
		}
		return c, true
	}
	// a day, then a span of times on it
	if d, de, ok := s.date(i); ok && d.ok && d.grain == "day" && d.y != 0 {
		k := de
		if s.is(k, ",") {
			k++
		}
		if c, ok := s.timeSpan(k); ok && c.e.Value == "" && c.e.Minutes != nil { // opening hours have no length
			x := s.expr(KindInterval, i, c.j, c.e.Rule)
			x.Grain, x.Time, x.Zone = c.e.Grain, c.e.Time, c.e.Zone
			x.Minutes, x.Seconds, x.DurationKind = c.e.Minutes, c.e.Seconds, c.e.DurationKind
			setDay(&x, d.value(), c.e.From, *c.e.Minutes)
			return cand{e: x, i: i, j: c.j, prio: 1}, true
		}
	}
	return s.daySpan(i)
}

// strong reports whether a time cannot be a bare number: it has minutes,
// am/pm or a zone.
func (c clockVal) strong() bool { return c.minute || c.ampm || c.zone != nil }

// setDay puts the day on an interval of times: From and To become full
// local times.
func setDay(x *Expr, day, from string, mins int) {
	x.Value = day
	x.From = day + "T" + from
	end, err := time.Parse("2006-01-02T15:04", x.From)
	if err != nil {
		return
	}
	x.To = end.Add(time.Duration(mins) * time.Minute).Format("2006-01-02T15:04")
}

// wawJoined reports whether the Arabic token k begins with the conjunction
// و joined to a word ("والحادية").
func (s *scan) wawJoined(k int) bool {
	return s.lang == "ar" && k < len(s.toks) && s.toks[k].kind == 'a' && strings.HasPrefix(s.toks[k].s, "و") && len(s.toks[k].s) > len("و")
}

// clockSpan is a span between two times of one day being read by
// timeSpan: where it is, its two times and how they were read.
type clockSpan struct {
	i, j    int      // first token; first token of the start time, after "from"
	from    bool     // a span word opens it ("from", "de", "entre", "بين")
	cue     bool     // the times may be bare numbers read as clock times
	c1, c2  clockVal // the start and end times
	e1, e2  int      // the token after the start (and its day); after the end
	bare    bool     // the start is a bare hour taking the end's part of the day
	bareEnd bool     // the end is a bare number ("entre midi et deux")
	d1      startDay // a day named after the start ("from 11pm Sunday until 2 am")
	d1ok    bool
	to      match // the span word between the times
}

// timeSpan parses a span between two times of one day, with an optional
// day after it, or a time and a length ("4pm for 30 mins").
func (s *scan) timeSpan(i int) (cand, bool) {
	sp := clockSpan{i: i, j: i}
	if m, ok := s.get(i, "spanfrom"); ok {
		sp.j, sp.from = m.end, true
	}
	// in Arabic a bare number after a preposition already reads as an
	// hour; "من 13 الى 15" must stay open to a span of days
	sp.cue = sp.from && s.lang != "ar"
	if !s.spanStart(&sp) {
		return cand{}, false
	}
	// a day after the start: "from 11pm Sunday until 2 am"
	sp.d1, sp.d1ok = s.spanStartDay(sp.e1, sp.c1, sp.from)
	if sp.d1ok {
		sp.e1 = sp.d1.end
	}
	to, ok := s.get(sp.e1, "spanto")
	sp.to = to
	toEnd := to.end
	if !ok {
		if sp.d1ok {
			return cand{}, false
		}
		if !sp.from || !s.wawJoined(sp.e1) {
			return s.timeFor(i, sp.c1, sp.e1)
		}
		toEnd = sp.e1 // "بين الثامنة والحادية عشرة": و is joined to the end's first word
	}
	if !s.spanEnd(&sp, toEnd) {
		return cand{}, false
	}
	sp.alignHours(s.lang)
	return s.spanCand(&sp)
}

// spanStart reads the start time of a span at sp.j into sp.c1 and sp.e1:
// a time, a bare hour that takes the part of the day of the end, or
// after "from" four digits that take its zone.
func (s *scan) spanStart(sp *clockSpan) bool {
	var ok bool
	sp.c1, sp.e1, ok = s.clockCue(sp.j, true, sp.cue)
	if !ok {
		ok = s.bareSpanStart(sp)
	}
	if !ok && sp.from {
		// "from 1400 to 1630 GMT": four digits take the zone of the end
		sp.c1, sp.e1, ok = s.militaryStart(sp.j)
	}
	return ok
}

// bareSpanStart reads a bare hour that starts a span and takes the am/pm
// or part of the day of its end: "3-4pm", "around 3-4pm", "de 14 à 16
// heures", "من السادسة حتى الثامنة صباحا". It skips a time preposition
// before it (moving sp.j) and marks the start bare.
func (s *scan) bareSpanStart(sp *clockSpan) bool {
	// "3-4pm", "around 3-4pm": a bare hour takes the am/pm of the end
	if p, isPrep := s.get(sp.j, "timeprep"); isPrep && !sp.from {
		sp.j = p.end
	}
	j, from := sp.j, sp.from
	_, toWord := s.get(j+1, "spanto")
	if h, isNum := s.digits(j, 2); isNum && (h <= 12 || h <= 24 && s.hourEnd(j+2)) && (s.is(j+1, "-") || from && toWord) {
		sp.c1, sp.e1, sp.bare = clockVal{h: h, rule: "clock"}, j+1, true
		return true
	}
	if o, isOrd := s.get(j, "ordinal"); isOrd && s.lang == "ar" && from && o.e.num >= 1 && o.e.num <= 12 {
		// "من السادسة حتى الثامنة صباحا": an hour word takes the
		// part of the day of the end
		if _, to := s.get(o.end, "spanto"); to {
			sp.c1, sp.e1, sp.bare = clockVal{h: int(o.e.num), rule: "clock"}, o.end, true
			return true
		}
	}
	return false
}

// spanEnd reads the end time of a span at toEnd, after its span word,
// into sp.c2 and sp.e2, and reports whether the two times make a span.
func (s *scan) spanEnd(sp *clockSpan, toEnd int) bool {
	c1, from, bare := sp.c1, sp.from, sp.bare
	_, isAnd := s.get(sp.e1, "and")
	// after a time that reads as one on its own, the end may be a bare
	// hour ("9h30 - 11h")
	c2, e2, ok := s.clockCue(toEnd, true, sp.cue || c1.strong() && !isAnd)
	bareEnd := false
	if !ok && !bare {
		// "entre midi et deux", "8am until 6": a bare number ends a span
		// whose start reads as a time on its own
		c2, e2, ok = s.bareEndHour(toEnd, c1, from)
		bareEnd = ok
	}
	sp.c2, sp.e2, sp.bareEnd = c2, e2, bareEnd
	// a bare start takes the am/pm of the end ("3-4pm"), a named end
	// after "from" ("from 10 to noon") or the end's hour word ("de 14 à
	// 16 heures", "entre 9 et 11h"), unless a length cue makes it a
	// range of lengths ("a duré entre 3 et 4 heures")
	if !ok || bare && !c2.ampm && !(c2.named && from) && !(s.hourEnd(toEnd) && !s.durCueBefore(sp.i) && !s.durCueBefore(sp.j)) {
		return false
	}
	// without "from", the ends must read as times on their own, and a
	// conjunction ("3:30 and 5:00") is not a span
	if !from && !bareEnd && sp.to.e.toks[0] != "-" && (isAnd || !c1.strong() && !bare || !c2.strong()) {
		return false
	}
	return true
}

// alignHours moves the start or the end of a span to the afternoon or
// evening where its words leave the half of the day open, and gives the
// start the zone of the end; lang is the text's language.
func (sp *clockSpan) alignHours(lang string) {
	c1, c2 := &sp.c1, &sp.c2
	if sp.bareEnd && c2.h < 12 && c2.h*60 < c1.h*60+c1.m {
		c2.h += 12 // "entre midi et deux" ends at 14:00, "8am until 6" at 18:00
	}
	if c2.ampm && !c1.ampm && c1.h < 12 && c1.h+12 <= c2.h {
		c1.h += 12
	}
	// "de 11h30 à 1h30", "11:30-1:30": an end before a morning start,
	// with no am/pm, is in the afternoon ("de 23h à 1h" crosses midnight)
	if !c2.ampm && !c2.named && c2.h < 12 && c1.h < 12 && c2.h*60+c2.m < c1.h*60+c1.m && c2.h+12 > c1.h {
		c2.h += 12
	}
	if c2.named && c2.h == 0 && c1.h < 12 && !c1.ampm && (sp.bare || lang == "en") {
		// "between 11 and midnight", "from 10:30 to midnight" start in
		// the evening; French "de 10h30 à minuit" counts 24 hours
		c1.h += 12
	}
	if c1.zone == nil && c2.zone != nil {
		c1.zone = c2.zone
	}
}

// spanCand makes the interval of a span of times read by timeSpan: with
// the day after it or after its start, and its length, or, when a
// schedule follows ("du lundi au samedi"), opening hours without one.
func (s *scan) spanCand(sp *clockSpan) (cand, bool) {
	i, c1, c2, e2 := sp.i, sp.c1, sp.c2, sp.e2
	// an optional day after, unless a schedule follows
	var d dateVal
	hasDate := false
	schedEnd, sched := s.schedule(e2)
	k := e2
	if s.is(k, ",") {
		k++
	}
	if dd, e3, ok := s.date(k); ok && dd.grain == "day" && !sched {
		d, hasDate, e2 = dd, true, e3
	}
	x := s.expr(KindInterval, i, e2, firstNonEmpty(c1.rule, c2.rule))
	mins := (c2.h*60 + c2.m) - (c1.h*60 + c1.m)
	if mins < 0 {
		mins += 24 * 60 // across midnight
	}
	x.From, x.To = c1.String(), c2.String()
	if sp.d1ok {
		if hasDate {
			// a day on each end ("from 9pm Monday to 3am Tuesday") stays
			// two times, which classify pairs
			return cand{}, false
		}
		d, hasDate = sp.d1.d, true
	}
	if hasDate && d.ok && d.y != 0 {
		setDay(&x, d.value(), c1.String(), mins)
	}
	x.Time, x.Zone = c1.String(), firstNonEmpty(c1.zoneText, c2.zoneText)
	x.Grain = "minute"
	if sched {
		// "de 8 h à 22 h du lundi au samedi": opening hours, no length;
		// the schedule is part of it
		x.End, x.Text = s.toks[schedEnd-1].end, s.text[x.Start:s.toks[schedEnd-1].end]
		return cand{e: x, i: i, j: schedEnd, prio: 1}, true
	}
	sec := mins * 60
	x.Minutes, x.Seconds, x.DurationKind = &mins, &sec, "exact"
	return cand{e: x, i: i, j: e2, prio: 1}, true
}

// militaryStart reads four digits at j as the start of a span when a span
// word follows and the end is four digits with a zone: "from 1400 to
// 1630 GMT", "between 2200 and 0100 UTC".
func (s *scan) militaryStart(j int) (clockVal, int, bool) {
	h, ok := s.digits(j, 4)
	if !ok || len(s.toks[j].s) != 4 || h/100 > 23 || h%100 > 59 {
		return clockVal{}, j, false
	}
	to, ok := s.get(j+1, "spanto")
	if !ok || to.end >= len(s.toks) || len(s.toks[to.end].s) != 4 {
		return clockVal{}, j, false
	}
	if c2, _, ok := s.clock(to.end, false); !ok || c2.zone == nil {
		return clockVal{}, j, false
	}
	return clockVal{h: h / 100, m: h % 100, minute: true, rule: "clock"}, j + 1, true
}

// hourEnd reports whether the number at k is followed by an hour word
// that makes it a time ("16 heures", "11h", "4 o'clock"); English
// "hours" makes a length.
func (s *scan) hourEnd(k int) bool {
	_, e, ok := s.num(k)
	if !ok {
		return false
	}
	_, ok = s.hourWord(e)
	return ok && !(s.lang == "en" && s.toks[e].s == "hours")
}

// startDay is a day named between the start of a span of times and its
// span word, and where it ends.
type startDay struct {
	d   dateVal
	end int
}

// spanStartDay reads a day after the start time of a span, when a span
// word follows it: "from 11pm Sunday until 2 am", "de 23h lundi à 3h".
// The start must read as a time on its own or follow "from".
func (s *scan) spanStartDay(k int, c1 clockVal, from bool) (startDay, bool) {
	if !c1.strong() && !c1.hasPrep && !c1.named && !from {
		return startDay{}, false
	}
	d, e, ok := s.date(k)
	if !ok || d.grain != "day" {
		return startDay{}, false
	}
	if _, ok := s.get(e, "spanto"); !ok {
		return startDay{}, false
	}
	if _, isAnd := s.get(e, "and"); isAnd {
		return startDay{}, false // "at 9pm Monday and 3am Tuesday": two times
	}
	return startDay{d: d, end: e}, true
}

// bareEndHour reads a bare number as the last hour of a span whose start
// c1 reads as a time on its own (minutes, am/pm, a zone or a named hour
// like "midi"), after "from/de/entre" or a strong start: "entre midi et
// deux", "8am until 6", "de 9h30 à 11". The number must end the phrase:
// nothing but punctuation, a day or a clause word may follow it.
func (s *scan) bareEndHour(k int, c1 clockVal, from bool) (clockVal, int, bool) {
	if !(c1.strong() || c1.named || from && c1.minute) {
		return clockVal{}, k, false
	}
	n, e, ok := s.num(k)
	if !ok || n != float64(int(n)) || n < 1 || n > 23 || e-k != 1 {
		return clockVal{}, k, false
	}
	if s.toks[k].kind == '0' && len(s.toks[k].s) > 2 {
		return clockVal{}, k, false
	}
	if !s.phraseEnd(e) {
		return clockVal{}, k, false
	}
	return clockVal{h: int(n), rule: "clock"}, e, true
}

// phraseEnd reports whether token k ends the phrase before it: the end of
// the text, punctuation, a day, a clause word or a preposition.
func (s *scan) phraseEnd(k int) bool {
	if k >= len(s.toks) {
		return true
	}
	t := s.toks[k]
	if t.kind == '.' {
		return true
	}
	if clauseJoin[t.s] {
		return true
	}
	if d, _, ok := s.date(k); ok && d.grain == "day" {
		return true
	}
	_, prep := s.get(k, "timeprep")
	return prep
}

// schedule reports whether the words at k make the span of times before
// them a recurring schedule, and where the schedule ends: a schedule cue
// ("every day", "7j/7", "يوميا") or a span of weekdays ("du lundi au
// samedi", "Monday to Friday", "من السبت إلى الخميس").
func (s *scan) schedule(k int) (int, bool) {
	if s.is(k, ",") {
		k++
	}
	if m, ok := s.get(k, "schedule"); ok {
		return m.end, true
	}
	if m, ok := s.get(k, "spanfrom"); ok {
		k = m.end
	}
	w, ok := s.get(k, "weekday")
	if !ok {
		return k, false
	}
	to, ok := s.get(w.end, "spanto")
	if !ok {
		return k, false
	}
	w2, ok := s.get(to.end, "weekday")
	return w2.end, ok
}

// timeFor parses a time followed by how long it lasted: "4pm for 30
// mins", "à 14h pendant deux heures". The time must read as one on its own
// and the length must be exact and under a day.
func (s *scan) timeFor(i int, c1 clockVal, e1 int) (cand, bool) {
	if !c1.strong() && !c1.hasPrep && c1.h < 13 {
		return cand{}, false
	}
	cue, ok := s.get(e1, "durcue")
	if !ok {
		return cand{}, false
	}
	d, e2, ok := s.duration(cue.end)
	if !ok || d.kind != "exact" || d.secs <= 0 || d.secs > 86400 {
		return cand{}, false
	}
	mins := int(d.secs / 60)
	end := (c1.h*60 + c1.m + mins) % (24 * 60)
	x := s.expr(KindInterval, i, e2, c1.rule)
	x.From = c1.String()
	x.To = hhmm(end/60, end%60)
	x.Time, x.Zone, x.Grain = c1.String(), c1.zoneText, "minute"
	sec := int(d.secs)
	x.Minutes, x.Seconds, x.DurationKind = &mins, &sec, "exact"
	x.Role = s.role(i)
	return cand{e: x, i: i, j: e2, prio: 1}, true
}

// spanOK reports whether the span word at k joins two days: always after
// "from"; without it, not when it is a conjunction ("3 and 5 March" names
// two days).
func (s *scan) spanOK(k int, from bool) (match, bool) {
	to, ok := s.get(k, "spanto")
	if !ok {
		return match{}, false
	}
	if _, isAnd := s.get(k, "and"); isAnd && !from {
		return match{}, false
	}
	return to, true
}

// timeWordAt reports whether token k makes the number before it something
// other than a day: a month, am/pm, an hour word, a unit or a clock colon.
func (s *scan) timeWordAt(k int) bool {
	for _, kind := range []string{"month", "ampm", "hourword", "unit", "minword"} {
		if _, ok := s.get(k, kind); ok {
			return true
		}
	}
	return s.is(k, ":") || s.is(k, ".") && s.adj(k) && s.adj(k+1) && k+1 < len(s.toks) && s.toks[k+1].kind == '0'
}

// daySpan parses spans of days: "du 13 au 15 juillet", "13-15 juillet",
// "July 13-15", "Aug 8 - Aug 12", "12 to 16 september".
func (s *scan) daySpan(i int) (cand, bool) {
	j := i
	from := false
	if m, ok := s.get(i, "spanfrom"); ok {
		j, from = m.end, true
	}
	mk := func(d1, d2 dateVal, e int, rule string) (cand, bool) {
		x := s.expr(KindInterval, i, e, rule)
		x.From, x.To, x.Value, x.Grain = d1.value(), d2.value(), d1.value(), "day"
		spanDays(&x, d1, d2)
		return cand{e: x, i: i, j: e, prio: 1}, true
	}
	// WEEKDAY to WEEKDAY: "from Monday to Wednesday", "du lundi au
	// mercredi", "من الاثنين إلى الأربعاء"; the first is before the second
	if from {
		if d1, e1, ok := s.weekdayDate(j); ok && d1.ok && d1.weekday {
			if to, ok := s.spanOK(e1, from); ok {
				if d2, e2, ok := s.weekdayDate(s.skip(to.end, "det")); ok && d2.ok && d2.weekday {
					if !d1.before(d2) {
						d1 = fromTime(d1.time().AddDate(0, 0, -7), "day", d1.rule)
					}
					return mk(d1, d2, e2, d1.rule)
				}
			}
		}
	}
	// DAY to DAY MONTH, each day maybe after its weekday or in words: "du
	// samedi 13 au dimanche 15 juillet", "du treize au 15 juillet"
	k := s.skipWeekday(s.skip(j, "det"))
	if dn, e1, ok := s.spanDayNum(k); ok {
		if to, ok := s.spanOK(e1, from); ok {
			if d2, e2, ok := s.spanEndDate(s.skipWeekday(s.skip(to.end, "det"))); ok && d2.grain == "day" && dn < d2.d && validDay(d2.y, d2.m, dn) {
				d1 := d2
				d1.d = dn
				return mk(d1, d2, e2, d2.rule)
			}
		}
	}
	// DATE to DATE, MONTH DAY to DAY
	if d1, e1, ok := s.absDate(j); ok && d1.grain == "day" {
		if to, ok := s.spanOK(e1, from); ok {
			k := s.skip(to.end, "det")
			if d2, e2, ok := s.absDate(k); ok && d2.grain == "day" {
				return mk(d1, d2, e2, d1.rule)
			}
			if dn, e2, ok := s.dayNum(k); ok && dn > d1.d && validDay(d1.y, d1.m, dn) && s.toks[k].kind == '0' {
				if !s.timeWordAt(e2) {
					d2 := d1
					d2.d = dn
					return mk(d1, d2, e2, d1.rule)
				}
			}
		}
	}
	return cand{}, false
}

// skipWeekday skips a weekday before the day number of a span end ("du
// samedi 13 au dimanche 15 juillet"): the numbers and the month date it.
func (s *scan) skipWeekday(k int) int {
	if w, ok := s.get(k, "weekday"); ok {
		if _, _, ok := s.spanDayNum(w.end); ok {
			return w.end
		}
	}
	return k
}

// spanDayNum reads the day number of a span's start: digits, an ordinal
// or, in French and English, a number word ("du treize au 15 juillet").
func (s *scan) spanDayNum(k int) (int, int, bool) {
	if dn, e, ok := s.dayNum(k); ok {
		return dn, e, true
	}
	if s.lang != "ar" && k < len(s.toks) && s.toks[k].kind == 'a' {
		if n, e, ok := s.num(k); ok && n >= 1 && n <= 31 && n == float64(int(n)) {
			return int(n), e, true
		}
	}
	return 0, k, false
}

// spanEndDate reads the day that ends a span of days: a date, or a day
// number in words and its month ("au dix juillet").
func (s *scan) spanEndDate(k int) (dateVal, int, bool) {
	if d, e, ok := s.absDate(k); ok {
		return d, e, true
	}
	dn, e, ok := s.spanDayNum(k)
	if !ok || s.toks[k].kind != 'a' {
		return dateVal{}, k, false
	}
	mo, e2, loc, ok := s.month(e)
	if !ok {
		return dateVal{}, k, false
	}
	y, e3 := s.optYear(e2)
	d := dateVal{y: y, m: mo, d: dn, grain: "day", ok: true, rule: loc}
	if y == 0 {
		d = s.withYear(d)
	}
	if !validDay(d.y, d.m, d.d) {
		return dateVal{}, k, false
	}
	return d, e3, true
}

// spanDays sets the length of a span of days from its first to its last
// day ("du 13 au 15 juillet": two days), about that long, when both are
// full days (or both yearless) up to three months apart.
func spanDays(x *Expr, d1, d2 dateVal) {
	if !d1.ok || !d2.ok || d1.grain != "day" || d2.grain != "day" || (d1.y == 0) != (d2.y == 0) {
		return
	}
	days := int(d2.time().Sub(d1.time()).Hours() / 24)
	if days < 1 || days > 92 {
		return
	}
	mins, sec := days*24*60, days*24*3600
	x.Minutes, x.Seconds, x.DurationKind = &mins, &sec, "approx"
}

// Published finds a publication date stated in the text ("Publié le 22
// juin 2012 à 10h54", "Published June 22, 2012", "نشر في 22 يونيو 2012"):
// the first date with a year after a publication cue.
func (t *Tagger) Published(text, lang string) (Expr, bool) {
	lx, ok := t.langs[lang]
	if !ok || text == "" {
		return Expr{}, false
	}
	bufs := t.bufs.Get().(*scanBufs)
	defer t.bufs.Put(bufs)
	s := newScan(lx, text, Ref{}, bufs)
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
