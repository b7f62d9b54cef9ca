package rules

import (
	"math"
	"strings"
	"time"
)

// clockVal is a parsed time of day.
type clockVal struct {
	h, m     int
	minute   bool // minutes were stated
	zone     *time.Location
	zoneText string
	rule     string
	ampm     bool // am/pm (or an Arabic part of day) was stated
	named    bool // a named hour: "midi", "noon", "منتصف الليل"
	hasPrep  bool
}

func (c clockVal) String() string { return hhmm(c.h, c.m) }

// hhmm is a time of day as "15:04" (fmt's %02d:%02d).
func hhmm(h, m int) string {
	var b [8]byte
	return string(appendPadded(append(appendPadded(b[:0], h, 2), ':'), m, 2))
}

// clock parses a time of day at i, with an optional leading preposition
// and trailing am/pm and zone: "à 11h01 (heure du Pacifique)", "vers 19h30",
// "14h GMT", "3 p.m. ET", "الساعة الثالثة عصرا".
func (s *scan) clock(i int, allowPrep bool) (clockVal, int, bool) {
	return s.clockCue(i, allowPrep, false)
}

// hedgePreps are the prepositions of a time that hedge ("vers", "about",
// "حوالي"): after a length cue they hedge a length instead.
var hedgePreps = map[string]bool{
	"environ": true, "vers": true, "autour": true, "aux": true,
	"about": true, "around": true, "approximately": true, "roughly": true,
	"حوالي": true, "نحو": true, "قرابه": true, "بحدود": true,
}

// clockCue is clock where cue says that a word before i already marks a
// time ("between 9h30 and 11h00"), as a preposition would.
func (s *scan) clockCue(i int, allowPrep, cue bool) (clockVal, int, bool) {
	slot := -1 // four answers per token, one per combination of options
	if i >= 0 {
		slot = 4 * i
		if allowPrep {
			slot++
		}
		if cue {
			slot += 2
		}
	}
	return s.bufs.clocks.memo(slot, func() (clockVal, int, bool) { return s.clockCueAt(i, allowPrep, cue) })
}

// clockCueAt is clockCue without the memo: a time at i, with its
// preposition, half of the day and zone.
func (s *scan) clockCueAt(i int, allowPrep, cue bool) (clockVal, int, bool) {
	j := i
	var c clockVal
	if allowPrep {
		var ok bool
		if c, j, ok = s.clockPrep(i); !ok {
			return clockVal{}, i, false
		}
	}
	core, e, ok := s.clockCore(j, c.hasPrep || cue)
	if !ok {
		return clockVal{}, i, false
	}
	if c.hasPrep && s.elapsedLength(i, j, core, e) {
		return clockVal{}, i, false
	}
	core.hasPrep, core.rule = c.hasPrep, firstNonEmpty(c.rule, core.rule)
	core, e = s.clockHalf(core, e, core.minute || c.hasPrep || cue)
	core, e = s.clockZone(core, e)
	return core, e, true
}

// clockPrep reads the time preposition at i, if any, before a time: it
// returns a clockVal with only hasPrep and rule set, and the token after
// the preposition. It fails on a hedge after a length cue.
func (s *scan) clockPrep(i int) (clockVal, int, bool) {
	var c clockVal
	m, ok := s.get(i, "timeprep")
	if !ok {
		return c, i, true
	}
	if hedgePreps[m.e.toks[0]] && s.durCueBefore(i) {
		// "pendant environ une heure", "لمدة حوالي ساعتين": a
		// hedged length, not a clock time
		return clockVal{}, i, false
	}
	j := m.end
	c.hasPrep = true
	c.rule = m.e.loc
	// "منذ الساعة", "حوالي الساعة": a second preposition
	if m2, ok := s.get(j, "timeprep"); ok && s.lang == "ar" {
		j = m2.end
	}
	return c, j, true
}

