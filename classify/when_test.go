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

// TestAnchorAge: an anchor's age against the publication day, from its
// value's span; without a reference day only a clock time is read (as
// recent).
func TestAnchorAge(t *testing.T) {
	day := rules.Ref{Time: time.Date(2025, 5, 8, 0, 0, 0, 0, time.UTC), Precision: "day"}
	month := rules.Ref{Time: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Precision: "month"}
	tests := []struct {
		name string
		e    rules.Expr
		ref  rules.Ref
		want int
	}{
		{"same day", rules.Expr{Kind: rules.KindDate, Value: "2025-05-08"}, day, ageRecent},
		{"six days before", rules.Expr{Kind: rules.KindDate, Value: "2025-05-02"}, day, ageRecent},
		{"day after (time zones)", rules.Expr{Kind: rules.KindDate, Value: "2025-05-09"}, day, ageRecent},
		{"three weeks before", rules.Expr{Kind: rules.KindDate, Value: "2025-04-17"}, day, ageMiddle},
		{"months before", rules.Expr{Kind: rules.KindDate, Value: "2024-11-20"}, day, ageOld},
		{"last month", rules.Expr{Kind: rules.KindDate, Value: "2025-04"}, day, ageMiddle},
		{"a month long ago", rules.Expr{Kind: rules.KindDate, Value: "2024-03"}, day, ageOld},
		{"a year long ago", rules.Expr{Kind: rules.KindDate, Value: "2023"}, day, ageOld},
		{"this year (spans publication)", rules.Expr{Kind: rules.KindDate, Value: "2025"}, day, ageMiddle},
		{"future", rules.Expr{Kind: rules.KindDate, Value: "2025-06-01"}, day, ageUnknown},
		{"yearless", rules.Expr{Kind: rules.KindDate, Value: "XXXX-03-04"}, day, ageUnknown},
		{"clock time of the day", rules.Expr{Kind: rules.KindTime, Time: "10:00"}, day, ageRecent},
		{"clock time, no reference", rules.Expr{Kind: rules.KindTime, Time: "10:00"}, rules.Ref{}, ageRecent},
		{"date, no reference", rules.Expr{Kind: rules.KindDate, Value: "2023"}, rules.Ref{}, ageUnknown},
		{"day of the month of publication", rules.Expr{Kind: rules.KindDate, Value: "2025-05-16"}, month, ageRecent},
		{"months before the month of publication", rules.Expr{Kind: rules.KindDate, Value: "2024-11"}, month, ageOld},
		{"the month of publication itself", rules.Expr{Kind: rules.KindDate, Value: "2025-05"}, month, ageUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := anchorAge(tt.e, tt.ref); got != tt.want {
				t.Errorf("anchorAge(%q) = %d, want %d", tt.e.Value, got, tt.want)
			}
		})
	}
}

// TestWhenFeatures: the reporting sentences' anchors become the
// when.recent and when.old detection features, in each language.
func TestWhenFeatures(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		want             string
	}{
		{"fr recent", "fr", "Le réseau mobile de SFR est tombé en panne mardi vers 10h dans tout le pays.", "when.recent"},
		{"en recent", "en", "Verizon's mobile network went down yesterday for millions of customers.", "when.recent"},
		{"ar recent", "ar", "تعطلت شبكة الإنترنت في البلاد أمس لعدة ساعات.", "when.recent"},
		{"fr old", "fr", "L'opérateur a été condamné pour la panne de son réseau mobile en mars 2023.", "when.old"},
		{"en old", "en", "The regulator fined the carrier over the outage of its network in March 2023.", "when.old"},
		{"ar old", "ar", "غرمت الهيئة الشركة بسبب انقطاع الشبكة في مارس 2023.", "when.old"},
		{"en none", "en", "Every cloud outage shows how much businesses depend on a few providers.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := c.analyse(tt.text, tt.lang, "2025-05-08")
			on := map[string]bool{}
			for _, f := range an.evidence {
				on[f.Name] = f.Value != 0
			}
			for _, f := range []string{"when.recent", "when.old"} {
				if on[f] != (f == tt.want) {
					t.Errorf("%s = %v, want %v; features %v", f, on[f], f == tt.want, an.evidence)
				}
			}
		})
	}
}

