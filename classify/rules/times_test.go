package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestTimeForms covers times of day written with minutes around the hour,
// parts of the day and zones, in each language.
func TestTimeForms(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		time, zone, utc  string
		value            string // the time's day, "" when none is stated
	}{
		// minutes named before or after the hour
		{"en quarter past", "en", "Service resumed at a quarter past 4pm.", "16:15", "", "", ""},
		{"en minutes to noon", "en", "Errors peaked 10 minutes to noon, engineers said.", "11:50", "", "", ""},
		{"en half past word", "en", "The bridge shut at half past nine.", "09:30", "", "", ""},
		{"en words and pm", "en", "The grid failed at ten forty pm.", "22:40", "", "", ""},
		{"en glued h", "en", "Logs show 21h05 as the first error.", "21:05", "", "", ""},
		{"fr midi et quart", "fr", "Le site est tombé à midi et quart.", "12:15", "", "", ""},
		{"fr moins le quart", "fr", "La panne a frappé vers minuit moins le quart.", "23:45", "", "", ""},
		{"fr midi moins cinq", "fr", "Le portail a flanché à midi moins cinq.", "11:55", "", "", ""},
		{"fr heures et demie", "fr", "Le serveur a redémarré à 7 heures et demie.", "07:30", "", "", ""},
		{"ar third", "ar", "توقف الموقع عند الساعة الرابعة وثلث", "04:20", "", "", ""},
		{"ar to quarter", "ar", "تعطل النظام الساعة الخامسة إلا ربعا", "04:45", "", "", ""},
		{"ar teen minutes", "ar", "الساعة الثانية وسبعة عشر دقيقة توقف البث", "02:17", "", "", ""},
		// am/pm from a part of the day before or after the time
		{"en afternoon before", "en", "This afternoon at 2:10 the portal froze.", "14:10", "", "", "2024-03-14"},
		{"en tonight at", "en", "Tonight at 9 the bank will patch its servers.", "21:00", "", "", "2024-03-14"},
		{"en tomorrow evening at", "en", "Tomorrow evening at 7 the line reopens.", "19:00", "", "", "2024-03-15"},
		{"fr heures ce soir", "fr", "Une coupure est prévue 9 heures ce soir.", "21:00", "", "", "2024-03-14"},
		{"fr heures du matin", "fr", "Le réseau a lâché 2 heures du matin.", "02:00", "", "", ""},
		{"fr cet apres-midi is no zone", "fr", "Rendez-vous à 3 heures et demie cet après-midi.", "15:30", "", "", "2024-03-14"},
		{"fr dans la soiree", "fr", "Les pannes ont repris vers 8h dans la soirée.", "20:00", "", "", ""},
		{"ar after sunset", "ar", "عادت الخدمة الساعة 9 بعد المغرب", "21:00", "", "", ""},
		{"ar dawn no preposition", "ar", "انقطع التيار الرابعة فجرا", "04:00", "", "", ""},
		// zones: UTC on the stated day, else on the reference day
		{"en cet with day", "en", "On 2 March 2024 at 4pm CET the API failed.", "16:00", "CET", "2024-03-02T15:00:00Z", "2024-03-02"},
		{"en pt no day", "en", "Down since 6 a.m. PT, the app is back.", "06:00", "PT", "2024-03-14T13:00:00Z", ""},
		{"fr heure de paris", "fr", "Coupure à 14h30 (heure de Paris) dans tout le pays.", "14:30", "heure de Paris", "2024-03-14T13:30:00Z", ""},
		{"en weekday then zoned time", "en", "Tuesday 8:00 GMT the feed died.", "08:00", "GMT", "2024-03-12T08:00:00Z", "2024-03-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindTime)
			if !ok {
				t.Fatalf("no time in %q: %+v", tt.text, exprs)
			}
			if e.Time != tt.time || e.Zone != tt.zone || e.UTC != tt.utc || e.Value != tt.value {
				t.Errorf("%q: got time=%q zone=%q utc=%q value=%q, want %q %q %q %q",
					tt.text, e.Time, e.Zone, e.UTC, e.Value, tt.time, tt.zone, tt.utc, tt.value)
			}
		})
	}
}

