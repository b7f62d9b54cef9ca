package index

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"outages/corpus"
)

// TestCountry: the country filter, facet and stats dimension.
func TestCountry(t *testing.T) {
	spec := outageSpec{kind: corpus.KindPower, start: "2024-07-02", cause: corpus.CauseUnknown}
	a1 := art("c1", "fr", "2024-07-03", "Panne", "Panne de courant.", spec)
	a1.Outages[0].Service, a1.Outages[0].Country = "Enedis", []string{"FR"}
	a2 := art("c2", "ar", "2024-07-03", "انقطاع", "انقطاع الكهرباء.", spec, spec)
	a2.Outages[0].Service, a2.Outages[0].Country = "Power grid (Egypt)", []string{"EG"}
	a2.Outages[1].Service, a2.Outages[1].Country = "Power grid (Sudan)", []string{"SD", "EG"}
	a3 := art("c3", "en", "2024-07-03", "Outage", "A cut.", spec)
	a3.Outages[0].Service = "Somewhere"
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, a1, a2, a3)
	r := openReader(t, dir)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		q    []string
		want string
	}{
		{"one country", []string{"fr"}, "[c1]"},
		{"upper case", []string{"EG"}, "[c2]"},
		{"any of two", []string{"FR", "SD"}, "[c1 c2]"},
		{"none", []string{"US"}, "[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := r.Search(ctx, Query{Countries: tc.q, Limit: 10})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, h := range res.Hits {
				ids = append(ids, h.Article.ID)
			}
			sort.Strings(ids)
			if got := fmt.Sprint(ids); got != tc.want && !(tc.want == "[]" && len(ids) == 0) {
				t.Errorf("got %v, want %s", ids, tc.want)
			}
		})
	}
	res, err := r.Search(ctx, Query{Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := countsString(res.Facets.Country); got != "EG=1 FR=1 SD=1" {
		t.Errorf("facet = %s", got)
	}
	st, err := r.Stats(ctx, Query{}, "country")
	if err != nil {
		t.Fatal(err)
	}
	if got := countsString(st); got != "EG=2 FR=1 SD=1 unknown=1" {
		t.Errorf("stats = %s", got)
	}
}