// TestOlderLengths: a length said in a sentence that places it months
// before publication is another outage's, in each language, unless the
// outage itself began then.
func TestOlderLengths(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       int // minutes, 0 for none
	}{
		{"fr background", "Panne chez Free ce mercredi : internet coupé pendant deux heures. En novembre 2023, une panne avait duré près de sept heures.", 120},
		{"en background", "Slack went down on Tuesday for about 40 minutes. In January, a similar incident lasted eight hours.", 40},
		{"ar background", "تعطل تطبيق توكلنا صباح اليوم الأربعاء لنحو ساعتين. وفي العام الماضي تعطل التطبيق لمدة أربع ساعات.", 120},
		{"en only the old length", "Slack went down on Tuesday, users said. In January, a similar incident lasted eight hours.", 0},
		{"en the outage began then", "Last November's outage at Slack lasted eight hours, a report published on Tuesday found. In November 2024, Slack went down for eight hours.", 480},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2025-03-12"}
			ex := c.Classify(a)
			got := 0
			if len(a.Outages) > 0 && a.Outages[0].DurationMin != nil {
				got = *a.Outages[0].DurationMin
			}
			if got != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("duration %d, want %d\n%s", got, tt.want, sb.String())
			}
		})
	}
}

// TestHedgedCauseDenials: a cause the text says the outage did not appear
// to come from is denied, not chosen, in each language.
func TestHedgedCauseDenials(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, lang, text string }{
		{"en did not appear to be", "en", "British Airways systems went down on Saturday. However, it did not appear to be a cyber-attack, according to the chief executive."},
		{"fr rien n'indique", "fr", "Le réseau SFR est tombé en panne mardi. Rien n'indique une cyberattaque, selon l'opérateur."},
		{"ar la yabdu", "ar", "تعطلت شبكة زين يوم الثلاثاء، ولا يبدو أن الأمر يتعلق بهجوم إلكتروني بحسب الشركة."},
		{"fr dismissed after", "fr", "Le réseau mobile de Bouygues Telecom est tombé en panne mercredi soir. Des internautes évoquent une cyberattaque, une hypothèse que rien ne confirme."},
		{"en dismissed after", "en", "Slack went down for two hours on Monday. Users blamed a hack, which the company denied."},
		{"ar dismissed after", "ar", "تعطلت شبكة زين يوم الثلاثاء لساعتين، وتحدث مستخدمون عن هجوم إلكتروني، وهو ما نفته الشركة."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _ := mainOutage(t, c, tt.text, "2025-06-10")
			if o.Cause == corpus.CauseCyberattack || !slices.Contains(o.CauseDenied, corpus.CauseCyberattack) {
				t.Errorf("cause %q, denied %q: want cyberattack denied", o.Cause, o.CauseDenied)
			}
		})
	}
}

// TestRiskEvidence: an outage as a hypothesis or a threat fires the
// general.risk detection feature in each language (its weight is learned);
// a report does not.
func TestRiskEvidence(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, lang, text string
		want             bool
	}{
		{"en solar storm", "en", "Scientists warn that a solar storm could knock out the internet for weeks.", true},
		{"fr scenario", "fr", "Selon les experts, une tempête solaire pourrait paralyser les réseaux mobiles pendant des jours.", true},
		{"ar storm", "ar", "يحذر خبراء من أن عاصفة شمسية قد تتسبب في انقطاع الإنترنت لأسابيع.", true},
		{"en report", "en", "A solar storm knocked out radio links for two hours on Monday, operators said.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, f := range c.analyse(tt.text, tt.lang, "2025-06-10").evidence {
				got = got || f.Name == "general.risk" && f.Value != 0
			}
			if got != tt.want {
				t.Errorf("general.risk = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestNoonSpans: a length counted from "noon" to an end time, in each
// language.
func TestNoonSpans(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, lang, text string }{
		{"ar al-zuhr", "ar", "انقطعت الكهرباء عن مدينة البصرة عند الظهر يوم الاثنين وعادت عند الساعة الخامسة مساء."},
		{"fr midi", "fr", "Le courant a été coupé à Marseille lundi à midi et rétabli à 17h."},
		{"en noon", "en", "Power went out across Leeds at noon on Monday and was restored at 5pm."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2025-03-12"); o.DurationMin == nil || *o.DurationMin != 300 {
				t.Errorf("outage %+v, want a length of 300 minutes", o)
			}
		})
	}
}

