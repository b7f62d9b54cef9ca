package events

import (
	"math"
	"sort"
)

// GroupVersion changes whenever the rules of Group change: callers keeping
// events for Regroup regroup everything when it differs.
const GroupVersion = 2

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
// added, changed or removed since opts.Previous was grouped, before the
// versions the changed and removed articles had then, and opts.Previous
// must be what Group returned for the archive before those changes with
// the same options (the caller keeps track of that). When the previous
// events do not cover the unchanged articles or a changed article's
// previous version is missing, it groups everything (RegroupStats.Full);
// when most articles would be regrouped anyway, it places and merges
// every mention anew but keeps the previous events that come out the
// same (regroupAll; RegroupStats.Full too, with Kept).
//
// Placing a mention depends only on the mentions of its service placed
// before it, in time order, and no event reaches back more than
// Window+ReportLag days (see fits). So the mentions of a service split
// into segments at gaps longer than that, which no event spans, and a
// change at day d of a segment regroups its mentions from the last day at
// least that far before d that no previous event spans: the clusters
// before it cannot take a later mention, and took none. A service with
// mentions placed by month-day, month or words (they may join any event of
// the service), or reported twice in one article (main outage and another)
// when it cannot tell whether those merge before and after the change
// alike (see selfPairs), is one block. What a
// changed article reaches, besides its own mentions:
//   - the previous events of its old version, and the segments its old
//     mentions were in;
//   - every mention of a service whose canonical key it may change: its
//     services some mention has as an alias, the used services of its
//     aliases, the services aliasing those; and the articles reporting
//     such a service with another;
//   - the articles reporting two services it reports together (either
//     version), when that moves their count across Options.CoReports;
//   - every mention placed by month-day, month or no time when words
//     place them (Options.Similarity >= 0): their weight depends on every
//     article;
//   - then, until nothing is added, every previous event with a mention
//     regrouped, and all its mentions; and every mention an article links
//     with a mention regrouped (main outage and another) when their
//     clusters may merge: a regrouped cluster's days may change, and with
//     them whether it meets the other (see markLinks). Any other merge
//     decision between a regrouped and a kept mention is the one made
//     before: it depends on the two services and on how many articles
//     report both.
func Regroup(arts, before []Article, changed map[string]bool, opts Options) ([]Event, RegroupStats) {
	opts = opts.withDefaults()
	arts = sortedArticles(arts)
	ms, ai := mentionsAliases(arts)
	p := newRegroupPlan(arts, ms, ai, before, changed, opts)
	switch reason := p.check(before); {
	case reason == mostReached:
		return regroupAll(arts, p.ms, p.pairs, changed, opts)
	case reason != "":
		return Group(arts, opts), RegroupStats{Full: true, Reason: reason, Articles: len(arts)}
	}
	return p.run(), p.stats
}

// regroupPlan is which mentions and previous events Regroup redoes.
type regroupPlan struct {
	opts     Options
	arts     []Article
	ms       []mention
	changed  map[string]bool
	parents  map[string]string // Options.Parents by key
	canon    map[string]string // raw service key → canonical key, where they differ
	first    []int             // article index → its first mention (len(arts)+1 entries)
	unit     []int             // mention → segment
	whole    []bool            // per segment: one block (see Regroup)
	span     []span            // per segment: its first and last day
	keyUnits map[string][]int  // canonical key → its segments
	used     map[string]bool   // the keys of the mentions
	evOf     []int             // article index → the previous event holding it (-1: none)
	evMore   map[int][]int     // article index → the previous events holding it, when several
	evGone   map[string][]int  // article id not in arts → the previous events holding it
	unitMs   [][]int           // segment → its mentions
	ids      map[string]int    // article id → index
	keys     keyCache          // service name → key
	evKeys   map[int][]string  // previous event → its keys (eventKeys)
	unitEvs  map[int][]span    // segment → unitEvents
	blocks   map[int][]span    // segment → its events' spans merged where they overlap
	cut      []int             // per segment: its mentions from this day on are grouped anew
	redo     []bool            // per previous event: grouped anew
	queue    []int             // segments whose cut moved since their events were marked
	linkArts []int             // articles with mentions made live since their links were checked
	reached  []bool            // per article: a mention of it is grouped anew
	nReached int               // how many articles are reached
	pairs    map[keyPair]int   // pairCounts of the archive
	self     map[string]bool   // key → whether two outages of it in one article merge, where that cannot change
	selfOpen map[string]bool   // keys reported twice in articles whose merging may change
	targets  map[string]bool   // the keys of every alias of the archive
	subset   []int             // article indexes with a mention grouped anew
	stats    RegroupStats
}

