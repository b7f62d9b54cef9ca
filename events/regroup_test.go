package events

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

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
	days  int // start days spread over this many days
	weak  int // one article in weak has no publication day
	names []string
}

func newArchiveGen(seed uint64, days, weak int) *archiveGen {
	return &archiveGen{r: rand.New(rand.NewPCG(seed, seed^0x5eed)), days: days, weak: weak, names: []string{
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
		svc = fmt.Sprintf("Service %d", r.IntN(150))
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
	if r.IntN(4) == 0 {
		o.Cause = corpus.Causes()[r.IntN(len(corpus.Causes()))]
	}
	return o
}

// article makes an article with id, dated around day 20000.
func (g *archiveGen) article(id string) Article {
	r := g.r
	day := 20000 + r.IntN(g.days)
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
	return g.article(fmt.Sprintf("a%05d", g.next))
}

// change adds n articles, changes and removes some of arts; it returns the
// new archive and the ids changed.
func (g *archiveGen) change(arts []Article, n int) ([]Article, map[string]bool) {
	changed := map[string]bool{}
	var out []Article
	for _, a := range arts {
		switch g.r.IntN(60) {
		case 0:
			changed[a.ID] = true // removed
			continue
		case 1:
			changed[a.ID] = true
			a = g.article(a.ID)
		}
		out = append(out, a)
	}
	for range n {
		a := g.fresh()
		changed[a.ID] = true
		out = append(out, a)
	}
	return out, changed
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
		start      int
		batch      int
	}{
		{"words on, a year", 0, 365, 80, 400, 12},
		{"words on, a year, many undated", 0, 365, 6, 400, 12},
		{"words off, a year, many undated", -1, 365, 6, 400, 12},
		{"words on, a month (dense)", 0, 30, 80, 150, 5},
		{"words off, a month (dense)", -1, 30, 6, 150, 5},
		{"words on, big batches", 0, 365, 80, 300, 80},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			partial := 0
			for seed := range uint64(6) {
				g := newArchiveGen(seed+1, tt.days, tt.weak)
				opts := Options{Similarity: tt.similarity, Parents: genParents}
				var arts []Article
				for range tt.start {
					arts = append(arts, g.fresh())
				}
				prev := Group(arts, opts)
				for batch := range 6 {
					var changed map[string]bool
					arts, changed = g.change(arts, tt.batch)
					o := opts
					o.Previous = prev
					inc, st := Regroup(arts, changed, o)
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
			t.Logf("%d of 36 regroups partial", partial)
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
	tests := []struct {
		name    string
		arts    []Article
		changed map[string]bool
		prev    []Event
		full    bool
	}{
		{"consistent", more, changed, prev, false},
		{"nothing changed", arts, map[string]bool{}, prev, false},
		{"no previous events", more, changed, nil, true},
		{"a change not reported", more, map[string]bool{}, prev, true},
		{"previous of another archive", more, changed, Group(more[:50], Options{}), true},
		{"an added article not reported", append(append([]Article(nil), arts...), g.fresh()), map[string]bool{}, prev, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc, st := Regroup(tt.arts, tt.changed, Options{Previous: tt.prev})
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
	inc, st := Regroup(more, changed, Options{Previous: prev})
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
