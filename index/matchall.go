package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// A query that matches every article with no filter ("*", or no text) is
// answered without scoring every article: its total is the document count,
// its facets the totals of the partitions' facet tables, and its hits come
// from searches that stop early. Every outage report scores alike, above
// every other article (rankOutagesFirst), and of equal scores the first
// documents collected are kept, so a partition's best offset+limit hits are
// its first offset+limit outage reports (or, when it has fewer, all its
// documents): its search stops as soon as it has seen that many. The page
// is the one a full search returns, at a cost that does not grow with the
// archive.

// isMatchAll reports whether a parsed query matches every article.
func isMatchAll(root *node) bool {
	return root.op == opLeaf && root.leaf.kind == kAll && root.occur != occMustNot && root.boost == 0
}

// searchAll runs a match-all query (c.all) for Search.
func (r *Reader) searchAll(ctx context.Context, c *compiled, q Query, limit int) (*Result, error) {
	out := &Result{}
	for _, p := range r.parts {
		n, err := p.DocCount()
		if err != nil {
			return nil, fmt.Errorf("index: count documents: %w", err)
		}
		out.Total += n
	}
	if q.Facets {
		counts, err := r.facetTotals(ctx)
		if err != nil {
			return nil, err
		}
		out.Facets = splitFacets(counts)
	}
	sq := &stopQuery{Query: c.q, n: q.Offset + limit}
	req := bleve.NewSearchRequestOptions(sq, limit, q.Offset, false)
	res, err := r.alias.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("index: search %q: %w", q.Text, err)
	}
	if out.Hits, err = r.hits(res.Hits, c, q); err != nil {
		return nil, err
	}
	return out, nil
}

// facetTotals sums the facet counts of every article of every partition.
func (r *Reader) facetTotals(ctx context.Context) ([]Count, error) {
	sums := map[string]int{}
	for _, p := range r.parts {
		adv, err := p.Advanced()
		if err != nil {
			return nil, fmt.Errorf("index: facets: %w", err)
		}
		ir, err := adv.Reader()
		if err != nil {
			return nil, fmt.Errorf("index: facets: %w", err)
		}
		t, err := r.facets.get(ctx, ir)
		err = errors.Join(err, ir.Close())
		if err != nil {
			return nil, fmt.Errorf("index: facets: %w", err)
		}
		for k, n := range t.totals() {
			if n > 0 {
				sums[t.terms[k]] += n
			}
		}
	}
	out := make([]Count, 0, len(sums))
	for k, n := range sums {
		out = append(out, Count{Key: k, Count: n})
	}
	return out, nil
}

// stopQuery wraps a match-all query so that each partition's search ends
// once it has yielded n outage reports.
type stopQuery struct {
	query.Query
	n int
}

// Searcher implements query.Query.
func (q *stopQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	outages, err := r.TermFieldReader(ctx, []byte("T"), fIsOutage, false, false, false)
	if err != nil {
		s.Close()
		return nil, err
	}
	return &stopSearcher{Searcher: s, outages: outages, n: q.n}, nil
}

type stopSearcher struct {
	search.Searcher
	outages index.TermFieldReader // the documents of is_outage:true
	next    index.IndexInternalID // the first of them not before the last hit
	done    bool                  // no outage report after the last hit
	tfd     index.TermFieldDoc
	seen    int // outage reports yielded
	n       int
}

func (s *stopSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.seen >= s.n {
		return nil, nil
	}
	dm, err := s.Searcher.Next(ctx)
	if dm == nil || err != nil {
		return dm, err
	}
	// Hits come in document order; the outages reader only moves forward
	// (scorch restarts a term reader asked to go back).
	if !s.done && (s.next == nil || s.next.Compare(dm.IndexInternalID) < 0) {
		d, err := s.outages.Advance(dm.IndexInternalID, &s.tfd)
		if err != nil {
			return nil, err
		}
		if d == nil {
			s.done = true
		} else {
			s.next = append(s.next[:0], d.ID...)
		}
	}
	if !s.done && s.next.Equals(dm.IndexInternalID) {
		s.seen++
	}
	return dm, nil
}

func (s *stopSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	return nil, errors.New("index: a match-all search does not advance")
}

func (s *stopSearcher) Close() error {
	return errors.Join(s.outages.Close(), s.Searcher.Close())
}
