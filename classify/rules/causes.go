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

// causes finds cause phrases, leftmost-longest, and marks denied ones.
func (s *scan) causes() []Expr {
	var out []Expr
	for i := 0; i < len(s.toks); {
		var best match
		found := false
		for _, m := range s.ms[i] {
			if m.e.kind == "cause" || m.e.kind == "unknown" {
				if !found || m.end > best.end {
					best, found = m, true
				}
			}
		}
		if !found {
			i++
			continue
		}
		e := s.expr(KindCause, i, best.end, best.e.loc)
		if best.e.kind == "unknown" {
			e.Cause = "unknown"
		} else {
			e.Cause = best.e.args[0]
			e.Denied = s.denied(i, best.end)
		}
		out = append(out, e)
		i = best.end
	}
	return out
}

// denied reports whether a denial cue stands a few words before the cause
// phrase in the same sentence, or a few words after it.
func (s *scan) denied(i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if s.sentenceBreak(k) {
			break
		}
		for _, m := range s.ms[k] {
			if m.e.kind == "deny" && m.e.args[0] == "before" && m.end <= i {
				return true
			}
		}
	}
	for k := j; k < len(s.toks) && k < j+6; k++ {
		if s.sentenceBreak(k) {
			// "… un piratage. Ce n'est pas le cas.": only a cue opening
			// the next sentence counts
			k++
			for _, m := range s.ms[min(k, len(s.toks)-1)] {
				if k < len(s.toks) && m.e.kind == "deny" && m.e.args[0] == "after" {
					return true
				}
			}
			break
		}
		for _, m := range s.ms[k] {
			if m.e.kind == "deny" && m.e.args[0] == "after" {
				return true
			}
		}
	}
	return false
}
