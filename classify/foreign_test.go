package classify

import (
	"testing"

	"outages/corpus"
)

// TestForeignReports covers reports in languages other than French,
// Arabic and English: answered "other", and an outage report when the
// words of foreign.tsv say so. Every text here was written for this test.
func TestForeignReports(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, published string
		outage                bool
		service, start, cause string
		kind                  string // checked when set
		duration              int    // minutes, 0 for none
	}{
		{name: "spanish app outage, yesterday, with length", published: "2025-04-09",
			text:   "Caída mundial de WhatsApp: millones de usuarios sin servicio\n\nLa aplicación de mensajería sufrió ayer una caída que dejó sin servicio a usuarios de varios países durante 3 horas, según los datos de los portales de incidencias. La empresa no explicó el motivo del fallo técnico.",
			outage: true, service: "WhatsApp", start: "2025-04-08", cause: "unknown", duration: 180},
		{name: "german power cut after a storm, weekday", published: "2024-11-23",
			text:   "Stromausfall nach Sturm in Chile\n\nNach einem schweren Sturm waren am Donnerstag Hunderttausende Haushalte in Chile ohne Strom. Der Stromausfall betraf vor allem den Süden des Landes, teilte der Netzbetreiber mit.",
			outage: true, service: "Power grid (Chile)", start: "2024-11-21", cause: "weather_disaster"},
		{name: "portuguese operator, cable cut", published: "2023-06-02",
			text:   "Clientes da Vodafone ficam sem internet após rompimento de fibra\n\nUma falha técnica deixou hoje milhares de clientes da Vodafone sem internet em Lisboa. A operadora informou que o rompimento de fibra foi reparado à tarde e que a instabilidade terminou.",
			outage: true, service: "Vodafone", start: "2023-06-02", cause: "cable_cut"},
		{name: "turkish power cut with hours", published: "2025-01-15",
			text:   "İstanbul'da elektrik kesintisi\n\nDün akşam İstanbul'un birçok ilçesinde elektrik kesintisi yaşandı. Kesinti fırtına nedeniyle 4 saat sürdü, elektrikler gece yarısı geri geldi.",
			outage: true, service: "Power grid (Turkey)", start: "2025-01-14", cause: "weather_disaster", duration: 240},
		{name: "persian internet disruption", published: "2025-06-18",
			text:   "اختلال گسترده در اینترنت همراه\n\nکاربران از صبح امروز از اختلال در اینترنت همراه در چند شهر خبر می‌دهند. این اختلال چند ساعت ادامه داشت و اپراتور هنوز دلیل آن را اعلام نکرده است.",
			outage: true, service: "Mobile networks", start: "2025-06-18", cause: "unknown"},
		{name: "german card payments, kind as the main path names it", published: "2025-09-20",
			text:   "Störung bei der Kartenzahlung\n\nKunden konnten am Samstag bundesweit nicht mit der Girocard bezahlen: Die Kartenzahlung war gestört, eine Störung im Netz des Zahlungsdienstleisters.",
			outage: true, service: "Banking services", kind: "online_service", start: "2025-09-20", cause: "unknown"},
		{name: "italian planned maintenance", published: "2025-03-01",
			text:   "Servizi della banca sospesi per manutenzione programmata\n\nLa banca comunica che domenica notte l'app e l'home banking non funzionano per manutenzione programmata: l'interruzione durerà 4 ore. I servizi torneranno disponibili lunedì mattina.",
			outage: false},
		{name: "portuguese consumer advice", published: "2025-02-10",
			text:   "Apagão queimou seus aparelhos? Saiba como pedir ressarcimento\n\nQuedas de energia podem danificar eletrodomésticos. Em caso de apagão, o consumidor pode pedir ressarcimento à distribuidora de energia elétrica em até 90 dias, explicam especialistas.",
			outage: false},
		{name: "spanish stock market fall", published: "2025-05-05",
			text:   "La caída de la bolsa arrastra a las tecnológicas\n\nLa caída de la bolsa de esta semana golpeó a las grandes tecnológicas. Las acciones de Google y Amazon cerraron a la baja, aunque los analistas esperan una recuperación.",
			outage: false},
		{name: "dutch operator denies", published: "2025-08-12",
			text:   "Storing bij KPN? Provider ontkent\n\nOp sociale media meldden gebruikers een storing bij KPN, maar de provider ontkent dat er sprake is van een storing: het netwerk werkt normaal.",
			outage: false},
		{name: "german text with one outage word", published: "2025-08-12",
			text:   "Die Telekom eröffnet neue Shops\n\nDie Telekom eröffnet in Berlin drei neue Geschäfte. Ein Sprecher sagte, bei einer Störung helfe man Kunden künftig schneller.",
			outage: false},
		{name: "russian is not read", published: "2025-08-12",
			text:   "Пользователи сообщили, что сервис Telegram был недоступен несколько часов.",
			outage: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: tt.published}
			c.Classify(a)
			if a.Lang != corpus.LangOther {
				t.Fatalf("lang %q, want other", a.Lang)
			}
			if a.IsOutage != tt.outage {
				t.Fatalf("is_outage %v, want %v (outages %+v)", a.IsOutage, tt.outage, a.Outages)
			}
			if !tt.outage {
				if len(a.Outages) != 0 {
					t.Errorf("outages %+v on a text that is not a report", a.Outages)
				}
				return
			}
			o := a.Outages[0]
			if o.Service != tt.service || o.Start != tt.start || o.Cause != tt.cause {
				t.Errorf("service %q start %q cause %q, want %q %q %q", o.Service, o.Start, o.Cause, tt.service, tt.start, tt.cause)
			}
			if tt.kind != "" && o.Kind != tt.kind {
				t.Errorf("kind %q, want %q", o.Kind, tt.kind)
			}
			got := 0
			if o.DurationMin != nil {
				got = *o.DurationMin
			}
			if got != tt.duration {
				t.Errorf("duration %d, want %d", got, tt.duration)
			}
		})
	}
}