// span is a segment or an event (id) and a range of days.
type span struct{ id, lo, hi int }

// clean is the cut of a segment with nothing to regroup.
const clean = math.MaxInt

func newRegroupPlan(arts []Article, ms []mention, ai aliasInfo, before []Article, changed map[string]bool, opts Options) *regroupPlan {
	p := &regroupPlan{opts: opts, arts: arts, ms: ms, targets: ai.targets, used: ai.used, changed: changed, parents: keyParents(opts.Parents),
		canon: ai.canon, evOf: make([]int, len(arts)), evMore: map[int][]int{}, evGone: map[string][]int{}, keyUnits: map[string][]int{},
		blocks: map[int][]span{}, redo: make([]bool, len(opts.Previous)), ids: make(map[string]int, len(arts)), reached: make([]bool, len(arts)),
		keys: keyCache{}, evKeys: map[int][]string{}, unitEvs: map[int][]span{}}
	for i, a := range arts {
		p.ids[a.ID] = i
	}
	p.mapArticles()
	p.first = make([]int, len(arts)+1)
	for i := range p.first {
		p.first[i] = len(ms)
	}
	for i := len(ms) - 1; i >= 0; i-- {
		p.first[ms[i].art] = i
	}
	for a := len(arts) - 1; a >= 0; a-- {
		p.first[a] = min(p.first[a], p.first[a+1])
	}
	p.pairs = pairCounts(arts, ms, p.parents)
	bms := rawMentions(before)
	for i := range bms {
		bms[i].key = p.canonOf(bms[i].raw)
	}
	p.selfPairs(before, bms)
	p.segment()
	p.seed(before, bms)
	p.close()
	return p
}

// mentionsOf returns the mentions of article ai.
func (p *regroupPlan) mentionsOf(ai int) []mention { return p.ms[p.first[ai]:p.first[ai+1]] }

