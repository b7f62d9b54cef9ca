package events

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"outages/corpus"
)

// archiveGen makes random-ish archives whose articles collide often: few
// services (some aliases of others, some with parents, some national
// networks), start days over a few weeks, month-day and month starts,
// undated articles, several outages per article, many plain services, words from a small
// vocabulary with rare ones.
type archiveGen struct {
	r     *rand.Rand
	next  int
	days  int  // start days spread over this many days
	weak  int  // one article in weak has no publication day
	churn int  // a batch removes one article in churn and changes another
	late  bool // a batch's articles are of its last 60 days (a nightly run)
	spell bool // aliases and services spelled several ways that fold to one key
	names []string
}

func newArchiveGen(seed uint64, days, weak int) *archiveGen {
	return &archiveGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), days: days, weak: weak, churn: 60, names: []string{
		"Bavard", "Kiosque", "Souk", "Rogers", "Rogers Communications", "Instagram", "WhatsApp", "Meta",
		"Power grid (Lebanon)", "EDL", "Orange", "Free", "Djezzy", "Mobilis", "Ooredoo", "Cloudbox",
		"Paybank", "Streamo", "Vodafone", "Power grid (Ghana)",
	}}
}

var genParents = map[string]string{"Instagram": "Meta", "WhatsApp": "Meta"}

func (g *archiveGen) outage() corpus.Outage {
	r := g.r
	svc := g.names[r.IntN(len(g.names))]
	if r.IntN(3) > 0 {
		f := r.Float64()
		svc = fmt.Sprintf("Service %d", int(f*f*150))
	}
	o := corpus.Outage{Service: svc, Kind: corpus.KindOnlineService, Cause: corpus.CauseUnknown}
	switch svc {
	case "Power grid (Lebanon)", "EDL":
		o.Kind, o.Country = corpus.KindPower, []string{"LB"}
	case "Power grid (Ghana)":
		o.Kind, o.Country = corpus.KindPower, []string{"GH"}
	case "Orange", "Vodafone":
		o.Kind, o.Country = corpus.KindTelecom, []string{[]string{"FR", "EG", "TN"}[r.IntN(3)]}
	case "Rogers Communications":
		if r.IntN(2) == 0 {
			o.Aliases = []string{"Rogers"}
		}
	}
	if g.spell {
		o.Service = spellings(o.Service)[r.IntN(3)]
		for i, al := range o.Aliases {
			o.Aliases[i] = spellings(al)[r.IntN(3)]
		}
	}
	if r.IntN(4) == 0 {
		o.Cause = corpus.Causes()[r.IntN(len(corpus.Causes()))]
	}
	return o
}

// spellings are three ways of writing a service name with one key.
func spellings(name string) []string {
	return []string{name, strings.ToUpper(name) + " ", name + " app"}
}

// article makes an article with id, dated within g.days of day 20000.
func (g *archiveGen) article(id string, late bool) Article {
	r := g.r
	day := 20000 + r.IntN(g.days)
	if late {
		day = 20000 + g.days - 1 - r.IntN(min(60, g.days))
	}
	a := Article{ID: id, URL: "https://news.example.test/" + id, Title: "title " + id,
		Lang: []string{"fr", "en", "ar"}[r.IntN(3)], Source: fmt.Sprintf("src%d", r.IntN(5)),
		Published: dayString(day + r.IntN(3))}
	n := 1 + r.IntN(3)/2 + r.IntN(4)/3
	for range n {
		o := g.outage()
		switch k := r.IntN(10); {
		case k < 4:
			o.Start = dayString(day)
		case k == 4:
			o.Start = "XXXX" + dayString(day)[4:]
		case k == 5:
			o.Start = dayString(day)[:7]
		}
		if len(a.Outages) > 0 && r.IntN(5) == 0 { // the service of the main outage again, another day
			p := a.Outages[0]
			o.Service, o.Kind, o.Country, o.Aliases = p.Service, p.Kind, p.Country, p.Aliases
			if r.IntN(2) == 0 {
				o.Start = dayString(day - 20 - r.IntN(200))
			}
		}
		a.Outages = append(a.Outages, o)
	}
	if r.IntN(g.weak) == 0 {
		a.Published = []string{"", a.Published[:7]}[r.IntN(2)]
	}
	var words []string
	for range 12 {
		words = append(words, fmt.Sprintf("word%d", r.IntN(60)))
	}
	words = append(words, fmt.Sprintf("rare%d", r.IntN(400)), fmt.Sprintf("rare%d", r.IntN(400)))
	a.Terms = Terms(a.Title, strings.Join(words, " "))
	return a
}

