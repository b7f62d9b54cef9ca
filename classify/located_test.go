package classify

import (
	"slices"
	"strings"
	"testing"
)

// TestDropLocated checks that the names a text writes as places are no
// candidate services: after a locative preposition, after a noun of a
// part of a territory, and the names listed after such a place.
func TestDropLocated(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		place, kept      []string
	}{
		{
			name:  "en list after a locative preposition",
			lang:  "en",
			text:  "Zentel said its network went down on Tuesday. Subscribers in Maravel, Quintosa and San Barlen could not call.",
			place: []string{"Maravel", "Quintosa", "San Barlen"}, kept: []string{"Zentel"},
		},
		{
			name:  "en part of a territory",
			lang:  "en",
			text:  "Customers of Zentel in parts of Kilrush and Ennistymon had no signal after the outage on Friday.",
			place: []string{"Kilrush", "Ennistymon"}, kept: []string{"Zentel"},
		},
		{
			name:  "en a resident of a place",
			lang:  "en",
			text:  "The Zentel outage lasted two days, said a resident of Imphal East, who could not pay at the pharmacy.",
			place: []string{"Imphal East"}, kept: []string{"Zentel"},
		},
		{
			name:  "fr districts after a noun of a part of a territory",
			lang:  "fr",
			text:  "Une panne a privé de courant les quartiers d'Astrelle et de Vaudrin-Haut mercredi, selon Voltéo.",
			place: []string{"Astrelle", "Vaudrin-Haut"}, kept: []string{"Voltéo"},
		},
		{
			name:  "en a list opened by a known place",
			lang:  "en",
			text:  "Large parts of Mumbai, Kalwadi and Navi Porvale were left without electricity on Monday, Zentel said.",
			place: []string{"Kalwadi", "Navi Porvale"}, kept: []string{"Zentel"},
		},
		{
			name: "fr a dative à names no place",
			lang: "fr",
			text: "Le régulateur a ordonné à Réseaux Boréal de dédommager ses clients après la panne de mardi.",
			kept: []string{"Réseaux Boréal"},
		},
		{
			name: "en a list of services is not a list of places",
			lang: "en",
			text: "The outage in Zentel's network on Monday also took down Quickpay, Lumo and Farebox.",
			kept: []string{"Quickpay", "Lumo", "Farebox"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, n := range c.textNames(c.analyse(tt.text, tt.lang, "")) {
				got = append(got, n.name)
			}
			for _, p := range tt.place {
				if slices.Contains(got, p) {
					t.Errorf("names %q, want no place %q", got, p)
				}
			}
			for _, k := range tt.kept {
				if !slices.Contains(got, k) {
					t.Errorf("names %q, want %q among them", got, k)
				}
			}
		})
	}
}

// TestTextNamesSkipKnown checks what a name derived from the text never
// holds: the words of a known service it names (the same outage twice),
// a headline's verb.
func TestTextNamesSkipKnown(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		notDerived       string
	}{
		{
			name:       "ar a known bank after the conjunction",
			lang:       "ar",
			text:       "وشكا عملاء مصرف الراجحي والبنك الأهلي السعودي من رفض عمليات الشراء ببطاقاتهم بعد عطل في شبكة مدى مساء الخميس.",
			notDerived: "والبنك الأهلي",
		},
		{
			name:       "ar a headline's verb ends the name before it",
			lang:       "ar",
			text:       "انقطاع التيار في صالة بمطار القاهرة يعطل إجراءات السفر لساعتين",
			notDerived: "يعطل",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range c.textNames(c.analyse(tt.text, tt.lang, "")) {
				if strings.Contains(n.name, tt.notDerived) {
					t.Errorf("derived name %q holds %q", n.name, tt.notDerived)
				}
			}
		})
	}
}

// TestPostedOn checks which social platforms named after "on" are where
// people posted (a channel, no outage) and which are down.
func TestPostedOn(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text, platform string
		want                       bool
	}{
		{name: "fr opening its sentence", lang: "fr", text: "Le réseau de Bouygues Telecom est tombé en panne samedi. Sur Twitter, les abonnés ont fait part de leur colère.", platform: "Twitter", want: true},
		{name: "fr after a verb of saying", lang: "fr", text: "Le réseau est tombé en panne samedi. Mediapart a signalé sur Twitter que son site était inaccessible.", platform: "Twitter", want: true},
		{name: "en after the people who use a service", lang: "en", text: "The outage lasted three hours. Customers on Facebook said their cards were declined.", platform: "Facebook", want: true},
		{name: "en an outage on a platform", lang: "en", text: "Outages on Facebook and Instagram lasted six hours on Monday.", platform: "Facebook", want: false},
		{name: "en a platform that is no channel", lang: "en", text: "Customers on Vodafone said their calls dropped.", platform: "Vodafone", want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := c.analyse(tt.text, tt.lang, "")
			found := false
			for _, m := range an.mentions {
				if m.key != tt.platform {
					continue
				}
				found = true
				if m.channel != tt.want {
					t.Errorf("%s at %d: channel %v, want %v", m.key, m.from, m.channel, tt.want)
				}
			}
			if !found {
				t.Fatalf("%s not named in %q", tt.platform, tt.text)
			}
		})
	}
}
