package classify

import (
	"strings"
	"testing"

	"outages/corpus"
)

// TestArabicServiceSpellings checks that services are named from the
// Arabic spellings the press writes them in (transliterations with their
// common variants, split or joined words, Arabic common names of airlines),
// and that words of ordinary Arabic close to such spellings name no
// service.
func TestArabicServiceSpellings(t *testing.T) {
	checkSpellings(t, []spellingCase{
		{name: "messaging app named with its kind", main: "Signal",
			text: "تعطل تطبيق سيغنال للمراسلة المشفرة صباح الأربعاء لنحو ساعتين، وعجز المستخدمون عن إرسال الرسائل."},
		{name: "shop platform", main: "Shopify",
			text: "توقفت منصة شوبيفاي عن العمل مساء الثلاثاء لثلاث ساعات، فتعذر على آلاف المتاجر الإلكترونية استقبال الطلبات."},
		{name: "payment processor", main: "Stripe",
			text: "أكدت شركة سترايب أن عطلا في أنظمة الدفع لديها استمر نحو ساعتين يوم الإثنين قبل إصلاحه."},
		{name: "split brand name", main: "Dropbox",
			text: "انقطعت خدمة دروب بوكس للتخزين السحابي عن ملايين المستخدمين صباح الخميس لأربع ساعات بسبب خلل تقني."},
		{name: "image platform", main: "Pinterest",
			text: "تعطل موقع بنترست لساعات يوم الأحد، وأبلغ المستخدمون عن تعذر تحميل الصور."},
		{name: "airline by its Arabic common name", main: "KLM",
			text: "ألغت الخطوط الملكية الهولندية عشرات الرحلات يوم الجمعة بعد عطل في نظام الحجز استمر ثلاث ساعات."},
		{name: "streaming service written out", main: "Disney+",
			text: "تعطلت منصة ديزني بلس لساعتين مساء السبت بسبب ضغط كبير على الخوادم مع عرض مسلسل جديد."},
		{name: "operator with ampersand spelled out", main: "AT&T",
			text: "عانى عملاء شركة إيه تي آند تي الأمريكية من انقطاع في شبكة الهاتف المحمول لأكثر من عشر ساعات يوم الخميس."},
		{name: "cloud provider joined spelling", main: "Salesforce",
			text: "أعلنت سيلزفورس أن خدماتها السحابية تعطلت لأربع ساعات يوم الثلاثاء بسبب تحديث برمجي خاطئ."},
		{name: "hosting provider spelled letter by letter", main: "OVHcloud",
			text: "توقفت خدمات أو في إتش كلاود في أوروبا لساعات بعد حريق في أحد مراكز البيانات التابعة لها."},
		{name: "code host with split name", main: "GitHub",
			text: "تعطل موقع غيت هاب لمدة ساعة يوم الأربعاء مما أثر على ملايين المطورين حول العالم."},
		{name: "telegram with ghain", main: "Telegram",
			text: "انقطعت خدمة تيليغرام في عدة دول عربية مساء الأحد لنحو ساعتين قبل أن تعود تدريجيا."},
		{name: "operator named with its sector", main: "Umniah",
			text: "تعطلت شبكة أمنية للاتصالات في الأردن لثلاث ساعات يوم السبت وانقطع الإنترنت عن المشتركين."},
		{name: "grid operator transliterated", main: "Red Eléctrica",
			text: "انقطعت الكهرباء عن مدريد لعشر ساعات بعد عطل في شبكة ريد إلكتريكا المشغلة لنقل الكهرباء في إسبانيا."},
		{name: "airline by its Arabic description", main: "American Airlines",
			text: "أوقفت الخطوط الجوية الأميركية جميع رحلاتها لساعة يوم الثلاثاء بسبب عطل تقني في أنظمتها."},
		{name: "joined social network name", main: "LinkedIn",
			text: "توقف موقع لينكدإن عن العمل لساعتين يوم الخميس وظهرت رسائل خطأ للمستخدمين."},
		{name: "bank with former Arabic name", main: "Saudi National Bank",
			text: "تعطلت تطبيقات البنك الأهلي التجاري لساعتين مساء الأحد وتعذر على العملاء إجراء التحويلات."},
		{name: "national arm of an operator", main: "Orange Mali",
			text: "انقطعت خدمات أورانج مالي للهاتف والإنترنت في باماكو لست ساعات يوم الجمعة بسبب قطع في الألياف الضوئية."},
		{name: "chat tool is not the British operator", main: "ChatGPT", notAny: []string{"BT"},
			text: "تعطلت خدمة شات جي بي تي لساعتين مساء الثلاثاء بسبب ضغط كبير على الخوادم."},
		{name: "phone signal is not the app", notAny: []string{"Signal"},
			text: "انقطعت شبكة الهاتف المحمول عن المدينة لخمس ساعات، واشتكى السكان من ضعف السيجنال حتى بعد عودة الخدمة."},
		{name: "a fast system is not the Saudi payment system", notAny: []string{"SARIE"},
			text: "تعطل تطبيق المصرف لثلاث ساعات، وقال مسؤول إن نظام سريع الاستجابة سيعيد الخدمة خلال دقائق."},
		{name: "a verb with its clitic is not the hosting platform", notAny: []string{"Vercel"},
			text: "انقطعت الكهرباء عن حي كامل لأربع ساعات، فيرسل السكان شكاوى إلى الشركة كل يوم."},
		{name: "the legend is not the trading app", notAny: []string{"Robinhood"},
			text: "تعطلت بوابة الحكومة الإلكترونية لساعتين، وتزامن العطل مع عرض فيلم روبن هود على التلفزيون."},
		{name: "the spyware is not the airline", notAny: []string{"Pegasus Airlines"},
			text: "انقطع الإنترنت في البلاد لساعتين، وكشف تحقيق عن استخدام برنامج التجسس بيغاسوس ضد صحفيين."},
		{name: "a security company is not the operator", notAny: []string{"Umniah"},
			text: "انقطعت الكهرباء عن أحياء في عمّان لساعتين مساء السبت، وقالت شركة أمنية خاصة إن كاميرات المراقبة توقفت."},
		{name: "a camera zoom is not the meeting app", notAny: []string{"Zoom"},
			text: "تعطلت كاميرات المراقبة في المطار لساعتين بعد خلل في خاصية الزوم في النظام."},
	})
}

