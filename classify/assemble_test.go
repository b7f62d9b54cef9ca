package classify

import (
	"strings"
	"testing"

	"outages/classify/rules"
	"outages/corpus"
)

// mainOutage classifies text (published on pub) and returns its main
// outage, failing the test when there is none.
func mainOutage(t *testing.T, c *Classifier, text, pub string) (corpus.Outage, *corpus.Article) {
	t.Helper()
	a := &corpus.Article{Body: text, Published: pub}
	ex := c.Classify(a)
	if len(a.Outages) == 0 {
		var sb strings.Builder
		ex.WriteText(&sb)
		t.Fatalf("no outage (is_outage %v)\n%s", a.IsOutage, sb.String())
	}
	return a.Outages[0], a
}

// TestCauseChoice checks, with the real rules, which cause is chosen when
// the text names several, denies some or uses cause words in another sense.
func TestCauseChoice(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		cause      string
		denied     string // a cause that must be in cause_denied, or ""
	}{
		{
			name:  "en the grid operator's statement tells the blackout's cause",
			text:  "Blackout across South Africa\n\nMost of South Africa lost power on Tuesday evening for six hours. Eskom said a failure in a switching station tripped several generating units, shutting down the grid.",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "fr the grid operator's statement tells the blackout's cause",
			text:  "Coupure d'électricité géante au Sénégal\n\nUne grande partie du Sénégal a été privée d'électricité mardi soir pendant six heures. La Senelec a expliqué qu'une avarie sur un transformateur avait provoqué le déclenchement de plusieurs centrales.",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "ar a name holding a denial verb after a noun clitic denies nothing",
			text:  "عطل في بنفت يوقف المدفوعات\n\nتوقفت خدمات شركة بنفت للمدفوعات الإلكترونية صباح الأحد لمدة ساعتين. وأوضحت شركة بنفت أن العطل ناتج عن خلل في أحد الخوادم الرئيسية.",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "fr the cause said on a platform is the outage's",
			text:  "Panne SFR : le réseau mobile coupé jeudi\n\nLe réseau mobile de SFR est resté coupé trois heures jeudi matin. L'opérateur a évoqué sur Twitter « une défaillance matérielle sur un équipement du cœur de réseau ».",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "fr denial covers every mention of the cause",
			text:  "Le site de réservation de la SNCF a été inaccessible mardi matin après une attaque revendiquée par un groupe de hackers sur les réseaux sociaux. La SNCF dément tout piratage : la panne est due à un bug logiciel.",
			cause: corpus.CauseSoftwareBug, denied: corpus.CauseCyberattack,
		},
		{
			name:  "fr negated passive",
			text:  "Panne chez Free : le service de messagerie a été interrompu pendant une heure jeudi. L'opérateur assure qu'il n'a pas été piraté et évoque une mise à jour ratée de ses serveurs.",
			cause: corpus.CauseSoftwareChange, denied: corpus.CauseCyberattack,
		},
		{
			name:  "fr rumour is not the cause",
			text:  "Panne chez Bouygues Telecom : le réseau mobile a été coupé deux heures mercredi. « Ce n'est pas un piratage », a déclaré l'opérateur, alors que des rumeurs de cyberattaque circulaient. L'incident vient d'un problème de routage.",
			cause: corpus.CauseNetwork, denied: corpus.CauseCyberattack,
		},
		{
			name:  "fr negation of the recovery does not deny the cause",
			text:  "Panne géante chez Bouygues Telecom : le réseau mobile est coupé depuis mardi. Le service n'a pas été rétabli après la cyberattaque qui a visé l'opérateur.",
			cause: corpus.CauseCyberattack,
		},
		{
			name:  "fr a network that did not withstand the storm",
			text:  "Panne chez Orange : les abonnés du Finistère sont privés de réseau depuis lundi. Les antennes n'ont pas résisté à la tempête, selon l'opérateur.",
			cause: corpus.CauseWeatherDisaster,
		},
		{
			name:  "ar long-range denial",
			text:  "قالت شركة زين إن انقطاع خدمة الإنترنت سببه عطل في أحد الأجهزة الأساسية بمركز التحكم، ونفت الشركة الأنباء المتداولة عن قطع في الكابلات البحرية أدى إلى الانقطاع.",
			cause: corpus.CauseHardwareFailure, denied: corpus.CauseCableCut,
		},
		{
			name:  "en denial scope ends at the clause",
			text:  "Verizon customers lost mobile service for three hours on Monday in a nationwide outage. The company denied that hackers were involved, and blamed a faulty software update pushed overnight.",
			cause: corpus.CauseSoftwareChange, denied: corpus.CauseCyberattack,
		},
		{
			name:  "ar protection against attacks is not an attack",
			text:  "توقفت خدمات شركة زين في الكويت لساعتين بسبب ضغط كبير على الشبكة، رغم أن الشركة تعتمد أنظمة حماية ضد الهجمات الإلكترونية.",
			cause: corpus.CauseOverload,
		},
		{
			name:  "fr protection against DDoS is not an attack",
			text:  "Le site de la Caisse d'Épargne a été inaccessible lundi à cause d'une surcharge : les clients n'ont pas pu se connecter pendant une heure et l'application était en panne. La banque dispose pourtant d'outils capables de repousser des attaques DDoS.",
			cause: corpus.CauseOverload,
		},
		{
			name:  "en generic technical issue and unknown cause",
			text:  "Chase customers could not log in to the app on Friday and saw error messages. The cause is not yet known, although such failures are often the result of technical issues.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar generic fault gives way to a specific cause",
			text:  "انقطعت خدمة الإنترنت لدى شركة أوجيرو في بيروت لساعات، وقالت الشركة إن عطلا فنيا وقع بعد انقطاع الكهرباء عن مركز البيانات الرئيسي.",
			cause: corpus.CausePower,
		},
		{
			name:  "ar technical fault of a power grid is its equipment",
			text:  "انقطعت الكهرباء عن معظم مناطق الأردن مساء الخميس لأكثر من ثلاث ساعات، وأعلنت الشركة أن السبب خلل فني في محطة التحويل الرئيسية.",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "fr host is its own outage, not a third party",
			text:  "Panne chez OVHcloud : des milliers de sites ont été inaccessibles mardi. L'hébergeur explique qu'un disque dur défectueux a entraîné l'arrêt de plusieurs serveurs.",
			cause: corpus.CauseHardwareFailure,
		},
		{
			name:  "en an operator's supplier is a third party",
			text:  "Rogers customers lost mobile service for six hours on Friday in a nationwide outage. Rogers said the outage was caused by a faulty part from a third-party supplier.",
			cause: corpus.CauseThirdParty,
		},
		{
			name:  "fr cause of an earlier outage",
			text:  "Les abonnés de SFR ont été privés de réseau jeudi 12 mars pendant trois heures. L'opérateur n'a pas donné d'explication. En janvier, une tempête avait déjà coupé le réseau de SFR dans l'Ouest.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "en government as a victim is not the cause",
			text:  "Telstra suffered a nationwide outage on Tuesday that also hit some government services and hospitals. The company said it was investigating.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "en error messages are a symptom",
			text:  "Wells Fargo customers saw error messages and could not reach their accounts on Monday. The app crashed repeatedly for hours.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar military attacks are not cyberattacks",
			text:  "توقفت شبكات الهاتف والإنترنت عن العمل في قطاع غزة يوم الأحد بعد ليلة من الهجمات العنيفة، بحسب السكان.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "fr a storm of figures of speech is no storm",
			text:  "Panne géante chez SFR : le réseau mobile a été coupé lundi pendant huit heures. Pour calmer la tempête, l'opérateur offre 50 Go à ses clients.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "en an internet blackout is the outage, not a power cut",
			text:  "Internet access across Iraq has been down since Monday. The internet blackout has left millions of people offline.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar a storm of criticism is no storm",
			text:  "تعطلت خدمات شركة زين في الكويت يوم الاثنين لساعتين، ما أثار عاصفة من الانتقادات على مواقع التواصل.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "fr nothing allows to say it was an attack",
			text:  "Le site de la mairie de Lyon est en panne depuis mardi. « Rien ne permet de dire qu'il s'agit d'une attaque », indique la mairie.",
			cause: corpus.CauseUnknown, denied: corpus.CauseCyberattack,
		},
		{
			name:  "en a theory nothing supports",
			text:  "Slack was down for two hours on Monday. Some users blamed hackers, a theory nothing supports.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar nothing points to an attack",
			text:  "توقف موقع وزارة التعليم عن العمل يوم الأحد لساعات، ولا شيء يشير إلى هجوم إلكتروني بحسب الوزارة.",
			cause: corpus.CauseUnknown, denied: corpus.CauseCyberattack,
		},
		{
			name:  "fr news updates from the operator are no change",
			text:  "Panne chez Orange : les abonnés sont privés d'internet depuis ce matin. Les entreprises attendent des mises à jour de l'opérateur sur le délai de rétablissement.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "fr a cause denied in another outage's sentence is no cause",
			text:  "Panne chez Orange : internet coupé lundi dans tout le pays, des abonnés évoquant une cyberattaque.\n\nLes clients d'Orange n'ont pas pu se connecter pendant quatre heures lundi.\n\nLe site de SFR a aussi été perturbé lundi. SFR affirme que ce n'était pas une cyberattaque.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "en a cause denied in another outage's sentence is no cause",
			text:  "Verizon outage: customers blame a cyberattack as service fails nationwide.\n\nVerizon customers could not make calls for four hours on Monday.\n\nAT&T also saw problems on Monday. AT&T said it was not a cyberattack.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar a cause denied in another outage's sentence is no cause",
			text:  "انقطاع خدمات زين في الكويت ومستخدمون يتحدثون عن هجوم إلكتروني\n\nلم يتمكن مشتركو زين من إجراء المكالمات لأربع ساعات يوم الاثنين.\n\nكما تأثرت خدمات أوريدو يوم الاثنين. ونفت أوريدو أن يكون العطل ناتجا عن هجوم إلكتروني.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar a participle of denial (nafiya) denies the cause after it",
			text:  "توقف تطبيق مصرف الراجحي عن العمل يوم الاثنين لنحو ثلاث ساعات. وأوضح المصرف أن مشكلة لدى مزود خارجي تسببت في العطل، نافية أن يكون هجوم إلكتروني وراء التوقف.",
			cause: corpus.CauseThirdParty, denied: corpus.CauseCyberattack,
		},
		{
			name:  "en a year next to an outage word places the cause on another event",
			text:  "Three UK customers could not make calls for five hours on Monday, March 9. The operator did not say what went wrong. Three's 2023 outage was blamed on a software update.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "fr une année à côté de la panne place la cause sur un autre événement",
			text:  "Les abonnés de Free ont été privés d'internet lundi 9 mars pendant cinq heures. L'opérateur n'a pas donné d'explication. La panne de 2021 avait été causée par une mise à jour ratée.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "ar سنة بجانب كلمة العطل تنسب السبب إلى حدث آخر",
			text:  "انقطعت خدمات زين يوم الاثنين 9 مارس لخمس ساعات، ولم توضح الشركة أسباب الانقطاع. وكان انقطاع 2021 قد نتج عن تحديث برمجي خاطئ.",
			cause: corpus.CauseUnknown,
		},
		{
			name:  "fr the causer, not the effect it brought about",
			text:  "La billetterie du festival est tombée samedi matin. Cet afflux de connexions a provoqué un bug du site, qui a bloqué les ventes. Le bug a été corrigé à midi.",
			cause: corpus.CauseOverload,
		},
		{
			name:  "en the causer, not the effect it brought about",
			text:  "The ticket site of the festival crashed on Saturday morning. A surge in traffic triggered a software bug that blocked sales. The bug was fixed by noon, and the bug report was published.",
			cause: corpus.CauseOverload,
		},
		{
			name:  "ar the causer, not the effect it brought about",
			text:  "توقف موقع حجز تذاكر المهرجان صباح السبت. الضغط الكبير أدى إلى خلل برمجي في الموقع. وتم إصلاح الخلل البرمجي ظهرا، وقالت الشركة إن الخلل البرمجي لم يمس البيانات.",
			cause: corpus.CauseOverload,
		},
		{
			name:  "en news updates are not a software change",
			text:  "Telus customers have been without mobile service since early morning in a nationwide outage. The carrier said it would post updates on its website throughout the day.",
			cause: corpus.CauseUnknown,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, _ := mainOutage(t, c, tt.text, "2026-03-13")
			if o.Cause != tt.cause {
				t.Errorf("cause %q (alt %v, evidence %q), want %q", o.Cause, o.CauseAlt, o.Evidence.Cause, tt.cause)
			}
			if tt.denied != "" && !strings.Contains(strings.Join(o.CauseDenied, ","), tt.denied) {
				t.Errorf("cause_denied %v, want %s in it", o.CauseDenied, tt.denied)
			}
		})
	}
}

