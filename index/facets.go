package index

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Facets of Search are counted from an in-memory table per partition
// rather than with Bleve's term facets: those visit the doc values of every
// hit (a chunk decompression, a lookup and one string allocation per value
// and hit), which cost as much as the search itself on large result sets.
// A partition of a reader never changes (it is opened read-only), so the
// table of its facets field, built once from the field's postings, stays
// valid for the reader's life; counting a hit is then a few array
// increments, done while the hit streams out of the searcher.

// facetTable maps the documents of one partition snapshot to the terms of
// their facets field.
type facetTable struct {
	terms  []string // "<facet>:<value>", by term number
	starts []uint32 // the terms of document d are ids[starts[d]:starts[d+1]]
	ids    []uint32

	totalsOnce sync.Once
	sums       []int // documents per term
}

// totals returns the number of documents of each term.
func (t *facetTable) totals() []int {
	t.totalsOnce.Do(func() {
		t.sums = make([]int, len(t.terms))
		for _, k := range t.ids {
			t.sums[k]++
		}
	})
	return t.sums
}

// buildFacetTable reads the facets field of a partition from its postings.
func buildFacetTable(ctx context.Context, r index.IndexReader) (*facetTable, error) {
	terms, err := facetTerms(r)
	if err != nil {
		return nil, err
	}
	t := &facetTable{terms: terms}
	// Postings term by term, then a counting sort into per-document lists.
	postings := make([][]uint32, len(t.terms))
	var maxDoc uint64
	var total int
	var tfd index.TermFieldDoc
	for k, term := range t.terms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		docs, last, err := facetPostings(ctx, r, term, &tfd)
		if err != nil {
			return nil, err
		}
		maxDoc = max(maxDoc, last)
		postings[k] = docs
		total += len(docs)
	}
	if total == 0 {
		return t, nil
	}
	t.invert(postings, maxDoc, total)
	return t, nil
}

// facetTerms reads the terms of the facets field of r, in dictionary
// order.
func facetTerms(r index.IndexReader) ([]string, error) {
	dict, err := r.FieldDict(fFacets)
	if err != nil {
		return nil, fmt.Errorf("facets dictionary: %w", err)
	}
	var terms []string
	for {
		e, err := dict.Next()
		if err != nil {
			dict.Close()
			return nil, fmt.Errorf("facets dictionary: %w", err)
		}
		if e == nil {
			break
		}
		terms = append(terms, e.Term)
	}
	if err := dict.Close(); err != nil {
		return nil, fmt.Errorf("facets dictionary: %w", err)
	}
	return terms, nil
}

// facetPostings reads the document numbers of the facets term of r, in
// order, and the largest of them (0 when there are none); tfd is reused
// from term to term.
func facetPostings(ctx context.Context, r index.IndexReader, term string, tfd *index.TermFieldDoc) ([]uint32, uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), fFacets, false, false, false)
	if err != nil {
		return nil, 0, fmt.Errorf("facets postings of %q: %w", term, err)
	}
	var docs []uint32
	var maxDoc uint64
	for {
		d, err := tfr.Next(tfd)
		if err != nil {
			tfr.Close()
			return nil, 0, fmt.Errorf("facets postings of %q: %w", term, err)
		}
		if d == nil {
			break
		}
		if len(d.ID) != 8 {
			tfr.Close()
			return nil, 0, fmt.Errorf("facets postings of %q: internal id of %d bytes", term, len(d.ID))
		}
		n := d.ID.Value()
		if n >= 1<<32-1 {
			tfr.Close()
			return nil, 0, fmt.Errorf("facets postings of %q: document number %d out of range", term, n)
		}
		maxDoc = max(maxDoc, n)
		docs = append(docs, uint32(n))
	}
	if err := tfr.Close(); err != nil {
		return nil, 0, fmt.Errorf("facets postings of %q: %w", term, err)
	}
	return docs, maxDoc, nil
}