// selfPairs decides, for each service an article reports twice (main
// outage and another), whether the clusters of those two mentions merge
// (Options.CoReports articles report it twice in two clusters) in the
// archive before the change and after alike: never when fewer articles
// than that report it twice in either; always when that many unchanged
// articles report it twice on days further apart than a cluster spans
// (2*Window+ReportLag). A service left undecided is one block.
func (p *regroupPlan) selfPairs(before []Article, bms []mention) {
	reported, apart := map[string]int{}, map[string]int{}
	count := func(ms []mention, changed func(int) bool) {
		for start := 0; start < len(ms); {
			end := start
			for end < len(ms) && ms[end].art == ms[start].art {
				end++
			}
			main, twice, far := ms[start], false, false
			for _, m := range ms[start+1 : end] {
				if main.out == 0 && m.key == main.key {
					twice = true
					far = far || (main.tk <= tReport && m.tk <= tReport && abs(m.day-main.day) > 2*p.opts.Window+p.opts.ReportLag)
				}
			}
			if twice {
				reported[main.key]++
				if far && !changed(main.art) {
					apart[main.key]++
				}
			}
			start = end
		}
	}
	count(p.ms, func(ai int) bool { return p.changed[p.arts[ai].ID] })
	count(bms, func(int) bool { return true })
	p.self, p.selfOpen = map[string]bool{}, map[string]bool{}
	for k, n := range reported {
		switch t := p.opts.CoReports; {
		case n < t:
			p.self[k] = false
		case apart[k] >= t:
			p.self[k] = true
		default:
			p.selfOpen[k] = true
		}
	}
}

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
	for _, k := range keys {
		idx := byKey[k]
		whole := false
		for _, i := range idx {
			whole = whole || p.ms[i].tk >= tMonthDay || p.selfOpen[k]
		}
		if !whole {
			sort.SliceStable(idx, func(a, b int) bool { return p.ms[idx[a]].day < p.ms[idx[b]].day })
		}
		for j, i := range idx {
			d := p.ms[i].day
			if j == 0 || (!whole && d-p.ms[idx[j-1]].day > gap) {
				p.keyUnits[k] = append(p.keyUnits[k], len(p.whole))
				p.unitMs = append(p.unitMs, nil)
				p.whole = append(p.whole, whole)
				p.cut = append(p.cut, clean)
				p.span = append(p.span, span{len(p.span), d, d})
			}
			u := len(p.whole) - 1
			p.unit[i] = u
			p.unitMs[u] = append(p.unitMs[u], i)
			p.span[u].lo, p.span[u].hi = min(p.span[u].lo, d), max(p.span[u].hi, d)
		}
	}
}

// eventKeys returns the canonical keys of a previous event's services.
func (p *regroupPlan) eventKeys(ei int) []string {
	if ks, ok := p.evKeys[ei]; ok {
		return ks
	}
	var ks []string
	for _, s := range p.opts.Previous[ei].Services {
		ks = append(ks, p.canonOf(p.keys.of(s)))
	}
	p.evKeys[ei] = ks
	return ks
}

// eventSpans returns the segments of a previous event's mentions (the
// mentions of its services in its articles), with its first and last day
// in each.
func (p *regroupPlan) eventSpans(ei int) []span {
	keys := p.eventKeys(ei)
	var out []span
	for _, a := range p.opts.Previous[ei].Articles {
		ai := p.index(a.ID)
		for j := p.first[max(ai, 0)]; ai >= 0 && j < p.first[ai+1]; j++ {
			if contains(keys, p.ms[j].key) {
				out = addSpan(out, nil, p.unit[j], p.ms[j].day)
			}
		}
	}
	return out
}

// unitEvents returns the previous events with a mention in segment u, with
// their first and last day in it: the converse of eventSpans.
func (p *regroupPlan) unitEvents(u int) []span {
	if l, ok := p.unitEvs[u]; ok {
		return l
	}
	var out []span
	at := map[int]int{}
	for _, j := range p.unitMs[u] {
		for _, ei := range p.evsOfIndex(p.ms[j].art) {
			if contains(p.eventKeys(ei), p.ms[j].key) {
				out = addSpan(out, at, ei, p.ms[j].day)
			}
		}
	}
	p.unitEvs[u] = out
	return out
}

// addSpan widens the span of id in l to day d, or adds it; at, when not
// nil, indexes l by id.
func addSpan(l []span, at map[int]int, id, d int) []span {
	k, ok := -1, false
	if at != nil {
		k, ok = at[id]
	} else {
		for i := range l {
			if l[i].id == id {
				k, ok = i, true
				break
			}
		}
	}
	if ok {
		l[k].lo, l[k].hi = min(l[k].lo, d), max(l[k].hi, d)
		return l
	}
	if at != nil {
		at[id] = len(l)
	}
	return append(l, span{id, d, d})
}

// canonOf is the canonical key of a raw key (itself when no mention uses it).
func (p *regroupPlan) canonOf(raw string) string {
	if k, ok := p.canon[raw]; ok {
		return k
	}
	return raw
}

