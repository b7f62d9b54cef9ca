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
	svc, kind, starts, ends, causes, countries := newTally(), newTally(), newTally(), newTally(), newTally(), newTally()
	langs, sources := newTally(), newTally()
	durs := map[string]*int{}
	durTally := newTally()
	seenArt := map[int]bool{}
	for _, i := range comp {
		m := ms[i]
		a := &arts[m.art]
		o := a.Outages[m.out]
		svc.add(o.Service, 1)
		kind.add(o.Kind, 1)
		if m.tk == tStart {
			starts.add(dayString(m.day), 1)
		}
		ends.add(o.End, 1)
		if o.Cause != "" && o.Cause != corpus.CauseUnknown {
			causes.add(o.Cause, 2)
		}
		for _, c := range o.CauseAlt {
			causes.add(c, 1)
		}
		for _, c := range o.Country {
			countries.add(c, 1)
		}
		if o.DurationMin != nil {
			k := o.DurationKind + "|" + strconv.Itoa(*o.DurationMin)
			durs[k] = o.DurationMin
			durTally.add(k, 1)
		}
		if !seenArt[m.art] {
			e.Articles = append(e.Articles, ArticleRef{ID: a.ID, URL: a.URL, Lang: a.Lang, Title: a.Title,
				Source: a.Source, Published: a.Published, Outage: m.out + 1})
			seenArt[m.art] = true
			langs.add(a.Lang, 1)
			sources.add(a.Source, 1)
			if a.Published != "" && (e.FirstReport == "" || a.Published < e.FirstReport) {
				e.FirstReport = a.Published
			}
			if a.Published > e.LastReport {
				e.LastReport = a.Published
			}
		}
	}
	e.Service = svc.top(lexical)
	e.Services = svc.sorted(lexical)
	e.Kind = kind.top(lexical)
	e.Start = starts.top(lexical)
	e.End = ends.top(lexical)
	e.Cause, e.CauseAlt = corpus.CauseUnknown, []string{}
	if cs := causes.sorted(causeRank); len(cs) > 0 {
		e.Cause, e.CauseAlt = cs[0], cs[1:]
	}
	e.Countries = supported(countries)
	if k := durTally.sorted(func(a, b string) bool { return durRank(a) < durRank(b) }); len(k) > 0 {
		e.DurationMin = durs[k[0]]
		e.DurationKind = k[0][:strings.IndexByte(k[0], '|')]
	}
	e.NArticles = len(seenArt)
	e.Languages = langs.sorted(lexical)
	sort.Strings(e.Languages)
	e.Sources = sources.sorted(lexical)
	sort.Strings(e.Sources)
	sort.SliceStable(e.Articles, func(i, j int) bool {
		a, b := e.Articles[i], e.Articles[j]
		if a.Published != b.Published {
			return a.Published < b.Published
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Outage < b.Outage
	})
	return e
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
