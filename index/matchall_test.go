package index

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"outages/corpus"
)

// TestMatchAllFast: a match-all query answered without scoring every
// article returns the page, total and facets of a full search.
func TestMatchAllFast(t *testing.T) {
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 600; i++ {
		arts = append(arts, synthArticle(i, 150))
	}
	// A partition without any outage report, and one with a single one
	// after many other articles.
	for i := 0; i < 40; i++ {
		arts = append(arts, art(fmt.Sprintf("u%02d", i), "en", "", "undated", "no date here"))
		arts = append(arts, art(fmt.Sprintf("o%02d", i), "fr", "2012-05-01", "ancien", "un vieil article"))
	}
	arts = append(arts, art("o-last", "fr", "2012-12-01", "panne ancienne", "une panne",
		outageSpec{service: "Orange", kind: corpus.KindTelecom, start: "2012-11-30", cause: corpus.CausePower}))
	writeIndex(t, dir, Options{BatchSize: 53}, arts...)
	fast := openReader(t, dir)
	full := openReader(t, dir)
	full.fullMatchAll = true
	ctx := context.Background()
	for _, q := range []Query{
		{},
		{Text: "*", Facets: true, Highlight: true},
		{Text: "*", Limit: 25, Offset: 40},
		{Text: "*", Limit: 100, Offset: 250, Facets: true},
		{Limit: 400, Offset: 200}, // past the outage reports
		{Limit: 1000},             // everything
	} {
		t.Run(fmt.Sprintf("%q limit %d offset %d", q.Text, q.Limit, q.Offset), func(t *testing.T) {
			got, err := fast.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := full.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
				t.Fatalf("total %d, %d hits; want %d, %d", got.Total, len(got.Hits), want.Total, len(want.Hits))
			}
			for i := range got.Hits {
				g, w := got.Hits[i], want.Hits[i]
				if g.Article.ID != w.Article.ID || g.Score != w.Score || g.Snippet != w.Snippet {
					t.Fatalf("hit %d: %s %v %q, want %s %v %q", i, g.Article.ID, g.Score, g.Snippet, w.Article.ID, w.Score, w.Snippet)
				}
			}
			if !reflect.DeepEqual(got.Facets, want.Facets) {
				t.Errorf("facets:\n got %+v\nwant %+v", got.Facets, want.Facets)
			}
		})
	}
	// Not match-all: the full path.
	for _, text := range []string{"-*", "* AND panne", "*^2"} {
		q, err := parseQuery(text, false)
		if err == nil && isMatchAll(q) {
			t.Errorf("%q taken for a match-all", text)
		}
	}
}