// TestServiceChoice checks which service is the main outage.
func TestServiceChoice(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, want string
		notWant          string // a service that must not be reported at all
	}{
		{
			name: "ar first named of several banks",
			text: "توقفت مساء الخميس التطبيقات المصرفية لدى البنك الأهلي المصري وبنك مصر، وتعطل معها تطبيق إنستاباي للتحويلات، فلم يتمكن آلاف العملاء من إتمام معاملاتهم.",
			want: "National Bank of Egypt",
		},
		{
			name: "en product named at the outage word beats its parent company",
			text: "Microsoft customers could not use Teams or Outlook on Monday morning. The failure came from an Azure outage in western Europe, Microsoft said.",
			want: "Microsoft Azure",
		},
		{
			name: "fr first country of the sentence",
			text: "Le Chili, puis l'Argentine quelques minutes plus tard, se sont retrouvés dans le noir lundi soir lors d'une panne d'électricité géante. L'opérateur argentin a parlé d'un incident sur une ligne à haute tension.",
			want: "Power grid (Chile)",
		},
		{
			name: "ar banks of a country",
			text: "توقفت الخدمات البنكية والمحافظ الإلكترونية في الأردن لعدة ساعات بسبب تحديثات على الأنظمة، ولم يتمكن العملاء من استخدام الخدمات المصرفية عبر الإنترنت.",
			want: "Banking services (Jordan)", notWant: "Internet (Jordan)",
		},
		{
			name: "fr website is not the internet",
			text: "Le site internet de la billetterie du festival des Vieilles Charrues a été inaccessible pendant une heure mardi, victime d'un afflux de connexions. Les organisateurs de Carhaix en France ont présenté leurs excuses.",
			want: "", notWant: "Internet (France)",
		},
		{
			name: "fr compound name is not a country",
			text: "Tempête : le réseau électrique géré par Enedis a été coupé pendant des heures en Bretagne, privant d'électricité des milliers de foyers. Météo-France a levé l'alerte jeudi soir.",
			want: "Enedis", notWant: "Power grid (France)",
		},
		{
			name: "fr name opening the sentence",
			text: "Grenoble-Alpes-Métropole subit une cyberattaque depuis lundi : les agents n'ont plus accès à leurs ordinateurs ni à leurs téléphones, et le site reste hors service.",
			want: "Grenoble-Alpes-Métropole",
		},
		{
			name: "en error message is not a service",
			text: "Fastly suffered an outage on Tuesday morning, and visitors to many news sites saw 503 Service Unavailable and Bad Gateway errors for about an hour.",
			want: "Fastly", notWant: "Bad Gateway",
		},
		{
			name: "ar Amman is not Oman",
			text: "انقطعت الكهرباء عن عدة أحياء في عمّان والزرقاء مساء السبت لنحو ساعتين، بحسب شركة الكهرباء الأردنية.",
			want: "Power grid (Jordan)", notWant: "Power grid (Oman)",
		},
		{
			name: "en site named by its domain",
			text: "Visitors could not reach Rentals.com on Friday: the site was down for most of the afternoon, and rentals.com later apologised.",
			want: "Rentals.com",
		},
		{
			name: "en name and site noun",
			text: "The Dunmore Library website was down for most of Monday, and the library said its host had suffered an outage after a storm.",
			want: "Dunmore Library website",
		},
		{
			name: "ar bank in the gazetteer",
			text: "توقف تطبيق مصرف الراجحي عن العمل مساء الأحد لمدة ساعة، وأرجع المصرف ذلك إلى ضغط كبير على الخوادم.",
			want: "Al Rajhi Bank",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2026-03-13"}
			ex := c.Classify(a)
			var got []string
			for _, o := range a.Outages {
				got = append(got, o.Service)
			}
			var sb strings.Builder
			ex.WriteText(&sb)
			if tt.want != "" && (len(got) == 0 || got[0] != tt.want) {
				t.Errorf("services %q, want %q first\n%s", got, tt.want, sb.String())
			}
			for _, g := range got {
				if tt.notWant != "" && g == tt.notWant {
					t.Errorf("services %q include %q\n%s", got, tt.notWant, sb.String())
				}
			}
		})
	}
}

