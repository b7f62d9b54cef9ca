package rules

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/tag")

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

func tagger(t testing.TB) *Tagger {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load(Options{}) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

// refDay is Thursday 2024-03-14: the reference of the table tests.
var refDay = Ref{Time: time.Date(2024, 3, 14, 9, 0, 0, 0, time.UTC), Precision: "day"}

func find(exprs []Expr, kind string) (Expr, bool) {
	for _, e := range exprs {
		if e.Kind == kind {
			return e, true
		}
	}
	return Expr{}, false
}

func TestDates(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		ref              Ref
		want             string // Value of the first date or time
	}{
		{"fr day month year", "fr", "La panne du 3 février 2021 a surpris.", refDay, "2021-02-03"},
		{"fr numeric day first", "fr", "Incident constaté le 05/04/2019 au soir.", refDay, "2019-04-05"},
		{"fr weekday with date no year", "fr", "Depuis ce vendredi 8 mars, rien ne va.", refDay, "2024-03-08"},
		{"fr weekday no year month ref", "fr", "Le lundi 4 mars, le site a lâché.", Ref{Time: refDay.Time, Precision: "month"}, "2024-03-04"},
		{"fr weekday no ref", "fr", "Le lundi 4 mars, le site a lâché.", Ref{}, "XXXX-03-04"},
		{"fr bare weekday", "fr", "La coupure a eu lieu mardi.", refDay, "2024-03-12"},
		{"fr weekday same day", "fr", "Jeudi, tout s'est arrêté.", refDay, "2024-03-14"},
		{"fr hier", "fr", "Le réseau est tombé hier.", refDay, "2024-03-13"},
		{"fr aujourd'hui", "fr", "Aujourd’hui, le service est revenu.", refDay, "2024-03-14"},
		{"fr ce matin", "fr", "Ce matin, impossible de se connecter.", refDay, "2024-03-14"},
		{"fr night", "fr", "Dans la nuit de lundi à mardi, tout a planté.", refDay, "2024-03-11"},
		{"fr night, small hours", "fr", "Dans la nuit de lundi à mardi, vers 2 h 15, tout a planté.", refDay, "2024-03-12"},
		{"fr night, late evening", "fr", "Dans la nuit de lundi à mardi, vers 23 h 30, tout a planté.", refDay, "2024-03-11"},
		{"fr iso", "fr", "Rapport du 2022-11-30.", refDay, "2022-11-30"},
		{"ar levantine month", "ar", "توقفت الخدمة في 7 تموز 2020 لساعات.", refDay, "2020-07-07"},
		{"ar egyptian month", "ar", "وقع العطل يوم 12 يناير 2023.", refDay, "2023-01-12"},
		{"ar indic digits", "ar", "في ١٥ مارس ٢٠٢٢ انقطعت الشبكة", refDay, "2022-03-15"},
		{"ar eastern indic digits", "ar", "في ۱۵ مارس ۲۰۲۲ انقطعت الشبكة", refDay, "2022-03-15"},
		{"ar weekday", "ar", "تعطلت الخدمة يوم الأربعاء الماضي", refDay, "2024-03-13"},
		{"ar bare weekday", "ar", "تعطلت الخدمة يوم الاثنين", refDay, "2024-03-11"},
		{"ar yesterday", "ar", "انقطع الإنترنت أمس في عدة مدن", refDay, "2024-03-13"},
		{"ar today", "ar", "عادت الخدمة اليوم", refDay, "2024-03-14"},
		{"en a year ago today", "en", "One year ago today, the storm cut power to 90,000 homes.", refDay, "2023-03-14"},
		{"en on this day years ago", "en", "On this day 20 years ago, the grid collapsed.", refDay, "2004-03-14"},
		{"en months ago to the day", "en", "Six months ago to the day, the network went down.", refDay, "2023-09-14"},
		{"fr un an jour pour jour", "fr", "Il y a un an jour pour jour, la tempête privait d'électricité la Bretagne.", refDay, "2023-03-14"},
		{"fr deux ans, jour pour jour", "fr", "Il y a deux ans, jour pour jour, Facebook était en panne.", refDay, "2022-03-14"},
		{"ar on this day years ago", "ar", "في مثل هذا اليوم قبل عشرين عاما انقطعت الكهرباء عن نصف البلاد.", refDay, "2004-03-14"},
		{"ar years ago on this day", "ar", "قبل عامين في مثل هذا اليوم توقفت الشبكة.", refDay, "2022-03-14"},
		{"en a year ago, no day", "en", "A year ago, the storm cut power to 90,000 homes.", refDay, "2023-03"},
		{"ar the day before yesterday, noun first", "ar", "تعطلت الخدمة صباح أمس الأول في عدة مدن.", refDay, "2024-03-12"},
		{"fr numbers to call are no days", "fr", "Depuis ce matin, impossible d'appeler, y compris vers le 15 et le 18.", refDay, "2024-03-14"},
		{"en month day year", "en", "The outage began on May 2, 2023.", refDay, "2023-05-02"},
		{"en day month year", "en", "It went down on 9 October 2018.", refDay, "2018-10-09"},
		{"en weekday", "en", "Users complained on Tuesday.", refDay, "2024-03-12"},
		{"en yesterday", "en", "The site failed yesterday.", refDay, "2024-03-13"},
		{"en last night", "en", "Service dropped last night.", refDay, "2024-03-13"},
		{"en earlier this week", "en", "Problems started earlier this week.", refDay, "2024-03-11"},
		{"en bare weekday month precision", "en", "It failed on Monday.", Ref{Time: refDay.Time, Precision: "month"}, ""},
		{"en us numeric", "en", "Posted 6/21/2018.", refDay, "2018-06-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, tt.ref)
			e, ok := find(exprs, KindDate)
			if !ok {
				e, ok = find(exprs, KindTime)
			}
			if !ok {
				// a part of a day ("ce matin", "last night") is an
				// interval of hours that holds its day
				e, ok = find(exprs, KindInterval)
			}
			if !ok {
				t.Fatalf("no date in %q: %+v", tt.text, exprs)
			}
			if e.Value != tt.want {
				t.Errorf("%q: value %q, want %q (expr %+v)", tt.text, e.Value, tt.want, e)
			}
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("offsets %d:%d do not give %q", e.Start, e.End, e.Text)
			}
		})
	}
}

