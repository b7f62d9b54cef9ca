package rules

import "testing"

// TestBareDays: a day of the month named without its month after an
// article is the such day nearest the reference (Thursday 2024-03-14).
func TestBareDays(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		ref              Ref
		want             string // "" for no date
	}{
		{"fr le", "fr", "La coupure a commencé le 12 vers 8h.", refDay, "2024-03-12"},
		{"fr depuis le", "fr", "Le réseau est perturbé depuis le 11.", refDay, "2024-03-11"},
		{"fr premier", "fr", "Le 1er, les abonnés ont perdu la télévision.", refDay, "2024-03-01"},
		{"fr month before", "fr", "Le 29, la plateforme était déjà lente.", dayRef(2024, 3, 2), "2024-02-29"},
		{"fr nuit du", "fr", "Dans la nuit du 13, le site est tombé.", refDay, "2024-03-13"},
		{"fr arrondissement", "fr", "Le 16e arrondissement a été privé de courant.", refDay, ""},
		{"fr phone", "fr", "Composez le 15 23 44 pour joindre le service.", refDay, ""},
		{"fr street", "fr", "Le 8 rue Victor a perdu la fibre.", refDay, ""},
		{"en on the", "en", "Payments failed on the 12th, the bank said.", refDay, "2024-03-12"},
		{"en since the", "en", "Calls have dropped since the 10th.", refDay, "2024-03-10"},
		{"en no suffix", "en", "The 12 stores closed early.", refDay, ""},
		{"en century", "en", "Cables laid in the 20th century failed.", refDay, ""},
		{"en third time", "en", "It was the 3rd time the bank failed.", refDay, ""},
		{"en with part of day", "en", "It broke on the 12th in the morning.", refDay, "2024-03-12"},
		{"fr with part of day", "fr", "Tout a cessé le 12 dans la matinée.", refDay, "2024-03-12"},
		{"fr eme fois", "fr", "Pour le 2 ème fois, le site est tombé.", refDay, ""},
		{"ar yawm", "ar", "توقفت الخدمة يوم 12 بسبب عطل", refDay, "2024-03-12"},
		{"ar evening", "ar", "انقطع الإنترنت مساء يوم 13 في المدينة", refDay, "2024-03-13"},
		{"ar one of is no Sunday", "ar", "وقع العطل في أحد مراكز البيانات التابعة للشركة", refDay, ""},
		{"ar yawm ahad", "ar", "توقفت الخدمة يوم أحد بسبب عطل", refDay, "2024-03-10"},
		{"ar ahad of last week", "ar", "توقفت الخدمة أحد الأسبوع الماضي", refDay, "2024-03-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := longestDate(tg.Tag(tt.text, tt.lang, tt.ref))
			if tt.want == "" {
				if ok && e.Value != "" {
					t.Fatalf("%q: unexpected date %+v", tt.text, e)
				}
				return
			}
			if !ok || e.Value != tt.want {
				t.Fatalf("%q: date %+v, want %s", tt.text, e, tt.want)
			}
		})
	}
}

// TestWithinIsAtMost: "within N hours" is a length of at most N, not a
// time N hours from now.
func TestWithinIsAtMost(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int
	}{
		{"en within", "en", "Engineers restored service within three hours.", 180},
		{"fr en l'espace de", "fr", "Le réseau a été rétabli en l'espace de deux heures.", 120},
		{"fr en moins de", "fr", "Tout est revenu en moins de 40 minutes.", 40},
		{"fr dans un délai de", "fr", "La messagerie est revenue dans un délai de cinq heures.", 300},
		{"ar ghudun", "ar", "عادت الخدمة في غضون ست ساعات", 360},
		{"ar ghudun days", "ar", "تم إصلاح الكابل في غضون يومين", 2880},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if !ok || e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != "at_most" {
				t.Fatalf("%q: got %+v, want %d min at_most (all: %+v)", tt.text, e, tt.minutes, exprs)
			}
		})
	}
}

// TestCauseFamilies: causal phrases beyond the fixed terms, with gaps
// ("a cut to the largest cable"), map to their key in each language, and
// no other key is read on the same words.
func TestCauseFamilies(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, sub, cause string
	}{
		{"en cut to cable", "en", "A cut to the biggest subsea cable isolated the islands.", "cable", "cable_cut"},
		{"en cut to the largest cable", "en", "The country went dark after a cut to the main fibre cable.", "cut to", "cable_cut"},
		{"fr rupture fibre", "fr", "Une rupture de la fibre a isolé plusieurs communes.", "rupture", "cable_cut"},
		{"ar cable damaged", "ar", "توقف الإنترنت بعد تضرر أحد الكابلات البحرية", "تضرر", "cable_cut"},
		{"en fibre cuts", "en", "Several fibre cuts caused by road works took the lines down.", "fibre cuts", "cable_cut"},
		{"fr erreur dans le logiciel", "fr", "Une erreur dans le logiciel de gestion du trafic a tout bloqué.", "erreur", "software_bug"},
		{"fr incident matériel", "fr", "Un incident matériel sur un équipement cœur de réseau a coupé les lignes.", "incident", "hardware_failure"},
		{"fr capacité dépassée", "fr", "Le pic de transactions a dépassé la capacité prévue.", "capacit", "overload"},
		{"fr faute de carburant", "fr", "Les relais se sont éteints faute de carburant pour les groupes.", "carburant", "power"},
		{"ar unintended change", "ar", "أرجعت الشركة العطل إلى تغيير غير مقصود في إعدادات الخدمة", "تغيير", "software_change"},
		{"ar interconnection equipment", "ar", "نتج العطل عن مشكلة في أجهزة الربط الشبكي", "الربط", "network"},
		{"en the government as the subject", "en", "The government suspended mobile data across the country on Sunday.", "government suspended", "government"},
		{"fr le gouvernement sujet", "fr", "Le gouvernement sénégalais a suspendu dimanche l'accès à l'internet mobile.", "gouvernement", "government"},
		{"ar imposed by the council", "ar", "عاد الإنترنت بعد قطع فرضه المجلس العسكري الانتقالي", "المجلس العسكري", "government"},
		{"ar on instructions of the authorities", "ar", "قطعت الشركة الخدمة بتوجيهات من السلطات العسكرية", "بتوجيهات", "government"},
		{"en storage", "en", "The storage system of the data hall became unreachable.", "storage", "hardware_failure"},
		{"fr stockage", "fr", "Le système de stockage est devenu inaccessible.", "stockage", "hardware_failure"},
		{"ar storage", "ar", "تعطلت وحدات التخزين في مركز الشركة", "التخزين", "hardware_failure"},
		{"ar one of the servers", "ar", "أرجعت الشركة العطل إلى خلل فني في أحد الخوادم الرئيسية", "أحد الخوادم", "hardware_failure"},
		{"ar storage equipment", "ar", "نتج الانقطاع عن خلل في أحد تجهيزات التخزين", "تجهيزات التخزين", "hardware_failure"},
		{"fr poste source", "fr", "Les quartiers ont été privés de courant après un incident technique sur un poste source.", "poste", "hardware_failure"},
		{"en faulty server", "en", "The problem, caused by a faulty server, was fixed within the hour.", "faulty server", "hardware_failure"},
		{"en automated update", "en", "The outage was caused by an automated quota update that went wrong.", "update", "software_change"},
		{"en router config", "en", "Engineers made changes to the network configuration of backbone routers.", "changes to", "software_change"},
		{"fr config routeurs", "fr", "Une modification de la configuration des routeurs a tout bloqué.", "modification", "software_change"},
		{"ar settings", "ar", "حدث العطل بعد تغيير في إعدادات الشبكة", "تغيير", "software_change"},
		{"en national power cut", "en", "The ISP went dark during a nationwide power cut.", "nationwide", "power"},
		{"fr delestage", "fr", "Les antennes se sont éteintes à cause du délestage.", "délestage", "power"},
		{"ar load shedding", "ar", "توقفت الأبراج بسبب تخفيف الأحمال", "تخفيف", "power"},
		{"en pressure", "en", "There was enormous pressure on the booking servers.", "pressure", "overload"},
		{"fr pression", "fr", "Une forte pression sur les serveurs du ministère.", "pression", "overload"},
		{"ar pressure", "ar", "بسبب ضغط هائل على الخوادم", "ضغط", "overload"},
		{"en authorities decision", "en", "Access was cut after a decision by the regional authorities.", "decision", "government"},
		{"fr decision autorites", "fr", "Le réseau a été coupé sur décision des autorités locales.", "décision", "government"},
		{"ar decision", "ar", "قطع الإنترنت جاء بقرار من السلطات المحلية", "السلطات", "government"},
		{"en provider problem", "en", "The bank blamed a problem with a payment provider.", "problem", "third_party"},
		{"fr prestataire", "fr", "La panne vient d'une défaillance d'un prestataire externe.", "défaillance", "third_party"},
		{"ar provider", "ar", "أرجعت الشركة العطل إلى مشكلة لدى مزود خارجي", "مشكلة", "third_party"},
		{"en maintenance overran", "en", "Night maintenance work overran into the morning.", "maintenance", "maintenance"},
		{"fr maintenance debordé", "fr", "Une intervention technique a perturbé le réseau.", "intervention", "maintenance"},
		{"ar maintenance", "ar", "توقفت الخدمة بسبب عملية صيانة طارئة", "صيانة", "maintenance"},
		{"en transformer", "en", "A fault at the transformer left the district dark.", "transformer", "hardware_failure"},
		{"fr transformateur", "fr", "Un incident sur un transformateur a privé le quartier de courant.", "transformateur", "hardware_failure"},
		{"ar transformer", "ar", "انقطعت الكهرباء بسبب عطل في محول كهربائي", "محول", "hardware_failure"},
		{"en human error", "en", "The operator blamed human error during network expansion.", "human error", "software_change"},
		{"fr erreur humaine", "fr", "L'opérateur invoque une erreur humaine lors d'une intervention.", "erreur humaine", "software_change"},
		{"ar human error", "ar", "أرجعت الشركة العطل إلى خطأ بشري أثناء أعمال توسعة الشبكة", "خطأ بشري", "software_change"},
		{"en voltage", "en", "Voltage fluctuations tripped the power stations one by one.", "Voltage", "hardware_failure"},
		{"fr tension", "fr", "Une chute de tension a entraîné l'arrêt des centrales.", "chute de tension", "hardware_failure"},
		{"ar voltage", "ar", "تذبذب الجهد أدى إلى خروج المحطات عن الخدمة", "تذبذب", "hardware_failure"},
		{"en rolled back", "en", "The company said it had rolled back a faulty release.", "rolled back", "software_change"},
		{"fr modification technique", "fr", "Une modification technique a provoqué l'incident.", "modification technique", "software_change"},
		{"ar migration", "ar", "توقف التطبيق بعد نقل الخدمات إلى منصة جديدة", "نقل الخدمات", "software_change"},
		{"en short circuit", "en", "A short circuit damaged equipment at the exchange.", "short circuit", "hardware_failure"},
		{"fr carte électronique", "fr", "Une carte électronique défectueuse a provoqué la coupure.", "carte", "hardware_failure"},
		{"ar cooling", "ar", "توقفت الخوادم بسبب عطل في نظام التبريد", "عطل في نظام التبريد", "hardware_failure"},
		{"en cable theft", "en", "Thieves stole copper cables from the exchange.", "stole", "cable_cut"},
		{"fr travaux de voirie", "fr", "Des travaux de voirie ont endommagé la fibre.", "travaux de voirie", "cable_cut"},
		{"ar cable theft", "ar", "انقطع الهاتف الأرضي إثر سرقة كوابل نحاسية", "سرقة", "cable_cut"},
		// a change made to equipment is the change, not the equipment
		{"fr mise a jour routeurs", "fr", "Les techniciens ont installé une mise à jour sur des routeurs du réseau.", "mise à jour sur", "software_change"},
		{"en upgrade routers", "en", "Engineers ran an upgrade on the core routers overnight.", "upgrade on", "software_change"},
		{"ar update routers", "ar", "بدأ العطل بعد تحديث أجهزة الموجهات في الشبكة", "تحديث", "software_change"},
		// servers of the name system are DNS trouble, not hardware
		{"fr serveurs dns", "fr", "Une panne de ses serveurs DNS a bloqué la navigation.", "serveurs DNS", "network"},
		{"en dns servers", "en", "A failure of its DNS servers stopped pages from loading.", "DNS servers", "network"},
		{"ar dns servers", "ar", "تعطلت خوادم أسماء النطاقات لدى المزود", "خوادم أسماء النطاقات", "network"},
		// roadworks and diggers that cut a line
		{"fr pelleteuse", "fr", "Une pelleteuse a arraché la ligne lors d'un chantier.", "pelleteuse", "cable_cut"},
		{"en roadworks", "en", "Roadworks on the ring road left the suburb offline.", "Roadworks", "cable_cut"},
		{"ar road works", "ar", "انقطع الإنترنت بسبب أشغال الطرق في المدينة", "أشغال الطرق", "cable_cut"},
		{"ar qutuaat", "ar", "تعرضت حلقات الشبكة لقطوعات في عدة مواقع", "قطوعات", "cable_cut"},
		// orders given as instructions
		{"fr sur instruction", "fr", "Les opérateurs ont coupé l'accès sur instruction du ministère.", "sur instruction", "government"},
		{"en instructions", "en", "The regulator blocked the app on the instructions of the ministry.", "instructions", "government"},
		{"ar instructions", "ar", "تم حجب التطبيق بتعليمات من وزارة الداخلية", "بتعليمات", "government"},
		{"en deliberate shutdown", "en", "The disruption was consistent with a deliberate shutdown after the vote.", "deliberate shutdown", "government"},
		{"en operators instructed", "en", "The regulator had instructed operators to block the platforms.", "instructed operators to block", "government"},
		{"fr restriction décidée par", "fr", "Les réseaux sociaux étaient inaccessibles après une restriction décidée par le ministère.", "restriction décidée par", "government"},
		{"fr demandé aux opérateurs", "fr", "Le gouvernement a demandé aux opérateurs de couper l'internet mobile.", "demandé aux opérateurs de couper", "government"},
		{"ar operators told to block", "ar", "طلبت الهيئة من شركات الاتصالات حجب المنصة", "طلبت الهيئة من شركات الاتصالات", "government"},
		{"ar deliberate cut", "ar", "وصف المرصد ما حدث بأنه قطع متعمد للإنترنت", "قطع متعمد", "government"},
		// one of its suppliers, with a word between
		{"fr un de ses fournisseurs", "fr", "La panne vient de l'un de ses grands fournisseurs.", "fournisseurs", "third_party"},
		{"en one of its cloud suppliers", "en", "It blamed a failure at one of its cloud suppliers.", "suppliers", "third_party"},
		{"ar one of its providers", "ar", "أرجعت الشركة الانقطاع إلى عطل لدى أحد مزوديها", "مزوديها", "third_party"},
		// software errors and crowds in Arabic, overload words in French and English
		{"ar khata barmajiyat", "ar", "توقف التطبيق بسبب خطأ في البرمجيات", "خطأ في البرمجيات", "software_bug"},
		{"ar zeham", "ar", "توقف الموقع بسبب الزحام الشديد", "الزحام", "overload"},
		{"fr pic de frequentation", "fr", "Le site a cédé sous un pic de fréquentation.", "pic de fréquentation", "overload"},
		{"en too many players", "en", "The servers crashed under too many players online.", "too many players", "overload"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := exprAt(exprs, KindCause, tt.sub)
			if !ok {
				t.Fatalf("%q: no cause holding %q: %+v", tt.text, tt.sub, exprs)
			}
			if e.Cause != tt.cause {
				t.Errorf("%q: %q read as %s, want %s", tt.text, e.Text, e.Cause, tt.cause)
			}
			if tt.text[e.Start:e.End] != e.Text {
				t.Errorf("offsets %d:%d do not give %q", e.Start, e.End, e.Text)
			}
		})
	}
}

