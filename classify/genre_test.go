package classify

import (
	"strings"
	"testing"

	"outages/corpus"
)

// classifyText classifies an invented text published on pub and returns
// the article, the explanation and the detection features by name.
func classifyText(t *testing.T, c *Classifier, text, pub string) (*corpus.Article, *Explanation, map[string]float64) {
	t.Helper()
	a := &corpus.Article{Body: text, Published: pub}
	ex := c.Classify(a)
	fs := map[string]float64{}
	for _, f := range ex.Evidence {
		fs[f.Name] = f.Value
	}
	return a, ex, fs
}

func explainText(ex *Explanation) string {
	var sb strings.Builder
	ex.WriteText(&sb)
	return sb.String()
}

// TestDenialGate: an operator or authority denying an outage, or a rumour
// of one, is not a report, in each language; a report whose operator
// denies only the cause (a cyberattack, a cable cut) still is.
func TestDenialGate(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"fr denies rumour", "Pas de panne du réseau mobile, assure l'opérateur. Une vidéo partagée en ligne affirmait qu'une coupure générale toucherait les abonnés ce week-end. « Notre réseau fonctionne normalement partout », a répondu l'entreprise, qui dément une rumeur sans fondement.", false},
		{"en denies claims", "Utility denies blackout claims. The power company rejected claims that the grid was down across the capital on Friday night, saying the network was operating normally. There has been no outage, a spokesman said.", false},
		{"ar denies rumour", "نفت هيئة الكهرباء ما تم تداوله عن انقطاع شامل للتيار في العاصمة، وأكدت أن الشبكة تعمل بشكل طبيعي ولا يوجد أي عطل في المحطات.", false},
		{"fr cause denied", "Panne géante chez l'opérateur : des millions d'abonnés privés d'internet mardi. L'entreprise dément toute cyberattaque et évoque une erreur de configuration. Le service a été rétabli dans la soirée.", true},
		{"en cause denied", "The bank's mobile app went down for five hours on Monday, leaving customers unable to pay. The bank denied that it had been hacked and blamed a faulty update. Services were restored by the evening.", true},
		{"ar cause denied", "انقطعت خدمة الإنترنت عن آلاف المشتركين في عدة محافظات أمس، ونفت الشركة وجود قطع في الكابلات البحرية، وأوضحت أن العطل في أحد الأجهزة الرئيسية وتمت إعادة الخدمة.", true},
		{"en back to normal", "The streaming service was down for three hours on Sunday evening after a database failure. It is now running normally again, the company said.", true},
		// a headline that denies the outage and reports none: an article about a denial
		{"en headline denial", "Telecom operator dismisses claims of nationwide network outage\n\nThe operator said a post shared on social media on Sunday showed screenshots of an old incident. Some subscribers reported slow data in the evening, but the network was available, it said.", false},
		{"ar headline denial", "«موبيليس» تنفي وجود عطل في شبكتها\n\nقال المتعامل إن بعض المشتركين اشتكوا من انقطاع المكالمات مساء أمس بسبب ضغط الشبكة، لكن الخدمة متاحة في كامل الولايات.", false},
		// "fake news" as a shutdown's stated reason denies nothing
		{"fr shutdown against false information", "Internet coupé au soir des élections\n\nLes habitants se sont réveillés dimanche sans accès à internet. Le ministre a justifié la coupure par la nécessité d'éviter la propagation de fausses informations.", true},
		{"en shutdown to curb misinformation", "Internet cut across the country after the vote\n\nMobile internet was shut down nationwide on Sunday. The government said the shutdown was needed to curb misinformation and rumours.", true},
		{"ar shutdown against rumours", "قطع الإنترنت في البلاد بعد الانتخابات\n\nانقطعت خدمة الإنترنت في كامل البلاد يوم الأحد، وبررت الحكومة القطع بضرورة مكافحة الأخبار الكاذبة والشائعات.", true},
		{"fr headline denies the cause only", "L'opérateur exclut une cyberattaque\n\nLe réseau mobile a été coupé mardi pendant quatre heures dans tout le pays, privant des millions d'abonnés d'appels. L'opérateur évoque une erreur de configuration.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ex, _ := classifyText(t, c, tt.text, "2025-03-12")
			if a.IsOutage != tt.want {
				t.Errorf("IsOutage = %v, want %v\n%s", a.IsOutage, tt.want, explainText(ex))
			}
		})
	}
}