func TestTimes(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text    string
		time, zone, utc, rl string
	}{
		{"fr pacific", "fr", "Le 4 juin 2021 à 11h01 (heure du Pacifique), les erreurs ont commencé.", "11:01", "heure du Pacifique", "2021-06-04T18:01:00Z", "start"},
		{"fr vers", "fr", "Le service a flanché vers 19h30.", "19:30", "", "", ""},
		{"fr gmt", "fr", "Tout a cessé à 14h GMT.", "14:00", "GMT", "2024-03-14T14:00:00Z", ""},
		{"fr start cue", "fr", "Des erreurs à partir de 8h15 ont été signalées.", "08:15", "", "", "start"},
		{"fr end cue", "fr", "Le site était opérationnel à 9h40.", "09:40", "", "", "end"},
		{"en pm zone", "en", "On 3 May 2022 at 3 p.m. ET the app died.", "15:00", "ET", "2022-05-03T19:00:00Z", ""},
		{"en since", "en", "Errors since 7:45 am worried users.", "07:45", "", "", "start"},
		{"en restored", "en", "Access was restored at 10:20 a.m.", "10:20", "", "", "end"},
		{"ar afternoon", "ar", "انقطعت الخدمة عند الساعة الثالثة عصرا", "15:00", "", "", ""},
		{"ar afternoon, construct state", "ar", "انقطعت الكهرباء منذ الساعة الخامسة عصر الأحد", "17:00", "", "", "start"},
		{"ar digits gmt", "ar", "بدأ العطل منذ الساعة 9:30 بتوقيت غرينتش", "09:30", "بتوقيت غرينتش", "2024-03-14T09:30:00Z", "start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindTime)
			if !ok {
				t.Fatalf("no time in %q: %+v", tt.text, exprs)
			}
			if e.Time != tt.time || e.Zone != tt.zone || e.UTC != tt.utc || e.Role != tt.rl {
				t.Errorf("%q: got time=%q zone=%q utc=%q role=%q, want %q %q %q %q", tt.text, e.Time, e.Zone, e.UTC, e.Role, tt.time, tt.zone, tt.utc, tt.rl)
			}
		})
	}
}

