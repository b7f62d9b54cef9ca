package rules

import (
	"fmt"
	"time"
)

// clockVal is a parsed time of day.
type clockVal struct {
	h, m      int
	minute    bool // minutes were stated
	zone      *time.Location
	zoneText  string
	rule      string
	ampm      bool // am/pm (or an Arabic part of day) was stated
	hasPrep   bool
	prepStart int
}

func (c clockVal) String() string { return fmt.Sprintf("%02d:%02d", c.h, c.m) }

// clock parses a time of day at i, with an optional leading preposition
// and trailing am/pm and zone: "à 11h01 (heure du Pacifique)", "vers 19h30",
// "14h GMT", "3 p.m. ET", "الساعة الثالثة عصرا".
func (s *scan) clock(i int, allowPrep bool) (clockVal, int, bool) {
	return s.clockCue(i, allowPrep, false)
}

// clockCue is clock where cue says that a word before i already marks a
// time ("between 9h30 and 11h00"), as a preposition would.
func (s *scan) clockCue(i int, allowPrep, cue bool) (clockVal, int, bool) {
	j := i
	var c clockVal
	if allowPrep {
		if m, ok := s.get(i, "timeprep"); ok {
			j = m.end
			c.hasPrep = true
			c.rule = m.e.loc
			// "منذ الساعة", "حوالي الساعة": a second preposition
			if m2, ok := s.get(j, "timeprep"); ok && s.lang == "ar" {
				j = m2.end
			}
		}
	}
	core, e, ok := s.clockCore(j, c.hasPrep || cue)
	if !ok {
		return clockVal{}, i, false
	}
	core.hasPrep, core.rule = c.hasPrep, firstNonEmpty(c.rule, core.rule)
	// am / pm
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
			}
		}
		core.ampm = true
		e = m.end
	}
	// zone, maybe in parentheses and after "heure", "time", "بتوقيت"
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
	return core, e, true
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
	if m, ok := s.get(i, "clock"); ok {
		t, _ := time.Parse("15:04", m.e.args[0])
		return clockVal{h: t.Hour(), m: t.Minute(), rule: m.e.loc}, m.end, true
	}
	if h, ok := s.digits(i, 4); ok {
		hl := len(s.toks[i].s)
		j := i + 1
		// HH:MM
		if hl <= 2 && s.is(j, ":") && s.adj(j) && s.adj(j+1) {
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
		// 14h, 14h30, 14 h 30, 14 heures 30
		if hw, ok := s.hourWord(j); ok && hl <= 2 && h <= 24 {
			isH := s.toks[j].s == "h"
			if !isH && !prep && s.lang != "en" {
				// "3 heures" alone is a duration; a time needs a preposition
				// or minutes ("16 heures 30")
				if mm, ok := s.digits(hw, 2); ok && len(s.toks[hw].s) == 2 && mm < 60 {
					return clockVal{h: h % 24, m: mm, minute: true, rule: "clock"}, hw + 1, true
				}
				return clockVal{}, i, false
			}
			if isH && s.lang == "en" && !prep {
				return clockVal{}, i, false
			}
			if mm, ok := s.digits(hw, 2); ok && len(s.toks[hw].s) == 2 && mm < 60 && (s.adj(hw) || !isH || true) {
				e := hw + 1
				if _, ok := s.get(e, "minword"); ok && s.toks[j].s != "h" {
					m, _ := s.get(e, "minword")
					e = m.end
				}
				return clockVal{h: h % 24, m: mm, minute: true, rule: "clock"}, e, true
			}
			return clockVal{h: h % 24, rule: "clock"}, hw, true
		}
		// 3pm, 3 p.m., 3.30 pm, 3:30 handled above
		if hl <= 2 && h <= 12 {
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
		}
		// 1342 UTC: four digits before a zone
		if hl == 4 && h/100 < 24 && h%100 < 60 {
			if _, ok := s.get(j, "zone"); ok {
				return clockVal{h: h / 100, m: h % 100, minute: true, rule: "clock"}, j, true
			}
		}
		// "الساعة 8", "at 5" after a strong preposition
		if prep && hl <= 2 && h <= 24 && s.lang == "ar" {
			return s.arabicMinutes(clockVal{h: h % 24, rule: "clock"}, j)
		}
		return clockVal{}, i, false
	}
	// number words: "seize heures", "three o'clock", "الثالثة"
	if m, ok := s.get(i, "ordinal"); ok && s.lang == "ar" && prep {
		if m.e.num <= 12 {
			return s.arabicMinutes(clockVal{h: int(m.e.num), rule: m.e.loc}, m.end)
		}
	}
	if n, e, ok := s.num(i); ok && n == float64(int(n)) && n <= 24 {
		if hw, ok := s.hourWord(e); ok && (prep || s.lang == "en") && s.toks[e].s != "h" {
			if s.lang == "en" && s.toks[e].s == "hours" {
				return clockVal{}, i, false
			}
			c := clockVal{h: int(n) % 24, rule: "clock"}
			if mn, e2, ok := s.num(hw); ok && mn < 60 && mn == float64(int(mn)) {
				c.m, c.minute = int(mn), true
				hw = e2
			}
			return c, hw, true
		}
		if s.lang == "ar" && prep {
			return s.arabicMinutes(clockVal{h: int(n) % 24, rule: "clock"}, e)
		}
		if m, ok := s.get(e, "ampm"); ok && (prep || isClockAmpm(m)) && n <= 12 {
			return clockVal{h: int(n), rule: "clock"}, e, true
		}
	}
	return clockVal{}, i, false
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
			c.m, c.minute = int(m.e.num*60), true
			return c, m.end, true
		}
		if s.is(e, "و") || (len(s.toks[e].s) > 2 && s.toks[e].s[:len("و")] == "و") {
			k := e
			if s.is(e, "و") {
				k++
			}
			if m, ok := s.get(k, "frac"); ok {
				c.m, c.minute = int(m.e.num*60), true
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
				c.m, c.minute = 60-int(m.e.num*60), true
				return c, m.end, true
			}
		}
	}
	return c, e, true
}