// TestNotCauses: words of the new families that name no cause in another
// sense ("un tiers des abonnés" is a third of them, "an explosion in
// traffic" is a surge).
func TestNotCauses(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, notCause string
	}{
		{"fr un tiers", "fr", "Un tiers des abonnés ont perdu le réseau.", "third_party"},
		{"fr explosion du trafic", "fr", "Une explosion du trafic a saturé les serveurs.", "weather_disaster"},
		{"en explosion in traffic", "en", "An explosion in traffic overwhelmed the servers.", "weather_disaster"},
		{"ar air conditioning", "ar", "ارتفع الطلب على الكهرباء بسبب التكييف في الصيف", "hardware_failure"},
		// figures of speech (nocause)
		{"fr calmer la tempete", "fr", "L'opérateur tente de calmer la tempête avec un geste commercial.", "weather_disaster"},
		{"fr tempete mediatique", "fr", "La panne a déclenché une tempête médiatique.", "weather_disaster"},
		{"en storm of criticism", "en", "The outage set off a storm of criticism online.", "weather_disaster"},
		{"en under fire", "en", "The carrier came under fire after the outage.", "weather_disaster"},
		{"ar storm of criticism", "ar", "أثار الانقطاع عاصفة من الانتقادات", "weather_disaster"},
		// the outage itself named a blackout (nocause)
		{"fr black-out d'internet", "fr", "Le black-out d'internet a duré deux jours.", "power"},
		{"en internet blackout", "en", "The internet blackout was imposed after the protests.", "power"},
		{"en communications blackout", "en", "A communications blackout cut the region off.", "power"},
		// news updates (nocause)
		{"fr mises a jour de l'operateur", "fr", "Les banques attendent des mises à jour de l'opérateur sur le délai.", "software_change"},
		{"en further updates", "en", "The company promised further updates later in the day.", "software_change"},
		{"en update to status page", "en", "The company posted an update to its status page at noon.", "software_change"},
		{"ar latest updates", "ar", "تابعوا آخر التحديثات حول الانقطاع", "software_change"},
		// a spike in reports is no overload (nocause)
		{"fr afflux de signalements", "fr", "Downdetector a enregistré un afflux de signalements vers midi.", "overload"},
		{"en surge in complaints", "en", "Downdetector showed a surge in complaints around noon.", "overload"},
		// phrasings that stay out of the cause families
		{"fr RTE is a grid operator", "fr", "Selon RTE, le Réseau de transport d'électricité, la consommation a battu un record.", "network"},
		{"fr panne de réseau is the outage", "fr", "Une panne de réseau chez Rogers a touché tout le pays.", "network"},
		{"en engineers rushed to fix", "en", "Engineers rushed to fix the fault overnight.", "overload"},
		{"ar operating company", "ar", "قالت الشركة المشغلة للشبكة إن الخدمة عادت", "third_party"},
		// follow-ups, reactions and sizes that hold a cause word
		{"en ordered an investigation", "en", "The regulator ordered an investigation into the outage.", "government"},
		{"en customers who ordered", "en", "Customers who ordered food through the app were left waiting.", "government"},
		{"en heat on the boss", "en", "The outage turned up the heat on the company's chief executive.", "weather_disaster"},
		{"en surge of reports", "en", "Downdetector recorded a surge of reports shortly after 9am.", "overload"},
		{"en capacity of", "en", "The network has a capacity of 100 terabits per second.", "overload"},
		{"en storm of calls", "en", "Engineers worked through the storm of calls from customers.", "weather_disaster"},
		{"fr ordonné une enquête", "fr", "Le régulateur a ordonné une enquête sur la panne.", "government"},
		{"fr inondé les réseaux sociaux", "fr", "Les clients ont inondé les réseaux sociaux de plaintes.", "weather_disaster"},
		{"fr pris d'assaut le service client", "fr", "Les abonnés ont pris d'assaut le service client.", "overload"},
		{"fr mis le feu aux réseaux sociaux", "fr", "L'incident a mis le feu aux réseaux sociaux.", "weather_disaster"},
		{"ar ordered an investigation", "ar", "أمرت الحكومة بفتح تحقيق في الانقطاع.", "government"},
		// remedies are no cause
		{"en rolled out a fix", "en", "Engineers rolled out a fix within the hour.", "software_change"},
		{"en rolled out mitigations", "en", "Service recovered after engineers rolled out mitigations.", "software_change"},
		{"fr déployé un correctif", "fr", "L'opérateur a déployé un correctif dans la soirée.", "software_change"},
		{"ar update to fix", "ar", "وأطلقت الشركة تحديثا لمعالجة المشكلة", "software_change"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindCause && e.Cause == tt.notCause {
					t.Fatalf("%q: %q read as %s", tt.text, e.Text, e.Cause)
				}
			}
		})
	}
}