func TestDurations(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // -1: vague, no minutes
		kind             string
	}{
		{"fr hours", "fr", "La coupure a duré 3 heures.", 180, "exact"},
		{"fr minutes", "fr", "Une interruption de 90 minutes.", 90, "exact"},
		{"fr et demie", "fr", "Pendant une heure et demie, rien.", 90, "exact"},
		{"fr demi-heure", "fr", "Une demi-heure sans réseau.", 30, "exact"},
		{"fr trois quarts", "fr", "Il a fallu trois quarts d'heure.", 45, "exact"},
		{"fr pres de", "fr", "Pendant près de deux heures, rien.", 120, "approx"},
		{"fr vingtaine", "fr", "Une vingtaine de minutes de panne.", 20, "approx"},
		{"fr longue heure", "fr", "Une longue heure de panne.", 60, "approx"},
		{"fr plus d'une", "fr", "Plus d'une demi-heure d'attente.", 30, "at_least"},
		{"fr moins de", "fr", "Moins de dix minutes de coupure.", 10, "at_most"},
		{"fr vague", "fr", "Le site est resté bloqué pendant des heures.", -1, "vague"},
		{"fr lasted hours", "fr", "Les perturbations ont duré des heures.", -1, "vague"},
		{"ar a bare unit alone", "ar", "شهر", 43200, "exact"},
		{"ar a bare year after a cue", "ar", "توقفت المحطة لمدة عام", 525600, "exact"},
		{"ar a whole hour", "ar", "انقطع الإنترنت ساعة كاملة", 60, "exact"},
		{"fr days", "fr", "Trois jours sans téléphone.", 3 * 1440, "exact"},
		{"fr compound number", "fr", "Vingt-quatre heures sans accès.", 1440, "exact"},
		{"ar dual", "ar", "توقفت الخدمة ساعتين", 120, "exact"},
		{"ar plural", "ar", "استمر العطل ست ساعات", 360, "exact"},
		{"ar digits singular", "ar", "انقطاع دام 19 ساعة", 19 * 60, "exact"},
		{"ar quarter", "ar", "لمدة ربع ساعة فقط", 15, "exact"},
		{"ar half", "ar", "نحو نصف ساعة", 30, "approx"},
		{"ar at least", "ar", "لأكثر من تسع ساعات", 540, "at_least"},
		{"ar vague", "ar", "تعطلت الخدمة لساعات", -1, "vague"},
		{"en half an hour", "en", "It was down for half an hour.", 30, "exact"},
		{"en two and a half", "en", "A two and a half hours outage.", 150, "exact"},
		{"en nearly", "en", "Nearly 24 hours without service.", 1440, "approx"},
		{"en 27 hours", "en", "The 27 hours of downtime hurt.", 27 * 60, "exact"},
		{"en more than", "en", "More than two hours passed.", 120, "at_least"},
		{"en up to", "en", "Delays of up to 40 minutes.", 40, "at_most"},
		{"en for hours", "en", "Customers waited for hours.", -1, "vague"},
		{"en lasted hours", "en", "The outage lasted hours.", -1, "vague"},
		{"en weeks", "en", "Two weeks of trouble.", 2 * 7 * 1440, "exact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if !ok {
				t.Fatalf("no duration in %q: %+v", tt.text, exprs)
			}
			if tt.minutes < 0 {
				if e.Minutes != nil || e.DurationKind != "vague" {
					t.Errorf("%q: want vague without minutes, got %+v", tt.text, e)
				}
				return
			}
			if e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != tt.kind {
				t.Errorf("%q: got %+v, want %d min %s", tt.text, e, tt.minutes, tt.kind)
			}
		})
	}
}

