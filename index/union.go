package index

import (
	"context"
	"errors"
	"math"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// A cross-language word expands to 40-60 alternatives per partition
// (textQuery): the word and its synonyms in the title and body fields of
// each language, service names, cause and kind facets. Bleve answers such
// a disjunction with a heap of one searcher per alternative: every posting
// of every alternative goes through the heap (byte-slice comparisons of
// document ids, a pooled DocumentMatch, write barriers), which was most of
// the time of a broad query (a third of the hits at 200k articles, all
// scored for the ranking, counted for the facets).
//
// unionQuery answers the same disjunction with the same scores: its term
// alternatives are read straight from their postings (one reader per
// distinct field and term, shared by alternatives that repeat one, such as
// "panne" both as the word and as its own synonym), walked in step by
// document number; phrase synonyms are read from their words' postings and
// positions (phrase.go); the other alternatives (fuzzy words, phrases with
// a gap) are Bleve's own searchers, merged in. A hit's score is Bleve's disjunction
// score: each matching alternative's tf-idf score (same idf, same query
// norm, same weight), summed, times the coordination factor (alternatives
// matched / alternatives). The one difference is the order in which the
// alternatives' scores are added (postings reader by reader here, the
// heap's pop order in Bleve): the last bits of a score may differ
// (TestUnionSameResults compares them to 1e-12).

// unionQuery is a disjunction of a text clause's alternatives.
type unionQuery struct {
	*query.DisjunctionQuery
}

// newUnion returns the disjunction of qs: a unionQuery when Bleve would
// answer it with its heap (more than DisjunctionHeapTakeover alternatives),
// else Bleve's (a few alternatives cost little either way).
func newUnion(qs []query.Query, plain bool) query.Query {
	d := query.NewDisjunctionQuery(qs)
	if plain || len(qs) <= searcher.DisjunctionHeapTakeover {
		return d
	}
	return &unionQuery{DisjunctionQuery: d}
}

// unionApplies reports whether a search with these options scores as
// unionSearcher does (tf-idf, no explanation, no term locations, no
// score breakdown or synonyms of Bleve's own), on a scorch snapshot.
func unionApplies(ctx context.Context, r index.IndexReader, opts search.SearcherOptions) bool {
	if opts.Explain || opts.IncludeTermVectors || opts.Score == "none" {
		return false
	}
	if _, ok := r.(*scorch.IndexSnapshot); !ok {
		return false
	}
	if b, _ := ctx.Value(search.IncludeScoreBreakdownKey).(bool); b {
		return false
	}
	if ctx.Value(search.FieldTermSynonymMapKey) != nil {
		return false
	}
	if f, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok && f() == index.BM25Scoring {
		return false
	}
	return true
}

// Searcher implements query.Query.
func (q *unionQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if q.Min != 0 || !unionApplies(ctx, r, opts) {
		return q.DisjunctionQuery.Searcher(ctx, r, m, opts)
	}
	return q.build(ctx, r, m, opts)
}

// build returns the searcher of q, which unionApplies to.
func (q *unionQuery) build(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (*unionSearcher, error) {
	docTotal, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	s := &unionSearcher{kids: make([]unionKid, 0, len(q.Disjuncts)), byTerm: map[[2]string]int{}}
	for _, d := range q.Disjuncts {
		k := unionKid{reader: -1}
		var err error
		if tq, ok := d.(*query.TermQuery); ok && tq.FieldVal != "" {
			err = s.addTerm(ctx, r, &k, tq, docTotal)
		} else if words := phraseWords(d, m); words != nil {
			mq := d.(*query.MatchPhraseQuery)
			k.phrase, err = newUnionPhrase(ctx, r, mq.FieldVal, words, mq.BoostVal.Value(), docTotal)
			if err == nil {
				k.count = k.phrase.count()
			}
		} else {
			k.other, err = d.Searcher(ctx, r, m, opts)
			if err == nil && k.other == nil {
				continue // as Bleve's disjunction: not an alternative
			}
			if err == nil {
				k.count = k.other.Count()
			}
		}
		if err != nil {
			s.Close()
			return nil, err
		}
		s.kids = append(s.kids, k)
	}
	// Bleve's disjunction sets the query norm of its own alternatives
	// (an enclosing query then sets its own).
	s.SetQueryNorm(1.0 / math.Sqrt(s.Weight()))
	return s, nil
}

// addTerm makes k the term alternative tq, reading the postings of its
// field and term (opened once for all the alternatives that name them).
func (s *unionSearcher) addTerm(ctx context.Context, r index.IndexReader, k *unionKid, tq *query.TermQuery, docTotal uint64) error {
	if err := search.RecordTermSearcher(ctx); err != nil {
		return err
	}
	key := [2]string{tq.FieldVal, tq.Term}
	ri, ok := s.byTerm[key]
	if !ok {
		tfr, err := r.TermFieldReader(ctx, []byte(tq.Term), tq.FieldVal, true, true, false)
		if err != nil {
			return err
		}
		ri = len(s.readers)
		s.byTerm[key] = ri
		s.readers = append(s.readers, unionReader{tfr: tfr, field: tq.FieldVal, term: tq.Term})
	}
	k.reader = ri
	s.readers[ri].kids = append(s.readers[ri].kids, len(s.kids))
	k.count = s.readers[ri].tfr.Count()
	k.boost = tq.BoostVal.Value()
	// Bleve's tf-idf idf (scorer.TermQueryScorer.computeIDF).
	k.idf = 1.0 + math.Log(float64(docTotal)/float64(k.count+1.0))
	return nil
}

// unionReader is the postings of one field and term, and where it stands.
type unionReader struct {
	tfr  index.TermFieldReader
	tfd  index.TermFieldDoc
	done bool
	doc  uint64 // current document number
	freq uint64
	norm float64
	kids []int // union: the alternatives reading it

	field, term string // union: what it reads (topk.go reads it segment by segment)
}

// next moves r to its first document at or after target (0: the next one).
func (r *unionReader) next(target index.IndexInternalID) error {
	var d *index.TermFieldDoc
	var err error
	if target == nil {
		d, err = r.tfr.Next(r.tfd.Reset())
	} else {
		d, err = r.tfr.Advance(target, r.tfd.Reset())
	}
	if err != nil {
		return err
	}
	if d == nil {
		r.done = true
		return nil
	}
	r.doc, r.freq, r.norm = d.ID.Value(), d.Freq, d.Norm
	return nil
}

// unionKid is one alternative: a term (reader ≥ 0), a phrase or another
// searcher.
type unionKid struct {
	reader int
	phrase *unionPhrase
	other  search.Searcher
	cur    *search.DocumentMatch // other's current match
	doc    uint64                // phrase's or other's current document
	score  float64               // ... phrase's score there
	done   bool                  // phrase or other is exhausted

	count           uint64
	boost, idf, qwt float64 // term: as scorer.TermQueryScorer
}

func (k *unionKid) weight() float64 {
	if k.phrase != nil {
		return k.phrase.weight()
	}
	if k.other != nil {
		return k.other.Weight()
	}
	w := k.boost * k.idf
	return w * w
}

// unionSearcher walks the alternatives of a unionQuery in document order.
type unionSearcher struct {
	kids    []unionKid
	readers []unionReader
	started bool
	live    []int             // readers not exhausted
	others  []int             // phrase and searcher kids not exhausted
	byTerm  map[[2]string]int // readers by field and term
}

func (s *unionSearcher) Weight() float64 {
	var sum float64
	for i := range s.kids {
		sum += s.kids[i].weight()
	}
	return sum
}

func (s *unionSearcher) SetQueryNorm(qnorm float64) {
	for i := range s.kids {
		k := &s.kids[i]
		if k.phrase != nil {
			k.phrase.setQueryNorm(qnorm)
			continue
		}
		if k.other != nil {
			k.other.SetQueryNorm(qnorm)
			continue
		}
		k.qwt = k.boost * k.idf * qnorm
	}
}

func (s *unionSearcher) Count() uint64 {
	var n uint64
	for i := range s.kids {
		n += s.kids[i].count
	}
	return n
}

func (s *unionSearcher) Min() int { return 0 }

func (s *unionSearcher) Size() int {
	n := 64 + len(s.kids)*96 + len(s.readers)*128
	for i := range s.kids {
		if s.kids[i].other != nil {
			n += s.kids[i].other.Size()
		}
	}
	return n
}

func (s *unionSearcher) DocumentMatchPoolSize() int {
	n := 2 * len(s.kids)
	for i := range s.kids {
		if s.kids[i].other != nil {
			n += s.kids[i].other.DocumentMatchPoolSize()
		}
	}
	return n
}

func (s *unionSearcher) Close() error {
	var errs []error
	for i := range s.readers {
		errs = append(errs, s.readers[i].tfr.Close())
	}
	for i := range s.kids {
		if s.kids[i].phrase != nil {
			errs = append(errs, s.kids[i].phrase.Close())
		}
		if s.kids[i].other != nil {
			errs = append(errs, s.kids[i].other.Close())
		}
	}
	return errors.Join(errs...)
}

// start positions every alternative on its first document at or after
// target (nil: its first).
func (s *unionSearcher) start(ctx *search.SearchContext, target index.IndexInternalID) error {
	s.started = true
	for i := range s.readers {
		if err := s.readers[i].next(target); err != nil {
			return err
		}
	}
	for i := range s.kids {
		k := &s.kids[i]
		if k.reader < 0 {
			if err := s.moveOther(ctx, k, target); err != nil {
				return err
			}
		}
	}
	s.live, s.others = s.live[:0], s.others[:0]
	for i := range s.kids {
		if s.kids[i].reader < 0 && !s.kids[i].done {
			s.others = append(s.others, i)
		}
	}
	for i := range s.readers {
		if !s.readers[i].done {
			s.live = append(s.live, i)
		}
	}
	return nil
}

// moveOther moves a phrase or searcher alternative to its next match (at
// or after target when given).
func (s *unionSearcher) moveOther(ctx *search.SearchContext, k *unionKid, target index.IndexInternalID) error {
	if k.phrase != nil {
		doc, score, ok, err := k.phrase.next(target)
		if err != nil {
			return err
		}
		k.doc, k.score, k.done = doc, score, !ok
		return nil
	}
	if k.cur != nil {
		ctx.DocumentMatchPool.Put(k.cur)
		k.cur = nil
	}
	var dm *search.DocumentMatch
	var err error
	if target == nil {
		dm, err = k.other.Next(ctx)
	} else {
		dm, err = k.other.Advance(ctx, target)
	}
	if err != nil {
		return err
	}
	if dm == nil {
		k.done = true
		return nil
	}
	k.cur, k.doc = dm, dm.IndexInternalID.Value()
	return nil
}

func (s *unionSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.started {
		if err := s.start(ctx, nil); err != nil {
			return nil, err
		}
	}
	return s.match(ctx)
}

func (s *unionSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if err := s.advance(ctx, id); err != nil {
		return nil, err
	}
	return s.match(ctx)
}

// match pops the next hit as a DocumentMatch.
func (s *unionSearcher) match(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	doc, score, ok, err := s.pop(ctx)
	if !ok || err != nil {
		return nil, err
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, doc)
	dm.Score = score
	return dm, nil
}

// advance moves every alternative to its first document at or after id.
func (s *unionSearcher) advance(ctx *search.SearchContext, id index.IndexInternalID) error {
	if !s.started {
		return s.start(ctx, id)
	}
	target := id.Value()
	for _, i := range s.live {
		r := &s.readers[i]
		if r.doc < target {
			if err := r.next(id); err != nil {
				return err
			}
		}
	}
	for _, i := range s.others {
		k := &s.kids[i]
		if k.doc < target {
			if err := s.moveOther(ctx, k, id); err != nil {
				return err
			}
		}
	}
	s.prune()
	return nil
}

// prune drops the exhausted alternatives and readers.
func (s *unionSearcher) prune() {
	keep := func(ids []int, done func(int) bool) []int {
		out := ids[:0]
		for _, i := range ids {
			if !done(i) {
				out = append(out, i)
			}
		}
		return out
	}
	s.others = keep(s.others, func(i int) bool { return s.kids[i].done })
	s.live = keep(s.live, func(i int) bool { return s.readers[i].done })
}

// pop returns the smallest current document and its score as Bleve's
// disjunction scores it (ok false when there is none), and moves past it.
// The alternatives' scores are added reader by reader, then the other
// alternatives in order.
func (s *unionSearcher) pop(ctx *search.SearchContext) (uint64, float64, bool, error) {
	if len(s.live) == 0 && len(s.others) == 0 {
		return 0, 0, false, nil
	}
	doc := uint64(math.MaxUint64)
	for _, i := range s.live {
		doc = min(doc, s.readers[i].doc)
	}
	for _, i := range s.others {
		doc = min(doc, s.kids[i].doc)
	}
	var sum float64
	matched := 0
	exhausted := false
	for _, ri := range s.live {
		r := &s.readers[ri]
		if r.doc != doc {
			continue
		}
		// scorer.TermQueryScorer.Score, tf-idf, for each alternative
		// reading r
		tf := sqrtTF(r.freq)
		for _, ki := range r.kids {
			k := &s.kids[ki]
			sum += termScore(tf, r.norm, k.idf, k.qwt)
			matched++
		}
		if err := r.next(nil); err != nil {
			return 0, 0, false, err
		}
		exhausted = exhausted || r.done
	}
	for _, i := range s.others {
		k := &s.kids[i]
		if k.doc != doc {
			continue
		}
		matched++
		if k.phrase != nil {
			sum += k.score
		} else {
			sum += k.cur.Score
		}
		if err := s.moveOther(ctx, k, nil); err != nil {
			return 0, 0, false, err
		}
		exhausted = exhausted || k.done
	}
	if exhausted {
		s.prune()
	}
	return doc, sum * (float64(matched) / float64(len(s.kids))), true, nil
}

// sqrtTF is the tf part of scorer.TermQueryScorer.Score: the square root
// of a term's frequency, from Bleve's table when it holds it.
func sqrtTF(freq uint64) float64 {
	if freq < scorer.MaxSqrtCache {
		return scorer.SqrtCache[int(freq)]
	}
	return math.Sqrt(float64(freq))
}

// termScore is scorer.TermQueryScorer.Score with tf-idf, computed as Bleve
// computes it so that the scores of every path agree to the bit: tf times
// norm times idf, times the query weight unless it is 1.
func termScore(tf, norm, idf, qwt float64) float64 {
	s := tf * norm * idf
	if qwt != 1.0 {
		s = s * qwt
	}
	return s
}