// markFrom regroups the mentions of segment u from day on. Placing a
// mention depends only on the mentions placed before it, and no event
// reaches back more than Window+ReportLag days; so the segment's cut is
// the latest day at least that far before day that no previous event of
// the segment spans: the clusters before it cannot take a later mention,
// and took none.
func (p *regroupPlan) markFrom(u, day int) {
	t := math.MinInt
	if !p.whole[u] {
		t = p.quiet(u, day-p.opts.Window-p.opts.ReportLag-1)
	}
	if t < p.cut[u] {
		for _, j := range p.unitMs[u] {
			if d := p.ms[j].day; d >= t && d < p.cut[u] {
				ai := p.ms[j].art
				p.linkArts = append(p.linkArts, ai)
				if !p.reached[ai] {
					p.reached[ai], p.nReached = true, p.nReached+1
				}
			}
		}
		p.cut[u] = t
		p.queue = append(p.queue, u)
	}
}

// quiet returns the latest day not after t that no previous event of
// segment u spans (has mentions before it and on or after it).
func (p *regroupPlan) quiet(u, t int) int {
	bs, ok := p.blocks[u]
	if !ok {
		evs := append([]span(nil), p.unitEvents(u)...)
		sort.Slice(evs, func(i, j int) bool { return evs[i].lo < evs[j].lo })
		for _, e := range evs {
			if n := len(bs); n > 0 && e.lo <= bs[n-1].hi {
				bs[n-1].hi = max(bs[n-1].hi, e.hi)
				continue
			}
			bs = append(bs, span{0, e.lo, e.hi})
		}
		p.blocks[u] = bs
	}
	i := sort.Search(len(bs), func(i int) bool { return bs[i].hi >= t })
	if i < len(bs) && bs[i].lo < t {
		return bs[i].lo
	}
	return t
}

// markEvent regroups a previous event, and so all its mentions.
func (p *regroupPlan) markEvent(ei int) {
	if p.redo[ei] {
		return
	}
	p.redo[ei] = true
	for _, sp := range p.eventSpans(ei) {
		p.markFrom(sp.id, sp.lo)
	}
}

// markKey regroups every mention of a key.
func (p *regroupPlan) markKey(k string) {
	for _, u := range p.keyUnits[k] {
		p.markFrom(u, math.MinInt/2)
	}
}

// seed marks what the changed articles reach directly: their mentions, the
// previous events of their old versions and the segments their old
// mentions were in, what their aliases and the pairs of services they
// report together reach, and the mentions placed by words.
func (p *regroupPlan) seed(before []Article, bms []mention) {
	added, removed := map[keyPair]int{}, map[keyPair]int{}
	for id := range p.changed {
		if ai := p.index(id); ai >= 0 {
			for j := p.first[ai]; j < p.first[ai+1]; j++ {
				p.markFrom(p.unit[j], p.ms[j].day)
			}
			countPairs(p.arts, p.mentionsOf(ai), p.parents, added)
		}
		for _, ei := range p.evsOf(id) {
			p.markEvent(ei)
		}
	}
	gap := p.opts.Window + p.opts.ReportLag
	for _, m := range bms {
		for _, u := range p.keyUnits[m.key] {
			if p.whole[u] || (m.tk <= tReport && m.day >= p.span[u].lo-gap-1 && m.day <= p.span[u].hi+gap+1) {
				p.markFrom(u, m.day)
			}
		}
	}
	for start := 0; start < len(bms); {
		end := start
		for end < len(bms) && bms[end].art == bms[start].art {
			end++
		}
		countPairs(before, bms[start:end], p.parents, removed)
		start = end
	}
	akeys := p.seedAliases(before, bms)
	pairs := p.crossing(added, removed)
	weak := len(p.changed) > 0 && p.opts.Similarity > 0
	for i, m := range p.ms {
		if weak && m.tk >= tMonthDay {
			p.markKey(m.key)
		}
		if f := p.first[m.art]; i != f && (pairs[kp(p.ms[f].key, m.key)] || akeys[m.key] || akeys[p.ms[f].key]) {
			p.markFrom(p.unit[i], m.day)
			p.markFrom(p.unit[f], p.ms[f].day)
		}
	}
}

