package events

import (
	"cmp"
	"slices"
)

// grouper holds the state of one Group call.
type grouper struct {
	opts     Options
	arts     []Article
	ms       []mention
	clusters []cluster
	byKey    map[string][]int // key → cluster indexes, in creation order
	df       map[uint64]int32 // term → number of articles (terms.go)
	n        int              // number of articles df counts
	pairs    map[keyPair]int  // pairCounts of the articles (nil: of arts)
	self     map[string]bool  // key → whether its two outages in one article merge, decided outside (Regroup)
}

// order sorts mention indexes by time, then article id, then outage index
// (mentions differ in article or outage: the order is total, so an
// unstable sort gives the one result).
func (g *grouper) order(idx []int) {
	slices.SortFunc(idx, func(i, j int) int {
		a, b := &g.ms[i], &g.ms[j]
		if c := cmp.Compare(a.day, b.day); c != 0 {
			return c
		}
		if c := cmp.Compare(a.art, b.art); c != 0 {
			return c
		}
		return cmp.Compare(a.out, b.out)
	})
}

// placeDated joins every mention with a start or report day to the most
// recent compatible cluster of its key, or starts a cluster.
func (g *grouper) placeDated() {
	var idx []int
	for i, m := range g.ms {
		if (m.tk == tStart || m.tk == tReport) && !m.skip {
			idx = append(idx, i)
		}
	}
	g.order(idx)
	for _, i := range idx {
		m := &g.ms[i]
		cs := g.byKey[m.key]
		placed := false
		for k := len(cs) - 1; k >= 0 && !placed; k-- {
			c := &g.clusters[cs[k]]
			if c.tk != tStart && c.tk != tReport {
				continue
			}
			if g.fits(c, m) {
				g.join(cs[k], i)
				placed = true
			}
		}
		if !placed {
			g.newCluster(i, m.tk, 0)
		}
	}
}

// fits reports whether dated mention m may join dated cluster c.
func (g *grouper) fits(c *cluster, m *mention) bool {
	if m.national && !countriesMeet(c.countries, m.countries) {
		return false
	}
	w, lag := g.opts.Window, g.opts.ReportLag
	s0, s1, r0, r1 := c.s0, c.s1, c.r0, c.r1
	hasS, hasR := c.hasS, c.hasR
	if m.tk == tStart {
		if hasS {
			s0, s1 = min(s0, m.day), max(s1, m.day)
		} else {
			s0, s1, hasS = m.day, m.day, true
		}
		if s1-s0 > w {
			return false
		}
	} else {
		if hasR {
			r0, r1 = min(r0, m.day), max(r1, m.day)
		} else {
			r0, r1, hasR = m.day, m.day, true
		}
	}
	switch {
	case hasS && hasR:
		return r0 >= s0-w && r1 <= s1+lag
	case hasR:
		return r1-r0 <= w
	}
	return true
}

func countriesMeet(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (g *grouper) newCluster(i int, tk timeKind, weak int) int {
	m := &g.ms[i]
	g.clusters = append(g.clusters, cluster{key: m.key, tk: tk, weak: weak})
	ci := len(g.clusters) - 1
	g.byKey[m.key] = append(g.byKey[m.key], ci)
	g.join(ci, i)
	return ci
}

func (g *grouper) join(ci, i int) {
	c, m := &g.clusters[ci], &g.ms[i]
	m.cluster = ci
	c.members = append(c.members, i)
	switch m.tk {
	case tStart:
		if !c.hasS {
			c.s0, c.s1, c.hasS = m.day, m.day, true
		}
		c.s0, c.s1 = min(c.s0, m.day), max(c.s1, m.day)
	case tReport:
		if !c.hasR {
			c.r0, c.r1, c.hasR = m.day, m.day, true
		}
		c.r0, c.r1 = min(c.r0, m.day), max(c.r1, m.day)
	}
	if m.national {
		for _, x := range m.countries {
			if !contains(c.countries, x) {
				c.countries = append(c.countries, x)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// placeWeak places the mentions with a month-day, a month or no time: into
// the one cluster of their key they fit, else with mentions as weak as
// them, else (several fit) alone.
func (g *grouper) placeWeak() {
	for _, tk := range []timeKind{tMonthDay, tMonth, tNone} {
		var idx []int
		for i, m := range g.ms {
			if m.tk == tk && !m.skip {
				idx = append(idx, i)
			}
		}
		g.order(idx)
		for _, i := range idx {
			m := &g.ms[i]
			var fit, any []int
			for _, ci := range g.byKey[m.key] {
				c := &g.clusters[ci]
				if g.weakFits(c, m) {
					fit = append(fit, ci)
				}
				if c.tk >= tStart && (!m.national || countriesMeet(c.countries, m.countries)) {
					any = append(any, ci)
				}
			}
			useSim := g.opts.Similarity > 0
			if tk == tNone && useSim {
				fit = any // an undated mention may join any event its text clearly shares
			}
			if useSim && (len(fit) != 1 || tk == tNone) {
				if k := g.closest(i, fit); k >= 0 {
					fit = []int{k}
				} else if tk == tNone {
					fit = filterWeak(g.clusters, fit)
				}
			}
			switch len(fit) {
			case 1:
				g.join(fit[0], i)
			case 0:
				g.newCluster(i, tk, m.day)
			default:
				g.newCluster(i, tk, m.day)
				g.clusters[m.cluster].tk = -1 // alone: nothing joins it
			}
		}
	}
}

// filterWeak keeps the clusters that are not dated.
func filterWeak(cs []cluster, idx []int) []int {
	var out []int
	for _, ci := range idx {
		if cs[ci].tk >= tMonthDay {
			out = append(out, ci)
		}
	}
	return out
}

// weakFits reports whether a mention with a weak time fits cluster c.
func (g *grouper) weakFits(c *cluster, m *mention) bool {
	if m.national && !countriesMeet(c.countries, m.countries) {
		return false
	}
	w := g.opts.Window
	switch m.tk {
	case tMonthDay:
		switch c.tk {
		case tMonthDay:
			return abs(c.weak-m.day) <= w
		case tStart, tReport:
			lo, hi := c.s0, c.s1
			if !c.hasS {
				lo, hi = c.r0-g.opts.ReportLag, c.r1
			}
			return m.day >= yearDayOf(lo)-w && m.day <= yearDayOf(hi)+w
		}
	case tMonth:
		switch c.tk {
		case tMonth:
			return c.weak == m.day
		case tStart, tReport:
			lo, hi := c.s0, c.s1
			if c.hasR {
				if !c.hasS {
					lo = c.r0
				}
				hi = max(hi, c.r1)
			}
			return m.day >= monthOfDay(lo) && m.day <= monthOfDay(hi)+1 // reports of a month may follow it
		}
	case tNone:
		return c.tk >= tMonthDay
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
