package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zapx "github.com/blevesearch/zapx/v17"
	"golang.org/x/sync/errgroup"
)

// A broad word ("panne": 87% of a million generated articles) is answered
// by scoring every match in every partition: its total and facets count
// them all, and without a bound on each posting's score (Bleve 2.6.1
// keeps none: no block-max) the ten best cannot be told without scoring
// them all either. (Bounds from the postings bitmaps alone, each term's
// tf part at most 1 and, by Cauchy-Schwarz, a field's terms together at
// most the root of their summed squared weights, left 55,000 of the
// 832,000 matches of "panne" at a million to score; scoring them through
// the postings iterators cost as much as scoring every match, since
// zapx walks the postings of a chunk to reach a document.)
//
// What searchTopK saves is the cost around each posting. A ranked text
// query with no filter (rankedQuery: a union of alternatives and the
// outage clause) is scored segment by segment, the scores accumulated in
// an array by document number, alternative after alternative, as a
// term-at-a-time engine does: no per-document walk over the 40-odd
// alternatives to find which stand on it, no scorch reader per term and
// segment converting each posting, no norm computed twice for one field
// length, no DocumentMatch, collector heap or facet wrapper per hit. Each
// match's score is added up in the order unionSearcher.pop adds it (the
// term alternatives reader by reader, then the phrase and other
// alternatives in order, times the coordination factor; then the outage
// clause as rankedSearcher adds it), so the scores are bit for bit those
// of the full search, and the facets are counted from the same tables.
//
// The page is the one a full search returns: a partition's best hits are
// kept by score, then by the position Bleve's collector gives a hit (its
// rank among the partition's matches in document order); the partitions'
// hits are merged as Bleve's alias merges them (score, then that
// position; Bleve leaves a tie of both to the order in which the
// partitions finish, here the partitions' order).

// errNoTopK: the top-k path does not apply to this query or index; the
// search runs as before.
var errNoTopK = errors.New("index: top-k path does not apply")

// searchTopK runs a ranked text query with no filter for Search. ok is
// false when the top-k path does not apply (the caller then searches as
// before).
func (r *Reader) searchTopK(ctx context.Context, rq *rankedQuery, c *compiled, q Query, limit int) (*Result, bool, error) {
	if r.mapping.ScoringModel == index.BM25Scoring || rq.union.Min != 0 {
		return nil, false, nil
	}
	k := q.Offset + limit
	parts := make([]topPart, len(r.parts))
	errs := make([]error, len(r.parts))
	// one partition a core: each is scored on one goroutine (an index of
	// month partitions has 120)
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range r.parts {
		g.Go(func() error {
			if parts[i], errs[i] = r.topKPart(ctx, rq, p, k, q.Facets); errs[i] != nil {
				errs[i] = fmt.Errorf("partition %s: %w", p.Name(), errs[i])
			}
			return nil
		})
	}
	g.Wait() // the errors are in errs
	for _, err := range errs {
		if errors.Is(err, errNoTopK) {
			return nil, false, nil
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, false, fmt.Errorf("index: search %q: %w", q.Text, err)
	}
	out := &Result{}
	var all search.DocumentMatchCollection
	fq := newFacetQuery(nil, r.facets)
	for _, p := range parts {
		out.Total += p.total
		all = append(all, p.hits...)
		if q.Facets {
			fq.add(p.table, p.counts)
		}
	}
	var err error
	if out.Hits, err = r.hits(aliasPage(all, q.Offset, limit), c, q); err != nil {
		return nil, false, err
	}
	if q.Facets {
		out.Facets = splitFacets(fq.result())
	}
	return out, true, nil
}

// aliasPage returns the page [offset, offset+limit) of the partitions'
// hits in the order of Bleve's alias: by score, then by the position a
// partition's collector gave them.
func aliasPage(all search.DocumentMatchCollection, offset, limit int) search.DocumentMatchCollection {
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Score != all[j].Score {
			return all[i].Score > all[j].Score
		}
		return all[i].HitNumber < all[j].HitNumber
	})
	all = all[min(offset, len(all)):]
	return all[:min(limit, len(all))]
}

// topPart is what one partition contributes.
type topPart struct {
	hits   search.DocumentMatchCollection // its best k, with ID, Index, Score, HitNumber
	total  uint64
	table  *facetTable
	counts []int // facet counts by term of table
}