func (g *archiveGen) fresh() Article {
	g.next++
	return g.article(fmt.Sprintf("a%05d", g.next), false)
}

// change adds n articles, changes and removes some of arts; it returns the
// new archive, the previous versions of the articles changed or removed,
// and the ids changed.
func (g *archiveGen) change(arts []Article, n int) ([]Article, []Article, map[string]bool) {
	changed := map[string]bool{}
	var out, before []Article
	for _, a := range arts {
		switch g.r.IntN(g.churn) {
		case 0:
			changed[a.ID] = true // removed
			before = append(before, a)
			continue
		case 1:
			changed[a.ID] = true
			before = append(before, a)
			a = g.article(a.ID, false)
		}
		out = append(out, a)
	}
	for range n {
		g.next++
		a := g.article(fmt.Sprintf("a%05d", g.next), g.late)
		changed[a.ID] = true
		out = append(out, a)
	}
	return out, before, changed
}

func eventsJSON(t *testing.T, evs []Event) string {
	t.Helper()
	b, err := json.MarshalIndent(evs, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRegroupMatchesGroup: over seeded random archives and batches of
// added, changed and removed articles, Regroup gives exactly the events
// (partition, ids, summaries) of Group over the whole archive, and keeps
// previous events without regrouping everything.
func TestRegroupMatchesGroup(t *testing.T) {
	tests := []struct {
		name       string
		similarity float64
		days       int
		weak       int
		churn      int
		late       bool
		spell      bool
		start      int
		batch      int
		seeds      uint64
	}{
		{"three years, nightly batches", 0, 1000, 300, 400, true, false, 1200, 10, 2},
		{"three years, batches anywhere", 0, 1000, 300, 400, false, false, 1200, 10, 2},
		{"three years, words off, many undated", -1, 1000, 8, 400, false, false, 1200, 10, 1},
		{"a year", 0, 365, 80, 60, false, false, 400, 12, 3},
		{"a year, many undated", 0, 365, 6, 60, false, false, 400, 12, 2},
		{"a year, names spelled several ways", 0, 365, 80, 60, false, true, 400, 12, 3},
		{"a month (dense)", 0, 30, 80, 60, false, false, 150, 5, 5},
		{"a month (dense), words off", -1, 30, 6, 60, false, false, 150, 5, 5},
		{"big batches", 0, 365, 80, 60, false, false, 300, 80, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			partial := 0
			for seed := range tt.seeds {
				g := newArchiveGen(seed+1, tt.days, tt.weak)
				g.churn, g.late, g.spell = tt.churn, tt.late, tt.spell
				opts := Options{Similarity: tt.similarity, Parents: genParents}
				var arts []Article
				for range tt.start {
					arts = append(arts, g.fresh())
				}
				prev := Group(arts, opts)
				for batch := range 6 {
					var before []Article
					var changed map[string]bool
					arts, before, changed = g.change(arts, tt.batch)
					o := opts
					o.Previous = prev
					inc, st := Regroup(arts, before, changed, o)
					full := Group(arts, o)
					if got, want := eventsJSON(t, inc), eventsJSON(t, full); got != want {
						t.Fatalf("seed %d batch %d (%+v): Regroup differs from Group", seed, batch, st)
					}
					if !st.Full {
						partial++
						if st.Kept == 0 {
							t.Errorf("seed %d batch %d: a partial regroup kept no event: %+v", seed, batch, st)
						}
					}
					prev = inc
				}
			}
			if partial == 0 && tt.weak > 10 && tt.batch < 50 {
				t.Errorf("every regroup fell back to grouping everything")
			}
			t.Logf("%d of %d regroups partial", partial, 6*tt.seeds)
		})
	}
}

// TestRegroupFallsBack: previous events that do not describe the archive
// make Regroup group everything, with the same result as Group.
func TestRegroupFallsBack(t *testing.T) {
	g := newArchiveGen(7, 365, 1000)
	var arts []Article
	for range 1000 {
		arts = append(arts, g.fresh())
	}
	prev := Group(arts, Options{})
	more, changed := append([]Article(nil), arts...), map[string]bool{}
	for range 3 {
		a := g.fresh()
		more, changed[a.ID] = append(more, a), true
	}
	changedOld := map[string]bool{arts[10].ID: true}
	moved := append([]Article(nil), arts...)
	moved[10] = g.article(arts[10].ID, false)
	tests := []struct {
		name    string
		arts    []Article
		before  []Article
		changed map[string]bool
		prev    []Event
		full    bool
	}{
		{"consistent", more, nil, changed, prev, false},
		{"nothing changed", arts, nil, map[string]bool{}, prev, false},
		{"an article changed", moved, arts[10:11], changedOld, prev, false},
		{"no previous events", more, nil, changed, nil, true},
		{"a change not reported", more, nil, map[string]bool{}, prev, true},
		{"previous of another archive", more, nil, changed, Group(more[:50], Options{}), true},
		{"an added article not reported", append(append([]Article(nil), arts...), g.fresh()), nil, map[string]bool{}, prev, true},
		{"a previous version missing", moved, nil, changedOld, prev, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, st := Regroup(tt.arts, tt.before, tt.changed, Options{Previous: tt.prev})
			if st.Full != tt.full {
				t.Errorf("full = %v (%q), want %v", st.Full, st.Reason, tt.full)
			}
			if st.Full && st.Reason == "" {
				t.Errorf("a full regroup without a reason")
			}
			full := Group(tt.arts, Options{Previous: tt.prev})
			if tt.name == "a change not reported" {
				return // the caller's error: only the fallback is checked
			}
			if got, want := eventsJSON(t, inc), eventsJSON(t, full); got != want {
				t.Errorf("Regroup differs from Group (%+v)", st)
			}
		})
	}
}

