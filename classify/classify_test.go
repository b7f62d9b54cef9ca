package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"outages/classify/rules"
	"outages/corpus"
)

func newTest(t testing.TB) *Classifier {
	t.Helper()
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDetectLanguage(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text, want string
	}{
		{"french", "Les abonnés de l'opérateur ont été privés de réseau pendant toute la matinée, selon un porte-parole qui n'a pas donné de détails sur la cause.", "fr"},
		{"english", "Thousands of customers said they could not reach the bank's website on Friday, and the company has not explained what went wrong.", "en"},
		{"arabic", "أعلنت الشركة أن الخدمة عادت إلى العمل بعد انقطاع استمر عدة ساعات في عدد من المدن، وقالت إنها تعمل على معرفة السبب.", "ar"},
		{"arabic with latin names", "قال موقع Down Detector إن آلاف المستخدمين أبلغوا عن مشاكل في الوصول إلى Twitter و AWS صباح اليوم، بينما لم تعلق الشركة على ذلك.", "ar"},
		{"french quoting english", "Le porte-parole a simplement déclaré : « We are aware of the issue and are working on it », sans donner plus de détails aux journalistes qui l'interrogeaient sur la durée de la panne et sur le nombre de clients touchés.", "fr"},
		{"spanish", "Los usuarios de la red social no pudieron acceder a sus cuentas durante varias horas, según informó la empresa en un comunicado.", "other"},
		{"german", "Die Kunden des Anbieters konnten am Morgen nicht telefonieren, und das Unternehmen hat die Ursache noch nicht genannt.", "other"},
		{"italian", "Gli utenti della piattaforma non sono riusciti ad accedere al servizio per diverse ore, secondo quanto riferito dalla società.", "other"},
		{"portuguese", "Os clientes da operadora ficaram sem acesso à internet durante a manhã, e a empresa não explicou o motivo da falha.", "other"},
		{"turkish", "Kullanıcılar sabah saatlerinde uygulamaya erişemediklerini bildirdi, ancak şirket henüz bir açıklama yapmadı ve sorun devam ediyor.", "other"},
		{"persian", "کاربران این سرویس از صبح امروز نمی‌توانند به حساب خود دسترسی داشته باشند و شرکت هنوز دلیل این مشکل را اعلام نکرده است.", "other"},
		{"urdu", "صارفین نے بتایا کہ صبح سے انٹرنیٹ کی سروس بند ہے اور کمپنی نے ابھی تک اس کی وجہ نہیں بتائی ہے۔", "other"},
		{"russian", "Пользователи сообщили, что сервис был недоступен несколько часов.", "other"},
		{"short french title", "Panne géante chez l'opérateur", "fr"},
		{"empty", "", "other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := c.DetectLanguage(tt.text)
			if got != tt.want {
				t.Errorf("DetectLanguage = %s (%.2f), want %s", got, conf, tt.want)
			}
			if conf < 0 || conf > 1 {
				t.Errorf("confidence %v out of [0,1]", conf)
			}
		})
	}
}

func TestIsOutage(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       bool
	}{
		{"fr outage", "Les clients de Bouygues Telecom ont subi une panne du réseau mobile mardi matin. Le service a été rétabli vers midi, selon l'opérateur.", true},
		{"fr power cut", "Une coupure d'électricité a privé de courant des milliers de foyers en Belgique lundi soir. Le réseau électrique a été rétabli dans la nuit.", true},
		{"ar outage", "شهد تطبيق واتساب عطلا مفاجئا مساء أمس، ما منع ملايين المستخدمين من إرسال الرسائل، قبل أن تعود الخدمة بعد ساعتين.", true},
		{"ar internet cut", "قطعت السلطات خدمة الإنترنت في ليبيا صباح اليوم، وأفاد مستخدمون بتعذر الوصول إلى المواقع.", true},
		{"en outage", "Discord went down for users across Europe on Sunday evening. The company said the outage was resolved after about an hour.", true},
		{"fr car breakdown", "Vous êtes tombé en panne sur l'autoroute ? Gardez votre calme, allumez vos feux de détresse et appelez une dépanneuse depuis la borne d'appel.", false},
		{"fr economy", "La croissance en panne inquiète les économistes, qui prévoient une année difficile pour les entreprises du secteur industriel.", false},
		{"ar diplomatic", "قررت الحكومة قطع العلاقات الدبلوماسية مع البلد المجاور واستدعاء سفيرها للتشاور بعد الأزمة الأخيرة.", false},
		{"en markets", "Stocks were down sharply on Tuesday as investors worried about rising interest rates and slowing growth.", false},
		{"en advice", "How to prepare for a power outage: keep flashlights and batteries at hand, and make sure your phone is charged. In the event of a long blackout, you should check on neighbours.", false},
		{"fr planned", "Des coupures programmées auront lieu jeudi prochain dans trois communes. Les habitants seront privés d'électricité entre 9h et 12h pour des travaux d'entretien du réseau.", false},
		{"en planned", "We will be performing scheduled maintenance on Saturday night. The portal will be unavailable for about two hours during the maintenance window.", false},
		{"ar fake", "نفت الشركة صحة الأخبار المتداولة عن انقطاع الإنترنت غدا، مؤكدة أن الخبر مزيف ولا صحة له.", false},
		{"en sport", "The striker is out injured and will miss the next three games, the club said on Monday.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text}
			ex := c.Classify(a)
			if a.IsOutage != tt.want {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("IsOutage = %v, want %v\n%s", a.IsOutage, tt.want, sb.String())
			}
			if a.Classifier != c.Version() || a.Lang == "" {
				t.Errorf("classifier %q lang %q not set", a.Classifier, a.Lang)
			}
			if !tt.want && len(a.Outages) != 0 {
				t.Errorf("outages %v on a non-outage text", a.Outages)
			}
		})
	}
}

