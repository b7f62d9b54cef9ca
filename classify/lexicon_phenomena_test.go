package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/corpus"
)

// TestLexiconPhenomena: outage detection on invented texts for each class
// of lexicon evidence added for unseen news, in each language: storm cuts
// counted in households, a facility fire, an airline's IT failure (reports);
// scheduled interruptions, rankings and analyses, tracking tools,
// consumer-rights columns, market crashes, contracts and launches, plans
// promising fewer outages, what outages cost, regulation, a network
// retired on a date to come, sports metaphors, parliamentary questions,
// product recalls, drills, strikes, cuts in the conditional, compensation
// rules (not reports: a follow-up about one specific outage, its fine or
// its compensation, is a report, as the real dev labels have it); scams using an outage as bait, outages as a recurring
// condition, opinion columns, insurance against outages (not reports);
// card payments that failed, trains stopped
// by a signalling failure (reports); a counter-evidence word inside a
// service's name ("Assurance maladie") counts for nothing. It uses only the exported API.
func TestLexiconPhenomena(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"fr connection badly degraded during a final", "Finale : connexion fortement dégradée au stade\n\nPendant la finale du championnat dimanche soir, le réseau mobile de Telma est resté très dégradé dans le stade près de deux heures, selon l'opérateur.", true},
		{"ar connection badly degraded during a match", "ضعف كبير في شبكة زين خلال المباراة النهائية\n\nشهدت شبكة زين ضعفا كبيرا في خدمة الإنترنت داخل الملعب مساء الأحد خلال المباراة النهائية للبطولة لنحو ساعتين، بحسب الشركة.", true},
		{"en connection badly degraded during a final", "Mobile data severely degraded at stadium during final\n\nZain's mobile data was severely degraded at the stadium for nearly two hours during Sunday's championship final, the operator said.", true},
		{"ar a series starring an actor", "مسلسل «الظلام» من بطولة نخبة من النجوم يتخيل انقطاع الكهرباء عن المدينة لأسابيع، ويعرض الحلقة الأولى مساء الخميس.", false},
		{"en app would not load", "Zorblo app would not load for hours\n\nThe Zorblo food app failed to load for most of Friday evening, and orders would not open until 11pm, the company said.", true},
		{"fr app would not open", "L'application Zorblo ne s'ouvrait plus vendredi\n\nL'application de livraison Zorblo ne se chargeait plus vendredi soir pendant trois heures, selon l'entreprise.", true},
		{"ar app would not open", "تطبيق زوربلو لا يفتح منذ مساء الجمعة\n\nفشل تحميل تطبيق زوربلو للتوصيل لمدة ثلاث ساعات مساء الجمعة، بحسب الشركة.", true},
		{"ar a blackout named as such", "إظلام تام في معظم الولايات\n\nشهدت معظم الولايات إظلاما تاما مساء الأحد إثر انفصال الشبكة القومية، وعادت الكهرباء بعد نحو ثماني ساعات.", true},
		{"en grid operator dismisses reports of a collapse", "Grid operator dismisses reports of fresh national grid collapse\n\nThe transmission company on Sunday dismissed reports of another collapse of the national grid, saying supply remained stable and any local outages were distribution faults.", false},
		{"fr l'opérateur dément les informations", "L'opérateur dément les informations sur une panne nationale\n\nL'opérateur a démenti dimanche les informations selon lesquelles son réseau serait tombé en panne, assurant que le service fonctionne normalement.", false},
		{"ar the company denies the reports", "الشركة تنفي الأنباء عن انهيار الشبكة\n\nنفت شركة نقل الكهرباء الأنباء المتداولة عن انهيار جديد للشبكة الوطنية، مؤكدة أن الإمداد مستقر.", false},
		{"ar a negated noun: no blackout", "لا انقطاع للكهرباء في العاصمة رغم موجة الحر\n\nأعلنت الشركة العامة للكهرباء يوم الأحد أن الشبكة صمدت أمام الأحمال المرتفعة، ولا انقطاع في التيار الكهربائي بأي حي من أحياء العاصمة.", false},
		{"ar a negated future: no cut will be made", "الوزارة: لن يتم قطع الإنترنت يوم الامتحان\n\nقالت وزارة الاتصالات يوم الأحد إنه لن يتم قطع الإنترنت خلال امتحانات الشهادة الثانوية.", false},
		{"en a road crash", "Teen driver killed in overnight crash on Route 9\n\nA 17-year-old driver died and a passenger was critically injured in a two-vehicle crash on Route 9 overnight, police said. The road was closed for five hours while the cars were towed.", false},
		{"fr households", "La tempête a laissé 300 000 foyers privés d'électricité dans l'Ouest dans la nuit de jeudi. Les techniciens du gestionnaire du réseau travaillent à rétablir le courant.", true},
		{"en households", "High winds left more than 150,000 households without power across the region on Sunday, and crews expect most homes to be reconnected by Tuesday.", true},
		{"ar households", "تركت العاصفة آلاف المنازل بدون كهرباء في المحافظات الشمالية منذ مساء الأحد، وتعمل فرق الشركة على إعادة التيار.", true},
		{"ar utility after the verb", "انقطعت الكهرباء عن أحياء واسعة من العاصمة مساء الثلاثاء بعد عطل في محطة تحويل رئيسية، وعاد التيار بعد ساعات.", true},
		{"fr left without internet", "Des milliers d'habitants de la ville sont restés sans internet samedi pendant cinq heures, selon l'opérateur.", true},
		{"ar left without internet", "لا يزال آلاف المشتركين في المدينة بدون إنترنت منذ مساء الخميس، وفق ما أكدته الشركة.", true},
		{"en left without internet", "Thousands of residents were left without internet for five hours on Saturday, the operator said.", true},
		{"fr electoral blackout", "Le black-out électoral commence samedi à minuit : aucun sondage ne pourra être publié avant la fermeture des bureaux de vote, rappelle la commission.", false},
		{"en electoral blackout", "The electoral blackout begins at midnight on Saturday, when no poll may be published until the last polling stations close, the commission said.", false},
		{"ar electoral silence", "يبدأ الصمت الانتخابي منتصف ليل السبت، ولا يجوز نشر أي استطلاع للرأي حتى إغلاق مكاتب الاقتراع، بحسب الهيئة.", false},
		{"en shops unable to take cards", "A faulty update pushed overnight by a till provider left hundreds of small shops across the region unable to take card payments on Saturday morning for nearly four hours.", true},
		{"fr shops unable to take cards", "Une mise à jour défectueuse du logiciel de caisse a laissé samedi matin des centaines de commerces dans l'impossibilité d'encaisser : les caisses sont restées bloquées près de quatre heures.", true},
		{"ar shops unable to take cards", "تعذر قبول البطاقات في مئات المتاجر صباح السبت لنحو أربع ساعات بعد تحديث معيب لبرمجيات أجهزة نقاط البيع.", true},
		{"fr operator denies, rumour said wrongly", "Bouygues Telecom dément toute panne malgré une vague de signalements\n\nDes centaines d'internautes ont signalé jeudi soir des difficultés. L'opérateur dément toute panne et attribue les signalements à une publication affirmant à tort que le réseau était coupé, sans qu'une interruption réelle ne soit constatée.", false},
		{"en operator denies, posts wrongly claimed", "Vodafone denies outage despite wave of reports\n\nHundreds of users reported problems on Thursday evening. Vodafone denied any outage and blamed a viral post that wrongly claimed the network was down, without any real interruption being recorded.", false},
		{"ar operator denies, rumour said wrongly", "زين تنفي وجود أي عطل رغم البلاغات\n\nأبلغ مئات المستخدمين عن مشاكل مساء الخميس. ونفت زين وجود أي عطل، وأرجعت البلاغات إلى منشور زعمت خطأ أن الشبكة متوقفة، دون تسجيل أي انقطاع فعلي.", false},
		{"en job posting", "Job posting: Site Reliability Engineer, Incident Response\n\nA payments company is hiring an engineer to lead its response to outages. Responsibilities include restoring services when systems go down. Apply now.", false},
		{"fr job posting", "Offre d'emploi : ingénieur réseau\n\nUn opérateur recrute un ingénieur chargé de rétablir le service en cas de panne. Profil recherché : cinq ans d'expérience. Envoyez votre candidature.", false},
		{"ar job posting", "وظيفة شاغرة: مهندس شبكات\n\nتعلن شركة اتصالات عن حاجتها إلى مهندس لمعالجة الأعطال واستعادة الخدمة عند انقطاعها. المؤهلات المطلوبة: خبرة خمس سنوات.", false},
		{"fr possible cuts in a storm warning", "Tempête : des coupures d'électricité possibles jeudi\n\nMétéo-France prévoit des rafales à 130 km/h ; des coupures d'électricité sont possibles dans la nuit, prévient Enedis.", false},
		{"en possible cuts in a storm warning", "Storm warning: power cuts are possible on Thursday\n\nForecasters expect gusts of 80 mph; possible power cuts overnight, the network operator warned.", false},
		{"ar possible cuts in a heat warning", "تحذير من موجة حر\n\nتوقعت الأرصاد ارتفاع الحرارة إلى 50 درجة مع احتمال انقطاع التيار الكهربائي في بعض المناطق.", false},
		{"fr a cloud region opens", "AWS ouvre une nouvelle région cloud au Maroc\n\nLe géant du cloud promet moins de pannes grâce à trois zones de disponibilité.", false},
		{"fr districts without power", "Canicule : des quartiers de Toulouse privés de courant pendant 36 heures\n\nDes habitants ont retrouvé l'électricité jeudi soir après une coupure commencée mardi.", true},
		{"ar school platform down on the first day of school", "تعطل منصة التعليم عن بعد في أول أيام الدراسة\n\nتوقفت منصة مدرستي عن العمل أمس الاثنين في أول يوم للدراسة بسبب ضغط هائل على الخوادم.", true},
		{"en bank says app operated normally", "Bank denies reports of app outage\n\nNorthgate Bank on Sunday denied reports that its mobile app had gone down on Saturday, saying its systems had operated normally throughout.", false},
		{"en operator statement, service interrupted", "Statement from Northwave Broadband\n\nNorthwave Broadband apologises to customers in Leeds whose broadband service was interrupted overnight on Saturday. Service was restored to all customers at 07:15 on Sunday.", true},
		{"fr rationing announced", "Beyrouth : le rationnement électrique s'annonce\n\nÉlectricité du Liban prévient que le rationnement électrique atteindra jusqu'à vingt heures de coupure par jour à partir du mois prochain.", false},
		{"en rationing announced", "Power rationing to tighten next month\n\nThe state utility said electricity rationing would leave households with four hours of power a day from next month.", false},
		{"ar rationing announced", "برنامج تقنين جديد للكهرباء\n\nأعلنت مؤسسة الكهرباء عن برنامج التقنين الجديد الذي يمنح المنازل أربع ساعات تغذية يوميا اعتبارا من الشهر المقبل.", false},
		{"fr web users woke up without internet", "Les autorités ont coupé la connexion dans tout le pays dimanche matin. Les internautes se sont réveillés sans internet.", true},
		{"fr television cut", "Des milliers d'abonnés ont été privés de télévision sur leur box mardi soir pendant trois heures, a reconnu l'opérateur.", true},
		{"en trading halted", "Trading was halted on the exchange for two hours on Monday after a technical glitch in its matching engine.", true},
		{"ar trading halted", "توقف التداول في البورصة المصرية لمدة ساعتين يوم الاثنين بسبب عطل فني في نظام التداول.", true},
		{"fr facility fire", "Un incendie dans un centre de données à Lyon a rendu inaccessibles des milliers de sites web et de services en ligne mardi.", true},
		{"en facility fire", "A fire at a telephone exchange knocked out landlines and internet for thousands of customers in the city on Friday.", true},
		{"ar facility fire", "تسبب حريق في سنترال رئيسي في انقطاع خدمات الإنترنت والهاتف الأرضي عن آلاف المشتركين أمس.", true},
		{"fr airline it", "Des dizaines de vols ont été cloués au sol mercredi après une panne informatique du système d'enregistrement de la compagnie aérienne.", true},
		{"en airline it", "Hundreds of flights were grounded on Monday after a computer systems failure at the airline, leaving passengers stranded at airports.", true},
		{"ar airline it", "تأخير الرحلات في المطار بعد عطل في أنظمة شركة الطيران صباح اليوم، وعلق مئات المسافرين لساعات.", true},
		{"fr scheduled", "Le service de paiement mobile sera suspendu samedi de 1h à 5h pour une opération programmée. La banque informe ses clients que les virements ne seront pas disponibles.", false},
		{"en scheduled", "The bank's app will not be available on Sunday between 1am and 4am during planned downtime. Customers are advised to make transfers before then.", false},
		{"ar scheduled", "تنويه: ستتوقف الخدمات الإلكترونية للبنك يوم السبت المقبل من الساعة الواحدة حتى الخامسة صباحا بسبب صيانة مبرمجة.", false},
		{"fr ranking", "Classement : les pays qui coupent le plus internet. En 2023, le nombre de coupures a encore augmenté, selon une étude d'une ONG qui recense les coupures d'internet dans le monde.", false},
		{"en ranking", "A new ranking of internet shutdowns by country shows that the number of shutdowns worldwide rose again last year, researchers found.", false},
		{"ar ranking", "تصنيف جديد يكشف الدول الأكثر قطعا للإنترنت، وعدد مرات قطع الشبكة ارتفع العام الماضي بحسب خبراء.", false},
		{"en tracker", "Is it down for everyone or just you? This outage tracker lets you check whether a site is down, using reports from users.", false},
		{"fr consumer rights", "Panne de box : vos droits. Le droit des consommateurs prévoit d'être remboursé lorsque la connexion est interrompue plusieurs jours.", false},
		{"en market crash", "Markets crashed on Monday as tech stocks led a sell-off on the Nasdaq, wiping billions off the value of chipmakers.", false},
		{"ar market crash", "انهيار البورصة اليوم مع تراجع الأسهم في قطاع التكنولوجيا، بحسب محللين.", false},
		{"fr contract", "L'opérateur a signé un contrat avec un équipementier pour moderniser son réseau mobile et annonce le lancement d'une nouvelle offre fibre.", false},
		{"en contract", "The carrier signed a contract with a vendor to upgrade its network and unveiled a new plan for mobile customers.", false},
		{"ar contract", "وقعت شركة الاتصالات عقدا مع شركة عالمية لتطوير الشبكة، وأعلنت تدشين عرض جديد للمشتركين.", false},
		{"fr card payments", "Impossible de payer par carte samedi dans de nombreux commerces : les paiements par carte bancaire ont été refusés pendant deux heures à cause d'un incident chez un prestataire.", true},
		{"en card payments", "Shoppers were unable to pay by card for several hours on Friday as card payments failed at supermarkets across the country.", true},
		{"ar card payments", "تعذر على العملاء الدفع بالبطاقات مساء الخميس بعد توقف خدمات الدفع الإلكتروني في عدد من البنوك لمدة ثلاث ساعات.", true},
		{"fr fewer outages", "L'opérateur présente sa nouvelle box et promet moins de pannes : le nombre de coupures a été divisé par deux en un an, assure son directeur.", false},
		{"en fewer outages", "The utility unveiled a plan to bury power lines, promising fewer outages and less downtime for customers during storms.", false},
		{"ar fewer outages", "أعلنت شركة الكهرباء عن خطة لتحديث الشبكة تعد بانقطاعات أقل وتقليل الانقطاعات خلال فصل الصيف.", false},
		{"fr what outages cost", "Les pannes informatiques ont coûté aux entreprises françaises plus de deux milliards d'euros l'an dernier, selon un cabinet d'études.", false},
		{"en what outages cost", "Internet shutdowns cost the global economy more than seven billion dollars last year, with outages in several countries lasting weeks.", false},
		{"ar what outages cost", "عمليات قطع الإنترنت كلفت الاقتصاد العالمي مليارات الدولارات خلال العام الماضي بحسب تقرير جديد.", false},
		{"fr regulation", "Un projet de loi veut imposer aux opérateurs de notifier toute panne de plus d'une heure au régulateur et d'indemniser leurs clients.", false},
		{"en regulation", "Regulators propose new rules that would require operators to report outages of more than an hour and publish their causes.", false},
		{"ar regulation", "مشروع قانون جديد يلزم شركات الاتصالات بالإبلاغ عن أي انقطاع في الخدمة يتجاوز ساعة وتعويض المشتركين.", false},
		{"fr network retired", "L'opérateur annonce l'extinction du réseau 3G en 2028 : les abonnés aux anciens téléphones ne pourront plus passer d'appels.", false},
		{"en network retired", "The carrier will shut down its 3G network in October and urged customers with older phones to upgrade before the switch-off.", false},
		{"fr sports metaphor", "Ligue 1 : un black-out de dix minutes après la mi-temps et Lens s'incline, une défaite qui fait mal au classement, reconnaît l'entraîneur.", false},
		{"en sports metaphor", "The Jays' offence suffered another blackout in a 3-0 loss to Seattle, managing four singles as the pitcher dominated from the first inning.", false},
		{"ar sports metaphor", "عقم هجومي وانقطاع في الأداء: خسر المنتخب المباراة بهدفين بعد انهيار في الشوط الثاني، بحسب المدرب.", false},
		{"fr parliamentary question", "Une députée interroge le ministre sur les coupures d'internet dans les zones rurales, dans une question écrite publiée mardi.", false},
		{"en parliamentary question", "An MP asked the minister in a parliamentary question what is being done about mobile outages in rural areas.", false},
		{"ar parliamentary question", "وجه نائب سؤالا نيابيا إلى وزير الاتصالات حول انقطاع الإنترنت المتكرر في المحافظات الجنوبية.", false},
		{"fr product recall", "Rappel conso : des batteries externes présentent un risque de surchauffe et d'incendie, le fabricant lance une procédure de rappel.", false},
		{"en product recall", "More than 400,000 power banks recalled over fire hazards in a product recall announced on Thursday.", false},
		{"ar product recall", "أطلقت وزارة التجارة حملة استدعاء لآلاف المدافئ الكهربائية بسبب خلل قد يسبب الحريق.", false},
		{"fr rail signalling", "La circulation ferroviaire a été interrompue mardi matin sur toute la ligne après une panne de signalisation, des centaines de trains sont restés à quai.", true},
		{"en rail signalling", "Train services were suspended across the network on Monday after a signalling failure, leaving thousands of commuters stranded.", true},
		{"ar rail signalling", "توقفت حركة القطارات صباح الاثنين بسبب عطل في نظام الإشارات، وعلق آلاف الركاب في المحطات.", true},
		{"fr a word of a service's name", "Le site ameli et l'application de l'Assurance maladie sont restés inaccessibles lundi pendant plusieurs heures, selon l'Assurance maladie.", true},
		{"fr drill", "Les secours ont simulé mercredi une panne d'électricité géante à Lyon, un exercice grandeur nature pour tester les communications d'urgence.", false},
		{"en drill", "Agencies ran a drill on Monday simulating a nationwide internet blackout to test how banks and hospitals would cope.", false},
		{"ar drill", "نفذت الجهات المعنية تمرينا لمحاكاة انقطاع شامل للإنترنت لاختبار جاهزية البنوك والمستشفيات.", false},
		{"fr fictitious attack", "L'hôpital s'entraîne à une cyberattaque fictive : pendant toute la journée, le scénario prévoyait la mise hors service de la messagerie, mais aucun système n'a été coupé.", false},
		{"en mock attack", "The hospital held a mock attack on Wednesday: the fictitious scenario took the patient records system offline, though no system was actually shut down.", false},
		{"ar mock attack", "أجرى المستشفى تدريبا على هجوم إلكتروني وهمي يوم الأربعاء، تضمن توقف نظام السجلات الطبية، دون أن يتوقف أي نظام فعليا.", false},
		{"fr strike", "Grève à la SNCF : un mouvement social perturbera fortement le trafic jeudi, un TGV sur deux circulera.", false},
		{"en strike", "A strike by rail workers will disrupt services on Thursday, and the operator urged travellers to postpone journeys during the walkout.", false},
		{"ar strike", "إضراب عمال السكك الحديدية يعطل حركة القطارات يوم الخميس بحسب النقابة، والمضربين يطالبون بزيادة الأجور.", false},
		{"fr conditional cuts", "Pour déployer la 5G, l'opérateur prévient que des interruptions de service pourront avoir lieu la nuit dans plusieurs communes au cours des prochaines semaines.", false},
		{"en conditional cuts", "Customers may experience short interruptions to mobile service at night in the coming weeks while the operator upgrades its network.", false},
		{"ar conditional cuts", "قد تشهد خدمة الإنترنت انقطاعات قصيرة ليلا خلال الأسابيع المقبلة بسبب أعمال تحديث الشبكة.", false},
		{"fr compensation rules", "Indemnisation : ce que prévoit la loi quand votre box tombe en panne. Au-delà de deux jours sans connexion, les abonnés peuvent demander à être indemnisés, rappelle le régulateur.", false},
		{"en compensation rules", "Under the new scheme, broadband customers will be compensated automatically for every day their service is down, the regulator said of rules taking effect next year.", false},
		{"ar compensation rules", "تنص القواعد الجديدة على تعويض المشتركين تلقائيا عن كل يوم انقطاع في خدمة الإنترنت، وفق ما أعلنته هيئة تنظيم الاتصالات.", false},
		{"ar network retired", "قالت الشركة إنه سيتم إيقاف شبكة الجيل الثالث نهاية العام المقبل، ودعت المشتركين إلى تحديث هواتفهم قبل ذلك.", false},
		{"en unable to send", "WhatsApp is working again after users around the world were unable to send or receive messages for two hours on Wednesday.", true},
		{"fr ne plus pouvoir", "Des milliers d'utilisateurs de Snapchat se sont plaints mardi de ne plus pouvoir envoyer de messages, selon Downdetector.", true},
		{"fr escalators", "Les escalators de la gare sont en panne depuis une semaine et les voyageurs portent leurs valises dans les escaliers.", false},
		{"en lift", "Residents of the tower have climbed twelve floors for three weeks because the lift broke down, and the landlord promises a repair.", false},
		{"ar elevator", "تعطل المصعد في مبنى المستشفى منذ أسبوع ما اضطر المرضى إلى استخدام السلالم، بحسب السكان.", false},
		{"ar avoiding cuts", "كشفت وزارة الكهرباء عن خطة لزيادة القدرة الإنتاجية قبل الصيف لتفادي انقطاع التيار الكهربائي خلال ذروة الأحمال.", false},
		{"fr scam", "Attention aux arnaques : des escrocs envoient de faux SMS promettant un dédommagement pour la coupure du réseau et demandent vos coordonnées bancaires.", false},
		{"en scam", "Scammers are sending fake text messages offering a refund for the broadband outage, and the provider warned customers never to share card details.", false},
		{"ar scam", "حذرت الشركة من رسائل مزيفة تعد بتعويض عن انقطاع الإنترنت، مؤكدة أن المحتالين يسعون لسرقة بيانات البطاقات.", false},
		{"fr habitual", "Dans ces villages, le réseau mobile tombe souvent en panne et les coupures à répétition compliquent la vie des commerçants, raconte le maire.", false},
		{"en habitual", "In the valley, mobile networks frequently go down and phone lines are regularly cut off by landslides, residents say.", false},
		{"ar habitual", "يشكو سكان القرى من انقطاع الإنترنت المتكرر وتعطل شبكة الهاتف بشكل متكرر كلما هطلت الأمطار.", false},
		{"fr opinion", "Tribune : il est temps de sortir de notre dépendance. Chaque panne d'un grand hébergeur rappelle que nos services publics reposent sur trois entreprises, plaide un collectif d'ingénieurs.", false},
		{"en opinion", "Opinion: every time a cloud giant goes down, we learn the same lesson. It is time to build public infrastructure, argues the author.", false},
		{"ar opinion", "مقال رأي: كل عطل يصيب خوادم الشركات الكبرى يكشف هشاشة خدماتنا، وقد حان الوقت لبناء بنية رقمية وطنية.", false},
		{"fr insurance", "Les assureurs proposent désormais une couverture d'assurance contre les pannes informatiques des fournisseurs de cloud.", false},
		{"en insurance", "Insurers are selling policies that pay out when a cloud provider goes down for more than a day, and premiums are rising.", false},
		{"ar insurance", "بدأت شركات التأمين تقديم وثيقة تأمين ضد أعطال مزودي الخدمات السحابية وتعطل الخوادم.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2024-05-10"}
			ex := c.Classify(a)
			if a.IsOutage != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("IsOutage = %v, want %v\n%s", a.IsOutage, tt.want, sb.String())
			}
		})
	}
}