// TestRegroupWordStatistics: an undated article placed by its rare words
// moves when articles of another service make those words common; Regroup
// must regroup its service although no changed article reports it.
func TestRegroupWordStatistics(t *testing.T) {
	base := []Article{
		withText(art("x1", "en", "2024-03-01", "Bavard@2024-03-01"), "quartz zephyr outage"),
		withText(art("x2", "en", "2024-06-01", "Bavard@2024-06-01"), "other words entirely"),
		withText(art("u1", "en", "", "Bavard@"), "quartz zephyr again"),
	}
	for i := range 8 {
		id := fmt.Sprintf("f%d", i)
		base = append(base, withText(art(id, "en", "2024-01-01", fmt.Sprintf("Filler %d@2024-01-01", i)), "filler text"))
	}
	prev := Group(base, Options{})
	more := append(append([]Article(nil), base...),
		withText(art("y1", "en", "2024-02-01", "Souk@2024-02-01"), "quartz mentioned"),
		withText(art("y2", "en", "2024-02-02", "Souk@2024-02-02"), "quartz mentioned"))
	changed := map[string]bool{"y1": true, "y2": true}
	full := Group(more, Options{Previous: prev})
	if eventOfArticle(prev, "u1") != eventOfArticle(prev, "x1") {
		t.Fatalf("the undated article should join x1 first: %v", groups(prev))
	}
	if eventOfArticle(full, "u1") == eventOfArticle(full, "x1") {
		t.Fatalf("the undated article should leave x1 once its words are common: %v", groups(full))
	}
	inc, st := Regroup(more, nil, changed, Options{Previous: prev})
	if st.Full {
		t.Errorf("grouped everything: %+v", st)
	}
	if got, want := eventsJSON(t, inc), eventsJSON(t, full); got != want {
		t.Errorf("Regroup differs from Group (%+v): %v, want %v", st, groups(inc), groups(full))
	}
}

func eventOfArticle(evs []Event, id string) string {
	for _, e := range evs {
		for _, a := range e.Articles {
			if a.ID == id {
				return e.ID
			}
		}
	}
	return ""
}

