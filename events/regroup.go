package events

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
// the services the changed articles can reach and keeping the other
// events of opts.Previous as they are. changed holds the ids of the
// articles added, changed or removed since opts.Previous was grouped, and
// opts.Previous must be what Group returned for the archive before those
// changes with the same options (the caller keeps track of that). When the
// previous events do not cover the unchanged articles, or most articles
// would be regrouped anyway, it groups everything (RegroupStats.Full).
//
// The events of a service depend only on its own mentions, except through
// three things, each of which makes services dirty (grouped anew):
//   - aliases: the keys of a changed article (old and new versions) and
//     its aliases, and every key whose mentions alias one of them;
//   - merges across services: a previous event with a mention of a dirty
//     service makes all its services dirty, until no more are added (a merge decision between a dirty and a clean service
//     is the same as before: it depends on the two services and on the
//     articles reporting both, which would make both dirty);
//   - word statistics: a mention with no start or report day may be placed
//     by words whose weight depends on every article of the archive, so
//     when any article changed, the services with such mentions are dirty
//     (Options.Similarity < 0 turns that off).
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

// regroupPlan is which services and previous events Regroup redoes.
type regroupPlan struct {
	opts    Options
	arts    []Article
	ms      []mention
	changed map[string]bool
	canon   map[string]string // raw service key → canonical key
	evsOf   map[string][]int  // article id → previous events holding it
	dirty   map[string]bool   // canonical keys grouped anew
	redo    []bool            // per previous event: grouped anew
	subset  []int             // article indexes with a dirty mention
	stats   RegroupStats
}

func newRegroupPlan(arts []Article, ms []mention, changed map[string]bool, opts Options) *regroupPlan {
	p := &regroupPlan{opts: opts, arts: arts, ms: ms, changed: changed, canon: map[string]string{},
		evsOf: map[string][]int{}, dirty: map[string]bool{},
		redo: make([]bool, len(opts.Previous))}
	for _, m := range ms {
		p.canon[m.raw] = m.key
	}
	for i, e := range opts.Previous {
		for _, a := range e.Articles {
			if l := p.evsOf[a.ID]; len(l) == 0 || l[len(l)-1] != i {
				p.evsOf[a.ID] = append(l, i)
			}
		}
	}
	p.seed()
	p.close()
	return p
}

// canonOf is the canonical key of a raw key (itself when no mention uses it).
func (p *regroupPlan) canonOf(raw string) string {
	if k, ok := p.canon[raw]; ok {
		return k
	}
	return raw
}

// seed marks dirty the keys the changed articles reach directly.
func (p *regroupPlan) seed() {
	raw := map[string]bool{}
	for _, m := range p.ms {
		a := &p.arts[m.art]
		if !p.changed[a.ID] {
			continue
		}
		raw[m.raw] = true
		for _, al := range a.Outages[m.out].Aliases {
			raw[ServiceKey(al)] = true
		}
	}
	for id := range p.changed {
		for _, ei := range p.evsOf[id] {
			for _, s := range p.opts.Previous[ei].Services {
				raw[ServiceKey(s)] = true
			}
		}
	}
	delete(raw, "")
	weak := len(p.changed) > 0 && p.opts.Similarity > 0
	for _, m := range p.ms {
		if weak && m.tk >= tMonthDay {
			p.dirty[m.key] = true
		}
		if raw[m.raw] {
			p.dirty[m.key] = true
			continue
		}
		for _, al := range p.arts[m.art].Outages[m.out].Aliases {
			if raw[ServiceKey(al)] {
				p.dirty[m.key] = true
				break
			}
		}
	}
	for k := range raw {
		p.dirty[p.canonOf(k)] = true
	}
}

// close marks dirty every previous event with a mention of a dirty
// service, and the services of those events, until nothing is added; the
// events of changed articles are dirty too.
func (p *regroupPlan) close() {
	keysOf := make([][]string, len(p.opts.Previous))
	byKey := map[string][]int{}
	for ei, e := range p.opts.Previous {
		for _, s := range e.Services {
			if k := p.canonOf(ServiceKey(s)); k != "" {
				keysOf[ei] = append(keysOf[ei], k)
				byKey[k] = append(byKey[k], ei)
			}
		}
	}
	var queue []string
	for k := range p.dirty {
		queue = append(queue, k)
	}
	mark := func(ei int) {
		if p.redo[ei] {
			return
		}
		p.redo[ei] = true
		for _, k := range keysOf[ei] {
			if !p.dirty[k] {
				p.dirty[k] = true
				queue = append(queue, k)
			}
		}
	}
	for id := range p.changed {
		for _, ei := range p.evsOf[id] {
			mark(ei)
		}
	}
	for len(queue) > 0 {
		k := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		for _, ei := range byKey[k] {
			mark(ei)
		}
	}
}

// check returns why the previous events cannot be kept ("" when they can):
// a kept event names an article that is gone or changed, or an article's
// mention of a clean service is in no kept event. It also fills subset.
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
	for _, m := range p.ms {
		if p.dirty[m.key] {
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
		return "most articles reach a changed service"
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

// kept reports whether a kept previous event holds article id.
func (p *regroupPlan) kept(id string) bool {
	for _, ei := range p.evsOf[id] {
		if !p.redo[ei] {
			return true
		}
	}
	return false
}

// run groups the mentions of the dirty services of the subset's articles
// and returns them with the kept events, newest first.
func (p *regroupPlan) run() []Event {
	sub := make([]Article, len(p.subset))
	for i, ai := range p.subset {
		sub[i] = p.arts[ai]
	}
	ms := rawMentions(sub)
	weak := false
	for i := range ms {
		ms[i].key = p.canonOf(ms[i].raw)
		ms[i].skip = !p.dirty[ms[i].key]
		weak = weak || (!ms[i].skip && ms[i].tk >= tMonthDay)
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
	g := &grouper{opts: p.opts, arts: sub, ms: ms, byKey: map[string][]int{}, df: df, n: len(p.arts)}
	evs := g.group(redo, taken)
	p.stats = RegroupStats{Articles: len(sub), Kept: len(kept), Regrouped: len(evs)}
	evs = append(kept, evs...)
	sortEvents(evs)
	return evs
}
