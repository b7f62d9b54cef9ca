package events

import (
	"fmt"
	"sort"
	"time"

	"outages/corpus"
)

// timeKind is how precisely a mention is placed in time.
type timeKind int

const (
	tStart    timeKind = iota // a start day
	tReport                   // no start: the publication day
	tMonthDay                 // a start month and day, the year unknown
	tMonth                    // only a month (start or publication)
	tNone                     // nothing
)

// mention is one outage of one article.
type mention struct {
	art, out  int    // article index, outage index (0-based)
	key       string // the service key, canonical (aliasKeys)
	raw       string // the service key of the outage's own name
	skip      bool   // left out of this grouping (Regroup: a service whose events are kept)
	tk        timeKind
	day       int // days since 1970 (tStart, tReport); day of a leap year (tMonthDay); months since year 0 (tMonth)
	countries []string
	national  bool
	cluster   int
}

// cluster is a group of mentions of one key being built.
type cluster struct {
	key            string
	tk             timeKind // tStart or tReport when dated; else the weak kind it was made for
	s0, s1, r0, r1 int      // start and report day ranges
	hasS, hasR     bool
	weak           int // tMonthDay / tMonth value of a weak cluster
	countries      []string
	members        []int
}

// Group groups the outages of arts into events, newest first. It is
// deterministic: the same articles and options give the same events, in
// any order of arts.
func Group(arts []Article, opts Options) []Event {
	opts = opts.withDefaults()
	arts = sortedArticles(arts)
	ms := mentions(arts)
	g := &grouper{opts: opts, arts: arts, ms: ms, byKey: map[string][]int{}, df: docFreq(arts), n: len(arts)}
	evs := g.group(opts.Previous, nil)
	sortEvents(evs)
	return evs
}

// group places the mentions, merges their clusters and summarises the
// components into events, with ids kept from previous (none of the ids
// taken).
func (g *grouper) group(previous []Event, taken map[string]bool) []Event {
	return g.events(g.components(), previous, taken)
}

// components places the mentions and merges their clusters: each
// component is an event's mentions.
func (g *grouper) components() [][]int {
	g.placeDated()
	g.placeWeak()
	return g.merge()
}

// events summarises comps into events, with ids kept from previous (none
// of the ids taken).
func (g *grouper) events(comps [][]int, previous []Event, taken map[string]bool) []Event {
	evs := make([]Event, 0, len(comps))
	for _, c := range comps {
		evs = append(evs, summarise(g.arts, g.ms, c))
	}
	assignIDs(evs, g.anchors(comps), previous, taken)
	return evs
}

// sortEvents orders events newest first, then by id (ids are unique).
func sortEvents(evs []Event) {
	sort.Slice(evs, func(i, j int) bool { return eventBefore(&evs[i], &evs[j]) })
}

func eventBefore(a, b *Event) bool {
	if da, db := a.Day(), b.Day(); da != db {
		return da > db
	}
	return a.ID < b.ID
}

