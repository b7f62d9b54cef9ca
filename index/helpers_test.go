package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"

	"outages/corpus"
)

func intp(v int) *int { return &v }

type outageSpec struct {
	service string
	aliases []string
	kind    string
	start   string
	dur     *int
	cause   string
}

func art(id, lang, published, title, body string, outs ...outageSpec) *corpus.Article {
	a := &corpus.Article{
		ID: id, URL: "https://news.example/" + id, Source: "test", Host: "news.example",
		Title: title, Body: body, Published: published, Lang: lang,
		IsOutage: len(outs) > 0, Outages: []corpus.Outage{},
	}
	for _, o := range outs {
		a.Outages = append(a.Outages, corpus.Outage{
			Service: o.service, Aliases: o.aliases, Kind: o.kind, Start: o.start,
			DurationMin: o.dur, Cause: o.cause,
			Evidence: corpus.Evidence{Start: []string{}, Duration: []string{}, Cause: []string{}},
		})
	}
	return a
}

// fixtures are hand-written test articles in French, Arabic and English.
func fixtures() []*corpus.Article {
	return []*corpus.Article{
		art("fr1", "fr", "2024-07-03", "Pannes en série sur le réseau mobile",
			"Des pannes à répétition ont privé mardi les abonnés de l'opérateur de tout appel pendant trois heures. Les équipes techniques ont remplacé un routeur défectueux.",
			outageSpec{service: "Mobilis", kind: corpus.KindTelecom, start: "2024-07-02", dur: intp(180), cause: corpus.CauseHardwareFailure}),
		art("fr2", "fr", "2023-12-06", "La mairie visée par une cyberattaque",
			"Les services en ligne de la ville sont restés inaccessibles après une cyberattaque revendiquée par un groupe de pirates.",
			outageSpec{service: "Ville de Lyon", kind: corpus.KindOnlineService, start: "2023-12-05", cause: corpus.CauseCyberattack}),
		art("fr3", "fr", "2024-05-10", "Un budget en hausse pour la culture",
			"Le conseil municipal a voté un budget plus élevé pour les musées et les bibliothèques."),
		art("ar1", "ar", "2024-08-11", "انقطاعًا واسعًا في خدمة الإنترنت",
			"شهدت البلاد انقطاعًا واسعًا في خدمة الإنترنت بعد تضرر كابل بحري قرب الساحل، واستمر لمدة عشر ساعات.",
			outageSpec{service: "Algérie Télécom", kind: corpus.KindInternet, start: "2024-08-10", dur: intp(600), cause: corpus.CauseCableCut}),
		art("ar2", "ar", "2024-08-16", "عودة التيار بعد يومين",
			"أعلنت الشركة عودة التيار إلى الأحياء الشرقية بعد الانقطاع الذي سببته العاصفة لأكثر من يوم كامل.",
			outageSpec{service: "Sonelgaz", kind: corpus.KindPower, start: "2024-08-15", dur: intp(1500), cause: corpus.CauseWeatherDisaster}),
		art("ar3", "ar", "2024-06-01", "بيان الشركة",
			"اعتذرت الشركة للمشتركين عن التأخير والانقطاع في الخدمة خلال عطلة نهاية الأسبوع.",
			outageSpec{service: "Ooredoo", kind: corpus.KindTelecom, start: "2024-05-31", dur: intp(20), cause: corpus.CauseUnknown}),
		art("en1", "en", "2024-07-21", "Cloud provider restores service",
			"The outage lasted about 45 minutes after a faulty configuration update was pushed to the storage layer.",
			outageSpec{service: "AWS", aliases: []string{"Amazon Web Services"}, kind: corpus.KindCloud, start: "2024-07-20", dur: intp(45), cause: corpus.CauseSoftwareChange}),
		art("en2", "en", "2024-07-25", "Storms leave thousands without power",
			"Two separate outages hit the coast: the grid failed on Monday, and a substation fire cut electricity again on Wednesday.",
			outageSpec{service: "Coastal Grid", kind: corpus.KindPower, start: "2024-07-22", dur: intp(300), cause: corpus.CauseWeatherDisaster},
			outageSpec{service: "Coastal Grid", kind: corpus.KindPower, start: "2024-07-24", dur: intp(90), cause: corpus.CauseHardwareFailure}),
		art("en3", "en", "", "How to cut your energy bill",
			"Simple habits such as switching off standby devices can lower the bill."),
	}
}

// writeIndex publishes arts as a new generation in dir.
func writeIndex(t testing.TB, dir string, opts Options, arts ...*corpus.Article) {
	t.Helper()
	ctx := context.Background()
	w, err := OpenWriter(ctx, dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Put(ctx, arts...); err != nil {
		w.Abort()
		t.Fatal(err)
	}
	if err := w.Commit(ctx, Meta{Watermark: uint64(len(arts)), Classifier: "test"}); err != nil {
		t.Fatal(err)
	}
}

func openReader(t testing.TB, dir string) *Reader {
	t.Helper()
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// ids runs q and returns the sorted IDs of all hits.
func ids(t testing.TB, r *Reader, q Query) []string {
	t.Helper()
	if q.Limit == 0 {
		q.Limit = 100
	}
	res, err := r.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.Article.ID)
	}
	sort.Strings(out)
	return out
}