// TestWeekIsNoStartDay: "this week" names no day, so a day of the text
// is the start even when a week expression stands nearer the trigger.
func TestWeekIsNoStartDay(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text string }{
		{"en this week", "Authorities in Iraq shut down internet access for two hours on Saturday morning during school exams, for the third time this week."},
		{"fr cette semaine", "Les autorités ont coupé l'accès à internet en Algérie pendant deux heures samedi matin, pour la troisième fois cette semaine."},
		{"ar this week", "قطعت السلطات السورية خدمة الإنترنت لمدة ساعتين صباح السبت، للمرة الثالثة هذا الأسبوع."},
		{"fr part of a week", "Les autorités ont coupé l'accès à internet en Algérie pendant deux heures samedi matin ; un retour complet à la normale est attendu d'ici la fin de semaine."},
		{"en part of a week", "Authorities in Iraq shut down internet access for two hours on Saturday morning; a full return to normal is expected by the end of the week."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2024-06-02"); o.Start != "2024-06-01" {
				t.Errorf("start %q (evidence %q), want Saturday 2024-06-01", o.Start, o.Evidence.Start)
			}
		})
	}
}

// TestOutageOfFeature: a day right after an outage word ("la panne du 3
// mars") or right before it ("the March 3 outage") dates that outage; a
// day of the news in the same sentence does not.
func TestOutageOfFeature(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		day        string // the candidate that must carry outage_of
		other      string // a candidate that must not
	}{
		{"fr la panne du", "Le régulateur a ordonné mercredi à Câble Nord de dédommager ses abonnés touchés par la panne du 3 mars, qui a duré 14 heures.", "2018-03-03", "2018-08-01"},
		{"en the outage of", "On Wednesday the regulator fined Northcable over the outage of March 3, which left customers without service for 14 hours.", "2018-03-03", "2018-08-01"},
		{"en the day before the outage word", "On Wednesday the regulator fined Northcable over its March 3 outage, which left customers without service for 14 hours.", "2018-03-03", "2018-08-01"},
		{"ar outage of the day", "غرمت الهيئة يوم الأربعاء شركة الشمال بسبب انقطاع يوم 3 مارس الذي حرم المشتركين من الخدمة 14 ساعة.", "2018-03-03", "2018-08-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2018-08-02"}
			ex := c.Classify(a)
			if len(ex.Outages) == 0 {
				t.Fatalf("no outage explained")
			}
			has := map[string]bool{}
			for _, ch := range ex.Outages[0].Choices {
				if ch.Slot != "start" {
					continue
				}
				for _, cand := range ch.Candidates {
					if slices.ContainsFunc(cand.Features, func(f model.Feature) bool { return f.Name == "outage_of" }) {
						has[cand.Value] = true
					}
				}
			}
			if !has[tt.day] || has[tt.other] {
				t.Errorf("outage_of on %v, want on %s only", has, tt.day)
			}
		})
	}
}

