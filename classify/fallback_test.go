package classify

import (
	"strings"
	"testing"

	"outages/corpus"
)

// TestDerivedService checks that an outage report naming no known service
// still yields an outage, named from the text, with its start, length and
// cause.
func TestDerivedService(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, title, body, pub string
		service, kind          string // service "" means any name (even none)
		start, cause           string
		minutes                int  // 0: not checked
		derived                bool // named by deriveService, not by the gazetteer or the name patterns
	}{
		{
			name:    "fr regional bank",
			derived: true,
			title:   "Les clients de la Caisse Solidaire Rhodanienne privés de leurs comptes",
			body:    "L'application mobile et le site de la Caisse Solidaire Rhodanienne sont restés en panne le 3 mars 2025 pendant six heures.",
			pub:     "2025-03-04",
			service: "Caisse Solidaire Rhodanienne", kind: corpus.KindOnlineService,
			start: "2025-03-03", minutes: 360,
		},
		{
			name:    "fr tram operator",
			title:   "Le réseau Tramalpes paralysé",
			body:    "Une panne électrique a paralysé le réseau Tramalpes le 12 février 2024. Le trafic est resté interrompu pendant deux heures.",
			pub:     "2024-02-13",
			service: "Tramalpes", start: "2024-02-12", minutes: 120, cause: corpus.CausePower,
		},
		{
			name:    "en game",
			title:   "Players locked out of Starhaven Chronicles",
			body:    "The servers of Starhaven Chronicles went down on June 8, 2023 after a cyberattack, and the game stayed offline for three hours. Starhaven Chronicles said all data was safe.",
			pub:     "2023-06-09",
			service: "Starhaven Chronicles", start: "2023-06-08", minutes: 180, cause: corpus.CauseCyberattack,
		},
		{
			name:    "en weekday and month are not names",
			derived: true,
			title:   "",
			body:    "On Tuesday, the booking website and app used by Norvale Airways passengers were down for about two hours. Norvale Airways blamed a software update. The outage began on 14 May 2024.",
			pub:     "2024-05-15",
			service: "Norvale Airways", start: "2024-05-14",
		},
		{
			name:    "ar platform after cue word",
			derived: true,
			title:   "تعطل منصة رافد التعليمية",
			body:    "تعطلت منصة رافد التعليمية يوم 5 مارس 2024 لمدة ثلاث ساعات بسبب هجوم إلكتروني، وفق ما أعلنت الوزارة.",
			pub:     "2024-03-06",
			service: "رافد التعليمية", start: "2024-03-05", minutes: 180, cause: corpus.CauseCyberattack,
		},
		{
			name:    "ar bank keeps its cue word",
			derived: true,
			title:   "عطل في تطبيق بنك الواحة",
			body:    "توقف تطبيق بنك الواحة عن العمل يوم 2 يناير 2025 بسبب عطل تقني، وعادت الخدمة بعد ساعتين.",
			pub:     "2025-01-03",
			service: "بنك الواحة", start: "2025-01-02",
		},
		{
			name:    "no name at all still carries start and length",
			derived: true,
			title:   "",
			body:    "le service en ligne est resté en panne pendant quatre heures le 9 avril 2024, selon les usagers.",
			pub:     "2024-04-10",
			start:   "2024-04-09", minutes: 240,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Title: tt.title, Body: tt.body, Published: tt.pub}
			ex := c.Classify(a)
			if !a.IsOutage {
				t.Fatalf("not detected as an outage")
			}
			if len(a.Outages) == 0 {
				t.Fatalf("is_outage but no outage record")
			}
			o := a.Outages[0]
			if got := strings.HasPrefix(ex.Outages[0].Rule, "derived"); got != tt.derived {
				t.Errorf("rule %q: derived = %v, want %v", ex.Outages[0].Rule, got, tt.derived)
			}
			if tt.service != "" && o.Service != tt.service {
				t.Errorf("service = %q, want %q", o.Service, tt.service)
			}
			if tt.kind != "" && o.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", o.Kind, tt.kind)
			}
			if tt.start != "" && o.Start != tt.start {
				t.Errorf("start = %q, want %q", o.Start, tt.start)
			}
			if tt.cause != "" && o.Cause != tt.cause {
				t.Errorf("cause = %q, want %q", o.Cause, tt.cause)
			}
			if tt.minutes != 0 && (o.DurationMin == nil || *o.DurationMin != tt.minutes) {
				t.Errorf("duration = %s, want %d", ptrStr(o.DurationMin), tt.minutes)
			}
		})
	}
}

// TestArabicNameBounds: an Arabic derived name may open with a utility
// word after a company cue ("شركة كهرباء ..."), and ends before a clause
// opened by و or a length of time after a preposition ("لساعات").
func TestArabicNameBounds(t *testing.T) {
	c := newTest(t)
	tests := []struct{ name, text, want string }{
		{"utility word opens the name", "أعلنت شركة كهرباء الوادي الأخضر عن انقطاع التيار الكهربائي عن أحياء عدة بسبب عطل في محطة التحويل.", "كهرباء الوادي الأخضر"},
		{"a clause opened by wa", "عطل مفاجئ يضرب شبكة النجمة الزرقاء ويحرم المشتركين من الإنترنت ساعات.", "النجمة الزرقاء"},
		{"a length after a preposition", "تعطلت بوابة الخدمات الموحدة لساعات يوم الاثنين، ولم يتمكن المواطنون من إنجاز معاملاتهم.", "الخدمات الموحدة"},
		{"coordinated nouns go on", "تعطل موقع وزارة الثقافة والفنون بعد ضغط كبير على الخوادم صباح اليوم.", "وزارة الثقافة والفنون"},
		{"a preposition on the bank word", "هجوم إلكتروني يعطل الخدمات الرقمية لبنك الواحة الأخضر يوم ٤ مارس لساعات عدة.", "بنك الواحة الأخضر"},
		{"a conjunction on the bank word", "تعطلت تطبيقات مصرف النخيل ومصرف الصحراء الأول مساء الأحد لساعتين.", "مصرف النخيل"},
		{"a quoted name ends at the quote", "توقف تطبيق \"سيارتي\" أربعين دقيقة بسبب عطل لدى مزود سحابي.", "سيارتي"},
		{"a company cue after the app cue", "توقف تطبيق شركة الريان للتوصيل عن العمل مساء الاثنين لثلاث ساعات.", "الريان للتوصيل"},
		{"a bank cue after the app cue", "توقف تطبيق بنك الريان الأول عن العمل مساء الاثنين لثلاث ساعات.", "بنك الريان الأول"},
		{"a weekday ends the name", "تعطلت منصة سنابل الرقمية الخميس الماضي لمدة ثلاث ساعات.", "سنابل الرقمية"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2025-03-14", DeclaredLang: corpus.LangArabic}
			c.Classify(a)
			if !a.IsOutage || len(a.Outages) == 0 {
				t.Fatalf("no outage found in %q", tt.text)
			}
			if got := a.Outages[0].Service; got != tt.want {
				t.Errorf("service = %q, want %q", got, tt.want)
			}
		})
	}
}