// TestGazetteerBreadth: providers, utilities, banks, airlines and portals
// of francophone, Arabic-speaking and anglophone countries are named by
// their gazetteer name, from Latin or Arabic aliases; a DNS provider that
// failed is the service, not the sites it took down.
func TestGazetteerBreadth(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, want string
	}{
		{"en dns provider", "A DDoS attack on the DNS provider Dyn knocked out access to dozens of popular websites on Friday, the company said.", "Dyn"},
		{"fr utility", "Une panne géante de la Senelec a plongé Dakar dans le noir mardi soir, privant des milliers de foyers d'électricité.", "Senelec"},
		{"ar utility", "انقطاع الكهرباء في تونس: الستاغ تعلن عن عطل في الشبكة أدى إلى انقطاع التيار عن عدة ولايات مساء الأحد.", "STEG"},
		{"ar portal", "تعطل منصة أبشر لساعات صباح اليوم، وأبلغ آلاف المستخدمين عن تعذر الدخول إلى الخدمات.", "Absher"},
		{"en airline", "Qantas flights were grounded for hours on Monday after an IT outage hit the airline's check-in systems.", "Qantas"},
		{"fr airline", "Des vols d'Air Algérie ont été retardés après une panne informatique du système d'enregistrement.", "Air Algérie"},
		{"en utility", "Eskom said a fault at several power stations caused a blackout across parts of the country on Sunday.", "Eskom"},
		{"fr bank", "Les clients de Belfius n'ont pas pu accéder à leur application bancaire mercredi en raison d'une panne.", "Belfius"},
		{"ar operator", "تعطل شبكة موريتل في نواكشوط منذ صباح أمس، وأكد المشتركون انقطاع الاتصالات والإنترنت.", "Mauritel"},
		{"en submarine cable", "An outage on the Seacom submarine cable disrupted internet service for operators in several countries on Sunday.", "Seacom"},
		{"fr submarine cable", "Une panne du câble sous-marin WACS a perturbé la connexion internet de plusieurs opérateurs pendant des heures.", "WACS"},
		{"ar operator per country", "أعلنت زين العراق عن عطل في شبكتها أدى إلى انقطاع خدمات الإنترنت عن المشتركين في بغداد والبصرة لعدة ساعات يوم الأربعاء.", "Zain Iraq"},
		{"ar payment switch", "تعطلت شبكة كي نت صباح الخميس، وتعذر على العملاء في الكويت إتمام عمليات الدفع الإلكتروني لنحو ثلاث ساعات.", "KNET"},
		{"ar utility with preposition", "انقطعت الكهرباء عن أحياء واسعة بعد عطل في محطة تابعة لمؤسسة كهرباء عدن مساء الجمعة.", "Aden Electricity Corporation"},
		{"fr operator per country", "Panne géante chez Orange Côte d'Ivoire : les abonnés ont été privés d'internet mobile pendant plusieurs heures lundi à Abidjan.", "Orange Côte d'Ivoire"},
		{"fr rail operator", "Une panne de signalisation a paralysé le trafic de la SNCF au départ de la gare Montparnasse pendant quatre heures samedi.", "SNCF"},
		{"fr payment network", "Les paiements Bancontact ont été indisponibles pendant deux heures vendredi soir en raison d'une panne informatique.", "Bancontact"},
		{"en operator per country", "MTN Nigeria subscribers were unable to make calls or use data for several hours on Tuesday after a fibre cut, the operator said.", "MTN Nigeria"},
		{"en utility abroad", "Iberdrola said a fault at a substation left 200,000 customers without power in the Basque Country on Monday.", "Iberdrola"},
		{"en game", "PUBG Mobile servers went down for hours on Friday after a faulty update, leaving players unable to log in.", "PUBG Mobile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2024-05-10"}
			ex := c.Classify(a)
			if len(a.Outages) == 0 || a.Outages[0].Service != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("main service of %q, want %q\n%s", tt.text, tt.want, sb.String())
			}
		})
	}
}