// TestGapLimits: a gap in a phrase takes at most two words and never
// crosses punctuation.
func TestGapLimits(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
	}{
		{"three words", "en", "A cut to the very long old cable route was planned."},
		{"comma", "en", "A cut to the, cable budget was announced."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindCause && e.Cause == "cable_cut" {
					t.Fatalf("%q: gap reached too far: %+v", tt.text, e)
				}
			}
		})
	}
}

// TestUnknownCauseCues: the text says it does not give the cause.
func TestUnknownCauseCues(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
	}{
		{"en declined", "en", "The carrier declined to say what went wrong."},
		{"en investigating", "en", "Engineers are still investigating, the firm said."},
		{"fr sans preciser", "fr", "L'opérateur a confirmé la panne sans préciser son origine."},
		{"fr enquete", "fr", "Une enquête en cours doit établir les faits."},
		{"ar lam tuwaddih", "ar", "أكدت الشركة العطل ولم توضح أسبابه"},
		{"ar investigation", "ar", "فتحت الوزارة تحقيقا للوقوف على أسباب العطل"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			for _, e := range exprs {
				if e.Kind == KindCause && e.Cause == "unknown" {
					return
				}
			}
			t.Fatalf("%q: no unknown-cause cue in %+v", tt.text, exprs)
		})
	}
}

// TestDayRuns: the n-th day of a run is a length of at least n-1 days;
// the n-th day of something else is not a length.
func TestDayRuns(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // -1: no duration
	}{
		{"en entered", "en", "The blackout has entered its fourth day in the capital.", 3 * 1440},
		{"en straight", "en", "Customers faced a second straight day of failed payments.", 1440},
		{"en in a row", "en", "For the sixth day in a row, the portal was unreachable.", 5 * 1440},
		{"en not a run", "en", "The third day of the summit was quiet.", -1},
		{"fr consecutif", "fr", "Pour le troisième jour consécutif, la ville est privée d'internet.", 2 * 1440},
		{"fr d'affilee", "fr", "Les abonnés sont sans réseau le cinquième jour d'affilée.", 4 * 1440},
		{"fr not a run", "fr", "Le deuxième jour du salon a attiré du monde.", -1},
		{"ar tawali", "ar", "يستمر انقطاع الإنترنت لليوم الرابع على التوالي", 3 * 1440},
		{"ar lam", "ar", "تعطلت الخدمة لليوم الثالث في المدينة", 2 * 1440},
		{"ar not a run", "ar", "اليوم الثاني من المعرض شهد إقبالا", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if tt.minutes < 0 {
				if ok {
					t.Fatalf("%q: unexpected duration %+v", tt.text, e)
				}
				return
			}
			if !ok || e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != "at_least" {
				t.Fatalf("%q: got %+v, want %d min at_least", tt.text, e, tt.minutes)
			}
		})
	}
}

// TestNotLengths: fractions of a group and "a second" (the ordinal) are not
// lengths.
func TestNotLengths(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, lang, text string }{
		{"en three-quarters", "en", "Three-quarters of subscribers lost their connection."},
		{"en a second", "en", "A second outage hit the bank that evening."},
		{"fr une seconde", "fr", "Une seconde panne a touché la banque le soir même."},
		{"fr trois quarts", "fr", "Les trois quarts des abonnés ont perdu la connexion."},
		{"en a quarter of", "en", "A quarter of the country lost power."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if e, ok := find(tg.Tag(tt.text, tt.lang, refDay), KindDuration); ok {
				t.Fatalf("%q: unexpected duration %+v", tt.text, e)
			}
		})
	}
}

// roleCase is a text, the expression holding sub, and the role it must
// take ("" for none).
type roleCase struct{ name, lang, text, sub, role string }

// checkRoles tags each text and checks the role of the expression of kind
// holding sub.
func checkRoles(t *testing.T, kind string, tests []roleCase) {
	t.Helper()
	tg := tagger(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := exprAt(exprs, kind, tt.sub)
			if !ok {
				t.Fatalf("%q: no %s holding %q: %+v", tt.text, kind, tt.sub, exprs)
			}
			if e.Role != tt.role {
				t.Errorf("%q: role %q, want %q (%+v)", tt.text, e.Role, tt.role, e)
			}
		})
	}
}

// TestRoleAfter: a time with no cue before it takes the role of a start or
// end verb that follows it in its clause.
func TestRoleAfter(t *testing.T) {
	tests := []roleCase{
		{"en restored", "en", "At 4:10 pm ET, service was restored for most users.", "4:10", "end"},
		{"en began", "en", "At 7 am the outage began in the northeast.", "7 am", "start"},
		{"en other verb", "en", "At 3 pm the chief executive spoke to reporters.", "3 pm", ""},
		{"fr retabli", "fr", "À 14h30, le réseau était rétabli dans la capitale.", "14h30", "end"},
		{"fr debute", "fr", "Mardi à 8h, la panne a débuté sans prévenir.", "8h", "start"},
		{"ar end", "ar", "وفي الساعة الخامسة مساء عادت الخدمة إلى طبيعتها", "الخامسة", "end"},
		{"ar start", "ar", "في الساعة السابعة صباحا انقطعت الكهرباء عن المدينة", "السابعة", "start"},
		{"ar coordinated verb opens the next clause", "ar", "انقطعت الكهرباء عن المدينة عند الظهر يوم الاثنين وعادت عند الساعة الخامسة مساء", "الظهر", ""},
		{"fr des is an article, not dès", "fr", "Le courant a été remis dans la plupart des foyers vers 23h.", "23h", ""},
		{"fr des as the preposition", "fr", "Dès 8h, le site était inaccessible.", "8h", "start"},
	}
	checkRoles(t, KindTime, tests)
}

// TestMonthInTwoCalendars: an Arabic date naming its month in two sets of
// names keeps its year.
func TestMonthInTwoCalendars(t *testing.T) {
	tg := tagger(t)
	tests := []struct{ name, text, want string }{
		{"slash", "تعطلت الشبكة في 14 يناير/كانون الثاني 2019", "2019-01-14"},
		{"parentheses", "انقطع الإنترنت يوم 3 أكتوبر (تشرين الأول) 2020", "2020-10-03"},
		{"maghreb names", "انقطعت الكهرباء يوم 5 جوان 2021", "2021-06-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := longestDate(tg.Tag(tt.text, "ar", refDay))
			if !ok || e.Value != tt.want {
				t.Fatalf("%q: date %+v, want %s", tt.text, e, tt.want)
			}
		})
	}
}

// TestSingleUnitLengths: one unit written as a compound adjective ("the
// hour-long outage") or an Arabic accusative ("استمر يوما") is a length.
func TestSingleUnitLengths(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int
	}{
		{"en hour-long", "en", "The hour-long outage hit card payments.", 60},
		{"en day-long", "en", "Riders faced a day-long disruption of the app.", 1440},
		{"en week-long", "en", "After a week-long blackout, power returned.", 7 * 1440},
		{"fr une heure", "fr", "Une panne d'une heure a touché les paiements.", 60},
		{"ar accusative day", "ar", "استمر العطل يوما كاملا في العاصمة", 1440},
		{"ar accusative count", "ar", "انقطعت الكهرباء 15 يوما عن القرية", 15 * 1440},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if !ok || e.Minutes == nil || *e.Minutes != tt.minutes {
				t.Fatalf("%q: got %+v, want %d min (all: %+v)", tt.text, e, tt.minutes, exprs)
			}
		})
	}
}

// TestStillAfterElapsed: a length counted from an event, after which the
// clause says the outage still went on, is a lower bound.
func TestStillAfterElapsed(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int
		kind             string
	}{
		{"en still down", "en", "Four hours later, the portal was still down.", 240, "at_least"},
		{"en after still", "en", "After five hours, customers still could not pay.", 300, "at_least"},
		{"en back", "en", "Two hours later the portal was back.", 120, "exact"},
		{"fr toujours pas", "fr", "Trois heures plus tard, le réseau n'était toujours pas rétabli.", 180, "at_least"},
		{"fr au bout de", "fr", "Au bout de deux heures, les clients étaient toujours privés de connexion.", 120, "at_least"},
		{"ar la tazal", "ar", "وبعد أربع ساعات لا تزال الخدمة متوقفة", 240, "at_least"},
		{"ar back", "ar", "وبعد أربع ساعات عادت الخدمة", 240, "exact"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			if !ok || e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != tt.kind {
				t.Fatalf("%q: got %+v, want %d min %s", tt.text, e, tt.minutes, tt.kind)
			}
			if e.Still != (tt.kind == "at_least") {
				t.Errorf("%q: Still %v, want %v", tt.text, e.Still, tt.kind == "at_least")
			}
		})
	}
}

// TestVagueUnits: an Arabic plural unit with no number and no article
// ("بعد ساعات") is a vague length, not one unit; with a number, or with
// the article ("الساعات الأولى"), it is not.
func TestVagueUnits(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, text string
		minutes    int // 0: vague; -1: no length
	}{
		{"hours after", "عادت الشبكة بعد ساعات من الإصلاحات", 0},
		{"minutes", "توقف الموقع دقائق ثم عاد", 0},
		{"days", "ظل الحي أيام بلا كهرباء", 0},
		{"counted hours", "انقطعت الكهرباء ثلاث ساعات في المدينة", 180},
		{"singular", "توقفت الخدمة ساعة واحدة", 60},
		{"article", "في الساعات الأولى من الصباح توقف البث", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := find(tg.Tag(tt.text, "ar", refDay), KindDuration)
			switch {
			case tt.minutes < 0:
				if ok {
					t.Errorf("%q: length %+v, want none", tt.text, e)
				}
			case !ok:
				t.Errorf("%q: no length", tt.text)
			case tt.minutes == 0 && (e.DurationKind != "vague" || e.Minutes != nil):
				t.Errorf("%q: %+v, want a vague length", tt.text, e)
			case tt.minutes > 0 && (e.Minutes == nil || *e.Minutes != tt.minutes):
				t.Errorf("%q: %+v, want %d min", tt.text, e, tt.minutes)
			}
		})
	}
}