// nightlyArchive makes n outage articles over 2016-2025 for 3,000 services
// (a few popular, most rare), a fifth of them with a second outage, two
// thirds with a start day, one in weakEvery without a publication day (0:
// none), and the words of a lede; then a nightly batch of 5,000 articles of
// November and December 2025.
func nightlyArchive(n, weakEvery int) (base, all []Article, changed map[string]bool) {
	r := rand.New(rand.NewPCG(uint64(n), uint64(weakEvery)))
	service := func() string {
		// popular services are drawn often: the square of a uniform draw
		f := r.Float64()
		return fmt.Sprintf("Service %d", int(f*f*3000))
	}
	mk := func(i, day0, days int) Article {
		day := day0 + r.IntN(days)
		a := Article{ID: fmt.Sprintf("%016x%016x", r.Uint64(), i), URL: fmt.Sprintf("https://news.example.test/%d", i),
			Title: fmt.Sprintf("title %d", i), Lang: []string{"fr", "ar", "en"}[i%3], Source: fmt.Sprintf("src%d", i%40),
			Published: dayString(day + r.IntN(3))}
		for k := range 1 + r.IntN(5)/4 {
			o := corpus.Outage{Service: service(), Kind: corpus.KindOnlineService, Cause: corpus.CauseUnknown}
			if k == 0 && r.IntN(3) > 0 {
				o.Start = dayString(day)
			}
			a.Outages = append(a.Outages, o)
		}
		if weakEvery > 0 && r.IntN(weakEvery) == 0 {
			a.Published = ""
		}
		words := make([]string, 40)
		for k := range words {
			words[k] = fmt.Sprintf("word%d", r.IntN(50000))
		}
		a.Terms = Terms(a.Title, strings.Join(words, " "))
		return a
	}
	d2016, _ := parseDay("2016-01-01")
	d2025, _ := parseDay("2025-11-01")
	for i := range n {
		base = append(base, mk(i, d2016, d2025-d2016))
	}
	changed = map[string]bool{}
	all = append([]Article(nil), base...)
	for i := range 5000 {
		a := mk(n+i, d2025, 58)
		all, changed[a.ID] = append(all, a), true
	}
	return sortedArticles(base), sortedArticles(all), changed
}

// BenchmarkNightly regroups an archive after a nightly batch of 5,000
// articles: Group over everything (full) against Regroup (incremental),
// for archives of 100,000 and 200,000 outage articles, all dated or one in
// a thousand without a publication day; and reuse, the path Regroup takes
// when the changes reach most articles (regroupAll). Its cpu-ms/op is the process's CPU
// time per regrouping (both cores); setup does nothing, to measure the
// peak memory of the archive and its previous events alone.
func BenchmarkNightly(b *testing.B) {
	for _, n := range []int{100000, 200000} {
		for _, weak := range []int{0, 1000} {
			var base, all []Article
			var changed map[string]bool
			var prev []Event
			setup := func() {
				if prev == nil {
					base, all, changed = nightlyArchive(n, weak)
					prev = Group(base, Options{})
				}
			}
			name := fmt.Sprintf("n=%d/undated=1in%d", n, weak)
			b.Run(name+"/setup", func(b *testing.B) { // the archive and its events alone: peak memory's floor
				setup()
				benchNightly(b, func() []Event { return prev })
			})
			b.Run(name+"/full", func(b *testing.B) {
				setup()
				benchNightly(b, func() []Event { return Group(all, Options{Previous: prev}) })
			})
			b.Run(name+"/incremental", func(b *testing.B) {
				setup()
				var st RegroupStats
				benchNightly(b, func() []Event {
					var evs []Event
					evs, st = Regroup(all, nil, changed, Options{Previous: prev})
					if st.Full {
						b.Fatalf("grouped everything: %s", st.Reason)
					}
					return evs
				})
				b.ReportMetric(float64(st.Articles), "articles-regrouped")
			})
			b.Run(name+"/reuse", func(b *testing.B) { // Regroup's path when the changes reach most articles
				setup()
				var st RegroupStats
				benchNightly(b, func() []Event {
					var evs []Event
					o := Options{Previous: prev}.withDefaults()
					ms, _ := mentionsAliases(all)
					evs, st = regroupAll(all, ms, pairCounts(all, ms, nil), changed, o)
					return evs
				})
				b.ReportMetric(float64(st.Regrouped), "events-summarised")
			})
		}
	}
}

func benchNightly(b *testing.B, regroup func() []Event) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if len(regroup()) == 0 {
			b.Fatal("no events")
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// FuzzParseDay: parseDay reads a day as time.Parse does.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2024-03-14", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-015", "XXXX-03-14", "0000-01-01", "+024-01-01", "2024-04-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseDay(s)
		var want int
		tm, err := time.Parse("2006-01-02", s)
		if err == nil {
			want = int(tm.Unix() / 86400)
		}
		if ok != (err == nil) || got != want {
			t.Errorf("parseDay(%q) = %d, %v; time.Parse gives %d, %v", s, got, ok, want, err)
		}
	})
}