// TestNotTimes checks that numbers without a time cue stay what they are.
func TestNotTimes(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		allowed          string // the times of day the text may give, space-separated
		dur              int    // expected duration in minutes, or -1 for none
	}{
		{"en number before this morning", "en", "Three people were hurt this morning.", "", -1},
		{"en number before tonight", "en", "The club sold 400 tickets tonight.", "", -1},
		{"fr heures pendant ce matin", "fr", "Le site a été coupé pendant 3 heures ce matin.", "", 180},
		{"en for minutes past", "en", "The site was down for 20 minutes past noon.", "12:00", 20},
		{"fr et between hours", "fr", "Le trafic a doublé à 15h et 16h.", "15:00 16:00", -1},
		{"en about hours before a weekday", "en", "Customers lost service for about 12 hours on Wednesday.", "", 720},
		{"en around hours later", "en", "Around 3 hours later the app was back.", "", 180},
		{"fr pendant environ", "fr", "Le site est resté inaccessible pendant environ une heure et demie jeudi matin.", "", 90},
		{"ar lemudat hawali", "ar", "توقفت الخدمة لمدة حوالي ساعتين صباح الأحد", "", 120},
		{"en lasting until about is a time", "en", "The outage lasted until about 3pm.", "15:00", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			for _, e := range exprs {
				if e.Kind == KindTime && e.Time != "" && !slices.Contains(strings.Fields(tt.allowed), e.Time) {
					t.Errorf("%q: unexpected time %+v", tt.text, e)
				}
			}
			if tt.dur >= 0 {
				e, ok := find(exprs, KindDuration)
				if !ok || e.Minutes == nil || *e.Minutes != tt.dur {
					t.Errorf("%q: want a duration of %d min, got %+v", tt.text, tt.dur, exprs)
				}
			}
		})
	}
}

// TestDayWindows covers parts of the day read as intervals of hours and
// spans of times.
func TestDayWindows(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		from, to, value  string
	}{
		{"fr dans la soiree no day", "fr", "Les pannes ont repris dans la soirée.", "18:00", "23:00", ""},
		{"fr hier soir", "fr", "Hier soir, la box ne répondait plus.", "2024-03-13T18:00", "2024-03-13T23:00", "2024-03-13"},
		{"fr date fin de journee", "fr", "Le 5 mars en fin de journée, le réseau a cédé.", "2024-03-05T17:00", "2024-03-05T20:00", "2024-03-05"},
		{"fr matinee du", "fr", "Dans la matinée du 2 mars, plus rien ne passait.", "2024-03-02T04:00", "2024-03-02T11:00", "2024-03-02"},
		{"en tonight", "en", "Tonight the upgrade starts.", "2024-03-14T18:00", "2024-03-14T23:00", "2024-03-14"},
		{"en yesterday evening", "en", "Yesterday evening the app crashed.", "2024-03-13T18:00", "2024-03-13T23:00", "2024-03-13"},
		{"en date in the morning", "en", "On March 3 in the morning, users saw errors.", "2024-03-03T00:00", "2024-03-03T11:00", "2024-03-03"},
		{"ar tonight", "ar", "انقطعت الكهرباء الليلة في المدينة", "2024-03-14T18:00", "2024-03-14T23:00", "2024-03-14"},
		// spans of times
		{"fr end after noon", "fr", "Coupure de 11h30 à 1h30 dans le quartier.", "11:30", "13:30", ""},
		{"en bare end hour", "en", "Maintenance 9h30 - 11h tomorrow.", "2024-03-15T09:30", "2024-03-15T11:00", "2024-03-15"},
		{"en around span", "en", "Expect delays around 3-4pm.", "15:00", "16:00", ""},
		{"en from to pm", "en", "Outage from 2 to 3pm.", "14:00", "15:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to || (tt.value != "" && e.Value != tt.value) {
				t.Errorf("%q: got %q..%q value %q, want %q..%q %q", tt.text, e.From, e.To, e.Value, tt.from, tt.to, tt.value)
			}
			if e.Grain == "hour" && e.Minutes != nil {
				t.Errorf("%q: a part of the day has no length, got %d min", tt.text, *e.Minutes)
			}
		})
	}
}

// TestYearlessDayWindows: a part of a day and its day and month with no
// reference year keep the day as XXXX-MM-DD, in each language.
func TestYearlessDayWindows(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text, value string }{
		{"ar masaa weekday date", "ar", "عادت الخدمة مساء الخميس 8 أغسطس بعد عطل", "XXXX-08-08"},
		{"fr matinee du", "fr", "Dans la matinée du 2 mars, plus rien ne passait.", "XXXX-03-02"},
		{"en morning of", "en", "In the morning of March 3, users saw errors.", "XXXX-03-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, Ref{})
			for _, e := range exprs {
				if e.Value == tt.value {
					return
				}
			}
			t.Errorf("%q: no expression valued %s: %+v", tt.text, tt.value, exprs)
		})
	}
}
