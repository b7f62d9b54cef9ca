package index

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"outages/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestSearchGolden renders hits, snippets and facets of a set of queries
// over the fixtures and compares them with testdata/search.golden.
func TestSearchGolden(t *testing.T) {
	r := fixtureReader(t)
	queries := []Query{
		{Text: "panne", Highlight: true},
		{Text: "outage", Highlight: true, Facets: true},
		{Text: "انقطاع", Highlight: true, ExactLang: true},
		{Text: `"coupure de courant" cyberattaque`, Highlight: true},
		{Text: "+kind:power storm", Highlight: true},
		{Text: "panne* OR انقطا*", Highlight: true},
		{Text: "(outage OR storm) AND NOT lang:ar", Highlight: true},
	}
	var b strings.Builder
	for _, q := range queries {
		res, err := r.Search(context.Background(), q)
		if err != nil {
			t.Fatalf("%q: %v", q.Text, err)
		}
		fmt.Fprintf(&b, "## %q exact=%v: %d hits\n", q.Text, q.ExactLang, res.Total)
		for _, h := range res.Hits {
			s := strings.NewReplacer(SnippetStart, "[", SnippetEnd, "]").Replace(h.Snippet)
			fmt.Fprintf(&b, "%s\t%s\n", h.Article.ID, s)
		}
		if q.Facets {
			f := res.Facets
			for _, row := range []struct {
				name string
				cs   []Count
			}{{"lang", f.Lang}, {"cause", f.Cause}, {"kind", f.Kind}, {"month", f.Month}, {"duration", f.Duration}, {"service", f.Service}} {
				fmt.Fprintf(&b, "facet %s: %s\n", row.name, countsString(sortTies(row.cs)))
			}
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "search.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update after checking):\n%s", path, got)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("panne", "fr", "Les pannes du réseau. Une autre panne.")
	f.Add("انقطاع", "ar", "سجلت المدينة انقطاعًا طويلا والانقطاع مستمر")
	f.Add("outage", "en", strings.Repeat("word ", 100)+"outage"+strings.Repeat(" more", 100))
	im, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	e := newExpander(im)
	f.Fuzz(func(t *testing.T, q, lang, body string) {
		root, err := parseQuery(q, false)
		if err != nil {
			return
		}
		h := newHighlighter(e, root, false)
		s := h.snippet(&corpus.Article{Lang: lang, Body: body})
		if utf8.ValidString(body) && !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 snippet %q", s)
		}
		if strings.Count(s, SnippetStart) != strings.Count(s, SnippetEnd) {
			t.Fatalf("unbalanced markers in %q", s)
		}
	})
}
