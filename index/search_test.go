package index

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"outages/corpus"
)

func fixtureReader(t *testing.T) *Reader {
	t.Helper()
	dir := t.TempDir()
	writeIndex(t, dir, Options{}, fixtures()...)
	return openReader(t, dir)
}

func TestAnalyzersPerLanguage(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{},
		art("p1", "fr", "2024-01-02", "Titre", "Les pannes se multiplient."),
		art("p2", "fr", "2024-01-02", "Titre", "Un message de l'opérateur."),
		art("e1", "en", "2024-01-02", "Title", "A short outage this morning."),
		art("a1", "ar", "2024-01-02", "عنوان", "سجلت المدينة انقطاعًا طويلا."),
		art("a2", "ar", "2024-01-02", "عنوان", "تواصل الانقطاع منذ الصباح."),
		art("a3", "ar", "2024-01-02", "عنوان", "تأخر الإصلاح والانقطاع مستمر."),
	)
	r := openReader(t, dir)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"fr plural", "panne", []string{"p1"}},
		{"fr elision", "opérateur", []string{"p2"}},
		{"fr elided query", "l'opérateur", []string{"p2"}},
		{"en plural query", "outages", []string{"e1"}},
		{"ar forms", "انقطاع", []string{"a1", "a2", "a3"}},
		{"ar definite query", "الانقطاع", []string{"a1", "a2", "a3"}},
		{"fielded body", "body:pannes", []string{"p1"}},
		{"phrase fr", `"l'opérateur"`, []string{"p2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(t, r, Query{Text: tt.text, ExactLang: true})
			if !sameIDs(got, tt.want) {
				t.Errorf("%q: got %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestCrossLanguage(t *testing.T) {
	r := fixtureReader(t)
	tests := []struct {
		name  string
		q     Query
		want  []string // must be among the hits
		never []string // must not be among the hits
	}{
		{"outage finds fr and ar", Query{Text: "outage"}, []string{"fr1", "ar1", "ar2", "en1", "en2"}, []string{"fr3", "en3"}},
		{"panne finds en and ar", Query{Text: "panne"}, []string{"en1", "ar1", "ar3"}, []string{"fr3", "en3"}},
		{"انقطاع finds fr and en", Query{Text: "انقطاع"}, []string{"fr1", "en1"}, []string{"fr3"}},
		{"cyberattack finds fr", Query{Text: "cyberattack"}, []string{"fr2"}, []string{"en1"}},
		{"exact outage stays en", Query{Text: "outage", ExactLang: true}, []string{"en1"}, []string{"fr1", "ar1", "ar2"}},
		{"exact panne stays fr", Query{Text: "panne", ExactLang: true}, []string{"fr1"}, []string{"en1", "ar1"}},
		{"service name any language", Query{Text: "sonelgaz"}, []string{"ar2"}, []string{"fr1"}},
		{"service alias phrase", Query{Text: `"amazon web services"`}, []string{"en1"}, []string{"en2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(t, r, tt.q)
			set := map[string]bool{}
			for _, id := range got {
				set[id] = true
			}
			for _, id := range tt.want {
				if !set[id] {
					t.Errorf("%+v: %s missing from %v", tt.q, id, got)
				}
			}
			for _, id := range tt.never {
				if set[id] {
					t.Errorf("%+v: %s unexpected in %v", tt.q, id, got)
				}
			}
		})
	}
}

func TestFilters(t *testing.T) {
	r := fixtureReader(t)
	tests := []struct {
		name string
		q    Query
		want []string
	}{
		{"all", Query{}, []string{"ar1", "ar2", "ar3", "en1", "en2", "en3", "fr1", "fr2", "fr3"}},
		{"lang", Query{Langs: []string{"ar"}}, []string{"ar1", "ar2", "ar3"}},
		{"two langs", Query{Langs: []string{"fr", "EN"}, OutagesOnly: true}, []string{"en1", "en2", "fr1", "fr2"}},
		{"cause", Query{Causes: []string{corpus.CauseWeatherDisaster}}, []string{"ar2", "en2"}},
		{"service canonical", Query{Services: []string{"aws"}}, []string{"en1"}},
		{"service alias", Query{Services: []string{"Amazon Web Services"}}, []string{"en1"}},
		{"kind", Query{Kinds: []string{corpus.KindPower}}, []string{"ar2", "en2"}},
		{"since", Query{Since: "2024-08-01"}, []string{"ar1", "ar2"}},
		{"until", Query{Until: "2024-05-31"}, []string{"ar3", "fr2"}},
		{"since until inclusive", Query{Since: "2024-07-02", Until: "2024-07-20"}, []string{"en1", "fr1"}},
		{"min duration", Query{MinDuration: 300}, []string{"ar1", "ar2", "en2"}},
		{"min duration inclusive", Query{MinDuration: 180, Langs: []string{"fr"}}, []string{"fr1"}},
		{"outages only", Query{OutagesOnly: true, Langs: []string{"en"}}, []string{"en1", "en2"}},
		{"text and filter", Query{Text: "réseau", Langs: []string{"fr"}}, []string{"fr1"}},
		{"outage concept and filter", Query{Text: "outage", Langs: []string{"fr"}}, []string{"fr1", "fr2"}}, // fr2 reports an outage in other words
		{"must not", Query{Text: "-lang:ar -lang:en"}, []string{"fr1", "fr2", "fr3"}},
		{"must and should", Query{Text: "+cause:cyberattack mairie"}, []string{"fr2"}},
		{"field range", Query{Text: "duration:>=600"}, []string{"ar1", "ar2"}},
		{"start range", Query{Text: `start:<"2024-01-01"`}, []string{"fr2"}},
		{"start month", Query{Text: "start:2024-08"}, []string{"ar1", "ar2"}},
		{"published year", Query{Text: "published:2023"}, []string{"fr2"}},
		{"kind field", Query{Text: "kind:cloud"}, []string{"en1"}},
		{"kind regexp", Query{Text: "kind:/clo.*/"}, []string{"en1"}},
		{"cause wildcard", Query{Text: "cause:cyber*"}, []string{"fr2"}},
		{"month field", Query{Text: "month:2024-08"}, []string{"ar1", "ar2"}},
		{"duration bucket", Query{Text: `duration_bucket:\>24h`}, []string{"ar2"}},
		{"service wildcard", Query{Text: "service:ooredo*"}, []string{"ar3"}},
		{"is_outage false", Query{Text: "is_outage:false"}, []string{"en3", "fr3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ids(t, r, tt.q)
			if !sameIDs(got, tt.want) {
				t.Errorf("%+v: got %v, want %v", tt.q, got, tt.want)
			}
		})
	}
}

func countsString(cs []Count) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.Key)
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(c.Count))
	}
	return b.String()
}

