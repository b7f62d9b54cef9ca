package rules

import (
	"strings"
	"testing"
)

// exprAt returns the first expression of the given kind whose text holds
// sub.
func exprAt(exprs []Expr, kind, sub string) (Expr, bool) {
	for _, e := range exprs {
		if e.Kind == kind && strings.Contains(e.Text, sub) {
			return e, true
		}
	}
	return Expr{}, false
}

// TestHyphenatedDurations: a length written as a compound adjective ("a
// 7-hour disruption") or after the outage noun ("une coupure de 3h").
func TestHyphenatedDurations(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, sub string
		minutes               int
	}{
		{"en digits hour", "en", "Customers endured a 5-hour disruption on the mobile network.", "5-hour", 300},
		{"en digits minute", "en", "A 45-minute outage hit the payment gateway.", "45-minute", 45},
		{"en twelve hour", "en", "The bank suffered a 12-hour blackout of its app.", "12-hour", 720},
		{"en word hour", "en", "After a three-hour glitch, the portal came back.", "three-hour", 180},
		{"en compound word", "en", "It was a twenty-four-hour shutdown of the network.", "twenty-four-hour", 1440},
		{"en hour long", "en", "Riders faced a 2-hour-long delay in ticketing.", "2-hour-long", 120},
		{"en day", "en", "The retailer's site had a 3-day outage.", "3-day", 3 * 1440},
		{"fr heures", "fr", "Une panne de 4 heures a privé les clients de messagerie.", "4 heures", 240},
		{"fr h after panne", "fr", "Les abonnés ont subi une coupure de 2h dans la matinée.", "2h", 120},
		{"fr mots", "fr", "Après une interruption de cinq heures, le site est revenu.", "cinq heures", 300},
		{"fr environ after noun", "fr", "Une panne d'environ 6 heures a touché la région.", "6 heures", 360},
		{"ar hours", "ar", "تسبب عطل لمدة خمس ساعات في توقف الخدمة", "خمس ساعات", 300},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := exprAt(exprs, KindDuration, tt.sub)
			if !ok {
				t.Fatalf("%q: no duration holding %q: %+v", tt.text, tt.sub, exprs)
			}
			if e.Minutes == nil || *e.Minutes != tt.minutes {
				t.Errorf("%q: minutes %v, want %d (%+v)", tt.text, e.Minutes, tt.minutes, e)
			}
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("offsets %d:%d do not give %q", e.Start, e.End, e.Text)
			}
		})
	}
}

// TestNotComposedMinutes: a number after a comma or an article is not the
// minutes of the length before it.
func TestNotComposedMinutes(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int
	}{
		{"fr comma une", "fr", "Une interruption de deux heures, une première pour l'opérateur.", 120},
		{"en comma", "en", "The outage lasted two hours, a record for the firm.", 120},
		{"en article", "en", "Service was down for five hours a week ago.", 300},
		{"fr minutes kept", "fr", "La coupure a duré deux heures trente.", 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if !ok {
				t.Fatalf("%q: no duration: %+v", tt.text, exprs)
			}
			if e.Minutes == nil || *e.Minutes != tt.minutes {
				t.Errorf("%q: minutes %v, want %d (%+v)", tt.text, e.Minutes, tt.minutes, e)
			}
		})
	}
}

