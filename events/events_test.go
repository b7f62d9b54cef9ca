package events

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"outages/corpus"
)

// art builds an article with one outage per spec "service@start".
func art(id, lang, published string, outs ...string) Article {
	a := Article{ID: id, URL: "https://news.example.test/" + id, Title: "title " + id, Lang: lang, Source: "src-" + lang, Published: published}
	for _, s := range outs {
		svc, start, _ := strings.Cut(s, "@")
		kind := corpus.KindOnlineService
		var country []string
		if i := strings.Index(svc, "#"); i >= 0 {
			kind, country = corpus.KindTelecom, strings.Split(svc[i+1:], ",")
			svc = svc[:i]
		}
		a.Outages = append(a.Outages, corpus.Outage{Service: svc, Kind: kind, Start: start, Cause: corpus.CauseUnknown, Country: country})
	}
	return a
}

func withAliases(a Article, aliases ...string) Article {
	a.Outages[0].Aliases = aliases
	return a
}

func withText(a Article, text string) Article {
	a.Terms = Terms(a.Title, text)
	return a
}

// groups returns the article ids of each event (main outages only), sorted.
func groups(evs []Event) []string {
	var out []string
	for _, e := range evs {
		var ids []string
		for _, a := range e.Articles {
			ids = append(ids, a.ID)
		}
		sort.Strings(ids)
		out = append(out, strings.Join(ids, ","))
	}
	sort.Strings(out)
	return out
}