// TestDetectionCues checks the counter-evidence refinements of detection.
func TestDetectionCues(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"en maintenance that overran", "Trello was down for most users on Sunday after planned maintenance on its database took far longer than expected. The scheduled maintenance window had been announced for the night, but the work overran by three hours.", true},
		{"fr maintenance that overran", "Le site des impôts a été inaccessible dimanche : l'opération de maintenance programmée a duré plus longtemps que prévu et le service est resté hors service toute la matinée.", true},
		{"en survey of outages", "Outages are becoming rarer but costlier, according to an annual survey of data centre operators. Respondents said power problems and network failures caused most outages, and the report recommends more testing.", false},
		{"en real outage with examples", "Our site was down on Monday after a DDoS attack on our name servers. The attack flooded the servers, for example with fake requests, and the host was unable to keep them online. Other sites on the same servers, for instance a few shops, were offline too.", true},
		{"en announced maintenance", "We will be performing scheduled maintenance on Saturday night. The portal will be unavailable for about two hours during the maintenance window.", false},
		{"en capitalised word before a verb", "Stocks were down sharply on Tuesday as investors worried about rising interest rates.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2026-03-13"}
			ex := c.Classify(a)
			if a.IsOutage != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("IsOutage = %v, want %v\n%s", a.IsOutage, tt.want, sb.String())
			}
		})
	}
}