// invert fills the per-document term lists of t from the postings of its
// terms (by term number), whose documents number at most maxDoc and
// which hold total entries: a counting sort.
func (t *facetTable) invert(postings [][]uint32, maxDoc uint64, total int) {
	t.starts = make([]uint32, maxDoc+2)
	for _, docs := range postings {
		for _, d := range docs {
			t.starts[d+1]++
		}
	}
	for d := 1; d < len(t.starts); d++ {
		t.starts[d] += t.starts[d-1]
	}
	t.ids = make([]uint32, total)
	fill := make([]uint32, maxDoc+1)
	for k, docs := range postings {
		for _, d := range docs {
			t.ids[t.starts[d]+fill[d]] = uint32(k)
			fill[d]++
		}
	}
}

// count adds the terms of document id to counts (indexed by term number).
func (t *facetTable) count(id index.IndexInternalID, counts []int) {
	if len(id) != 8 {
		return
	}
	t.countDoc(id.Value(), counts)
}

// countDoc adds the terms of document d to counts.
func (t *facetTable) countDoc(d uint64, counts []int) {
	if d+1 >= uint64(len(t.starts)) {
		return
	}
	for _, k := range t.ids[t.starts[d]:t.starts[d+1]] {
		counts[k]++
	}
}

// facetTables caches the facet table of each partition snapshot a reader
// searches (keyed by the snapshot, which is fixed for a read-only index).
type facetTables struct {
	mu     sync.Mutex
	max    int // entries kept before the cache is emptied
	tables map[index.IndexReader]*facetEntry
}

type facetEntry struct {
	once sync.Once
	t    *facetTable
	err  error
}

func newFacetTables(parts int) *facetTables {
	return &facetTables{max: 2*parts + 2, tables: map[index.IndexReader]*facetEntry{}}
}

// get returns the table of a snapshot, read from the partition's saved
// table or built on first use.
func (c *facetTables) get(ctx context.Context, r index.IndexReader) (*facetTable, error) {
	c.mu.Lock()
	e := c.tables[r]
	if e == nil {
		if len(c.tables) >= c.max {
			clear(c.tables) // snapshots are not stable: do not grow without bound
		}
		e = &facetEntry{}
		c.tables[r] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		if t, ok := loadFacetTable(r); ok {
			e.t = t
			return
		}
		e.t, e.err = buildFacetTable(ctx, r)
	})
	if e.err != nil {
		c.mu.Lock()
		if c.tables[r] == e {
			delete(c.tables, r) // retry next time (e.g. after a cancelled context)
		}
		c.mu.Unlock()
	}
	return e.t, e.err
}

// facetQuery wraps a query so that every hit it yields, in every
// partition, is counted in the facets.
type facetQuery struct {
	query.Query
	tables *facetTables

	mu     sync.Mutex
	counts map[string]int
}

func newFacetQuery(q query.Query, tables *facetTables) *facetQuery {
	return &facetQuery{Query: q, tables: tables, counts: map[string]int{}}
}

// Searcher implements query.Query.
func (q *facetQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	t, err := q.tables.get(ctx, r)
	if err != nil {
		return nil, err
	}
	s, err := q.Query.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &facetSearcher{Searcher: s, q: q, t: t, counts: make([]int, len(t.terms))}, nil
}

// result returns the counts of all partitions, most frequent first.
func (q *facetQuery) result() []Count {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]Count, 0, len(q.counts))
	for k, n := range q.counts {
		out = append(out, Count{Key: k, Count: n})
	}
	return out
}

func (q *facetQuery) add(t *facetTable, counts []int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for k, n := range counts {
		if n > 0 {
			q.counts[t.terms[k]] += n
		}
	}
}

// facetSearcher counts the hits of the searcher it wraps; the counts join
// the query's when it is closed (after the collector has seen every hit).
type facetSearcher struct {
	search.Searcher
	q      *facetQuery
	t      *facetTable
	counts []int
	closed bool
}

func (s *facetSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		s.t.count(dm.IndexInternalID, s.counts)
	}
	return dm, err
}

func (s *facetSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		s.t.count(dm.IndexInternalID, s.counts)
	}
	return dm, err
}

func (s *facetSearcher) Close() error {
	if !s.closed {
		s.closed = true
		s.q.add(s.t, s.counts)
	}
	return s.Searcher.Close()
}
