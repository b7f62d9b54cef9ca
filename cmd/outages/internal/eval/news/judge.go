package news

import "outages/corpus"

// The comparisons Score makes, one value at a time, for code that must
// judge candidate values exactly as the scorer does (training labels).

// ServiceMatch reports whether p names the service of g (names or aliases).
func ServiceMatch(g, p corpus.Outage) bool { return serviceMatch(g, p) }

// StartMatch reports whether a predicted start day matches the gold one.
func StartMatch(gold, pred string) bool { return startMatch(gold, pred) }

// DurationMatch reports whether p's duration matches g's (within 25% or
// 10 minutes; a vague gold length matches no number).
func DurationMatch(g, p corpus.Outage) bool { return durationMatch(g, p) }

// CauseMatch reports whether a predicted cause is g's cause or one of its
// alternatives.
func CauseMatch(g corpus.Outage, pred string) bool {
	p := causeOf(corpus.Outage{Cause: pred})
	return p == causeOf(g) || contains(g.CauseAlt, p)
}

// HasDuration reports whether the gold outage states a duration (a number
// or a vague length): only then is a duration scored.
func HasDuration(g corpus.Outage) bool {
	return g.DurationMin != nil || g.DurationKind == corpus.DurationVague
}
