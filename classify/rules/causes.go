package rules

// causeKeys are the cause keys rule files may name, in precedence order:
// when a text names several causes of one outage, the one earlier in this
// list is the root cause (see README.md).
var causeKeys = []string{
	"government",
	"cyberattack",
	"weather_disaster",
	"software_change",
	"maintenance",
	"cable_cut",
	"power",
	"third_party",
	"overload",
	"software_bug",
	"hardware_failure",
	"network",
	"unknown",
}

// RankCause returns the precedence of cause c: lower ranks are closer to
// the root cause and win when a text names several causes. Unknown keys
// rank after every known one.
func RankCause(c string) int {
	for i, k := range causeKeys {
		if k == c {
			return i
		}
	}
	return len(causeKeys)
}

// causes finds cause phrases, leftmost-longest, and marks denied ones. A
// "nocause" phrase competes with them and yields nothing.
func (s *scan) causes(out []Expr) []Expr {
	prevEnd, prevDenied := -1, false
	for i := 0; i < len(s.toks); {
		var best match
		found := false
		for _, m := range s.ms[i] {
			if m.e.kind == "cause" || m.e.kind == "unknown" || m.e.kind == "nocause" {
				if !found || m.end > best.end {
					best, found = m, true
				}
			}
		}
		if !found {
			i++
			continue
		}
		if best.e.kind == "nocause" {
			// another sense that holds a cause word ("calmer la tempête",
			// "internet blackout", "further updates"): no cause, and its
			// words start none
			i = best.end
			continue
		}
		e := s.expr(KindCause, i, best.end, best.e.loc)
		if best.e.kind == "unknown" {
			e.Cause = "unknown"
		} else {
			e.Cause = best.e.args[0]
			// "ni piratage ni panne", "no hack or malware": the items of
			// a list share the denial of the first
			e.Denied = s.denied(i, best.end) || prevDenied && s.listBetween(prevEnd, i)
		}
		out = append(out, e)
		prevEnd, prevDenied = best.end, e.Denied
		i = best.end
	}
	return out
}

// listBetween reports whether only list words (commas, "or", "ni",
// articles) stand between tokens a and b.
func (s *scan) listBetween(a, b int) bool {
	if a < 0 || b-a > 4 {
		return false
	}
	conj, article := false, false
	for k := a; k < b; {
		m, ok := s.get(k, "listsep")
		if !ok {
			return false
		}
		switch {
		case len(m.e.args) == 1:
			article = true
		case !s.is(k, ","):
			conj = true
		}
		k = m.end
	}
	// "pas de piratage, une panne de câble": an article after a bare
	// comma opens a new clause
	return conj || !article
}

// contrastAt reports whether token k opens a contrast ("mais", "but",
// "بل") or is a comma or a colon: a denial does not reach past it.
func (s *scan) contrastAt(k int) bool {
	if s.is(k, ",") || s.is(k, ":") {
		return true
	}
	_, ok := s.get(k, "contrast")
	return ok
}

// denied reports whether a denial cue stands a few words before the cause
// phrase in the same clause (a comma or "mais", "but", "بل" ends it), or a
// few words after it before any contrast word.
func (s *scan) denied(i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if s.sentenceBreak(k) {
			break
		}
		for _, m := range s.ms[k] {
			if m.e.kind != "deny" || m.end > i {
				continue
			}
			// "next" cues only right before the cause: "no hack"
			if (m.e.args[0] == "before" || m.e.args[0] == "next" && m.end == i) && !s.noDenial(k, m.end) {
				return true
			}
		}
		if s.contrastAt(k) {
			break
		}
	}
	for k := j; k < len(s.toks) && k < j+6; k++ {
		if k > j && s.contrastAt(k) && !s.is(k, ",") {
			break // "une panne de courant, mais l'attaque est écartée" still reads on
		}
		if s.sentenceBreak(k) {
			// "… un piratage. Ce n'est pas le cas.": only a cue opening
			// the next sentence counts
			k++
			for _, m := range s.ms[min(k, len(s.toks)-1)] {
				if k < len(s.toks) && m.e.kind == "deny" && m.e.args[0] == "after" && !s.noDenial(k, m.end) {
					return true
				}
			}
			break
		}
		for _, m := range s.ms[k] {
			if m.e.kind == "deny" && m.e.args[0] == "after" && !s.noDenial(k, m.end) {
				return true
			}
		}
	}
	return false
}

// noDenial reports whether the denial cue at tokens [k, end) is part of a
// phrase that denies nothing ("ce n'est pas la première fois", "not the
// first time", "ليست المرة الأولى"): a "nodeny" phrase starting at most
// three words before it and reaching its end.
func (s *scan) noDenial(k, end int) bool {
	for j := k; j >= 0 && j >= k-3; j-- {
		for _, m := range s.ms[j] {
			if m.e.kind == "nodeny" && m.end >= end {
				return true
			}
		}
	}
	return false
}