func sortedArticles(arts []Article) []Article {
	if sort.SliceIsSorted(arts, func(i, j int) bool { return arts[i].ID < arts[j].ID }) {
		return arts
	}
	out := append([]Article(nil), arts...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// nationalKinds are the kinds whose services are a country's network: two
// of their mentions in different countries are different incidents.
var nationalKinds = map[string]bool{corpus.KindTelecom: true, corpus.KindInternet: true, corpus.KindPower: true}

func mentions(arts []Article) []mention {
	ms, _ := mentionsAliases(arts)
	return ms
}

// aliasInfo is what aliasKeys learns of an archive's service keys.
type aliasInfo struct {
	canon   map[string]string // key → canonical key, where they differ
	used    map[string]bool   // the keys of the mentions
	targets map[string]bool   // the keys of every alias
}

// mentionsAliases returns the mentions of arts, with canonical keys, and
// what aliasKeys learnt.
func mentionsAliases(arts []Article) ([]mention, aliasInfo) {
	ms := rawMentions(arts)
	ai := aliasInfo{used: map[string]bool{}, targets: map[string]bool{}}
	ai.canon = aliasKeys(arts, ms, ai.used, ai.targets)
	if len(ai.canon) > 0 {
		for i := range ms {
			if k, ok := ai.canon[ms[i].key]; ok {
				ms[i].key = k
			}
		}
	}
	return ms, ai
}

// keyCache remembers the ServiceKey of names: an archive names a few
// thousand services a million times.
type keyCache map[string]string

func (c keyCache) of(name string) string {
	k, ok := c[name]
	if !ok {
		k = ServiceKey(name)
		c[name] = k
	}
	return k
}

// rawMentions returns the mentions of arts keyed by their own service
// names (key and raw alike).
func rawMentions(arts []Article) []mention {
	n := 0
	for _, a := range arts {
		n += len(a.Outages)
	}
	ms := make([]mention, 0, n)
	keys := keyCache{}
	for ai, a := range arts {
		for oi, o := range a.Outages {
			key := keys.of(o.Service)
			if key == "" {
				continue
			}
			m := mention{art: ai, out: oi, key: key, raw: key, countries: o.Country, national: nationalKinds[o.Kind], cluster: -1}
			m.tk, m.day = placeInTime(o.Start, a.Published)
			ms = append(ms, m)
		}
	}
	return ms
}

// aliasKeys maps service keys that name one service to one of them: a
// service whose alias is another mention's service name ("Rogers
// Communications", alias "Rogers") is that service. Each set of keys maps
// to its smallest key, so the result does not depend on article order.
// It adds the key of every mention to used and of every alias to targets.
func aliasKeys(arts []Article, ms []mention, used, targets map[string]bool) map[string]string {
	last := ""
	for _, m := range ms {
		if m.key != last {
			used[m.key], last = true, m.key
		}
	}
	keys := keyCache{}
	parent := map[string]string{}
	find := func(k string) string {
		for {
			p, ok := parent[k]
			if !ok || p == k {
				return k
			}
			k = p
		}
	}
	for _, m := range ms {
		key := m.key
		for _, al := range arts[m.art].Outages[m.out].Aliases {
			ak := keys.of(al)
			targets[ak] = true
			if ak == "" || ak == key || !used[ak] {
				continue
			}
			ra, rb := find(key), find(ak)
			if ra != rb {
				parent[max(ra, rb)] = min(ra, rb)
			}
		}
	}
	out := make(map[string]string, len(parent))
	for k := range parent {
		out[k] = find(k)
	}
	return out
}

// placeInTime reads a mention's time: its start day; a month-day start with
// the year of the publication (the latest such day not after it); the
// publication day; a month; or nothing.
func placeInTime(start, published string) (timeKind, int) {
	if d, ok := parseDay(start); ok {
		return tStart, d
	}
	pub, pubOK := parseDay(published)
	if len(start) == 10 && start[:4] == "XXXX" {
		if pubOK {
			p := time.Unix(int64(pub)*86400, 0).UTC()
			for _, y := range []int{p.Year(), p.Year() - 1} {
				if d, ok := parseDay(fmt.Sprintf("%04d", y) + start[4:]); ok && d <= pub+1 {
					return tStart, d
				}
			}
		}
		if t, err := time.Parse("2006-01-02", "2000"+start[4:]); err == nil {
			return tMonthDay, t.YearDay()
		}
	}
	if pubOK {
		return tReport, pub
	}
	if m, ok := parseMonth(start); ok {
		return tMonth, m
	}
	if m, ok := parseMonth(published); ok {
		return tMonth, m
	}
	return tNone, 0
}

// parseDay reads a YYYY-MM-DD day as days since 1970, as time.Parse with
// layout 2006-01-02 would, without its cost (a million articles are read
// on every regrouping).
func parseDay(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // past the end of the month
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func parseMonth(s string) (int, bool) {
	if len(s) < 7 {
		return 0, false
	}
	t, err := time.Parse("2006-01", s[:7])
	if err != nil {
		return 0, false
	}
	return t.Year()*12 + int(t.Month()) - 1, true
}

func dayString(d int) string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

// monthOfDay is a day's month in parseMonth's numbering.
func monthOfDay(d int) int {
	t := time.Unix(int64(d)*86400, 0).UTC()
	return t.Year()*12 + int(t.Month()) - 1
}

// yearDayOf is a day's day of the year, counted in a leap year.
func yearDayOf(d int) int {
	t := time.Unix(int64(d)*86400, 0).UTC()
	l := time.Date(2000, t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return l.YearDay()
}
