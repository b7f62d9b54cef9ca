package rules

import "testing"

// TestClockPhrasings covers clock times of outage news: minutes after an
// hour ("twenty after 3pm"), fractions after a word hour ("onze heures
// trois quarts"), clipped parts of the day ("du mat"), "mid-day", and the
// role a time's own preposition gives it after a day ("lundi à partir de
// 14h", "Monday after 6pm").
func TestClockPhrasings(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text  string
		time, role, value string
	}{
		{"en words after pm", "en", "The portal froze twenty after 3pm.", "15:20", "", ""},
		{"en minutes after midnight", "en", "Ten minutes after midnight the tills stopped.", "00:10", "", ""},
		{"en bare after noon", "en", "Phones rang again at 5 after noon.", "12:05", "", ""},
		{"en mid-day", "en", "The feed was back at mid-day.", "12:00", "end", ""},
		{"en mid day", "en", "Lines went quiet around mid day.", "12:00", "", ""},
		{"en weekday after", "en", "Users were offline Monday after 6pm.", "18:00", "start", "2024-03-11"},
		{"en weekday until", "en", "The store stayed dark Tuesday until 4:30 pm.", "16:30", "end", "2024-03-12"},
		{"en run-together pm", "en", "The card readers died at 745 p.m. on the dot.", "19:45", "", ""},
		{"en run-together am", "en", "Boarding stopped at 1130am.", "11:30", "", ""},
		{"en leading zero after prep", "en", "Radar feeds resumed at 0815, the agency said.", "08:15", "", ""},
		{"en quarter past after for", "en", "The vote was set for a quarter past 2pm.", "14:15", "", ""},
		{"en minutes over twelve to noon", "en", "Sirens sounded 25 to noon.", "11:35", "", ""},
		{"en words to hour", "en", "The tower went dark at twenty to five.", "04:40", "start", ""},
		{"fr matin a partir de role", "fr", "Le réseau a flanché mardi matin à partir de 8h20.", "08:20", "start", "2024-03-12"},
		{"en glued p", "en", "The feed died at 4:25p and came back later.", "16:25", "", ""},
		{"en glued a after prep", "en", "Crews finished by 6a.", "06:00", "end", ""},
		{"en bare hour opens tonight", "en", "9 tonight, the upgrade window opens.", "21:00", "", ""},
		{"en bare hour opens in the morning", "en", "Update: 5 in the morning, the feed is still down.", "05:00", "", ""},
		{"en bare hour with zone", "en", "The API was restored by 6 PT.", "06:00", "end", ""},
		{"fr trois quarts after word hour", "fr", "Le courant est revenu à dix heures trois quarts.", "10:45", "end", ""},
		{"fr et quart after word hour", "fr", "Le serveur a cédé à neuf heures et quart.", "09:15", "", ""},
		{"fr du mat", "fr", "Les caisses ont lâché à 4h du mat.", "04:00", "", ""},
		{"fr day time part of day", "fr", "Le 9 vers 7h dans la soirée, le réseau a cédé.", "19:00", "", "2024-03-09"},
		{"en day time part of day", "en", "On Friday at 9 in the evening the app froze.", "21:00", "", "2024-03-08"},
		{"fr weekday a partir de", "fr", "Le réseau a flanché mardi à partir de 15h.", "15:00", "start", "2024-03-12"},
		{"fr weekday apres", "fr", "Le guichet était fermé lundi après 17h30.", "17:30", "start", "2024-03-11"},
		{"fr weekday jusqu'a", "fr", "La ligne est restée muette mercredi jusqu'à 8h.", "08:00", "end", "2024-03-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindTime)
			if !ok {
				t.Fatalf("no time in %q: %+v", tt.text, exprs)
			}
			if e.Time != tt.time || e.Role != tt.role || e.Value != tt.value {
				t.Errorf("%q: got time=%q role=%q value=%q, want %q %q %q",
					tt.text, e.Time, e.Role, e.Value, tt.time, tt.role, tt.value)
			}
		})
	}
}