func TestGroup(t *testing.T) {
	parents := map[string]string{"Instagram": "Meta", "WhatsApp": "Meta"}
	tests := []struct {
		name string
		arts []Article
		want []string
	}{
		{"same service, same day, three languages", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "ar", "2024-03-15", "Bavard@2024-03-14"),
			art("a3", "en", "2024-03-14", "bavard@2024-03-13"),
		}, []string{"a1,a2,a3"}},
		{"a service named by another's alias is that service", []Article{
			withAliases(art("a1", "fr", "2024-03-14", "Rogers Communications@2024-03-14"), "Rogers"),
			art("a2", "en", "2024-03-14", "Rogers@2024-03-14"),
			art("a3", "en", "2024-03-15", "Communications@2024-03-15"),
		}, []string{"a1,a2", "a3"}},
		{"same service on other dates stays apart", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "en", "2024-05-02", "Bavard@2024-05-01"),
			art("a3", "en", "2024-03-20", "Bavard@2024-03-19"),
		}, []string{"a1", "a2", "a3"}},
		{"accents, case and a generic word fold to one service", []Article{
			art("a1", "fr", "2024-03-14", "Télé Réseau@2024-03-14"),
			art("a2", "en", "2024-03-14", "tele reseau app@2024-03-14"),
		}, []string{"a1,a2"}},
		{"unknown start: the publication day within the report lag", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "en", "2024-03-18", "Bavard@"),
			art("a3", "en", "2024-06-18", "Bavard@"),
		}, []string{"a1,a2", "a3"}},
		{"month-day start takes the publication year", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "ar", "2024-03-16", "Bavard@XXXX-03-14"),
		}, []string{"a1,a2"}},
		{"undated mentions group together, never with a dated event", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "en", "", "Bavard@"),
			art("a3", "ar", "", "bavard@"),
		}, []string{"a1", "a2,a3"}},
		{"month-only publication joins the event of that month or the month before", []Article{
			art("a1", "fr", "2024-03-30", "Bavard@2024-03-29"),
			art("a2", "en", "2024-04", "Bavard@"),
			art("a3", "en", "2024-07", "Bavard@"),
		}, []string{"a1,a2", "a3"}},
		{"services reported together by two articles are one incident", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14", "Kiosque@2024-03-14"),
			art("a2", "en", "2024-03-14", "Kiosque@2024-03-14", "Bavard@2024-03-14"),
			art("a3", "ar", "2024-03-14", "Kiosque@2024-03-14"),
		}, []string{"a1,a2,a3"}},
		{"services reported together by one article only stay apart", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14", "Kiosque@2024-03-14"),
			art("a3", "ar", "2024-03-14", "Kiosque@2024-03-14"),
		}, []string{"a1", "a1,a3"}},
		{"undated mention with two candidate events stays alone", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"),
			art("a2", "fr", "2024-09-14", "Bavard@2024-09-14"),
			art("a3", "en", "", "Bavard@"),
		}, []string{"a1", "a2", "a3"}},
		{"product and parent reported together are one incident", []Article{
			art("a1", "fr", "2024-03-14", "Instagram@2024-03-14"),
			art("a2", "en", "2024-03-14", "Meta@2024-03-14", "Instagram@2024-03-14"),
			art("a3", "ar", "2024-03-14", "Meta@2024-03-14"),
		}, []string{"a1,a2,a3"}},
		{"parent and product never reported together stay apart", []Article{
			art("a1", "fr", "2024-03-14", "Instagram@2024-03-14"),
			art("a2", "ar", "2024-03-14", "Meta@2024-03-14"),
		}, []string{"a1", "a2"}},
		{"an undated article joins the incident whose articles share its rare words", []Article{
			withText(art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"), "Panne de Bavard à Lyon : le datacenter de Vaise inondé"),
			withText(art("a2", "fr", "2024-09-02", "Bavard@2024-09-02"), "Bavard coupé par une grève des techniciens de Marseille"),
			withText(art("a3", "en", "", "Bavard@"), "Bavard outage: flooded Vaise datacenter in Lyon"),
			withText(art("a4", "en", "2024-05-05", "Kiosque@2024-05-05"), "Kiosque down for the weekend"),
			withText(art("a5", "en", "2024-06-05", "Souk@2024-06-05"), "Souk stops taking orders"),
		}, []string{"a1,a3", "a2", "a4", "a5"}},
		{"an undated article sharing only common words stays apart", []Article{
			withText(art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"), "Panne de Bavard à Lyon : le datacenter de Vaise inondé"),
			withText(art("a2", "fr", "2024-09-02", "Bavard@2024-09-02"), "Bavard coupé par une grève des techniciens de Marseille"),
			withText(art("a3", "en", "", "Bavard@"), "Bavard outage for users"),
		}, []string{"a1", "a2", "a3"}},
		{"a product's outage today and its parent's years ago stay apart", []Article{
			art("a1", "fr", "2024-03-14", "Instagram@2024-03-14", "Meta@2014-06-02"),
			art("a2", "en", "2014-06-02", "Meta@2014-06-02"),
		}, []string{"a1", "a1,a2"}},
		{"services reported together, one of them years before, stay apart", []Article{
			art("a1", "fr", "2024-03-14", "Bavard@2024-03-14", "Kiosque@2019-01-10"),
			art("a2", "en", "2024-03-15", "Bavard@2024-03-14", "Kiosque@2019-01-10"),
			art("a3", "ar", "2019-01-10", "Kiosque@2019-01-10"),
		}, []string{"a1,a2", "a1,a2,a3"}},
		{"national networks of different countries stay apart", []Article{
			art("a1", "fr", "2024-03-14", "Orange#FR@2024-03-14"),
			art("a2", "fr", "2024-03-14", "Orange#SN@2024-03-14"),
			art("a3", "en", "2024-03-14", "Orange#FR@2024-03-14"),
		}, []string{"a1,a3", "a2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := groups(Group(tc.arts, Options{Parents: parents}))
			// a secondary mention puts its article in a second event: keep
			// the events that hold an article's main outage.
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	d := 120
	a := []Article{
		art("a1", "fr", "2024-03-15", "Bavard@2024-03-14"),
		art("a2", "ar", "2024-03-14", "Bavard@2024-03-14"),
		art("a3", "en", "2024-03-16", "Bavard@2024-03-13"),
	}
	a[0].Outages[0].Cause = corpus.CauseSoftwareChange
	a[1].Outages[0].Cause = corpus.CauseSoftwareChange
	a[2].Outages[0].Cause = corpus.CauseCyberattack
	a[0].Outages[0].DurationMin, a[0].Outages[0].DurationKind = &d, corpus.DurationApprox
	evs := Group(a, Options{})
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1", len(evs))
	}
	e := evs[0]
	if e.Start != "2024-03-14" || e.Cause != corpus.CauseSoftwareChange || fmt.Sprint(e.CauseAlt) != "[cyberattack]" ||
		e.FirstReport != "2024-03-14" || e.LastReport != "2024-03-16" || e.NArticles != 3 ||
		fmt.Sprint(e.Languages) != "[ar en fr]" || e.DurationMin == nil || *e.DurationMin != 120 {
		t.Errorf("summary: %+v", e)
	}
}

// TestStableIDs: ids do not change when later runs add articles, in any
// order, and regrouping the same articles gives the same ids.
func TestStableIDs(t *testing.T) {
	first := []Article{
		art("m1", "fr", "2024-03-14", "Bavard@2024-03-14"),
		art("m2", "en", "2024-05-02", "Bavard@2024-05-01"),
		art("m3", "ar", "2024-03-14", "Kahraba#LB@2024-03-14"),
	}
	later := []Article{
		art("a0", "en", "2024-03-13", "Bavard@2024-03-12"), // earlier day, smaller id
		art("z9", "ar", "2024-05-03", "Bavard@2024-05-01"),
		art("m4", "fr", "2024-08-01", "Bavard@2024-08-01"), // a new incident
	}
	run1 := Group(first, Options{})
	again := Group([]Article{first[2], first[0], first[1]}, Options{})
	if fmt.Sprint(ids(run1)) != fmt.Sprint(ids(again)) {
		t.Fatalf("regrouping changed ids: %v → %v", ids(run1), ids(again))
	}
	run2 := Group(append(append([]Article(nil), first...), later...), Options{Previous: run1})
	byArticle := func(evs []Event) map[string]string {
		m := map[string]string{}
		for _, e := range evs {
			for _, a := range e.Articles {
				m[a.ID] = e.ID
			}
		}
		return m
	}
	b1, b2 := byArticle(run1), byArticle(run2)
	for _, id := range []string{"m1", "m2", "m3"} {
		if b1[id] != b2[id] {
			t.Errorf("article %s: event id %s became %s", id, b1[id], b2[id])
		}
	}
	if b2["a0"] != b2["m1"] || b2["z9"] != b2["m2"] {
		t.Errorf("added articles not grouped with their incident: %v", b2)
	}
	if b2["m4"] == b2["m1"] || b2["m4"] == b2["m2"] || b2["m4"] == "" {
		t.Errorf("a new incident must get a new id: %v", b2)
	}
	run3 := Group(append(append([]Article(nil), first...), later...), Options{Previous: run2})
	if fmt.Sprint(ids(run2)) != fmt.Sprint(ids(run3)) {
		t.Errorf("a run over the same articles changed ids: %v → %v", ids(run2), ids(run3))
	}
}

func ids(evs []Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, e.ID)
	}
	sort.Strings(out)
	return out
}