// TestRegroupKeptLink: an article links a cluster grouped anew with a
// cluster of another service that Regroup would keep; when the new
// articles move the first cluster's days so that the two now meet
// (timesMeet), Group merges them, and Regroup must too.
func TestRegroupKeptLink(t *testing.T) {
	tests := []struct {
		name   string
		linker Article // reports Souk on its publication day and Kiosque's outage a month before
		added  Article // a report of Souk the day before, which widens its cluster back
		want   int     // events holding the linking article
	}{
		{"the regrouped service is the main outage",
			art("a", "en", "2024-03-20", "Souk", "Kiosque@2024-02-18"), art("n", "en", "2024-03-19", "Souk"), 1},
		{"the regrouped service is the other outage",
			art("a", "en", "2024-03-20", "Kiosque@2024-02-18", "Souk"), art("n", "en", "2024-03-19", "Souk"), 1},
		{"too far apart to meet",
			art("a", "en", "2024-03-20", "Souk", "Kiosque@2024-02-10"), art("n", "en", "2024-03-19", "Souk"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := []Article{tt.linker, // and an article a year before: the two services are reported together twice
				art("b", "en", "2023-01-10", "Souk@2023-01-10", "Kiosque@2023-01-10")}
			for i := range 10 {
				base = append(base, art(fmt.Sprintf("f%d", i), "en", "2022-05-01", fmt.Sprintf("Filler %d@2022-05-01", i)))
			}
			prev := Group(base, Options{})
			if n := len(eventsOfArticle(prev, "a")); n != 2 {
				t.Fatalf("before: article a is in %d events, want 2 (the clusters should not meet yet)", n)
			}
			more := append(append([]Article(nil), base...), tt.added)
			full := Group(more, Options{Previous: prev})
			if n := len(eventsOfArticle(full, "a")); n != tt.want {
				t.Errorf("Group: article a is in %d events, want %d", n, tt.want)
			}
			inc, st := Regroup(more, nil, map[string]bool{tt.added.ID: true}, Options{Previous: prev})
			if st.Full {
				t.Errorf("grouped everything: %+v", st)
			}
			if got, want := eventsJSON(t, inc), eventsJSON(t, full); got != want {
				t.Errorf("Regroup differs from Group (%+v): %v, want %v", st, groups(inc), groups(full))
			}
		})
	}
}

// eventsOfArticle returns the ids of the events holding article id.
func eventsOfArticle(evs []Event, id string) []string {
	var out []string
	for _, e := range evs {
		for _, a := range e.Articles {
			if a.ID == id {
				out = append(out, e.ID)
				break
			}
		}
	}
	return out
}

// TestRegroupAllMatchesGroup: regroupAll (Regroup's path when the changes
// reach most articles) gives exactly Group's events over seeded random
// archives and batches of added, changed and removed articles, and keeps
// the previous events whose mentions did not change.
func TestRegroupAllMatchesGroup(t *testing.T) {
	tests := []struct {
		name       string
		similarity float64
		days, weak int
		late       bool
		start      int
		batch      int
	}{
		{"three years, nightly batches", 0, 1000, 300, true, 1200, 10},
		{"three years, batches anywhere", 0, 1000, 300, false, 1200, 10},
		{"a year, many undated", 0, 365, 6, false, 400, 12},
		{"a year, words off, many undated", -1, 365, 6, false, 400, 12},
		{"a month (dense)", 0, 30, 80, false, 150, 5},
		{"big batches", 0, 365, 80, false, 300, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, total := 0, 0
			for seed := range uint64(2) {
				g := newArchiveGen(seed+1, tt.days, tt.weak)
				g.late = tt.late
				opts := Options{Similarity: tt.similarity, Parents: genParents}
				var arts []Article
				for range tt.start {
					arts = append(arts, g.fresh())
				}
				prev := Group(arts, opts)
				for batch := range 4 {
					var changed map[string]bool
					arts, _, changed = g.change(arts, tt.batch)
					o := opts
					o.Previous = prev
					full := Group(arts, o)
					o = o.withDefaults()
					sorted := sortedArticles(arts)
					ms, _ := mentionsAliases(sorted)
					inc, st := regroupAll(sorted, ms, pairCounts(sorted, ms, keyParents(o.Parents)), changed, o)
					if got, want := eventsJSON(t, inc), eventsJSON(t, full); got != want {
						t.Fatalf("seed %d batch %d (%+v): regroupAll differs from Group", seed, batch, st)
					}
					kept, total = kept+st.Kept, total+len(prev)
					prev = inc
				}
			}
			if 2*kept < total {
				t.Errorf("kept %d of %d previous events", kept, total)
			}
			t.Logf("kept %d of %d previous events", kept, total)
		})
	}
}