// TestClockAfterTimeCue: an hour after a time cue ("vers", "aux alentours
// de", "around", "حوالي الساعة") is a time; after a duration cue it is a
// length.
func TestClockAfterTimeCue(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		kind, time       string
		minutes          int
	}{
		{"fr aux alentours", "fr", "Le réseau mobile a lâché aux alentours de 22 h, selon l'opérateur.", KindTime, "22:00", 0},
		{"fr autour de", "fr", "Les premières erreurs sont apparues autour de 19 h.", KindTime, "19:00", 0},
		{"fr aux environs", "fr", "Le site est revenu aux environs de 23 heures.", KindTime, "23:00", 0},
		{"fr vers", "fr", "La messagerie s'est bloquée vers 20 h.", KindTime, "20:00", 0},
		{"fr a", "fr", "Le service a repris à 18 h.", KindTime, "18:00", 0},
		{"fr pendant", "fr", "Le site est resté noir pendant 20 h.", KindDuration, "", 1200},
		{"fr durcue then hedge", "fr", "La coupure a duré aux alentours de 3 heures.", KindDuration, "", 180},
		{"fr environ length", "fr", "Une panne d'environ 3 heures a frappé la ville.", KindDuration, "", 180},
		{"en around h", "en", "The app crashed at around 9 h local time.", KindTime, "09:00", 0},
		{"en around hours", "en", "The app was down for around 9 hours.", KindDuration, "", 540},
		{"ar hawali", "ar", "توقفت الشبكة حوالي الساعة 22 ليلا", KindTime, "22:00", 0},
		{"ar length", "ar", "توقفت الشبكة لمدة 22 ساعة", KindDuration, "", 1320},
		{"ar after noon (Maghreb)", "ar", "توقفت الشبكة عند الساعة الثالثة بعد الزوال", KindTime, "15:00", 0},
		// ليلا ("at night") is past noon before midnight, early morning after it
		{"ar nine at night", "ar", "توقفت الشبكة عند التاسعة ليلا", KindTime, "21:00", 0},
		{"ar one at night", "ar", "عادت الشبكة عند الواحدة ليلا", KindTime, "01:00", 0},
		{"ar twelve at night", "ar", "توقفت الشبكة عند الثانية عشرة ليلا", KindTime, "00:00", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			var e Expr
			found := false
			for _, x := range exprs {
				if x.Kind == KindTime || x.Kind == KindDuration || x.Kind == KindInterval {
					e, found = x, true
					break
				}
			}
			if !found {
				t.Fatalf("%q: no time or length: %+v", tt.text, exprs)
			}
			if e.Kind != tt.kind {
				t.Fatalf("%q: kind %s, want %s (%+v)", tt.text, e.Kind, tt.kind, e)
			}
			if tt.kind == KindTime && e.Time != tt.time {
				t.Errorf("%q: time %q, want %q", tt.text, e.Time, tt.time)
			}
			if tt.kind == KindDuration && (e.Minutes == nil || *e.Minutes != tt.minutes) {
				t.Errorf("%q: minutes %v, want %d", tt.text, e.Minutes, tt.minutes)
			}
		})
	}
}

// TestElapsedLengths: "three hours later", "au bout de deux heures",
// "بعد ثلاث ساعات" state a length elapsed since an event: an exact
// duration, not a time without a value.
func TestElapsedLengths(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int
	}{
		{"fr plus tard", "fr", "Quatre heures plus tard, la messagerie fonctionnait de nouveau.", 240},
		{"fr au bout de", "fr", "Au bout de trois heures, les techniciens ont trouvé la panne.", 180},
		{"fr apres mots", "fr", "Après deux heures de coupure, le courant est revenu.", 120},
		{"fr apres chiffres de", "fr", "Après 5 heures d'attente, les clients ont pu se connecter.", 300},
		{"en later", "en", "Two hours later the checkout page loaded again.", 120},
		{"en after", "en", "After four hours the engineers restored access.", 240},
		{"en minutes later", "en", "Forty minutes later, the API answered again.", 40},
		{"ar baada", "ar", "عادت الشبكة بعد أربع ساعات من انقطاعها", 240},
		{"ar dual", "ar", "استؤنفت الخدمة بعد ساعتين من العطل", 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			for _, e := range exprs {
				if e.Kind == KindTime && e.Time == "" && e.Value == "" {
					t.Errorf("%q: time without a value: %+v", tt.text, e)
				}
			}
			e, ok := find(exprs, KindDuration)
			if !ok {
				t.Fatalf("%q: no duration: %+v", tt.text, exprs)
			}
			if e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != "exact" {
				t.Errorf("%q: %v min %s, want %d exact (%+v)", tt.text, e.Minutes, e.DurationKind, tt.minutes, e)
			}
		})
	}
	// counted from the reference, these stay times: the length is not
	// the outage's
	for _, tt := range []struct{ name, lang, text string }{
		{"fr il y a", "fr", "Il y a trois heures, le réseau a flanché."},
		{"en ago", "en", "Three hours ago the network failed."},
		{"en after oclock", "en", "The site failed after two o'clock."},
		{"fr apres heure", "fr", "Le service a été coupé après 16 heures."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			if e, ok := find(exprs, KindDuration); ok {
				t.Errorf("%q: duration %+v, want none", tt.text, e)
			}
		})
	}
}