// clockHalf reads the half of the day after the time core, which ends at
// e: a letter glued to it when strong ("3:15p"), an am/pm word ("p.m.",
// "ليلا") or else a part of the day ("ce soir"). It returns the time in
// 24 hours and the token after what it read.
func (s *scan) clockHalf(core clockVal, e int, strong bool) (clockVal, int) {
	if half, ok := s.gluedHalf(e, strong); ok && core.h <= 12 && core.h >= 1 {
		// "3:15p", "at 3p": a letter glued to the time
		if half == "p" && core.h < 12 {
			core.h += 12
		} else if half == "a" && core.h == 12 {
			core.h = 0
		}
		core.ampm = true
		return core, e + 1
	}
	if m, ok := s.get(e, "ampm"); ok && core.h <= 12 {
		switch m.e.args[0] {
		case "pm":
			if core.h < 12 {
				core.h += 12
			}
		case "am":
			if core.h == 12 {
				core.h = 0
			}
		case "night":
			if core.h >= 7 && core.h < 12 {
				core.h += 12
			} else if core.h == 12 {
				core.h = 0 // "الثانية عشرة ليلا": midnight
			}
		}
		core.ampm = true
		return core, m.end
	}
	if w, ok := s.dayWindow(e); ok {
		// "8 heures ce soir", "vers 6h dans la soirée": read in the part
		// of the day, which the caller may take in as the time's day
		core = core.inWindow(w)
	}
	return core, e
}

// clockZone reads the zone after the time core, which ends at e, maybe in
// parentheses and after "heure", "time", "بتوقيت": "(heure du
// Pacifique)", "GMT". It returns the time and the token after the zone.
func (s *scan) clockZone(core clockVal, e int) (clockVal, int) {
	k := e
	paren := s.is(k, "(")
	if paren {
		k++
	}
	zs := k
	if zp, ok := s.get(k, "zoneprep"); ok {
		if _, ok := s.get(zp.end, "zone"); ok {
			k = zp.end
		}
	}
	if z, ok := s.get(k, "zone"); ok {
		core.zone, core.zoneText = z.e.zone, s.textOf(zs, z.end)
		e = z.end
		if paren && s.is(e, ")") {
			e++
		}
	}
	return core, e
}

// gluedHalf reads an English "a" or "p" glued to the digits of a time
// before it ("3:15p", "at 9a"), when the time has minutes or a
// preposition (strong) and nothing is glued after the letter.
func (s *scan) gluedHalf(e int, strong bool) (string, bool) {
	if s.lang != "en" || !strong || e <= 0 || e >= len(s.toks) || !s.adj(e) || s.toks[e-1].kind != '0' {
		return "", false
	}
	if w := s.toks[e].s; w != "a" && w != "p" {
		return "", false
	}
	if e+1 < len(s.toks) && s.adj(e+1) && s.toks[e+1].kind != '.' {
		return "", false
	}
	return s.toks[e].s, true
}