func TestNotDurations(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text string }{
		{"fr 24 sur 24", "fr", "Le service client répond 24 heures sur 24."},
		{"fr il y a", "fr", "Il y a deux ans, le même opérateur avait flanché."},
		{"en 24/7", "en", "Support is available 24/7 and seven days a week."},
		{"en ago", "en", "Three years ago the same thing happened."},
		{"ar round the clock", "ar", "الخدمة متاحة على مدار الساعة"},
		{"en a decade, not seconds", "en", "It revived memories of the rolling blackouts of the mid-2010s."},
		{"en decades", "en", "Outages were rarer in the 1990s and in the 80s."},
		{"fr a decade", "fr", "Les délestages des années 2010s sont encore dans les mémoires."},
		{"ar general, not a year", "ar", "عاشت البلاد على وقع انقطاع عام للتيار الكهربائي."},
		{"ar the day of yesterday", "ar", "كشفت الشركة أن العطل الذي ضرب شبكتها يوم أمس نجم عن خطأ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindDuration {
					t.Errorf("%q: unexpected duration %+v", tt.text, e)
				}
			}
		})
	}
}

func TestIntervals(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		from, to         string
		minutes          int
	}{
		{"fr de a", "fr", "La coupure a duré de 19h à 20h.", "19:00", "20:00", 60},
		{"fr entre et", "fr", "Entre 8h30 et 9h15, plus rien.", "08:30", "09:15", 45},
		{"fr midnight", "fr", "De 23h à 1h du matin, le site était coupé.", "23:00", "01:00", 120},
		{"en between", "en", "Down between 2 p.m. and 4 p.m. on Friday.", "", "", 120},
		{"en from until noon", "en", "Errors from 9am until noon.", "09:00", "12:00", 180},
		{"ar between", "ar", "بين الساعة 8:30 و الساعة 9:30", "08:30", "09:30", 60},
		{"ar between, و joined", "ar", "توقفت الخدمة بين الساعة الثامنة والحادية عشرة صباحا.", "08:00", "11:00", 180},
		{"ar from, وحتى", "ar", "توقفت الخدمة من الساعة الثامنة وحتى الحادية عشرة صباحا.", "08:00", "11:00", 180},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("no interval in %q: %+v", tt.text, exprs)
			}
			if tt.from != "" && (e.From != tt.from || e.To != tt.to) {
				t.Errorf("%q: from %q to %q, want %q %q", tt.text, e.From, e.To, tt.from, tt.to)
			}
			if e.Minutes == nil || *e.Minutes != tt.minutes {
				t.Errorf("%q: minutes %v, want %d", tt.text, e.Minutes, tt.minutes)
			}
		})
	}
}

func TestCauses(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		cause            string
		denied           bool
	}{
		{"fr deploy", "fr", "La panne vient d'un déploiement raté.", "software_change", false},
		{"fr config", "fr", "Un changement de configuration a tout bloqué.", "software_change", false},
		{"fr power", "fr", "Une coupure de courant a frappé le site.", "power", false},
		{"fr cable", "fr", "Un câble sous-marin a été endommagé.", "cable_cut", false},
		{"fr ddos", "fr", "Une attaque par déni de service a saturé les serveurs.", "cyberattack", false},
		{"fr denied et non", "fr", "Une erreur humaine, et non un piratage.", "cyberattack", true},
		{"fr denied after", "fr", "On a évoqué un piratage. Ce n'est pas le cas.", "cyberattack", true},
		{"fr storm elision", "fr", "L'orage a privé la ville d'internet.", "weather_disaster", false},
		{"ar update clitic", "ar", "بسبب التحديث الجديد توقفت الخدمة", "software_change", false},
		{"ar power", "ar", "بسبب انقطاع التيار الكهربائي", "power", false},
		{"ar denied", "ar", "نفت الشركة تعرضها لهجوم إلكتروني", "cyberattack", true},
		{"ar denied after a conjunction", "ar", "ونفت الشركة تعرضها لهجوم إلكتروني", "cyberattack", true},
		{"ar verb is no noun clitic", "ar", "وأوضحت شركة بنفت أن العطل ناتج عن خلل في أحد الخوادم", "hardware_failure", false},
		{"ar cables", "ar", "نتيجة قطع الكابلات البحرية", "cable_cut", false},
		{"en ddos", "en", "A DDoS hit the provider.", "cyberattack", false},
		{"en not attack", "en", "The outage was not the result of a cyberattack.", "cyberattack", true},
		{"en ruled out", "en", "A cyberattack has been ruled out.", "cyberattack", true},
		{"en storm", "en", "A storm knocked out power lines.", "weather_disaster", false},
		{"en unknown", "en", "The cause is not yet known.", "unknown", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			for _, e := range exprs {
				if e.Kind == KindCause && e.Cause == tt.cause {
					if e.Denied != tt.denied {
						t.Errorf("%q: %s denied=%v, want %v", tt.text, e.Cause, e.Denied, tt.denied)
					}
					return
				}
			}
			t.Errorf("%q: no cause %s in %+v", tt.text, tt.cause, exprs)
		})
	}
}