// topKPart searches one partition.
func (r *Reader) topKPart(ctx context.Context, rq *rankedQuery, p bleve.Index, k int, facets bool) (out topPart, err error) {
	adv, err := p.Advanced()
	if err != nil {
		return out, err
	}
	ir, err := adv.Reader()
	if err != nil {
		return out, err
	}
	defer func() { err = errors.Join(err, ir.Close()) }()
	snap, ok := ir.(*scorch.IndexSnapshot)
	if !ok {
		return out, errNoTopK
	}
	s, err := r.rankedSearcher(ctx, rq, ir)
	if err != nil {
		return out, err
	}
	defer func() { err = errors.Join(err, s.Close()) }()
	ps := &partScorer{s: s, rq: rq, k: k, kids: float64(len(s.union.kids))}
	if facets {
		if ps.table, err = r.facets.get(ctx, ir); err != nil {
			return out, err
		}
		ps.counts = make([]int, len(ps.table.terms))
	}
	if err := ps.run(ctx, snap); err != nil {
		return out, err
	}
	out.total, out.table, out.counts = ps.total, ps.table, ps.counts
	for _, h := range ps.best {
		id, err := snap.ExternalID(index.NewIndexInternalID(nil, h.doc))
		if err != nil {
			return out, err
		}
		out.hits = append(out.hits, &search.DocumentMatch{Index: p.Name(), ID: id, Score: h.score, HitNumber: h.hit})
	}
	return out, nil
}

// rankedSearcher returns rq's own searcher on ir, or errNoTopK when rq
// is not answered by one there.
func (r *Reader) rankedSearcher(ctx context.Context, rq *rankedQuery, ir index.IndexReader) (*rankedSearcher, error) {
	s, err := rq.Searcher(ctx, ir, r.mapping, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	rs, ok := s.(*rankedSearcher)
	if !ok {
		return nil, errors.Join(errNoTopK, s.Close())
	}
	return rs, nil
}

// partScorer scores every match of a partition, segment by segment.
type partScorer struct {
	s    *rankedSearcher // its weights; its phrase and other alternatives are read through it
	rq   *rankedQuery
	k    int
	kids float64

	acc   []float64 // by document of the segment: the score so far
	n     []int32   // ... the alternatives matched
	norms normCache

	total  uint64
	best   topHeap
	table  *facetTable
	counts []int
	sctx   *search.SearchContext
}

func (ps *partScorer) run(ctx context.Context, snap *scorch.IndexSnapshot) error {
	u := ps.s.union
	ps.sctx = &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(ps.s.DocumentMatchPoolSize()+1, 0)}
	// the other alternatives (not terms or phrases: fuzzy words...),
	// positioned on their first match (the union's term and phrase
	// readers are not used)
	for i := range u.kids {
		if k := &u.kids[i]; k.reader < 0 && k.phrase == nil {
			if err := u.moveOther(ps.sctx, k, nil); err != nil {
				return err
			}
		}
	}
	outTerm := "F"
	if ps.rq.outage.Bool {
		outTerm = "T"
	}
	var off uint64
	for _, sg := range snap.Segments() {
		if err := ctx.Err(); err != nil {
			return err
		}
		seg := sg.Segment()
		n := int(seg.Count())
		if cap(ps.acc) < n {
			ps.acc, ps.n = make([]float64, n), make([]int32, n)
		}
		ps.acc, ps.n = ps.acc[:n], ps.n[:n]
		pr := segPostings{seg: seg, del: sg.Deleted(), dicts: map[string]segment.TermDictionary{}}
		for i := range u.readers {
			if err := ps.addTerm(&pr, &u.readers[i]); err != nil {
				return err
			}
		}
		if err := ps.addOthers(&pr, off, off+uint64(n)); err != nil {
			return err
		}
		if err := ps.collect(&pr, off, outTerm); err != nil {
			return err
		}
		off += uint64(n)
	}
	return nil
}

// addTerm adds the scores of the alternatives reading one term's postings
// (scorer.TermQueryScorer.Score, tf-idf, kid by kid, as pop adds them).
func (ps *partScorer) addTerm(pr *segPostings, r *unionReader) error {
	it, err := pr.iterator(r.field, r.term)
	if err != nil || it == nil {
		return err
	}
	kids := ps.s.union.kids
	nk := int32(len(r.kids))
	for {
		p, err := it.Next()
		if err != nil {
			return err
		}
		if p == nil {
			return nil
		}
		var d, freq uint64
		var norm float64
		if zp, ok := p.(*zapx.Posting); ok { // calls inlined
			d, freq, norm = zp.Number(), zp.Frequency(), ps.norms.of(zp.NormUint64(), p)
		} else {
			d, freq, norm = p.Number(), p.Frequency(), p.Norm()
		}
		tf := sqrtTF(freq)
		sum := ps.acc[d]
		for _, ki := range r.kids {
			k := &kids[ki]
			sum += termScore(tf, norm, k.idf, k.qwt)
		}
		ps.acc[d] = sum
		ps.n[d] += nk
	}
}