// elapsedLength reports whether the bare hour at [j, e), after the
// preposition at i, is a length elapsed since an event rather than a time:
// "après deux heures de coupure", "après 3 heures de panne". The
// preposition must be an elapsed cue ("après", "after", "بعد") and the
// hour a number word or followed by "de" (its noun).
func (s *scan) elapsedLength(i, j int, c clockVal, e int) bool {
	if c.minute || c.ampm || c.named || c.zone != nil {
		return false
	}
	if !s.isElapsed(i, j, "before") {
		return false
	}
	_, k, ok := s.num(j)
	if !ok {
		return false
	}
	if _, ok := s.get(k, "unit"); !ok {
		return false // "after two o'clock"
	}
	if s.toks[j].kind != '0' {
		return true
	}
	_, of := s.get(e, "of")
	return of
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// textOf is the original text of tokens [i, j).
func (s *scan) textOf(i, j int) string {
	a, b := s.span(i, j)
	return s.text[a:b]
}

// clockCore parses the time itself.
func (s *scan) clockCore(i int, prep bool) (clockVal, int, bool) {
	if i >= len(s.toks) {
		return clockVal{}, i, false
	}
	if c, e, ok := s.minutesBefore(i); ok {
		return c, e, true
	}
	c, e, ok := s.hourCore(i, prep)
	if ok && !c.minute && s.lang == "fr" {
		c, e = s.minutesAfter(c, e)
	}
	return c, e, ok
}

// hourCore parses an hour with the minutes written with it.
func (s *scan) hourCore(i int, prep bool) (clockVal, int, bool) {
	if m, ok := s.get(i, "clock"); ok {
		t, _ := time.Parse("15:04", m.e.args[0])
		return clockVal{h: t.Hour(), m: t.Minute(), rule: m.e.loc, named: true}, m.end, true
	}
	if h, ok := s.digits(i, 4); ok {
		return s.digitHour(i, h, prep)
	}
	return s.wordHour(i, prep)
}

// digitHour reads a time that starts with the digits h at i: "14:30",
// "14h30", "3pm", "3.30 pm", "1342 UTC", "الساعة 8".
func (s *scan) digitHour(i, h int, prep bool) (clockVal, int, bool) {
	hl := len(s.toks[i].s)
	j := i + 1
	// HH:MM
	if hl <= 2 && s.is(j, ":") && s.adj(j) && s.adj(j+1) {
		return s.colonTime(i, h)
	}
	// 14h, 14h30, 14 h 30, 14 heures 30; in English "12 hours" is a
	// length ("for about 12 hours"), as in wordHour
	if hw, ok := s.hourWord(j); ok && hl <= 2 && h <= 24 {
		if s.lang == "en" && strings.EqualFold(s.toks[j].s, "hours") {
			return clockVal{}, i, false
		}
		return s.hourWordTime(i, h, hw, prep)
	}
	if c, e, ok := s.halfDayTime(i, h, prep); ok {
		return c, e, true
	}
	if c, e, ok := s.joinedTime(i, h, prep); ok {
		return c, e, true
	}
	return s.bareHour(i, h, prep)
}

// colonTime reads "14:30" or "14:30:05" at i, the hour h (one or two
// digits) and a colon glued to it: the minutes must be two digits, or
// there is no time.
func (s *scan) colonTime(i, h int) (clockVal, int, bool) {
	j := i + 1
	if mm, ok := s.digits(j+1, 2); ok && len(s.toks[j+1].s) == 2 && h <= 24 && mm < 60 {
		e := j + 2
		if s.is(e, ":") && s.adj(e) {
			if _, ok := s.digits(e+1, 2); ok {
				e += 2 // seconds
			}
		}
		return clockVal{h: h % 24, m: mm, minute: true, rule: "clock"}, e, true
	}
	return clockVal{}, i, false
}

// halfDayTime reads an hour of the 12-hour clock at i (the digits h)
// with its half of the day: "3pm", "3 p.m.", "3.30 pm", "at 3p" ("3:30"
// is colonTime's).
func (s *scan) halfDayTime(i, h int, prep bool) (clockVal, int, bool) {
	j := i + 1
	if len(s.toks[i].s) > 2 || h > 12 {
		return clockVal{}, i, false
	}
	if s.is(j, ".") && s.adj(j) && s.adj(j+1) {
		if mm, ok := s.digits(j+1, 2); ok && len(s.toks[j+1].s) == 2 && mm < 60 {
			if _, ok := s.get(j+2, "ampm"); ok {
				return clockVal{h: h, m: mm, minute: true, rule: "clock"}, j + 2, true
			}
		}
	}
	if m, ok := s.get(j, "ampm"); ok && (prep || isClockAmpm(m)) {
		return clockVal{h: h, rule: "clock"}, j, true
	}
	if _, ok := s.gluedHalf(j, prep); ok && h >= 1 {
		return clockVal{h: h, rule: "clock"}, j, true // "at 3p"
	}
	return clockVal{}, i, false
}

// joinedTime reads a time whose hour and minutes run together in the
// three or four digits h at i: "1342 UTC", "from 0600", "330 p.m.",
// "1045am".
func (s *scan) joinedTime(i, h int, prep bool) (clockVal, int, bool) {
	hl := len(s.toks[i].s)
	j := i + 1
	// 1342 UTC: four digits before a zone
	if hl == 4 && h/100 < 24 && h%100 < 60 {
		if _, ok := s.get(j, "zone"); ok {
			return clockVal{h: h / 100, m: h % 100, minute: true, rule: "clock"}, j, true
		}
	}
	// "from 0600", "at 0930": four digits with a leading zero after a
	// preposition are no year
	if hl == 4 && prep && s.toks[i].s[0] == '0' && h%100 < 60 {
		return clockVal{h: h / 100, m: h % 100, minute: true, rule: "clock"}, j, true
	}
	// "330 p.m.", "1045am": the hour and its minutes run together
	// before am/pm
	if (hl == 3 || hl == 4) && h/100 >= 1 && h/100 <= 12 && h%100 < 60 {
		if m, ok := s.get(j, "ampm"); ok && isClockAmpm(m) {
			return clockVal{h: h / 100, m: h % 100, minute: true, rule: "clock"}, j, true
		}
	}
	return clockVal{}, i, false
}

// bareHour reads an hour of one or two digits h at i with no minutes,
// which a preposition (or the start of a phrase) and a zone, Arabic or a
// part of the day make a time: "at 8 GMT", "الساعة 8", "at 5 tomorrow
// afternoon", "8 tonight".
func (s *scan) bareHour(i, h int, prep bool) (clockVal, int, bool) {
	hl := len(s.toks[i].s)
	j := i + 1
	// "at 8 GMT", "by 5 PT": a bare hour after a preposition, with a zone
	if prep && hl <= 2 && h <= 24 {
		if _, ok := s.get(j, "zone"); ok {
			return clockVal{h: h % 24, rule: "clock"}, j, true
		}
	}
	// "الساعة 8", "at 5" after a strong preposition
	if prep && hl <= 2 && h <= 24 && s.lang == "ar" {
		return s.arabicMinutes(clockVal{h: h % 24, rule: "clock"}, j)
	}
	// "at 5 tomorrow afternoon": a bare hour with a part of the day; at
	// the start of a phrase no preposition is needed ("8 tonight")
	if (prep || s.phraseStart(i)) && hl <= 2 && h >= 1 && h <= 12 && s.dayHalfNext(j) {
		return clockVal{h: h, rule: "clock"}, j, true
	}
	return clockVal{}, i, false
}

// hourWordTime reads a time of digits h at i followed by an hour word
// (hw is the token after it): "14h", "14h30", "14 h 30", "16 heures 30";
// or rejects a length ("une coupure de 2h", "3 heures" alone).
func (s *scan) hourWordTime(i, h, hw int, prep bool) (clockVal, int, bool) {
	j := i + 1
	isH := s.toks[j].s == "h"
	if !prep && s.durCueBefore(i) {
		// "une coupure de 2h dans la matinée", "pendant 3 heures
		// ce matin": a length, whatever follows, unless minutes
		// make it a clock time ("pour 14h30")
		if mm, ok := s.digits(hw, 2); !ok || len(s.toks[hw].s) != 2 || mm >= 60 {
			return clockVal{}, i, false
		}
	}
	if !isH && !prep && s.lang != "en" {
		// "3 heures" alone is a duration; a time needs a preposition,
		// minutes ("16 heures 30") or a part of the day ("8 heures
		// ce soir", "3 heures du matin")
		if mm, ok := s.digits(hw, 2); ok && len(s.toks[hw].s) == 2 && mm < 60 {
			return clockVal{h: h % 24, m: mm, minute: true, rule: "clock"}, hw + 1, true
		}
		if h <= 12 && s.dayHalfNext(hw) && !s.durCueBefore(i) {
			return clockVal{h: h, rule: "clock"}, hw, true
		}
		return clockVal{}, i, false
	}
	if isH && s.lang == "en" && !prep {
		// "15h30" glued, "19h", "8h GMT" read as times; "2h" alone
		// is a length
		glued := s.adj(j) && s.adj(hw) && hw < len(s.toks) && s.toks[hw].kind == '0' && len(s.toks[hw].s) == 2
		_, zoned := s.get(hw, "zone")
		if !glued && !zoned && h < 13 {
			return clockVal{}, i, false
		}
	}
	if mm, ok := s.digits(hw, 2); ok && len(s.toks[hw].s) == 2 && mm < 60 { // minutes, glued or not ("15h30", "15 h 30")
		e := hw + 1
		if _, ok := s.get(e, "minword"); ok && s.toks[j].s != "h" {
			m, _ := s.get(e, "minword")
			e = m.end
		}
		return clockVal{h: h % 24, m: mm, minute: true, rule: "clock"}, e, true
	}
	return clockVal{h: h % 24, rule: "clock"}, hw, true
}

// wordHour reads a time whose hour is a number word: "seize heures",
// "three o'clock", "الثالثة".
func (s *scan) wordHour(i int, prep bool) (clockVal, int, bool) {
	if m, ok := s.get(i, "ordinal"); ok && s.lang == "ar" && m.e.num <= 12 {
		c, e, _ := s.arabicMinutes(clockVal{h: int(m.e.num), rule: m.e.loc}, m.end)
		// "الثالثة عصرا": a part of the day is cue enough
		if _, ok := s.get(e, "ampm"); ok || prep {
			return c, e, true
		}
	}
	if n, e, ok := s.num(i); ok && n == float64(int(n)) && n <= 24 {
		if hw, ok := s.hourWord(e); ok && (prep || s.lang == "en" || n <= 12 && s.dayHalfNext(hw) && !s.durCueBefore(i)) && s.toks[e].s != "h" {
			if s.lang == "en" && s.toks[e].s == "hours" {
				return clockVal{}, i, false
			}
			c := clockVal{h: int(n) % 24, rule: "clock"}
			// "onze heures trois quarts": a fraction, not minutes, which
			// minutesAfter reads
			if _, frac := s.get(hw, "frac"); frac {
				return c, hw, true
			}
			if mn, e2, ok := s.num(hw); ok && mn < 60 && mn == float64(int(mn)) {
				c.m, c.minute = int(mn), true
				hw = e2
			}
			return c, hw, true
		}
		if s.lang == "ar" && prep {
			return s.arabicMinutes(clockVal{h: int(n) % 24, rule: "clock"}, e)
		}
		if (prep || s.phraseStart(i)) && n <= 12 && n >= 1 && s.dayHalfNext(e) {
			return clockVal{h: int(n), rule: "clock"}, e, true
		}
		if m, ok := s.get(e, "ampm"); ok && (prep || isClockAmpm(m)) && n <= 12 {
			return clockVal{h: int(n), rule: "clock"}, e, true
		}
		// "ten thirty am", "four twenty-three a m": words for the hour
		// and the minutes, then am/pm
		if s.lang == "en" && n <= 12 && s.toks[i].kind != '0' {
			if mn, e2, ok := s.num(e); ok && mn >= 10 && mn < 60 && mn == float64(int(mn)) && s.toks[e].kind != '0' {
				if m, ok := s.get(e2, "ampm"); ok && isClockAmpm(m) {
					return clockVal{h: int(n), m: int(mn), minute: true, rule: "clock"}, e2, true
				}
			}
		}
	}
	return clockVal{}, i, false
}

// phraseStart reports whether token i opens the text or follows a
// punctuation mark other than a dash or a slash, in English: a bare hour
// there before a part of the day is a time ("8 tonight, the vote"), while
// after a word it counts things ("sold 400 tickets tonight", "the 3 in
// the morning shift").
func (s *scan) phraseStart(i int) bool {
	if s.lang != "en" || i >= len(s.toks) {
		return false
	}
	if i == 0 {
		return true
	}
	p := s.toks[i-1]
	return p.kind == '.' && p.s != "-" && p.s != "/"
}

// dayHalfNext reports whether am/pm or a part of the day starts at k, so
// that a bare hour before it reads as a time ("3 heures du matin").
func (s *scan) dayHalfNext(k int) bool {
	if m, ok := s.get(k, "ampm"); ok && isClockAmpm(m) {
		return true
	}
	_, ok := s.dayWindow(k)
	return ok
}

// minutesBefore parses minutes named before their hour: "a quarter past
// 3pm", "half past three", "20 minutes to noon", "at 15 past 3pm". A bare
// number needs "past" and an hour that reads as a time; "to" needs a
// fraction or a minute word ("from 2 to 3pm" is a span).
func (s *scan) minutesBefore(i int) (clockVal, int, bool) {
	if s.lang != "en" {
		return clockVal{}, i, false
	}
	mins, k, strongHead, frac := 0, i, false, false
	if m, ok := s.get(i, "frac"); ok && m.e.num < 1 {
		mins, k, strongHead, frac = int(math.Round(m.e.num*60)), m.end, true, true
	} else if n, e, ok := s.num(i); ok && n >= 1 && n < 60 && n == float64(int(n)) {
		// a number over 12 is no hour: "15 to noon" is 11:45
		mins, k, strongHead = int(n), e, n > 12
		if mw, ok := s.get(k, "minword"); ok {
			k, strongHead = mw.end, true
		}
	} else {
		return clockVal{}, i, false
	}
	if s.durCueBefore(i) && !frac {
		// "for 20 minutes past noon" is a length; "for a quarter past
		// 3pm" a time
		return clockVal{}, i, false
	}
	rel, ok := s.get(k, "minrel")
	if !ok || rel.e.args[0] == "to" && !strongHead {
		return clockVal{}, i, false
	}
	c, e, ok := s.hourCore(rel.end, true)
	if ok && c.minute {
		return clockVal{}, i, false
	}
	if !ok {
		// "half past three", "20 minutes past 9"
		n, e2, isNum := s.num(rel.end)
		if !strongHead || !isNum || n < 1 || n > 12 || n != float64(int(n)) {
			return clockVal{}, i, false
		}
		c, e = clockVal{h: int(n), rule: "clock"}, e2
	}
	if rel.e.args[0] == "past" {
		c.m = mins
	} else {
		c.h, c.m = (c.h+23)%24, 60-mins
	}
	c.minute = true
	return c, e, true
}

// minutesAfter reads French minutes after an hour: "midi et quart",
// "trois heures et demie", "midi moins le quart", "midi moins cinq",
// "15h passé de 15 minutes", "onze heures trois quarts", "minuit trois".
func (s *scan) minutesAfter(c clockVal, e int) (clockVal, int) {
	set := func(h, m, end int) (clockVal, int) {
		c.h, c.m, c.minute = (h+24)%24, m, true
		return c, end
	}
	if m, ok := s.get(e, "frac"); ok && m.e.num > 0.5 && m.e.num < 1 {
		return set(c.h, int(math.Round(m.e.num*60)), m.end) // "trois quarts"
	}
	if rel, ok := s.get(e, "minafter"); ok {
		k := rel.end
		past := rel.e.args[0] == "past"
		if f, ok := s.get(k, "frac"); ok && f.e.num < 1 {
			mins := int(math.Round(f.e.num * 60))
			if past {
				return set(c.h, mins, f.end)
			}
			return set(c.h-1, 60-mins, f.end)
		}
		if n, e2, ok := s.num(k); ok && n >= 1 && n < 60 && n == float64(int(n)) {
			mw, hasMin := s.get(e2, "minword")
			if hasMin {
				e2 = mw.end
			}
			if past && hasMin {
				return set(c.h, int(n), e2)
			}
			if !past && (hasMin || !s.unitAt(e2)) {
				return set(c.h-1, 60-int(n), e2)
			}
		}
		return c, e
	}
	// "midi quinze", "minuit trois": a number right after a named hour
	if c.named {
		if n, e2, ok := s.num(e); ok && n >= 1 && n < 60 && n == float64(int(n)) && !s.unitAt(e2) && !s.is(e2, ":") {
			if mw, ok := s.get(e2, "minword"); ok {
				e2 = mw.end
			} else if s.unitAt(e2) {
				return c, e
			}
			return set(c.h, int(n), e2)
		}
	}
	return c, e
}

// unitAt reports whether a unit word (other than minutes) or a month
// starts at k: the number before it is not minutes.
func (s *scan) unitAt(k int) bool {
	if _, ok := s.get(k, "month"); ok {
		return true
	}
	if m, ok := s.get(k, "unit"); ok && m.e.args[0] != "minute" {
		return true
	}
	_, ok := s.get(k, "dual")
	return ok
}

// isClockAmpm reports whether an am/pm phrase can follow a bare number
// ("3 pm", "8 مساء"); "tonight" or "الليل" cannot.
func isClockAmpm(m match) bool {
	switch m.e.toks[0] {
	case "tonight", "this", "at", "in":
		return false
	}
	return true
}

// hourWord returns the token after an hour word at j.
func (s *scan) hourWord(j int) (int, bool) {
	if m, ok := s.get(j, "hourword"); ok {
		return m.end, true
	}
	if m, ok := s.get(j, "unit"); ok && m.e.args[0] == "hour" && s.toks[j].s == "h" {
		return m.end, true
	}
	return j, false
}

// arabicMinutes reads what follows an Arabic hour: "والنصف", "وربع",
// "إلا ربع", "و 20 دقيقة".
func (s *scan) arabicMinutes(c clockVal, e int) (clockVal, int, bool) {
	if e < len(s.toks) {
		if m, ok := s.get(e, "frac"); ok && len(s.toks[e].s) > 0 && s.toks[e].s[0:len("و")] == "و" {
			c.m, c.minute = int(math.Round(m.e.num*60)), true
			return c, m.end, true
		}
		if s.is(e, "و") || (len(s.toks[e].s) > 2 && s.toks[e].s[:len("و")] == "و") {
			k := e
			if s.is(e, "و") {
				k++
			}
			if m, ok := s.get(k, "frac"); ok {
				c.m, c.minute = int(math.Round(m.e.num*60)), true
				return c, m.end, true
			}
			if n, e2, ok := s.num(k); ok && n < 60 {
				if mw, ok := s.get(e2, "minword"); ok {
					c.m, c.minute = int(n), true
					return c, mw.end, true
				}
			}
		}
		if s.is(e, "الا") || s.is(e, "إلا") {
			if m, ok := s.get(e+1, "frac"); ok {
				c.h = (c.h + 23) % 24
				c.m, c.minute = 60-int(math.Round(m.e.num*60)), true
				return c, m.end, true
			}
		}
	}
	return c, e, true
}
