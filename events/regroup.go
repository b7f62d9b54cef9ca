package events

import "sort"

// GroupVersion changes whenever the rules of Group change: callers keeping
// events for Regroup regroup everything when it differs.
const GroupVersion = 1

// RegroupStats says what Regroup did.
type RegroupStats struct {
	Full      bool   // everything was grouped anew; Reason says why
	Reason    string //
	Articles  int    // articles whose mentions were placed anew
	Kept      int    // events kept as they were
	Regrouped int    // events grouped anew
}

// Regroup returns the events Group(arts, opts) returns, grouping anew only
// the mentions the changed articles can reach and keeping the other events
// of opts.Previous as they are. changed holds the ids of the articles
// added, changed or removed since opts.Previous was grouped, and
// opts.Previous must be what Group returned for the archive before those
// changes with the same options (the caller keeps track of that). When the
// previous events do not cover the unchanged articles, or most articles
// would be regrouped anyway, it groups everything (RegroupStats.Full).
//
// The unit of regrouping is a segment: the dated mentions of one service
// between two gaps of more than Window+ReportLag days, which no event can
// span, so that placing the mentions of a segment does not depend on any
// other (see fits). A service with mentions placed by month-day, month or
// words, or with two outages in one article, is one segment. Segments are
// dirty (grouped anew) when
//   - a changed article (its new version) has a mention in them;
//   - a changed article (either version) names their service or an alias
//     of it, or one of their mentions has an alias naming such a service
//     (all segments of the service);
//   - a changed article (either version) reports two services together
//     and so changes how many articles do: every article reporting the two
//     together makes its segments of the two dirty;
//   - a mention with no start or report day may be placed by words, whose
//     weight depends on every article, and an article changed (the segment
//     of each service with such mentions; Options.Similarity < 0 turns
//     that off);
//   - a previous event to regroup (one holding a changed article, or a
//     mention of a dirty segment) has a mention in them, until no more are
//     added. A merge decision between a dirty and a clean segment is the
//     one made before: it depends on the two services and on how many
//     articles report both, which only a changed article can change.
func Regroup(arts []Article, changed map[string]bool, opts Options) ([]Event, RegroupStats) {
	opts = opts.withDefaults()
	arts = sortedArticles(arts)
	ms := mentions(arts)
	p := newRegroupPlan(arts, ms, changed, opts)
	if reason := p.check(); reason != "" {
		return Group(arts, opts), RegroupStats{Full: true, Reason: reason, Articles: len(arts)}
	}
	return p.run(), p.stats
}

// regroupPlan is which segments and previous events Regroup redoes.
type regroupPlan struct {
	opts     Options
	arts     []Article
	ms       []mention
	changed  map[string]bool
	parents  map[string]string // Options.Parents by key
	canon    map[string]string // raw service key → canonical key
	first    []int             // article index → its first mention (len(arts)+1 entries)
	unit     []int             // mention → segment
	keyUnits map[string][]int  // canonical key → its segments
	artEvs   map[string][]int  // article id → previous events holding it
	evUnits  [][]int           // previous event → segments of its mentions
	unitEvs  map[int][]int     // segment → previous events with a mention in it
	dirty    []bool            // per segment: grouped anew
	redo     []bool            // per previous event: grouped anew
	queue    []int             // dirty segments whose events are not marked yet
	subset   []int             // article indexes with a dirty mention
	stats    RegroupStats
}

func newRegroupPlan(arts []Article, ms []mention, changed map[string]bool, opts Options) *regroupPlan {
	p := &regroupPlan{opts: opts, arts: arts, ms: ms, changed: changed, parents: keyParents(opts.Parents),
		canon: map[string]string{}, artEvs: map[string][]int{}, keyUnits: map[string][]int{}, unitEvs: map[int][]int{},
		redo: make([]bool, len(opts.Previous))}
	p.first = make([]int, len(arts)+1)
	for i := range p.first {
		p.first[i] = len(ms)
	}
	for i := len(ms) - 1; i >= 0; i-- {
		p.canon[ms[i].raw] = ms[i].key
		p.first[ms[i].art] = i
	}
	for a := len(arts) - 1; a >= 0; a-- {
		p.first[a] = min(p.first[a], p.first[a+1])
	}
	p.segment()
	p.mapEvents()
	p.seed()
	p.close()
	return p
}

