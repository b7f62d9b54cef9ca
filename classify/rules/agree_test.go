package rules

import "testing"

// TestArabicAgreement: an Arabic cause phrase matches when its later
// words carry the article ال (an adjective agreeing with a definite
// noun), and "في X" matches the clitic "بX"; dates and other kinds keep
// exact matching of later words. Breakers are equipment in each language.
func TestArabicAgreement(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, sub, cause string
	}{
		{"ar definite attack", "ar", "تعرضت الشركة للهجوم الإلكتروني مساء أمس", "للهجوم", "cyberattack"},
		{"ar definite plural attacks", "ar", "توقفت المواقع نتيجة الهجمات السيبرانية", "الهجمات", "cyberattack"},
		{"ar definite fault", "ar", "انقطعت الخدمة بسبب العطل الفني في الشبكة", "العطل", "software_bug"},
		{"ar definite cable", "ar", "انقطع الإنترنت بعد قطع الكابل البحري", "قطع", "cable_cut"},
		{"ar clitic for في", "ar", "توقفت الخدمة بسبب عطل بالخوادم الرئيسية", "عطل", "hardware_failure"},
		{"en breaker", "en", "A breaker failed at the main substation.", "breaker", "hardware_failure"},
		{"fr disjoncteur", "fr", "Un disjoncteur défaillant a coupé le poste.", "disjoncteur", "hardware_failure"},
		{"ar breaker", "ar", "انقطعت الكهرباء بسبب عطل في قاطع كهربائي", "قاطع", "hardware_failure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := exprAt(tg.Tag(tt.text, tt.lang, refDay), KindCause, tt.sub)
			if !ok {
				t.Fatalf("%q: no cause holding %q", tt.text, tt.sub)
			}
			if e.Cause != tt.cause {
				t.Errorf("%q: %q read as %s, want %s", tt.text, e.Text, e.Cause, tt.cause)
			}
		})
	}
}

func TestSameNoArticle(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"الفني", "فني", true},
		{"فني", "الفني", true},
		{"الالكتروني", "الكتروني", true}, // a word whose root begins with ال
		{"فني", "تقني", false},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := sameNoArticle(tt.a, tt.b); got != tt.want {
				t.Errorf("sameNoArticle(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