// TestSpanEnds covers spans of times whose end is a bare number after a
// start that reads as a time on its own ("entre midi et deux", "8am until
// 6"), and spans with a day after their start ("from 11pm Sunday until 2
// am"); a bare number that counts things ends no span.
func TestSpanEnds(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		from, to         string // "" when no interval is wanted
		mins             int
	}{
		{"fr entre midi et deux", "fr", "Le standard a sonné dans le vide entre midi et deux.", "12:00", "14:00", 120},
		{"fr de minutes a bare", "fr", "Les bornes ont refusé les cartes de 9h15 à 11.", "09:15", "11:00", 105},
		{"en am until bare", "en", "The checkout failed from 7am until 5, the chain said.", "07:00", "17:00", 600},
		{"en minutes to bare", "en", "Trains halted from 10:20 to 12 and resumed later.", "10:20", "12:00", 100},
		{"en noon to bare", "en", "The helpline was silent between noon and 3.", "12:00", "15:00", 180},
		{"en start day then bare end", "en", "Email was down from 11pm Sunday until 2 am.", "2024-03-10T23:00", "2024-03-11T02:00", 180},
		{"fr start day", "fr", "Le site a été coupé de 22h dimanche à 1h30.", "2024-03-10T22:00", "2024-03-11T01:30", 210},
		{"en weekday and span of hours", "en", "Planned work Tuesday 1-4am will cut the signal.", "2024-03-12T01:00", "2024-03-12T04:00", 180},
		{"fr weekday and span of hours", "fr", "Travaux mardi 1h-4h sur le réseau.", "2024-03-12T01:00", "2024-03-12T04:00", 180},
		{"fr bare start takes heures", "fr", "Le métro s'est arrêté de 14 à 16 heures.", "14:00", "16:00", 120},
		{"fr entre bare et h", "fr", "Plus de tonalité entre 9 et 11h hier.", "2024-03-13T09:00", "2024-03-13T11:00", 120},
		{"fr dash bare h", "fr", "Perturbations prévues 13-15h sur la ligne.", "13:00", "15:00", 120},
		{"en bare start o'clock", "en", "The tills froze from 2 to 4 o'clock.", "02:00", "04:00", 120},
		{"en glued letters span", "en", "Lines were busy from 9a to 11a.", "09:00", "11:00", 120},
		{"en bare start named end", "en", "The portal was frozen from 9 to noon.", "09:00", "12:00", 180},
		{"en to midnight evening", "en", "The app failed from 10:40 to midnight.", "22:40", "00:00", 80},
		{"en bare to midnight", "en", "Calls dropped between 11 and midnight.", "23:00", "00:00", 60},
		{"fr minuit counts 24 hours", "fr", "Coupure de 21h15 à minuit.", "21:15", "00:00", 165},
		{"fr bare start midi", "fr", "Le guichet a été fermé de 10 à midi.", "10:00", "12:00", 120},
		{"en 24h hour for a length", "en", "Maintenance at the depot: 14h for 40 mins.", "14:00", "14:40", 40},
		{"en four digits zoned span", "en", "Trading halted from 1315 to 1450 GMT.", "13:15", "14:50", 95},
		{"en leading zero span", "en", "Errors ran between 0540 and 0710 UTC.", "05:40", "07:10", 90},
		{"en four digits no zone are years", "en", "Records from 1400 to 1630 were lost.", "", "", 0},
		{"fr range of lengths", "fr", "La panne a duré entre 3 et 4 heures.", "", "", 0},
		{"en range of lengths", "en", "Crews said repairs take 2-4 hours.", "", "", 0},
		{"en bare count after span", "en", "From 10am to 5 engineers worked on it.", "", "", 0},
		{"fr bare count after span", "fr", "Il y avait de 10h à 12 techniciens sur place.", "", "", 0},
		{"fr bare hours both", "fr", "La panne a touché 5 à 7 départements.", "", "", 0},
		{"ar hour word takes the end's part of day", "ar", "انقطعت الشبكة من السادسة حتى الثامنة صباحا.", "06:00", "08:00", 120},
		{"ar hour word to the evening", "ar", "توقف التطبيق من الثالثة إلى الخامسة مساء.", "15:00", "17:00", 120},
		{"ar ordinals without a part of day", "ar", "انتقل الفريق من الأولى حتى الثالثة.", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if tt.from == "" {
				if ok {
					t.Errorf("%q: unexpected interval %+v", tt.text, e)
				}
				return
			}
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to || e.Minutes == nil || *e.Minutes != tt.mins {
				t.Errorf("%q: got %q..%q minutes %v, want %q..%q %d", tt.text, e.From, e.To, e.Minutes, tt.from, tt.to, tt.mins)
			}
		})
	}
}

