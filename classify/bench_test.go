package classify

import (
	"strings"
	"testing"

	"outages/corpus"
)

// benchTexts are ~3 KB articles in each language, built from sentences of
// the tests.
func benchTexts() []string {
	fr := "Les abonnés de Bouygues Telecom ont subi une panne du réseau mobile mardi matin pendant près de trois heures. Le service a été rétabli vers midi, selon l'opérateur, qui évoque un problème logiciel. "
	ar := "شهد تطبيق واتساب عطلا مفاجئا مساء أمس، ما منع ملايين المستخدمين من إرسال الرسائل، قبل أن تعود الخدمة بعد ساعتين من الانقطاع. "
	en := "Discord went down for users across Europe on Sunday evening. The company said the outage, caused by a configuration change, was resolved after about an hour. "
	var out []string
	for _, s := range []string{fr, ar, en} {
		out = append(out, strings.Repeat(s, 3000/len(s)+1))
	}
	return out
}

func BenchmarkDetectLanguage(b *testing.B) {
	c := newTest(b)
	texts := benchTexts()
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.DetectLanguage(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func BenchmarkClassify(b *testing.B) {
	c := newTest(b)
	texts := benchTexts()
	b.SetBytes(int64(len(texts[0])))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := &corpus.Article{Body: texts[i%len(texts)], Published: "2024-05-07"}
		c.Classify(a)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkDetectLanguageShort measures texts that reach lingua (short, few
// stop-words): the first iteration loads its models.
func BenchmarkDetectLanguageShort(b *testing.B) {
	c := newTest(b)
	texts := []string{"Panne géante chez l'opérateur", "Massive outage hits carrier", "Caída masiva del servicio"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.DetectLanguage(texts[i%len(texts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