// TestTriggerDenied: an outage word after a negation, a denial verb or a
// rumour in its clause is denied; one before the cue, after a clause
// break or after a contrast word is not.
func TestTriggerDenied(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, word string
		want             bool
	}{
		{"fr negation", "Il n'y a aucune panne sur le réseau.", "panne", true},
		{"fr denial verb", "L'opérateur dément une panne de son réseau.", "panne", true},
		{"fr before the verb", "Après la panne du réseau, l'opérateur dément une cyberattaque.", "panne", false},
		{"en negation", "There was no major outage on the network.", "outage", true},
		{"en denial verb", "The carrier denied reports of a network outage.", "outage", true},
		{"en contrast", "The carrier denied it was hacked but confirmed a network outage.", "outage", false},
		{"ar negation", "لا يوجد انقطاع في شبكة الإنترنت.", "انقطاع", true},
		{"ar rumour", "نفت الشركة ما يتم تداوله عن انقطاع خدمة الإنترنت.", "انقطاع", true},
		{"ar clause break", "نفت الشركة وجود هجوم، وأكدت انقطاع خدمة الإنترنت.", "انقطاع", false},
		{"fr no indication", "Rien n'indique que les services en ligne aient été interrompus.", "interrompus", true},
		{"en no indication", "There is no indication that any public services have been disrupted.", "disrupted", true},
		{"ar no indication", "لا يوجد ما يشير إلى انقطاع الخدمات الحكومية.", "انقطاع", true},
		{"fr there has been no outage", "Non, il n'y a pas eu de panne du réseau mobile jeudi, assure l'opérateur.", "panne", true},
		{"en dismisses reports", "The grid operator dismisses reports of a fresh grid collapse.", "collapse", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex, _ := classifyText(t, c, tt.text, "")
			found := false
			for _, f := range ex.Fired {
				if f.Class != classTrigger || !strings.Contains(f.Text, tt.word) {
					continue
				}
				found = true
				if got := strings.Contains(f.Note, "denied"); got != tt.want {
					t.Errorf("%q denied = %v, want %v\n%s", f.Text, got, tt.want, explainText(ex))
				}
			}
			if !found {
				t.Errorf("outage word %q not found\n%s", tt.word, explainText(ex))
			}
		})
	}
}

