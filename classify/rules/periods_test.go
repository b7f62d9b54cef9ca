package rules

import (
	"testing"
	"time"
)

// longestDate returns the longest date or time expression of exprs.
func longestDate(exprs []Expr) (Expr, bool) {
	var best Expr
	found := false
	for _, e := range exprs {
		// a part of a day ("le 3 mars au soir") is an interval holding its day
		day := e.Kind == KindInterval && e.Grain == "hour" && e.Minutes == nil
		if (e.Kind == KindDate || e.Kind == KindTime || day) && (!found || e.End-e.Start > best.End-best.Start) {
			best, found = e, true
		}
	}
	return best, found
}

func dayRef(y int, m time.Month, d int) Ref {
	return Ref{Time: time.Date(y, m, d, 12, 0, 0, 0, time.UTC), Precision: "day"}
}

// TestDateForms covers the forms counted inside a period, relative to
// another day, with a checked weekday, and the numeric ones. The
// reference is Thursday 2024-03-14 unless said.
func TestDateForms(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		ref              Ref
		want             string // Value of the longest date; "" for none
		wantText         string // the expression's text, when checked
	}{
		// ranked weeks and days of a month or a year
		{"en first week", "en", "The rollout was delayed to the first week of October 2025 at the earliest.", refDay, "2025-10-06", "the first week of October 2025"},
		{"en last week", "en", "Tickets piled up during the last week of September 2025.", refDay, "2025-09-22", "the last week of September 2025"},
		{"en second last week", "en", "It happened in the second last week of October 2025, they said.", refDay, "2025-10-13", ""},
		{"en last day", "en", "Billing stopped on the last day of February.", refDay, "2024-02-29", "on the last day of February"},
		{"en second last day", "en", "Logs end on the second last day of June 2023.", refDay, "2023-06-29", ""},
		{"en third day", "en", "The fix shipped on the third day of May.", refDay, "2024-05-03", ""},
		{"fr derniere semaine", "fr", "Les coupures se sont multipliées la dernière semaine de septembre 2025.", refDay, "2025-09-22", "la dernière semaine de septembre 2025"},
		{"fr troisieme jour", "fr", "Le correctif est arrivé le troisième jour de mai.", refDay, "2024-05-03", ""},
		{"fr 3eme jour elided", "fr", "Retour à la normale le 3eme jour d'avril.", refDay, "2024-04-03", ""},
		{"fr dernier jour", "fr", "Le contrat s'achève le dernier jour d'octobre 2025.", refDay, "2025-10-31", ""},
		{"ar first week", "ar", "تأجل الإصلاح إلى الأسبوع الأول من شهر 10 سنة 2025", refDay, "2025-10-06", ""},
		{"ar last day", "ar", "انتهى العقد في اليوم الأخير من شهر شباط", refDay, "2024-02-29", ""},
		{"ar ordinal month", "ar", "تعطلت الخدمة في الأسبوع الأخير من الشهر التاسع سنة 2025", refDay, "2025-09-22", ""},
		// quarters
		{"en ordinal quarter", "en", "Revenue fell in the 3rd quarter of 2022.", refDay, "2022-07", ""},
		{"en quarter no year", "en", "Upgrades are planned for the fourth quarter.", refDay, "2024-10", ""},
		{"en q code", "en", "Results for Q1 2023 were weak.", refDay, "2023-01", "Q1 2023"},
		{"en glued q code", "en", "The 2021Q3 report lists two outages.", refDay, "2021-07", "2021Q3"},
		{"fr t code", "fr", "Au T2 2022, trois pannes ont eu lieu.", refDay, "2022-04", "T2 2022"},
		{"fr trimestre", "fr", "Le deuxième trimestre 2021 a été calme.", refDay, "2021-04", ""},
		// a day of a month named relative to the reference
		{"en day of next month", "en", "Maintenance is set for the 10th of next month.", refDay, "2024-04-10", ""},
		{"en day of this month", "en", "It broke on the 2nd of this month.", refDay, "2024-03-02", ""},
		{"fr jour du mois dernier", "fr", "La panne du 5 du mois dernier reste inexpliquée.", refDay, "2024-02-05", ""},
		{"ar day of next month", "ar", "تبدأ الأشغال في العاشر من الشهر القادم", refDay, "2024-04-10", ""},
		// weekdays counted from the reference
		{"en fridays ago", "en", "The first errors came two fridays ago.", refDay, "2024-03-01", ""},
		{"en mondays from now", "en", "The migration ends 3 mondays from now.", refDay, "2024-04-01", ""},
		// months with a modifier
		{"en next month name", "en", "A new cable is due next April.", refDay, "2024-04", "next April"},
		{"en past month name", "en", "A new cable was laid last February.", refDay, "2024-02", ""},
		{"en last month name", "en", "The same thing happened last April.", refDay, "2023-04", ""},
		{"fr mois dernier nom", "fr", "La même panne avait eu lieu en avril dernier.", refDay, "2023-04", ""},
		{"ar month past", "ar", "وقع عطل مماثل في أبريل الماضي", refDay, "2023-04", ""},
		{"fr month next year", "fr", "Le chantier reprendra en mars de l'année prochaine.", refDay, "2025-03", ""},
		// weekday and day checked against each other
		{"en weekday agrees", "en", "Service died on Sat, Mar 16 and came back later.", refDay, "2024-03-16", ""},
		{"en weekday next year", "en", "The window is Sat, Mar 15 at dawn.", refDay, "2025-03-15", ""},
		{"en weekday after day", "en", "The window is Mar 16 (Sat).", refDay, "2024-03-16", "Mar 16 (Sat)"},
		{"en weekday after other day", "en", "On Mar 15, Saturday 16 was still planned.", refDay, "2024-03-16", "Saturday 16"},
		{"ar nth weekday not day", "ar", "الثلاثاء الثالث من شهر أيلول 2025", refDay, "2025-09-16", ""},
		{"ar weekday and day", "ar", "الثلاثاء السابع عشر من هذا الشهر", dayRef(2024, 9, 2), "2024-09-17", ""},
		{"fr nth weekday next month", "fr", "Réunion le premier mercredi du mois prochain.", refDay, "2024-04-03", ""},
		{"en nth weekday the month", "en", "Patches land on the first Monday of the month.", refDay, "2024-03-04", ""},
		{"en last week's", "en", "It failed last week's Tuesday.", refDay, "2024-03-05", ""},
		{"en hedge", "en", "We expect it around next Tuesday.", refDay, "2024-03-19", "around next Tuesday"},
		// days counted from another day
		{"fr lendemain du", "fr", "Le lendemain du 3 mars, tout était réparé.", refDay, "2024-03-04", ""},
		{"en day before", "en", "The day before March 3, alerts fired.", refDay, "2024-03-02", ""},
		{"en days after", "en", "Two days after March 3 the site was up.", refDay, "2024-03-05", ""},
		{"fr yesterday not anchor", "fr", "Hier 13 mars, le site est tombé.", refDay, "2024-03-13", ""},
		// named days
		{"fr noel", "fr", "La panne a gâché Noël pour des milliers d'abonnés.", refDay, "2024-12-25", ""},
		{"fr noel year", "fr", "À Noël 2022, le réseau avait tenu.", refDay, "2022-12-25", ""},
		{"fr pere noel", "fr", "Le Père Noël n'y est pour rien.", refDay, "", ""},
		{"en christmas eve", "en", "The outage hit on Christmas Eve.", refDay, "2024-12-24", ""},
		// numeric days written with spaces (day first)
		{"fr spaced full", "fr", "Incident du 17 02 2023 au matin.", refDay, "2023-02-17", "17 02 2023"},
		{"fr spaced no year", "fr", "Incident du 17 02, au matin.", refDay, "2024-02-17", ""},
		{"fr spaced short year", "fr", "Incident du 24 12 22 au soir.", refDay, "2022-12-24", ""},
		{"fr phone number", "fr", "Appelez le 01 23 45 67 89 pour signaler une panne.", refDay, "", ""},
		{"fr spaced one digit month", "fr", "Il y avait 17 2 personnes.", refDay, "", ""},
		{"en spaced not read", "en", "Scores were 17 02 in the end.", refDay, "", ""},
		// day, month and year with the same separator
		{"en slashed month name", "en", "Archived 31/Oct/2019 by the admin.", refDay, "2019-10-31", "31/Oct/2019"},
		{"en dashed month name", "en", "Archived 31-Oct-19 by the admin.", refDay, "2019-10-31", ""},
		// abbreviations
		{"en thu alone", "en", "Thu: the API returned errors.", refDay, "2024-03-14", ""},
		{"en sun is a word", "en", "The sun set before the power came back.", refDay, "", ""},
		{"en era", "en", "Built in 1999 AD, the cable still works.", refDay, "1999", "in 1999 AD"},
		// the turn of the year
		{"fr january in december", "fr", "Le service fermera le 3 janvier.", dayRef(2024, 12, 28), "2025-01-03", ""},
		{"fr december in january", "fr", "Le service a fermé le 28 décembre.", dayRef(2025, 1, 3), "2024-12-28", ""},
		{"en week of", "en", "Expect delays the week of March 20th.", refDay, "2024-03-18", "the week of March 20th"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, tt.ref)
			e, ok := longestDate(exprs)
			if tt.want == "" {
				if ok && e.Value != "" {
					t.Fatalf("%q: unexpected date %+v", tt.text, e)
				}
				return
			}
			if !ok {
				t.Fatalf("no date in %q: %+v", tt.text, exprs)
			}
			if e.Value != tt.want {
				t.Errorf("%q: value %q, want %q (expr %+v)", tt.text, e.Value, tt.want, e)
			}
			if tt.wantText != "" && e.Text != tt.wantText {
				t.Errorf("%q: text %q, want %q", tt.text, e.Text, tt.wantText)
			}
		})
	}
}

