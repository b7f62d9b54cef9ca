package classify

import (
	"slices"
	"strings"
	"testing"
	"time"

	"outages/classify/model"
	"outages/classify/rules"
	"outages/corpus"
)

func TestPubRelation(t *testing.T) {
	pub := time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		day  string
		pub  time.Time
		want string
	}{
		{"2024-03-10", pub, "same_day"},
		{"2024-03-09", pub, "day_before"},
		{"2024-03-04", pub, "week_before"},
		{"2024-02-20", pub, "month_before"},
		{"2023-12-01", pub, "long_before"},
		{"2024-03-11", pub, "after"},
		{"XXXX-03-09", pub, "day_before"},
		{"2024-03-09", time.Time{}, "unknown"},
	} {
		t.Run(c.day+"/"+c.want, func(t *testing.T) {
			if got := pubRelation(c.day, c.pub); got != c.want {
				t.Errorf("pubRelation(%s) = %s, want %s", c.day, got, c.want)
			}
		})
	}
}

func TestRootAndAgreement(t *testing.T) {
	mk := func(cause string) exprCand { return exprCand{e: rules.Expr{Kind: rules.KindCause, Cause: cause}} }
	cands := []exprCand{mk("hardware_failure"), mk("power"), mk("hardware_failure")}
	if isRoot(cands, 0) != (rules.RankCause("hardware_failure") <= rules.RankCause("power")) {
		t.Errorf("isRoot(hardware_failure) disagrees with rules.RankCause")
	}
	annotate(cands, causeValue)
	if got := []int{cands[0].agree, cands[1].agree, cands[2].agree}; !slices.Equal(got, []int{1, 0, 1}) {
		t.Errorf("agree = %v, want [1 0 1]", got)
	}
}

func TestCueIndex(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct {
		name, lang, text, class string
		at                      int // token index
		want                    bool
	}{
		{"en because", "en", "The outage was due to a fire.", "because", 5, true},
		{"fr suite à", "fr", "La panne est survenue suite à un incendie.", "because", 6, true},
		{"ar بسبب", "ar", "انقطعت الخدمة بسبب حريق", "because", 3, true},
		{"too far", "en", "Due to rain the big old network had an outage.", "because", 8, false},
		{"other sentence", "en", "It was due to. Fire", "because", 4, false},
		{"fr future", "fr", "Le service sera suspendu samedi.", "future", 3, true},
		{"en will", "en", "Customers will face cuts on Thursday.", "future", 2, true},
		{"ar future verb", "ar", "ستكون الخدمة متوقفة يوم الجمعة", "future", 1, true},
		{"fr next", "fr", "Une coupure mardi prochain dans le quartier.", "future", 1, true},
		{"en past", "en", "Customers faced cuts on Thursday.", "future", 1, false},
		{"fr à cause d'", "fr", "Les sites sont tombés à cause d'une panne.", "because", 7, true},
		{"en affected", "en", "The outage took down Reddit for hours.", "affected", 4, true},
		{"fr affected", "fr", "La panne a touché des sites comme Reddit.", "affected", 7, true},
		{"ar affected", "ar", "توقفت تطبيقات مثل واتساب", "affected", 3, true},
		{"fr à la suite d'", "fr", "Le routeur a lâché à la suite d'une maintenance.", "because", 9, true},
		{"en in the wake of", "en", "The site fell in the wake of a surge.", "because", 8, true},
		{"ar yurjaʿ ila", "ar", "الانقطاع يرجع إلى عطل", "because", 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text)
			ci := newCueIndex(c.data, d, tc.lang)
			if got := ci.before(d, tc.class, tc.at, 1); got != tc.want && tc.class != "future" {
				t.Errorf("before(%d) = %v, want %v (tokens %v)", tc.at, got, tc.want, d.toks)
			}
			if tc.class == "future" && ci.inSentence("future", d.toks[tc.at].sent) != tc.want {
				t.Errorf("future cue not found in its sentence")
			}
		})
	}
}

func TestQuestionSentence(t *testing.T) {
	d := newDoc("Is Slack down? Slack is down. هل تعطل واتساب؟")
	ends := sentenceEnds(d)
	ts := &textScope{d: d, endChar: ends}
	var got []bool
	for s := 0; s <= d.toks[len(d.toks)-1].sent; s++ {
		got = append(got, ts.question(s))
	}
	if want := []bool{true, false, true}; !slices.Equal(got, want) {
		t.Errorf("questions = %v, want %v", got, want)
	}
}