// TestNotRunTogetherTimes checks that run-together digits need am/pm and
// a bare hour with a zone needs a preposition.
func TestNotRunTogetherTimes(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text string }{
		{"en digits alone", "en", "Around 1030 customers lost service."},
		{"en bare hour zone no prep", "en", "Shares rose 5 ET analysts said."},
		{"en weekday day span of days", "en", "The fair runs Friday 12-13 in the hall."},
		{"en glued letter no cue", "en", "Bus 9a was late again."},
		{"en pence", "en", "Shares fell 3p."},
		{"en count before part of day", "en", "Police said 4 in the afternoon were hurt."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindTime || e.Kind == KindInterval && e.Time != "" {
					t.Errorf("%q: unexpected time %+v", tt.text, e)
				}
			}
		})
	}
}

// TestMonthParts covers parts of a month ("early March", "fin mars",
// "à la mi-mars"): intervals of days, whose Value stays the month (or
// the 15th for French "mi-").
func TestMonthParts(t *testing.T) {
	tg := tagger(t)
	tests := []dayInterval{
		{"en early", "en", "Outages hit the region in early June.", "2024-06-01", "2024-06-10", "2024-06"},
		{"en mid dash", "en", "The cable was cut in mid-January.", "2024-01-11", "2024-01-20", "2024-01"},
		{"en end of short month", "en", "Repairs ended at the end of February.", "2024-02-21", "2024-02-29", "2024-02"},
		{"en late with year", "en", "The grid failed in late October 2022.", "2022-10-21", "2022-10-31", "2022-10"},
		{"fr debut", "fr", "La fibre est arrivée début juin.", "2024-06-01", "2024-06-10", "2024-06"},
		{"fr fin du mois de", "fr", "Le réseau a cédé à la fin du mois de novembre.", "2024-11-21", "2024-11-30", "2024-11"},
		{"fr premiere quinzaine", "fr", "Les travaux auront lieu dans la première quinzaine de juillet.", "2024-07-01", "2024-07-14", "2024-07"},
		{"fr seconde quinzaine", "fr", "La fibre a lâché la seconde quinzaine d'août.", "2024-08-15", "2024-08-31", "2024-08"},
		{"en first half of", "en", "Outages grew in the first half of April.", "2024-04-01", "2024-04-15", "2024-04"},
		{"fr mi keeps the fifteenth", "fr", "Les coupures ont repris vers la mi-septembre.", "2024-09-11", "2024-09-20", "2024-09-15"},
	}
	checkDayIntervals(t, tg, tests)
}

// TestPeriodParts covers parts of a week, a month named by its place or a
// year ("end of last week", "en fin de mois", "à la fin de l'année", "end
// of 2019"): intervals of days (of months for a year) whose Value stays
// the period's.
func TestPeriodParts(t *testing.T) {
	tg := tagger(t)
	tests := []dayInterval{
		{"en end of last week", "en", "The bank's app failed at the end of last week.", "2024-03-08", "2024-03-10", "2024-03-04"},
		{"en early next week", "en", "A fix is expected early next week.", "2024-03-18", "2024-03-20", "2024-03-18"},
		{"en start of the month", "en", "Errors began at the start of the month.", "2024-03-01", "2024-03-10", "2024-03"},
		{"en end of a year", "en", "Routers were replaced by the operator at the end of 2019.", "2019-09-01", "2019-12-01", "2019"},
		{"fr milieu de semaine", "fr", "Les pannes se sont répétées en milieu de semaine.", "2024-03-13", "2024-03-14", "2024-03-11"},
		{"fr fin du mois", "fr", "Le câble sera réparé à la fin du mois.", "2024-03-21", "2024-03-31", "2024-03"},
		{"fr debut d'annee", "fr", "Le réseau a été modernisé en début d'année.", "2024-01-01", "2024-02-01", "2024"},
	}
	checkDayIntervals(t, tg, tests)
	// "end" and "in" make no part: "the strike will end in 2025"
	for _, e := range tg.Tag("The strike will end in 2025.", "en", refDay) {
		if e.Kind == KindInterval {
			t.Errorf("unexpected interval %+v", e)
		}
	}
}