func TestCompositeDurations(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		seconds          int // -1: no duration
	}{
		{"en years and months", "en", "The contract ran 2 years and 3 months.", 27 * 30 * 86400},
		{"en year and days", "en", "It took 1 year and 2 days to fix.", 367 * 86400},
		{"en hours minutes", "en", "Down for 1 hour and 30 minutes.", 5400},
		{"fr ans et mois", "fr", "Un chantier de 1 an et 6 mois.", 18 * 30 * 86400},
		{"en single hour", "en", "Not a single hour passed without errors.", 3600},
		{"en single o'clock", "en", "A single o'clock tower stood there.", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if tt.seconds < 0 {
				for _, e := range exprs {
					if e.Seconds != nil || e.Time != "" {
						t.Fatalf("%q: unexpected %+v", tt.text, e)
					}
				}
				return
			}
			if !ok || e.Seconds == nil || *e.Seconds != tt.seconds {
				t.Errorf("%q: got %+v, want %d s", tt.text, e, tt.seconds)
			}
		})
	}
}

// TestSpans covers spans of times and days and the prepositions that mark
// one end of a span.
func TestSpans(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		kind             string
		from, to, role   string
	}{
		{"en bare hour dash pm", "en", "Checkout failed 1-3pm for most users.", KindInterval, "13:00", "15:00", ""},
		{"en minutes to pm", "en", "Payments broke 9:30 to 11 PM yesterday.", KindInterval, "2024-03-13T21:30", "2024-03-13T23:00", ""},
		{"en conjunction not span", "en", "Alerts fired at 9:30 and 11:00.", KindTime, "", "", ""},
		{"en between h notation", "en", "It was down between 8h15 and 9h00 on Monday.", KindInterval, "2024-03-11T08:15", "2024-03-11T09:00", ""},
		{"en day then span", "en", "Monday from 7:10 until 8:40 the API failed.", KindInterval, "2024-03-11T07:10", "2024-03-11T08:40", ""},
		{"en time for length", "en", "The site dropped at 5pm for 45 minutes.", KindInterval, "17:00", "17:45", ""},
		{"fr heure pendant", "fr", "Le réseau a lâché à 14h10 pendant deux heures.", KindInterval, "14:10", "16:10", ""},
		{"en month day dash day", "en", "Outages hit on May 4-6 in three states.", KindInterval, "2024-05-04", "2024-05-06", ""},
		{"en month day through day", "en", "Works run June 10 through 12.", KindInterval, "2024-06-10", "2024-06-12", ""},
		{"en date dash date", "en", "Slowdowns lasted Apr 2 - Apr 5 overall.", KindInterval, "2024-04-02", "2024-04-05", ""},
		{"en day to day month", "en", "Maintenance from 3 to 5 April.", KindInterval, "2024-04-03", "2024-04-05", ""},
		{"ar day span", "ar", "انقطعت الخدمة من 3 الى 5 نيسان", KindInterval, "2024-04-03", "2024-04-05", ""},
		{"fr after time", "fr", "Le service est revenu après 16h30.", KindTime, "", "", "start"},
		{"en before time", "en", "Users were offline before 11 am.", KindTime, "", "", "end"},
		{"fr a partir du day", "fr", "Perturbations à partir du 8 avril.", KindDate, "", "", "start"},
		{"en after far cue", "en", "After the update was pushed, errors began at 3 pm.", KindTime, "", "", "start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, tt.kind)
			if !ok {
				t.Fatalf("no %s in %q: %+v", tt.kind, tt.text, exprs)
			}
			if e.From != tt.from || e.To != tt.to || e.Role != tt.role {
				t.Errorf("%q: from %q to %q role %q, want %q %q %q (%+v)", tt.text, e.From, e.To, e.Role, tt.from, tt.to, tt.role, e)
			}
		})
	}
	// a date and a later hour are not a span of days
	for _, e := range tg.Tag("From March 3 until 5 pm the app was slow.", "en", refDay) {
		if e.Kind == KindInterval && e.Grain == "day" {
			t.Errorf("read a span of days: %+v", e)
		}
	}
}