func TestServiceFeatures(t *testing.T) {
	a := &outageGroup{cand: &candidate{key: "A", svc: 0, kind: "cloud"}, strong: 2, direct: true, inTitle: true,
		mentions: []mention{{from: 3}, {from: 9}}}
	b := &outageGroup{cand: &candidate{key: "B (X)", svc: -1, kind: "internet"}, countryOf: "X", mentions: []mention{{from: 5}}}
	an := &analysis{d: newDoc("one two three four five six seven eight nine ten")}
	fa, fb := serviceFeatures(an, a, []*outageGroup{a, b}), serviceFeatures(an, b, []*outageGroup{a, b})
	has := func(fs model.Features, name string) bool {
		return slices.ContainsFunc(fs, func(f model.Feature) bool { return f.Name == name })
	}
	for _, n := range []string{"direct", "in_title", "gazetteer", "first_named", "kind.cloud", "strong", "share"} {
		if !has(fa, n) {
			t.Errorf("A lacks %s: %v", n, fa)
		}
	}
	for _, n := range []string{"country_wide", "kind.internet"} {
		if !has(fb, n) {
			t.Errorf("B lacks %s: %v", n, fb)
		}
	}
	if has(fb, "first_named") || has(fb, "gazetteer") {
		t.Errorf("B has features of A: %v", fb)
	}
}

func TestMarkEarlier(t *testing.T) {
	mk := func(v string, prio int) exprCand {
		return exprCand{e: rules.Expr{Kind: rules.KindDate, Value: v}, prio: prio}
	}
	cands := []exprCand{mk("2024-03-10", prioHot), mk("2024-03-08", prioRegion), mk("2024-02-01", prioHot), mk("XXXX-03-09", prioHot), mk("2024-03-12", prioFar)}
	markEarlier(cands)
	var got []bool
	for _, c := range cands {
		got = append(got, c.earlier)
	}
	// 03-10 has 03-08 (region) before it; 03-08 has nothing a month before;
	// 02-01 nothing; the yearless day compares with yearless days only;
	// 03-12 (far) has 03-10 and 03-08 before it.
	if want := []bool{true, false, false, false, true}; !slices.Equal(got, want) {
		t.Errorf("earlier = %v, want %v", got, want)
	}
	// a shutdown reported over weeks: a day 20 days before counts, one
	// 40 days before does not
	weeks := []exprCand{mk("2024-07-28", prioHot), mk("2024-07-08", prioHot), mk("2024-05-29", prioHot)}
	markEarlier(weeks)
	if got := []bool{weeks[0].earlier, weeks[1].earlier, weeks[2].earlier}; !slices.Equal(got, []bool{true, false, false}) {
		t.Errorf("earlier over weeks = %v, want [true false false]", got)
	}
}

// TestServiceRoles: a provider named after "due to" is the cause of the
// outage; platforms named after "such as" or "took down" are what it took
// down with it.
func TestServiceRoles(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text, svc string
		cause, affected       bool
	}{
		{"en cause", "en", "Shopify and Discord went offline on Tuesday due to an outage at Cloudflare.", "Cloudflare", true, false},
		{"en affected", "en", "A failure at Fastly took down Amazon and Reddit for an hour.", "Amazon", false, true},
		{"fr cause", "fr", "Des sites ont été inaccessibles mardi à cause d'une panne chez OVHcloud.", "OVHcloud", true, false},
		{"fr cause through an outage word", "fr", "Des sites sont tombés mardi à cause d'une panne du réseau de Fastly.", "Fastly", true, false},
		{"en a time is no cause", "en", "Hours after the storm, Fastly went down.", "Fastly", false, false},
		{"fr affected", "fr", "La panne a paralysé des services comme WhatsApp pendant deux heures.", "WhatsApp", false, true},
		{"fr cause through an outage word", "fr", "Des sites sont tombés mardi à cause d'une panne du réseau de Fastly.", "Fastly", true, false},
		{"en a time is no cause", "en", "Hours after the storm, Fastly went down.", "Fastly", false, false},
		{"ar cause", "ar", "تعطلت مواقع كثيرة صباح اليوم بسبب عطل في أمازون ويب سيرفيسز.", "Amazon Web Services", true, false},
		{"ar affected", "ar", "أدى العطل إلى توقف تطبيقات مثل واتساب لساعات.", "WhatsApp", false, true},
		{"en later item of an affected list", "en", "The fault took down sites such as Reddit, Spotify and Twitch for an hour.", "Twitch", false, true},
		{"fr later item of an affected list", "fr", "La panne a touché des services comme WhatsApp, Instagram et Facebook.", "Facebook", false, true},
		{"ar later item of an affected list", "ar", "أدى العطل إلى توقف تطبيقات مثل واتساب وانستغرام لساعات.", "Instagram", false, true},
		{"en a list not after the cue", "en", "Reddit and Twitch went down for an hour.", "Twitch", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := c.analyse(tt.text, tt.lang, "")
			g := &outageGroup{cand: &candidate{key: tt.svc}}
			for _, m := range an.mentions {
				if m.key == tt.svc {
					g.mentions = append(g.mentions, m)
				}
			}
			if len(g.mentions) == 0 {
				t.Fatalf("%s not found in %q", tt.svc, tt.text)
			}
			cause, affected := roleShares(an, g)
			if (cause > 0) != tt.cause || (affected > 0) != tt.affected {
				t.Errorf("roleShares = %v, %v; want cause %v, affected %v", cause, affected, tt.cause, tt.affected)
			}
		})
	}
}

