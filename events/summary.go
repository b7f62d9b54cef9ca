package events

import (
	"sort"
	"strconv"
	"strings"

	"outages/corpus"
)

// tally counts values and returns them most frequent first; ties keep the
// order of first sight unless a rank breaks them.
type tally struct {
	keys  []string
	count map[string]int
}

func newTally() *tally { return &tally{count: map[string]int{}} }

func (t *tally) add(k string, n int) {
	if k == "" {
		return
	}
	if _, ok := t.count[k]; !ok {
		t.keys = append(t.keys, k)
	}
	t.count[k] += n
}

// sorted returns the keys by count (descending), then by less.
func (t *tally) sorted(less func(a, b string) bool) []string {
	out := append([]string(nil), t.keys...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if t.count[a] != t.count[b] {
			return t.count[a] > t.count[b]
		}
		return less(a, b)
	})
	return out
}

func (t *tally) top(less func(a, b string) bool) string {
	if s := t.sorted(less); len(s) > 0 {
		return s[0]
	}
	return ""
}

func lexical(a, b string) bool { return a < b }

// causeRank orders causes by the taxonomy (a tie of counts goes to the
// cause listed first, unknown last).
func causeRank(a, b string) bool { return rank(corpus.Causes(), a) < rank(corpus.Causes(), b) }

func rank(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

// durationKinds ranks duration kinds from the most to the least precise.
var durationKinds = []string{corpus.DurationExact, corpus.DurationApprox, corpus.DurationAtLeast, corpus.DurationAtMost, corpus.DurationVague}

// summarise builds the event of one component of mentions.
func summarise(arts []Article, ms []mention, comp []int) Event {
	var e Event
	s := summary{
		svc: newTally(), kind: newTally(), starts: newTally(), ends: newTally(), causes: newTally(), countries: newTally(),
		langs: newTally(), sources: newTally(),
		durs:     map[string]*int{},
		durTally: newTally(),
		seenArt:  map[int]bool{},
	}
	for _, i := range comp {
		m := ms[i]
		a := &arts[m.art]
		s.outage(a.Outages[m.out], m)
		if !s.seenArt[m.art] {
			s.article(&e, a, m)
		}
	}
	s.fill(&e)
	sortRefs(e.Articles)
	return e
}

// summary is what summarise tallies over the mentions of one component.
// (The event it fills is kept apart: what it returns must not hold the
// summary, or the tallies would escape to the heap.)
type summary struct {
	svc, kind, starts, ends, causes, countries *tally
	langs, sources                             *tally
	durs                                       map[string]*int // "kind|minutes" → a length of that tally key
	durTally                                   *tally
	seenArt                                    map[int]bool
}

// outage tallies the values of o, the outage of mention m: a stated cause
// counts twice, an alternative once.
func (s *summary) outage(o corpus.Outage, m mention) {
	s.svc.add(o.Service, 1)
	s.kind.add(o.Kind, 1)
	if m.tk == tStart {
		s.starts.add(dayString(m.day), 1)
	}
	s.ends.add(o.End, 1)
	if o.Cause != "" && o.Cause != corpus.CauseUnknown {
		s.causes.add(o.Cause, 2)
	}
	for _, c := range o.CauseAlt {
		s.causes.add(c, 1)
	}
	for _, c := range o.Country {
		s.countries.add(c, 1)
	}
	if o.DurationMin != nil {
		k := o.DurationKind + "|" + strconv.Itoa(*o.DurationMin)
		s.durs[k] = o.DurationMin
		s.durTally.add(k, 1)
	}
}

// article adds a, first seen at mention m, to e's articles and to its
// first and last reports, and its language and source to the tallies.
func (s *summary) article(e *Event, a *Article, m mention) {
	e.Articles = append(e.Articles, ArticleRef{ID: a.ID, URL: a.URL, Lang: a.Lang, Title: a.Title,
		Source: a.Source, Published: a.Published, Outage: m.out + 1})
	s.seenArt[m.art] = true
	s.langs.add(a.Lang, 1)
	s.sources.add(a.Source, 1)
	if a.Published != "" && (e.FirstReport == "" || a.Published < e.FirstReport) {
		e.FirstReport = a.Published
	}
	if a.Published > e.LastReport {
		e.LastReport = a.Published
	}
}

// fill sets e's values from the tallies: for each field the value most
// mentions give (causes by the taxonomy, durations by precision on a
// tie), the countries enough of them name, the number of articles, their
// languages and sources.
func (s *summary) fill(e *Event) {
	e.Service = s.svc.top(lexical)
	e.Services = s.svc.sorted(lexical)
	e.Kind = s.kind.top(lexical)
	e.Start = s.starts.top(lexical)
	e.End = s.ends.top(lexical)
	e.Cause, e.CauseAlt = corpus.CauseUnknown, []string{}
	if cs := s.causes.sorted(causeRank); len(cs) > 0 {
		e.Cause, e.CauseAlt = cs[0], cs[1:]
	}
	e.Countries = supported(s.countries)
	if k := s.durTally.sorted(func(a, b string) bool { return durRank(a) < durRank(b) }); len(k) > 0 {
		e.DurationMin = s.durs[k[0]]
		e.DurationKind = k[0][:strings.IndexByte(k[0], '|')]
	}
	e.NArticles = len(s.seenArt)
	e.Languages = s.langs.sorted(lexical)
	sort.Strings(e.Languages)
	e.Sources = s.sources.sorted(lexical)
	sort.Strings(e.Sources)
}

// sortRefs orders an event's articles by publication day, then id and
// outage.
func sortRefs(refs []ArticleRef) {
	sort.SliceStable(refs, func(i, j int) bool {
		a, b := refs[i], refs[j]
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Outage < b.Outage
	})
}

// supported keeps the countries named by at least a third as many mentions
// as the most named one.
func supported(t *tally) []string {
	s := t.sorted(lexical)
	out := []string{}
	for _, c := range s {
		if t.count[c]*3 >= t.count[s[0]] {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

func durRank(k string) string {
	kind := k[:strings.IndexByte(k, '|')]
	return string(rune('a'+rank(durationKinds, kind))) + k
}
