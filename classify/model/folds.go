package model

import (
	"hash/fnv"
	"sort"
	"strconv"
)

// Item is one labelled text as the fold split sees it.
type Item struct {
	ID    string // unique; orders the split
	Lang  string // stratum
	Event string // texts with the same non-empty event go in one fold
}

// Folds assigns each item a fold in [0, k): texts of one event stay
// together, and each language is spread evenly over the folds. The split
// depends only on the items and on rep, not on their order: rep 0 deals
// the units in the order of their keys, each further rep in another
// order of its own, so that repeated cross-validation (rep 0, 1, 2…)
// scores every text under several different splits.
func Folds(items []Item, k, rep int) []int {
	if k < 1 {
		k = 1
	}
	type unit struct {
		key, lang string
		deal      string // dealKey(key, rep): orders units of one size and language
		members   []int
	}
	units := map[string]*unit{}
	var keys []string
	for i, it := range items {
		key := "id:" + it.ID
		if it.Event != "" {
			key = "event:" + it.Event
		}
		u := units[key]
		if u == nil {
			u = &unit{key: key, lang: it.Lang, deal: dealKey(key, rep)}
			units[key] = u
			keys = append(keys, key)
		}
		u.members = append(u.members, i)
	}
	list := make([]*unit, 0, len(keys))
	for _, key := range keys {
		u := units[key]
		sort.Slice(u.members, func(a, b int) bool { return items[u.members[a]].ID < items[u.members[b]].ID })
		u.lang = items[u.members[0]].Lang
		list = append(list, u)
	}
	// Big units first, then by language and key: each goes to the fold
	// with the fewest texts of its language, then the fewest texts.
	sort.Slice(list, func(a, b int) bool {
		ua, ub := list[a], list[b]
		if len(ua.members) != len(ub.members) {
			return len(ua.members) > len(ub.members)
		}
		if ua.lang != ub.lang {
			return ua.lang < ub.lang
		}
		return ua.deal < ub.deal
	})
	byLang := map[string][]int{}
	total := make([]int, k)
	out := make([]int, len(items))
	cost := func(u *unit, f int) int {
		c := 0
		for _, m := range u.members {
			c += byLang[items[m].Lang][f]
		}
		return c
	}
	for _, u := range list {
		for _, m := range u.members {
			if byLang[items[m].Lang] == nil {
				byLang[items[m].Lang] = make([]int, k)
			}
		}
		best := 0
		for f := 1; f < k; f++ {
			if c, cb := cost(u, f), cost(u, best); c < cb || (c == cb && total[f] < total[best]) {
				best = f
			}
		}
		for _, m := range u.members {
			out[m] = best
			byLang[items[m].Lang][best]++
			total[best]++
		}
	}
	return out
}

// dealKey orders the units of split rep: the key itself for rep 0, else
// a hash of key and rep.
func dealKey(key string, rep int) string {
	if rep == 0 {
		return key
	}
	h := fnv.New64a()
	h.Write([]byte(strconv.Itoa(rep) + "\x00" + key))
	return strconv.FormatUint(h.Sum64(), 16) + key
}