// TestGenreFeatures: films and series, fines and rulings, anniversaries,
// security advisories and one vehicle's breakdown give their detection
// features, in each language; a plain report gives none of them.
func TestGenreFeatures(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, feature string
	}{
		{"fr fiction", "Le film catastrophe « Nuit noire », qui sort en salles mercredi, imagine une panne d'électricité géante. Le réalisateur filme un pays plongé dans le noir.", "neg.fiction"},
		{"en fiction", "The new thriller premieres on Friday: the film imagines a cyberattack that takes the power grid down for a week, starring a veteran actor.", "neg.fiction"},
		{"ar fiction", "يبدأ عرض مسلسل جديد الأسبوع المقبل عن انقطاع الكهرباء في مدينة كبرى، من بطولة نجوم الدراما.", "neg.fiction"},
		{"fr legal", "Le tribunal a condamné l'opérateur à une amende pour la panne du réseau mobile.", "neg.legal"},
		{"en legal", "The regulator fined the carrier over the network outage and an appeals court upheld the penalty.", "neg.legal"},
		{"ar legal", "قضت المحكمة بتأييد غرامة على شركة الاتصالات بسبب انقطاع الخدمة.", "neg.legal"},
		{"fr retro", "Dix ans après, les habitants se souviennent de la grande panne d'électricité, jour pour jour.", "neg.retro"},
		{"en retro", "On the anniversary of the blackout, residents recall the night the power grid failed.", "neg.retro"},
		{"ar retro", "في الذكرى العاشرة لانقطاع الكهرباء الكبير يستعيد السكان تلك الليلة.", "neg.retro"},
		{"fr security", "L'agence publie une alerte de sécurité sur une faille critique des routeurs et invite à appliquer le correctif.", "neg.security"},
		{"en security", "The agency issued an advisory about a critical vulnerability in VPN servers, urging organisations to patch immediately.", "neg.security"},
		{"ar security", "حذر المركز من ثغرة حرجة في أنظمة البريد ودعا إلى تثبيت التحديث الأمني.", "neg.security"},
		{"fr vehicle", "Le train est resté bloqué deux heures après une panne de moteur de la locomotive.", "neg.vehicle"},
		{"en vehicle", "Passengers were stranded for hours after the ferry suffered an engine failure and was towed back to port.", "neg.vehicle"},
		{"ar vehicle", "توقف القطار ساعتين بعد عطل في المحرك الرئيسي وانتظر الركاب وصول جرار بديل.", "neg.vehicle"},
		{"fr advertising", "Publi-information : ne subissez plus les coupures de courant ! Groupes électrogènes en promotion, offre valable jusqu'au 30 avril, installation offerte.", "general.ad"},
		{"en advertising", "Advertorial: tired of power cuts? Special offer on inverters and generators, free installation and pay in instalments. Offer valid until Sunday.", "general.ad"},
		{"ar advertising", "إعلان تجاري: لا تدع انقطاع الكهرباء يوقف عملك، عروض الصيف على المولدات مع توصيل مجاني وتركيب مجاني.", "general.ad"},
		{"fr a series' review", "« Coupure », la minisérie en six épisodes diffusée sur une plateforme de streaming, imagine une panne d'électricité géante ; le casting est solide.", "neg.fiction"},
		{"en a series' review", "The eight episodes of the miniseries imagine a city without power after a blackout; the cast is strong, the plot uneven. Three out of 5 stars.", "neg.fiction"},
		{"ar a series' review", "تدور حلقات المسلسل الجديد على منصات البث حول انقطاع الكهرباء عن مدينة كاملة.", "neg.fiction"},
		{"fr digital detox", "Ces hôtels proposent une détox numérique : une semaine de déconnexion volontaire, sans internet ni téléphone.", "neg.sense"},
		{"en digital detox", "The resort sells a digital detox: guests hand in their phones and go without internet for a week.", "neg.sense"},
		{"ar digital detox", "انقطاع اختياري: منتجعات تبيع عطلات بلا انترنت ولا هواتف لمن يريد الراحة.", "neg.sense"},
		{"fr a schedule of cuts", "La société publie le planning des coupures de la semaine prochaine : chaque quartier sera privé de courant deux heures par jour.", "planned.schedule"},
		{"en a schedule of cuts", "The utility moves to stage 4 from Friday, with households without power for up to four hours; here's the schedule.", "planned.schedule"},
		{"ar a schedule of cuts", "أعلنت الشركة جدول تخفيف الأحمال للأسبوع المقبل، مع قطع الكهرباء ساعتين يوميا عن كل حي.", "planned.schedule"},
		{"fr a denial in the title", "Non, il n'y a pas eu de panne du réseau Orange ce jeudi\n\nDes messages affirment que le réseau serait en panne. L'opérateur dément.", "title.denied"},
		{"en a denial in the title", "Ministry denies internet shutdown during exams\n\nThe ministry said the internet would not be cut.", "title.denied"},
		{"ar a denial in the title", "وزارة الاتصالات تنفي قطع الإنترنت خلال الامتحانات\n\nأكدت الوزارة أن الخدمة تعمل بشكل طبيعي.", "title.denied"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex, fs := classifyText(t, c, tt.text, "2025-05-20")
			if fs[tt.feature] <= 0 {
				t.Errorf("feature %s = %v, want > 0\n%s", tt.feature, fs[tt.feature], explainText(ex))
			}
		})
	}
	report := "Le réseau mobile de l'opérateur est tombé en panne mardi matin, privant des milliers d'abonnés d'appels pendant trois heures. Le service a été rétabli vers midi."
	_, ex, fs := classifyText(t, c, report, "2025-05-20")
	for _, name := range append([]string{"past.oldyear", "denied.trig", "neg.normal", "title.denied"}, genreFeatureNames()...) {
		if fs[name] != 0 {
			t.Errorf("a plain report has %s = %v\n%s", name, fs[name], explainText(ex))
		}
	}
}

