package classify

import (
	"math"
	"testing"
)

func TestDecayed(t *testing.T) {
	for _, c := range []struct {
		name string
		ws   []float64
		want float64
	}{
		{"none", nil, 0},
		{"one", []float64{2}, 2},
		{"largest first", []float64{1, 2}, 2 + 1*triggerDecay},
		{"absolute values", []float64{-2.5, -2.5}, 2.5 + 2.5*triggerDecay},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := decayed(c.ws); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("decayed(%v) = %v, want %v", c.ws, got, c.want)
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	report := evidence{trig: []float64{2, 1.5}, report: 1, titleTrigger: true}
	fs := report.features()
	got := map[string]float64{}
	for _, f := range fs {
		got[f.Name] = f.Value
	}
	for _, name := range []string{"bias", "trig.subject", "trig.count", "report", "title.trigger"} {
		if got[name] == 0 {
			t.Errorf("feature %s missing: %v", name, fs)
		}
	}
	if _, ok := got["neg.denial"]; ok {
		t.Errorf("a report without denial has neg.denial: %v", fs)
	}
	if report.denied() {
		t.Errorf("a report without denial is denied")
	}
	fake := evidence{trig: []float64{2}, neg: map[string][]float64{classDenial: {-2.5}}}
	if !fake.denied() {
		t.Errorf("a text denying as much as it reports is not gated")
	}
	weak := evidence{trig: []float64{2, 2}, neg: map[string][]float64{classDenial: {-2.5}}}
	if weak.denied() {
		t.Errorf("a passing denial in a report gates it")
	}
}

// TestTaggedEvidence: a tagged lexicon line feeds its class's feature and
// a feature of its own; an untagged line only its class's.
func TestTaggedEvidence(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		want, not        []string
	}{
		{"fr ranking", "fr", "Classement des opérateurs : les pannes du réseau mobile de l'année.", []string{"neg.general", "general.ranking"}, []string{"planned.future"}},
		{"en future", "en", "The banking app will be suspended on Sunday from 1am to 5am.", []string{"neg.planned", "planned.future"}, []string{"general.ranking"}},
		{"ar schedule", "ar", "جدول تخفيف الاحمال الجديد: انقطاع الكهرباء عن الاحياء ساعتين يوميا.", []string{"neg.planned", "planned.schedule"}, nil},
		{"en household trigger", "en", "The storm left 20,000 households without power in the valley.", []string{"trigger.household"}, []string{"neg.planned"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, f := range c.analyse(tt.text, tt.lang, "").evidence {
				got[f.Name] = true
			}
			for _, n := range tt.want {
				if !got[n] {
					t.Errorf("feature %s missing: %v", n, got)
				}
			}
			for _, n := range tt.not {
				if got[n] {
					t.Errorf("feature %s present: %v", n, got)
				}
			}
		})
	}
}

// TestPluralNoun: plural outage nouns in each language, and singular
// words that end like plurals.
func TestPluralNoun(t *testing.T) {
	tests := []struct {
		word, lang string
		want       bool
	}{
		{"pannes", "fr", true}, {"coupures", "fr", true}, {"panne", "fr", false}, {"interrompus", "fr", false},
		{"outages", "en", true}, {"disruptions", "en", true}, {"outage", "en", false}, {"access", "en", false},
		{fold("انقطاعات"), "ar", true}, {fold("الأعطال"), "ar", true}, {fold("انقطاع"), "ar", false}, {fold("عطل"), "ar", false},
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.word, func(t *testing.T) {
			if got := pluralNoun(tt.word, tt.lang); got != tt.want {
				t.Errorf("pluralNoun(%q, %s) = %v, want %v", tt.word, tt.lang, got, tt.want)
			}
		})
	}
}

// TestLedeFuture: the share of the lede's sentences that speak of the
// future, and whether the title does.
func TestLedeFuture(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		share            float64
		title            bool
	}{
		{"fr announcement", "fr", "Le réseau sera coupé samedi\n\nLes abonnés seront privés de connexion de 2h à 6h. Le service reprendra ensuite.", 2.0 / 3, true},
		{"en report", "en", "Bank app down for hours\n\nCustomers could not log in on Monday. The bank said the fault was fixed.", 0, false},
		{"ar announcement", "ar", "انقطاع الكهرباء غدا\n\nسيتم قطع التيار عن عدة احياء صباح الجمعة المقبل.", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := c.analyse(tt.text, tt.lang, "")
			share, title := an.ledeFuture()
			if math.Abs(share-tt.share) > 1e-9 || title != tt.title {
				t.Errorf("ledeFuture() = %v, %v; want %v, %v", share, title, tt.share, tt.title)
			}
		})
	}
}

// TestFutureTriggerShare: outage words governed by a future cue right
// before them, in each language.
func TestFutureTriggerShare(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		want             bool
	}{
		{"fr future", "fr", "Le réseau mobile sera interrompu samedi.", true},
		{"fr past", "fr", "Le réseau mobile a été interrompu samedi.", false},
		{"en future", "en", "The banking app will be unavailable on Sunday.", true},
		{"en past", "en", "The banking app was unavailable on Sunday.", false},
		{"ar past", "ar", "تم قطع خدمة الانترنت يوم الجمعة.", false},
		{"ar future verb", "ar", "سيتم قطع خدمة الانترنت يوم الجمعة.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.analyse(tt.text, tt.lang, "").futureTriggerShare() > 0
			if got != tt.want {
				t.Errorf("futureTriggerShare() > 0 = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDistinctYears: years named in a text, counted once each; other
// numbers are not years.
func TestDistinctYears(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		want             int
	}{
		{"fr retrospective", "fr", "En 2016, en 2019 puis en 2023, les pannes se sont succédé ; 2019 reste l'année record.", 3},
		{"en report", "en", "The outage on 4 March 2025 hit 12000 users for 90 minutes.", 1},
		{"ar statistic", "ar", "ارتفع عدد الانقطاعات بين عامي 2020 و2024 بحسب التقرير.", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.analyse(tt.text, tt.lang, "").distinctYears(); got != tt.want {
				t.Errorf("distinctYears() = %d, want %d", got, tt.want)
			}
		})
	}
}