// TestUntilClockTime: "jusqu'à 18h" written like a clock time is the end
// of an outage, not a length of up to 18 hours; a spelled-out length after
// the same hedge stays a length.
func TestUntilClockTime(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, text, kind, role string
	}{
		{"fr jusqu'a 18h", "Le réseau restera coupé jusqu'à 18h.", KindTime, "end"},
		{"fr jusqu'a 18 h 30", "Perturbations jusqu'à 18 h 30 sur la ligne.", KindTime, "end"},
		{"fr retards jusqu'a 3 heures", "Des retards allant jusqu'à 3 heures ont été signalés.", KindDuration, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, "fr", refDay)
			e, ok := exprAt(exprs, tt.kind, "jusqu")
			if !ok || e.Role != tt.role {
				t.Fatalf("%q: want a %s with role %q, got %+v", tt.text, tt.kind, tt.role, exprs)
			}
		})
	}
}

// TestLengthsAfterEvent: a count of days followed by "after", "après" or
// (in Arabic) "من" and an event is a length counted from that event, not
// a day counted from the reference; a count from the reference ("in three
// days", "dans 3 jours", "بعد ثلاثة أيام" alone) or from a named day stays
// a day; and a two-digit number before a unit is no year of the date
// before it.
func TestLengthsAfterEvent(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int    // the length, 0 when none
		day              string // the first day, "" when none
	}{
		{"en days after", "en", "Mobile data came back on May 4, 10 days after it was cut.", 10 * 1440, "2024-05-04"},
		{"en weeks after", "en", "The line was repaired two weeks after the storm.", 14 * 1440, ""},
		{"fr jours apres", "fr", "Le réseau est revenu le 4 mai, dix jours après la coupure.", 10 * 1440, "2024-05-04"},
		{"ar min", "ar", "عادت الخدمة بعد ثلاثة أيام من انقطاعها", 3 * 1440, ""},
		{"en in days", "en", "The site will be back in 3 days.", 0, "2024-03-17"},
		{"fr dans jours", "fr", "Le site reviendra dans 3 jours.", 0, "2024-03-17"},
		{"ar baad alone", "ar", "ستعود الخدمة بعد ثلاثة أيام", 0, "2024-03-17"},
		{"en after a day", "en", "Three days after March 3 the site failed.", 0, "2024-03-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindDuration)
			switch {
			case tt.minutes == 0 && ok:
				t.Errorf("%q: length %+v, want none", tt.text, e)
			case tt.minutes > 0 && (!ok || e.Minutes == nil || *e.Minutes != tt.minutes):
				t.Errorf("%q: length %+v, want %d min (all: %+v)", tt.text, e, tt.minutes, exprs)
			}
			d, ok := find(exprs, KindDate)
			switch {
			case tt.day == "" && ok:
				t.Errorf("%q: day %+v, want none", tt.text, d)
			case tt.day != "" && (!ok || d.Value != tt.day):
				t.Errorf("%q: day %+v, want %s (all: %+v)", tt.text, d, tt.day, exprs)
			}
		})
	}
}

// TestAllDayIsVague: "all day", "toute la journée", "طوال اليوم" say the
// outage filled the day without saying how many hours: vague; "a full
// day", "une journée entière", "يوم كامل" count one day.
func TestAllDayIsVague(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // 0: vague
	}{
		{"en all day", "en", "Card payments were down all day on Friday.", 0},
		{"en throughout", "en", "The app kept failing throughout the day.", 0},
		{"fr toute la journee", "fr", "Les clients ont été privés de réseau toute la journée.", 0},
		{"ar tawal", "ar", "انقطعت الكهرباء طوال اليوم في المدينة", 0},
		{"en full day", "en", "The outage lasted a full day.", 1440},
		{"fr journee entiere", "fr", "La panne a duré une journée entière.", 1440},
		{"ar kamil", "ar", "استمر العطل يوم كامل", 1440},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := find(tg.Tag(tt.text, tt.lang, refDay), KindDuration)
			switch {
			case !ok:
				t.Errorf("%q: no length", tt.text)
			case tt.minutes == 0 && (e.DurationKind != "vague" || e.Minutes != nil):
				t.Errorf("%q: %+v, want a vague length", tt.text, e)
			case tt.minutes > 0 && (e.Minutes == nil || *e.Minutes != tt.minutes):
				t.Errorf("%q: %+v, want %d min", tt.text, e, tt.minutes)
			}
		})
	}
}

// TestShutdownStartsAfterDay: a day followed in its clause by a verb of
// cutting a network ("shut down", "a coupé", "قطعت") marks the start.
func TestShutdownStartsAfterDay(t *testing.T) {
	tests := []roleCase{
		{"en shut down", "en", "On March 4, the authorities shut down mobile data nationwide.", "March 4", "start"},
		{"en cut off", "en", "On March 4 the regulator cut off broadband in the north.", "March 4", "start"},
		{"en other verb", "en", "On March 4 the minister met the operators.", "March 4", ""},
		{"fr a coupe", "fr", "Le 4 mars, le gouvernement a coupé l'internet mobile.", "4 mars", "start"},
		{"fr prives", "fr", "Le 4 mars, les habitants ont été privés d'électricité.", "4 mars", "start"},
		{"ar qataat", "ar", "في 4 مارس قطعت السلطات الإنترنت عن البلاد", "4 مارس", "start"},
	}
	checkRoles(t, KindDate, tests)
}

// TestReadingTime: a page's reading time is no length; a length near the
// same words in another sense stays one.
func TestReadingTime(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // 0: no length
	}{
		{"en min read", "en", "9 min read", 0},
		{"en reading time", "en", "Reading time: 4 minutes", 0},
		{"fr de lecture", "fr", "3 min de lecture", 0},
		{"fr temps de lecture", "fr", "Temps de lecture : 5 minutes", 0},
		{"ar qiraa", "ar", "مدة القراءة: 4 دقائق", 0},
		{"en lecture lasted", "en", "The lecture lasted 2 hours.", 120},
		{"fr lecture a dure", "fr", "La lecture a duré 2 heures.", 120},
		{"en outage after", "en", "6 min read. Slack was down for 2 hours.", 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := find(tg.Tag(tt.text, tt.lang, refDay), KindDuration)
			switch {
			case tt.minutes == 0 && ok:
				t.Errorf("%q: length %+v, want none", tt.text, e)
			case tt.minutes > 0 && (!ok || e.Minutes == nil || *e.Minutes != tt.minutes):
				t.Errorf("%q: %+v, want %d min", tt.text, e, tt.minutes)
			}
		})
	}
}

// TestScheduleSpans: a span of times followed by a recurring schedule
// (a span of weekdays, "every day", "tous les jours", "يوميا") has no
// length; a span of times on one day keeps its length.
func TestScheduleSpans(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		minutes          int // 0: no length
	}{
		{"fr weekdays", "fr", "Le chat est accessible de 8 h à 22 h du lundi au samedi.", 0},
		{"fr tous les jours", "fr", "L'agence ouvre de 9 h à 18 h tous les jours.", 0},
		{"en weekdays", "en", "Support is open from 8 am to 10 pm, Monday through Friday.", 0},
		{"en daily", "en", "The hotline runs from 9 am to 5 pm daily.", 0},
		{"ar weekdays", "ar", "الخدمة متاحة من الساعة الثامنة إلى الساعة العاشرة من السبت إلى الخميس", 0},
		{"ar yawmiyan", "ar", "الخدمة متاحة من الساعة الثامنة إلى الساعة العاشرة يوميا", 0},
		{"en one day", "en", "The outage lasted from 8 am to 10 am Monday.", 120},
		{"fr one day", "fr", "La panne a duré de 8 h à 11 h mardi.", 180},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("%q: no span: %+v", tt.text, exprs)
			}
			switch {
			case tt.minutes == 0 && e.Minutes != nil:
				t.Errorf("%q: length %d, want none (%+v)", tt.text, *e.Minutes, e)
			case tt.minutes > 0 && (e.Minutes == nil || *e.Minutes != tt.minutes):
				t.Errorf("%q: %+v, want %d min", tt.text, e, tt.minutes)
			}
		})
	}
}

// TestDepuisLength: French "depuis" before a length says the outage has
// lasted at least that long so far ("privés d'internet depuis trois
// jours"); before a clock time, a day or a weekday it stays a start. The
// English "for" reads an exact length; Arabic "منذ" before a count of days
// stays a day counted back ("three days ago" and "for three days" read
// alike).
func TestDepuisLength(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text string
		kind             string // of the first expression
		minutes          int
		dkind            string
	}{
		{"fr depuis jours", "fr", "Les abonnés sont privés d'internet depuis trois jours.", KindDuration, 3 * 1440, "at_least"},
		{"fr depuis heures", "fr", "Le réseau est en panne depuis 2 heures.", KindDuration, 120, "at_least"},
		{"fr depuis clock", "fr", "Le réseau est en panne depuis 14h.", KindTime, 0, ""},
		{"fr depuis 2h", "fr", "Le réseau est en panne depuis 2h.", KindTime, 0, ""},
		{"fr depuis date", "fr", "Le réseau est en panne depuis le 3 mars.", KindDate, 0, ""},
		{"en for days", "en", "Subscribers have been without internet for three days.", KindDuration, 3 * 1440, "exact"},
		{"ar mundhu", "ar", "انقطعت الخدمة منذ ثلاثة أيام", KindDate, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			if len(exprs) == 0 {
				t.Fatalf("%q: nothing found", tt.text)
			}
			e := exprs[0]
			if e.Kind != tt.kind {
				t.Fatalf("%q: %+v, want a %s", tt.text, e, tt.kind)
			}
			if tt.kind == KindDuration && (e.Minutes == nil || *e.Minutes != tt.minutes || e.DurationKind != tt.dkind) {
				t.Errorf("%q: %+v, want %d min %s", tt.text, e, tt.minutes, tt.dkind)
			}
		})
	}
}