// TestLastNextUnits covers the last or next n whole units around the
// reference ("the past two days", "les 2 dernières semaines"): intervals
// with no Value, which keep the length their count read as before (none
// for French forms with the word between the count and the unit).
func TestLastNextUnits(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		from, to         string
		mins             int // -1: no length
	}{
		{"en past days", "en", "Logins have failed over the past three days.", "2024-03-11", "2024-03-13", 4320},
		{"en next weeks", "en", "Crews will dig in the next 2 weeks.", "2024-03-18", "2024-03-25", 20160},
		{"en last months", "en", "Prices rose in the last two months.", "2024-01-01", "2024-02-01", 86400},
		{"fr derniers jours", "fr", "Le réseau flanche depuis les 4 derniers jours.", "2024-03-10", "2024-03-13", -1},
		{"fr prochaines semaines", "fr", "Des coupures sont prévues les 2 prochaines semaines.", "2024-03-18", "2024-03-25", -1},
		{"fr mois suivants", "fr", "Le chantier occupera les 3 mois suivants.", "2024-04-01", "2024-06-01", 129600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to || e.Value != "" {
				t.Errorf("%q: got %q..%q value %q, want %q..%q", tt.text, e.From, e.To, e.Value, tt.from, tt.to)
			}
			if tt.mins < 0 && e.Minutes != nil || tt.mins >= 0 && (e.Minutes == nil || *e.Minutes != tt.mins) {
				t.Errorf("%q: got minutes %v, want %d", tt.text, e.Minutes, tt.mins)
			}
		})
	}
	// hours stay lengths
	if e, ok := find(tg.Tag("Power returns in the next 3 hours.", "en", refDay), KindInterval); ok {
		t.Errorf("unexpected interval %+v", e)
	}
}

// TestDaySpanForms covers spans of days whose ends carry a weekday or are
// number words ("du samedi 13 au dimanche 15 juillet", "du 1er au dix
// juillet"), and a number pair that is no span of days.
func TestDaySpanForms(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		from, to         string // "" when no interval is wanted
	}{
		{"fr weekdays on both ends", "fr", "Le festival du mardi 9 au jeudi 11 juillet a privé la ville de réseau.", "2024-07-09", "2024-07-11"},
		{"fr weekday on the end", "fr", "Coupures du 4 au samedi 6 avril.", "2024-04-04", "2024-04-06"},
		{"fr word end", "fr", "Le chantier durera du 2 au neuf mai.", "2024-05-02", "2024-05-09"},
		{"fr word start entre", "fr", "Perturbations entre le cinq et le 8 juin.", "2024-06-05", "2024-06-08"},
		{"fr score is no span", "fr", "L'équipe a perdu trois à deux samedi.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if tt.from == "" {
				if ok {
					t.Errorf("%q: unexpected interval %+v", tt.text, e)
				}
				return
			}
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to {
				t.Errorf("%q: got %q..%q, want %q..%q", tt.text, e.From, e.To, tt.from, tt.to)
			}
		})
	}
}

// TestDayTimeTakesPartOfDay: after a day and a time, the part of the day
// that read the hour belongs to the time, not to an interval of its own.
func TestDayTimeTakesPartOfDay(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text, want string }{
		{"fr soiree", "fr", "Le 9 vers 7h dans la soirée, le réseau a cédé.", "Le 9 vers 7h dans la soirée"},
		{"en evening", "en", "Monday at 8pm in the evening the feed died.", "Monday at 8pm in the evening"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindTime)
			if !ok || e.Text != tt.want {
				t.Errorf("%q: got %+v, want a time %q", tt.text, exprs, tt.want)
			}
			if _, ok := find(exprs, KindInterval); ok {
				t.Errorf("%q: unexpected interval in %+v", tt.text, exprs)
			}
		})
	}
}

// dayInterval is an expression that must read as an interval of days
// (from..to) whose Value stays the period's, with no length.
type dayInterval struct {
	name, lang, text string
	from, to, value  string
}

// checkDayIntervals runs the cases of TestMonthParts and TestPeriodParts.
func checkDayIntervals(t *testing.T, tg *Tagger, tests []dayInterval) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to || e.Value != tt.value || e.Minutes != nil {
				t.Errorf("%q: got %q..%q value %q minutes %v, want %q..%q %q", tt.text, e.From, e.To, e.Value, e.Minutes, tt.from, tt.to, tt.value)
			}
		})
	}
}
