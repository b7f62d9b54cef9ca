package classify

import (
	"slices"
	"strings"
	"testing"

	"outages/corpus"
)

// TestServicePhenomena checks the main service and the secondary outages
// on invented reports of the classes that go wrong on unseen news: the
// provider that failed and the platforms it took down, a bank's app or
// cards, companies absent from the gazetteer named with their products,
// services absent from the gazetteer reported down too, and Arabic names
// with attached prepositions.
func TestServicePhenomena(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		main       string   // the main service (case-insensitive)
		also       []string // services that must be among the outages
		notAlso    []string // names that must not be
		single     bool     // the text reports one outage only
		exact      bool     // main is the service's name, not one of its aliases
	}{
		{
			name: "en an airline IT provider and the airlines it took down",
			text: "A network issue at Amadeus delayed check-in for Air France, Lufthansa and Qantas passengers at airports worldwide on Thursday.",
			main: "Amadeus", also: []string{"Air France", "Lufthansa", "Qantas"},
		},
		{
			name: "en the platform a statement was made on is no outage",
			text: "Vodacom's mobile network went down for four hours on Monday. The operator apologised on Twitter and said engineers had replaced a faulty router. Customers took to Facebook to complain.",
			main: "Vodacom", notAlso: []string{"Twitter", "Facebook"},
		},
		{
			name: "fr the platform a statement was made on is no outage",
			text: "Le réseau mobile de Free a été coupé quatre heures lundi. L'opérateur a annoncé sur Twitter le remplacement d'un routeur défectueux, et des abonnés se sont plaints sur Facebook.",
			main: "Free", notAlso: []string{"Twitter", "Facebook"},
		},
		{
			name: "ar the platform a statement was made on is no outage",
			text: "توقفت شبكة زين للهاتف المحمول أربع ساعات يوم الاثنين. واعتذرت الشركة على تويتر، وقالت إن مهندسيها استبدلوا جهاز توجيه معطلا، واشتكى المشتركون على فيسبوك.",
			main: "Zain", notAlso: []string{"Twitter", "Facebook"},
		},
		{
			name: "en a common-word name ending a longer name is not the service",
			text: "Ooredoo's mobile data went down for three hours on Friday after a fibre cut. The Sheriff's Office and the Post Office said their phone lines kept working, and Times Square screens stayed on.",
			main: "Ooredoo", notAlso: []string{"Microsoft Office", "Square"},
		},
		{
			name: "ar an Iraqi blackout named after a city, out of service opens no name",
			text: "شهدت مدينة الموصل انطفاء شاملا للكهرباء مساء الأحد بعد خروج محطة التحويل الرئيسية عن الخدمة نتيجة عاصفة ترابية، وعادت الكهرباء بعد أربع ساعات.",
			main: "Power grid (Iraq)",
		},
		{
			name: "fr neighbouring countries that also suffered disruptions",
			text: "Une avarie sur le câble sous-marin ACE a privé la Mauritanie d'internet samedi pendant deux jours. Plusieurs pays voisins, dont la Sierra Leone et la Gambie, ont également subi des perturbations, plus limitées.",
			main: "Internet (Mauritania)", also: []string{"Internet (Sierra Leone)", "Internet (Gambia)"},
		},
		{
			name: "en a country that also suffered outages",
			text: "Internet access was cut across Namibia on Sunday for ten hours after damage to an undersea cable. Next door, Botswana has also suffered outages, the regulator said.",
			main: "Internet (Namibia)", also: []string{"Internet (Botswana)"},
		},
		{
			name: "fr a name in the clause before puisque is not hit",
			text: "Panne chez Orange : le réseau mobile coupé trois heures mardi. Journée noire pour le Cloud puisque la plateforme Azure a également connu des difficultés.",
			main: "Orange", also: []string{"Microsoft Azure"}, notAlso: []string{"Cloud"},
		},
		{
			name: "fr a known service said to be hit too, with no outage word, and the source after it",
			text: "Panne chez Proximus mardi soir\n\nLe réseau mobile de Proximus est tombé en panne mardi soir pendant trois heures. Les clients de VOO ont eux aussi été touchés, selon l'Institut belge des services postaux.",
			main: "Proximus", also: []string{"VOO"}, notAlso: []string{"Institut"},
		},
		{
			name: "ar a city's blackout where the text names no country, a telecom named in another sentence",
			text: "عدن تغرق في الظلام\n\nانقطعت الكهرباء عن معظم أحياء عدن لأكثر من 14 ساعة يوم الاثنين مع اشتداد الحر. وقالت شركة عدن نت إن خدمتها تعمل بصورة طبيعية.",
			main: "Power grid (Yemen)",
		},
		{
			name: "fr a city's blackout where the text names no country, by its city",
			text: "Panne d'électricité à Marseille\n\nPlusieurs quartiers de Marseille ont été privés d'électricité jeudi soir pendant trois heures, à la suite d'un incident sur un poste source.",
			main: "Power grid (Marseille)",
		},
		{
			name: "en a company's possessive keeps its product",
			text: "Valve's Steam platform went down for two hours on Tuesday evening as a record number of players logged in. The Post Office said its own systems were unaffected.",
			main: "Steam", notAlso: []string{"Microsoft Office"},
		},
		{
			name: "fr a common-word name followed by its complement is not the service",
			text: "Résultats du bac : le site de l'Office du Bac inaccessible\n\nLe site de l'Office du Bac est resté inaccessible samedi pendant trois heures, sous l'afflux des candidats.",
			main: "Office du Bac", notAlso: []string{"Microsoft Office"},
		},
		{
			name: "en a service said to have come back was down too",
			text: "Safaricom suffered an outage on Tuesday after a fibre cut, leaving customers without mobile data for five hours. Airtel Kenya subscribers said their service returned only in the evening.",
			main: "Safaricom", also: []string{"Airtel Kenya"},
		},
		{
			name: "fr a service said to have come back was down too",
			text: "Une coupure de fibre a privé d'internet les abonnés d'Orange Côte d'Ivoire pendant cinq heures mardi. Le réseau de Moov Africa a été rétabli en soirée.",
			main: "Orange Côte d'Ivoire", also: []string{"Moov Africa"},
		},
		{
			name: "ar a service said to have come back was down too",
			text: "انقطعت خدمة الإنترنت عن مشتركي سوداني لمدة خمس ساعات يوم الثلاثاء بسبب قطع في كابل الألياف. وأكد مشتركو زين السودان أن الخدمة عادت مساء.",
			also: []string{"Zain Sudan"},
		},
		{
			name: "ar a derived name ends before the word introducing the cause",
			text: "توقفت منصة رقمنة بسبب عطل فني في الخوادم مساء الثلاثاء لمدة ثلاث ساعات، وفق ما أعلنته الشركة.",
			main: "رقمنة", notAlso: []string{"رقمنة بسبب"},
		},
		{
			name: "en a product named after its service is the service's",
			text: "The PlayStation Network was unavailable for about 90 minutes on Monday after a denial-of-service attack, Sony said, with players reporting that the PlayStation Store would not load.",
			main: "PlayStation Network", notAlso: []string{"Store"}, single: true,
		},
		{
			name:    "en a sea is a place, not a service",
			text:    "Internet access across Mauritania collapsed yesterday after the undersea cable that carries most of its traffic was damaged off the Atlantic coast.",
			notAlso: []string{"Atlantic"}, single: true,
		},
		{
			name:    "fr a sea is a place, not a service",
			text:    "L'accès à internet s'est effondré hier en Mauritanie après l'endommagement du câble sous-marin au large de la Méditerranée, selon l'opérateur Mauritel.",
			notAlso: []string{"Méditerranée"},
		},
		{
			name:    "en a gazetteer name that is a common word, in lower case",
			text:    "Trading halted at the Bombay exchange for three hours on Monday after a network failure. Brokers could not square off their positions, and the outlook for the session was grim.",
			notAlso: []string{"Square", "Outlook"},
		},
		{
			name: "en a product named like a submarine cable",
			text: "CrowdStrike said a faulty update to its Falcon sensor crashed millions of Windows computers on Friday, grounding flights at Delta for hours.",
			main: "CrowdStrike", notAlso: []string{"FALCON"},
		},
		{
			name: "fr what a colon introduces is no name",
			text: "Orange a subi samedi une panne de six heures privant ses abonnés de réseau dans l'Ouest.\n\nLire aussi : Comment savoir si la panne vient de chez vous",
			main: "Orange", notAlso: []string{"Comment"},
		},
		{
			name: "ar a retail chain absent from the gazetteer",
			text: "تعذر على زبائن متاجر بانوراما في الإمارات الدفع بالبطاقات صباح السبت لمدة ساعتين، بسبب عطل لدى مزود خدمة الدفع.",
			main: "بانوراما",
		},
		{
			name: "fr a retail chain absent from the gazetteer",
			text: "Les clients de l'enseigne Monoprix n'ont pas pu payer par carte samedi matin pendant deux heures à cause d'une panne chez son prestataire.",
			main: "Monoprix",
		},
		{
			name: "en a country's phone networks down with its internet",
			text: "Internet access was cut across Sudan on Monday, and mobile phone networks also went down in several states, monitors said.",
			main: "Internet (Sudan)", also: []string{"Mobile networks (Sudan)"},
		},
		{
			name: "ar a country's phone networks down with its internet",
			text: "انقطعت خدمة الإنترنت في السودان يوم الاثنين، كما توقفت شبكات الجوال عن العمل في عدة ولايات.",
			main: "Internet (Sudan)", also: []string{"Mobile networks (Sudan)"},
		},
		{
			name: "fr a regulator orders compensation: the operator is the service",
			text: "Le Conseil des télécommunications a ordonné jeudi à Réseaux Boréal de dédommager ses abonnés privés d'internet pendant dix heures lors de la panne du 4 avril.",
			main: "Réseaux Boréal",
		},
		{
			name: "en a regulator fines the operator: the operator is the service",
			text: "The Communications Commission on Thursday fined Northlink for the ten-hour outage of its mobile network on April 4, which left customers unable to call emergency services.",
			main: "Northlink",
		},
		{
			name: "fr subscribers without internet in a place, no provider named",
			text: "La panne a privé des milliers d'abonnés d'internet samedi dans le Var pendant cinq heures.",
			main: "Internet (France)",
		},
		{
			name: "en residents without internet in a city, no provider named",
			text: "Thousands of residents in Leeds were left without internet for five hours on Saturday.",
			main: "Internet (United Kingdom)",
		},
		{
			name: "ar subscribers without internet in a city, no provider named",
			text: "لا يزال آلاف المشتركين في الشارقة بدون إنترنت منذ مساء الخميس.",
			main: "Internet (United Arab Emirates)",
		},
		{
			name: "en a rival's degraded service reported as well",
			text: "Millions of MTN Nigeria subscribers lost mobile data on Sunday after fibre cables were cut during road works. Airtel Nigeria customers reported slower data and dropped calls as well.",
			main: "MTN Nigeria", also: []string{"Airtel Nigeria"},
		},
		{
			name: "fr no network at all for two operators",
			text: "La tempête a privé d'électricité toute l'île dans la nuit de dimanche à lundi. Les clients d'Orange Caraïbe comme ceux de Digicel ont signalé l'absence totale de réseau dans plusieurs communes.",
			also: []string{"Orange Caraïbe", "Digicel"},
		},
		{
			name: "fr calls and texts disrupted too",
			text: "L'accès à internet a été coupé pendant 80 heures en Guinée à partir du 22 mars. Les appels et les SMS ont eux aussi été fortement perturbés pendant deux jours.",
			main: "Internet (Guinea)", also: []string{"Mobile networks (Guinea)"},
		},
		{
			name: "en a sister airline's flights halted too, after an aside",
			text: "Alaska Airlines halted all departures nationwide on Tuesday evening after a hardware failure at one of its data centres. Flights of its regional sister carrier Horizon Air, which relies on the same systems, were halted too.",
			main: "Alaska Airlines", also: []string{"Horizon Air"},
		},
		{
			name: "en a bank and its brand listed with a comma are two outages",
			text: "Lloyds, Halifax and Bank of Scotland card payments fail\n\nCustomers of Lloyds Bank had card payments declined for three hours on Friday after a hardware fault; Halifax customers were hit as well.",
			main: "Lloyds Bank", also: []string{"Halifax"},
		},
		{
			name: "fr a company and its product listed with a comma are two outages",
			text: "Panne chez Meta, WhatsApp et Instagram\n\nLes services de Meta sont restés inaccessibles mardi soir pendant deux heures. WhatsApp a également été touché.",
			main: "Meta", also: []string{"WhatsApp"},
		},
		{
			name: "en a country's internet slowed to a crawl",
			text: "Pakistan's internet slows to a crawl\n\nInternet users across Pakistan have suffered severely slowed connections since Tuesday. WhatsApp users have also been unable to download photos.",
			main: "Internet (Pakistan)", also: []string{"WhatsApp"},
		},
		{
			name: "fr a country's internet slowed",
			text: "L'internet tunisien tourne au ralenti\n\nLes internautes en Tunisie subissent depuis mardi un fort ralentissement des connexions, selon les fournisseurs d'accès.",
			main: "Internet (Tunisia)",
		},
		{
			name: "ar a country's internet slowed",
			text: "تباطؤ الإنترنت في العراق\n\nتباطأت خدمة الإنترنت في العراق بشكل كبير منذ يوم الثلاثاء، وفق ما أفاد مستخدمون.",
			main: "Internet (Iraq)",
		},
		{
			name: "fr a name absent from the gazetteer reported down in its own clause, after an aside",
			text: "Tunisie Telecom : un incendie prive de réseau le Grand Tunis\n\nLes abonnés de Tunisie Telecom ont été privés de réseau pendant dix heures lundi après un incendie dans un central. Le porte-monnaie électronique Monetix, qui s'appuie sur le réseau de l'opérateur, a été indisponible pendant toute la coupure.",
			main: "Tunisie Telecom", also: []string{"Monetix"},
		},
		{
			name: "en a name absent from the gazetteer reported down in its own clause, after an aside",
			text: "Fire at exchange cuts Vodafone data\n\nCustomers of Vodafone lost mobile data for six hours on Monday after a fire at an exchange. The payments app Paylix, which relies on the operator's network, was unavailable for the whole outage.",
			main: "Vodafone", also: []string{"Paylix"},
		},
		{
			name: "en a name opened by a nationality adjective in the gazetteer",
			text: "Museum systems still down after cyberattack\n\nThe British Museum's website and ticketing have been offline since the weekend after a ransomware attack, the museum said on Monday.",
			main: "British Museum",
		},
		{
			name: "en examples said to be affected",
			text: "Fastly blames a customer's settings for global outage\n\nA bug at Fastly took many of the world's biggest websites offline on Tuesday for about an hour. Sites including Reddit, Spotify and Twitch were affected.",
			main: "Fastly", also: []string{"Reddit", "Spotify", "Twitch"},
		},
		{
			name: "fr examples said to be hit",
			text: "Panne mondiale chez Fastly\n\nUn bug chez Fastly a rendu inaccessibles de nombreux sites mardi pendant une heure. Des sites comme Reddit, Spotify et Twitch ont été touchés.",
			main: "Fastly", also: []string{"Reddit", "Spotify", "Twitch"},
		},
		{
			name: "ar examples said to be hit",
			text: "عطل عالمي لدى فاستلي\n\nتسبب خلل لدى شركة فاستلي في توقف عدد كبير من المواقع يوم الثلاثاء لمدة ساعة. ومن بينها مواقع مثل ريديت وسبوتيفاي تأثرت بالعطل.",
			main: "Fastly", also: []string{"Reddit", "Spotify"},
		},
		{
			name:    "ar a time after a cue word is no name",
			text:    "انقطاع الإنترنت\n\nعانى عملاء الشركة من انقطاع خدمة الإنترنت أول أمس، إذ بدأ العطل نحو الساعة العاشرة صباحاً، وعادت الخدمة قرابة الرابعة عصراً.",
			notAlso: []string{"قرابة الرابعة عصراً", "الإنترنت أول"},
		},
		{
			name: "en another service also affected",
			text: "Outlook users could not send email for three hours on Monday. Teams was also affected, Microsoft said.",
			main: "Outlook", also: []string{"Microsoft Teams"},
		},
		{
			name: "fr another service also affected",
			text: "Le réseau mobile de SFR est tombé en panne mardi pendant deux heures. Free a également été touché dans le Sud.",
			main: "SFR", also: []string{"Free"},
		},
		{
			name: "ar another service also affected",
			text: "تعطل تطبيق واتساب مساء الأربعاء لساعتين، كما تأثرت خدمات إنستغرام بالعطل.",
			main: "WhatsApp", also: []string{"Instagram"},
		},
		{
			name: "fr rivals said to work normally are not down",
			text: "Le réseau mobile de SFR est tombé en panne mardi pendant trois heures. Orange et Bouygues Telecom fonctionnaient normalement, selon les opérateurs.",
			main: "SFR", notAlso: []string{"Orange", "Bouygues Telecom"},
		},
		{
			name: "en rivals said to work normally are not down",
			text: "Verizon customers lost mobile service for five hours on Monday, while AT&T and T-Mobile were operating normally.",
			main: "Verizon", notAlso: []string{"AT&T", "T-Mobile"},
		},
		{
			name: "ar rivals said to work normally are not down",
			text: "انقطعت خدمة الإنترنت عن مشتركي شركة زين مساء الخميس لثلاث ساعات، فيما أكدت أورنج وأمنية أن شبكتيهما تعملان بشكل طبيعي.",
			main: "Zain", notAlso: []string{"Orange", "Umniah"},
		},
		{
			name:    "ar a platform named only as where people posted is not down",
			text:    "تعطلت بوابة التأشيرات الإلكترونية يوم الأحد لعدة ساعات. ونشر مستخدمون على فيسبوك صورا للطوابير في المطار.",
			notAlso: []string{"Facebook"},
		},
		{
			name:    "fr a platform named only as where people posted is not down",
			text:    "Le portail des cartes grises est resté inaccessible lundi toute la matinée. De nombreux usagers ont publié sur X des captures d'écran du message d'erreur.",
			notAlso: []string{"X", "Twitter"},
		},
		{
			name: "en a possessive inside a derived name",
			text: "The booking system at St Luke's Hospital went down on Monday for five hours, staff said.",
			main: "St Luke's Hospital",
		},
		{
			name: "fr an exchange's trading halted",
			text: "Les cotations ont été suspendues jeudi pendant trois heures à la Bourse de Paris en raison d'un incident technique chez Euronext.",
			main: "Euronext",
		},
		{
			name: "ar a brand and its national company are one outage",
			text: "توقف خدمات شركة زين مساء الأربعاء. وقالت زين الكويت إن العطل نجم عن انقطاع التيار الكهربائي في أحد مراكز البيانات.",
			main: "Zain Kuwait", also: []string{"Zain"}, single: true,
		},
		{
			name: "en a brand and its national company are one outage",
			text: "MTN suffered a network outage on Monday and customers could not make calls for five hours. MTN Ghana blamed a fibre cut on its backbone.",
			main: "MTN Ghana", also: []string{"MTN"}, single: true,
		},
		{
			name: "ar a news agency's country in the dateline is no outage's",
			text: "بغداد (وكالة الأنباء الفرنسية) – انقطع الإنترنت في العراق صباح الأحد لأكثر من ساعتين بقرار من السلطات.",
			main: "Internet (Iraq)", notAlso: []string{"Internet (France)"},
		},
		{
			name: "en a news agency's country is no outage's",
			text: "Internet access was cut across Iraq on Sunday for two hours, Agence France-Presse reported, as authorities sought to stop cheating in exams.",
			main: "Internet (Iraq)", notAlso: []string{"Internet (France)"},
		},
		{
			name: "ar a power cut at an airport is the airport's",
			text: "انقطاع التيار في صالة بمطار القاهرة يعطل إجراءات السفر لساعتين\n\nتعطلت إجراءات سفر الركاب بمطار القاهرة مساء الخميس لمدة ساعتين إثر انقطاع مفاجئ للتيار الكهربائي عن المبنى، وقال مصدر إن التيار عاد بعد ذلك.",
			main: "مطار القاهرة", notAlso: []string{"Power grid (Egypt)"},
		},
		{
			name: "fr a power cut at a hospital is the hospital's",
			text: "Coupure de courant à l'hôpital de Vaudrin\n\nUne coupure de courant à l'hôpital de Vaudrin a paralysé les urgences pendant trois heures mardi en France, selon la direction. Le courant est revenu vers midi.",
			main: "hôpital de Vaudrin", notAlso: []string{"Power grid (France)"},
		},
		{
			name: "en a power cut at a hospital is the hospital's",
			text: "Power cut at Mercy Vale Hospital\n\nA power outage at Mercy Vale Hospital in Kenya forced staff to postpone operations for four hours on Tuesday. Power was restored in the afternoon.",
			main: "Mercy Vale Hospital", notAlso: []string{"Power grid (Kenya)"},
		},
		{
			name:    "ar electricity bills are no power cut",
			text:    "توقف منظومة زيتونة للمدفوعات في مصر\n\nشهدت منظومة زيتونة للمدفوعات عطلا واسعا يوم الأحد لمدة خمس ساعات، ما حال دون سداد فواتير الكهرباء وشحن أرصدة الهواتف.",
			notAlso: []string{"Power grid (Egypt)"},
		},
		{
			name:    "en electricity bills are no power cut",
			text:    "Payments outage in Kenya\n\nThe Lipafast payments app went down across Kenya on Sunday for five hours, leaving customers unable to pay electricity bills or buy airtime.",
			notAlso: []string{"Power grid (Kenya)"},
		},
		{
			name:    "fr electricity bills are no power cut",
			text:    "Panne de paiement au Sénégal\n\nL'application de paiement Payzi est tombée en panne dimanche au Sénégal pendant cinq heures, empêchant le règlement des factures d'électricité.",
			notAlso: []string{"Power grid (Senegal)"},
		},
		{
			name: "en places listed after a known place are no services",
			text: "Mumbai grinds to a halt\n\nLarge parts of Mumbai, Kalwadi and Navi Porvale were left without electricity on Monday after a grid failure, Tata Power said.",
			main: "Tata Power", notAlso: []string{"Kalwadi", "Navi Porvale"},
		},
		{
			name: "en a name opening a sentence whose app crashed",
			text: "Optus outage\n\nOptus mobile network went down on Monday for five hours. Royal Perth Hospital's app crashed repeatedly.",
			main: "Optus", also: []string{"Royal Perth Hospital"},
		},
		{
			name: "fr the users of another service in the same boat",
			text: "Proximus : panne géante du réseau fixe et mobile mardi\n\nLes clients de Proximus ont été privés de réseau mardi pendant cinq heures, selon l'opérateur.\n\nLes abonnés de Voxalo, la marque à bas prix du groupe, étaient logés à la même enseigne.",
			main: "Proximus", also: []string{"Voxalo"},
		},
		{
			name: "en another operator suffered the same fate",
			text: "Vodafone network down across Ireland on Friday\n\nVodafone customers lost mobile data on Friday for three hours. Smaller operator Tarvo suffered the same fate, the regulator said.",
			main: "Vodafone", also: []string{"Tarvo"},
		},
		{
			name: "en places listed after a locative preposition are no services",
			text: "Globe Telecom said its mobile network went down on Tuesday for six hours. Subscribers in Maravel, Quintosa and San Barlen could not call, and GCash was also down.",
			main: "Globe Telecom", also: []string{"GCash"}, notAlso: []string{"Maravel", "Quintosa", "San Barlen"},
		},
		{
			name: "en a place after a noun of a part of a territory is no service",
			text: "Vodafone's mobile network went down on Friday for three hours. Customers in parts of Kilrush and Ennistymon had no signal, and Eir was also down.",
			main: "Vodafone", also: []string{"Eir"}, notAlso: []string{"Kilrush", "Ennistymon"},
		},
		{
			name: "fr districts listed after a noun of a part of a territory are no services",
			text: "Une panne d'électricité a privé de courant les quartiers d'Astrelle et de Vaudrin-Haut mercredi pendant deux heures, selon Ores. Le réseau de Proximus a aussi été perturbé.",
			main: "ORES", also: []string{"Proximus"}, notAlso: []string{"Astrelle", "Vaudrin-Haut"},
		},
		{
			name: "en a ministry is named whole, not by what it is in charge of",
			text: "The website of the Ministry of Education crashed on Monday as thousands of students looked for their exam results. It stayed down for five hours.",
			main: "Ministry of Education", exact: true,
		},
		{
			name: "en a ministry hit by ransomware, named after a possessive",
			text: "Ghana's Ministry of Interior said a ransomware attack took its online services offline on Tuesday.",
			main: "Ministry of Interior", exact: true,
		},
		{
			name: "fr a ministry is named whole",
			text: "Le site du ministère de l'Intérieur est tombé en panne lundi, quelques minutes après l'ouverture des inscriptions.",
			main: "ministère de l'Intérieur", exact: true,
		},
		{
			name: "fr an airport is named whole, not by its city",
			text: "Panne informatique à l'aéroport de Lyon-Saint Exupéry : des dizaines de vols retardés jeudi.",
			main: "aéroport de Lyon-Saint Exupéry", exact: true,
		},
		{
			name: "en a brand's wallet is not its national company",
			text: "Vodafone customers across Egypt lost calls and mobile data on Sunday for about six hours. Vodafone blamed a fault in a data centre. Transfers on Vodafone Cash also failed.",
			main: "Vodafone", also: []string{"Vodafone Cash"}, exact: true,
		},
		{
			name: "ar a brand's wallet is not its national company",
			text: "تعطلت شبكة فودافون يوم الأحد لمدة ست ساعات بسبب عطل فني في مركز البيانات، وامتد العطل إلى خدمة فودافون كاش.",
			main: "Vodafone", also: []string{"Vodafone Cash"}, exact: true,
		},
		{
			name: "en a product is not its company's national arm",
			text: "Microsoft Teams went down for three hours on Monday. Microsoft said a configuration change caused the outage.",
			main: "Microsoft Teams",
		},
		{
			name: "fr the parent company speaking is not down",
			text: "Panne d'Instagram mardi : l'application est restée inaccessible une heure. Meta, la maison mère, a reconnu un problème technique.",
			main: "Instagram", notAlso: []string{"Meta"},
		},
		{
			name: "en the parent company speaking is not down",
			text: "YouTube outage: videos would not load for two hours on Monday. Google, which owns the site, said engineers fixed a fault.",
			main: "YouTube", notAlso: []string{"Google"},
		},
		{
			name: "ar the parent company speaking is not down",
			text: "تعطل تطبيق واتساب لساعتين يوم الاثنين، وقالت شركة ميتا المالكة للتطبيق إن عطلا فنيا تسبب في المشكلة.",
			main: "WhatsApp", notAlso: []string{"Meta"},
		},
		{
			name: "en provider that failed, sites it took down",
			text: "Sites such as Reddit, Spotify and Twitch went down on Thursday because of a Fastly fault. The CDN said a bad configuration caused the outage, which lasted about an hour.",
			main: "Fastly", also: []string{"Reddit", "Spotify", "Twitch"},
		},
		{
			name: "fr provider that failed, sites it took down",
			text: "Des sites comme Discord, Shopify et Twitch sont tombés en panne mardi à cause d'une défaillance chez Cloudflare. Le prestataire a rétabli le service au bout de deux heures.",
			main: "Cloudflare", also: []string{"Discord", "Shopify", "Twitch"},
		},
		{
			name: "ar provider that failed, sites it took down",
			text: "تعطلت مواقع مثل ديسكورد وسبوتيفاي مساء الأربعاء بسبب عطل لدى كلاودفلير، واستمر الانقطاع نحو ساعة قبل أن تعلن الشركة إصلاحه.",
			main: "Cloudflare", also: []string{"Discord", "Spotify"},
		},
		{
			name: "en platforms named first, provider after due to",
			text: "Discord and Shopify went offline on Tuesday due to an outage at Fastly, which lasted two hours.",
			main: "Fastly", also: []string{"Discord", "Shopify"},
		},
		{
			name: "fr platforms named first, provider after à cause de",
			text: "Twitch et Reddit sont restés inaccessibles jeudi soir à cause d'une panne chez Akamai, pendant près d'une heure.",
			main: "Akamai", also: []string{"Twitch", "Reddit"},
		},
		{
			name: "ar platforms named first, provider after بسبب",
			text: "توقفت منصتا ديسكورد وسبوتيفاي عن العمل مساء الجمعة بسبب عطل لدى أكاماي استمر ساعتين.",
			main: "Akamai", also: []string{"Discord", "Spotify"},
		},
		{
			name: "fr bank app absent from the gazetteer",
			text: "L'application de la banque Crédit Vellave est en panne depuis lundi matin : les clients ne peuvent plus consulter leurs comptes ni payer par carte.",
			main: "Crédit Vellave",
		},
		{
			name: "ar bank app absent from the gazetteer",
			text: "تعطل تطبيق بنك الوادي الأخضر صباح الاثنين، ولم يتمكن العملاء من إجراء التحويلات أو الدفع بالبطاقات لعدة ساعات.",
			main: "بنك الوادي الأخضر",
		},
		{
			name: "en company website absent from the gazetteer",
			text: "Harbourline Ferries' website was down for most of Saturday, leaving passengers unable to book crossings. Harbourline Ferries blamed a server failure.",
			main: "Harbourline Ferries",
		},
		{
			name: "en bank cards: the bank is the service",
			text: "Barclays customers could not pay by card or use the mobile app on Friday after a technical fault. Card payments failed for about three hours, Barclays said.",
			main: "Barclays",
		},
		{
			name: "en secondary absent from the gazetteer",
			text: "A Cloudflare outage on Tuesday took down Reddit, Discord and the Quillmark blogging platform for about an hour. Quillmark was also down, its developers said.",
			main: "Cloudflare", also: []string{"Reddit", "Discord", "Quillmark"},
		},
		{
			name: "en a person named after the company is no secondary",
			text: "Rogers customers lost internet and mobile service for nineteen hours on Friday. The chief executive of Rogers Communications, Dana Whitcombe, offered an apology after the outage.",
			main: "Rogers", notAlso: []string{"Dana Whitcombe"},
		},
		{
			name: "en cities after an affected cue are no secondaries",
			text: "A Verizon outage affecting Denver, Phoenix and Houston left customers without mobile service for five hours on Tuesday. Denver and Phoenix were hit hardest.",
			main: "Verizon", notAlso: []string{"Denver", "Phoenix", "Houston", "Denver, Phoenix"},
		},
		{
			name: "fr a name holding an outage word is no secondary",
			text: "Panne chez Free : le réseau mobile est tombé mardi pendant deux heures, notamment Free Panne Info selon les internautes.",
			main: "Free", notAlso: []string{"Free Panne Info", "Panne Info"},
		},
		{
			name: "en names split at commas",
			text: "The Fastly outage on Tuesday took down Reddit, Quillmark, Harbourline Ferries and Twitch for about an hour.",
			main: "Fastly", also: []string{"Quillmark", "Harbourline Ferries"},
		},
		{
			name: "en a list goes on past a name absent from the gazetteer",
			text: "Jazz, Quorra and Telvane customers could not use mobile data for ten hours on Sunday after a nationwide outage.",
			main: "Jazz", also: []string{"Quorra", "Telvane"},
		},
		{
			name: "fr list items opened by a determiner",
			text: "Les clients du Crédit Mutuel et du Crédit Vellave n'ont pas pu payer par carte samedi à cause d'une panne informatique.",
			main: "Crédit Mutuel", also: []string{"Crédit Vellave"},
		},
		{
			name: "ar list item joined by wa",
			text: "تعطلت تطبيقات بنك مصر ومنصة سنابل الرقمية مساء الخميس لساعتين بسبب عطل في الخوادم.",
			main: "Banque Misr", also: []string{"سنابل الرقمية"},
		},
		{
			name: "en a title before a person's name is no service",
			text: "ERCOT customers were without power for days after the storm. ERCOT President and CEO Dana Whitcombe said every grid operator was fighting to restore power.",
			main: "ERCOT", notAlso: []string{"CEO Dana Whitcombe", "Dana Whitcombe"},
		},
		{
			name: "fr secondaries absent from the gazetteer",
			text: "Une panne chez Akamai a rendu inaccessibles mardi plusieurs sites, notamment Voyagix et Billetterie Horizon, pendant environ une heure. Le site de Voyagix était lui aussi hors service jeudi.",
			main: "Akamai", also: []string{"Voyagix"},
		},
		{
			name: "en a site listed with named ones",
			text: "An outage at Fastly on Monday knocked Reddit, Twitch and Quillmark offline for about 40 minutes, and the CDN blamed a software bug.",
			main: "Fastly", also: []string{"Reddit", "Twitch", "Quillmark"},
		},
		{
			name: "ar platforms listed after a cue",
			text: "تسبب عطل لدى كلاودفلير مساء الثلاثاء في توقف مواقع عدة، من بينها منصة سنابل التعليمية وتطبيق ديسكورد، لنحو ساعة.",
			main: "Cloudflare", also: []string{"Discord", "سنابل التعليمية"},
		},
		{
			name: "en a city is not the service",
			text: "Thousands of Norbridge Power customers in Nairobi spent Sunday night in the dark. Nairobi without power for nine hours after strong winds brought down lines.",
			main: "Norbridge Power",
		},
		{
			name: "fr a city is not the service",
			text: "Des milliers d'abonnés d'Électricité Vallée-Verte à Marseille ont été privés de courant dimanche soir. À Marseille, le courant est revenu lundi matin.",
			main: "Électricité Vallée-Verte",
		},
		{
			name: "en site name and bare name",
			text: "Passengers found the Harbourline Ferries website unavailable on Monday morning for about 45 minutes.",
			main: "Harbourline Ferries",
		},
		{
			name: "en a title names the country cut without an outage word",
			text: "Internet restored in Sierra Leone after cable damage\n\nConnectivity came back on Friday. The outage lasted about 12 hours for most users. Neighbouring Liberia also suffered a severe internet disruption.",
			main: "Internet (Sierra Leone)", also: []string{"Internet (Liberia)"},
		},
		{
			name: "fr operator, not the country's internet",
			text: "Panne géante chez Orange en France : l'internet fixe et mobile de l'opérateur a été coupé pendant quatre heures mercredi, à cause d'un bug logiciel.",
			main: "Orange",
		},
		{
			name: "ar operator, not the country's internet",
			text: "تعطلت خدمات الإنترنت لدى شركة زين في الأردن لمدة خمس ساعات يوم الثلاثاء بسبب عطل فني في الشبكة.",
			main: "Zain",
		},
		{
			name: "en operator, not the country's internet",
			text: "Optus customers across Australia lost internet and mobile service for twelve hours on Wednesday after a network fault at the carrier.",
			main: "Optus",
		},
		{
			name: "fr bank's card payments",
			text: "Les paiements par carte des clients de la Société Générale ont échoué samedi pendant trois heures, et l'application de la banque était inaccessible.",
			main: "Société Générale",
		},
		{
			name: "ar bank's app in the gazetteer",
			text: "تعطل تطبيق الهاتف الخاص ببنك الإمارات دبي الوطني صباح الأحد، ولم يتمكن العملاء من الدفع بالبطاقات لساعتين.",
			main: "Emirates NBD",
		},
		{
			name: "fr a bank's cards are not the card network",
			text: "Depuis samedi matin, les cartes bancaires de la Banque Alpine sont refusées chez les commerçants et l'application mobile de la banque est en panne.",
			main: "Banque Alpine",
		},
		{
			name: "ar company and product named together",
			text: "تسبب عطل في منصة مايكروسوفت أزور السحابية مساء الأربعاء في توقف خدمات مثل تيمز وأوتلوك لنحو ساعتين.",
			main: "Microsoft Azure", also: []string{"Microsoft Teams", "Outlook"},
		},
		{
			name: "en company and product named together",
			text: "A Google Gmail outage on Monday left users unable to send mail for three hours, Google said.",
			main: "Gmail",
		},
		{
			name: "en a known operator named with its unit is filed under both",
			text: "A fibre cut took the Northwestel network down across the territory on Tuesday.\n\nThe outage also hit Bell Mobility customers, whose phones lost service for six hours.",
			main: "", also: []string{"Bell Mobility", "Bell"},
		},
		{
			name: "fr a known name written with its country's adjective is filed under both",
			text: "Caisses bloquées\n\nLes caisses de Carrefour marocain sont restées paralysées mardi pendant quatre heures après une panne informatique, a indiqué Carrefour marocain.",
			main: "Carrefour marocain", also: []string{"Carrefour"},
		},
		{
			name: "fr other countries said to be hit by the same cut",
			text: "Internet coupé au Bénin\n\nL'accès à internet était quasi nul jeudi au Bénin après l'avarie de plusieurs câbles sous-marins. Le Niger et le Burkina Faso ont également été touchés, selon un observatoire du réseau.",
			main: "Internet (Benin)", also: []string{"Internet (Niger)", "Internet (Burkina Faso)"},
		},
		{
			name: "en other countries said to be affected too",
			text: "Internet access collapsed across Ghana on Thursday after damage to two undersea cables. Togo and Benin were also affected, monitors said.",
			main: "Internet (Ghana)", also: []string{"Internet (Togo)", "Internet (Benin)"},
		},
		{
			name: "en other countries said to be badly affected",
			text: "Internet access collapsed across Ghana on Thursday after damage to two undersea cables. Togo and Benin were also badly affected, monitors said.",
			main: "Internet (Ghana)", also: []string{"Internet (Togo)", "Internet (Benin)"},
		},
		{
			name: "fr other countries said to suffer disruptions too",
			text: "Internet coupé au Bénin\n\nL'accès à internet était quasi nul jeudi au Bénin après l'avarie de plusieurs câbles sous-marins. Le Niger et le Togo subissent également des perturbations, selon un observatoire du réseau.",
			main: "Internet (Benin)", also: []string{"Internet (Niger)", "Internet (Togo)"},
		},
		{
			name: "en an operator suffering the same problems is hit too",
			text: "The mobile network of Telma failed for three hours on Tuesday in Antananarivo. Orange Madagascar also suffered similar problems in some districts.",
			main: "Telma", also: []string{"Orange Madagascar"},
		},
		{
			name: "fr an operator said to be heavily hit too",
			text: "Le réseau mobile de Telma est tombé en panne mardi à Antananarivo pendant trois heures. Orange Madagascar a également été fortement touché dans certains quartiers.",
			main: "Telma", also: []string{"Orange Madagascar"},
		},
		{
			name: "en customers of an unknown app could not log in",
			text: "An Amazon Web Services outage on Tuesday lasted three hours. Snapchat failed to load, and customers of Zorblo could not log in to order meals.",
			main: "Amazon Web Services", also: []string{"Snapchat", "Zorblo"},
		},
		{
			name: "en an unknown app's users said it would not load",
			text: "An Amazon Web Services outage on Tuesday lasted three hours. Snapchat failed to load, and Zorblo users said their orders would not load.",
			main: "Amazon Web Services", also: []string{"Snapchat", "Zorblo"},
		},
		{
			name: "fr subscribers of an unknown service lost it",
			text: "Une panne d'Amazon Web Services a duré trois heures mardi. Snapchat ne répondait plus, et les abonnés de Zorblo ne pouvaient plus commander leurs repas.",
			main: "Amazon Web Services", also: []string{"Snapchat", "Zorblo"},
		},
		{
			name: "en other countries hit by the cut reported first, with a bank cut elsewhere",
			text: "Internet access collapsed across Ghana on Thursday after damage to two undersea cables. In Nigeria, the disruption took banking apps offline. Togo and Benin were also affected, monitors said.",
			main: "Internet (Ghana)", also: []string{"Internet (Togo)", "Internet (Benin)"},
		},
		{
			name: "ar a Latin-script name listed with a known one",
			text: "تعطل خدمات أمازون ويب سيرفيسز لثلاث ساعات يوم الثلاثاء، وتوقفت تطبيقات سناب شات و Zorblo عن العمل لدى آلاف المستخدمين.",
			main: "Amazon Web Services", also: []string{"Snapchat", "Zorblo"},
		},
		{
			name: "ar a service's name between quotes, a common word without them",
			text: "إظلام تام في السودان\n\nتوقفت شبكة زين السودان في الخرطوم مساء أمس بعد انقطاع الكهرباء، كما انقطعت خدمة \"سوداني\" للإنترنت المنزلي لساعات.",
			main: "", also: []string{"Zain Sudan", "Sudani"},
		},
		{
			name: "ar the common word unquoted is no service",
			text: "توقفت شبكة زين السودان في الخرطوم مساء أمس لساعات، وقال مواطن سوداني إن الاتصالات انقطعت تماما.",
			main: "Zain Sudan", notAlso: []string{"Sudani"},
		},
		{
			name: "en a retailer's payments were failing",
			text: "Shoppers could not pay by card on Friday evening after payment processor Worldpay suffered a technical failure lasting two hours. Sainsbury's said card payments were failing at some of its stores.",
			main: "Worldpay", also: []string{"Sainsbury's"},
		},
		{
			name: "fr des relais se sont éteints",
			text: "Le courant a été coupé samedi pendant quatre heures dans tout le nord de l'île, selon EDF Réunion. Privés d'alimentation, de nombreux relais de SFR Réunion se sont éteints.",
			main: "EDF Réunion", also: []string{"SFR"},
		},
		{
			name: "en an unknown service down too, as did",
			text: "An Amazon Web Services outage on Tuesday lasted three hours. Snapchat stopped working, as did Zorblo for most users.",
			main: "Amazon Web Services", also: []string{"Snapchat", "Zorblo"},
		},
		{
			name: "en the app of an unknown service could not be reached too",
			text: "An Amazon Web Services outage on Tuesday lasted three hours. Many people could not log in to the app of Zorblo during the outage.",
			main: "Amazon Web Services", also: []string{"Zorblo"},
		},
		{
			name: "en a customer falling back on pen and paper was hit",
			text: "A ransomware attack on CDK Global took its dealership software offline for three days. Zorblo Motors said its dealerships were writing deals with pen and paper.",
			main: "CDK Global", also: []string{"Zorblo Motors"},
		},
		{
			name: "fr des guichets qui enregistrent à la main",
			text: "Une panne informatique a paralysé mardi le système d'enregistrement fourni par SITA pendant deux heures. Chez Zorblo Air, les cartes d'embarquement étaient rédigées à la main.",
			main: "SITA", also: []string{"Zorblo Air"},
		},
		{
			name: "en payments declined name the apps hit",
			text: "The UPI payment network failed for two hours on Tuesday evening. Users of PhonePe and Paytm said their transfers were declined.",
			main: "UPI", also: []string{"PhonePe", "Paytm"},
		},
		{
			name: "fr an operator reporting similar difficulties is hit too",
			text: "Le réseau mobile de Telma est tombé en panne mardi à Antananarivo pendant trois heures. Orange Madagascar a fait état de difficultés similaires dans certains quartiers.",
			main: "Telma", also: []string{"Orange Madagascar"},
		},
		{
			name: "ar where a platform posted and its adjectives are no names",
			text: "توقفت منصة «بانوراما» عن العمل ساعة كاملة مساء أمس، وأوضحت المنصة عبر حسابها الرسمي أن الضغط كان كبيرا على الموقع الرسمي للحجز.",
			main: "", notAlso: []string{"عبر حسابها الرسمي", "الرسمي للحجز"},
		},
		{
			name: "en a public service named with its number",
			text: "Helpline down after cyberattack\n\nThe NHS 111 phone line was down for most of Monday after a ransomware attack on a software supplier, officials said.",
			main: "NHS 111",
		},
		{
			name: "en a possessive name is an alias",
			text: "Bakeries shut their tills\n\nThe tills of Farrow's bakeries were down for three hours on Saturday after a faulty update, and Farrow's staff turned customers away.",
			main: "Farrow's",
		},
		{
			name: "fr a name with its article is an alias",
			text: "Un quotidien hors ligne\n\nLe site du quotidien L'Écho du Lac est resté inaccessible mardi pendant cinq heures à cause d'une panne chez son hébergeur.",
			main: "L'Écho du Lac",
		},
		{
			name: "en a title-case title lends no variant",
			text: "Telus Down For Hours\n\nTelus customers lost mobile service for three hours on Friday after a network fault.",
			main: "Telus", notAlso: []string{"Telus Down"},
		},
		{
			name: "en possessive app name",
			text: "Kestrel Bank's app crashed on Monday morning, and customers could not make payments for about two hours.",
			main: "Kestrel Bank",
		},
		{
			name: "en the name app",
			text: "The Kestrel Bank app was down for three hours on Friday evening, leaving customers unable to check balances.",
			main: "Kestrel Bank",
		},
		{
			name: "fr site of a company with a determiner",
			text: "Le site de la Caisse Mutuelle du Verdon est inaccessible depuis mardi matin à cause d'une panne informatique.",
			main: "Caisse Mutuelle du Verdon",
		},
		{
			name: "ar the bank's app with the article",
			text: "تعطل تطبيق البنك الوطني للتنمية مساء الأحد لثلاث ساعات، وفق بيان البنك.",
			main: "البنك الوطني للتنمية",
		},
		{
			name: "fr company absent from the gazetteer, with its app",
			text: "L'application de Transports Lumière est en panne depuis ce matin : impossible d'acheter un billet pendant plusieurs heures.",
			main: "Transports Lumière",
		},
		{
			name: "ar company absent from the gazetteer, with its app",
			text: "توقف تطبيق شركة النقل السريع عن العمل مساء الاثنين لثلاث ساعات بسبب عطل في الخوادم.",
			main: "النقل السريع",
		},
		{
			name: "fr a capitalised month after de is part of the name",
			text: "Le site de billetterie de la Fête de Juin est resté inaccessible samedi pendant trois heures, victime d'un afflux de connexions.",
			main: "Fête de Juin",
		},
		{
			name: "fr a lower-case month is a date",
			text: "La Coopérative Vellave a subi une panne de son site le 3 juin pendant deux heures.",
			main: "Coopérative Vellave",
		},
		{
			name: "fr generic government portal",
			text: "Le portail des démarches administratives est resté inaccessible toute la journée de lundi, empêchant les usagers de déposer leurs dossiers.",
			main: "",
		},
		{
			name: "ar gazetteer name with attached preposition",
			text: "انقطعت خدمة الإنترنت الخاصة بفودافون مصر مساء الاثنين لمدة أربع ساعات بسبب عطل فني.",
			main: "Vodafone",
		},
		{
			name: "ar gazetteer names joined by wa",
			text: "تعطلت تطبيقات البنك الأهلي المصري وبنك مصر مساء الخميس لساعتين، وتأثرت كذلك خدمة إنستاباي.",
			main: "National Bank of Egypt", also: []string{"Banque Misr", "InstaPay"},
		},
		{
			name: "ar name after attached preposition",
			text: "أعلنت شركة زين عن عطل فني أصاب خدمات الإنترنت لمشتركيها في الكويت لمدة ثلاث ساعات يوم الأحد.",
			main: "Zain",
		},
		{
			name: "fr a storm's name is not a service",
			text: "Tempête Ciarán : 500 000 foyers toujours privés d'électricité dans l'Ouest dimanche, selon le gestionnaire du réseau.",
			main: "Power grid", notAlso: []string{"Ciarán", "Tempête Ciarán"},
		},
		{
			name: "en a hurricane's name is not a service",
			text: "Hurricane Delphine left 300,000 homes without power across the coast on Sunday, and crews expect to reconnect most by Wednesday.",
			main: "Power grid", notAlso: []string{"Delphine", "Hurricane Delphine"},
		},
		{
			name: "en services said to be among those affected",
			text: "Cloudflare suffered a two-hour outage on Tuesday after a faulty configuration change. Shopify and Discord were among the services affected, the company said.",
			main: "Cloudflare", also: []string{"Shopify", "Discord"},
		},
		{
			name: "fr collateral victims showing error pages",
			text: "Une panne chez Akamai a rendu des dizaines de sites inaccessibles mardi matin. Parmi les victimes collatérales, Shopify et la SNCF ont affiché des messages d'erreur pendant une heure.",
			main: "Akamai", also: []string{"Shopify", "SNCF"},
		},
		{
			name: "ar operators hit named after the verb",
			text: "انقطعت خدمة الإنترنت في ليبيا يوم الأحد بسبب قطع في كابل بحري. وتأثرت خدمات الشركتين ليبيانا والمدار الجديد اللتين تعتمدان على الكابل.",
			main: "Internet (Libya)", also: []string{"Libyana", "Almadar"},
		},
		{
			name: "fr a company absent from the gazetteer said to be hit too",
			text: "Le réseau de SFR est tombé en panne jeudi dans tout le pays pendant trois heures. Les caisses du distributeur Bricomarché ont elles aussi été touchées, selon l'enseigne.",
			main: "SFR", also: []string{"Bricomarché"},
		},
		{
			name: "en a name opening a sentence with a verb of failure",
			text: "Telstra outage\n\nTelstra's mobile network went down across Victoria on Monday for four hours. Quillpay also went down, according to its status page. Harbourline Ferries stopped working for part of the afternoon.",
			main: "Telstra", also: []string{"Quillpay", "Harbourline Ferries"},
		},
		{
			name: "fr a name opening a sentence with a verb of failure",
			text: "Panne chez Bouygues Telecom\n\nLe réseau de Bouygues Telecom est tombé en panne mardi pendant trois heures. Voyagix est lui aussi tombé en panne. Billetterie Horizon a cessé de fonctionner une partie de l'après-midi.",
			main: "Bouygues Telecom", also: []string{"Voyagix", "Billetterie Horizon"},
		},
		{
			name: "en a name opening a sentence before a noun of outage is no service",
			text: "Telstra's mobile network went down across Victoria on Monday for four hours. Previous outages hit the network in 2023.",
			main: "Telstra", notAlso: []string{"Previous"},
		},
		{
			name: "en a company says its own systems failed",
			text: "Kenya Power's grid collapsed on Friday night, leaving most of the country in the dark for six hours. Athi Water said its pumping stations had lost power.",
			main: "Kenya Power", also: []string{"Athi Water"},
		},
		{
			name: "fr users who could not pay name a service down",
			text: "Le réseau de SFR est tombé en panne jeudi pendant trois heures. Les clients de Crédit Vellave ne pouvaient plus payer par carte.",
			main: "SFR", also: []string{"Crédit Vellave"},
		},
		{
			name: "en a verb no outage word names the service down",
			text: "Vodacom's network went down on Tuesday for five hours. Online shops that depend on Vodacom stalled, and FNB's payment terminals froze.",
			main: "Vodacom", also: []string{"FNB"},
		},
		{
			name: "fr a negated verb names no service down",
			text: "Le réseau de Bouygues Telecom est tombé en panne mardi pendant trois heures. Les clients de SFR et d'Orange n'ont pas été affectés.",
			main: "Bouygues Telecom", notAlso: []string{"SFR", "Orange"},
		},
		{
			name: "fr an item of a list said hit far from the cue",
			text: "Une panne chez Akamai a rendu des sites inaccessibles mardi pendant une heure. Parmi les sites touchés figuraient ceux de la Commonwealth Bank, de Delta Air Lines et de British Airways.",
			main: "Akamai", also: []string{"Delta", "British Airways"},
		},
		{
			name:    "fr an institution opening its sentence",
			text:    "Une coupure d'électricité a plongé Rennes dans le noir mardi pendant quatre heures. Au CHU Vallée-Verte, le standard téléphonique est resté muet toute la matinée.",
			notAlso: []string{"Rennes"}, also: []string{"CHU Vallée-Verte"},
		},
		{
			name: "en a place after a locative is no service",
			text: "Ausgrid's network failed on Sunday, leaving homes without power for five hours. Residents in Brackenfield and Quillmark Harbour waited in the dark; Brackenfield was hit hardest.",
			main: "Ausgrid", notAlso: []string{"Brackenfield", "Quillmark Harbour"},
		},
		{
			name:    "fr a source is no service down",
			text:    "L'internet mobile a été coupé en Guinée mardi pendant six heures. Selon l'observatoire Netwatcher, la connectivité a chuté de moitié.",
			notAlso: []string{"Netwatcher"},
		},
		{
			name: "en a company's national branch is one name",
			text: "Internet access collapsed across Tunisia on Monday for three hours after a cable cut. Online services of Ooredoo Tunisie stalled, as did those of Aziza Tunisie, whose tills went down.",
			also: []string{"Aziza Tunisie"}, notAlso: []string{"Aziza"},
		},
		{
			name: "en a number inside a name",
			text: "CDK Global's dealer software went down on Wednesday after a ransomware attack. Group 1 Automotive said its systems were unavailable.",
			main: "CDK Global", also: []string{"Group 1 Automotive"},
		},
		{
			name: "ar a Latin-script name of an English-only service",
			text: "تعطلت خدمات مايكروسوفت أزور مساء الأربعاء لساعتين. وأبلغ عملاء شركة الطيران \"Alaska Airlines\" عن تعطل موقعها الإلكتروني.",
			also: []string{"Alaska Airlines"},
		},
		{
			name: "en countries an outage also hit",
			text: "Internet cut in Tanzania\n\nInternet access collapsed across Tanzania on Sunday for eight hours after a subsea cable was cut. The disruption also hit Mozambique, Malawi and Madagascar.",
			main: "Internet (Tanzania)", also: []string{"Internet (Mozambique)", "Internet (Malawi)", "Internet (Madagascar)"},
		},
		{
			name: "en staff of a company named before them",
			text: "Change Healthcare outage\n\nChange Healthcare's systems went down on Wednesday after a ransomware attack. Pillbox pharmacists reported filling prescriptions manually. Several merchants could not take cards.",
			main: "Change Healthcare", also: []string{"Pillbox"}, notAlso: []string{"Several"},
		},
		{
			name: "en a number closing a name",
			text: "Advanced hit by ransomware\n\nA ransomware attack on Advanced took its Adastra software offline on Thursday. NHS 111 and several mental health trusts were affected, and Metro Line 1, which relies on it, was also suspended.",
			also: []string{"NHS 111", "Metro Line 1"},
		},
		{
			name: "en lower-case and generic words inside a name",
			text: "Vodacom outage\n\nVodacom's network went down on Tuesday for five hours. Shoppers at Pick n Pay could not pay by card, and Banque Nationale's app stopped working.",
			main: "Vodacom", also: []string{"Pick n Pay", "Banque Nationale"},
		},
		{
			name: "en an authority and a minister are no services",
			text: "Kenya Power blackout\n\nKenya Power's grid collapsed on Friday night for six hours. The Kenya Airports Authority said a backup generator failed, and Energy Minister Davis Chirchir apologised.",
			main: "Kenya Power", notAlso: []string{"Kenya Airports Authority", "Energy Minister", "Energy"},
		},
		{
			name: "en a title's list with a known service and a bare participle",
			text: "Nationwide blackout hits Kenya; Safaricom and Quillpay affected\n\nA nationwide power outage left homes in Kenya without power on Friday evening for six hours after a fault on a transmission line.",
			also: []string{"Safaricom", "Quillpay"},
		},
		{
			name: "fr an institution written in lower case before its place",
			text: "Panne chez Swisscom\n\nLe réseau de Swisscom est tombé en panne vendredi pendant cinq heures. L'aéroport de Zurich a dû suspendre les atterrissages.",
			also: []string{"aéroport de Zurich"},
		},
		{
			name: "ar an institution named with its place",
			text: "انهيار منظومة الكهرباء في البصرة\n\nانقطعت الكهرباء عن محافظة البصرة مساء الأحد لمدة ست ساعات بسبب عطل في محطة تحويل. وفي مستشفى البصرة التعليمي، توقفت أجهزة التبريد لساعات.",
			also: []string{"مستشفى البصرة التعليمي"},
		},
		{
			name: "fr a known service that also did what the report tells",
			text: "Panne chez Bouygues Telecom\n\nLe réseau de Bouygues Telecom est tombé en panne mardi pendant trois heures. Free a également fait état de difficultés chez ses abonnés. SFR a précisé que son réseau n'était pas touché.",
			main: "Bouygues Telecom", also: []string{"Free"}, notAlso: []string{"SFR"},
		},
		{
			name: "en a statement made also is no outage",
			text: "Outlook outage\n\nOutlook went down on Monday for five hours. Microsoft also said a fix was being deployed.",
			main: "Outlook", notAlso: []string{"Microsoft"},
		},
		{
			name: "fr a list of names after a noun of services and a cue of examples",
			text: "Panne chez Fastly\n\nUne panne de Fastly a rendu inaccessibles mardi pendant une heure plusieurs sites, dont Le Monde, le Courrier Vallée et The Guardian.",
			main: "Fastly", also: []string{"Le Monde", "Courrier Vallée", "The Guardian"},
		},
		{
			name: "en cities listed after such as are no services",
			text: "Verizon outage\n\nVerizon's network went down on Tuesday for five hours in cities such as Brackenfield, Quillmark Harbour and Norbury.",
			main: "Verizon", notAlso: []string{"Brackenfield", "Quillmark Harbour", "Norbury"},
		},
		{
			name: "fr an institution with an adjective, fronted with its acronym",
			text: "Panne chez Swisscom\n\nLe réseau de Swisscom est tombé en panne vendredi pendant cinq heures. À l'aéroport international de Zurich (ZRH), tous les vols ont été suspendus. Le métro léger de Lausanne, exploité par les TL, s'est arrêté net.",
			also: []string{"aéroport international de Zurich", "métro léger de Lausanne"},
		},
		{
			name: "en a company halting its own service",
			text: "Optus outage\n\nOptus's network went down across Australia on Wednesday for twelve hours. Metro Trains Melbourne halted its entire network for an hour.",
			main: "Optus", also: []string{"Metro Trains Melbourne"},
		},
		{
			name: "fr an outage word or a technical term is no name",
			text: "Attaque DDoS : impots.gouv.fr inaccessible\n\nLe site impots.gouv.fr a été inaccessible lundi pendant trois heures, victime d'une attaque par déni de service. Black-out chez Orange aussi, selon Downdetector.",
			main: "impots.gouv.fr", notAlso: []string{"Attaque DDoS", "Black-out"},
		},
		{
			name: "en a name right after \"as did\" in a sentence saying something went down",
			text: "Jio outage\n\nJio's network went down across India on Tuesday for four hours. Online services that depend on Jio stalled, as did Quillpay.",
			main: "Jio", also: []string{"Quillpay"},
		},
		{
			name: "en a company says its own plants stopped",
			text: "Kenya Power blackout\n\nKenya Power's grid collapsed on Friday night, leaving most of the country in the dark for six hours. Athi Water said its pumping stations had stopped.",
			main: "Kenya Power", also: []string{"Athi Water"},
		},
		{
			name: "en a cable cut cuts the internet of the countries it names",
			text: "SEACOM cable cut\n\nA cut on the SEACOM subsea cable on Sunday disrupted internet access in Kenya, Uganda and Tanzania for about eight hours.",
			also: []string{"Internet (Kenya)", "Internet (Uganda)", "Internet (Tanzania)"},
		},
		{
			name: "ar quoted names of users and of lists",
			text: "عطل في شبكة موبايلي\n\nتعطلت شبكة موبايلي في السعودية مساء الأحد لمدة أربع ساعات. كما اشتكى مشتركو «ليبارتو» من انقطاع مماثل، وتأثرت خدمات «نجمة» و«سحابة» أيضا. وقال أحد المستخدمين إن الخدمة «متوقفة تماما».",
			also: []string{"ليبارتو", "نجمة", "سحابة"}, notAlso: []string{"متوقفة تماما"},
		},
		{
			name: "en a network said not to be affected is no outage",
			text: "Vodafone's mobile network went down across Ireland on Friday for three hours. Customers of Libyana roaming there were not affected, the regulator said.",
			main: "Vodafone", notAlso: []string{"Libyana"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2026-03-13"}
			ex := c.Classify(a)
			var got []string
			names := map[string]bool{}
			for _, o := range a.Outages {
				got = append(got, o.Service)
				names[strings.ToLower(o.Service)] = true
				for _, al := range o.Aliases {
					names[strings.ToLower(al)] = true
				}
			}
			var sb strings.Builder
			ex.WriteText(&sb)
			alias := !tt.exact && len(a.Outages) > 0 && slices.ContainsFunc(a.Outages[0].Aliases, func(s string) bool { return strings.EqualFold(s, tt.main) })
			if len(a.Outages) == 0 || tt.main != "" && !strings.EqualFold(a.Outages[0].Service, tt.main) && !alias {
				t.Errorf("services %q, want %q first\n%s", got, tt.main, sb.String())
			}
			for _, s := range tt.also {
				if !names[strings.ToLower(s)] {
					t.Errorf("services %q, want %q among them", got, s)
				}
			}
			for _, s := range tt.notAlso {
				if names[strings.ToLower(s)] {
					t.Errorf("services %q, want no %q", got, s)
				}
			}
			if tt.single && len(a.Outages) != 1 {
				t.Errorf("services %q, want one outage", got)
			}
		})
	}
}