// TestDaySpanLengths: a span of days ("du 13 au 15 juillet", "from Monday
// to Wednesday", "من الاثنين إلى الأربعاء") starts on its first day and
// lasts about as many days as lie between its ends; a weekday span that
// wraps the week starts in the week before.
func TestDaySpanLengths(t *testing.T) {
	tg := tagger(t) // refDay is Thursday 14 March 2024
	tests := []struct {
		name, lang, text string
		from             string
		days             int // 0: no length
	}{
		{"fr dates", "fr", "La panne a duré du 4 au 6 mars.", "2024-03-04", 2},
		{"en dates", "en", "The outage lasted from March 4 to March 7.", "2024-03-04", 3},
		{"ar dates", "ar", "انقطعت الخدمة من 4 إلى 6 مارس", "2024-03-04", 2},
		{"en weekdays", "en", "The network was down from Monday to Wednesday.", "2024-03-11", 2},
		{"fr weekdays", "fr", "Le réseau a été coupé du lundi au mercredi.", "2024-03-11", 2},
		{"ar weekdays", "ar", "انقطعت الكهرباء من الاثنين إلى الأربعاء", "2024-03-11", 2},
		{"fr wrapping", "fr", "Le réseau a été coupé du vendredi au lundi.", "2024-03-08", 3},
		{"en between", "en", "The site was down between Monday and Wednesday.", "2024-03-11", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exprs := tg.Tag(tt.text, tt.lang, refDay)
			e, ok := find(exprs, KindInterval)
			if !ok {
				t.Fatalf("%q: no span: %+v", tt.text, exprs)
			}
			if e.Value != tt.from {
				t.Errorf("%q: starts %s, want %s (%+v)", tt.text, e.Value, tt.from, e)
			}
			if e.Minutes == nil || *e.Minutes != tt.days*1440 || e.DurationKind != "approx" {
				t.Errorf("%q: length %v %s, want %d days approx", tt.text, e.Minutes, e.DurationKind, tt.days)
			}
		})
	}
}

