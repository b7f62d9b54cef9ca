package index

import (
	"context"
	"reflect"
	"testing"

	"outages/corpus"
)

// TestPrunedPartitions: a query with Since or Until searches only the
// partitions holding an outage start in the span, and answers as a search
// of every partition: hits, total, facets, stats and Each.
func TestPrunedPartitions(t *testing.T) {
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 500; i++ {
		arts = append(arts, synthArticle(i, 200)) // 2016-2025, start = published
	}
	arts = append(arts,
		// published in 2026 about an outage of December 2014: the 2026
		// partition must be searched for 2014
		art("late", "fr", "2026-01-03", "Panne de fin d'année", "Retour sur la panne du réseau.",
			outageSpec{service: "Orange", kind: corpus.KindTelecom, start: "2014-12-30", cause: corpus.CausePower}),
		art("undated", "en", "", "Outage", "An outage of the network.",
			outageSpec{service: "AWS", kind: corpus.KindCloud, start: "2013-05-01", cause: corpus.CauseNetwork}),
	)
	writeIndex(t, dir, Options{BatchSize: 47}, arts...)
	pruned := openReader(t, dir)
	all := openReader(t, dir)
	all.allPartitions = true
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		q     Query
		parts int // partitions searched (of 12: 2016-2026 and undated)
	}{
		{"no dates", Query{Text: "panne"}, 12},
		{"one year", Query{Text: "panne", Since: "2019-01-01", Until: "2019-12-31"}, 1},
		{"four years", Query{Text: "outage", Langs: []string{"en"}, Since: "2020-01-01", Until: "2023-12-31", OutagesOnly: true}, 4},
		{"cross partition", Query{Text: "panne", Since: "2014-12-01", Until: "2014-12-31"}, 1},
		{"since only", Query{Since: "2024-06-01"}, 2},
		{"until only", Query{Text: "réseau", Until: "2016-03-31"}, 3},
		{"one day", Query{Since: "2014-12-30", Until: "2014-12-30"}, 1},
		{"day after", Query{Since: "2014-12-31", Until: "2014-12-31"}, 0},
		{"undated article", Query{Text: "outage", Until: "2013-12-31"}, 1},
		{"before everything", Query{Text: "panne", Until: "2000-01-01"}, 0},
		{"empty span", Query{Since: "2020-01-02", Until: "2020-01-01"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := pruned.compile(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			parts, err := pruned.partitions(c)
			if err != nil {
				t.Fatal(err)
			}
			if len(parts) != tc.parts {
				t.Errorf("%d partitions searched, want %d", len(parts), tc.parts)
			}
			for _, page := range []Query{{Limit: 1000, Facets: true}, {Limit: 7, Offset: 5, Facets: true, Highlight: true}} {
				q := tc.q
				q.Limit, q.Offset, q.Facets, q.Highlight = page.Limit, page.Offset, page.Facets, page.Highlight
				got, err := pruned.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := all.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				sameResult(t, got, want, q)
			}
			for _, by := range []string{"month", "cause"} {
				got, err := pruned.Stats(ctx, tc.q, by)
				if err != nil {
					t.Fatal(err)
				}
				want, err := all.Stats(ctx, tc.q, by)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("stats by %s: %v, want %v", by, got, want)
				}
			}
			each := func(r *Reader) []string {
				var ids []string
				if err := r.Each(ctx, tc.q, func(a *corpus.Article) error { ids = append(ids, a.ID); return nil }); err != nil {
					t.Fatal(err)
				}
				return ids
			}
			if got, want := each(pruned), each(all); !reflect.DeepEqual(got, want) {
				t.Errorf("Each: %d articles, want %d", len(got), len(want))
			}
		})
	}
}
