package classify

import (
	"outages/classify/rules"
)

func prefixTail(s string, end, n int) string {
	start := max(0, end-n)
	for start > 0 && start < len(s) && !isRuneStart(s[start]) {
		start--
	}
	return s[start:end]
}

func suffixHead(s string, start, n int) string {
	end := min(len(s), start+n)
	for end < len(s) && !isRuneStart(s[end]) {
		end++
	}
	return s[start:end]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		out = appendUniq(out, s)
	}
	return out
}

func appendUniq(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

func durationValue(e rules.Expr) string {
	if e.Minutes == nil {
		return e.DurationKind
	}
	v := itoa(*e.Minutes) + " min"
	if e.DurationKind != "" {
		v += " (" + e.DurationKind + ")"
	}
	return v
}