// addOthers adds the scores of the phrase and other alternatives at the
// documents [lo, hi) (global numbers) of a segment, in the order of the
// alternatives.
func (ps *partScorer) addOthers(pr *segPostings, lo, hi uint64) error {
	u := ps.s.union
	for i := range u.kids {
		k := &u.kids[i]
		if k.reader >= 0 {
			continue
		}
		if k.phrase != nil {
			if err := ps.addPhrase(pr, k.phrase); err != nil {
				return err
			}
			continue
		}
		for !k.done && k.doc < hi {
			d := k.doc - lo
			ps.acc[d] += k.cur.Score
			ps.n[d]++
			if err := u.moveOther(ps.sctx, k, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// addPhrase adds the score of a phrase alternative at the documents of a
// segment that hold its words side by side, as unionPhrase scores them:
// the words' postings (with positions) are read at the documents holding
// every word (their bitmaps ANDed, as Bleve's conjunction does).
func (ps *partScorer) addPhrase(pr *segPostings, p *unionPhrase) error {
	its := make([]segment.PostingsIterator, len(p.readers)) // by reader of p
	var all *roaring.Bitmap
	for pos, w := range p.words {
		it, bm, err := pr.withPositions(p.field, w)
		if err != nil || it == nil {
			return err // a word absent: no match
		}
		its[p.at[pos]] = it
		if all == nil {
			all = bm.Clone()
		} else {
			all.And(bm)
		}
	}
	if all.IsEmpty() {
		return nil
	}
	// as Bleve's conjunction: each word's iterator walks the ANDed bitmap
	for _, it := range its {
		if o, ok := it.(segment.OptimizablePostingsIterator); ok && o.ActualBitmap() != nil {
			o.ReplaceActual(all)
		}
	}
	posts := make([]segment.Posting, len(its))
	var ferr error
	forEach(all, func(d uint32) {
		if ferr != nil {
			return
		}
		for i, it := range its {
			post, err := it.Advance(uint64(d))
			if err != nil || post == nil || post.Number() != uint64(d) {
				ferr = errors.Join(err, fmt.Errorf("index: phrase %q in %s: the postings of its reader %d do not hold document %d", strings.Join(p.words, " "), p.field, i, d))
				return
			}
			posts[i] = post
		}
		if !adjacentAt(posts, p.at) {
			return
		}
		var sum float64 // unionPhrase.score
		for i, q := range posts {
			sum += termScore(sqrtTF(q.Frequency()), q.Norm(), p.idf[i], p.qwt[i])
		}
		ps.acc[d] += sum
		ps.n[d]++
	})
	return ferr
}

// forEach calls fn with every number of bm, in order.
func forEach(bm *roaring.Bitmap, fn func(uint32)) {
	buf := make([]uint32, 256)
	it := bm.ManyIterator()
	for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
		for _, d := range buf[:n] {
			fn(d)
		}
	}
}

// adjacentAt is unionPhrase.adjacent on postings with locations: posts by
// reader, at[i] the reader of the phrase's i-th word.
func adjacentAt(posts []segment.Posting, at []int) bool {
next:
	for _, v := range posts[at[0]].Locations() {
		pos, ap := v.Pos(), v.ArrayPositions()
		for _, ri := range at[1:] {
			found := false
			for _, w := range posts[ri].Locations() {
				if w.Pos() == pos+1 && sameArrayPositions(w.ArrayPositions(), ap) {
					pos, ap, found = w.Pos(), w.ArrayPositions(), true
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

// collect takes the segment's matches in document order: counts them and
// their facets, adds the outage clause to their scores and keeps the best
// k; it clears acc and n.
func (ps *partScorer) collect(pr *segPostings, off uint64, outTerm string) error {
	out, err := pr.iterator(ps.rq.outage.FieldVal, outTerm)
	if err != nil {
		return err
	}
	s := ps.s
	// the clause's score bound: its tf part sqrt(freq)*norm is at most 1
	// (a field's frequencies sum to at most its length)
	maxBonus := s.idf
	if s.qwt != 1.0 {
		maxBonus *= s.qwt
	}
	maxBonus *= 1 + 1e-6
	var op segment.Posting // the outage report at or after the last one looked for
	for d, matched := range ps.n {
		if matched == 0 {
			continue
		}
		score := ps.acc[d] * (float64(matched) / ps.kids)
		ps.acc[d], ps.n[d] = 0, 0
		ps.total++
		doc := off + uint64(d)
		if ps.table != nil {
			ps.table.countDoc(doc, ps.counts)
		}
		if !ps.best.beats(score+maxBonus, ps.k) {
			continue // not among the best k, outage report or not
		}
		if out != nil && (op == nil || op.Number() < uint64(d)) {
			if op, err = out.Advance(uint64(d)); err != nil {
				return err
			}
			if op == nil {
				out = nil
			}
		}
		if op != nil && op.Number() == uint64(d) {
			// rankedSearcher.match
			bonus := termScore(sqrtTF(op.Frequency()), op.Norm(), s.idf, s.qwt)
			sum := 0.0
			sum += score
			sum += bonus
			score = sum
		}
		ps.best.offer(topHit{doc: doc, hit: ps.total, score: score}, ps.k)
	}
	return nil
}

// normCache computes a posting's norm as scorch does (zapx's Norm: the
// float32 of 1/sqrt of the field length) once per field length.
type normCache struct {
	small [1024]float64
}

// of returns the norm of posting p, whose field length is bits.
func (c *normCache) of(bits uint64, p segment.Posting) float64 {
	if bits >= uint64(len(c.small)) {
		return p.Norm()
	}
	if v := c.small[bits]; v != 0 {
		return v
	}
	v := p.Norm()
	c.small[bits] = v
	return v
}

// segPostings opens postings iterators of one segment (live documents
// only), with frequencies and norms.
type segPostings struct {
	seg   segment.Segment
	del   *roaring.Bitmap
	dicts map[string]segment.TermDictionary
}

// postings returns the postings list of term in field, nil when there
// are none.
func (pr *segPostings) postings(field, term string) (segment.PostingsList, error) {
	dict, ok := pr.dicts[field]
	if !ok {
		var err error
		if dict, err = pr.seg.Dictionary(field); err != nil {
			return nil, err
		}
		pr.dicts[field] = dict
	}
	pl, err := dict.PostingsList([]byte(term), pr.del, nil)
	if err != nil || pl == nil || pl.Count() == 0 {
		return nil, err
	}
	return pl, nil
}

// iterator returns the postings of term in field, nil when there are none.
func (pr *segPostings) iterator(field, term string) (segment.PostingsIterator, error) {
	pl, err := pr.postings(field, term)
	if pl == nil {
		return nil, err
	}
	return pl.Iterator(true, true, false, nil), nil
}

// withPositions returns the postings of term in field with positions,
// and their documents; nil when there are none.
func (pr *segPostings) withPositions(field, term string) (segment.PostingsIterator, *roaring.Bitmap, error) {
	pl, err := pr.postings(field, term)
	if pl == nil {
		return nil, nil, err
	}
	it := pl.Iterator(true, true, true, nil)
	o, ok := it.(segment.OptimizablePostingsIterator)
	if !ok {
		return nil, nil, errNoTopK
	}
	if d, ok := o.DocNum1Hit(); ok {
		return it, roaring.BitmapOf(uint32(d)), nil
	}
	bm := o.ActualBitmap()
	if bm == nil {
		return nil, nil, nil
	}
	return it, bm, nil
}

// topHit is a scored match of a partition.
type topHit struct {
	doc, hit uint64 // document number; position among the matches
	score    float64
}

// below reports whether a ranks below b in Bleve's collector (lower
// score, or equal score and seen later).
func (a topHit) below(b topHit) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.hit > b.hit
}

// topHeap keeps the best k hits, the lowest first.
type topHeap []topHit

func (h topHeap) Len() int           { return len(h) }
func (h topHeap) Less(i, j int) bool { return h[i].below(h[j]) }
func (h topHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *topHeap) Push(x any)        { *h = append(*h, x.(topHit)) }
func (h *topHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// beats reports whether a hit scoring at most b may be among the best k
// (a hit scoring as much as the k-th may come before it).
func (h topHeap) beats(b float64, k int) bool {
	return len(h) < k || b >= h[0].score
}

// offer keeps x if it is among the best k.
func (h *topHeap) offer(x topHit, k int) {
	if len(*h) < k {
		heap.Push(h, x)
		return
	}
	if (*h)[0].below(x) {
		(*h)[0] = x
		heap.Fix(h, 0)
	}
}