// TestMidiInApresMidi: the noon of "après-midi" is no time of day.
func TestMidiInApresMidi(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, text string
	}{
		{"hyphen", "La panne a commencé dans l'après-midi."},
		{"no hyphen", "Le site a lâché mardi apres midi."},
		{"en fin", "Le réseau a retrouvé un état normal en fin d'après-midi."},
		{"with time", "Les erreurs ont cessé à 16h dans l'après-midi."},
		{"cet", "Cet après-midi, plus rien ne marchait."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range tg.Tag(tt.text, "fr", refDay) {
				if e.Time == "12:00" || strings.Contains(e.From, "12:00") && e.Kind == KindTime {
					t.Errorf("%q: noon read in après-midi: %+v", tt.text, e)
				}
				if e.Kind == KindTime && e.Text == "midi" {
					t.Errorf("%q: bare midi: %+v", tt.text, e)
				}
			}
		})
	}
	// noon alone is still read
	exprs := tg.Tag("La coupure a débuté à midi.", "fr", refDay)
	if e, ok := find(exprs, KindTime); !ok || e.Time != "12:00" {
		t.Errorf("à midi: got %+v", exprs)
	}
}

// TestDayRoles: a day after "until/jusqu'au/حتى" marks the end, after
// "since/depuis/منذ/à partir du/starting" the start.
func TestDayRoles(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, value, role string
	}{
		{"fr jusqu'au", "fr", "Le réseau restera perturbé jusqu'au 18 octobre.", "2024-10-18", "end"},
		{"fr jusqu'au weekday", "fr", "Le service sera suspendu jusqu'au lundi 21 octobre.", "2024-10-21", "end"},
		{"fr depuis le", "fr", "La messagerie est inaccessible depuis le 2 octobre.", "2024-10-02", "start"},
		{"fr a partir du", "fr", "À partir du 7 octobre, les clients n'ont plus eu accès.", "2024-10-07", "start"},
		{"fr a compter du", "fr", "À compter du 9 octobre, le site sera fermé.", "2024-10-09", "start"},
		{"fr depuis weekday", "fr", "Depuis lundi, le site est hors ligne.", "2024-03-11", "start"},
		{"en until", "en", "The portal stays offline until October 18.", "2024-10-18", "end"},
		{"en through", "en", "The road service app is down through October 18.", "2024-10-18", "end"},
		{"en since", "en", "The site has been unreachable since October 2.", "2024-10-02", "start"},
		{"en starting", "en", "Starting October 7, access was cut.", "2024-10-07", "start"},
		{"ar hatta", "ar", "يستمر انقطاع الخدمة حتى 18 أكتوبر", "2024-10-18", "end"},
		{"ar mundhu", "ar", "الخدمة متوقفة منذ 2 أكتوبر", "2024-10-02", "start"},
		{"ar itibaran", "ar", "اعتبارا من 7 أكتوبر ستتوقف الخدمة", "2024-10-07", "start"},
		{"ar mundhu yawm weekday", "ar", "الموقع معطل منذ يوم الاثنين", "2024-03-11", "start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDate)
			if !ok {
				t.Fatalf("%q: no date: %+v", tt.text, exprs)
			}
			if e.Value != tt.value || e.Role != tt.role {
				t.Errorf("%q: value %q role %q, want %q %q (%+v)", tt.text, e.Value, e.Role, tt.value, tt.role, e)
			}
		})
	}
}

