package events

import "sort"

// regroupAll is Regroup when it cannot tell beforehand which events the
// changes reach (most articles reach a changed segment: on a dense
// archive, one service's events overlap one another for years). It places
// and merges every mention as Group does, then keeps each previous event
// whose component comes out the same: the same mentions of the same
// unchanged articles, which summarise would turn into the same event,
// with the same id (see sameAsBefore). Only the other components are
// summarised and given ids, which is most of Group's work on a nightly
// run. The result is Group's: the placement and merging are Group's, and
// a kept event is what summarise returns for its component.
//
// ms are the mentions of arts (mentionsAliases) and pairs their
// pairCounts, as Regroup's plan computed them.
func regroupAll(arts []Article, ms []mention, pairs map[keyPair]int, changed map[string]bool, opts Options) ([]Event, RegroupStats) {
	g := &grouper{opts: opts, arts: arts, ms: ms, byKey: map[string][]int{}, n: len(arts), pairs: pairs}
	if opts.Similarity > 0 {
		g.df = docFreqOf(arts, weakArticles(arts, ms))
	}
	comps := g.components()
	listed := listings(opts.Previous)
	redo := make([]bool, len(opts.Previous))
	for i := range redo {
		redo[i] = true
	}
	var fresh [][]int
	for _, c := range comps {
		if ei := g.sameAsBefore(c, listed, changed); ei >= 0 {
			redo[ei] = false
			continue
		}
		fresh = append(fresh, c)
	}
	var again []Event
	taken := map[string]bool{}
	for ei, e := range opts.Previous {
		if redo[ei] {
			again = append(again, e)
		} else {
			taken[e.ID] = true
		}
	}
	evs := g.events(fresh, again, taken)
	sortEvents(evs)
	st := RegroupStats{Full: true, Reason: mostReached + "; previous events kept where their mentions are unchanged",
		Articles: len(arts), Kept: len(opts.Previous) - len(again), Regrouped: len(evs)}
	return mergeKept(opts.Previous, redo, st.Kept, evs), st
}

// weakArticles returns the articles of the mentions placed by month-day,
// month or no time: the only ones whose words similarity reads.
func weakArticles(arts []Article, ms []mention) []Article {
	var out []Article
	last := -1
	for _, m := range ms {
		if m.tk >= tMonthDay && m.art != last {
			out, last = append(out, arts[m.art]), m.art
		}
	}
	return out
}

// prevRef is a previous event listing an article, and the outage it
// names (the first of the article's mentions in it).
type prevRef struct{ ev, outage int32 }

// prevListings are the events listing each article of the previous
// events: one (most articles) in one map, the others in another.
type prevListings struct {
	one  map[string]prevRef
	more map[string][]prevRef
}

func listings(previous []Event) prevListings {
	n := 0
	for _, e := range previous {
		n += len(e.Articles)
	}
	l := prevListings{one: make(map[string]prevRef, n), more: map[string][]prevRef{}}
	for ei, e := range previous {
		for _, a := range e.Articles {
			r := prevRef{int32(ei), int32(a.Outage)}
			if first, ok := l.one[a.ID]; ok {
				if l.more[a.ID] == nil {
					l.more[a.ID] = []prevRef{first}
				}
				l.more[a.ID] = append(l.more[a.ID], r)
				continue
			}
			l.one[a.ID] = r
		}
	}
	return l
}

// of returns the events listing article id.
func (l prevListings) of(id string) []prevRef {
	if more, ok := l.more[id]; ok {
		return more
	}
	if r, ok := l.one[id]; ok {
		return []prevRef{r}
	}
	return nil
}

// sameAsBefore returns the previous event component c (mention indexes in
// mention order) summarises to, or -1: when no article of c changed, and
// one previous event lists exactly the articles of c, each with the
// outage of its first mention in c and with the mentions c holds of it.
// An event lists an article once, with its first mention, so which of the
// article's mentions an event held is known in two cases: one event lists
// the article (it held them all), or as many events as the article has
// mentions (each held one, the one it names). That event's component had
// the mentions c has, of the same articles, and summarise made it of
// them. Its id is c's too: a previous event's id goes to the component
// with the most mentions it listed, and c has them all (assignIDs).
func (g *grouper) sameAsBefore(c []int, listed prevListings, changed map[string]bool) int {
	ei, n := -1, 0
	for k := 0; k < len(c); {
		m := g.ms[c[k]]
		end := k
		for end < len(c) && g.ms[c[end]].art == m.art {
			end++
		}
		id := g.arts[m.art].ID
		refs, all := listed.of(id), g.mentionCount(c[k])
		if len(refs) == 0 || changed[id] || !(len(refs) == 1 && end-k == all || len(refs) == all && end-k == 1) {
			return -1
		}
		e := -1
		for _, r := range refs {
			if int(r.outage) == m.out+1 {
				e = int(r.ev)
			}
		}
		if e < 0 || (ei >= 0 && e != ei) {
			return -1
		}
		ei, n, k = e, n+1, end
	}
	if ei < 0 || len(g.opts.Previous[ei].Articles) != n {
		return -1
	}
	return ei
}

// mentionCount returns how many mentions the article of mention i has
// (mentions are in article order).
func (g *grouper) mentionCount(i int) int {
	ai := g.ms[i].art
	lo := sort.Search(i, func(j int) bool { return g.ms[j].art >= ai })
	hi := i + sort.Search(len(g.ms)-i, func(j int) bool { return g.ms[i+j].art > ai })
	return hi - lo
}