// seedAliases regroups every mention of the services whose canonical key
// a changed article can change: its services that some mention has as an
// alias (used or no longer used, the alias joins or leaves), the services
// of its aliases that articles use, and the services aliasing those. It
// returns their canonical keys: the pairs of services they are in may
// have changed too.
func (p *regroupPlan) seedAliases(before []Article, bms []mention) map[string]bool {
	akeys := map[string]bool{}
	mark := func(k string) {
		akeys[k] = true
		p.markKey(k)
	}
	used := map[string]bool{}
	for _, m := range bms {
		used[m.raw] = true
	}
	flip := map[string]bool{}
	visit := func(arts []Article, m mention) {
		if p.targets[m.raw] {
			mark(p.canonOf(m.raw))
			flip[m.raw] = true
		}
		for _, al := range arts[m.art].Outages[m.out].Aliases {
			if ak := p.keys.of(al); ak != "" && ak != m.raw && (used[ak] || p.used[ak]) {
				mark(p.canonOf(m.raw))
				mark(p.canonOf(ak))
			}
		}
	}
	for _, m := range bms {
		visit(before, m)
	}
	for id := range p.changed {
		if ai := p.index(id); ai >= 0 {
			for _, m := range p.mentionsOf(ai) {
				visit(p.arts, m)
			}
		}
	}
	if len(flip) == 0 {
		return akeys
	}
	for _, m := range p.ms {
		for _, al := range p.arts[m.art].Outages[m.out].Aliases {
			if flip[p.keys.of(al)] {
				mark(m.key)
			}
		}
	}
	return akeys
}

// countPairs adds to counts the pairs of services one article (its
// mentions ms) reports together, as pairCounts counts them.
func countPairs(arts []Article, ms []mention, parents map[string]string, counts map[keyPair]int) {
	if len(ms) < 2 || ms[0].out != 0 {
		return
	}
	g := &grouper{arts: arts}
	seen := map[keyPair]bool{}
	for _, m := range ms[1:] {
		if k := kp(ms[0].key, m.key); k.a != k.b && !seen[k] && !g.linked(parents, ms[0], m) {
			seen[k] = true
			counts[k]++
		}
	}
}

// crossing returns the pairs of services whose count of articles reporting
// them together crossed Options.CoReports: added counts the changed
// articles reporting them now, removed their previous versions.
func (p *regroupPlan) crossing(added, removed map[keyPair]int) map[keyPair]bool {
	out := map[keyPair]bool{}
	t := p.opts.CoReports
	check := func(k keyPair) {
		now := p.pairs[k]
		if before := now - added[k] + removed[k]; (now >= t) != (before >= t) {
			out[k] = true
		}
	}
	for k := range added {
		check(k)
	}
	for k := range removed {
		check(k)
	}
	return out
}

// close regroups every previous event with a mention on or after the cut
// of its segment, and what those events reach, until nothing is added or
// most articles are reached (then Regroup takes another path: what is
// left to mark would not change that).
func (p *regroupPlan) close() {
	for (len(p.queue) > 0 || len(p.linkArts) > 0) && !p.most() {
		if n := len(p.linkArts); n > 0 {
			ai := p.linkArts[n-1]
			p.linkArts = p.linkArts[:n-1]
			p.markLinks(ai)
			continue
		}
		u := p.queue[len(p.queue)-1]
		p.queue = p.queue[:len(p.queue)-1]
		for _, e := range p.unitEvents(u) {
			if e.hi >= p.cut[u] {
				p.markEvent(e.id)
			}
		}
	}
}