// TestGazetteerNamesUnique: no name or alias in services.tsv belongs to two
// services, so that a mention names one service only.
func TestGazetteerNamesUnique(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("data", "services.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	owner := map[string]string{}
	for n, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		names := []string{cols[0]}
		if len(cols) > 3 {
			names = append(names, strings.Split(cols[3], "|")...)
		}
		for _, name := range names {
			k := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "="))
			if prev, ok := owner[k]; ok && prev != cols[0] {
				t.Errorf("services.tsv:%d: %q names both %s and %s", n+1, k, prev, cols[0])
			}
			owner[k] = cols[0]
		}
	}
}

// TestGenreDetection: texts about outages in general (explainers, trends,
// retrospectives, trackers, rights, advice, habitual statements) and
// announcements are not reports; reports written like them still are. The
// texts are invented, in each language.
func TestGenreDetection(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"fr explainer", "Pourquoi les pannes informatiques se multiplient\n\nLes grandes pannes de services en ligne sont de plus en plus fréquentes. Quand un hébergeur tombe, des milliers de sites tombent avec lui, expliquent les spécialistes.", false},
		{"en explainer", "Why cloud outages keep happening\n\nAs more firms depend on a handful of providers, a single failure can ripple across thousands of websites. Experts say companies should spread workloads across regions.", false},
		{"ar explainer", "لماذا تتكرر أعطال الإنترنت؟\n\nيرى خبراء أن الاعتماد على عدد قليل من مزودي الخدمات السحابية يجعل الشبكة أكثر هشاشة، وأن انقطاع خدمة واحدة قد يؤثر على آلاف المواقع.", false},
		{"fr tracker", "Comment savoir si une application est en panne ?\n\nConsultez un site de signalement qui recense en temps réel les problèmes signalés par les utilisateurs.", false},
		{"en tracker", "Is your favourite app down? How to check\n\nOutage-reporting sites collect problems reported by users in real time, so you can check if it is just you.", false},
		{"fr rights", "Panne d'internet : quels sont vos droits ?\n\nLorsque la connexion est coupée plusieurs jours, l'opérateur doit accorder un geste commercial au prorata de la durée de la coupure.", false},
		{"ar advice", "ماذا تفعل عند انقطاع الإنترنت في منزلك؟\n\nننصحك بإعادة تشغيل جهاز الراوتر أولا، ثم التواصل مع خدمة العملاء إذا استمرت المشكلة.", false},
		{"en announcement", "Power company plans rolling blackouts next week\n\nThe utility said it will cut power to neighbourhoods in two-hour blocks starting Monday if demand exceeds supply.", false},
		{"fr out of service", "La messagerie de l'opérateur sera hors service dimanche matin pour une mise à jour ; les envois reprendront à partir de 10 heures.", false},
		{"en expect outages", "Residents of the northern districts should expect outages on Wednesday as crews replace an old transformer, the utility said.", false},
		{"ar announced stop", "يعلن البنك لعملائه أن الخدمات المصرفية عبر الإنترنت ستكون متوقفة مؤقتا ليلة السبت بسبب ترقية الأنظمة.", false},
		{"fr household count", "Les intempéries ont privé près de 80 000 foyers de courant en Bretagne jeudi soir, selon le gestionnaire du réseau.", true},
		{"en card payments", "Customers of a high-street bank were unable to make card payments on Friday after a technical fault hit its systems.", true},
		{"ar provider", "تعطل تطبيق واتساب حول العالم لساعتين، وأبلغ ملايين المستخدمين عن تعذر إرسال الرسائل قبل أن تعلن الشركة عودة الخدمة.", true},
		{"en provider", "Cloudflare outage takes down thousands of websites\n\nA configuration error at Cloudflare knocked out access to many popular sites on Tuesday morning. The company said the problem was fixed within two hours.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2025-03-14"}
			ex := c.Classify(a)
			if a.IsOutage != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("IsOutage = %v, want %v\n%s", a.IsOutage, tt.want, sb.String())
			}
		})
	}
}