// mentionsOf returns the mentions of article ai.
func (p *regroupPlan) mentionsOf(ai int) []mention { return p.ms[p.first[ai]:p.first[ai+1]] }

// segment splits the mentions of each key into segments (see Regroup).
func (p *regroupPlan) segment() {
	byKey := map[string][]int{}
	for i, m := range p.ms {
		byKey[m.key] = append(byKey[m.key], i)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	p.unit = make([]int, len(p.ms))
	gap := p.opts.Window + p.opts.ReportLag
	n := 0
	for _, k := range keys {
		idx := byKey[k]
		whole := false
		for j, i := range idx {
			whole = whole || p.ms[i].tk >= tMonthDay || (j > 0 && p.ms[idx[j-1]].art == p.ms[i].art)
		}
		if !whole {
			sort.SliceStable(idx, func(a, b int) bool { return p.ms[idx[a]].day < p.ms[idx[b]].day })
		}
		for j, i := range idx {
			if j == 0 || (!whole && p.ms[i].day-p.ms[idx[j-1]].day > gap) {
				p.keyUnits[k] = append(p.keyUnits[k], n)
				n++
			}
			p.unit[i] = n - 1
		}
	}
	p.dirty = make([]bool, n)
}

// mapEvents finds the segments of each previous event's mentions: the
// mentions of its services in its articles (a few more when an article
// reports one service twice: more is safe).
func (p *regroupPlan) mapEvents() {
	p.evUnits = make([][]int, len(p.opts.Previous))
	for ei, e := range p.opts.Previous {
		keys := map[string]bool{}
		for _, s := range e.Services {
			keys[p.canonOf(ServiceKey(s))] = true
		}
		seen := map[int]bool{}
		for _, a := range e.Articles {
			if l := p.artEvs[a.ID]; len(l) == 0 || l[len(l)-1] != ei {
				p.artEvs[a.ID] = append(l, ei)
			}
			ai := p.index(a.ID)
			if ai < 0 {
				continue
			}
			for j := p.first[ai]; j < p.first[ai+1]; j++ {
				if u := p.unit[j]; keys[p.ms[j].key] && !seen[u] {
					seen[u] = true
					p.evUnits[ei] = append(p.evUnits[ei], u)
					p.unitEvs[u] = append(p.unitEvs[u], ei)
				}
			}
		}
	}
}

// canonOf is the canonical key of a raw key (itself when no mention uses it).
func (p *regroupPlan) canonOf(raw string) string {
	if k, ok := p.canon[raw]; ok {
		return k
	}
	return raw
}

// markUnit makes a segment dirty.
func (p *regroupPlan) markUnit(u int) {
	if !p.dirty[u] {
		p.dirty[u] = true
		p.queue = append(p.queue, u)
	}
}

// markEvent regroups a previous event, and so the segments of its mentions.
func (p *regroupPlan) markEvent(ei int) {
	if p.redo[ei] {
		return
	}
	p.redo[ei] = true
	for _, u := range p.evUnits[ei] {
		p.markUnit(u)
	}
}

// seed marks dirty the segments the changed articles reach directly.
func (p *regroupPlan) seed() {
	raw, pairs := map[string]bool{}, map[keyPair]bool{}
	for id := range p.changed {
		if ai := p.index(id); ai >= 0 {
			p.seedArticle(ai, raw, pairs)
		}
		for _, ei := range p.evsOf(id) {
			p.markEvent(ei)
			var keys []string
			for _, s := range p.opts.Previous[ei].Services {
				keys = append(keys, p.canonOf(ServiceKey(s)))
				raw[ServiceKey(s)] = true
			}
			for _, a := range keys {
				for _, b := range keys {
					pairs[kp(a, b)] = true
				}
			}
		}
	}
	delete(raw, "")
	for k := range raw {
		for _, u := range p.keyUnits[p.canonOf(k)] {
			p.markUnit(u)
		}
	}
	weak := len(p.changed) > 0 && p.opts.Similarity > 0
	for i, m := range p.ms {
		if (weak && m.tk >= tMonthDay) || p.aliasIn(m, raw) {
			for _, u := range p.keyUnits[m.key] {
				p.markUnit(u)
			}
		}
		if main := p.ms[p.first[m.art]]; i != p.first[m.art] && main.out == 0 && pairs[kp(main.key, m.key)] {
			p.markUnit(p.unit[i])
			p.markUnit(p.unit[p.first[m.art]])
		}
	}
}

// seedArticle marks dirty the segments of a changed article's mentions and
// notes its keys, aliases and pairs of services.
func (p *regroupPlan) seedArticle(ai int, raw map[string]bool, pairs map[keyPair]bool) {
	ms := p.mentionsOf(ai)
	for j, m := range ms {
		p.markUnit(p.unit[p.first[ai]+j])
		raw[m.raw] = true
		for _, al := range p.arts[ai].Outages[m.out].Aliases {
			raw[ServiceKey(al)] = true
		}
		pairs[kp(ms[0].key, m.key)] = true
	}
}

// aliasIn reports whether one of m's aliases is a key of raw.
func (p *regroupPlan) aliasIn(m mention, raw map[string]bool) bool {
	for _, al := range p.arts[m.art].Outages[m.out].Aliases {
		if raw[ServiceKey(al)] {
			return true
		}
	}
	return false
}

// close marks dirty every previous event with a mention in a dirty
// segment, and the segments of those events, until nothing is added.
func (p *regroupPlan) close() {
	for len(p.queue) > 0 {
		u := p.queue[len(p.queue)-1]
		p.queue = p.queue[:len(p.queue)-1]
		for _, ei := range p.unitEvs[u] {
			p.markEvent(ei)
		}
	}
}

// check returns why the previous events cannot be kept ("" when they can):
// a kept event names an article that is gone or changed, or an article's
// mention of a clean segment is in no kept event. It also fills subset.
func (p *regroupPlan) check() string {
	if len(p.changed) > 0 && len(p.opts.Previous) == 0 {
		return "no previous events"
	}
	for ei, e := range p.opts.Previous {
		if p.redo[ei] {
			continue
		}
		for _, a := range e.Articles {
			if p.changed[a.ID] || p.index(a.ID) < 0 {
				return "a previous event names article " + a.ID + ", which is not in the archive"
			}
		}
	}
	last := -1
	for i, m := range p.ms {
		if p.dirty[p.unit[i]] {
			if m.art != last {
				p.subset = append(p.subset, m.art)
				last = m.art
			}
			continue
		}
		if !p.kept(p.arts[m.art].ID) {
			return "article " + p.arts[m.art].ID + " is in no previous event"
		}
	}
	if 2*len(p.subset) > len(p.arts) {
		return "most articles reach a changed segment"
	}
	return ""
}

// index is the index of article id in arts, or -1.
func (p *regroupPlan) index(id string) int {
	lo, hi := 0, len(p.arts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if p.arts[mid].ID < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(p.arts) && p.arts[lo].ID == id {
		return lo
	}
	return -1
}

// evsOf returns the previous events holding article id.
func (p *regroupPlan) evsOf(id string) []int { return p.artEvs[id] }

// kept reports whether a kept previous event holds article id.
func (p *regroupPlan) kept(id string) bool {
	for _, ei := range p.evsOf(id) {
		if !p.redo[ei] {
			return true
		}
	}
	return false
}

// run groups the mentions of the dirty segments of the subset's articles
// and returns them with the kept events, newest first.
func (p *regroupPlan) run() []Event {
	sub := make([]Article, len(p.subset))
	var ms []mention
	weak := false
	for si, ai := range p.subset {
		sub[si] = p.arts[ai]
		for j := p.first[ai]; j < p.first[ai+1]; j++ {
			m := p.ms[j]
			m.art, m.cluster, m.skip = si, -1, !p.dirty[p.unit[j]]
			weak = weak || (!m.skip && m.tk >= tMonthDay)
			ms = append(ms, m)
		}
	}
	var df map[uint64]int32
	if weak && p.opts.Similarity > 0 {
		df = docFreq(p.arts)
	}
	var kept, redo []Event
	taken := map[string]bool{}
	for ei, e := range p.opts.Previous {
		if p.redo[ei] {
			redo = append(redo, e)
			continue
		}
		kept = append(kept, e)
		taken[e.ID] = true
	}
	g := &grouper{opts: p.opts, arts: sub, ms: ms, byKey: map[string][]int{}, df: df, n: len(p.arts),
		pairs: pairCounts(p.arts, p.ms, p.parents)}
	evs := g.group(redo, taken)
	p.stats = RegroupStats{Articles: len(sub), Kept: len(kept), Regrouped: len(evs)}
	evs = append(kept, evs...)
	sortEvents(evs)
	return evs
}