// TestTiming checks start and duration choices with fixed expressions, so
// that it does not depend on the date rules.
func TestTiming(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name     string
		text     string
		exprs    []rules.Expr
		start    string
		duration *int
		dkind    string
	}{
		{
			name: "clock time read as a length, and an end time",
			text: "Panne chez Free : les abonnés ont perdu la télévision mardi soir, les premiers écrans noirs étant signalés aux alentours de 21 h. D'après l'opérateur, tout fonctionnait de nouveau vers 1 heure du matin.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "aux alentours de 21 h", Minutes: ip(1260), DurationKind: "approx"},
				{Kind: rules.KindTime, Text: "vers 1 heure du matin", Time: "01:00", Role: "end"},
			},
			duration: ip(240), dkind: "exact",
		},
		{
			name: "end time in a sentence saying the service is back",
			text: "Le site de Leboncoin était en panne à partir de 14h05. Vers 15h00 les équipes ont trouvé l'origine. Le service a été entièrement rétabli à 15h20.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "à partir de 14h05", Time: "14:05"},
				{Kind: rules.KindTime, Text: "Vers 15h00", Time: "15:00"},
				{Kind: rules.KindTime, Text: "à 15h20", Time: "15:20"},
			},
			duration: ip(75), dkind: "exact",
		},
		{
			name: "a lower bound gives way to times that respect it",
			text: "Dropbox went down at 9:10 a.m. and was unreachable for more than an hour. Dropbox said service was restored at 10:25 a.m.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "at 9:10 a.m.", Time: "09:10"},
				{Kind: rules.KindDuration, Text: "more than an hour", Minutes: ip(60), DurationKind: "at_least"},
				{Kind: rules.KindTime, Text: "at 10:25 a.m.", Time: "10:25"},
			},
			duration: ip(75), dkind: "exact",
		},
		{
			name: "a span of times beats a lower bound",
			text: "Heroku was down for more than two hours on Tuesday. The outage lasted from 9:10 a.m. until 11:40 a.m.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "more than two hours", Minutes: ip(120), DurationKind: "at_least"},
				{Kind: rules.KindInterval, Text: "from 9:10 a.m. until 11:40 a.m.", Minutes: ip(150)},
			},
			duration: ip(150), dkind: "exact",
		},
		{
			name: "ago with an adverb is not a length",
			text: "Deezer avait déjà été en panne il y a à peine plus d'une semaine. Ce jeudi, le service est de nouveau en panne et reste inaccessible.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "plus d'une semaine", Minutes: ip(10080), DurationKind: "at_least"},
			},
		},
		{
			name: "lasted … before is a length",
			text: "Internet access in Chad collapsed on Monday, and the outage lasted more than 10 hours before operators rerouted traffic.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "more than 10 hours", Minutes: ip(600), DurationKind: "at_least"},
			},
			duration: ip(600), dkind: "at_least",
		},
		{
			name: "a forecast is not the length",
			text: "Mobile service in Tonga went down after the cable was damaged, and repairs could take several weeks.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "several weeks", DurationKind: "vague"},
			},
		},
		{
			name: "update stamp is not the start",
			text: "Updated March 12, 2026: Zoom was down for thousands of users on Tuesday, the company said.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "March 12, 2026", Value: "2026-03-12"},
				{Kind: rules.KindDate, Text: "on Tuesday", Value: "2026-03-10"},
			},
			start: "2026-03-10",
		},
		{
			name: "the first of several days",
			text: "Les clients de Shopify subissent une panne depuis lundi matin. La panne s'est aggravée hier, selon la société.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "lundi matin", Value: "2026-03-09"},
				{Kind: rules.KindDate, Text: "hier", Value: "2026-03-12"},
			},
			start: "2026-03-09",
		},
		{
			name: "counted back from publication loses to a named day",
			text: "Il y a trois jours, une panne a privé de réseau les abonnés d'Orange dans le Var. La panne a commencé mardi soir.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "Il y a trois jours", Value: "2026-03-10"},
				{Kind: rules.KindDate, Text: "mardi soir", Value: "2026-03-10"},
			},
			start: "2026-03-10",
		},
		{
			name: "an end day is the start only when nothing else is said",
			text: "Panne du réseau de SFR : les abonnés ont été privés de réseau jusqu'au 12 mars dans plusieurs communes.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "jusqu'au 12 mars", Value: "2026-03-12", Role: "end"},
			},
			start: "2026-03-12",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := withTagger(c, fakeTagger{exprs: tt.exprs})
			o, _ := mainOutage(t, cc, tt.text, "2026-03-13")
			if o.Start != tt.start {
				t.Errorf("start %q, want %q", o.Start, tt.start)
			}
			if (o.DurationMin == nil) != (tt.duration == nil) || (o.DurationMin != nil && *o.DurationMin != *tt.duration) {
				t.Errorf("duration %v (%s), want %v", ptrStr(o.DurationMin), o.DurationKind, ptrStr(tt.duration))
			}
			if tt.dkind != "" && o.DurationKind != tt.dkind {
				t.Errorf("duration kind %q, want %q", o.DurationKind, tt.dkind)
			}
		})
	}
}

