package events

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"outages/corpus"
)

// merge unites clusters that articles report as one incident and returns
// the components as lists of mention indexes, each in mention order.
func (g *grouper) merge() [][]int {
	sets := newDisjoint(len(g.clusters))
	parents := keyParents(g.opts.Parents)
	if g.pairs == nil {
		g.pairs = pairCounts(g.arts, g.ms, parents)
	}
	// Two services reported together by CoReports articles (main outage
	// and another) are one incident wherever an article reports both; two
	// outages of one service in different clusters likewise.
	links, self := g.articleLinks(sets, parents)
	for _, l := range links {
		if g.coReports(l.keys, self) >= g.opts.CoReports {
			g.unite(sets, l.a, l.b)
		}
	}
	return g.members(sets)
}

// coLink is two clusters one article reports together (its main outage's
// and another's), with their service keys.
type coLink struct {
	a, b int
	keys keyPair
}

// articleLinks unites the cluster of each article's main mention with
// those of its other mentions that are linked to it (see linked), and
// returns the other pairs it reports together, for the co-reports to
// decide; and, by service key, the number of articles that report their
// main service again in another cluster.
func (g *grouper) articleLinks(sets disjoint, parents map[string]string) ([]coLink, map[string]int) {
	self := map[string]int{}
	var links []coLink
	for start := 0; start < len(g.ms); {
		end := start
		for end < len(g.ms) && g.ms[end].art == g.ms[start].art {
			end++
		}
		main := g.ms[start]
		seenSelf := false
		for _, m := range g.ms[start+1 : end] {
			if m.cluster == main.cluster || main.out != 0 || main.skip || m.skip {
				continue
			}
			if g.linked(parents, main, m) {
				g.unite(sets, main.cluster, m.cluster)
				continue
			}
			if m.key == main.key && !seenSelf {
				seenSelf = true
				self[m.key]++
			}
			links = append(links, coLink{main.cluster, m.cluster, kp(main.key, m.key)})
		}
		start = end
	}
	return links, self
}

// coReports is the number of articles that report the two services of
// keys together (g.pairs). For two outages of one service it is the
// number that report it twice (self), unless g.self decides: CoReports
// when they merge, 0 when they do not.
func (g *grouper) coReports(keys keyPair, self map[string]int) int {
	if keys.a != keys.b {
		return g.pairs[keys]
	}
	if merge, ok := g.self[keys.a]; ok {
		if merge {
			return g.opts.CoReports
		}
		return 0
	}
	return self[keys.a]
}

// unite unites clusters a and b when their times meet: an article about
// today's outage that names an old one of another service does not make
// them one. Decided by the two clusters alone, so the result does not
// depend on the order of the links.
func (g *grouper) unite(sets disjoint, a, b int) {
	if g.timesMeet(a, b) {
		sets.union(a, b)
	}
}

// members lists the mentions (but those skipped) of each set of clusters,
// in mention order; the sets in the order of their first mention.
func (g *grouper) members(sets disjoint) [][]int {
	byRoot := map[int]int{}
	var comps [][]int
	for i := range g.ms {
		if g.ms[i].skip {
			continue
		}
		r := sets.find(g.ms[i].cluster)
		k, ok := byRoot[r]
		if !ok {
			k = len(comps)
			byRoot[r] = k
			comps = append(comps, nil)
		}
		comps[k] = append(comps[k], i)
	}
	return comps
}

// timesMeet reports whether clusters a and b may be one incident in
// time: their spans of days (start days to the last report a start
// allows, or the reports with the lag before them) overlap within the
// window. A cluster with no day (a month, nothing) meets any.
func (g *grouper) timesMeet(a, b int) bool {
	lo1, hi1, ok1 := g.span(&g.clusters[a])
	lo2, hi2, ok2 := g.span(&g.clusters[b])
	if !ok1 || !ok2 {
		return true
	}
	w := g.opts.Window
	return lo1 <= hi2+w && lo2 <= hi1+w
}

// span is the days a dated cluster's incident may cover.
func (g *grouper) span(c *cluster) (lo, hi int, ok bool) {
	lag := g.opts.ReportLag
	switch {
	case c.hasS:
		hi = c.s1 + lag
		if c.hasR {
			hi = max(hi, c.r1)
		}
		return c.s0, hi, true
	case c.hasR:
		return c.r0 - lag, c.r1, true
	}
	return 0, 0, false
}

// keyPair is two service keys, the smaller first.
type keyPair struct{ a, b string }

func kp(a, b string) keyPair { return keyPair{min(a, b), max(a, b)} }

// keyParents is parents by service key.
func keyParents(parents map[string]string) map[string]string {
	out := make(map[string]string, len(parents))
	for k, v := range parents {
		out[ServiceKey(k)] = ServiceKey(v)
	}
	return out
}

// linked reports whether an article's main mention and another of its
// mentions are one incident whatever other articles say: related services
// or one country's network.
func (g *grouper) linked(parents map[string]string, main, m mention) bool {
	return related(parents, main.key, m.key) || sameNetwork(g.arts[main.art].Outages[main.out], g.arts[m.art].Outages[m.out])
}

