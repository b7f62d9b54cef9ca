package index

import (
	"context"
	"errors"
	"math"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// rankedQuery is rankOutagesFirst's Boolean query of a text clause
// answered by a unionQuery (Must) with the optional is_outage:true clause
// (Should). Bleve's Boolean searcher advances a term searcher of
// is_outage to every hit of the text (a DocumentMatch each, from a
// postings list holding about half the archive); rankedSearcher reads the
// is_outage postings in step with the union instead. Scores are Bleve's
// Boolean scores: the same query norm over the two clauses, the text's
// score plus, for an outage report, the clause's tf-idf score.
type rankedQuery struct {
	*query.BooleanQuery // Must: union; Should: outage
	union               *unionQuery
	outage              *query.BoolFieldQuery
}

// Searcher implements query.Query.
func (q *rankedQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if q.union.Min != 0 || !unionApplies(ctx, r, opts) {
		return q.BooleanQuery.Searcher(ctx, r, m, opts)
	}
	u, err := q.union.build(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	s := &rankedSearcher{union: u}
	if err := s.openOutage(ctx, r, q.outage); err != nil {
		return nil, errors.Join(err, u.Close())
	}
	// BooleanSearcher.computeQueryNorm
	sum := 0.0
	sum += u.Weight()
	sum += s.outageWeight()
	s.SetQueryNorm(1.0 / math.Sqrt(sum))
	return s, nil
}

// openOutage opens the postings of the is_outage clause, scored as
// Bleve's term searcher of a BoolFieldQuery scores them.
func (s *rankedSearcher) openOutage(ctx context.Context, r index.IndexReader, q *query.BoolFieldQuery) error {
	if err := search.RecordTermSearcher(ctx); err != nil {
		return err
	}
	term := "F"
	if q.Bool {
		term = "T"
	}
	docTotal, err := r.DocCount()
	if err != nil {
		return err
	}
	tfr, err := r.TermFieldReader(ctx, []byte(term), q.FieldVal, true, true, false)
	if err != nil {
		return err
	}
	s.outage = unionReader{tfr: tfr}
	s.count = tfr.Count()
	s.boost = q.BoostVal.Value()
	s.idf = 1.0 + math.Log(float64(docTotal)/float64(s.count+1.0))
	return nil
}

type rankedSearcher struct {
	union   *unionSearcher
	outage  unionReader
	started bool // outage positioned
	buf     index.IndexInternalID

	count           uint64
	boost, idf, qwt float64
}

func (s *rankedSearcher) outageWeight() float64 {
	w := s.boost * s.idf
	return w * w
}

// Weight is BooleanSearcher.Weight.
func (s *rankedSearcher) Weight() float64 {
	var rv float64
	rv += s.union.Weight()
	rv += s.outageWeight()
	return rv
}

func (s *rankedSearcher) SetQueryNorm(qnorm float64) {
	s.union.SetQueryNorm(qnorm)
	s.qwt = s.boost * s.idf * qnorm
}

func (s *rankedSearcher) Count() uint64 { return s.union.Count() + s.count }

func (s *rankedSearcher) Min() int { return 0 }

func (s *rankedSearcher) Size() int { return s.union.Size() + 128 }

func (s *rankedSearcher) DocumentMatchPoolSize() int { return 3 + s.union.DocumentMatchPoolSize() + 1 }

func (s *rankedSearcher) Close() error {
	return errors.Join(s.union.Close(), s.outage.tfr.Close())
}

func (s *rankedSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.union.started {
		if err := s.union.start(ctx, nil); err != nil {
			return nil, err
		}
	}
	return s.match(ctx)
}

func (s *rankedSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	if err := s.union.advance(ctx, id); err != nil {
		return nil, err
	}
	return s.match(ctx)
}

// match pops the union's next hit and adds the is_outage score when the
// article is an outage report.
func (s *rankedSearcher) match(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	doc, score, ok, err := s.union.pop(ctx)
	if !ok || err != nil {
		return nil, err
	}
	r := &s.outage
	if !r.done && (!s.started || r.doc < doc) {
		s.started = true
		s.buf = index.NewIndexInternalID(s.buf, doc)
		if err := r.next(s.buf); err != nil {
			return nil, err
		}
	}
	if !r.done && r.doc == doc {
		// scorer.TermQueryScorer.Score, then ConjunctionQueryScorer's sum
		bonus := termScore(sqrtTF(r.freq), r.norm, s.idf, s.qwt)
		sum := 0.0
		sum += score
		sum += bonus
		score = sum
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID, doc)
	dm.Score = score
	return dm, nil
}
