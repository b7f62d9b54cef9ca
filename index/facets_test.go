package index

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"outages/corpus"
)

// TestFacetTableMatchesBleve checks the facet counts of Search against
// Bleve's own term facets over an index of several partitions, each of
// several segments, with replaced and deleted articles.
func TestFacetTableMatchesBleve(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 400; i++ {
		arts = append(arts, synthArticle(i, 300))
	}
	writeIndex(t, dir, Options{BatchSize: 37}, arts...)
	// Second generation: replace some articles (moving a few to another
	// month) and delete others, leaving deleted documents in segments.
	w, err := OpenWriter(ctx, dir, Options{BatchSize: 29})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 400; i += 7 {
		a := synthArticle(i+1000, 300)
		a.ID = arts[i].ID
		if err := w.Put(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for i := 3; i < 400; i += 11 {
		if err := w.Delete(ctx, arts[i].ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(ctx, Meta{}); err != nil {
		t.Fatal(err)
	}
	r := openReader(t, dir)
	for _, tc := range []struct {
		name string
		q    Query
	}{
		{"all", Query{}},
		{"term", Query{Text: "panne"}},
		{"cross-language", Query{Text: "outage"}},
		{"filters", Query{Text: "réseau", Langs: []string{"fr"}, OutagesOnly: true}},
		{"phrase", Query{Text: `"centre données"`}},
		{"none", Query{Text: "zzzznothing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Facets = true
			res, err := r.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			// Reference: Bleve's term facets over the same query.
			c, err := r.compile(q)
			if err != nil {
				t.Fatal(err)
			}
			req := bleve.NewSearchRequestOptions(c.q, 0, 0, false)
			req.AddFacet("all", bleve.NewFacetRequest(fFacets, 1<<20))
			ref, err := r.alias.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != ref.Total {
				t.Fatalf("total %d, Bleve %d", res.Total, ref.Total)
			}
			got := facetsString(res.Facets)
			want := facetsString(splitFacets(facetCounts(ref.Facets["all"])))
			if got != want {
				t.Errorf("facets\n got %s\nwant %s", got, want)
			}
		})
	}
}

func facetsString(f Facets) string {
	var b strings.Builder
	for _, cs := range [][]Count{f.Lang, f.Cause, f.Service, f.Kind, f.Month, f.Duration} {
		cs = append([]Count(nil), cs...)
		sort.Slice(cs, func(i, j int) bool { return cs[i].Key < cs[j].Key })
		fmt.Fprintf(&b, "%v;", cs)
	}
	return b.String()
}

// TestFacetsConcurrent runs facet searches from several goroutines on one
// reader (the facet tables are built once, on first use, concurrently).
func TestFacetsConcurrent(t *testing.T) {
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 120; i++ {
		arts = append(arts, synthArticle(i, 200))
	}
	writeIndex(t, dir, Options{}, arts...)
	r := openReader(t, dir)
	want, err := r.Search(context.Background(), Query{Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	r2 := openReader(t, dir)
	errs := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func() {
			res, err := r2.Search(context.Background(), Query{Facets: true})
			if err == nil && facetsString(res.Facets) != facetsString(want.Facets) {
				err = fmt.Errorf("facets differ: %s", facetsString(res.Facets))
			}
			errs <- err
		}()
	}
	for g := 0; g < 8; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestFacetTableSaved: the writer saves each partition's facet table, a
// reader loads it instead of building it, and a damaged or stale file is
// ignored (the table is built from the postings, counts unchanged).
func TestFacetTableSaved(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 300; i++ {
		arts = append(arts, synthArticle(i, 200))
	}
	writeIndex(t, dir, Options{BatchSize: 41}, arts...)
	files, err := filepath.Glob(filepath.Join(dir, "gen-*", partPrefix+"*", facetFile))
	if err != nil || len(files) < 2 {
		t.Fatalf("saved facet tables: %v %v, want one per partition", files, err)
	}
	want := facetsOf(t, dir)
	r := openReader(t, dir)
	for _, p := range r.parts {
		adv, err := p.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		ir, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		saved, ok := loadFacetTable(ir)
		built, err := buildFacetTable(ctx, ir)
		ir.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Fatalf("partition %s: saved table not loaded", p.Name())
		}
		if !reflect.DeepEqual(saved, built) {
			t.Errorf("partition %s: saved table differs from the built one", p.Name())
		}
	}
	r.Close()

	for _, tc := range []struct {
		name   string
		damage func(raw []byte) []byte
	}{
		{"truncated", func(raw []byte) []byte { return raw[:len(raw)/2] }},
		{"stale", func(raw []byte) []byte { return bytes.Replace(raw, []byte(".zap:"), []byte(".zop:"), 1) }},
		{"term out of range", func(raw []byte) []byte {
			out := bytes.Clone(raw)
			out[len(out)-1] = 0xff
			return out
		}},
		{"empty", func([]byte) []byte { return nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range files {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(f, tc.damage(raw), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.WriteFile(f, raw, 0o644) })
			}
			if got := facetsOf(t, dir); !reflect.DeepEqual(got, want) {
				t.Errorf("facets with %s tables:\n got %+v\nwant %+v", tc.name, got, want)
			}
		})
	}
}

// facetsOf returns the facets of a match-all and of a term query.
func facetsOf(t *testing.T, dir string) []Facets {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []Facets
	for _, q := range []Query{{Facets: true}, {Text: "panne", Facets: true}} {
		res, err := r.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res.Facets)
	}
	return out
}

// TestFacetTableUpgrade: a generation written without saved tables (by an
// older version) gets them for every partition at the next commit, even
// the partitions that commit does not write.
func TestFacetTableUpgrade(t *testing.T) {
	dir := t.TempDir()
	var arts []*corpus.Article
	for i := 0; i < 120; i++ {
		arts = append(arts, synthArticle(i, 100))
	}
	writeIndex(t, dir, Options{}, arts...)
	old, err := filepath.Glob(filepath.Join(dir, "gen-*", partPrefix+"*", facetFile))
	if err != nil || len(old) < 3 {
		t.Fatalf("saved tables: %v %v", old, err)
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	writeIndex(t, dir, Options{}, art("new", "en", "2025-06-01", "t", "b"))
	now, err := filepath.Glob(filepath.Join(dir, "gen-*", partPrefix+"*", facetFile))
	if err != nil || len(now) != len(old) {
		t.Errorf("after the next commit: %d saved tables, want %d (%v)", len(now), len(old), err)
	}
}