func TestRankCause(t *testing.T) {
	if !(RankCause("software_change") < RankCause("network")) {
		t.Error("a change that broke the network must rank before network")
	}
	if !(RankCause("weather_disaster") < RankCause("power")) {
		t.Error("a storm that cut power must rank before power")
	}
	if RankCause("nonsense") <= RankCause("unknown") {
		t.Error("unknown keys must rank last")
	}
}

func TestPublished(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text, want string }{
		{"fr", "fr", "Par la rédaction. Publié le 3 août 2015 à 10h54. Le réseau est tombé.", "2015-08-03"},
		{"en", "en", "By Staff | Published March 9, 2020 | The outage...", "2020-03-09"},
		{"ar", "ar", "نشر في 14 أيار 2019 - انقطعت الخدمة", "2019-05-14"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := tg.Published(tt.text, tt.lang)
			if !ok || e.Value != tt.want {
				t.Errorf("Published(%q) = %+v, %v; want %s", tt.text, e, ok, tt.want)
			}
		})
	}
	if _, ok := tg.Published("Rien à signaler.", "fr"); ok {
		t.Error("found a publication date in a text without one")
	}
}

func TestOtherLanguage(t *testing.T) {
	if got := tagger(t).Tag("heute um 10 Uhr", "de", refDay); got != nil {
		t.Errorf("Tag for an unknown language = %v, want nil", got)
	}
}

func TestLoadBadFile(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"unknown kind", "# ok\nmonth 1 = janvier\nfrobnicate = x\n", "fr.rules:3: unknown rule kind"},
		{"no equals", "month 1 janvier\n", "fr.rules:1: missing \"=\""},
		{"bad arg", "\nmonth 13 = treizembre\n", "fr.rules:2: month"},
		{"empty phrase", "cause power = coupure || panne\n", "fr.rules:1: empty phrase"},
		{"bad cause", "cause rain = pluie\n", "fr.rules:1: cause"},
		{"bad zone", "zone Mars/Olympus = heure martienne\n", "fr.rules:1: zone"},
		{"leading gap", "cause power = ~ courant\n", "fr.rules:1: phrase \"~ courant\" starts or ends with a gap"},
		{"bad bareday arg", "bareday prefix = le\n", "fr.rules:1: bareday"},
		{"bad monthprep days", "monthprep 21 40 = fin\n", "fr.rules:1: monthprep"},
		{"monthprep one day", "monthprep 21 = fin\n", "fr.rules:1: monthprep"},
		{"periodpart bad unit", "periodpart day 1 3 = debut de\n", "fr.rules:1: periodpart"},
		{"periodpart month of 13", "periodpart year 1 13 = debut de\n", "fr.rules:1: periodpart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "fr.rules"), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(Options{Dir: dir})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Load error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadOverride(t *testing.T) {
	dir := t.TempDir()
	src, err := embedded.ReadFile("data/en.rules")
	if err != nil {
		t.Fatal(err)
	}
	extra := "\ncause weather_disaster = solar flare\n"
	if err := os.WriteFile(filepath.Join(dir, "en.rules"), append(src, extra...), 0o644); err != nil {
		t.Fatal(err)
	}
	tg, err := Load(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if tg.Version() == tagger(t).Version() {
		t.Error("Version did not change with the rule files")
	}
	exprs := tg.Tag("A solar flare took the satellites down.", "en", refDay)
	if e, ok := find(exprs, KindCause); !ok || e.Cause != "weather_disaster" {
		t.Errorf("override phrase not found: %+v", exprs)
	}
}

func TestConcurrent(t *testing.T) {
	tg := tagger(t)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				tg.Tag("Mardi 11 mars, de 19h à 20h, une panne de deux heures.", "fr", refDay)
			}
		}()
	}
	wg.Wait()
}