// TestDenialClause: a denial reaches the causes of its own clause only: a
// comma or a contrast word ("mais", "but", "بل") ends it, and the items of
// a denied list share it.
func TestDenialClause(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		denied, kept     []string // causes denied and not denied
	}{
		{"fr mais", "fr", "Il ne s'agissait pas d'un piratage, mais d'une mise à jour ratée.", []string{"cyberattack"}, []string{"software_change"}},
		{"fr pas une mais", "fr", "Ce n'était pas une attaque informatique mais une panne de courant.", []string{"cyberattack"}, []string{"power"}},
		{"fr virgule", "fr", "Pas de cyberattaque, une coupure de câble sous-marin.", []string{"cyberattack"}, []string{"cable_cut"}},
		{"fr ni ni", "fr", "Ni piratage ni orage : la panne vient d'un bug.", []string{"cyberattack", "weather_disaster"}, []string{"software_bug"}},
		{"fr plutot que", "fr", "Une erreur de configuration plutôt qu'un piratage.", []string{"cyberattack"}, []string{"software_change"}},
		{"en but", "en", "It was not an attack but a botched update.", []string{"cyberattack"}, []string{"software_change"}},
		{"en comma but", "en", "The firm said it was not a hack, but a power failure.", []string{"cyberattack"}, []string{"power"}},
		{"en list", "en", "There was no evidence of hacking or malware; a storm cut the line.", []string{"cyberattack"}, []string{"weather_disaster"}},
		{"en after yet", "en", "A hack has not yet been ruled out.", nil, []string{"cyberattack"}},
		{"en no next", "en", "No intrusion, malware or hacking was found; a storm downed the link.", []string{"cyberattack"}, []string{"weather_disaster"}},
		{"en no far", "en", "Customers had no service for hours after the storm.", nil, []string{"weather_disaster"}},
		{"fr sans", "fr", "Le site est tombé sans intrusion extérieure, à cause d'un orage.", []string{"cyberattack"}, []string{"weather_disaster"}},
		{"fr liste de", "fr", "Aucun piratage, ni virus, selon l'opérateur qui accuse la foudre.", []string{"cyberattack"}, []string{"weather_disaster"}},
		{"ar long clause", "ar", "نفت الوزارة أن يكون العطل الأخير ناتجا عن قرصنة", []string{"cyberattack"}, nil},
		{"ar bal", "ar", "لم يكن الانقطاع بسبب قرصنة بل بسبب انقطاع الكهرباء", []string{"cyberattack"}, []string{"power"}},
		{"ar laysa bal", "ar", "ليس بسبب هجوم سيبراني بل بسبب خلل تقني في النظام", []string{"cyberattack"}, []string{"software_bug"}},
		{"ar lakin", "ar", "نفت الشركة وجود اختراق لكن عاصفة قطعت الكابل", []string{"cyberattack"}, []string{"weather_disaster"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]bool{} // cause -> denied (any denied mention wins)
			seen := map[string]bool{}
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindCause {
					seen[e.Cause] = true
					got[e.Cause] = got[e.Cause] || e.Denied
				}
			}
			for _, c := range tt.denied {
				if !seen[c] || !got[c] {
					t.Errorf("%q: %s not denied (seen %v, denied %v)", tt.text, c, seen, got)
				}
			}
			for _, c := range tt.kept {
				if !seen[c] || got[c] {
					t.Errorf("%q: %s should be found and not denied (seen %v, denied %v)", tt.text, c, seen, got)
				}
			}
		})
	}
}

// TestLengthBeforeEvent: after a duration cue, a count followed by
// "before" ("lasted nearly four hours before the fix") is a length; without
// one, "two hours before midnight" stays a time counted back.
func TestLengthBeforeEvent(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // 0: no length
	}{
		{"en lasted, hedge", "en", "The problem lasted nearly four hours before the company rolled it back.", 240},
		{"en for", "en", "Service was down for three hours before engineers restored it.", 180},
		{"fr a duré, hedge", "fr", "La panne a duré près de quatre heures avant que le service ne soit rétabli.", 240},
		{"ar istamarra, hedge", "ar", "استمر العطل نحو ثلاث ساعات قبل أن تعود الخدمة.", 180},
		{"en no cue", "en", "The outage began two hours before midnight.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := 0
			for _, x := range tg.Tag(tt.text, tt.lang, refDay) {
				if x.Kind == KindDuration && x.Minutes != nil {
					got = *x.Minutes
				}
			}
			if got != tt.minutes {
				t.Errorf("%q: length %d minutes, want %d", tt.text, got, tt.minutes)
			}
		})
	}
}