func sameIDs(a, b []string) bool {
	return strings.Join(a, ",") == strings.Join(b, ",")
}

// Synthetic articles for benchmarks and volume tests, made of word lists
// written for these tests.
var synthWords = map[string][]string{
	"fr": strings.Fields("le la les des une panne réseau opérateur abonnés service coupure électricité internet ville région mardi matin soir heures minutes clients techniciens rétabli incident serveur centre données câble tempête travaux ministère annonce communiqué enquête usagers perturbations accès site application paiement banque gare trains retard"),
	"ar": strings.Fields("في من على إلى الخدمة الانقطاع الشبكة الإنترنت الكهرباء المشتركين الشركة ساعات دقائق صباح مساء المدينة الولاية بيان وزارة عطل تقني الكابل العاصفة أعمال صيانة العملاء الموقع التطبيق الدفع البنك عودة التيار"),
	"en": strings.Fields("the a of outage network operator customers service power electricity internet city region monday morning evening hours minutes engineers restored incident server data centre cable storm maintenance ministry statement users disruption access website app payments bank station trains delays"),
}

var synthServices = []string{"Mobilis", "Djezzy", "Ooredoo", "Orange", "SFR", "AWS", "Azure", "WhatsApp", "Facebook", "Sonelgaz", "EDF", "Free"}

// fillerVocab is a vocabulary of made-up words per language (Latin
// syllables for fr and en, Arabic letters for ar), drawn with a Zipf law
// so that synthetic bodies have realistic term statistics: a large
// dictionary, a few frequent words, and domain terms in a minority of
// documents.
var fillerVocab = sync.OnceValue(func() map[string][]string {
	const n = 30000
	latin := strings.Fields("ba ke lo tri mon sa ve dor pli que ran tu zel ni fo gra ste vi mu por cha len ri ta so")
	arabic := strings.Fields("ب ت ج د ر س ش ع ف ق ك ل م ن ه و ي ا ح ص")
	out := map[string][]string{}
	for li, lang := range []string{"fr", "ar", "en"} {
		rng := rand.New(rand.NewPCG(uint64(li), 99))
		parts := latin
		if lang == "ar" {
			parts = arabic
		}
		seen := map[string]bool{}
		for len(out[lang]) < n {
			var w strings.Builder
			k := 2 + rng.IntN(4)
			if lang == "ar" {
				k++
			}
			for j := 0; j < k; j++ {
				w.WriteString(parts[rng.IntN(len(parts))])
			}
			if !seen[w.String()] {
				seen[w.String()] = true
				out[lang] = append(out[lang], w.String())
			}
		}
	}
	return out
})

// synthArticle returns the i-th synthetic article, about bodyBytes long.
func synthArticle(i, bodyBytes int) *corpus.Article {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	lang := []string{"fr", "ar", "en"}[i%3]
	words := synthWords[lang]
	filler := fillerVocab()[lang]
	zipf := rand.NewZipf(rng, 1.1, 2, uint64(len(filler)-1))
	isOutage := rng.IntN(2) == 0
	domain := 1 // per mille
	if isOutage {
		domain = 60
	}
	var b strings.Builder
	for b.Len() < bodyBytes {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if rng.IntN(1000) < domain {
			b.WriteString(words[rng.IntN(len(words))])
		} else {
			b.WriteString(filler[zipf.Uint64()])
		}
		if rng.IntN(15) == 0 {
			b.WriteString(".")
		}
	}
	// Ten years, as an archive in production: ten year partitions.
	month := 1 + rng.IntN(120)
	pub := fmt.Sprintf("%d-%02d-%02d", 2016+(month-1)/12, (month-1)%12+1, 1+rng.IntN(28))
	id := corpus.ArticleID(fmt.Sprintf("https://synth.example/%d", i))
	a := art(id, lang, pub, fmt.Sprintf("%s %s %d", words[rng.IntN(len(words))], filler[zipf.Uint64()], i), b.String())
	if isOutage {
		causes := corpus.Causes()
		o := corpus.Outage{
			Service: synthServices[rng.IntN(len(synthServices))],
			Kind:    []string{corpus.KindTelecom, corpus.KindPower, corpus.KindCloud, corpus.KindInternet}[rng.IntN(4)],
			Start:   pub, Cause: causes[rng.IntN(len(causes))],
		}
		if rng.IntN(3) > 0 {
			o.DurationMin = intp(rng.IntN(3000))
		}
		a.IsOutage = true
		a.Outages = []corpus.Outage{o}
	}
	return a
}