// TestOtherLanguageNotClassified: a text in another language is "other",
// whatever it says; whether it reports an outage is read from the words
// of its language (foreign.go), not by the French, Arabic and English
// model: a one-sentence report is one, a one-sentence explainer is not.
func TestOtherLanguageNotClassified(t *testing.T) {
	c := newTest(t)
	for _, tt := range []struct {
		name, body string
		outage     bool
	}{
		{"a brief reporting an outage", "El servicio de internet sufrió una caída masiva y los usuarios no pudieron conectarse durante horas, según la empresa.", true},
		{"advice about outages", "Consejos: qué hacer si su servicio de internet sufre una caída.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.body}
			ex := c.Classify(a)
			if a.Lang != corpus.LangOther || a.IsOutage != tt.outage || len(a.Outages) > 0 != tt.outage {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("lang %s outage %v outages %d: want other, %v\n%s", a.Lang, a.IsOutage, len(a.Outages), tt.outage, sb.String())
			}
		})
	}
}

func TestServices(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name, text string
		want       []string // services in order, main first
	}{
		{"alias arabic", "تعطل تطبيق واتساب لساعات مساء الاثنين، وأبلغ آلاف المستخدمين عن مشاكل في إرسال الرسائل.", []string{"WhatsApp"}},
		{"alias X", "X was down for thousands of users on Thursday, with timelines failing to load. X said the outage was fixed.", []string{"Twitter"}},
		{"country wide internet", "Les autorités ont coupé l'accès à internet en Irak pendant les examens, privant les habitants de connexion.", []string{"Internet (Iraq)"}},
		{"country wide power", "A massive blackout left most of Chile without power on Monday, and the national power grid was restored overnight.", []string{"Power grid (Chile)"}},
		{"unknown operator", "Panne géante chez Proximus : les abonnés n'ont plus de réseau depuis ce matin et le service reste inaccessible.", []string{"Proximus"}},
		{"unknown english", "Customers reported a Zelle outage on Friday morning, saying payments were failing for hours before service was restored.", []string{"Zelle"}},
		{"longest name", "Google Cloud suffered an outage on Tuesday that left many customers unable to reach their servers for hours.", []string{"Google Cloud"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2024-05-10"}
			ex := c.Classify(a)
			var got []string
			for _, o := range a.Outages {
				got = append(got, o.Service)
			}
			if len(got) < len(tt.want) || strings.Join(got[:len(tt.want)], "|") != strings.Join(tt.want, "|") {
				var sb strings.Builder
				ex.WriteText(&sb)
				t.Errorf("services %q, want %q first\n%s", got, tt.want, sb.String())
			}
		})
	}
}

func TestSeveralOutages(t *testing.T) {
	c := newTest(t)
	text := "Slack a subi une panne mondiale jeudi : la messagerie est restée inaccessible pendant deux heures pour des millions d'utilisateurs.\n\n" +
		"Slack a présenté ses excuses et promet un rapport détaillé.\n\n" +
		"Le mois dernier, c'est Zoom qui avait connu une interruption de service, tandis que Cloudflare avait subi une panne de son réseau."
	a := &corpus.Article{Body: text, Published: "2024-03-15"}
	c.Classify(a)
	if !a.IsOutage {
		t.Fatal("not an outage")
	}
	var got []string
	for _, o := range a.Outages {
		got = append(got, o.Service)
	}
	want := []string{"Slack", "Zoom", "Cloudflare"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("outages %q, want %q", got, want)
	}
}

