package index

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"

	"outages/corpus"
)

// topKQueries are ranked text queries with no filter (answered by
// searchTopK) and a few that are not (notTopK: answered as before), with
// pages inside, across and past the hits.
var topKQueries = []struct {
	name string
	q    Query
}{
	{"term fr", Query{Text: "panne"}},
	{"term en", Query{Text: "outage", Facets: true}},
	{"term ar", Query{Text: "انقطاع", Facets: true}},
	{"phrase synonyms", Query{Text: "hors service", Facets: true}},
	{"quoted phrase", Query{Text: `"hors service"`, Facets: true}},
	{"arabic phrase", Query{Text: `"عطل تقني"`}},
	{"two words", Query{Text: "réseau panne", Facets: true}},
	{"all words", Query{Text: "réseau panne", AllWords: true}},
	{"boosted", Query{Text: "panne^3 coupure"}},
	{"title", Query{Text: "title:panne"}},
	{"fuzzy", Query{Text: "pane~1", Facets: true}},
	{"cli term", Query{Text: "panne", Limit: 10, Facets: true, Highlight: true}},
	{"first hit", Query{Text: "panne", Limit: 1, Facets: true}},
	{"page", Query{Text: "panne", Limit: 15, Offset: 30, Facets: true}},
	{"last page", Query{Text: "outage", Limit: 50, Offset: 400}},
	{"past the end", Query{Text: "panne", Limit: 10, Offset: 5000, Facets: true}},
	{"nothing", Query{Text: "zzzznothing", Facets: true}},
	{"filtered (not top-k)", Query{Text: "outage", Langs: []string{"en"}, Since: "2018-01-01", OutagesOnly: true, Facets: true}},
	{"names is_outage (not top-k)", Query{Text: "panne is_outage:true", Facets: true}},
}

// notTopK are the topKQueries that searchTopK does not answer on
// unionFixture's index (not a union of alternatives and the outage
// clause, or a filter).
var notTopK = map[string]bool{
	"phrase synonyms": true, "two words": true, "all words": true, "boosted": true, "fuzzy": true, "nothing": true,
	"filtered (not top-k)": true, "names is_outage (not top-k)": true,
}

// takesTopK reports whether searchTopK answers q on r.
func takesTopK(ctx context.Context, t *testing.T, r *Reader, q Query) bool {
	t.Helper()
	c, err := r.compile(q)
	if err != nil {
		t.Fatal(err)
	}
	rq, ok := c.q.(*rankedQuery)
	if !ok {
		return false
	}
	_, ok, err = r.searchTopK(ctx, rq, c, q, 10)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}

// TestTopKSameResults: searchTopK gives the page, scores (bit for bit),
// total and facets of the union path that scores every match through
// Bleve's collector, and of Bleve's own disjunction (scores to 1e-12), on
// an index of several partitions and segments with replaced and deleted
// articles.
func TestTopKSameResults(t *testing.T) {
	dir := unionFixture(t)
	fast := openReader(t, dir)
	full := openReader(t, dir)
	full.fullTopK = true
	plain := openReader(t, dir)
	plain.exp.plainUnion = true
	ctx := context.Background()
	for _, tc := range topKQueries {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			if q.Limit == 0 {
				q.Limit = 1000 // every hit
			}
			if got := takesTopK(ctx, t, fast, q); got != !notTopK[tc.name] {
				t.Errorf("answered by searchTopK: %v, want %v", got, !notTopK[tc.name])
			}
			got := searchBoth(ctx, t, fast, plain, q)
			want, err := full.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			sameExactly(t, got, want)
		})
	}
}

// sameExactly: the same total, facets, and hits (articles, scores to the
// bit, snippets) in the same order.
func sameExactly(t *testing.T, got, want *Result) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Fatalf("total %d, %d hits; want %d, %d", got.Total, len(got.Hits), want.Total, len(want.Hits))
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.Article.ID != w.Article.ID || g.Score != w.Score || g.Snippet != w.Snippet {
			t.Fatalf("hit %d: %s %v, want %s %v", i, g.Article.ID, g.Score, w.Article.ID, w.Score)
		}
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		t.Errorf("facets:\n got %+v\nwant %+v", got.Facets, want.Facets)
	}
}