// TestGolden tags testdata/tag/*.txt (first line: "lang YYYY-MM-DD") and
// compares with the .golden.json files; -update rewrites them.
func TestGolden(t *testing.T) {
	tg := tagger(t)
	files, err := filepath.Glob("testdata/tag/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			head, body, _ := strings.Cut(string(b), "\n")
			lang, day, _ := strings.Cut(strings.TrimSpace(head), " ")
			ref := Ref{}
			if day != "" {
				d, err := time.Parse("2006-01-02", day)
				if err != nil {
					t.Fatalf("bad reference day %q", day)
				}
				ref = Ref{Time: d, Precision: "day"}
			}
			got, err := json.MarshalIndent(tg.Tag(body, lang, ref), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if string(got) != string(want) {
				t.Errorf("%s differs from the golden file; run go test -update and review the diff\ngot:\n%s", f, got)
			}
		})
	}
}

// TestTagOpeningHoursAfterDay: a day followed by a span of times that
// turns out to be opening hours ("du lundi au samedi") has no length; Tag
// must not panic on it, whatever the precision of the reference date.
func TestTagOpeningHoursAfterDay(t *testing.T) {
	tg := tagger(t)
	ref := time.Date(2021, 12, 31, 23, 0, 0, 0, time.UTC)
	for _, prec := range []string{"day", "month", "year", ""} {
		for _, text := range []string{
			"14 mars. de 9h30-19h30 du lundi au samedi.",
			"Le 14 mars, de 9h30 à 19h30 du lundi au samedi.",
			"March 14, 9:30am-7:30pm Monday to Saturday.",
		} {
			t.Run(prec+"/"+text, func(t *testing.T) {
				tg.Tag(text, "fr", Ref{Time: ref, Precision: prec})
				tg.Tag(text, "en", Ref{Time: ref, Precision: prec})
			})
		}
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"Mardi 11 mars à 19h30 (heure du Pacifique), pendant près de deux heures.",
		"بين الساعة الثامنة والنصف و التاسعة عصرا لمدة ساعتين",
		"between 2 p.m. and 4 p.m. on 6/21/2018, one and a half hours",
		"24h/24 1/2 h 2' 1\" 15.5 min ٣:٠٠",
		"\xff\xfe le 31/02/2020 الاربعاء ",
		"le 31, on the 3rd, يوم 30 ; for the fifth straight day, لليوم الخامس على التوالي",
		"a cut to the , cable ~ at 4 pm, service was restored; 14 يناير/كانون الثاني 2014 في غضون",
		"entre midi et deux, de 14 à 16 heures, 8am until 6, from 11pm Sunday until 2 am, at 3:15p, 8 tonight",
		"from 0600 to 0930 GMT, Tuesday 1-4am, 2-4 hours, 25 to noon, between 11 and midnight, 745 p.m.",
		"end of last week, fin du mois, en fin d'année, early March, à la mi-mars, end of 2012, fin",
	} {
		f.Add(s, "fr")
		f.Add(s, "ar")
		f.Add(s, "en")
	}
	tg, err := Load(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("14 mars. de 9h30-19h30 du lundi au samedi.", "fr")
	precisions := []string{"day", "month", "year", ""}
	f.Fuzz(func(t *testing.T, text, lang string) {
		ref := Ref{Time: refDay.Time, Precision: precisions[len(text)%len(precisions)]}
		for _, e := range tg.Tag(text, lang, ref) {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad offsets %d:%d for %q", e.Start, e.End, e.Text)
			}
		}
		tg.Published(text, lang)
	})
}

func benchText(size int) string {
	para := "Le mardi 11 mars 2014, vers 19h30 (heure de Paris), le service a connu une longue heure de panne, " +
		"due à un déploiement raté et non à un piratage. On the same day, between 2 p.m. and 4 p.m. ET, " +
		"users reported errors for nearly two hours. Le réseau est revenu à 21h05.\n\n"
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(para)
	}
	return b.String()
}

func BenchmarkTag(b *testing.B) {
	tg := tagger(b)
	text := benchText(64 << 10)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(text, "fr", refDay)
	}
}

func BenchmarkTag1MB(b *testing.B) {
	tg := tagger(b)
	text := benchText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tg.Tag(text, "fr", refDay)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