// TestCausePhrasings: the many ways journalists name each cause, in the
// three languages: every sentence must yield a cause phrase of its key
// (among others it may hold). "unknown" is the text saying the cause is
// not known.
func TestCausePhrasings(t *testing.T) {
	tg := tagger(t)
	tests := []struct {
		name, lang, text, cause string
	}{
		{"fr faulty circuit breaker", "fr", "Un disjoncteur défectueux a déclenché l'arrêt de la centrale.", "hardware_failure"},
		{"en faulty circuit breaker", "en", "A faulty circuit breaker tripped two generating units at the plant.", "hardware_failure"},
		{"ar generating plants offline", "ar", "انقطعت الكهرباء بعد خروج عدد من محطات التوليد عن الخدمة.", "hardware_failure"},
		{"fr lost packets", "fr", "Un équipement du réseau a commencé à perdre des paquets vers 9 heures.", "network"},
		{"en dropped packets", "en", "A core switch began dropping packets shortly after midnight.", "network"},
		{"fr equipment vendor", "fr", "L'opérateur évoque un incident technique chez un équipementier.", "third_party"},
		{"ar international link provider", "ar", "أرجعت الشركة الانقطاع إلى عطل لدى أحد مزودي الربط الدولي.", "third_party"},
		{"en storage quota", "en", "The outage was caused by a storage quota issue in its login system.", "software_bug"},
		{"en players flood the store", "en", "Players flood the store as the game launches and the servers give way.", "overload"},
		{"en grid transmission line", "en", "Most homes lost power after a fault on a high-voltage transmission line.", "hardware_failure"},
		{"en grid switching station", "en", "The blackout followed a failure in a switching station at the plant.", "hardware_failure"},
		{"fr grid high-voltage line", "fr", "La coupure fait suite à un incident sur une ligne haute tension.", "hardware_failure"},
		{"ar grid transmission line", "ar", "انقطعت الكهرباء بسبب عطل فني في خط نقل رئيسي للجهد العالي.", "hardware_failure"},
		{"en core routers", "en", "A fault in two core routers cut calls across the country.", "network"},
		{"ar main routers", "ar", "توقفت الخدمة بسبب عطل في أحد الموجهات الرئيسية للشبكة.", "network"},
		{"en damaged cable, pluperfect", "en", "PTCL said a major submarine cable had been damaged.", "cable_cut"},
		{"fr damage of a cable", "fr", "Internet a été coupé après l'endommagement d'un câble sous-marin.", "cable_cut"},
		{"ar damaged cable", "ar", "انقطع الإنترنت إثر تضرر الكابل البحري الذي يربط البلاد بالعالم.", "cable_cut"},
		{"en national firewall", "en", "The slowdown coincides with trials of a national internet firewall.", "government"},
		{"fr national firewall", "fr", "Les experts attribuent le ralentissement au déploiement d'un pare-feu national.", "government"},
		{"ar firewall", "ar", "يتزامن البطء مع اختبار الحكومة لجدار حماية وطني للإنترنت.", "government"},
		{"en flood of requests", "en", "A flood of requests overwhelmed the ticketing site.", "overload"},
		{"ar visits beyond expectations", "ar", "تعطل الموقع بعد أن تجاوز حجم الزيارات كل التوقعات.", "overload"},
		{"fr œ folded as oe", "fr", "Les équipes sont à pied d’œuvre après une rupture de fibre.", "cable_cut"},
		{"en software_change 1", "en", "The outage followed a change to the network that engineers made on Monday night.", "software_change"},
		{"en software_change 2", "en", "It was triggered by a maintenance script that deleted the wrong servers.", "software_change"},
		{"en software_change 3", "en", "A patch released overnight broke the login page.", "software_change"},
		{"en software_change 4", "en", "The company said a new version of its app, released on Tuesday, caused the crash.", "software_change"},
		{"en software_change 5", "en", "Engineers traced the problem to a faulty software push.", "software_change"},
		{"en software_change 6", "en", "The disruption began after the bank switched to a new core banking system.", "software_change"},
		{"en software_change 7", "en", "A technical change made during routine work caused the outage.", "software_change"},
		{"en software_bug 1", "en", "A coding error in the payment system caused the failure.", "software_bug"},
		{"en software_bug 2", "en", "The crash was caused by a flaw in the software.", "software_bug"},
		{"en software_bug 3", "en", "The app crashed because of a defect in the latest code.", "software_bug"},
		{"en software_bug 4", "en", "A bug in the system that processes payments stopped transfers.", "software_bug"},
		{"en software_bug 5", "en", "The leap year date bug froze the terminals.", "software_bug"},
		{"en hardware_failure 1", "en", "A broken server brought the site down.", "hardware_failure"},
		{"en hardware_failure 2", "en", "The failure of a piece of network hardware took the service offline.", "hardware_failure"},
		{"en hardware_failure 3", "en", "A faulty router card in the exchange caused the outage.", "hardware_failure"},
		{"en hardware_failure 4", "en", "A hardware fault at its data centre knocked the service out.", "hardware_failure"},
		{"en hardware_failure 5", "en", "Storage devices failed at the data centre.", "hardware_failure"},
		{"en hardware_failure 6", "en", "Equipment failure at a key site caused the problem.", "hardware_failure"},
		{"en network 1", "en", "The issue was caused by a network fault.", "network"},
		{"en network 2", "en", "A networking problem in its core network cut service.", "network"},
		{"en network 3", "en", "A BGP misconfiguration made the sites unreachable.", "network"},
		{"en network 4", "en", "A routing error took the bank offline.", "network"},
		{"en network 5", "en", "Connectivity issues between its data centres caused the outage.", "network"},
		{"en cable_cut 1", "en", "The fibre line was severed by a digger.", "cable_cut"},
		{"en cable_cut 2", "en", "A contractor cut a fibre optic cable.", "cable_cut"},
		{"en cable_cut 3", "en", "Vandals cut fibre cables near the town.", "cable_cut"},
		{"en cable_cut 4", "en", "Damage to two subsea cables in the Red Sea slowed the internet.", "cable_cut"},
		{"en cable_cut 5", "en", "A fiber was accidentally cut during construction work.", "cable_cut"},
		{"en power 1", "en", "The data centre lost power on Tuesday.", "power"},
		{"en power 2", "en", "A power failure at its data center took the site offline.", "power"},
		{"en power 3", "en", "The outage was caused by an electrical fault at a data centre.", "power"},
		{"en power 4", "en", "Towers went down during the blackout.", "power"},
		{"en power 5", "en", "The exchange went offline when the mains power failed.", "power"},
		{"en cyberattack 1", "en", "A cyber attack took the bank's site down.", "cyberattack"},
		{"en cyberattack 2", "en", "Hackers breached its systems.", "cyberattack"},
		{"en cyberattack 3", "en", "The company was hit by a ransomware attack.", "cyberattack"},
		{"en cyberattack 4", "en", "A DDoS campaign flooded its servers.", "cyberattack"},
		{"en cyberattack 5", "en", "The site was targeted by a denial of service attack.", "cyberattack"},
		{"en overload 1", "en", "Demand was higher than expected and the site crashed.", "overload"},
		{"en overload 2", "en", "Too many people tried to log in.", "overload"},
		{"en overload 3", "en", "The site buckled under the weight of traffic.", "overload"},
		{"en overload 4", "en", "Millions rushed to the site, which crashed.", "overload"},
		{"en overload 5", "en", "Servers could not cope with the number of visitors.", "overload"},
		{"en government 1", "en", "Authorities shut down the internet during protests.", "government"},
		{"en government 2", "en", "The government cut mobile data ahead of the vote.", "government"},
		{"en government 3", "en", "Officials ordered the shutdown.", "government"},
		{"en government 4", "en", "The regulator ordered providers to block the app.", "government"},
		{"en government 5", "en", "The telecom ministry suspended mobile internet.", "government"},
		{"en weather_disaster 1", "en", "A storm knocked out power.", "weather_disaster"},
		{"en weather_disaster 2", "en", "Floodwaters swamped the exchange.", "weather_disaster"},
		{"en weather_disaster 3", "en", "An earthquake damaged the network.", "weather_disaster"},
		{"en weather_disaster 4", "en", "A blaze at the data centre took the service offline.", "weather_disaster"},
		{"en weather_disaster 5", "en", "A heat wave caused the cooling to fail.", "weather_disaster"},
		{"en maintenance 1", "en", "The outage happened during planned upgrade work.", "maintenance"},
		{"en maintenance 2", "en", "Scheduled maintenance ran longer than planned.", "maintenance"},
		{"en maintenance 3", "en", "Overnight engineering works overran.", "maintenance"},
		{"en maintenance 4", "en", "The system was offline for upgrades.", "maintenance"},
		{"en third_party 1", "en", "The outage was caused by a failure at Cloudflare.", "third_party"},
		{"en third_party 2", "en", "An outage at its cloud provider took the app down.", "third_party"},
		{"en third_party 3", "en", "The bank blamed its IT supplier.", "third_party"},
		{"en third_party 4", "en", "A problem with an external partner caused the failure.", "third_party"},
		{"en third_party 5", "en", "A vendor issue stopped card payments.", "third_party"},
		{"en unknown 1", "en", "The cause remains under investigation.", "unknown"},
		{"en unknown 2", "en", "It is not yet clear what caused the outage.", "unknown"},
		{"en unknown 3", "en", "The company has not said what went wrong.", "unknown"},
		{"en unknown 4", "en", "Engineers are still trying to find the cause.", "unknown"},
		{"fr software_change 1", "fr", "La panne fait suite à une modification sur le réseau.", "software_change"},
		{"fr software_change 2", "fr", "Un correctif déployé dans la nuit a provoqué la panne.", "software_change"},
		{"fr software_change 3", "fr", "La nouvelle version de l'application a planté.", "software_change"},
		{"fr software_change 4", "fr", "La banque a basculé vers un nouveau système informatique.", "software_change"},
		{"fr software_change 5", "fr", "Une évolution logicielle a provoqué l'incident.", "software_change"},
		{"fr software_change 6", "fr", "Un changement effectué sur les serveurs a provoqué la coupure.", "software_change"},
		{"fr software_bug 1", "fr", "Un bogue dans le système de paiement a bloqué les virements.", "software_bug"},
		{"fr software_bug 2", "fr", "Une anomalie logicielle est en cause.", "software_bug"},
		{"fr software_bug 3", "fr", "Un défaut du logiciel a provoqué la panne.", "software_bug"},
		{"fr software_bug 4", "fr", "Une erreur dans le code a bloqué le site.", "software_bug"},
		{"fr hardware_failure 1", "fr", "Un serveur est tombé en panne.", "hardware_failure"},
		{"fr hardware_failure 2", "fr", "La panne d'un routeur a coupé le réseau.", "hardware_failure"},
		{"fr hardware_failure 3", "fr", "Une défaillance d'un équipement dans le centre de données.", "hardware_failure"},
		{"fr hardware_failure 4", "fr", "Un problème matériel a causé la coupure.", "hardware_failure"},
		{"fr hardware_failure 5", "fr", "Un disque défaillant a provoqué l'arrêt.", "hardware_failure"},
		{"fr network 1", "fr", "Un problème de réseau a coupé les services.", "network"},
		{"fr network 2", "fr", "Un problème sur le réseau de l'opérateur a provoqué la coupure.", "network"},
		{"fr network 3", "fr", "Une erreur de routage a rendu les sites inaccessibles.", "network"},
		{"fr network 4", "fr", "Un problème de connectivité entre les centres de données.", "network"},
		{"fr cable_cut 1", "fr", "Un câble a été arraché par un engin de chantier.", "cable_cut"},
		{"fr cable_cut 2", "fr", "Des câbles ont été volés dans la nuit.", "cable_cut"},
		{"fr cable_cut 3", "fr", "La fibre a été endommagée lors de travaux.", "cable_cut"},
		{"fr cable_cut 4", "fr", "Un acte de vandalisme sur la fibre a privé la ville d'internet.", "cable_cut"},
		{"fr cable_cut 5", "fr", "Le câble sous-marin a été sectionné.", "cable_cut"},
		{"fr power 1", "fr", "Une coupure de courant a frappé le centre de données.", "power"},
		{"fr power 2", "fr", "Le centre de données a été privé d'électricité.", "power"},
		{"fr power 3", "fr", "Les antennes se sont arrêtées faute d'électricité.", "power"},
		{"fr power 4", "fr", "Un problème d'alimentation électrique a provoqué l'arrêt des serveurs.", "power"},
		{"fr power 5", "fr", "Une panne de courant géante a privé les antennes d'énergie.", "power"},
		{"fr cyberattack 1", "fr", "Le site a été visé par une attaque informatique.", "cyberattack"},
		{"fr cyberattack 2", "fr", "Des pirates ont paralysé les serveurs.", "cyberattack"},
		{"fr cyberattack 3", "fr", "Une cyberattaque a mis le site hors ligne.", "cyberattack"},
		{"fr cyberattack 4", "fr", "Le site a subi une attaque par déni de service.", "cyberattack"},
		{"fr cyberattack 5", "fr", "Un rançongiciel a chiffré les serveurs.", "cyberattack"},
		{"fr overload 1", "fr", "Le site n'a pas supporté l'affluence.", "overload"},
		{"fr overload 2", "fr", "Les serveurs ont été submergés par les demandes.", "overload"},
		{"fr overload 3", "fr", "La plateforme a été prise d'assaut par les internautes.", "overload"},
		{"fr overload 4", "fr", "Le nombre de visiteurs a fait tomber le site.", "overload"},
		{"fr overload 5", "fr", "Le site a cédé sous le poids des connexions.", "overload"},
		{"fr government 1", "fr", "Les autorités ont coupé internet pendant les manifestations.", "government"},
		{"fr government 2", "fr", "Le gouvernement a ordonné la coupure des réseaux.", "government"},
		{"fr government 3", "fr", "L'accès a été restreint par les autorités.", "government"},
		{"fr government 4", "fr", "Le régulateur a ordonné le blocage de la plateforme.", "government"},
		{"fr government 5", "fr", "La coupure a été imposée par le pouvoir.", "government"},
		{"fr weather_disaster 1", "fr", "Les intempéries ont endommagé les antennes.", "weather_disaster"},
		{"fr weather_disaster 2", "fr", "Un incendie a ravagé le centre de données.", "weather_disaster"},
		{"fr weather_disaster 3", "fr", "Les pluies ont inondé le central téléphonique.", "weather_disaster"},
		{"fr weather_disaster 4", "fr", "Un séisme a coupé les réseaux.", "weather_disaster"},
		{"fr weather_disaster 5", "fr", "La vague de chaleur a provoqué la panne.", "weather_disaster"},
		{"fr maintenance 1", "fr", "Une opération de maintenance a pris plus de temps que prévu.", "maintenance"},
		{"fr maintenance 2", "fr", "Des travaux programmés ont duré plus longtemps que prévu.", "maintenance"},
		{"fr maintenance 3", "fr", "Une intervention planifiée sur le réseau a mal tourné.", "maintenance"},
		{"fr maintenance 4", "fr", "Le service était en maintenance.", "maintenance"},
		{"fr third_party 1", "fr", "La panne vient d'un incident chez Cloudflare.", "third_party"},
		{"fr third_party 2", "fr", "Un problème chez son hébergeur a coupé le site.", "third_party"},
		{"fr third_party 3", "fr", "La banque met en cause son prestataire informatique.", "third_party"},
		{"fr third_party 4", "fr", "Un sous-traitant est à l'origine de la panne.", "third_party"},
		{"fr unknown 1", "fr", "Les causes de la panne restent inconnues.", "unknown"},
		{"fr unknown 2", "fr", "L'origine de l'incident n'a pas été précisée.", "unknown"},
		{"fr unknown 3", "fr", "L'opérateur n'a donné aucune explication.", "unknown"},
		{"fr unknown 4", "fr", "Les raisons de la panne ne sont pas encore connues.", "unknown"},
		{"ar software_change 1", "ar", "جاء العطل بعد تحديث للنظام.", "software_change"},
		{"ar software_change 2", "ar", "تسبب تحديث جديد للتطبيق في توقفه.", "software_change"},
		{"ar software_change 3", "ar", "حدث الانقطاع بعد تغييرات على الشبكة.", "software_change"},
		{"ar software_change 4", "ar", "نتج العطل عن ترقية الأنظمة.", "software_change"},
		{"ar software_change 5", "ar", "أدى تعديل في إعدادات الخوادم إلى الانقطاع.", "software_change"},
		{"ar software_bug 1", "ar", "سبب العطل خطأ برمجي.", "software_bug"},
		{"ar software_bug 2", "ar", "أدى خلل في البرنامج إلى توقف الخدمة.", "software_bug"},
		{"ar software_bug 3", "ar", "ثغرة في النظام أوقفت التطبيق.", "software_bug"},
		{"ar hardware_failure 1", "ar", "تعطل أحد الخوادم الرئيسية.", "hardware_failure"},
		{"ar hardware_failure 2", "ar", "عطل في المعدات أدى إلى الانقطاع.", "hardware_failure"},
		{"ar hardware_failure 3", "ar", "عطل في أجهزة الشبكة.", "hardware_failure"},
		{"ar hardware_failure 4", "ar", "تعطل جهاز التوجيه الرئيسي.", "hardware_failure"},
		{"ar network 1", "ar", "عطل في الشبكة أدى إلى الانقطاع.", "network"},
		{"ar network 2", "ar", "خلل في الربط الدولي.", "network"},
		{"ar network 3", "ar", "مشكلة في الاتصال بين مراكز البيانات.", "network"},
		{"ar cable_cut 1", "ar", "انقطع الكابل البحري.", "cable_cut"},
		{"ar cable_cut 2", "ar", "تعرض كابل الألياف الضوئية للقطع.", "cable_cut"},
		{"ar cable_cut 3", "ar", "قطع كابل الألياف أثناء أعمال الحفر.", "cable_cut"},
		{"ar cable_cut 4", "ar", "تلف الكابلات البحرية في البحر الأحمر.", "cable_cut"},
		{"ar cable_cut 5", "ar", "سرقة الكابلات النحاسية.", "cable_cut"},
		{"ar power 1", "ar", "انقطاع التيار الكهربائي عن المحطات.", "power"},
		{"ar power 2", "ar", "توقفت الأبراج بسبب انقطاع الكهرباء.", "power"},
		{"ar power 3", "ar", "نفاد الوقود من المولدات أوقف الأبراج.", "power"},
		{"ar cyberattack 1", "ar", "تعرض الموقع لهجوم إلكتروني.", "cyberattack"},
		{"ar cyberattack 2", "ar", "قام قراصنة باختراق النظام.", "cyberattack"},
		{"ar cyberattack 3", "ar", "هجوم سيبراني عطل الخدمات.", "cyberattack"},
		{"ar cyberattack 4", "ar", "تعرضت الشركة لهجوم ببرامج الفدية.", "cyberattack"},
		{"ar overload 1", "ar", "الضغط الكبير على الموقع أدى إلى توقفه.", "overload"},
		{"ar overload 2", "ar", "لم تتحمل الخوادم عدد الزوار.", "overload"},
		{"ar overload 3", "ar", "الإقبال الكبير أوقف المنصة.", "overload"},
		{"ar overload 4", "ar", "ازدحام الشبكة بسبب كثرة المستخدمين.", "overload"},
		{"ar government 1", "ar", "قطعت السلطات الإنترنت خلال الاحتجاجات.", "government"},
		{"ar government 2", "ar", "أمرت الحكومة بقطع الإنترنت.", "government"},
		{"ar government 3", "ar", "حجبت الهيئة التطبيق.", "government"},
		{"ar government 4", "ar", "قررت الوزارة قطع الإنترنت خلال الامتحانات.", "government"},
		{"ar weather_disaster 1", "ar", "العاصفة أسقطت الأبراج.", "weather_disaster"},
		{"ar weather_disaster 2", "ar", "الأمطار الغزيرة أغرقت المقسم.", "weather_disaster"},
		{"ar weather_disaster 3", "ar", "اندلع حريق في مركز البيانات.", "weather_disaster"},
		{"ar weather_disaster 4", "ar", "ضرب زلزال المنطقة.", "weather_disaster"},
		{"ar maintenance 1", "ar", "أعمال صيانة مجدولة.", "maintenance"},
		{"ar maintenance 2", "ar", "أعمال صيانة دورية على الشبكة.", "maintenance"},
		{"ar maintenance 3", "ar", "توقف الخدمة لأغراض الصيانة.", "maintenance"},
		{"ar maintenance 4", "ar", "أعمال تحديث وصيانة للأنظمة.", "maintenance"},
		{"ar third_party 1", "ar", "عطل لدى مزود الخدمة السحابية.", "third_party"},
		{"ar third_party 2", "ar", "مشكلة لدى الشركة المشغلة لنظام الدفع.", "third_party"},
		{"ar third_party 3", "ar", "عطل لدى شركة خارجية.", "third_party"},
		{"ar third_party 4", "ar", "خلل لدى أحد الشركاء.", "third_party"},
		{"ar unknown 1", "ar", "لم تعرف أسباب العطل حتى الآن.", "unknown"},
		{"ar unknown 2", "ar", "لم تكشف الشركة عن سبب الانقطاع.", "unknown"},
		{"ar unknown 3", "ar", "الأسباب لا تزال قيد التحقيق.", "unknown"},
		{"ar unknown 4", "ar", "لم تعلن الشركة أسباب العطل.", "unknown"},
		// a second list, written after the first was covered
		{"en software_change b1", "en", "The problems started after Microsoft pushed a faulty change to its servers.", "software_change"},
		{"en software_change b2", "en", "An erroneous update to the DNS configuration took the sites down.", "software_change"},
		{"en software_change b3", "en", "The bank said the outage was linked to an IT upgrade carried out over the weekend.", "software_change"},
		{"en software_change b4", "en", "A modification to its firewall rules blocked legitimate traffic.", "software_change"},
		{"en software_change b5", "en", "The carrier said a software upgrade at a switching centre went wrong.", "software_change"},
		{"en software_change b6", "en", "The airline blamed a systems migration for the check-in chaos.", "software_change"},
		{"en software_bug b1", "en", "A software malfunction grounded the flights.", "software_bug"},
		{"en software_bug b2", "en", "A glitch in the booking software caused the delays.", "software_bug"},
		{"en software_bug b3", "en", "The error was caused by corrupted data in a configuration file.", "software_bug"},
		{"en software_bug b4", "en", "A programming error made the app crash on launch.", "software_bug"},
		{"en hardware_failure b1", "en", "A failed power supply unit in a core switch caused the outage.", "hardware_failure"},
		{"en hardware_failure b2", "en", "The site went down after a disk array failed.", "hardware_failure"},
		{"en hardware_failure b3", "en", "A mechanical failure in the cooling plant shut the servers down.", "hardware_failure"},
		{"en hardware_failure b4", "en", "Faulty network equipment was replaced overnight.", "hardware_failure"},
		{"en network b1", "en", "The disruption was due to a problem with internet routing.", "network"},
		{"en network b2", "en", "A DNS misconfiguration made thousands of sites unreachable.", "network"},
		{"en network b3", "en", "Packet loss on a key link slowed the service.", "network"},
		{"en network b4", "en", "The service was hit by a network issue at a peering point.", "network"},
		{"en cable_cut b1", "en", "A ship dragged its anchor across the cable.", "cable_cut"},
		{"en cable_cut b2", "en", "Thieves stole copper wire from the exchange.", "cable_cut"},
		{"en cable_cut b3", "en", "An excavator severed a fibre line.", "cable_cut"},
		{"en cable_cut b4", "en", "The outage was caused by damage to a fibre optic line.", "cable_cut"},
		{"en power b1", "en", "A power outage at the facility took servers down.", "power"},
		{"en power b2", "en", "The site lost electricity during the storm.", "power"},
		{"en power b3", "en", "Backup batteries ran out after the grid went down.", "power"},
		{"en power b4", "en", "An interruption to the power supply stopped the servers.", "power"},
		{"en cyberattack b1", "en", "A group of hackers claimed responsibility for the outage.", "cyberattack"},
		{"en cyberattack b2", "en", "The portal was knocked offline by a massive DDoS.", "cyberattack"},
		{"en cyberattack b3", "en", "Attackers encrypted the company's servers.", "cyberattack"},
		{"en cyberattack b4", "en", "The outage was the result of a cyber-attack on the network.", "cyberattack"},
		{"en overload b1", "en", "The site collapsed under heavy demand.", "overload"},
		{"en overload b2", "en", "A rush of shoppers crashed the website.", "overload"},
		{"en overload b3", "en", "The app was overwhelmed by millions of requests.", "overload"},
		{"en overload b4", "en", "Capacity limits were reached within minutes.", "overload"},
		{"en government b1", "en", "The internet was switched off by order of the state.", "government"},
		{"en government b2", "en", "Officials imposed a shutdown on mobile networks.", "government"},
		{"en government b3", "en", "The junta cut internet access nationwide.", "government"},
		{"en government b4", "en", "Access to the platform was restricted by the authorities.", "government"},
		{"en weather_disaster b1", "en", "Hurricane-force winds toppled cell towers.", "weather_disaster"},
		{"en weather_disaster b2", "en", "The typhoon damaged power lines across the island.", "weather_disaster"},
		{"en weather_disaster b3", "en", "Wildfires burned through fibre routes.", "weather_disaster"},
		{"en weather_disaster b4", "en", "Torrential rain flooded the data centre basement.", "weather_disaster"},
		{"en maintenance b1", "en", "The outage was caused by scheduled works that overran.", "maintenance"},
		{"en maintenance b2", "en", "Maintenance activity on the network caused the disruption.", "maintenance"},
		{"en maintenance b3", "en", "The services were taken offline for planned work.", "maintenance"},
		{"en third_party b1", "en", "A failure at its payments partner stopped transactions.", "third_party"},
		{"en third_party b2", "en", "The airline blamed an outage at its IT provider.", "third_party"},
		{"en third_party b3", "en", "The problem lay with an outside company that runs the system.", "third_party"},
		{"en third_party b4", "en", "A third-party software vendor's error caused the crash.", "third_party"},
		{"en unknown b1", "en", "The company did not give a reason for the outage.", "unknown"},
		{"en unknown b2", "en", "The root cause has not been identified.", "unknown"},
		{"en unknown b3", "en", "Officials could not say what caused the blackout.", "unknown"},
		{"fr software_change b1", "fr", "Une mise à jour défectueuse poussée sur les serveurs a provoqué la panne.", "software_change"},
		{"fr software_change b2", "fr", "L'incident est lié à une montée de version du logiciel.", "software_change"},
		{"fr software_change b3", "fr", "Une erreur lors d'une opération de configuration a coupé le réseau.", "software_change"},
		{"fr software_change b4", "fr", "La migration des données vers un nouveau serveur a mal tourné.", "software_change"},
		{"fr software_change b5", "fr", "Une manipulation lors d'une mise à jour a provoqué la coupure.", "software_change"},
		{"fr software_bug b1", "fr", "Un dysfonctionnement du logiciel de réservation a bloqué les ventes.", "software_bug"},
		{"fr software_bug b2", "fr", "Un bug informatique a paralysé le système.", "software_bug"},
		{"fr software_bug b3", "fr", "Une erreur de programmation a fait planter l'application.", "software_bug"},
		{"fr hardware_failure b1", "fr", "Une panne de matériel a touché le centre de données.", "hardware_failure"},
		{"fr hardware_failure b2", "fr", "Un équipement réseau a lâché dans la nuit.", "hardware_failure"},
		{"fr hardware_failure b3", "fr", "La défaillance d'un commutateur a provoqué la coupure.", "hardware_failure"},
		{"fr hardware_failure b4", "fr", "Une carte réseau défectueuse est en cause.", "hardware_failure"},
		{"fr network b1", "fr", "Un problème de routage internet a perturbé le service.", "network"},
		{"fr network b2", "fr", "Un souci de DNS a rendu le site inaccessible.", "network"},
		{"fr network b3", "fr", "Une panne de liaison entre deux centres a coupé le service.", "network"},
		{"fr cable_cut b1", "fr", "Un navire a endommagé le câble sous-marin avec son ancre.", "cable_cut"},
		{"fr cable_cut b2", "fr", "Des voleurs ont dérobé des câbles de cuivre.", "cable_cut"},
		{"fr cable_cut b3", "fr", "Une coupure de fibre optique a privé la commune d'internet.", "cable_cut"},
		{"fr cable_cut b4", "fr", "La fibre a été coupée par des travaux.", "cable_cut"},
		{"fr power b1", "fr", "Une panne électrique dans le centre de données a tout arrêté.", "power"},
		{"fr power b2", "fr", "Le centre de données a subi une coupure de courant.", "power"},
		{"fr power b3", "fr", "L'arrêt des serveurs est dû à une perte d'alimentation.", "power"},
		{"fr power b4", "fr", "Les batteries des antennes se sont épuisées.", "power"},
		{"fr cyberattack b1", "fr", "Une attaque DDoS a rendu le site inaccessible.", "cyberattack"},
		{"fr cyberattack b2", "fr", "Des cybercriminels ont pris le contrôle des serveurs.", "cyberattack"},
		{"fr cyberattack b3", "fr", "Le site a été piraté.", "cyberattack"},
		{"fr cyberattack b4", "fr", "Un groupe de pirates a revendiqué l'attaque.", "cyberattack"},
		{"fr overload b1", "fr", "Une affluence record a fait tomber le site.", "overload"},
		{"fr overload b2", "fr", "Le site a été victime de son succès.", "overload"},
		{"fr overload b3", "fr", "Les serveurs ont été saturés par les connexions.", "overload"},
		{"fr overload b4", "fr", "Une demande massive a saturé la plateforme.", "overload"},
		{"fr government b1", "fr", "L'État a coupé l'accès à internet.", "government"},
		{"fr government b2", "fr", "Les autorités ont suspendu internet mobile.", "government"},
		{"fr government b3", "fr", "Le blocage a été ordonné par la justice.", "government"},
		{"fr government b4", "fr", "Le pouvoir a restreint l'accès aux réseaux sociaux.", "government"},
		{"fr weather_disaster b1", "fr", "Les violentes rafales ont abattu des poteaux.", "weather_disaster"},
		{"fr weather_disaster b2", "fr", "Un violent orage a frappé la région.", "weather_disaster"},
		{"fr weather_disaster b3", "fr", "Un feu s'est déclaré dans le local technique.", "weather_disaster"},
		{"fr weather_disaster b4", "fr", "La crue a noyé les équipements.", "weather_disaster"},
		{"fr maintenance b1", "fr", "Des travaux de maintenance ont débordé sur la matinée.", "maintenance"},
		{"fr maintenance b2", "fr", "Une opération programmée s'est prolongée.", "maintenance"},
		{"fr maintenance b3", "fr", "La coupure était due à une maintenance planifiée.", "maintenance"},
		{"fr third_party b1", "fr", "Une panne chez son fournisseur d'accès a coupé la banque.", "third_party"},
		{"fr third_party b2", "fr", "Le problème venait d'un prestataire externe.", "third_party"},
		{"fr third_party b3", "fr", "Une défaillance chez son partenaire informatique a bloqué les paiements.", "third_party"},
		{"fr third_party b4", "fr", "La faute à un sous-traitant.", "third_party"},
		{"fr unknown b1", "fr", "L'opérateur n'a pas expliqué l'origine de la panne.", "unknown"},
		{"fr unknown b2", "fr", "La cause exacte reste à déterminer.", "unknown"},
		{"fr unknown b3", "fr", "Aucune cause n'a été communiquée.", "unknown"},
		{"ar software_change b1", "ar", "تسبب تحديث خاطئ للبرنامج في توقف الخدمة.", "software_change"},
		{"ar software_change b2", "ar", "جاء الانقطاع نتيجة تعديل في إعدادات الشبكة.", "software_change"},
		{"ar software_change b3", "ar", "أدت عملية ترحيل النظام إلى توقف التطبيق.", "software_change"},
		{"ar software_change b4", "ar", "حدث العطل خلال تحديث الأنظمة.", "software_change"},
		{"ar software_bug b1", "ar", "خلل في برنامج الحجز أوقف المبيعات.", "software_bug"},
		{"ar software_bug b2", "ar", "خطأ في البرمجة تسبب في توقف التطبيق.", "software_bug"},
		{"ar software_bug b3", "ar", "عطل برمجي أوقف الخدمة.", "software_bug"},
		{"ar hardware_failure b1", "ar", "تعطل أحد أجهزة الشبكة الرئيسية.", "hardware_failure"},
		{"ar hardware_failure b2", "ar", "عطل في وحدة التخزين.", "hardware_failure"},
		{"ar hardware_failure b3", "ar", "احتراق جهاز في مركز البيانات.", "hardware_failure"},
		{"ar hardware_failure b4", "ar", "عطل في أحد المعدات الأساسية.", "hardware_failure"},
		{"ar network b1", "ar", "خلل في التوجيه أدى إلى بطء الإنترنت.", "network"},
		{"ar network b2", "ar", "مشكلة في خوادم أسماء النطاقات.", "network"},
		{"ar network b3", "ar", "عطل في شبكة الربط بين المراكز.", "network"},
		{"ar cable_cut b1", "ar", "قطع في الكابل البحري قبالة السواحل.", "cable_cut"},
		{"ar cable_cut b2", "ar", "تضرر الكابل الأرضي خلال أعمال الحفر.", "cable_cut"},
		{"ar cable_cut b3", "ar", "سرقة كابلات الشبكة.", "cable_cut"},
		{"ar cable_cut b4", "ar", "انقطاع كابل الألياف الضوئية.", "cable_cut"},
		{"ar power b1", "ar", "انقطاع الكهرباء عن مركز البيانات.", "power"},
		{"ar power b2", "ar", "توقف المولدات الاحتياطية.", "power"},
		{"ar power b3", "ar", "نفاد البطاريات في محطات الإرسال.", "power"},
		{"ar cyberattack b1", "ar", "هجوم إلكتروني استهدف أنظمة الشركة.", "cyberattack"},
		{"ar cyberattack b2", "ar", "اختراق الموقع من قبل قراصنة.", "cyberattack"},
		{"ar cyberattack b3", "ar", "هجمات حجب الخدمة على الموقع.", "cyberattack"},
		{"ar overload b1", "ar", "ضغط غير مسبوق على الخوادم.", "overload"},
		{"ar overload b2", "ar", "كثافة الطلبات أوقفت الموقع.", "overload"},
		{"ar overload b3", "ar", "الإقبال الكثيف على المنصة.", "overload"},
		{"ar government b1", "ar", "قطع الإنترنت بأمر من الحكومة.", "government"},
		{"ar government b2", "ar", "حجب السلطات لمواقع التواصل.", "government"},
		{"ar government b3", "ar", "قرار رسمي بقطع الإنترنت.", "government"},
		{"ar weather_disaster b1", "ar", "الأمطار الغزيرة أدت إلى انقطاع الخدمة.", "weather_disaster"},
		{"ar weather_disaster b2", "ar", "حريق في مبنى الشركة.", "weather_disaster"},
		{"ar weather_disaster b3", "ar", "العاصفة الرملية أسقطت الأبراج.", "weather_disaster"},
		{"ar maintenance b1", "ar", "أعمال صيانة استغرقت وقتا أطول من المتوقع.", "maintenance"},
		{"ar maintenance b2", "ar", "صيانة طارئة للشبكة.", "maintenance"},
		{"ar maintenance b3", "ar", "أعمال الصيانة الليلية.", "maintenance"},
		{"ar third_party b1", "ar", "عطل لدى الشركة المزودة للخدمة.", "third_party"},
		{"ar third_party b2", "ar", "مشكلة لدى مزود الخدمة السحابية.", "third_party"},
		{"ar third_party b3", "ar", "خلل لدى الشريك التقني.", "third_party"},
		{"ar unknown b1", "ar", "لم توضح الشركة سبب العطل.", "unknown"},
		{"ar unknown b2", "ar", "لم يعرف سبب الانقطاع بعد.", "unknown"},
		{"ar unknown b3", "ar", "السبب لا يزال مجهولا.", "unknown"},
		// a third list, from the second round of invented reports
		{"fr software_change c1", "fr", "Une évolution de la configuration des équipements a provoqué la panne.", "software_change"},
		{"fr hardware_failure c1", "fr", "Plusieurs disques d'une baie de stockage sont tombés en panne.", "hardware_failure"},
		{"fr power c1", "fr", "Privées de courant, les antennes ont cessé d'émettre.", "power"},
		{"fr government c1", "fr", "Les opérateurs ont reçu une instruction de l'autorité de régulation.", "government"},
		{"fr government c2", "fr", "L'accès a été coupé pour des raisons de sécurité.", "government"},
		{"fr third_party c1", "fr", "La panne vient de son fournisseur de services cloud.", "third_party"},
		{"en government c1", "en", "Operators were told to cut access for security reasons.", "government"},
		{"ar government c1", "ar", "قطعت الخدمة لأسباب أمنية", "government"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range tg.Tag(tt.text, tt.lang, refDay) {
				if e.Kind == KindCause {
					if e.Cause == tt.cause && !e.Denied {
						return
					}
					got = append(got, e.Text+"="+e.Cause)
				}
			}
			t.Errorf("%q: no %s phrase (causes: %v)", tt.text, tt.cause, got)
		})
	}
}

