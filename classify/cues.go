package classify

import (
	"fmt"
	"hash"
	"sort"
)

// fileCues is the data file of the cue words the model reads around a
// candidate (see data/cues.tsv).
const fileCues = "cues.tsv"

// Cue classes (see data/cues.tsv).
var cueClasses = map[string]bool{
	"because": true, "speculation": true, "future": true, "since": true,
	"until": true, "back": true, "about": true, "past": true, "affected": true, "causedby": true,
	"peak": true, "credit": true, "also": true, "examples": true, "causes": true, "listhit": true,
	"usersof": true, "users": true, "says": true, "unable": true, "downverb": true, "source": true, "titlehit": true,
}

// cueEntry is one phrase of cues.tsv.
type cueEntry struct {
	class, phrase, rule string
}

// loadCues reads cues.tsv into ds (one matcher per language).
func loadCues(dir string, h hash.Hash, ds *dataSet) error {
	ds.cueM = map[string]*matcher{}
	for _, l := range pipelineLangs {
		ds.cueM[l] = newMatcher()
	}
	return readTable(dir, fileCues, h, func(at string, cols []string) error {
		if len(cols) != 3 {
			return fmt.Errorf("%s: want 3 tab-separated columns (lang, class, phrases), got %d", at, len(cols))
		}
		class := cols[1]
		if !cueClasses[class] {
			return fmt.Errorf("%s: unknown cue class %q", at, class)
		}
		langs, phrases, err := phrasesOf(at, cols[0], cols[2])
		if err != nil {
			return err
		}
		for _, p := range phrases {
			p.owner = len(ds.cues)
			ds.cues = append(ds.cues, cueEntry{class: class, phrase: p.text, rule: at})
			for _, l := range langs {
				ds.cueM[l].add(p.phrase)
			}
		}
		return nil
	})
}

// cueIndex is where the cue words of one text are: per class, the
// tokens where a cue ends (exclusive) and the sentences holding one.
type cueIndex struct {
	endsAt map[string][]int    // class → sorted end tokens of its cues
	spans  map[string][][2]int // class → its cues' [start, end) tokens, by start
	sents  map[string]map[int]bool
}

func newCueIndex(ds *dataSet, d *doc, lang string) *cueIndex {
	ci := &cueIndex{endsAt: map[string][]int{}, spans: map[string][][2]int{}, sents: map[string]map[int]bool{}}
	m := ds.cueM[lang]
	if m == nil {
		return ci
	}
	for _, h := range m.find(d) {
		cl := ds.cues[h.owner].class
		ci.endsAt[cl] = append(ci.endsAt[cl], h.to)
		ci.spans[cl] = append(ci.spans[cl], [2]int{h.from, h.to})
		if ci.sents[cl] == nil {
			ci.sents[cl] = map[int]bool{}
		}
		ci.sents[cl][d.toks[h.from].sent] = true
	}
	for _, ends := range ci.endsAt {
		sort.Ints(ends)
	}
	for _, sp := range ci.spans {
		sort.Slice(sp, func(i, j int) bool { return sp[i][0] < sp[j][0] || sp[i][0] == sp[j][0] && sp[i][1] < sp[j][1] })
	}
	return ci
}

// before reports whether a cue of class ends at most gap tokens before
// token k, in k's sentence.
func (ci *cueIndex) before(d *doc, class string, k, gap int) bool {
	ends := ci.endsAt[class]
	i := sort.SearchInts(ends, k+1) // cues ending at or before k
	for i--; i >= 0; i-- {
		e := ends[i]
		if k-e > gap {
			return false
		}
		if e <= k && e > 0 && k < len(d.toks) && d.toks[e-1].sent == d.toks[k].sent {
			return true
		}
	}
	return false
}

// lastBefore returns the end of the last cue of class ending at most gap
// tokens before token k in k's sentence, or -1.
func (ci *cueIndex) lastBefore(d *doc, class string, k, gap int) int {
	ends := ci.endsAt[class]
	i := sort.SearchInts(ends, k+1)
	if i == 0 {
		return -1
	}
	e := ends[i-1]
	if k-e > gap || e <= 0 || k >= len(d.toks) || d.toks[e-1].sent != d.toks[k].sent {
		return -1
	}
	return e
}

// inSentence reports whether sentence s holds a cue of class.
func (ci *cueIndex) inSentence(class string, s int) bool { return ci.sents[class][s] }

// startAfter returns the first token at or at most gap tokens after
// token k, in k's sentence, where a cue of class starts, or -1.
func (ci *cueIndex) startAfter(d *doc, class string, k, gap int) int {
	sp := ci.spans[class]
	i := sort.Search(len(sp), func(i int) bool { return sp[i][0] >= k })
	if i == len(sp) || sp[i][0]-k > gap || k >= len(d.toks) || d.toks[sp[i][0]].sent != d.toks[k].sent {
		return -1
	}
	return sp[i][0]
}

// startEndingBefore returns the start of a cue of class that ends at
// token k or at most gap tokens before it, in k's sentence, or -1.
func (ci *cueIndex) startEndingBefore(d *doc, class string, k, gap int) int {
	for _, s := range ci.spans[class] {
		if s[1] <= k && k-s[1] <= gap && k < len(d.toks) && d.toks[s[0]].sent == d.toks[k].sent {
			return s[0]
		}
	}
	return -1
}

// endOf returns the end of the longest cue of class that starts at token
// k, or -1.
func (ci *cueIndex) endOf(class string, k int) int {
	sp := ci.spans[class]
	e := -1
	for i := sort.Search(len(sp), func(i int) bool { return sp[i][0] >= k }); i < len(sp) && sp[i][0] == k; i++ {
		e = max(e, sp[i][1])
	}
	return e
}

// startsAtTok reports whether a cue of class starts at token k.
func (ci *cueIndex) startsAtTok(class string, k int) bool {
	sp := ci.spans[class]
	i := sort.Search(len(sp), func(i int) bool { return sp[i][0] >= k })
	return i < len(sp) && sp[i][0] == k
}