// TestHalfDayFlags: a time from 1 to 11 o'clock with no am, pm or part of
// the day may be twelve hours later (HalfDay); one past 12 with none shows
// a 24-hour clock (Clock24).
func TestHalfDayFlags(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		halfDay, clock24 bool
	}{
		{"en bare", "en", "Service came back at 11:20.", true, false},
		{"en pm", "en", "Service came back at 11:20 pm.", false, false},
		{"en 24-hour", "en", "Service came back at 17:45.", false, true},
		{"fr bare", "fr", "Le service est revenu à 11h20.", true, false},
		{"fr du soir", "fr", "Le service est revenu à 9 heures du soir.", false, false},
		{"fr 24-hour", "fr", "Le service est revenu à 23 heures.", false, true},
		{"ar hour word", "ar", "عادت الخدمة عند الحادية عشرة وعشرين دقيقة", true, false},
		{"ar masaan", "ar", "عادت الخدمة عند التاسعة مساء", false, false},
		{"en noon", "en", "Service came back at noon.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, x := range tg.Tag(tt.text, tt.lang, refDay) {
				if x.Kind != KindTime {
					continue
				}
				if x.HalfDay != tt.halfDay || x.Clock24 != tt.clock24 {
					t.Errorf("%q: HalfDay %v Clock24 %v, want %v %v", x.Text, x.HalfDay, x.Clock24, tt.halfDay, tt.clock24)
				}
				return
			}
			t.Fatalf("%q: no time", tt.text)
		})
	}
}

// TestNoDenial: a denial word inside a phrase that denies nothing ("not the
// first time", "ce n'est pas la première fois", "ليست المرة الأولى") leaves
// the cause undenied; a real denial still denies it.
func TestNoDenial(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		denied           bool
	}{
		{"en not the first time", "en", "It is not the first time that a cable cut has taken the network down.", false},
		{"fr pas la première fois", "fr", "Ce n'est pas la première fois qu'une coupure de câble paralyse le réseau.", false},
		{"ar laysat al-marra al-ula", "ar", "وهذه ليست المرة الأولى التي تتسبب فيها أعمال الحفريات بقطع كوابل الاتصالات", false},
		{"en a real denial", "en", "The outage was not caused by a cable cut.", true},
		{"ar a real denial", "ar", "لم يكن الانقطاع بسبب قطع كابل", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, x := range tg.Tag(tt.text, tt.lang, refDay) {
				if x.Kind == KindCause {
					if x.Denied != tt.denied {
						t.Errorf("%q (%s): denied %v, want %v", x.Text, x.Cause, x.Denied, tt.denied)
					}
					return
				}
			}
			t.Fatalf("%q: no cause", tt.text)
		})
	}
}

// TestNoHourInLength: after a part of the day, "après une vingtaine
// d'heures" is a length, not "after one o'clock"; "vers 9" is a time.
func TestNoHourInLength(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		kind             string
	}{
		{"fr une vingtaine", "fr", "Le service a été rétabli en fin de matinée, après une vingtaine d'heures.", KindDuration},
		{"fr un quart d'heure", "fr", "Le service a été rétabli en fin de matinée, après un quart d'heure.", KindDuration},
		{"fr vers 9", "fr", "Le service a été rétabli ce soir vers 9.", KindTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, x := range tg.Tag(tt.text, tt.lang, refDay) {
				if x.Kind == KindTime || x.Kind == KindDuration {
					if x.Kind != tt.kind {
						t.Errorf("%q: %s %q, want a %s", tt.text, x.Kind, x.Text, tt.kind)
					}
					if x.Kind == tt.kind {
						return
					}
				}
			}
			t.Errorf("%q: no %s", tt.text, tt.kind)
		})
	}
}
