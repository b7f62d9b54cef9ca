package classify

import (
	"encoding/json"
	"io"
	"testing"
	"unicode/utf8"

	"outages/corpus"
)

func FuzzClassify(f *testing.F) {
	for _, s := range []string{
		"", "panne", "Twitter was down for two hours on Monday.",
		"انقطاع الإنترنت في مصر لمدة ساعتين", "Panne géante chez SFR depuis 11h01 jusqu'à 11h47.",
		"X\n\n\n.", "ـــ", "=*|\t", "GitHub.com 3.5 …",
		"Caída de WhatsApp: usuarios sin servicio ayer durante 3 horas por un fallo técnico.",
		"Stromausfall am Montag: Tausende Haushalte ohne Strom nach Sturm, 1,5 Stunden.",
		"اختلال در اینترنت همراه از صبح امروز؛ قطعی ۳ ساعت ادامه داشت.",
		"Huduma za M-Pesa zakatika jana kwa saa", "Umeme ulikatika kwa saa 3 leo; hitilafu saa tatu.",
		"Awaria mBanku: aplikacja nie działała wczoraj przez pół godziny.",
		"Сбой «Сбера»: приложение не работало вчера полтора часа. Сбой",
		"Pană de curent în București: fără curent 2 ore, marţi, după furtună.",
		"Gangguan Telkomsel: layanan tidak bisa diakses selama dua belas jam kemarin.",
		"Panne\n\nRabat, 13 juin 2019 - La plateforme a été inaccessible mercredi soir. Pour la deuxième fois en moins d'un mois.",
		"Il sito dell'Inps va in tilt\n\nIl sito dell'Inps è rimasto inaccessibile per ore.",
		"«موبيليس» تنفي وجود عطل\n\nبغداد - الأحد 15 حزيران 2025 - من السادسة حتى الثامنة صباحا، وتأثرت خدمات X و Y.",
		"\n,\u00ab",
	} {
		f.Add(s, "2024-01-02")
	}
	c, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		a := &corpus.Article{Body: text, Published: published, Title: published}
		ex := c.Classify(a)
		if ex == nil {
			t.Fatal("nil explanation")
		}
		if err := ex.WriteText(io.Discard); err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(ex); err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
		for i, o := range a.Outages {
			if !corpus.ValidCause(o.Cause) {
				t.Errorf("invalid cause %q", o.Cause)
			}
			// only an outage the text names no service of has no name (it
			// still carries its start and length)
			if utf8.ValidString(text) && o.Service == "" && (i >= len(ex.Outages) || ex.Outages[i].Rule != "derived: no name") {
				t.Error("empty service")
			}
		}
	})
}