func genreFeatureNames() []string {
	var out []string
	for _, cl := range genreNeg {
		out = append(out, "neg."+cl)
	}
	return out
}

// TestVehicleBreakdown: one vehicle's mechanical failure cancels the
// outage word; a rail network's signalling failure is an outage.
func TestVehicleBreakdown(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, word string
		cancelled        bool
	}{
		{"fr engine", "Un car immobilisé après une panne de moteur.", "panne", true},
		{"en engine", "A ferry drifted for two hours after an engine failure.", "failure", true},
		{"ar engine", "توقفت الحافلة بسبب عطل في المحرك.", "عطل", true},
		{"fr signalling", "Une panne de signalisation paralyse le réseau de trains de banlieue.", "panne", false},
		{"en signalling", "A signalling failure brought the rail network to a halt.", "failure", false},
		{"ar signalling", "عطل في نظام الإشارات يوقف شبكة القطارات.", "عطل", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex, _ := classifyText(t, c, tt.text, "")
			found, active := false, false
			for _, f := range ex.Fired {
				if f.Class == classTrigger && strings.Contains(f.Text, tt.word) {
					found = true
					active = active || f.Weight > 0 // a repeat on the same words is cancelled
				}
			}
			if !found {
				t.Fatalf("outage word %q not found\n%s", tt.word, explainText(ex))
			}
			if active == tt.cancelled {
				t.Errorf("%q cancelled = %v, want %v\n%s", tt.word, !active, tt.cancelled, explainText(ex))
			}
		})
	}
}

// TestOldYearShare: a reporting sentence naming only years long before
// the publication dates an old outage (a fine, a ruling, an anniversary).
func TestOldYearShare(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, pub string
		want            float64
	}{
		{"fr old", "Amende pour la panne du réseau mobile de 2021.", "2025-06-12", 1},
		{"en old", "The 2022 network outage cost the carrier a fine.", "2025-06-12", 1},
		{"ar old indic digits", "غرامة بسبب انقطاع شبكة الهاتف عام ٢٠٢١.", "2025-06-12", 1},
		{"fr this year", "Panne du réseau mobile en juin 2025 : les abonnés privés d'appels.", "2025-06-12", 0},
		{"en last year early in january", "The December 2024 network outage left customers without service.", "2025-01-05", 0},
		{"no publication day", "The 2022 network outage cost the carrier a fine.", "", 0},
		{"no year", "The network outage cost the carrier a fine.", "2025-06-12", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex, fs := classifyText(t, c, tt.text, tt.pub)
			if got := fs["past.oldyear"]; got != tt.want {
				t.Errorf("past.oldyear = %v, want %v\n%s", got, tt.want, explainText(ex))
			}
		})
	}
}

func TestYearOf(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want int
		ok   bool
	}{
		{"2021", 2021, true},
		{"٢٠٢١", 2021, true},
		{"۲۰۲۲", 2022, true},
		{"1899", 0, false},
		{"202", 0, false},
		{"20211", 0, false},
		{"20a1", 0, false},
	} {
		t.Run(tt.w, func(t *testing.T) {
			got, ok := yearOf(tt.w)
			if ok != tt.ok || (ok && got != tt.want) {
				t.Errorf("yearOf(%q) = %d, %v; want %d, %v", tt.w, got, ok, tt.want, tt.ok)
			}
		})
	}
}