func TestFacets(t *testing.T) {
	r := fixtureReader(t)
	res, err := r.Search(context.Background(), Query{Facets: true, OutagesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 7 {
		t.Errorf("total %d, want 7", res.Total)
	}
	tests := []struct {
		name string
		got  []Count
		want string
	}{
		{"lang", res.Facets.Lang, "ar=3 en=2 fr=2"},
		{"kind", res.Facets.Kind, "power=2 telecom=2 cloud=1 internet=1 online_service=1"},
		{"cause", res.Facets.Cause, "hardware_failure=2 weather_disaster=2 cable_cut=1 cyberattack=1 software_change=1 unknown=1"},
		{"month", res.Facets.Month, "2023-12=1 2024-05=1 2024-07=3 2024-08=2"},
		{"duration", res.Facets.Duration, "<30m=1 30m-2h=2 2h-6h=2 6h-24h=1 >24h=1 unknown=1"},
		{"service", res.Facets.Service, "AWS=1 Algérie Télécom=1 Coastal Grid=1 Mobilis=1 Ooredoo=1 Sonelgaz=1 Ville de Lyon=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := countsString(sortTies(tt.got)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// sortTies orders counts by decreasing count then key, except when they
// are already in a fixed order (month, duration): it keeps those.
func sortTies(cs []Count) []Count {
	out := append([]Count(nil), cs...)
	fixed := len(out) > 0 && (strings.HasPrefix(out[0].Key, "20") || strings.HasPrefix(out[0].Key, "<"))
	if fixed {
		return out
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0; j-- {
			a, b := out[j-1], out[j]
			if a.Count < b.Count || (a.Count == b.Count && a.Key > b.Key) {
				out[j-1], out[j] = b, a
			}
		}
	}
	return out
}

func TestStatsCountOutages(t *testing.T) {
	r := fixtureReader(t)
	tests := []struct {
		by   string
		q    Query
		want string
	}{
		{"lang", Query{}, "ar=3 en=3 fr=2"},
		{"cause", Query{Langs: []string{"en"}}, "hardware_failure=1 software_change=1 weather_disaster=1"},
		{"service", Query{Langs: []string{"en"}}, "Coastal Grid=2 AWS=1"},
		{"month", Query{Kinds: []string{"power"}}, "2024-07=2 2024-08=1"},
		{"kind", Query{}, "power=3 telecom=2 cloud=1 internet=1 online_service=1"},
	}
	for _, tt := range tests {
		t.Run(tt.by, func(t *testing.T) {
			got, err := r.Stats(context.Background(), tt.q, tt.by)
			if err != nil {
				t.Fatal(err)
			}
			if s := countsString(got); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
	if _, err := r.Stats(context.Background(), Query{}, "colour"); err == nil {
		t.Error("stats by an unknown dimension: no error")
	}
}

func TestHighlight(t *testing.T) {
	r := fixtureReader(t)
	tests := []struct {
		name string
		q    Query
		id   string
		want string // a marked fragment the snippet must contain
	}{
		{"fr stem", Query{Text: "panne", ExactLang: true}, "fr1", SnippetStart + "pannes" + SnippetEnd},
		{"ar form", Query{Text: "انقطاع", ExactLang: true}, "ar2", SnippetStart + "الانقطاع" + SnippetEnd},
		{"cross language", Query{Text: "panne", Langs: []string{"en"}}, "en1", SnippetStart + "outage" + SnippetEnd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Highlight = true
			res, err := r.Search(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				if h.Article.ID != tt.id {
					continue
				}
				if !strings.Contains(h.Snippet, tt.want) {
					t.Errorf("snippet %q lacks %q", h.Snippet, tt.want)
				}
				return
			}
			t.Errorf("%s not found", tt.id)
		})
	}
}

func TestSearchReturnsWholeArticle(t *testing.T) {
	r := fixtureReader(t)
	res, err := r.Search(context.Background(), Query{Text: "service:aws"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("%d hits", len(res.Hits))
	}
	a := res.Hits[0].Article
	var want *corpus.Article
	for _, f := range fixtures() {
		if f.ID == "en1" {
			want = f
		}
	}
	if a.Body != want.Body || a.URL != want.URL || len(a.Outages) != 1 ||
		*a.Outages[0].DurationMin != 45 || a.Outages[0].Aliases[0] != "Amazon Web Services" {
		t.Errorf("article not returned whole: %+v", a)
	}
}

func TestMalformedQuery(t *testing.T) {
	r := fixtureReader(t)
	tests := []struct {
		text string
		pos  int
	}{
		{`panne "réseau mobile`, 6},
		{`title:`, 6},
		{`+`, 1},
		{`panne^x`, 5},
		{`colour:red`, 0},
		{`outage duration:>abc`, 17},
		{`start:>"yesterday"`, 7},
		{`a~9`, 1},
		{`x:y`, 0},
		{`lang:fr published:20x4`, 18},
		{`panne \`, 6},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			_, err := r.Search(context.Background(), Query{Text: tt.text})
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("got %v, want a *QueryError", err)
			}
			if qe.Pos != tt.pos {
				t.Errorf("position %d, want %d (%v)", qe.Pos, tt.pos, qe)
			}
			if !strings.Contains(qe.Error(), "position") {
				t.Errorf("message %q does not name the position", qe.Error())
			}
		})
	}
	if _, err := r.Search(context.Background(), Query{Since: "July"}); err == nil {
		t.Error("bad Since: no error")
	}
}

func TestNoIndex(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); !errors.Is(err, ErrNoIndex) {
		t.Errorf("Open: %v, want ErrNoIndex", err)
	}
	if _, err := ReadMeta(dir); !errors.Is(err, ErrNoIndex) {
		t.Errorf("ReadMeta: %v, want ErrNoIndex", err)
	}
}

func TestEmptyIndex(t *testing.T) {
	dir := t.TempDir()
	writeIndex(t, dir, Options{})
	r := openReader(t, dir)
	ctx := context.Background()
	res, err := r.Search(ctx, Query{Text: "panne", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 || len(res.Hits) != 0 {
		t.Errorf("empty index: %+v", res)
	}
	if err := r.Each(ctx, Query{}, func(*corpus.Article) error { return errors.New("called") }); err != nil {
		t.Error(err)
	}
	if got, err := r.Stats(ctx, Query{}, "cause"); err != nil || len(got) != 0 {
		t.Errorf("stats = %v, %v", got, err)
	}
}