// pairCounts counts, for each two different services, the articles that
// report them together (as main outage and another) without their being
// linked. It does not depend on how mentions are placed.
func pairCounts(arts []Article, ms []mention, parents map[string]string) map[keyPair]int {
	g := &grouper{arts: arts}
	out := map[keyPair]int{}
	for start := 0; start < len(ms); {
		end := start
		for end < len(ms) && ms[end].art == ms[start].art {
			end++
		}
		main := ms[start]
		var seen map[keyPair]bool
		for _, m := range ms[start+1 : end] {
			if main.out != 0 || m.key == main.key || g.linked(parents, main, m) {
				continue
			}
			k := kp(main.key, m.key)
			if seen == nil {
				seen = map[keyPair]bool{}
			}
			if !seen[k] {
				seen[k] = true
				out[k]++
			}
		}
		start = end
	}
	return out
}

// disjoint is a union-find over 0..n-1; a set's root is its smallest
// member, so the result does not depend on the order of unions.
type disjoint []int

func newDisjoint(n int) disjoint {
	d := make(disjoint, n)
	for i := range d {
		d[i] = i
	}
	return d
}

func (d disjoint) find(x int) int {
	for d[x] != x {
		d[x] = d[d[x]]
		x = d[x]
	}
	return x
}

func (d disjoint) union(a, b int) {
	a, b = d.find(a), d.find(b)
	if a < b {
		d[b] = a
	} else if b < a {
		d[a] = b
	}
}

// related reports whether one service is the other's parent or both have
// the same parent.
func related(parents map[string]string, a, b string) bool {
	pa, pb := parents[a], parents[b]
	return pa == b || pb == a || (pa != "" && pa == pb)
}

// sameNetwork reports whether two outages of national networks are one
// country's: the same kind, a country in common, and one of them named for
// the country as a whole ("Power grid (Lebanon)" and its utility).
func sameNetwork(a, b corpus.Outage) bool {
	if !nationalKinds[a.Kind] || a.Kind != b.Kind || len(a.Country) == 0 || len(b.Country) == 0 {
		return false
	}
	if !strings.HasSuffix(a.Service, ")") && !strings.HasSuffix(b.Service, ")") {
		return false
	}
	return countriesMeet(a.Country, b.Country)
}

// anchors returns, for each component, the key of its earliest mention
// ("service key|article id|outage index"), the seed of a fresh id.
func (g *grouper) anchors(comps [][]int) []string {
	out := make([]string, len(comps))
	for k, c := range comps {
		best := -1
		for _, i := range c {
			if best < 0 || g.earlier(i, best) {
				best = i
			}
		}
		m := g.ms[best]
		out[k] = m.key + "|" + g.arts[m.art].ID + "|" + strconv.Itoa(m.out+1)
	}
	return out
}

// earlier orders mentions by precision of time, then day, then article id
// and outage index.
func (g *grouper) earlier(i, j int) bool {
	a, b := &g.ms[i], &g.ms[j]
	da, db := a.tk <= tReport, b.tk <= tReport
	if da != db {
		return da
	}
	if a.day != b.day && da {
		return a.day < b.day
	}
	if ia, ib := g.arts[a.art].ID, g.arts[b.art].ID; ia != ib {
		return ia < ib
	}
	return a.out < b.out
}

// assignIDs gives each event the id of the previous event it shares the
// most mentions with, or a fresh id from its anchor; the ids taken are
// someone else's.
func assignIDs(evs []Event, anchors []string, previous []Event, taken map[string]bool) {
	old := map[string]string{} // "article id#outage" → previous event id
	for _, e := range previous {
		for _, a := range e.Articles {
			old[a.ID+"#"+strconv.Itoa(a.Outage)] = e.ID
		}
	}
	type vote struct {
		ev    int
		id    string
		count int
	}
	var votes []vote
	for i, e := range evs {
		n := map[string]int{}
		for _, a := range e.Articles {
			if id, ok := old[a.ID+"#"+strconv.Itoa(a.Outage)]; ok {
				n[id]++
			}
		}
		for id, c := range n {
			votes = append(votes, vote{i, id, c})
		}
	}
	sort.Slice(votes, func(i, j int) bool {
		a, b := votes[i], votes[j]
		if a.count != b.count {
			return a.count > b.count
		}
		if a.id != b.id {
			return a.id < b.id
		}
		return anchors[a.ev] < anchors[b.ev]
	})
	if taken == nil {
		taken = map[string]bool{}
	}
	for _, v := range votes {
		if evs[v.ev].ID != "" || taken[v.id] {
			continue
		}
		evs[v.ev].ID, taken[v.id] = v.id, true
	}
	for i := range evs {
		if evs[i].ID != "" {
			continue
		}
		seed := anchors[i]
		for {
			sum := sha256.Sum256([]byte(seed))
			id := "ev-" + hex.EncodeToString(sum[:6])
			if !taken[id] {
				evs[i].ID, taken[id] = id, true
				break
			}
			seed += "'"
		}
	}
}