// TestRumourDenied: a cause that users on social media suspect is a
// rumour, denied like a cause the company rules out.
func TestRumourDenied(t *testing.T) {
	tg := tagger(t)
	for _, tt := range []struct {
		name, lang, text, sub string
	}{
		{"en users suspected", "en", "Some users suspected a hack, but the company said nothing.", "hack"},
		{"fr internautes", "fr", "Des internautes ont évoqué une cyberattaque sur les réseaux sociaux.", "cyberattaque"},
		{"ar users talked", "ar", "وتحدث مستخدمون عن هجوم إلكتروني على مواقع التواصل", "هجوم"},
		{"en users on X claimed", "en", "Some users on X claimed the outage was a DDoS attack.", "DDoS"},
		{"fr beaucoup accusaient", "fr", "Sur les réseaux sociaux, beaucoup accusaient une cyberattaque.", "cyberattaque"},
		{"ar tadawala", "ar", "وتداول مستخدمون أنباء عن هجوم إلكتروني", "هجوم"},
		{"fr not linked", "fr", "L'opérateur assure que l'incident n'était pas lié à une cyberattaque.", "cyberattaque"},
		{"en not linked", "en", "The bank said the outage was not linked to a cyberattack.", "cyberattack"},
		{"ar not linked", "ar", "وأكدت الشركة أن العطل غير مرتبط بهجوم إلكتروني.", "هجوم"},
		{"fr many saw", "fr", "Beaucoup y ont vu la signature d'une cyberattaque massive.", "cyberattaque"},
		{"fr denied by the next sentence", "fr", "Certains parlaient d'une cyberattaque. Ce n'était pas le cas, a précisé l'entreprise.", "cyberattaque"},
		{"en speculated that", "en", "Some customers speculated that the bank had been hacked.", "hacked"},
		{"en wondered whether", "en", "Others wondered whether hackers were behind it.", "hackers"},
		{"ar speculation", "ar", "وانتشرت تكهنات بتعرض الشبكة لهجوم إلكتروني.", "هجوم"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := exprAt(tg.Tag(tt.text, tt.lang, refDay), KindCause, tt.sub)
			if !ok {
				t.Fatalf("no cause holding %q", tt.sub)
			}
			if !e.Denied {
				t.Errorf("%q: %q not denied", tt.text, e.Text)
			}
		})
	}
}