// fakeTagger returns fixed expressions, located by their text.
// fakeTagger finds its expressions wherever their text occurs, after
// those of base when set (the real rule engine, so that detection still
// sees the text's days).
type fakeTagger struct {
	exprs []rules.Expr
	base  tagger
}

func (f fakeTagger) Tag(text, lang string, ref rules.Ref) []rules.Expr {
	var out []rules.Expr
	if f.base != nil {
		out = f.base.Tag(text, lang, ref)
	}
	for _, e := range f.exprs {
		i := strings.Index(text, e.Text)
		if i < 0 {
			continue
		}
		e.Start, e.End = i, i+len(e.Text)
		out = append(out, e)
	}
	return out
}
func (f fakeTagger) Published(string, string) (rules.Expr, bool) { return rules.Expr{}, false }
func (f fakeTagger) Version() string                             { return "fake" }

func ip(i int) *int { return &i }

func TestAssembly(t *testing.T) {
	c := newTest(t)
	tests := []struct {
		name      string
		text      string
		exprs     []rules.Expr
		start     string
		duration  *int
		dkind     string
		cause     string
		denied    []string
		secondary string // cause of the second outage, when any
	}{
		{
			name: "explicit duration and date",
			text: "Netflix a connu une panne jeudi 14 mars pendant près de deux heures. Selon la société, une mise à jour défectueuse est en cause.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "jeudi 14 mars", Value: "2024-03-14"},
				{Kind: rules.KindDuration, Text: "près de deux heures", Minutes: ip(120), DurationKind: "approx"},
				{Kind: rules.KindCause, Text: "une mise à jour défectueuse", Cause: "software_change"},
			},
			start: "2024-03-14", duration: ip(120), dkind: "approx", cause: "software_change",
		},
		{
			name: "duration from start and end times",
			text: "Reddit was down from 10:05 this morning.\n\nThe site was fully working again at 10:50, the company said.",
			exprs: []rules.Expr{
				{Kind: rules.KindTime, Text: "from 10:05", Time: "10:05", Role: "start"},
				{Kind: rules.KindTime, Text: "at 10:50", Time: "10:50", Role: "end"},
			},
			duration: ip(45), dkind: "exact", cause: "unknown",
		},
		{
			name: "denied cause and unrelated duration",
			text: "Steam suffered an outage on Monday. Valve said it was not a cyberattack. Two years ago the service had a similar problem.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "on Monday", Value: "2024-03-11"},
				{Kind: rules.KindCause, Text: "not a cyberattack", Cause: "cyberattack", Denied: true},
				{Kind: rules.KindDuration, Text: "Two years", Minutes: ip(2 * 365 * 24 * 60), DurationKind: "exact"},
			},
			start: "2024-03-11", cause: "unknown", denied: []string{"cyberattack"},
		},
		{
			name: "future date is not the start",
			text: "Une panne a touché SFR ce matin. L'opérateur publiera un rapport le 30 mars.",
			exprs: []rules.Expr{
				{Kind: rules.KindDate, Text: "le 30 mars", Value: "2024-03-30"},
			},
			cause: "unknown",
		},
		{
			name: "dependent service of a failing cloud",
			text: "A Cloudflare outage took down many websites on Tuesday, including Canva and Discord, which were unreachable for an hour.",
			exprs: []rules.Expr{
				{Kind: rules.KindDuration, Text: "for an hour", Minutes: ip(60), DurationKind: "exact"},
			},
			duration: ip(60), dkind: "exact", cause: "unknown", secondary: "third_party",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cc := withTagger(c, fakeTagger{exprs: tt.exprs})
			a := &corpus.Article{Body: tt.text, Published: "2024-03-15"}
			cc.Classify(a)
			if len(a.Outages) == 0 {
				t.Fatalf("no outage (is_outage %v)", a.IsOutage)
			}
			o := a.Outages[0]
			if o.Start != tt.start {
				t.Errorf("start %q, want %q", o.Start, tt.start)
			}
			if (o.DurationMin == nil) != (tt.duration == nil) || (o.DurationMin != nil && *o.DurationMin != *tt.duration) {
				t.Errorf("duration %v, want %v", ptrStr(o.DurationMin), ptrStr(tt.duration))
			}
			if o.DurationKind != tt.dkind {
				t.Errorf("duration kind %q, want %q", o.DurationKind, tt.dkind)
			}
			if o.Cause != tt.cause {
				t.Errorf("cause %q, want %q", o.Cause, tt.cause)
			}
			if strings.Join(o.CauseDenied, ",") != strings.Join(tt.denied, ",") {
				t.Errorf("denied %v, want %v", o.CauseDenied, tt.denied)
			}
			if tt.start != "" && len(o.Evidence.Start) == 0 {
				t.Error("no start evidence")
			}
			for _, ev := range append(append(o.Evidence.Start, o.Evidence.Duration...), o.Evidence.Cause...) {
				if !strings.Contains(tt.text, ev) {
					t.Errorf("evidence %q not in text", ev)
				}
			}
			if tt.secondary != "" {
				if len(a.Outages) < 2 || a.Outages[1].Cause != tt.secondary {
					t.Errorf("secondary outages %+v, want one with cause %s", a.Outages[1:], tt.secondary)
				}
			}
		})
	}
}