// TestFrenchServiceSpellings checks the names French news gives services
// of the Arab world and elsewhere where they differ from the gazetteer's.
func TestFrenchServiceSpellings(t *testing.T) {
	checkSpellings(t, []spellingCase{
		{name: "metro with the French city name", main: "Dubai Metro",
			text: "Le métro de Dubaï a été paralysé pendant trois heures mardi à cause d'une panne électrique."},
		{name: "exchange by its French name", main: "New York Stock Exchange",
			text: "Panne à la Bourse de New York : les cotations ont été suspendues pendant une heure mercredi après un incident technique."},
		{name: "bank by its short name", main: "Société Générale",
			text: "Les clients de la SocGen n'ont pas pu accéder à leur application pendant quatre heures lundi à cause d'une panne."},
		{name: "bank translated", main: "National Bank of Egypt",
			text: "Les applications de la Banque nationale d'Égypte sont tombées en panne pendant deux heures dimanche."},
	})
}

// spellingCase is an invented report and the service it must name first.
type spellingCase struct {
	name, text string
	main       string   // the main service; "" when only notAny is checked
	notAny     []string // services that must not be among the outages
}

func checkSpellings(t *testing.T, tests []spellingCase) {
	t.Helper()
	c := newTest(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &corpus.Article{Body: tt.text, Published: "2025-05-08"}
			c.Classify(a)
			var got []string
			for _, o := range a.Outages {
				got = append(got, o.Service)
			}
			if tt.main != "" && (len(got) == 0 || !strings.EqualFold(got[0], tt.main)) {
				t.Errorf("services %q, want %q first", got, tt.main)
			}
			for _, s := range tt.notAny {
				for _, g := range got {
					if strings.EqualFold(g, s) {
						t.Errorf("services %q, want no %q", got, s)
					}
				}
			}
		})
	}
}

// TestServiceAliasesUnique: no name of services.tsv, once folded (case,
// accents, Arabic letter variants, the article), belongs to two services, so
// that a name found in a text always means one service.
func TestServiceAliasesUnique(t *testing.T) {
	c := newTest(t)
	m := c.data.svcM
	owner := map[string]int{}
	for _, p := range m.phrases {
		var words []string
		for _, tk := range p.toks {
			w := tk.s
			if p.caseExact {
				w = "=" + tk.raw
			}
			if tk.prefix {
				w += "*"
			}
			words = append(words, w)
		}
		k := strings.Join(words, " ")
		if prev, ok := owner[k]; ok && prev != p.owner {
			t.Errorf("services.tsv: %q names both %q (%s) and %q (%s)", k,
				c.data.services[prev].name, c.data.services[prev].rule,
				c.data.services[p.owner].name, c.data.services[p.owner].rule)
			continue
		}
		owner[k] = p.owner
	}
}