// searchFastFull searches q with fast and full (the reader scoring every
// match).
func searchFastFull(ctx context.Context, t *testing.T, fast, full *Reader, q Query) (got, want *Result) {
	t.Helper()
	got, err := fast.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if want, err = full.Search(ctx, q); err != nil {
		t.Fatal(err)
	}
	return got, want
}

// TestTopKUsed: the top-k path answers a ranked text query with no
// filter, and only that.
func TestTopKUsed(t *testing.T) {
	r := fixtureReader(t)
	for _, tc := range []struct {
		q    Query
		topK bool
	}{
		{Query{Text: "panne"}, true},
		{Query{Text: "panne", Langs: []string{"fr"}}, false},
		{Query{Text: "panne is_outage:true"}, false},
		{Query{}, false},
	} {
		c, err := r.compile(tc.q)
		if err != nil {
			t.Fatal(err)
		}
		rq, ok := c.q.(*rankedQuery)
		if ok != tc.topK {
			t.Errorf("%+v: ranked %v, want %v", tc.q, ok, tc.topK)
			continue
		}
		if !ok {
			continue
		}
		if _, ok, err := r.searchTopK(context.Background(), rq, c, tc.q, 10); err != nil || !ok {
			t.Errorf("%+v: top-k path not taken (%v)", tc.q, err)
		}
	}
}

// TestTopKSameResultsLarge compares searchTopK with the path that scores
// every match through Bleve's collector on a large index
// (OUTAGES_BENCH_INDEX_DIR: a synthetic one, or a bench-million archive's
// data/index, opened read-only): first 500 hits, total, facets, exactly.
func TestTopKSameResultsLarge(t *testing.T) {
	dir := os.Getenv("OUTAGES_BENCH_INDEX_DIR")
	if dir == "" {
		t.Skip("set OUTAGES_BENCH_INDEX_DIR to a large index")
	}
	fast := openReader(t, dir)
	full := openReader(t, dir)
	full.fullTopK = true
	ctx := context.Background()
	for _, bq := range append(benchQueries, topKQueries...) {
		t.Run(bq.name, func(t *testing.T) {
			q := bq.q
			if q.Limit == 0 || q.Limit > 500 {
				q.Limit = 500
			}
			got, want := searchFastFull(ctx, t, fast, full, q)
			sameExactly(t, got, want)
			t.Logf("%d hits", got.Total)
		})
	}
}

// TestTopKPhraseInLaterSegment: an article of a later segment that a
// phrase alternative lifts above the others of its partition gets the
// phrase's score and the first place, with one to ten hits asked.
func TestTopKPhraseInLaterSegment(t *testing.T) {
	dir := t.TempDir()
	out := outageSpec{service: "Orange", kind: "telecom"}
	var first []*corpus.Article
	for i := 0; i < 40; i++ {
		first = append(first, art(fmt.Sprintf("a%02d", i), "fr", "2021-05-01", "Panne du réseau",
			"Une panne et une coupure du réseau, une interruption du service.", out))
	}
	writeIndex(t, dir, Options{BatchSize: 10}, first...)
	writeIndex(t, dir, Options{}, art("late", "fr", "2021-06-01", "Panne: le réseau hors service",
		"Le réseau est hors service, hors service depuis la panne; coupure, interruption.", out))
	fast := openReader(t, dir)
	full := openReader(t, dir)
	full.fullTopK = true
	ctx := context.Background()
	for _, limit := range []int{1, 3, 10} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			q := Query{Text: "panne", Limit: limit, Facets: true}
			got, want := searchFastFull(ctx, t, fast, full, q)
			sameExactly(t, got, want)
			if want.Hits[0].Article.ID != "late" {
				t.Fatalf("fixture: first hit %s, want late", want.Hits[0].Article.ID)
			}
		})
	}
}
