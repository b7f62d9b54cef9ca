package classify

import (
	"fmt"
	"testing"

	"outages/corpus"
)

func TestCountryOf(t *testing.T) {
	g, err := loadGeo("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, service, url, lang, title, text string
		want                                  []string
	}{
		{"country in the service name", "Internet (Egypt)", "https://news.example.com/a", "en", "", "", []string{"EG"}},
		{"region in the service name", "Power grid (Texas)", "https://news.example.com/a", "en", "", "", []string{"US"}},
		{"Arabic country in the service name", "Internet (مصر)", "https://news.example.com/a", "ar", "", "", []string{"EG"}},
		{"operator of the gazetteer", "Orange", "https://news.example.com/a", "en", "Outage in Senegal", "", []string{"FR"}},
		{"worldwide service has none", "Facebook", "https://news.example.ma/a", "fr", "Panne de Facebook au Maroc", "", []string{}},
		{"city in the title", "Réseau Bleu", "https://news.example.com/a", "fr", "Panne géante à Dakar", "La panne a duré deux heures.", []string{"SN"}},
		{"Arabic proclitic", "شبكة النور", "https://news.example.com/a", "ar", "انقطاع الكهرباء بمصر", "", []string{"EG"}},
		{"host alone is too weak", "Réseau Bleu", "https://news.example.ma/a", "fr", "Panne générale", "Le courant est revenu.", []string{}},
		{"host and a body mention", "Réseau Bleu", "https://news.example.ma/a", "fr", "Panne générale", "Le courant est revenu à Rabat.", []string{"MA"}},
		{"two countries as strong: none", "Réseau Bleu", "https://news.example.com/a", "en", "Outage hits Egypt and Sudan", "", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &corpus.Article{URL: tc.url, Lang: tc.lang, Title: tc.title}
			text := tc.title + "\n\n" + tc.text
			o := corpus.Outage{Service: tc.service}
			got := g.countryOf(&o, func() *placeEvidence { return g.evidence(a, text) })
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestCountryThroughClassify(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := &corpus.Article{URL: "https://news.example.test/x", Published: "2024-06-12",
		Title: "Coupure d'internet en Algérie pendant les examens",
		Body:  "Les autorités ont coupé l'accès à internet dans toute l'Algérie mercredi pendant deux heures, le temps de l'épreuve du baccalauréat."}
	c.Classify(a)
	if !a.IsOutage || len(a.Outages) == 0 {
		t.Fatalf("not an outage: %+v", a)
	}
	if got := fmt.Sprint(a.Outages[0].Country); got != "[DZ]" {
		t.Errorf("%s: country %s, want [DZ]", a.Outages[0].Service, got)
	}
}

func TestParents(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Parents(); p["Instagram"] != "Meta" || p["Fido"] != "Rogers" {
		t.Errorf("parents: Instagram → %q, Fido → %q", p["Instagram"], p["Fido"])
	}
}

// TestOperatorsAreServices: every service of operators.tsv is a service of
// services.tsv, and every parent is a known name or an outside company.
func TestOperatorsAreServices(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, s := range c.data.services {
		known[s.name] = true
	}
	for name := range c.geo.operators {
		if !known[name] {
			t.Errorf("operators.tsv: %q is not in services.tsv", name)
		}
	}
	for name := range c.geo.global {
		if !known[name] {
			t.Errorf("operators.tsv: %q is not in services.tsv", name)
		}
	}
}

// TestServicesHaveOperators: every service of services.tsv has its line in
// operators.tsv (its countries, or "*"), so that its outages get a country.
func TestServicesHaveOperators(t *testing.T) {
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range c.data.services {
		_, local := c.geo.operators[s.name]
		if !local && !c.geo.global[s.name] {
			t.Errorf("services.tsv: %q (%s) has no line in operators.tsv", s.name, s.rule)
		}
	}
}
