package classify

import (
	"slices"
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
		kind                  string   // checked when set
		duration              int      // minutes, 0 for none
		secondaries           []string // the other outages' services, in order
	}{
		{name: "spanish app outage, yesterday, with length", published: "2025-04-09",
			text:   "Caída mundial de WhatsApp: millones de usuarios sin servicio\n\nLa aplicación de mensajería sufrió ayer una caída que dejó sin servicio a usuarios de varios países durante 3 horas, según los datos de los portales de incidencias. La empresa no explicó el motivo del fallo técnico.",
			outage: true, service: "WhatsApp", start: "2025-04-08", cause: "unknown", duration: 180},
		{name: "spanish blackout from a transmission line", published: "2024-03-06",
			text:   "Apagón en el norte de Chile\n\nUn apagón dejó sin luz a varias regiones del norte de Chile el martes durante cuatro horas. El operador explicó que la desconexión de una línea de transmisión provocó la caída del sistema.",
			outage: true, service: "Power grid (Chile)", start: "2024-03-05", cause: "hardware_failure", duration: 240},
		{name: "italian bank app down from a software bug", published: "2025-02-12",
			text:   "App di UniCredit in tilt per ore\n\nL'app di UniCredit è rimasta fuori servizio ieri per tre ore in tutta Italia. La banca ha spiegato che il disservizio è stato causato da un errore nel software dei server.",
			outage: true, service: "UniCredit", start: "2025-02-11", cause: "software_bug", duration: 180},
		{name: "turkish platform throttled by the authority's decision", published: "2023-02-07",
			text:   "Twitter'a erişim sorunu\n\nTwitter'a erişim dün Türkiye genelinde saatlerce yavaşlatıldı. Erişim engeli Bilgi Teknolojileri ve İletişim Kurumu kararıyla uygulandı.",
			outage: true, service: "Twitter", start: "2023-02-06", cause: "government"},
		{name: "german app overloaded, a word both an outage and its cause", published: "2025-05-12",
			text:   "Ansturm auf Sparpreise: DB Navigator überlastet\n\nZum Start der Aktion war die App DB Navigator am Montagmorgen über Stunden überlastet, weil Zehntausende gleichzeitig Tickets kaufen wollten.",
			outage: true, service: "DB Navigator", start: "2025-05-12", cause: "overload"},
		{name: "polish storm cut, two sentences in the title", published: "2025-07-05",
			text:   "Burze na Mazowszu. Tysiące odbiorców bez prądu\n\nGwałtowne burze, które przeszły w nocy z piątku na sobotę, zerwały linie energetyczne w kilkudziesięciu gminach.",
			outage: true, service: "Power grid (Poland)", start: "2025-07-04", cause: "weather_disaster"},
		{name: "german power cut, length from two times of day", published: "2024-05-22",
			text:   "Stromausfall in Köpenick\n\nIn Berlin-Köpenick fiel am Dienstag der Strom aus: zwischen 10.15 Uhr und 16.40 Uhr waren 30.000 Haushalte ohne Strom, teilte der Netzbetreiber mit.",
			outage: true, service: "Power grid (Germany)", start: "2024-05-21", cause: "unknown", duration: 385},
		{name: "persian outage, length in persian digits", published: "2025-06-18",
			text:   "اختلال گسترده در اینترنت همراه\n\nاینترنت همراه امروز برای حدود ۴۵ دقیقه در چند شهر قطع شد و اپراتور هنوز دلیل آن را اعلام نکرده است.",
			outage: true, service: "Mobile networks", start: "2025-06-18", cause: "unknown", duration: 45},
		{name: "spanish outage dated by day and month, no publication date", published: "",
			text:   "Caída de la red de Movistar en Madrid\n\nLos clientes de Movistar en Madrid se quedaron sin servicio el pasado viernes 15 de diciembre durante cuatro horas, según la operadora.",
			outage: true, service: "Movistar", start: "XXXX-12-15", cause: "unknown", duration: 240},
		{name: "turkish block dated by day and month", published: "2024-08-10",
			text:   "Instagram'a erişim engeli sürüyor\n\nInstagram'a 2 Ağustos'tan bu yana Türkiye'den erişilemiyor; erişim engeli mahkeme kararı ile uygulandı.",
			outage: true, service: "Instagram", start: "2024-08-02", cause: "government"},
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
		{name: "russian with a single outage word, not in the title", published: "2025-08-12",
			text:   "Telegram обновил приложение\n\nВ новой версии появились истории. Пользователи сообщили, что сервис Telegram был недоступен несколько часов.",
			outage: false},
		{name: "russian title reporting the outage with one outage word", published: "2025-08-12",
			text:   "Сервис Telegram был недоступен несколько часов, сообщили пользователи.",
			outage: true, service: "Telegram", cause: "unknown"},
		{name: "italian service blocked, then working again", published: "2023-04-28",
			text:   "ChatGPT torna a funzionare in Italia\n\nDopo un mese di blocco deciso dal Garante, il servizio ChatGPT è di nuovo accessibile.",
			outage: true, service: "ChatGPT", cause: "unknown"},
		{name: "italian website named after its generic word", published: "2020-04-01",
			text:   "Il sito dell'Inps va in tilt\n\nIl sito dell'Inps è rimasto inaccessibile per ore oggi per le troppe richieste.",
			outage: true, service: "Inps", start: "2020-04-01", cause: "overload"},
		{name: "portuguese compensation rules are no report", published: "2024-02-10",
			text:   "Falhas de luz: quando tem direito a compensação\n\nUma interrupção no fornecimento de energia pode dar direito a compensação. Saiba como pedir.",
			outage: false},
		// Languages read since foreign.tsv grew: a report in each.
		{name: "polish bank app, yesterday, length in words", published: "2025-06-12",
			text:   "Awaria w mBanku: klienci bez dostępu do konta\n\nAplikacja mobilna mBanku nie działała wczoraj przez dwie godziny. Klienci nie mogli zalogować się ani wykonać przelewu, a awaria dotknęła też płatności BLIK.",
			outage: true, service: "mBank", start: "2025-06-11", cause: "unknown", duration: 120},
		{name: "romanian power cut, weekday, city names the country", published: "2025-10-15",
			text:   "Pană de curent în Iași după furtună\n\nMarți seara, mii de locuințe din Iași au rămas fără curent după o furtună puternică. Pana de curent a durat 3 ore, a anunțat distribuitorul.",
			outage: true, service: "Power grid (Romania)", start: "2025-10-14", cause: "weather_disaster", duration: 180},
		{name: "russian operator, the cause it names denied", published: "2025-03-06",
			text:   "Абоненты «Билайна» остались без связи\n\nСегодня абоненты «Билайна» в Казани остались без связи: сбой продолжался около двух часов. В компании опровергли, что причиной стала кибератака.",
			outage: true, service: "Beeline", start: "2025-03-06", cause: "unknown", duration: 120},
		{name: "ukrainian power cut, transformer, three hours", published: "2025-11-20",
			text:   "Частина Львова без світла\n\nУчора ввечері частина Львова залишилася без світла через пошкодження трансформатора. Відключення тривало три години, повідомили енергетики.",
			outage: true, service: "Power grid (Ukraine)", start: "2025-11-19", cause: "hardware_failure", duration: 180},
		{name: "indonesian operator, yesterday, hours in words", published: "2025-07-02",
			text:   "Gangguan jaringan Indosat di Surabaya\n\nPelanggan Indosat di Surabaya kemarin tidak bisa mengakses internet selama tiga jam. Gangguan itu disebabkan kerusakan kabel serat optik, kata perusahaan.",
			outage: true, service: "Indosat", start: "2025-07-01", cause: "cable_cut", duration: 180},
		{name: "swahili operator, unit before its number", published: "2025-05-21",
			text:   "Huduma za Tigo zakatika\n\nWateja wa Tigo jijini Mwanza walikosa huduma jana baada ya mtandao kukatika kwa saa nne. Kampuni ilisema hitilafu hiyo imerekebishwa.",
			outage: true, service: "Tigo", start: "2025-05-20", cause: "unknown", duration: 240},
		{name: "german grid operator stands for the grid", published: "2025-02-03",
			text:   "Stromausfall in Berlin-Mitte\n\nEin Stromausfall hat heute Tausende Haushalte in Berlin-Mitte getroffen. Stromnetz Berlin meldete den Ausfall gegen 8 Uhr, nach zwei Stunden war der Strom zurück.",
			outage: true, service: "Power grid (Germany)", start: "2025-02-03", cause: "unknown", duration: 120},
		{name: "italian host down for a power cut", published: "2025-04-08",
			text:   "Aruba, siti irraggiungibili per un guasto\n\nOggi migliaia di siti ospitati da Aruba sono rimasti irraggiungibili: un'interruzione di corrente nel data center ha spento i server per un'ora.",
			outage: true, service: "Aruba", kind: "cloud", start: "2025-04-08", cause: "power", duration: 60},
		{name: "hindi payment network, today, length in words", published: "2025-09-09",
			text:   "यूपीआई सेवा ठप, लाखों लोग भुगतान नहीं कर पाए\n\nआज सुबह देश भर में यूपीआई सेवा करीब दो घंटे तक ठप रही। फोनपे और पेटीएम के उपयोगकर्ता भुगतान नहीं कर सके।",
			outage: true, service: "UPI", start: "2025-09-09", cause: "unknown", duration: 120, secondaries: []string{"PhonePe", "Paytm"}},
		{name: "dutch clock time is not a length", published: "2025-03-12",
			text:   "Storing bij Odido: klanten niet bereikbaar\n\nDe storing bij Odido begon vandaag om tien uur en duurde twee uur, meldt de provider. Klanten konden niet bellen.",
			outage: true, service: "Odido", start: "2025-03-12", cause: "unknown", duration: 120},
		// Other services down with the subject: named where an outage
		// word is, never where a cause phrase is (there they caused it).
		{name: "spanish operator and its low-cost brand", published: "2025-05-14",
			text:   "Caída de Movistar en toda España\n\nUna caída dejó ayer sin fibra ni móvil a miles de clientes de Movistar durante dos horas. También sufrieron la caída los clientes de O2, que usa la misma red.",
			outage: true, service: "Movistar", start: "2025-05-13", cause: "unknown", duration: 120, secondaries: []string{"O2"}},
		{name: "dutch operator down, the other one working", published: "2025-02-20",
			text:   "Storing bij KPN\n\nKlanten van KPN konden vandaag urenlang niet bellen door een storing. De storing raakte ook Ziggo, meldt de provider, die de storing na drie uur verhielp.",
			outage: true, service: "KPN", start: "2025-02-20", cause: "unknown", duration: 180, secondaries: []string{"Ziggo"}},
		{name: "portuguese blackout reaching the neighbour", published: "2025-04-29",
			text:   "Apagão deixa Portugal às escuras\n\nUm apagão geral deixou ontem Portugal sem luz durante dez horas. O apagão atingiu também Espanha, onde o metro parou.",
			outage: true, service: "Power grid (Portugal)", start: "2025-04-28", cause: "unknown", duration: 600, secondaries: []string{"Power grid (Spain)"}},
		{name: "italian sites listed the sentence after the outage word", published: "2021-06-08",
			text:   "Fastly, il guasto che ha spento il web\n\nPer circa un'ora, oggi, migliaia di siti hanno mostrato un errore 503: servizio non disponibile. Tra questi Reddit e Twitch.\n\nFastly è una società californiana di CDN. Più tardi ha spiegato l'accaduto ai clienti.",
			outage: true, service: "Fastly", start: "2021-06-08", cause: "unknown", duration: 60, secondaries: []string{"Reddit", "Twitch"}},
		{name: "german airline down, the vendor named in the cause sentence", published: "2024-07-19",
			text:   "IT-Störung bei Lufthansa\n\nEine weltweite IT-Störung hat am Freitag auch Lufthansa getroffen. Die Störung wurde durch ein fehlerhaftes Update von CrowdStrike verursacht, Flüge fielen aus.",
			outage: true, service: "Lufthansa", start: "2024-07-19", cause: "software_change"},
		// Hard negatives: the words of an outage, not a report.
		{name: "german what-if of a blackout", published: "2025-03-12",
			text:   "Was passiert bei einem Stromausfall?\n\nBei einem großflächigen Stromausfall in Berlin müsste Stromnetz Berlin zuerst die Krankenhäuser versorgen. Im Falle eines Blackouts fallen nach einer Stunde viele Handynetze aus, warnen Experten.",
			outage: false},
		{name: "spanish statistics against the year before", published: "2025-03-12",
			text:   "Menos caídas de la red móvil en 2024\n\nLas operadoras registraron un 15% menos de caídas de la red móvil respecto al año anterior, y las interrupciones de más de una hora bajaron a 40, según la CNMC.",
			outage: false},
		{name: "hindi cut that will happen on sunday", published: "2025-09-09",
			text:   "रविवार को कई इलाकों में बिजली कटौती\n\nबिजली विभाग ने बताया कि रविवार को सुबह दस बजे से इन इलाकों में बत्ती गुल रहेगी। बिजली कटौती चार घंटे की होगी।",
			outage: false},
		{name: "polish cut announced for tomorrow", published: "2025-06-12",
			text:   "Jutro bez prądu na Mokotowie\n\nJutro mieszkańcy kilku ulic Mokotowa będą bez prądu od 8 do 14. Energetycy zapowiadają przerwę w dostawie prądu z powodu wymiany kabli.",
			outage: false},
		{name: "romanian car broke down", published: "2025-06-12",
			text:   "Autobuz rămas în pană pe DN1\n\nUn autobuz cu 40 de pasageri a rămas în pană pe DN1, iar circulația a fost blocată. Defecțiune la motor, spun polițiștii, traficul a fost deviat.",
			outage: false},
		{name: "indonesian sleep disorder", published: "2025-06-12",
			text:   "Gangguan tidur dan gangguan kecemasan pada remaja\n\nGangguan tidur sering dialami remaja yang bermain ponsel hingga larut malam, kata psikolog. Gangguan kecemasan juga meningkat.",
			outage: false},
		{name: "russian yearly statistics", published: "2025-06-12",
			text:   "Отчет: сбоев в работе банковских приложений стало больше\n\nВ среднем каждый сбой в работе банковских приложений длился 40 минут, говорится в ежегодном отчете аналитиков. Число сбоев выросло на 20%.",
			outage: false},
		{name: "ukrainian operator denies", published: "2025-06-12",
			text:   "Оператор спростовує масштабний збій\n\nОператор lifecell спростовує повідомлення про збій мережі: зв'язок працює стабільно, а окремі користувачі не могли скористатися одним застосунком.",
			outage: false},
		{name: "swahili court case over an old cut", published: "2025-06-12",
			text:   "Mahakama yaamuru Kenya Power kulipa fidia\n\nMahakama imeamuru Kenya Power kulipa fidia kwa mfanyabiashara aliyekosa umeme kwa siku tano mwaka 2023. Kukatika kwa umeme huo kulisababisha hasara kubwa.",
			outage: false},
		{name: "spanish anniversary of a blackout", published: "2025-06-12",
			text:   "Se cumplen diez años del apagón de Buenos Aires\n\nSe cumplen hoy diez años del apagón que dejó sin luz a Buenos Aires durante un día entero. Los vecinos recuerdan aquel corte de luz con una muestra de fotos.",
			outage: false},
		{name: "portuguese launch of a backup service", published: "2025-06-12",
			text:   "Operadora Vivo lança serviço para evitar quedas de internet\n\nA Vivo lança hoje um serviço de internet de reserva por satélite: em caso de queda da fibra, o roteador passa para o satélite e o cliente não fica sem internet.",
			outage: false},
		{name: "turkish stock market crash", published: "2025-06-12",
			text:   "Borsa çöktü, yatırımcılar tedirgin\n\nBorsa çöktü: endeks bir günde yüzde 6 değer kaybetti ve devre kesici devreye girdi. Analistler çöküşün kesinti olmadan süreceğini söylüyor.",
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
			var secs []string
			for _, s := range a.Outages[1:] {
				secs = append(secs, s.Service)
			}
			if !slices.Equal(secs, tt.secondaries) {
				t.Errorf("secondary outages %q, want %q", secs, tt.secondaries)
			}
		})
	}
}