// BenchmarkGroup groups 100,000 articles: 2,000 services, incidents spread
// over four years, a third of the articles without a start day and a tenth
// without any date, each with its title and lede words.
func BenchmarkGroup(b *testing.B) {
	arts := make([]Article, 100000)
	for i := range arts {
		svc := fmt.Sprintf("Service %d", i%2000)
		day := 18000 + (i/2000)%1400
		start := dayString(day)
		if i%3 == 0 {
			start = ""
		}
		pub := dayString(day + i%4)
		if i%10 == 1 {
			pub, start = "", "" // undated: placed by its words
		}
		arts[i] = art(fmt.Sprintf("%032x", i), []string{"fr", "ar", "en"}[i%3], pub, svc+"@"+start)
		var words []string
		for k := range 40 {
			words = append(words, fmt.Sprintf("word%d", (i*7+k*13)%50000))
		}
		arts[i].Terms = Terms(arts[i].Title, strings.Join(words, " "))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		evs := Group(arts, Options{})
		if len(evs) == 0 {
			b.Fatal("no events")
		}
	}
	b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

func TestStamp(t *testing.T) {
	t1 := time.Date(2024, 3, 14, 2, 30, 0, 0, time.UTC)
	t2 := t1.Add(24 * time.Hour)
	run1 := Group([]Article{art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"), art("b1", "fr", "2024-03-10", "Kiosque@2024-03-10")}, Options{})
	Stamp(run1, nil, t1)
	run2 := Group([]Article{art("a1", "fr", "2024-03-14", "Bavard@2024-03-14"), art("a2", "en", "2024-03-14", "Bavard@2024-03-14"),
		art("b1", "fr", "2024-03-10", "Kiosque@2024-03-10"), art("c1", "ar", "2024-03-15", "Souk@2024-03-15")}, Options{Previous: run1})
	Stamp(run2, run1, t2)
	got := map[string]string{}
	for _, e := range run2 {
		got[e.Service] = e.FirstSeen[:10] + "/" + e.Updated[:10]
	}
	want := map[string]string{"Bavard": "2024-03-14/2024-03-15", "Kiosque": "2024-03-14/2024-03-14", "Souk": "2024-03-15/2024-03-15"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("first seen/updated = %v, want %v", got, want)
	}
}