// markLinks regroups the kept mentions of article ai that it links with
// one of its mentions grouped anew, when the two clusters may merge: the
// regrouped cluster's days may change, and with them whether it meets the
// kept one (timesMeet). They may merge when their services are related
// or one, or reported together by Options.CoReports articles, and, both
// dated, when their days are near enough for two clusters holding them to
// meet (nearDays).
func (p *regroupPlan) markLinks(ai int) {
	f, end := p.first[ai], p.first[ai+1]
	if f == end || p.ms[f].out != 0 {
		return
	}
	main, g := p.ms[f], &grouper{arts: p.arts}
	for j := f + 1; j < end; j++ {
		m := p.ms[j]
		if p.live(f) == p.live(j) {
			continue
		}
		if m.key != main.key && !g.linked(p.parents, main, m) && p.pairs[kp(main.key, m.key)] < p.opts.CoReports {
			continue
		}
		if main.tk <= tReport && m.tk <= tReport && abs(main.day-m.day) > p.nearDays() {
			continue
		}
		if p.live(f) {
			p.markFrom(p.unit[j], m.day)
		} else {
			p.markFrom(p.unit[f], main.day)
		}
	}
}

// nearDays is how many days apart two dated mentions may be and their
// clusters still meet: a dated cluster holding a mention of day d spans
// days within d-(ReportLag+Window) and d+(ReportLag+2*Window) (see fits
// and span), and two clusters meet when their spans are at most Window
// apart.
func (p *regroupPlan) nearDays() int {
	r := p.opts.ReportLag + 2*p.opts.Window
	return 2*r + p.opts.Window
}

// live reports whether mention j is grouped anew.
func (p *regroupPlan) live(j int) bool { return p.ms[j].day >= p.cut[p.unit[j]] }

// check returns why the previous events cannot be kept ("" when they can):
// a kept event names an article that is gone or changed, or an article's
// mention of a clean segment is in no kept event. It also fills subset.
func (p *regroupPlan) check(before []Article) string {
	if len(p.changed) > 0 && len(p.opts.Previous) == 0 {
		return "no previous events"
	}
	had := map[string]bool{}
	for _, a := range before {
		had[a.ID] = true
	}
	for id := range p.changed {
		if len(p.evsOf(id)) > 0 && !had[id] {
			return "the previous version of changed article " + id + " is missing"
		}
	}
	if p.most() {
		return mostReached
	}
	for id, evs := range p.evGone {
		for _, ei := range evs {
			if !p.redo[ei] {
				return "a previous event names article " + id + ", which is not in the archive"
			}
		}
	}
	last := -1
	for i, m := range p.ms {
		if p.live(i) {
			if m.art != last {
				p.subset = append(p.subset, m.art)
				last = m.art
			}
			continue
		}
		if !p.kept(m.art) {
			return "article " + p.arts[m.art].ID + " is in no previous event"
		}
	}
	if 2*len(p.subset) > len(p.arts) {
		return mostReached
	}
	return ""
}

// mostReached is why Regroup takes regroupAll's path.
const mostReached = "most articles reach a changed segment"

// most reports whether most articles have a mention grouped anew.
func (p *regroupPlan) most() bool { return 2*p.nReached > len(p.arts) }

// index is the index of article id in arts, or -1.
func (p *regroupPlan) index(id string) int {
	if i, ok := p.ids[id]; ok {
		return i
	}
	return -1
}

// mapArticles finds the previous events holding each article.
func (p *regroupPlan) mapArticles() {
	for i := range p.evOf {
		p.evOf[i] = -1
	}
	for ei, e := range p.opts.Previous {
		for _, a := range e.Articles {
			ai, ok := p.ids[a.ID]
			switch {
			case !ok:
				if l := p.evGone[a.ID]; len(l) == 0 || l[len(l)-1] != ei {
					p.evGone[a.ID] = append(l, ei)
				}
			case p.evOf[ai] < 0:
				p.evOf[ai] = ei
			case p.evOf[ai] != ei:
				l := p.evMore[ai]
				if l == nil {
					l = []int{p.evOf[ai]}
				}
				if l[len(l)-1] != ei {
					p.evMore[ai] = append(l, ei)
				}
			}
		}
	}
}