// TestDateline checks that a date standing alone near the top of the text,
// or opening the story as a wire dateline, becomes the publication date
// when the page gave none, and that a wire dateline's day is no start when
// the story says another.
func TestDateline(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, published, start string
	}{
		{
			name:      "fr date on its own line",
			text:      "Coupure d'internet en Tunisie\n• 14/03/2026\nLes habitants de Tunisie ont été privés d'internet hier pendant deux heures, et le réseau était coupé dans tout le pays.",
			published: "2026-03-14", start: "2026-03-13",
		},
		{
			name:      "fr byline with its date",
			text:      "Panne Orange\nPar Jean Dupont | 05/06/2024\nLe réseau Orange a connu une panne hier soir dans le Sud-Ouest pendant trois heures.",
			published: "2024-06-05", start: "2024-06-04",
		},
		{
			name:      "en byline with its date",
			text:      "Verizon outage\nBy Jane Doe • June 5, 2024\nVerizon's network went down yesterday across the Midwest for three hours.",
			published: "2024-06-05", start: "2024-06-04",
		},
		{
			name:      "fr wire dateline opening the story: publication, not start",
			text:      "Panne de la plateforme Massar\n\nRabat, 13 juin 2019 - La plateforme Massar est restée inaccessible mercredi soir pendant trois heures, privant les bacheliers de leurs résultats.",
			published: "2019-06-13", start: "2019-06-12",
		},
		{
			name:      "en wire dateline with a weekday before the date",
			text:      "Grid failure in the capital\n\nACCRA, Tuesday 14 May 2024 - Power went off across Accra on Monday night for five hours, the grid operator said.",
			published: "2024-05-14", start: "2024-05-13",
		},
		{
			name:      "ar wire dateline",
			text:      "انقطاع الإنترنت في بغداد\n\nبغداد - الأحد 15 حزيران 2025 - انقطعت خدمة الإنترنت في بغداد أمس السبت لمدة ثلاث ساعات.",
			published: "2025-06-15", start: "2025-06-14",
		},
		{
			name:      "en a byline's date after the outlet and the place: publication, not start",
			text:      "Nationwide blackout hits Kenya\n\nDaily Nation | Nairobi | Saturday, August 26, 2023\n\nKenya was left without electricity on Friday evening for eight hours after the power grid collapsed, Kenya Power said.",
			published: "2023-08-26", start: "2023-08-25",
		},
		{
			name:      "fr a byline's date after the outlet and the place",
			text:      "Panne géante au Sénégal\n\nLe Soleil | Dakar | samedi 26 août 2023\n\nLe réseau de Sonatel est tombé en panne vendredi soir pendant huit heures dans tout le pays.",
			published: "2023-08-26", start: "2023-08-25",
		},
		{
			name:      "en an update stamp is no dateline",
			text:      "Cloudflare down for half an hour\nUpdate: July 12th, 2019 – Cloudflare's service went down on July 2, 2019 for half an hour, the company said.",
			published: "", start: "2019-07-02",
		},
		{
			name:      "date inside a sentence is not a dateline",
			text:      "Les habitants de Tunisie ont été privés d'internet hier pendant deux heures, a indiqué le 14/03/2026 l'opérateur, et le réseau était coupé dans tout le pays.",
			published: "", start: "-", // the start may be the stated day
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, a := mainOutage(t, c, tt.text, "")
			if a.Published != tt.published {
				t.Errorf("published %q, want %q", a.Published, tt.published)
			}
			if tt.start != "-" && o.Start != tt.start {
				t.Errorf("start %q, want %q", o.Start, tt.start)
			}
		})
	}
}

