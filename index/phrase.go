package index

import (
	"context"
	"errors"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// A synonym of several words ("hors service", "عطل تقني") is a phrase
// alternative of a union. Bleve's phrase searcher builds, for every article
// holding all its words, a map of their positions (DocumentMatch.Complete)
// and a list of the phrase's paths: about half of the memory a broad query
// allocated, and a fifth of its time with the garbage collection that
// followed. unionPhrase reads the same postings (restricted, as Bleve's
// conjunction restricts them, to the articles holding every word) and
// checks the positions in place. A match scores as Bleve's phrase searcher
// scores it: each word's tf-idf score, summed in the order of Bleve's
// conjunction (fewest articles first).

// unionPhrase is a phrase alternative of two or more distinct words, each
// at its own position, no slop, no fuzziness.
type unionPhrase struct {
	readers []unionReader // by article count, as Bleve's conjunction sorts them
	at      []int         // at[i]: the reader of the phrase's i-th word
	counts  []uint64
	idf     []float64
	qwt     []float64
	boost   float64
	started bool

	field string   // what it reads (topk.go reads it segment by segment)
	words []string // by position in the phrase
}

// phraseWords returns the words of a match-phrase query as Bleve's
// MatchPhraseQuery.Searcher analyses them, when every position holds one
// word, the words are distinct and there are at least two; else nil.
func phraseWords(d query.Query, m mapping.IndexMapping) []string {
	q, ok := d.(*query.MatchPhraseQuery)
	if !ok || q.FieldVal == "" || q.Analyzer == "" || q.Fuzziness != 0 {
		return nil
	}
	a := m.AnalyzerNamed(q.Analyzer)
	if a == nil {
		return nil
	}
	tokens := a.Analyze([]byte(q.MatchPhrase))
	if len(tokens) < 2 {
		return nil
	}
	first := tokens[0].Position
	seen := map[string]bool{}
	words := make([]string, len(tokens))
	for i, t := range tokens {
		if t.Position != first+i || seen[string(t.Term)] {
			return nil // a gap (a stop word), two words at one position, a repeat
		}
		seen[string(t.Term)] = true
		words[i] = string(t.Term)
	}
	return words
}

// newUnionPhrase opens the postings (with positions) of words in field.
func newUnionPhrase(ctx context.Context, r index.IndexReader, field string, words []string, boost float64, docTotal uint64) (*unionPhrase, error) {
	p := &unionPhrase{boost: boost, field: field, words: words}
	type word struct {
		tfr   index.TermFieldReader
		count uint64
		pos   int
	}
	ws := make([]word, 0, len(words))
	closeAll := func() {
		for _, w := range ws {
			w.tfr.Close()
		}
	}
	for i, w := range words {
		if err := search.RecordTermSearcher(ctx); err != nil {
			closeAll()
			return nil, err
		}
		tfr, err := r.TermFieldReader(ctx, []byte(w), field, true, true, true)
		if err != nil {
			closeAll()
			return nil, err
		}
		ws = append(ws, word{tfr: tfr, count: tfr.Count(), pos: i})
	}
	// Bleve's conjunction sorts its searchers by count (an insertion sort
	// at this size: stable).
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].count < ws[j].count })
	p.at = make([]int, len(ws))
	var octx index.OptimizableContext
	optimizable := true
	for i, w := range ws {
		p.readers = append(p.readers, unionReader{tfr: w.tfr})
		p.counts = append(p.counts, w.count)
		p.idf = append(p.idf, 1.0+math.Log(float64(docTotal)/float64(w.count+1.0)))
		p.at[w.pos] = i
		if o, ok := w.tfr.(index.Optimizable); ok && optimizable {
			var err error
			if octx, err = o.Optimize("conjunction", octx); err != nil {
				p.Close()
				return nil, err
			}
			optimizable = octx != nil
		} else {
			optimizable = false
		}
	}
	p.qwt = make([]float64, len(ws))
	// As Bleve's conjunction: iterate only the articles holding every
	// word (the postings' bitmaps ANDed).
	if optimizable && octx != nil {
		if _, err := octx.Finish(); err != nil {
			p.Close()
			return nil, err
		}
	}
	return p, nil
}

func (p *unionPhrase) Close() error {
	var errs []error
	for i := range p.readers {
		errs = append(errs, p.readers[i].tfr.Close())
	}
	return errors.Join(errs...)
}

// weight is ConjunctionSearcher.Weight of the words' term searchers.
func (p *unionPhrase) weight() float64 {
	var rv float64
	for _, idf := range p.idf {
		w := p.boost * idf
		rv += w * w
	}
	return rv
}

func (p *unionPhrase) setQueryNorm(qnorm float64) {
	for i, idf := range p.idf {
		p.qwt[i] = p.boost * idf * qnorm
	}
}

func (p *unionPhrase) count() uint64 {
	var n uint64
	for _, c := range p.counts {
		n += c
	}
	return n
}

// next moves to the first article at or after target (nil: after the
// current one) holding the phrase, and returns it with its score.
func (p *unionPhrase) next(target index.IndexInternalID) (doc uint64, score float64, ok bool, err error) {
	switch {
	case !p.started:
		p.started = true
		for i := range p.readers {
			if err := p.readers[i].next(target); err != nil {
				return 0, 0, false, err
			}
		}
	case target == nil:
		if err := p.readers[0].next(nil); err != nil {
			return 0, 0, false, err
		}
	default:
		t := target.Value()
		for i := range p.readers {
			if r := &p.readers[i]; !r.done && r.doc < t {
				if err := r.next(target); err != nil {
					return 0, 0, false, err
				}
			}
		}
	}
	var buf index.IndexInternalID
	for {
		// leapfrog to an article holding every word
		var top uint64
		for i := range p.readers {
			if p.readers[i].done {
				return 0, 0, false, nil
			}
			top = max(top, p.readers[i].doc)
		}
		aligned := true
		for i := range p.readers {
			if r := &p.readers[i]; r.doc < top {
				aligned = false
				buf = index.NewIndexInternalID(buf, top)
				if err := r.next(buf); err != nil {
					return 0, 0, false, err
				}
			}
		}
		if !aligned {
			continue
		}
		if p.adjacent() {
			return top, p.score(), true, nil
		}
		if err := p.readers[0].next(nil); err != nil {
			return 0, 0, false, err
		}
	}
}

// adjacent reports whether the words stand side by side, in order, in the
// current article (Bleve's findPhrasePaths with no slop: each word at the
// position after the previous one, in the same array position).
func (p *unionPhrase) adjacent() bool {
	first := p.readers[p.at[0]].tfd.Vectors
next:
	for _, v := range first {
		pos, ap := v.Pos, v.ArrayPositions
		for _, ri := range p.at[1:] {
			found := false
			for _, w := range p.readers[ri].tfd.Vectors {
				if w.Pos == pos+1 && sameArrayPositions(w.ArrayPositions, ap) {
					pos, ap, found = w.Pos, w.ArrayPositions, true
					break
				}
			}
			if !found {
				continue next
			}
		}
		return true
	}
	return false
}

func sameArrayPositions(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// score is the ConjunctionQueryScorer sum of the words' term scores.
func (p *unionPhrase) score() float64 {
	var sum float64
	for i := range p.readers {
		r := &p.readers[i]
		sum += termScore(sqrtTF(r.freq), r.norm, p.idf[i], p.qwt[i])
	}
	return sum
}