func ptrStr(p *int) string {
	if p == nil {
		return "null"
	}
	return itoa(*p)
}

func TestPublishedFromText(t *testing.T) {
	c := newTest(t)
	cc := withTagger(c, pubTagger{fakeTagger{}})
	a := &corpus.Article{Body: "Publié le 3 mai 2021. Une panne a touché Orange ce matin, privant les abonnés de réseau mobile."}
	cc.Classify(a)
	if a.Published != "2021-05-03" {
		t.Errorf("published %q, want 2021-05-03", a.Published)
	}
	b := &corpus.Article{Body: a.Body, Published: "2021-05-04"}
	cc.Classify(b)
	if b.Published != "2021-05-04" {
		t.Errorf("published overwritten: %q", b.Published)
	}
}

type pubTagger struct{ fakeTagger }

func (pubTagger) Published(text, lang string) (rules.Expr, bool) {
	return rules.Expr{Kind: rules.KindDate, Text: "Publié le 3 mai 2021", Value: "2021-05-03"}, true
}

func TestBadDataFile(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"lexicon columns", fileLexicon, "# comment\nfr\ttrigger\t2\n", "lexicon.tsv:2:"},
		{"lexicon class", fileLexicon, "fr\ttrigger\t2\tpanne\nfr\tbogus\t1\tx\n", "lexicon.tsv:2: unknown class"},
		{"lexicon tag on untagged class", fileLexicon, "fr\tsubject:thing\t1\tservice\n", "lexicon.tsv:1: class \"subject\" takes no tag"},
		{"lexicon notname tag other than authority", fileLexicon, "fr\tnotname:place\t0\tville\n", "lexicon.tsv:1: notname takes only the tag \"authority\""},
		{"lexicon empty tag", fileLexicon, "fr\tgeneral:\t1\tconseils\n", "lexicon.tsv:1: bad tag"},
		{"lexicon tag letters", fileLexicon, "fr\tgeneral:Rank-1\t1\tclassement\n", "lexicon.tsv:1: bad tag"},
		{"lexicon tagged class", fileLexicon, "fr\tbogus:x\t1\tclassement\n", "lexicon.tsv:1: unknown class"},
		{"lexicon weight", fileLexicon, "\nen\ttrigger\theavy\toutage\n", "lexicon.tsv:2: bad weight"},
		{"lexicon lang", fileLexicon, "de\ttrigger\t1\tausfall\n", "lexicon.tsv:1: unknown language"},
		{"short prefix", fileLexicon, "fr\ttrigger\t1\tpa*\n", "lexicon.tsv:1:"},
		{"service kind", fileServices, "Foo\tonline_service\t*\tfoo\nBar\tspaceship\t*\tbar\n", "services.tsv:2: unknown kind"},
		{"service duplicate", fileServices, "Foo\tcloud\t*\nfoo\tcloud\t*\n", "services.tsv:2: service"},
		{"country columns", fileCountries, "Egypt\n", "countries.tsv:1:"},
		{"stopwords", fileStopwords, "fr\tle la\nen\t\n", "stopwords.tsv:2:"},
		{"foreign columns", fileForeign, "es\ttrigger\tcaída\n", "foreign.tsv:1: want 4"},
		{"foreign pipeline language", fileForeign, "fr\ttrigger\t-\tpanne\n", "foreign.tsv:1: language \"fr\""},
		{"foreign unknown language", fileForeign, "xx\ttrigger\t-\tfoo\n", "foreign.tsv:1: language \"xx\""},
		{"foreign class", fileForeign, "es\ttrigger\t-\tcaída\nes\tbogus\t-\tx\n", "foreign.tsv:2: unknown class"},
		{"foreign weekday", fileForeign, "es\tweekday\t8\tlunes\n", "foreign.tsv:1: bad value"},
		{"foreign unit", fileForeign, "es\tunit\tlots\thoras\n", "foreign.tsv:1: bad value"},
		{"foreign cause", fileForeign, "es\tcause\tgremlins\tduendes\n", "foreign.tsv:1: \"gremlins\" is not a cause key"},
		{"foreign trigger names no utility", fileForeign, "es\ttrigger\t2\tcaída\n", "foreign.tsv:1: a trigger names \"2\""},
		{"foreign value on planned", fileForeign, "es\tplanned\t2\tprogramado\n", "foreign.tsv:1: class planned takes no value"},
		{"foreign service kind", fileForeign, "es\tservice\tbank\tBBVA\n", "foreign.tsv:1: a service's value is its kind"},
		{"foreign service kind other", fileForeign, "es\tservice\tother\tBBVA\n", "foreign.tsv:1: a service's value is its kind"},
		{"foreign country without name", fileForeign, "es\tcountry\t-\tMadrid\n", "foreign.tsv:1: a country's value is its name"},
		{"foreign number", fileForeign, "es\tnumber\tmany\tmuchas\n", "foreign.tsv:1: bad value \"many\" for class number"},
		{"foreign number zero", fileForeign, "es\tnumber\t0\tcero\n", "foreign.tsv:1: bad value \"0\" for class number"},
		{"foreign clock", fileForeign, "nl\tclock\t-\tom\n", "foreign.tsv:1: a clock word's value is before or after"},
		{"foreign unitfirst", fileForeign, "sw\tunitfirst\t0\tsaa\n", "foreign.tsv:1: bad value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := New(Options{RulesDir: dir})
			if err == nil {
				t.Fatal("New succeeded on a bad file")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestOverrideDataFile(t *testing.T) {
	dir := t.TempDir()
	services := "Acme Cloud\tcloud\t*\tacme\n"
	if err := os.WriteFile(filepath.Join(dir, fileServices), []byte(services), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := New(Options{RulesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if c.Version() == newTest(t).Version() {
		t.Error("version did not change with the data")
	}
	a := &corpus.Article{Body: "Acme suffered a major outage on Monday and many customers could not reach their servers."}
	c.Classify(a)
	if len(a.Outages) == 0 || a.Outages[0].Service != "Acme Cloud" {
		t.Errorf("outages %+v, want Acme Cloud", a.Outages)
	}
}

// withTagger is c with another rule engine.
func withTagger(c *Classifier, tg tagger) *Classifier {
	return &Classifier{data: c.data, tagger: tg, log: c.log, version: c.version}
}

// TestReportMargin checks the score a text needs to be an outage report:
// articles in English and French need the margin, Arabic texts and briefs
// do not, and every verdict follows its explanation's score and margin.
func TestReportMargin(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		words int
		want  float64
	}{
		{"en article", corpus.LangEnglish, 200, 0.5},
		{"fr article", corpus.LangFrench, marginWords, 0.5},
		{"ar article", corpus.LangArabic, 200, 0},
		{"en brief", corpus.LangEnglish, marginWords - 1, 0},
		{"fr brief", corpus.LangFrench, 12, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reportMargin(tt.lang, tt.words); got != tt.want {
				t.Errorf("reportMargin(%s, %d) = %v, want %v", tt.lang, tt.words, got, tt.want)
			}
		})
	}
	c := newTest(t)
	long := strings.Repeat("Les équipes techniques de l'opérateur ont travaillé toute la journée sur le réseau. ", 8)
	for _, tc := range []struct {
		text   string
		margin float64
	}{
		{"Panne chez Orange mardi : internet coupé pendant trois heures.", 0},
		{"Panne chez Orange mardi : internet coupé pendant trois heures. " + long, 0.5},
		{"Orange lance une nouvelle offre de secours en cas de panne. " + long, 0.5},
	} {
		a := &corpus.Article{Body: tc.text, Published: "2026-03-13"}
		ex := c.Classify(a)
		if ex.Margin != tc.margin {
			t.Errorf("%.40q: margin %.2f, want %.2f", tc.text, ex.Margin, tc.margin)
		}
		if a.IsOutage != (ex.Score >= ex.Margin && !ex.Gated) {
			t.Errorf("%.40q: is_outage %v with score %.2f, margin %.2f, gated %v", tc.text, a.IsOutage, ex.Score, ex.Margin, ex.Gated)
		}
	}
}