// TestRestoredDayIsNoStart: the day power came back is the outage's end,
// not its start, in each language.
func TestRestoredDayIsNoStart(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text string }{
		{"fr réalimentés", "Le courant revenu après trois jours de coupure\n\nLes derniers foyers privés d'électricité depuis la tempête ont été réalimentés hier soir par EDF. Au plus fort de l'épisode, jeudi, 60 000 clients étaient coupés."},
		{"en restored", "Power back after three days\n\nThe last homes left without power by the storm were restored last night. At the height of the storm, on Thursday, 60,000 customers were cut off."},
		{"ar عادت", "عودة الكهرباء بعد ثلاثة أيام\n\nعادت الكهرباء مساء أمس إلى آخر المنازل التي حرمت منها بسبب العاصفة. وفي ذروة العاصفة يوم الخميس انقطع التيار عن 60 ألف مشترك."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2018-12-10"); o.Start != "2018-12-06" {
				t.Errorf("start %q (evidence %q), want Thursday 2018-12-06", o.Start, o.Evidence.Start)
			}
		})
	}
}

// TestStoppedRespondingStartsASpan: "stopped responding at 8:05" marks a
// start time that, with the time service came back, gives the length,
// even in a sentence that names neither the service nor another outage
// word, in each language.
func TestStoppedRespondingStartsASpan(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text string }{
		{"fr cessé de répondre", "Doctolib indisponible dimanche\n\nLa plateforme Doctolib a été inaccessible dimanche matin. Selon l'entreprise, le site et l'application ont cessé de répondre à 8h05 ; le service a été rétabli à 10h50."},
		{"en stopped responding", "Doctolib down on Sunday\n\nThe Doctolib platform was unavailable on Sunday morning. According to the company, the site and the app stopped responding at 8:05 am; service was restored at 10:50 am."},
		{"ar توقفت عن الاستجابة", "تعطل منصة دكتوليب الأحد\n\nتعطلت منصة دكتوليب صباح الأحد. وبحسب الشركة، توقفت عن الاستجابة عند الساعة 8:05 صباحا، وعادت الخدمة عند الساعة 10:50 صباحا."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2023-11-21"); o.DurationMin == nil || *o.DurationMin != 165 {
				t.Errorf("duration %v (evidence %q), want 165 minutes", o.DurationMin, o.Evidence.Duration)
			}
		})
	}
}

// TestWaitUntilEndsASpan: "it took until 3:40 the next day for the last
// customers to be reconnected" ends the outage begun at 21:15.
func TestWaitUntilEndsASpan(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text string }{
		{"fr il a fallu attendre", "Coupure à Marseille\n\nDes milliers de foyers ont été privés d'électricité samedi soir. La coupure a commencé à 21h15. Il a fallu attendre 3h40 le lendemain pour que les derniers clients soient réalimentés."},
		{"fr réalimentés à", "Coupure à Marseille\n\nDes milliers de foyers ont été privés d'électricité samedi soir. La coupure a commencé à 21h15. Les derniers clients ont été réalimentés à 3h40 le lendemain."},
		{"en reconnected at", "Blackout in Leeds\n\nThousands of homes lost power on Saturday evening. The outage began at 9:15 pm. The last customers were reconnected at 3:40 am the next day."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2023-11-21"); o.DurationMin == nil || *o.DurationMin != 385 {
				t.Errorf("duration %v (evidence %q), want 385 minutes", o.DurationMin, o.Evidence.Duration)
			}
		})
	}
}

// TestArabicWordClockSpan: Arabic clock times written with ordinal hour
// words ("العاشرة صباحاً", "الرابعة عصراً") make a span like digits do.
func TestArabicWordClockSpan(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text string }{
		{"hedged words", "عانى عملاء الشركة من انقطاع خدمة الإنترنت أول أمس، إذ بدأ العطل نحو الساعة العاشرة صباحاً، وعادت الخدمة قرابة الرابعة عصراً."},
		{"plain words", "انقطعت خدمة الإنترنت يوم الأحد عند العاشرة صباحا، وعادت الخدمة عند الرابعة عصرا."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if o, _ := mainOutage(t, c, tt.text, "2023-11-21"); o.DurationMin == nil || *o.DurationMin != 360 {
				t.Errorf("duration %v (evidence %q), want 360 minutes", o.DurationMin, o.Evidence.Duration)
			}
		})
	}
}
