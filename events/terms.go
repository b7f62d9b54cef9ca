package events

import (
	"hash/fnv"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term extraction limits: the lede read after the title, and the most
// terms kept per article.
const (
	ledeBytes = 600
	maxTerms  = 48
)

// Terms returns the distinct words of a title and the start of a text that
// can tell one incident from another (words of four letters or more, and
// numbers), lower-cased and hashed. Which of them matter is decided by
// their rarity in the articles grouped together (see grouper.similarity).
func Terms(title, text string) []uint64 {
	return terms(title, text, maxTerms)
}

func terms(title, text string, limit int) []uint64 {
	if len(text) > ledeBytes {
		cut := ledeBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	seen := map[uint64]bool{}
	var out []uint64
	for _, w := range strings.FieldsFunc(strings.ToLower(title+"\n"+text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		n := utf8.RuneCountInString(w)
		digits := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
		if n < 4 && !(digits && n >= 2) {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(w))
		k := h.Sum64()
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
			if len(out) == limit {
				break
			}
		}
	}
	return out
}

// docFreq counts in how many articles each term occurs.
func docFreq(arts []Article) map[uint64]int32 {
	df := map[uint64]int32{}
	for _, a := range arts {
		for _, t := range a.Terms {
			df[t]++
		}
	}
	return df
}

// similarity is the summed rarity (inverse document frequency) of the rare
// terms (in at most one article in rareShare, and in two at least) of
// article a (mine: its terms less the names of the services it reports,
// which every article of its service shares) that the closest article of
// cluster c (among its first maxCompared members) has too.
func (g *grouper) similarity(a int, mine map[uint64]bool, c *cluster) float64 {
	const maxCompared = 32
	rare := int32(max(2, g.n/rareShare))
	best := 0.0
	done := map[int]bool{a: true}
	for k, mi := range c.members {
		if k == maxCompared {
			break
		}
		b := g.ms[mi].art
		if done[b] {
			continue
		}
		done[b] = true
		s := 0.0
		for _, t := range g.arts[b].Terms {
			if mine[t] {
				if df := g.df[t]; df >= 2 && df <= rare {
					s += math.Log(float64(g.n) / float64(df))
				}
			}
		}
		best = max(best, s)
	}
	return best
}

// closest returns the cluster among cands whose articles share clearly the
// most rare terms with mention i's article: at least simThreshold times the
// rarity of a term two articles share, and simMargin times the next. Else -1.
func (g *grouper) closest(i int, cands []int) int {
	if len(cands) == 0 || g.n < 3 {
		return -1
	}
	floor := g.opts.Similarity * math.Log(float64(g.n)/2)
	a := g.ms[i].art
	mine := map[uint64]bool{}
	for _, t := range g.arts[a].Terms {
		mine[t] = true
	}
	for _, o := range g.arts[a].Outages {
		for _, t := range terms(o.Service, "", maxTerms) {
			delete(mine, t)
		}
	}
	best, bestS, second := -1, 0.0, 0.0
	for _, ci := range cands {
		s := g.similarity(a, mine, &g.clusters[ci])
		if s > bestS {
			best, bestS, second = ci, s, bestS
		} else {
			second = max(second, s)
		}
	}
	if best < 0 || bestS < floor || bestS < simMargin*second {
		return -1
	}
	return best
}

// simMargin: the closest cluster must share this many times more rarity
// than the next. rareShare: a term in more than one article in rareShare
// is too common to tell incidents apart.
const (
	simMargin = 2
	rareShare = 20
)