// TestCausalRole: a cause phrase before an active verb of causation is
// the causer, one after it the effect; a passive "caused by" makes
// neither.
func TestCausalRole(t *testing.T) {
	c := newTest(t)
	for _, tc := range []struct {
		name, lang, text, phrase string
		causer, effect           bool
	}{
		{"fr causer", "fr", "Cet afflux de connexions a provoqué un bug du site.", "afflux", true, false},
		{"fr effect", "fr", "Cet afflux de connexions a provoqué un bug du site.", "bug", false, true},
		{"fr passive", "fr", "La panne a été provoquée par un bug du site.", "bug", false, false},
		{"fr origin", "fr", "Une mise à jour est à l'origine de la panne.", "jour", true, false},
		{"en causer", "en", "A surge in traffic triggered a software bug.", "surge", true, false},
		{"en effect", "en", "A surge in traffic triggered a software bug.", "bug", false, true},
		{"en passive", "en", "The outage was caused by a software bug.", "bug", false, false},
		{"en far", "en", "A surge in traffic was seen, and hours later the firm said it caused nothing.", "surge", false, false},
		{"ar causer", "ar", "الضغط الكبير أدى إلى خلل في النظام", "الضغط", true, false},
		{"ar effect", "ar", "الضغط الكبير أدى إلى خلل في النظام", "خلل", false, true},
		{"ar verb first", "ar", "تسبب الضغط الكبير في توقف النظام", "الضغط", false, false},
		{"other sentence", "en", "A storm hit. It caused delays.", "storm", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(tc.text)
			ci := newCueIndex(c.data, d, tc.lang)
			a := -1
			for i, tk := range d.toks {
				if strings.EqualFold(tc.text[tk.start:tk.end], tc.phrase) {
					a = i
					break
				}
			}
			if a < 0 {
				t.Fatalf("no token %q in %v", tc.phrase, d.toks)
			}
			causer, effect := causalRole(ci, d, a, a+1)
			if causer != tc.causer || effect != tc.effect {
				t.Errorf("%q in %q: causer %v effect %v, want %v %v", tc.phrase, tc.text, causer, effect, tc.causer, tc.effect)
			}
		})
	}
}

// TestLeadUtility: the network a text names first where it first reports
// an outage (the title with an outage word, else the body's first
// sentence) is what the article is about.
func TestLeadUtility(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text, want string
	}{
		{"en blackout in the title", "en", "Nationwide blackout: airport plunged into darkness\n\nThe airport was left in darkness for hours after the grid failed, and the mobile network went down too.", corpus.KindPower},
		{"ar power cut first in the title", "ar", "انقطاع الكهرباء عن ولايات عدة.. وتعطل شبكة أورنج\n\nفقد مشتركو أورنج التغطية في عدد من الأحياء.", corpus.KindPower},
		{"fr mobile network in the title", "fr", "Le réseau mobile de Togocom en panne\n\nLes paiements par téléphone étaient bloqués, faute d'électricité dans certains relais.", corpus.KindInternet},
		{"fr title without an outage word", "fr", "Une journée noire à Lomé\n\nInternet a été coupé jeudi dans toute la ville, puis le courant.", corpus.KindInternet},
		{"ar power only in the clause of cause", "ar", "أعلنت هيئة أوجيرو عن توقف خدماتها في عدة مناطق بسبب الضغط على مولداتها جراء التقنين الكهربائي.", ""},
		{"en no network named first", "en", "Payments app down for hours\n\nUsers could not send money on Friday after a faulty update, and a power cut later hit the data centre.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadUtility(c.analyse(tt.text, tt.lang, "")); got != tt.want {
				t.Errorf("leadUtility = %q, want %q", got, tt.want)
			}
		})
	}
}