// evsOfIndex returns the previous events holding article ai.
func (p *regroupPlan) evsOfIndex(ai int) []int {
	if l, ok := p.evMore[ai]; ok {
		return l
	}
	if p.evOf[ai] < 0 {
		return nil
	}
	return p.evOf[ai : ai+1]
}

// evsOf returns the previous events holding article id.
func (p *regroupPlan) evsOf(id string) []int {
	if ai := p.index(id); ai >= 0 {
		return p.evsOfIndex(ai)
	}
	return p.evGone[id]
}

// kept reports whether a kept previous event holds article ai.
func (p *regroupPlan) kept(ai int) bool {
	for _, ei := range p.evsOfIndex(ai) {
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
	ms := make([]mention, 0, 2*len(p.subset))
	weak := false
	for si, ai := range p.subset {
		sub[si] = p.arts[ai]
		for j := p.first[ai]; j < p.first[ai+1]; j++ {
			m := p.ms[j]
			m.art, m.cluster, m.skip = si, -1, !p.live(j)
			weak = weak || (!m.skip && m.tk >= tMonthDay)
			ms = append(ms, m)
		}
	}
	var df map[uint64]int32
	if weak && p.opts.Similarity > 0 {
		df = docFreqOf(p.arts, sub)
	}
	var redo []Event
	taken := make(map[string]bool, len(p.opts.Previous))
	for ei, e := range p.opts.Previous {
		if p.redo[ei] {
			redo = append(redo, e)
		} else {
			taken[e.ID] = true
		}
	}
	g := &grouper{opts: p.opts, arts: sub, ms: ms, byKey: map[string][]int{}, df: df, n: len(p.arts),
		pairs: p.pairs, self: p.self}
	evs := g.group(redo, taken)
	p.stats = RegroupStats{Articles: len(sub), Kept: len(p.opts.Previous) - len(redo), Regrouped: len(evs)}
	sortEvents(evs)
	return mergeKept(p.opts.Previous, p.redo, p.stats.Kept, evs)
}

// mergeKept returns the previous events not to redo and evs (sorted),
// in order; kept is how many there are.
func mergeKept(prev []Event, redo []bool, kept int, evs []Event) []Event {
	sorted := sort.SliceIsSorted(prev, func(i, j int) bool { return eventBefore(&prev[i], &prev[j]) })
	if !sorted {
		var ks []Event
		for ei, e := range prev {
			if !redo[ei] {
				ks = append(ks, e)
			}
		}
		sortEvents(ks)
		return mergeEvents(ks, evs)
	}
	out := make([]Event, 0, kept+len(evs))
	for ei := range prev {
		if redo[ei] {
			continue
		}
		for len(evs) > 0 && eventBefore(&evs[0], &prev[ei]) {
			out, evs = append(out, evs[0]), evs[1:]
		}
		out = append(out, prev[ei])
	}
	return append(out, evs...)
}

// docFreqOf is docFreq(arts) for the terms of sub only: similarity reads
// no others.
func docFreqOf(arts, sub []Article) map[uint64]int32 {
	df := map[uint64]int32{}
	for _, a := range sub {
		for _, t := range a.Terms {
			df[t] = 0
		}
	}
	for _, a := range arts {
		for _, t := range a.Terms {
			if n, ok := df[t]; ok {
				df[t] = n + 1
			}
		}
	}
	return df
}

// mergeEvents merges two lists of events sorted by sortEvents.
func mergeEvents(a, b []Event) []Event {
	out := make([]Event, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if eventBefore(&b[0], &a[0]) {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}
