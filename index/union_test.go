package index

import (
	"context"
	"fmt"
	"math"
	"os"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2/search/query"

	"outages/corpus"
)

// unionFixture writes an index of several partitions, each of several
// segments, with replaced and deleted articles, and returns its directory.
func unionFixture(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 900; i++ {
		arts = append(arts, synthArticle(i, 400))
	}
	arts = append(arts,
		art("hs1", "fr", "2019-03-02", "Réseau hors service", "Le réseau est hors service depuis ce matin, panne générale."),
		art("hs2", "ar", "2019-03-02", "عطل تقني", "عطل تقني في الشبكة وانقطاع الخدمة."),
		art("hs3", "en", "2019-03-02", "Outage", "The service was down and unavailable, a power outage."),
		art("hs4", "other", "2019-03-02", "Störung", "Eine Störung: panne, outage."),
		// the words of a phrase synonym apart, or in the other order
		art("hs5", "fr", "2019-03-03", "Un service rendu", "Un service rendu hors des heures, puis une coupure."),
		art("hs6", "ar", "2019-03-03", "عنوان", "عطل في الشبكة وخلل تقني وانقطاع."),
		art("hs7", "en", "2019-03-03", "Title", "Unavailable again: the service is not available, outage."),
		art("hs8", "fr", "2019-03-04", "Coupure de courant", "Une coupure de courant, puis une coupure du courant."),
	)
	writeIndex(t, dir, Options{BatchSize: 41}, arts...)
	w, err := OpenWriter(ctx, dir, Options{BatchSize: 29})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 900; i += 7 {
		a := synthArticle(i+5000, 400)
		a.ID = arts[i].ID
		if err := w.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for i := 3; i < 900; i += 11 {
		if err := w.Delete(ctx, arts[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(ctx, Meta{}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestUnionSameResults: text clauses answered by unionQuery give the hits,
// total, scores (to 1e-12), facets and stats of Bleve's disjunction.
func TestUnionSameResults(t *testing.T) {
	dir := unionFixture(t)
	fast := openReader(t, dir)
	plain := openReader(t, dir)
	plain.exp.plainUnion = true
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    Query
	}{
		{"term fr", Query{Text: "panne"}},
		{"term en", Query{Text: "outage"}},
		{"term ar", Query{Text: "انقطاع"}},
		{"phrase synonyms", Query{Text: "hors service"}},
		{"quoted phrase", Query{Text: `"hors service"`}},
		{"phrase with a stop word", Query{Text: `"coupure de courant"`}},
		{"arabic phrase", Query{Text: `"عطل تقني"`}},
		{"two words", Query{Text: "réseau panne"}},
		{"all words", Query{Text: "réseau panne", AllWords: true}},
		{"and not", Query{Text: "outage AND NOT power"}},
		{"boosted", Query{Text: "panne^3 coupure"}},
		{"must and should", Query{Text: "+internet storm"}},
		{"title", Query{Text: "title:panne"}},
		{"body", Query{Text: "body:outage"}},
		{"no synonyms", Query{Text: "panne", ExactLang: true}},
		{"fuzzy", Query{Text: "pane~1"}},
		{"facets", Query{Text: "panne", Facets: true, Highlight: true}},
		{"filters", Query{Text: "outage", Langs: []string{"en"}, Since: "2018-01-01", Until: "2022-12-31", OutagesOnly: true, Facets: true}},
		{"min duration", Query{Text: "réseau", MinDuration: 60, Facets: true}},
		{"page", Query{Text: "panne", Limit: 15, Offset: 30, Facets: true}},
		{"nothing", Query{Text: "zzzznothing", Facets: true}},
		{"cli term", Query{Text: "panne", Limit: 10, Facets: true, Highlight: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			if q.Limit == 0 {
				q.Limit = 1000 // every hit: the sets must be equal
			}
			searchBoth(ctx, t, fast, plain, q)
			gs, err := fast.Stats(ctx, tc.q, "cause")
			if err != nil {
				t.Fatal(err)
			}
			ws, err := plain.Stats(ctx, tc.q, "cause")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(gs, ws) {
				t.Errorf("stats by cause: %v, want %v", gs, ws)
			}
		})
	}
}

// sameResult compares two results: total, facets, and hits in order with
// scores equal to 1e-12 (relative); hits may trade places only when their
// scores are equal to that precision.
// searchBoth runs q on the fast and the plain reader and checks that they
// agree; it returns the fast reader's result.
func searchBoth(ctx context.Context, t *testing.T, fast, plain *Reader, q Query) *Result {
	t.Helper()
	got, err := fast.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := plain.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	sameResult(t, got, want, q)
	return got
}

func sameResult(t *testing.T, got, want *Result, q Query) {
	t.Helper()
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Fatalf("total %d, %d hits; want %d, %d", got.Total, len(got.Hits), want.Total, len(want.Hits))
	}
	if int(want.Total) > q.Offset && len(want.Hits) == 0 {
		t.Fatal("no hits to compare")
	}
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) }
	scores := map[string]float64{}
	for _, h := range want.Hits {
		scores[h.Article.ID] = h.Score
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if !close(g.Score, w.Score) {
			t.Fatalf("hit %d: %s score %v, want %s %v", i, g.Article.ID, g.Score, w.Article.ID, w.Score)
		}
		if g.Article.ID == w.Article.ID {
			if g.Snippet != w.Snippet {
				t.Errorf("hit %d: snippet %q, want %q", i, g.Snippet, w.Snippet)
			}
			continue
		}
		// a tie in another order: the hit must be in the other page with its score
		ws, ok := scores[g.Article.ID]
		if !ok && (i < len(got.Hits)-1 || int(want.Total) <= q.Offset+q.Limit) {
			t.Fatalf("hit %d: %s not among the hits", i, g.Article.ID)
		}
		if ok && !close(ws, g.Score) {
			t.Fatalf("hit %d: %s score %v, want %v", i, g.Article.ID, g.Score, ws)
		}
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		t.Errorf("facets:\n got %+v\nwant %+v", got.Facets, want.Facets)
	}
}

// TestUnionUsed: a cross-language word is answered by unionQuery (within
// a rankedQuery), a short disjunction by Bleve's.
func TestUnionUsed(t *testing.T) {
	r := fixtureReader(t)
	for _, tc := range []struct {
		text  string
		union bool
	}{
		{"panne", true},
		{"outage", true},
		{"zzzz", false}, // no synonyms: 8 fields and the services
		{"title:coupure", true},
		{`"hors service"`, true}, // a phrase synonym of outage
	} {
		t.Run(tc.text, func(t *testing.T) {
			c, err := r.compile(Query{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			var walk func(q query.Query)
			walk = func(q query.Query) {
				switch q := q.(type) {
				case *unionQuery:
					found = true
				case *rankedQuery:
					walk(q.union)
				case *query.BooleanQuery:
					if q.Must != nil {
						walk(q.Must)
					}
				case *query.DisjunctionQuery:
					for _, d := range q.Disjuncts {
						walk(d)
					}
				}
			}
			walk(c.q)
			if found != tc.union {
				t.Errorf("%q: union %v, want %v (%s)", tc.text, found, tc.union, fmt.Sprintf("%T", c.q))
			}
		})
	}
}

// TestUnionSameResultsLarge compares the two paths on a large synthetic
// index (OUTAGES_BENCH_INDEX_DIR, see bench_test.go): the benchmark
// queries, first 500 hits, total and facets; partitions pruned or not.
func TestUnionSameResultsLarge(t *testing.T) {
	dir := os.Getenv("OUTAGES_BENCH_INDEX_DIR")
	if dir == "" {
		t.Skip("set OUTAGES_BENCH_INDEX_DIR to an index built by TestBuildSyntheticIndex")
	}
	fast := openReader(t, dir)
	plain := openReader(t, dir)
	plain.exp.plainUnion, plain.allPartitions = true, true
	ctx := context.Background()
	for _, bq := range benchQueries {
		t.Run(bq.name, func(t *testing.T) {
			q := bq.q
			q.Limit, q.Facets = 500, true
			got := searchBoth(ctx, t, fast, plain, q)
			t.Logf("%d hits", got.Total)
		})
	}
}