// TestPartOfName: a cause phrase made of whole words of the outage's own
// name is that service, not a third party ("Azure" of Microsoft Azure).
func TestPartOfName(t *testing.T) {
	for _, tt := range []struct {
		name, phrase, key string
		aliases           []string
		want              bool
	}{
		{"en word of the name", "Azure", "Microsoft Azure", nil, true},
		{"en words of the name", "Web Services", "Amazon Web Services", nil, true},
		{"fr word of an alias", "Cloud", "OVHcloud", []string{"OVH Cloud"}, true},
		{"ar word of the name", "زين", "زين الكويت", nil, true},
		{"another provider", "Cloudflare", "Microsoft Azure", nil, false},
		{"part of a word", "Azu", "Microsoft Azure", nil, false},
		{"too short", "X", "X Corp", nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := partOfName(tt.phrase, &candidate{key: tt.key, aliases: tt.aliases}); got != tt.want {
				t.Errorf("partOfName(%q, %q) = %v, want %v", tt.phrase, tt.key, got, tt.want)
			}
		})
	}
}

// TestCauseAfterOlder: a cause said in a sentence with no day of its own,
// right after a sentence about an earlier event, carries the feature
// sent.after_older; one said right after the outage's own day does not.
func TestCauseAfterOlder(t *testing.T) {
	c := newTest(t)
	for _, tt := range []struct {
		name, text, phrase string
		want               bool
	}{
		{"fr after an older outage", "Panne chez SFR : le réseau mobile a été coupé jeudi 12 mars pendant trois heures. La panne de juillet 2014 avait touché tout le pays. Due à une mise à jour ratée, elle avait duré une journée.", "mise à jour", true},
		{"en after an older outage", "Verizon customers lost service on Thursday, March 12, for three hours. The outage of July 2019 was far bigger. A faulty software update was blamed at the time.", "update", true},
		{"ar after an older outage", "انقطعت خدمات زين يوم الخميس 12 مارس لثلاث ساعات. وكان انقطاع يوليو 2019 أوسع نطاقا. وقد نتج حينها عن تحديث برمجي خاطئ.", "تحديث", true},
		{"en after the outage's own day", "Verizon customers lost service on Thursday, March 12, for three hours. A faulty software update was blamed.", "update", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2026-03-13"}
			ex := c.Classify(a)
			if len(ex.Outages) == 0 {
				t.Fatalf("no outage")
			}
			for _, ch := range ex.Outages[0].Choices {
				if ch.Slot != "cause" {
					continue
				}
				for _, cd := range ch.Candidates {
					if !strings.Contains(cd.Text, tt.phrase) {
						continue
					}
					got := false
					for _, f := range cd.Features {
						got = got || f.Name == "sent.after_older" && f.Value != 0
					}
					if got != tt.want {
						t.Errorf("%q: sent.after_older %v, want %v (%v)", cd.Text, got, tt.want, cd.Features)
					}
					return
				}
			}
			t.Fatalf("no cause candidate holding %q", tt.phrase)
		})
	}
}

// TestBylinePart: a date that is most of one part of a byline line is the
// byline's; a date inside a sentence is not.
func TestBylinePart(t *testing.T) {
	tests := []struct {
		name, line, date string
		want             bool
	}{
		{"outlet, place, date", "Daily Nation | Nairobi | Saturday, August 26, 2023", "Saturday, August 26, 2023", true},
		{"date first", "26/08/2023 • Rédaction Dakar", "26/08/2023", true},
		{"no separator", "Daily Nation, Nairobi, Saturday, August 26, 2023", "Saturday, August 26, 2023", false},
		{"date inside a long part", "Daily Nation | The grid failed on Saturday, August 26, 2023 across the country", "Saturday, August 26, 2023", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := strings.Index(tt.line, tt.date)
			if got := bylinePart(tt.line, i, i+len(tt.date)); got != tt.want {
				t.Errorf("bylinePart(%q, %q) = %v, want %v", tt.line, tt.date, got, tt.want)
			}
		})
	}
}
